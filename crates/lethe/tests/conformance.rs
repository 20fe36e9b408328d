//! Conformance suite: every `tests/conformance/*.py` runs under lethe and must print
//! exactly what CPython 3.11 printed (stored in `.out`; exit status and last stderr
//! line in `.err`). Programs listed in `known_failures.txt` are expected to fail —
//! and the test fails if one of them starts passing, so the list only shrinks.
//!
//! `LETHE_BLESS=1` regenerates the expected files with CPython
//! (`tools/bless_conformance.py`); CI never needs CPython.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check(dir: &Path, name: &str, flags: &[&str]) -> Result<(), String> {
    // `NAME.in`, when present, is the program's stdin.
    let stdin = match std::fs::File::open(dir.join(format!("{name}.in"))) {
        Ok(f) => std::process::Stdio::from(f),
        Err(_) => std::process::Stdio::null(),
    };
    let out = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance-cache"),
        )
        .args(flags)
        .arg(format!("{name}.py"))
        .current_dir(dir)
        .stdin(stdin)
        .output()
        .map_err(|e| format!("cannot run lethe: {e}"))?;
    let expected = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap_or_default();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stdout != expected {
        let line = expected
            .lines()
            .zip(stdout.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(stdout.lines().count()));
        return Err(format!(
            "stdout differs at line {}: expected {:?}, got {:?}; stderr: {}",
            line + 1,
            expected.lines().nth(line).unwrap_or("<eof>"),
            stdout.lines().nth(line).unwrap_or("<eof>"),
            stderr.lines().last().unwrap_or("")
        ));
    }
    let code = out.status.code().unwrap_or(-1);
    let err_file = dir.join(format!("{name}.err"));
    match std::fs::read_to_string(&err_file) {
        Ok(e) => {
            let mut lines = e.lines();
            let want_code: i32 = lines
                .next()
                .and_then(|l| l.strip_prefix("exit "))
                .and_then(|c| c.trim().parse().ok())
                .unwrap_or(1);
            let want_last = lines.next().unwrap_or("").trim_end();
            let got_last = stderr
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim_end();
            if code != want_code {
                return Err(format!(
                    "exit status {code}, expected {want_code}; stderr: {got_last}"
                ));
            }
            let kind = |s: &str| s.split(':').next().unwrap_or("").to_string();
            let syntax =
                want_last.starts_with("SyntaxError") || want_last.starts_with("IndentationError");
            let ok = if syntax {
                kind(want_last) == kind(got_last)
            } else {
                want_last == got_last
            };
            if !ok {
                return Err(format!(
                    "last stderr line {got_last:?}, expected {want_last:?}"
                ));
            }
        }
        Err(_) => {
            if code != 0 {
                return Err(format!(
                    "exit status {code}; stderr: {}",
                    stderr.lines().last().unwrap_or("")
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn conformance() {
    let dir = root().join("tests/conformance");
    if std::env::var("LETHE_BLESS").as_deref() == Ok("1") {
        let st = Command::new("python3")
            .arg(root().join("tools/bless_conformance.py"))
            .status()
            .expect("python3 for blessing");
        assert!(st.success(), "bless failed");
    }
    let known: Vec<String> = std::fs::read_to_string(dir.join("known_failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("conformance dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && !n.starts_with('_'))
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 100, "conformance programs missing");
    // Every program runs twice: as configured by default, and with the native tier
    // compiling everything it can on first use, bytecode flushed after one collection
    // and native code limited to two pages (whose output must be the same).
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut passed = 0;
    for (mode, flags) in [
        ("default", &[][..]),
        (
            "--jit=always --flush-age=1 --max-code=8192",
            &["--jit=always", "--flush-age=1", "--max-code=8192"][..],
        ),
    ] {
        for n in &names {
            let r = check(&dir, n, flags);
            let is_known = known.contains(n);
            match (r, is_known) {
                (Ok(()), false) => passed += 1,
                (Ok(()), true) => unexpected_passes.push(format!("{n} ({mode})")),
                (Err(e), false) => failures.push(format!("{n} ({mode}): {e}")),
                (Err(_), true) => {}
            }
        }
    }
    let passed = passed / 2;
    if std::env::var("LETHE_LIST_FAILURES").is_ok() {
        for f in &failures {
            println!("FAIL {f}");
        }
    }
    eprintln!(
        "conformance: {passed} passed, {} known failures, {} programs",
        known.len(),
        names.len()
    );
    assert!(
        failures.is_empty(),
        "{} conformance failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        unexpected_passes.is_empty(),
        "now passing, remove from known_failures.txt: {unexpected_passes:?}"
    );
}
