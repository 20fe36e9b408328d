//! The fast paths of the `json` module (as CPython's `_json` accelerates its
//! `json`): encoding plain data (dicts, lists, tuples, strs, ints, floats, bools,
//! None) and decoding a whole document with the default decoder.
//!
//! Both give up (return None) on anything the library's Python code must handle:
//! objects that need `default`, subclasses of the built-in types, keys that are not
//! plain scalars, cycles or very deep nesting, NaN with `allow_nan=False`, and
//! every malformed document. The Python code then does the whole job again, with
//! CPython's behaviour and error messages. So the fast paths only ever produce the
//! result the Python code would have produced.

use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};
use std::borrow::Cow;
use std::fmt::Write;

/// Nesting deeper than this is left to the Python code (CPython's C encoder and
/// scanner recurse too; the Python code raises RecursionError as CPython does).
const MAX_DEPTH: usize = 200;

pub(crate) fn install(vm: &mut Vm, m: &Value) {
    crate::modules::add_fns(
        vm,
        m,
        "_lethe",
        &[("json_encode", json_encode), ("json_decode", json_decode)],
    );
}

struct Enc<'a> {
    indent: Option<&'a str>,
    item_sep: &'a str,
    key_sep: &'a str,
    sort_keys: bool,
    ascii: bool,
    allow_nan: bool,
    skipkeys: bool,
    out: String,
    /// Containers being encoded (cycle check).
    stack: Vec<usize>,
}

fn str_of(v: &Value) -> Option<&str> {
    match v.data() {
        Some(ObjData::Str(s)) => Some(&s.s),
        _ => None,
    }
}

/// `json_encode(obj, indent, item_sep, key_sep, sort_keys, ensure_ascii, allow_nan,
/// skipkeys)`: the text, or None when the Python encoder must do it. `indent` is
/// None or the indent string.
fn json_encode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 8 {
        return Err(vm.type_error("json_encode() takes 8 arguments"));
    }
    let indent = if a.pos[1].is_none() {
        None
    } else {
        match str_of(&a.pos[1]) {
            Some(s) => Some(s),
            None => return Ok(Value::NONE),
        }
    };
    let (Some(item_sep), Some(key_sep)) = (str_of(&a.pos[2]), str_of(&a.pos[3])) else {
        return Ok(Value::NONE);
    };
    let flag = |i: usize| a.pos[i].is(&Value::TRUE);
    let mut e = Enc {
        indent,
        item_sep,
        key_sep,
        sort_keys: flag(4),
        ascii: flag(5),
        allow_nan: flag(6),
        skipkeys: flag(7),
        out: String::new(),
        stack: Vec::new(),
    };
    if e.value(&a.pos[0], 0).is_none() {
        return Ok(Value::NONE);
    }
    Ok(vm.new_string(e.out))
}

impl Enc<'_> {
    fn newline(&mut self, level: usize) {
        if let Some(ind) = self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn string(&mut self, s: &str) {
        quote(&mut self.out, s, self.ascii);
    }

    fn float(&mut self, f: f64) -> Option<()> {
        if f.is_finite() {
            self.out.push_str(&lethe_format::float_fmt::float_repr(f));
        } else if !self.allow_nan {
            return None;
        } else if f.is_nan() {
            self.out.push_str("NaN");
        } else if f > 0.0 {
            self.out.push_str("Infinity");
        } else {
            self.out.push_str("-Infinity");
        }
        Some(())
    }

    fn value(&mut self, v: &Value, level: usize) -> Option<()> {
        if let Some(i) = v.as_small_int() {
            let _ = write!(self.out, "{i}");
            return Some(());
        }
        if let Some(f) = v.as_float() {
            return self.float(f);
        }
        if v.is_none() {
            self.out.push_str("null");
            return Some(());
        }
        if v.is_bool() {
            self.out
                .push_str(if v.is(&Value::TRUE) { "true" } else { "false" });
            return Some(());
        }
        match v.data()? {
            ObjData::Str(s) => self.string(&s.s),
            ObjData::Int64(i) => {
                let _ = write!(self.out, "{i}");
            }
            ObjData::BigInt(b) => {
                let _ = write!(self.out, "{b}");
            }
            ObjData::List(l) => {
                let items = l.try_borrow().ok()?;
                self.seq(v, &items, level)?;
            }
            ObjData::Tuple(t) => self.seq(v, t, level)?,
            ObjData::Dict(d) => self.dict(v, d, level)?,
            _ => return None,
        }
        Some(())
    }

    fn enter(&mut self, v: &Value, level: usize) -> Option<()> {
        let id = v.addr();
        if level >= MAX_DEPTH || self.stack.contains(&id) {
            return None;
        }
        self.stack.push(id);
        Some(())
    }

    fn seq(&mut self, v: &Value, items: &[Value], level: usize) -> Option<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Some(());
        }
        self.enter(v, level)?;
        self.out.push('[');
        self.newline(level + 1);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(self.item_sep);
                self.newline(level + 1);
            }
            self.value(x, level + 1)?;
        }
        self.newline(level);
        self.out.push(']');
        self.stack.pop();
        Some(())
    }

    /// A dict key as JSON text: strs as they are, scalars converted as the Python
    /// encoder does. None: a key the Python code must judge (or skip).
    fn key<'v>(&self, k: &'v Value) -> Option<Option<Cow<'v, str>>> {
        if let Some(s) = str_of(k) {
            return Some(Some(Cow::Borrowed(s)));
        }
        if k.is_bool() {
            let t = if k.is(&Value::TRUE) { "true" } else { "false" };
            return Some(Some(Cow::Borrowed(t)));
        }
        if k.is_none() {
            return Some(Some(Cow::Borrowed("null")));
        }
        if let Some(i) = k.as_small_int() {
            return Some(Some(Cow::Owned(i.to_string())));
        }
        if let Some(f) = k.as_float() {
            if !f.is_finite() {
                return None;
            }
            return Some(Some(Cow::Owned(lethe_format::float_fmt::float_repr(f))));
        }
        match k.data() {
            Some(ObjData::Int64(i)) => Some(Some(Cow::Owned(i.to_string()))),
            Some(ObjData::BigInt(b)) => Some(Some(Cow::Owned(b.to_string()))),
            // Skipped with `skipkeys`, else a TypeError from the Python code.
            _ if self.skipkeys && !matches!(k.data(), Some(ObjData::Instance(_))) => Some(None),
            _ => None,
        }
    }

    fn dict(
        &mut self,
        v: &Value,
        d: &std::cell::RefCell<crate::dict::DictData>,
        level: usize,
    ) -> Option<()> {
        let d = d.try_borrow().ok()?;
        let mut items: Vec<(Cow<str>, &Value)> = Vec::new();
        for e in d.iter() {
            if self.sort_keys && str_of(&e.1).is_none() {
                // Sorting mixed keys: the Python code (and its TypeError).
                return None;
            }
            if let Some(k) = self.key(&e.1)? {
                items.push((k, &e.2));
            }
        }
        if self.sort_keys {
            items.sort_by(|x, y| x.0.cmp(&y.0));
        }
        if items.is_empty() {
            self.out.push_str("{}");
            return Some(());
        }
        self.enter(v, level)?;
        self.out.push('{');
        self.newline(level + 1);
        for (i, (k, x)) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(self.item_sep);
                self.newline(level + 1);
            }
            self.string(k);
            self.out.push_str(self.key_sep);
            self.value(x, level + 1)?;
        }
        self.newline(level);
        self.out.push('}');
        self.stack.pop();
        Some(())
    }
}

/// A JSON string literal for `s` (as `json.encoder`'s `py_encode_basestring[_ascii]`).
fn quote(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let n = c as u32;
                if n > 0xffff {
                    let v = n - 0x10000;
                    let _ = write!(
                        out,
                        "\\u{:04x}\\u{:04x}",
                        0xd800 | (v >> 10),
                        0xdc00 | (v & 0x3ff)
                    );
                } else {
                    let _ = write!(out, "\\u{n:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `json_decode(s)`: `(value,)` for a well-formed document, else None (the Python
/// decoder then finds the error and reports it as CPython does).
fn json_decode(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(s) = a.pos.first().and_then(str_of) else {
        return Ok(Value::NONE);
    };
    let mut p = Dec {
        b: s.as_bytes(),
        i: 0,
    };
    p.ws();
    let v = match p.value(vm, 0) {
        Some(v) => v,
        None => return Ok(Value::NONE),
    };
    p.ws();
    if p.i != p.b.len() {
        return Ok(Value::NONE);
    }
    Ok(vm.new_tuple(vec![v]))
}

struct Dec<'a> {
    b: &'a [u8],
    i: usize,
}

impl Dec<'_> {
    fn ws(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn eat(&mut self, lit: &[u8]) -> bool {
        if self.b[self.i..].starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, vm: &mut Vm, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        match *self.b.get(self.i)? {
            b'"' => {
                self.i += 1;
                let s = self.string()?;
                Some(vm.new_string(s))
            }
            b'{' => self.object(vm, depth),
            b'[' => self.array(vm, depth),
            b't' if self.eat(b"true") => Some(Value::TRUE),
            b'f' if self.eat(b"false") => Some(Value::FALSE),
            b'n' if self.eat(b"null") => Some(Value::NONE),
            b'N' if self.eat(b"NaN") => Some(Value::float(f64::NAN)),
            b'I' if self.eat(b"Infinity") => Some(Value::float(f64::INFINITY)),
            b'-' if self.b[self.i..].starts_with(b"-Infinity") => {
                self.i += 9;
                Some(Value::float(f64::NEG_INFINITY))
            }
            b'-' | b'0'..=b'9' => self.number(vm),
            _ => None,
        }
    }

    /// A number as CPython's scanner reads it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?
    /// ([eE][-+]?[0-9]+)?`, an int unless it has a fraction or an exponent.
    fn number(&mut self, vm: &mut Vm) -> Option<Value> {
        let start = self.i;
        let digit = |d: &Dec, j: usize| d.b.get(j).is_some_and(|c| c.is_ascii_digit());
        let mut j = self.i;
        if self.b[j] == b'-' {
            j += 1;
        }
        if !digit(self, j) {
            return None;
        }
        if self.b[j] == b'0' {
            j += 1;
        } else {
            while digit(self, j) {
                j += 1;
            }
        }
        let mut is_float = false;
        if self.b.get(j) == Some(&b'.') && digit(self, j + 1) {
            is_float = true;
            j += 1;
            while digit(self, j) {
                j += 1;
            }
        }
        if matches!(self.b.get(j), Some(b'e' | b'E')) {
            let mut k = j + 1;
            if matches!(self.b.get(k), Some(b'+' | b'-')) {
                k += 1;
            }
            if digit(self, k) {
                is_float = true;
                j = k;
                while digit(self, j) {
                    j += 1;
                }
            }
        }
        self.i = j;
        let text = std::str::from_utf8(&self.b[start..j]).ok()?;
        if is_float {
            return text.parse::<f64>().ok().map(Value::float);
        }
        if let Ok(i) = text.parse::<i64>() {
            return Some(vm.new_int(i));
        }
        // Very long integers: the Python code (and its digit limit) decides.
        if text.len() > 4000 {
            return None;
        }
        text.parse::<num_bigint::BigInt>()
            .ok()
            .map(|b| vm.new_bigint(b))
    }

    /// The rest of a string literal after its opening quote.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let start = self.i;
            // A run of plain characters (control characters are errors: strict).
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).ok()?);
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    let e = *self.b.get(self.i + 1)?;
                    self.i += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xd800..0xdc00).contains(&hi)
                                && self.b[self.i..].starts_with(b"\\u")
                            {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    // A lone high surrogate: the Python code.
                                    return None;
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            // Lone surrogates cannot be held: the Python code.
                            out.push(char::from_u32(c)?);
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 4)?;
        if !h.iter().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.i += 4;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    }

    fn array(&mut self, vm: &mut Vm, depth: usize) -> Option<Value> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Some(vm.new_list(items));
        }
        loop {
            self.ws();
            items.push(self.value(vm, depth + 1)?);
            self.ws();
            match *self.b.get(self.i)? {
                b',' => self.i += 1,
                b']' => {
                    self.i += 1;
                    return Some(vm.new_list(items));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, vm: &mut Vm, depth: usize) -> Option<Value> {
        self.i += 1;
        let d = vm.new_dict();
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Some(d);
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return None;
            }
            self.i += 1;
            let k = self.string()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return None;
            }
            self.i += 1;
            self.ws();
            let v = self.value(vm, depth + 1)?;
            let key = vm.new_string(k);
            if let Some(ObjData::Dict(dd)) = d.data() {
                vm.table_set(dd, key, v).ok()?;
            }
            self.ws();
            match *self.b.get(self.i)? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Some(d);
                }
                _ => return None,
            }
        }
    }
}
