#!/usr/bin/env python3
"""Memory and start-up figures of lethe's native tier (the code cache and the compiler
process), written as a Markdown fragment that bench/run.py puts into
docs/benchmarks.md.

    python3 bench/tools/tier_memory.py [--lethe target/release/lethe] [--memuse target/release/memuse]

Measures, with bench/mandelbrot.py:
  1. marginal memory of each extra process running the same program (USS and PSS of
     3 concurrent processes with a warm code cache, read with memuse while they run;
     the code is mapped from the same cache files, so it counts once);
  2. resident memory at exit of a process that never compiled (--jit=off), one whose
     compiler ran in its own process (now gone), and one that compiled in process;
  3. wall time of a run with an empty code cache versus a warm one (and interpreted).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAM = os.path.join(ROOT, "bench", "mandelbrot.py")
OUT = os.path.join(ROOT, "docs", "benchmarks-native-tier.md")


def mem_report(lethe, flags, arg, env):
    p = subprocess.run([lethe, *flags, "--mem-report=json", PROGRAM, str(arg)],
                       capture_output=True, text=True, env=env, check=True)
    return json.loads(p.stderr.strip().splitlines()[-1])


def timed(cmd, env):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - t0


def kib(b):
    return f"{b / 1024:.0f} KiB"


def mb(b):
    return f"{b / 1e6:.2f} MB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lethe", default=os.path.join(ROOT, "target", "release", "lethe"))
    ap.add_argument("--memuse", default=os.path.join(ROOT, "target", "release", "memuse"))
    ap.add_argument("--output", default=OUT)
    args = ap.parse_args()
    lethe, memuse = os.path.abspath(args.lethe), os.path.abspath(args.memuse)
    cache = tempfile.mkdtemp(prefix="lethe-tier-")
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    lines = []
    try:
        # 1. marginal memory of extra processes (warm cache)
        subprocess.run([lethe, PROGRAM, "60"], stdout=subprocess.DEVNULL, env=env, check=True)
        procs = [subprocess.Popen([lethe, PROGRAM, "4000"], stdout=subprocess.DEVNULL, env=env)
                 for _ in range(3)]
        time.sleep(1.5)
        rows = []
        for p in procs:
            r = subprocess.run([memuse, "--json", "--bytes", str(p.pid)],
                               capture_output=True, text=True)
            tot = json.loads(r.stdout)["total"]
            rows.append((p.pid, tot.get("uss", 0), tot.get("pss", 0), tot.get("rss", 0)))
        for p in procs:
            p.kill()
            p.wait()
        lines += [
            "### Each extra process running the same program",
            "",
            "Three processes of `lethe bench/mandelbrot.py 4000` at once, code cache warm "
            "(their native code is mapped from the same cache files); `memuse --json PID` "
            "while they run. USS is what one more process costs (the goal is at most 256 KiB).",
            "",
            "| process | USS | PSS | RSS |",
            "|---|---:|---:|---:|",
        ]
        for i, (pid, uss, pss, rss) in enumerate(rows, 1):
            lines.append(f"| {i} | {kib(uss)} | {kib(pss)} | {mb(rss)} |")
        lines.append("")

        # 2. resident memory at exit
        lines += [
            "### Resident memory after compiling",
            "",
            "`lethe FLAGS --mem-report=json bench/mandelbrot.py 200`, the process's own "
            "figures at exit (code cache off, so every run compiles).",
            "",
            "| run | RSS | USS | ledger `compiler` peak | ledger `native` peak |",
            "|---|---:|---:|---:|---:|",
        ]
        for label, flags in (("never compiled (`--jit=off`)", ["--jit=off"]),
                             ("compiled by the compiler process (its memory is not in this one)", ["--code-cache=off", "--jit-compiler=proc"]),
                             ("compiler in process", ["--code-cache=off", "--jit-compiler=inproc"])):
            d = mem_report(lethe, flags, 200, env)
            led = d["ledger"]
            lines.append(f"| {label} | {mb(d['rss'])} | {mb(d['uss'])} | "
                         f"{led['compiler']['peak']} B | {led['native']['peak']} B |")
        lines.append("")

        # 3. cold versus warm cache
        cold, warm, interp = [], [], []
        for _ in range(5):
            shutil.rmtree(os.path.join(cache, "lethe"), ignore_errors=True)
            cold.append(timed([lethe, PROGRAM, "100"], env))
            warm.append(timed([lethe, PROGRAM, "100"], env))
            interp.append(timed([lethe, "--jit=off", PROGRAM, "100"], env))
        lines += [
            "### A second run with a warm code cache",
            "",
            "`lethe bench/mandelbrot.py 100`, median of 5 (wall time, process start to exit).",
            "",
            "| run | median s |",
            "|---|---:|",
            f"| empty cache (starts the compiler process, compiles, stores) | {statistics.median(cold):.3f} |",
            f"| warm cache (maps the cached code, compiles nothing) | {statistics.median(warm):.3f} |",
            f"| interpreted (`--jit=off`) | {statistics.median(interp):.3f} |",
            "",
        ]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    head = ["## The native tier's memory and start-up", "",
            f"Measured by `python3 bench/tools/tier_memory.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
            ""]
    with open(args.output, "w") as f:
        f.write("\n".join(head + lines))
    print("\n".join(head + lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
