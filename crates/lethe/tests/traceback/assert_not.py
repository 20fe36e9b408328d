def f(v):
    assert not v == 0
f(0)
