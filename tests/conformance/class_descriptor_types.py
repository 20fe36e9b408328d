# Descriptor-based validation framework (like attrs/dataclasses field checks).
class Field:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default
    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name
        owner._fields = getattr(owner, "_fields", ()) + (name,)
    def __get__(self, obj, owner):
        if obj is None:
            return f"<Field {self.public}: {self.kind.__name__}>"
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.public} expects {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.private, value)
class Model:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        args = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({args})"
class User(Model):
    name = Field(str, "anon")
    age = Field(int, 0)
print(User._fields, User.name, User(name="ada", age=36), User())
try:
    User(age="old")
except TypeError as e:
    print("TypeError:", e)
class Admin(User):
    level = Field(int, 1)
print(Admin._fields, Admin(name="root", level=9))
u = User(name="x")
u.age = 5
print(u.__dict__, vars(u))
