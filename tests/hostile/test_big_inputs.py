"""Inputs too big for a careless line of code: a 20 MB article (in paragraphs, and on one line), 5,000 tiny files.
Each builds within a minute (a regex that backtracks, or a stage that is quadratic in the text, would not) and
says what it did with the excess."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from extract.corpus import MAX_ARTICLE_CHARS

from ..conftest import run_build
from .corpus import paragraph

TWENTY_MB = 20 * 1024 * 1024


def huge_text(one_line: bool) -> str:
    paragraphs, size, number = [], 0, 0
    while size < TWENTY_MB + 100_000:
        text = (paragraph(number, "long") + " Barrick Gold and the Reko Diq Mining Company signed a $1.2 billion deal "
                f"in Quetta on May 1, 2024, the {number}th meeting of its kind.")
        paragraphs.append(text)
        size, number = size + len(text) + 2, number + 1
    if one_line:
        return "A very long line about copper " + " ".join(paragraphs)
    return "A very long article about copper\n\n" + "\n\n".join(paragraphs)


@pytest.mark.parametrize("one_line", [False, True], ids=["paragraphs", "one-line"])
def test_a_20_mb_article_builds_within_a_minute_shortened_with_one_warning(tmp_path: Path, one_line: bool) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_text(huge_text(one_line), encoding="utf-8")
    assert (corpus / "huge.txt").stat().st_size >= TWENTY_MB
    started = time.monotonic()
    result = run_build("--corpus", str(corpus), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"))
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert elapsed < 60, f"a 20 MB article took {elapsed:.0f} s"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("lode: warning: ")]
    assert len(warnings) == 1 and warnings[0].startswith("lode: warning: huge.txt: ") and warnings[0].endswith("shortened")
    assert "1 articles" in result.stderr and "0 corpus file(s) skipped, 1 warning(s)" in result.stderr
    article = json.loads((tmp_path / "site" / "data" / "corpus.json").read_text(encoding="utf-8"))["articles"][0]
    assert MAX_ARTICLE_CHARS - 300 < len(article["text"]) <= MAX_ARTICLE_CHARS
    assert "copper" in article["text"] and article["mentions"], "entities are still found in what is kept"


def test_five_thousand_tiny_files_build_each_as_its_own_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for number in range(5000):
        folder = corpus / f"desk-{number % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"note-{number:04d}.txt").write_text(f"Note {number}\n\nCopper note number {number} from the desk.\n",
                                                       encoding="utf-8")
    started = time.monotonic()
    result = run_build("--corpus", str(corpus), "--out", str(tmp_path / "site"), "--cache", str(tmp_path / "cache"))
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert "built 5000 articles" in result.stderr and "0 corpus file(s) skipped, 0 warning(s)" in result.stderr
    assert len(list((tmp_path / "site" / "articles").glob("*.html"))) == 5000
    assert elapsed < 180, f"5,000 tiny files took {elapsed:.0f} s"
