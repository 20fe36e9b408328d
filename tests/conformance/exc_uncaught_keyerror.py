# Uncaught KeyError: the repr of the key is shown.
inventory = {"apple": 3, "pear": 0}
for k in ("apple", "pear"):
    print(k, inventory[k])
print(inventory.get("plum", "no plum"))
print(inventory["plum's"])
