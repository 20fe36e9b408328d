//! Scope analysis: which names are local, cell, free or global in each scope.
//!
//! Two passes over a subtree, as CPython's symtable does: the first records, per scope,
//! the names bound, declared `global`/`nonlocal` and used; the second resolves them top
//! down, given the names the enclosing function scopes bind. A function's resolved free
//! variables form its [`ScopeSummary`](crate::bytecode::ScopeSummary): analysing the
//! function's subtree alone with its free variables as "enclosing" gives the same answer
//! as analysing the whole module, which is what lets bodies compile lazily.
//!
//! It runs on the tree IR ([`crate::ir`]), walking it in the order of the source (the
//! order names are first seen decides register numbers). Scopes are keyed by the byte
//! range of the node that opens them; maps are ordered (IndexMap, first occurrence) so
//! code generation is deterministic.

use crate::ir::{
    self, ExprId, ExprKind as E, FPart, Ir, IrConst, List, PatId, PatKind, Range, StmtId,
    StmtKind as S,
};
use crate::{CompileError, Source};
use indexmap::{IndexMap, IndexSet};
use ruff_python_ast::ExprContext;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Comprehension,
    Class,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

/// How a name is accessed from one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// A plain local register.
    Local,
    /// A local captured by an inner scope: lives in a cell.
    Cell,
    /// Bound in an enclosing function scope.
    Free,
    /// Declared `global`, or not bound anywhere: globals then builtins.
    Global,
    /// Class or module namespace (class bodies).
    Namespace,
}

#[derive(Debug)]
pub struct ScopeInfo {
    pub kind: ScopeKind,
    pub name: String,
    pub range: Range,
    pub params: Vec<String>,
    pub bound: IndexSet<String>,
    pub globals: IndexSet<String>,
    pub nonlocals: IndexSet<String>,
    pub used: IndexSet<String>,
    pub children: Vec<usize>,
    pub generator: bool,
    /// Uses `super` or `__class__` (methods then get a `__class__` free variable).
    pub uses_class_cell: bool,
    // Results of resolution:
    pub cells: IndexSet<String>,
    pub frees: IndexSet<String>,
    /// Class scopes: a method needs the `__class__` cell.
    pub needs_class_cell: bool,
    pub parent: Option<usize>,
}

impl ScopeInfo {
    fn new(kind: ScopeKind, name: String, range: Range, parent: Option<usize>) -> Self {
        ScopeInfo {
            kind,
            name,
            range,
            params: Vec::new(),
            bound: IndexSet::new(),
            globals: IndexSet::new(),
            nonlocals: IndexSet::new(),
            used: IndexSet::new(),
            children: Vec::new(),
            generator: false,
            uses_class_cell: false,
            cells: IndexSet::new(),
            frees: IndexSet::new(),
            needs_class_cell: false,
            parent,
        }
    }

    /// How `name` is accessed from this scope.
    pub fn kind_of(&self, name: &str) -> NameKind {
        if self.globals.contains(name) {
            return NameKind::Global;
        }
        match self.kind {
            ScopeKind::Module => NameKind::Global,
            ScopeKind::Class => {
                if self.bound.contains(name) || !self.frees.contains(name) {
                    NameKind::Namespace
                } else {
                    NameKind::Free
                }
            }
            _ => {
                if self.cells.contains(name) {
                    NameKind::Cell
                } else if self.frees.contains(name) {
                    NameKind::Free
                } else if self.bound.contains(name) {
                    NameKind::Local
                } else {
                    NameKind::Global
                }
            }
        }
    }
}

/// The scopes of one analysed subtree.
#[derive(Debug, Default)]
pub struct ScopeTable {
    pub scopes: Vec<ScopeInfo>,
    pub by_range: IndexMap<(u32, u32), usize>,
}

impl ScopeTable {
    /// The scope opened by the node spanning `start..end`.
    pub fn get_span(&self, start: u32, end: u32) -> Option<usize> {
        self.by_range.get(&(start, end)).copied()
    }
}

const STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

struct Builder<'s, 'i> {
    table: ScopeTable,
    stack: Vec<usize>,
    /// Loop nesting of the current scope (`break`/`continue` checks); one entry per
    /// scope on `stack`.
    loops: Vec<u32>,
    /// Per scope on `stack`: inside an `except*` handler, the loop nesting where the
    /// innermost one started (`break`/`continue` out of it and `return` are errors).
    star_handler: Vec<Option<u32>>,
    source: &'s Source,
    ir: &'i Ir,
    error: Option<CompileError>,
}

impl<'s, 'i> Builder<'s, 'i> {
    fn new(source: &'s Source, ir: &'i Ir) -> Self {
        Builder {
            table: ScopeTable::default(),
            stack: Vec::new(),
            loops: Vec::new(),
            star_handler: Vec::new(),
            source,
            ir,
            error: None,
        }
    }

    fn cur(&mut self) -> &mut ScopeInfo {
        let i = *self.stack.last().expect("scope stack is never empty");
        &mut self.table.scopes[i]
    }

    fn push(&mut self, kind: ScopeKind, name: String, range: Range) -> usize {
        let parent = self.stack.last().copied();
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(ScopeInfo::new(kind, name, range, parent));
        if let Some(p) = parent {
            self.table.scopes[p].children.push(id);
        }
        self.table.by_range.insert((range.start, range.end), id);
        self.stack.push(id);
        self.loops.push(0);
        self.star_handler.push(None);
        id
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.loops.pop();
        self.star_handler.pop();
    }

    /// `break`/`continue` (`exits_loop`) or `return` leaves an `except*` handler.
    fn leaves_star_handler(&self, exits_loop: bool) -> bool {
        match self.star_handler.last().copied().flatten() {
            Some(at) => !exits_loop || self.loops.last().copied().unwrap_or(0) == at,
            None => false,
        }
    }

    fn body(&mut self, body: List<StmtId>) {
        for &s in self.ir.list(body) {
            self.visit_stmt(s);
        }
    }

    fn exprs(&mut self, es: List<ExprId>) {
        for &e in self.ir.list(es) {
            self.visit_expr(e);
        }
    }

    fn opt(&mut self, e: Option<ExprId>) {
        if let Some(e) = e {
            self.visit_expr(e);
        }
    }

    fn loop_body(&mut self, body: List<StmtId>) {
        if let Some(l) = self.loops.last_mut() {
            *l += 1;
        }
        self.body(body);
        if let Some(l) = self.loops.last_mut() {
            *l -= 1;
        }
    }

    fn in_loop(&self) -> bool {
        self.loops.last().copied().unwrap_or(0) > 0
    }

    fn fail(&mut self, msg: String, at: Range) {
        if self.error.is_none() {
            self.error = Some(self.source.syntax_error(msg, at.start));
        }
    }

    fn bind(&mut self, name: &str) {
        self.cur().bound.insert(name.to_string());
    }

    fn use_name(&mut self, name: &str) {
        let s = self.cur();
        if name == "super" || name == "__class__" {
            s.uses_class_cell = true;
        }
        s.used.insert(name.to_string());
    }

    fn params(&mut self, p: ir::Idx<ir::Params>) {
        let ir = self.ir;
        let all = ir.list(ir.get(p).all);
        // Register order: positional, keyword-only, *args, **kwargs (the IR's order).
        let mut seen: IndexSet<&str> = IndexSet::new();
        for a in all {
            let n = ir.name(a.name.name);
            if !seen.insert(n) {
                self.fail(
                    format!("duplicate argument '{n}' in function definition"),
                    a.range,
                );
            }
        }
        let order: Vec<String> = all
            .iter()
            .map(|a| ir.name(a.name.name).to_string())
            .collect();
        for n in &order {
            self.cur().bound.insert(n.clone());
        }
        self.cur().params = order;
    }

    fn defaults(&mut self, p: ir::Idx<ir::Params>) {
        let ir = self.ir;
        let p = ir.get(p);
        let n = (p.n_posonly + p.n_args + p.n_kwonly) as usize;
        for a in &ir.list(p.all)[..n] {
            self.opt(a.default);
        }
    }

    fn comprehension(
        &mut self,
        name: &str,
        range: Range,
        gens: List<ir::Comprehension>,
        elts: &[ExprId],
    ) {
        let ir = self.ir;
        let gens = ir.list(gens);
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = gens.first() {
            self.visit_expr(first.iter);
        }
        self.push(ScopeKind::Comprehension, name.to_string(), range);
        self.cur().params = vec![".0".to_string()];
        self.cur().bound.insert(".0".to_string());
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.fail("unsupported: async comprehension".into(), g.range);
            }
            if i > 0 {
                self.visit_expr(g.iter);
            }
            self.visit_expr(g.target);
            self.exprs(g.ifs);
        }
        for &e in elts {
            self.visit_expr(e);
        }
        if name == "<genexpr>" {
            self.cur().generator = true;
        }
        self.pop();
    }

    fn visit_stmt(&mut self, s: StmtId) {
        let ir = self.ir;
        let node = ir.stmt(s);
        let srange = node.range;
        match node.kind {
            S::FunctionDef(f) => {
                let f = ir.get(f);
                for d in ir.list(f.decorators) {
                    self.visit_expr(d.expr);
                }
                self.defaults(f.params);
                let name = ir.name(f.name.name);
                self.bind(name);
                self.push(ScopeKind::Function, name.to_string(), srange);
                self.params(f.params);
                self.body(f.body);
                self.pop();
            }
            S::ClassDef(c) => {
                let c = ir.get(c);
                for d in ir.list(c.decorators) {
                    self.visit_expr(d.expr);
                }
                if let Some(args) = c.arguments {
                    let args = ir.get(args);
                    self.exprs(args.args);
                    for k in ir.list(args.keywords) {
                        self.visit_expr(k.value);
                    }
                }
                let name = ir.name(c.name.name);
                self.bind(name);
                self.push(ScopeKind::Class, name.to_string(), srange);
                self.body(c.body);
                self.pop();
            }
            S::Global(names) => {
                for n in ir.list(names) {
                    let name = ir.name(n.name).to_string();
                    let s = self.cur();
                    if s.kind == ScopeKind::Module {
                        continue;
                    }
                    if s.params.contains(&name) {
                        self.fail(format!("name '{name}' is parameter and global"), n.range);
                    } else if s.used.contains(&name) || s.bound.contains(&name) {
                        let what = if self.cur().bound.contains(&name) {
                            "assigned to before"
                        } else {
                            "used prior to"
                        };
                        self.fail(
                            format!("name '{name}' is {what} global declaration"),
                            n.range,
                        );
                    }
                    self.cur().globals.insert(name);
                }
            }
            S::Nonlocal(names) => {
                for n in ir.list(names) {
                    let name = ir.name(n.name).to_string();
                    let kind = self.cur().kind;
                    if kind == ScopeKind::Module {
                        self.fail(
                            "nonlocal declaration not allowed at module level".into(),
                            srange,
                        );
                        continue;
                    }
                    if self.cur().params.contains(&name) {
                        self.fail(format!("name '{name}' is parameter and nonlocal"), n.range);
                    } else if self.cur().used.contains(&name) || self.cur().bound.contains(&name) {
                        let what = if self.cur().bound.contains(&name) {
                            "assigned to before"
                        } else {
                            "used prior to"
                        };
                        self.fail(
                            format!("name '{name}' is {what} nonlocal declaration"),
                            n.range,
                        );
                    }
                    self.cur().nonlocals.insert(name);
                }
            }
            S::Import(names) => {
                for a in ir.list(names) {
                    let bound = match &a.asname {
                        Some(n) => ir.name(n.name),
                        None => ir.name(a.name.name).split('.').next().unwrap_or(""),
                    };
                    self.bind(bound);
                }
            }
            S::ImportFrom { names, .. } => {
                for a in ir.list(names) {
                    if ir.name(a.name.name) == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            self.fail("import * only allowed at module level".into(), srange);
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(ir.name(bound.name));
                }
            }
            S::Try(t) => {
                let t = ir.get(t);
                self.body(t.body);
                for h in ir.list(t.handlers) {
                    self.opt(h.type_);
                    if let Some(n) = &h.name {
                        self.bind(ir.name(n.name));
                    }
                    let saved = self.star_handler.last().copied().flatten();
                    if t.is_star {
                        let at = self.loops.last().copied().unwrap_or(0);
                        if let Some(h) = self.star_handler.last_mut() {
                            *h = Some(at);
                        }
                    }
                    self.body(h.body);
                    if let Some(h) = self.star_handler.last_mut() {
                        *h = saved;
                    }
                }
                self.body(t.orelse);
                self.body(t.finalbody);
            }
            S::AnnAssign { target, value, .. } => {
                // Annotations are not evaluated (as under PEP 563); only the binding.
                if let Some(v) = value {
                    self.visit_expr(v);
                    self.visit_expr(target);
                } else if let E::Name { id, .. } = ir.expr(target).kind {
                    // `x: int` alone makes x local without binding it.
                    self.bind(ir.name(id));
                } else {
                    self.visit_expr(target);
                }
            }
            S::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(iter);
                self.visit_expr(target);
                self.loop_body(body);
                self.body(orelse);
            }
            S::While { test, body, orelse } => {
                self.visit_expr(test);
                self.loop_body(body);
                self.body(orelse);
            }
            S::Match { subject, cases } => {
                let cases = ir.list(cases);
                for case in &cases[..cases.len().saturating_sub(1)] {
                    let p = ir.pat(case.pattern);
                    if let (
                        PatKind::As {
                            pattern: None,
                            name,
                        },
                        None,
                    ) = (p.kind, case.guard)
                    {
                        let msg = match name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                ir.name(n.name)
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        self.fail(msg, p.range);
                    }
                }
                self.visit_expr(subject);
                for case in cases {
                    self.visit_pattern(case.pattern);
                    self.opt(case.guard);
                    self.body(case.body);
                }
            }
            S::Break => {
                if !self.in_loop() {
                    self.fail("'break' outside loop".into(), srange);
                } else if self.leaves_star_handler(true) {
                    self.fail(STAR_EXIT.into(), srange);
                }
            }
            S::Continue => {
                if !self.in_loop() {
                    self.fail("'continue' not properly in loop".into(), srange);
                } else if self.leaves_star_handler(true) {
                    self.fail(STAR_EXIT.into(), srange);
                }
            }
            S::Return(value) => {
                if !self.cur().kind.is_function_like() {
                    self.fail("'return' outside function".into(), srange);
                } else if self.leaves_star_handler(false) {
                    // CPython points at a constant return value, else at the statement.
                    let at = match value.map(|v| ir.expr(v)) {
                        Some(v) if matches!(v.kind, E::Const { .. }) => v.range,
                        _ => srange,
                    };
                    self.fail(STAR_EXIT.into(), at);
                }
                self.opt(value);
            }
            S::Delete(targets) => self.exprs(targets),
            S::Assign { targets, value } => {
                self.visit_expr(value);
                self.exprs(targets);
            }
            S::AugAssign { target, value, .. } => {
                self.visit_expr(value);
                self.visit_expr(target);
            }
            S::If { test, body, elifs } => {
                self.visit_expr(test);
                self.body(body);
                for c in ir.list(elifs) {
                    self.opt(c.test);
                    self.body(c.body);
                }
            }
            S::With { items, body, .. } => {
                for i in ir.list(items) {
                    self.visit_expr(i.context);
                    self.opt(i.vars);
                }
                self.body(body);
            }
            S::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            S::Assert { test, msg } => {
                self.visit_expr(test);
                self.opt(msg);
            }
            S::Expr(e) => self.visit_expr(e),
            S::Pass | S::TypeAlias | S::IpyEscape => {}
        }
    }

    fn visit_pattern(&mut self, p: PatId) {
        let ir = self.ir;
        let node = ir.pat(p);
        // Capture patterns bind names in the enclosing scope.
        match node.kind {
            PatKind::As { pattern, name } => {
                if let Some(n) = name {
                    self.bind(ir.name(n.name));
                }
                if let Some(inner) = pattern {
                    self.visit_pattern(inner);
                }
            }
            PatKind::Star(name) => {
                if let Some(n) = name {
                    self.bind(ir.name(n.name));
                }
            }
            PatKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                if let Some(n) = rest {
                    self.bind(ir.name(n.name));
                }
                // Duplicate string keys are a compile-time error, as in CPython.
                let mut seen: Vec<&str> = Vec::new();
                for &k in ir.list(keys) {
                    if let E::Const { k: c, .. } = ir.expr(k).kind {
                        if let IrConst::Str(l) = ir.konst(c) {
                            let l: &str = l;
                            if seen.contains(&l) {
                                let shown = if l.contains('\'') && !l.contains('"') {
                                    format!("\"{l}\"")
                                } else {
                                    format!("'{}'", l.replace('\\', "\\\\").replace('\'', "\\'"))
                                };
                                self.fail(
                                    format!("mapping pattern checks duplicate key ({shown})"),
                                    ir.expr(k).range,
                                );
                            }
                            seen.push(l);
                        }
                    }
                }
                for &k in ir.list(keys) {
                    self.visit_expr(k);
                }
                for &sub in ir.list(patterns) {
                    self.visit_pattern(sub);
                }
            }
            PatKind::Value(v) => self.visit_expr(v),
            PatKind::Singleton(_) => {}
            PatKind::Sequence(patterns) | PatKind::Or(patterns) => {
                for &sub in ir.list(patterns) {
                    self.visit_pattern(sub);
                }
            }
            PatKind::Class {
                cls,
                patterns,
                keywords,
            } => {
                self.visit_expr(cls);
                for &sub in ir.list(patterns) {
                    self.visit_pattern(sub);
                }
                for k in ir.list(keywords) {
                    self.visit_pattern(k.pattern);
                }
            }
        }
    }

    fn fparts(&mut self, parts: List<FPart>) {
        let ir = self.ir;
        for part in ir.list(parts) {
            if let FPart::Interp(i) = part {
                self.visit_expr(i.expr);
                if let Some(spec) = i.spec {
                    self.fparts(spec);
                }
            }
        }
    }

    fn visit_expr(&mut self, e: ExprId) {
        let ir = self.ir;
        let node = ir.expr(e);
        let erange = node.range;
        match node.kind {
            E::Name { id, ctx } => match ctx {
                ExprContext::Load => self.use_name(ir.name(id)),
                _ => self.bind(ir.name(id)),
            },
            E::Lambda { params, body } => {
                if let Some(p) = params {
                    self.defaults(p);
                }
                self.push(ScopeKind::Lambda, "<lambda>".into(), erange);
                if let Some(p) = params {
                    self.params(p);
                }
                self.visit_expr(body);
                self.pop();
            }
            E::ListComp { elt, gens } => self.comprehension("<listcomp>", erange, gens, &[elt]),
            E::SetComp { elt, gens } => self.comprehension("<setcomp>", erange, gens, &[elt]),
            E::Generator { elt, gens } => self.comprehension("<genexpr>", erange, gens, &[elt]),
            E::DictComp { item, gens } => {
                let ir::DictItem { key, value } = *ir.get(item);
                let Some(key) = key else {
                    return self.fail("unsupported: dict comprehension without key".into(), erange);
                };
                self.comprehension("<dictcomp>", erange, gens, &[key, value])
            }
            E::Yield(_) | E::YieldFrom(_) => {
                let kind = self.cur().kind;
                if kind == ScopeKind::Function || kind == ScopeKind::Lambda {
                    self.cur().generator = true;
                } else if kind == ScopeKind::Comprehension {
                    self.fail("'yield' inside list comprehension".into(), erange);
                } else {
                    self.fail("'yield' outside function".into(), erange);
                }
                match node.kind {
                    E::Yield(v) => self.opt(v),
                    E::YieldFrom(v) => self.visit_expr(v),
                    _ => {}
                }
            }
            E::Await(_) => self.fail("unsupported: await".into(), erange),
            E::Named { target, value } => {
                self.visit_expr(value);
                if let E::Name { id, .. } = ir.expr(target).kind {
                    // PEP 572: inside a comprehension the target binds in the nearest
                    // enclosing non-comprehension scope.
                    let mut depth = self.stack.len() - 1;
                    while self.table.scopes[self.stack[depth]].kind == ScopeKind::Comprehension
                        && depth > 0
                    {
                        depth -= 1;
                    }
                    let target = self.stack[depth];
                    let name = ir.name(id).to_string();
                    if target != *self.stack.last().unwrap_or(&target) {
                        let tkind = self.table.scopes[target].kind;
                        if tkind == ScopeKind::Class {
                            self.fail(
                                "assignment expression within a comprehension cannot be used in a class body".into(),
                                erange,
                            );
                        }
                        self.table.scopes[target].bound.insert(name.clone());
                        for &s in &self.stack[depth + 1..] {
                            let sc = &mut self.table.scopes[s];
                            if tkind == ScopeKind::Module {
                                sc.globals.insert(name.clone());
                            } else {
                                sc.nonlocals.insert(name.clone());
                            }
                        }
                    } else {
                        self.bind(&name);
                    }
                } else {
                    self.visit_expr(target);
                }
            }
            E::BoolOp { values, .. } => self.exprs(values),
            E::BinOp { left, right, .. } => {
                self.visit_expr(left);
                self.visit_expr(right);
            }
            E::UnaryOp { operand, .. } => self.visit_expr(operand),
            E::If { test, body, orelse } => {
                self.visit_expr(test);
                self.visit_expr(body);
                self.visit_expr(orelse);
            }
            E::Dict(items) => {
                for item in ir.list(items) {
                    self.opt(item.key);
                    self.visit_expr(item.value);
                }
            }
            E::Set(elts) | E::List { elts, .. } | E::Tuple { elts, .. } => self.exprs(elts),
            E::Compare { left, rest } => {
                self.visit_expr(left);
                for c in ir.list(rest) {
                    self.visit_expr(c.right);
                }
            }
            E::Call { func, args } => {
                self.visit_expr(func);
                let args = ir.get(args);
                self.exprs(args.args);
                for k in ir.list(args.keywords) {
                    self.visit_expr(k.value);
                }
            }
            E::FString(parts) => self.fparts(parts),
            E::Attribute { value, .. } | E::Starred { value, .. } => self.visit_expr(value),
            E::Subscript { value, slice, .. } => {
                self.visit_expr(value);
                self.visit_expr(slice);
            }
            E::Slice { lower, upper, step } => {
                self.opt(lower);
                self.opt(upper);
                self.opt(step);
            }
            E::Const { .. } | E::BadInt | E::TString | E::IpyEscape => {}
        }
    }
}

/// Analyse a lowered module.
pub fn analyze_module(source: &Source, ir: &Ir) -> Result<ScopeTable, CompileError> {
    let mut b = Builder::new(source, ir);
    b.push(ScopeKind::Module, "<module>".into(), Range::default());
    b.body(ir.body);
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut table = b.table;
    resolve(&mut table, 0, &IndexSet::new(), source)?;
    Ok(table)
}

/// Analyse one function definition on its own (the one `def` of an IR from
/// [`crate::lower::lower_function`]), given its free variables.
pub fn analyze_function(
    source: &Source,
    ir: &Ir,
    freevars: &[std::rc::Rc<str>],
) -> Result<ScopeTable, CompileError> {
    let mut b = Builder::new(source, ir);
    // A synthetic module scope hosts the definition; its body is what we resolve.
    b.push(ScopeKind::Module, "<module>".into(), Range::default());
    b.body(ir.body);
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut table = b.table;
    let enclosing: IndexSet<String> = freevars.iter().map(|s| s.to_string()).collect();
    let fid = table.scopes[0].children[0];
    resolve(&mut table, fid, &enclosing, source)?;
    Ok(table)
}

/// Resolve scope `id` given the names bound by enclosing function scopes; returns the
/// scope's free variables.
fn resolve(
    table: &mut ScopeTable,
    id: usize,
    enclosing: &IndexSet<String>,
    source: &Source,
) -> Result<IndexSet<String>, CompileError> {
    let kind = table.scopes[id].kind;
    // Names visible to children as free variables.
    let mut visible = enclosing.clone();
    match kind {
        ScopeKind::Module => visible.clear(),
        ScopeKind::Class => {
            visible.insert("__class__".to_string());
        }
        _ => {
            let s = &table.scopes[id];
            for n in s.bound.iter().chain(s.nonlocals.iter()) {
                if !s.globals.contains(n) {
                    visible.insert(n.clone());
                }
            }
            for n in s.globals.iter() {
                visible.shift_remove(n);
            }
        }
    }
    for n in table.scopes[id].nonlocals.clone() {
        if !enclosing.contains(&n) {
            let at = table.scopes[id].range.start;
            return Err(source.syntax_error(format!("no binding for nonlocal '{n}' found"), at));
        }
    }
    let children = table.scopes[id].children.clone();
    let mut child_frees: IndexSet<String> = IndexSet::new();
    for c in children {
        let f = resolve(table, c, &visible, source)?;
        child_frees.extend(f);
    }
    let s = &mut table.scopes[id];
    let mut frees: IndexSet<String> = IndexSet::new();
    match kind {
        ScopeKind::Module => {}
        ScopeKind::Class => {
            for n in s.used.iter() {
                if !s.bound.contains(n) && !s.globals.contains(n) && enclosing.contains(n) {
                    frees.insert(n.clone());
                }
            }
            for n in s.nonlocals.iter() {
                frees.insert(n.clone());
            }
            for n in child_frees {
                if n == "__class__" {
                    s.needs_class_cell = true;
                } else if !s.globals.contains(&n) {
                    frees.insert(n);
                }
            }
        }
        _ => {
            // Methods using super()/__class__ get the class cell as a free variable.
            if s.uses_class_cell && enclosing.contains("__class__") && kind != ScopeKind::Class {
                frees.insert("__class__".to_string());
            }
            for n in s.used.iter() {
                if !s.bound.contains(n) && !s.globals.contains(n) && enclosing.contains(n) {
                    frees.insert(n.clone());
                }
            }
            for n in s.nonlocals.iter() {
                frees.insert(n.clone());
            }
            for n in child_frees {
                if s.globals.contains(&n) {
                    continue;
                }
                if s.bound.contains(&n) && !s.nonlocals.contains(&n) {
                    s.cells.insert(n);
                } else if enclosing.contains(&n) {
                    frees.insert(n);
                }
            }
            for n in s.nonlocals.iter() {
                s.cells.shift_remove(n);
            }
        }
    }
    s.frees = frees.clone();
    Ok(frees)
}
