#!/usr/bin/env python3
"""Preview latency: save -> reload event -> page served, as a user meets it.

Starts `rapport serve` on a synthetic site (generate_site.py), opens one
customer's newsletter through a real server-sent-events client (the
stream the page's reload script opens, with its ?page=), then, RUNS times:
appends a unique line to the newsletter, waits for the reload event on
that stream, fetches the page and checks the line is in it. Prints each
latency and the median; the target is at most 200 ms at 10,000 and at
100,000 customers.

Usage: preview_latency.py --rapport .build/release/rapport --customers 10000 [--runs 10] [--work DIR]
"""
import argparse
import http.client
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def events(port, page, out):
    """Reads the event stream, putting (time, event, data) on `out`."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
    connection.request("GET", "/_rapport/events?page=" + urllib.request.quote(page))
    response = connection.getresponse()
    event = None
    while True:
        line = response.fp.readline()
        if not line:
            return
        line = line.decode().rstrip("\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            out.put((time.perf_counter(), event, int(line[6:])))


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
        return response.read().decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rapport", required=True)
    parser.add_argument("--customers", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--work", default="/dev/shm/rapport-latency")
    args = parser.parse_args()

    site = Path(args.work) / f"site-{args.customers}"
    if not (site / "rapport.yml").exists():
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/generate_site.py"), "--customers", str(args.customers), "--out", str(site)],
                       check=True, stdout=subprocess.DEVNULL)
    newsletter = next(sorted((site / "Content/newsletters").glob("*.md")).__iter__())
    original = newsletter.read_text(encoding="utf-8")
    page = f"/customers/c-{100000 + args.customers // 2}/newsletters/{newsletter.stem}/"
    port = free_port()
    log = open(Path(args.work) / f"serve-{args.customers}.log", "w")
    started = time.perf_counter()
    server = subprocess.Popen([args.rapport, "serve", "--site", str(site), "--port", str(port), "--today", "2026-11-26"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                fetch(port, page)
                break
            except Exception:
                if server.poll() is not None:
                    sys.exit("rapport serve stopped; see " + log.name)
                time.sleep(0.5)
        print(f"{args.customers} customers: serving after {time.perf_counter() - started:.1f} s (first build)")
        stream = queue.Queue()
        threading.Thread(target=events, args=(port, page, stream), daemon=True).start()
        _, event, generation = stream.get(timeout=30)
        assert event == "hello"
        latencies = []
        for run in range(args.runs + 1):
            marker = f"Latency probe {run} {time.time_ns()}"
            saved = time.perf_counter()
            newsletter.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while True:
                at, event, data = stream.get(timeout=600)
                if event == "reload" and data > generation:
                    generation = data
                    break
            body = fetch(port, page)
            served = time.perf_counter()
            assert marker in body, f"run {run}: the page served after the reload lacks the edit"
            if run == 0:
                # The first save also loads the site into memory, if serve had not yet.
                print(f"  warm-up save: {1000 * (served - saved):.0f} ms")
            else:
                latencies.append(1000 * (served - saved))
                print(f"  run {run}: save -> reload event {1000 * (at - saved):.0f} ms, -> page served {latencies[-1]:.0f} ms")
            time.sleep(1.0)
        median = statistics.median(latencies)
        print(f"{args.customers} customers: median {median:.0f} ms (min {min(latencies):.0f}, max {max(latencies):.0f}) over {len(latencies)} saves;"
              f" target <= 200 ms: {'pass' if median <= 200 else 'FAIL'}")
    finally:
        newsletter.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
