#!/usr/bin/env bash
# Checks that the benchmark runs end to end on a 50-customer site, one run
# each, and writes its results. Not a measurement: the numbers are ignored.
#
#   Benchmarks/smoke-test.sh                               # builds rapport (release) first
#   RAPPORT=.build/release/rapport Benchmarks/smoke-test.sh  # times an existing binary
#
# Any extra arguments are passed to bench.sh (e.g. --no-hugo).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

args=(--customers 50 --runs 1 --work "$WORK/bench" --results "$WORK/results.tsv")
[ -n "${RAPPORT:-}" ] && args+=(--rapport "$RAPPORT")
"$ROOT/Benchmarks/bench.sh" "${args[@]}" "$@" > "$WORK/bench.log" 2>&1 || {
    echo "smoke-test: bench.sh failed:" >&2
    tail -30 "$WORK/bench.log" >&2
    exit 1
}
for measure in "rapport pages/s (all pages)" "cmark single-thread pages/s" "no-change / full (wall)" \
    "one-customer-changed / full (wall)"; do
    if ! grep -q "^50	$measure	" "$WORK/results.tsv"; then
        echo "smoke-test: results.tsv has no \"$measure\" row for 50 customers" >&2
        cat "$WORK/results.tsv" >&2
        exit 1
    fi
done
pages="$(awk -F'\t' '$2 == "rapport pages (all kinds)" { print $3 }' "$WORK/results.tsv")"
[ "$pages" -gt 50 ] || { echo "smoke-test: rapport built $pages pages for 50 customers" >&2; exit 1; }
echo "smoke-test: bench.sh ran on 50 customers ($pages rapport pages)"
