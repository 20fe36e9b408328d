//! Classes: the built-in types, class creation (C3 MRO), and attribute lookup.

use crate::dict::DictData;
use crate::object::{InstanceObj, Layout, ObjData, TypeObj};
use crate::shape::{Attrs, Shape};
use crate::{PyResult, Value, Vm};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// The built-in classes, created once per VM.
pub struct BuiltinTypes {
    pub object: Value,
    pub type_: Value,
    pub int: Value,
    pub bool_: Value,
    pub float: Value,
    pub str_: Value,
    pub list: Value,
    pub tuple: Value,
    pub dict: Value,
    pub set: Value,
    pub frozenset: Value,
    pub range: Value,
    pub slice: Value,
    pub none_type: Value,
    pub not_impl_type: Value,
    pub ellipsis_type: Value,
    pub function: Value,
    pub builtin_function: Value,
    pub method: Value,
    pub module: Value,
    pub generator: Value,
    pub iterator: Value,
    pub cell: Value,
    pub property: Value,
    pub staticmethod: Value,
    pub classmethod: Value,
    pub super_: Value,
    pub bytes: Value,
    pub bytearray: Value,
    pub dict_keys: Value,
    pub dict_values: Value,
    pub dict_items: Value,
    /// Exception classes by name.
    pub exc: HashMap<&'static str, Value>,
    /// Built-in types that exist only as the type of native values
    /// (`list_iterator`, `map`, `traceback`, …), by name.
    pub named: HashMap<&'static str, Value>,
}

/// The iterator types of CPython 3.11 (each with `__iter__`/`__next__`) and other
/// types that only native code creates.
pub const NAMED_ITERATORS: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "range_iterator",
    "longrange_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "set_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "callable_iterator",
];
const NAMED_NATIVE: &[&str] = &["traceback"];

fn raw_type(name: &str, bases: Vec<Value>, layout: Layout, builtin: bool) -> Value {
    Value::new_obj(ObjData::Type(Box::new(TypeObj {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(Rc::from(name)),
        module: Rc::from("builtins"),
        bases,
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(DictData::new()),
        layout,
        shape_root: Shape::root(),
        builtin,
        facts: Cell::new((0, 0)),
        has_del: false,
    })))
}

/// The exception hierarchy (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("TabError", "IndentationError"),
    ("StopAsyncIteration", "Exception"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("UnicodeTranslateError", "UnicodeError"),
];

impl BuiltinTypes {
    pub fn new() -> BuiltinTypes {
        let object = raw_type("object", vec![], Layout::Object, true);
        let n = |name: &str| raw_type(name, vec![object.clone()], Layout::Native, true);
        let int = n("int");
        let bool_ = raw_type("bool", vec![int.clone()], Layout::Native, true);
        let mut exc: HashMap<&'static str, Value> = HashMap::new();
        for (name, base) in EXCEPTIONS {
            let b = if base.is_empty() {
                object.clone()
            } else {
                exc[base].clone()
            };
            exc.insert(name, raw_type(name, vec![b], Layout::Exception, true));
        }
        BuiltinTypes {
            type_: n("type"),
            int,
            bool_,
            float: n("float"),
            str_: n("str"),
            list: n("list"),
            tuple: n("tuple"),
            dict: n("dict"),
            set: n("set"),
            frozenset: n("frozenset"),
            range: n("range"),
            slice: n("slice"),
            none_type: n("NoneType"),
            not_impl_type: n("NotImplementedType"),
            ellipsis_type: n("ellipsis"),
            function: n("function"),
            builtin_function: n("builtin_function_or_method"),
            method: n("method"),
            module: n("module"),
            generator: n("generator"),
            iterator: n("iterator"),
            cell: n("cell"),
            property: n("property"),
            staticmethod: n("staticmethod"),
            classmethod: n("classmethod"),
            super_: n("super"),
            bytes: n("bytes"),
            bytearray: n("bytearray"),
            dict_keys: n("dict_keys"),
            dict_values: n("dict_values"),
            dict_items: n("dict_items"),
            exc,
            named: NAMED_ITERATORS
                .iter()
                .chain(NAMED_NATIVE)
                .map(|name| (*name, n(name)))
                .collect(),
            object,
        }
    }

    /// One of the [`NAMED_ITERATORS`] (or other named native types).
    pub fn named(&self, name: &str) -> Value {
        self.named.get(name).unwrap_or(&self.iterator).clone()
    }

    fn all(&self) -> Vec<Value> {
        let mut v = vec![
            self.object.clone(),
            self.type_.clone(),
            self.int.clone(),
            self.bool_.clone(),
            self.float.clone(),
            self.str_.clone(),
            self.list.clone(),
            self.tuple.clone(),
            self.dict.clone(),
            self.set.clone(),
            self.frozenset.clone(),
            self.range.clone(),
            self.slice.clone(),
            self.none_type.clone(),
            self.not_impl_type.clone(),
            self.ellipsis_type.clone(),
            self.function.clone(),
            self.builtin_function.clone(),
            self.method.clone(),
            self.module.clone(),
            self.generator.clone(),
            self.iterator.clone(),
            self.cell.clone(),
            self.property.clone(),
            self.staticmethod.clone(),
            self.classmethod.clone(),
            self.super_.clone(),
            self.bytes.clone(),
            self.bytearray.clone(),
            self.dict_keys.clone(),
            self.dict_values.clone(),
            self.dict_items.clone(),
        ];
        v.extend(
            NAMED_ITERATORS
                .iter()
                .chain(NAMED_NATIVE)
                .map(|n| self.named[n].clone()),
        );
        // Definition order: every base before its subclasses (MROs build on them).
        v.extend(EXCEPTIONS.iter().map(|(n, _)| self.exc[n].clone()));
        v
    }
}

/// Compute MROs and install the built-in methods.
pub fn init_types(vm: &mut Vm) {
    for t in vm.t.all() {
        let mro = compute_mro(&t).unwrap_or_else(|| vec![t.clone()]);
        if let Some(ObjData::Type(ty)) = t.data() {
            *ty.mro.borrow_mut() = mro;
        }
    }
    crate::methods::install(vm);
}

pub fn type_obj(v: &Value) -> Option<&TypeObj> {
    match v.data() {
        Some(ObjData::Type(t)) => Some(t),
        _ => None,
    }
}

/// C3 linearisation; None when the bases are inconsistent.
pub fn compute_mro(cls: &Value) -> Option<Vec<Value>> {
    let t = type_obj(cls)?;
    let mut seqs: Vec<Vec<Value>> = t
        .bases
        .iter()
        .map(|b| {
            type_obj(b)
                .map(|bt| bt.mro.borrow().clone())
                .unwrap_or_default()
        })
        .collect();
    seqs.push(t.bases.clone());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let c = found?;
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

thread_local! {
    /// Bumped whenever any class's namespace changes after creation, invalidating
    /// every class's cached facts.
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
}

pub fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The class defines `__setattr__` (other than object's).
pub const FACT_SETATTR: u8 = 1;
/// Some class in the MRO has a data descriptor (property or object with `__set__`).
pub const FACT_DATA_DESCR: u8 = 2;
/// The class defines `__getattr__`/`__getattribute__`.
pub const FACT_GETATTR: u8 = 4;

impl Vm {
    /// Facts about a class that make attribute access skip lookups, cached until
    /// any class namespace changes.
    pub fn class_facts(&mut self, cls: &Value) -> u8 {
        let Some(t) = type_obj(cls) else { return 0 };
        let epoch = TYPE_EPOCH.with(|e| e.get());
        let (e, bits) = t.facts.get();
        if e == epoch {
            return bits;
        }
        let mut bits = 0u8;
        let mro = t.mro.borrow().clone();
        let setn = self.intern("__set__");
        for c in mro.iter() {
            let Some(ct) = type_obj(c) else { continue };
            if ct.builtin {
                continue;
            }
            let entries: Vec<(Value, Value)> = ct
                .dict
                .borrow()
                .iter()
                .map(|e| (e.1.clone(), e.2.clone()))
                .collect();
            for (k, v) in entries {
                if let Some(ObjData::Str(s)) = k.data() {
                    match &*s.s {
                        "__setattr__" | "__delattr__" => bits |= FACT_SETATTR,
                        "__getattr__" | "__getattribute__" => bits |= FACT_GETATTR,
                        _ => {}
                    }
                }
                match v.data() {
                    Some(ObjData::Property(_)) => bits |= FACT_DATA_DESCR,
                    Some(ObjData::Instance(i)) => {
                        let vc = i.class.clone();
                        if self.lookup_mro(&vc, &setn).is_some() {
                            bits |= FACT_DATA_DESCR;
                        }
                    }
                    _ => {}
                }
            }
        }
        t.facts.set((epoch, bits));
        bits
    }

    /// The class of any value.
    pub fn type_of(&self, v: &Value) -> Value {
        if v.is_float() {
            return self.t.float.clone();
        }
        if v.is_small_int() {
            return self.t.int.clone();
        }
        if !v.is_ptr() {
            return if v.is_bool() {
                self.t.bool_.clone()
            } else if v.is_none() {
                self.t.none_type.clone()
            } else if v.is(&Value::NOT_IMPLEMENTED) {
                self.t.not_impl_type.clone()
            } else {
                self.t.ellipsis_type.clone()
            };
        }
        let t = &self.t;
        match v.data() {
            Some(d) => match d {
                ObjData::Int64(_) | ObjData::BigInt(_) => t.int.clone(),
                ObjData::Str(_) => t.str_.clone(),
                ObjData::List(_) => t.list.clone(),
                ObjData::Tuple(_) => t.tuple.clone(),
                ObjData::Dict(_) => t.dict.clone(),
                ObjData::Set(_) => t.set.clone(),
                ObjData::FrozenSet(_) => t.frozenset.clone(),
                ObjData::Range { .. } | ObjData::BigRange(_) => t.range.clone(),
                ObjData::Slice(_) => t.slice.clone(),
                ObjData::Func(_) => t.function.clone(),
                ObjData::Proto(_) => t.function.clone(),
                ObjData::Builtin(_) => t.builtin_function.clone(),
                ObjData::BoundMethod(_) => t.method.clone(),
                ObjData::Type(_) => t.type_.clone(),
                ObjData::Instance(i) => i.class.clone(),
                ObjData::Module(_) => t.module.clone(),
                ObjData::Cell(_) => t.cell.clone(),
                ObjData::Gen(_) => t.generator.clone(),
                ObjData::Iter(st) => match st.try_borrow() {
                    Ok(st) => t.named(crate::ops::iter_type_name(&st)),
                    Err(_) => t.iterator.clone(),
                },
                ObjData::DictView(b) => match b.1 {
                    crate::object::DictIterKind::Keys => t.dict_keys.clone(),
                    crate::object::DictIterKind::Values => t.dict_values.clone(),
                    crate::object::DictIterKind::Items => t.dict_items.clone(),
                },
                ObjData::Property(_) => t.property.clone(),
                ObjData::StaticMethod(_) => t.staticmethod.clone(),
                ObjData::ClassMethod(_) => t.classmethod.clone(),
                ObjData::Super(_) => t.super_.clone(),
                ObjData::Bytes(_) => t.bytes.clone(),
                ObjData::ByteArray(_) => t.bytearray.clone(),
            },
            None => t.object.clone(),
        }
    }

    /// A class's module name: its `__module__`, which a user class may reassign
    /// (namedtuple and the library modules do).
    pub fn class_module(&mut self, t: &TypeObj) -> Rc<str> {
        if !t.builtin {
            let k = self.intern("__module__");
            if let Ok(Some(v)) = self.table_get(&t.dict, &k) {
                if let Some(ObjData::Str(s)) = v.data() {
                    return Rc::from(&*s.s);
                }
            }
        }
        t.module.clone()
    }

    pub fn type_name(&self, v: &Value) -> Rc<str> {
        let t = self.type_of(v);
        type_obj(&t)
            .map(|t| t.name.borrow().clone())
            .unwrap_or_else(|| Rc::from("object"))
    }

    /// Look a name up along a class's MRO.
    pub fn lookup_mro(&mut self, cls: &Value, name: &Value) -> Option<Value> {
        let t = type_obj(cls)?;
        let mro = t.mro.borrow().clone();
        for c in mro.iter() {
            if let Some(ct) = type_obj(c) {
                let d = &ct.dict;
                if let Ok(Some(v)) = self.table_get(d, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// Look up a special method by name on the type of `v`.
    pub fn lookup_special(&mut self, v: &Value, name: &str) -> Option<Value> {
        let cls = self.type_of(v);
        let n = self.intern(name);
        self.lookup_mro(&cls, &n)
    }

    pub fn is_subclass(&self, a: &Value, b: &Value) -> bool {
        if a.is(b) {
            return true;
        }
        match type_obj(a) {
            Some(t) => t.mro.borrow().iter().any(|c| c.is(b)),
            None => false,
        }
    }

    pub fn isinstance(&self, v: &Value, cls: &Value) -> bool {
        let t = self.type_of(v);
        self.is_subclass(&t, cls)
    }

    pub fn is_exc_type(&self, v: &Value) -> bool {
        type_obj(v).is_some() && self.is_subclass(v, &self.t.exc["BaseException"])
    }

    /// Create a class from a name, bases and a namespace dict.
    pub fn new_class(
        &mut self,
        name: &str,
        qualname: &str,
        bases: Vec<Value>,
        ns: &Value,
        module: Rc<str>,
    ) -> PyResult<Value> {
        let bases = if bases.is_empty() {
            vec![self.t.object.clone()]
        } else {
            bases
        };
        let mut layout = Layout::Object;
        for b in &bases {
            let Some(bt) = type_obj(b) else {
                return Err(self.type_error("bases must be types"));
            };
            match bt.layout {
                Layout::Exception => layout = Layout::Exception,
                Layout::Native => {
                    let n = bt.name.borrow().clone();
                    return Err(self.unsupported(&format!("subclassing built-in type '{n}'")));
                }
                Layout::Object => {}
            }
        }
        let dict = match ns.data() {
            Some(ObjData::Dict(d)) => {
                let src = d.borrow();
                let mut nd = DictData::with_capacity(src.len);
                for e in src.iter() {
                    nd.insert_new(e.0, e.1.clone(), e.2.clone());
                }
                nd
            }
            _ => DictData::new(),
        };
        let mut dict = dict;
        {
            let eq = self.intern("__eq__");
            let hs = self.intern("__hash__");
            let heq = self.hash(&eq)?;
            let hhs = self.hash(&hs)?;
            if matches!(dict.find_fast(&eq, heq), Ok(Some(_)))
                && matches!(dict.find_fast(&hs, hhs), Ok(None))
            {
                dict.insert_new(hhs, hs, Value::NONE);
            }
        }
        let has_del = {
            let k = self.intern("__del__");
            let h = self.hash(&k)?;
            matches!(dict.find_fast(&k, h), Ok(Some(_)))
                || bases
                    .iter()
                    .any(|b| type_obj(b).map(|t| t.has_del).unwrap_or(false))
        };
        let cls = Value::new_obj(ObjData::Type(Box::new(TypeObj {
            name: RefCell::new(Rc::from(name)),
            qualname: RefCell::new(Rc::from(qualname)),
            module,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(dict),
            layout,
            shape_root: Shape::root(),
            builtin: false,
            facts: Cell::new((0, 0)),
            has_del,
        })));
        let Some(mro) = compute_mro(&cls) else {
            return Err(self.type_error("Cannot create a consistent method resolution order (MRO)"));
        };
        if let Some(t) = type_obj(&cls) {
            *t.mro.borrow_mut() = mro;
        }
        // __init_subclass__ is not supported yet; nothing else to run.
        Ok(cls)
    }

    /// A fresh instance of a user class (without calling `__init__`).
    pub fn new_instance(&mut self, cls: &Value) -> Value {
        let (root, layout) = match type_obj(cls) {
            Some(t) => (t.shape_root.clone(), t.layout),
            None => (Shape::root(), Layout::Object),
        };
        let exc = if layout == Layout::Exception {
            Some(Box::new(RefCell::new(crate::object::ExcData {
                args: self.new_tuple(vec![]),
                traceback: Vec::new(),
                cause: Value::NONE,
                context: Value::NONE,
                suppress_context: false,
            })))
        } else {
            None
        };
        Value::new_obj(ObjData::Instance(Box::new(InstanceObj {
            class: cls.clone(),
            attrs: RefCell::new(Attrs::new(&root)),
            exc,
            finalized: std::cell::Cell::new(false),
        })))
    }
}
