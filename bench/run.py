#!/usr/bin/env python3
"""Benchmark runner: every bench/*.py under every runtime installed here, side by side.

    python3 bench/run.py                 full run, 3 timed runs each -> docs/benchmarks.{md,json}
    python3 bench/run.py --quick         smallest scale, 1 run       -> target/bench/benchmarks.{md,json}
    python3 bench/run.py --only fib,nbody --runs 5 --scale-factor 0.5
    python3 bench/run.py --bless         regenerate bench/expected/NAME.smoke.out with CPython
    python3 bench/run.py --plots-only    only redo the memory plots (docs/plots/NAME.svg) and
                                         docs/benchmarks.md from docs/benchmarks.json

Runtimes: lethe (target/release/lethe), CPython (python3; an optimised build is preferred
when several are installed), pypy3 and micropython when on PATH, and the C reference
(bench/native/NAME.c, compiled with `cc -O2 -ffp-contract=off`) where one exists.

For each program, CPython runs first and its stdout is the expected output. Every other
runtime gets one warm-up run whose stdout must match; a mismatch or a crash is reported
as a failure and that runtime is not timed for the program. lethe then gets up to four
more warm-up runs, until one compiles nothing (its compiles run in the background, so a
program's first few runs can each add code to the cache; see `warm_code_cache`). Then the timed runs go round
robin over the runtimes (interleaved, so drift in machine load hits all of them alike).
Wall time is measured around spawn + wait; peak RSS is the kernel's `ru_maxrss` of the
finished child (`os.wait4`). For lethe one extra untimed run with `--mem-report=json`
gives the memory ledger's peak per category.

Memory plots: after the timing, lethe runs each program once more (untimed, at the same
argument) under `memuse --plot NAME.svg --ledger TRACE -- lethe --mem-trace=TRACE …`,
which draws the process's RSS per mapping category and lethe's ledger over time; the
SVGs go to plots/ beside the report (docs/plots/ for a full run), the traces and memuse's
reports to target/bench/plots/. `--no-plots` skips them; `--plots-only` redoes only them
and the Markdown, from the report's JSON, keeping its timings.

Each program declares its scales in a header line, read by this runner and by the Rust
smoke test (crates/lethe/tests/bench_smoke.rs):

    # scale: default=34 smoke=18

`default` is sized so CPython takes roughly 1-5 s; `smoke` is the smallest sensible one.
The argument is passed as sys.argv[1]; --scale-factor multiplies it (rounded, at least 1).
The work is not linear in the argument for every program (fib is exponential, fannkuch
factorial, nqueens exponential, binary_trees doubles per step).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
NATIVE_DIR = os.path.join(BENCH_DIR, "native")
EXPECTED_DIR = os.path.join(BENCH_DIR, "expected")
NOT_PROGRAMS = {"run.py", "test_run.py"}

SCALE_RE = re.compile(r"^#\s*scale:\s*(.*)$", re.MULTILINE)


# ---------------------------------------------------------------- parsing (unit-tested)


def parse_scale(text):
    """The `# scale: default=N smoke=M` header of a program -> {"default": N, "smoke": M}."""
    m = SCALE_RE.search(text)
    if not m:
        raise ValueError("no '# scale:' line")
    out = {}
    for item in m.group(1).split():
        key, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"bad scale item {item!r}")
        out[key] = int(value)
    for key in ("default", "smoke"):
        if key not in out:
            raise ValueError(f"scale line lacks {key}=")
    return out


def scaled_arg(base, factor):
    """The argument for a scale factor: base * factor, rounded, at least 1."""
    return max(1, int(round(base * factor)))


def parse_ledger(stderr_text):
    """Peak bytes per ledger category from lethe's `--mem-report=json` stderr.

    The report is the last non-empty line of stderr, a JSON object with
    `ledger.<category>.peak`. Returns {category: peak} or None when there is no report.
    """
    lines = [l for l in stderr_text.splitlines() if l.strip()]
    if not lines:
        return None
    try:
        report = json.loads(lines[-1])
    except ValueError:
        return None
    ledger = report.get("ledger") if isinstance(report, dict) else None
    if not isinstance(ledger, dict):
        return None
    peaks = {}
    for cat, v in ledger.items():
        if isinstance(v, dict) and isinstance(v.get("peak"), int):
            peaks[cat] = v["peak"]
    return peaks


def first_difference(expected, got):
    """(line number from 1, expected line, got line) of the first difference, or None."""
    if expected == got:
        return None
    e = expected.splitlines()
    g = got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<eof>"
        b = g[i] if i < len(g) else "<eof>"
        if a != b:
            return (i + 1, a, b)
    return (len(e) + 1, "<eof>", "<trailing newline differs>")


def summarize(times):
    """median, min, max of a list of seconds (None when empty)."""
    if not times:
        return None
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_seconds(s):
    if s is None:
        return "–"
    if s < 0.01:
        return f"{s:.4f}"
    if s < 10:
        return f"{s:.3f}"
    return f"{s:.1f}"


def fmt_ratio(r):
    if r is None:
        return "–"
    if r >= 100:
        return f"{r:.0f}×"
    if r >= 10:
        return f"{r:.1f}×"
    return f"{r:.2f}×"


def fmt_mb(kb):
    if kb is None:
        return "–"
    return f"{kb / 1024:.1f}"


def fmt_bytes(n):
    if n is None:
        return "–"
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} K"
    return f"{n / (1024 * 1024):.2f} M"


def choose_python(candidates):
    """Pick the CPython to measure from [{"path", "version", "config_args", "calibration"}, …].

    When several are installed, each has run the same calibration loop ("calibration",
    best of three, seconds) and the fastest is the optimised build to measure against
    (distributions build with PGO/LTO without it showing in CONFIG_ARGS). Without
    calibration times: a build configured with --enable-optimizations, then --with-lto,
    then the first (python3 on PATH). Returns (candidate, reason).
    """
    if not candidates:
        return None, "no CPython found"
    timed = [c for c in candidates if c.get("calibration") is not None]
    if len(candidates) > 1 and len(timed) == len(candidates):
        best = min(timed, key=lambda c: c["calibration"])
        others = ", ".join(f"{c['path']} {c['calibration']:.3f} s" for c in timed if c is not best)
        return best, (f"fastest of {len(timed)} installed on a calibration loop: "
                      f"{best['calibration']:.3f} s vs {others}")
    for flag, why in (("--enable-optimizations", "PGO build"), ("--with-lto", "LTO build")):
        for c in candidates:
            if flag in (c.get("config_args") or ""):
                return c, why
    if len(candidates) == 1:
        return candidates[0], "the only CPython installed"
    return candidates[0], "first python3 on PATH (no optimised build found)"


CALIBRATION = """
import time
def f(n):
    return n if n < 2 else f(n - 1) + f(n - 2)
def g(n):
    d = {}
    for i in range(n):
        d[str(i)] = [i * 1.5, i]
    return sum(v[1] for v in d.values())
t = time.perf_counter(); f(22); g(50000); print(time.perf_counter() - t)
"""


def calibrate(path, repeats=3):
    best = None
    for _ in range(repeats):
        try:
            p = subprocess.run([path, "-c", CALIBRATION], capture_output=True, text=True, timeout=60)
            t = float(p.stdout.strip())
        except (OSError, ValueError, subprocess.TimeoutExpired):
            return None
        best = t if best is None else min(best, t)
    return best


def render_markdown(report):
    """docs/benchmarks.md from a report dict (see run_all for its shape)."""
    out = []
    meta = report["meta"]
    out.append("# Benchmarks")
    out.append("")
    out.append(
        "Generated by `python3 bench/run.py` (see the README's Benchmarks section); "
        "do not edit by hand."
    )
    out.append("")
    out.append(f"- date: {meta['date']}")
    out.append(f"- machine: {meta['machine']}")
    if meta.get("commit"):
        out.append(f"- lethe source: commit {meta['commit']}")
    out.append(
        f"- runs: {meta['runs']} timed per runtime after one warm-up, interleaved; "
        f"scale factor {meta['scale_factor']}{' (quick: smoke scale)' if meta.get('quick') else ''}"
    )
    if meta.get("loadavg_start") is not None:
        la = f"- load average (1/5/15 min) at start: {'/'.join(str(x) for x in meta['loadavg_start'])}"
        if meta.get("loadavg_end") is not None:
            la += f", at end: {'/'.join(str(x) for x in meta['loadavg_end'])}"
        out.append(la + " (other work on the machine adds noise to the times)")
    out.append("- runtimes:")
    for name, rt in report["runtimes"].items():
        out.append(f"  - **{name}**: {rt['description']}")
    out.append("")
    out.append(
        "Median wall time of the timed runs (process start to exit, so start-up is "
        "included), min–max, ratio of the median to CPython's and to the C reference's "
        "(lower is better for the runtime on the left of the ratio), peak RSS from the kernel "
        "(`ru_maxrss`, largest over the runs)."
    )
    out.append("")

    # summary: geometric means
    names = list(report["runtimes"].keys())
    summary_rows = []
    for name in names:
        if name == "cpython":
            continue
        vs_cpy = []
        vs_nat = []
        rss = []
        for prog in report["programs"]:
            r = prog["results"].get(name)
            if not r or r["status"] != "ok":
                continue
            if r.get("vs_cpython") is not None:
                vs_cpy.append(r["vs_cpython"])
            if r.get("vs_native") is not None:
                vs_nat.append(r["vs_native"])
            if r.get("rss_vs_cpython") is not None:
                rss.append(r["rss_vs_cpython"])
        summary_rows.append((name, geomean(vs_cpy), len(vs_cpy), geomean(vs_nat), len(vs_nat),
                             geomean(rss)))
    cpy_nat = [
        p["results"]["cpython"].get("vs_native")
        for p in report["programs"]
        if p["results"].get("cpython", {}).get("status") == "ok"
        and p["results"]["cpython"].get("vs_native") is not None
    ]
    if summary_rows or cpy_nat:
        out.append("## Summary (geometric means of the ratios)")
        out.append("")
        out.append("| runtime | time / CPython | programs | time / native C | programs "
                   "| peak RSS / CPython |")
        out.append("|---|---:|---:|---:|---:|---:|")
        if cpy_nat:
            out.append(
                f"| cpython | 1.00× | – | {fmt_ratio(geomean(cpy_nat))} | {len(cpy_nat)} | 1.00× |"
            )
        for name, g1, n1, g2, n2, g3 in summary_rows:
            out.append(f"| {name} | {fmt_ratio(g1)} | {n1} | {fmt_ratio(g2)} | {n2} | {fmt_ratio(g3)} |")
        out.append("")

    # per-program ratios at a glance
    others = [n for n in names if n not in ("cpython", "native")]
    if others:
        out.append("## Ratios per program")
        out.append("")
        out.append("Time is the ratio of medians; RSS the ratio of peak RSS. Below 1 is better "
                   "than CPython.")
        out.append("")
        head = "| program |"
        rule = "|---|"
        for n in others:
            head += f" {n} time / CPython |"
            rule += "---:|"
            if n == "lethe":
                head += " lethe time / native |"
                rule += "---:|"
            head += f" {n} RSS / CPython |"
            rule += "---:|"
        out.append(head)
        out.append(rule)
        for prog in report["programs"]:
            row = f"| {prog['name']} |"
            for n in others:
                r = prog["results"].get(n)
                okr = r if r and r["status"] == "ok" else None
                bad = f"**{r['status']}**" if r and not okr else "–"
                row += f" {fmt_ratio(okr.get('vs_cpython')) if okr else bad} |"
                if n == "lethe":
                    row += f" {fmt_ratio(okr.get('vs_native')) if okr else '–'} |"
                row += f" {fmt_ratio(okr.get('rss_vs_cpython')) if okr else '–'} |"
            out.append(row)
        out.append("")

    out.append("## Results")
    out.append("")
    out.append(
        "| program | arg | runtime | median s | min–max s | vs CPython | vs native | peak RSS MB |"
    )
    out.append("|---|---:|---|---:|---:|---:|---:|---:|")
    failures = []
    for prog in report["programs"]:
        for name in names:
            r = prog["results"].get(name)
            if r is None:
                continue
            if r["status"] != "ok":
                failures.append((prog["name"], name, r))
                out.append(
                    f"| {prog['name']} | {prog['arg']} | {name} | **{r['status']}** | – | – | – | – |"
                )
                continue
            t = r["time"]
            out.append(
                f"| {prog['name']} | {prog['arg']} | {name} | {fmt_seconds(t['median'])} | "
                f"{fmt_seconds(t['min'])}–{fmt_seconds(t['max'])} | "
                f"{fmt_ratio(r.get('vs_cpython'))} | {fmt_ratio(r.get('vs_native'))} | "
                f"{fmt_mb(r.get('maxrss_kb'))} |"
            )
    out.append("")

    if failures:
        out.append("## Failures (not timed)")
        out.append("")
        for prog, name, r in failures:
            out.append(f"- **{prog}** under {name}: {r['status']} — {r.get('detail', '')}")
        out.append("")

    # lethe ledger peaks
    cats = []
    for prog in report["programs"]:
        ledger = prog["results"].get("lethe", {}).get("ledger")
        if ledger:
            for c in ledger:
                if c not in cats:
                    cats.append(c)
    if cats:
        cats = [c for c in cats if any(
            (p["results"].get("lethe", {}).get("ledger") or {}).get(c) for p in report["programs"]
        )]
        out.append("## lethe memory ledger: peak per category")
        out.append("")
        out.append(
            "From one extra untimed run with `lethe --mem-report=json`. Each category's own "
            "peak (they need not coincide in time). Categories that stayed at 0 in every "
            "program are left out."
        )
        out.append("")
        out.append("| program | " + " | ".join(cats) + " |")
        out.append("|---|" + "---:|" * len(cats))
        for prog in report["programs"]:
            ledger = prog["results"].get("lethe", {}).get("ledger")
            if not ledger:
                continue
            out.append(
                f"| {prog['name']} | " + " | ".join(fmt_bytes(ledger.get(c)) for c in cats) + " |"
            )
        out.append("")
    out.extend(render_plots(report))
    out.extend(render_native_tier())
    return "\n".join(out)


NATIVE_TIER_MD = os.path.join(ROOT, "docs", "benchmarks-native-tier.md")


def render_native_tier(path=NATIVE_TIER_MD):
    """The native tier's memory and start-up figures (`bench/tools/tier_memory.py` writes
    them; they are included as measured, with the command and date they carry)."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [""] + f.read().rstrip("\n").split("\n") + [""]


def render_plots(report):
    """The "lethe memory over time" section: one SVG per program that has a plot."""
    with_plot = [p for p in report["programs"] if p.get("plot")]
    if not with_plot:
        return []
    meta = report["meta"].get("plots") or {}
    out = ["## lethe memory over time", ""]
    made = "One extra untimed run of lethe per program, at the argument of the table above"
    if meta.get("date"):
        made += f", made {meta['date']}"
    if meta.get("commit"):
        made += f" from commit {meta['commit']}"
    out.append(
        made + ", under `memuse --plot NAME.svg --ledger TRACE -- lethe --mem-trace=TRACE "
        "bench/NAME.py ARG` (the command is each plot's title). Top panel: the process's "
        "resident memory per mapping category, sampled by memuse every "
        f"{meta.get('memuse_interval_ms', 20)} ms (stacked). Bottom panel: lethe's memory "
        f"ledger, sampled inside lethe every {meta.get('trace_interval_ms', 10)} ms, one "
        "line per category on a log scale; a spike is a category's peak between two "
        "samples (a parse tree is built and freed in well under a millisecond). "
        "Regenerate with `python3 bench/run.py --plots-only`."
    )
    out.append("")
    for prog in with_plot:
        plot = prog["plot"]
        out.append(f"### {prog['name']}")
        out.append("")
        out.append(f"![{prog['name']}: lethe memory over time]({plot['svg']})")
        out.append("")
    return out


# ---------------------------------------------------------------- running


class Runtime:
    def __init__(self, name, argv_prefix, description, version="", per_program=None):
        self.name = name
        self.argv_prefix = argv_prefix  # program path is appended, then the argument
        self.description = description
        self.version = version
        self.per_program = per_program  # native: {program: executable}

    def command(self, program_path, program_name, arg):
        if self.per_program is not None:
            return [self.per_program[program_name], str(arg)]
        return self.argv_prefix + [program_path, str(arg)]

    def has(self, program_name):
        return self.per_program is None or program_name in self.per_program


def warm_code_cache(rt, prog, arg, timeout, most=4):
    """More warm-up runs of lethe until one compiles nothing (at most `most`).

    Compiles run in the background, so which version of a function gets compiled (its
    feedback, hence its cache key) can depend on how long earlier compiles took; a
    program's first few runs can each add code to the cache. The timed runs measure
    the state the cache settles in. Returns the number of extra runs made."""
    for n in range(most):
        argv = rt.command(prog["path"], prog["name"], arg)
        argv = argv[:1] + ["--jit-stats"] + argv[1:]
        r = run_once(argv, BENCH_DIR, timeout)
        compiles = None
        for line in reversed((r.get("stderr") or "").splitlines()):
            try:
                compiles = json.loads(line).get("compiles")
                break
            except ValueError:
                continue
        if not compiles:
            return n + 1
    return most


MEASURE = None  # path of the compiled bench/tools/measure.c, set by build_measure()


def build_measure(build_dir, log):
    """Compile bench/tools/measure.c (the spawner that reports ru_maxrss without the
    runner's own RSS leaking into it). Returns its path, or None."""
    cc = shutil.which("cc")
    src = os.path.join(BENCH_DIR, "tools", "measure.c")
    if not cc or not os.path.exists(src):
        log("no cc: peak RSS will not be reported (it would include the runner's own RSS)")
        return None
    os.makedirs(build_dir, exist_ok=True)
    exe = os.path.join(build_dir, "measure")
    p = subprocess.run([cc, "-O2", "-o", exe, src], capture_output=True, text=True)
    if p.returncode != 0:
        log(f"measure.c: cc failed: {p.stderr.strip()}; peak RSS will not be reported")
        return None
    return exe


def parse_measure(text):
    """The line measure.c writes: 'seconds maxrss_kb exitcode timed_out' -> dict."""
    parts = text.split()
    if len(parts) != 4:
        raise ValueError(f"bad measure result {text!r}")
    return {"seconds": float(parts[0]), "maxrss_kb": int(parts[1]), "exit": int(parts[2]),
            "timed_out": parts[3] == "1"}


def run_once(argv, cwd, timeout):
    """Run argv once; returns dict(seconds, exit, timed_out, maxrss_kb, stdout, stderr).

    Through the measure helper when available (wall time and ru_maxrss of the child as
    the kernel accounts them); otherwise spawned from here, without RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".measure") as res:
        if MEASURE:
            subprocess.run([MEASURE, res.name, str(timeout)] + argv, cwd=cwd, stdout=out,
                           stderr=err, stdin=subprocess.DEVNULL, check=True)
            r = parse_measure(res.read())
        else:
            start = time.perf_counter()
            timed_out = False
            try:
                p = subprocess.run(argv, cwd=cwd, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL, timeout=timeout)
                code = p.returncode
            except subprocess.TimeoutExpired:
                timed_out, code = True, -9
            r = {"seconds": time.perf_counter() - start, "maxrss_kb": None, "exit": code,
                 "timed_out": timed_out}
        out.seek(0)
        err.seek(0)
        r["stdout"] = out.read().decode("utf-8", "replace")
        r["stderr"] = err.read().decode("utf-8", "replace")
        return r


def version_of(argv):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (p.stdout.strip() or p.stderr.strip()).splitlines()[0] if (p.stdout or p.stderr) else ""


def python_candidates():
    seen = set()
    out = []
    names = ["python3", "python3.11", "python3.12", "python3.13", "/usr/bin/python3",
             "/usr/local/bin/python3"]
    for n in names:
        path = shutil.which(n)
        if not path:
            continue
        code = ("import sys, sysconfig; print(sys.implementation.name); "
                "print(sys.version.split()[0]); print(sys.executable); "
                "print(sysconfig.get_config_var('CONFIG_ARGS') or '')")
        try:
            p = subprocess.run([path, "-c", code], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        lines = p.stdout.splitlines()
        if p.returncode != 0 or len(lines) < 3 or lines[0] != "cpython":
            continue
        real = os.path.realpath(lines[2])
        if real in seen:
            continue
        seen.add(real)
        out.append({"path": path, "executable": lines[2], "version": lines[1],
                    "config_args": lines[3] if len(lines) > 3 else ""})
    if len(out) > 1:
        for c in out:
            c["calibration"] = calibrate(c["executable"])
    return out


def build_native(programs, build_dir, log):
    cc = shutil.which("cc")
    if not cc or not os.path.isdir(NATIVE_DIR):
        return None
    os.makedirs(build_dir, exist_ok=True)
    exes = {}
    for name in programs:
        src = os.path.join(NATIVE_DIR, name + ".c")
        if not os.path.exists(src):
            continue
        exe = os.path.join(build_dir, name)
        p = subprocess.run([cc, "-O2", "-ffp-contract=off", "-o", exe, src, "-lm"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            log(f"native {name}: cc failed: {p.stderr.strip()}")
            continue
        exes[name] = exe
    if not exes:
        return None
    return Runtime("native", [], f"C reference, `{cc} -O2 -ffp-contract=off` ({version_of([cc, '--version'])})",
                   version_of([cc, "--version"]), per_program=exes)


def discover_runtimes(args, programs, log):
    rts = []
    pys = python_candidates() if not args.python else []
    if args.python:
        v = version_of([args.python, "--version"])
        cpy = Runtime("cpython", [args.python], f"`{args.python}` ({v}, chosen with --python)", v)
    else:
        chosen, why = choose_python(pys)
        if chosen is None:
            raise SystemExit("run.py: no CPython found (the expected outputs come from it)")
        others = ", ".join(f"{c['executable']} {c['version']}" for c in pys if c is not chosen)
        desc = f"`{chosen['executable']}` (CPython {chosen['version']}; {why}"
        desc += f"; also installed: {others})" if others else ")"
        cpy = Runtime("cpython", [chosen["executable"]], desc, chosen["version"])
    rts.append(cpy)
    lethe = os.path.abspath(args.lethe) if args.lethe else os.path.join(ROOT, "target", "release", "lethe")
    if os.path.exists(lethe):
        v = version_of([lethe, "--version"])
        cache = os.path.join(ROOT, "target", "bench", "code-cache")
        rel = os.path.relpath(lethe, ROOT)
        rts.insert(0, Runtime("lethe", [lethe, f"--code-cache={cache}"],
                              f"`{rel}` ({v}; native tier on, compiler in its own process, "
                              f"code cache warmed by warm-up runs until one compiles nothing)", v))
        rts.insert(1, Runtime("lethe-nojit", [lethe, "--jit=off"],
                              f"`{rel} --jit=off` ({v}; the interpreter alone)", v))
    else:
        log(f"lethe not found at {lethe} (build it: cargo build --release -p lethe)")
    for name, exe in (("pypy3", "pypy3"), ("micropython", "micropython")):
        path = shutil.which(exe)
        if path:
            v = version_of([path, "--version"]) if name == "pypy3" else version_of(
                [path, "-c", "import sys; print(sys.version, sys.implementation)"])
            if name == "pypy3":
                full = subprocess.run([path, "-c", "import sys; print(sys.version.replace(chr(10), ' '))"],
                                      capture_output=True, text=True).stdout.strip()
                v = full or v
            rts.append(Runtime(name, [path], f"`{path}` ({v})", v))
    native = build_native(programs, os.path.join(ROOT, "target", "bench-native"), log)
    if native:
        rts.append(native)
    return rts


def discover_programs(only=None):
    progs = []
    for fn in sorted(os.listdir(BENCH_DIR)):
        if not fn.endswith(".py") or fn in NOT_PROGRAMS or fn.startswith("_"):
            continue
        name = fn[:-3]
        if only and name not in only:
            continue
        with open(os.path.join(BENCH_DIR, fn), encoding="utf-8") as f:
            scale = parse_scale(f.read())
        progs.append({"name": name, "path": os.path.join(BENCH_DIR, fn), "scale": scale})
    if only:
        missing = set(only) - {p["name"] for p in progs}
        if missing:
            raise SystemExit(f"run.py: no such program: {', '.join(sorted(missing))}")
    return progs


def plot_command(memuse, lethe, program, arg, svg, trace, memuse_report):
    """argv of the plot run: memuse samples lethe, which writes its ledger trace."""
    return [memuse, "-o", memuse_report, "--plot", svg, "--ledger", trace, "--",
            lethe, f"--mem-trace={trace}", program, str(arg)]


def rel_to_root(path):
    """`path` relative to the repository when it is inside it (short plot titles)."""
    path = os.path.abspath(path)
    rel = os.path.relpath(path, ROOT)
    return path if rel.startswith("..") else rel


def make_plots(report, lethe, memuse, svg_dir, md_dir, work_dir, log, timeout=300.0,
               only=None, run=None):
    """One memory plot per program of `report` (all, or those in `only`).

    Runs `plot_command` from the repository root; a program lethe failed in the timing
    run gets no plot. Sets program["plot"] = {"svg": path relative to md_dir, "bytes"}
    or, when the plot run fails, program["plot_error"]; returns the number of plots.
    `run(argv, cwd, timeout)` defaults to run_once (replaceable in tests).
    """
    run = run or run_once
    os.makedirs(svg_dir, exist_ok=True)
    os.makedirs(work_dir, exist_ok=True)
    made = 0
    for prog in report["programs"]:
        name = prog["name"]
        if only and name not in only:
            continue
        prog.pop("plot", None)
        prog.pop("plot_error", None)
        lethe_result = prog["results"].get("lethe")
        if not lethe_result or lethe_result.get("status") != "ok":
            log(f"{name}: no plot (lethe did not pass the timing run)")
            continue
        svg = os.path.join(svg_dir, name + ".svg")
        trace = os.path.join(work_dir, name + ".trace.jsonl")
        rep = os.path.join(work_dir, name + ".memuse.txt")
        for stale in (svg, trace):
            if os.path.exists(stale):
                os.remove(stale)
        argv = plot_command(rel_to_root(memuse), rel_to_root(lethe),
                            rel_to_root(os.path.join(BENCH_DIR, name + ".py")), prog["arg"],
                            rel_to_root(svg), rel_to_root(trace), rel_to_root(rep))
        r = run(argv, ROOT, timeout)
        if r["exit"] != 0 or r["timed_out"] or not os.path.exists(svg):
            prog["plot_error"] = failure_detail(r) if (r["exit"] or r["timed_out"]) else "no SVG"
            log(f"{name}: plot failed: {prog['plot_error']}")
            continue
        warnings = [l for l in r["stderr"].splitlines() if l.startswith("memuse:")]
        if warnings:
            log(f"{name}: " + "; ".join(warnings))
        size = os.path.getsize(svg)
        prog["plot"] = {"svg": os.path.relpath(svg, md_dir), "bytes": size}
        made += 1
        log(f"{name}: plot {rel_to_root(svg)} ({size / 1024:.1f} KB)")
    report["meta"]["plots"] = {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": git_commit(),
        "memuse_interval_ms": 20,
        "trace_interval_ms": 10,
    }
    return made


def failure_detail(res):
    if res["timed_out"]:
        return "timed out"
    tail = [l for l in res["stderr"].splitlines() if l.strip()]
    return f"exit {res['exit']}: {tail[-1][:200] if tail else 'no stderr'}"


def run_all(args, log):
    only = set(sum((o.split(",") for o in args.only), [])) if args.only else None
    programs = discover_programs(only)
    global MEASURE
    MEASURE = build_measure(os.path.join(ROOT, "target", "bench-native"), log)
    runtimes = discover_runtimes(args, [p["name"] for p in programs], log)
    runs = 1 if args.quick and args.runs is None else (args.runs or 3)
    report = {
        "meta": {
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "machine": machine_description(),
            "runs": runs,
            "scale_factor": args.scale_factor,
            "quick": bool(args.quick),
            "python_running_this": sys.version.split()[0],
            "commit": git_commit(),
            "loadavg_start": loadavg(),
        },
        "runtimes": {rt.name: {"description": rt.description, "version": rt.version} for rt in runtimes},
        "programs": [],
    }
    for rt in runtimes:
        log(f"runtime {rt.name}: {rt.description}")
    for prog in programs:
        base = prog["scale"]["smoke"] if args.quick else prog["scale"]["default"]
        arg = scaled_arg(base, args.scale_factor)
        entry = {"name": prog["name"], "arg": arg, "results": {}}
        report["programs"].append(entry)
        cpy = runtimes[[r.name for r in runtimes].index("cpython")]
        ref = run_once(cpy.command(prog["path"], prog["name"], arg), BENCH_DIR, args.timeout)
        if ref["exit"] != 0 or ref["timed_out"]:
            entry["results"]["cpython"] = {"status": "error", "detail": failure_detail(ref)}
            log(f"{prog['name']}: CPython failed ({failure_detail(ref)}); skipped")
            continue
        expected = ref["stdout"]
        entry["checksum"] = expected.strip().splitlines()[-1] if expected.strip() else ""
        timed = [cpy]
        for rt in runtimes:
            if rt is cpy or not rt.has(prog["name"]):
                continue
            w = run_once(rt.command(prog["path"], prog["name"], arg), BENCH_DIR, args.timeout)
            if w["exit"] != 0 or w["timed_out"]:
                entry["results"][rt.name] = {"status": "error" if not w["timed_out"] else "timeout",
                                             "detail": failure_detail(w)}
                log(f"{prog['name']}: {rt.name} {entry['results'][rt.name]['detail']}")
                continue
            diff = first_difference(expected, w["stdout"])
            if diff:
                line, a, b = diff
                entry["results"][rt.name] = {
                    "status": "mismatch",
                    "detail": f"output differs from CPython at line {line}: expected {a!r}, got {b!r}",
                }
                log(f"{prog['name']}: {rt.name} output mismatch at line {line}")
                continue
            if rt.name == "lethe":
                warm_code_cache(rt, prog, arg, args.timeout)
            timed.append(rt)
        samples = {rt.name: [] for rt in timed}
        rss = {rt.name: [] for rt in timed}
        for i in range(runs):
            for rt in timed:
                r = run_once(rt.command(prog["path"], prog["name"], arg), BENCH_DIR, args.timeout)
                if r["exit"] != 0 or r["timed_out"] or r["stdout"] != expected:
                    entry["results"][rt.name] = {"status": "error", "detail": "flaky: " + failure_detail(r)}
                    samples[rt.name] = None
                    continue
                if samples[rt.name] is not None:
                    samples[rt.name].append(r["seconds"])
                    if r["maxrss_kb"] is not None:
                        rss[rt.name].append(r["maxrss_kb"])
        for rt in timed:
            if samples[rt.name] is None:
                continue
            entry["results"][rt.name] = {
                "status": "ok",
                "time": summarize(samples[rt.name]),
                "samples": samples[rt.name],
                "maxrss_kb": max(rss[rt.name]) if rss[rt.name] else None,
            }
        if "lethe" in [rt.name for rt in timed] and entry["results"]["lethe"]["status"] == "ok":
            lethe = runtimes[[r.name for r in runtimes].index("lethe")]
            cmd = lethe.argv_prefix + ["--mem-report=json", prog["path"], str(arg)]
            m = run_once(cmd, BENCH_DIR, args.timeout)
            entry["results"]["lethe"]["ledger"] = parse_ledger(m["stderr"])
        add_ratios(entry)
        log(progress_line(entry))
    report["meta"]["loadavg_end"] = loadavg()
    return report


def add_ratios(entry):
    res = entry["results"]

    def med(name):
        r = res.get(name)
        return r["time"]["median"] if r and r["status"] == "ok" else None

    cpy = res.get("cpython")
    cpy_rss = cpy.get("maxrss_kb") if cpy and cpy["status"] == "ok" else None
    for name, r in res.items():
        if r["status"] != "ok":
            continue
        r["vs_cpython"] = ratio(r["time"]["median"], med("cpython"))
        r["vs_native"] = ratio(r["time"]["median"], med("native"))
        r["rss_vs_cpython"] = ratio(r.get("maxrss_kb"), cpy_rss)


def progress_line(entry):
    parts = []
    for name, r in entry["results"].items():
        if r["status"] == "ok":
            parts.append(f"{name} {fmt_seconds(r['time']['median'])}s")
        else:
            parts.append(f"{name} {r['status'].upper()}")
    return f"{entry['name']:>14} ({entry['arg']}): " + ", ".join(parts)


def loadavg():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def git_commit():
    """Short hash of HEAD, with '+ uncommitted changes' when the work tree is dirty."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return head + (" + uncommitted changes" if head and dirty else "")


def machine_description():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()} ({platform.machine()})"


def bless(args, log):
    """Regenerate bench/expected/NAME.smoke.out with CPython."""
    python = args.python or sys.executable
    os.makedirs(EXPECTED_DIR, exist_ok=True)
    for prog in discover_programs(set(sum((o.split(",") for o in args.only), [])) if args.only else None):
        p = subprocess.run([python, prog["path"], str(prog["scale"]["smoke"])], cwd=BENCH_DIR,
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"{prog['name']}: CPython failed: {p.stderr}")
        with open(os.path.join(EXPECTED_DIR, prog["name"] + ".smoke.out"), "w", encoding="utf-8") as f:
            f.write(p.stdout)
        log(f"blessed {prog['name']} (smoke={prog['scale']['smoke']})")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smallest (smoke) scale, 1 run unless --runs")
    ap.add_argument("--only", action="append", default=[], metavar="NAME[,NAME]",
                    help="run only these programs (repeatable)")
    ap.add_argument("--runs", type=int, default=None, help="timed runs per runtime (default 3)")
    ap.add_argument("--scale-factor", type=float, default=1.0, help="multiply every argument")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run before it is killed")
    ap.add_argument("--lethe", help="lethe executable (default target/release/lethe)")
    ap.add_argument("--python", help="CPython executable (default: chosen automatically)")
    ap.add_argument("--output", help="write OUTPUT.md and OUTPUT.json (default docs/benchmarks for "
                    "a full run, target/bench/benchmarks for --quick/--only/--scale-factor)")
    ap.add_argument("--bless", action="store_true", help="regenerate bench/expected/*.smoke.out")
    ap.add_argument("--memuse", help="memuse executable for the plots (default target/release/memuse)")
    ap.add_argument("--no-plots", action="store_true", help="skip the memory plots")
    ap.add_argument("--plots-only", action="store_true",
                    help="only redo the memory plots and the Markdown, from OUTPUT.json "
                    "(default docs/benchmarks.json); its timings are kept")
    args = ap.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        ap.error("--runs must be at least 1")

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    if args.bless:
        bless(args, log)
        return 0
    if args.plots_only and args.no_plots:
        ap.error("--plots-only and --no-plots contradict each other")
    partial = (args.quick or args.only or args.scale_factor != 1.0) and not args.plots_only
    prefix = args.output or os.path.join(ROOT, "target/bench/benchmarks" if partial else "docs/benchmarks")
    lethe = os.path.abspath(args.lethe) if args.lethe else os.path.join(ROOT, "target", "release", "lethe")
    memuse = os.path.abspath(args.memuse) if args.memuse else os.path.join(ROOT, "target", "release", "memuse")
    only = set(sum((o.split(",") for o in args.only), [])) if args.only else None
    if args.plots_only:
        try:
            with open(prefix + ".json", encoding="utf-8") as f:
                report = json.load(f)
        except OSError as e:
            raise SystemExit(f"run.py: --plots-only needs a report to add the plots to: {e}")
        if only:
            missing = only - {p["name"] for p in report["programs"]}
            if missing:
                raise SystemExit(f"run.py: not in {prefix}.json: {', '.join(sorted(missing))}")
    else:
        report = run_all(args, log)
    os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)
    if not args.no_plots:
        missing = [p for p in (lethe, memuse) if not os.path.exists(p)]
        if missing:
            msg = (f"no plots: {', '.join(missing)} not found "
                   "(cargo build --release -p lethe -p memuse)")
            if args.plots_only:
                raise SystemExit("run.py: " + msg)
            log(msg)
        else:
            md_dir = os.path.dirname(os.path.abspath(prefix))
            make_plots(report, lethe, memuse, os.path.join(md_dir, "plots"), md_dir,
                       os.path.join(ROOT, "target", "bench", "plots"), log, args.timeout,
                       only if args.plots_only else None)
    with open(prefix + ".md", "w", encoding="utf-8") as f:
        f.write(render_markdown(report))
    with open(prefix + ".json", "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    log(f"wrote {prefix}.md and {prefix}.json")
    failed = [(p["name"], n) for p in report["programs"] for n, r in p["results"].items() if r["status"] != "ok"]
    failed += [(p["name"], "plot") for p in report["programs"] if p.get("plot_error")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
