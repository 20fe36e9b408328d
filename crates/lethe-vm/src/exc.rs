//! Exceptions: construction from Rust, and CPython-style traceback printing.

use crate::object::{ExcData, ObjData};
use crate::{PyResult, Value, Vm};

pub fn exc_data(v: &Value) -> Option<&std::cell::RefCell<ExcData>> {
    match v.data() {
        Some(ObjData::Instance(i)) => i.exc.as_deref(),
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
        let lines: Vec<u32> = d.borrow().traceback.iter().map(|t| t.line).collect();
        let cls = self.t.named("traceback");
        let (next_k, line_k) = (self.intern("tb_next"), self.intern("tb_lineno"));
        let mut tb = Value::NONE;
        for line in lines {
            let t = self.new_instance(&cls);
            if let Some(ObjData::Instance(i)) = t.data() {
                let mut attrs = i.attrs.borrow_mut();
                attrs.set(&next_k, tb);
                attrs.set(&line_k, Value::small_int(line as i64));
            }
            tb = t;
        }
        tb
    }

    /// A new exception of class `cls` with the given args.
    pub fn new_exc(&mut self, cls: &Value, args: Vec<Value>) -> Value {
        let e = self.new_instance(cls);
        if let Some(d) = exc_data(&e) {
            d.borrow_mut().args = self.new_tuple(args);
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
            i.attrs.borrow_mut().set(&key, Value::TRUE);
        }
        e
    }

    pub fn is_unsupported(&mut self, e: &Value) -> bool {
        let key = self.intern("__lethe_unsupported__");
        match e.data() {
            Some(ObjData::Instance(i)) => i.attrs.borrow().get(&key).is_some(),
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

    /// `str(exception)`.
    pub fn exc_str(&mut self, e: &Value) -> PyResult<String> {
        let args = exc_data(e)
            .map(|d| d.borrow().args.clone())
            .unwrap_or(Value::NONE);
        let items: Vec<Value> = match args.data() {
            Some(ObjData::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        let is_key_error = self.isinstance(e, &self.t.exc["KeyError"].clone());
        match items.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr(&items[0]),
            1 => self.str(&items[0]),
            _ => self.repr(&args),
        }
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
        let msg = match self.str_exc_via_dunder(e) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    fn str_exc_via_dunder(&mut self, e: &Value) -> PyResult<String> {
        self.str(e)
    }

    /// Format an exception with its traceback and chain, as CPython prints it.
    pub fn format_exception(&mut self, e: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(e, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, e: &Value, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(e.addr());
        if let Some(d) = exc_data(e) {
            let (cause, context, suppress) = {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            if !cause.is_none() && !seen.contains(&cause.addr()) {
                self.format_chain(&cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !suppress && !context.is_none() && !seen.contains(&context.addr()) {
                self.format_chain(&context, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
            let tb = d.borrow().traceback.clone();
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                for entry in tb.iter().rev() {
                    let code = &entry.code;
                    out.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        code.filename, entry.line, code.name
                    ));
                    if let Some(line) = self.source_line(&code.filename, entry.line) {
                        let t = line.trim();
                        if !t.is_empty() {
                            out.push_str(&format!("    {t}\n"));
                        }
                    }
                }
            }
        }
        let line = self.exc_line(e);
        out.push_str(&line);
        out.push('\n');
    }

    fn source_line(&self, file: &str, line: u32) -> Option<String> {
        let text = std::fs::read_to_string(file).ok()?;
        text.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(|s| s.to_string())
    }
}
