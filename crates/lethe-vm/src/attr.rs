//! Attribute access: `getattr`, `setattr`, `delattr`, and method binding.

use crate::object::{ObjData, ProtoObj};
use crate::types::type_obj;
use crate::{PyResult, Value, Vm};

impl Vm {
    pub(crate) fn bind(&mut self, descr: Value, obj: &Value, cls: &Value) -> PyResult<Value> {
        match descr.data() {
            Some(ObjData::Func(_)) => Ok(Value::new_obj(ObjData::BoundMethod(Box::new((
                descr.clone(),
                obj.clone(),
            ))))),
            Some(ObjData::Builtin(b)) if binds(b) => Ok(Value::new_obj(ObjData::Builtin(
                Box::new(crate::object::BuiltinObj {
                    name: b.name,
                    f: b.f,
                    slf: Some(obj.clone()),
                    owner: b.owner,
                    intrinsic: 0,
                }),
            ))),
            Some(ObjData::StaticMethod(f)) => Ok(f.clone()),
            Some(ObjData::ClassMethod(f)) => Ok(Value::new_obj(ObjData::BoundMethod(Box::new((
                f.clone(),
                cls.clone(),
            ))))),
            Some(ObjData::Property(p)) => {
                let getter = p[0].clone();
                if getter.is_none() {
                    return Err(self.attribute_error("unreadable attribute"));
                }
                self.call(&getter, vec![obj.clone()])
            }
            Some(ObjData::Instance(_)) => {
                // (Its `__get__` is itself bound as a special method: a callable
                // object there is called without `descr`.)
                if let Some(g) = self.lookup_special(&descr, "__get__") {
                    return self.call_dunder(&g, &descr, vec![obj.clone(), cls.clone()]);
                }
                Ok(descr)
            }
            _ => Ok(descr),
        }
    }

    /// `getattr(obj, name)`; `name` must be an interned string.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attr(obj, name)),
        }
    }

    pub fn no_attr(&mut self, obj: &Value, name: &Value) -> Value {
        let e = self.no_attr_error(obj, name);
        // AttributeError.name/.obj, as CPython sets them (for "Did you mean").
        let (kn, ko) = (self.intern("name"), self.intern("obj"));
        let _ = self.setattr(&e, &kn, name.clone());
        let _ = self.setattr(&e, &ko, obj.clone());
        e
    }

    fn no_attr_error(&mut self, obj: &Value, name: &Value) -> Value {
        let n = self.str(name).unwrap_or_default();
        if let Some(ObjData::Type(t)) = obj.data() {
            let tn = t.name.borrow().clone();
            return self.attribute_error(&format!("type object '{tn}' has no attribute '{n}'"));
        }
        if let Some(ObjData::Module(m)) = obj.data() {
            let mn = m.name.clone();
            if crate::modules::initializing(&mn) {
                return self.attribute_error(&format!(
                    "partially initialized module '{mn}' has no attribute '{n}' \
                     (most likely due to a circular import)"
                ));
            }
            return self.attribute_error(&format!("module '{mn}' has no attribute '{n}'"));
        }
        let tn = self.type_name(obj);
        self.attribute_error(&format!("'{tn}' object has no attribute '{n}'"))
    }

    /// Is `d` (found on a class) a data descriptor: a property, or an object whose
    /// class defines `__set__` or `__delete__`?
    pub(crate) fn is_data_descr(&mut self, d: &Value) -> bool {
        match d.data() {
            Some(ObjData::Property(_)) => true,
            Some(ObjData::Instance(_)) => {
                self.lookup_special(d, "__set__").is_some()
                    || self.lookup_special(d, "__delete__").is_some()
            }
            _ => false,
        }
    }

    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Some(ObjData::Instance(inst)) = obj.data() {
            let cls = inst.class.clone();
            let facts = self.class_facts(&cls);
            if facts & crate::types::FACT_GETATTRIBUTE != 0 {
                if let Some(ga) = self.lookup_special(obj, "__getattribute__") {
                    if !matches!(ga.data(), Some(ObjData::Builtin(_))) {
                        return match self.call(&ga, vec![obj.clone(), name.clone()]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e)
                                if self.isinstance(&e, &self.t.exc["AttributeError"].clone()) =>
                            {
                                match self.lookup_special(obj, "__getattr__") {
                                    Some(g) => {
                                        self.call(&g, vec![obj.clone(), name.clone()]).map(Some)
                                    }
                                    None => Err(e),
                                }
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
            }
            match self.generic_getattr(obj, name) {
                Ok(Some(v)) => return Ok(Some(v)),
                Ok(None) => {}
                // An AttributeError from a descriptor (a property's getter) goes on
                // to `__getattr__`, as in CPython's slot_tp_getattr_hook.
                Err(e)
                    if facts & crate::types::FACT_GETATTR != 0
                        && self.isinstance(&e, &self.t.exc["AttributeError"].clone()) => {}
                Err(e) => return Err(e),
            }
            // Class facts leave out built-in classes; of the native types whose
            // values are instances, `types.GenericAlias` has a `__getattr__`.
            if facts & crate::types::FACT_GETATTR != 0
                || crate::types::type_obj(&cls).is_some_and(|t| t.builtin)
            {
                if let Some(ga) = self.lookup_special(obj, "__getattr__") {
                    return self.call(&ga, vec![obj.clone(), name.clone()]).map(Some);
                }
            }
            return Ok(None);
        }
        self.generic_getattr(obj, name)
    }

    /// `object.__getattribute__`: attribute lookup without a class's
    /// `__getattribute__`/`__getattr__`.
    pub fn generic_getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let name_s: &str = match name.data() {
            Some(ObjData::Str(s)) => &s.s,
            _ => {
                let tn = self.type_name(name);
                return Err(self.type_error(&format!("attribute name must be string, not '{tn}'")));
            }
        };
        // Instances: data descriptors, own attributes, class attributes.
        if let Some(ObjData::Instance(inst)) = obj.data() {
            let cls = inst.class.clone();
            if self.class_facts(&cls) & crate::types::FACT_DATA_DESCR == 0 {
                if let Some(v) = inst.get(name) {
                    return Ok(Some(v));
                }
            }
            let descr = self.lookup_mro(&cls, name);
            if let Some(d) = &descr {
                if self.is_data_descr(d) {
                    return self.bind(d.clone(), obj, &cls).map(Some);
                }
            }
            if let Some(v) = inst.get(name) {
                return Ok(Some(v));
            }
            match name_s {
                // (Unless a class defines `__class__` itself: `object` does not here.)
                "__class__" if descr.is_none() => return Ok(Some(cls)),
                "__weakref__" if crate::weak::weakrefable(obj) => {
                    let first = crate::weak::refs_to(obj).into_iter().next();
                    return Ok(Some(first.unwrap_or(Value::NONE)));
                }
                "__dict__" => {
                    if cls.is(&self.t.object)
                        || crate::types::type_obj(&cls).is_some_and(|t| t.slots.is_some())
                    {
                        return Ok(None);
                    }
                    let existing = inst.dict();
                    if let Some(d) = existing {
                        return Ok(Some(d));
                    }
                    let d = self.new_dict();
                    let keep = self.mro_slot_names(&cls);
                    inst.into_dict(d.clone(), &keep);
                    return Ok(Some(d));
                }
                "__weakref__" => {
                    // No weak references in lethe: None wherever CPython's instance
                    // would have a weak reference list (a user class with a
                    // `__dict__`, or `__weakref__` in its `__slots__`).
                    let has = crate::types::type_obj(&cls).is_some_and(|t| {
                        !t.builtin
                            && t.slots.as_ref().is_none_or(|s| {
                                s.iter().any(|n| {
                                    matches!(n.data(), Some(ObjData::Str(x)) if &*x.s == "__weakref__")
                                })
                            })
                    });
                    return Ok(has.then_some(Value::NONE));
                }
                _ => {}
            }
            if let Some(e) = inst.exc() {
                match name_s {
                    "args" => return Ok(Some(e.borrow().args.clone())),
                    "__cause__" => return Ok(Some(e.borrow().cause.clone())),
                    "__context__" => return Ok(Some(e.borrow().context.clone())),
                    "__suppress_context__" => {
                        return Ok(Some(Value::bool(e.borrow().suppress_context)))
                    }
                    "__traceback__" => return Ok(Some(self.traceback_object(obj))),
                    "value" if self.isinstance(obj, &self.t.exc["StopIteration"].clone()) => {
                        let args = e.borrow().args.clone();
                        if let Some(ObjData::Tuple(t)) = args.data() {
                            return Ok(Some(t.first().cloned().unwrap_or(Value::NONE)));
                        }
                    }
                    "code" if self.isinstance(obj, &self.t.exc["SystemExit"].clone()) => {
                        let args = e.borrow().args.clone();
                        if let Some(ObjData::Tuple(t)) = args.data() {
                            return Ok(Some(match t.len() {
                                0 => Value::NONE,
                                1 => t[0].clone(),
                                _ => args.clone(),
                            }));
                        }
                    }
                    _ => {}
                }
            }
            if let Some(d) = descr {
                if let Some(ObjData::Member(_)) = d.data() {
                    // An unset slot.
                    return Ok(None);
                }
                return self.bind(d, obj, &cls).map(Some);
            }
            // The number attributes of a subclass of int, float or complex come
            // from the value it wraps.
            if !inst.base().is_unbound()
                && matches!(name_s, "real" | "imag" | "numerator" | "denominator")
            {
                let base = inst.base().clone();
                return self.generic_getattr(&base, name);
            }
            return Ok(None);
        }
        match obj.data() {
            Some(ObjData::Type(t)) => {
                match name_s {
                    "__name__" => return Ok(Some(self.new_str(&t.name.borrow()))),
                    "__qualname__" => return Ok(Some(self.new_str(&t.qualname.borrow()))),
                    "__module__" if t.builtin => return Ok(Some(self.new_str(&t.module))),
                    "__mro__" => {
                        let m = t.mro.borrow().clone();
                        return Ok(Some(self.new_tuple(m)));
                    }
                    "__bases__" => {
                        let b = t.bases.clone();
                        return Ok(Some(self.new_tuple(b)));
                    }
                    "__base__" => return Ok(Some(t.bases.first().cloned().unwrap_or(Value::NONE))),
                    "__class__" => return Ok(Some(self.type_of(obj))),
                    "__dict__" => return crate::mappingproxy::class_dict(self, obj).map(Some),
                    _ => {}
                }
                // A data descriptor of the metaclass comes first.
                let meta_attr = self.meta_method(obj, name_s);
                if let Some(d) = &meta_attr {
                    if matches!(d.data(), Some(ObjData::Property(_))) {
                        let meta = self.type_of(obj);
                        return self.bind(d.clone(), obj, &meta).map(Some);
                    }
                }
                let found = self.lookup_mro(obj, name);
                if found.is_none() {
                    if let Some(d) = meta_attr {
                        let meta = self.type_of(obj);
                        return self.bind(d, obj, &meta).map(Some);
                    }
                }
                if found.is_none() && name_s == "__doc__" {
                    return Ok(Some(Value::NONE));
                }
                if let Some(d) = found {
                    return match d.data() {
                        Some(ObjData::ClassMethod(f)) => Ok(Some(Value::new_obj(
                            ObjData::BoundMethod(Box::new((f.clone(), obj.clone()))),
                        ))),
                        Some(ObjData::StaticMethod(f)) => Ok(Some(f.clone())),
                        Some(ObjData::Instance(_)) => {
                            // A descriptor read through the class: __get__(None, cls).
                            match self.lookup_special(&d, "__get__") {
                                Some(g) => self
                                    .call(&g, vec![d.clone(), Value::NONE, obj.clone()])
                                    .map(Some),
                                None => Ok(Some(d)),
                            }
                        }
                        _ => Ok(Some(d)),
                    };
                }
                // Methods of `type` itself (e.g. C.mro()).
                let tt = self.t.type_.clone();
                if let Some(d) = self.lookup_mro(&tt, name) {
                    return self.bind(d, obj, &tt).map(Some);
                }
                if let Some(r) = self.call_meta(obj, "__getattr__", vec![name.clone()]) {
                    return r.map(Some);
                }
                Ok(None)
            }
            Some(ObjData::Module(m)) => {
                if let Some(ObjData::Dict(d)) = m.dict.data() {
                    if let Some(v) = self.table_get(d, name)? {
                        return Ok(Some(v));
                    }
                }
                if name_s == "__name__" {
                    return Ok(Some(self.new_str(&m.name)));
                }
                if name_s == "__dict__" {
                    return Ok(Some(m.dict.clone()));
                }
                if &*m.name == "sys" && name_s == "implementation" {
                    let v = crate::modules::make_implementation(self, obj)?;
                    if let Some(ObjData::Dict(d)) = m.dict.data() {
                        self.table_set(d, name.clone(), v.clone())?;
                    }
                    return Ok(Some(v));
                }
                if &*m.name == "sys" && (name_s == "stdin" || name_s == "__stdin__") {
                    // Made on first use (it lives in the `io` library module).
                    let v = crate::stdlib::make_stdin(self)?;
                    if let Some(ObjData::Dict(d)) = m.dict.data() {
                        for k in ["stdin", "__stdin__"] {
                            let key = self.intern(k);
                            self.table_set(d, key, v.clone())?;
                        }
                    }
                    return Ok(Some(v));
                }
                Ok(None)
            }
            Some(ObjData::Func(f)) => {
                match name_s {
                    "__name__" => return Ok(Some(f.name.borrow().clone())),
                    "__qualname__" => return Ok(Some(f.qualname.borrow().clone())),
                    "__module__" => return Ok(Some(f.module.clone())),
                    "__code__" => {
                        let proto = f.proto.clone();
                        let co = self.ensure_code(&proto)?;
                        return Ok(Some(self.code_object(&co.code)));
                    }
                    "__globals__" => return Ok(Some(f.globals.clone())),
                    "__kwdefaults__" => {
                        let d = f.kwdefaults.borrow().clone();
                        return Ok(Some(if d.is_unbound() { Value::NONE } else { d }));
                    }
                    "__closure__" => {
                        return Ok(Some(if f.closure.is_unbound() {
                            Value::NONE
                        } else {
                            f.closure.clone()
                        }))
                    }
                    "__defaults__" => {
                        let d = f.defaults.borrow().clone();
                        return Ok(Some(if d.is_unbound() { Value::NONE } else { d }));
                    }
                    "__doc__" => {
                        // Assigned (functools.wraps does) or else the docstring.
                        if let Some(d) = f.dict.borrow().clone() {
                            if let Some(ObjData::Dict(dd)) = d.data() {
                                if let Some(v) = self.table_get(dd, name)? {
                                    return Ok(Some(v));
                                }
                            }
                        }
                        let doc = match f.proto.data() {
                            Some(ObjData::Proto(p)) => p.stub.as_ref().and_then(|s| s.doc.clone()),
                            _ => None,
                        };
                        return Ok(Some(match doc {
                            Some(d) => self.new_str(&d),
                            None => Value::NONE,
                        }));
                    }
                    "__dict__" => {
                        let mut d = f.dict.borrow_mut();
                        if d.is_none() {
                            *d = Some(self.new_dict());
                        }
                        return Ok(d.clone());
                    }
                    _ => {
                        if let Some(d) = f.dict.borrow().clone() {
                            if let Some(ObjData::Dict(dd)) = d.data() {
                                if let Some(v) = self.table_get(dd, name)? {
                                    return Ok(Some(v));
                                }
                            }
                        }
                        if name_s == "__annotations__" {
                            // No annotations: an empty dict, made (and kept) on first use.
                            let v = self.new_dict();
                            self.setattr(obj, name, v.clone())?;
                            return Ok(Some(v));
                        }
                    }
                }
                let cls = self.t.function.clone();
                match self.lookup_mro(&cls, name) {
                    Some(d) => self.bind(d, obj, &cls).map(Some),
                    None => Ok(None),
                }
            }
            Some(ObjData::BoundMethod(b)) => match name_s {
                "__self__" => Ok(Some(b.1.clone())),
                "__func__" => Ok(Some(b.0.clone())),
                _ => {
                    let f = b.0.clone();
                    self.getattr_opt(&f, name)
                }
            },
            Some(ObjData::Builtin(b)) => match name_s {
                "__name__" => Ok(Some(self.new_str(b.name))),
                "__qualname__" => {
                    // A method of a built-in type is `list.append`; a function of a
                    // module is its name.
                    let owner = self.intern(b.owner);
                    let builtins = self.builtins.clone();
                    let is_type = crate::interp::name_lookup(&builtins, &owner)
                        .is_some_and(|t| crate::types::type_obj(&t).is_some());
                    Ok(Some(if is_type {
                        self.new_string(format!("{}.{}", b.owner, b.name))
                    } else {
                        self.new_str(b.name)
                    }))
                }
                "__self__" => Ok(Some(b.slf.clone().unwrap_or(Value::NONE))),
                "__call__" => {
                    let cls = self.t.builtin_function.clone();
                    match self.lookup_mro(&cls, name) {
                        Some(d) => self.bind(d, obj, &cls).map(Some),
                        None => Ok(None),
                    }
                }
                _ => Ok(None),
            },
            Some(ObjData::Proto(p)) => {
                let ProtoObj { name: n, .. } = &**p;
                if name_s == "__name__" {
                    Ok(Some(self.new_str(n)))
                } else {
                    Ok(None)
                }
            }
            Some(ObjData::Property(p)) => match name_s {
                "fget" => Ok(Some(p[0].clone())),
                "fset" => Ok(Some(p[1].clone())),
                "fdel" => Ok(Some(p[2].clone())),
                "__doc__" => {
                    if !p[3].is_none() {
                        return Ok(Some(p[3].clone()));
                    }
                    let g = p[0].clone();
                    if g.is_none() {
                        return Ok(Some(Value::NONE));
                    }
                    let dn = self.intern("__doc__");
                    Ok(Some(self.getattr_opt(&g, &dn)?.unwrap_or(Value::NONE)))
                }
                _ => {
                    let cls = self.t.property.clone();
                    match self.lookup_mro(&cls, name) {
                        Some(d) => self.bind(d, obj, &cls).map(Some),
                        None => Ok(None),
                    }
                }
            },
            Some(ObjData::Super(_)) => crate::builtins::super_getattr(self, obj, name),
            Some(ObjData::StaticMethod(f) | ObjData::ClassMethod(f))
                if matches!(name_s, "__func__" | "__wrapped__") =>
            {
                Ok(Some(f.clone()))
            }
            Some(ObjData::Gen(g)) if name_s == "__name__" => {
                let n = g.borrow().name.clone();
                Ok(Some(self.new_str(&n)))
            }
            Some(ObjData::Gen(g)) if name_s == "__qualname__" => {
                let n = g.borrow().qualname.clone();
                Ok(Some(self.new_str(&n)))
            }
            Some(ObjData::Gen(_)) if name_s == "gi_frame" => self.gen_frame(obj).map(Some),
            Some(ObjData::Gen(g)) if name_s == "gi_code" => {
                let code = g.try_borrow().map(|g| g.code.code.clone());
                match code {
                    Ok(c) => Ok(Some(self.code_object(&c))),
                    Err(_) => {
                        let fi = self.frames.iter().rposition(|f| f.gen.is(obj));
                        match fi.map(|fi| self.frames[fi].code.code.clone()) {
                            Some(c) => Ok(Some(self.code_object(&c))),
                            None => Ok(None),
                        }
                    }
                }
            }
            Some(ObjData::Gen(g)) if matches!(name_s, "gi_running" | "gi_suspended") => {
                use crate::object::GenState;
                let st = match g.try_borrow() {
                    Ok(g) => g.state,
                    // Borrowed: the generator is running this very access.
                    Err(_) => GenState::Running,
                };
                let v = if name_s == "gi_running" {
                    st == GenState::Running
                } else {
                    st == GenState::Suspended
                };
                Ok(Some(Value::bool(v)))
            }
            Some(ObjData::Cell(c)) if name_s == "cell_contents" => {
                let v = c.borrow().clone();
                if v.is_unbound() {
                    return Err(self.value_error("Cell is empty"));
                }
                Ok(Some(v))
            }
            _ => {
                let cls = self.type_of(obj);
                match name_s {
                    "__class__" => return Ok(Some(cls)),
                    "real" if crate::ops::is_int(obj) || obj.is_float() => {
                        return Ok(Some(obj.clone()))
                    }
                    "imag" if crate::ops::is_int(obj) => return Ok(Some(Value::small_int(0))),
                    "imag" if obj.is_float() => return Ok(Some(Value::float(0.0))),
                    "real" | "imag" if crate::complex::is_complex(obj) => {
                        let (re, im) = crate::complex::parts(obj).unwrap_or_default();
                        return Ok(Some(Value::float(if name_s == "real" { re } else { im })));
                    }
                    "numerator" if crate::ops::is_int(obj) => return Ok(Some(obj.clone())),
                    "denominator" if crate::ops::is_int(obj) => {
                        return Ok(Some(Value::small_int(1)))
                    }
                    _ => {}
                }
                if let Some(ObjData::BigRange(b)) = obj.data() {
                    let i = match name_s {
                        "start" => Some(0),
                        "stop" => Some(1),
                        "step" => Some(2),
                        _ => None,
                    };
                    if let Some(i) = i {
                        return Ok(Some(self.new_bigint(b[i].clone())));
                    }
                }
                if let Some(ObjData::Range { start, stop, step }) = obj.data() {
                    let v = match name_s {
                        "start" => Some(*start),
                        "stop" => Some(*stop),
                        "step" => Some(*step),
                        _ => None,
                    };
                    if let Some(v) = v {
                        return Ok(Some(self.new_int(v)));
                    }
                }
                if let Some(ObjData::Slice(s)) = obj.data() {
                    match name_s {
                        "start" => return Ok(Some(s[0].clone())),
                        "stop" => return Ok(Some(s[1].clone())),
                        "step" => return Ok(Some(s[2].clone())),
                        _ => {}
                    }
                }
                match self.lookup_mro(&cls, name) {
                    Some(d) => self.bind(d, obj, &cls).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    /// `type.__setattr__`/`object.__setattr__` on a class: store in its namespace.
    pub(crate) fn type_setattr_plain(
        &mut self,
        obj: &Value,
        name: &Value,
        val: Value,
    ) -> PyResult<()> {
        let Some(ObjData::Type(t)) = obj.data() else {
            return Ok(());
        };
        if t.builtin {
            let n = self.str(name)?;
            let tn = t.name.borrow().clone();
            return Err(self.type_error(&format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        let n = self.str(name)?;
        if n == "__name__" || n == "__qualname__" {
            let Some(ObjData::Str(sv)) = val.data() else {
                let tn = self.type_name(&val);
                return Err(self.type_error(&format!(
                    "can only assign string to {}.{n}, not '{tn}'",
                    t.name.borrow()
                )));
            };
            let s: std::rc::Rc<str> = std::rc::Rc::from(&*sv.s);
            if n == "__name__" {
                *t.name.borrow_mut() = s;
            } else {
                *t.qualname.borrow_mut() = s;
            }
            return Ok(());
        }
        crate::types::bump_type_epoch();
        self.table_set(&t.dict, name.clone(), val)
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, val: Value) -> PyResult<()> {
        if !matches!(obj.data(), Some(ObjData::Instance(_) | ObjData::Module(_)))
            && matches!(name.data(), Some(ObjData::Str(s)) if &*s.s == "__class__")
        {
            return self.set_class(obj, val);
        }
        match obj.data() {
            Some(ObjData::Instance(inst)) => {
                let cls = inst.class.clone();
                if let Some(ObjData::Str(ns)) = name.data() {
                    match &*ns.s {
                        "__class__" => {
                            // A user `__setattr__` sees the assignment first.
                            if let Some(sa) = self.lookup_special(obj, "__setattr__") {
                                if !matches!(sa.data(), Some(ObjData::Builtin(_))) {
                                    self.call(&sa, vec![obj.clone(), name.clone(), val])?;
                                    return Ok(());
                                }
                            }
                            return self.set_class(obj, val);
                        }
                        "__dict__" if inst.exc().is_none() => {
                            return self.replace_dict(obj, &cls, val);
                        }
                        _ => {}
                    }
                }
                if inst.exc().is_none()
                    && !crate::types::type_obj(&cls)
                        .map(|t| t.builtin)
                        .unwrap_or(true)
                {
                    let facts = self.class_facts(&cls);
                    if facts & (crate::types::FACT_DATA_DESCR | crate::types::FACT_SETATTR) == 0 {
                        if facts & crate::types::FACT_SLOTS != 0 {
                            self.check_slot(obj, &cls, name)?;
                        }
                        inst.set(name, val);
                        return Ok(());
                    }
                }
                // A user `__setattr__` comes first (object.__setattr__ handles
                // descriptors).
                if let Some(sa) = self.lookup_special(obj, "__setattr__") {
                    if !matches!(sa.data(), Some(ObjData::Builtin(_))) {
                        self.call(&sa, vec![obj.clone(), name.clone(), val])?;
                        return Ok(());
                    }
                }
                if let Some(d) = self.lookup_mro(&cls, name) {
                    if let Some(ObjData::Property(p)) = d.data() {
                        let setter = p[1].clone();
                        if setter.is_none() {
                            let n = self.str(name)?;
                            let tn = self.type_name(obj);
                            return Err(self.attribute_error(&format!(
                                "property '{n}' of '{tn}' object has no setter"
                            )));
                        }
                        self.call(&setter, vec![obj.clone(), val])?;
                        return Ok(());
                    }
                    if let Some(ObjData::Instance(_)) = d.data() {
                        if let Some(s) = self.lookup_special(&d, "__set__") {
                            self.call(&s, vec![d.clone(), obj.clone(), val])?;
                            return Ok(());
                        }
                    }
                }
                if let Some(sa) = self.lookup_special(obj, "__setattr__") {
                    if !matches!(sa.data(), Some(ObjData::Builtin(_))) {
                        self.call(&sa, vec![obj.clone(), name.clone(), val])?;
                        return Ok(());
                    }
                }
                if let Some(e) = inst.exc() {
                    let n = self.str(name)?;
                    match n.as_str() {
                        "__cause__" => {
                            e.borrow_mut().cause = val;
                            e.borrow_mut().suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            e.borrow_mut().context = val;
                            return Ok(());
                        }
                        "args" => {
                            let t = self.collect(&val)?;
                            e.borrow_mut().args = self.new_tuple(t);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if cls.is(&self.t.object) {
                    return Err(self.no_attr(obj, name));
                }
                self.check_slot(obj, &cls, name)?;
                inst.set(name, val);
                Ok(())
            }
            Some(ObjData::Type(t)) => {
                if !t.builtin {
                    // The metaclass's __setattr__, or a property of it.
                    if let Some(f) = self.meta_method(obj, "__setattr__") {
                        self.call(&f, vec![obj.clone(), name.clone(), val])?;
                        return Ok(());
                    }
                    let n = self.str(name)?;
                    if let Some(d) = self.meta_method(obj, &n) {
                        if let Some(ObjData::Property(p)) = d.data() {
                            let setter = p[1].clone();
                            if setter.is_none() {
                                let tn = self.type_name(obj);
                                return Err(self.attribute_error(&format!(
                                    "property '{n}' of '{tn}' object has no setter"
                                )));
                            }
                            self.call(&setter, vec![obj.clone(), val])?;
                            return Ok(());
                        }
                    }
                }
                self.type_setattr_plain(obj, name, val)
            }
            Some(ObjData::Module(m)) => {
                let d = m.dict.clone();
                if let Some(ObjData::Dict(dd)) = d.data() {
                    self.table_set(dd, name.clone(), val)?;
                }
                Ok(())
            }
            Some(ObjData::Func(f)) => {
                let n = self.str(name)?;
                match n.as_str() {
                    "__name__" => *f.name.borrow_mut() = val,
                    "__qualname__" => *f.qualname.borrow_mut() = val,
                    "__defaults__" => {
                        let ok = val.is_none() || matches!(val.data(), Some(ObjData::Tuple(_)));
                        if !ok {
                            return Err(
                                self.type_error("__defaults__ must be set to a tuple object")
                            );
                        }
                        *f.defaults.borrow_mut() = if val.is_none() { Value::UNBOUND } else { val };
                    }
                    "__kwdefaults__" => {
                        let ok = val.is_none() || matches!(val.data(), Some(ObjData::Dict(_)));
                        if !ok {
                            return Err(
                                self.type_error("__kwdefaults__ must be set to a dict object")
                            );
                        }
                        *f.kwdefaults.borrow_mut() =
                            if val.is_none() { Value::UNBOUND } else { val };
                    }
                    _ => {
                        let d = {
                            let mut d = f.dict.borrow_mut();
                            if d.is_none() {
                                *d = Some(self.new_dict());
                            }
                            d.clone()
                        };
                        if let Some(d) = d {
                            if let Some(ObjData::Dict(dd)) = d.data() {
                                self.table_set(dd, name.clone(), val)?;
                            }
                        }
                    }
                }
                Ok(())
            }
            _ => Err(self.builtin_attr_write_error(obj, name)?),
        }
    }

    /// The error of setting or deleting an attribute of a value of a built-in type.
    fn builtin_attr_write_error(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let n = self.str(name)?;
        let tn = self.type_name(obj);
        if self.lookup_special(obj, &n).is_some() {
            Ok(self.attribute_error(&format!("'{tn}' object attribute '{n}' is read-only")))
        } else if matches!(self.getattr_opt(obj, name), Ok(Some(_))) {
            // A data attribute of a built-in type: CPython's message depends
            // on how the type defines it (a getset of int/float, a read-only
            // member of complex, slice and range).
            let msg = if n.starts_with("__") {
                format!("'{tn}' object attribute '{n}' is read-only")
            } else if matches!(&*tn, "complex" | "slice" | "range") {
                "readonly attribute".to_string()
            } else {
                let owner = if &*tn == "bool" { "int" } else { &*tn };
                format!("attribute '{n}' of '{owner}' objects is not writable")
            };
            Ok(self.attribute_error(&msg))
        } else {
            Ok(self.attribute_error(&format!("'{tn}' object has no attribute '{n}'")))
        }
    }

    /// `obj.__class__ = cls` (CPython's `object_set_class`): both classes must be
    /// user classes with the same instance layout. Caches keyed on the class stay
    /// right (the class is part of their key); the type epoch is bumped all the same,
    /// for the facts cached per class and the native tier.
    pub fn set_class(&mut self, obj: &Value, val: Value) -> PyResult<()> {
        if !matches!(val.data(), Some(ObjData::Type(_))) {
            let tn = self.type_name(&val);
            return Err(self.type_error(&format!(
                "__class__ must be set to a class, not '{tn}' object"
            )));
        }
        let Some(ObjData::Instance(inst)) = obj.data() else {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        };
        let old = inst.class.clone();
        let builtin = |c: &Value| crate::types::type_obj(c).is_none_or(|t| t.builtin);
        if builtin(&old) || builtin(&val) {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        if self.layout_key(&old) != self.layout_key(&val) {
            let name = |c: &Value| {
                crate::types::type_obj(c)
                    .map(|t| t.name.borrow().clone())
                    .unwrap_or_default()
            };
            return Err(self.type_error(&format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                name(&val),
                name(&old)
            )));
        }
        crate::types::bump_type_epoch();
        drop(inst.class.replace(val));
        Ok(())
    }

    /// What decides whether instances of two user classes are interchangeable: the
    /// built-in layout, the nearest built-in class of the MRO (the value a `list`
    /// subclass wraps, the exception class), the `__slots__` names along the MRO and
    /// whether instances have a `__dict__`.
    fn layout_key(&mut self, cls: &Value) -> (u8, usize, Vec<usize>, bool) {
        let Some(t) = crate::types::type_obj(cls) else {
            return (0, 0, Vec::new(), false);
        };
        let layout = t.layout as u8;
        let has_dict = t.slots.is_none();
        let base = t
            .mro
            .borrow()
            .iter()
            .find(|c| crate::types::type_obj(c).is_some_and(|ct| ct.builtin))
            .map(|c| c.addr())
            .unwrap_or(0);
        let slots = self.mro_slot_names(cls).iter().map(|n| n.addr()).collect();
        (layout, base, slots, has_dict)
    }

    /// `obj.__dict__ = d`: `d` becomes the instance's live attribute dict.
    fn replace_dict(&mut self, obj: &Value, cls: &Value, val: Value) -> PyResult<()> {
        let Some(ObjData::Instance(inst)) = obj.data() else {
            return Ok(());
        };
        if crate::types::type_obj(cls).is_some_and(|t| t.slots.is_some()) {
            let n = self.intern("__dict__");
            return Err(self.no_attr(obj, &n));
        }
        if !matches!(val.data(), Some(ObjData::Dict(_))) {
            let tn = self.type_name(&val);
            return Err(self.type_error(&format!(
                "__dict__ must be set to a dictionary, not a '{tn}'"
            )));
        }
        let keep = self.mro_slot_names(cls);
        let scratch = self.new_dict();
        inst.into_dict(scratch, &keep);
        drop(inst.replace_dict(val));
        Ok(())
    }

    /// With `__slots__` (and no `__dict__`), only slot names can be set.
    pub fn check_slot(&mut self, obj: &Value, cls: &Value, name: &Value) -> PyResult<()> {
        let ok = match crate::types::type_obj(cls).and_then(|t| t.slots.as_ref()) {
            Some(slots) => slots
                .iter()
                .any(|s| s.is(name) || crate::ops::fast_eq(s, name) == Some(true)),
            None => true,
        };
        if ok {
            return Ok(());
        }
        let n = self.str(name)?;
        let tn = self.type_name(obj);
        if self.lookup_mro(cls, name).is_some() {
            return Err(
                self.attribute_error(&format!("'{tn}' object attribute '{n}' is read-only"))
            );
        }
        Err(self.attribute_error(&format!("'{tn}' object has no attribute '{n}'")))
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        if let Some(ObjData::Type(_)) = obj.data() {
            // The metaclass's __delattr__.
            if let Some(f) = self.meta_method(obj, "__delattr__") {
                self.call(&f, vec![obj.clone(), name.clone()])?;
                return Ok(());
            }
        }
        if let Some(ObjData::Instance(_)) = obj.data() {
            if let Some(da) = self.lookup_special(obj, "__delattr__") {
                if !matches!(da.data(), Some(ObjData::Builtin(_))) {
                    self.call(&da, vec![obj.clone(), name.clone()])?;
                    return Ok(());
                }
            }
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        match obj.data() {
            Some(ObjData::Instance(inst)) => {
                if matches!(name.data(), Some(ObjData::Str(s)) if &*s.s == "__class__") {
                    return Err(self.type_error("can't delete __class__ attribute"));
                }
                let cls = inst.class.clone();
                if let Some(d) = self.lookup_mro(&cls, name) {
                    if let Some(ObjData::Instance(_)) = d.data() {
                        if let Some(del) = self.lookup_special(&d, "__delete__") {
                            self.call(&del, vec![d.clone(), obj.clone()])?;
                            return Ok(());
                        }
                    }
                    if let Some(ObjData::Property(p)) = d.data() {
                        let deleter = p[2].clone();
                        if deleter.is_none() {
                            let n = self.str(name)?;
                            let tn = self.type_name(obj);
                            return Err(self.attribute_error(&format!(
                                "property '{n}' of '{tn}' object has no deleter"
                            )));
                        }
                        self.call(&deleter, vec![obj.clone()])?;
                        return Ok(());
                    }
                }
                if inst.dict().is_none() && inst.has_bound_after(name) {
                    // Attribute order is a dict's: a slot freed in the middle is not
                    // reused, so the attributes move into a live `__dict__` first.
                    let dn = self.intern("__dict__");
                    self.getattr_opt(obj, &dn)?;
                }
                if inst.del(name) {
                    Ok(())
                } else {
                    Err(self.no_attr(obj, name))
                }
            }
            Some(ObjData::Type(t)) => {
                crate::types::bump_type_epoch();
                let removed = self.table_del(&t.dict, name)?;
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.no_attr(obj, name)),
                }
            }
            Some(ObjData::Module(m)) => {
                let d = m.dict.clone();
                let removed = match d.data() {
                    Some(ObjData::Dict(dd)) => self.table_del(dd, name)?,
                    _ => None,
                };
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.no_attr(obj, name)),
                }
            }
            _ => Err(self.builtin_attr_write_error(obj, name)?),
        }
    }
}

pub fn is_type(v: &Value) -> bool {
    type_obj(v).is_some()
}

/// Built-in methods bind; built-in functions (of `builtins` and of the native
/// modules) are not descriptors, as in CPython (`f = math.sqrt` in a class body
/// stays a plain function).
pub(crate) fn binds(b: &crate::object::BuiltinObj) -> bool {
    b.slf.is_none() && b.is_type_method()
}
