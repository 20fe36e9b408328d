//! The `memuse` binary end to end: views, JSON, errors and exit statuses.

use std::process::{Command, Output};

fn memuse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_memuse"))
        .args(args)
        .output()
        .expect("run memuse")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn me() -> String {
    std::process::id().to_string()
}

fn missing_pid() -> String {
    // Pids are always below pid_max.
    std::fs::read_to_string("/proc/sys/kernel/pid_max")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "4194304".into())
}

#[test]
fn command_exit_status_is_passed_through() {
    let out = memuse(&["--", "sh", "-c", "exit 3"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("sh -c exit 3: exited with status 3"), "{err}");
    assert!(err.contains("kernel peak RSS"), "{err}");
}

#[test]
fn command_killed_by_signal_exits_128_plus_signo() {
    let out = memuse(&["--", "sh", "-c", "kill -9 $$"]);
    assert_eq!(out.status.code(), Some(137), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("killed by signal 9"));
}

#[test]
fn command_is_sampled_and_reported_per_category() {
    let out = memuse(&["--interval", "5", "--", "sleep", "0.2"]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(err.contains("peak per category"), "{err}");
    for cat in [
        "program_text",
        "lib_text",
        "jit_code",
        "heap",
        "stack",
        "total",
    ] {
        assert!(err.contains(cat), "{cat} missing:\n{err}");
    }
    // 200 ms at 5 ms gives dozens of samples; demand a few even on a loaded machine.
    let samples: u64 = err
        .split("samples: ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .and_then(|n| n.parse().ok())
        .expect("sample count");
    assert!(samples >= 3, "{err}");
}

#[test]
fn command_json_report() {
    let dir = std::env::temp_dir().join(format!("memuse-cli-{}.json", std::process::id()));
    let path = dir.to_string_lossy().into_owned();
    let out = memuse(&["--json", "-o", &path, "--", "sleep", "0.05"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dir).expect("report")).expect("JSON");
    let _ = std::fs::remove_file(&dir);
    assert_eq!(v["exit_status"], 0);
    assert!(v["peak_total"]["rss"].as_u64().unwrap_or(0) > 0, "{v}");
    assert!(v["peak_by_category"]["lib_text"]["rss"].as_u64().is_some());
    assert!(v["max_rss"].as_u64().unwrap_or(0) > 0);
}

#[test]
fn missing_command_exits_127() {
    let out = memuse(&["--", "/nonexistent/memuse-test-command"]);
    assert_eq!(out.status.code(), Some(127));
    assert!(text(&out.stderr).starts_with("memuse: /nonexistent/memuse-test-command: "));
}

#[test]
fn nonexistent_pid_is_one_line_and_nonzero() {
    let pid = missing_pid();
    let out = memuse(&[&pid]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("memuse: pid {pid}: no such process\n")
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn partial_results_are_still_shown() {
    let pid = missing_pid();
    let out = memuse(&[&me(), &pid]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("memuse: pid {pid}: no such process\n")
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&me()), "{stdout}");
    assert!(stdout.contains("total"), "{stdout}");
}

#[test]
fn permission_denied_is_one_line_and_nonzero() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: needs root to run memuse as another user");
        return;
    }
    use std::os::unix::process::CommandExt;
    let out = match Command::new(env!("CARGO_BIN_EXE_memuse"))
        .arg(me())
        .uid(65534)
        .gid(65534)
        .output()
    {
        Ok(out) => out,
        // The build directory may not be reachable by that user (a private checkout).
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            eprintln!("skipped: binary not executable as uid 65534: {e}");
            return;
        }
        Err(e) => panic!("run memuse as nobody: {e}"),
    };
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        format!("memuse: pid {}: permission denied\n", me())
    );
}

#[test]
fn category_view_of_self() {
    let out = memuse(&[&me()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(s.starts_with(&format!("pid {} (", me())), "{s}");
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[1].starts_with("CATEGORY"));
    // Header, 8 categories, rule, total: all number columns end at the same width.
    let width = lines[1].len();
    for l in &lines[1..12] {
        if !l.starts_with('-') {
            assert_eq!(l.len(), width, "misaligned: {l:?}");
        }
    }
    assert!(lines[10].starts_with("---") && lines[11].starts_with("total"));
}

#[test]
fn perm_and_maps_views() {
    let out = memuse(&["--by", "perm", &me()]);
    let s = text(&out.stdout);
    assert!(
        s.contains("PERM") && s.contains("p:r-x") && s.contains("total"),
        "{s}"
    );
    let out = memuse(&["--maps", "--bytes", &me()]);
    let s = text(&out.stdout);
    assert!(
        s.contains("[stack]") && s.contains("program_text") && s.contains(" mappings"),
        "{s}"
    );
}

#[test]
fn json_category_view_parses() {
    let out = memuse(&["--json", &me()]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["view"], "category");
    let rows = v["rows"].as_array().expect("rows");
    let keys: Vec<&str> = rows.iter().filter_map(|r| r["key"].as_str()).collect();
    assert_eq!(
        keys,
        [
            "program_text",
            "lib_text",
            "jit_code",
            "heap",
            "stack",
            "file_data",
            "anon_data",
            "other"
        ]
    );
    let sum: u64 = rows.iter().filter_map(|r| r["rss"].as_u64()).sum();
    assert_eq!(Some(sum), v["total"]["rss"].as_u64());
    assert!(sum > 0);
}

#[test]
fn all_groups_by_command() {
    let out = memuse(&["--all"]);
    let s = text(&out.stdout);
    assert!(s.starts_with("COMMAND"), "{s}");
    assert!(s.contains("total"));
    // The test binary itself is one of the processes (its name is truncated to 15
    // bytes in /proc/PID/status).
    let comm = std::fs::read_to_string("/proc/self/comm").expect("comm");
    assert!(s.contains(comm.trim()), "{s}");
    // Sorted by PSS (third column), largest first.
    let pss: Vec<String> = s
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('-'))
        .map(|l| l.split_whitespace().nth(2).unwrap_or("").to_string())
        .collect();
    assert!(!pss.is_empty());
    let out = memuse(&["--all", "--bytes", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let rows = v["rows"].as_array().expect("rows");
    let pss: Vec<u64> = rows.iter().filter_map(|r| r["pss"].as_u64()).collect();
    assert!(pss.windows(2).all(|w| w[0] >= w[1]), "{pss:?}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["abc"],
        &["--interval", "0", "--", "true"],
        &["--by", "x", "1"],
        &["--bogus"],
    ] {
        let out = memuse(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.starts_with("memuse: ") && err.lines().count() == 1,
            "{err}"
        );
    }
    assert_eq!(memuse(&["--help"]).status.code(), Some(0));
}

#[test]
fn children_are_counted_with_the_command() {
    let peak_mappings = |children: bool| -> u64 {
        let path = std::env::temp_dir().join(format!(
            "memuse-children-{}-{children}.json",
            std::process::id()
        ));
        let p = path.to_string_lossy().into_owned();
        let mut args = vec!["--json", "-o", &p];
        if children {
            args.push("--children");
        }
        // The shell waits for two sleeping children.
        args.extend(["--", "sh", "-c", "sleep 0.4 & sleep 0.4 & wait"]);
        let out = memuse(&args);
        assert_eq!(out.status.code(), Some(0));
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("report")).expect("JSON");
        let _ = std::fs::remove_file(&path);
        v["peak_total"]["mappings"].as_u64().unwrap_or(0)
    };
    let alone = peak_mappings(false);
    let with = peak_mappings(true);
    assert!(alone > 0);
    // Two more processes' mappings on top of the shell's.
    assert!(with > alone + 10, "with children {with}, alone {alone}");
}
