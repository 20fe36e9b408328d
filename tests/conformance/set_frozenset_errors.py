fs = frozenset([1, 2])

def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: fs.add(3))
attempt(lambda: fs.remove(1))
attempt(lambda: fs.discard(1))
attempt(lambda: fs.pop())
attempt(lambda: fs.clear())
attempt(lambda: fs.update([3]))
attempt(lambda: frozenset(5))
attempt(lambda: frozenset([[1]]))
attempt(lambda: frozenset([{1}]))
attempt(lambda: frozenset([1], [2]))
attempt(lambda: fs[0])
attempt(lambda: fs | [3])
attempt(lambda: fs < [1])
print(fs)
fs |= {9}
print(fs)
frozenset([{}])
