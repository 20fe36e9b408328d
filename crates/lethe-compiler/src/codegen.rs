//! Code generation: AST + resolved scopes → register bytecode.
//!
//! One [`FnGen`] per code object. Named locals get fixed registers; temporaries are
//! allocated stack-like above them, so the arguments of a call land in consecutive
//! registers without moves. An expression whose value already sits in a local register
//! is used in place. Exception handling is a side table of protected ranges; leaving a
//! protected range through `return`/`break`/`continue` inlines the `finally` code and
//! splits the range around it (as CPython does), so a raise inside inlined cleanup code
//! is not caught by the handler being left.

use crate::bytecode::*;
use crate::ir::{
    self, ExprId, ExprKind as E, Ir, IrConst, List, PatId, PatKind, Range, StmtId, StmtKind as S,
};
use crate::scope::{NameKind, ScopeKind, ScopeTable};
use crate::{CompileError, Source};
use indexmap::{IndexMap, IndexSet};
use ruff_python_ast::{self as ast, ExprContext};
use std::collections::HashMap;
use std::rc::Rc;

type R<T> = Result<T, CompileError>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Loc {
    Local(Reg),
    Cell(Reg),
    Free(Reg),
    Global,
    Namespace,
    /// Class body reading a variable of an enclosing function.
    ClassFree(Reg),
}

struct Region {
    reg: Reg,
    exc_depth: u16,
    segs: Vec<(u32, u32)>,
    open: Option<u32>,
}

enum Block<'a> {
    Loop {
        continue_to: u32,
        breaks: Vec<usize>,
    },
    /// A try body protected by an except handler.
    Try { region: usize },
    /// A try body whose `finally` must run when it is left.
    Finally { region: usize, body: &'a [StmtId] },
    /// Inside an except handler: leaving it pops the handled exception.
    Handler { region: usize },
    /// Inside a `with` body: leaving it calls `__exit__(None, None, None)` (placed at
    /// the `with` statement, `range`).
    With {
        region: usize,
        exit: Reg,
        range: Range,
    },
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(Rc<str>),
    None,
    True,
    False,
}

struct FnGen<'a> {
    source: &'a Rc<Source>,
    ir: &'a Ir,
    table: &'a ScopeTable,
    scope: usize,
    kind: ScopeKind,
    qualname: Rc<str>,
    mangle_class: Option<Rc<str>>,
    instrs: Vec<Instr>,
    consts: Vec<Const>,
    const_map: HashMap<ConstKey, u32>,
    names: IndexMap<Rc<str>, u32>,
    locs: IndexMap<String, Loc>,
    local_names: Vec<Rc<str>>,
    nlocals: u16,
    temp_top: u16,
    max_reg: u16,
    /// Locals that may be read while unbound (deleted somewhere, or only bound in
    /// branches) are checked; parameters and straight-line bindings are not.
    checked: IndexSet<String>,
    /// Locals bound on every path to the code being generated: the parameters, and
    /// names stored earlier in the same block or an enclosing one (a nested block's
    /// names are dropped when it ends, see `enter_nested`).
    definitely_bound: IndexSet<String>,
    /// `definitely_bound`'s length when each enclosing nested block began.
    bound_marks: Vec<usize>,
    /// While a match case's pattern is compiled: the register reserved for each name it
    /// captures. Captures go there and are bound only once the whole pattern matched,
    /// as CPython binds them.
    captures: Vec<(String, Reg)>,
    blocks: Vec<Block<'a>>,
    regions: Vec<Region>,
    exc_table: Vec<ExcEntry>,
    exc_depth: u16,
    /// The position table of the instructions emitted so far, and the range of its
    /// last run.
    positions: PositionsBuilder,
    last_range: Option<Range>,
    /// Source range of the next instruction (none before the first `set_line`).
    cur_range: Option<Range>,
    first_line: u32,
    class_cell: Option<Reg>,
    cell_regs: Vec<Reg>,
    free_regs: Vec<Reg>,
    freevars: Vec<Rc<str>>,
    /// Interactive input (the REPL): an expression statement of the module body prints
    /// its value through `sys.displayhook`, as CPython's `single` mode does.
    interactive: bool,
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// Names that may be observed unbound: deleted, or bound as an `except … as` name.
fn collect_deleted(ir: &Ir, body: &[StmtId], out: &mut IndexSet<String>) {
    for &s in body {
        match ir.stmt(s).kind {
            S::FunctionDef(_) | S::ClassDef(_) => {}
            S::Delete(targets) => {
                for &t in ir.list(targets) {
                    collect_target_names(ir, t, out);
                }
            }
            S::Try(t) => {
                let t = ir.get(t);
                for h in ir.list(t.handlers) {
                    if let Some(n) = &h.name {
                        out.insert(ir.name(n.name).to_string());
                    }
                }
                collect_deleted(ir, ir.list(t.body), out);
                for h in ir.list(t.handlers) {
                    collect_deleted(ir, ir.list(h.body), out);
                }
                collect_deleted(ir, ir.list(t.orelse), out);
                collect_deleted(ir, ir.list(t.finalbody), out);
            }
            S::For { body, orelse, .. } | S::While { body, orelse, .. } => {
                collect_deleted(ir, ir.list(body), out);
                collect_deleted(ir, ir.list(orelse), out);
            }
            S::If { body, elifs, .. } => {
                collect_deleted(ir, ir.list(body), out);
                for c in ir.list(elifs) {
                    collect_deleted(ir, ir.list(c.body), out);
                }
            }
            S::With { body, .. } => collect_deleted(ir, ir.list(body), out),
            S::Match { cases, .. } => {
                for c in ir.list(cases) {
                    collect_deleted(ir, ir.list(c.body), out);
                }
            }
            _ => {}
        }
    }
}

fn collect_target_names(ir: &Ir, e: ExprId, out: &mut IndexSet<String>) {
    match ir.expr(e).kind {
        E::Name { id, .. } => {
            out.insert(ir.name(id).to_string());
        }
        E::Tuple { elts, .. } | E::List { elts, .. } => ir
            .list(elts)
            .iter()
            .for_each(|&e| collect_target_names(ir, e, out)),
        E::Starred { value, .. } => collect_target_names(ir, value, out),
        _ => {}
    }
}

fn params_of(ir: &Ir, p: Option<ir::Idx<ir::Params>>) -> Params {
    let Some(p) = p else {
        return Params::default();
    };
    let p = ir.get(p);
    let all = ir.list(p.all);
    let npos = (p.n_posonly + p.n_args) as usize;
    let nkw = p.n_kwonly as usize;
    let mut rest = all[npos + nkw..].iter();
    Params {
        positional: all[..npos]
            .iter()
            .map(|a| Rc::from(ir.name(a.name.name)))
            .collect(),
        posonly: p.n_posonly as u16,
        kwonly: all[npos..npos + nkw]
            .iter()
            .map(|a| Rc::from(ir.name(a.name.name)))
            .collect(),
        varargs: if p.vararg {
            rest.next().map(|a| Rc::from(ir.name(a.name.name)))
        } else {
            None
        },
        varkw: if p.kwarg {
            rest.next().map(|a| Rc::from(ir.name(a.name.name)))
        } else {
            None
        },
    }
}

/// The IR constant `k` as a bytecode constant (None for a complex literal).
fn bytecode_const(ir: &Ir, k: ir::ConstId) -> Option<Const> {
    Some(match ir.konst(k) {
        IrConst::None => Const::None,
        IrConst::True => Const::True,
        IrConst::False => Const::False,
        IrConst::Ellipsis => Const::Ellipsis,
        IrConst::Int(i) => Const::Int(*i),
        IrConst::BigInt(b) => Const::BigInt((**b).clone()),
        IrConst::Float(f) => Const::Float(*f),
        IrConst::Complex { real, imag } => Const::Complex(*real, *imag),
        IrConst::Str(s) => Const::Str(Rc::from(&**s)),
        IrConst::Bytes(b) => Const::Bytes(Rc::from(&**b)),
        IrConst::Tuple(items) => {
            let v: Option<Vec<Const>> = items.iter().map(|&c| bytecode_const(ir, c)).collect();
            Const::Tuple(Rc::from(v?))
        }
    })
}

impl<'a> FnGen<'a> {
    fn new(
        source: &'a Rc<Source>,
        ir: &'a Ir,
        table: &'a ScopeTable,
        scope: usize,
        qualname: Rc<str>,
        mangle_class: Option<Rc<str>>,
        first_line: u32,
    ) -> Self {
        let info = &table.scopes[scope];
        let mut g = FnGen {
            source,
            ir,
            table,
            scope,
            kind: info.kind,
            qualname,
            mangle_class,
            instrs: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: IndexMap::new(),
            locs: IndexMap::new(),
            local_names: Vec::new(),
            nlocals: 0,
            temp_top: 0,
            max_reg: 0,
            checked: IndexSet::new(),
            definitely_bound: IndexSet::new(),
            bound_marks: Vec::new(),
            captures: Vec::new(),
            blocks: Vec::new(),
            regions: Vec::new(),
            exc_table: Vec::new(),
            exc_depth: 0,
            positions: PositionsBuilder::new(first_line),
            last_range: None,
            cur_range: None,
            first_line,
            class_cell: None,
            cell_regs: Vec::new(),
            free_regs: Vec::new(),
            freevars: Vec::new(),
            interactive: false,
        };
        g.layout();
        g
    }

    /// Assign registers: parameters, other locals, cells, free variables.
    fn layout(&mut self) {
        let info = &self.table.scopes[self.scope];
        let add = |g: &mut Self, name: &str, loc: fn(Reg) -> Loc| -> Reg {
            let r = g.local_names.len() as Reg;
            g.local_names.push(Rc::from(name));
            g.locs.insert(name.to_string(), loc(r));
            r
        };
        match info.kind {
            ScopeKind::Module => {}
            ScopeKind::Class => {
                for f in info.frees.iter() {
                    let r = add(self, f, Loc::ClassFree);
                    self.free_regs.push(r);
                    self.freevars.push(Rc::from(f.as_str()));
                }
                if info.needs_class_cell {
                    let r = add(self, "__class__", Loc::Cell);
                    self.cell_regs.push(r);
                    self.class_cell = Some(r);
                    // The cell is only for methods; the body's own `__class__` is a name.
                    self.locs.shift_remove("__class__");
                }
            }
            _ => {
                for p in info.params.iter() {
                    let loc: fn(Reg) -> Loc = if info.cells.contains(p) {
                        Loc::Cell
                    } else {
                        Loc::Local
                    };
                    let r = add(self, p, loc);
                    if info.cells.contains(p) {
                        self.cell_regs.push(r);
                    }
                    self.definitely_bound.insert(p.clone());
                }
                for n in info.bound.iter() {
                    if self.locs.contains_key(n)
                        || info.globals.contains(n)
                        || info.frees.contains(n)
                    {
                        continue;
                    }
                    if info.cells.contains(n) {
                        let r = add(self, n, Loc::Cell);
                        self.cell_regs.push(r);
                    } else {
                        add(self, n, Loc::Local);
                    }
                }
                for f in info.frees.iter() {
                    let r = add(self, f, Loc::Free);
                    self.free_regs.push(r);
                    self.freevars.push(Rc::from(f.as_str()));
                }
            }
        }
        self.nlocals = self.local_names.len() as u16;
        self.temp_top = self.nlocals;
        self.max_reg = self.nlocals;
    }

    fn err_unsupported(&self, what: &str, at: Range) -> CompileError {
        self.source.unsupported(what, at.start)
    }

    fn syntax(&self, msg: &str, at: Range) -> CompileError {
        self.source.syntax_error(msg.to_string(), at.start)
    }

    // ---- emission helpers ----

    fn pc(&self) -> u32 {
        self.instrs.len() as u32
    }

    fn emit(&mut self, i: Instr) -> usize {
        if let Some(r) = self.cur_range {
            if self.last_range != Some(r) && !i.position_free() {
                let (line, col) = self.source.line_col(r.start);
                let (end_line, end_col) = self.source.line_col(r.end.max(r.start));
                let pc = self.pc();
                self.positions.push(
                    pc,
                    Position {
                        line,
                        end_line,
                        col: Some(col),
                        end_col,
                    },
                );
                self.last_range = Some(r);
            }
        }
        self.instrs.push(i);
        self.instrs.len() - 1
    }

    /// The ranges of a method load `obj.name` and of its call: when the name is not on
    /// the line the object starts on, both start at the name (as CPython 3.11's
    /// `update_start_location_to_match_attr`), so a traceback shows that line.
    fn method_ranges(&self, attr: Range, name: &str, call: Range) -> (Range, Range) {
        let at = attr.end.saturating_sub(name.len() as u32);
        if self.source.line_of(attr.start) == self.source.line_of(attr.end) || at < attr.start {
            return (attr, call);
        }
        (
            Range {
                start: at,
                end: attr.end,
            },
            Range {
                start: at,
                end: call.end,
            },
        )
    }

    /// Where CPython 3.11 reports a failed `assert test`: at a comparison whose jump
    /// failed (through `not`, and the last operand of `or`), else at the statement.
    fn assert_position(&self, test: ExprId, srange: Range) -> Range {
        let ir = self.ir;
        let node = ir.expr(test);
        match node.kind {
            E::Compare { .. } => node.range,
            E::UnaryOp {
                op: ast::UnaryOp::Not,
                operand,
            } if matches!(ir.expr(operand).kind, E::Compare { .. }) => ir.expr(operand).range,
            E::BoolOp {
                op: ast::BoolOp::Or,
                values,
            } => match ir.list(values).last() {
                Some(&v) => self.assert_position(v, srange),
                None => srange,
            },
            _ => srange,
        }
    }

    /// The instructions emitted next belong to the source range `at` (their line is
    /// its first line; tracebacks mark its columns).
    fn set_line(&mut self, at: Range) {
        self.cur_range = Some(at);
    }

    fn alloc(&mut self) -> Reg {
        let r = self.temp_top;
        self.temp_top += 1;
        if self.temp_top > self.max_reg {
            self.max_reg = self.temp_top;
        }
        r
    }

    fn alloc_n(&mut self, n: u16) -> Reg {
        let r = self.temp_top;
        for _ in 0..n {
            self.alloc();
        }
        r
    }

    fn free_to(&mut self, mark: Reg) {
        self.temp_top = mark;
    }

    fn konst(&mut self, c: Const) -> u32 {
        let key = match &c {
            Const::Int(i) => Some(ConstKey::Int(*i)),
            Const::Float(f) => Some(ConstKey::Float(f.to_bits())),
            Const::Str(s) => Some(ConstKey::Str(s.clone())),
            Const::None => Some(ConstKey::None),
            Const::True => Some(ConstKey::True),
            Const::False => Some(ConstKey::False),
            _ => None,
        };
        if let Some(k) = &key {
            if let Some(&i) = self.const_map.get(k) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_map.insert(k, i);
        }
        i
    }

    fn konst16(&mut self, c: Const) -> R<u16> {
        let k = self.konst(c);
        u16::try_from(k).map_err(|_| {
            self.source
                .unsupported("more than 65535 constants in one function", 0)
        })
    }

    fn name16(&mut self, s: &str) -> R<u16> {
        let n = self.name(s);
        u16::try_from(n).map_err(|_| {
            self.source
                .unsupported("more than 65535 names in one function", 0)
        })
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.konst(Const::Str(Rc::from(s)))
    }

    fn name(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.names.get(s) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.insert(Rc::from(s), i);
        i
    }

    fn attr_name(&mut self, s: &str, at: Range) -> R<u16> {
        let mangled = self.mangle(s);
        let i = self.name(&mangled);
        u16::try_from(i)
            .map_err(|_| self.err_unsupported("more than 65535 names in one function", at))
    }

    fn mangle(&self, s: &str) -> String {
        if let Some(cls) = &self.mangle_class {
            if s.starts_with("__") && !s.ends_with("__") && !s.contains('.') {
                let stripped = cls.trim_start_matches('_');
                if !stripped.is_empty() {
                    return format!("_{stripped}{s}");
                }
            }
        }
        s.to_string()
    }

    fn load_const(&mut self, c: Const, dst: Reg) {
        let k = self.konst(c);
        self.emit(Instr::LoadConst { dst, k });
    }

    fn jump_placeholder(&mut self) -> usize {
        self.emit(Instr::Jump { target: u32::MAX })
    }

    fn patch(&mut self, at: usize, target: u32) -> R<()> {
        match &mut self.instrs[at] {
            Instr::Jump { target: t }
            | Instr::JumpIfFalse { target: t, .. }
            | Instr::JumpIfTrue { target: t, .. }
            | Instr::ForIter { target: t, .. }
            | Instr::ForRange { target: t, .. } => *t = target,
            Instr::JumpIfNotCompare { target_rel, .. } => {
                let rel = target as i64 - at as i64;
                *target_rel = i16::try_from(rel).map_err(|_| {
                    self.source
                        .unsupported("a branch spanning more than 32767 instructions", 0)
                })?;
            }
            _ => {}
        }
        Ok(())
    }

    fn patch_here(&mut self, at: usize) -> R<()> {
        let pc = self.pc();
        self.patch(at, pc)
    }

    // ---- exception regions ----

    fn open_region(&mut self, reg: Reg) -> usize {
        let pc = self.pc();
        self.regions.push(Region {
            reg,
            exc_depth: self.exc_depth,
            segs: Vec::new(),
            open: Some(pc),
        });
        self.regions.len() - 1
    }

    fn close_region(&mut self, r: usize) {
        let pc = self.pc();
        let reg = &mut self.regions[r];
        if let Some(s) = reg.open.take() {
            if pc > s {
                reg.segs.push((s, pc));
            }
        }
    }

    fn reopen_region(&mut self, r: usize) {
        let pc = self.pc();
        self.regions[r].open = Some(pc);
    }

    /// The handler of region `r` starts here.
    fn finish_region(&mut self, r: usize) {
        self.close_region(r);
        let handler = self.pc();
        let reg = &self.regions[r];
        for &(start, end) in &reg.segs {
            self.exc_table.push(ExcEntry {
                start,
                end,
                handler,
                reg: reg.reg,
                exc_depth: reg.exc_depth,
            });
        }
    }

    /// Emit the cleanup for leaving blocks[down_to..] (innermost first), as for a
    /// `return`, `break` or `continue`; returns the regions to reopen afterwards.
    fn unwind(&mut self, down_to: usize) -> R<Vec<usize>> {
        let mut suspended = Vec::new();
        let mut i = self.blocks.len();
        while i > down_to {
            i -= 1;
            match &self.blocks[i] {
                Block::Loop { .. } => {}
                Block::Try { region } => {
                    let r = *region;
                    self.close_region(r);
                    suspended.push(r);
                }
                Block::Handler { region } => {
                    let r = *region;
                    self.close_region(r);
                    suspended.push(r);
                    self.emit(Instr::PopExcInfo);
                }
                Block::With {
                    region,
                    exit,
                    range,
                } => {
                    let (r, exit, range) = (*region, *exit, *range);
                    self.close_region(r);
                    suspended.push(r);
                    let mark = self.temp_top;
                    let t = self.alloc();
                    let none = self.alloc();
                    self.emit(Instr::Clear { reg: none });
                    let outer = self.cur_range;
                    self.set_line(range);
                    self.emit(Instr::WithExit {
                        dst: t,
                        exit,
                        exc: none,
                    });
                    self.cur_range = outer;
                    self.free_to(mark);
                }
                Block::Finally { region, body } => {
                    let (r, body) = (*region, *body);
                    self.close_region(r);
                    suspended.push(r);
                    // The finally body runs with only the outer blocks active.
                    let inner = self.blocks.split_off(i);
                    let saved_depth = self.exc_depth;
                    self.exc_depth = self.regions[r].exc_depth;
                    let res = self.body(body);
                    self.exc_depth = saved_depth;
                    self.blocks.extend(inner);
                    res?;
                }
            }
        }
        Ok(suspended)
    }

    fn reopen(&mut self, regions: Vec<usize>) {
        for r in regions {
            self.reopen_region(r);
        }
    }

    // ---- names ----

    fn loc(&self, name: &str) -> Loc {
        if let Some(l) = self.locs.get(name) {
            if let Loc::ClassFree(_) = l {
                // A class body's own binding of a name that a method closes over from
                // the enclosing function: the body reads and writes its namespace,
                // the register only passes the outer cell on to the method.
                let info = &self.table.scopes[self.scope];
                if info.bound.contains(name) && !info.nonlocals.contains(name) {
                    return Loc::Namespace;
                }
            }
            return *l;
        }
        let info = &self.table.scopes[self.scope];
        match info.kind_of(name) {
            NameKind::Namespace => Loc::Namespace,
            _ => {
                if self.kind == ScopeKind::Class {
                    if info.globals.contains(name) {
                        Loc::Global
                    } else {
                        Loc::Namespace
                    }
                } else {
                    Loc::Global
                }
            }
        }
    }

    fn needs_check(&self, name: &str) -> bool {
        !self.definitely_bound.contains(name) || self.checked.contains(name)
    }

    /// Load a name into `dst`.
    fn load_name(&mut self, name: &str, dst: Reg) -> R<()> {
        match self.loc(name) {
            Loc::Local(r) => {
                if self.needs_check(name) {
                    self.emit(Instr::CheckBound { reg: r });
                }
                if r != dst {
                    self.emit(Instr::Move { dst, src: r });
                }
            }
            Loc::Cell(r) | Loc::Free(r) => {
                self.emit(Instr::LoadDeref { dst, cell: r });
            }
            Loc::ClassFree(r) => {
                let n = self.name(&self.mangle(name));
                let n = u16::try_from(n).unwrap_or(u16::MAX);
                self.emit(Instr::LoadClassDeref {
                    dst,
                    cell: r,
                    name: n,
                });
            }
            Loc::Global => {
                let n = self.name(&self.mangle(name));
                self.emit(Instr::LoadGlobal { dst, name: n });
            }
            Loc::Namespace => {
                let n = self.name(&self.mangle(name));
                self.emit(Instr::LoadName { dst, name: n });
            }
        }
        Ok(())
    }

    fn store_name(&mut self, name: &str, src: Reg) {
        self.store_name_marking(name, src, true)
    }

    /// Store to a name; a local is marked definitely bound when `mark` (a store that
    /// may be skipped within its block, as an assignment expression's, is not).
    fn store_name_marking(&mut self, name: &str, src: Reg, mark: bool) {
        match self.loc(name) {
            Loc::Local(r) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
                if mark {
                    self.mark_bound(name);
                }
            }
            Loc::Cell(r) | Loc::Free(r) | Loc::ClassFree(r) => {
                self.emit(Instr::StoreDeref { cell: r, src });
            }
            Loc::Global => {
                let n = self.name(&self.mangle(name));
                self.emit(Instr::StoreGlobal { src, name: n });
            }
            Loc::Namespace => {
                let n = self.name(&self.mangle(name));
                self.emit(Instr::StoreName { src, name: n });
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        match self.loc(name) {
            Loc::Local(r) => {
                self.emit(Instr::CheckBound { reg: r });
                self.emit(Instr::Clear { reg: r });
            }
            Loc::Cell(r) | Loc::Free(r) | Loc::ClassFree(r) => {
                self.emit(Instr::DeleteDeref { cell: r });
            }
            Loc::Global => {
                let n = self.name(&self.mangle(name));
                self.emit(Instr::DeleteGlobal { name: n });
            }
            Loc::Namespace => {
                let n = self.name(&self.mangle(name));
                self.emit(Instr::DeleteName { name: n });
            }
        }
    }

    /// The register of a plain local that can be read in place, if `e` is one.
    fn local_in_place(&self, e: ExprId) -> Option<Reg> {
        if let E::Name { id, .. } = self.ir.expr(e).kind {
            let n = self.ir.name(id);
            if let Loc::Local(r) = self.loc(n) {
                if !self.needs_check(n) {
                    return Some(r);
                }
            }
        }
        None
    }

    /// True when evaluating `e` cannot assign a local variable: it has no `:=`
    /// (judged conservatively: only names, constants, attributes, subscripts,
    /// operators and calls of those qualify).
    fn cannot_rebind(&self, e: ExprId) -> bool {
        let ir = self.ir;
        match ir.expr(e).kind {
            E::Const { .. } | E::Name { .. } => true,
            E::Attribute { value, .. } => self.cannot_rebind(value),
            E::Subscript { value, slice, .. } => {
                self.cannot_rebind(value) && self.cannot_rebind(slice)
            }
            E::BinOp { left, right, .. } => self.cannot_rebind(left) && self.cannot_rebind(right),
            E::UnaryOp { operand, .. } => self.cannot_rebind(operand),
            E::Call { func, args } => {
                let a = ir.get(args);
                self.cannot_rebind(func)
                    && ir.list(a.args).iter().all(|&x| self.cannot_rebind(x))
                    && ir
                        .list(a.keywords)
                        .iter()
                        .all(|k| self.cannot_rebind(k.value))
            }
            _ => false,
        }
    }

    fn range(&self, e: ExprId) -> Range {
        self.ir.expr(e).range
    }

    // ---- statements ----

    /// `__annotations__ = {}` at the start of a module or class body that has
    /// `name: annotation` statements (CPython's SETUP_ANNOTATIONS).
    fn setup_annotations(&mut self, stmts: &'a [StmtId]) {
        fn has(ir: &Ir, stmts: &[StmtId]) -> bool {
            stmts.iter().any(|&s| match ir.stmt(s).kind {
                S::AnnAssign { target, simple, .. } => {
                    simple && matches!(ir.expr(target).kind, E::Name { .. })
                }
                S::If { body, elifs, .. } => {
                    has(ir, ir.list(body))
                        || ir.list(elifs).iter().any(|c| has(ir, ir.list(c.body)))
                }
                S::For { body, orelse, .. } | S::While { body, orelse, .. } => {
                    has(ir, ir.list(body)) || has(ir, ir.list(orelse))
                }
                S::With { body, .. } => has(ir, ir.list(body)),
                S::Try(t) => {
                    let t = ir.get(t);
                    has(ir, ir.list(t.body))
                        || has(ir, ir.list(t.orelse))
                        || has(ir, ir.list(t.finalbody))
                        || ir.list(t.handlers).iter().any(|h| has(ir, ir.list(h.body)))
                }
                _ => false,
            })
        }
        if has(self.ir, stmts) {
            let t = self.alloc();
            self.emit(Instr::BuildDict {
                dst: t,
                start: t,
                count: 0,
            });
            self.store_name("__annotations__", t);
            self.free_to(t);
        }
    }

    fn body(&mut self, stmts: &'a [StmtId]) -> R<()> {
        for &s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn nested_body(&mut self, stmts: &'a [StmtId]) -> R<()> {
        self.enter_nested();
        let r = self.body(stmts);
        self.leave_nested();
        r
    }

    /// Begin a block that may not run, or not run to its end (a branch, a loop body,
    /// a `try` body, a `with` body, a match case): names bound inside it are
    /// definitely bound for the rest of it only.
    fn enter_nested(&mut self) {
        self.bound_marks.push(self.definitely_bound.len());
    }

    fn leave_nested(&mut self) {
        let n = self.bound_marks.pop().unwrap_or(0);
        self.definitely_bound.truncate(n);
    }

    /// `name` is bound from here to the end of the current block.
    fn mark_bound(&mut self, name: &str) {
        if !self.definitely_bound.contains(name) {
            self.definitely_bound.insert(name.to_string());
        }
    }

    fn stmt(&mut self, s: StmtId) -> R<()> {
        let node = self.ir.stmt(s);
        self.set_line(node.range);
        let mark = self.temp_top;
        let before = self.max_reg;
        self.max_reg = mark;
        let r = self.stmt_inner(s);
        let used = self.max_reg;
        self.max_reg = self.max_reg.max(before);
        self.free_to(mark);
        // Module and class bodies run once: drop their temporaries after each simple
        // statement (compound statements clear inside their own bodies).
        let simple = !matches!(
            node.kind,
            S::If { .. }
                | S::While { .. }
                | S::For { .. }
                | S::Try(_)
                | S::With { .. }
                | S::FunctionDef(_)
                | S::ClassDef(_)
        );
        if r.is_ok()
            && simple
            && used > mark
            && matches!(self.kind, ScopeKind::Module | ScopeKind::Class)
        {
            self.emit(Instr::ClearRange {
                start: mark,
                count: used - mark,
            });
        }
        r
    }

    fn stmt_inner(&mut self, s: StmtId) -> R<()> {
        let ir = self.ir;
        let node = ir.stmt(s);
        let srange = node.range;
        match node.kind {
            S::Expr(e) if self.interactive && self.kind == ScopeKind::Module => {
                // sys.displayhook(value), looked up when the statement runs.
                let f = self.alloc();
                let v = self.alloc();
                self.expr_to(e, v)?;
                let m = self.alloc();
                let sys = self.name16("sys")?;
                self.emit(Instr::ImportName {
                    dst: m,
                    name: sys,
                    level: 0,
                });
                let hook = self.name16("displayhook")?;
                self.emit(Instr::GetAttr {
                    dst: f,
                    obj: m,
                    name: hook,
                });
                self.emit(Instr::Call {
                    dst: f,
                    func: f,
                    argc: 1,
                });
            }
            S::Expr(e) => {
                if let E::BadInt = ir.expr(e).kind {
                    return Ok(());
                }
                if let E::Const { k, .. } = ir.expr(e).kind {
                    if matches!(
                        ir.konst(k),
                        IrConst::Str(_)
                            | IrConst::Int(_)
                            | IrConst::BigInt(_)
                            | IrConst::Float(_)
                            | IrConst::Complex { .. }
                            | IrConst::Ellipsis
                    ) {
                        return Ok(());
                    }
                }
                let t = self.alloc();
                self.expr_to(e, t)?;
                // The value is dropped at the end of the statement (as CPython pops
                // it): a `__del__` it triggers runs here, not at some later store.
                self.emit(Instr::Clear { reg: t });
            }
            S::Pass => {}
            S::Assign { targets, value } => {
                let targets = ir.list(targets);
                if targets.len() == 1 {
                    if let E::Name { id, .. } = ir.expr(targets[0]).kind {
                        let n = ir.name(id);
                        if let Loc::Local(r) = self.loc(n) {
                            if self.writes_after_reads(value) {
                                self.expr_to(value, r)?;
                                self.mark_bound(n);
                                return Ok(());
                            }
                        }
                    }
                }
                let v = self.expr_any(value)?;
                for &t in targets {
                    self.assign(t, v)?;
                }
            }
            S::AugAssign { target, op, value } => self.aug_assign(target, op, value, srange)?,
            S::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    let r = self.expr_any(v)?;
                    self.assign(target, r)?;
                }
                // Module and class scopes evaluate `name: annotation` into
                // `__annotations__` (function scopes do not evaluate it).
                if let (true, E::Name { id, .. }) = (
                    simple && matches!(self.kind, ScopeKind::Module | ScopeKind::Class),
                    ir.expr(target).kind,
                ) {
                    let m = self.temp_top;
                    let ann = self.alloc();
                    self.annotation_to(annotation, ann)?;
                    let d = self.alloc();
                    self.load_name("__annotations__", d)?;
                    let k = self.alloc();
                    let kc = self.str_const(&self.mangle(ir.name(id)));
                    self.emit(Instr::LoadConst { dst: k, k: kc });
                    self.emit(Instr::SetItem {
                        obj: d,
                        key: k,
                        src: ann,
                    });
                    self.free_to(m);
                }
            }
            S::If { test, body, elifs } => self.if_stmt(test, body, elifs)?,
            S::While { test, body, orelse } => self.while_stmt(test, body, orelse, srange)?,
            S::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if is_async {
                    return Err(self.err_unsupported("async for", srange));
                }
                self.for_stmt(target, iter, body, orelse, srange)?
            }
            S::Break => {
                let Some(li) = self
                    .blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::Loop { .. }))
                else {
                    return Err(self.syntax("'break' outside loop", srange));
                };
                let sus = self.unwind(li + 1)?;
                let j = self.jump_placeholder();
                if let Block::Loop { breaks, .. } = &mut self.blocks[li] {
                    breaks.push(j);
                }
                self.reopen(sus);
            }
            S::Continue => {
                let Some(li) = self
                    .blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::Loop { .. }))
                else {
                    return Err(self.syntax("'continue' not properly in loop", srange));
                };
                let sus = self.unwind(li + 1)?;
                let target = match &self.blocks[li] {
                    Block::Loop { continue_to, .. } => *continue_to,
                    _ => 0,
                };
                self.emit(Instr::Jump { target });
                self.reopen(sus);
            }
            S::Return(value) => {
                if !self.kind.is_function_like() {
                    return Err(self.syntax("'return' outside function", srange));
                }
                let v = match value {
                    Some(v) => self.expr_any(v)?,
                    None => {
                        let t = self.alloc();
                        self.load_const(Const::None, t);
                        t
                    }
                };
                // The value must survive finally blocks that use temporaries.
                let v = if self.blocks.is_empty() || v >= self.nlocals {
                    v
                } else {
                    let t = self.alloc();
                    self.emit(Instr::Move { dst: t, src: v });
                    t
                };
                let sus = self.unwind(0)?;
                self.set_line(srange);
                self.emit(Instr::Return { src: v });
                self.reopen(sus);
            }
            S::Delete(targets) => {
                for &t in ir.list(targets) {
                    self.delete(t)?;
                }
            }
            S::FunctionDef(f) => self.function_def(ir.get(f), srange)?,
            S::ClassDef(c) => self.class_def(ir.get(c), srange)?,
            S::Raise { exc, cause } => {
                let exc = match exc {
                    Some(e) => self.expr_any(e)?,
                    None => NO_REG,
                };
                let cause = match cause {
                    Some(c) => self.expr_any(c)?,
                    None => NO_REG,
                };
                self.set_line(srange);
                self.emit(Instr::Raise { exc, cause });
            }
            S::Try(t) => {
                let t = ir.get(t);
                self.try_stmt(t)?
            }
            // `-O`: no assert statements.
            S::Assert { .. } if crate::optimize() > 0 => {}
            S::Assert { test, msg } => {
                // `assert a and b` is `assert a; assert b`: CPython 3.11 places the
                // failure at the test that failed (its exit blocks are duplicated per
                // jump and take the jump's position).
                let tests: Vec<ExprId> = match ir.expr(test).kind {
                    E::BoolOp {
                        op: ast::BoolOp::And,
                        values,
                    } => ir.list(values).to_vec(),
                    _ => vec![test],
                };
                for t in tests {
                    let mark = self.temp_top;
                    let c = self.expr_any(t)?;
                    let j = self.emit(Instr::JumpIfTrue { cond: c, target: 0 });
                    let msg = match msg {
                        Some(m) => self.expr_any(m)?,
                        None => NO_REG,
                    };
                    let at = self.assert_position(t, srange);
                    self.set_line(at);
                    self.emit(Instr::RaiseAssert { msg });
                    self.patch_here(j)?;
                    self.free_to(mark);
                }
            }
            S::With {
                items,
                body,
                is_async,
            } => {
                if is_async {
                    return Err(self.err_unsupported("async with", srange));
                }
                self.with_stmt(ir.list(items), ir.list(body), srange)?
            }
            S::Import(names) => {
                for a in ir.list(names) {
                    let t = self.alloc();
                    let name = ir.name(a.name.name);
                    let n = self.name16(name)?;
                    match &a.asname {
                        Some(asname) => {
                            self.emit(Instr::ImportName {
                                dst: t,
                                name: n,
                                level: 0x8000,
                            });
                            self.store_name(ir.name(asname.name), t);
                        }
                        None => {
                            self.emit(Instr::ImportName {
                                dst: t,
                                name: n,
                                level: 0,
                            });
                            let top = name.split('.').next().unwrap_or("").to_string();
                            self.store_name(&top, t);
                        }
                    }
                }
            }
            S::ImportFrom {
                module,
                names,
                level,
            } => {
                let m = self.alloc();
                let modname = module.map(|m| ir.name(m)).unwrap_or("");
                let n = self.name16(modname)?;
                let level = (level as u16 & 0x7fff) | 0x8000;
                self.emit(Instr::ImportName {
                    dst: m,
                    name: n,
                    level,
                });
                for a in ir.list(names) {
                    let name = ir.name(a.name.name);
                    if name == "*" {
                        self.emit(Instr::ImportStar { module: m });
                        continue;
                    }
                    let t = self.alloc();
                    let an = self.attr_name(name, a.range)?;
                    self.emit(Instr::ImportFrom {
                        dst: t,
                        module: m,
                        name: an,
                    });
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.store_name(ir.name(bound.name), t);
                }
            }
            S::Global(_) | S::Nonlocal(_) => {}
            S::Match { subject, cases } => self.match_stmt(subject, ir.list(cases))?,
            S::TypeAlias => return Err(self.err_unsupported("type alias", srange)),
            S::IpyEscape => return Err(self.syntax("invalid syntax", srange)),
        }
        Ok(())
    }

    /// Expressions whose single result instruction reads all operands before writing,
    /// so they may target a named local directly.
    fn writes_after_reads(&self, e: ExprId) -> bool {
        let ir = self.ir;
        match ir.expr(e).kind {
            E::BinOp { .. }
            | E::UnaryOp { .. }
            | E::Call { .. }
            | E::Attribute { .. }
            | E::Subscript { .. }
            | E::List { .. }
            | E::Dict(_)
            | E::FString(_)
            | E::BadInt => true,
            E::Const { k, .. } => !matches!(ir.konst(k), IrConst::Bytes(_) | IrConst::Ellipsis),
            E::Compare { rest, .. } => rest.len() == 1,
            E::Tuple { elts, .. } => !ir
                .list(elts)
                .iter()
                .any(|&x| matches!(ir.expr(x).kind, E::Starred { .. })),
            _ => false,
        }
    }

    fn cond_jump_false(&mut self, test: ExprId) -> R<usize> {
        let ir = self.ir;
        let node = ir.expr(test);
        if let E::Compare { left, rest } = node.kind {
            if rest.len() == 1 {
                let c = ir.list(rest)[0];
                let a = self.expr_any(left)?;
                let b = if matches!(c.op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                    self.iter_source(c.right)?
                } else {
                    self.expr_any(c.right)?
                };
                self.set_line(node.range);
                return Ok(self.emit(Instr::JumpIfNotCompare {
                    op: cmpop(c.op),
                    a,
                    b,
                    target_rel: 0,
                }));
            }
        }
        if let E::UnaryOp {
            op: ast::UnaryOp::Not,
            operand,
        } = node.kind
        {
            let c = self.expr_any(operand)?;
            return Ok(self.emit(Instr::JumpIfTrue { cond: c, target: 0 }));
        }
        let c = self.expr_any(test)?;
        Ok(self.emit(Instr::JumpIfFalse { cond: c, target: 0 }))
    }

    fn if_stmt(&mut self, test: ExprId, body: List<StmtId>, elifs: List<ir::Elif>) -> R<()> {
        let ir = self.ir;
        let mark = self.temp_top;
        let jf = self.cond_jump_false(test)?;
        self.free_to(mark);
        self.nested_body(ir.list(body))?;
        let mut ends = Vec::new();
        let mut pending = Some(jf);
        for clause in ir.list(elifs) {
            ends.push(self.jump_placeholder());
            if let Some(p) = pending.take() {
                self.patch_here(p)?;
            }
            self.set_line(clause.range);
            if let Some(test) = clause.test {
                let j = self.cond_jump_false(test)?;
                self.free_to(mark);
                pending = Some(j);
            }
            self.nested_body(ir.list(clause.body))?;
        }
        if let Some(p) = pending {
            self.patch_here(p)?;
        }
        for e in ends {
            self.patch_here(e)?;
        }
        Ok(())
    }

    // ---- the match statement ----
    //
    // Each case tests its pattern against the subject register; a failed test jumps
    // to the next case. Value patterns compare with `==`, singletons with `is`;
    // sequence, mapping and class patterns call helpers of the `_lethe` module that
    // return None (no match) or a tuple of the values the sub-patterns match.

    fn match_stmt(&mut self, subject: ExprId, cases: &'a [ir::MatchCase]) -> R<()> {
        let ir = self.ir;
        let mark = self.temp_top;
        let subj = self.alloc();
        self.expr_to(subject, subj)?;
        let case_mark = self.temp_top;
        let mut ends = Vec::new();
        for case in cases {
            self.enter_nested();
            self.set_line(ir.pat(case.pattern).range);
            let mut fails = Vec::new();
            // Registers for the captures, bound after the whole pattern matched.
            let mut names = Vec::new();
            self.pattern_names(case.pattern, &mut names);
            self.captures = names.into_iter().map(|n| (n, self.alloc())).collect();
            self.pattern(case.pattern, subj, &mut fails)?;
            for (n, r) in std::mem::take(&mut self.captures) {
                self.store_name(&n, r);
            }
            self.free_to(case_mark);
            if let Some(g) = case.guard {
                self.set_line(self.range(g));
                let j = self.cond_jump_false(g)?;
                fails.push(j);
                self.free_to(case_mark);
            }
            self.body(ir.list(case.body))?;
            self.leave_nested();
            self.free_to(case_mark);
            ends.push(self.jump_placeholder());
            for f in fails {
                self.patch_here(f)?;
            }
        }
        for e in ends {
            self.patch_here(e)?;
        }
        self.free_to(mark);
        Ok(())
    }

    /// Jump (to be patched to the next case) when `reg` is None.
    fn fail_if_none(&mut self, reg: Reg, fails: &mut Vec<usize>) {
        let j = self.jump_if_none(reg);
        fails.push(j);
    }

    /// A jump (to be patched) taken when `reg` is None.
    fn jump_if_none(&mut self, reg: Reg) -> usize {
        let none = self.alloc();
        self.load_const(Const::None, none);
        self.emit(Instr::JumpIfNotCompare {
            op: CmpOp::IsNot,
            a: reg,
            b: none,
            target_rel: 0,
        })
    }

    /// dst = _lethe.<helper>(args...) with the arguments already in place after the
    /// function register: returns the function register (args go in func+1..).
    fn match_helper(&mut self, helper: &str) -> R<Reg> {
        let m = self.alloc();
        let n = self.name16("_lethe")?;
        self.emit(Instr::ImportName {
            dst: m,
            name: n,
            level: 0x8000,
        });
        let f = self.alloc();
        let hn = self.name16(helper)?;
        self.emit(Instr::ImportFrom {
            dst: f,
            module: m,
            name: hn,
        });
        Ok(f)
    }

    /// The names a pattern captures, in order of first appearance (an or-pattern's
    /// alternatives all capture the same names).
    fn pattern_names(&self, p: PatId, out: &mut Vec<String>) {
        use PatKind as P;
        let ir = self.ir;
        let add = |n: &str, out: &mut Vec<String>| {
            if !out.iter().any(|o| o == n) {
                out.push(n.to_string());
            }
        };
        match ir.pat(p).kind {
            P::Value(_) | P::Singleton(_) => {}
            P::Sequence(ps) => {
                for &q in ir.list(ps) {
                    self.pattern_names(q, out);
                }
            }
            P::Mapping { patterns, rest, .. } => {
                for &q in ir.list(patterns) {
                    self.pattern_names(q, out);
                }
                if let Some(r) = &rest {
                    add(ir.name(r.name), out);
                }
            }
            P::Class {
                patterns, keywords, ..
            } => {
                for &q in ir.list(patterns) {
                    self.pattern_names(q, out);
                }
                for k in ir.list(keywords) {
                    self.pattern_names(k.pattern, out);
                }
            }
            P::Star(name) => {
                if let Some(n) = &name {
                    add(ir.name(n.name), out);
                }
            }
            P::As { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern_names(q, out);
                }
                if let Some(n) = &name {
                    add(ir.name(n.name), out);
                }
            }
            P::Or(ps) => {
                for &q in ir.list(ps) {
                    self.pattern_names(q, out);
                }
            }
        }
    }

    /// A pattern captured `src` under `name`: into the name's reserved register when
    /// the case's captures are deferred, else bound now.
    fn capture(&mut self, name: &str, src: Reg) {
        match self
            .captures
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, r)| r)
        {
            Some(r) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
            }
            None => self.store_name(name, src),
        }
    }

    fn pattern(&mut self, p: PatId, subj: Reg, fails: &mut Vec<usize>) -> R<()> {
        use PatKind as P;
        let ir = self.ir;
        let prange = ir.pat(p).range;
        match ir.pat(p).kind {
            P::Value(v) => {
                let b = self.expr_any(v)?;
                let j = self.emit(Instr::JumpIfNotCompare {
                    op: CmpOp::Eq,
                    a: subj,
                    b,
                    target_rel: 0,
                });
                fails.push(j);
            }
            P::Singleton(s) => {
                let c = match s {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::True,
                    ast::Singleton::False => Const::False,
                };
                let b = self.alloc();
                self.load_const(c, b);
                let j = self.emit(Instr::JumpIfNotCompare {
                    op: CmpOp::Is,
                    a: subj,
                    b,
                    target_rel: 0,
                });
                fails.push(j);
            }
            P::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner, subj, fails)?;
                }
                if let Some(n) = &name {
                    self.capture(ir.name(n.name), subj);
                }
            }
            P::Or(patterns) => {
                let mut oks = Vec::new();
                let last = patterns.len().saturating_sub(1);
                for (i, &alt) in ir.list(patterns).iter().enumerate() {
                    let mark = self.temp_top;
                    if i == last {
                        self.pattern(alt, subj, fails)?;
                    } else {
                        let mut alt_fails = Vec::new();
                        self.pattern(alt, subj, &mut alt_fails)?;
                        oks.push(self.jump_placeholder());
                        for f in alt_fails {
                            self.patch_here(f)?;
                        }
                    }
                    self.free_to(mark);
                }
                for j in oks {
                    self.patch_here(j)?;
                }
            }
            P::Star(_) => {
                return Err(self.syntax("can't use starred name here", prange));
            }
            P::Sequence(patterns) => {
                let patterns = ir.list(patterns);
                let star = patterns
                    .iter()
                    .position(|&x| matches!(ir.pat(x).kind, P::Star(_)));
                let n = patterns.len();
                let (before, after) = match star {
                    Some(i) => (i, n - i - 1),
                    None => (n, 0),
                };
                let f = self.match_helper("match_sequence")?;
                let args = self.alloc_n(4);
                self.emit(Instr::Move {
                    dst: args,
                    src: subj,
                });
                self.load_const(Const::Int(before as i64), args + 1);
                self.load_const(Const::Int(after as i64), args + 2);
                self.load_const(
                    if star.is_some() {
                        Const::True
                    } else {
                        Const::False
                    },
                    args + 3,
                );
                self.emit(Instr::Call {
                    dst: f,
                    func: f,
                    argc: 4,
                });
                self.fail_if_none(f, fails);
                if n > 0 {
                    let count = u16::try_from(n)
                        .map_err(|_| self.err_unsupported("a pattern this long", prange))?;
                    let items = self.alloc_n(count);
                    self.emit(Instr::UnpackSeq {
                        dst: items,
                        src: f,
                        count,
                    });
                    for (i, &sub) in patterns.iter().enumerate() {
                        let r = items + i as u16;
                        match ir.pat(sub).kind {
                            P::Star(name) => {
                                if let Some(nm) = &name {
                                    self.capture(ir.name(nm.name), r);
                                }
                            }
                            _ => self.pattern(sub, r, fails)?,
                        }
                    }
                }
            }
            P::Mapping {
                keys,
                patterns,
                rest,
            } => {
                let f = self.match_helper("match_mapping")?;
                let args = self.alloc_n(3);
                self.emit(Instr::Move {
                    dst: args,
                    src: subj,
                });
                let nk = u16::try_from(keys.len())
                    .map_err(|_| self.err_unsupported("a pattern this long", prange))?;
                let key_list = ir.list(keys);
                let keys = self.alloc_n(nk.max(1));
                for (i, &k) in key_list.iter().enumerate() {
                    self.expr_to(k, keys + i as u16)?;
                }
                self.emit(Instr::BuildTuple {
                    dst: args + 1,
                    start: keys,
                    count: nk,
                });
                self.load_const(
                    if rest.is_some() {
                        Const::True
                    } else {
                        Const::False
                    },
                    args + 2,
                );
                self.emit(Instr::Call {
                    dst: f,
                    func: f,
                    argc: 3,
                });
                self.fail_if_none(f, fails);
                let total = nk + rest.is_some() as u16;
                if total > 0 {
                    let items = self.alloc_n(total);
                    self.emit(Instr::UnpackSeq {
                        dst: items,
                        src: f,
                        count: total,
                    });
                    for (i, &sub) in ir.list(patterns).iter().enumerate() {
                        self.pattern(sub, items + i as u16, fails)?;
                    }
                    if let Some(r) = &rest {
                        self.capture(ir.name(r.name), items + nk);
                    }
                }
            }
            P::Class {
                cls,
                patterns,
                keywords,
            } => {
                let f = self.match_helper("match_class")?;
                let args = self.alloc_n(4);
                self.emit(Instr::Move {
                    dst: args,
                    src: subj,
                });
                self.expr_to(cls, args + 1)?;
                let npos = patterns.len();
                self.load_const(Const::Int(npos as i64), args + 2);
                let nkw = u16::try_from(keywords.len())
                    .map_err(|_| self.err_unsupported("a pattern this long", prange))?;
                let names = self.alloc_n(nkw.max(1));
                for (i, k) in ir.list(keywords).iter().enumerate() {
                    let kc = self.str_const(ir.name(k.attr.name));
                    self.emit(Instr::LoadConst {
                        dst: names + i as u16,
                        k: kc,
                    });
                }
                self.emit(Instr::BuildTuple {
                    dst: args + 3,
                    start: names,
                    count: nkw,
                });
                self.emit(Instr::Call {
                    dst: f,
                    func: f,
                    argc: 4,
                });
                self.fail_if_none(f, fails);
                let total = npos as u16 + nkw;
                if total > 0 {
                    let items = self.alloc_n(total);
                    self.emit(Instr::UnpackSeq {
                        dst: items,
                        src: f,
                        count: total,
                    });
                    let subs = ir
                        .list(patterns)
                        .iter()
                        .copied()
                        .chain(ir.list(keywords).iter().map(|k| k.pattern));
                    for (i, sub) in subs.enumerate() {
                        self.pattern(sub, items + i as u16, fails)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn while_stmt(
        &mut self,
        test: ExprId,
        body: List<StmtId>,
        orelse: List<StmtId>,
        srange: Range,
    ) -> R<()> {
        let ir = self.ir;
        let top = self.pc();
        let mark = self.temp_top;
        let always = match ir.expr(test).kind {
            E::Const { k, .. } => match ir.konst(k) {
                IrConst::True => true,
                IrConst::Int(i) => *i != 0,
                IrConst::BigInt(_) => true,
                _ => false,
            },
            _ => false,
        };
        let jf = if always {
            None
        } else {
            Some(self.cond_jump_false(test)?)
        };
        self.free_to(mark);
        self.blocks.push(Block::Loop {
            continue_to: top,
            breaks: Vec::new(),
        });
        self.nested_body(ir.list(body))?;
        self.set_line(srange);
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else {
            return Ok(());
        };
        if let Some(j) = jf {
            self.patch_here(j)?;
        }
        self.nested_body(ir.list(orelse))?;
        for b in breaks {
            self.patch_here(b)?;
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: ExprId,
        iter: ExprId,
        body: List<StmtId>,
        orelse: List<StmtId>,
        srange: Range,
    ) -> R<()> {
        let ir = self.ir;
        // `for … in range(a[, b[, c]])`: a counted loop when `range` is the
        // built-in at run time (RangeIter/ForRange), an iterator otherwise.
        let range_call = match ir.expr(iter).kind {
            E::Call { func, args } => {
                let a = ir.get(args);
                let pos = ir.list(a.args);
                let named_range =
                    matches!(ir.expr(func).kind, E::Name { id, .. } if ir.name(id) == "range");
                (named_range
                    && ir.list(a.keywords).is_empty()
                    && (1..=3).contains(&pos.len())
                    && !pos
                        .iter()
                        .any(|&p| matches!(ir.expr(p).kind, E::Starred { .. })))
                .then_some((func, pos))
            }
            _ => None,
        };
        let (it, item, fi, top);
        if let Some((func, pos)) = range_call {
            it = self.alloc_n(4);
            item = it + 3;
            let f = self.alloc();
            self.expr_to(func, f)?;
            let a = self.alloc_n(pos.len() as u16);
            for (i, &p) in pos.iter().enumerate() {
                self.expr_to(p, a + i as u16)?;
            }
            self.set_line(self.range(iter));
            self.emit(Instr::RangeIter {
                base: it,
                func: f,
                argc: pos.len() as u16,
            });
            self.free_to(item + 1);
            top = self.pc();
            fi = self.emit(Instr::ForRange {
                base: it,
                target: 0,
            });
        } else {
            it = self.alloc();
            item = self.alloc();
            let src = self.iter_source(iter)?;
            self.set_line(srange);
            self.emit(Instr::GetIter { dst: it, src });
            self.free_to(item + 1);
            top = self.pc();
            fi = self.emit(Instr::ForIter {
                iter: it,
                target: 0,
            });
        }
        self.blocks.push(Block::Loop {
            continue_to: top,
            breaks: Vec::new(),
        });
        self.enter_nested();
        self.assign(target, item)?;
        let r = self.body(ir.list(body));
        self.leave_nested();
        r?;
        self.set_line(srange);
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else {
            return Ok(());
        };
        self.patch_here(fi)?;
        self.emit(Instr::Clear { reg: it });
        self.nested_body(ir.list(orelse))?;
        if !breaks.is_empty() {
            let skip = self.jump_placeholder();
            for b in breaks {
                self.patch_here(b)?;
            }
            self.emit(Instr::Clear { reg: it });
            self.patch_here(skip)?;
        }
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a ir::Try) -> R<()> {
        let ir = self.ir;
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        // try/finally around (try/except/else if any).
        let e = self.alloc();
        let region = self.open_region(e);
        self.blocks.push(Block::Finally {
            region,
            body: ir.list(t.finalbody),
        });
        if t.handlers.is_empty() {
            self.nested_body(ir.list(t.body))?;
            self.nested_body(ir.list(t.orelse))?;
        } else {
            self.try_except(t)?;
        }
        self.blocks.pop();
        self.close_region(region);
        self.nested_body(ir.list(t.finalbody))?;
        let j = self.jump_placeholder();
        self.finish_region(region);
        // Exceptional path: the exception is being handled while `finally` runs (so
        // an exception raised there gets it as __context__).
        self.emit(Instr::PushExcInfo { reg: e });
        self.exc_depth += 1;
        self.nested_body(ir.list(t.finalbody))?;
        self.exc_depth -= 1;
        self.emit(Instr::PopExcInfo);
        self.emit(Instr::Reraise { reg: e });
        self.patch_here(j)?;
        Ok(())
    }

    /// `try` with `except*` clauses (PEP 654). The raised exception (`orig`) is
    /// handled while the clauses run; each clause takes from what is left of it the
    /// subgroup of its type(s) (`_lethe.star_match`, which wraps a naked exception in
    /// an `ExceptionGroup("", [exc])`) and runs its handler with that subgroup being
    /// handled; an exception a handler raises is collected. At the end,
    /// `_lethe.prep_reraise_star` combines the collected exceptions and what no clause
    /// matched as CPython's `_PyExc_PrepReraiseStar` does, and the result (if any) is
    /// re-raised without a new traceback entry.
    /// The body and `else` of a `try` with handlers, then the start of the handlers:
    /// (the register holding the exception, the jumps to the end to patch, the
    /// handlers' own region's register and region).
    fn try_prologue(&mut self, t: &'a ir::Try) -> R<(Reg, Vec<usize>, Reg, usize)> {
        let ir = self.ir;
        let e = self.alloc();
        let region = self.open_region(e);
        self.blocks.push(Block::Try { region });
        self.nested_body(ir.list(t.body))?;
        self.blocks.pop();
        self.close_region(region);
        self.nested_body(ir.list(t.orelse))?;
        let ends = vec![self.jump_placeholder()];
        self.finish_region(region);
        self.emit(Instr::PushExcInfo { reg: e });
        self.exc_depth += 1;
        let e2 = self.alloc();
        let cleanup = self.open_region(e2);
        Ok((e, ends, e2, cleanup))
    }

    fn try_star(&mut self, t: &'a ir::Try) -> R<()> {
        let ir = self.ir;
        let (e, mut ends, e2, cleanup) = self.try_prologue(t)?;
        let rest = self.alloc();
        self.emit(Instr::Move { dst: rest, src: e });
        let raised = self.alloc();
        self.emit(Instr::BuildList {
            dst: raised,
            start: raised,
            count: 0,
        });
        for h in ir.list(t.handlers) {
            self.set_line(h.range);
            let Some(ty) = h.type_ else {
                return Err(self.syntax("expected one or more exception types", h.range));
            };
            let mark = self.temp_top;
            let f = self.match_helper("star_match")?;
            let args = self.alloc_n(2);
            self.emit(Instr::Move {
                dst: args,
                src: rest,
            });
            self.expr_to(ty, args + 1)?;
            self.set_line(h.range);
            self.emit(Instr::Call {
                dst: f,
                func: f,
                argc: 2,
            });
            let m = self.alloc_n(2);
            self.emit(Instr::UnpackSeq {
                dst: m,
                src: f,
                count: 2,
            });
            self.emit(Instr::Move {
                dst: rest,
                src: m + 1,
            });
            let skip = self.jump_if_none(m);
            // The handler, with the matched subgroup being handled.
            self.emit(Instr::PushExcInfo { reg: m });
            self.exc_depth += 1;
            let e3 = self.alloc();
            let hregion = self.open_region(e3);
            if let Some(n) = &h.name {
                self.store_name(ir.name(n.name), m);
            }
            self.nested_body(ir.list(h.body))?;
            if let Some(n) = &h.name {
                self.delete_name_quiet(ir.name(n.name));
            }
            self.emit(Instr::PopExcInfo);
            self.exc_depth -= 1;
            let done = self.jump_placeholder();
            // It raised: collect the exception.
            self.finish_region(hregion);
            self.emit(Instr::PopExcInfo);
            if let Some(n) = &h.name {
                self.delete_name_quiet(ir.name(n.name));
            }
            self.emit(Instr::ListAppend {
                list: raised,
                src: e3,
            });
            self.patch_here(done)?;
            self.patch_here(skip)?;
            self.free_to(mark);
        }
        let f = self.match_helper("prep_reraise_star")?;
        let args = self.alloc_n(3);
        for (i, src) in [e, raised, rest].into_iter().enumerate() {
            self.emit(Instr::Move {
                dst: args + i as u16,
                src,
            });
        }
        self.emit(Instr::Call {
            dst: f,
            func: f,
            argc: 3,
        });
        let nothing = self.jump_if_none(f);
        self.emit(Instr::Reraise { reg: f });
        self.patch_here(nothing)?;
        self.emit(Instr::PopExcInfo);
        ends.push(self.jump_placeholder());
        self.exc_depth -= 1;
        self.finish_region(cleanup);
        self.emit(Instr::Reraise { reg: e2 });
        for j in ends {
            self.patch_here(j)?;
        }
        Ok(())
    }

    fn try_except(&mut self, t: &'a ir::Try) -> R<()> {
        let ir = self.ir;
        if t.is_star {
            return self.try_star(t);
        }
        // Handler: the exception is in `e`.
        let (e, mut ends, e2, cleanup) = self.try_prologue(t)?;
        let nh = t.handlers.len();
        for (idx, h) in ir.list(t.handlers).iter().enumerate() {
            self.set_line(h.range);
            let mut next = None;
            if let Some(ty) = h.type_ {
                let mark = self.temp_top;
                let c = self.expr_any(ty)?;
                let m = self.alloc();
                self.emit(Instr::ExcMatch {
                    dst: m,
                    exc: e,
                    cls: c,
                });
                next = Some(self.emit(Instr::JumpIfFalse { cond: m, target: 0 }));
                self.free_to(mark);
            } else if idx + 1 != nh {
                return Err(self.syntax("default 'except:' must be last", h.range));
            }
            if let Some(n) = &h.name {
                self.store_name(ir.name(n.name), e);
            }
            self.blocks.push(Block::Handler { region: cleanup });
            self.nested_body(ir.list(h.body))?;
            self.blocks.pop();
            if let Some(n) = &h.name {
                self.delete_name_quiet(ir.name(n.name));
            }
            self.emit(Instr::PopExcInfo);
            ends.push(self.jump_placeholder());
            if let Some(j) = next {
                self.patch_here(j)?;
            }
        }
        // No clause matched: re-raise (through the cleanup handler).
        self.emit(Instr::Reraise { reg: e });
        self.exc_depth -= 1;
        self.finish_region(cleanup);
        self.emit(Instr::Reraise { reg: e2 });
        for j in ends {
            self.patch_here(j)?;
        }
        Ok(())
    }

    /// `except E as name` unbinds name at the end of the handler.
    fn delete_name_quiet(&mut self, name: &str) {
        match self.loc(name) {
            Loc::Local(r) => {
                self.emit(Instr::Clear { reg: r });
            }
            _ => {
                let t = self.alloc();
                self.load_const(Const::None, t);
                self.store_name(name, t);
                self.delete_name(name);
            }
        }
    }

    fn with_stmt(&mut self, items: &'a [ir::WithItem], body: &'a [StmtId], srange: Range) -> R<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.nested_body(body);
        };
        let exit = self.alloc();
        let val = self.alloc();
        let mgr = self.expr_any(first.context)?;
        self.set_line(srange);
        self.emit(Instr::WithEnter {
            dst: val,
            mgr,
            exit,
        });
        if let Some(v) = first.vars {
            self.assign(v, val)?;
        }
        let e = self.alloc();
        let region = self.open_region(e);
        self.blocks.push(Block::With {
            region,
            exit,
            range: srange,
        });
        if rest.is_empty() {
            self.nested_body(body)?;
        } else {
            self.with_stmt(rest, body, srange)?;
        }
        self.blocks.pop();
        self.close_region(region);
        let t = self.alloc();
        self.emit(Instr::Clear { reg: e });
        // `__exit__` is called at the `with` statement.
        self.set_line(srange);
        self.emit(Instr::WithExit {
            dst: t,
            exit,
            exc: e,
        });
        let end = self.jump_placeholder();
        self.finish_region(region);
        self.emit(Instr::PushExcInfo { reg: e });
        self.exc_depth += 1;
        let e2 = self.alloc();
        let cleanup = self.open_region(e2);
        self.set_line(srange);
        self.emit(Instr::WithExit {
            dst: t,
            exit,
            exc: e,
        });
        let sup = self.emit(Instr::JumpIfTrue { cond: t, target: 0 });
        self.emit(Instr::Reraise { reg: e });
        self.exc_depth -= 1;
        self.finish_region(cleanup);
        self.emit(Instr::Reraise { reg: e2 });
        self.patch_here(sup)?;
        self.emit(Instr::PopExcInfo);
        self.patch_here(end)?;
        self.emit(Instr::Clear { reg: exit });
        Ok(())
    }

    fn aug_assign(
        &mut self,
        target: ExprId,
        op: ast::Operator,
        value: ExprId,
        srange: Range,
    ) -> R<()> {
        let ir = self.ir;
        let op = binop(op);
        let tnode = ir.expr(target);
        match tnode.kind {
            E::Name { id, .. } => {
                let n = ir.name(id);
                // A bound local is its own left operand (no copy), unless evaluating
                // the right side could rebind it (`x += (x := 5)` adds the old x).
                let cur = match self.local_in_place(target) {
                    Some(r) if self.cannot_rebind(value) => r,
                    _ => {
                        let cur = self.alloc();
                        self.set_line(tnode.range);
                        self.load_name(n, cur)?;
                        cur
                    }
                };
                let v = self.expr_any(value)?;
                self.set_line(srange);
                let dst = match self.loc(n) {
                    Loc::Local(r) => r,
                    _ => cur,
                };
                self.emit(Instr::InplaceBinary {
                    op,
                    dst,
                    a: cur,
                    b: v,
                });
                self.store_name(n, dst);
            }
            E::Attribute {
                value: obj, attr, ..
            } => {
                let o = self.expr_any(obj)?;
                let name = self.attr_name(ir.name(attr), tnode.range)?;
                let cur = self.alloc();
                self.set_line(tnode.range);
                self.emit(Instr::GetAttr {
                    dst: cur,
                    obj: o,
                    name,
                });
                let v = self.expr_any(value)?;
                self.set_line(srange);
                self.emit(Instr::InplaceBinary {
                    op,
                    dst: cur,
                    a: cur,
                    b: v,
                });
                self.set_line(tnode.range);
                self.emit(Instr::SetAttr {
                    obj: o,
                    name,
                    src: cur,
                });
            }
            E::Subscript {
                value: obj, slice, ..
            } => {
                let o = self.expr_any(obj)?;
                let k = self.expr_any(slice)?;
                let cur = self.alloc();
                self.set_line(tnode.range);
                self.emit(Instr::GetItem {
                    dst: cur,
                    obj: o,
                    key: k,
                });
                let v = self.expr_any(value)?;
                self.set_line(srange);
                self.emit(Instr::InplaceBinary {
                    op,
                    dst: cur,
                    a: cur,
                    b: v,
                });
                self.set_line(tnode.range);
                self.emit(Instr::SetItem {
                    obj: o,
                    key: k,
                    src: cur,
                });
            }
            _ => {
                return Err(self.syntax(
                    "'expression' is an illegal expression for augmented assignment",
                    tnode.range,
                ))
            }
        }
        Ok(())
    }

    fn assign(&mut self, target: ExprId, src: Reg) -> R<()> {
        let ir = self.ir;
        let tnode = ir.expr(target);
        match tnode.kind {
            E::Name { id, .. } => {
                self.store_name(ir.name(id), src);
            }
            E::Attribute { value, attr, .. } => {
                let mark = self.temp_top;
                let o = self.expr_any(value)?;
                let name = self.attr_name(ir.name(attr), tnode.range)?;
                self.set_line(tnode.range);
                self.emit(Instr::SetAttr { obj: o, name, src });
                self.free_to(mark);
            }
            E::Subscript { value, slice, .. } => {
                let mark = self.temp_top;
                let o = self.expr_any(value)?;
                let k = self.expr_any(slice)?;
                self.set_line(tnode.range);
                self.emit(Instr::SetItem {
                    obj: o,
                    key: k,
                    src,
                });
                self.free_to(mark);
            }
            E::Tuple { elts, .. } | E::List { elts, .. } => {
                let elts = ir.list(elts);
                let is_star = |e: &ExprId| matches!(ir.expr(*e).kind, E::Starred { .. });
                let mark = self.temp_top;
                let star = elts.iter().position(is_star);
                let n = elts.len() as u16;
                let base = self.alloc_n(n);
                self.set_line(tnode.range);
                match star {
                    None => {
                        self.emit(Instr::UnpackSeq {
                            dst: base,
                            src,
                            count: n,
                        });
                    }
                    Some(si) => {
                        if elts.iter().filter(|e| is_star(e)).count() > 1 {
                            return Err(self.syntax(
                                "multiple starred expressions in assignment",
                                tnode.range,
                            ));
                        }
                        let before = u8::try_from(si)
                            .map_err(|_| self.err_unsupported("too many targets", tnode.range))?;
                        let after = u8::try_from(elts.len() - si - 1)
                            .map_err(|_| self.err_unsupported("too many targets", tnode.range))?;
                        self.emit(Instr::UnpackEx {
                            dst: base,
                            src,
                            before,
                            after,
                        });
                    }
                }
                for (i, &e) in elts.iter().enumerate() {
                    let e = match ir.expr(e).kind {
                        E::Starred { value, .. } => value,
                        _ => e,
                    };
                    self.assign(e, base + i as u16)?;
                }
                self.free_to(mark);
            }
            E::Starred { .. } => {
                return Err(self.syntax(
                    "starred assignment target must be in a list or tuple",
                    tnode.range,
                ))
            }
            _ => {
                return Err(self.syntax("cannot assign to expression", tnode.range));
            }
        }
        Ok(())
    }

    fn delete(&mut self, target: ExprId) -> R<()> {
        let ir = self.ir;
        let tnode = ir.expr(target);
        let mark = self.temp_top;
        match tnode.kind {
            E::Name { id, .. } => {
                self.set_line(tnode.range);
                self.delete_name(ir.name(id))
            }
            E::Attribute { value, attr, .. } => {
                let o = self.expr_any(value)?;
                let name = self.attr_name(ir.name(attr), tnode.range)?;
                self.set_line(tnode.range);
                self.emit(Instr::DelAttr { obj: o, name });
            }
            E::Subscript { value, slice, .. } => {
                let o = self.expr_any(value)?;
                let k = self.expr_any(slice)?;
                self.set_line(tnode.range);
                self.emit(Instr::DelItem { obj: o, key: k });
            }
            E::Tuple { elts, .. } | E::List { elts, .. } => {
                for &e in ir.list(elts) {
                    self.delete(e)?;
                }
            }
            _ => return Err(self.syntax("cannot delete expression", tnode.range)),
        }
        self.free_to(mark);
        Ok(())
    }

    // ---- functions and classes ----

    fn qualname_of(&self, name: &str) -> Rc<str> {
        match self.kind {
            ScopeKind::Module => Rc::from(name),
            ScopeKind::Class => Rc::from(format!("{}.{}", self.qualname, name)),
            _ => Rc::from(format!("{}.<locals>.{}", self.qualname, name)),
        }
    }

    /// Build the closure tuple for child scope `child` into a fresh register (or
    /// leave it unbound when the child has no free variables).
    fn closure_for(&mut self, child: usize, dst: Reg) -> R<()> {
        let frees: Vec<String> = self.table.scopes[child].frees.iter().cloned().collect();
        if frees.is_empty() {
            self.emit(Instr::Clear { reg: dst });
            return Ok(());
        }
        let mark = self.temp_top;
        let base = self.alloc_n(frees.len() as u16);
        for (i, f) in frees.iter().enumerate() {
            let r = if f == "__class__" && self.class_cell.is_some() {
                self.class_cell.unwrap_or(0)
            } else {
                match self.locs.get(f.as_str()) {
                    Some(Loc::Cell(r)) | Some(Loc::Free(r)) | Some(Loc::ClassFree(r)) => *r,
                    _ => {
                        return Err(self.source.unsupported(
                            &format!("closure over '{f}' in this position"),
                            self.table.scopes[child].range.start,
                        ))
                    }
                }
            };
            self.emit(Instr::Move {
                dst: base + i as u16,
                src: r,
            });
        }
        self.emit(Instr::BuildTuple {
            dst,
            start: base,
            count: frees.len() as u16,
        });
        self.free_to(mark);
        Ok(())
    }

    /// Evaluate defaults into start (tuple) and start+1 (kw dict).
    fn defaults(&mut self, p: Option<ir::Idx<ir::Params>>, start: Reg) -> R<()> {
        let ir = self.ir;
        let Some(p) = p else {
            self.emit(Instr::Clear { reg: start });
            self.emit(Instr::Clear { reg: start + 1 });
            return Ok(());
        };
        let p = ir.get(p);
        let all = ir.list(p.all);
        let npos = (p.n_posonly + p.n_args) as usize;
        let nkw = p.n_kwonly as usize;
        let pos: Vec<ExprId> = all[..npos].iter().filter_map(|a| a.default).collect();
        let mark = self.temp_top;
        if pos.is_empty() {
            self.emit(Instr::Clear { reg: start });
        } else {
            let base = self.alloc_n(pos.len() as u16);
            for (i, &d) in pos.iter().enumerate() {
                self.expr_to(d, base + i as u16)?;
            }
            self.emit(Instr::BuildTuple {
                dst: start,
                start: base,
                count: pos.len() as u16,
            });
            self.free_to(mark);
        }
        let kw: Vec<(&str, ExprId)> = all[npos..npos + nkw]
            .iter()
            .filter_map(|a| a.default.map(|d| (ir.name(a.name.name), d)))
            .collect();
        if kw.is_empty() {
            self.emit(Instr::Clear { reg: start + 1 });
        } else {
            let base = self.alloc_n(2 * kw.len() as u16);
            for (i, &(n, d)) in kw.iter().enumerate() {
                let k = self.str_const(n);
                self.emit(Instr::LoadConst {
                    dst: base + 2 * i as u16,
                    k,
                });
                self.expr_to(d, base + 2 * i as u16 + 1)?;
            }
            self.emit(Instr::BuildDict {
                dst: start + 1,
                start: base,
                count: kw.len() as u16,
            });
            self.free_to(mark);
        }
        Ok(())
    }

    /// An annotation's value: evaluated, or its source text under
    /// `from __future__ import annotations`.
    fn annotation_to(&mut self, e: ExprId, dst: Reg) -> R<()> {
        if self.source.future_annotations() {
            let r = self.range(e);
            let text = self.source.slice(r.start, r.end).to_string();
            let k = self.str_const(&text);
            self.emit(Instr::LoadConst { dst, k });
            return Ok(());
        }
        self.expr_to(e, dst)
    }

    /// `f.__annotations__` of a `def`: a dict register (parameters in order, then
    /// `return`), or None when nothing is annotated.
    fn function_annotations(&mut self, f: &'a ir::FuncDef, srange: Range) -> R<Option<Reg>> {
        let ir = self.ir;
        let p = ir.get(f.params);
        let all = ir.list(p.all);
        let npos = (p.n_posonly + p.n_args) as usize;
        let nkw = p.n_kwonly as usize;
        let mut rest = all[npos + nkw..].iter();
        let vararg = if p.vararg { rest.next() } else { None };
        let kwarg = if p.kwarg { rest.next() } else { None };
        let mut items: Vec<(&str, ExprId)> = Vec::new();
        let mut add = |a: &ir::Param| {
            if let Some(ann) = a.annotation {
                items.push((ir.name(a.name.name), ann));
            }
        };
        all[..npos].iter().for_each(&mut add);
        vararg.into_iter().for_each(&mut add);
        all[npos..npos + nkw].iter().for_each(&mut add);
        kwarg.into_iter().for_each(&mut add);
        if let Some(r) = f.returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(None);
        }
        let n = u16::try_from(items.len())
            .map_err(|_| self.err_unsupported("too many annotations", srange))?;
        let dict = self.alloc();
        let start = self.alloc_n(2 * n);
        for (i, (name, e)) in items.into_iter().enumerate() {
            let key = start + 2 * i as u16;
            let name = self.mangle(name);
            let kc = self.str_const(&name);
            self.emit(Instr::LoadConst { dst: key, k: kc });
            self.annotation_to(e, key + 1)?;
        }
        self.emit(Instr::BuildDict {
            dst: dict,
            start,
            count: n,
        });
        Ok(Some(dict))
    }

    fn function_def(&mut self, f: &'a ir::FuncDef, srange: Range) -> R<()> {
        let ir = self.ir;
        if f.is_async {
            return Err(self.err_unsupported("async def", srange));
        }
        if f.type_params {
            return Err(self.err_unsupported("type parameters", srange));
        }
        let decorators = ir.list(f.decorators);
        let mark = self.temp_top;
        let decos = self.alloc_n(decorators.len() as u16);
        for (i, d) in decorators.iter().enumerate() {
            self.expr_to(d.expr, decos + i as u16)?;
        }
        let child = self
            .table
            .get_span(srange.start, srange.end)
            .ok_or_else(|| self.err_unsupported("function without scope", srange))?;
        let start = self.alloc_n(3);
        self.defaults(Some(f.params), start)?;
        let annotations = self.function_annotations(f, srange)?;
        self.closure_for(child, start + 2)?;
        let info = &self.table.scopes[child];
        let mangle_class = if self.kind == ScopeKind::Class {
            Some(Rc::from(self.table.scopes[self.scope].name.as_str()))
        } else {
            self.mangle_class.clone()
        };
        let def_line = self.source.line_of(
            decorators
                .last()
                .map(|d| d.range.end)
                .unwrap_or(srange.start),
        );
        let fname = ir.name(f.name.name);
        let stub = FunctionStub {
            name: Rc::from(fname),
            qualname: self.qualname_of(fname),
            source: self.source.clone(),
            start: srange.start,
            end: srange.end,
            first_line: def_line.max(self.source.line_of(f.name.range.start)),
            summary: ScopeSummary {
                freevars: info.frees.iter().map(|s| Rc::from(s.as_str())).collect(),
                mangle_class,
            },
            params: params_of(ir, Some(f.params)),
            doc: ir
                .docstring(f.body)
                .filter(|_| crate::optimize() < 2)
                .map(Rc::from),
            eager: None,
        };
        let k = self.konst16(Const::Function(Rc::new(stub)))?;
        let fr = self.alloc();
        self.set_line(f.name.range);
        self.emit(Instr::MakeFunction { dst: fr, k, start });
        if let Some(d) = annotations {
            let n = self.name16("__annotations__")?;
            self.emit(Instr::SetAttr {
                obj: fr,
                name: n,
                src: d,
            });
        }
        for i in (0..decorators.len() as u16).rev() {
            let d = decos + i;
            let a = self.alloc();
            let call = self.alloc();
            self.set_line(self.range(decorators[i as usize].expr));
            self.emit(Instr::Move { dst: a, src: d });
            self.emit(Instr::Move { dst: call, src: fr });
            self.emit(Instr::Call {
                dst: fr,
                func: a,
                argc: 1,
            });
            self.free_to(a);
        }
        self.store_name(fname, fr);
        self.free_to(mark);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ir::ClassDef, srange: Range) -> R<()> {
        let ir = self.ir;
        if c.type_params {
            return Err(self.err_unsupported("type parameters", srange));
        }
        let cname = ir.name(c.name.name);
        let decorators = ir.list(c.decorators);
        let mark = self.temp_top;
        let decos = self.alloc_n(decorators.len() as u16);
        for (i, d) in decorators.iter().enumerate() {
            self.expr_to(d.expr, decos + i as u16)?;
        }
        let child = self
            .table
            .get_span(srange.start, srange.end)
            .ok_or_else(|| self.err_unsupported("class without scope", srange))?;
        let qual = self.qualname_of(cname);
        let code = {
            let mut g = FnGen::new(
                self.source,
                ir,
                self.table,
                child,
                qual.clone(),
                Some(Rc::from(cname)),
                self.source.line_of(srange.start),
            );
            g.set_line(srange);
            let t = g.alloc();
            let n = g.name("__name__");
            g.emit(Instr::LoadGlobal { dst: t, name: n });
            let m = g.name("__module__");
            g.emit(Instr::StoreName { src: t, name: m });
            g.load_const(Const::Str(qual.clone()), t);
            let q = g.name("__qualname__");
            g.emit(Instr::StoreName { src: t, name: q });
            if let Some(doc) = ir.docstring(c.body).filter(|_| crate::optimize() < 2) {
                g.load_const(Const::Str(Rc::from(doc)), t);
                let d = g.name("__doc__");
                g.emit(Instr::StoreName { src: t, name: d });
            }
            g.free_to(t);
            g.setup_annotations(ir.list(c.body));
            g.body(ir.list(c.body))?;
            let t = g.alloc();
            match g.class_cell {
                Some(cell) => {
                    g.emit(Instr::Move { dst: t, src: cell });
                }
                None => g.load_const(Const::None, t),
            }
            g.emit(Instr::Return { src: t });
            g.finish(
                Rc::from(cname),
                Params::default(),
                CodeFlags {
                    class_body: true,
                    ..Default::default()
                },
            )
        };
        let arguments = c.arguments.map(|a| ir.get(a));
        let bases: &[ExprId] = arguments.map(|a| ir.list(a.args)).unwrap_or(&[]);
        let kws: &[ir::Keyword] = arguments.map(|a| ir.list(a.keywords)).unwrap_or(&[]);
        let nbases = bases.len() as u16;
        if bases
            .iter()
            .any(|&e| matches!(ir.expr(e).kind, E::Starred { .. }))
        {
            return Err(self.err_unsupported("starred class bases", srange));
        }
        let fstart = self.alloc_n(3);
        self.emit(Instr::Clear { reg: fstart });
        self.emit(Instr::Clear { reg: fstart + 1 });
        self.closure_for(child, fstart + 2)?;
        let start = self.alloc_n(2 + nbases);
        let k = self.konst16(Const::Code(Rc::new(code)))?;
        self.set_line(srange);
        self.emit(Instr::MakeFunction {
            dst: start,
            k,
            start: fstart,
        });
        let nk = self.str_const(cname);
        self.emit(Instr::LoadConst {
            dst: start + 1,
            k: nk,
        });
        for (i, &b) in bases.iter().enumerate() {
            self.expr_to(b, start + 2 + i as u16)?;
        }
        // Class keywords (`metaclass=`, arguments of `__init_subclass__`): the name
        // register holds the tuple (name, {keyword: value, …}) instead of the name.
        if !kws.is_empty() {
            let m = self.temp_top;
            let named: Vec<&ir::Keyword> = kws.iter().filter(|k| k.arg.is_some()).collect();
            let t = self.alloc_n(2 + 2 * named.len() as u16);
            self.emit(Instr::Move {
                dst: t,
                src: start + 1,
            });
            for (i, k) in named.iter().enumerate() {
                let kr = t + 2 + 2 * i as u16;
                let Some(name) = k.arg else { continue };
                let kc = self.str_const(ir.name(name));
                self.emit(Instr::LoadConst { dst: kr, k: kc });
                self.expr_to(k.value, kr + 1)?;
            }
            self.emit(Instr::BuildDict {
                dst: t + 1,
                start: t + 2,
                count: named.len() as u16,
            });
            // `**mapping` keywords merge into the dict, as in a call.
            for k in kws.iter().filter(|k| k.arg.is_none()) {
                let src = self.alloc();
                self.expr_to(k.value, src)?;
                self.emit(Instr::DictMerge {
                    dict: t + 1,
                    src,
                    func: start,
                });
                self.free_to(src);
            }
            self.emit(Instr::BuildTuple {
                dst: start + 1,
                start: t,
                count: 2,
            });
            self.free_to(m);
        }
        let cls = self.alloc();
        self.set_line(srange);
        self.emit(Instr::BuildClass {
            dst: cls,
            start,
            nbases,
        });
        for i in (0..decorators.len() as u16).rev() {
            let a = self.alloc();
            let arg = self.alloc();
            self.set_line(self.range(decorators[i as usize].expr));
            self.emit(Instr::Move {
                dst: a,
                src: decos + i,
            });
            self.emit(Instr::Move { dst: arg, src: cls });
            self.emit(Instr::Call {
                dst: cls,
                func: a,
                argc: 1,
            });
            self.free_to(a);
        }
        self.store_name(cname, cls);
        self.free_to(mark);
        Ok(())
    }

    fn lambda(
        &mut self,
        params: Option<ir::Idx<ir::Params>>,
        body: ExprId,
        lrange: Range,
        dst: Reg,
    ) -> R<()> {
        let ir = self.ir;
        let child = self
            .table
            .get_span(lrange.start, lrange.end)
            .ok_or_else(|| self.err_unsupported("lambda without scope", lrange))?;
        let code = {
            let mut g = FnGen::new(
                self.source,
                ir,
                self.table,
                child,
                self.qualname_of("<lambda>"),
                self.mangle_class.clone(),
                self.source.line_of(lrange.start),
            );
            g.set_line(lrange);
            let r = g.alloc();
            g.expr_to(body, r)?;
            g.emit(Instr::Return { src: r });
            let generator = g.table.scopes[child].generator;
            g.finish(
                Rc::from("<lambda>"),
                params_of(ir, params),
                CodeFlags {
                    lambda: true,
                    generator,
                    ..Default::default()
                },
            )
        };
        let mark = self.temp_top;
        let start = self.alloc_n(3);
        self.defaults(params, start)?;
        self.closure_for(child, start + 2)?;
        let k = self.konst16(Const::Code(Rc::new(code)))?;
        self.emit(Instr::MakeFunction { dst, k, start });
        self.free_to(mark);
        Ok(())
    }

    /// Comprehensions and generator expressions are functions of one argument (the
    /// first iterator), as in CPython 3.11.
    fn comprehension(
        &mut self,
        range: Range,
        name: &str,
        gens: &'a [ir::Comprehension],
        kind: CompKind,
        dst: Reg,
    ) -> R<()> {
        let child = self
            .table
            .get_span(range.start, range.end)
            .ok_or_else(|| self.err_unsupported("comprehension without scope", range))?;
        let code = {
            let mut g = FnGen::new(
                self.source,
                self.ir,
                self.table,
                child,
                self.qualname_of(name),
                self.mangle_class.clone(),
                self.source.line_of(range.start),
            );
            g.set_line(range);
            let acc = g.alloc();
            match kind {
                CompKind::List(_) => {
                    g.emit(Instr::BuildList {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                }
                CompKind::Set(_) => {
                    g.emit(Instr::BuildSet {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                }
                CompKind::Dict(..) => {
                    g.emit(Instr::BuildDict {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                }
                CompKind::Gen(_) => {}
            }
            g.comp_loop(gens, 0, kind, acc)?;
            if matches!(kind, CompKind::Gen(_)) {
                g.load_const(Const::None, acc);
            }
            g.emit(Instr::Return { src: acc });
            let generator = matches!(kind, CompKind::Gen(_));
            let params = Params {
                positional: vec![Rc::from(".0")],
                ..Default::default()
            };
            g.finish(
                Rc::from(name),
                params,
                CodeFlags {
                    comprehension: true,
                    generator,
                    ..Default::default()
                },
            )
        };
        let mark = self.temp_top;
        let start = self.alloc_n(3);
        self.emit(Instr::Clear { reg: start });
        self.emit(Instr::Clear { reg: start + 1 });
        self.closure_for(child, start + 2)?;
        let f = self.alloc();
        let arg = self.alloc();
        let k = self.konst16(Const::Code(Rc::new(code)))?;
        self.emit(Instr::MakeFunction { dst: f, k, start });
        let src = self.iter_source(gens[0].iter)?;
        self.emit(Instr::GetIter { dst: arg, src });
        self.emit(Instr::Call {
            dst,
            func: f,
            argc: 1,
        });
        self.free_to(mark);
        Ok(())
    }

    fn comp_loop(
        &mut self,
        gens: &'a [ir::Comprehension],
        i: usize,
        kind: CompKind,
        acc: Reg,
    ) -> R<()> {
        let Some(g) = gens.get(i) else {
            let mark = self.temp_top;
            match kind {
                CompKind::List(e) => {
                    let v = self.expr_any(e)?;
                    self.emit(Instr::ListAppend { list: acc, src: v });
                }
                CompKind::Set(e) => {
                    let v = self.expr_any(e)?;
                    self.emit(Instr::SetAdd { set: acc, src: v });
                }
                CompKind::Dict(k, v) => {
                    let k = self.expr_any(k)?;
                    let v = self.expr_any(v)?;
                    self.emit(Instr::DictInsert {
                        dict: acc,
                        key: k,
                        src: v,
                    });
                }
                CompKind::Gen(e) => {
                    let v = self.expr_any(e)?;
                    let t = self.alloc();
                    self.emit(Instr::Yield { dst: t, src: v });
                }
            }
            self.free_to(mark);
            return Ok(());
        };
        let mark = self.temp_top;
        let it = self.alloc();
        let item = self.alloc();
        if i == 0 {
            self.emit(Instr::Move { dst: it, src: 0 });
        } else {
            let src = self.iter_source(g.iter)?;
            self.emit(Instr::GetIter { dst: it, src });
            self.free_to(item + 1);
        }
        let top = self.pc();
        let fi = self.emit(Instr::ForIter {
            iter: it,
            target: 0,
        });
        self.enter_nested();
        self.assign(g.target, item)?;
        let mut skips = Vec::new();
        for &cond in self.ir.list(g.ifs) {
            let m = self.temp_top;
            skips.push(self.cond_jump_false(cond)?);
            self.free_to(m);
        }
        self.comp_loop(gens, i + 1, kind, acc)?;
        self.leave_nested();
        for s in skips {
            self.patch(s, top)?;
        }
        self.emit(Instr::Jump { target: top });
        self.patch_here(fi)?;
        self.free_to(mark);
        Ok(())
    }

    fn finish(mut self, name: Rc<str>, params: Params, flags: CodeFlags) -> Code {
        // Registers named in the exception table must exist even if unused.
        let _ = &mut self;
        let positions = std::mem::replace(&mut self.positions, PositionsBuilder::new(0)).finish();
        Code {
            name,
            qualname: self.qualname.clone(),
            filename: self.source.path.clone(),
            instrs: self.instrs,
            consts: self.consts,
            names: self.names.into_keys().collect(),
            params,
            local_names: self.local_names,
            cell_regs: self.cell_regs,
            free_regs: self.free_regs,
            freevars: self.freevars,
            nregs: self.max_reg,
            flags,
            first_line: self.first_line,
            positions,
            exc_table: self.exc_table,
        }
    }

    // ---- expressions ----

    /// Evaluate `e` into some register: a local's own register when possible.
    fn expr_any(&mut self, e: ExprId) -> R<Reg> {
        if let Some(r) = self.local_in_place(e) {
            return Ok(r);
        }
        let t = self.alloc();
        self.expr_to(e, t)?;
        Ok(t)
    }

    fn expr_to(&mut self, e: ExprId, dst: Reg) -> R<()> {
        let mark = self.temp_top.max(dst + 1);
        if self.temp_top < mark {
            // dst is above the temp top (rare): keep it reserved while we work.
            self.temp_top = mark;
            if self.max_reg < mark {
                self.max_reg = mark;
            }
        }
        let saved = self.temp_top;
        // As CPython's compiler: an expression's own instructions carry its range, and
        // the enclosing expression's range is back once it is done.
        let outer = self.cur_range;
        self.cur_range = Some(self.ir.expr(e).range);
        let r = self.expr_inner(e, dst);
        self.cur_range = outer;
        self.temp_top = saved;
        r
    }

    fn expr_inner(&mut self, e: ExprId, dst: Reg) -> R<()> {
        let ir = self.ir;
        let node = ir.expr(e);
        let erange = node.range;
        match node.kind {
            E::Const { k, .. } => match bytecode_const(ir, k) {
                Some(c) => self.load_const(c, dst),
                None => {
                    // A complex literal: reported when evaluated, so a program that
                    // never evaluates one (`1j if False else 1`) still runs.
                    let k = self.str_const("complex numbers");
                    self.set_line(erange);
                    self.emit(Instr::Unsupported { k });
                    return Ok(());
                }
            },
            E::BadInt => return Err(self.syntax("invalid integer literal", erange)),
            E::Name { id, ctx } => {
                if ctx != ExprContext::Load {
                    return Err(self.syntax("invalid name context", erange));
                }
                self.set_line(erange);
                self.load_name(ir.name(id), dst)?;
            }
            E::BinOp { op, left, right } => {
                let l = self.expr_any(left)?;
                let r = self.expr_any(right)?;
                self.set_line(erange);
                self.emit(Instr::Binary {
                    op: binop(op),
                    dst,
                    a: l,
                    b: r,
                });
            }
            E::UnaryOp { op, operand } => {
                let s = self.expr_any(operand)?;
                let op = match op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                self.set_line(erange);
                self.emit(Instr::Unary { op, dst, src: s });
            }
            E::BoolOp { op, values } => {
                let mut ends = Vec::new();
                let n = values.len();
                for (i, &v) in ir.list(values).iter().enumerate() {
                    self.expr_to(v, dst)?;
                    if i + 1 < n {
                        ends.push(match op {
                            ast::BoolOp::And => self.emit(Instr::JumpIfFalse {
                                cond: dst,
                                target: 0,
                            }),
                            ast::BoolOp::Or => self.emit(Instr::JumpIfTrue {
                                cond: dst,
                                target: 0,
                            }),
                        });
                    }
                }
                for j in ends {
                    self.patch_here(j)?;
                }
            }
            E::Compare { left, rest } => {
                let mut left = self.expr_any(left)?;
                let n = rest.len();
                let mut ends = Vec::new();
                for (i, c) in ir.list(rest).iter().enumerate() {
                    let r = if matches!(c.op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                        self.iter_source(c.right)?
                    } else {
                        self.expr_any(c.right)?
                    };
                    self.set_line(erange);
                    self.emit(Instr::Compare {
                        op: cmpop(c.op),
                        dst,
                        a: left,
                        b: r,
                    });
                    if i + 1 < n {
                        ends.push(self.emit(Instr::JumpIfFalse {
                            cond: dst,
                            target: 0,
                        }));
                        // Keep the right operand: it is the next comparison's left.
                        if r == dst {
                            let t = self.alloc();
                            self.emit(Instr::Move { dst: t, src: r });
                            left = t;
                        } else {
                            left = r;
                        }
                    }
                }
                for j in ends {
                    self.patch_here(j)?;
                }
            }
            E::If { test, body, orelse } => {
                let jf = self.cond_jump_false(test)?;
                self.expr_to(body, dst)?;
                let j = self.jump_placeholder();
                self.patch_here(jf)?;
                self.expr_to(orelse, dst)?;
                self.patch_here(j)?;
            }
            E::Named { target, value } => {
                self.expr_to(value, dst)?;
                if let E::Name { id, .. } = ir.expr(target).kind {
                    // Inside `and`/`or`/`if`-`else` the store may not happen.
                    self.store_name_marking(ir.name(id), dst, false);
                }
            }
            E::Call { func, args } => self.call(func, ir.get(args), erange, dst)?,
            E::Attribute { value, attr, .. } => {
                let o = self.expr_any(value)?;
                let name = self.attr_name(ir.name(attr), erange)?;
                let (arange, _) = self.method_ranges(erange, ir.name(attr), erange);
                self.set_line(arange);
                self.emit(Instr::GetAttr { dst, obj: o, name });
            }
            E::Subscript { value, slice, .. } => {
                let o = self.expr_any(value)?;
                let k = self.expr_any(slice)?;
                self.set_line(erange);
                self.emit(Instr::GetItem {
                    dst,
                    obj: o,
                    key: k,
                });
            }
            E::Slice { lower, upper, step } => {
                let base = self.alloc_n(3);
                for (i, part) in [lower, upper, step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr_to(p, base + i as u16)?,
                        None => self.load_const(Const::None, base + i as u16),
                    }
                }
                self.emit(Instr::BuildSlice { dst, start: base });
            }
            E::List { elts, .. } => self.build_seq(ir.list(elts), dst, SeqKind::List)?,
            E::Tuple { elts, .. } => self.build_seq(ir.list(elts), dst, SeqKind::Tuple)?,
            E::Set(elts) => self.build_seq(ir.list(elts), dst, SeqKind::Set)?,
            E::Dict(items) => {
                let items = ir.list(items);
                let plain = items.iter().all(|i| i.key.is_some());
                if plain && items.len() < 256 {
                    let n = items.len() as u16;
                    let base = self.alloc_n(2 * n);
                    for (i, item) in items.iter().enumerate() {
                        if let Some(k) = item.key {
                            self.expr_to(k, base + 2 * i as u16)?;
                        }
                        self.expr_to(item.value, base + 2 * i as u16 + 1)?;
                    }
                    self.emit(Instr::BuildDict {
                        dst,
                        start: base,
                        count: n,
                    });
                } else {
                    let acc = self.alloc();
                    self.emit(Instr::BuildDict {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                    for item in items {
                        let m = self.temp_top;
                        match item.key {
                            Some(k) => {
                                let k = self.expr_any(k)?;
                                let v = self.expr_any(item.value)?;
                                self.emit(Instr::DictInsert {
                                    dict: acc,
                                    key: k,
                                    src: v,
                                });
                            }
                            None => {
                                let v = self.expr_any(item.value)?;
                                self.emit(Instr::DictUpdate { dict: acc, src: v });
                            }
                        }
                        self.free_to(m);
                    }
                    self.emit(Instr::Move { dst, src: acc });
                }
            }
            E::ListComp { elt, gens } => self.comprehension(
                erange,
                "<listcomp>",
                ir.list(gens),
                CompKind::List(elt),
                dst,
            )?,
            E::SetComp { elt, gens } => {
                self.comprehension(erange, "<setcomp>", ir.list(gens), CompKind::Set(elt), dst)?
            }
            E::DictComp { item, gens } => {
                let ir::DictItem { key, value } = *ir.get(item);
                self.comprehension(
                    erange,
                    "<dictcomp>",
                    ir.list(gens),
                    CompKind::Dict(key.unwrap_or(value), value),
                    dst,
                )?
            }
            E::Generator { elt, gens } => {
                self.comprehension(erange, "<genexpr>", ir.list(gens), CompKind::Gen(elt), dst)?
            }
            E::Lambda { params, body } => self.lambda(params, body, erange, dst)?,
            E::Yield(value) => {
                if !self.kind.is_function_like() {
                    return Err(self.syntax("'yield' outside function", erange));
                }
                let v = match value {
                    Some(v) => self.expr_any(v)?,
                    None => {
                        let t = self.alloc();
                        self.load_const(Const::None, t);
                        t
                    }
                };
                self.set_line(erange);
                self.emit(Instr::Yield { dst, src: v });
            }
            E::YieldFrom(value) => {
                if !self.kind.is_function_like() {
                    return Err(self.syntax("'yield' outside function", erange));
                }
                let v = self.expr_any(value)?;
                let it = self.alloc();
                self.set_line(erange);
                self.emit(Instr::GetIter { dst: it, src: v });
                self.emit(Instr::Clear { reg: dst });
                self.emit(Instr::YieldFrom { dst, src: it });
            }
            E::FString(parts) => self.fstring(ir.list(parts), dst)?,
            E::Starred { .. } => {
                return Err(self.syntax("can't use starred expression here", erange))
            }
            E::Await(_) => return Err(self.err_unsupported("await", erange)),
            E::TString => return Err(self.err_unsupported("template strings", erange)),
            E::IpyEscape => return Err(self.syntax("invalid syntax", erange)),
        }
        Ok(())
    }

    /// The iterable of a `for` or a comprehension, or the container of `in`: a set
    /// display of constants is a frozenset constant there (CPython's AST optimizer).
    fn iter_source(&mut self, e: ExprId) -> R<Reg> {
        let ir = self.ir;
        if let E::Set(elts) = ir.expr(e).kind {
            let consts: Option<Vec<Const>> = ir
                .list(elts)
                .iter()
                .map(|&x| match ir.expr(x).kind {
                    E::Const { k, .. } => bytecode_const(ir, k),
                    _ => None,
                })
                .collect();
            if let Some(consts) = consts.filter(|c| !c.is_empty()) {
                let r = self.alloc();
                self.load_const(Const::FrozenSet(Rc::from(consts)), r);
                return Ok(r);
            }
        }
        self.expr_any(e)
    }

    fn build_seq(&mut self, elts: &'a [ExprId], dst: Reg, kind: SeqKind) -> R<()> {
        self.build_seq_for(elts, dst, kind, None)
    }

    /// `build_seq`; `call` is the register of the function when these are the
    /// positional arguments of a call (its name is in the error for a bad `*x`).
    fn build_seq_for(
        &mut self,
        elts: &'a [ExprId],
        dst: Reg,
        kind: SeqKind,
        call: Option<Reg>,
    ) -> R<()> {
        let ir = self.ir;
        let starred = elts
            .iter()
            .any(|&e| matches!(ir.expr(e).kind, E::Starred { .. }));
        if kind == SeqKind::Set && elts.len() > 2 && call.is_none() {
            // CPython: a set display of more than two constants is a frozenset
            // constant merged into a new set (BUILD_SET 0; SET_UPDATE), which decides
            // the table's size and so the iteration order.
            let consts: Option<Vec<Const>> = elts
                .iter()
                .map(|&e| match ir.expr(e).kind {
                    E::Const { k, .. } => bytecode_const(ir, k),
                    _ => None,
                })
                .collect();
            if let Some(consts) = consts {
                let m = self.temp_top;
                let fs = self.alloc();
                self.load_const(Const::FrozenSet(Rc::from(consts)), fs);
                self.emit(Instr::BuildSet {
                    dst,
                    start: dst,
                    count: 0,
                });
                self.emit(Instr::SetUpdate { set: dst, src: fs });
                self.free_to(m);
                return Ok(());
            }
        }
        if !starred && elts.len() < 1024 {
            let n = elts.len() as u16;
            let base = self.alloc_n(n);
            for (i, &e) in elts.iter().enumerate() {
                self.expr_to(e, base + i as u16)?;
            }
            self.emit(match kind {
                SeqKind::List => Instr::BuildList {
                    dst,
                    start: base,
                    count: n,
                },
                SeqKind::Tuple => Instr::BuildTuple {
                    dst,
                    start: base,
                    count: n,
                },
                SeqKind::Set => Instr::BuildSet {
                    dst,
                    start: base,
                    count: n,
                },
            });
            return Ok(());
        }
        let acc = self.alloc();
        match kind {
            SeqKind::Set => self.emit(Instr::BuildSet {
                dst: acc,
                start: acc,
                count: 0,
            }),
            _ => self.emit(Instr::BuildList {
                dst: acc,
                start: acc,
                count: 0,
            }),
        };
        for &e in elts {
            let m = self.temp_top;
            match ir.expr(e).kind {
                E::Starred { value, .. } => {
                    let v = self.expr_any(value)?;
                    match (kind, call) {
                        (SeqKind::Set, _) => self.emit(Instr::SetUpdate { set: acc, src: v }),
                        (_, Some(func)) => self.emit(Instr::CallArgsExtend {
                            list: acc,
                            src: v,
                            func,
                        }),
                        _ => self.emit(Instr::ListExtend { list: acc, src: v }),
                    };
                }
                _ => {
                    let v = self.expr_any(e)?;
                    match kind {
                        SeqKind::Set => self.emit(Instr::SetAdd { set: acc, src: v }),
                        _ => self.emit(Instr::ListAppend { list: acc, src: v }),
                    };
                }
            }
            self.free_to(m);
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple { reg: acc });
        }
        self.emit(Instr::Move { dst, src: acc });
        Ok(())
    }

    fn call(&mut self, func: ExprId, a: &'a ir::Arguments, crange: Range, dst: Reg) -> R<()> {
        let ir = self.ir;
        let args = ir.list(a.args);
        let kws = ir.list(a.keywords);
        let has_star = args
            .iter()
            .any(|&a| matches!(ir.expr(a).kind, E::Starred { .. }));
        let has_dstar = kws.iter().any(|k| k.arg.is_none());
        if has_star || has_dstar {
            let f = self.alloc();
            self.expr_to(func, f)?;
            let tuple = self.alloc();
            let dict = self.alloc();
            self.build_seq_for(args, tuple, SeqKind::Tuple, Some(f))?;
            if kws.is_empty() {
                self.emit(Instr::Clear { reg: dict });
            } else {
                self.emit(Instr::BuildDict {
                    dst: dict,
                    start: dict,
                    count: 0,
                });
                let mut merged = false;
                for k in kws.iter() {
                    let m = self.temp_top;
                    match k.arg {
                        Some(name) if merged => {
                            // After a `**`, a keyword may repeat a key it brought.
                            let pair = self.alloc_n(2);
                            let kk = self.str_const(ir.name(name));
                            self.emit(Instr::LoadConst { dst: pair, k: kk });
                            self.expr_to(k.value, pair + 1)?;
                            let one = self.alloc();
                            self.emit(Instr::BuildDict {
                                dst: one,
                                start: pair,
                                count: 1,
                            });
                            self.set_line(crange);
                            self.emit(Instr::DictMerge {
                                dict,
                                src: one,
                                func: f,
                            });
                        }
                        Some(name) => {
                            let v = self.expr_any(k.value)?;
                            let kr = self.alloc();
                            let kk = self.str_const(ir.name(name));
                            self.emit(Instr::LoadConst { dst: kr, k: kk });
                            self.emit(Instr::DictInsert {
                                dict,
                                key: kr,
                                src: v,
                            });
                        }
                        None => {
                            let v = self.expr_any(k.value)?;
                            self.set_line(crange);
                            self.emit(Instr::DictMerge {
                                dict,
                                src: v,
                                func: f,
                            });
                            merged = true;
                        }
                    }
                    self.free_to(m);
                }
            }
            self.set_line(crange);
            self.emit(Instr::CallEx {
                dst,
                func: f,
                args: tuple,
            });
            return Ok(());
        }
        let argc = args.len() + kws.len();
        if argc > 250 {
            return Err(self.err_unsupported("more than 250 arguments in one call", crange));
        }
        let fnode = ir.expr(func);
        if let (E::Attribute { value, attr, .. }, true) = (fnode.kind, kws.is_empty()) {
            let base = self.alloc_n(2);
            let o = self.expr_any(value)?;
            let name = self.attr_name(ir.name(attr), fnode.range)?;
            let (frange, crange) = self.method_ranges(fnode.range, ir.name(attr), crange);
            self.set_line(frange);
            self.emit(Instr::LoadMethod {
                dst: base,
                obj: o,
                name,
            });
            self.free_to(base + 2);
            let argbase = self.alloc_n(args.len() as u16);
            for (i, &a) in args.iter().enumerate() {
                self.expr_to(a, argbase + i as u16)?;
            }
            self.set_line(crange);
            self.emit(Instr::CallMethod {
                dst,
                base,
                argc: args.len() as u16,
            });
            return Ok(());
        }
        let f = self.alloc();
        self.expr_to(func, f)?;
        let base = self.alloc_n(argc as u16);
        for (i, &a) in args.iter().enumerate() {
            self.expr_to(a, base + i as u16)?;
        }
        for (i, k) in kws.iter().enumerate() {
            self.expr_to(k.value, base + (args.len() + i) as u16)?;
        }
        self.set_line(crange);
        if kws.is_empty() {
            self.emit(Instr::Call {
                dst,
                func: f,
                argc: argc as u16,
            });
        } else {
            let names: Vec<Const> = kws
                .iter()
                .map(|k| Const::Str(Rc::from(k.arg.map(|a| ir.name(a)).unwrap_or(""))))
                .collect();
            let mut seen = IndexSet::new();
            for k in kws.iter() {
                if let Some(a) = k.arg {
                    let a = ir.name(a);
                    if !seen.insert(a) {
                        return Err(
                            self.syntax(&format!("keyword argument repeated: {a}"), k.range)
                        );
                    }
                }
            }
            let kn = self.alloc();
            self.load_const(Const::Tuple(Rc::from(names)), kn);
            self.emit(Instr::CallKw {
                dst,
                func: f,
                argc: argc as u16 + 1,
            });
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [ir::FPart], dst: Reg) -> R<()> {
        let mark = self.temp_top;
        let mut pieces: Vec<Reg> = Vec::new();
        self.fstring_parts(parts, &mut pieces)?;
        match pieces.len() {
            0 => {
                let k = self.str_const("");
                self.emit(Instr::LoadConst { dst, k });
            }
            _ => {
                // Pieces were allocated consecutively from `mark`.
                let start = pieces[0];
                self.emit(Instr::BuildString {
                    dst,
                    start,
                    count: pieces.len() as u16,
                });
            }
        }
        self.free_to(mark);
        Ok(())
    }

    fn fstring_parts(&mut self, parts: &'a [ir::FPart], pieces: &mut Vec<Reg>) -> R<()> {
        let ir = self.ir;
        for part in parts {
            match part {
                ir::FPart::Lit(k) => {
                    let r = self.alloc();
                    let k = self.str_const(ir.const_str(*k).unwrap_or(""));
                    self.emit(Instr::LoadConst { dst: r, k });
                    pieces.push(r);
                }
                ir::FPart::Interp(i) => {
                    let mut conv = i.conv;
                    if let Some(d) = i.debug {
                        let r = self.alloc();
                        let k = self.str_const(ir.const_str(d).unwrap_or(""));
                        self.emit(Instr::LoadConst { dst: r, k });
                        pieces.push(r);
                        if conv == 0 && i.spec.is_none() {
                            conv = b'r';
                        }
                    }
                    let out = self.alloc();
                    let v = self.alloc();
                    let has_spec = i.spec.is_some();
                    let spec = if has_spec { self.alloc() } else { 0 };
                    self.expr_to(i.expr, v)?;
                    if let Some(s) = i.spec {
                        let mut sp = Vec::new();
                        let m = self.temp_top;
                        self.fstring_parts(ir.list(s), &mut sp)?;
                        if sp.is_empty() {
                            let k = self.str_const("");
                            self.emit(Instr::LoadConst { dst: spec, k });
                        } else {
                            self.emit(Instr::BuildString {
                                dst: spec,
                                start: sp[0],
                                count: sp.len() as u16,
                            });
                        }
                        self.free_to(m);
                    }
                    self.set_line(i.range);
                    self.emit(Instr::FormatValue {
                        dst: out,
                        src: v,
                        conv,
                        spec: has_spec,
                    });
                    self.free_to(out + 1);
                    pieces.push(out);
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum CompKind {
    List(ExprId),
    Set(ExprId),
    Dict(ExprId, ExprId),
    Gen(ExprId),
}
#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

pub fn compile_module(
    source: &Rc<Source>,
    ir: &Ir,
    table: &ScopeTable,
    interactive: bool,
) -> Result<Code, CompileError> {
    let mut g = FnGen::new(source, ir, table, 0, Rc::from("<module>"), None, 1);
    g.interactive = interactive;
    // Module docstring (interactive input has none: a string is echoed).
    if !interactive {
        if let Some(doc) = ir.docstring(ir.body).filter(|_| crate::optimize() < 2) {
            let t = g.alloc();
            g.load_const(Const::Str(Rc::from(doc)), t);
            let n = g.name("__doc__");
            g.emit(Instr::StoreGlobal { src: t, name: n });
            g.free_to(t);
        }
    }
    let body = ir.list(ir.body);
    g.setup_annotations(body);
    g.body(body)?;
    let t = g.alloc();
    g.load_const(Const::None, t);
    g.emit(Instr::Return { src: t });
    Ok(g.finish(
        Rc::from("<module>"),
        Params::default(),
        CodeFlags {
            module: true,
            ..Default::default()
        },
    ))
}

/// Compile the body of the one `def` an IR from [`crate::lower::lower_function`] holds.
pub fn compile_function(
    source: &Rc<Source>,
    ir: &Ir,
    table: &ScopeTable,
    stub: &FunctionStub,
) -> Result<Code, CompileError> {
    let def_stmt = ir.list(ir.body)[0];
    let node = ir.stmt(def_stmt);
    let S::FunctionDef(def) = node.kind else {
        return Err(source.unsupported("function source changed since load", stub.start));
    };
    let def = ir.get(def);
    let id = table
        .get_span(node.range.start, node.range.end)
        .ok_or_else(|| source.unsupported("function without scope", node.range.start))?;
    let mut g = FnGen::new(
        source,
        ir,
        table,
        id,
        stub.qualname.clone(),
        stub.summary.mangle_class.clone(),
        stub.first_line,
    );
    let body = ir.list(def.body);
    collect_deleted(ir, body, &mut g.checked);
    g.body(body)?;
    let t = g.alloc();
    g.load_const(Const::None, t);
    g.emit(Instr::Return { src: t });
    let generator = table.scopes[id].generator;
    Ok(g.finish(
        stub.name.clone(),
        stub.params.clone(),
        CodeFlags {
            generator,
            ..Default::default()
        },
    ))
}
