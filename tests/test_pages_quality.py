"""Quality floors on the held-out sets of real-page shapes (bench/pages1/ to pages4/), scored by
bench/pages_eval.py.

Each set was scored once before the rules learnt from it (the first scores are in the README and in each set's
FIRST_SCORE.txt); all four are now read fully right, and these tests keep them so: every title, date, source and
byline, the text ending at the article's own last sentence, no clutter line left, no paragraph lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.pages_eval import score_set

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["pages1", "pages2", "pages3", "pages4"])
def test_a_held_out_set_of_real_page_shapes_is_read_fully_right(name: str) -> None:
    result = score_set(ROOT / "bench" / name)
    counts = result["counts"]
    assert counts["wrong_dates"] == 0, "a wrong date is worse than none"
    assert (counts["titles"], counts["dates"], counts["sources"], counts["authors"]) == (
        counts["titled"], counts["dated"], counts["sourced"], counts["authored"]), result["misses"]
    assert counts["authors_extra"] == 0
    assert (counts["first_words"], counts["last_sentences"]) == (counts["scored"], counts["with_last"]), result["misses"]
    assert counts["paragraphs_lost"] == 0 and counts["clutter_left"] == 0, result["misses"]
    assert counts["merged"] == counts["pairs"]
