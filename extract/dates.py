"""Dates as news pages print them -> the calendar day (ISO YYYY-MM-DD), and the time and zone when shown.

The day is the one printed: "May 1, 2024 11:30 pm EDT" is 2024-05-01 whatever
that is in UTC, with "23:30" and "EDT" kept in their own fields. A numeric date
that could be day-first or month-first ("04/05/2024") gives no date unless the
page itself shows the order elsewhere ("13/05/2024"): a wrong date is worse
than none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .vocab import entries, words

# The calendar's words come from vocab/months.txt, weekdays.txt and time_zones.txt.
MONTH_NAMES = tuple(forms[0] for forms, _ in entries("months"))  # "January" … "December"


def long_date(iso: str | None) -> str:
    """'2025-04-08' -> '8 April 2025'."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"
MONTHS = {form.lower(): number for number, (forms, _) in enumerate(entries("months"), start=1) for form in forms}
WEEKDAY_NAMES = tuple(forms[0] for forms, _ in entries("weekdays"))  # "Monday" … "Sunday"
WEEKDAYS = tuple(day.lower() for day in WEEKDAY_NAMES) + tuple(form.lower() for forms, _ in entries("weekdays") for form in forms[1:])
# Zone abbreviations news pages print after a time (the cleaner also reads them as date-line words).
ZONES = words("time_zones")
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20|21)\d{2})"
ORDINAL = r"(?:st|nd|rd|th)?"
NUMERIC_ORDER = Literal["dmy", "mdy"]
DIGIT = re.compile(r"\d")

# Each pattern finds one printed date; `num` is a numeric month, `first`/`second` the two numbers of a
# day-month or month-day date whose order the page must make clear.
PATTERNS = (
    re.compile(rf"(?<![\d.]){YEAR}(?P<sep>[-/.])(?P<num>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?![\d])"),
    re.compile(rf"(?<![\d.])(?P<first>\d{{1,2}})(?P<sep>[-/.])(?P<second>\d{{1,2}})(?P=sep){YEAR}(?![\d])"),
    re.compile(rf"\b(?P<day>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}}){ORDINAL},?\s+{YEAR}\b", re.IGNORECASE),
)
# After the listed abbreviations, any capitalised one ending in T ("ULAT", "BOT") printed right after a time.
ZONE = (r"(?P<zone>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z(?![\w])|"
        + "|".join(ZONES) + r"|(?-i:[A-Z]{1,4}T))(?![\w])")
# "10:15am", "10.15 a.m.", "01:18 am EDT", "23:30", "T23:30:00-05:00".
TIME = re.compile(
    r"(?<![\d:.])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?(?::\d{2}(?:\.\d+)?)?\s?(?P<ampm>[ap])\.?\s?m\b\.?(?:\s?" + ZONE + ")?"
    r"|(?<![\d:.])(?P<hour24>\d{1,2})[:.h](?P<minute24>\d{2})(?::\d{2}(?:\.\d+)?)?(?![\d])"
    r"(?:\s?\(?" + ZONE.replace("zone", "zone24") + r"\)?)?",
    re.IGNORECASE,
)
# How far from a date its time may be printed ("May 1, 2024 — 01:18 am EDT", "Updated 10:42 am, 9 April 2025").
TIME_REACH = 24


@dataclass(frozen=True)
class PrintedDate:
    """A date as printed in a line of text, with the span it covers (its time and zone included)."""

    date: str | None  # ISO YYYY-MM-DD; None for a numeric date whose day/month order the page leaves open
    start: int
    end: int
    time: str | None = None  # "HH:MM", 24-hour
    timezone: str | None = None  # as printed: "EDT", "GMT+5", "-05:00"


def find_dates(text: str, order: NUMERIC_ORDER | None = None) -> list[PrintedDate]:
    """Every date printed in `text`, in order; impossible ones ("31 February 2024") are left out."""
    found: list[PrintedDate] = []
    taken: list[tuple[int, int]] = []
    if not DIGIT.search(text):  # every printed date has a digit; most lines have none
        return found
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            day = calendar_day(match.groupdict(), order)
            if day is False:
                continue
            taken.append((match.start(), match.end()))
            found.append(with_time(text, PrintedDate(day or None, match.start(), match.end())))
    return sorted(found, key=lambda d: d.start)


def calendar_day(parts: dict[str, str | None], order: NUMERIC_ORDER | None) -> str | None | bool:
    """ISO day, None when the day/month order is open, False when no such day exists."""
    year = int(parts["year"] or 0)
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"] or 0)
        if first > 12 or (order == "dmy" and second <= 12):
            day, month = first, second
        elif second > 12 or order == "mdy":
            day, month = second, first
        else:
            return None if valid(year, first, second) and valid(year, second, first) else False
    else:
        day = int(parts["day"] or 0)
        month = int(parts["num"]) if parts.get("num") else MONTHS[(parts["month"] or "").lower()]
    return dt.date(year, month, day).isoformat() if valid(year, month, day) else False


def valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def with_time(text: str, printed: PrintedDate) -> PrintedDate:
    """The date, widened to a time printed next to it (after it, or just before it)."""
    gap = re.match(r"(?:[\s,|–—-]|at\b|T(?=\d))*", text[printed.end:printed.end + TIME_REACH])
    after = TIME.match(text, printed.end + (gap.end() if gap else 0))
    if after is not None:
        return PrintedDate(printed.date, printed.start, after.end(), *clock(after))
    before = None
    for match in TIME.finditer(text, max(0, printed.start - TIME_REACH), printed.start):
        if re.fullmatch(r"[\s,|–—-]*(?:on\s+)?", text[match.end():printed.start]):
            before = match
    if before is not None:
        return PrintedDate(printed.date, before.start(), printed.end, *clock(before))
    return printed


def clock(match: re.Match[str]) -> tuple[str | None, str | None]:
    """('HH:MM', zone) of a TIME match; (None, None) for an impossible time."""
    if match.group("hour") is not None:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if not 1 <= hour <= 12:
            return None, None
        hour = hour % 12 + (12 if match.group("ampm").lower() == "p" else 0)
        zone = match.group("zone")
    else:
        hour, minute = int(match.group("hour24")), int(match.group("minute24"))
        zone = match.group("zone24")
    if hour > 23 or minute > 59:
        return None, None
    if zone == "Z":
        zone = "UTC"
    return f"{hour:02d}:{minute:02d}", " ".join(zone.split()) if zone else None


def numeric_order(texts: Iterable[str]) -> NUMERIC_ORDER | None:
    """The day/month order a page's own numeric dates show ("13/05/2024" is day-first), if they agree."""
    orders = set()
    for text in texts:
        if not DIGIT.search(text):
            continue
        for match in PATTERNS[1].finditer(text):
            first, second = int(match.group("first")), int(match.group("second"))
            if first > 12 >= second:
                orders.add("dmy")
            elif second > 12 >= first:
                orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def find_date(text: str, order: NUMERIC_ORDER | None = None) -> str | None:
    """The first unambiguous calendar date in `text`, as ISO YYYY-MM-DD."""
    return next((printed.date for printed in find_dates(text, order) if printed.date), None)


def iso_date(value: object) -> str | None:
    """A front-matter or record date (YAML date, datetime or string) as ISO, or None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool):
        return None
    return find_date(str(value))


def iso_time(value: object) -> tuple[str | None, str | None]:
    """The time and zone of a front-matter or record date ("2024-05-01 23:30:00", "2024-05-01T23:30:00-05:00")."""
    if isinstance(value, dt.datetime):
        zone = value.strftime("%z")
        return value.strftime("%H:%M"), (f"{zone[:3]}:{zone[3:]}" if zone else None)
    if not isinstance(value, str):
        return None, None
    printed = next(iter(find_dates(value)), None)
    return (printed.time, printed.timezone) if printed else (None, None)
