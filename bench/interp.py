# interp: a tokenizer, recursive-descent parser and tree-walking interpreter for a small
# language (integers, variables, while/if, functions with recursion), written in Python.
# scale: default=120 smoke=1
import sys

SOURCE = """
# sum of a polynomial, a recursive function and a loop with branches
def fib(n) {
    if n < 2 { return n; }
    return fib(n - 1) + fib(n - 2);
}
def gcd(a, b) {
    while b != 0 { let t = b; b = a % b; a = t; }
    return a;
}
let i = 0;
let acc = 0;
while i < LIMIT {
    if i % 3 == 0 { acc = acc + i * i; } else { acc = acc - i; }
    acc = acc + gcd(i, 36);
    i = i + 1;
}
print acc;
print fib(FIBN);
let s = 0;
let j = 0;
while j < LIMIT { s = (s * 31 + j) % 1000003; j = j + 1; }
print s;
"""

KEYWORDS = {"def", "if", "else", "while", "return", "let", "print"}
TWO_CHAR = {"==", "!=", "<=", ">="}


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line


def tokenize(src):
    tokens = []
    i = 0
    line = 1
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c == " " or c == "\t":
            i += 1
        elif c == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(Token("num", src[i:j], line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(Token("kw" if word in KEYWORDS else "name", word, line))
            i = j
        elif src[i:i + 2] in TWO_CHAR:
            tokens.append(Token("op", src[i:i + 2], line))
            i += 2
        elif c in "+-*/%<>=(){},;":
            tokens.append(Token("op", c, line))
            i += 1
        else:
            raise SyntaxError(f"line {line}: unexpected {c!r}")
    tokens.append(Token("eof", "", line))
    return tokens


BINARY_PRECEDENCE = {
    "==": 1, "!=": 1, "<": 2, "<=": 2, ">": 2, ">=": 2,
    "+": 3, "-": 3, "*": 4, "/": 4, "%": 4,
}


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        t = self.tokens[self.pos]
        self.pos += 1
        return t

    def expect(self, text):
        t = self.next()
        if t.text != text:
            raise SyntaxError(f"line {t.line}: expected {text!r}, got {t.text!r}")
        return t

    def program(self):
        stmts = []
        while self.peek().kind != "eof":
            stmts.append(self.statement())
        return stmts

    def block(self):
        self.expect("{")
        stmts = []
        while self.peek().text != "}":
            stmts.append(self.statement())
        self.expect("}")
        return stmts

    def statement(self):
        t = self.peek()
        if t.kind == "kw":
            if t.text == "def":
                self.next()
                name = self.next().text
                self.expect("(")
                params = []
                while self.peek().text != ")":
                    params.append(self.next().text)
                    if self.peek().text == ",":
                        self.next()
                self.expect(")")
                return ("def", name, params, self.block())
            if t.text == "if":
                self.next()
                cond = self.expr(0)
                body = self.block()
                orelse = []
                if self.peek().text == "else":
                    self.next()
                    orelse = self.block()
                return ("if", cond, body, orelse)
            if t.text == "while":
                self.next()
                cond = self.expr(0)
                return ("while", cond, self.block())
            if t.text == "return":
                self.next()
                value = self.expr(0)
                self.expect(";")
                return ("return", value)
            if t.text == "let":
                self.next()
                name = self.next().text
                self.expect("=")
                value = self.expr(0)
                self.expect(";")
                return ("assign", name, value)
            if t.text == "print":
                self.next()
                value = self.expr(0)
                self.expect(";")
                return ("print", value)
        if t.kind == "name" and self.tokens[self.pos + 1].text == "=":
            self.next()
            self.next()
            value = self.expr(0)
            self.expect(";")
            return ("assign", t.text, value)
        value = self.expr(0)
        self.expect(";")
        return ("expr", value)

    def expr(self, min_prec):
        left = self.atom()
        while True:
            op = self.peek().text
            prec = BINARY_PRECEDENCE.get(op, 0)
            if prec == 0 or prec <= min_prec:
                return left
            self.next()
            right = self.expr(prec)
            left = ("bin", op, left, right)

    def atom(self):
        t = self.next()
        if t.kind == "num":
            return ("num", int(t.text))
        if t.kind == "name":
            if self.peek().text == "(":
                self.next()
                args = []
                while self.peek().text != ")":
                    args.append(self.expr(0))
                    if self.peek().text == ",":
                        self.next()
                self.expect(")")
                return ("call", t.text, args)
            return ("var", t.text)
        if t.text == "(":
            e = self.expr(0)
            self.expect(")")
            return e
        if t.text == "-":
            return ("bin", "-", ("num", 0), self.atom())
        raise SyntaxError(f"line {t.line}: unexpected {t.text!r}")


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class Interpreter:
    def __init__(self):
        self.functions = {}
        self.output = []
        self.steps = 0

    def run(self, stmts):
        self.exec_block(stmts, {})

    def exec_block(self, stmts, env):
        for s in stmts:
            self.exec_stmt(s, env)

    def exec_stmt(self, s, env):
        self.steps += 1
        kind = s[0]
        if kind == "assign":
            env[s[1]] = self.eval(s[2], env)
        elif kind == "while":
            while self.eval(s[1], env):
                self.exec_block(s[2], env)
        elif kind == "if":
            if self.eval(s[1], env):
                self.exec_block(s[2], env)
            else:
                self.exec_block(s[3], env)
        elif kind == "return":
            raise ReturnSignal(self.eval(s[1], env))
        elif kind == "print":
            self.output.append(str(self.eval(s[1], env)))
        elif kind == "def":
            self.functions[s[1]] = (s[2], s[3])
        else:
            self.eval(s[1], env)

    def eval(self, e, env):
        kind = e[0]
        if kind == "num":
            return e[1]
        if kind == "var":
            return env[e[1]]
        if kind == "bin":
            a = self.eval(e[2], env)
            b = self.eval(e[3], env)
            op = e[1]
            if op == "+":
                return a + b
            if op == "-":
                return a - b
            if op == "*":
                return a * b
            if op == "/":
                return a // b
            if op == "%":
                return a % b
            if op == "<":
                return 1 if a < b else 0
            if op == "<=":
                return 1 if a <= b else 0
            if op == ">":
                return 1 if a > b else 0
            if op == ">=":
                return 1 if a >= b else 0
            if op == "==":
                return 1 if a == b else 0
            return 1 if a != b else 0
        if kind == "call":
            params, body = self.functions[e[1]]
            local = {}
            for p, a in zip(params, e[2]):
                local[p] = self.eval(a, env)
            try:
                self.exec_block(body, local)
            except ReturnSignal as r:
                return r.value
            return 0
        raise RuntimeError(f"bad node {kind}")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    src = SOURCE.replace("LIMIT", str(500 * n)).replace("FIBN", str(12 + n // 10))
    n_tokens = 0
    for _ in range(n):
        n_tokens += len(tokenize(src))
    tree = Parser(tokenize(src)).program()
    interp = Interpreter()
    interp.run(tree)
    print(f"tokens {n_tokens}, statements {len(tree)}")
    print(" ".join(interp.output))
    print(f"steps {interp.steps}")


main()
