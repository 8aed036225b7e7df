"""build.py --report FILE.csv: one row per article, for curators checking what the cleaner decided."""

from __future__ import annotations

import csv
import io
from collections import Counter

from .model import Article

COLUMNS = ("id", "file", "title", "title_origin", "date", "time", "timezone", "source", "authors", "url",
           "paragraphs", "lines_removed", "removed_by_reason", "removed_lines")


# A cell a spreadsheet would read as a formula ("=HYPERLINK(…)" in a scraped title runs when the curator opens
# the report): a leading apostrophe makes it text, as spreadsheets themselves do.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """Corpus text as a cell (Lode's own values, such as a zone "-05:00", are written as they are)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def report_csv(articles: tuple[Article, ...]) -> bytes:
    """The report's bytes (UTF-8 with a byte-order mark, so spreadsheet programs read the accents right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for article in sorted(articles, key=lambda a: a.source_path):
        reasons = Counter(removed.reason for removed in article.removed)
        writer.writerow([
            article.id, cell(article.source_path), cell(article.title), article.title_origin, article.date or "",
            article.time or "", article.timezone or "", cell(article.source or ""), cell("; ".join(article.authors)),
            article.url or "",
            sum(1 for block in article.blocks if block.kind != "heading"), len(article.removed),
            "; ".join(f"{reason}: {count}" for reason, count in sorted(reasons.items())),
            "\n".join(f"[{removed.reason}] {removed.text}" for removed in article.removed),
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
