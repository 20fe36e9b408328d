import sys
out = sys.stdout
print(out.encoding, out.name, out.mode, out.closed, out.writable(), out.readable())
print(sys.stderr.name, sys.stderr.encoding, sys.stderr.fileno(), out.fileno(), out.isatty())
n = out.write("written\n")
print(n)
out.writelines(["a\n", "b", "c\n"])
out.flush()
k = out.buffer.write(b"raw bytes\n")
out.buffer.flush()
print(k)
sys.stderr.write("to stderr\n")
sys.stderr.writelines(["e1\n", "e2\n"])
try:
    out.buffer.write("text")
except TypeError as e:
    print(e)
try:
    out.write(b"bytes")
except TypeError as e:
    print(e)
print("end", end="\n", file=sys.stdout, flush=True)
