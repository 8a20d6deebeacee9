#!/usr/bin/env bash
# Measures how long `rapport build` takes on generated sites of 1,000 and
# 10,000 customers (or the sizes given as arguments):
#
#   full        rapport build --clean          every page rendered
#   no change   rapport build                  nothing changed since the last build
#   one change  rapport build                  one customer's MRR edited before each run
#
# Each figure is the median of RUNS (default 5) runs of the release binary,
# timed by hyperfine, with sites and outputs on /dev/shm so the disk does not
# count. Prints a table; hyperfine's JSON stays in the work folder.
#
#   Benchmarks/rebuild-times.sh              # 1000 and 10000 customers
#   RUNS=10 Benchmarks/rebuild-times.sh 500  # 500 customers, 10 runs each
#
# Needs python3 and hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/rapport-rebuild-times}
TODAY=2026-11-26
BIN=.build/release/rapport
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

if ! command -v hyperfine >/dev/null; then
    echo "hyperfine is not installed: apt-get install hyperfine (Debian/Ubuntu) or brew install hyperfine" >&2
    exit 1
fi
if [ "$RUNS" -lt 5 ]; then
    echo "RUNS must be at least 5 for a meaningful median" >&2
    exit 1
fi

swift build -c release --product rapport
mkdir -p "$WORK"

for size in "${SIZES[@]}"; do
    site="$WORK/site-$size"
    out="$WORK/out-$size"
    counter="$WORK/counter-$size"
    rm -rf "$out"
    python3 Benchmarks/generate_site.py --customers "$size" --out "$site"
    build=("$BIN" build --site "$site" --output "$out" --today "$TODAY")
    printf -v command '%q ' "${build[@]}"
    echo "== $size customers: $("${build[@]}" --clean)"

    # The first data row's MRR (the number after renewal_date) gets a new
    # value before every run, so each run has exactly one changed customer.
    echo 0 >"$counter"
    printf -v edit 'n=$(( $(cat %q) + 1 )); echo "$n" > %q; sed -i "2s/\\(,[0-9]\\{4\\}-[0-9][0-9]-[0-9][0-9],\\)[0-9.]*,/\\1$((1000 + n)).00,/" %q' \
        "$counter" "$counter" "$site/Content/customers.csv"

    hyperfine --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/full-$size.json" \
        --command-name "full --clean" "$command --clean"
    hyperfine --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/nochange-$size.json" \
        --command-name "no change" "$command"
    hyperfine --runs "$RUNS" --warmup 1 --style basic --export-json "$WORK/onechange-$size.json" \
        --prepare "$edit" --command-name "one changed customer" "$command"

    # What the last one-change run did, to show that it reused the rest.
    sh -c "$edit"
    echo "one changed customer: $("${build[@]}")"
done

python3 - "$WORK" "${SIZES[@]}" <<'EOF'
import json
import statistics
import sys

work, sizes = sys.argv[1], sys.argv[2:]
kinds = [("full", "full --clean"), ("nochange", "no change"), ("onechange", "one changed customer")]

def seconds(size, kind):
    with open(f"{work}/{kind}-{size}.json") as handle:
        times = json.load(handle)["results"][0]["times"]
    return statistics.median(times), min(times), max(times), len(times)

print()
print(f"{'customers':>10} | " + " | ".join(f"{label:>30}" for _, label in kinds))
print("-" * 11 + "+" + "+".join("-" * 32 for _ in kinds))
for size in sizes:
    cells = []
    for kind, _ in kinds:
        median, low, high, runs = seconds(size, kind)
        cells.append(f"{median:8.3f} s ({low:.3f}-{high:.3f}, n={runs})")
    print(f"{int(size):>10} | " + " | ".join(f"{cell:>30}" for cell in cells))
print("\nMedian wall time of the release binary; range and run count in brackets.")
EOF
