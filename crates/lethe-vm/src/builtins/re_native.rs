//! The native matcher of `re` (`lib/re.py`). The Python parser turns a pattern into
//! a tree of tuples; `re_compile` converts that tree once into a program of
//! instructions (flags resolved: IGNORECASE, DOTALL and ASCII are baked into the
//! instructions), held by an opaque `ObjData::Native` value. `re_match` runs it on a
//! str: an anchored match, a full match or a search.
//!
//! The matcher is a backtracking machine with an explicit stack, so deep
//! backtracking never grows the native stack. The stack holds resume points
//! (alternatives still to try) and undo records (the old value of a capture, of a
//! repeat counter, of `lastindex`), popped in order on failure: a capture is restored
//! when the path that set it is abandoned. Atomic groups and lookarounds run their
//! body as a nested run (native recursion bounded by the nesting of the pattern);
//! after the body matched, its resume points are dropped and its undo records kept.
//! When the stack would exceed its limit, the call returns `False` and `re.py` runs
//! its Python matcher instead.
//!
//! The semantics are those of the Python matcher (`_Matcher`), which follows
//! CPython: leftmost-first alternation; greedy, lazy and possessive repeats, where
//! an empty iteration after the required ones counts but ends the repeat; a
//! group's capture is set when the group closes, the last iteration wins;
//! IGNORECASE compares `c.lower()`/`c.upper()` as the Python code does.
//!
//! Strings are matched by character index: an ASCII str directly on its bytes,
//! another as a `Vec<char>` (converted once and cached for the last string seen).

use crate::builtins::str_methods::{is_alnum, is_decimal, is_space};
use crate::object::ObjData;
use crate::ops::as_i64;
use crate::{Args, PyResult, Value, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const IGNORECASE: i64 = 2;
const DOTALL: i64 = 16;
const ASCII: i64 = 256;

/// An unset capture position / no `lastindex`.
const UNSET: u32 = u32::MAX;
/// An unbounded repeat.
const INF: u32 = u32::MAX;
/// Deepest tree the converter accepts (deeper patterns use the Python matcher).
const MAX_TREE_DEPTH: usize = 400;
/// Deepest nesting of atomic groups and lookarounds (each is a nested run).
const MAX_SUB_DEPTH: usize = 64;
/// Default limit of the backtracking stack, in entries (16 bytes each).
const DEFAULT_STACK_LIMIT: usize = 1 << 22;

thread_local! {
    static STACK_LIMIT: Cell<usize> = const { Cell::new(DEFAULT_STACK_LIMIT) };
}

// ------------------------------------------------------------------ characters

/// The lower or upper case of a character (up to three characters).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fold {
    c: [char; 3],
    n: u8,
}

impl Fold {
    fn from_iter(it: impl Iterator<Item = char>) -> Fold {
        let mut f = Fold { c: ['\0'; 3], n: 0 };
        for x in it {
            if (f.n as usize) < 3 {
                f.c[f.n as usize] = x;
                f.n += 1;
            }
        }
        f
    }
    fn lower(c: char) -> Fold {
        if c.is_ascii() {
            return Fold {
                c: [c.to_ascii_lowercase(), '\0', '\0'],
                n: 1,
            };
        }
        Fold::from_iter(c.to_lowercase())
    }
    fn upper(c: char) -> Fold {
        if c.is_ascii() {
            return Fold {
                c: [c.to_ascii_uppercase(), '\0', '\0'],
                n: 1,
            };
        }
        Fold::from_iter(c.to_uppercase())
    }
    fn as_slice(&self) -> &[char] {
        &self.c[..self.n as usize]
    }
}

/// `lo <= s <= hi` for the one-character strings `lo`, `hi` and the string `s`
/// (Python's string comparison).
fn fold_in_range(lo: char, hi: char, s: &Fold) -> bool {
    let f = s.as_slice();
    let Some(&c0) = f.first() else {
        return false;
    };
    lo <= c0 && (c0 < hi || (c0 == hi && f.len() == 1))
}

fn is_word(c: char, ascii: bool) -> bool {
    c == '_'
        || if ascii {
            c.is_ascii_alphanumeric()
        } else {
            is_alnum(c)
        }
}

#[derive(Clone, Copy)]
enum CatKind {
    Digit,
    Word,
    Space,
}

/// `\d \w \s` (negated: `\D \W \S`).
#[derive(Clone, Copy)]
struct Cat {
    kind: CatKind,
    neg: bool,
    ascii: bool,
}

fn cat_match(k: Cat, c: char) -> bool {
    let r = match k.kind {
        CatKind::Digit => {
            if k.ascii {
                c.is_ascii_digit()
            } else {
                is_decimal(c)
            }
        }
        CatKind::Word => is_word(c, k.ascii),
        CatKind::Space => {
            if k.ascii {
                matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
            } else {
                is_space(c)
            }
        }
    };
    r != k.neg
}

#[derive(Clone)]
enum Item {
    /// A character with its lower and upper case.
    Lit(char, Fold, Fold),
    Range(char, char),
    Cat(Cat),
}

/// A set of characters: a class, a category, or a literal under IGNORECASE. The
/// answer for the ASCII characters is precomputed.
#[derive(Clone)]
struct Set {
    bits: [u64; 2],
    items: Vec<Item>,
    negate: bool,
    icase: bool,
}

impl Set {
    fn new(items: Vec<Item>, negate: bool, icase: bool) -> Set {
        let mut s = Set {
            bits: [0; 2],
            items,
            negate,
            icase,
        };
        for u in 0..128u32 {
            if s.slow(char::from_u32(u).unwrap_or('\0')) {
                s.bits[(u >> 6) as usize] |= 1 << (u & 63);
            }
        }
        s
    }

    fn slow(&self, c: char) -> bool {
        let ic = self.icase;
        let mut hit = false;
        for it in &self.items {
            hit = match it {
                Item::Lit(x, xl, xu) => {
                    c == *x || (ic && (Fold::lower(c) == *xl || Fold::upper(c) == *xu))
                }
                Item::Range(lo, hi) => {
                    (*lo <= c && c <= *hi)
                        || (ic
                            && (fold_in_range(*lo, *hi, &Fold::lower(c))
                                || fold_in_range(*lo, *hi, &Fold::upper(c))))
                }
                Item::Cat(k) => cat_match(*k, c),
            };
            if hit {
                break;
            }
        }
        hit != self.negate
    }

    #[inline(always)]
    fn matches(&self, c: char) -> bool {
        let u = c as u32;
        if u < 128 {
            self.bits[(u >> 6) as usize] >> (u & 63) & 1 != 0
        } else {
            self.slow(c)
        }
    }
}

// ------------------------------------------------------------------ program

#[derive(Clone, Copy)]
enum Assert {
    /// `^` (without MULTILINE) and `\A`.
    Start,
    /// `$` without MULTILINE: the end, or before a newline at the end.
    End,
    /// `\Z`.
    StrEnd,
    /// `^` with MULTILINE.
    Bol,
    /// `$` with MULTILINE.
    Eol,
    /// `\b` / `\B` (the flag: ASCII).
    WordB(bool),
    NWordB(bool),
}

#[derive(Clone)]
enum Inst {
    // One character.
    Char(char),
    Set(Box<Set>),
    Any,
    AnyNoNl,
    // Zero width.
    Assert(Assert),
    Backref {
        group: u32,
        icase: bool,
    },
    /// Try the next instruction; on failure resume at the target.
    Split(u32),
    Jmp(u32),
    GroupStart(u32),
    GroupEnd(u32),
    /// A repeat of the one-character instruction that follows. `guard`: the
    /// character that must come next for the rest to match (a literal after the
    /// repeat), if known.
    RepSingle {
        greedy: bool,
        possessive: bool,
        lo: u32,
        hi: u32,
        guard: Option<char>,
    },
    /// A general repeat, with CPython's rules: the first `lo` iterations are
    /// required; after them another iteration starts only if the previous one
    /// (started after the first `lo`) was not empty. Register `r` holds the count
    /// of iterations done and where the latest optional one started.
    RepInit(u32),
    /// Greedy head: iterate (the body follows) or leave to `exit`; an optional
    /// iteration leaves a resume point at `exit`.
    RepGreedy {
        r: u32,
        lo: u32,
        hi: u32,
        exit: u32,
    },
    /// Lazy head: a required iteration (the body is at +2), or leave to `exit`
    /// with a resume point at +1 for another iteration.
    RepLazy {
        r: u32,
        lo: u32,
        hi: u32,
        exit: u32,
    },
    /// An optional iteration of a lazy repeat starts here.
    RepLazyIter(u32),
    /// End of an iteration: count it, back to the head at `top`.
    RepEnd {
        r: u32,
        top: u32,
    },
    /// An atomic group: the body follows (ended by `SubEnd`), then `next`.
    Atomic {
        next: u32,
    },
    Look {
        ahead: bool,
        negate: bool,
        width: u32,
        next: u32,
    },
    SubEnd,
    Match,
}

#[inline(always)]
fn single(inst: &Inst, c: char) -> bool {
    match inst {
        Inst::Char(x) => c == *x,
        Inst::Set(s) => s.matches(c),
        Inst::Any => true,
        Inst::AnyNoNl => c != '\n',
        _ => false,
    }
}

enum Node {
    One(Inst),
    Zero(Inst),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Group(Option<u32>, Box<Node>),
    Repeat {
        sub: Box<Node>,
        lo: u32,
        hi: u32,
        greedy: bool,
    },
    Atomic(Box<Node>),
    Look {
        sub: Box<Node>,
        ahead: bool,
        negate: bool,
        width: u32,
    },
}

/// A compiled pattern.
pub struct Prog {
    insts: Vec<Inst>,
    ngroups: usize,
    nregs: usize,
    /// The characters a match can start with (when every match starts with one).
    first: Option<First>,
    /// Every match starts at position 0 (`^`, `\A`).
    anchored: bool,
    /// The last non-ASCII string matched, as characters.
    text: RefCell<Option<(Value, Rc<[char]>)>>,
    /// `re.Match`, and the names of the attributes `re_exec` gives its instances
    /// (in the order `Match.__init__` sets them: re, string, pos, endpos, _spans).
    match_cls: Value,
    names: [Value; 5],
    scratch: RefCell<Scratch>,
}

/// The characters every match starts with: the answers for ASCII, the
/// instructions for the others.
struct First {
    bits: [u64; 2],
    insts: Vec<Inst>,
}

impl First {
    #[inline(always)]
    fn matches(&self, c: char) -> bool {
        let u = c as u32;
        if u < 128 {
            self.bits[(u >> 6) as usize] >> (u & 63) & 1 != 0
        } else {
            self.insts.iter().any(|i| single(i, c))
        }
    }
}

#[derive(Default)]
struct Scratch {
    stack: Vec<Entry>,
    caps: Vec<(u32, u32)>,
    open: Vec<u32>,
    regs: Vec<(u32, u32)>,
}

// ------------------------------------------------------------------ conversion

fn items_of(v: &Value) -> Option<Vec<Value>> {
    match v.data()? {
        ObjData::Tuple(t) => Some(t.to_vec()),
        ObjData::List(l) => Some(l.borrow().clone()),
        _ => None,
    }
}

/// The str itself, or the str value of an instance of a subclass of str.
fn plain_str(v: &Value) -> Option<(&Value, &crate::object::StrObj)> {
    match v.data()? {
        ObjData::Str(s) => Some((v, s)),
        ObjData::Instance(i) => match i.base().data()? {
            ObjData::Str(s) => Some((i.base(), s)),
            _ => None,
        },
        _ => None,
    }
}

fn str_of(v: &Value) -> Option<&str> {
    match v.data()? {
        ObjData::Str(s) => Some(&s.s),
        _ => None,
    }
}

fn char_of(v: &Value) -> Option<char> {
    let s = str_of(v)?;
    let mut it = s.chars();
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some(c)
}

fn u32_of(v: &Value) -> Option<u32> {
    let i = as_i64(v)?;
    if (0..u32::MAX as i64).contains(&i) {
        Some(i as u32)
    } else {
        None
    }
}

fn bool_of(v: &Value) -> Option<bool> {
    if v.is(&Value::TRUE) {
        Some(true)
    } else if v.is(&Value::FALSE) {
        Some(false)
    } else {
        None
    }
}

fn lit_item(c: char) -> Item {
    Item::Lit(c, Fold::lower(c), Fold::upper(c))
}

fn cat_of(c: char, ascii: bool) -> Option<Cat> {
    let (kind, neg) = match c {
        'd' => (CatKind::Digit, false),
        'D' => (CatKind::Digit, true),
        'w' => (CatKind::Word, false),
        'W' => (CatKind::Word, true),
        's' => (CatKind::Space, false),
        'S' => (CatKind::Space, true),
        _ => return None,
    };
    Some(Cat { kind, neg, ascii })
}

struct Conv {
    ngroups: u32,
}

impl Conv {
    fn node(&self, v: &Value, flags: i64, depth: usize) -> Option<Node> {
        if depth > MAX_TREE_DEPTH {
            return None;
        }
        let t = match v.data()? {
            ObjData::Tuple(t) => t,
            _ => return None,
        };
        let kind = str_of(t.first()?)?;
        let icase = flags & IGNORECASE != 0;
        let ascii = flags & ASCII != 0;
        let arg = |i: usize| t.get(i);
        Some(match kind {
            "lit" => {
                let c = char_of(arg(1)?)?;
                if icase {
                    Node::One(Inst::Set(Box::new(Set::new(
                        vec![lit_item(c)],
                        false,
                        true,
                    ))))
                } else {
                    Node::One(Inst::Char(c))
                }
            }
            "any" => Node::One(if flags & DOTALL != 0 {
                Inst::Any
            } else {
                Inst::AnyNoNl
            }),
            "cat" => {
                let k = cat_of(char_of(arg(1)?)?, ascii)?;
                Node::One(Inst::Set(Box::new(Set::new(
                    vec![Item::Cat(k)],
                    false,
                    false,
                ))))
            }
            "class" => {
                let mut items = Vec::new();
                for it in items_of(arg(1)?)? {
                    let it = match it.data()? {
                        ObjData::Tuple(t) => t,
                        _ => return None,
                    };
                    items.push(match str_of(it.first()?)? {
                        "lit" => lit_item(char_of(it.get(1)?)?),
                        "range" => Item::Range(char_of(it.get(1)?)?, char_of(it.get(2)?)?),
                        "cat" => Item::Cat(cat_of(char_of(it.get(1)?)?, ascii)?),
                        _ => return None,
                    });
                }
                let negate = bool_of(arg(2)?)?;
                Node::One(Inst::Set(Box::new(Set::new(items, negate, icase))))
            }
            "start" | "strstart" => Node::Zero(Inst::Assert(Assert::Start)),
            "end" => Node::Zero(Inst::Assert(Assert::End)),
            "strend" => Node::Zero(Inst::Assert(Assert::StrEnd)),
            "bol" => Node::Zero(Inst::Assert(Assert::Bol)),
            "eol" => Node::Zero(Inst::Assert(Assert::Eol)),
            "wordb" => Node::Zero(Inst::Assert(Assert::WordB(ascii))),
            "nwordb" => Node::Zero(Inst::Assert(Assert::NWordB(ascii))),
            "backref" => {
                let group = u32_of(arg(1)?)?;
                if group == 0 || group > self.ngroups {
                    return None;
                }
                Node::Zero(Inst::Backref { group, icase })
            }
            "seq" | "alt" => {
                let mut out = Vec::new();
                for x in items_of(arg(1)?)? {
                    out.push(self.node(&x, flags, depth + 1)?);
                }
                if kind == "seq" {
                    Node::Seq(out)
                } else {
                    Node::Alt(out)
                }
            }
            "group" => {
                let g = arg(1)?;
                let idx = if g.is_none() {
                    None
                } else {
                    let i = u32_of(g)?;
                    if i == 0 || i > self.ngroups {
                        return None;
                    }
                    Some(i)
                };
                Node::Group(idx, Box::new(self.node(arg(2)?, flags, depth + 1)?))
            }
            "repeat" => {
                let sub = self.node(arg(1)?, flags, depth + 1)?;
                let lo = u32_of(arg(2)?)?;
                let h = arg(3)?;
                let hi = if h.is_none() { INF } else { u32_of(h)? };
                if hi < lo {
                    return None;
                }
                let greedy = bool_of(arg(4)?)?;
                Node::Repeat {
                    sub: Box::new(sub),
                    lo,
                    hi,
                    greedy,
                }
            }
            "atomic" => Node::Atomic(Box::new(self.node(arg(1)?, flags, depth + 1)?)),
            "look" => Node::Look {
                sub: Box::new(self.node(arg(1)?, flags, depth + 1)?),
                ahead: bool_of(arg(2)?)?,
                negate: bool_of(arg(3)?)?,
                width: u32_of(arg(4)?)?,
            },
            "flags" => {
                let oo = items_of(arg(1)?)?;
                let on = as_i64(oo.first()?)?;
                let off = as_i64(oo.get(1)?)?;
                self.node(arg(2)?, (flags | on) & !off, depth + 1)?
            }
            _ => return None,
        })
    }
}

/// The one-character instruction a node amounts to, if any.
fn as_single(n: &Node) -> Option<&Inst> {
    match n {
        Node::One(i) => Some(i),
        Node::Group(None, b) | Node::Atomic(b) => as_single(b),
        Node::Seq(v) if v.len() == 1 => as_single(&v[0]),
        _ => None,
    }
}

/// Collects in `out` the instructions a match of `n` can start with. `Some(true)`:
/// every match of `n` consumes a first character; `Some(false)`: `n` can also
/// match empty; `None`: unknown.
fn first_of(n: &Node, out: &mut Vec<Inst>) -> Option<bool> {
    match n {
        Node::One(i) => {
            out.push(i.clone());
            Some(true)
        }
        Node::Zero(Inst::Backref { .. }) => None,
        Node::Zero(_) | Node::Look { .. } => Some(false),
        Node::Seq(v) => {
            for x in v {
                if first_of(x, out)? {
                    return Some(true);
                }
            }
            Some(false)
        }
        Node::Alt(v) => {
            let mut all = true;
            for x in v {
                all &= first_of(x, out)?;
            }
            Some(all)
        }
        Node::Group(_, b) | Node::Atomic(b) => first_of(b, out),
        Node::Repeat { sub, lo, hi, .. } => {
            if *hi == 0 {
                return Some(false);
            }
            let r = first_of(sub, out)?;
            Some(r && *lo > 0)
        }
    }
}

fn anchored(n: &Node) -> bool {
    match n {
        Node::Zero(Inst::Assert(Assert::Start)) => true,
        Node::Seq(v) => v.first().is_some_and(anchored),
        Node::Group(_, b) | Node::Atomic(b) => anchored(b),
        Node::Alt(v) => !v.is_empty() && v.iter().all(anchored),
        _ => false,
    }
}

struct Emit {
    insts: Vec<Inst>,
    nregs: u32,
}

impl Emit {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn push(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    /// Emits `n`; `sub` is the nesting of atomic groups and lookarounds.
    fn node(&mut self, n: &Node, sub: usize) -> Option<()> {
        match n {
            Node::One(i) | Node::Zero(i) => {
                self.push(i.clone());
            }
            Node::Seq(v) => {
                for x in v {
                    self.node(x, sub)?;
                }
            }
            Node::Alt(v) => {
                let mut jumps = Vec::new();
                for (k, x) in v.iter().enumerate() {
                    if k + 1 < v.len() {
                        let split = self.push(Inst::Split(0));
                        self.node(x, sub)?;
                        jumps.push(self.push(Inst::Jmp(0)));
                        let here = self.pc();
                        self.insts[split] = Inst::Split(here);
                    } else {
                        self.node(x, sub)?;
                    }
                }
                let here = self.pc();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(here);
                }
            }
            Node::Group(None, b) => self.node(b, sub)?,
            Node::Group(Some(g), b) => {
                self.push(Inst::GroupStart(*g));
                self.node(b, sub)?;
                self.push(Inst::GroupEnd(*g));
            }
            Node::Repeat {
                sub: body,
                lo,
                hi,
                greedy,
            } => {
                let (lo, hi, greedy) = (*lo, *hi, *greedy);
                if hi == 0 {
                    return Some(());
                }
                if lo == 1 && hi == 1 {
                    return self.node(body, sub);
                }
                if let Some(one) = as_single(body) {
                    self.push(Inst::RepSingle {
                        greedy,
                        possessive: false,
                        lo,
                        hi,
                        guard: None,
                    });
                    self.push(one.clone());
                    return Some(());
                }
                let r = self.nregs;
                self.nregs += 1;
                self.push(Inst::RepInit(r));
                let top = self.pc();
                let head = if greedy {
                    self.push(Inst::RepGreedy { r, lo, hi, exit: 0 })
                } else {
                    let h = self.push(Inst::RepLazy { r, lo, hi, exit: 0 });
                    self.push(Inst::RepLazyIter(r));
                    h
                };
                self.node(body, sub)?;
                self.push(Inst::RepEnd { r, top });
                let exit = self.pc();
                self.insts[head] = if greedy {
                    Inst::RepGreedy { r, lo, hi, exit }
                } else {
                    Inst::RepLazy { r, lo, hi, exit }
                };
            }
            Node::Atomic(b) => {
                if let Node::Repeat {
                    sub: body,
                    lo,
                    hi,
                    greedy: true,
                } = &**b
                {
                    if let Some(one) = as_single(body) {
                        self.push(Inst::RepSingle {
                            greedy: true,
                            possessive: true,
                            lo: *lo,
                            hi: *hi,
                            guard: None,
                        });
                        self.push(one.clone());
                        return Some(());
                    }
                }
                if sub >= MAX_SUB_DEPTH {
                    return None;
                }
                let at = self.push(Inst::Atomic { next: 0 });
                self.node(b, sub + 1)?;
                self.push(Inst::SubEnd);
                let next = self.pc();
                self.insts[at] = Inst::Atomic { next };
            }
            Node::Look {
                sub: b,
                ahead,
                negate,
                width,
            } => {
                if sub >= MAX_SUB_DEPTH {
                    return None;
                }
                let at = self.push(Inst::Jmp(0));
                self.node(b, sub + 1)?;
                self.push(Inst::SubEnd);
                let next = self.pc();
                self.insts[at] = Inst::Look {
                    ahead: *ahead,
                    negate: *negate,
                    width: *width,
                    next,
                };
            }
        }
        Some(())
    }
}

/// Fills in the `guard` of the greedy one-character repeats: a literal that the
/// instructions after the repeat (past group boundaries and jumps) start with.
fn set_guards(insts: &mut [Inst]) {
    for pc in 0..insts.len() {
        if let Inst::RepSingle {
            greedy: true,
            possessive: false,
            ..
        } = insts[pc]
        {
            let mut q = pc + 2;
            let mut found = None;
            for _ in 0..32 {
                match insts.get(q) {
                    Some(Inst::GroupStart(_)) | Some(Inst::GroupEnd(_)) => q += 1,
                    Some(Inst::Jmp(t)) => q = *t as usize,
                    Some(Inst::Char(c)) => {
                        found = Some(*c);
                        break;
                    }
                    _ => break,
                }
            }
            if let Inst::RepSingle { guard, .. } = &mut insts[pc] {
                *guard = found;
            }
        }
    }
}

fn compile(
    tree: &Value,
    ngroups: u32,
    flags: i64,
    match_cls: Value,
    names: [Value; 5],
) -> Option<Prog> {
    let root = Conv { ngroups }.node(tree, flags, 0)?;
    let mut e = Emit {
        insts: Vec::new(),
        nregs: 0,
    };
    e.node(&root, 0)?;
    e.push(Inst::Match);
    set_guards(&mut e.insts);
    if e.insts.len() >= u32::MAX as usize / 2 {
        return None;
    }
    let mut firsts = Vec::new();
    let first = if first_of(&root, &mut firsts) == Some(true) {
        let mut bits = [0u64; 2];
        for u in 0..128u32 {
            let c = char::from_u32(u).unwrap_or('\0');
            if firsts.iter().any(|i| single(i, c)) {
                bits[(u >> 6) as usize] |= 1 << (u & 63);
            }
        }
        Some(First {
            bits,
            insts: firsts,
        })
    } else {
        None
    };
    Some(Prog {
        insts: e.insts,
        ngroups: ngroups as usize,
        nregs: e.nregs as usize,
        first,
        anchored: anchored(&root),
        text: RefCell::new(None),
        match_cls,
        names,
        scratch: RefCell::new(Scratch::default()),
    })
}

// ------------------------------------------------------------------ matching

/// The characters of the subject string.
trait Text: Copy {
    fn at(self, i: usize) -> char;
    /// `s[a:b]` as a new str.
    fn slice(self, vm: &Vm, a: usize, b: usize) -> Value;
}

impl Text for &[u8] {
    #[inline(always)]
    fn at(self, i: usize) -> char {
        self[i] as char
    }
    fn slice(self, vm: &Vm, a: usize, b: usize) -> Value {
        // An ASCII str: every byte range is a str.
        vm.new_str(std::str::from_utf8(&self[a..b]).unwrap_or(""))
    }
}

impl Text for &[char] {
    #[inline(always)]
    fn at(self, i: usize) -> char {
        self[i]
    }
    fn slice(self, vm: &Vm, a: usize, b: usize) -> Value {
        vm.new_string(self[a..b].iter().collect())
    }
}

/// An entry of the backtracking stack: a resume point or an undo record.
#[derive(Clone, Copy)]
enum Entry {
    /// Resume at `pc`, `pos`.
    Alt {
        pc: u32,
        pos: u32,
    },
    /// A greedy one-character repeat (`RepSingle` at `pc`) that can still give
    /// back characters: resume after it at `cur`, then `cur - 1`, ... down to `min`.
    Greedy {
        pc: u32,
        min: u32,
        cur: u32,
    },
    /// A lazy one-character repeat (`RepSingle` at `pc`, started at `start`) that
    /// can still take the character at `cur`.
    Lazy {
        pc: u32,
        start: u32,
        cur: u32,
    },
    Cap {
        g: u32,
        s: u32,
        e: u32,
    },
    Open {
        g: u32,
        old: u32,
    },
    Last {
        old: u32,
    },
    Reg {
        r: u32,
        count: u32,
        start: u32,
    },
}

impl Entry {
    fn is_undo(&self) -> bool {
        matches!(
            self,
            Entry::Cap { .. } | Entry::Open { .. } | Entry::Last { .. } | Entry::Reg { .. }
        )
    }
}

/// The backtracking stack reached its limit.
struct Overflow;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Any,
    /// The match must end at `endpos`.
    Full,
    /// The match must not be empty.
    NonEmpty,
}

struct M<'p, T: Text> {
    insts: &'p [Inst],
    s: T,
    end: usize,
    mode: Mode,
    start: usize,
    limit: usize,
    stack: Vec<Entry>,
    /// Per group (index 0 unused): start and end of its capture.
    caps: Vec<(u32, u32)>,
    /// Per group: where its current attempt started.
    open: Vec<u32>,
    /// Per general repeat: count of iterations, start of the latest optional one.
    regs: Vec<(u32, u32)>,
    /// `lastindex` (0: None).
    last: u32,
}

macro_rules! push {
    ($m:expr, $e:expr) => {
        if $m.stack.len() >= $m.limit {
            return Err(Overflow);
        }
        $m.stack.push($e);
    };
}

impl<'p, T: Text> M<'p, T> {
    fn new(prog: &'p Prog, s: T, end: usize, sc: &mut Scratch) -> M<'p, T> {
        let mut m = M {
            insts: &prog.insts,
            s,
            end,
            mode: Mode::Any,
            start: 0,
            limit: STACK_LIMIT.with(|l| l.get()),
            stack: std::mem::take(&mut sc.stack),
            caps: std::mem::take(&mut sc.caps),
            open: std::mem::take(&mut sc.open),
            regs: std::mem::take(&mut sc.regs),
            last: 0,
        };
        m.stack.clear();
        m.caps.clear();
        m.caps.resize(prog.ngroups + 1, (UNSET, UNSET));
        m.open.clear();
        m.open.resize(prog.ngroups + 1, UNSET);
        m.regs.clear();
        m.regs.resize(prog.nregs, (0, 0));
        m
    }

    fn release(self, sc: &mut Scratch) {
        sc.stack = self.stack;
        sc.caps = self.caps;
        sc.open = self.open;
        sc.regs = self.regs;
    }

    /// Forgets the captures of a match before the next one.
    fn reset(&mut self) {
        self.stack.clear();
        for c in self.caps.iter_mut() {
            *c = (UNSET, UNSET);
        }
        self.last = 0;
    }

    fn assert(&self, k: Assert, pos: usize) -> bool {
        let end = self.end;
        let s = self.s;
        match k {
            Assert::Start => pos == 0,
            Assert::End => pos == end || (pos + 1 == end && s.at(pos) == '\n'),
            Assert::StrEnd => pos == end,
            Assert::Bol => pos == 0 || s.at(pos - 1) == '\n',
            Assert::Eol => pos == end || (pos < end && s.at(pos) == '\n'),
            Assert::WordB(a) | Assert::NWordB(a) => {
                let before = pos > 0 && is_word(s.at(pos - 1), a);
                let after = pos < end && is_word(s.at(pos), a);
                (before != after) == matches!(k, Assert::WordB(_))
            }
        }
    }

    fn undo(&mut self, e: Entry) {
        match e {
            Entry::Cap { g, s, e } => self.caps[g as usize] = (s, e),
            Entry::Open { g, old } => self.open[g as usize] = old,
            Entry::Last { old } => self.last = old,
            Entry::Reg { r, count, start } => self.regs[r as usize] = (count, start),
            _ => {}
        }
    }

    /// After a sub-run matched: drops its resume points, keeps its undo records.
    fn cut(&mut self, base: usize) {
        let mut w = base;
        for r in base..self.stack.len() {
            let e = self.stack[r];
            if e.is_undo() {
                self.stack[w] = e;
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    /// Abandons a sub-run that matched (a negative lookaround): undoes its effects.
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            if let Some(e) = self.stack.pop() {
                self.undo(e);
            }
        }
    }

    /// Runs the program from `pc` at `pos`: the end of the match (`Match`, or the
    /// `SubEnd` of a sub-run, which must end at `need` unless that is `usize::MAX`),
    /// or None with the stack back where it was and every effect undone.
    fn run(
        &mut self,
        mut pc: usize,
        mut pos: usize,
        need: usize,
        depth: usize,
    ) -> Result<Option<usize>, Overflow> {
        let base = self.stack.len();
        let insts = self.insts;
        let s = self.s;
        let end = self.end;
        'outer: loop {
            'fail: {
                match &insts[pc] {
                    Inst::Char(c) => {
                        if pos < end && s.at(pos) == *c {
                            pos += 1;
                            pc += 1;
                            continue 'outer;
                        }
                    }
                    Inst::Set(st) => {
                        if pos < end && st.matches(s.at(pos)) {
                            pos += 1;
                            pc += 1;
                            continue 'outer;
                        }
                    }
                    Inst::Any => {
                        if pos < end {
                            pos += 1;
                            pc += 1;
                            continue 'outer;
                        }
                    }
                    Inst::AnyNoNl => {
                        if pos < end && s.at(pos) != '\n' {
                            pos += 1;
                            pc += 1;
                            continue 'outer;
                        }
                    }
                    Inst::Assert(k) => {
                        if self.assert(*k, pos) {
                            pc += 1;
                            continue 'outer;
                        }
                    }
                    Inst::Backref { group, icase } => {
                        let (cs, ce) = self.caps[*group as usize];
                        if cs == UNSET {
                            break 'fail;
                        }
                        let (cs, ce) = (cs as usize, ce as usize);
                        let len = ce.saturating_sub(cs);
                        if pos + len > end {
                            break 'fail;
                        }
                        for k in 0..len {
                            let a = s.at(cs + k);
                            let b = s.at(pos + k);
                            if a != b && !(*icase && Fold::lower(a) == Fold::lower(b)) {
                                break 'fail;
                            }
                        }
                        pos += len;
                        pc += 1;
                        continue 'outer;
                    }
                    Inst::Split(t) => {
                        push!(
                            self,
                            Entry::Alt {
                                pc: *t,
                                pos: pos as u32
                            }
                        );
                        pc += 1;
                        continue 'outer;
                    }
                    Inst::Jmp(t) => {
                        pc = *t as usize;
                        continue 'outer;
                    }
                    Inst::GroupStart(g) => {
                        let g = *g as usize;
                        push!(
                            self,
                            Entry::Open {
                                g: g as u32,
                                old: self.open[g]
                            }
                        );
                        self.open[g] = pos as u32;
                        pc += 1;
                        continue 'outer;
                    }
                    Inst::GroupEnd(g) => {
                        let gi = *g as usize;
                        let (os, oe) = self.caps[gi];
                        push!(
                            self,
                            Entry::Cap {
                                g: *g,
                                s: os,
                                e: oe
                            }
                        );
                        if self.last != *g {
                            push!(self, Entry::Last { old: self.last });
                            self.last = *g;
                        }
                        self.caps[gi] = (self.open[gi], pos as u32);
                        pc += 1;
                        continue 'outer;
                    }
                    Inst::RepSingle {
                        greedy,
                        possessive,
                        lo,
                        hi,
                        guard,
                    } => {
                        let item = &insts[pc + 1];
                        let min = pos + *lo as usize;
                        let limit = if *hi == INF {
                            end
                        } else {
                            end.min(pos + *hi as usize)
                        };
                        let next = pc + 2;
                        if *greedy {
                            let mut j = pos;
                            while j < limit && single(item, s.at(j)) {
                                j += 1;
                            }
                            if j < min {
                                break 'fail;
                            }
                            if !*possessive && j > min {
                                if let Some(c) = *guard {
                                    // Only where the next character follows.
                                    while j > min && !(j < end && s.at(j) == c) {
                                        j -= 1;
                                    }
                                    if !(j < end && s.at(j) == c) {
                                        break 'fail;
                                    }
                                }
                                if j > min {
                                    push!(
                                        self,
                                        Entry::Greedy {
                                            pc: pc as u32,
                                            min: min as u32,
                                            cur: (j - 1) as u32
                                        }
                                    );
                                }
                            }
                            pos = j;
                            pc = next;
                            continue 'outer;
                        }
                        let mut j = pos;
                        while j < min {
                            if j < limit && single(item, s.at(j)) {
                                j += 1;
                            } else {
                                break 'fail;
                            }
                        }
                        if j < limit {
                            push!(
                                self,
                                Entry::Lazy {
                                    pc: pc as u32,
                                    start: pos as u32,
                                    cur: j as u32
                                }
                            );
                        }
                        pos = j;
                        pc = next;
                        continue 'outer;
                    }
                    Inst::RepInit(r) => {
                        let ri = *r as usize;
                        let (count, start) = self.regs[ri];
                        push!(
                            self,
                            Entry::Reg {
                                r: *r,
                                count,
                                start
                            }
                        );
                        self.regs[ri] = (0, UNSET);
                        pc += 1;
                        continue 'outer;
                    }
                    Inst::RepGreedy { r, lo, hi, exit } => {
                        let ri = *r as usize;
                        let (count, last) = self.regs[ri];
                        if count < *lo {
                            pc += 1;
                        } else if count < *hi && pos as u32 != last {
                            push!(
                                self,
                                Entry::Alt {
                                    pc: *exit,
                                    pos: pos as u32
                                }
                            );
                            push!(
                                self,
                                Entry::Reg {
                                    r: *r,
                                    count,
                                    start: last
                                }
                            );
                            self.regs[ri].1 = pos as u32;
                            pc += 1;
                        } else {
                            pc = *exit as usize;
                        }
                        continue 'outer;
                    }
                    Inst::RepLazy { r, lo, hi, exit } => {
                        let (count, last) = self.regs[*r as usize];
                        if count < *lo {
                            pc += 2;
                        } else {
                            if count < *hi && pos as u32 != last {
                                push!(
                                    self,
                                    Entry::Alt {
                                        pc: (pc + 1) as u32,
                                        pos: pos as u32
                                    }
                                );
                            }
                            pc = *exit as usize;
                        }
                        continue 'outer;
                    }
                    Inst::RepLazyIter(r) => {
                        let ri = *r as usize;
                        let (count, last) = self.regs[ri];
                        push!(
                            self,
                            Entry::Reg {
                                r: *r,
                                count,
                                start: last
                            }
                        );
                        self.regs[ri].1 = pos as u32;
                        pc += 1;
                        continue 'outer;
                    }
                    Inst::RepEnd { r, top } => {
                        let ri = *r as usize;
                        let (count, last) = self.regs[ri];
                        push!(
                            self,
                            Entry::Reg {
                                r: *r,
                                count,
                                start: last
                            }
                        );
                        self.regs[ri].0 = count + 1;
                        pc = *top as usize;
                        continue 'outer;
                    }
                    Inst::Atomic { next } => {
                        if depth > MAX_SUB_DEPTH {
                            return Err(Overflow);
                        }
                        let sb = self.stack.len();
                        if let Some(e) = self.run(pc + 1, pos, usize::MAX, depth + 1)? {
                            self.cut(sb);
                            pos = e;
                            pc = *next as usize;
                            continue 'outer;
                        }
                    }
                    Inst::Look {
                        ahead,
                        negate,
                        width,
                        next,
                    } => {
                        if depth > MAX_SUB_DEPTH {
                            return Err(Overflow);
                        }
                        let sb = self.stack.len();
                        let width = *width as usize;
                        let found = if *ahead {
                            self.run(pc + 1, pos, usize::MAX, depth + 1)?.is_some()
                        } else if pos >= width {
                            self.run(pc + 1, pos - width, pos, depth + 1)?.is_some()
                        } else {
                            false
                        };
                        if found != *negate {
                            if found {
                                self.cut(sb);
                            }
                            pc = *next as usize;
                            continue 'outer;
                        }
                        if found {
                            self.unwind(sb);
                        }
                    }
                    Inst::SubEnd => {
                        if need == usize::MAX || pos == need {
                            return Ok(Some(pos));
                        }
                    }
                    Inst::Match => {
                        let ok = match self.mode {
                            Mode::Any => true,
                            Mode::Full => pos == end,
                            Mode::NonEmpty => pos > self.start,
                        };
                        if ok {
                            return Ok(Some(pos));
                        }
                    }
                }
            }
            // Failure: back to the latest resume point, undoing on the way.
            loop {
                if self.stack.len() <= base {
                    return Ok(None);
                }
                let top = self.stack.len() - 1;
                match self.stack[top] {
                    Entry::Alt { pc: p, pos: q } => {
                        self.stack.pop();
                        pc = p as usize;
                        pos = q as usize;
                        continue 'outer;
                    }
                    Entry::Greedy { pc: rpc, min, cur } => {
                        let min = min as usize;
                        let mut p = cur as usize;
                        if let Inst::RepSingle { guard: Some(c), .. } = insts[rpc as usize] {
                            while p > min && !(p < end && s.at(p) == c) {
                                p -= 1;
                            }
                            if !(p < end && s.at(p) == c) {
                                self.stack.pop();
                                continue;
                            }
                        }
                        if p > min {
                            self.stack[top] = Entry::Greedy {
                                pc: rpc,
                                min: min as u32,
                                cur: (p - 1) as u32,
                            };
                        } else {
                            self.stack.pop();
                        }
                        pos = p;
                        pc = rpc as usize + 2;
                        continue 'outer;
                    }
                    Entry::Lazy {
                        pc: rpc,
                        start,
                        cur,
                    } => {
                        self.stack.pop();
                        let rpc = rpc as usize;
                        let cur = cur as usize;
                        let hi = match insts[rpc] {
                            Inst::RepSingle { hi, .. } => hi,
                            _ => 0,
                        };
                        let limit = if hi == INF {
                            end
                        } else {
                            end.min(start as usize + hi as usize)
                        };
                        if cur < limit && single(&insts[rpc + 1], s.at(cur)) {
                            let n = cur + 1;
                            if n < limit {
                                // In place of the entry just popped.
                                self.stack.push(Entry::Lazy {
                                    pc: rpc as u32,
                                    start,
                                    cur: n as u32,
                                });
                            }
                            pos = n;
                            pc = rpc + 2;
                            continue 'outer;
                        }
                    }
                    e => {
                        self.stack.pop();
                        self.undo(e);
                    }
                }
            }
        }
    }

    /// One attempt at `at`.
    fn attempt(&mut self, at: usize, mode: Mode) -> Result<Option<usize>, Overflow> {
        self.mode = mode;
        self.start = at;
        self.run(0, at, usize::MAX, 0)
    }

    /// The leftmost match starting at `from` or later (`nonempty_first`: one
    /// starting at `from` must not be empty): its start and end.
    fn search(
        &mut self,
        prog: &Prog,
        from: usize,
        nonempty_first: bool,
    ) -> Result<Option<(usize, usize)>, Overflow> {
        let mut st = from;
        let end = self.end;
        while st <= end {
            if prog.anchored && st != 0 {
                return Ok(None);
            }
            if let Some(f) = &prog.first {
                while st < end && !f.matches(self.s.at(st)) {
                    st += 1;
                }
                if st >= end {
                    return Ok(None);
                }
            }
            let mode = if nonempty_first && st == from {
                Mode::NonEmpty
            } else {
                Mode::Any
            };
            if let Some(e) = self.attempt(st, mode)? {
                return Ok(Some((st, e)));
            }
            st += 1;
        }
        Ok(None)
    }

    /// `(start0, end0, start1, end1, ..., lastindex)`, -1 for an unset group.
    fn spans(&self, vm: &Vm, st: usize, e: usize) -> Value {
        let mut v = Vec::with_capacity(self.caps.len() * 2 + 1);
        v.push(Value::small_int(st as i64));
        v.push(Value::small_int(e as i64));
        for &(a, b) in &self.caps[1..] {
            if a == UNSET {
                v.push(Value::small_int(-1));
                v.push(Value::small_int(-1));
            } else {
                v.push(Value::small_int(a as i64));
                v.push(Value::small_int(b as i64));
            }
        }
        v.push(if self.last == 0 {
            Value::NONE
        } else {
            Value::small_int(self.last as i64)
        });
        vm.new_tuple(v)
    }

    /// `group(g) or ''` for findall.
    fn group_str(&self, vm: &Vm, g: usize, st: usize, e: usize) -> Value {
        let (a, b) = if g == 0 {
            (st, e)
        } else {
            let (a, b) = self.caps[g];
            if a == UNSET {
                return vm.new_str("");
            }
            (a as usize, b as usize)
        };
        self.s.slice(vm, a, b)
    }
}

// ------------------------------------------------------------------ the functions

fn prog_of(v: &Value) -> Option<&Prog> {
    match v.data()? {
        ObjData::Native(b) => b.downcast_ref::<Prog>(),
        _ => None,
    }
}

enum Txt<'a> {
    Ascii(&'a [u8]),
    Wide(Rc<[char]>),
}

fn text_of<'a>(prog: &Prog, v: &'a Value) -> Option<(Txt<'a>, usize)> {
    let (v, so) = plain_str(v)?;
    if so.is_ascii() {
        return Some((Txt::Ascii(so.s.as_bytes()), so.nchars));
    }
    let mut cache = prog.text.borrow_mut();
    if let Some((cv, cs)) = &*cache {
        if cv.is(v) {
            return Some((Txt::Wide(cs.clone()), so.nchars));
        }
    }
    let cs: Rc<[char]> = so.s.chars().collect();
    *cache = Some((v.clone(), cs.clone()));
    Some((Txt::Wide(cs), so.nchars))
}

/// The arguments common to `re_match` and `re_scan`: program, text, and `pos`,
/// `endpos` clamped to the string.
fn common<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<(&'a Prog, Option<Txt<'a>>, usize, usize)> {
    let prog = match a.pos.first().and_then(prog_of) {
        Some(p) => p,
        None => return Err(vm.type_error("re_match: not a compiled pattern")),
    };
    let Some(sv) = a.pos.get(1) else {
        return Err(vm.type_error("re_match: missing string"));
    };
    // Not a str: the Python matcher.
    let (txt, len) = match text_of(prog, sv) {
        Some((t, n)) => (Some(t), n),
        None => (None, 0),
    };
    let clamp = |v: Option<&Value>| -> usize {
        match v.and_then(as_i64) {
            Some(i) if i < 0 => 0,
            Some(i) => (i as u64).min(len as u64) as usize,
            None => len,
        }
    };
    let pos = clamp(a.pos.get(2));
    let endpos = clamp(a.pos.get(3));
    // Positions are 32-bit.
    let txt = if len >= (u32::MAX / 2) as usize {
        None
    } else {
        txt
    };
    Ok((prog, txt, pos, endpos))
}

/// `_lethe.re_compile(tree, ngroups, flags, match_class)`: the program of a
/// parsed pattern, or None when the native matcher cannot run it (`re.py` then
/// uses its own).
pub fn re_compile(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(tree), Some(ng), Some(fl), Some(cls)) =
        (a.pos.first(), a.pos.get(1), a.pos.get(2), a.pos.get(3))
    else {
        return Err(vm.type_error("re_compile expected 4 arguments"));
    };
    let (Some(ng), Some(fl)) = (u32_of(ng), as_i64(fl)) else {
        return Err(vm.type_error("re_compile: bad arguments"));
    };
    let names = ["re", "string", "pos", "endpos", "_spans"].map(|n| vm.intern(n));
    Ok(match compile(tree, ng, fl, cls.clone(), names) {
        Some(p) => Value::new_obj(ObjData::Native(Box::new(p))),
        None => Value::NONE,
    })
}

/// `_lethe.re_match(prog, string, pos, endpos, mode)`: mode 0 match at `pos`, 1
/// full match at `pos`, 2 search from `pos`, 3 search from `pos` where a match at
/// `pos` must not be empty. None, the spans (see `M::spans`), or False when the
/// native matcher gave up (the stack limit).
pub fn re_match(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (prog, txt, pos, endpos) = common(vm, a)?;
    let mode = a.pos.get(4).and_then(as_i64).unwrap_or(0);
    Ok(match txt {
        None => Value::FALSE,
        Some(Txt::Ascii(b)) => match_in(vm, prog, b, pos, endpos, mode),
        Some(Txt::Wide(c)) => match_in(vm, prog, &c[..], pos, endpos, mode),
    })
}

/// `_lethe.re_exec(prog, pattern, string, pos, endpos, mode[, mpos])`: as
/// `re_match` (`endpos` may be None), but the result is a `re.Match` made here
/// (its `pos` is `mpos` when given). False when the Python code must handle the
/// call (the stack limit, a `pos` that is not an int, a string that is not a str).
pub fn re_exec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(prog), Some(pattern), Some(sv)) =
        (a.pos.first().and_then(prog_of), a.pos.get(1), a.pos.get(2))
    else {
        return Err(vm.type_error("re_exec: bad arguments"));
    };
    let Some((txt, len)) = text_of(prog, sv) else {
        return Ok(Value::FALSE);
    };
    if len >= (u32::MAX / 2) as usize {
        return Ok(Value::FALSE);
    }
    let clamp = |i: i64| -> usize { i.clamp(0, len as i64) as usize };
    let Some(pos) = a.pos.get(3).and_then(|v| v.as_small_int()) else {
        return Ok(Value::FALSE);
    };
    let pos = clamp(pos);
    let endpos = match a.pos.get(4) {
        Some(v) if v.is_none() => len,
        Some(v) => match v.as_small_int() {
            Some(e) => clamp(e),
            None => return Ok(Value::FALSE),
        },
        None => len,
    };
    let mode = a.pos.get(5).and_then(as_i64).unwrap_or(0);
    let spans = match txt {
        Txt::Ascii(b) => match_in(vm, prog, b, pos, endpos, mode),
        Txt::Wide(c) => match_in(vm, prog, &c[..], pos, endpos, mode),
    };
    if !matches!(spans.data(), Some(ObjData::Tuple(_))) {
        return Ok(spans);
    }
    let mpos = match a.pos.get(6) {
        Some(v) => v.clone(),
        None => Value::small_int(pos as i64),
    };
    let m = vm.new_instance(&prog.match_cls);
    if let Some(ObjData::Instance(inst)) = m.data() {
        let vals = [
            pattern.clone(),
            sv.clone(),
            mpos,
            Value::small_int(endpos as i64),
            spans,
        ];
        for (n, v) in prog.names.iter().zip(vals) {
            inst.set(n, v);
        }
    }
    Ok(m)
}

fn match_in<T: Text>(vm: &Vm, prog: &Prog, s: T, pos: usize, endpos: usize, mode: i64) -> Value {
    let mut own = Scratch::default();
    let mut borrowed = prog.scratch.try_borrow_mut();
    let sc = match &mut borrowed {
        Ok(b) => &mut **b,
        Err(_) => &mut own,
    };
    let mut m = M::new(prog, s, endpos, sc);
    let r = match mode {
        0 | 1 => {
            let md = if mode == 1 { Mode::Full } else { Mode::Any };
            m.attempt(pos, md).map(|e| e.map(|e| (pos, e)))
        }
        _ => m.search(prog, pos, mode == 3),
    };
    let out = match r {
        Err(Overflow) => Value::FALSE,
        Ok(None) => Value::NONE,
        Ok(Some((st, e))) => m.spans(vm, st, e),
    };
    m.release(sc);
    out
}

/// `_lethe.re_scan(prog, string, pos, endpos, count, kind)`: the successive
/// matches `finditer` finds (at most `count`, all when 0): kind 0 their spans, kind
/// 1 what `findall` lists for them. False when the native matcher gave up.
pub fn re_scan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (prog, txt, pos, endpos) = common(vm, a)?;
    let count = a.pos.get(4).and_then(as_i64).unwrap_or(0).max(0) as usize;
    let kind = a.pos.get(5).and_then(as_i64).unwrap_or(0);
    let r = match txt {
        None => None,
        Some(Txt::Ascii(b)) => scan_in(vm, prog, b, pos, endpos, count, kind),
        Some(Txt::Wide(c)) => scan_in(vm, prog, &c[..], pos, endpos, count, kind),
    };
    Ok(match r {
        Some(items) => vm.new_list(items),
        None => Value::FALSE,
    })
}

fn scan_in<T: Text>(
    vm: &Vm,
    prog: &Prog,
    s: T,
    pos: usize,
    endpos: usize,
    count: usize,
    kind: i64,
) -> Option<Vec<Value>> {
    let mut own = Scratch::default();
    let mut borrowed = prog.scratch.try_borrow_mut();
    let sc = match &mut borrowed {
        Ok(b) => &mut **b,
        Err(_) => &mut own,
    };
    let mut m = M::new(prog, s, endpos, sc);
    let mut out = Vec::new();
    let mut i = pos;
    let mut must_advance = false;
    let mut ok = true;
    while i <= endpos && (count == 0 || out.len() < count) {
        match m.search(prog, i, must_advance) {
            Err(Overflow) => {
                ok = false;
                break;
            }
            Ok(None) => break,
            Ok(Some((st, e))) => {
                out.push(if kind == 0 {
                    m.spans(vm, st, e)
                } else {
                    match prog.ngroups {
                        0 => m.group_str(vm, 0, st, e),
                        1 => m.group_str(vm, 1, st, e),
                        n => {
                            let items = (1..=n).map(|g| m.group_str(vm, g, st, e)).collect();
                            vm.new_tuple(items)
                        }
                    }
                });
                must_advance = st == e;
                i = e;
                m.reset();
            }
        }
    }
    m.release(sc);
    if ok {
        Some(out)
    } else {
        None
    }
}

/// `_lethe.re_stack_limit(n)`: sets the limit of the backtracking stack (entries;
/// tests lower it to exercise the fallback), returns the previous one.
pub fn re_stack_limit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let old = STACK_LIMIT.with(|l| l.get());
    if let Some(n) = a.pos.first().and_then(as_i64) {
        let n = if n <= 0 {
            DEFAULT_STACK_LIMIT
        } else {
            n as usize
        };
        STACK_LIMIT.with(|l| l.set(n));
    }
    Ok(vm.new_int(old as i64))
}

// ------------------------------------------------------------------ match results

/// A str sliced by character positions (byte offsets precomputed when it is not
/// ASCII).
struct Slicer<'a> {
    s: &'a str,
    /// Byte offset of each character position (None: ASCII).
    offs: Option<Vec<u32>>,
    n: usize,
}

impl<'a> Slicer<'a> {
    fn new(v: &'a Value) -> Option<Slicer<'a>> {
        let (_, so) = plain_str(v)?;
        let offs = if so.is_ascii() {
            None
        } else {
            let mut o: Vec<u32> = so.s.char_indices().map(|(b, _)| b as u32).collect();
            o.push(so.s.len() as u32);
            Some(o)
        };
        Some(Slicer {
            s: &so.s,
            offs,
            n: so.nchars,
        })
    }

    /// `s[a:b]` (clamped).
    fn slice(&self, a: i64, b: i64) -> &'a str {
        let a = a.clamp(0, self.n as i64) as usize;
        let b = (b.clamp(0, self.n as i64) as usize).max(a);
        match &self.offs {
            None => &self.s[a..b],
            Some(o) => &self.s[o[a] as usize..o[b] as usize],
        }
    }
}

/// `s[a:b]` of a str by character positions, without a table (one slice).
fn char_slice(v: &Value, a: i64, b: i64) -> Option<&str> {
    let (_, so) = plain_str(v)?;
    let n = so.nchars as i64;
    let a = a.clamp(0, n) as usize;
    let b = (b.clamp(0, n) as usize).max(a);
    if so.is_ascii() {
        return Some(&so.s[a..b]);
    }
    let mut it =
        so.s.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(so.s.len()));
    let ba = it.nth(a).unwrap_or(so.s.len());
    let bb = if b == a {
        ba
    } else {
        it.nth(b - a - 1).unwrap_or(so.s.len())
    };
    Some(&so.s[ba..bb])
}

fn spans_of(v: &Value) -> Option<&[Value]> {
    match v.data()? {
        ObjData::Tuple(t) if t.len() >= 3 && t.len() % 2 == 1 => Some(t),
        _ => None,
    }
}

fn int_at(t: &[Value], i: usize) -> i64 {
    t.get(i).and_then(|v| v.as_small_int()).unwrap_or(-1)
}

/// `_lethe.re_group(string, spans, g)`: group `g` (an int) of a match, None when
/// it did not take part; IndexError for a group that does not exist.
pub fn re_group(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(s), Some(sp)) = (a.pos.first(), a.pos.get(1).and_then(spans_of)) else {
        return Err(vm.type_error("re_group: bad arguments"));
    };
    let ng = (sp.len() - 3) / 2;
    let g = match a.pos.get(2).and_then(as_i64) {
        Some(g) if g >= 0 && g as usize <= ng => g as usize,
        _ => return Err(vm.index_error("no such group")),
    };
    let st = int_at(sp, 2 * g);
    if st < 0 {
        return Ok(Value::NONE);
    }
    match char_slice(s, st, int_at(sp, 2 * g + 1)) {
        Some(t) => Ok(vm.new_str(t)),
        None => Err(vm.type_error("re_group: bad arguments")),
    }
}

/// `_lethe.re_groups(string, spans, default)`: all the groups of a match
/// (`default` for those that did not take part).
pub fn re_groups(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(s), Some(sp)) = (a.pos.first(), a.pos.get(1).and_then(spans_of)) else {
        return Err(vm.type_error("re_groups: bad arguments"));
    };
    let default = a.pos.get(2).cloned().unwrap_or(Value::NONE);
    let ng = (sp.len() - 3) / 2;
    let Some(sl) = Slicer::new(s) else {
        return Err(vm.type_error("re_groups: bad arguments"));
    };
    let mut out = Vec::with_capacity(ng);
    for g in 1..=ng {
        let st = int_at(sp, 2 * g);
        out.push(if st < 0 {
            default.clone()
        } else {
            vm.new_str(sl.slice(st, int_at(sp, 2 * g + 1)))
        });
    }
    Ok(vm.new_tuple(out))
}

/// The match spans in a list of them.
fn found_of(v: &Value) -> Option<Vec<Value>> {
    match v.data()? {
        ObjData::List(l) => Some(l.borrow().clone()),
        _ => None,
    }
}

/// `_lethe.re_expand(string, found, parts)`: `sub` with a template: the string
/// with each match (spans in the list `found`) replaced by the template, given as
/// a list of strs and group numbers.
pub fn re_expand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(s), Some(found), Some(parts)) = (
        a.pos.first(),
        a.pos.get(1).and_then(found_of),
        a.pos.get(2).and_then(found_of),
    ) else {
        return Err(vm.type_error("re_expand: bad arguments"));
    };
    let Some(sl) = Slicer::new(s) else {
        return Err(vm.type_error("re_expand: bad arguments"));
    };
    enum Part<'p> {
        Text(&'p str),
        Group(usize),
    }
    let mut ps = Vec::with_capacity(parts.len());
    for p in &parts {
        if let Some(t) = str_of(p) {
            ps.push(Part::Text(t));
        } else if let Some(g) = as_i64(p) {
            ps.push(Part::Group(g.max(0) as usize));
        } else {
            return Err(vm.type_error("re_expand: bad template"));
        }
    }
    let mut out = String::with_capacity(sl.s.len());
    let mut last = 0i64;
    for f in &found {
        let Some(sp) = spans_of(f) else {
            return Err(vm.type_error("re_expand: bad spans"));
        };
        let st = int_at(sp, 0);
        out.push_str(sl.slice(last, st));
        for p in &ps {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Group(g) => {
                    let gs = int_at(sp, 2 * g);
                    if gs >= 0 && 2 * g + 1 < sp.len() - 1 {
                        out.push_str(sl.slice(gs, int_at(sp, 2 * g + 1)));
                    }
                }
            }
        }
        last = int_at(sp, 1);
    }
    out.push_str(sl.slice(last, sl.n as i64));
    Ok(vm.new_string(out))
}

/// `_lethe.re_join(string, found, reps)`: `sub` with a function: the string with
/// each match replaced by the corresponding str of `reps` (None: nothing).
pub fn re_join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(s), Some(found), Some(reps)) = (
        a.pos.first(),
        a.pos.get(1).and_then(found_of),
        a.pos.get(2).and_then(found_of),
    ) else {
        return Err(vm.type_error("re_join: bad arguments"));
    };
    let Some(sl) = Slicer::new(s) else {
        return Err(vm.type_error("re_join: bad arguments"));
    };
    let mut out = String::with_capacity(sl.s.len());
    let mut last = 0i64;
    // The number of pieces so far (CPython's index in a TypeError).
    let mut items = 0;
    for (f, r) in found.iter().zip(reps.iter()) {
        let Some(sp) = spans_of(f) else {
            return Err(vm.type_error("re_join: bad spans"));
        };
        let piece = sl.slice(last, int_at(sp, 0));
        if !piece.is_empty() {
            out.push_str(piece);
            items += 1;
        }
        if !r.is_none() {
            match str_of(r) {
                Some(t) => out.push_str(t),
                None => {
                    let tn = vm.type_name(r);
                    return Err(vm.type_error(&format!(
                        "sequence item {items}: expected str instance, {tn} found"
                    )));
                }
            }
            items += 1;
        }
        last = int_at(sp, 1);
    }
    out.push_str(sl.slice(last, sl.n as i64));
    Ok(vm.new_string(out))
}

/// `_lethe.re_split(string, found)`: `split` given the matches: the pieces
/// between them and the groups of each.
pub fn re_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(s), Some(found)) = (a.pos.first(), a.pos.get(1).and_then(found_of)) else {
        return Err(vm.type_error("re_split: bad arguments"));
    };
    let Some(sl) = Slicer::new(s) else {
        return Err(vm.type_error("re_split: bad arguments"));
    };
    let mut out = Vec::new();
    let mut last = 0i64;
    for f in &found {
        let Some(sp) = spans_of(f) else {
            return Err(vm.type_error("re_split: bad spans"));
        };
        out.push(vm.new_str(sl.slice(last, int_at(sp, 0))));
        let ng = (sp.len() - 3) / 2;
        for g in 1..=ng {
            let gs = int_at(sp, 2 * g);
            out.push(if gs < 0 {
                Value::NONE
            } else {
                vm.new_str(sl.slice(gs, int_at(sp, 2 * g + 1)))
            });
        }
        last = int_at(sp, 1);
    }
    out.push(vm.new_str(sl.slice(last, sl.n as i64)));
    Ok(vm.new_list(out))
}
