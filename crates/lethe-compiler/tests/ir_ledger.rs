//! The tree IR is built in the ledger's `ir` category and freed as soon as the
//! bytecode exists: after compiling a module and its functions, `ir` is back to 0.
//! This test binary installs the counting allocator.

use lethe_compiler::{compile_function, compile_module, Source};
use lethe_ledger::{current, figures, Category};

#[global_allocator]
static ALLOC: lethe_ledger::Ledger = lethe_ledger::Ledger;

// The ledger's category is process-wide, so everything runs in one function, on the
// main thread of a binary without the test harness (`harness = false`): the
// harness's own thread allocates while a test runs, and those bytes would land in
// whatever category the test has entered.
fn main() {
    ir_is_freed_once_bytecode_exists();
    println!("test ir_is_freed_once_bytecode_exists ... ok");
}

fn ir_is_freed_once_bytecode_exists() {
    let src = Source::new(
        "t.py",
        "X = 2 ** 10\nY = 'implicitly ' 'concatenated'\nclass A:\n    def m(self, y=(1, 2)):\n        return [v * X for v in y if v not in 'ab' * 3]\n"
            .to_string(),
    );
    let ast0 = current(Category::Ast);
    assert_eq!(current(Category::Ir), 0);
    let code = compile_module(&src).expect("compiles");
    assert_eq!(current(Category::Ir), 0, "module IR freed");
    assert_eq!(current(Category::Ast), ast0, "module AST freed");
    assert!(
        figures(Category::Ir).peak > 0,
        "the module went through the IR"
    );
    let all = code.function_stubs();
    assert_eq!(all.len(), 1);
    let peak = figures(Category::Ir).peak;
    let f = compile_function(&all[0]).expect("compiles");
    assert!(!f.instrs.is_empty());
    assert_eq!(current(Category::Ir), 0, "function IR freed");
    assert_eq!(current(Category::Ast), ast0, "function AST freed");
    assert!(figures(Category::Ir).peak >= peak);
    // An error path frees it too.
    let bad = Source::new(
        "b.py",
        "def f():\n    x = 'a' 'b'\n    async def g():\n        pass\n".to_string(),
    );
    let code = compile_module(&bad).expect("the def is compiled lazily");
    let all = code.function_stubs();
    assert!(compile_function(&all[0]).is_err());
    assert_eq!(current(Category::Ir), 0, "IR freed after an error");
}
