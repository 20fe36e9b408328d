# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, (2 * 3) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-3 ** 2, (-3) ** 2, 2 ** -1, -2 ** -2, not 1 + 1, not 0 == 1)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 100 / (10 / 5), 17 // 5 * 5 + 17 % 5)
print(1 + 2 << 3, 1 + (2 << 3), 16 >> 2 + 1, 6 & 3 + 1, 6 | 1 ^ 3, 5 & 3 == 1, (5 & 3) == 1)
print(1 < 2 == 2, 1 < 2 > 1.5, 3 > 2 > 1, 1 == 1 == 1.0, 1 < 3 < 2, 5 > 4 < 6 != 7)
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 if 0 else 2 if 0 else 3, (1 if 1 else 2) + 10, [1, 2][0] + 5, -[1, 2][1])
print(0 or 0.0 or "" or None, 1 and 2 and 3, 0 and 1/0, 1 or 1/0, [] or [0], "" and 5)
print(3 - -3, 3 + +3, - - 3, ~-~3, 2 * -1, -2 * -2)
x = 5
print(x * 2 > 9 and x % 2 == 1, x in [5] == False, (x in [5]) == False, not x in [1], x not in [1])
print(1 + 2 * 3 - 4 / 2 ** 2 % 3, 7 % 3 * 2, 7 * 3 % 2, 2 ** 2 * 3, -2 ** 2 * 3)
print(1, 2) if False else print("cond-expr print")
f = lambda a: a + 1 if a > 0 else a - 1
print(f(1), f(-1), (lambda: 1 or 2)())
s = "ab" * 2 + "c"
print(s, "x" + "y" * 3, ("x" + "y") * 3, [0] * 2 + [1] * 3)
print(2 < 3 and "yes" or "no", 2 > 3 and "yes" or "no")
def side(v, log):
    log.append(v)
    return v
log = []
r = side(1, log) < side(2, log) < side(0, log) < side(5, log)
print(r, log)
log = []
r = side(0, log) and side(1, log) or side(2, log)
print(r, log)
log = []
d = {}
d[side("k", log)] = side("v", log)
print(log)
log = []
side(1, log) + side(2, log) * side(3, log)
print(log)
