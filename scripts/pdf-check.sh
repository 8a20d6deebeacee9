#!/bin/sh
# Prints rapport's print pages (Output/print/**/*.html) to PDF with WeasyPrint
# and checks them: no WeasyPrint warning or error (unsupported CSS, a
# resource it could not load), at least one page, and, with --name, that
# name on every page (the running header).
#
#   scripts/pdf-check.sh [--name "Acme Analytics"] [--keep DIR] FILE.html...
#
# Prints "FILE: N pages" for each file; exits 1 when any check fails.
# Needs the Debian packages weasyprint and poppler-utils (installed here
# with apt-get when run as root).
set -eu

usage() {
    echo "usage: $0 [--name TEXT] [--keep DIR] FILE.html..." >&2
    exit 2
}

name=""
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --name) [ $# -ge 2 ] || usage; name="$2"; shift 2 ;;
        --name=*) name="${1#--name=}"; shift ;;
        --keep) [ $# -ge 2 ] || usage; keep="$2"; shift 2 ;;
        --keep=*) keep="${1#--keep=}"; shift ;;
        -h|--help) usage ;;
        --) shift; break ;;
        -*) echo "unknown option: $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || usage

missing=""
for tool in weasyprint pdfinfo pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing weasyprint and poppler-utils with apt-get (missing:$missing)..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq weasyprint poppler-utils >/dev/null ||
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq weasyprint poppler-utils >/dev/null; }
    else
        echo "missing:$missing. Install them: sudo apt-get install weasyprint poppler-utils" >&2
        echo "(Homebrew: brew install weasyprint poppler)" >&2
        exit 1
    fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-pdf-check.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
if [ -n "$keep" ]; then mkdir -p "$keep"; fi

failed=0
index=0
for file in "$@"; do
    index=$((index + 1))
    if [ ! -f "$file" ]; then
        echo "$file: no such file" >&2
        failed=1
        continue
    fi
    pdf="$work/$index.pdf"
    log="$work/$index.log"
    if ! weasyprint "$file" "$pdf" 2>"$log"; then
        echo "$file: weasyprint failed:" >&2
        sed 's/^/    /' "$log" >&2
        failed=1
        continue
    fi
    if grep -E 'WARNING|ERROR' "$log" >/dev/null; then
        echo "$file: weasyprint reported problems:" >&2
        grep -E 'WARNING|ERROR' "$log" | sed 's/^/    /' >&2
        failed=1
    fi
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages:[[:space:]]*//p')
    pages=${pages:-0}
    echo "$file: $pages pages"
    if [ "$pages" -eq 0 ]; then
        echo "$file: the PDF has no pages" >&2
        failed=1
    fi
    if [ -n "$name" ]; then
        page=1
        while [ "$page" -le "$pages" ]; do
            # Lines joined, so a name the header wraps still matches.
            if ! pdftotext -f "$page" -l "$page" "$pdf" - | tr '\n' ' ' | grep -F -- "$name" >/dev/null; then
                echo "$file: page $page does not show \"$name\"" >&2
                failed=1
            fi
            page=$((page + 1))
        done
    fi
    if [ -n "$keep" ]; then
        cp "$pdf" "$keep/$(basename "$file" .html).pdf"
    fi
done
exit "$failed"
