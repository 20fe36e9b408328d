# os._exit ends the process at once with its status: no finally, no atexit-like
# cleanup, no SystemExit; what was printed before is written.
import os
import sys

print("before", flush=True)
sys.stdout.flush()
try:
    os._exit(4)
finally:
    print("finally must not run")
