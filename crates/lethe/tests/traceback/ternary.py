x = 1 if 1 / 0 else 2
