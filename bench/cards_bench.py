#!/usr/bin/env python3
"""What preview cards cost a build: a 1,000-article corpus built with and without cards (goal: under 10% more).

    .venv/bin/python bench/cards_bench.py                  # 1,000 articles
    .venv/bin/python bench/cards_bench.py --articles 200   # a shorter run

The corpus is bench/synthetic.py's (~630-word articles with their titles, outlets and dates, written out as
Markdown files), built by build.py's own pipeline in this process with two processes, each way:
- cold: every cache empty (spaCy runs on every article, every card is drawn);
- cards anew: the extraction and search caches warm, the card cache empty (a rebuild where every card changed);
- rebuild: every cache warm (cards come from the cache).
Each time is wall-clock and CPU (this process and its workers: steadier than wall-clock on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate  # noqa: E402
from extract.model import SiteConfig  # noqa: E402
from extract.pipeline import build  # noqa: E402


def write_corpus(folder: Path, count: int) -> None:
    for article in generate(count, seed=19).articles:
        body = "\n\n".join(block.text for block in article.blocks)
        front = f'---\ntitle: "{article.title}"\nsource: "{article.source}"\ndate: {article.date}\n---\n\n'
        (folder / f"{article.id}.md").write_text(front + body + "\n", encoding="utf-8")


def timed(corpus: Path, out: Path, cache: Path, cards: bool) -> tuple[float, float]:
    """(wall-clock s, CPU s of this process and the worker processes it waited for) of one build."""
    before, started = os.times(), time.perf_counter()
    build(corpus, out, SiteConfig(title="Card bench", base_url="https://lode.example.org/"), cache=cache, cards=cards,
          processes=2)
    after = os.times()
    cpu = sum(getattr(after, f) - getattr(before, f) for f in ("user", "system", "children_user", "children_system"))
    return time.perf_counter() - started, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the corpus (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lode-cards-bench-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.articles)
        times: dict[tuple[str, bool], tuple[float, float]] = {}
        for cards in (False, True):
            cache = work / f"cache-{cards}"
            times["cold", cards] = timed(corpus, work / "site", cache, cards)
            shutil.rmtree(cache / "cards", ignore_errors=True)
            times["cards anew", cards] = timed(corpus, work / "site", cache, cards)
            times["rebuild", cards] = timed(corpus, work / "site", cache, cards)
        sizes = [path.stat().st_size for path in (work / "site" / "cards").rglob("*.png")]
    print(f"{args.articles:,} articles: {len(sizes):,} cards, {sum(sizes) / len(sizes) / 1024:.1f} KB each on average, "
          f"{max(sizes) / 1024:.1f} KB the largest (limit 60 KB)")
    print("| build | without cards: s wall (CPU) | with cards: s wall (CPU) | cards add, wall (CPU) | goal |")
    print("|---|---|---|---|---|")
    for kind in ("cold", "cards anew", "rebuild"):
        (wall0, cpu0), (wall1, cpu1) = times[kind, False], times[kind, True]
        print(f"| {kind} | {wall0:.1f} ({cpu0:.1f}) | {wall1:.1f} ({cpu1:.1f}) "
              f"| {100 * (wall1 - wall0) / wall0:+.1f}% ({100 * (cpu1 - cpu0) / cpu0:+.1f}%) | < 10% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
