d = {k: 1 / k for k in range(-1, 2)}
