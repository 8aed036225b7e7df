"""Real input formats: saved HTML pages, crawler records, duplicate files, mojibake, and the curator's report."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from extract.corpus import assemble
from extract.load import load_corpus
from extract.pipeline import clean_corpus
from extract.report import report_csv

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"


def cleaned(tmp_path: Path, *names: str):
    for name in names:
        shutil.copy(PAGES / name, tmp_path / name)
    return clean_corpus(tmp_path)


def body(document) -> str:
    return "\n".join(block.text for block in document.blocks)


def test_a_saved_page_gives_its_article_and_what_its_markup_says(tmp_path: Path) -> None:
    (document,) = cleaned(tmp_path, "kalunga-loan.html").documents
    assert document.title == "Lender approves $400m for Kalunga copper mine"
    assert document.title_origin == "page markup"
    # The day printed in the markup, not the UTC day (23:30 at -05:00 is 2 May in UTC); time and zone kept apart.
    assert (document.date, document.time, document.timezone) == ("2024-05-01", "23:30", "-05:00")
    assert document.source == "Copperbelt Ledger"
    assert document.authors == ("Ana Lopes", "Tomas Berg")
    assert document.url == "https://ledger.example/mining/kalunga-loan"
    assert document.language == "en"
    text = body(document)
    assert text.startswith("A regional development lender approved")
    assert text.endswith("at the planned rate.")
    for clutter in ("Home", "cookies", "Share on", "MINEPIX", "Read more", "Zinc smelter", "Cobalt exporters", "Joe88",
                    "Great news", "likes", "All rights reserved", "tracked", "window.track"):
        assert clutter not in text, clutter


def test_crawler_records_are_articles_and_bad_records_are_named_and_skipped(tmp_path: Path) -> None:
    result = cleaned(tmp_path, "crawl.jsonl")
    documents = {document.path: document for document in result.documents}
    assert set(documents) == {"crawl.jsonl#1", "crawl.jsonl#2"}
    first = documents["crawl.jsonl#1"]
    assert (first.date, first.time, first.authors) == ("2024-05-01", "23:30", ("Ana Lopes", "Tomas Berg"))
    assert first.title_origin == "crawler record" and "MINEPIX" not in body(first)
    second = documents["crawl.jsonl#2"]
    assert second.date is None and second.authors == ()
    # The copyright line names the outlet; the bare domain is only the last resort.
    assert second.source == "Ruvu Mining Review"
    assert body(second).startswith("RUVU – Eastland Graphite") and body(second).endswith("renegotiates its supply contracts.")
    assert "Also read" not in body(second) and "WhatsApp" not in body(second) and "(c) 2024" not in body(second)
    problems = {problem.path: problem.message for problem in result.problems}
    assert "must be text" in problems["crawl.jsonl#3"]
    assert "not valid JSON" in problems["crawl.jsonl#4"]
    assert "no article text" in problems["crawl.jsonl#5"]


def test_a_page_laid_out_in_a_table_gives_its_paragraphs_and_a_title_without_the_site_name(tmp_path: Path) -> None:
    (document,) = cleaned(tmp_path, "table-layout.html").documents
    assert document.title == "Balkhash Metals raises $90m for a molybdenum plant"
    assert (document.source, document.date) == ("Steppe Metals Courier", "2025-03-04")
    assert [block.text[:24] for block in document.blocks] == [
        "ALMATY — Balkhash Metals", "The plant is meant to re", "Construction is due to s", "The company said it was "]
    for clutter in ("News feed", "Views", "Zinc tender", "hyperlink", "USD", "Share"):
        assert clutter not in body(document), clutter


def test_the_printed_headline_wins_over_a_different_og_title(tmp_path: Path) -> None:
    page = (PAGES / "table-layout.html").read_text(encoding="utf-8").replace(
        '<meta property="og:site_name"', '<meta property="og:title" content="Kazakh miner secures plant loans" />\n'
        '<meta property="og:site_name"')
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (document,) = clean_corpus(tmp_path).documents
    assert document.title == "Balkhash Metals raises $90m for a molybdenum plant"


def test_a_record_without_a_source_is_named_by_its_page_title_or_its_domain(tmp_path: Path) -> None:
    text = "Miners in Oruro returned to work on Monday after a two-week strike over wages ended with a deal.\n" * 2
    records = [
        {"title": "Oruro tin miners end strike", "title_page": "Oruro tin miners end strike | Altiplano Metals Review",
         "maintext": text, "source_domain": "altiplanometals.example"},
        {"title": "Oruro strike ends", "maintext": text + "Readers of Altiplano Metals Review can follow us daily.",
         "source_domain": "www.altiplanometalsreview.example"},
    ]
    (tmp_path / "crawl.jsonl").write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    documents = {document.path: document for document in clean_corpus(tmp_path).documents}
    assert documents["crawl.jsonl#1"].source == "Altiplano Metals Review"
    assert documents["crawl.jsonl#2"].source == "Altiplano Metals Review"


def test_two_files_of_one_article_become_one_with_a_warning_naming_both(tmp_path: Path) -> None:
    result = cleaned(tmp_path, "crawl.jsonl", "kalunga-loan.html")
    paths = [document.path for document in result.documents]
    assert "crawl.jsonl#1" in paths and "kalunga-loan.html" not in paths
    (warning,) = [p for p in result.problems if p.path == "kalunga-loan.html"]
    assert "same article as crawl.jsonl#1" in warning.message and "same URL" in warning.message


def test_the_same_text_under_two_names_is_one_article(tmp_path: Path) -> None:
    page = (PAGES / "crawl.jsonl").read_text(encoding="utf-8").splitlines()[1]
    (tmp_path / "a.jsonl").write_text(page + "\n", encoding="utf-8")
    # The same record from another crawl: another URL, curly quotes straightened, a line of clutter more.
    other = page.replace("ruvureview.example/eastland-delay", "mirror.example/story/99").replace("Follow us on WhatsApp",
                                                                                               "Listen to this article")
    (tmp_path / "b.jsonl").write_text(other + "\n", encoding="utf-8")
    result = clean_corpus(tmp_path)
    assert [document.path for document in result.documents] == ["a.jsonl#1"]
    assert "same text" in result.problems[0].message


def test_mojibake_is_repaired_and_typography_kept(tmp_path: Path) -> None:
    (document,) = cleaned(tmp_path, "mojibake.txt").documents
    assert document.title == "Copper prices lift the province’s hopes"
    assert "miners in the province" in body(document) and "Â" not in body(document)
    assert document.authors == ("Lode Staff",) and (document.date, document.time) == ("2025-04-09", "10:42")


def test_the_report_has_a_row_per_article_with_where_each_fact_came_from(tmp_path: Path) -> None:
    result = cleaned(tmp_path, "kalunga-loan.html", "mojibake.txt")
    rows = list(csv.DictReader(io.StringIO(report_csv(assemble(result.documents)).decode("utf-8-sig"))))
    by_file = {row["file"]: row for row in rows}
    page = by_file["kalunga-loan.html"]
    assert page["title_origin"] == "page markup" and page["source"] == "Copperbelt Ledger"
    assert page["authors"] == "Ana Lopes; Tomas Berg" and page["date"] == "2024-05-01" and page["timezone"] == "-05:00"
    scrape = by_file["mojibake.txt"]
    assert scrape["title_origin"] == "headline" and int(scrape["lines_removed"]) == 2
    assert "metadata: 2" in scrape["removed_by_reason"] and "[metadata] By Lode Staff" in scrape["removed_lines"]


def test_html_and_json_files_are_found_in_a_corpus(tmp_path: Path) -> None:
    for name in ("kalunga-loan.html", "crawl.jsonl"):
        shutil.copy(PAGES / name, tmp_path / name)
    (tmp_path / "one.json").write_text('{"title": "A single record", "text": "Just one paragraph of text."}', encoding="utf-8")
    paths = [document.path for document in load_corpus(tmp_path).documents]
    assert paths == ["crawl.jsonl#1", "crawl.jsonl#2", "kalunga-loan.html", "one.json"]
