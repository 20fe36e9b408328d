# SyntaxError messages as CPython 3.11's parser and tokenizer word them, through exec.
cases = [
    "x = 1 +", 'print("a" "b" c)', "if x = 1:\n    pass", "def f(:\n    pass",
    "x = (1, 2", "x = [1, 2}", 'print "hello"', "for i in range(3) print(i)",
    "class C\n    pass", "f(a=1, 2)", "x = 5 = y", "del f()", "a, b += 1",
    "lambda x: yield x", "x = {1: 2, 3}", "import", "from x import", "f(**a, *b)",
    "x = 1 if 2", "x := 5", "'abc", '"""abc\n\n', "x = $",
    "try:\n    pass\nfinally:\n    pass\nexcept:\n    pass", "f(x for x in y, 1)",
    'print(f"{}")', 'print(f"{x!z}")', "True = 1", "None = 2", "f() = 3",
    "x + 1 = 2", "[x for x in y] = 1", "def f(*): pass", "def f(**k, a): pass",
    "@\ndef f(): pass", "with open('x') as f, : pass", "def f() return 1",
    "class C(B) pass", "while x = 1: pass", "try pass", "x = [1 2]", "f(a b)",
    "x = (1 2)", "{1 2}", "f(*)", "x[]", "global", "def f(a=1, b): pass",
    "def f(*a=1): pass", "f(**k, a)", "a + = 1", "print(1,,2)", "del x + 1",
    "del 1", "for 1 in x: pass", "(a, b) += 1", "import a.b as",
    "def f():\n    x = (1,\n    return x", "x = [1, 2,\n     3\ny = 4", "foo(1, 2))",
    "x = {'a': 1]", "x = (1,\n  2]", "if x:\npass", "for i in x:\n# comment\nprint(i)",
    "class A:\n    def m(self):\n    pass", "while True:\n    if x:\n    y = 1",
    "try:\n    x\nexcept ValueError:\nprint(1)", "try:\n    x\nfinally:\nprint(1)",
    "with a:\nb", "def f():\n\nx = 1", "if a:\n    pass\nelif b:\nc", "if a:\n    pass\nelse:\nc",
    "x = 1 +* 2", "d = {1: 2 3: 4}", "a = 1; b = 2; c = 3 +", "import os, sys,",
    "from . import (a, b", "assert(x,", "try:\n    pass\n", "x = )", "]",
    "import a b", "with open('f') as f g: pass", "print(1 2)",
    "def f():\n    global x\n    x = 1\n    global x", "def f():\n    print(x)\n    global x",
    "def g():\n    x = 1\n    def h():\n        x = 2\n        nonlocal x",
    "def g():\n    x = 1\n    def h():\n        print(x)\n        nonlocal x",
]
for src in cases:
    try:
        exec(src)
    except SyntaxError as e:
        print(f"{src!r:42} {type(e).__name__}: {e.msg} (line {e.lineno})")
    else:
        print(f"{src!r:42} no error")
