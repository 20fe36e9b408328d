//! The register bytecode: instruction set, code objects and constants.
//!
//! Operands name frame registers (`Reg`, a `u16`). A frame's registers are laid out as
//!
//! ```text
//!  0 .. nparams        parameters (positional, keyword-only, *args, **kwargs)
//!  nparams .. nlocals  other named locals, cells and free variables
//!  nlocals .. nregs    temporaries (allocated stack-like by the code generator)
//! ```
//!
//! Every instruction is 8 bytes (asserted below): a one-byte opcode and up to three
//! 16-bit operands, or a register and a 32-bit index. Jumps are absolute instruction
//! indices. Exceptions use a side table (like CPython 3.11's zero-cost handlers), so
//! entering a `try` costs nothing. Constants are VM-independent ([`Const`]); the VM
//! materialises them into values once per code object.

use num_bigint::BigInt;
use std::rc::Rc;

/// A frame register.
pub type Reg = u16;
/// "No register" in optional operands (e.g. `raise` without a cause).
pub const NO_REG: Reg = u16::MAX;

/// Binary operators, shared by `Binary` and `InplaceBinary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    /// Every operator, in declaration order: `BinOp::ALL[op as usize] == op`.
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];

    /// The operator as Python writes it (for error messages).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
    /// Dunder names: (method, reflected, in-place).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[repr(u8)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. `dst` is written after all operands are read, so `dst` may alias
/// an operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Instr {
    Nop,
    /// dst = consts[k]
    LoadConst {
        dst: Reg,
        k: u32,
    },
    /// dst = src
    Move {
        dst: Reg,
        src: Reg,
    },
    /// raise UnboundLocalError unless `reg` holds a value (`name` indexes `local_names`).
    CheckBound {
        reg: Reg,
    },
    /// reg = <unbound>
    Clear {
        reg: Reg,
    },
    /// Clear `count` temporaries from `start` (end of a module-level statement, so
    /// temporaries do not keep objects alive: `__del__` and `finally` run on time).
    ClearRange {
        start: Reg,
        count: u16,
    },
    /// dst = globals[names[name]] or builtins
    LoadGlobal {
        dst: Reg,
        name: u32,
    },
    StoreGlobal {
        src: Reg,
        name: u32,
    },
    DeleteGlobal {
        name: u32,
    },
    /// Class-body and module-body name access through the frame's namespace dict.
    LoadName {
        dst: Reg,
        name: u32,
    },
    StoreName {
        src: Reg,
        name: u32,
    },
    DeleteName {
        name: u32,
    },
    /// Class body reading a free variable: namespace first, then the cell in `cell`.
    LoadClassDeref {
        dst: Reg,
        cell: Reg,
        name: u16,
    },
    /// Wrap the value in `reg` (or nothing if unbound) in a fresh cell.
    MakeCell {
        reg: Reg,
    },
    /// dst = cell(reg).contents (NameError/UnboundLocalError if empty)
    LoadDeref {
        dst: Reg,
        cell: Reg,
    },
    StoreDeref {
        cell: Reg,
        src: Reg,
    },
    DeleteDeref {
        cell: Reg,
    },

    Binary {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    InplaceBinary {
        op: BinOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Compare {
        op: CmpOp,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    Unary {
        op: UnOp,
        dst: Reg,
        src: Reg,
    },
    /// dst = bool(src)
    ToBool {
        dst: Reg,
        src: Reg,
    },

    Jump {
        target: u32,
    },
    JumpIfFalse {
        cond: Reg,
        target: u32,
    },
    JumpIfTrue {
        cond: Reg,
        target: u32,
    },
    /// Fused compare-and-branch: jump unless `a op b` (the common loop/if test).
    JumpIfNotCompare {
        op: CmpOp,
        a: Reg,
        b: Reg,
        target_rel: i16,
    },

    GetAttr {
        dst: Reg,
        obj: Reg,
        name: u16,
    },
    SetAttr {
        obj: Reg,
        name: u16,
        src: Reg,
    },
    DelAttr {
        obj: Reg,
        name: u16,
    },
    /// dst = obj.name as (function, self) pair in dst, dst+1 for `CallMethod`;
    /// dst+1 is left unbound when the attribute is not a plain method.
    LoadMethod {
        dst: Reg,
        obj: Reg,
        name: u16,
    },
    GetItem {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    SetItem {
        obj: Reg,
        key: Reg,
        src: Reg,
    },
    DelItem {
        obj: Reg,
        key: Reg,
    },

    /// dst = func(func+1 .. func+1+argc)
    Call {
        dst: Reg,
        func: Reg,
        argc: u16,
    },
    /// Like `Call`, but the last `argc` register holds a tuple of keyword names that
    /// name the trailing arguments.
    CallKw {
        dst: Reg,
        func: Reg,
        argc: u16,
    },
    /// dst = func(*args, **kwargs) with the tuple in `args` and a dict (or unbound) in
    /// args+1.
    CallEx {
        dst: Reg,
        func: Reg,
        args: Reg,
    },
    /// Method call after `LoadMethod base`: args in base+2 .. base+2+argc.
    CallMethod {
        dst: Reg,
        base: Reg,
        argc: u16,
    },

    BuildList {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    BuildTuple {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    BuildSet {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// Keys and values alternate in start .. start + 2*count.
    BuildDict {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    /// slice(start, start+1, start+2)
    BuildSlice {
        dst: Reg,
        start: Reg,
    },
    /// Concatenate `count` strings (f-strings).
    BuildString {
        dst: Reg,
        start: Reg,
        count: u16,
    },
    ListAppend {
        list: Reg,
        src: Reg,
    },
    ListExtend {
        list: Reg,
        src: Reg,
    },
    /// list -> tuple in place
    ListToTuple {
        reg: Reg,
    },
    SetAdd {
        set: Reg,
        src: Reg,
    },
    SetUpdate {
        set: Reg,
        src: Reg,
    },
    DictInsert {
        dict: Reg,
        key: Reg,
        src: Reg,
    },
    /// dict.update(src) with `**` semantics (keys must be strings when `call` is set)
    DictUpdate {
        dict: Reg,
        src: Reg,
    },
    /// `*src` into the positional arguments of a call being built (a list): like
    /// `ListExtend`, with CPython's error naming the function in `func`.
    CallArgsExtend {
        list: Reg,
        src: Reg,
        func: Reg,
    },
    /// The keyword dict of a call being built: merge mapping `src` into `dict` with
    /// CPython's DICT_MERGE semantics (a key already present is an error naming
    /// the function in `func`).
    DictMerge {
        dict: Reg,
        src: Reg,
        func: Reg,
    },
    /// f-string piece: conv is 0/'s'/'r'/'a'; when `spec` is set the format spec string
    /// is in src+1.
    FormatValue {
        dst: Reg,
        src: Reg,
        conv: u8,
        spec: bool,
    },

    /// Unpack exactly `count` items of src into dst .. dst+count.
    UnpackSeq {
        dst: Reg,
        src: Reg,
        count: u16,
    },
    /// Unpack with a starred target: `before` items, a list, `after` items.
    UnpackEx {
        dst: Reg,
        src: Reg,
        before: u8,
        after: u8,
    },

    GetIter {
        dst: Reg,
        src: Reg,
    },
    /// iter+1 = next(iter), or jump to target when exhausted.
    ForIter {
        iter: Reg,
        target: u32,
    },
    /// Set up `for … in f(args)` where `f` is normally `range`: when `func` holds the
    /// built-in `range` and its `argc` arguments (from func+1) are inline ints with a
    /// non-zero step, base..base+3 get (start, stop, step) as ints — a counted loop,
    /// nothing allocated; otherwise base gets `iter(f(*args))` (any callable, any
    /// error as a call would give). The arguments are consumed.
    RangeIter {
        base: Reg,
        func: Reg,
        argc: u16,
    },
    /// The loop head of a `RangeIter` loop: counted (base holds an int): base+3 =
    /// current and advance, or jump to target at the end; else base holds an
    /// iterator: base+3 = next(base), or jump when exhausted.
    ForRange {
        base: Reg,
        target: u32,
    },

    /// Make a function from a function/code constant. `start` holds defaults tuple (or
    /// unbound), start+1 kw-defaults dict (or unbound), start+2 closure tuple (or
    /// unbound).
    MakeFunction {
        dst: Reg,
        k: u16,
        start: Reg,
    },
    /// Create a class: start = body function, start+1 = name, start+2.. = bases.
    BuildClass {
        dst: Reg,
        start: Reg,
        nbases: u16,
    },
    /// Set the class cell of a just-created class (when a method uses `super()`).
    /// `cell` holds the cell, `cls` the class.
    SetClassCell {
        cell: Reg,
        cls: Reg,
    },

    Return {
        src: Reg,
    },
    /// Generators: suspend yielding `src`; on resume the sent value lands in dst.
    Yield {
        dst: Reg,
        src: Reg,
    },
    /// `yield from src` (src is the iterator); result in dst.
    YieldFrom {
        dst: Reg,
        src: Reg,
    },

    /// raise exc [from cause]; NO_REG for a bare `raise` (re-raise) / missing cause.
    Raise {
        exc: Reg,
        cause: Reg,
    },
    /// Re-raise the exception in reg (end of a `finally` on the exceptional path).
    Reraise {
        reg: Reg,
    },
    /// Entering an except handler: push the exception in reg as "being handled".
    PushExcInfo {
        reg: Reg,
    },
    PopExcInfo,
    /// dst = isinstance(exc, cls) for `except` clauses (validates cls).
    ExcMatch {
        dst: Reg,
        exc: Reg,
        cls: Reg,
    },
    /// The `with` statement: calls `__enter__`, stores `__exit__` bound in exit.
    WithEnter {
        dst: Reg,
        mgr: Reg,
        exit: Reg,
    },
    /// Call exit(type, value, tb) for the exception in exc (or None,None,None if
    /// unbound); dst = truthiness of the result.
    WithExit {
        dst: Reg,
        exit: Reg,
        exc: Reg,
    },

    ImportName {
        dst: Reg,
        name: u16,
        level: u16,
    },
    /// from module import name
    ImportFrom {
        dst: Reg,
        module: Reg,
        name: u16,
    },
    ImportStar {
        module: Reg,
    },

    /// assert failure: raise AssertionError(msg or nothing)
    RaiseAssert {
        msg: Reg,
    },
    /// Raise "unsupported: <consts[k]>" at run time (constructs lethe compiles but
    /// cannot run are rejected at compile time instead; this is for dynamic cases).
    Unsupported {
        k: u32,
    },
}

impl Instr {
    /// Whether the instruction can never raise, so its source position is never looked
    /// at (the position table starts no run for it).
    pub fn position_free(&self) -> bool {
        matches!(
            self,
            Instr::Nop
                | Instr::LoadConst { .. }
                | Instr::Move { .. }
                | Instr::Clear { .. }
                | Instr::ClearRange { .. }
                | Instr::MakeCell { .. }
                | Instr::StoreDeref { .. }
                | Instr::Jump { .. }
                | Instr::BuildList { .. }
                | Instr::BuildTuple { .. }
                | Instr::BuildSlice { .. }
                | Instr::ListAppend { .. }
                | Instr::ListToTuple { .. }
                | Instr::ForRange { .. }
                | Instr::MakeFunction { .. }
                | Instr::Reraise { .. }
                | Instr::PushExcInfo { .. }
                | Instr::PopExcInfo
        )
    }
}

const _: () = assert!(std::mem::size_of::<Instr>() == 8);

/// A constant in a code object's pool.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    /// An imaginary literal (`2j`): real and imaginary parts.
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Const]>),
    /// A frozenset of constants (made from them in order): a set display of more
    /// than two constants is this, merged into a new set, as CPython compiles it.
    FrozenSet(Rc<[Const]>),
    /// A `def`: compiled lazily on first call from the source span.
    Function(Rc<FunctionStub>),
    /// A lambda, comprehension or class body: compiled eagerly with the parent.
    Code(Rc<Code>),
}

/// Flags of a code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags {
    pub generator: bool,
    /// Class body: names go through the namespace dict.
    pub class_body: bool,
    /// Module body.
    pub module: bool,
    pub lambda: bool,
    pub comprehension: bool,
}

/// Parameter layout of a function (registers 0.. in this order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    /// Names of positional parameters (positional-only first).
    pub positional: Vec<Rc<str>>,
    pub posonly: u16,
    pub kwonly: Vec<Rc<str>>,
    pub varargs: Option<Rc<str>>,
    pub varkw: Option<Rc<str>>,
}

impl Params {
    /// Number of parameter registers.
    pub fn count(&self) -> usize {
        self.positional.len()
            + self.kwonly.len()
            + self.varargs.is_some() as usize
            + self.varkw.is_some() as usize
    }
}

/// Where one instruction comes from: the source range of the expression or statement
/// it belongs to (as CPython 3.11's `co_positions()`). Columns are 0-based byte offsets
/// into their lines; `col` is None when only the line is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: Option<u32>,
    pub end_col: u32,
}

/// The position table of a code object: one entry per run of consecutive
/// instructions that share a position, delta-encoded in a byte string. An entry starts
/// with a head byte: bits 0–3 the pc delta from the previous entry (0: a varint
/// follows), bits 4–5 the line delta from the previous entry's line, 0 to 2 (3: a
/// zigzag varint follows), bit 6 set when the range ends on a later line (the number
/// of lines follows as a varint), bit 7 set when there are columns: the start column,
/// then the end column minus the start column on a one-line range, else the end
/// column (varints, LEB128). A typical entry takes three bytes. Instructions before
/// the first entry are on the code's first line. Instructions that cannot raise
/// (moves, constants, jumps, …) start no entry: their position is never looked at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positions(Box<[u8]>);

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(b: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&x) = b.get(*at) {
        *at += 1;
        if shift < 32 {
            v |= ((x & 0x7f) as u32) << shift;
        }
        shift += 7;
        if x & 0x80 == 0 {
            break;
        }
    }
    v
}

/// Builds a [`Positions`] table run by run, as instructions are emitted.
#[derive(Debug)]
pub struct PositionsBuilder {
    bytes: Vec<u8>,
    pc0: u32,
    line0: u32,
}

impl PositionsBuilder {
    pub fn new(first_line: u32) -> Self {
        PositionsBuilder {
            bytes: Vec::new(),
            pc0: 0,
            line0: first_line,
        }
    }

    /// The instructions from `pc` on (until the next run) are at `p`.
    pub fn push(&mut self, pc: u32, p: Position) {
        let out = &mut self.bytes;
        let pcd = pc - self.pc0;
        let ld = p.line.wrapping_sub(self.line0) as i32;
        let span = p.end_line.saturating_sub(p.line);
        let mut head = if (1..16).contains(&pcd) { pcd as u8 } else { 0 };
        head |= if (0..3).contains(&ld) {
            (ld as u8) << 4
        } else {
            3 << 4
        };
        if span > 0 {
            head |= 0x40;
        }
        if p.col.is_some() {
            head |= 0x80;
        }
        out.push(head);
        if head & 0x0f == 0 {
            put_varint(out, pcd);
        }
        if (head >> 4) & 3 == 3 {
            put_varint(out, ((ld << 1) ^ (ld >> 31)) as u32);
        }
        if span > 0 {
            put_varint(out, span);
        }
        if let Some(c) = p.col {
            put_varint(out, c);
            put_varint(
                out,
                if span > 0 {
                    p.end_col
                } else {
                    p.end_col.saturating_sub(c)
                },
            );
        }
        self.pc0 = pc;
        self.line0 = p.line;
    }

    pub fn finish(self) -> Positions {
        Positions(self.bytes.into_boxed_slice())
    }
}

impl Positions {
    /// Encodes `(first pc, position)` runs, ascending by pc; `first_line` is the line
    /// the deltas start from.
    pub fn encode(runs: &[(u32, Position)], first_line: u32) -> Positions {
        let mut b = PositionsBuilder::new(first_line);
        for &(pc, p) in runs {
            b.push(pc, p);
        }
        b.finish()
    }

    /// The position of the instruction at `pc`.
    pub fn get(&self, pc: u32, first_line: u32) -> Position {
        let b = &self.0;
        let mut at = 0;
        let mut cur = Position {
            line: first_line,
            end_line: first_line,
            col: None,
            end_col: 0,
        };
        let (mut pc0, mut line0) = (0u32, first_line);
        while at < b.len() {
            let head = b[at];
            let mut next = at + 1;
            let pcd = match head & 0x0f {
                0 => get_varint(b, &mut next),
                d => d as u32,
            };
            let start = pc0 + pcd;
            if start > pc {
                break;
            }
            let line = match (head >> 4) & 3 {
                3 => {
                    let z = get_varint(b, &mut next);
                    line0.wrapping_add((((z >> 1) as i32) ^ -((z & 1) as i32)) as u32)
                }
                d => line0 + d as u32,
            };
            let span = if head & 0x40 != 0 {
                get_varint(b, &mut next)
            } else {
                0
            };
            let (col, end_col) = if head & 0x80 != 0 {
                let c = get_varint(b, &mut next);
                let e = get_varint(b, &mut next);
                (Some(c), if span > 0 { e } else { c + e })
            } else {
                (None, 0)
            };
            cur = Position {
                line,
                end_line: line + span,
                col,
                end_col,
            };
            pc0 = start;
            line0 = line;
            at = next;
        }
        cur
    }

    /// Bytes held on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.0.len()
    }
}

/// One entry of the exception table: a raise at pc in [start, end) jumps to
/// `handler` with the exception in `reg`. Entries are ordered innermost first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub reg: Reg,
    /// Number of "handled exception" entries the frame must have when the handler runs
    /// (entries pushed by inner handlers are popped on the way).
    pub exc_depth: u16,
}

/// A compiled code object. Deterministic: the same source and scope summary always
/// produce the same code (deoptimisation relies on it).
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub instrs: Vec<Instr>,
    pub consts: Vec<Const>,
    /// Names used by global, attribute and import instructions.
    pub names: Vec<Rc<str>>,
    pub params: Params,
    /// Name of each named register (locals, cells, free variables).
    pub local_names: Vec<Rc<str>>,
    /// Registers that hold cells created by this frame (wrapped at entry).
    pub cell_regs: Vec<Reg>,
    /// Registers that receive the closure's cells at entry, in closure order.
    pub free_regs: Vec<Reg>,
    /// Names of the free variables, in closure order.
    pub freevars: Vec<Rc<str>>,
    pub nregs: u16,
    pub flags: CodeFlags,
    pub first_line: u32,
    /// Source position of every instruction (see [`Positions`]).
    pub positions: Positions,
    pub exc_table: Vec<ExcEntry>,
}

impl Code {
    /// The stubs of every function defined in this code and in the code nested in
    /// it (class bodies, comprehensions), in constant order.
    pub fn function_stubs(&self) -> Vec<Rc<FunctionStub>> {
        let mut out = Vec::new();
        self.collect_stubs(&mut out);
        out
    }
    fn collect_stubs(&self, out: &mut Vec<Rc<FunctionStub>>) {
        for c in &self.consts {
            match c {
                Const::Function(s) => out.push(s.clone()),
                Const::Code(c) => c.collect_stubs(out),
                _ => {}
            }
        }
    }
    /// Source line of the instruction at `pc`.
    pub fn line_of(&self, pc: u32) -> u32 {
        self.position(pc).line
    }

    /// Source position of the instruction at `pc`.
    pub fn position(&self, pc: u32) -> Position {
        self.positions.get(pc, self.first_line)
    }

    /// Innermost exception handler covering `pc`.
    pub fn handler_for(&self, pc: u32) -> Option<&ExcEntry> {
        self.exc_table.iter().find(|e| e.start <= pc && pc < e.end)
    }

    /// Approximate heap bytes held by this code object (for reports).
    pub fn heap_bytes(&self) -> usize {
        self.instrs.capacity() * std::mem::size_of::<Instr>()
            + self.consts.capacity() * std::mem::size_of::<Const>()
            + self.positions.heap_bytes()
            + self.exc_table.capacity() * std::mem::size_of::<ExcEntry>()
    }
}

/// What a lazily compiled function keeps until its first call: where its source is and
/// what it needs from its enclosing scopes.
#[derive(Debug, PartialEq)]
pub struct FunctionStub {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub source: Rc<crate::Source>,
    /// Byte span of the `def` statement (decorators excluded) in the module source.
    pub start: u32,
    pub end: u32,
    pub first_line: u32,
    pub summary: ScopeSummary,
    pub params: Params,
    /// The docstring (first statement, if a string literal).
    pub doc: Option<Rc<str>>,
    /// Bytecode compiled eagerly (when the function sits inside an eagerly compiled
    /// region); otherwise None and the VM compiles on first call.
    pub eager: Option<Rc<Code>>,
}

/// Everything a function body needs from its enclosing scopes to be compiled on its
/// own: its free variables (in closure order) and the class context for name
/// mangling.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScopeSummary {
    pub freevars: Vec<Rc<str>>,
    /// Name of the innermost enclosing class (for `__private` name mangling).
    pub mangle_class: Option<Rc<str>>,
}

#[cfg(test)]
mod position_tests {
    use super::*;

    fn at(line: u32, end_line: u32, col: Option<u32>, end_col: u32) -> Position {
        Position {
            line,
            end_line,
            col,
            end_col,
        }
    }

    #[test]
    fn positions_round_trip() {
        let runs = [
            (0, at(3, 3, Some(4), 9)),
            (2, at(5, 7, Some(200), 3)),
            (3, at(4, 4, None, 0)),
            (9, at(70000, 70000, Some(0), 100000)),
            (400, at(1, 1, Some(1), 2)),
        ];
        let t = Positions::encode(&runs, 2);
        let fresh = at(2, 2, None, 0);
        for pc in 0..500 {
            let want = runs.iter().rev().find(|r| r.0 <= pc).map_or(fresh, |r| r.1);
            assert_eq!(t.get(pc, 2), want, "pc {pc}");
        }
        // A short run on a nearby line takes three bytes; far jumps and wide columns
        // take more.
        assert_eq!(t.heap_bytes(), 3 + 5 + 2 + 9 + 8);
        let near = Positions::encode(&[(1, at(3, 3, Some(8), 20)), (4, at(4, 4, Some(4), 9))], 2);
        assert_eq!(near.heap_bytes(), 6);
        assert_eq!(Positions::encode(&[], 5).get(3, 5), at(5, 5, None, 0));
    }
}
