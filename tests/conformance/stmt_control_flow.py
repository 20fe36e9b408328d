# if/elif/else, while/else, for/else, break, continue, pass.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 10, 99)])
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        pass
    print("while", i)
else:
    print("while-else ran, i =", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
else:
    print("not printed")
print("after break i =", i)
for x in range(3):
    print("for", x)
else:
    print("for-else ran")
for x in range(10):
    if x == 2:
        break
else:
    print("not printed")
print("broke at", x)
for x in []:
    print("never")
else:
    print("empty for-else")
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([4, 5, 6], 5)
find([4, 5, 6], 7)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print("pair", i, j)
n = 0
while n < 3:
    n += 1
    for k in range(10):
        if k == n:
            break
    else:
        print("inner else")
    print("outer", n, k)
count = 0
while count < 10:
    count += 1
    if count % 2:
        continue
    if count == 8:
        break
print("count", count)
if []:
    print("no")
elif {}:
    print("no")
elif 0.0:
    print("no")
else:
    print("all falsy")
x = 5
if x:
    if x > 3:
        print("nested true")
for ch in "hi":
    pass
print("loop var survives:", ch, x)
r = [v for v in range(5)]
while r:
    print(r.pop(), end=" ")
print()
