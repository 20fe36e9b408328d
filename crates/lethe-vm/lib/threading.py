"""threading (lethe): the synchronisation objects of CPython's threading for a
runtime that runs one thread.

Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier (parties=1),
local, current_thread, main_thread, get_ident, active_count, enumerate behave as in
CPython for a program with one thread. Starting a thread (Thread.start,
Timer.start) is unsupported, and so is any wait that only another thread could end
(acquiring a held lock, waiting on an unset event or a condition without a
timeout): those fail with "unsupported" instead of hanging. A wait with a timeout
sleeps for it and reports the timeout, as CPython does with no other thread."""

import os as _os
import sys as _sys
import time as _time
import _lethe

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_IDENT = _os.getpid()


def _block(what, timeout):
    # No other thread can end this wait: with a timeout it runs out (CPython
    # sleeps the whole timeout), without one it would last forever.
    if timeout is None or timeout < 0:
        _lethe.unsupported('%s that only another thread could end (lethe runs one thread)'
                           % what)
    if timeout > TIMEOUT_MAX:
        raise OverflowError('timeout value is too large')
    _time.sleep(timeout)
    return False


def get_ident():
    """Return a non-zero integer that uniquely identifies the current thread."""
    return _IDENT


def get_native_id():
    return _IDENT


class Lock:
    """A primitive lock (`_thread.lock`)."""

    __module__ = '_thread'
    __lethe_tp_name__ = '_thread.lock'

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError('timeout value must be a non-negative number')
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        return _block('Lock.acquire() of a held lock', None if timeout == -1 else timeout)

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return '<%s _thread.lock object at %#x>' % (
            'locked' if self._locked else 'unlocked', id(self))

    def _at_fork_reinit(self):
        self._locked = False


def allocate_lock():
    return Lock()


class RLock:
    """A reentrant lock: the thread that holds it may acquire it again."""

    __module__ = '_thread'
    __lethe_tp_name__ = '_thread.RLock'

    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        self._count += 1
        return True

    __enter__ = acquire

    def release(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1

    def __exit__(self, *exc):
        self.release()

    def _is_owned(self):
        return self._count > 0

    def __repr__(self):
        return '<%s _thread.RLock object owner=%d count=%d at %#x>' % (
            'locked' if self._count else 'unlocked',
            _IDENT if self._count else 0, self._count, id(self))


class Condition:
    """Class that implements a condition variable."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%s, 0)>' % (self._lock,)

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_owned()
        if isinstance(self._lock, Lock):
            return self._lock.locked()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        return _block('Condition.wait()', timeout)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        self.wait(timeout)
        return predicate()

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError('cannot notify on un-acquired lock')

    def notify_all(self):
        self.notify()

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    """This class implements semaphore objects."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._value = value

    def __repr__(self):
        return '<%s.%s at %#x: value=%d>' % (self.__class__.__module__,
                                             self.__class__.__qualname__,
                                             id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        return _block('Semaphore.acquire() at zero', timeout)

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A bounded semaphore checks that its value never exceeds its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        return '<%s.%s at %#x: value=%d/%d>' % (self.__class__.__module__,
                                                self.__class__.__qualname__,
                                                id(self), self._value,
                                                self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError('Semaphore released too many times')
        self._value += n


class Event:
    """Class implementing event objects."""

    def __init__(self):
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return '<%s.%s at %#x: %s>' % (cls.__module__, cls.__qualname__, id(self), status)

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        return _block('Event.wait() on an unset event', timeout)


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """A barrier for a fixed number of threads (only parties=1 can pass here)."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._broken = False

    def wait(self, timeout=None):
        if self._broken:
            raise BrokenBarrierError
        if self._parties != 1:
            if timeout is None:
                timeout = self._timeout
            _block('Barrier.wait() with more than one party', timeout)
            self._broken = True
            raise BrokenBarrierError
        if self._action:
            self._action()
        return 0

    def reset(self):
        self._broken = False

    def abort(self):
        self._broken = True

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0

    @property
    def broken(self):
        return self._broken


_counter = 0


def _newname(name_template):
    global _counter
    _counter += 1
    return name_template % _counter


class Thread:
    """A class that represents a thread of control. Constructing one works;
    starting it is unsupported (lethe runs one thread)."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = daemon if daemon is not None else current_thread().daemon
        self._ident = None
        self._started = False
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started:
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        _lethe.unsupported('threading.Thread.start() (lethe runs one thread)')

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        return self._started and not self._is_stopped

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started = True
        self._ident = _IDENT


class Timer(Thread):
    """Call a function after a specified number of seconds (starting one is
    unsupported)."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()


_main_thread = None


def main_thread():
    global _main_thread
    if _main_thread is None:
        _main_thread = _MainThread()
    return _main_thread


def current_thread():
    return main_thread()


currentThread = current_thread


def active_count():
    return 1


activeCount = active_count


def enumerate():
    return [main_thread()]


class local:
    """Thread-local data: with one thread, an object with attributes."""


_profile_hook = None
_trace_hook = None


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def settrace(func):
    global _trace_hook
    _trace_hook = func


def getprofile():
    return _profile_hook


def gettrace():
    return _trace_hook


def stack_size(size=0):
    return 0


class ExceptHookArgs(tuple):
    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


def excepthook(args):
    """Handle uncaught Thread.run() exception."""
    if args.exc_type == SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=_sys.stderr, flush=True)
    _sys.stderr.write(_lethe.format_exception(args.exc_value))


__excepthook__ = excepthook
