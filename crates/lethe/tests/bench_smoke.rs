//! Benchmark smoke test: every `bench/*.py` runs under lethe at its smallest scale (the
//! `smoke=` value of the program's `# scale: default=N smoke=M` header, passed as
//! `sys.argv[1]`) and must print exactly what CPython printed, stored in
//! `bench/expected/NAME.smoke.out`. Programs listed in `bench/expected/known_failures.txt`
//! are expected to fail, and the test fails if one of them starts passing (same policy as
//! the conformance suite), so the list only shrinks.
//!
//! Regenerate the expected files with CPython: `python3 bench/run.py --bless`.
//! The full benchmark (`python3 bench/run.py`) never runs in CI.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A smoke run that takes longer than this is a failure (the whole test should stay well
/// under ~20 s; each program's smoke scale takes milliseconds under CPython).
const PER_PROGRAM_LIMIT: Duration = Duration::from_secs(20);

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench")
}

/// The `smoke=M` value of a program's `# scale:` header line.
fn smoke_scale(source: &str) -> Option<String> {
    let line = source.lines().find_map(|l| {
        l.trim_start()
            .strip_prefix('#')?
            .trim_start()
            .strip_prefix("scale:")
    })?;
    line.split_whitespace()
        .find_map(|item| item.strip_prefix("smoke="))
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
}

fn check(dir: &Path, name: &str) -> Result<Duration, String> {
    let source = std::fs::read_to_string(dir.join(format!("{name}.py")))
        .map_err(|e| format!("cannot read {name}.py: {e}"))?;
    let scale = smoke_scale(&source).ok_or_else(|| "no '# scale: … smoke=N' header".to_string())?;
    let expected_path = dir.join("expected").join(format!("{name}.smoke.out"));
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("cannot read {}: {e}", expected_path.display()))?;
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .arg(format!("{name}.py"))
        .arg(&scale)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run lethe: {e}"))?;
    // Kill a runaway program instead of hanging the suite.
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > PER_PROGRAM_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {PER_PROGRAM_LIMIT:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("cannot collect output: {e}"))?;
    let elapsed = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last_err = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if stdout != expected {
        let line = expected
            .lines()
            .zip(stdout.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(stdout.lines().count()));
        return Err(format!(
            "stdout differs at line {}: expected {:?}, got {:?}; exit {:?}; stderr: {last_err}",
            line + 1,
            expected.lines().nth(line).unwrap_or("<eof>"),
            stdout.lines().nth(line).unwrap_or("<eof>"),
            out.status.code(),
        ));
    }
    if !out.status.success() {
        return Err(format!(
            "exit status {:?}; stderr: {last_err}",
            out.status.code()
        ));
    }
    Ok(elapsed)
}

#[test]
fn smoke_scale_parsing() {
    assert_eq!(
        smoke_scale("# fib\n# scale: default=34 smoke=18\nimport sys\n").as_deref(),
        Some("18")
    );
    assert_eq!(
        smoke_scale("#scale: smoke=3 default=9").as_deref(),
        Some("3")
    );
    assert_eq!(smoke_scale("# scale: default=34\n"), None);
    assert_eq!(smoke_scale("print(1)\n"), None);
    assert_eq!(smoke_scale("# scale: smoke=x"), None);
}

#[test]
fn bench_smoke() {
    let dir = bench_dir();
    let known: Vec<String> = std::fs::read_to_string(dir.join("expected/known_failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("bench dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && !n.starts_with('_'))
        .filter(|n| n != "run.py" && n != "test_run.py")
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 12, "benchmark programs missing: {names:?}");
    for k in &known {
        assert!(
            names.contains(k),
            "known_failures.txt names {k}, which does not exist"
        );
    }
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut passed = 0;
    let mut total = Duration::ZERO;
    for n in &names {
        let r = check(&dir, n);
        if let Ok(d) = &r {
            total += *d;
        }
        match (r, known.contains(n)) {
            (Ok(_), false) => passed += 1,
            (Ok(_), true) => unexpected_passes.push(n.clone()),
            (Err(e), false) => failures.push(format!("{n}: {e}")),
            (Err(_), true) => {}
        }
    }
    eprintln!(
        "bench smoke: {passed} passed, {} known failures, {} programs, {:.2} s",
        known.len(),
        names.len(),
        total.as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} benchmark smoke failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        unexpected_passes.is_empty(),
        "now passing, remove from bench/expected/known_failures.txt: {unexpected_passes:?}"
    );
}
