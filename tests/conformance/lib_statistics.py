# statistics: mean/median/mode/multimode, variance/stdev (exact sums, correctly
# rounded roots), fmean, geometric/harmonic means, quantiles, correlation, errors.
import statistics as st
from fractions import Fraction
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.mean([1, 2, 3]), st.mean([1, 2, 3, 4]), st.mean([1.5, 2.5, 3.5]), st.mean([Fraction(1, 2), Fraction(1, 3)]), st.mean([1, 2.5]))
print(st.median(data), st.median([3, 1, 2]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]), st.median([1.0, 3]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.mode(data), st.mode(['a', 'b', 'b']), st.multimode('aabbbccc'), st.multimode([]), st.mode([1, 1, 2, 2]))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]), st.pvariance([1, 2, 3, 4], mu=2.5), st.stdev([1, 2, 3]), st.pstdev([5]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]), round(st.geometric_mean([54, 24, 36]), 9), st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 11), n=10, method='inclusive'), st.quantiles([1, 5], n=2))
scores = [88, 92, 79, 93, 85, 91, 77, 95, 89, 84]
print(st.mean(scores), st.median(scores), round(st.stdev(scores), 4), st.quantiles(scores, n=4))
print(st.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.covariance([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.linear_regression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
for bad in [lambda: st.mean([]), lambda: st.median([]), lambda: st.stdev([1]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.quantiles([1])]:
    try:
        bad()
    except st.StatisticsError as e:
        print('StatisticsError', e, isinstance(e, ValueError))
