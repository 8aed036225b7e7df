#!/usr/bin/env python3
"""Search benchmark: Lode's sharded lunr index against Pagefind, on the same synthetic corpora.

    .venv/bin/python bench/search_bench.py                   # 100, 1,000 and 10,000 articles (slow: ~10 min)
    .venv/bin/python bench/search_bench.py --sizes 100,1000  # quicker

For each size it generates a corpus (bench/synthetic.py: ~630-word articles and their named
entities), builds Lode's search files (extract/search.py, no cache) and a Pagefind index of the
same articles and entity pages (`pagefind[extended]` from PyPI, requirements-dev.txt), serves
both from 127.0.0.1 and measures in Chromium:

  build s          the index build alone (Lode: fold + lunr.py + shards + records; Pagefind: its CLI)
  index            what the index takes on the server (Lode: manifest, shards and records;
                   Pagefind: its whole bundle), raw and gzipped
  first query      a reader's first search in a fresh browser: every byte it fetches (code,
                   index, the shown results' records) raw and gzipped (already-compressed
                   Pagefind files count as they are), and the time from submitting it until
                   the results are ready: Lode on its search page, the box focused TYPING ms
                   before (Lode starts its engine on focus), also "cold" (submitted the moment
                   the box is focused) and from disk; Pagefind through its API, loading the top
                   10 results' data. The median over the queries below (and the maximum)
  query ms         the same queries again once their data is loaded: median and 95th percentile
  long task ms     (Lode) the longest main-thread task during a first query

Bytes are counted from the files served: http.server does not compress, so "gzip" is what a host
that compresses (Netlify, GitHub Pages) would send.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import Corpus, generate  # noqa: E402
from extract.model import SiteConfig  # noqa: E402
from extract.pipeline import TEMPLATES  # noqa: E402
from extract.render import render_site  # noqa: E402
from extract.search import LUNR_PATH, WORKER_PATH, search_files  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
OUT = ROOT / "bench" / "out" / "search"
QUERIES = ("copper", "gold mine", "wednesday", "money", "investment agreement", "project", "government", "{entity}")
WARM_RUNS = 10
TYPING = 400  # ms between focusing the box and submitting a query: a short word, typed quickly

# Lode is measured through its own search page (search.html and search.js, as readers use it): the
# box is focused (which starts the engine's worker and loads the manifest) and the query submitted,
# at once ("cold") or TYPING ms later; the time runs from the submission until the results are on the
# page: up to 5 names and 10 articles, each with its record loaded and a snippet around the matches.
LODE_QUERY = """async ([query, fresh, typing]) => {
  const input = document.querySelector('#search-q'), status = document.querySelector('.search-status');
  if (fresh) window.longest = 0;
  if (typing) { // focus first, and type for `typing` ms: the engine starts meanwhile, as it does for readers
    input.focus();
    await new Promise((resolve) => setTimeout(resolve, typing));
  }
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (/match|can’t|too broad|not available/.test(status.textContent)) { observer.disconnect(); resolve(); }
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
  status.textContent = '';
  const start = performance.now();
  input.focus();
  input.value = query;
  input.form.requestSubmit();
  await done;
  return { ms: performance.now() - start, total: Number((status.textContent.match(/^(\\d+) article/) || [0, 0])[1]) };
}"""
LONG_TASKS = """window.longest = 0;
new PerformanceObserver((list) => list.getEntries().forEach((entry) => { window.longest = Math.max(window.longest, entry.duration); }))
  .observe({ type: 'longtask' });"""

PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>Pagefind search bench</title>
<script>
var pagefind = null;
async function firstQuery(query) {
  var start = performance.now();
  pagefind = await import("./pagefind/pagefind.js");
  var search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 10).map(function (result) { return result.data(); }));
  return { ms: performance.now() - start, total: search.results.length };
}
async function warmQuery(query) {
  var start = performance.now();
  var search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 10).map(function (result) { return result.data(); }));
  return { ms: performance.now() - start, total: search.results.length };
}
</script>
"""


@dataclass
class Row:
    docs: int
    engine: str
    build_s: float
    index_raw: int
    index_gzip: int
    first_raw: list[int] = field(default_factory=list)
    first_gzip: list[int] = field(default_factory=list)
    first_ms: list[float] = field(default_factory=list)
    first_file_ms: list[float] = field(default_factory=list)
    cold_ms: list[float] = field(default_factory=list)
    warm_ms: list[float] = field(default_factory=list)
    long_task_ms: list[float] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)


def gzip_size(data: bytes) -> int:
    """What a compressing server sends (level 6); files already compressed are sent as they are."""
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def write(folder: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)


def build_lode(corpus: Corpus, folder: Path) -> Row:
    started = time.perf_counter()
    files = search_files(corpus.articles, corpus.entities, cache=None)
    seconds = time.perf_counter() - started
    index = {path: data for path, data in files.items() if path not in (LUNR_PATH, WORKER_PATH)}
    # The search page and its scripts (the pages the results link to are left out: not measured).
    write(folder, files | render_site((), (), SiteConfig(title="Bench"), TEMPLATES))
    return Row(len(corpus.articles), "Lode (lunr.js, shards)", seconds, sum(map(len, index.values())),
               sum(gzip_size(data) for data in index.values()))


def pagefind_pages(corpus: Corpus) -> dict[str, bytes]:
    """The same documents as pages: each article (title, source, body) and each entity (name, aliases)."""
    pages = {}
    for article in corpus.articles:
        body = "".join(f"<p>{html.escape(block.text)}</p>" for block in article.blocks)
        pages[article.path] = (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(article.title)}</title>"
            f"<main data-pagefind-body><h1>{html.escape(article.title)}</h1><p>{html.escape(article.source or '')} "
            f"{article.date}</p>{body}</main></html>"
        ).encode()
    for entity in corpus.entities:
        pages[entity.path] = (
            f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(entity.name)}</title>"
            f"<main data-pagefind-body><h1>{html.escape(entity.name)}</h1>"
            f"<p>{html.escape(', '.join(entity.aliases))}</p></main></html>"
        ).encode()
    return pages


def build_pagefind(corpus: Corpus, folder: Path) -> Row:
    write(folder, pagefind_pages(corpus))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", "pagefind", "--silent"],
                   check=True)
    seconds = time.perf_counter() - started
    bundle = [path for path in (folder / "pagefind").rglob("*") if path.is_file()]
    (folder / "bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    return Row(len(corpus.articles), "Pagefind 1.5.2", seconds, sum(path.stat().st_size for path in bundle),
               sum(gzip_size(path.read_bytes()) for path in bundle))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any real host
    disable_nagle_algorithm = True  # or headers and body wait on each other's ACK (40 ms a response)
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def measure(browser, base: str, folder: Path, row: Row, queries: list[str]) -> None:
    lode = "Lode" in row.engine
    for query in queries:
        context = browser.new_context()  # a fresh cache: a reader's first search
        page = context.new_page()
        if lode:
            page.add_init_script(LONG_TASKS)
        page.goto(base + ("search.html" if lode else "bench.html"))
        page.wait_for_load_state("load")
        fetched: list[str] = []
        page.on("requestfinished", lambda request, fetched=fetched: fetched.append(request.url))
        first = page.evaluate(LODE_QUERY, [query, True, TYPING]) if lode else page.evaluate("firstQuery", query)
        page.wait_for_timeout(50)  # let the last requestfinished events arrive
        files = [folder / unquote(urlsplit(url).path).lstrip("/") for url in fetched if url.startswith("http")]
        row.first_raw.append(sum(path.stat().st_size for path in files))
        row.first_gzip.append(sum(gzip_size(path.read_bytes()) for path in files))
        row.first_ms.append(first["ms"])
        row.totals[query] = first["total"]
        if lode:
            row.long_task_ms.append(page.evaluate("window.longest"))
        for run in range(WARM_RUNS):
            # A different string each time (trailing spaces), so that nothing answers from a memo.
            again = query + " " * (run % 2 + 1)
            row.warm_ms.append((page.evaluate(LODE_QUERY, [again, False, 0]) if lode else page.evaluate("warmQuery", again))["ms"])
        context.close()
        if lode:  # submitted the moment the box is focused; and opened from disk (Pagefind cannot be)
            for url, times in ((base + "search.html", row.cold_ms), ((folder / "search.html").as_uri(), row.first_file_ms)):
                context = browser.new_context()
                page = context.new_page()
                page.goto(url)
                page.wait_for_load_state("load")
                times.append(page.evaluate(LODE_QUERY, [query, True, 0 if times is row.cold_ms else TYPING])["ms"])
                context.close()


def kb(values: list[int] | int) -> str:
    value = statistics.median(values) if isinstance(values, list) else values
    return f"{value / 1024:,.0f} KB" if value < 10 * 1024 * 1024 else f"{value / 1024 / 1024:,.1f} MB"


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def table(rows: list[Row]) -> str:
    header = ("| docs | engine | build s | index raw | index gzip | first query raw | first query gzip "
              "| first query ms | cold ms | first query ms, file:// | query ms median | query ms p95 | longest task ms |")
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for row in rows:
        long_task = f"{max(row.long_task_ms):.0f}" if row.long_task_ms else "–"
        from_disk = (f"{statistics.median(row.first_file_ms):.0f} (max {max(row.first_file_ms):.0f})" if row.first_file_ms
                     else "cannot")
        cold = f"{statistics.median(row.cold_ms):.0f} (max {max(row.cold_ms):.0f})" if row.cold_ms else "="
        lines.append(
            f"| {row.docs:,} | {row.engine} | {row.build_s:.1f} | {kb(row.index_raw)} | {kb(row.index_gzip)} "
            f"| {kb(row.first_raw)} (max {kb(max(row.first_raw))}) | {kb(row.first_gzip)} (max {kb(max(row.first_gzip))}) "
            f"| {statistics.median(row.first_ms):.0f} (max {max(row.first_ms):.0f}) | {cold} | {from_disk} "
            f"| {statistics.median(row.warm_ms):.1f} "
            f"| {p95(row.warm_ms):.1f} | {long_task} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated article counts (default 100,1000,10000)")
    parser.add_argument("--words", type=int, default=630, help="average words per article (default 630)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"working folder, replaced (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    from playwright.sync_api import sync_playwright

    shutil.rmtree(args.out, ignore_errors=True)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for size in sizes:
            corpus = generate(size, seed=1, words=args.words)
            queries = [query.replace("{entity}", corpus.entities[0].name) for query in QUERIES]
            for build in (build_lode, build_pagefind):
                folder = args.out / f"{build.__name__.removeprefix('build_')}-{size}"
                folder.mkdir(parents=True)
                print(f"search_bench: {size} articles, {build.__name__.removeprefix('build_')}…", file=sys.stderr, flush=True)
                row = build(corpus, folder)
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
                threading.Thread(target=server.serve_forever, daemon=True).start()
                try:
                    measure(browser, f"http://127.0.0.1:{server.server_address[1]}/", folder, row, queries)
                finally:
                    server.shutdown()
                rows.append(row)
                print(f"search_bench:   results per query: {row.totals}", file=sys.stderr, flush=True)
        browser.close()
    print(f"Queries (first search in a fresh browser, then {WARM_RUNS} more each): {', '.join(queries[:-1])}, "
          f"and an entity's name; ~{args.words}-word articles. Load average at the end: "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores.")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
