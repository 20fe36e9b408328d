print("init", __name__, __package__)
RATE = 10
def tax(cents):
    return cents * RATE // 100
