# Decimal with fractions (Fraction(Decimal), from_decimal, mixed comparisons) and
# statistics on Decimal data (mean, median, variance, stdev as Decimals).
from decimal import Decimal
from fractions import Fraction
import statistics, math, numbers
print(Fraction(Decimal('1.5')), Fraction.from_decimal(Decimal('0.125')), Fraction('1.5e2'))
print(isinstance(Decimal(1), numbers.Number), isinstance(Decimal(1), numbers.Real), isinstance(Fraction(1), numbers.Rational), isinstance(1, numbers.Integral))
print(statistics.mean([Decimal('1.5'), Decimal('2.5')]), statistics.median([Decimal('1'), Decimal('3')]))
print(math.floor(Decimal('2.7')), math.ceil(Decimal('2.1')), math.isclose(Decimal('1.0'), 1), float(Decimal('0.1')) == 0.1, math.sqrt(Decimal(4)))
print(Decimal(Fraction(1, 4).numerator) / 4, round(Decimal('1.2345'), 2), sum([Decimal('0.1')] * 3) == Decimal('0.3'), Decimal(10) ** -2)
print(max([Decimal('1.1'), 1, 1.05]), sorted([Decimal('0.5'), 0.25, Fraction(1, 3)]))
D = Decimal
data = [D('1.5'), D('2.25'), D('3'), D('4.75')]
print(statistics.mean(data), statistics.median(data), statistics.variance(data), statistics.stdev(data), statistics.pvariance(data), statistics.pstdev(data))
print(statistics.harmonic_mean([D('2')]), statistics.harmonic_mean([D('1'), D('4')]), statistics.median_low(data), statistics.mode([D('1'), D('1'), D('2')]))
print(statistics.mean([1, D('2.5')]), statistics.mean([Fraction(1, 2), Fraction(3, 4)]), statistics.variance([1, 2, 3, 4]), statistics.stdev([1.5, 2.5, 2.5]))
print(Fraction.from_decimal(D('-0.75')), Fraction.from_decimal(3), Fraction(D('2.5')) + 1)
try: Fraction.from_decimal(1.5)
except TypeError as e: print(e)
print(Fraction(1, 3) < D('0.5'), D('0.5') > Fraction(1, 3), D('0.5') == Fraction(1, 2), Fraction(1, 2) == D('0.5'))
