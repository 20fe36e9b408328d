# threading with one thread: locks, RLock, Condition, semaphores, Event, Barrier(1), current/main thread, Thread objects (not started), local.
import threading
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)
with lock:
    print('inside', lock.locked())
print(lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print('ValueError:', e)
r = threading.RLock()
with r:
    with r:
        print('reentrant')
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
c = threading.Condition()
try:
    c.notify()
except RuntimeError as e:
    print('RuntimeError:', e)
with c:
    c.notify_all()
    print(c.wait(0.01), c.wait_for(lambda: 42))
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
b = threading.BoundedSemaphore(1)
try:
    b.release()
except ValueError as e:
    print('ValueError:', e)
e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(5))
e.clear()
print(e.is_set())
t = threading.current_thread()
print(t.name, t.is_alive(), t.daemon, t is threading.main_thread(), threading.active_count(), len(threading.enumerate()))
print(threading.get_ident() == t.ident, type(threading.get_ident()).__name__)
th = threading.Thread(target=print, args=('x',), name='worker')
print(th.name, th.is_alive(), th.daemon, repr(th))
print(threading.Thread(target=len).name.endswith('(len)'))
try:
    th.join()
except RuntimeError as ex:
    print('RuntimeError:', ex)
loc = threading.local()
loc.x = 5
print(loc.x)
bar = threading.Barrier(1, action=lambda: print('action'))
print(bar.wait(), bar.parties, bar.broken)
print(threading.TIMEOUT_MAX > 1e9)
class Worker(threading.Thread):
    def run(self):
        print('run called directly')
Worker().run()
