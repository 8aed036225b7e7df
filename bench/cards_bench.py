#!/usr/bin/env python3
"""What preview cards cost a build: a 1,000-article corpus built with and without cards (goal: under 10% more).

    .venv/bin/python bench/cards_bench.py                  # 1,000 articles
    .venv/bin/python bench/cards_bench.py --articles 200   # a shorter run

The corpus is bench/synthetic.py's (~630-word articles, written out as Markdown files), built by build.py's own
pipeline in this process, each way from an empty cache ("cold": spaCy runs on every article) and again with the
extraction cache warm and only the card cache empty ("warm"), which is what a rebuild after an edit costs when
every card must be drawn anew. A rebuild with the card cache warm too draws nothing. Also: bytes per card, largest.
"""

from __future__ import annotations

import argparse
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


def timed(corpus: Path, out: Path, cache: Path, cards: bool) -> float:
    started = time.perf_counter()
    build(corpus, out, SiteConfig(title="Card bench", base_url="https://lode.example.org/"), cache=cache, cards=cards,
          processes=2)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles in the corpus (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lode-cards-bench-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.articles)
        rows = []
        for cards in (False, True):
            cache = work / f"cache-{cards}"
            cold = timed(corpus, work / "site", cache, cards)
            shutil.rmtree(cache / "cards", ignore_errors=True)
            warm = timed(corpus, work / "site", cache, cards)
            rows.append((cards, cold, warm))
        pngs = sorted((work / "site" / "cards").rglob("*.png"))
        sizes = [path.stat().st_size for path in pngs]
    (_, cold_without, warm_without), (_, cold_with, warm_with) = rows
    print("| articles | cards drawn | KB per card (largest) | build without cards, cold / warm s | with cards, cold / warm s "
          "| cards add, cold / warm | goal |")
    print("|---:|---:|---:|---|---|---|---|")
    print(f"| {args.articles:,} | {len(pngs):,} | {sum(sizes) / len(sizes) / 1024:.1f} ({max(sizes) / 1024:.1f}) "
          f"| {cold_without:.1f} / {warm_without:.1f} | {cold_with:.1f} / {warm_with:.1f} "
          f"| {100 * (cold_with - cold_without) / cold_without:+.1f}% / {100 * (warm_with - warm_without) / warm_without:+.1f}% "
          f"| < 10% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
