# Division by zero messages for ints and floats (caught), then uncaught float one.
cases = [(lambda: 1 / 0), (lambda: 1 // 0), (lambda: 1 % 0), (lambda: 1.0 / 0),
         (lambda: 1.0 // 0.0), (lambda: 1.0 % 0.0), (lambda: divmod(1, 0)),
         (lambda: divmod(1.0, 0.0)), (lambda: 0 ** -1), (lambda: 0.0 ** -1), (lambda: pow(5, -1, 5) if False else 10 ** 20 // 0)]
for i, c in enumerate(cases):
    try:
        print(c())
    except ZeroDivisionError as e:
        print(i, type(e).__name__, e, e.args)
x = 0.0
print("about to divide")
print(3.5 / x)
