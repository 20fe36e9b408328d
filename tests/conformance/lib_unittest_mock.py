# unittest.mock: Mock/MagicMock calls and assertions, side effects, patch (decorator,
# context manager, object, dict, PropertyMock), mock_open, create_autospec, in a TestCase.
from unittest import mock
from unittest.mock import Mock, MagicMock, patch, call, ANY, sentinel, PropertyMock, mock_open, create_autospec
import unittest, os, json
m = Mock()
m.method(1, x=2); m.method(3); m.other.attr.deep()
print(m.method.call_count, m.method.call_args, m.method.call_args_list, m.mock_calls)
m.method.assert_called_with(3)
m.method.assert_any_call(1, x=2)
try:
    m.method.assert_called_once_with(3)
except AssertionError as e:
    print("AE:", e)
try:
    m.method.assert_called_with(4)
except AssertionError as e:
    print("AE:", e)
m2 = Mock(side_effect=[1, 2, ValueError("third")])
print(m2(), m2())
try:
    m2()
except ValueError as e:
    print("side effect raised", e)
m3 = Mock(side_effect=lambda a: a * 2, return_value=9)
print(m3(21))
m4 = Mock(return_value=sentinel.result)
print(m4() is sentinel.result, sentinel.result)
mm = MagicMock()
mm.__len__.return_value = 5
mm.__getitem__.side_effect = lambda k: k.upper()
print(len(mm), mm["key"], list(MagicMock(__iter__=Mock(return_value=iter([1, 2])))), bool(mm), mm.__str__.called)
with mm as ctx:
    print("in ctx", ctx is mm.__enter__.return_value)
print(mm.__exit__.called)
def get_cwd_upper():
    return os.getcwd().upper()
with patch("os.getcwd", return_value="/tmp/x"):
    print(get_cwd_upper())
print(get_cwd_upper() != "/TMP/X")
@patch("json.dumps")
def use_dumps(mock_dumps):
    mock_dumps.return_value = "patched!"
    return json.dumps({"a": 1}), mock_dumps.call_args
print(use_dumps())
class Service:
    def fetch(self):
        return "real"
    @property
    def status(self):
        return "up"
with patch.object(Service, "fetch", return_value="fake") as pf:
    print(Service().fetch(), pf.called)
print(Service().fetch())
with patch.object(Service, "status", new_callable=PropertyMock) as ps:
    ps.return_value = "down"
    print(Service().status)
d = {"a": 1}
with patch.dict(d, {"b": 2}, clear=False):
    print(sorted(d.items()))
print(d)
print(call(1, 2) == call(1, 2), call(1, a=ANY) == call(1, a=5), m.method.call_args == call(3), mock.ANY == object())
m5 = Mock(spec=["alpha"])
try:
    m5.beta
except AttributeError as e:
    print("AttributeError", e)
m6 = Mock(); m6.configure_mock(**{"x.return_value": 3, "y": 4}); print(m6.x(), m6.y)
m6.reset_mock(); print(m6.x.called, m6.x.call_count)
m7 = Mock(name="thing"); print(repr(m7)[:20], m7.child._mock_name if hasattr(m7.child, "_mock_name") else "")
with patch("builtins.open", mock_open(read_data="line1\nline2")) as mo:
    with open("whatever.txt") as f:
        print(f.read())
    mo.assert_called_once_with("whatever.txt")
def func(a, b, *, c=1): return a + b + c
af = create_autospec(func, return_value=10)
print(af(1, 2, c=3))
try:
    af(1)
except TypeError as e:
    print("TypeError", e)
class T(unittest.TestCase):
    @patch("os.getcwd")
    def test_cwd(self, mocked):
        mocked.return_value = "/x"
        self.assertEqual(os.getcwd(), "/x")
        mocked.assert_called_once()
    def test_not_called(self):
        m = Mock()
        with self.assertRaises(AssertionError):
            m.assert_called()
        m.assert_not_called()
unittest.main(exit=False, verbosity=0)
print("done")
