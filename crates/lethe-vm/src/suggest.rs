//! "Did you mean: 'x'?" for uncaught NameError and AttributeError, as CPython 3.11
//! prints it: the closest candidate by a Levenshtein distance in which a case flip
//! costs 1 and any other edit 2, accepted when at most about a third of the
//! characters change; NameError looks at the frame's locals, then its globals, then
//! the builtins; AttributeError at `dir(obj)`.

use crate::object::ObjData;
use crate::{Value, Vm};
use std::rc::Rc;

const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of a and b (UTF-8 bytes), or something above `max_cost` once
/// it is certain to exceed it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix: row[i] = cost(b[..j], a[..i+1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diag = j * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(code, ac);
            diag = row[i];
            let insert_delete = result.min(diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest of `candidates` to `name`, if any is close enough.
fn best(candidates: &[Rc<str>], name: &str) -> Option<Rc<str>> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut found: Option<(usize, Rc<str>)> = None;
    for c in candidates {
        if **c == *name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = &found {
            max = max.min(d - 1);
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if found.as_ref().is_none_or(|(bd, _)| d < *bd) {
            found = Some((d, c.clone()));
        }
    }
    found.map(|(_, c)| c)
}

/// Where a NameError was raised: the names to try, in order.
pub struct NameErrorSite {
    exc: Value,
    locals: Vec<Rc<str>>,
    globals: Value,
}

fn dict_keys(d: &Value) -> Vec<Rc<str>> {
    let mut out = Vec::new();
    if let Some(ObjData::Dict(t)) = d.data() {
        for (_, k, _) in t.borrow().iter() {
            if let Some(ObjData::Str(s)) = k.data() {
                out.push(Rc::from(&*s.s));
            }
        }
    }
    out
}

impl Vm {
    /// A NameError for `name` is being raised in the current frame: set its `name`
    /// and remember what was in scope for the suggestion.
    pub(crate) fn note_name_error(&mut self, e: &Value, name: &str) {
        let k = self.intern("name");
        let v = self.new_str(name);
        let _ = self.setattr(e, &k, v);
        let Some(f) = self.frames.last() else {
            return;
        };
        // (A function's frame may hold the dict `locals()` returned: not a namespace.)
        let ns = if f.func.is_unbound() {
            f.locals.clone()
        } else {
            Value::UNBOUND
        };
        let globals = f.globals.clone();
        // CPython offers the code object's variable names (bound or not; none for
        // class and module bodies), then the globals, then the builtins.
        let locals: Vec<Rc<str>> = if ns.is_unbound() {
            // co_varnames: the parameters and plain locals (not cells or free
            // variables, unless a parameter is a cell).
            let c = &f.code.code;
            let p = &c.params;
            let nparams = p.positional.len()
                + p.kwonly.len()
                + p.varargs.is_some() as usize
                + p.varkw.is_some() as usize;
            c.local_names
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    let r = *i as u16;
                    !c.free_regs.contains(&r) && (*i < nparams || !c.cell_regs.contains(&r))
                })
                .map(|(_, n)| n.clone())
                .collect()
        } else {
            Vec::new()
        };
        if self.name_error_sites.len() >= 4 {
            self.name_error_sites.remove(0);
        }
        self.name_error_sites.push(NameErrorSite {
            exc: e.clone(),
            locals,
            globals,
        });
    }

    /// The "Did you mean" candidate for an uncaught exception, if any.
    pub fn suggestion(&mut self, e: &Value) -> Option<String> {
        let name_error = self.t.exc.get("NameError").cloned()?;
        let attr_error = self.t.exc.get("AttributeError").cloned()?;
        if self.isinstance(e, &name_error) {
            let i = self.name_error_sites.iter().position(|s| s.exc.is(e))?;
            let k = self.intern("name");
            let name = match self.getattr_opt(e, &k).ok()??.data() {
                Some(ObjData::Str(s)) => s.s.to_string(),
                _ => return None,
            };
            let site = &self.name_error_sites[i];
            let locals = site.locals.clone();
            let globals = site.globals.clone();
            if let Some(s) = best(&locals, &name) {
                return Some(s.to_string());
            }
            if let Some(s) = best(&dict_keys(&globals), &name) {
                return Some(s.to_string());
            }
            let b = self.builtins.clone();
            return best(&dict_keys(&b), &name).map(|s| s.to_string());
        }
        if self.isinstance(e, &attr_error) {
            let (kn, ko) = (self.intern("name"), self.intern("obj"));
            let name = match self.getattr_opt(e, &kn).ok()??.data() {
                Some(ObjData::Str(s)) => s.s.to_string(),
                _ => return None,
            };
            let obj = self.getattr_opt(e, &ko).ok()??;
            let dir = self.lookup_builtin("dir")?;
            let names = self.call(&dir, vec![obj]).ok()?;
            let names: Vec<Rc<str>> = self
                .collect(&names)
                .ok()?
                .iter()
                .filter_map(|v| match v.data() {
                    Some(ObjData::Str(s)) => Some(Rc::from(&*s.s)),
                    _ => None,
                })
                .collect();
            return best(&names, &name).map(|s| s.to_string());
        }
        None
    }

    fn lookup_builtin(&mut self, name: &str) -> Option<Value> {
        let k = self.intern(name);
        let b = self.builtins.clone();
        match b.data() {
            Some(ObjData::Dict(d)) => self.table_get(d, &k).ok().flatten(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> usize {
        distance(a.as_bytes(), b.as_bytes(), 1000)
    }

    #[test]
    fn distances() {
        assert_eq!(d("print", "print"), 0);
        assert_eq!(d("pritn", "print"), 4);
        assert_eq!(d("Value", "value"), 1);
        assert_eq!(d("abc", ""), 6);
        let c: Vec<Rc<str>> = ["print", "len", "property"]
            .iter()
            .map(|s| Rc::from(*s))
            .collect();
        assert_eq!(best(&c, "pritn").as_deref(), Some("print"));
        assert_eq!(best(&c, "zzzzz"), None);
    }
}
