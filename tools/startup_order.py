#!/usr/bin/env python3
"""Write the symbol ordering file that groups the code lethe runs at start-up.

The kernel maps a program's text in windows of 16 pages around each page fault
("fault-around"), so the resident size of lethe's text after start-up is 64 KiB per
window touched, not the size of the code that ran. Start-up code scattered over the
7 MB text touched ~44 windows (2.8 MB). Linked first and in the order it runs (lld's
`--symbol-ordering-file`, passed by crates/lethe/build.rs), it fits in a few.

This tool finds the functions by running lethe under ptrace with a one-shot
breakpoint on the entry of every function of the (fixed-address) executable: each
function that runs traps once, is recorded, and has its first byte put back. It
traces an empty program, then the programs named on the command line (default:
examples/primes.py), with the native tier off (no compiler process is started).

The same applies after start-up: the code a running program uses (the interpreter
loop, the object operations, the native tier's runtime entry points) is spread over
the whole text unless it is grouped. `--bench` also traces every benchmark of
bench/ at its smoke size, interpreted and with the native tier (whose compiler runs
in its own process, not traced: its code stays out of the list), so the code
programs commonly run follows the start-up code, in the order it first ran.

Usage: python3 tools/startup_order.py [--lethe target/release/lethe] [--bench] [PROGRAM...]
Writes crates/lethe/startup-order.txt (mangled names, first-run order). Names are
stable across source changes (the mangling hash does not depend on the code), so
the file only needs regenerating when start-up code is added or renamed; names
that no longer exist are ignored by the linker.
"""

import argparse
import ctypes
import os
import signal
import struct
import subprocess
import sys
import tempfile

PTRACE_TRACEME, PTRACE_PEEKTEXT, PTRACE_POKETEXT = 0, 1, 4
PTRACE_CONT, PTRACE_GETREGS, PTRACE_SETREGS = 7, 12, 13
PTRACE_SETOPTIONS, PTRACE_O_TRACECLONE = 0x4200, 0x8
WALL = 0x40000000
RIP = 16  # index of rip in struct user_regs_struct (x86-64)

libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
libc.ptrace.restype = ctypes.c_long


def ptrace(req, pid, addr=0, data=0):
    ctypes.set_errno(0)
    r = libc.ptrace(req, pid, ctypes.c_void_p(addr), ctypes.c_void_p(data))
    err = ctypes.get_errno()
    if r == -1 and err:
        raise OSError(err, f"ptrace({req}) at {addr:#x}: {os.strerror(err)}")
    return r


def functions(exe):
    """(address, [mangled names]) of every function in the executable's text."""
    out = subprocess.run(
        ["nm", "--defined-only", exe], check=True, capture_output=True, text=True
    ).stdout
    by_addr = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tT":
            by_addr.setdefault(int(parts[0], 16), []).append(parts[2])
    return by_addr


def trace(exe, args, by_addr):
    """Addresses of the functions that ran, in the order they first ran."""
    pid = os.fork()
    if pid == 0:
        ptrace(PTRACE_TRACEME, 0)
        os.execv(exe, [exe] + args)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSTOPPED(status), "stopped at exec"
    words = {}  # word address -> current bytes
    for a in by_addr:
        w = a & ~7
        if w not in words:
            words[w] = bytearray(
                struct.pack("<q", ptrace(PTRACE_PEEKTEXT, pid, w))
            )
    orig = {w: bytes(b) for w, b in words.items()}
    for a in by_addr:
        words[a & ~7][a & 7] = 0xCC
    for w, b in words.items():
        ptrace(PTRACE_POKETEXT, pid, w, struct.unpack("<q", bytes(b))[0])
    order = []
    regs = (ctypes.c_ulonglong * 27)()
    # Follow the threads the program starts (it runs Python on a second thread).
    ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACECLONE)
    ptrace(PTRACE_CONT, pid, 0, 0)
    live = {pid}
    while live:
        tid, status = os.waitpid(-1, WALL)
        if os.WIFEXITED(status) or os.WIFSIGNALED(status):
            live.discard(tid)
            continue
        live.add(tid)
        sig = os.WSTOPSIG(status)
        if status >> 16 or sig == signal.SIGSTOP:
            # A clone event, or a new thread's first stop.
            ptrace(PTRACE_CONT, tid, 0, 0)
            continue
        if sig != signal.SIGTRAP:
            ptrace(PTRACE_CONT, tid, 0, sig)
            continue
        ptrace(PTRACE_GETREGS, tid, 0, ctypes.addressof(regs))
        a = regs[RIP] - 1
        if a not in by_addr:
            raise SystemExit(f"unexpected trap at {a:#x}")
        if words[a & ~7][a & 7] == 0xCC:
            order.append(a)
            w = a & ~7
            words[w][a & 7] = orig[w][a & 7]
            ptrace(PTRACE_POKETEXT, tid, w, struct.unpack("<q", bytes(words[w]))[0])
        regs[RIP] = a
        ptrace(PTRACE_SETREGS, tid, 0, ctypes.addressof(regs))
        ptrace(PTRACE_CONT, tid, 0, 0)
    return order


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--lethe", default=os.path.join(root, "target/release/lethe"))
    ap.add_argument("--bench", action="store_true", help="also trace bench/*.py (smoke size)")
    ap.add_argument("programs", nargs="*", default=[os.path.join(root, "examples/primes.py")])
    opts = ap.parse_args()
    by_addr = functions(opts.lethe)
    with tempfile.NamedTemporaryFile("w", suffix=".py") as empty:
        runs = [["--jit=off", empty.name]] + [["--jit=off", p] for p in opts.programs]
        if opts.bench:
            bench = os.path.join(root, "bench")
            for name in sorted(os.listdir(bench)):
                if not name.endswith(".py") or name in ("run.py", "test_run.py"):
                    continue
                path = os.path.join(bench, name)
                with open(path) as f:
                    head = f.read(2000)
                smoke = [w.split("=", 1)[1] for w in head.split() if w.startswith("smoke=")]
                for mode in ("--jit=off", "--jit=on"):
                    runs.append([mode, path] + smoke[:1])
        seen, order = set(), []
        for r in runs:
            print("tracing", " ".join(r), file=sys.stderr)
            for a in trace(opts.lethe, r, by_addr):
                if a not in seen:
                    seen.add(a)
                    order.append(a)
    addrs = sorted(by_addr)
    size = {a: (addrs[i + 1] - a if i + 1 < len(addrs) else 0) for i, a in enumerate(addrs)}
    total = sum(size[a] for a in order)
    path = os.path.join(root, "crates/lethe/startup-order.txt")
    with open(path, "w") as f:
        for a in order:
            for name in by_addr[a]:
                f.write(name + "\n")
    print(f"{len(order)} functions, {total / 1024:.0f} KiB of code -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
