//! Modules: the import system (`.py` files on `sys.path`, packages) and the built-in
//! modules `sys`, `math` and `time`.

use crate::object::{ModuleObj, ObjData};
use crate::ops::{as_bigint, as_f64, as_i64, is_int};
use crate::{Args, PyResult, Value, Vm};
use std::rc::Rc;

pub(crate) fn new_module(vm: &mut Vm, name: &str) -> Value {
    let d = vm.new_dict();
    if let Some(ObjData::Dict(dd)) = d.data() {
        let k = vm.intern("__name__");
        let v = vm.new_str(name);
        let _ = vm.table_set(dd, k, v);
        // Replaced by the module's docstring when it has one.
        let k = vm.intern("__doc__");
        let _ = vm.table_set(dd, k, Value::NONE);
    }
    Value::new_obj(ObjData::Module(Box::new(ModuleObj {
        name: Rc::from(name),
        dict: d,
    })))
}

pub(crate) fn module_set(vm: &mut Vm, m: &Value, name: &str, v: Value) {
    if let Some(ObjData::Module(mo)) = m.data() {
        if let Some(ObjData::Dict(d)) = mo.dict.data() {
            let k = vm.intern(name);
            let _ = vm.table_set(d, k, v);
        }
    }
}

pub(crate) fn add_fns(
    vm: &mut Vm,
    m: &Value,
    owner: &'static str,
    fns: &[(&'static str, crate::object::NativeFn)],
) {
    for (n, f) in fns {
        let v = vm.new_native(n, owner, *f);
        module_set(vm, m, n, v);
    }
}

fn cached(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.new_str(name);
    let mods = vm.modules.clone();
    match mods.data() {
        Some(ObjData::Dict(d)) => vm.table_get(d, &k).ok().flatten(),
        _ => None,
    }
}

fn cache(vm: &mut Vm, name: &str, m: &Value) {
    let k = vm.new_str(name);
    let mods = vm.modules.clone();
    if let Some(ObjData::Dict(d)) = mods.data() {
        let _ = vm.table_set(d, k, m.clone());
    }
}

/// `import name` (level & 0x8000: return the leaf module rather than the top package;
/// low bits: relative import level).
pub fn import(vm: &mut Vm, name: &Value, level: u16, globals: &Value) -> PyResult<Value> {
    let name = vm.str(name)?;
    let rel = (level & 0x7fff) as usize;
    let want_leaf = level & 0x8000 != 0;
    let full = if rel > 0 {
        let pkg = package_of(vm, globals)?;
        let parts: Vec<&str> = pkg.split('.').filter(|s| !s.is_empty()).collect();
        if parts.is_empty() {
            return Err(vm.new_error(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        if parts.len() < rel {
            return Err(vm.new_error(
                "ImportError",
                "attempted relative import beyond top-level package",
            ));
        }
        let base = parts[..parts.len() + 1 - rel].join(".");
        if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        }
    } else {
        name.clone()
    };
    let mut top = None;
    let mut cur = String::new();
    let mut last = Value::NONE;
    for part in full.split('.') {
        if !cur.is_empty() {
            cur.push('.');
        }
        cur.push_str(part);
        let m = load(vm, &cur, &last)?;
        if !last.is_none() {
            let p = vm.intern(part);
            vm.setattr(&last, &p, m.clone())?;
        }
        if top.is_none() {
            top = Some(m.clone());
        }
        last = m;
    }
    Ok(if want_leaf { last } else { top.unwrap_or(last) })
}

fn package_of(vm: &mut Vm, globals: &Value) -> PyResult<String> {
    if let Some(ObjData::Dict(d)) = globals.data() {
        let k = vm.intern("__package__");
        if let Some(p) = vm.table_get(d, &k)? {
            if !p.is_none() {
                return vm.str(&p);
            }
        }
    }
    Ok(String::new())
}

fn load(vm: &mut Vm, full: &str, parent: &Value) -> PyResult<Value> {
    if let Some(m) = cached(vm, full) {
        return Ok(m);
    }
    if let Some(m) = builtin_module(vm, full) {
        cache(vm, full, &m);
        return Ok(m);
    }
    // Search: the parent package's directory, else sys.path.
    let dirs: Vec<String> = match parent.data() {
        Some(ObjData::Module(_)) => {
            let k = vm.intern("__path__");
            match vm.getattr_opt(parent, &k)? {
                Some(p) => vm
                    .collect(&p)?
                    .iter()
                    .filter_map(|v| vm.str(v).ok())
                    .collect(),
                None => vec![],
            }
        }
        _ => search_path(vm)?,
    };
    let leaf = full.rsplit('.').next().unwrap_or(full);
    // Directories without `__init__.py`: portions of a namespace package, used only
    // when no regular package or module of that name is found.
    let mut portions = Vec::new();
    for d in dirs {
        let base = std::path::Path::new(&d);
        let pkg_init = base.join(leaf).join("__init__.py");
        let file = base.join(format!("{leaf}.py"));
        let (path, is_pkg) = if pkg_init.is_file() {
            (pkg_init, true)
        } else if file.is_file() {
            (file, false)
        } else {
            if base.join(leaf).is_dir() {
                portions.push(base.join(leaf).to_string_lossy().into_owned());
            }
            continue;
        };
        return exec_file(vm, full, &path, is_pkg);
    }
    if let Some(text) = crate::stdlib::source(full) {
        let label = format!("<lethe>/{}.py", full.replace('.', "/"));
        return exec_source(vm, full, &label, text.to_string(), false);
    }
    if embedded_package_part(vm, full, parent)? {
        return Err(vm.unsupported(&format!("standard library module '{full}'")));
    }
    if let Some(ObjData::Module(pm)) = parent.data() {
        let k = vm.intern("__path__");
        if vm.getattr_opt(parent, &k)?.is_none() {
            // Submodules of CPython packages that lethe provides as one module.
            const MISSING_SUBMODULES: &[&str] = &[
                "json.decoder",
                "json.encoder",
                "logging.handlers",
                "logging.config",
                "importlib.util",
                "importlib.machinery",
                "importlib.metadata",
                "importlib.resources",
            ];
            if MISSING_SUBMODULES.contains(&full) {
                return Err(vm.unsupported(&format!("standard library module '{full}'")));
            }
            let msg = format!("No module named '{full}'; '{}' is not a package", pm.name);
            return Err(vm.import_error("ModuleNotFoundError", &msg, full, None));
        }
    }
    let top = full.split('.').next().unwrap_or(full);
    let provided = matches!(top, "sys" | "math" | "cmath" | "time" | "gc" | "builtins")
        || crate::stdlib::provides(top);
    if STDLIB.contains(&top) && !provided {
        return Err(vm.unsupported(&format!("standard library module '{full}'")));
    }
    if !portions.is_empty() {
        let m = new_module(vm, full);
        module_set(vm, &m, "__file__", Value::NONE);
        let pv = vm.new_str(full);
        module_set(vm, &m, "__package__", pv);
        let dirs: Vec<Value> = portions.iter().map(|p| vm.new_str(p)).collect();
        let l = vm.new_list(dirs);
        module_set(vm, &m, "__path__", l);
        cache(vm, full, &m);
        return Ok(m);
    }
    Err(vm.import_error(
        "ModuleNotFoundError",
        &format!("No module named '{full}'"),
        full,
        None,
    ))
}

/// The directories `import` searches: `sys.path` as the program sees it (a real list
/// it may change), or the initial path while `sys` has not been imported. Entries that
/// are not strings are skipped; `''` is the current directory.
fn search_path(vm: &mut Vm) -> PyResult<Vec<String>> {
    let Some(sys) = cached(vm, "sys") else {
        return Ok(vm.path.iter().map(|p| dir_entry(p)).collect());
    };
    let k = vm.intern("path");
    let Some(list) = vm.getattr_opt(&sys, &k)? else {
        return Ok(vec![]);
    };
    let items = vm.collect(&list)?;
    Ok(items
        .iter()
        .filter_map(|v| match v.data() {
            Some(ObjData::Str(so)) => Some(dir_entry(&so.s)),
            _ => None,
        })
        .collect())
}

/// A `sys.path` entry as a directory to look in (`''` means the current directory,
/// spelled absolutely so `__file__` is absolute, as CPython's finder does).
fn dir_entry(p: &str) -> String {
    if p.is_empty() {
        std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| ".".into())
    } else {
        p.to_string()
    }
}

fn exec_file(vm: &mut Vm, name: &str, path: &std::path::Path, is_pkg: bool) -> PyResult<Value> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return Err(vm.new_error("ImportError", &format!("{}: {e}", path.display()))),
    };
    let pstr = path.to_string_lossy().to_string();
    exec_source(vm, name, &pstr, text, is_pkg)
}

/// Run a module's source (a file, or a library module embedded in the binary) as the
/// module `name`, registered in `sys.modules` first (circular imports see it).
fn exec_source(vm: &mut Vm, name: &str, pstr: &str, text: String, is_pkg: bool) -> PyResult<Value> {
    let path = std::path::Path::new(pstr);
    let m = new_module(vm, name);
    let f = vm.new_str(pstr);
    module_set(vm, &m, "__file__", f);
    let pkg = if is_pkg {
        name.to_string()
    } else {
        name.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    let pv = vm.new_str(&pkg);
    module_set(vm, &m, "__package__", pv);
    if is_pkg {
        let dir = path
            .parent()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default();
        let dv = vm.new_str(&dir);
        let l = vm.new_list(vec![dv]);
        module_set(vm, &m, "__path__", l);
    }
    cache(vm, name, &m);
    let source = lethe_compiler::Source::new(pstr, text);
    let code = match lethe_compiler::compile_module(&source) {
        Ok(c) => c,
        Err(e) => return Err(vm.compile_error(&e)),
    };
    let co = crate::interp::make_code_obj(vm, code, None);
    let globals = match m.data() {
        Some(ObjData::Module(mo)) => mo.dict.clone(),
        _ => Value::NONE,
    };
    INITIALIZING.with(|i| i.borrow_mut().push(Rc::from(name)));
    let r = vm.run_code(co, globals, Value::UNBOUND, Value::NONE);
    INITIALIZING.with(|i| i.borrow_mut().pop());
    if let Err(e) = r {
        let k = vm.new_str(name);
        let mods = vm.modules.clone();
        if let Some(ObjData::Dict(d)) = mods.data() {
            let _ = vm.table_del(d, &k);
        }
        return Err(e);
    }
    Ok(m)
}

/// `from package import name` when `name` is not an attribute: import the submodule
/// `package.name`. When there is none, the error is CPython's `ImportError: cannot
/// import name …` (naming a module that is still running its body as partially
/// initialized: a circular import).
pub fn import_submodule(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(ObjData::Module(m)) = module.data() else {
        return Ok(None);
    };
    let n = vm.str(name)?;
    let mname = m.name.clone();
    let full = format!("{mname}.{n}");
    let k = vm.intern("__path__");
    // A package, or a module lethe provides whose CPython counterpart is a package
    // (`from unittest import mock`).
    if vm.getattr_opt(module, &k)?.is_some() || crate::stdlib::source(&full).is_some() {
        match load(vm, &full, module) {
            Ok(v) => {
                // Bind the submodule on its package, as `import package.name` does.
                vm.setattr(module, name, v.clone())?;
                return Ok(Some(v));
            }
            Err(e) if vm.isinstance(&e, &vm.exc_type("ModuleNotFoundError")) => {
                let msg = vm.exc_str(&e).unwrap_or_default();
                if !msg.starts_with(&format!("No module named '{full}'")) {
                    return Err(e);
                }
            }
            Err(e) => return Err(e),
        }
    }
    let k = vm.intern("__file__");
    let path = match vm.getattr_opt(module, &k)? {
        Some(f) if !f.is_none() => Some(vm.str(&f)?),
        _ => None,
    };
    let file = path
        .clone()
        .unwrap_or_else(|| "unknown location".to_string());
    let msg = if initializing(&mname) {
        format!(
            "cannot import name '{n}' from partially initialized module '{mname}' \
             (most likely due to a circular import) ({file})"
        )
    } else {
        format!("cannot import name '{n}' from '{mname}' ({file})")
    };
    Err(vm.import_error("ImportError", &msg, &mname, path.as_deref()))
}

/// Whether the module `name` is running its body (imported, not finished).
pub(crate) fn initializing(name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|x| **x == *name))
}

thread_local! {
    /// Modules whose body is running (for the circular-import wording of errors).
    static INITIALIZING: std::cell::RefCell<Vec<Rc<str>>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub fn import_star(vm: &mut Vm, module: &Value, globals: &Value) -> PyResult<()> {
    let Some(ObjData::Module(m)) = module.data() else {
        return Ok(());
    };
    // `__all__` names exactly what is exported (submodules of a package included).
    let k = vm.intern("__all__");
    if let Some(all) = vm.getattr_opt(module, &k)? {
        let names = vm.collect(&all)?;
        for n in names {
            let v = match vm.getattr_opt(module, &n)? {
                Some(v) => v,
                None => match import_submodule(vm, module, &n) {
                    Ok(Some(v)) => v,
                    Ok(None) | Err(_) => {
                        let ns = vm.str(&n)?;
                        let msg = format!("module '{}' has no attribute '{ns}'", m.name);
                        return Err(vm.attribute_error(&msg));
                    }
                },
            };
            if let Some(ObjData::Dict(g)) = globals.data() {
                vm.table_set(g, n, v)?;
            }
        }
        return Ok(());
    }
    let items: Vec<(Value, Value)> = match m.dict.data() {
        Some(ObjData::Dict(d)) => d
            .borrow()
            .iter()
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect(),
        _ => vec![],
    };
    if let Some(ObjData::Dict(g)) = globals.data() {
        for (k, v) in items {
            let s = vm.str(&k)?;
            if !s.starts_with('_') {
                vm.table_set(g, k, v)?;
            }
        }
    }
    Ok(())
}

/// Packages of CPython 3.11's standard library that lethe provides as one embedded
/// module: their other submodules (`json.decoder`, `html.parser`) are unsupported,
/// not missing.
const EMBEDDED_PACKAGES: &[&str] = &["collections", "html", "json", "logging"];

/// Is `full` a submodule of one of `EMBEDDED_PACKAGES`, whose parent is lethe's
/// embedded module (not a package of the program's that shadows it)?
fn embedded_package_part(vm: &mut Vm, full: &str, parent: &Value) -> PyResult<bool> {
    let Some((head, _)) = full.rsplit_once('.') else {
        return Ok(false);
    };
    if !EMBEDDED_PACKAGES.contains(&head) {
        return Ok(false);
    }
    let k = vm.intern("__file__");
    Ok(match vm.getattr_opt(parent, &k)? {
        Some(f) => matches!(f.data(), Some(ObjData::Str(s)) if s.s.starts_with("<lethe>/")),
        None => false,
    })
}

/// Top-level modules of CPython 3.11's standard library (`sys.stdlib_module_names`,
/// generated with CPython): importing one lethe does not provide is reported as
/// unsupported rather than as a missing module.
const STDLIB: &[&str] = &[
    "abc",
    "aifc",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asynchat",
    "asyncio",
    "asyncore",
    "atexit",
    "audioop",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cgi",
    "cgitb",
    "chunk",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "crypt",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "distutils",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "imghdr",
    "imp",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "lib2to3",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "mailcap",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msilib",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nis",
    "nntplib",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "ossaudiodev",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pipes",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtpd",
    "smtplib",
    "sndhdr",
    "socket",
    "socketserver",
    "spwd",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "sunau",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "telnetlib",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uu",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xdrlib",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

fn builtin_module(vm: &mut Vm, name: &str) -> Option<Value> {
    match name {
        "sys" => Some(make_sys(vm)),
        "math" => Some(make_math(vm)),
        "cmath" => Some(crate::complex::make_cmath(vm)),
        "time" => Some(make_time(vm)),
        "gc" => Some(make_gc(vm)),
        "lethe" => Some(make_lethe(vm)),
        "builtins" => Some(make_builtins(vm)),
        _ => crate::stdlib::native_module(vm, name),
    }
}

/// `builtins`: a module over the interpreter's builtins table itself (so that
/// assigning `builtins.x` changes what every module sees, as in CPython).
fn make_builtins(vm: &mut Vm) -> Value {
    let d = vm.builtins.clone();
    if let Some(ObjData::Dict(dd)) = d.data() {
        for (k, v) in [
            ("__name__", "builtins"),
            (
                "__doc__",
                "Built-in functions, types, exceptions, and other objects.",
            ),
        ] {
            let k = vm.intern(k);
            if matches!(vm.table_get(dd, &k), Ok(None)) {
                let v = vm.new_str(v);
                let _ = vm.table_set(dd, k, v);
            }
        }
    }
    Value::new_obj(ObjData::Module(Box::new(ModuleObj {
        name: Rc::from("builtins"),
        dict: d,
    })))
}

// ---------------------------------------------------------------- sys

fn sys_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = vm.exc_type("SystemExit");
    let e = vm.new_exc(&cls, a.pos.clone());
    Err(e)
}
/// `sys.displayhook(value)`: what the interactive interpreter calls with the value of
/// each expression statement: prints its repr unless it is None, and keeps it in
/// `builtins._`.
fn sys_displayhook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        return Err(vm.type_error(&format!(
            "displayhook() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    let v = a.pos[0].clone();
    if v.is_none() {
        return Ok(Value::NONE);
    }
    let builtins = vm.builtins.clone();
    let k = vm.intern("_");
    if let Some(ObjData::Dict(d)) = builtins.data() {
        vm.table_set(d, k.clone(), Value::NONE)?;
    }
    let r = vm.repr(&v)?;
    match redirected_stdout(vm) {
        // Through a replaced sys.stdout, as CPython's displayhook writes.
        Some(out) => {
            let w = vm.intern("write");
            let write = vm.getattr(&out, &w)?;
            let text = vm.new_string(format!("{r}\n"));
            vm.call(&write, vec![text])?;
        }
        None => {
            vm.write_stdout(format!("{r}\n").as_bytes())?;
        }
    }
    if let Some(ObjData::Dict(d)) = builtins.data() {
        vm.table_set(d, k, v)?;
    }
    Ok(Value::NONE)
}
/// `sys._getframe([depth])`: a snapshot of the caller's frame (or one below).
fn sys_getframe(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error(&format!(
            "_getframe expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    let depth = match a.pos.first() {
        None => 0,
        Some(v) => match as_i64(v) {
            Some(d) => d.max(0) as usize,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        },
    };
    vm.stack_frame(depth)
}
fn sys_getrecursionlimit(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.new_int(vm.opts.recursion_limit as i64))
}
fn sys_setrecursionlimit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(n) = a.pos.first().and_then(as_i64) else {
        return Err(vm.type_error("an integer is required"));
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.opts.recursion_limit = n as usize;
    Ok(Value::NONE)
}
/// `sys.exc_info()`: (type, value, traceback) of the exception being handled.
fn sys_exc_info(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    match vm.current_exception() {
        Some(e) => {
            let t = vm.type_of(&e);
            let tb = vm.traceback_object(&e);
            Ok(vm.new_tuple(vec![t, e, tb]))
        }
        None => Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE])),
    }
}
/// `sys.exception()` (3.11): the exception being handled, or None.
fn sys_exception(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.current_exception().unwrap_or(Value::NONE))
}
fn sys_intern(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        let n = a.pos.len() + a.kw.len();
        return Err(vm.type_error(&format!(
            "sys.intern() takes exactly one argument ({n} given)"
        )));
    }
    let v = a.pos[0].clone();
    if !matches!(v.data(), Some(ObjData::Str(_))) {
        let tn = vm.type_name(&v);
        return Err(vm.type_error(&format!("intern() argument must be str, not {tn}")));
    }
    Ok(v)
}
/// `sys.is_finalizing()`: the program's code never runs during finalisation here.
fn sys_is_finalizing(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}
/// `sys.implementation` (made on first use): lethe's name, no bytecode cache tag,
/// the language version it implements.
pub(crate) fn make_implementation(vm: &mut Vm, sys: &Value) -> PyResult<Value> {
    let name = vm.new_str("types");
    let globals = vm.new_dict();
    let m = import(vm, &name, 0, &globals)?;
    let k = vm.intern("SimpleNamespace");
    let ns = vm.getattr(&m, &k)?;
    let mut kw = Vec::new();
    kw.push((Rc::from("name"), vm.new_str("lethe")));
    kw.push((Rc::from("cache_tag"), Value::NONE));
    for key in ["version_info", "hexversion"] {
        let k = vm.intern(key);
        let v = vm.getattr(sys, &k)?;
        let field = if key == "version_info" {
            "version"
        } else {
            key
        };
        kw.push((Rc::from(field), v));
    }
    vm.call_kw(&ns, vec![], kw)
}

fn out_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(s) = a.pos.first() else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(ObjData::Str(so)) = s.data() else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
    };
    let n = so.nchars;
    vm.write_stdout(so.s.as_bytes())?;
    Ok(vm.new_int(n as i64))
}
fn err_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(s) = a.pos.first() else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(ObjData::Str(so)) = s.data() else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
    };
    vm.flush();
    eprint!("{}", so.s);
    Ok(vm.new_int(so.nchars as i64))
}
fn out_flush(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.flush();
    vm.stdout_error()?;
    Ok(Value::NONE)
}

fn write_lines(vm: &mut Vm, a: &Args, write: crate::object::NativeFn) -> PyResult<Value> {
    let Some(lines) = a.pos.first() else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let items = vm.collect(lines)?;
    for it in items {
        write(vm, &Args::new(vec![it]))?;
    }
    Ok(Value::NONE)
}
fn out_writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    write_lines(vm, a, out_write)
}
fn err_writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    write_lines(vm, a, err_write)
}
fn fd_isatty(fd: i32) -> Value {
    // SAFETY: isatty only inspects the descriptor.
    Value::bool(unsafe { libc::isatty(fd) } == 1)
}
fn out_isatty(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(fd_isatty(1))
}
fn err_isatty(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(fd_isatty(2))
}
fn out_fileno(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small_int(1))
}
fn err_fileno(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::small_int(2))
}
fn stream_true(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::bool(true))
}
fn stream_false(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::bool(false))
}
/// The bytes-like argument of `sys.stdout.buffer.write`.
fn bytes_arg(vm: &mut Vm, a: &Args) -> PyResult<Vec<u8>> {
    match a.pos.first().map(|v| (v, v.data())) {
        Some((_, Some(ObjData::Bytes(b)))) => Ok(b.to_vec()),
        Some((_, Some(ObjData::ByteArray(b)))) => Ok(b.borrow().to_vec()),
        Some((v, _)) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
        None => Err(vm.type_error("write() takes exactly one argument (0 given)")),
    }
}
fn out_buffer_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = bytes_arg(vm, a)?;
    vm.write_stdout(&b)?;
    Ok(vm.new_int(b.len() as i64))
}
fn err_buffer_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    use std::io::Write;
    let b = bytes_arg(vm, a)?;
    vm.flush();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(&b);
    let _ = e.flush();
    Ok(vm.new_int(b.len() as i64))
}

/// `sys.stdout`/`sys.stderr`: minimal text streams (write, writelines, flush, the
/// usual queries, and `buffer.write` for bytes).
fn stream(vm: &mut Vm, name: &str, write: crate::object::NativeFn) -> Value {
    let m = new_module(vm, name);
    let is_out = name == "sys.stdout";
    let fns: [(&'static str, crate::object::NativeFn); 8] = [
        ("write", write),
        ("flush", out_flush),
        (
            "writelines",
            if is_out {
                out_writelines
            } else {
                err_writelines
            },
        ),
        ("isatty", if is_out { out_isatty } else { err_isatty }),
        ("fileno", if is_out { out_fileno } else { err_fileno }),
        ("writable", stream_true),
        ("readable", stream_false),
        ("seekable", stream_false),
    ];
    add_fns(vm, &m, "sys", &fns);
    let attrs: [(&str, &str); 4] = [
        ("encoding", "utf-8"),
        ("errors", if is_out { "strict" } else { "backslashreplace" }),
        ("name", if is_out { "<stdout>" } else { "<stderr>" }),
        ("mode", "w"),
    ];
    for (k, v) in attrs {
        let v = vm.new_str(v);
        module_set(vm, &m, k, v);
    }
    module_set(vm, &m, "closed", Value::bool(false));
    let buf = new_module(vm, &format!("{name}.buffer"));
    let bw: crate::object::NativeFn = if is_out {
        out_buffer_write
    } else {
        err_buffer_write
    };
    add_fns(vm, &buf, "sys", &[("write", bw), ("flush", out_flush)]);
    module_set(vm, &m, "buffer", buf);
    m
}

fn vi_field(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Value> {
    let t = a.pos.first().cloned().unwrap_or(Value::NONE);
    let idx = Value::small_int(i as i64);
    vm.getitem(&t, &idx)
}
fn vi_major(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vi_field(vm, a, 0)
}
fn vi_minor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vi_field(vm, a, 1)
}
fn vi_micro(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vi_field(vm, a, 2)
}
fn vi_releaselevel(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vi_field(vm, a, 3)
}
fn vi_serial(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    vi_field(vm, a, 4)
}
fn vi_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let names = ["major", "minor", "micro", "releaselevel", "serial"];
    let mut parts = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let v = vi_field(vm, a, i)?;
        let r = vm.repr(&v)?;
        parts.push(format!("{n}={r}"));
    }
    Ok(vm.new_string(format!("sys.version_info({})", parts.join(", "))))
}

/// `sys.version_info`: a tuple subclass with named fields, like CPython's struct
/// sequence.
fn make_version_info(vm: &mut Vm) -> Value {
    let values = vec![
        Value::small_int(3),
        Value::small_int(11),
        Value::small_int(0),
        vm.new_str("final"),
        Value::small_int(0),
    ];
    let plain = vm.new_tuple(values);
    let ns = vm.new_dict();
    let fields: [(&'static str, crate::object::NativeFn); 5] = [
        ("major", vi_major),
        ("minor", vi_minor),
        ("micro", vi_micro),
        ("releaselevel", vi_releaselevel),
        ("serial", vi_serial),
    ];
    for (name, f) in fields {
        let getter = vm.new_native(name, "version_info", f);
        let p = Value::new_obj(ObjData::Property(Box::new([
            getter,
            Value::NONE,
            Value::NONE,
            Value::NONE,
        ])));
        let k = vm.intern(name);
        if let Some(ObjData::Dict(d)) = ns.data() {
            let _ = vm.table_set(d, k, p);
        }
    }
    let r = vm.new_native("__repr__", "version_info", vi_repr);
    let k = vm.intern("__repr__");
    if let Some(ObjData::Dict(d)) = ns.data() {
        let _ = vm.table_set(d, k, r);
    }
    let tuple = vm.t.tuple.clone();
    let cls = match vm.new_class(
        "version_info",
        "version_info",
        vec![tuple],
        &ns,
        Rc::from("sys"),
    ) {
        Ok(c) => c,
        Err(_) => return plain,
    };
    vm.call(&cls, vec![plain.clone()]).unwrap_or(plain)
}

/// `sys.stdout` when a program has replaced it (`sys.stdout = io.StringIO()`), for
/// `print()`; None while it is the original stream (or `sys` was never imported).
pub fn redirected_stdout(vm: &mut Vm) -> Option<Value> {
    let k = vm.intern("sys");
    let modules = vm.modules.clone();
    let Some(ObjData::Dict(mods)) = modules.data() else {
        return None;
    };
    let sys = vm.table_get(mods, &k).ok()??;
    let Some(ObjData::Module(m)) = sys.data() else {
        return None;
    };
    let Some(ObjData::Dict(d)) = m.dict.data() else {
        return None;
    };
    let k = vm.intern("stdout");
    let out = vm.table_get(d, &k).ok()??;
    match out.data() {
        Some(ObjData::Module(sm)) if &*sm.name == "sys.stdout" => None,
        _ => Some(out),
    }
}

/// The `_fields` of a struct sequence's class (sys.float_info, sys.int_info).
fn structseq_fields(vm: &mut Vm, v: &Value) -> Vec<Value> {
    let cls = vm.type_of(v);
    let k = vm.intern("_fields");
    match vm.lookup_mro(&cls, &k) {
        Some(t) => vm.collect(&t).unwrap_or_default(),
        None => Vec::new(),
    }
}
fn structseq_getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (v, name) = (a.pos[0].clone(), a.pos[1].clone());
    let fields = structseq_fields(vm, &v);
    for (i, f) in fields.iter().enumerate() {
        if vm.eq(f, &name)? {
            let idx = Value::small_int(i as i64);
            return vm.getitem(&v, &idx);
        }
    }
    let cls = vm.type_of(&v);
    let k = vm.intern("_structseq_name");
    let tn = match vm.lookup_mro(&cls, &k) {
        Some(n) => vm.str(&n)?,
        None => vm.type_name(&v).to_string(),
    };
    let n = vm.str(&name)?;
    Err(vm.attribute_error(&format!("'{tn}' object has no attribute '{n}'")))
}
fn structseq_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos[0].clone();
    let fields = structseq_fields(vm, &v);
    let cls = vm.type_of(&v);
    let k = vm.intern("_structseq_name");
    let name = match vm.lookup_mro(&cls, &k) {
        Some(n) => vm.str(&n)?,
        None => vm.type_name(&v).to_string(),
    };
    let mut parts = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let idx = Value::small_int(i as i64);
        let item = vm.getitem(&v, &idx)?;
        parts.push(format!("{}={}", vm.str(f)?, vm.repr(&item)?));
    }
    Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
}

/// A CPython struct sequence: a tuple subclass whose items are also attributes.
fn make_struct_seq(vm: &mut Vm, full_name: &str, fields: &[&str], values: Vec<Value>) -> Value {
    let cls = struct_seq_class(vm, full_name, fields);
    let plain = vm.new_tuple(values);
    match cls {
        Some(c) => vm.call(&c, vec![plain.clone()]).unwrap_or(plain),
        None => plain,
    }
}

/// The class of a struct sequence named `module.name` with these fields.
fn struct_seq_class(vm: &mut Vm, full_name: &str, fields: &[&str]) -> Option<Value> {
    let ns = vm.new_dict();
    let field_names: Vec<Value> = fields.iter().map(|f| vm.new_str(f)).collect();
    let field_tuple = vm.new_tuple(field_names);
    let short = full_name
        .rsplit('.')
        .next()
        .unwrap_or(full_name)
        .to_string();
    let entries = [
        ("_fields", field_tuple),
        ("_structseq_name", vm.new_str(full_name)),
        (
            "__getattr__",
            vm.new_native("__getattr__", "structseq", structseq_getattr),
        ),
        (
            "__repr__",
            vm.new_native("__repr__", "structseq", structseq_repr),
        ),
    ];
    if let Some(ObjData::Dict(d)) = ns.data() {
        for (k, v) in entries {
            let key = vm.intern(k);
            let _ = vm.table_set(d, key, v);
        }
    }
    let tuple = vm.t.tuple.clone();
    let module = full_name
        .rsplit_once('.')
        .map(|p| p.0)
        .unwrap_or("builtins");
    vm.new_class(&short, &short, vec![tuple], &ns, Rc::from(module))
        .ok()
}

const STRUCT_TIME_FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// `time.struct_time` from a C `struct tm`.
fn struct_time(vm: &mut Vm, tm: &libc::tm) -> Value {
    let values = vec![
        vm.new_int(tm.tm_year as i64 + 1900),
        vm.new_int(tm.tm_mon as i64 + 1),
        vm.new_int(tm.tm_mday as i64),
        vm.new_int(tm.tm_hour as i64),
        vm.new_int(tm.tm_min as i64),
        vm.new_int(tm.tm_sec as i64),
        vm.new_int((tm.tm_wday as i64 + 6) % 7),
        vm.new_int(tm.tm_yday as i64 + 1),
        vm.new_int(tm.tm_isdst as i64),
    ];
    make_struct_seq(vm, "time.struct_time", &STRUCT_TIME_FIELDS, values)
}

fn time_arg(vm: &mut Vm, a: &Args) -> PyResult<libc::time_t> {
    match a.pos.first() {
        Some(v) if !v.is_none() => {
            let f = num_arg(vm, a, 0)?;
            if !f.is_finite() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            Ok(f.floor() as libc::time_t)
        }
        _ => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as libc::time_t)
            .unwrap_or(0)),
    }
}

/// `time.localtime([secs])` through the C library (the TZ environment applies).
fn t_localtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = time_arg(vm, a)?;
    // SAFETY: localtime_r writes only into the struct it is given.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    if !ok {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(struct_time(vm, &tm))
}

/// `time.gmtime([secs])`.
fn t_gmtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = time_arg(vm, a)?;
    // SAFETY: gmtime_r writes only into the struct it is given.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::gmtime_r(&t, &mut tm).is_null() };
    if !ok {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(struct_time(vm, &tm))
}

/// A time tuple (`struct_time` or 9 ints) as a `struct tm`; `fname` names the caller
/// in the error.
fn tm_from_tuple(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<libc::tm> {
    let items = vm.collect(v)?;
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        f[i] = match as_i64(it) {
            Some(n) => n,
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        };
    }
    // SAFETY: a zeroed struct tm is valid.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (f[0] - 1900) as libc::c_int;
    tm.tm_mon = (f[1] - 1) as libc::c_int;
    tm.tm_mday = f[2] as libc::c_int;
    tm.tm_hour = f[3] as libc::c_int;
    tm.tm_min = f[4] as libc::c_int;
    tm.tm_sec = f[5] as libc::c_int;
    tm.tm_wday = ((f[6] + 1) % 7) as libc::c_int;
    tm.tm_yday = (f[7] - 1) as libc::c_int;
    tm.tm_isdst = f[8] as libc::c_int;
    Ok(tm)
}

/// `time.mktime(t)`: local time tuple to seconds since the epoch.
fn t_mktime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = match a.pos.first() {
        Some(v) => v.clone(),
        None => return Err(vm.type_error("mktime() takes exactly one argument (0 given)")),
    };
    let mut tm = tm_from_tuple(vm, &v, "mktime")?;
    // SAFETY: mktime reads and normalises the struct it is given.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::float(t as f64))
}

/// The time tuple argument `i` of strftime/asctime, or the current local time.
fn tm_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<libc::tm> {
    match a.pos.get(i) {
        Some(v) => {
            let mut tm = tm_from_tuple(vm, &v.clone(), fname)?;
            let checks: [(bool, &str); 6] = [
                (!(0..=11).contains(&tm.tm_mon), "month out of range"),
                (!(0..=31).contains(&tm.tm_mday), "day of month out of range"),
                (!(0..=23).contains(&tm.tm_hour), "hour out of range"),
                (!(0..=59).contains(&tm.tm_min), "minute out of range"),
                (!(0..=61).contains(&tm.tm_sec), "seconds out of range"),
                (
                    !(-1..=365).contains(&tm.tm_yday),
                    "day of year out of range",
                ),
            ];
            for (bad, msg) in checks {
                if bad {
                    return Err(vm.value_error(msg));
                }
            }
            // CPython accepts 0 for month/day/yday ("normalised" to 1).
            if tm.tm_mon < 0 {
                tm.tm_mon = 0;
            }
            if tm.tm_mday == 0 {
                tm.tm_mday = 1;
            }
            if tm.tm_yday < 0 {
                tm.tm_yday = 0;
            }
            if tm.tm_wday < 0 {
                tm.tm_wday += 7;
            }
            Ok(tm)
        }
        None => {
            let t = time_arg(vm, &Args::new(Vec::new()))?;
            // SAFETY: localtime_r writes only into the struct it is given.
            let mut tm: libc::tm = unsafe { std::mem::zeroed() };
            unsafe { libc::localtime_r(&t, &mut tm) };
            Ok(tm)
        }
    }
}

/// `time.strftime(format[, t])`, by the C library's strftime as in CPython.
fn t_strftime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let fmt = match a.pos.first().map(|v| (v, v.data())) {
        Some((_, Some(ObjData::Str(s)))) => s.s.to_string(),
        Some((v, _)) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("strftime() argument 1 must be str, not {tn}")));
        }
        None => return Err(vm.type_error("strftime() takes at least 1 argument (0 given)")),
    };
    let tm = tm_arg(vm, a, 1, "strftime")?;
    if fmt.is_empty() {
        return Ok(vm.new_str(""));
    }
    let cfmt = match std::ffi::CString::new(fmt.clone()) {
        Ok(c) => c,
        Err(_) => return Err(vm.value_error("embedded null character")),
    };
    let mut cap = 256usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: strftime writes at most `cap` bytes into `buf`.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                cap,
                cfmt.as_ptr(),
                &tm,
            )
        };
        if n > 0 || cap > fmt.len() * 256 {
            buf.truncate(n);
            let s = String::from_utf8_lossy(&buf).into_owned();
            return Ok(vm.new_str(&s));
        }
        cap *= 4;
    }
}

fn asctime_of(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

/// `time.asctime([t])`.
fn t_asctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let tm = tm_arg(vm, a, 0, "asctime")?;
    Ok(vm.new_str(&asctime_of(&tm)))
}

/// `time.ctime([secs])`.
fn t_ctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = time_arg(vm, a)?;
    // SAFETY: localtime_r writes only into the struct it is given.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    if !ok {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(vm.new_str(&asctime_of(&tm)))
}

fn sys_utf8(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

static INT_MAX_STR_DIGITS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(4300);

/// `sys.get_int_max_str_digits()`: the limit on decimal int <-> str conversions (0:
/// none).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed)
}
fn sys_get_int_max_str_digits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.pos.is_empty() {
        return Err(vm.type_error(&format!(
            "sys.get_int_max_str_digits() takes no arguments ({} given)",
            a.pos.len()
        )));
    }
    Ok(vm.new_int(int_max_str_digits() as i64))
}
fn sys_set_int_max_str_digits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = match (a.pos.first(), a.kw.first()) {
        (Some(v), None) if a.pos.len() == 1 => v.clone(),
        (None, Some((k, v))) if &**k == "maxdigits" && a.kw.len() == 1 => v.clone(),
        _ => {
            return Err(vm.type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
    };
    let Some(n) = as_i64(&v).filter(|_| is_int(&v)) else {
        let tn = vm.type_name(&v);
        return Err(vm.type_error(&format!(
            "'{tn}' object cannot be interpreted as an integer"
        )));
    };
    if n != 0 && !(640..).contains(&n) {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    INT_MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NONE)
}

/// Reference counts are lethe's own, not CPython's: asking is unsupported
/// rather than a silently different number.
fn sys_unsupported_getrefcount(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.unsupported("sys.getrefcount"))
}

fn make_sys(vm: &mut Vm) -> Value {
    let m = new_module(vm, "sys");
    let so = stream(vm, "sys.stdout", out_write);
    module_set(vm, &m, "stdout", so.clone());
    // The original streams, for restoring after a redirection.
    module_set(vm, &m, "__stdout__", so);
    let se = stream(vm, "sys.stderr", err_write);
    module_set(vm, &m, "stderr", se.clone());
    module_set(vm, &m, "__stderr__", se);
    add_fns(
        vm,
        &m,
        "sys",
        &[
            ("exit", sys_exit),
            ("displayhook", sys_displayhook),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("_getframe", sys_getframe),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("intern", sys_intern),
            ("is_finalizing", sys_is_finalizing),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
            ("getdefaultencoding", sys_utf8),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
            ("getfilesystemencoding", sys_utf8),
            ("excepthook", sys_excepthook),
            ("getsizeof", crate::sizeof::sys_getsizeof),
            ("getrefcount", sys_unsupported_getrefcount),
        ],
    );
    let v = vm.new_str("short");
    module_set(vm, &m, "float_repr_style", v);
    let hv = vm.new_int(0x030b00f0);
    module_set(vm, &m, "hexversion", hv);
    let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    module_set(vm, &m, "argv", argv);
    let path: Vec<Value> = vm.path.clone().iter().map(|a| vm.new_str(a)).collect();
    let path = vm.new_list(path);
    module_set(vm, &m, "path", path);
    let maxsize = vm.new_int(i64::MAX);
    module_set(vm, &m, "maxsize", maxsize);
    let mods = vm.modules.clone();
    module_set(vm, &m, "modules", mods);
    let v = vm.new_str("linux");
    module_set(vm, &m, "platform", v);
    let v = vm.new_str("3.11.0 (lethe)");
    module_set(vm, &m, "version", v);
    let vi = make_version_info(vm);
    module_set(vm, &m, "version_info", vi);
    let fi_values = vec![
        Value::float(f64::MAX),
        vm.new_int(1024),
        vm.new_int(308),
        Value::float(f64::MIN_POSITIVE),
        vm.new_int(-1021),
        vm.new_int(-307),
        vm.new_int(15),
        vm.new_int(53),
        Value::float(f64::EPSILON),
        vm.new_int(2),
        vm.new_int(1),
    ];
    let fi = make_struct_seq(
        vm,
        "sys.float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        fi_values,
    );
    module_set(vm, &m, "float_info", fi);
    let ii_values = vec![
        vm.new_int(30),
        vm.new_int(4),
        vm.new_int(4300),
        vm.new_int(640),
    ];
    let ii = make_struct_seq(
        vm,
        "sys.int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        ii_values,
    );
    module_set(vm, &m, "int_info", ii);
    let v = vm.new_str("little");
    module_set(vm, &m, "byteorder", v);
    let v = vm.new_int(0x10ffff);
    module_set(vm, &m, "maxunicode", v);
    // sys.flags and sys.hash_info as CPython 3.11 reports them by default.
    let flag_names = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let flag_values = flag_names
        .iter()
        .map(|n| match *n {
            "hash_randomization" => Value::small_int(1),
            "dev_mode" | "safe_path" => Value::FALSE,
            "int_max_str_digits" => Value::small_int(-1),
            "optimize" => Value::small_int(lethe_compiler::optimize() as i64),
            _ => Value::small_int(0),
        })
        .collect();
    let flags = make_struct_seq(vm, "sys.flags", &flag_names, flag_values);
    module_set(vm, &m, "flags", flags);
    let hash_values = vec![
        Value::small_int(64),
        vm.new_int((1i64 << 61) - 1),
        Value::small_int(314159),
        Value::small_int(0),
        Value::small_int(1000003),
        vm.new_str("siphash13"),
        Value::small_int(64),
        Value::small_int(128),
        Value::small_int(0),
    ];
    let hi = make_struct_seq(
        vm,
        "sys.hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        hash_values,
    );
    module_set(vm, &m, "hash_info", hi);
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let exe = vm.new_string(exe);
    module_set(vm, &m, "executable", exe);
    let k = vm.intern("excepthook");
    if let Some(ObjData::Module(mo)) = m.data() {
        if let Some(ObjData::Dict(d)) = mo.dict.data() {
            if let Ok(Some(h)) = vm.table_get(d, &k) {
                module_set(vm, &m, "__excepthook__", h);
            }
        }
    }
    module_set(vm, &m, "dont_write_bytecode", Value::FALSE);
    let w = vm.new_list(vec![]);
    module_set(vm, &m, "warnoptions", w);
    m
}

// ---------------------------------------------------------------- math

fn num_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<f64> {
    let Some(v) = a.pos.get(i) else {
        return Err(vm.type_error("missing argument"));
    };
    num_val(vm, v)
}
fn num_val(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if is_int(v) {
        return as_f64(v).ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    if let Some(f) = vm.lookup_special(v, "__float__") {
        let r = vm.call_dunder(&f, v, vec![])?;
        if let Some(x) = r.as_float() {
            return Ok(x);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {tn}")))
}

fn math_domain(vm: &mut Vm) -> Value {
    vm.value_error("math domain error")
}

macro_rules! math1 {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            let x = num_arg(vm, a, 0)?;
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            if r.is_nan() && !x.is_nan() {
                return Err(math_domain(vm));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("math range error"));
            }
            Ok(Value::float(r))
        }
    };
}

math1!(m_sqrt, |x| if x < 0.0 { f64::NAN } else { x.sqrt() });
math1!(m_exp, f64::exp);
math1!(m_sin, f64::sin);
math1!(m_cos, f64::cos);
math1!(m_tan, f64::tan);
math1!(m_asin, f64::asin);
math1!(m_acos, f64::acos);
math1!(m_atan, f64::atan);
math1!(m_sinh, f64::sinh);
math1!(m_cosh, f64::cosh);
math1!(m_tanh, f64::tanh);
math1!(m_fabs, f64::abs);
math1!(m_degrees, f64::to_degrees);
math1!(m_radians, f64::to_radians);
math1!(m_expm1, f64::exp_m1);
math1!(m_asinh, crate::mathfns::c_asinh);
math1!(m_acosh, crate::mathfns::c_acosh);
math1!(m_atanh, |x: f64| if x.abs() >= 1.0 {
    f64::NAN
} else {
    crate::mathfns::c_atanh(x)
});
math1!(m_cbrt, crate::mathfns::c_cbrt);
math1!(m_erf, crate::mathfns::c_erf);
math1!(m_erfc, crate::mathfns::c_erfc);

fn gamma_like(
    vm: &mut Vm,
    a: &Args,
    f: fn(f64) -> Result<f64, crate::mathfns::MathErr>,
) -> PyResult<Value> {
    let x = num_arg(vm, a, 0)?;
    match f(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(crate::mathfns::MathErr::Domain) => Err(math_domain(vm)),
        Err(crate::mathfns::MathErr::Range) => Err(vm.overflow_error("math range error")),
    }
}
fn m_gamma(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    gamma_like(vm, a, crate::mathfns::gamma)
}
fn m_lgamma(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    gamma_like(vm, a, crate::mathfns::lgamma)
}
math1!(m_exp2, f64::exp2);
math1!(m_log1p, |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() });

/// IEEE 754 nextafter, exactly as C's.
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}
fn m_nextafter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("nextafter expected 2 arguments, got {n}")));
    }
    let (x, y) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    Ok(Value::float(next_after(x, y)))
}
fn m_ulp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = num_arg(vm, a, 0)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let up = next_after(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(Value::float(up - x))
}

/// CPython's `loghelper`: an int too big for a float is taken apart as m·2**e
/// (`_PyLong_Frexp`, m in [0.5, 1) correctly rounded) and its log is
/// `f(m) + f(2)·e`, with the same rounding as CPython.
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = as_bigint(v).filter(|_| is_int(v)) {
        if b.sign() != num_bigint::Sign::Plus {
            return Err(math_domain(vm));
        }
        if let Some(x) = num_traits::ToPrimitive::to_f64(&b).filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        let bits = b.bits();
        let shift = bits - 64;
        let top = num_traits::ToPrimitive::to_u64(&(&b >> shift)).unwrap_or(u64::MAX);
        // A sticky bit below the 53 kept bits makes `as f64` round like an exact division.
        let sticky = b.trailing_zeros().is_some_and(|tz| tz < shift) as u64;
        let mut m = (top | sticky) as f64 / 18446744073709551616.0;
        let mut e = bits as f64;
        if m == 1.0 {
            m = 0.5;
            e += 1.0;
        }
        return Ok(f(m) + f(2.0) * e);
    }
    let x = num_val(vm, v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(math_domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().cloned().unwrap_or(Value::NONE);
    let x = log_helper(vm, &v, f64::ln)?;
    match a.pos.get(1) {
        Some(b) => {
            let lb = log_helper(vm, b, f64::ln)?;
            if lb == 0.0 {
                return Err(vm.zero_div("float division by zero"));
            }
            Ok(Value::float(x / lb))
        }
        None => Ok(Value::float(x)),
    }
}
fn m_log2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().cloned().unwrap_or(Value::NONE);
    log_helper(vm, &v, f64::log2).map(Value::float)
}
fn m_log10(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = a.pos.first().cloned().unwrap_or(Value::NONE);
    log_helper(vm, &v, f64::log10).map(Value::float)
}

fn to_int_result(vm: &mut Vm, f: f64) -> PyResult<Value> {
    lethe_format::float_to_int(f)
        .map(|b| vm.new_bigint(b))
        .map_err(|e| {
            let k = e.kind().name();
            vm.new_error(k, &e.to_string())
        })
}
/// floor/ceil/trunc: ints are returned as they are, floats rounded by `f`.
fn int_rounding(vm: &mut Vm, a: &Args, f: fn(f64) -> f64, dunder: &str) -> PyResult<Value> {
    if let Some(v) = a.pos.first() {
        if matches!(v.data(), Some(ObjData::Instance(_))) {
            if let Some(m) = vm.lookup_special(v, dunder) {
                if !matches!(m.data(), Some(ObjData::Builtin(_))) {
                    return vm.call(&m, vec![v.clone()]);
                }
            }
        }
        if is_int(v) {
            if v.is_bool() {
                return Ok(Value::small_int(v.is_true_const() as i64));
            }
            return Ok(v.clone());
        }
    }
    if dunder == "__trunc__" && a.pos.first().is_some_and(|v| v.as_float().is_none()) {
        if let Some(v) = a.pos.first() {
            if vm.lookup_special(v, "__float__").is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("type {tn} doesn't define __trunc__ method")));
            }
        }
    }
    let x = num_arg(vm, a, 0)?;
    to_int_result(vm, f(x))
}
pub(crate) fn m_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_rounding(vm, a, f64::floor, "__floor__")
}
pub(crate) fn m_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_rounding(vm, a, f64::ceil, "__ceil__")
}
pub(crate) fn m_trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    int_rounding(vm, a, f64::trunc, "__trunc__")
}
fn m_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(math_domain(vm));
    }
    if x == 0.0 && y < 0.0 {
        return Err(math_domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}
fn m_atan2(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (y, x) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    Ok(Value::float(y.atan2(x)))
}
/// CPython's `vector_norm`: the Euclidean norm of non-negative finite floats,
/// scaled by a power of two near the largest and summed with the low-order parts
/// of every square and sum kept, then one differential correction; used by
/// `hypot` and `dist` so their last bits are CPython's.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = crate::ops::frexp(max).1;
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    // 2**-max_e exactly (max_e >= -1023: at worst the subnormal 2**-1024... 2**1023).
    let scale = if -max_e >= -1022 {
        f64::from_bits(((1023 - max_e) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (1074 - max_e))
    };
    // Exact product and sum as (hi, lo) pairs.
    let dl_mul = |x: f64, y: f64| {
        let hi = x * y;
        (hi, x.mul_add(y, -hi))
    };
    let dl_fast_sum = |a: f64, b: f64| {
        let hi = a + b;
        (hi, (a - hi) + b)
    };
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.0);
        csum = sm.0;
        frac1 += pr.1;
        frac2 += sm.1;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.0);
    csum = sm.0;
    frac1 += pr.1;
    frac2 += sm.1;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}
fn norm_of(vals: Vec<f64>) -> f64 {
    let mut vec: Vec<f64> = vals.into_iter().map(f64::abs).collect();
    let found_nan = vec.iter().any(|x| x.is_nan());
    let max = vec.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    vector_norm(&mut vec, max, found_nan)
}
fn m_hypot(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut vals = Vec::with_capacity(a.pos.len());
    for i in 0..a.pos.len() {
        vals.push(num_arg(vm, a, i)?);
    }
    Ok(Value::float(norm_of(vals)))
}
fn m_dist(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return Err(vm.type_error(&format!("dist expected 2 arguments, got {}", a.pos.len())));
    }
    let mut pts = Vec::new();
    // Any iterable is made a tuple first (`PySequence_Tuple`).
    for v in a.pos.iter() {
        pts.push(vm.collect(v)?);
    }
    if pts[0].len() != pts[1].len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::new();
    for (p, q) in pts[0].iter().zip(pts[1].iter()) {
        let x = num_arg(vm, &Args::new(vec![p.clone()]), 0)?;
        let y = num_arg(vm, &Args::new(vec![q.clone()]), 0)?;
        diffs.push(x - y);
    }
    Ok(Value::float(norm_of(diffs)))
}
fn m_remainder(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(math_domain(vm));
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return Ok(Value::float(1.0f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    if x.is_infinite() {
        return Err(math_domain(vm));
    }
    Ok(Value::float(x))
}
fn m_copysign(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    Ok(Value::float(x.copysign(y)))
}
fn m_fmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    if y == 0.0 || x.is_infinite() {
        return Err(math_domain(vm));
    }
    Ok(Value::float(x % y))
}
fn m_isnan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::bool(num_arg(vm, a, 0)?.is_nan()))
}
fn m_isinf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::bool(num_arg(vm, a, 0)?.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::bool(num_arg(vm, a, 0)?.is_finite()))
}
fn int_args(vm: &mut Vm, a: &Args) -> PyResult<Vec<num_bigint::BigInt>> {
    let mut out = Vec::new();
    for v in &a.pos {
        match as_bigint(v).filter(|_| is_int(v)) {
            Some(b) => out.push(b),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        }
    }
    Ok(out)
}
fn m_gcd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let xs = int_args(vm, a)?;
    let mut g = num_bigint::BigInt::from(0);
    for x in xs {
        g = num_integer::Integer::gcd(&g, &x);
    }
    Ok(vm.new_bigint(g))
}
fn m_lcm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let xs = int_args(vm, a)?;
    let mut l = num_bigint::BigInt::from(1);
    for x in xs {
        if num_traits::Zero::is_zero(&x) {
            return Ok(Value::small_int(0));
        }
        l = num_integer::Integer::lcm(&l, &x);
    }
    Ok(vm.new_bigint(l))
}
fn m_factorial(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(v) = a.pos.first() else {
        return Err(vm.type_error("factorial() takes exactly one argument (0 given)"));
    };
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let Some(n) = as_i64(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let mut r = num_bigint::BigInt::from(1);
    for i in 2..=n {
        r *= i;
    }
    Ok(vm.new_bigint(r))
}
fn m_isqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let xs = int_args(vm, a)?;
    let Some(x) = xs.first() else {
        return Err(vm.type_error("isqrt() takes exactly one argument"));
    };
    if x.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(num_integer::Roots::sqrt(x)))
}
fn comb_perm(vm: &mut Vm, a: &Args, comb: bool) -> PyResult<Value> {
    let xs = int_args(vm, a)?;
    let (Some(n), k) = (
        xs.first().and_then(num_traits::ToPrimitive::to_i64),
        xs.get(1).and_then(num_traits::ToPrimitive::to_i64),
    ) else {
        return Err(vm.type_error("missing argument"));
    };
    let k = k.unwrap_or(n);
    if n < 0 || k < 0 {
        return Err(vm.value_error(if n < 0 {
            "n must be a non-negative integer"
        } else {
            "k must be a non-negative integer"
        }));
    }
    if k > n {
        return Ok(Value::small_int(0));
    }
    let mut r = num_bigint::BigInt::from(1);
    for i in 0..k {
        r *= n - i;
    }
    if comb {
        let mut f = num_bigint::BigInt::from(1);
        for i in 2..=k {
            f *= i;
        }
        r /= f;
    }
    Ok(vm.new_bigint(r))
}
fn m_comb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    comb_perm(vm, a, true)
}
fn m_perm(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    comb_perm(vm, a, false)
}
fn m_isclose(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (x, y) = (num_arg(vm, a, 0)?, num_arg(vm, a, 1)?);
    let rel = match a.kwarg("rel_tol") {
        Some(v) => as_f64(v).unwrap_or(1e-9),
        None => 1e-9,
    };
    let abs = match a.kwarg("abs_tol") {
        Some(v) => as_f64(v).unwrap_or(0.0),
        None => 0.0,
    };
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let d = (x - y).abs();
    Ok(Value::bool(
        d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs,
    ))
}
fn m_fsum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = vm.collect(a.pos.first().unwrap_or(&Value::NONE))?;
    // Shewchuk's exact summation (as CPython's msum).
    let mut partials: Vec<f64> = Vec::new();
    for it in items {
        let mut x = num_val(vm, &it)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}
fn m_prod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = vm.collect(a.pos.first().unwrap_or(&Value::NONE))?;
    let mut acc = a.kwarg("start").cloned().unwrap_or(Value::small_int(1));
    for it in items {
        acc = vm.binary(lethe_compiler::bytecode::BinOp::Mul, &acc, &it)?;
    }
    Ok(acc)
}
fn m_modf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = num_arg(vm, a, 0)?;
    let i = x.trunc();
    let f = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - i
    };
    Ok(vm.new_tuple(vec![Value::float(f), Value::float(i)]))
}
/// `x = m * 2**e` with `0.5 <= |m| < 1` (C's `frexp`), from the bits: exact for
/// subnormal and huge values alike.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE {
        (x * f64::from_bits(0x4350_0000_0000_0000), -54) // 2**54: now normal
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e + bias)
}

/// `x * 2**k` correctly rounded (C's `ldexp`): infinite on overflow.
pub fn ldexp(x: f64, k: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, e) = frexp(x);
    let t = e.saturating_add(k);
    let pow2 = |n: i64| f64::from_bits(((n + 1023) as u64) << 52);
    if t > 1024 {
        f64::INFINITY.copysign(x)
    } else if t >= -1021 {
        (m * 2.0) * pow2(t - 1)
    } else if t < -1074 {
        0.0f64.copysign(x)
    } else {
        // One rounding: scale exactly into the normal range, then multiply by the
        // smallest subnormal.
        (m * pow2(t + 1074)) * f64::from_bits(1)
    }
}

fn m_frexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = num_arg(vm, a, 0)?;
    let (m, e) = frexp(x);
    let ev = vm.new_int(e);
    Ok(vm.new_tuple(vec![Value::float(m), ev]))
}
fn m_ldexp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = num_arg(vm, a, 0)?;
    let Some(ev) = a.pos.get(1).filter(|v| is_int(v)) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let k = match as_i64(ev) {
        Some(k) => k,
        None => match as_bigint(ev) {
            Some(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
            _ => i64::MAX,
        },
    };
    let r = ldexp(x, k);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

/// The positional argument counts CPython accepts, checked before the function
/// runs, with CPython's message for each calling convention.
fn math_arity(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = match name {
        "log" => "math.log requires 1 to 2 arguments".to_string(),
        "isclose" if n < 2 => {
            let (p, i) = if n == 0 { ("a", 1) } else { ("b", 2) };
            format!("isclose() missing required argument '{p}' (pos {i})")
        }
        "isclose" => format!("isclose() takes exactly 2 positional arguments ({n} given)"),
        "prod" if n + a.kw.len() < 3 => {
            format!("prod() takes exactly 1 positional argument ({n} given)")
        }
        "prod" => format!(
            "prod() takes at most 2 arguments ({} given)",
            n + a.kw.len()
        ),
        _ if max == 1 => format!("math.{name}() takes exactly one argument ({n} given)"),
        _ if min == max => format!("{name} expected {min} arguments, got {n}"),
        _ if n < min => format!("{name} expected at least {min} argument, got {n}"),
        _ => format!("{name} expected at most {max} arguments, got {n}"),
    };
    Err(vm.type_error(&msg))
}

/// `name => function(min, max)`: each function is registered behind a wrapper that
/// checks its positional argument count first ([`math_arity`]).
macro_rules! math_fns {
    ($($name:literal => $f:ident($min:expr, $max:expr),)*) => {
        [$(($name, {
            fn checked(vm: &mut Vm, a: &Args) -> PyResult<Value> {
                math_arity(vm, a, $name, $min, $max)?;
                $f(vm, a)
            }
            checked
        } as crate::object::NativeFn),)*]
    };
}

fn make_math(vm: &mut Vm) -> Value {
    let m = new_module(vm, "math");
    let fns = math_fns! {
            "sqrt" => m_sqrt(1, 1),
            "exp" => m_exp(1, 1),
            "sin" => m_sin(1, 1),
            "cos" => m_cos(1, 1),
            "tan" => m_tan(1, 1),
            "asin" => m_asin(1, 1),
            "acos" => m_acos(1, 1),
            "atan" => m_atan(1, 1),
            "sinh" => m_sinh(1, 1),
            "cosh" => m_cosh(1, 1),
            "tanh" => m_tanh(1, 1),
            "fabs" => m_fabs(1, 1),
            "log" => m_log(1, 2),
            "log10" => m_log10(1, 1),
            "log2" => m_log2(1, 1),
            "degrees" => m_degrees(1, 1),
            "radians" => m_radians(1, 1),
            "expm1" => m_expm1(1, 1),
            "erf" => m_erf(1, 1),
            "erfc" => m_erfc(1, 1),
            "gamma" => m_gamma(1, 1),
            "lgamma" => m_lgamma(1, 1),
            "log1p" => m_log1p(1, 1),
            "floor" => m_floor(1, 1),
            "ceil" => m_ceil(1, 1),
            "trunc" => m_trunc(1, 1),
            "pow" => m_pow(2, 2),
            "atan2" => m_atan2(2, 2),
            "hypot" => m_hypot(0, usize::MAX),
            "dist" => m_dist(2, 2),
            "remainder" => m_remainder(2, 2),
            "asinh" => m_asinh(1, 1),
            "acosh" => m_acosh(1, 1),
            "atanh" => m_atanh(1, 1),
            "cbrt" => m_cbrt(1, 1),
            "exp2" => m_exp2(1, 1),
            "copysign" => m_copysign(2, 2),
            "fmod" => m_fmod(2, 2),
            "isnan" => m_isnan(1, 1),
            "isinf" => m_isinf(1, 1),
            "isfinite" => m_isfinite(1, 1),
            "gcd" => m_gcd(0, usize::MAX),
            "lcm" => m_lcm(0, usize::MAX),
            "factorial" => m_factorial(1, 1),
            "isqrt" => m_isqrt(1, 1),
            "comb" => m_comb(2, 2),
            "perm" => m_perm(1, 2),
            "isclose" => m_isclose(2, 2),
            "fsum" => m_fsum(1, 1),
            "prod" => m_prod(1, 1),
            "modf" => m_modf(1, 1),
            "frexp" => m_frexp(1, 1),
            "ldexp" => m_ldexp(2, 2),
            "nextafter" => m_nextafter(2, 2),
            "ulp" => m_ulp(1, 1),
    };
    add_fns(vm, &m, "math", &fns);
    for (n, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        module_set(vm, &m, n, Value::float(v));
    }
    m
}

// ---------------------------------------------------------------- time, gc

fn t_time(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::float(t))
}
fn perf_elapsed() -> std::time::Duration {
    thread_local! { static START: std::time::Instant = std::time::Instant::now(); }
    START.with(|s| s.elapsed())
}
fn t_perf(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::float(perf_elapsed().as_secs_f64()))
}
fn t_perf_ns(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.new_int(perf_elapsed().as_nanos() as i64))
}
fn t_sleep(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = num_arg(vm, a, 0)?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush();
    std::thread::sleep(std::time::Duration::from_secs_f64(s));
    Ok(Value::NONE)
}
fn t_time_ns(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(vm.new_int(t))
}
fn make_time(vm: &mut Vm) -> Value {
    let m = new_module(vm, "time");
    add_fns(
        vm,
        &m,
        "time",
        &[
            ("time", t_time),
            ("perf_counter", t_perf),
            ("monotonic", t_perf),
            ("process_time", t_perf),
            ("thread_time", t_perf),
            ("perf_counter_ns", t_perf_ns),
            ("monotonic_ns", t_perf_ns),
            ("process_time_ns", t_perf_ns),
            ("thread_time_ns", t_perf_ns),
            ("sleep", t_sleep),
            ("time_ns", t_time_ns),
            ("localtime", t_localtime),
            ("gmtime", t_gmtime),
            ("mktime", t_mktime),
            ("strftime", t_strftime),
            ("asctime", t_asctime),
            ("ctime", t_ctime),
        ],
    );
    m
}

fn gc_collect(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let n = crate::gc::collect();
    // Garbage with finalisers: they run now, then what they left unreachable goes.
    if crate::value::finalizers_pending() {
        vm.run_finalizers();
        crate::gc::collect();
    }
    Ok(vm.new_int(n as i64))
}
fn gc_enable(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    crate::gc::set_enabled(true);
    Ok(Value::NONE)
}
fn gc_disable(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    crate::gc::set_enabled(false);
    Ok(Value::NONE)
}
fn gc_isenabled(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::bool(crate::gc::enabled()))
}
fn make_gc(vm: &mut Vm) -> Value {
    let m = new_module(vm, "gc");
    add_fns(
        vm,
        &m,
        "gc",
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
        ],
    );
    m
}

/// `lethe.shed()`: give back everything the runtime can rebuild (native code,
/// bytecode and feedback of functions not running, the compiler process, free heap);
/// returns the bytes the ledger released.
fn lethe_shed(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let n = vm.shed();
    Ok(vm.new_int(n as i64))
}

/// `lethe.ledger()`: current bytes per ledger category, as a dict.
fn lethe_ledger_fn(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let d = vm.new_dict();
    for &c in lethe_ledger::Category::ALL {
        let k = vm.new_str(c.name());
        let v = vm.new_int(lethe_ledger::current(c) as i64);
        if let Some(ObjData::Dict(dd)) = d.data() {
            vm.table_set(dd, k, v)?;
        }
    }
    Ok(d)
}

/// The `lethe` module: the runtime's own controls.
fn make_lethe(vm: &mut Vm) -> Value {
    let m = new_module(vm, "lethe");
    add_fns(
        vm,
        &m,
        "lethe",
        &[("shed", lethe_shed), ("ledger", lethe_ledger_fn)],
    );
    m
}

/// Run a program file as `__main__`. Returns the process exit status.
pub fn run_main(vm: &mut Vm, path: &str, text: String) -> i32 {
    run_as_main(vm, path, text, None)
}

/// Run `text` (from `path`) as the module `__main__` whose `__package__` is `package`.
fn run_as_main(vm: &mut Vm, path: &str, text: String, package: Option<&str>) -> i32 {
    // A script's `__file__` and traceback entries name it by its absolute path, as in
    // CPython (`sys.argv[0]` stays as given).
    let abs;
    let path = if path.starts_with('<') {
        path
    } else {
        abs = std::path::absolute(path)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| path.to_string());
        abs.as_str()
    };
    let source = lethe_compiler::Source::new(path, text);
    let code = match lethe_compiler::compile_module(&source) {
        Ok(c) => c,
        Err(e) => {
            vm.flush();
            return match &e {
                lethe_compiler::CompileError::Syntax { .. } => {
                    eprintln!("{e}");
                    1
                }
                lethe_compiler::CompileError::Unsupported { .. } => {
                    eprintln!("{e}");
                    2
                }
            };
        }
    };
    let globals = new_main(vm, Some(path), package);
    let co = crate::interp::make_code_obj(vm, code, None);
    let r = vm.run_code(co, globals, Value::UNBOUND, Value::NONE);
    vm.run_finalizers();
    let status = match r {
        Ok(_) => 0,
        Err(e) => vm.report_uncaught(&e),
    };
    run_atexit(vm);
    vm.flush();
    status
}

/// The `atexit` callbacks, when the program imported `atexit`: last registered
/// first, each called from here (no library frame in its traceback), an exception
/// reported as CPython's "Exception ignored in atexit callback". CPython runs them at
/// finalization, after the uncaught exception is printed; they cannot change the
/// exit status.
fn run_atexit(vm: &mut Vm) {
    let Some(m) = cached(vm, "atexit") else {
        return;
    };
    let k = vm.intern("_exithandlers");
    let Ok(handlers) = vm.getattr(&m, &k) else {
        return;
    };
    loop {
        let entry = match handlers.data() {
            Some(ObjData::List(l)) => l.borrow_mut().pop(),
            _ => None,
        };
        let Some(entry) = entry else { break };
        let Some(ObjData::Tuple(t)) = entry.data() else {
            continue;
        };
        if t.len() != 3 {
            continue;
        }
        let func = t[0].clone();
        let args = match t[1].data() {
            Some(ObjData::Tuple(a)) => a.to_vec(),
            _ => Vec::new(),
        };
        let mut kw: Vec<(std::rc::Rc<str>, Value)> = Vec::new();
        if let Some(ObjData::Dict(d)) = t[2].data() {
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|e| (e.1.clone(), e.2.clone()))
                .collect();
            for (k, v) in items {
                if let Some(ObjData::Str(s)) = k.data() {
                    kw.push((std::rc::Rc::from(&*s.s), v));
                }
            }
        }
        if let Err(e) = vm.call_kw(&func, args, kw) {
            vm.flush();
            let r = vm.repr(&func).unwrap_or_default();
            let text = vm.format_exception(&e);
            eprint!("Exception ignored in atexit callback: {r}\n{text}");
        }
        vm.run_finalizers();
    }
}

/// Create the module `__main__` (registered in `sys.modules`) and return its globals.
fn new_main(vm: &mut Vm, path: Option<&str>, package: Option<&str>) -> Value {
    let m = new_module(vm, "__main__");
    // `-c` has no file: CPython leaves `__file__` unset there (standard input gets
    // `<stdin>`).
    if let Some(path) = path.filter(|p| *p != "<string>") {
        let f = vm.new_str(path);
        module_set(vm, &m, "__file__", f);
    }
    let p = match package {
        Some(p) => vm.new_str(p),
        None => Value::NONE,
    };
    module_set(vm, &m, "__package__", p);
    let b = vm.builtins.clone();
    module_set(vm, &m, "__builtins__", b);
    cache(vm, "__main__", &m);
    vm.main_module = Some(m.clone());
    match m.data() {
        Some(ObjData::Module(mo)) => mo.dict.clone(),
        _ => Value::NONE,
    }
}

/// `lethe -m NAME`: find the module NAME on `sys.path` (its parent packages are
/// imported first, as CPython's `runpy` does; a package runs its `__main__`
/// submodule) and run it as `__main__`, with `sys.argv[0]` its full path. `exe` names
/// the interpreter in error messages. Returns the process exit status.
pub fn run_module(vm: &mut Vm, name: &str, exe: &str) -> i32 {
    match find_main_module(vm, name, None) {
        Ok((path, text, package)) => {
            vm.argv[0] = path.clone();
            if let Some(sys) = cached(vm, "sys") {
                let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.new_str(a)).collect();
                let argv = vm.new_list(argv);
                module_set(vm, &sys, "argv", argv);
            }
            run_as_main(vm, &path, text, Some(&package))
        }
        Err(MainError::Message(m)) => {
            vm.flush();
            eprintln!("{exe}: {m}");
            1
        }
        Err(MainError::Raised(e)) => vm.report_uncaught(&e),
    }
}

enum MainError {
    Message(String),
    Raised(Value),
}

/// The file, source and package of the module `-m name` runs.
fn find_main_module(
    vm: &mut Vm,
    name: &str,
    package_of_main: Option<&str>,
) -> Result<(String, String, String), MainError> {
    if name.is_empty() || name.starts_with('.') {
        return Err(MainError::Message(
            "Relative module names not supported".into(),
        ));
    }
    let (parent_name, leaf) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let mut parent = Value::NONE;
    if let Some(p) = parent_name {
        let pv = vm.new_str(p);
        match import(vm, &pv, 0x8000, &Value::NONE) {
            Ok(m) => parent = m,
            Err(e) => {
                if vm.isinstance(&e, &vm.exc_type("ModuleNotFoundError")) {
                    let line = vm.exc_line(&e);
                    return Err(MainError::Message(format!(
                        "Error while finding module specification for '{name}' ({line})"
                    )));
                }
                return Err(MainError::Raised(e));
            }
        }
    }
    let dirs: Vec<String> = if parent.is_none() {
        search_path(vm).map_err(MainError::Raised)?
    } else {
        let k = vm.intern("__path__");
        match vm.getattr_opt(&parent, &k).map_err(MainError::Raised)? {
            Some(p) => {
                let items = vm.collect(&p).map_err(MainError::Raised)?;
                items.iter().filter_map(|v| vm.str(v).ok()).collect()
            }
            None => {
                return Err(MainError::Message(format!(
                    "Error while finding module specification for '{name}' \
                     (ModuleNotFoundError: __path__ attribute not found on '{}' while trying to find '{name}')",
                    parent_name.unwrap_or("")
                )))
            }
        }
    };
    let package = parent_name.unwrap_or("").to_string();
    for d in dirs {
        let base = std::path::Path::new(&d);
        if base.join(leaf).join("__init__.py").is_file() {
            if package_of_main.is_some() {
                return Err(MainError::Message(format!(
                    "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
                )));
            }
            // A package: import it, then run its `__main__` submodule.
            let pv = vm.new_str(name);
            import(vm, &pv, 0x8000, &Value::NONE).map_err(MainError::Raised)?;
            let main = format!("{name}.__main__");
            return match find_main_module(vm, &main, Some(name)) {
                Err(MainError::Message(m)) if m.starts_with("No module named") => {
                    Err(MainError::Message(format!(
                        "No module named {main}; '{name}' is a package and cannot be directly executed"
                    )))
                }
                r => r,
            };
        }
        let file = base.join(format!("{leaf}.py"));
        if file.is_file() {
            let path = std::path::absolute(&file).unwrap_or(file);
            let path = path.to_string_lossy().into_owned();
            return match std::fs::read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => Ok((path, text, package)),
                Ok(Err(_)) => Err(MainError::Message(format!(
                    "can't decode '{path}' as UTF-8"
                ))),
                Err(e) => Err(MainError::Message(format!("can't open file '{path}': {e}"))),
            };
        }
    }
    if let Some(text) = crate::stdlib::source(name) {
        let label = format!("<lethe>/{}.py", name.replace('.', "/"));
        return Ok((label, text.to_string(), package));
    }
    Err(MainError::Message(format!("No module named {name}")))
}

/// Set up `__main__` for the interactive interpreter (no `__file__`, as in CPython).
pub fn interactive_main(vm: &mut Vm) {
    new_main(vm, None, None);
}

/// Compile and run one input of the interactive interpreter in `__main__`: expression
/// statements print their value (`sys.displayhook`); a syntax error, an unsupported
/// construct or an exception is reported and the session goes on. Returns the exit
/// status when the input raised `SystemExit` (`exit()`, `sys.exit`).
pub fn run_interactive(vm: &mut Vm, filename: &str, text: String) -> Option<i32> {
    let source = lethe_compiler::Source::new(filename, text);
    let code = match lethe_compiler::compile_interactive(&source) {
        Ok(c) => c,
        Err(e) => {
            vm.flush();
            eprintln!("{e}");
            return None;
        }
    };
    let globals = match vm.main_module.as_ref().and_then(|m| m.data()) {
        Some(ObjData::Module(mo)) => mo.dict.clone(),
        _ => new_main(vm, None, None),
    };
    let co = crate::interp::make_code_obj(vm, code, None);
    let r = vm.run_code(co, globals, Value::UNBOUND, Value::NONE);
    vm.run_finalizers();
    let out = match r {
        Ok(_) => None,
        Err(e) => {
            let exit = vm.isinstance(&e, &vm.exc_type("SystemExit"));
            let status = vm.report_uncaught(&e);
            exit.then_some(status)
        }
    };
    vm.flush();
    out
}

/// Interpreter shutdown, as CPython's: first the `__del__` of every object that still
/// has one to run, with the globals intact (in the order a walk from the main module
/// meets them); then the main module's globals are released in definition order, so
/// the `finally` blocks of suspended generators run now (each at its own safe point).
/// Weak-reference callbacks no longer run: in CPython the main module's objects are
/// then garbage together with the weak references to them, whose callbacks are not
/// called.
pub fn teardown_main(vm: &mut Vm) {
    let Some(m) = vm.main_module.clone() else {
        return;
    };
    crate::weak::stop_callbacks();
    let globals = match m.data() {
        Some(ObjData::Module(mo)) => mo.dict.clone(),
        _ => return,
    };
    for v in crate::gc::pending_finalizers(&globals) {
        crate::value::queue_finalizer(v);
        vm.run_finalizers();
    }
    let entries: Vec<(Value, Value)> = match globals.data() {
        Some(ObjData::Dict(d)) => d
            .borrow()
            .iter()
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect(),
        _ => vec![],
    };
    for (k, v) in entries {
        if let Some(ObjData::Dict(d)) = globals.data() {
            let _ = vm.table_del(d, &k);
        }
        drop(v);
        vm.run_finalizers();
    }
    vm.flush();
}

impl Vm {
    /// Print an uncaught exception (or handle SystemExit); returns the exit status. An
    /// uncaught KeyboardInterrupt makes the process end by SIGINT after shutdown, as
    /// CPython's does (see `exit_status`).
    pub fn report_uncaught(&mut self, e: &Value) -> i32 {
        let ki = self.exc_type("KeyboardInterrupt");
        if self.isinstance(e, &ki) {
            SIGINT_EXIT.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.report_uncaught_inner(e)
    }

    fn report_uncaught_inner(&mut self, e: &Value) -> i32 {
        self.flush();
        if self.isinstance(e, &self.t.exc["SystemExit"].clone()) {
            let code = crate::exc::exc_data(e)
                .map(|d| d.borrow().args.clone())
                .unwrap_or(Value::NONE);
            let code = match code.data() {
                Some(ObjData::Tuple(t)) if t.len() == 1 => t[0].clone(),
                Some(ObjData::Tuple(t)) if t.is_empty() => Value::NONE,
                _ => code,
            };
            if code.is_none() {
                return 0;
            }
            if let Some(i) = as_i64(&code).filter(|_| is_int(&code)) {
                return i as i32;
            }
            let s = self.str(&code).unwrap_or_default();
            eprintln!("{s}");
            return 1;
        }
        if self.is_unsupported(e) {
            let msg = self.exc_str(e).unwrap_or_default();
            let loc = crate::exc::exc_data(e)
                .and_then(|d| {
                    // The innermost frame of the program (not of an embedded
                    // library module) that reached the unsupported feature.
                    let d = d.borrow();
                    d.traceback
                        .iter()
                        .find(|t| !t.code.filename.starts_with("<lethe>/"))
                        .or(d.traceback.first())
                        .map(|t| {
                            let line = t.code.line_of(crate::exc::tb_pc(t));
                            format!("{}:{line}: ", t.code.filename)
                        })
                })
                .unwrap_or_default();
            eprintln!("{loc}{msg}");
            return 2;
        }
        if let Some(hook) = self.user_excepthook() {
            let t = self.type_of(e);
            let k = self.intern("__traceback__");
            let tb = self
                .getattr_opt(e, &k)
                .ok()
                .flatten()
                .unwrap_or(Value::NONE);
            match self.call(&hook, vec![t, e.clone(), tb]) {
                Ok(_) => {
                    self.flush();
                    return 1;
                }
                Err(he) => {
                    self.flush();
                    let hook_text = self.format_exception(&he);
                    let text = self.format_exception(e);
                    eprint!(
                        "Error in sys.excepthook:\n{hook_text}\nOriginal exception was:\n{text}"
                    );
                    return 1;
                }
            }
        }
        let text = self.format_exception(e);
        eprint!("{text}");
        1
    }

    /// `sys.excepthook` when the program replaced it (None while it is the built-in).
    fn user_excepthook(&mut self) -> Option<Value> {
        let k = self.intern("sys");
        let modules = self.modules.clone();
        let Some(ObjData::Dict(mods)) = modules.data() else {
            return None;
        };
        let sys = self.table_get(mods, &k).ok()??;
        let Some(ObjData::Module(m)) = sys.data() else {
            return None;
        };
        let Some(ObjData::Dict(d)) = m.dict.data() else {
            return None;
        };
        let k = self.intern("excepthook");
        let hook = self.table_get(d, &k).ok()??;
        match hook.data() {
            Some(ObjData::Builtin(b)) if b.owner == "sys" && b.name == "excepthook" => None,
            _ => Some(hook),
        }
    }
}

/// `sys.excepthook(type, value, traceback)` (also `sys.__excepthook__`): print the
/// exception as an uncaught one is printed.
fn sys_excepthook(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 3 {
        return Err(vm.type_error(&format!(
            "excepthook expected 3 arguments, got {}",
            a.pos.len()
        )));
    }
    let e = a.pos[1].clone();
    vm.flush();
    if e.is_none() || crate::exc::exc_data(&e).is_none() {
        let tn = vm.type_name(&e);
        eprintln!("TypeError: print_exception(): Exception expected for value, {tn} found");
        return Ok(Value::NONE);
    }
    let text = vm.format_exception(&e);
    eprint!("{text}");
    Ok(Value::NONE)
}

static SIGINT_EXIT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The process's last act: end by SIGINT after an uncaught KeyboardInterrupt (the
/// parent sees "killed by SIGINT", as with CPython), else return `status`.
pub fn exit_status(status: i32) -> i32 {
    if SIGINT_EXIT.load(std::sync::atomic::Ordering::Relaxed) {
        // SAFETY: restoring the default action and raising a signal on ourselves.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::raise(libc::SIGINT);
        }
        return 130;
    }
    status
}
