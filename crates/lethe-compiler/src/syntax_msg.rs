//! CPython 3.11's wording of syntax errors for what the ruff parser reports.
//!
//! The parser's messages are its own ("Expected an expression"); CPython's PEG
//! parser says "invalid syntax" for most of them, has a few specific messages
//! ("expected ':'", "Perhaps you forgot a comma?"), and its tokenizer reports
//! bracket errors ("'(' was never closed") before or instead of the parser's.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{
    InterpolatedStringErrorType as F, LexicalErrorType as L, ParseErrorType as T,
};

/// A bracket error the tokenizer reports: the message and the byte offset it points at.
pub(crate) struct BracketError {
    pub msg: String,
    pub offset: u32,
    /// An unclosed bracket at the end of input (CPython reports it only when the
    /// parser fails at or after the end, or fails without a specific message).
    pub at_eof: bool,
}

/// Scan `text` as CPython's tokenizer does for brackets: strings and comments skipped,
/// the first closing bracket that matches nothing or the wrong opener, or else the
/// innermost bracket still open at the end.
pub(crate) fn bracket_error(text: &str) -> Option<BracketError> {
    let b = text.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let line_of = |off: usize| 1 + b[..off].iter().filter(|&&c| c == b'\n').count();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' => {
                i += 2;
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                // A raw string's backslash still escapes the quote for tokenizing.
                let q = if triple { 3 } else { 1 };
                i += q;
                loop {
                    if i >= b.len() {
                        return None; // unterminated string: the lexer's own error
                    }
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && b[i] == b'\n' {
                        return None;
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c))
                    {
                        i += q;
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((c, i)),
            b')' | b']' | b'}' => {
                let want = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        return Some(BracketError {
                            msg: format!("unmatched '{}'", c as char),
                            offset: i as u32,
                            at_eof: false,
                        })
                    }
                    Some((o, at)) if o != want => {
                        let (l1, l2) = (line_of(at), line_of(i));
                        let msg = if l1 == l2 {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, o as char
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {l1}",
                                c as char, o as char
                            )
                        };
                        return Some(BracketError {
                            msg,
                            offset: i as u32,
                            at_eof: false,
                        });
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop().map(|(o, at)| BracketError {
        msg: format!("'{}' was never closed", o as char),
        offset: at as u32,
        at_eof: true,
    })
}

/// How many brackets are open at `offset` (strings and comments skipped).
fn bracket_depth(text: &str, offset: usize) -> usize {
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut depth = 0usize;
    let mut i = 0;
    while i < end {
        let c = b[i];
        match c {
            b'#' => {
                while i < end && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' => i += 1,
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                i += q;
                while i < end {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c))
                    {
                        break;
                    }
                    i += 1;
                }
                i += q;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    depth
}

/// The first word of the line holding `offset` (a statement's keyword).
fn line_keyword(text: &str, offset: usize) -> &str {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let line = text[start..].trim_start();
    let end = line
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(line.len());
    &line[..end]
}

/// What CPython calls the expression `t` when it cannot be assigned to or deleted.
fn target_name(t: &str) -> &'static str {
    let t = t.trim();
    match t {
        "True" => return "True",
        "False" => return "False",
        "None" => return "None",
        "..." => return "ellipsis",
        _ => {}
    }
    let first = t.chars().next().unwrap_or(' ');
    let lower = t.to_ascii_lowercase();
    let is_str = |s: &str| {
        let p = s.trim_start_matches(|c: char| "rbuRBU".contains(c));
        p.starts_with('"') || p.starts_with('\'')
    };
    if lower.starts_with("f'")
        || lower.starts_with("f\"")
        || lower.starts_with("rf")
        || lower.starts_with("fr")
    {
        return "f-string expression";
    }
    if first.is_ascii_digit() || (first == '.' && t.len() > 1) || is_str(t) {
        return "literal";
    }
    if t.starts_with("lambda") {
        return "lambda";
    }
    if t.starts_with("yield") {
        return "yield expression";
    }
    if t.starts_with("await ") {
        return "await expression";
    }
    let comp = t.contains(" for ");
    if first == '[' && comp {
        return "list comprehension";
    }
    if first == '{' {
        if comp {
            return if t.contains(':') {
                "dict comprehension"
            } else {
                "set comprehension"
            };
        }
        return if t.contains(':') || t == "{}" {
            "dict literal"
        } else {
            "set display"
        };
    }
    if first == '(' && comp {
        return "generator expression";
    }
    if t.contains(" if ") && t.contains(" else ") {
        return "conditional expression";
    }
    if t.contains(":=") {
        return "named expression";
    }
    let ident = |s: &str| {
        s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    };
    if t.ends_with(')') {
        if let Some(p) = t.find('(') {
            if p > 0 && ident(&t[..p]) {
                return "function call";
            }
        }
    }
    for op in [" < ", " > ", " == ", " != ", " <= ", " >= ", " in ", " is "] {
        if t.contains(op) {
            return "comparison";
        }
    }
    "expression"
}

/// CPython's message for a parse error of `text` (its range `start..end`), and
/// whether it is an IndentationError; `None` keeps the parser's message.
pub(crate) fn cpython_message(text: &str, err: &T, start: usize, end: usize) -> Option<String> {
    const INVALID: &str = "invalid syntax";
    let target = text.get(start..end).unwrap_or("");
    let after_target = text.get(end..).unwrap_or("").trim_start();
    let msg = match err {
        T::ExpectedToken { found, .. } if found.as_augmented_assign_operator().is_some() => {
            let line_start = text[..start.min(text.len())]
                .rfind('\n')
                .map_or(0, |p| p + 1);
            let lhs = text[line_start..start.min(text.len())].trim();
            let name = if lhs.starts_with('[') {
                "list"
            } else {
                "tuple"
            };
            format!("'{name}' is an illegal expression for augmented assignment")
        }
        T::ExpectedExpression
            if text[..start.min(text.len())].ends_with('{')
                && text[start.min(text.len())..].starts_with(['}', '!', ':', '=']) =>
        {
            "f-string: empty expression not allowed".into()
        }
        T::ExpectedToken { expected, found } => match (expected, found) {
            (TokenKind::Colon, TokenKind::Newline) => "expected ':'".into(),
            (TokenKind::Colon, TokenKind::Equal) => {
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into()
            }
            (TokenKind::Colon, _)
                if matches!(
                    line_keyword(text, start),
                    "def" | "try" | "finally" | "else"
                ) =>
            {
                "expected ':'".into()
            }
            (TokenKind::Else, _) => "expected 'else' after 'if' expression".into(),
            (
                TokenKind::Comma,
                TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringStart
                | TokenKind::Lpar
                | TokenKind::Lsqb
                | TokenKind::Lbrace,
            ) if bracket_depth(text, start) > 0 => {
                "invalid syntax. Perhaps you forgot a comma?".into()
            }
            (
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace,
                TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringStart,
            ) => "invalid syntax. Perhaps you forgot a comma?".into(),
            (TokenKind::Colon, TokenKind::Rbrace | TokenKind::Comma) => {
                "':' expected after dictionary key".into()
            }
            _ => INVALID.into(),
        },
        T::SimpleStatementsOnSameLine => {
            let kw = line_keyword(text, start);
            if matches!(kw, "print" | "exec") {
                format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?")
            } else {
                INVALID.into()
            }
        }
        T::PositionalAfterKeywordArgument => "positional argument follows keyword argument".into(),
        T::PositionalAfterKeywordUnpacking => {
            "positional argument follows keyword argument unpacking".into()
        }
        T::InvalidArgumentUnpackingOrder => {
            "iterable argument unpacking follows keyword argument unpacking".into()
        }
        T::UnparenthesizedGeneratorExpression => {
            "Generator expression must be parenthesized".into()
        }
        T::ParamAfterVarKeywordParam => "arguments cannot follow var-keyword argument".into(),
        T::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".into()
        }
        T::VarParameterWithDefault => {
            if text[..start.min(text.len())].trim_end().ends_with("**") {
                "var-keyword argument cannot have default value".into()
            } else {
                "var-positional argument cannot have default value".into()
            }
        }
        T::ExpectedKeywordParam => "named arguments must follow bare *".into(),
        T::InvalidAssignmentTarget => {
            let name = target_name(target);
            let plain = after_target.starts_with('=') && !after_target.starts_with("==");
            let single = plain && !after_target[1..].contains('=');
            if single
                && matches!(
                    name,
                    "function call"
                        | "expression"
                        | "list comprehension"
                        | "dict comprehension"
                        | "set comprehension"
                        | "generator expression"
                        | "comparison"
                        | "conditional expression"
                        | "lambda"
                        | "dict literal"
                        | "set display"
                        | "f-string expression"
                )
            {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {name}")
            }
        }
        T::InvalidNamedAssignmentTarget => {
            format!(
                "cannot use assignment expressions with {}",
                target_name(target)
            )
        }
        T::InvalidAnnotatedAssignmentTarget => {
            let name = target_name(target);
            match name {
                "expression" | "literal" | "function call" | "comparison" => {
                    "illegal target for annotation".to_string()
                }
                _ => format!("only single target (not {name}) can be annotated"),
            }
        }
        T::InvalidAugmentedAssignmentTarget => {
            let t = target.trim();
            let name = if t.starts_with('(') || t.contains(',') {
                "tuple"
            } else if t.starts_with('[') {
                "list"
            } else {
                target_name(t)
            };
            format!("'{name}' is an illegal expression for augmented assignment")
        }
        T::InvalidDeleteTarget => format!("cannot delete {}", target_name(target)),
        T::ExpectedExpression
        | T::UnexpectedExpressionToken
        | T::EmptySlice
        | T::EmptyGlobalNames
        | T::EmptyNonlocalNames
        | T::EmptyDeleteTargets
        | T::EmptyImportNames
        | T::SimpleAndCompoundStatementOnSameLine
        | T::UnexpectedTokenAfterAsync(_)
        | T::InvalidYieldExpressionUsage
        | T::InvalidLambdaExpressionUsage
        | T::UnparenthesizedNamedExpression
        | T::UnparenthesizedTupleExpression
        | T::InvalidStarredExpressionUsage
        | T::OtherError(_) => INVALID.into(),
        T::FStringError(e) | T::Lexical(L::FStringError(e)) => match e {
            F::InvalidConversionFlag => {
                "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
            }
            F::SingleRbrace => "f-string: single '}' is not allowed".into(),
            F::UnclosedLbrace => "f-string: expecting '}'".into(),
            _ => return None,
        },
        T::Lexical(L::UnrecognizedToken { tok }) => {
            if tok.is_ascii() {
                INVALID.into()
            } else {
                format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
            }
        }
        T::Lexical(L::UnclosedStringError) => {
            let line = 1 + text[..start.min(text.len())].matches('\n').count();
            let rest = text.get(start..).unwrap_or("");
            let body = rest.trim_start_matches(|c: char| "rbufRBUF".contains(c));
            if body.starts_with("\"\"\"") || body.starts_with("'''") {
                let last = text.matches('\n').count() + usize::from(!text.ends_with('\n'));
                format!("unterminated triple-quoted string literal (detected at line {last})")
            } else {
                format!("unterminated string literal (detected at line {line})")
            }
        }
        _ => return None,
    };
    Some(msg)
}

/// CPython's "expected an indented block after …" for a block missing at `start`:
/// the header is the statement whose last line precedes the error.
pub(crate) fn indent_message(text: &str, start: usize) -> String {
    let before = text[..start.min(text.len())].trim_end();
    let lines: Vec<&str> = before.split('\n').collect();
    for back in 0..lines.len().min(20) {
        let idx = lines.len() - 1 - back;
        let line = lines[idx].trim_start();
        let line = line.strip_prefix("async ").unwrap_or(line).trim_start();
        let end = line
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let kw = &line[..end];
        let what = match kw {
            "def" => "function definition".to_string(),
            "class" => "class definition".to_string(),
            "except" if line[end..].trim_start().starts_with('*') => "'except*' statement".into(),
            "if" | "elif" | "else" | "while" | "for" | "with" | "try" | "except" | "finally"
            | "match" | "case" => format!("'{kw}' statement"),
            _ => continue,
        };
        return format!(
            "expected an indented block after {what} on line {}",
            idx + 1
        );
    }
    "expected an indented block".into()
}
