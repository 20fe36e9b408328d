//! The `memuse` command: tables (or JSON) of where one process's, several processes' or
//! the whole system's memory goes, and `memuse -- COMMAND` to report a command's peak
//! (and, with `--plot FILE`, to chart its memory over time; with `--ledger TRACE` as
//! well, lethe's memory ledger over time below it).

mod ledger;
mod plot;

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use memuse::report::{self, Table, Units};
use memuse::{CategoryTotals, Error, Perm, Snapshot, Usage};
use serde::Serialize;

/// Default sampling period of `memuse -- COMMAND`: short enough to catch brief peaks,
/// long enough that reading `smaps` (well under a millisecond for a small process)
/// barely perturbs the command.
const DEFAULT_INTERVAL_MS: u64 = 20;

/// Exit status for usage errors.
const EXIT_USAGE: u8 = 2;
/// Exit status when some processes could not be read (the others are still shown).
const EXIT_PARTIAL: u8 = 1;

const USAGE: &str = "\
usage: memuse [OPTIONS] PID...
       memuse [OPTIONS] --all
       memuse [OPTIONS] -- COMMAND [ARGS...]

Where does a process's memory go? Reads /proc/PID/smaps and classifies every mapping:
program_text, lib_text, jit_code, heap, stack, file_data, anon_data, other.

Views:
  PID                one process: totals per category
  PID PID...         several processes: one row per process, sorted by PSS
  --all              every process, grouped by command, sorted by PSS
  --maps             one line per mapping (address, perm tag, category, sizes, name)
  --by KEY           group by category, perm, process or command instead
  -- COMMAND ARGS    run COMMAND, sample it, report its peak per category on exit
                     (to stderr); exit with the command's status (128+N for signal N)

Options:
  --json             JSON instead of tables
  --bytes            exact byte counts instead of 4.00K, 1.5M, ...
  --interval MS      sampling period for -- COMMAND (default 20)
  -o, --output FILE  write the -- COMMAND report to FILE instead of stderr
  --plot FILE.svg    with -- COMMAND: also chart the command's RSS per category over
                     time (stacked areas, MiB against seconds) as SVG
  --children         with -- COMMAND: count the command's descendants too (their
                     memory is added to the command's, sample by sample)
  --ledger TRACE     with --plot: when the command has exited, read TRACE, a ledger
                     trace (JSON lines, as `lethe --mem-trace=TRACE` writes it), and
                     draw it in a second panel: bytes per ledger category over time
                     (log scale). The command must write TRACE itself, e.g.
                     memuse --plot p.svg --ledger t.jsonl -- lethe --mem-trace=t.jsonl x.py
  -h, --help         this text
  -V, --version      version

Columns: RSS resident; PSS proportional (shared pages divided among sharers); USS
private; EVICT clean file pages the kernel can drop; PINNED the rest of RSS (anonymous,
shared memory, dirty: only swap can take it).
";

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum By {
    Category,
    Perm,
    Process,
    Command,
}

struct Args {
    pids: Vec<i32>,
    all: bool,
    maps: bool,
    by: Option<By>,
    json: bool,
    units: Units,
    interval: Duration,
    output: Option<PathBuf>,
    plot: Option<PathBuf>,
    ledger: Option<PathBuf>,
    children: bool,
    command: Vec<OsString>,
}

enum Parsed {
    Run(Args),
    Exit(ExitCode),
}

fn parse_args(raw: Vec<OsString>) -> Result<Parsed> {
    use lexopt::prelude::*;
    // Everything after the first `--` is the command; lexopt would swallow the `--`
    // itself and leave no way to tell `memuse -- 123` from `memuse 123`.
    let (opts, command) = match raw.iter().position(|a| a == "--") {
        Some(i) => (raw[..i].to_vec(), raw[i + 1..].to_vec()),
        None => (raw, Vec::new()),
    };
    let mut a = Args {
        pids: Vec::new(),
        all: false,
        maps: false,
        by: None,
        json: false,
        units: Units::Human,
        interval: Duration::from_millis(DEFAULT_INTERVAL_MS),
        output: None,
        plot: None,
        ledger: None,
        children: false,
        command,
    };
    let mut p = lexopt::Parser::from_args(opts);
    while let Some(arg) = p.next()? {
        match arg {
            Long("all") => a.all = true,
            Long("maps") => a.maps = true,
            Long("json") => a.json = true,
            Long("bytes") => a.units = Units::Bytes,
            Long("by") => {
                let v = p.value()?;
                a.by = Some(match v.to_str() {
                    Some("category") => By::Category,
                    Some("perm") => By::Perm,
                    Some("process") => By::Process,
                    Some("command") => By::Command,
                    _ => bail!(
                        "--by {}: expected category, perm, process or command",
                        v.to_string_lossy()
                    ),
                });
            }
            Long("interval") => {
                let ms: u64 = p.value()?.parse().context("--interval")?;
                if ms == 0 {
                    bail!("--interval must be at least 1 ms");
                }
                a.interval = Duration::from_millis(ms);
            }
            Short('o') | Long("output") => a.output = Some(p.value()?.into()),
            Long("plot") => a.plot = Some(p.value()?.into()),
            Long("ledger") => a.ledger = Some(p.value()?.into()),
            Long("children") => a.children = true,
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(Parsed::Exit(ExitCode::SUCCESS));
            }
            Short('V') | Long("version") => {
                println!("memuse {}", env!("CARGO_PKG_VERSION"));
                return Ok(Parsed::Exit(ExitCode::SUCCESS));
            }
            Value(v) => {
                let s = v.to_string_lossy();
                match s.parse::<i32>() {
                    Ok(pid) if pid > 0 => a.pids.push(pid),
                    _ => bail!("{s:?} is not a pid (to run a command: memuse -- {s} ...)"),
                }
            }
            other => return Err(other.unexpected().into()),
        }
    }
    let targets = usize::from(!a.pids.is_empty()) + usize::from(a.all);
    if !a.command.is_empty() {
        if targets > 0 || a.maps || a.by.is_some() {
            bail!("-- COMMAND cannot be combined with PIDs, --all, --maps or --by");
        }
    } else if a.plot.is_some() {
        bail!("--plot needs -- COMMAND");
    } else if targets != 1 {
        bail!("give PIDs, --all, or -- COMMAND (see memuse --help)");
    }
    if a.ledger.is_some() && a.plot.is_none() {
        bail!("--ledger needs --plot FILE.svg (and -- COMMAND)");
    }
    Ok(Parsed::Run(a))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1).collect()) {
        Ok(Parsed::Run(a)) => a,
        Ok(Parsed::Exit(code)) => return code,
        Err(e) => {
            eprintln!("memuse: {e:#}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let result = if args.command.is_empty() {
        run_inspect(&args)
    } else {
        run_command(&args)
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("memuse: {e:#}");
            ExitCode::from(EXIT_PARTIAL)
        }
    }
}

/// Every pid in /proc.
fn all_pids() -> Result<Vec<i32>> {
    let mut pids: Vec<i32> = std::fs::read_dir("/proc")
        .context("reading /proc")?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    pids.sort_unstable();
    Ok(pids)
}

/// One process's figures, reduced as soon as it is read: a system-wide view keeps these
/// few hundred bytes per process, not every mapping.
struct Proc {
    snap: Snapshot,
    total: Usage,
    cats: CategoryTotals,
    perms: BTreeMap<Perm, Usage>,
}

impl Proc {
    fn new(mut snap: Snapshot, keep_mappings: bool) -> Proc {
        let (total, cats, perms) = (snap.total(), snap.by_category(), snap.by_perm());
        if !keep_mappings {
            snap.mappings = Vec::new();
        }
        Proc {
            snap,
            total,
            cats,
            perms,
        }
    }
}

#[derive(Serialize)]
struct JsonError {
    pid: i32,
    error: String,
}

#[derive(Serialize)]
struct JsonProcess<'a> {
    pid: i32,
    command: &'a str,
    exe: Option<&'a std::path::Path>,
    vm_rss: Option<u64>,
    vm_hwm: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mappings: Option<&'a [memuse::Mapping]>,
}

#[derive(Serialize)]
struct JsonRow {
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pid: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processes: Option<u64>,
    #[serde(flatten)]
    usage: Usage,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    view: &'static str,
    processes: Vec<JsonProcess<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<Vec<JsonRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<Usage>,
    errors: Vec<JsonError>,
}

fn run_inspect(a: &Args) -> Result<ExitCode> {
    let started = Instant::now();
    let pids = if a.all { all_pids()? } else { a.pids.clone() };
    let mut snaps = Vec::new();
    let mut errors = Vec::new();
    let mut denied = 0usize;
    for &pid in &pids {
        match memuse::snapshot(pid) {
            // Kernel threads have no user memory: nothing to show in a system view.
            Ok(s) if a.all && s.mappings.is_empty() => {}
            Ok(s) => snaps.push(Proc::new(s, a.maps)),
            // Processes come and go while --all walks /proc; that is not an error.
            Err(Error::NoSuchProcess { .. } | Error::Exited { .. }) if a.all => {}
            Err(Error::PermissionDenied { .. }) if a.all => denied += 1,
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        eprintln!("memuse: {e}");
    }
    if denied > 0 {
        // SAFETY: geteuid has no preconditions.
        let hint = if unsafe { libc::geteuid() } != 0 {
            "; run as root to see them"
        } else {
            ""
        };
        eprintln!(
            "memuse: {} could not be read (permission denied{hint})",
            processes(denied)
        );
    }
    let failed = !errors.is_empty() || denied > 0;

    let by = a.by.unwrap_or(if a.all {
        By::Command
    } else if a.pids.len() > 1 {
        By::Process
    } else {
        By::Category
    });
    let mut out = String::new();
    if a.json {
        let report = json_report(a, by, &snaps, &errors);
        out = serde_json::to_string_pretty(&report).context("encoding JSON")?;
        out.push('\n');
    } else if !snaps.is_empty() {
        render_text(a, by, &snaps, &mut out);
        if a.all {
            out.push_str(&format!(
                "{} read in {:.0} ms\n",
                processes(snaps.len()),
                started.elapsed().as_secs_f64() * 1000.0
            ));
        }
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`memuse --all | head`) is not worth a message.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    Ok(if failed {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

/// "1 process", "3 processes".
fn processes(n: usize) -> String {
    if n == 1 {
        "1 process".into()
    } else {
        format!("{n} processes")
    }
}

fn process_line(s: &Snapshot) -> String {
    let exe = s
        .exe
        .as_ref()
        .map(|e| format!(" {}", e.display()))
        .unwrap_or_default();
    format!("pid {} ({}){exe}\n", s.pid, s.command)
}

fn status_line(s: &Snapshot, units: Units) -> String {
    let mut parts = Vec::new();
    if let Some(v) = s.vm_rss {
        parts.push(format!("VmRSS {}", report::size(v, units)));
    }
    if let Some(v) = s.vm_hwm {
        parts.push(format!("VmHWM (peak RSS) {}", report::size(v, units)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("status: {}\n", parts.join(", "))
    }
}

/// Sums per category over all snapshots.
fn sum_categories(snaps: &[Proc]) -> CategoryTotals {
    let mut t = CategoryTotals::default();
    for s in snaps {
        t.add(&s.cats);
    }
    t
}

fn sum_perms(snaps: &[Proc]) -> BTreeMap<Perm, Usage> {
    let mut t: BTreeMap<Perm, Usage> = BTreeMap::new();
    for s in snaps {
        for (p, u) in &s.perms {
            *t.entry(*p).or_default() += u;
        }
    }
    t
}

/// Per-command groups: (command, process count, usage), sorted by PSS, largest first.
fn by_command(snaps: &[Proc]) -> Vec<(String, u64, Usage)> {
    let mut groups: HashMap<&str, (u64, Usage)> = HashMap::new();
    for s in snaps {
        let g = groups.entry(s.snap.command.as_str()).or_default();
        g.0 += 1;
        g.1 += &s.total;
    }
    let mut v: Vec<_> = groups
        .into_iter()
        .map(|(c, (n, u))| (c.to_string(), n, u))
        .collect();
    v.sort_by(|x, y| y.2.pss.cmp(&x.2.pss).then_with(|| x.0.cmp(&y.0)));
    v
}

/// Per-process rows sorted by PSS, largest first.
fn by_process(snaps: &[Proc]) -> Vec<(&Snapshot, Usage)> {
    let mut v: Vec<_> = snaps.iter().map(|s| (&s.snap, s.total)).collect();
    v.sort_by(|x, y| y.1.pss.cmp(&x.1.pss).then_with(|| x.0.pid.cmp(&y.0.pid)));
    v
}

fn render_text(a: &Args, by: By, snaps: &[Proc], out: &mut String) {
    let units = a.units;
    let heading = |out: &mut String| {
        if let [s] = snaps {
            out.push_str(&process_line(&s.snap));
        } else {
            out.push_str(&format!("{}\n", processes(snaps.len())));
        }
    };
    if a.maps {
        for (i, s) in snaps.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&process_line(&s.snap));
            out.push_str(&report::maps_table(&s.snap.mappings, units));
        }
        return;
    }
    match by {
        By::Category => {
            heading(out);
            out.push_str(&report::category_table(&sum_categories(snaps), units));
            if let [s] = snaps {
                out.push_str(&status_line(&s.snap, units));
            }
        }
        By::Perm => {
            heading(out);
            out.push_str(&report::perm_table(&sum_perms(snaps), units));
        }
        By::Process => {
            let mut t = Table::new(&["PID", "COMMAND"], report::PROCESS);
            let mut total = Usage::default();
            for (s, u) in by_process(snaps) {
                t.row(
                    vec![s.pid.to_string(), s.command.clone()],
                    report::PROCESS,
                    &u,
                    units,
                );
                total += &u;
            }
            t.total_row(
                vec!["total".into(), processes(snaps.len())],
                report::PROCESS,
                &total,
                units,
            );
            out.push_str(&t.render());
        }
        By::Command => {
            let mut t = Table::new(&["COMMAND", "PROCS"], report::PROCESS);
            let mut total = Usage::default();
            for (c, n, u) in by_command(snaps) {
                t.row(vec![c, n.to_string()], report::PROCESS, &u, units);
                total += &u;
            }
            t.total_row(
                vec!["total".into(), snaps.len().to_string()],
                report::PROCESS,
                &total,
                units,
            );
            out.push_str(&t.render());
        }
    }
}

fn json_report<'a>(a: &Args, by: By, snaps: &'a [Proc], errors: &[Error]) -> JsonReport<'a> {
    let processes = snaps
        .iter()
        .map(|p| &p.snap)
        .map(|s| JsonProcess {
            pid: s.pid,
            command: &s.command,
            exe: s.exe.as_deref(),
            vm_rss: s.vm_rss,
            vm_hwm: s.vm_hwm,
            mappings: a.maps.then_some(s.mappings.as_slice()),
        })
        .collect();
    let errors = errors
        .iter()
        .map(|e| JsonError {
            pid: e.pid(),
            error: e.to_string(),
        })
        .collect();
    let row = |key: String, usage: Usage| JsonRow {
        key,
        pid: None,
        processes: None,
        usage,
    };
    let (view, rows): (&'static str, Option<Vec<JsonRow>>) = if a.maps {
        ("maps", None)
    } else {
        match by {
            By::Category => (
                "category",
                Some(
                    sum_categories(snaps)
                        .iter()
                        .map(|(c, u)| row(c.name().to_string(), *u))
                        .collect(),
                ),
            ),
            By::Perm => (
                "perm",
                Some(
                    sum_perms(snaps)
                        .into_iter()
                        .map(|(p, u)| row(p.to_string(), u))
                        .collect(),
                ),
            ),
            By::Process => (
                "process",
                Some(
                    by_process(snaps)
                        .into_iter()
                        .map(|(s, u)| JsonRow {
                            pid: Some(s.pid),
                            ..row(s.command.clone(), u)
                        })
                        .collect(),
                ),
            ),
            By::Command => (
                "command",
                Some(
                    by_command(snaps)
                        .into_iter()
                        .map(|(c, n, u)| JsonRow {
                            processes: Some(n),
                            ..row(c, u)
                        })
                        .collect(),
                ),
            ),
        }
    };
    let total = rows.as_ref().map(|_| {
        let mut t = Usage::default();
        for s in snaps {
            t += &s.total;
        }
        t
    });
    JsonReport {
        view,
        processes,
        rows,
        total,
        errors,
    }
}

/// How a waited-for child ended, as a shell would report it.
fn exit_of(status: libc::c_int) -> (u8, String) {
    if libc::WIFEXITED(status) {
        let code = libc::WEXITSTATUS(status);
        (code as u8, format!("exited with status {code}"))
    } else if libc::WIFSIGNALED(status) {
        let sig = libc::WTERMSIG(status);
        let code = 128 + sig;
        (code as u8, format!("killed by signal {sig} (exit {code})"))
    } else {
        (EXIT_PARTIAL, format!("ended with wait status {status:#x}"))
    }
}

#[derive(Serialize)]
struct JsonRun {
    command: Vec<String>,
    exit_status: u8,
    samples: u64,
    interval_ms: u128,
    elapsed_ms: u128,
    peak_by_category: CategoryTotals,
    peak_total: Usage,
    /// Peak RSS the kernel recorded for the command (`ru_maxrss`), in bytes.
    max_rss: u64,
}

/// Every process whose chain of parents leads to `pid` (from /proc/*/stat).
fn descendants(pid: i32) -> Vec<i32> {
    let Ok(rd) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut parent: Vec<(i32, i32)> = Vec::new();
    for e in rd.flatten() {
        let Some(p) = e.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else {
            continue;
        };
        let Ok(st) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid …; comm may contain spaces and parentheses.
        let ppid = st
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|x| x.parse::<i32>().ok());
        if let Some(pp) = ppid {
            parent.push((p, pp));
        }
    }
    let mut out = Vec::new();
    let mut frontier = vec![pid];
    while let Some(x) = frontier.pop() {
        for &(c, pp) in &parent {
            if pp == x && !out.contains(&c) {
                out.push(c);
                frontier.push(c);
            }
        }
    }
    out
}

fn run_command(a: &Args) -> Result<ExitCode> {
    let shown: Vec<String> = a
        .command
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let started = Instant::now();
    let started_unix_ms = unix_ms(SystemTime::now());
    let child = match Command::new(&a.command[0]).args(&a.command[1..]).spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("memuse: {}: {e}", shown[0]);
            // As a shell does: 127 for a command that is not there, 126 for one that
            // cannot be run.
            let code = if e.kind() == std::io::ErrorKind::NotFound {
                127
            } else {
                126
            };
            return Ok(ExitCode::from(code));
        }
    };
    let Ok(pid) = i32::try_from(child.id()) else {
        bail!("child pid {} out of range", child.id());
    };
    // Like time(1): a ^C at the terminal reaches the command (same process group); we
    // stay alive to reap it and report.
    // SAFETY: installing SIG_IGN has no handler code to be unsound; the previous
    // dispositions are restored below.
    let (old_int, old_quit) = unsafe {
        (
            libc::signal(libc::SIGINT, libc::SIG_IGN),
            libc::signal(libc::SIGQUIT, libc::SIG_IGN),
        )
    };

    let mut peak = CategoryTotals::default();
    let mut peak_total = Usage::default();
    let mut samples = 0u64;
    // RSS per category over time, kept only for --plot.
    let mut timeline: Vec<plot::Sample> = Vec::new();
    let (status, rusage) = loop {
        if let Ok(s) = memuse::snapshot(pid) {
            let mut t = s.by_category();
            if a.children {
                for d in descendants(pid) {
                    if let Ok(ds) = memuse::snapshot(d) {
                        t.add(&ds.by_category());
                    }
                }
            }
            if a.plot.is_some() {
                timeline.push(plot::Sample::new(started.elapsed().as_secs_f64(), &t));
            }
            peak.max_with(&t);
            peak_total.max_with(&t.total());
            samples += 1;
        }
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is a plain C struct for which all-zero bytes are a valid value.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: both pointers are to live locals of the right types.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut ru) };
        if r == pid {
            break (status, ru);
        }
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                bail!("waiting for {}: {e}", shown[0]);
            }
        }
        std::thread::sleep(a.interval);
    };
    let elapsed = started.elapsed();
    // SAFETY: restoring the dispositions returned by signal() above.
    unsafe {
        libc::signal(libc::SIGINT, old_int);
        libc::signal(libc::SIGQUIT, old_quit);
    }
    drop(child);

    let (code, how) = exit_of(status);
    // ru_maxrss is in kilobytes on Linux.
    let max_rss = u64::try_from(rusage.ru_maxrss)
        .unwrap_or(0)
        .saturating_mul(1024);
    let text = if a.json {
        let run = JsonRun {
            command: shown.clone(),
            exit_status: code,
            samples,
            interval_ms: a.interval.as_millis(),
            elapsed_ms: elapsed.as_millis(),
            peak_by_category: peak.clone(),
            peak_total,
            max_rss,
        };
        let mut s = serde_json::to_string_pretty(&run).context("encoding JSON")?;
        s.push('\n');
        s
    } else {
        let mut s = format!(
            "memuse: {}: {how} after {:.2}s; samples: {samples}, every {} ms\n",
            shown.join(" "),
            elapsed.as_secs_f64(),
            a.interval.as_millis()
        );
        if samples > 0 {
            s.push_str("peak per category (each cell its own peak; total row: peak of the sum):\n");
            s.push_str(&report::category_table_with_total(
                &peak,
                &peak_total,
                a.units,
            ));
        } else {
            s.push_str("no samples: the command ended before the first sample\n");
        }
        s.push_str(&format!(
            "kernel peak RSS (ru_maxrss, includes waited-for children): {}\n",
            report::size(max_rss, a.units)
        ));
        s
    };
    let written = match &a.output {
        Some(path) => std::fs::write(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display())),
        None => {
            let _ = std::io::stderr().write_all(text.as_bytes());
            Ok(())
        }
    };
    if let Err(e) = written {
        eprintln!("memuse: {e:#}");
    }
    if let Some(path) = &a.plot {
        // The command's own status still wins: a plot that cannot be written is
        // reported, not turned into a different exit status.
        let trace = a
            .ledger
            .as_deref()
            .and_then(|p| read_ledger(p, started_unix_ms));
        if let Err(e) = plot::write(
            path,
            &shown.join(" "),
            &timeline,
            elapsed.as_secs_f64(),
            trace.as_ref(),
        ) {
            eprintln!("memuse: {e:#}");
        }
    }
    Ok(ExitCode::from(code))
}

fn unix_ms(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Slack allowed between the command's start and the trace's own start time before a
/// trace counts as left over from an earlier run.
const STALE_SLACK_MS: f64 = 1000.0;

/// The `--ledger` trace of a command started at `started_unix_ms`, lined up with the
/// command's clock; `None`, with a message, when it is missing, unreadable, empty or
/// older than the command (the plot is then drawn without the ledger panel).
fn read_ledger(path: &std::path::Path, started_unix_ms: f64) -> Option<ledger::LedgerTrace> {
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("memuse: --ledger {shown}: {e} (did the command write it? lethe: --mem-trace={shown}); plot drawn without the ledger");
            return None;
        }
    };
    let mut trace = match ledger::parse(&text) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("memuse: --ledger {shown}: {e:#}; plot drawn without the ledger");
            return None;
        }
    };
    if trace.samples.is_empty() {
        eprintln!("memuse: --ledger {shown}: no samples; plot drawn without the ledger");
        return None;
    }
    if let Some(start) = trace.start_unix_ms {
        if start < started_unix_ms - STALE_SLACK_MS {
            eprintln!("memuse: --ledger {shown}: written before this command started (left over from an earlier run?); plot drawn without the ledger");
            return None;
        }
        // The traced process starts a little after the spawn (exec, dynamic linking).
        trace.shift((start - started_unix_ms) / 1000.0);
    }
    Some(trace)
}
