//! The interpreter: frames, calls, the dispatch loop, generators.
//!
//! Registers of all active frames live in one `Vec<Value>` (`vm.regs`); a frame is a
//! window `base .. base + nregs`. A Python-to-Python call pushes a frame and continues
//! in the same loop, so recursion uses the heap, not the Rust stack. Native code that
//! calls back into Python (`sorted(key=…)`, `__eq__` from a dict lookup) re-enters
//! [`Vm::run`] with a *boundary* frame that returns to it.

use crate::object::{
    CodeObj, DictIterKind, FuncObj, GenObj, GenState, IterState, ObjData, ProtoObj, TbEntry,
};
use crate::{Args, PyResult, Value, Vm};
use lethe_compiler::bytecode::{Code, Const, FunctionStub, Instr, NO_REG};
use std::cell::RefCell;
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<CodeObj>,
    pub func: Value,
    pub globals: Value,
    /// Namespace dict of class bodies (UNBOUND otherwise).
    pub locals: Value,
    pub base: usize,
    pub pc: u32,
    /// Absolute register receiving the return value (usize::MAX: none).
    pub ret: usize,
    pub exc_info: Vec<Value>,
    pub gen: Value,
    /// Returning from this frame returns from `run`.
    pub boundary: bool,
    /// For `__init__` frames pushed by a class call: the new instance, which is the
    /// call's result (UNBOUND otherwise).
    pub construct: Value,
}

pub(crate) enum Exit {
    Return(Value),
    Yield(Value),
}

/// The value under the interned name `n` (its hash cached) in the dict `table`,
/// looked up without running any Python code.
/// `f` of the value of the entry for the interned name `n` in `table` (a dict).
fn name_entry<R>(table: &Value, n: &Value, f: impl FnOnce(&Value) -> R) -> Option<R> {
    let (Some(ObjData::Dict(d)), Some(ObjData::Str(s))) = (table.data(), n.data()) else {
        return None;
    };
    let d = d.borrow();
    let i = d.find_fast(n, s.hash.get()).ok().flatten()?;
    Some(f(&d.entries[i].2))
}

/// The address of the value slot of the entry for `n` in `table` (a dict), if any:
/// it stays there while the table's `keys_version` is unchanged.
pub(crate) fn name_slot(table: &Value, n: &Value) -> Option<*const Value> {
    name_entry(table, n, |v| v as *const Value)
}

pub(crate) fn name_lookup(table: &Value, n: &Value) -> Option<Value> {
    name_entry(table, n, Value::clone)
}

/// Materialise a code object's constants. `source` is where its bytecode can be
/// re-derived from (None: it cannot, and is never forgotten).
pub fn make_code_obj(vm: &mut Vm, code: Rc<Code>, source: Option<Rc<FunctionStub>>) -> Rc<CodeObj> {
    let _g = lethe_ledger::scope(lethe_ledger::Category::Scopes);
    let consts: Vec<Value> = code.consts.iter().map(|c| const_value(vm, c)).collect();
    let names: Vec<Value> = code.names.iter().map(|n| vm.intern(n)).collect();
    // The header owns copies of its strings: the bytecode (which is freed on its own)
    // must not keep pieces of it alive in another ledger category.
    let own = |s: &Rc<str>| -> Rc<str> { Rc::from(&**s) };
    let owns = |v: &[Rc<str>]| -> Vec<Rc<str>> { v.iter().map(own).collect() };
    let p = &code.params;
    let head = Rc::new(Code {
        name: own(&code.name),
        qualname: own(&code.qualname),
        filename: own(&code.filename),
        instrs: Vec::new(),
        consts: Vec::new(),
        names: owns(&code.names),
        params: lethe_compiler::bytecode::Params {
            positional: owns(&p.positional),
            posonly: p.posonly,
            kwonly: owns(&p.kwonly),
            varargs: p.varargs.as_ref().map(own),
            varkw: p.varkw.as_ref().map(own),
        },
        local_names: owns(&code.local_names),
        cell_regs: code.cell_regs.clone(),
        free_regs: code.free_regs.clone(),
        freevars: owns(&code.freevars),
        nregs: code.nregs,
        flags: code.flags,
        first_line: code.first_line,
        positions: code.positions.clone(),
        exc_table: code.exc_table.clone(),
    });
    let attr_cache =
        lethe_ledger::Counted::new(lethe_ledger::Category::Feedback, RefCell::new(None));
    let global_cache = RefCell::new(Vec::new());
    let ninstrs = code.instrs.len();
    Rc::new(CodeObj {
        code: lethe_ledger::Counted::new(lethe_ledger::Category::Scopes, head),
        bytecode: RefCell::new(Some(lethe_ledger::Counted::new(
            lethe_ledger::Category::Bytecode,
            code,
        ))),
        source,
        ninstrs,
        forgotten: std::cell::Cell::new(None),
        consts,
        names,
        attr_cache,
        global_cache,
        jit: crate::jit::JitState::new(),
        last_used: std::cell::Cell::new(crate::gc::epoch()),
    })
}

fn const_value(vm: &mut Vm, c: &Const) -> Value {
    match c {
        Const::None => Value::NONE,
        Const::True => Value::TRUE,
        Const::False => Value::FALSE,
        Const::Ellipsis => Value::ELLIPSIS,
        Const::Int(i) => vm.new_int(*i),
        Const::BigInt(b) => vm.new_bigint(b.clone()),
        Const::Float(f) => Value::float(*f),
        Const::Complex(re, im) => Value::new_obj(ObjData::Complex(*re, *im)),
        Const::Str(s) => vm.intern(s),
        Const::Bytes(b) => Value::new_obj(ObjData::Bytes(b.to_vec().into_boxed_slice())),
        Const::Tuple(items) => {
            let v: Vec<Value> = items.iter().map(|c| const_value(vm, c)).collect();
            vm.new_tuple(v)
        }
        Const::FrozenSet(items) => {
            // CPython makes it from the items, then once more from its own order
            // (the compiler's merge_consts_recursive).
            let v: Vec<Value> = items.iter().map(|c| const_value(vm, c)).collect();
            let first = crate::methods::make_set(vm, v);
            let again = first.and_then(|s| {
                let order = match s.data() {
                    Some(ObjData::Set(d)) => d.borrow_mut().set_keys(),
                    _ => Vec::new(),
                };
                crate::methods::make_set(vm, order)
            });
            match again {
                Ok(s) => crate::methods::freeze(s),
                Err(_) => Value::NONE,
            }
        }
        Const::Function(stub) => {
            crate::jit::note_source(1);
            Value::new_obj(ObjData::Proto(Box::new(ProtoObj {
                stub: Some(stub.clone()),
                code: Rc::new(RefCell::new(None)),
                flushable: std::cell::Cell::new(false),
                name: stub.name.clone(),
                qualname: stub.qualname.clone(),
            })))
        }
        Const::Code(code) => {
            let co = make_code_obj(vm, code.clone(), None);
            Value::new_obj(ObjData::Proto(Box::new(ProtoObj {
                stub: None,
                code: Rc::new(RefCell::new(Some(co))),
                flushable: std::cell::Cell::new(false),
                name: code.name.clone(),
                qualname: code.qualname.clone(),
            })))
        }
    }
}

impl Vm {
    /// The code of a function, compiling it from source on first call.
    pub fn ensure_code(&mut self, proto: &Value) -> PyResult<Rc<CodeObj>> {
        let Some(ObjData::Proto(p)) = proto.data() else {
            return Err(self.type_error("not a function"));
        };
        if let Some(c) = &*p.code.borrow() {
            return Ok(c.clone());
        }
        let Some(stub) = p.stub.clone() else {
            return Err(self.runtime_error("function has no code"));
        };
        let code = self.compile_stub(&stub)?;
        self.stats.functions_compiled += 1;
        let co = make_code_obj(self, code, Some(stub));
        *p.code.borrow_mut() = Some(co.clone());
        crate::jit::note_source(-1);
        if !p.flushable.get() {
            p.flushable.set(true);
            let _r = lethe_ledger::scope(lethe_ledger::Category::Runtime);
            self.flushable.push(Rc::downgrade(&p.code));
        }
        Ok(co)
    }

    /// A function's bytecode from its source span (deterministic: the same every time).
    pub(crate) fn compile_stub(&mut self, stub: &FunctionStub) -> PyResult<Rc<Code>> {
        lethe_compiler::compile_function(stub).map_err(|e| self.compile_error(&e))
    }

    pub fn compile_error(&mut self, e: &lethe_compiler::CompileError) -> Value {
        match e {
            lethe_compiler::CompileError::Syntax {
                path,
                line,
                col,
                text,
                msg,
                indentation,
            } => {
                let kind = if *indentation {
                    "IndentationError"
                } else {
                    "SyntaxError"
                };
                // CPython's arguments: msg, (filename, lineno, offset, text, end_lineno,
                // end_offset); the attributes follow from them.
                let cls = self.exc_type(kind);
                let info = vec![
                    self.new_str(path),
                    self.new_int(i64::from(*line)),
                    self.new_int(i64::from(*col)),
                    self.new_string(format!("{text}\n")),
                    self.new_int(i64::from(*line)),
                    self.new_int(i64::from(*col) + 1),
                ];
                let args = vec![self.new_str(msg), self.new_tuple(info)];
                let e = self.new_exc(&cls, args.clone());
                let _ = self.exc_init_extra(&e, &args, &[]);
                e
            }
            lethe_compiler::CompileError::Unsupported { what, .. } => self.unsupported(what),
        }
    }

    fn new_function(
        &mut self,
        proto: Value,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> Value {
        let (name, qualname) = match proto.data() {
            Some(ObjData::Proto(p)) => (p.name.clone(), p.qualname.clone()),
            _ => (Rc::from("?"), Rc::from("?")),
        };
        let globals = self
            .frames
            .last()
            .map(|f| f.globals.clone())
            .unwrap_or(Value::NONE);
        let module = match globals.data() {
            Some(ObjData::Dict(d)) => {
                let k = self.intern("__name__");
                self.table_get(d, &k).ok().flatten().unwrap_or(Value::NONE)
            }
            _ => Value::NONE,
        };
        let name = self.new_str(&name);
        let qualname = self.new_str(&qualname);
        Value::new_obj(ObjData::Func(Box::new(FuncObj {
            proto,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            globals,
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure,
            dict: RefCell::new(None),
            module,
            direct: std::cell::Cell::new(std::ptr::null_mut()),
        })))
    }

    /// Bind call arguments into a fresh register window for `code`.
    fn bind_args(
        &mut self,
        func: &FuncObj,
        code: &Code,
        mut args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Vec<Value>> {
        let p = &code.params;
        let npos = p.positional.len();
        let mut regs: Vec<Value> = Vec::with_capacity(code.nregs as usize);
        regs.resize_with(code.nregs as usize, || Value::UNBOUND);
        // As CPython: the function's `__qualname__`, which can be reassigned.
        let fname: Rc<str> = match func.qualname.borrow().data() {
            Some(ObjData::Str(q)) => Rc::from(&*q.s),
            _ => code.qualname.clone(),
        };
        // Too many positional arguments: reported after the keywords are bound (their
        // errors come first, and the count of keyword-only ones given is in the text).
        let mut too_many = None;
        if args.len() > npos {
            if p.varargs.is_none() {
                too_many = Some(args.len());
                args.truncate(npos);
            } else {
                let extra = args.split_off(npos);
                let vi = npos + p.kwonly.len();
                regs[vi] = self.new_tuple(extra);
            }
        } else if p.varargs.is_some() {
            let vi = npos + p.kwonly.len();
            regs[vi] = self.new_tuple(vec![]);
        }
        let nargs = args.len();
        for (i, a) in args.into_iter().enumerate() {
            regs[i] = a;
        }
        let varkw_reg = p
            .varkw
            .as_ref()
            .map(|_| npos + p.kwonly.len() + p.varargs.is_some() as usize);
        if let Some(r) = varkw_reg {
            regs[r] = self.new_dict();
        }
        let mut kw = kw.into_iter();
        while let Some((name, v)) = kw.next() {
            let pos_idx = p.positional.iter().position(|n| **n == *name);
            let idx = match pos_idx {
                Some(i) if i >= p.posonly as usize => Some(i),
                Some(_) => None,
                None => p.kwonly.iter().position(|n| **n == *name).map(|i| npos + i),
            };
            match idx {
                Some(i) => {
                    if !regs[i].is_unbound() {
                        return Err(self.type_error(&format!(
                            "{fname}() got multiple values for argument '{name}'"
                        )));
                    }
                    regs[i] = v;
                }
                None => match varkw_reg {
                    Some(r) => {
                        let k = self.new_str(&name);
                        if let Some(ObjData::Dict(d)) = regs[r].data() {
                            d.borrow_mut().insert_new(self.hash(&k)?, k, v);
                        }
                    }
                    None => {
                        if pos_idx.is_some() {
                            // CPython names every positional-only parameter passed by
                            // keyword, in parameter order.
                            let rest: Vec<Rc<str>> = kw.map(|(n, _)| n).collect();
                            let names: Vec<&str> = p.positional[..p.posonly as usize]
                                .iter()
                                .filter(|n| ***n == *name || rest.iter().any(|r| **r == ***n))
                                .map(|n| &**n)
                                .collect();
                            let names = names.join(", ");
                            return Err(self.type_error(&format!("{fname}() got some positional-only arguments passed as keyword arguments: '{names}'")));
                        }
                        return Err(self.type_error(&format!(
                            "{fname}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                },
            }
        }
        if let Some(given) = too_many {
            let ndef = tuple_len(&func.defaults.borrow());
            let takes = if ndef > 0 {
                format!("from {} to {} positional arguments", npos - ndef, npos)
            } else {
                format!(
                    "{} positional argument{}",
                    npos,
                    if npos == 1 { "" } else { "s" }
                )
            };
            let kwonly_given = (0..p.kwonly.len())
                .filter(|i| !regs[npos + i].is_unbound())
                .count();
            let kwonly = if kwonly_given > 0 {
                format!(
                    " positional argument{} (and {kwonly_given} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    if kwonly_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let was = if given == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            };
            return Err(self.type_error(&format!(
                "{fname}() takes {takes} but {given}{kwonly} {was} given"
            )));
        }
        if nargs < npos {
            let defaults: Vec<Value> = match func.defaults.borrow().data() {
                Some(ObjData::Tuple(t)) => t.to_vec(),
                _ => vec![],
            };
            let first_def = npos - defaults.len();
            let mut missing = Vec::new();
            for i in nargs..npos {
                if regs[i].is_unbound() {
                    if i >= first_def {
                        regs[i] = defaults[i - first_def].clone();
                    } else {
                        missing.push(p.positional[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(&fname, "positional", &missing));
            }
        }
        let mut missing = Vec::new();
        for (i, n) in p.kwonly.iter().enumerate() {
            let r = npos + i;
            if regs[r].is_unbound() {
                let kwdefaults = func.kwdefaults.borrow().clone();
                let d = match kwdefaults.data() {
                    Some(ObjData::Dict(d)) => {
                        let k = self.new_str(n);
                        self.table_get(d, &k)?
                    }
                    _ => None,
                };
                match d {
                    Some(v) => regs[r] = v,
                    None => missing.push(n.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, "keyword-only", &missing));
        }
        for &c in &code.cell_regs {
            let v = std::mem::replace(&mut regs[c as usize], Value::UNBOUND);
            regs[c as usize] = Value::new_obj(ObjData::Cell(RefCell::new(v)));
        }
        if let Some(ObjData::Tuple(cells)) = func.closure.data() {
            for (i, &r) in code.free_regs.iter().enumerate() {
                if let Some(c) = cells.get(i) {
                    regs[r as usize] = c.clone();
                }
            }
        }
        Ok(regs)
    }

    fn missing_args(&mut self, fname: &str, kind: &str, missing: &[Rc<str>]) -> Value {
        let n = missing.len();
        let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match n {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
        };
        let s = if n == 1 { "" } else { "s" };
        self.type_error(&format!(
            "{fname}() missing {n} required {kind} argument{s}: {list}"
        ))
    }

    /// Push a frame for a Python function call. Returns false (and a value) when the
    /// call completed immediately (generator creation).
    fn push_call(
        &mut self,
        func: &Value,
        args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
        ret: usize,
        boundary: bool,
    ) -> PyResult<Option<Value>> {
        let Some(ObjData::Func(f)) = func.data() else {
            return Err(self.type_error("not a function"));
        };
        let co = self.ensure_code(&f.proto)?;
        let regs = self.bind_args(f, &co.code, args, kw)?;
        if co.code.flags.generator {
            let g = GenObj {
                code: co.clone(),
                func: func.clone(),
                regs,
                pc: 0,
                exc_info: Vec::new(),
                state: GenState::Created,
                resume_reg: NO_REG,
                name: co.code.name.clone(),
                qualname: co.code.qualname.clone(),
            };
            return Ok(Some(Value::new_obj(ObjData::Gen(Box::new(RefCell::new(
                g,
            ))))));
        }
        if self.frames.len() >= self.opts.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let base = self.regs.len();
        self.regs.extend(regs);
        self.push_frame(Frame {
            code: co,
            func: func.clone(),
            globals: f.globals.clone(),
            locals: Value::UNBOUND,
            base,
            pc: 0,
            ret,
            exc_info: Vec::new(),
            gen: Value::UNBOUND,
            boundary,
            construct: Value::UNBOUND,
        });
        Ok(None)
    }

    /// Call any callable from Rust.
    pub fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_kw(f, args, Vec::new())
    }

    pub fn call_kw(
        &mut self,
        f: &Value,
        mut args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match f.data() {
            Some(ObjData::Func(_)) => {
                if let Some(g) = self.push_call(f, args, kw, usize::MAX, true)? {
                    return Ok(g);
                }
                match self.run()? {
                    Exit::Return(v) => Ok(v),
                    Exit::Yield(_) => Err(self.runtime_error("yield outside generator")),
                }
            }
            Some(ObjData::BoundMethod(b)) => {
                let (func, slf) = (b.0.clone(), b.1.clone());
                args.insert(0, slf);
                self.call_kw(&func, args, kw)
            }
            Some(ObjData::Builtin(b)) => {
                if let Some(s) = &b.slf {
                    args.insert(0, s.clone());
                } else if args.is_empty() {
                    if let Some(msg) = b.missing_receiver() {
                        return Err(self.type_error(&msg));
                    }
                }
                crate::types::unwrap_receiver(b, &mut args);
                let mut kw = kw;
                if !kw.is_empty() {
                    let method = b.owner != "builtins";
                    crate::kwcheck::check(self, b.owner, b.name, &mut args, &mut kw, method)?;
                }
                let fp = b.f;
                let a = Args { pos: args, kw };
                let r = fp(self, &a);
                self.recycle_args(a.pos);
                r
            }
            Some(ObjData::Type(_)) => self.call_type(f, args, kw),
            Some(ObjData::Instance(_)) => {
                let Some(c) = self.lookup_special(f, "__call__") else {
                    let tn = self.type_name(f);
                    return Err(self.type_error(&format!("'{tn}' object is not callable")));
                };
                // (A built-in function takes the receiver too: the library's
                // `__call__ = _lethe.weakref_get` relies on it.)
                if matches!(c.data(), Some(ObjData::Func(_) | ObjData::Builtin(_))) {
                    args.insert(0, f.clone());
                    return self.call_kw(&c, args, kw);
                }
                // Any other `__call__` binds as an attribute does (a staticmethod
                // takes no receiver, a classmethod the class, a class none).
                let cls = self.type_of(f);
                let bound = self.bind(c, f, &cls)?;
                self.call_kw(&bound, args, kw)
            }
            Some(ObjData::StaticMethod(inner)) => {
                let inner = inner.clone();
                self.call_kw(&inner, args, kw)
            }
            _ => {
                let tn = self.type_name(f);
                Err(self.type_error(&format!("'{tn}' object is not callable")))
            }
        }
    }

    /// Instantiate a class (through its metaclass's `__call__` when it has one).
    fn call_type(
        &mut self,
        cls: &Value,
        args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        if let Some(f) = self.meta_method(cls, "__call__") {
            if !matches!(f.data(), Some(ObjData::Func(_))) {
                let meta = self.type_of(cls);
                let bound = self.bind(f, cls, &meta)?;
                return self.call_kw(&bound, args, kw);
            }
            let mut a = vec![cls.clone()];
            a.extend(args);
            return self.call_kw(&f, a, kw);
        }
        self.call_type_plain(cls, args, kw)
    }

    /// A built-in type whose values are not instances and that has no constructor
    /// of its own (CPython's `tp_new` is NULL): the singletons' types give their
    /// singleton, zip/map/filter/enumerate/reversed are their built-in functions,
    /// any other says it cannot be created. None: not such a type.
    fn call_native_type(
        &mut self,
        cls: &Value,
        new_name: &Value,
        args: &[Value],
        kw: &[(Rc<str>, Value)],
    ) -> Option<PyResult<Value>> {
        let t = crate::types::type_obj(cls)?;
        if !t.builtin || t.layout != crate::object::Layout::Native {
            return None;
        }
        let object = self.t.object.clone();
        let own_new = self.lookup_mro(cls, new_name)?;
        if self
            .lookup_mro(&object, new_name)
            .is_none_or(|o| !o.is(&own_new))
        {
            return None;
        }
        let name = t.name.borrow().clone();
        let single = match &*name {
            "NoneType" => Some(Value::NONE),
            "NotImplementedType" => Some(Value::NOT_IMPLEMENTED),
            "ellipsis" => Some(Value::ELLIPSIS),
            _ => None,
        };
        if let Some(v) = single {
            if !args.is_empty() || !kw.is_empty() {
                return Some(Err(self.type_error(&format!("{name} takes no arguments"))));
            }
            return Some(Ok(v));
        }
        if matches!(&*name, "zip" | "map" | "filter" | "enumerate" | "reversed") {
            let key = self.intern(&name);
            let b = self.builtins.clone();
            let f = match b.data() {
                Some(ObjData::Module(m)) => match m.dict.data() {
                    Some(ObjData::Dict(d)) => self.table_get(d, &key).ok().flatten(),
                    _ => None,
                },
                Some(ObjData::Dict(d)) => self.table_get(d, &key).ok().flatten(),
                _ => None,
            }?;
            return Some(self.call_kw(&f, args.to_vec(), kw.to_vec()));
        }
        Some(Err(
            self.type_error(&format!("cannot create '{name}' instances"))
        ))
    }

    /// `type.__call__`: `__new__`, then `__init__` when `__new__` returned an
    /// instance of the class.
    pub(crate) fn call_type_plain(
        &mut self,
        cls: &Value,
        args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        if let Some(ctor) = crate::builtins::builtin_constructor(self, cls) {
            let (mut args, mut kw) = (args, kw);
            if !kw.is_empty() {
                let name = crate::types::type_obj(cls)
                    .map(|t| t.name.borrow().clone())
                    .unwrap_or_else(|| Rc::from("object"));
                crate::kwcheck::check(self, "builtins", &name, &mut args, &mut kw, false)?;
            }
            return ctor(self, &Args { pos: args, kw });
        }
        let new_name = self.intern("__new__");
        if let Some(r) = self.call_native_type(cls, &new_name, &args, &kw) {
            return r;
        }
        let obj = match self.lookup_mro(cls, &new_name) {
            Some(n)
                if matches!(
                    n.data(),
                    Some(ObjData::Func(_)) | Some(ObjData::StaticMethod(_))
                ) =>
            {
                let f = match n.data() {
                    Some(ObjData::StaticMethod(i)) => i.clone(),
                    _ => n.clone(),
                };
                let mut a = vec![cls.clone()];
                a.extend(args.iter().cloned());
                let o = self.call_kw(&f, a, kw.clone())?;
                let is_builtin_new = matches!(f.data(), Some(ObjData::Builtin(_)));
                if is_builtin_new && matches!(o.data(), Some(ObjData::Type(_))) {
                    // type.__new__ made a class: its metaclass's __init__ runs.
                    let init_name = self.intern("__init__");
                    if let Some(init) = self.lookup_mro(cls, &init_name) {
                        if matches!(init.data(), Some(ObjData::Func(_))) {
                            let mut a = vec![o.clone()];
                            a.extend(args);
                            self.call_kw(&init, a, kw)?;
                        }
                    }
                    return Ok(o);
                }
                if !self.isinstance(&o, cls) {
                    return Ok(o);
                }
                o
            }
            _ => {
                self.check_abstract(cls)?;
                let sub = self.os_error_subclass(cls, &args);
                let o = self.new_instance_args(sub.as_ref().unwrap_or(cls), &args, &kw)?;
                // BaseException.__new__ stores the arguments, whatever __init__ does.
                if crate::exc::exc_data(&o).is_some() {
                    self.set_exc_args(&o, args.clone());
                }
                o
            }
        };
        let init_name = self.intern("__init__");
        match self.lookup_mro(cls, &init_name) {
            Some(init) if matches!(init.data(), Some(ObjData::Func(_))) => {
                let mut a = vec![obj.clone()];
                a.extend(args);
                let r = self.call_kw(&init, a, kw)?;
                if !r.is_none() {
                    let tn = self.type_name(&r);
                    return Err(
                        self.type_error(&format!("__init__() should return None, not '{tn}'"))
                    );
                }
            }
            Some(init) if crate::types::is_mutable_init(&init) => {
                let mut a = vec![obj.clone()];
                a.extend(args);
                self.call_kw(&init, a, kw)?;
            }
            _ => {
                // object.__init__ / BaseException.__init__
                if crate::exc::exc_data(&obj).is_some() {
                    self.exc_init_extra(&obj, &args, &kw)?;
                    self.set_exc_args(&obj, args);
                } else if !args.is_empty() || !kw.is_empty() {
                    // Only object.__new__ with object.__init__ rejects arguments.
                    let object = self.t.object.clone();
                    let object_new = self.lookup_mro(&object, &new_name);
                    let builtin_base = crate::types::type_obj(cls).is_some_and(|t| {
                        t.mro.borrow().iter().any(|c| {
                            !c.is(&object) && crate::types::type_obj(c).is_some_and(|ct| ct.builtin)
                        })
                    });
                    let has_new = builtin_base
                        || match (self.lookup_mro(cls, &new_name), object_new) {
                            (Some(n), Some(o)) => !n.is(&o),
                            (n, _) => n.is_some(),
                        };
                    if !has_new {
                        let tn = crate::types::type_obj(cls)
                            .map(|t| t.name.borrow().clone())
                            .unwrap_or_else(|| Rc::from("object"));
                        return Err(self.type_error(&format!("{tn}() takes no arguments")));
                    }
                }
            }
        }
        Ok(obj)
    }

    /// Run a module or class body (code with a namespace) to completion.
    pub fn run_code(
        &mut self,
        co: Rc<CodeObj>,
        globals: Value,
        locals: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let base = self.regs.len();
        let n = co.code.nregs as usize;
        self.regs.resize_with(base + n, || Value::UNBOUND);
        for &c in &co.code.cell_regs {
            self.regs[base + c as usize] =
                Value::new_obj(ObjData::Cell(RefCell::new(Value::UNBOUND)));
        }
        if let Some(ObjData::Tuple(cells)) = closure.data() {
            for (i, &r) in co.code.free_regs.iter().enumerate() {
                if let Some(c) = cells.get(i) {
                    self.regs[base + r as usize] = c.clone();
                }
            }
        }
        if self.frames.len() >= self.opts.recursion_limit + 50 {
            self.regs.truncate(base);
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.push_frame(Frame {
            code: co,
            func: Value::UNBOUND,
            globals,
            locals,
            base,
            pc: 0,
            ret: usize::MAX,
            exc_info: Vec::new(),
            gen: Value::UNBOUND,
            boundary: true,
            construct: Value::UNBOUND,
        });
        match self.run()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.runtime_error("yield outside function")),
        }
    }

    // ---- generators ----

    /// Resume a generator: Ok(Some(v)) yielded, Ok(None) finished (return value in
    /// `self.gen_return`).
    pub fn gen_resume(&mut self, gen: &Value, sent: Value) -> PyResult<Result<Value, Value>> {
        let Some(ObjData::Gen(g)) = gen.data() else {
            return Err(self.type_error("not a generator"));
        };
        let (code, regs, pc, exc_info, func, resume_reg) = {
            let mut gb = g.borrow_mut();
            match gb.state {
                GenState::Finished => return Ok(Err(Value::NONE)),
                GenState::Running => {
                    drop(gb);
                    return Err(self.value_error("generator already executing"));
                }
                GenState::Created => {
                    if !sent.is_none() {
                        drop(gb);
                        return Err(self
                            .type_error("can't send non-None value to a just-started generator"));
                    }
                }
                GenState::Suspended => {}
            }
            gb.state = GenState::Running;
            (
                gb.code.clone(),
                std::mem::take(&mut gb.regs),
                gb.pc,
                std::mem::take(&mut gb.exc_info),
                gb.func.clone(),
                gb.resume_reg,
            )
        };
        if self.frames.len() >= self.opts.recursion_limit {
            if let Some(ObjData::Gen(g)) = gen.data() {
                let mut gb = g.borrow_mut();
                gb.regs = regs;
                gb.state = GenState::Suspended;
            }
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let base = self.push_gen_frame(gen, code, regs, pc, exc_info, func);
        if resume_reg != NO_REG {
            self.regs[base + resume_reg as usize] = sent;
        }
        let r = self.run();
        self.gen_finish(gen, r)
    }

    /// Push the boundary frame of a resumed generator; returns its register base.
    fn push_gen_frame(
        &mut self,
        gen: &Value,
        code: Rc<CodeObj>,
        mut regs: Vec<Value>,
        pc: u32,
        exc_info: Vec<Value>,
        func: Value,
    ) -> usize {
        let base = self.regs.len();
        self.regs.append(&mut regs);
        // The emptied vector goes back to the generator for its next suspension.
        if let Some(ObjData::Gen(g)) = gen.data() {
            if let Ok(mut gb) = g.try_borrow_mut() {
                gb.regs = regs;
            }
        }
        let globals = match func.data() {
            Some(ObjData::Func(f)) => f.globals.clone(),
            _ => Value::NONE,
        };
        self.push_frame(Frame {
            code,
            func,
            globals,
            locals: Value::UNBOUND,
            base,
            pc,
            ret: usize::MAX,
            exc_info,
            gen: gen.clone(),
            boundary: true,
            construct: Value::UNBOUND,
        });
        base
    }

    /// Record how a resumed generator stopped: suspended at a yield, finished by a
    /// return, or finished by an exception (a StopIteration escaping the body becomes a
    /// RuntimeError, PEP 479).
    fn gen_finish(&mut self, gen: &Value, r: PyResult<Exit>) -> PyResult<Result<Value, Value>> {
        let Some(ObjData::Gen(g)) = gen.data() else {
            return Err(self.type_error("not a generator"));
        };
        if let Ok(Exit::Yield(v)) = r {
            g.borrow_mut().state = GenState::Suspended;
            return Ok(Ok(v));
        }
        let regs = {
            let mut gb = g.borrow_mut();
            gb.state = GenState::Finished;
            std::mem::take(&mut gb.regs)
        };
        drop(regs);
        match r {
            Ok(Exit::Return(v)) => Ok(Err(v)),
            Ok(Exit::Yield(_)) => Ok(Err(Value::NONE)),
            Err(e) => {
                if self.isinstance(&e, &self.t.exc["StopIteration"].clone()) {
                    let r = self.runtime_error("generator raised StopIteration");
                    if let Some(d) = crate::exc::exc_data(&r) {
                        let mut d = d.borrow_mut();
                        d.cause = e.clone();
                        d.context = e;
                        d.suppress_context = true;
                    }
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// Close generators that were dropped while suspended inside a `try` (their
    /// `finally` blocks run now, at a safe point), run `__del__` and the callbacks of
    /// cleared weak references. Errors are reported and ignored, as CPython does for
    /// finalizers.
    pub fn run_finalizers(&mut self) {
        while crate::value::finalizers_pending() {
            // (Taken before anything runs: what the calls queue sets the flag again.)
            let queued = crate::value::take_finalizers();
            for (cb, wr) in crate::weak::take_callbacks() {
                if let Err(e) = self.call(&cb, vec![wr]) {
                    self.flush();
                    let what = self.repr(&cb).unwrap_or_default();
                    let text = self.format_exception(&e);
                    eprint!("Exception ignored in: {what}\n{text}");
                }
            }
            for g in queued {
                if let Some(ObjData::Instance(inst)) = g.data() {
                    inst.set_finalized();
                    if let Some(d) = self.lookup_special(&g, "__del__") {
                        if let Err(e) = self.call(&d, vec![g.clone()]) {
                            self.flush();
                            let q = crate::types::type_obj(&inst.class)
                                .map(|t| t.qualname.borrow().clone())
                                .unwrap_or_default();
                            let text = self.format_exception(&e);
                            eprint!("Exception ignored in: <function {q}.__del__>\n{text}");
                        }
                    }
                    continue;
                }
                let ge = self.exc_type("GeneratorExit");
                let e = self.new_exc(&ge, vec![]);
                let r = self.gen_throw(&g, e);
                let failed = match r {
                    Ok(Ok(_)) => Some(self.runtime_error("generator ignored GeneratorExit")),
                    Ok(Err(_)) => None,
                    Err(e) if self.isinstance(&e, &ge) => None,
                    Err(e) => Some(e),
                };
                if let Some(e) = failed {
                    self.flush();
                    let what = self.repr(&g).unwrap_or_default();
                    let text = self.format_exception(&e);
                    eprint!("Exception ignored in: {what}\n{text}");
                }
            }
        }
    }

    /// `gen.throw(exc)`: raise `exc` at the generator's suspension point.
    pub fn gen_throw(&mut self, gen: &Value, exc: Value) -> PyResult<Result<Value, Value>> {
        let exc = self.make_raisable(exc, None)?;
        let Some(ObjData::Gen(g)) = gen.data() else {
            return Err(self.type_error("not a generator"));
        };
        let state = g.borrow().state;
        match state {
            GenState::Created | GenState::Finished => {
                let mut gb = g.borrow_mut();
                gb.state = GenState::Finished;
                gb.regs = Vec::new();
                return Err(exc);
            }
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Suspended => {}
        }
        let (code, mut regs, mut pc, exc_info, func) = {
            let mut gb = g.borrow_mut();
            gb.state = GenState::Running;
            (
                gb.code.clone(),
                std::mem::take(&mut gb.regs),
                gb.pc,
                std::mem::take(&mut gb.exc_info),
                gb.func.clone(),
            )
        };
        // Suspended in `yield from`: the exception goes to the sub-generator first.
        let mut pending = Some(exc);
        let instrs = self.bytecode(&code)?;
        if let Some(Instr::YieldFrom { dst, src }) = instrs.instrs.get(pc as usize).copied() {
            let sub = regs[src as usize].clone();
            if matches!(sub.data(), Some(ObjData::Gen(_))) {
                let e = pending.take().unwrap_or(Value::NONE);
                match self.gen_throw(&sub, e) {
                    Ok(Ok(v)) => {
                        let mut gb = g.borrow_mut();
                        gb.regs = regs;
                        gb.state = GenState::Suspended;
                        return Ok(Ok(v));
                    }
                    Ok(Err(r)) => regs[dst as usize] = r,
                    Err(e) => pending = Some(e),
                }
            }
            pc += 1;
        }
        self.push_gen_frame(gen, code, regs, pc, exc_info, func);
        self.native_depth += 1;
        let r = match pending {
            Some(exc) => match self.unwind(exc, false) {
                Ok(None) => self.run_inner(),
                Ok(Some(exit)) => Ok(exit),
                Err(e) => Err(e),
            },
            None => self.run_inner(),
        };
        self.native_depth -= 1;
        self.gen_finish(gen, r)
    }

    pub fn gen_next(&mut self, gen: &Value) -> PyResult<Option<Value>> {
        match self.gen_resume(gen, Value::NONE)? {
            Ok(v) => Ok(Some(v)),
            Err(_) => Ok(None),
        }
    }

    // ---- the loop ----

    /// Run until the innermost boundary frame returns or yields.
    fn run(&mut self) -> PyResult<Exit> {
        self.native_depth += 1;
        if self.native_depth > 20_000 {
            self.native_depth -= 1;
            // Unwind the boundary frame that was just pushed.
            if let Some(f) = self.frames.pop() {
                self.regs.truncate(f.base);
            }
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let r = self.run_inner();
        self.native_depth -= 1;
        r
    }

    fn run_inner(&mut self) -> PyResult<Exit> {
        loop {
            let (code, base) = {
                let f = self.frames.last().expect("run with a frame");
                (f.code.clone(), f.base)
            };
            match self.run_frame::<false>(&code, base) {
                Ok(Some(exit)) => return Ok(exit),
                Ok(None) => continue,
                Err((e, reraise)) => {
                    if let Some(exit) = self.unwind(e, reraise)? {
                        return Ok(exit);
                    }
                }
            }
        }
    }

    /// `return v` of the interpreted top frame `fi`: as [`Vm::finish_return`], but an
    /// `__init__` that returns something other than None fails as in CPython, which
    /// checks the result in the caller once `__init__`'s frame is gone: the traceback
    /// ends at the call, and no handler of `__init__` sees the error.
    fn return_from_frame(
        &mut self,
        fi: usize,
        pc: usize,
        v: Value,
    ) -> Result<Option<Exit>, (Value, bool)> {
        let f = &self.frames[fi];
        if !f.construct.is_unbound() && !v.is_none() && !f.boundary {
            let tn = self.type_name(&v);
            let e = self.type_error(&format!("__init__() should return None, not '{tn}'"));
            drop(v);
            self.leave_frame();
            return Err((e, false));
        }
        self.finish_return(fi, pc, v)
    }

    /// Return `v` from the top frame `fi` (whose `return` is at `_pc - 1`): `__init__`
    /// frames return their instance; the value goes to the caller's register, or out
    /// of `run` from a boundary frame.
    pub(crate) fn finish_return(
        &mut self,
        fi: usize,
        _pc: usize,
        mut v: Value,
    ) -> Result<Option<Exit>, (Value, bool)> {
        if !self.frames[fi].construct.is_unbound() {
            if !v.is_none() {
                let tn = self.type_name(&v);
                let e = self.type_error(&format!("__init__() should return None, not '{tn}'"));
                // Native code returning from a native call, or a frame called from
                // native code: the frame is unwound by the caller. As in
                // `return_from_frame`, the error belongs to the caller: no traceback
                // entry (a re-raise adds none for the first frame) and no handler
                // (no protected range reaches u32::MAX) in `__init__`, whose handled
                // exceptions are over.
                self.frames[fi].exc_info.clear();
                self.chain_context(&e);
                self.frames[fi].pc = u32::MAX;
                return Err((e, true));
            }
            v = std::mem::replace(&mut self.frames[fi].construct, Value::UNBOUND);
        }
        let (boundary, ret) = self.leave_frame();
        if boundary {
            return Ok(Some(Exit::Return(v)));
        }
        if ret != usize::MAX {
            if v.is_ptr() {
                // The caller's call (before its saved pc) made an object.
                if let Some(f) = self.frames.last() {
                    if f.code.jit.profiling.get() {
                        f.code.jit.note_object(f.pc.saturating_sub(1) as usize);
                    }
                }
            }
            self.regs[ret] = v;
        }
        Ok(None)
    }

    /// Find a handler for `e`, popping frames; Err when a boundary frame is left.
    pub(crate) fn unwind(&mut self, e: Value, reraise: bool) -> PyResult<Option<Exit>> {
        let mut first = true;
        if !reraise {
            // Implicit chaining for exceptions raised by an instruction (a `raise`
            // statement has set it already).
            self.chain_context(&e);
        }
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(e);
            };
            let pc = frame.pc.saturating_sub(1);
            if !(reraise && first) {
                if let Some(d) = crate::exc::exc_data(&e) {
                    d.borrow_mut().traceback.push(TbEntry {
                        code: (*frame.code.code).clone(),
                        // The pc: the printer derives line and columns from it.
                        line: pc,
                    });
                }
            }
            first = false;
            if let Some(h) = frame.code.code.handler_for(pc).copied() {
                frame.exc_info.truncate(h.exc_depth as usize);
                frame.pc = h.handler;
                let base = frame.base;
                self.regs[base + h.reg as usize] = e;
                return Ok(None);
            }
            let frame = self.frames.pop().expect("frame");
            self.regs.truncate(frame.base);
            if frame.boundary {
                return Err(e);
            }
        }
    }

    /// Take the values out of consecutive temporary registers (arguments, list
    /// items): moved, not copied, so temporaries never keep objects alive after the
    /// instruction that consumed them (as CPython's value stack does not).
    /// A call of a built-in function or method (`s.strip()`, `d.get(k)`, `len(x)`)
    /// with positional arguments in registers `s..s + n`: straight to the Rust
    /// function, without the general call's dispatch. None: `f` is not a plain
    /// built-in (the caller takes the general path; nothing was consumed).
    #[inline]
    pub(crate) fn call_builtin_regs(
        &mut self,
        f: &Value,
        s: usize,
        n: usize,
        ret: usize,
    ) -> Option<PyResult<()>> {
        let Some(ObjData::Builtin(b)) = f.data() else {
            return None;
        };
        if b.slf.is_some() || (n == 0 && b.missing_receiver().is_some()) {
            return None;
        }
        let mut args = self.args_vec();
        args.extend(
            self.regs[s..s + n]
                .iter_mut()
                .map(|v| std::mem::replace(v, Value::UNBOUND)),
        );
        crate::types::unwrap_receiver(b, &mut args);
        let fp = b.f;
        let a = Args {
            pos: args,
            kw: Vec::new(),
        };
        let r = fp(self, &a);
        self.recycle_args(a.pos);
        Some(r.map(|v| self.regs[ret] = v))
    }

    pub(crate) fn call_args(&mut self, base: usize, start: u16, n: u16) -> Vec<Value> {
        let s = base + start as usize;
        let mut args = self.args_vec();
        args.extend(
            self.regs[s..s + n as usize]
                .iter_mut()
                .map(|v| std::mem::replace(v, Value::UNBOUND)),
        );
        args
    }

    /// The common call: a Python function (not a generator) whose bytecode exists,
    /// called with exactly its positional parameters. The arguments are copied from
    /// absolute registers `start..start+argc` straight into the new window, with no
    /// intermediate vector. Returns false when the general path must handle the call.
    pub(crate) fn fast_call(
        &mut self,
        f: &Value,
        start: usize,
        argc: usize,
        ret: usize,
    ) -> PyResult<bool> {
        let Some(ObjData::Func(func)) = f.data() else {
            return Ok(false);
        };
        let co = match func.proto.data() {
            Some(ObjData::Proto(p)) => match &*p.code.borrow() {
                Some(c) => c.clone(),
                None => return Ok(false),
            },
            _ => return Ok(false),
        };
        let code: &Code = &co.code;
        let p = &code.params;
        if code.flags.generator
            || argc != p.positional.len()
            || !p.kwonly.is_empty()
            || p.varargs.is_some()
            || p.varkw.is_some()
        {
            return Ok(false);
        }
        if self.frames.len() >= self.opts.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let base = self.push_window(None, start, argc, code.nregs as usize);
        for &c in &code.cell_regs {
            let v = std::mem::replace(&mut self.regs[base + c as usize], Value::UNBOUND);
            self.regs[base + c as usize] = Value::new_obj(ObjData::Cell(RefCell::new(v)));
        }
        if let Some(ObjData::Tuple(cells)) = func.closure.data() {
            for (i, &r) in code.free_regs.iter().enumerate() {
                if let Some(c) = cells.get(i) {
                    self.regs[base + r as usize] = c.clone();
                }
            }
        }
        self.push_frame(Frame {
            code: co.clone(),
            func: f.clone(),
            globals: func.globals.clone(),
            locals: Value::UNBOUND,
            base,
            pc: 0,
            ret,
            exc_info: Vec::new(),
            gen: Value::UNBOUND,
            boundary: false,
            construct: Value::UNBOUND,
        });
        Ok(true)
    }

    /// A new register window on top of the register stack for a callee with `n`
    /// registers: `first` (a constructor's new instance), then the `argc` arguments
    /// moved out of the caller's registers from `start`, the rest unbound. Returns
    /// its base.
    #[inline]
    pub(crate) fn push_window(
        &mut self,
        first: Option<Value>,
        start: usize,
        argc: usize,
        n: usize,
    ) -> usize {
        let base = self.regs.len();
        let shift = first.is_some() as usize;
        let len = n.max(argc + shift);
        self.regs.reserve(len);
        // SAFETY: capacity for `len` more registers was reserved; each is written
        // (the first value, moved arguments, then unbound) before the length covers
        // it. The arguments come from below `base`, so they are not overwritten.
        unsafe {
            let p = self.regs.as_mut_ptr();
            if let Some(v) = first {
                p.add(base).write(v);
            }
            for i in 0..argc {
                let v = std::ptr::replace(p.add(start + i), Value::UNBOUND);
                p.add(base + shift + i).write(v);
            }
            for i in argc + shift..len {
                p.add(base + i).write(Value::UNBOUND);
            }
            self.regs.set_len(base + len);
        }
        base
    }

    /// Call `f` from the loop with the result going to absolute register `ret`.
    pub(crate) fn do_call(
        &mut self,
        f: &Value,
        mut args: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
        ret: usize,
    ) -> PyResult<()> {
        match f.data() {
            Some(ObjData::Func(_)) => {
                if let Some(g) = self.push_call(f, args, kw, ret, false)? {
                    self.regs[ret] = g;
                }
                Ok(())
            }
            Some(ObjData::BoundMethod(b)) => {
                let (func, slf) = (b.0.clone(), b.1.clone());
                args.insert(0, slf);
                self.do_call(&func, args, kw, ret)
            }
            Some(ObjData::Type(t)) if !t.builtin => {
                // Instantiate without leaving the loop: run __init__ as a frame whose
                // result is replaced by the instance.
                let epoch = crate::types::type_epoch();
                let (e, bits) = t.ctor.get();
                let init = if e == epoch {
                    // SAFETY: see `TypeObj::ctor`.
                    (bits != 0).then(|| unsafe { Value::clone_from_bits(bits) })
                } else {
                    let new_name = self.intern("__new__");
                    let init_name = self.intern("__init__");
                    let plain_new = self
                        .lookup_mro(f, &new_name)
                        .map(|n| matches!(n.data(), Some(ObjData::Builtin(_))))
                        .unwrap_or(true);
                    let meta_call = self.meta_method(f, "__call__").is_some()
                        || matches!(self.abstract_methods(f), Ok(Some(_)));
                    let init = self.lookup_mro(f, &init_name).filter(|i| {
                        plain_new && !meta_call && matches!(i.data(), Some(ObjData::Func(_)))
                    });
                    t.ctor
                        .set((epoch, init.as_ref().map(|i| i.bits()).unwrap_or(0)));
                    init
                };
                match init {
                    Some(init) => {
                        let obj = self.new_instance_args(f, &args, &kw)?;
                        if let Some(d) = crate::exc::exc_data(&obj) {
                            d.borrow_mut().args = self.new_tuple(args.clone());
                        }
                        args.insert(0, obj.clone());
                        let depth = self.frames.len();
                        match self.push_call(&init, args, kw, ret, false)? {
                            Some(_) => {
                                return Err(self
                                    .type_error("__init__() should return None, not 'generator'"))
                            }
                            None => {
                                if self.frames.len() > depth {
                                    if let Some(top) = self.frames.last_mut() {
                                        top.construct = obj;
                                    }
                                }
                            }
                        }
                        Ok(())
                    }
                    _ => {
                        let v = self.call_kw(f, args, kw)?;
                        self.regs[ret] = v;
                        Ok(())
                    }
                }
            }
            _ => {
                let v = self.call_kw(f, args, kw)?;
                self.regs[ret] = v;
                Ok(())
            }
        }
    }

    /// An empty argument vector (reused from a finished built-in call when possible).
    pub(crate) fn args_vec(&mut self) -> Vec<Value> {
        self.arg_pool.pop().unwrap_or_default()
    }

    /// Give an argument vector back for reuse.
    pub(crate) fn recycle_args(&mut self, mut v: Vec<Value>) {
        v.clear();
        if self.arg_pool.len() < 16 && v.capacity() > 0 && v.capacity() <= 16 {
            self.arg_pool.push(v);
        }
    }

    /// `del name` in a namespace dict (NameError when it is not there).
    fn delete_from(&mut self, ns: &Value, name: &Value) -> PyResult<()> {
        if let Some(ObjData::Dict(d)) = ns.data() {
            if self.table_del(d, name)?.is_none() {
                return Err(self.name_error(name));
            }
        }
        Ok(())
    }

    fn name_error(&mut self, name: &Value) -> Value {
        let n = self.str(name).unwrap_or_default();
        let e = self.new_error("NameError", &format!("name '{n}' is not defined"));
        self.note_name_error(&e, &n);
        e
    }

    pub(crate) fn load_global(&mut self, globals: &Value, name: &Value) -> PyResult<Value> {
        if let Some(ObjData::Dict(d)) = globals.data() {
            if let Some(v) = self.table_get(d, name)? {
                return Ok(v);
            }
        }
        let b = self.builtins.clone();
        if let Some(ObjData::Dict(d)) = b.data() {
            if let Some(v) = self.table_get(d, name)? {
                return Ok(v);
            }
        }
        Err(self.name_error(name))
    }

    /// `LoadGlobal` through the code object's cache (valid while the globals and
    /// builtins dicts keep the versions it recorded).
    pub(crate) fn load_global_cached(
        &mut self,
        co: &CodeObj,
        fi: usize,
        name: u32,
    ) -> PyResult<Value> {
        let g = self.frames[fi].globals.clone();
        self.load_global_in(co, &g, name)
    }

    /// `load_global_cached` for code running with the globals table `g`.
    #[inline]
    pub(crate) fn load_global_in(&mut self, co: &CodeObj, g: &Value, name: u32) -> PyResult<Value> {
        let versions = self.global_versions(g);
        if let Some((ga, gv, bv)) = versions {
            // SAFETY: the cache is only borrowed mutably while an entry is written
            // (below, and by the native tier's set-up), never across this read.
            let cache = unsafe { &*co.global_cache.as_ptr() };
            if let Some(c) = cache.get(name as usize) {
                if c.globals == ga && c.gver == gv && c.bver == bv {
                    // SAFETY: neither table's keys changed since the entry was made,
                    // so the value slot it records is where it was.
                    return Ok(unsafe { (*(c.bits as *const Value)).clone() });
                }
            }
        }
        self.load_global_miss(co, g, name, versions)
    }

    #[inline(never)]
    fn load_global_miss(
        &mut self,
        co: &CodeObj,
        g: &Value,
        name: u32,
        versions: Option<(u64, u64, u64)>,
    ) -> PyResult<Value> {
        let v = self.load_global(g, &co.names[name as usize])?;
        if let Some((ga, gv, bv)) = versions {
            let n = &co.names[name as usize];
            let slot = name_slot(g, n)
                .or_else(|| name_slot(&self.builtins, n))
                .map(|p| p as u64);
            if let Some(bits) = slot {
                let mut cache = co.global_cache_sized();
                cache[name as usize] = crate::object::GlobalCache {
                    globals: ga,
                    gver: gv,
                    bver: bv,
                    bits,
                };
            }
        }
        Ok(v)
    }

    /// What a global cache entry is keyed on for code running with `globals`: (the
    /// table's address, its keys version, the builtins table's keys version).
    /// Assigning a global that exists changes neither: the cache records where the
    /// value is, not the value.
    #[inline]
    pub(crate) fn global_versions(&self, globals: &Value) -> Option<(u64, u64, u64)> {
        match (globals.data(), self.builtins.data()) {
            // SAFETY: a plain read of a counter; no dict operation is in progress
            // (a mutable borrow of either table never spans a global lookup).
            (Some(ObjData::Dict(g)), Some(ObjData::Dict(b))) => Some((
                globals.addr() as u64,
                unsafe { (*g.as_ptr()).keys_version },
                unsafe { (*b.as_ptr()).keys_version },
            )),
            _ => None,
        }
    }

    /// `StoreGlobal`: the value in register `src` into frame `fi`'s globals as `name`.
    pub(crate) fn store_global_regs(&mut self, fi: usize, name: Value, src: usize) -> PyResult<()> {
        let g = self.frames[fi].globals.clone();
        let v = self.regs[src].clone();
        match g.data() {
            Some(ObjData::Dict(d)) => self.table_set(d, name, v),
            _ => Ok(()),
        }
    }

    /// `BuildDict`: a dict of the `count` key/value pairs from register `start`.
    pub(crate) fn build_dict_regs(
        &mut self,
        base: usize,
        start: u16,
        count: u16,
    ) -> PyResult<Value> {
        let v = self.call_args(base, start, count * 2);
        let d = self.new_dict();
        if let Some(ObjData::Dict(dd)) = d.data() {
            let mut it = v.into_iter();
            while let (Some(k), Some(val)) = (it.next(), it.next()) {
                self.table_set(dd, k, val)?;
            }
        }
        Ok(d)
    }

    /// `SetAdd` (no value) and `DictInsert`: put the key in register `key` (with the
    /// value in register `val`) into the set or dict in register `table`.
    pub(crate) fn table_insert_regs(
        &mut self,
        table: usize,
        key: usize,
        val: Option<usize>,
    ) -> PyResult<()> {
        let (t, k) = (self.regs[table].clone(), self.regs[key].clone());
        let v = val.map_or(Value::NONE, |r| self.regs[r].clone());
        match t.data() {
            Some(ObjData::Set(d)) if val.is_none() => self.table_set(d, k, v),
            Some(ObjData::Dict(d)) if val.is_some() => self.table_set(d, k, v),
            _ => Ok(()),
        }
    }

    /// `UnpackSeq`: the `count` items of the iterable in register `src` into the
    /// registers from `dst`.
    pub(crate) fn unpack_regs(&mut self, dst: usize, src: usize, count: u16) -> PyResult<()> {
        let s = self.regs[src].clone();
        let items = self.unpack(&s, count as usize)?;
        for (i, v) in items.into_iter().enumerate() {
            self.regs[dst + i] = v;
        }
        Ok(())
    }

    /// `ListAppend`: the value in register `src` onto the list in register `list`.
    pub(crate) fn list_append_regs(&mut self, list: usize, src: usize) {
        let v = self.regs[src].clone();
        if let Some(ObjData::List(l)) = self.regs[list].data() {
            l.borrow_mut().push(v);
        }
    }

    /// `BuildString`: the concatenation of the `count` strs from register `at`.
    pub(crate) fn build_string_regs(&mut self, at: usize, count: u16) -> Value {
        let mut s = String::new();
        for v in &self.regs[at..at + count as usize] {
            if let Some(ObjData::Str(p)) = v.data() {
                s.push_str(&p.s);
            }
        }
        self.new_string(s)
    }

    /// `FormatValue`: the value in register `at` formatted (with the spec in the next
    /// register when `spec`).
    pub(crate) fn format_value_regs(&mut self, at: usize, conv: u8, spec: bool) -> PyResult<Value> {
        let v = self.regs[at].clone();
        let sp = spec.then(|| self.regs[at + 1].clone());
        crate::methods::format_value(self, &v, conv, sp.as_ref())
    }

    /// Pop the top frame after its return: its registers go, finalisers queued by
    /// that run (if a frame is left to run them in). Returns (boundary, ret).
    /// Push a frame, written in place (a frame is large: building it on the stack
    /// and copying it costs more than the rest of a call).
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, f: Frame) {
        self.frames.reserve(1);
        let n = self.frames.len();
        // SAFETY: capacity for one more frame was reserved; the slot is written
        // before the length covers it.
        // Field by field: a whole-struct copy from the stack stalls on store
        // forwarding (the small fields were just written there).
        let Frame {
            code,
            func,
            globals,
            locals,
            base,
            pc,
            ret,
            exc_info,
            gen,
            boundary,
            construct,
        } = f;
        unsafe {
            use std::ptr::addr_of_mut;
            let p = self.frames.as_mut_ptr().add(n);
            addr_of_mut!((*p).code).write(code);
            addr_of_mut!((*p).func).write(func);
            addr_of_mut!((*p).globals).write(globals);
            addr_of_mut!((*p).locals).write(locals);
            addr_of_mut!((*p).base).write(base);
            addr_of_mut!((*p).pc).write(pc);
            addr_of_mut!((*p).ret).write(ret);
            // (An empty vector written as a constant, not copied as a value.)
            addr_of_mut!((*p).exc_info).write(Vec::new());
            if exc_info.capacity() != 0 {
                (*p).exc_info = exc_info;
            }
            addr_of_mut!((*p).gen).write(gen);
            addr_of_mut!((*p).boundary).write(boundary);
            addr_of_mut!((*p).construct).write(construct);
            self.frames.set_len(n + 1);
        }
    }

    pub(crate) fn leave_frame(&mut self) -> (bool, usize) {
        let n = self.frames.len().checked_sub(1).expect("frame");
        let top = &mut self.frames[n];
        let out = (top.boundary, top.ret);
        let base = top.base;
        // SAFETY: the top frame is dropped where it is and the length no longer
        // covers it (no copy of it is made).
        unsafe {
            self.frames.set_len(n);
            std::ptr::drop_in_place(self.frames.as_mut_ptr().add(n));
        }
        self.regs.truncate(base);
        if crate::value::finalizers_pending() && !self.frames.is_empty() {
            self.run_finalizers();
        }
        out
    }

    /// `obj.name` through the instruction's inline cache: an instance whose class has
    /// no data descriptor and no `__getattribute__`, and whose shape is the cached one,
    /// reads the cached slot (the slot's name is checked too, so a recycled shape
    /// address can never hit); anything else takes the full lookup (and refills the
    /// cache).
    pub(crate) fn getattr_cached(&mut self, ic: Ic, o: &Value, n: &Value) -> PyResult<Value> {
        if let Some(ObjData::Module(m)) = o.data() {
            // A module's attribute: cached by (module, version of its dict); the
            // entry's `slot` holds the value's bits (the dict holds the reference).
            if let Some(ObjData::Dict(d)) = m.dict.data() {
                let ver = d.borrow().version;
                if let Some(e) = ic.lookup(o.bits(), ver, 0) {
                    // SAFETY: the dict is unchanged since the entry was made.
                    return Ok(unsafe { Value::clone_from_bits(e.slot) });
                }
                let v = self.getattr(o, n)?;
                if let (Some(ObjData::Str(s)), Ok(Some(i))) = (n.data(), {
                    let h = match n.data() {
                        Some(ObjData::Str(s)) => s.hash.get(),
                        _ => -1,
                    };
                    d.borrow().find_fast(n, h)
                }) {
                    let _ = s;
                    let db = d.borrow();
                    if db.version == ver && db.entries[i].2.is(&v) {
                        ic.write(lethe_jit::AttrIc {
                            class: o.bits(),
                            shape: ver,
                            epoch: 0,
                            slot: v.bits(),
                            next: 0,
                        });
                    }
                }
                return Ok(v);
            }
        }
        if let Some(ObjData::Instance(inst)) = o.data() {
            {
                let key = (inst.class.bits(), inst.shape_word());
                if let Some(e) = ic.lookup(key.0, key.1, crate::types::type_epoch()) {
                    if let Some(v) = inst.slot(e.slot as usize) {
                        if !v.is_unbound() {
                            return Ok(v);
                        }
                    }
                }
            }
            let cls = inst.class.clone();
            if !inst.has_dict() && self.plain_attr(&cls, n, false) {
                if let Some((i, v)) = inst
                    .lookup(n)
                    .and_then(|i| Some((i, inst.slot(i)?)))
                    .filter(|(_, v)| !v.is_unbound())
                {
                    // `next` of a read: whether it found an object (the native tier
                    // keeps such a result in memory).
                    let mut e = attr_entry(&cls, &inst.shape(), i as u64);
                    e.next = v.is_ptr() as u64;
                    ic.write(e);
                    return Ok(v);
                }
            }
        }
        self.getattr(o, n)
    }

    /// `obj.name = v` through the instruction's inline cache: an instance of a class
    /// with no data descriptor and no `__setattr__`, already holding the attribute in
    /// the cached slot of the cached shape, is written in place.
    pub(crate) fn setattr_cached(
        &mut self,
        ic: Ic,
        o: &Value,
        n: &Value,
        v: Value,
    ) -> PyResult<()> {
        let Some(ObjData::Instance(inst)) = o.data() else {
            return self.setattr(o, n, v);
        };
        {
            let old = {
                let key = (inst.class.bits(), inst.shape_word());
                if let Some(e) = ic.lookup(key.0, key.1, crate::types::type_epoch()) {
                    let slot = e.slot as usize;
                    let len = inst.nslots();
                    if e.next == 0 && slot < len {
                        Some(Some(inst.replace_slot(slot, v.clone())))
                    } else if e.next != 0 && slot == len {
                        // Adding the attribute: the cached transition.
                        // SAFETY: `next` is the `shape_word` of a shape that the
                        // current shape's transition list keeps alive: an Rc made
                        // from those bits and cloned is a new reference to it (the
                        // made one is forgotten, not dropped).
                        let next = unsafe {
                            let r: Rc<crate::shape::Shape> =
                                std::mem::transmute_copy(&(e.next as usize));
                            let c = r.clone();
                            std::mem::forget(r);
                            c
                        };
                        inst.push_slot(next, v.clone());
                        Some(None)
                    } else {
                        None
                    }
                } else {
                    None
                }
            };
            if let Some(old) = old {
                drop(old);
                return Ok(());
            }
        }
        let (before, len_before) = (inst.shape_word(), inst.nslots());
        self.setattr(o, n, v)?;
        // Fill the cache when the class lets plain stores through: the slot of an
        // attribute that existed, or the transition that added it.
        // (Exception instances too: their special attributes — `args`,
        // `__cause__`, `__traceback__`… — live in the exception's state, never in
        // the shape, so only plain attributes get entries.)
        let cls = inst.class.clone();
        if crate::types::type_obj(&cls).is_some_and(|t| !t.builtin)
            && self.plain_attr(&cls, n, true)
        {
            let shape = inst.shape();
            if !inst.has_dict() {
                if shape_word(&shape) == before {
                    if let Some(i) = shape.lookup(n) {
                        ic.write(attr_entry(&cls, &shape, i as u64));
                    }
                } else if shape.names.len() == len_before + 1
                    && shape.names.last().is_some_and(|x| x.is(n))
                {
                    let mut e = attr_entry(&cls, &shape, len_before as u64);
                    e.shape = before;
                    // (The shape's Rc word, as instances hold it: native code stores
                    // it into the instance as it is.)
                    e.next = shape_word(&shape);
                    ic.write(e);
                }
            }
        }
        Ok(())
    }

    /// `obj.name` for a method call: (function, self) for plain methods of instances
    /// and built-ins (no bound-method object is made), else (attribute, unbound).
    /// With the inline cache of instruction `at` (code, offset): for an
    /// instance whose class, shape and type epoch are the cached ones, the cached
    /// function. (Its `slot` holds the function's bits without a reference: the class
    /// dict keeps it alive while the epoch is unchanged, and an instance of the class
    /// keeps the class alive.)
    pub(crate) fn load_method_at(
        &mut self,
        ic: Ic,
        o: &Value,
        n: &Value,
    ) -> PyResult<(Value, Value)> {
        match o.data() {
            Some(ObjData::Instance(inst)) => {
                {
                    let key = (inst.class.bits(), inst.shape_word());
                    if !inst.has_dict() {
                        if let Some(e) = ic.lookup(key.0, key.1, crate::types::type_epoch()) {
                            // SAFETY: see above: the function is alive.
                            let m = unsafe { Value::clone_from_bits(e.slot) };
                            return Ok((m, o.clone()));
                        }
                    }
                }
                let cls = inst.class.clone();
                let attrs_dict = inst.has_dict();
                if inst.get(n).is_none()
                    && self.class_facts(&cls) & crate::types::FACT_GETATTRIBUTE == 0
                {
                    if let Some(m) = self.lookup_mro(&cls, n) {
                        // (A class's native method, e.g. `deque.append`, too.)
                        let method = match m.data() {
                            Some(ObjData::Func(_)) => true,
                            Some(ObjData::Builtin(b)) => crate::attr::binds(b),
                            _ => false,
                        };
                        if method {
                            // (Never for an instance with a `__dict__`: those have
                            // a shape of their own, `Shape::dict_root`'s tree.)
                            let shape = inst.shape();
                            if !attrs_dict {
                                ic.write(attr_entry(&cls, &shape, m.bits()));
                            }
                            return Ok((m, o.clone()));
                        }
                    }
                }
            }
            // A module's function: through the module-attribute cache.
            Some(ObjData::Module(_)) => {
                return Ok((self.getattr_cached(ic, o, n)?, Value::UNBOUND))
            }
            Some(ObjData::Type(_)) | Some(ObjData::Super(_)) => {}
            _ => {
                // A built-in type's method (`s.strip`, `d.get`): cached by type (the
                // shape word 1 is never an instance's shape); the type's dict, which
                // cannot change, holds it.
                // A heap value whose variant is its type is keyed on the variant
                // (native code checks that without finding the type).
                let vkey = variant_key(o);
                if let Some(k) = vkey {
                    if let Some(e) = ic.lookup(k, 1, crate::types::type_epoch()) {
                        // SAFETY: see above: the method is alive.
                        return Ok((unsafe { Value::clone_from_bits(e.slot) }, o.clone()));
                    }
                }
                let cls = self.type_of(o);
                if vkey.is_none() {
                    if let Some(e) = ic.lookup(cls.bits(), 1, crate::types::type_epoch()) {
                        // SAFETY: see above: the method is alive.
                        return Ok((unsafe { Value::clone_from_bits(e.slot) }, o.clone()));
                    }
                }
                if let Some(m) = self.lookup_mro(&cls, n) {
                    if matches!(m.data(), Some(ObjData::Builtin(_))) {
                        if crate::types::type_obj(&cls).is_some_and(|t| t.builtin) {
                            ic.write(lethe_jit::AttrIc {
                                class: vkey.unwrap_or(cls.bits()),
                                shape: 1,
                                epoch: crate::types::type_epoch(),
                                slot: m.bits(),
                                next: 0,
                            });
                        }
                        return Ok((m, o.clone()));
                    }
                }
            }
        }
        Ok((self.getattr(o, n)?, Value::UNBOUND))
    }

    /// A context manager's `__enter__`/`__exit__`, or CPython's TypeError ("… does not
    /// support the context manager protocol" and `missing`).
    fn context_method(&mut self, m: &Value, name: &str, missing: &str) -> PyResult<Value> {
        let n = self.intern(name);
        match self.getattr_opt(m, &n) {
            Ok(Some(f)) => Ok(f),
            _ => {
                let tn = self.type_name(m);
                Err(self.type_error(&format!(
                    "'{tn}' object does not support the context manager protocol{missing}"
                )))
            }
        }
    }

    /// `RangeIter` of the frame whose registers start at `base` (see the
    /// instruction).
    pub(crate) fn range_iter(&mut self, base: usize, b: u16, func: u16, argc: u16) -> PyResult<()> {
        let f = base + func as usize;
        let a = f + 1;
        let n = argc as usize;
        if self.regs[f].is(&self.t.range) && (1..=3).contains(&n) {
            let x = |i: usize| self.regs[a + i].as_small_int();
            let bounds = match n {
                1 => x(0).map(|s| (0, s, 1)),
                2 => x(0).zip(x(1)).map(|(a, b)| (a, b, 1)),
                _ => x(0).zip(x(1)).zip(x(2)).map(|((a, b), c)| (a, b, c)),
            };
            if let Some((start, stop, step)) = bounds.filter(|t| t.2 != 0) {
                for i in 0..n {
                    self.regs[a + i] = Value::UNBOUND;
                }
                let r = base + b as usize;
                self.regs[r] = Value::small_int(start);
                self.regs[r + 1] = Value::small_int(stop);
                self.regs[r + 2] = Value::small_int(step);
                return Ok(());
            }
        }
        let args: Vec<Value> = (0..n)
            .map(|i| std::mem::replace(&mut self.regs[a + i], Value::UNBOUND))
            .collect();
        let fv = self.regs[f].clone();
        let made = self.call(&fv, args)?;
        let it = self.iter(&made)?;
        let r = base + b as usize;
        self.regs[r] = it;
        self.regs[r + 1] = Value::UNBOUND;
        self.regs[r + 2] = Value::UNBOUND;
        Ok(())
    }

    /// Run one instruction of the top frame for native code (see `jit::exec_one`).
    /// Ok(true): the frame returned or yielded.
    pub(crate) fn run_frame_step(
        &mut self,
        co: &Rc<CodeObj>,
        base: usize,
    ) -> Result<bool, (Value, bool)> {
        match self.run_frame::<true>(co, base) {
            Ok(None) => Ok(false),
            Ok(Some(_)) => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// Run the frames above the current one until the boundary frame on top returns.
    pub(crate) fn run_to_return(&mut self) -> PyResult<Value> {
        match self.run()? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.runtime_error("unexpected yield in a called frame")),
        }
    }

    /// Execute instructions of the top frame until it calls, returns or raises.
    /// Ok(None): the frame stack changed (call/return), re-dispatch.
    fn run_frame<const STEP: bool>(
        &mut self,
        co0: &Rc<CodeObj>,
        base0: usize,
    ) -> Result<Option<Exit>, (Value, bool)> {
        // A call or a return switches to the new top frame here, without leaving
        // this function (single-stepping for native code returns instead).
        let mut held: Option<Rc<CodeObj>> = None;
        let mut base = base0;
        let mut again = false;
        'frame: loop {
            if again {
                let f = self.frames.last().expect("a frame");
                base = f.base;
                held = Some(f.code.clone());
            }
            again = true;
            let co: &Rc<CodeObj> = held.as_ref().unwrap_or(co0);
            let fi = self.frames.len() - 1;
            let mut pc = self.frames[fi].pc as usize;
            // Native code's `exec`: run exactly one instruction.
            let step = STEP;
            let mut stepped = false;
            macro_rules! switch_frame {
                () => {{
                    if step {
                        return Ok(None);
                    }
                    continue 'frame;
                }};
            }
            if pc == 0 && !step {
                self.note_call(co);
            }
            if !step && self.opts.jit != crate::jit::JitMode::Off {
                if pc == 0 {
                    self.jit_tick(co, base, 0, false);
                }
                if let Some(nat) = co.jit.native() {
                    if nat.has_entry(pc as u32) {
                        match self.enter_native(co, nat, fi, base, pc as u32)? {
                            crate::jit::NativeOut::Resume(p) => {
                                pc = p;
                                // A `yield` native code stopped at (generators only) is
                                // done here, from the native code's copy (the bytecode
                                // may be forgotten).
                                if co.code.flags.generator {
                                    let y = co.jit.native().and_then(|n| n.exec_instr(p as u32));
                                    if let Some(Instr::Yield { dst, src }) = y {
                                        let v = self.regs[base + src as usize].clone();
                                        self.suspend(p as u32 + 1, dst);
                                        return Ok(Some(Exit::Yield(v)));
                                    }
                                }
                            }
                            crate::jit::NativeOut::Return { src, pc } => {
                                let v = std::mem::replace(
                                    &mut self.regs[base + src as usize],
                                    Value::UNBOUND,
                                );
                                match self.return_from_frame(fi, pc as usize + 1, v) {
                                    Ok(None) => switch_frame!(),
                                    r => return r,
                                }
                            }
                        }
                    }
                }
            }
            // The bytecode (re-derived from source if it was forgotten), held by this
            // activation while it runs. Native code's `exec` of one instruction of a
            // function whose bytecode is forgotten takes the instruction from the native
            // code's own copy and the rest from the header.
            let mut first: Option<Instr> = None;
            if step && co.bytecode.borrow().is_none() {
                first = co.jit.native().and_then(|n| n.exec_instr(pc as u32));
            }
            let code_rc = if first.is_some() {
                crate::jit::CodeRef::new(Rc::clone(&co.code), lethe_ledger::Category::Scopes)
            } else {
                match self.bytecode(co) {
                    Ok(c) => c,
                    Err(e) => {
                        self.frames[fi].pc = pc as u32;
                        return Err((e, false));
                    }
                }
            };
            let code: &Code = &code_rc;
            // The instructions as a local slice: fetched without going through `code`.
            let instrs: &[Instr] = &code.instrs;
            // Every register operand is below `nregs` (the compiler allocates them so)
            // and the frame's window covers `base .. base + nregs` while the frame is
            // live (frames above it truncate the registers back to their own base).
            assert!(
                base + code.nregs as usize <= self.regs.len(),
                "register window of {} out of bounds",
                code.qualname
            );
            macro_rules! r {
                ($x:expr) => {
                    // SAFETY: in the frame's window (checked above).
                    *unsafe { self.regs.get_unchecked_mut(base + $x as usize) }
                };
            }
            macro_rules! rd {
                ($x:expr) => {
                    // SAFETY: in the frame's window (checked above).
                    unsafe { self.regs.get_unchecked(base + $x as usize) }
                };
            }
            macro_rules! tryv {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            self.frames[fi].pc = pc as u32;
                            return Err((e, false));
                        }
                    }
                };
            }
            // The result of the instruction just fetched, while the function is
            // profiled before its compile: heap objects are noted (`JitState::profile`).
            macro_rules! note {
                ($v:expr) => {
                    if $v.is_ptr() && co.jit.profiling.get() {
                        co.jit.note_object(pc - 1);
                    }
                };
            }
            loop {
                if step {
                    if stepped {
                        self.frames[fi].pc = pc as u32;
                        return Ok(None);
                    }
                    stepped = true;
                }
                // A finaliser (`__del__`, a dropped generator's `finally`) queued by the
                // previous instruction runs before the next one, as CPython runs
                // `__del__` when the last reference goes.
                if crate::value::finalizers_pending() {
                    self.frames[fi].pc = pc as u32;
                    self.run_finalizers();
                }
                let ins = match first {
                    Some(i) => i,
                    None => instrs[pc],
                };
                pc += 1;
                match ins {
                    Instr::Nop => {}
                    Instr::LoadConst { dst, k } => r!(dst) = co.consts[k as usize].clone(),
                    Instr::Move { dst, src } => r!(dst) = r!(src).clone(),
                    Instr::CheckBound { reg } => {
                        if r!(reg).is_unbound() {
                            let name = code
                                .local_names
                                .get(reg as usize)
                                .cloned()
                                .unwrap_or_else(|| Rc::from("?"));
                            let e = self.new_error("UnboundLocalError", &format!("cannot access local variable '{name}' where it is not associated with a value"));
                            self.frames[fi].pc = pc as u32;
                            return Err((e, false));
                        }
                    }
                    Instr::ClearRange { start, count } => {
                        for i in 0..count {
                            r!(start + i) = Value::UNBOUND;
                        }
                    }
                    Instr::Clear { reg } => {
                        r!(reg) = Value::UNBOUND;
                    }
                    Instr::LoadGlobal { dst, name } => {
                        let v = tryv!(self.load_global_cached(co, fi, name));
                        r!(dst) = v;
                    }
                    Instr::StoreGlobal { src, name } => {
                        let n = co.names[name as usize].clone();
                        tryv!(self.store_global_regs(fi, n, base + src as usize));
                    }
                    Instr::DeleteGlobal { name } => {
                        let g = self.frames[fi].globals.clone();
                        tryv!(self.delete_from(&g, &co.names[name as usize]));
                    }
                    Instr::LoadName { dst, name } => {
                        let ns = self.frames[fi].locals.clone();
                        let n = &co.names[name as usize];
                        let mut found = None;
                        if let Some(ObjData::Dict(d)) = ns.data() {
                            found = tryv!(self.table_get(d, n));
                        }
                        let v = match found {
                            Some(v) => v,
                            None => {
                                let g = self.frames[fi].globals.clone();
                                tryv!(self.load_global(&g, n))
                            }
                        };
                        r!(dst) = v;
                    }
                    Instr::StoreName { src, name } => {
                        let ns = self.frames[fi].locals.clone();
                        let v = r!(src).clone();
                        let target = if ns.is_unbound() {
                            self.frames[fi].globals.clone()
                        } else {
                            ns
                        };
                        if let Some(ObjData::Dict(d)) = target.data() {
                            tryv!(self.table_set(d, co.names[name as usize].clone(), v));
                        }
                    }
                    Instr::DeleteName { name } => {
                        let ns = self.frames[fi].locals.clone();
                        tryv!(self.delete_from(&ns, &co.names[name as usize]));
                    }
                    Instr::LoadClassDeref { dst, cell, name } => {
                        let ns = self.frames[fi].locals.clone();
                        let n = &co.names[name as usize];
                        let mut found = None;
                        if let Some(ObjData::Dict(d)) = ns.data() {
                            found = tryv!(self.table_get(d, n));
                        }
                        let v = match found {
                            Some(v) => v,
                            None => match r!(cell).data() {
                                Some(ObjData::Cell(c)) if !c.borrow().is_unbound() => {
                                    c.borrow().clone()
                                }
                                _ => {
                                    let g = self.frames[fi].globals.clone();
                                    tryv!(self.load_global(&g, n))
                                }
                            },
                        };
                        r!(dst) = v;
                    }
                    Instr::MakeCell { reg } => {
                        let v = std::mem::replace(&mut r!(reg), Value::UNBOUND);
                        r!(reg) = Value::new_obj(ObjData::Cell(RefCell::new(v)));
                    }
                    Instr::LoadDeref { dst, cell } => {
                        let v = match r!(cell).data() {
                            Some(ObjData::Cell(c)) => c.borrow().clone(),
                            _ => Value::UNBOUND,
                        };
                        if v.is_unbound() {
                            let name = code
                                .local_names
                                .get(cell as usize)
                                .cloned()
                                .unwrap_or_else(|| Rc::from("?"));
                            let e = if code.free_regs.contains(&cell) {
                                self.new_error("NameError", &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
                            } else {
                                self.new_error("UnboundLocalError", &format!("cannot access local variable '{name}' where it is not associated with a value"))
                            };
                            self.frames[fi].pc = pc as u32;
                            return Err((e, false));
                        }
                        r!(dst) = v;
                    }
                    Instr::StoreDeref { cell, src } => {
                        let v = r!(src).clone();
                        if let Some(ObjData::Cell(c)) = r!(cell).data() {
                            let old = std::mem::replace(&mut *c.borrow_mut(), v);
                            drop(old);
                        }
                    }
                    Instr::DeleteDeref { cell } => {
                        if let Some(ObjData::Cell(c)) = r!(cell).data() {
                            let old = std::mem::replace(&mut *c.borrow_mut(), Value::UNBOUND);
                            drop(old);
                        }
                    }
                    Instr::Binary { op, dst, a, b } => {
                        let (x, y) = (rd!(a), rd!(b));
                        if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                            use lethe_compiler::bytecode::BinOp;
                            let fast = match op {
                                BinOp::Add => Some(i + j),
                                BinOp::Sub => Some(i - j),
                                BinOp::Mul => i.checked_mul(j),
                                BinOp::FloorDiv if j != 0 => crate::ops::floordiv_i64(i, j),
                                BinOp::Mod if j != 0 => crate::ops::mod_i64(i, j),
                                BinOp::And => Some(i & j),
                                BinOp::Or => Some(i | j),
                                BinOp::Xor => Some(i ^ j),
                                _ => None,
                            };
                            if let Some(v) = fast {
                                let v = self.new_int(v);
                                note!(v);
                                r!(dst) = v;
                                continue;
                            }
                        }
                        // `s = s + t` into the same local: as `s += t`, in place when
                        // the str is unshared (CPython does the same).
                        if op == lethe_compiler::bytecode::BinOp::Add && dst == a && a != b {
                            let y = y.clone();
                            if crate::value::str_append_in_place(&mut r!(a), &y) {
                                continue;
                            }
                        }
                        let (x, y) = (rd!(a).clone(), rd!(b).clone());
                        let v = tryv!(self.binary(op, &x, &y));
                        note!(v);
                        r!(dst) = v;
                    }
                    Instr::InplaceBinary { op, dst, a, b } => {
                        if op == lethe_compiler::bytecode::BinOp::Add && a != b {
                            let y = rd!(b).clone();
                            if crate::value::str_append_in_place(&mut r!(a), &y) {
                                if dst != a {
                                    r!(dst) = r!(a).clone();
                                }
                                continue;
                            }
                        }
                        let (x, y) = (r!(a).clone(), r!(b).clone());
                        let v = if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                            match op {
                                lethe_compiler::bytecode::BinOp::Add => self.new_int(i + j),
                                lethe_compiler::bytecode::BinOp::Sub => self.new_int(i - j),
                                _ => tryv!(self.inplace(op, &x, &y)),
                            }
                        } else {
                            tryv!(self.inplace(op, &x, &y))
                        };
                        note!(v);
                        r!(dst) = v;
                    }
                    Instr::Compare { op, dst, a, b } => {
                        let (x, y) = (r!(a).clone(), r!(b).clone());
                        let v = tryv!(self.compare(op, &x, &y));
                        r!(dst) = v;
                    }
                    Instr::JumpIfNotCompare {
                        op,
                        a,
                        b,
                        target_rel,
                    } => {
                        let (x, y) = (rd!(a), rd!(b));
                        let res = if let (Some(i), Some(j)) = (x.as_small_int(), y.as_small_int()) {
                            use lethe_compiler::bytecode::CmpOp as C;
                            match op {
                                C::Lt => Some(i < j),
                                C::Le => Some(i <= j),
                                C::Gt => Some(i > j),
                                C::Ge => Some(i >= j),
                                C::Eq => Some(i == j),
                                C::Ne => Some(i != j),
                                _ => None,
                            }
                        } else {
                            None
                        };
                        let t = match res {
                            Some(t) => t,
                            None => {
                                let (x, y) = (x.clone(), y.clone());
                                let v = tryv!(self.compare(op, &x, &y));
                                tryv!(self.truthy(&v))
                            }
                        };
                        if !t {
                            pc = (pc as i64 - 1 + target_rel as i64) as usize;
                        }
                    }
                    Instr::Unary { op, dst, src } => {
                        let x = r!(src).clone();
                        let v = tryv!(self.unary(op, &x));
                        r!(dst) = v;
                    }
                    Instr::ToBool { dst, src } => {
                        let x = r!(src).clone();
                        let t = tryv!(self.truthy(&x));
                        r!(dst) = Value::bool(t);
                    }
                    Instr::Jump { target } => {
                        if (target as usize) < pc
                            && !step
                            && self.opts.jit != crate::jit::JitMode::Off
                        {
                            self.jit_tick(co, base, target, true);
                            if co
                                .jit
                                .native
                                .borrow()
                                .as_ref()
                                .is_some_and(|n| n.has_entry(target))
                            {
                                self.frames[fi].pc = target;
                                switch_frame!();
                            }
                        }
                        pc = target as usize
                    }
                    Instr::JumpIfFalse { cond, target } => {
                        let c = rd!(cond);
                        let t = if c.is_bool() {
                            c.is_true_const()
                        } else {
                            let c = c.clone();
                            tryv!(self.truthy(&c))
                        };
                        if !t {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfTrue { cond, target } => {
                        let c = rd!(cond);
                        let t = if c.is_bool() {
                            c.is_true_const()
                        } else {
                            let c = c.clone();
                            tryv!(self.truthy(&c))
                        };
                        if t {
                            pc = target as usize;
                        }
                    }
                    Instr::GetAttr { dst, obj, name } => {
                        let o = r!(obj).clone();
                        let v = tryv!(self.getattr_cached(
                            Ic::Interp(co, pc - 1),
                            &o,
                            &co.names[name as usize]
                        ));
                        r!(dst) = v;
                    }
                    Instr::SetAttr { obj, name, src } => {
                        let (o, v) = (r!(obj).clone(), r!(src).clone());
                        tryv!(self.setattr_cached(
                            Ic::Interp(co, pc - 1),
                            &o,
                            &co.names[name as usize],
                            v
                        ));
                    }
                    Instr::DelAttr { obj, name } => {
                        let o = r!(obj).clone();
                        tryv!(self.delattr(&o, &co.names[name as usize]));
                    }
                    Instr::LoadMethod { dst, obj, name } => {
                        let o = r!(obj).clone();
                        let (m, slf) = tryv!(self.load_method_at(
                            Ic::Interp(co, pc - 1),
                            &o,
                            &co.names[name as usize]
                        ));
                        r!(dst) = m;
                        r!(dst + 1) = slf;
                    }
                    Instr::GetItem { dst, obj, key } => {
                        let (o, k) = (rd!(obj), rd!(key));
                        if let (Some(ObjData::List(l)), Some(i)) = (o.data(), k.as_small_int()) {
                            let l = l.borrow();
                            let j = if i < 0 { i + l.len() as i64 } else { i };
                            if j >= 0 && (j as usize) < l.len() {
                                let v = l[j as usize].clone();
                                drop(l);
                                note!(v);
                                r!(dst) = v;
                                continue;
                            }
                        }
                        let (o, k) = (o.clone(), k.clone());
                        let v = tryv!(self.getitem(&o, &k));
                        note!(v);
                        r!(dst) = v;
                    }
                    Instr::SetItem { obj, key, src } => {
                        let (o, k, v) = (r!(obj).clone(), r!(key).clone(), r!(src).clone());
                        if let (Some(ObjData::List(l)), Some(i)) = (o.data(), k.as_small_int()) {
                            let mut l = l.borrow_mut();
                            let j = if i < 0 { i + l.len() as i64 } else { i };
                            if j >= 0 && (j as usize) < l.len() {
                                let old = std::mem::replace(&mut l[j as usize], v);
                                drop(l);
                                drop(old);
                                continue;
                            }
                        }
                        tryv!(self.setitem(&o, &k, v));
                    }
                    Instr::DelItem { obj, key } => {
                        let (o, k) = (r!(obj).clone(), r!(key).clone());
                        tryv!(self.delitem(&o, &k));
                    }
                    Instr::Call { dst, func, argc } => {
                        let f = r!(func).clone();
                        self.frames[fi].pc = pc as u32;
                        match self.fast_call(
                            &f,
                            base + func as usize + 1,
                            argc as usize,
                            base + dst as usize,
                        ) {
                            Ok(true) => switch_frame!(),
                            Ok(false) => {}
                            Err(e) => return Err((e, false)),
                        }
                        let args = self.call_args(base, func + 1, argc);
                        let depth = self.frames.len();
                        tryv!(self.do_call(&f, args, Vec::new(), base + dst as usize));
                        if self.frames.len() != depth {
                            switch_frame!();
                        }
                        note!(r!(dst));
                    }
                    Instr::CallKw { dst, func, argc } => {
                        let f = r!(func).clone();
                        let names = r!(func + argc).clone();
                        let mut args = self.call_args(base, func + 1, argc - 1);
                        let names: Vec<Rc<str>> = match names.data() {
                            Some(ObjData::Tuple(t)) => t
                                .iter()
                                .map(|n| match n.data() {
                                    Some(ObjData::Str(s)) => Rc::from(&*s.s),
                                    _ => Rc::from(""),
                                })
                                .collect(),
                            _ => vec![],
                        };
                        let kwvals = args.split_off(args.len() - names.len());
                        let kw: Vec<(Rc<str>, Value)> = names.into_iter().zip(kwvals).collect();
                        self.frames[fi].pc = pc as u32;
                        let depth = self.frames.len();
                        tryv!(self.do_call(&f, args, kw, base + dst as usize));
                        if self.frames.len() != depth {
                            switch_frame!();
                        }
                    }
                    Instr::CallEx { dst, func, args } => {
                        let f = r!(func).clone();
                        let a = match r!(args).data() {
                            Some(ObjData::Tuple(t)) => t.to_vec(),
                            _ => vec![],
                        };
                        let kwd = r!(args + 1).clone();
                        let mut kw = Vec::new();
                        if let Some(ObjData::Dict(d)) = kwd.data() {
                            let mut bad_key = false;
                            for e in d.borrow().iter() {
                                match e.1.data() {
                                    Some(ObjData::Str(s)) => {
                                        kw.push((Rc::from(&*s.s), e.2.clone()))
                                    }
                                    _ => bad_key = true,
                                }
                            }
                            if bad_key {
                                let e = self.type_error("keywords must be strings");
                                self.frames[fi].pc = pc as u32;
                                return Err((e, false));
                            }
                        } else if !kwd.is_unbound() && !kwd.is_none() {
                            let tn = self.type_name(&kwd);
                            let e = self.type_error(&format!(
                                "argument after ** must be a mapping, not {tn}"
                            ));
                            self.frames[fi].pc = pc as u32;
                            return Err((e, false));
                        }
                        self.frames[fi].pc = pc as u32;
                        let depth = self.frames.len();
                        tryv!(self.do_call(&f, a, kw, base + dst as usize));
                        if self.frames.len() != depth {
                            switch_frame!();
                        }
                    }
                    Instr::CallMethod {
                        dst,
                        base: mb,
                        argc,
                    } => {
                        let f = r!(mb).clone();
                        let slf = r!(mb + 1).clone();
                        self.frames[fi].pc = pc as u32;
                        let (astart, n) = if slf.is_unbound() {
                            (mb + 2, argc)
                        } else {
                            (mb + 1, argc + 1)
                        };
                        if let Some(r) = self.call_builtin_regs(
                            &f,
                            base + astart as usize,
                            n as usize,
                            base + dst as usize,
                        ) {
                            tryv!(r);
                            note!(r!(dst));
                            continue;
                        }
                        match self.fast_call(
                            &f,
                            base + astart as usize,
                            n as usize,
                            base + dst as usize,
                        ) {
                            Ok(true) => switch_frame!(),
                            Ok(false) => {}
                            Err(e) => return Err((e, false)),
                        }
                        let args = if slf.is_unbound() {
                            self.call_args(base, mb + 2, argc)
                        } else {
                            self.call_args(base, mb + 1, argc + 1)
                        };
                        self.frames[fi].pc = pc as u32;
                        let depth = self.frames.len();
                        tryv!(self.do_call(&f, args, Vec::new(), base + dst as usize));
                        if self.frames.len() != depth {
                            switch_frame!();
                        }
                        note!(r!(dst));
                    }
                    Instr::BuildList { dst, start, count } => {
                        let v = self.call_args(base, start, count);
                        r!(dst) = self.new_list(v);
                    }
                    Instr::BuildTuple { dst, start, count } => {
                        let v = self.call_args(base, start, count);
                        r!(dst) = self.new_tuple(v);
                    }
                    Instr::BuildSet { dst, start, count } => {
                        let v = self.call_args(base, start, count);
                        let s = tryv!(crate::methods::make_set(self, v));
                        r!(dst) = s;
                    }
                    Instr::BuildDict { dst, start, count } => {
                        r!(dst) = tryv!(self.build_dict_regs(base, start, count));
                    }
                    Instr::BuildSlice { dst, start } => {
                        let v = self.call_args(base, start, 3);
                        r!(dst) = Value::new_obj(ObjData::Slice(Box::new([
                            v[0].clone(),
                            v[1].clone(),
                            v[2].clone(),
                        ])));
                    }
                    Instr::BuildString { dst, start, count } => {
                        r!(dst) = self.build_string_regs(base + start as usize, count);
                    }
                    Instr::ListAppend { list, src } => {
                        self.list_append_regs(base + list as usize, base + src as usize);
                    }
                    Instr::ListExtend { list, src } => {
                        let s = r!(src).clone();
                        let items = tryv!(self.collect_star(&s));
                        if let Some(ObjData::List(l)) = r!(list).data() {
                            l.borrow_mut().extend(items);
                        }
                    }
                    Instr::CallArgsExtend { list, src, func } => {
                        let (s, f) = (r!(src).clone(), r!(func).clone());
                        self.frames[fi].pc = pc as u32;
                        let items = tryv!(crate::methods::call_args_extend(self, &s, &f));
                        if let Some(ObjData::List(l)) = r!(list).data() {
                            l.borrow_mut().extend(items);
                        }
                    }
                    Instr::ListToTuple { reg } => {
                        let items = match r!(reg).data() {
                            Some(ObjData::List(l)) => std::mem::take(&mut *l.borrow_mut()),
                            _ => vec![],
                        };
                        r!(reg) = self.new_tuple(items);
                    }
                    Instr::SetAdd { set, src } => {
                        tryv!(self.table_insert_regs(
                            base + set as usize,
                            base + src as usize,
                            None
                        ));
                    }
                    Instr::SetUpdate { set, src } => {
                        let (s, v) = (r!(set).clone(), r!(src).clone());
                        if let (
                            Some(ObjData::Set(d)),
                            Some(ObjData::Set(o) | ObjData::FrozenSet(o)),
                        ) = (s.data(), v.data())
                        {
                            // `{*a_set}`: CPython's set_merge.
                            tryv!(crate::methods::set_merge(self, d, o));
                        } else {
                            let items = tryv!(self.collect_star(&v));
                            if let Some(ObjData::Set(d)) = s.data() {
                                for it in items {
                                    tryv!(self.table_set(d, it, Value::NONE));
                                }
                            }
                        }
                    }
                    Instr::DictInsert { dict, key, src } => {
                        tryv!(self.table_insert_regs(
                            base + dict as usize,
                            base + key as usize,
                            Some(base + src as usize)
                        ));
                    }
                    Instr::DictUpdate { dict, src } => {
                        let (d, s) = (r!(dict).clone(), r!(src).clone());
                        tryv!(crate::methods::dict_update_mapping(self, &d, &s));
                    }
                    Instr::DictMerge { dict, src, func } => {
                        let (d, s, f) = (r!(dict).clone(), r!(src).clone(), r!(func).clone());
                        self.frames[fi].pc = pc as u32;
                        tryv!(crate::methods::dict_merge_call(self, &d, &s, &f));
                    }
                    Instr::FormatValue {
                        dst,
                        src,
                        conv,
                        spec,
                    } => {
                        let s = tryv!(self.format_value_regs(base + src as usize, conv, spec));
                        r!(dst) = s;
                    }
                    Instr::UnpackSeq { dst, src, count } => {
                        tryv!(self.unpack_regs(base + dst as usize, base + src as usize, count));
                    }
                    Instr::UnpackEx {
                        dst,
                        src,
                        before,
                        after,
                    } => {
                        let s = r!(src).clone();
                        let mut items = tryv!(self.collect_star(&s));
                        let (b, a) = (before as usize, after as usize);
                        if items.len() < b + a {
                            let e = self.value_error(&format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                b + a,
                                items.len()
                            ));
                            self.frames[fi].pc = pc as u32;
                            return Err((e, false));
                        }
                        let tail = items.split_off(items.len() - a);
                        let mid = items.split_off(b);
                        for (i, v) in items.into_iter().enumerate() {
                            r!(dst as usize + i) = v;
                        }
                        r!(dst as usize + b) = self.new_list(mid);
                        for (i, v) in tail.into_iter().enumerate() {
                            r!(dst as usize + b + 1 + i) = v;
                        }
                    }
                    Instr::GetIter { dst, src } => {
                        let s = r!(src).clone();
                        let it = tryv!(self.iter(&s));
                        r!(dst) = it;
                    }
                    Instr::ForIter { iter, target } => {
                        let it = r!(iter).clone();
                        // Fast path: range and list iterators.
                        if let Some(ObjData::Iter(st)) = it.data() {
                            let mut stb = st.borrow_mut();
                            match &mut *stb {
                                IterState::Range { cur, stop, step } => {
                                    let c = *cur;
                                    if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                                        *cur = c + *step;
                                        drop(stb);
                                        r!(iter + 1) = self.new_int(c);
                                    } else {
                                        pc = target as usize;
                                    }
                                    continue;
                                }
                                IterState::Seq { seq, idx } => {
                                    if let Some(ObjData::List(l)) = seq.data() {
                                        let l = l.borrow();
                                        if *idx < l.len() {
                                            let v = l[*idx].clone();
                                            *idx += 1;
                                            drop(l);
                                            drop(stb);
                                            note!(v);
                                            r!(iter + 1) = v;
                                        } else {
                                            drop(l);
                                            *stb = IterState::Done("list_iterator");
                                            pc = target as usize;
                                        }
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        self.frames[fi].pc = pc as u32;
                        match tryv!(self.next(&it)) {
                            Some(v) => {
                                note!(v);
                                r!(iter + 1) = v
                            }
                            None => pc = target as usize,
                        }
                    }
                    Instr::RangeIter {
                        base: b,
                        func,
                        argc,
                    } => {
                        tryv!(self.range_iter(base, b, func, argc));
                    }
                    Instr::ForRange { base: b, target } => {
                        if let Some(cur) = r!(b).as_small_int() {
                            // Counted (RangeIter checked that all three are inline ints).
                            let stop = r!(b + 1).as_small_int().unwrap_or(cur);
                            let step = r!(b + 2).as_small_int().unwrap_or(1);
                            if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                                let next = cur + step;
                                // Past an inline stop by less than a step: the stop
                                // itself ends the loop as well.
                                r!(b) = if Value::fits_inline(next) {
                                    Value::small_int(next)
                                } else {
                                    r!(b + 1).clone()
                                };
                                r!(b + 3) = Value::small_int(cur);
                            } else {
                                pc = target as usize;
                            }
                        } else {
                            let it = r!(b).clone();
                            self.frames[fi].pc = pc as u32;
                            match tryv!(self.next(&it)) {
                                Some(v) => r!(b + 3) = v,
                                None => pc = target as usize,
                            }
                        }
                    }
                    Instr::MakeFunction { dst, k, start } => {
                        let proto = co.consts[k as usize].clone();
                        let d = r!(start).clone();
                        let kd = r!(start + 1).clone();
                        let c = r!(start + 2).clone();
                        r!(dst) = self.new_function(proto, d, kd, c);
                    }
                    Instr::BuildClass { dst, start, nbases } => {
                        self.frames[fi].pc = pc as u32;
                        let body = r!(start).clone();
                        let name = r!(start + 1).clone();
                        let bases = self.call_args(base, start + 2, nbases);
                        let cls = tryv!(self.build_class(&body, &name, bases));
                        r!(dst) = cls;
                    }
                    Instr::SetClassCell { .. } => {}
                    Instr::Return { src } => {
                        let v = std::mem::replace(&mut r!(src), Value::UNBOUND);
                        match self.return_from_frame(fi, pc, v) {
                            Ok(None) => switch_frame!(),
                            r => return r,
                        }
                    }
                    Instr::Yield { dst, src } => {
                        let v = r!(src).clone();
                        self.suspend(pc as u32, dst);
                        return Ok(Some(Exit::Yield(v)));
                    }
                    Instr::YieldFrom { dst, src } => {
                        let sub = r!(src).clone();
                        let sent = std::mem::replace(&mut r!(dst), Value::UNBOUND);
                        self.frames[fi].pc = pc as u32;
                        let res = if matches!(sub.data(), Some(ObjData::Gen(_))) {
                            tryv!(self.gen_resume(
                                &sub,
                                if sent.is_unbound() { Value::NONE } else { sent }
                            ))
                        } else if sent.is_unbound() || sent.is_none() {
                            match tryv!(self.next(&sub)) {
                                Some(v) => Ok(v),
                                None => Err(Value::NONE),
                            }
                        } else {
                            let send = self.intern("send");
                            let f = tryv!(self.getattr(&sub, &send));
                            match self.call(&f, vec![sent]) {
                                Ok(v) => Ok(v),
                                Err(e)
                                    if self
                                        .isinstance(&e, &self.t.exc["StopIteration"].clone()) =>
                                {
                                    let val = crate::exc::exc_data(&e).and_then(|d| {
                                        match d.borrow().args.data() {
                                            Some(ObjData::Tuple(t)) => t.first().cloned(),
                                            _ => None,
                                        }
                                    });
                                    Err(val.unwrap_or(Value::NONE))
                                }
                                Err(e) => return Err((e, false)),
                            }
                        };
                        match res {
                            Ok(v) => {
                                // Re-execute this instruction on resume.
                                self.suspend(pc as u32 - 1, dst);
                                return Ok(Some(Exit::Yield(v)));
                            }
                            Err(ret) => r!(dst) = ret,
                        }
                    }
                    Instr::Raise { exc, cause } => {
                        self.frames[fi].pc = pc as u32;
                        if exc == NO_REG {
                            let cur = self.current_exception();
                            return match cur {
                                Some(e) => Err((e, true)),
                                None => Err((
                                    self.runtime_error("No active exception to reraise"),
                                    false,
                                )),
                            };
                        }
                        let e = r!(exc).clone();
                        let c = if cause == NO_REG {
                            None
                        } else {
                            Some(r!(cause).clone())
                        };
                        let e = tryv!(self.make_raisable(e, c));
                        return Err((e, false));
                    }
                    Instr::Reraise { reg } => {
                        self.frames[fi].pc = pc as u32;
                        let e = r!(reg).clone();
                        return Err((e, true));
                    }
                    Instr::PushExcInfo { reg } => {
                        let e = r!(reg).clone();
                        self.frames[fi].exc_info.push(e);
                    }
                    Instr::PopExcInfo => {
                        self.frames[fi].exc_info.pop();
                    }
                    Instr::ExcMatch { dst, exc, cls } => {
                        let (e, c) = (r!(exc).clone(), r!(cls).clone());
                        let m = tryv!(self.exc_matches(&e, &c));
                        r!(dst) = Value::bool(m);
                    }
                    Instr::WithEnter { dst, mgr, exit } => {
                        let m = r!(mgr).clone();
                        let enter = tryv!(self.context_method(&m, "__enter__", ""));
                        let exitf =
                            tryv!(self.context_method(&m, "__exit__", " (missed __exit__ method)"));
                        r!(exit) = exitf;
                        self.frames[fi].pc = pc as u32;
                        let v = tryv!(self.call(&enter, vec![]));
                        r!(dst) = v;
                    }
                    Instr::WithExit { dst, exit, exc } => {
                        let f = r!(exit).clone();
                        let e = r!(exc).clone();
                        let args = if e.is_unbound() {
                            vec![Value::NONE, Value::NONE, Value::NONE]
                        } else {
                            let tb = self.traceback_object(&e);
                            vec![self.type_of(&e), e.clone(), tb]
                        };
                        self.frames[fi].pc = pc as u32;
                        let r = tryv!(self.call(&f, args));
                        let t = tryv!(self.truthy(&r));
                        r!(dst) = Value::bool(t);
                    }
                    Instr::ImportName { dst, name, level } => {
                        self.frames[fi].pc = pc as u32;
                        let n = co.names[name as usize].clone();
                        let g = self.frames[fi].globals.clone();
                        let m = tryv!(crate::modules::import(self, &n, level, &g));
                        r!(dst) = m;
                    }
                    Instr::ImportFrom { dst, module, name } => {
                        let m = r!(module).clone();
                        let n = co.names[name as usize].clone();
                        let v = match tryv!(self.getattr_opt(&m, &n)) {
                            Some(v) => v,
                            None => {
                                self.frames[fi].pc = pc as u32;
                                match crate::modules::import_submodule(self, &m, &n) {
                                    Ok(Some(v)) => v,
                                    Ok(None) => {
                                        let mn = match m.data() {
                                            Some(ObjData::Module(mo)) => mo.name.clone(),
                                            _ => Rc::from("?"),
                                        };
                                        let ns = self.str(&n).unwrap_or_default();
                                        let e = self.import_error(
                                            "ImportError",
                                            &format!("cannot import name '{ns}' from '{mn}'"),
                                            &mn,
                                            None,
                                        );
                                        return Err((e, false));
                                    }
                                    Err(e) => return Err((e, false)),
                                }
                            }
                        };
                        r!(dst) = v;
                    }
                    Instr::ImportStar { module } => {
                        let m = r!(module).clone();
                        let g = self.frames[fi].globals.clone();
                        tryv!(crate::modules::import_star(self, &m, &g));
                    }
                    Instr::RaiseAssert { msg } => {
                        let args = if msg == NO_REG {
                            vec![]
                        } else {
                            vec![r!(msg).clone()]
                        };
                        let cls = self.exc_type("AssertionError");
                        let e = self.new_exc(&cls, args);
                        self.frames[fi].pc = pc as u32;
                        let e = tryv!(self.make_raisable(e, None));
                        return Err((e, false));
                    }
                    Instr::Unsupported { k } => {
                        let what = co.consts[k as usize].clone();
                        let w = self.str(&what).unwrap_or_default();
                        let e = self.unsupported(&w);
                        self.frames[fi].pc = pc as u32;
                        return Err((e, false));
                    }
                }
            }
        }
    }

    fn suspend(&mut self, pc: u32, resume_reg: u16) {
        let frame = self.frames.pop().expect("frame");
        if let Some(ObjData::Gen(g)) = frame.gen.data() {
            let mut gb = g.borrow_mut();
            // Into the generator's own vector (empty, its capacity kept from the
            // last resume): no allocation per yield.
            let regs = &mut gb.regs;
            regs.clear();
            let n = self.regs.len() - frame.base;
            regs.reserve(n);
            // SAFETY: the window's values are moved (bitwise) into the generator's
            // vector, whose capacity was reserved, and the register stack's length
            // is cut back so they are not dropped twice.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    self.regs.as_ptr().add(frame.base),
                    regs.as_mut_ptr(),
                    n,
                );
                regs.set_len(n);
                self.regs.set_len(frame.base);
            }
            gb.pc = pc;
            gb.exc_info = frame.exc_info;
            gb.resume_reg = resume_reg;
        } else {
            self.regs.truncate(frame.base);
        }
    }

    /// The exception being handled by the innermost frame that handles one.
    pub fn current_exception(&self) -> Option<Value> {
        self.frames
            .iter()
            .rev()
            .find_map(|f| f.exc_info.last().cloned())
    }

    /// Set `e.__context__` to the exception being handled, if it has none yet.
    fn chain_context(&mut self, e: &Value) {
        if let Some(d) = crate::exc::exc_data(e) {
            if d.borrow().context.is_none() {
                if let Some(cur) = self.current_exception() {
                    if !cur.is(e) {
                        d.borrow_mut().context = cur;
                    }
                }
            }
        }
    }

    /// Turn the operand of `raise` into an exception instance, setting its cause and
    /// context.
    pub fn make_raisable(&mut self, e: Value, cause: Option<Value>) -> PyResult<Value> {
        let e = if self.is_exc_type(&e) {
            self.call(&e, vec![])?
        } else {
            e
        };
        if crate::exc::exc_data(&e).is_none() {
            return Err(self.type_error("exceptions must derive from BaseException"));
        }
        if let Some(c) = cause {
            let c = if self.is_exc_type(&c) {
                self.call(&c, vec![])?
            } else {
                c
            };
            if !c.is_none() && crate::exc::exc_data(&c).is_none() {
                return Err(self.type_error("exception causes must derive from BaseException"));
            }
            if let Some(d) = crate::exc::exc_data(&e) {
                let mut d = d.borrow_mut();
                d.cause = c;
                d.suppress_context = true;
            }
        }
        if let Some(cur) = self.current_exception() {
            if !cur.is(&e) {
                if let Some(d) = crate::exc::exc_data(&e) {
                    if d.borrow().context.is_none() {
                        d.borrow_mut().context = cur;
                    }
                }
            }
        }
        // An exception raised again keeps its traceback; this raise's frames are
        // added in front of it as it propagates (as in CPython).
        Ok(e)
    }

    fn build_class(&mut self, body: &Value, name: &Value, bases: Vec<Value>) -> PyResult<Value> {
        // With class keywords, `name` is the tuple (name, keywords).
        let (name, kw, explicit_meta) = crate::types::class_keywords(self, name)?;
        let name = &name;
        let Some(ObjData::Func(f)) = body.data() else {
            return Err(self.type_error("class body is not a function"));
        };
        let co = self.ensure_code(&f.proto)?;
        // PEP 560: a base that is not a class may name its replacements with
        // `__mro_entries__` (typing.Generic[T], typing.NamedTuple, ...).
        let mut resolved: Vec<Value> = Vec::with_capacity(bases.len());
        let mut orig_bases = None;
        for b in bases.iter() {
            if crate::types::type_obj(b).is_none() {
                let k = self.intern("__mro_entries__");
                if let Some(f) = self.getattr_opt(b, &k)? {
                    let orig = self.new_tuple(bases.clone());
                    let r = self.call(&f, vec![orig.clone()])?;
                    let Some(ObjData::Tuple(items)) = r.data() else {
                        return Err(self.type_error("__mro_entries__ must return a tuple"));
                    };
                    resolved.extend(items.iter().cloned());
                    orig_bases = Some(orig);
                    continue;
                }
            }
            resolved.push(b.clone());
        }
        let bases = resolved;
        let meta = self.calculate_meta(explicit_meta, &bases)?;
        if !meta.is(&self.t.type_) {
            return self.build_class_meta(&meta, co, f, name, bases, orig_bases, kw);
        }
        let ns = self.new_dict();
        if let (Some(orig), Some(ObjData::Dict(d))) = (orig_bases, ns.data()) {
            let k = self.intern("__orig_bases__");
            self.table_set(d, k, orig)?;
        }
        let cell = self.run_code(co.clone(), f.globals.clone(), ns.clone(), f.closure.clone())?;
        let n = self.str(name)?;
        let module = match f.globals.data() {
            Some(ObjData::Dict(d)) => {
                let k = self.intern("__name__");
                match self.table_get(d, &k)? {
                    Some(m) => Rc::from(self.str(&m)?.as_str()),
                    None => Rc::from("__main__"),
                }
            }
            _ => Rc::from("__main__"),
        };
        let cls = self.new_class(&n, &co.code.qualname, bases, &ns, module)?;
        if let Some(ObjData::Cell(c)) = cell.data() {
            *c.borrow_mut() = cls.clone();
        }
        self.finish_class(&cls, &ns, kw)?;
        Ok(cls)
    }

    /// A class statement whose metaclass is not `type`: the namespace from
    /// `meta.__prepare__(name, bases, **kw)`, the body run in it, then
    /// `meta(name, bases, namespace, **kw)`.
    fn build_class_meta(
        &mut self,
        meta: &Value,
        co: Rc<CodeObj>,
        f: &crate::object::FuncObj,
        name: &Value,
        bases: Vec<Value>,
        orig_bases: Option<Value>,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let bases_t = self.new_tuple(bases);
        let prep = self.intern("__prepare__");
        let ns = match self.getattr_opt(meta, &prep)? {
            Some(p) => self.call_kw(&p, vec![name.clone(), bases_t.clone()], kw.clone())?,
            None => self.new_dict(),
        };
        let Some(ObjData::Dict(d)) = ns.data() else {
            return Err(self.unsupported("__prepare__ returning a namespace that is not a dict"));
        };
        if let Some(orig) = orig_bases {
            let k = self.intern("__orig_bases__");
            self.table_set(d, k, orig)?;
        }
        let cell = self.run_code(co, f.globals.clone(), ns.clone(), f.closure.clone())?;
        let cls = self.call_kw(meta, vec![name.clone(), bases_t, ns], kw)?;
        if let Some(ObjData::Cell(c)) = cell.data() {
            if matches!(cls.data(), Some(ObjData::Type(_))) {
                *c.borrow_mut() = cls.clone();
            }
        }
        Ok(cls)
    }

    /// Items for `*x` unpacking, with CPython's error message.
    fn collect_star(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match self.collect(v) {
            Ok(items) => Ok(items),
            Err(e) => {
                if self.iter(v).is_err() {
                    let tn = self.type_name(v);
                    return Err(
                        self.type_error(&format!("Value after * must be an iterable, not {tn}"))
                    );
                }
                Err(e)
            }
        }
    }

    fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v.data() {
            Some(ObjData::Tuple(t)) => t.to_vec(),
            Some(ObjData::List(l)) => l.borrow().clone(),
            _ => {
                let it = match self.iter(v) {
                    Ok(it) => it,
                    Err(_) => {
                        let tn = self.type_name(v);
                        return Err(
                            self.type_error(&format!("cannot unpack non-iterable {tn} object"))
                        );
                    }
                };
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(
                            self.value_error(&format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(&format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }
}

fn tuple_len(v: &Value) -> usize {
    match v.data() {
        Some(ObjData::Tuple(t)) => t.len(),
        _ => 0,
    }
}

/// Advance a built-in iterator.
pub fn iter_next(vm: &mut Vm, it: &Value, st: &RefCell<IterState>) -> PyResult<Option<Value>> {
    let _ = it;
    let mut stb = st.borrow_mut();
    match &mut *stb {
        IterState::Done(_) => Ok(None),
        IterState::BigRange(b) => Ok(crate::bigrange::next(vm, b)),
        IterState::Range { cur, stop, step } => {
            let c = *cur;
            if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                *cur = c + *step;
                Ok(Some(vm.new_int(c)))
            } else {
                Ok(None)
            }
        }
        IterState::Seq { seq, idx } => {
            let seq = seq.clone();
            let i = *idx;
            let v = match seq.data() {
                Some(ObjData::List(l)) => l.borrow().get(i).cloned(),
                Some(ObjData::Tuple(t)) => t.get(i).cloned(),
                Some(ObjData::Bytes(b)) => b.get(i).map(|&x| Value::small_int(x as i64)),
                _ => {
                    drop(stb);
                    let k = vm.new_int(i as i64);
                    let r = vm.getitem(&seq, &k);
                    stb = st.borrow_mut();
                    match r {
                        Ok(v) => Some(v),
                        Err(e) => {
                            if vm.isinstance(&e, &vm.t.exc["IndexError"].clone())
                                || vm.isinstance(&e, &vm.t.exc["StopIteration"].clone())
                            {
                                None
                            } else {
                                return Err(e);
                            }
                        }
                    }
                }
            };
            match v {
                Some(v) => {
                    if let IterState::Seq { idx, .. } = &mut *stb {
                        *idx = i + 1;
                    }
                    Ok(Some(v))
                }
                None => {
                    let name = crate::ops::iter_type_name(&stb);
                    *stb = IterState::Done(name);
                    Ok(None)
                }
            }
        }
        IterState::Str { s, byte } => {
            let Some(ObjData::Str(so)) = s.data() else {
                return Ok(None);
            };
            match so.s[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    drop(stb);
                    Ok(Some(vm.new_char(c)))
                }
                None => Ok(None),
            }
        }
        IterState::Dict {
            dict,
            idx,
            kind,
            len,
        } => {
            let d = match dict.data() {
                Some(ObjData::Dict(d)) | Some(ObjData::Set(d)) | Some(ObjData::FrozenSet(d)) => d,
                _ => return Ok(None),
            };
            let db = d.borrow();
            if db.len != *len {
                *len = usize::MAX;
                drop(db);
                let is_set = !matches!(dict.data(), Some(ObjData::Dict(_)));
                drop(stb);
                return Err(vm.runtime_error(if is_set {
                    "Set changed size during iteration"
                } else {
                    "dictionary changed size during iteration"
                }));
            }
            match db.entry_at(*idx) {
                Some((i, e)) => {
                    *idx = i + 1;
                    let (k, v) = (e.1.clone(), e.2.clone());
                    let kind = *kind;
                    drop(db);
                    drop(stb);
                    Ok(Some(match kind {
                        DictIterKind::Keys => k,
                        DictIterKind::Values => v,
                        DictIterKind::Items => vm.new_tuple(vec![k, v]),
                    }))
                }
                None => Ok(None),
            }
        }
        IterState::Enumerate { it, n } => {
            let (inner, cur) = (it.clone(), n.clone());
            drop(stb);
            match vm.next(&inner)? {
                Some(v) => {
                    let one = Value::small_int(1);
                    let nx = vm.binary(lethe_compiler::bytecode::BinOp::Add, &cur, &one)?;
                    if let IterState::Enumerate { n, .. } = &mut *st.borrow_mut() {
                        *n = nx;
                    }
                    Ok(Some(vm.new_tuple(vec![cur, v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            drop(stb);
            let mut out = Vec::with_capacity(its.len());
            for (n, i) in its.iter().enumerate() {
                match vm.next(i)? {
                    Some(v) => out.push(v),
                    None => {
                        *st.borrow_mut() = IterState::Done("zip");
                        if strict {
                            let plural = if n <= 1 { " " } else { "s 1-" };
                            if n > 0 {
                                return Err(vm.value_error(&format!(
                                    "zip() argument {} is shorter than argument{plural}{n}",
                                    n + 1
                                )));
                            }
                            for (m, other) in its.iter().enumerate().skip(1) {
                                if vm.next(other)?.is_some() {
                                    let plural = if m == 1 { " " } else { "s 1-" };
                                    return Err(vm.value_error(&format!(
                                        "zip() argument {} is longer than argument{plural}{m}",
                                        m + 1
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            if out.is_empty() {
                return Ok(None);
            }
            Ok(Some(vm.new_tuple(out)))
        }
        IterState::Map { f, its } => {
            let (f, its) = (f.clone(), its.clone());
            drop(stb);
            let mut args = Vec::with_capacity(its.len());
            for i in its.iter() {
                match vm.next(i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&f, args).map(Some)
        }
        IterState::Filter { f, it } => {
            let (f, inner) = (f.clone(), it.clone());
            drop(stb);
            loop {
                let Some(v) = vm.next(&inner)? else {
                    return Ok(None);
                };
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&f, vec![v.clone()])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        IterState::Reversed { seq, idx } => {
            if *idx == 0 {
                return Ok(None);
            }
            *idx -= 1;
            let (seq, i) = (seq.clone(), *idx);
            drop(stb);
            let k = vm.new_int(i as i64);
            match vm.getitem(&seq, &k) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.isinstance(&e, &vm.t.exc["IndexError"].clone()) => Ok(None),
                Err(e) => Err(e),
            }
        }
        IterState::Callable { f, sentinel } => {
            let (f, s) = (f.clone(), sentinel.clone());
            drop(stb);
            let v = vm.call(&f, vec![])?;
            if vm.eq(&v, &s)? {
                *st.borrow_mut() = IterState::Done("callable_iterator");
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
    }
}

/// The bits of an instance's shape pointer, as native code reads them.
#[inline]
pub(crate) fn shape_word(s: &Rc<crate::shape::Shape>) -> u64 {
    // SAFETY: an `Rc` is one pointer; its bits are only compared.
    unsafe { std::mem::transmute_copy::<Rc<crate::shape::Shape>, usize>(s) as u64 }
}

/// A cache entry for an instance attribute.
fn attr_entry(cls: &Value, shape: &Rc<crate::shape::Shape>, slot: u64) -> lethe_jit::AttrIc {
    lethe_jit::AttrIc {
        class: cls.bits(),
        shape: shape_word(shape),
        epoch: crate::types::type_epoch(),
        slot,
        next: 0,
    }
}

/// Where an attribute instruction keeps its inline cache entries: the interpreter's
/// table of the code object (allocated on first use) or native code's own table
/// (valid while the activation running it holds the code), by instruction offset.
#[derive(Clone, Copy)]
pub(crate) enum Ic<'a> {
    Interp(&'a CodeObj, usize),
    /// The native code's table and the offset (the table has the same groups as
    /// one made from the code's bytecode).
    Native(*const crate::object::IcTable, usize),
}

impl Ic<'_> {
    /// The entry for instances of class `class` with shape `shape` at `epoch`.
    #[inline]
    fn lookup(&self, class: u64, shape: u64, epoch: u64) -> Option<lethe_jit::AttrIc> {
        let find = |t: &crate::object::IcTable, pc: usize| {
            t.group(pc)?
                .iter()
                .map(|c| c.get())
                .find(|e| e.class == class && e.shape == shape && e.epoch == epoch)
        };
        match *self {
            Ic::Interp(co, pc) => find(co.attr_cache.borrow().as_ref()?, pc),
            // SAFETY: a table the running native activation keeps alive.
            Ic::Native(t, pc) => find(unsafe { t.as_ref()? }, pc),
        }
    }
    /// Add an entry (first; the oldest of a full group goes).
    fn write(&self, e: lethe_jit::AttrIc) {
        let put = |t: &crate::object::IcTable, pc: usize| {
            if let Some(g) = t.group(pc) {
                for k in (1..g.len()).rev() {
                    g[k].set(g[k - 1].get());
                }
                g[0].set(e);
            }
        };
        match *self {
            Ic::Interp(co, pc) => {
                let mut t = co.attr_cache.borrow_mut();
                if t.is_none() {
                    let Some(b) = co.bytecode.borrow().as_ref().map(|b| Rc::clone(b)) else {
                        return;
                    };
                    let _f = lethe_ledger::scope(lethe_ledger::Category::Feedback);
                    *t = Some(crate::object::IcTable::new(&b.instrs));
                }
                if let Some(t) = t.as_ref() {
                    put(t, pc);
                }
            }
            // SAFETY: as in `lookup`.
            Ic::Native(t, pc) => {
                if let Some(t) = unsafe { t.as_ref() } {
                    put(t, pc)
                }
            }
        }
    }
}

impl CodeObj {
    /// The global-variable caches, one per name (an entry for no table until filled;
    /// sized once, so native code can hold a pointer to them).
    pub(crate) fn global_cache_sized(
        &self,
    ) -> std::cell::RefMut<'_, Vec<crate::object::GlobalCache>> {
        let mut c = self.global_cache.borrow_mut();
        if c.len() < self.names.len() {
            c.resize(self.names.len(), crate::object::GlobalCache::default());
        }
        c
    }
}

/// The inline-cache key of a built-in heap value whose data variant alone decides
/// its type (str, list, tuple, dict, set, frozenset, bytes, bytearray): the
/// variant's number, shifted and made odd so that it never equals a class's address.
/// Native code computes the same from the variant byte (`AttrIc`, shape word 1).
pub(crate) fn variant_key(v: &Value) -> Option<u64> {
    let d = v.data()?;
    match d {
        ObjData::Str(_)
        | ObjData::List(_)
        | ObjData::Tuple(_)
        | ObjData::Dict(_)
        | ObjData::Set(_)
        | ObjData::FrozenSet(_)
        | ObjData::Bytes(_)
        | ObjData::ByteArray(_) => {
            // SAFETY: ObjData is repr(u8): its first byte is the variant.
            let tag = unsafe { *(d as *const ObjData as *const u8) };
            Some(((tag as u64) << 1) | 1)
        }
        _ => None,
    }
}
