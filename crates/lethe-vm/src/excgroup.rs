//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): made at start-up as classes of
//! the exception hierarchy; construction and `str()` are native, `split`/`subgroup`
//! live in the library module `_excgroup`; the run-time helpers of `except*` clauses
//! (`_lethe.star_match`, `_lethe.prep_reraise_star`) are at the end.

use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};

/// Create the two classes and add them to the exception table.
pub fn install(vm: &mut Vm) {
    let base_exc = vm.t.exc["BaseException"].clone();
    let exc = vm.t.exc["Exception"].clone();
    let ns = vm.new_dict();
    if let Some(ObjData::Dict(d)) = ns.data() {
        for (name, f) in [
            ("derive", eg_derive as crate::object::NativeFn),
            ("split", eg_split),
            ("subgroup", eg_subgroup),
            ("__str__", eg_str),
        ] {
            let k = vm.intern(name);
            let v = vm.new_native(name, "BaseExceptionGroup", f);
            let _ = vm.table_set(d, k, v);
        }
        let k = vm.intern("__new__");
        let b = vm.new_native("__new__", "BaseExceptionGroup", eg_new);
        let _ = vm.table_set(d, k, Value::new_obj(ObjData::StaticMethod(b)));
    }
    let Ok(beg) = vm.new_class(
        "BaseExceptionGroup",
        "BaseExceptionGroup",
        vec![base_exc],
        &ns,
        std::rc::Rc::from("builtins"),
    ) else {
        return;
    };
    let ns2 = vm.new_dict();
    let Ok(eg) = vm.new_class(
        "ExceptionGroup",
        "ExceptionGroup",
        vec![beg.clone(), exc],
        &ns2,
        std::rc::Rc::from("builtins"),
    ) else {
        return;
    };
    vm.t.exc.insert("BaseExceptionGroup", beg);
    vm.t.exc.insert("ExceptionGroup", eg);
}

fn eg_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a.pos.first().cloned() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(): not enough arguments"));
    };
    if a.pos.len() != 3 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
        )));
    }
    let message = a.pos[1].clone();
    if !matches!(message.data(), Some(ObjData::Str(_))) {
        let tn = vm.type_name(&message);
        return Err(vm.type_error(&format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {tn}"
        )));
    }
    let excs = a.pos[2].clone();
    let is_seq = match excs.data() {
        Some(ObjData::List(_) | ObjData::Tuple(_)) => true,
        Some(ObjData::Instance(_)) => vm.lookup_special(&excs, "__getitem__").is_some(),
        _ => false,
    };
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.collect(&excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let base = vm.t.exc["BaseException"].clone();
    let exception = vm.t.exc["Exception"].clone();
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !vm.isinstance(e, &base) {
            return Err(vm.value_error(&format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !vm.isinstance(e, &exception) {
            nested_base = true;
        }
    }
    let beg = vm.t.exc["BaseExceptionGroup"].clone();
    let eg = vm.t.exc["ExceptionGroup"].clone();
    let cls = if cls.is(&beg) {
        if nested_base {
            cls
        } else {
            eg
        }
    } else if cls.is(&eg) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        cls
    } else {
        if nested_base && vm.is_subclass(&cls, &exception) {
            let n = crate::types::type_obj(&cls)
                .map(|t| t.name.borrow().clone())
                .unwrap_or_default();
            return Err(vm.type_error(&format!("Cannot nest BaseExceptions in '{n}'")));
        }
        cls
    };
    let obj = vm.new_exc(&cls, vec![message.clone(), excs]);
    let t = vm.new_tuple(items);
    if let Some(ObjData::Instance(i)) = obj.data() {
        let (km, ke) = (vm.intern("message"), vm.intern("exceptions"));
        i.set(&km, message);
        i.set(&ke, t);
    }
    Ok(obj)
}

fn attr(vm: &mut Vm, e: &Value, name: &str) -> PyResult<Value> {
    let k = vm.intern(name);
    vm.getattr(e, &k)
}

fn recv(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let beg = vm.t.exc["BaseExceptionGroup"].clone();
    match a.pos.first() {
        Some(v) if vm.isinstance(v, &beg) => Ok(v.clone()),
        _ => Err(vm.type_error(&format!(
            "descriptor '{name}' for 'BaseExceptionGroup' objects needs an argument"
        ))),
    }
}

/// `str(eg)`: the message and the number of sub-exceptions.
pub fn group_str(vm: &mut Vm, e: &Value) -> PyResult<Option<String>> {
    let beg = vm.t.exc.get("BaseExceptionGroup").cloned();
    let Some(beg) = beg else { return Ok(None) };
    if !vm.isinstance(e, &beg) {
        return Ok(None);
    }
    let m = attr(vm, e, "message")?;
    let m = vm.str(&m)?;
    let ex = attr(vm, e, "exceptions")?;
    let n = vm.len(&ex)?;
    Ok(Some(format!(
        "{m} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    )))
}

fn eg_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = recv(vm, a, "__str__")?;
    let s = group_str(vm, &e)?.unwrap_or_default();
    Ok(vm.new_string(s))
}

fn eg_derive(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let e = recv(vm, a, "derive")?;
    crate::methods::nargs(vm, a, "derive", 1, 1)?;
    let m = attr(vm, &e, "message")?;
    let beg = vm.t.exc["BaseExceptionGroup"].clone();
    vm.call(&beg, vec![m, a.pos[1].clone()])
}

fn lib_call(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    let e = recv(vm, a, name)?;
    crate::methods::nargs(vm, a, name, 1, 1)?;
    let modname = vm.new_str("_excgroup");
    let globals = vm.new_dict();
    let m = crate::modules::import(vm, &modname, 0, &globals)?;
    let k = vm.intern(name);
    let f = vm.getattr(&m, &k)?;
    vm.call(&f, vec![e, a.pos[1].clone()])
}

fn eg_split(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = lib_call(vm, a, "split")?;
    Ok(r)
}

fn eg_subgroup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    lib_call(vm, a, "subgroup")
}

// ---- `except*` (PEP 654): the run-time half of the clauses compiled by the compiler ----

/// The sub-exceptions of a group, None for other exceptions.
fn members(vm: &mut Vm, e: &Value) -> PyResult<Option<Vec<Value>>> {
    let beg = vm.t.exc["BaseExceptionGroup"].clone();
    if !vm.isinstance(e, &beg) {
        return Ok(None);
    }
    let ex = attr(vm, e, "exceptions")?;
    Ok(Some(vm.collect(&ex)?))
}

/// A new group of `excs` with an empty message: an `ExceptionGroup` when they are all
/// `Exception`s, else a `BaseExceptionGroup`; its `args` hold them as a tuple or a list
/// (CPython wraps a naked exception with a tuple, combines with a list).
fn new_group(vm: &mut Vm, excs: Vec<Value>, tuple: bool) -> PyResult<Value> {
    let beg = vm.t.exc["BaseExceptionGroup"].clone();
    let m = vm.new_str("");
    let l = if tuple {
        vm.new_tuple(excs)
    } else {
        vm.new_list(excs)
    };
    vm.call(&beg, vec![m, l])
}

/// Give `dst` the traceback, cause, context and notes of `src`, as the groups made by
/// `split`/`subgroup`/`except*` get those of the group they come from.
fn copy_meta(vm: &mut Vm, src: &Value, dst: &Value) -> PyResult<()> {
    if let (Some(s), Some(d)) = (crate::exc::exc_data(src), crate::exc::exc_data(dst)) {
        if !std::ptr::eq(s, d) {
            let s = s.borrow();
            let mut d = d.borrow_mut();
            d.traceback = s.traceback.clone();
            d.cause = s.cause.clone();
            d.context = s.context.clone();
            // As CPython's PyException_SetCause.
            d.suppress_context = true;
        }
    }
    let k = vm.intern("__notes__");
    if let Some(n) = vm.getattr_opt(src, &k)? {
        vm.setattr(dst, &k, n)?;
    }
    Ok(())
}

/// `_lethe.exc_copy_meta(src, dst)`.
pub fn l_copy_meta(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "exc_copy_meta", 1, 1)?;
    copy_meta(vm, &a.pos[0], &a.pos[1])?;
    Ok(Value::NONE)
}

/// The type of an `except*` clause must be exception classes, and no group class.
fn check_star_type(vm: &mut Vm, t: &Value) -> PyResult<()> {
    let items = match t.data() {
        Some(ObjData::Tuple(items)) => items.to_vec(),
        _ => vec![t.clone()],
    };
    let beg = vm.t.exc["BaseExceptionGroup"].clone();
    for c in &items {
        if !vm.is_exc_type(c) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        if vm.is_subclass(c, &beg) {
            return Err(vm.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
    }
    Ok(())
}

/// `_lethe.star_match(exc, type)` → `(match, rest)` for one `except*` clause (CPython's
/// `exception_group_match`): a group is split; a naked exception of the type is
/// wrapped in a new group; None matches nothing.
pub fn l_star_match(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "star_match", 1, 1)?;
    let (exc, t) = (a.pos[0].clone(), a.pos[1].clone());
    check_star_type(vm, &t)?;
    let (m, r) = if exc.is_none() {
        (Value::NONE, Value::NONE)
    } else if vm.exc_matches(&exc, &t)? {
        if members(vm, &exc)?.is_some() {
            (exc, Value::NONE)
        } else {
            (new_group(vm, vec![exc], true)?, Value::NONE)
        }
    } else if members(vm, &exc)?.is_some() {
        let k = vm.intern("split");
        let split = vm.getattr(&exc, &k)?;
        let pair = vm.call(&split, vec![t])?;
        let v = vm.collect(&pair)?;
        match &v[..] {
            [m, r] => (m.clone(), r.clone()),
            _ => return Err(vm.type_error("split must return a 2-tuple")),
        }
    } else {
        (Value::NONE, exc)
    };
    Ok(vm.new_tuple(vec![m, r]))
}

/// Whether `e` carries the same traceback, cause, context and notes as `orig`: it is
/// `orig` or a part of it re-raised by a bare `raise` (CPython's
/// `is_same_exception_metadata`; tracebacks compare by their entries).
fn same_meta(vm: &mut Vm, e: &Value, orig: &Value) -> PyResult<bool> {
    let (Some(a), Some(b)) = (crate::exc::exc_data(e), crate::exc::exc_data(orig)) else {
        return Ok(false);
    };
    {
        let (a, b) = (a.borrow(), b.borrow());
        let same_tb = a.traceback.len() == b.traceback.len()
            && a.traceback
                .iter()
                .zip(&b.traceback)
                .all(|(x, y)| std::rc::Rc::ptr_eq(&x.code, &y.code) && x.line == y.line);
        if !same_tb || !a.cause.is(&b.cause) || !a.context.is(&b.context) {
            return Ok(false);
        }
    }
    let k = vm.intern("__notes__");
    let na = vm.getattr_opt(e, &k)?;
    let nb = vm.getattr_opt(orig, &k)?;
    Ok(match (na, nb) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    })
}

fn leaves(vm: &mut Vm, e: &Value, out: &mut Vec<usize>) -> PyResult<()> {
    match members(vm, e)? {
        Some(ms) => {
            for m in ms {
                leaves(vm, &m, out)?;
            }
        }
        None => out.push(e.addr()),
    }
    Ok(())
}

/// The part of `eg` made of the leaves in `keep` (its structure and metadata kept).
fn project(vm: &mut Vm, eg: &Value, keep: &[usize]) -> PyResult<Option<Value>> {
    let Some(ms) = members(vm, eg)? else {
        return Ok(keep.contains(&eg.addr()).then(|| eg.clone()));
    };
    let mut kept = Vec::new();
    for m in &ms {
        if let Some(p) = project(vm, m, keep)? {
            kept.push(p);
        }
    }
    if kept.is_empty() {
        return Ok(None);
    }
    let k = vm.intern("derive");
    let derive = vm.getattr(eg, &k)?;
    let l = vm.new_list(kept);
    let new = vm.call(&derive, vec![l])?;
    copy_meta(vm, eg, &new)?;
    Ok(Some(new))
}

/// `_lethe.prep_reraise_star(orig, raised, rest)`: what leaves a `try`/`except*`
/// (CPython's `_PyExc_PrepReraiseStar`): None when nothing; the naked exception or the
/// one raised by its handler when `orig` was not a group; otherwise the re-raised parts
/// of `orig` (exceptions with its metadata, as after a bare `raise`, and the unmatched
/// rest) projected back onto `orig`'s structure, grouped with the exceptions the
/// handlers raised in a new `ExceptionGroup("", […])` when there are any.
pub fn l_prep_reraise_star(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "prep_reraise_star", 2, 2)?;
    let orig = a.pos[0].clone();
    let mut excs = vm.collect(&a.pos[1])?;
    excs.push(a.pos[2].clone());
    if members(vm, &orig)?.is_none() {
        return Ok(excs
            .into_iter()
            .find(|e| !e.is_none())
            .unwrap_or(Value::NONE));
    }
    let (mut raised, mut reraised) = (Vec::new(), Vec::new());
    for e in excs {
        if e.is_none() {
            continue;
        }
        if same_meta(vm, &e, &orig)? {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut keep = Vec::new();
    for e in &reraised {
        leaves(vm, e, &mut keep)?;
    }
    let reraised_eg = if reraised.is_empty() {
        None
    } else {
        project(vm, &orig, &keep)?
    };
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or(Value::NONE));
    }
    if let Some(r) = reraised_eg {
        raised.push(r);
    }
    if raised.len() > 1 {
        new_group(vm, raised, false)
    } else {
        Ok(raised.pop().unwrap_or(Value::NONE))
    }
}
