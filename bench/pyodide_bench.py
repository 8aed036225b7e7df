"""Benchmark the Python widget in Chromium and print a table.

    .venv/bin/python bench/pyodide_bench.py [--site site] [--runs 5]

Measures, for the built site (`make site` first):
- bytes transferred before the first result (cold cache, over http; and what gzip would make of them);
- cold boot to first result, median of --runs, over http and from file:// (a fresh browser
  context each time: no cache, no compiled-wasm cache);
- first result on a warm browser cache (http: the same context, page reloaded);
- a warm query's latency (click to answer on the page, and inside the worker);
- the longest main-thread task between clicking Run and the first result (PerformanceObserver
  "longtask"), the measure of "the page never freezes".

Times are taken in the page (performance.now() at the click and when the answer lands), not
around Playwright calls. The machine is shared: run it when it is quiet, and read medians.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
QUERY = "len(articles)"
GOALS = {"cold": 6.0, "warm-cache": 3.0, "file": 10.0, "query": 0.1}

# Installed before any page script: the click time, the time the first answer lands, and long tasks.
PROBE = """
window.__bench = {longtasks: [], clicks: [], dones: []};
try {
  new PerformanceObserver(list => list.getEntries().forEach(e => window.__bench.longtasks.push([e.startTime, e.duration])))
    .observe({type: "longtask", buffered: true});
} catch (e) {}
document.addEventListener("click", e => {
  if (e.target.closest && e.target.closest(".py-run")) window.__bench.clicks.push(performance.now());
}, true);
new MutationObserver(records => {
  for (const r of records) if (r.target.classList.contains("py-entry")) window.__bench.dones.push(performance.now());
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-done"]});
"""


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that counts the bytes it sends, per path."""

    sent: dict[str, int] = {}
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript"}

    def copyfile(self, source, outputfile) -> None:  # noqa: ANN001 (http.server's signature)
        data = source.read()
        outputfile.write(data)
        path = self.path.split("?", 1)[0]
        self.sent[path] = self.sent.get(path, 0) + len(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str, type[CountingHandler]]:
    handler = type("Handler", (CountingHandler,), {"sent": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", handler


def first_result(page, url: str) -> dict:
    """Open the widget, press Run, wait for the answer; the page's own timings."""
    page.goto(url)
    page.fill(".py-editor", QUERY)
    page.click(".py-run")
    page.wait_for_selector(".py-entry[data-done]", timeout=300_000)
    probe = page.evaluate("window.__bench")
    if page.get_attribute(".py-entry", "data-done") != "ok":
        raise SystemExit(f"the query failed: {page.inner_text('.py-entry')}")
    click, done = probe["clicks"][0], probe["dones"][0]
    booting = [d for start, d in probe["longtasks"] if click - 50 <= start <= done]
    phases = json.loads(page.get_attribute("[data-lode-widget]", "data-boot-phases") or "{}")
    return {"seconds": (done - click) / 1000, "longest": max(booting, default=0.0), "phases": phases}


def query_latency(page, repeats: int = 20) -> tuple[float, float]:
    """Median click-to-answer time on the page, and inside the worker, for a booted widget."""
    worker_times = []
    for _ in range(repeats):
        count = page.locator(".py-entry").count()
        page.fill(".py-editor", QUERY)
        page.click(".py-run")
        page.wait_for_function(
            "n => { const e = document.querySelectorAll('.py-entry'); return e.length > n && e[e.length - 1].hasAttribute('data-done'); }",
            arg=count)
        meta = page.locator(".py-entry").last.locator(".py-meta").inner_text()
        worker_times.append(float(meta.split(" in ")[1].split(" ms")[0]) / 1000)
    probe = page.evaluate("window.__bench")
    page_times = [(done - click) / 1000 for click, done in zip(probe["clicks"][-repeats:], probe["dones"][-repeats:], strict=True)]
    return statistics.median(page_times), statistics.median(worker_times)


def longtasks_observed(page) -> bool:
    """Check the probe itself: a 120 ms busy loop must show up as a long task."""
    # Inside a task of the page's own (a busy loop run directly by evaluate() is not reported as one).
    page.evaluate("() => new Promise(r => setTimeout(() => { const t = performance.now(); while (performance.now() - t < 120) {} r(); }))")
    page.wait_for_timeout(200)
    return any(duration >= 100 for _, duration in page.evaluate("window.__bench.longtasks"))


def megabytes(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: ./site)")
    parser.add_argument("--runs", type=int, default=5, help="cold boots per mode (default: 5)")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "python.html").is_file():
        print(f"{site}/python.html is missing: build the site first (make site)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    server, base, handler = serve(site)
    results: dict[str, list[dict]] = {"http": [], "file": [], "warm-cache": []}
    transferred: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        version = browser.version
        for run in range(args.runs):
            for mode in ("http", "file"):
                context = browser.new_context()
                context.add_init_script(PROBE)
                page = context.new_page()
                handler.sent.clear()
                url = (base if mode == "http" else site.as_uri() + "/") + "python.html"
                results[mode].append(first_result(page, url))
                if mode == "http" and run == 0:
                    transferred = dict(handler.sent)
                    latency = query_latency(page)
                    # Warm browser cache: the same context, the page opened again.
                    for _ in range(args.runs):
                        results["warm-cache"].append(first_result(page, url))
                if mode == "file" and run == 0:
                    file_latency = query_latency(page)
                    probe_works = longtasks_observed(page)
                context.close()
                print(f"  run {run + 1} {mode}: {results[mode][-1]['seconds']:.2f} s", file=sys.stderr)
        browser.close()
    server.shutdown()

    total = sum(transferred.values())
    gzipped = sum(len(gzip.compress((site / path.lstrip("/")).read_bytes(), 6)) for path in transferred
                  if (site / path.lstrip("/")).is_file())
    median = {mode: statistics.median(r["seconds"] for r in rows) for mode, rows in results.items()}
    longest = {mode: max(r["longest"] for r in rows) for mode, rows in results.items()}
    articles = sum(1 for _ in (site / "articles").glob("*.html"))

    rows = [
        ("bytes transferred before the first result", megabytes(total), "-", "(http.server sends them uncompressed)"),
        ("  the same, gzip-compressed (what a compressing host sends)", megabytes(gzipped), "-", ""),
        (f"cold boot to first result, median of {args.runs}", f"{median['http']:.2f} s", f"{median['file']:.2f} s",
         f"goal: http {GOALS['cold']:.0f} s, file:// {GOALS['file']:.0f} s"),
        (f"first result on a warm browser cache, median of {args.runs}", f"{median['warm-cache']:.2f} s", "n/a",
         f"goal: {GOALS['warm-cache']:.0f} s (file:// has no cache)"),
        ("warm query latency, click to answer (median of 20)", f"{latency[0] * 1000:.0f} ms", f"{file_latency[0] * 1000:.0f} ms",
         f"goal: < {GOALS['query'] * 1000:.0f} ms"),
        ("  of which inside the worker", f"{latency[1] * 1000:.0f} ms", f"{file_latency[1] * 1000:.0f} ms", ""),
        ("longest main-thread task, click to first result (max)", f"{longest['http']:.0f} ms", f"{longest['file']:.0f} ms",
         "0 = no task over 50 ms" if probe_works else "(long-task probe did not work: not measured)"),
    ]
    print(f"\nLode Python widget: Chromium {version}, {articles} articles, query {QUERY!r}, site {site}")
    widths = [max(len(row[i]) for row in rows + [("measure", "http", "file://", "")]) for i in range(4)]
    header = ("measure", "http", "file://", "")
    for row in [header, tuple("-" * w for w in widths)] + rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    print("\nwhere a cold boot's time goes, inside the worker (median ms; the rest is loading the page's scripts):")
    for mode in ("http", "file", "warm-cache"):
        names = list(results[mode][0]["phases"])
        cells = [f"{name} {statistics.median(r['phases'].get(name, 0) for r in results[mode]):.0f}" for name in names]
        print(f"  {mode:<10}  " + ", ".join(cells))
    print("\nbytes by file (http, cold):")
    for path, size in sorted(transferred.items(), key=lambda item: -item[1]):
        print(f"  {megabytes(size):>8}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
