"""Publication dates written the ways news pages write them -> ISO YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<num>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
)


def find_date(text: str) -> str | None:
    """The first calendar date in `text`, as ISO YYYY-MM-DD; None when there is none or it is impossible."""
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["num"]) if parts.get("num") else MONTHS[parts["month"].lower()]
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


def iso_date(value: object) -> str | None:
    """A front-matter date (YAML date, datetime or string) as ISO, or None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return None
    return find_date(str(value))
