//! The standard library modules lethe provides beyond `sys`/`math`/`time`/`gc`.
//!
//! Most are written in Python (`crates/lethe-vm/lib/*.py`), embedded in the binary and
//! compiled on first import like a user module (their text is counted in the ledger's
//! `source` category, and their functions are compiled lazily). What Python cannot do
//! is in the native helper module `_lethe` (below).

use crate::builtins::{file_native, process_native, re_native, struct_native};
use crate::modules::{add_fns, module_set, new_module};
use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};

/// Library modules written in Python: (module name, source).
const LIB: &[(&str, &str)] = &[
    ("__future__", include_str!("../lib/__future__.py")),
    ("argparse", include_str!("../lib/argparse.py")),
    ("array", include_str!("../lib/array.py")),
    ("atexit", include_str!("../lib/atexit.py")),
    ("contextvars", include_str!("../lib/contextvars.py")),
    ("decimal", include_str!("../lib/decimal.py")),
    ("_pydecimal", include_str!("../lib/_pydecimal.py")),
    ("difflib", include_str!("../lib/difflib.py")),
    ("fnmatch", include_str!("../lib/fnmatch.py")),
    ("getopt", include_str!("../lib/getopt.py")),
    ("gettext", include_str!("../lib/gettext.py")),
    ("glob", include_str!("../lib/glob.py")),
    ("graphlib", include_str!("../lib/graphlib.py")),
    ("html", include_str!("../lib/html.py")),
    ("html.entities", include_str!("../lib/html_entities.py")),
    ("reprlib", include_str!("../lib/reprlib.py")),
    ("shlex", include_str!("../lib/shlex.py")),
    ("secrets", include_str!("../lib/secrets.py")),
    ("shutil", include_str!("../lib/shutil.py")),
    ("subprocess", include_str!("../lib/subprocess.py")),
    ("tempfile", include_str!("../lib/tempfile.py")),
    ("threading", include_str!("../lib/threading.py")),
    ("timeit", include_str!("../lib/timeit.py")),
    ("uuid", include_str!("../lib/uuid.py")),
    ("pathlib", include_str!("../lib/pathlib.py")),
    ("stat", include_str!("../lib/stat.py")),
    ("_excgroup", include_str!("../lib/_excgroup.py")),
    ("weakref", include_str!("../lib/weakref.py")),
    ("_weakref", include_str!("../lib/_weakref.py")),
    ("_weakrefset", include_str!("../lib/_weakrefset.py")),
    ("collections", include_str!("../lib/collections.py")),
    ("collections.abc", include_str!("../lib/collections_abc.py")),
    ("unittest.mock", include_str!("../lib/unittest_mock.py")),
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
    ("typing", include_str!("../lib/typing.py")),
    ("heapq", include_str!("../lib/heapq.py")),
    ("bisect", include_str!("../lib/bisect.py")),
    ("copy", include_str!("../lib/copy.py")),
    ("copyreg", include_str!("../lib/copyreg.py")),
    ("decimal", include_str!("../lib/decimal.py")),
    ("contextlib", include_str!("../lib/contextlib.py")),
    ("dataclasses", include_str!("../lib/dataclasses.py")),
    ("abc", include_str!("../lib/abc.py")),
    ("enum", include_str!("../lib/enum.py")),
    ("datetime", include_str!("../lib/datetime.py")),
    ("re", include_str!("../lib/re.py")),
    ("fractions", include_str!("../lib/fractions.py")),
    ("numbers", include_str!("../lib/numbers.py")),
    ("statistics", include_str!("../lib/statistics.py")),
    ("textwrap", include_str!("../lib/textwrap.py")),
    ("hashlib", include_str!("../lib/hashlib.py")),
    ("types", include_str!("../lib/types.py")),
    ("_mappingproxy", include_str!("../lib/_mappingproxy.py")),
    ("inspect", include_str!("../lib/inspect.py")),
    ("warnings", include_str!("../lib/warnings.py")),
    ("logging", include_str!("../lib/logging.py")),
    ("csv", include_str!("../lib/csv.py")),
    ("errno", include_str!("../lib/errno.py")),
    ("binascii", include_str!("../lib/binascii.py")),
    ("base64", include_str!("../lib/base64.py")),
    ("pprint", include_str!("../lib/pprint.py")),
    ("traceback", include_str!("../lib/traceback.py")),
    ("linecache", include_str!("../lib/linecache.py")),
    ("queue", include_str!("../lib/queue.py")),
    ("keyword", include_str!("../lib/keyword.py")),
    ("calendar", include_str!("../lib/calendar.py")),
    ("unittest", include_str!("../lib/unittest.py")),
    ("importlib", include_str!("../lib/importlib.py")),
    ("doctest", include_str!("../lib/doctest.py")),
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

/// `_lethe.format_exception(exc)`: the traceback text lethe prints for an uncaught
/// exception (for the `traceback` module).
fn l_format_exception(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(e) = a.pos.first() else {
        return Err(vm.type_error("format_exception() missing required argument"));
    };
    let e = e.clone();
    let text = vm.format_exception(&e);
    Ok(vm.new_string(text))
}

/// `_lethe.format_tb_entry(site)`: a traceback entry as the interpreter prints it,
/// from a traceback object's `_lethe_site` (filename, name, line, end line, column
/// or None, end column).
fn l_format_tb_entry(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let site = match a.pos.first().and_then(|v| v.data()) {
        Some(ObjData::Tuple(t)) if t.len() == 6 => t.to_vec(),
        _ => return Err(vm.type_error("format_tb_entry() needs a traceback site")),
    };
    let file = vm.str(&site[0])?;
    let name = vm.str(&site[1])?;
    let num = |v: &Value| v.as_small_int().unwrap_or(0).max(0) as u32;
    let pos = lethe_compiler::bytecode::Position {
        line: num(&site[2]),
        end_line: num(&site[3]),
        col: site[4].as_small_int().map(|c| c.max(0) as u32),
        end_col: num(&site[5]),
    };
    let text = vm.tb_entry_text(&file, &name, pos);
    Ok(vm.new_string(text))
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

/// `os.chdir(path)`.
fn l_chdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path = str_arg(vm, a, 0, "chdir")?;
    match std::env::set_current_dir(&path) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}

/// `os.cpu_count()`.
fn l_cpu_count(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(match std::thread::available_parallelism() {
        Ok(n) => vm.new_int(n.get() as i64),
        Err(_) => Value::NONE,
    })
}

/// `os.strerror(code)`: the C library's message.
fn l_strerror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = match a.pos.first() {
        Some(v) if crate::ops::is_int(v) => crate::ops::as_i64(v).unwrap_or(0),
        _ => return Err(vm.type_error("strerror() argument must be an int")),
    };
    let text = std::io::Error::from_raw_os_error(code as i32).to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    Ok(vm.new_string(text))
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

/// `os.mkdir(path)`.
fn l_mkdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path = str_arg(vm, a, 0, "mkdir")?;
    match std::fs::create_dir(&path) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}

/// `os.rmdir(path)`.
fn l_rmdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path = str_arg(vm, a, 0, "rmdir")?;
    match std::fs::remove_dir(&path) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_error(vm, &e, &path)),
    }
}

/// `os.rename(src, dst)` / `os.replace`.
fn l_rename(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let src = str_arg(vm, a, 0, "rename")?;
    let dst = str_arg(vm, a, 1, "rename")?;
    match std::fs::rename(&src, &dst) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => {
            let exc = os_error(vm, &e, &src);
            let k = vm.intern("filename2");
            let d = vm.new_str(&dst);
            if let Some(ObjData::Instance(i)) = exc.data() {
                i.set(&k, d);
            }
            Err(exc)
        }
    }
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

/// `os.stat(path)` / `os.lstat(path)` (second argument false): the fields of
/// `stat_result` as a tuple (mode, ino, dev, nlink, uid, gid, size, then seconds and
/// nanoseconds of atime, mtime and ctime); `os.py` builds the `stat_result`.
fn l_stat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::os::unix::fs::MetadataExt;
    let p = str_arg(vm, a, 0, "stat")?;
    let follow = a.pos.get(1).and_then(crate::ops::as_i64).unwrap_or(1) != 0;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let m = md.map_err(|e| os_error(vm, &e, &p))?;
    let fields = [
        m.mode() as i64,
        m.ino() as i64,
        m.dev() as i64,
        m.nlink() as i64,
        m.uid() as i64,
        m.gid() as i64,
        m.size() as i64,
        m.atime(),
        m.atime_nsec(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec(),
    ];
    let items = fields.iter().map(|&f| vm.new_int(f)).collect();
    Ok(vm.new_tuple(items))
}

/// `os.readlink(path)`.
fn l_readlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = str_arg(vm, a, 0, "readlink")?;
    match std::fs::read_link(&p) {
        Ok(t) => Ok(vm.new_string(t.to_string_lossy().to_string())),
        Err(e) => Err(os_error(vm, &e, &p)),
    }
}

/// `os.symlink(src, dst)` (second argument false) and `os.link(src, dst)` (true).
fn l_link(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let src = str_arg(vm, a, 0, "link")?;
    let dst = str_arg(vm, a, 1, "link")?;
    let hard = a.pos.get(2).and_then(crate::ops::as_i64).unwrap_or(0) != 0;
    let r = if hard {
        std::fs::hard_link(&src, &dst)
    } else {
        std::os::unix::fs::symlink(&src, &dst)
    };
    r.map(|()| Value::NONE).map_err(|e| {
        let exc = os_error(vm, &e, &src);
        let k = vm.intern("filename2");
        let d = vm.new_str(&dst);
        if let Some(ObjData::Instance(i)) = exc.data() {
            i.set(&k, d);
        }
        exc
    })
}

/// `os.chmod(path, mode)`.
fn l_chmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::os::unix::fs::PermissionsExt;
    let p = str_arg(vm, a, 0, "chmod")?;
    let mode = a.pos.get(1).and_then(crate::ops::as_i64).unwrap_or(0o644);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode as u32))
        .map(|()| Value::NONE)
        .map_err(|e| os_error(vm, &e, &p))
}

/// `os.utime(path)` / `os.utime(path, ns=(atime_ns, mtime_ns))`: arguments 1 and 2
/// are the times in nanoseconds, absent for now.
fn l_utime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    let p = str_arg(vm, a, 0, "utime")?;
    let at = |i: usize| {
        a.pos.get(i).and_then(crate::ops::as_i64).map(|ns| {
            if ns >= 0 {
                UNIX_EPOCH + Duration::from_nanos(ns as u64)
            } else {
                UNIX_EPOCH - Duration::from_nanos(ns.unsigned_abs())
            }
        })
    };
    let now = SystemTime::now();
    let times = std::fs::FileTimes::new()
        .set_accessed(at(1).unwrap_or(now))
        .set_modified(at(2).unwrap_or(now));
    std::fs::File::options()
        .write(true)
        .open(&p)
        .or_else(|_| std::fs::File::open(&p))
        .and_then(|f| f.set_times(times))
        .map(|()| Value::NONE)
        .map_err(|e| os_error(vm, &e, &p))
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

/// `os.putenv(name, value)` (and assigning `os.environ[name]`).
fn l_putenv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = str_arg(vm, a, 0, "putenv")?;
    let v = str_arg(vm, a, 1, "putenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.contains('\0') || v.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(Value::NONE)
}

/// `os.unsetenv(name)` (and deleting `os.environ[name]`).
fn l_unsetenv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = str_arg(vm, a, 0, "unsetenv")?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::remove_var(k);
    Ok(Value::NONE)
}

/// `os._exit(status)`: end the process now (no finally blocks, no finalizers);
/// what the program printed is written first.
fn l_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let code = match a.pos.first() {
        Some(v) if crate::ops::is_int(v) => crate::ops::as_i64(v).unwrap_or(1),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )));
        }
        None => return Err(vm.type_error("_exit() missing required argument 'status' (pos 1)")),
    };
    vm.flush();
    // A background compile still running would outlive the process (holding its
    // stderr open): stopped.
    vm.abandon_compiles();
    std::process::exit(code as i32)
}

fn l_getpid(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.new_int(std::process::id() as i64))
}

/// `os.get_terminal_size(fd)`: (columns, lines) of the terminal on `fd` (default
/// 1), OSError when it is not a terminal.
fn l_terminal_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fd = a.pos.first().and_then(crate::ops::as_i64).unwrap_or(1);
    let fd = i32::try_from(fd).unwrap_or(-1);
    // SAFETY: TIOCGWINSZ writes one `winsize` into the zeroed struct we own; a failing
    // call (not a terminal, bad descriptor) leaves it untouched.
    let (r, ws) = unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        let r = libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws);
        (r, ws)
    };
    if r != 0 {
        let e = std::io::Error::last_os_error();
        return Err(os_error_nofile(vm, &e));
    }
    let items = vec![vm.new_int(ws.ws_col as i64), vm.new_int(ws.ws_row as i64)];
    Ok(vm.new_tuple(items))
}

/// An OSError without a file name (`[Errno 25] Inappropriate ioctl for device`).
pub(crate) fn os_error_nofile(vm: &mut Vm, e: &std::io::Error) -> Value {
    let errno = e.raw_os_error().unwrap_or(5);
    let s = e.to_string();
    let msg = s.split(" (os error").next().unwrap_or(&s).to_string();
    let cls = vm.exc_type("OSError");
    let args = vec![vm.new_int(errno as i64), vm.new_string(msg)];
    // The subclass for the errno (BrokenPipeError for EPIPE), as OSError(...) gives.
    let cls = vm.os_error_subclass(&cls, &args).unwrap_or(cls);
    vm.new_exc(&cls, args)
}

/// `os.access(path, mode)`.
fn l_access(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = str_arg(vm, a, 0, "access")?;
    let mode = a.pos.get(1).and_then(crate::ops::as_i64).unwrap_or(0);
    let Ok(c) = std::ffi::CString::new(p) else {
        return Err(vm.value_error("access: embedded null character in path"));
    };
    // SAFETY: `c` is a valid NUL-terminated string for the duration of the call.
    let r = unsafe { libc::access(c.as_ptr(), mode as libc::c_int) };
    Ok(Value::bool(r == 0))
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

/// `os.urandom(n)`: n bytes from the kernel's random source.
fn l_urandom(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = a.pos.first().and_then(crate::ops::as_i64).unwrap_or(0);
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .map_err(|e| os_error_nofile(vm, &e))?;
    Ok(crate::builtins::bytes_methods::new_bytes(buf))
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

// ---- the match statement's pattern helpers (see codegen's `match_stmt`) ----

/// A class defined by one of the library modules (`collections.deque`, ...).
fn is_lib_class(vm: &mut Vm, v: &Value, module: &str, names: &[&str]) -> bool {
    let cls = vm.type_of(v);
    let Some(t) = crate::types::type_obj(&cls) else {
        return false;
    };
    let mro = t.mro.borrow().clone();
    for c in mro.iter() {
        if let Some(ct) = crate::types::type_obj(c) {
            let n = ct.name.borrow().clone();
            if names.contains(&&*n) && &*vm.class_module(ct) == module {
                return true;
            }
        }
    }
    false
}

/// `match_sequence(subject, before, after, star)`: None unless the subject is a
/// sequence (list, tuple, range, deque and their subclasses; not str/bytes) of a
/// fitting length; else a tuple of `before` items, [a list of the middle when
/// `star`], `after` items.
fn l_match_sequence(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let subj = a.pos[0].clone();
    let before = crate::ops::as_i64(&a.pos[1]).unwrap_or(0) as usize;
    let after = crate::ops::as_i64(&a.pos[2]).unwrap_or(0) as usize;
    let star = a.pos[3].is_true_const();
    let (list, tuple, range) = (vm.t.list.clone(), vm.t.tuple.clone(), vm.t.range.clone());
    let is_seq = vm.isinstance(&subj, &list)
        || vm.isinstance(&subj, &tuple)
        || vm.isinstance(&subj, &range)
        || is_lib_class(vm, &subj, "collections", &["deque", "UserList"]);
    if !is_seq {
        return Ok(Value::NONE);
    }
    let n = vm.len(&subj)?;
    if (star && n < before + after) || (!star && n != before) {
        return Ok(Value::NONE);
    }
    let items = vm.collect(&subj)?;
    if items.len() != n {
        return Ok(Value::NONE);
    }
    let mut out: Vec<Value> = items[..before].to_vec();
    if star {
        let mid = vm.new_list(items[before..n - after].to_vec());
        out.push(mid);
        out.extend_from_slice(&items[n - after..]);
    }
    Ok(vm.new_tuple(out))
}

/// `match_mapping(subject, keys, rest)`: None unless the subject is a mapping with
/// every key; else a tuple of the values [and a dict of the other items].
fn l_match_mapping(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let subj = a.pos[0].clone();
    let keys = vm.collect(&a.pos[1])?;
    let want_rest = a.pos[2].is_true_const();
    let dict = vm.t.dict.clone();
    let is_map = vm.isinstance(&subj, &dict)
        || is_lib_class(vm, &subj, "collections", &["ChainMap", "UserDict"]);
    if !is_map {
        return Ok(Value::NONE);
    }
    if vm.len(&subj)? < keys.len() {
        return Ok(Value::NONE);
    }
    for (i, k) in keys.iter().enumerate() {
        for earlier in &keys[..i] {
            if vm.eq(earlier, k)? {
                let r = vm.repr(k)?;
                return Err(vm.value_error(&format!("mapping pattern checks duplicate key ({r})")));
            }
        }
    }
    // subject.get(key, <sentinel>), so a defaultdict does not grow.
    let get_name = vm.intern("get");
    let get = vm.getattr(&subj, &get_name)?;
    let object = vm.t.object.clone();
    let sentinel = vm.new_instance(&object);
    let mut out = Vec::with_capacity(keys.len() + 1);
    for k in keys.iter() {
        let v = vm.call(&get, vec![k.clone(), sentinel.clone()])?;
        if v.is(&sentinel) {
            return Ok(Value::NONE);
        }
        out.push(v);
    }
    if want_rest {
        let rest = vm.new_dict();
        for k in vm.collect(&subj)? {
            let mut taken = false;
            for used in keys.iter() {
                if vm.eq(used, &k)? {
                    taken = true;
                    break;
                }
            }
            if !taken {
                let v = vm.getitem(&subj, &k)?;
                vm.setitem(&rest, &k, v)?;
            }
        }
        out.push(rest);
    }
    Ok(vm.new_tuple(out))
}

/// `match_class(subject, cls, npos, kwnames)`: None unless `isinstance(subject,
/// cls)` and every attribute exists; else a tuple of the positional attributes
/// (through `__match_args__`) then the keyword ones.
fn l_match_class(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (subj, cls) = (a.pos[0].clone(), a.pos[1].clone());
    let npos = crate::ops::as_i64(&a.pos[2]).unwrap_or(0) as usize;
    let kwnames = vm.collect(&a.pos[3])?;
    let Some(t) = crate::types::type_obj(&cls) else {
        return Err(vm.type_error("called match pattern must be a type"));
    };
    let cname = t.name.borrow().to_string();
    if !vm.isinstance(&subj, &cls) {
        return Ok(Value::NONE);
    }
    let mut names: Vec<Value> = Vec::new();
    let mut out: Vec<Value> = Vec::new();
    let mut match_self = false;
    if npos > 0 {
        let k = vm.intern("__match_args__");
        match vm.getattr_opt(&cls, &k)? {
            Some(ma) => {
                let Some(ObjData::Tuple(items)) = ma.data() else {
                    let tn = vm.type_name(&ma);
                    return Err(vm.type_error(&format!(
                        "{cname}.__match_args__ must be a tuple (got {tn})"
                    )));
                };
                if npos > items.len() {
                    let n = items.len();
                    return Err(vm.type_error(&format!(
                        "{cname}() accepts {n} positional sub-pattern{} ({npos} given)",
                        if n == 1 { "" } else { "s" }
                    )));
                }
                for it in items[..npos].iter() {
                    if !matches!(it.data(), Some(ObjData::Str(_))) {
                        let tn = vm.type_name(it);
                        return Err(vm.type_error(&format!(
                            "__match_args__ elements must be strings (got {tn})"
                        )));
                    }
                    names.push(it.clone());
                }
            }
            None => {
                // bool, bytearray, bytes, dict, float, frozenset, int, list, set, str
                // and tuple (and their subclasses) match themselves positionally.
                let self_types = [
                    "bool",
                    "bytearray",
                    "bytes",
                    "dict",
                    "float",
                    "frozenset",
                    "int",
                    "list",
                    "set",
                    "str",
                    "tuple",
                ];
                let mro = t.mro.borrow().clone();
                let builtin_self = mro.iter().any(|c| {
                    crate::types::type_obj(c)
                        .is_some_and(|ct| ct.builtin && self_types.contains(&&**ct.name.borrow()))
                });
                if !builtin_self || npos > 1 {
                    let n = builtin_self as usize;
                    return Err(vm.type_error(&format!(
                        "{cname}() accepts {n} positional sub-pattern{} ({npos} given)",
                        if n == 1 { "" } else { "s" }
                    )));
                }
                match_self = true;
                out.push(subj.clone());
            }
        }
    }
    names.extend(kwnames);
    for (i, n) in names.iter().enumerate() {
        for earlier in &names[..i] {
            if vm.eq(earlier, n)? {
                let r = vm.repr(n)?;
                return Err(vm.type_error(&format!(
                    "{cname}() got multiple sub-patterns for attribute {r}"
                )));
            }
        }
    }
    let _ = match_self;
    for n in names.iter() {
        match vm.getattr(&subj, n) {
            Ok(v) => out.push(v),
            Err(e) => {
                let ae = vm.t.exc["AttributeError"].clone();
                if vm.isinstance(&e, &ae) {
                    return Ok(Value::NONE);
                }
                return Err(e);
            }
        }
    }
    Ok(vm.new_tuple(out))
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
            ("weakref_new", crate::weak::l_weakref_new),
            ("weakref_make", crate::weak::l_weakref_make),
            ("weakref_init", crate::weak::l_weakref_init),
            ("weakref_set_type", crate::weak::l_weakref_set_type),
            ("weakref_get", crate::weak::l_weakref_get),
            ("weakref_callback", crate::weak::l_weakref_callback),
            ("weakref_refs", crate::weak::l_weakref_refs),
            ("weakref_weakrefable", crate::weak::l_weakref_weakrefable),
            ("getcwd", l_getcwd),
            ("chdir", l_chdir),
            ("cpu_count", l_cpu_count),
            ("strerror", l_strerror),
            ("listdir", l_listdir),
            ("exists", l_exists),
            ("isfile", l_isfile),
            ("isdir", l_isdir),
            ("getsize", l_getsize),
            ("environ_items", l_environ),
            ("putenv", l_putenv),
            ("unsetenv", l_unsetenv),
            ("getpid", l_getpid),
            ("exit", l_exit),
            ("stat", l_stat),
            ("readlink", l_readlink),
            ("link", l_link),
            ("chmod", l_chmod),
            ("utime", l_utime),
            ("terminal_size", l_terminal_size),
            ("access", l_access),
            ("urandom", l_urandom),
            ("proc_spawn", process_native::spawn),
            ("proc_write", process_native::write),
            ("proc_close_stdin", process_native::close_stdin),
            ("proc_read", process_native::read),
            ("proc_readline", process_native::readline),
            ("proc_wait", process_native::wait),
            ("proc_poll", process_native::poll),
            ("proc_signal", process_native::signal),
            ("proc_communicate", process_native::communicate),
            ("proc_release", process_native::release),
            ("urandom_int", l_urandom_int),
            ("format_exception", l_format_exception),
            ("format_tb_entry", l_format_tb_entry),
            ("exec_single", crate::builtins::l_exec_single),
            ("mt_seed", crate::mt::mt_seed),
            ("mt_genrand", crate::mt::mt_genrand),
            ("mt_random", crate::mt::mt_random),
            ("mt_getrandbits", crate::mt::mt_getrandbits),
            ("mt_randbelow", crate::mt::mt_randbelow),
            ("match_sequence", l_match_sequence),
            ("match_mapping", l_match_mapping),
            ("match_class", l_match_class),
            ("star_match", crate::excgroup::l_star_match),
            ("prep_reraise_star", crate::excgroup::l_prep_reraise_star),
            ("exc_copy_meta", crate::excgroup::l_copy_meta),
            ("mkdir", l_mkdir),
            ("rmdir", l_rmdir),
            ("rename", l_rename),
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
            ("file_fd", file_native::fd),
            ("remove", file_native::remove),
            ("decode", crate::builtins::bytes_methods::l_decode),
            ("struct_calcsize", struct_native::calcsize),
            ("struct_pack", struct_native::pack),
            ("struct_unpack", struct_native::unpack),
            ("struct_iter_unpack", struct_native::iter_unpack),
            ("re_compile", re_native::re_compile),
            ("re_match", re_native::re_match),
            ("re_exec", re_native::re_exec),
            ("re_scan", re_native::re_scan),
            ("re_stack_limit", re_native::re_stack_limit),
            ("re_group", re_native::re_group),
            ("re_groups", re_native::re_groups),
            ("re_expand", re_native::re_expand),
            ("re_join", re_native::re_join),
            ("re_split", re_native::re_split),
            ("deque_setup", crate::deque::l_deque_setup),
            ("count_elements", crate::deque::l_count_elements),
            ("deque_cmp", crate::deque::l_deque_cmp),
            ("type_dict_get", crate::mappingproxy::l_type_dict_get),
            ("type_dict_len", crate::mappingproxy::l_type_dict_len),
            ("type_dict_copy", crate::mappingproxy::l_type_dict_copy),
        ],
    );
    crate::builtins::json_native::install(vm, &m);
    let sep = vm.new_str("/");
    module_set(vm, &m, "sep", sep);
    m
}
