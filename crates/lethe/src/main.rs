//! `lethe`: run a Python program.
//!
//! A thin binary over `lethe-vm`: argument parsing, the counting allocator, running
//! the program on a thread with a large (lazily committed) stack, and the memory
//! report (`--mem-report`), which sets the ledger's figures beside the process view
//! from `memuse`, and the ledger over time (`--mem-trace=FILE`, see [`trace`]).

mod trace;

use lethe_ledger::{Category, Ledger};

mod repl;
use std::io::Write as _;
use std::process::ExitCode;

#[global_allocator]
static ALLOC: Ledger = Ledger;

const USAGE: &str = r#"usage: lethe [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c cmd            program passed in as string
  -m mod            run library module as a script (found on sys.path, the
                    current directory first; a package runs its __main__)
  --mem-report[=json]
                    print current and peak bytes per ledger category, and the
                    process view from memuse, on stderr at exit
  --mem-trace=FILE  write the ledger over time to FILE: JSON lines, a header
                    then {"t_ms":..,"ledger":{"ast":bytes,..}} every 10 ms and
                    once more at exit (current bytes per category); plot it with
                    memuse --plot OUT.svg --ledger FILE -- lethe --mem-trace=FILE ...
  --recursion-limit N
                    initial recursion limit (default 1000)
  --jit=off|on|always
                    the native tier: off, on (hot functions and loops; the
                    default) or always (compile on first call / first iteration)
  --jit-threshold N calls before a function is compiled (default 100); loops are
                    compiled after 10 times as many iterations
  --jit-stats       print the native tier's counters as JSON on stderr at exit
  --jit-compiler=proc|inproc
                    compile in a separate process that exits when idle (the
                    default) or inside this process
  --jit-idle=SECONDS
                    idle time after which the compiler process exits (300)
  --jit-background=on|off
                    with --jit=on and the compiler process, compile while the
                    program runs on interpreted (the default) or wait for the
                    code
  --code-cache=DIR|off
                    where compiled code is cached and mapped from (default
                    $XDG_CACHE_HOME/lethe or ~/.cache/lethe)
  --flush-age N     drop the bytecode (and native code) of functions not called
                    for N cycle collections back to their source (default 32;
                    0: never)
  --max-code BYTES  keep at most BYTES of native code mapped (least recently
                    used code is unmapped; it stays in the code cache)
  --shed-on-sigusr1 on SIGUSR1, give back everything that can be rebuilt (as
                    lethe.shed(): native code, cold bytecode, the compiler)
  lethe cache stats|clear|prune --max-bytes N [--code-cache=DIR]
                    inspect or trim the code cache
  -O, -OO           leave out assert statements (and docstrings); __debug__ is
                    False
  -u                unbuffered standard output (also PYTHONUNBUFFERED)
  -B -b -d -E -I -P -q -R -s -S -v, -W arg, -X arg
                    CPython's flags, accepted (nothing to change in lethe;
                    -E and -I ignore PYTHONUNBUFFERED)
  -h, --help        print this help message and exit
  -V, --version     print the version and exit
file                program read from script file
-                   program read from stdin (the default when stdin is not a
                    terminal; with a terminal, an interactive session starts)
arg ...             arguments passed to the program in sys.argv[1:]"#;

#[derive(Default)]
struct Cli {
    code: Option<String>,
    module: Option<String>,
    file: Option<String>,
    args: Vec<String>,
    mem_report: Option<String>,
    mem_trace: Option<String>,
    recursion_limit: Option<usize>,
    jit: Option<String>,
    jit_threshold: Option<u32>,
    jit_stats: bool,
    jit_inproc: bool,
    jit_idle: Option<u64>,
    jit_background: Option<bool>,
    code_cache: Option<String>,
    flush_age: Option<u64>,
    max_code: Option<usize>,
    shed_on_sigusr1: bool,
    /// `-O` given this many times (`-OO`: 2).
    optimize: u8,
    /// `-u`: standard output unbuffered.
    unbuffered: bool,
    /// `-E`/`-I`: PYTHON* environment variables are ignored.
    ignore_env: bool,
}

/// The value of a numeric option (`--NAME N` or `--NAME=N`).
fn number<T: std::str::FromStr>(p: &mut lexopt::Parser, name: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    use lexopt::ValueExt;
    let v = p.value().map_err(|e| e.to_string())?;
    let v = v.string().map_err(|e| e.to_string())?;
    v.parse().map_err(|e| format!("--{name}: {e}"))
}

fn parse() -> Result<Cli, String> {
    use lexopt::prelude::*;
    let mut cli = Cli::default();
    let mut p = lexopt::Parser::from_env();
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('c') => {
                let v = p.value().map_err(|e| e.to_string())?;
                cli.code = Some(v.string().map_err(|e| e.to_string())?);
                cli.args = p
                    .raw_args()
                    .map_err(|e| e.to_string())?
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect();
                break;
            }
            // CPython's flags: `-O`/`-OO` drop asserts (and docstrings); `-u` makes
            // stdout unbuffered; the others change nothing lethe has (bytecode
            // files, site packages, warnings filters, `-X` options) and are accepted
            // so that command lines written for CPython run.
            Short('O') => cli.optimize = cli.optimize.saturating_add(1).min(2),
            Short('u') => cli.unbuffered = true,
            Short('E') | Short('I') => cli.ignore_env = true,
            Short('B') | Short('b') | Short('d') | Short('q') | Short('R') | Short('s')
            | Short('S') | Short('v') | Short('P') => {}
            Short('W') | Short('X') => {
                p.value().map_err(|e| e.to_string())?;
            }
            Short('m') => {
                let v = p.value().map_err(|e| e.to_string())?;
                cli.module = Some(v.string().map_err(|e| e.to_string())?);
                cli.args = p
                    .raw_args()
                    .map_err(|e| e.to_string())?
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect();
                break;
            }
            Long("mem-report") => {
                cli.mem_report = Some(match p.optional_value() {
                    Some(v) => v.string().map_err(|e| e.to_string())?,
                    None => "text".into(),
                });
            }
            Long("mem-trace") => {
                let v = p.value().map_err(|e| e.to_string())?;
                cli.mem_trace = Some(v.string().map_err(|e| e.to_string())?);
            }
            Long("recursion-limit") => {
                cli.recursion_limit = Some(number::<usize>(&mut p, "recursion-limit")?)
            }
            Long("jit") => {
                let v = p.value().map_err(|e| e.to_string())?;
                let v = v.string().map_err(|e| e.to_string())?;
                if !matches!(v.as_str(), "off" | "on" | "always") {
                    return Err(format!("--jit: expected off, on or always, not '{v}'"));
                }
                cli.jit = Some(v);
            }
            Long("jit-threshold") => {
                cli.jit_threshold = Some(number::<u32>(&mut p, "jit-threshold")?)
            }
            Long("jit-stats") => cli.jit_stats = true,
            Long("jit-compiler") => {
                let v = p.value().map_err(|e| e.to_string())?;
                match v.string().map_err(|e| e.to_string())?.as_str() {
                    "proc" => cli.jit_inproc = false,
                    "inproc" => cli.jit_inproc = true,
                    other => {
                        return Err(format!(
                            "--jit-compiler: expected proc or inproc, not '{other}'"
                        ))
                    }
                }
            }
            Long("jit-idle") => cli.jit_idle = Some(number::<u64>(&mut p, "jit-idle")?),
            Long("jit-background") => {
                let v = p.value().map_err(|e| e.to_string())?;
                cli.jit_background = Some(match v.string().map_err(|e| e.to_string())?.as_str() {
                    "on" => true,
                    "off" => false,
                    other => {
                        return Err(format!(
                            "--jit-background: expected on or off, not '{other}'"
                        ))
                    }
                });
            }
            Long("max-code") => cli.max_code = Some(number::<usize>(&mut p, "max-code")?),
            Long("shed-on-sigusr1") => cli.shed_on_sigusr1 = true,
            Long("flush-age") => cli.flush_age = Some(number::<u64>(&mut p, "flush-age")?),
            Long("code-cache") => {
                let v = p.value().map_err(|e| e.to_string())?;
                cli.code_cache = Some(v.string().map_err(|e| e.to_string())?);
            }
            Short('h') | Long("help") => {
                // A closed stdout (`lethe --help | head -1`) is not an error here.
                let _ = writeln!(std::io::stdout(), "{USAGE}");
                std::process::exit(0);
            }
            Short('V') | Long("version") => {
                let _ = writeln!(
                    std::io::stdout(),
                    "lethe {} (Python 3.11 subset)",
                    env!("CARGO_PKG_VERSION")
                );
                std::process::exit(0);
            }
            Value(v) => {
                cli.file = Some(v.string().map_err(|e| e.to_string())?);
                cli.args = p
                    .raw_args()
                    .map_err(|e| e.to_string())?
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect();
                break;
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(cli)
}

/// Functions per state (source, bytecode, native) when the program finished, before
/// teardown frees everything.
static FUNCTIONS_AT_EXIT: std::sync::OnceLock<(isize, isize, isize)> = std::sync::OnceLock::new();

fn mem_report(kind: &str) {
    let snap = memuse::snapshot_self().ok();
    if kind == "json" {
        let mut ledger = serde_json::Map::new();
        for &c in Category::ALL {
            let f = lethe_ledger::figures(c);
            ledger.insert(
                c.name().into(),
                serde_json::json!({"current": f.current, "peak": f.peak}),
            );
        }
        let process = match &snap {
            Some(s) => serde_json::to_value(s.by_category()).unwrap_or(serde_json::Value::Null),
            None => serde_json::Value::Null,
        };
        let total = snap.as_ref().map(|s| s.total());
        let (src, bc, nat) = FUNCTIONS_AT_EXIT.get().copied().unwrap_or_default();
        let out = serde_json::json!({
            "ledger": ledger,
            "functions": {"source": src, "bytecode": bc, "native": nat},
            "process": process,
            "rss": total.map(|t| t.rss),
            "uss": total.map(|t| t.uss),
        });
        eprintln!("{out}");
        return;
    }
    eprintln!("lethe memory ledger (bytes)");
    eprintln!("{:<10} {:>12} {:>12}", "category", "current", "peak");
    for &c in Category::ALL {
        let f = lethe_ledger::figures(c);
        eprintln!("{:<10} {:>12} {:>12}", c.name(), f.current, f.peak);
    }
    eprintln!("{:<10} {:>12}", "total", lethe_ledger::total());
    if let Some(s) = snap {
        eprintln!();
        eprintln!("process (memuse)");
        eprint!(
            "{}",
            memuse::report::category_table(&s.by_category(), memuse::report::Units::Human)
        );
    }
}

fn run(cli: Cli) -> i32 {
    // This thread runs the program: its small blocks come from the ledger's lists.
    lethe_ledger::own_cache();
    lethe_compiler::set_optimize(cli.optimize);
    let _g = lethe_ledger::scope(Category::Objects);
    let mut opts = lethe_vm::Options::default();
    if let Some(n) = cli.recursion_limit {
        opts.recursion_limit = n;
    }
    match cli.jit.as_deref() {
        Some("off") => opts.jit = lethe_vm::jit::JitMode::Off,
        Some("always") => {
            opts.jit = lethe_vm::jit::JitMode::Always;
            opts.jit_threshold = 1;
            opts.jit_loop_threshold = 1;
        }
        _ => {}
    }
    if let Some(n) = cli.jit_threshold {
        opts.jit_threshold = n.max(1);
        opts.jit_loop_threshold = n.saturating_mul(10).max(1);
    }
    let jit_stats = cli.jit_stats;
    opts.jit_stats = jit_stats;
    opts.jit_inproc = cli.jit_inproc;
    if let Some(n) = cli.jit_idle {
        opts.jit_idle_secs = n;
    }
    if let Some(b) = cli.jit_background {
        opts.jit_background = b;
    }
    if let Some(n) = cli.flush_age {
        opts.flush_age = n;
    }
    opts.max_code = cli.max_code;
    if cli.shed_on_sigusr1 {
        lethe_vm::jit::shed_on_sigusr1();
    }
    match cli.code_cache.as_deref() {
        Some("off") => opts.code_cache = lethe_vm::CodeCacheOpt::Off,
        Some(d) => opts.code_cache = lethe_vm::CodeCacheOpt::Dir(d.into()),
        None => {}
    }
    let mut vm = lethe_vm::Vm::new(opts);
    let env_unbuffered =
        !cli.ignore_env && std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    vm.stdout.set_unbuffered(cli.unbuffered || env_unbuffered);
    let status = if let Some(code) = cli.code {
        vm.argv = std::iter::once("-c".to_string()).chain(cli.args).collect();
        vm.path = vec![String::new()];
        lethe_vm::modules::run_main(&mut vm, "<string>", code)
    } else if let Some(module) = cli.module {
        let cwd = std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default();
        vm.argv = std::iter::once("-m".to_string()).chain(cli.args).collect();
        vm.path = vec![cwd];
        let exe = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "lethe".into());
        lethe_vm::modules::run_module(&mut vm, &module, &exe)
    } else if let Some(file) = cli.file.clone().filter(|f| f != "-") {
        let text = match std::fs::read(&file) {
            Ok(b) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(_) => {
                    eprintln!("  File \"{file}\", line 1\nSyntaxError: (unicode error) 'utf-8' codec can't decode source");
                    return 1;
                }
            },
            Err(e) => {
                // As CPython: the absolute path and the C library's strerror text.
                let shown = std::path::absolute(&file)
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| file.clone());
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text);
                eprintln!(
                    "lethe: can't open file '{shown}': [Errno {}] {text}",
                    e.raw_os_error().unwrap_or(0),
                );
                return 2;
            }
        };
        // sys.path[0]: the script's directory, absolute (as CPython sets it).
        let dir = std::path::Path::new(&file)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let dir = std::fs::canonicalize(dir)
            .or_else(|_| std::path::absolute(dir))
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| ".".into());
        vm.argv = std::iter::once(file.clone()).chain(cli.args).collect();
        vm.path = vec![dir];
        lethe_vm::modules::run_main(&mut vm, &file, text)
    } else {
        // `lethe -` or no program: stdin. A terminal gets the interactive
        // interpreter; anything else is read whole and run as a program.
        let name = if cli.file.is_some() { "-" } else { "" };
        vm.argv = std::iter::once(name.to_string()).chain(cli.args).collect();
        vm.path = vec![String::new()];
        use std::io::{IsTerminal, Read};
        if cli.file.is_none() && std::io::stdin().is_terminal() {
            repl::run(&mut vm)
        } else {
            let mut text = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut text) {
                eprintln!("lethe: can't read stdin: {e}");
                return 2;
            }
            match String::from_utf8(text) {
                Ok(t) => lethe_vm::modules::run_main(&mut vm, "<stdin>", t),
                Err(_) => {
                    eprintln!("  File \"<stdin>\", line 1\nSyntaxError: (unicode error) 'utf-8' codec can't decode source");
                    1
                }
            }
        }
    };
    let _ = FUNCTIONS_AT_EXIT.set(lethe_vm::jit::function_states());
    vm.abandon_compiles();
    lethe_vm::modules::teardown_main(&mut vm);
    let status = vm.flush_at_exit(status);
    if jit_stats {
        eprintln!("{}", vm.stats.jit.to_json());
    }
    status
}

/// `lethe --jit-compile-server --jit-idle=N`: the compiler process.
fn compile_server(args: &[String]) -> ExitCode {
    let idle = args
        .iter()
        .find_map(|a| a.strip_prefix("--jit-idle="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(lethe_jit::remote::DEFAULT_IDLE_SECS);
    let st = lethe_jit::remote::serve(std::time::Duration::from_secs(idle));
    ExitCode::from(st as u8)
}

/// `lethe cache stats|clear|prune --max-bytes N [--code-cache=DIR]`.
fn cache_command(args: &[String]) -> ExitCode {
    let mut dir = lethe_jit::cache::default_dir();
    let mut max: Option<u64> = None;
    let mut verb = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(d) = a.strip_prefix("--code-cache=") {
            dir = Some(d.into());
        } else if a == "--max-bytes" {
            max = it.next().and_then(|v| v.parse().ok());
            if max.is_none() {
                eprintln!("lethe cache: --max-bytes needs a number of bytes");
                return ExitCode::from(2);
            }
        } else if let Some(v) = a.strip_prefix("--max-bytes=") {
            max = v.parse().ok();
        } else if verb.is_none() {
            verb = Some(a.as_str());
        } else {
            eprintln!("lethe cache: unexpected argument '{a}'");
            return ExitCode::from(2);
        }
    }
    let Some(dir) = dir else {
        eprintln!("lethe cache: no cache directory (set XDG_CACHE_HOME or HOME)");
        return ExitCode::from(1);
    };
    let cache = match lethe_jit::cache::CodeCache::open(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("lethe cache: {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    };
    let r = match verb {
        Some("stats") => cache.stats().map(|(n, b)| {
            println!("{}: {n} files, {b} bytes", dir.display());
        }),
        Some("clear") => cache.clear().map(|n| println!("removed {n} files")),
        Some("prune") => match max {
            Some(m) => cache
                .prune(m)
                .map(|(n, left)| println!("removed {n} files, {left} bytes left")),
            None => {
                eprintln!("lethe cache prune: --max-bytes N is required");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: lethe cache stats|clear|prune --max-bytes N [--code-cache=DIR]");
            return ExitCode::from(2);
        }
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lethe cache: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    // The interpreter thread's malloc arena gives memory back once 1 MiB is free at
    // its top, not 128 KiB: with the smaller figure, programs whose big integers or
    // strings grow and shrink (pidigits) spent a third of their time returning pages
    // and faulting them in again (tens of thousands of madvise calls); peak RSS does
    // not change.
    // SAFETY: a plain setting of the allocator, made before any thread starts.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 20);
    }
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some(lethe_jit::remote::SERVER_FLAG) {
        return compile_server(&argv[1..]);
    }
    if argv.first().map(String::as_str) == Some("cache") && argv.len() > 1 {
        return cache_command(&argv[1..]);
    }
    let cli = match parse() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("lethe: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let report = cli.mem_report.clone();
    let tracer = match &cli.mem_trace {
        Some(path) => match trace::start(path) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("lethe: --mem-trace: cannot write {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    // Python calls use the heap frame stack; native re-entry (callbacks from built-ins)
    // uses this thread's stack, reserved large and committed only as touched.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run(cli));
    let status = match handle {
        Ok(h) => h.join().unwrap_or(70),
        Err(e) => {
            eprintln!("lethe: cannot start interpreter thread: {e}");
            70
        }
    };
    if let Some(t) = tracer {
        if let Err(e) = t.finish() {
            eprintln!("lethe: --mem-trace: {e}");
        }
    }
    if let Some(kind) = report {
        mem_report(&kind);
    }
    let status = lethe_vm::modules::exit_status(status);
    // The OS keeps the low 8 bits (sys.exit(-1) is 255, sys.exit(256) is 0).
    ExitCode::from((status & 0xff) as u8)
}
