# SyntaxError: nonlocal at module level; nothing runs.
print("this must not be printed")
nonlocal counter
counter = 0
counter += 1
