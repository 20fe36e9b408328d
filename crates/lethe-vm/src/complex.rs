//! The `complex` type: arithmetic as CPython 3.11's `complexobject.c` does it (the
//! same algorithms, so the same last bits), construction from numbers and strings,
//! hashing, comparison and the type's methods.

use crate::object::ObjData;
use crate::ops::{as_f64, is_int};
use crate::{Args, PyResult, Value, Vm};
use lethe_compiler::bytecode::{BinOp, CmpOp};

/// A complex value as its two parts.
pub type C = (f64, f64);

pub fn new(re: f64, im: f64) -> Value {
    Value::new_obj(ObjData::Complex(re, im))
}

/// The parts of a complex value (not of ints or floats).
pub fn parts(v: &Value) -> Option<C> {
    match v.data() {
        Some(ObjData::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    }
}

pub fn is_complex(v: &Value) -> bool {
    matches!(v.data(), Some(ObjData::Complex(..)))
}

/// An int, bool, float or complex operand as a complex; None for other types.
fn coerce(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(c) = parts(v) {
        return Ok(Some(c));
    }
    if let Some(f) = v.as_float() {
        return Ok(Some((f, 0.0)));
    }
    if is_int(v) {
        return match as_f64(v) {
            Some(f) => Ok(Some((f, 0.0))),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    Ok(None)
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; None when dividing by zero.
pub fn quot(a: C, b: C) -> Option<C> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `_Py_c_pow`; None for zero to a negative or complex power.
fn c_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask = mask.wrapping_shl(1);
        p = prod(p, p);
    }
    r
}

fn c_powi(x: C, n: i64) -> Option<C> {
    if !(-100..=100).contains(&n) {
        c_pow(x, (n as f64, 0.0))
    } else if n > 0 {
        Some(c_powu(x, n))
    } else {
        quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// `complex_pow` (two arguments).
pub fn pow(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    let int_exponent = b.0 as i64;
    let p = if b.1 == 0.0 && b.0 == int_exponent as f64 {
        c_powi(a, int_exponent)
    } else {
        c_pow(a, b)
    };
    let Some(p) = p else {
        return Err(vm.zero_div("0.0 to a negative or complex power"));
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(new(p.0, p.1))
}

/// A binary operator with a complex operand (the other an int, float or complex);
/// None when the types do not support it (NotImplemented).
pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (coerce(vm, a)?, coerce(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => prod(x, y),
        BinOp::TrueDiv => match quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_div("complex division by zero")),
        },
        _ => return pow(vm, x, y).map(Some),
    };
    Ok(Some(new(r.0, r.1)))
}

/// `abs(z)`.
pub fn abs(vm: &mut Vm, z: C) -> PyResult<Value> {
    let r = if z.0.is_infinite() || z.1.is_infinite() {
        f64::INFINITY
    } else if z.0.is_nan() || z.1.is_nan() {
        f64::NAN
    } else {
        let h = z.0.hypot(z.1);
        if h.is_infinite() {
            return Err(vm.overflow_error("absolute value too large"));
        }
        h
    };
    Ok(Value::float(r))
}

/// CPython's hash of a complex number.
pub fn hash(z: C) -> i64 {
    let hr = crate::ops::hash_f64(z.0) as u64;
    let hi = crate::ops::hash_f64(z.1) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `==`/`!=` with a complex operand; None when the other is not a number
/// (NotImplemented) or for the orderings (complex numbers are not ordered).
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(None);
    }
    let eq = match (parts(a), parts(b)) {
        (Some(x), Some(y)) => x.0 == y.0 && x.1 == y.1,
        (Some(z), None) | (None, Some(z)) => {
            let other = if parts(a).is_some() { b } else { a };
            if !(other.is_float() || is_int(other)) {
                return Ok(None);
            }
            if z.1 != 0.0 {
                false
            } else {
                // The real part against an int compares exactly (as float == int).
                let r = vm.compare(CmpOp::Eq, &Value::float(z.0), other)?;
                r.is_true_const()
            }
        }
        (None, None) => return Ok(None),
    };
    Ok(Some(eq == (op == CmpOp::Eq)))
}

/// `complex.__repr__`.
pub fn repr(z: C) -> String {
    lethe_format::complex_repr(z.0, z.1)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Length of the longest prefix of `s` that `PyOS_string_to_double` accepts, and
/// its value.
fn float_prefix(s: &str) -> Option<(usize, f64)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let rest = &s[i..];
    let lower: String = rest
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            let end = i + word.len();
            let neg = b[0] == b'-';
            let v = if word == "nan" {
                f64::NAN
            } else if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            return Some((end, v));
        }
    }
    let start_digits = i;
    let mut ndig = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        ndig += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            ndig += 1;
        }
    }
    if ndig == 0 {
        let _ = start_digits;
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let ds = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > ds {
            i = j;
        }
    }
    let text = &s[..i];
    let v: f64 = text.parse().ok()?;
    Some((i, v))
}

/// Remove the underscores of a numeric string when each sits between two digits
/// (`_Py_string_to_number_with_underscores`); None when one does not.
fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in cs.iter().enumerate() {
        if c == '_' {
            let prev_ok = i > 0 && cs[i - 1].is_ascii_digit();
            let next_ok = cs.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(prev_ok && next_ok) {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `complex(s)` for a string (`complex_subtype_from_string`); Err(true) when an
/// underscore is misplaced (CPython words that error differently).
pub fn parse(s: &str) -> Result<C, bool> {
    // Non-ASCII decimal digits and spaces count as their ASCII forms.
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_space(c) {
                ' '
            } else {
                match c.to_digit(10) {
                    Some(d) => char::from(b'0' + d as u8),
                    None => c,
                }
            }
        })
        .collect();
    let s = strip_underscores(&s).ok_or(true)?;
    let t = s.trim_start_matches(is_space);
    let (mut t, bracket) = match t.strip_prefix('(') {
        Some(r) => (r.trim_start_matches(is_space), true),
        None => (t, false),
    };
    let (x, y);
    let is_j = |t: &str| t.starts_with('j') || t.starts_with('J');
    if let Some((n, z)) = float_prefix(t) {
        t = &t[n..];
        if t.starts_with('+') || t.starts_with('-') {
            x = z;
            match float_prefix(t) {
                Some((m, w)) => {
                    y = w;
                    t = &t[m..];
                }
                None => {
                    y = if t.starts_with('+') { 1.0 } else { -1.0 };
                    t = &t[1..];
                }
            }
            if !is_j(t) {
                return Err(false);
            }
            t = &t[1..];
        } else if is_j(t) {
            t = &t[1..];
            x = 0.0;
            y = z;
        } else {
            x = z;
            y = 0.0;
        }
    } else {
        if t.starts_with('+') || t.starts_with('-') {
            y = if t.starts_with('+') { 1.0 } else { -1.0 };
            t = &t[1..];
        } else {
            y = 1.0;
        }
        if !is_j(t) {
            return Err(false);
        }
        t = &t[1..];
        x = 0.0;
    }
    t = t.trim_start_matches(is_space);
    if bracket {
        t = t.strip_prefix(')').ok_or(false)?;
        t = t.trim_start_matches(is_space);
    }
    if !t.is_empty() {
        return Err(false);
    }
    Ok((x, y))
}

/// Whether a value can be an argument of `complex()` as a number.
fn numberish(vm: &mut Vm, v: &Value) -> bool {
    if v.is_float() || is_int(v) || is_complex(v) {
        return true;
    }
    if let Some(ObjData::Instance(_)) = v.data() {
        return ["__float__", "__index__", "__complex__"]
            .iter()
            .any(|n| vm.lookup_special(v, n).is_some());
    }
    false
}

/// `__complex__` of an instance, if its class has one.
fn special_complex(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !matches!(v.data(), Some(ObjData::Instance(_))) {
        return Ok(None);
    }
    let Some(f) = vm.lookup_special(v, "__complex__") else {
        return Ok(None);
    };
    let r = vm.call_dunder(&f, v, vec![])?;
    if !is_complex(&r) {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(&format!("__complex__ returned non-complex (type {tn})")));
    }
    Ok(Some(r))
}

fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let f = crate::builtins::float_of(vm, v)?;
    Ok(f.as_float().unwrap_or(0.0))
}

/// `complex(real=0, imag=0)`.
pub fn construct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("complex() takes at most 2 arguments ({n} given)")));
    }
    let mut r = a.pos.first().cloned();
    let mut i = a.pos.get(1).cloned();
    for (k, v) in &a.kw {
        let (slot, pos) = match &**k {
            "real" => (&mut r, 1),
            "imag" => (&mut i, 2),
            _ => {
                return Err(vm.type_error(&format!(
                    "'{k}' is an invalid keyword argument for complex()"
                )))
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(&format!(
                "argument for complex() given by name ('{k}') and position ({pos})"
            )));
        }
        *slot = Some(v.clone());
    }
    let r = r.unwrap_or(Value::small_int(0));
    if i.is_none() && is_complex(&r) {
        return Ok(r);
    }
    if let Some(ObjData::Str(s)) = r.data() {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return match parse(&s.s) {
            Ok((x, y)) => Ok(new(x, y)),
            Err(false) => Err(vm.value_error("complex() arg is a malformed string")),
            Err(true) => {
                let r = lethe_format::str_repr(&s.s);
                Err(vm.value_error(&format!("could not convert string to complex: {r}")))
            }
        };
    }
    if let Some(iv) = &i {
        if matches!(iv.data(), Some(ObjData::Str(_))) {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    let r = match special_complex(vm, &r)? {
        Some(c) => c,
        None => r,
    };
    if !numberish(vm, &r) {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(&format!(
            "complex() first argument must be a string or a number, not '{tn}'"
        )));
    }
    if let Some(iv) = &i {
        if !numberish(vm, iv) {
            let tn = vm.type_name(iv);
            return Err(vm.type_error(&format!(
                "complex() second argument must be a number, not '{tn}'"
            )));
        }
    }
    let (mut cr, cr_is_complex) = match parts(&r) {
        Some(c) => (c, true),
        None => ((to_float(vm, &r)?, 0.0), false),
    };
    let mut ci: C = (0.0, 0.0);
    let mut ci_is_complex = false;
    match &i {
        None => ci.0 = cr.1,
        Some(iv) => match parts(iv) {
            Some(c) => {
                ci = c;
                ci_is_complex = true;
            }
            None => ci.0 = to_float(vm, iv)?,
        },
    }
    if ci_is_complex {
        cr.0 -= ci.1;
    }
    if cr_is_complex && i.is_some() {
        ci.0 += cr.1;
    }
    Ok(new(cr.0, ci.0))
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    match a.pos.first().and_then(parts) {
        Some(c) => Ok(c),
        None => {
            let tn = a
                .pos
                .first()
                .map(|v| vm.type_name(v))
                .unwrap_or_else(|| std::rc::Rc::from("nothing"));
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'complex' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

fn m_conjugate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = recv(vm, a, "conjugate")?;
    crate::methods::nargs(vm, a, "complex.conjugate", 0, 0)?;
    Ok(new(z.0, -z.1))
}

fn m_complex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = recv(vm, a, "__complex__")?;
    Ok(new(z.0, z.1))
}

fn m_getnewargs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = recv(vm, a, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::float(z.0), Value::float(z.1)]))
}

fn m_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "__format__")?;
    crate::methods::nargs(vm, a, "__format__", 1, 1)?;
    let spec = match a.pos[1].data() {
        Some(ObjData::Str(s)) => s.s.to_string(),
        _ => {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
        }
    };
    let s = crate::methods::format(vm, &a.pos[0], &spec)?;
    Ok(vm.new_string(s))
}

pub const METHODS: &[(&str, crate::object::NativeFn)] = &[
    ("conjugate", m_conjugate),
    ("__complex__", m_complex),
    ("__getnewargs__", m_getnewargs),
    ("__format__", m_format),
];

/// `(a ** b)` where CPython's float power hands over to complex: a negative
/// finite base and a non-integral finite exponent.
pub fn float_pow_complex(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    pow(vm, (x, 0.0), (y, 0.0))
}

/// Install the `complex` type's methods.
pub fn install(vm: &mut Vm) {
    let c = vm.t.complex.clone();
    crate::methods::add_methods(vm, &c, "complex", METHODS);
}

// ---------------------------------------------------------------- cmath

/// The argument of a `cmath` function as a complex (`__complex__`, then
/// `__float__`/`__index__`).
fn cm_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        if !a.kw.is_empty() {
            return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
        }
        let n = a.pos.len();
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({n} given)")));
    }
    cm_value(vm, &a.pos[0])
}

fn cm_value(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(c) = coerce(vm, v)? {
        return Ok(c);
    }
    if let Some(c) = special_complex(vm, v)? {
        return Ok(parts(&c).unwrap_or_default());
    }
    if numberish(vm, v) {
        return Ok((to_float(vm, v)?, 0.0));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {tn}")))
}

/// Special values (infinities, NaNs) follow CPython's tables, which lethe does
/// not carry: such inputs are reported as unsupported rather than answered wrongly.
fn finite_or_unsupported(vm: &mut Vm, z: C, name: &str) -> PyResult<()> {
    if z.0.is_finite() && z.1.is_finite() {
        Ok(())
    } else {
        Err(vm.unsupported(&format!("cmath.{name} of a non-finite value")))
    }
}

fn cm_sqrt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "sqrt")?;
    finite_or_unsupported(vm, z, "sqrt")?;
    if z.0 == 0.0 && z.1 == 0.0 {
        return Ok(new(0.0, z.1));
    }
    let mut ax = z.0.abs();
    let ay = z.1.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        const UP: i32 = 2 * (f64::MANTISSA_DIGITS as i32 / 2) + 1;
        ax = ldexp(ax, UP);
        ldexp((ax + ax.hypot(ldexp(ay, UP))).sqrt(), -(UP + 1) / 2)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if z.0 >= 0.0 {
        new(s, d.copysign(z.1))
    } else {
        new(d, s.copysign(z.1))
    })
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn c_log(z: C) -> Option<C> {
    let ax = z.0.abs();
    let ay = z.1.abs();
    let large = f64::MAX / 4.0;
    let re = if ax > large || ay > large {
        (ax / 2.0).hypot(ay / 2.0).ln() + std::f64::consts::LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let m = f64::MANTISSA_DIGITS as i32;
            ldexp(ax, m).hypot(ldexp(ay, m)).ln() - m as f64 * std::f64::consts::LN_2
        } else {
            return None;
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Some((re, z.1.atan2(z.0)))
}

fn cm_log(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if a.pos.is_empty() || a.pos.len() > 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!(
            "log expected {} arguments, got {n}",
            if n == 0 { "at least 1" } else { "at most 2" }
        )));
    }
    let z = cm_value(vm, &a.pos[0])?;
    finite_or_unsupported(vm, z, "log")?;
    let Some(mut r) = c_log(z) else {
        return Err(vm.value_error("math domain error"));
    };
    if let Some(b) = a.pos.get(1) {
        let b = cm_value(vm, b)?;
        finite_or_unsupported(vm, b, "log")?;
        let Some(lb) = c_log(b) else {
            return Err(vm.value_error("math domain error"));
        };
        r = match quot(r, lb) {
            Some(q) => q,
            None => return Err(vm.value_error("math domain error")),
        };
    }
    Ok(new(r.0, r.1))
}

fn cm_exp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "exp")?;
    finite_or_unsupported(vm, z, "exp")?;
    let log_large = f64::MAX.ln() - 1.0;
    let (re, im) = if z.0 > log_large {
        let l = (z.0 - 1.0).exp();
        (
            l * z.1.cos() * std::f64::consts::E,
            l * z.1.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    if re.is_infinite() || im.is_infinite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(new(re, im))
}

fn cm_phase(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "phase")?;
    Ok(Value::float(z.1.atan2(z.0)))
}

fn cm_polar(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "polar")?;
    let phi = z.1.atan2(z.0);
    let r = abs(vm, z).map_err(|_| vm.overflow_error("math range error"))?;
    Ok(vm.new_tuple(vec![r, Value::float(phi)]))
}

fn cm_rect(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 || !a.kw.is_empty() {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("rect expected 2 arguments, got {n}")));
    }
    let r = cm_value(vm, &a.pos[0])?;
    let phi = cm_value(vm, &a.pos[1])?;
    if r.1 != 0.0 || phi.1 != 0.0 {
        return Err(vm.type_error("must be real number, not complex"));
    }
    let (r, phi) = (r.0, phi.0);
    if !r.is_finite() || !phi.is_finite() {
        return Err(vm.unsupported("cmath.rect of a non-finite value"));
    }
    if phi == 0.0 {
        return Ok(new(r, r * phi));
    }
    Ok(new(r * phi.cos(), r * phi.sin()))
}

fn cm_isnan(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "isnan")?;
    Ok(Value::bool(z.0.is_nan() || z.1.is_nan()))
}

fn cm_isinf(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "isinf")?;
    Ok(Value::bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn cm_isfinite(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let z = cm_arg(vm, a, "isfinite")?;
    Ok(Value::bool(z.0.is_finite() && z.1.is_finite()))
}

/// The `cmath` module (the common functions; special values of the
/// transcendental functions are not supported).
pub fn make_cmath(vm: &mut Vm) -> Value {
    let m = crate::modules::new_module(vm, "cmath");
    crate::modules::add_fns(
        vm,
        &m,
        "cmath",
        &[
            ("sqrt", cm_sqrt),
            ("exp", cm_exp),
            ("log", cm_log),
            ("phase", cm_phase),
            ("polar", cm_polar),
            ("rect", cm_rect),
            ("isnan", cm_isnan),
            ("isinf", cm_isinf),
            ("isfinite", cm_isfinite),
        ],
    );
    for (n, v) in [
        ("pi", Value::float(std::f64::consts::PI)),
        ("e", Value::float(std::f64::consts::E)),
        ("tau", Value::float(std::f64::consts::TAU)),
        ("inf", Value::float(f64::INFINITY)),
        ("nan", Value::float(f64::NAN)),
        ("infj", new(0.0, f64::INFINITY)),
        ("nanj", new(0.0, f64::NAN)),
    ] {
        crate::modules::module_set(vm, &m, n, v);
    }
    m
}
