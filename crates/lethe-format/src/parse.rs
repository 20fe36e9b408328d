//! Text to number: `int(str, base)` and `float(str)` as CPython 3.11 parses
//! them, plus `bin()`/`oct()`/`hex()`.

use crate::repr::str_repr;
use crate::spec::decimal_value;
use num_bigint::BigInt;

/// `int()`/`float()` rejected the string. The VM builds the message with
/// [`invalid_int_literal_message`] or [`invalid_float_message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidLiteral;

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode digits become ASCII
/// digits and Unicode spaces become `' '`; any other non-ASCII character makes
/// the string invalid (CPython turns it into `'?'`).
fn to_ascii(s: &str) -> Result<std::borrow::Cow<'_, [u8]>, InvalidLiteral> {
    if s.is_ascii() {
        return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    let mut v = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            v.push(c as u8);
        } else if c.is_whitespace() {
            v.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            v.push(b'0' + d as u8);
        } else {
            return Err(InvalidLiteral);
        }
    }
    Ok(std::borrow::Cow::Owned(v))
}

/// C `isspace` in the "C" locale, which is what `Py_ISSPACE` tests.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 99,
    }
}

/// `int(s, base)`: `base` is 0 or 2..=36 (checking it, with `ValueError("int()
/// base must be >= 2 and <= 36, or 0")`, is the caller's job; other bases are
/// rejected here as invalid). The 4300-digit limit of
/// `sys.set_int_max_str_digits` is also the caller's (count the digits).
pub fn parse_int_literal(s: &str, base: u32) -> Result<BigInt, InvalidLiteral> {
    if base == 1 || base > 36 {
        return Err(InvalidLiteral);
    }
    let bytes = to_ascii(s)?;
    let b: &[u8] = &bytes;
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        negative = b[i] == b'-';
        i += 1;
    }
    let at = |k: usize| b.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(InvalidLiteral);
    }
    let start = i;
    let mut prev = 0u8;
    let mut clean: Vec<u8> = Vec::new();
    let mut has_underscore = false;
    while i < b.len() && (digit_value(b[i]) < base || b[i] == b'_') {
        if b[i] == b'_' {
            if prev == b'_' {
                return Err(InvalidLiteral);
            }
            if !has_underscore {
                has_underscore = true;
                clean.extend_from_slice(&b[start..i]);
            }
        } else if has_underscore {
            clean.push(b[i]);
        }
        prev = b[i];
        i += 1;
    }
    if prev == b'_' || i == start {
        return Err(InvalidLiteral);
    }
    let digits = if has_underscore {
        &clean[..]
    } else {
        &b[start..i]
    };
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(InvalidLiteral);
    }
    if error_if_nonzero && digits.iter().any(|&d| d != b'0') {
        return Err(InvalidLiteral);
    }
    let v = if digits.len() <= 18 && base == 10 {
        let mut acc: i64 = 0;
        for &d in digits {
            acc = acc * 10 + i64::from(d - b'0');
        }
        BigInt::from(acc)
    } else {
        BigInt::parse_bytes(digits, base).ok_or(InvalidLiteral)?
    };
    Ok(if negative { -v } else { v })
}

/// `invalid literal for int() with base 10: 'x'` (repr clipped to 200
/// characters, as CPython's `%.200R`).
pub fn invalid_int_literal_message(s: &str, base: u32) -> String {
    let r = str_repr(s);
    let r = match r.char_indices().nth(200) {
        Some((i, _)) => &r[..i],
        None => &r,
    };
    format!("invalid literal for int() with base {base}: {r}")
}

/// `could not convert string to float: 'x'`.
pub fn invalid_float_message(s: &str) -> String {
    format!("could not convert string to float: {}", str_repr(s))
}

/// `float(s)`: whitespace, `_` between digits, `inf`/`infinity`/`nan` in any
/// case with a sign; no hex. `None` if invalid.
pub fn parse_float(s: &str) -> Option<f64> {
    let bytes = to_ascii(s).ok()?;
    let mut b: &[u8] = &bytes;
    while let [c, rest @ ..] = b {
        if !is_space(*c) {
            break;
        }
        b = rest;
    }
    while let [rest @ .., c] = b {
        if !is_space(*c) {
            break;
        }
        b = rest;
    }
    if b.is_empty() {
        return None;
    }
    let mut clean;
    if b.contains(&b'_') {
        clean = Vec::with_capacity(b.len());
        let mut prev = 0u8;
        for &c in b {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return None;
                }
                clean.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return None;
        }
        b = &clean;
    }
    // Rust's grammar is dtoa's (digits, point, exponent; inf/infinity/nan in
    // any case, signed), and its parse is correctly rounded. It also accepts
    // nothing CPython rejects once whitespace and underscores are gone, except
    // embedded NUL-free oddities we screen here: Rust allows no hex either.
    let t = std::str::from_utf8(b).ok()?;
    t.parse::<f64>().ok()
}

/// `bin()`/`oct()`/`hex()` (base 2, 8, 16; with `prefix`), or plain digits in
/// any base 2..=36 without it: `-0x1f` style.
pub fn int_to_base(v: &BigInt, base: u32, prefix: bool) -> String {
    let base = base.clamp(2, 36);
    let digits = v.magnitude().to_str_radix(base);
    let mut s = String::with_capacity(digits.len() + 3);
    if v.sign() == num_bigint::Sign::Minus {
        s.push('-');
    }
    if prefix {
        s.push_str(match base {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    s.push_str(&digits);
    s
}
