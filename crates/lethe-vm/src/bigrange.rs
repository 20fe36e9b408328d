//! `range` objects whose bounds do not fit the inline representation
//! (`ObjData::Range` holds i64 bounds within ±2⁶¹, so lengths and steps never
//! overflow): `ObjData::BigRange` with arbitrary-precision start, stop and step, as
//! CPython's `range` has. Length, indexing, slicing, containment, `index`/`count`,
//! equality and iteration (`longrange_iterator`) are exact; `len()` of a range longer
//! than `sys.maxsize` is CPython's OverflowError.

use crate::object::{IterState, ObjData};
use crate::ops::{as_bigint, is_int};
use crate::{PyResult, Value, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Bounds up to which a range keeps the inline i64 form.
const INLINE_LIMIT: i64 = 1 << 61;

/// start, stop, step of any range value.
pub fn parts(v: &Value) -> Option<(BigInt, BigInt, BigInt)> {
    match v.data() {
        Some(ObjData::Range { start, stop, step }) => Some((
            BigInt::from(*start),
            BigInt::from(*stop),
            BigInt::from(*step),
        )),
        Some(ObjData::BigRange(b)) => Some((b[0].clone(), b[1].clone(), b[2].clone())),
        _ => None,
    }
}

/// A range value: inline when every bound is small.
pub fn make(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let small = |b: &BigInt| b.to_i64().filter(|i| i.abs() <= INLINE_LIMIT);
    if let (Some(a), Some(b), Some(c)) = (small(&start), small(&stop), small(&step)) {
        return Value::new_obj(ObjData::Range {
            start: a,
            stop: b,
            step: c,
        });
    }
    Value::new_obj(ObjData::BigRange(Box::new([start, stop, step])))
}

/// The number of items.
pub fn len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let one = BigInt::one();
    if step.is_positive() && stop > start {
        (stop - start - &one) / step + one
    } else if step.is_negative() && start > stop {
        (start - stop - &one) / (-step) + one
    } else {
        BigInt::zero()
    }
}

/// The position of `x` in the range, if it is there.
pub fn position(start: &BigInt, stop: &BigInt, step: &BigInt, x: &BigInt) -> Option<BigInt> {
    let inside = if step.is_positive() {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    if !inside {
        return None;
    }
    let (q, r) = (x - start).div_mod_floor(step);
    r.is_zero().then_some(q)
}

/// An int argument as a BigInt (through `__index__`), with CPython's TypeError.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if is_int(v) {
        if let Some(b) = as_bigint(v) {
            return Ok(b);
        }
    }
    if let Some(f) = vm.lookup_special(v, "__index__") {
        let r = vm.call(&f, vec![v.clone()])?;
        if let Some(b) = as_bigint(&r).filter(|_| is_int(&r)) {
            return Ok(b);
        }
        let tn = vm.type_name(&r);
        return Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "'{tn}' object cannot be interpreted as an integer"
    )))
}

/// `len(r)` for a big range: CPython's OverflowError beyond `sys.maxsize`.
pub fn len_usize(vm: &mut Vm, b: &[BigInt; 3]) -> PyResult<usize> {
    match len(&b[0], &b[1], &b[2]).to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `r[key]` for a big range (an int or a slice).
pub fn getitem(vm: &mut Vm, b: &[BigInt; 3], key: &Value) -> PyResult<Value> {
    let (start, stop, step) = (&b[0], &b[1], &b[2]);
    let n = len(start, stop, step);
    if let Some(ObjData::Slice(s)) = key.data() {
        let s = s.clone();
        let sstep = if s[2].is_none() {
            BigInt::one()
        } else {
            index_big(vm, &s[2])?
        };
        if sstep.is_zero() {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if sstep.is_negative() {
            (BigInt::from(-1), &n - 1)
        } else {
            (BigInt::zero(), n.clone())
        };
        let mut bound = |v: &Value, dflt: &BigInt| -> PyResult<BigInt> {
            if v.is_none() {
                return Ok(dflt.clone());
            }
            let mut i = index_big(vm, v)?;
            if i.is_negative() {
                i += &n;
                if i < lower {
                    i = lower.clone();
                }
            } else if i > upper {
                i = upper.clone();
            }
            Ok(i)
        };
        let (d0, d1) = if sstep.is_negative() {
            (upper.clone(), lower.clone())
        } else {
            (lower.clone(), upper.clone())
        };
        let i0 = bound(&s[0], &d0)?;
        let i1 = bound(&s[1], &d1)?;
        return Ok(make(start + i0 * step, start + i1 * step, step * sstep));
    }
    if !is_int(key) && vm.lookup_special(key, "__index__").is_none() {
        let tn = vm.type_name(key);
        return Err(vm.type_error(&format!(
            "range indices must be integers or slices, not {tn}"
        )));
    }
    let mut i = index_big(vm, key)?;
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(start + i * step))
}

/// The iterator of a big range (reversed when `rev`).
pub fn iter(b: &[BigInt; 3], rev: bool) -> IterState {
    let (start, stop, step) = (&b[0], &b[1], &b[2]);
    if !rev {
        return IterState::BigRange(Box::new([start.clone(), stop.clone(), step.clone()]));
    }
    let n = len(start, stop, step);
    let last = start + (&n - 1) * step;
    let nstop = start - step;
    IterState::BigRange(Box::new([last, nstop, -step]))
}

/// The next item of a big range iterator.
pub fn next(vm: &mut Vm, b: &mut [BigInt; 3]) -> Option<Value> {
    let more = if b[2].is_positive() {
        b[0] < b[1]
    } else {
        b[0] > b[1]
    };
    if !more {
        return None;
    }
    let step = b[2].clone();
    let cur = std::mem::replace(&mut b[0], BigInt::zero());
    b[0] = &cur + step;
    Some(vm.new_bigint(cur))
}

/// `range(...)` equality (CPython: same sequence of items).
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    let (s0, e0, t0) = parts(a)?;
    let (s1, e1, t1) = parts(b)?;
    let (n0, n1) = (len(&s0, &e0, &t0), len(&s1, &e1, &t1));
    Some(if n0 != n1 {
        false
    } else if n0.is_zero() {
        true
    } else if s0 != s1 {
        false
    } else {
        n0.is_one() || t0 == t1
    })
}
