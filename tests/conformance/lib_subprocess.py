# subprocess: run/call/check_call/check_output/getoutput, pipes, input, text mode, stderr=STDOUT, DEVNULL, cwd/env, errors and timeouts, Popen streaming, signals, communicate with large outputs.
import subprocess, sys, os
r = subprocess.run(['echo', 'hello world'], capture_output=True)
print(r, r.returncode, r.stdout, r.stderr)
r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True, text=True)
print(r)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print('CalledProcessError:', e, e.returncode, repr(e.stdout), repr(e.stderr), e.cmd)
r = subprocess.run('echo $((6*7)) && echo two', shell=True, stdout=subprocess.PIPE, text=True)
print(repr(r.stdout), r.args)
r = subprocess.run(['cat'], input='piped input\nline2\n', capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(['cat'], input=b'\x00\x01bytes', stdout=subprocess.PIPE)
print(r.stdout)
r = subprocess.run(['sh', '-c', 'echo a; echo b >&2; echo c'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(repr(r.stdout), r.stderr)
r = subprocess.run(['sh', '-c', 'echo hidden; echo hidden2 >&2'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r)
print(subprocess.check_output(['printf', 'x\\r\\ny\\n'], text=True).split('\n'))
print(subprocess.check_output(['printf', 'x\\r\\ny\\n']))
print(subprocess.call(['true']), subprocess.call(['false']), subprocess.check_call(['true']))
try:
    subprocess.check_call(['sh', '-c', 'exit 4'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError:', e)
try:
    subprocess.check_output(['sh', '-c', 'kill -9 $$'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError:', e, e.returncode)
try:
    subprocess.run(['definitely-not-a-program-xyz'])
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
try:
    subprocess.run(['sleep', '5'], timeout=0.2, stdout=subprocess.PIPE)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired:', e, e.timeout, e.output)
try:
    subprocess.run(['sh', '-c', 'echo partial; exec sleep 5'], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired:', e, e.stdout)
print(subprocess.getoutput('echo  spaced; echo err 1>&2'), subprocess.getstatusoutput('exit 7'))
print(subprocess.run(['pwd'], cwd='/', capture_output=True, text=True).stdout)
print(subprocess.run(['sh', '-c', 'echo $FOO'], env={'FOO': 'bar', 'PATH': os.environ['PATH']}, capture_output=True, text=True).stdout)
p = subprocess.Popen(['sh', '-c', 'read x; echo got $x; echo line2; echo line3'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write('value\n')
p.stdin.close()
print(repr(p.stdout.readline()))
print(list(p.stdout))
print(p.wait(), p.returncode, p.poll())
p = subprocess.Popen(['sleep', '10'])
print(p.poll())
p.terminate()
print(p.wait())
p = subprocess.Popen(['sleep', '10'])
p.kill()
print(p.wait())
p = subprocess.Popen(['sleep', '3'])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired:', e)
p.kill()
print(p.wait())
with subprocess.Popen(['echo', 'ctx'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode)
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(p.communicate(b'comm'), p.returncode)
p = subprocess.Popen(['sh', '-c', 'head -c 200000 /dev/zero; head -c 100000 /dev/zero >&2'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
o, e = p.communicate()
print(len(o), len(e))
big = 'x' * 300000
print(len(subprocess.run(['cat'], input=big, capture_output=True, text=True).stdout))
print(subprocess.list2cmdline(['a b', 'c"d', 'e\\\\']), repr(subprocess.CompletedProcess('x', 1)))
print(repr(subprocess.CalledProcessError(1, 'c')), repr(subprocess.TimeoutExpired('c', 2)))
for bad in [dict(stdout=subprocess.PIPE, capture_output=True), dict(input='x', stdin=subprocess.PIPE)]:
    try:
        subprocess.run(['true'], **bad)
    except ValueError as e:
        print('ValueError:', e)
