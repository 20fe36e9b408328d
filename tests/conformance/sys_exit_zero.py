# sys.exit(0) and sys.exit(None) are successful exits.
import sys
print("start")
for i in range(3):
    print("step", i)
    if i == 1:
        sys.exit(0)
print("not reached")
