# Realistic: a tiny state machine (traffic light + tokenizer for a mini language).
class Machine:
    def __init__(self, transitions, start):
        self.transitions = transitions
        self.state = start
        self.trace = [start]
    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise ValueError(f"no transition from {self.state!r} on {event!r}")
        self.state = self.transitions[key]
        self.trace.append(self.state)
        return self.state
light = Machine({
    ("red", "tick"): "green",
    ("green", "tick"): "yellow",
    ("yellow", "tick"): "red",
    ("red", "fault"): "blinking",
    ("green", "fault"): "blinking",
    ("yellow", "fault"): "blinking",
    ("blinking", "reset"): "red",
}, "red")
for ev in ["tick", "tick", "tick", "tick", "fault", "tick", "reset", "tick"]:
    try:
        print(f"{ev:>6} -> {light.fire(ev)}")
    except ValueError as e:
        print(f"{ev:>6} !! {e}")
print(light.trace)
def classify(ch):
    if ch.isdigit():
        return "digit"
    if ch.isalpha() or ch == "_":
        return "alpha"
    if ch.isspace():
        return "space"
    if ch == '"':
        return "quote"
    return "other"
def lex(src):
    state, buf, out = "start", "", []
    for ch in src + " ":
        cls = classify(ch)
        if state == "string":
            if cls == "quote":
                out.append(("STR", buf))
                state, buf = "start", ""
            else:
                buf += ch
            continue
        if state == "number" and cls == "digit":
            buf += ch
            continue
        if state == "ident" and cls in ("alpha", "digit"):
            buf += ch
            continue
        if state == "number":
            out.append(("NUM", int(buf)))
        elif state == "ident":
            out.append(("KW" if buf in ("if", "then", "else", "let") else "ID", buf))
        state, buf = "start", ""
        if cls == "digit":
            state, buf = "number", ch
        elif cls == "alpha":
            state, buf = "ident", ch
        elif cls == "quote":
            state = "string"
        elif cls == "other":
            out.append(("OP", ch))
    if state == "string":
        raise SyntaxError("unterminated string")
    return out
print(lex('let x1 = 42 + y_2;'))
print(lex('if a>=10 then "big one" else "small"'))
try:
    lex('"open')
except SyntaxError as e:
    print("SyntaxError:", e)
counts = {}
for kind, _ in lex('let a = 1 let b = a * 22 + "s" if b then a else b'):
    counts[kind] = counts.get(kind, 0) + 1
print(sorted(counts.items()))
