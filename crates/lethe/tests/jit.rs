//! The native tier, end to end: every deoptimisation path gives CPython's output, the
//! counters in `--jit-stats` move as they should, compiled code has no relocations
//! and no addresses (identical bytes in two processes), and no mapping of a running
//! process is ever writable and executable.
//!
//! Expected outputs were produced by CPython 3.11 (the programs are printed in the
//! test source so they can be re-run there).

use std::path::PathBuf;
use std::process::{Command, Stdio};

/// lethe with compiles waited for (`--jit-background=off`), so that what these
/// tests count does not depend on how fast the compiler process answers; the
/// background compiles have tests of their own (`background_*`).
fn lethe() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_lethe"));
    c.arg("--jit-background=off");
    c
}

struct Run {
    stdout: String,
    stderr: String,
    status: i32,
    stats: serde_json::Value,
}

fn run(flags: &[&str], src: &str) -> Run {
    run_in(&scratch("cache"), flags, src, &[])
}

/// Run with the code cache in `cache` and extra environment variables.
fn run_in(cache: &std::path::Path, flags: &[&str], src: &str, env: &[(&str, &str)]) -> Run {
    let out = lethe()
        .env("XDG_CACHE_HOME", cache)
        .envs(env.iter().copied())
        .args(flags)
        .arg("--jit-stats")
        .arg("-c")
        .arg(src)
        .output()
        .expect("run lethe");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stats = last_json(&stderr, "--jit-stats line");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        status: out.status.code().unwrap_or(-1),
        stats,
    }
}

/// The last line of `stderr` that is a JSON object (a report lethe printed).
fn last_json(stderr: &str, what: &str) -> serde_json::Value {
    stderr
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .unwrap_or_else(|| panic!("no {what} in: {stderr}"))
}

fn n(v: &serde_json::Value, path: &str) -> u64 {
    let mut v = v;
    for k in path.split('.') {
        v = &v[k];
    }
    v.as_u64()
        .unwrap_or_else(|| panic!("no counter {path} in {v}"))
}

const OVERFLOW: &str = "
def f(n):
    x = 1
    for i in range(n):
        x = x * 3
    return x
print(f(100))
print(f(5))
";

#[test]
fn int_overflow_mid_loop_deoptimises_to_big_integers() {
    let r = run(&["--jit=always"], OVERFLOW);
    assert_eq!(
        r.stdout,
        "515377520732011331036461129765621272702107522001\n243\n"
    );
    assert!(n(&r.stats, "compiles") >= 1, "{}", r.stats);
    assert!(n(&r.stats, "deopts.scalar_guard") >= 1, "{}", r.stats);
    assert_eq!(n(&r.stats, "relocations"), 0);
    // The same program interpreted gives the same output.
    assert_eq!(run(&["--jit=off"], OVERFLOW).stdout, r.stdout);
}

#[test]
fn argument_whose_type_changes() {
    let src = "
def f(a, b):
    return a * b + a
for i in range(300):
    f(i, 2)
print(f(7, 3))
print(f(1.5, 2))
print(f(\"ab\", 2))
print(f([1], 2))
";
    let r = run(&["--jit-threshold=10"], src);
    assert_eq!(r.stdout, "28\n4.5\nababab\n[1, 1, 1]\n");
    assert!(n(&r.stats, "compiles") >= 1);
    // The str and list arguments cannot stay in machine registers.
    assert!(
        n(&r.stats, "deopts.entry_guard") + n(&r.stats, "deopts.scalar_guard") >= 1,
        "{}",
        r.stats
    );
}

#[test]
fn attribute_kinds_change_under_native_code() {
    let src = "
class P:
    def __init__(self, x):
        self.x = x
def total(ps):
    s = 0
    for p in ps:
        s = s + p.x
    return s
ps = [P(i) for i in range(2000)]
print(total(ps))
ps[1000].x = 2.5
print(total(ps))
ps[1500].x = 10 ** 30
print(total(ps))
";
    let r = run(&["--jit=always"], src);
    assert_eq!(r.stdout, "1999000\n1998002.5\n1e+30\n");
    assert!(n(&r.stats, "osr_entries") + n(&r.stats, "native_entries") >= 1);
}

#[test]
fn deopt_with_many_live_native_frames() {
    // The innermost call overflows into a big integer; every native activation
    // above it then receives a heap object and deoptimises while older activations
    // of the same (invalidated) code are still running on the machine stack.
    let src = "
def f(n, x):
    if n == 0:
        return x * 3 ** 40
    return f(n - 1, x) + 1
print(f(200, 1))
print(f(200, 2))
print(f(50, 0.5))
";
    let r = run(&["--jit=always"], src);
    assert_eq!(
        r.stdout,
        "12157665459056929001\n24315330918113857802\n6.078832729528464e+18\n"
    );
    assert!(n(&r.stats, "recompiles") >= 1, "{}", r.stats);
}

#[test]
fn exception_in_native_code_has_the_right_traceback() {
    let src = "def g(a, b):
    x = a + 1
    return x // b

for i in range(50):
    g(i, 1)
g(1, 0)
";
    let r = run(&["--jit=always"], src);
    assert_eq!(r.status, 1);
    assert!(
        r.stderr.contains("  File \"<string>\", line 3, in g\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("  File \"<string>\", line 7, in <module>\n"),
        "{}",
        r.stderr
    );
    assert!(r
        .stderr
        .contains("ZeroDivisionError: integer division or modulo by zero"));
    assert!(n(&r.stats, "compiles") >= 1);
}

#[test]
fn deep_recursion_leaves_calls_to_the_heap_frame_stack() {
    let src = "
import sys
sys.setrecursionlimit(100000)
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(50000))
";
    let r = run(&["--jit=always"], src);
    assert_eq!(r.stdout, "50000\n", "{}", r.stderr);
    // The calls are frameless (on the machine stack, above a floor); frames are
    // made only when the register stack grows (a handful of times, doubling).
    assert!(n(&r.stats, "runtime_calls") < 50_000, "{}", r.stats);
}

#[test]
fn float_loop_runs_native_after_osr() {
    let src = "
def m(n):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < n:
        t = zr * zr - zi * zi + 0.25
        zi = 2.0 * zr * zi + 0.01
        zr = t
        i += 1
    return zr, zi
print(m(100000))
";
    let native = run(&[], src);
    let interp = run(&["--jit=off"], src);
    assert_eq!(native.stdout, interp.stdout);
    assert_eq!(n(&native.stats, "compiles"), 1);
    assert!(n(&native.stats, "osr_entries") >= 1, "{}", native.stats);
    assert_eq!(n(&interp.stats, "compiles"), 0);
}

/// A native `for i in range(n)` loop over floats steps the range iterator and does
/// the arithmetic inline: the number of calls into the runtime does not depend on n.
#[test]
fn native_range_loop_over_floats_makes_no_runtime_calls_in_its_body() {
    let src = |n: u32| {
        format!(
            "
def f(n):
    x = 0.0
    for i in range(n):
        x = x * 0.5 + 1.0
    return x
print(f({n}))
"
        )
    };
    let small = run(&[], &src(2_000));
    let big = run(&[], &src(200_000));
    assert_eq!(small.stdout, "2.0\n");
    assert_eq!(big.stdout, "2.0\n");
    assert!(n(&big.stats, "osr_entries") >= 1, "{}", big.stats);
    let calls = n(&big.stats, "runtime_calls");
    assert_eq!(calls, n(&small.stats, "runtime_calls"), "{}", big.stats);
    assert!(calls < 10, "{}", big.stats);
}

/// Stores that add an attribute (`__init__`'s `self.x = x`) follow the cached shape
/// transition in native code: the value goes to a new slot, the instance takes the
/// next shape — no runtime call (there were 13 per iteration here before, 7 now:
/// the two constructions, the two list displays, the two `len`s and one release).
/// Objects stored that way keep their reference counts right (the lists are read
/// back and freed), and `__slots__` classes take the same path.
#[test]
fn attribute_adding_stores_make_no_runtime_calls() {
    let src = |n: u32| {
        format!(
            "
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.name = 'p'
        self.kids = [a]
class Q:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
        self.y = None
def f(n):
    t = 0
    for i in range(n):
        p = P(i, [i])
        q = Q(p)
        t += p.a + len(p.b) + len(q.x.kids)
    return t
print(f({n}))
p = P(1, 2)
p.extra = 3
print(sorted(vars(p)), Q(5).x)
"
        )
    };
    let small = run(&["--jit=always"], &src(1_000));
    let big = run(&["--jit=always"], &src(2_000));
    assert_eq!(
        small.stdout, "501500\n['a', 'b', 'extra', 'kids', 'name'] 5\n",
        "{}",
        small.stderr
    );
    assert_eq!(
        big.stdout, "2003000\n['a', 'b', 'extra', 'kids', 'name'] 5\n",
        "{}",
        big.stderr
    );
    let per = (n(&big.stats, "runtime_calls") - n(&small.stats, "runtime_calls")) / 1_000;
    assert!(per <= 7, "{per} runtime calls per iteration: {}", big.stats);
}

/// Method loads on built-in values (a str's `upper`, a dict's `get`) are answered
/// by the inline cache in native code (keyed on the object's variant): per loop
/// iteration only the calls themselves reach the runtime, not the loads. A str subclass instance takes the instance path.
#[test]
fn method_loads_on_builtin_values_make_no_runtime_calls() {
    let src = |n: u32| {
        format!(
            "
class S(str):
    pass
def f(n, s):
    d = {{'a': 1}}
    t = 0
    for i in range(n):
        t += len(s.upper()) + d.get('a', 0)
    return t
print(f({n}, 'Word'), f(3, S('xy')))
"
        )
    };
    let small = run(&["--jit=always"], &src(1_000));
    let big = run(&["--jit=always"], &src(2_000));
    assert_eq!(small.stdout, "5000 9\n", "{}", small.stderr);
    assert_eq!(big.stdout, "10000 9\n", "{}", big.stderr);
    let per = (n(&big.stats, "runtime_calls") - n(&small.stats, "runtime_calls")) / 1_000;
    // upper(), len() and get(); the two method loads stay inline.
    assert!(per <= 3, "{per} runtime calls per iteration: {}", big.stats);
}

/// Attribute reads and writes compiled inline (shape-guarded) agree with the
/// interpreter while shapes, classes and kinds of values change.
#[test]
fn inline_attributes_follow_shapes_classes_and_kinds() {
    let src = "
class A:
    def __init__(self, v):
        self.v = v
        self.w = 0.0
class B:
    def __init__(self, v):
        self.w = 1.0
        self.v = v
def step(objs, k):
    t = 0.0
    for i in range(k):
        for o in objs:
            o.w = o.w + o.v
            t += o.w
    return t
objs = [A(0.5), B(0.25), A(2.0)]
print(step(objs, 3000))
objs[1].extra = 1
print(step(objs, 10))
A.w = property(lambda self: 5.0, lambda self, v: None)
print(step(objs, 10))
del A.w
objs[0].v = 10 ** 20
print(step(objs, 2))
";
    let native = run(&["--jit=always"], src);
    let interp = run(&["--jit=off"], src);
    assert_eq!(native.status, 0, "{}", native.stderr);
    assert_eq!(native.stdout, interp.stdout);
    assert!(n(&native.stats, "native_entries") + n(&native.stats, "osr_entries") >= 1);
}

/// Forgetting: once a hot function has native code its bytecode and feedback are
/// freed (the ledger's categories go back to what they were before its first call);
/// a deopt brings the bytecode back, re-derived from source, to the byte.
#[test]
fn bytecode_and_feedback_are_freed_after_tier_up_and_rederived_on_deopt() {
    let src = "
import lethe
def f(x):
    s = 0.0
    i = 0
    while i < 50:
        s = s + x * 0.5
        i += 1
    return [s][0]
b0 = lethe.ledger()
f(1.0)
b1 = lethe.ledger()
for _ in range(300):
    f(1.0)
b2 = lethe.ledger()
print(f(2 ** 70))
b3 = lethe.ledger()
for k in ('bytecode', 'feedback'):
    print(k, b1[k] - b0[k] > 0, b2[k] - b0[k], b3[k] - b1[k])
";
    let r = run(&[], src);
    assert_eq!(r.status, 0, "{}", r.stderr);
    // bytecode: present after the first call, 0 bytes of it once native, exactly
    // back after the deopt; feedback: none kept while native, one observation after.
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "2.9514790517935283e+22");
    assert_eq!(lines[1], "bytecode True 0 0", "{}", r.stdout);
    assert!(lines[2].starts_with("feedback False 0 "), "{}", r.stdout);
    assert_eq!(n(&r.stats, "bytecode_forgotten"), 1, "{}", r.stats);
    assert_eq!(n(&r.stats, "deopts.entry_guard"), 1, "{}", r.stats);
    // The list display is handed to the runtime whole, from native code's own copy
    // of the instruction: only the deopt re-derived the bytecode.
    assert_eq!(n(&r.stats, "rederived"), 1, "{}", r.stats);
}

/// List items read and written inline (int index, negative from the end) agree
/// with the interpreter when indexes leave the list, items change kind, and the
/// object indexed is not a list.
#[test]
fn inline_list_items_agree_with_the_interpreter() {
    let src = "
def f(xs, ys, n):
    t = 0.0
    for i in range(n):
        k = i % 7 - 3
        ys[k] = xs[k] * 2.0 + ys[-1 - k]
        t += ys[k]
    return t
class L(list):
    pass
xs = [float(i) for i in range(7)]
ys = [1.0] * 7
print(f(xs, ys, 5000))
ys[2] = 'x'
try:
    f(xs, ys, 10)
except TypeError as e:
    print('TypeError', e)
ys[2] = 10 ** 30
print(f(xs, ys, 7))
print(f(L(xs), [0.5] * 7, 50))
print(f(tuple(xs), [0.5] * 7, 50))
try:
    f(xs[:2], ys, 10)
except IndexError as e:
    print('IndexError', e)
";
    let native = run(&["--jit=always"], src);
    let interp = run(&["--jit=off"], src);
    assert_eq!(native.status, 0, "{}", native.stderr);
    assert_eq!(native.stdout, interp.stdout);
    assert!(
        native.stdout.contains("IndexError list index out of range"),
        "{}",
        native.stdout
    );
}

/// Tuple items (int index, negative from the end) and constants that are objects
/// (strings, tuples) are read inline, their reference counts kept in native code: a
/// loop doing only that makes no runtime calls in its body; out-of-range indexes and
/// other containers leave for the runtime with the interpreter's results.
#[test]
fn inline_tuple_items_and_object_constants() {
    let src = |n: u32| {
        format!(
            "
def f(t, n):
    s = 0.0
    name = ''
    for i in range(n):
        s += t[i % 3] + t[-1 - i % 3]
        name = 'abc'
        pair = (1, 2)
    return s, name, pair
print(f((0.5, 1.5, 2.5), {n}))
print(f([0.5, 1.5, 2.5], 10))
try:
    f((0.5, 1.5), 10)
except IndexError as e:
    print('IndexError', e)
print(f((0.5, 'x', 2.5), 1))
"
        )
    };
    let (_, big, growth) = scaled(src, 3_000, 300_000);
    assert!(
        big.stdout.starts_with("(900000.0, 'abc', (1, 2))\n"),
        "{}",
        big.stdout
    );
    assert!(
        big.stdout.contains("IndexError tuple index out of range"),
        "{}",
        big.stdout
    );
    assert!(n(&big.stats, "osr_entries") >= 1, "{}", big.stats);
    // The first call's loop (after OSR) makes as many runtime calls for 300,000
    // iterations as for 3,000.
    assert_eq!(growth, 0, "{}", big.stats);
}

/// Run `src(small)` and `src(big)` with the native tier and `src(big)` interpreted:
/// the big runs must succeed and agree. Returns both native runs and how many more
/// runtime calls the big one made.
fn scaled(src: impl Fn(u32) -> String, small: u32, big: u32) -> (Run, Run, u64) {
    let s = run(&[], &src(small));
    let b = run(&[], &src(big));
    let i = run(&["--jit=off"], &src(big));
    assert_eq!(b.status, 0, "{}", b.stderr);
    assert_eq!(b.stdout, i.stdout);
    let growth = n(&b.stats, "runtime_calls").saturating_sub(n(&s.stats, "runtime_calls"));
    (s, b, growth)
}

fn scratch(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "lethe-jit-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    d
}

#[test]
fn same_code_bytes_in_two_processes() {
    let src = "
def f(n):
    s = 0.0
    for i in range(n):
        s = s + i * 0.5
    return s
print(f(3000))
";
    let mut dumps = Vec::new();
    for k in 0..2 {
        let d = scratch(&format!("dump{k}"));
        let out = lethe()
            .env("LETHE_JIT_DUMP", &d)
            .args(["--jit=always", "--code-cache=off", "-c", src])
            .output()
            .expect("run");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "2249250.0\n");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&d)
            .expect("dump dir")
            .map(|e| {
                let e = e.expect("entry");
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("read"),
                )
            })
            .collect();
        files.sort();
        assert!(!files.is_empty(), "nothing compiled");
        dumps.push(files);
        let _ = std::fs::remove_dir_all(&d);
    }
    // Two processes, two address-space layouts, the same bytes.
    assert_eq!(dumps[0], dumps[1]);
}

/// A long float loop: native code runs for as long as a test watches it.
const SPIN: &str = "
def spin(n):
    x = 0.0
    i = 0
    while i < n:
        x = x * 0.5 + 1.0
        i += 1
    return x
print(spin(2000))
print(spin(400000000))
";

/// Read a running process's mappings every 20 ms (at most `tries` times), calling
/// `check(perms, path, line)` on each until it reports the awaited mapping; then kill
/// the process. Returns whether the mapping was seen.
fn watch_maps(
    mut child: std::process::Child,
    tries: usize,
    mut check: impl FnMut(&str, &str, &str) -> bool,
) -> bool {
    let maps_path = format!("/proc/{}/maps", child.id());
    let mut saw = false;
    for _ in 0..tries {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let Ok(maps) = std::fs::read_to_string(&maps_path) else {
            break;
        };
        for line in maps.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            let perms = f.get(1).copied().unwrap_or("");
            let path = f.get(5).copied().unwrap_or("");
            saw |= check(perms, path, line);
        }
        if saw {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    saw
}

#[test]
fn no_mapping_is_writable_and_executable_while_native_code_runs() {
    let child = lethe()
        .args(["--code-cache=off", "-c", SPIN])
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    let saw_jit = watch_maps(child, 50, |perms, _, line| {
        assert!(
            !(perms.contains('w') && perms.contains('x')),
            "writable and executable mapping: {line}"
        );
        // File-backed (a memfd), read+execute, shared.
        let jit = line.contains("lethe-jit");
        if jit {
            assert_eq!(perms, "r-xs", "{line}");
        }
        jit
    });
    assert!(saw_jit, "native code mapping never appeared");
}

#[test]
fn ledger_counts_native_code_and_frees_compiler_memory() {
    let out = lethe()
        .args(["--jit=always", "--jit-compiler=inproc", "--mem-report=json", "-c"])
        .arg("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\nprint(f(10))\n")
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "45\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value = last_json(&stderr, "json report");
    // Functions per state when the program finished: f and the module are native.
    let f = &report["functions"];
    assert!(f["native"].as_i64().unwrap_or(0) >= 1, "{f}");
    assert_eq!(f["source"].as_i64(), Some(0), "{f}");
    let l = &report["ledger"];
    let g = |c: &str, k: &str| l[c][k].as_i64().unwrap_or(-1);
    // The compiler's working memory was used and is all gone.
    assert!(g("compiler", "peak") > 0, "{l}");
    assert_eq!(g("compiler", "current"), 0, "{l}");
    // Native code was mapped (whole pages) and counted, and at exit — every code
    // object gone — unmapped to the byte.
    assert!(g("native", "peak") >= 4096, "{l}");
    assert_eq!(g("native", "current"), 0, "{l}");
    assert!(g("deopt", "peak") > 0, "{l}");
    assert_eq!(g("deopt", "current"), 0, "{l}");
}

const HOT: &str = "
def f(n):
    s = 0.0
    for i in range(n):
        s = s + i * 0.25
    return s
def g(n):
    t = 0
    i = 0
    while i < n:
        t += i % 7
        i += 1
    return t
print(f(20000), g(20000))
";
const HOT_OUT: &str = "49997500.0 59997\n";

fn cache_files(cache: &std::path::Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(cache.join("lethe"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "code"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn second_process_maps_cached_code_and_compiles_nothing() {
    let cache = scratch("shared");
    let first = run_in(&cache, &[], HOT, &[]);
    assert_eq!(first.stdout, HOT_OUT);
    assert!(n(&first.stats, "compiles") >= 2, "{}", first.stats);
    assert_eq!(n(&first.stats, "cache.stores"), n(&first.stats, "compiles"));
    let files = cache_files(&cache);
    assert_eq!(files.len() as u64, n(&first.stats, "cache.stores"));
    // The directory is private to the user.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(cache.join("lethe"))
        .expect("dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);

    let second = run_in(&cache, &[], HOT, &[]);
    assert_eq!(second.stdout, HOT_OUT);
    assert_eq!(n(&second.stats, "compiles"), 0, "{}", second.stats);
    assert_eq!(n(&second.stats, "compiler_process.starts"), 0);
    assert_eq!(n(&second.stats, "cache.hits"), n(&first.stats, "compiles"));
}

#[test]
fn cached_code_is_file_backed_and_never_anonymous_executable() {
    let cache = scratch("maps");
    // Warm the cache with a short run of the same functions.
    let warm = lethe()
        .env("XDG_CACHE_HOME", &cache)
        .args(["-c", &SPIN.replace("400000000", "2000")])
        .output()
        .expect("run");
    assert!(warm.status.success());
    let child = lethe()
        .env("XDG_CACHE_HOME", &cache)
        .args(["-c", SPIN])
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    let saw = watch_maps(child, 100, |perms, path, line| {
        if perms.contains('x') {
            assert!(
                !path.is_empty() && !path.contains("memfd"),
                "anonymous executable mapping: {line}"
            );
        }
        let cached = path.ends_with(".code") && path.contains("lethe");
        if cached {
            assert_eq!(perms, "r-xs", "{line}");
        }
        cached
    });
    assert!(saw, "cached code was not mapped from the cache file");
}

#[test]
fn tampered_truncated_or_foreign_cache_files_are_never_executed() {
    use std::os::unix::fs::PermissionsExt;
    let cache = scratch("tamper");
    assert_eq!(run_in(&cache, &[], HOT, &[]).stdout, HOT_OUT);
    let files = cache_files(&cache);
    assert!(files.len() >= 2);
    // One file: a flipped byte in the code (the hash no longer matches).
    let mut bytes = std::fs::read(&files[0]).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    bytes[4096] ^= 0x55;
    std::fs::write(&files[0], &bytes).expect("write");
    // Another: cut short.
    let b1 = std::fs::read(&files[1]).expect("read");
    std::fs::write(&files[1], &b1[..b1.len() / 2]).expect("write");
    let r = run_in(&cache, &["--jit-stats"], HOT, &[]);
    assert_eq!(r.stdout, HOT_OUT);
    assert_eq!(n(&r.stats, "cache.rejected"), 2, "{}", r.stats);
    assert!(n(&r.stats, "compiles") >= 2, "{}", r.stats);
    assert!(r.stderr.contains("hash mismatch"), "{}", r.stderr);
    assert!(r.stderr.contains("truncated"), "{}", r.stderr);
    // Replaced: the next run uses them again.
    let again = run_in(&cache, &[], HOT, &[]);
    assert_eq!(n(&again.stats, "cache.rejected"), 0);
    assert_eq!(n(&again.stats, "compiles"), 0);
    // Writable by others: refused.
    for f in cache_files(&cache) {
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    }
    let r = run_in(&cache, &["--jit-stats"], HOT, &[]);
    assert_eq!(r.stdout, HOT_OUT);
    assert!(n(&r.stats, "cache.rejected") >= 2, "{}", r.stats);
    assert!(r.stderr.contains("not owned by this user"), "{}", r.stderr);
}

#[test]
fn concurrent_writers_leave_a_valid_cache() {
    let cache = scratch("concurrent");
    let children: Vec<_> = (0..4)
        .map(|_| {
            lethe()
                .env("XDG_CACHE_HOME", &cache)
                .args(["-c", HOT])
                .stdout(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().expect("wait");
        assert_eq!(String::from_utf8_lossy(&out.stdout), HOT_OUT);
    }
    // No temporary files left, every file valid.
    let leftovers: Vec<_> = std::fs::read_dir(cache.join("lethe"))
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    let r = run_in(&cache, &[], HOT, &[]);
    assert_eq!(r.stdout, HOT_OUT);
    assert_eq!(n(&r.stats, "cache.rejected"), 0);
    assert_eq!(n(&r.stats, "compiles"), 0);
}

#[test]
fn cache_command_stats_prune_clear() {
    let cache = scratch("cmd");
    assert_eq!(run_in(&cache, &[], HOT, &[]).stdout, HOT_OUT);
    let dir = format!("--code-cache={}", cache.join("lethe").display());
    let out = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_lethe"))
            .arg("cache")
            .args(args)
            .arg(&dir)
            .output()
            .expect("run");
        assert!(o.status.success(), "{o:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let files = cache_files(&cache).len();
    assert!(out(&["stats"]).contains(&format!("{files} files")));
    assert!(out(&["prune", "--max-bytes", "1"]).contains(&format!("removed {files} files")));
    assert_eq!(cache_files(&cache).len(), 0);
    assert_eq!(run_in(&cache, &[], HOT, &[]).stdout, HOT_OUT);
    assert!(out(&["clear"]).contains("removed"));
    assert_eq!(cache_files(&cache).len(), 0);
}

fn children_of(pid: u32) -> usize {
    let Ok(rd) = std::fs::read_dir("/proc") else {
        return 0;
    };
    rd.flatten()
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|st| {
            // pid (comm) state ppid ... — an exited child not yet reaped (state Z)
            // holds no memory and does not count.
            let rest = st.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
            let mut f = rest.split_whitespace();
            let state = f.next().unwrap_or("");
            let ppid = f.next().and_then(|p| p.parse::<u32>().ok());
            ppid == Some(pid) && state != "Z"
        })
        .count()
}

#[test]
fn compiler_process_leaves_when_idle_and_comes_back() {
    let cache = scratch("idle");
    let src = "
import time
def f(n):
    s = 0
    for i in range(n):
        s += i
    return s
print(f(5000))
time.sleep(3.5)
import lethe
print(lethe.ledger()['compiler'])
def g(n):
    s = 0
    for i in range(n):
        s -= i
    return s
print(g(5000))
";
    let child = lethe()
        .env("XDG_CACHE_HOME", &cache)
        .args(["--jit-idle=1", "--jit-stats", "-c", src])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    // Poll (the machine may be busy): the compiler process appears with the first
    // compile, and is gone one idle second later, well before `g` needs it again.
    let t0 = std::time::Instant::now();
    let mut during = 0;
    while during == 0 && t0.elapsed() < std::time::Duration::from_millis(2000) {
        std::thread::sleep(std::time::Duration::from_millis(25));
        during = children_of(pid);
    }
    let mut after_idle = during;
    while after_idle != 0 && t0.elapsed() < std::time::Duration::from_millis(3400) {
        std::thread::sleep(std::time::Duration::from_millis(25));
        after_idle = children_of(pid);
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "12497500\n0\n-12497500\n"
    );
    assert_eq!(
        during, 1,
        "compiler process running after the first compile"
    );
    assert_eq!(after_idle, 0, "compiler process gone after the idle period");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stats: serde_json::Value = last_json(&stderr, "stats");
    assert_eq!(n(&stats, "compiler_process.starts"), 2, "{stats}");
    assert_eq!(n(&stats, "compiles"), 2);
}

/// The program's output is right, its compiles all failed, and one warning said so.
fn ran_interpreted_after_failure(r: &Run, out: &str, mode: &str) {
    assert_eq!(r.stdout, out, "{mode}");
    assert_eq!(r.status, 0, "{mode}");
    assert!(
        r.stderr
            .contains("warning: the JIT compiler process failed"),
        "{mode}: {}",
        r.stderr
    );
    assert_eq!(n(&r.stats, "compiles"), 0, "{mode}");
    assert!(n(&r.stats, "compiler_process.failures") >= 1, "{mode}");
}

#[test]
fn a_broken_compiler_process_leaves_the_program_running_interpreted() {
    for mode in ["crash", "garbage", "hang"] {
        let r = run_in(
            &scratch("broken"),
            &[],
            HOT,
            &[
                ("LETHE_JIT_SERVER_FAIL", mode),
                ("LETHE_JIT_TIMEOUT_MS", "500"),
            ],
        );
        ran_interpreted_after_failure(&r, HOT_OUT, mode);
    }
}

#[test]
fn in_process_and_separate_process_compilers_give_the_same_code() {
    let a = run_in(&scratch("inproc"), &["--jit-compiler=inproc"], HOT, &[]);
    let b = run_in(&scratch("proc"), &["--jit-compiler=proc"], HOT, &[]);
    assert_eq!(a.stdout, HOT_OUT);
    assert_eq!(b.stdout, HOT_OUT);
    assert_eq!(n(&a.stats, "compiler_process.starts"), 0);
    assert_eq!(n(&b.stats, "compiler_process.starts"), 1);
    assert_eq!(n(&a.stats, "code_bytes"), n(&b.stats, "code_bytes"));
}

const COLD: &str = "
import gc
def once(n):
    t = 0
    for i in range(n):
        t += i * 3
    return t
def churn():
    for k in range(40):
        gc.collect()
print(once(10))
churn()
print(once(20))
";

#[test]
fn bytecode_of_cold_functions_is_flushed_and_rederived() {
    let flushed = run(&["--flush-age=4"], COLD);
    assert_eq!(flushed.stdout, "135\n570\n");
    assert!(n(&flushed.stats, "flushed") >= 1, "{}", flushed.stats);
    let kept = run(&["--flush-age=0"], COLD);
    assert_eq!(kept.stdout, flushed.stdout);
    assert_eq!(n(&kept.stats, "flushed"), 0);
    // With native code in play too: compiled, flushed, compiled again.
    let r = run(&["--flush-age=2", "--jit=always"], COLD);
    assert_eq!(r.stdout, "135\n570\n");
    assert!(n(&r.stats, "flushed") >= 1, "{}", r.stats);
}

#[test]
fn flushing_returns_bytecode_bytes_to_the_ledger() {
    let src = "
import gc
def a(n):
    return [i * i for i in range(n)]
def b(n):
    return {i: str(i) for i in range(n)}
a(3)
b(3)
for k in range(50):
    gc.collect()
def c():
    return 1
print(c())
";
    let report = |age: &str| -> i64 {
        let out = lethe()
            .args([age, "--jit=off", "--mem-report=json", "-c", src])
            .output()
            .expect("run");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let v: serde_json::Value = last_json(&stderr, "report");
        v["functions"]["source"].as_i64().unwrap_or(-1)
    };
    // a and b went back to source; without flushing they stay compiled.
    assert!(report("--flush-age=3") >= 2);
    assert_eq!(report("--flush-age=0"), 0);
}

/// Ten functions, each hot in turn (compiled by OSR while it runs, then never again).
fn many_hot() -> String {
    let mut src = String::new();
    for k in 0..10 {
        src.push_str(&format!(
            "def f{k}(n):\n    t = {k}\n    for i in range(n):\n        t = (t * 3 + i) % 1000003\n    return t\n"
        ));
    }
    src.push_str("print([f(3000) for f in (f0, f1, f2, f3, f4, f5, f6, f7, f8, f9)])\n");
    src.push_str("print([f(3000) for f in (f0, f1, f2, f3, f4, f5, f6, f7, f8, f9)])\n");
    src
}

fn ledger_peak(stderr: &str, cat: &str) -> i64 {
    let v: serde_json::Value = stderr
        .lines()
        .rev()
        .find_map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .ok()
                .filter(|v| v.get("ledger").is_some())
        })
        .expect("mem report");
    v["ledger"][cat]["peak"].as_i64().unwrap_or(-1)
}

#[test]
fn code_budget_is_never_exceeded_and_output_is_unchanged() {
    let src = many_hot();
    let free = run(&["--jit-threshold=1"], &src);
    let budget = 3 * 4096;
    let cache = scratch("budget");
    let out = lethe()
        .env("XDG_CACHE_HOME", &cache)
        .args(["--jit-threshold=1", "--jit-stats", "--mem-report=json"])
        .arg(format!("--max-code={budget}"))
        .args(["-c", &src])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout, free.stdout);
    let stats: serde_json::Value = stderr
        .lines()
        .find_map(|l| {
            serde_json::from_str::<serde_json::Value>(l)
                .ok()
                .filter(|v| v.get("compiles").is_some())
        })
        .expect("stats");
    assert!(n(&stats, "evicted") >= 1, "{stats}");
    let peak = ledger_peak(&stderr, "native");
    assert!(
        peak > 0 && peak <= budget,
        "native peak {peak} > budget {budget}"
    );
    // Evicted code came back from the cache, not from the compiler.
    assert!(n(&stats, "cache.hits") >= 1, "{stats}");
}

/// Generators get native code: each `yield` leaves it (the runtime suspends the
/// frame) and a resumed generator re-enters it at the entry after the `yield`. Values
/// sent in, an int overflowing into a big integer mid-generator (a deopt), the return
/// value, native code shed while a generator is suspended in it, and an exception
/// from the generator's native code all behave as in CPython.
#[test]
fn generators_run_native_code_between_yields() {
    let src = "
import lethe
def counter(n):
    x = 1
    total = 0.0
    i = 0
    while i < n:
        sent = yield x
        if sent is not None:
            total += sent
        x = x * 3 + i
        i += 1
    return total
def work(m):
    g = counter(m)
    out = [next(g)]
    k = 0
    try:
        while True:
            k += 1
            out.append(g.send(k * 0.5 if k % 2 else None))
    except StopIteration as e:
        return out, e.value
vals, ret = work(60)
print(len(vals), vals[5], vals[-1], ret)
def lines(n):
    for i in range(n):
        if i == n - 1:
            raise ValueError(i)
        yield i * 2
def held():
    g = lines(3000)
    s = 0
    for _ in range(1500):
        s += next(g)
    return g, s
g, s = held()
freed = lethe.shed()
print(s, freed > 0, next(g))
try:
    for v in g:
        s += v
except ValueError as e:
    print('ValueError', e, s)
";
    // (Expected output from CPython 3.11, with the shed replaced by a constant.)
    let want =
        "60 301 17662982614673418130956013804 450.0\n2248500 True 3000\nValueError 2999 8988002\n";
    let r = run(&["--jit=always"], src);
    assert_eq!(r.stdout, want, "{}", r.stderr);
    assert_eq!(r.status, 0);
    // Both generators and their callers compiled; resumed generators entered their
    // native code (an entry at a non-zero offset each time).
    assert!(n(&r.stats, "compiles") >= 2, "{}", r.stats);
    assert!(n(&r.stats, "osr_entries") >= 1_000, "{}", r.stats);
    // By default, generators whose every loop yields stay interpreted (a resume
    // would cost a native entry and exit): the same output, and `lines` (the one
    // that gets hot) rejected.
    let r = run(&[], src);
    assert_eq!(r.stdout, want, "{}", r.stderr);
    assert_eq!(n(&r.stats, "rejected"), 1, "{}", r.stats);
    // A generator with a loop that runs without yielding is compiled by default,
    // and resumed in its native code.
    let primes = "
def primes(n):
    k = 2
    while n > 0:
        d = 2
        while d * d <= k and k % d:
            d += 1
        if d * d > k:
            yield k
            n -= 1
        k += 1
print(sum(primes(3000)))
";
    let r = run(&[], primes);
    assert_eq!(r.stdout, "38645211\n", "{}", r.stderr);
    assert_eq!(n(&r.stats, "rejected"), 0, "{}", r.stats);
    assert!(n(&r.stats, "osr_entries") >= 1_000, "{}", r.stats);
    let r = run(&["--jit=always"], src);
    // x outgrows the inline int range inside the generator's native code.
    assert!(n(&r.stats, "deopts.scalar_guard") >= 1, "{}", r.stats);

    // An uncaught exception raised by a generator's native code: CPython's traceback.
    let src = "def gen(n):
    for i in range(n):
        if i == n - 1:
            raise ValueError(i)
        yield i
def main():
    t = 0
    for v in gen(2000):
        t += v
    return t
main()
";
    let r = run(&["--jit=always"], src);
    assert_eq!(r.status, 1);
    assert_eq!(
        frame_lines(&r.stderr),
        ["line 11, in <module>", "line 8, in main", "line 4, in gen"],
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ValueError: 1999\n"), "{}", r.stderr);
    assert!(n(&r.stats, "osr_entries") >= 1_000, "{}", r.stats);
}

#[test]
fn shedding_gives_back_what_can_be_rebuilt() {
    let src = "
import lethe
def f(n):
    s = 0
    for i in range(n):
        s += i
    return s
print(f(5000))
before = lethe.ledger()
freed = lethe.shed()
after = lethe.ledger()
print(freed > 0, after['native'] == 0, after['bytecode'] < before['bytecode'])
print(f(5000))
";
    let r = run(&[], src);
    assert_eq!(
        r.stdout, "12497500\nTrue True True\n12497500\n",
        "{}",
        r.stderr
    );
    assert_eq!(n(&r.stats, "sheds"), 1);
}

#[test]
fn sigusr1_sheds_when_enabled() {
    let src = "
import time
def f(n):
    s = 0
    for i in range(n):
        s += i
    return s
def tick():
    return 0
print(f(5000))
for k in range(30):
    time.sleep(0.02)
    tick()
print(f(5000))
";
    let child = lethe()
        .env("XDG_CACHE_HOME", scratch("usr1"))
        .args(["--shed-on-sigusr1", "--jit-stats", "-c", src])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Wait until lethe has installed its handler (SigCgt has SIGUSR1, bit 10).
    let status = format!("/proc/{}/status", child.id());
    for _ in 0..200 {
        let caught = std::fs::read_to_string(&status)
            .ok()
            .and_then(|st| {
                st.lines()
                    .find_map(|l| l.strip_prefix("SigCgt:"))
                    .and_then(|h| u64::from_str_radix(h.trim(), 16).ok())
            })
            .unwrap_or(0);
        if caught & (1 << 9) != 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    // SAFETY: kill(2) on our own child's pid.
    unsafe { libc::kill(child.id() as i32, libc::SIGUSR1) };
    let out = child.wait_with_output().expect("wait");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12497500\n12497500\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stats: serde_json::Value = last_json(&stderr, "stats");
    assert_eq!(n(&stats, "sheds"), 1, "{stats}");
}

/// `len`, `abs` and `math.sqrt` run inline in native code (the callee is checked by
/// its built-in number at run time), and a module's functions are loaded inline
/// (module and dict version checked): a loop calling them makes no runtime calls in
/// its body; other callees bound to the same names (in globals or in the module),
/// arguments of other types and `math.sqrt` of a negative number take the general
/// call with CPython's results.
#[test]
fn builtins_run_inline_with_the_callee_checked() {
    let src = |n: u32| {
        format!(
            "
import math
from math import sqrt
def f(xs, n):
    t = 0.0
    for i in range(n):
        t += sqrt(i) + abs(-i) + abs(-0.5 * i) + len(xs) + math.sqrt(4 * i)
    return t
print(f([1, 2, 3], {n}))
print(f((1, 2), 10))
print(f('abcd', 10))
def g(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i)
    return t
print(g(10))
try:
    print(sqrt(-1.0 + 0 * f([], 1)))
except ValueError as e:
    print('ValueError', e)
print(abs(-2 ** 47), abs(-0.0), abs(True), len({{1: 2}}))
sqrt = lambda x: -1
len = lambda x: 100
print(f([1], 10))
math.sqrt = lambda x: 7.0
print(g(3), f([1], 10))
"
        )
    };
    let (_, big, growth) = scaled(src, 3_000, 300_000);
    // As CPython 3.11 prints them.
    assert!(
        big.stdout
            .starts_with("67829307712.29661\n145.41800157810718\n165.41800157810718\n"),
        "{}",
        big.stdout
    );
    assert!(
        big.stdout.contains("\n19.30600052603572\n"),
        "{}",
        big.stdout
    );
    assert!(
        big.stdout.contains("ValueError math domain error\n"),
        "{}",
        big.stdout
    );
    assert!(
        big.stdout.contains("140737488355328 0.0 1 1\n"),
        "{}",
        big.stdout
    );
    assert!(
        big.stdout.ends_with("\n1096.1120010520713\n21.0 1127.5\n"),
        "{}",
        big.stdout
    );
    assert_eq!(growth, 0, "{}", big.stats);
}

/// Attribute reads and writes on objects of up to four classes/shapes at one
/// place run inline (every way of the inline cache is checked in native code): a
/// loop over such objects makes as many runtime calls for 1,000 rounds as for 10,000.
#[test]
fn polymorphic_attributes_run_inline() {
    let src = |n: u32| {
        format!(
            "
class A:
    def __init__(self): self.v = 1.0; self.w = 0.0
class B:
    def __init__(self): self.w = 0.0; self.v = 2.0
class C(A):
    pass
class D:
    def __init__(self): self.u = 0; self.v = 4.0; self.w = 0.0
def f(objs, n):
    t = 0.0
    for i in range(n):
        k = 0
        while k < 4:
            o = objs[k]
            o.w = o.w + o.v
            t += o.w
            k += 1
    return t
print(f([A(), B(), C(), D()], {n}))
"
        )
    };
    let (_, big, growth) = scaled(src, 1_000, 10_000);
    assert_eq!(big.stdout, "400040000.0\n");
    assert_eq!(growth, 0, "{}", big.stats);
}

/// `for … in range(…)` is a counted loop: in native code an inner loop's setup and
/// every step run in machine registers, so nested loops make as many runtime calls
/// for 2,000 outer rounds as for 20,000; `range` rebound to something else still
/// works (the callee is checked at run time).
#[test]
fn nested_range_loops_run_without_runtime_calls() {
    let src = |n: u32| {
        format!(
            "
def f(n):
    t = 0
    for i in range(n):
        for j in range(i % 5, 7, 2):
            t += j
        for k in range(3, -3, -2):
            t -= 2 * k
    return t
print(f({n}))
import builtins
builtins.range = lambda *a: [100]
print(f(3))
"
        )
    };
    let (_, big, growth) = scaled(src, 2_000, 20_000);
    assert_eq!(big.stdout, "84000\n-100\n");
    assert_eq!(growth, 0, "{}", big.stats);
}

/// Classes called from native code enter their native `__init__` directly (the new
/// instance is the result); object attributes are stored inline with their
/// reference counts: results, `__del__` timing, an `__init__` that returns a value
/// and one that raises agree with the interpreter.
#[test]
fn constructors_and_object_attributes_from_native_code() {
    let src = "
class Node:
    __slots__ = ('left', 'right')
    def __init__(self, left, right):
        self.left = left
        self.right = right
class Noisy:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print('del', self.tag)
class Bad:
    def __init__(self, x):
        self.x = x
        if x == 999:
            return 1
class Raises:
    def __init__(self, x):
        self.x = x
        if x == 999:
            raise ValueError('no %d' % x)
def make(d):
    if d == 0:
        return Node(None, None)
    return Node(make(d - 1), make(d - 1))
def count(n):
    return 1 if n.left is None else 1 + count(n.left) + count(n.right)
def churn(k):
    holder = Node(None, None)
    for i in range(k):
        holder.left = Noisy(i) if i % 500 == 0 else i
        b = Bad(i % 998)
        r = Raises(i % 998)
    return holder
print(count(make(12)))
h = churn(3000)
print('kept', h.left)
for cls in (Bad, Raises):
    try:
        cls(999)
    except Exception as e:
        print(type(e).__name__, e)
";
    let native = run(&["--jit=always"], src);
    let interp = run(&["--jit=off"], src);
    assert_eq!(native.status, 0, "{}", native.stderr);
    assert_eq!(native.stdout, interp.stdout);
    assert!(
        native.stdout.contains("del 2500\nkept 2999\n"),
        "{}",
        native.stdout
    );
    assert!(
        native
            .stdout
            .contains("TypeError __init__() should return None, not 'int'"),
        "{}",
        native.stdout
    );
    assert!(
        native.stdout.contains("ValueError no 999"),
        "{}",
        native.stdout
    );
}

/// Iterating a list or tuple of objects in native code takes each item inline (with
/// its reference count): the runtime calls of a loop do not grow with the length of
/// the list; a list that grows while iterated and iterators of other kinds agree
/// with the interpreter.
#[test]
fn list_iteration_runs_inline() {
    let src = |m: u32| {
        format!(
            "
class P:
    def __init__(self, v): self.v = v
def f(objs, n):
    t = 0.0
    for k in range(n):
        for o in objs:
            t += o.v
    return t
objs = [P(0.5), P(1.5), P(2.0)] * {m}
print(f(objs, 3000))
print(f(tuple(objs), 10), f({{P(1.0): 0}}, 10), f(iter(objs), 10))
def g(xs):
    out = []
    for x in xs:
        out.append(x)
        if len(out) < 5:
            xs.append(x)
    return len(out)
print(g([P(1), P(2)]))
"
        )
    };
    let (_, long, growth) = scaled(src, 1, 20);
    assert_eq!(long.stdout, "240000.0\n800.0 10.0 80.0\n6\n");
    // 57 more items per round for 3,000 rounds would be 171,000 calls if items
    // were taken by the runtime.
    assert!(growth < 10_000, "{growth}");
}

/// `==`/`!=` between strs is decided in native code when they are the same object
/// or their cached hashes differ (interned constants, names): a dispatch loop on
/// such strings makes no runtime calls; equal strings that are
/// different objects, str subclasses and other types give the interpreter's results.
#[test]
fn string_equality_decided_inline() {
    let src = |n: u32| {
        format!(
            "
class S(str):
    def __eq__(self, o): return True
    __hash__ = str.__hash__
def run(ops, n):
    t = 0
    for i in range(n):
        for k in range(len(ops)):
            op = ops[k]
            if op == 'add':
                t += 1
            elif op == 'sub':
                t -= 2
            elif op != 'mul':
                t += 100
    return t
print(run(('add', 'sub', 'mul', 'div'), {n}))
made = ''.join(['a', 'd', 'd'])
print(run((made, 'x' + 'yz', S('zzz'), 1, None), 3))
"
        )
    };
    let (_, big, growth) = scaled(src, 2_000, 20_000);
    assert_eq!(big.stdout, "1980000\n906\n");
    assert_eq!(growth, 0, "{}", big.stats);
}

/// `ord` of a one-byte str and `len` of a str run inline; `ord` of other
/// characters, of longer strings and of non-strs take the general call.
#[test]
fn ord_and_str_len_inline() {
    let src = |n: u32| {
        format!(
            "
def f(cs, n):
    t = 0
    for i in range(n):
        for k in range(len(cs)):
            c = cs[k]
            t += ord(c) + len(c)
    return t
print(f(('a', 'Z', '~', 'é', '€'), {n}))
for bad in (['ab'], [1], ['']):
    try:
        f(bad, 1)
    except TypeError as e:
        print(e)
"
        )
    };
    let (_, big, growth) = scaled(src, 2_000, 20_000);
    assert!(big.stdout.starts_with("178300000\n"), "{}", big.stdout);
    assert!(
        big.stdout
            .contains("ord() expected a character, but string of length 2 found"),
        "{}",
        big.stdout
    );
    // 'é' and '€' are not one byte: two general calls per round.
    assert!(growth <= 2 * 18_000 + 100, "{growth} {}", big.stats);
}

/// Run `src(small)` and `src(big)` with `--jit=always`: their outputs are the given
/// ones and they make the same number of runtime calls (the loop or recursion whose
/// size differs runs inline). Returns the big run.
fn same_runtime_calls(src: &dyn Fn(u32) -> String, small: (u32, &str), big: (u32, &str)) -> Run {
    let a = run(&["--jit=always"], &src(small.0));
    let b = run(&["--jit=always"], &src(big.0));
    assert_eq!(a.stdout, small.1, "{}", a.stderr);
    assert_eq!(b.stdout, big.1, "{}", b.stderr);
    assert_eq!(
        n(&a.stats, "runtime_calls"),
        n(&b.stats, "runtime_calls"),
        "{} / {}",
        a.stats,
        b.stats
    );
    b
}

/// The traceback entries of `stderr` without the file name: `line N, in f`.
fn frame_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("  File "))
        .map(|l| l.split_once(", ").map_or(l, |p| p.1))
        .collect()
}

/// A program whose frameless activations need the runtime in every way: a
/// finaliser at return, big-integer overflow (deopt), objects returned and passed,
/// the recursion limit, a callee rebound under another name, an exception three
/// frameless levels down (its traceback lists every activation).
const FRAMELESS: &str = r#"class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def mk(n):
    d = D(n)
    return n * 2
def f(n):
    if n == 0:
        return mk(7)
    return f(n - 1) + 1
print(f(5))
print("after")
def big(n):
    if n == 0:
        return 1
    return big(n - 1) * 3
print(big(60))
def lst(n):
    if n == 0:
        return []
    r = lst(n - 1)
    r.append(n)
    return r
print(lst(6))
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("rec", e)
def h(a, b):
    if a == 0:
        return b
    return h(a - 1, b + [a])
print(h(5, []))
def k(n):
    if n == 0:
        return "x"
    return k2(n - 1)
k2 = k
print(k(20))
def obj(n):
    if n == 0:
        return D(99)
    return obj(n - 1)
o = obj(10)
print("got", o.n)
del o
print("end")
def g(n):
    if n == 0:
        return 1 // n
    return g(n - 1) + 1
def outer(n):
    if n == 0:
        return g(2)
    return outer(n - 1)
outer(3)
"#;

#[test]
fn frameless_activations_get_frames_when_the_runtime_needs_them() {
    let expect = "del 7\n19\nafter\n42391158275216203514294433201\n[1, 2, 3, 4, 5, 6]\n\
                  rec maximum recursion depth exceeded\n[5, 4, 3, 2, 1]\nx\ngot 99\ndel 99\nend\n";
    for flags in [
        &["--jit=always"][..],
        &["--jit-threshold=2"],
        &["--jit=off"],
    ] {
        let r = run(flags, FRAMELESS);
        assert_eq!(r.stdout, expect, "{flags:?}: {}", r.stderr);
        assert_eq!(r.status, 1);
        let at = frame_lines(&r.stderr);
        assert_eq!(
            at,
            [
                "line 60, in <module>",
                "line 59, in outer",
                "line 59, in outer",
                "line 59, in outer",
                "line 58, in outer",
                "line 55, in g",
                "line 55, in g",
                "line 54, in g",
            ],
            "{flags:?}: {}",
            r.stderr
        );
        assert!(r
            .stderr
            .contains("ZeroDivisionError: integer division or modulo by zero\n"));
        if flags == ["--jit=always"] {
            assert!(n(&r.stats, "frameless_frames") > 0, "{}", r.stats);
        }
    }
}

#[test]
fn frameless_recursion_makes_no_runtime_calls() {
    let src = |n: u32| {
        format!("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib({n}))\n")
    };
    // Each run pays the same few runtime calls (the first call, from the module),
    // however many calls the recursion makes (8361 for fib(18)).
    let b = same_runtime_calls(&src, (12, "144\n"), (18, "2584\n"));
    assert_eq!(n(&b.stats, "frameless_frames"), 0, "{}", b.stats);
}

#[test]
fn identity_tests_of_objects_run_inline() {
    let src = |n: u32| {
        format!(
            "class N:\n    pass\ndef f(xs):\n    c = 0\n    for x in xs:\n        if x is None:\n            c += 1\n        elif x is not xs:\n            c += 2\n    return c\nprint(f([None, N(), 3, 'a'] * {n}))\n"
        )
    };
    same_runtime_calls(&src, (10, "70\n"), (1000, "7000\n"));
}

/// Frameless activations running operations that need no frame (item and attribute
/// access, stores, clears) — including ones that run Python code (a property, a
/// `__getitem__`, a `__del__`) or raise (inside and outside a `try`).
const FRAMELESS_LIGHT: &str = r#"class Box:
    def __init__(self, v):
        self.v = v
    @property
    def double(self):
        if self.v < 0:
            raise ValueError("negative")
        return self.v * 2
    def __getitem__(self, i):
        return self.v + i
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("bye", self.n)
def get(d, k):
    return d[k]
def walk(b, n):
    if n == 0:
        return b.double + b[10]
    return walk(b, n - 1) + 1
def drop(n):
    x = Noisy(n)
    x = None
    return n
def chain(d, n):
    if n == 0:
        return get(d, "missing")
    return chain(d, n - 1)
def safe(d, k):
    try:
        return d[k]
    except KeyError:
        return -1
total = 0
for i in range(300):
    total += walk(Box(i), 5)
    total += safe({"a": 1}, "a" if i % 2 else "b")
print(total)
print(drop(3))
print("mid")
try:
    walk(Box(-1), 4)
except ValueError as e:
    print("caught", e)
chain({}, 3)
"#;

#[test]
fn frameless_activations_run_value_operations_without_frames() {
    let expect = "139050\nbye 3\n3\nmid\ncaught negative\n";
    for flags in [
        &["--jit=always"][..],
        &["--jit-threshold=2"],
        &["--jit=off"],
    ] {
        let r = run(flags, FRAMELESS_LIGHT);
        assert_eq!(r.stdout, expect, "{flags:?}: {}", r.stderr);
        assert_eq!(r.status, 1);
        let at = frame_lines(&r.stderr);
        assert_eq!(
            at,
            [
                "line 46, in <module>",
                "line 29, in chain",
                "line 29, in chain",
                "line 29, in chain",
                "line 28, in chain",
                "line 17, in get",
            ],
            "{flags:?}: {}",
            r.stderr
        );
        assert!(r.stderr.contains("\nKeyError: 'missing'\n"), "{}", r.stderr);
    }
    // The recursion of `walk` reads attributes and items through the runtime
    // without frames: few are made.
    let r = run(&["--jit=always"], FRAMELESS_LIGHT);
    assert!(n(&r.stats, "frameless_frames") < 300, "{}", r.stats);
}

/// Constructor calls from native code: the runtime makes the instance, `__init__`
/// runs frameless (slots, an exception in `__init__`, `__init__` returning a value).
const FRAMELESS_INIT: &str = r#"class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Q:
    def __init__(self, v):
        self.v = v
        if v == 7:
            raise ValueError("seven")
class R:
    def __init__(self, v):
        if v > 2:
            return v
def build(n):
    if n == 0:
        return P(0, 0)
    p = build(n - 1)
    return P(p.x + 1, p.y + n)
s = 0
for i in range(200):
    q = build(10)
    s += q.x + q.y
print(s)
def mk(v):
    return Q(v)
for v in range(9):
    try:
        print(mk(v).v)
    except ValueError as e:
        print("err", e)
def mr(v):
    return R(v)
for v in range(5):
    print(type(mr(v)).__name__)
"#;

#[test]
fn constructors_run_their_init_frameless() {
    let expect = "13000\n0\n1\n2\n3\n4\n5\n6\nerr seven\n8\nR\nR\nR\n";
    for flags in [
        &["--jit=always"][..],
        &["--jit-threshold=2"],
        &["--jit=off"],
    ] {
        let r = run(flags, FRAMELESS_INIT);
        assert_eq!(r.stdout, expect, "{flags:?}: {}", r.stderr);
        assert_eq!(r.status, 1);
        assert!(
            r.stderr
                .contains("\nTypeError: __init__() should return None, not 'int'\n"),
            "{}",
            r.stderr
        );
    }
    // 2,200 constructions in `build`: none enters native code through the runtime's
    // call path, and no frame is made for them.
    let r = run(&["--jit=always"], FRAMELESS_INIT);
    assert!(n(&r.stats, "native_entries") < 100, "{}", r.stats);
}

/// Python code run by a value operation of a frameless activation drops and flushes
/// code (a deopt, a collection with bytecode flushing, a tiny code budget) — the code
/// the frameless activation below runs stays mapped until no native code runs.
const FRAMELESS_DROP: &str = r#"import gc
class A:
    def __init__(self, n):
        self.n = n
    @property
    def p(self):
        if self.n % 50 == 3:
            # Re-enter f with floats (its int code deopts and is dropped) and
            # collect (bytecode of cold functions is flushed) while an activation
            # of f is running below, frameless.
            t = 0.0
            for i in range(30):
                t += f(A(i + 0.5), 1.25)
            gc.collect()
            return int(t)
        return self.n
def f(a, k):
    return a.p + k + 1
def g(n):
    s = 0
    for i in range(n):
        s += f(A(i), 2)
    return s
print(g(400))
print(g(400))
"#;

#[test]
fn code_a_frameless_activation_runs_outlives_drops_under_it() {
    for flags in [
        &["--jit=always"][..],
        &["--jit=always", "--flush-age=1", "--max-code=8192"],
        &["--jit-threshold=2", "--flush-age=1", "--max-code=4096"],
    ] {
        let r = run(flags, FRAMELESS_DROP);
        assert_eq!(r.stdout, "83712\n83712\n", "{flags:?}: {}", r.stderr);
        assert_eq!(r.status, 0, "{flags:?}: {}", r.stderr);
    }
}

#[test]
fn ascii_str_iteration_runs_inline() {
    let src = |n: u32| {
        format!(
            "def count(s, c):\n    n = 0\n    for ch in s:\n        if ch == c:\n            n += 1\n    return n\nprint(count('hello, world ' * {n}, 'o'), count('a\u{e9}o\u{e9}o', 'o'))\n"
        )
    };
    // Characters past ASCII and the end of the str are the runtime's; the rest
    // is inline.
    same_runtime_calls(&src, (10, "20 2\n"), (1000, "2000 2\n"));
}

#[test]
fn closure_variables_are_read_and_written_inline() {
    let src = |n: u32| {
        format!(
            "def outer(n):\n    count = 0\n    def run():\n        nonlocal count\n        for i in range(n):\n            count += i\n    run()\n    return count\nprint(outer({n}))\n"
        )
    };
    // The loop reads and writes the cell and adds inline: the runtime calls do not
    // grow with the number of iterations.
    same_runtime_calls(&src, (10, "45\n"), (1000, "499500\n"));
}

/// Ints between 2**47 and 2**63 (heap objects: a hash's or a random-number
/// generator's state) are operated on, made and freed inline: an FNV hash loop and
/// a linear congruential generator make as many runtime calls for 2,000 rounds as
/// for 20,000, and still overflow into big integers (through the runtime) and
/// shift as Python does.
#[test]
fn medium_ints_run_inline() {
    let src = |n: u32| {
        format!(
            "
def fnv(n):
    h = 2166136261
    for i in range(n):
        h = ((h ^ (i & 255)) * 16777619) & 0xffffffff
    return h
def lcg(n):
    state = 42
    t = 0
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        t += (state >> 8) % 37 + (state << 20 >> 40)
    return t, state
def grow(n):
    x = 3
    for i in range(n):
        x = x * 3 // 3 + (1 << 62 if i == n - 1 else 0)
    return x, x * x, -x >> 70, x >> 1, (x - 1) // -7, (x - 1) % -7
print(fnv({n}), lcg({n}), grow({n}))
"
        )
    };
    let (_, big, growth) = scaled(src, 2_000, 20_000);
    assert_eq!(
        big.stdout,
        "276277093 (20807192, 595334538) (4611686018427387907, \
         21267647932558653994131029075049840649, -1, 2305843009213693953, \
         -658812288346769701, -1)\n"
    );
    assert_eq!(growth, 0, "{}", big.stats);
}

/// lethe as a user runs it: compiles in the background (the default).
fn run_background(src: &str, env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .env("XDG_CACHE_HOME", scratch("background"))
        .envs(env.iter().copied())
        .args(["--jit-stats", "-c", src])
        .output()
        .expect("run lethe");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stats = last_json(&stderr, "--jit-stats line");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        status: out.status.code().unwrap_or(-1),
        stats,
    }
}

/// A loop long enough to outlast any compile: interpreted it takes seconds, native
/// a few hundredths of one.
const LONG_LOOP: &str = "
def f(n):
    t = 0
    for i in range(n):
        t += i % 7
    return t
print(f(20_000_000))
";

#[test]
fn background_compile_enters_the_running_loop_when_its_code_arrives() {
    let r = run_background(LONG_LOOP, &[]);
    assert_eq!(r.stdout, "59999997\n", "{}", r.stderr);
    assert_eq!(r.status, 0);
    // The compile went to the compiler process and its answer was collected while
    // the loop ran on; the loop then continued in native code (entered at its head).
    assert_eq!(n(&r.stats, "compiles"), 1, "{}", r.stats);
    assert_eq!(n(&r.stats, "compiler_process.background"), 1, "{}", r.stats);
    assert!(n(&r.stats, "osr_entries") >= 1, "{}", r.stats);
    assert_eq!(n(&r.stats, "bytecode_forgotten"), 1, "{}", r.stats);
}

#[test]
fn background_compile_still_pending_at_exit_is_abandoned() {
    // The compile of `g` is requested near its last call (after 100 calls and 25
    // more profiled): the program ends before the answer can arrive (the compiler
    // never answers), and nothing waits for it.
    let src = "
def g(x):
    return x + 1
t = 0
for i in range(130):
    t = g(t)
print(t)
";
    let r = run_background(src, &[("LETHE_JIT_SERVER_FAIL", "hang")]);
    assert_eq!(r.stdout, "130\n");
    assert_eq!(r.status, 0);
    assert_eq!(n(&r.stats, "compiles"), 0, "{}", r.stats);
    assert_eq!(n(&r.stats, "compiler_process.background"), 0, "{}", r.stats);
    assert_eq!(n(&r.stats, "compiler_process.starts"), 1, "{}", r.stats);
    // Leaving by `os._exit` stops it too: a compiler left running would keep the
    // process's stderr open, and whoever reads it (as `output()` here does) would
    // wait for the compile to end.
    let out = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .env("XDG_CACHE_HOME", scratch("background"))
        .env("LETHE_JIT_SERVER_FAIL", "hang")
        .args(["-c", &format!("{src}import os\nos._exit(4)\n")])
        .output()
        .expect("run lethe");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "130\n");
    assert_eq!(out.status.code(), Some(4));
    // Three functions hot at once: one request in flight, two queued when the
    // program ends. None of them is left in the ledger's `compiler` category.
    let src = "
def f(x):
    return x % 7
def g(x):
    return x % 5
def h(x):
    return x % 3
t = 0
for i in range(140):
    t += f(i) + g(i) + h(i)
print(t)
";
    let out = Command::new(env!("CARGO_BIN_EXE_lethe"))
        .env("XDG_CACHE_HOME", scratch("background"))
        .env("LETHE_JIT_SERVER_FAIL", "hang")
        .args(["--mem-report=json", "-c", src])
        .output()
        .expect("run lethe");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "839\n");
    let report = last_json(&String::from_utf8_lossy(&out.stderr), "--mem-report=json");
    assert_eq!(n(&report, "ledger.compiler.current"), 0, "{report}");
}

#[test]
fn background_compile_by_a_broken_compiler_leaves_the_program_interpreted() {
    for mode in ["crash", "garbage", "hang"] {
        let r = run_background(
            LONG_LOOP,
            &[
                ("LETHE_JIT_SERVER_FAIL", mode),
                ("LETHE_JIT_TIMEOUT_MS", "300"),
            ],
        );
        ran_interpreted_after_failure(&r, "59999997\n", mode);
        assert_eq!(n(&r.stats, "compiler_process.background"), 0, "{mode}");
    }
}

#[test]
fn profiled_warm_up_teaches_the_first_compile_what_deopts_would() {
    // A medium int (the LCG's product), strs from a list, a method's str result and
    // a concatenation: each is a heap object where a scalar would be guessed.
    let src = "
WORDS = ['alpha', 'beta', 'gamma']
def f(n):
    out = []
    state = 7
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        w = WORDS[state % 3]
        u = w.upper()
        out.append(u + '!')
    return out
r = f(5000)
print(len(r), r[-1])
";
    // Profiled before its compile (--jit=on): compiled once, never deoptimised.
    let r = run(&[], src);
    assert_eq!(r.stdout, "5000 GAMMA!\n", "{}", r.stderr);
    assert_eq!(n(&r.stats, "compiles"), 1, "{}", r.stats);
    assert_eq!(n(&r.stats, "deopts.scalar_guard"), 0, "{}", r.stats);
    // Compiled before it ever ran (--jit=always: no warm-up, no profile), the same
    // code learns each of them by a deopt.
    let r = run(&["--jit=always"], src);
    assert_eq!(r.stdout, "5000 GAMMA!\n");
    assert!(n(&r.stats, "deopts.scalar_guard") >= 2, "{}", r.stats);
}

#[test]
fn background_requests_made_while_one_is_in_flight_are_queued_and_repeatable() {
    // `f` and `g` get hot in the same iteration: `g`'s request is made while `f`'s
    // is in the compiler's hands, and queued; the module's loop follows.
    let src = "
def f(x):
    return x % 7
def g(x):
    return x % 5
t = 0
for i in range(3_000_000):
    t += f(i) + g(i)
print(t)
";
    let cache = scratch("queue");
    let go = || {
        let out = Command::new(env!("CARGO_BIN_EXE_lethe"))
            .env("XDG_CACHE_HOME", &cache)
            .args(["--jit-stats", "-c", src])
            .output()
            .expect("run lethe");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            last_json(&stderr, "--jit-stats line"),
        )
    };
    let (out, first) = go();
    assert_eq!(out, "14999994\n");
    assert_eq!(n(&first, "compiles"), 3, "{first}");
    assert_eq!(n(&first, "compiler_process.background"), 3, "{first}");
    // The requests were made at the same points of the program, whatever the
    // compiler's speed: a second run finds all three in the cache.
    let (out, second) = go();
    assert_eq!(out, "14999994\n");
    assert_eq!(n(&second, "cache.hits"), 3, "{second}");
    assert_eq!(n(&second, "compiles"), 0, "{second}");
}
