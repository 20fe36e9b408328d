# datetime with time zones: tzinfo, timezone (fixed offsets, utc), aware datetime and
# time values: astimezone, comparisons, subtraction, hashing, isoformat, %z/%Z.
import datetime as dt
from datetime import datetime, timezone, timedelta, time, date, tzinfo
t=dt.tzinfo()
for m in ['utcoffset','dst','tzname']:
    try: getattr(t,m)(None)
    except NotImplementedError as e: print(e)
try: dt.timezone(5)
except TypeError as e: print(e)
try: dt.timezone(dt.timedelta(hours=25))
except ValueError as e: print(e)
try: dt.datetime(2020,1,1,tzinfo=5)
except TypeError as e: print(e)
a=dt.datetime(2020,1,1,tzinfo=dt.timezone.utc); b=dt.datetime(2020,1,1)
try: a<b
except TypeError as e: print(e)
print(a==b, a != b)
try: a-b
except TypeError as e: print(e)
print(repr(dt.timezone(dt.timedelta(hours=1),'X')), repr(dt.timezone(dt.timedelta(hours=-1, minutes=-30))), str(dt.timezone(dt.timedelta(hours=5, minutes=30))), dt.timezone.min, dt.timezone.max)
print(repr(dt.time(1,2,tzinfo=dt.timezone.utc)), dt.time(1,2,tzinfo=dt.timezone.utc).isoformat(), repr(dt.datetime(2020,1,1,fold=1)))
print(dt.datetime.fromisoformat('2020-01-01T10:00:00+05:30'), dt.datetime.fromisoformat('2020-01-01T10:00:00Z'), dt.datetime.fromisoformat('2020-01-01 10:00+01:00'))
print(dt.datetime(2020,1,1,tzinfo=dt.timezone.utc).timestamp(), dt.datetime.fromtimestamp(0, dt.timezone.utc), dt.datetime.utcfromtimestamp(0))
try: dt.time(1,tzinfo=dt.timezone.utc) < dt.time(2)
except TypeError as e: print(e)
print(dt.time(1,tzinfo=dt.timezone.utc) == dt.time(1))
ist = timezone(timedelta(hours=5, minutes=30), 'IST')
est = timezone(timedelta(hours=-5))
d = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)
print(d, repr(d), d.astimezone(ist), d.astimezone(est), d.astimezone(ist).tzname(), d.astimezone(est).tzname())
print(d.utcoffset(), d.astimezone(est).utcoffset(), d.dst(), d.tzinfo, d.astimezone(ist).tzinfo)
print(d.strftime('%Y-%m-%d %H:%M:%S %z %Z'), d.astimezone(est).strftime('%z|%Z'), datetime(2024,1,1).strftime('[%z][%Z]'))
print(d == d.astimezone(ist), hash(d) == hash(d.astimezone(est)), d.astimezone(ist) - d.astimezone(est), d.astimezone(ist) < d + timedelta(seconds=1))
print(d.isoformat(), d.astimezone(est).isoformat(timespec='minutes'), datetime(2024,1,1,tzinfo=timezone(timedelta(seconds=5400, microseconds=7))).isoformat())
print(datetime.combine(date(2024, 1, 2), time(3, 4, tzinfo=ist)), d.timetz(), d.time(), d.replace(tzinfo=None), d.replace(tzinfo=est))
print(sorted([d.astimezone(est), d - timedelta(hours=1), d + timedelta(minutes=1)]))
print(timezone.utc == timezone(timedelta(0)), timezone(timedelta(0)) is timezone.utc, dt.UTC is timezone.utc, {timezone.utc: 1}[timezone(timedelta(0))])
print(timezone(timedelta(0), 'UTC'), repr(timezone(timedelta(0), 'Z')), timezone(timedelta(hours=-3)).tzname(None), timezone(timedelta(seconds=30)).tzname(None))
class Fixed(tzinfo):
    def __init__(self, h): self.h = h
    def utcoffset(self, dt): return timedelta(hours=self.h)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return f'F{self.h:+d}'
x = datetime(2024, 6, 1, 8, 0, tzinfo=Fixed(2))
print(x, x.tzname(), x.astimezone(timezone.utc), x.astimezone(Fixed(-1)), x.timetuple().tm_isdst if hasattr(x.timetuple(), 'tm_isdst') else x.timetuple()[8], x.utctimetuple()[:6])
print(datetime.fromtimestamp(86400 * 365, tz=ist), datetime(2024, 1, 1, tzinfo=est).timestamp())
print(time(12, 30, tzinfo=ist).utcoffset(), time(12, 30, tzinfo=ist) == time(7, 0, tzinfo=timezone.utc), time.fromisoformat('10:20:30+02:00'), repr(time(1, fold=1)))
print(f'{d:%H:%M %Z}', format(d, '%z'), str(d.astimezone(ist)))
try: datetime(2020, 1, 1, fold=2)
except ValueError as e: print(e)
