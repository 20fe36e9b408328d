//! `memuse --plot FILE -- COMMAND`: the SVG chart of a command's memory over time.

use std::path::PathBuf;
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

/// A fresh path under cargo's per-target scratch directory.
fn scratch(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("memuse-plot-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

const LEGEND: [&str; 8] = [
    "program text",
    "library text",
    "JIT code",
    "heap",
    "stack",
    "file data",
    "anon data",
    "other",
];

#[test]
fn plot_passes_exit_status_through_and_writes_svg() {
    let path = scratch("exit3.svg");
    let p = path.to_str().expect("utf-8 path");
    let out = memuse(&["--plot", p, "--", "sh", "-c", "exit 3"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    // The usual report is still there.
    assert!(text(&out.stderr).contains("exited with status 3"));
    let svg = std::fs::read_to_string(&path).expect("SVG written");
    assert!(svg.contains("<svg"), "{svg}");
    assert!(svg.contains("sh -c exit 3"), "title missing");
    for label in LEGEND {
        assert!(svg.contains(label), "legend entry {label:?} missing");
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn plot_of_allocating_command_has_data_points() {
    let path = scratch("alloc.svg");
    let p = path.to_str().expect("utf-8 path");
    let out = memuse(&[
        "--plot",
        p,
        "--interval",
        "10",
        "--",
        "sh",
        "-c",
        "x=$(head -c 20000000 /dev/zero | tr '\\0' a); sleep 0.3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = std::fs::read_to_string(&path).expect("SVG written");
    assert!(svg.contains("seconds") && svg.contains("RSS (MiB)"));
    // Each sample is one vertex of every band's polygon: count the vertices of the
    // largest polygon (the top band reaches down to zero, so it has two extra corners).
    let most_points = svg
        .split("<polygon")
        .skip(1)
        .filter_map(|p| {
            let pts = p.split("points=\"").nth(1)?.split('"').next()?;
            Some(pts.split_whitespace().count())
        })
        .max()
        .unwrap_or(0);
    assert!(
        most_points >= 5,
        "too few data points ({most_points}) in:\n{svg}"
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn plot_with_interval_option() {
    let path = scratch("interval.svg");
    let p = path.to_str().expect("utf-8 path");
    let out = memuse(&["--interval", "5", "--plot", p, "--", "sleep", "0.1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::read_to_string(&path)
        .expect("SVG written")
        .contains("<svg"));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn plot_without_command_is_a_usage_error() {
    let out = memuse(&["--plot", "x.svg", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--plot needs -- COMMAND"));
}

#[test]
fn unwritable_plot_is_reported_but_status_kept() {
    let out = memuse(&[
        "--plot",
        "/nonexistent-dir/x.svg",
        "--",
        "sh",
        "-c",
        "exit 4",
    ]);
    assert_eq!(out.status.code(), Some(4));
    assert!(text(&out.stderr).contains("writing /nonexistent-dir/x.svg"));
}

/// A ledger trace as `lethe --mem-trace` writes it, without the header (any command
/// may write one): `ast` rises and falls, `objects` grows.
const TRACE: &str = r#"{"t_ms":0.5,"ledger":{"runtime":2000,"ast":0,"bytecode":0,"objects":0,"native":0}}
{"t_ms":10.5,"ledger":{"runtime":3000,"ast":40000,"bytecode":0,"objects":100000,"native":0}}
{"t_ms":20.5,"ledger":{"runtime":3000,"ast":0,"bytecode":9000,"objects":900000,"native":0}}
{"t_ms":30.5,"ledger":{"runtime":3000,"ast":0,"bytecode":9000,"objects":2000000,"native":0},"final":true}
"#;

#[test]
fn plot_with_ledger_draws_a_second_panel() {
    let path = scratch("ledger.svg");
    let trace = scratch("ledger.jsonl");
    let (p, t) = (
        path.to_str().expect("utf-8"),
        trace.to_str().expect("utf-8"),
    );
    // The command writes the trace, as lethe --mem-trace=FILE does.
    let script = format!("printf '%s' '{TRACE}' > {t}; sleep 0.05");
    let out = memuse(&["--plot", p, "--ledger", t, "--", "sh", "-c", &script]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("--ledger"),
        "{}",
        text(&out.stderr)
    );
    let svg = std::fs::read_to_string(&path).expect("SVG written");
    assert!(svg.contains("lethe memory ledger"), "no ledger panel");
    for name in ["runtime", "ast", "bytecode", "objects"] {
        assert!(svg.contains(&format!("\n{name}\n")), "{name} missing");
    }
    // native is 0 throughout: no line, no legend entry.
    assert!(!svg.contains("\nnative\n"));
    assert_eq!(
        svg.matches("stroke-width=\"2\" points=").count(),
        4,
        "one line per category"
    );
    for label in LEGEND {
        assert!(svg.contains(label), "RSS legend entry {label:?} missing");
    }
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&trace);
}

#[test]
fn missing_or_stale_ledger_is_reported_and_the_plot_still_drawn() {
    let path = scratch("noledger.svg");
    let trace = scratch("noledger.jsonl");
    let (p, t) = (
        path.to_str().expect("utf-8"),
        trace.to_str().expect("utf-8"),
    );
    let out = memuse(&["--plot", p, "--ledger", t, "--", "sh", "-c", "exit 5"]);
    assert_eq!(out.status.code(), Some(5));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("--ledger {t}")), "{err}");
    assert!(err.contains("plot drawn without the ledger"), "{err}");
    let svg = std::fs::read_to_string(&path).expect("SVG written");
    assert!(!svg.contains("lethe memory ledger"));

    // A trace whose header says it started long before the command: left over.
    let old = format!(
        "{{\"trace\":\"lethe-ledger\",\"start_unix_ms\":1000.0,\"categories\":[\"ast\"]}}\n{}",
        TRACE
    );
    std::fs::write(&trace, old).expect("write trace");
    let out = memuse(&["--plot", p, "--ledger", t, "--", "true"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("written before this command started"));
    let svg = std::fs::read_to_string(&path).expect("SVG written");
    assert!(!svg.contains("lethe memory ledger"));
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&trace);
}

#[test]
fn ledger_without_plot_is_a_usage_error() {
    let out = memuse(&["--ledger", "t.jsonl", "--", "true"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--ledger needs --plot"));
}
