"""Quality floors on the held-out set of real-page shapes (bench/pages1/), scored by bench/pages_eval.py.

The floors are what the cleaner reaches today; the issue's goals (every title, no clutter) are higher, and the
README says where it stands. The one floor that never moves: no wrong date.
"""

from __future__ import annotations

from pathlib import Path

from bench.pages_eval import score_set

ROOT = Path(__file__).resolve().parent.parent


def test_pages1_reads_titles_dates_sources_and_bodies_of_real_page_shapes() -> None:
    counts = score_set(ROOT / "bench" / "pages1")["counts"]
    assert counts["wrong_dates"] == 0, "a wrong date is worse than none"
    assert counts["dates"] >= 0.9 * counts["dated"]
    assert counts["titles"] >= 13
    assert counts["sources"] >= 11
    assert counts["authors"] >= 11 and counts["authors_extra"] == 0
    assert counts["last_sentences"] >= 14
    assert counts["paragraphs_lost"] <= 7
    assert counts["clutter_left"] <= 10
    assert counts["merged"] == counts["pairs"]
