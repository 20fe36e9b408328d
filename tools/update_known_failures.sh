#!/usr/bin/env bash
# Drop programs that now pass from tests/conformance/known_failures.txt (never adds).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p lethe --tests >/dev/null 2>&1 || { echo "build failed; list unchanged"; exit 1; }
known=tests/conformance/known_failures.txt
# Re-run treating every program as expected-to-pass, to learn the current failures.
mv "$known" "$known.bak"
touch "$known"
now=$(LETHE_LIST_FAILURES=1 cargo test --release -p lethe --test conformance -- --nocapture 2>/dev/null | sed -n 's/^FAIL \([a-z_0-9]*\) (.*/\1/p' | sort -u || true)
grep -xF -f <(printf '%s\n' $now) "$known.bak" > "$known" || true
rm "$known.bak"
echo "known failures: $(wc -l < "$known")"
printf 'new failures not in the list (fix these):\n'; comm -13 <(sort "$known") <(printf '%s\n' $now | sort) || true
