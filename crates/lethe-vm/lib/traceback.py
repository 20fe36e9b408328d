"""traceback (lethe): formatting and printing exceptions the way the interpreter
prints an uncaught one (format_exc, print_exc, format_exception, print_exception,
format_exception_only) and the current stack (extract_stack, format_stack,
print_stack, walk_stack, through sys._getframe) and the entries of traceback
objects (extract_tb, format_tb, print_tb, walk_tb: their frames give only f_code
and f_lineno)."""

import sys as _sys
import _lethe

__all__ = ['format_exc', 'print_exc', 'format_exception', 'print_exception',
           'format_exception_only', 'print_last', 'extract_stack', 'format_stack',
           'print_stack', 'format_list', 'print_list', 'walk_stack',
           'extract_tb', 'format_tb', 'print_tb', 'walk_tb',
           'FrameSummary', 'StackSummary']

_sentinel = object()


def _value_of(exc, value):
    if value is _sentinel:
        return exc
    return value


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last line(s): 'TypeName: message\\n'."""
    value = _value_of(exc, value)
    if value is None:
        return ['%s\n' % (exc.__name__ if isinstance(exc, type) else 'NoneType: None',)]
    cls = type(value)
    name = cls.__qualname__
    mod = cls.__module__
    if mod not in ('builtins', '__main__'):
        name = mod + '.' + name
    if isinstance(value, SyntaxError):
        lines = _format_syntax_error(value, name)
    else:
        try:
            msg = str(value)
        except Exception:
            msg = '<exception str() failed>'
        lines = ['%s: %s\n' % (name, msg) if msg else '%s\n' % name]
    for note in getattr(value, '__notes__', None) or ():
        lines.append('%s\n' % (note,))
    return lines


def _format_syntax_error(value, stype):
    """File, line, text and caret of a SyntaxError, then 'Type: msg'
    (TracebackException._format_syntax_error)."""
    lines = []
    filename_suffix = ''
    if value.lineno is not None:
        lines.append('  File "{}", line {}\n'.format(value.filename or "<string>",
                                                      value.lineno))
    elif value.filename is not None:
        filename_suffix = ' ({})'.format(value.filename)
    text = value.text
    if text is not None:
        rtext = text.rstrip('\n')
        ltext = rtext.lstrip(' \n\f')
        spaces = len(rtext) - len(ltext)
        lines.append('    {}\n'.format(ltext))
        if value.offset is not None:
            offset = value.offset
            end_offset = value.end_offset if value.end_offset not in {None, 0} else offset
            if offset == end_offset or end_offset == -1:
                end_offset = offset + 1
            colno = offset - 1 - spaces
            end_colno = end_offset - 1 - spaces
            if colno >= 0:
                caretspace = ((c if c.isspace() else ' ') for c in ltext[:colno])
                lines.append('    {}{}\n'.format("".join(caretspace),
                                                 ('^' * (end_colno - colno))))
    msg = value.msg or "<no detail available>"
    lines.append("{}: {}{}\n".format(stype, msg, filename_suffix))
    return lines


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The traceback and message lines, as printed for an uncaught exception."""
    value = _value_of(exc, value)
    if value is None:
        return ['NoneType: None\n']
    if limit is None and chain:
        return _lethe.format_exception(value).splitlines(True)
    return _format_chain(value, limit, chain, set())


def _format_chain(value, limit, chain, seen):
    # As TracebackException.format: the causes or contexts first, each traceback
    # cut to `limit` entries.
    seen.add(id(value))
    out = []
    if chain:
        cause, context = value.__cause__, value.__context__
        if cause is not None and id(cause) not in seen:
            out += _format_chain(cause, limit, chain, seen)
            out.append('\nThe above exception was the direct cause of the '
                       'following exception:\n\n')
        elif (context is not None and not value.__suppress_context__
              and id(context) not in seen):
            out += _format_chain(context, limit, chain, seen)
            out.append('\nDuring handling of the above exception, another '
                       'exception occurred:\n\n')
    stack = extract_tb(value.__traceback__, limit=limit) if value.__traceback__ else []
    if stack:
        out.append('Traceback (most recent call last):\n')
        out += stack.format()
    out += format_exception_only(type(value), value)
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None,
                    chain=True):
    if file is None:
        file = _sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as a string."""
    return ''.join(format_exception(_sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (to sys.stderr by default)."""
    print_exception(_sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(_sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(_sys.last_value, limit=limit, file=file, chain=chain)


class _TbCode:
    __slots__ = ('co_filename', 'co_name')

    def __init__(self, filename, name):
        self.co_filename = filename
        self.co_name = name


class _TbFrame:
    """What walk_tb gives for a traceback entry's frame: its code (co_filename,
    co_name) and line; lethe keeps no frame objects, so nothing else."""

    __slots__ = ('f_code', 'f_lineno', '_site')

    def __init__(self, tb):
        site = tb._lethe_site
        self.f_code = _TbCode(site[0], site[1])
        self.f_lineno = tb.tb_lineno
        self._site = site

    @property
    def f_locals(self):
        _lethe.unsupported('frame objects (traceback.tb_frame)')

    @property
    def f_globals(self):
        _lethe.unsupported('frame objects (traceback.tb_frame)')


def walk_tb(tb):
    """(frame, lineno) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield _TbFrame(tb), tb.tb_lineno
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    """The entries of a traceback object as a StackSummary, outermost first."""
    if limit is None:
        limit = getattr(_sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    entries = list(walk_tb(tb))
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    result = StackSummary()
    for f, lineno in entries:
        site = f._site
        result.append(FrameSummary(site[0], lineno, site[1],
                                   end_lineno=site[3], colno=site[4],
                                   end_colno=site[5]))
    return result


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


from linecache import getline as _getline


class FrameSummary:
    """One frame of a stack: filename, lineno, name and the source line."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _getline(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, outermost first."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        result = klass()
        for f, lineno in frame_gen:
            co = f.f_code
            result.append(FrameSummary(co.co_filename, lineno, co.co_name,
                                       lookup_line=lookup_lines,
                                       locals=f.f_locals if capture_locals else None))
        if limit is not None:
            if limit >= 0:
                result = klass(result[-limit:] if limit else [])
            else:
                result = klass(result[:-limit])
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        fs = frame_summary
        if (fs.colno is not None and fs.end_colno is not None
                and fs.end_lineno is not None):
            # Position markers as the interpreter prints them.
            row = [_lethe.format_tb_entry((fs.filename, fs.name, fs.lineno,
                                           fs.end_lineno, fs.colno,
                                           fs.end_colno))]
        else:
            row = ['  File "{}", line {}, in {}\n'.format(
                fs.filename, fs.lineno, fs.name)]
            if fs.line:
                row.append('    {}\n'.format(fs.line.strip()))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """The formatted entries; a run of more than three of the same file, line
        and function ends with '[Previous line repeated N more times]'."""
        result = []
        last = None
        count = 0
        for fs in self:
            formatted = self.format_frame_summary(fs)
            if formatted is None:
                continue
            key = (fs.filename, fs.lineno, fs.name)
            if last is None or key != last:
                if count > 3:
                    count -= 3
                    result.append(f'  [Previous line repeated {count} more '
                                  f'time{"s" if count > 1 else ""}]\n')
                last = key
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(formatted)
        if count > 3:
            count -= 3
            result.append(f'  [Previous line repeated {count} more '
                          f'time{"s" if count > 1 else ""}]\n')
        return result


def walk_stack(f):
    """(frame, lineno) from `f` (the caller's frame by default) outwards."""
    if f is None:
        f = _sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def _stack(f, limit):
    if f is None:
        f = _sys._getframe().f_back.f_back
    frames = []
    while f is not None:
        frames.append((f, f.f_lineno))
        f = f.f_back
    frames.reverse()
    return StackSummary.extract(frames, limit=limit)


def extract_stack(f=None, limit=None):
    """The stack of the caller (or from frame `f`), outermost frame first."""
    return _stack(f, limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_stack(f=None, limit=None):
    return format_list(_stack(f, limit))


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = _sys.stderr
    for item in format_list(_stack(f, limit)):
        print(item, file=file, end='')


def print_list(extracted_list, file=None):
    if file is None:
        file = _sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end='')
