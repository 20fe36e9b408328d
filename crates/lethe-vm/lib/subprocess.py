"""subprocess (lethe): running child processes, after CPython 3.11's module.

run, call, check_call, check_output, getoutput, getstatusoutput, Popen (pipes for
stdin/stdout/stderr, communicate with input and timeout, wait, poll, kill,
terminate, send_signal, context manager), CompletedProcess, CalledProcessError,
TimeoutExpired, PIPE, STDOUT, DEVNULL and list2cmdline. The children are started
natively (_lethe.proc_*).

stdin/stdout/stderr may be None, PIPE, DEVNULL, STDOUT (stderr), an open file or
0/1/2. Not supported (they fail with "unsupported"): other descriptor numbers,
preexec_fn, pass_fds, start_new_session and the other process-attribute options,
and bytes arguments."""

# Follows CPython's Lib/subprocess.py (Python Software Foundation License).

import os
import sys
import _lethe

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_INHERIT, _PIPE, _DEVNULL, _MERGE = 0, 1, 2, 3
_FD_BASE = 100

# Linux signal numbers, for CalledProcessError's "died with <Signals.SIGKILL: 9>".
_SIGNALS = {1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP',
            6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1',
            11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM',
            16: 'SIGSTKFLT', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP', 20: 'SIGTSTP',
            21: 'SIGTTIN', 22: 'SIGTTOU', 23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ',
            26: 'SIGVTALRM', 27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGIO', 30: 'SIGPWR',
            31: 'SIGSYS'}


class _Signal:
    def __init__(self, num):
        self.num = num

    def __repr__(self):
        if self.num in _SIGNALS:
            return '<Signals.%s: %d>' % (_SIGNALS[self.num], self.num)
        if 34 <= self.num <= 64:
            name = 'SIGRTMIN' if self.num == 34 else (
                'SIGRTMAX' if self.num == 64 else None)
            if name:
                return '<Signals.%s: %d>' % (name, self.num)
        raise ValueError(self.num)


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() is called with check=True and the process
    returns a non-zero exit status.

    Attributes:
      cmd, returncode, stdout, stderr, output
    """

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr
        self.args = (returncode, cmd, output, stderr) if stderr is not None else (
            (returncode, cmd, output) if output is not None else (returncode, cmd))

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (
                    self.cmd, _Signal(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
        else:
            return "Command '%s' returned non-zero exit status %d." % (
                self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output attribute, to match stderr"""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """This exception is raised when the timeout expires while waiting for a
    child process.

    Attributes:
        cmd, output, stdout, stderr, timeout
    """

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr
        self.args = (cmd, timeout, output, stderr) if stderr is not None else (
            (cmd, timeout, output) if output is not None else (cmd, timeout))

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """A process that has finished running.

    This is returned by run().

    Attributes:
      args: The list or str args passed to run().
      returncode: The exit code of the process, negative for signals.
      stdout: The standard output (None if not captured).
      stderr: The standard error (None if not captured).
    """

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


def _translate_newlines(text):
    return text.replace('\r\n', '\n').replace('\r', '\n')


class _PipeFile:
    """One of Popen's stdin/stdout/stderr pipes (binary, or text with universal
    newlines when the Popen is in text mode)."""

    def __init__(self, proc, which, text, encoding, errors):
        self._proc = proc
        self._which = which          # 0 stdin, 1 stdout, 2 stderr
        self._text = text
        self._encoding = encoding
        self._errors = errors
        self.closed = False
        self.mode = ('w' if which == 0 else 'r') + ('' if text else 'b')

    def _decode(self, data):
        if not self._text:
            return data
        return _translate_newlines(data.decode(self._encoding, self._errors))

    def _check(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def write(self, data):
        self._check()
        if self._which != 0:
            raise OSError('not writable')
        if self._text:
            if not isinstance(data, str):
                raise TypeError('write() argument must be str, not %s' % type(data).__name__)
            n = len(data)
            data = data.encode(self._encoding, self._errors)
        else:
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(data).__name__)
            n = len(data)
        _lethe.proc_write(self._proc._handle, bytes(data))
        return n

    def flush(self):
        pass

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        if self._text and size >= 0:
            _lethe.unsupported('read(n) of a text-mode subprocess pipe')
        return self._decode(_lethe.proc_read(self._proc._handle, self._which, size))

    def readline(self, size=-1):
        self._check()
        if size is not None and size >= 0:
            _lethe.unsupported('readline(size) of a subprocess pipe')
        # Lines end at b'\n' (a lone '\r' does not end a line here, where CPython's
        # universal newlines would end one).
        return self._decode(_lethe.proc_readline(self._proc._handle, self._which))

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self):
        if not self.closed:
            self.closed = True
            if self._which == 0:
                _lethe.proc_close_stdin(self._proc._handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def fileno(self):
        _lethe.unsupported('fileno() of a subprocess pipe')


def _mode_of(v, name, allow_stdout=False):
    if v is None:
        return _INHERIT
    if isinstance(v, int) and not isinstance(v, bool):
        if v == PIPE:
            return _PIPE
        if v == DEVNULL:
            return _DEVNULL
        if v == STDOUT and allow_stdout:
            return _MERGE
        if v in (0, 1, 2):
            return _FD_BASE + v
        # lethe's file objects have no real descriptor numbers (fileno() is not
        # the OS one): pass the file object itself.
        _lethe.unsupported('subprocess %s= as a file descriptor number' % name)
    if v is sys.__stdout__:
        return _FD_BASE + 1
    if v is sys.__stderr__:
        return _FD_BASE + 2
    if v is getattr(sys, '__stdin__', None):
        return _FD_BASE + 0
    h = getattr(v, '_h', None)
    if isinstance(h, int) and hasattr(v, 'closed'):
        if v.closed:
            raise ValueError('I/O operation on closed file.')
        if hasattr(v, 'flush'):
            v.flush()
        return _FD_BASE + _lethe.file_fd(h)
    _lethe.unsupported('subprocess %s=%r (None, PIPE, DEVNULL%s or an open file)'
                       % (name, v, ', STDOUT' if allow_stdout else ''))


def _args_list(args, shell, executable):
    if isinstance(args, (str, bytes)) or hasattr(type(args), '__fspath__'):
        args = [args]
    else:
        args = list(args)
    out = []
    for a in args:
        if isinstance(a, bytes):
            _lethe.unsupported('subprocess with bytes arguments')
        if not isinstance(a, str):
            if hasattr(type(a), '__fspath__'):
                a = os.fspath(a)
            else:
                raise TypeError('expected str, bytes or os.PathLike object, not %s'
                                % type(a).__name__)
        out.append(a)
    if shell:
        unix_shell = '/bin/sh' if executable is None else executable
        out = [unix_shell, '-c'] + out
    elif executable is not None:
        _lethe.unsupported('subprocess executable= without shell=True')
    return out


class Popen:
    """Execute a child program in a new process."""

    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1,
                 pipesize=-1, process_group=None):
        self._handle = None
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        for name, value, default in (('preexec_fn', preexec_fn, None),
                                     ('pass_fds', pass_fds, ()),
                                     ('start_new_session', start_new_session, False),
                                     ('user', user, None), ('group', group, None),
                                     ('extra_groups', extra_groups, None),
                                     ('umask', umask, -1),
                                     ('process_group', process_group, None)):
            if value != default:
                _lethe.unsupported('subprocess.Popen %s=' % name)
        if universal_newlines is not None and text is not None \
                and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        argv = _args_list(args, shell, executable)
        if cwd is not None:
            cwd = os.fspath(cwd)
        envlist = None
        if env is not None:
            envlist = [(os.fspath(k), os.fspath(v)) for k, v in env.items()]
        m_in = _mode_of(stdin, 'stdin')
        m_out = _mode_of(stdout, 'stdout')
        m_err = _mode_of(stderr, 'stderr', allow_stdout=True)
        if m_out in (_INHERIT, _FD_BASE + 1) or m_err in (_INHERIT, _MERGE, _FD_BASE + 2):
            # The child writes straight to our descriptors: what print() has
            # buffered goes first (CPython's order on a terminal or unbuffered).
            for f in (sys.__stdout__, sys.__stderr__):
                try:
                    f.flush()
                except (AttributeError, ValueError, OSError):
                    pass
        self._handle, self.pid = _lethe.proc_spawn(argv, cwd, envlist, m_in, m_out, m_err)
        enc = encoding or 'utf-8'
        errs = errors or 'strict'
        if m_in == _PIPE:
            self.stdin = _PipeFile(self, 0, self.text_mode, enc, errs)
        if m_out == _PIPE:
            self.stdout = _PipeFile(self, 1, self.text_mode, enc, errs)
        if m_err == _PIPE:
            self.stderr = _PipeFile(self, 2, self.text_mode, enc, errs)
        self._communication_started = False

    def __del__(self):
        if self._handle is not None:
            if self.returncode is None:
                self.poll()
            _lethe.proc_release(self._handle)
            self._handle = None

    def __repr__(self):
        obj_repr = (
            f"<{self.__class__.__name__}: "
            f"returncode: {self.returncode} args: {self.args!r}>"
        )
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def poll(self):
        """Check if child process has terminated. Set and return returncode
        attribute."""
        if self.returncode is None:
            self.returncode = _lethe.proc_poll(self._handle)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for child process to terminate; returns self.returncode."""
        if self.returncode is not None:
            return self.returncode
        code = _lethe.proc_wait(self._handle, timeout)
        if code is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = code
        return code

    def communicate(self, input=None, timeout=None):
        """Interact with process: Send data to stdin and close it.
        Read data from stdout and stderr, until end-of-file is
        reached.  Wait for process to terminate.

        Returns a tuple (stdout, stderr)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if input is not None:
            if self.stdin is None:
                # CPython writes nothing when there is no stdin pipe.
                input = None
            elif self.text_mode:
                if not isinstance(input, str):
                    raise TypeError('write() argument must be str, not %s'
                                    % type(input).__name__)
                input = input.encode(self.encoding or 'utf-8', self.errors or 'strict')
            elif not isinstance(input, (bytes, bytearray)):
                raise TypeError("memoryview: a bytes-like object is required, not '%s'"
                                % type(input).__name__)
        self._communication_started = True
        if self.stdin is not None:
            self.stdin.closed = True
        out, err, code = _lethe.proc_communicate(self._handle, input, timeout)
        if code is None:
            raise TimeoutExpired(self.args, timeout, out, err)
        self.returncode = code
        enc = self.encoding or 'utf-8'
        errs = self.errors or 'strict'
        if self.text_mode:
            if out is not None:
                out = _translate_newlines(out.decode(enc, errs))
            if err is not None:
                err = _translate_newlines(err.decode(enc, errs))
        if self.stdout is None:
            out = None
        if self.stderr is None:
            err = None
        if self.stdout is not None:
            self.stdout.closed = True
        if self.stderr is not None:
            self.stderr.closed = True
        return (out, err)

    def send_signal(self, sig):
        """Send a signal to the process."""
        self.poll()
        if self.returncode is not None:
            return
        _lethe.proc_signal(self._handle, int(sig))

    def terminate(self):
        """Terminate the process with SIGTERM"""
        self.send_signal(15)

    def kill(self):
        """Kill the process with SIGKILL"""
        self.send_signal(9)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False,
        **kwargs):
    """Run command with arguments and return a CompletedProcess instance."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE

    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE

    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            # The exception carries what was read before the timeout.
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run command with arguments.  Wait for command to complete or
    timeout, then return the returncode attribute."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run command with arguments.  Wait for command to complete.  If
    the exit code was zero then return, otherwise raise
    CalledProcessError."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    r"""Run command with arguments and return its output."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')

    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty

    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """Return (exitcode, output) of executing cmd in a shell (trailing newline
    stripped)."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """Return output (stdout or stderr) of executing cmd in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """Translate a sequence of arguments into a command line string, using the
    same rules as the MS C runtime."""
    result = []
    needquote = False
    for arg in map(os.fsdecode, seq):
        bs_buf = []
        if result:
            result.append(' ')
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        for c in arg:
            if c == '\\':
                bs_buf.append(c)
            elif c == '"':
                result.append('\\' * len(bs_buf) * 2)
                bs_buf = []
                result.append('\\"')
            else:
                if bs_buf:
                    result.extend(bs_buf)
                    bs_buf = []
                result.append(c)
        if bs_buf:
            result.extend(bs_buf)
        if needquote:
            result.extend(bs_buf)
            result.append('"')
    return ''.join(result)
