//! The `lethe` command as a user drives it: exit statuses, error formats, the memory
//! report.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn lethe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lethe"))
        .args(args)
        .output()
        .expect("run lethe")
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("lethe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write program");
    p.to_string_lossy().into_owned()
}

#[test]
fn runs_code_and_passes_argv() {
    let o = lethe(&["-c", "import sys; print(sys.argv[1:], 6 * 7)", "a", "b"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "['a', 'b'] 42\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn syntax_error_is_reported_before_anything_runs() {
    let p = write("syn.py", "print('ran')\nif True\n    pass\n");
    let o = lethe(&[&p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "nothing runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2"), "{err}");
    assert!(
        err.trim_end()
            .lines()
            .last()
            .unwrap_or("")
            .starts_with("SyntaxError: "),
        "{err}"
    );
}

#[test]
fn uncaught_exception_prints_a_traceback_and_exits_1() {
    let p = write(
        "exc.py",
        "def f(x):\n    return 1 // x\nprint('before')\nf(0)\n",
    );
    let o = lethe(&[&p]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "before\n");
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "Traceback (most recent call last):");
    assert!(lines[1].ends_with("line 4, in <module>"), "{err}");
    assert_eq!(lines[2].trim(), "f(0)");
    assert!(lines[3].ends_with("line 2, in f"), "{err}");
    assert_eq!(lines[4].trim(), "return 1 // x");
    assert_eq!(lines[5], "           ~~^^~~");
    assert_eq!(
        lines[6],
        "ZeroDivisionError: integer division or modulo by zero"
    );
}

#[test]
fn unsupported_constructs_exit_2_with_location() {
    let p = write("unsup.py", "print('x')\nasync def f():\n    pass\n");
    let o = lethe(&[&p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(":2:1: unsupported: async def"), "{err}");

    let p = write("unsup_mod.py", "print('first')\nimport sqlite3\n");
    let o = lethe(&[&p]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "first\n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(":2: unsupported: standard library module 'sqlite3'"),
        "{err}"
    );

    // Built-ins lethe lacks and submodules of packages it provides as one module.
    for (src, what) in [
        ("m = memoryview(b'ab')", "memoryview"),
        (
            "import logging.handlers",
            "standard library module 'logging.handlers'",
        ),
        (
            "from json.decoder import JSONDecodeError",
            "standard library module 'json.decoder'",
        ),
        ("import sys; sys.getrefcount(1)", "sys.getrefcount"),
    ] {
        let p = write("unsup_builtin.py", &format!("print('first')\n{src}\n"));
        let o = lethe(&[&p]);
        assert_eq!(o.status.code(), Some(2), "{src}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!(":2: unsupported: {what}")), "{err}");
    }
}

#[test]
fn unsupported_library_features_exit_2() {
    // A submodule of a CPython package that lethe embeds as one module.
    let p = write(
        "unsup_sub.py",
        "import json\nprint('ok')\nimport json.decoder\n",
    );
    let o = lethe(&[&p]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "ok\n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(":3: unsupported: standard library module 'json.decoder'"),
        "{err}"
    );
    // Library functions lethe cannot provide report themselves at the caller's line.
    for (name, src, what) in [
        (
            "unsup_mkstemp.py",
            "import tempfile\ntempfile.mkstemp()\n",
            ":2: unsupported: tempfile.mkstemp",
        ),
        (
            "unsup_fd.py",
            "import subprocess\nsubprocess.run(['true'], stdout=7)\n",
            ":2: unsupported: subprocess stdout= as a file descriptor number",
        ),
        (
            "unsup_thread.py",
            "import threading\nthreading.Thread(target=print).start()\n",
            ":2: unsupported: threading.Thread.start()",
        ),
        (
            "unsup_archive.py",
            "import shutil\nshutil.make_archive('x', 'zip')\n",
            ":2: unsupported: shutil.make_archive",
        ),
    ] {
        let p = write(name, src);
        let o = lethe(&[&p]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(what), "{name}: {err}");
    }
}

#[test]
fn sys_exit_status_is_passed_through() {
    let o = lethe(&["-c", "import sys; sys.exit(7)"]);
    assert_eq!(o.status.code(), Some(7));
    let o = lethe(&["-c", "raise SystemExit('bye')"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "bye\n");
}

#[test]
fn missing_file_and_bad_options() {
    let o = lethe(&["/nonexistent/prog.py"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("can't open file"));
    let o = lethe(&["--no-such-option"]);
    assert_eq!(o.status.code(), Some(2));
    let o = lethe(&["--version"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("lethe "));
}

#[test]
fn deep_recursion_raises_recursion_error_not_a_crash() {
    let o = lethe(&["-c", "def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "caught maximum recursion depth exceeded\n"
    );
    let o = lethe(&["-c", "import sys\nsys.setrecursionlimit(100000)\ndef d(n): return 0 if n == 0 else 1 + d(n - 1)\nprint(d(90000))\n"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "90000\n");
}

#[test]
fn mem_report_json_has_the_ledger_and_no_parse_tree_left() {
    let p = write(
        "mem.py",
        "def f(n):\n    return [i * i for i in range(n)]\nprint(len(f(1000)))\n",
    );
    let o = lethe(&["--mem-report=json", &p]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err.lines().last().expect("a report line");
    let v: serde_json::Value = serde_json::from_str(line).expect("json");
    for c in [
        "runtime", "source", "ast", "ir", "bytecode", "feedback", "objects",
    ] {
        assert!(v["ledger"][c]["current"].is_i64(), "{c} in {line}");
        assert!(v["ledger"][c]["peak"].is_i64(), "{c} in {line}");
    }
    assert_eq!(v["ledger"]["ast"]["current"], 0);
    assert!(v["ledger"]["ast"]["peak"].as_i64().unwrap_or(0) > 0);
    assert_eq!(v["ledger"]["ir"]["current"], 0);
    assert!(v["ledger"]["bytecode"]["current"].as_i64().unwrap_or(0) > 0);
    assert!(v["process"].is_object());
    assert!(v["rss"].as_u64().unwrap_or(0) > 0);
}

#[test]
fn mem_trace_writes_the_ledger_over_time() {
    let p = write(
        "trace.py",
        "import time\nxs = [str(i) for i in range(20000)]\ntime.sleep(0.06)\ndel xs\nprint('ok')\n",
    );
    let trace = write("trace.jsonl", "stale contents\n");
    let o = lethe(&[&format!("--mem-trace={trace}"), &p]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "ok\n");
    let text = std::fs::read_to_string(&trace).expect("trace written");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let head = &lines[0];
    assert_eq!(head["trace"], "lethe-ledger");
    assert!(head["start_unix_ms"].as_f64().unwrap_or(0.0) > 1.0e12);
    let cats = head["categories"].as_array().expect("categories");
    assert!(cats.iter().any(|c| c == "ast") && cats.iter().any(|c| c == "objects"));
    let samples = &lines[1..];
    // 60 ms of sleep at one sample per 10 ms, plus the first and the final sample.
    assert!(samples.len() >= 5, "{} samples:\n{text}", samples.len());
    let t: Vec<f64> = samples
        .iter()
        .map(|s| s["t_ms"].as_f64().expect("t_ms"))
        .collect();
    assert!(t.windows(2).all(|w| w[0] <= w[1]), "{t:?}");
    for s in samples {
        for c in cats {
            let c = c.as_str().expect("name");
            assert!(s["ledger"][c].is_i64(), "{c} in {s}");
        }
    }
    let last = samples.last().expect("a sample");
    assert_eq!(last["final"], true);
    assert!(samples[..samples.len() - 1]
        .iter()
        .all(|s| s.get("final").is_none()));
    // The list is alive while the program sleeps and freed by the end.
    let objects = |s: &serde_json::Value| s["ledger"]["objects"].as_i64().unwrap_or(0);
    let most = samples.iter().map(objects).max().unwrap_or(0);
    assert!(most > 500_000, "objects peaked at {most}");
    assert!(objects(last) < most / 2, "{} at the end", objects(last));
    assert_eq!(last["ledger"]["ast"], 0);
    // The parse tree lives between two samples: `peak` (highest since the previous
    // sample) shows it, and is never below the current figure.
    let ast_peak = samples
        .iter()
        .map(|s| s["peak"]["ast"].as_i64().unwrap_or(0))
        .max();
    assert!(ast_peak.unwrap_or(0) > 0, "no ast peak in\n{text}");
    for s in samples {
        for c in cats {
            let c = c.as_str().expect("name");
            let (now, peak) = (s["ledger"][c].as_i64(), s["peak"][c].as_i64());
            assert!(peak >= now, "{c}: peak {peak:?} < current {now:?} in {s}");
        }
    }
}

#[test]
fn mem_trace_to_an_unwritable_path_is_a_usage_error() {
    let o = lethe(&["--mem-trace=/nonexistent-dir/x.jsonl", "-c", "print(1)"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "nothing runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("lethe: --mem-trace: cannot write /nonexistent-dir/x.jsonl"),
        "{err}"
    );
}

/// Bugs found by trying lethe as a new user; each must stay fixed.
#[test]
fn new_user_regressions() {
    let run = |code: &str| {
        let o = lethe(&["-c", code]);
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    // A huge repetition is a MemoryError, not an abort.
    let (code, _, err) = run("x = [0] * 10**12");
    assert_eq!(code, Some(1));
    assert_eq!(err.lines().last(), Some("MemoryError"));
    // Shifting the most negative i64 overflows into a big int.
    assert_eq!(
        run("x = -2**63\nprint(x << 1, x * 2)").1,
        "-18446744073709551616 -18446744073709551616\n"
    );
    // `**` with a non-string key.
    let (code, _, err) = run("def f(**kw): return kw\nprint(f(**{1: 2}))");
    assert_eq!(code, Some(1));
    assert_eq!(
        err.lines().last(),
        Some("TypeError: keywords must be strings")
    );
    // Exit statuses keep the low 8 bits, as the OS does.
    assert_eq!(run("import sys; sys.exit(-1)").0, Some(255));
    assert_eq!(run("import sys; sys.exit(256)").0, Some(0));
    // sys.stdout / sys.stderr.
    let (code, out, err) = run("import sys\nprint('e', file=sys.stderr)\nsys.stdout.write('o\\n')");
    assert_eq!((code, out.as_str(), err.as_str()), (Some(0), "o\n", "e\n"));
    // Default docstrings.
    assert_eq!(
        run("class C: pass\nprint(C.__doc__, __doc__)").1,
        "None None\n"
    );
    // A missing name in a provided module is an ImportError, not "unsupported".
    let (code, _, err) = run("from math import nope");
    assert_eq!(code, Some(1));
    assert_eq!(
        err.lines().last(),
        Some("ImportError: cannot import name 'nope' from 'math' (unknown location)")
    );
    // A generator dropped while suspended in `try` runs its `finally` then.
    let src = "def g():\n    try:\n        yield 1\n    finally:\n        print('fin')\nx = g()\nnext(x)\ndel x\nprint('end')";
    assert_eq!(run(src).1, "fin\nend\n");
    // __del__ runs when the last reference goes (and at exit for globals).
    let src = "class R:\n    def __init__(self, n): self.n = n\n    def __del__(self): print('del', self.n)\nr = R(1)\ndel r\nprint('a')\ndef f():\n    x = R(2)\nf()\nkeep = R(3)\nprint('end')";
    assert_eq!(run(src).1, "del 1\na\ndel 2\nend\ndel 3\n");
}

/// A fresh directory holding `files` (path relative to it, text).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lethe-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dirs");
        std::fs::write(&p, text).expect("write");
    }
    dir
}

fn lethe_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lethe"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run lethe")
}

#[test]
fn dash_m_runs_a_module_or_a_package_as_main() {
    let dir = tree(
        "m",
        &[
            ("tool.py", "import sys\nprint(__name__, __package__ == '', sys.argv[1:])\nprint(sys.argv[0] == __file__, __file__.endswith('/tool.py'))\n"),
            ("pkg/__init__.py", "print('init', __name__)\n"),
            ("pkg/__main__.py", "from . import util\nprint('main', __name__, __package__, util.X)\n"),
            ("pkg/util.py", "X = 42\n"),
            ("pkg/cmd.py", "from .util import X\nprint('cmd', __name__, __package__, X)\n"),
            ("lib/__init__.py", ""),
        ],
    );
    let o = lethe_in(&dir, &["-m", "tool", "a", "-b"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "__main__ True ['a', '-b']\nTrue True\n"
    );
    assert_eq!(o.status.code(), Some(0));
    let o = lethe_in(&dir, &["-m", "pkg"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "init pkg\nmain __main__ pkg 42\n"
    );
    let o = lethe_in(&dir, &["-m", "pkg.cmd"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "init pkg\ncmd __main__ pkg 42\n"
    );

    let o = lethe_in(&dir, &["-m", "nosuch"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).ends_with(": No module named nosuch\n"));
    let o = lethe_in(&dir, &["-m", "lib"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).ends_with(
        ": No module named lib.__main__; 'lib' is a package and cannot be directly executed\n"
    ));
    let o = lethe_in(&dir, &["-m", "nosuch.mod"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains(
        "Error while finding module specification for 'nosuch.mod' (ModuleNotFoundError: No module named 'nosuch')"
    ));
    let o = lethe_in(&dir, &["-m"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn dash_m_unittest_runs_named_tests() {
    let dir = tree(
        "ut",
        &[(
            "tests/test_calc.py",
            "import unittest\nclass T(unittest.TestCase):\n    def test_ok(self):\n        print('ran ok')\n    def test_bad(self):\n        self.assertEqual(1, 2)\n",
        )],
    );
    let last = |o: &Output| {
        String::from_utf8_lossy(&o.stderr)
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    };
    let o = lethe_in(&dir, &["-m", "unittest", "tests/test_calc.py"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "ran ok\n");
    assert_eq!(last(&o), "FAILED (failures=1)");
    assert_eq!(o.status.code(), Some(1));
    let o = lethe_in(&dir, &["-m", "unittest", "-v", "tests.test_calc.T.test_ok"]);
    assert_eq!(last(&o), "OK");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("test_ok (tests.test_calc.T.test_ok) ... ok")
    );
    let o = lethe_in(&dir, &["-m", "unittest"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(last(&o).contains("unsupported: unittest test discovery"));
}

fn lethe_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lethe");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("wait")
}

#[test]
fn a_program_on_stdin_runs_like_a_file() {
    let prog = "import sys\nprint(sys.argv, repr(sys.path[0]), __name__, __file__)\nfor i in range(2):\n    print(i)\n";
    let o = lethe_stdin(&[], prog);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "[''] '' __main__ <stdin>\n0\n1\n"
    );
    assert_eq!(o.status.code(), Some(0));
    // `-` names stdin explicitly and arguments follow it.
    let o = lethe_stdin(&["-", "x"], prog);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("['-', 'x'] "));
    // Not interactive: expression statements print nothing; errors end the run.
    let o = lethe_stdin(&[], "1 + 1\nprint('a')\n1 / 0\nprint('b')\n");
    assert_eq!(String::from_utf8_lossy(&o.stdout), "a\n");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("File \"<stdin>\", line 3, in <module>"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(1));
    let o = lethe_stdin(&[], "exit(3)\n");
    assert_eq!(o.status.code(), Some(3));
}

/// A pseudo-terminal pair: lethe gets the slave side as stdin, stdout and stderr, so
/// it starts its interactive interpreter; the test types into the master side.
struct Pty {
    master: std::fs::File,
    seen: String,
}

impl Pty {
    fn spawn(args: &[&str]) -> (Pty, std::process::Child) {
        use std::os::fd::{FromRawFd, OwnedFd};
        let (mut m, mut s) = (0, 0);
        // SAFETY: openpty writes two new descriptors into m and s; the name,
        // termios and window-size arguments may be null.
        let r = unsafe {
            libc::openpty(
                &mut m,
                &mut s,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(r, 0, "openpty");
        // SAFETY: both descriptors were just opened and are owned by nobody else.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(m), OwnedFd::from_raw_fd(s)) };
        let child = Command::new(env!("CARGO_BIN_EXE_lethe"))
            .args(args)
            .env("TERM", "xterm")
            .stdin(Stdio::from(slave.try_clone().expect("dup")))
            .stdout(Stdio::from(slave.try_clone().expect("dup")))
            .stderr(Stdio::from(slave))
            .spawn()
            .expect("run lethe");
        (
            Pty {
                master: std::fs::File::from(master),
                seen: String::new(),
            },
            child,
        )
    }

    fn send(&mut self, s: &str) {
        self.master.write_all(s.as_bytes()).expect("type");
    }

    /// Read until the output since the last call contains `want` (10 s at most);
    /// returns that output. Cursor-position queries get an answer.
    fn expect(&mut self, want: &str) -> String {
        use std::io::Read;
        use std::os::fd::AsRawFd;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !self.seen.contains(want) {
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {want:?}; got {:?}",
                self.seen
            );
            let mut pfd = libc::pollfd {
                fd: self.master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut pfd, 1, 100) } <= 0 {
                continue;
            }
            let mut buf = [0u8; 4096];
            match self.master.read(&mut buf) {
                Ok(0) | Err(_) => {
                    assert!(
                        self.seen.contains(want),
                        "eof before {want:?}: {:?}",
                        self.seen
                    );
                }
                Ok(n) => {
                    let chunk = String::from_utf8_lossy(&buf[..n]).into_owned();
                    if chunk.contains("\x1b[6n") {
                        self.send("\x1b[1;1R");
                    }
                    self.seen.push_str(&chunk);
                }
            }
        }
        let at = self.seen.find(want).unwrap_or(0) + want.len();
        let out = self.seen[..at].to_string();
        self.seen.drain(..at);
        out
    }
}

#[test]
fn repl_through_a_pseudo_terminal() {
    let (mut t, mut child) = Pty::spawn(&[]);
    t.expect(">>> ");
    // A compound statement goes on with `... ` until an empty line.
    t.send("for i in range(3):\r");
    t.expect("... ");
    t.send("    print(i * 10)\r");
    t.expect("... ");
    t.send("\r");
    let out = t.expect(">>> ");
    assert!(out.contains("0\r\n10\r\n20\r\n"), "{out:?}");
    // Expressions echo their repr; `_` holds the last value; None is not echoed.
    t.send("x = 6 * 7\r");
    t.expect(">>> ");
    t.send("x\r");
    assert!(t.expect(">>> ").contains("\r\n42\r\n"));
    t.send("_ + 1, 'ok'\r");
    assert!(t.expect(">>> ").contains("\r\n(43, 'ok')\r\n"));
    t.send("print('p')\r");
    let out = t.expect(">>> ");
    assert!(
        out.contains("\r\np\r\n") && !out.contains("None"),
        "{out:?}"
    );
    // An open bracket continues the statement.
    t.send("[1,\r");
    t.expect("... ");
    t.send(" 2]\r");
    assert!(t.expect(">>> ").contains("\r\n[1, 2]\r\n"));
    // An exception prints a traceback and the session goes on.
    t.send("def f(n):\r");
    t.expect("... ");
    t.send("    return 1 // n\r");
    t.expect("... ");
    t.send("\r");
    t.expect(">>> ");
    t.send("f(0)\r");
    let out = t.expect(">>> ");
    assert!(
        out.contains("Traceback (most recent call last):"),
        "{out:?}"
    );
    assert!(out.contains("File \"<stdin>\", line 2, in f"), "{out:?}");
    assert!(
        out.contains("ZeroDivisionError: integer division or modulo by zero"),
        "{out:?}"
    );
    t.send("1 +\r");
    assert!(t.expect(">>> ").contains("SyntaxError"));
    t.send("f(1)\r");
    assert!(t.expect(">>> ").contains("\r\n1\r\n"));
    // Ctrl-C cancels the input being typed.
    t.send("if True:\r");
    t.expect("... ");
    t.send("\x03");
    assert!(t.expect(">>> ").contains("KeyboardInterrupt"));
    // Ctrl-D leaves with status 0.
    t.send("\x04");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0));

    let (mut t, mut child) = Pty::spawn(&[]);
    t.expect(">>> ");
    t.send("exit(4)\r");
    assert_eq!(child.wait().expect("wait").code(), Some(4));
}

/// An uncaught KeyboardInterrupt prints its traceback, then the process ends by
/// SIGINT (as CPython's does), so a shell sees 130.
#[test]
fn uncaught_keyboard_interrupt_ends_by_sigint() {
    use std::os::unix::process::ExitStatusExt;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lethe"))
        .args(["-c", "print('a')\nraise KeyboardInterrupt"])
        .output()
        .expect("run lethe");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().last(), Some("KeyboardInterrupt"), "{err}");
    assert_eq!(out.status.signal(), Some(2), "{:?}", out.status);
}

/// Run lethe with its stdout a pipe whose reader is closed before lethe starts.
fn lethe_closed_stdout(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    // Buffered, as CPython's stdout is by default (the environment may ask for
    // unbuffered output).
    Command::new(env!("CARGO_BIN_EXE_lethe"))
        .args(args)
        .env_remove("PYTHONUNBUFFERED")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run lethe")
}

#[test]
fn a_closed_stdout_raises_broken_pipe_error() {
    // Uncaught: a traceback ending in BrokenPipeError, status 1 (as CPython).
    let o = lethe_closed_stdout(&["-c", "for i in range(10**6): print(i)"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.trim_end().lines().last(),
        Some("BrokenPipeError: [Errno 32] Broken pipe"),
        "{err}"
    );
    // Caught by the program.
    let o = lethe_closed_stdout(&[
        "-c",
        "import sys\ntry:\n    for i in range(10**6): print(i)\nexcept BrokenPipeError as e:\n    sys.stderr.write(f'caught {e.errno}\\n'); sys.exit(3)",
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "caught 32\n");
    // Output still buffered at exit: reported as CPython reports it, status 120.
    let o = lethe_closed_stdout(&["-c", "print('x')"]);
    assert_eq!(o.status.code(), Some(120));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("Exception ignored in: <_io.TextIOWrapper name='<stdout>'"),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("BrokenPipeError: [Errno 32] Broken pipe"),
        "{err}"
    );
    // Unbuffered (-u), the print itself fails, as CPython's does.
    let o = lethe_closed_stdout(&["-u", "-c", "print('x')"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):"),
        "{err}"
    );
    // --help to a closed stdout is not an error.
    let o = lethe_closed_stdout(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty());
}

#[test]
fn cpython_flags_are_accepted() {
    // -O drops asserts and makes __debug__ False; -OO drops docstrings too.
    let prog = "def f():\n    'doc'\nassert False, 'kept'\nimport sys\nprint(__debug__, f.__doc__, sys.flags.optimize)\n";
    let p = write("flags.py", prog);
    let o = lethe(&["-O", &p]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "False doc 1\n");
    assert_eq!(o.status.code(), Some(0));
    let o = lethe(&["-OO", &p]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "False None 2\n");
    let o = lethe(&[&p]);
    assert_eq!(o.status.code(), Some(1), "without -O the assert fails");
    // Flags with nothing to change here are accepted, clustered or not.
    let o = lethe(&[
        "-u", "-B", "-s", "-S", "-E", "-W", "ignore", "-X", "utf8", "-c", "print(1)",
    ]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "1\n");
    let o = lethe(&["-uBsS", "-c", "print(2)"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "2\n");
}

#[test]
fn unbuffered_output_reaches_the_pipe_before_the_program_ends() {
    // With -u each print is written at once: the first line arrives while the
    // program still runs (buffered, it would come only at exit, and it never exits).
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .args([
            "-u",
            "--jit=off",
            "-c",
            "print('first')\nwhile True:\n    pass\n",
        ])
        .env_remove("PYTHONUNBUFFERED")
        .stdout(Stdio::piped())
        .spawn()
        .expect("run lethe");
    let out = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    let got = rx.recv_timeout(std::time::Duration::from_secs(20));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(got.as_deref(), Ok("first\n"));
}
