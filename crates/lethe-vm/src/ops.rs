//! Operators and protocols: arithmetic, comparison, truth, hashing, repr/str,
//! subscripting, iteration. Fast paths for the built-in types first; user classes
//! through their dunder methods.

use crate::object::{DictIterKind, IterState, ObjData};
use crate::{PyResult, Value, Vm};
use lethe_compiler::bytecode::{BinOp, CmpOp, UnOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An integer operand, borrowed.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

/// The value of an int (not a bool, not a subclass instance) that fits 64 bits.
#[inline]
fn plain_i64(v: &Value) -> Option<i64> {
    match v.as_small_int() {
        Some(i) => Some(i),
        None => match v.data() {
            Some(ObjData::Int64(i)) => Some(*i),
            _ => None,
        },
    }
}

/// The integer value of an int or bool.
pub fn int_ref(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    if v.is_bool() {
        return Some(IntRef::Small(v.is_true_const() as i64));
    }
    match v.data() {
        Some(ObjData::Int64(i)) => Some(IntRef::Small(*i)),
        Some(ObjData::BigInt(b)) => Some(IntRef::Big(b)),
        Some(ObjData::Instance(i)) if !i.base().is_unbound() => int_ref(i.base()),
        _ => None,
    }
}

pub fn as_i64(v: &Value) -> Option<i64> {
    match int_ref(v)? {
        IntRef::Small(i) => Some(i),
        IntRef::Big(b) => b.to_i64(),
    }
}

pub fn as_bigint(v: &Value) -> Option<BigInt> {
    match int_ref(v)? {
        IntRef::Small(i) => Some(BigInt::from(i)),
        IntRef::Big(b) => Some(b.clone()),
    }
}

pub fn is_int(v: &Value) -> bool {
    int_ref(v).is_some()
}

/// Float value of an int, bool or float (ints may overflow → None).
pub fn as_f64(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    match int_ref(v)? {
        IntRef::Small(i) => Some(i as f64),
        IntRef::Big(b) => b.to_f64().filter(|f| f.is_finite()),
    }
}

fn is_str(v: &Value) -> Option<&str> {
    match v.data() {
        Some(ObjData::Str(s)) => Some(&s.s),
        _ => None,
    }
}

/// Equality that never runs Python code; None when it would have to.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if matches!(a.data(), Some(ObjData::Instance(_)))
        || matches!(b.data(), Some(ObjData::Instance(_)))
    {
        // Subclass instances may define __eq__.
        return None;
    }
    if let (Some(x), Some(y)) = (is_str(a), is_str(b)) {
        return Some(x == y);
    }
    if crate::complex::is_complex(a) || crate::complex::is_complex(b) {
        return match (crate::complex::parts(a), crate::complex::parts(b)) {
            (Some(x), Some(y)) => Some(x.0 == y.0 && x.1 == y.1),
            _ => None,
        };
    }
    if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
        return Some(match (x, y) {
            (IntRef::Small(x), IntRef::Small(y)) => x == y,
            (IntRef::Big(x), IntRef::Big(y)) => x == y,
            _ => false,
        });
    }
    if a.is_float() || b.is_float() {
        if let (Some(x), Some(y)) = (
            a.as_float().or_else(|| as_f64(a)),
            b.as_float().or_else(|| as_f64(b)),
        ) {
            if (a.is_float() || is_int(a)) && (b.is_float() || is_int(b)) {
                return Some(x == y);
            }
        }
    }
    let user = |v: &Value| {
        matches!(
            v.data(),
            Some(ObjData::Instance(_))
                | Some(ObjData::Tuple(_))
                | Some(ObjData::List(_))
                | Some(ObjData::Dict(_))
                | Some(ObjData::Set(_))
                | Some(ObjData::FrozenSet(_))
        )
    };
    if user(a) || user(b) {
        return None;
    }
    if a.is_ptr() && b.is_ptr() {
        return None;
    }
    Some(false)
}

const HASH_MOD: i64 = (1 << 61) - 1;

/// The CPython 3.11 name of the type of a built-in iterator.
pub fn iter_type_name(st: &IterState) -> &'static str {
    match st {
        IterState::Seq { seq, .. } => match seq.data() {
            Some(ObjData::List(_)) => "list_iterator",
            Some(ObjData::Tuple(_)) => "tuple_iterator",
            Some(ObjData::Bytes(_)) => "bytes_iterator",
            Some(ObjData::ByteArray(_)) => "bytearray_iterator",
            _ => "iterator",
        },
        IterState::Range { .. } => "range_iterator",
        IterState::BigRange(_) => "longrange_iterator",
        IterState::Str { s, .. } => match s.data() {
            Some(ObjData::Str(so)) if so.nchars != so.s.len() => "str_iterator",
            _ => "str_ascii_iterator",
        },
        IterState::Dict { dict, kind, .. } => match (dict.data(), kind) {
            (Some(ObjData::Dict(_)), DictIterKind::Keys) => "dict_keyiterator",
            (Some(ObjData::Dict(_)), DictIterKind::Values) => "dict_valueiterator",
            (Some(ObjData::Dict(_)), DictIterKind::Items) => "dict_itemiterator",
            _ => "set_iterator",
        },
        IterState::Enumerate { .. } => "enumerate",
        IterState::Zip { .. } => "zip",
        IterState::Map { .. } => "map",
        IterState::Filter { .. } => "filter",
        IterState::Reversed { seq, .. } => match seq.data() {
            Some(ObjData::List(_)) => "list_reverseiterator",
            Some(ObjData::Range { .. }) => "range_iterator",
            _ => "reversed",
        },
        IterState::Callable { .. } => "callable_iterator",
        IterState::Done(name) => name,
    }
}

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MOD as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MOD)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's numeric hash of a float.
pub fn hash_f64(f: f64) -> i64 {
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.is_nan() {
        return 0;
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_i64(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    let modulus = HASH_MOD as u64;
    while m != 0.0 {
        x = ((x << 28) & modulus) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & modulus) | (x >> (61 - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

pub(crate) fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// The hash of a str's UTF-8 bytes, and of bytes (an ASCII str and the same bytes
/// hash alike, as in CPython).
pub fn hash_bytes(s: &[u8]) -> i64 {
    // FNV-1a; CPython randomises str hashes, so programs cannot depend on values
    // (but the empty string's is 0 whatever the seed, as in CPython).
    if s.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in s {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's floor division and modulo on i64 (None on overflow or zero divisor).
pub fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

pub fn mod_i64(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

impl Vm {
    /// Call a special method found on `recv`'s type with `recv` first, binding it
    /// as attribute access would when it is not a plain function (a staticmethod
    /// takes no receiver, a classmethod the class, a callable object with `__get__`
    /// what that gives, one without none).
    pub fn call_dunder(&mut self, f: &Value, recv: &Value, rest: Vec<Value>) -> PyResult<Value> {
        if matches!(
            f.data(),
            Some(ObjData::StaticMethod(_) | ObjData::ClassMethod(_) | ObjData::Instance(_))
        ) {
            let cls = self.type_of(recv);
            let bound = self.bind(f.clone(), recv, &cls)?;
            return self.call(&bound, rest);
        }
        let mut args = Vec::with_capacity(rest.len() + 1);
        args.push(recv.clone());
        args.extend(rest);
        self.call(f, args)
    }
    pub fn int_result(&self, b: BigInt) -> Value {
        self.new_bigint(b)
    }

    /// Arithmetic on two ints.
    fn int_binop(&mut self, op: BinOp, a: IntRef, b: IntRef) -> PyResult<Value> {
        if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
            let (x, y) = (*x, *y);
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::FloorDiv => {
                    if y == 0 {
                        return Err(self.zero_div("integer division or modulo by zero"));
                    }
                    floordiv_i64(x, y)
                }
                BinOp::Mod => {
                    if y == 0 {
                        return Err(self.zero_div("integer modulo by zero"));
                    }
                    mod_i64(x, y)
                }
                BinOp::And => Some(x & y),
                BinOp::Or => Some(x | y),
                BinOp::Xor => Some(x ^ y),
                BinOp::LShift => {
                    if y < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                        Some(x << y)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if y < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if y >= 64 {
                        if x < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        x >> y
                    })
                }
                BinOp::TrueDiv => {
                    if y == 0 {
                        return Err(self.zero_div("division by zero"));
                    }
                    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                        return Ok(Value::float(x as f64 / y as f64));
                    }
                    None
                }
                BinOp::Pow => {
                    if y < 0 {
                        if x == 0 {
                            return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                        }
                        return Ok(Value::float((x as f64).powf(y as f64)));
                    }
                    u32::try_from(y).ok().and_then(|y| x.checked_pow(y))
                }
                BinOp::MatMul => return Ok(Value::NOT_IMPLEMENTED),
            };
            if let Some(r) = r {
                return Ok(self.new_int(r));
            }
        }
        // Operands by reference: a big operand is read, never copied.
        use std::borrow::Cow;
        let x: Cow<BigInt> = match a {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        };
        let y: Cow<BigInt> = match b {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        };
        let r = match op {
            BinOp::Add => &*x + &*y,
            BinOp::Sub => &*x - &*y,
            BinOp::Mul => &*x * &*y,
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(self.zero_div("integer division or modulo by zero"));
                }
                match divmod_small_quotient(&x, &y) {
                    Some((q, _)) => BigInt::from(q),
                    None => x.div_floor(&y),
                }
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_div("integer modulo by zero"));
                }
                match divmod_small_quotient(&x, &y) {
                    Some((_, r)) => r,
                    None => x.mod_floor(&y),
                }
            }
            BinOp::And => &*x & &*y,
            BinOp::Or => &*x | &*y,
            BinOp::Xor => &*x ^ &*y,
            BinOp::LShift => {
                let Some(s) = y.to_usize() else {
                    if y.is_negative() {
                        return Err(self.value_error("negative shift count"));
                    }
                    return Err(self.overflow_error("too many digits in integer"));
                };
                if s > 1 << 32 {
                    return Err(self.new_error("MemoryError", ""));
                }
                &*x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match y.to_usize() {
                    Some(s) => &*x >> s,
                    None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(self.zero_div("division by zero"));
                }
                return match int_true_div(&x, &y) {
                    Some(f) => Ok(Value::float(f)),
                    None => {
                        Err(self.overflow_error("integer division result too large for a float"))
                    }
                };
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let (Some(fx), Some(fy)) = (x.to_f64(), y.to_f64()) else {
                        return Err(self.overflow_error("int too large to convert to float"));
                    };
                    if fx == 0.0 {
                        return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::float(fx.powf(fy)));
                }
                let Some(e) = y.to_u32() else {
                    if x.is_zero() || *x == BigInt::from(1) {
                        return Ok(self.new_bigint(x.into_owned()));
                    }
                    if *x == BigInt::from(-1) {
                        return Ok(self.new_int(if y.is_even() { 1 } else { -1 }));
                    }
                    return Err(self.new_error("MemoryError", ""));
                };
                num_traits::pow::Pow::pow(&*x, e)
            }
            BinOp::MatMul => return Ok(Value::NOT_IMPLEMENTED),
        };
        Ok(self.new_bigint(r))
    }

    fn float_binop(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float floor division by zero"));
                }
                let m = x % y;
                let mut d = (x - m) / y;
                if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
                    d -= 1.0;
                }
                if d != 0.0 {
                    let f = d.floor();
                    if d - f > 0.5 {
                        f + 1.0
                    } else {
                        f
                    }
                } else {
                    0.0f64.copysign(x / y)
                }
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_div("float modulo"));
                }
                py_fmod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() && x.is_finite() {
                    // CPython's float_pow hands a negative base with a fractional
                    // exponent to complex power.
                    return crate::complex::float_pow_complex(self, x, y);
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(Value::NOT_IMPLEMENTED),
        };
        Ok(Value::float(r))
    }

    /// Built-in implementation of a binary operator, or NotImplemented.
    fn builtin_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
            let r = self.int_binop(op, x, y)?;
            // bool & bool etc. stay bool
            if a.is_bool() && b.is_bool() && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
                return Ok(Value::bool(crate::ops::as_i64(&r) == Some(1)));
            }
            return Ok(r);
        }
        if (a.is_float() || is_int(a)) && (b.is_float() || is_int(b)) {
            let x = match as_f64(a) {
                Some(x) => x,
                None => return Err(self.overflow_error("int too large to convert to float")),
            };
            let y = match as_f64(b) {
                Some(y) => y,
                None => return Err(self.overflow_error("int too large to convert to float")),
            };
            return self.float_binop(op, x, y);
        }
        if crate::complex::is_complex(a) || crate::complex::is_complex(b) {
            if let Some(r) = crate::complex::binop(self, op, a, b)? {
                return Ok(r);
            }
        }
        match (a.data(), b.data()) {
            (Some(ObjData::Str(x)), Some(ObjData::Str(y))) if op == BinOp::Add => {
                return Ok(Value::new_str_parts(&[&*x.s, &*y.s], x.nchars + y.nchars));
            }
            (Some(ObjData::List(x)), Some(ObjData::List(y))) if op == BinOp::Add => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(self.new_list(v));
            }
            (Some(ObjData::Tuple(x)), Some(ObjData::Tuple(y))) if op == BinOp::Add => {
                let v: Vec<Value> = x.iter().chain(y.iter()).cloned().collect();
                return Ok(self.new_tuple(v));
            }
            (Some(ObjData::Str(_)), _) if op == BinOp::Mod => {
                return crate::methods::str_percent(self, a, b);
            }
            (Some(ObjData::Bytes(_) | ObjData::ByteArray(_)), _)
            | (_, Some(ObjData::Bytes(_) | ObjData::ByteArray(_))) => {
                if let Some(r) = crate::builtins::bytes_methods::binop(self, op, a, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        if op == BinOp::Mul {
            if let Some(n) = as_i64(b).filter(|_| is_int(b)) {
                if let Some(r) = self.repeat(a, n)? {
                    return Ok(r);
                }
            }
            if let Some(n) = as_i64(a).filter(|_| is_int(a)) {
                if let Some(r) = self.repeat(b, n)? {
                    return Ok(r);
                }
            }
        }
        if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor | BinOp::Sub) {
            if let Some(r) = crate::methods::set_binop(self, op, a, b)? {
                return Ok(r);
            }
        }
        if op == BinOp::Or {
            if let (Some(ObjData::Dict(x)), Some(ObjData::Dict(y))) = (a.data(), b.data()) {
                let d = self.new_dict();
                if let Some(ObjData::Dict(nd)) = d.data() {
                    let entries: Vec<_> = x
                        .borrow()
                        .iter()
                        .chain(y.borrow().iter())
                        .map(|e| (e.1.clone(), e.2.clone()))
                        .collect();
                    for (k, v) in entries {
                        self.table_set(nd, k, v)?;
                    }
                }
                return Ok(d);
            }
        }
        Ok(Value::NOT_IMPLEMENTED)
    }

    fn repeat(&mut self, seq: &Value, n: i64) -> PyResult<Option<Value>> {
        let n = n.max(0) as usize;
        // Reserve fallibly: a huge repetition is a MemoryError, not an abort.
        let unit = match seq.data() {
            Some(ObjData::Str(s)) => s.s.len(),
            Some(ObjData::List(l)) => l.borrow().len() * std::mem::size_of::<Value>(),
            Some(ObjData::Tuple(t)) => t.len() * std::mem::size_of::<Value>(),
            _ => 0,
        };
        let Some(total) = unit
            .checked_mul(n)
            .filter(|&t| t <= isize::MAX as usize / 2)
        else {
            return Err(self.new_error("MemoryError", ""));
        };
        let mut probe: Vec<u8> = Vec::new();
        if probe.try_reserve_exact(total).is_err() {
            return Err(self.new_error("MemoryError", ""));
        }
        drop(probe);
        Ok(match seq.data() {
            Some(ObjData::Str(s)) => Some(self.new_string(s.s.repeat(n))),
            Some(ObjData::List(l)) => {
                let l = l.borrow();
                let mut v = Vec::with_capacity(l.len() * n);
                for _ in 0..n {
                    v.extend(l.iter().cloned());
                }
                Some(self.new_list(v))
            }
            Some(ObjData::Tuple(t)) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Some(self.new_tuple(v))
            }
            _ => None,
        })
    }

    /// `a op b` with Python's dispatch: built-ins, then `__op__`, then `__rop__`.
    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Fast path: two small ints.
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            match op {
                BinOp::Add => return Ok(self.new_int(x + y)),
                BinOp::Sub => return Ok(self.new_int(x - y)),
                _ => {}
            }
        }
        if let Some(r) = self.int64_pair(op, a, b) {
            return r;
        }
        if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
            match op {
                BinOp::Add => return Ok(Value::float(x + y)),
                BinOp::Sub => return Ok(Value::float(x - y)),
                BinOp::Mul => return Ok(Value::float(x * y)),
                _ => {}
            }
        }
        if op == BinOp::Add {
            if let (Some(ObjData::Str(x)), Some(ObjData::Str(y))) = (a.data(), b.data()) {
                return Ok(Value::new_str_parts(&[&*x.s, &*y.s], x.nchars + y.nchars));
            }
        }
        if self.has_user_meta(a) || self.has_user_meta(b) {
            let (name, rname, _) = op.dunders();
            if let Some(r) = self.meta_binary(name, rname, a, b)? {
                return Ok(r);
            }
        }
        let a_user = matches!(a.data(), Some(ObjData::Instance(_)));
        let b_user = matches!(b.data(), Some(ObjData::Instance(_)));
        if op == BinOp::Mod && b_user && matches!(a.data(), Some(ObjData::Str(_))) {
            // `str % x`: str.__mod__ sees x itself (a subclass instance keeps its
            // __str__/__repr__/__format__), unless x is of a str subclass with its
            // own __rmod__ (tried first).
            let str_t = self.t.str_.clone();
            let own_rmod = self.isinstance(b, &str_t)
                && self
                    .lookup_special(b, "__rmod__")
                    .is_some_and(|f| !matches!(f.data(), Some(ObjData::Builtin(_))));
            if !own_rmod {
                return crate::methods::str_percent(self, a, b);
            }
        }
        if a_user || b_user {
            let (name, rname, _) = op.dunders();
            if let Some((x, y)) = self.plain_pair(a, b, &[name, rname], &[rname, name]) {
                return self.binary(op, &x, &y).map_err(|e| {
                    // Name the subclasses in the error, as CPython does.
                    match self.exc_str(&e) {
                        Ok(m) if m.starts_with("unsupported operand type(s)") => {
                            self.binop_type_error(op, a, b)
                        }
                        _ => e,
                    }
                });
            }
        }
        if !a_user && !b_user {
            let r = self.builtin_binop(op, a, b)?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
            if op == BinOp::Or {
                if let Some(u) = make_union(self, a, b) {
                    return Ok(u);
                }
            }
            return Err(self.binop_type_error(op, a, b));
        }
        let (name, rname, _) = op.dunders();
        // A subclass's reflected method goes first.
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let b_first = !ta.is(&tb) && self.is_subclass(&tb, &ta);
        if b_first {
            if let Some(f) = self.lookup_special(b, rname) {
                let r = self.call_dunder(&f, b, vec![a.clone()])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        if !a_user {
            // A built-in left operand: its own operator, which answers
            // NotImplemented for an operand it does not know (its `__add__` as a
            // method would raise, as `str.__add__(s, 1)` does in CPython). A
            // subclass of a built-in type on the right is seen as its value
            // (`(1,) + TupleSub(...)` concatenates).
            let b_val = match b.data() {
                Some(ObjData::Instance(i)) if !i.base().is_unbound() => i.base().clone(),
                _ => b.clone(),
            };
            let r = self.builtin_binop(op, a, &b_val)?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        } else if let Some(f) = self.lookup_special(a, name) {
            let r = self.call_dunder(&f, a, vec![b.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if !b_first && !ta.is(&tb) && !b_user {
            // A built-in right operand's reflected operator: its own operation (which
            // answers NotImplemented where its `__rop__` method would raise).
            let a_val = match a.data() {
                Some(ObjData::Instance(i)) if !i.base().is_unbound() => i.base().clone(),
                _ => a.clone(),
            };
            let r = self.builtin_binop(op, &a_val, b)?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        } else if !b_first && !ta.is(&tb) {
            if let Some(f) = self.lookup_special(b, rname) {
                let r = self.call_dunder(&f, b, vec![a.clone()])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
            }
        }
        if op == BinOp::Mul {
            // Sequence repetition by an object with __index__ (CPython's sq_repeat,
            // tried after both operands' nb_multiply).
            let (seq, n) = if is_sequence(a) {
                (a, b)
            } else if is_sequence(b) {
                (b, a)
            } else {
                return Err(self.binop_type_error(op, a, b));
            };
            if int_ref(n).is_none() && matches!(n.data(), Some(ObjData::Instance(_))) {
                if let Some(f) = self.lookup_special(n, "__index__") {
                    let r = self.call_dunder(&f, n, vec![])?;
                    if int_ref(&r).is_none() {
                        let tn = self.type_name(&r);
                        return Err(
                            self.type_error(&format!("__index__ returned non-int (type {tn})"))
                        );
                    }
                    let (seq, r) = (seq.clone(), r);
                    return self.binary(op, &seq, &r);
                }
            }
        }
        Err(self.binop_type_error(op, a, b))
    }

    fn binop_type_error(&mut self, op: BinOp, a: &Value, b: &Value) -> Value {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add && matches!(a.data(), Some(ObjData::Str(_))) {
            return self.type_error(&format!("can only concatenate str (not \"{tb}\") to str"));
        }
        if op == BinOp::Add && matches!(a.data(), Some(ObjData::Bytes(_) | ObjData::ByteArray(_))) {
            let ta = self.type_name(a);
            return self.type_error(&format!("can't concat {tb} to {ta}"));
        }
        if op == BinOp::Add && matches!(a.data(), Some(ObjData::List(_))) {
            return self.type_error(&format!("can only concatenate list (not \"{tb}\") to list"));
        }
        if op == BinOp::Add && matches!(a.data(), Some(ObjData::Tuple(_))) {
            return self.type_error(&format!(
                "can only concatenate tuple (not \"{tb}\") to tuple"
            ));
        }
        if op == BinOp::Mul && (is_sequence(a) || is_sequence(b)) {
            let other = if is_sequence(a) { tb } else { ta };
            return self.type_error(&format!(
                "can't multiply sequence by non-int of type '{other}'"
            ));
        }
        self.type_error(&format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        ))
    }

    /// `a op= b`: `__iop__` first, then the binary operator.
    /// Two ints that fit 64 bits (a hash, a random-number generator's state; not
    /// bools or instances of int subclasses): the int operation itself, with no
    /// operator lookup. None: not such a pair, or `@`, which ints lack.
    fn int64_pair(&mut self, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        match (plain_i64(a), plain_i64(b)) {
            (Some(x), Some(y)) if op != BinOp::MatMul => {
                Some(self.int_binop(op, IntRef::Small(x), IntRef::Small(y)))
            }
            _ => None,
        }
    }

    pub fn inplace(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.int64_pair(op, a, b) {
            return r;
        }
        let (name, _, iname) = op.dunders();
        if let Some(x) = self.plain_base(a, &[iname, name]) {
            let r = self.inplace(op, &x, b)?;
            return Ok(if r.is(&x) { a.clone() } else { r });
        }
        match a.data() {
            Some(ObjData::List(l)) if op == BinOp::Add => {
                let items = self.collect(b)?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            Some(ObjData::List(l)) if op == BinOp::Mul => {
                // `l *= n` repeats the list in place (the product's errors, e.g. a
                // non-int operand, are the binary operator's).
                let r = self.binary(op, a, b)?;
                if let Some(ObjData::List(n)) = r.data() {
                    let items = std::mem::take(&mut *n.borrow_mut());
                    let old = std::mem::replace(&mut *l.borrow_mut(), items);
                    drop(old);
                    return Ok(a.clone());
                }
                return Ok(r);
            }
            Some(ObjData::ByteArray(_)) if matches!(op, BinOp::Add | BinOp::Mul) => {
                if let Some(r) = crate::builtins::bytes_methods::inplace(self, op, a, b)? {
                    return Ok(r);
                }
            }
            Some(ObjData::Instance(_)) => {
                let (_, _, iname) = op.dunders();
                if let Some(f) = self.lookup_special(a, iname) {
                    let r = self.call_dunder(&f, a, vec![b.clone()])?;
                    if !r.is(&Value::NOT_IMPLEMENTED) {
                        return Ok(r);
                    }
                }
            }
            Some(ObjData::Set(_))
                if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) =>
            {
                if let Some(r) = crate::methods::set_inplace(self, op, a, b)? {
                    return Ok(r);
                }
            }
            Some(ObjData::Dict(d)) if op == BinOp::Or => {
                if let Some(ObjData::Dict(o)) = b.data() {
                    let entries: Vec<_> = o
                        .borrow()
                        .iter()
                        .map(|e| (e.1.clone(), e.2.clone()))
                        .collect();
                    for (k, v) in entries {
                        self.table_set(d, k, v)?;
                    }
                    return Ok(a.clone());
                }
                // `d |= iterable of pairs` is `d.update(...)`.
                crate::methods::dict_update_from(self, a, b)?;
                return Ok(a.clone());
            }
            _ => {}
        }
        self.binary(op, a, b).map_err(|e| {
            // CPython names the augmented operator in the message.
            if self.isinstance(&e, &self.t.exc["TypeError"].clone()) {
                if let Ok(msg) = self.exc_str(&e) {
                    if msg.starts_with("unsupported operand type(s) for ") {
                        let fixed = msg.replacen(
                            &format!("for {}:", op.symbol()),
                            &format!("for {}=:", op.symbol()),
                            1,
                        );
                        return self.type_error(&fixed);
                    }
                }
            }
            e
        })
    }

    pub fn unary(&mut self, op: UnOp, v: &Value) -> PyResult<Value> {
        let inst = matches!(v.data(), Some(ObjData::Instance(_)));
        match op {
            UnOp::Not => return Ok(Value::bool(!self.truthy(v)?)),
            _ if inst => {}
            UnOp::Neg => {
                if let Some(f) = v.as_float() {
                    return Ok(Value::float(-f));
                }
                if let Some((re, im)) = crate::complex::parts(v) {
                    return Ok(crate::complex::new(-re, -im));
                }
                if let Some(i) = int_ref(v) {
                    return Ok(match i {
                        IntRef::Small(i) => match i.checked_neg() {
                            Some(n) => self.new_int(n),
                            None => self.new_bigint(-BigInt::from(i)),
                        },
                        IntRef::Big(b) => self.new_bigint(-b.clone()),
                    });
                }
            }
            UnOp::Pos => {
                if v.is_float() {
                    return Ok(v.clone());
                }
                if let Some((re, im)) = crate::complex::parts(v) {
                    return Ok(crate::complex::new(re, im));
                }
                if is_int(v) {
                    return Ok(if v.is_bool() {
                        self.new_int(v.is_true_const() as i64)
                    } else {
                        v.clone()
                    });
                }
            }
            UnOp::Invert => {
                if let Some(i) = int_ref(v) {
                    return Ok(match i {
                        IntRef::Small(i) => self.new_int(!i),
                        IntRef::Big(b) => self.new_bigint(-(b.clone()) - 1),
                    });
                }
            }
        }
        let name = match op {
            UnOp::Neg => "__neg__",
            UnOp::Pos => "__pos__",
            UnOp::Invert => "__invert__",
            UnOp::Not => unreachable_not(),
        };
        if let Some(x) = self.plain_base(v, &[name]) {
            return self.unary(op, &x);
        }
        if let Some(f) = self.lookup_special(v, name) {
            return self.call_dunder(&f, v, vec![]);
        }
        let sym = match op {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            _ => "~",
        };
        let tn = self.type_name(v);
        Err(self.type_error(&format!("bad operand type for unary {sym}: '{tn}'")))
    }

    /// What a `__bool__` returned, which must be a bool.
    fn bool_result(&mut self, r: Value) -> PyResult<bool> {
        if !r.is_bool() {
            let tn = self.type_name(&r);
            return Err(self.type_error(&format!("__bool__ should return bool, returned {tn}")));
        }
        Ok(r.is_true_const())
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if self.has_user_meta(v) {
            if let Some(r) = self.call_meta(v, "__bool__", vec![]) {
                return self.bool_result(r?);
            }
            if self.meta_method(v, "__len__").is_some() {
                return Ok(self.len(v)? != 0);
            }
        }
        if v.is_bool() {
            return Ok(v.is_true_const());
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_float() {
            return Ok(f != 0.0);
        }
        match v.data() {
            Some(ObjData::Str(s)) => Ok(!s.s.is_empty()),
            Some(ObjData::List(l)) => Ok(!l.borrow().is_empty()),
            Some(ObjData::Tuple(t)) => Ok(!t.is_empty()),
            Some(ObjData::Dict(d)) | Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => {
                Ok(d.borrow().len > 0)
            }
            Some(ObjData::Int64(_)) | Some(ObjData::BigInt(_)) => Ok(true),
            Some(ObjData::Complex(re, im)) => Ok(*re != 0.0 || *im != 0.0),
            Some(ObjData::Range { .. }) => Ok(self.len(v)? > 0),
            Some(ObjData::BigRange(b)) => Ok(!crate::bigrange::len(&b[0], &b[1], &b[2]).is_zero()),
            Some(ObjData::Bytes(b)) => Ok(!b.is_empty()),
            Some(ObjData::ByteArray(b)) => Ok(!b.borrow().is_empty()),
            Some(ObjData::DictView(_)) => Ok(self.len(v)? > 0),
            Some(ObjData::Instance(_)) => {
                if let Some(d) = crate::deque::plain(self, v) {
                    return Ok(!d.items.borrow().is_empty());
                }
                if let Some(x) = self.plain_base(v, &["__bool__", "__len__"]) {
                    return self.truthy(&x);
                }
                if let Some(f) = self.lookup_special(v, "__bool__") {
                    let r = self.call_dunder(&f, v, vec![])?;
                    return self.bool_result(r);
                }
                if self.lookup_special(v, "__len__").is_some() {
                    // len()'s checks: an int, not negative.
                    return Ok(self.len(v)? != 0);
                }
                Ok(true)
            }
            _ => Ok(true),
        }
    }

    /// A class whose metaclass is a user class.
    fn has_user_meta(&self, v: &Value) -> bool {
        matches!(v.data(), Some(ObjData::Type(t)) if !t.meta.borrow().is_unbound())
    }

    /// A binary operator or comparison through the metaclass of a class operand;
    /// None when neither metaclass handles it.
    fn meta_binary(
        &mut self,
        name: &str,
        rname: &str,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        if let Some(r) = self.call_meta(a, name, vec![b.clone()]) {
            let r = r?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(Some(r));
            }
        }
        if let Some(r) = self.call_meta(b, rname, vec![a.clone()]) {
            let r = r?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        // The common key first: a str whose hash is cached.
        if let Some(ObjData::Str(s)) = v.data() {
            let h = s.hash.get();
            if h != -1 {
                return Ok(h);
            }
        }
        if self.has_user_meta(v) {
            if let Some(r) = self.call_meta(v, "__hash__", vec![]) {
                let r = r?;
                return match as_i64(&r) {
                    Some(h) if is_int(&r) => Ok(if h == -1 { -2 } else { h }),
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                };
            }
        }
        if let Some(i) = v.as_small_int() {
            return Ok(hash_i64(i));
        }
        if let Some(f) = v.as_float() {
            if f.is_nan() {
                // CPython 3.10+: a NaN hashes by identity (each NaN value is its own
                // object; here its payload tells it apart).
                let h = (v.bits().rotate_right(4) & (HASH_MOD as u64)) as i64;
                return Ok(if h == -1 { -2 } else { h });
            }
            return Ok(hash_f64(f));
        }
        if v.is_bool() {
            return Ok(v.is_true_const() as i64);
        }
        match v.data() {
            Some(ObjData::Str(s)) => {
                let h = s.hash.get();
                if h != -1 {
                    return Ok(h);
                }
                let h = hash_str(&s.s);
                s.hash.set(h);
                Ok(h)
            }
            Some(ObjData::Int64(i)) => Ok(hash_i64(*i)),
            Some(ObjData::BigInt(b)) => Ok(hash_bigint(b)),
            Some(ObjData::Complex(re, im)) => Ok(crate::complex::hash((*re, *im))),
            Some(ObjData::Bytes(b)) => Ok(hash_bytes(b)),
            Some(ObjData::Tuple(items)) => {
                // CPython's xxHash-based tuple hash.
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let mut acc: u64 = P5;
                let items = items.clone();
                for it in items.iter() {
                    let h = self.hash(it)? as u64;
                    acc = acc.wrapping_add(h.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
                if acc == u64::MAX {
                    return Ok(1546275796);
                }
                Ok(acc as i64)
            }
            Some(ObjData::FrozenSet(d)) => {
                // CPython 3.11's frozenset_hash (a frozenset has no deleted entries).
                let keys: Vec<i64> = d.borrow().iter().map(|e| e.0).collect();
                let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
                let mut h: u64 = 0;
                for &k in &keys {
                    h ^= shuffle(k as u64);
                }
                let n = keys.len() as u64;
                h ^= (n + 1).wrapping_mul(1927868237);
                h ^= (h >> 11) ^ (h >> 25);
                h = h.wrapping_mul(69069).wrapping_add(907133923);
                if h == u64::MAX {
                    h = 590923713;
                }
                Ok(h as i64)
            }
            Some(ObjData::List(_))
            | Some(ObjData::Dict(_))
            | Some(ObjData::Set(_))
            | Some(ObjData::ByteArray(_)) => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("unhashable type: '{tn}'")))
            }
            Some(ObjData::Instance(_)) if generic_alias_parts(self, v).is_some() => {
                let (o, args) = generic_alias_parts(self, v).unwrap_or((Value::NONE, vec![]));
                let t = self.new_tuple(args);
                let h = self.hash(&o)? ^ self.hash(&t)?;
                Ok(if h == -1 { -2 } else { h })
            }
            Some(ObjData::Instance(_)) if union_args(self, v).is_some() => {
                // Order-insensitive, like hash(frozenset(args)).
                let args = union_args(self, v).unwrap_or_default();
                let mut h: i64 = 0x5a5a;
                for m in args.iter() {
                    h ^= self.hash(m)?.wrapping_mul(0x9e37_79b9);
                }
                Ok(if h == -1 { -2 } else { h })
            }
            Some(ObjData::Instance(_)) => {
                if let Some(x) = self.plain_base(v, &["__hash__", "__eq__"]) {
                    if matches!(
                        x.data(),
                        Some(ObjData::List(_) | ObjData::Dict(_) | ObjData::Set(_))
                    ) {
                        let tn = self.type_name(v);
                        return Err(self.type_error(&format!("unhashable type: '{tn}'")));
                    }
                    return self.hash(&x);
                }
                let cls = self.type_of(v);
                let hname = self.intern("__hash__");
                match self.lookup_mro(&cls, &hname) {
                    Some(f) if f.is_none() => {
                        let tn = self.type_name(v);
                        Err(self.type_error(&format!("unhashable type: '{tn}'")))
                    }
                    Some(f) if !matches!(f.data(), Some(ObjData::Builtin(_))) => {
                        let r = self.call_dunder(&f, v, vec![])?;
                        match int_ref(&r) {
                            Some(IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                            Some(IntRef::Big(b)) => Ok(hash_bigint(b)),
                            None => {
                                Err(self.type_error("__hash__ method should return an integer"))
                            }
                        }
                    }
                    _ => Ok((v.addr() >> 4) as i64),
                }
            }
            Some(ObjData::BoundMethod(b)) => {
                // Equal bound methods (same function, same self) hash alike.
                let (f, s) = (b.0.clone(), b.1.clone());
                let hf = self.hash(&f)?;
                let h = ((s.addr() >> 4) as i64) ^ hf;
                Ok(if h == -1 { -2 } else { h })
            }
            _ => Ok((v.addr() >> 4) as i64),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = fast_eq(a, b) {
            if !(a.is(b) && a.is_float() && a.as_float().map(f64::is_nan).unwrap_or(false)) {
                return Ok(r);
            }
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y.iter()) {
            if !a.is(b) && !self.eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Lexicographic ordering of sequences.
    fn seq_cmp(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<Value> {
        for (a, b) in x.iter().zip(y.iter()) {
            if !a.is(b) && !self.eq(a, b)? {
                return self.compare(op, a, b);
            }
        }
        let (lx, ly) = (x.len(), y.len());
        Ok(Value::bool(match op {
            CmpOp::Lt => lx < ly,
            CmpOp::Le => lx <= ly,
            CmpOp::Gt => lx > ly,
            CmpOp::Ge => lx >= ly,
            CmpOp::Eq => lx == ly,
            _ => lx != ly,
        }))
    }

    fn builtin_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        use std::cmp::Ordering;
        if crate::complex::is_complex(a) || crate::complex::is_complex(b) {
            return Ok(match crate::complex::compare(self, op, a, b)? {
                Some(r) => Value::bool(r),
                None => Value::NOT_IMPLEMENTED,
            });
        }
        let ord: Option<Ordering> = if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
            Some(match (x, y) {
                (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
                (IntRef::Small(x), IntRef::Big(y)) => BigInt::from(x).cmp(y),
                (IntRef::Big(x), IntRef::Small(y)) => x.cmp(&BigInt::from(y)),
                (IntRef::Big(x), IntRef::Big(y)) => x.cmp(y),
            })
        } else if (a.is_float() || is_int(a)) && (b.is_float() || is_int(b)) {
            let x = num_as_f64_cmp(a);
            let y = num_as_f64_cmp(b);
            match (x, y) {
                (Some(x), Some(y)) => {
                    if x.is_nan() || y.is_nan() {
                        return Ok(Value::bool(op == CmpOp::Ne));
                    }
                    x.partial_cmp(&y)
                }
                _ => {
                    // A huge int against a float: compare exactly via BigInt (a
                    // NaN is unordered: only != holds).
                    let fx = a.as_float();
                    let fy = b.as_float();
                    if fx.is_some_and(f64::is_nan) || fy.is_some_and(f64::is_nan) {
                        return Ok(Value::bool(op == CmpOp::Ne));
                    }
                    match (fx, fy) {
                        (Some(f), None) => big_float_cmp(f, &as_bigint(b).unwrap_or_default()),
                        (None, Some(f)) => big_float_cmp(f, &as_bigint(a).unwrap_or_default())
                            .map(Ordering::reverse),
                        _ => None,
                    }
                }
            }
        } else {
            match (a.data(), b.data()) {
                (Some(ObjData::Str(x)), Some(ObjData::Str(y))) => Some(x.s.cmp(&y.s)),
                (Some(ObjData::BoundMethod(x)), Some(ObjData::BoundMethod(y)))
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                {
                    // Same function bound to the same object.
                    let e = x.0.is(&y.0) && x.1.is(&y.1);
                    return Ok(Value::bool(e == (op == CmpOp::Eq)));
                }
                (Some(ObjData::List(x)), Some(ObjData::List(y))) => {
                    let (x, y) = (x.borrow().clone(), y.borrow().clone());
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                        let e = self.seq_eq(&x, &y)?;
                        return Ok(Value::bool(e == (op == CmpOp::Eq)));
                    }
                    return self.seq_cmp(op, &x, &y);
                }
                (Some(ObjData::Slice(x)), Some(ObjData::Slice(y))) => {
                    let (x, y) = (self.new_tuple(x.to_vec()), self.new_tuple(y.to_vec()));
                    return self.compare(op, &x, &y);
                }
                // Tuples cannot change: their items are compared where they are.
                (Some(ObjData::Tuple(x)), Some(ObjData::Tuple(y))) => {
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                        let e = self.seq_eq(x, y)?;
                        return Ok(Value::bool(e == (op == CmpOp::Eq)));
                    }
                    return self.seq_cmp(op, x, y);
                }
                (Some(ObjData::Dict(_)), Some(ObjData::Dict(_)))
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                {
                    let e = crate::methods::dict_eq(self, a, b)?;
                    return Ok(Value::bool(e == (op == CmpOp::Eq)));
                }
                (
                    Some(ObjData::Set(_) | ObjData::FrozenSet(_)),
                    Some(ObjData::Set(_) | ObjData::FrozenSet(_)),
                ) => {
                    return crate::methods::set_compare(self, op, a, b);
                }
                (
                    Some(ObjData::Range { .. } | ObjData::BigRange(_)),
                    Some(ObjData::Range { .. } | ObjData::BigRange(_)),
                ) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                    let e = crate::bigrange::equal(a, b).unwrap_or(false);
                    return Ok(Value::bool(e == (op == CmpOp::Eq)));
                }
                (
                    Some(ObjData::DictView(_) | ObjData::Set(_) | ObjData::FrozenSet(_)),
                    Some(ObjData::DictView(_) | ObjData::Set(_) | ObjData::FrozenSet(_)),
                ) if is_set_like_view(a) || is_set_like_view(b) => {
                    if !(is_set_like(a) && is_set_like(b)) {
                        None
                    } else {
                        // dictview richcompare: sizes, then every element of the
                        // smaller side is `in` the other (no hashing of values).
                        let (la, lb) = (self.len(a)?, self.len(b)?);
                        let r = match op {
                            CmpOp::Eq | CmpOp::Ne => la == lb && self.all_contained_in(a, b)?,
                            CmpOp::Lt => la < lb && self.all_contained_in(a, b)?,
                            CmpOp::Le => la <= lb && self.all_contained_in(a, b)?,
                            CmpOp::Gt => la > lb && self.all_contained_in(b, a)?,
                            _ => la >= lb && self.all_contained_in(b, a)?,
                        };
                        return Ok(Value::bool(if op == CmpOp::Ne { !r } else { r }));
                    }
                }
                (Some(ObjData::Bytes(x)), Some(ObjData::Bytes(y))) => Some(x.cmp(y)),
                (
                    Some(ObjData::Bytes(_) | ObjData::ByteArray(_)),
                    Some(ObjData::Bytes(_) | ObjData::ByteArray(_)),
                ) => {
                    let x = crate::builtins::bytes_methods::bytes_of(a).unwrap_or_default();
                    let y = crate::builtins::bytes_methods::bytes_of(b).unwrap_or_default();
                    Some(x.cmp(&y))
                }
                _ => None,
            }
        };
        match ord {
            Some(o) => Ok(Value::bool(match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Le => o != Ordering::Greater,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::Ge => o != Ordering::Less,
                CmpOp::Eq => o == Ordering::Equal,
                _ => o != Ordering::Equal,
            })),
            None => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    /// Rich comparison.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::bool(!a.is(b))),
            CmpOp::In => return Ok(Value::bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::bool(!self.contains(b, a)?)),
            _ => {}
        }
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(Value::bool(match op {
                CmpOp::Lt => x < y,
                CmpOp::Le => x <= y,
                CmpOp::Gt => x > y,
                CmpOp::Ge => x >= y,
                CmpOp::Eq => x == y,
                _ => x != y,
            }));
        }
        if let (Some(ObjData::Str(x)), Some(ObjData::Str(y))) = (a.data(), b.data()) {
            // Exact strs: the same object, or different lengths or cached hashes,
            // decide equality without comparing text.
            let r = match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let (hx, hy) = (x.hash.get(), y.hash.get());
                    let eq = a.is(b)
                        || (x.s.len() == y.s.len()
                            && (hx == -1 || hy == -1 || hx == hy)
                            && x.s == y.s);
                    eq == (op == CmpOp::Eq)
                }
                CmpOp::Lt => x.s < y.s,
                CmpOp::Le => x.s <= y.s,
                CmpOp::Gt => x.s > y.s,
                _ => x.s >= y.s,
            };
            return Ok(Value::bool(r));
        }
        if self.has_user_meta(a) || self.has_user_meta(b) {
            let (name, rname) = match op {
                CmpOp::Lt => ("__lt__", "__gt__"),
                CmpOp::Le => ("__le__", "__ge__"),
                CmpOp::Gt => ("__gt__", "__lt__"),
                CmpOp::Ge => ("__ge__", "__le__"),
                CmpOp::Eq => ("__eq__", "__eq__"),
                _ => ("__ne__", "__ne__"),
            };
            if let Some(r) = self.meta_binary(name, rname, a, b)? {
                return Ok(r);
            }
        }
        let a_user = matches!(a.data(), Some(ObjData::Instance(_)));
        let b_user = matches!(b.data(), Some(ObjData::Instance(_)));
        if a_user && b_user && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            if let (Some((ox, ax)), Some((oy, ay))) =
                (generic_alias_parts(self, a), generic_alias_parts(self, b))
            {
                let same = ox.is(&oy) && self.seq_eq(&ax, &ay)?;
                return Ok(Value::bool(same == (op == CmpOp::Eq)));
            }
            if let (Some(x), Some(y)) = (union_args(self, a), union_args(self, b)) {
                let same = x.len() == y.len() && x.iter().all(|m| y.iter().any(|n| n.is(m)));
                return Ok(Value::bool(same == (op == CmpOp::Eq)));
            }
        }
        if a_user || b_user {
            let (name, rname) = match op {
                CmpOp::Lt => ("__lt__", "__gt__"),
                CmpOp::Le => ("__le__", "__ge__"),
                CmpOp::Gt => ("__gt__", "__lt__"),
                CmpOp::Ge => ("__ge__", "__le__"),
                CmpOp::Eq => ("__eq__", "__eq__"),
                _ => ("__ne__", "__ne__"),
            };
            if let Some((x, y)) = self.plain_pair(a, b, &[name, rname], &[rname, name]) {
                return self.compare(op, &x, &y);
            }
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            let b_first = b_user && !ta.is(&tb) && self.is_subclass(&tb, &ta);
            let order: [(&Value, &Value, &str); 2] = if b_first {
                [(b, a, rname), (a, b, name)]
            } else {
                [(a, b, name), (b, a, rname)]
            };
            for (x, y, n) in order {
                if matches!(x.data(), Some(ObjData::Instance(_))) {
                    let f = self
                        .lookup_special(x, n)
                        .filter(|f| !matches!(f.data(), Some(ObjData::Builtin(_))));
                    if let Some(f) = f {
                        let r = self.call_dunder(&f, x, vec![y.clone()])?;
                        if !r.is(&Value::NOT_IMPLEMENTED) {
                            return Ok(r);
                        }
                    } else if op == CmpOp::Ne {
                        // The default __ne__ (object's) inverts __eq__, for either
                        // operand in its turn.
                        if let Some(f) = self.lookup_special(x, "__eq__") {
                            if !matches!(f.data(), Some(ObjData::Builtin(_))) {
                                let r = self.call_dunder(&f, x, vec![y.clone()])?;
                                if !r.is(&Value::NOT_IMPLEMENTED) {
                                    return Ok(Value::bool(!self.truthy(&r)?));
                                }
                            }
                        }
                    }
                }
            }
            // The built-in comparison of subclass instances' values (the inherited
            // slot, tried after the user's methods declined).
            if let Some((x, y)) = self.plain_pair(a, b, &[], &[]) {
                if !matches!(x.data(), Some(ObjData::Instance(_)))
                    && !matches!(y.data(), Some(ObjData::Instance(_)))
                {
                    let r = self.builtin_compare(op, &x, &y)?;
                    if !r.is(&Value::NOT_IMPLEMENTED) {
                        return Ok(r);
                    }
                }
            }
        } else {
            let r = self.builtin_compare(op, a, b)?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(&format!(
                    "'{}' not supported between instances of '{ta}' and '{tb}'",
                    op.symbol()
                )))
            }
        }
    }

    /// A lethe class hook standing in for a metaclass method (`__class_iter__`,
    /// `__class_len__`, `__class_contains__`; `lib/enum.py` uses them for iteration,
    /// `len()` and `in` on enum classes): the function to call with the class first.
    fn class_hook(&mut self, cls: &Value, name: &str) -> Option<Value> {
        // The metaclass's own special method comes first.
        let dunder = match name {
            "__class_len__" => "__len__",
            "__class_iter__" => "__iter__",
            _ => "__contains__",
        };
        if let Some(f) = self.meta_method(cls, dunder) {
            return Some(f);
        }
        let n = self.intern(name);
        let f = self.lookup_mro(cls, &n)?;
        match f.data() {
            Some(ObjData::ClassMethod(inner)) => Some(inner.clone()),
            _ => Some(f),
        }
    }

    /// Every element of `a` is `in` `b` (set-like comparisons of dict views).
    fn all_contained_in(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        for x in self.collect(a)? {
            if !self.contains(b, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(x) = self.plain_base(container, &["__contains__", "__iter__", "__getitem__"]) {
            return self.contains(&x, item);
        }
        match container.data() {
            Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) => {
                crate::builtins::bytes_methods::contains(self, container, item)
            }
            Some(ObjData::Str(s)) => match item.data() {
                Some(ObjData::Str(sub)) => Ok(s.s.contains(&*sub.s)),
                Some(ObjData::Instance(i)) if matches!(i.base().data(), Some(ObjData::Str(_))) => {
                    let b = i.base().clone();
                    self.contains(container, &b)
                }
                _ => {
                    let tn = self.type_name(item);
                    Err(self.type_error(&format!(
                        "'in <string>' requires string as left operand, not {tn}"
                    )))
                }
            },
            Some(ObjData::List(l)) => {
                let mut i = 0;
                loop {
                    let x = match l.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Some(ObjData::Tuple(t)) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(ObjData::Dict(d)) | Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => {
                let h = self.hash(item)?;
                Ok(self.table_find(d, item, h)?.is_some())
            }
            Some(ObjData::BigRange(b)) if is_int(item) => {
                let x = as_bigint(item).unwrap_or_default();
                Ok(crate::bigrange::position(&b[0], &b[1], &b[2], &x).is_some())
            }
            Some(ObjData::Range { start, stop, step }) => {
                if let Some(i) = as_i64(item).filter(|_| is_int(item)) {
                    let (start, stop, step) = (*start, *stop, *step);
                    let inr = if step > 0 {
                        i >= start && i < stop
                    } else {
                        i <= start && i > stop
                    };
                    return Ok(inr && (i - start) % step == 0);
                }
                let items = self.collect(container)?;
                for x in items {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(ObjData::DictView(b)) if b.1 == DictIterKind::Keys => {
                let d = b.0.clone();
                self.contains(&d, item)
            }
            Some(ObjData::Type(_))
                if self.class_hook(container, "__class_contains__").is_some() =>
            {
                let f = self
                    .class_hook(container, "__class_contains__")
                    .unwrap_or(Value::NONE);
                let r = self.call(&f, vec![container.clone(), item.clone()])?;
                self.truthy(&r)
            }
            Some(ObjData::Instance(_)) => {
                if let Some(f) = self.lookup_special(container, "__contains__") {
                    let r = self.call_dunder(&f, container, vec![item.clone()])?;
                    return self.truthy(&r);
                }
                let it = match self.iter(container) {
                    Ok(it) => it,
                    Err(e) if self.isinstance(&e, &self.t.exc["TypeError"].clone()) => {
                        let tn = self.type_name(container);
                        return Err(
                            self.type_error(&format!("argument of type '{tn}' is not iterable"))
                        );
                    }
                    Err(e) => return Err(e),
                };
                while let Some(x) = self.next(&it)? {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let it = match self.iter(container) {
                    Ok(it) => it,
                    Err(_) => {
                        let tn = self.type_name(container);
                        return Err(
                            self.type_error(&format!("argument of type '{tn}' is not iterable"))
                        );
                    }
                };
                while let Some(x) = self.next(&it)? {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(x) = self.plain_base(v, &["__len__"]) {
            return self.len(&x);
        }
        match v.data() {
            Some(ObjData::Str(s)) => Ok(s.nchars),
            Some(ObjData::List(l)) => Ok(l.borrow().len()),
            Some(ObjData::Tuple(t)) => Ok(t.len()),
            Some(ObjData::Dict(d)) | Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => {
                Ok(d.borrow().len)
            }
            Some(ObjData::Bytes(b)) => Ok(b.len()),
            Some(ObjData::ByteArray(b)) => Ok(b.borrow().len()),
            Some(ObjData::Range { start, stop, step }) => Ok(range_len(*start, *stop, *step)),
            Some(ObjData::BigRange(b)) => crate::bigrange::len_usize(self, b),
            Some(ObjData::DictView(b)) => {
                let d = b.0.clone();
                self.len(&d)
            }
            Some(ObjData::Type(_)) if self.class_hook(v, "__class_len__").is_some() => {
                let f = self.class_hook(v, "__class_len__").unwrap_or(Value::NONE);
                let r = self.call(&f, vec![v.clone()])?;
                Ok(as_i64(&r).unwrap_or(0).max(0) as usize)
            }
            Some(ObjData::Instance(_)) => {
                if let Some(d) = crate::deque::plain(self, v) {
                    return Ok(d.items.borrow().len());
                }
                if let Some(f) = self.lookup_special(v, "__len__") {
                    let r = self.call_dunder(&f, v, vec![])?;
                    if let (true, Some(IntRef::Big(b))) = (is_int(&r), int_ref(&r)) {
                        return Err(if b.sign() == num_bigint::Sign::Minus {
                            self.value_error("__len__() should return >= 0")
                        } else {
                            self.overflow_error("cannot fit 'int' into an index-sized integer")
                        });
                    }
                    return match as_i64(&r).filter(|_| is_int(&r)) {
                        Some(n) if n >= 0 => Ok(n as usize),
                        Some(_) => Err(self.value_error("__len__() should return >= 0")),
                        None => {
                            let tn = self.type_name(&r);
                            Err(self.type_error(&format!(
                                "'{tn}' object cannot be interpreted as an integer"
                            )))
                        }
                    };
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!("object of type '{tn}' has no len()")))
            }
            _ => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("object of type '{tn}' has no len()")))
            }
        }
    }

    /// Normalise a sequence index (negative from the end); IndexError when out of range.
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        if int_ref(key).is_none() && matches!(key.data(), Some(ObjData::Instance(_))) {
            if let Some(f) = self.lookup_special(key, "__index__") {
                let r = self.call_dunder(&f, key, vec![])?;
                if int_ref(&r).is_none() {
                    let tn = self.type_name(&r);
                    return Err(self.type_error(&format!("__index__ returned non-int (type {tn})")));
                }
                return self.seq_index(&r, len, what);
            }
        }
        let Some(i) = int_ref(key) else {
            let tn = self.type_name(key);
            if what == "string" {
                return Err(
                    self.type_error(&format!("string indices must be integers, not '{tn}'"))
                );
            }
            let kind = what
                .trim_end_matches(" assignment")
                .trim_end_matches(" object");
            return Err(self.type_error(&format!(
                "{kind} indices must be integers or slices, not {tn}"
            )));
        };
        let i = match i {
            IntRef::Small(i) => i,
            IntRef::Big(_) => {
                return Err(self.index_error("cannot fit 'int' into an index-sized integer"))
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.index_error(&format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// Resolve a slice against a length: (start, stop, step, count).
    pub fn slice_indices(&mut self, s: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let Some(ObjData::Slice(parts)) = s.data() else {
            return Err(self.type_error("expected slice"));
        };
        let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            match int_ref(v) {
                Some(IntRef::Small(i)) => Ok(Some(i)),
                Some(IntRef::Big(b)) => Ok(Some(if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                None => {
                    if let Some(f) = vm.lookup_special(v, "__index__") {
                        let r = vm.call_dunder(&f, v, vec![])?;
                        return Ok(as_i64(&r));
                    }
                    Err(vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ))
                }
            }
        };
        let step = get(self, &parts[2])?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let norm = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(i) => {
                    let i = if i < 0 { i + len } else { i };
                    i.clamp(lo, hi)
                }
            }
        };
        let start = norm(get(self, &parts[0])?, if step > 0 { lo } else { hi });
        let stop = norm(get(self, &parts[1])?, if step > 0 { hi } else { lo });
        let count = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Some(x) = self.plain_base(obj, &["__getitem__"]) {
            if let Some(ObjData::Dict(d)) = x.data() {
                // dict subclasses: __missing__ for absent keys.
                if let Some(v) = self.table_get(d, key)? {
                    return Ok(v);
                }
                if let Some(m) = self.lookup_special(obj, "__missing__") {
                    return self.call_dunder(&m, obj, vec![key.clone()]);
                }
            }
            return self.getitem(&x, key);
        }
        match obj.data() {
            Some(ObjData::List(l)) => {
                if let Some(i) = key.as_small_int() {
                    let l = l.borrow();
                    let j = if i < 0 { i + l.len() as i64 } else { i };
                    if j >= 0 && (j as usize) < l.len() {
                        return Ok(l[j as usize].clone());
                    }
                    drop(l);
                    return Err(self.index_error("list index out of range"));
                }
                if matches!(key.data(), Some(ObjData::Slice(_))) {
                    let len = l.borrow().len();
                    let (start, _, step, n) = self.slice_indices(key, len)?;
                    let l = l.borrow();
                    let v: Vec<Value> = (0..n)
                        .map(|k| l[(start + k as i64 * step) as usize].clone())
                        .collect();
                    drop(l);
                    return Ok(self.new_list(v));
                }
                let len = l.borrow().len();
                let i = self.seq_index(key, len, "list")?;
                let v = l.borrow()[i].clone();
                Ok(v)
            }
            Some(ObjData::Tuple(t)) => {
                if matches!(key.data(), Some(ObjData::Slice(_))) {
                    let (start, _, step, n) = self.slice_indices(key, t.len())?;
                    let v: Vec<Value> = (0..n)
                        .map(|k| t[(start + k as i64 * step) as usize].clone())
                        .collect();
                    return Ok(self.new_tuple(v));
                }
                let i = self.seq_index(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Some(ObjData::Str(_)) => crate::methods::str_getitem(self, obj, key),
            Some(ObjData::Dict(d)) => match self.table_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Some(ObjData::BigRange(b)) => crate::bigrange::getitem(self, b, key),
            Some(ObjData::Range { start, stop, step }) => {
                let (start, stop, step) = (*start, *stop, *step);
                let len = range_len(start, stop, step);
                if matches!(key.data(), Some(ObjData::Slice(_))) {
                    let (s, e, st, _) = self.slice_indices(key, len)?;
                    let nstart = start + s * step;
                    let nstep = step * st;
                    let nstop = start + e * step;
                    return Ok(Value::new_obj(ObjData::Range {
                        start: nstart,
                        stop: nstop,
                        step: nstep,
                    }));
                }
                let i = self.seq_index(key, len, "range object")?;
                Ok(self.new_int(start + i as i64 * step))
            }
            Some(ObjData::Bytes(_) | ObjData::ByteArray(_)) => {
                crate::builtins::bytes_methods::getitem(self, obj, key)
            }
            Some(ObjData::Instance(_)) => {
                if let Some(d) = crate::deque::plain(self, obj) {
                    return crate::deque::getitem(self, d, key);
                }
                if let Some(f) = self.lookup_special(obj, "__getitem__") {
                    return self.call_dunder(&f, obj, vec![key.clone()]);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
            }
            Some(ObjData::Type(_)) => {
                if let Some(r) = self.call_meta(obj, "__getitem__", vec![key.clone()]) {
                    return r;
                }
                // Generic aliases like list[int] in annotations evaluate to the class.
                if let Some(f) = {
                    let n = self.intern("__class_getitem__");
                    self.lookup_mro(obj, &n)
                } {
                    let f = match f.data() {
                        Some(ObjData::ClassMethod(inner)) => inner.clone(),
                        _ => f,
                    };
                    return self.call(&f, vec![obj.clone(), key.clone()]);
                }
                // list[int], dict[str, int], ...: a types.GenericAlias.
                Ok(make_generic_alias(self, obj, key))
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    pub fn setitem(&mut self, obj: &Value, key: &Value, val: Value) -> PyResult<()> {
        if let Some(x) = self.plain_base(obj, &["__setitem__"]) {
            return self.setitem(&x, key, val);
        }
        match obj.data() {
            Some(ObjData::List(l)) => {
                if matches!(key.data(), Some(ObjData::Slice(_))) {
                    return crate::methods::list_set_slice(self, obj, key, val);
                }
                let len = l.borrow().len();
                let i = self.seq_index(key, len, "list assignment")?;
                let old = std::mem::replace(&mut l.borrow_mut()[i], val);
                drop(old);
                Ok(())
            }
            Some(ObjData::Dict(d)) => self.table_set(d, key.clone(), val),
            Some(ObjData::ByteArray(_)) => {
                crate::builtins::bytes_methods::setitem(self, obj, key, val)
            }
            Some(ObjData::Instance(_)) => {
                if let Some(f) = self.lookup_special(obj, "__setitem__") {
                    self.call_dunder(&f, obj, vec![key.clone(), val])?;
                    return Ok(());
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if let Some(x) = self.plain_base(obj, &["__delitem__"]) {
            return self.delitem(&x, key);
        }
        match obj.data() {
            Some(ObjData::List(l)) => {
                if matches!(key.data(), Some(ObjData::Slice(_))) {
                    let len = l.borrow().len();
                    let (start, _, step, n) = self.slice_indices(key, len)?;
                    let mut idx: Vec<usize> =
                        (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                    idx.sort_unstable();
                    let mut l = l.borrow_mut();
                    let mut removed = Vec::new();
                    for &i in idx.iter().rev() {
                        removed.push(l.remove(i));
                    }
                    drop(l);
                    drop(removed);
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.seq_index(key, len, "list assignment")?;
                let old = l.borrow_mut().remove(i);
                drop(old);
                Ok(())
            }
            Some(ObjData::ByteArray(_)) => crate::builtins::bytes_methods::delitem(self, obj, key),
            Some(ObjData::Dict(d)) => match self.table_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Some(ObjData::Instance(_)) => {
                if let Some(f) = self.lookup_special(obj, "__delitem__") {
                    self.call_dunder(&f, obj, vec![key.clone()])?;
                    return Ok(());
                }
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(x) = self.plain_base(v, &["__iter__"]) {
            return self.iter(&x);
        }
        let st = match v.data() {
            Some(ObjData::List(_))
            | Some(ObjData::Tuple(_))
            | Some(ObjData::Bytes(_))
            | Some(ObjData::ByteArray(_)) => IterState::Seq {
                seq: v.clone(),
                idx: 0,
            },
            Some(ObjData::Str(_)) => IterState::Str {
                s: v.clone(),
                byte: 0,
            },
            Some(ObjData::BigRange(b)) => crate::bigrange::iter(b, false),
            Some(ObjData::Range { start, stop, step }) => IterState::Range {
                cur: *start,
                stop: *stop,
                step: *step,
            },
            Some(ObjData::Dict(d)) => IterState::Dict {
                dict: v.clone(),
                idx: 0,
                kind: DictIterKind::Keys,
                len: d.borrow().len,
            },
            Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => {
                d.borrow_mut().set_slot_order();
                IterState::Dict {
                    dict: v.clone(),
                    idx: 0,
                    kind: DictIterKind::Keys,
                    len: d.borrow().len,
                }
            }
            Some(ObjData::DictView(b)) => {
                let len = self.len(&b.0)?;
                IterState::Dict {
                    dict: b.0.clone(),
                    idx: 0,
                    kind: b.1,
                    len,
                }
            }
            Some(ObjData::Iter(_)) | Some(ObjData::Gen(_)) => return Ok(v.clone()),
            Some(ObjData::Type(_)) if self.class_hook(v, "__class_iter__").is_some() => {
                let f = self.class_hook(v, "__class_iter__").unwrap_or(Value::NONE);
                let r = self.call(&f, vec![v.clone()])?;
                return self.iter(&r);
            }
            Some(ObjData::Instance(_)) => {
                if let Some(f) = self.lookup_special(v, "__iter__") {
                    if f.is_none() {
                        // `__iter__ = None` declares the class not iterable.
                        let tn = self.type_name(v);
                        return Err(self.type_error(&format!("'{tn}' object is not iterable")));
                    }
                    let r = self.call_dunder(&f, v, vec![])?;
                    if self.lookup_special(&r, "__next__").is_none()
                        && !matches!(r.data(), Some(ObjData::Iter(_) | ObjData::Gen(_)))
                    {
                        let tn = self.type_name(&r);
                        return Err(self
                            .type_error(&format!("iter() returned non-iterator of type '{tn}'")));
                    }
                    return Ok(r);
                }
                if self.lookup_special(v, "__getitem__").is_some() {
                    IterState::Seq {
                        seq: v.clone(),
                        idx: 0,
                    }
                } else {
                    let tn = self.type_name(v);
                    return Err(self.type_error(&format!("'{tn}' object is not iterable")));
                }
            }
            _ => {
                let tn = self.type_name(v);
                return Err(self.type_error(&format!("'{tn}' object is not iterable")));
            }
        };
        Ok(Value::new_obj(ObjData::Iter(Box::new(
            std::cell::RefCell::new(st),
        ))))
    }

    /// `next(it)`: Ok(None) when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.data() {
            Some(ObjData::Iter(st)) => crate::interp::iter_next(self, it, st),
            Some(ObjData::Gen(_)) => self.gen_next(it),
            Some(ObjData::Instance(_)) => {
                if let Some(r) = crate::deque::next(self, it) {
                    return r;
                }
                let Some(f) = self.lookup_special(it, "__next__") else {
                    let tn = self.type_name(it);
                    return Err(self.type_error(&format!("'{tn}' object is not an iterator")));
                };
                match self.call_dunder(&f, it, vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if self.isinstance(&e, &self.t.exc["StopIteration"].clone()) {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
            _ => {
                let tn = self.type_name(it);
                Err(self.type_error(&format!("'{tn}' object is not an iterator")))
            }
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v.data() {
            Some(ObjData::List(l)) => return Ok(l.borrow().clone()),
            Some(ObjData::Tuple(t)) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ---- repr / str ----

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if let Some(i) = v.as_small_int() {
            return Ok(i.to_string());
        }
        if let Some(f) = v.as_float() {
            return Ok(lethe_format::float_repr(f));
        }
        if v.is_none() {
            return Ok("None".into());
        }
        if v.is_bool() {
            return Ok(if v.is_true_const() { "True" } else { "False" }.into());
        }
        if v.is(&Value::NOT_IMPLEMENTED) {
            return Ok("NotImplemented".into());
        }
        if v.is(&Value::ELLIPSIS) {
            return Ok("Ellipsis".into());
        }
        if v.is_unbound() {
            return Ok("<unbound>".into());
        }
        crate::methods::repr_obj(self, v)
    }

    /// `str()` through a user `__str__` (or the `__repr__` `object.__str__`
    /// calls): its result, which must be a str (the message names `__str__`).
    fn str_returned(&mut self, f: &Value, v: &Value) -> PyResult<String> {
        let r = self.call_dunder(f, v, vec![])?;
        match r.data() {
            Some(ObjData::Str(s)) => Ok(s.s.to_string()),
            _ => {
                let tn = self.type_name(&r);
                Err(self.type_error(&format!("__str__ returned non-string (type {tn})")))
            }
        }
    }

    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        if self.has_user_meta(v) {
            if let Some(r) = self.call_meta(v, "__str__", vec![]) {
                let r = r?;
                return match r.data() {
                    Some(ObjData::Str(s)) => Ok(s.s.to_string()),
                    _ => {
                        let tn = self.type_name(&r);
                        Err(self.type_error(&format!("__str__ returned non-string (type {tn})")))
                    }
                };
            }
        }
        match v.data() {
            Some(ObjData::Str(s)) => Ok(s.s.to_string()),
            Some(ObjData::Instance(i)) => {
                if let Some(x) = self.plain_base(v, &["__str__"]) {
                    if matches!(x.data(), Some(ObjData::Str(_)))
                        || self.plain_base(v, &["__repr__"]).is_some()
                    {
                        return self.str(&x);
                    }
                }
                if let Some(f) = self.lookup_special(v, "__str__") {
                    if !matches!(f.data(), Some(ObjData::Builtin(_))) {
                        return self.str_returned(&f, v);
                    }
                }
                if i.exc().is_some()
                    && self
                        .lookup_special(v, "__repr__")
                        .map(|f| matches!(f.data(), Some(ObjData::Builtin(_))))
                        .unwrap_or(true)
                {
                    return self.exc_str(v);
                }
                // object.__str__ calls the class's __repr__ and str() checks what it
                // returned (so the message names __str__).
                if let Some(f) = self.lookup_special(v, "__repr__") {
                    if matches!(f.data(), Some(ObjData::Func(_))) {
                        return self.str_returned(&f, v);
                    }
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if matches!(v.data(), Some(ObjData::Str(_))) {
            return Ok(v.clone());
        }
        let s = self.str(v)?;
        Ok(self.new_string(s))
    }
}

fn unreachable_not() -> &'static str {
    "__not__"
}

pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && stop > start {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

fn num_as_f64_cmp(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    match int_ref(v)? {
        IntRef::Small(i) if i.unsigned_abs() < (1 << 53) => Some(i as f64),
        _ => None,
    }
}

fn big_float_cmp(f: f64, b: &BigInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = f.floor();
    let fb = BigInt::from_f64_exact(fl)?;
    match fb.cmp(b) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

trait FromF64Exact: Sized {
    fn from_f64_exact(f: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(f)
    }
}

/// `x / y` for ints, correctly rounded (CPython's `long_true_divide`): None when
/// the result is too large for a float. `y` is not zero.
fn int_true_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    // Both exact as floats (at most 53 bits; the conversion itself must not
    // round): one rounding, in the division itself.
    if x.bits() <= 53 && y.bits() <= 53 {
        if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
            return Some(a / b);
        }
    }
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    let signed = |r: f64| if neg { -r } else { r };
    if a.is_zero() {
        return Some(signed(0.0));
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT - 1 {
        return Some(signed(0.0));
    }
    // x = a / b * 2**-shift, with 2 or 3 bits beyond the precision of the result
    // (fewer when it is subnormal); `inexact` remembers every bit dropped.
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let num = if shift <= 0 {
        a << (-shift) as usize
    } else {
        let mask = (BigInt::one() << shift as usize) - 1u32;
        inexact = !(&a & &mask).is_zero();
        a >> shift as usize
    };
    let (mut q, r) = num.div_rem(&b);
    inexact |= !r.is_zero();
    let q_bits = q.bits() as i64;
    let extra = q_bits.max(MIN_EXP - shift) - MANT;
    // Round half to even on the low `extra` bits.
    let mask = 1u64 << (extra - 1);
    let low = (&q & BigInt::from(0xFFFFu32)).to_u64().unwrap_or(0) | inexact as u64;
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        q += mask;
    }
    q = (q >> extra as usize) << extra as usize;
    let dx = q.to_f64()?;
    if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || dx == 2f64.powi(q_bits as i32)) {
        return None;
    }
    // dx * 2**shift is exact: scale in steps that stay normal until the last.
    let mut r = dx;
    let mut k = shift;
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        r *= 2f64.powi(step as i32);
        k -= step;
    }
    if r.is_infinite() {
        return None;
    }
    Some(signed(r))
}

/// A `dict_keys` or `dict_items` view.
fn is_set_like_view(v: &Value) -> bool {
    matches!(v.data(), Some(ObjData::DictView(b)) if b.1 != DictIterKind::Values)
}

/// What dict views compare with as sets: set, frozenset, dict_keys, dict_items.
fn is_set_like(v: &Value) -> bool {
    is_set_like_view(v) || matches!(v.data(), Some(ObjData::Set(_) | ObjData::FrozenSet(_)))
}

/// `types.GenericAlias(origin, args)` (`list[int]`).
pub fn make_generic_alias(vm: &mut Vm, origin: &Value, key: &Value) -> Value {
    let args = match key.data() {
        Some(ObjData::Tuple(_)) => key.clone(),
        _ => vm.new_tuple(vec![key.clone()]),
    };
    let ga = vm.t.named("GenericAlias");
    let v = vm.new_instance(&ga);
    let (ko, ka) = (vm.intern("__origin__"), vm.intern("__args__"));
    if let Some(ObjData::Instance(i)) = v.data() {
        i.set(&ko, origin.clone());
        i.set(&ka, args);
    }
    v
}

/// An instance of one of the named native types (cheap pre-check before the
/// UnionType/GenericAlias lookups, which user instances never are).
fn native_instance(v: &Value) -> bool {
    match v.data() {
        Some(ObjData::Instance(i)) => crate::types::type_obj(&i.class).is_some_and(|t| t.builtin),
        _ => false,
    }
}

/// (`__origin__`, `__args__`) of a `types.GenericAlias`.
pub fn generic_alias_parts(vm: &mut Vm, v: &Value) -> Option<(Value, Vec<Value>)> {
    if !native_instance(v) {
        return None;
    }
    let ga = vm.t.named("GenericAlias");
    if !vm.type_of(v).is(&ga) {
        return None;
    }
    let (ko, ka) = (vm.intern("__origin__"), vm.intern("__args__"));
    let Some(ObjData::Instance(i)) = v.data() else {
        return None;
    };
    let origin = i.get(&ko)?;
    let args = match i.get(&ka)?.data() {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => return None,
    };
    Some((origin, args))
}

/// The members of a `types.UnionType` (`int | None`), None for anything else.
pub fn union_args(vm: &mut Vm, v: &Value) -> Option<Vec<Value>> {
    if !native_instance(v) {
        return None;
    }
    let ut = vm.t.named("UnionType");
    if !vm.type_of(v).is(&ut) {
        return None;
    }
    let k = vm.intern("__args__");
    match v.data() {
        Some(ObjData::Instance(i)) => match i.get(&k) {
            Some(t) => match t.data() {
                Some(ObjData::Tuple(items)) => Some(items.to_vec()),
                _ => None,
            },
            None => None,
        },
        _ => None,
    }
}

/// `a | b` for types (PEP 604): a `types.UnionType` of the flattened, de-duplicated
/// members (None stands for `NoneType`), or None when an operand is not a type.
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> Option<Value> {
    // `None | None` is no union: one side must be a type (or union, or alias).
    if a.is_none() && b.is_none() {
        return None;
    }
    let mut members: Vec<Value> = Vec::new();
    for v in [a, b] {
        if let Some(args) = union_args(vm, v) {
            members.extend(args);
        } else if v.is_none() {
            members.push(vm.t.none_type.clone());
        } else if crate::types::type_obj(v).is_some() || generic_alias_parts(vm, v).is_some() {
            members.push(v.clone());
        } else {
            return None;
        }
    }
    let mut uniq: Vec<Value> = Vec::new();
    for m in members {
        if !uniq.iter().any(|u| u.is(&m)) {
            uniq.push(m);
        }
    }
    if uniq.len() == 1 {
        return uniq.pop();
    }
    let ut = vm.t.named("UnionType");
    let u = vm.new_instance(&ut);
    let args = vm.new_tuple(uniq);
    let k = vm.intern("__args__");
    if let Some(ObjData::Instance(i)) = u.data() {
        i.set(&k, args);
    }
    Some(u)
}

/// A built-in sequence that `*` repeats (str, list, tuple, bytes, bytearray).
fn is_sequence(v: &Value) -> bool {
    matches!(
        v.data(),
        Some(
            ObjData::Str(_)
                | ObjData::List(_)
                | ObjData::Tuple(_)
                | ObjData::Bytes(_)
                | ObjData::ByteArray(_)
        )
    )
}

/// `divmod(x, y)` for a non-negative `x` and a positive `y` of at least two digits
/// whose quotient fits 60 bits (`10 * (3 * q + r) // t` in a spigot): the quotient
/// is estimated from the leading 64 bits of `y`, then corrected by at most a few
/// additions, in time linear in the size of `x`. None: not such a case.
fn divmod_small_quotient(x: &BigInt, y: &BigInt) -> Option<(u64, BigInt)> {
    use num_bigint::Sign;
    if x.sign() == Sign::Minus || y.sign() != Sign::Plus {
        return None;
    }
    let (xb, yb) = (x.bits(), y.bits());
    if yb < 128 {
        return None;
    }
    if xb < yb {
        return Some((0, x.clone()));
    }
    if xb - yb > 60 {
        return None;
    }
    let s = yb - 64;
    let xt = (x >> s).to_u128()?;
    let yt = (y >> s).to_u128()?;
    // x / y lies within (xt / (yt + 1), (xt + 1) / yt), an interval narrower than 2
    // as yt >= 2**63: the estimate is off by at most one either way.
    let mut q = (xt / yt) as u64;
    let mut r = x - y * q;
    while r.sign() == Sign::Minus {
        q -= 1;
        r += y;
    }
    while &r >= y {
        q += 1;
        r -= y;
    }
    Some((q, r))
}

#[cfg(test)]
mod divmod_tests {
    use super::divmod_small_quotient;
    use num_bigint::BigInt;
    use num_integer::Integer;

    /// Deterministic big numbers of `digits` 64-bit digits.
    fn big(seed: &mut u64, digits: usize) -> BigInt {
        let mut v = BigInt::from(0u8);
        for _ in 0..digits {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            v = (v << 64) + BigInt::from(*seed);
        }
        v
    }

    #[test]
    fn small_quotient_division_matches_long_division() {
        let mut seed = 7u64;
        let mut fast = 0;
        for case in 0..4000 {
            let yd = 2 + case % 6;
            let y = big(&mut seed, yd) + 1;
            // Quotients from 0 to 2**60 and around exact multiples.
            let q0 = big(&mut seed, 1) >> (4 + case % 61);
            let extra = match case % 4 {
                0 => BigInt::from(0),
                1 => &y - 1,
                2 => BigInt::from(1),
                _ => big(&mut seed, yd) % &y,
            };
            let x: BigInt = &y * &q0 + extra;
            let want = x.div_mod_floor(&y);
            if let Some((q, r)) = divmod_small_quotient(&x, &y) {
                fast += 1;
                assert_eq!((BigInt::from(q), r), want, "x={x} y={y}");
            }
        }
        assert!(fast > 3000, "the fast path ran {fast} times");
        // Outside its range it declines.
        let y = big(&mut seed, 3);
        assert!(divmod_small_quotient(&(-&y * 3), &y).is_none());
        assert!(divmod_small_quotient(&(&y << 100), &y).is_none());
        assert!(divmod_small_quotient(&y, &BigInt::from(12345)).is_none());
    }
}
