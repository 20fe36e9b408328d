# The failure messages of unittest's assert methods (what a failing test prints).
import unittest
class T(unittest.TestCase):
    def runTest(self):
        pass
t = T()
t.maxDiff = None
checks = [
    lambda: t.assertEqual("a\nb\nc", "a\nB\nc"),
    lambda: t.assertEqual("x\ny\n", "x\nz\n"),
    lambda: t.assertEqual("one line", "one lime"),
    lambda: t.assertMultiLineEqual("abc", "abd\n"),
    lambda: t.assertEqual(1, 2),
    lambda: t.assertEqual([1, 2, 3], [1, 2, 4]),
    lambda: t.assertEqual([1, 2], [1, 2, 3]),
    lambda: t.assertEqual((1, "a"), (1, "b")),
    lambda: t.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3]}),
    lambda: t.assertEqual({1, 2}, {2, 3}),
    lambda: t.assertListEqual([1], (1,)),
    lambda: t.assertSequenceEqual("abc", "abd"),
    lambda: t.assertDictEqual({"k": 1}, {"k": 2, "j": 3}),
    lambda: t.assertSetEqual({1}, set()),
    lambda: t.assertTupleEqual((1, 2), (2, 1)),
    lambda: t.assertNotEqual(5, 5),
    lambda: t.assertTrue(0),
    lambda: t.assertFalse([1]),
    lambda: t.assertIs([], []),
    lambda: t.assertIsNot(None, None),
    lambda: t.assertIsNone(0),
    lambda: t.assertIsNotNone(None),
    lambda: t.assertIn(3, [1, 2]),
    lambda: t.assertNotIn("a", "abc"),
    lambda: t.assertIsInstance(1, str),
    lambda: t.assertNotIsInstance(1, int),
    lambda: t.assertAlmostEqual(1.0, 1.1),
    lambda: t.assertAlmostEqual(1.0, 1.5, delta=0.1),
    lambda: t.assertAlmostEqual(1.0, 1.01, places=3),
    lambda: t.assertNotAlmostEqual(1.0, 1.0),
    lambda: t.assertGreater(1, 2),
    lambda: t.assertGreaterEqual(1, 2),
    lambda: t.assertLess(2, 1),
    lambda: t.assertLessEqual(2, 1),
    lambda: t.assertCountEqual([1, 1, 2], [1, 2, 2]),
    lambda: t.assertRegex("abc", r"\d"),
    lambda: t.assertNotRegex("a1c", r"\d"),
    lambda: t.assertEqual(1, 2, "with msg"),
    lambda: t.assertTrue(False, msg="explicit"),
    lambda: t.assertRaises(ValueError, int, "5"),
    lambda: t.assertRaisesRegex(ValueError, "xyz", int, "q"),
    lambda: t.assertWarns(UserWarning, lambda: None),
    lambda: t.fail("plain fail"),
    lambda: t.assertEqual(list(range(30)), list(range(29)) + [99]),
]
for c in checks:
    try:
        c()
        print("no failure")
    except AssertionError as e:
        print("---", type(e).__name__)
        print(e)
t.longMessage = False
try:
    t.assertEqual(1, 2, "short")
except AssertionError as e:
    print("---", e)
