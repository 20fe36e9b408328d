a = 1
x = 0 < a < "s"
