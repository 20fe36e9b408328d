//! lethe's front end: source text in, register bytecode out.
//!
//! ```text
//! source ──parse (ruff)──▶ AST ──lower (lower.rs)──▶ tree IR (ir.rs)
//!                     (AST freed here)                  │ Python-level passes:
//!                                                       │ constant folding (fold.rs)
//!                                                       │ scope analysis (scope.rs)
//!                                                       ▼
//!                                          tree IR + scopes ──codegen──▶ bytecode
//!                                          (freed as soon as the bytecode exists)
//! ```
//!
//! A module is parsed and checked once, when it is loaded, so syntax errors are
//! reported before anything runs (as CPython does). The syntax tree is lowered to
//! lethe's tree IR ([`ir`]: arenas of small nodes with `u32` ids, interned names, a
//! constant table, every node with its source range) and dropped; the Python-level
//! passes ([`fold`], then [`scope`]) run on the IR; code generation reads it.
//! Module-level code, class bodies, lambdas and comprehensions are compiled then;
//! every `def` becomes a [`FunctionStub`](bytecode::FunctionStub): the byte span of its
//! source and a scope summary. Its body is compiled on first call by
//! [`compile_function`], which parses a copy of the module in which all text outside
//! the span is blanked (byte offsets stay the same, so line numbers do too) and lowers
//! that one `def`. Lowering, the passes and code generation go in source order and
//! iterate ordered maps only, so compiling the same function twice yields identical
//! bytecode — deoptimisation and bytecode flushing rely on this.
//!
//! Parse trees are built and dropped inside the ledger's `ast` category (scope tables
//! too), the IR inside `ir`; bytecode is built in `bytecode`.

pub mod bytecode;
mod codegen;
pub mod fold;
pub mod ir;
pub mod lower;
pub mod scope;
mod syntax_msg;

use lethe_ledger::{Category, Counted};
use std::fmt;
use std::rc::Rc;

/// Version of the bytecode format; part of every code-cache key.
pub const BYTECODE_VERSION: u32 = 3;

/// A module's source text, kept (in the ledger's `source` category) so function
/// bodies can be compiled, and re-derived, from it.
pub struct Source {
    pub path: Rc<str>,
    pub text: Counted<String>,
    line_starts: Counted<Vec<u32>>,
    /// Cached [`Source::future_annotations`].
    future: std::cell::OnceCell<bool>,
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && *self.text == *other.text
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Source({:?}, {} bytes)", self.path, self.text.len())
    }
}

impl Source {
    pub fn new(path: &str, text: String) -> Rc<Source> {
        let _g = lethe_ledger::scope(Category::Source);
        let mut starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        starts.shrink_to_fit();
        Rc::new(Source {
            path: path.into(),
            text: Counted::new(Category::Source, text),
            line_starts: Counted::new(Category::Source, starts),
            future: std::cell::OnceCell::new(),
        })
    }

    /// `from __future__ import annotations` at the top of the module: annotations
    /// are kept as strings and not evaluated (PEP 563).
    pub fn future_annotations(&self) -> bool {
        // Future imports must come first (after the docstring and comments), so a
        // line that starts with one is enough.
        *self.future.get_or_init(|| {
            self.text.lines().any(|l| {
                let l = l.trim_end();
                l.starts_with("from __future__ import")
                    && l["from __future__ import".len()..]
                        .split(|c: char| c == ',' || c == '(' || c == ')' || c.is_whitespace())
                        .any(|w| w == "annotations")
            })
        })
    }

    /// The source text of a range.
    pub fn slice(&self, start: u32, end: u32) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 1-based line and 0-based byte column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_of(offset).max(1);
        let start = self
            .line_starts
            .get(line as usize - 1)
            .copied()
            .unwrap_or(0);
        (line, offset.saturating_sub(start))
    }

    /// 1-based column (in characters) of a byte offset.
    pub fn col_of(&self, offset: u32) -> u32 {
        let line = self.line_of(offset);
        let start = self.line_starts[line as usize - 1] as usize;
        let end = (offset as usize).min(self.text.len());
        self.text
            .get(start..end)
            .map(|s| s.chars().count() as u32 + 1)
            .unwrap_or(1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> &str {
        let i = line as usize;
        if i == 0 || i > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[i - 1] as usize;
        let end = self
            .line_starts
            .get(i)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    pub(crate) fn syntax_error(&self, msg: String, offset: u32) -> CompileError {
        CompileError::Syntax {
            path: self.path.clone(),
            line: self.line_of(offset),
            col: self.col_of(offset),
            text: self.line_text(self.line_of(offset)).to_string(),
            msg,
            indentation: false,
        }
    }

    pub(crate) fn unsupported(&self, what: &str, offset: u32) -> CompileError {
        CompileError::Unsupported {
            path: self.path.clone(),
            line: self.line_of(offset),
            col: self.col_of(offset),
            what: what.to_string(),
        }
    }
}

/// Why a module or function could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// A SyntaxError (or IndentationError) as CPython would raise at compile time.
    Syntax {
        path: Rc<str>,
        line: u32,
        col: u32,
        text: String,
        msg: String,
        indentation: bool,
    },
    /// A construct lethe does not support.
    Unsupported {
        path: Rc<str>,
        line: u32,
        col: u32,
        what: String,
    },
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax {
                path,
                line,
                col,
                text,
                msg,
                indentation,
            } => {
                writeln!(f, "  File \"{path}\", line {line}")?;
                let trimmed = text.trim_start();
                let indent = text.chars().count() - trimmed.chars().count();
                writeln!(f, "    {trimmed}")?;
                let caret = (*col as usize).saturating_sub(1).saturating_sub(indent);
                writeln!(f, "    {}^", " ".repeat(caret))?;
                let kind = if *indentation {
                    "IndentationError"
                } else {
                    "SyntaxError"
                };
                write!(f, "{kind}: {msg}")
            }
            CompileError::Unsupported {
                path,
                line,
                col,
                what,
            } => write!(f, "{path}:{line}:{col}: unsupported: {what}"),
        }
    }
}

impl std::error::Error for CompileError {}

fn parse_error(source: &Source, e: &ruff_python_parser::ParseError) -> CompileError {
    use ruff_python_parser::ParseErrorType as T;
    let msg = e.error.to_string();
    let indentation = matches!(
        e.error,
        T::Lexical(ruff_python_parser::LexicalErrorType::IndentationError)
    ) || msg.contains("indent");
    let (msg, indentation) = match &e.error {
        T::Lexical(ruff_python_parser::LexicalErrorType::IndentationError) => (
            "unindent does not match any outer indentation level".to_string(),
            true,
        ),
        _ if msg.contains("Unexpected indentation") => ("unexpected indent".to_string(), true),
        _ if msg.contains("Expected an indented block") => (
            syntax_msg::indent_message(&source.text, e.location.start().to_usize()),
            true,
        ),
        _ if msg.starts_with("Expected `except` or `finally` after `try` block") => {
            ("expected 'except' or 'finally' block".to_string(), false)
        }
        // ruff capitalises these two; CPython does not.
        _ if msg.starts_with("Cannot have both 'except' and 'except*'")
            || msg.starts_with("Expected one or more exception types") =>
        {
            let mut m = msg;
            m[..1].make_ascii_lowercase();
            (m, indentation)
        }
        _ => {
            let (start, end) = (e.location.start().to_usize(), e.location.end().to_usize());
            let mapped = syntax_msg::cpython_message(&source.text, &e.error, start, end);
            let generic = mapped.as_deref().is_none_or(|m| m == "invalid syntax")
                || matches!(
                    e.error,
                    T::Lexical(ruff_python_parser::LexicalErrorType::Eof)
                );
            if let Some(b) = syntax_msg::bracket_error(&source.text) {
                // CPython tokenizes the rest of the source after any parser error: a
                // closing bracket that matches nothing replaces it, and so does a bracket
                // left open on an earlier line than the error (or at the end of input).
                let text = &source.text;
                let line = |o: usize| text[..o.min(text.len())].matches('\n').count();
                let lexical = matches!(e.error, T::Lexical(_)) && !generic;
                // An error at the end of a line inside brackets is one at the next token.
                let rest = &text[start.min(text.len())..];
                let eol = rest.find('\n').unwrap_or(rest.len());
                let blank_rest =
                    rest[..eol].trim().is_empty() || rest[..eol].trim().starts_with('#');
                let err_line = line(start) + usize::from(blank_rest && eol < rest.len());
                let wins = if b.at_eof {
                    start >= text.trim_end().len() || err_line > line(b.offset as usize)
                } else {
                    !lexical
                };
                if wins {
                    return source.syntax_error(b.msg, b.offset);
                }
            }
            (mapped.unwrap_or(msg), indentation)
        }
    };
    let mut offset = e.location.start().to_u32();
    if msg == "expected 'except' or 'finally' block" {
        // CPython points at the last token of the `try` body, not at what follows.
        let before = source.text[..(offset as usize).min(source.text.len())].trim_end();
        offset = before.len().saturating_sub(1) as u32;
    }
    match source.syntax_error(msg, offset) {
        CompileError::Syntax {
            path,
            line,
            col,
            text,
            msg,
            ..
        } => CompileError::Syntax {
            path,
            line,
            col,
            text,
            msg,
            indentation,
        },
        other => other,
    }
}

/// Parse, check and compile a module. The returned code runs the module body; its
/// `def`s are stubs compiled on first call.
///
/// Ledger discipline: the parse tree and scope tables are built and dropped inside
/// `ast`, the tree IR inside `ir`; everything that outlives this call (the code object)
/// is allocated inside `bytecode`; errors are built in `runtime`. So after a successful
/// load the `ast` figure is back where it started and `ir` is back to zero.
static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The optimisation level of the command line's `-O` (1) or `-OO` (2), for the whole
/// process: from 1, `assert` statements compile to nothing and `__debug__` is False;
/// at 2, docstrings are dropped too. Set once before anything is compiled (bytecode
/// re-derived later must be the same).
pub fn set_optimize(level: u8) {
    OPTIMIZE.store(level, std::sync::atomic::Ordering::Relaxed);
}

/// The level set by [`set_optimize`].
pub fn optimize() -> u8 {
    OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn compile_module(source: &Rc<Source>) -> Result<Rc<bytecode::Code>, CompileError> {
    compile_module_mode(source, false)
}

/// Compile one input of the interactive interpreter (CPython's `single` mode): like
/// [`compile_module`], except that every expression statement of the module body
/// passes its value to `sys.displayhook` (which prints its repr unless it is None and
/// keeps it in `builtins._`), and a leading string is not a docstring.
pub fn compile_interactive(source: &Rc<Source>) -> Result<Rc<bytecode::Code>, CompileError> {
    compile_module_mode(source, true)
}

fn compile_module_mode(
    source: &Rc<Source>,
    interactive: bool,
) -> Result<Rc<bytecode::Code>, CompileError> {
    let ast_scope = lethe_ledger::scope(Category::Ast);
    let parsed = ruff_python_parser::parse_module(&source.text);
    let lowered = match &parsed {
        Ok(p) => Ok(lower_and_fold(|| {
            lower::lower_module(&source.text, &p.syntax().body)
        })),
        Err(e) => Err(parse_error(source, e)),
    };
    // The parse tree is gone before the IR is analysed and compiled.
    drop(parsed);
    let result = lowered.and_then(|ir| {
        let r = scope::analyze_module(source, &ir).and_then(|table| {
            let r = {
                let _b = lethe_ledger::scope(Category::Bytecode);
                codegen::compile_module(source, &ir, &table, interactive).map(Rc::new)
            };
            drop(table);
            r
        });
        drop_ir(ir);
        r
    });
    drop(ast_scope);
    result.map_err(relocate_error)
}

/// Lower (the closure) and run the Python-level passes, inside the ledger's `ir`
/// category.
fn lower_and_fold(lower: impl FnOnce() -> ir::Ir) -> ir::Ir {
    let _i = lethe_ledger::scope(Category::Ir);
    let mut ir = lower();
    fold::fold_constants(&mut ir);
    ir
}

/// Free an IR inside the ledger's `ir` category.
fn drop_ir(ir: ir::Ir) {
    let _i = lethe_ledger::scope(Category::Ir);
    drop(ir);
}

/// Compile the body of a lazily compiled function from its source span (same ledger
/// discipline as [`compile_module`]).
pub fn compile_function(stub: &bytecode::FunctionStub) -> Result<Rc<bytecode::Code>, CompileError> {
    let source = &stub.source;
    let ast_scope = lethe_ledger::scope(Category::Ast);
    let text = blank_outside(&source.text, stub.start as usize, stub.end as usize);
    let parsed = ruff_python_parser::parse_module(&text);
    let lowered = match &parsed {
        Ok(p) => match find_def(&p.syntax().body, stub.start, stub.end) {
            Some(def) => Ok(lower_and_fold(|| lower::lower_function(&text, def))),
            None => Err(source.unsupported("function source changed since load", stub.start)),
        },
        Err(e) => Err(parse_error(source, e)),
    };
    drop(parsed);
    drop(text);
    let result = lowered.and_then(|ir| {
        let r = scope::analyze_function(source, &ir, &stub.summary.freevars).and_then(|table| {
            let r = {
                let _b = lethe_ledger::scope(Category::Bytecode);
                codegen::compile_function(source, &ir, &table, stub).map(Rc::new)
            };
            drop(table);
            r
        });
        drop_ir(ir);
        r
    });
    drop(ast_scope);
    result.map_err(relocate_error)
}

/// Move an error's strings out of the `ast` category (it outlives the parse tree).
fn relocate_error(e: CompileError) -> CompileError {
    let _g = lethe_ledger::scope(Category::Runtime);
    let copy = e.clone();
    {
        let _a = lethe_ledger::scope(Category::Ast);
        drop(e);
    }
    copy
}

/// A text in which the span `start..end` of `text` parses on its own at the same
/// offsets: everything before the span's line is one blank line of the same length
/// (an indented span needs a block to sit in: it starts with an `if 1:` header), the
/// span's indentation is blanks, and the text ends with the span. (The lexer then
/// skips one line of blanks instead of every line of a large module before the span,
/// and nothing after it: compiling a function costs its own size, not the module's.)
fn blank_outside(text: &str, start: usize, end: usize) -> String {
    let bytes = text.as_bytes();
    let start = start.min(bytes.len());
    let end = end.clamp(start, bytes.len());
    // Column of the span's first byte.
    let line_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|p| p + 1)
        .unwrap_or(0);
    let mut out: Vec<u8> = Vec::with_capacity(end + 1);
    if line_start > 0 {
        out.resize(line_start - 1, b' ');
        out.push(b'\n');
        if start > line_start && line_start >= 6 {
            out[..5].copy_from_slice(b"if 1:");
        }
    }
    out.resize(start, b' ');
    out.extend_from_slice(&bytes[start..end]);
    out.push(b'\n');
    // Every byte written is ASCII or copied from valid UTF-8 within the span (whose
    // boundaries are token boundaries), so this cannot fail; fall back to the original
    // text if it somehow does.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

fn find_def(
    body: &[ruff_python_ast::Stmt],
    start: u32,
    end: u32,
) -> Option<&ruff_python_ast::StmtFunctionDef> {
    use ruff_python_ast::Stmt;
    use ruff_text_size::Ranged;
    for s in body {
        let r = s.range();
        if r.start().to_u32() > start || r.end().to_u32() < end {
            continue;
        }
        match s {
            Stmt::FunctionDef(f)
                if f.range.start().to_u32() == start && f.range.end().to_u32() == end =>
            {
                return Some(f)
            }
            Stmt::FunctionDef(f) => return find_def(&f.body, start, end),
            Stmt::ClassDef(c) => return find_def(&c.body, start, end),
            Stmt::If(i) => {
                return find_def(&i.body, start, end).or_else(|| {
                    i.elif_else_clauses
                        .iter()
                        .find_map(|c| find_def(&c.body, start, end))
                })
            }
            Stmt::For(x) => {
                return find_def(&x.body, start, end).or_else(|| find_def(&x.orelse, start, end))
            }
            Stmt::While(x) => {
                return find_def(&x.body, start, end).or_else(|| find_def(&x.orelse, start, end))
            }
            Stmt::With(x) => return find_def(&x.body, start, end),
            Stmt::Try(t) => {
                return find_def(&t.body, start, end)
                    .or_else(|| {
                        t.handlers.iter().find_map(|h| {
                            let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                            find_def(&h.body, start, end)
                        })
                    })
                    .or_else(|| find_def(&t.orelse, start, end))
                    .or_else(|| find_def(&t.finalbody, start, end))
            }
            _ => {}
        }
    }
    None
}

/// Where a traceback underlines the operator of a binary operation or the brackets of
/// a subscription: `segment` is the source text of the failing instruction's range
/// (one line), and the answer the byte range, within it, that gets `^` while the rest
/// of the range gets `~` (CPython 3.11's `extract_anchors_from_line`). None when the
/// segment is not a single such expression statement.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let _scope = lethe_ledger::scope(Category::Ast);
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let [Stmt::Expr(stmt)] = &parsed.syntax().body[..] else {
        return None;
    };
    let b = segment.as_bytes();
    let ws = |c: u8| c == b' ' || c == b'\t' || c == 0x0c;
    match &*stmt.value {
        Expr::BinOp(e) => {
            let (lend, rstart) = (e.left.end().to_usize(), e.right.start().to_usize());
            let mut found = None;
            let mut i = lend;
            while i < rstart {
                if ws(b[i]) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < rstart && !ws(b[i + 1]) {
                    right += 1;
                }
                found = Some((i, right));
                // A closing parenthesis of the left operand is not the operator.
                if i + 1 < rstart && b[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found
        }
        Expr::Subscript(e) => {
            let mut left = e.value.end().to_usize();
            let mut right = e.slice.end().to_usize() + 1;
            while left < b.len() && b[left] != b'[' {
                left += 1;
            }
            while right < b.len() && b[right] != b']' {
                right += 1;
            }
            if right < b.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}
