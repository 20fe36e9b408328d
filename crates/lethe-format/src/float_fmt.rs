//! Float to text layouts (`repr`, `%e`, `%f`, `%g`), a port of `pystrtod.c`'s
//! `format_float_short`, plus `round()` for floats.

use crate::dtoa;
use crate::error::FormatError;
use num_bigint::BigInt;

/// Which of `PyOS_double_to_string`'s format codes to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// `'e'`: scientific with `precision` digits after the point.
    Exp,
    /// `'f'`: fixed with `precision` digits after the point.
    Fixed,
    /// `'g'`: `precision` significant digits, switching to scientific.
    General,
    /// `'r'`: shortest round-trip digits (`repr`); precision ignored.
    Repr,
}

/// `PyOS_double_to_string`'s flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integers get `.0`; `'g'` switches to exponent at `precision`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: keep trailing zeros and the point (`#`).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: a result that rounds to zero loses its minus sign (`z`).
    pub no_neg_0: bool,
    /// Upper-case `E`, `INF`, `NAN` (format codes `E F G`).
    pub upper: bool,
}

/// Python's `repr(x)` / `str(x)` for a float.
///
/// ```
/// assert_eq!(lethe_format::float_repr(1e16), "1e+16");
/// assert_eq!(lethe_format::float_repr(0.0001), "0.0001");
/// ```
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    double_to_string(x, FloatStyle::Repr, 0, flags, &mut out);
    out
}

/// Append `PyOS_double_to_string(x, style, precision, flags)` to `out`.
///
/// `precision` follows CPython: digits after the point for `Exp`/`Fixed`,
/// significant digits for `General` (0 means 1), unused for `Repr`.
pub fn double_to_string(
    x: f64,
    style: FloatStyle,
    precision: usize,
    flags: FloatFlags,
    out: &mut String,
) {
    let neg = x.is_sign_negative();
    if x.is_nan() || x.is_infinite() {
        // The sign of a NaN is ignored, as in CPython.
        if x.is_infinite() && neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), flags.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return;
    }

    let mut digits: Vec<u8> = Vec::with_capacity(24);
    let mut precision = precision as i64;
    let decpt = match style {
        FloatStyle::Exp => {
            precision += 1;
            dtoa::significant(x, precision as usize, &mut digits)
        }
        FloatStyle::Fixed => dtoa::fixed(x, precision, &mut digits),
        FloatStyle::General => {
            if precision == 0 {
                precision = 1;
            }
            dtoa::significant(x, precision as usize, &mut digits)
        }
        FloatStyle::Repr => dtoa::shortest(x, &mut digits),
    };
    let mut decpt = i64::from(decpt);
    let digits_len = digits.len() as i64;

    let mut sign = neg;
    if flags.no_neg_0 && sign && digits.iter().all(|&d| d == b'0') {
        sign = false;
    }

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match style {
        FloatStyle::Exp => {
            use_exp = true;
            vdigits_end = precision;
        }
        FloatStyle::Fixed => vdigits_end = decpt + precision,
        FloatStyle::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        FloatStyle::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    out.reserve((vdigits_end - vdigits_start) as usize + 8);
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    // Digits are ASCII by construction.
    let digit_str = |r: std::ops::Range<usize>| std::str::from_utf8(&digits[r]).unwrap_or("");

    if decpt <= 0 {
        zeros(out, decpt - vdigits_start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(digit_str(0..decpt as usize));
        out.push('.');
        out.push_str(digit_str(decpt as usize..digits.len()));
    } else {
        out.push_str(digit_str(0..digits.len()));
    }
    if digits_len < decpt {
        zeros(out, decpt - digits_len);
        out.push('.');
        zeros(out, vdigits_end - decpt);
    } else {
        zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        // Writing to a String cannot fail.
        let _ = std::fmt::Write::write_fmt(out, format_args!("{a}"));
    }
}

/// Python's `round(x, ndigits)` for a float: correctly rounded, half-to-even
/// on the exact decimal value. Errors: `OverflowError("rounded value too large
/// to represent")`. (`ndigits` beyond `i64` is the caller's clipping, as
/// CPython clips to `Py_ssize_t`.)
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let mut digits = Vec::with_capacity(24);
    let decpt = dtoa::fixed(x, ndigits, &mut digits);
    let r = dtoa::digits_to_f64(x.is_sign_negative(), &digits, decpt);
    if r.is_infinite() {
        return Err(FormatError::Overflow(
            "rounded value too large to represent".into(),
        ));
    }
    Ok(r)
}

/// Python's one-argument `round(x)`: nearest integer, ties to even.
/// Errors as `int(float)`; see [`float_to_int`].
pub fn float_round_to_int(x: f64) -> Result<BigInt, FormatError> {
    float_to_int(x.round_ties_even())
}

/// Python's `int(x)` for a float (truncation), with CPython's errors:
/// `OverflowError("cannot convert float infinity to integer")` and
/// `ValueError("cannot convert float NaN to integer")`.
pub fn float_to_int(x: f64) -> Result<BigInt, FormatError> {
    if x.is_nan() {
        return Err(FormatError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FormatError::Overflow(
            "cannot convert float infinity to integer".into(),
        ));
    }
    Ok(dtoa::f64_to_bigint(x))
}
