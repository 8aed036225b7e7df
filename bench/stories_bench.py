#!/usr/bin/env python3
"""What same-story clustering and figure comparison add to a build: a synthetic corpus built once, each stage timed.

    .venv/bin/python bench/stories_bench.py [--articles 10000] [--words 300] [--jobs 2]

The corpus is written as Markdown files: events reported by two to four invented outlets within a few days,
each report in its own words drawn from sentence templates with names, amounts, shares and tonnages (so the
parser pass has the sentences with figures a real corpus has), plus as many lone articles. The build runs
cold (empty cache). Prints one table: seconds per stage, the features' share of the whole build, and how
the clusters found match the events written. Also prints the thresholds' evidence on the fixtures.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.model import SiteConfig  # noqa: E402
from extract.pipeline import build  # noqa: E402
from extract.progress import Progress  # noqa: E402

PEOPLE = ["Amina Qureshi", "Tariq Mehmood", "Yuki Tanaka", "Li Wei", "Sarah Collins", "Omar Farooq", "Hina Baloch", "Kenji Sato"]
PLACES = ["Quetta", "Karachi", "Islamabad", "Gwadar", "Lahore", "Tokyo", "Beijing", "Riyadh", "Chagai", "Lusaka", "Lima"]
MINERALS = ["copper", "gold", "lithium", "coal", "iron ore", "chromite", "antimony", "nickel", "zinc"]
SOURCES = ["Daily Ledger", "Mining Weekly Review", "Capital Times", "Harbour Herald", "Ore & Metal News", "Trade Wire",
           "Northern Star", "Market Courier", "Regional Observer", "Evening Dispatch"]
SYLLABLES = "ka ri to ma sen lo vu dar pel min ock ash ber cal dor fen gal hir jun kel lum nar pos quin ras sul tev".split()
# Sentences of an event's report: {org} and {project} are the event's, the figures vary a little between outlets.
EVENT = [
    "{org} approved a ${amount} million loan for the {project} project on {day}.",
    "The {project} project will cost ${cost} billion, {org} said.",
    "{org} bought a {pct}% stake in the {project} mine this week.",
    "{org} expects output of {tonnes},000 tonnes of {mineral} a year at {project}.",
    "Officials in {place} said the {project} plan would create {jobs} jobs.",
    "{person} of {org} told reporters in {place} that the {project} talks had gone well.",
]
FILLER = [
    "Analysts said demand for {mineral} in {place} had grown steadily since {year}, helped by lower freight costs.",
    "{person} said the government wanted more processing at home rather than exports of raw ore.",
    "Roads and power lines near {place} remain the main obstacle for new mines, according to local officials.",
    "Prices of {mineral} fell by {pct}% last quarter as buyers waited for new supply.",
    "The ministry in {place} has promised to publish a new mining policy before the end of the year.",
    "Residents asked how much water the mines would use and who would benefit from the jobs.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


USED: set[str] = set()


def name(rng: random.Random) -> str:
    """A new made-up name: two events never share a company or project by accident of the generator."""
    while True:
        made = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((3, 4)))).title()
        if made not in USED:
            USED.add(made)
            return made


def article(rng: random.Random, words: int, event: dict | None) -> str:
    lines: list[str] = []
    fill = dict(person=rng.choice(PEOPLE), place=rng.choice(PLACES), mineral=rng.choice(MINERALS),
                year=rng.randint(2015, 2024), day=rng.choice(DAYS))
    if event:
        fill |= event
        # Outlets round and disagree: each figure is the event's, sometimes moved a little.
        fill |= {k: v + rng.choice((0, 0, 0, 10, -10)) for k, v in event.items() if k in ("amount", "jobs", "tonnes")}
        lines += [rng.choice(EVENT).format(**fill) for _ in range(4)]
    else:
        fill |= dict(org=f"{name(rng)} Mining Company", project=name(rng), amount=rng.randint(50, 900),
                     cost=rng.randint(1, 9), pct=rng.randint(5, 60), tonnes=rng.randint(10, 400), jobs=rng.randint(100, 3000))
        lines += [rng.choice(EVENT).format(**fill) for _ in range(2)]
    while sum(len(line.split()) for line in lines) < words:
        lines.append(rng.choice(FILLER).format(**(fill | {"pct": rng.randint(2, 30)})))
    return "\n\n".join(" ".join(lines[i:i + 3]) for i in range(0, len(lines), 3))


def write_corpus(folder: Path, count: int, words: int, seed: int = 11) -> dict[str, int]:
    """Markdown articles in `folder`; returns article id -> event number (lone articles have none)."""
    rng = random.Random(seed)
    events: dict[str, int] = {}
    written = 0
    number = 0
    while written < count:
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 20):02d}"
        if rng.random() < 0.5:
            event = dict(org=f"{name(rng)} {rng.choice(('Resources', 'Metals', 'Mining'))} Limited", project=name(rng),
                         amount=rng.randint(50, 900), cost=rng.randint(1, 9), pct=rng.randint(5, 60),
                         tonnes=rng.randint(10, 400), jobs=rng.randint(100, 3000))
            reports = rng.randint(2, 4)
            number += 1
        else:
            event, reports = None, 1
        for report in range(min(reports, count - written)):
            slug = f"a{written:05d}"
            date = day[:-2] + f"{int(day[-2:]) + report:02d}"
            title = f"{event['org']} and the {event['project']} project" if event else f"{name(rng)} and the {rng.choice(MINERALS)} trade"
            (folder / f"{slug}.md").write_text(
                f"---\ntitle: \"{title} ({rng.choice(SOURCES)})\"\nsource: {rng.choice(SOURCES)}\ndate: {date}\n---\n\n"
                + article(rng, words, event) + "\n", encoding="utf-8")
            if event:
                events[slug] = number
            written += 1
    return events


class Timer(Progress):
    """Seconds per build stage (a stage lasts until the next starts)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.current: str | None = None
        self.started = time.perf_counter()

    def stage(self, name: str, total: int = 0) -> None:
        now = time.perf_counter()
        if self.current:
            self.seconds[self.current] += now - self.started
        self.current, self.started = name, now

    def finish(self) -> None:
        self.stage("")


FEATURE_STAGES = ("figures: parse", "stories", "figures: compare")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus, out, cache = Path(scratch) / "corpus", Path(scratch) / "site", Path(scratch) / "cache"
        corpus.mkdir()
        events = write_corpus(corpus, args.articles, args.words)
        timer = Timer()
        started = time.perf_counter()
        report = build(corpus, out, SiteConfig(title="Bench"), progress=timer, cache=cache, processes=args.jobs)
        total = time.perf_counter() - started
        # Rendering the new sections and pages: the render stage again without them, the difference is theirs.
        from extract.pipeline import TEMPLATES
        from extract.render import render_site

        began = time.perf_counter()
        render_site(report.articles, report.entities, SiteConfig(title="Bench"), TEMPLATES)
        without = time.perf_counter() - began
        began = time.perf_counter()
        render_site(report.articles, report.entities, SiteConfig(title="Bench"), TEMPLATES, stories=report.stories,
                    figures=report.figures)
        with_them = time.perf_counter() - began
    words = args.articles * args.words
    print(f"{args.articles:,} synthetic articles of ~{args.words} words ({words:,} words), {len(set(events.values()))} events "
          f"reported 2-4 times; cold build, {args.jobs} process(es)\n")
    print("| stage | seconds |\n|---|---:|")
    for stage, seconds in sorted(timer.seconds.items(), key=lambda item: -item[1]):
        if stage:
            print(f"| {stage} | {seconds:.1f} |")
    render_extra = max(0.0, with_them - without)
    added = sum(timer.seconds[s] for s in FEATURE_STAGES) + 2 * render_extra  # the site and the offline copy render
    print(f"| rendering the new sections and pages (x2: site and offline copy) | {2 * render_extra:.1f} |")
    print(f"| **whole build** | {total:.1f} |")
    print(f"\nAdded by stories and figures: {added:.1f} s = {100 * added / total:.1f}% of the whole build (goal < 20%)")
    found = report.stories.cluster_of if report.stories else {}
    by_event: dict[int, set[str]] = defaultdict(set)
    for article_id, event in events.items():
        by_event[event].add(article_id)
    whole = sum(1 for members in by_event.values() if len(stories := {found.get(a) for a in members}) == 1 and None not in stories)
    merged = sum(1 for story in (report.stories.clusters if report.stories else ()) if len({events.get(a) for a in story.articles}) > 1)
    print(f"Events found whole: {whole} of {len(by_event)}; stories mixing two events: {merged}; "
          f"conflicts flagged: {len(report.figures.conflicts) if report.figures else 0}")
    threshold_evidence()
    return 0


def threshold_evidence() -> None:
    """Pair scores on sets whose events are known: the fixtures (tests/fixtures/stories/_expected.toml), the
    default corpus and the raw samples (their one same-story pair), around SAME_STORY."""
    import tomllib

    from extract.corpus import assemble
    from extract.entities import extract_all
    from extract.link import link
    from extract.pipeline import DEFAULT_CACHE, clean_corpus
    from extract.stories import EXPLAINER, SAME_STORY, pair_scores
    from extract.vocab import load_vocabulary

    root = Path(__file__).resolve().parent.parent
    fixtures = root / "tests" / "fixtures" / "stories"
    expected = tomllib.loads((fixtures / "_expected.toml").read_text(encoding="utf-8"))["events"]
    sets = [("fixtures (13 events, 7 decoys)", fixtures, expected),
            ("default corpus", root / "corpus", [["japan-kamal-tokyo-meetings", "japan-jetro-jpbcc-outreach",
                                                  "briefs-japan-development-record"],
                                                 ["china-e-mining-platform-launch", "china-forum-officials",
                                                  "briefs-china-forum-turnout"]]),
            ("raw samples", root.parent / "shared" / "seeds", [["000-6a92a6c91713102f", "001-688540cd3cc4f27e"]])]
    vocabulary = load_vocabulary()
    print(f"\nThreshold SAME_STORY = {SAME_STORY} (explainers, by headline, never join a story):\n")
    print("| set | same-event pairs: lowest | other pairs: highest (dated) | other pairs: highest, dates ignored |")
    print("|---|---:|---:|---:|")
    for label, folder, events in sets:
        if not folder.is_dir():
            continue
        articles = assemble(clean_corpus(folder).documents)
        extractions = extract_all([a.text for a in articles], [a.language for a in articles],
                                  [list(a.heading_spans) for a in articles], vocabulary, DEFAULT_CACHE)
        articles, entities = link(articles, extractions, vocabulary)
        explainers = {a.id for a in articles if EXPLAINER.search(a.title)}
        event_of = {a: n for n, event in enumerate(events) for a in event}

        def same(a: str, b: str, event_of: dict[str, int] = event_of) -> bool:
            return a in event_of and event_of.get(a) == event_of.get(b)

        dated, undated = pair_scores(articles, entities), pair_scores(articles, entities, dates=False)
        lowest = min(v for pair, v in dated.items() if same(*pair))
        others = [pair for pair in dated if not same(*pair) and not explainers & set(pair)]
        print(f"| {label} | {lowest:.2f} | {max(dated[p] for p in others):.2f} | {max(undated[p] for p in others):.2f} |")


if __name__ == "__main__":
    raise SystemExit(main())
