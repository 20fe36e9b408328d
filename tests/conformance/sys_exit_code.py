# sys.exit(n) exits with status n; finally blocks run; SystemExit can be caught.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg code", e.code)
try:
    raise SystemExit(0)
except SystemExit as e:
    print("code 0:", e.code)
try:
    sys.exit(3)
except Exception:
    print("not an Exception subclass")
except BaseException as e:
    print("BaseException caught:", type(e).__name__)
def cleanup():
    try:
        print("exiting with 3")
        sys.exit(3)
    finally:
        print("finally still runs")
cleanup()
print("not printed")
