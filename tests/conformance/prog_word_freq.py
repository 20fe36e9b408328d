# Realistic: word frequency count over a text.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
def words(s):
    out = []
    cur = []
    for ch in s.lower():
        if ch.isalpha() or ch == "'":
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out
ws = words(text)
print(len(ws), len(set(ws)))
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in top[:8]:
    print(f"{w:>12} {n:3d} {'#' * n}")
print([w for w, n in top if n == 1])
by_len = {}
for w in set(ws):
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(i, len(line), len(line.split()), line.split(",")[0].strip())
longest = max(set(ws), key=lambda w: (len(w), w))
print("longest:", longest, "first 'season' at", ws.index("season"), "count of 'of':", ws.count("of"))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print("".join(sorted(letters, key=lambda c: (-letters[c], c)))[:10])
print(sum(letters.values()), " ".join(f"{c}={letters[c]}" for c in "aeiou"))
