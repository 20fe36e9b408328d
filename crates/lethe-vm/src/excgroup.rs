//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654, without `except*`): made at
//! start-up as classes of the exception hierarchy; construction and `str()` are
//! native, `split`/`subgroup` live in the library module `_excgroup`.

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
        i.attrs.borrow_mut().set(&km, message);
        i.attrs.borrow_mut().set(&ke, t);
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
