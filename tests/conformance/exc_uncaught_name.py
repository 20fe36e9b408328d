# Uncaught NameError inside a function.
def greet(name):
    print("hello", name)
    print("goodbye", farewell_text)
greet("world")
