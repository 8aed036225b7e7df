"""What a page says about itself: dates as printed, and lines that carry date, outlet and authors (no model needed)."""

from __future__ import annotations

import pytest

from extract.dates import find_date, find_dates, numeric_order
from extract.pagemeta import outlet_for_domain, read_line, without_site_name


@pytest.mark.parametrize("text, day, time, zone", [
    ("Published 3 Feb, 2024 10:15am", "2024-02-03", "10:15", None),
    ("March 19, 2024 — 01:18 am EDT", "2024-03-19", "01:18", "EDT"),
    ("Feb. 19, 2026 7:42 p.m. ET", "2026-02-19", "19:42", "ET"),
    ("Updated Tue 4 Feb 2025 07.12 GMT", "2025-02-04", "07:12", "GMT"),
    ("Updated 10:42 am, 9 April 2025", "2025-04-09", "10:42", None),
    # The day printed, never shifted to UTC: 23:30 at -05:00 is the next day in UTC.
    ("2024-05-01T23:30:00-05:00", "2024-05-01", "23:30", "-05:00"),
    ("Published in the Harbour Gazette, July 1st, 2020", "2020-07-01", None, None),
    ("13/05/2024", "2024-05-13", None, None),
    ("5/13/2024", "2024-05-13", None, None),
])
def test_a_printed_date_gives_its_day_time_and_zone(text: str, day: str, time: str | None, zone: str | None) -> None:
    printed = find_dates(text)[0]
    assert (printed.date, printed.time, printed.timezone) == (day, time, zone)


@pytest.mark.parametrize("text", ["04/05/2024", "10-04-2025", "1.2.2024", "31 February 2024", "3 hours ago", "May 2024"])
def test_an_ambiguous_or_impossible_date_gives_none(text: str) -> None:
    assert find_date(text) is None


def test_the_pages_own_numeric_dates_settle_the_order() -> None:
    order = numeric_order(["Posted 04/05/2024", "Comment 13/05/2024 09:12"])
    assert order == "dmy" and find_date("04/05/2024", order) == "2024-05-04"
    assert numeric_order(["13/05/2024", "05/13/2024"]) is None  # the page disagrees with itself


@pytest.mark.parametrize("line, day, updated, authors, source", [
    ("By Jane Doe and John Roe | Wirecast | Published May 1, 2024 10:15 am", "2024-05-01", None, ("Jane Doe", "John Roe"), "Wirecast"),
    ("Wirecast | Updated 01 May 2024", None, "2024-05-01", (), "Wirecast"),
    ("Feb. 19, 2026 7:42 p.m. ET | Updated Feb. 20, 2026", "2026-02-19", "2026-02-20", (), None),
    ("Published in Harbour Gazette, July 1st, 2020", "2020-07-01", None, (), "Harbour Gazette"),
    ("Written by Ana Lopes and Tom Berg for Ridge Metals Wire ->", None, None, ("Ana Lopes", "Tom Berg"), "Ridge Metals Wire"),
    ("By Hanna Lindqvist, Transport Reporter", None, None, ("Hanna Lindqvist",), None),
    ("By Jane Doe, Wirecast", None, None, ("Jane Doe",), "Wirecast"),
    ("HAMID QURESHI, Karachi", None, None, ("Hamid Qureshi",), None),
    ("Wirecast | Lode Web Desk Published January 15, 2025", "2025-01-15", None, ("Lode Web Desk",), "Wirecast"),
    ("18 July 2022 - 00:03 Ana Lopes and Tom Berg", "2022-07-18", None, ("Ana Lopes", "Tom Berg"), None),
    ("Copper Ledger 14-02-2025", "2025-02-14", None, (), "Copper Ledger"),  # an aggregator's outlet and date, day-first
    ("Sana Qadir | Qasid News Service", None, None, ("Sana Qadir",), "Qasid News Service"),
    ("(Harbour Gazette)", None, None, (), "Harbour Gazette"),
    ("Source: minewatch.example", None, None, (), "minewatch.example"),
    # a zone abbreviation not on Lode's list is still a zone, never an outlet
    ("Published March 3, 2025 at 9:05 PM ULAT · Updated March 4, 2025 at 7:40 AM ULAT", "2025-03-03", "2025-03-04", (), None),
    ("Updated: Monday, 5 May 2025 — 10:05 BOT", None, "2025-05-05", (), None),  # a weekday between label and date
    ("Tin Country DigestJune 2, 2025", "2025-06-02", None, (), "Tin Country Digest"),  # outlet glued to the date
    ("June 2, 2025 3:10 PM GMT+3Updated 2 hours ago", "2025-06-02", None, (), None),
    ("Business News of Monday, 3 June 2024", "2024-06-03", None, (), None),
    ("Kwame Osei-Bonsu | HTNA", None, None, ("Kwame Osei-Bonsu",), "HTNA"),  # an agency by its initials
    ("By Rosa Mamani Quispe, Altiplano Press Agency", None, None, ("Rosa Mamani Quispe",), "Altiplano Press Agency"),
    ("By PETER KAUPA in Wabag", None, None, ("Peter Kaupa",), None),  # where it was filed, not an outlet
    ("Mary ClarkeKalgoorlie Miner Times", None, None, ("Mary Clarke",), "Kalgoorlie Miner Times"),  # glued by a layout
    ("Wirecasta day ago", None, None, (), "Wirecast"),
    ("(By Ana Lopes and Tom Berg)", None, None, ("Ana Lopes", "Tom Berg"), None),  # a wire byline at the foot
    ("Monitoring Report", None, None, ("Monitoring Report",), None),
    ("AMAKA OBI | Delta Mining Times | Oct. 9, 2026 18:05 WAT", "2026-10-09", None, ("Amaka Obi",), "Delta Mining Times"),
    ("By Rosa Mamani Quispe, regional correspondent", None, None, ("Rosa Mamani Quispe",), None),
    ("MINING   MAY 4, 2026 / 6:52 PM / UPDATED 2 HOURS AGO", "2026-05-04", None, (), None),  # a section, not an outlet
    ("Ana Lopes and Tom Berg | Ridge Metals Wire", None, None, ("Ana Lopes", "Tom Berg"), "Ridge Metals Wire"),
])
def test_a_metadata_line_is_taken_apart(line: str, day: str | None, updated: str | None, authors: tuple[str, ...],
                                        source: str | None) -> None:
    facts = read_line(line)
    assert facts is not None
    assert (facts.published.date if facts.published else None) == day
    assert (facts.updated.date if facts.updated else None) == updated
    assert (facts.authors, facts.source) == (authors, source)


def test_an_ambiguous_aggregator_date_gives_the_outlet_but_no_date() -> None:
    facts = read_line("Copper Ledger10-04-2025")
    assert facts is not None and facts.source == "Copper Ledger" and facts.published is None and facts.undated


@pytest.mark.parametrize("line", [
    "Copper miners cut output as prices fall on May 1, 2024",
    "Pakistan, China sign mining pact",
    "Reporting by Jane Doe; Editing by John Roe",
    "The mine opened in 2019 and employs 400 people.",
])
def test_a_headline_or_sentence_with_a_date_is_not_metadata(line: str) -> None:
    assert read_line(line) is None


@pytest.mark.parametrize("title, site, lines, expected", [
    ("Tin miners strike in Oruro | Altiplano Weekly", "Altiplano Weekly", [], ("Tin miners strike in Oruro", "Altiplano Weekly")),
    ("Tin miners strike in Oruro - Altiplano Weekly", None, ["Tin miners strike in Oruro"],
     ("Tin miners strike in Oruro", "Altiplano Weekly")),
    # a dash inside a headline stays when nothing says the tail is the site's name
    ("Copper price slides - traders blame Chinese demand", None, [], ("Copper price slides - traders blame Chinese demand", None)),
])
def test_a_page_title_loses_the_sites_name(title: str, site: str | None, lines: list[str], expected: tuple) -> None:
    assert without_site_name(title, site, lines) == expected


def test_a_bare_domain_is_named_by_the_outlet_the_text_prints() -> None:
    text = "Photo: Tin Valley Review/Archive\nMiners said ...\nReaders of Tin Valley Review can write to us."
    assert outlet_for_domain("www.tinvalleyreview.example", text) == "Tin Valley Review"
    assert outlet_for_domain("tinvalleyreview.example", "No name here.") is None
