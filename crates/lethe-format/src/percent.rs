//! `str % args` building blocks: a port of `unicodeobject.c`'s
//! `unicode_format_arg_parse`, `_PyUnicode_FormatLong`, `formatfloat` and
//! `unicode_format_arg_output`.
//!
//! The VM drives the loop. For each [`PercentPiece::Spec`] it:
//! 1. if `key` is set: requires a mapping (`TypeError("format requires a
//!    mapping")`) and looks the key up (KeyError is the VM's);
//! 2. fetches `*` width/precision arguments (`TypeError("* wants int")`;
//!    [`PercentSpec::set_star_width`] / [`PercentSpec::set_star_precision`]
//!    apply CPython's negative-value rules);
//! 3. fetches the value (`TypeError("not enough arguments for format string")`);
//! 4. dispatches on [`PercentSpec::conversion`]: `d i u x X o` →
//!    [`percent_int`] (after `int()`/`__index__` coercion and its TypeErrors:
//!    `"%d format: a real number is required, not T"`, `"%x format: an integer
//!    is required, not T"`), `e E f F g G` → [`percent_float`], `s r a` →
//!    [`percent_str`] on `str()`/`repr()`/`ascii()` of the value, `c` →
//!    [`percent_str`] on the character (`"%c requires int or char"`,
//!    `"%c arg not in range(0x110000)"` are the VM's), anything else →
//!    [`PercentSpec::unsupported`];
//! 5. at the end: `TypeError("not all arguments converted during string
//!    formatting")` if positional arguments remain unused.
//!
//! CPython fetches arguments while parsing, so it reports "not enough
//! arguments" before a later "incomplete format"/"unsupported format
//! character" in the same spec. Use the lazy [`PercentParser`] and process each
//! spec before pulling the next piece to keep that order between specs; within
//! a single spec the parse error wins here.

use crate::error::FormatError;
use crate::float_fmt::{double_to_string, FloatFlags, FloatStyle};
use num_bigint::{BigInt, Sign as BigSign};

/// Width or precision of a `%` conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentNum {
    /// Not given.
    None,
    /// `*`: taken from the next argument.
    Star,
    /// A literal number.
    Num(usize),
}

/// One `%` conversion specifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    /// `%(key)s`: the mapping key.
    pub key: Option<&'a str>,
    /// `-` flag: left-justify.
    pub left: bool,
    /// `+` flag.
    pub plus: bool,
    /// ` ` flag.
    pub blank: bool,
    /// `#` flag.
    pub alt: bool,
    /// `0` flag.
    pub zero: bool,
    /// Minimum width.
    pub width: PercentNum,
    /// Precision.
    pub precision: PercentNum,
    /// Conversion character (may be unsupported; see [`PercentSpec::unsupported`]).
    pub conversion: char,
    /// Character index of the conversion character in the format string
    /// (for the "unsupported format character" message).
    pub index: usize,
}

/// A piece of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece<'a> {
    /// Literal text (`%%` yields a literal `"%"`).
    Literal(&'a str),
    /// A conversion.
    Spec(PercentSpec<'a>),
}

impl PercentSpec<'_> {
    /// The error for an unknown conversion character.
    pub fn unsupported(&self) -> FormatError {
        let c = self.conversion;
        let shown = if (31..=126).contains(&(c as u32)) {
            c
        } else {
            '?'
        };
        FormatError::Value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            c as u32, self.index
        ))
    }

    /// Whether the conversion character is one CPython knows.
    pub fn is_supported(&self) -> bool {
        matches!(
            self.conversion,
            's' | 'r'
                | 'a'
                | 'd'
                | 'i'
                | 'u'
                | 'o'
                | 'x'
                | 'X'
                | 'e'
                | 'E'
                | 'f'
                | 'F'
                | 'g'
                | 'G'
                | 'c'
        )
    }

    /// Apply a `*` width argument: negative means left-justify.
    pub fn set_star_width(&mut self, w: i64) -> Result<(), FormatError> {
        if w < 0 {
            self.left = true;
        }
        let w = w.unsigned_abs();
        if w > crate::MAX_FORMAT_WIDTH as u64 {
            return Err(FormatError::memory());
        }
        self.width = PercentNum::Num(w as usize);
        Ok(())
    }

    /// Apply a `*` precision argument: negative means 0. Values outside C
    /// `int` raise `OverflowError` in CPython (the VM's check).
    pub fn set_star_precision(&mut self, p: i64) -> Result<(), FormatError> {
        let p = p.max(0) as u64;
        if p > crate::MAX_FORMAT_WIDTH as u64 {
            return Err(FormatError::memory());
        }
        self.precision = PercentNum::Num(p as usize);
        Ok(())
    }

    fn width_num(&self) -> Option<usize> {
        match self.width {
            PercentNum::Num(n) => Some(n),
            _ => None,
        }
    }

    fn prec_num(&self) -> Option<usize> {
        match self.precision {
            PercentNum::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// Lazy parser over a `%` format string; yields pieces, stopping after the
/// first error. Unsupported conversion characters are *not* errors here (CPython
/// reports them only after fetching the argument).
pub struct PercentParser<'a> {
    fmt: &'a str,
    /// Byte position.
    pos: usize,
    /// Character index of `pos`.
    cpos: usize,
    done: bool,
    has_mapping: bool,
}

impl<'a> PercentParser<'a> {
    /// Start parsing `fmt`. `has_mapping`: the right operand is a mapping
    /// (not a tuple or str), so `%(key)` is allowed; otherwise a key is
    /// `TypeError("format requires a mapping")`, reported where CPython does.
    pub fn new(fmt: &'a str, has_mapping: bool) -> PercentParser<'a> {
        PercentParser {
            fmt,
            pos: 0,
            cpos: 0,
            done: false,
            has_mapping,
        }
    }

    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        self.cpos += 1;
        Some(c)
    }

    fn parse_spec(&mut self) -> Result<PercentPiece<'a>, FormatError> {
        // We are just past the '%'.
        if self.peek() == Some('%') {
            self.bump();
            return Ok(PercentPiece::Literal("%"));
        }
        let incomplete = || FormatError::value("incomplete format");
        let mut spec = PercentSpec {
            key: None,
            left: false,
            plus: false,
            blank: false,
            alt: false,
            zero: false,
            width: PercentNum::None,
            precision: PercentNum::None,
            conversion: '\0',
            index: 0,
        };
        if self.peek() == Some('(') {
            if !self.has_mapping {
                return Err(FormatError::Type("format requires a mapping".into()));
            }
            self.bump();
            let start = self.pos;
            let mut depth = 1;
            loop {
                match self.bump() {
                    None => return Err(FormatError::value("incomplete format key")),
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Some('(') => depth += 1,
                    Some(_) => {}
                }
            }
            spec.key = Some(&self.fmt[start..self.pos - 1]);
        }
        let mut ch = loop {
            let c = self.bump().ok_or_else(incomplete)?;
            match c {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.blank = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break c,
            }
        };
        // `None` in `ch` after here means the string ran out.
        let mut cur = Some(ch);
        if ch == '*' {
            spec.width = PercentNum::Star;
            cur = self.bump();
        } else if ch.is_ascii_digit() {
            let mut w = ch as usize - '0' as usize;
            loop {
                cur = self.bump();
                match cur {
                    Some(d) if d.is_ascii_digit() => {
                        let d = d as usize - '0' as usize;
                        if w > (isize::MAX as usize - d) / 10 {
                            return Err(FormatError::value("width too big"));
                        }
                        w = w * 10 + d;
                    }
                    _ => break,
                }
            }
            if w > crate::MAX_FORMAT_WIDTH {
                return Err(FormatError::memory());
            }
            spec.width = PercentNum::Num(w);
        }
        if cur == Some('.') {
            spec.precision = PercentNum::Num(0);
            cur = self.bump();
            match cur {
                Some('*') => {
                    spec.precision = PercentNum::Star;
                    cur = self.bump();
                }
                Some(d) if d.is_ascii_digit() => {
                    let mut p = d as usize - '0' as usize;
                    loop {
                        cur = self.bump();
                        match cur {
                            Some(d) if d.is_ascii_digit() => {
                                let d = d as usize - '0' as usize;
                                if p > (i32::MAX as usize - d) / 10 {
                                    return Err(FormatError::value("precision too big"));
                                }
                                p = p * 10 + d;
                            }
                            _ => break,
                        }
                    }
                    if p > crate::MAX_FORMAT_WIDTH {
                        return Err(FormatError::memory());
                    }
                    spec.precision = PercentNum::Num(p);
                }
                _ => {}
            }
        }
        if matches!(cur, Some('h' | 'l' | 'L')) {
            cur = self.bump();
        }
        ch = cur.ok_or_else(incomplete)?;
        spec.conversion = ch;
        spec.index = self.cpos - 1;
        Ok(PercentPiece::Spec(spec))
    }
}

impl<'a> Iterator for PercentParser<'a> {
    type Item = Result<PercentPiece<'a>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.pos >= self.fmt.len() {
            return None;
        }
        let rest = &self.fmt[self.pos..];
        if !rest.starts_with('%') {
            let n = rest.find('%').unwrap_or(rest.len());
            let lit = &rest[..n];
            self.pos += n;
            self.cpos += lit.chars().count();
            return Some(Ok(PercentPiece::Literal(lit)));
        }
        self.bump();
        let r = self.parse_spec();
        if r.is_err() {
            self.done = true;
        }
        Some(r)
    }
}

/// Parse a whole `%` format string eagerly (mapping keys allowed), also
/// rejecting unsupported conversion characters. See the module docs for the
/// error-order caveat; [`PercentParser`] is exact.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece<'_>>, FormatError> {
    let mut v = Vec::new();
    for p in PercentParser::new(fmt, true) {
        let p = p?;
        if let PercentPiece::Spec(s) = &p {
            if !s.is_supported() {
                return Err(s.unsupported());
            }
        }
        v.push(p);
    }
    Ok(v)
}

/// `unicode_format_arg_output`: pad `s` per the spec. `numeric` selects the
/// sign/zero-fill/prefix handling used for numbers.
fn output(spec: &PercentSpec<'_>, s: &str, numeric: bool) -> String {
    let truncate = matches!(spec.conversion, 's' | 'r' | 'a');
    let mut body = s;
    if truncate {
        if let Some(p) = spec.prec_num() {
            if let Some((i, _)) = s.char_indices().nth(p) {
                body = &s[..i];
            }
        }
    }
    let mut len = body.chars().count();
    let mut width = spec.width_num().unwrap_or(0);
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    let mut sign = None;
    if numeric {
        match body.as_bytes().first() {
            Some(&c @ (b'-' | b'+')) => {
                sign = Some(c as char);
                body = &body[1..];
                len -= 1;
            }
            _ if spec.plus => sign = Some('+'),
            _ if spec.blank => sign = Some(' '),
            _ => {}
        }
    }
    let mut out = String::with_capacity(body.len() + width + 2);
    if width < len {
        width = len;
    }
    if let Some(sc) = sign {
        if fill != ' ' {
            out.push(sc);
        }
        if width > len {
            width -= 1;
        }
    }
    // Only `percent_int` writes the prefix; check for it rather than trust
    // the conversion char, so a mismatched spec can never slice badly.
    let has_prefix = numeric
        && spec.alt
        && matches!(spec.conversion, 'x' | 'X' | 'o')
        && body.len() >= 2
        && body.as_bytes()[0] == b'0'
        && body.as_bytes()[1] == spec.conversion as u8;
    if has_prefix {
        if fill != ' ' {
            out.push_str(&body[..2]);
            body = &body[2..];
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(sc) = sign {
            out.push(sc);
        }
        if has_prefix {
            out.push_str(&body[..2]);
            body = &body[2..];
        }
    }
    out.push_str(body);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}

/// `%d %i %u %o %x %X` of an integer (already coerced by the VM).
pub fn percent_int(v: &BigInt, spec: &PercentSpec<'_>) -> String {
    let (base, ty) = match spec.conversion {
        'o' => (8, 'o'),
        'x' => (16, 'x'),
        'X' => (16, 'X'),
        _ => (10, 'd'),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::with_capacity(digits.len() + 4);
    if v.sign() == BigSign::Minus {
        s.push('-');
    }
    if spec.alt && ty != 'd' {
        s.push('0');
        s.push(ty);
    }
    if let Some(p) = spec.prec_num() {
        s.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    s.push_str(&digits);
    output(spec, &s, true)
}

/// `%e %E %f %F %g %G` of a float (already coerced by the VM).
pub fn percent_float(x: f64, spec: &PercentSpec<'_>) -> String {
    let prec = spec.prec_num().unwrap_or(6);
    let style = match spec.conversion {
        'e' | 'E' => FloatStyle::Exp,
        'f' | 'F' => FloatStyle::Fixed,
        _ => FloatStyle::General,
    };
    let flags = FloatFlags {
        alt: spec.alt,
        upper: matches!(spec.conversion, 'E' | 'F' | 'G'),
        ..FloatFlags::default()
    };
    let mut s = String::with_capacity(24);
    double_to_string(x, style, prec, flags, &mut s);
    output(spec, &s, true)
}

/// `%s %r %a %c`: pad (and for `s r a`, truncate) an already-converted string.
pub fn percent_str(s: &str, spec: &PercentSpec<'_>) -> String {
    output(spec, s, false)
}
