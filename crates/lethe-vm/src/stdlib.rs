//! The standard library modules lethe provides beyond `sys`/`math`/`time`/`gc`.
//!
//! Most are written in Python (`crates/lethe-vm/lib/*.py`), embedded in the binary and
//! compiled on first import like a user module (their text is counted in the ledger's
//! `source` category, and their functions are compiled lazily). What Python cannot do
//! is in the native helper module `_lethe` (below).

use crate::builtins::{file_native, struct_native};
use crate::modules::{add_fns, module_set, new_module};
use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};

/// Library modules written in Python: (module name, source).
const LIB: &[(&str, &str)] = &[
    ("collections", include_str!("../lib/collections.py")),
    ("collections.abc", include_str!("../lib/collections_abc.py")),
    ("itertools", include_str!("../lib/itertools.py")),
    ("functools", include_str!("../lib/functools.py")),
    ("string", include_str!("../lib/string.py")),
    ("random", include_str!("../lib/random.py")),
    ("json", include_str!("../lib/json.py")),
    ("os", include_str!("../lib/os.py")),
    ("os.path", include_str!("../lib/posixpath.py")),
    ("posixpath", include_str!("../lib/posixpath.py")),
    ("io", include_str!("../lib/io.py")),
    ("operator", include_str!("../lib/operator.py")),
    ("struct", include_str!("../lib/struct.py")),
];

/// The source of an embedded library module.
pub fn source(name: &str) -> Option<&'static str> {
    LIB.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Whether the top-level module `name` is provided (by Python source or natively).
pub fn provides(name: &str) -> bool {
    source(name).is_some() || name == "_lethe"
}

/// Modules implemented natively here.
pub fn native_module(vm: &mut Vm, name: &str) -> Option<Value> {
    match name {
        "_lethe" => Some(make_lethe(vm)),
        _ => None,
    }
}

fn str_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<String> {
    match a.pos.get(i).map(|v| (v, v.data())) {
        Some((_, Some(ObjData::Str(s)))) => Ok(s.s.to_string()),
        Some((v, _)) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{fname}: path should be string, bytes or os.PathLike, not {tn}"
            )))
        }
        None => Err(vm.type_error(&format!("{fname}() missing required argument"))),
    }
}

/// `_lethe.unsupported(what)`: raise lethe's "unsupported" error from library code.
fn l_unsupported(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let what = match a.pos.first() {
        Some(v) => vm.str(v)?,
        None => String::from("library feature"),
    };
    Err(vm.unsupported(&what))
}

pub(crate) fn os_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> Value {
    let (kind, errno) = match e.kind() {
        std::io::ErrorKind::NotFound => ("FileNotFoundError", 2),
        std::io::ErrorKind::PermissionDenied => ("PermissionError", 13),
        _ => ("OSError", e.raw_os_error().unwrap_or(5)),
    };
    let msg = match e.raw_os_error() {
        Some(2) | None if kind == "FileNotFoundError" => "No such file or directory".to_string(),
        Some(13) => "Permission denied".to_string(),
        Some(20) => "Not a directory".to_string(),
        Some(17) => "File exists".to_string(),
        Some(21) => "Is a directory".to_string(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    };
    let errno = e.raw_os_error().unwrap_or(errno);
    let kind = match errno {
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        _ => kind,
    };
    let cls = vm.exc_type(kind);
    let args = vec![
        vm.new_int(errno as i64),
        vm.new_string(msg),
        vm.new_str(path),
    ];
    vm.new_exc(&cls, args)
}

fn l_getcwd(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_string(p.to_string_lossy().to_string())),
        Err(e) => Err(os_error(vm, &e, ".")),
    }
}

fn l_listdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path = if a.pos.is_empty() {
        ".".to_string()
    } else {
        str_arg(vm, a, 0, "listdir")?
    };
    let rd = match std::fs::read_dir(&path) {
        Ok(r) => r,
        Err(e) => return Err(os_error(vm, &e, &path)),
    };
    let mut out = Vec::new();
    for ent in rd {
        match ent {
            Ok(ent) => out.push(vm.new_string(ent.file_name().to_string_lossy().to_string())),
            Err(e) => return Err(os_error(vm, &e, &path)),
        }
    }
    Ok(vm.new_list(out))
}

fn stat_kind(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Option<std::fs::Metadata>> {
    let p = str_arg(vm, a, 0, fname)?;
    Ok(std::fs::metadata(p).ok())
}
fn l_exists(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::bool(stat_kind(vm, a, "exists")?.is_some()))
}
fn l_isfile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::bool(
        stat_kind(vm, a, "isfile")?.is_some_and(|m| m.is_file()),
    ))
}
fn l_isdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::bool(
        stat_kind(vm, a, "isdir")?.is_some_and(|m| m.is_dir()),
    ))
}
fn l_getsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = str_arg(vm, a, 0, "getsize")?;
    match std::fs::metadata(&p) {
        Ok(m) => Ok(vm.new_int(m.len() as i64)),
        Err(e) => Err(os_error(vm, &e, &p)),
    }
}

/// The process environment as a list of (name, value) pairs.
fn l_environ(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let mut out = Vec::new();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_string(k.to_string_lossy().to_string());
        let v = vm.new_string(v.to_string_lossy().to_string());
        out.push(vm.new_tuple(vec![k, v]));
    }
    Ok(vm.new_list(out))
}

fn l_getpid(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.new_int(std::process::id() as i64))
}

/// Entropy for `random.seed()` without an argument.
fn l_urandom_int(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let mut buf = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .is_ok();
    let mut x: u128 = if ok {
        u128::from_le_bytes(buf)
    } else {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    };
    x &= (1u128 << 120) - 1;
    Ok(vm.new_bigint(num_bigint::BigInt::from(x)))
}

/// Text from standard input. As in CPython on POSIX, `sys.stdin` uses
/// `newline='\n'`: a `\r` is kept.
fn stdin_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn size_arg(a: &Args) -> i64 {
    a.pos
        .first()
        .filter(|v| !v.is_none())
        .and_then(crate::ops::as_i64)
        .unwrap_or(-1)
}

/// `_lethe.stdin_readline(size)`: one line of standard input ('' at end of file).
/// Shares the process's stdin buffer with `input()`.
fn l_stdin_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::io::BufRead;
    vm.flush();
    let limit = size_arg(a);
    let mut buf = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    loop {
        let avail = match lock.fill_buf() {
            Ok(b) => b,
            Err(e) => return Err(vm.new_error("OSError", &e.to_string())),
        };
        if avail.is_empty() {
            break;
        }
        let room = if limit >= 0 {
            (limit as usize).saturating_sub(buf.len())
        } else {
            usize::MAX
        };
        let take_to = avail.iter().position(|&b| b == b'\n').map(|i| i + 1);
        let n = take_to.unwrap_or(avail.len()).min(room);
        buf.extend_from_slice(&avail[..n]);
        lock.consume(n);
        if take_to.is_some_and(|t| t <= n) || (limit >= 0 && buf.len() >= limit as usize) {
            break;
        }
    }
    Ok(vm.new_string(stdin_text(&buf)))
}

/// `_lethe.stdin_read(size)`: up to `size` bytes of standard input (all when < 0).
fn l_stdin_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::io::Read;
    vm.flush();
    let limit = size_arg(a);
    let mut buf = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let r = if limit < 0 {
        lock.read_to_end(&mut buf).map(|_| ())
    } else {
        (&mut lock)
            .take(limit as u64)
            .read_to_end(&mut buf)
            .map(|_| ())
    };
    if let Err(e) = r {
        return Err(vm.new_error("OSError", &e.to_string()));
    }
    Ok(vm.new_string(stdin_text(&buf)))
}

/// `sys.stdin`, made on first use: `io._Stdin()`.
pub fn make_stdin(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.new_str("io");
    let globals = vm.new_dict();
    let m = crate::modules::import(vm, &name, 0, &globals)?;
    let k = vm.intern("_Stdin");
    let cls = vm.getattr(&m, &k)?;
    vm.call(&cls, vec![])
}

fn make_lethe(vm: &mut Vm) -> Value {
    let m = new_module(vm, "_lethe");
    add_fns(
        vm,
        &m,
        "_lethe",
        &[
            ("unsupported", l_unsupported),
            ("getcwd", l_getcwd),
            ("listdir", l_listdir),
            ("exists", l_exists),
            ("isfile", l_isfile),
            ("isdir", l_isdir),
            ("getsize", l_getsize),
            ("environ_items", l_environ),
            ("getpid", l_getpid),
            ("urandom_int", l_urandom_int),
            ("stdin_readline", l_stdin_readline),
            ("stdin_read", l_stdin_read),
            ("file_open", file_native::open),
            ("file_read", file_native::read),
            ("file_readline", file_native::readline),
            ("file_write", file_native::write),
            ("file_seek", file_native::seek),
            ("file_tell", file_native::tell),
            ("file_truncate", file_native::truncate),
            ("file_close", file_native::close),
            ("remove", file_native::remove),
            ("decode", crate::builtins::bytes_methods::l_decode),
            ("struct_calcsize", struct_native::calcsize),
            ("struct_pack", struct_native::pack),
            ("struct_unpack", struct_native::unpack),
            ("struct_iter_unpack", struct_native::iter_unpack),
        ],
    );
    let sep = vm.new_str("/");
    module_set(vm, &m, "sep", sep);
    m
}
