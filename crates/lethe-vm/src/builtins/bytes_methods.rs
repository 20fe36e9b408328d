//! `bytes` and `bytearray`: construction, the operators (called from `ops.rs`), the
//! methods of both types, `bytes.decode`, `int.to_bytes`/`int.from_bytes` and the
//! `open()` builtin (which hands over to the `io` library module), to CPython 3.11
//! semantics and error messages.
//!
//! A `bytes` is an immutable boxed slice (`ObjData::Bytes`), a `bytearray` a
//! `RefCell<Vec<u8>>` (`ObjData::ByteArray`). Methods shared by both return a value of
//! the receiver's type.

use crate::builtins::str_methods::{codec_of, known_unsupported, Codec};
use crate::object::ObjData;
use crate::ops::{as_i64, int_ref, is_int, IntRef};
use crate::{Args, PyResult, Value, Vm};
use lethe_compiler::bytecode::BinOp;
use num_bigint::{BigInt, Sign};
use std::cell::RefCell;

type M = (&'static str, crate::object::NativeFn);

const SHARED: &[M] = &[
    ("decode", decode),
    ("hex", hex),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("upper", upper),
    ("lower", lower),
    ("swapcase", swapcase),
    ("capitalize", capitalize),
    ("title", title),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isascii", isascii),
    ("partition", partition),
    ("rpartition", rpartition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("expandtabs", expandtabs),
    ("translate", translate),
    ("istitle", istitle),
    ("__len__", d_len),
    ("__getitem__", d_getitem),
    ("__contains__", d_contains),
    ("__iter__", d_iter),
    ("__add__", d_add),
    ("__mul__", d_mul),
    ("__rmul__", d_mul),
    ("__mod__", d_mod),
];

const BYTEARRAY_ONLY: &[M] = &[
    ("append", ba_append),
    ("extend", ba_extend),
    ("pop", ba_pop),
    ("insert", ba_insert),
    ("remove", ba_remove),
    ("clear", ba_clear),
    ("copy", ba_copy),
    ("reverse", ba_reverse),
    ("__setitem__", d_setitem),
    ("__delitem__", d_delitem),
    ("__iadd__", d_iadd),
];

/// Install the methods of `bytes`, `bytearray`, and `int.to_bytes`/`from_bytes`.
pub fn install(vm: &mut Vm) {
    use crate::methods::add_methods;
    let b = vm.t.bytes.clone();
    add_methods(vm, &b, "bytes", SHARED);
    let ba = vm.t.bytearray.clone();
    add_methods(vm, &ba, "bytearray", SHARED);
    add_methods(vm, &ba, "bytearray", BYTEARRAY_ONLY);
    let i = vm.t.int.clone();
    add_methods(vm, &i, "int", &[("to_bytes", int_to_bytes)]);
    for (cls, owner) in [(&b, "bytes"), (&ba, "bytearray")] {
        let k = vm.intern("maketrans");
        let f = vm.new_native("maketrans", owner, maketrans);
        let sm = Value::new_obj(ObjData::StaticMethod(f));
        if let Some(t) = crate::types::type_obj(cls) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, sm);
        }
    }
    for (cls, name, owner, f) in [
        (b, "fromhex", "bytes", fromhex as crate::object::NativeFn),
        (ba, "fromhex", "bytearray", fromhex),
        (i, "from_bytes", "int", int_from_bytes),
    ] {
        let k = vm.intern(name);
        let f = vm.new_native(name, owner, f);
        let cm = Value::new_obj(ObjData::ClassMethod(f));
        if let Some(t) = crate::types::type_obj(&cls) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, cm);
        }
    }
}

// ---------------------------------------------------------------- helpers

pub fn new_bytes(v: Vec<u8>) -> Value {
    Value::new_obj(ObjData::Bytes(v.into_boxed_slice()))
}

pub fn new_bytearray(v: Vec<u8>) -> Value {
    Value::new_obj(ObjData::ByteArray(RefCell::new(v)))
}

/// A value of the same kind as the receiver (`bytearray` or `bytes`).
fn like(ba: bool, v: Vec<u8>) -> Value {
    if ba {
        new_bytearray(v)
    } else {
        new_bytes(v)
    }
}

/// The contents of a bytes-like value (copied).
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.data() {
        Some(ObjData::Bytes(b)) => Some(b.to_vec()),
        Some(ObjData::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

fn is_ba(v: &Value) -> bool {
    matches!(v.data(), Some(ObjData::ByteArray(_)))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The receiver's contents and whether it is a bytearray.
fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Vec<u8>, bool)> {
    match a.pos.first() {
        Some(v) => match bytes_of(v) {
            Some(b) => Ok((b, is_ba(v))),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!(
                    "descriptor '{name}' for 'bytes' objects doesn't apply to a '{tn}' object"
                )))
            }
        },
        None => Err(vm.type_error(&format!("unbound method bytes.{name}() needs an argument"))),
    }
}

/// Arguments after the receiver, by position or keyword.
fn params(vm: &mut Vm, a: &Args, fname: &str, names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let n = a.pos.len().saturating_sub(1);
    if n > names.len() {
        return Err(vm.type_error(&format!(
            "{fname}() takes at most {} argument{} ({n} given)",
            names.len(),
            plural(names.len())
        )));
    }
    let mut out: Vec<Option<Value>> = a.pos.iter().skip(1).cloned().map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in &a.kw {
        match names.iter().position(|nm| *nm == &**k) {
            Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
            Some(i) => {
                return Err(vm.type_error(&format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(vm.type_error(&format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    Ok(out)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = as_i64(v).filter(|_| is_int(v)) {
        return Ok(i);
    }
    if is_int(v) {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    if let Some(f) = vm.lookup_special(v, "__index__") {
        let r = vm.call(&f, vec![v.clone()])?;
        if let Some(i) = as_i64(&r) {
            return Ok(i);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "'{tn}' object cannot be interpreted as an integer"
    )))
}

/// An int in range(256) (`what` names the failing check as CPython does).
fn byte_arg(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = int_arg(vm, v)?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// A bytes-like argument, or "a bytes-like object is required".
fn buf_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// The `sub` argument of find/count/index: bytes-like or an int.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Ok(b);
    }
    if is_int(v) {
        return Ok(vec![byte_arg(vm, v)?]);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "argument should be integer or bytes-like object, not '{tn}'"
    )))
}

/// CPython's ADJUST_INDICES for the optional start/end of a search.
fn range_args(
    vm: &mut Vm,
    len: usize,
    start: &Option<Value>,
    end: &Option<Value>,
) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, v: &Option<Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(x) if x.is_none() => Ok(None),
            Some(x) => match int_ref(x) {
                Some(IntRef::Small(i)) => Ok(Some(i)),
                Some(IntRef::Big(b)) => Ok(Some(if b.sign() == Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                None => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let l = len as i64;
    let norm = |i: i64| -> i64 {
        if i < 0 {
            (i + l).max(0)
        } else {
            i.min(l)
        }
    };
    // A start beyond the end stays there (searches then find nothing).
    let s = get(vm, start)?
        .map(|i| if i < 0 { (i + l).max(0) } else { i })
        .unwrap_or(0);
    let e = get(vm, end)?.map(norm).unwrap_or(l);
    Ok((s as usize, e as usize))
}

fn find_sub(h: &[u8], n: &[u8], from: usize, to: usize) -> Option<usize> {
    if from > to || to - from < n.len() {
        return None;
    }
    if n.is_empty() {
        return Some(from);
    }
    (from..=to - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

fn rfind_sub(h: &[u8], n: &[u8], from: usize, to: usize) -> Option<usize> {
    if from > to || to - from < n.len() {
        return None;
    }
    if n.is_empty() {
        return Some(to);
    }
    (from..=to - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ---------------------------------------------------------------- constructors

/// Contents for `bytes(x[, encoding[, errors]])` and `bytearray(...)`.
fn construct(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Vec<u8>> {
    let names = ["source", "encoding", "errors"];
    let mut p: Vec<Option<Value>> = a.pos.iter().cloned().map(Some).collect();
    if p.len() > 3 {
        return Err(vm.type_error(&format!(
            "{fname}() takes at most 3 arguments ({} given)",
            p.len()
        )));
    }
    p.resize(3, None);
    for (k, v) in &a.kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) => p[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(&format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, label) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = &p[i] {
            if !matches!(v.data(), Some(ObjData::Str(_))) {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "{fname}() argument '{label}' must be str, not {tn}"
                )));
            }
        }
    }
    let Some(src) = p[0].clone() else {
        if p[1].is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if p[2].is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(ObjData::Str(s)) = src.data() {
        let Some(enc) = &p[1] else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let mut args = vec![src.clone(), enc.clone()];
        if let Some(e) = &p[2] {
            args.push(e.clone());
        }
        let _ = s;
        let f = {
            let k = vm.intern("encode");
            let st = vm.t.str_.clone();
            vm.lookup_mro(&st, &k)
        };
        let r = match f {
            Some(f) => vm.call(&f, args)?,
            None => return Err(vm.type_error("str.encode is missing")),
        };
        return Ok(bytes_of(&r).unwrap_or_default());
    }
    if p[1].is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if p[2].is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = bytes_of(&src) {
        return Ok(b);
    }
    if is_int(&src) {
        let n = match as_i64(&src) {
            Some(n) => n,
            None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v: Vec<u8> = Vec::new();
        if n as u64 > (1u64 << 34) || v.try_reserve_exact(n as usize).is_err() {
            return Err(vm.new_error("MemoryError", ""));
        }
        v.resize(n as usize, 0);
        return Ok(v);
    }
    if src.is_float() || src.is_none() || vm.iter(&src).is_err() {
        let tn = vm.type_name(&src);
        return Err(vm.type_error(&format!("cannot convert '{tn}' object to {fname}")));
    }
    let it = vm.iter(&src)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let i = int_arg(vm, &x)?;
        if !(0..256).contains(&i) {
            return Err(vm.value_error(if fname == "bytes" {
                "bytes must be in range(0, 256)"
            } else {
                "byte must be in range(0, 256)"
            }));
        }
        out.push(i as u8);
    }
    Ok(out)
}

pub fn c_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() == 1 && a.kw.is_empty() {
        if let Some(ObjData::Bytes(_)) = a.pos[0].data() {
            return Ok(a.pos[0].clone());
        }
        if !matches!(a.pos[0].data(), Some(ObjData::Instance(_))) {
            // fall through to the general path
        } else if let Some(f) = vm.lookup_special(&a.pos[0], "__bytes__") {
            let r = vm.call(&f, vec![a.pos[0].clone()])?;
            if !matches!(r.data(), Some(ObjData::Bytes(_))) {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})")));
            }
            return Ok(r);
        }
    }
    let v = construct(vm, a, "bytes")?;
    Ok(new_bytes(v))
}

pub fn c_bytearray(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = construct(vm, a, "bytearray")?;
    Ok(new_bytearray(v))
}

// ---------------------------------------------------------------- operators (ops.rs)

/// `a op b` when one side is bytes-like; None when not handled.
pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    match op {
        BinOp::Add => {
            if let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) {
                let mut v = x;
                v.extend_from_slice(&y);
                return Ok(Some(like(is_ba(a), v)));
            }
            Ok(None)
        }
        BinOp::Mul => {
            let (seq, n) = if bytes_of(a).is_some() {
                (a, b)
            } else {
                (b, a)
            };
            let Some(data) = bytes_of(seq) else {
                return Ok(None);
            };
            if !is_int(n) {
                return Ok(None);
            }
            let Some(k) = as_i64(n) else {
                return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
            };
            let k = k.max(0) as usize;
            match data.len().checked_mul(k) {
                Some(t) if t <= 1 << 34 => {}
                _ => return Err(vm.new_error("MemoryError", "")),
            }
            Ok(Some(like(is_ba(seq), data.repeat(k))))
        }
        BinOp::Mod if bytes_of(a).is_some() => Ok(Some(percent(vm, a, b)?)),
        _ => Ok(None),
    }
}

/// `ba += x`, `ba *= n` in place.
pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(ObjData::ByteArray(cell)) = a.data() else {
        return Ok(None);
    };
    match op {
        BinOp::Add => {
            let Some(y) = bytes_of(b) else {
                let tn = vm.type_name(b);
                return Err(vm.type_error(&format!("can't concat {tn} to bytearray")));
            };
            cell.borrow_mut().extend_from_slice(&y);
            Ok(Some(a.clone()))
        }
        BinOp::Mul if is_int(b) => {
            let k = as_i64(b).unwrap_or(0).max(0) as usize;
            let cur = cell.borrow().clone();
            if cur.len().checked_mul(k).is_none_or(|t| t > 1 << 34) {
                return Err(vm.new_error("MemoryError", ""));
            }
            *cell.borrow_mut() = cur.repeat(k);
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let h = bytes_of(container).unwrap_or_default();
    if is_int(item) {
        let b = byte_arg(vm, item)?;
        return Ok(h.contains(&b));
    }
    let n = buf_arg(vm, item)?;
    Ok(find_sub(&h, &n, 0, h.len()).is_some())
}

pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    let ba = is_ba(obj);
    if let Some(ObjData::Slice(_)) = key.data() {
        let data = bytes_of(obj).unwrap_or_default();
        let (start, _, step, n) = vm.slice_indices(key, data.len())?;
        let v: Vec<u8> = (0..n)
            .map(|k| data[(start + k as i64 * step) as usize])
            .collect();
        return Ok(like(ba, v));
    }
    let len = match obj.data() {
        Some(ObjData::Bytes(b)) => b.len(),
        Some(ObjData::ByteArray(b)) => b.borrow().len(),
        _ => 0,
    };
    if !is_int(key) {
        let tn = vm.type_name(key);
        let what = if ba { "bytearray" } else { "byte" };
        return Err(vm.type_error(&format!(
            "{what} indices must be integers or slices, not {tn}"
        )));
    }
    let i = match vm.seq_index(key, len, "bytearray") {
        Ok(i) => i,
        Err(_) if !ba => return Err(vm.index_error("index out of range")),
        Err(e) => return Err(e),
    };
    let b = match obj.data() {
        Some(ObjData::Bytes(b)) => b[i],
        Some(ObjData::ByteArray(b)) => b.borrow()[i],
        _ => 0,
    };
    Ok(Value::small_int(b as i64))
}

/// Bytes for a slice assignment: bytes-like, or an iterable of ints.
fn assign_source(vm: &mut Vm, val: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(val) {
        return Ok(b);
    }
    if is_int(val) || matches!(val.data(), Some(ObjData::Str(_))) || vm.iter(val).is_err() {
        return Err(
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    let items = vm.collect(val)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_arg(vm, x)?);
    }
    Ok(out)
}

pub fn setitem(vm: &mut Vm, obj: &Value, key: &Value, val: Value) -> PyResult<()> {
    let Some(ObjData::ByteArray(cell)) = obj.data() else {
        return Err(vm.type_error("'bytes' object does not support item assignment"));
    };
    if let Some(ObjData::Slice(_)) = key.data() {
        let src = assign_source(vm, &val)?;
        let len = cell.borrow().len();
        let (start, stop, step, n) = vm.slice_indices(key, len)?;
        if step == 1 {
            let s = start as usize;
            let e = (stop.max(start)) as usize;
            cell.borrow_mut().splice(s..e, src);
            return Ok(());
        }
        if src.len() != n {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {n}",
                src.len()
            )));
        }
        let mut v = cell.borrow_mut();
        for (k, b) in src.into_iter().enumerate() {
            v[(start + k as i64 * step) as usize] = b;
        }
        return Ok(());
    }
    if !is_int(key) {
        let tn = vm.type_name(key);
        return Err(vm.type_error(&format!(
            "bytearray indices must be integers or slices, not {tn}"
        )));
    }
    let len = cell.borrow().len();
    let i = vm.seq_index(key, len, "bytearray")?;
    let b = byte_arg(vm, &val)?;
    cell.borrow_mut()[i] = b;
    Ok(())
}

pub fn delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<()> {
    let Some(ObjData::ByteArray(cell)) = obj.data() else {
        return Err(vm.type_error("'bytes' object doesn't support item deletion"));
    };
    let len = cell.borrow().len();
    if let Some(ObjData::Slice(_)) = key.data() {
        let (start, _, step, n) = vm.slice_indices(key, len)?;
        let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        idx.sort_unstable();
        let mut v = cell.borrow_mut();
        for &i in idx.iter().rev() {
            v.remove(i);
        }
        return Ok(());
    }
    if !is_int(key) {
        let tn = vm.type_name(key);
        return Err(vm.type_error(&format!(
            "bytearray indices must be integers or slices, not {tn}"
        )));
    }
    let i = vm.seq_index(key, len, "bytearray")?;
    cell.borrow_mut().remove(i);
    Ok(())
}

// ---------------------------------------------------------------- dunders

fn d_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = recv(vm, a, "__len__")?;
    Ok(vm.new_int(b.len() as i64))
}
fn d_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__getitem__", 1, 1)?;
    getitem(vm, &a.pos[0], &a.pos[1])
}
fn d_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__setitem__", 2, 2)?;
    setitem(vm, &a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(Value::NONE)
}
fn d_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__delitem__", 1, 1)?;
    delitem(vm, &a.pos[0], &a.pos[1])?;
    Ok(Value::NONE)
}
fn d_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__contains__", 1, 1)?;
    Ok(Value::bool(contains(vm, &a.pos[0], &a.pos[1])?))
}
fn d_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__iter__", 0, 0)?;
    vm.iter(&a.pos[0])
}
fn d_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__add__", 1, 1)?;
    Ok(binop(vm, BinOp::Add, &a.pos[0], &a.pos[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
}
fn d_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__mul__", 1, 1)?;
    if !is_int(&a.pos[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(binop(vm, BinOp::Mul, &a.pos[0], &a.pos[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
}
fn d_mod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__mod__", 1, 1)?;
    percent(vm, &a.pos[0], &a.pos[1])
}
fn d_iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__iadd__", 1, 1)?;
    Ok(inplace(vm, BinOp::Add, &a.pos[0], &a.pos[1])?.unwrap_or(Value::NOT_IMPLEMENTED))
}

// ---------------------------------------------------------------- decode / hex

/// Decode `data`; with `last == false` an incomplete sequence at the end is left
/// undecoded (for incremental decoding by text files). Returns the text and the
/// number of bytes consumed.
pub fn decode_bytes(
    vm: &mut Vm,
    data: &[u8],
    encoding: &str,
    errors: &str,
    last: bool,
) -> PyResult<(String, usize)> {
    let codec = match codec_of(encoding) {
        Some(c) => c,
        None if known_unsupported(encoding) => {
            return Err(vm.unsupported(&format!("bytes.decode({encoding:?})")))
        }
        None => return Err(vm.new_error("LookupError", &format!("unknown encoding: {encoding}"))),
    };
    let bad_handler = |vm: &mut Vm| {
        vm.new_error(
            "LookupError",
            &format!("unknown error handler name '{errors}'"),
        )
    };
    match codec {
        Codec::Latin1 => Ok((data.iter().map(|&b| b as char).collect(), data.len())),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(unicode_decode_error(
                            vm,
                            "ascii",
                            data,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                    "surrogateescape" | "surrogatepass" => {
                        return Err(vm.unsupported(&format!("errors={errors:?}")))
                    }
                    _ => return Err(bad_handler(vm)),
                }
            }
            Ok((out, data.len()))
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut i = 0;
            loop {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok((out, data.len()));
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or_default());
                        let at = i + good;
                        let (n, reason) = match e.error_len() {
                            None if !last => return Ok((out, at)),
                            None => (data.len() - at, "unexpected end of data"),
                            Some(n) => {
                                let b = data[at];
                                if (0x80..0xc2).contains(&b) || b >= 0xf5 {
                                    (n, "invalid start byte")
                                } else {
                                    (n, "invalid continuation byte")
                                }
                            }
                        };
                        match errors {
                            "strict" => {
                                return Err(unicode_decode_error(
                                    vm,
                                    "utf-8",
                                    data,
                                    at,
                                    at + n,
                                    reason,
                                ));
                            }
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for b in &data[at..at + n] {
                                    out.push_str(&format!("\\x{b:02x}"));
                                }
                            }
                            "surrogateescape" | "surrogatepass" => {
                                return Err(vm.unsupported(&format!("errors={errors:?}")))
                            }
                            _ => return Err(bad_handler(vm)),
                        }
                        i = at + n;
                    }
                }
            }
        }
        Codec::Utf8Sig => {
            let skip = if data.starts_with(&[0xef, 0xbb, 0xbf]) {
                3
            } else if !last && data.len() < 3 && [0xef, 0xbb, 0xbf].starts_with(data) {
                return Ok((String::new(), 0));
            } else {
                0
            };
            let (text, used) = decode_bytes(vm, &data[skip..], "utf-8", errors, last)?;
            Ok((text, used + skip))
        }
        Codec::Cp1252 => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                let c = match b {
                    0x80..=0x9f => super::str_methods::CP1252_HIGH[(b - 0x80) as usize],
                    _ => b as char,
                };
                if c != '\0' || b == 0 {
                    out.push(c);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(unicode_decode_error(
                            vm,
                            "charmap",
                            data,
                            i,
                            i + 1,
                            "character maps to <undefined>",
                        ))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                    _ => return Err(vm.unsupported(&format!("errors={errors:?}"))),
                }
            }
            Ok((out, data.len()))
        }
        Codec::UnicodeEscape { raw } => decode_escapes(vm, data, raw, errors),
        Codec::Utf16(be, bom) => decode_wide(vm, data, 2, be, bom, errors, last),
        Codec::Utf32(be, bom) => decode_wide(vm, data, 4, be, bom, errors, last),
    }
}

/// `unicode_escape` (string-literal escapes over Latin-1) or `raw_unicode_escape`
/// (only `\\u`/`\\U`, preceded by an odd number of backslashes).
fn decode_escapes(vm: &mut Vm, data: &[u8], raw: bool, errors: &str) -> PyResult<(String, usize)> {
    let name = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' || i + 1 >= data.len() {
            if b == b'\\' && !raw {
                let e = unicode_decode_error(vm, name, data, i, i + 1, "\\ at end of string");
                if errors == "strict" {
                    return Err(e);
                }
                if errors == "replace" {
                    out.push('\u{fffd}');
                }
                i += 1;
                continue;
            }
            out.push(b as char);
            i += 1;
            continue;
        }
        let e = data[i + 1];
        let hex_len = match e {
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            _ => 0,
        };
        if raw && hex_len == 0 {
            out.push('\\');
            out.push(e as char);
            i += 2;
            continue;
        }
        if hex_len > 0 {
            let start = i + 2;
            let mut end = start;
            while end < data.len() && end - start < hex_len && data[end].is_ascii_hexdigit() {
                end += 1;
            }
            let code = (end - start == hex_len)
                .then(|| u32::from_str_radix(std::str::from_utf8(&data[start..end]).ok()?, 16).ok())
                .flatten();
            match code.and_then(char::from_u32) {
                Some(c) => {
                    out.push(c);
                    i = end;
                }
                None => {
                    let reason = if code.is_some() {
                        "illegal Unicode character".to_string()
                    } else {
                        let k = match e {
                            b'x' => "\\xXX",
                            b'u' => "\\uXXXX",
                            _ => "\\UXXXXXXXX",
                        };
                        format!("truncated {k} escape")
                    };
                    match errors {
                        "strict" => {
                            return Err(unicode_decode_error(vm, name, data, i, end, &reason))
                        }
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        _ => return Err(vm.unsupported(&format!("errors={errors:?}"))),
                    }
                    i = end;
                }
            }
            continue;
        }
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\u{7}'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\u{b}'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'N' => return Err(vm.unsupported("unicode_escape \\N{...}")),
            other => {
                out.push('\\');
                out.push(other as char);
            }
        }
    }
    Ok((out, data.len()))
}

/// UTF-16 (`width` 2) or UTF-32 (`width` 4) of `data`: with `bom`, a leading byte
/// order mark chooses the byte order (and is skipped), else `be` does. Errors name
/// the codec with its byte order, as CPython's do.
fn decode_wide(
    vm: &mut Vm,
    data: &[u8],
    width: usize,
    be: bool,
    bom: bool,
    errors: &str,
    last: bool,
) -> PyResult<(String, usize)> {
    let mut be = be;
    let mut i = 0;
    if bom && data.len() >= width {
        let (le_mark, be_mark): (&[u8], &[u8]) = if width == 2 {
            (&[0xff, 0xfe], &[0xfe, 0xff])
        } else {
            (&[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff])
        };
        if data.starts_with(le_mark) {
            be = false;
            i = width;
        } else if data.starts_with(be_mark) {
            be = true;
            i = width;
        } else {
            be = false;
        }
    }
    let name = match (width, be) {
        (2, false) => "utf-16-le",
        (2, true) => "utf-16-be",
        (_, false) => "utf-32-le",
        (_, true) => "utf-32-be",
    };
    let unit = |at: usize| -> u32 {
        let b = &data[at..at + width];
        let mut v = 0u32;
        if be {
            for &x in b {
                v = (v << 8) | x as u32;
            }
        } else {
            for &x in b.iter().rev() {
                v = (v << 8) | x as u32;
            }
        }
        v
    };
    let mut out = String::with_capacity(data.len() / width);
    while i < data.len() {
        // (start, end, reason) of an undecodable sequence.
        let bad: (usize, usize, &str);
        if i + width > data.len() {
            if !last {
                return Ok((out, i));
            }
            bad = (i, data.len(), "truncated data");
        } else {
            let u = unit(i);
            if width == 4 {
                match char::from_u32(u) {
                    Some(c) => {
                        out.push(c);
                        i += 4;
                        continue;
                    }
                    None => bad = (i, i + 4, "code point not in range(0x110000)"),
                }
            } else if !(0xd800..0xe000).contains(&u) {
                out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                i += 2;
                continue;
            } else if u >= 0xdc00 {
                bad = (i, i + 2, "illegal encoding");
            } else if i + 4 > data.len() {
                if !last {
                    return Ok((out, i));
                }
                bad = (i, data.len(), "unexpected end of data");
            } else {
                let lo = unit(i + 2);
                if (0xdc00..0xe000).contains(&lo) {
                    let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                    i += 4;
                    continue;
                }
                bad = (i, i + 2, "illegal UTF-16 surrogate");
            }
        }
        let (start, end, reason) = bad;
        match errors {
            "strict" => return Err(unicode_decode_error(vm, name, data, start, end, reason)),
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            "surrogateescape" | "surrogatepass" => {
                return Err(vm.unsupported(&format!("errors={errors:?}")))
            }
            _ => {
                return Err(vm.new_error(
                    "LookupError",
                    &format!("unknown error handler name '{errors}'"),
                ))
            }
        }
        i = end;
    }
    Ok((out, data.len()))
}

fn str_param(
    vm: &mut Vm,
    v: &Option<Value>,
    fname: &str,
    label: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(x) => match x.data() {
            Some(ObjData::Str(s)) => Ok(s.s.to_string()),
            _ => {
                let tn = vm.type_name(x);
                Err(vm.type_error(&format!(
                    "{fname}() argument '{label}' must be str, not {tn}"
                )))
            }
        },
    }
}

fn decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = recv(vm, a, "decode")?;
    let p = params(vm, a, "decode", &["encoding", "errors"])?;
    let enc = str_param(vm, &p[0], "decode", "encoding", "utf-8")?;
    let errors = str_param(vm, &p[1], "decode", "errors", "strict")?;
    let (s, _) = decode_bytes(vm, &b, &enc, &errors, true)?;
    Ok(vm.new_string(s))
}

/// `str(b, encoding[, errors])`.
pub fn str_from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = a.arg(0, "object").and_then(bytes_of).unwrap_or_default();
    let enc = a.arg(1, "encoding").cloned();
    let errors = a.arg(2, "errors").cloned();
    let enc = str_param(vm, &enc, "str", "encoding", "utf-8")?;
    let errors = str_param(vm, &errors, "str", "errors", "strict")?;
    let (s, _) = decode_bytes(vm, &data, &enc, &errors, true)?;
    Ok(vm.new_string(s))
}

fn hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (b, _) = recv(vm, a, "hex")?;
    let p = params(vm, a, "hex", &["sep", "bytes_per_sep"])?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut all = String::with_capacity(b.len() * 2);
    for &x in b.iter() {
        all.push(HEX[(x >> 4) as usize] as char);
        all.push(HEX[(x & 15) as usize] as char);
    }
    let sep = match &p[0] {
        None => return Ok(vm.new_string(all)),
        Some(v) => match v.data() {
            Some(ObjData::Str(s)) => s.s.to_string(),
            _ => match bytes_of(v) {
                Some(x) => x.iter().map(|&c| c as char).collect(),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
                }
            },
        },
    };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(vm.value_error("sep must be ASCII."));
    }
    let per = match &p[1] {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    if per == 0 || all.is_empty() {
        return Ok(vm.new_string(all));
    }
    let k = per.unsigned_abs() as usize;
    let n = all.len() / 2;
    let mut out = String::with_capacity(all.len() + n);
    for (i, d) in all.as_bytes().chunks(2).enumerate() {
        if i > 0 {
            // Groups are counted from the right for a positive count.
            let boundary = if per > 0 {
                (n - i).is_multiple_of(k)
            } else {
                i.is_multiple_of(k)
            };
            if boundary {
                out.push_str(&sep);
            }
        }
        out.push(d[0] as char);
        out.push(d[1] as char);
    }
    Ok(vm.new_string(out))
}

fn fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = a.pos.first().cloned().unwrap_or(Value::NONE);
    let s = match a.pos.get(1).map(|v| v.data()) {
        Some(Some(ObjData::Str(s))) => s.s.to_string(),
        Some(_) => {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("fromhex() argument must be str, not {tn}")));
        }
        None => {
            return Err(vm.type_error("fromhex() takes exactly one argument (0 given)"));
        }
    };
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &mut Vm, i: usize| {
        vm.value_error(&format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < cs.len() {
        if cs[i].is_ascii() && is_space(cs[i] as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = cs[i].to_digit(16).filter(|_| cs[i].is_ascii()) else {
            return Err(bad(vm, i));
        };
        i += 1;
        let Some(lo) = cs
            .get(i)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
        else {
            return Err(bad(vm, i));
        };
        i += 1;
        out.push((hi * 16 + lo) as u8);
    }
    Ok(like(cls.is(&vm.t.bytearray), out))
}

// ---------------------------------------------------------------- searching

fn search_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let (h, _) = recv(vm, a, name)?;
    if !a.kw.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let n = a.pos.len() - 1;
    if n == 0 {
        return Err(vm.type_error(&format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(vm.type_error(&format!("{name} expected at most 3 arguments, got {n}")));
    }
    let sub = sub_arg(vm, &a.pos[1])?;
    let (s, e) = range_args(vm, h.len(), &a.pos.get(2).cloned(), &a.pos.get(3).cloned())?;
    Ok((h, sub, s, e))
}

fn find(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, n, s, e) = search_args(vm, a, "find")?;
    Ok(vm.new_int(find_sub(&h, &n, s, e).map(|i| i as i64).unwrap_or(-1)))
}
fn rfind(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, n, s, e) = search_args(vm, a, "rfind")?;
    Ok(vm.new_int(rfind_sub(&h, &n, s, e).map(|i| i as i64).unwrap_or(-1)))
}
fn index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, n, s, e) = search_args(vm, a, "index")?;
    match find_sub(&h, &n, s, e) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn rindex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, n, s, e) = search_args(vm, a, "rindex")?;
    match rfind_sub(&h, &n, s, e) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, n, s, e) = search_args(vm, a, "count")?;
    if s > e {
        return Ok(vm.new_int(0));
    }
    if n.is_empty() {
        return Ok(vm.new_int((e - s + 1) as i64));
    }
    let mut c = 0;
    let mut i = s;
    while let Some(j) = find_sub(&h, &n, i, e) {
        c += 1;
        i = j + n.len();
    }
    Ok(vm.new_int(c))
}

fn starts_ends(vm: &mut Vm, a: &Args, name: &str, ends: bool) -> PyResult<Value> {
    let (h, _) = recv(vm, a, name)?;
    if a.pos.len() < 2 {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    }
    let (s, e) = range_args(vm, h.len(), &a.pos.get(2).cloned(), &a.pos.get(3).cloned())?;
    let cands: Vec<Value> = match a.pos[1].data() {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vec![a.pos[1].clone()],
    };
    let tuple = matches!(a.pos[1].data(), Some(ObjData::Tuple(_)));
    for c in cands {
        let Some(p) = bytes_of(&c) else {
            let tn = vm.type_name(&c);
            return Err(vm.type_error(&if tuple {
                format!("a bytes-like object is required, not '{tn}'")
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")
            }));
        };
        if s > h.len() || s > e || e - s < p.len() {
            continue;
        }
        let hit = if ends {
            h[e - p.len()..e] == p[..]
        } else {
            h[s..s + p.len()] == p[..]
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
fn startswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    starts_ends(vm, a, "startswith", false)
}
fn endswith(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    starts_ends(vm, a, "endswith", true)
}

// ---------------------------------------------------------------- split / join / strip

fn sep_maxsplit(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let p = params(vm, a, name, &["sep", "maxsplit"])?;
    let sep = match &p[0] {
        Some(v) if !v.is_none() => {
            let s = buf_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    let max = match &p[1] {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, if max < 0 { i64::MAX } else { max }))
}

fn split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "split")?;
    let (sep, max) = sep_maxsplit(vm, a, "split")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            let mut n = 0;
            while n < max {
                match find_sub(&h, &sep, i, h.len()) {
                    Some(j) => {
                        parts.push(h[i..j].to_vec());
                        i = j + sep.len();
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(h[i..].to_vec());
        }
        None => {
            let mut i = 0;
            let mut n = 0;
            loop {
                while i < h.len() && is_space(h[i]) {
                    i += 1;
                }
                if i >= h.len() {
                    break;
                }
                if n >= max {
                    parts.push(h[i..].to_vec());
                    break;
                }
                let st = i;
                while i < h.len() && !is_space(h[i]) {
                    i += 1;
                }
                parts.push(h[st..i].to_vec());
                n += 1;
            }
        }
    }
    let items = parts.into_iter().map(|p| like(ba, p)).collect();
    Ok(vm.new_list(items))
}

fn rsplit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "rsplit")?;
    let (sep, max) = sep_maxsplit(vm, a, "rsplit")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut e = h.len();
            let mut n = 0;
            while n < max {
                match rfind_sub(&h, &sep, 0, e) {
                    Some(j) => {
                        parts.push(h[j + sep.len()..e].to_vec());
                        e = j;
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(h[..e].to_vec());
        }
        None => {
            let mut e = h.len();
            let mut n = 0;
            loop {
                while e > 0 && is_space(h[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if n >= max {
                    parts.push(h[..e].to_vec());
                    break;
                }
                let end = e;
                while e > 0 && !is_space(h[e - 1]) {
                    e -= 1;
                }
                parts.push(h[e..end].to_vec());
                n += 1;
            }
        }
    }
    parts.reverse();
    let items = parts.into_iter().map(|p| like(ba, p)).collect();
    Ok(vm.new_list(items))
}

fn splitlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "splitlines")?;
    let p = params(vm, a, "splitlines", &["keepends"])?;
    let keep = match &p[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut st = 0;
    while i < h.len() {
        let eol = match h[i] {
            b'\n' => 1,
            b'\r' if h.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        out.push(like(ba, h[st..end].to_vec()));
        i += eol;
        st = i;
    }
    if st < h.len() {
        out.push(like(ba, h[st..].to_vec()));
    }
    Ok(vm.new_list(out))
}

fn join(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (sep, ba) = recv(vm, a, "join")?;
    crate::methods::nargs(vm, a, "join", 1, 1)?;
    let items = vm.collect(&a.pos[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = bytes_of(it) else {
            let tn = vm.type_name(it);
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected a bytes-like object, {tn} found"
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(like(ba, out))
}

fn strip_impl(vm: &mut Vm, a: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 0, 1)?;
    let chars: Option<Vec<u8>> = match a.pos.get(1) {
        Some(v) if !v.is_none() => Some(buf_arg(vm, v)?),
        _ => None,
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let (s, e) = strip_span(&h, left, right, strip);
    Ok(like(ba, h[s..e].to_vec()))
}
fn strip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_impl(vm, a, "strip", true, true)
}
fn lstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip", false, true)
}

fn replace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "replace")?;
    crate::methods::nargs(vm, a, "replace", 2, 3)?;
    let old = buf_arg(vm, &a.pos[1])?;
    let new = buf_arg(vm, &a.pos[2])?;
    let max = match a.pos.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut out = Vec::new();
    if old.is_empty() {
        let mut n = 0;
        for (i, &c) in h.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(c);
            let _ = i;
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(like(ba, out));
    }
    let mut i = 0;
    let mut n = 0;
    while n < max {
        match find_sub(&h, &old, i, h.len()) {
            Some(j) => {
                out.extend_from_slice(&h[i..j]);
                out.extend_from_slice(&new);
                i = j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&h[i..]);
    Ok(like(ba, out))
}

fn partition_impl(vm: &mut Vm, a: &Args, name: &str, right: bool) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 1, 1)?;
    let sep = buf_arg(vm, &a.pos[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let hit = if right {
        rfind_sub(&h, &sep, 0, h.len())
    } else {
        find_sub(&h, &sep, 0, h.len())
    };
    let parts = match hit {
        Some(j) => [h[..j].to_vec(), sep.clone(), h[j + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), h.clone()],
        None => [h.clone(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| like(ba, p)).collect();
    Ok(vm.new_tuple(items))
}
fn partition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition_impl(vm, a, "partition", false)
}
fn rpartition(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    partition_impl(vm, a, "rpartition", true)
}

fn affix(vm: &mut Vm, a: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 1, 1)?;
    let p = buf_arg(vm, &a.pos[1])?;
    let out = if !suffix && h.starts_with(&p) {
        h[p.len()..].to_vec()
    } else if suffix && !p.is_empty() && h.ends_with(&p) {
        h[..h.len() - p.len()].to_vec()
    } else {
        h
    };
    Ok(like(ba, out))
}
fn removeprefix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "removeprefix", false)
}
fn removesuffix(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    affix(vm, a, "removesuffix", true)
}

fn pad(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 1, 2)?;
    let width = int_arg(vm, &a.pos[1])?;
    let fill = match a.pos.get(2) {
        Some(v) => match bytes_of(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
        None => b' ',
    };
    let n = h.len() as i64;
    if width <= n {
        return Ok(like(ba, h));
    }
    let total = (width - n) as usize;
    let (l, r) = match name {
        "ljust" => (0, total),
        "rjust" => (total, 0),
        _ => {
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&h);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(like(ba, out))
}
fn center(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "center")
}
fn ljust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "ljust")
}
fn rjust(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pad(vm, a, "rjust")
}
fn zfill(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "zfill")?;
    crate::methods::nargs(vm, a, "zfill", 1, 1)?;
    let width = int_arg(vm, &a.pos[1])?;
    if width <= h.len() as i64 {
        return Ok(like(ba, h));
    }
    let fill = width as usize - h.len();
    let mut out = Vec::with_capacity(width as usize);
    let (sign, rest) = match h.first() {
        Some(&c) if c == b'+' || c == b'-' => (Some(c), &h[1..]),
        _ => (None, &h[..]),
    };
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(like(ba, out))
}

// ---------------------------------------------------------------- case and predicates

fn map_case(vm: &mut Vm, a: &Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 0, 0)?;
    Ok(like(ba, f(&h)))
}
fn upper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    map_case(vm, a, "upper", |h| h.to_ascii_uppercase())
}
fn lower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    map_case(vm, a, "lower", |h| h.to_ascii_lowercase())
}
fn swapcase(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    map_case(vm, a, "swapcase", |h| {
        h.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn capitalize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    map_case(vm, a, "capitalize", |h| {
        h.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn title(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    map_case(vm, a, "title", |h| {
        let mut prev = false;
        h.iter()
            .map(|&c| {
                let r = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, a: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (h, _) = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 0, 0)?;
    Ok(Value::bool(f(&h)))
}
fn isdigit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isdigit", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_digit)
    })
}
fn isalpha(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isalpha", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_alphabetic)
    })
}
fn isalnum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isalnum", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn isspace(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isspace", |h| {
        !h.is_empty() && h.iter().all(|&c| is_space(c))
    })
}
fn isupper(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isupper", |h| {
        h.iter().any(u8::is_ascii_uppercase) && !h.iter().any(u8::is_ascii_lowercase)
    })
}
fn islower(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "islower", |h| {
        h.iter().any(u8::is_ascii_lowercase) && !h.iter().any(u8::is_ascii_uppercase)
    })
}
fn isascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "isascii", |h| h.is_ascii())
}

// ---------------------------------------------------------------- bytearray mutation

fn ba_cell<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    match a.pos.first().and_then(|v| v.data()) {
        Some(ObjData::ByteArray(c)) => Ok(c),
        _ => Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'bytearray' object"
        ))),
    }
}

fn ba_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "append")?;
    crate::methods::nargs(vm, a, "append", 1, 1)?;
    let b = byte_arg(vm, &a.pos[1])?;
    c.borrow_mut().push(b);
    Ok(Value::NONE)
}
fn ba_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "extend")?;
    crate::methods::nargs(vm, a, "extend", 1, 1)?;
    let v = &a.pos[1];
    let data = match bytes_of(v) {
        Some(b) => b,
        None => {
            if vm.iter(v).is_err() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("can't extend bytearray with {tn}")));
            }
            let items = vm.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(byte_arg(vm, x)?);
            }
            out
        }
    };
    c.borrow_mut().extend_from_slice(&data);
    Ok(Value::NONE)
}
fn ba_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "pop")?;
    crate::methods::nargs(vm, a, "pop", 0, 1)?;
    let len = c.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match a.pos.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = c.borrow_mut().remove(j as usize);
    Ok(Value::small_int(b as i64))
}
fn ba_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "insert")?;
    crate::methods::nargs(vm, a, "insert", 2, 2)?;
    let i = int_arg(vm, &a.pos[1])?;
    let b = byte_arg(vm, &a.pos[2])?;
    let len = c.borrow().len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    c.borrow_mut().insert(j as usize, b);
    Ok(Value::NONE)
}
fn ba_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "remove")?;
    crate::methods::nargs(vm, a, "remove", 1, 1)?;
    let b = byte_arg(vm, &a.pos[1])?;
    let pos = c.borrow().iter().position(|&x| x == b);
    match pos {
        Some(i) => {
            c.borrow_mut().remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}
fn ba_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "clear")?;
    c.borrow_mut().clear();
    Ok(Value::NONE)
}
fn ba_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "copy")?;
    Ok(new_bytearray(c.borrow().clone()))
}
fn ba_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let c = ba_cell(vm, a, "reverse")?;
    c.borrow_mut().reverse();
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- % formatting

/// `bytes % args`: run the str formatter on the latin-1 view of the format, with
/// `%s`/`%b` arguments required to be bytes-like and `%r`/`%a` given as `ascii()`.
fn percent(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let f = bytes_of(fmt).unwrap_or_default();
    let ba = is_ba(fmt);
    let is_tuple = matches!(args.data(), Some(ObjData::Tuple(_)));
    let mapping = !is_tuple && matches!(args.data(), Some(ObjData::Dict(_)));
    let mut items: Vec<Value> = match args.data() {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut new_map: Vec<(Value, Value)> = Vec::new();
    let mut out_fmt = String::with_capacity(f.len());
    let mut i = 0;
    let mut idx = 0usize;
    while i < f.len() {
        let c = f[i];
        out_fmt.push(c as char);
        i += 1;
        if c != b'%' {
            continue;
        }
        let mut key: Option<String> = None;
        if f.get(i) == Some(&b'(') {
            let mut depth = 1;
            let st = i + 1;
            let mut j = st;
            while j < f.len() && depth > 0 {
                match f[j] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            let name: String = f[st..j.saturating_sub(1)]
                .iter()
                .map(|&b| b as char)
                .collect();
            for &b in &f[i..j] {
                out_fmt.push(b as char);
            }
            key = Some(name);
            i = j;
        }
        while i < f.len() && matches!(f[i], b'-' | b'+' | b' ' | b'#' | b'0') {
            out_fmt.push(f[i] as char);
            i += 1;
        }
        for _ in 0..2 {
            if f.get(i) == Some(&b'*') {
                out_fmt.push('*');
                i += 1;
                idx += 1;
            } else {
                while i < f.len() && f[i].is_ascii_digit() {
                    out_fmt.push(f[i] as char);
                    i += 1;
                }
            }
            if f.get(i) == Some(&b'.') {
                out_fmt.push('.');
                i += 1;
            } else {
                break;
            }
        }
        while i < f.len() && matches!(f[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        let Some(&conv) = f.get(i) else { break };
        i += 1;
        if conv == b'%' {
            out_fmt.push('%');
            continue;
        }
        let arg: Option<Value> = match &key {
            Some(k) if mapping => {
                let kv = new_bytes(k.chars().map(|c| c as u32 as u8).collect());
                let v = vm.getitem(args, &kv)?;
                if !matches!(conv, b's' | b'b' | b'r' | b'a' | b'c') {
                    let sk = vm.new_str(k);
                    new_map.push((sk, v.clone()));
                }
                Some(v)
            }
            Some(_) => None,
            None => items.get(idx).cloned(),
        };
        let conv_out = match conv {
            b's' | b'b' | b'r' | b'a' | b'c' => {
                if let Some(v) = arg {
                    let conv_v: Value = match conv {
                        b's' | b'b' => match bytes_of(&v) {
                            Some(b) => vm.new_string(b.iter().map(|&c| c as char).collect()),
                            None => {
                                let tn = vm.type_name(&v);
                                return Err(vm.type_error(&format!(
                                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
                                )));
                            }
                        },
                        b'c' => match bytes_of(&v) {
                            Some(b) if b.len() == 1 => vm.new_string((b[0] as char).to_string()),
                            _ => match as_i64(&v).filter(|_| is_int(&v)) {
                                Some(n) if (0..256).contains(&n) => {
                                    vm.new_string(((n as u8) as char).to_string())
                                }
                                Some(_) => {
                                    return Err(vm.overflow_error("%c arg not in range(256)"))
                                }
                                None => {
                                    return Err(vm.type_error(
                                        "%c requires an integer in range(256) or a single byte",
                                    ))
                                }
                            },
                        },
                        _ => {
                            let r = vm.repr(&v)?;
                            vm.new_string(crate::methods::ascii_of(&r))
                        }
                    };
                    match &key {
                        Some(k) => {
                            let kv = vm.new_str(k);
                            new_map.push((kv, conv_v));
                        }
                        None => {
                            if let Some(slot) = items.get_mut(idx) {
                                *slot = conv_v;
                            }
                        }
                    }
                }
                's'
            }
            other => other as char,
        };
        out_fmt.push(conv_out);
        if key.is_none() {
            idx += 1;
        }
    }
    // A bytes-like argument is one value here (never a mapping, as it would be for
    // str formatting): unused, it is an error.
    if !is_tuple
        && idx == 0
        && matches!(args.data(), Some(ObjData::Bytes(_) | ObjData::ByteArray(_)))
    {
        return Err(vm.type_error("not all arguments converted during bytes formatting"));
    }
    let new_args = if mapping {
        let d = vm.new_dict();
        if let Some(ObjData::Dict(dd)) = d.data() {
            for (k, v) in new_map {
                vm.table_set(dd, k, v)?;
            }
        }
        d
    } else if is_tuple {
        vm.new_tuple(items)
    } else {
        items.pop().unwrap_or(Value::NONE)
    };
    let fv = vm.new_string(out_fmt);
    let r = crate::methods::str_percent(vm, &fv, &new_args).map_err(|e| {
        if let Ok(m) = vm.exc_str(&e) {
            if m == "not all arguments converted during string formatting" {
                return vm.type_error("not all arguments converted during bytes formatting");
            }
        }
        e
    })?;
    let s = vm.str(&r)?;
    let mut out = Vec::with_capacity(s.len());
    for ch in s.chars() {
        out.push(ch as u32 as u8);
    }
    Ok(like(ba, out))
}

// ---------------------------------------------------------------- int.to_bytes / from_bytes

fn byteorder_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(x) => match x.data() {
            Some(ObjData::Str(s)) if &*s.s == "little" => Ok(true),
            Some(ObjData::Str(s)) if &*s.s == "big" => Ok(false),
            Some(ObjData::Str(_)) => {
                Err(vm.value_error("byteorder must be either 'little' or 'big'"))
            }
            _ => {
                let tn = vm.type_name(x);
                Err(vm.type_error(&format!(
                    "to_bytes() argument 'byteorder' must be str, not {tn}"
                )))
            }
        },
    }
}

fn int_to_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = match a.pos.first() {
        Some(v) if is_int(v) => crate::ops::as_bigint(v).unwrap_or_default(),
        _ => return Err(vm.type_error("descriptor 'to_bytes' requires an 'int' object")),
    };
    let p = params(vm, a, "to_bytes", &["length", "byteorder", "signed"])?;
    let len = match &p[0] {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    if len < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, &p[1])?;
    let signed = match &p[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !signed && n.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let len = len as usize;
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.sign() == Sign::NoSign {
        bytes.clear();
    }
    if bytes.len() > len {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && n.sign() == Sign::Minus {
        0xff
    } else {
        0
    };
    if len > 1 << 32 {
        return Err(vm.new_error("MemoryError", ""));
    }
    bytes.resize(len, fill);
    if !little {
        bytes.reverse();
    }
    Ok(new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // pos[0] is the class (classmethod).
    let rest = Args {
        pos: a.pos.clone(),
        kw: a.kw.clone(),
    };
    let p = params(vm, &rest, "from_bytes", &["bytes", "byteorder", "signed"])?;
    let Some(src) = p[0].clone() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let data = match bytes_of(&src) {
        Some(b) => b,
        None => {
            let ca = Args::new(vec![src.clone()]);
            if matches!(src.data(), Some(ObjData::Str(_))) || is_int(&src) || src.is_float() {
                let tn = vm.type_name(&src);
                return Err(vm.type_error(&format!("cannot convert '{tn}' object to bytes")));
            }
            let v = c_bytes(vm, &ca)?;
            bytes_of(&v).unwrap_or_default()
        }
    };
    let little = match &p[1] {
        None => false,
        Some(x) => match x.data() {
            Some(ObjData::Str(s)) if &*s.s == "little" => true,
            Some(ObjData::Str(s)) if &*s.s == "big" => false,
            Some(ObjData::Str(_)) => {
                return Err(vm.value_error("byteorder must be either 'little' or 'big'"))
            }
            _ => {
                let tn = vm.type_name(x);
                return Err(vm.type_error(&format!(
                    "from_bytes() argument 'byteorder' must be str, not {tn}"
                )));
            }
        },
    };
    let signed = match &p[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let r = vm.int_result(n);
    let cls = a.pos.first().cloned().unwrap_or(Value::NONE);
    if !cls.is_none() && !cls.is(&vm.t.int) && crate::types::type_obj(&cls).is_some() {
        return vm.call(&cls, vec![r]);
    }
    Ok(r)
}

// ---------------------------------------------------------------- open()

/// `open(...)`: the `io` library module implements files.
pub fn b_open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.is_empty() && !a.kw.iter().any(|(k, _)| &**k == "file") {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    }
    let name = vm.new_str("io");
    let globals = vm.new_dict();
    let m = crate::modules::import(vm, &name, 0, &globals)?;
    let k = vm.intern("open");
    let f = vm.getattr(&m, &k)?;
    vm.call_kw(&f, a.pos.clone(), a.kw.clone())
}

/// `_lethe.decode(data, encoding, errors, final)` → (text, bytes consumed): one step
/// of incremental decoding for text files.
pub fn l_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let data = a.pos.first().and_then(bytes_of).unwrap_or_default();
    let text = |i: usize, d: &str| match a.pos.get(i).map(|v| v.data()) {
        Some(Some(ObjData::Str(s))) => s.s.to_string(),
        _ => d.to_string(),
    };
    let (enc, errors) = (text(1, "utf-8"), text(2, "strict"));
    let last = a.pos.get(3).map(|v| v.is_true_const()).unwrap_or(true);
    let (s, n) = decode_bytes(vm, &data, &enc, &errors, last)?;
    let s = vm.new_string(s);
    let n = vm.new_int(n as i64);
    Ok(vm.new_tuple(vec![s, n]))
}

fn expandtabs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "expandtabs")?;
    let p = params(vm, a, "expandtabs", &["tabsize"])?;
    let size = match &p[0] {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in &h {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(ba, out))
}

fn translate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (h, ba) = recv(vm, a, "translate")?;
    let p = params(vm, a, "translate", &["table", "delete"])?;
    let table = match &p[0] {
        None => return Err(vm.type_error("translate() takes at least 1 argument (0 given)")),
        Some(v) if v.is_none() => None,
        Some(v) => {
            let t = buf_arg(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &p[1] {
        Some(v) => buf_arg(vm, v)?,
        None => Vec::new(),
    };
    let out = h
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map(|t| t[c as usize]).unwrap_or(c))
        .collect();
    Ok(like(ba, out))
}

fn istitle(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    pred(vm, a, "istitle", |h| {
        let mut cased = false;
        let mut prev_cased = false;
        for &c in h {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// `bytes.maketrans(frm, to)` (a static method: no receiver).
pub fn maketrans(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // Called as bytes.maketrans(x, y) or b"".maketrans(x, y): take the last two.
    if a.pos.len() < 2 {
        return Err(vm.type_error(&format!(
            "maketrans expected 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let n = a.pos.len();
    let frm = buf_arg(vm, &a.pos[n - 2])?;
    let to = buf_arg(vm, &a.pos[n - 1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, g) in frm.iter().zip(to.iter()) {
        t[*f as usize] = *g;
    }
    Ok(new_bytes(t))
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`; its `str()` is
/// CPython's "'utf-8' codec can't decode byte 0xff in position 0: …".
pub fn unicode_decode_error(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let cls = vm.exc_type("UnicodeDecodeError");
    let args = vec![
        vm.new_str(encoding),
        new_bytes(data.to_vec()),
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str(reason),
    ];
    vm.new_exc(&cls, args)
}

/// The span of `b` left after stripping the bytes `strip` accepts from the left and/or
/// the right (shared with `str.strip` on ASCII text).
pub(crate) fn strip_span(
    b: &[u8],
    left: bool,
    right: bool,
    strip: impl Fn(u8) -> bool,
) -> (usize, usize) {
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    (s, e)
}
