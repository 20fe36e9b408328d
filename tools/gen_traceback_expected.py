#!/usr/bin/env python3
"""Regenerate (or check) the expected stderr of the traceback tests.

Every ``crates/lethe/tests/traceback/NAME.py`` is a program that ends with an
uncaught exception.  It is run with CPython 3.11 as ``python3 NAME.py`` (cwd = that
directory) and its whole stderr is written to ``NAME.stderr``, with the directory's
absolute path replaced by ``{DIR}`` (the test puts lethe's path back in).
``crates/lethe/tests/traceback.rs`` compares lethe's full stderr with it, so the
position markers (``^^^^``, ``~~^~~``) under each source line are checked; the
suite itself does not need CPython.

Usage:
    python3 tools/gen_traceback_expected.py [--check] [--python EXE] [NAME ...]
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "crates", "lethe", "tests", "traceback")


def expected(python, path):
    p = subprocess.run([python, os.path.basename(path)], cwd=DIR,
                       capture_output=True, timeout=30,
                       env=dict(os.environ, PYTHONHASHSEED="0", PYTHONUTF8="1"))
    if p.returncode != 1:
        raise SystemExit(f"{path}: exit status {p.returncode}, expected 1")
    return p.stderr.decode("utf-8").replace(DIR, "{DIR}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--python", default="python3")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    v = subprocess.run([a.python, "-c", "import sys; print(sys.version_info[:2])"],
                       capture_output=True, text=True).stdout.strip()
    if v != "(3, 11)":
        raise SystemExit(f"{a.python} is not CPython 3.11 ({v})")
    names = a.names or sorted(f[:-3] for f in os.listdir(DIR) if f.endswith(".py"))
    bad = 0
    for n in names:
        n = os.path.basename(n)
        n = n[:-3] if n.endswith(".py") else n
        text = expected(a.python, os.path.join(DIR, n + ".py"))
        out = os.path.join(DIR, n + ".stderr")
        if a.check:
            old = open(out, encoding="utf-8").read() if os.path.exists(out) else None
            if old != text:
                print(f"{n}: differs")
                bad += 1
        else:
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
