//! Bytecode generation is a pure function of the source: compiling the same module or
//! function twice gives identical code (deoptimisation and flushing rely on it).

use lethe_compiler::{compile_function, compile_module, Source};

mod common;

const PROGRAM: &str = r#"
import math
X = 10
class A:
    k = 3
    def method(self, y, *args, z=1, **kw):
        total = 0
        for i in range(y):
            if i % 2 and i > self.k:
                total += i * z
            elif i == 7:
                continue
            else:
                try:
                    total -= 1
                finally:
                    total += 1
        return [t for t in args if t] + [total, {k: v for k, v in kw.items()}]
def outer(a):
    b = a * 2
    def inner(c):
        nonlocal b
        b += c
        return lambda d: a + b + c + d
    return inner
def gen(n):
    yield from range(n)
    with open("x") as f:
        return f"{n!r:>{X}}"
"#;

#[test]
fn module_and_function_bytecode_is_deterministic() {
    let (stubs, codes) = common::compiles_deterministically(PROGRAM);
    assert_eq!(
        stubs.len(),
        3,
        "method, outer and gen are lazily compiled stubs"
    );
    let mut all = stubs.clone();
    for c in &codes {
        all.extend(c.function_stubs());
    }
    // Nested defs (inner) are stubs of their own and compile the same way.
    let inner = all
        .iter()
        .find(|s| &*s.name == "inner")
        .expect("inner stub");
    assert_eq!(
        &*inner
            .summary
            .freevars
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(","),
        "b,a"
    );
    let ci = compile_function(inner).expect("inner compiles");
    assert_eq!(ci, compile_function(inner).expect("inner compiles"));
}

#[test]
fn syntax_errors_have_positions() {
    let s = Source::new("bad.py", "x = 1\nif x\n    pass\n".to_string());
    match compile_module(&s) {
        Err(lethe_compiler::CompileError::Syntax { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let s = Source::new("bad.py", "def f():\n    pass\nbreak\n".to_string());
    match compile_module(&s) {
        Err(lethe_compiler::CompileError::Syntax { line, msg, .. }) => {
            assert_eq!(line, 3);
            assert_eq!(msg, "'break' outside loop");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let s = Source::new(
        "bad.py",
        "def f():\n    for x in y:\n        pass\n    continue\n".to_string(),
    );
    assert!(matches!(
        compile_module(&s),
        Err(lethe_compiler::CompileError::Syntax { line: 4, .. })
    ));
}

#[test]
fn unsupported_constructs_are_reported() {
    let s = Source::new("u.py", "async def f():\n    pass\n".to_string());
    match compile_module(&s) {
        Err(lethe_compiler::CompileError::Unsupported { what, line, .. }) => {
            assert_eq!(what, "async def");
            assert_eq!(line, 1);
        }
        other => panic!("expected unsupported, got {other:?}"),
    }
}
