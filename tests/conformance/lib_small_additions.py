import collections
print(collections.abc.Mapping, isinstance({}, collections.abc.MutableMapping), issubclass(list, collections.abc.Sequence))
import operator
print(operator.ior({1}, {2}), operator.ipow(2, 3), operator.call(len, "ab"), operator.itruediv(1, 2), operator.imod(7, 3))
print(operator.iand(6, 3), operator.ifloordiv(7, 2), operator.ilshift(1, 4), operator.irshift(32, 2), operator.ixor(5, 1))
l = [1]
print(operator.iconcat(l, [2]) is l, l, operator.call(max, 1, 5, key=lambda v: -v))
import time, sys
print(type(time.perf_counter_ns()).__name__, time.monotonic_ns() >= 0, type(time.thread_time()).__name__)
print(sys.getdefaultencoding(), sys.float_repr_style, sys.hexversion >> 16 == 0x030b)
