#!/usr/bin/env python3
"""Writes a deterministic synthetic rapport site with N customers.

The site reuses the sample's rapport.yml, Layouts/, partials, assets and
newsletter, and replaces Content/customers.csv with N generated rows (same
columns, several locales and currencies, a fixed-seed random mix of plans,
health scores and dates), so benchmark runs are repeatable.

    python3 Benchmarks/generate_site.py --customers 10000 --out /tmp/bench-10k
"""
import argparse
import csv
import random
import shutil
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


def date(rng, start_year, end_year):
    return f"{rng.randint(start_year, end_year):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "Content").mkdir(parents=True)
    shutil.copy(ROOT / "rapport.yml", out / "rapport.yml")
    shutil.copytree(ROOT / "Layouts", out / "Layouts")
    for folder in ["newsletters", "partials", "assets"]:
        shutil.copytree(ROOT / "Content" / folder, out / "Content" / folder)
    header = ["id", "name", "contact_name", "email", "company", "plan", "account_manager",
              "account_manager_email", "locale", "currency", "start_date", "renewal_date", "mrr",
              "health_score", "nps", "last_contact", "region", "industry"]
    with open(out / "Content" / "customers.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for index in range(args.customers):
            locale, currency = LOCALES[index % len(LOCALES)]
            manager, manager_email = MANAGERS[rng.randrange(len(MANAGERS))]
            company = f"{rng.choice(WORDS)} {rng.choice(KINDS)} {index + 1}"
            first, last = rng.choice(FIRST), rng.choice(LAST)
            writer.writerow([
                f"C-{100000 + index}", company, f"{first} {last}",
                f"{first.lower()}.{index}@customer{index}.example", f"{company} Ltd",
                rng.choice(["starter", "pro", "enterprise"]), manager, manager_email, locale, currency,
                date(rng, 2019, 2026), date(rng, 2026, 2028), f"{rng.randint(50, 20000)}.{rng.randint(0, 99):02d}",
                str(rng.randint(20, 100)), str(rng.randint(-50, 90)), date(rng, 2026, 2026),
                rng.choice(["EU", "US", "APAC"]), rng.choice(["Retail", "Health", "Logistics", "Software"]),
            ])


if __name__ == "__main__":
    main()
