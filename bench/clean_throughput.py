#!/usr/bin/env python3
"""How fast the cleaner reads text scrapes: articles per second on one core (goal: at least 500).

    .venv/bin/python bench/clean_throughput.py            # the raw samples and bench/pages1's text copies, repeated

Each text scrape is loaded (decoding and mojibake repair included) and cleaned, in one process, as the build does.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.clean import clean_scrape  # noqa: E402
from extract.entities.gazetteer import place_kind  # noqa: E402
from extract.load import read_document  # noqa: E402

SOURCES = [ROOT.parent / "shared" / "seeds", ROOT / "bench" / "pages1" / "corpus", ROOT / "tests" / "fixtures" / "scrapes"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="times each file is read and cleaned (default 40)")
    args = parser.parse_args()
    files = sorted(path for folder in SOURCES if folder.is_dir() for path in folder.rglob("*.txt"))
    words = sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in files)
    # Imports and the place names (loaded once a build, for entities too) warm; each round cleans afresh.
    place_kind("Karachi")
    clean_scrape(read_document(files[0], files[0].name))
    started = time.process_time()
    for _ in range(args.rounds):
        for path in files:
            clean_scrape(read_document(path, path.name))
    seconds = time.process_time() - started
    articles = len(files) * args.rounds
    print("| text scrapes | avg words | articles cleaned | CPU s | articles/s (one core) | goal |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(files)} | {words // len(files)} | {articles} | {seconds:.2f} | {articles / seconds:,.0f} | 500 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
