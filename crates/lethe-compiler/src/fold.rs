//! Python-level passes on the tree IR: constant folding, as CPython 3.11's AST
//! optimizer (`Python/ast_opt.c`) does it.
//!
//! What is folded — exactly what CPython folds, no more:
//!
//! - unary `-`, `+`, `~` on numbers (bools count as ints) and `not` on any constant;
//!   `not (a is b)` / `not (a in b)` become `a is not b` / `a not in b` (and back),
//!   the other comparisons are never inverted;
//! - binary operators on two constants: ints (arbitrarily large), floats, and the
//!   sequence operators on str, bytes and tuples, with CPython's limits: a folded int
//!   product, power or left shift may not exceed 128 bits, a repeated str or bytes
//!   4096 items, a repeated tuple 256 items (1024 counting nested tuples); `%` on
//!   str and bytes is left alone (it formats);
//! - an operation that would raise (`1/0`, `0 ** -1`, `'a' + 1`, a
//!   negative shift, an overflowing float power, …) is left for run time, where it
//!   raises with its traceback; so is one whose result would be complex;
//! - tuple displays (load context) of constants; subscripts of a constant str,
//!   bytes or tuple by a constant int in range;
//! - a list display that is the right operand of `in`/`not in`, or the iterable of a
//!   `for` or a comprehension, becomes a tuple (constant when its items are);
//! - `__debug__` is True (False under `-O`).
//!
//! Comparisons of constants are not folded (CPython does not either). A folded string
//! never becomes a docstring ([`crate::ir::ExprKind::Const`] records `folded`).
//!
//! Left out on purpose: builtin names (`len`, `range`, …) are not resolved here (a
//! module may rebind them); a set display of constants stays a set display here (code
//! generation makes it a frozenset constant after `in`, as a `for` or comprehension
//! iterable, and merges one into a new set for a display of more than two, as CPython);
//! empty results that would be a new empty tuple are not folded (the runtime keeps one
//! empty tuple); int true division is folded only when both operands are exact as
//! floats (|n| ≤ 2**53), mixed int/float arithmetic only for ints of up to 64 bits, and
//! float powers only for finite operands with a non-zero base. Everything left out is
//! computed at run time with the same result.
//!
//! Children precede their parents in the expression arena (the lowering adds a node
//! after its operands), so one pass in arena order folds bottom-up.

use crate::ir::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use ruff_python_ast::{CmpOp, ExprContext, Operator, UnaryOp};

/// CPython's limits for folded values (`Python/ast_opt.c`).
const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// Parse the text of an integer literal (any base, underscores allowed).
pub(crate) fn parse_big_int(token: &str) -> Option<BigInt> {
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

/// Fold the constants of a lowered IR in place.
pub fn fold_constants(ir: &mut Ir) {
    for i in 0..ir.exprs.len() {
        let id = ExprId::new(i);
        fold_expr(ir, id);
    }
    // Iterables of `for` statements and comprehensions.
    let mut iters: Vec<ExprId> = Vec::new();
    for s in &ir.stmts {
        if let StmtKind::For { iter, .. } = s.kind {
            iters.push(iter);
        }
    }
    iters.extend(ir.pools.comps.iter().map(|c| c.iter));
    for it in iters {
        fold_iter(ir, it);
    }
}

fn fold_expr(ir: &mut Ir, id: ExprId) {
    let node = *ir.expr(id);
    let new = match node.kind {
        ExprKind::UnaryOp { op, operand } => fold_unary(ir, id, op, operand),
        ExprKind::BinOp { op, left, right } => {
            let (Some(l), Some(r)) = (const_of(ir, left), const_of(ir, right)) else {
                return;
            };
            fold_binop(ir, op, l, r)
        }
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => make_const_tuple(ir, elts),
        ExprKind::Subscript {
            value,
            slice,
            ctx: ExprContext::Load,
        } => {
            let (Some(v), Some(i)) = (const_of(ir, value), const_of(ir, slice)) else {
                return;
            };
            fold_subscript(ir, v, i)
        }
        ExprKind::Compare { rest, .. } => {
            // `x in [a, b]` → `x in (a, b)`: the last comparison only, as CPython.
            if let Some(last) = ir.list(rest).last() {
                if matches!(last.op, CmpOp::In | CmpOp::NotIn) {
                    fold_iter(ir, last.right);
                }
            }
            return;
        }
        ExprKind::Name {
            id: n,
            ctx: ExprContext::Load,
        } if ir.name(n) == "__debug__" => Some(if crate::optimize() == 0 {
            IrConst::True
        } else {
            IrConst::False
        }),
        _ => return,
    };
    if let Some(c) = new {
        set_const(ir, id, c);
    }
}

fn set_const(ir: &mut Ir, id: ExprId, c: IrConst) {
    let k = ir.add_const(c);
    ir.exprs[id.index()].kind = ExprKind::Const { k, folded: true };
}

/// The constant an expression is, if it is one (complex literals are not folded).
fn const_of(ir: &Ir, e: ExprId) -> Option<ConstId> {
    match ir.expr(e).kind {
        ExprKind::Const { k, .. } if !matches!(ir.konst(k), IrConst::Complex { .. }) => Some(k),
        _ => None,
    }
}

/// A list display in an iterable position becomes a tuple (a constant one when all
/// its items are constants); CPython's `fold_iter`.
fn fold_iter(ir: &mut Ir, e: ExprId) {
    if let ExprKind::List { elts, ctx } = ir.expr(e).kind {
        if ir
            .list(elts)
            .iter()
            .any(|&x| matches!(ir.expr(x).kind, ExprKind::Starred { .. }))
        {
            return;
        }
        ir.exprs[e.index()].kind = ExprKind::Tuple { elts, ctx };
        if let Some(c) = make_const_tuple(ir, elts) {
            set_const(ir, e, c);
        }
    }
}

fn make_const_tuple(ir: &Ir, elts: List<ExprId>) -> Option<IrConst> {
    if elts.is_empty() {
        return None;
    }
    let items: Option<Vec<ConstId>> = ir.list(elts).iter().map(|&e| const_of(ir, e)).collect();
    Some(IrConst::Tuple(items?.into_boxed_slice()))
}

// ---- values ----

/// An int value (bools are ints).
fn int_of(c: &IrConst) -> Option<BigInt> {
    match c {
        IrConst::Int(i) => Some(BigInt::from(*i)),
        IrConst::BigInt(b) => Some((**b).clone()),
        IrConst::True => Some(BigInt::one()),
        IrConst::False => Some(BigInt::zero()),
        _ => None,
    }
}

fn is_int(c: &IrConst) -> bool {
    matches!(
        c,
        IrConst::Int(_) | IrConst::BigInt(_) | IrConst::True | IrConst::False
    )
}

/// A number as a float operand: floats, and ints that convert exactly as CPython's
/// `PyLong_AsDouble` rounds (ints of up to 64 bits; larger ones are not folded).
fn float_of(c: &IrConst) -> Option<f64> {
    match c {
        IrConst::Float(f) => Some(*f),
        IrConst::Int(i) => Some(*i as f64),
        IrConst::True => Some(1.0),
        IrConst::False => Some(0.0),
        _ => None,
    }
}

fn int_const(v: BigInt) -> IrConst {
    match v.to_i64() {
        Some(i) => IrConst::Int(i),
        None => IrConst::BigInt(Box::new(v)),
    }
}

fn bits(v: &BigInt) -> u64 {
    v.bits()
}

fn truthy(c: &IrConst) -> Option<bool> {
    Some(match c {
        IrConst::None | IrConst::False => false,
        IrConst::True | IrConst::Ellipsis => true,
        IrConst::Int(i) => *i != 0,
        IrConst::BigInt(b) => !b.is_zero(),
        IrConst::Float(f) => *f != 0.0,
        IrConst::Complex { .. } => return None,
        IrConst::Str(s) => !s.is_empty(),
        IrConst::Bytes(b) => !b.is_empty(),
        IrConst::Tuple(t) => !t.is_empty(),
    })
}

fn fold_unary(ir: &mut Ir, id: ExprId, op: UnaryOp, operand: ExprId) -> Option<IrConst> {
    let Some(k) = const_of(ir, operand) else {
        if op == UnaryOp::Not {
            fold_not_compare(ir, id, operand);
        }
        return None;
    };
    let c = ir.konst(k);
    match op {
        UnaryOp::Not => truthy(c).map(|t| if t { IrConst::False } else { IrConst::True }),
        UnaryOp::USub => match c {
            IrConst::Float(f) => Some(IrConst::Float(-f)),
            c => int_of(c).map(|v| int_const(-v)),
        },
        UnaryOp::UAdd => match c {
            IrConst::Float(f) => Some(IrConst::Float(*f)),
            c => int_of(c).map(int_const),
        },
        UnaryOp::Invert => int_of(c).map(|v: BigInt| int_const(-(v + 1u32))),
    }
}

/// `not (a is b)` → `a is not b`, `not (a in b)` → `a not in b` (and the reverse):
/// the comparison, with its operator inverted, takes the place of the `not` (other
/// operators are not inverted: `not a < b` is not `a >= b` for sets, nor `not a == b`
/// `a != b` for every type).
fn fold_not_compare(ir: &mut Ir, id: ExprId, operand: ExprId) {
    let cmp = *ir.expr(operand);
    let ExprKind::Compare { rest, .. } = cmp.kind else {
        return;
    };
    if rest.len() != 1 {
        return;
    }
    let item = &mut ir.list_mut(rest)[0];
    item.op = match item.op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return,
    };
    ir.exprs[id.index()] = cmp;
}

fn fold_binop(ir: &mut Ir, op: Operator, lk: ConstId, rk: ConstId) -> Option<IrConst> {
    let (l, r) = (ir.konst(lk), ir.konst(rk));
    // Sequences.
    match (op, l, r) {
        (Operator::Add, IrConst::Str(a), IrConst::Str(b)) => {
            return Some(IrConst::Str(format!("{a}{b}").into()))
        }
        (Operator::Add, IrConst::Bytes(a), IrConst::Bytes(b)) => {
            return Some(IrConst::Bytes([&a[..], &b[..]].concat().into()))
        }
        (Operator::Add, IrConst::Tuple(a), IrConst::Tuple(b)) => {
            return Some(IrConst::Tuple([&a[..], &b[..]].concat().into()))
        }
        (Operator::Mult, IrConst::Str(_) | IrConst::Bytes(_) | IrConst::Tuple(_), n)
            if is_int(n) =>
        {
            return repeat(ir, l, n)
        }
        (Operator::Mult, n, IrConst::Str(_) | IrConst::Bytes(_) | IrConst::Tuple(_))
            if is_int(n) =>
        {
            return repeat(ir, r, n)
        }
        _ => {}
    }
    if is_int(l) && is_int(r) {
        return fold_int(op, int_of(l)?, int_of(r)?, l, r);
    }
    if matches!(l, IrConst::Float(_)) || matches!(r, IrConst::Float(_)) {
        let (a, b) = (float_of(l)?, float_of(r)?);
        return fold_float(op, a, b).map(IrConst::Float);
    }
    None
}

/// `seq * n` (CPython's `safe_multiply` limits).
fn repeat(ir: &Ir, seq: &IrConst, n: &IrConst) -> Option<IrConst> {
    let n = int_of(n)?.to_i64()?;
    let (size, limit) = match seq {
        IrConst::Str(s) => (s.chars().count() as i64, MAX_STR_SIZE),
        IrConst::Bytes(b) => (b.len() as i64, MAX_STR_SIZE),
        IrConst::Tuple(t) => (t.len() as i64, MAX_COLLECTION_SIZE),
        _ => return None,
    };
    if size > 0 {
        if n < 0 || n > limit / size {
            return None;
        }
        if let IrConst::Tuple(t) = seq {
            if n > 0 && total_items(ir, t, MAX_TOTAL_ITEMS / n) < 0 {
                return None;
            }
        }
    }
    let n = n.max(0) as usize;
    match seq {
        IrConst::Str(s) => Some(IrConst::Str(s.repeat(n).into())),
        IrConst::Bytes(b) => Some(IrConst::Bytes(b.repeat(n).into())),
        IrConst::Tuple(t) => {
            let v = t.repeat(n);
            (!v.is_empty()).then(|| IrConst::Tuple(v.into()))
        }
        _ => None,
    }
}

/// CPython's `check_complexity`: the limit left after counting the items of `t` and
/// of the tuples nested in it (negative: too many).
fn total_items(ir: &Ir, t: &[ConstId], mut limit: i64) -> i64 {
    limit -= t.len() as i64;
    for &k in t {
        if limit < 0 {
            break;
        }
        if let IrConst::Tuple(inner) = ir.konst(k) {
            limit = total_items(ir, inner, limit);
        }
    }
    limit
}

fn fold_int(op: Operator, a: BigInt, b: BigInt, la: &IrConst, lb: &IrConst) -> Option<IrConst> {
    let bools = matches!(la, IrConst::True | IrConst::False)
        && matches!(lb, IrConst::True | IrConst::False);
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            // Correctly rounded when both convert exactly.
            const EXACT: i64 = 1 << 53;
            let (x, y) = (a.to_i64()?, b.to_i64()?);
            if x.abs() > EXACT || y.abs() > EXACT {
                return None;
            }
            return Some(IrConst::Float(x as f64 / y as f64));
        }
        Operator::FloorDiv => {
            if b.is_zero() {
                return None;
            }
            a.div_floor(&b)
        }
        Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            a.mod_floor(&b)
        }
        Operator::Pow => {
            if b.is_negative() {
                // int ** negative int is a float power.
                let (x, y) = (a.to_i64()? as f64, b.to_i64()? as f64);
                return fold_float(Operator::Pow, x, y).map(IrConst::Float);
            }
            if !a.is_zero() && !b.is_zero() {
                let w = b.to_u64()?;
                if bits(&a) > MAX_INT_SIZE / w {
                    return None;
                }
            }
            let w = b.to_u32()?;
            num_traits::pow::Pow::pow(a, w)
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let w = b.to_u64()?;
                if w > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - w {
                    return None;
                }
            }
            if a.is_zero() {
                BigInt::zero()
            } else {
                a << b.to_usize()?
            }
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            match b.to_u32() {
                Some(w) if w < 1 << 20 => a >> w as usize,
                // Shifted out entirely.
                _ => {
                    if a.is_negative() {
                        -BigInt::one()
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        Operator::BitAnd | Operator::BitOr | Operator::BitXor => {
            let v = match op {
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                _ => a ^ b,
            };
            if bools {
                return Some(if v.is_zero() {
                    IrConst::False
                } else {
                    IrConst::True
                });
            }
            v
        }
        Operator::MatMult => return None,
    };
    Some(int_const(v))
}

/// Float arithmetic as CPython's `floatobject.c` does it; None where it raises (or
/// where the result would be complex).
fn fold_float(op: Operator, a: f64, b: f64) -> Option<f64> {
    match op {
        Operator::Add => Some(a + b),
        Operator::Sub => Some(a - b),
        Operator::Mult => Some(a * b),
        Operator::Div => (b != 0.0).then(|| a / b),
        Operator::FloorDiv => {
            if b == 0.0 {
                return None;
            }
            Some(float_divmod(a, b).0)
        }
        Operator::Mod => {
            if b == 0.0 {
                return None;
            }
            Some(float_divmod(a, b).1)
        }
        Operator::Pow => {
            // Only the plain cases: finite operands, a positive base or an integral
            // exponent, a finite result. (0 ** negative raises, a negative base with
            // a fractional exponent is complex, an infinite result overflows.)
            if !a.is_finite() || !b.is_finite() || a == 0.0 {
                return None;
            }
            if a < 0.0 && b.fract() != 0.0 {
                return None;
            }
            if b == 0.0 {
                return Some(1.0);
            }
            let r = a.powf(b);
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

/// CPython's `_float_div_mod`: (floor quotient, remainder with the divisor's sign).
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `const[index]` for a str, bytes or tuple and an int index in range.
fn fold_subscript(ir: &Ir, vk: ConstId, ik: ConstId) -> Option<IrConst> {
    let (v, i) = (ir.konst(vk), ir.konst(ik));
    let i = int_of(i)?.to_i64()?;
    let at = |len: usize| -> Option<usize> {
        let len = len as i64;
        let j = if i < 0 { i + len } else { i };
        (0..len).contains(&j).then_some(j as usize)
    };
    match v {
        IrConst::Str(s) => {
            let n = s.chars().count();
            let c = s.chars().nth(at(n)?)?;
            Some(IrConst::Str(c.to_string().into()))
        }
        IrConst::Bytes(b) => Some(IrConst::Int(b[at(b.len())?] as i64)),
        IrConst::Tuple(t) => Some(ir.konst(t[at(t.len())?]).clone()),
        _ => None,
    }
}
