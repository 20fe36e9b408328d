//! Decimal digit generation for doubles, equivalent to `dtoa.c`'s modes 0, 2 and 3.
//!
//! Each function writes the digit string (no sign, no point, no leading or
//! trailing zeros) into `out` and returns `decpt`, the position of the decimal
//! point relative to the first digit: the value is `0.DIGITS × 10^decpt`.
//! Like dtoa, an exact zero yields `"0"` with `decpt == 1`, and a non-zero value
//! that rounds to nothing in [`fixed`] yields `""` with `decpt == -ndigits`.
//!
//! Rust's `core::fmt` is exact and rounds half-to-even on the exact binary
//! value, which is exactly what dtoa does, so we format into a stack buffer and
//! pick the digits out. `core::fmt` caps precision at `u16::MAX`; no double
//! has more than 767 significant digits or 1074 fractional digits, so larger
//! requests are clamped without changing the (trailing-zero-stripped) result.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::fmt::Write;

/// Enough significant digits to spell any double exactly.
const MAX_SIG_DIGITS: usize = 800;
/// Enough fractional digits to spell any double exactly.
const MAX_FRAC_DIGITS: usize = 1100;

/// A fixed-size stack buffer for `write!`, so digit generation never allocates.
struct StackBuf {
    buf: [u8; 1536],
    len: usize,
}

impl StackBuf {
    fn new() -> StackBuf {
        StackBuf {
            buf: [0; 1536],
            len: 0,
        }
    }
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl Write for StackBuf {
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

/// Parse `D[.DDD]e[-]X` as produced by `{:e}` / `{:.Ne}`.
fn from_exp_form(s: &[u8], out: &mut Vec<u8>) -> i32 {
    out.clear();
    let mut i = 0;
    while i < s.len() && s[i] != b'e' {
        if s[i] != b'.' {
            out.push(s[i]);
        }
        i += 1;
    }
    let mut exp: i32 = 0;
    let mut neg = false;
    for &c in &s[(i + 1).min(s.len())..] {
        match c {
            b'-' => neg = true,
            b'0'..=b'9' => exp = exp * 10 + i32::from(c - b'0'),
            _ => {}
        }
    }
    if neg {
        exp = -exp;
    }
    while out.last() == Some(&b'0') {
        out.pop();
    }
    if out.is_empty() {
        out.push(b'0');
        return 1;
    }
    exp + 1
}

/// Mode 0: the shortest digit string that reads back as `x` (finite).
pub fn shortest(x: f64, out: &mut Vec<u8>) -> i32 {
    let mut b = StackBuf::new();
    // Infallible: at most 17 digits plus exponent.
    let _ = write!(b, "{:e}", x.abs());
    let decpt = from_exp_form(b.bytes(), out);
    // Rust breaks a tie between two equally close shortest candidates upward;
    // dtoa picks the even digit. Ties need 16+ digits (the decimal spacing
    // must be below one ulp), so only then ask for the correctly rounded
    // n-digit string and prefer it when it also reads back as `x`.
    let n = out.len();
    if n >= 16 && out.last().is_some_and(|d| d % 2 == 1) && short_exact_decimal(x.abs()) {
        let mut alt = Vec::with_capacity(n + 1);
        let alt_decpt = significant(x, n, &mut alt);
        if alt != *out && digits_to_f64(false, &alt, alt_decpt) == x.abs() {
            *out = alt;
            return alt_decpt;
        }
    }
    decpt
}

/// Whether `x` (positive, finite) has an exact decimal expansion of at most
/// 18 significant digits: a precondition for a tie at 16 or 17 digits.
fn short_exact_decimal(x: f64) -> bool {
    const LIMIT: u128 = 1_000_000_000_000_000_000;
    let (m, e) = decompose(x);
    if m == 0 {
        return false;
    }
    // Make the mantissa odd: then m·2^e has no decimal trailing zeros.
    let tz = m.trailing_zeros();
    let (m, e) = (u128::from(m >> tz), e + tz as i32);
    if e >= 0 {
        return e < 64 && m.checked_shl(e as u32).is_some_and(|v| v < LIMIT);
    }
    // m·2^e = m·5^-e / 10^-e: the digits are those of m·5^-e.
    let k = (-e) as u32;
    k <= 26 && m * 5u128.pow(k) < LIMIT
}

/// Mode 2: `ndigits` (at least 1) significant digits, correctly rounded.
pub fn significant(x: f64, ndigits: usize, out: &mut Vec<u8>) -> i32 {
    let n = ndigits.clamp(1, MAX_SIG_DIGITS);
    let mut b = StackBuf::new();
    let _ = write!(b, "{:.*e}", n - 1, x.abs());
    from_exp_form(b.bytes(), out)
}

/// Mode 3: round to `ndigits` digits after the decimal point (negative:
/// to a multiple of `10^-ndigits`), correctly rounded half-to-even.
pub fn fixed(x: f64, ndigits: i64, out: &mut Vec<u8>) -> i32 {
    out.clear();
    let x = x.abs();
    if x == 0.0 {
        out.push(b'0');
        return 1;
    }
    if ndigits < 0 {
        return fixed_negative(x, ndigits.unsigned_abs(), out);
    }
    let n = (ndigits as u64).min(MAX_FRAC_DIGITS as u64) as usize;
    let mut b = StackBuf::new();
    let _ = write!(b, "{:.*}", n, x);
    let s = b.bytes();
    let mut decpt: i64 = 0;
    let mut seen_point = false;
    for &c in s {
        if c == b'.' {
            seen_point = true;
            continue;
        }
        if out.is_empty() && c == b'0' {
            if seen_point {
                decpt -= 1;
            }
            continue;
        }
        out.push(c);
        if !seen_point {
            decpt += 1;
        }
    }
    while out.last() == Some(&b'0') {
        out.pop();
    }
    if out.is_empty() {
        return clamp_i32(-ndigits);
    }
    clamp_i32(decpt)
}

fn clamp_i32(v: i64) -> i32 {
    v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// Exact `x = m·2^e`, with `m` an integer.
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// Mode 3 with negative `ndigits`: round `x` (positive, finite) to a multiple
/// of `10^k` using exact integer arithmetic.
fn fixed_negative(x: f64, k: u64, out: &mut Vec<u8>) -> i32 {
    // Doubles are below 10^309: rounding to 10^k for k > 330 always gives 0.
    if k > 330 {
        return clamp_i32(k as i64);
    }
    let (m, e) = decompose(x);
    let pow10 = num_traits::pow(BigInt::from(10u32), k as usize);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << (e as usize), pow10)
    } else {
        (BigInt::from(m), pow10 << ((-e) as usize))
    };
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    if q.is_zero() {
        return clamp_i32(k as i64);
    }
    let s = q.to_str_radix(10);
    out.extend_from_slice(s.as_bytes());
    let decpt = s.len() as i64 + k as i64;
    while out.last() == Some(&b'0') {
        out.pop();
    }
    clamp_i32(decpt)
}

/// Read a digit string back: `0.DIGITS × 10^decpt`, correctly rounded.
pub(crate) fn digits_to_f64(neg: bool, digits: &[u8], decpt: i32) -> f64 {
    if digits.is_empty() {
        return if neg { -0.0 } else { 0.0 };
    }
    let mut b = StackBuf::new();
    if neg {
        let _ = b.write_str("-");
    }
    let _ = b.write_str("0.");
    // Digits are ASCII by construction.
    let _ = b.write_str(std::str::from_utf8(digits).unwrap_or("0"));
    let _ = write!(b, "e{decpt}");
    std::str::from_utf8(b.bytes())
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(f64::NAN)
}

/// Integer value of a finite double (truncating toward zero), exactly.
pub(crate) fn f64_to_bigint(x: f64) -> BigInt {
    if let Some(v) = x.to_i64() {
        if (v as f64) == x.trunc() {
            return BigInt::from(v);
        }
    }
    let (m, e) = decompose(x.abs());
    let mag = if e >= 0 {
        BigInt::from(m) << (e as usize)
    } else {
        BigInt::from(m >> ((-e) as u32).min(63))
    };
    if x < 0.0 {
        -mag
    } else {
        mag
    }
}
