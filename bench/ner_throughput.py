#!/usr/bin/env python3
"""Entity extraction throughput: words per second on a synthetic news corpus, cold and cached.

    .venv/bin/python bench/ner_throughput.py [--words 200000] [--jobs 1 2]

Cold runs use an empty cache (spaCy reads every article); the cached run reads
the cache the last cold run left. Prints one table.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.entities import NerModel, extract_all, refine  # noqa: E402
from extract.parse import ParserModel, parse_figures  # noqa: E402
from extract.vocab import load_vocabulary  # noqa: E402

PEOPLE = ["Amina Qureshi", "Tariq Mehmood", "Yuki Tanaka", "Li Wei", "Sarah Collins", "Omar Farooq", "Hina Baloch", "Kenji Sato"]
ORGS = ["the National Mining Authority", "Indus Copper Corporation", "the Federal Trade Committee", "Karakoram Minerals Limited",
        "the Asian Development Bank", "Orient Exploration Company", "the Provincial Investment Board"]
PLACES = ["Quetta", "Karachi", "Islamabad", "Gwadar", "Lahore", "Tokyo", "Beijing", "Riyadh", "Chagai"]
THINGS = ["copper", "gold", "lithium", "coal", "iron ore", "rare earth elements", "chromite", "antimony"]
TEMPLATES = [
    "{person} of {org} said on {day} that output of {thing} near {place} could rise by {pct}% next year.",
    "Officials in {place} expect {org} to invest ${amount} million in {thing} processing by {year}.",
    "{person} told reporters in {place} that talks with {org} over the {thing} deposit were going well.",
    "The agreement, signed in {place} on {day}, gives {org} a {pct}% share of a new {thing} venture.",
    "Analysts said demand for {thing} in {place} had grown steadily since {year}, helped by lower freight costs.",
    "According to {person}, {org} will train some {amount} workers before production of {thing} begins.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_articles(total_words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    articles, words = [], 0
    while words < total_words:
        sentences = []
        for _ in range(rng.randint(18, 30)):
            sentences.append(rng.choice(TEMPLATES).format(
                person=rng.choice(PEOPLE), org=rng.choice(ORGS), place=rng.choice(PLACES), thing=rng.choice(THINGS),
                day=rng.choice(DAYS), pct=rng.randint(2, 60), amount=rng.randint(5, 900), year=rng.randint(2018, 2031),
            ))
        text = "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))
        articles.append(text)
        words += len(text.split())
    return articles


def timed_run(texts: list[str], cache: Path, jobs: int) -> tuple[float, float]:
    """Seconds for the entity pass, and for it plus the second pass that parses the sentences with a figure."""
    started = time.perf_counter()
    extractions = extract_all(texts, [None] * len(texts), [[] for _ in texts], load_vocabulary(), cache, model=NerModel(),
                              processes=jobs)
    entities = time.perf_counter() - started
    parse_figures(texts, extractions, cache, ParserModel(), processes=jobs)
    return entities, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    texts = synthetic_articles(args.words)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} synthetic articles, {words:,} words; NER-only pipeline (tok2vec + ner), nlp.pipe", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for jobs in args.jobs:
            cache = Path(scratch) / f"cold-{jobs}"
            entities, both = timed_run(texts, cache, jobs)
            rows.append((f"cold, {jobs} process{'es' if jobs > 1 else ''}: entities", entities))
            rows.append((f"cold, {jobs} process{'es' if jobs > 1 else ''}: entities + figure sentences parsed", both))
        _, both = timed_run(texts, cache, args.jobs[-1])
        rows.append(("cached (nothing changed), both passes", both))
    print("\n| run | seconds | words/s |\n|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.1f} | {words / seconds:,.0f} |")
    print("\n(cold runs include loading spaCy and the model: ~1 s)")
    print("\nThe rules alone on hostile text (a regex that backtracks shows here as seconds, not milliseconds):")
    print("\n| text | words | rules seconds |\n|---|---:|---:|")
    for name, text in hostile_texts():
        started = time.perf_counter()
        refine(text, [], [], load_vocabulary())
        print(f"| {name} | {len(text.split()):,} | {time.perf_counter() - started:.3f} |")
    return 0


def hostile_texts() -> list[tuple[str, str]]:
    """Long runs of what the rules look for: capitalised words, titles, 'and', datelines."""
    rng = random.Random(3)
    words = ["Alpha", "Beta", "Gamma", "Delta", "Mining", "Minister", "of", "and", "Range", "Company", "the", "In"]
    return [
        ("3,000 capitalised words in one line", " ".join(rng.choice(words).title() for _ in range(3000))),
        ("'Minister of' and 2,000 capitalised words", "Minister of " + " ".join(f"Word{i}" for i in range(2000)) + " said."),
        ("1,500 companies joined by 'and'", " and ".join(f"Name{i} Corp" for i in range(1500))),
        ("500 lines in capitals", "\n".join("ASTANA KAZAKH – " * 3 for _ in range(500))),
    ]


if __name__ == "__main__":
    sys.exit(main())
