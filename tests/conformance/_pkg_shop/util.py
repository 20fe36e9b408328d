print("init", __name__, __package__)
def money(cents):
    return f"${cents // 100}.{cents % 100:02d}"
