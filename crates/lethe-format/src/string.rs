//! `format(str, spec)`: a port of `formatter_unicode.c`'s `format_string_internal`.

use crate::error::FormatError;
use crate::spec::{unknown_code, Align, FormatSpec, Sign};

/// `format(s, spec)` for a `str` (pass the subclass name for messages).
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty_or('s');
    spec.check_grouping(Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let layout = spec.layout(Align::Left);
    if layout.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let width = spec.width_checked()?;
    if width == 0 && spec.precision.is_none() {
        return Ok(s.to_owned());
    }
    let (body, len) = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    let total = width.max(len);
    let pad = total - len;
    let lpad = match layout.align {
        Align::Right => pad,
        Align::Center => pad / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(body.len() + pad * layout.fill.len_utf8());
    out.extend(std::iter::repeat_n(layout.fill, lpad));
    out.push_str(body);
    out.extend(std::iter::repeat_n(layout.fill, pad - lpad));
    Ok(out)
}
