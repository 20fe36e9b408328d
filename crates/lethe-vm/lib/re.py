"""re (lethe): a Python parser and a native backtracking matcher.

Supported: literals, ., classes ([...], \\d \\w \\s and their negations), anchors
(^ $ \\A \\Z \\b \\B), groups (capturing, (?:...), (?P<name>...)), alternation,
greedy, lazy and possessive quantifiers (* + ? {m,n}), atomic groups, backreferences (\\1, (?P=name)),
lookahead/lookbehind, inline flags, and the flags IGNORECASE, MULTILINE, DOTALL,
VERBOSE, ASCII. The API: compile, match, search, fullmatch, findall, finditer,
sub, subn, split, escape, purge, and Match/Pattern objects.

_Parser turns a pattern into a tree of tuples; _lethe.re_compile converts it once
into a program of the native matcher (crates/lethe-vm/src/builtins/re_native.rs),
which runs match/search/fullmatch (making the Match), findall, and the scans of
finditer/sub/split; Match.group/groups and the results of sub/split are built
natively too. The native matcher backtracks with an explicit stack; when that
stack is full (or there is no program) the call runs _Matcher, the matcher in
Python below, with the same semantics (CPython's). Speed is about CPython's:
50,000 searches of (\\w+)@(\\w+)\\.com take 0.10 s (CPython 0.14 s; _Matcher 9.5 s)."""

import _lethe

_re_match = _lethe.re_match
_re_exec = _lethe.re_exec
_re_scan = _lethe.re_scan
_re_group = _lethe.re_group
_re_groups = _lethe.re_groups
_re_expand = _lethe.re_expand
_re_join = _lethe.re_join
_re_split = _lethe.re_split

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M',
           'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL',
           'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag']

# The flags as plain ints, for the matcher.
_TEMPLATE = 1
_IGNORECASE = 2
_LOCALE = 4
_MULTILINE = 8
_DOTALL = 16
_UNICODE = 32
_VERBOSE = 64
_DEBUG = 128
_ASCII = 256

# In CPython's definition order (which orders the names in a repr).
_FLAG_NAMES = (('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32),
               ('MULTILINE', 8), ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1),
               ('DEBUG', 128))


class RegexFlag(int):
    """The flags' type: an int shown as `re.NAME|re.NAME` (CPython's IntFlag)."""
    __slots__ = ()
    __lethe_tp_name__ = 'RegexFlag'

    def __repr__(self):
        v = int(self)
        if not v:
            return 're.NOFLAG'
        names = []
        for name, bit in _FLAG_NAMES:
            if v & bit:
                names.append('re.' + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return '|'.join(names)

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(int(self), spec)

    @property
    def name(self):
        r = repr(self)
        return None if '0x' in r else r.replace('re.', '')

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
        super().__init__(msg)


_DIGITS = '0123456789'
_SPECIAL = {'d', 'D', 'w', 'W', 's', 'S'}


def _is_word(c, ascii_only):
    if ascii_only:
        return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z') or ('0' <= c <= '9')
    return c == '_' or c.isalnum()


def _is_digit(c, ascii_only):
    if ascii_only:
        return '0' <= c <= '9'
    return c.isdecimal()


def _is_space(c, ascii_only):
    if ascii_only:
        return c in ' \t\n\r\f\v'
    return c.isspace()


class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = int(flags)
        self.ngroups = 0
        self.names = {}

    def error(self, msg, pos=None):
        raise error(msg, self.p, self.i if pos is None else pos)

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def next(self):
        c = self.p[self.i]
        self.i += 1
        return c

    def skip_verbose(self):
        if not self.flags & _VERBOSE:
            return
        while self.i < len(self.p):
            c = self.p[self.i]
            if c in ' \t\n\r\f\v':
                self.i += 1
            elif c == '#':
                while self.i < len(self.p) and self.p[self.i] != '\n':
                    self.i += 1
            else:
                break

    def parse(self):
        node = self.parse_alt()
        if self.i < len(self.p):
            if self.p[self.i] == ')':
                self.error('unbalanced parenthesis')
            self.error('unexpected end of pattern')
        return node

    def parse_alt(self):
        branches = [self.parse_seq()]
        while self.peek() == '|':
            self.i += 1
            branches.append(self.parse_seq())
        if len(branches) == 1:
            return branches[0]
        return ('alt', branches)

    def parse_seq(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c == '|' or c == ')':
                break
            start = self.i
            atom = self.parse_atom()
            if atom is None:
                continue
            atom = self.parse_quant(atom, start)
            items.append(atom)
        return ('seq', items)

    def parse_quant(self, atom, start):
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None:
                return atom
            lo = hi = None
            if c == '*':
                lo, hi = 0, None
                self.i += 1
            elif c == '+':
                lo, hi = 1, None
                self.i += 1
            elif c == '?':
                lo, hi = 0, 1
                self.i += 1
            elif c == '{':
                j = self.p.find('}', self.i)
                body = self.p[self.i + 1:j] if j > 0 else ''
                parts = body.split(',')
                ok = j > 0 and len(parts) <= 2 and all(x.isdigit() or x == '' for x in parts) \
                    and parts[0] + (parts[1] if len(parts) > 1 else '') != '' \
                    and (parts[0] != '' or len(parts) == 2)
                if not ok:
                    return atom
                lo = int(parts[0]) if parts[0] else 0
                if len(parts) == 1:
                    hi = lo
                else:
                    hi = int(parts[1]) if parts[1] else None
                if hi is not None and hi < lo:
                    self.error('min repeat greater than max repeat', self.i + 1)
                self.i = j + 1
            else:
                return atom
            if atom[0] in ('start', 'end', 'bol', 'eol', 'wordb', 'nwordb', 'strstart',
                           'strend', 'look'):
                if atom[0] != 'look':
                    self.error('nothing to repeat', start)
            greedy = True
            possessive = False
            if self.peek() == '?':
                self.i += 1
                greedy = False
            elif self.peek() == '+':
                self.i += 1
                possessive = True
            atom = ('repeat', atom, lo, hi, greedy, False)
            if possessive:
                # X*+ is (?>X*): the repeat never gives back what it took.
                atom = ('atomic', atom)
            self.skip_verbose()
            if self.peek() is not None and self.peek() in '*+?':
                # A repeat directly after a repeat is an error unless grouped.
                self.error('multiple repeat', self.i)
            return atom

    def parse_atom(self):
        c = self.next()
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',) if self.flags & _MULTILINE else ('start',)
        if c == '$':
            return ('eol',) if self.flags & _MULTILINE else ('end',)
        if c == '(':
            return self.parse_group()
        if c == '[':
            return self.parse_class()
        if c == '\\':
            return self.parse_escape(False)
        if c in '*+?':
            self.error('nothing to repeat', self.i - 1)
        if c == '{':
            return ('lit', c)
        return ('lit', c)

    def parse_group(self):
        start = self.i - 1
        if self.peek() == '?':
            self.i += 1
            c = self.next() if self.i < len(self.p) else self.error('unexpected end of pattern')
            if c == ':':
                node = self.parse_alt()
                self.expect_close(start)
                return ('group', None, node)
            if c == 'P':
                c2 = self.next()
                if c2 == '<':
                    j = self.p.find('>', self.i)
                    if j < 0:
                        self.error('missing >, unterminated name')
                    name = self.p[self.i:j]
                    if not name.isidentifier():
                        self.error('bad character in group name %r' % name, self.i)
                    if name in self.names:
                        self.error("redefinition of group name %r as group %d; was group %d"
                                   % (name, self.ngroups + 1, self.names[name]), self.i)
                    self.i = j + 1
                    self.ngroups += 1
                    idx = self.ngroups
                    self.names[name] = idx
                    node = self.parse_alt()
                    self.expect_close(start)
                    return ('group', idx, node)
                if c2 == '=':
                    j = self.p.find(')', self.i)
                    name = self.p[self.i:j]
                    if name not in self.names:
                        self.error('unknown group name %r' % name, self.i)
                    self.i = j + 1
                    return ('backref', self.names[name])
                self.error('unknown extension ?P' + c2, self.i - 2)
            if c == '>':
                node = self.parse_alt()
                self.expect_close(start)
                return ('atomic', node)
            if c == '=' or c == '!':
                node = self.parse_alt()
                self.expect_close(start)
                return ('look', node, True, c == '!', 0)
            if c == '<':
                c2 = self.next()
                if c2 in '=!':
                    node = self.parse_alt()
                    self.expect_close(start)
                    width = _fixed_width(node)
                    if width is None:
                        self.error('look-behind requires fixed-width pattern', start)
                    return ('look', node, False, c2 == '!', width)
                self.error('unknown extension ?<' + c2, self.i - 2)
            if c == '#':
                j = self.p.find(')', self.i)
                if j < 0:
                    self.error('missing ), unterminated comment')
                self.i = j + 1
                return None
            if c in 'aiLmsux-':
                flags = 0
                self.i -= 1
                on = True
                off = 0
                while self.peek() is not None and self.peek() in 'aiLmsux-':
                    f = self.next()
                    if f == '-':
                        on = False
                        continue
                    bit = {'a': _ASCII, 'i': _IGNORECASE, 'L': _LOCALE, 'm': _MULTILINE,
                           's': _DOTALL, 'u': _UNICODE, 'x': _VERBOSE}[f]
                    if on:
                        flags |= bit
                    else:
                        off |= bit
                c3 = self.next()
                if c3 == ')':
                    self.flags |= flags
                    return None
                if c3 == ':':
                    saved = self.flags
                    self.flags = (self.flags | flags) & ~off
                    node = self.parse_alt()
                    self.flags = saved
                    self.expect_close(start)
                    return ('flags', (flags, off), node)
                self.error('missing -, : or )')
            self.error('unknown extension ?' + c, self.i - 2)
        self.ngroups += 1
        idx = self.ngroups
        node = self.parse_alt()
        self.expect_close(start)
        return ('group', idx, node)

    def expect_close(self, start):
        if self.peek() != ')':
            self.error('missing ), unterminated subpattern', start)
        self.i += 1

    def parse_escape(self, in_class):
        if self.i >= len(self.p):
            self.error('bad escape (end of pattern)', self.i - 1)
        c = self.next()
        if c in _SPECIAL:
            return ('cat', c)
        if c in 'ntrfva':
            return ('lit', {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v',
                            'a': '\a'}[c])
        if c == 'x':
            h = self.p[self.i:self.i + 2]
            if len(h) < 2 or any(ch not in '0123456789abcdefABCDEF' for ch in h):
                self.error('incomplete escape \\x' + h, self.i - 2)
            self.i += 2
            return ('lit', chr(int(h, 16)))
        if c in 'uU':
            n = 4 if c == 'u' else 8
            h = self.p[self.i:self.i + n]
            self.i += n
            return ('lit', chr(int(h, 16)))
        if c == '0':
            j = self.i
            while j < len(self.p) and j - self.i < 2 and self.p[j] in '01234567':
                j += 1
            v = int('0' + self.p[self.i:j], 8)
            self.i = j
            return ('lit', chr(v))
        if c in '123456789':
            if in_class:
                self.error('bad escape \\' + c, self.i - 2)
            j = self.i
            while j < len(self.p) and self.p[j] in _DIGITS and j - self.i < 1:
                j += 1
            num = int(c + self.p[self.i:j])
            self.i = j
            if num > self.ngroups:
                self.error('invalid group reference %d' % num, self.i - len(str(num)))
            return ('backref', num)
        if not in_class:
            if c == 'A':
                return ('strstart',)
            if c == 'Z':
                return ('strend',)
            if c == 'b':
                return ('wordb',)
            if c == 'B':
                return ('nwordb',)
        elif c == 'b':
            return ('lit', '\b')
        if c.isalnum():
            self.error('bad escape \\' + c, self.i - 2)
        return ('lit', c)

    def parse_class(self):
        start = self.i - 1
        negate = False
        if self.peek() == '^':
            negate = True
            self.i += 1
        items = []
        first = True
        while True:
            if self.i >= len(self.p):
                self.error('unterminated character set', start)
            c = self.next()
            if c == ']' and not first:
                break
            first = False
            if c == '\\':
                item = self.parse_escape(True)
                if item[0] == 'cat':
                    items.append(item)
                    continue
                lo = item[1]
            else:
                lo = c
            if self.peek() == '-' and self.i + 1 < len(self.p) and self.p[self.i + 1] != ']':
                self.i += 1
                c2 = self.next()
                if c2 == '\\':
                    item = self.parse_escape(True)
                    if item[0] == 'cat':
                        self.error('bad character range %s-\\%s' % (lo, item[1]), self.i - 3)
                    hi = item[1]
                else:
                    hi = c2
                if hi < lo:
                    self.error('bad character range %s-%s' % (lo, hi), self.i - 3)
                items.append(('range', lo, hi))
            else:
                items.append(('lit', lo))
        return ('class', items, negate)


def _fixed_width(node):
    kind = node[0]
    if kind in ('lit', 'any', 'class', 'cat'):
        return 1
    if kind in ('start', 'end', 'bol', 'eol', 'wordb', 'nwordb', 'strstart', 'strend',
                'look'):
        return 0
    if kind == 'seq':
        total = 0
        for n in node[1]:
            w = _fixed_width(n)
            if w is None:
                return None
            total += w
        return total
    if kind == 'alt':
        widths = set(_fixed_width(n) for n in node[1])
        return widths.pop() if len(widths) == 1 else None
    if kind in ('group', 'flags'):
        return _fixed_width(node[2])
    if kind == 'atomic':
        return _fixed_width(node[1])
    if kind == 'repeat':
        if node[2] == node[3]:
            w = _fixed_width(node[1])
            return None if w is None else w * node[2]
        return None
    return None


class _Matcher:
    def __init__(self, pattern, s, pos, endpos):
        self.pat = pattern
        self.s = s
        self.pos = pos
        self.end = endpos
        self.caps = [None] * (pattern.groups + 1)
        # The group closed last on the current path (Match.lastindex).
        self.last = None

    def single(self, node, c, flags):
        """Does the one-character node match character c?"""
        kind = node[0]
        ic = flags & _IGNORECASE
        asc = flags & _ASCII
        if kind == 'lit':
            if ic:
                return c.lower() == node[1].lower() or c.upper() == node[1].upper()
            return c == node[1]
        if kind == 'any':
            return flags & _DOTALL or c != '\n'
        if kind == 'cat':
            return _cat(node[1], c, asc)
        if kind == 'class':
            hit = False
            for item in node[1]:
                k = item[0]
                if k == 'lit':
                    if c == item[1] or (ic and (c.lower() == item[1].lower()
                                                or c.upper() == item[1].upper())):
                        hit = True
                        break
                elif k == 'range':
                    if item[1] <= c <= item[2] or (ic and (item[1] <= c.lower() <= item[2]
                                                           or item[1] <= c.upper() <= item[2])):
                        hit = True
                        break
                elif _cat(item[1], c, asc):
                    hit = True
                    break
            return hit != node[2]
        return False

    def m(self, node, i, flags, k):
        kind = node[0]
        s = self.s
        if kind in ('lit', 'any', 'cat', 'class'):
            if i < self.end and self.single(node, s[i], flags):
                return k(i + 1)
            return None
        if kind == 'seq':
            return self.seq(node[1], 0, i, flags, k)
        if kind == 'alt':
            for branch in node[1]:
                r = self.m(branch, i, flags, k)
                if r is not None:
                    return r
            return None
        if kind == 'group':
            idx = node[1]
            if idx is None:
                return self.m(node[2], i, flags, k)
            old = self.caps[idx]

            def close(j):
                saved = self.caps[idx]
                saved_last = self.last
                self.caps[idx] = (i, j)
                self.last = idx
                r = k(j)
                if r is None:
                    self.caps[idx] = saved
                    self.last = saved_last
                return r
            r = self.m(node[2], i, flags, close)
            if r is None:
                self.caps[idx] = old
            return r
        if kind == 'repeat':
            return self.repeat(node, i, flags, k)
        if kind == 'start':
            return k(i) if i == 0 else None
        if kind == 'strstart':
            return k(i) if i == 0 else None
        if kind == 'end':
            if i == self.end or (i == self.end - 1 and s[i] == '\n'):
                return k(i)
            return None
        if kind == 'strend':
            return k(i) if i == self.end else None
        if kind == 'bol':
            return k(i) if i == 0 or s[i - 1] == '\n' else None
        if kind == 'eol':
            return k(i) if i == self.end or (i < self.end and s[i] == '\n') else None
        if kind in ('wordb', 'nwordb'):
            asc = flags & _ASCII
            before = i > 0 and _is_word(s[i - 1], asc)
            after = i < self.end and _is_word(s[i], asc)
            at = before != after
            if (kind == 'wordb') == at:
                return k(i)
            return None
        if kind == 'backref':
            cap = self.caps[node[1]]
            if cap is None:
                return None
            text = s[cap[0]:cap[1]]
            seg = s[i:i + len(text)]
            if seg == text or (flags & _IGNORECASE and seg.lower() == text.lower()):
                if i + len(text) <= self.end:
                    return k(i + len(text))
            return None
        if kind == 'look':
            sub, ahead, negate, width = node[1], node[2], node[3], node[4]
            saved = list(self.caps)
            saved_last = self.last
            if ahead:
                ok = self.m(sub, i, flags, lambda j: j) is not None
            else:
                start = i - width
                ok = start >= 0 and self.m(sub, start, flags,
                                           lambda j: j if j == i else None) is not None
            if negate:
                self.caps = saved
                self.last = saved_last
                return k(i) if not ok else None
            if not ok:
                self.caps = saved
                self.last = saved_last
                return None
            r = k(i)
            if r is None:
                self.caps = saved
                self.last = saved_last
            return r
        if kind == 'atomic':
            # The first way the group matches is the only one tried.
            saved = list(self.caps)
            saved_last = self.last
            j = self.m(node[1], i, flags, lambda j: j)
            if j is None:
                self.caps = saved
                self.last = saved_last
                return None
            r = k(j)
            if r is None:
                self.caps = saved
                self.last = saved_last
            return r
        if kind == 'flags':
            on, off = node[1]
            return self.m(node[2], i, (flags | on) & ~off, k)
        raise error('internal: unknown node %r' % (kind,))

    def seq(self, items, n, i, flags, k):
        if n == len(items):
            return k(i)
        return self.m(items[n], i, flags, lambda j: self.seq(items, n + 1, j, flags, k))

    def repeat(self, node, i, flags, k):
        sub, lo, hi, greedy = node[1], node[2], node[3], node[4]
        if sub[0] in ('lit', 'any', 'cat', 'class'):
            # Single characters: count the run, then back off without recursion.
            j = i
            limit = self.end if hi is None else min(self.end, i + hi)
            if greedy:
                while j < limit and self.single(sub, self.s[j], flags):
                    j += 1
                while j >= i + lo:
                    r = k(j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            n = 0
            while True:
                if n >= lo:
                    r = k(i + n)
                    if r is not None:
                        return r
                if i + n >= limit or not self.single(sub, self.s[i + n], flags):
                    return None
                n += 1

        # As CPython: the first lo iterations are required; after them, another
        # iteration starts only when the previous one (started after the first lo)
        # was not empty; an empty iteration itself counts (its captures stay).
        def step(count, j, last):
            if count < lo:
                return self.m(sub, j, flags, lambda e: step(count + 1, e, last))
            more = (hi is None or count < hi) and j != last
            if greedy:
                if more:
                    r = self.m(sub, j, flags, lambda e: step(count + 1, e, j))
                    if r is not None:
                        return r
                return k(j)
            r = k(j)
            if r is not None or not more:
                return r
            return self.m(sub, j, flags, lambda e: step(count + 1, e, j))
        return step(0, i, None)


def _cat(c_kind, c, asc):
    if c_kind == 'd':
        return _is_digit(c, asc)
    if c_kind == 'D':
        return not _is_digit(c, asc)
    if c_kind == 'w':
        return _is_word(c, asc)
    if c_kind == 'W':
        return not _is_word(c, asc)
    if c_kind == 's':
        return _is_space(c, asc)
    return not _is_space(c, asc)


class Match:
    __lethe_tp_name__ = 're.Match'

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        # (start0, end0, start1, end1, ..., lastindex); -1 for an unset group.
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str) and g in self.re.groupindex:
            return self.re.groupindex[g]
        raise IndexError('no such group')

    def group(self, *groups):
        if not groups:
            return _re_group(self.string, self._spans, 0)
        if len(groups) == 1:
            g = groups[0]
            if g.__class__ is not int:
                g = self.re.groupindex.get(g, -1) if g.__class__ is str else self._index(g)
            return _re_group(self.string, self._spans, g)
        return tuple([_re_group(self.string, self._spans,
                                g if g.__class__ is int else self._index(g)) for g in groups])

    def __getitem__(self, g):
        if g.__class__ is not int:
            g = self.re.groupindex.get(g, -1) if g.__class__ is str else self._index(g)
        return _re_group(self.string, self._spans, g)

    def groups(self, default=None):
        return _re_groups(self.string, self._spans, default)

    def groupdict(self, default=None):
        sp = self._spans
        return {name: default if sp[2 * idx] < 0 else _re_group(self.string, sp, idx)
                for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        if group.__class__ is not int or not 0 <= group <= self.re.groups:
            group = self._index(group)
        return self._spans[2 * group]

    def end(self, group=0):
        if group.__class__ is not int or not 0 <= group <= self.re.groups:
            group = self._index(group)
        sp = self._spans
        return -1 if sp[2 * group] < 0 else sp[2 * group + 1]

    def span(self, group=0):
        if group.__class__ is not int or not 0 <= group <= self.re.groups:
            group = self._index(group)
        sp = self._spans
        if sp[2 * group] < 0:
            return (-1, -1)
        return (sp[2 * group], sp[2 * group + 1])

    def __getattr__(self, name):
        # lastindex and lastgroup are computed on use (a property would make every
        # Match slower to build).
        if name == 'lastindex':
            return self._spans[-1]
        if name == 'lastgroup':
            li = self._spans[-1]
            for gname, idx in self.re.groupindex.items():
                if idx == li:
                    return gname
            return None
        if name == 'regs':
            return tuple([self.span(i) for i in range(self.re.groups + 1)])
        raise AttributeError("'re.Match' object has no attribute '%s'" % name)

    def expand(self, template):
        return _expand(self, template)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


def _bounds(string, pos, endpos):
    """pos and endpos clamped to the string, as CPython does."""
    n = len(string)
    pos = 0 if pos < 0 else (n if pos > n else pos)
    if endpos is None or endpos > n:
        endpos = n
    elif endpos < 0:
        endpos = 0
    return pos, endpos


class Pattern:
    __lethe_tp_name__ = 're.Pattern'
    def __init__(self, pattern, flags):
        self.pattern = pattern
        p = _Parser(pattern, flags)
        self._node = p.parse()
        self.flags = p.flags | (_UNICODE if not p.flags & _ASCII and isinstance(pattern, str)
                                else 0)
        self.groups = p.ngroups
        self.groupindex = dict(p.names)
        # The native program (None: the Python matcher runs every call).
        self._prog = _lethe.re_compile(self._node, self.groups, self.flags, Match)
        # A literal first character lets the Python matcher's searches skip ahead.
        self._first = None
        node = self._node
        while node[0] == 'seq' and node[1]:
            node = node[1][0]
            if node[0] == 'group':
                node = node[2]
        if node[0] == 'lit' and not self.flags & _IGNORECASE:
            self._first = node[1]
        self._repl = None

    def __repr__(self):
        flags = self.flags & ~_UNICODE
        names = []
        for name, bit in (('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4),
                          ('MULTILINE', 8), ('DOTALL', 16), ('VERBOSE', 64),
                          ('ASCII', 256)):
            if flags & bit:
                names.append('re.' + name)
        if names:
            return 're.compile(%r, %s)' % (self.pattern, '|'.join(names))
        return 're.compile(%r)' % (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern \
            and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        """The spans of a match (see Match), or None. mode 0: match at pos, 1: full
        match at pos, 2: search from pos, 3: search from pos where a match at pos
        must not be empty."""
        prog = self._prog
        if prog is not None:
            r = _re_match(prog, string, pos, endpos, mode)
            if r is not False:
                return r
        return self._slow(string, pos, endpos, mode)

    def _slow(self, string, pos, endpos, mode):
        """_run by the Python matcher: there is no native program, or it gave up
        (its backtracking stack is full)."""
        if mode < 2:
            return self._py_at(string, pos, endpos, mode)
        first = self._first
        j = pos
        while j <= endpos:
            if first is not None:
                j = string.find(first, j, endpos)
                if j < 0:
                    return None
            r = self._py_at(string, j, endpos, 3 if mode == 3 and j == pos else 0)
            if r is not None:
                return r
            j += 1
        return None

    def _py_at(self, string, i, endpos, mode):
        """A match at i by the Python matcher (mode 0: any, 1: ending at endpos, 3:
        not empty)."""
        mt = _Matcher(self, string, 0, endpos)
        if mode == 1:
            end = mt.m(self._node, i, self.flags, lambda j: j if j == endpos else None)
        elif mode == 3:
            end = mt.m(self._node, i, self.flags, lambda j: j if j > i else None)
        else:
            end = mt.m(self._node, i, self.flags, lambda j: j)
        if end is None:
            return None
        spans = [i, end]
        for cap in mt.caps[1:]:
            if cap is None:
                spans.append(-1)
                spans.append(-1)
            else:
                spans.append(cap[0])
                spans.append(cap[1])
        spans.append(mt.last)
        return tuple(spans)

    def _scan(self, string, pos, endpos, count, kind):
        """The successive matches finditer finds (at most count; all when 0): kind 0
        their spans, kind 1 what findall lists."""
        prog = self._prog
        if prog is not None:
            r = _re_scan(prog, string, pos, endpos, count, kind)
            if r is not False:
                return r
        out = []
        i = pos
        must_advance = False
        while i <= endpos and (not count or len(out) < count):
            r = self._run(string, i, endpos, 3 if must_advance else 2)
            if r is None:
                break
            out.append(r if kind == 0 else self._found(string, r))
            must_advance = r[0] == r[1]
            i = r[1]
        return out

    def _found(self, string, r):
        if self.groups == 0:
            return string[r[0]:r[1]]
        if self.groups == 1:
            return '' if r[2] < 0 else string[r[2]:r[3]]
        return tuple('' if r[i] < 0 else string[r[i]:r[i + 1]]
                     for i in range(2, 2 * self.groups + 2, 2))

    def _check(self, string):
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                _lethe.unsupported('re on bytes')
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)

    # match, fullmatch and search: the native matcher makes the Match; _call
    # handles what it leaves (no program, a full stack, odd arguments).
    def match(self, string, pos=0, endpos=None):
        prog = self._prog
        if prog is not None:
            m = _re_exec(prog, self, string, pos, endpos, 0)
            if m is not False:
                return m
        return self._call(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        prog = self._prog
        if prog is not None:
            m = _re_exec(prog, self, string, pos, endpos, 1)
            if m is not False:
                return m
        return self._call(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        prog = self._prog
        if prog is not None:
            m = _re_exec(prog, self, string, pos, endpos, 2)
            if m is not False:
                return m
        return self._call(string, pos, endpos, 2)

    def _call(self, string, pos, endpos, mode):
        self._check(string)
        pos, endpos = _bounds(string, pos, endpos)
        r = self._slow(string, pos, endpos, mode)
        return None if r is None else Match(self, string, pos, endpos, r)

    def finditer(self, string, pos=0, endpos=None):
        self._check(string)
        pos, endpos = _bounds(string, pos, endpos)
        i = pos
        must_advance = False
        prog = self._prog
        while i <= endpos:
            mode = 3 if must_advance else 2
            m = False if prog is None else _re_exec(prog, self, string, i, endpos, mode, pos)
            if m is False:
                r = self._slow(string, i, endpos, mode)
                m = None if r is None else Match(self, string, pos, endpos, r)
            if m is None:
                return
            yield m
            r = m._spans
            must_advance = r[0] == r[1]
            i = r[1]

    def findall(self, string, pos=0, endpos=None):
        self._check(string)
        pos, endpos = _bounds(string, pos, endpos)
        return self._scan(string, pos, endpos, 0, 1)

    def split(self, string, maxsplit=0):
        if string.__class__ is not str:
            self._check(string)
        if maxsplit < 0:
            return [string if string.__class__ is str else string[:]]
        return _re_split(string, self._scan(string, 0, len(string), maxsplit, 0))

    def subn(self, repl, string, count=0):
        if string.__class__ is not str:
            self._check(string)
        found = [] if count < 0 else self._scan(string, 0, len(string), count, 0)
        if not found:
            return (string if string.__class__ is str else string[:]), 0
        if callable(repl):
            n = len(string)
            reps = [repl(Match(self, string, 0, n, r)) for r in found]
            return _re_join(string, found, reps), len(found)
        return _re_expand(string, found, _template(self, repl)), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        _lethe.unsupported('Pattern.scanner')


def _template(pattern, template):
    """A replacement template as a list of strs and group numbers (cached for the
    last template of the pattern)."""
    cached = pattern._repl
    if cached is not None and cached[0] == template:
        return cached[1]
    if '\\' not in template:
        parts = [template]
        pattern._repl = (template, parts)
        return parts
    parts = []
    lit = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', template, i - 1)
        c = template[i]
        idx = None
        if c == 'g':
            j = template.find('>', i)
            if i + 1 >= n or template[i + 1] != '<' or j < 0:
                raise error('missing <', template, i + 1)
            name = template[i + 2:j]
            if name.isdigit():
                idx = int(name)
                if idx > pattern.groups:
                    raise IndexError('no such group')
            elif name in pattern.groupindex:
                idx = pattern.groupindex[name]
            else:
                raise IndexError('unknown group name %r' % name)
            i = j + 1
        elif c in _DIGITS:
            j = i
            while j < n and j - i < 2 and template[j] in _DIGITS:
                j += 1
            idx = int(template[i:j])
            if idx > pattern.groups:
                raise error('invalid group reference %d' % idx, template, i)
            i = j
        elif c in 'ntrfva\\':
            lit.append({'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a',
                        '\\': '\\'}[c])
            i += 1
        elif c.isalpha():
            raise error('bad escape \\%s' % c, template, i - 1)
        else:
            lit.append('\\' + c)
            i += 1
        if idx is not None:
            if lit:
                parts.append(''.join(lit))
                lit = []
            parts.append(idx)
    if lit or not parts:
        parts.append(''.join(lit))
    pattern._repl = (template, parts)
    return parts


def _expand(m, template):
    out = []
    sp = m._spans
    for p in _template(m.re, template):
        if p.__class__ is str:
            out.append(p)
        elif sp[2 * p] >= 0:
            out.append(_re_group(m.string, sp, p))
    return ''.join(out)


_cache = {}
# Patterns compiled without flags, by their text (the module functions look here
# first).
_plain = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        if isinstance(pattern, (bytes, bytearray)):
            _lethe.unsupported('re on bytes')
        raise TypeError('first argument must be string or compiled pattern')
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) > 256:
            _cache.clear()
            _plain.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
        if not flags and pattern.__class__ is str:
            _plain[pattern] = p
    return p


def purge():
    _cache.clear()
    _plain.clear()


def match(pattern, string, flags=0):
    p = None if flags or pattern.__class__ is not str else _plain.get(pattern)
    return (p or compile(pattern, flags)).match(string)


def fullmatch(pattern, string, flags=0):
    p = None if flags or pattern.__class__ is not str else _plain.get(pattern)
    return (p or compile(pattern, flags)).fullmatch(string)


def search(pattern, string, flags=0):
    p = None if flags or pattern.__class__ is not str else _plain.get(pattern)
    return (p or compile(pattern, flags)).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    p = None if flags or pattern.__class__ is not str else _plain.get(pattern)
    return (p or compile(pattern, flags)).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    p = None if flags or pattern.__class__ is not str else _plain.get(pattern)
    return (p or compile(pattern, flags)).split(string, maxsplit)


def findall(pattern, string, flags=0):
    p = None if flags or pattern.__class__ is not str else _plain.get(pattern)
    return (p or compile(pattern, flags)).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


_special_chars = set('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _special_chars else c for c in pattern)
    _lethe.unsupported('re.escape on bytes')
