//! lethe's tree IR: the form between the parser's syntax tree and bytecode.
//!
//! The AST is lowered into this IR ([`crate::lower`]) and dropped; the Python-level
//! passes ([`crate::fold`]) rewrite it in place; code generation reads it. It is built
//! for size and for being freed as a whole:
//!
//! - nodes live in arenas ([`Ir::exprs`], [`Ir::stmts`], [`Ir::pats`]) and refer to
//!   each other by `u32` ids ([`ExprId`], [`StmtId`], [`PatId`]; an absent child is a
//!   `None` of the same four bytes);
//! - a child list is a [`List`] — start and length — into a pool shared by all nodes
//!   (one pool per element type); records too big for a node (a `def`, a `try`, call
//!   arguments, parameters) sit in pools of their own, reached by an [`Idx`];
//! - identifiers are interned ([`Name`]: an index into one string of all names),
//!   literals are in a constant table ([`ConstId`]);
//! - every node carries its source [`Range`] (byte offsets), so line numbers and error
//!   locations are exactly those of the source.
//!
//! Everything is allocated inside the ledger's `ir` category and freed there.

use ruff_python_ast::{BoolOp, CmpOp, ExprContext, Operator, Singleton, UnaryOp};
use std::marker::PhantomData;
use std::num::NonZeroU32;

/// A source range: byte offsets `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Range {
    pub start: u32,
    pub end: u32,
}

macro_rules! node_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(NonZeroU32);
        impl $name {
            pub(crate) fn new(index: usize) -> Self {
                $name(NonZeroU32::new(index as u32 + 1).expect("fewer than 2^32 nodes"))
            }
            pub fn index(self) -> usize {
                self.0.get() as usize - 1
            }
        }
    };
}

node_id!(
    /// An expression node.
    ExprId
);
node_id!(
    /// A statement node.
    StmtId
);
node_id!(
    /// A match pattern node.
    PatId
);

/// An interned identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Name(pub(crate) u32);

/// An entry of the constant table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConstId(pub(crate) u32);

/// A slice of one of the IR's pools.
pub struct List<T> {
    start: u32,
    len: u32,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for List<T> {}
impl<T> Default for List<T> {
    fn default() -> Self {
        List {
            start: 0,
            len: 0,
            _t: PhantomData,
        }
    }
}
impl<T> std::fmt::Debug for List<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}; {}]", self.start, self.len)
    }
}
impl<T> List<T> {
    pub fn len(self) -> usize {
        self.len as usize
    }
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

/// An index into one of the IR's record pools.
pub struct Idx<T> {
    i: u32,
    _t: PhantomData<fn() -> T>,
}
impl<T> Clone for Idx<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Idx<T> {}
impl<T> std::fmt::Debug for Idx<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.i)
    }
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum IrConst {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(Box<num_bigint::BigInt>),
    Float(f64),
    /// An imaginary literal (`2j`: real 0.0); folding leaves complex values alone.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Box<str>),
    Bytes(Box<[u8]>),
    /// A folded tuple of constants.
    Tuple(Box<[ConstId]>),
}

#[derive(Clone, Copy, Debug)]
pub struct ExprNode {
    pub kind: ExprKind,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub enum ExprKind {
    /// A literal; `folded` when the constant pass computed it (a folded string is
    /// not a docstring, as in CPython).
    Const {
        k: ConstId,
        folded: bool,
    },
    /// An integer literal that does not parse.
    BadInt,
    Name {
        id: Name,
        ctx: ExprContext,
    },
    BoolOp {
        op: BoolOp,
        values: List<ExprId>,
    },
    Named {
        target: ExprId,
        value: ExprId,
    },
    BinOp {
        op: Operator,
        left: ExprId,
        right: ExprId,
    },
    UnaryOp {
        op: UnaryOp,
        operand: ExprId,
    },
    Lambda {
        params: Option<Idx<Params>>,
        body: ExprId,
    },
    If {
        test: ExprId,
        body: ExprId,
        orelse: ExprId,
    },
    Dict(List<DictItem>),
    Set(List<ExprId>),
    ListComp {
        elt: ExprId,
        gens: List<Comprehension>,
    },
    SetComp {
        elt: ExprId,
        gens: List<Comprehension>,
    },
    /// `{key: value for …}` (the key and value in a [`DictItem`] record, which keeps
    /// the node at 24 bytes).
    DictComp {
        item: Idx<DictItem>,
        gens: List<Comprehension>,
    },
    Generator {
        elt: ExprId,
        gens: List<Comprehension>,
    },
    Await(ExprId),
    Yield(Option<ExprId>),
    YieldFrom(ExprId),
    Compare {
        left: ExprId,
        rest: List<CmpItem>,
    },
    Call {
        func: ExprId,
        args: Idx<Arguments>,
    },
    FString(List<FPart>),
    TString,
    Attribute {
        value: ExprId,
        attr: Name,
        ctx: ExprContext,
    },
    Subscript {
        value: ExprId,
        slice: ExprId,
        ctx: ExprContext,
    },
    Starred {
        value: ExprId,
        ctx: ExprContext,
    },
    List {
        elts: List<ExprId>,
        ctx: ExprContext,
    },
    Tuple {
        elts: List<ExprId>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<ExprId>,
        upper: Option<ExprId>,
        step: Option<ExprId>,
    },
    IpyEscape,
}

#[derive(Clone, Copy, Debug)]
pub struct Ident {
    pub name: Name,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct DictItem {
    pub key: Option<ExprId>,
    pub value: ExprId,
}

#[derive(Clone, Copy, Debug)]
pub struct CmpItem {
    pub op: CmpOp,
    pub right: ExprId,
}

#[derive(Clone, Copy, Debug)]
pub struct Comprehension {
    pub target: ExprId,
    pub iter: ExprId,
    pub ifs: List<ExprId>,
    pub is_async: bool,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct Arguments {
    pub args: List<ExprId>,
    pub keywords: List<Keyword>,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct Keyword {
    pub arg: Option<Name>,
    pub value: ExprId,
    pub range: Range,
}

/// A piece of an f-string.
#[derive(Clone, Copy, Debug)]
pub enum FPart {
    /// Literal text (a string constant).
    Lit(ConstId),
    Interp(Interpolation),
}

#[derive(Clone, Copy, Debug)]
pub struct Interpolation {
    pub expr: ExprId,
    /// 0, `s`, `r` or `a`.
    pub conv: u8,
    /// `f"{x=}"`: the text shown before the value.
    pub debug: Option<ConstId>,
    pub spec: Option<List<FPart>>,
    pub range: Range,
}

/// Parameters, in register order: positional-only, positional, keyword-only,
/// `*args`, `**kwargs`.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub all: List<Param>,
    pub n_posonly: u32,
    pub n_args: u32,
    pub n_kwonly: u32,
    pub vararg: bool,
    pub kwarg: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub name: Ident,
    pub annotation: Option<ExprId>,
    pub default: Option<ExprId>,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct StmtNode {
    pub kind: StmtKind,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub enum StmtKind {
    FunctionDef(Idx<FuncDef>),
    ClassDef(Idx<ClassDef>),
    Return(Option<ExprId>),
    Delete(List<ExprId>),
    Assign {
        targets: List<ExprId>,
        value: ExprId,
    },
    AugAssign {
        target: ExprId,
        op: Operator,
        value: ExprId,
    },
    AnnAssign {
        target: ExprId,
        annotation: ExprId,
        value: Option<ExprId>,
        simple: bool,
    },
    For {
        target: ExprId,
        iter: ExprId,
        body: List<StmtId>,
        orelse: List<StmtId>,
        is_async: bool,
    },
    While {
        test: ExprId,
        body: List<StmtId>,
        orelse: List<StmtId>,
    },
    If {
        test: ExprId,
        body: List<StmtId>,
        elifs: List<Elif>,
    },
    With {
        items: List<WithItem>,
        body: List<StmtId>,
        is_async: bool,
    },
    Match {
        subject: ExprId,
        cases: List<MatchCase>,
    },
    Raise {
        exc: Option<ExprId>,
        cause: Option<ExprId>,
    },
    Try(Idx<Try>),
    Assert {
        test: ExprId,
        msg: Option<ExprId>,
    },
    Import(List<Alias>),
    ImportFrom {
        module: Option<Name>,
        names: List<Alias>,
        level: u32,
    },
    Global(List<Ident>),
    Nonlocal(List<Ident>),
    Expr(ExprId),
    Pass,
    Break,
    Continue,
    TypeAlias,
    IpyEscape,
}

#[derive(Clone, Copy, Debug)]
pub struct FuncDef {
    pub name: Ident,
    pub decorators: List<Decorator>,
    pub params: Idx<Params>,
    pub returns: Option<ExprId>,
    pub body: List<StmtId>,
    pub is_async: bool,
    pub type_params: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct ClassDef {
    pub name: Ident,
    pub decorators: List<Decorator>,
    pub arguments: Option<Idx<Arguments>>,
    pub body: List<StmtId>,
    pub type_params: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Decorator {
    pub expr: ExprId,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct Try {
    pub body: List<StmtId>,
    pub handlers: List<Handler>,
    pub orelse: List<StmtId>,
    pub finalbody: List<StmtId>,
    pub is_star: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub type_: Option<ExprId>,
    pub name: Option<Ident>,
    pub body: List<StmtId>,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct WithItem {
    pub context: ExprId,
    pub vars: Option<ExprId>,
}

#[derive(Clone, Copy, Debug)]
pub struct Elif {
    pub test: Option<ExprId>,
    pub body: List<StmtId>,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct MatchCase {
    pub pattern: PatId,
    pub guard: Option<ExprId>,
    pub body: List<StmtId>,
}

#[derive(Clone, Copy, Debug)]
pub struct Alias {
    pub name: Ident,
    pub asname: Option<Ident>,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub struct PatNode {
    pub kind: PatKind,
    pub range: Range,
}

#[derive(Clone, Copy, Debug)]
pub enum PatKind {
    Value(ExprId),
    Singleton(Singleton),
    Sequence(List<PatId>),
    Mapping {
        keys: List<ExprId>,
        patterns: List<PatId>,
        rest: Option<Ident>,
    },
    Class {
        cls: ExprId,
        patterns: List<PatId>,
        keywords: List<PatKeyword>,
    },
    Star(Option<Ident>),
    As {
        pattern: Option<PatId>,
        name: Option<Ident>,
    },
    Or(List<PatId>),
}

#[derive(Clone, Copy, Debug)]
pub struct PatKeyword {
    pub attr: Ident,
    pub pattern: PatId,
}

/// One lowered module (or one function definition of a module).
#[derive(Default)]
pub struct Ir {
    pub exprs: Vec<ExprNode>,
    pub stmts: Vec<StmtNode>,
    pub pats: Vec<PatNode>,
    /// The lowered statements: a module's body, or the one `def` of a function.
    pub body: List<StmtId>,
    pub(crate) pools: Pools,
    pub(crate) consts: Vec<IrConst>,
    name_text: String,
    name_spans: Vec<(u32, u32)>,
}

/// The shared pools of child lists and records.
#[derive(Default)]
pub struct Pools {
    pub(crate) expr_ids: Vec<ExprId>,
    pub(crate) stmt_ids: Vec<StmtId>,
    pub(crate) pat_ids: Vec<PatId>,
    pub(crate) keywords: Vec<Keyword>,
    pub(crate) comps: Vec<Comprehension>,
    pub(crate) dict_items: Vec<DictItem>,
    pub(crate) cmps: Vec<CmpItem>,
    pub(crate) fparts: Vec<FPart>,
    pub(crate) params: Vec<Param>,
    pub(crate) paramsets: Vec<Params>,
    pub(crate) arguments: Vec<Arguments>,
    pub(crate) funcs: Vec<FuncDef>,
    pub(crate) classes: Vec<ClassDef>,
    pub(crate) tries: Vec<Try>,
    pub(crate) handlers: Vec<Handler>,
    pub(crate) with_items: Vec<WithItem>,
    pub(crate) cases: Vec<MatchCase>,
    pub(crate) elifs: Vec<Elif>,
    pub(crate) aliases: Vec<Alias>,
    pub(crate) idents: Vec<Ident>,
    pub(crate) decorators: Vec<Decorator>,
    pub(crate) pat_kws: Vec<PatKeyword>,
}

/// The pool holding elements of type `T`.
pub trait Pool<T> {
    fn pool(&self) -> &Vec<T>;
    fn pool_mut(&mut self) -> &mut Vec<T>;
}

macro_rules! pools {
    ($($t:ty => $f:ident,)*) => {
        $(impl Pool<$t> for Pools {
            fn pool(&self) -> &Vec<$t> { &self.$f }
            fn pool_mut(&mut self) -> &mut Vec<$t> { &mut self.$f }
        })*
        impl Pools {
            fn shrink(&mut self) { $(self.$f.shrink_to_fit();)* }
            fn bytes(&self) -> usize { 0 $(+ self.$f.capacity() * std::mem::size_of::<$t>())* }
        }
    };
}

pools! {
    ExprId => expr_ids,
    StmtId => stmt_ids,
    PatId => pat_ids,
    Keyword => keywords,
    Comprehension => comps,
    DictItem => dict_items,
    CmpItem => cmps,
    FPart => fparts,
    Param => params,
    Params => paramsets,
    Arguments => arguments,
    FuncDef => funcs,
    ClassDef => classes,
    Try => tries,
    Handler => handlers,
    WithItem => with_items,
    MatchCase => cases,
    Elif => elifs,
    Alias => aliases,
    Ident => idents,
    Decorator => decorators,
    PatKeyword => pat_kws,
}

impl Pools {
    pub(crate) fn push_list<T>(&mut self, items: impl IntoIterator<Item = T>) -> List<T>
    where
        Self: Pool<T>,
    {
        let p = self.pool_mut();
        let start = p.len();
        p.extend(items);
        List {
            start: start as u32,
            len: (p.len() - start) as u32,
            _t: PhantomData,
        }
    }

    pub(crate) fn push<T>(&mut self, item: T) -> Idx<T>
    where
        Self: Pool<T>,
    {
        let p = self.pool_mut();
        p.push(item);
        Idx {
            i: (p.len() - 1) as u32,
            _t: PhantomData,
        }
    }
}

impl Ir {
    pub fn expr(&self, e: ExprId) -> &ExprNode {
        &self.exprs[e.index()]
    }

    pub fn stmt(&self, s: StmtId) -> &StmtNode {
        &self.stmts[s.index()]
    }

    pub fn pat(&self, p: PatId) -> &PatNode {
        &self.pats[p.index()]
    }

    /// The elements of a child list.
    pub fn list<T>(&self, l: List<T>) -> &[T]
    where
        Pools: Pool<T>,
    {
        &self.pools.pool()[l.start as usize..(l.start + l.len) as usize]
    }

    pub(crate) fn list_mut<T>(&mut self, l: List<T>) -> &mut [T]
    where
        Pools: Pool<T>,
    {
        &mut self.pools.pool_mut()[l.start as usize..(l.start + l.len) as usize]
    }

    /// A record of one of the pools.
    pub fn get<T>(&self, i: Idx<T>) -> &T
    where
        Pools: Pool<T>,
    {
        &self.pools.pool()[i.i as usize]
    }

    pub fn name(&self, n: Name) -> &str {
        let (s, e) = self.name_spans[n.0 as usize];
        &self.name_text[s as usize..e as usize]
    }

    pub fn konst(&self, k: ConstId) -> &IrConst {
        &self.consts[k.0 as usize]
    }

    /// The string of a constant, if it is one.
    pub fn const_str(&self, k: ConstId) -> Option<&str> {
        match self.konst(k) {
            IrConst::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The string literal `e` is (an unfolded string constant: a docstring candidate).
    pub fn string_literal(&self, e: ExprId) -> Option<&str> {
        match self.expr(e).kind {
            ExprKind::Const { k, folded: false } => self.const_str(k),
            _ => None,
        }
    }

    /// The docstring of a body: its first statement, when that is a string literal.
    pub fn docstring(&self, body: List<StmtId>) -> Option<&str> {
        let first = *self.list(body).first()?;
        match self.stmt(first).kind {
            StmtKind::Expr(e) => self.string_literal(e),
            _ => None,
        }
    }

    pub(crate) fn add_expr(&mut self, kind: ExprKind, range: Range) -> ExprId {
        self.exprs.push(ExprNode { kind, range });
        ExprId::new(self.exprs.len() - 1)
    }

    pub(crate) fn add_stmt(&mut self, kind: StmtKind, range: Range) -> StmtId {
        self.stmts.push(StmtNode { kind, range });
        StmtId::new(self.stmts.len() - 1)
    }

    pub(crate) fn add_pat(&mut self, kind: PatKind, range: Range) -> PatId {
        self.pats.push(PatNode { kind, range });
        PatId::new(self.pats.len() - 1)
    }

    pub(crate) fn add_const(&mut self, c: IrConst) -> ConstId {
        self.consts.push(c);
        ConstId(self.consts.len() as u32 - 1)
    }

    /// A new interned name (the lowering keeps the interning map).
    pub(crate) fn add_name(&mut self, s: &str) -> Name {
        let start = self.name_text.len() as u32;
        self.name_text.push_str(s);
        self.name_spans.push((start, self.name_text.len() as u32));
        Name(self.name_spans.len() as u32 - 1)
    }

    /// Release spare capacity once lowering is done.
    pub(crate) fn shrink(&mut self) {
        self.exprs.shrink_to_fit();
        self.stmts.shrink_to_fit();
        self.pats.shrink_to_fit();
        self.pools.shrink();
        self.consts.shrink_to_fit();
        self.name_text.shrink_to_fit();
        self.name_spans.shrink_to_fit();
    }

    /// Bytes held by the node arenas, pools and tables (without the constants' own
    /// heap data), for statistics and tests.
    pub fn arena_bytes(&self) -> usize {
        self.exprs.capacity() * std::mem::size_of::<ExprNode>()
            + self.stmts.capacity() * std::mem::size_of::<StmtNode>()
            + self.pats.capacity() * std::mem::size_of::<PatNode>()
            + self.pools.bytes()
            + self.consts.capacity() * std::mem::size_of::<IrConst>()
            + self.name_text.capacity()
            + self.name_spans.capacity() * 8
    }
}
