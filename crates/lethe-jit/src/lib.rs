//! lethe's native tier: register bytecode + observed register kinds in, position
//! independent machine code out.
//!
//! The interface is narrow and serialisable: [`compile`] takes a [`Code`] object and a
//! [`Feedback`] (which registers were seen holding heap objects, where) and returns
//! [`Compiled`]: code bytes, the entry points and the relocation count, which is
//! always zero. The compiler keeps no state between calls; everything it allocates is
//! freed when `compile` returns. Cranelift never appears in this crate's interface.
//!
//! # The execution model
//!
//! Native code executes an interpreter frame: it receives a [`JitCtx`] whose `regs`
//! points at the frame's register window (one 64-bit NaN-boxed value per register).
//! Each register is, at each bytecode offset, in one of two representations:
//!
//! - *scalar*: kept in a machine register (a Cranelift variable); the value is an
//!   inline int, a float, a bool, None or unbound, so it owns no reference;
//! - *memory*: kept in the frame's window, owned there, managed by the runtime.
//!
//! Instructions on scalars (arithmetic and comparisons on ints and floats, branches,
//! moves, constants) are compiled inline with guards on the value tags. Everything
//! else — and every guard that fails — goes through one runtime entry point, `exec`,
//! which runs that single instruction with the interpreter's own implementation on the
//! memory window (scalars are spilled before and reloaded after). A reload that finds a
//! heap object in a register speculated to be scalar leaves native code through a
//! deoptimisation exit; the runtime records where (the [`Feedback`]) and recompiles
//! with that register in memory from then on.
//!
//! Native code leaves with a packed `u64` ([`decode_exit`]): resume interpreting at a
//! bytecode offset (returns, unusual paths), deoptimise, or propagate an exception
//! already raised by `exec`. Every exit leaves the window exactly as the interpreter
//! expects it at that offset, so the interpreter simply continues.
//!
//! The code contains no address of the process: the runtime entry point and the
//! window are reached through the context pointer passed in, so the same bytecode
//! compiles to the same bytes in every process.

pub mod cache;
pub mod codemem;
pub mod remote;

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    types, AbiParam, Block, Function, InstBuilder, MemFlagsData, Signature, StackSlotData,
    StackSlotKind, UserFuncName, Value as CVal,
};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch, Variable};
use lethe_compiler::bytecode::{BinOp, CmpOp, Code, Const, Instr, Reg, UnOp};
use std::collections::BTreeSet;

// The value encoding (must match lethe-vm's `value.rs`).
const TAG_INT: u64 = 0xFFF9 << 48;
const TAG_PTR_HI: i64 = 0xFFFA;
const TAG_INT_HI: i64 = 0xFFF9;
const TAG_SPECIAL_HI: i64 = 0xFFFB;
const PAYLOAD: u64 = (1 << 48) - 1;
const CANON_NAN: u64 = 0x7FF8_0000_0000_0000;
const V_NONE: u64 = 0xFFFB << 48;
const V_FALSE: u64 = V_NONE | 1;
const V_TRUE: u64 = V_NONE | 2;
const V_UNBOUND: u64 = V_NONE | 3;
const INLINE_MIN: i64 = -(1 << 47);
const INLINE_MAX: i64 = (1 << 47) - 1;

/// Identifies the build of the code generator (a hash of the sources that decide
/// what native code does): part of every code-cache key.
pub const BUILD_ID: &str = env!("LETHE_JIT_BUILD_ID");

/// A runtime entry point: run the instruction at offset `pc` (whose operands native
/// code passes pre-decoded as `a`, `b`, `c` to the specialised entries). Returns the
/// next offset, [`EXEC_EXC`] or [`EXEC_DEPTH`].
pub type ExecFn = unsafe extern "C" fn(*mut JitCtx, u32, u32, u32, u32) -> u64;

/// The runtime entry points, by index into [`JitCtx::helpers`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Helper {
    /// Any instruction (decoded by the runtime).
    Exec = 0,
    /// `GetAttr`: a = obj, b = name, c = dst.
    GetAttr = 1,
    /// `SetAttr`: a = obj, b = name, c = src.
    SetAttr = 2,
    /// `GetItem`: a = obj, b = key, c = dst.
    GetItem = 3,
    /// `SetItem`: a = obj, b = key, c = src.
    SetItem = 4,
    /// `LoadGlobal`: a = dst, b = name.
    LoadGlobal = 5,
    /// `ForIter`: a = iterator register, b = exhausted target.
    ForIter = 6,
    /// `Move`: a = dst, b = src.
    Move = 7,
    /// `Clear`: a = reg.
    Clear = 8,
    /// `Call`: a = func, b = argc, c = dst.
    Call = 9,
    /// `LoadMethod`: a = obj, b = name, c = dst.
    LoadMethod = 10,
    /// `CallMethod`: a = base, b = argc, c = dst.
    CallMethod = 11,
    /// `LoadConst` of a heap constant: a = dst, b = constant index.
    LoadConst = 12,
    /// The end of a frameless call (`JitCtx::callee`) that did not return plainly:
    /// a = dst. The runtime gives the callee a frame and finishes it.
    CallDone = 13,
    /// A frameless constructor call: a = func (the class), b = argc, c = dst. The
    /// runtime checks the class (a plain instance, an `__init__` with a direct record
    /// for argc + 1 arguments, room to call it), makes the instance into `dst` and
    /// returns the record's address; 0: take the general call.
    Construct = 14,
    /// `__init__` returned `JitCtx::result`, not None: raise the TypeError.
    InitResult = 15,
    /// `Binary` / `InplaceBinary` on operands the inline paths do not take (objects,
    /// results outside the inline int range): a = left, b = right, c = dst | op << 16
    /// | in-place << 24.
    Binary = 16,
    /// Leaf entries (called with their own signature, `fn(u64) -> u64`, and no
    /// context: they only allocate or free): a new medium int (an `int` heap
    /// object holding the argument; returns its value, count 1) ...
    NewInt64 = 17,
    /// ... and the release of the last reference to one (the argument is its value;
    /// returns 0).
    FreeInt64 = 18,
}

/// Number of runtime entry points.
pub const HELPERS: usize = 19;

/// The entry offset a frameless call enters a function's code with: offset 0, after
/// the registers past the parameters are made unbound (the window is fresh memory).
pub const FRAMELESS_ENTRY: u32 = 0xFFFF_FFF0;
/// `JitCtx::frame` of an activation that has no interpreter frame (yet).
pub const NO_FRAME: usize = usize::MAX;

/// What a frameless call needs to know about its callee: kept by each function
/// object whose code is native and takes its arguments directly, valid while the
/// byte `alive` points at is 1 (the native code exists).
#[repr(C)]
#[derive(Debug)]
pub struct DirectRec {
    pub entry: u64,
    pub alive: *const u8,
    pub argc: u64,
    pub nregs: u64,
    pub code: u64,
    pub ic: u64,
    pub gcache: u64,
    pub globals: u64,
    pub gver: u64,
    pub bver: u64,
    pub ic_table: u64,
    pub native: u64,
    pub consts: u64,
    /// The code object's "last called in collection epoch" (for bytecode flushing).
    pub last_used: *mut u64,
    /// Frameless calls made, and how many of them the runtime had to give a frame
    /// (the runtime stops frameless calls of a function that mostly needs one).
    pub calls: u64,
    pub mats: u64,
    /// The function (value bits; the function object owns the record).
    pub func: u64,
}

const REC_ENTRY: i32 = std::mem::offset_of!(DirectRec, entry) as i32;
const REC_ALIVE: i32 = std::mem::offset_of!(DirectRec, alive) as i32;
const REC_ARGC: i32 = std::mem::offset_of!(DirectRec, argc) as i32;
const REC_NREGS: i32 = std::mem::offset_of!(DirectRec, nregs) as i32;
const REC_LAST_USED: i32 = std::mem::offset_of!(DirectRec, last_used) as i32;
const REC_CALLS: i32 = std::mem::offset_of!(DirectRec, calls) as i32;
/// A compiled function: `(ctx, entry offset) -> packed exit`.
pub type EntryFn = unsafe extern "C" fn(*mut JitCtx, u32) -> u64;

/// `exec` raised: the exception is pending in the runtime.
pub const EXEC_EXC: u64 = 0xFFFF_FFFF;
/// `exec` declined to run the instruction (native stack too deep): interpret it.
pub const EXEC_DEPTH: u64 = 0xFFFF_FFFE;

/// What native code receives. Field offsets are part of the code's ABI.
#[repr(C)]
pub struct JitCtx {
    /// Offset 0: the frame's register window (reloaded after every runtime call,
    /// which may move it).
    pub regs: *mut u64,
    /// Offset 8: the table of runtime entry points, indexed by [`Helper`].
    pub helpers: *const [ExecFn; HELPERS],
    /// Runtime data the code never reads.
    pub vm: *mut std::ffi::c_void,
    pub code: *const std::ffi::c_void,
    pub base: usize,
    pub frame: usize,
    /// The code object's attribute inline caches, one [`AttrIc`] per instruction
    /// offset (sized to the bytecode before native code runs; never reallocated
    /// while it runs).
    pub ic: *mut AttrIc,
    /// The runtime's type epoch (bumped by every change to a class).
    pub type_epoch: *const u64,
    /// The code object's global-variable caches, one [`GlobalIc`] per name (never
    /// reallocated while native code runs).
    pub gcache: *const GlobalIc,
    /// The frame's globals table (its address) and where the versions of it and of
    /// the builtins table are.
    pub globals: u64,
    pub gver: *const u64,
    pub bver: *const u64,
    /// The runtime's record of the caches `ic` points into (never read by code).
    pub ic_table: *const std::ffi::c_void,
    /// The runtime's record of the running code (never read by code).
    pub native: *const std::ffi::c_void,
    /// The code object's materialised constants (values), indexed by constant number.
    pub consts: *const u64,
    /// The built-in `range` type (its value), for counted loops.
    pub range_type: u64,
    // Frameless calls. An activation entered by one has no interpreter frame
    // (`frame` is NO_FRAME) until the runtime needs one: then it and its frameless
    // callers get theirs (`parent` leads to them).
    /// The caller's context (null: entered by the runtime).
    pub parent: *mut JitCtx,
    /// The function running (its value; a frameless activation's caller holds it).
    pub func: u64,
    /// Where a callee's window starts (absolute register index).
    pub top: usize,
    /// The end of the register stack's capacity (a callee's window must fit).
    pub regs_end: *mut u64,
    /// Activations below and including this one; the recursion limit.
    pub depth: u64,
    pub limit: u64,
    /// The offset of the call this activation is making (for its frame's position).
    pub call_pc: u64,
    /// Where the caller wants the result (absolute register index).
    pub ret: u64,
    /// A frameless return's value (the reference moves with it).
    pub result: u64,
    /// The callee of a frameless call that left otherwise, and how it left.
    pub callee: *mut JitCtx,
    pub callee_exit: u64,
    /// The collection epoch (read when a frameless call marks its code used).
    pub epoch: *const u64,
    /// A callee's context must lie above this machine-stack address.
    pub stack_floor: u64,
    /// For an `__init__` run by a constructor call: the new instance (0: none).
    pub construct: u64,
    /// The one-character strs of the 128 ASCII characters (values; the runtime holds
    /// them), for str iteration.
    pub ascii: *const u64,
}

const CTX_REGS: i32 = 0;
const CTX_HELPERS: i32 = 8;
const CTX_IC: i32 = std::mem::offset_of!(JitCtx, ic) as i32;
const CTX_EPOCH: i32 = std::mem::offset_of!(JitCtx, type_epoch) as i32;
const CTX_GCACHE: i32 = std::mem::offset_of!(JitCtx, gcache) as i32;
const CTX_GLOBALS: i32 = std::mem::offset_of!(JitCtx, globals) as i32;
const CTX_GVER: i32 = std::mem::offset_of!(JitCtx, gver) as i32;
const CTX_BVER: i32 = std::mem::offset_of!(JitCtx, bver) as i32;
const CTX_CONSTS: i32 = std::mem::offset_of!(JitCtx, consts) as i32;
const CTX_RANGE: i32 = std::mem::offset_of!(JitCtx, range_type) as i32;
const CTX_VM: i32 = std::mem::offset_of!(JitCtx, vm) as i32;
const CTX_CODE: i32 = std::mem::offset_of!(JitCtx, code) as i32;
const CTX_IC_TABLE: i32 = std::mem::offset_of!(JitCtx, ic_table) as i32;
const CTX_NATIVE: i32 = std::mem::offset_of!(JitCtx, native) as i32;
const CTX_BASE: i32 = std::mem::offset_of!(JitCtx, base) as i32;
const CTX_FRAME: i32 = std::mem::offset_of!(JitCtx, frame) as i32;
const CTX_PARENT: i32 = std::mem::offset_of!(JitCtx, parent) as i32;
const CTX_FUNC: i32 = std::mem::offset_of!(JitCtx, func) as i32;
const CTX_TOP: i32 = std::mem::offset_of!(JitCtx, top) as i32;
const CTX_REGS_END: i32 = std::mem::offset_of!(JitCtx, regs_end) as i32;
const CTX_DEPTH: i32 = std::mem::offset_of!(JitCtx, depth) as i32;
const CTX_LIMIT: i32 = std::mem::offset_of!(JitCtx, limit) as i32;
const CTX_CALL_PC: i32 = std::mem::offset_of!(JitCtx, call_pc) as i32;
const CTX_RET: i32 = std::mem::offset_of!(JitCtx, ret) as i32;
const CTX_RESULT: i32 = std::mem::offset_of!(JitCtx, result) as i32;
const CTX_CALLEE: i32 = std::mem::offset_of!(JitCtx, callee) as i32;
const CTX_CALLEE_EXIT: i32 = std::mem::offset_of!(JitCtx, callee_exit) as i32;
const CTX_EPOCH_PTR: i32 = std::mem::offset_of!(JitCtx, epoch) as i32;
const CTX_STACK_FLOOR: i32 = std::mem::offset_of!(JitCtx, stack_floor) as i32;
const CTX_CONSTRUCT: i32 = std::mem::offset_of!(JitCtx, construct) as i32;
const CTX_ASCII: i32 = std::mem::offset_of!(JitCtx, ascii) as i32;
const CTX_SIZE: u32 = std::mem::size_of::<JitCtx>() as u32;

/// One global-variable cache entry, shared by the interpreter and native code: while
/// the globals table at address `globals` has keys version `gver` and the builtins table
/// keys version `bver`, the name's value is at address `bits` (an entry of one of
/// the tables, which stays put while their keys are unchanged).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GlobalIc {
    pub globals: u64,
    pub gver: u64,
    pub bver: u64,
    pub bits: u64,
}

/// One attribute inline cache entry, shared by the interpreter and native code: for
/// an instance whose class (value bits) and shape (pointer bits) are the recorded
/// ones, while the type epoch is the recorded one, the attribute named by the
/// instruction is in `slots[slot]`. Class and epoch stand for "the class defines no
/// data descriptor, `__getattribute__` or `__setattr__` that would come first".
/// A method load on a built-in value records shape word 1 (never an instance's
/// shape) with the value's type as `class`, or, for a heap value whose data variant
/// is its type (str, list, dict…), the variant's number `v` as `v << 1 | 1`, which
/// native code checks from the object's variant byte alone.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttrIc {
    pub class: u64,
    pub shape: u64,
    pub epoch: u64,
    pub slot: u64,
    /// For a store that adds the attribute: the shape after it (the attribute goes
    /// to slot `slot`, which is then the end). 0 for everything else.
    pub next: u64,
}

/// Entries per attribute instruction (a polymorphic cache; the most recently added
/// entry comes first, and native code checks that one).
pub const IC_WAYS: usize = 4;

/// The inline cache group of each instruction: attribute reads, writes and method
/// loads get one group of [`IC_WAYS`] entries each, numbered in order (`u16::MAX`:
/// none). Returns the groups and how many there are.
pub fn ic_groups(instrs: &[Instr]) -> (Vec<u16>, usize) {
    let mut n = 0usize;
    let groups = instrs
        .iter()
        .map(|i| match i {
            Instr::GetAttr { .. } | Instr::SetAttr { .. } | Instr::LoadMethod { .. }
                if n < u16::MAX as usize =>
            {
                n += 1;
                (n - 1) as u16
            }
            _ => u16::MAX,
        })
        .collect();
    (groups, n)
}

/// Where native code finds fields of the runtime's objects, as byte offsets measured
/// by the runtime on sample objects (so nothing about Rust's layout is assumed here).
/// Part of [`JitInput`], hence of every code-cache key. All zero: unknown, and the
/// code generator then leaves attributes and iterators to the runtime.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ObjLayout {
    /// Heap object → its data (whose variant is the byte at offset 0).
    pub data: u32,
    /// Variant numbers of instances and built-in iterators.
    pub instance_tag: u8,
    pub iter_tag: u8,
    /// Data → the boxed payload pointer (iterators, functions, modules, …).
    pub boxed: u32,
    /// Heap object → its instance payload (inline, not boxed); from the payload, the
    /// class value, the shape's Rc word, the meta word (inline slot count in its top
    /// 16 bits) and the first inline slot (the others follow it).
    pub inst_payload: u32,
    pub inst_class: u32,
    pub inst_shape: u32,
    pub inst_meta: u32,
    pub inst_slot0: u32,
    /// From an instance's rare part (the meta word's low 48 bits), the overflow
    /// slot vector's pointer and length words (equal: overflow slots go to the
    /// runtime).
    #[serde(default)]
    pub rare_overflow_ptr: u32,
    #[serde(default)]
    pub rare_overflow_len: u32,
    /// Variant number of medium ints and, from the heap object, where their i64 is
    /// (0: not known; they then go to the runtime).
    #[serde(default)]
    pub int64_tag: u8,
    #[serde(default)]
    pub int64_val: u32,
    /// A shape's Rc word → its strong count. `inst_add` 0: stores that add an
    /// attribute go to the runtime.
    #[serde(default)]
    pub rc_strong: u32,
    #[serde(default)]
    pub inst_add: u8,
    /// Iterator payload → iterator state (whose variant is the byte at offset 0).
    pub iter_state: u32,
    /// Variant number of a range iterator and its fields within the state.
    pub range_tag: u8,
    pub range_cur: u32,
    pub range_stop: u32,
    pub range_step: u32,
    /// Variant number of a sequence iterator (`iter(list)`) and its fields (the
    /// sequence, a value; the next index) within the state.
    pub seq_tag: u8,
    pub seq_seq: u32,
    pub seq_idx: u32,
    /// Variant number of lists; from the data, the list's item pointer and length.
    pub list_tag: u8,
    pub list_ptr: u32,
    pub list_len: u32,
    /// Variant number of tuples; from the data, the tuple's item pointer and length.
    pub tuple_tag: u8,
    pub tuple_ptr: u32,
    pub tuple_len: u32,
    /// Variant number of strs and, from the data, the str's cached hash (-1: not
    /// computed yet).
    pub str_tag: u8,
    pub str_hash: u32,
    /// From a str's data: its number of characters, its UTF-8 bytes' pointer and
    /// length.
    pub str_nchars: u32,
    pub str_ptr: u32,
    pub str_len: u32,
    /// Variant number of built-in functions; from their boxed payload, the byte
    /// holding the function's [`intrinsic`] number.
    pub builtin_tag: u8,
    pub builtin_intrinsic: u32,
    /// From a module's boxed payload, its dict (a value); from a dict's boxed
    /// payload, the dict's version.
    pub module_dict: u32,
    pub dict_version: u32,
    /// Variant number of functions; from their boxed payload, the pointer to the
    /// function's [`DirectRec`] (null: none). 0: frameless calls are not made.
    #[serde(default)]
    pub func_tag: u8,
    #[serde(default)]
    pub func_direct: u32,
    /// Variant number of a str iterator and its fields (the str, a value; the next
    /// byte offset) within the state. 0: str iteration is the runtime's.
    /// Variant number of cells and, from the data, the cell's value. 0 (offset):
    /// cells are the runtime's.
    #[serde(default)]
    pub cell_tag: u8,
    #[serde(default)]
    pub cell_value: u32,
    #[serde(default)]
    pub stri_tag: u8,
    #[serde(default)]
    pub stri_s: u32,
    #[serde(default)]
    pub stri_byte: u32,
}

impl ObjLayout {
    fn known(&self) -> bool {
        self.data != 0
    }
}

const ST_RESUME: u64 = 1;
const ST_DEOPT: u64 = 2;
const ST_EXC: u64 = 3;
const ST_DEPTH: u64 = 4;
const ST_ENTRY_DEOPT: u64 = 5;
const ST_RETURN: u64 = 6;
/// A frameless activation returned: the value is in `JitCtx::result`, its window
/// holds no references any more.
const ST_FAST_RETURN: u64 = 7;

/// How native code left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The `return` at offset `pc`: the value is in register `src` of the window.
    /// (The runtime finishes the return without the bytecode.)
    Return { src: u32, pc: u32 },
    /// Continue interpreting at this offset (a return, a path native code does not
    /// handle). Not a deoptimisation.
    Resume(u32),
    /// A register speculated to hold a scalar received a heap object from the
    /// instruction at `at`; continue interpreting at `resume`.
    Deopt { at: u32, resume: u32 },
    /// At entry (offset `at`) a register speculated scalar held a heap object; nothing
    /// ran. Continue interpreting at `at`.
    EntryDeopt { at: u32 },
    /// The instruction run by `exec` raised; the frame's offset is already set.
    Exception,
    /// Native recursion is too deep: interpret from this offset (the instruction there
    /// has not run).
    Depth(u32),
}

/// Decode the `u64` a compiled function returns.
pub fn decode_exit(r: u64) -> Exit {
    let st = r >> 56;
    let a = ((r >> 32) & 0xFF_FFFF) as u32;
    let pc = r as u32;
    match st {
        ST_DEOPT => Exit::Deopt { at: a, resume: pc },
        ST_EXC => Exit::Exception,
        ST_DEPTH => Exit::Depth(pc),
        ST_ENTRY_DEOPT => Exit::EntryDeopt { at: pc },
        ST_RETURN => Exit::Return { src: a, pc },
        _ => Exit::Resume(pc),
    }
}

fn pack(st: u64, at: u64, pc: u64) -> u64 {
    (st << 56) | ((at & 0xFF_FFFF) << 32) | (pc & 0xFFFF_FFFF)
}

/// What the runtime observed: registers seen holding heap objects right after an
/// instruction (`after`: (offset, register)) or on entry at an offset (`entry`).
/// Those registers are kept in memory at those points.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Feedback {
    pub after: BTreeSet<(u32, Reg)>,
    pub entry: BTreeSet<(u32, Reg)>,
    /// Calls whose callee was seen to be a built-in native code can run inline:
    /// (offset of the call, [`intrinsic`] number). A guess: the code checks the
    /// callee's number before taking the inline path.
    #[serde(default)]
    pub intrinsic: BTreeSet<(u32, u8)>,
    /// Attribute reads (`GetAttr`, `LoadMethod`) seen on a module: read inline
    /// from the cache entry keyed by (module, version of its dict).
    #[serde(default)]
    pub module_attr: BTreeSet<u32>,
}

/// Built-in functions native code runs inline (numbers are stable across processes:
/// the runtime stores one in each built-in function object, native code compares it).
pub mod intrinsic {
    /// `len(x)` of a list or tuple.
    pub const LEN: u8 = 1;
    /// `abs(x)` of a float or an inline int.
    pub const ABS: u8 = 2;
    /// `math.sqrt(x)` of a non-negative float or inline int.
    pub const SQRT: u8 = 3;
    /// `ord(c)` of a one-byte (ASCII) str.
    pub const ORD: u8 = 4;

    /// The number of the built-in `name` of module `owner` (0: none).
    pub fn id(owner: &str, name: &str) -> u8 {
        match (owner, name) {
            ("builtins", "len") => LEN,
            ("builtins", "abs") => ABS,
            ("math", "sqrt") => SQRT,
            ("builtins", "ord") => ORD,
            _ => 0,
        }
    }
}

/// Everything the compiler reads: a function's bytecode reduced to what code
/// generation needs, plus the feedback. Serialisable, so the compiler can run in
/// another process and its output can be cached under a hash of it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct JitInput {
    pub instrs: Vec<Instr>,
    /// Each constant as NaN-boxed bits when it needs no heap object, else None.
    pub consts: Vec<Option<u64>>,
    pub nregs: u16,
    /// Named registers (0..nlocals): written to the window before calls.
    pub nlocals: u16,
    pub cell_regs: Vec<Reg>,
    pub free_regs: Vec<Reg>,
    /// Parameter registers (0..nparams), bound by the call.
    pub nparams: u16,
    pub generator: bool,
    pub class_body: bool,
    pub feedback: Feedback,
    pub layout: ObjLayout,
}

impl JitInput {
    pub fn new(code: &Code, feedback: &Feedback, layout: ObjLayout) -> JitInput {
        JitInput {
            instrs: code.instrs.clone(),
            consts: code.consts.iter().map(scalar_const).collect(),
            nregs: code.nregs,
            nlocals: code.local_names.len().min(u16::MAX as usize) as u16,
            cell_regs: code.cell_regs.clone(),
            free_regs: code.free_regs.clone(),
            nparams: code.params.count().min(code.nregs as usize) as u16,
            generator: code.flags.generator,
            class_body: code.flags.class_body,
            feedback: feedback.clone(),
            layout,
        }
    }
}

/// The compiler's output.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Compiled {
    pub code: Vec<u8>,
    /// Alignment the code needs (from Cranelift's code buffer).
    pub align: u32,
    /// Bytecode offsets native code can be entered at (0 and loop headers).
    pub entries: Vec<u32>,
    /// Relocations in the code: always 0 (asserted by `compile`, reported for tests).
    pub relocs: usize,
    /// Instructions compiled inline / through `exec`.
    pub inline_ops: u32,
    pub exec_ops: u32,
}

/// Why a function is not compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject(pub String);

/// Successor offsets of the instruction at `pc` (exceptions excluded).
/// Whether some loop of `instrs` (the range of a backward edge) has no `yield` in
/// it. A generator whose every loop yields spends its time in resumes, and in native
/// code each resume is an entry and an exit: dearer than interpreting the few
/// instructions between two yields (a pipeline of such generators measured 1.01 s
/// native against 0.85 s interpreted).
pub fn has_loop_without_yield(instrs: &[Instr]) -> bool {
    instrs.iter().enumerate().any(|(pc, ins)| {
        succs(ins, pc).into_iter().any(|s| {
            s <= pc
                && !instrs[s..=pc]
                    .iter()
                    .any(|i| matches!(i, Instr::Yield { .. } | Instr::YieldFrom { .. }))
        })
    })
}

fn succs(ins: &Instr, pc: usize) -> Vec<usize> {
    match *ins {
        Instr::Jump { target } => vec![target as usize],
        Instr::JumpIfFalse { target, .. }
        | Instr::JumpIfTrue { target, .. }
        | Instr::ForIter { target, .. }
        | Instr::ForRange { target, .. } => vec![pc + 1, target as usize],
        Instr::JumpIfNotCompare { target_rel, .. } => {
            vec![pc + 1, (pc as i64 + target_rel as i64) as usize]
        }
        // A yield leaves native code (the runtime suspends the generator); it resumes
        // at the entry after it.
        Instr::Return { .. }
        | Instr::Yield { .. }
        | Instr::Raise { .. }
        | Instr::Reraise { .. }
        | Instr::RaiseAssert { .. }
        | Instr::Unsupported { .. } => vec![],
        _ => vec![pc + 1],
    }
}

/// The main register an instruction defines, if any.
pub fn defined_register(ins: &Instr) -> Option<Reg> {
    dst_of(ins)
}

fn dst_of(ins: &Instr) -> Option<Reg> {
    Some(match *ins {
        Instr::LoadConst { dst, .. }
        | Instr::Move { dst, .. }
        | Instr::LoadGlobal { dst, .. }
        | Instr::LoadName { dst, .. }
        | Instr::LoadClassDeref { dst, .. }
        | Instr::LoadDeref { dst, .. }
        | Instr::Binary { dst, .. }
        | Instr::InplaceBinary { dst, .. }
        | Instr::Compare { dst, .. }
        | Instr::Unary { dst, .. }
        | Instr::ToBool { dst, .. }
        | Instr::GetAttr { dst, .. }
        | Instr::LoadMethod { dst, .. }
        | Instr::GetItem { dst, .. }
        | Instr::Call { dst, .. }
        | Instr::CallKw { dst, .. }
        | Instr::CallEx { dst, .. }
        | Instr::CallMethod { dst, .. }
        | Instr::BuildList { dst, .. }
        | Instr::BuildTuple { dst, .. }
        | Instr::BuildSet { dst, .. }
        | Instr::BuildDict { dst, .. }
        | Instr::BuildSlice { dst, .. }
        | Instr::BuildString { dst, .. }
        | Instr::FormatValue { dst, .. }
        | Instr::GetIter { dst, .. }
        | Instr::MakeFunction { dst, .. }
        | Instr::BuildClass { dst, .. }
        | Instr::ExcMatch { dst, .. }
        | Instr::WithEnter { dst, .. }
        | Instr::WithExit { dst, .. }
        | Instr::ImportName { dst, .. }
        | Instr::ImportFrom { dst, .. } => dst,
        Instr::ForIter { iter, .. } => iter + 1,
        Instr::ForRange { base, .. } => base + 3,
        Instr::MakeCell { reg } => reg,
        _ => return None,
    })
}

/// Registers an instruction certainly fills with heap objects.
fn object_defs(ins: &Instr, code: &JitInput) -> Vec<Reg> {
    match *ins {
        Instr::LoadConst { dst, k } => match code.consts.get(k as usize) {
            Some(Some(_)) => vec![],
            _ => vec![dst],
        },
        Instr::LoadGlobal { dst, .. }
        | Instr::LoadName { dst, .. }
        | Instr::BuildList { dst, .. }
        | Instr::BuildTuple { dst, .. }
        | Instr::BuildSet { dst, .. }
        | Instr::BuildDict { dst, .. }
        | Instr::BuildSlice { dst, .. }
        | Instr::BuildString { dst, .. }
        | Instr::FormatValue { dst, .. }
        | Instr::GetIter { dst, .. }
        | Instr::MakeFunction { dst, .. }
        | Instr::BuildClass { dst, .. }
        | Instr::ImportName { dst, .. }
        | Instr::ImportFrom { dst, .. } => vec![dst],
        Instr::LoadMethod { dst, .. } => vec![dst, dst + 1],
        Instr::WithEnter { exit, .. } => vec![exit],
        Instr::MakeCell { reg } => vec![reg],
        _ => vec![],
    }
}

/// The NaN-boxed bits of a constant that needs no heap object.
fn scalar_const(c: &Const) -> Option<u64> {
    Some(match c {
        Const::None => V_NONE,
        Const::True => V_TRUE,
        Const::False => V_FALSE,
        Const::Int(i) if (INLINE_MIN..=INLINE_MAX).contains(i) => TAG_INT | (*i as u64 & PAYLOAD),
        Const::Float(f) => {
            if f.is_nan() {
                CANON_NAN
            } else {
                f.to_bits()
            }
        }
        _ => return None,
    })
}

/// Per-offset register representation: [`CLEAN`] and [`DIRTY`] are scalars (in a
/// machine register; clean when the window holds the same bits), [`MEM`] lives in
/// the window. Merging two states takes the maximum.
type State = Vec<u8>;
const CLEAN: u8 = 0;
const DIRTY: u8 = 1;
const MEM: u8 = 2;

/// Whether `ins` may read register `r`.
fn reads_reg(ins: &Instr, r: Reg) -> bool {
    reads(ins).is_none_or(|rs| rs.contains(&r))
}

/// Registers an instruction reads (None: not known).
fn reads(ins: &Instr) -> Option<Vec<Reg>> {
    let range = |a: Reg, n: u16| (a..a + n).collect::<Vec<Reg>>();
    let v = match *ins {
        Instr::Nop
        | Instr::LoadConst { .. }
        | Instr::LoadGlobal { .. }
        | Instr::LoadName { .. }
        | Instr::DeleteGlobal { .. }
        | Instr::DeleteName { .. }
        | Instr::Clear { .. }
        | Instr::ClearRange { .. }
        | Instr::Jump { .. }
        | Instr::PopExcInfo
        | Instr::ImportName { .. }
        | Instr::Unsupported { .. } => vec![],
        Instr::Move { src, .. }
        | Instr::StoreGlobal { src, .. }
        | Instr::StoreName { src, .. }
        | Instr::Unary { src, .. }
        | Instr::ToBool { src, .. }
        | Instr::UnpackSeq { src, .. }
        | Instr::UnpackEx { src, .. }
        | Instr::GetIter { src, .. }
        | Instr::Return { src } => vec![src],
        Instr::CheckBound { reg }
        | Instr::MakeCell { reg }
        | Instr::ListToTuple { reg }
        | Instr::Reraise { reg }
        | Instr::PushExcInfo { reg } => vec![reg],
        Instr::LoadDeref { cell, .. }
        | Instr::DeleteDeref { cell }
        | Instr::LoadClassDeref { cell, .. } => vec![cell],
        Instr::StoreDeref { cell, src } => vec![cell, src],
        Instr::Binary { a, b, .. }
        | Instr::InplaceBinary { a, b, .. }
        | Instr::Compare { a, b, .. }
        | Instr::JumpIfNotCompare { a, b, .. } => vec![a, b],
        Instr::JumpIfFalse { cond, .. } | Instr::JumpIfTrue { cond, .. } => vec![cond],
        Instr::GetAttr { obj, .. } | Instr::DelAttr { obj, .. } | Instr::LoadMethod { obj, .. } => {
            vec![obj]
        }
        Instr::SetAttr { obj, src, .. } => vec![obj, src],
        Instr::GetItem { obj, key, .. } | Instr::DelItem { obj, key } => vec![obj, key],
        Instr::SetItem { obj, key, src } => vec![obj, key, src],
        Instr::Call { func, argc, .. } | Instr::CallKw { func, argc, .. } => range(func, argc + 1),
        Instr::CallEx { func, args, .. } => vec![func, args, args + 1],
        Instr::CallMethod { base, argc, .. } => range(base, argc + 2),
        Instr::BuildList { start, count, .. }
        | Instr::BuildTuple { start, count, .. }
        | Instr::BuildSet { start, count, .. }
        | Instr::BuildString { start, count, .. } => range(start, count),
        Instr::BuildDict { start, count, .. } => range(start, count * 2),
        Instr::BuildSlice { start, .. } => range(start, 3),
        Instr::ListAppend { list, src } | Instr::ListExtend { list, src } => vec![list, src],
        Instr::SetAdd { set, src } | Instr::SetUpdate { set, src } => vec![set, src],
        Instr::DictInsert { dict, key, src } => vec![dict, key, src],
        Instr::DictUpdate { dict, src } => vec![dict, src],
        Instr::FormatValue { src, spec, .. } => {
            if spec {
                vec![src, src + 1]
            } else {
                vec![src]
            }
        }
        Instr::ForIter { iter, .. } => vec![iter],
        Instr::RangeIter { func, argc, .. } => range(func, argc + 1),
        Instr::ForRange { base, .. } => range(base, 3),
        Instr::MakeFunction { start, .. } => range(start, 3),
        Instr::BuildClass { start, nbases, .. } => range(start, nbases + 2),
        Instr::SetClassCell { cell, cls } => vec![cell, cls],
        Instr::Raise { exc, cause } => vec![exc, cause],
        Instr::ExcMatch { exc, cls, .. } => vec![exc, cls],
        Instr::WithEnter { mgr, .. } => vec![mgr],
        Instr::WithExit { exit, exc, .. } => vec![exit, exc],
        Instr::ImportFrom { module, .. } | Instr::ImportStar { module } => vec![module],
        Instr::RaiseAssert { msg } => vec![msg],
        _ => return None,
    };
    Some(v)
}

/// Calls made from the frame itself can look at its named variables (`locals()`,
/// `vars()`, `super()`), so those are written to the window first.
fn is_call(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::Call { .. } | Instr::CallKw { .. } | Instr::CallEx { .. } | Instr::CallMethod { .. }
    )
}

/// Dirty scalars the generic path of `ins` must find in the window.
fn spill_set(ins: &Instr, code: &JitInput, st: &State) -> Vec<usize> {
    let n = st.len();
    let mut want = vec![false; n];
    match reads(ins) {
        Some(rs) => {
            for r in rs {
                if (r as usize) < n {
                    want[r as usize] = true;
                }
            }
            if is_call(ins) {
                for w in want.iter_mut().take((code.nlocals as usize).min(n)) {
                    *w = true;
                }
            }
        }
        None => want = vec![true; n],
    }
    (0..n).filter(|&r| want[r] && st[r] == DIRTY).collect()
}

/// Registers the generic path of an instruction may write (None: not known, reload
/// every scalar). Temporaries an instruction consumes (call arguments, list items)
/// are emptied in the window and never read again, so they need no reload.
fn writes(ins: &Instr) -> Option<Vec<Reg>> {
    Some(match *ins {
        Instr::LoadMethod { dst, .. } => vec![dst, dst + 1],
        Instr::WithEnter { dst, exit, .. } => vec![dst, exit],
        Instr::UnpackSeq { dst, count, .. } => (dst..dst + count).collect(),
        Instr::UnpackEx {
            dst, before, after, ..
        } => (dst..dst + before as u16 + after as u16 + 1).collect(),
        Instr::ListToTuple { reg } | Instr::Clear { reg } => vec![reg],
        Instr::ClearRange { start, count } => (start..start + count).collect(),
        Instr::Nop
        | Instr::CheckBound { .. }
        | Instr::Jump { .. }
        | Instr::JumpIfFalse { .. }
        | Instr::JumpIfTrue { .. }
        | Instr::JumpIfNotCompare { .. }
        | Instr::StoreGlobal { .. }
        | Instr::DeleteGlobal { .. }
        | Instr::StoreName { .. }
        | Instr::DeleteName { .. }
        | Instr::StoreDeref { .. }
        | Instr::DeleteDeref { .. }
        | Instr::SetAttr { .. }
        | Instr::DelAttr { .. }
        | Instr::SetItem { .. }
        | Instr::DelItem { .. }
        | Instr::ListAppend { .. }
        | Instr::ListExtend { .. }
        | Instr::SetAdd { .. }
        | Instr::SetUpdate { .. }
        | Instr::DictInsert { .. }
        | Instr::DictUpdate { .. }
        | Instr::ImportStar { .. }
        | Instr::PushExcInfo { .. }
        | Instr::PopExcInfo
        | Instr::Raise { .. }
        | Instr::Reraise { .. }
        | Instr::RaiseAssert { .. }
        | Instr::Unsupported { .. } => vec![],
        Instr::RangeIter { base, .. } => vec![base, base + 1, base + 2],
        Instr::ForRange { base, .. } => vec![base, base + 3],
        Instr::SetClassCell { .. } => return None,
        ref other => match dst_of(other) {
            Some(d) => vec![d],
            None => return None,
        },
    })
}

struct Analysis {
    /// State before each instruction (None: not reachable from an entry).
    inp: Vec<Option<State>>,
    /// Whether each instruction is compiled inline (else through `exec`).
    inline: Vec<bool>,
    entries: Vec<u32>,
}

fn is_inline(
    ins: &Instr,
    pc: usize,
    grouped: &[bool],
    code: &JitInput,
    st: &State,
    learned_obj: &dyn Fn(Reg) -> bool,
) -> bool {
    let s = |r: Reg| st[r as usize] != MEM;
    // The runtime must not have seen an object come out of this instruction. (A
    // destination in memory is checked at run time to own no object.)
    let d = |r: Reg| !learned_obj(r);
    match *ins {
        Instr::Nop | Instr::Jump { .. } | Instr::Return { .. } => true,
        // Scalars as immediates; objects from the constant table with their
        // reference counts.
        Instr::LoadConst { dst, k } => match code.consts.get(k as usize) {
            Some(Some(_)) => d(dst),
            Some(None) => code.layout.known(),
            None => false,
        },
        // A move of a value kept in memory: reference counts adjusted inline (the
        // runtime takes over when the old value's last reference would go).
        Instr::Move { dst, src } if st[src as usize] == MEM => code.layout.known() && dst != src,
        // A global through the cache (reference counts adjusted inline).
        Instr::LoadGlobal { .. } => code.layout.known(),
        // Closure variables through their cells (reference counts adjusted inline).
        Instr::LoadDeref { dst, cell } => {
            code.layout.known()
                && code.layout.cell_value != 0
                && st[cell as usize] == MEM
                && dst != cell
        }
        Instr::StoreDeref { cell, src } => {
            code.layout.known()
                && code.layout.cell_value != 0
                && st[cell as usize] == MEM
                && src != cell
        }
        Instr::Move { dst, src } => d(dst) && s(src),
        // Scalar operands into a scalar; or, with operands or a result that may be
        // objects (kept in memory), the same fast path on the values' tags, the
        // rest through the runtime (no deoptimisation).
        Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
            (d(dst) && s(a) && s(b) || code.layout.known())
                && matches!(
                    op,
                    BinOp::Add
                        | BinOp::Sub
                        | BinOp::Mul
                        | BinOp::TrueDiv
                        | BinOp::FloorDiv
                        | BinOp::Mod
                        | BinOp::And
                        | BinOp::Or
                        | BinOp::Xor
                        | BinOp::LShift
                        | BinOp::RShift
                )
        }
        Instr::Compare { op, dst, a, b } => {
            d(dst)
                && !matches!(op, CmpOp::In | CmpOp::NotIn)
                && (s(a) && s(b) || str_eq_inline(code, st, op, a, b) || is_op(op))
        }
        Instr::JumpIfNotCompare { op, a, b, .. } => {
            !matches!(op, CmpOp::In | CmpOp::NotIn)
                && (s(a) && s(b) || str_eq_inline(code, st, op, a, b) || is_op(op))
        }
        Instr::Unary { op, dst, src } => d(dst) && s(src) && op != UnOp::Pos,
        Instr::ToBool { dst, src } => d(dst) && s(src),
        Instr::JumpIfFalse { cond, .. } | Instr::JumpIfTrue { cond, .. } => s(cond),
        Instr::CheckBound { .. } => true,
        Instr::Clear { reg } => s(reg),
        // Attributes of instances through the inline cache; range iterators stepped
        // in place. The object is in memory; guards fall back to the runtime.
        // (A result seen to be an object is stored with its reference count.)
        Instr::GetAttr { obj, .. } => code.layout.known() && st[obj as usize] == MEM && grouped[pc],
        Instr::LoadMethod { dst, obj, .. } => {
            code.layout.known()
                && st[obj as usize] == MEM
                && grouped[pc]
                && obj != dst
                && obj != dst + 1
        }
        // (An object stored with its reference count.)
        Instr::SetAttr { obj, .. } => code.layout.known() && st[obj as usize] == MEM && grouped[pc],
        // Range iterators stepped in place; list (and tuple) iterators when the
        // items were seen to be objects.
        Instr::ForIter { iter, .. } => {
            code.layout.known()
                && st[iter as usize] == MEM
                && (d(iter + 1) || code.layout.seq_seq != code.layout.seq_idx)
        }
        // A counted loop on ints in machine registers.
        Instr::ForRange { base, .. } => s(base) && s(base + 1) && s(base + 2) && d(base + 3),
        Instr::RangeIter { base, func, argc } => {
            code.layout.known()
                && st[func as usize] == MEM
                && (func + 1..func + 1 + argc).all(s)
                && (base..base + 3).all(|r| d(r) && (r < func || r > func + argc))
        }
        // Lists indexed by an int.
        Instr::GetItem { dst, obj, key } => {
            code.layout.known() && st[obj as usize] == MEM && s(key) && dst != obj && dst != key
        }
        Instr::SetItem { obj, key, src } => {
            code.layout.known() && st[obj as usize] == MEM && s(key) && s(src)
        }
        Instr::ClearRange { start, count } => (start..start + count).all(s),
        // A built-in run inline (the callee is checked; anything else takes the
        // general call).
        Instr::Call { argc: 1, .. } | Instr::CallMethod { argc: 1, .. }
            if intrinsic_at(code, pc) != 0 =>
        {
            let (dst, func, arg, _) = intrinsic_regs(ins);
            code.layout.known()
                && code.layout.builtin_intrinsic != 0
                && st[func as usize] == MEM
                && dst != arg
                && match intrinsic_at(code, pc) {
                    intrinsic::LEN | intrinsic::ORD => st[arg as usize] == MEM,
                    intrinsic::ABS | intrinsic::SQRT => s(arg),
                    _ => false,
                }
        }
        // A call of a Python function whose native code takes its arguments as
        // they are: entered frameless (checked at run time; else the general call).
        Instr::Call { dst, func, argc } => frameless_call(code, st, dst, func, argc + 1),
        // (A method call with its `self`: one more argument.)
        Instr::CallMethod { dst, base, argc } => {
            frameless_call(code, st, dst, base, argc + 2) && st[base as usize + 1] == MEM
        }
        _ => false,
    }
}

/// Whether the call whose callee and arguments are the `n` registers from `func`
/// (result to `dst`) can be made frameless.
fn frameless_call(code: &JitInput, st: &State, dst: Reg, func: Reg, n: u16) -> bool {
    code.layout.known()
        && code.layout.func_tag != 0
        && code.layout.func_direct != 0
        && st[func as usize] == MEM
        && n <= 9
        && !(func..func + n).contains(&dst)
}

/// `is` / `is not`: identity is equality of the values' bits, whatever they hold.
fn is_op(op: CmpOp) -> bool {
    matches!(op, CmpOp::Is | CmpOp::IsNot)
}

/// `a == b` / `a != b` on two objects, decided inline when both are strs that are
/// the same object or whose cached hashes differ (interned strings, dict keys…).
fn str_eq_inline(code: &JitInput, st: &State, op: CmpOp, a: Reg, b: Reg) -> bool {
    matches!(op, CmpOp::Eq | CmpOp::Ne)
        && code.layout.known()
        && code.layout.str_hash != 0
        && st[a as usize] == MEM
        && st[b as usize] == MEM
}

/// A call of one argument: (result, callee, argument, register that must be
/// unbound: a method call's `self`).
fn intrinsic_regs(ins: &Instr) -> (Reg, Reg, Reg, Option<Reg>) {
    match *ins {
        Instr::CallMethod { dst, base, .. } => (dst, base, base + 2, Some(base + 1)),
        Instr::Call { dst, func, .. } => (dst, func, func + 1, None),
        _ => unreachable!("not a call"),
    }
}

/// The built-in the call at `pc` was seen to make (0: none).
fn intrinsic_at(code: &JitInput, pc: usize) -> u8 {
    code.feedback
        .intrinsic
        .range((pc as u32, 0)..=(pc as u32, u8::MAX))
        .next()
        .map_or(0, |e| e.1)
}

/// The representation of every register after the instruction at `pc`.
fn out_state(
    ins: &Instr,
    pc: usize,
    code: &JitInput,
    st: &State,
    inl: bool,
    fb: &Feedback,
) -> State {
    let nregs = st.len();
    let mut out = st.clone();
    let set = |out: &mut State, r: Reg, v: u8| {
        if (r as usize) < nregs {
            out[r as usize] = v;
        }
    };
    if inl {
        // Inline results are scalars, written through to the window.
        match *ins {
            Instr::Clear { reg } => set(&mut out, reg, CLEAN),
            Instr::ClearRange { start, count } => {
                for r in start..start + count {
                    set(&mut out, r, CLEAN);
                }
            }
            Instr::Move { dst, src } if st[src as usize] == MEM => set(&mut out, dst, MEM),
            Instr::ForRange { base, .. } => {
                set(&mut out, base, CLEAN);
                set(&mut out, base + 3, CLEAN);
            }
            Instr::RangeIter { base, .. } => {
                for r in base..base + 3 {
                    set(&mut out, r, CLEAN);
                }
            }
            Instr::LoadGlobal { dst, .. } => set(&mut out, dst, MEM),
            // A closure variable: an object if one was seen (else a scalar, guarded).
            Instr::LoadDeref { dst, .. } => {
                let v = if fb.after.contains(&(pc as u32, dst)) {
                    MEM
                } else {
                    CLEAN
                };
                set(&mut out, dst, v)
            }
            // A frameless call's result: an object if one was seen (else a scalar,
            // guarded).
            Instr::Call { dst, .. } | Instr::CallMethod { dst, .. }
                if intrinsic_at(code, pc) == 0 =>
            {
                let v = if fb.after.contains(&(pc as u32, dst)) {
                    MEM
                } else {
                    CLEAN
                };
                set(&mut out, dst, v)
            }
            Instr::LoadConst { dst, k } if code.consts.get(k as usize) == Some(&None) => {
                set(&mut out, dst, MEM)
            }
            Instr::LoadMethod { dst, .. } => {
                set(&mut out, dst, MEM);
                set(&mut out, dst + 1, MEM);
            }
            Instr::ForIter { iter, .. } if fb.after.contains(&(pc as u32, iter + 1)) => {
                set(&mut out, iter + 1, MEM)
            }
            Instr::GetAttr { dst, .. } | Instr::GetItem { dst, .. }
                if fb.after.contains(&(pc as u32, dst))
                    || fb.module_attr.contains(&(pc as u32)) =>
            {
                set(&mut out, dst, MEM)
            }
            // An operation seen to make an object (a medium int, a str), or on
            // operands that may be objects, keeps its result in memory; the inline
            // path writes its scalars through.
            Instr::Binary { dst, a, b, .. } | Instr::InplaceBinary { dst, a, b, .. }
                if fb.after.contains(&(pc as u32, dst))
                    || st[a as usize] == MEM
                    || st[b as usize] == MEM =>
            {
                set(&mut out, dst, MEM)
            }
            _ => {
                if let Some(d) = dst_of(ins) {
                    set(&mut out, d, CLEAN);
                }
            }
        }
        return out;
    }
    // The generic path spills the dirty scalars it needs, then reloads what it
    // wrote (speculated scalar, under a guard).
    for r in spill_set(ins, code, st) {
        out[r] = CLEAN;
    }
    match writes(ins) {
        Some(ws) => {
            for r in ws {
                set(&mut out, r, CLEAN);
            }
        }
        None => {
            for v in out.iter_mut() {
                if *v != MEM {
                    *v = CLEAN;
                }
            }
        }
    }
    for r in object_defs(ins, code) {
        set(&mut out, r, MEM);
    }
    for &(_, r) in fb.after.range((pc as u32, 0)..=(pc as u32, Reg::MAX)) {
        set(&mut out, r, MEM);
    }
    // A move from memory yields a value that may be an object.
    if let Instr::Move { dst, src } = *ins {
        if st[src as usize] == MEM {
            set(&mut out, dst, MEM);
        }
    }
    // Cells stay in memory whatever is stored through them.
    for &r in code.cell_regs.iter().chain(code.free_regs.iter()) {
        set(&mut out, r, MEM);
    }
    out
}

fn analyse(code: &JitInput, fb: &Feedback) -> Analysis {
    let n = code.instrs.len();
    let nregs = code.nregs as usize;
    let mut always_mem = vec![CLEAN; nregs];
    for &r in code.cell_regs.iter().chain(code.free_regs.iter()) {
        if (r as usize) < nregs {
            always_mem[r as usize] = MEM;
        }
    }
    // Entries: offset 0, loop headers (targets of backward jumps) and, in a
    // generator, the offset after each `yield` (where a resumed generator continues).
    let mut entries: BTreeSet<u32> = BTreeSet::new();
    entries.insert(0);
    for (pc, ins) in code.instrs.iter().enumerate() {
        if matches!(ins, Instr::Yield { .. }) && pc + 1 < n {
            entries.insert(pc as u32 + 1);
        }
    }
    for (pc, ins) in code.instrs.iter().enumerate() {
        for s in succs(ins, pc) {
            if s <= pc && s < n {
                entries.insert(s as u32);
            }
        }
    }
    let entry_state = |e: u32| -> State {
        let mut st = always_mem.clone();
        // The value sent into a resumed generator may be any object.
        if let Some(Instr::Yield { dst, .. }) =
            (e as usize).checked_sub(1).and_then(|p| code.instrs.get(p))
        {
            if (*dst as usize) < nregs {
                st[*dst as usize] = MEM;
            }
        }
        for &(_, r) in fb.entry.range((e, 0)..=(e, Reg::MAX)) {
            if (r as usize) < nregs {
                st[r as usize] = MEM;
            }
        }
        st
    };
    let mut inp: Vec<Option<State>> = vec![None; n];
    let mut work: Vec<usize> = Vec::new();
    for &e in &entries {
        let e = e as usize;
        if e < n {
            inp[e] = Some(entry_state(e as u32));
            work.push(e);
        }
    }
    let mut inline = vec![false; n];
    let grouped: Vec<bool> = ic_groups(&code.instrs)
        .0
        .iter()
        .map(|&g| g != u16::MAX)
        .collect();
    while let Some(pc) = work.pop() {
        let st = inp[pc].clone().expect("reachable");
        let ins = &code.instrs[pc];
        let learned = |r: Reg| fb.after.contains(&(pc as u32, r));
        let inl = is_inline(ins, pc, &grouped, code, &st, &learned);
        inline[pc] = inl;
        let out = out_state(ins, pc, code, &st, inl, fb);
        for s in succs(ins, pc) {
            if s >= n {
                continue;
            }
            let changed = match &mut inp[s] {
                None => {
                    inp[s] = Some(out.clone());
                    true
                }
                Some(cur) => {
                    let mut ch = false;
                    for (c, o) in cur.iter_mut().zip(out.iter()) {
                        if *o > *c {
                            *c = *o;
                            ch = true;
                        }
                    }
                    ch
                }
            };
            if changed {
                work.push(s);
            }
        }
    }
    Analysis {
        inp,
        inline,
        entries: entries.into_iter().filter(|&e| (e as usize) < n).collect(),
    }
}

struct Gen<'a, 'b> {
    b: FunctionBuilder<'b>,
    /// Inline cache group of each instruction.
    groups: Vec<u16>,
    /// Position of each instruction among those that `may_exec` (u16::MAX after
    /// 65535 of them).
    exec_index: Vec<u16>,
    code: &'a JitInput,
    ctx: CVal,
    vars: Vec<Variable>,
    blocks: Vec<Option<Block>>,
    exec_sig: cranelift_codegen::ir::SigRef,
    /// The signature of the leaf entries (`Helper::NewInt64`, `Helper::FreeInt64`).
    leaf_sig: cranelift_codegen::ir::SigRef,
    /// The signature of compiled code (for frameless calls).
    entry_sig: cranelift_codegen::ir::SigRef,
    /// Where a frameless callee's context is built (one per function: calls do not
    /// overlap).
    callee_slot: Option<cranelift_codegen::ir::StackSlot>,
    an: &'a Analysis,
}

impl Gen<'_, '_> {
    fn flags() -> MemFlagsData {
        MemFlagsData::trusted()
    }
    fn regs_ptr(&mut self) -> CVal {
        self.b
            .ins()
            .load(types::I64, Self::flags(), self.ctx, CTX_REGS)
    }
    fn ret(&mut self, v: u64) {
        let c = self.b.ins().iconst(types::I64, v as i64);
        self.b.ins().return_(&[c]);
    }
    fn ret_val(&mut self, v: CVal) {
        self.b.ins().return_(&[v]);
    }
    /// Define scalar register `r` and write it through to the window, so the window
    /// is always current and no exit has to write registers back.
    fn def(&mut self, r: usize, v: CVal) {
        self.b.def_var(self.vars[r], v);
        let regs = self.regs_ptr();
        self.b.ins().store(Self::flags(), v, regs, (r * 8) as i32);
    }
    /// Store the given registers to the window.
    fn spill_regs(&mut self, which: &[usize]) {
        if which.is_empty() {
            return;
        }
        let regs = self.regs_ptr();
        for &r in which {
            let v = self.b.use_var(self.vars[r]);
            self.b.ins().store(Self::flags(), v, regs, (r * 8) as i32);
        }
    }
    /// Store every dirty scalar register of `st` to the window.
    fn spill(&mut self, st: &State) {
        let regs = self.regs_ptr();
        for (r, &rep) in st.iter().enumerate() {
            if rep == DIRTY {
                let v = self.b.use_var(self.vars[r]);
                self.b.ins().store(Self::flags(), v, regs, (r * 8) as i32);
            }
        }
    }
    /// Load the given registers from the window; returns "some register held a heap
    /// object".
    fn reload(&mut self, which: &[usize]) -> Option<CVal> {
        let regs = self.regs_ptr();
        let mut acc: Option<CVal> = None;
        for &r in which {
            {
                let v = self
                    .b
                    .ins()
                    .load(types::I64, Self::flags(), regs, (r * 8) as i32);
                self.b.def_var(self.vars[r], v);
                let hi = self.b.ins().ushr_imm_s(v, 48);
                let p = self.b.ins().icmp_imm_s(IntCC::Equal, hi, TAG_PTR_HI);
                acc = Some(match acc {
                    None => p,
                    Some(a) => self.b.ins().bor(a, p),
                });
            }
        }
        acc
    }
    /// Jump from a point whose state is `from` to instruction `to`, moving registers
    /// that are scalar here but in memory there.
    /// A range's loop test on unboxed `cur`, `stop`, `step`: past the end, go to
    /// `target` (state `out`); else continue in a new block (the body).
    fn range_more(&mut self, cur: CVal, stop: CVal, step: CVal, out: &State, target: usize) {
        let up = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
        let lt = self.b.ins().icmp(IntCC::SignedLessThan, cur, stop);
        let gt = self.b.ins().icmp(IntCC::SignedGreaterThan, cur, stop);
        let more = self.b.ins().select(up, lt, gt);
        let body = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(more, body, &[], done, &[]);
        self.b.switch_to_block(done);
        self.goto(out, target);
        self.b.switch_to_block(body);
    }
    fn goto(&mut self, from: &State, to: usize) {
        let Some(Some(target)) = self.blocks.get(to).copied() else {
            // Not reachable by analysis (cannot happen for real successors): resume.
            self.spill(from);
            self.ret(pack(ST_RESUME, 0, to as u64));
            return;
        };
        let to_state = self.an.inp[to].clone().expect("reachable");
        let moves: Vec<usize> = (0..from.len())
            .filter(|&r| from[r] == DIRTY && to_state[r] == MEM)
            .collect();
        if !moves.is_empty() {
            let regs = self.regs_ptr();
            for r in moves {
                let v = self.b.use_var(self.vars[r]);
                self.b.ins().store(Self::flags(), v, regs, (r * 8) as i32);
            }
        }
        self.b.ins().jump(target, &[]);
    }
    /// Conditional jump: `cond` true → `t`, false → `f` (instruction offsets).
    fn branch(&mut self, cond: CVal, from: &State, t: usize, f: usize) {
        let bt = self.b.create_block();
        let bf = self.b.create_block();
        self.b.ins().brif(cond, bt, &[], bf, &[]);
        self.b.switch_to_block(bt);
        self.goto(from, t);
        self.b.switch_to_block(bf);
        self.goto(from, f);
    }

    fn is_int(&mut self, v: CVal) -> CVal {
        let hi = self.b.ins().ushr_imm_s(v, 48);
        self.b.ins().icmp_imm_s(IntCC::Equal, hi, TAG_INT_HI)
    }
    fn is_float(&mut self, v: CVal) -> CVal {
        self.b
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, v, TAG_INT as i64)
    }
    fn unbox_int(&mut self, v: CVal) -> CVal {
        let s = self.b.ins().ishl_imm_s(v, 16);
        self.b.ins().sshr_imm_s(s, 16)
    }
    fn fits(&mut self, i: CVal) -> CVal {
        let s = self.unbox_int(i);
        self.b.ins().icmp(IntCC::Equal, s, i)
    }
    fn box_int_const(&mut self, i: i64) -> CVal {
        let bits = (i as u64 & PAYLOAD) | TAG_INT;
        self.b.ins().iconst(types::I64, bits as i64)
    }
    fn box_int(&mut self, i: CVal) -> CVal {
        let p = self.b.ins().band_imm_s(i, PAYLOAD as i64);
        self.b.ins().bor_imm_s(p, TAG_INT as i64)
    }
    fn as_f64(&mut self, v: CVal) -> CVal {
        // An int operand is converted exactly (48 bits fit a double's mantissa).
        let isf = self.is_float(v);
        let asf = self.b.ins().bitcast(types::F64, MemFlagsData::new(), v);
        let i = self.unbox_int(v);
        let conv = self.b.ins().fcvt_from_sint(types::F64, i);
        self.b.ins().select(isf, asf, conv)
    }
    fn box_f64(&mut self, f: CVal) -> CVal {
        let bits = self.b.ins().bitcast(types::I64, MemFlagsData::new(), f);
        let nan = self.b.ins().fcmp(FloatCC::Unordered, f, f);
        // A NaN becomes the canonical one with its own sign (0xFFF8… is below the tags).
        let sign = self.b.ins().band_imm_s(bits, i64::MIN);
        let canon = self.b.ins().bor_imm_s(sign, CANON_NAN as i64);
        self.b.ins().select(nan, canon, bits)
    }
    fn bool_val(&mut self, c: CVal) -> CVal {
        let t = self.b.ins().iconst(types::I64, V_TRUE as i64);
        let f = self.b.ins().iconst(types::I64, V_FALSE as i64);
        self.b.ins().select(c, t, f)
    }
    /// "an int or a float"
    fn numeric_one(&mut self, a: CVal) -> CVal {
        let f = self.is_float(a);
        let i = self.is_int(a);
        self.b.ins().bor(f, i)
    }
    /// "both are ints or floats and at least one is a float"
    fn numeric_pair(&mut self, a: CVal, b: CVal) -> CVal {
        let fa = self.is_float(a);
        let fb = self.is_float(b);
        let ia = self.is_int(a);
        let ib = self.is_int(b);
        let na = self.b.ins().bor(fa, ia);
        let nb = self.b.ins().bor(fb, ib);
        self.b.ins().band(na, nb)
    }

    fn load_at(&mut self, base: CVal, off: u32) -> CVal {
        self.b
            .ins()
            .load(types::I64, Self::flags(), base, off as i32)
    }
    /// Continue when `ok`, else go to `slow`.
    fn guard(&mut self, ok: CVal, slow: Block) {
        let c = self.b.create_block();
        self.b.ins().brif(ok, c, &[], slow, &[]);
        self.b.switch_to_block(c);
    }
    /// The boxed payload of the object in window register `r`, which must be a heap
    /// object of variant `tag` (else `slow`).
    fn boxed_of(&mut self, r: Reg, tag: u8, slow: Block) -> CVal {
        let l = self.code.layout;
        let regs = self.regs_ptr();
        let v = self.load_at(regs, r as u32 * 8);
        let (p, t) = self.obj_of(v, slow);
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, t, tag as i64);
        self.guard(ok, slow);
        self.load_at(p, l.data + l.boxed)
    }
    /// The address of the slot holding the attribute of the instance in register
    /// `obj` that the inline cache of offset `pc` records (class, shape and type
    /// epoch checked; anything else goes to `slow`).
    /// The inline cache entry (first of the group) of offset `pc` after checking it
    /// matches the instance in register `obj` (class, shape, type epoch; anything
    /// else goes to `slow`): (instance payload, entry address).
    fn attr_entry(&mut self, pc: usize, obj: Reg, slow: Block) -> (CVal, CVal) {
        let l = self.code.layout;
        let regs = self.regs_ptr();
        let v = self.load_at(regs, obj as u32 * 8);
        let (p, t) = self.obj_of(v, slow);
        let ok = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, t, l.instance_tag as i64);
        self.guard(ok, slow);
        let inst = self.b.ins().iadd_imm_s(p, l.inst_payload as i64);
        let e = self.inst_entry(pc, inst, slow);
        (inst, e)
    }

    /// The inline cache entry of offset `pc` for instance payload `inst`: keyed on
    /// its class and shape (none: `slow`).
    fn inst_entry(&mut self, pc: usize, inst: CVal, slow: Block) -> CVal {
        let l = self.code.layout;
        let class = self.load_at(inst, l.inst_class);
        let shape = self.load_at(inst, l.inst_shape);
        self.ic_entry(pc, class, shape, slow)
    }

    /// The first way of offset `pc`'s inline cache group (the interpreter puts the
    /// newest first) whose class, shape and type epoch are `class`, `shape` and the
    /// current epoch; none: `slow`.
    fn ic_entry(&mut self, pc: usize, class: CVal, shape: CVal, slow: Block) -> CVal {
        let group = self.groups[pc] as usize;
        let icb = self
            .b
            .ins()
            .load(types::I64, Self::flags(), self.ctx, CTX_IC);
        let epp = self
            .b
            .ins()
            .load(types::I64, Self::flags(), self.ctx, CTX_EPOCH);
        let ep = self.load_at(epp, 0);
        let found = self.b.create_block();
        self.b.append_block_param(found, types::I64);
        for k in 0..IC_WAYS {
            let e = self.b.ins().iadd_imm_s(
                icb,
                ((group * IC_WAYS + k) * std::mem::size_of::<AttrIc>()) as i64,
            );
            let c = self.load_at(e, 0);
            let s = self.load_at(e, 8);
            let w = self.load_at(e, 16);
            let c_ok = self.b.ins().icmp(IntCC::Equal, c, class);
            let s_ok = self.b.ins().icmp(IntCC::Equal, s, shape);
            let w_ok = self.b.ins().icmp(IntCC::Equal, w, ep);
            let ok = self.b.ins().band(c_ok, s_ok);
            let ok = self.b.ins().band(ok, w_ok);
            let next = self.b.create_block();
            self.b.ins().brif(ok, found, &[e.into()], next, &[]);
            self.b.switch_to_block(next);
        }
        self.b.ins().jump(slow, &[]);
        self.b.switch_to_block(found);
        self.b.block_params(found)[0]
    }

    /// The inline cache entry of a method load (offset `pc`) on the value `this`: an
    /// instance's (class, shape) or a built-in value's (its variant key, shape word 1;
    /// see `AttrIc`). None of them: `slow`.
    fn method_entry(&mut self, pc: usize, this: CVal, slow: Block) -> CVal {
        let l = self.code.layout;
        let (p, t) = self.obj_of(this, slow);
        let is_inst = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, t, l.instance_tag as i64);
        let inst_blk = self.b.create_block();
        let val_blk = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        self.b.ins().brif(is_inst, inst_blk, &[], val_blk, &[]);
        self.b.switch_to_block(inst_blk);
        let inst = self.b.ins().iadd_imm_s(p, l.inst_payload as i64);
        let e = self.inst_entry(pc, inst, slow);
        self.b.ins().jump(done, &[e.into()]);
        self.b.switch_to_block(val_blk);
        let k = self.b.ins().ishl_imm_s(t, 1);
        let key = self.b.ins().bor_imm_s(k, 1);
        let one = self.b.ins().iconst(types::I64, 1);
        let e = self.ic_entry(pc, key, one, slow);
        self.b.ins().jump(done, &[e.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// The state of the iterator in window register `iter`, which must be of
    /// state variant `tag` (else `slow`).
    fn iter_state_of(&mut self, iter: Reg, tag: u8, slow: Block) -> CVal {
        let l = self.code.layout;
        let it = self.boxed_of(iter, l.iter_tag, slow);
        let stp = self.b.ins().iadd_imm_s(it, l.iter_state as i64);
        let t = self.b.ins().uload8(types::I64, Self::flags(), stp, 0);
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, t, tag as i64);
        self.guard(ok, slow);
        stp
    }

    /// The value of the attribute of the module in register `obj` that the inline
    /// cache of offset `pc` records (the module itself and its dict's version
    /// checked; anything else goes to `slow`). The dict holds the reference.
    fn module_attr(&mut self, pc: usize, obj: Reg, slow: Block) -> CVal {
        let l = self.code.layout;
        let group = self.groups[pc] as usize;
        let regs = self.regs_ptr();
        let m = self.load_at(regs, obj as u32 * 8);
        let icb = self
            .b
            .ins()
            .load(types::I64, Self::flags(), self.ctx, CTX_IC);
        let e = self.b.ins().iadd_imm_s(
            icb,
            (group * IC_WAYS * std::mem::size_of::<AttrIc>()) as i64,
        );
        // The entry's class is the module's value: equal bits, the same module.
        let want = self.load_at(e, 0);
        let ok = self.b.ins().icmp(IntCC::Equal, m, want);
        self.guard(ok, slow);
        let p = self.b.ins().band_imm_s(m, PAYLOAD as i64);
        let mb = self.load_at(p, l.data + l.boxed);
        let d = self.load_at(mb, l.module_dict);
        let dp = self.b.ins().band_imm_s(d, PAYLOAD as i64);
        let db = self.load_at(dp, l.data + l.boxed);
        let ver = self.load_at(db, l.dict_version);
        let want = self.load_at(e, 8);
        let ok = self.b.ins().icmp(IntCC::Equal, ver, want);
        self.guard(ok, slow);
        self.load_at(e, 24)
    }

    /// The address of item `key` (a scalar int register, negative counting from the
    /// end) of the list (or, when `tuples`, the tuple) in register `obj`; anything
    /// else goes to `slow`.
    fn list_item(&mut self, obj: Reg, key: Reg, slow: Block, tuples: bool) -> CVal {
        let regs = self.regs_ptr();
        let v = self.load_at(regs, obj as u32 * 8);
        let (len, items) = self.seq_words(v, slow, tuples);
        let k = self.b.use_var(self.vars[key as usize]);
        let ki = self.is_int(k);
        self.guard(ki, slow);
        let i = self.unbox_int(k);
        let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
        let wrapped = self.b.ins().iadd(i, len);
        let i = self.b.ins().select(neg, wrapped, i);
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        self.guard(ok, slow);
        let off = self.b.ins().ishl_imm_s(i, 3);
        self.b.ins().iadd(items, off)
    }

    /// The length and item pointer of value `v`, which must be a list (or, when
    /// `tuples`, a tuple); anything else goes to `slow`.
    fn seq_words(&mut self, v: CVal, slow: Block, tuples: bool) -> (CVal, CVal) {
        let l = self.code.layout;
        let (p, t) = self.obj_of(v, slow);
        let is_list = self.b.ins().icmp_imm_s(IntCC::Equal, t, l.list_tag as i64);
        let tuples = tuples && l.tuple_ptr != l.tuple_len;
        let ok = if tuples {
            let is_tuple = self.b.ins().icmp_imm_s(IntCC::Equal, t, l.tuple_tag as i64);
            self.b.ins().bor(is_list, is_tuple)
        } else {
            is_list
        };
        self.guard(ok, slow);
        // (Both variants' words lie within the object: the other one's are read
        // and dropped by the select.)
        let mut pick = |list_off: u32, tuple_off: u32| {
            let a = self.load_at(p, l.data + list_off);
            if tuples {
                let b = self.load_at(p, l.data + tuple_off);
                self.b.ins().select(is_list, a, b)
            } else {
                a
            }
        };
        let len = pick(l.list_len, l.tuple_len);
        let items = pick(l.list_ptr, l.tuple_ptr);
        (len, items)
    }

    fn attr_slot(&mut self, pc: usize, obj: Reg, slow: Block) -> CVal {
        let (inst, e) = self.attr_entry(pc, obj, slow);
        self.slot_at(inst, e, slow)
    }
    /// The address of the slot cache entry `e` names in instance payload `inst`.
    fn slot_at(&mut self, inst: CVal, e: CVal, slow: Block) -> CVal {
        let slot = self.load_at(e, 24);
        self.slot_addr(inst, slot, slow)
    }
    /// The address of slot `slot` (below the shape's length) of instance payload
    /// `inst`: inline, or in the rare part's overflow vector (when the layout says
    /// where that is; else `slow`).
    fn slot_addr(&mut self, inst: CVal, slot: CVal, slow: Block) -> CVal {
        let l = self.code.layout;
        let meta = self.load_at(inst, l.inst_meta);
        let cap = self.b.ins().ushr_imm_u(meta, 48);
        let inline = self.b.ins().icmp(IntCC::UnsignedLessThan, slot, cap);
        let in_blk = self.b.create_block();
        let out_blk = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        self.b.ins().brif(inline, in_blk, &[], out_blk, &[]);
        self.b.switch_to_block(out_blk);
        if l.rare_overflow_ptr == l.rare_overflow_len {
            self.b.ins().jump(slow, &[]);
        } else {
            let rare = self.b.ins().band_imm_s(meta, PAYLOAD as i64);
            let k = self.b.ins().isub(slot, cap);
            let len = self.load_at(rare, l.rare_overflow_len);
            let ok = self.b.ins().icmp(IntCC::UnsignedLessThan, k, len);
            self.guard(ok, slow);
            let p = self.load_at(rare, l.rare_overflow_ptr);
            let off = self.b.ins().ishl_imm_s(k, 3);
            let at = self.b.ins().iadd(p, off);
            self.b.ins().jump(done, &[at.into()]);
        }
        self.b.switch_to_block(in_blk);
        let at = self.inline_slot_at(inst, slot);
        self.b.ins().jump(done, &[at.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }
    /// The address of inline slot `slot` of instance payload `inst` (a slot beyond
    /// the inline ones: `slow`).
    fn inline_slot(&mut self, inst: CVal, slot: CVal, slow: Block) -> CVal {
        let l = self.code.layout;
        let meta = self.load_at(inst, l.inst_meta);
        let cap = self.b.ins().ushr_imm_u(meta, 48);
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThan, slot, cap);
        self.guard(ok, slow);
        self.inline_slot_at(inst, slot)
    }
    /// Where inline slot `slot` of instance payload `inst` is (unchecked).
    fn inline_slot_at(&mut self, inst: CVal, slot: CVal) -> CVal {
        let off = self.b.ins().ishl_imm_s(slot, 3);
        let at = self.b.ins().iadd(inst, off);
        self.b
            .ins()
            .iadd_imm_s(at, self.code.layout.inst_slot0 as i64)
    }
    /// Add an attribute to instance payload `inst` through cache entry `e`, a
    /// transition to the shape whose Rc word is `next`: `v` goes to the slot after
    /// the old shape's last (the entry's slot, which the checked old shape makes
    /// the end; it must be inline, and holds UNBOUND), the instance takes the new
    /// shape (its count raised) and gives up the old one (whose count must stay
    /// above zero: its parent holds it). Anything else: `slow`, before any change.
    fn add_attr(&mut self, inst: CVal, e: CVal, next: CVal, v: CVal, object: bool, slow: Block) {
        let l = self.code.layout;
        let slot = self.load_at(e, 24);
        let old = self.load_at(inst, l.inst_shape);
        let old_rc = self.load_at(old, l.rc_strong);
        let shared = self
            .b
            .ins()
            .icmp_imm_s(IntCC::UnsignedGreaterThan, old_rc, 1);
        self.guard(shared, slow);
        let at = self.inline_slot(inst, slot, slow);
        if object {
            let p = self.is_ptr(v);
            let a = self.b.ins().band_imm_s(v, PAYLOAD as i64);
            self.add_to_count(p, a, 1);
        }
        self.b.ins().store(Self::flags(), v, at, 0);
        self.b
            .ins()
            .store(Self::flags(), next, inst, l.inst_shape as i32);
        let new_rc = self.load_at(next, l.rc_strong);
        let new_rc = self.b.ins().iadd_imm_s(new_rc, 1);
        self.b
            .ins()
            .store(Self::flags(), new_rc, next, l.rc_strong as i32);
        let old_rc = self.b.ins().iadd_imm_s(old_rc, -1);
        self.b
            .ins()
            .store(Self::flags(), old_rc, old, l.rc_strong as i32);
    }
    /// Store scalar `v` at `at` (a slot or list item) whose old value must own no
    /// reference (nothing to release); else `slow`.
    fn store_over_scalar(&mut self, at: CVal, v: CVal, slow: Block) {
        let old = self.load_at(at, 0);
        self.guard_scalar(old, slow);
        self.b.ins().store(Self::flags(), v, at, 0);
    }
    /// Continue when `v` is no heap object, else go to `slow`.
    fn guard_scalar(&mut self, v: CVal, slow: Block) {
        let p = self.is_ptr(v);
        let ok = self.b.ins().bxor_imm_s(p, 1);
        self.guard(ok, slow);
    }
    /// Register `dst` takes `v`, read from memory that keeps its reference: with
    /// its reference count when the register is kept in memory (`object`), else
    /// as a speculated scalar (an object goes to `slow`).
    fn put_loaded(&mut self, dst: Reg, v: CVal, object: bool, slow: Block) {
        if object {
            self.store_counted(dst, v, slow);
        } else {
            self.guard_scalar(v, slow);
            self.def(dst as usize, v);
        }
    }
    /// The value of register `r` in state `st`: from the window when it is kept
    /// in memory, else the machine register's.
    fn reg_value(&mut self, st: &State, r: Reg) -> CVal {
        if st[r as usize] == MEM {
            let regs = self.regs_ptr();
            self.load_at(regs, r as u32 * 8)
        } else {
            self.b.use_var(self.vars[r as usize])
        }
    }
    /// `a == b` (or `!=`) for window registers holding strs: decided when they are
    /// the same object (equal) or their cached hashes are known and differ (not
    /// equal); anything else goes to `slow`.
    fn str_eq(&mut self, op: CmpOp, a: Reg, b: Reg, slow: Block) -> CVal {
        let l = self.code.layout;
        let regs = self.regs_ptr();
        let x = self.load_at(regs, a as u32 * 8);
        let y = self.load_at(regs, b as u32 * 8);
        let (ox, tx) = self.obj_of(x, slow);
        let (oy, ty) = self.obj_of(y, slow);
        let sx = self.b.ins().icmp_imm_s(IntCC::Equal, tx, l.str_tag as i64);
        let sy = self.b.ins().icmp_imm_s(IntCC::Equal, ty, l.str_tag as i64);
        let ok = self.b.ins().band(sx, sy);
        self.guard(ok, slow);
        let same = self.b.ins().icmp(IntCC::Equal, x, y);
        let hx = self.load_at(ox, l.data + l.str_hash);
        let hy = self.load_at(oy, l.data + l.str_hash);
        let kx = self.b.ins().icmp_imm_s(IntCC::NotEqual, hx, -1);
        let ky = self.b.ins().icmp_imm_s(IntCC::NotEqual, hy, -1);
        let differ = self.b.ins().icmp(IntCC::NotEqual, hx, hy);
        let known = self.b.ins().band(kx, ky);
        let apart = self.b.ins().band(known, differ);
        let decided = self.b.ins().bor(same, apart);
        self.guard(decided, slow);
        if op == CmpOp::Eq {
            same
        } else {
            self.b.ins().bxor_imm_s(same, 1)
        }
    }
    /// Store `new` (a value that may be an object) at `at` (a slot), taking a
    /// reference to it and releasing the old value's (the runtime takes over,
    /// through `slow`, when that would be the old value's last reference, unless it
    /// is a medium int's, which a leaf call frees).
    fn store_counted_at(&mut self, at: CVal, new: CVal, slow: Block) {
        let old = self.load_at(at, 0);
        let old_p = self.is_ptr(old);
        let new_p = self.is_ptr(new);
        let op = self.b.ins().band_imm_s(old, PAYLOAD as i64);
        let np = self.b.ins().band_imm_s(new, PAYLOAD as i64);
        let chk = self.b.create_block();
        let inc = self.b.create_block();
        self.b.ins().brif(old_p, chk, &[], inc, &[]);
        self.b.switch_to_block(chk);
        let rc = self.b.ins().uload32(Self::flags(), op, 0);
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        let l = self.code.layout;
        if l.int64_val != 0 {
            // The last reference to a medium int: freed by a leaf call after the
            // store (anything else: the runtime).
            let last_blk = self.b.create_block();
            let free = self.b.create_block();
            let done = self.b.create_block();
            self.b.ins().brif(last, last_blk, &[], inc, &[]);
            self.b.switch_to_block(last_blk);
            let is_i64 = self.is_medium_int(op);
            self.b.ins().brif(is_i64, free, &[], slow, &[]);
            self.b.switch_to_block(free);
            self.add_to_count(new_p, np, 1);
            self.b.ins().store(Self::flags(), new, at, 0);
            self.leaf_call(Helper::FreeInt64, old);
            self.b.ins().jump(done, &[]);
            self.b.switch_to_block(inc);
            self.add_to_count(new_p, np, 1);
            self.add_to_count(old_p, op, -1);
            self.b.ins().store(Self::flags(), new, at, 0);
            self.b.ins().jump(done, &[]);
            self.b.switch_to_block(done);
            return;
        }
        self.b.ins().brif(last, slow, &[], inc, &[]);
        self.b.switch_to_block(inc);
        self.add_to_count(new_p, np, 1);
        self.add_to_count(old_p, op, -1);
        self.b.ins().store(Self::flags(), new, at, 0);
    }
    fn load_at_ctx(&mut self, off: i32) -> CVal {
        self.b.ins().load(types::I64, Self::flags(), self.ctx, off)
    }
    /// Store `new` (a value that may be an object) into window register `dst`,
    /// taking a reference to it and releasing the old value's (the runtime takes over,
    /// through `slow`, when that would be the old value's last reference).
    fn store_counted(&mut self, dst: Reg, new: CVal, slow: Block) {
        let regs = self.regs_ptr();
        let at = self.b.ins().iadd_imm_s(regs, dst as i64 * 8);
        self.store_counted_at(at, new, slow);
        self.b.def_var(self.vars[dst as usize], new);
    }
    /// Continue if dropping a reference to `old` later (`release`) cannot run
    /// Python code: it is no object, not the last reference, or the last one to a
    /// medium int. Else `slow`.
    fn check_releasable(&mut self, old: CVal, slow: Block) {
        let isp = self.is_ptr(old);
        let chk = self.b.create_block();
        let last = self.b.create_block();
        let ok = self.b.create_block();
        self.b.ins().brif(isp, chk, &[], ok, &[]);
        self.b.switch_to_block(chk);
        let p = self.b.ins().band_imm_s(old, PAYLOAD as i64);
        let rc = self.b.ins().uload32(Self::flags(), p, 0);
        let shared = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, rc, 1);
        self.b.ins().brif(shared, ok, &[], last, &[]);
        self.b.switch_to_block(last);
        let is_i64 = self.is_medium_int(p);
        self.b.ins().brif(is_i64, ok, &[], slow, &[]);
        self.b.switch_to_block(ok);
    }
    /// Drop a reference to `old`, which `check_releasable` passed.
    fn release(&mut self, old: CVal) {
        let isp = self.is_ptr(old);
        let chk = self.b.create_block();
        let dec = self.b.create_block();
        let free = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(isp, chk, &[], done, &[]);
        self.b.switch_to_block(chk);
        let p = self.b.ins().band_imm_s(old, PAYLOAD as i64);
        let rc = self.b.ins().uload32(Self::flags(), p, 0);
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        self.b.ins().brif(last, free, &[], dec, &[]);
        self.b.switch_to_block(dec);
        let rc1 = self.b.ins().iadd_imm_s(rc, -1);
        self.b.ins().istore32(Self::flags(), rc1, p, 0);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(free);
        self.leaf_call(Helper::FreeInt64, old);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }
    /// Whether the heap object at `p` is a medium int (its variant byte).
    fn is_medium_int(&mut self, p: CVal) -> CVal {
        let l = self.code.layout;
        let t = self
            .b
            .ins()
            .uload8(types::I64, Self::flags(), p, l.data as i32);
        self.b.ins().icmp_imm_s(IntCC::Equal, t, l.int64_tag as i64)
    }
    /// Call the leaf entry `h` (`Helper::NewInt64`, `Helper::FreeInt64`) with `arg`.
    fn leaf_call(&mut self, h: Helper, arg: CVal) -> CVal {
        let table = self.load_at_ctx(CTX_HELPERS);
        let f = self.load_at(table, 8 * h as u32);
        let call = self.b.ins().call_indirect(self.leaf_sig, f, &[arg]);
        self.b.inst_results(call)[0]
    }
    /// The heap object of `v` (a value known to be an object), whose reference
    /// count must be more than 1, else `slow`: a reference native code may drop
    /// without freeing anything.
    fn guard_shared(&mut self, v: CVal, slow: Block) -> CVal {
        let p = self.b.ins().band_imm_s(v, PAYLOAD as i64);
        let rc = self.b.ins().uload32(Self::flags(), p, 0);
        let shared = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, rc, 1);
        self.guard(shared, slow);
        p
    }
    /// Drop the reference window register `r` holds (to an object `guard_shared`
    /// checked) and leave the register unbound. The count is read again here: a
    /// store since the check may have changed it.
    fn drop_shared(&mut self, r: Reg) {
        let regs = self.regs_ptr();
        let v = self.load_at(regs, r as u32 * 8);
        let p = self.b.ins().band_imm_s(v, PAYLOAD as i64);
        self.add_to_count_known(p, -1);
        let unbound = self.b.ins().iconst(types::I64, V_UNBOUND as i64);
        self.b
            .ins()
            .store(Self::flags(), unbound, regs, r as i32 * 8);
    }
    fn add_to_count_known(&mut self, p: CVal, delta: i64) {
        let rc = self.b.ins().uload32(Self::flags(), p, 0);
        let rc1 = self.b.ins().iadd_imm_s(rc, delta);
        self.b.ins().istore32(Self::flags(), rc1, p, 0);
    }
    /// When `is_obj`, add `delta` to the reference count of the object at `p`.
    fn add_to_count(&mut self, is_obj: CVal, p: CVal, delta: i64) {
        let yes = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(is_obj, yes, &[], done, &[]);
        self.b.switch_to_block(yes);
        self.add_to_count_known(p, delta);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }
    /// Where the value of the cell in register `cell` is (a cell, else `slow`).
    fn cell_value_at(&mut self, cell: Reg, slow: Block) -> CVal {
        let l = self.code.layout;
        let regs = self.regs_ptr();
        let cv = self.load_at(regs, cell as u32 * 8);
        let (p, t) = self.obj_of(cv, slow);
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, t, l.cell_tag as i64);
        self.guard(ok, slow);
        self.b.ins().iadd_imm_s(p, (l.data + l.cell_value) as i64)
    }

    /// The heap object of `v`, which must be one (else `slow`), and its data's
    /// variant number.
    fn obj_of(&mut self, v: CVal, slow: Block) -> (CVal, CVal) {
        let l = self.code.layout;
        let isp = self.is_ptr(v);
        self.guard(isp, slow);
        let p = self.b.ins().band_imm_s(v, PAYLOAD as i64);
        let t = self
            .b
            .ins()
            .uload8(types::I64, Self::flags(), p, l.data as i32);
        (p, t)
    }
    fn is_ptr(&mut self, v: CVal) -> CVal {
        let hi = self.b.ins().ushr_imm_s(v, 48);
        self.b.ins().icmp_imm_s(IntCC::Equal, hi, TAG_PTR_HI)
    }

    /// An int operand's value: inline, or (when the layout knows them) a medium int's
    /// i64 read from its heap object; anything else jumps to `other`.
    fn int_operand(&mut self, v: CVal, other: Block) -> CVal {
        let l = self.code.layout;
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        let small = self.b.create_block();
        let not_small = self.b.create_block();
        let isi = self.is_int(v);
        self.b.ins().brif(isi, small, &[], not_small, &[]);
        self.b.switch_to_block(small);
        let x = self.unbox_int(v);
        self.b.ins().jump(done, &[x.into()]);
        self.b.switch_to_block(not_small);
        if l.int64_val != 0 {
            let isp = self.is_ptr(v);
            let chk = self.b.create_block();
            self.b.ins().brif(isp, chk, &[], other, &[]);
            self.b.switch_to_block(chk);
            let p = self.b.ins().band_imm_s(v, PAYLOAD as i64);
            let ok = self.is_medium_int(p);
            let ld = self.b.create_block();
            self.b.ins().brif(ok, ld, &[], other, &[]);
            self.b.switch_to_block(ld);
            let x = self.load_at(p, l.int64_val);
            self.b.ins().jump(done, &[x.into()]);
        } else {
            self.b.ins().jump(other, &[]);
        }
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// Inline `a op b` on ints/floats; jumps to `slow` when the operands or the
    /// result leave the fast path. Returns the boxed result in the continuation.
    /// With `heap`, ints may be medium ints (heap objects holding an i64); with
    /// `wide`, so may the result (a new object, made by a leaf runtime call); else a
    /// result outside the inline range goes to `slow`.
    fn binary(&mut self, op: BinOp, a: CVal, b: CVal, wide: bool, heap: bool, slow: Block) -> CVal {
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        let not_int = self.b.create_block();
        // Two inline ints first, floats next, medium ints last.
        let int_blk = self.b.create_block();
        self.b.append_block_param(int_blk, types::I64);
        self.b.append_block_param(int_blk, types::I64);
        let small = self.b.create_block();
        let ia = self.is_int(a);
        let ib = self.is_int(b);
        let both = self.b.ins().band(ia, ib);
        self.b.ins().brif(both, small, &[], not_int, &[]);
        self.b.switch_to_block(small);
        let (x, y) = (self.unbox_int(a), self.unbox_int(b));
        self.b.ins().jump(int_blk, &[x.into(), y.into()]);
        let medium = self.b.create_block();
        self.b.switch_to_block(medium);
        if heap && self.code.layout.int64_val != 0 {
            let x = self.int_operand(a, slow);
            let y = self.int_operand(b, slow);
            self.b.ins().jump(int_blk, &[x.into(), y.into()]);
        } else {
            self.b.ins().jump(slow, &[]);
        }
        self.b.switch_to_block(int_blk);
        let (x, y) = (
            self.b.block_params(int_blk)[0],
            self.b.block_params(int_blk)[1],
        );
        let one = |g: &mut Self| g.b.ins().iconst(types::I8, 1);
        // (result, whether it is exact in 64 bits)
        let (r, ok) = match op {
            BinOp::Add | BinOp::Sub => {
                // Overflow: the result's sign differs from x's and from z's (y for
                // a sum, !y for a difference).
                let (r, z) = if op == BinOp::Add {
                    (self.b.ins().iadd(x, y), y)
                } else {
                    (self.b.ins().isub(x, y), self.b.ins().bnot(y))
                };
                let t1 = self.b.ins().bxor(x, r);
                let t2 = self.b.ins().bxor(z, r);
                let t = self.b.ins().band(t1, t2);
                (
                    r,
                    self.b
                        .ins()
                        .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, t, 0),
                )
            }
            BinOp::Mul => {
                let lo = self.b.ins().imul(x, y);
                let hi = self.b.ins().smulhi(x, y);
                let sign = self.b.ins().sshr_imm_s(lo, 63);
                (lo, self.b.ins().icmp(IntCC::Equal, hi, sign))
            }
            BinOp::And => (self.b.ins().band(x, y), one(self)),
            BinOp::Or => (self.b.ins().bor(x, y), one(self)),
            BinOp::Xor => (self.b.ins().bxor(x, y), one(self)),
            BinOp::RShift => {
                // A count of 63 or more leaves the sign (0 or -1), as in Python.
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, y, 0);
                let go = self.b.create_block();
                self.b.ins().brif(neg, slow, &[], go, &[]);
                self.b.switch_to_block(go);
                let big = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, y, 63);
                let c63 = self.b.ins().iconst(types::I64, 63);
                let amt = self.b.ins().select(big, c63, y);
                (self.b.ins().sshr(x, amt), one(self))
            }
            BinOp::LShift => {
                let bad = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, y, 63);
                let go = self.b.create_block();
                self.b.ins().brif(bad, slow, &[], go, &[]);
                self.b.switch_to_block(go);
                let r = self.b.ins().ishl(x, y);
                let back = self.b.ins().sshr(r, y);
                (r, self.b.ins().icmp(IntCC::Equal, back, x))
            }
            BinOp::TrueDiv => {
                // Exact conversions (below 2**53) make the quotient correctly rounded.
                let nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
                let ax = self.b.ins().iabs(x);
                let ay = self.b.ins().iabs(y);
                let sx = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::UnsignedLessThan, ax, 1 << 53);
                let sy = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::UnsignedLessThan, ay, 1 << 53);
                let ok = self.b.ins().band(nz, sx);
                let ok = self.b.ins().band(ok, sy);
                let go = self.b.create_block();
                self.b.ins().brif(ok, go, &[], slow, &[]);
                self.b.switch_to_block(go);
                let fx = self.b.ins().fcvt_from_sint(types::F64, x);
                let fy = self.b.ins().fcvt_from_sint(types::F64, y);
                let q = self.b.ins().fdiv(fx, fy);
                let boxed = self.box_f64(q);
                self.b
                    .ins()
                    .jump(done, &[cranelift_codegen::ir::BlockArg::Value(boxed)]);
                (x, self.b.ins().iconst(types::I8, 0))
            }
            BinOp::FloorDiv | BinOp::Mod => {
                // Not by zero, and not i64::MIN // -1 (which overflows).
                let z = self.b.ins().icmp_imm_s(IntCC::Equal, y, 0);
                let m1 = self.b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                let mn = self.b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
                let ovf = self.b.ins().band(m1, mn);
                let bad = self.b.ins().bor(z, ovf);
                let go = self.b.create_block();
                self.b.ins().brif(bad, slow, &[], go, &[]);
                self.b.switch_to_block(go);
                // Python floors: adjust C's truncating results when the signs differ.
                let q = self.b.ins().sdiv(x, y);
                let r = self.b.ins().srem(x, y);
                let rnz = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                let rx = self.b.ins().bxor(r, y);
                let neg = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, rx, 0);
                let adj = self.b.ins().band(rnz, neg);
                let res = if op == BinOp::FloorDiv {
                    let q1 = self.b.ins().iadd_imm_s(q, -1);
                    self.b.ins().select(adj, q1, q)
                } else {
                    let r1 = self.b.ins().iadd(r, y);
                    self.b.ins().select(adj, r1, r)
                };
                (res, one(self))
            }
            _ => (x, self.b.ins().iconst(types::I8, 0)),
        };
        if op != BinOp::TrueDiv {
            let exact = self.b.create_block();
            self.b.ins().brif(ok, exact, &[], slow, &[]);
            self.b.switch_to_block(exact);
            let f = self.fits(r);
            let inline = self.b.create_block();
            let big = self.b.create_block();
            self.b.ins().brif(f, inline, &[], big, &[]);
            self.b.switch_to_block(inline);
            let boxed = self.box_int(r);
            self.b
                .ins()
                .jump(done, &[cranelift_codegen::ir::BlockArg::Value(boxed)]);
            self.b.switch_to_block(big);
            if wide {
                // A medium int: a new heap object (a leaf call: it only allocates).
                let v = self.leaf_call(Helper::NewInt64, r);
                self.b
                    .ins()
                    .jump(done, &[cranelift_codegen::ir::BlockArg::Value(v)]);
            } else {
                self.b.ins().jump(slow, &[]);
            }
        }

        // floats (or int mixed with float)
        self.b.switch_to_block(not_int);
        if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv) {
            let ok = self.numeric_pair(a, b);
            let fblk = self.b.create_block();
            self.b.ins().brif(ok, fblk, &[], medium, &[]);
            self.b.switch_to_block(fblk);
            let fa = self.as_f64(a);
            let fb = self.as_f64(b);
            let r = match op {
                BinOp::Add => self.b.ins().fadd(fa, fb),
                BinOp::Sub => self.b.ins().fsub(fa, fb),
                BinOp::Mul => self.b.ins().fmul(fa, fb),
                _ => {
                    let zero = self.b.ins().f64const(0.0);
                    let z = self.b.ins().fcmp(FloatCC::Equal, fb, zero);
                    let go = self.b.create_block();
                    self.b.ins().brif(z, slow, &[], go, &[]);
                    self.b.switch_to_block(go);
                    self.b.ins().fdiv(fa, fb)
                }
            };
            let boxed = self.box_f64(r);
            self.b
                .ins()
                .jump(done, &[cranelift_codegen::ir::BlockArg::Value(boxed)]);
        } else {
            self.b.ins().jump(medium, &[]);
        }
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// Inline comparison of ints/floats (and identity against None/True/False);
    /// returns an I8 truth value in the continuation.
    /// `a op b` on registers (see `is_inline`): identity of anything by the bits,
    /// str equality of objects, else on scalars.
    fn compare_regs(&mut self, op: CmpOp, st: &State, a: Reg, b: Reg, slow: Block) -> CVal {
        let mem = |r: Reg| st[r as usize] == MEM;
        if is_op(op) && (mem(a) || mem(b)) {
            let (x, y) = (self.reg_value(st, a), self.reg_value(st, b));
            let cc = if op == CmpOp::Is {
                IntCC::Equal
            } else {
                IntCC::NotEqual
            };
            return self.b.ins().icmp(cc, x, y);
        }
        if mem(a) {
            return self.str_eq(op, a, b, slow);
        }
        let (x, y) = (
            self.b.use_var(self.vars[a as usize]),
            self.b.use_var(self.vars[b as usize]),
        );
        self.compare(op, x, y, slow)
    }

    fn compare(&mut self, op: CmpOp, a: CVal, b: CVal, slow: Block) -> CVal {
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I8);
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            // Only when one side is a special (None/bool): identity is then equality
            // of the bits, whatever the other side is.
            let ha = self.b.ins().ushr_imm_s(a, 48);
            let hb = self.b.ins().ushr_imm_s(b, 48);
            let sa = self.b.ins().icmp_imm_s(IntCC::Equal, ha, TAG_SPECIAL_HI);
            let sb = self.b.ins().icmp_imm_s(IntCC::Equal, hb, TAG_SPECIAL_HI);
            let any = self.b.ins().bor(sa, sb);
            let go = self.b.create_block();
            self.b.ins().brif(any, go, &[], slow, &[]);
            self.b.switch_to_block(go);
            let cc = if op == CmpOp::Is {
                IntCC::Equal
            } else {
                IntCC::NotEqual
            };
            let r = self.b.ins().icmp(cc, a, b);
            self.b
                .ins()
                .jump(done, &[cranelift_codegen::ir::BlockArg::Value(r)]);
            self.b.switch_to_block(done);
            return self.b.block_params(done)[0];
        }
        let (icc, fcc) = match op {
            CmpOp::Lt => (IntCC::SignedLessThan, FloatCC::LessThan),
            CmpOp::Le => (IntCC::SignedLessThanOrEqual, FloatCC::LessThanOrEqual),
            CmpOp::Gt => (IntCC::SignedGreaterThan, FloatCC::GreaterThan),
            CmpOp::Ge => (IntCC::SignedGreaterThanOrEqual, FloatCC::GreaterThanOrEqual),
            CmpOp::Eq => (IntCC::Equal, FloatCC::Equal),
            _ => (IntCC::NotEqual, FloatCC::NotEqual),
        };
        let int_blk = self.b.create_block();
        let not_int = self.b.create_block();
        let ia = self.is_int(a);
        let ib = self.is_int(b);
        let both = self.b.ins().band(ia, ib);
        self.b.ins().brif(both, int_blk, &[], not_int, &[]);
        self.b.switch_to_block(int_blk);
        let x = self.unbox_int(a);
        let y = self.unbox_int(b);
        let r = self.b.ins().icmp(icc, x, y);
        self.b
            .ins()
            .jump(done, &[cranelift_codegen::ir::BlockArg::Value(r)]);
        self.b.switch_to_block(not_int);
        let ok = self.numeric_pair(a, b);
        let fblk = self.b.create_block();
        self.b.ins().brif(ok, fblk, &[], slow, &[]);
        self.b.switch_to_block(fblk);
        let fa = self.as_f64(a);
        let fb = self.as_f64(b);
        let r = self.b.ins().fcmp(fcc, fa, fb);
        self.b
            .ins()
            .jump(done, &[cranelift_codegen::ir::BlockArg::Value(r)]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// Inline truth value of a scalar (bool, int, float, None); I8.
    fn truthy(&mut self, v: CVal, slow: Block) -> CVal {
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I8);
        let is_t = self.b.ins().icmp_imm_s(IntCC::Equal, v, V_TRUE as i64);
        let is_f = self.b.ins().icmp_imm_s(IntCC::Equal, v, V_FALSE as i64);
        let is_n = self.b.ins().icmp_imm_s(IntCC::Equal, v, V_NONE as i64);
        let simple = self.b.ins().bor(is_t, is_f);
        let simple = self.b.ins().bor(simple, is_n);
        let num = self.b.create_block();
        self.b.ins().brif(
            simple,
            done,
            &[cranelift_codegen::ir::BlockArg::Value(is_t)],
            num,
            &[],
        );
        self.b.switch_to_block(num);
        let ii = self.is_int(v);
        let iblk = self.b.create_block();
        let nblk = self.b.create_block();
        self.b.ins().brif(ii, iblk, &[], nblk, &[]);
        self.b.switch_to_block(iblk);
        let nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, v, TAG_INT as i64);
        self.b
            .ins()
            .jump(done, &[cranelift_codegen::ir::BlockArg::Value(nz)]);
        self.b.switch_to_block(nblk);
        let fl = self.is_float(v);
        let fblk = self.b.create_block();
        self.b.ins().brif(fl, fblk, &[], slow, &[]);
        self.b.switch_to_block(fblk);
        let f = self.b.ins().bitcast(types::F64, MemFlagsData::new(), v);
        let zero = self.b.ins().f64const(0.0);
        let nz = self.b.ins().fcmp(FloatCC::NotEqual, f, zero);
        self.b
            .ins()
            .jump(done, &[cranelift_codegen::ir::BlockArg::Value(nz)]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// The generic path for the instruction at `pc`: spill, `exec`, reload, dispatch.
    /// `return src`. An activation with a frame leaves the return to the runtime
    /// (frame protocol, `__init__`). A frameless one releases its window's
    /// references and hands the value over in `JitCtx::result` — unless a reference
    /// would be the last one (freeing may run Python code): then the runtime does it.
    fn emit_return(&mut self, pc: usize, st: &State, src: Reg) {
        let fr = self.load_at_ctx(CTX_FRAME);
        let no_frame = self.b.ins().icmp_imm_s(IntCC::Equal, fr, NO_FRAME as i64);
        let fast = self.b.create_block();
        let framed = self.b.create_block();
        self.b.ins().brif(no_frame, fast, &[], framed, &[]);
        self.b.switch_to_block(framed);
        self.spill(st);
        self.ret(pack(ST_RETURN, src as u64, pc as u64));
        self.b.switch_to_block(fast);
        let slow = self.b.create_block();
        for (r, &rep) in st.iter().enumerate() {
            if r == src as usize || rep != MEM {
                continue;
            }
            let regs = self.regs_ptr();
            let v = self.load_at(regs, r as u32 * 8);
            let p = self.is_ptr(v);
            let chk = self.b.create_block();
            let next = self.b.create_block();
            self.b.ins().brif(p, chk, &[], next, &[]);
            self.b.switch_to_block(chk);
            let o = self.b.ins().band_imm_s(v, PAYLOAD as i64);
            let rc = self.b.ins().uload32(Self::flags(), o, 0);
            let last = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
            let dec = self.b.create_block();
            let free = self.b.create_block();
            self.b.ins().brif(last, free, &[], dec, &[]);
            self.b.switch_to_block(dec);
            let rc1 = self.b.ins().iadd_imm_s(rc, -1);
            self.b.ins().istore32(Self::flags(), rc1, o, 0);
            let unb = self.b.ins().iconst(types::I64, V_UNBOUND as i64);
            self.b.ins().store(Self::flags(), unb, regs, (r * 8) as i32);
            self.b.ins().jump(next, &[]);
            // The last reference: the runtime frees the object (and runs a
            // finaliser it queues) without a frame.
            self.b.switch_to_block(free);
            let table = self.load_at_ctx(CTX_HELPERS);
            let f = self.load_at(table, 8 * Helper::Clear as u32);
            let args = [pc as i64, r as i64, 0, 0].map(|a| self.b.ins().iconst(types::I32, a));
            let call = self.b.ins().call_indirect(
                self.exec_sig,
                f,
                &[self.ctx, args[0], args[1], args[2], args[3]],
            );
            let res = self.b.inst_results(call)[0];
            let ok = self.b.ins().icmp_imm_s(IntCC::Equal, res, pc as i64 + 1);
            let other = self.b.create_block();
            self.b.ins().brif(ok, next, &[], other, &[]);
            self.b.switch_to_block(other);
            // (A finaliser raised: the return does not happen.)
            let exc = self.b.ins().icmp_imm_s(IntCC::Equal, res, EXEC_EXC as i64);
            let raise = self.b.create_block();
            self.b.ins().brif(exc, raise, &[], slow, &[]);
            self.b.switch_to_block(raise);
            self.ret(pack(ST_EXC, 0, pc as u64));
            self.b.switch_to_block(next);
        }
        let regs = self.regs_ptr();
        let v = if st[src as usize] == MEM {
            // The reference moves to the result: the window keeps none.
            let v = self.load_at(regs, src as u32 * 8);
            let unb = self.b.ins().iconst(types::I64, V_UNBOUND as i64);
            self.b.ins().store(Self::flags(), unb, regs, src as i32 * 8);
            v
        } else {
            self.b.use_var(self.vars[src as usize])
        };
        self.b.ins().store(Self::flags(), v, self.ctx, CTX_RESULT);
        self.ret(pack(ST_FAST_RETURN, 0, pc as u64));
        self.b.switch_to_block(slow);
        self.spill(st);
        self.ret(pack(ST_RETURN, src as u64, pc as u64));
    }

    /// `dst = func(args…)` entering the callee's native code directly when `func` is
    /// a function whose code takes its arguments as they are: its context is built
    /// here, its window placed above this one, no interpreter frame is made (the
    /// runtime makes one when it needs it). Anything else goes to `slow` (the
    /// general call); a callee that does not return plainly is finished by the
    /// runtime (`Helper::CallDone`).
    fn frameless_call(
        &mut self,
        pc: usize,
        st: &State,
        out: &State,
        (dst, func, first, argc): (Reg, Reg, Reg, u16),
        construct: bool,
        slow: Block,
    ) {
        let l = self.code.layout;
        // The old value of the destination goes first (never its last reference), so
        // the result can simply be stored.
        let regs = self.regs_ptr();
        if st[dst as usize] == MEM {
            let at = self.b.ins().iadd_imm_s(regs, dst as i64 * 8);
            let unbound = self.b.ins().iconst(types::I64, V_UNBOUND as i64);
            self.store_counted_at(at, unbound, slow);
        }
        let slot = match self.callee_slot {
            Some(s) => s,
            None => {
                let s = self.b.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    CTX_SIZE,
                    4,
                ));
                self.callee_slot = Some(s);
                s
            }
        };
        // The callee: a function (its record), or for a plain call a class whose
        // `__init__` is one (the runtime checks the class, makes the instance into
        // the destination and answers the record).
        let go = self.b.create_block();
        self.b.append_block_param(go, types::I64);
        self.b.append_block_param(go, types::I64);
        let fv = self.load_at(regs, func as u32 * 8);
        let (p, tag) = self.obj_of(fv, slow);
        let is_func = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, tag, l.func_tag as i64);
        let fblk = self.b.create_block();
        let cblk = self.b.create_block();
        self.b.ins().brif(is_func, fblk, &[], cblk, &[]);
        self.b.switch_to_block(cblk);
        if construct {
            let table = self.load_at_ctx(CTX_HELPERS);
            let f = self.load_at(table, 8 * Helper::Construct as u32);
            let args = [pc as i64, func as i64, argc as i64, dst as i64]
                .map(|a| self.b.ins().iconst(types::I32, a));
            let call = self.b.ins().call_indirect(
                self.exec_sig,
                f,
                &[self.ctx, args[0], args[1], args[2], args[3]],
            );
            let r = self.b.inst_results(call)[0];
            let is_exc = self.b.ins().icmp_imm_s(IntCC::Equal, r, EXEC_EXC as i64);
            let exc = self.b.create_block();
            let c1 = self.b.create_block();
            self.b.ins().brif(is_exc, exc, &[], c1, &[]);
            self.b.switch_to_block(exc);
            self.ret(pack(ST_EXC, 0, pc as u64));
            self.b.switch_to_block(c1);
            let none = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
            let c2 = self.b.create_block();
            self.b.ins().brif(none, slow, &[], c2, &[]);
            self.b.switch_to_block(c2);
            let regs = self.regs_ptr();
            let inst = self.load_at(regs, dst as u32 * 8);
            self.b.ins().jump(
                go,
                &[
                    cranelift_codegen::ir::BlockArg::Value(r),
                    cranelift_codegen::ir::BlockArg::Value(inst),
                ],
            );
        } else {
            self.b.ins().jump(slow, &[]);
        }
        self.b.switch_to_block(fblk);
        let fobj = self.load_at(p, l.data + l.boxed);
        let rec = self.load_at(fobj, l.func_direct);
        let has = self.b.ins().icmp_imm_s(IntCC::NotEqual, rec, 0);
        self.guard(has, slow);
        let alive_p = self.load_at(rec, REC_ALIVE as u32);
        let alive = self.b.ins().uload8(types::I64, Self::flags(), alive_p, 0);
        let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, alive, 0);
        self.guard(ok, slow);
        let n = self.load_at(rec, REC_ARGC as u32);
        let ok = self.b.ins().icmp_imm_s(IntCC::Equal, n, argc as i64);
        self.guard(ok, slow);
        // The recursion limit, the machine stack, the register stack's capacity (the
        // runtime checks these for a constructor).
        let depth = self.load_at_ctx(CTX_DEPTH);
        let limit = self.load_at_ctx(CTX_LIMIT);
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThan, depth, limit);
        self.guard(ok, slow);
        let c = self.b.ins().stack_addr(types::I64, slot, 0);
        let floor = self.load_at_ctx(CTX_STACK_FLOOR);
        let ok = self.b.ins().icmp(IntCC::UnsignedGreaterThan, c, floor);
        self.guard(ok, slow);
        let top = self.load_at_ctx(CTX_TOP);
        let base = self.load_at_ctx(CTX_BASE);
        let regs = self.regs_ptr();
        let up = self.b.ins().isub(top, base);
        let up = self.b.ins().ishl_imm_s(up, 3);
        let cregs = self.b.ins().iadd(regs, up);
        let nregs = self.load_at(rec, REC_NREGS as u32);
        let size = self.b.ins().ishl_imm_s(nregs, 3);
        let end = self.b.ins().iadd(cregs, size);
        let rend = self.load_at_ctx(CTX_REGS_END);
        let ok = self.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, end, rend);
        self.guard(ok, slow);
        let zero = self.b.ins().iconst(types::I64, 0);
        self.b.ins().jump(
            go,
            &[
                cranelift_codegen::ir::BlockArg::Value(rec),
                cranelift_codegen::ir::BlockArg::Value(zero),
            ],
        );
        self.b.switch_to_block(go);
        let rec = self.b.block_params(go)[0];
        let inst = self.b.block_params(go)[1];
        let c = self.b.ins().stack_addr(types::I64, slot, 0);
        let depth = self.load_at_ctx(CTX_DEPTH);
        let top = self.load_at_ctx(CTX_TOP);
        let base = self.load_at_ctx(CTX_BASE);
        let regs = self.regs_ptr();
        let up = self.b.ins().isub(top, base);
        let up = self.b.ins().ishl_imm_s(up, 3);
        let cregs = self.b.ins().iadd(regs, up);
        let nregs = self.load_at(rec, REC_NREGS as u32);
        // The callee's context.
        let put = |g: &mut Gen, off: i32, v: CVal| {
            g.b.ins().store(Self::flags(), v, c, off);
        };
        let copy_ctx = |g: &mut Gen, off: i32| {
            let v = g.load_at_ctx(off);
            g.b.ins().store(Self::flags(), v, c, off);
        };
        let copy_rec = |g: &mut Gen, from: usize, to: i32| {
            let v = g.load_at(rec, from as u32);
            g.b.ins().store(Self::flags(), v, c, to);
        };
        put(self, CTX_REGS, cregs);
        for off in [
            CTX_HELPERS,
            CTX_VM,
            CTX_EPOCH,
            CTX_RANGE,
            CTX_REGS_END,
            CTX_LIMIT,
            CTX_EPOCH_PTR,
            CTX_STACK_FLOOR,
            CTX_ASCII,
        ] {
            copy_ctx(self, off);
        }
        use std::mem::offset_of;
        for (from, to) in [
            (offset_of!(DirectRec, code), CTX_CODE),
            (offset_of!(DirectRec, ic), CTX_IC),
            (offset_of!(DirectRec, gcache), CTX_GCACHE),
            (offset_of!(DirectRec, globals), CTX_GLOBALS),
            (offset_of!(DirectRec, gver), CTX_GVER),
            (offset_of!(DirectRec, bver), CTX_BVER),
            (offset_of!(DirectRec, ic_table), CTX_IC_TABLE),
            (offset_of!(DirectRec, native), CTX_NATIVE),
            (offset_of!(DirectRec, consts), CTX_CONSTS),
        ] {
            copy_rec(self, from, to);
        }
        put(self, CTX_BASE, top);
        let nf = self.b.ins().iconst(types::I64, NO_FRAME as i64);
        put(self, CTX_FRAME, nf);
        put(self, CTX_PARENT, self.ctx);
        // The running function: the one called, or the class's `__init__`.
        let init = self.load_at(rec, offset_of!(DirectRec, func) as u32);
        let has_inst = self.b.ins().icmp_imm_s(IntCC::NotEqual, inst, 0);
        let fbits = self.b.ins().select(has_inst, init, fv);
        put(self, CTX_FUNC, fbits);
        put(self, CTX_CONSTRUCT, inst);
        let ctop = self.b.ins().iadd(top, nregs);
        put(self, CTX_TOP, ctop);
        let d1 = self.b.ins().iadd_imm_s(depth, 1);
        put(self, CTX_DEPTH, d1);
        let ret = self.b.ins().iadd_imm_s(base, dst as i64);
        put(self, CTX_RET, ret);
        let pcv = self.b.ins().iconst(types::I64, pc as i64);
        self.b
            .ins()
            .store(Self::flags(), pcv, self.ctx, CTX_CALL_PC);
        let z = self.b.ins().iconst(types::I64, 0);
        put(self, CTX_CALL_PC, z);
        let calls = self.load_at(rec, REC_CALLS as u32);
        let calls = self.b.ins().iadd_imm_s(calls, 1);
        self.b.ins().store(Self::flags(), calls, rec, REC_CALLS);
        // The code is in use in this collection epoch.
        let ep = self.load_at_ctx(CTX_EPOCH_PTR);
        let e = self.load_at(ep, 0);
        let lu = self.load_at(rec, REC_LAST_USED as u32);
        self.b.ins().store(Self::flags(), e, lu, 0);
        // The arguments move to the callee's window (after the new instance, which
        // the window takes a reference to).
        let mut dest = cregs;
        if construct {
            let args_blk = self.b.create_block();
            self.b.append_block_param(args_blk, types::I64);
            let sblk = self.b.create_block();
            let nblk = self.b.create_block();
            self.b.ins().brif(has_inst, sblk, &[], nblk, &[]);
            self.b.switch_to_block(sblk);
            let ip = self.b.ins().band_imm_s(inst, PAYLOAD as i64);
            self.add_to_count_known(ip, 1);
            self.b.ins().store(Self::flags(), inst, cregs, 0);
            let shifted = self.b.ins().iadd_imm_s(cregs, 8);
            self.b
                .ins()
                .jump(args_blk, &[cranelift_codegen::ir::BlockArg::Value(shifted)]);
            self.b.switch_to_block(nblk);
            self.b
                .ins()
                .jump(args_blk, &[cranelift_codegen::ir::BlockArg::Value(cregs)]);
            self.b.switch_to_block(args_blk);
            dest = self.b.block_params(args_blk)[0];
        }
        let unb = self.b.ins().iconst(types::I64, V_UNBOUND as i64);
        for i in 0..argc as u32 {
            let v = self.load_at(regs, (first as u32 + i) * 8);
            self.b.ins().store(Self::flags(), v, dest, (i * 8) as i32);
            self.b
                .ins()
                .store(Self::flags(), unb, regs, ((first as u32 + i) * 8) as i32);
        }
        let entry = self.load_at(rec, REC_ENTRY as u32);
        let epc = self.b.ins().iconst(types::I32, FRAMELESS_ENTRY as i64);
        let call = self.b.ins().call_indirect(self.entry_sig, entry, &[c, epc]);
        let r = self.b.inst_results(call)[0];
        // The register stack may have moved (a runtime call in the callee).
        let cr = self.load_at(c, CTX_REGS as u32);
        let regs = self.b.ins().isub(cr, up);
        self.b.ins().store(Self::flags(), regs, self.ctx, CTX_REGS);
        let re = self.load_at(c, CTX_REGS_END as u32);
        self.b
            .ins()
            .store(Self::flags(), re, self.ctx, CTX_REGS_END);
        let kind = self.b.ins().ushr_imm_s(r, 56);
        let fast = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, kind, ST_FAST_RETURN as i64);
        let fast_blk = self.b.create_block();
        let other = self.b.create_block();
        self.b.ins().brif(fast, fast_blk, &[], other, &[]);
        self.b.switch_to_block(fast_blk);
        let mut v = self.load_at(c, CTX_RESULT as u32);
        if construct {
            // `__init__` must return None; the call's value is the instance (which
            // the destination holds already).
            let none = self.b.ins().icmp_imm_s(IntCC::Equal, v, V_NONE as i64);
            let no_inst = self.b.ins().icmp_imm_s(IntCC::Equal, inst, 0);
            let ok = self.b.ins().bor(none, no_inst);
            let bad = self.b.create_block();
            let good = self.b.create_block();
            self.b.ins().brif(ok, good, &[], bad, &[]);
            self.b.switch_to_block(bad);
            self.b.ins().store(Self::flags(), v, self.ctx, CTX_RESULT);
            let table = self.load_at_ctx(CTX_HELPERS);
            let f = self.load_at(table, 8 * Helper::InitResult as u32);
            let args = [pc as i64, 0, 0, dst as i64].map(|a| self.b.ins().iconst(types::I32, a));
            self.b.ins().call_indirect(
                self.exec_sig,
                f,
                &[self.ctx, args[0], args[1], args[2], args[3]],
            );
            self.ret(pack(ST_EXC, 0, pc as u64));
            self.b.switch_to_block(good);
            v = self.b.ins().select(has_inst, inst, v);
        }
        let regs = self.regs_ptr();
        let at = (dst as u32 * 8) as i32;
        if out[dst as usize] == MEM {
            self.b.ins().store(Self::flags(), v, regs, at);
            self.b.def_var(self.vars[dst as usize], v);
            self.goto(out, pc + 1);
        } else {
            // A scalar was expected: an object goes to the window and the
            // interpreter continues after the call.
            self.b.ins().store(Self::flags(), v, regs, at);
            self.b.def_var(self.vars[dst as usize], v);
            let p = self.is_ptr(v);
            let deopt = self.b.create_block();
            let ok = self.b.create_block();
            self.b.ins().brif(p, deopt, &[], ok, &[]);
            self.b.switch_to_block(deopt);
            self.ret(pack(ST_DEOPT, pc as u64, pc as u64 + 1));
            self.b.switch_to_block(ok);
            self.goto(out, pc + 1);
        }
        self.b.switch_to_block(other);
        self.b.ins().store(Self::flags(), c, self.ctx, CTX_CALLEE);
        self.b
            .ins()
            .store(Self::flags(), r, self.ctx, CTX_CALLEE_EXIT);
        self.runtime_path(pc, st, out, Some(Helper::CallDone));
    }

    fn slow_path(&mut self, pc: usize, st: &State, out: &State) {
        self.runtime_path(pc, st, out, None)
    }
    /// The generic path of the instruction at `pc` through the runtime entry point
    /// `helper` (None: the instruction's own).
    fn runtime_path(&mut self, pc: usize, st: &State, out: &State, helper: Option<Helper>) {
        let ins = self.code.instrs[pc];
        let pre = spill_set(&ins, self.code, st);
        self.spill_regs(&pre);
        // Dirty scalars still only in machine registers: written out on every exit.
        let written: Vec<usize> = writes(&ins)
            .map(|w| w.into_iter().map(|r| r as usize).collect())
            .unwrap_or_else(|| (0..st.len()).collect());
        let rest: Vec<usize> = (0..st.len())
            .filter(|&r| st[r] == DIRTY && !pre.contains(&r))
            .collect();
        let rest_unwritten: Vec<usize> = rest
            .iter()
            .copied()
            .filter(|r| !written.contains(r))
            .collect();
        let (mut h, mut a, b, c) = helper_for(&ins);
        if let Some(o) = helper {
            h = o;
        }
        if h == Helper::Exec {
            // Where the runtime's copy of this instruction is (see `may_exec`).
            a = self.exec_index[pc] as u32;
        }
        let table = self.load_at_ctx(CTX_HELPERS);
        let f = self.load_at(table, 8 * h as u32);
        let pcv = self.b.ins().iconst(types::I32, pc as i64);
        let av = self.b.ins().iconst(types::I32, a as i64);
        let bv = self.b.ins().iconst(types::I32, b as i64);
        let cv = self.b.ins().iconst(types::I32, c as i64);
        let call = self
            .b
            .ins()
            .call_indirect(self.exec_sig, f, &[self.ctx, pcv, av, bv, cv]);
        let res = self.b.inst_results(call)[0];
        // Exception: the window is authoritative (everything was spilled).
        let is_exc = self.b.ins().icmp_imm_s(IntCC::Equal, res, EXEC_EXC as i64);
        let exc_blk = self.b.create_block();
        let c1 = self.b.create_block();
        self.b.ins().brif(is_exc, exc_blk, &[], c1, &[]);
        self.b.switch_to_block(exc_blk);
        self.spill_regs(&rest_unwritten);
        self.ret(pack(ST_EXC, 0, pc as u64));
        self.b.switch_to_block(c1);
        let is_depth = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, res, EXEC_DEPTH as i64);
        let depth_blk = self.b.create_block();
        let c2 = self.b.create_block();
        self.b.ins().brif(is_depth, depth_blk, &[], c2, &[]);
        self.b.switch_to_block(depth_blk);
        self.spill_regs(&rest);
        self.ret(pack(ST_DEPTH, 0, pc as u64));
        self.b.switch_to_block(c2);
        let which: Vec<usize> = written
            .iter()
            .copied()
            .filter(|&r| r < out.len() && out[r] != MEM)
            .collect();
        let bad = self.reload(&which);
        if let Some(bad) = bad {
            let deopt = self.b.create_block();
            let c3 = self.b.create_block();
            self.b.ins().brif(bad, deopt, &[], c3, &[]);
            self.b.switch_to_block(deopt);
            self.spill_regs(&rest_unwritten);
            let tag = self
                .b
                .ins()
                .iconst(types::I64, pack(ST_DEOPT, pc as u64, 0) as i64);
            let r = self.b.ins().bor(tag, res);
            self.ret_val(r);
            self.b.switch_to_block(c3);
        }
        // Dispatch on the next offset.
        let n = self.code.instrs.len();
        for s in succs(&ins, pc) {
            if s >= n {
                continue;
            }
            let hit = self.b.ins().icmp_imm_s(IntCC::Equal, res, s as i64);
            let yes = self.b.create_block();
            let no = self.b.create_block();
            self.b.ins().brif(hit, yes, &[], no, &[]);
            self.b.switch_to_block(yes);
            self.goto(out, s);
            self.b.switch_to_block(no);
        }
        // Anywhere else (an exception handler, a path not modelled): interpret.
        self.spill_regs(&rest_unwritten);
        let tag = self
            .b
            .ins()
            .iconst(types::I64, pack(ST_RESUME, 0, 0) as i64);
        let r = self.b.ins().bor(tag, res);
        self.ret_val(r);
    }
}

/// The runtime entry point the generic path of `ins` calls, with its pre-decoded
/// operands. Instructions that get [`Helper::Exec`] are run by the runtime from the
/// instruction itself (the runtime keeps a copy of those with the native code).
pub fn helper_for(ins: &Instr) -> (Helper, u32, u32, u32) {
    let (h, a, b, c) = match *ins {
        Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
            let inplace = matches!(ins, Instr::InplaceBinary { .. }) as u32;
            return (
                Helper::Binary,
                a as u32,
                b as u32,
                dst as u32 | (op as u32) << 16 | inplace << 24,
            );
        }
        Instr::GetAttr { dst, obj, name } => (Helper::GetAttr, obj, name, dst),
        Instr::SetAttr { obj, name, src } => (Helper::SetAttr, obj, name, src),
        Instr::GetItem { dst, obj, key } => (Helper::GetItem, obj, key, dst),
        Instr::SetItem { obj, key, src } => (Helper::SetItem, obj, key, src),
        Instr::LoadGlobal { dst, name } if name <= u16::MAX as u32 => {
            (Helper::LoadGlobal, dst, name as u16, 0)
        }
        Instr::ForIter { iter, target } if target <= u16::MAX as u32 => {
            (Helper::ForIter, iter, target as u16, 0)
        }
        Instr::Move { dst, src } => (Helper::Move, dst, src, 0),
        Instr::LoadConst { dst, k } if k <= u16::MAX as u32 => {
            (Helper::LoadConst, dst, k as u16, 0)
        }
        Instr::Call { dst, func, argc } => (Helper::Call, func, argc, dst),
        Instr::LoadMethod { dst, obj, name } => (Helper::LoadMethod, obj, name, dst),
        Instr::CallMethod { dst, base, argc } => (Helper::CallMethod, base, argc, dst),
        Instr::Clear { reg } => (Helper::Clear, reg, 0, 0),
        _ => (Helper::Exec, 0, 0, 0),
    };
    (h, a as u32, b as u32, c as u32)
}

/// Whether native code compiled from `ins` may hand the instruction itself to the
/// runtime (its generic path is [`Helper::Exec`]).
pub fn may_exec(ins: &Instr) -> bool {
    !matches!(ins, Instr::Nop | Instr::Jump { .. } | Instr::Return { .. })
        && helper_for(ins).0 == Helper::Exec
}

/// Compile `code` given what the runtime observed. The compiler's memory is freed
/// when this returns.
pub fn compile(code: &JitInput) -> Result<Compiled, Reject> {
    let fb = &code.feedback;
    if code.class_body {
        return Err(Reject("class body".into()));
    }
    if code.instrs.len() >= 0xFF_FFFF {
        return Err(Reject("function too large".into()));
    }
    if code
        .instrs
        .iter()
        .any(|i| matches!(i, Instr::YieldFrom { .. }))
    {
        return Err(Reject("yield from".into()));
    }
    let an = analyse(code, fb);
    // Native code pays for itself through the arithmetic, comparisons and branches it
    // runs inline; code that would only call the runtime stays interpreted.
    let useful = code
        .instrs
        .iter()
        .zip(&an.inline)
        .zip(&an.inp)
        .filter(|((i, &inl), st)| {
            // (An operation on a value in memory, which may be an object, does not
            // count.)
            let scalar = |r: Reg| st.as_ref().is_some_and(|st| st[r as usize] != MEM);
            inl && match **i {
                Instr::Binary { a, b, .. } | Instr::InplaceBinary { a, b, .. } => {
                    scalar(a) && scalar(b)
                }
                _ => true,
            } && matches!(
                i,
                Instr::Binary { .. }
                    | Instr::InplaceBinary { .. }
                    | Instr::Compare { .. }
                    | Instr::JumpIfNotCompare { .. }
                    | Instr::Unary { .. }
                    | Instr::ToBool { .. }
                    | Instr::JumpIfFalse { .. }
                    | Instr::JumpIfTrue { .. }
                    | Instr::GetAttr { .. }
                    | Instr::SetAttr { .. }
                    | Instr::ForIter { .. }
                    | Instr::ForRange { .. }
                    | Instr::GetItem { .. }
                    | Instr::SetItem { .. }
            )
        })
        .count();
    if useful == 0 {
        return Err(Reject("nothing to run inline".into()));
    }

    let mut flag_builder = settings::builder();
    let set = |fb: &mut settings::Builder, k: &str, v: &str| {
        fb.set(k, v)
            .map_err(|e| Reject(format!("cranelift setting {k}: {e}")))
    };
    set(&mut flag_builder, "opt_level", "speed")?;
    set(&mut flag_builder, "is_pic", "true")?;
    set(&mut flag_builder, "enable_verifier", "false")?;
    let isa = cranelift_native::builder()
        .map_err(|e| Reject(format!("host: {e}")))?
        .finish(settings::Flags::new(flag_builder))
        .map_err(|e| Reject(format!("isa: {e}")))?;

    let ptr = types::I64;
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params.push(AbiParam::new(ptr));
    sig.params.push(AbiParam::new(types::I32));
    sig.returns.push(AbiParam::new(types::I64));
    let mut func = Function::with_name_signature(UserFuncName::default(), sig.clone());
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut func, &mut fctx);
    let mut hsig = Signature::new(isa.default_call_conv());
    hsig.params.push(AbiParam::new(ptr));
    for _ in 0..4 {
        hsig.params.push(AbiParam::new(types::I32));
    }
    hsig.returns.push(AbiParam::new(types::I64));
    let exec_sig = b.import_signature(hsig);
    let mut lsig = Signature::new(isa.default_call_conv());
    lsig.params.push(AbiParam::new(types::I64));
    lsig.returns.push(AbiParam::new(types::I64));
    let leaf_sig = b.import_signature(lsig);
    let entry_sig = b.import_signature(sig.clone());
    let nregs = code.nregs as usize;
    let vars: Vec<Variable> = (0..nregs).map(|_| b.declare_var(types::I64)).collect();
    let n = code.instrs.len();
    let blocks: Vec<Option<Block>> = (0..n)
        .map(|pc| an.inp[pc].as_ref().map(|_| b.create_block()))
        .collect();

    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let ctx = b.block_params(entry)[0];
    let entry_pc = b.block_params(entry)[1];
    let mut g = Gen {
        b,
        groups: ic_groups(&code.instrs).0,
        exec_index: {
            let mut n = 0u16;
            code.instrs
                .iter()
                .map(|i| {
                    let k = n;
                    if may_exec(i) {
                        n = n.saturating_add(1);
                    }
                    k
                })
                .collect()
        },
        code,
        ctx,
        vars,
        blocks,
        exec_sig,
        leaf_sig,
        entry_sig,
        callee_slot: None,
        an: &an,
    };
    // Every variable starts defined (unbound) so no path reads an undefined one.
    let unb = g.b.ins().iconst(types::I64, V_UNBOUND as i64);
    for r in 0..nregs {
        g.b.def_var(g.vars[r], unb);
    }
    let mut switch = Switch::new();
    let mut entry_blocks = Vec::new();
    for &e in &an.entries {
        let blk = g.b.create_block();
        switch.set_entry(e as u128, blk);
        entry_blocks.push((e, blk));
    }
    // A frameless call's entry: the registers past the parameters are made unbound
    // (the window is fresh memory), then as a call's entry at offset 0.
    let frameless = g.b.create_block();
    switch.set_entry(FRAMELESS_ENTRY as u128, frameless);
    let unknown = g.b.create_block();
    switch.emit(&mut g.b, entry_pc, unknown);
    g.b.switch_to_block(frameless);
    {
        let regs = g.regs_ptr();
        let unb = g.b.ins().iconst(types::I64, V_UNBOUND as i64);
        for r in code.nparams as usize..nregs {
            g.b.ins().store(Gen::flags(), unb, regs, (r * 8) as i32);
        }
        let zero = entry_blocks
            .iter()
            .find(|e| e.0 == 0)
            .map(|e| e.1)
            .expect("offset 0 is an entry");
        g.b.ins().jump(zero, &[]);
    }
    g.b.switch_to_block(unknown);
    let pc64 = g.b.ins().uextend(types::I64, entry_pc);
    let tag = g.b.ins().iconst(types::I64, pack(ST_RESUME, 0, 0) as i64);
    let r = g.b.ins().bor(tag, pc64);
    g.ret_val(r);
    // Offset 0 is entered only by a call (unless a loop jumps back to it): then every
    // register but the parameters is unbound, and only those are loaded.
    let zero_is_loop = code
        .instrs
        .iter()
        .enumerate()
        .any(|(pc, i)| succs(i, pc).contains(&0));
    for (e, blk) in entry_blocks {
        g.b.switch_to_block(blk);
        let st = an.inp[e as usize].clone().expect("entry reachable");
        let fresh = e == 0 && !zero_is_loop;
        let which: Vec<usize> = (0..st.len())
            .filter(|&r| st[r] != MEM && (!fresh || r < code.nparams as usize))
            .collect();
        if let Some(bad) = g.reload(&which) {
            let fail = g.b.create_block();
            let ok = g.b.create_block();
            g.b.ins().brif(bad, fail, &[], ok, &[]);
            g.b.switch_to_block(fail);
            g.ret(pack(ST_ENTRY_DEOPT, 0, e as u64));
            g.b.switch_to_block(ok);
        }
        let target = g.blocks[e as usize].expect("entry block");
        g.b.ins().jump(target, &[]);
    }

    let (mut inline_ops, mut exec_ops) = (0u32, 0u32);
    for pc in 0..n {
        let Some(blk) = g.blocks[pc] else { continue };
        let st = an.inp[pc].clone().expect("reachable");
        g.b.switch_to_block(blk);
        let ins = code.instrs[pc];
        // The state after the generic path.
        let out = out_state(&ins, pc, code, &st, an.inline[pc], fb);
        if let Instr::Yield { .. } = ins {
            // The runtime runs the `yield` (it suspends the generator's frame, whose
            // registers the window is): everything is written back first.
            exec_ops += 1;
            g.spill(&st);
            g.ret(pack(ST_RESUME, 0, pc as u64));
            continue;
        }
        if !an.inline[pc] {
            exec_ops += 1;
            g.slow_path(pc, &st, &out);
            continue;
        }
        inline_ops += 1;
        let slow = g.b.create_block();
        let counted_move = matches!(ins, Instr::Move { src, .. } if st[src as usize] == MEM)
            || matches!(ins, Instr::LoadGlobal { .. } | Instr::LoadMethod { .. })
            || matches!(ins, Instr::LoadDeref { dst, .. } if fb.after.contains(&(pc as u32, dst)))
            || matches!(ins, Instr::LoadConst { k, .. } if code.consts[k as usize].is_none())
            || matches!(
                ins,
                Instr::Call { .. } | Instr::CallMethod { .. } | Instr::RangeIter { .. }
            )
            || matches!(ins, Instr::GetAttr { .. } if fb.module_attr.contains(&(pc as u32)))
            || matches!(ins, Instr::ForIter { iter, .. } if fb.after.contains(&(pc as u32, iter + 1)))
            || matches!(ins, Instr::GetAttr { dst, .. } | Instr::GetItem { dst, .. }
                if fb.after.contains(&(pc as u32, dst)))
            // (A result that may be a medium int releases the old value itself.)
            || matches!(ins, Instr::Binary { dst, .. } | Instr::InplaceBinary { dst, .. }
                if out[dst as usize] == MEM && code.layout.int64_val != 0);
        if let Some(d) = dst_of(&ins).filter(|_| !counted_move) {
            if st[d as usize] == MEM {
                // Overwriting a register kept in memory: an object it holds is
                // released here unless this is its last reference (then the runtime
                // frees it). Instructions that may still read the register leave
                // it to the runtime.
                let regs = g.regs_ptr();
                let old =
                    g.b.ins()
                        .load(types::I64, Gen::flags(), regs, (d as usize * 8) as i32);
                let p = g.is_ptr(old);
                if reads_reg(&ins, d) {
                    let ok = g.b.create_block();
                    g.b.ins().brif(p, slow, &[], ok, &[]);
                    g.b.switch_to_block(ok);
                } else {
                    // Released and unbound (a later slow path of this instruction
                    // must not release it again).
                    let at = g.b.ins().iadd_imm_s(regs, d as i64 * 8);
                    let unbound = g.b.ins().iconst(types::I64, V_UNBOUND as i64);
                    g.store_counted_at(at, unbound, slow);
                }
            }
        }
        let var = |g: &mut Gen, r: Reg| g.b.use_var(g.vars[r as usize]);
        match ins {
            Instr::Nop => g.goto(&out, pc + 1),
            Instr::Jump { target } => g.goto(&out, target as usize),
            Instr::Return { src } => g.emit_return(pc, &st, src),
            Instr::LoadConst { dst, k } if counted_move => {
                let ctx = g.ctx;
                let table = g.b.ins().load(types::I64, Gen::flags(), ctx, CTX_CONSTS);
                let v = g.load_at(table, k * 8);
                g.store_counted(dst, v, slow);
                g.goto(&out, pc + 1);
            }
            Instr::LoadConst { dst, k } => {
                let bits = code.consts[k as usize].expect("scalar");
                let v = g.b.ins().iconst(types::I64, bits as i64);
                g.def(dst as usize, v);
                g.goto(&out, pc + 1);
            }
            Instr::Move { dst, src } if counted_move => {
                let regs = g.regs_ptr();
                let new = g.load_at(regs, src as u32 * 8);
                g.store_counted(dst, new, slow);
                g.goto(&out, pc + 1);
            }
            Instr::LoadGlobal { dst, name } => {
                let e = g.load_at_ctx(CTX_GCACHE);
                let e = g.b.ins().iadd_imm_s(e, name as i64 * 32);
                let have = g.load_at(e, 0);
                let want = g.load_at_ctx(CTX_GLOBALS);
                let ok = g.b.ins().icmp(IntCC::Equal, have, want);
                g.guard(ok, slow);
                for (field, at) in [(8u32, CTX_GVER), (16, CTX_BVER)] {
                    let have = g.load_at(e, field);
                    let p = g.load_at_ctx(at);
                    let want = g.load_at(p, 0);
                    let ok = g.b.ins().icmp(IntCC::Equal, have, want);
                    g.guard(ok, slow);
                }
                // (The entry records where the value is: assignments to the global
                // are read here.)
                let at = g.load_at(e, 24);
                let new = g.load_at(at, 0);
                g.store_counted(dst, new, slow);
                g.goto(&out, pc + 1);
            }
            Instr::Move { dst, src } => {
                let v = var(&mut g, src);
                g.def(dst as usize, v);
                g.goto(&out, pc + 1);
            }
            Instr::LoadDeref { dst, cell } => {
                let at = g.cell_value_at(cell, slow);
                let v = g.load_at(at, 0);
                // Unbound: the runtime raises the NameError / UnboundLocalError.
                let ok = g.b.ins().icmp_imm_s(IntCC::NotEqual, v, V_UNBOUND as i64);
                g.guard(ok, slow);
                // (A speculated scalar that is an object goes the generic way and
                // deopts.)
                g.put_loaded(dst, v, out[dst as usize] == MEM, slow);
                g.goto(&out, pc + 1);
            }
            Instr::StoreDeref { cell, src } => {
                let at = g.cell_value_at(cell, slow);
                let v = g.reg_value(&st, src);
                g.store_counted_at(at, v, slow);
                g.goto(&out, pc + 1);
            }
            Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
                let (x, y) = (g.reg_value(&st, a), g.reg_value(&st, b));
                // (Medium-int operands are looked for only in registers kept in
                // memory: a scalar is never one.)
                let heap = st[a as usize] == MEM || st[b as usize] == MEM;
                if out[dst as usize] == MEM && code.layout.int64_val != 0 {
                    // The result may be a medium int: the old value is released
                    // after the new one is in (the operation may read it).
                    let regs = g.regs_ptr();
                    let old = g.load_at(regs, dst as u32 * 8);
                    g.check_releasable(old, slow);
                    let r = g.binary(op, x, y, true, heap, slow);
                    g.def(dst as usize, r);
                    g.release(old);
                } else {
                    let r = g.binary(op, x, y, false, heap, slow);
                    g.def(dst as usize, r);
                }
                g.goto(&out, pc + 1);
            }
            Instr::Compare { op, dst, a, b } => {
                let c = g.compare_regs(op, &st, a, b, slow);
                let v = g.bool_val(c);
                g.def(dst as usize, v);
                g.goto(&out, pc + 1);
            }
            Instr::JumpIfNotCompare {
                op,
                a,
                b,
                target_rel,
                ..
            } => {
                let c = g.compare_regs(op, &st, a, b, slow);
                let target = (pc as i64 + target_rel as i64) as usize;
                g.branch(c, &out, pc + 1, target);
            }
            Instr::Unary { op, dst, src } => {
                let x = var(&mut g, src);
                let v = match op {
                    UnOp::Not => {
                        let t = g.truthy(x, slow);
                        let nt = g.b.ins().bxor_imm_s(t, 1);
                        g.bool_val(nt)
                    }
                    UnOp::Neg | UnOp::Invert => {
                        let done = g.b.create_block();
                        g.b.append_block_param(done, types::I64);
                        let ii = g.is_int(x);
                        let iblk = g.b.create_block();
                        let nblk = g.b.create_block();
                        g.b.ins().brif(ii, iblk, &[], nblk, &[]);
                        g.b.switch_to_block(iblk);
                        let i = g.unbox_int(x);
                        let r = if op == UnOp::Neg {
                            g.b.ins().ineg(i)
                        } else {
                            g.b.ins().bnot(i)
                        };
                        let ok = g.fits(r);
                        let boxed = g.box_int(r);
                        g.b.ins().brif(
                            ok,
                            done,
                            &[cranelift_codegen::ir::BlockArg::Value(boxed)],
                            slow,
                            &[],
                        );
                        g.b.switch_to_block(nblk);
                        if op == UnOp::Neg {
                            let fl = g.is_float(x);
                            let fblk = g.b.create_block();
                            g.b.ins().brif(fl, fblk, &[], slow, &[]);
                            g.b.switch_to_block(fblk);
                            let f = g.b.ins().bitcast(types::F64, MemFlagsData::new(), x);
                            let nf = g.b.ins().fneg(f);
                            let boxed = g.box_f64(nf);
                            g.b.ins()
                                .jump(done, &[cranelift_codegen::ir::BlockArg::Value(boxed)]);
                        } else {
                            g.b.ins().jump(slow, &[]);
                        }
                        g.b.switch_to_block(done);
                        g.b.block_params(done)[0]
                    }
                    UnOp::Pos => unreachable!("not inlined"),
                };
                g.def(dst as usize, v);
                g.goto(&out, pc + 1);
            }
            Instr::ToBool { dst, src } => {
                let x = var(&mut g, src);
                let t = g.truthy(x, slow);
                let v = g.bool_val(t);
                g.def(dst as usize, v);
                g.goto(&out, pc + 1);
            }
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfTrue { cond, target } => {
                let x = var(&mut g, cond);
                let t = g.truthy(x, slow);
                if matches!(ins, Instr::JumpIfTrue { .. }) {
                    g.branch(t, &out, target as usize, pc + 1);
                } else {
                    g.branch(t, &out, pc + 1, target as usize);
                }
            }
            Instr::CheckBound { reg } => {
                let x = if st[reg as usize] == MEM {
                    let regs = g.regs_ptr();
                    g.b.ins()
                        .load(types::I64, Gen::flags(), regs, (reg as usize * 8) as i32)
                } else {
                    var(&mut g, reg)
                };
                let unbound = g.b.ins().icmp_imm_s(IntCC::Equal, x, V_UNBOUND as i64);
                let ok = g.b.create_block();
                g.b.ins().brif(unbound, slow, &[], ok, &[]);
                g.b.switch_to_block(ok);
                g.goto(&out, pc + 1);
            }
            Instr::Clear { reg } => {
                let u = g.b.ins().iconst(types::I64, V_UNBOUND as i64);
                g.def(reg as usize, u);
                g.goto(&out, pc + 1);
            }
            Instr::ClearRange { start, count } => {
                let u = g.b.ins().iconst(types::I64, V_UNBOUND as i64);
                for r in start..start + count {
                    g.def(r as usize, u);
                }
                g.goto(&out, pc + 1);
            }
            Instr::GetAttr { dst, obj, .. } | Instr::LoadMethod { dst, obj, .. }
                if fb.module_attr.contains(&(pc as u32)) && code.layout.dict_version != 0 =>
            {
                let v = g.module_attr(pc, obj, slow);
                if matches!(ins, Instr::LoadMethod { .. }) {
                    // Not a bound method: the call passes no `self`.
                    let unbound = g.b.ins().iconst(types::I64, V_UNBOUND as i64);
                    g.store_counted(dst + 1, unbound, slow);
                }
                g.store_counted(dst, v, slow);
                g.goto(&out, pc + 1);
            }
            Instr::GetAttr { dst, obj, .. } if counted_move => {
                let at = g.attr_slot(pc, obj, slow);
                let v = g.load_at(at, 0);
                let u = g.b.ins().icmp_imm_s(IntCC::NotEqual, v, V_UNBOUND as i64);
                g.guard(u, slow);
                g.store_counted(dst, v, slow);
                g.goto(&out, pc + 1);
            }
            Instr::GetItem { dst, obj, key } => {
                let item = g.list_item(obj, key, slow, true);
                let v = g.load_at(item, 0);
                if counted_move {
                    let u = g.b.ins().icmp_imm_s(IntCC::NotEqual, v, V_UNBOUND as i64);
                    g.guard(u, slow);
                }
                g.put_loaded(dst, v, counted_move, slow);
                g.goto(&out, pc + 1);
            }
            Instr::SetItem { obj, key, src } => {
                let item = g.list_item(obj, key, slow, false);
                let v = var(&mut g, src);
                g.store_over_scalar(item, v, slow);
                g.goto(&out, pc + 1);
            }
            Instr::LoadMethod { dst, obj, .. } => {
                let regs = g.regs_ptr();
                let this = g.load_at(regs, obj as u32 * 8);
                let e = g.method_entry(pc, this, slow);
                let f = g.load_at(e, 24);
                g.store_counted(dst, f, slow);
                g.store_counted(dst + 1, this, slow);
                g.goto(&out, pc + 1);
            }
            Instr::GetAttr { dst, obj, .. } => {
                let at = g.attr_slot(pc, obj, slow);
                let v = g.load_at(at, 0);
                // Only scalars come out inline (an object would need a reference).
                let p = g.is_ptr(v);
                let u = g.b.ins().icmp_imm_s(IntCC::Equal, v, V_UNBOUND as i64);
                let bad = g.b.ins().bor(p, u);
                let ok = g.b.ins().bxor_imm_s(bad, 1);
                g.guard(ok, slow);
                g.def(dst as usize, v);
                g.goto(&out, pc + 1);
            }
            Instr::SetAttr { obj, src, .. } => {
                let (inst, e) = g.attr_entry(pc, obj, slow);
                let object = st[src as usize] == MEM;
                if code.layout.inst_add != 0 {
                    // A store that adds the attribute (the cached shape transition:
                    // `__init__`'s stores), else one to an attribute it has.
                    let next = g.load_at(e, 32);
                    let add = g.b.create_block();
                    let put = g.b.create_block();
                    g.b.ins().brif(next, add, &[], put, &[]);
                    g.b.switch_to_block(add);
                    let v = g.reg_value(&st, src);
                    g.add_attr(inst, e, next, v, object, slow);
                    g.goto(&out, pc + 1);
                    g.b.switch_to_block(put);
                }
                let at = g.slot_at(inst, e, slow);
                let v = g.reg_value(&st, src);
                if object {
                    g.store_counted_at(at, v, slow);
                } else {
                    g.store_over_scalar(at, v, slow);
                }
                g.goto(&out, pc + 1);
            }
            Instr::RangeIter { base, func, argc } => {
                // The callee must be the built-in range, the arguments inline ints,
                // the step not zero; else the runtime calls whatever it is.
                let regs = g.regs_ptr();
                let f = g.load_at(regs, func as u32 * 8);
                let want = g.load_at_ctx(CTX_RANGE);
                let ok = g.b.ins().icmp(IntCC::Equal, f, want);
                g.guard(ok, slow);
                let args: Vec<CVal> = (0..argc).map(|i| var(&mut g, func + 1 + i)).collect();
                for &a in &args {
                    let ok = g.is_int(a);
                    g.guard(ok, slow);
                }
                let zero = g.box_int_const(0);
                let one = g.box_int_const(1);
                let (start, stop, step) = match argc {
                    1 => (zero, args[0], one),
                    2 => (args[0], args[1], one),
                    _ => (args[0], args[1], args[2]),
                };
                if argc == 3 {
                    let s = g.unbox_int(step);
                    let ok = g.b.ins().icmp_imm_s(IntCC::NotEqual, s, 0);
                    g.guard(ok, slow);
                }
                // The callee's reference goes with its register (never the last).
                g.guard_shared(f, slow);
                g.drop_shared(func);
                g.def(base as usize, start);
                g.def(base as usize + 1, stop);
                g.def(base as usize + 2, step);
                g.goto(&out, pc + 1);
            }
            Instr::ForRange { base, target } => {
                let cur = var(&mut g, base);
                let stop = var(&mut g, base + 1);
                let step = var(&mut g, base + 2);
                let i1 = g.is_int(cur);
                let i2 = g.is_int(stop);
                let i3 = g.is_int(step);
                let ok = g.b.ins().band(i1, i2);
                let ok = g.b.ins().band(ok, i3);
                g.guard(ok, slow);
                let c = g.unbox_int(cur);
                let e = g.unbox_int(stop);
                let s = g.unbox_int(step);
                g.range_more(c, e, s, &out, target as usize);
                // Past an inline stop by less than a step: the stop ends it too.
                let n = g.b.ins().iadd(c, s);
                let fits = g.fits(n);
                let nb = g.box_int(n);
                let next = g.b.ins().select(fits, nb, stop);
                g.def(base as usize, next);
                g.def(base as usize + 3, cur);
                g.goto(&out, pc + 1);
            }
            Instr::ForIter { iter, target } if counted_move => {
                // A list or tuple iterator whose items are objects: the next item with
                // its reference count; the end (or anything else) is the runtime's.
                let l = code.layout;
                let it = g.boxed_of(iter, l.iter_tag, slow);
                let stp = g.b.ins().iadd_imm_s(it, l.iter_state as i64);
                let t = g.b.ins().uload8(types::I64, Gen::flags(), stp, 0);
                if l.stri_tag != 0 && l.str_ptr != l.str_len {
                    // A str iterator over ASCII: the next character's cached str.
                    let is_str = g.b.ins().icmp_imm_s(IntCC::Equal, t, l.stri_tag as i64);
                    let sblk = g.b.create_block();
                    let other = g.b.create_block();
                    g.b.ins().brif(is_str, sblk, &[], other, &[]);
                    g.b.switch_to_block(sblk);
                    let sv = g.load_at(stp, l.stri_s);
                    let (sp, st) = g.obj_of(sv, slow);
                    let ok = g.b.ins().icmp_imm_s(IntCC::Equal, st, l.str_tag as i64);
                    g.guard(ok, slow);
                    let len = g.load_at(sp, l.data + l.str_len);
                    let bytes = g.load_at(sp, l.data + l.str_ptr);
                    let at = g.load_at(stp, l.stri_byte);
                    let more = g.b.ins().icmp(IntCC::UnsignedLessThan, at, len);
                    g.guard(more, slow);
                    let bp = g.b.ins().iadd(bytes, at);
                    let c = g.b.ins().uload8(types::I64, Gen::flags(), bp, 0);
                    let ascii = g.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, c, 128);
                    g.guard(ascii, slow);
                    let table = g.load_at_ctx(CTX_ASCII);
                    let off = g.b.ins().ishl_imm_s(c, 3);
                    let e = g.b.ins().iadd(table, off);
                    let v = g.load_at(e, 0);
                    g.store_counted(iter + 1, v, slow);
                    let at1 = g.b.ins().iadd_imm_s(at, 1);
                    g.b.ins().store(Gen::flags(), at1, stp, l.stri_byte as i32);
                    g.goto(&out, pc + 1);
                    g.b.switch_to_block(other);
                }
                let ok = g.b.ins().icmp_imm_s(IntCC::Equal, t, l.seq_tag as i64);
                g.guard(ok, slow);
                let seq = g.load_at(stp, l.seq_seq);
                let (len, items) = g.seq_words(seq, slow, true);
                let idx = g.load_at(stp, l.seq_idx);
                let more = g.b.ins().icmp(IntCC::UnsignedLessThan, idx, len);
                g.guard(more, slow);
                let off = g.b.ins().ishl_imm_s(idx, 3);
                let at = g.b.ins().iadd(items, off);
                let v = g.load_at(at, 0);
                g.store_counted(iter + 1, v, slow);
                let idx1 = g.b.ins().iadd_imm_s(idx, 1);
                g.b.ins().store(Gen::flags(), idx1, stp, l.seq_idx as i32);
                let _ = target;
                g.goto(&out, pc + 1);
            }
            Instr::ForIter { iter, target } => {
                let l = code.layout;
                let stp = g.iter_state_of(iter, l.range_tag, slow);
                let cur = g.load_at(stp, l.range_cur);
                let stop = g.load_at(stp, l.range_stop);
                let step = g.load_at(stp, l.range_step);
                g.range_more(cur, stop, step, &out, target as usize);
                // The next value and the step must be inline ints (else the runtime
                // makes the big one).
                let f1 = g.fits(cur);
                let f2 = g.fits(step);
                let ok = g.b.ins().band(f1, f2);
                g.guard(ok, slow);
                let next = g.b.ins().iadd(cur, step);
                g.b.ins().store(Gen::flags(), next, stp, l.range_cur as i32);
                let v = g.box_int(cur);
                g.def(iter as usize + 1, v);
                g.goto(&out, pc + 1);
            }
            Instr::Call { dst, func, argc } if intrinsic_at(code, pc) == 0 => {
                g.frameless_call(pc, &st, &out, (dst, func, func + 1, argc), true, slow);
            }
            Instr::CallMethod { dst, base, argc } if intrinsic_at(code, pc) == 0 => {
                // A bound method's function and `self` (LoadMethod found the
                // method on the class); else the general call.
                let regs = g.regs_ptr();
                let slf = g.load_at(regs, (base as u32 + 1) * 8);
                let ok = g.b.ins().icmp_imm_s(IntCC::NotEqual, slf, V_UNBOUND as i64);
                g.guard(ok, slow);
                g.frameless_call(pc, &st, &out, (dst, base, base + 1, argc + 1), false, slow);
            }
            Instr::Call { .. } | Instr::CallMethod { .. } => {
                let l = code.layout;
                let (dst, func, arg, unbound) = intrinsic_regs(&ins);
                if let Some(r) = unbound {
                    let v = g.reg_value(&st, r);
                    let ok = g.b.ins().icmp_imm_s(IntCC::Equal, v, V_UNBOUND as i64);
                    g.guard(ok, slow);
                }
                // The callee: the built-in function the feedback names.
                let id = intrinsic_at(code, pc);
                let b = g.boxed_of(func, l.builtin_tag, slow);
                let n =
                    g.b.ins()
                        .uload8(types::I64, Gen::flags(), b, l.builtin_intrinsic as i32);
                let ok = g.b.ins().icmp_imm_s(IntCC::Equal, n, id as i64);
                g.guard(ok, slow);
                // The callee's reference in its register is released after the call
                // (so the register can take a scalar next): never the last one.
                let regs = g.regs_ptr();
                let fv = g.load_at(regs, func as u32 * 8);
                g.guard_shared(fv, slow);
                let v = match id {
                    intrinsic::LEN | intrinsic::ORD => {
                        let regs = g.regs_ptr();
                        let x = g.load_at(regs, arg as u32 * 8);
                        let isp = g.is_ptr(x);
                        g.guard(isp, slow);
                        // The argument's reference is released below: never the last.
                        let p = g.guard_shared(x, slow);
                        let t = g.b.ins().uload8(types::I64, Gen::flags(), p, l.data as i32);
                        let is_str = g.b.ins().icmp_imm_s(IntCC::Equal, t, l.str_tag as i64);
                        let strs = l.str_ptr != l.str_len && l.str_nchars != 0;
                        let n = if id == intrinsic::ORD {
                            // A one-byte str is one ASCII character: its code.
                            let ok = if strs {
                                is_str
                            } else {
                                g.b.ins().iconst(types::I8, 0)
                            };
                            g.guard(ok, slow);
                            let len = g.load_at(p, l.data + l.str_len);
                            let one = g.b.ins().icmp_imm_s(IntCC::Equal, len, 1);
                            g.guard(one, slow);
                            let bytes = g.load_at(p, l.data + l.str_ptr);
                            g.b.ins().uload8(types::I64, Gen::flags(), bytes, 0)
                        } else {
                            let is_list = g.b.ins().icmp_imm_s(IntCC::Equal, t, l.list_tag as i64);
                            let is_tuple =
                                g.b.ins().icmp_imm_s(IntCC::Equal, t, l.tuple_tag as i64);
                            let tuples = l.tuple_ptr != l.tuple_len;
                            let mut ok = is_list;
                            if tuples {
                                ok = g.b.ins().bor(ok, is_tuple);
                            }
                            if strs {
                                ok = g.b.ins().bor(ok, is_str);
                            }
                            g.guard(ok, slow);
                            let mut n = g.load_at(p, l.data + l.list_len);
                            if tuples {
                                let b = g.load_at(p, l.data + l.tuple_len);
                                n = g.b.ins().select(is_tuple, b, n);
                            }
                            if strs {
                                let c = g.load_at(p, l.data + l.str_nchars);
                                n = g.b.ins().select(is_str, c, n);
                            }
                            n
                        };
                        let v = g.box_int(n);
                        g.store_counted(dst, v, slow);
                        // The call consumed its argument: released, register unbound.
                        g.drop_shared(arg);
                        v
                    }
                    intrinsic::ABS => {
                        let x = var(&mut g, arg);
                        let isf = g.is_float(x);
                        let isi = g.is_int(x);
                        let num = g.b.ins().bor(isf, isi);
                        g.guard(num, slow);
                        let f = g.b.ins().bitcast(types::F64, MemFlagsData::new(), x);
                        let fa = g.b.ins().fabs(f);
                        let fv = g.box_f64(fa);
                        let i = g.unbox_int(x);
                        let ia = g.b.ins().iabs(i);
                        let fits = g.fits(ia);
                        let ok = g.b.ins().bor(isf, fits);
                        g.guard(ok, slow);
                        let iv = g.box_int(ia);
                        let v = g.b.ins().select(isf, fv, iv);
                        g.store_counted(dst, v, slow);
                        v
                    }
                    _ => {
                        // math.sqrt: a negative argument (ValueError) or a NaN is the
                        // runtime's.
                        let x = var(&mut g, arg);
                        let num = g.numeric_one(x);
                        g.guard(num, slow);
                        let f = g.as_f64(x);
                        let zero = g.b.ins().f64const(0.0);
                        let ok = g.b.ins().fcmp(FloatCC::GreaterThanOrEqual, f, zero);
                        g.guard(ok, slow);
                        let r = g.b.ins().sqrt(f);
                        let v = g.box_f64(r);
                        g.store_counted(dst, v, slow);
                        v
                    }
                };
                let _ = v;
                if dst != func {
                    // (When the result took the callee's register, storing it
                    // released the callee.)
                    g.drop_shared(func);
                }
                g.goto(&out, pc + 1);
            }
            _ => unreachable!("is_inline admitted {ins:?}"),
        }
        // The slow path of an inline instruction: the generic one, with the same
        // state after (its destination scalar, guarded).
        g.b.switch_to_block(slow);
        g.slow_path(pc, &st, &out);
    }
    g.b.seal_all_blocks();
    g.b.finalize(isa.frontend_config());

    let mut ctx = Context::for_function(func);
    let mut ctrl = ControlPlane::default();
    let compiled = ctx
        .compile(&*isa, &mut ctrl)
        .map_err(|e| Reject(format!("codegen: {:?}", e.inner)))?;
    let relocs = compiled.buffer.relocs().len();
    if relocs != 0 {
        return Err(Reject(format!(
            "code has {relocs} relocations (must be position independent)"
        )));
    }
    Ok(Compiled {
        code: compiled.code_buffer().to_vec(),
        align: compiled.buffer.alignment,
        entries: an.entries.clone(),
        relocs,
        inline_ops,
        exec_ops,
    })
}
