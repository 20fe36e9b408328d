# assert statements: passing, caught failures, then an uncaught failing assert.
assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print("caught", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("caught", str(e), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("caught", e.args)
def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x * 2
print(check(4))
try:
    check("s")
except AssertionError as e:
    print("caught", e)
print("now failing for real")
total = sum([1, 2, 3])
assert total == 7, f"total was {total}"
print("unreachable")
