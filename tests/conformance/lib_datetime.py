# datetime: date/time/datetime/timedelta arithmetic, reprs, strftime/strptime,
# isoformat, validation errors; time.gmtime/localtime/mktime (zone-independent checks).
import datetime as d
from datetime import date, datetime, timedelta, time
print(repr(d.timedelta(days=1, seconds=3600)), str(d.timedelta(days=1, seconds=3600)), str(d.timedelta(seconds=-1)), repr(d.timedelta(seconds=-1)), str(d.timedelta(microseconds=123)), repr(d.timedelta(0)), str(d.timedelta(days=-2, hours=3)))
print(repr(d.timedelta(hours=1.5)), repr(d.timedelta(milliseconds=1)), d.timedelta(days=1)/d.timedelta(hours=1), d.timedelta(days=1)//d.timedelta(hours=5), d.timedelta(days=1)%d.timedelta(hours=5), d.timedelta(hours=1)*2.5, d.timedelta(hours=1)/3)
print(repr(d.datetime(2024,1,1,12,30)), repr(d.datetime(2024,1,1)), repr(d.datetime(2024,1,1,0,0,5,7)), repr(d.time(1,2)), str(d.time(1,2,3,4)), repr(d.date.max), d.date(2024,2,29).isocalendar())
for f in (lambda: d.date(2023,2,29), lambda: d.date(2023,13,1), lambda: d.datetime(2023,1,1,25), lambda: d.date(0,1,1), lambda: d.date(2023, 1, 1.5)):
    try: f()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
print(d.datetime(2024,3,15,14,5,9).strftime('%a %A %b %B %c %d %f %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %% %Z %z'))
print(d.datetime.strptime('2024-03-15 14:05', '%Y-%m-%d %H:%M'), d.datetime(2024,3,15).timetuple()[:3])
for s, f in [('2024-03-15', '%Y/%m/%d'), ('2024-03-15x', '%Y-%m-%d'), ('15 Mar 2024 09:30 PM', '%d %b %Y %I:%M %p'), ('March 5, 24', '%B %d, %y'), ('2024-075', '%Y-%j'), ('12:30:45.123', '%H:%M:%S.%f')]:
    try: print(d.datetime.strptime(s, f))
    except ValueError as e: print('ValueError', e)
print(d.date(2024,1,31) - d.date(2023,12,25), d.datetime(2024,1,1) - d.datetime(2023,12,31,23), hash(d.date(2024,1,1)) == hash(d.date(2024,1,1)))
print(d.date.fromisoformat('2024-03-15'), d.datetime.fromisoformat('2024-03-15T10:20:30'), d.datetime(2024,3,15,10,20,30,500).isoformat(), d.datetime(2024,3,15).isoformat(' '), d.time(5).isoformat())
start = date(2024, 1, 28)
for i in range(5):
    day = start + timedelta(days=i)
    print(day, day.weekday(), day.isoweekday(), day.strftime('%A %d %B'), day.toordinal(), day.isocalendar().week)
print(date(2024, 12, 31) + timedelta(days=1), date(2024, 3, 1) - timedelta(days=1), date(2023, 3, 1) - timedelta(days=1))
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 15)]), max(date(2024, 1, 1), date(2025, 1, 1)))
print(date(2024, 1, 1) < date(2024, 1, 2), date(2024, 1, 1) == date(2024, 1, 1), date(2024,1,1) == datetime(2024,1,1), date(2024, 1, 1) != date(2024, 1, 2))
dt = datetime(2024, 2, 28, 23, 30)
print(dt + timedelta(hours=1), dt + timedelta(days=1, minutes=45), dt - timedelta(weeks=1), (dt - datetime(2024, 1, 1)).total_seconds())
print(dt.date(), dt.time(), datetime.combine(date(2020, 5, 17), time(8, 15)), dt.replace(year=2023, day=1), dt.year, dt.month, dt.day, dt.hour, dt.minute)
print(f'{dt:%Y/%m/%d %H:%M}', '{:%d.%m.%Y}'.format(date(2024, 7, 4)), format(time(9, 5), '%H-%M'), str(date(2024, 7, 4)), f'{date(2024,1,1)}')
td = timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7)
print(td, td.days, td.seconds, td.microseconds, td.total_seconds(), -td, abs(-td), td * 2, td // 2, td / 2, td > timedelta(days=3), timedelta(hours=36))
print(timedelta(weeks=1, days=-1), timedelta(minutes=90) == timedelta(hours=1.5), timedelta(seconds=0.5), bool(timedelta()), sum([timedelta(hours=5)] * 6, timedelta()))
print(divmod(timedelta(hours=25), timedelta(hours=24)), timedelta.max, timedelta.min, timedelta.resolution, date.min, datetime.max)
print(datetime(2024, 1, 1).ctime(), date(2024, 1, 1).ctime(), datetime.fromordinal(738000) if hasattr(datetime, 'fromordinal') else '', date.fromordinal(738000))
try:
    datetime(2024, 1, 1) < date(2024, 1, 1)
except TypeError as e:
    print('TypeError', e)
ages = {'ann': date(1990, 6, 15), 'bob': date(2001, 12, 31)}
today = date(2024, 6, 14)
for name, born in ages.items():
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    print(name, age, (today - born).days)
import time
t = time.gmtime(1700000000)
print(t, t.tm_year, t[0], len(t), tuple(t))
l = time.localtime(1700000000)
print(time.mktime(l), l.tm_hour == datetime.fromtimestamp(1700000000).hour)
now = datetime.now()
today = date.today()
print(type(now).__name__, now.year >= 2024, abs((datetime.now() - now).total_seconds()) < 5)
print(datetime.fromtimestamp(time.mktime(datetime(2023, 11, 14, 22, 13, 20).timetuple())))
