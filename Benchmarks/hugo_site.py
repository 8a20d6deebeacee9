#!/usr/bin/env python3
"""Writes the Hugo comparison site for a generated rapport site.

For every customer in SITE/Content/customers.csv it merges the site's
newsletter (Content/newsletters/*.md, the first one) with the customer's
values in Python -- an approximation of rapport's merge: the same sections,
partials and computed values (first name, tenure, renewal, check-in cadence,
locale-formatted money), values escaped for Markdown -- so Hugo only has to
render Markdown through a layout, exactly one page per customer, at the same
path rapport uses (customers/<slug>/newsletters/<edition>/index.html).

It writes:
  OUT/                Hugo site: hugo.toml, layouts/_default/{baseof,single}.html
                      (the structure of rapport's base + newsletter layouts),
                      static/assets/, content/customers/<slug>/newsletters/<edition>.md
  MERGED/<slug>.md    the same merged Markdown without front matter, for cmark_limit

    python3 Benchmarks/hugo_site.py --site /tmp/bench-1k --out /tmp/hugo-1k --merged /tmp/merged-1k
    hugo --quiet --source /tmp/hugo-1k --destination /tmp/hugo-1k-out
"""
import argparse
import csv
import datetime
import json
import re
import shutil
import unicodedata
from pathlib import Path

TODAY = datetime.date(2026, 11, 26)
RENEWAL_WINDOW_DAYS, CHECKIN_CADENCE_DAYS, NEW_CUSTOMER_DAYS = 90, 45, 90
SENDER_COMPANY = "Northwind Analytics"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "SEK": "kr"}
PUNCTUATION = set("!#$%'()*+,-./:;=?@[\\]^_`{|}~")

BASEOF = """<!DOCTYPE html>
<html lang="{{ block "lang" . }}{{ site.LanguageCode }}{{ end }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{ hugo.Generator }}">
<title>{{ block "title" . }}{{ .Title }}{{ end }}</title>
<link rel="icon" href="{{ .Params.root }}assets/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{ .Params.root }}assets/site.css">
{{ block "head" . }}{{ end }}
</head>
<body class="{{ block "body_class" . }}page{{ end }}">
<a class="skip-link" href="#main">Skip to content</a>
{{ block "header" . }}
<header class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="{{ .Params.root }}index.html">
      <img class="brand__logo" src="{{ .Params.root }}assets/logo.svg" alt="" width="32" height="32">
      <span class="brand__name">{{ site.Title }}</span>
    </a>
  </div>
</header>
{{ end }}
<main id="main" class="main">
{{ block "main" . }}{{ end }}
</main>
{{ block "footer" . }}
<footer class="site-footer">
  <p>{{ site.Title }} · © {{ now.Year }} · Made with Hugo</p>
</footer>
{{ end }}
</body>
</html>
"""

SINGLE = """{{ define "lang" }}{{ .Params.locale }}{{ end }}
{{ define "title" }}{{ .Title }}{{ end }}
{{ define "head" }}
<meta name="description" content="{{ .Params.preheader }}">
{{ end }}
{{ define "body_class" }}page page--letter{{ end }}
{{ define "header" }}
<header class="letterhead">
  <div class="letterhead__inner">
    <span class="brand">
      <img class="brand__logo" src="{{ .Params.root }}assets/logo.svg" alt="" width="32" height="32">
      <span class="brand__name">{{ .Params.sender_company }}</span>
    </span>
    <nav class="site-nav" aria-label="Your account">
      <a href="{{ .Params.root }}{{ .Params.hub_url }}">Your account page</a>
    </nav>
  </div>
</header>
{{ end }}
{{ define "main" }}
<article class="letter" aria-labelledby="letter-subject">
  <p class="preheader">{{ .Params.preheader }}</p>
  <header class="letter__head">
    <h1 id="letter-subject" class="letter__subject">{{ .Params.subject }}</h1>
    <dl class="envelope">
      <div><dt>To</dt><dd class="recipient">{{ with .Params.contact_name }}<span>{{ . }}</span>{{ end }}<span>{{ .Params.customer_name }}</span></dd></div>
      <div><dt>From</dt><dd>{{ .Params.sender_name }}, {{ .Params.sender_company }}</dd></div>
      <div><dt>Date</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time></dd></div>
    </dl>
  </header>
  <div class="letter__body prose">
{{ .Content }}
  </div>
  <aside class="signature-card" aria-label="Your account manager">
    <p class="signature-card__label">Your account manager</p>
    <p class="signature-card__name">{{ .Params.sender_name }}</p>
    <p class="signature-card__company">{{ .Params.sender_company }}</p>
    <p class="signature-card__email"><a href="mailto:{{ .Params.sender_email }}">{{ .Params.sender_email }}</a></p>
  </aside>
</article>
{{ end }}
{{ define "footer" }}
<footer class="site-footer">
  <p>You receive this monthly check-in because {{ .Params.customer_name }} is a customer of {{ .Params.sender_company }}. Questions about this email? Write to <a href="mailto:{{ .Params.sender_email }}">{{ .Params.sender_email }}</a>.</p>
</footer>
{{ end }}
"""

CONFIG = """baseURL = "https://success.northwind.example/"
languageCode = "en-US"
title = "Northwind Success"
# One page per customer and nothing else: no home, lists, feeds or sitemaps.
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""


def escape(text):
    """Like rapport's MarkdownEscaping.escapeLiteral: values render literally."""
    out = []
    for char in " ".join(text.splitlines()):
        if char == "&": out.append("&amp;")
        elif char == "<": out.append("&lt;")
        elif char == ">": out.append("&gt;")
        elif char == '"': out.append("&quot;")
        elif char in PUNCTUATION: out.append("\\" + char)
        else: out.append(char)
    return "".join(out)


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def long_date(day):
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if day else ""


def money(amount, currency, locale):
    symbol = SYMBOLS.get(currency, currency + " ")
    if currency == "JPY":
        return f"{symbol}{round(amount):,}"
    grouped = f"{amount:,.2f}"
    if locale.startswith(("en", "ja")):
        return f"{symbol}{grouped}"
    if locale.startswith(("fr", "sv")):
        number = grouped.replace(",", "\u202f").replace(".", ",")
    else:
        number = grouped.replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{number}\u00a0{symbol}"


def completed_months(start, end):
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def tenure(start):
    months = completed_months(start, TODAY)
    plural = lambda n, unit: f"{n} {unit}{'' if n == 1 else 's'}"
    if months >= 12: return plural(months // 12, "year")
    if months >= 1: return plural(months, "month")
    return plural(max(0, (TODAY - start).days), "day")


def slug(identifier):
    text = unicodedata.normalize("NFKD", identifier).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def values_for(row):
    """The template values the newsletter uses, keyed by their Mustache names."""
    start, renewal, contact = (parse_date(row.get(key)) for key in ("start_date", "renewal_date", "last_contact"))
    first = (row.get("contact_name") or "").split()
    manager = row.get("account_manager") or "Northwind Customer Success"
    values = {
        "customer.first_name": first[0] if first else "there",
        "customer.name": row.get("name") or row.get("company", ""),
        "customer.plan": row.get("plan", ""),
        "customer.currency": row.get("currency", ""),
        "customer.mrr": money(float(row.get("mrr") or 0), row.get("currency", "USD"), row.get("locale", "en-US")),
        "customer.tenure": tenure(start) if start else "",
        "customer.start_date": long_date(start),
        "customer.renewal_date": long_date(renewal),
        "sender.name": manager,
        "sender.first_name": manager.split()[0],
        "sender.email": row.get("account_manager_email") or "success@northwind.example",
        "sender.company": SENDER_COMPANY,
    }
    flags = {
        "customer.is_new": bool(start) and 0 <= (TODAY - start).days <= NEW_CUSTOMER_DAYS,
        "customer.renewal_due": bool(renewal) and (renewal - TODAY).days <= RENEWAL_WINDOW_DAYS,
        "customer.due_for_checkin": not contact or (TODAY - contact).days > CHECKIN_CADENCE_DAYS,
    }
    if renewal: values["customer.days_to_renewal"] = str((renewal - TODAY).days)
    if contact: values["customer.days_since_contact"] = str((TODAY - contact).days)
    return values, flags


def split_front_matter(text):
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if value.strip() and not line.startswith((" ", "#")):
            fields[key.strip()] = value.strip().strip('"')
    return fields, text[match.end():]


def expand_partials(text, partials):
    return re.sub(r"\{\{>\s*([\w-]+)\s*\}\}", lambda m: partials[m.group(1)].rstrip("\n"), text)


def merge(template, values, flags):
    """A flat Mustache subset: standalone {{#x}}/{{^x}}/{{/x}} lines over booleans, then {{x}}."""
    out, stack = [], []
    for line in template.splitlines(keepends=True):
        tag = re.fullmatch(r"\{\{([#^/])\s*([\w.]+)\s*\}\}\n?", line)
        if tag:
            kind, name = tag.groups()
            if kind == "/":
                stack.pop()
            else:
                truthy = flags.get(name, bool(values.get(name)))
                stack.append(truthy if kind == "#" else not truthy)
            continue
        if all(stack):
            out.append(line)
    text = "".join(out)
    return re.sub(r"\{\{\{?\s*([\w.]+)\s*\}?\}\}", lambda m: escape(values.get(m.group(1), "")), text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True, help="a site written by generate_site.py")
    parser.add_argument("--out", required=True, help="the Hugo site to write")
    parser.add_argument("--merged", help="where the bare merged Markdown goes (default: OUT-merged)")
    args = parser.parse_args()
    site, out = Path(args.site), Path(args.out)
    merged = Path(args.merged) if args.merged else out.with_name(out.name + "-merged")
    for folder in (out, merged):
        if folder.exists():
            shutil.rmtree(folder)
    (out / "layouts" / "_default").mkdir(parents=True)
    merged.mkdir(parents=True)
    (out / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    (out / "layouts" / "_default" / "baseof.html").write_text(BASEOF, encoding="utf-8")
    (out / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    shutil.copytree(site / "Content" / "assets", out / "static" / "assets")

    newsletter = sorted((site / "Content" / "newsletters").glob("*.md"))[0]
    edition = newsletter.stem
    front, body = split_front_matter(newsletter.read_text(encoding="utf-8"))
    partials = {p.stem: p.read_text(encoding="utf-8") for p in (site / "Content" / "partials").glob("*.md")}
    body = expand_partials(body, partials)
    with open(site / "Content" / "customers.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            values, flags = values_for(row)
            markdown = merge(body, values, flags)
            name = slug(row["id"])
            (merged / f"{name}.md").write_text(markdown, encoding="utf-8")
            page = {
                "title": f"{front.get('title', edition)} — {values['customer.name']}",
                "subject": front.get("subject", ""), "preheader": front.get("preheader", ""),
                "date": front.get("date", TODAY.isoformat()), "locale": row.get("locale", "en-US"),
                "contact_name": row.get("contact_name", ""), "customer_name": values["customer.name"],
                "sender_name": values["sender.name"], "sender_email": values["sender.email"],
                "sender_company": SENDER_COMPANY, "root": "../../../../",
                "hub_url": f"customers/{name}/index.html",
            }
            folder = out / "content" / "customers" / name / "newsletters"
            folder.mkdir(parents=True)
            # JSON front matter: Hugo reads it natively and no value needs YAML quoting.
            (folder / f"{edition}.md").write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n" + markdown,
                                                  encoding="utf-8")


if __name__ == "__main__":
    main()
