//! Tracebacks in full: every `tests/traceback/NAME.py` ends with an uncaught exception,
//! and lethe's whole stderr must be what CPython 3.11 printed (`NAME.stderr`, made by
//! `tools/gen_traceback_expected.py`, with the directory written `{DIR}`): file and
//! line entries, source lines, the `^^^^`/`~~^~~` position markers under them,
//! chained exceptions, exception groups (also those left by `except*`), and the
//! "[Previous line repeated N more times]" summary. The conformance suite compares
//! only the last line of stderr. Each program also runs with everything compiled to
//! native code on first use: positions are per instruction, so the markers must not
//! change.

use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traceback")
}

fn check(name: &str, flags: &[&str]) -> Result<(), String> {
    let dir = dir();
    let abs = std::fs::canonicalize(&dir).map_err(|e| format!("{e}"))?;
    let expected = std::fs::read_to_string(dir.join(format!("{name}.stderr")))
        .map_err(|e| format!("{name}.stderr: {e}"))?
        .replace("{DIR}", &abs.to_string_lossy());
    let out = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("traceback-cache"),
        )
        .args(flags)
        .arg(format!("{name}.py"))
        .current_dir(&abs)
        .output()
        .map_err(|e| format!("cannot run lethe: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(1) {
        return Err(format!("exit status {:?}; stderr:\n{stderr}", out.status));
    }
    if stderr != expected {
        return Err(format!(
            "stderr differs\n--- expected\n{expected}--- got\n{stderr}"
        ));
    }
    Ok(())
}

#[test]
fn tracebacks_match_cpython() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/traceback")
        .filter_map(|e| {
            let n = e.ok()?.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".py").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() > 40, "programs missing: {names:?}");
    let mut failures = Vec::new();
    for n in &names {
        for flags in [
            &[][..],
            &["--jit=always", "--flush-age=1", "--max-code=8192"][..],
        ] {
            if let Err(e) = check(n, flags) {
                failures.push(format!("{n}.py {flags:?}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs differ from CPython:\n{}",
        failures.len(),
        names.len() * 2,
        failures.join("\n")
    );
}
