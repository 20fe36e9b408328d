//! Classes: the built-in types, class creation (C3 MRO), and attribute lookup.

use crate::dict::DictData;
use crate::object::{Layout, ObjData, TypeObj};
use crate::shape::Shape;
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
    pub complex: Value,
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
    pub member_descriptor: Value,
    /// Exception classes by name.
    pub exc: NameMap<Value>,
    /// Built-in types that exist only as the type of native values
    /// (`list_iterator`, `map`, `traceback`, …), by name.
    pub named: NameMap<Value>,
}

/// FNV-1a over a short static name: the runtime looks exception classes up by name
/// on hot paths (`StopIteration`, `except` clauses), where SipHash showed up.
#[derive(Default, Clone, Copy)]
pub struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by static names, hashed with [`NameHasher`].
pub type NameMap<V> = HashMap<&'static str, V, std::hash::BuildHasherDefault<NameHasher>>;

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
const NAMED_NATIVE: &[&str] = &["traceback", "UnionType", "GenericAlias", "frame", "code"];

fn raw_type(name: &str, bases: Vec<Value>, layout: Layout, builtin: bool) -> Value {
    // The named native types that CPython defines in `types`.
    let module = if name == "UnionType" || name == "GenericAlias" {
        "types"
    } else {
        "builtins"
    };
    Value::new_obj(ObjData::Type(Box::new(TypeObj {
        name: RefCell::new(Rc::from(name)),
        qualname: RefCell::new(Rc::from(name)),
        module: Rc::from(module),
        bases,
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(DictData::new()),
        layout,
        shape_root: Shape::root(),
        builtin,
        facts: Cell::new((0, 0)),
        ctor: Cell::new((0, 0)),
        has_del: false,
        slots: None,
        meta: RefCell::new(Value::UNBOUND),
        serial: next_serial(),
    })))
}

/// Entries of `plain_base`'s cache (direct-mapped; 1 KB).
const PLAIN_CACHE_SIZE: usize = 32;

thread_local! {
    static PLAIN_CACHE: RefCell<Vec<(PlainKey, bool)>> = const { RefCell::new(Vec::new()) };
}

/// What `plain_base`'s answer depends on: the class (by address), the type epoch
/// (any class change, creation or release bumps it) and the names asked about
/// (by address and length; at most three).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct PlainKey {
    class: u64,
    epoch: u64,
    names: [usize; 3],
    n: usize,
}

impl PlainKey {
    fn new(class: u64, names: &[&'static str]) -> PlainKey {
        let mut k = PlainKey {
            class,
            epoch: type_epoch(),
            names: [0; 3],
            n: names.len(),
        };
        for (slot, n) in k.names.iter_mut().zip(names) {
            *slot = n.as_ptr() as usize ^ n.len().rotate_left(48);
        }
        k
    }
    fn slot(&self) -> usize {
        let h = (self.class >> 4) ^ (self.names[0] as u64 >> 3) ^ (self.names[1] as u64 >> 5);
        (h as usize) % PLAIN_CACHE_SIZE
    }
}

/// The next class creation number.
pub fn next_serial() -> u64 {
    thread_local! { static SERIAL: Cell<u64> = const { Cell::new(0) }; }
    SERIAL.with(|s| {
        s.set(s.get() + 1);
        s.get()
    })
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
        let mut exc: NameMap<Value> = NameMap::default();
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
            complex: n("complex"),
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
            member_descriptor: n("member_descriptor"),
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
            self.complex.clone(),
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
            self.member_descriptor.clone(),
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
    crate::excgroup::install(vm);
    // The built-in classes' dicts were filled directly: nothing cached before now
    // stays valid.
    bump_type_epoch();
}

pub fn type_obj(v: &Value) -> Option<&TypeObj> {
    match v.data() {
        Some(ObjData::Type(t)) => Some(t),
        _ => None,
    }
}

/// C3 linearisation; None when the bases are inconsistent.
pub fn compute_mro(cls: &Value) -> Option<Vec<Value>> {
    compute_mro_err(cls).ok()
}

/// C3 linearisation; on failure, the heads that could not be merged (CPython names
/// them in its error).
pub fn compute_mro_err(cls: &Value) -> Result<Vec<Value>, Vec<Value>> {
    let Some(t) = type_obj(cls) else {
        return Err(Vec::new());
    };
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
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            return Err(heads);
        };
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

const MRO_CACHE_SIZE: usize = 512;

struct MroEntry {
    epoch: u64,
    class: u64,
    name: Value,
    result: Option<Value>,
}

impl Default for MroEntry {
    fn default() -> MroEntry {
        MroEntry {
            epoch: 0,
            class: 0,
            name: Value::NONE,
            result: None,
        }
    }
}

thread_local! {
    static MRO_CACHE: RefCell<Vec<MroEntry>> = const { RefCell::new(Vec::new()) };
}

pub fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The current type epoch (attribute inline caches record it).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

/// Where the type epoch lives (native code compares it with its caches' epochs).
pub fn type_epoch_ptr() -> *const u64 {
    TYPE_EPOCH.with(|e| e.as_ptr() as *const u64)
}

/// The class defines `__setattr__` (other than object's).
pub const FACT_SETATTR: u8 = 1;
/// Some class in the MRO has a data descriptor (property or object with `__set__`).
pub const FACT_DATA_DESCR: u8 = 2;
/// The class defines `__getattr__`/`__getattribute__`.
pub const FACT_GETATTR: u8 = 4;
/// The class defines `__getattribute__` (every attribute read goes through it).
pub const FACT_GETATTRIBUTE: u8 = 8;
/// Instances have `__slots__` and no `__dict__`.
pub const FACT_SLOTS: u8 = 16;
/// A class in the MRO defines `__class__` (instances may claim another class).
pub const FACT_CLASS_ATTR: u8 = 32;

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
                        "__getattr__" => bits |= FACT_GETATTR,
                        "__getattribute__" => bits |= FACT_GETATTR | FACT_GETATTRIBUTE,
                        "__class__" => bits |= FACT_CLASS_ATTR,
                        _ => {}
                    }
                }
                match v.data() {
                    Some(ObjData::Property(_)) => bits |= FACT_DATA_DESCR,
                    Some(ObjData::Instance(i)) => {
                        let vc = i.class.clone();
                        let deln = self.intern("__delete__");
                        if self.lookup_mro(&vc, &setn).is_some()
                            || self.lookup_mro(&vc, &deln).is_some()
                        {
                            bits |= FACT_DATA_DESCR;
                        }
                    }
                    _ => {}
                }
            }
        }
        if t.slots.is_some() {
            bits |= FACT_SLOTS;
        }
        t.facts.set((epoch, bits));
        bits
    }

    /// Whether `name` is a data descriptor (property, or an object whose class has
    /// `__set__`/`__delete__`) along `cls`'s MRO, by `class_facts`'s rule. With
    /// `FACT_DATA_DESCR` set, only such names bypass the instance's slots, so an
    /// attribute cache entry (valid for one type epoch) can still be made for others.
    pub fn name_is_data_descr(&mut self, cls: &Value, name: &Value) -> bool {
        match self.lookup_mro(cls, name) {
            Some(d) => self.is_data_descr(&d),
            None => false,
        }
    }

    /// Whether plain reads (`write` false) or writes of `name` on instances of `cls`
    /// go straight to their slots: no `__getattribute__` (reads) or `__setattr__`
    /// (writes), and `name` is not a data descriptor of the class.
    pub fn plain_attr(&mut self, cls: &Value, name: &Value, write: bool) -> bool {
        let facts = self.class_facts(cls);
        let hook = if write {
            FACT_SETATTR
        } else {
            FACT_GETATTRIBUTE
        };
        facts & hook == 0 && (facts & FACT_DATA_DESCR == 0 || !self.name_is_data_descr(cls, name))
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
                ObjData::Type(tt) => {
                    let m = tt.meta.borrow();
                    if m.is_unbound() {
                        t.type_.clone()
                    } else {
                        m.clone()
                    }
                }
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
                ObjData::Member(_) => t.member_descriptor.clone(),
                ObjData::Complex(..) => t.complex.clone(),
                ObjData::Native(_) | ObjData::Deque(_) | ObjData::DequeIter(_) => t.object.clone(),
            },
            None => t.object.clone(),
        }
    }

    /// A class made by `type(name, bases, ns)` without `__module__` in `ns` gets the
    /// caller's module as `__module__` in its namespace, as CPython's `type_new`.
    pub fn ensure_module_attr(&mut self, cls: &Value, module: &str) -> PyResult<()> {
        let k = self.intern("__module__");
        if let Some(t) = type_obj(cls) {
            if self.table_get(&t.dict, &k)?.is_none() {
                let v = self.new_str(module);
                self.table_set(&t.dict, k, v)?;
                bump_type_epoch();
            }
        }
        Ok(())
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
        let Some(to) = type_obj(&t) else {
            return Rc::from("object");
        };
        // A library class standing for one of CPython's C types names itself as the
        // C type does in messages (`'collections.deque' object has no attribute`):
        // `__lethe_tp_name__` in its own dict (subclasses keep their plain name).
        if !to.builtin {
            if let Some(k) = self.interned.get("__lethe_tp_name__") {
                if let Some(ObjData::Str(ks)) = k.data() {
                    let d = to.dict.borrow();
                    if let Some(i) = d.find_fast(k, ks.hash.get()).ok().flatten() {
                        if let Some(ObjData::Str(s)) = d.entries[i].2.data() {
                            return Rc::from(&*s.s);
                        }
                    }
                }
            }
        }
        let name = to.name.borrow().clone();
        name
    }

    /// Look a name up along a class's MRO.
    pub fn lookup_mro(&mut self, cls: &Value, name: &Value) -> Option<Value> {
        let t = type_obj(cls)?;
        // The method cache (as CPython's type attribute cache): keyed by class and
        // name addresses, valid for one type epoch (bumped by every change to a
        // class's dict, `__class__`/class creation and a class being freed). It
        // holds the name and the result, never the class.
        let epoch = type_epoch();
        let slot = ((cls.bits() >> 4) ^ (name.bits() >> 3)) as usize % MRO_CACHE_SIZE;
        let hit = MRO_CACHE.with(|c| {
            let c = c.borrow();
            let e = c.get(slot)?;
            (e.epoch == epoch && e.class == cls.bits() && e.name.is(name)).then(|| e.result.clone())
        });
        if let Some(r) = hit {
            return r;
        }
        let mro = t.mro.borrow().clone();
        let mut found = None;
        for c in mro.iter() {
            if let Some(ct) = type_obj(c) {
                let d = &ct.dict;
                if let Ok(Some(v)) = self.table_get(d, name) {
                    found = Some(v);
                    break;
                }
            }
        }
        // (A lookup that ran Python code, a key's `__eq__`, may have changed a class:
        // then the epoch moved and the result is not cached.)
        if type_epoch() == epoch && matches!(name.data(), Some(ObjData::Str(_))) {
            let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
            MRO_CACHE.with(|c| {
                let mut c = c.borrow_mut();
                if c.is_empty() {
                    c.resize_with(MRO_CACHE_SIZE, MroEntry::default);
                }
                c[slot] = MroEntry {
                    epoch,
                    class: cls.bits(),
                    name: name.clone(),
                    result: found.clone(),
                };
            });
        }
        found
    }

    /// Look up a special method by name on the class `cls` itself.
    pub fn lookup_special_in(&mut self, cls: &Value, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup_mro(cls, &n)
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
        // The built-in type whose values instances wrap (`class L(list)`).
        let mut solid: Option<Value> = None;
        for (i, b) in bases.iter().enumerate() {
            let Some(bt) = type_obj(b) else {
                return Err(self.type_error("bases must be types"));
            };
            if bases[..i].iter().any(|x| x.is(b)) {
                let n = bt.name.borrow().clone();
                return Err(self.type_error(&format!("duplicate base class {n}")));
            }
            let bsolid = self.solid_base(b);
            // A metaclass: its instances are classes, made by type.__new__.
            let is_type = b.is(&self.t.type_);
            if bt.builtin && bt.layout == Layout::Native && bsolid.is_none() && !is_type {
                let n = bt.name.borrow().clone();
                // Types CPython itself refuses as bases; the others it accepts are
                // not supported here yet.
                let refused = matches!(
                    &*n,
                    "bool"
                        | "range"
                        | "slice"
                        | "function"
                        | "builtin_function_or_method"
                        | "method"
                        | "NoneType"
                        | "NotImplementedType"
                        | "ellipsis"
                        | "generator"
                        | "iterator"
                        | "cell"
                        | "dict_keys"
                        | "dict_values"
                        | "dict_items"
                );
                if !refused {
                    return Err(self.unsupported(&format!("subclassing built-in type '{n}'")));
                }
                return Err(self.type_error(&format!("type '{n}' is not an acceptable base type")));
            }
            let conflict = match (&solid, &bsolid) {
                (Some(a), Some(b)) => !(self.is_subclass(a, b) || self.is_subclass(b, a)),
                (Some(_), None) | (None, Some(_)) => {
                    bt.layout == Layout::Exception || layout == Layout::Exception
                }
                _ => false,
            };
            if conflict {
                return Err(self.type_error("multiple bases have instance lay-out conflict"));
            }
            if let Some(b) = bsolid {
                let keep = matches!(&solid, Some(a) if self.is_subclass(a, &b));
                if !keep {
                    solid = Some(b);
                }
                layout = Layout::Native;
            }
            if bt.layout == Layout::Exception {
                layout = Layout::Exception;
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
        // `__qualname__` of the class body names the class; it is not an attribute.
        let mut qualname: Rc<str> = Rc::from(qualname);
        {
            let k = self.intern("__qualname__");
            let h = self.hash(&k)?;
            if let Ok(Some(i)) = dict.find_fast(&k, h) {
                if let Some(ObjData::Str(s)) = dict.entries[i].2.data() {
                    qualname = Rc::from(&*s.s);
                }
                let kv = dict.remove_entry(i);
                drop(kv);
            }
        }
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
        // __init_subclass__ and __class_getitem__ are implicitly class methods.
        for name in ["__init_subclass__", "__class_getitem__"] {
            let k = self.intern(name);
            let h = self.hash(&k)?;
            if let Ok(Some(i)) = dict.find_fast(&k, h) {
                if matches!(dict.entries[i].2.data(), Some(ObjData::Func(_))) {
                    let f = dict.entries[i].2.clone();
                    dict.entries[i].2 = Value::new_obj(ObjData::ClassMethod(f));
                }
            }
        }
        // __new__ is an implicit static method.
        {
            let k = self.intern("__new__");
            let h = self.hash(&k)?;
            if let Ok(Some(i)) = dict.find_fast(&k, h) {
                if matches!(dict.entries[i].2.data(), Some(ObjData::Func(_))) {
                    let f = dict.entries[i].2.clone();
                    dict.entries[i].2 = Value::new_obj(ObjData::StaticMethod(f));
                }
            }
        }
        let slots = self.class_slots(&bases, &mut dict, layout)?;
        self.add_members(name, &mut dict)?;
        // Every class has its own `__doc__` (None without a docstring), as CPython's
        // type_new puts it in the namespace: instances and subclasses find that one.
        {
            let k = self.intern("__doc__");
            let h = self.hash(&k)?;
            if matches!(dict.find_fast(&k, h), Ok(None)) {
                dict.insert_new(h, k, Value::NONE);
            }
        }
        if let (Some(sl), Some(sb)) = (&slots, &solid) {
            let own = bases
                .iter()
                .filter_map(type_obj)
                .filter(|t| !t.builtin)
                .map(|t| t.slots.as_ref().map(|s| s.len()).unwrap_or(0))
                .sum::<usize>();
            let variable = sb.is(&self.t.int) || sb.is(&self.t.tuple) || sb.is(&self.t.bytes);
            if variable && sl.len() > own {
                let n = type_obj(sb)
                    .map(|t| t.name.borrow().clone())
                    .unwrap_or_default();
                return Err(self.type_error(&format!(
                    "nonempty __slots__ not supported for subtype of '{n}'"
                )));
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
        // The metaclass: the most derived of the bases' metaclasses.
        let mut meta = Value::UNBOUND;
        for b in &bases {
            let bm = self.type_of(b);
            if bm.is(&self.t.type_) {
                continue;
            }
            if meta.is_unbound() || self.is_subclass(&bm, &meta) {
                meta = bm;
            } else if !self.is_subclass(&meta, &bm) {
                return Err(self.type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        }
        // A new class may sit at a freed class's address: caches keyed by class
        // address and epoch must not mistake one for the other.
        bump_type_epoch();
        let cls = Value::new_obj(ObjData::Type(Box::new(TypeObj {
            name: RefCell::new(Rc::from(name)),
            qualname: RefCell::new(qualname),
            module,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(dict),
            layout,
            // A class with `__slots__` knows how many its instances will use.
            shape_root: Shape::root_reserving(slots.as_ref().map_or(0, |s| s.len())),
            builtin: false,
            facts: Cell::new((0, 0)),
            ctor: Cell::new((0, 0)),
            has_del,
            slots,
            meta: RefCell::new(meta),
            serial: next_serial(),
        })));
        let mro = match compute_mro_err(&cls) {
            Ok(m) => m,
            Err(heads) => {
                let names: Vec<String> = heads
                    .iter()
                    .map(|h| {
                        type_obj(h)
                            .map(|t| t.name.borrow().to_string())
                            .unwrap_or_default()
                    })
                    .collect();
                return Err(self.type_error(&format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        if let Some(t) = type_obj(&cls) {
            *t.mro.borrow_mut() = mro;
        }
        // Lookups made while the class was being set up saw no MRO yet.
        bump_type_epoch();
        Ok(cls)
    }

    /// The built-in type whose values instances of `cls` wrap: `list` for
    /// `class L(list)`, None for plain classes (and for built-in types that cannot be
    /// subclassed).
    pub fn solid_base(&self, cls: &Value) -> Option<Value> {
        let t = type_obj(cls)?;
        if t.layout != Layout::Native {
            return None;
        }
        let mro = t.mro.borrow();
        let it = std::iter::once(cls).chain(mro.iter());
        for c in it {
            let Some(ct) = type_obj(c) else { continue };
            if ct.builtin {
                let n = ct.name.borrow();
                return VALUE_TYPES.contains(&&**n).then(|| c.clone());
            }
        }
        None
    }

    /// Every name listed in a `__slots__` of the class or its bases (stored apart from
    /// a `__dict__` the instances may also have).
    pub fn mro_slot_names(&mut self, cls: &Value) -> Vec<Value> {
        let k = self.intern("__slots__");
        let mro = type_obj(cls)
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default();
        let mut out = Vec::new();
        for c in mro {
            let Some(ct) = type_obj(&c) else { continue };
            if ct.builtin {
                continue;
            }
            let Ok(Some(spec)) = self.table_get(&ct.dict, &k) else {
                continue;
            };
            let names = if matches!(spec.data(), Some(ObjData::Str(_))) {
                vec![spec]
            } else {
                self.collect(&spec).unwrap_or_default()
            };
            for n in names {
                if let Some(ObjData::Str(s)) = n.data() {
                    if &*s.s != "__dict__" {
                        let iv = self.intern(s.s.as_ref());
                        out.push(iv);
                    }
                }
            }
        }
        out
    }

    /// A member descriptor in the class namespace for each name of its own
    /// `__slots__` (`C.x` is `<member 'x' of 'C' objects>`).
    fn add_members(&mut self, cls_name: &str, dict: &mut DictData) -> PyResult<()> {
        let k = self.intern("__slots__");
        let h = self.hash(&k)?;
        let Ok(Some(i)) = dict.find_fast(&k, h) else {
            return Ok(());
        };
        let spec = dict.entries[i].2.clone();
        let names = if matches!(spec.data(), Some(ObjData::Str(_))) {
            vec![spec]
        } else {
            self.collect(&spec)?
        };
        let owner = self.new_str(cls_name);
        for n in names {
            let Some(ObjData::Str(st)) = n.data() else {
                continue;
            };
            if matches!(&*st.s, "__dict__" | "__weakref__") {
                continue;
            }
            let iv = self.intern(st.s.as_ref());
            let hv = self.hash(&iv)?;
            if let Ok(None) = dict.find_fast(&iv, hv) {
                let m = Value::new_obj(ObjData::Member(Box::new((iv.clone(), owner.clone()))));
                dict.insert_new(hv, iv, m);
            }
        }
        Ok(())
    }

    /// `__slots__` of a new class: None when instances have a `__dict__`, else all the
    /// slot names (the class's and its bases').
    fn class_slots(
        &mut self,
        bases: &[Value],
        dict: &mut DictData,
        layout: Layout,
    ) -> PyResult<Option<Vec<Value>>> {
        let k = self.intern("__slots__");
        let h = self.hash(&k)?;
        let Ok(Some(i)) = dict.find_fast(&k, h) else {
            return Ok(None);
        };
        let spec = dict.entries[i].2.clone();
        let names = if matches!(spec.data(), Some(ObjData::Str(_))) {
            vec![spec]
        } else {
            self.collect(&spec)?
        };
        let mut own: Vec<Value> = Vec::new();
        let mut has_dict = layout == Layout::Exception;
        for n in names {
            let Some(ObjData::Str(st)) = n.data() else {
                let tn = self.type_name(&n);
                return Err(
                    self.type_error(&format!("__slots__ items must be strings, not '{tn}'"))
                );
            };
            let name = st.s.to_string();
            if name == "__dict__" {
                has_dict = true;
                continue;
            }
            let iv = self.intern(&name);
            let hv = self.hash(&iv)?;
            if let Ok(Some(_)) = dict.find_fast(&iv, hv) {
                return Err(self.value_error(&format!(
                    "'{name}' in __slots__ conflicts with class variable"
                )));
            }
            own.push(iv);
        }
        let mut all: Vec<Value> = Vec::new();
        for b in bases {
            let Some(bt) = type_obj(b) else { continue };
            if bt.builtin {
                continue;
            }
            match &bt.slots {
                Some(s) => all.extend(s.iter().cloned()),
                None => has_dict = true,
            }
        }
        if has_dict {
            return Ok(None);
        }
        all.extend(own);
        Ok(Some(all))
    }

    /// After a class statement created `cls`: `__set_name__` of the descriptors in its
    /// namespace, then the parent's `__init_subclass__` with the class keywords.
    pub fn finish_class(
        &mut self,
        cls: &Value,
        ns: &Value,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match ns.data() {
            Some(ObjData::Dict(d)) => d
                .borrow()
                .iter()
                .map(|e| (e.1.clone(), e.2.clone()))
                .collect(),
            _ => vec![],
        };
        for (k, v) in items {
            if let Some(ObjData::Instance(_)) = v.data() {
                if let Some(sn) = self.lookup_special(&v, "__set_name__") {
                    if let Err(e) = self.call(&sn, vec![v.clone(), cls.clone(), k.clone()]) {
                        // CPython 3.11 wraps the error, with it as the cause.
                        let vt = self.type_name(&v);
                        let kn = self.str(&k)?;
                        let cn = type_obj(cls)
                            .map(|t| t.name.borrow().clone())
                            .unwrap_or_default();
                        let r = self.new_error(
                            "RuntimeError",
                            &format!(
                                "Error calling __set_name__ on '{vt}' instance '{kn}' in '{cn}'"
                            ),
                        );
                        if let Some(d) = crate::exc::exc_data(&r) {
                            let mut d = d.borrow_mut();
                            d.cause = e.clone();
                            d.context = e;
                            d.suppress_context = true;
                        }
                        return Err(r);
                    }
                }
            }
        }
        let name = self.intern("__init_subclass__");
        let mro = type_obj(cls)
            .map(|t| t.mro.borrow().clone())
            .unwrap_or_default();
        for c in mro.iter().skip(1) {
            let Some(ct) = type_obj(c) else { continue };
            let found = self.table_get(&ct.dict, &name)?;
            if let Some(f) = found {
                let f = match f.data() {
                    Some(ObjData::ClassMethod(inner)) => inner.clone(),
                    _ => f,
                };
                self.call_kw(&f, vec![cls.clone()], kw)?;
                return Ok(());
            }
        }
        Ok(())
    }

    /// For an instance of a subclass of a built-in type: the built-in value it wraps,
    /// when no user class of its MRO defines any of `names` (the operation then
    /// applies to the built-in value, as the inherited slot would).
    pub fn plain_base(&mut self, v: &Value, names: &[&'static str]) -> Option<Value> {
        let Some(ObjData::Instance(i)) = v.data() else {
            return None;
        };
        // (A deque's items are reached through its class's methods only.)
        if i.base().is_unbound()
            || matches!(
                i.base().data(),
                Some(ObjData::Deque(_) | ObjData::DequeIter(_))
            )
        {
            return None;
        }
        if names.is_empty() {
            return Some(i.base().clone());
        }
        if names.len() > 3 {
            let own = self.overrides(&i.class, names);
            return (!own).then(|| i.base().clone());
        }
        // Whether a user class overrides one of the names, cached by class, type
        // epoch and names (dict subclasses' `d[k]` asks on every subscript).
        let key = PlainKey::new(i.class.bits(), names);
        let slot = key.slot();
        if let Some(own) = PLAIN_CACHE.with(|c| {
            let c = c.borrow();
            c.get(slot).and_then(|e| (e.0 == key).then_some(e.1))
        }) {
            return (!own).then(|| i.base().clone());
        }
        let own = self.overrides(&i.class, names);
        PLAIN_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_empty() {
                c.resize(PLAIN_CACHE_SIZE, (PlainKey::default(), false));
            }
            c[slot] = (key, own);
        });
        (!own).then(|| i.base().clone())
    }

    /// Some user class of `cls`'s MRO (before the first built-in one) defines one of
    /// `names`.
    fn overrides(&mut self, cls: &Value, names: &[&str]) -> bool {
        let Some(t) = type_obj(cls) else {
            return false;
        };
        let keys: Vec<Value> = names.iter().map(|n| self.intern(n)).collect();
        let mro = t.mro.borrow();
        for c in mro.iter() {
            let Some(ct) = type_obj(c) else { continue };
            if ct.builtin {
                break;
            }
            let d = ct.dict.borrow();
            for k in &keys {
                let Some(ObjData::Str(ks)) = k.data() else {
                    continue;
                };
                if d.find_fast(k, ks.hash.get()).ok().flatten().is_some() {
                    return true;
                }
            }
        }
        false
    }

    /// `plain_base` of either operand of a binary operation; None when neither is.
    pub fn plain_pair(
        &mut self,
        a: &Value,
        b: &Value,
        an: &[&'static str],
        bn: &[&'static str],
    ) -> Option<(Value, Value)> {
        let x = self.plain_base(a, an);
        // An operand whose class defines the operation sees the other as it is.
        let a_has_own = x.is_none() && matches!(a.data(), Some(ObjData::Instance(_)));
        let y = if a_has_own && !an.is_empty() {
            None
        } else {
            self.plain_base(b, bn)
        };
        if !bn.is_empty()
            && y.is_none()
            && matches!(b.data(), Some(ObjData::Instance(_)))
            && x.is_some()
        {
            // b handles it (reflected): only a is unwrapped.
            return Some((x.unwrap_or_else(|| a.clone()), b.clone()));
        }
        if x.is_none() && y.is_none() {
            return None;
        }
        Some((
            x.unwrap_or_else(|| a.clone()),
            y.unwrap_or_else(|| b.clone()),
        ))
    }

    /// A new instance of `cls` for `cls(*args, **kw)` (before `__init__`): for a
    /// subclass of an immutable built-in type the value is built from the arguments;
    /// a mutable one starts empty and `__init__` fills it.
    pub fn new_instance_args(
        &mut self,
        cls: &Value,
        args: &[Value],
        kw: &[(Rc<str>, Value)],
    ) -> PyResult<Value> {
        let Some(solid) = self.solid_base(cls) else {
            return Ok(self.new_instance(cls));
        };
        let mutable = solid.is(&self.t.list) || solid.is(&self.t.dict) || solid.is(&self.t.set);
        let ctor = crate::builtins::builtin_constructor(self, &solid)
            .ok_or_else(|| self.type_error("cannot create instance"))?;
        let base = if mutable {
            ctor(self, &crate::Args::new(Vec::new()))?
        } else {
            ctor(
                self,
                &crate::Args {
                    pos: args.to_vec(),
                    kw: kw.to_vec(),
                },
            )?
        };
        let base = match base.data() {
            Some(ObjData::Instance(i)) if !i.base().is_unbound() => i.base().clone(),
            _ => base,
        };
        Ok(self.new_instance_base(cls, base))
    }

    /// A fresh instance of a user class (without calling `__init__`).
    pub fn new_instance(&mut self, cls: &Value) -> Value {
        self.new_instance_base(cls, Value::UNBOUND)
    }

    /// A fresh instance wrapping the built-in value `base` (`class L(list)`).
    pub fn new_instance_base(&mut self, cls: &Value, base: Value) -> Value {
        let (root, layout) = match type_obj(cls) {
            Some(t) => (t.shape_root.clone(), t.layout),
            None => (Shape::root(), Layout::Object),
        };
        let exc = (layout == Layout::Exception).then(|| crate::object::ExcData {
            args: self.new_tuple(vec![]),
            traceback: Vec::new(),
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
        });
        crate::instance::new_instance(cls.clone(), &root, exc, base)
    }
}

/// The built-in types whose subclasses' instances wrap a built-in value.
const VALUE_TYPES: &[&str] = &[
    "int",
    "float",
    "complex",
    "str",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "bytes",
];

/// Built-in methods of `list`, `str`, … called on an instance of a subclass work on
/// the built-in value it wraps.
pub fn unwrap_receiver(b: &crate::object::BuiltinObj, args: &mut [Value]) {
    // (Only an instance wrapping a value can need it: test that before the
    // owner's name. A deque's items are reached through its own methods.)
    let Some(first) = args.first_mut() else {
        return;
    };
    let base = match first.data() {
        Some(ObjData::Instance(i)) => i.base(),
        _ => return,
    };
    if base.is_unbound() || matches!(base.data(), Some(ObjData::Deque(_) | ObjData::DequeIter(_))) {
        return;
    }
    if !VALUE_TYPES.contains(&b.owner) {
        return;
    }
    // dict.__getitem__ keeps the instance: a missing key goes to its __missing__.
    if b.owner == "dict" && b.name == "__getitem__" {
        return;
    }
    let base = base.clone();
    *first = base;
}

/// `list.__init__` and its kin (they refill the built-in value from arguments).
pub fn is_mutable_init(f: &Value) -> bool {
    matches!(f.data(), Some(ObjData::Builtin(b)) if b.name == "__init__"
        && matches!(b.owner, "list" | "dict" | "set" | "deque"))
}

/// Split the name operand of `BuildClass`: the name, and the class keywords when
/// the statement had any, and the `metaclass=` keyword when given.
pub fn class_keywords(
    vm: &mut Vm,
    name: &Value,
) -> PyResult<(Value, Vec<(Rc<str>, Value)>, Option<Value>)> {
    let Some(ObjData::Tuple(t)) = name.data() else {
        return Ok((name.clone(), Vec::new(), None));
    };
    let mut meta = None;
    let mut kw = Vec::new();
    if let Some(ObjData::Dict(d)) = t[1].data() {
        let entries: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect();
        for (k, v) in entries {
            if !matches!(k.data(), Some(ObjData::Str(_))) {
                return Err(vm.type_error("keywords must be strings"));
            }
            let k = vm.str(&k)?;
            if k == "metaclass" {
                meta = Some(v);
                continue;
            }
            kw.push((Rc::from(k.as_str()), v));
        }
    }
    Ok((t[0].clone(), kw, meta))
}
