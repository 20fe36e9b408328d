# Uncaught TypeError: method called with too many arguments (qualified name in message).
class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, name):
        return f"{self.greeting}, {name}!"
g = Greeter("Hi")
print(g.greet("Ann"))
print(Greeter.greet(g, "Bob"))
print(g.greet("Cy", "Di"))
