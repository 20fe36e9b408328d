//! The format-spec mini-language (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`),
//! parsed as CPython 3.11's `parse_internal_render_format_spec` does.

use crate::error::FormatError;

/// Alignment of a padded field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between sign/prefix and digits.
    AfterSign,
}

/// Sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `-` or absent: only negative numbers get a sign.
    Minus,
    /// `+`
    Plus,
    /// ` `
    Space,
}

/// Thousands grouping option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_` (every 3 digits for decimal, every 4 for `b o x X`)
    Underscore,
}

/// A parsed format spec. Type-independent: the per-type defaults (alignment,
/// type code) are applied by the `format_*` functions, so one parsed spec can be
/// cached (e.g. for a constant f-string spec) and used with any object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (`None`: space, or `0` with the `0` flag).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Sign option; `None` when absent (differs from `Some(Minus)` only in
    /// error messages for strings).
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag appeared (and no explicit fill was given).
    pub zero_pad: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// Thousands separator.
    pub grouping: Option<Grouping>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type character.
    pub ty: Option<char>,
}

/// Resolved layout parameters after applying a type's defaults.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub fill: char,
    pub align: Align,
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Decimal value of a character as CPython's `Py_UNICODE_TODECIMAL` sees it.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() {
        return None;
    }
    let cp = c as u32;
    let tbl = &crate::unicode_tables::DECIMAL_ZEROS;
    let i = tbl.partition_point(|&z| z <= cp);
    if i == 0 {
        return None;
    }
    let d = cp - tbl[i - 1];
    (d < 10).then_some(d)
}

/// CPython's `get_integer` for specs: `Ok(None)` if no digits were consumed.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: usize = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + d as usize;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

impl FormatSpec {
    /// The empty spec (`format(x, "")`).
    pub const EMPTY: FormatSpec = FormatSpec {
        fill: None,
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };

    /// Parse a spec. An "Invalid format specifier" error has an empty type
    /// name: apply [`FormatError::for_type`], or call [`FormatSpec::parse_for`].
    pub fn parse(spec: &str) -> Result<FormatSpec, FormatError> {
        if spec.is_empty() {
            return Ok(FormatSpec::EMPTY);
        }
        let chars: Vec<char> = spec.chars().collect();
        Self::parse_chars(spec, &chars)
    }

    /// Parse a spec for an object of Python type `type_name`.
    pub fn parse_for(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
        Self::parse(spec).map_err(|e| e.for_type(type_name))
    }

    fn parse_chars(spec: &str, c: &[char]) -> Result<FormatSpec, FormatError> {
        let mut s = FormatSpec::EMPTY;
        let end = c.len();
        let mut pos = 0;
        if end >= 2 && is_align(c[1]).is_some() {
            s.align = is_align(c[1]);
            s.fill = Some(c[0]);
            pos = 2;
        } else if end >= 1 && is_align(c[0]).is_some() {
            s.align = is_align(c[0]);
            pos = 1;
        }
        if pos < end {
            s.sign = match c[pos] {
                '+' => Some(Sign::Plus),
                '-' => Some(Sign::Minus),
                ' ' => Some(Sign::Space),
                _ => None,
            };
            if s.sign.is_some() {
                pos += 1;
            }
        }
        if pos < end && c[pos] == 'z' {
            s.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && c[pos] == '#' {
            s.alternate = true;
            pos += 1;
        }
        if s.fill.is_none() && pos < end && c[pos] == '0' {
            s.zero_pad = true;
            pos += 1;
        }
        s.width = get_integer(c, &mut pos)?;
        if pos < end && c[pos] == ',' {
            s.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if pos < end && c[pos] == '_' {
            if s.grouping.is_some() {
                return Err(FormatError::value("Cannot specify both ',' and '_'."));
            }
            s.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if pos < end && c[pos] == ',' && s.grouping == Some(Grouping::Underscore) {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        if pos < end && c[pos] == '.' {
            pos += 1;
            match get_integer(c, &mut pos)? {
                Some(p) => s.precision = Some(p),
                None => return Err(FormatError::value("Format specifier missing precision")),
            }
        }
        if end - pos > 1 {
            return Err(FormatError::InvalidSpecifier {
                spec: spec.to_owned(),
                type_name: String::new(),
            });
        }
        if end - pos == 1 {
            s.ty = Some(c[pos]);
        }
        Ok(s)
    }

    /// The presentation type, or `default` if none was given.
    pub fn ty_or(&self, default: char) -> char {
        self.ty.unwrap_or(default)
    }

    /// CPython's post-parse separator check, which runs with the type's
    /// default presentation type filled in (`'s'` for str, `'d'` for int, none
    /// for float). Returns whether `_` means every four digits.
    pub(crate) fn check_grouping(&self, ty: Option<char>) -> Result<bool, FormatError> {
        let Some(g) = self.grouping else {
            return Ok(false);
        };
        match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(false),
            Some('b' | 'o' | 'x' | 'X') if g == Grouping::Underscore => Ok(true),
            Some(t) => {
                let sep = if g == Grouping::Comma { ',' } else { '_' };
                let t = t as u32;
                Err(FormatError::Value(if t > 32 && t < 128 {
                    format!("Cannot specify '{sep}' with '{}'.", t as u8 as char)
                } else {
                    format!("Cannot specify '{sep}' with '\\x{t:x}'.")
                }))
            }
        }
    }

    /// Fill and alignment after applying the type's default alignment.
    pub(crate) fn layout(&self, default_align: Align) -> Layout {
        let mut align = self.align.unwrap_or(default_align);
        let fill = match self.fill {
            Some(f) => f,
            None if self.zero_pad => {
                if self.align.is_none() && default_align == Align::Right {
                    align = Align::AfterSign;
                }
                '0'
            }
            None => ' ',
        };
        Layout { fill, align }
    }

    /// Width, refusing absurd values with `MemoryError`.
    pub(crate) fn width_checked(&self) -> Result<usize, FormatError> {
        match self.width {
            Some(w) if w > crate::MAX_FORMAT_WIDTH => Err(FormatError::memory()),
            Some(w) => Ok(w),
            None => Ok(0),
        }
    }
}

/// `Unknown format code 'X' for object of type 'T'`.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> FormatError {
    let t = ty as u32;
    FormatError::Value(if t > 32 && t < 128 {
        format!("Unknown format code '{ty}' for object of type '{type_name}'")
    } else {
        format!("Unknown format code '\\x{t:x}' for object of type '{type_name}'")
    })
}
