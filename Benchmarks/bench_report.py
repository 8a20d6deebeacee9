#!/usr/bin/env python3
"""Turns bench.sh's raw runs into medians, ratios and a verdict per target.

    python3 Benchmarks/bench_report.py RAW.tsv RESULTS.tsv

RAW.tsv has one row per timed run (customers, tool, phase, run, wall_s,
user_s, sys_s, max_rss_kb, pages). RESULTS.tsv gets one row per measure:
customers, measure, value, target, verdict ("pass", "FAIL" or "-").
"""
import csv
import statistics
import sys
from collections import defaultdict

MIB = 1024.0


def load(path):
    groups = defaultdict(list)
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            groups[(int(row["customers"]), row["tool"], row["phase"])].append(row)
    return groups


def summarise(rows):
    wall = statistics.median(float(r["wall_s"]) for r in rows)
    cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rows)
    rss = statistics.median(int(r["max_rss_kb"]) for r in rows) / MIB
    pages = statistics.median(int(r["pages"]) for r in rows if r["pages"])
    return {"runs": len(rows), "wall": wall, "cpu": cpu, "rss": rss, "pages": int(pages),
            "pps": pages / wall if wall else float("inf")}


def main():
    raw, out = sys.argv[1], sys.argv[2]
    groups = load(raw)
    stats = {key: summarise(rows) for key, rows in groups.items()}
    counts = sorted({key[0] for key in stats})

    print()
    header = f"{'customers':>9}  {'tool':<8}{'phase':<10}{'runs':>4}{'pages':>8}{'wall s':>9}{'cpu s':>9}{'pages/s':>9}{'cpu ms/pg':>10}{'peak MiB':>9}"
    print(header)
    print("-" * len(header))
    order = [("rapport", "full"), ("hugo", "full"), ("cmark", "full"), ("rapport", "newsletter"), ("hugo", "newsletter"),
             ("rapport", "outbox"), ("rapport", "nochange"), ("rapport", "onechange")]
    for n in counts:
        for tool, phase in order:
            s = stats.get((n, tool, phase))
            if not s:
                continue
            print(f"{n:>9}  {tool:<8}{phase:<10}{s['runs']:>4}{s['pages']:>8}{s['wall']:>9.3f}{s['cpu']:>9.3f}"
                  f"{s['pps']:>9.0f}{1000 * s['cpu'] / max(s['pages'], 1):>10.3f}{s['rss']:>9.1f}")

    results = []  # (customers, measure, value, target, verdict)

    def record(n, measure, value, target=None, ok=None, fmt="{:.2f}"):
        verdict = "-" if ok is None else ("pass" if ok else "FAIL")
        results.append((n, measure, fmt.format(value), target or "-", verdict))

    for n in counts:
        full = stats.get((n, "rapport", "full"))
        if not full:
            continue
        hugo, cmark = stats.get((n, "hugo", "full")), stats.get((n, "cmark", "full"))
        newsletters_per_s = n / full["wall"]
        record(n, "rapport pages (all kinds)", full["pages"], fmt="{}")
        record(n, "rapport pages/s (all pages)", full["pps"], fmt="{:.0f}")
        record(n, "rapport newsletters/s (customers / full-build wall)", newsletters_per_s, fmt="{:.0f}")
        record(n, "rapport full wall s", full["wall"], fmt="{:.3f}")
        record(n, "rapport full cpu s", full["cpu"], fmt="{:.3f}")
        record(n, "rapport cpu ms per page", 1000 * full["cpu"] / full["pages"], fmt="{:.3f}")
        record(n, "rapport cpu ms per customer", 1000 * full["cpu"] / n, fmt="{:.3f}")
        record(n, "rapport peak MiB", full["rss"], "<= 256 at 100000", full["rss"] <= 256 if n >= 100000 else None, "{:.1f}")
        if hugo:
            record(n, "hugo pages/s", hugo["pps"], fmt="{:.0f}")
            record(n, "hugo peak MiB", hugo["rss"], fmt="{:.1f}")
            record(n, "rapport pages/s / hugo pages/s", full["pps"] / hugo["pps"], ">= 4", full["pps"] / hugo["pps"] >= 4)
            record(n, "rapport newsletters/s / hugo pages/s", newsletters_per_s / hugo["pps"])
        if cmark:
            limit = 2 * cmark["pps"]
            record(n, "cmark single-thread pages/s", cmark["pps"], fmt="{:.0f}")
            record(n, "two-core cmark limit pages/s", limit, fmt="{:.0f}")
            record(n, "rapport pages/s / two-core limit", full["pps"] / limit, ">= 0.5", full["pps"] / limit >= 0.5)
            record(n, "rapport newsletters/s / two-core limit", newsletters_per_s / limit)
        nl, nl_hugo = stats.get((n, "rapport", "newsletter")), stats.get((n, "hugo", "newsletter"))
        if nl:
            record(n, "newsletter-only rapport wall s", nl["wall"], fmt="{:.3f}")
            record(n, "newsletter-only rapport peak MiB", nl["rss"], fmt="{:.1f}")
        if nl and nl_hugo:
            ratio = nl["wall"] / nl_hugo["wall"]
            record(n, "newsletter-only hugo wall s", nl_hugo["wall"], fmt="{:.3f}")
            record(n, "newsletter-only rapport wall / hugo wall", ratio, "<= 0.25 at 10000", ratio <= 0.25 if n >= 10000 else None, "{:.3f}")
        outbox = stats.get((n, "rapport", "outbox"))
        if outbox and nl:
            ratio = outbox["wall"] / nl["wall"]
            record(n, "outbox wall s (one email per customer)", outbox["wall"], fmt="{:.3f}")
            record(n, "outbox peak MiB", outbox["rss"], fmt="{:.1f}")
            record(n, "outbox wall / newsletter-only build wall", ratio, "<= 1", ratio <= 1, "{:.3f}")
        for phase, label in [("nochange", "no-change"), ("onechange", "one-customer-changed")]:
            s = stats.get((n, "rapport", phase))
            if s:
                ratio = s["wall"] / full["wall"]
                record(n, f"{label} rebuild wall s", s["wall"], fmt="{:.3f}")
                record(n, f"{label} rebuild peak MiB", s["rss"], fmt="{:.1f}")
                record(n, f"{label} / full (wall)", ratio, "<= 0.05" if phase == "nochange" else None,
                       ratio <= 0.05 if phase == "nochange" else None, "{:.3f}")

    # Linear cost: CPU per customer should not grow with the number of customers.
    per_customer = [(n, stats[(n, "rapport", "full")]["cpu"] / n) for n in counts if (n, "rapport", "full") in stats]
    if len(per_customer) >= 2:
        (small, base), (large, top) = per_customer[0], per_customer[-1]
        growth = top / base
        record(large, f"cpu per customer at {large} / at {small}", growth, "<= 1.25 (linear)", growth <= 1.25)

    print()
    width = max(len(r[1]) for r in results) if results else 10
    for n, measure, value, target, verdict in results:
        line = f"{n:>9}  {measure:<{width}}  {value:>10}"
        if target != "-":
            line += f"   target {target}: {verdict}"
        print(line)
    with open(out, "w", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["customers", "measure", "value", "target", "verdict"])
        writer.writerows(results)


if __name__ == "__main__":
    main()
