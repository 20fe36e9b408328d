# unittest's objects used directly: results, suites, loader, runner output (to a
# StringIO, without the timing line), assertion messages.
import io
import unittest


class T(unittest.TestCase):
    def test_b(self):
        "Doc line one.\n\n more"
        self.assertEqual(10, 9)

    def test_a(self):
        with self.subTest("msg", k=1):
            self.fail("boom")
        with self.subTest():
            raise RuntimeError("x")

    def test_c(self):
        self.skipTest("why")

    def test_d(self):
        self.assertTrue(1)


def messages():
    tc = T("test_d")
    checks = [
        lambda: tc.assertEqual(1, 2),
        lambda: tc.assertEqual(1, 2, "custom"),
        lambda: tc.assertNotEqual(1, 1),
        lambda: tc.assertTrue(0),
        lambda: tc.assertFalse("s"),
        lambda: tc.assertIs([], []),
        lambda: tc.assertIsNot(None, None),
        lambda: tc.assertIsNone(5),
        lambda: tc.assertIsNotNone(None),
        lambda: tc.assertIn("x", "abc"),
        lambda: tc.assertNotIn(1, [1]),
        lambda: tc.assertIsInstance(1, str),
        lambda: tc.assertNotIsInstance(1, int),
        lambda: tc.assertAlmostEqual(1.0, 1.1),
        lambda: tc.assertAlmostEqual(1.0, 1.5, delta=0.1),
        lambda: tc.assertAlmostEqual(1.0, 1.01, places=3),
        lambda: tc.assertNotAlmostEqual(1.0, 1.0 + 1e-9),
        lambda: tc.assertGreater(1, 2),
        lambda: tc.assertGreaterEqual(1, 2),
        lambda: tc.assertLess(2, 1),
        lambda: tc.assertLessEqual(2, 1),
        lambda: tc.assertRegex("abc", "z+"),
        lambda: tc.assertNotRegex("abc", "b"),
        lambda: tc.assertCountEqual([1, 2], [1, 1]),
        lambda: tc.assertSetEqual({1, 2}, {2, 3}),
        lambda: tc.assertListEqual([1], (1,)),
        lambda: tc.assertRaises(ValueError, int, "5"),
        lambda: tc.fail("explicit"),
        lambda: tc.fail(),
    ]
    for c in checks:
        try:
            c()
            print("no failure")
        except AssertionError as e:
            print(repr(str(e)))
    with tc.assertRaises(KeyError) as cm:
        {}["k"]
    print(type(cm.exception).__name__, cm.exception.args)
    try:
        with tc.assertRaises(ValueError):
            pass
    except AssertionError as e:
        print(e)
    try:
        with tc.assertRaisesRegex(ValueError, "^abc$"):
            raise ValueError("xyz")
    except AssertionError as e:
        print(e)


messages()
loader = unittest.TestLoader()
print(loader.getTestCaseNames(T))
suite = loader.loadTestsFromTestCase(T)
print(suite.countTestCases(), [t.id() for t in suite])
print(repr(T("test_a")), str(T("test_b")), T("test_b").shortDescription(), T("test_a").shortDescription())
try:
    T("nope")
except ValueError as e:
    print(e)
stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
result = runner.run(suite)
lines = [ln for ln in stream.getvalue().splitlines() if not ln.startswith("Ran ")]
for ln in lines:
    if not ln.startswith("  File"):
        print(ln)
print(result, result.wasSuccessful(), result.testsRun, len(result.failures), len(result.errors))
print([str(t) for t, _ in result.skipped], [str(t) for t, _ in result.failures])
r = unittest.TestResult()
T("test_d").run(r)
print(r.testsRun, r.wasSuccessful(), r)
s = unittest.TestSuite([T("test_d"), T("test_c")])
r2 = unittest.TestResult()
s.run(r2)
print(r2.testsRun, len(r2.skipped), r2.skipped[0][1])
print(unittest.TestCase.__module__, unittest.TextTestResult.__module__, unittest.SkipTest.__mro__[1].__name__)
prog = unittest.main(argv=["prog", "-q"], exit=False, testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(prog.result.testsRun, prog.result.wasSuccessful())
