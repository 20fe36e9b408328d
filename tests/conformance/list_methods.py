# list methods.
a = [3, 1, 4]
a.append(1); print(a)
a.extend([5, 9]); print(a)
a.extend("ab"); print(a)
a.extend(range(2)); print(a)
a.insert(0, "first"); print(a)
a.insert(100, "last"); print(a)
a.insert(-1, "penult"); print(a)
a.insert(-100, "zero"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(1), a.index(4), a.count(1), a.count("zz"), a.index(5, 2), len(a))
b = a.copy(); b.clear(); print(a, b)
n = [5, 2, 8, 1, 9, 3]
n.sort(); print(n)
n.sort(reverse=True); print(n)
n.reverse(); print(n)
w = ["banana", "Apple", "cherry", "date", "Fig", "elderberry"]
w.sort(); print(w)
w.sort(key=str.lower); print(w)
w.sort(key=len); print(w)
w.sort(key=len, reverse=True); print(w)
w.sort(key=lambda s: (len(s), s)); print(w)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
pairs.sort(key=lambda p: p[0]); print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True); print(pairs)
print(sorted(pairs), pairs.sort() is None)
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1, 2].index(3), lambda: [1].pop(5)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError", "not supported between" in str(e))  # operand order is a sort detail
c = [1, 2, 3]
d = c
d += [4]
print(c, d is c)
d = d + [5]
print(c, d, d is c)
e = [0] * 3
e[1] = 7
print(e, [[]] * 2, [1, 2] * 0, 2 * [3])
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"x": 1}))
print([1, 2] + [3], [1, [2, [3, []]]], len([[], []]))
