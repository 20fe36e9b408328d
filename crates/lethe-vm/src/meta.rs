//! Metaclasses: classes whose class is a subclass of `type`.
//!
//! A class records its metaclass when it is not `type` (`TypeObj::meta`; a class
//! statement's `metaclass=` keyword, or the most derived metaclass of its bases).
//! `type(cls)` is the metaclass; attribute reads on the class fall back to it;
//! calling the class goes through the metaclass's `__call__` when it defines one;
//! `repr`, `len`, `iter`, `in`, `[]`, `isinstance` and `issubclass` on the class use
//! the metaclass's special methods. `type.__new__`, `type.__call__`,
//! `type.__prepare__`, `type.__instancecheck__` and `type.__subclasscheck__` are the
//! defaults a metaclass reaches through `super()`.

use crate::object::ObjData;
use crate::types::type_obj;
use crate::{Args, PyResult, Value, Vm};
use std::rc::Rc;

impl Vm {
    /// The metaclass of a class when it is a user class (not `type`).
    pub fn user_meta(&self, cls: &Value) -> Option<Value> {
        let t = type_obj(cls)?;
        let m = t.meta.borrow();
        if m.is_unbound() {
            None
        } else {
            Some(m.clone())
        }
    }

    /// `name` defined by a user class in the MRO of `cls`'s metaclass.
    pub fn meta_method(&mut self, cls: &Value, name: &str) -> Option<Value> {
        let meta = self.user_meta(cls)?;
        let n = self.intern(name);
        let mro = type_obj(&meta)?.mro.borrow().clone();
        for c in mro {
            let ct = type_obj(&c)?;
            if ct.builtin {
                return None;
            }
            if let Ok(Some(v)) = self.table_get(&ct.dict, &n) {
                return Some(v);
            }
        }
        None
    }

    /// Call the metaclass's special method `name` on the class `cls`.
    pub fn call_meta(
        &mut self,
        cls: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> Option<PyResult<Value>> {
        let f = self.meta_method(cls, name)?;
        let meta = self.user_meta(cls)?;
        let bound = match self.bind(f, cls, &meta) {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        Some(self.call(&bound, args))
    }

    /// The metaclass a class statement uses: the explicit one or `type`, made the
    /// most derived of it and the bases' metaclasses.
    pub fn calculate_meta(&mut self, explicit: Option<Value>, bases: &[Value]) -> PyResult<Value> {
        let mut winner = explicit.unwrap_or_else(|| self.t.type_.clone());
        if type_obj(&winner).is_none() {
            return Ok(winner);
        }
        for b in bases {
            let bm = self.type_of(b);
            if self.is_subclass(&winner, &bm) {
                continue;
            }
            if self.is_subclass(&bm, &winner) {
                winner = bm;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }
}

fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match v.data() {
        Some(ObjData::Str(s)) => Ok(s.s.to_string()),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{what} must be str, not {tn}")))
        }
    }
}

/// `type.__new__(mcs, name, bases, namespace, **kwargs)`.
pub fn type_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(mcs) = a.pos.first().cloned() else {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    };
    if type_obj(&mcs).is_none() || !vm.is_subclass(&mcs, &vm.t.type_.clone()) {
        let r = vm.repr(&mcs)?;
        return Err(vm.type_error(&format!("type.__new__(X): X is not a type object ({r})")));
    }
    if a.pos.len() == 2 && mcs.is(&vm.t.type_) {
        return Ok(vm.type_of(&a.pos[1]));
    }
    if a.pos.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    }
    let name = str_arg(vm, &a.pos[1], "type.__new__() argument 1")?;
    let bases = match a.pos[2].data() {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => {
            let tn = vm.type_name(&a.pos[2]);
            return Err(vm.type_error(&format!(
                "type.__new__() argument 2 must be tuple, not {tn}"
            )));
        }
    };
    let ns = a.pos[3].clone();
    if !matches!(ns.data(), Some(ObjData::Dict(_))) {
        let tn = vm.type_name(&ns);
        return Err(vm.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}")));
    }
    let winner = vm.calculate_meta(Some(mcs.clone()), &bases)?;
    let module: Rc<str> = {
        let k = vm.intern("__module__");
        let m = match ns.data() {
            Some(ObjData::Dict(d)) => vm.table_get(d, &k)?,
            _ => None,
        };
        match m.as_ref().and_then(|m| match m.data() {
            Some(ObjData::Str(s)) => Some(Rc::from(&*s.s)),
            _ => None,
        }) {
            Some(m) => m,
            None => vm.current_module_name(),
        }
    };
    let cls = vm.new_class(&name, &name, bases, &ns, module.clone())?;
    vm.ensure_module_attr(&cls, &module)?;
    if let Some(t) = type_obj(&cls) {
        *t.meta.borrow_mut() = if winner.is(&vm.t.type_) {
            Value::UNBOUND
        } else {
            winner
        };
    }
    vm.finish_class(&cls, &ns, a.kw.clone())?;
    Ok(cls)
}

/// `type.__call__(cls, *args, **kwargs)`: create and initialise an instance.
fn type_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    if type_obj(&cls).is_none() {
        let tn = vm.type_name(&cls);
        return Err(vm.type_error(&format!(
            "descriptor '__call__' requires a 'type' object but received a '{tn}'"
        )));
    }
    vm.call_type_plain(&cls, a.pos[1..].to_vec(), a.kw.clone())
}

/// `type.__prepare__(name, bases, **kwargs)`: an empty dict.
fn type_prepare(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(vm.new_dict())
}

/// `type.__instancecheck__(cls, obj)`.
fn type_instancecheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__instancecheck__", 1, 1)?;
    Ok(Value::bool(vm.isinstance(&a.pos[1], &a.pos[0])))
}

/// `type.__subclasscheck__(cls, sub)`.
fn type_subclasscheck(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::methods::nargs(vm, a, "__subclasscheck__", 1, 1)?;
    Ok(Value::bool(vm.is_subclass(&a.pos[1], &a.pos[0])))
}

/// Install the metaclass defaults on `type`.
pub fn install(vm: &mut Vm) {
    let ty = vm.t.type_.clone();
    crate::methods::add_methods(
        vm,
        &ty,
        "type",
        &[
            ("__call__", type_call),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    );
    let Some(t) = type_obj(&ty) else { return };
    for (name, f, class) in [
        ("__new__", type_new as crate::object::NativeFn, false),
        ("__prepare__", type_prepare, true),
    ] {
        let k = vm.intern(name);
        let b = vm.new_native(name, "type", f);
        let v = if class {
            Value::new_obj(ObjData::ClassMethod(b))
        } else {
            Value::new_obj(ObjData::StaticMethod(b))
        };
        let h = vm.hash(&k).unwrap_or(0);
        t.dict.borrow_mut().insert_new(h, k, v);
    }
}

impl Vm {
    /// A class whose own `__abstractmethods__` is non-empty cannot be instantiated
    /// (CPython's check in `object.__new__`): their sorted names, if any.
    pub fn abstract_methods(&mut self, cls: &Value) -> PyResult<Option<Vec<String>>> {
        let Some(t) = type_obj(cls) else {
            return Ok(None);
        };
        if t.builtin {
            return Ok(None);
        }
        let k = self.intern("__abstractmethods__");
        let Some(v) = self.table_get(&t.dict, &k)? else {
            return Ok(None);
        };
        if !self.truthy(&v)? {
            return Ok(None);
        }
        let mut names = Vec::new();
        for n in self.collect(&v)? {
            names.push(self.str(&n)?);
        }
        names.sort();
        Ok(Some(names))
    }

    /// Refuse to instantiate an abstract class, with CPython's message.
    pub fn check_abstract(&mut self, cls: &Value) -> PyResult<()> {
        let Some(names) = self.abstract_methods(cls)? else {
            return Ok(());
        };
        let cn = type_obj(cls)
            .map(|t| t.name.borrow().clone())
            .unwrap_or_default();
        Err(self.type_error(&format!(
            "Can't instantiate abstract class {cn} with abstract method{} {}",
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )))
    }

    /// `__name__` of the globals of the running Python frame (`__main__` if none).
    pub fn current_module_name(&mut self) -> Rc<str> {
        let Some(g) = self.frames.last().map(|f| f.globals.clone()) else {
            return Rc::from("__main__");
        };
        let k = self.intern("__name__");
        if let Some(ObjData::Dict(d)) = g.data() {
            if let Ok(Some(v)) = self.table_get(d, &k) {
                if let Some(ObjData::Str(s)) = v.data() {
                    return Rc::from(&*s.s);
                }
            }
        }
        Rc::from("__main__")
    }
}
