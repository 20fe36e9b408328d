# unittest.main() on a module with passing, failing, erroring, skipped and
# expected-failure tests: stdout of the tests, the summary line, exit status 1.
import unittest


def setUpModule():
    print("setUpModule")


def tearDownModule():
    print("tearDownModule")


class TestMath(unittest.TestCase):
    def setUp(self):
        self.x = 2

    def tearDown(self):
        print("tearDown", self._testMethodName)

    def test_add(self):
        """Addition works."""
        self.assertEqual(self.x + 2, 4)

    def test_fail(self):
        self.assertEqual(self.x, 3)

    def test_error(self):
        {}["missing"]

    @unittest.skip("not now")
    def test_skipped(self):
        print("never")

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaises(ValueError) as cm:
            int("x")
        print("exc:", cm.exception)
        self.assertRaises(TypeError, len, 5)
        with self.assertRaisesRegex(KeyError, "k"):
            {}["k"]

    def test_misc(self):
        self.assertIn(1, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertListEqual([1], [1])
        self.assertTupleEqual((1,), (1,))
        self.assertSetEqual({1}, {1})
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLessEqual(1, 1)
        self.assertRegex("abc", "b")
        self.assertNotRegex("abc", "z")
        self.assertIs(None, None)
        self.assertIsNot([], [])
        self.assertFalse(0)
        print("misc ok")


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")

    def setUp(self):
        self.addCleanup(print, "cleanup 1")
        self.addCleanup(print, "cleanup 2")

    def test_a(self):
        print("a")

    def test_unexpected_success(self):
        pass

    test_unexpected_success = unittest.expectedFailure(test_unexpected_success)


class Broken(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("setup failed")

    def test_never(self):
        print("never")


@unittest.skipIf(True, "class skipped")
class Skipped(unittest.TestCase):
    def test_x(self):
        print("never")


if __name__ == "__main__":
    unittest.main()
