#!/usr/bin/env bash
# Times one site built in N shards (rapport build --shard K/N, the N
# processes at once) and then merged (rapport merge), against one rapport
# build of the same site, on a synthetic site (Benchmarks/generate_site.py).
#
#   Benchmarks/shards.sh                                  # 10,000 customers, N = 1 2 4, 3 runs
#   Benchmarks/shards.sh --customers 1000 --shards "2" --runs 1
#
# Per run and N: every output folder is emptied first (nothing to reuse);
# "shards" is the wall time from starting the N processes to the last one
# ending, "merge" the merge after it, "alone" shard 1/N by itself on the
# whole machine (what one machine of N would take). Medians go to stdout,
# every run to WORK/shards.tsv. Each merged site is compared with the
# one-machine build (diff -r) once, so the figures are of a correct merge.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CUSTOMERS=10000
SHARDS="1 2 4"
RUNS=3
WORK=""
RAPPORT=""
TODAY=2026-11-26

while [ $# -gt 0 ]; do
    case "$1" in
        --customers) CUSTOMERS="$2"; shift 2 ;;
        --shards) SHARDS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        --rapport) RAPPORT="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "shards.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
if [ -z "$WORK" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK=/dev/shm/rapport-shards-bench; else WORK=/tmp/rapport-shards-bench; fi
fi
rm -rf "$WORK"
mkdir -p "$WORK"
if [ -z "$RAPPORT" ]; then
    (cd "$ROOT" && swift build -c release --product rapport)
    RAPPORT="$ROOT/.build/release/rapport"
fi
# Copied so a rebuild elsewhere during the run cannot change what is timed.
cp "$RAPPORT" "$WORK/rapport"
RAPPORT="$WORK/rapport"
SITE="$WORK/site"
python3 "$ROOT/Benchmarks/generate_site.py" --customers "$CUSTOMERS" --out "$SITE" > /dev/null
TSV="$WORK/shards.tsv"
printf 'customers\tshards\trun\tphase\twall_s\n' > "$TSV"

now() { date +%s%N; }
record() { # N RUN PHASE START END
    awk -v c="$CUSTOMERS" -v n="$1" -v r="$2" -v p="$3" -v w="$(( ($5 - $4) / 1000000 ))" \
        'BEGIN { printf "%s\t%s\t%s\t%s\t%.3f\n", c, n, r, p, w / 1000 }' >> "$TSV"
}

for run in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/whole"
    start=$(now)
    "$RAPPORT" build --site "$SITE" --output "$WORK/whole" --today "$TODAY" --quiet
    record 1 "$run" one-machine "$start" "$(now)"
    for n in $SHARDS; do
        rm -rf "$WORK/shard-"* "$WORK/merged" "$WORK/alone"
        start=$(now)
        pids=()
        for k in $(seq 1 "$n"); do
            "$RAPPORT" build --site "$SITE" --output "$WORK/shard-$k" --shard "$k/$n" --today "$TODAY" --quiet &
            pids+=($!)
        done
        for pid in "${pids[@]}"; do wait "$pid"; done
        middle=$(now)
        folders=()
        for k in $(seq 1 "$n"); do folders+=("$WORK/shard-$k"); done
        "$RAPPORT" merge --site "$SITE" --today "$TODAY" --quiet "$WORK/merged" "${folders[@]}"
        end=$(now)
        record "$n" "$run" shards "$start" "$middle"
        record "$n" "$run" merge "$middle" "$end"
        record "$n" "$run" shards+merge "$start" "$end"
        if [ "$run" = 1 ]; then
            diff -r "$WORK/whole" "$WORK/merged" > /dev/null || { echo "shards.sh: the merge of $n shards differs from one build" >&2; exit 1; }
        fi
        start=$(now)
        "$RAPPORT" build --site "$SITE" --output "$WORK/alone" --shard "1/$n" --today "$TODAY" --quiet
        record "$n" "$run" alone "$start" "$(now)"
    done
done

echo "medians of $RUNS runs, $CUSTOMERS customers, $(nproc) cores (wall seconds):"
python3 - "$TSV" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
groups = {}
for row in rows:
    groups.setdefault((int(row["shards"]), row["phase"]), []).append(float(row["wall_s"]))
print("shards\tphase\tmedian_s\truns")
for (n, phase), walls in sorted(groups.items()):
    print(f"{n}\t{phase}\t{statistics.median(walls):.2f}\t{' '.join(f'{w:.2f}' for w in walls)}")
PY
