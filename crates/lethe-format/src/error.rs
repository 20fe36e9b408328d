//! The error type shared by every formatter and parser in this crate.

/// Which Python exception class the VM should raise for a [`FormatError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcKind {
    /// `ValueError`
    Value,
    /// `TypeError`
    Type,
    /// `OverflowError`
    Overflow,
    /// `MemoryError`
    Memory,
}

impl ExcKind {
    /// The Python class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::Value => "ValueError",
            ExcKind::Type => "TypeError",
            ExcKind::Overflow => "OverflowError",
            ExcKind::Memory => "MemoryError",
        }
    }
}

/// A formatting or parsing failure, with CPython's exact message text.
///
/// `InvalidSpecifier` is the only message that names the object's type but is
/// found while parsing a spec; [`FormatSpec::parse`](crate::FormatSpec::parse)
/// leaves the type empty and [`FormatError::for_type`] fills it in (or use
/// [`FormatSpec::parse_for`](crate::FormatSpec::parse_for)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Raise `ValueError(msg)`.
    #[error("{0}")]
    Value(String),
    /// Raise `TypeError(msg)`.
    #[error("{0}")]
    Type(String),
    /// Raise `OverflowError(msg)`.
    #[error("{0}")]
    Overflow(String),
    /// Raise `MemoryError(msg)`; see [`MAX_FORMAT_WIDTH`](crate::MAX_FORMAT_WIDTH).
    #[error("{0}")]
    Memory(String),
    /// Raise `ValueError`: a format spec with trailing junk.
    #[error("Invalid format specifier '{spec}' for object of type '{type_name}'")]
    InvalidSpecifier {
        /// The whole spec text as written.
        spec: String,
        /// Python type name; empty until [`FormatError::for_type`] is applied.
        type_name: String,
    },
}

impl FormatError {
    /// The exception class to raise.
    pub fn kind(&self) -> ExcKind {
        match self {
            FormatError::Value(_) | FormatError::InvalidSpecifier { .. } => ExcKind::Value,
            FormatError::Type(_) => ExcKind::Type,
            FormatError::Overflow(_) => ExcKind::Overflow,
            FormatError::Memory(_) => ExcKind::Memory,
        }
    }

    /// Fill in the object type name of an `InvalidSpecifier` error; other
    /// errors pass through unchanged.
    pub fn for_type(self, type_name: &str) -> FormatError {
        match self {
            FormatError::InvalidSpecifier { spec, .. } => FormatError::InvalidSpecifier {
                spec,
                type_name: type_name.to_owned(),
            },
            e => e,
        }
    }

    pub(crate) fn value(msg: impl Into<String>) -> FormatError {
        FormatError::Value(msg.into())
    }

    pub(crate) fn memory() -> FormatError {
        FormatError::Memory(String::new())
    }
}
