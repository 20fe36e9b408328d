//! Helpers shared by the compiler's integration tests.

use lethe_compiler::bytecode::{Code, FunctionStub};
use lethe_compiler::{compile_function, compile_module, Source};
use std::rc::Rc;

/// Compile `program` as a module twice, and each of its lazily compiled functions
/// twice from each compile's stub and once more from the same stub: every pair
/// must be equal (bytecode is a pure function of the source). Returns the module's
/// function stubs and their compiled code.
pub fn compiles_deterministically(program: &str) -> (Vec<Rc<FunctionStub>>, Vec<Rc<Code>>) {
    let s1 = Source::new("t.py", program.to_string());
    let s2 = Source::new("t.py", program.to_string());
    let a = compile_module(&s1).expect("compiles");
    let b = compile_module(&s2).expect("compiles");
    assert_eq!(a, b);
    let (fa, fb) = (a.function_stubs(), b.function_stubs());
    assert_eq!(fa.len(), fb.len());
    let mut codes = Vec::new();
    for (x, y) in fa.iter().zip(fb.iter()) {
        let cx = compile_function(x).expect("function compiles");
        let cy = compile_function(y).expect("function compiles");
        assert_eq!(cx, cy);
        // Twice from the same stub, too.
        assert_eq!(cx, compile_function(x).expect("function compiles"));
        codes.push(cx);
    }
    (fa, codes)
}
