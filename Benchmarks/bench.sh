#!/usr/bin/env bash
# make bench: times rapport against Hugo and the libcmark-gfm limit on
# synthetic sites, and prints medians and ratios.
#
#   Benchmarks/bench.sh                          # 1,000 and 10,000 customers, 5 runs each
#   Benchmarks/bench.sh --large                  # also 100,000 customers (3 runs)
#   Benchmarks/bench.sh --customers "50" --runs 1 --work /tmp/b --rapport .build/release/rapport
#
# For each customer count it generates a site (Benchmarks/generate_site.py:
# customers, 15 months of metrics, notes, the sample's newsletter and Q4
# review), the matching Hugo site and merged Markdown (Benchmarks/hugo_site.py).
# Then, round after round through the sizes, it alternates runs of: a full
# rapport build into an emptied output folder, `hugo` (when installed), and
# cmark_limit (libcmark-gfm alone, one thread). Last it times rapport's
# no-change rebuild and its rebuild after one customer's row changed. Every run goes through /usr/bin/time -v
# (CPU time, peak RSS); wall time comes from the shell's clock.
#
# Results: a table on stdout, raw runs in WORK/raw.tsv, medians and ratios
# in the --results file (default WORK/results.tsv).
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    cat <<'USAGE'
Options:
  --customers "N ..."  customer counts (default "1000 10000")
  --large              add 100000 (3 runs unless --runs is given)
  --runs N             timed runs per tool and phase (default 5)
  --work DIR           scratch folder for sites and outputs (default /dev/shm/rapport-bench,
                       or /tmp/rapport-bench without /dev/shm); emptied first
  --rapport PATH       time this binary instead of building .build/release/rapport
  --results FILE       medians and ratios as TSV (default WORK/results.tsv)
  --no-hugo            skip Hugo even when it is installed
  --jobs N             passed to rapport build --jobs (default: rapport's own default)
USAGE
}

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CUSTOMERS="1000 10000"
LARGE=0
RUNS=""
WORK=""
RAPPORT=""
RESULTS=""
USE_HUGO=1
JOBS=()
TODAY=2026-11-26

while [ $# -gt 0 ]; do
    case "$1" in
        --customers) CUSTOMERS="$2"; shift 2 ;;
        --large) LARGE=1; shift ;;
        --runs) RUNS="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        --rapport) RAPPORT="$2"; shift 2 ;;
        --results) RESULTS="$2"; shift 2 ;;
        --no-hugo) USE_HUGO=0; shift ;;
        --jobs) JOBS=(--jobs "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
[ "$LARGE" = 1 ] && CUSTOMERS="$CUSTOMERS 100000"
if [ -z "$WORK" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK=/dev/shm/rapport-bench; else WORK=/tmp/rapport-bench; fi
fi
RESULTS="${RESULTS:-$WORK/results.tsv}"

for tool in python3 cc pkg-config /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is required" >&2; exit 1; }
done
if [ "$USE_HUGO" = 1 ] && ! command -v hugo >/dev/null; then
    echo "bench.sh: hugo is not installed; skipping the Hugo comparison (apt-get install hugo)" >&2
    USE_HUGO=0
fi

rm -rf "$WORK"
mkdir -p "$WORK"
RAW="$WORK/raw.tsv"
printf 'customers\ttool\tphase\trun\twall_s\tuser_s\tsys_s\tmax_rss_kb\tpages\n' > "$RAW"

# The binary is copied so a rebuild elsewhere during the run cannot change what is timed.
if [ -z "$RAPPORT" ]; then
    echo "== swift build -c release --product rapport"
    (cd "$ROOT" && swift build -c release --product rapport)
    RAPPORT="$ROOT/.build/release/rapport"
fi
cp "$RAPPORT" "$WORK/rapport"
RAPPORT="$WORK/rapport"
CLEAN=()
"$RAPPORT" build --help 2>&1 | grep -q -- '--clean' && CLEAN=(--clean)

echo "== cc -O2 Benchmarks/cmark_limit.c"
# shellcheck disable=SC2046
cc -O2 -o "$WORK/cmark_limit" "$ROOT/Benchmarks/cmark_limit.c" $(pkg-config --cflags --libs libcmark-gfm)

# timed TOOL PHASE RUN PAGES -- COMMAND...: runs COMMAND once and appends a row to raw.tsv.
# Sets LAST_OUT to its stdout+stderr.
timed() {
    local tool="$1" phase="$2" run="$3" pages="$4"
    shift 5
    local timefile="$WORK/time.txt" start end status=0
    start=$(date +%s%N)
    /usr/bin/time -v -o "$timefile" "$@" > "$WORK/last.out" 2>&1 || status=$?
    end=$(date +%s%N)
    LAST_OUT="$(cat "$WORK/last.out")"
    if [ "$status" != 0 ]; then
        echo "bench.sh: $tool ($phase) failed with status $status:" >&2
        tail -20 "$WORK/last.out" >&2
        exit 1
    fi
    [ "$pages" = "-" ] && pages="$(summary_pages)"
    awk -v n="$N" -v tool="$tool" -v phase="$phase" -v run="$run" -v pages="$pages" \
        -v wall="$(( (end - start) / 1000000 ))" -F': ' '
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
        END { printf "%s\t%s\t%s\t%s\t%.3f\t%s\t%s\t%s\t%s\n", n, tool, phase, run, wall / 1000, user, sys, rss, pages }
    ' "$timefile" >> "$RAW"
}

# Pages from rapport's summary line: "Built 1000 customers, 5003 pages, 0 warnings, 0.80 s"
# or "Up to date: 1000 customers, 5003 pages, 0 warnings, 5003 unchanged, 0.09 s".
summary_pages() {
    printf '%s\n' "$LAST_OUT" | sed -n 's/^[A-Za-z :]*[0-9]* customers\{0,1\}, \([0-9]*\) pages\{0,1\},.*/\1/p' | tail -1
}


# Rewrites one customer's mrr (the middle row) so exactly one record differs from the last build.
change_one_customer() {
    python3 - "$SITE/Content/customers.csv" "$1" <<'PY'
import csv, sys
path, run = sys.argv[1], int(sys.argv[2])
with open(path, newline="", encoding="utf-8") as handle:
    rows = list(csv.reader(handle))
row = rows[len(rows) // 2]
row[rows[0].index("mrr")] = f"{1000 + run}.{run % 100:02d}"
with open(path, "w", newline="", encoding="utf-8") as handle:
    csv.writer(handle).writerows(rows)
PY
}

echo "== machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$RAPPORT" --version
[ "$USE_HUGO" = 1 ] && hugo version

# runs_for N: timed runs per tool and phase at N customers.
runs_for() {
    echo "${RUNS:-$([ "$1" -ge 100000 ] && echo 3 || echo 5)}"
}

# use_size N: points N, SITE, OUT and the rest at the N-customer files.
use_size() {
    N="$1"
    SITE="$WORK/site-$N"; OUT="$WORK/out-$N"
    HUGO_SITE="$WORK/hugo-$N"; HUGO_OUT="$WORK/hugo-out-$N"
    MERGED="$WORK/merged-$N"; CMARK_OUT="$WORK/cmark-out-$N"
    BUILD=("$RAPPORT" build --site "$SITE" --output "$OUT" --today "$TODAY" "${JOBS[@]}")
    # Newsletter only: one edition, customer fields only (no notes, metrics or
    # reviews), the sample's layouts, as a new user's first site is.
    NL_SITE="$WORK/nl-site-$N"; NL_OUT="$WORK/nl-out-$N"
    NL_HUGO_SITE="$WORK/nl-hugo-$N"; NL_HUGO_OUT="$WORK/nl-hugo-out-$N"
    NL_BUILD=("$RAPPORT" build --site "$NL_SITE" --output "$NL_OUT" --today "$TODAY" "${JOBS[@]}")
    # The same newsletter as one email per customer (rapport outbox).
    NL_OUTBOX="$WORK/nl-outbox-$N"
    OUTBOX=("$RAPPORT" outbox --site "$NL_SITE" --out "$NL_OUTBOX" --today "$TODAY" "${JOBS[@]}")
}

for N in $CUSTOMERS; do
    use_size "$N"
    echo "== $N customers: generating sites"
    python3 "$ROOT/Benchmarks/generate_site.py" --customers "$N" --out "$SITE"
    python3 "$ROOT/Benchmarks/hugo_site.py" --site "$SITE" --out "$HUGO_SITE" --merged "$MERGED"
    python3 "$ROOT/Benchmarks/generate_site.py" --customers "$N" --out "$NL_SITE" --no-metrics --no-notes --no-reviews
    python3 "$ROOT/Benchmarks/hugo_site.py" --site "$NL_SITE" --out "$NL_HUGO_SITE" --merged "$WORK/nl-merged-$N"
    # Warm-up (untimed): the build must succeed with no errors, and it fills the
    # page cache. Skipped at 100,000 customers, where it would take as long as a
    # timed run; a failing timed run stops the benchmark just the same.
    if [ "$N" -lt 100000 ]; then
        rm -rf "$OUT"
        if ! "${BUILD[@]}" > "$WORK/warmup.out" 2>&1; then
            echo "bench.sh: rapport build of the $N-customer site failed:" >&2
            tail -20 "$WORK/warmup.out" >&2
            exit 1
        fi
        grep ' customers\{0,1\}, ' "$WORK/warmup.out" | tail -1 | sed 's/^/   rapport: /'
    fi
done

# Full builds go round the sizes as well as the tools: the machine's load
# drifts over minutes, and cost per customer is compared across sizes, so
# each size must see the same load as the others (the linearity check
# failed once when the load rose between the 1,000 and 10,000 blocks).
MOST_RUNS=0
for N in $CUSTOMERS; do
    R="$(runs_for "$N")"
    [ "$R" -gt "$MOST_RUNS" ] && MOST_RUNS="$R"
done
echo "== full builds: up to $MOST_RUNS rounds of each size, alternating rapport, Hugo and cmark-gfm, then the newsletter-only pair and its outbox"
for run in $(seq 1 "$MOST_RUNS"); do
    for N in $CUSTOMERS; do
        [ "$run" -le "$(runs_for "$N")" ] || continue
        use_size "$N"
        rm -rf "$OUT"
        timed rapport full "$run" - -- "${BUILD[@]}" "${CLEAN[@]}"
        if [ "$USE_HUGO" = 1 ]; then
            rm -rf "$HUGO_OUT"
            # Pages Hugo wrote the round before (the customers, the first time);
            # kept in a file, as macOS's bash 3 has no associative arrays.
            HUGO_PAGES="$(cat "$WORK/hugo-pages-$N" 2>/dev/null || echo "$N")"
            timed hugo full "$run" "$HUGO_PAGES" -- hugo --quiet --source "$HUGO_SITE" --destination "$HUGO_OUT"
            find "$HUGO_OUT" -name '*.html' | wc -l | tr -d ' ' > "$WORK/hugo-pages-$N"
        fi
        rm -rf "$CMARK_OUT"
        timed cmark full "$run" "$N" -- "$WORK/cmark_limit" "$MERGED" "$CMARK_OUT"
        rm -rf "$NL_OUT"
        timed rapport newsletter "$run" - -- "${NL_BUILD[@]}" "${CLEAN[@]}"
        if [ "$USE_HUGO" = 1 ]; then
            rm -rf "$NL_HUGO_OUT"
            timed hugo newsletter "$run" "$N" -- hugo --quiet --source "$NL_HUGO_SITE" --destination "$NL_HUGO_OUT"
        fi
        if "$RAPPORT" outbox --help >/dev/null 2>&1; then
            rm -rf "$NL_OUTBOX"
            timed rapport outbox "$run" "$N" -- "${OUTBOX[@]}"
        fi
    done
done

for N in $CUSTOMERS; do
    use_size "$N"
    R="$(runs_for "$N")"
    echo "== $N customers: $R no-change rebuilds, $R one-customer-changed rebuilds"
    for run in $(seq 1 "$R"); do
        timed rapport nochange "$run" - -- "${BUILD[@]}"
    done
    cp "$SITE/Content/customers.csv" "$WORK/customers.csv.orig"
    for run in $(seq 1 "$R"); do
        change_one_customer "$run"
        timed rapport onechange "$run" - -- "${BUILD[@]}"
    done
    cp "$WORK/customers.csv.orig" "$SITE/Content/customers.csv"
    du -sh "$OUT" | sed 's/^/   rapport output: /'
done

echo "== load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$ROOT/Benchmarks/bench_report.py" "$RAW" "$RESULTS"
echo "Raw runs: $RAW"
echo "Medians and ratios: $RESULTS"
