//! `sys.getsizeof` and `object.__sizeof__`: the sizes CPython 3.11 reports on a
//! 64-bit build, computed from a model of its object layouts rather than from
//! lethe's own (smaller) objects, so that programs printing sizes, or comparing
//! a `__slots__` class with a plain one, see CPython's numbers. Exact for
//! scalars, strings, bytes, tuples and plain instances; lists, dicts and sets
//! are modelled as grown by appends/insertions from empty (CPython's size also
//! depends on how the container was built).

use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};

/// CPython's GC header, in front of every object the cycle collector tracks.
const GC_HEADER: usize = 16;

/// `list` capacity after `n` appends from empty (CPython's `list_resize`).
fn list_capacity(n: usize) -> usize {
    let mut cap = 0usize;
    for size in 1..=n {
        if size > cap {
            let mut new = (size + (size >> 3) + 6) & !3;
            if size - (size - 1) > new - size {
                new = (size + 3) & !3;
            }
            cap = new;
        }
    }
    cap
}

/// `dict.__sizeof__` for `n` entries inserted into an empty dict: the object,
/// then the keys table (header, index, entries) once there is one.
fn dict_size(n: usize, all_str_keys: bool) -> usize {
    if n == 0 {
        return 48;
    }
    let mut log2 = 3u32;
    let usable = |l: u32| (2usize << l) / 3;
    while n > usable(log2) {
        // Growth to `used * 3`, rounded up to a power of two.
        let want = usable(log2) * 3;
        while (1usize << log2) < want {
            log2 += 1;
        }
    }
    let size = 1usize << log2;
    let ix = if size <= 0xff {
        1
    } else if size <= 0xffff {
        2
    } else if size <= 0xffff_ffff {
        4
    } else {
        8
    };
    let entry = if all_str_keys { 16 } else { 24 };
    48 + 32 + size * ix + usable(log2) * entry
}

/// `set.__sizeof__` for `n` elements added to an empty set: the object holds an
/// 8-slot table inline; larger tables are 16 bytes a slot.
fn set_size(n: usize) -> usize {
    let (mut mask, mut fill) = (7usize, 0usize);
    for used in 1..=n {
        fill += 1;
        if fill * 5 >= mask * 3 {
            let min = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min {
                size <<= 1;
            }
            mask = size - 1;
            fill = used;
        }
    }
    if mask == 7 {
        200
    } else {
        200 + 16 * (mask + 1)
    }
}

fn str_size(s: &crate::object::StrObj) -> usize {
    if s.is_ascii() {
        return 49 + s.nchars;
    }
    let max = s.s.chars().map(|c| c as u32).max().unwrap_or(0);
    match max {
        0..=0xff => 73 + s.nchars,
        0x100..=0xffff => 74 + 2 * s.nchars,
        _ => 76 + 4 * s.nchars,
    }
}

fn int_size(v: &Value) -> usize {
    let bits = match crate::ops::as_bigint(v) {
        Some(b) => b.bits() as usize,
        None => 0,
    };
    24 + 4 * bits.div_ceil(30).max(1)
}

/// The size `obj.__sizeof__()` reports (without the GC header).
pub fn basic_size(vm: &mut Vm, v: &Value) -> usize {
    if v.is_none() || v.is(&Value::ELLIPSIS) || v.is(&Value::NOT_IMPLEMENTED) {
        return 16;
    }
    if v.is_bool() || v.is_small_int() {
        return int_size(v);
    }
    if v.is_float() {
        return 24;
    }
    let Some(d) = v.data() else {
        return 16;
    };
    match d {
        ObjData::Int64(_) | ObjData::BigInt(_) => int_size(v),
        ObjData::Str(s) => str_size(s),
        ObjData::Bytes(b) => 33 + b.len(),
        ObjData::ByteArray(b) => {
            let n = b.borrow().len();
            if n == 0 {
                56
            } else {
                57 + n
            }
        }
        ObjData::Complex(..) => 32,
        ObjData::Tuple(t) => 24 + 8 * t.len(),
        ObjData::List(l) => 40 + 8 * list_capacity(l.borrow().len()),
        ObjData::Dict(dd) => {
            let d = dd.borrow();
            let all_str = d
                .iter()
                .all(|e| matches!(e.1.data(), Some(ObjData::Str(_))));
            dict_size(d.len, all_str)
        }
        ObjData::Set(s) | ObjData::FrozenSet(s) => set_size(s.borrow().len),
        ObjData::Range { .. } | ObjData::BigRange(_) => 48,
        ObjData::Slice(_) => 40,
        ObjData::Func(_) => 136,
        ObjData::Builtin(_) => 56,
        ObjData::BoundMethod(_) => 48,
        ObjData::Type(t) => {
            if t.builtin {
                408
            } else {
                1672
            }
        }
        ObjData::Module(_) => 56,
        ObjData::Gen(_) => 184,
        ObjData::Iter(_) | ObjData::DictView(_) => 32,
        ObjData::Property(_) => 64,
        ObjData::StaticMethod(_) | ObjData::ClassMethod(_) => 32,
        ObjData::Cell(_) => 24,
        ObjData::Instance(i) => {
            let cls = vm.type_of(v);
            if cls.is(&vm.t.object) {
                return 16;
            }
            if !i.base().is_unbound() {
                let base = i.base().clone();
                return basic_size(vm, &base);
            }
            if i.exc().is_some() {
                return 72;
            }
            let slots = vm.mro_slot_names(&cls);
            let has_dict = crate::types::type_obj(&cls).is_none_or(|t| t.slots.is_none());
            if has_dict {
                let n = slots
                    .iter()
                    .filter(
                        |s| !matches!(s.data(), Some(ObjData::Str(x)) if &*x.s == "__weakref__"),
                    )
                    .count();
                24 + 8 * n
            } else {
                16 + 8 * slots.len()
            }
        }
        _ => 32,
    }
}

/// What CPython's `sys.getsizeof` adds to `__sizeof__()`: the GC header of a
/// tracked object, and the pre-header of an instance with a managed `__dict__`.
fn overhead(vm: &mut Vm, v: &Value) -> usize {
    match v.data() {
        Some(
            ObjData::Tuple(_)
            | ObjData::List(_)
            | ObjData::Dict(_)
            | ObjData::Set(_)
            | ObjData::FrozenSet(_)
            | ObjData::Slice(_)
            | ObjData::Func(_)
            | ObjData::Builtin(_)
            | ObjData::BoundMethod(_)
            | ObjData::Type(_)
            | ObjData::Module(_)
            | ObjData::Gen(_)
            | ObjData::Iter(_)
            | ObjData::DictView(_)
            | ObjData::Property(_)
            | ObjData::StaticMethod(_)
            | ObjData::ClassMethod(_)
            | ObjData::Cell(_),
        ) => GC_HEADER,
        Some(ObjData::Instance(i)) => {
            let cls = vm.type_of(v);
            if cls.is(&vm.t.object) {
                return 0;
            }
            let managed = i.base().is_unbound()
                && crate::types::type_obj(&cls).is_some_and(|t| !t.builtin && t.slots.is_none());
            GC_HEADER + if managed { 16 } else { 0 }
        }
        _ => 0,
    }
}

/// `sys.getsizeof(obj[, default])`: `obj.__sizeof__()` plus CPython's per-object
/// overhead; `default` when the object has no `__sizeof__` or it raises TypeError.
pub fn sys_getsizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut obj = a.pos.first().cloned();
    let mut default = a.pos.get(1).cloned();
    for (k, v) in &a.kw {
        let slot = match &**k {
            "object" if obj.is_none() => &mut obj,
            "default" if default.is_none() => &mut default,
            "object" | "default" => {
                return Err(vm.type_error(&format!(
                    "argument for getsizeof() given by name ('{k}') and position"
                )))
            }
            _ => {
                return Err(vm.type_error(&format!(
                    "getsizeof() got an unexpected keyword argument '{k}'"
                )))
            }
        };
        *slot = Some(v.clone());
    }
    if a.pos.len() > 2 {
        let n = a.pos.len() + a.kw.len();
        return Err(vm.type_error(&format!(
            "getsizeof() takes at most 2 arguments ({n} given)"
        )));
    }
    let Some(v) = obj else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    match size_of(vm, &v) {
        Ok(n) => Ok(Value::small_int(n as i64)),
        Err(e) => match default {
            Some(d) if vm.isinstance(&e, &vm.exc_type("TypeError")) => Ok(d),
            _ => Err(e),
        },
    }
}

/// CPython's `_PySys_GetSizeOf`.
fn size_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let Some(m) = vm.lookup_special(v, "__sizeof__") else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!("Type {tn} doesn't define __sizeof__")));
    };
    let r = vm.call(&m, vec![v.clone()])?;
    let Some(n) = crate::ops::as_bigint(&r).filter(|_| !r.is_float()) else {
        return Err(vm.type_error("an integer is required"));
    };
    let Ok(n) = i64::try_from(n) else {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    };
    if n < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    Ok(n as usize + overhead(vm, v))
}
