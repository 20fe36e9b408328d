# A list changed by the key function while it is sorted: it looks empty during the
# sort, the additions are dropped and ValueError is raised; the list stays sorted.
seen = []
lst = [5, 3, 1, 4]


def key(x):
    seen.append(len(lst))
    lst.append(0)
    return x


try:
    lst.sort(key=key)
except ValueError as e:
    print(e)
print(lst, seen)

lst2 = [2, 1]


def key2(x):
    lst2.extend([7, 8])
    return -x


try:
    lst2.sort(key=key2, reverse=True)
except ValueError as e:
    print(e)
print(lst2)

lst3 = [3, 2, 1]
print(lst3.sort(key=lambda x: len(lst3)), lst3)
