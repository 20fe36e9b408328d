//! Lowering: ruff's syntax tree → lethe's tree IR ([`crate::ir`]).
//!
//! A direct translation: one IR node per AST node, same source ranges. Literals go to
//! the constant table (implicitly concatenated strings joined, integers parsed),
//! identifiers are interned, f-string parts are flattened into one list. Run inside
//! the ledger's `ir` category; the AST can be dropped as soon as this returns.

use crate::ir::*;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

struct Lower<'a> {
    ir: Ir,
    names: HashMap<&'a str, Name>,
    text: &'a str,
}

fn range(r: TextRange) -> Range {
    Range {
        start: r.start().to_u32(),
        end: r.end().to_u32(),
    }
}

/// Lower a module body. `text` is the source the AST was parsed from.
pub fn lower_module(text: &str, body: &[Stmt]) -> Ir {
    let mut l = Lower {
        ir: Ir::default(),
        names: HashMap::new(),
        text,
    };
    let b = l.body(body);
    l.ir.body = b;
    l.finish()
}

/// Lower one function definition (the IR's body is that one `def`).
pub fn lower_function(text: &str, def: &ast::StmtFunctionDef) -> Ir {
    let mut l = Lower {
        ir: Ir::default(),
        names: HashMap::new(),
        text,
    };
    let kind = l.function_def(def);
    let s = l.ir.add_stmt(kind, range(def.range));
    l.ir.body = l.ir.pools.push_list([s]);
    l.finish()
}

impl<'a> Lower<'a> {
    fn finish(self) -> Ir {
        let mut ir = self.ir;
        drop(self.names);
        ir.shrink();
        ir
    }

    fn name(&mut self, s: &'a str) -> Name {
        if let Some(&n) = self.names.get(s) {
            return n;
        }
        let n = self.ir.add_name(s);
        self.names.insert(s, n);
        n
    }

    fn ident(&mut self, i: &'a ast::Identifier) -> Ident {
        Ident {
            name: self.name(i.id.as_str()),
            range: range(i.range),
        }
    }

    fn str_const(&mut self, s: &str) -> ConstId {
        self.ir.add_const(IrConst::Str(s.into()))
    }

    fn body(&mut self, stmts: &'a [Stmt]) -> List<StmtId> {
        let ids: Vec<StmtId> = stmts.iter().map(|s| self.stmt(s)).collect();
        self.ir.pools.push_list(ids)
    }

    fn exprs(&mut self, es: &'a [Expr]) -> List<ExprId> {
        let ids: Vec<ExprId> = es.iter().map(|e| self.expr(e)).collect();
        self.ir.pools.push_list(ids)
    }

    fn opt(&mut self, e: Option<&'a Expr>) -> Option<ExprId> {
        e.map(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &'a Stmt) -> StmtId {
        let kind = match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => {
                let name = self.ident(&c.name);
                let decorators = self.decorators(&c.decorator_list);
                let arguments = c.arguments.as_deref().map(|a| self.arguments(a));
                let body = self.body(&c.body);
                let d = ClassDef {
                    name,
                    decorators,
                    arguments,
                    body,
                    type_params: c.type_params.is_some(),
                };
                StmtKind::ClassDef(self.ir.pools.push(d))
            }
            Stmt::Return(r) => StmtKind::Return(self.opt(r.value.as_deref())),
            Stmt::Delete(d) => StmtKind::Delete(self.exprs(&d.targets)),
            Stmt::Assign(a) => {
                let targets = self.exprs(&a.targets);
                let value = self.expr(&a.value);
                StmtKind::Assign { targets, value }
            }
            Stmt::AugAssign(a) => {
                let target = self.expr(&a.target);
                let value = self.expr(&a.value);
                StmtKind::AugAssign {
                    target,
                    op: a.op,
                    value,
                }
            }
            Stmt::AnnAssign(a) => {
                let target = self.expr(&a.target);
                let annotation = self.expr(&a.annotation);
                let value = self.opt(a.value.as_deref());
                StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                    simple: a.simple,
                }
            }
            Stmt::For(f) => {
                let target = self.expr(&f.target);
                let iter = self.expr(&f.iter);
                let body = self.body(&f.body);
                let orelse = self.body(&f.orelse);
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    is_async: f.is_async,
                }
            }
            Stmt::While(w) => {
                let test = self.expr(&w.test);
                let body = self.body(&w.body);
                let orelse = self.body(&w.orelse);
                StmtKind::While { test, body, orelse }
            }
            Stmt::If(i) => {
                let test = self.expr(&i.test);
                let body = self.body(&i.body);
                let elifs: Vec<Elif> = i
                    .elif_else_clauses
                    .iter()
                    .map(|c| {
                        let test = self.opt(c.test.as_ref());
                        let body = self.body(&c.body);
                        Elif {
                            test,
                            body,
                            range: range(c.range),
                        }
                    })
                    .collect();
                let elifs = self.ir.pools.push_list(elifs);
                StmtKind::If { test, body, elifs }
            }
            Stmt::With(w) => {
                let items: Vec<WithItem> = w
                    .items
                    .iter()
                    .map(|i| {
                        let context = self.expr(&i.context_expr);
                        let vars = self.opt(i.optional_vars.as_deref());
                        WithItem { context, vars }
                    })
                    .collect();
                let items = self.ir.pools.push_list(items);
                let body = self.body(&w.body);
                StmtKind::With {
                    items,
                    body,
                    is_async: w.is_async,
                }
            }
            Stmt::Match(m) => {
                let subject = self.expr(&m.subject);
                let cases: Vec<MatchCase> = m
                    .cases
                    .iter()
                    .map(|c| {
                        let pattern = self.pattern(&c.pattern);
                        let guard = self.opt(c.guard.as_deref());
                        let body = self.body(&c.body);
                        MatchCase {
                            pattern,
                            guard,
                            body,
                        }
                    })
                    .collect();
                let cases = self.ir.pools.push_list(cases);
                StmtKind::Match { subject, cases }
            }
            Stmt::Raise(r) => {
                let exc = self.opt(r.exc.as_deref());
                let cause = self.opt(r.cause.as_deref());
                StmtKind::Raise { exc, cause }
            }
            Stmt::Try(t) => {
                let body = self.body(&t.body);
                let handlers: Vec<Handler> = t
                    .handlers
                    .iter()
                    .map(|h| {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        let type_ = self.opt(h.type_.as_deref());
                        let name = h.name.as_ref().map(|n| self.ident(n));
                        let body = self.body(&h.body);
                        Handler {
                            type_,
                            name,
                            body,
                            range: range(h.range),
                        }
                    })
                    .collect();
                let handlers = self.ir.pools.push_list(handlers);
                let orelse = self.body(&t.orelse);
                let finalbody = self.body(&t.finalbody);
                let t = Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    is_star: t.is_star,
                };
                StmtKind::Try(self.ir.pools.push(t))
            }
            Stmt::Assert(a) => {
                let test = self.expr(&a.test);
                let msg = self.opt(a.msg.as_deref());
                StmtKind::Assert { test, msg }
            }
            Stmt::Import(i) => StmtKind::Import(self.aliases(&i.names)),
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map(|m| self.name(m.id.as_str()));
                let names = self.aliases(&i.names);
                StmtKind::ImportFrom {
                    module,
                    names,
                    level: i.level,
                }
            }
            Stmt::Global(g) => {
                let ids: Vec<Ident> = g.names.iter().map(|n| self.ident(n)).collect();
                StmtKind::Global(self.ir.pools.push_list(ids))
            }
            Stmt::Nonlocal(g) => {
                let ids: Vec<Ident> = g.names.iter().map(|n| self.ident(n)).collect();
                StmtKind::Nonlocal(self.ir.pools.push_list(ids))
            }
            Stmt::Expr(e) => StmtKind::Expr(self.expr(&e.value)),
            Stmt::Pass(_) => StmtKind::Pass,
            Stmt::Break(_) => StmtKind::Break,
            Stmt::Continue(_) => StmtKind::Continue,
            Stmt::TypeAlias(_) => StmtKind::TypeAlias,
            Stmt::IpyEscapeCommand(_) => StmtKind::IpyEscape,
        };
        self.ir.add_stmt(kind, range(s.range()))
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> StmtKind {
        let name = self.ident(&f.name);
        let decorators = self.decorators(&f.decorator_list);
        let params = self.params(&f.parameters);
        let returns = self.opt(f.returns.as_deref());
        let body = self.body(&f.body);
        let d = FuncDef {
            name,
            decorators,
            params,
            returns,
            body,
            is_async: f.is_async,
            type_params: f.type_params.is_some(),
        };
        StmtKind::FunctionDef(self.ir.pools.push(d))
    }

    fn decorators(&mut self, ds: &'a [ast::Decorator]) -> List<Decorator> {
        let v: Vec<Decorator> = ds
            .iter()
            .map(|d| Decorator {
                expr: self.expr(&d.expression),
                range: range(d.range),
            })
            .collect();
        self.ir.pools.push_list(v)
    }

    fn aliases(&mut self, names: &'a [ast::Alias]) -> List<Alias> {
        let v: Vec<Alias> = names
            .iter()
            .map(|a| Alias {
                name: self.ident(&a.name),
                asname: a.asname.as_ref().map(|n| self.ident(n)),
                range: range(a.range),
            })
            .collect();
        self.ir.pools.push_list(v)
    }

    fn param(&mut self, p: &'a ast::Parameter, default: Option<&'a Expr>) -> Param {
        Param {
            name: self.ident(&p.name),
            annotation: self.opt(p.annotation.as_deref()),
            default: self.opt(default),
            range: range(p.range),
        }
    }

    fn params(&mut self, p: &'a ast::Parameters) -> Idx<Params> {
        let mut v: Vec<Param> = Vec::new();
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            let x = self.param(&a.parameter, a.default.as_deref());
            v.push(x);
        }
        if let Some(a) = &p.vararg {
            let x = self.param(a, None);
            v.push(x);
        }
        if let Some(a) = &p.kwarg {
            let x = self.param(a, None);
            v.push(x);
        }
        let all = self.ir.pools.push_list(v);
        let ps = Params {
            all,
            n_posonly: p.posonlyargs.len() as u32,
            n_args: p.args.len() as u32,
            n_kwonly: p.kwonlyargs.len() as u32,
            vararg: p.vararg.is_some(),
            kwarg: p.kwarg.is_some(),
        };
        self.ir.pools.push(ps)
    }

    fn arguments(&mut self, a: &'a ast::Arguments) -> Idx<Arguments> {
        let args = self.exprs(&a.args);
        let kws: Vec<Keyword> = a
            .keywords
            .iter()
            .map(|k| Keyword {
                arg: k.arg.as_ref().map(|n| self.name(n.id.as_str())),
                value: self.expr(&k.value),
                range: range(k.range),
            })
            .collect();
        let keywords = self.ir.pools.push_list(kws);
        self.ir.pools.push(Arguments {
            args,
            keywords,
            range: range(a.range),
        })
    }

    fn comprehensions(&mut self, gens: &'a [ast::Comprehension]) -> List<Comprehension> {
        let v: Vec<Comprehension> = gens
            .iter()
            .map(|g| {
                let target = self.expr(&g.target);
                let iter = self.expr(&g.iter);
                let ifs = self.exprs(&g.ifs);
                Comprehension {
                    target,
                    iter,
                    ifs,
                    is_async: g.is_async,
                    range: range(g.range),
                }
            })
            .collect();
        self.ir.pools.push_list(v)
    }

    fn konst(&mut self, c: IrConst) -> ExprKind {
        ExprKind::Const {
            k: self.ir.add_const(c),
            folded: false,
        }
    }

    fn expr(&mut self, e: &'a Expr) -> ExprId {
        let kind = match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => self.konst(IrConst::Int(v)),
                    None => match crate::fold::parse_big_int(&i.to_string()) {
                        Some(b) => self.konst(IrConst::BigInt(Box::new(b))),
                        None => ExprKind::BadInt,
                    },
                },
                ast::Number::Float(f) => self.konst(IrConst::Float(*f)),
                ast::Number::Complex { real, imag } => self.konst(IrConst::Complex {
                    real: *real,
                    imag: *imag,
                }),
            },
            Expr::StringLiteral(s) => {
                // Joined here rather than with `to_str`, which caches the joined string
                // in the AST (allocated in the `ir` category, freed in `ast`).
                let joined: String = s.value.iter().map(|p| &*p.value).collect();
                self.konst(IrConst::Str(joined.into()))
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.konst(IrConst::Bytes(bytes.into_boxed_slice()))
            }
            Expr::BooleanLiteral(b) => self.konst(if b.value {
                IrConst::True
            } else {
                IrConst::False
            }),
            Expr::NoneLiteral(_) => self.konst(IrConst::None),
            Expr::EllipsisLiteral(_) => self.konst(IrConst::Ellipsis),
            Expr::Name(n) => ExprKind::Name {
                id: self.name(n.id.as_str()),
                ctx: n.ctx,
            },
            Expr::BoolOp(b) => ExprKind::BoolOp {
                op: b.op,
                values: self.exprs(&b.values),
            },
            Expr::Named(n) => {
                let target = self.expr(&n.target);
                let value = self.expr(&n.value);
                ExprKind::Named { target, value }
            }
            Expr::BinOp(b) => {
                let left = self.expr(&b.left);
                let right = self.expr(&b.right);
                ExprKind::BinOp {
                    op: b.op,
                    left,
                    right,
                }
            }
            Expr::UnaryOp(u) => ExprKind::UnaryOp {
                op: u.op,
                operand: self.expr(&u.operand),
            },
            Expr::Lambda(l) => {
                let params = l.parameters.as_deref().map(|p| self.params(p));
                let body = self.expr(&l.body);
                ExprKind::Lambda { params, body }
            }
            Expr::If(i) => {
                let test = self.expr(&i.test);
                let body = self.expr(&i.body);
                let orelse = self.expr(&i.orelse);
                ExprKind::If { test, body, orelse }
            }
            Expr::Dict(d) => {
                let items: Vec<DictItem> = d
                    .items
                    .iter()
                    .map(|i| {
                        let key = self.opt(i.key.as_ref());
                        let value = self.expr(&i.value);
                        DictItem { key, value }
                    })
                    .collect();
                ExprKind::Dict(self.ir.pools.push_list(items))
            }
            Expr::Set(s) => ExprKind::Set(self.exprs(&s.elts)),
            Expr::ListComp(c) => {
                let elt = self.expr(&c.elt);
                let gens = self.comprehensions(&c.generators);
                ExprKind::ListComp { elt, gens }
            }
            Expr::SetComp(c) => {
                let elt = self.expr(&c.elt);
                let gens = self.comprehensions(&c.generators);
                ExprKind::SetComp { elt, gens }
            }
            Expr::DictComp(c) => {
                let key = self.opt(c.key.as_deref());
                let value = self.expr(&c.value);
                let gens = self.comprehensions(&c.generators);
                let item = self.ir.pools.push(DictItem { key, value });
                ExprKind::DictComp { item, gens }
            }
            Expr::Generator(c) => {
                let elt = self.expr(&c.elt);
                let gens = self.comprehensions(&c.generators);
                ExprKind::Generator { elt, gens }
            }
            Expr::Await(a) => ExprKind::Await(self.expr(&a.value)),
            Expr::Yield(y) => ExprKind::Yield(self.opt(y.value.as_deref())),
            Expr::YieldFrom(y) => ExprKind::YieldFrom(self.expr(&y.value)),
            Expr::Compare(c) => {
                let left = self.expr(&c.left);
                let rest: Vec<CmpItem> = c
                    .ops
                    .iter()
                    .zip(c.comparators.iter())
                    .map(|(op, r)| CmpItem {
                        op: *op,
                        right: self.expr(r),
                    })
                    .collect();
                ExprKind::Compare {
                    left,
                    rest: self.ir.pools.push_list(rest),
                }
            }
            Expr::Call(c) => {
                let func = self.expr(&c.func);
                let args = self.arguments(&c.arguments);
                ExprKind::Call { func, args }
            }
            Expr::FString(f) => {
                let mut parts = Vec::new();
                for part in f.value.as_slice() {
                    match part {
                        ast::FStringPart::Literal(s) => {
                            let k = self.str_const(&s.value);
                            parts.push(FPart::Lit(k));
                        }
                        ast::FStringPart::FString(fs) => self.fparts(&fs.elements, &mut parts),
                    }
                }
                ExprKind::FString(self.ir.pools.push_list(parts))
            }
            Expr::TString(_) => ExprKind::TString,
            Expr::Attribute(a) => ExprKind::Attribute {
                value: self.expr(&a.value),
                attr: self.name(a.attr.id.as_str()),
                ctx: a.ctx,
            },
            Expr::Subscript(s) => {
                let value = self.expr(&s.value);
                let slice = self.expr(&s.slice);
                ExprKind::Subscript {
                    value,
                    slice,
                    ctx: s.ctx,
                }
            }
            Expr::Starred(s) => ExprKind::Starred {
                value: self.expr(&s.value),
                ctx: s.ctx,
            },
            Expr::List(l) => ExprKind::List {
                elts: self.exprs(&l.elts),
                ctx: l.ctx,
            },
            Expr::Tuple(t) => ExprKind::Tuple {
                elts: self.exprs(&t.elts),
                ctx: t.ctx,
            },
            Expr::Slice(s) => {
                let lower = self.opt(s.lower.as_deref());
                let upper = self.opt(s.upper.as_deref());
                let step = self.opt(s.step.as_deref());
                ExprKind::Slice { lower, upper, step }
            }
            Expr::IpyEscapeCommand(_) => ExprKind::IpyEscape,
        };
        self.ir.add_expr(kind, range(e.range()))
    }

    fn fparts(&mut self, elements: &'a [ast::InterpolatedStringElement], out: &mut Vec<FPart>) {
        for el in elements {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let k = self.str_const(&l.value);
                    out.push(FPart::Lit(k));
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let conv = match i.conversion {
                        ast::ConversionFlag::None => 0u8,
                        ast::ConversionFlag::Str => b's',
                        ast::ConversionFlag::Repr => b'r',
                        ast::ConversionFlag::Ascii => b'a',
                    };
                    let debug = i.debug_text.as_ref().map(|d| {
                        let r = i.expression.range();
                        let text = format!(
                            "{}{}{}",
                            d.leading(),
                            self.text
                                .get(r.start().to_usize()..r.end().to_usize())
                                .unwrap_or(""),
                            d.trailing()
                        );
                        self.str_const(&text)
                    });
                    let expr = self.expr(&i.expression);
                    let spec = i.format_spec.as_ref().map(|s| {
                        let mut sp = Vec::new();
                        self.fparts(&s.elements, &mut sp);
                        self.ir.pools.push_list(sp)
                    });
                    out.push(FPart::Interp(Interpolation {
                        expr,
                        conv,
                        debug,
                        spec,
                        range: range(i.range),
                    }));
                }
            }
        }
    }

    fn pattern(&mut self, p: &'a Pattern) -> PatId {
        let kind = match p {
            Pattern::MatchValue(v) => PatKind::Value(self.expr(&v.value)),
            Pattern::MatchSingleton(s) => PatKind::Singleton(s.value),
            Pattern::MatchSequence(s) => PatKind::Sequence(self.patterns(&s.patterns)),
            Pattern::MatchMapping(m) => {
                let keys = self.exprs(&m.keys);
                let patterns = self.patterns(&m.patterns);
                let rest = m.rest.as_ref().map(|n| self.ident(n));
                PatKind::Mapping {
                    keys,
                    patterns,
                    rest,
                }
            }
            Pattern::MatchClass(c) => {
                let cls = self.expr(&c.cls);
                let patterns = self.patterns(&c.arguments.patterns);
                let kws: Vec<PatKeyword> = c
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| PatKeyword {
                        attr: self.ident(&k.attr),
                        pattern: self.pattern(&k.pattern),
                    })
                    .collect();
                let keywords = self.ir.pools.push_list(kws);
                PatKind::Class {
                    cls,
                    patterns,
                    keywords,
                }
            }
            Pattern::MatchStar(s) => PatKind::Star(s.name.as_ref().map(|n| self.ident(n))),
            Pattern::MatchAs(a) => {
                let pattern = a.pattern.as_deref().map(|p| self.pattern(p));
                let name = a.name.as_ref().map(|n| self.ident(n));
                PatKind::As { pattern, name }
            }
            Pattern::MatchOr(o) => PatKind::Or(self.patterns(&o.patterns)),
        };
        self.ir.add_pat(kind, range(p.range()))
    }

    fn patterns(&mut self, ps: &'a [Pattern]) -> List<PatId> {
        let ids: Vec<PatId> = ps.iter().map(|p| self.pattern(p)).collect();
        self.ir.pools.push_list(ids)
    }
}
