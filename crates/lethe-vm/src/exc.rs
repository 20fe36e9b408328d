//! Exceptions: construction from Rust, and CPython-style traceback printing.

use crate::object::{ExcData, ObjData};
use crate::{PyResult, Value, Vm};
use std::rc::Rc;

pub fn exc_data(v: &Value) -> Option<&std::cell::RefCell<ExcData>> {
    match v.data() {
        Some(ObjData::Instance(i)) => i.exc(),
        _ => None,
    }
}

impl Vm {
    pub fn exc_type(&self, name: &str) -> Value {
        self.t
            .exc
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.t.exc["Exception"].clone())
    }

    /// `e.__traceback__`: a chain of `traceback` objects (`tb_lineno`, `tb_next`;
    /// `tb_frame` and `tb_lasti` are unsupported), outermost frame first, made
    /// from the frames the exception has passed through; None when it has not
    /// been raised.
    pub fn traceback_object(&mut self, e: &Value) -> Value {
        let Some(d) = exc_data(e) else {
            return Value::NONE;
        };
        let entries: Vec<(u32, Rc<lethe_compiler::bytecode::Code>, u32)> = d
            .borrow()
            .traceback
            .iter()
            .map(|t| (t.code.line_of(tb_pc(t)), t.code.clone(), tb_pc(t)))
            .collect();
        let cls = self.t.named("traceback");
        let (next_k, line_k) = (self.intern("tb_next"), self.intern("tb_lineno"));
        let site_k = self.intern("_lethe_site");
        let mut tb = Value::NONE;
        for (line, code, pc) in entries {
            // Where the frame stopped, for traceback.extract_tb and format_tb:
            // (filename, name, line, end line, column or None, end column).
            let pos = code.position(pc);
            let site = vec![
                self.new_str(&code.filename),
                self.new_str(&code.name),
                Value::small_int(pos.line as i64),
                Value::small_int(pos.end_line as i64),
                pos.col.map_or(Value::NONE, |c| Value::small_int(c as i64)),
                Value::small_int(pos.end_col as i64),
            ];
            let site = self.new_tuple(site);
            let t = self.new_instance(&cls);
            if let Some(ObjData::Instance(i)) = t.data() {
                i.set(&next_k, tb);
                i.set(&line_k, Value::small_int(line as i64));
                i.set(&site_k, site);
            }
            tb = t;
        }
        tb
    }

    /// A `code` object describing `code` (a snapshot: `co_name`, `co_qualname`,
    /// `co_filename`, `co_firstlineno`, argument counts, `co_varnames`,
    /// `co_cellvars`, `co_freevars`, `co_nlocals`, `co_flags`).
    pub fn code_object(&mut self, code: &lethe_compiler::bytecode::Code) -> Value {
        let cls = self.t.named("code");
        let o = self.new_instance(&cls);
        let p = &code.params;
        let nparams = p.count();
        let is_free = |i: usize| code.free_regs.contains(&(i as u16));
        let is_cell = |i: usize| code.cell_regs.contains(&(i as u16));
        let names = |vm: &mut Vm, it: Vec<&str>| {
            let v = it.into_iter().map(|n| vm.new_str(n)).collect();
            vm.new_tuple(v)
        };
        let varnames: Vec<&str> = code
            .local_names
            .iter()
            .enumerate()
            .filter(|&(i, _)| !is_free(i) && (i < nparams || !is_cell(i)))
            .map(|(_, n)| &**n)
            .collect();
        let nlocals = varnames.len();
        let cellvars: Vec<&str> = code
            .cell_regs
            .iter()
            .filter_map(|&r| code.local_names.get(r as usize).map(|n| &**n))
            .collect();
        let freevars: Vec<&str> = code.freevars.iter().map(|n| &**n).collect();
        // CO_OPTIMIZED | CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS, CO_NESTED,
        // CO_GENERATOR.
        let mut flags = 0;
        if !code.flags.module && !code.flags.class_body {
            flags |= 3;
        }
        if p.varargs.is_some() {
            flags |= 4;
        }
        if p.varkw.is_some() {
            flags |= 8;
        }
        if !code.freevars.is_empty() {
            flags |= 16;
        }
        if code.flags.generator {
            flags |= 32;
        }
        let items = [
            ("co_name", self.new_str(&code.name)),
            ("co_qualname", self.new_str(&code.qualname)),
            ("co_filename", self.new_str(&code.filename)),
            ("co_firstlineno", Value::small_int(code.first_line as i64)),
            ("co_argcount", Value::small_int(p.positional.len() as i64)),
            ("co_posonlyargcount", Value::small_int(p.posonly as i64)),
            ("co_kwonlyargcount", Value::small_int(p.kwonly.len() as i64)),
            ("co_nlocals", Value::small_int(nlocals as i64)),
            ("co_varnames", names(self, varnames)),
            ("co_cellvars", names(self, cellvars)),
            ("co_freevars", names(self, freevars)),
            ("co_flags", Value::small_int(flags)),
        ];
        self.set_plain_attrs(&o, items);
        o
    }

    /// `sys._getframe(depth)`: snapshots of the active frames, the caller's `depth`
    /// frames down, with `f_back` down to the module's.
    pub fn stack_frame(&mut self, depth: usize) -> PyResult<Value> {
        let n = self.frames.len();
        if depth >= n {
            return Err(self.value_error("call stack is not deep enough"));
        }
        let mut back = Value::NONE;
        for fi in 0..n - depth {
            let f = &self.frames[fi];
            let code = f.code.code.clone();
            let line = code.line_of(f.pc.saturating_sub(1));
            let globals = f.globals.clone();
            let f_locals = if !f.locals.is_unbound() && f.func.is_unbound() {
                Some(f.locals.clone())
            } else if f.func.is_unbound() {
                Some(f.globals.clone())
            } else {
                None
            };
            let nl = code.local_names.len();
            let regs: Vec<Value> = if f_locals.is_some() {
                Vec::new()
            } else {
                self.regs[f.base..(f.base + nl).min(self.regs.len())].to_vec()
            };
            let o = self.frame_object(&code, &regs, line, globals)?;
            if let Some(ObjData::Instance(i)) = o.data() {
                let k = self.intern("f_back");
                i.set(&k, back);
                if let Some(l) = f_locals {
                    let k = self.intern("f_locals");
                    i.set(&k, l);
                }
            }
            back = o;
        }
        Ok(back)
    }

    /// A `frame` object: a snapshot of an activation of `code` at source line
    /// `line`, its named registers `regs` (cells read through) as `f_locals`.
    pub fn frame_object(
        &mut self,
        code: &lethe_compiler::bytecode::Code,
        regs: &[Value],
        line: u32,
        globals: Value,
    ) -> PyResult<Value> {
        let cls = self.t.named("frame");
        let o = self.new_instance(&cls);
        let locals = self.new_dict();
        for (i, n) in code.local_names.iter().enumerate() {
            let mut v = regs.get(i).cloned().unwrap_or(Value::UNBOUND);
            if code.cell_regs.contains(&(i as u16)) || code.free_regs.contains(&(i as u16)) {
                if let Some(ObjData::Cell(c)) = v.data() {
                    let inner = c.borrow().clone();
                    v = inner;
                }
            }
            if v.is_unbound() {
                continue;
            }
            let k = self.intern(n);
            if let Some(ObjData::Dict(dd)) = locals.data() {
                self.table_set(dd, k, v)?;
            }
        }
        let co = self.code_object(code);
        let items = [
            ("f_code", co),
            ("f_lineno", Value::small_int(line as i64)),
            ("f_locals", locals),
            ("f_globals", globals),
            ("f_back", Value::NONE),
        ];
        self.set_plain_attrs(&o, items);
        Ok(o)
    }

    fn set_plain_attrs<const N: usize>(&mut self, o: &Value, items: [(&str, Value); N]) {
        if let Some(ObjData::Instance(i)) = o.data() {
            for (k, v) in items {
                let k = self.intern(k);
                i.set(&k, v);
            }
        }
    }

    /// `gen.gi_frame`: None once the generator has finished, else its frame (the
    /// line it is suspended at, or of its `def` before it starts).
    pub fn gen_frame(&mut self, gen: &Value) -> PyResult<Value> {
        use crate::object::GenState;
        let Some(ObjData::Gen(g)) = gen.data() else {
            return Ok(Value::NONE);
        };
        let globals = |vm: &Vm, func: &Value| match func.data() {
            Some(ObjData::Func(f)) => f.globals.clone(),
            _ => vm
                .frames
                .first()
                .map(|f| f.globals.clone())
                .unwrap_or(Value::NONE),
        };
        if let Ok(g) = g.try_borrow() {
            let code = g.code.code.clone();
            let line = match g.state {
                GenState::Finished => return Ok(Value::NONE),
                GenState::Created => code.first_line,
                GenState::Suspended => code.line_of(g.pc.saturating_sub(1)),
                GenState::Running => 0,
            };
            if line != 0 {
                let regs = g.regs.clone();
                let gl = globals(self, &g.func);
                drop(g);
                return self.frame_object(&code, &regs, line, gl);
            }
        }
        // Running: its frame is on the stack (the line of a frame still running is
        // that of its last call or resumption: the interpreter does not store the
        // pc of every instruction).
        let Some(fi) = self.frames.iter().rposition(|f| f.gen.is(gen)) else {
            return Ok(Value::NONE);
        };
        let f = &self.frames[fi];
        let code = f.code.code.clone();
        let pc = if fi + 1 == self.frames.len() {
            f.pc
        } else {
            f.pc.saturating_sub(1)
        };
        let line = code.line_of(pc);
        let n = code.local_names.len();
        let regs: Vec<Value> = self.regs[f.base..(f.base + n).min(self.regs.len())].to_vec();
        let gl = f.globals.clone();
        self.frame_object(&code, &regs, line, gl)
    }

    /// A new exception of class `cls` with the given args.
    pub fn new_exc(&mut self, cls: &Value, args: Vec<Value>) -> Value {
        let e = self.new_instance(cls);
        if exc_data(&e).is_some() {
            self.set_exc_args(&e, args);
        }
        e
    }

    pub fn new_error(&mut self, kind: &str, msg: &str) -> Value {
        let cls = self.exc_type(kind);
        let m = self.new_str(msg);
        self.new_exc(&cls, vec![m])
    }

    pub fn type_error(&mut self, msg: &str) -> Value {
        self.new_error("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: &str) -> Value {
        self.new_error("ValueError", msg)
    }
    pub fn index_error(&mut self, msg: &str) -> Value {
        self.new_error("IndexError", msg)
    }
    pub fn attribute_error(&mut self, msg: &str) -> Value {
        self.new_error("AttributeError", msg)
    }
    pub fn zero_div(&mut self, msg: &str) -> Value {
        self.new_error("ZeroDivisionError", msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> Value {
        self.new_error("OverflowError", msg)
    }
    pub fn runtime_error(&mut self, msg: &str) -> Value {
        self.new_error("RuntimeError", msg)
    }
    pub fn key_error(&mut self, key: Value) -> Value {
        let cls = self.exc_type("KeyError");
        self.new_exc(&cls, vec![key])
    }
    pub fn stop_iteration(&mut self, value: Value) -> Value {
        let cls = self.exc_type("StopIteration");
        if value.is_none() {
            self.new_exc(&cls, vec![])
        } else {
            self.new_exc(&cls, vec![value])
        }
    }
    /// A construct lethe does not support, raised at run time. Reported as
    /// `unsupported: <what>` with exit status 2 when uncaught.
    pub fn unsupported(&mut self, what: &str) -> Value {
        let cls = self.exc_type("SystemError");
        let m = self.new_string(format!("unsupported: {what}"));
        let e = self.new_exc(&cls, vec![m]);
        if let Some(ObjData::Instance(i)) = e.data() {
            let key = self.intern("__lethe_unsupported__");
            i.set(&key, Value::TRUE);
        }
        e
    }

    pub fn is_unsupported(&mut self, e: &Value) -> bool {
        let key = self.intern("__lethe_unsupported__");
        match e.data() {
            Some(ObjData::Instance(i)) => i.get(&key).is_some(),
            _ => false,
        }
    }

    /// Does exception `e` match `cls` (a class or tuple of classes) in `except`?
    pub fn exc_matches(&mut self, e: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(ObjData::Tuple(items)) = cls.data() {
            for c in items.iter() {
                if self.exc_matches(e, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !self.is_exc_type(cls) {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(self.isinstance(e, cls))
    }

    /// Store an exception's constructor arguments, as `BaseException.__new__` and
    /// `__init__` do; `OSError` also sets `errno`, `strerror`, `filename` and
    /// `filename2` (and keeps only `(errno, strerror)` in `args` when a filename is
    /// given).
    pub fn set_exc_args(&mut self, e: &Value, args: Vec<Value>) {
        let Some(d) = exc_data(e) else {
            return;
        };
        let os = self.t.exc["OSError"].clone();
        let ue = self.t.exc["UnicodeError"].clone();
        if args.len() == 5 && self.isinstance(e, &ue) {
            if let Some(ObjData::Instance(i)) = e.data() {
                for (k, v) in ["encoding", "object", "start", "end", "reason"]
                    .iter()
                    .zip(&args)
                {
                    let key = self.intern(k);
                    i.set(&key, v.clone());
                }
            }
        }
        if !self.isinstance(e, &os) {
            d.borrow_mut().args = self.new_tuple(args);
            return;
        }
        let n = args.len();
        let get = |i: usize| {
            if (2..=5).contains(&n) {
                args.get(i).cloned().unwrap_or(Value::NONE)
            } else {
                Value::NONE
            }
        };
        let attrs = [
            ("errno", get(0)),
            ("strerror", get(1)),
            ("filename", get(2)),
            ("filename2", get(4)),
        ];
        if let Some(ObjData::Instance(i)) = e.data() {
            for (k, v) in attrs {
                let key = self.intern(k);
                i.set(&key, v);
            }
        }
        let kept = if (3..=5).contains(&n) {
            args[..2].to_vec()
        } else {
            args
        };
        d.borrow_mut().args = self.new_tuple(kept);
    }

    /// What `ImportError.__init__`, `NameError.__init__`, `AttributeError.__init__`
    /// and `SyntaxError.__init__` do beyond `BaseException.__init__`: keyword
    /// arguments (`name=`, `path=`, `obj=`; any other type takes none), ImportError's
    /// `msg`, SyntaxError's `msg` and `(filename, lineno, offset, text[, end_lineno,
    /// end_offset])`. Their attributes are None on the class until set here.
    pub fn exc_init_extra(
        &mut self,
        e: &Value,
        args: &[Value],
        kw: &[(Rc<str>, Value)],
    ) -> PyResult<()> {
        let import = self.t.exc["ImportError"].clone();
        let syntax = self.t.exc["SyntaxError"].clone();
        if self.isinstance(e, &import) {
            let msg = if args.len() == 1 {
                args[0].clone()
            } else {
                Value::NONE
            };
            let k = self.intern("msg");
            self.setattr(e, &k, msg)?;
        } else if self.isinstance(e, &syntax) {
            let mut fields = vec![("msg", args.first().cloned().unwrap_or(Value::NONE))];
            if args.len() == 2 {
                let info = self.collect(&args[1])?;
                if !(4..=6).contains(&info.len()) {
                    let n = info.len();
                    let msg = if n < 4 {
                        format!("function takes at least 4 arguments ({n} given)")
                    } else {
                        format!("function takes at most 6 arguments ({n} given)")
                    };
                    return Err(self.type_error(&msg));
                }
                let names = [
                    "filename",
                    "lineno",
                    "offset",
                    "text",
                    "end_lineno",
                    "end_offset",
                ];
                for (i, n) in names.iter().enumerate() {
                    fields.push((n, info.get(i).cloned().unwrap_or(Value::NONE)));
                }
            }
            for (n, v) in fields {
                let k = self.intern(n);
                self.setattr(e, &k, v)?;
            }
        }
        if kw.is_empty() {
            return Ok(());
        }
        let (owner, allowed): (&str, &[&str]) = if self.isinstance(e, &import) {
            ("ImportError", &["name", "path"])
        } else if self.isinstance(e, &self.t.exc["NameError"].clone()) {
            ("NameError", &["name"])
        } else if self.isinstance(e, &self.t.exc["AttributeError"].clone()) {
            ("AttributeError", &["name", "obj"])
        } else {
            let tn = self.type_name(e);
            return Err(self.type_error(&format!("{tn}() takes no keyword arguments")));
        };
        for (k, v) in kw {
            if !allowed.contains(&&**k) {
                return Err(self.type_error(&format!(
                    "'{k}' is an invalid keyword argument for {owner}()"
                )));
            }
            let key = self.intern(k);
            self.setattr(e, &key, v.clone())?;
        }
        Ok(())
    }

    /// An ImportError (or ModuleNotFoundError) with its `name` and `path`, as the
    /// import system raises it.
    pub fn import_error(&mut self, kind: &str, msg: &str, name: &str, path: Option<&str>) -> Value {
        let e = self.new_error(kind, msg);
        let fields = [
            ("msg", self.new_str(msg)),
            ("name", self.new_str(name)),
            ("path", path.map(|p| self.new_str(p)).unwrap_or(Value::NONE)),
        ];
        for (k, v) in fields {
            let k = self.intern(k);
            let _ = self.setattr(&e, &k, v);
        }
        e
    }

    /// `OSError(errno, ...)` builds the subclass for that errno, as CPython does.
    pub fn os_error_subclass(&mut self, cls: &Value, args: &[Value]) -> Option<Value> {
        if !cls.is(&self.t.exc["OSError"]) || !(2..=5).contains(&args.len()) {
            return None;
        }
        let errno = crate::ops::as_i64(&args[0]).filter(|_| crate::ops::is_int(&args[0]))?;
        let name = match errno {
            11 | 114 | 115 => "BlockingIOError",
            10 => "ChildProcessError",
            32 | 108 => "BrokenPipeError",
            103 => "ConnectionAbortedError",
            111 => "ConnectionRefusedError",
            104 => "ConnectionResetError",
            17 => "FileExistsError",
            2 => "FileNotFoundError",
            21 => "IsADirectoryError",
            20 => "NotADirectoryError",
            4 => "InterruptedError",
            1 | 13 => "PermissionError",
            3 => "ProcessLookupError",
            110 => "TimeoutError",
            _ => return None,
        };
        Some(self.t.exc[name].clone())
    }

    fn inst_attr(&mut self, e: &Value, name: &str) -> Value {
        let key = self.intern(name);
        match e.data() {
            Some(ObjData::Instance(i)) => i.get(&key).unwrap_or(Value::NONE),
            _ => Value::NONE,
        }
    }

    /// `str(exception)`.
    pub fn exc_str(&mut self, e: &Value) -> PyResult<String> {
        let args = exc_data(e)
            .map(|d| d.borrow().args.clone())
            .unwrap_or(Value::NONE);
        let items: Vec<Value> = match args.data() {
            Some(ObjData::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        if self.isinstance(e, &self.t.exc["OSError"].clone()) {
            let (errno, strerror) = (self.inst_attr(e, "errno"), self.inst_attr(e, "strerror"));
            let (f1, f2) = (
                self.inst_attr(e, "filename"),
                self.inst_attr(e, "filename2"),
            );
            if !f1.is_none() {
                let (en, se, r1) = (self.str(&errno)?, self.str(&strerror)?, self.repr(&f1)?);
                if !f2.is_none() {
                    let r2 = self.repr(&f2)?;
                    return Ok(format!("[Errno {en}] {se}: {r1} -> {r2}"));
                }
                return Ok(format!("[Errno {en}] {se}: {r1}"));
            }
            if !errno.is_none() && !strerror.is_none() {
                let (en, se) = (self.str(&errno)?, self.str(&strerror)?);
                return Ok(format!("[Errno {en}] {se}"));
            }
        }
        if items.len() == 5 {
            let dec = self.isinstance(e, &self.t.exc["UnicodeDecodeError"].clone());
            let enc = self.isinstance(e, &self.t.exc["UnicodeEncodeError"].clone());
            if dec || enc {
                if let Some(m) = self.unicode_error_str(&items, dec)? {
                    return Ok(m);
                }
            }
        }
        if self.isinstance(e, &self.t.exc["ImportError"].clone()) {
            let msg = self.inst_attr(e, "msg");
            if let Some(ObjData::Str(s)) = msg.data() {
                return Ok(s.s.to_string());
            }
        }
        if self.isinstance(e, &self.t.exc["SyntaxError"].clone()) {
            return self.syntax_error_str(e);
        }
        if let Some(s) = crate::excgroup::group_str(self, e)? {
            return Ok(s);
        }
        let is_key_error = self.isinstance(e, &self.t.exc["KeyError"].clone());
        match items.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&items[0]),
            1 => self.str(&items[0]),
            _ => self.repr(&args),
        }
    }

    /// `str()` of a SyntaxError (CPython's SyntaxError_str): the message, then the
    /// file's base name and the line where known.
    fn syntax_error_str(&mut self, e: &Value) -> PyResult<String> {
        let (msg, filename, lineno) = (
            self.inst_attr(e, "msg"),
            self.inst_attr(e, "filename"),
            self.inst_attr(e, "lineno"),
        );
        let msg = self.str(&msg)?;
        let file = match filename.data() {
            Some(ObjData::Str(s)) => Some(s.s.rsplit('/').next().unwrap_or("").to_string()),
            _ => None,
        };
        let line = if crate::ops::is_int(&lineno) && !lineno.is_bool() {
            Some(self.str(&lineno)?)
        } else {
            None
        };
        Ok(match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        })
    }

    /// `str()` of a `UnicodeDecodeError`/`UnicodeEncodeError` built from its five
    /// arguments (encoding, object, start, end, reason).
    fn unicode_error_str(&mut self, items: &[Value], decode: bool) -> PyResult<Option<String>> {
        let (Some(start), Some(end)) =
            (crate::ops::as_i64(&items[2]), crate::ops::as_i64(&items[3]))
        else {
            return Ok(None);
        };
        let enc = self.str(&items[0])?;
        let reason = self.str(&items[4])?;
        if decode {
            let Some(ObjData::Bytes(b)) = items[1].data() else {
                return Ok(None);
            };
            if end == start + 1 && start >= 0 && (start as usize) < b.len() {
                let byte = b[start as usize];
                return Ok(Some(format!(
                    "'{enc}' codec can't decode byte {byte:#04x} in position {start}: {reason}"
                )));
            }
            return Ok(Some(format!(
                "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            )));
        }
        let Some(ObjData::Str(so)) = items[1].data() else {
            return Ok(None);
        };
        if end == start + 1 && start >= 0 {
            if let Some(c) = so.s.chars().nth(start as usize) {
                let c = c as u32;
                let esc = if c < 0x100 {
                    format!("\\x{c:02x}")
                } else if c < 0x10000 {
                    format!("\\u{c:04x}")
                } else {
                    format!("\\U{c:08x}")
                };
                return Ok(Some(format!(
                    "'{enc}' codec can't encode character '{esc}' in position {start}: {reason}"
                )));
            }
        }
        Ok(Some(format!(
            "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        )))
    }

    /// The last line of a traceback: `Type: message`.
    pub fn exc_line(&mut self, e: &Value) -> String {
        let cls = self.type_of(e);
        let name = crate::types::type_obj(&cls)
            .map(|t| t.qualname.borrow().to_string())
            .unwrap_or_default();
        let module = crate::types::type_obj(&cls).map(|t| self.class_module(t));
        let name = match module {
            Some(m) if &*m != "builtins" && &*m != "__main__" => format!("{m}.{name}"),
            _ => name,
        };
        let msg = match self.syntax_error_site(e) {
            // CPython prints a SyntaxError's `msg` after its file and line.
            Some(_) => {
                let m = self.inst_attr(e, "msg");
                self.str(&m)
                    .unwrap_or_else(|_| "<exception str() failed>".to_string())
            }
            None => match self.str_exc_via_dunder(e) {
                Ok(s) => s,
                Err(_) => "<exception str() failed>".to_string(),
            },
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// For a SyntaxError whose `lineno` is an int (CPython's parse_syntax_error
    /// succeeds): the lines printed before its message, the file and line, then the
    /// source text with a caret under `offset`.
    fn syntax_error_site(&mut self, e: &Value) -> Option<String> {
        if !self.isinstance(e, &self.t.exc["SyntaxError"].clone()) {
            return None;
        }
        let lineno = self.inst_attr(e, "lineno");
        if !crate::ops::is_int(&lineno) {
            return None;
        }
        let line = self.str(&lineno).ok()?;
        let file = match self.inst_attr(e, "filename").data() {
            Some(ObjData::Str(s)) => s.s.to_string(),
            _ => "<string>".to_string(),
        };
        let mut out = format!("  File \"{file}\", line {line}\n");
        if let Some(ObjData::Str(t)) = self.inst_attr(e, "text").data() {
            let offset = crate::ops::as_i64(&self.inst_attr(e, "offset")).unwrap_or(0);
            let text = t.s.trim_end_matches('\n');
            let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
            let indent = (text.chars().count() - trimmed.chars().count()) as i64;
            out.push_str(&format!("    {trimmed}\n"));
            let end = crate::ops::as_i64(&self.inst_attr(e, "end_offset")).unwrap_or(0);
            let carets = if end > 0 && end > offset {
                end - offset
            } else {
                1
            };
            let col = (offset - 1 - indent).min(trimmed.chars().count() as i64);
            if col >= 0 {
                let pad = " ".repeat(col as usize);
                out.push_str(&format!("    {pad}{}\n", "^".repeat(carets as usize)));
            }
        }
        Some(out)
    }

    fn str_exc_via_dunder(&mut self, e: &Value) -> PyResult<String> {
        self.str(e)
    }

    /// Format an exception with its traceback and chain, as CPython prints it
    /// (exception groups as the boxed tree of `traceback.TracebackException`).
    pub fn format_exception(&mut self, e: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        let mut ctx = PrintCtx {
            depth: 0,
            need_close: false,
        };
        self.format_chain(e, &mut out, &mut seen, &mut ctx);
        out
    }

    fn format_chain(
        &mut self,
        e: &Value,
        out: &mut String,
        seen: &mut Vec<usize>,
        ctx: &mut PrintCtx,
    ) {
        seen.push(e.addr());
        let mut tb = Vec::new();
        if let Some(d) = exc_data(e) {
            let (cause, context, suppress) = {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            if !cause.is_none() && !seen.contains(&cause.addr()) {
                self.format_chain(&cause, out, seen, ctx);
                ctx.emit(
                    out,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                    '|',
                );
            } else if !suppress && !context.is_none() && !seen.contains(&context.addr()) {
                self.format_chain(&context, out, seen, ctx);
                ctx.emit(
                    out,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                    '|',
                );
            }
            tb = d.borrow().traceback.clone();
        }
        let mut stack = String::new();
        // A run of entries of the same file, line and function shows three times, then
        // as "[Previous line repeated N more times]" (CPython's TB_RECURSIVE_CUTOFF).
        const CUTOFF: usize = 3;
        let repeated = |stack: &mut String, count: usize| {
            if count > CUTOFF {
                let n = count - CUTOFF;
                let s = if n > 1 { "s" } else { "" };
                stack.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
            }
        };
        let mut last: Option<(&str, u32, &str)> = None;
        let mut count = 0;
        for entry in tb.iter().rev() {
            let code = &entry.code;
            let pos = code.position(tb_pc(entry));
            let key = (&*code.filename, pos.line, &*code.name);
            if last != Some(key) {
                repeated(&mut stack, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > CUTOFF {
                continue;
            }
            stack.push_str(&self.tb_entry_text(&code.filename, &code.name, pos));
        }
        repeated(&mut stack, count);
        let group = self.group_members(e);
        let toplevel = ctx.depth == 0;
        if group.is_some() && toplevel {
            ctx.depth += 1;
        }
        if !stack.is_empty() {
            if group.is_some() {
                let margin = if toplevel { '+' } else { '|' };
                ctx.emit(
                    out,
                    "Exception Group Traceback (most recent call last):\n",
                    margin,
                );
            } else {
                ctx.emit(out, "Traceback (most recent call last):\n", '|');
            }
            ctx.emit(out, &stack, '|');
        }
        if let Some(site) = self.syntax_error_site(e) {
            ctx.emit(out, &site, '|');
        }
        let mut only = self.exc_line(e);
        if let Some(s) = self.suggestion(e) {
            only.push_str(&format!(". Did you mean: '{s}'?"));
        }
        only.push('\n');
        let k = self.intern("__notes__");
        if let Ok(Some(notes)) = self.getattr_opt(e, &k) {
            if let Some(ObjData::List(l)) = notes.data() {
                let items = l.borrow().clone();
                for n in items {
                    let s = match n.data() {
                        Some(ObjData::Str(s)) => s.s.to_string(),
                        _ => self.repr(&n).unwrap_or_default(),
                    };
                    only.push_str(&s);
                    only.push('\n');
                }
            } else if let Ok(r) = self.repr(&notes) {
                only.push_str(&r);
                only.push('\n');
            }
        }
        ctx.emit(out, &only, '|');
        let Some(members) = group else { return };
        const MAX_WIDTH: usize = 15;
        let num = members.len();
        let n = if num <= MAX_WIDTH { num } else { MAX_WIDTH + 1 };
        ctx.need_close = false;
        for i in 0..n {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if let (false, Some(m)) = (truncated, members.get(i)) {
                let mut sub_seen = seen.clone();
                self.format_chain(m, out, &mut sub_seen, ctx);
            } else {
                let remaining = num - MAX_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(
                    out,
                    &format!("and {remaining} more exception{plural}\n"),
                    '|',
                );
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }

    /// The sub-exceptions of an exception group (None for other exceptions).
    fn group_members(&mut self, e: &Value) -> Option<Vec<Value>> {
        let beg = self.t.exc.get("BaseExceptionGroup").cloned()?;
        if !self.isinstance(e, &beg) {
            return None;
        }
        let k = self.intern("exceptions");
        let ex = self.getattr_opt(e, &k).ok()??;
        match ex.data() {
            Some(ObjData::Tuple(t)) => Some(t.to_vec()),
            _ => None,
        }
    }

    /// One entry of a printed traceback: `File "…", line N, in name`, the source
    /// line and its position markers.
    pub fn tb_entry_text(
        &self,
        file: &str,
        name: &str,
        pos: lethe_compiler::bytecode::Position,
    ) -> String {
        let mut out = format!("  File \"{file}\", line {}, in {name}\n", pos.line);
        if let Some(line) = self.source_line(file, pos.line) {
            let t = line.trim_start_matches([' ', '\t', '\x0c']);
            if !t.trim_end().is_empty() {
                out.push_str(&format!("    {t}\n"));
                if let Some(carets) = caret_line(&line, pos) {
                    out.push_str(&carets);
                }
            }
        }
        out
    }

    fn source_line(&self, file: &str, line: u32) -> Option<String> {
        let text = std::fs::read_to_string(file).ok()?;
        text.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(|s| s.to_string())
    }
}

/// The instruction a traceback entry stopped at: the entry's `line` field holds the
/// pc of the failing instruction, from which the code's position table gives the line
/// and the columns.
pub fn tb_pc(t: &crate::object::TbEntry) -> u32 {
    t.line
}

/// Byte offset `col` of `line` as a character offset (CPython's
/// `_PyPegen_byte_offset_to_character_offset`).
fn char_offset(line: &str, col: u32) -> usize {
    let b = line.as_bytes();
    let col = (col as usize).min(b.len());
    String::from_utf8_lossy(&b[..col]).chars().count()
}

/// The line of `^` (and `~`) that CPython 3.11 prints under a traceback's source line
/// to mark the failing instruction's range (`tb_displayline` in Python/traceback.c):
/// nothing when the range covers the whole line (leading whitespace excluded) or has
/// no columns; a range that goes on past its first line is marked to the end of that
/// line; a binary operation's operator and a subscription's brackets get `^` and the
/// rest `~`.
pub fn caret_line(line: &str, pos: lethe_compiler::bytecode::Position) -> Option<String> {
    let col = pos.col?;
    let ws = |c: char| c == ' ' || c == '\t' || c == '\x0c';
    let nchars = line.chars().count();
    let lead = line.chars().take_while(|&c| ws(c)).count();
    let start = char_offset(line, col);
    let mut end = char_offset(line, pos.end_col);
    let mut anchors = None;
    if pos.line == pos.end_line {
        if end > start {
            let seg: String = line.chars().skip(start).take(end - start).collect();
            anchors = lethe_compiler::caret_anchors(&seg).map(|(l, r)| {
                (
                    char_offset(&seg, l as u32) + start,
                    char_offset(&seg, r as u32) + start,
                )
            });
        }
    } else {
        end = line.trim_end_matches(ws).chars().count();
    }
    if end.saturating_sub(start) == nchars - lead && anchors.is_none() {
        return None;
    }
    let mut out = String::from("    ");
    for o in lead + 1..=end {
        out.push(if o <= start {
            ' '
        } else if let Some((l, r)) = anchors {
            if l < o && o <= r {
                '^'
            } else {
                '~'
            }
        } else {
            '^'
        });
    }
    out.push('\n');
    Some(out)
}

/// Where a traceback is being printed inside an exception group's tree.
struct PrintCtx {
    depth: usize,
    need_close: bool,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Append `text`, each line behind the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}
