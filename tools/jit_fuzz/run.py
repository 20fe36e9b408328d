#!/usr/bin/env python3
"""Differential fuzzing of the native tier: generated programs (gen.py, seeded) run
under CPython and under lethe with --jit=always, the default and --jit=off; any
difference in stdout, exit status or the last stderr line, any panic, signal or
timeout is printed and logged.

    python3 tools/jit_fuzz/run.py FIRST_SEED END_SEED [--out DIR] [--jobs N]

Needs CPython 3.11 as `python3` and a built `target/release/lethe` (or LETHE=path).
Programs and `results.jsonl` go to DIR (default target/jit_fuzz). Used to find the
bugs fixed in the session that added it; 2,600 seeds then matched CPython except for
differences shared by all three lethe modes (listed in docs/runtime.md's gaps)."""
import argparse, json, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LETHE = os.environ.get('LETHE', os.path.join(ROOT, 'target', 'release', 'lethe'))
GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen.py')
CFGS = {
    'always': [LETHE, '--jit=always', '--code-cache=off'],
    'default': [LETHE, '--code-cache=off'],
    'off': [LETHE, '--jit=off', '--code-cache=off'],
}


def run(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=20)
        err = p.stderr.decode(errors='replace')
        last = err.strip().splitlines()[-1] if err.strip() else ''
        return {'out': p.stdout.decode(errors='replace'), 'rc': p.returncode, 'last': last,
                'panic': 'panicked' in err}
    except subprocess.TimeoutExpired:
        return {'out': None, 'rc': 'TIMEOUT', 'last': '', 'panic': False}


def one(seed, out):
    path = os.path.join(out, f'p{seed}.py')
    src = subprocess.run([sys.executable, GEN, str(seed)], capture_output=True, text=True).stdout
    with open(path, 'w') as f:
        f.write(src)
    ref = run(['python3', path])
    res = {'seed': seed, 'issues': []}
    for name, cmd in CFGS.items():
        r = run(cmd + [path])
        bad = []
        if r['rc'] == 'TIMEOUT':
            bad.append('timeout')
        if r['panic']:
            bad.append('panic')
        if isinstance(r['rc'], int) and r['rc'] < 0:
            bad.append(f'signal{-r["rc"]}')
        if r['out'] != ref['out']:
            bad.append('stdout')
        if r['rc'] != ref['rc']:
            bad.append('rc')
        if r['last'] != ref['last']:
            bad.append('stderr')
        if bad:
            res['issues'].append((name, bad))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('first', type=int)
    ap.add_argument('end', type=int)
    ap.add_argument('--out', default=os.path.join(ROOT, 'target', 'jit_fuzz'))
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    bad = 0
    with ThreadPoolExecutor(a.jobs) as ex, open(os.path.join(a.out, 'results.jsonl'), 'a') as log:
        for res in ex.map(lambda s: one(s, a.out), range(a.first, a.end)):
            log.write(json.dumps(res) + '\n')
            log.flush()
            if res['issues']:
                bad += 1
                print(res['seed'], res['issues'], flush=True)
    print(f'{a.end - a.first} programs, {bad} with differences')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
