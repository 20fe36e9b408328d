# atexit: callbacks run last in, first out after the program (here sys.exit(3)), with
# arguments; an exception in one is reported and the rest still run; unregister.
import atexit, sys

def bye(who, punct='!'):
    print('bye', who + punct)

def boom():
    print('boom runs')
    1 / 0

atexit.register(bye, 'first')
atexit.register(boom)
@atexit.register
def last():
    print('registered last, runs first')
atexit.register(bye, 'kw', punct='?')
atexit.register(print, 'to be removed')
atexit.unregister(print)

try:
    atexit.register(5)
except TypeError as e:
    print('TypeError:', e)
print('main done')
sys.exit(3)
