# statistics.NormalDist: construction, cdf/pdf/inv_cdf, arithmetic, overlap,
# quantiles, zscore, samples with a seed, errors.
from statistics import NormalDist, StatisticsError
iq = NormalDist(100, 15)
print(iq, repr(iq), iq.mean, iq.median, iq.mode, iq.stdev, iq.variance)
print(round(iq.cdf(130), 10), round(iq.pdf(100), 10), round(iq.inv_cdf(0.9), 10))
print([round(q, 6) for q in iq.quantiles()], [round(q, 4) for q in iq.quantiles(n=10)])
print(round(iq.zscore(121), 10), round(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), 10))
print(iq + 5, iq - 10, iq * 2, iq / 3, 5 + iq, -iq, +iq)
print(NormalDist(1, 2) + NormalDist(3, 4), NormalDist(1, 2) - NormalDist(3, 4))
print(iq == NormalDist(100, 15), iq == NormalDist(100, 16), hash(iq) == hash(NormalDist(100, 15)))
fit = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(fit, round(fit.mean, 10), round(fit.stdev, 10))
print([round(x, 6) for x in NormalDist(0, 1).samples(5, seed=42)])
print(NormalDist(), NormalDist(mu=3), NormalDist(sigma=2).stdev)
for bad in [lambda: NormalDist(0, -1), lambda: iq.inv_cdf(1.0), lambda: iq.inv_cdf(0),
            lambda: NormalDist(0, 0).pdf(1), lambda: NormalDist.from_samples([1]),
            lambda: NormalDist(0, 0).zscore(1), lambda: iq.overlap(5)]:
    try:
        print(bad())
    except (StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
