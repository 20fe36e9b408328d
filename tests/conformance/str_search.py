# find/rfind/index/rindex/count and membership.
s = "hello, hello world, yellow"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.rfind("xyz"))
print(s.find("l", 5, 10), s.rfind("l", 0, 5), s.find(""), s.rfind(""), s.find("", 100))
print(s.index("world"), s.rindex("l"), s.count("l"), s.count("ll"), s.count(""), s.count("l", 10))
print(s.find("o", -6), s.count("hello", 0, 5), s.count("hello", 0, 4))
print("aaaa".count("aa"), "abababa".count("aba"), "abababa".find("aba", 1))
print("ell" in s, "xyz" in s, "" in s, "z" not in s)
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
for i, ch in enumerate("abcab"):
    print(i, ch, "abcab".find(ch), "abcab".rfind(ch))
pos = []
i = s.find("l")
while i != -1:
    pos.append(i)
    i = s.find("l", i + 1)
print(pos)
print("abc" == "abc", "abc" < "abd", "abc" < "ab", "B" < "a", "abc" > "", "a" * 0 == "")
print(max(["pear", "apple", "fig"]), min(["pear", "apple", "fig"]), sorted(["b", "A", "a", "B"]))
