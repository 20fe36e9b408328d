# Realistic: recursive-descent calculator with tokenizer and error reporting.
class ParseError(Exception):
    pass
def tokenize(s):
    toks = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            text = s[i:j]
            toks.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(s) and s[j].isalnum():
                j += 1
            toks.append(("name", s[i:j]))
            i = j
        elif c in "+-*/%^()":
            toks.append(("op", c))
            i += 1
        else:
            raise ParseError(f"bad character {c!r} at {i}")
    toks.append(("end", None))
    return toks
class Parser:
    def __init__(self, text, env):
        self.toks = tokenize(text)
        self.pos = 0
        self.env = env
    def peek(self):
        return self.toks[self.pos]
    def take(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expect(self, op):
        t = self.take()
        if t != ("op", op):
            raise ParseError(f"expected {op!r}, got {t[1]!r}")
    def parse(self):
        v = self.expr()
        if self.peek()[0] != "end":
            raise ParseError(f"unexpected {self.peek()[1]!r}")
        return v
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            op = self.take()[1]
            r = self.factor()
            if op == "*":
                v = v * r
            elif op == "/":
                v = v / r
            else:
                v = v % r
        return v
    def factor(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if val not in self.env:
                raise ParseError(f"unknown variable {val}")
            return self.env[val]
        if (kind, val) == ("op", "("):
            v = self.expr()
            self.expect(")")
            return v
        raise ParseError(f"unexpected token {val!r}")
env = {"x": 3, "y": 4, "big": 10 ** 20}
exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + x * y", "big * big + 1",
         "((((7))))", "1.5 * 4", "2 ^ -1", "-(-(-5))", "7 % -3", "x ^ y - y ^ x", "1 +", "2 * (3 + 4",
         "3 $ 4", "z + 1", "1 / 0", "4 4", ")"]
for e in exprs:
    try:
        print(f"{e!r:>18} = {Parser(e, env).parse()!r}")
    except ParseError as err:
        print(f"{e!r:>18} ! ParseError: {err}")
    except ZeroDivisionError as err:
        print(f"{e!r:>18} ! ZeroDivisionError: {err}")
print(tokenize("a1 + 22*(3.5)"))
