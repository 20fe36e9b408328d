//! `repr(str)` and `ascii(str)`, as `unicode_repr` and `PyObject_ASCII` write them.

use crate::unicode_tables::PRINTABLE;
use std::fmt::Write;

/// Python's `str.isprintable()` for one character (Unicode 14, as CPython 3.11).
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x7f {
        return cp >= 0x20;
    }
    let i = PRINTABLE.partition_point(|&(lo, _)| lo <= cp);
    i > 0 && cp <= PRINTABLE[i - 1].1
}

fn write_escaped(out: &mut String, c: char) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => write_escaped(&mut out, c),
            c if c.is_ascii() => out.push(c),
            c if !ascii_only && is_printable(c) => out.push(c),
            c => write_escaped(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(s)`.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// Python's `ascii(s)`: `repr` with every non-ASCII character escaped.
pub fn str_ascii(s: &str) -> String {
    repr_impl(s, true)
}
