# case methods and padding/alignment.
words = ["hello world", "HELLO", "hElLo wOrLd", "they're bill's", "3rd place", "", "a-b_c d.e", "  x  "]
for w in words:
    print(repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()),
          repr(w.casefold()))
print("abc".center(9), "|" + "abc".center(8, "*") + "|", "abc".center(2), "ab".center(5, "-"))
print("|" + "x".ljust(4) + "|" + "x".rjust(4) + "|" + "x".ljust(4, ".") + "|" + "x".rjust(1, "."))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "12345".zfill(3), "".zfill(2), "-".zfill(3))
for n in range(1, 8):
    print("abc".center(n, "#"), "abcd".center(n, "#"))
print("Title Case".istitle(), "Not title".istitle(), "ABC".isupper(), "AbC".isupper(),
      "abc1".islower(), "123".islower(), "A1".isupper())
