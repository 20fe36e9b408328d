# subprocess: open files and sys.stdout as a child's stdin/stdout/stderr.
import subprocess, os, sys
base = '/tmp/lethe_sp_%d' % os.getpid()
with open(base + '.in', 'w') as f:
    f.write('line one\nline two\n')
with open(base + '.out', 'w') as out:
    out.write('header\n')
    out.flush()
    r = subprocess.run(['sh', '-c', 'cat; echo to-err >&2'], stdin=open(base + '.in'), stdout=out, stderr=subprocess.STDOUT)
    out.write('footer\n')
print(r.returncode, r.stdout)
print(open(base + '.out').read())
with open(base + '.in') as f:
    print(f.readline(), end='')
    print(subprocess.run(['cat'], stdin=f, capture_output=True, text=True).stdout, end='')
with open(base + '.bin', 'wb') as f:
    subprocess.run(['printf', 'abc'], stdout=f)
print(open(base + '.bin', 'rb').read())
sys.stdout.flush()
subprocess.run(['echo', 'to our stdout'], stdout=sys.stdout)
subprocess.run(['sh', '-c', 'echo err-to-stdout >&2'], stderr=sys.stdout)
for p in ('.in', '.out', '.bin'):
    os.unlink(base + p)
print('done')
