i = 0
while i < "a": pass
