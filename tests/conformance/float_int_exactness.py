# int / int is the correctly rounded quotient, also for ints beyond 2**53;
# NaN against ints of any size is unordered (only != holds).
print(repr((2**53 + 1) / 3))
print(repr(1 / (2**53 + 1)))
print(repr((2**64 + 3) / (2**11 + 1)))
print(repr(-(2**60 + 7) / 3), repr((2**53 + 1) / -1))
print(repr(10**30 / 7), repr(7 / 10**30))
nan = float('nan')
for big in (2**47, 2**63, 2**70, -2**100):
    print(nan > big, nan < big, nan >= big, nan <= big, nan == big, nan != big)
    print(big > nan, big < nan, big == nan, big != nan)
print(max(2**70, nan), min(nan, 2**70))
print(float('inf') > 2**1000, -float('inf') < -2**1000, 2**1000 < float('inf'))
try:
    print(2**2000 / 3)
except OverflowError as e:
    print('OverflowError', e)
