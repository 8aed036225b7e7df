#!/usr/bin/env python3
"""Score Lode's reading of news pages (title, date, source, authors, body) against held-out gold sets.

    .venv/bin/python bench/pages_eval.py                          # every bench/pages*/ folder with a gold.json
    .venv/bin/python bench/pages_eval.py --set bench/pages1 -v    # one set, listing every miss

A set is a folder DIR with DIR/corpus/ (pages as copied, saved or crawled: .txt, .html, .jsonl ...) and DIR/gold.json
(one entry per article, keyed by its path under corpus/, "<path>#<n>" for the n-th record of a crawler file; the format
is described in the set's gold.json and in Lode issue 10). The set's documents are read the way the build reads them:
extract.pipeline.clean_corpus(folder) when that exists, otherwise extract.load.load_corpus(folder) and
extract.pipeline.clean_document(raw) for each file. A gold article with no document (a file the loader skips or does
not read) fails every field; an article whose duplicate (gold "duplicate_of") stands for it, the two having been
merged, is left out of the field scores and counted only under duplicates.

One row per set:
  titles         titles equal to the gold title / articles scored
  dates          dates equal to the gold date / articles whose gold date is not null
  wrong dates    dates given but different, or given where the gold date is null (lower is better)
  sources        sources equal to the gold source, ignoring case / articles whose gold source is not null
  authors        author sets equal to the gold set, ignoring case / articles with gold authors; a document's .authors
                 (a tuple) is used when it has one, else .author split at ", " and " and "
  authors extra  documents giving authors where the gold has none (lower is better)
  first words    first body block (not a heading, not the standfirst shown under the title) starts with the gold first
                 words / articles scored
  last sentence  last body block (not a heading) ends with the gold last sentence / articles with one
  paras lost     gold paragraph starts found at the start of no body block / all paragraph starts (lower is better)
  clutter left   gold clutter fragments found in the title or the body / all clutter fragments (lower is better)
  dups merged    duplicate pairs of which exactly one document was kept / duplicate pairs

Texts are compared after whitespace normalisation only (no quote, dash or case folding, except that sources and
authors ignore case). The exit code is 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import pipeline  # noqa: E402
from extract.load import CorpusError, load_corpus  # noqa: E402

PAGE_HEADLINE = {"page markup": "headline", "crawler record": "headline"}
COLUMNS = [  # (heading, numerator key, denominator key or None)
    ("titles", "titles", "titled"),
    ("dates", "dates", "dated"),
    ("wrong dates", "wrong_dates", None),
    ("sources", "sources", "sourced"),
    ("authors", "authors", "authored"),
    ("authors extra", "authors_extra", "unauthored"),
    ("first words", "first_words", "scored"),
    ("last sentence", "last_sentences", "with_last"),
    ("paras lost", "paragraphs_lost", "paragraphs"),
    ("clutter left", "clutter_left", "clutter"),
    ("dups merged", "merged", "pairs"),
]


def norm(text: object) -> str:
    """Whitespace runs (any Unicode space, line ends included) -> one space; ends trimmed."""
    return " ".join(str(text or "").split())


def read_documents(corpus: Path) -> tuple[dict[str, object], list[str]]:
    """path -> cleaned Document for every document Lode reads from `corpus`, and the loader's problems."""
    if hasattr(pipeline, "clean_corpus"):
        result = pipeline.clean_corpus(corpus)
        documents = list(result.documents)
        problems = [str(p) for p in getattr(result, "problems", ())]
    else:
        try:
            loaded = load_corpus(corpus)
        except CorpusError as error:
            return {}, [str(error)]
        documents = [pipeline.clean_document(raw) for raw in loaded.documents]
        problems = [str(p) for p in loaded.problems]
    return {doc.path: doc for doc in documents}, problems


def document_authors(doc: object) -> set[str]:
    names = getattr(doc, "authors", None)
    if names is None:
        names = re.split(r", | and ", norm(getattr(doc, "author", None) or ""))
    return {norm(name).casefold() for name in names if norm(name)}


def body_blocks(doc: object) -> list[str]:
    # A standfirst is shown apart, under the title; the gold counts it as neither body nor clutter.
    return [norm(block.text) for block in doc.blocks if block.kind != "standfirst"]


def prose_blocks(doc: object) -> list[str]:
    return [norm(block.text) for block in doc.blocks if block.kind not in ("heading", "standfirst")]


def score_set(folder: Path) -> dict:
    """Counts for one set (see the module docstring) and its misses, as (path, field, expected, got)."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    documents, problems = read_documents(folder / "corpus")
    counts: Counter = Counter()
    misses: list[tuple[str, str, object, object]] = []

    # Duplicate pairs: merged when exactly one of the two documents is among those read.
    stands_for: set[str] = set()
    for key, entry in gold.items():
        other = entry.get("duplicate_of")
        if not other:
            continue
        counts["pairs"] += 1
        present = [k for k in (key, other) if k in documents]
        if len(present) == 1:
            counts["merged"] += 1
            stands_for.add(other if present[0] == key else key)
        else:
            misses.append((key, "duplicate", f"one of {key} / {other}", f"{len(present)} documents"))

    for key, entry in gold.items():
        if key in stands_for:
            continue
        doc = documents.get(key)
        counts["articles"] += 1
        counts["scored"] += 1
        gold_date, gold_source, gold_authors = entry.get("date"), entry.get("source"), entry.get("authors") or []
        starts, clutter, last = entry.get("paragraph_starts", []), entry.get("clutter", []), entry.get("last_sentence")
        # A key the gold leaves out is unknown (a benchmark that only gives the body): not scored. None is "the page
        # shows none".
        has_date, has_authors, has_title = "date" in entry, "authors" in entry, "title" in entry
        counts["titled"] += has_title
        counts["dated"] += gold_date is not None
        counts["undated"] += has_date and gold_date is None
        counts["sourced"] += gold_source is not None
        counts["authored"] += bool(gold_authors)
        counts["unauthored"] += has_authors and not gold_authors
        counts["with_last"] += last is not None
        counts["paragraphs"] += len(starts)
        counts["clutter"] += len(clutter)
        if doc is None:
            counts["paragraphs_lost"] += len(starts)
            misses.append((key, "document", "read", "no document (not loaded, or under another path)"))
            continue

        title = norm(doc.title)
        if not has_title:
            pass
        elif title == norm(entry["title"]):
            counts["titles"] += 1
        else:
            misses.append((key, "title", entry["title"], doc.title))
        origin = getattr(doc, "title_origin", None)
        # The gold says only whether the page had a headline; a title from a page's markup or a crawler's record
        # is that headline, which Lode records more finely.
        origin = PAGE_HEADLINE.get(origin, origin)
        if origin is not None and entry.get("title_origin") and origin != entry["title_origin"]:
            misses.append((key, "title_origin", entry["title_origin"], origin))

        if not has_date:
            pass
        elif gold_date is not None and doc.date == gold_date:
            counts["dates"] += 1
        elif doc.date is not None:
            counts["wrong_dates"] += 1
            misses.append((key, "date (wrong)", gold_date, doc.date))
        elif gold_date is not None:
            misses.append((key, "date", gold_date, None))

        if gold_source is not None:
            if norm(doc.source).casefold() == norm(gold_source).casefold():
                counts["sources"] += 1
            else:
                misses.append((key, "source", gold_source, doc.source))

        found = document_authors(doc)
        if gold_authors:
            if found == {norm(name).casefold() for name in gold_authors}:
                counts["authors"] += 1
            else:
                misses.append((key, "authors", gold_authors, sorted(found)))
        elif found and has_authors:
            counts["authors_extra"] += 1
            misses.append((key, "authors (extra)", [], sorted(found)))

        blocks, prose = body_blocks(doc), prose_blocks(doc)
        first = norm(entry.get("first_words"))
        if prose and prose[0].startswith(first):
            counts["first_words"] += 1
        else:
            misses.append((key, "first words", first, prose[0][:120] if prose else None))
        if last is not None:
            if prose and prose[-1].endswith(norm(last)):
                counts["last_sentences"] += 1
            else:
                misses.append((key, "last sentence", last, prose[-1][-160:] if prose else None))

        for start in starts:
            if not any(block.startswith(norm(start)) for block in blocks):
                counts["paragraphs_lost"] += 1
                misses.append((key, "paragraph lost", start, None))

        text = title + "\n" + "\n".join(blocks)
        for fragment in clutter:
            if norm(fragment) in text:
                counts["clutter_left"] += 1
                misses.append((key, "clutter left", fragment, None))

    extra = sorted(set(documents) - set(gold))
    for path in extra:
        misses.append((path, "document not in gold", None, documents[path].title))
    return {"set": folder.name, "counts": counts, "misses": misses, "problems": problems, "extra": extra}


def cell(counts: Counter, numerator: str, denominator: str | None) -> str:
    return f"{counts[numerator]}" if denominator is None else f"{counts[numerator]}/{counts[denominator]}"


def default_sets() -> list[Path]:
    return sorted(path for path in (ROOT / "bench").glob("pages*") if (path / "gold.json").is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", type=Path, nargs="+", action="extend", metavar="DIR",
                        help="a set folder (DIR/corpus and DIR/gold.json); default: every bench/pages*/ with a gold.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss with its path, expected and got")
    args = parser.parse_args()
    sets = args.sets or default_sets()
    results = []
    for folder in sets:
        if not (folder / "gold.json").is_file() or not (folder / "corpus").is_dir():
            print(f"skipping {folder}: needs {folder}/gold.json and {folder}/corpus/", file=sys.stderr)
            continue
        results.append(score_set(folder))
    print("| set | " + " | ".join(heading for heading, _, _ in COLUMNS) + " |")
    print("|---|" + "---:|" * len(COLUMNS))
    for result in results:
        print(f"| {result['set']} | " + " | ".join(cell(result["counts"], n, d) for _, n, d in COLUMNS) + " |")
    if args.verbose:
        for result in results:
            print(f"\n{result['set']}: {len(result['misses'])} misses")
            for problem in result["problems"]:
                print(f"  loader: {problem}")
            for path, field, expected, got in result["misses"]:
                print(f"  {path}: {field}\n      expected: {expected!r}\n      got:      {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
