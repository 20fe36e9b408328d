t = "abc"
t[0:1] = "x"
