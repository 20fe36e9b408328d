# difflib: SequenceMatcher (blocks, opcodes, ratios, junk, autojunk), ndiff with
# '?' guide lines, unified and context diffs, get_close_matches, restore; and the
# diffs unittest appends to assertEqual failures.
import difflib
import random
import unittest

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks(), s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_opcodes())
print(s.find_longest_match(0, 29, 0, 38))
long_a = "ab" * 150 + "x"
long_b = "ab" * 149 + "y"
print(difflib.SequenceMatcher(None, long_a, long_b).ratio(),
      difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).ratio())
print(list(difflib.SequenceMatcher(None, "abcdefghij", "abXdefYhij").get_grouped_opcodes(1)))

text1 = """  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
""".splitlines(keepends=True)
text2 = """  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
""".splitlines(keepends=True)
print("".join(difflib.ndiff(text1, text2)), end="")
diff = list(difflib.ndiff(text1, text2))
print("".join(difflib.restore(diff, 1)) == "".join(text1), "".join(difflib.restore(diff, 2)) == "".join(text2))
print("".join(difflib.unified_diff(text1, text2, fromfile="before.py", tofile="after.py")), end="")
print("".join(difflib.context_diff(text1, text2, fromfile="a", tofile="b", n=1)), end="")
print(list(difflib.unified_diff(["a", "b", "c"], ["a", "c", "d"], lineterm="")))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "for", "if", "with", "whale"], n=2, cutoff=0.5))
print(difflib.IS_LINE_JUNK("\n"), difflib.IS_LINE_JUNK("  #   \n"), difflib.IS_LINE_JUNK("hello\n"),
      difflib.IS_CHARACTER_JUNK(" "), difflib.IS_CHARACTER_JUNK("x"))
try:
    difflib.get_close_matches("x", [], n=0)
except ValueError as e:
    print(e)

rng = random.Random(5)
words = ["alpha", "beta", "gamma", "delta", "alpha beta", "gamma  delta", "epsilon", "zeta"]
for trial in range(40):
    a = [rng.choice(words) + "\n" for _ in range(rng.randint(0, 8))]
    b = list(a)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(3)
        if op == 0 and b:
            del b[rng.randrange(len(b))]
        elif op == 1:
            b.insert(rng.randrange(len(b) + 1), rng.choice(words) + "\n")
        elif b:
            i = rng.randrange(len(b))
            w = list(b[i])
            w[rng.randrange(len(w) - 1)] = rng.choice("xyz ")
            b[i] = "".join(w)
    print("".join(difflib.ndiff(a, b)), end="")
    print("".join(difflib.unified_diff(a, b, n=rng.randint(0, 2))), end="")
    sm = difflib.SequenceMatcher(None, "".join(a), "".join(b))
    print(trial, round(sm.ratio(), 6), len(sm.get_opcodes()))

tc = unittest.TestCase()
for first, second in [([1, 2, 3], [1, 2, 4]), ((1, 2), (1, 2, 3)), ({"a": 1, "b": [1, 2]}, {"a": 2, "b": [1, 3]}),
                      ("x" * 100, "x" * 99 + "y"), ("line one\nline two\n", "line one\nline 2\n"),
                      (list(range(40)), list(range(41))), ("abc", "abd")]:
    try:
        tc.assertEqual(first, second)
    except AssertionError as e:
        print(str(e))
tc.maxDiff = 20
try:
    tc.assertEqual(list(range(10)), list(range(11)))
except AssertionError as e:
    print(str(e))
try:
    tc.assertCountEqual([1, 1, 2, "a"], [1, 2, 2, "b"])
except AssertionError as e:
    print(str(e))
