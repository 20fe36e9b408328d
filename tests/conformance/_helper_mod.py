# Helper module for import tests (not a test itself).
print("helper module executing, __name__ =", __name__)
CONSTANT = 42
items = []
def greet(name):
    return f"hello, {name} (from {__name__})"
def add_item(x):
    items.append(x)
    return len(items)
class Widget:
    def __init__(self, size):
        self.size = size
    def __repr__(self):
        return f"Widget({self.size})"
_private = "underscore"
if __name__ == "__main__":
    print("helper run as main")
