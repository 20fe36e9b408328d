# unittest.mock: call introspection, has_calls, wraps, side effects, patch.multiple,
# autospec, MagicMock protocol methods (conversions, arithmetic, hashing), sentinels
from unittest import mock
from unittest.mock import Mock, MagicMock, patch, call, sentinel, DEFAULT
import os
m = Mock()
m(1, b=2); m.x(3); m.x.y(4)
print(m.call_args.args, m.call_args.kwargs, m.mock_calls, m.method_calls)
m.assert_has_calls([call(1, b=2)])
m.x.assert_has_calls([call(3), call.y(4)])
try:
    m.assert_has_calls([call(9)])
except AssertionError as e:
    print("AE", str(e).splitlines()[0])
real = lambda a: a * 10
w = Mock(wraps=real); print(w(4), w.call_count)
s = Mock(side_effect=KeyError); 
try:
    s()
except KeyError as e:
    print("KeyError raised", repr(e))
s2 = Mock(side_effect=[DEFAULT, 5], return_value=1); print(s2(), s2())
with patch.multiple("os", getcwd=mock.DEFAULT, getpid=mock.DEFAULT) as ms:
    ms["getcwd"].return_value = "/m"
    ms["getpid"].return_value = 42
    print(os.getcwd(), os.getpid())
def target(a, b): return a + b
with patch(__name__ + ".target", autospec=True) as at:
    at.return_value = 0
    print(target(1, 2))
    try:
        target(1)
    except TypeError as e:
        print("TypeError", e)
    at.assert_called_once_with(1, 2)
mm = MagicMock()
mm.__iter__.return_value = iter("ab"); print(list(mm))
mm.__contains__.return_value = True; print("q" in mm)
mm.__lt__.return_value = True; print(mm < 5)
print(MagicMock() == MagicMock(), int(MagicMock()), float(MagicMock()), len(MagicMock()), str(Mock(name="nm"))[:14])
p = patch.dict("os.environ", {"LETHE_TEST_VAR": "1"})
p.start(); print(os.environ.get("LETHE_TEST_VAR")); p.stop(); print(os.environ.get("LETHE_TEST_VAR"))
print(sentinel.a is sentinel.a, sentinel.a is not sentinel.b, repr(sentinel.token))
c = Mock(); c.attr = 5; del c.attr
print(hasattr(c, "attr"))
m3 = Mock(spec_set=["a"])
try:
    m3.b = 1
except AttributeError as e:
    print("AttributeError", e)
print(call(1).call_list() if hasattr(call(1), "call_list") else "", call.foo(1), call().bar())
m4 = Mock(); m4.reset_mock(return_value=True); m4.return_value = 3; print(m4())
from unittest.mock import MagicMock
for name, f in [("int", int), ("float", float), ("complex", complex), ("str", str), ("repr", repr), ("hash", hash), ("bool", bool), ("len", len), ("iter", lambda m: list(m)), ("index", lambda m: [1,2][m] if False else m.__index__()), ("abs", abs), ("neg", lambda m: -m), ("add", lambda m: m + 1), ("radd", lambda m: 1 + m), ("lt", lambda m: m < 1), ("eq", lambda m: m == 1), ("format", lambda m: format(m)), ("contains", lambda m: 1 in m), ("getitem", lambda m: m[0]), ("setitem", lambda m: m.__setitem__(0, 1)), ("divmod", lambda m: divmod(m, 2)), ("round", round), ("sizeof", lambda m: m.__sizeof__())]:
    try:
        r = f(MagicMock())
        print(name, type(r).__name__)
    except Exception as e:
        print(name, "ERR", type(e).__name__, e)
