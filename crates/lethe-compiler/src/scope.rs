//! Scope analysis: which names are local, cell, free or global in each scope.
//!
//! Two passes over a subtree, as CPython's symtable does: the first records, per scope,
//! the names bound, declared `global`/`nonlocal` and used; the second resolves them top
//! down, given the names the enclosing function scopes bind. A function's resolved free
//! variables form its [`ScopeSummary`](crate::bytecode::ScopeSummary): analysing the
//! function's subtree alone with its free variables as "enclosing" gives the same answer
//! as analysing the whole module, which is what lets bodies compile lazily.
//!
//! Scopes are keyed by the byte range of the node that opens them; maps are ordered
//! (IndexMap, first occurrence) so code generation is deterministic.

use crate::{CompileError, Source};
use indexmap::{IndexMap, IndexSet};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

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
    pub range: TextRange,
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
    fn new(kind: ScopeKind, name: String, range: TextRange, parent: Option<usize>) -> Self {
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
    pub fn get(&self, range: TextRange) -> Option<usize> {
        self.get_span(range.start().to_u32(), range.end().to_u32())
    }

    /// The scope opened by the node spanning `start..end`.
    pub fn get_span(&self, start: u32, end: u32) -> Option<usize> {
        self.by_range.get(&(start, end)).copied()
    }
}

struct Builder<'s> {
    table: ScopeTable,
    stack: Vec<usize>,
    /// Loop nesting of the current scope (`break`/`continue` checks); one entry per
    /// scope on `stack`.
    loops: Vec<u32>,
    source: &'s Source,
    error: Option<CompileError>,
}

impl<'s> Builder<'s> {
    fn cur(&mut self) -> &mut ScopeInfo {
        let i = *self.stack.last().expect("scope stack is never empty");
        &mut self.table.scopes[i]
    }

    fn push(&mut self, kind: ScopeKind, name: String, range: TextRange) -> usize {
        let parent = self.stack.last().copied();
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(ScopeInfo::new(kind, name, range, parent));
        if let Some(p) = parent {
            self.table.scopes[p].children.push(id);
        }
        self.table
            .by_range
            .insert((range.start().to_u32(), range.end().to_u32()), id);
        self.stack.push(id);
        self.loops.push(0);
        id
    }

    fn pop(&mut self) {
        self.stack.pop();
        self.loops.pop();
    }

    fn loop_body(&mut self, body: &[Stmt]) {
        if let Some(l) = self.loops.last_mut() {
            *l += 1;
        }
        for s in body {
            self.visit_stmt(s);
        }
        if let Some(l) = self.loops.last_mut() {
            *l -= 1;
        }
    }

    fn in_loop(&self) -> bool {
        self.loops.last().copied().unwrap_or(0) > 0
    }

    fn fail(&mut self, msg: String, at: TextRange) {
        if self.error.is_none() {
            self.error = Some(self.source.syntax_error(msg, at.start().to_u32()));
        }
    }

    fn bind(&mut self, name: &str, at: TextRange) {
        let s = self.cur();
        if s.globals.contains(name) || s.nonlocals.contains(name) {
            // Assignments to declared names are fine; the declaration decides.
        }
        s.bound.insert(name.to_string());
        let _ = at;
    }

    fn use_name(&mut self, name: &str) {
        let s = self.cur();
        if name == "super" || name == "__class__" {
            s.uses_class_cell = true;
        }
        s.used.insert(name.to_string());
    }

    fn params(&mut self, p: &ast::Parameters) {
        let mut seen: IndexSet<String> = IndexSet::new();
        let all = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|a| &a.parameter)
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.vararg.as_deref())
            .chain(p.kwarg.as_deref());
        let mut order = Vec::new();
        // Register order: positional, keyword-only, *args, **kwargs.
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            order.push(a.parameter.name.id.to_string());
        }
        for a in p.kwonlyargs.iter() {
            order.push(a.parameter.name.id.to_string());
        }
        if let Some(v) = &p.vararg {
            order.push(v.name.id.to_string());
        }
        if let Some(v) = &p.kwarg {
            order.push(v.name.id.to_string());
        }
        for a in all {
            let n = a.name.id.to_string();
            if !seen.insert(n.clone()) {
                self.fail(
                    format!("duplicate argument '{n}' in function definition"),
                    a.range,
                );
            }
        }
        for n in &order {
            self.cur().bound.insert(n.clone());
        }
        self.cur().params = order;
    }

    fn defaults(&mut self, p: &ast::Parameters) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.visit_expr(d);
            }
        }
    }

    fn comprehension(
        &mut self,
        name: &str,
        range: TextRange,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
    ) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = gens.first() {
            self.visit_expr(&first.iter);
        }
        self.push(ScopeKind::Comprehension, name.to_string(), range);
        self.cur().params = vec![".0".to_string()];
        self.cur().bound.insert(".0".to_string());
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.fail("unsupported: async comprehension".into(), g.range);
            }
            if i > 0 {
                self.visit_expr(&g.iter);
            }
            self.visit_expr(&g.target);
            for c in &g.ifs {
                self.visit_expr(c);
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
        if name == "<genexpr>" {
            self.cur().generator = true;
        }
        self.pop();
    }
}

impl<'a, 's> Visitor<'a> for Builder<'s> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.defaults(&f.parameters);
                self.bind(&f.name.id, f.range);
                self.push(ScopeKind::Function, f.name.id.to_string(), f.range);
                self.params(&f.parameters);
                for s in &f.body {
                    self.visit_stmt(s);
                }
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value);
                    }
                }
                self.bind(&c.name.id, c.range);
                self.push(ScopeKind::Class, c.name.id.to_string(), c.range);
                for s in &c.body {
                    self.visit_stmt(s);
                }
                self.pop();
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = n.id.to_string();
                    let s = self.cur();
                    if s.kind == ScopeKind::Module {
                        continue;
                    }
                    if s.params.contains(&name) {
                        self.fail(format!("name '{name}' is parameter and global"), n.range);
                    } else if s.used.contains(&name) || s.bound.contains(&name) {
                        let what = if self.cur().bound.contains(&name) {
                            "assigned to"
                        } else {
                            "used"
                        };
                        self.fail(
                            format!("name '{name}' is {what} prior to global declaration"),
                            n.range,
                        );
                    }
                    self.cur().globals.insert(name);
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let name = n.id.to_string();
                    let kind = self.cur().kind;
                    if kind == ScopeKind::Module {
                        self.fail(
                            "nonlocal declaration not allowed at module level".into(),
                            g.range,
                        );
                        continue;
                    }
                    if self.cur().params.contains(&name) {
                        self.fail(format!("name '{name}' is parameter and nonlocal"), n.range);
                    } else if self.cur().used.contains(&name) || self.cur().bound.contains(&name) {
                        let what = if self.cur().bound.contains(&name) {
                            "assigned to"
                        } else {
                            "used"
                        };
                        self.fail(
                            format!("name '{name}' is {what} prior to nonlocal declaration"),
                            n.range,
                        );
                    }
                    self.cur().nonlocals.insert(name);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound, a.range);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            self.fail("import * only allowed at module level".into(), i.range);
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.bind(&bound, a.range);
                }
            }
            Stmt::Try(t) => {
                for s in &t.body {
                    self.visit_stmt(s);
                }
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.id, n.range);
                    }
                    for s in &h.body {
                        self.visit_stmt(s);
                    }
                }
                for s in t.orelse.iter().chain(t.finalbody.iter()) {
                    self.visit_stmt(s);
                }
            }
            Stmt::AnnAssign(a) => {
                // Annotations are not evaluated (as under PEP 563); only the binding.
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                    self.visit_expr(&a.target);
                } else if let Expr::Name(_) = &*a.target {
                    // `x: int` alone makes x local without binding it.
                    if let Expr::Name(n) = &*a.target {
                        self.bind(&n.id, n.range);
                    }
                } else {
                    self.visit_expr(&a.target);
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.iter);
                self.visit_expr(&f.target);
                self.loop_body(&f.body);
                for s in &f.orelse {
                    self.visit_stmt(s);
                }
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test);
                self.loop_body(&w.body);
                for s in &w.orelse {
                    self.visit_stmt(s);
                }
            }
            Stmt::Match(m) => {
                for case in &m.cases[..m.cases.len().saturating_sub(1)] {
                    if let (ast::Pattern::MatchAs(a), None) = (&case.pattern, &case.guard) {
                        if a.pattern.is_none() {
                            let msg = match &a.name {
                                Some(n) => format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.id
                                ),
                                None => "wildcard makes remaining patterns unreachable".to_string(),
                            };
                            self.fail(msg, case.pattern.range());
                        }
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Break(b) => {
                if !self.in_loop() {
                    self.fail("'break' outside loop".into(), b.range);
                }
            }
            Stmt::Continue(c) => {
                if !self.in_loop() {
                    self.fail("'continue' not properly in loop".into(), c.range);
                }
            }
            Stmt::Return(r) => {
                if !self.cur().kind.is_function_like() {
                    self.fail("'return' outside function".into(), r.range);
                }
                visitor::walk_stmt(self, stmt);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
        // Capture patterns bind names in the enclosing scope.
        match pattern {
            ast::Pattern::MatchAs(a) => {
                if let Some(n) = &a.name {
                    self.bind(&n.id, n.range);
                }
            }
            ast::Pattern::MatchStar(st) => {
                if let Some(n) = &st.name {
                    self.bind(&n.id, n.range);
                }
            }
            ast::Pattern::MatchMapping(m) => {
                if let Some(n) = &m.rest {
                    self.bind(&n.id, n.range);
                }
                // Duplicate string keys are a compile-time error, as in CPython.
                let mut seen: Vec<&str> = Vec::new();
                for k in m.keys.iter() {
                    if let Expr::StringLiteral(sl) = k {
                        let l = sl.value.to_str();
                        if seen.contains(&l) {
                            let shown = if l.contains('\'') && !l.contains('"') {
                                format!("\"{l}\"")
                            } else {
                                format!("'{}'", l.replace('\\', "\\\\").replace('\'', "\\'"))
                            };
                            self.fail(
                                format!("mapping pattern checks duplicate key ({shown})"),
                                k.range(),
                            );
                        }
                        seen.push(l);
                    }
                }
            }
            _ => {}
        }
        visitor::walk_pattern(self, pattern);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => self.use_name(&n.id),
                _ => self.bind(&n.id, n.range),
            },
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p);
                }
                self.push(ScopeKind::Lambda, "<lambda>".into(), l.range);
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.visit_expr(&l.body);
                self.pop();
            }
            Expr::ListComp(c) => {
                self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt])
            }
            Expr::SetComp(c) => self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt]),
            Expr::Generator(c) => {
                self.comprehension("<genexpr>", c.range, &c.generators, &[&c.elt])
            }
            Expr::DictComp(c) => {
                let Some(key) = c.key.as_deref() else {
                    return self.fail(
                        "unsupported: dict comprehension without key".into(),
                        c.range,
                    );
                };
                self.comprehension("<dictcomp>", c.range, &c.generators, &[key, &c.value])
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                let kind = self.cur().kind;
                if kind == ScopeKind::Function || kind == ScopeKind::Lambda {
                    self.cur().generator = true;
                } else if kind == ScopeKind::Comprehension {
                    self.fail("'yield' inside list comprehension".into(), expr.range());
                } else {
                    self.fail("'yield' outside function".into(), expr.range());
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Await(a) => self.fail("unsupported: await".into(), a.range),
            Expr::Named(n) => {
                self.visit_expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    // PEP 572: inside a comprehension the target binds in the nearest
                    // enclosing non-comprehension scope.
                    let mut depth = self.stack.len() - 1;
                    while self.table.scopes[self.stack[depth]].kind == ScopeKind::Comprehension
                        && depth > 0
                    {
                        depth -= 1;
                    }
                    let target = self.stack[depth];
                    let name = t.id.to_string();
                    if target != *self.stack.last().unwrap_or(&target) {
                        let tkind = self.table.scopes[target].kind;
                        if tkind == ScopeKind::Class {
                            self.fail(
                                "assignment expression within a comprehension cannot be used in a class body".into(),
                                n.range,
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
                        self.bind(&name, t.range);
                    }
                } else {
                    self.visit_expr(&n.target);
                }
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Analyse a module.
pub fn analyze_module(source: &Source, body: &[Stmt]) -> Result<ScopeTable, CompileError> {
    let mut b = Builder {
        table: ScopeTable::default(),
        stack: Vec::new(),
        loops: Vec::new(),
        source,
        error: None,
    };
    b.push(ScopeKind::Module, "<module>".into(), TextRange::default());
    for s in body {
        b.visit_stmt(s);
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut table = b.table;
    resolve(&mut table, 0, &IndexSet::new(), source)?;
    Ok(table)
}

/// Analyse one function definition on its own, given its free variables.
pub fn analyze_function(
    source: &Source,
    def: &ast::StmtFunctionDef,
    freevars: &[std::rc::Rc<str>],
) -> Result<ScopeTable, CompileError> {
    let mut b = Builder {
        table: ScopeTable::default(),
        stack: Vec::new(),
        loops: Vec::new(),
        source,
        error: None,
    };
    // A synthetic module scope hosts the definition; its body is what we resolve.
    b.push(ScopeKind::Module, "<module>".into(), TextRange::default());
    b.visit_stmt(&Stmt::FunctionDef(def.clone()));
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
            let at = table.scopes[id].range.start().to_u32();
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
