#!/usr/bin/env python3
"""Regenerate (or check) the expected output of the conformance suite.

Every ``tests/conformance/NAME.py`` whose name does not start with ``_`` is run
with CPython 3.11 as ``python3 -X utf8 NAME.py`` (cwd = tests/conformance,
PYTHONHASHSEED=0, timeout 10 s).  Its exact stdout is written to ``NAME.out``.
When the exit status is non-zero, ``NAME.err`` gets two lines::

    exit N
    <last line of stderr>

and a stale ``NAME.err`` is deleted when the exit status is zero.

Usage:
    python3 tools/bless_conformance.py [--check] [--python EXE] [NAME ...]

NAME may be given as ``foo``, ``foo.py`` or a path to the file.  With
``--check`` nothing is written; mismatches are printed and the exit status is 1
if there are any.
"""
import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(ROOT, "tests", "conformance")
TIMEOUT = 10


def find_python(explicit):
    if explicit:
        return explicit
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    for name in ("python3.11", "python3"):
        exe = shutil.which(name)
        if exe:
            out = subprocess.run([exe, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                                 capture_output=True, text=True)
            if out.stdout.strip() == "True":
                return exe
    sys.exit("bless_conformance: CPython 3.11 not found (use --python)")


def test_names(selected):
    if selected:
        names = []
        for s in selected:
            base = os.path.basename(s)
            if base.endswith(".py"):
                base = base[:-3]
            if not os.path.exists(os.path.join(SUITE, base + ".py")):
                sys.exit("bless_conformance: no such test: %s" % s)
            names.append(base)
        return sorted(set(names))
    return sorted(f[:-3] for f in os.listdir(SUITE)
                  if f.endswith(".py") and not f.startswith("_"))


def clean_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    return env


def run_one(python, name, env):
    """Return (stdout_text, err_text_or_None)."""
    stdin_path = os.path.join(SUITE, name + ".in")
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    try:
        proc = subprocess.run([python, "-X", "utf8", name + ".py"], cwd=SUITE, env=env,
                              stdin=stdin, capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise RuntimeError("%s: timed out after %ds" % (name, TIMEOUT))
    out = proc.stdout.decode("utf-8")
    if proc.returncode == 0:
        return out, None
    lines = [l for l in proc.stderr.decode("utf-8").splitlines() if l.strip()]
    last = lines[-1] if lines else ""
    return out, "exit %d\n%s\n" % (proc.returncode, last)


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, "r", encoding="utf-8", newline="") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--python", help="CPython 3.11 executable to use")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    python = find_python(args.python)
    env = clean_env()
    failures = []
    written = 0
    names = test_names(args.names)
    for name in names:
        try:
            out, err = run_one(python, name, env)
        except RuntimeError as e:
            failures.append(str(e))
            continue
        out_path = os.path.join(SUITE, name + ".out")
        err_path = os.path.join(SUITE, name + ".err")
        if args.check:
            if read(out_path) != out:
                failures.append("%s: stdout differs from %s.out" % (name, name))
            if read(err_path) != err:
                failures.append("%s: exit status/stderr differs from %s.err (expected %r, got %r)"
                                % (name, name, read(err_path), err))
        else:
            if read(out_path) != out:
                write(out_path, out)
                written += 1
            if err is None:
                if os.path.exists(err_path):
                    os.remove(err_path)
                    written += 1
            elif read(err_path) != err:
                write(err_path, err)
                written += 1
    for f in failures:
        print("MISMATCH " + f if args.check else "ERROR " + f)
    if args.check:
        print("checked %d tests, %d mismatches" % (len(names), len(failures)))
    else:
        print("blessed %d tests, %d files changed, %d errors" % (len(names), written, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
