# datetime: isocalendar, strftime directives, timezones, timedelta arithmetic and
# strptime with %z/%Z and out-of-range fields
from datetime import date, datetime, time, timedelta, timezone
d = date(2024, 2, 29)
print(d.isocalendar(), repr(d.isocalendar()), d.isocalendar().week, date.fromordinal(738000), date.fromisocalendar(2024, 1, 1))
print(d.replace(year=2023) if False else "", d + timedelta(days=365), d - date(2000, 1, 1), (d - date(2000, 1, 1)).days)
try:
    d.replace(year=2023)
except ValueError as e:
    print(e)
dt = datetime(2024, 2, 29, 13, 5, 9, 7)
print(dt.strftime("%a %A %b %B %c | %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %% %f"))
print(dt.isoformat(), dt.isoformat(timespec="seconds"), dt.isoformat(timespec="minutes"), str(dt.time()), dt.time().isoformat("milliseconds") if False else "")
print(dt.replace(microsecond=0), dt.timestamp() if dt.tzinfo else "", datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp())
tz = timezone(timedelta(hours=5, minutes=30), "IST")
a = datetime(2024, 1, 1, 12, tzinfo=tz)
print(a, a.tzname(), a.utcoffset(), a.astimezone(timezone.utc), a.isoformat(), repr(tz), str(timezone(timedelta(hours=-3))))
print(datetime(2024, 1, 1, tzinfo=timezone.utc) == datetime(2024, 1, 1, 5, 30, tzinfo=tz), a - datetime(2024, 1, 1, tzinfo=timezone.utc))
try:
    datetime(2024, 1, 1) < a
except TypeError as e:
    print(e)
print(timedelta(days=-1, seconds=5), timedelta(hours=-1), timedelta(weeks=1, days=1, hours=1, minutes=1, seconds=1, milliseconds=1, microseconds=1), timedelta(seconds=0.5), timedelta(days=1) / timedelta(hours=1), timedelta(days=1) // timedelta(hours=5), timedelta(days=1) % timedelta(hours=5))
print(timedelta(days=1.5), timedelta(minutes=90).total_seconds(), repr(timedelta(days=1, microseconds=5)), timedelta(days=999999999) if False else "", timedelta.max, timedelta.min, timedelta.resolution)
print(date.max, date.min, datetime.min, time.max, time(23, 59, 59, 999999).isoformat(), time(1, 2).strftime("%H:%M"), repr(time(1, 2, tzinfo=timezone.utc)))
print(datetime.strptime("2024-02-29 13:05:09.000007", "%Y-%m-%d %H:%M:%S.%f"), datetime.strptime("Feb 29 2024", "%b %d %Y"), datetime.strptime("2024-060", "%Y-%j"))
print(datetime.strptime("12:30 PM", "%I:%M %p").time(), datetime.strptime("2024-01-01T00:00:00+0530", "%Y-%m-%dT%H:%M:%S%z"))
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as e:
    print(e)
try:
    datetime.strptime("2024-01-01 extra", "%Y-%m-%d")
except ValueError as e:
    print(e)
print(sorted([date(2024, 1, 2), date(2023, 5, 1)]), max(datetime(2024, 1, 1), datetime(2024, 1, 1, 0, 0, 1)), hash(date(2024, 1, 1)) == hash(date(2024, 1, 1)))
print(date(2024, 1, 1).weekday(), date(2024, 1, 1).ctime(), datetime(2024, 1, 1, 5).ctime(), format(date(2024, 1, 1), "%d/%m"), f"{datetime(2024, 1, 1):%Y}")
print(datetime.combine(date(2024, 1, 1), time(5, 6)), datetime.fromtimestamp(0, tz=timezone.utc), datetime.utcfromtimestamp(86400), datetime.fromisoformat("2024-01-01T05:06:07.123+02:00"))
for src, fmt in [("2024-01-01 10:00 -0800", "%Y-%m-%d %H:%M %z"), ("2024-01-01 10:00 Z", "%Y-%m-%d %H:%M %z"),
                 ("2024-01-01 10:00 +05:30:15", "%Y-%m-%d %H:%M %z"), ("2024-01-01 10:00 +0000 UTC", "%Y-%m-%d %H:%M %z %Z"),
                 ("2024-01-01 10:00 UTC", "%Y-%m-%d %H:%M %Z"), ("2024-01-01 10:00 +99", "%Y-%m-%d %H:%M %z")]:
    try:
        r = datetime.strptime(src, fmt)
        print(r, repr(r.tzinfo), r.utcoffset())
    except ValueError as e:
        print("ValueError", e)
