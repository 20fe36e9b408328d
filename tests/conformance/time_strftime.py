import time
t = time.gmtime(1700000000)
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%a %A %b %B %d %j %U %W %w %p %I %y %%", t))
print(time.strftime("%c|%x|%X", t))
print(time.strftime("", t), repr(time.strftime("%H", time.gmtime(0))))
print(time.asctime(t), time.asctime(time.gmtime(0)))
print(time.strftime("%Y/%m/%d", (2024, 2, 29, 0, 0, 0, 3, 60, 0)))
print(time.strftime("%d.%m.%Y", (1999, 12, 31, 23, 59, 59, 4, 365, 0)))
print(type(time.ctime()), len(time.ctime(0)))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 25, 0, 0, 0, 1, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError", e)
try:
    time.strftime("%Y", (1, 2))
except TypeError as e:
    print("TypeError", e)
