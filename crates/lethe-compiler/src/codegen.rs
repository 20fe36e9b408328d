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
use crate::scope::{NameKind, ScopeKind, ScopeTable};
use crate::{CompileError, Source};
use indexmap::{IndexMap, IndexSet};
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};
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
    Finally { region: usize, body: &'a [Stmt] },
    /// Inside an except handler: leaving it pops the handled exception.
    Handler { region: usize },
    /// Inside a `with` body: leaving it calls `__exit__(None, None, None)`.
    With { region: usize, exit: Reg },
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
    definitely_bound: IndexSet<String>,
    nesting: u32,
    blocks: Vec<Block<'a>>,
    regions: Vec<Region>,
    exc_table: Vec<ExcEntry>,
    exc_depth: u16,
    lines: Vec<(u32, u32)>,
    last_line: u32,
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
fn collect_deleted(body: &[Stmt], out: &mut IndexSet<String>) {
    use ruff_python_ast::statement_visitor::{walk_stmt, StatementVisitor};
    struct V<'o>(&'o mut IndexSet<String>);
    impl<'b> StatementVisitor<'b> for V<'_> {
        fn visit_stmt(&mut self, s: &'b Stmt) {
            match s {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                Stmt::Delete(d) => {
                    for t in &d.targets {
                        collect_target_names(t, self.0);
                    }
                }
                Stmt::Try(t) => {
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        if let Some(n) = &h.name {
                            self.0.insert(n.id.to_string());
                        }
                    }
                    walk_stmt(self, s)
                }
                _ => walk_stmt(self, s),
            }
        }
    }
    let mut v = V(out);
    for s in body {
        v.visit_stmt(s);
    }
}

fn collect_target_names(e: &Expr, out: &mut IndexSet<String>) {
    match e {
        Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_target_names(e, out)),
        Expr::List(t) => t.elts.iter().for_each(|e| collect_target_names(e, out)),
        Expr::Starred(s) => collect_target_names(&s.value, out),
        _ => {}
    }
}

fn params_of(p: Option<&ast::Parameters>) -> Params {
    let Some(p) = p else {
        return Params::default();
    };
    Params {
        positional: p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|a| Rc::from(a.parameter.name.id.as_str()))
            .collect(),
        posonly: p.posonlyargs.len() as u16,
        kwonly: p
            .kwonlyargs
            .iter()
            .map(|a| Rc::from(a.parameter.name.id.as_str()))
            .collect(),
        varargs: p.vararg.as_ref().map(|a| Rc::from(a.name.id.as_str())),
        varkw: p.kwarg.as_ref().map(|a| Rc::from(a.name.id.as_str())),
    }
}

fn parse_big_int(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl<'a> FnGen<'a> {
    fn new(
        source: &'a Rc<Source>,
        table: &'a ScopeTable,
        scope: usize,
        qualname: Rc<str>,
        mangle_class: Option<Rc<str>>,
        first_line: u32,
    ) -> Self {
        let info = &table.scopes[scope];
        let mut g = FnGen {
            source,
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
            nesting: 0,
            blocks: Vec::new(),
            regions: Vec::new(),
            exc_table: Vec::new(),
            exc_depth: 0,
            lines: Vec::new(),
            last_line: 0,
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

    fn err_unsupported(&self, what: &str, at: TextRange) -> CompileError {
        self.source.unsupported(what, at.start().to_u32())
    }

    fn syntax(&self, msg: &str, at: TextRange) -> CompileError {
        self.source
            .syntax_error(msg.to_string(), at.start().to_u32())
    }

    // ---- emission helpers ----

    fn pc(&self) -> u32 {
        self.instrs.len() as u32
    }

    fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.instrs.len() - 1
    }

    fn set_line(&mut self, at: TextRange) {
        let line = self.source.line_of(at.start().to_u32());
        if line != self.last_line {
            let pc = self.pc();
            if let Some(last) = self.lines.last_mut() {
                if last.0 == pc {
                    last.1 = line;
                    self.last_line = line;
                    return;
                }
            }
            self.lines.push((pc, line));
            self.last_line = line;
        }
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

    fn attr_name(&mut self, s: &str, at: TextRange) -> R<u16> {
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
            | Instr::ForIter { target: t, .. } => *t = target,
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
                Block::With { region, exit } => {
                    let (r, exit) = (*region, *exit);
                    self.close_region(r);
                    suspended.push(r);
                    let mark = self.temp_top;
                    let t = self.alloc();
                    let none = self.alloc();
                    self.emit(Instr::Clear { reg: none });
                    self.emit(Instr::WithExit {
                        dst: t,
                        exit,
                        exc: none,
                    });
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
        match self.loc(name) {
            Loc::Local(r) => {
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
                if self.nesting == 0 {
                    self.definitely_bound.insert(name.to_string());
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
    fn local_in_place(&self, e: &Expr) -> Option<Reg> {
        if let Expr::Name(n) = e {
            if let Loc::Local(r) = self.loc(&n.id) {
                if !self.needs_check(&n.id) {
                    return Some(r);
                }
            }
        }
        None
    }

    // ---- statements ----

    /// `__annotations__ = {}` at the start of a module or class body that has
    /// `name: annotation` statements (CPython's SETUP_ANNOTATIONS).
    fn setup_annotations(&mut self, stmts: &'a [Stmt]) {
        fn has(stmts: &[Stmt]) -> bool {
            stmts.iter().any(|s| match s {
                Stmt::AnnAssign(a) => a.simple && matches!(&*a.target, Expr::Name(_)),
                Stmt::If(i) => has(&i.body) || i.elif_else_clauses.iter().any(|c| has(&c.body)),
                Stmt::For(f) => has(&f.body) || has(&f.orelse),
                Stmt::While(w) => has(&w.body) || has(&w.orelse),
                Stmt::With(w) => has(&w.body),
                Stmt::Try(t) => {
                    has(&t.body)
                        || has(&t.orelse)
                        || has(&t.finalbody)
                        || t.handlers.iter().any(|h| match h {
                            ast::ExceptHandler::ExceptHandler(h) => has(&h.body),
                        })
                }
                _ => false,
            })
        }
        if has(stmts) {
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

    fn body(&mut self, stmts: &'a [Stmt]) -> R<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn nested_body(&mut self, stmts: &'a [Stmt]) -> R<()> {
        self.nesting += 1;
        let r = self.body(stmts);
        self.nesting -= 1;
        r
    }

    fn stmt(&mut self, s: &'a Stmt) -> R<()> {
        self.set_line(s.range());
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
            s,
            Stmt::If(_)
                | Stmt::While(_)
                | Stmt::For(_)
                | Stmt::Try(_)
                | Stmt::With(_)
                | Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
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

    fn stmt_inner(&mut self, s: &'a Stmt) -> R<()> {
        match s {
            Stmt::Expr(e) if self.interactive && self.kind == ScopeKind::Module => {
                // sys.displayhook(value), looked up when the statement runs.
                let f = self.alloc();
                let v = self.alloc();
                self.expr_to(&e.value, v)?;
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
            Stmt::Expr(e) => {
                if matches!(
                    &*e.value,
                    Expr::StringLiteral(_) | Expr::NumberLiteral(_) | Expr::EllipsisLiteral(_)
                ) {
                    return Ok(());
                }
                let t = self.alloc();
                self.expr_to(&e.value, t)?;
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) => {
                if a.targets.len() == 1 {
                    if let Expr::Name(n) = &a.targets[0] {
                        if let Loc::Local(r) = self.loc(&n.id) {
                            if Self::writes_after_reads(&a.value) {
                                self.expr_to(&a.value, r)?;
                                if self.nesting == 0 {
                                    self.definitely_bound.insert(n.id.to_string());
                                }
                                return Ok(());
                            }
                        }
                    }
                }
                let v = self.expr_any(&a.value)?;
                for t in &a.targets {
                    self.assign(t, v)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let r = self.expr_any(v)?;
                    self.assign(&a.target, r)?;
                }
                // Module and class scopes evaluate `name: annotation` into
                // `__annotations__` (function scopes do not evaluate it).
                if let (true, Expr::Name(n)) = (
                    a.simple && matches!(self.kind, ScopeKind::Module | ScopeKind::Class),
                    &*a.target,
                ) {
                    let m = self.temp_top;
                    let ann = self.alloc();
                    self.annotation_to(&a.annotation, ann)?;
                    let d = self.alloc();
                    self.load_name("__annotations__", d)?;
                    let k = self.alloc();
                    let kc = self.str_const(&self.mangle(n.id.as_str()));
                    self.emit(Instr::LoadConst { dst: k, k: kc });
                    self.emit(Instr::SetItem {
                        obj: d,
                        key: k,
                        src: ann,
                    });
                    self.free_to(m);
                }
            }
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => {
                if f.is_async {
                    return Err(self.err_unsupported("async for", f.range));
                }
                self.for_stmt(f)?
            }
            Stmt::Break(b) => {
                let Some(li) = self
                    .blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::Loop { .. }))
                else {
                    return Err(self.syntax("'break' outside loop", b.range));
                };
                let sus = self.unwind(li + 1)?;
                let j = self.jump_placeholder();
                if let Block::Loop { breaks, .. } = &mut self.blocks[li] {
                    breaks.push(j);
                }
                self.reopen(sus);
            }
            Stmt::Continue(c) => {
                let Some(li) = self
                    .blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::Loop { .. }))
                else {
                    return Err(self.syntax("'continue' not properly in loop", c.range));
                };
                let sus = self.unwind(li + 1)?;
                let target = match &self.blocks[li] {
                    Block::Loop { continue_to, .. } => *continue_to,
                    _ => 0,
                };
                self.emit(Instr::Jump { target });
                self.reopen(sus);
            }
            Stmt::Return(r) => {
                if !self.kind.is_function_like() {
                    return Err(self.syntax("'return' outside function", r.range));
                }
                let v = match &r.value {
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
                self.set_line(r.range);
                self.emit(Instr::Return { src: v });
                self.reopen(sus);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let exc = match &r.exc {
                    Some(e) => self.expr_any(e)?,
                    None => NO_REG,
                };
                let cause = match &r.cause {
                    Some(c) => self.expr_any(c)?,
                    None => NO_REG,
                };
                self.set_line(r.range);
                self.emit(Instr::Raise { exc, cause });
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.err_unsupported("except*", t.range));
                }
                self.try_stmt(t)?
            }
            Stmt::Assert(a) => {
                let c = self.expr_any(&a.test)?;
                let j = self.emit(Instr::JumpIfTrue { cond: c, target: 0 });
                let msg = match &a.msg {
                    Some(m) => self.expr_any(m)?,
                    None => NO_REG,
                };
                self.set_line(a.range);
                self.emit(Instr::RaiseAssert { msg });
                self.patch_here(j)?;
            }
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.err_unsupported("async with", w.range));
                }
                self.with_stmt(&w.items, &w.body)?
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let t = self.alloc();
                    let n = self.name16(&a.name.id)?;
                    match &a.asname {
                        Some(asname) => {
                            self.emit(Instr::ImportName {
                                dst: t,
                                name: n,
                                level: 0x8000,
                            });
                            self.store_name(&asname.id, t);
                        }
                        None => {
                            self.emit(Instr::ImportName {
                                dst: t,
                                name: n,
                                level: 0,
                            });
                            let top = a.name.id.split('.').next().unwrap_or("").to_string();
                            self.store_name(&top, t);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let m = self.alloc();
                let modname = i
                    .module
                    .as_ref()
                    .map(|m| m.id.to_string())
                    .unwrap_or_default();
                let n = self.name16(&modname)?;
                let level = (i.level as u16 & 0x7fff) | 0x8000;
                self.emit(Instr::ImportName {
                    dst: m,
                    name: n,
                    level,
                });
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        self.emit(Instr::ImportStar { module: m });
                        continue;
                    }
                    let t = self.alloc();
                    let an = self.attr_name(&a.name.id, a.range)?;
                    self.emit(Instr::ImportFrom {
                        dst: t,
                        module: m,
                        name: an,
                    });
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.store_name(&bound.id, t);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => return Err(self.err_unsupported("type alias", t.range)),
            Stmt::IpyEscapeCommand(c) => return Err(self.syntax("invalid syntax", c.range)),
        }
        Ok(())
    }

    /// Expressions whose single result instruction reads all operands before writing,
    /// so they may target a named local directly.
    fn writes_after_reads(e: &Expr) -> bool {
        matches!(
            e,
            Expr::BinOp(_)
                | Expr::UnaryOp(_)
                | Expr::Call(_)
                | Expr::Attribute(_)
                | Expr::Subscript(_)
                | Expr::NumberLiteral(_)
                | Expr::StringLiteral(_)
                | Expr::BooleanLiteral(_)
                | Expr::NoneLiteral(_)
                | Expr::List(_)
                | Expr::Dict(_)
                | Expr::FString(_)
        ) || matches!(e, Expr::Compare(c) if c.ops.len() == 1)
            || matches!(e, Expr::Tuple(t) if !t.elts.iter().any(|x| matches!(x, Expr::Starred(_))))
    }

    fn cond_jump_false(&mut self, test: &'a Expr) -> R<usize> {
        if let Expr::Compare(c) = test {
            if c.ops.len() == 1 {
                let a = self.expr_any(&c.left)?;
                let b = self.expr_any(&c.comparators[0])?;
                self.set_line(c.range);
                return Ok(self.emit(Instr::JumpIfNotCompare {
                    op: cmpop(c.ops[0]),
                    a,
                    b,
                    target_rel: 0,
                }));
            }
        }
        if let Expr::UnaryOp(u) = test {
            if u.op == ast::UnaryOp::Not {
                let c = self.expr_any(&u.operand)?;
                return Ok(self.emit(Instr::JumpIfTrue { cond: c, target: 0 }));
            }
        }
        let c = self.expr_any(test)?;
        Ok(self.emit(Instr::JumpIfFalse { cond: c, target: 0 }))
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R<()> {
        let mark = self.temp_top;
        let jf = self.cond_jump_false(&i.test)?;
        self.free_to(mark);
        self.nested_body(&i.body)?;
        let mut ends = Vec::new();
        let mut pending = Some(jf);
        for clause in &i.elif_else_clauses {
            ends.push(self.jump_placeholder());
            if let Some(p) = pending.take() {
                self.patch_here(p)?;
            }
            self.set_line(clause.range);
            if let Some(test) = &clause.test {
                let j = self.cond_jump_false(test)?;
                self.free_to(mark);
                pending = Some(j);
            }
            self.nested_body(&clause.body)?;
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

    fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R<()> {
        let mark = self.temp_top;
        let subj = self.alloc();
        self.expr_to(&m.subject, subj)?;
        let case_mark = self.temp_top;
        let mut ends = Vec::new();
        self.nesting += 1;
        for case in &m.cases {
            self.set_line(case.pattern.range());
            let mut fails = Vec::new();
            self.pattern(&case.pattern, subj, &mut fails)?;
            self.free_to(case_mark);
            if let Some(g) = &case.guard {
                self.set_line(g.range());
                let j = self.cond_jump_false(g)?;
                fails.push(j);
                self.free_to(case_mark);
            }
            self.body(&case.body)?;
            self.free_to(case_mark);
            ends.push(self.jump_placeholder());
            for f in fails {
                self.patch_here(f)?;
            }
        }
        self.nesting -= 1;
        for e in ends {
            self.patch_here(e)?;
        }
        self.free_to(mark);
        Ok(())
    }

    /// Jump (to be patched to the next case) when `reg` is None.
    fn fail_if_none(&mut self, reg: Reg, fails: &mut Vec<usize>) {
        let none = self.alloc();
        self.load_const(Const::None, none);
        let j = self.emit(Instr::JumpIfNotCompare {
            op: CmpOp::IsNot,
            a: reg,
            b: none,
            target_rel: 0,
        });
        fails.push(j);
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

    fn pattern(&mut self, p: &'a ast::Pattern, subj: Reg, fails: &mut Vec<usize>) -> R<()> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => {
                let b = self.expr_any(&v.value)?;
                let j = self.emit(Instr::JumpIfNotCompare {
                    op: CmpOp::Eq,
                    a: subj,
                    b,
                    target_rel: 0,
                });
                fails.push(j);
            }
            P::MatchSingleton(s) => {
                let c = match s.value {
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
            P::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.pattern(inner, subj, fails)?;
                }
                if let Some(n) = &a.name {
                    self.store_name(&n.id, subj);
                }
            }
            P::MatchOr(o) => {
                let mut oks = Vec::new();
                let last = o.patterns.len().saturating_sub(1);
                for (i, alt) in o.patterns.iter().enumerate() {
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
            P::MatchStar(_) => {
                return Err(self.syntax("can't use starred name here", p.range()));
            }
            P::MatchSequence(sq) => {
                let star = sq
                    .patterns
                    .iter()
                    .position(|x| matches!(x, P::MatchStar(_)));
                let n = sq.patterns.len();
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
                        .map_err(|_| self.err_unsupported("a pattern this long", p.range()))?;
                    let items = self.alloc_n(count);
                    self.emit(Instr::UnpackSeq {
                        dst: items,
                        src: f,
                        count,
                    });
                    for (i, sub) in sq.patterns.iter().enumerate() {
                        let r = items + i as u16;
                        match sub {
                            P::MatchStar(st) => {
                                if let Some(nm) = &st.name {
                                    self.store_name(&nm.id, r);
                                }
                            }
                            _ => self.pattern(sub, r, fails)?,
                        }
                    }
                }
            }
            P::MatchMapping(mp) => {
                let f = self.match_helper("match_mapping")?;
                let args = self.alloc_n(3);
                self.emit(Instr::Move {
                    dst: args,
                    src: subj,
                });
                let nk = u16::try_from(mp.keys.len())
                    .map_err(|_| self.err_unsupported("a pattern this long", p.range()))?;
                let keys = self.alloc_n(nk.max(1));
                for (i, k) in mp.keys.iter().enumerate() {
                    self.expr_to(k, keys + i as u16)?;
                }
                self.emit(Instr::BuildTuple {
                    dst: args + 1,
                    start: keys,
                    count: nk,
                });
                self.load_const(
                    if mp.rest.is_some() {
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
                let total = nk + mp.rest.is_some() as u16;
                if total > 0 {
                    let items = self.alloc_n(total);
                    self.emit(Instr::UnpackSeq {
                        dst: items,
                        src: f,
                        count: total,
                    });
                    for (i, sub) in mp.patterns.iter().enumerate() {
                        self.pattern(sub, items + i as u16, fails)?;
                    }
                    if let Some(r) = &mp.rest {
                        self.store_name(&r.id, items + nk);
                    }
                }
            }
            P::MatchClass(c) => {
                let f = self.match_helper("match_class")?;
                let args = self.alloc_n(4);
                self.emit(Instr::Move {
                    dst: args,
                    src: subj,
                });
                self.expr_to(&c.cls, args + 1)?;
                let npos = c.arguments.patterns.len();
                self.load_const(Const::Int(npos as i64), args + 2);
                let nkw = u16::try_from(c.arguments.keywords.len())
                    .map_err(|_| self.err_unsupported("a pattern this long", p.range()))?;
                let names = self.alloc_n(nkw.max(1));
                for (i, k) in c.arguments.keywords.iter().enumerate() {
                    let kc = self.str_const(&k.attr.id);
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
                    let subs = c
                        .arguments
                        .patterns
                        .iter()
                        .chain(c.arguments.keywords.iter().map(|k| &k.pattern));
                    for (i, sub) in subs.enumerate() {
                        self.pattern(sub, items + i as u16, fails)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R<()> {
        let top = self.pc();
        let mark = self.temp_top;
        let always = matches!(&*w.test, Expr::BooleanLiteral(b) if b.value)
            || matches!(&*w.test, Expr::NumberLiteral(n) if matches!(&n.value, ast::Number::Int(i) if *i != ast::Int::ZERO));
        let jf = if always {
            None
        } else {
            Some(self.cond_jump_false(&w.test)?)
        };
        self.free_to(mark);
        self.blocks.push(Block::Loop {
            continue_to: top,
            breaks: Vec::new(),
        });
        self.nested_body(&w.body)?;
        self.set_line(w.range);
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else {
            return Ok(());
        };
        if let Some(j) = jf {
            self.patch_here(j)?;
        }
        self.nested_body(&w.orelse)?;
        for b in breaks {
            self.patch_here(b)?;
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R<()> {
        let it = self.alloc();
        let item = self.alloc();
        let src = self.expr_any(&f.iter)?;
        self.set_line(f.iter.range());
        self.emit(Instr::GetIter { dst: it, src });
        self.free_to(item + 1);
        let top = self.pc();
        let fi = self.emit(Instr::ForIter {
            iter: it,
            target: 0,
        });
        self.blocks.push(Block::Loop {
            continue_to: top,
            breaks: Vec::new(),
        });
        self.nesting += 1;
        self.assign(&f.target, item)?;
        let r = self.body(&f.body);
        self.nesting -= 1;
        r?;
        self.set_line(f.range);
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else {
            return Ok(());
        };
        self.patch_here(fi)?;
        self.emit(Instr::Clear { reg: it });
        self.nested_body(&f.orelse)?;
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

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> R<()> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        // try/finally around (try/except/else if any).
        let e = self.alloc();
        let region = self.open_region(e);
        self.blocks.push(Block::Finally {
            region,
            body: &t.finalbody,
        });
        if t.handlers.is_empty() {
            self.nested_body(&t.body)?;
            self.nested_body(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.blocks.pop();
        self.close_region(region);
        self.nested_body(&t.finalbody)?;
        let j = self.jump_placeholder();
        self.finish_region(region);
        // Exceptional path: the exception is being handled while `finally` runs (so
        // an exception raised there gets it as __context__).
        self.emit(Instr::PushExcInfo { reg: e });
        self.exc_depth += 1;
        self.nested_body(&t.finalbody)?;
        self.exc_depth -= 1;
        self.emit(Instr::PopExcInfo);
        self.emit(Instr::Reraise { reg: e });
        self.patch_here(j)?;
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R<()> {
        let e = self.alloc();
        let region = self.open_region(e);
        self.blocks.push(Block::Try { region });
        self.nested_body(&t.body)?;
        self.blocks.pop();
        self.close_region(region);
        self.nested_body(&t.orelse)?;
        let mut ends = vec![self.jump_placeholder()];
        self.finish_region(region);
        // Handler: the exception is in `e`.
        self.emit(Instr::PushExcInfo { reg: e });
        self.exc_depth += 1;
        let e2 = self.alloc();
        let cleanup = self.open_region(e2);
        let nh = t.handlers.len();
        for (idx, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let mut next = None;
            if let Some(ty) = &h.type_ {
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
                self.store_name(&n.id, e);
            }
            self.blocks.push(Block::Handler { region: cleanup });
            self.nested_body(&h.body)?;
            self.blocks.pop();
            if let Some(n) = &h.name {
                self.delete_name_quiet(&n.id);
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

    fn with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> R<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.nested_body(body);
        };
        let exit = self.alloc();
        let val = self.alloc();
        let mgr = self.expr_any(&first.context_expr)?;
        self.set_line(first.context_expr.range());
        self.emit(Instr::WithEnter {
            dst: val,
            mgr,
            exit,
        });
        if let Some(v) = &first.optional_vars {
            self.assign(v, val)?;
        }
        let e = self.alloc();
        let region = self.open_region(e);
        self.blocks.push(Block::With { region, exit });
        if rest.is_empty() {
            self.nested_body(body)?;
        } else {
            self.with_stmt(rest, body)?;
        }
        self.blocks.pop();
        self.close_region(region);
        let t = self.alloc();
        self.emit(Instr::Clear { reg: e });
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

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R<()> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                let cur = self.alloc();
                self.load_name(&n.id, cur)?;
                let v = self.expr_any(&a.value)?;
                self.set_line(a.range);
                let dst = match self.loc(&n.id) {
                    Loc::Local(r) => r,
                    _ => cur,
                };
                self.emit(Instr::InplaceBinary {
                    op,
                    dst,
                    a: cur,
                    b: v,
                });
                self.store_name(&n.id, dst);
            }
            Expr::Attribute(at) => {
                let o = self.expr_any(&at.value)?;
                let name = self.attr_name(&at.attr.id, at.range)?;
                let cur = self.alloc();
                self.emit(Instr::GetAttr {
                    dst: cur,
                    obj: o,
                    name,
                });
                let v = self.expr_any(&a.value)?;
                self.set_line(a.range);
                self.emit(Instr::InplaceBinary {
                    op,
                    dst: cur,
                    a: cur,
                    b: v,
                });
                self.emit(Instr::SetAttr {
                    obj: o,
                    name,
                    src: cur,
                });
            }
            Expr::Subscript(s) => {
                let o = self.expr_any(&s.value)?;
                let k = self.expr_any(&s.slice)?;
                let cur = self.alloc();
                self.emit(Instr::GetItem {
                    dst: cur,
                    obj: o,
                    key: k,
                });
                let v = self.expr_any(&a.value)?;
                self.set_line(a.range);
                self.emit(Instr::InplaceBinary {
                    op,
                    dst: cur,
                    a: cur,
                    b: v,
                });
                self.emit(Instr::SetItem {
                    obj: o,
                    key: k,
                    src: cur,
                });
            }
            other => {
                return Err(self.syntax(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    fn assign(&mut self, target: &'a Expr, src: Reg) -> R<()> {
        match target {
            Expr::Name(n) => {
                self.store_name(&n.id, src);
            }
            Expr::Attribute(a) => {
                let mark = self.temp_top;
                let o = self.expr_any(&a.value)?;
                let name = self.attr_name(&a.attr.id, a.range)?;
                self.set_line(a.range);
                self.emit(Instr::SetAttr { obj: o, name, src });
                self.free_to(mark);
            }
            Expr::Subscript(s) => {
                let mark = self.temp_top;
                let o = self.expr_any(&s.value)?;
                let k = self.expr_any(&s.slice)?;
                self.set_line(s.range);
                self.emit(Instr::SetItem {
                    obj: o,
                    key: k,
                    src,
                });
                self.free_to(mark);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let mark = self.temp_top;
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                let n = elts.len() as u16;
                let base = self.alloc_n(n);
                match star {
                    None => {
                        self.emit(Instr::UnpackSeq {
                            dst: base,
                            src,
                            count: n,
                        });
                    }
                    Some(si) => {
                        if elts
                            .iter()
                            .filter(|e| matches!(e, Expr::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(self.syntax(
                                "multiple starred expressions in assignment",
                                target.range(),
                            ));
                        }
                        let before = u8::try_from(si).map_err(|_| {
                            self.err_unsupported("too many targets", target.range())
                        })?;
                        let after = u8::try_from(elts.len() - si - 1).map_err(|_| {
                            self.err_unsupported("too many targets", target.range())
                        })?;
                        self.emit(Instr::UnpackEx {
                            dst: base,
                            src,
                            before,
                            after,
                        });
                    }
                }
                for (i, e) in elts.iter().enumerate() {
                    let e = match e {
                        Expr::Starred(s) => &*s.value,
                        e => e,
                    };
                    self.assign(e, base + i as u16)?;
                }
                self.free_to(mark);
            }
            Expr::Starred(s) => {
                return Err(self.syntax(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                ))
            }
            other => {
                return Err(self.syntax("cannot assign to expression", other.range()));
            }
        }
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> R<()> {
        let mark = self.temp_top;
        match target {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                let o = self.expr_any(&a.value)?;
                let name = self.attr_name(&a.attr.id, a.range)?;
                self.emit(Instr::DelAttr { obj: o, name });
            }
            Expr::Subscript(s) => {
                let o = self.expr_any(&s.value)?;
                let k = self.expr_any(&s.slice)?;
                self.emit(Instr::DelItem { obj: o, key: k });
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            other => return Err(self.syntax("cannot delete expression", other.range())),
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
                            self.table.scopes[child].range.start().to_u32(),
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
    fn defaults(&mut self, p: Option<&'a ast::Parameters>, start: Reg) -> R<()> {
        let Some(p) = p else {
            self.emit(Instr::Clear { reg: start });
            self.emit(Instr::Clear { reg: start + 1 });
            return Ok(());
        };
        let pos: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        let mark = self.temp_top;
        if pos.is_empty() {
            self.emit(Instr::Clear { reg: start });
        } else {
            let base = self.alloc_n(pos.len() as u16);
            for (i, d) in pos.iter().enumerate() {
                self.expr_to(d, base + i as u16)?;
            }
            self.emit(Instr::BuildTuple {
                dst: start,
                start: base,
                count: pos.len() as u16,
            });
            self.free_to(mark);
        }
        let kw: Vec<(&str, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| {
                a.default
                    .as_deref()
                    .map(|d| (a.parameter.name.id.as_str(), d))
            })
            .collect();
        if kw.is_empty() {
            self.emit(Instr::Clear { reg: start + 1 });
        } else {
            let base = self.alloc_n(2 * kw.len() as u16);
            for (i, (n, d)) in kw.iter().enumerate() {
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
    fn annotation_to(&mut self, e: &'a Expr, dst: Reg) -> R<()> {
        if self.source.future_annotations() {
            let text = self
                .source
                .slice(e.range().start().to_u32(), e.range().end().to_u32())
                .to_string();
            let k = self.str_const(&text);
            self.emit(Instr::LoadConst { dst, k });
            return Ok(());
        }
        self.expr_to(e, dst)
    }

    /// `f.__annotations__` of a `def`: a dict register (parameters in order, then
    /// `return`), or None when nothing is annotated.
    fn function_annotations(&mut self, f: &'a ast::StmtFunctionDef) -> R<Option<Reg>> {
        let p = &f.parameters;
        let mut items: Vec<(&str, &'a Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(ann) = &a.parameter.annotation {
                items.push((a.parameter.name.id.as_str(), ann));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = &v.annotation {
                items.push((v.name.id.as_str(), ann));
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(ann) = &a.parameter.annotation {
                items.push((a.parameter.name.id.as_str(), ann));
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(ann) = &v.annotation {
                items.push((v.name.id.as_str(), ann));
            }
        }
        if let Some(r) = &f.returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(None);
        }
        let n = u16::try_from(items.len())
            .map_err(|_| self.err_unsupported("too many annotations", f.range))?;
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

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R<()> {
        if f.is_async {
            return Err(self.err_unsupported("async def", f.range));
        }
        if f.type_params.is_some() {
            return Err(self.err_unsupported("type parameters", f.range));
        }
        let mark = self.temp_top;
        let decos = self.alloc_n(f.decorator_list.len() as u16);
        for (i, d) in f.decorator_list.iter().enumerate() {
            self.expr_to(&d.expression, decos + i as u16)?;
        }
        let child = self
            .table
            .get(f.range)
            .ok_or_else(|| self.err_unsupported("function without scope", f.range))?;
        let start = self.alloc_n(3);
        self.defaults(Some(&f.parameters), start)?;
        let annotations = self.function_annotations(f)?;
        self.closure_for(child, start + 2)?;
        let info = &self.table.scopes[child];
        let mangle_class = if self.kind == ScopeKind::Class {
            Some(Rc::from(self.table.scopes[self.scope].name.as_str()))
        } else {
            self.mangle_class.clone()
        };
        let def_line = self.source.line_of(
            f.decorator_list
                .last()
                .map(|d| d.range.end().to_u32())
                .unwrap_or(f.range.start().to_u32()),
        );
        let stub = FunctionStub {
            name: Rc::from(f.name.id.as_str()),
            qualname: self.qualname_of(&f.name.id),
            source: self.source.clone(),
            start: f.range.start().to_u32(),
            end: f.range.end().to_u32(),
            first_line: def_line.max(self.source.line_of(f.name.range.start().to_u32())),
            summary: ScopeSummary {
                freevars: info.frees.iter().map(|s| Rc::from(s.as_str())).collect(),
                mangle_class,
            },
            params: params_of(Some(&f.parameters)),
            doc: match f.body.first() {
                Some(Stmt::Expr(e)) => match &*e.value {
                    Expr::StringLiteral(s) => Some(Rc::from(s.value.to_str())),
                    _ => None,
                },
                _ => None,
            },
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
        for i in (0..f.decorator_list.len() as u16).rev() {
            let d = decos + i;
            let a = self.alloc();
            let call = self.alloc();
            self.emit(Instr::Move { dst: a, src: d });
            self.emit(Instr::Move { dst: call, src: fr });
            self.emit(Instr::Call {
                dst: fr,
                func: a,
                argc: 1,
            });
            self.free_to(a);
        }
        self.store_name(&f.name.id, fr);
        self.free_to(mark);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R<()> {
        if c.type_params.is_some() {
            return Err(self.err_unsupported("type parameters", c.range));
        }
        let mark = self.temp_top;
        let decos = self.alloc_n(c.decorator_list.len() as u16);
        for (i, d) in c.decorator_list.iter().enumerate() {
            self.expr_to(&d.expression, decos + i as u16)?;
        }
        let child = self
            .table
            .get(c.range)
            .ok_or_else(|| self.err_unsupported("class without scope", c.range))?;
        let qual = self.qualname_of(&c.name.id);
        let code = {
            let mut g = FnGen::new(
                self.source,
                self.table,
                child,
                qual.clone(),
                Some(Rc::from(c.name.id.as_str())),
                self.source.line_of(c.range.start().to_u32()),
            );
            g.set_line(c.range);
            let t = g.alloc();
            let n = g.name("__name__");
            g.emit(Instr::LoadGlobal { dst: t, name: n });
            let m = g.name("__module__");
            g.emit(Instr::StoreName { src: t, name: m });
            g.load_const(Const::Str(qual.clone()), t);
            let q = g.name("__qualname__");
            g.emit(Instr::StoreName { src: t, name: q });
            if let Some(Stmt::Expr(e)) = c.body.first() {
                if let Expr::StringLiteral(s) = &*e.value {
                    g.load_const(Const::Str(Rc::from(s.value.to_str())), t);
                    let d = g.name("__doc__");
                    g.emit(Instr::StoreName { src: t, name: d });
                }
            }
            g.free_to(t);
            g.setup_annotations(&c.body);
            g.body(&c.body)?;
            let t = g.alloc();
            match g.class_cell {
                Some(cell) => {
                    g.emit(Instr::Move { dst: t, src: cell });
                }
                None => g.load_const(Const::None, t),
            }
            g.emit(Instr::Return { src: t });
            g.finish(
                Rc::from(c.name.id.as_str()),
                Params::default(),
                CodeFlags {
                    class_body: true,
                    ..Default::default()
                },
            )
        };
        let nbases = c.arguments.as_ref().map(|a| a.args.len()).unwrap_or(0) as u16;
        if let Some(a) = &c.arguments {
            if a.keywords.iter().any(|k| k.arg.is_none()) {
                return Err(self.err_unsupported("**kwargs in a class definition", c.range));
            }
            if a.args.iter().any(|e| matches!(e, Expr::Starred(_))) {
                return Err(self.err_unsupported("starred class bases", c.range));
            }
        }
        let fstart = self.alloc_n(3);
        self.emit(Instr::Clear { reg: fstart });
        self.emit(Instr::Clear { reg: fstart + 1 });
        self.closure_for(child, fstart + 2)?;
        let start = self.alloc_n(2 + nbases);
        let k = self.konst16(Const::Code(Rc::new(code)))?;
        self.set_line(c.range);
        self.emit(Instr::MakeFunction {
            dst: start,
            k,
            start: fstart,
        });
        let nk = self.str_const(&c.name.id);
        self.emit(Instr::LoadConst {
            dst: start + 1,
            k: nk,
        });
        if let Some(a) = &c.arguments {
            for (i, b) in a.args.iter().enumerate() {
                self.expr_to(b, start + 2 + i as u16)?;
            }
        }
        // Class keywords (`metaclass=`, arguments of `__init_subclass__`): the name
        // register holds the tuple (name, {keyword: value, …}) instead of the name.
        let kws: &[ast::Keyword] = c.arguments.as_ref().map(|a| &a.keywords[..]).unwrap_or(&[]);
        if !kws.is_empty() {
            let m = self.temp_top;
            let t = self.alloc_n(2 + 2 * kws.len() as u16);
            self.emit(Instr::Move {
                dst: t,
                src: start + 1,
            });
            for (i, k) in kws.iter().enumerate() {
                let kr = t + 2 + 2 * i as u16;
                let Some(name) = &k.arg else { continue };
                let kc = self.str_const(name.id.as_str());
                self.emit(Instr::LoadConst { dst: kr, k: kc });
                self.expr_to(&k.value, kr + 1)?;
            }
            self.emit(Instr::BuildDict {
                dst: t + 1,
                start: t + 2,
                count: kws.len() as u16,
            });
            self.emit(Instr::BuildTuple {
                dst: start + 1,
                start: t,
                count: 2,
            });
            self.free_to(m);
        }
        let cls = self.alloc();
        self.set_line(c.range);
        self.emit(Instr::BuildClass {
            dst: cls,
            start,
            nbases,
        });
        for i in (0..c.decorator_list.len() as u16).rev() {
            let a = self.alloc();
            let arg = self.alloc();
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
        self.store_name(&c.name.id, cls);
        self.free_to(mark);
        Ok(())
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda, dst: Reg) -> R<()> {
        let child = self
            .table
            .get(l.range)
            .ok_or_else(|| self.err_unsupported("lambda without scope", l.range))?;
        let code = {
            let mut g = FnGen::new(
                self.source,
                self.table,
                child,
                self.qualname_of("<lambda>"),
                self.mangle_class.clone(),
                self.source.line_of(l.range.start().to_u32()),
            );
            g.set_line(l.range);
            let r = g.alloc();
            g.expr_to(&l.body, r)?;
            g.emit(Instr::Return { src: r });
            let generator = g.table.scopes[child].generator;
            g.finish(
                Rc::from("<lambda>"),
                params_of(l.parameters.as_deref()),
                CodeFlags {
                    lambda: true,
                    generator,
                    ..Default::default()
                },
            )
        };
        let mark = self.temp_top;
        let start = self.alloc_n(3);
        self.defaults(l.parameters.as_deref(), start)?;
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
        range: TextRange,
        name: &str,
        gens: &'a [ast::Comprehension],
        kind: CompKind<'a>,
        dst: Reg,
    ) -> R<()> {
        let child = self
            .table
            .get(range)
            .ok_or_else(|| self.err_unsupported("comprehension without scope", range))?;
        let code = {
            let mut g = FnGen::new(
                self.source,
                self.table,
                child,
                self.qualname_of(name),
                self.mangle_class.clone(),
                self.source.line_of(range.start().to_u32()),
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
        let src = self.expr_any(&gens[0].iter)?;
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
        gens: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind<'a>,
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
            let src = self.expr_any(&g.iter)?;
            self.emit(Instr::GetIter { dst: it, src });
            self.free_to(item + 1);
        }
        let top = self.pc();
        let fi = self.emit(Instr::ForIter {
            iter: it,
            target: 0,
        });
        self.nesting += 1;
        self.assign(&g.target, item)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            let m = self.temp_top;
            skips.push(self.cond_jump_false(cond)?);
            self.free_to(m);
        }
        self.comp_loop(gens, i + 1, kind, acc)?;
        self.nesting -= 1;
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
            lines: self.lines,
            exc_table: self.exc_table,
        }
    }

    // ---- expressions ----

    /// Evaluate `e` into some register: a local's own register when possible.
    fn expr_any(&mut self, e: &'a Expr) -> R<Reg> {
        if let Some(r) = self.local_in_place(e) {
            return Ok(r);
        }
        let t = self.alloc();
        self.expr_to(e, t)?;
        Ok(t)
    }

    fn expr_to(&mut self, e: &'a Expr, dst: Reg) -> R<()> {
        let mark = self.temp_top.max(dst + 1);
        if self.temp_top < mark {
            // dst is above the temp top (rare): keep it reserved while we work.
            self.temp_top = mark;
            if self.max_reg < mark {
                self.max_reg = mark;
            }
        }
        let saved = self.temp_top;
        let r = self.expr_inner(e, dst);
        self.temp_top = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr, dst: Reg) -> R<()> {
        match e {
            Expr::NumberLiteral(n) => {
                let c = match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => Const::Int(v),
                        None => match parse_big_int(&i.to_string()) {
                            Some(b) => Const::BigInt(b),
                            None => return Err(self.syntax("invalid integer literal", n.range)),
                        },
                    },
                    ast::Number::Float(f) => Const::Float(*f),
                    ast::Number::Complex { real, imag } => Const::Complex(*real, *imag),
                };
                self.load_const(c, dst);
            }
            Expr::StringLiteral(s) => {
                let k = self.str_const(s.value.to_str());
                self.emit(Instr::LoadConst { dst, k });
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.load_const(Const::Bytes(Rc::from(bytes)), dst);
            }
            Expr::BooleanLiteral(b) => {
                self.load_const(if b.value { Const::True } else { Const::False }, dst)
            }
            Expr::NoneLiteral(_) => self.load_const(Const::None, dst),
            Expr::EllipsisLiteral(_) => self.load_const(Const::Ellipsis, dst),
            Expr::Name(n) => {
                if n.ctx != ExprContext::Load {
                    return Err(self.syntax("invalid name context", n.range));
                }
                self.set_line(n.range);
                self.load_name(&n.id, dst)?;
            }
            Expr::BinOp(b) => {
                if let Some(c) = self.fold(e) {
                    self.load_const(c, dst);
                    return Ok(());
                }
                let l = self.expr_any(&b.left)?;
                let r = self.expr_any(&b.right)?;
                self.set_line(b.range);
                self.emit(Instr::Binary {
                    op: binop(b.op),
                    dst,
                    a: l,
                    b: r,
                });
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = self.fold(e) {
                    self.load_const(c, dst);
                    return Ok(());
                }
                let s = self.expr_any(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                self.set_line(u.range);
                self.emit(Instr::Unary { op, dst, src: s });
            }
            Expr::BoolOp(b) => {
                let mut ends = Vec::new();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr_to(v, dst)?;
                    if i + 1 < n {
                        ends.push(match b.op {
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
            Expr::Compare(c) => {
                let mut left = self.expr_any(&c.left)?;
                let n = c.ops.len();
                let mut ends = Vec::new();
                for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                    let r = self.expr_any(right)?;
                    self.set_line(c.range);
                    self.emit(Instr::Compare {
                        op: cmpop(*op),
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
            Expr::If(i) => {
                let jf = self.cond_jump_false(&i.test)?;
                self.expr_to(&i.body, dst)?;
                let j = self.jump_placeholder();
                self.patch_here(jf)?;
                self.expr_to(&i.orelse, dst)?;
                self.patch_here(j)?;
            }
            Expr::Named(n) => {
                self.expr_to(&n.value, dst)?;
                if let Expr::Name(t) = &*n.target {
                    self.store_name(&t.id, dst);
                }
            }
            Expr::Call(c) => self.call(c, dst)?,
            Expr::Attribute(a) => {
                let o = self.expr_any(&a.value)?;
                let name = self.attr_name(&a.attr.id, a.range)?;
                self.set_line(a.range);
                self.emit(Instr::GetAttr { dst, obj: o, name });
            }
            Expr::Subscript(s) => {
                let o = self.expr_any(&s.value)?;
                let k = self.expr_any(&s.slice)?;
                self.set_line(s.range);
                self.emit(Instr::GetItem {
                    dst,
                    obj: o,
                    key: k,
                });
            }
            Expr::Slice(s) => {
                let base = self.alloc_n(3);
                for (i, part) in [&s.lower, &s.upper, &s.step].iter().enumerate() {
                    match part {
                        Some(p) => self.expr_to(p, base + i as u16)?,
                        None => self.load_const(Const::None, base + i as u16),
                    }
                }
                self.emit(Instr::BuildSlice { dst, start: base });
            }
            Expr::List(l) => self.build_seq(&l.elts, dst, SeqKind::List)?,
            Expr::Tuple(t) => {
                if let Some(c) = self.fold(e) {
                    self.load_const(c, dst);
                    return Ok(());
                }
                self.build_seq(&t.elts, dst, SeqKind::Tuple)?
            }
            Expr::Set(s) => self.build_seq(&s.elts, dst, SeqKind::Set)?,
            Expr::Dict(d) => {
                let plain = d.items.iter().all(|i| i.key.is_some());
                if plain && d.items.len() < 256 {
                    let n = d.items.len() as u16;
                    let base = self.alloc_n(2 * n);
                    for (i, item) in d.items.iter().enumerate() {
                        if let Some(k) = &item.key {
                            self.expr_to(k, base + 2 * i as u16)?;
                        }
                        self.expr_to(&item.value, base + 2 * i as u16 + 1)?;
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
                    for item in &d.items {
                        let m = self.temp_top;
                        match &item.key {
                            Some(k) => {
                                let k = self.expr_any(k)?;
                                let v = self.expr_any(&item.value)?;
                                self.emit(Instr::DictInsert {
                                    dict: acc,
                                    key: k,
                                    src: v,
                                });
                            }
                            None => {
                                let v = self.expr_any(&item.value)?;
                                self.emit(Instr::DictUpdate { dict: acc, src: v });
                            }
                        }
                        self.free_to(m);
                    }
                    self.emit(Instr::Move { dst, src: acc });
                }
            }
            Expr::ListComp(c) => self.comprehension(
                c.range,
                "<listcomp>",
                &c.generators,
                CompKind::List(&c.elt),
                dst,
            )?,
            Expr::SetComp(c) => self.comprehension(
                c.range,
                "<setcomp>",
                &c.generators,
                CompKind::Set(&c.elt),
                dst,
            )?,
            Expr::DictComp(c) => self.comprehension(
                c.range,
                "<dictcomp>",
                &c.generators,
                CompKind::Dict(c.key.as_deref().unwrap_or(&c.value), &c.value),
                dst,
            )?,
            Expr::Generator(c) => self.comprehension(
                c.range,
                "<genexpr>",
                &c.generators,
                CompKind::Gen(&c.elt),
                dst,
            )?,
            Expr::Lambda(l) => self.lambda(l, dst)?,
            Expr::Yield(y) => {
                if !self.kind.is_function_like() {
                    return Err(self.syntax("'yield' outside function", y.range));
                }
                let v = match &y.value {
                    Some(v) => self.expr_any(v)?,
                    None => {
                        let t = self.alloc();
                        self.load_const(Const::None, t);
                        t
                    }
                };
                self.set_line(y.range);
                self.emit(Instr::Yield { dst, src: v });
            }
            Expr::YieldFrom(y) => {
                if !self.kind.is_function_like() {
                    return Err(self.syntax("'yield' outside function", y.range));
                }
                let v = self.expr_any(&y.value)?;
                let it = self.alloc();
                self.set_line(y.range);
                self.emit(Instr::GetIter { dst: it, src: v });
                self.emit(Instr::Clear { reg: dst });
                self.emit(Instr::YieldFrom { dst, src: it });
            }
            Expr::FString(f) => self.fstring(f, dst)?,
            Expr::Starred(s) => {
                return Err(self.syntax("can't use starred expression here", s.range))
            }
            Expr::Await(a) => return Err(self.err_unsupported("await", a.range)),
            Expr::TString(t) => return Err(self.err_unsupported("template strings", t.range)),
            Expr::IpyEscapeCommand(c) => return Err(self.syntax("invalid syntax", c.range)),
        }
        Ok(())
    }

    /// Constant folding of literal arithmetic (only where the result is small and the
    /// operation cannot raise).
    fn fold(&self, e: &Expr) -> Option<Const> {
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => i.as_i64().map(Const::Int),
                ast::Number::Float(f) => Some(Const::Float(*f)),
                _ => None,
            },
            Expr::StringLiteral(s) => Some(Const::Str(Rc::from(s.value.to_str()))),
            Expr::NoneLiteral(_) => Some(Const::None),
            Expr::BooleanLiteral(b) => Some(if b.value { Const::True } else { Const::False }),
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match self.fold(&u.operand)? {
                Const::Int(i) => i.checked_neg().map(Const::Int),
                Const::Float(f) => Some(Const::Float(-f)),
                _ => None,
            },
            Expr::BinOp(b) => {
                let l = self.fold(&b.left)?;
                let r = self.fold(&b.right)?;
                const LIM: i64 = 1 << 40;
                match (l, r, b.op) {
                    (Const::Int(x), Const::Int(y), op) if x.abs() < LIM && y.abs() < LIM => {
                        match op {
                            ast::Operator::Add => Some(Const::Int(x + y)),
                            ast::Operator::Sub => Some(Const::Int(x - y)),
                            ast::Operator::Mult => {
                                x.checked_mul(y).filter(|v| v.abs() < LIM).map(Const::Int)
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
            Expr::Tuple(t) if !t.elts.is_empty() && t.elts.len() <= 32 => {
                let items: Option<Vec<Const>> = t.elts.iter().map(|x| self.fold(x)).collect();
                items.map(|v| Const::Tuple(Rc::from(v)))
            }
            _ => None,
        }
    }

    fn build_seq(&mut self, elts: &'a [Expr], dst: Reg, kind: SeqKind) -> R<()> {
        self.build_seq_for(elts, dst, kind, None)
    }

    /// `build_seq`; `call` is the register of the function when these are the
    /// positional arguments of a call (its name is in the error for a bad `*x`).
    fn build_seq_for(
        &mut self,
        elts: &'a [Expr],
        dst: Reg,
        kind: SeqKind,
        call: Option<Reg>,
    ) -> R<()> {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred && elts.len() < 1024 {
            let n = elts.len() as u16;
            let base = self.alloc_n(n);
            for (i, e) in elts.iter().enumerate() {
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
        for e in elts {
            let m = self.temp_top;
            match e {
                Expr::Starred(s) => {
                    let v = self.expr_any(&s.value)?;
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
                e => {
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

    fn call(&mut self, c: &'a ast::ExprCall, dst: Reg) -> R<()> {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = kws.iter().any(|k| k.arg.is_none());
        if has_star || has_dstar {
            let f = self.alloc();
            self.expr_to(&c.func, f)?;
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
                    match &k.arg {
                        Some(name) if merged => {
                            // After a `**`, a keyword may repeat a key it brought.
                            let pair = self.alloc_n(2);
                            let kk = self.str_const(&name.id);
                            self.emit(Instr::LoadConst { dst: pair, k: kk });
                            self.expr_to(&k.value, pair + 1)?;
                            let one = self.alloc();
                            self.emit(Instr::BuildDict {
                                dst: one,
                                start: pair,
                                count: 1,
                            });
                            self.set_line(k.range);
                            self.emit(Instr::DictMerge {
                                dict,
                                src: one,
                                func: f,
                            });
                        }
                        Some(name) => {
                            let v = self.expr_any(&k.value)?;
                            let kr = self.alloc();
                            let kk = self.str_const(&name.id);
                            self.emit(Instr::LoadConst { dst: kr, k: kk });
                            self.emit(Instr::DictInsert {
                                dict,
                                key: kr,
                                src: v,
                            });
                        }
                        None => {
                            let v = self.expr_any(&k.value)?;
                            self.set_line(k.range);
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
            self.set_line(c.range());
            self.emit(Instr::CallEx {
                dst,
                func: f,
                args: tuple,
            });
            return Ok(());
        }
        let argc = args.len() + kws.len();
        if argc > 250 {
            return Err(self.err_unsupported("more than 250 arguments in one call", c.range()));
        }
        if let (Expr::Attribute(a), true) = (&*c.func, kws.is_empty()) {
            let base = self.alloc_n(2);
            let o = self.expr_any(&a.value)?;
            let name = self.attr_name(&a.attr.id, a.range)?;
            self.set_line(a.range);
            self.emit(Instr::LoadMethod {
                dst: base,
                obj: o,
                name,
            });
            self.free_to(base + 2);
            let argbase = self.alloc_n(args.len() as u16);
            for (i, a) in args.iter().enumerate() {
                self.expr_to(a, argbase + i as u16)?;
            }
            self.set_line(c.range());
            self.emit(Instr::CallMethod {
                dst,
                base,
                argc: args.len() as u16,
            });
            return Ok(());
        }
        let f = self.alloc();
        self.expr_to(&c.func, f)?;
        let base = self.alloc_n(argc as u16);
        for (i, a) in args.iter().enumerate() {
            self.expr_to(a, base + i as u16)?;
        }
        for (i, k) in kws.iter().enumerate() {
            self.expr_to(&k.value, base + (args.len() + i) as u16)?;
        }
        self.set_line(c.range());
        if kws.is_empty() {
            self.emit(Instr::Call {
                dst,
                func: f,
                argc: argc as u16,
            });
        } else {
            let names: Vec<Const> = kws
                .iter()
                .map(|k| {
                    Const::Str(Rc::from(
                        k.arg.as_ref().map(|a| a.id.as_str()).unwrap_or(""),
                    ))
                })
                .collect();
            let mut seen = IndexSet::new();
            for k in kws.iter() {
                if let Some(a) = &k.arg {
                    if !seen.insert(a.id.as_str()) {
                        return Err(
                            self.syntax(&format!("keyword argument repeated: {}", a.id), k.range)
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

    fn fstring(&mut self, f: &'a ast::ExprFString, dst: Reg) -> R<()> {
        let mark = self.temp_top;
        let mut pieces: Vec<Reg> = Vec::new();
        for part in f.value.as_slice() {
            match part {
                ast::FStringPart::Literal(s) => {
                    let r = self.alloc();
                    let k = self.str_const(&s.value);
                    self.emit(Instr::LoadConst { dst: r, k });
                    pieces.push(r);
                }
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut pieces)?;
                }
            }
        }
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

    fn fstring_elements(
        &mut self,
        elements: &'a [ast::InterpolatedStringElement],
        pieces: &mut Vec<Reg>,
    ) -> R<()> {
        for el in elements {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let r = self.alloc();
                    let k = self.str_const(&l.value);
                    self.emit(Instr::LoadConst { dst: r, k });
                    pieces.push(r);
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0u8,
                        ast::ConversionFlag::Str => b's',
                        ast::ConversionFlag::Repr => b'r',
                        ast::ConversionFlag::Ascii => b'a',
                    };
                    if let Some(d) = &i.debug_text {
                        let r = self.alloc();
                        let text = format!(
                            "{}{}{}",
                            d.leading(),
                            self.source
                                .text
                                .get(
                                    i.expression.range().start().to_usize()
                                        ..i.expression.range().end().to_usize()
                                )
                                .unwrap_or(""),
                            d.trailing()
                        );
                        let k = self.str_const(&text);
                        self.emit(Instr::LoadConst { dst: r, k });
                        pieces.push(r);
                        if conv == 0 && i.format_spec.is_none() {
                            conv = b'r';
                        }
                    }
                    let out = self.alloc();
                    let v = self.alloc();
                    let has_spec = i.format_spec.is_some();
                    let spec = if has_spec { self.alloc() } else { 0 };
                    self.expr_to(&i.expression, v)?;
                    if let Some(s) = &i.format_spec {
                        let mut sp = Vec::new();
                        let m = self.temp_top;
                        self.fstring_elements(&s.elements, &mut sp)?;
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
enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

pub fn compile_module(
    source: &Rc<Source>,
    table: &ScopeTable,
    body: &[Stmt],
    interactive: bool,
) -> Result<Code, CompileError> {
    let mut g = FnGen::new(source, table, 0, Rc::from("<module>"), None, 1);
    g.interactive = interactive;
    // Module docstring (interactive input has none: a string is echoed).
    if let (Some(Stmt::Expr(e)), false) = (body.first(), interactive) {
        if let Expr::StringLiteral(s) = &*e.value {
            let t = g.alloc();
            g.load_const(Const::Str(Rc::from(s.value.to_str())), t);
            let n = g.name("__doc__");
            g.emit(Instr::StoreGlobal { src: t, name: n });
            g.free_to(t);
        }
    }
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

pub fn compile_function(
    source: &Rc<Source>,
    table: &ScopeTable,
    def: &ast::StmtFunctionDef,
    stub: &FunctionStub,
) -> Result<Code, CompileError> {
    let id = table
        .get(def.range)
        .ok_or_else(|| source.unsupported("function without scope", def.range.start().to_u32()))?;
    let mut g = FnGen::new(
        source,
        table,
        id,
        stub.qualname.clone(),
        stub.summary.mangle_class.clone(),
        stub.first_line,
    );
    collect_deleted(&def.body, &mut g.checked);
    g.body(&def.body)?;
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
