//! CPython 3.11-exact number and string formatting and parsing, for the lethe VM.
//!
//! # Design
//!
//! Everything here is a pure function over plain Rust values (`i64`, [`BigInt`],
//! `f64`, `&str`): the crate knows nothing about the VM's object model, so it can
//! be tested exhaustively against tables produced by CPython itself
//! (`tests/gen_cases.py` writes `tests/cases/*.txt`; CI only reads them).
//!
//! The layers mirror CPython's own split, so behaviour (and error precedence)
//! can be checked against the C source function by function:
//!
//! | module | CPython counterpart | provides |
//! |---|---|---|
//! | [`dtoa`] | `Python/dtoa.c` modes 0/2/3 | digit strings: shortest, n significant, n after the point |
//! | [`float_fmt`] | `Python/pystrtod.c` `format_float_short` | [`float_repr`], `%e/%f/%g/%r` layouts, [`float_round`] |
//! | [`spec`] | `formatter_unicode.c` `parse_internal_render_format_spec` | [`FormatSpec`] |
//! | [`number`] | `formatter_unicode.c` `calc_number_widths`/`fill_number` | [`format_int`], [`format_i64`], [`format_float`] |
//! | [`string`] | `formatter_unicode.c` `format_string_internal` | [`format_str`] |
//! | [`percent`] | `unicodeobject.c` `PyUnicode_Format` | `%`-formatting pieces |
//! | [`template`] | `Objects/stringlib/unicode_format.h` | `str.format` template and field-name parsing |
//! | [`parse`] | `PyLong_FromString`, `PyFloat_FromString` | [`parse_int_literal`], [`parse_float`], [`int_to_base`] |
//! | [`repr`] | `unicode_repr` | [`str_repr`], [`str_ascii`] |
//!
//! Digit generation leans on Rust's `core::fmt`, whose float formatting is
//! exact (Grisu with a Dragon4 fallback): `{:e}` yields the shortest round-trip
//! digits, identical to dtoa's mode 0 except that Rust breaks a tie between two
//! equally near shortest strings upward where dtoa picks the even one (fixed up
//! in [`dtoa::shortest`]), and `{:.N}`/`{:.Ne}` are correctly rounded
//! half-to-even on the exact binary value, identical to modes 3 and 2.
//!
//! The expected-output tables are "blessed" by rerunning
//! `python3 tests/gen_cases.py` under CPython 3.11; it also regenerates
//! `src/unicode_tables.rs` (printability and Unicode digits, Unicode 14).
//! Everything after digit generation (padding, grouping, signs, exponents) is a
//! line-by-line port of the C layout code.
//!
//! Errors are [`FormatError`]s carrying CPython's exact message and the Python
//! exception class ([`ExcKind`]) the VM should raise. Errors that need the VM
//! (argument fetching, `str()`/`repr()` calls, lookups) are documented at each
//! entry point as "the caller's job".
//!
//! Memory: no function allocates more than its output plus a digit buffer; the
//! `i64` paths avoid `BigInt` entirely. Widths and precisions are capped at
//! [`MAX_FORMAT_WIDTH`] so that hostile specs fail with `MemoryError` rather
//! than aborting the process.

pub mod dtoa;
mod error;
pub mod float_fmt;
pub mod number;
pub mod parse;
pub mod percent;
pub mod repr;
pub mod spec;
pub mod string;
pub mod template;
mod unicode_tables;

pub use error::{ExcKind, FormatError};
pub use float_fmt::{
    double_to_string, float_repr, float_round, float_round_to_int, float_to_int, FloatFlags,
    FloatStyle,
};
pub use number::{complex_repr, format_complex, format_float, format_i64, format_int};
pub use parse::{
    int_to_base, invalid_float_message, invalid_int_literal_message, parse_float,
    parse_int_literal, InvalidLiteral,
};
pub use percent::{
    parse_percent, percent_float, percent_int, percent_str, PercentNum, PercentParser,
    PercentPiece, PercentSpec,
};
pub use repr::{is_printable, str_ascii, str_repr};
pub use spec::{Align, FormatSpec, Grouping, Sign};
pub use string::format_str;
pub use template::{
    conversion_error, parse_format_template, AutoNumber, FieldAccessor, FieldAccessors, FieldFirst,
    FieldName, TemplateParser, TemplatePiece,
};

#[doc(inline)]
pub use num_bigint::BigInt;

/// Largest width or precision honoured before giving up with `MemoryError`.
///
/// CPython would try to allocate and fail the same way for larger values; a
/// hard cap keeps a hostile `f"{x:99999999999}"` from aborting the process on
/// allocation failure. 256 MiB of padding is far beyond any real use.
pub const MAX_FORMAT_WIDTH: usize = 1 << 28;
