//! The `builtins` module: built-in functions and the constructors of built-in types.

pub mod bytes_methods;
pub mod file_native;
pub mod json_native;
pub mod process_native;
pub mod re_native;
pub mod str_methods;
pub mod struct_native;

use crate::methods::{make_set, nargs};
use crate::object::{IterState, ObjData};
use crate::ops::{as_bigint, as_f64, as_i64, int_ref, is_int, IntRef};
use crate::{Args, PyResult, Value, Vm};
use lethe_compiler::bytecode::{BinOp, CmpOp};
use std::cell::RefCell;

fn new_iter(st: IterState) -> Value {
    Value::new_obj(ObjData::Iter(Box::new(RefCell::new(st))))
}

fn fmt_err(vm: &mut Vm, e: lethe_format::FormatError) -> Value {
    let kind = e.kind().name();
    let msg = e.to_string();
    vm.new_error(kind, &msg)
}

fn arity(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len();
    if n < min || n > max {
        let msg = if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else if min == max {
            format!("{name} expected {min} arguments, got {n}")
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

fn b_print(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let strarg = |vm: &mut Vm, name: &str, default: &str| -> PyResult<String> {
        match a.kwarg(name) {
            Some(s) if !s.is_none() => match s.data() {
                Some(ObjData::Str(x)) => Ok(x.s.to_string()),
                _ => {
                    let tn = vm.type_name(s);
                    Err(vm.type_error(&format!("{name} must be None or a string, not {tn}")))
                }
            },
            _ => Ok(default.into()),
        }
    };
    let sep = strarg(vm, "sep", " ")?;
    let end = strarg(vm, "end", "\n")?;
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(v)?);
    }
    out.push_str(&end);
    let file = match a.kwarg("file") {
        Some(f) if !f.is_none() => Some(f.clone()),
        _ => crate::modules::redirected_stdout(vm),
    };
    match file {
        Some(f) => {
            let w = vm.intern("write");
            let m = vm.getattr(&f, &w)?;
            let s = vm.new_string(out);
            vm.call(&m, vec![s])?;
        }
        None => vm.write_stdout(out.as_bytes())?,
    }
    if let Some(fl) = a.kwarg("flush") {
        if vm.truthy(fl)? {
            vm.flush();
            vm.stdout_error()?;
        }
    }
    Ok(Value::NONE)
}

fn b_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "len", 1, 1)?;
    let n = vm.len(&a.pos[0])?;
    Ok(vm.new_int(n as i64))
}

fn index_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
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

fn c_range(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    arity(vm, a, "range", 1, 3)?;
    let small = |v: &Value| {
        as_i64(v)
            .filter(|i| is_int(v) && i.abs() <= 1 << 61)
            .is_some()
    };
    if !a.pos.iter().all(small) {
        // Bounds beyond the inline form (or `__index__` objects): exact big ints.
        let mut b = Vec::with_capacity(3);
        for v in a.pos.iter() {
            b.push(crate::bigrange::index_big(vm, v)?);
        }
        let (start, stop, step) = match b.len() {
            1 => (
                num_bigint::BigInt::from(0),
                b[0].clone(),
                num_bigint::BigInt::from(1),
            ),
            2 => (b[0].clone(), b[1].clone(), num_bigint::BigInt::from(1)),
            _ => (b[0].clone(), b[1].clone(), b[2].clone()),
        };
        if num_traits::Zero::is_zero(&step) {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        return Ok(crate::bigrange::make(start, stop, step));
    }
    let (start, stop, step) = match a.pos.len() {
        1 => (0, index_of(vm, &a.pos[0])?, 1),
        2 => (index_of(vm, &a.pos[0])?, index_of(vm, &a.pos[1])?, 1),
        _ => (
            index_of(vm, &a.pos[0])?,
            index_of(vm, &a.pos[1])?,
            index_of(vm, &a.pos[2])?,
        ),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::new_obj(ObjData::Range { start, stop, step }))
}

pub(crate) fn b_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "abs", 1, 1)?;
    let v = &a.pos[0];
    if let Some(f) = v.as_float() {
        return Ok(Value::float(f.abs()));
    }
    if let Some(z) = crate::complex::parts(v) {
        return crate::complex::abs(vm, z);
    }
    if let Some(i) = int_ref(v) {
        return Ok(match i {
            IntRef::Small(i) => match i.checked_abs() {
                Some(x) => vm.new_int(x),
                None => vm.new_bigint(num_bigint::BigInt::from(i).magnitude().clone().into()),
            },
            IntRef::Big(b) => vm.new_bigint(num_traits::Signed::abs(b)),
        });
    }
    if let Some(f) = vm.lookup_special(v, "__abs__") {
        return vm.call_dunder(&f, v, vec![]);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("bad operand type for abs(): '{tn}'")))
}

fn b_all(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "all", 1, 1)?;
    let it = vm.iter(&a.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn b_any(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "any", 1, 1)?;
    let it = vm.iter(&a.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn b_chr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "chr", 1, 1)?;
    let i = index_of(vm, &a.pos[0])?;
    if !(0..0x110000).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => {
            let mut b = [0u8; 4];
            Ok(vm.new_str(c.encode_utf8(&mut b)))
        }
        None => Err(vm.unsupported("lone surrogate code points in strings")),
    }
}

fn b_ord(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "ord", 1, 1)?;
    let arg = vm
        .plain_base(&a.pos[0], &[])
        .unwrap_or_else(|| a.pos[0].clone());
    match arg.data() {
        Some(ObjData::Str(s)) if s.nchars == 1 => {
            Ok(vm.new_int(s.s.chars().next().map(|c| c as i64).unwrap_or(0)))
        }
        Some(ObjData::Str(s)) => Err(vm.type_error(&format!(
            "ord() expected a character, but string of length {} found",
            s.nchars
        ))),
        Some(ObjData::Bytes(b)) if b.len() == 1 => Ok(vm.new_int(b[0] as i64)),
        _ => {
            let tn = vm.type_name(&a.pos[0]);
            Err(vm.type_error(&format!(
                "ord() expected string of length 1, but {tn} found"
            )))
        }
    }
}

pub(crate) fn b_divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "divmod", 2, 2)?;
    // Subclasses of int/float that do not override __divmod__/__rdivmod__ divide
    // as their value; the others go through their methods below.
    let x = &vm
        .plain_base(&a.pos[0], &["__divmod__"])
        .unwrap_or_else(|| a.pos[0].clone());
    let y = &vm
        .plain_base(&a.pos[1], &["__rdivmod__"])
        .unwrap_or_else(|| a.pos[1].clone());
    if (x.is_float() || y.is_float())
        && (is_int(x) || x.is_float())
        && (is_int(y) || y.is_float())
        && as_f64(y) == Some(0.0)
    {
        return Err(vm.zero_div("float divmod()"));
    }
    let num =
        |v: &Value| (is_int(v) || v.is_float()) && !matches!(v.data(), Some(ObjData::Instance(_)));
    if !(num(x) && num(y)) {
        // __divmod__ / __rdivmod__, then CPython's message naming divmod().
        if let Some(f) = vm.lookup_special(x, "__divmod__") {
            let r = vm.call_dunder(&f, x, vec![y.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if let Some(f) = vm.lookup_special(y, "__rdivmod__") {
            let r = vm.call_dunder(&f, y, vec![x.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
    }
    let q = match vm.binary(BinOp::FloorDiv, x, y) {
        Ok(q) => q,
        Err(e) => {
            let msg = vm.exc_str(&e).unwrap_or_default();
            if msg.starts_with("unsupported operand type(s) for //") {
                let (tx, ty) = (vm.type_name(x), vm.type_name(y));
                return Err(vm.type_error(&format!(
                    "unsupported operand type(s) for divmod(): '{tx}' and '{ty}'"
                )));
            }
            return Err(e);
        }
    };
    let r = vm.binary(BinOp::Mod, x, y)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn b_enumerate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() + a.kw.len() > 2 {
        let n = a.pos.len() + a.kw.len();
        return Err(vm.type_error(&format!(
            "enumerate() takes at most 2 arguments ({n} given)"
        )));
    }
    let Some(src) = a.arg(0, "iterable") else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = a.arg(1, "start").cloned().unwrap_or(Value::small_int(0));
    if !is_int(&start) {
        let tn = vm.type_name(&start);
        return Err(vm.type_error(&format!(
            "'{tn}' object cannot be interpreted as an integer"
        )));
    }
    let it = vm.iter(src)?;
    Ok(new_iter(IterState::Enumerate { it, n: start }))
}

fn b_filter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "filter", 2, 2)?;
    let it = vm.iter(&a.pos[1])?;
    Ok(new_iter(IterState::Filter {
        f: a.pos[0].clone(),
        it,
    }))
}

fn b_map(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for s in &a.pos[1..] {
        its.push(vm.iter(s)?);
    }
    Ok(new_iter(IterState::Map {
        f: a.pos[0].clone(),
        its,
    }))
}

fn b_zip(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in a.kw.iter() {
        if &**k != "strict" {
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for zip()")));
        }
        strict = vm.truthy(v)?;
    }
    let mut its = Vec::new();
    for s in a.pos.iter() {
        its.push(vm.iter(s)?);
    }
    Ok(new_iter(IterState::Zip { its, strict }))
}

/// The interned attribute name for `getattr`/`setattr`/`delattr`.
fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.data() {
        Some(ObjData::Str(s)) => Ok(vm.intern(&s.s)),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn b_getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "getattr", 2, 3)?;
    let n = attr_name(vm, &a.pos[1])?;
    if a.pos.len() == 2 {
        return vm.getattr(&a.pos[0], &n);
    }
    // With a default, a missing attribute is looked up without making an
    // AttributeError (one raised by Python code is still caught).
    match vm.getattr_opt(&a.pos[0], &n) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Ok(a.pos[2].clone()),
        Err(e) => {
            if vm.isinstance(&e, &vm.t.exc["AttributeError"].clone()) {
                Ok(a.pos[2].clone())
            } else {
                Err(e)
            }
        }
    }
}

fn b_hasattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "hasattr", 2, 2)?;
    let n = match a.pos[1].data() {
        Some(ObjData::Str(s)) => vm.intern(&s.s),
        _ => {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
        }
    };
    match vm.getattr_opt(&a.pos[0], &n) {
        Ok(v) => Ok(Value::bool(v.is_some())),
        Err(e) => {
            if vm.isinstance(&e, &vm.t.exc["AttributeError"].clone()) {
                Ok(Value::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn b_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "setattr", 3, 3)?;
    let n = attr_name(vm, &a.pos[1])?;
    vm.setattr(&a.pos[0], &n, a.pos[2].clone())?;
    Ok(Value::NONE)
}

fn b_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "delattr", 2, 2)?;
    let n = attr_name(vm, &a.pos[1])?;
    vm.delattr(&a.pos[0], &n)?;
    Ok(Value::NONE)
}

fn b_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "hash", 1, 1)?;
    let h = vm.hash(&a.pos[0])?;
    Ok(vm.new_int(h))
}

fn b_id(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "id", 1, 1)?;
    let v = &a.pos[0];
    let id = if v.is_ptr() {
        v.addr() as i64
    } else {
        (v.bits() >> 1) as i64 & ((1 << 62) - 1)
    };
    Ok(vm.new_int(id))
}

fn class_tuple(vm: &mut Vm, cls: &Value, what: &str) -> PyResult<Vec<Value>> {
    match cls.data() {
        Some(ObjData::Tuple(t)) => {
            let mut out = Vec::new();
            for c in t.iter() {
                out.extend(class_tuple(vm, c, what)?);
            }
            Ok(out)
        }
        Some(ObjData::Type(_)) => Ok(vec![cls.clone()]),
        _ => match crate::ops::union_args(vm, cls) {
            Some(args) => Ok(args),
            None if what == "issubclass" => Err(
                vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            ),
            None => Err(vm.type_error(&format!(
                "{what}() arg 2 must be a type, a tuple of types, or a union"
            ))),
        },
    }
}

/// `__instancecheck__`/`__subclasscheck__` of a class-info object that is an
/// instance (typing's aliases), as CPython looks them up on `type(classinfo)`.
fn instance_hook(vm: &mut Vm, info: &Value, name: &str, arg: &Value) -> Option<PyResult<Value>> {
    if !matches!(info.data(), Some(ObjData::Instance(_))) {
        return None;
    }
    let f = vm.lookup_special(info, name)?;
    Some(
        vm.call(&f, vec![info.clone(), arg.clone()])
            .and_then(|r| vm.truthy(&r).map(Value::bool)),
    )
}

fn b_isinstance(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    class_check(vm, a, "isinstance", "__instancecheck__", |vm, x, c| {
        vm.isinstance(x, c) || claimed_instance(vm, x, c)
    })
}

/// CPython's `isinstance` also believes an object's `__class__` when it differs from
/// its type: a proxy (`weakref.proxy`, a mock) that forwards `__class__` passes for
/// what it stands for. Only asked of instances whose class can answer differently
/// (a `__getattribute__`, or its own `__class__`); an error answers no.
fn claimed_instance(vm: &mut Vm, x: &Value, c: &Value) -> bool {
    let Some(ObjData::Instance(i)) = x.data() else {
        return false;
    };
    let cls = i.class.clone();
    if vm.class_facts(&cls) & (crate::types::FACT_GETATTRIBUTE | crate::types::FACT_CLASS_ATTR) == 0
    {
        return false;
    }
    let name = vm.intern("__class__");
    match vm.getattr(x, &name) {
        Ok(k) if !k.is(&cls) && crate::types::type_obj(&k).is_some() => vm.is_subclass(&k, c),
        _ => false,
    }
}

fn b_issubclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    class_check(vm, a, "issubclass", "__subclasscheck__", |vm, x, c| {
        vm.is_subclass(x, c)
    })
}

/// `isinstance`/`issubclass`: the class-info's metaclass hook or instance hook
/// (`hook`) decides; else each class of a class-info tuple, through its
/// metaclass's hook or `test`.
fn class_check(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    hook: &str,
    test: fn(&mut Vm, &Value, &Value) -> bool,
) -> PyResult<Value> {
    arity(vm, a, fname, 2, 2)?;
    // An object whose type is exactly the class is an instance without asking the
    // metaclass's `__instancecheck__` (CPython's PyObject_IsInstance).
    if fname == "isinstance" && vm.type_of(&a.pos[0]).is(&a.pos[1]) {
        return Ok(Value::TRUE);
    }
    if let Some(r) = vm.call_meta(&a.pos[1], hook, vec![a.pos[0].clone()]) {
        let r = r?;
        return Ok(Value::bool(vm.truthy(&r)?));
    }
    if let Some(r) = instance_hook(vm, &a.pos[1], hook, &a.pos[0]) {
        return r;
    }
    if fname == "issubclass" && crate::types::type_obj(&a.pos[0]).is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let classes = class_tuple(vm, &a.pos[1], fname)?;
    for c in &classes {
        if fname == "isinstance" && vm.type_of(&a.pos[0]).is(c) {
            return Ok(Value::TRUE);
        }
        if let Some(r) = vm.call_meta(c, hook, vec![a.pos[0].clone()]) {
            if vm.truthy(&r?)? {
                return Ok(Value::TRUE);
            }
        } else if test(vm, &a.pos[0], c) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn b_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "iter", 1, 2)?;
    if a.pos.len() == 2 {
        let ok = b_callable(
            vm,
            &Args {
                pos: vec![a.pos[0].clone()],
                kw: Vec::new(),
            },
        )?;
        if !ok.is(&Value::TRUE) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(new_iter(IterState::Callable {
            f: a.pos[0].clone(),
            sentinel: a.pos[1].clone(),
        }));
    }
    vm.iter(&a.pos[0])
}

fn b_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "next", 1, 2)?;
    let it = &a.pos[0];
    if !matches!(it.data(), Some(ObjData::Iter(_) | ObjData::Gen(_)))
        && vm.lookup_special(it, "__next__").is_none()
    {
        let tn = vm.type_name(it);
        return Err(vm.type_error(&format!("'{tn}' object is not an iterator")));
    }
    if let Some(ObjData::Gen(_)) = it.data() {
        return match vm.gen_resume(it, Value::NONE)? {
            Ok(v) => Ok(v),
            Err(r) => match a.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(r)),
            },
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::NONE)),
        },
    }
}

fn min_max(vm: &mut Vm, a: &Args, name: &str, op: CmpOp) -> PyResult<Value> {
    for (k, _) in a.kw.iter() {
        if &**k != "key" && &**k != "default" {
            return Err(vm.type_error(&format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    if a.pos.len() > 1 && a.kwarg("default").is_some() {
        return Err(vm.type_error(&format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let items = if a.pos.len() == 1 {
        vm.collect(&a.pos[0])?
    } else if a.pos.is_empty() {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    } else {
        a.pos.clone()
    };
    let key = a.kwarg("key").cloned().filter(|k| !k.is_none());
    if items.is_empty() {
        if let Some(d) = a.kwarg("default") {
            return Ok(d.clone());
        }
        return Err(vm.value_error(&format!("{name}() arg is an empty sequence")));
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, vec![it.clone()])?,
            None => it.clone(),
        };
        let r = vm.compare(op, &k, &best_key)?;
        if vm.truthy(&r)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn b_max(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, "max", CmpOp::Gt)
}

fn b_min(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    min_max(vm, a, "min", CmpOp::Lt)
}

/// The error of a three-argument `pow` whose operands are not all ints: CPython's
/// `ternary_op` tries the power slot of each operand's type in turn; int's declines,
/// float's rejects any modulus, complex's one once the base and exponent convert.
fn pow3_error(vm: &mut Vm, args: &[Value]) -> Value {
    let cplx = |x: &Value| x.is_float() || crate::ops::is_int(x) || crate::complex::is_complex(x);
    for x in args {
        if x.is_float() {
            return vm
                .type_error("pow() 3rd argument not allowed unless all arguments are integers");
        }
        if crate::complex::is_complex(x) && cplx(&args[0]) && cplx(&args[1]) {
            return vm.value_error("complex modulo");
        }
    }
    let names: Vec<String> = args.iter().map(|x| vm.type_name(x).to_string()).collect();
    vm.type_error(&format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        names[0], names[1], names[2]
    ))
}

fn b_pow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "pow", 2, 3)?;
    if a.pos.len() == 3 && !a.pos[2].is_none() {
        if matches!(a.pos[0].data(), Some(ObjData::Instance(_))) {
            if let Some(f) = vm.lookup_special(&a.pos[0], "__pow__") {
                if !matches!(f.data(), Some(ObjData::Builtin(_))) {
                    let r = vm.call(&f, a.pos.clone())?;
                    if !r.is(&Value::NOT_IMPLEMENTED) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(r) = modpow_small(&a.pos[0], &a.pos[1], &a.pos[2]) {
            return Ok(vm.new_int(r));
        }
        let (Some(b), Some(e), Some(m)) = (
            as_bigint(&a.pos[0]),
            as_bigint(&a.pos[1]),
            as_bigint(&a.pos[2]),
        ) else {
            return Err(pow3_error(vm, &a.pos));
        };
        if num_traits::Zero::is_zero(&m) {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let mabs = num_traits::Signed::abs(&m);
        let (b, e) = if num_traits::Signed::is_negative(&e) {
            let bm = ((b % &mabs) + &mabs) % &mabs;
            match bm.modinv(&mabs) {
                Some(inv) => (inv, -e),
                None => return Err(vm.value_error("base is not invertible for the given modulus")),
            }
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &mabs);
        let r = if num_traits::Signed::is_negative(&m) && !num_traits::Zero::is_zero(&r) {
            r - &mabs
        } else {
            r
        };
        return Ok(vm.new_bigint(r));
    }
    vm.binary(BinOp::Pow, &a.pos[0], &a.pos[1])
}

/// `pow(b, e, m)` for ints that fit in 64 bits with `e >= 0` and `0 < m < 2**63`,
/// by square-and-multiply in 128-bit arithmetic (the big-int path sets up Montgomery
/// multiplication, which costs more than the whole power for small exponents).
fn modpow_small(b: &Value, e: &Value, m: &Value) -> Option<i64> {
    if !(is_int(b) && is_int(e) && is_int(m)) {
        return None;
    }
    let (b, e, m) = (as_i64(b)?, as_i64(e)?, as_i64(m)?);
    if e < 0 || m <= 0 {
        return None;
    }
    let m = m as u128;
    let mut base = b.rem_euclid(m as i64) as u128;
    let mut e = e as u64;
    let mut r = 1 % m;
    while e > 0 {
        if e & 1 == 1 {
            r = r * base % m;
        }
        base = base * base % m;
        e >>= 1;
    }
    Some(r as i64)
}

fn b_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "repr", 1, 1)?;
    let s = vm.repr(&a.pos[0])?;
    Ok(vm.new_string(s))
}

fn b_ascii(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "ascii", 1, 1)?;
    let s = vm.repr(&a.pos[0])?;
    let mut out = String::new();
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            x if x < 0x100 => out.push_str(&format!("\\x{x:02x}")),
            x if x < 0x10000 => out.push_str(&format!("\\u{x:04x}")),
            x => out.push_str(&format!("\\U{x:08x}")),
        }
    }
    Ok(vm.new_string(out))
}

pub(crate) fn b_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("reversed expected 1 argument, got {n}")));
    }
    let v = &a.pos[0];
    if let Some(ObjData::Instance(_)) = v.data() {
        if let Some(f) = vm.lookup_special(v, "__reversed__") {
            return vm.call(&f, vec![v.clone()]);
        }
    }
    if let Some(ObjData::BigRange(b)) = v.data() {
        return Ok(new_iter(crate::bigrange::iter(b, true)));
    }
    match v.data() {
        Some(ObjData::List(_) | ObjData::Tuple(_) | ObjData::Str(_) | ObjData::Range { .. })
        | Some(ObjData::Instance(_)) => {
            let n = vm.len(v)?;
            Ok(new_iter(IterState::Reversed {
                seq: v.clone(),
                idx: n,
            }))
        }
        Some(ObjData::Dict(_) | ObjData::DictView(_)) => {
            let mut keys = vm.collect(v)?;
            keys.reverse();
            let l = vm.new_list(keys);
            vm.iter(&l)
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("'{tn}' object is not reversible")))
        }
    }
}

pub(crate) fn b_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() + a.kw.len() > 2 {
        let n = a.pos.len() + a.kw.len();
        return Err(vm.type_error(&format!("round() takes at most 2 arguments ({n} given)")));
    }
    let Some(x) = a.arg(0, "number").cloned() else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = a.arg(1, "ndigits").cloned().filter(|v| !v.is_none());
    let x = vm.plain_base(&x, &["__round__"]).unwrap_or(x);
    if let Some(f) = x.as_float() {
        return match nd {
            None => lethe_format::float_round_to_int(f)
                .map(|b| vm.new_bigint(b))
                .map_err(|e| fmt_err(vm, e)),
            Some(n) => {
                let n = index_of(vm, &n)?;
                lethe_format::float_round(f, n)
                    .map(Value::float)
                    .map_err(|e| fmt_err(vm, e))
            }
        };
    }
    if is_int(&x) {
        let Some(n) = nd else {
            return Ok(if x.is_bool() {
                vm.new_int(x.is_true_const() as i64)
            } else {
                x
            });
        };
        let n = index_of(vm, &n)?;
        if n >= 0 {
            return Ok(x);
        }
        let b = as_bigint(&x).unwrap_or_default();
        let p = num_traits::pow::Pow::pow(&num_bigint::BigInt::from(10), (-n) as u32);
        let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
        let twice = &r * 2;
        let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
            q + 1
        } else {
            q
        };
        return Ok(vm.new_bigint(q * p));
    }
    if let Some(f) = vm.lookup_special(&x, "__round__") {
        let args = nd.into_iter().collect();
        return vm.call_dunder(&f, &x, args);
    }
    let tn = vm.type_name(&x);
    Err(vm.type_error(&format!("type {tn} doesn't define __round__ method")))
}

fn b_sorted(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {}", a.pos.len())));
    }
    let items = vm.collect(&a.pos[0])?;
    let key = a.kwarg("key").cloned().filter(|k| !k.is_none());
    let reverse = match a.kwarg("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    match crate::methods::sort_values(vm, items, key.as_ref(), reverse) {
        Ok(v) => Ok(vm.new_list(v)),
        Err((e, _)) => Err(e),
    }
}

fn b_sum(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(src) = a.pos.first() else {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    };
    let mut acc = a.arg(1, "start").cloned().unwrap_or(Value::small_int(0));
    if matches!(acc.data(), Some(ObjData::Str(_))) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(src)?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary(BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

fn b_callable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "callable", 1, 1)?;
    let v = &a.pos[0];
    let c = match v.data() {
        Some(
            ObjData::Func(_)
            | ObjData::Builtin(_)
            | ObjData::BoundMethod(_)
            | ObjData::Type(_)
            | ObjData::StaticMethod(_),
        ) => true,
        Some(ObjData::Instance(_)) => vm.lookup_special(v, "__call__").is_some(),
        _ => false,
    };
    Ok(Value::bool(c))
}

fn b_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "format", 1, 2)?;
    let spec = match a.pos.get(1) {
        Some(s) if matches!(s.data(), Some(ObjData::Str(_)) | Some(ObjData::Instance(_))) => {
            vm.str(s)?
        }
        Some(s) => {
            let tn = if s.is_none() {
                "None".into()
            } else {
                vm.type_name(s)
            };
            return Err(vm.type_error(&format!("format() argument 2 must be str, not {tn}")));
        }
        None => String::new(),
    };
    let s = crate::methods::format(vm, &a.pos[0], &spec)?;
    Ok(vm.new_string(s))
}

fn base_conv(vm: &mut Vm, a: &Args, name: &str, base: u32) -> PyResult<Value> {
    arity(vm, a, name, 1, 1)?;
    let i = index_of(vm, &a.pos[0]).ok();
    let b = match as_bigint(&a.pos[0]) {
        Some(b) => b,
        None => match i {
            Some(i) => num_bigint::BigInt::from(i),
            None => {
                let tn = vm.type_name(&a.pos[0]);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        },
    };
    Ok(vm.new_string(lethe_format::int_to_base(&b, base, true)))
}

fn b_bin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    base_conv(vm, a, "bin", 2)
}
fn b_oct(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    base_conv(vm, a, "oct", 8)
}
fn b_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    base_conv(vm, a, "hex", 16)
}

fn b_globals(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm
        .frames
        .last()
        .map(|f| f.globals.clone())
        .unwrap_or(Value::NONE))
}

/// Built-ins lethe does not provide: present, so that using one is reported as
/// unsupported rather than as a NameError.
macro_rules! unsupported_builtins {
    ($($f:ident => $what:literal,)*) => {$(
        fn $f(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
            Err(vm.unsupported($what))
        }
    )*};
}
unsupported_builtins! {
    b_memoryview => "memoryview",
    b_aiter => "aiter() (async iteration)",
    b_anext => "anext() (async iteration)",
    b_breakpoint => "breakpoint()",
    b_help => "help()",
}

fn b_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "dir", 0, 1)?;
    // A class's own __dir__ (for a class: its metaclass's).
    if let Some(v) = a.pos.first() {
        let own =
            matches!(v.data(), Some(ObjData::Instance(_))) || crate::types::type_obj(v).is_some();
        if own && vm.plain_base(v, &[]).is_none() {
            if let Some(f) = vm.lookup_special(v, "__dir__") {
                if !matches!(f.data(), Some(ObjData::Builtin(_))) {
                    let r = vm.call(&f, vec![v.clone()])?;
                    let items = vm.collect(&r)?;
                    return match crate::methods::sort_values(vm, items, None, false) {
                        Ok(items) => Ok(vm.new_list(items)),
                        Err((e, _)) => Err(e),
                    };
                }
            }
        }
    }
    dir_names(vm, a)
}

/// `object.__dir__(v)`: what `dir(v)` lists without a `__dir__` of its class.
pub(crate) fn default_dir(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    dir_names(vm, &Args::new(vec![v.clone()]))
}

fn dir_names(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut names: Vec<Value> = Vec::new();
    // Instances of user classes with a __dict__ list `__dict__` and `__weakref__`.
    let with_dict = |t: &Value| -> bool {
        crate::types::type_obj(t).is_some_and(|to| {
            !to.builtin && to.slots.is_none() && to.layout != crate::object::Layout::Exception
        })
    };
    if let Some(v) = a.pos.first() {
        let t = if crate::types::type_obj(v).is_some() {
            v.clone()
        } else {
            vm.type_of(v)
        };
        if with_dict(&t) {
            names.push(vm.intern("__dict__"));
            names.push(vm.intern("__weakref__"));
        }
    }
    let add_dict = |names: &mut Vec<Value>, d: &Value| {
        if let Some(ObjData::Dict(dd)) = d.data() {
            names.extend(dd.borrow().keys());
        }
    };
    let add_type = |names: &mut Vec<Value>, t: &Value| {
        let mro = crate::types::type_obj(t)
            .map(|to| to.mro.borrow().clone())
            .unwrap_or_default();
        let mro = if mro.is_empty() { vec![t.clone()] } else { mro };
        for c in mro {
            if let Some(to) = crate::types::type_obj(&c) {
                names.extend(to.dict.borrow().keys());
            }
        }
    };
    match a.pos.first() {
        None => {
            let g = b_locals(vm, a)?;
            add_dict(&mut names, &g);
        }
        Some(v) => match v.data() {
            Some(ObjData::Module(m)) => add_dict(&mut names, &m.dict),
            Some(ObjData::Type(_)) => add_type(&mut names, v),
            _ => {
                if let Some(ObjData::Instance(i)) = v.data() {
                    names.extend(i.items().into_iter().map(|(k, _)| k));
                }
                let t = vm.type_of(v);
                add_type(&mut names, &t);
            }
        },
    }
    if !matches!(
        a.pos.first().and_then(|v| v.data()),
        None | Some(ObjData::Module(_))
    ) {
        names.push(vm.intern("__class__"));
        names.push(vm.intern("__doc__"));
    }
    // The data attributes built-in types serve without a dict entry.
    if let Some(v) = a
        .pos
        .first()
        .filter(|v| !matches!(v.data(), Some(ObjData::Module(_))))
    {
        let t = if crate::types::type_obj(v).is_some() {
            v.clone()
        } else {
            vm.type_of(v)
        };
        let mro = crate::types::type_obj(&t)
            .map(|to| to.mro.borrow().clone())
            .unwrap_or_default();
        let base_exc = vm.t.exc.get("BaseException").cloned();
        let table: [(Value, &[&str]); 7] = [
            (
                vm.t.int.clone(),
                &["denominator", "imag", "numerator", "real"],
            ),
            (vm.t.float.clone(), &["imag", "real"]),
            (vm.t.complex.clone(), &["imag", "real"]),
            (vm.t.range.clone(), &["start", "step", "stop"]),
            (vm.t.slice.clone(), &["start", "step", "stop"]),
            (vm.t.property.clone(), &["fdel", "fget", "fset"]),
            (base_exc.unwrap_or(Value::NONE), &["args"]),
        ];
        for (bt, extra) in table {
            if mro.iter().any(|c| c.is(&bt)) {
                for n in extra {
                    names.push(vm.intern(n));
                }
            }
        }
    }
    let mut strs: Vec<String> = Vec::new();
    for n in &names {
        if let Some(ObjData::Str(s)) = n.data() {
            strs.push(s.s.to_string());
        }
    }
    strs.sort();
    strs.dedup();
    let items = strs.iter().map(|s| vm.new_str(s)).collect();
    Ok(vm.new_list(items))
}

fn b_vars(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "vars", 0, 1)?;
    match a.pos.first() {
        Some(v) => {
            let d = vm.intern("__dict__");
            match vm.getattr_opt(v, &d)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
        None => b_locals(vm, a),
    }
}

/// `locals()`: a class body's namespace, the module's globals, or a new dict of a
/// function's bound local variables (cells read through).
fn b_locals(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "locals", 0, 0)?;
    let Some(f) = vm.frames.last() else {
        return Ok(Value::NONE);
    };
    if f.func.is_unbound() {
        if !f.locals.is_unbound() {
            return Ok(f.locals.clone());
        }
        return Ok(f.globals.clone());
    }
    // A function's frame keeps one dict (CPython 3.11's f_locals), brought up to
    // date with the variables on each call.
    let code = f.code.code.clone();
    let base = f.base;
    let d = if f.locals.is_unbound() {
        let d = vm.new_dict();
        if let Some(f) = vm.frames.last_mut() {
            f.locals = d.clone();
        }
        d
    } else {
        f.locals.clone()
    };
    for (i, n) in code.local_names.iter().enumerate() {
        let mut v = vm.regs.get(base + i).cloned().unwrap_or(Value::UNBOUND);
        let is_cell = code.cell_regs.contains(&(i as u16)) || code.free_regs.contains(&(i as u16));
        if is_cell {
            if let Some(ObjData::Cell(c)) = v.data() {
                let inner = c.borrow().clone();
                v = inner;
            }
        }
        let k = vm.intern(n);
        if let Some(ObjData::Dict(dd)) = d.data() {
            if v.is_unbound() {
                let old = vm.table_del(dd, &k)?;
                drop(old);
                continue;
            }
            vm.table_set(dd, k, v)?;
        }
    }
    Ok(d)
}

/// The source text of `exec`/`eval`'s first argument.
fn exec_source(vm: &mut Vm, v: &Value, name: &str) -> PyResult<String> {
    match v.data() {
        Some(ObjData::Str(s)) => Ok(s.s.to_string()),
        Some(ObjData::Bytes(b)) => Ok(String::from_utf8_lossy(b).into_owned()),
        _ => Err(vm.type_error(&format!(
            "{name}() arg 1 must be a string, bytes or code object"
        ))),
    }
}

/// The namespace `exec`/`eval` run in, and where to copy assignments back (a
/// separate `locals` mapping). Without `globals`, the caller's: its module globals
/// at module level, a snapshot of globals and locals inside a function (as in
/// CPython, assignments there do not reach the function's variables).
fn exec_namespace(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Value, Option<Value>)> {
    let globals = a.arg(1, "globals").cloned().filter(|v| !v.is_none());
    let locals = a.arg(2, "locals").cloned().filter(|v| !v.is_none());
    let Some(g) = globals else {
        let caller_locals = b_locals(vm, &Args::new(vec![]))?;
        let caller_globals = vm
            .frames
            .last()
            .map(|f| f.globals.clone())
            .unwrap_or(Value::NONE);
        if caller_locals.is(&caller_globals) && locals.is_none() {
            return Ok((caller_globals, None));
        }
        let merged = vm.new_dict();
        for src in [Some(caller_globals), Some(caller_locals), locals.clone()]
            .into_iter()
            .flatten()
        {
            if let (Some(ObjData::Dict(md)), Some(ObjData::Dict(sd))) = (merged.data(), src.data())
            {
                let items: Vec<(Value, Value)> = sd
                    .borrow()
                    .iter()
                    .map(|e| (e.1.clone(), e.2.clone()))
                    .collect();
                for (k, v) in items {
                    vm.table_set(md, k, v)?;
                }
            }
        }
        return Ok((merged, locals));
    };
    let Some(ObjData::Dict(gd)) = g.data() else {
        let tn = vm.type_name(&g);
        return Err(vm.type_error(&format!("{name}() globals must be a dict, not {tn}")));
    };
    let bk = vm.intern("__builtins__");
    if vm.table_get(gd, &bk)?.is_none() {
        let b = vm.builtins.clone();
        vm.table_set(gd, bk, b)?;
    }
    match locals {
        Some(l) if !l.is(&g) => {
            let merged = vm.new_dict();
            for src in [&g, &l] {
                if let (Some(ObjData::Dict(md)), Some(ObjData::Dict(sd))) =
                    (merged.data(), src.data())
                {
                    let items: Vec<(Value, Value)> = sd
                        .borrow()
                        .iter()
                        .map(|e| (e.1.clone(), e.2.clone()))
                        .collect();
                    for (k, v) in items {
                        vm.table_set(md, k, v)?;
                    }
                }
            }
            Ok((merged, Some(l)))
        }
        _ => Ok((g, None)),
    }
}

/// Copy what `exec` assigned in a merged namespace back into the `locals` mapping.
fn exec_copy_back(vm: &mut Vm, ns: &Value, locals: &Value, globals: &Value) -> PyResult<()> {
    let Some(ObjData::Dict(nd)) = ns.data() else {
        return Ok(());
    };
    // Names the code only read from the globals stay out of the locals.
    let from_globals = |vm: &mut Vm, k: &Value, v: &Value| -> PyResult<bool> {
        if let Some(ObjData::Dict(ld)) = locals.data() {
            if vm.table_get(ld, k)?.is_some() {
                return Ok(false);
            }
        }
        match globals.data() {
            Some(ObjData::Dict(gd)) => Ok(vm.table_get(gd, k)?.is_some_and(|g| g.is(v))),
            _ => Ok(false),
        }
    };
    let items: Vec<(Value, Value)> = nd
        .borrow()
        .iter()
        .map(|e| (e.1.clone(), e.2.clone()))
        .collect();
    let bk = vm.intern("__builtins__");
    for (k, v) in items {
        if vm.eq(&k, &bk)? || from_globals(vm, &k, &v)? {
            continue;
        }
        vm.setitem(locals, &k, v)?;
    }
    Ok(())
}

fn run_source(vm: &mut Vm, text: String, ns: &Value) -> PyResult<Value> {
    let source = lethe_compiler::Source::new("<string>", text);
    let code = match lethe_compiler::compile_module(&source) {
        Ok(c) => c,
        Err(e) => return Err(vm.compile_error(&e)),
    };
    let co = crate::interp::make_code_obj(vm, code, None);
    vm.run_code(co, ns.clone(), Value::UNBOUND, Value::NONE)
}

/// `_lethe.exec_single(source, filename, globals)`: run source as CPython's
/// `exec(compile(source, filename, "single"), globals)` does (expression statements
/// show their value through `sys.displayhook`); for doctest.
pub(crate) fn l_exec_single(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (Some(ObjData::Str(src)), Some(ObjData::Str(name)), Some(globals)) = (
        a.pos.first().and_then(|v| v.data()),
        a.pos.get(1).and_then(|v| v.data()),
        a.pos.get(2),
    ) else {
        return Err(vm.type_error("exec_single(source, filename, globals)"));
    };
    let source = lethe_compiler::Source::new(&name.s, src.s.to_string());
    let code = match lethe_compiler::compile_interactive(&source) {
        Ok(c) => c,
        Err(e) => return Err(vm.compile_error(&e)),
    };
    let co = crate::interp::make_code_obj(vm, code, None);
    vm.run_code(co, globals.clone(), Value::UNBOUND, Value::NONE)?;
    Ok(Value::NONE)
}

/// `exec(source, globals=None, locals=None)`: run statements (strings; code objects
/// are unsupported).
fn b_exec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "exec", 1, 3)?;
    let text = exec_source(vm, &a.pos[0], "exec")?;
    let (ns, back) = exec_namespace(vm, a, "exec")?;
    run_source(vm, text, &ns)?;
    if let Some(l) = back {
        let globals = match a.arg(1, "globals").filter(|v| !v.is_none()) {
            Some(g) => g.clone(),
            None => vm
                .frames
                .last()
                .map(|f| f.globals.clone())
                .unwrap_or(Value::NONE),
        };
        exec_copy_back(vm, &ns, &l, &globals)?;
    }
    Ok(Value::NONE)
}

/// `eval(expression, globals=None, locals=None)`.
fn b_eval(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "eval", 1, 3)?;
    let text = exec_source(vm, &a.pos[0], "eval")?;
    let expr = text.trim_start_matches([' ', '\t']);
    if expr.trim().is_empty() {
        return Err(vm.new_error("SyntaxError", "invalid syntax"));
    }
    let (ns, _) = exec_namespace(vm, a, "eval")?;
    let key = "__lethe_eval_result__";
    run_source(vm, format!("{key} = (\n{expr}\n)\n"), &ns)?;
    let k = vm.intern(key);
    match ns.data() {
        Some(ObjData::Dict(d)) => Ok(vm.table_del(d, &k)?.unwrap_or(Value::NONE)),
        _ => Ok(Value::NONE),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn b_import(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(name) = a.arg(0, "name").cloned() else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    if !matches!(name.data(), Some(ObjData::Str(_))) {
        let tn = vm.type_name(&name);
        return Err(vm.type_error(&format!("__import__() argument 1 must be str, not {tn}")));
    }
    let globals = match a.arg(1, "globals") {
        Some(g) if !g.is_none() => g.clone(),
        _ => vm.new_dict(),
    };
    let fromlist = match a.arg(3, "fromlist") {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    let level = a.arg(4, "level").and_then(as_i64).unwrap_or(0);
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let level = (level as u16 & 0x7fff) | if fromlist { 0x8000 } else { 0 };
    crate::modules::import(vm, &name, level, &globals)
}

fn b_compile(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.unsupported("compile() and code objects"))
}

fn b_super(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, obj) = match a.pos.len() {
        2 => {
            let (cls, obj) = (a.pos[0].clone(), a.pos[1].clone());
            if crate::types::type_obj(&cls).is_none() {
                let tn = vm.type_name(&cls);
                return Err(vm.type_error(&format!("super() argument 1 must be a type, not {tn}")));
            }
            let ok = vm.isinstance(&obj, &cls)
                || (crate::types::type_obj(&obj).is_some() && vm.is_subclass(&obj, &cls));
            if !ok {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            (cls, obj)
        }
        0 => {
            // Zero-argument form: the calling frame's __class__ cell and first argument.
            let Some(f) = vm.frames.last() else {
                return Err(vm.runtime_error("super(): no arguments"));
            };
            let code = f.code.code.clone();
            let base = f.base;
            if f.func.is_unbound() || code.params.positional.is_empty() {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let Some(ci) = code.freevars.iter().position(|n| &**n == "__class__") else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let creg = code.free_regs[ci] as usize;
            let cls = match vm.regs[base + creg].data() {
                Some(ObjData::Cell(c)) => c.borrow().clone(),
                _ => Value::UNBOUND,
            };
            if code.params.count() == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut first = vm.regs[base].clone();
            if let Some(ObjData::Cell(c)) = first.data() {
                if code.cell_regs.contains(&0) {
                    let inner = c.borrow().clone();
                    first = inner;
                }
            }
            if cls.is_unbound() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            let ok = vm.isinstance(&first, &cls)
                || (crate::types::type_obj(&first).is_some() && vm.is_subclass(&first, &cls));
            if !ok {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            (cls, first)
        }
        _ => return Err(vm.type_error("super() takes 0 or 2 arguments")),
    };
    Ok(Value::new_obj(ObjData::Super(Box::new((cls, obj)))))
}

/// Attribute lookup through a `super` object.
pub fn super_getattr(vm: &mut Vm, sup: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(ObjData::Super(s)) = sup.data() else {
        return Ok(None);
    };
    let (cls, obj) = (s.0.clone(), s.1.clone());
    let start_type = if crate::types::type_obj(&obj).is_some() && vm.is_subclass(&obj, &cls) {
        obj.clone()
    } else {
        vm.type_of(&obj)
    };
    let mro = crate::types::type_obj(&start_type)
        .map(|t| t.mro.borrow().clone())
        .unwrap_or_default();
    let pos = mro
        .iter()
        .position(|c| c.is(&cls))
        .map(|p| p + 1)
        .unwrap_or(mro.len());
    for c in &mro[pos..] {
        if let Some(t) = crate::types::type_obj(c) {
            if let Some(v) = vm.table_get(&t.dict, name)? {
                return Ok(Some(match v.data() {
                    Some(ObjData::Func(_)) => {
                        if crate::types::type_obj(&obj).is_some()
                            && obj.is(&start_type)
                            && !vm.isinstance(&obj, &cls)
                        {
                            v
                        } else {
                            Value::new_obj(ObjData::BoundMethod(Box::new((v.clone(), obj.clone()))))
                        }
                    }
                    // __new__ is a static method.
                    Some(ObjData::Builtin(b)) if b.name == "__new__" => v.clone(),
                    Some(ObjData::Builtin(b)) => {
                        Value::new_obj(ObjData::Builtin(Box::new(crate::object::BuiltinObj {
                            name: b.name,
                            f: b.f,
                            slf: Some(obj.clone()),
                            owner: b.owner,
                            intrinsic: 0,
                        })))
                    }
                    Some(ObjData::ClassMethod(f)) => Value::new_obj(ObjData::BoundMethod(
                        Box::new((f.clone(), start_type.clone())),
                    )),
                    Some(ObjData::StaticMethod(f)) => f.clone(),
                    // `super(C, cls).prop` (bound to a class): the property itself.
                    Some(ObjData::Property(_)) if obj.is(&start_type) => v,
                    Some(ObjData::Property(p)) => {
                        let g = p[0].clone();
                        vm.call(&g, vec![obj.clone()])?
                    }
                    Some(ObjData::Instance(_)) => match vm.lookup_special(&v, "__get__") {
                        // Any other descriptor: `__get__(obj, type)` (obj None for a
                        // super bound to a class).
                        Some(get) => {
                            let inst = if obj.is(&start_type) {
                                Value::NONE
                            } else {
                                obj.clone()
                            };
                            vm.call(&get, vec![v.clone(), inst, start_type.clone()])?
                        }
                        None => v,
                    },
                    _ => v,
                }));
            }
        }
    }
    Ok(None)
}

fn b_property(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = a.arg(0, "fget").cloned().unwrap_or(Value::NONE);
    let s = a.arg(1, "fset").cloned().unwrap_or(Value::NONE);
    let d = a.arg(2, "fdel").cloned().unwrap_or(Value::NONE);
    let doc = a.arg(3, "doc").cloned().unwrap_or(Value::NONE);
    let _ = vm;
    Ok(Value::new_obj(ObjData::Property(Box::new([g, s, d, doc]))))
}

fn b_staticmethod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "staticmethod", 1, 1)?;
    Ok(Value::new_obj(ObjData::StaticMethod(a.pos[0].clone())))
}

fn b_classmethod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "classmethod", 1, 1)?;
    Ok(Value::new_obj(ObjData::ClassMethod(a.pos[0].clone())))
}

fn b_input(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "input", 0, 1)?;
    if let Some(p) = a.pos.first() {
        let s = vm.str(p)?;
        vm.stdout.write_str(&s);
    }
    vm.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(vm.new_string(line))
        }
        Err(e) => Err(vm.new_error("OSError", &e.to_string())),
    }
}

// ---- constructors ----

fn c_object(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.pos.is_empty() || !a.kw.is_empty() {
        return Err(vm.type_error("object() takes no arguments"));
    }
    let o = vm.t.object.clone();
    Ok(vm.new_instance(&o))
}

fn c_int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    for (k, _) in a.kw.iter() {
        if &**k != "base" {
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for int()")));
        }
    }
    if a.pos.len() > 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("int() takes at most 2 arguments ({n} given)")));
    }
    let Some(x) = a.pos.first().cloned() else {
        if a.kwarg("base").is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::small_int(0));
    };
    let x = vm
        .plain_base(&x, &["__int__", "__index__", "__trunc__"])
        .unwrap_or(x);
    let base = a.arg(1, "base").cloned();
    if let Some(raw) = bytes_methods::bytes_of(&x) {
        // int(b"12"): the bytes read as ASCII text, errors showing the bytes.
        let text: String = raw.iter().map(|&c| c as char).collect();
        let mut pos = vec![vm.new_string(text)];
        pos.extend(base.clone());
        return c_int(vm, &Args::new(pos)).map_err(|e| {
            if vm.isinstance(&e, &vm.t.exc["ValueError"].clone()) {
                let b = base.as_ref().and_then(as_i64).unwrap_or(10);
                let r = crate::methods::bytes_repr(&raw);
                return vm.value_error(&format!("invalid literal for int() with base {b}: {r}"));
            }
            e
        });
    }
    if let Some(b) = base {
        let Some(b) = as_i64(&b) else {
            return Err(vm.type_error("'str' object cannot be interpreted as an integer"));
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let Some(ObjData::Str(s)) = x.data() else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return match lethe_format::parse_int_literal(&s.s, b as u32) {
            Ok(v) => {
                int_str_digits_check(vm, &s.s, b as u32)?;
                Ok(vm.new_bigint(v))
            }
            Err(_) => {
                let m = lethe_format::invalid_int_literal_message(&s.s, b as u32);
                Err(vm.value_error(&m))
            }
        };
    }
    if is_int(&x) {
        return Ok(if x.is_bool() {
            vm.new_int(x.is_true_const() as i64)
        } else {
            x
        });
    }
    if let Some(f) = x.as_float() {
        return lethe_format::float_to_int(f)
            .map(|b| vm.new_bigint(b))
            .map_err(|e| fmt_err(vm, e));
    }
    if let Some(ObjData::Str(s)) = x.data() {
        return match lethe_format::parse_int_literal(&s.s, 10) {
            Ok(v) => {
                int_str_digits_check(vm, &s.s, 10)?;
                Ok(vm.new_bigint(v))
            }
            Err(_) => {
                let m = lethe_format::invalid_int_literal_message(&s.s, 10);
                Err(vm.value_error(&m))
            }
        };
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = vm.lookup_special(&x, name) {
            if !matches!(f.data(), Some(ObjData::Builtin(_))) {
                return vm.call_dunder(&f, &x, vec![]);
            }
        }
    }
    let tn = vm.type_name(&x);
    Err(vm.type_error(&format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    )))
}

/// CPython's default `sys.int_info.default_max_str_digits` limit on parsing ints in
/// bases that are not powers of two.
fn int_str_digits_check(vm: &mut Vm, s: &str, base: u32) -> PyResult<()> {
    if base.is_power_of_two() {
        return Ok(());
    }
    let t = s.trim().trim_start_matches(['+', '-']);
    let lt = t.to_ascii_lowercase();
    if base == 0 && (lt.starts_with("0x") || lt.starts_with("0o") || lt.starts_with("0b")) {
        return Ok(());
    }
    let n = t.chars().filter(|c| *c != '_').count();
    let limit = crate::modules::int_max_str_digits();
    if limit > 0 && n > limit {
        return Err(vm.value_error(&format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// `float(v)`.
pub(crate) fn float_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    c_float(vm, &Args::new(vec![v.clone()]))
}

fn c_float(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    arity(vm, a, "float", 0, 1)?;
    let Some(x) = a.pos.first() else {
        return Ok(Value::float(0.0));
    };
    let unwrapped = vm.plain_base(x, &["__float__", "__index__"]);
    let x = unwrapped.as_ref().unwrap_or(x);
    if let Some(f) = x.as_float() {
        return Ok(Value::float(f));
    }
    if is_int(x) {
        return match as_f64(x) {
            Some(f) => Ok(Value::float(f)),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    if let Some(ObjData::Str(s)) = x.data() {
        return match lethe_format::parse_float(&s.s) {
            Some(f) => Ok(Value::float(f)),
            None => {
                let m = lethe_format::invalid_float_message(&s.s);
                Err(vm.value_error(&m))
            }
        };
    }
    if let Some(f) = vm.lookup_special(x, "__float__") {
        return vm.call_dunder(&f, x, vec![]);
    }
    if matches!(x.data(), Some(ObjData::Instance(_))) {
        if let Some(f) = vm.lookup_special(x, "__index__") {
            let i = vm.call(&f, vec![x.clone()])?;
            if !is_int(&i) {
                let tn = vm.type_name(&i);
                return Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")));
            }
            return match as_f64(&i) {
                Some(f) => Ok(Value::float(f)),
                None => Err(vm.overflow_error("int too large to convert to float")),
            };
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(&format!(
        "float() argument must be a string or a real number, not '{tn}'"
    )))
}

fn c_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "bool", 0, 1)?;
    match a.pos.first() {
        Some(v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::FALSE),
    }
}

fn c_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() + a.kw.len() > 3 {
        let n = a.pos.len() + a.kw.len();
        return Err(vm.type_error(&format!("str() takes at most 3 arguments ({n} given)")));
    }
    for (i, name) in [(1, "encoding"), (2, "errors")] {
        if let Some(x) = a.arg(i, name) {
            if !matches!(x.data(), Some(ObjData::Str(_) | ObjData::Instance(_))) {
                let tn = vm.type_name(x);
                return Err(
                    vm.type_error(&format!("str() argument '{name}' must be str, not {tn}"))
                );
            }
        }
    }
    match a.arg(0, "object") {
        Some(v) => {
            if matches!(v.data(), Some(ObjData::Bytes(_) | ObjData::ByteArray(_)))
                && (a.pos.len() > 1 || a.kwarg("encoding").is_some() || a.kwarg("errors").is_some())
            {
                return bytes_methods::str_from_bytes(vm, a);
            }
            if a.pos.len() > 1 || a.kwarg("encoding").is_some() || a.kwarg("errors").is_some() {
                if matches!(v.data(), Some(ObjData::Str(_))) {
                    return Err(vm.type_error("decoding str is not supported"));
                }
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "decoding to str: need a bytes-like object, {tn} found"
                )));
            }
            vm.str_value(v)
        }
        None => Ok(vm.new_str("")),
    }
}

fn c_list(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "list", 0, 1)?;
    let items = match a.pos.first() {
        Some(v) => vm.collect(v)?,
        None => vec![],
    };
    Ok(vm.new_list(items))
}

fn c_tuple(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "tuple", 0, 1)?;
    match a.pos.first() {
        Some(v) if matches!(v.data(), Some(ObjData::Tuple(_))) => Ok(v.clone()),
        Some(v) => {
            let items = vm.collect(v)?;
            Ok(vm.new_tuple(items))
        }
        None => Ok(vm.new_tuple(vec![])),
    }
}

fn c_dict(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "dict", 0, 1)?;
    let d = vm.new_dict();
    if let Some(src) = a.pos.first() {
        crate::methods::dict_update_from(vm, &d, src)?;
    }
    if let Some(ObjData::Dict(dd)) = d.data() {
        for (k, v) in &a.kw {
            let key = vm.new_str(k);
            vm.table_set(dd, key, v.clone())?;
        }
    }
    Ok(d)
}

fn c_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "set", 0, 1)?;
    match a.pos.first() {
        Some(v) => crate::methods::set_from(vm, v, false),
        None => make_set(vm, vec![]),
    }
}

fn c_frozenset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "frozenset", 0, 1)?;
    match a.pos.first() {
        // frozenset(a_frozenset) is that frozenset.
        Some(v) if matches!(v.data(), Some(ObjData::FrozenSet(_))) => Ok(v.clone()),
        Some(v) => crate::methods::set_from(vm, v, true),
        None => {
            let s = make_set(vm, vec![])?;
            Ok(crate::methods::freeze(s))
        }
    }
}

fn c_type(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.pos.len() {
        1 => Ok(vm.type_of(&a.pos[0])),
        3 => {
            let name = vm.str(&a.pos[0])?;
            let bases = vm.collect(&a.pos[1])?;
            let ns = a.pos[2].clone();
            if !matches!(ns.data(), Some(ObjData::Dict(_))) {
                let tn = vm.type_name(&ns);
                return Err(
                    vm.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}"))
                );
            }
            // A base with a metaclass: that metaclass makes the class.
            let meta = vm.calculate_meta(None, &bases)?;
            if !meta.is(&vm.t.type_) {
                let bt = vm.new_tuple(bases);
                return vm.call_kw(&meta, vec![a.pos[0].clone(), bt, ns], a.kw.clone());
            }
            let module = {
                let k = vm.intern("__module__");
                let m = match ns.data() {
                    Some(ObjData::Dict(d)) => vm.table_get(d, &k)?,
                    _ => None,
                };
                match m.as_ref().and_then(|m| match m.data() {
                    Some(ObjData::Str(s)) => Some(std::rc::Rc::from(&*s.s)),
                    _ => None,
                }) {
                    Some(m) => m,
                    None => vm.current_module_name(),
                }
            };
            let cls = vm.new_class(&name, &name, bases, &ns, module.clone())?;
            vm.ensure_module_attr(&cls, &module)?;
            vm.finish_class(&cls, &ns, a.kw.clone())?;
            Ok(cls)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn c_slice(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "slice", 1, 3)?;
    let (s, e, st) = match a.pos.len() {
        1 => (Value::NONE, a.pos[0].clone(), Value::NONE),
        2 => (a.pos[0].clone(), a.pos[1].clone(), Value::NONE),
        _ => (a.pos[0].clone(), a.pos[1].clone(), a.pos[2].clone()),
    };
    Ok(Value::new_obj(ObjData::Slice(Box::new([s, e, st]))))
}

/// Constructors of built-in types, called when the type object is called.
pub fn builtin_constructor(vm: &Vm, cls: &Value) -> Option<crate::object::NativeFn> {
    let t = &vm.t;
    let table: [(&Value, crate::object::NativeFn); 17] = [
        (&t.int, c_int),
        (&t.float, c_float),
        (&t.complex, crate::complex::construct),
        (&t.bool_, c_bool),
        (&t.str_, c_str),
        (&t.list, c_list),
        (&t.tuple, c_tuple),
        (&t.dict, c_dict),
        (&t.set, c_set),
        (&t.frozenset, c_frozenset),
        (&t.range, c_range),
        (&t.type_, c_type),
        (&t.object, c_object),
        (&t.slice, c_slice),
        (&t.bytes, bytes_methods::c_bytes),
        (&t.bytearray, bytes_methods::c_bytearray),
        (&t.property, b_property),
    ];
    for (c, f) in table {
        if c.is(cls) {
            return Some(f);
        }
    }
    if cls.is(&t.staticmethod) {
        return Some(b_staticmethod);
    }
    if cls.is(&t.classmethod) {
        return Some(b_classmethod);
    }
    if cls.is(&t.super_) {
        return Some(b_super);
    }
    if cls.is(&t.method) {
        return Some(c_method);
    }
    if cls.is(&t.module) {
        return Some(c_module);
    }
    if crate::types::type_obj(cls).is_some_and(|c| c.builtin) && cls.is(&t.named("GenericAlias")) {
        return Some(crate::methods::c_generic_alias);
    }
    None
}

/// `types.MethodType(func, obj)`: a bound method.
fn c_method(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "method", 2, 2)?;
    let f = b_callable(vm, &Args::new(vec![a.pos[0].clone()]))?;
    if !f.is_true_const() {
        return Err(vm.type_error("first argument must be callable"));
    }
    if a.pos[1].is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::new_obj(ObjData::BoundMethod(Box::new((
        a.pos[0].clone(),
        a.pos[1].clone(),
    )))))
}

/// `types.ModuleType(name, doc=None)`: a new empty module.
fn c_module(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    arity(vm, a, "module", 1, 2)?;
    let name = match a.pos[0].data() {
        Some(ObjData::Str(s)) => s.s.to_string(),
        _ => {
            let tn = vm.type_name(&a.pos[0]);
            return Err(vm.type_error(&format!(
                "module.__init__() argument 'name' must be str, not {tn}"
            )));
        }
    };
    let m = crate::modules::new_module(vm, &name);
    let doc = a.pos.get(1).cloned().unwrap_or(Value::NONE);
    crate::modules::module_set(vm, &m, "__doc__", doc);
    Ok(m)
}

fn b_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = vm.exc_type("SystemExit");
    let e = vm.new_exc(&cls, a.pos.clone());
    Err(e)
}

/// Build the builtins dict.
pub fn make_builtins(vm: &mut Vm) -> Value {
    let d = vm.new_dict();
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("abs", b_abs),
        ("all", b_all),
        ("any", b_any),
        ("chr", b_chr),
        ("ord", b_ord),
        ("divmod", b_divmod),
        ("enumerate", b_enumerate),
        ("filter", b_filter),
        ("map", b_map),
        ("zip", b_zip),
        ("getattr", b_getattr),
        ("hasattr", b_hasattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("hash", b_hash),
        ("id", b_id),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("iter", b_iter),
        ("next", b_next),
        ("max", b_max),
        ("min", b_min),
        ("pow", b_pow),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("reversed", b_reversed),
        ("round", b_round),
        ("sorted", b_sorted),
        ("sum", b_sum),
        ("callable", b_callable),
        ("format", b_format),
        ("bin", b_bin),
        ("oct", b_oct),
        ("hex", b_hex),
        ("globals", b_globals),
        ("vars", b_vars),
        ("locals", b_locals),
        ("exec", b_exec),
        ("eval", b_eval),
        ("compile", b_compile),
        ("__import__", b_import),
        ("dir", b_dir),
        ("input", b_input),
        ("exit", b_exit),
        ("open", bytes_methods::b_open),
        ("quit", b_exit),
        ("memoryview", b_memoryview),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("breakpoint", b_breakpoint),
        ("help", b_help),
    ];
    if let Some(ObjData::Dict(dd)) = d.data() {
        for (name, f) in fns {
            let k = vm.intern(name);
            let v = vm.new_native(name, "builtins", *f);
            let _ = vm.table_set(dd, k, v);
        }
        let t = &vm.t;
        let types: Vec<(&str, Value)> = vec![
            ("object", t.object.clone()),
            ("type", t.type_.clone()),
            ("int", t.int.clone()),
            ("bool", t.bool_.clone()),
            ("float", t.float.clone()),
            ("complex", t.complex.clone()),
            ("str", t.str_.clone()),
            ("list", t.list.clone()),
            ("tuple", t.tuple.clone()),
            ("dict", t.dict.clone()),
            ("set", t.set.clone()),
            ("frozenset", t.frozenset.clone()),
            ("range", t.range.clone()),
            ("slice", t.slice.clone()),
            ("property", t.property.clone()),
            ("staticmethod", t.staticmethod.clone()),
            ("classmethod", t.classmethod.clone()),
            ("super", t.super_.clone()),
            ("bytes", t.bytes.clone()),
            ("bytearray", t.bytearray.clone()),
        ];
        let mut excs: Vec<(&str, Value)> = t.exc.iter().map(|(k, v)| (*k, v.clone())).collect();
        excs.sort_by(|a, b| a.0.cmp(b.0));
        for (name, v) in types.into_iter().chain(excs) {
            let k = vm.intern(name);
            let _ = vm.table_set(dd, k, v);
        }
        let os_error = vm.t.exc["OSError"].clone();
        for (name, v) in [
            ("IOError", os_error.clone()),
            ("EnvironmentError", os_error),
            ("None", Value::NONE),
            ("True", Value::TRUE),
            ("False", Value::FALSE),
            ("NotImplemented", Value::NOT_IMPLEMENTED),
            ("Ellipsis", Value::ELLIPSIS),
        ] {
            let k = vm.intern(name);
            let _ = vm.table_set(dd, k, v);
        }
        let k = vm.intern("__name__");
        let v = vm.new_str("builtins");
        let _ = vm.table_set(dd, k, v);
    }
    d
}

#[allow(dead_code)]
fn unused(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "x", 0, 0)?;
    Ok(Value::NONE)
}
