# word_freq: string and dict work. Generates deterministic text (a linear congruential
# generator picks words), then normalises it with str methods and counts words in a dict.
# scale: default=1500000 smoke=2000
import sys

WORDS = (
    "the quick brown fox jumps over lazy dog memory frugal runtime python "
    "interpreter bytecode register ledger category object reference count cycle "
    "collector shape attribute lookup function frame generator closure module "
    "string dictionary list tuple integer float benchmark native compile parse"
).split()

PUNCT = [",", ".", ";", ":", "!", "?", ""]


def make_text(n_words, seed):
    state = seed
    lines = []
    line = []
    for i in range(n_words):
        state = (state * 1103515245 + 12345) % 2147483648
        w = WORDS[(state >> 8) % len(WORDS)]
        if (state >> 4) % 5 == 0:
            w = w.upper()
        elif (state >> 4) % 7 == 0:
            w = w[0].upper() + w[1:]
        w = w + PUNCT[(state >> 12) % len(PUNCT)]
        if (state >> 16) % 9 == 0:
            w = "  " + w + "\t"
        line.append(w)
        if len(line) == 12:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    pairs = {}
    total = 0
    for line in text.split("\n"):
        line = line.lower()
        for p in PUNCT[:-1]:
            line = line.replace(p, " ")
        prev = ""
        for word in line.split():
            word = word.strip()
            if not word:
                continue
            total += 1
            counts[word] = counts.get(word, 0) + 1
            if prev:
                key = prev + " " + word
                pairs[key] = pairs.get(key, 0) + 1
            prev = word
    return total, counts, pairs


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
    text = make_text(n, 42)
    total, counts, pairs = count_words(text)
    print(f"words {total}, distinct {len(counts)}, distinct pairs {len(pairs)}, chars {len(text)}")
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    for word, c in top:
        print(f"{word:>12} {c}")
    top_pairs = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    for pair, c in top_pairs:
        print(f"{pair:>24} {c}")


main()
