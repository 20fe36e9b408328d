# Argument-count messages of builtins and built-in methods; __index__ in indexing;
# classes without __init__ reject arguments.

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


attempt('isinstance(1)', lambda: isinstance(1))
attempt('divmod(1)', lambda: divmod(1))
attempt('getattr(1)', lambda: getattr(1))
attempt('setattr(1, 2)', lambda: setattr(1, 2))
attempt('hasattr(1)', lambda: hasattr(1))
attempt('chr()', lambda: chr())
attempt('abs()', lambda: abs())
attempt('abs(1, 2)', lambda: abs(1, 2))
attempt('sorted()', lambda: sorted())
attempt('next()', lambda: next())
attempt('iter()', lambda: iter())
attempt('format()', lambda: format())
attempt('format(1, 2, 3)', lambda: format(1, 2, 3))
attempt('vars(1, 2)', lambda: vars(1, 2))
attempt('len()', lambda: len())
attempt('len(1, 2)', lambda: len(1, 2))
attempt('hash()', lambda: hash())
attempt('id()', lambda: id())
attempt('repr()', lambda: repr())
attempt('bin()', lambda: bin())
attempt('ord()', lambda: ord())
attempt('callable()', lambda: callable())
attempt('any()', lambda: any())
attempt('all()', lambda: all())
attempt('min()', lambda: min())
attempt('delattr(1)', lambda: delattr(1))
attempt('issubclass(1)', lambda: issubclass(1))
attempt('[].append()', lambda: [].append())
attempt('[].append(1, 2)', lambda: [].append(1, 2))
attempt('[].insert(1)', lambda: [].insert(1))
attempt('[].index()', lambda: [].index())
attempt('[].count()', lambda: [].count())
attempt('[].remove()', lambda: [].remove())
attempt('[].extend()', lambda: [].extend())
attempt('{}.get()', lambda: {}.get())
attempt('{}.pop()', lambda: {}.pop())
attempt('{}.setdefault()', lambda: {}.setdefault())
attempt('{}.update(1, 2)', lambda: {}.update(1, 2))
attempt('"".join()', lambda: ''.join())
attempt('"".replace(1)', lambda: ''.replace(1))
attempt('"".center()', lambda: ''.center())
attempt('{1}.add()', lambda: {1}.add())
attempt('set().discard()', lambda: set().discard())


class I:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


data = [10, 20, 30, 40]
attempt('list[I(1)]', lambda: data[I(1)])
attempt('list[I(-1)]', lambda: data[I(-1)])
attempt('list[I(9)]', lambda: data[I(9)])
attempt('str[I(2)]', lambda: 'abcd'[I(2)])
attempt('tuple[I(0)]', lambda: (7, 8)[I(0)])
attempt('range[I(3)]', lambda: range(100, 200)[I(3)])
attempt('slice I', lambda: data[I(1):I(3)])
attempt('str["x"]', lambda: 'abc'['x'])
attempt('str[None]', lambda: 'abc'[None])
attempt('str[1.5]', lambda: 'abc'[1.5])
attempt('list["x"]', lambda: data['x'])
attempt('tuple[None]', lambda: (1,)[None])
attempt('range["x"]', lambda: range(3)['x'])


def setitem():
    a = [1, 2]
    a['k'] = 3


def setitem_index():
    a = [1, 2]
    a[I(0)] = 'first'
    return a


attempt('list["k"] = 3', setitem)
attempt('list[I(0)] = ...', setitem_index)


class Empty:
    pass


class OnlyMethod:
    def m(self, a):
        return a


class WithNew:
    def __new__(cls, *args):
        print('  __new__ got', args)
        return super().__new__(cls)


class MyInt(int):
    pass


class MyList(list):
    pass


attempt('Empty()', lambda: type(Empty()).__name__)
attempt('Empty(1)', lambda: Empty(1))
attempt('Empty(a=1)', lambda: Empty(a=1))
attempt('OnlyMethod(1, 2)', lambda: OnlyMethod(1, 2))
attempt('WithNew(1, 2)', lambda: type(WithNew(1, 2)).__name__)
attempt('MyInt(7)', lambda: MyInt(7) + 1)
attempt('MyList("ab")', lambda: MyList('ab'))
attempt('object(1)', lambda: object(1))
