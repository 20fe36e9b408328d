# Uncaught UnboundLocalError.
count = 0
def bump():
    print("bumping")
    count += 1
    return count
bump()
