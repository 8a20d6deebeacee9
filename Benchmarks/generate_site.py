#!/usr/bin/env python3
"""Writes a deterministic synthetic rapport site with N customers.

The site reuses the sample's rapport.yml, Layouts/, partials, assets,
newsletter and Q4 2026 review, and replaces the records with generated ones:
Content/customers.csv with N rows (same columns, several locales and
currencies, a fixed-seed random mix of plans, health scores and dates),
Content/metrics.csv with 15 months (2025-10 to 2026-12) of four metrics for
every customer, and Content/notes/<id>.md for about 80% of customers. The
same arguments always give the same bytes, so benchmark runs are repeatable.

    python3 Benchmarks/generate_site.py --customers 10000 --out /tmp/bench-10k
    python3 Benchmarks/generate_site.py --customers 50 --out /tmp/s --no-notes --no-metrics
"""
import argparse
import csv
import random
import re
import shutil
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = [("en-US", "USD"), ("en-GB", "GBP"), ("de-DE", "EUR"), ("fr-FR", "EUR"),
           ("nl-NL", "EUR"), ("es-ES", "EUR"), ("ja-JP", "JPY"), ("sv-SE", "SEK")]
MANAGERS = [("Maya Lindqvist", "maya.lindqvist@northwind.example"),
            ("Jonas Becker", "jonas.becker@northwind.example"),
            ("Priya Raman", "priya.raman@northwind.example"),
            ("Tomás Herrera", "tomas.herrera@northwind.example")]
FIRST = ["Ada", "Jörg", "Mei", "Olu", "Sara", "Liam", "Noor", "Kenji", "Inès", "Erik", "Lucía", "Tariq"]
LAST = ["Lovelace", "Müller", "Tanaka", "Okafor", "Nilsson", "Garcia", "Haddad", "Dubois", "Smith", "Kowalski"]
WORDS = ["Northern", "Blue", "Summit", "Harbor", "Cedar", "Atlas", "Quartz", "Maple", "Orbit", "Lumen",
         "Kestrel", "Willow", "Granite", "Coral", "Sable", "Aurora"]
KINDS = ["Analytics", "Dental", "Freight", "Bakery", "Labs", "Outfitters", "Design", "Robotics", "Clinic", "Studio"]
HEADER = ["id", "name", "contact_name", "email", "company", "plan", "account_manager",
          "account_manager_email", "locale", "currency", "start_date", "renewal_date", "mrr",
          "health_score", "nps", "last_contact", "region", "industry"]

# Metrics: 2025-10 .. 2026-12, wide form, the sample's four columns.
MONTHS = [f"{2025 + (9 + i) // 12}-{(9 + i) % 12 + 1:02d}" for i in range(15)]
METRICS = ["active_users", "reports_created", "scheduled_exports", "support_tickets"]

# Notes: sentences to draw from, in the sample notes' voice.
GOALS = ["Cut the weekly reporting pack from hours of manual work to minutes",
         "Give every regional manager their own dashboard before spring",
         "Send reports in the team's own language",
         "See weekly sell-through by collection for the February launch",
         "Onboard the finance team and retire the old spreadsheets",
         "Automate the month-end close report",
         "Share a live dashboard with the board every quarter"]
WINS = ["The new dashboard went live on 3 November and the whole team used it in its first week",
        "Reports created rose steadily through the quarter",
        "The weekly pack now builds itself every Monday at 06:00",
        "Training for the store managers took place on 10 October as planned",
        "Scheduled exports ran on time every day in December",
        "Active users reached a new high in November"]
ISSUES = ["On 28 November the main dashboard took 10 to 15 seconds to load at peak traffic.",
          "Your October invoice went to an old billing address.",
          "Support replies took three to four working days in November.",
          "Our EU region was down for 2 hours 40 minutes on 21 October.",
          "Chart axis labels are still in English with another language switched on.",
          "Some scheduled exports arrived up to six hours late on 12 November."]
COMMITMENTS = ["Set up the automated Monday pack before Black Friday",
               "Run a dashboard design workshop in October",
               "Raise the export row limit to 500,000 rows",
               "A monthly check-in call",
               "Translated PDF exports by the end of September",
               "A named support contact for your team"]
BODY = ["A solid quarter overall. The dashboards did what the team needed, and the slow mornings were ours to fix, not yours to work around.",
        "On the export limit: we shipped part of what we promised rather than all of it, because larger exports were timing out in testing. I will confirm the date for the rest as soon as engineering has it.",
        "For next quarter, the question is how to roll out more dashboards without many slightly different copies to maintain. Let's decide together on the review call.",
        "Two things I want to say plainly: we underestimated the work, and we should have told you sooner. From now on you will hear about delays from me first."]


def date(rng, start_year, end_year):
    return f"{rng.randint(start_year, end_year):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def ascii_local_part(name):
    """"Lucía" -> "lucia": addresses stay ASCII, as mail without SMTPUTF8 needs
    (rapport outbox refuses internationalised addresses)."""
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in "-_"))


def customer_rows(count, seed):
    """The customers.csv rows; the draw order is unchanged so older sites stay byte-identical."""
    rng = random.Random(seed)
    for index in range(count):
        locale, currency = LOCALES[index % len(LOCALES)]
        manager, manager_email = MANAGERS[rng.randrange(len(MANAGERS))]
        company = f"{rng.choice(WORDS)} {rng.choice(KINDS)} {index + 1}"
        first, last = rng.choice(FIRST), rng.choice(LAST)
        yield [
            f"C-{100000 + index}", company, f"{first} {last}",
            f"{ascii_local_part(first)}.{index}@customer{index}.example", f"{company} Ltd",
            rng.choice(["starter", "pro", "enterprise"]), manager, manager_email, locale, currency,
            date(rng, 2019, 2026), date(rng, 2026, 2028), f"{rng.randint(50, 20000)}.{rng.randint(0, 99):02d}",
            str(rng.randint(20, 100)), str(rng.randint(-50, 90)), date(rng, 2026, 2026),
            rng.choice(["EU", "US", "APAC"]), rng.choice(["Retail", "Health", "Logistics", "Software"]),
        ]


def write_metrics(path, ids, seed, with_issues):
    # Separate generators keep customers.csv independent of --metrics / --notes.
    rng = random.Random(seed * 7919 + 1)
    september, december = MONTHS.index("2026-09"), MONTHS.index("2026-12")
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["customer_id", "month"] + METRICS)
        for customer_id in ids:
            users = rng.randint(3, 400)
            growth = rng.uniform(-0.03, 0.05)
            rows = []
            for _ in MONTHS:
                users = max(1, round(users * (1 + growth + rng.uniform(-0.02, 0.02))))
                rows.append([users, users * rng.randint(2, 4) + rng.randint(0, 20),
                             users // rng.randint(2, 3) + rng.randint(0, 5), rng.randint(0, 9)])
            if customer_id not in with_issues:
                # A quarter that got worse needs an issue in the notes (rapport warns
                # otherwise), so customers without one end Q4 no worse than Q3.
                before, after = rows[september], rows[december]
                for column in range(3):
                    after[column] = max(after[column], before[column])
                after[3] = min(after[3], before[3])
            for month, values in zip(MONTHS, rows):
                writer.writerow([customer_id, month] + values)


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_notes(folder, ids, seed):
    """Writes the notes files; returns the ids whose notes record at least one issue."""
    with_issues = set()
    rng = random.Random(seed * 104729 + 2)
    folder.mkdir(parents=True, exist_ok=True)
    for customer_id in ids:
        if rng.random() >= 0.8:
            continue
        lines = ["---"]
        for key, pool, lo in [("goals", GOALS, 1), ("wins", WINS, 0)]:
            picks = rng.sample(pool, rng.randint(lo, 3))
            if picks:
                lines.append(f"{key}:")
                lines += [f"  - {yaml_quote(text)}" for text in picks]
        issues = rng.sample(ISSUES, rng.randint(0, 3))
        if issues:
            with_issues.add(customer_id)
            lines.append("issues:")
            for text in issues:
                lines += [f"  - text: {yaml_quote(text)}", f"    status: {rng.choice(['open', 'resolved', 'resolved'])}"]
        commitments = rng.sample(COMMITMENTS, rng.randint(0, 3))
        if commitments:
            lines.append("commitments:")
            for text in commitments:
                lines += [f"  - text: {yaml_quote(text)}",
                          f"    status: {rng.choice(['met', 'met', 'missed', 'changed', 'open'])}"]
        if rng.random() < 0.5:
            lines.append(f"last_contact: 2026-{rng.randint(9, 11):02d}-{rng.randint(1, 25):02d}")
        lines.append("---")
        body = rng.sample(BODY, rng.randint(1, 2))
        (folder / f"{customer_id}.md").write_text("\n".join(lines) + "\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return with_issues


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--metrics", action=argparse.BooleanOptionalAction, default=True,
                        help="write Content/metrics.csv (15 months, 4 metrics per customer)")
    parser.add_argument("--notes", action=argparse.BooleanOptionalAction, default=True,
                        help="write Content/notes/<id>.md for about 80%% of customers")
    parser.add_argument("--reviews", action=argparse.BooleanOptionalAction, default=True,
                        help="copy the sample's Content/reviews/")
    args = parser.parse_args()
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "Content").mkdir(parents=True)
    settings = (ROOT / "rapport.yml").read_text(encoding="utf-8")
    if not args.metrics:
        settings = re.sub(r"(?m)^\s*(#.*\n\s*)?metrics:.*\n", "", settings)
    (out / "rapport.yml").write_text(settings, encoding="utf-8")
    shutil.copytree(ROOT / "Layouts", out / "Layouts")
    folders = ["newsletters", "partials", "assets"] + (["reviews"] if args.reviews else [])
    for folder in folders:
        shutil.copytree(ROOT / "Content" / folder, out / "Content" / folder)
    ids = []
    with open(out / "Content" / "customers.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in customer_rows(args.customers, args.seed):
            ids.append(row[0])
            writer.writerow(row)
    with_issues = write_notes(out / "Content" / "notes", ids, args.seed) if args.notes else set()
    if args.metrics:
        write_metrics(out / "Content" / "metrics.csv", ids, args.seed, with_issues)


if __name__ == "__main__":
    main()
