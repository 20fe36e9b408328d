//! The lethe virtual machine: object model, register interpreter, built-in library.
//!
//! * [`value`] — NaN-boxed values; [`object`] — heap objects with reference counts;
//!   [`gc`] — the cycle collector; [`dict`] — the compact hash table; [`shape`] —
//!   hidden classes for instance attributes.
//! * [`interp`] — the interpreter loop. Python-to-Python calls push a frame on a heap
//!   frame stack (no Rust recursion), so deep recursion is bounded by
//!   `sys.setrecursionlimit`, not by the native stack.
//! * [`ops`] — operators and protocols (arithmetic, comparison, hashing, repr);
//!   [`types`] — classes, attribute lookup and the built-in types; [`builtins`] and
//!   [`modules`] — the library.
//!
//! Errors are Python exceptions: every fallible operation returns
//! `PyResult<T> = Result<T, Value>` whose error is the exception instance.

pub mod attr;
pub mod bigrange;
pub mod builtins;
pub mod complex;
pub mod deque;
pub mod dict;
pub mod exc;
pub mod excgroup;
pub mod gc;
pub mod instance;
pub mod interp;
pub mod jit;
pub mod kwcheck;
pub mod mappingproxy;
pub mod mathfns;
pub mod meta;
pub mod methods;
pub mod modules;
pub mod mt;
pub mod object;
pub mod ops;
pub mod shape;
pub mod sizeof;
pub mod stdlib;
pub mod suggest;
pub mod timsort;
pub mod types;
pub mod value;
pub mod weak;

use object::ObjData;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
pub use value::Value;

/// Result of an operation that may raise: the error is the exception instance.
pub type PyResult<T> = Result<T, Value>;

/// Arguments of a call to a native function.
pub struct Args {
    pub pos: Vec<Value>,
    /// Keyword arguments (name, value), names as Rust strings.
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.pos.get(i)
    }
    pub fn kwarg(&self, name: &str) -> Option<&Value> {
        self.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
    }
    /// Positional argument `i`, or keyword `name`.
    pub fn arg(&self, i: usize, name: &str) -> Option<&Value> {
        self.pos.get(i).or_else(|| self.kwarg(name))
    }
}

/// Options that change how the VM runs (set from the command line).
#[derive(Clone, Debug)]
pub struct Options {
    pub recursion_limit: usize,
    pub jit: jit::JitMode,
    /// Calls before a function is compiled to native code.
    pub jit_threshold: u32,
    /// Loop iterations before a function is compiled and entered at the loop.
    pub jit_loop_threshold: u32,
    /// Compile in this process instead of the compiler process.
    pub jit_inproc: bool,
    /// Idle seconds after which the compiler process exits.
    pub jit_idle_secs: u64,
    /// With `--jit=on` and the compiler process, compile while the program runs on
    /// interpreted (`--jit-background=on`, the default) instead of waiting.
    pub jit_background: bool,
    pub code_cache: CodeCacheOpt,
    /// `--jit-stats` was given (cache rejections are reported).
    pub jit_stats: bool,
    /// Collections without a call after which a function's bytecode (with its
    /// feedback and native code) is dropped back to its source span; 0: never.
    pub flush_age: u64,
    /// Most bytes of native code kept mapped (`--max-code`).
    pub max_code: Option<usize>,
}

/// Where compiled code is cached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeCacheOpt {
    /// `$XDG_CACHE_HOME/lethe` or `~/.cache/lethe`.
    Default,
    Off,
    Dir(std::path::PathBuf),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            recursion_limit: 1000,
            jit: jit::JitMode::On,
            jit_threshold: jit::DEFAULT_CALL_THRESHOLD,
            jit_loop_threshold: jit::DEFAULT_LOOP_THRESHOLD,
            jit_inproc: false,
            jit_idle_secs: lethe_jit::remote::DEFAULT_IDLE_SECS,
            jit_background: true,
            code_cache: CodeCacheOpt::Default,
            jit_stats: false,
            flush_age: jit::DEFAULT_FLUSH_AGE,
            max_code: None,
        }
    }
}

/// Output buffer for `print` (block-buffered like CPython's when not a terminal).
pub struct Stdout {
    buf: Vec<u8>,
    tty: bool,
    unbuffered: bool,
    /// The error of the last write that failed (a closed pipe), until it is reported:
    /// as an exception from the `print`/`write` that flushed, or at exit.
    failed: Option<std::io::Error>,
}

impl Stdout {
    pub fn write_str(&mut self, s: &str) {
        self.write_bytes(s.as_bytes());
    }
    pub fn write_bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
        if self.unbuffered || self.buf.len() > 8192 || (self.tty && b.contains(&b'\n')) {
            self.flush();
        }
    }
    /// Write every `print` through at once (`-u`, `PYTHONUNBUFFERED`).
    pub fn set_unbuffered(&mut self, on: bool) {
        self.unbuffered = on;
    }
    pub fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let mut out = std::io::stdout().lock();
        let r = out.write_all(&self.buf).and_then(|_| out.flush());
        self.buf.clear();
        if let Err(e) = r {
            self.failed = Some(e);
        }
    }
    /// The error of a failed write not reported yet.
    pub fn take_error(&mut self) -> Option<std::io::Error> {
        self.failed.take()
    }
}

pub struct Vm {
    pub regs: Vec<Value>,
    pub frames: Vec<interp::Frame>,
    pub builtins: Value,
    pub t: types::BuiltinTypes,
    pub interned: HashMap<Rc<str>, Value, FxBuild>,
    /// sys.modules
    pub modules: Value,
    pub opts: Options,
    pub stdout: Stdout,
    pub argv: Vec<String>,
    /// Directory searched for `import x` (the script's directory first).
    pub path: Vec<String>,
    pub main_module: Option<Value>,
    /// Rust-level re-entrancy depth of the interpreter loop (builtins calling back).
    pub native_depth: usize,
    /// Exceptions being handled by frames that are not on the Python stack (native
    /// code calling back into Python).
    pub exit_code: Option<i32>,
    pub stats: Stats,
    /// Native activations on the machine stack.
    pub jit_depth: usize,
    /// The inline caches of the native code whose runtime entry point is running.
    pub(crate) native_ic: *const crate::object::IcTable,
    /// Native code of frames made for frameless activations (by frame index), held
    /// until the frame is finished.
    pub(crate) frameless_holds: Vec<(usize, std::rc::Rc<crate::jit::Native>)>,
    /// Whether native code makes frameless calls (the function layout is known).
    pub(crate) frameless: bool,
    /// See `jit::stack_floor` (u64::MAX: not known yet; no frameless calls).
    pub(crate) stack_floor: u64,
    /// Argument vectors of finished built-in calls, reused (no allocation per call).
    pub(crate) arg_pool: Vec<Vec<Value>>,
    /// Where the latest NameErrors were raised (for "Did you mean").
    pub(crate) name_error_sites: Vec<suggest::NameErrorSite>,
    /// The exception raised by an instruction run for native code.
    pub jit_exc: Option<(Value, bool)>,
    /// The compiler process and the code cache.
    pub jitrt: jit::JitRuntime,
    /// Functions compiled from a stub, for bytecode flushing.
    pub flushable: Vec<std::rc::Weak<std::cell::RefCell<Option<Rc<object::CodeObj>>>>>,
    /// The collection epoch flushing last looked at.
    pub flush_epoch: u64,
    /// Code objects that have native code, for the code budget and shedding.
    pub native_lru: Vec<std::rc::Weak<object::CodeObj>>,
    /// Counts native entries (the code budget's notion of recency).
    pub native_clock: u64,
    /// The 128 one-character ASCII strings, shared (as CPython shares its latin-1
    /// singletons): string iteration and indexing allocate nothing for them.
    ascii_chars: Vec<Value>,
    /// `()`: one object, as in CPython (`() is ()`).
    empty_tuple: Value,
}

/// Counters for `--mem-report` and tests.
#[derive(Default, Debug, Clone)]
pub struct Stats {
    pub functions_compiled: usize,
    pub jit: jit::JitStats,
}

impl Vm {
    pub fn new(opts: Options) -> Vm {
        let _g = lethe_ledger::scope(lethe_ledger::Category::Objects);
        let t = types::BuiltinTypes::new();
        let mut vm = Vm {
            regs: Vec::with_capacity(1024),
            frames: Vec::new(),
            builtins: Value::NONE,
            t,
            interned: HashMap::with_hasher(FxBuild),
            modules: Value::NONE,
            opts,
            stdout: Stdout {
                buf: Vec::with_capacity(8192),
                tty: is_tty(),
                unbuffered: false,
                failed: None,
            },
            argv: Vec::new(),
            path: Vec::new(),
            main_module: None,
            native_depth: 0,
            exit_code: None,
            stats: Stats::default(),
            jit_depth: 0,
            native_ic: std::ptr::null(),
            frameless_holds: Vec::new(),
            frameless: false,
            stack_floor: u64::MAX,
            arg_pool: Vec::new(),
            name_error_sites: Vec::new(),
            jit_exc: None,
            jitrt: jit::JitRuntime::default(),
            flushable: Vec::new(),
            flush_epoch: 0,
            native_lru: Vec::new(),
            native_clock: 0,
            ascii_chars: Vec::new(),
            empty_tuple: Value::new_obj(ObjData::Tuple(Box::new([]))),
        };
        vm.ascii_chars = (0u8..128)
            .map(|b| vm.intern(&(b as char).to_string()))
            .collect();
        vm.modules = vm.new_dict();
        types::init_types(&mut vm);
        vm.builtins = builtins::make_builtins(&mut vm);
        vm
    }

    // ---- constructors ----

    pub fn new_str(&self, s: &str) -> Value {
        Value::new_str_obj(s)
    }

    pub fn new_string(&self, s: String) -> Value {
        Value::new_str_from_string(s)
    }

    /// A one-character string.
    /// The one-character strs of the ASCII characters, as values (native code reads
    /// them; the VM holds them).
    pub(crate) fn ascii_table(&self) -> *const u64 {
        self.ascii_chars.as_ptr() as *const u64
    }

    pub fn new_char(&self, c: char) -> Value {
        if (c as u32) < 128 {
            if let Some(v) = self.ascii_chars.get(c as usize) {
                return v.clone();
            }
        }
        let mut b = [0u8; 4];
        self.new_str(c.encode_utf8(&mut b))
    }

    /// An interned string (identifiers, attribute names).
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return v.clone();
        }
        let v = self.new_str(s);
        // Interned strings carry their hash from the start: native code tells two
        // of them apart by it without reading the text.
        if let Some(ObjData::Str(so)) = v.data() {
            so.hash.set(crate::ops::hash_bytes(s.as_bytes()));
        }
        self.interned.insert(Rc::from(s), v.clone());
        v
    }

    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::new_obj(ObjData::List(std::cell::RefCell::new(items)))
    }

    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        Value::new_obj(ObjData::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(&self) -> Value {
        Value::new_obj(ObjData::Dict(Box::new(std::cell::RefCell::new(
            dict::DictData::new(),
        ))))
    }

    pub fn new_set(&self) -> Value {
        Value::new_obj(ObjData::Set(Box::new(std::cell::RefCell::new(
            dict::DictData::new(),
        ))))
    }

    pub fn new_int(&self, i: i64) -> Value {
        if Value::fits_inline(i) {
            Value::small_int(i)
        } else {
            Value::new_obj(ObjData::Int64(i))
        }
    }

    pub fn new_bigint(&self, b: num_bigint::BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => self.new_int(i),
            None => Value::new_obj(ObjData::BigInt(b)),
        }
    }

    pub fn new_native(
        &self,
        name: &'static str,
        owner: &'static str,
        f: object::NativeFn,
    ) -> Value {
        Value::new_obj(ObjData::Builtin(Box::new(object::BuiltinObj {
            name,
            f,
            slf: None,
            owner,
            intrinsic: lethe_jit::intrinsic::id(owner, name),
        })))
    }

    pub fn flush(&mut self) {
        self.stdout.flush();
    }

    /// Write to standard output for `print` and `sys.stdout.write`: a write that
    /// fails (the reader closed the pipe) raises OSError, BrokenPipeError for EPIPE.
    pub fn write_stdout(&mut self, b: &[u8]) -> PyResult<()> {
        self.stdout.write_bytes(b);
        self.stdout_error()
    }

    /// Raise the error of a failed write to standard output, if any.
    pub fn stdout_error(&mut self) -> PyResult<()> {
        match self.stdout.take_error() {
            Some(e) => Err(crate::stdlib::os_error_nofile(self, &e)),
            None => Ok(()),
        }
    }

    /// Flush standard output at exit. A write that fails there is reported as
    /// CPython reports it ("Exception ignored ...") and makes the status 120 when it
    /// was 0.
    pub fn flush_at_exit(&mut self, status: i32) -> i32 {
        self.stdout.flush();
        match self.stdout.take_error() {
            Some(e) => {
                let e = crate::stdlib::os_error_nofile(self, &e);
                let text = self.format_exception(&e);
                let last = text.lines().last().unwrap_or("").to_string();
                eprintln!(
                    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
                );
                eprintln!("{last}");
                if status == 0 {
                    120
                } else {
                    status
                }
            }
            None => status,
        }
    }
}

fn is_tty() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal()
}

/// FxHash (as in rustc): interning runs on every special-method lookup, where SipHash's
/// flooding resistance buys nothing (keys are identifiers from the program itself).
#[derive(Clone, Copy, Default)]
pub struct FxBuild;

pub struct FxHasher(u64);

impl std::hash::BuildHasher for FxBuild {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
