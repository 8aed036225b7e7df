"""Extraction quality against the gold annotations (bench/gold): the targets, held as tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.ner_eval import score
from extract.model import TYPES

from .conftest import DEFAULT_CORPUS, ROOT


def per_type(counts) -> dict[str, tuple[float, float]]:
    rows = {}
    for kind in TYPES:
        gold, pred, tp = counts[("gold", kind)], counts[("pred", kind)], counts[("tp", kind)]
        if gold or pred:
            rows[kind] = (tp / pred if pred else 0.0, tp / gold if gold else 1.0)
    return rows


def overall(counts) -> tuple[float, float]:
    """Precision and recall over every type."""
    gold = sum(v for (kind, _), v in counts.items() if kind == "gold")
    correct = sum(v for (kind, _), v in counts.items() if kind == "tp")
    found = sum(v for (kind, _), v in counts.items() if kind == "pred")
    return correct / found, correct / gold


def score_set(which: str):
    return score(ROOT / "bench" / which / "gold.json", ROOT / "bench" / which / "corpus", verbose=False)


@pytest.mark.parametrize("which", ["seeds", "corpus"])
def test_every_type_is_found_at_least_95_percent_with_the_right_type(which: str, seeds_dir: Path) -> None:
    corpus = seeds_dir if which == "seeds" else DEFAULT_CORPUS
    counts = score(ROOT / "bench" / "gold" / f"{which}.json", corpus, verbose=False).counts
    for kind, (precision, recall) in per_type(counts).items():
        assert recall >= 0.95, f"{which}: {kind} recall {recall:.0%}"
        assert precision >= 0.90, f"{which}: {kind} precision {precision:.0%}"


@pytest.mark.parametrize("which, floor", [("heldout", 0.90), ("heldout2", 0.85), ("heldout3", 0.85), ("heldout4", 0.85),
                                           ("heldout5", 0.85)])
def test_articles_on_other_countries_mining_keep_their_scores(which: str, floor: float) -> None:
    """Other countries, invented companies and people; a guard against rules that only fit Pakistan.
    heldout2 and heldout3 are held to the issue's 85%: each was scored before any rule was written for it."""
    counts = score_set(which).counts
    precision, recall = overall(counts)
    assert recall >= floor and precision >= floor - 0.02
    for kind, (precision, recall) in per_type(counts).items():
        assert recall >= 0.65, f"{kind} recall {recall:.0%}"
        assert precision >= 0.70, f"{kind} precision {precision:.0%}"


@pytest.mark.parametrize("which", ["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "entities1", "entities2", "entities3",
                                   "entities4", "entities5", "entities6", "entities7", "entities8",
                                   "entities9", "entities10", "entities11", "entities13", "entities14", "entities16",
                                   "entities17", "entities18", "entities19", "entities20", "entities21"])
def test_no_entity_stands_for_two_real_things(which: str) -> None:
    assert score_set(which).merges() == []


def test_real_page_shapes_keep_one_entity_per_real_thing() -> None:
    """entities1: one company in eight forms across seven articles, a former name, bracketed short names, Exim
    banks by two names, people by title, rank and surname. First scored 86% / 90% with 31 things split."""
    result = score_set("entities1")
    precision, recall = overall(result.counts)
    assert precision >= 0.92 and recall >= 0.95
    assert len(result.splits()) <= 6, result.splits()


@pytest.mark.parametrize("which", ["entities2", "entities3", "entities4", "entities5"])
def test_sealed_sets_keep_what_was_learnt_from_them(which: str) -> None:
    """Each was scored once sealed (86%/90%, 95%/96%, 94%/92%, 90%/93%: FIRST_SCORE.txt there), then taught the rules general
    lessons; these floors keep those lessons (the honest figure for new text stays the first score)."""
    result = score_set(which)
    precision, recall = overall(result.counts)
    assert precision >= 0.95 and recall >= 0.94
    assert len(result.splits()) <= (6 if which == "entities5" else 4), result.splits()


@pytest.mark.parametrize("which, floor, splits", [("entities6", (0.95, 0.96), 5), ("entities7", (0.95, 0.95), 6),
                                                  ("entities8", (0.97, 0.97), 4), ("entities9", (0.95, 0.95), 10),
                                                  ("entities10", (0.96, 0.96), 7), ("entities11", (0.94, 0.94), 12),
                                                  ("entities12", (0.96, 0.95), 10), ("entities13", (0.96, 0.95), 13),
                                                  ("entities14", (0.96, 0.95), 6), ("entities15", (0.96, 0.95), 7),
                                                  ("entities16", (0.97, 0.95), 3), ("entities17", (0.96, 0.96), 11),
                                                  ("entities18", (0.97, 0.95), 3), ("entities19", (0.96, 0.95), 4),
                                                  ("entities20", (0.96, 0.96), 10), ("entities21", (0.96, 0.93), 5),
                                                  ("entities22", (0.96, 0.94), 8)])
def test_the_newest_sealed_sets_keep_their_scores(which: str, floor: tuple[float, float], splits: int) -> None:
    """Each was scored once sealed (FIRST_SCORE.txt in each: entities6 94% / 96%, entities7 94% / 93%, entities8
    95% / 95%, entities9 93% / 96%, entities10 96% / 96%, entities11 94% / 93% with one merge, entities12 93% / 93%
    with two, entities13 90% / 91% with one, entities14 93% / 93%, entities15 94% / 92% with one, entities16 96% / 90%,
    entities17 96% / 97%, entities18 95% / 93%, entities19 94% / 90%, entities20 91% / 96%, entities21 94% / 91%,
    entities22 95% / 93% with two merges) and then learnt
    from; no later rule may take them below what was learnt. (entities12 keeps one merge, "BSE" for both the Botswana
    and the Bombay Stock Exchange, and entities15 one, "silica" and "silica sand", which the minerals list holds as one
    mineral and its annotator as two; so they are not in the no-merge test above: see the README's "What is left".)"""
    result = score_set(which)
    precision, recall = overall(result.counts)
    assert precision >= floor[0] and recall >= floor[1]
    assert len(result.splits()) <= splits, result.splits()
