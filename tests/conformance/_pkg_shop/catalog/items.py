print("init", __name__, __package__)
from ..util import money
class Item:
    def __init__(self, name, cents):
        self.name = name
        self.cents = cents
    def __repr__(self):
        return f"Item({self.name!r}, {money(self.cents)})"
ITEMS = [Item("apple", 120), Item("pear", 95)]
