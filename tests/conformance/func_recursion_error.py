# RecursionError: caught, and the program continues.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", type(e).__name__)
class Node:
    def __init__(self):
        self.child = self
    def size(self):
        return 1 + self.child.size()
try:
    Node().size()
except RecursionError as e:
    print("method:", e)
def still_works(n):
    return 0 if n == 0 else 1 + still_works(n - 1)
print("recovered", still_works(500))
