//! `format(int, spec)` and `format(float, spec)`: a port of `formatter_unicode.c`'s
//! `format_long_internal`, `format_float_internal`, `calc_number_widths`,
//! `fill_number` and `_PyUnicode_InsertThousandsGrouping`.

use crate::error::FormatError;
use crate::float_fmt::{double_to_string, FloatFlags, FloatStyle};
use crate::spec::{unknown_code, Align, FormatSpec, Grouping, Layout, Sign};
use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;
use std::fmt::Write;

/// The pieces of a formatted number, laid out as CPython does:
///
/// ```text
/// | lpad | sign | prefix | spad | grouped digits | decimal | remainder | rpad |
/// ```
///
/// Only one of the three paddings is non-empty.
struct NumParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a [u8],
    has_decimal: bool,
    remainder: &'a str,
}

fn push_fill(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// `_PyUnicode_InsertThousandsGrouping`, appending the grouped digits
/// (zero-extended to `min_width` when zero padding) to `out`.
fn insert_grouping(digits: &[u8], mut min_width: i64, group: Option<(u8, i64)>, out: &mut Vec<u8>) {
    let start = out.len();
    let mut remaining = digits.len() as i64;
    let mut dpos = digits.len();
    // Built right to left, then reversed.
    let mut emit = |out: &mut Vec<u8>, sep: Option<u8>, n_chars: i64, n_zeros: i64| {
        if let Some(s) = sep {
            out.push(s);
        }
        for _ in 0..n_chars {
            dpos -= 1;
            out.push(digits[dpos]);
        }
        for _ in 0..n_zeros {
            out.push(b'0');
        }
    };
    match group {
        Some((sep, g)) => {
            let mut use_sep = false;
            loop {
                let l = g.min(remaining.max(min_width).max(1));
                let n_zeros = (l - remaining).max(0);
                let n_chars = remaining.min(l).max(0);
                emit(out, use_sep.then_some(sep), n_chars, n_zeros);
                use_sep = true;
                remaining -= n_chars;
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let l = remaining.max(min_width).max(1);
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            emit(out, None, n_chars, n_zeros);
        }
    }
    out[start..].reverse();
}

/// `calc_number_widths` + `fill_number`.
fn layout_number(
    out: &mut String,
    p: &NumParts<'_>,
    sign: Option<Sign>,
    layout: Layout,
    width: i64,
    group: Option<(u8, i64)>,
) {
    let sign_char = match sign {
        Some(Sign::Plus) => Some(if p.negative { '-' } else { '+' }),
        Some(Sign::Space) => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let n_sign = i64::from(sign_char.is_some());
    let n_non_digit = n_sign
        + p.prefix.len() as i64
        + i64::from(p.has_decimal)
        + p.remainder.chars().count() as i64;
    let min_width = if layout.fill == '0' && layout.align == Align::AfterSign {
        width - n_non_digit
    } else {
        0
    };
    let mut grouped: Vec<u8> = Vec::new();
    if !p.digits.is_empty() {
        grouped.reserve(p.digits.len() + p.digits.len() / 3 + 2);
        insert_grouping(p.digits, min_width, group, &mut grouped);
    }
    let n_padding = width - (n_non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match layout.align {
            Align::Left => rpad = n_padding,
            Align::Center => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            Align::AfterSign => spad = n_padding,
            Align::Right => lpad = n_padding,
        }
    }
    out.reserve((n_non_digit + grouped.len() as i64 + n_padding.max(0)) as usize);
    push_fill(out, layout.fill, lpad);
    if let Some(c) = sign_char {
        out.push(c);
    }
    out.push_str(p.prefix);
    push_fill(out, layout.fill, spad);
    // Grouped digits are ASCII by construction.
    out.push_str(std::str::from_utf8(&grouped).unwrap_or(""));
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_fill(out, layout.fill, rpad);
}

/// A small stack buffer for integer digits (up to 64 binary digits).
struct SmallBuf {
    buf: [u8; 72],
    len: usize,
}

impl Write for SmallBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Magnitude of an integer value for the shared int path.
enum IntValue<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntValue<'_> {
    fn negative(&self) -> bool {
        match self {
            IntValue::Small(v) => *v < 0,
            IntValue::Big(b) => b.sign() == BigSign::Minus,
        }
    }
    fn to_f64(&self) -> Result<f64, FormatError> {
        let f = match self {
            IntValue::Small(v) => *v as f64,
            IntValue::Big(b) => b.to_f64().unwrap_or(f64::INFINITY),
        };
        if f.is_infinite() {
            return Err(FormatError::Overflow(
                "int too large to convert to float".into(),
            ));
        }
        Ok(f)
    }
}

/// `format(v, spec)` for an `int` (or subclass: pass its `type_name` for error
/// messages). CPython's `format(v, "")` calls `str(v)`, which differs only for
/// `bool`: handle that case before calling.
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match v.to_i64() {
        Some(s) => format_int_value(IntValue::Small(s), spec, type_name),
        None => format_int_value(IntValue::Big(v), spec, type_name),
    }
}

/// [`format_int`] for a machine integer, without touching `BigInt`.
pub fn format_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    if *spec == FormatSpec::EMPTY {
        let mut s = String::with_capacity(20);
        let _ = write!(s, "{v}");
        return Ok(s);
    }
    format_int_value(IntValue::Small(v), spec, type_name)
}

fn format_int_value(
    v: IntValue<'_>,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let ty = spec.ty_or('d');
    let under_four = spec.check_grouping(Some(ty))?;
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'd' | 'n' | 'c' => (10, ""),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_checked(v.to_f64()?, spec, ty);
        }
        _ => return Err(unknown_code(ty, type_name)),
    };
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let width = spec.width_checked()? as i64;
    let width = if spec.width.is_some() { width } else { -1 };
    let layout = spec.layout(Align::Right);
    let mut out = String::new();

    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = match v {
            IntValue::Small(x) => x,
            IntValue::Big(_) => {
                return Err(FormatError::Overflow(
                    "Python int too large to convert to C long".into(),
                ))
            }
        };
        let ch = u32::try_from(x)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| FormatError::Overflow("%c arg not in range(0x110000)".into()))?;
        // Lone surrogates cannot live in a Rust string; U+FFFD stands in.
        let ch = char::from_u32(ch).unwrap_or('\u{fffd}');
        let mut tmp = [0u8; 4];
        let parts = NumParts {
            negative: false,
            prefix: "",
            digits: &[],
            has_decimal: false,
            remainder: ch.encode_utf8(&mut tmp),
        };
        layout_number(&mut out, &parts, None, layout, width, None);
        return Ok(out);
    }

    let negative = v.negative();
    let big_digits;
    let mut small = SmallBuf {
        buf: [0; 72],
        len: 0,
    };
    let digits: &[u8] = match v {
        IntValue::Small(x) => {
            let m = x.unsigned_abs();
            let _ = match ty {
                'b' => write!(small, "{m:b}"),
                'o' => write!(small, "{m:o}"),
                'x' => write!(small, "{m:x}"),
                'X' => write!(small, "{m:X}"),
                _ => write!(small, "{m}"),
            };
            &small.buf[..small.len]
        }
        IntValue::Big(b) => {
            let mut s = b.magnitude().to_str_radix(base);
            if ty == 'X' {
                s.make_ascii_uppercase();
            }
            big_digits = s;
            big_digits.as_bytes()
        }
    };
    let group = match spec.grouping {
        _ if ty == 'n' => None,
        Some(Grouping::Comma) => Some((b',', 3)),
        Some(Grouping::Underscore) => Some((b'_', if under_four { 4 } else { 3 })),
        None => None,
    };
    let parts = NumParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits,
        has_decimal: false,
        remainder: "",
    };
    layout_number(&mut out, &parts, spec.sign, layout, width, group);
    Ok(out)
}

/// `format(x, spec)` for a `float` (pass the subclass name for messages).
///
/// CPython's `format(x, "")` is `str(x)`, which this reproduces.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    spec.check_grouping(spec.ty)?;
    match spec.ty {
        None => format_float_checked(x, spec, '\0'),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            format_float_checked(x, spec, t)
        }
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// The checks CPython makes on a float or complex spec's precision and width; the
/// width (-1: none).
fn float_width(spec: &FormatSpec) -> Result<i64, FormatError> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(FormatError::value("precision too big"));
        }
        if p > crate::MAX_FORMAT_WIDTH {
            return Err(FormatError::memory());
        }
    }
    let width = spec.width_checked()? as i64;
    Ok(if spec.width.is_some() { width } else { -1 })
}

/// `format_float_internal`, after the type code was validated (`'\0'`: none).
fn format_float_checked(x: f64, spec: &FormatSpec, ty: char) -> Result<String, FormatError> {
    let width = float_width(spec)?;
    let mut flags = FloatFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..FloatFlags::default()
    };
    let mut default_precision = 6;
    let mut x = x;
    let mut add_pct = false;
    let mut style = match ty {
        '\0' => {
            flags.add_dot_0 = true;
            default_precision = 0;
            FloatStyle::Repr
        }
        'e' | 'E' => FloatStyle::Exp,
        'f' | 'F' => FloatStyle::Fixed,
        '%' => {
            x *= 100.0;
            add_pct = true;
            FloatStyle::Fixed
        }
        _ => FloatStyle::General,
    };
    flags.upper = matches!(ty, 'E' | 'F' | 'G');
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if style == FloatStyle::Repr {
                style = FloatStyle::General;
            }
            p
        }
    };
    let mut buf = String::with_capacity(24);
    double_to_string(x, style, precision, flags, &mut buf);
    if add_pct {
        buf.push('%');
    }
    if spec.sign.is_none_or(|s| s == Sign::Minus)
        && spec.width.is_none()
        && ty != 'n'
        && spec.grouping.is_none()
    {
        return Ok(buf);
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let group = match spec.grouping {
        _ if ty == 'n' => None,
        Some(Grouping::Comma) => Some((b',', 3)),
        Some(Grouping::Underscore) => Some((b'_', 3)),
        None => None,
    };
    let parts = NumParts {
        negative,
        prefix: "",
        digits: digits.as_bytes(),
        has_decimal,
        remainder,
    };
    let mut out = String::with_capacity(buf.len() + 8);
    layout_number(
        &mut out,
        &parts,
        spec.sign,
        spec.layout(Align::Right),
        width,
        group,
    );
    Ok(out)
}

/// Split a `double_to_string` result into its number parts.
fn split_number(buf: &str) -> (bool, &str, bool, &str) {
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    (negative, digits, has_decimal, remainder)
}

/// `format(z, spec)` for a `complex` (`format_complex_internal`): the real and
/// imaginary parts formatted as floats, the imaginary one with a sign and `j`,
/// in parentheses when no type was given and the real part is shown.
pub fn format_complex(
    re: f64,
    im: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    spec.check_grouping(spec.ty)?;
    let mut ty = match spec.ty {
        None => '\0',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) => t,
        Some(t) => return Err(unknown_code(t, type_name)),
    };
    if spec.fill == Some('0') || (spec.fill.is_none() && spec.zero_pad) {
        return Err(FormatError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(FormatError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let width = float_width(spec)?;
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut add_parens = false;
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let locale = ty == 'n';
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let style = match ty {
        'e' | 'E' => FloatStyle::Exp,
        'f' | 'F' => FloatStyle::Fixed,
        'r' => FloatStyle::Repr,
        _ => FloatStyle::General,
    };
    let flags = FloatFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        upper: matches!(ty, 'E' | 'F' | 'G'),
        ..FloatFlags::default()
    };
    let group = match spec.grouping {
        _ if locale => None,
        Some(Grouping::Comma) => Some((b',', 3)),
        Some(Grouping::Underscore) => Some((b'_', 3)),
        None => None,
    };
    let plain = Layout {
        fill: ' ',
        align: Align::Left,
    };
    // One part (real or imaginary) laid out with its sign, no padding.
    let part = |x: f64, sign: Option<Sign>| {
        let mut buf = String::with_capacity(24);
        double_to_string(x, style, precision, flags, &mut buf);
        let (negative, digits, has_decimal, remainder) = split_number(&buf);
        let parts = NumParts {
            negative,
            prefix: "",
            digits: digits.as_bytes(),
            has_decimal,
            remainder,
        };
        let mut out = String::new();
        layout_number(&mut out, &parts, sign, plain, -1, group);
        out
    };
    let re_s = if skip_re {
        String::new()
    } else {
        part(re, spec.sign)
    };
    let im_s = part(im, if skip_re { spec.sign } else { Some(Sign::Plus) });
    let body_len =
        (re_s.chars().count() + im_s.chars().count() + 1 + 2 * add_parens as usize) as i64;
    let layout = spec.layout(Align::Right);
    let n_padding = (width - body_len).max(0);
    let (lpad, rpad) = match layout.align {
        Align::Left => (0, n_padding),
        Align::Center => (n_padding / 2, n_padding - n_padding / 2),
        _ => (n_padding, 0),
    };
    let mut out = String::with_capacity(body_len as usize + n_padding as usize);
    push_fill(&mut out, layout.fill, lpad);
    if add_parens {
        out.push('(');
    }
    out.push_str(&re_s);
    out.push_str(&im_s);
    out.push('j');
    if add_parens {
        out.push(')');
    }
    push_fill(&mut out, layout.fill, rpad);
    Ok(out)
}

/// `repr(z)` for a `complex`.
pub fn complex_repr(re: f64, im: f64) -> String {
    format_complex(re, im, &FormatSpec::EMPTY, "complex").unwrap_or_default()
}
