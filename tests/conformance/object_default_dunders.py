# The methods every object inherits from `object`: rich comparisons that return
# NotImplemented, __dir__, __getstate__, __reduce_ex__/__reduce__,
# __subclasshook__, __sizeof__, and __weakref__ on instances.
import copy
import copyreg
import functools


class A:
    pass


a = A()
print(a.__weakref__)
print(hasattr(a, '__gt__'), hasattr(a, '__lt__'), hasattr(a, '__le__'), hasattr(a, '__ge__'))
print(object.__lt__(a, a), a.__gt__(1), object.__ge__(a, a), a.__le__(a))
print(object.__lt__(1, 2), (1).__lt__(2), (1).__lt__('x'), {}.__lt__({}))
print(hasattr(a, '__reduce_ex__'), hasattr(a, '__sizeof__'), hasattr(a, '__getstate__'))
print(sorted(dir(object)))
print(sorted(set(dir(A)) - set(dir(object))))
print(type(a.__dir__()).__name__, sorted(a.__dir__()) == dir(a))
a.x = 1
print(a.__getstate__(), a.__getstate__() is a.__dict__, A().__getstate__())


class P:
    def __lt__(self, o):
        return super().__lt__(o)


try:
    P() < P()
except TypeError as e:
    print(e)
print(object.__subclasshook__(), A.__subclasshook__(int))
print(object().__sizeof__(), A().__sizeof__())


class S:
    __slots__ = ('a', 'b')


s = S()
s.a = 1
print(s.__getstate__(), S().__getstate__(), S().__sizeof__())
try:
    s.__weakref__
except AttributeError as e:
    print(e)


class W:
    __slots__ = ('__weakref__',)


print(W().__weakref__)
try:
    ValueError().__weakref__
except AttributeError as e:
    print(e)


class E(Exception):
    pass


print(E().__weakref__)

# __reduce_ex__ / __reduce__ as copyreg makes them.
class B:
    def __init__(self):
        self.x = [1]


b = B()
r = b.__reduce_ex__(2)
print(r[0].__name__, r[1], r[2], r[3:])
r = b.__reduce_ex__(1)
print(r[0].__name__, r[1], r[2])
print(len(B.__new__(B).__reduce_ex__(0)), b.__reduce__()[0] is copyreg._reconstructor)
print(s.__reduce_ex__(4)[2])


class R:
    def __reduce__(self):
        return (R, ())


print(R().__reduce_ex__(2))


class G:
    def __getstate__(self):
        return {'g': 1}


print(G().__reduce_ex__(2)[2])
c = copy.deepcopy(b)
print(c.x, c.x is b.x)
print(copyreg.__newobj__(B).__class__.__name__)


# total_ordering finds comparisons a base class defines (not object's).
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


class V2(V):
    pass


print(V(1) >= V(2), V(3) > V(1), V2(1) <= V2(1), V2(2) > V2(1))
try:
    @functools.total_ordering
    class Z:
        pass
except ValueError as e:
    print(e)
