//! Heap objects: a small header and the object's data.
//!
//! ```text
//! HeapObj ┌────────────┬────────────┬──────────────────────────────┐
//!         │ rc: u32    │ gc: u32    │ data: ObjData (tag + 32 B)   │
//!         └────────────┴────────────┴──────────────────────────────┘
//! ```
//!
//! `rc` is the reference count; `gc` is the index of the object in the cycle
//! collector's container list (or `u32::MAX` for non-containers). Large payloads are
//! boxed so that the common objects (strings, lists, big ints, cells) stay at 48 bytes
//! (a string's text follows its header in the same allocation: `Value::new_str_obj`).

use crate::dict::DictData;
use crate::value::Value;
use lethe_compiler::bytecode::{Code, FunctionStub};
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// `repr(C)`: native code reads the count and the data at fixed offsets.
#[repr(C)]
pub struct HeapObj {
    rc: Cell<u32>,
    /// The index in the collector's registry (`GC_UNTRACKED` when not tracked) in the
    /// low 31 bits; the top bit (`GC_WEAK`) says the object takes part in weak
    /// references (as a referent or as a weak reference: see `crate::weak`).
    gc: Cell<u32>,
    pub data: ObjData,
}

/// The `gc` word's flag: the object is in the weak-reference tables.
const GC_WEAK: u32 = 1 << 31;
/// The registry index of an object the collector does not track.
pub(crate) const GC_UNTRACKED: u32 = GC_WEAK - 1;

impl HeapObj {
    pub(crate) fn new(data: ObjData) -> HeapObj {
        HeapObj {
            rc: Cell::new(1),
            gc: Cell::new(GC_UNTRACKED),
            data,
        }
    }
    /// The index in the collector's registry, or `GC_UNTRACKED`.
    #[inline]
    pub(crate) fn gc_index(&self) -> u32 {
        self.gc.get() & !GC_WEAK
    }
    #[inline]
    pub(crate) fn set_gc_index(&self, i: u32) {
        debug_assert!(i <= GC_UNTRACKED);
        self.gc.set(self.gc.get() & GC_WEAK | i);
    }
    /// Whether the object is in the weak-reference tables (`crate::weak`).
    #[inline]
    pub(crate) fn weak_flag(&self) -> bool {
        self.gc.get() & GC_WEAK != 0
    }
    pub(crate) fn set_weak_flag(&self, on: bool) {
        let g = self.gc.get() & !GC_WEAK;
        self.gc.set(if on { g | GC_WEAK } else { g });
    }
    #[inline]
    pub(crate) fn incref(&self) {
        self.rc.set(self.rc.get().wrapping_add(1));
    }
    /// Returns true when this was the last reference.
    #[inline]
    pub(crate) fn decref(&self) -> bool {
        let n = self.rc.get() - 1;
        self.rc.set(n);
        n == 0
    }
    pub fn refcount(&self) -> u32 {
        self.rc.get()
    }
}

/// A string: UTF-8 with a cached character count and hash. Its bytes follow the
/// `HeapObj` in the same allocation (one allocation per string; see
/// `Value::new_str_obj`), so a `StrObj` only exists inside a heap object.
pub struct StrObj {
    pub s: StrBuf,
    /// Number of characters (== bytes.len() when ASCII).
    pub nchars: usize,
    pub hash: Cell<i64>,
}

impl StrObj {
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
}

/// The bytes of a [`StrObj`]: a pointer to the UTF-8 text stored right after the
/// object's header, and its length. It owns nothing: the text is freed with the
/// object (`free_object` deallocates header and text together).
pub struct StrBuf {
    ptr: std::ptr::NonNull<u8>,
    len: usize,
}

impl StrBuf {
    /// # Safety
    /// `ptr..ptr+len` must be valid UTF-8 that lives as long as the `StrBuf`.
    pub(crate) unsafe fn from_raw(ptr: std::ptr::NonNull<u8>, len: usize) -> StrBuf {
        StrBuf { ptr, len }
    }
}

impl std::ops::Deref for StrBuf {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: `from_raw`'s contract: valid UTF-8 owned by the enclosing object.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr.as_ptr(), self.len))
        }
    }
}

impl std::fmt::Display for StrBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl PartialEq for StrBuf {
    fn eq(&self, other: &StrBuf) -> bool {
        **self == **other
    }
}

impl Eq for StrBuf {}

impl PartialOrd for StrBuf {
    fn partial_cmp(&self, other: &StrBuf) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for StrBuf {
    fn cmp(&self, other: &StrBuf) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl std::fmt::Debug for StrBuf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// A user-defined (or built-in) function.
pub struct FuncObj {
    pub proto: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub globals: Value,
    /// `__defaults__` and `__kwdefaults__`: assignable, as in CPython.
    pub defaults: RefCell<Value>,
    pub kwdefaults: RefCell<Value>,
    pub closure: Value,
    pub dict: RefCell<Option<Value>>,
    pub module: Value,
    /// The record frameless calls from native code use (null: none yet; see
    /// `crate::jit::Direct`). Owned.
    pub direct: std::cell::Cell<*mut crate::jit::Direct>,
}

impl Drop for FuncObj {
    fn drop(&mut self) {
        let d = self.direct.replace(std::ptr::null_mut());
        if !d.is_null() {
            let _g = lethe_ledger::scope(lethe_ledger::Category::Deopt);
            // SAFETY: made by Box::into_raw in `Vm::set_direct` and owned here.
            drop(unsafe { Box::from_raw(d) });
        }
    }
}

/// What all function objects created by one `def`/lambda share: the stub or code, the
/// materialised constants and the inline caches. Bytecode is compiled here on first
/// call and dropped here when flushed.
pub struct ProtoObj {
    pub stub: Option<Rc<FunctionStub>>,
    /// Shared with the flushing registry, which can drop the bytecode of a function
    /// that has not run for a while (it is compiled again from the stub).
    pub code: Rc<RefCell<Option<Rc<CodeObj>>>>,
    /// Registered for flushing (once).
    pub flushable: std::cell::Cell<bool>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
}

impl Drop for ProtoObj {
    fn drop(&mut self) {
        if self.stub.is_some() && self.code.borrow().is_none() {
            crate::jit::note_source(-1);
        }
    }
}

/// Code ready to run: compiled bytecode plus its constants as values.
///
/// The bytecode proper (instructions and raw constants) can be forgotten: once native
/// code covers a function that can be compiled again from its source, `bytecode` is
/// dropped, and it is re-derived (bytecode generation is deterministic) when an exit
/// from native code, an exception handler or the interpreter needs it again. What
/// every tier needs stays in `code`.
pub struct CodeObj {
    /// The header: names, parameters, registers, flags, line and exception tables
    /// (a `Code` without instructions and raw constants; ledger: `scopes`).
    pub code: lethe_ledger::Counted<Rc<Code>>,
    /// The instructions (a full `Code`; ledger: `bytecode`), while they exist.
    pub bytecode: RefCell<Option<lethe_ledger::Counted<Rc<Code>>>>,
    /// Where the bytecode comes back from (None: module and class bodies, which keep
    /// theirs).
    pub source: Option<Rc<FunctionStub>>,
    /// Number of instructions.
    pub ninstrs: usize,
    /// Hash of the instructions when they were forgotten (re-derivation is checked
    /// against it).
    pub forgotten: std::cell::Cell<Option<u64>>,
    pub consts: Vec<Value>,
    /// Names as interned string values (for attribute and global access).
    pub names: Vec<Value>,
    /// The interpreter's attribute inline caches, one per instruction offset (class,
    /// type epoch, shape, slot), allocated on the first attribute access (a side table
    /// of the bytecode, in the ledger's `feedback` category, forgotten with it).
    pub attr_cache: lethe_ledger::Counted<RefCell<Option<IcTable>>>,
    /// Global-variable cache, one slot per name: valid while the globals dict (by
    /// address) and the builtins dict have the recorded versions.
    pub global_cache: RefCell<Vec<GlobalCache>>,
    /// Tiering counters, feedback and native code.
    pub jit: crate::jit::JitState,
    /// The collection epoch of the last call (bytecode flushing ages by it).
    pub last_used: Cell<u64>,
}

/// Attribute inline caches of one code object: a group of `IC_WAYS` entries for
/// each attribute instruction (native code reads and writes them through a pointer
/// to the first entry; see `lethe_jit::ic_groups`).
pub struct IcTable {
    /// The group of each instruction offset (u16::MAX: none).
    pub groups: Box<[u16]>,
    pub entries: Box<[Cell<lethe_jit::AttrIc>]>,
}

impl IcTable {
    pub fn new(instrs: &[lethe_compiler::bytecode::Instr]) -> IcTable {
        let (groups, n) = lethe_jit::ic_groups(instrs);
        IcTable {
            groups: groups.into_boxed_slice(),
            entries: vec![Cell::new(lethe_jit::AttrIc::default()); n * lethe_jit::IC_WAYS]
                .into_boxed_slice(),
        }
    }
    pub fn empty() -> IcTable {
        IcTable {
            groups: Box::new([]),
            entries: Box::new([]),
        }
    }
    /// The entries of the instruction at `pc`.
    #[inline]
    pub fn group(&self, pc: usize) -> Option<&[Cell<lethe_jit::AttrIc>]> {
        let g = *self.groups.get(pc)? as usize;
        self.entries
            .get(g * lethe_jit::IC_WAYS..(g + 1) * lethe_jit::IC_WAYS)
    }
    pub fn as_ptr(&self) -> *mut lethe_jit::AttrIc {
        // Cell<T> has T's layout.
        self.entries.as_ptr() as *mut lethe_jit::AttrIc
    }
}

/// A global-variable cache entry (shared with native code).
pub type GlobalCache = lethe_jit::GlobalIc;

pub type NativeFn = fn(&mut crate::Vm, &crate::Args) -> crate::PyResult<Value>;

pub struct BuiltinObj {
    pub name: &'static str,
    pub f: NativeFn,
    /// Bound receiver for builtin methods (`"abc".upper`).
    pub slf: Option<Value>,
    /// Module or type name for repr.
    pub owner: &'static str,
    /// Its number among the built-ins native code runs inline
    /// (`lethe_jit::intrinsic`; 0: none).
    pub intrinsic: u8,
}

impl BuiltinObj {
    /// A method of a built-in type rather than a module's function: unbound, it
    /// takes its receiver as the first argument.
    pub fn is_type_method(&self) -> bool {
        !matches!(
            self.owner,
            "builtins" | "math" | "cmath" | "time" | "gc" | "sys" | "lethe" | "_lethe"
        )
    }

    /// `dict.keys()`: an unbound method called without its receiver (CPython's
    /// message; `__new__` and the static `maketrans` take none).
    pub fn missing_receiver(&self) -> Option<String> {
        if self.slf.is_some() || !self.is_type_method() {
            return None;
        }
        let (name, owner) = (self.name, self.owner);
        match name {
            "__new__" | "maketrans" => None,
            _ if name.starts_with("__") && name.ends_with("__") => Some(format!(
                "descriptor '{name}' of '{owner}' object needs an argument"
            )),
            _ => Some(format!("unbound method {owner}.{name}() needs an argument")),
        }
    }
}

/// A class.
pub struct TypeObj {
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub module: Rc<str>,
    pub bases: Vec<Value>,
    pub mro: RefCell<Vec<Value>>,
    pub dict: RefCell<DictData>,
    /// The built-in layout instances of this class have.
    pub layout: Layout,
    /// Shape root for instances (attribute layout).
    pub shape_root: Rc<crate::shape::Shape>,
    pub builtin: bool,
    /// Cached facts about the class (see `Vm::class_facts`): (type epoch, bits).
    pub facts: Cell<(u64, u8)>,
    /// Cached constructor facts (type epoch, bits of the `__init__` function to run
    /// after a plain `object.__new__`, or 0: take the general path). The bits hold no
    /// reference: the class dict keeps the function while the epoch is unchanged.
    pub ctor: Cell<(u64, u64)>,
    /// The class (or a base) defines `__del__`: instances are finalised when freed.
    pub has_del: bool,
    /// `__slots__`: None when instances have a `__dict__`, else every slot name of
    /// the class and its bases.
    pub slots: Option<Vec<Value>>,
    /// The metaclass when it is not `type` (unbound: `type`).
    pub meta: RefCell<Value>,
    /// Creation order (`type.__subclasses__` lists subclasses in it).
    pub serial: u64,
}

/// Instance layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Exception,
    /// Built-in types whose values are not instances (int, str, list, …).
    Native,
}

pub use crate::instance::InstanceObj;

/// An instance's class: read as a `Value` (through `Deref`), replaced only by
/// `obj.__class__ = cls` (`ClassSlot::replace`). A reference obtained through `Deref`
/// must not be held across code that may assign `__class__` (a call into Python).
#[repr(transparent)]
pub struct ClassSlot(std::cell::UnsafeCell<Value>);

impl ClassSlot {
    pub fn new(cls: Value) -> ClassSlot {
        ClassSlot(std::cell::UnsafeCell::new(cls))
    }

    /// Where the class is (native code reads it at a fixed offset).
    pub fn as_ptr(&self) -> *const Value {
        self.0.get()
    }

    /// Put `cls` in, returning the previous class.
    pub fn replace(&self, cls: Value) -> Value {
        // SAFETY: single-threaded; no reference from `deref` is live across this call
        // (see the type's documentation).
        unsafe { std::ptr::replace(self.0.get(), cls) }
    }
}

impl std::ops::Deref for ClassSlot {
    type Target = Value;
    #[inline]
    fn deref(&self) -> &Value {
        // SAFETY: see the type's documentation.
        unsafe { &*self.0.get() }
    }
}

/// The state of an exception instance.
pub struct ExcData {
    pub args: Value,
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub line: u32,
}

pub struct ModuleObj {
    pub name: Rc<str>,
    pub dict: Value,
}

/// A suspended generator.
pub struct GenObj {
    pub code: Rc<CodeObj>,
    pub func: Value,
    pub regs: Vec<Value>,
    pub pc: u32,
    pub exc_info: Vec<Value>,
    pub state: GenState,
    /// Register that receives the value sent on resume.
    pub resume_reg: u16,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// Built-in iterators. `repr(u8)`: native code steps range iterators in place.
#[repr(u8)]
pub enum IterState {
    Seq {
        seq: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Value,
        byte: usize,
    },
    Dict {
        dict: Value,
        idx: usize,
        kind: DictIterKind,
        len: usize,
    },
    Enumerate {
        it: Value,
        n: Value,
    },
    Zip {
        its: Vec<Value>,
        /// `zip(..., strict=True)`: unequal lengths raise ValueError.
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    Reversed {
        seq: Value,
        idx: usize,
    },
    Callable {
        f: Value,
        sentinel: Value,
    },
    /// Over a big range: current, stop, step.
    BigRange(Box<[BigInt; 3]>),
    /// Exhausted (its references released); keeps the name of its type.
    Done(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// `repr(u8)`: the variant is a byte at offset 0 (native code tests it).
#[repr(u8)]
pub enum ObjData {
    /// Integers outside the inline 48-bit range that fit in i64 ("medium" ints).
    Int64(i64),
    BigInt(BigInt),
    Str(StrObj),
    List(RefCell<Vec<Value>>),
    Tuple(Box<[Value]>),
    Dict(Box<RefCell<DictData>>),
    Set(Box<RefCell<DictData>>),
    FrozenSet(Box<RefCell<DictData>>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    /// A range whose bounds do not fit `Range` (see `bigrange.rs`).
    BigRange(Box<[BigInt; 3]>),
    Slice(Box<[Value; 3]>),
    Func(Box<FuncObj>),
    Proto(Box<ProtoObj>),
    Builtin(Box<BuiltinObj>),
    BoundMethod(Box<(Value, Value)>),
    Type(Box<TypeObj>),
    /// Inline: an instance is one allocation (see `crate::instance`).
    Instance(InstanceObj),
    Module(Box<ModuleObj>),
    Cell(RefCell<Value>),
    Gen(Box<RefCell<GenObj>>),
    Iter(Box<RefCell<IterState>>),
    DictView(Box<(Value, DictIterKind)>),
    /// fget, fset, fdel, doc.
    Property(Box<[Value; 4]>),
    StaticMethod(Value),
    ClassMethod(Value),
    Super(Box<(Value, Value)>),
    /// The descriptor of a `__slots__` name: (name, owner class name).
    Member(Box<(Value, Value)>),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    /// A complex number: real and imaginary parts.
    Complex(f64, f64),
    /// Native data a library helper hands to Python code as an opaque value (the
    /// compiled programs of `re`, see `builtins/re_native.rs`).
    Native(Box<dyn std::any::Any>),
    /// The items of a `collections.deque` (wrapped by the deque instance; see
    /// `crate::deque`).
    Deque(Box<crate::deque::DequeObj>),
    /// The state of a deque iterator (wrapped by the iterator instance).
    DequeIter(Box<crate::deque::DequeIterObj>),
}

const _: () = assert!(std::mem::size_of::<ObjData>() <= 40);

impl ObjData {
    /// Objects that can take part in reference cycles (tracked by the collector).
    pub fn is_container(&self) -> bool {
        matches!(
            self,
            ObjData::List(_)
                | ObjData::Dict(_)
                | ObjData::Set(_)
                | ObjData::Func(_)
                | ObjData::Type(_)
                | ObjData::Instance(_)
                | ObjData::Cell(_)
                | ObjData::Gen(_)
                | ObjData::BoundMethod(_)
                | ObjData::Tuple(_)
                | ObjData::Module(_)
                | ObjData::Deque(_)
                | ObjData::DequeIter(_)
        )
    }
}
