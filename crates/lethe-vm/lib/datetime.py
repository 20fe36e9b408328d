"""datetime (lethe): date, time, datetime, timedelta, tzinfo and timezone.

The calendar arithmetic and the time zone rules follow CPython's pure-Python
datetime; messages and reprs are those of the C implementation."""

import time as _time
import _lethe

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR',
           'MAXYEAR', 'UTC')

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
               'Oct', 'Nov', 'Dec']
_FULLMONTHNAMES = [None, 'January', 'February', 'March', 'April', 'May', 'June', 'July',
                   'August', 'September', 'October', 'November', 'December']
_DAYNAMES = [None, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_FULLDAYNAMES = [None, 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
                 'Saturday', 'Sunday']


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError('an integer is required (got type %s)' % type(value).__name__) \
            from None


def _check_date_fields(year, month, day):
    year, month, day = _check_int(year), _check_int(month), _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold=0):
    hour, minute = _check_int(hour), _check_int(minute)
    second, microsecond = _check_int(second), _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    return hour, minute, second, microsecond


def _check_tz(tzinfo):
    if tzinfo is not None and not isinstance(tzinfo, _tzinfo_class()):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % type(tzinfo).__name__)


def _tzinfo_class():
    return tzinfo


def _check_fold(fold):
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return fold


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24), not %r."
                         % (offset,))


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, "
                        "not '%s'" % type(name).__name__)


class tzinfo:
    """Abstract base class for time zone info classes."""
    __lethe_tp_name__ = 'datetime.tzinfo'
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; "
                                 "cannot convert")
        return dt + dtdst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        return (self.__class__, args, self.__getstate__())


_Omitted = object()


class timezone(tzinfo):
    """A fixed offset from UTC."""
    __lethe_tp_name__ = 'datetime.timezone'
    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is _Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % type(name).__name__)
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r."
                             % (offset,))
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return "datetime.%s(%r)" % (self.__class__.__name__, self._offset)
        return "datetime.%s(%r, %r)" % (self.__class__.__name__, self._offset,
                                        self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname() argument must be a datetime instance or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        if delta < timedelta(0):
            sign = '-'
            delta = -delta
        else:
            sign = '+'
        hours, rest = divmod(delta, timedelta(hours=1))
        minutes, rest = divmod(rest, timedelta(minutes=1))
        seconds = rest.seconds
        microseconds = rest.microseconds
        if microseconds:
            return (f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
                    f'.{microseconds:06d}')
        if seconds:
            return f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
        return f'UTC{sign}{hours:02d}:{minutes:02d}'


def _format_offset(off):
    s = ''
    if off is not None:
        if off.days < 0:
            sign = "-"
            off = -off
        else:
            sign = "+"
        hh, mm = divmod(off, timedelta(hours=1))
        mm, ss = divmod(mm, timedelta(minutes=1))
        s += "%s%02d:%02d" % (sign, hh, mm)
        if ss or ss.microseconds:
            s += ":%02d" % ss.seconds
            if ss.microseconds:
                s += '.%06d' % ss.microseconds
    return s


def _strftime_z(offset):
    if offset is None:
        return ''
    sign = '+'
    if offset.days < 0:
        offset = -offset
        sign = '-'
    h, rest = divmod(offset, timedelta(hours=1))
    m, rest = divmod(rest, timedelta(minutes=1))
    sec = rest.seconds
    u = offset.microseconds
    if u:
        return '%c%02d%02d%02d.%06d' % (sign, h, m, sec, u)
    if sec:
        return '%c%02d%02d%02d' % (sign, h, m, sec)
    return '%c%02d%02d' % (sign, h, m)


def _parse_offset(s):
    """'Z', '+HH', '+HH:MM', '+HHMM', '+HH:MM:SS[.ffffff]' as a timezone."""
    if s == 'Z':
        return timezone.utc
    sign = -1 if s[0] == '-' else 1
    body = s[1:]
    if ':' in body:
        parts = body.split(':')
    else:
        parts = [body[i:i + 2] for i in range(0, min(len(body), 6), 2)]
        if len(body) > 6:
            parts[-1] += body[6:]
    hh = int(parts[0])
    mm = int(parts[1]) if len(parts) > 1 else 0
    ss, us = 0, 0
    if len(parts) > 2:
        sec = parts[2]
        if '.' in sec:
            sec, frac = sec.split('.')
            us = int((frac + '000000')[:6])
        ss = int(sec)
    if len(parts) > 3 or len(parts[0]) != 2:
        raise ValueError
    td = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us)
    return timezone(sign * td)


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _wrap_strftime(obj, fmt, timetuple, micro):
    out = []
    i = 0
    n = len(fmt)
    y, mo, d, hh, mm, ss, wd, yd = timetuple[:8]
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%':
            out.append(ch)
            continue
        if i >= n:
            out.append('%')
            break
        c = fmt[i]
        i += 1
        if c == 'Y':
            out.append('%d' % y if y >= 1000 else '%d' % y)
        elif c == 'y':
            out.append('%02d' % (y % 100))
        elif c == 'm':
            out.append('%02d' % mo)
        elif c == 'd':
            out.append('%02d' % d)
        elif c == 'e':
            out.append('%2d' % d)
        elif c == 'H':
            out.append('%02d' % hh)
        elif c == 'I':
            out.append('%02d' % (hh % 12 or 12))
        elif c == 'M':
            out.append('%02d' % mm)
        elif c == 'S':
            out.append('%02d' % ss)
        elif c == 'f':
            out.append('%06d' % micro)
        elif c == 'p':
            out.append('AM' if hh < 12 else 'PM')
        elif c == 'a':
            out.append(_DAYNAMES[wd + 1])
        elif c == 'A':
            out.append(_FULLDAYNAMES[wd + 1])
        elif c == 'b' or c == 'h':
            out.append(_MONTHNAMES[mo])
        elif c == 'B':
            out.append(_FULLMONTHNAMES[mo])
        elif c == 'j':
            out.append('%03d' % yd)
        elif c == 'w':
            out.append('%d' % ((wd + 1) % 7))
        elif c == 'u':
            out.append('%d' % (wd + 1))
        elif c == 'U':
            out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif c == 'W':
            out.append('%02d' % ((yd + 6 - wd) // 7))
        elif c == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[wd + 1], _MONTHNAMES[mo],
                                                        d, hh, mm, ss, y))
        elif c == 'x':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif c == 'X':
            out.append('%02d:%02d:%02d' % (hh, mm, ss))
        elif c == 'D':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif c == 'F':
            out.append('%d-%02d-%02d' % (y, mo, d))
        elif c == 'T':
            out.append('%02d:%02d:%02d' % (hh, mm, ss))
        elif c == 'R':
            out.append('%02d:%02d' % (hh, mm))
        elif c == 'G' or c == 'V':
            iy, iw, _ = _isocalendar(y, mo, d)
            out.append('%d' % iy if c == 'G' else '%02d' % iw)
        elif c == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_strftime_z(off))
        elif c == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append('' if name is None else name.replace('%', '%%'))
        elif c == 'n':
            out.append('\n')
        elif c == 't':
            out.append('\t')
        elif c == '%':
            out.append('%')
        else:
            out.append('%' + c)
    return ''.join(out)


def _isocalendar(year, month, day):
    def week1monday(year):
        firstday = _ymd2ord(year, 1, 1)
        firstweekday = (firstday + 6) % 7
        week1 = firstday - firstweekday
        if firstweekday > 3:
            week1 += 7
        return week1
    week1 = week1monday(year)
    today = _ymd2ord(year, month, day)
    week, day = divmod(today - week1, 7)
    if week < 0:
        year -= 1
        week1 = week1monday(year)
        week, day = divmod(today - week1, 7)
    elif week >= 52:
        if today >= week1monday(year + 1):
            year += 1
            week = 0
    return year, week + 1, day + 1


class timedelta:
    """A duration: days, seconds and microseconds, normalised as CPython does."""
    __lethe_tp_name__ = 'datetime.timedelta'

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
                hours=0, weeks=0):
        for v in (days, seconds, microseconds, milliseconds, minutes, hours, weeks):
            if not isinstance(v, (int, float)):
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % ('days', type(v).__name__))
        if all(isinstance(v, int) for v in (days, seconds, microseconds, milliseconds,
                                            minutes, hours, weeks)):
            total = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60
                     + seconds) * 1000000 + milliseconds * 1000 + microseconds
        else:
            # Float components: exact sums of the integral parts, the fractions
            # rounded half to even at the microsecond.
            total = 0
            for v, scale in ((weeks, 604800000000), (days, 86400000000),
                             (hours, 3600000000), (minutes, 60000000),
                             (seconds, 1000000), (milliseconds, 1000), (microseconds, 1)):
                if isinstance(v, float):
                    ip = int(v)
                    total += ip * scale
                    total += (v - ip) * scale
                else:
                    total += v * scale
            total = round(total)
        return cls._from_micros(total)

    @classmethod
    def _from_micros(cls, total):
        self = object.__new__(cls)
        days, rem = divmod(total, 86400000000)
        seconds, us = divmod(rem, 1000000)
        if abs(days) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_micros(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def _getstate(self):
        return (self._days, self._seconds, self._microseconds)

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return 'datetime.timedelta(%s)' % ', '.join(args)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            def plural(n):
                return n, abs(n) != 1 and 's' or ''
            s = ('%d day%s, ' % plural(self._days)) + s
        if self._microseconds:
            s = s + '.%06d' % self._microseconds
        return s

    def total_seconds(self):
        return self._to_micros() / 10 ** 6

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_micros(self._to_micros() + other._to_micros())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_micros(self._to_micros() - other._to_micros())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_micros(-self._to_micros())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_micros(self._to_micros() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_micros(_divide_and_round(self._to_micros() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        usec = self._to_micros()
        if isinstance(other, timedelta):
            return usec // other._to_micros()
        return timedelta._from_micros(usec // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        usec = self._to_micros()
        if isinstance(other, timedelta):
            return usec / other._to_micros()
        if isinstance(other, int):
            return timedelta._from_micros(_divide_and_round(usec, other))
        a, b = other.as_integer_ratio()
        return timedelta._from_micros(_divide_and_round(b * usec, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_micros(self._to_micros() % other._to_micros())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_micros(), other._to_micros())
            return q, timedelta._from_micros(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), self._getstate())


def _divide_and_round(a, b):
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    """A calendar date (proleptic Gregorian)."""
    __lethe_tp_name__ = 'datetime.date'

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, weekday, jday, dst = _time.localtime(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = date_string
        try:
            if len(s) == 10 and s[4] == '-' and s[7] == '-':
                return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))
            if len(s) == 8 and s.isdigit():
                return cls(int(s[0:4]), int(s[4:6]), int(s[6:8]))
        except ValueError:
            pass
        raise ValueError('Invalid isoformat string: %r' % date_string)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not 1 <= day <= 7:
            raise ValueError('Invalid weekday: %d (range is [1, 7])' % day)
        first = _ymd2ord(year, 1, 1)
        firstweekday = (first + 6) % 7
        week1 = first - firstweekday + (7 if firstweekday > 3 else 0)
        return cls.fromordinal(week1 + (week - 1) * 7 + day - 1)

    def __repr__(self):
        return 'datetime.%s(%d, %d, %d)' % (type(self).__name__, self._year, self._month,
                                            self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[weekday], _MONTHNAMES[self._month],
                                             self._day, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple(), 0)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        yday = _days_before_month(self._year, self._month) + self._day
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0,
                                  self.weekday(), yday, -1)) \
            if hasattr(_time, 'struct_time') else \
            (self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _cmpkey(self):
        return (self._year, self._month, self._day)

    def _getstate(self):
        return self._cmpkey()

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) \
                and not isinstance(self, datetime):
            return self._cmpkey() == other._cmpkey()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() <= other._cmpkey()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() < other._cmpkey()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() >= other._cmpkey()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() > other._cmpkey()
        return NotImplemented

    def __hash__(self):
        return hash(self._cmpkey())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        return _IsoCalendarDate(*_isocalendar(self._year, self._month, self._day))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), self._getstate())


_MAXORDINAL = 3652059


class _IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % tuple(self)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class time:
    """A time of day, with an optional tzinfo."""
    __lethe_tp_name__ = 'datetime.time'

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_hashcode', '_tzinfo',
                 '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond = _check_time_fields(hour, minute, second,
                                                               microsecond)
        _check_tz(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._hashcode = -1
        self._tzinfo = tzinfo
        self._fold = _check_fold(fold)
        return self

    @property
    def fold(self):
        return self._fold

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        _check_tzname(name)
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset("dst", offset)
        return offset

    def _cmp(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return _cmp(self._cmpkey(), other._cmpkey())
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return _cmp((myhhmm, self._second, self._microsecond),
                    (othhmm, other._second, other._microsecond))

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    def _cmpkey(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _getstate(self):
        if self._tzinfo is None:
            return self._cmpkey()
        return self._cmpkey() + (self._tzinfo,)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, allow_mixed=True) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other) >= 0
        return NotImplemented

    def __hash__(self):
        tzoff = self.utcoffset()
        if not tzoff:
            return hash(self._cmpkey())
        h, m = divmod(timedelta(hours=self._hour, minutes=self._minute) - tzoff,
                      timedelta(hours=1))
        m //= timedelta(minutes=1)
        if 0 <= h < 24:
            return hash(time(h, m, self._second, self._microsecond))
        return hash((h, m, self._second, self._microsecond))

    def __repr__(self):
        if self._microsecond != 0:
            s = ', %d, %d' % (self._second, self._microsecond)
        elif self._second != 0:
            s = ', %d' % self._second
        else:
            s = ''
        s = 'datetime.%s(%d, %d%s)' % (type(self).__name__, self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        return _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec) + _format_offset(self.utcoffset())

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            s = time_string[1:] if time_string[:1] == 'T' else time_string
            body, tz = _split_offset(s)
            return cls(*_parse_isoformat_time(body), tzinfo=tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % time_string) from None

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, (1900, 1, 1, self._hour, self._minute,
                                          self._second, 0, 1, -1), self._microsecond)

    def __format__(self, fmt):
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), self._getstate())


def _format_time(hh, mm, ss, us, timespec='auto'):
    specs = {
        'hours': '{:02d}',
        'minutes': '{:02d}:{:02d}',
        'seconds': '{:02d}:{:02d}:{:02d}',
        'milliseconds': '{:02d}:{:02d}:{:02d}.{:03d}',
        'microseconds': '{:02d}:{:02d}:{:02d}.{:06d}'
    }
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    try:
        fmt = specs[timespec]
    except KeyError:
        raise ValueError('Unknown timespec value')
    return fmt.format(hh, mm, ss, us)


def _split_offset(s):
    """A time string and the timezone its trailing UTC offset gives (or None)."""
    if s.endswith('Z'):
        return s[:-1], timezone.utc
    for i, ch in enumerate(s):
        if ch in '+-':
            return s[:i], _parse_offset(s[i:])
    return s, None


def _parse_isoformat_time(s):
    parts = s.split(':')
    hh = int(parts[0])
    mm = int(parts[1]) if len(parts) > 1 else 0
    ss, us = 0, 0
    if len(parts) > 2:
        sec = parts[2]
        if '.' in sec or ',' in sec:
            sec, frac = sec.replace(',', '.').split('.')
            us = int((frac + '000000')[:6])
        ss = int(sec)
    if len(parts) > 3 or len(parts[0]) != 2:
        raise ValueError
    return hh, mm, ss, us


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date and a time of day, with an optional tzinfo."""
    __lethe_tp_name__ = 'datetime.datetime'

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond = _check_time_fields(hour, minute, second,
                                                               microsecond)
        _check_tz(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._hashcode = -1
        self._tzinfo = tzinfo
        self._fold = _check_fold(fold)
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        _check_tzname(name)
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset("dst", offset)
        return offset

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _math_modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        converter = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss, weekday, jday, dst = converter(t)
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tz(tz)
        result = cls._fromtimestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = date_string
        try:
            d = date.fromisoformat(s[:10])
            if len(s) == 10:
                return cls(d.year, d.month, d.day)
            if s[10] not in 'T ':
                raise ValueError
            body, tz = _split_offset(s[11:])
            return cls(d.year, d.month, d.day, *_parse_isoformat_time(body), tzinfo=tz)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % date_string) from None

    @classmethod
    def strptime(cls, date_string, format):
        return cls(*_strptime(date_string, format))

    def timetuple(self):
        yday = _days_before_month(self._year, self._month) + self._day
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self.weekday(), yday, flag)

    def utctimetuple(self):
        offset = self.utcoffset()
        if offset:
            self -= offset
        yday = _days_before_month(self._year, self._month) + self._day
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self.weekday(), yday, 0)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._mktime()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        localtm = _time.localtime(ts)
        z = _time.strftime('%z', localtm)
        gmtoff = 0
        if len(z) >= 5:
            gmtoff = (int(z[1:3]) * 3600 + int(z[3:5]) * 60) * (-1 if z[0] == '-' else 1)
        return timezone(timedelta(seconds=gmtoff), _time.strftime('%Z', localtm))

    def _mktime(self):
        return int(_time.mktime(self.replace(tzinfo=None).timetuple()[:8] + (-1,)))

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tz argument must be an instance of tzinfo")
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _DAYNAMES[weekday], _MONTHNAMES[self._month], self._day, self._hour,
            self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        return '%04d-%02d-%02d%c' % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond,
                         timespec) + _format_offset(self.utcoffset())

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second,
             self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = 'datetime.%s(%s' % (type(self).__name__, ', '.join(map(str, L)))
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % self._tzinfo
        if self._fold:
            s += ', fold=1'
        return s + ')'

    def __str__(self):
        return self.isoformat(sep=' ')

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple(), self._microsecond)

    def timestamp(self):
        if self._tzinfo is None:
            return _time.mktime(self.timetuple()) + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def _cmpkey(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def _getstate(self):
        if self._tzinfo is None:
            return self._cmpkey()
        return self._cmpkey() + (self._tzinfo,)

    def _cmp(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return _cmp(self._cmpkey(), other._cmpkey())
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff.days < 0:
            return -1
        return diff and 1 or 0

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, allow_mixed=True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) <= 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) < 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) >= 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) > 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __hash__(self):
        tzoff = self.utcoffset()
        if tzoff is None:
            return hash(self._cmpkey())
        return hash(timedelta._from_micros(self._to_micros() - tzoff._to_micros()))

    def _to_micros(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60
                 + self._second) * 1000000 + self._microsecond)

    @classmethod
    def _from_micros(cls, us, tzinfo=None):
        days, rem = divmod(us, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        secs, usec = divmod(rem, 1000000)
        hh, rem = divmod(secs, 3600)
        mm, ss = divmod(rem, 60)
        y, m, d = _ord2ymd(days)
        return cls(y, m, d, hh, mm, ss, usec, tzinfo)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return type(self)._from_micros(self._to_micros() + other._to_micros(),
                                       self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            base = timedelta._from_micros(self._to_micros() - other._to_micros())
            if self._tzinfo is other._tzinfo:
                return base
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if myoff == otoff:
                return base
            if myoff is None or otoff is None:
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return base + otoff - myoff
        return NotImplemented


def _cmperror(x, y):
    raise TypeError("can't compare datetime.%s to datetime.%s"
                    % (type(x).__name__, type(y).__name__))


def _math_modf(t):
    ip = float(int(t))
    return t - ip, int(ip)


timezone._maxoffset = timedelta(hours=23, minutes=59)
timezone._minoffset = -timezone._maxoffset
timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(timezone._minoffset)
timezone.max = timezone._create(timezone._maxoffset)
UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _strptime(data_string, format):
    """Parse with the common directives; returns (y, m, d, H, M, S, us)."""
    if not isinstance(data_string, str):
        raise TypeError('strptime() argument 1 must be str, not %s'
                        % type(data_string).__name__)
    if not isinstance(format, str):
        raise TypeError('strptime() argument 2 must be str, not %s'
                        % type(format).__name__)
    s = data_string
    pos = 0
    year, month, day, hour, minute, second, us = 1900, 1, 1, 0, 0, 0, 0
    pm = None
    yday = None
    gmtoff = None
    gmtoff_us = 0
    tzname = None

    def fail():
        raise ValueError('time data %r does not match format %r' % (data_string, format))

    def digits(lo, hi):
        nonlocal pos
        j = pos
        while j < len(s) and j - pos < hi and s[j].isdigit():
            j += 1
        if j - pos < lo:
            fail()
        v = int(s[pos:j])
        pos = j
        return v

    def ranged(lo, hi):
        # CPython's directive patterns accept only values in range.
        v = digits(1, 2 if hi < 100 else 3)
        if not lo <= v <= hi:
            fail()
        return v

    def word(names):
        nonlocal pos
        low = s[pos:].lower()
        best = None
        for i, n in enumerate(names):
            if n and low.startswith(n.lower()):
                if best is None or len(n) > len(names[best]):
                    best = i
        if best is None:
            fail()
        pos += len(names[best])
        return best

    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c == '%' and i + 1 < n:
            d = format[i + 1]
            i += 2
            if d == 'Y':
                year = digits(4, 4)
            elif d == 'y':
                y2 = digits(2, 2)
                year = y2 + (2000 if y2 < 69 else 1900)
            elif d == 'm':
                month = ranged(1, 12)
            elif d == 'd':
                day = ranged(1, 31)
            elif d == 'H':
                hour = ranged(0, 23)
            elif d == 'I':
                hour = ranged(1, 12)
            elif d == 'M':
                minute = ranged(0, 59)
            elif d == 'S':
                second = ranged(0, 61)
            elif d == 'f':
                start = pos
                v = digits(1, 6)
                us = v * 10 ** (6 - (pos - start))
            elif d == 'j':
                yday = ranged(1, 366)
            elif d == 'p':
                pm = word(['AM', 'PM']) == 1
            elif d == 'b' or d == 'h':
                month = word(_MONTHNAMES[1:] and [None] + _MONTHNAMES[1:])
            elif d == 'B':
                month = word([None] + _FULLMONTHNAMES[1:])
            elif d == 'a':
                word(_DAYNAMES[1:])
            elif d == 'A':
                word(_FULLDAYNAMES[1:])
            elif d == '%':
                if not s.startswith('%', pos):
                    fail()
                pos += 1
            elif d == 'z':
                # [+-]HH[:]MM[[:]SS[.ffffff]] or Z, as CPython's _strptime.
                if s.startswith('Z', pos):
                    pos += 1
                    gmtoff = 0
                else:
                    if pos >= len(s) or s[pos] not in '+-':
                        fail()
                    sign = -1 if s[pos] == '-' else 1
                    pos += 1
                    hh = digits(2, 2)
                    colon = s.startswith(':', pos)
                    if colon:
                        pos += 1
                    mm = digits(2, 2)
                    ss = 0
                    zus = 0
                    if s.startswith(':', pos) if colon else (pos < len(s) and s[pos].isdigit()):
                        if colon:
                            pos += 1
                        ss = digits(2, 2)
                        if s.startswith('.', pos):
                            pos += 1
                            start = pos
                            v = digits(1, 6)
                            zus = v * 10 ** (6 - (pos - start))
                    if mm > 59 or ss > 59:
                        fail()
                    gmtoff = sign * (hh * 3600 + mm * 60 + ss)
                    gmtoff_us = sign * zus
            elif d == 'Z':
                for name in ('UTC', 'GMT'):
                    if s.startswith(name, pos):
                        tzname = name
                        pos += len(name)
                        break
                else:
                    fail()
            else:
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (d, '%' + d))
            continue
        if c.isspace():
            i += 1
            while pos < len(s) and s[pos].isspace():
                pos += 1
            continue
        if pos >= len(s) or s[pos] != c:
            fail()
        pos += 1
        i += 1
    if pos != len(s):
        raise ValueError('unconverted data remains: %s' % s[pos:])
    if pm is not None and '%I' in format:
        if pm and hour != 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    if yday is not None and '%m' not in format and '%d' not in format:
        y, month, day = _ord2ymd(_days_before_year(year) + yday)
    if gmtoff is not None:
        delta = timedelta(seconds=gmtoff, microseconds=gmtoff_us)
        tz = timezone(delta, tzname) if tzname else timezone(delta)
        return year, month, day, hour, minute, second, us, tz
    return year, month, day, hour, minute, second, us
