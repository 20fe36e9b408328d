v = None
s = f"value: {v.attr}"
