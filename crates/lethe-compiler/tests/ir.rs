//! The tree IR: lowering, the constant-folding pass (which must fold exactly what
//! CPython 3.11's AST optimizer folds, and never an operation that raises or whose
//! result is too big), and deterministic bytecode from it.

use lethe_compiler::ir::{ExprId, ExprKind, Ir, IrConst, StmtKind};
use lethe_compiler::{compile_module, fold, lower, Source};
use ruff_python_ast::CmpOp;

mod common;

fn lowered(src: &str) -> Ir {
    let parsed = ruff_python_parser::parse_module(src).expect("parses");
    let mut ir = lower::lower_module(src, &parsed.syntax().body);
    fold::fold_constants(&mut ir);
    ir
}

fn show_const(ir: &Ir, c: &IrConst) -> String {
    match c {
        IrConst::None => "None".into(),
        IrConst::True => "True".into(),
        IrConst::False => "False".into(),
        IrConst::Ellipsis => "...".into(),
        IrConst::Int(i) => i.to_string(),
        IrConst::BigInt(b) => b.to_string(),
        IrConst::Float(f) => format!("{f:?}"),
        IrConst::Complex { real, imag } => format!("({real}+{imag}j)"),
        IrConst::Str(s) => format!("{s:?}"),
        IrConst::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        IrConst::Tuple(items) => {
            let v: Vec<String> = items.iter().map(|&k| show_const(ir, ir.konst(k))).collect();
            format!("({})", v.join(", "))
        }
    }
}

/// The expression of `e`: its constant, or `<not folded>`.
fn show(ir: &Ir, e: ExprId) -> String {
    match ir.expr(e).kind {
        ExprKind::Const { k, .. } => show_const(ir, ir.konst(k)),
        _ => "<not folded>".into(),
    }
}

/// The value of the one expression statement `src` is, after folding.
fn folded(src: &str) -> String {
    let ir = lowered(src);
    let s = ir.list(ir.body)[0];
    match ir.stmt(s).kind {
        StmtKind::Expr(e) => show(&ir, e),
        StmtKind::Assign { value, .. } => show(&ir, value),
        other => panic!("not an expression statement: {other:?}"),
    }
}

#[test]
fn arithmetic_folds_as_cpython() {
    let cases: &[(&str, &str)] = &[
        ("2**10", "1024"),
        ("2**64", "18446744073709551616"),
        ("1 << 127", "170141183460469231731687303715884105728"),
        ("-5 >> 1", "-3"),
        ("7 // -2", "-4"),
        ("-7 % 3", "2"),
        ("7.5 // 2", "3.0"),
        ("-7.5 % 2", "0.5"),
        ("7.0 % -2", "-1.0"),
        ("-0.0", "-0.0"),
        ("0.0 * -1", "-0.0"),
        ("2 ** -1", "0.5"),
        ("1 / 4", "0.25"),
        ("1e308 * 10", "inf"),
        ("3 - 5", "-2"),
        ("~5", "-6"),
        ("+True", "1"),
        ("-True", "-1"),
        ("~True", "-2"),
        ("True + True", "2"),
        ("True & False", "False"),
        ("True | 2", "3"),
        ("0xff ^ 0x0f", "240"),
        ("not 1", "False"),
        ("not ''", "True"),
        ("not (1,)", "False"),
        ("'ab' + 'cd'", "\"abcd\""),
        ("b'a' + b'b'", "b\"ab\""),
        ("'ab' * 3", "\"ababab\""),
        ("2 * 'x'", "\"xx\""),
        ("'' * 5", "\"\""),
        ("(1, 2) + (3,)", "(1, 2, 3)"),
        ("3 * (1, 2)", "(1, 2, 1, 2, 1, 2)"),
        (
            "(1, 'a', (None, ...), b'z', 1.5)",
            "(1, \"a\", (None, ...), b\"z\", 1.5)",
        ),
        ("'abc'[1]", "\"b\""),
        ("'abc'[-1]", "\"c\""),
        ("b'ab'[0]", "97"),
        ("(1, 2)[-1]", "2"),
        ("10**6", "1000000"),
        ("__debug__", "True"),
    ];
    for (src, want) in cases {
        assert_eq!(&folded(src), want, "{src}");
    }
    // Large results within CPython's limits fold too.
    assert_eq!(folded("'ab' * 2048").len(), 4096 + 2);
    assert!(folded("(1,) * 256").starts_with("(1, 1"));
}

#[test]
fn nothing_that_raises_or_grows_is_folded() {
    for src in [
        "1/0",
        "1//0",
        "1%0",
        "1.0/0",
        "1.0 // 0.0",
        "5.0 % 0",
        "0 ** -1",
        "0.0 ** -1",
        "(-8) ** 0.5",
        "10.0 ** 400",
        "1 << -1",
        "1 >> -1",
        "'a' * 10**6",
        "'ab' * 2049",
        "b'a' * 4097",
        "(1,) * 257",
        "((1, 2, 3, 4),) * 250",
        "2**128",
        "10 ** 400",
        "1 << 128",
        "(1 << 100) * (1 << 100)",
        "'a' + 1",
        "'%s' % 'a'",
        "'%s' % ('a',)",
        "b'%d' % 1",
        "1.5 & 1",
        "~1.5",
        "-'a'",
        "1 + 2j",
        "'abc'[3]",
        "'abc'[1.0]",
        "(1, 2)[2]",
        "'a' * 1.0",
        "[1] * 2",
        "1 < 2",
        "1 == 1",
        "not x",
        "x + 1",
        "(1, x)",
        "()",
        "(1,) * 0",
        "1 @ 2",
        "'x' * -1",
    ] {
        assert_eq!(folded(src), "<not folded>", "{src}");
    }
}

#[test]
fn not_of_is_and_in_becomes_the_inverse_comparison() {
    let ops = |src: &str| -> Option<CmpOp> {
        let ir = lowered(src);
        let StmtKind::Expr(e) = ir.stmt(ir.list(ir.body)[0]).kind else {
            panic!()
        };
        match ir.expr(e).kind {
            ExprKind::Compare { rest, .. } => Some(ir.list(rest)[0].op),
            _ => None,
        }
    };
    assert_eq!(ops("not (a is b)"), Some(CmpOp::IsNot));
    assert_eq!(ops("not a is not b"), Some(CmpOp::Is));
    assert_eq!(ops("not a in b"), Some(CmpOp::NotIn));
    assert_eq!(ops("not a not in b"), Some(CmpOp::In));
    // The others are not inverted (sets and `__eq__`/`__ne__` do not obey the laws).
    assert_eq!(ops("not a < b"), None);
    assert_eq!(ops("not a == b"), None);
    assert_eq!(ops("not a is b is c"), None);
}

#[test]
fn iterable_lists_become_tuples() {
    let ir = lowered("x in [1, 2]\nfor i in [1, 2, 3]: pass\n[i for i in [4, y]]\nx = [1, 2]\n");
    let body = ir.list(ir.body).to_vec();
    let StmtKind::Expr(e) = ir.stmt(body[0]).kind else {
        panic!()
    };
    let ExprKind::Compare { rest, .. } = ir.expr(e).kind else {
        panic!()
    };
    assert_eq!(show(&ir, ir.list(rest)[0].right), "(1, 2)");
    let StmtKind::For { iter, .. } = ir.stmt(body[1]).kind else {
        panic!()
    };
    assert_eq!(show(&ir, iter), "(1, 2, 3)");
    let StmtKind::Expr(e) = ir.stmt(body[2]).kind else {
        panic!()
    };
    let ExprKind::ListComp { gens, .. } = ir.expr(e).kind else {
        panic!()
    };
    // Not constant (y), but a tuple display now.
    assert!(matches!(
        ir.expr(ir.list(gens)[0].iter).kind,
        ExprKind::Tuple { .. }
    ));
    // A list that is a value stays a list.
    let StmtKind::Assign { value, .. } = ir.stmt(body[3]).kind else {
        panic!()
    };
    assert!(matches!(ir.expr(value).kind, ExprKind::List { .. }));
}

#[test]
fn a_folded_string_is_not_a_docstring() {
    let src = Source::new(
        "t.py",
        "def f():\n    'a' 'b'\ndef g():\n    'a' + 'b'\n".to_string(),
    );
    let code = compile_module(&src).expect("compiles");
    let all = code.function_stubs();
    assert_eq!(all[0].doc.as_deref(), Some("ab"));
    assert_eq!(all[1].doc, None);
}

const PROGRAM: &str = r#"
import sys
K = 2 ** 10 + len("abc" * 3)
T = (1, 2.5, "x", (None, b"y"))
def f(a, *rest, k=-1, **kw) -> int:
    "doc"
    match a:
        case [1, *others] if others:
            return f"{a!r:>{K}} {rest=}"
        case {"k": v, **more}:
            return v
        case Point(x=0, y=-1 | 2) | None:
            return not (a is None)
        case _:
            pass
    for i in [1, 2, 3]:
        if i in [K, -K] and not i in (4, 5):
            continue
    g = lambda y=K * 2: y ** 2
    return [x for x in rest if x not in T], {k: v for k, v in kw.items()}, g
class C(Base, metaclass=M):
    "class doc"
    x: int = 1 << 4
    @staticmethod
    def h(*, z=(1, 2) * 2):
        try:
            del z
        except (KeyError, ValueError) as e:
            raise RuntimeError from e
        finally:
            return ~0
"#;

#[test]
fn bytecode_from_the_ir_is_deterministic() {
    let (stubs, _) = common::compiles_deterministically(PROGRAM);
    assert_eq!(stubs.len(), 2, "f and h");
}

#[test]
fn the_ir_is_smaller_than_the_ast_nodes() {
    // Node sizes: the point of the arena layout.
    assert!(std::mem::size_of::<lethe_compiler::ir::ExprNode>() <= 24);
    assert!(std::mem::size_of::<lethe_compiler::ir::StmtNode>() <= 40);
    assert!(std::mem::size_of::<Option<ExprId>>() == 4);
    assert!(
        std::mem::size_of::<lethe_compiler::ir::ExprNode>()
            < std::mem::size_of::<ruff_python_ast::Expr>()
    );
}
