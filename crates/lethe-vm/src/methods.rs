//! Methods of the built-in types and the protocols they need (repr, formatting, set
//! algebra). Each method is a native function whose first argument is the receiver.

use crate::object::{DictIterKind, ObjData};
use crate::ops::{as_i64, int_ref, is_int, IntRef};
use crate::{Args, PyResult, Value, Vm};
use lethe_compiler::bytecode::{BinOp, CmpOp};
use std::cell::RefCell;

type M = (&'static str, crate::object::NativeFn);

pub(crate) fn add_methods(vm: &mut Vm, cls: &Value, owner: &'static str, methods: &[M]) {
    for (name, f) in methods {
        let k = vm.intern(name);
        let v = vm.new_native(name, owner, *f);
        if let Some(t) = crate::types::type_obj(cls) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, v);
        }
    }
}

/// Install the methods of every built-in type.
pub fn install(vm: &mut Vm) {
    let t = |vm: &Vm| {
        (
            vm.t.str_.clone(),
            vm.t.list.clone(),
            vm.t.dict.clone(),
            vm.t.set.clone(),
            vm.t.tuple.clone(),
            vm.t.object.clone(),
            vm.t.exc["BaseException"].clone(),
        )
    };
    let (s, l, d, st, tu, obj, be) = t(vm);
    add_methods(vm, &s, "str", crate::builtins::str_methods::METHODS);
    add_methods(vm, &l, "list", LIST_METHODS);
    add_methods(vm, &d, "dict", DICT_METHODS);
    {
        let k = vm.intern("fromkeys");
        let f = vm.new_native("fromkeys", "dict", d_fromkeys);
        let cm = Value::new_obj(ObjData::ClassMethod(f));
        if let Some(t) = crate::types::type_obj(&d) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, cm);
        }
    }
    {
        let fl = vm.t.float.clone();
        let k = vm.intern("fromhex");
        let f = vm.new_native("fromhex", "float", f_fromhex);
        let cm = Value::new_obj(ObjData::ClassMethod(f));
        if let Some(t) = crate::types::type_obj(&fl) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, cm);
        }
    }
    add_methods(vm, &st, "set", SET_METHODS);
    for (t, name) in [
        (vm.t.dict_keys.clone(), "dict_keys"),
        (vm.t.dict_items.clone(), "dict_items"),
    ] {
        add_methods(vm, &t, name, &[("isdisjoint", v_isdisjoint)]);
    }
    for (t, name) in [
        (vm.t.dict_keys.clone(), "dict_keys"),
        (vm.t.dict_values.clone(), "dict_values"),
        (vm.t.dict_items.clone(), "dict_items"),
    ] {
        add_methods(vm, &t, name, &[("__reversed__", d_reversed)]);
    }
    let fs = vm.t.frozenset.clone();
    add_methods(vm, &fs, "frozenset", FROZENSET_METHODS);
    add_methods(vm, &tu, "tuple", TUPLE_METHODS);
    let sl = vm.t.slice.clone();
    add_methods(vm, &sl, "slice", SLICE_METHODS);
    let rg = vm.t.range.clone();
    add_methods(vm, &rg, "range", RANGE_METHODS);
    install_dunders(vm);
    crate::complex::install(vm);
    crate::meta::install(vm);
    add_methods(vm, &obj, "object", OBJECT_METHODS);
    {
        let k = vm.intern("__init_subclass__");
        let f = vm.new_native("__init_subclass__", "object", o_init_subclass);
        let cm = Value::new_obj(ObjData::ClassMethod(f));
        if let Some(t) = crate::types::type_obj(&obj) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, cm);
        }
    }
    {
        let k = vm.intern("__subclasshook__");
        let f = vm.new_native("__subclasshook__", "object", o_subclasshook);
        let cm = Value::new_obj(ObjData::ClassMethod(f));
        if let Some(t) = crate::types::type_obj(&obj) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, cm);
        }
    }
    add_methods(vm, &be, "BaseException", EXC_METHODS);
    // Attributes CPython serves as members, None until an instance sets them.
    for (cls, names) in [
        ("ImportError", &["msg", "name", "path"][..]),
        ("NameError", &["name"]),
        ("AttributeError", &["name", "obj"]),
        (
            "SyntaxError",
            &[
                "msg",
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
                "print_file_and_line",
            ],
        ),
    ] {
        let c = vm.exc_type(cls);
        if let Some(t) = crate::types::type_obj(&c) {
            for n in names {
                let k = vm.intern(n);
                let h = vm.hash(&k).unwrap_or(0);
                t.dict.borrow_mut().insert_new(h, k, Value::NONE);
            }
        }
    }
    let i = vm.t.int.clone();
    add_methods(vm, &i, "int", INT_METHODS);
    let f = vm.t.float.clone();
    add_methods(vm, &f, "float", FLOAT_METHODS);
    let g = vm.t.generator.clone();
    add_methods(vm, &g, "generator", GEN_METHODS);
    let it = vm.t.iterator.clone();
    add_methods(vm, &it, "iterator", ITER_METHODS);
    let ut = vm.t.named("UnionType");
    add_methods(vm, &ut, "UnionType", UNION_METHODS);
    let ga = vm.t.named("GenericAlias");
    add_methods(vm, &ga, "GenericAlias", ALIAS_METHODS);
    let tb = vm.t.named("traceback");
    for (name, f) in [
        ("tb_frame", tb_frame as crate::object::NativeFn),
        ("tb_lasti", tb_lasti),
    ] {
        let getter = vm.new_native(name, "traceback", f);
        let p = Value::new_obj(ObjData::Property(Box::new([
            getter,
            Value::NONE,
            Value::NONE,
            Value::NONE,
        ])));
        let k = vm.intern(name);
        if let Some(t) = crate::types::type_obj(&tb) {
            let h = vm.hash(&k).unwrap_or(0);
            t.dict.borrow_mut().insert_new(h, k, p);
        }
    }
    for name in crate::types::NAMED_ITERATORS {
        let t = vm.t.named(name);
        add_methods(vm, &t, name, ITER_METHODS);
    }
    let p = vm.t.property.clone();
    add_methods(vm, &p, "property", PROPERTY_METHODS);
    let ty = vm.t.type_.clone();
    add_methods(vm, &ty, "type", TYPE_METHODS);
    let func = vm.t.function.clone();
    add_methods(
        vm,
        &func,
        "function",
        &[("__get__", fn_get), ("__call__", callable_call)],
    );
    for (t, owner) in [
        (vm.t.builtin_function.clone(), "builtin_function_or_method"),
        (vm.t.method.clone(), "method"),
    ] {
        add_methods(vm, &t, owner, &[("__call__", callable_call)]);
    }
    let cm = vm.t.classmethod.clone();
    add_methods(vm, &cm, "classmethod", &[("__get__", descr_get)]);
    let sm = vm.t.staticmethod.clone();
    add_methods(vm, &sm, "staticmethod", &[("__get__", descr_get)]);
    for (t, owner) in [
        (vm.t.list.clone(), "list"),
        (vm.t.dict.clone(), "dict"),
        (vm.t.set.clone(), "set"),
    ] {
        add_methods(vm, &t, owner, &[("__init__", mutable_init)]);
    }
    for (t, owner) in [
        (vm.t.int.clone(), "int"),
        (vm.t.float.clone(), "float"),
        (vm.t.str_.clone(), "str"),
        (vm.t.list.clone(), "list"),
        (vm.t.tuple.clone(), "tuple"),
        (vm.t.dict.clone(), "dict"),
        (vm.t.set.clone(), "set"),
        (vm.t.frozenset.clone(), "frozenset"),
    ] {
        add_methods(vm, &t, owner, &[("__repr__", builtin_repr)]);
    }
    crate::builtins::bytes_methods::install(vm);
}

fn recv<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v) => Ok(v),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

pub fn nargs(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let Some(n) = a.pos.len().checked_sub(1) else {
        // `list.append()`: the unbound method without its receiver.
        return Err(vm.type_error(&format!("unbound method {name}() needs an argument")));
    };
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{name}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
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

// ---------------------------------------------------------------- repr

pub fn repr_obj(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let addr = v.addr();
    match v.data() {
        Some(ObjData::Int64(i)) => Ok(i.to_string()),
        Some(ObjData::BigInt(b)) => {
            let s = b.to_string();
            let limit = crate::modules::int_max_str_digits();
            if limit > 0 && s.len() > limit + (b.sign() == num_bigint::Sign::Minus) as usize {
                return Err(vm.value_error(&format!("Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")));
            }
            Ok(s)
        }
        Some(ObjData::Str(s)) => Ok(lethe_format::str_repr(&s.s)),
        Some(ObjData::Complex(re, im)) => Ok(crate::complex::repr((*re, *im))),
        Some(ObjData::List(l)) => {
            if REPR_STACK.with(|r| r.borrow().contains(&addr)) {
                return Ok("[...]".into());
            }
            REPR_STACK.with(|r| r.borrow_mut().push(addr));
            let items = l.borrow().clone();
            let r = seq_repr(vm, &items, "[", "]");
            REPR_STACK.with(|r| r.borrow_mut().pop());
            r
        }
        Some(ObjData::Tuple(t)) => {
            if t.is_empty() {
                return Ok("()".into());
            }
            if REPR_STACK.with(|r| r.borrow().contains(&addr)) {
                return Ok("(...)".into());
            }
            REPR_STACK.with(|r| r.borrow_mut().push(addr));
            let items = t.to_vec();
            let r = if t.len() == 1 {
                vm.repr(&t[0]).map(|r| format!("({r},)"))
            } else {
                seq_repr(vm, &items, "(", ")")
            };
            REPR_STACK.with(|r| r.borrow_mut().pop());
            r
        }
        Some(ObjData::Dict(d)) => {
            if REPR_STACK.with(|r| r.borrow().contains(&addr)) {
                return Ok("{...}".into());
            }
            REPR_STACK.with(|r| r.borrow_mut().push(addr));
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|e| (e.1.clone(), e.2.clone()))
                .collect();
            let mut out = String::from("{");
            let mut res = Ok(());
            for (i, (k, val)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match (vm.repr(k), vm.repr(val)) {
                    (Ok(a), Ok(b)) => {
                        out.push_str(&a);
                        out.push_str(": ");
                        out.push_str(&b);
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        res = Err(e);
                        break;
                    }
                }
            }
            REPR_STACK.with(|r| r.borrow_mut().pop());
            res?;
            out.push('}');
            Ok(out)
        }
        Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => {
            let frozen = matches!(v.data(), Some(ObjData::FrozenSet(_)));
            let items = d.borrow_mut().set_keys();
            if items.is_empty() {
                return Ok(if frozen {
                    "frozenset()".into()
                } else {
                    "set()".into()
                });
            }
            let inner = seq_repr(vm, &items, "{", "}")?;
            Ok(if frozen {
                format!("frozenset({inner})")
            } else {
                inner
            })
        }
        Some(ObjData::BigRange(b)) => Ok(if b[2] == num_bigint::BigInt::from(1) {
            format!("range({}, {})", b[0], b[1])
        } else {
            format!("range({}, {}, {})", b[0], b[1], b[2])
        }),
        Some(ObjData::Range { start, stop, step }) => Ok(if *step == 1 {
            format!("range({start}, {stop})")
        } else {
            format!("range({start}, {stop}, {step})")
        }),
        Some(ObjData::Slice(s)) => {
            let s = s.clone();
            let a = vm.repr(&s[0])?;
            let b = vm.repr(&s[1])?;
            let c = vm.repr(&s[2])?;
            Ok(format!("slice({a}, {b}, {c})"))
        }
        Some(ObjData::Func(f)) => {
            let q = vm.str(&f.qualname.borrow().clone())?;
            Ok(format!("<function {q} at {:#x}>", addr))
        }
        Some(ObjData::Builtin(b)) => match &b.slf {
            Some(s) => {
                let tn = vm.type_name(s);
                Ok(format!(
                    "<built-in method {} of {tn} object at {:#x}>",
                    b.name,
                    s.addr()
                ))
            }
            None if b.is_type_method() => {
                let (name, owner) = (b.name, b.owner);
                // CPython's descriptors of built-in types: slots are wrappers, the
                // rest (and the dunders defined as methods) method descriptors.
                let method_dunder = matches!(
                    name,
                    "__format__"
                        | "__reduce__"
                        | "__reduce_ex__"
                        | "__sizeof__"
                        | "__dir__"
                        | "__getnewargs__"
                        | "__reversed__"
                        | "__round__"
                        | "__trunc__"
                        | "__floor__"
                        | "__ceil__"
                        | "__copy__"
                        | "__deepcopy__"
                        | "__length_hint__"
                        | "__setstate__"
                        | "__enter__"
                        | "__exit__"
                        | "__getstate__"
                ) || (matches!(name, "__getitem__" | "__contains__")
                    && matches!(owner, "dict" | "list"));
                if name.starts_with("__") && name.ends_with("__") && !method_dunder {
                    Ok(format!("<slot wrapper '{name}' of '{owner}' objects>"))
                } else {
                    Ok(format!("<method '{name}' of '{owner}' objects>"))
                }
            }
            None => Ok(format!("<built-in function {}>", b.name)),
        },
        Some(ObjData::BoundMethod(b)) => {
            let (f, s) = (b.0.clone(), b.1.clone());
            let q = match f.data() {
                Some(ObjData::Func(ff)) => vm.str(&ff.qualname.borrow().clone())?,
                _ => "?".into(),
            };
            let sr = vm.repr(&s)?;
            Ok(format!("<bound method {q} of {sr}>"))
        }
        Some(ObjData::Type(t)) => {
            if let Some(r) = vm.call_meta(v, "__repr__", vec![]) {
                let r = r?;
                return match r.data() {
                    Some(ObjData::Str(s)) => Ok(s.s.to_string()),
                    _ => {
                        let tn = vm.type_name(&r);
                        Err(vm.type_error(&format!("__repr__ returned non-string (type {tn})")))
                    }
                };
            }
            let m = vm.class_module(t);
            let q = t.qualname.borrow().clone();
            if &*m == "builtins" {
                Ok(format!("<class '{q}'>"))
            } else {
                Ok(format!("<class '{m}.{q}'>"))
            }
        }
        Some(ObjData::Module(m)) => Ok(format!("<module '{}'>", m.name)),
        Some(ObjData::Gen(g)) => Ok(format!(
            "<generator object {} at {:#x}>",
            g.borrow().qualname,
            addr
        )),
        Some(ObjData::Cell(_)) => Ok(format!("<cell at {:#x}>", addr)),
        Some(ObjData::Iter(st)) => {
            let name = match st.try_borrow() {
                Ok(st) => crate::ops::iter_type_name(&st),
                Err(_) => "iterator",
            };
            Ok(format!("<{name} object at {:#x}>", addr))
        }
        Some(ObjData::DictView(b)) => {
            let (d, kind) = (b.0.clone(), b.1);
            let items = vm.collect(v)?;
            let inner = seq_repr(vm, &items, "[", "]")?;
            let _ = d;
            let name = match kind {
                DictIterKind::Keys => "dict_keys",
                DictIterKind::Values => "dict_values",
                DictIterKind::Items => "dict_items",
            };
            Ok(format!("{name}({inner})"))
        }
        Some(ObjData::Instance(inst)) => {
            if let Some(x) = vm.plain_base(v, &["__repr__"]) {
                return vm.repr(&x);
            }
            if crate::ops::union_args(vm, v).is_some() {
                let r = union_repr(vm, &Args::new(vec![v.clone()]))?;
                return vm.str(&r);
            }
            if crate::ops::generic_alias_parts(vm, v).is_some() {
                let r = alias_repr(vm, &Args::new(vec![v.clone()]))?;
                return vm.str(&r);
            }
            if let Some(f) = vm.lookup_special(v, "__repr__") {
                // A native __repr__ other than object's (sys.float_info, ...) counts.
                let object = vm.t.object.clone();
                let object_repr = vm.lookup_special_in(&object, "__repr__");
                let native_own = matches!(f.data(), Some(ObjData::Builtin(_)))
                    && inst.exc().is_none()
                    && !object_repr.as_ref().is_some_and(|o| o.is(&f));
                if native_own || !matches!(f.data(), Some(ObjData::Builtin(_))) {
                    let r = vm.call_dunder(&f, v, vec![])?;
                    return match r.data() {
                        Some(ObjData::Str(s)) => Ok(s.s.to_string()),
                        _ => {
                            let tn = vm.type_name(&r);
                            Err(vm.type_error(&format!("__repr__ returned non-string (type {tn})")))
                        }
                    };
                }
            }
            if inst.exc().is_some() {
                let args = crate::exc::exc_data(v)
                    .map(|d| d.borrow().args.clone())
                    .unwrap_or(Value::NONE);
                let cls = inst.class.clone();
                let name = crate::types::type_obj(&cls)
                    .map(|t| t.name.borrow().clone())
                    .unwrap_or_default();
                let items: Vec<Value> = match args.data() {
                    Some(ObjData::Tuple(t)) => t.to_vec(),
                    _ => vec![],
                };
                if items.len() == 1 {
                    let r = vm.repr(&items[0])?;
                    return Ok(format!("{name}({r})"));
                }
                let inner = seq_repr(vm, &items, "(", ")")?;
                return Ok(format!("{name}{inner}"));
            }
            let cls = inst.class.clone();
            let (m, q) = crate::types::type_obj(&cls)
                .map(|t| (t.module.clone(), t.qualname.borrow().clone()))
                .unwrap_or_default();
            Ok(object_repr(&m, &q, addr))
        }
        Some(ObjData::Property(_)) => Ok(format!("<property object at {:#x}>", addr)),
        Some(ObjData::Member(m)) => {
            let (n, o) = (vm.str(&m.0)?, vm.str(&m.1)?);
            Ok(format!("<member '{n}' of '{o}' objects>"))
        }
        Some(ObjData::StaticMethod(_)) => Ok(format!("<staticmethod object at {:#x}>", addr)),
        Some(ObjData::ClassMethod(_)) => Ok(format!("<classmethod object at {:#x}>", addr)),
        Some(ObjData::Super(_)) => Ok("<super object>".into()),
        Some(ObjData::Native(_) | ObjData::Deque(_) | ObjData::DequeIter(_)) => {
            Ok(format!("<native object at {:#x}>", addr))
        }
        Some(ObjData::Proto(p)) => Ok(format!("<code object {}>", p.name)),
        Some(ObjData::Bytes(b)) => Ok(bytes_repr(b)),
        Some(ObjData::ByteArray(b)) => {
            // CPython's bytearray repr escapes a single quote even inside double quotes.
            let r = bytes_repr(&b.borrow());
            let r = if r.starts_with("b\"") {
                format!("b\"{}\"", r[2..r.len() - 1].replace('\'', "\\'"))
            } else {
                r
            };
            Ok(format!("bytearray({r})"))
        }
        None => Ok("<?>".into()),
    }
}

thread_local! {
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

fn seq_repr(vm: &mut Vm, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(it)?);
    }
    out.push_str(close);
    Ok(out)
}

// ---------------------------------------------------------------- formatting

fn fmt_err(vm: &mut Vm, e: lethe_format::FormatError) -> Value {
    let kind = e.kind().name();
    let msg = e.to_string();
    vm.new_error(kind, &msg)
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if !spec.is_empty() {
        if let Some(x) = vm.plain_base(v, &["__format__"]) {
            return format(vm, &x, spec);
        }
    }
    if let Some(ObjData::Instance(_)) = v.data() {
        if let Some(f) = vm.lookup_special(v, "__format__") {
            if !matches!(f.data(), Some(ObjData::Builtin(_))) {
                let s = vm.new_str(spec);
                let r = vm.call(&f, vec![v.clone(), s])?;
                if !matches!(r.data(), Some(ObjData::Str(_)))
                    && !vm.isinstance(&r, &vm.t.str_.clone())
                {
                    let tn = vm.type_name(&r);
                    return Err(vm.type_error(&format!("__format__ must return a str, not {tn}")));
                }
                return vm.str(&r);
            }
        }
        if spec.is_empty() {
            return vm.str(v);
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    if spec.is_empty() {
        return vm.str(v);
    }
    let tn = vm.type_name(v);
    let parsed = lethe_format::FormatSpec::parse(spec).map_err(|e| fmt_err(vm, e.for_type(&tn)))?;
    let r = if v.is_bool() {
        lethe_format::format_i64(v.is_true_const() as i64, &parsed, &tn)
    } else if let Some(i) = int_ref(v) {
        match i {
            IntRef::Small(i) => lethe_format::format_i64(i, &parsed, &tn),
            IntRef::Big(b) => lethe_format::format_int(b, &parsed, &tn),
        }
    } else if let Some(f) = v.as_float() {
        lethe_format::format_float(f, &parsed, &tn)
    } else if let Some((re, im)) = crate::complex::parts(v) {
        lethe_format::format_complex(re, im, &parsed, &tn)
    } else if let Some(ObjData::Str(s)) = v.data() {
        lethe_format::format_str(&s.s, &parsed, &tn)
    } else {
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    };
    r.map_err(|e| fmt_err(vm, e))
}

/// The f-string `{v!conv:spec}` piece.
pub fn format_value(vm: &mut Vm, v: &Value, conv: u8, spec: Option<&Value>) -> PyResult<Value> {
    let converted;
    let v = match conv {
        b's' => {
            converted = vm.str_value(v)?;
            &converted
        }
        b'r' => {
            let s = vm.repr(v)?;
            converted = vm.new_string(s);
            &converted
        }
        b'a' => {
            let s = vm.repr(v)?;
            converted = vm.new_string(lethe_format::str_ascii(&s).trim_matches('\'').to_string());
            let _ = &converted;
            let s2 = ascii_of(&s);
            converted_ascii(vm, s2)
        }
        _ => v,
    };
    let spec_s = match spec {
        Some(s) => vm.str(s)?,
        None => String::new(),
    };
    if spec_s.is_empty() && !matches!(v.data(), Some(ObjData::Instance(_))) {
        if let Some(ObjData::Str(_)) = v.data() {
            return Ok(v.clone());
        }
        let s = vm.str(v)?;
        return Ok(vm.new_string(s));
    }
    let s = format(vm, v, &spec_s)?;
    Ok(vm.new_string(s))
}

pub(crate) fn ascii_of(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else if (c as u32) < 0x10000 {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(&format!("\\U{:08x}", c as u32));
        }
    }
    out
}

fn converted_ascii(vm: &mut Vm, s: String) -> &'static Value {
    // Leak-free trick is not possible with a static; store in a thread-local slot.
    ASCII_SLOT.with(|slot| {
        let v = vm.new_string(s);
        let ptr: *const Value = {
            let mut b = slot.borrow_mut();
            *b = v;
            &*b as *const Value
        };
        // SAFETY: the slot lives for the thread and is only replaced by the next
        // `!a` conversion, after the caller has finished with this reference.
        unsafe { &*ptr }
    })
}

thread_local! {
    static ASCII_SLOT: RefCell<Value> = const { RefCell::new(Value::NONE) };
}

/// `str % args`.
pub fn str_percent(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(ObjData::Str(f)) = fmt.data() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let fs = f.s.to_string();
    // PyMapping_Check: anything with __getitem__ except tuples and strings.
    let is_mapping = match args.data() {
        Some(ObjData::Dict(_) | ObjData::List(_) | ObjData::Bytes(_) | ObjData::ByteArray(_)) => {
            true
        }
        Some(ObjData::Range { .. } | ObjData::BigRange(_)) => true,
        Some(ObjData::Instance(i)) => {
            !matches!(i.base().data(), Some(ObjData::Tuple(_) | ObjData::Str(_)))
                && vm.lookup_special(args, "__getitem__").is_some()
        }
        _ => false,
    };
    // A tuple, or an instance of a tuple subclass (its tuple), holds the arguments.
    let tuple_items = match args.data() {
        Some(ObjData::Tuple(t)) => Some(t.to_vec()),
        Some(ObjData::Instance(i)) => match i.base().data() {
            Some(ObjData::Tuple(t)) => Some(t.to_vec()),
            _ => None,
        },
        _ => None,
    };
    let is_tuple = tuple_items.is_some();
    let items: Vec<Value> = tuple_items.unwrap_or_else(|| vec![args.clone()]);
    let mut idx = 0usize;
    let mut out = String::new();
    let mut used_mapping = false;
    let parser = lethe_format::PercentParser::new(&fs, is_mapping && !is_tuple);
    for piece in parser {
        let piece = piece.map_err(|e| fmt_err(vm, e))?;
        match piece {
            lethe_format::PercentPiece::Literal(l) => out.push_str(l),
            lethe_format::PercentPiece::Spec(mut spec) => {
                let mut next = |vm: &mut Vm| -> PyResult<Value> {
                    let v = items.get(idx).cloned();
                    idx += 1;
                    v.ok_or_else(|| vm.type_error("not enough arguments for format string"))
                };
                if matches!(spec.width, lethe_format::PercentNum::Star) {
                    let w = next(vm)?;
                    let Some(w) = as_i64(&w) else {
                        return Err(vm.type_error("* wants int"));
                    };
                    spec.set_star_width(w).map_err(|e| fmt_err(vm, e))?;
                }
                if matches!(spec.precision, lethe_format::PercentNum::Star) {
                    let p = next(vm)?;
                    let Some(p) = as_i64(&p) else {
                        return Err(vm.type_error("* wants int"));
                    };
                    spec.set_star_precision(p).map_err(|e| fmt_err(vm, e))?;
                }
                let v = if let Some(key) = spec.key {
                    used_mapping = true;
                    // CPython: after a keyed conversion no positional argument is left.
                    idx = usize::MAX / 2;
                    let k = vm.new_str(key);
                    vm.getitem(args, &k)?
                } else {
                    next(vm)?
                };
                match spec.conversion {
                    's' => {
                        let s = vm.str(&v)?;
                        out.push_str(&lethe_format::percent_str(&s, &spec));
                    }
                    'r' | 'a' => {
                        let s = vm.repr(&v)?;
                        let s = if spec.conversion == 'a' {
                            ascii_of(&s)
                        } else {
                            s
                        };
                        out.push_str(&lethe_format::percent_str(&s, &spec));
                    }
                    'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                        let b = if let Some(b) = crate::ops::as_bigint(&v) {
                            b
                        } else if let Some(b) = percent_int_of(vm, &v, spec.conversion)? {
                            b
                        } else if let Some(f) = v.as_float() {
                            if spec.conversion == 'x'
                                || spec.conversion == 'X'
                                || spec.conversion == 'o'
                            {
                                let tn = vm.type_name(&v);
                                return Err(vm.type_error(&format!(
                                    "%{} format: an integer is required, not {tn}",
                                    spec.conversion
                                )));
                            }
                            lethe_format::float_to_int(f).map_err(|e| fmt_err(vm, e))?
                        } else {
                            let tn = vm.type_name(&v);
                            let what = if matches!(spec.conversion, 'x' | 'X' | 'o') {
                                "an integer is required"
                            } else {
                                "a real number is required"
                            };
                            return Err(vm.type_error(&format!(
                                "%{} format: {what}, not {tn}",
                                spec.conversion
                            )));
                        };
                        out.push_str(&lethe_format::percent_int(&b, &spec));
                    }
                    'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                        let f = match crate::ops::as_f64(&v).filter(|_| v.is_float() || is_int(&v))
                        {
                            Some(f) => f,
                            None => percent_float_of(vm, &v)?,
                        };
                        out.push_str(&lethe_format::percent_float(f, &spec));
                    }
                    'c' => {
                        let s = if let Some(i) = as_i64(&v).filter(|_| is_int(&v)) {
                            match char::from_u32(i as u32).filter(|_| (0..0x110000).contains(&i)) {
                                Some(c) => c.to_string(),
                                None => {
                                    return Err(vm.overflow_error("%c arg not in range(0x110000)"))
                                }
                            }
                        } else if is_int(&v) {
                            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
                        } else if let Some(ObjData::Str(s)) = v.data() {
                            if s.nchars != 1 {
                                return Err(vm.type_error("%c requires int or char"));
                            }
                            s.s.to_string()
                        } else {
                            return Err(vm.type_error("%c requires int or char"));
                        };
                        out.push_str(&lethe_format::percent_str(&s, &spec));
                    }
                    _ => return Err(fmt_err(vm, spec.unsupported())),
                }
            }
        }
    }
    if (is_tuple || !is_mapping) && idx < items.len() && !used_mapping {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_string(out))
}

/// `%d`/`%x`/`%o` of an object that is not an int or a float: CPython converts it with
/// `__int__`/`__index__` (`__index__` only for `%x`/`%o`), as `int()` would.
fn percent_int_of(vm: &mut Vm, v: &Value, conv: char) -> PyResult<Option<num_bigint::BigInt>> {
    if !matches!(v.data(), Some(ObjData::Instance(_))) {
        return Ok(None);
    }
    let names: &[&str] = if matches!(conv, 'x' | 'X' | 'o') {
        &["__index__"]
    } else {
        &["__int__", "__index__"]
    };
    for name in names {
        if let Some(f) = vm.lookup_special(v, name) {
            let r = vm.call(&f, vec![v.clone()])?;
            return Ok(crate::ops::as_bigint(&r));
        }
    }
    Ok(None)
}

/// `%f`/`%e`/`%g` of an object that is not an int or a float: CPython's
/// `PyFloat_AsDouble`, through `__float__` and then `__index__`.
fn percent_float_of(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if matches!(v.data(), Some(ObjData::Instance(_))) {
        if let Some(f) = vm.lookup_special(v, "__float__") {
            let r = vm.call_dunder(&f, v, vec![])?;
            if let Some(x) = r.as_float() {
                return Ok(x);
            }
            let tn = vm.type_name(v);
            let rn = vm.type_name(&r);
            return Err(vm.type_error(&format!("{tn}.__float__ returned non-float (type {rn})")));
        }
        if let Some(f) = vm.lookup_special(v, "__index__") {
            let r = vm.call(&f, vec![v.clone()])?;
            if let Some(x) = crate::ops::as_f64(&r).filter(|_| is_int(&r)) {
                return Ok(x);
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("must be real number, not {tn}")))
}

// ---------------------------------------------------------------- str

pub fn str_getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    let Some(ObjData::Str(s)) = obj.data() else {
        return Err(vm.type_error("not a str"));
    };
    if matches!(key.data(), Some(ObjData::Slice(_))) {
        let (start, _, step, n) = vm.slice_indices(key, s.nchars)?;
        if s.is_ascii() {
            let b = s.s.as_bytes();
            let out: String = (0..n)
                .map(|k| b[(start + k as i64 * step) as usize] as char)
                .collect();
            return Ok(vm.new_string(out));
        }
        let chars: Vec<char> = s.s.chars().collect();
        let out: String = (0..n)
            .map(|k| chars[(start + k as i64 * step) as usize])
            .collect();
        return Ok(vm.new_string(out));
    }
    let i = vm.seq_index(key, s.nchars, "string")?;
    if s.is_ascii() {
        return Ok(vm.new_char(s.s.as_bytes()[i] as char));
    }
    let c = s.s.chars().nth(i).unwrap_or(' ');
    Ok(vm.new_char(c))
}

// ---------------------------------------------------------------- list

pub fn list_set_slice(vm: &mut Vm, obj: &Value, key: &Value, val: Value) -> PyResult<()> {
    let Some(ObjData::List(l)) = obj.data() else {
        return Err(vm.type_error("not a list"));
    };
    let items = match vm.collect(&val) {
        Ok(items) => items,
        Err(e) => {
            if vm.iter(&val).is_ok() {
                return Err(e);
            }
            let len = l.borrow().len();
            let (_, _, step, _) = vm.slice_indices(key, len)?;
            return Err(vm.type_error(if step == 1 {
                "can only assign an iterable"
            } else {
                "must assign iterable to extended slice"
            }));
        }
    };
    let len = l.borrow().len();
    let (start, stop, step, n) = vm.slice_indices(key, len)?;
    if step == 1 {
        let stop = stop.max(start) as usize;
        let start = start as usize;
        let removed: Vec<Value> = l.borrow_mut().splice(start..stop, items).collect();
        drop(removed);
        return Ok(());
    }
    if items.len() != n {
        return Err(vm.value_error(&format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            items.len()
        )));
    }
    let mut lb = l.borrow_mut();
    let mut old = Vec::with_capacity(n);
    for (k, v) in items.into_iter().enumerate() {
        let i = (start + k as i64 * step) as usize;
        old.push(std::mem::replace(&mut lb[i], v));
    }
    drop(lb);
    drop(old);
    Ok(())
}

fn list_of(vm: &mut Vm, a: &Args) -> PyResult<&'static RefCell<Vec<Value>>> {
    let v = recv(vm, a)?;
    match v.data() {
        // SAFETY-free: extend the borrow's lifetime via the receiver, which the caller
        // keeps alive for the whole call (it is in `a.pos`).
        Some(ObjData::List(l)) => Ok(unsafe_extend(l)),
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

fn unsafe_extend<T>(r: &T) -> &'static T {
    // SAFETY: only used for receivers held in `Args::pos` for the duration of a
    // native call; the reference never escapes the call.
    unsafe { &*(r as *const T) }
}

fn l_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "list.append", 1, 1)?;
    let l = list_of(vm, a)?;
    l.borrow_mut().push(a.pos[1].clone());
    Ok(Value::NONE)
}
fn l_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "list.extend", 1, 1)?;
    let l = list_of(vm, a)?;
    let items = vm.collect(&a.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::NONE)
}
fn l_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "insert", 2, 2)?;
    let l = list_of(vm, a)?;
    let Some(i) = as_i64(&a.pos[1]) else {
        return Err(vm.type_error("'str' object cannot be interpreted as an integer"));
    };
    let len = l.borrow().len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    l.borrow_mut().insert(i, a.pos[2].clone());
    Ok(Value::NONE)
}
fn l_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "pop", 0, 1)?;
    let l = list_of(vm, a)?;
    let len = l.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.pos.get(1) {
        Some(k) => {
            let Some(i) = as_i64(k) else {
                return Err(vm.type_error("list indices must be integers"));
            };
            let j = if i < 0 { i + len as i64 } else { i };
            if j < 0 || j >= len as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => len - 1,
    };
    Ok(l.borrow_mut().remove(i))
}
fn l_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "list.remove", 1, 1)?;
    let l = list_of(vm, a)?;
    let mut i = 0;
    loop {
        let x = match l.borrow().get(i) {
            Some(x) => x.clone(),
            None => return Err(vm.value_error("list.remove(x): x not in list")),
        };
        if x.is(&a.pos[1]) || vm.eq(&x, &a.pos[1])? {
            let old = l.borrow_mut().remove(i);
            drop(old);
            return Ok(Value::NONE);
        }
        i += 1;
    }
}
/// The optional start/stop arguments (positions 2 and 3) of `list.index` and
/// `tuple.index`, as CPython's _PyEval_SliceIndexNotNone reads them, clipped to
/// 0..=len.
fn index_bounds(vm: &mut Vm, a: &Args, len: i64) -> PyResult<(i64, i64)> {
    let get = |vm: &mut Vm, i: usize, d: i64| -> PyResult<i64> {
        let Some(v) = a.pos.get(i) else {
            return Ok(d);
        };
        let n = match int_ref(v) {
            _ if v.is_bool() => v.is_true_const() as i64,
            Some(IntRef::Small(n)) => n,
            Some(IntRef::Big(b)) => {
                use num_traits::Signed;
                if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
            None => {
                let f = match v.data() {
                    Some(ObjData::Instance(_)) => vm.lookup_special(v, "__index__"),
                    _ => None,
                };
                let r = match f {
                    Some(f) => vm.call(&f, vec![v.clone()])?,
                    None => {
                        return Err(vm.type_error(
                            "slice indices must be integers or have an __index__ method",
                        ))
                    }
                };
                as_i64(&r).unwrap_or(0)
            }
        };
        Ok(if n < 0 { (n + len).max(0) } else { n.min(len) })
    };
    let start = get(vm, 2, 0)?;
    let stop = get(vm, 3, len)?;
    Ok((start, stop))
}
fn l_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "index", 1, 3)?;
    let l = list_of(vm, a)?;
    let len = l.borrow().len() as i64;
    let (start, stop) = index_bounds(vm, a, len)?;
    let mut i = start;
    while i < stop {
        let x = match l.borrow().get(i as usize) {
            Some(x) => x.clone(),
            None => break,
        };
        if x.is(&a.pos[1]) || vm.eq(&x, &a.pos[1])? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    let r = vm.repr(&a.pos[1])?;
    Err(vm.value_error(&format!("{r} is not in list")))
}
fn l_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "list.count", 1, 1)?;
    let items = list_of(vm, a)?.borrow().clone();
    let mut n = 0;
    for x in items {
        if x.is(&a.pos[1]) || vm.eq(&x, &a.pos[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}
fn l_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    list_of(vm, a)?.borrow_mut().reverse();
    Ok(Value::NONE)
}
fn l_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *list_of(vm, a)?.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}
fn l_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let items = list_of(vm, a)?.borrow().clone();
    Ok(vm.new_list(items))
}
fn l_sort(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = list_of(vm, a)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let key = a.kwarg("key").cloned().filter(|k| !k.is_none());
    let reverse = match a.kwarg("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let r = sort_values(vm, items, key.as_ref(), reverse);
    match r {
        Ok(sorted) => {
            let old = std::mem::replace(&mut *l.borrow_mut(), sorted);
            // The list looked empty while it was sorted; what was added to it then
            // is dropped, as CPython does, and reported.
            let modified = !old.is_empty();
            drop(old);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::NONE)
        }
        Err((e, items)) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

/// Stable sort with an optional key; on error the items are returned in the order
/// the sort had reached (the original order when a key call failed).
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<Vec<Value>, (Value, Vec<Value>)> {
    let keys: Vec<Value> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                match vm.call(k, vec![it.clone()]) {
                    Ok(v) => ks.push(v),
                    Err(e) => return Err((e, items)),
                }
            }
            ks
        }
        None => items.clone(),
    };
    // CPython's sort: reverse, sort stably by `<`, reverse again (equal items
    // keep their order); the comparisons are CPython's, in its order.
    let n = items.len();
    let mut idx: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let r = crate::timsort::sort(&mut idx, &mut |i, j| {
        let (a, b) = (&keys[i], &keys[j]);
        if let (Some(p), Some(q)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(p < q);
        }
        if let (Some(p), Some(q)) = (a.as_float(), b.as_float()) {
            return Ok(p < q);
        }
        if let (Some(ObjData::Str(p)), Some(ObjData::Str(q))) = (a.data(), b.data()) {
            return Ok(p.s < q.s);
        }
        let r = vm.compare(CmpOp::Lt, a, b)?;
        vm.truthy(&r)
    });
    if reverse {
        idx.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    let out: Vec<Value> = idx
        .into_iter()
        .map(|i| slots[i].take().unwrap_or(Value::NONE))
        .collect();
    match r {
        Ok(()) => Ok(out),
        // The list is left in the order the sort had reached, as CPython leaves it.
        Err(e) => Err((e, out)),
    }
}

const LIST_METHODS: &[M] = &[
    ("append", l_append),
    ("extend", l_extend),
    ("insert", l_insert),
    ("pop", l_pop),
    ("remove", l_remove),
    ("index", l_index),
    ("count", l_count),
    ("reverse", l_reverse),
    ("clear", l_clear),
    ("copy", l_copy),
    ("sort", l_sort),
];

// ---------------------------------------------------------------- tuple

fn t_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "index", 1, 3)?;
    let items = vm.collect(&a.pos[0])?;
    let (start, stop) = index_bounds(vm, a, items.len() as i64)?;
    for i in start.max(0)..stop {
        let x = &items[i as usize];
        if x.is(&a.pos[1]) || vm.eq(x, &a.pos[1])? {
            return Ok(vm.new_int(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
fn t_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "tuple.count", 1, 1)?;
    let items = vm.collect(&a.pos[0])?;
    let mut n = 0;
    for x in items {
        if x.is(&a.pos[1]) || vm.eq(&x, &a.pos[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}
const TUPLE_METHODS: &[M] = &[("index", t_index), ("count", t_count)];

// ---------------------------------------------------------------- dunders of built-in types

/// Whether a built-in `a.__op__(b)` handles `b` (else it returns NotImplemented).
fn dunder_ok(op: Option<BinOp>, a: &Value, b: &Value) -> bool {
    let num = |v: &Value| is_int(v) || v.is_float();
    let kind = |v: &Value| match v.data() {
        Some(ObjData::List(_)) => 1,
        Some(ObjData::Tuple(_)) => 2,
        Some(ObjData::Set(_) | ObjData::FrozenSet(_)) => 3,
        Some(ObjData::Dict(_)) => 4,
        Some(ObjData::Range { .. } | ObjData::BigRange(_)) => 5,
        _ => 0,
    };
    if is_int(a) {
        return is_int(b);
    }
    if a.is_float() {
        return num(b);
    }
    if crate::complex::is_complex(a) {
        return num(b) || crate::complex::is_complex(b);
    }
    match op {
        None => kind(a) != 0 && kind(a) == kind(b),
        Some(BinOp::Mul) => matches!(kind(a), 1 | 2) && is_int(b),
        Some(BinOp::Add) => matches!(kind(a), 1 | 2) && kind(a) == kind(b),
        Some(BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) if kind(a) == 3 => kind(b) == 3,
        Some(BinOp::Or) => kind(a) == 4 && kind(b) == 4,
        _ => false,
    }
}

macro_rules! dunder_bin {
    ($name:ident, $rname:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            nargs(vm, a, stringify!($name), 1, 1)?;
            if !dunder_ok(Some($op), &a.pos[0], &a.pos[1]) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            vm.binary($op, &a.pos[0], &a.pos[1])
        }
        fn $rname(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            nargs(vm, a, stringify!($rname), 1, 1)?;
            let num = |v: &Value| is_int(v) || v.is_float() || crate::complex::is_complex(v);
            if !(num(&a.pos[0]) && dunder_ok(Some($op), &a.pos[0], &a.pos[1])) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            vm.binary($op, &a.pos[1], &a.pos[0])
        }
    };
}
dunder_bin!(d_add, d_radd, BinOp::Add);
dunder_bin!(d_sub, d_rsub, BinOp::Sub);
dunder_bin!(d_mul, d_rmul, BinOp::Mul);
dunder_bin!(d_truediv, d_rtruediv, BinOp::TrueDiv);
dunder_bin!(d_floordiv, d_rfloordiv, BinOp::FloorDiv);
dunder_bin!(d_mod, d_rmod, BinOp::Mod);
dunder_bin!(d_pow, d_rpow, BinOp::Pow);
dunder_bin!(d_and, d_rand, BinOp::And);
dunder_bin!(d_or, d_ror, BinOp::Or);
dunder_bin!(d_xor, d_rxor, BinOp::Xor);
dunder_bin!(d_lshift, d_rlshift, BinOp::LShift);
dunder_bin!(d_rshift, d_rrshift, BinOp::RShift);

macro_rules! dunder_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            nargs(vm, a, stringify!($name), 1, 1)?;
            if !dunder_ok(None, &a.pos[0], &a.pos[1]) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            vm.compare($op, &a.pos[0], &a.pos[1])
        }
    };
}
dunder_cmp!(d_eq, CmpOp::Eq);
dunder_cmp!(d_ne, CmpOp::Ne);
dunder_cmp!(d_lt, CmpOp::Lt);
dunder_cmp!(d_le, CmpOp::Le);
dunder_cmp!(d_gt, CmpOp::Gt);
dunder_cmp!(d_ge, CmpOp::Ge);

fn d_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__len__", 0, 0)?;
    let n = vm.len(&a.pos[0])?;
    Ok(vm.new_int(n as i64))
}
fn d_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__getitem__", 1, 1)?;
    // dict.__getitem__(self, k) on a dict subclass (`super().__getitem__(k)`): the
    // dict lookup, then the class's __missing__.
    if let Some(ObjData::Instance(i)) = a.pos[0].data() {
        if let Some(ObjData::Dict(d)) = i.base().data() {
            if let Some(v) = vm.table_get(d, &a.pos[1])? {
                return Ok(v);
            }
            if let Some(m) = vm.lookup_special(&a.pos[0], "__missing__") {
                return vm.call(&m, vec![a.pos[0].clone(), a.pos[1].clone()]);
            }
            let base = i.base().clone();
            return vm.getitem(&base, &a.pos[1]);
        }
    }
    vm.getitem(&a.pos[0], &a.pos[1])
}
fn d_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__setitem__", 2, 2)?;
    vm.setitem(&a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(Value::NONE)
}
fn d_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__delitem__", 1, 1)?;
    vm.delitem(&a.pos[0], &a.pos[1])?;
    Ok(Value::NONE)
}
fn d_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__contains__", 1, 1)?;
    let r = vm.contains(&a.pos[0], &a.pos[1])?;
    Ok(Value::bool(r))
}
fn d_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__iter__", 0, 0)?;
    vm.iter(&a.pos[0])
}
fn d_bool(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__bool__", 0, 0)?;
    let r = vm.truthy(&a.pos[0])?;
    Ok(Value::bool(r))
}
fn d_neg(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__neg__", 0, 0)?;
    vm.unary(lethe_compiler::bytecode::UnOp::Neg, &a.pos[0])
}
fn d_abs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__abs__", 0, 0)?;
    crate::builtins::b_abs(vm, &Args::new(vec![a.pos[0].clone()]))
}

/// `int`/`float` dunders that forward to the built-in functions: `x.__round__(n)`
/// is `round(x, n)` for the built-in value (subclasses' receivers are unwrapped).
fn d_round(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__round__", 0, 1)?;
    crate::builtins::b_round(vm, &Args::new(a.pos.clone()))
}
fn d_trunc(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__trunc__", 0, 0)?;
    crate::modules::m_trunc(vm, &Args::new(vec![a.pos[0].clone()]))
}
fn d_floor(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__floor__", 0, 0)?;
    crate::modules::m_floor(vm, &Args::new(vec![a.pos[0].clone()]))
}
fn d_ceil(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__ceil__", 0, 0)?;
    crate::modules::m_ceil(vm, &Args::new(vec![a.pos[0].clone()]))
}
fn d_divmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__divmod__", 1, 1)?;
    if !dunder_ok(Some(BinOp::FloorDiv), &a.pos[0], &a.pos[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    crate::builtins::b_divmod(vm, &Args::new(vec![a.pos[0].clone(), a.pos[1].clone()]))
}
fn d_rdivmod(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__rdivmod__", 1, 1)?;
    let num = |v: &Value| is_int(v) || v.is_float();
    if !(num(&a.pos[0]) && dunder_ok(Some(BinOp::FloorDiv), &a.pos[0], &a.pos[1])) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    crate::builtins::b_divmod(vm, &Args::new(vec![a.pos[1].clone(), a.pos[0].clone()]))
}
fn d_pos(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__pos__", 0, 0)?;
    vm.unary(lethe_compiler::bytecode::UnOp::Pos, &a.pos[0])
}
fn d_invert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__invert__", 0, 0)?;
    vm.unary(lethe_compiler::bytecode::UnOp::Invert, &a.pos[0])
}
fn d_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__reversed__", 0, 0)?;
    crate::builtins::b_reversed(vm, &Args::new(vec![a.pos[0].clone()]))
}
/// `list.__iadd__`: extend in place, return the list.
fn l_iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__iadd__", 1, 1)?;
    vm.inplace(BinOp::Add, &a.pos[0], &a.pos[1])
}
fn l_imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__imul__", 1, 1)?;
    vm.inplace(BinOp::Mul, &a.pos[0], &a.pos[1])
}
fn dict_ior(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__ior__", 1, 1)?;
    vm.inplace(BinOp::Or, &a.pos[0], &a.pos[1])
}
fn dict_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__ror__", 1, 1)?;
    if !dunder_ok(Some(BinOp::Or), &a.pos[0], &a.pos[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.binary(BinOp::Or, &a.pos[1], &a.pos[0])
}

/// Orderings of `str` and `bytes`: between two values of the same kind (bytes and
/// bytearray mix), else NotImplemented.
macro_rules! text_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
            nargs(vm, a, stringify!($name), 1, 1)?;
            // bytes.__lt__ takes bytes; bytearray's take either.
            let kind = |v: &Value| match v.data() {
                Some(ObjData::Str(_)) => 1,
                Some(ObjData::Bytes(_)) => 2,
                Some(ObjData::ByteArray(_)) => 3,
                _ => 0,
            };
            let b = vm
                .plain_base(&a.pos[1], &[])
                .unwrap_or_else(|| a.pos[1].clone());
            let (ka, kb) = (kind(&a.pos[0]), kind(&b));
            if ka == 0 || !(ka == kb || (ka == 3 && kb == 2)) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            vm.compare($op, &a.pos[0], &b)
        }
    };
}
text_cmp!(t_lt, CmpOp::Lt);
text_cmp!(t_le, CmpOp::Le);
text_cmp!(t_gt, CmpOp::Gt);
text_cmp!(t_ge, CmpOp::Ge);
const TEXT_CMP_DUNDERS: &[M] = &[
    ("__lt__", t_lt),
    ("__le__", t_le),
    ("__gt__", t_gt),
    ("__ge__", t_ge),
];
const ROUNDING_DUNDERS: &[M] = &[
    ("__round__", d_round),
    ("__trunc__", d_trunc),
    ("__floor__", d_floor),
    ("__ceil__", d_ceil),
    ("__divmod__", d_divmod),
    ("__rdivmod__", d_rdivmod),
    ("__pos__", d_pos),
];

const CMP_DUNDERS: &[M] = &[
    ("__eq__", d_eq),
    ("__ne__", d_ne),
    ("__lt__", d_lt),
    ("__le__", d_le),
    ("__gt__", d_gt),
    ("__ge__", d_ge),
];
/// complex has no `//`, `%` or orderings.
const COMPLEX_DUNDERS: &[M] = &[
    ("__add__", d_add),
    ("__radd__", d_radd),
    ("__sub__", d_sub),
    ("__rsub__", d_rsub),
    ("__mul__", d_mul),
    ("__rmul__", d_rmul),
    ("__truediv__", d_truediv),
    ("__rtruediv__", d_rtruediv),
    ("__pow__", d_pow),
    ("__rpow__", d_rpow),
    ("__neg__", d_neg),
    ("__abs__", d_abs),
    ("__bool__", d_bool),
    ("__eq__", d_eq),
    ("__ne__", d_ne),
];
const NUM_DUNDERS: &[M] = &[
    ("__add__", d_add),
    ("__radd__", d_radd),
    ("__sub__", d_sub),
    ("__rsub__", d_rsub),
    ("__mul__", d_mul),
    ("__rmul__", d_rmul),
    ("__truediv__", d_truediv),
    ("__rtruediv__", d_rtruediv),
    ("__floordiv__", d_floordiv),
    ("__rfloordiv__", d_rfloordiv),
    ("__mod__", d_mod),
    ("__rmod__", d_rmod),
    ("__pow__", d_pow),
    ("__rpow__", d_rpow),
    ("__neg__", d_neg),
    ("__abs__", d_abs),
    ("__bool__", d_bool),
];
const INT_DUNDERS: &[M] = &[
    ("__and__", d_and),
    ("__rand__", d_rand),
    ("__or__", d_or),
    ("__ror__", d_ror),
    ("__xor__", d_xor),
    ("__rxor__", d_rxor),
    ("__lshift__", d_lshift),
    ("__rlshift__", d_rlshift),
    ("__rshift__", d_rshift),
    ("__rrshift__", d_rrshift),
];
const SEQ_DUNDERS: &[M] = &[
    ("__len__", d_len),
    ("__getitem__", d_getitem),
    ("__contains__", d_contains),
    ("__iter__", d_iter),
];
const MUT_DUNDERS: &[M] = &[("__setitem__", d_setitem), ("__delitem__", d_delitem)];
/// `list.__add__`/`tuple.__mul__` and friends: sequence slots raise TypeError for a
/// wrong operand rather than return NotImplemented (`[1].__add__((2,))`).
fn seq_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__add__", 1, 1)?;
    if dunder_ok(Some(BinOp::Add), &a.pos[0], &a.pos[1])
        || matches!(a.pos[1].data(), Some(ObjData::Instance(_)))
    {
        return d_add(vm, a);
    }
    vm.binary(BinOp::Add, &a.pos[0], &a.pos[1])
}
fn seq_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__mul__", 1, 1)?;
    if dunder_ok(Some(BinOp::Mul), &a.pos[0], &a.pos[1])
        || matches!(a.pos[1].data(), Some(ObjData::Instance(_)))
    {
        return d_mul(vm, a);
    }
    let tn = vm.type_name(&a.pos[1]);
    Err(vm.type_error(&format!(
        "'{tn}' object cannot be interpreted as an integer"
    )))
}
const CONCAT_DUNDERS: &[M] = &[
    ("__add__", seq_add),
    ("__mul__", seq_mul),
    ("__rmul__", seq_mul),
];
const SET_DUNDERS: &[M] = &[
    ("__len__", d_len),
    ("__contains__", d_contains),
    ("__iter__", d_iter),
    ("__and__", d_and),
    ("__or__", d_or),
    ("__sub__", d_sub),
    ("__xor__", d_xor),
];

fn install_dunders(vm: &mut Vm) {
    let t = vm.t.int.clone();
    add_methods(vm, &t, "int", NUM_DUNDERS);
    add_methods(vm, &t, "int", INT_DUNDERS);
    add_methods(vm, &t, "int", CMP_DUNDERS);
    let t = vm.t.float.clone();
    add_methods(vm, &t, "float", NUM_DUNDERS);
    add_methods(vm, &t, "float", CMP_DUNDERS);
    let t = vm.t.complex.clone();
    add_methods(vm, &t, "complex", COMPLEX_DUNDERS);
    for (t, owner) in [(vm.t.list.clone(), "list"), (vm.t.tuple.clone(), "tuple")] {
        add_methods(vm, &t, owner, SEQ_DUNDERS);
        add_methods(vm, &t, owner, CONCAT_DUNDERS);
        add_methods(vm, &t, owner, CMP_DUNDERS);
    }
    let t = vm.t.list.clone();
    add_methods(vm, &t, "list", MUT_DUNDERS);
    let t = vm.t.dict.clone();
    add_methods(vm, &t, "dict", SEQ_DUNDERS);
    add_methods(vm, &t, "dict", MUT_DUNDERS);
    add_methods(
        vm,
        &t,
        "dict",
        &[("__eq__", d_eq), ("__ne__", d_ne), ("__or__", d_or)],
    );
    for (t, owner) in [
        (vm.t.set.clone(), "set"),
        (vm.t.frozenset.clone(), "frozenset"),
    ] {
        add_methods(vm, &t, owner, SET_DUNDERS);
        add_methods(vm, &t, owner, CMP_DUNDERS);
    }
    let t = vm.t.range.clone();
    add_methods(vm, &t, "range", SEQ_DUNDERS);
    add_methods(
        vm,
        &t,
        "range",
        &[("__reversed__", d_reversed), ("__bool__", d_bool)],
    );
    for (t, owner) in [(vm.t.int.clone(), "int"), (vm.t.float.clone(), "float")] {
        add_methods(vm, &t, owner, ROUNDING_DUNDERS);
    }
    let t = vm.t.int.clone();
    add_methods(vm, &t, "int", &[("__invert__", d_invert)]);
    let t = vm.t.complex.clone();
    add_methods(vm, &t, "complex", &[("__pos__", d_pos)]);
    let t = vm.t.list.clone();
    add_methods(
        vm,
        &t,
        "list",
        &[
            ("__iadd__", l_iadd),
            ("__imul__", l_imul),
            ("__reversed__", d_reversed),
        ],
    );
    let t = vm.t.dict.clone();
    add_methods(
        vm,
        &t,
        "dict",
        &[
            ("__ior__", dict_ior),
            ("__ror__", dict_ror),
            ("__reversed__", d_reversed),
        ],
    );
    for (t, owner) in [
        (vm.t.str_.clone(), "str"),
        (vm.t.bytes.clone(), "bytes"),
        (vm.t.bytearray.clone(), "bytearray"),
    ] {
        add_methods(vm, &t, owner, TEXT_CMP_DUNDERS);
    }
    let t = vm.t.str_.clone();
    add_methods(vm, &t, "str", &[("__iter__", d_iter)]);
}

// ---------------------------------------------------------------- slice, range

fn sl_indices(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "indices", 1, 1)?;
    let n = &a.pos[1];
    let len = match int_ref(n) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                -1
            } else {
                i64::MAX / 4
            }
        }
        None => {
            if let Some(f) = vm.lookup_special(n, "__index__") {
                let r = vm.call(&f, vec![n.clone()])?;
                as_i64(&r).unwrap_or(-1)
            } else {
                let tn = vm.type_name(n);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        }
    };
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = vm.slice_indices(&a.pos[0], len as usize)?;
    let items = vec![vm.new_int(start), vm.new_int(stop), vm.new_int(step)];
    Ok(vm.new_tuple(items))
}
const SLICE_METHODS: &[M] = &[("indices", sl_indices)];

/// The position of `v` in the range, if it is an int the range contains.
fn range_pos(r: &Value, v: &Value) -> Option<i64> {
    let Some(ObjData::Range { start, stop, step }) = r.data() else {
        return None;
    };
    let x = as_i64(v)?;
    let (start, stop, step) = (*start as i128, *stop as i128, *step as i128);
    let x = x as i128;
    let inside = if step > 0 {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    if inside && (x - start) % step == 0 {
        Some(((x - start) / step) as i64)
    } else {
        None
    }
}
fn r_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "index", 1, 1)?;
    let v = &a.pos[1];
    if let (Some(ObjData::BigRange(b)), Some(x)) = (a.pos[0].data(), crate::ops::as_bigint(v)) {
        if is_int(v) {
            if let Some(i) = crate::bigrange::position(&b[0], &b[1], &b[2], &x) {
                return Ok(vm.new_bigint(i));
            }
            let r = vm.repr(v)?;
            return Err(vm.value_error(&format!("{r} is not in range")));
        }
    }
    if is_int(v) {
        if let Some(i) = range_pos(&a.pos[0], v) {
            return Ok(vm.new_int(i));
        }
    } else {
        let items = vm.collect(&a.pos[0])?;
        for (i, x) in items.iter().enumerate() {
            if vm.eq(x, v)? {
                return Ok(vm.new_int(i as i64));
            }
        }
    }
    let r = vm.repr(v)?;
    Err(vm.value_error(&format!("{r} is not in range")))
}
fn r_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "count", 1, 1)?;
    let v = &a.pos[1];
    if let (Some(ObjData::BigRange(b)), Some(x)) = (a.pos[0].data(), crate::ops::as_bigint(v)) {
        if is_int(v) {
            let found = crate::bigrange::position(&b[0], &b[1], &b[2], &x).is_some();
            return Ok(Value::small_int(found as i64));
        }
    }
    if is_int(v) {
        return Ok(Value::small_int(range_pos(&a.pos[0], v).is_some() as i64));
    }
    let items = vm.collect(&a.pos[0])?;
    let mut n = 0;
    for x in items {
        if vm.eq(&x, v)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}
const RANGE_METHODS: &[M] = &[("index", r_index), ("count", r_count)];

// ---------------------------------------------------------------- dict

fn dict_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RefCell<crate::dict::DictData>> {
    match v.data() {
        Some(ObjData::Dict(d)) => Ok(d),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

fn d_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "get", 1, 2)?;
    let d = dict_of(vm, &a.pos[0])?;
    Ok(vm
        .table_get(d, &a.pos[1])?
        .unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::NONE)))
}
fn d_setdefault(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "setdefault", 1, 2)?;
    let d = dict_of(vm, &a.pos[0])?;
    if let Some(v) = vm.table_get(d, &a.pos[1])? {
        return Ok(v);
    }
    let v = a.pos.get(2).cloned().unwrap_or(Value::NONE);
    vm.table_set(d, a.pos[1].clone(), v.clone())?;
    Ok(v)
}
fn d_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "pop", 1, 2)?;
    let d = dict_of(vm, &a.pos[0])?;
    match vm.table_del(d, &a.pos[1])? {
        Some(v) => Ok(v),
        None => match a.pos.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(a.pos[1].clone())),
        },
    }
}
fn d_popitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = dict_of(vm, &a.pos[0])?;
    let last = d.borrow().entries.iter().rposition(|e| !e.1.is_unbound());
    match last {
        Some(i) => {
            let (k, v) = d.borrow_mut().remove_entry(i);
            Ok(vm.new_tuple(vec![k, v]))
        }
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty")),
    }
}
fn d_view(a: &Args, kind: DictIterKind) -> Value {
    Value::new_obj(ObjData::DictView(Box::new((a.pos[0].clone(), kind))))
}
fn d_keys(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(d_view(a, DictIterKind::Keys))
}
fn d_values(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(d_view(a, DictIterKind::Values))
}
fn d_items(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(d_view(a, DictIterKind::Items))
}
fn d_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = vm.new_dict();
    dict_update_from(vm, &n, &a.pos[0])?;
    Ok(n)
}
fn d_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = dict_of(vm, &a.pos[0])?;
    let old = d.borrow_mut().clear();
    drop(old);
    Ok(Value::NONE)
}
fn d_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "update", 0, 1)?;
    if let Some(src) = a.pos.get(1) {
        dict_update_from(vm, &a.pos[0], src)?;
    }
    let d = dict_of(vm, &a.pos[0])?;
    for (k, v) in &a.kw {
        let key = vm.new_str(k);
        vm.table_set(d, key, v.clone())?;
    }
    Ok(Value::NONE)
}
fn d_fromkeys(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    // A classmethod: pos[0] is the class.
    if a.pos.len() < 2 || a.pos.len() > 3 {
        let n = a.pos.len().saturating_sub(1);
        let msg = if n < 1 {
            format!("fromkeys expected at least 1 argument, got {n}")
        } else {
            format!("fromkeys expected at most 2 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    let it = a.pos[1].clone();
    let v = a.pos.get(2).cloned().unwrap_or(Value::NONE);
    let cls = a.pos[0].clone();
    if crate::types::type_obj(&cls).is_some() && !cls.is(&vm.t.dict) {
        // A subclass: cls(), then d[k] = v (its __setitem__ included).
        let n = vm.call(&cls, vec![])?;
        let keys = vm.collect(&it)?;
        for k in keys {
            vm.setitem(&n, &k, v.clone())?;
        }
        return Ok(n);
    }
    let n = vm.new_dict();
    let keys = vm.collect(&it)?;
    if let Some(ObjData::Dict(d)) = n.data() {
        for k in keys {
            vm.table_set(d, k, v.clone())?;
        }
    }
    Ok(n)
}

/// `d.update(src)` / `{**src}`.
/// What `dict.update` and `**` read from: a dict subclass that keeps dict's iteration
/// is read as its dict (CPython's PyDict_Merge fast path: overridden `keys()` and
/// `__getitem__` are not used); anything else as itself.
fn merge_source(vm: &mut Vm, src: &Value) -> Value {
    vm.plain_base(src, &["__iter__"])
        .filter(|b| matches!(b.data(), Some(ObjData::Dict(_))))
        .unwrap_or_else(|| src.clone())
}

/// The (key, value) pairs of a mapping that is not a dict: its `keys()` (the bound
/// method `keys`), then `src[key]` for each, all read before anything is stored.
fn keyed_pairs(vm: &mut Vm, src: &Value, keys: &Value) -> PyResult<Vec<(Value, Value)>> {
    let ks = vm.call(keys, vec![])?;
    let ks = vm.collect(&ks)?;
    let mut out = Vec::with_capacity(ks.len());
    for k in ks {
        let v = vm.getitem(src, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

/// `{**src}` in a dict display (CPython's DICT_UPDATE): `src` must be a mapping
/// (a dict or an object with `keys()`).
pub fn dict_update_mapping(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    let as_dict = merge_source(vm, src);
    if !matches!(as_dict.data(), Some(ObjData::Dict(_))) {
        let keys_name = vm.intern("keys");
        if vm.getattr_opt(src, &keys_name)?.is_none() {
            let tn = vm.type_name(src);
            return Err(vm.type_error(&format!("'{tn}' object is not a mapping")));
        }
    }
    dict_update_from(vm, d, src)
}

pub fn dict_update_from(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    let Some(ObjData::Dict(dd)) = d.data() else {
        return Err(vm.type_error("not a dict"));
    };
    let as_dict = merge_source(vm, src);
    let src = &as_dict;
    let pairs: Vec<(Value, Value)> = match src.data() {
        Some(ObjData::Dict(s)) => s
            .borrow()
            .iter()
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect(),
        _ => {
            let keys_name = vm.intern("keys");
            if let Ok(Some(keys)) = vm.getattr_opt(src, &keys_name) {
                if !matches!(src.data(), Some(ObjData::List(_) | ObjData::Tuple(_))) {
                    for (k, v) in keyed_pairs(vm, src, &keys)? {
                        vm.table_set(dd, k, v)?;
                    }
                    return Ok(());
                }
            }
            let items = match vm.collect(src) {
                Ok(i) => i,
                Err(_) => {
                    let tn = vm.type_name(src);
                    return Err(vm.type_error(&format!("'{tn}' object is not iterable")));
                }
            };
            let mut out = Vec::new();
            for (n, it) in items.into_iter().enumerate() {
                let kv = vm.collect(&it).map_err(|_| {
                    vm.type_error(&format!(
                        "cannot convert dictionary update sequence element #{n} to a sequence"
                    ))
                })?;
                if kv.len() != 2 {
                    return Err(vm.value_error(&format!(
                        "dictionary update sequence element #{n} has length {}; 2 is required",
                        kv.len()
                    )));
                }
                out.push((kv[0].clone(), kv[1].clone()));
            }
            out
        }
    };
    for (k, v) in pairs {
        vm.table_set(dd, k, v)?;
    }
    Ok(())
}

/// CPython's name for a callable in call errors (`_PyObject_FunctionStr`):
/// `module.qualname()`, or `qualname()` for built-ins.
pub fn function_str(vm: &mut Vm, func: &Value) -> PyResult<String> {
    let qn = vm.intern("__qualname__");
    let qualname = match vm.getattr_opt(func, &qn) {
        Ok(Some(q)) => vm.str(&q)?,
        _ => return vm.str(func),
    };
    let mn = vm.intern("__module__");
    if let Ok(Some(m)) = vm.getattr_opt(func, &mn) {
        if !m.is_none() {
            let m = vm.str(&m)?;
            if m != "builtins" {
                return Ok(format!("{m}.{qualname}()"));
            }
        }
    }
    Ok(format!("{qualname}()"))
}

/// The items of `*src` in a call, with CPython's error naming the function.
pub fn call_args_extend(vm: &mut Vm, src: &Value, func: &Value) -> PyResult<Vec<Value>> {
    match vm.collect(src) {
        Ok(items) => Ok(items),
        Err(e) => {
            if vm.iter(src).is_err() {
                let fs = function_str(vm, func)?;
                let tn = vm.type_name(src);
                return Err(vm.type_error(&format!(
                    "{fs} argument after * must be an iterable, not {tn}"
                )));
            }
            Err(e)
        }
    }
}

/// `**src` into the keyword dict of a call (CPython's DICT_MERGE): a key already
/// there is an error, and so is a `src` that is not a mapping.
pub fn dict_merge_call(vm: &mut Vm, d: &Value, src: &Value, func: &Value) -> PyResult<()> {
    let Some(ObjData::Dict(dd)) = d.data() else {
        return Err(vm.type_error("not a dict"));
    };
    let as_dict = merge_source(vm, src);
    let pairs: Vec<(Value, Value)> = match as_dict.data() {
        Some(ObjData::Dict(s)) => s
            .borrow()
            .iter()
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect(),
        _ => {
            let keys_name = vm.intern("keys");
            let keys = match vm.getattr_opt(src, &keys_name) {
                Ok(Some(k)) => k,
                Ok(None) => {
                    let fs = function_str(vm, func)?;
                    let tn = vm.type_name(src);
                    return Err(vm.type_error(&format!(
                        "{fs} argument after ** must be a mapping, not {tn}"
                    )));
                }
                Err(e) => return Err(e),
            };
            keyed_pairs(vm, src, &keys)?
        }
    };
    for (k, v) in pairs {
        if vm.table_get(dd, &k)?.is_some() {
            let fs = function_str(vm, func)?;
            let ks = vm.str(&k)?;
            return Err(vm.type_error(&format!(
                "{fs} got multiple values for keyword argument '{ks}'"
            )));
        }
        vm.table_set(dd, k, v)?;
    }
    Ok(())
}

pub fn dict_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(ObjData::Dict(x)), Some(ObjData::Dict(y))) = (a.data(), b.data()) else {
        return Ok(false);
    };
    if x.borrow().len != y.borrow().len {
        return Ok(false);
    }
    let items: Vec<(Value, Value)> = x
        .borrow()
        .iter()
        .map(|e| (e.1.clone(), e.2.clone()))
        .collect();
    for (k, v) in items {
        match vm.table_get(y, &k)? {
            Some(w) => {
                if !v.is(&w) && !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

const DICT_METHODS: &[M] = &[
    ("get", d_get),
    ("setdefault", d_setdefault),
    ("pop", d_pop),
    ("popitem", d_popitem),
    ("keys", d_keys),
    ("values", d_values),
    ("items", d_items),
    ("copy", d_copy),
    ("clear", d_clear),
    ("update", d_update),
];

// ---------------------------------------------------------------- set

pub fn make_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = vm.new_set();
    if let Some(ObjData::Set(d)) = s.data() {
        for it in items {
            vm.table_set(d, it, Value::NONE)?;
        }
    }
    Ok(s)
}

/// CPython's set_merge: the entries of the set `other`, in its iteration order,
/// added to `target` after one big resize when they would overfill its table (so a
/// copy of a set can iterate in another order than the set).
pub fn set_merge(
    vm: &mut Vm,
    target: &RefCell<crate::dict::DictData>,
    other: &RefCell<crate::dict::DictData>,
) -> PyResult<()> {
    if std::ptr::eq(target, other) {
        return Ok(());
    }
    let items = other.borrow_mut().set_keys();
    if items.is_empty() {
        return Ok(());
    }
    let was_empty = {
        let mut t = target.borrow_mut();
        let empty = t.len == 0 && t.entries.is_empty();
        t.set_slot_order();
        t.presize_for_merge(items.len());
        empty && t.table_size() == other.borrow().table_size()
    };
    for x in items {
        vm.table_set(target, x, Value::NONE)?;
    }
    if was_empty {
        let o = other.borrow();
        target.borrow_mut().copy_layout(&o);
    }
    // Placed now, so that later deletions leave dummies where CPython has them.
    target.borrow_mut().set_slot_order();
    Ok(())
}

/// CPython's set_update_internal: a set or frozenset is merged, an exact dict's keys
/// are added after the same big resize, anything else one item at a time.
pub fn set_update_from(
    vm: &mut Vm,
    target: &RefCell<crate::dict::DictData>,
    src: &Value,
) -> PyResult<()> {
    match src.data() {
        Some(ObjData::Set(o) | ObjData::FrozenSet(o)) => set_merge(vm, target, o),
        Some(ObjData::Dict(o)) => {
            let keys = o.borrow().keys();
            {
                let mut t = target.borrow_mut();
                t.set_slot_order();
                t.presize_for_merge(keys.len());
            }
            for k in keys {
                vm.table_set(target, k, Value::NONE)?;
            }
            Ok(())
        }
        _ => {
            let items = vm.collect(src)?;
            for it in items {
                vm.table_set(target, it, Value::NONE)?;
            }
            Ok(())
        }
    }
}

/// A new set (or frozenset when `frozen`) from `src` as CPython's set(src) makes it.
pub fn set_from(vm: &mut Vm, src: &Value, frozen: bool) -> PyResult<Value> {
    let s = vm.new_set();
    if let Some(ObjData::Set(d)) = s.data() {
        set_update_from(vm, d, src)?;
    }
    Ok(if frozen { freeze(s) } else { s })
}

fn set_data(v: &Value) -> Option<&RefCell<crate::dict::DictData>> {
    match v.data() {
        Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => Some(d),
        _ => None,
    }
}

fn new_like(vm: &mut Vm, like: &Value, items: Vec<Value>) -> PyResult<Value> {
    let s = make_set(vm, items)?;
    if matches!(like.data(), Some(ObjData::FrozenSet(_))) {
        return Ok(freeze(s));
    }
    Ok(s)
}

pub fn freeze(s: Value) -> Value {
    match s.data() {
        Some(ObjData::Set(d)) => {
            let data = std::mem::take(&mut *d.borrow_mut());
            Value::new_obj(ObjData::FrozenSet(Box::new(RefCell::new(data))))
        }
        _ => s,
    }
}

fn set_op(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    b_items: Vec<Value>,
    b_set: &Value,
) -> PyResult<Vec<Value>> {
    let a_items = set_data(a)
        .map(|d| d.borrow_mut().set_keys())
        .unwrap_or_default();
    let bd = set_data(b_set).ok_or_else(|| vm.type_error("not a set"))?;
    let ad = set_data(a).ok_or_else(|| vm.type_error("not a set"))?;
    let mut out = Vec::new();
    match op {
        BinOp::Or => {
            out.extend(a_items);
            for x in b_items {
                let h = vm.hash(&x)?;
                if vm.table_find(ad, &x, h)?.is_none() {
                    out.push(x);
                }
            }
        }
        BinOp::And => {
            for x in a_items {
                let h = vm.hash(&x)?;
                if vm.table_find(bd, &x, h)?.is_some() {
                    out.push(x);
                }
            }
        }
        BinOp::Sub => {
            for x in a_items {
                let h = vm.hash(&x)?;
                if vm.table_find(bd, &x, h)?.is_none() {
                    out.push(x);
                }
            }
        }
        _ => {
            for x in a_items {
                let h = vm.hash(&x)?;
                if vm.table_find(bd, &x, h)?.is_none() {
                    out.push(x);
                }
            }
            for x in b_items {
                let h = vm.hash(&x)?;
                if vm.table_find(ad, &x, h)?.is_none() {
                    out.push(x);
                }
            }
        }
    }
    Ok(out)
}

fn is_set_view(v: &Value) -> bool {
    matches!(v.data(), Some(ObjData::DictView(b)) if b.1 != DictIterKind::Values)
}

/// A new set of the `items` that are (`present`) or are not in the table `other`, in
/// the items' order (set intersection and difference).
fn set_filtered(
    vm: &mut Vm,
    items: Vec<Value>,
    other: &std::cell::RefCell<crate::dict::DictData>,
    present: bool,
) -> PyResult<Value> {
    let r = vm.new_set();
    if let Some(ObjData::Set(d)) = r.data() {
        for x in items {
            let h = vm.hash(&x)?;
            if vm.table_find(other, &x, h)?.is_some() == present {
                vm.table_set(d, x, Value::NONE)?;
            }
        }
    }
    Ok(r)
}
pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if is_set_view(a) || is_set_view(b) {
        // dict_keys / dict_items with any iterable, as CPython's dictviews_* do.
        if vm.iter(a).is_err() || vm.iter(b).is_err() {
            return Ok(None);
        }
        if op == BinOp::And {
            // _PyDictView_Intersect: the items of one, kept when in the other.
            let (view, other) = if is_set_view(a) { (a, b) } else { (b, a) };
            let view_items = vm.collect(view)?;
            let other_set_len = match other.data() {
                Some(ObjData::Set(d)) => Some(d.borrow().len),
                _ => None,
            };
            let (walk, keep_in) = match other_set_len {
                Some(n) if view_items.len() <= n => (view_items, other.clone()),
                _ => (vm.collect(other)?, set_from(vm, view, false)?),
            };
            let r = vm.new_set();
            if let Some(ObjData::Set(d)) = r.data() {
                for x in walk {
                    if vm.contains(&keep_in, &x)? {
                        vm.table_set(d, x, Value::NONE)?;
                    }
                }
            }
            return Ok(Some(r));
        }
        // set(self), then updated with other (dictviews_to_set: a keys view of a dict
        // is made from the dict).
        let left = match a.data() {
            Some(ObjData::DictView(v))
                if v.1 == DictIterKind::Keys && matches!(v.0.data(), Some(ObjData::Dict(_))) =>
            {
                v.0.clone()
            }
            _ => a.clone(),
        };
        let r = set_from(vm, &left, false)?;
        let Some(ObjData::Set(d)) = r.data() else {
            return Ok(None);
        };
        match op {
            BinOp::Or => set_update_from(vm, d, b)?,
            BinOp::Sub | BinOp::Xor => {
                let items = match b.data() {
                    Some(ObjData::Set(o) | ObjData::FrozenSet(o)) => o.borrow_mut().set_keys(),
                    _ if op == BinOp::Xor => {
                        let bs = set_from(vm, b, false)?;
                        match bs.data() {
                            Some(ObjData::Set(o)) => o.borrow_mut().set_keys(),
                            _ => Vec::new(),
                        }
                    }
                    _ => vm.collect(b)?,
                };
                for x in items {
                    if vm.table_del(d, &x)?.is_none() && op == BinOp::Xor {
                        vm.table_set(d, x, Value::NONE)?;
                    }
                }
            }
            _ => return Ok(None),
        }
        return Ok(Some(r));
    }
    if set_data(a).is_none() || set_data(b).is_none() {
        return Ok(None);
    }
    let frozen = matches!(a.data(), Some(ObjData::FrozenSet(_)));
    let done = |r: Value| Ok(Some(if frozen { freeze(r) } else { r }));
    let (Some(ad), Some(bd)) = (set_data(a), set_data(b)) else {
        return Ok(None);
    };
    match op {
        BinOp::Or => {
            // set_or: a copy of a (a merge), then b merged into it.
            let r = set_from(vm, a, false)?;
            if let Some(ObjData::Set(d)) = r.data() {
                set_merge(vm, d, bd)?;
            }
            return done(r);
        }
        BinOp::And => {
            // set_intersection: the smaller set's items in its order, those the
            // other has, added one by one (a & a is a copy).
            if a.is(b) {
                return done(set_from(vm, a, false)?);
            }
            let (small, large) = if bd.borrow().len > ad.borrow().len {
                (ad, bd)
            } else {
                (bd, ad)
            };
            let items = small.borrow_mut().set_keys();
            return done(set_filtered(vm, items, large, true)?);
        }
        BinOp::Sub => {
            // set_difference: a copy of a less b's items when a is over four times
            // larger, else a's items not in b added one by one.
            let (la, lb) = (ad.borrow().len, bd.borrow().len);
            if la == 0 || (la >> 2) > lb {
                let r = set_from(vm, a, false)?;
                let bitems = bd.borrow_mut().set_keys();
                if let Some(ObjData::Set(d)) = r.data() {
                    for x in bitems {
                        vm.table_del(d, &x)?;
                    }
                }
                return done(r);
            }
            let items = ad.borrow_mut().set_keys();
            return done(set_filtered(vm, items, bd, false)?);
        }
        BinOp::Xor => {
            // set_symmetric_difference: a copy of b, then each item of a removed
            // when there, else added.
            let r = set_from(vm, b, false)?;
            let items = ad.borrow_mut().set_keys();
            if let Some(ObjData::Set(d)) = r.data() {
                for x in items {
                    if vm.table_del(d, &x)?.is_none() {
                        vm.table_set(d, x, Value::NONE)?;
                    }
                }
            }
            return done(r);
        }
        _ => {}
    }
    let b_items = set_data(b)
        .map(|d| d.borrow_mut().set_keys())
        .unwrap_or_default();
    let items = set_op(vm, op, a, b_items, b)?;
    new_like(vm, a, items).map(Some)
}

pub fn set_inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    // |=, -= and ^= change the set in place, as CPython's set_update_internal,
    // set_difference_update and set_symmetric_difference_update do.
    if let (Some(ObjData::Set(d)), Some(bd)) = (a.data(), set_data(b)) {
        match op {
            BinOp::Or => {
                set_merge(vm, d, bd)?;
                return Ok(Some(a.clone()));
            }
            BinOp::Sub | BinOp::Xor => {
                let items = if a.is(b) {
                    d.borrow_mut().set_keys()
                } else {
                    bd.borrow_mut().set_keys()
                };
                for x in items {
                    if vm.table_del(d, &x)?.is_none() && op == BinOp::Xor {
                        vm.table_set(d, x, Value::NONE)?;
                    }
                }
                return Ok(Some(a.clone()));
            }
            _ => {}
        }
    }
    let Some(r) = set_binop(vm, op, a, b)? else {
        return Ok(None);
    };
    if let (Some(ObjData::Set(d)), Some(ObjData::Set(n))) = (a.data(), r.data()) {
        let data = std::mem::take(&mut *n.borrow_mut());
        let old = std::mem::replace(&mut *d.borrow_mut(), data);
        drop(old);
    }
    Ok(Some(a.clone()))
}

fn is_subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let items = set_data(a)
        .map(|d| d.borrow_mut().set_keys())
        .unwrap_or_default();
    let Some(bd) = set_data(b) else {
        return Ok(false);
    };
    for x in items {
        let h = vm.hash(&x)?;
        if vm.table_find(bd, &x, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn set_compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    let la = set_data(a).map(|d| d.borrow().len).unwrap_or(0);
    let lb = set_data(b).map(|d| d.borrow().len).unwrap_or(0);
    let r = match op {
        CmpOp::Eq => la == lb && is_subset(vm, a, b)?,
        CmpOp::Ne => !(la == lb && is_subset(vm, a, b)?),
        CmpOp::Le => is_subset(vm, a, b)?,
        CmpOp::Lt => la < lb && is_subset(vm, a, b)?,
        CmpOp::Ge => is_subset(vm, b, a)?,
        CmpOp::Gt => la > lb && is_subset(vm, b, a)?,
        _ => return Ok(Value::NOT_IMPLEMENTED),
    };
    Ok(Value::bool(r))
}

fn s_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "set.add", 1, 1)?;
    let Some(d) = set_data(&a.pos[0]) else {
        return Err(vm.type_error("not a set"));
    };
    vm.table_set(d, a.pos[1].clone(), Value::NONE)?;
    Ok(Value::NONE)
}
fn s_discard(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "set.discard", 1, 1)?;
    let Some(d) = set_data(&a.pos[0]) else {
        return Err(vm.type_error("not a set"));
    };
    vm.table_del(d, &a.pos[1])?;
    Ok(Value::NONE)
}
fn s_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "set.remove", 1, 1)?;
    let Some(d) = set_data(&a.pos[0]) else {
        return Err(vm.type_error("not a set"));
    };
    match vm.table_del(d, &a.pos[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(a.pos[1].clone())),
    }
}
fn s_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(d) = set_data(&a.pos[0]) else {
        return Err(vm.type_error("not a set"));
    };
    d.borrow_mut().set_slot_order();
    let first = d.borrow().entry_at(0).map(|(i, _)| i);
    match first {
        Some(i) => Ok(d.borrow_mut().remove_entry(i).0),
        None => Err(vm.new_error("KeyError", "pop from an empty set")),
    }
}
fn s_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(d) = set_data(&a.pos[0]) else {
        return Err(vm.type_error("not a set"));
    };
    let old = d.borrow_mut().clear();
    drop(old);
    Ok(Value::NONE)
}
fn s_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let frozen = matches!(a.pos[0].data(), Some(ObjData::FrozenSet(_)));
    set_from(vm, &a.pos[0], frozen)
}
/// A frozenset is immutable: its copy is itself.
fn fs_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "copy", 0, 0)?;
    Ok(a.pos[0].clone())
}
fn fs_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__hash__", 0, 0)?;
    let h = vm.hash(&a.pos[0])?;
    Ok(vm.new_int(h))
}
fn other_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if set_data(v).is_some() {
        return Ok(v.clone());
    }
    let items = vm.collect(v)?;
    make_set(vm, items)
}
fn s_multi(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult<Value> {
    let mut cur = a.pos[0].clone();
    for o in &a.pos[1..] {
        let os = other_set(vm, o)?;
        cur = set_binop(vm, op, &cur, &os)?.unwrap_or(cur);
    }
    if cur.is(&a.pos[0]) {
        let items = set_data(&cur)
            .map(|d| d.borrow_mut().set_keys())
            .unwrap_or_default();
        return new_like(vm, &a.pos[0], items);
    }
    Ok(cur)
}
fn s_union(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_multi(vm, a, BinOp::Or)
}
fn s_intersection(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_multi(vm, a, BinOp::And)
}
fn s_difference(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_multi(vm, a, BinOp::Sub)
}
fn s_symdiff(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "symmetric_difference", 1, 1)?;
    s_multi(vm, a, BinOp::Xor)
}
fn s_update_op(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult<Value> {
    for o in &a.pos[1..] {
        let os = other_set(vm, o)?;
        set_inplace(vm, op, &a.pos[0], &os)?;
    }
    Ok(Value::NONE)
}
fn s_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(ObjData::Set(d)) = a.pos[0].data() else {
        return s_update_op(vm, a, BinOp::Or);
    };
    for o in &a.pos[1..] {
        set_update_from(vm, d, o)?;
    }
    Ok(Value::NONE)
}
fn s_iupdate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_update_op(vm, a, BinOp::And)
}
fn s_dupdate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_update_op(vm, a, BinOp::Sub)
}
fn s_sdupdate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    s_update_op(vm, a, BinOp::Xor)
}
fn s_issubset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "issubset", 1, 1)?;
    let o = other_set(vm, &a.pos[1])?;
    Ok(Value::bool(is_subset(vm, &a.pos[0], &o)?))
}
fn s_issuperset(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "issuperset", 1, 1)?;
    let o = other_set(vm, &a.pos[1])?;
    Ok(Value::bool(is_subset(vm, &o, &a.pos[0])?))
}
fn s_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "isdisjoint", 1, 1)?;
    let o = other_set(vm, &a.pos[1])?;
    let r = set_binop(vm, BinOp::And, &a.pos[0], &o)?
        .map(|s| set_data(&s).map(|d| d.borrow().len).unwrap_or(0))
        .unwrap_or(0);
    Ok(Value::bool(r == 0))
}

/// `dict_keys.isdisjoint` / `dict_items.isdisjoint`: no item of the iterable is in
/// the view.
fn v_isdisjoint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "isdisjoint", 1, 1)?;
    let it = vm.iter(&a.pos[1])?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&a.pos[0], &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

const SET_METHODS: &[M] = &[
    ("add", s_add),
    ("discard", s_discard),
    ("remove", s_remove),
    ("pop", s_pop),
    ("clear", s_clear),
    ("copy", s_copy),
    ("union", s_union),
    ("intersection", s_intersection),
    ("difference", s_difference),
    ("symmetric_difference", s_symdiff),
    ("update", s_update),
    ("intersection_update", s_iupdate),
    ("difference_update", s_dupdate),
    ("symmetric_difference_update", s_sdupdate),
    ("issubset", s_issubset),
    ("issuperset", s_issuperset),
    ("isdisjoint", s_isdisjoint),
];
const FROZENSET_METHODS: &[M] = &[
    ("copy", fs_copy),
    ("__hash__", fs_hash),
    ("union", s_union),
    ("intersection", s_intersection),
    ("difference", s_difference),
    ("symmetric_difference", s_symdiff),
    ("issubset", s_issubset),
    ("issuperset", s_issuperset),
    ("isdisjoint", s_isdisjoint),
];

// ---------------------------------------------------------------- object, exceptions, numbers

/// `object.__init_subclass__`: accepts no keyword arguments.
fn o_init_subclass(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() || a.pos.len() > 1 {
        let n = a
            .pos
            .first()
            .and_then(crate::types::type_obj)
            .map(|t| t.qualname.borrow().to_string())
            .unwrap_or_else(|| "object".into());
        return Err(vm.type_error(&format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}
fn o_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}
fn o_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a)?.clone();
    let cls = vm.type_of(&v);
    let (m, q) = crate::types::type_obj(&cls)
        .map(|t| (t.module.clone(), t.qualname.borrow().clone()))
        .unwrap_or_default();
    Ok(vm.new_string(object_repr(&m, &q, v.addr())))
}
/// `object.__repr__`'s text: the module is left out for built-in classes.
fn object_repr(module: &str, qualname: &str, addr: usize) -> String {
    if module == "builtins" {
        format!("<{qualname} object at {addr:#x}>")
    } else {
        format!("<{module}.{qualname} object at {addr:#x}>")
    }
}
fn o_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a)?.clone();
    let s = vm.repr(&v)?;
    Ok(vm.new_string(s))
}
fn o_eq(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__eq__", 1, 1)?;
    Ok(if a.pos[0].is(&a.pos[1]) {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}
fn o_ne(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__ne__", 1, 1)?;
    let r = vm.eq(&a.pos[0], &a.pos[1])?;
    Ok(Value::bool(!r))
}
fn o_hash(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(vm.new_int((a.pos[0].addr() >> 4) as i64))
}
fn o_setattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__setattr__", 2, 2)?;
    if let Some(ObjData::Instance(i)) = a.pos[0].data() {
        let n = match a.pos[1].data() {
            Some(ObjData::Str(s)) => s.s.to_string(),
            _ => {
                let tn = vm.type_name(&a.pos[1]);
                return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
            }
        };
        if n == "__class__" {
            vm.set_class(&a.pos[0], a.pos[2].clone())?;
            return Ok(Value::NONE);
        }
        let k = vm.intern(&n);
        // Data descriptors of the class first, as CPython's object.__setattr__.
        let cls = i.class.clone();
        if let Some(d) = vm.lookup_mro(&cls, &k) {
            if let Some(ObjData::Property(p)) = d.data() {
                let setter = p[1].clone();
                if setter.is_none() {
                    let tn = vm.type_name(&a.pos[0]);
                    return Err(vm.attribute_error(&format!(
                        "property '{n}' of '{tn}' object has no setter"
                    )));
                }
                vm.call(&setter, vec![a.pos[0].clone(), a.pos[2].clone()])?;
                return Ok(Value::NONE);
            }
            if let Some(ObjData::Instance(_)) = d.data() {
                if let Some(st) = vm.lookup_special(&d, "__set__") {
                    vm.call(&st, vec![d.clone(), a.pos[0].clone(), a.pos[2].clone()])?;
                    return Ok(Value::NONE);
                }
            }
        }
        vm.check_slot(&a.pos[0], &cls, &k)?;
        i.set(&k, a.pos[2].clone());
        return Ok(Value::NONE);
    }
    if let Some(ObjData::Type(_)) = a.pos[0].data() {
        vm.type_setattr_plain(&a.pos[0], &a.pos[1], a.pos[2].clone())?;
        return Ok(Value::NONE);
    }
    vm.setattr(&a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(Value::NONE)
}
fn o_getattribute(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__getattribute__", 1, 1)?;
    if !matches!(a.pos[1].data(), Some(ObjData::Str(_))) {
        let tn = vm.type_name(&a.pos[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.str(&a.pos[1])?;
    let k = vm.intern(&n);
    match vm.generic_getattr(&a.pos[0], &k)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attr(&a.pos[0], &k)),
    }
}
fn o_delattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__delattr__", 1, 1)?;
    let n = vm.str(&a.pos[1])?;
    let k = vm.intern(&n);
    vm.generic_delattr(&a.pos[0], &k)?;
    Ok(Value::NONE)
}
fn o_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = recv(vm, a)?.clone();
    if crate::types::type_obj(&cls).is_none() {
        let tn = vm.type_name(&cls);
        return Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({tn})")));
    }
    if let Some(t) = crate::types::type_obj(&cls) {
        if t.builtin {
            if let Some(ctor) = crate::builtins::builtin_constructor(vm, &cls) {
                return ctor(
                    vm,
                    &Args {
                        pos: a.pos[1..].to_vec(),
                        kw: a.kw.clone(),
                    },
                );
            }
        }
    }
    vm.check_abstract(&cls)?;
    vm.new_instance_args(&cls, &a.pos[1..], &a.kw)
}

/// `function.__get__(obj, type=None)`: the function bound to `obj`.
fn fn_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__get__", 1, 2)?;
    if a.pos[1].is_none() {
        return Ok(a.pos[0].clone());
    }
    Ok(Value::new_obj(ObjData::BoundMethod(Box::new((
        a.pos[0].clone(),
        a.pos[1].clone(),
    )))))
}

/// `f.__call__(*args, **kwargs)` of functions, built-in functions and methods.
fn callable_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__call__", 0, usize::MAX)?;
    vm.call_kw(&a.pos[0], a.pos[1..].to_vec(), a.kw.clone())
}

/// `classmethod.__get__`, `staticmethod.__get__`, `property.__get__`.
fn descr_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__get__", 1, 2)?;
    let (d, obj) = (a.pos[0].clone(), a.pos[1].clone());
    let typ = a.pos.get(2).cloned().unwrap_or(Value::NONE);
    match d.data() {
        Some(ObjData::ClassMethod(_)) => {
            let cls = if typ.is_none() { vm.type_of(&obj) } else { typ };
            vm.bind(d, &obj, &cls)
        }
        Some(ObjData::StaticMethod(f)) => Ok(f.clone()),
        Some(ObjData::Property(p)) => {
            if obj.is_none() {
                return Ok(d.clone());
            }
            let getter = p[0].clone();
            if getter.is_none() {
                let tn = vm.type_name(&obj);
                return Err(vm.attribute_error(&format!("property of '{tn}' object has no getter")));
            }
            vm.call(&getter, vec![obj])
        }
        _ => Err(vm.type_error("descriptor '__get__' requires a descriptor")),
    }
}

/// `property.__set__` (through the setter) / `property.__delete__` (the deleter).
fn p_set(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    p_accessor(vm, a, "__set__", 1, "setter", 2)
}
fn p_delete(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    p_accessor(vm, a, "__delete__", 2, "deleter", 1)
}
/// Call the property's accessor in `slot` (`what`) with the `n` arguments after the
/// property.
fn p_accessor(
    vm: &mut Vm,
    a: &Args,
    method: &str,
    slot: usize,
    what: &str,
    n: usize,
) -> PyResult<Value> {
    nargs(vm, a, method, n, n)?;
    let Some(ObjData::Property(p)) = a.pos[0].data() else {
        return Err(vm.type_error("not a property"));
    };
    let f = p[slot].clone();
    if f.is_none() {
        let tn = vm.type_name(&a.pos[1]);
        return Err(vm.attribute_error(&format!("property of '{tn}' object has no {what}")));
    }
    vm.call(&f, a.pos[1..].to_vec())?;
    Ok(Value::NONE)
}

/// `list.__repr__` and its kin (the receiver is the built-in value).
fn builtin_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__repr__", 0, 0)?;
    let s = vm.repr(&a.pos[0])?;
    Ok(vm.new_string(s))
}

/// `list.__init__`, `dict.__init__`, `set.__init__` (on the built-in value: a
/// subclass instance is unwrapped by the call): refill from the arguments.
fn mutable_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a)?.clone();
    let args = Args {
        pos: a.pos[1..].to_vec(),
        kw: a.kw.clone(),
    };
    let fresh = match v.data() {
        Some(ObjData::List(_)) => crate::builtins::builtin_constructor(vm, &vm.t.list.clone()),
        Some(ObjData::Dict(_)) => crate::builtins::builtin_constructor(vm, &vm.t.dict.clone()),
        Some(ObjData::Set(_)) => crate::builtins::builtin_constructor(vm, &vm.t.set.clone()),
        _ => None,
    };
    let Some(ctor) = fresh else {
        return Ok(Value::NONE);
    };
    let n = ctor(vm, &args)?;
    match (v.data(), n.data()) {
        (Some(ObjData::List(l)), Some(ObjData::List(m))) => {
            let items = std::mem::take(&mut *m.borrow_mut());
            let old = std::mem::replace(&mut *l.borrow_mut(), items);
            drop(old);
        }
        (Some(ObjData::Dict(d)), Some(ObjData::Dict(m)))
        | (Some(ObjData::Set(d)), Some(ObjData::Set(m))) => {
            let old = d.borrow_mut().clear();
            drop(old);
            let entries: Vec<(Value, Value)> = m
                .borrow()
                .iter()
                .map(|e| (e.1.clone(), e.2.clone()))
                .collect();
            for (k, val) in entries {
                vm.table_set(d, k, val)?;
            }
        }
        _ => {}
    }
    Ok(Value::NONE)
}
fn o_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__format__", 1, 1)?;
    let spec = vm.str(&a.pos[1])?;
    if !spec.is_empty() {
        let tn = vm.type_name(&a.pos[0]);
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    let s = vm.str(&a.pos[0])?;
    Ok(vm.new_string(s))
}
/// `object.__lt__` and its kin: NotImplemented (the comparison falls back to the
/// other operand, then to a TypeError).
fn o_cmp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__lt__", 1, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}
/// `object.__dir__()`: the names `dir()` lists for the object.
fn o_dir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__dir__", 0, 0)?;
    crate::builtins::default_dir(vm, &a.pos[0])
}
/// `object.__sizeof__()`: the size CPython 3.11 gives (see `crate::sizeof`).
fn o_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__sizeof__", 0, 0)?;
    let v = a.pos[0].clone();
    Ok(Value::small_int(crate::sizeof::basic_size(vm, &v) as i64))
}
/// `object.__getstate__()` (3.11): None, the instance's `__dict__`, or
/// `(dict or None, {slot: value})` when slots are set.
fn o_getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__getstate__", 0, 0)?;
    let v = a.pos[0].clone();
    let dk = vm.intern("__dict__");
    let mut state = Value::NONE;
    if let Some(ObjData::Instance(_)) = v.data() {
        if let Some(d) = vm.getattr_opt(&v, &dk)? {
            let nonempty = match d.data() {
                Some(ObjData::Dict(dd)) => dd.borrow().len > 0,
                _ => true,
            };
            if nonempty {
                state = d;
            }
        }
        // copyreg._slotnames: the slot names (private ones mangled), cached in the
        // class as `__slotnames__`, as CPython does.
        let cls = vm.type_of(&v);
        let name = vm.new_str("copyreg");
        let globals = vm.new_dict();
        let m = crate::modules::import(vm, &name, 0, &globals)?;
        let k = vm.intern("_slotnames");
        let f = vm.getattr(&m, &k)?;
        let r = vm.call(&f, vec![cls])?;
        let names = vm.collect(&r)?;
        let mut slots = Vec::new();
        for n in names {
            if matches!(n.data(), Some(ObjData::Str(x)) if &*x.s == "__weakref__") {
                continue;
            }
            if let Some(x) = vm.getattr_opt(&v, &n)? {
                slots.push((n, x));
            }
        }
        if !slots.is_empty() {
            let sd = vm.new_dict();
            if let Some(ObjData::Dict(dd)) = sd.data() {
                for (k, x) in slots {
                    vm.table_set(dd, k, x)?;
                }
            }
            state = vm.new_tuple(vec![state, sd]);
        }
    }
    Ok(state)
}
/// `object.__reduce_ex__(protocol)` and `object.__reduce__()`: as CPython's, by
/// `copyreg` (a `__reduce__` the class defines comes first).
fn o_reduce_ex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__reduce_ex__", 1, 1)?;
    reduce_by_copyreg(vm, &a.pos[0], a.pos[1].clone(), true)
}
fn o_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__reduce__", 0, 0)?;
    reduce_by_copyreg(vm, &a.pos[0], Value::small_int(0), false)
}
fn reduce_by_copyreg(vm: &mut Vm, v: &Value, proto: Value, ex: bool) -> PyResult<Value> {
    let name = vm.new_str("copyreg");
    let globals = vm.new_dict();
    let m = crate::modules::import(vm, &name, 0, &globals)?;
    let k = vm.intern(if ex {
        "_object_reduce_ex"
    } else {
        "_object_reduce"
    });
    let f = vm.getattr(&m, &k)?;
    vm.call(&f, vec![v.clone(), proto])
}
/// `object.__subclasshook__(subclass)`: NotImplemented.
fn o_subclasshook(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NOT_IMPLEMENTED)
}
const OBJECT_METHODS: &[M] = &[
    ("__lt__", o_cmp),
    ("__le__", o_cmp),
    ("__gt__", o_cmp),
    ("__ge__", o_cmp),
    ("__dir__", o_dir),
    ("__sizeof__", o_sizeof),
    ("__getstate__", o_getstate),
    ("__reduce_ex__", o_reduce_ex),
    ("__reduce__", o_reduce),
    ("__init__", o_init),
    ("__repr__", o_repr),
    ("__str__", o_str),
    ("__eq__", o_eq),
    ("__ne__", o_ne),
    ("__hash__", o_hash),
    ("__setattr__", o_setattr),
    ("__getattribute__", o_getattribute),
    ("__delattr__", o_delattr),
    ("__format__", o_format),
    ("__new__", o_new),
];

fn e_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a)?.clone();
    if crate::exc::exc_data(&v).is_some() {
        vm.exc_init_extra(&v, &a.pos[1..], &a.kw)?;
        vm.set_exc_args(&v, a.pos[1..].to_vec());
    }
    Ok(Value::NONE)
}
/// `BaseException.add_note(note)` (3.11): append to `__notes__`.
fn e_add_note(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "add_note", 1, 1)?;
    let (e, note) = (a.pos[0].clone(), a.pos[1].clone());
    if !matches!(note.data(), Some(ObjData::Str(_))) {
        let tn = vm.type_name(&note);
        return Err(vm.type_error(&format!("note must be a str, not '{tn}'")));
    }
    let k = vm.intern("__notes__");
    let notes = match vm.getattr_opt(&e, &k)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            vm.setattr(&e, &k, l.clone())?;
            l
        }
    };
    match notes.data() {
        Some(ObjData::List(l)) => l.borrow_mut().push(note),
        _ => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::NONE)
}
fn e_str(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = recv(vm, a)?.clone();
    let s = vm.exc_str(&v)?;
    Ok(vm.new_string(s))
}
fn tb_frame(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.unsupported("frame objects (traceback.tb_frame)"))
}
fn tb_lasti(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.unsupported("traceback.tb_lasti"))
}
fn e_with_tb(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(recv(vm, a)?.clone())
}
const EXC_METHODS: &[M] = &[
    ("__init__", e_init),
    ("__str__", e_str),
    ("with_traceback", e_with_tb),
    ("add_note", e_add_note),
];

fn i_bit_length(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = crate::ops::as_bigint(&a.pos[0]).unwrap_or_default();
    Ok(vm.new_int(b.bits() as i64))
}
fn i_conjugate(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos[0].is_bool() {
        return Ok(Value::small_int(a.pos[0].is_true_const() as i64));
    }
    Ok(a.pos[0].clone())
}
/// `int.__index__`/`__int__` (the receiver is already the plain int).
fn i_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__index__", 0, 0)?;
    if a.pos[0].is_bool() {
        return Ok(Value::small_int(a.pos[0].is_true_const() as i64));
    }
    Ok(a.pos[0].clone())
}
fn n_float(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__float__", 0, 0)?;
    let f = crate::builtins::builtin_constructor(vm, &vm.t.float.clone())
        .ok_or_else(|| vm.type_error("float"))?;
    f(vm, &Args::new(vec![a.pos[0].clone()]))
}
fn n_int(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__int__", 0, 0)?;
    let f = crate::builtins::builtin_constructor(vm, &vm.t.int.clone())
        .ok_or_else(|| vm.type_error("int"))?;
    f(vm, &Args::new(vec![a.pos[0].clone()]))
}
fn i_bit_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "bit_count", 0, 0)?;
    let b = crate::ops::as_bigint(&a.pos[0]).unwrap_or_default();
    let n: u64 = b.iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(vm.new_int(n as i64))
}
fn i_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "as_integer_ratio", 0, 0)?;
    let n = if a.pos[0].is_bool() {
        Value::small_int(a.pos[0].is_true_const() as i64)
    } else {
        a.pos[0].clone()
    };
    Ok(vm.new_tuple(vec![n, Value::small_int(1)]))
}
// ---------------------------------------------------------------- types.UnionType

/// How a type appears inside `int | None` or `list[int]` (typing's _type_repr).
fn type_repr(vm: &mut Vm, m: &Value) -> PyResult<String> {
    if let Some(t) = crate::types::type_obj(m) {
        let q = t.qualname.borrow().to_string();
        let module = vm.class_module(t);
        return Ok(if &*module == "builtins" {
            q
        } else {
            format!("{module}.{q}")
        });
    }
    if m.is(&Value::ELLIPSIS) {
        return Ok("...".to_string());
    }
    vm.repr(m)
}
fn union_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = crate::ops::union_args(vm, &a.pos[0]).unwrap_or_default();
    let mut parts = Vec::new();
    for m in args.iter() {
        if m.is(&vm.t.none_type) {
            parts.push("None".to_string());
        } else {
            parts.push(type_repr(vm, m)?);
        }
    }
    Ok(vm.new_string(parts.join(" | ")))
}
fn alias_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((origin, args)) = crate::ops::generic_alias_parts(vm, &a.pos[0]) else {
        return Ok(vm.new_str("GenericAlias"));
    };
    let mut out = type_repr(vm, &origin)?;
    out.push('[');
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, m) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(ObjData::Tuple(t)) = m.data() {
            if t.is_empty() {
                out.push_str("()");
                continue;
            }
        }
        out.push_str(&type_repr(vm, m)?);
    }
    out.push(']');
    Ok(vm.new_string(out))
}
fn alias_call(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((origin, _)) = crate::ops::generic_alias_parts(vm, &a.pos[0]) else {
        return Err(vm.type_error("not a generic alias"));
    };
    vm.call_kw(&origin, a.pos[1..].to_vec(), a.kw.clone())
}
fn alias_mro_entries(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some((origin, _)) = crate::ops::generic_alias_parts(vm, &a.pos[0]) else {
        return Err(vm.type_error("not a generic alias"));
    };
    Ok(vm.new_tuple(vec![origin]))
}
fn alias_or(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__or__", 1, 1)?;
    Ok(crate::ops::make_union(vm, &a.pos[0], &a.pos[1]).unwrap_or(Value::NOT_IMPLEMENTED))
}
fn alias_ror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__ror__", 1, 1)?;
    Ok(crate::ops::make_union(vm, &a.pos[1], &a.pos[0]).unwrap_or(Value::NOT_IMPLEMENTED))
}
/// `types.GenericAlias(origin, args)`: the alias `origin[args]`.
pub fn c_generic_alias(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("GenericAlias expected 2 arguments, got {n}")));
    }
    Ok(crate::ops::make_generic_alias(vm, &a.pos[0], &a.pos[1]))
}
/// A type variable of `typing` (what CPython finds by `__typing_subst__`).
fn is_type_var(vm: &mut Vm, v: &Value) -> bool {
    if crate::types::type_obj(v).is_some() {
        return false;
    }
    let t = vm.type_of(v);
    crate::types::type_obj(&t).is_some_and(|to| {
        matches!(
            &**to.name.borrow(),
            "TypeVar" | "ParamSpec" | "TypeVarTuple"
        ) && &*vm.class_module(to) == "typing"
    })
}
/// `__parameters__`: the type variables among the arguments, in order, each once
/// (CPython's `_Py_make_parameters`).
fn alias_parameters(vm: &mut Vm, args: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let key = vm.intern("__parameters__");
    for arg in args {
        if crate::types::type_obj(arg).is_some() {
            continue;
        }
        let found = if is_type_var(vm, arg) {
            vec![arg.clone()]
        } else {
            match vm.getattr(arg, &key) {
                Ok(p) => match p.data() {
                    Some(ObjData::Tuple(t)) => t.to_vec(),
                    _ => Vec::new(),
                },
                Err(_) => Vec::new(),
            }
        };
        for p in found {
            if !out.iter().any(|q| q.is(&p)) {
                out.push(p);
            }
        }
    }
    out
}
/// Attributes the alias does not have are the origin's (`list[int].append`), as
/// CPython's `ga_getattro`; `__parameters__` is computed when asked for.
fn alias_getattr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__getattr__", 1, 1)?;
    let Some((origin, args)) = crate::ops::generic_alias_parts(vm, &a.pos[0]) else {
        return Err(vm.type_error("not a generic alias"));
    };
    let name = match a.pos[1].data() {
        Some(ObjData::Str(s)) => s.s.to_string(),
        _ => return Err(vm.type_error("attribute name must be string")),
    };
    if name == "__parameters__" {
        let ps = alias_parameters(vm, &args);
        return Ok(vm.new_tuple(ps));
    }
    const OWN: &[&str] = &[
        "__class__",
        "__origin__",
        "__args__",
        "__unpacked__",
        "__mro_entries__",
        "__reduce_ex__",
        "__reduce__",
        "__copy__",
        "__deepcopy__",
    ];
    if OWN.contains(&name.as_str()) {
        return Err(vm.attribute_error(&format!(
            "'types.GenericAlias' object has no attribute '{name}'"
        )));
    }
    vm.getattr(&origin, &a.pos[1])
}
/// `list[T][int]`: the arguments with the type variables substituted
/// (CPython's `_Py_subs_parameters`, without TypeVarTuple unpacking).
fn alias_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__getitem__", 1, 1)?;
    let Some((origin, args)) = crate::ops::generic_alias_parts(vm, &a.pos[0]) else {
        return Err(vm.type_error("not a generic alias"));
    };
    let params = alias_parameters(vm, &args);
    if params.is_empty() {
        let r = vm.repr(&a.pos[0])?;
        return Err(vm.type_error(&format!("{r} is not a generic class")));
    }
    let items = match a.pos[1].data() {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vec![a.pos[1].clone()],
    };
    if items.len() != params.len() {
        let r = vm.repr(&a.pos[0])?;
        let how = if items.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(vm.type_error(&format!(
            "Too {how} arguments for {r}; actual {}, expected {}",
            items.len(),
            params.len()
        )));
    }
    let key = vm.intern("__parameters__");
    let mut out = Vec::with_capacity(args.len());
    for arg in &args {
        if let Some(i) = params.iter().position(|p| p.is(arg)) {
            out.push(items[i].clone());
            continue;
        }
        let sub = if crate::types::type_obj(arg).is_some() {
            Vec::new()
        } else {
            match vm.getattr(arg, &key) {
                Ok(p) => match p.data() {
                    Some(ObjData::Tuple(t)) => t.to_vec(),
                    _ => Vec::new(),
                },
                Err(_) => Vec::new(),
            }
        };
        if sub.is_empty() {
            out.push(arg.clone());
            continue;
        }
        let mut subargs = Vec::with_capacity(sub.len());
        for p in &sub {
            match params.iter().position(|q| q.is(p)) {
                Some(i) => subargs.push(items[i].clone()),
                None => subargs.push(p.clone()),
            }
        }
        let key = if subargs.len() == 1 {
            subargs.pop().unwrap_or(Value::NONE)
        } else {
            vm.new_tuple(subargs)
        };
        out.push(vm.getitem(arg, &key)?);
    }
    let t = vm.new_tuple(out);
    Ok(crate::ops::make_generic_alias(vm, &origin, &t))
}
fn alias_instancecheck(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}
fn alias_subclasscheck(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}
const ALIAS_METHODS: &[M] = &[
    ("__getattr__", alias_getattr),
    ("__getitem__", alias_getitem),
    ("__instancecheck__", alias_instancecheck),
    ("__subclasscheck__", alias_subclasscheck),
    ("__repr__", alias_repr),
    ("__call__", alias_call),
    ("__mro_entries__", alias_mro_entries),
    ("__or__", alias_or),
    ("__ror__", alias_ror),
];
// `X | Y` of a union is made as for an alias.
const UNION_METHODS: &[M] = &[
    ("__repr__", union_repr),
    ("__or__", alias_or),
    ("__ror__", alias_ror),
];

/// `int.__format__`/`float.__format__` (the receiver is already the plain number).
fn n_format(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "__format__", 1, 1)?;
    let spec = match a.pos[1].data() {
        Some(ObjData::Str(s)) => s.s.to_string(),
        _ => {
            let tn = vm.type_name(&a.pos[1]);
            return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
        }
    };
    let s = format(vm, &a.pos[0], &spec)?;
    Ok(vm.new_string(s))
}
const INT_METHODS: &[M] = &[
    ("bit_length", i_bit_length),
    ("__format__", n_format),
    ("bit_count", i_bit_count),
    ("as_integer_ratio", i_as_integer_ratio),
    ("conjugate", i_conjugate),
    ("__index__", i_index),
    ("__int__", n_int),
    ("__float__", n_float),
];

fn f_is_integer(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(f) = a.pos[0].as_float() else {
        return Err(vm.type_error("not a float"));
    };
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}
fn f_as_integer_ratio(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(f) = a.pos[0].as_float() else {
        return Err(vm.type_error("not a float"));
    };
    if !f.is_finite() {
        return Err(if f.is_nan() {
            vm.value_error("cannot convert NaN to integer ratio")
        } else {
            vm.overflow_error("cannot convert Infinity to integer ratio")
        });
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    } as i64;
    let mut num = num_bigint::BigInt::from(mant);
    let e = exp - 1075;
    let mut den = num_bigint::BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if f < 0.0 {
        num = -num;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    let n = vm.new_bigint(&num / &g);
    let d = vm.new_bigint(&den / &g);
    Ok(vm.new_tuple(vec![n, d]))
}
/// `float.hex()`: always 13 hex digits after the point, as CPython prints them.
fn f_hex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "hex", 0, 0)?;
    let Some(f) = a.pos[0].as_float() else {
        return Err(vm.type_error("not a float"));
    };
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f < 0.0 { "-inf" } else { "inf" }.to_string()
    } else {
        let sign = if f.is_sign_negative() { "-" } else { "" };
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1u64 << 52) - 1);
        if exp == 0 && mant == 0 {
            format!("{sign}0x0.0p+0")
        } else if exp == 0 {
            format!("{sign}0x0.{mant:013x}p-1022")
        } else {
            format!("{sign}0x1.{mant:013x}p{:+}", exp - 1023)
        }
    };
    Ok(vm.new_str(&s))
}

/// `x * 2**k` for an `x` exactly representable after scaling (no double rounding).
fn ldexp_exact(mut x: f64, mut k: i64) -> f64 {
    while k < -1022 {
        x *= f64::from_bits(1u64 << 52); // 2**-1022
        k += 1022;
    }
    while k > 1023 {
        x *= f64::from_bits(0x7feu64 << 52); // 2**1023
        k -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    x * f64::from_bits(((k + 1023) as u64) << 52)
}

/// `float.fromhex(s)`, correctly rounded (half to even).
fn f_fromhex(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "fromhex", 1, 1)?;
    let s = match a.pos[1].data() {
        Some(ObjData::Str(s)) => s.s.to_string(),
        _ => return Err(vm.type_error("bad argument type for built-in operation")),
    };
    let invalid = |vm: &mut Vm| vm.value_error("invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" || lower == "nan" {
        let v = if lower == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Ok(Value::float(if neg { -v } else { v }));
    }
    let b = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exp_part) = match b.find('p') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let (int_part, frac_part) = match digits.find('.') {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    if int_part.is_empty() && frac_part.is_empty()
        || !int_part
            .chars()
            .chain(frac_part.chars())
            .all(|c| c.is_ascii_hexdigit())
    {
        return Err(invalid(vm));
    }
    let mut exp: i64 = 0;
    if let Some(e) = exp_part {
        let ed = e.strip_prefix(['+', '-']).unwrap_or(e);
        if ed.is_empty() || !ed.chars().all(|c| c.is_ascii_digit()) {
            return Err(invalid(vm));
        }
        // Huge exponents saturate: the result is 0 or an overflow either way.
        let mag: i64 = ed.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        exp = if e.starts_with('-') { -mag } else { mag };
    }
    let all: String = int_part.chars().chain(frac_part.chars()).collect();
    let mant = num_bigint::BigInt::parse_bytes(all.as_bytes(), 16).unwrap_or_default();
    exp -= 4 * frac_part.len() as i64;
    let r = if mant.bits() == 0 {
        0.0
    } else {
        let nbits = mant.bits() as i64;
        let e_top = nbits + exp - 1;
        if e_top > 1023 {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
        }
        let prec = 53 - (-1022 - e_top).max(0);
        let shift = nbits - prec;
        let rounded: u64 = if shift > nbits {
            // Less than half of the smallest subnormal.
            0
        } else if shift <= 0 {
            use num_traits::ToPrimitive;
            (&mant << (-shift) as usize).to_u64().unwrap_or(0)
        } else {
            use num_traits::ToPrimitive;
            let sh = shift as u64;
            let q = (&mant >> sh).to_u64().unwrap_or(0);
            let rem = &mant - (num_bigint::BigInt::from(q) << sh);
            let half = num_bigint::BigInt::from(1) << (sh - 1);
            if rem > half || (rem == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        };
        let v = ldexp_exact(rounded as f64, exp + shift);
        if v.is_infinite() {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
        }
        v
    };
    Ok(Value::float(if neg { -r } else { r }))
}
const FLOAT_METHODS: &[M] = &[
    ("hex", f_hex),
    ("conjugate", i_conjugate),
    ("__format__", n_format),
    ("__int__", n_int),
    ("__float__", n_float),
    ("is_integer", f_is_integer),
    ("as_integer_ratio", f_as_integer_ratio),
];

fn g_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = recv(vm, a)?.clone();
    match vm.next(&g)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}
fn g_send(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "send", 1, 1)?;
    match vm.gen_resume(&a.pos[0], a.pos[1].clone())? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}
fn g_iter(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(a.pos[0].clone())
}
fn g_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let g = recv(vm, a)?.clone();
    if !matches!(g.data(), Some(ObjData::Gen(_))) {
        return Ok(Value::NONE);
    }
    let ge = vm.exc_type("GeneratorExit");
    let e = vm.new_exc(&ge, vec![]);
    match vm.gen_throw(&g, e) {
        Ok(Ok(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(Err(_)) => Ok(Value::NONE),
        Err(e) => {
            if vm.isinstance(&e, &ge) || vm.isinstance(&e, &vm.t.exc["StopIteration"].clone()) {
                Ok(Value::NONE)
            } else {
                Err(e)
            }
        }
    }
}
fn g_throw(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    }
    let g = a.pos[0].clone();
    let mut e = a.pos[1].clone();
    if let Some(v) = a.pos.get(2) {
        if crate::types::type_obj(&e).is_some() && !v.is_none() {
            e = vm.call(&e, vec![v.clone()])?;
        }
    }
    match vm.gen_throw(&g, e)? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}
const GEN_METHODS: &[M] = &[
    ("__next__", g_next),
    ("send", g_send),
    ("__iter__", g_iter),
    ("close", g_close),
    ("throw", g_throw),
];
const ITER_METHODS: &[M] = &[("__next__", g_next), ("__iter__", g_iter)];

fn p_setter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "setter", 1, 1)?;
    let Some(ObjData::Property(p)) = a.pos[0].data() else {
        return Err(vm.type_error("not a property"));
    };
    Ok(Value::new_obj(ObjData::Property(Box::new([
        p[0].clone(),
        a.pos[1].clone(),
        p[2].clone(),
        p[3].clone(),
    ]))))
}
fn p_getter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "getter", 1, 1)?;
    let Some(ObjData::Property(p)) = a.pos[0].data() else {
        return Err(vm.type_error("not a property"));
    };
    Ok(Value::new_obj(ObjData::Property(Box::new([
        a.pos[1].clone(),
        p[1].clone(),
        p[2].clone(),
        p[3].clone(),
    ]))))
}
fn p_deleter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    nargs(vm, a, "deleter", 1, 1)?;
    let Some(ObjData::Property(p)) = a.pos[0].data() else {
        return Err(vm.type_error("not a property"));
    };
    Ok(Value::new_obj(ObjData::Property(Box::new([
        p[0].clone(),
        p[1].clone(),
        a.pos[1].clone(),
        p[3].clone(),
    ]))))
}
const PROPERTY_METHODS: &[M] = &[
    ("__get__", descr_get),
    ("__set__", p_set),
    ("__delete__", p_delete),
    ("setter", p_setter),
    ("getter", p_getter),
    ("deleter", p_deleter),
];

fn ty_mro(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = crate::types::type_obj(&a.pos[0])
        .map(|t| t.mro.borrow().clone())
        .unwrap_or_default();
    Ok(vm.new_list(m))
}
fn ty_subclasses(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a
        .pos
        .first()
        .filter(|c| crate::types::type_obj(c).is_some())
    else {
        return Err(vm.type_error("descriptor '__subclasses__' of 'type' object needs an argument"));
    };
    let mut subs: Vec<(u64, Value)> = crate::gc::all_classes()
        .into_iter()
        .filter_map(|c| {
            let t = crate::types::type_obj(&c)?;
            t.bases
                .iter()
                .any(|b| b.is(cls))
                .then_some((t.serial, c.clone()))
        })
        .collect();
    subs.sort_by_key(|(s, _)| *s);
    Ok(vm.new_list(subs.into_iter().map(|(_, c)| c).collect()))
}
const TYPE_METHODS: &[M] = &[("mro", ty_mro), ("__subclasses__", ty_subclasses)];
