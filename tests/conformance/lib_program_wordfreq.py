from collections import Counter, defaultdict
from itertools import groupby
import json
import string

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness."""

table = {ord(c): None for c in string.punctuation}
words = TEXT.translate(table).lower().split()
freq = Counter(words)
print(freq.most_common(5))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(json.dumps(by_len, sort_keys=True))
print([(k, len(list(g))) for k, g in groupby(sorted(words, key=len), key=len)])
report = {'total': len(words), 'unique': len(freq), 'top': dict(freq.most_common(3))}
print(json.dumps(report, indent=2))
print(sum(freq.values()) == len(words), freq['was'], freq['nothing'])
