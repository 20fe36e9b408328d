//! `C.__dict__`: a read-only, live view of a class namespace (CPython's
//! `mappingproxy`). The proxy type itself is Python (`lib/_mappingproxy.py`);
//! these `_lethe` helpers read the class table in place, so a lookup through the
//! proxy copies nothing.

use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};

/// `cls.__dict__`: a `mappingproxy` over the class's own namespace.
pub fn class_dict(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let name = vm.new_str("_mappingproxy");
    let globals = vm.new_dict();
    let m = crate::modules::import(vm, &name, 0, &globals)?;
    let k = vm.intern("_classdict");
    let f = vm.getattr(&m, &k)?;
    vm.call(&f, vec![cls.clone()])
}

fn type_arg<'a>(vm: &mut Vm, a: &'a Args, n: usize) -> PyResult<&'a crate::object::TypeObj> {
    if a.pos.len() != n {
        return Err(vm.type_error("type_dict helper: wrong number of arguments"));
    }
    match crate::types::type_obj(&a.pos[0]) {
        Some(t) => Ok(t),
        None => Err(vm.type_error("type_dict helper: not a type")),
    }
}

/// `type_dict_get(cls, key, default)`: `cls.__dict__.get(key, default)`.
pub fn l_type_dict_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = type_arg(vm, a, 3)?;
    let found = vm.table_get(&t.dict, &a.pos[1])?;
    Ok(found.unwrap_or_else(|| a.pos[2].clone()))
}

/// `type_dict_len(cls)`: the number of names in the class namespace.
pub fn l_type_dict_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = type_arg(vm, a, 1)?;
    let n = t.dict.borrow().len;
    Ok(Value::small_int(n as i64))
}

/// `type_dict_copy(cls)`: a new dict holding the class namespace.
pub fn l_type_dict_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = type_arg(vm, a, 1)?;
    let items: Vec<(Value, Value)> = t
        .dict
        .borrow()
        .iter()
        .map(|e| (e.1.clone(), e.2.clone()))
        .collect();
    let d = vm.new_dict();
    if let Some(ObjData::Dict(dd)) = d.data() {
        for (k, v) in items {
            vm.table_set(dd, k, v)?;
        }
    }
    Ok(d)
}
