"""The loader: encodings, front matter, folders, and files that are not articles."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from extract.load import CorpusError, load_corpus

ARTICLE = "Reko Diq’s owners — Barrick Gold and Pakistan — expect copper by 2028. Café «test»."


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def only_document(folder: Path):
    result = load_corpus(folder)
    assert not result.problems, result.problems
    assert len(result.documents) == 1
    return result.documents[0]


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom"],
)
def test_unicode_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    write(tmp_path, "a.txt", data)
    assert only_document(tmp_path).text == ARTICLE


def test_cp1252_is_the_fallback_for_text_that_is_not_utf8(tmp_path: Path) -> None:
    text = "Komatsu’s “$440 million” deal – signed"
    write(tmp_path, "a.txt", text.encode("cp1252"))
    assert only_document(tmp_path).text == text


def test_crlf_and_cr_line_ends_become_lf(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"Title\r\n\r\nFirst line.\rSecond line.\r\n")
    assert only_document(tmp_path).text == "Title\n\nFirst line.\nSecond line.\n"


def test_a_file_with_nul_bytes_is_skipped_by_name(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", b"A real article about copper.")
    write(tmp_path, "sub/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    result = load_corpus(tmp_path)
    assert [d.path for d in result.documents] == ["good.txt"]
    assert [p.path for p in result.problems] == ["sub/image.txt"]
    assert "NUL" in result.problems[0].message and "skipped" in result.problems[0].message


def test_a_file_of_control_characters_is_not_text(tmp_path: Path) -> None:
    write(tmp_path, "noise.txt", bytes(range(1, 32)) * 20 + b"abc")
    result = load_corpus(tmp_path)
    assert not result.documents
    assert "control characters" in result.problems[0].message


def test_a_utf16_bom_with_broken_content_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "broken.txt", codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
    result = load_corpus(tmp_path)
    assert result.problems and "utf-16" in result.problems[0].message


def test_an_unreadable_file_is_reported_and_the_rest_still_load(tmp_path: Path) -> None:
    write(tmp_path, "good.md", b"---\ntitle: Fine\n---\nBody text here.")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    result = load_corpus(tmp_path)
    assert [d.path for d in result.documents] == ["good.md"]
    assert result.problems[0].path == "gone.txt"
    assert "cannot be read" in result.problems[0].message


def test_an_empty_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "empty.txt", b"  \n\n")
    write(tmp_path, "b.txt", b"Something.")
    result = load_corpus(tmp_path)
    assert [p.path for p in result.problems] == ["empty.txt"]


def test_files_load_from_sub_folders_in_path_order_whatever_the_creation_order(tmp_path: Path) -> None:
    for name in ["z/last.md", "a.txt", "m/n/deep.txt", "b.MD", "notes.pdf", ".hidden/x.txt", "_drafts/y.md"]:
        write(tmp_path, name, b"Some text.")
    paths = [d.path for d in load_corpus(tmp_path).documents]
    assert paths == ["a.txt", "b.MD", "m/n/deep.txt", "z/last.md"]


def test_front_matter_is_parsed_and_removed_from_the_body(tmp_path: Path) -> None:
    write(tmp_path, "a.md", (
        b"---\ntitle: Komatsu signs\nsource: Lode Desk\ndate: 2025-04-09\nurl: https://example.org/a\nAuthor: Lode Staff\n---\n"
        b"Body paragraph.\n"
    ))
    document = only_document(tmp_path)
    assert document.meta == {
        "title": "Komatsu signs", "source": "Lode Desk", "date": dt.date(2025, 4, 9),
        "url": "https://example.org/a", "author": "Lode Staff",
    }
    assert document.text.strip() == "Body paragraph."


def test_markdown_without_front_matter_is_all_body(tmp_path: Path) -> None:
    write(tmp_path, "a.md", b"# Heading\n\nText --- with dashes.\n")
    document = only_document(tmp_path)
    assert document.meta == {} and document.text.startswith("# Heading")


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("---\ntitle: [unclosed\n---\nBody", "not valid YAML (line 2)"),
        ("---\ntitle: never closed\nBody", "never closed"),
        ("---\n- a list\n---\nBody", "key: value"),
    ],
)
def test_broken_front_matter_is_reported_by_name(tmp_path: Path, front_matter: str, expected: str) -> None:
    write(tmp_path, "bad.md", front_matter.encode())
    result = load_corpus(tmp_path)
    assert not result.documents
    assert result.problems[0].path == "bad.md" and expected in result.problems[0].message


def test_a_missing_or_empty_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no articles found"):
        load_corpus(tmp_path)


SAVED_PAGE_MARKDOWN = """---
title: "Kowhai Metals buys half of a basalt quarry"
source: "Harbour Business Weekly"
date: 2031-03-02
---

**HARBOUR BUSINESS WEEKLY** — Business news from the coast

[Accueil / Home](/) · [Mining](/mining) · [Energy](/energy) · [Markets](/markets)

# Kowhai Metals buys half of a basalt quarry

*Photo : Kowhai Metals*

Kowhai Metals Ltd will pay NZ$40 million for half of the Tamarind basalt quarry, the company said on Monday.

> **À lire aussi / Also read:** [Builders face a slow year](#)

The quarry's owner keeps the rest and will run it.

**Share:** [LinkedIn](#) · [X](#) · [E-mail](#)

**Tags:** basalt · quarries · Kowhai Metals

### Les plus lus / Most read
1. [Port strike ends](#)
2. [Shares close higher](#)

© 2031 Harbour Business Weekly. All rights reserved.
"""


def test_a_page_saved_as_markdown_keeps_its_story_and_loses_its_furniture(tmp_path: Path) -> None:
    from extract.pipeline import clean_document

    (tmp_path / "page.md").write_text(SAVED_PAGE_MARKDOWN, encoding="utf-8")
    document = clean_document(load_corpus(tmp_path).documents[0])
    assert [block.text for block in document.blocks] == [
        "Kowhai Metals Ltd will pay NZ$40 million for half of the Tamarind basalt quarry, the company said on Monday.",
        "The quarry's owner keeps the rest and will run it."]


def test_an_authors_markdown_loses_nothing(tmp_path: Path) -> None:
    from extract.pipeline import clean_document

    article = ("---\ntitle: Notes from the quarry\n---\n\n# Notes from the quarry\n\nIntro: basalt, gabbro and dolerite.\n\n"
               "## Output / Production\n\nOutput rose 4% on the year.\n\n- One new crusher\n- Two new trucks\n- Copper\n\n"
               "A closing line of the author's own / with a slash.\n")
    (tmp_path / "notes.md").write_text(article, encoding="utf-8")
    document = clean_document(load_corpus(tmp_path).documents[0])
    assert [block.text for block in document.blocks] == [
        "Intro: basalt, gabbro and dolerite.", "Output / Production", "Output rose 4% on the year.", "One new crusher",
        "Two new trucks", "Copper", "A closing line of the author's own / with a slash."]
