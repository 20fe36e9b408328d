x = int("z") * 2
