import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('a', 3), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-1))
print(operator.abs(-3), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5))
print(operator.lshift(1, 4), operator.rshift(32, 2), operator.not_(0), operator.truth([]))
print(operator.eq(1, 1), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2))
print(operator.getitem([1, 2, 3], 1), operator.getitem({'a': 1}, 'a'), operator.concat([1], [2]))
l = [1, 2, 3]
operator.setitem(l, 0, 'x')
operator.delitem(l, 1)
print(l, operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'), operator.index(7))
rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)))
print(itemgetter(0, 2)(rows[0]), itemgetter(slice(1, None))('hello'), itemgetter('k')({'k': 9}))
print(list(map(itemgetter(1), rows)))

class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.inner = self
    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct

people = [P('zed', 30), P('amy', 25)]
print([p.name for p in sorted(people, key=attrgetter('age'))])
print(attrgetter('name', 'age')(people[0]), attrgetter('inner.inner.name')(people[1]))
print(methodcaller('greet', 'hi')(people[0]), methodcaller('greet', 'yo', punct='?')(people[1]))
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'))
print(repr(itemgetter(1)), repr(attrgetter('a', 'b')), repr(methodcaller('f', 1, k=2)))
import functools
print(functools.reduce(operator.mul, range(1, 11)), functools.reduce(operator.or_, [1, 2, 4]))
x = [1]
print(operator.iadd(x, [2]), x)
try:
    operator.truediv(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
operator.indexOf([1, 2], 5)
