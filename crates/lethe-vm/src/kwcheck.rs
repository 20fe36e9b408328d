//! Keyword arguments of built-in functions and methods, checked in one place.
//!
//! Every call of a native function with keyword arguments passes through
//! [`check`] first (from `Vm::call_kw` and from the calls of built-in types). For
//! the built-in types and functions listed here it raises CPython 3.11's errors
//! (`dict.get() takes no keyword arguments`, `'x' is an invalid keyword argument
//! for f()`, `argument for f() given by name ('x') and position (1)`, `f() missing
//! required argument 'x' (pos 2)`, `f() takes at most N arguments (M given)`), and
//! it moves keyword arguments that fill the next positional parameters into the
//! positional list, so the functions themselves only read positions for those.
//! Native functions of other owners (library modules) check their own keywords.

use crate::{PyResult, Value, Vm};
use std::rc::Rc;

/// Types whose methods accept no keywords unless listed in [`SPECS`].
const CHECKED_OWNERS: &[&str] = &[
    "str",
    "bytes",
    "bytearray",
    "list",
    "dict",
    "set",
    "frozenset",
    "tuple",
    "int",
    "float",
    "complex",
    "range",
    "slice",
    "math",
    "cmath",
    "deque",
];

/// Owners that are modules: their functions have no receiver.
const MODULE_OWNERS: &[&str] = &["builtins", "math", "cmath"];

/// Built-in functions and types (called as `name(...)`) that take no keywords.
const NO_KW_BUILTINS: &[&str] = &[
    "len",
    "abs",
    "all",
    "any",
    "chr",
    "ord",
    "divmod",
    "filter",
    "map",
    "getattr",
    "hasattr",
    "setattr",
    "delattr",
    "hash",
    "id",
    "isinstance",
    "issubclass",
    "iter",
    "next",
    "repr",
    "ascii",
    "reversed",
    "callable",
    "format",
    "bin",
    "oct",
    "hex",
    "globals",
    "vars",
    "locals",
    "eval",
    "dir",
    "input",
    "float",
    "bool",
    "list",
    "tuple",
    "set",
    "frozenset",
    "range",
    "slice",
    "staticmethod",
    "classmethod",
    "super",
];

/// (owner, name, name in messages, parameters). Parameters: comma separated;
/// `*args` first: positional arguments are taken apart (only keywords are checked
/// here); `/` ends the positional-only ones; `*` starts the keyword-only ones; a
/// trailing `=` marks an optional parameter; `**` accepts any keyword; `-` takes no
/// keywords (with the plain name in the message).
const SPECS: &[(&str, &str, &str, &str)] = &[
    ("math", "log", "log", "-"),
    ("math", "isclose", "isclose", "a,b,*,rel_tol=,abs_tol="),
    ("math", "prod", "prod", "iterable,/,*,start="),
    ("cmath", "isclose", "isclose", "a,b,*,rel_tol=,abs_tol="),
    ("builtins", "print", "print", "*rest,sep=,end=,file=,flush="),
    ("builtins", "sorted", "sort", "*args,key=,reverse="),
    ("builtins", "max", "max", "*args,key=,default="),
    ("builtins", "min", "min", "*args,key=,default="),
    ("builtins", "zip", "zip", "*args,strict="),
    ("builtins", "sum", "sum", "iterable,/,start="),
    ("builtins", "round", "round", "number,ndigits="),
    ("builtins", "pow", "pow", "base,exp,mod="),
    ("builtins", "enumerate", "enumerate", "iterable,start="),
    (
        "builtins",
        "open",
        "open",
        "file,mode=,buffering=,encoding=,errors=,newline=,closefd=,opener=",
    ),
    (
        "builtins",
        "__import__",
        "__import__",
        "name,globals=,locals=,fromlist=,level=",
    ),
    (
        "builtins",
        "compile",
        "compile",
        "source,filename,mode,flags=,dont_inherit=,optimize=,*,_feature_version=",
    ),
    (
        "builtins",
        "exec",
        "exec",
        "source,globals=,locals=,/,*,closure=",
    ),
    ("builtins", "int", "int", "x=,/,base="),
    ("builtins", "str", "str", "object=,encoding=,errors="),
    ("builtins", "bytes", "bytes", "source=,encoding=,errors="),
    (
        "builtins",
        "bytearray",
        "bytearray",
        "source=,encoding=,errors=",
    ),
    ("builtins", "complex", "complex", "real=,imag="),
    ("builtins", "property", "property", "fget=,fset=,fdel=,doc="),
    ("builtins", "dict", "dict", "**"),
    ("builtins", "type", "type", "**"),
    ("str", "split", "split", "sep=,maxsplit="),
    ("str", "rsplit", "rsplit", "sep=,maxsplit="),
    ("str", "splitlines", "splitlines", "keepends="),
    ("str", "expandtabs", "expandtabs", "tabsize="),
    ("str", "encode", "encode", "encoding=,errors="),
    ("str", "format", "format", "**"),
    ("bytes", "split", "split", "sep=,maxsplit="),
    ("bytes", "rsplit", "rsplit", "sep=,maxsplit="),
    ("bytes", "splitlines", "splitlines", "keepends="),
    ("bytes", "expandtabs", "expandtabs", "tabsize="),
    ("bytes", "decode", "decode", "encoding=,errors="),
    ("bytes", "hex", "hex", "sep=,bytes_per_sep="),
    ("bytes", "translate", "translate", "table,/,delete="),
    ("bytearray", "split", "split", "sep=,maxsplit="),
    ("bytearray", "rsplit", "rsplit", "sep=,maxsplit="),
    ("bytearray", "splitlines", "splitlines", "keepends="),
    ("bytearray", "expandtabs", "expandtabs", "tabsize="),
    ("bytearray", "decode", "decode", "encoding=,errors="),
    ("bytearray", "hex", "hex", "sep=,bytes_per_sep="),
    ("bytearray", "translate", "translate", "table,/,delete="),
    ("list", "sort", "sort", "*,key=,reverse="),
    ("deque", "__init__", "deque", "iterable=,maxlen="),
    ("dict", "update", "update", "**"),
    (
        "int",
        "to_bytes",
        "to_bytes",
        "length=,byteorder=,*,signed=",
    ),
    (
        "int",
        "from_bytes",
        "from_bytes",
        "bytes,byteorder=,*,signed=",
    ),
];

struct Param<'a> {
    name: &'a str,
    optional: bool,
    /// 0 positional-only, 1 positional-or-keyword, 2 keyword-only.
    kind: u8,
}

/// Check (and normalise) the keyword arguments of a call of the native function
/// `owner.name`; `method`: the first positional argument is the receiver.
pub fn check(
    vm: &mut Vm,
    owner: &str,
    name: &str,
    pos: &mut Vec<Value>,
    kw: &mut Vec<(Rc<str>, Value)>,
    method: bool,
) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    let method = method && !MODULE_OWNERS.contains(&owner);
    let spec = SPECS
        .iter()
        .find(|(o, n, _, _)| *o == owner && *n == name)
        .map(|&(_, _, f, s)| (f, s));
    let Some((fname, spec)) = spec else {
        let checked = if owner == "builtins" {
            NO_KW_BUILTINS.contains(&name)
        } else {
            CHECKED_OWNERS.contains(&owner) && !name.starts_with("__")
        };
        if !checked {
            return Ok(());
        }
        let msg = if owner == "builtins" {
            format!("{name}() takes no keyword arguments")
        } else {
            format!("{owner}.{name}() takes no keyword arguments")
        };
        return Err(vm.type_error(&msg));
    };
    if spec == "**" {
        return Ok(());
    }
    if spec == "-" {
        return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
    }
    if method && pos.is_empty() {
        return Err(vm.type_error(&format!(
            "unbound method {owner}.{name}() needs an argument"
        )));
    }
    if owner == "builtins" && name == "sorted" && pos.len() != 1 {
        // sorted() checks its one positional argument first.
        return Ok(());
    }
    let mut varargs = false;
    let mut no_max = false;
    let mut kind = 1u8;
    let mut params: Vec<Param> = Vec::new();
    let mut posonly = 0usize;
    for p in spec.split(',') {
        match p {
            "*args" | "*rest" => {
                varargs = true;
                no_max = p == "*rest";
                kind = 2;
            }
            "/" => {
                for q in params.iter_mut() {
                    q.kind = 0;
                }
                posonly = params.len();
            }
            "*" => kind = 2,
            _ => {
                let (n, optional) = match p.strip_suffix('=') {
                    Some(n) => (n, true),
                    None => (p, false),
                };
                params.push(Param {
                    name: n,
                    optional,
                    kind,
                });
            }
        }
    }
    let npos = if varargs {
        0
    } else {
        pos.len() - usize::from(method)
    };
    let maxargs = params.len();
    let nkw = kw.len();
    if npos + nkw > maxargs && !no_max {
        return Err(vm.type_error(&format!(
            "{fname}() takes at most {maxargs} {}argument{} ({} given)",
            if npos == 0 { "keyword " } else { "" },
            if maxargs == 1 { "" } else { "s" },
            npos + nkw
        )));
    }
    let minposonly = params[..posonly].iter().filter(|p| !p.optional).count();
    let maxpos = params.iter().filter(|p| p.kind != 2).count();
    if !varargs && npos > maxpos {
        if maxpos == 0 {
            return Err(vm.type_error(&format!("{fname}() takes no positional arguments")));
        }
        let minpos = params.iter().filter(|p| p.kind != 2 && !p.optional).count();
        return Err(vm.type_error(&format!(
            "{fname}() takes {} {maxpos} positional argument{} ({npos} given)",
            if minpos < maxpos {
                "at most"
            } else {
                "exactly"
            },
            if maxpos == 1 { "" } else { "s" }
        )));
    }
    if !varargs && npos < minposonly {
        return Err(vm.type_error(&format!(
            "{fname}() takes {} {minposonly} positional argument{} ({npos} given)",
            if minposonly < maxpos {
                "at least"
            } else {
                "exactly"
            },
            if minposonly == 1 { "" } else { "s" }
        )));
    }
    let mut left = nkw;
    let mut found: Vec<Option<usize>> = vec![None; maxargs];
    for i in npos.max(posonly)..maxargs {
        let p = &params[i];
        if left > 0 {
            if let Some(j) = kw.iter().position(|(k, _)| &**k == p.name) {
                found[i] = Some(j);
                left -= 1;
                continue;
            }
        }
        if !p.optional {
            if p.kind == 2 {
                return Err(vm.type_error(&format!(
                    "{fname}() missing required keyword-only argument '{}'",
                    p.name
                )));
            }
            return Err(vm.type_error(&format!(
                "{fname}() missing required argument '{}' (pos {})",
                p.name,
                i + 1
            )));
        }
        if left == 0 {
            break;
        }
    }
    if left > 0 {
        for (i, p) in params.iter().enumerate().take(npos).skip(posonly) {
            if kw.iter().any(|(k, _)| &**k == p.name) {
                return Err(vm.type_error(&format!(
                    "argument for {fname}() given by name ('{}') and position ({})",
                    p.name,
                    i + 1
                )));
            }
        }
        for (k, _) in kw.iter() {
            if !params.iter().any(|p| p.kind != 0 && p.name == &**k) {
                return Err(vm.type_error(&format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    // Keywords that fill the next positional parameters become positional.
    if !varargs {
        let mut take: Vec<usize> = Vec::new();
        for i in npos..maxargs {
            match (params[i].kind, found[i]) {
                (1, Some(j)) => take.push(j),
                _ => break,
            }
        }
        if !take.is_empty() {
            for &j in &take {
                pos.push(kw[j].1.clone());
            }
            let mut idx = 0;
            kw.retain(|_| {
                let keep = !take.contains(&idx);
                idx += 1;
                keep
            });
        }
    }
    Ok(())
}
