s = "abc"
n = s.index("z") + 2
