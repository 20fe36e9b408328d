//! `str.format` templates: a port of `Objects/stringlib/unicode_format.h`'s
//! `MarkupIterator`, `parse_field`, `field_name_split` and `FieldNameIterator`.
//!
//! The VM renders a template by walking [`TemplateParser`] (lazily, so a
//! lookup error in an early field is reported before a syntax error later, as
//! in CPython):
//! - [`TemplatePiece::Literal`] is copied out;
//! - for [`TemplatePiece::Field`]: split `name` with [`FieldName::parse`]
//!   (passing the shared [`AutoNumber`]), look up the first part (the VM's
//!   `IndexError("Replacement index N out of range for positional args
//!   tuple")` / `KeyError`), then walk [`FieldName::accessors`] applying
//!   `getattr` / `__getitem__`; apply the conversion (an unknown one is
//!   [`conversion_error`]); if `spec_needs_expanding`, render `spec` itself
//!   as a template with the same arguments and `AutoNumber` (CPython allows one
//!   level: deeper nesting is `ValueError("Max string recursion exceeded")`,
//!   the VM's); finally call `format(value, spec)`.

use crate::error::FormatError;
use crate::spec::decimal_value;

/// A piece of a `str.format` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplatePiece<'a> {
    /// Literal text (an escaped `{{` or `}}` ends a literal with one brace).
    Literal(&'a str),
    /// A replacement field `{name!conv:spec}`.
    Field {
        /// Raw field name (`""` for auto-numbering).
        name: &'a str,
        /// Conversion character after `!`, unvalidated.
        conversion: Option<char>,
        /// Raw format spec text.
        spec: &'a str,
        /// `spec` contains `{`: render it as a template before use.
        spec_needs_expanding: bool,
    },
}

/// Lazy template parser; stops after the first error.
pub struct TemplateParser<'a> {
    s: &'a str,
    pos: usize,
    pending: Option<TemplatePiece<'a>>,
    done: bool,
}

impl<'a> TemplateParser<'a> {
    /// Start parsing `template`.
    pub fn new(template: &'a str) -> TemplateParser<'a> {
        TemplateParser {
            s: template,
            pos: 0,
            pending: None,
            done: false,
        }
    }

    /// One `MarkupIterator_next` step: a literal, then maybe a field.
    fn step(&mut self) -> Result<(&'a str, Option<TemplatePiece<'a>>), FormatError> {
        let s = self.s;
        let b = s.as_bytes();
        let start = self.pos;
        let mut c = 0u8;
        let mut markup = false;
        while self.pos < b.len() {
            c = b[self.pos];
            self.pos += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = self.pos >= b.len();
        let mut end = self.pos;
        if c == b'}' && markup && (at_end || b[self.pos] != b'}') {
            return Err(FormatError::value(
                "Single '}' encountered in format string",
            ));
        }
        if at_end && c == b'{' && markup {
            return Err(FormatError::value(
                "Single '{' encountered in format string",
            ));
        }
        if markup {
            if b[self.pos] == c {
                // Escaped brace: the literal keeps one.
                self.pos += 1;
                return Ok((&s[start..end], None));
            }
            end -= 1;
        }
        let literal = &s[start..end];
        if !markup {
            return Ok((literal, None));
        }
        let field = self.parse_field()?;
        Ok((literal, Some(field)))
    }

    /// `parse_field`: we are just past the opening `{`.
    fn parse_field(&mut self) -> Result<TemplatePiece<'a>, FormatError> {
        let s = self.s;
        let b = s.as_bytes();
        let name_start = self.pos;
        let mut c = 0u8;
        let mut terminated = false;
        while self.pos < b.len() {
            c = b[self.pos];
            self.pos += 1;
            match c {
                b'{' => return Err(FormatError::value("unexpected '{' in field name")),
                b'[' => {
                    while self.pos < b.len() && b[self.pos] != b']' {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    terminated = true;
                    break;
                }
                _ => {}
            }
        }
        if !terminated {
            return Err(FormatError::value("expected '}' before end of string"));
        }
        let name = &s[name_start..self.pos - 1];
        if c == b'}' {
            return Ok(TemplatePiece::Field {
                name,
                conversion: None,
                spec: "",
                spec_needs_expanding: false,
            });
        }
        let mut conversion = None;
        if c == b'!' {
            let Some(ch) = s[self.pos..].chars().next() else {
                return Err(FormatError::value(
                    "end of string while looking for conversion specifier",
                ));
            };
            conversion = Some(ch);
            self.pos += ch.len_utf8();
            if self.pos < b.len() {
                let c2 = b[self.pos];
                self.pos += 1;
                if c2 == b'}' {
                    return Ok(TemplatePiece::Field {
                        name,
                        conversion,
                        spec: "",
                        spec_needs_expanding: false,
                    });
                }
                if c2 != b':' {
                    return Err(FormatError::value(
                        "expected ':' after conversion specifier",
                    ));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        let mut expand = false;
        while self.pos < b.len() {
            let c = b[self.pos];
            self.pos += 1;
            match c {
                b'{' => {
                    expand = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(TemplatePiece::Field {
                            name,
                            conversion,
                            spec: &s[spec_start..self.pos - 1],
                            spec_needs_expanding: expand,
                        });
                    }
                }
                _ => {}
            }
        }
        Err(FormatError::value("unmatched '{' in format spec"))
    }
}

impl<'a> Iterator for TemplateParser<'a> {
    type Item = Result<TemplatePiece<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(p) = self.pending.take() {
            return Some(Ok(p));
        }
        loop {
            if self.done || self.pos >= self.s.len() {
                return None;
            }
            match self.step() {
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Ok((lit, field)) => {
                    if lit.is_empty() {
                        match field {
                            Some(f) => return Some(Ok(f)),
                            None => continue,
                        }
                    }
                    self.pending = field;
                    return Some(Ok(TemplatePiece::Literal(lit)));
                }
            }
        }
    }
}

/// Parse a whole template eagerly.
pub fn parse_format_template(template: &str) -> Result<Vec<TemplatePiece<'_>>, FormatError> {
    TemplateParser::new(template).collect()
}

/// The error for an unknown `!x` conversion.
pub fn conversion_error(c: char) -> FormatError {
    let v = c as u32;
    FormatError::Value(if v > 32 && v < 127 {
        format!("Unknown conversion specifier {c}")
    } else {
        format!("Unknown conversion specifier \\x{v:x}")
    })
}

/// First part of a field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldFirst<'a> {
    /// Positional argument (explicit, or resolved from auto-numbering).
    Index(usize),
    /// Keyword argument.
    Name(&'a str),
}

/// A `.attr` or `[key]` after the first part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldAccessor<'a> {
    /// `.name`
    Attr(&'a str),
    /// `[123]`: all-digit keys are integers.
    Index(usize),
    /// `[key]`
    Key(&'a str),
}

/// A split field name: the first part plus the unparsed accessor chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldName<'a> {
    /// What to look up in args/kwargs.
    pub first: FieldFirst<'a>,
    rest: &'a str,
}

/// CPython's `get_integer` for field names: `Ok(None)` if not all decimal.
fn field_integer(s: &str) -> Result<Option<usize>, FormatError> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

/// Auto-numbering state shared by all fields of one `str.format` call
/// (including fields nested in format specs).
#[derive(Debug, Clone, Default)]
pub struct AutoNumber {
    state: Option<bool>, // None: init; Some(true): auto; Some(false): manual
    next: usize,
}

impl AutoNumber {
    /// Fresh state for a new `str.format` call.
    pub fn new() -> AutoNumber {
        AutoNumber::default()
    }

    fn resolve(&mut self, empty: bool, index: Option<usize>) -> Result<Option<usize>, FormatError> {
        if !(empty || index.is_some()) {
            return Ok(index);
        }
        let state = *self.state.get_or_insert(empty);
        if state && !empty {
            return Err(FormatError::value(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if !state && empty {
            return Err(FormatError::value(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if empty {
            let n = self.next;
            self.next += 1;
            return Ok(Some(n));
        }
        Ok(index)
    }
}

impl<'a> FieldName<'a> {
    /// `field_name_split`. Pass the call's [`AutoNumber`] when rendering: it
    /// turns an empty first part into the next index and enforces CPython's
    /// "cannot switch from ..." rules. With `None` (as `_string`'s helpers
    /// do) an empty first part stays `Name("")`.
    pub fn parse(
        name: &'a str,
        auto: Option<&mut AutoNumber>,
    ) -> Result<FieldName<'a>, FormatError> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, rest) = name.split_at(split);
        let idx = field_integer(first)?;
        let empty = first.is_empty();
        let idx = match auto {
            Some(a) => a.resolve(empty, idx)?,
            None => idx,
        };
        let first = match idx {
            Some(i) => FieldFirst::Index(i),
            None => FieldFirst::Name(first),
        };
        Ok(FieldName { first, rest })
    }

    /// The `.attr` / `[key]` chain, parsed lazily (errors come after the
    /// first lookup in CPython).
    pub fn accessors(&self) -> FieldAccessors<'a> {
        FieldAccessors {
            rest: self.rest,
            done: false,
        }
    }
}

/// Iterator over a field name's accessor chain.
pub struct FieldAccessors<'a> {
    rest: &'a str,
    done: bool,
}

impl<'a> Iterator for FieldAccessors<'a> {
    type Item = Result<FieldAccessor<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.rest.is_empty() {
            return None;
        }
        let r = self.step();
        if r.is_err() {
            self.done = true;
        }
        Some(r)
    }
}

impl<'a> FieldAccessors<'a> {
    fn step(&mut self) -> Result<FieldAccessor<'a>, FormatError> {
        let s = self.rest;
        let acc = if let Some(body) = s.strip_prefix('.') {
            let n = body.find(['.', '[']).unwrap_or(body.len());
            self.rest = &body[n..];
            if n == 0 {
                return Err(FormatError::value("Empty attribute in format string"));
            }
            FieldAccessor::Attr(&body[..n])
        } else if let Some(body) = s.strip_prefix('[') {
            let Some(n) = body.find(']') else {
                return Err(FormatError::value("Missing ']' in format string"));
            };
            self.rest = &body[n + 1..];
            let key = &body[..n];
            match field_integer(key)? {
                Some(i) => FieldAccessor::Index(i),
                None if key.is_empty() => {
                    return Err(FormatError::value("Empty attribute in format string"))
                }
                None => FieldAccessor::Key(key),
            }
        } else {
            return Err(FormatError::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        };
        Ok(acc)
    }
}
