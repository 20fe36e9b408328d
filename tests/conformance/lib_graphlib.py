# graphlib: TopologicalSorter (static_order, prepare/get_ready/done, is_active),
# CycleError with the cycle, and misuse errors.
import graphlib

ts = graphlib.TopologicalSorter({4: (2, 3), 3: (1,), 2: (1,), 5: ()})
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
ts.add('build', 'compile', 'link')
ts.add('link', 'compile')
ts.add('test', 'build')
ts.add('compile')
ts.prepare()
order = []
while ts.is_active():
    ready = ts.get_ready()
    order.append(ready)
    ts.done(*ready)
print(order, bool(ts))
try:
    graphlib.TopologicalSorter({1: (2,), 2: (3,), 3: (1,)}).prepare()
except graphlib.CycleError as e:
    print('CycleError:', e.args[0], e.args[1])
ts = graphlib.TopologicalSorter({1: (0,)})
try:
    ts.get_ready()
except ValueError as e:
    print('ValueError:', e)
ts.prepare()
try:
    ts.prepare()
except ValueError as e:
    print('ValueError:', e)
try:
    ts.add(7)
except ValueError as e:
    print('ValueError:', e)
try:
    ts.done(1)
except ValueError as e:
    print('ValueError:', e)
try:
    ts.done(99)
except ValueError as e:
    print('ValueError:', e)
print(ts.get_ready(), ts.get_ready())
ts.done(0)
try:
    ts.done(0)
except ValueError as e:
    print('ValueError:', e)
print(graphlib.TopologicalSorter[int])
