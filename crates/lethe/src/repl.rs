//! The interactive interpreter (`lethe` with no program and a terminal on stdin).
//!
//! Lines are read with `rustyline` (editing, in-memory history). Input is gathered as
//! CPython's REPL does: a simple statement runs as soon as its line is complete (no
//! open bracket, triple-quoted string or trailing backslash); a compound statement
//! (`if`, `def`, `@decorator`, …, or any line ending in `:`) goes on with the `... `
//! prompt until an empty line. Each input is compiled on its own (file `<stdin>`, line
//! numbers from 1) in interactive mode, so expression statements print their value
//! through `sys.displayhook`, and runs in the one `__main__` module of the session.

use rustyline::error::ReadlineError;

const PS1: &str = ">>> ";
const PS2: &str = "... ";

/// Run the session; returns the exit status (0 at end of input, or `exit(n)`'s).
pub fn run(vm: &mut lethe_vm::Vm) -> i32 {
    let mut ed = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("lethe: cannot start the interactive interpreter: {e}");
            return 1;
        }
    };
    eprintln!(
        "lethe {} (Python 3.11 subset) on {}\nType exit() or Ctrl-D (i.e. EOF) to exit.",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    );
    lethe_vm::modules::interactive_main(vm);
    let mut buf = String::new();
    let mut block = false;
    loop {
        let prompt = if buf.is_empty() { PS1 } else { PS2 };
        match ed.readline(prompt) {
            Ok(line) => {
                if buf.is_empty() && line.trim().is_empty() {
                    continue;
                }
                if !line.trim().is_empty() {
                    let _ = ed.add_history_entry(line.as_str());
                }
                if !buf.is_empty() {
                    buf.push('\n');
                }
                buf.push_str(&line);
                if !ready(&buf, &line, &mut block) {
                    continue;
                }
                let mut text = std::mem::take(&mut buf);
                text.push('\n');
                block = false;
                if let Some(status) = lethe_vm::modules::run_interactive(vm, "<stdin>", text) {
                    return status;
                }
            }
            Err(ReadlineError::Interrupted) => {
                buf.clear();
                block = false;
                eprintln!("KeyboardInterrupt");
            }
            Err(ReadlineError::Eof) => {
                println!();
                return 0;
            }
            Err(e) => {
                eprintln!("lethe: {e}");
                return 1;
            }
        }
    }
}

/// Whether the gathered input `buf` (whose last line is `line`) is complete and should
/// run now. `block` records that a compound statement is being entered.
fn ready(buf: &str, line: &str, block: &mut bool) -> bool {
    let s = scan(buf);
    if s.open {
        return false;
    }
    if *block {
        if line.trim().is_empty() {
            return true;
        }
        // A line back at the left margin cannot continue the statement (unless it
        // is its next clause, or the `def`/`class` under decorators, or the text
        // goes on inside a bracket or string): run now, and report the error at once,
        // as CPython does.
        let before = &buf[..buf.len() - line.len()];
        let continues = scan(before).open
            || line.starts_with(char::is_whitespace)
            || before.lines().all(|l| l.trim_start().starts_with('@'))
            || ["else", "elif", "except", "finally"].iter().any(|k| {
                line.strip_prefix(k)
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            });
        return !continues;
    }
    let first = buf.trim_start();
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    const COMPOUND: &[&str] = &[
        "if", "for", "while", "def", "class", "with", "try", "async", "match",
    ];
    if COMPOUND.contains(&word.as_str()) || first.starts_with('@') || s.last == Some(':') {
        *block = true;
        return false;
    }
    true
}

struct Scan {
    /// An open bracket, an unterminated triple-quoted string or a trailing backslash:
    /// the statement must go on.
    open: bool,
    /// The last character outside strings and comments that is not white space.
    last: Option<char>,
}

/// A small tokenizer pass: brackets, strings (with escapes) and comments.
fn scan(src: &str) -> Scan {
    let chars: Vec<char> = src.chars().collect();
    let mut depth = 0i32;
    let mut last = None;
    let mut i = 0;
    let mut continued = false;
    while i < chars.len() {
        let c = chars[i];
        continued = false;
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' | '"' => {
                let triple = i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c;
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while i < chars.len() {
                    let d = chars[i];
                    // A backslash escapes the next character (in a raw string too,
                    // as far as finding the end is concerned).
                    if d == '\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && d == '\n' {
                        break;
                    }
                    if d == c
                        && (!triple
                            || (i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c))
                    {
                        i += if triple { 3 } else { 1 };
                        closed = true;
                        break;
                    }
                    i += 1;
                }
                if triple && !closed {
                    return Scan { open: true, last };
                }
                last = Some(c);
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            '\\' if chars.get(i + 1).is_none_or(|&n| n == '\n') => continued = true,
            _ => {}
        }
        if !c.is_whitespace() {
            last = Some(c);
        }
        i += 1;
    }
    Scan {
        open: depth > 0 || continued,
        last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(lines: &[&str]) -> Vec<bool> {
        let mut buf = String::new();
        let mut block = false;
        let mut out = Vec::new();
        for l in lines {
            if !buf.is_empty() {
                buf.push('\n');
            }
            buf.push_str(l);
            let r = ready(&buf, l, &mut block);
            out.push(r);
            if r {
                buf.clear();
                block = false;
            }
        }
        out
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(feed(&["1 + 1", "x = 3", "1 +"]), [true, true, true]);
    }

    #[test]
    fn compound_statements_end_at_an_empty_line() {
        assert_eq!(
            feed(&["for i in range(3):", "    print(i)", ""]),
            [false, false, true]
        );
        assert_eq!(feed(&["if 1: print(1)", ""]), [false, true]);
        assert_eq!(feed(&["@dec", "def f(): pass", ""]), [false, false, true]);
        assert_eq!(
            feed(&["if x:", "    a", "else:", "    b", ""]),
            [false, false, false, false, true]
        );
        assert_eq!(
            feed(&["def f():", "    s = '''", "x'''", "    return s", ""]),
            [false, false, false, false, true]
        );
        // Back at the margin: the input is complete (and a syntax error).
        assert_eq!(feed(&["if x:", "y = 1"]), [false, true]);
        assert_eq!(
            feed(&["while x:", "    a", "elsewhere"]),
            [false, false, true]
        );
    }

    #[test]
    fn open_brackets_strings_and_backslashes_continue() {
        assert_eq!(feed(&["x = [1,", "2]"]), [false, true]);
        assert_eq!(feed(&["s = '''a", "b'''"]), [false, true]);
        assert_eq!(feed(&["y = 1 + \\", "2"]), [false, true]);
        assert_eq!(feed(&["z = '(' # [", "q = \"\\\"[\""]), [true, true]);
    }
}
