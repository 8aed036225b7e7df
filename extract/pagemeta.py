"""What a page says about itself: publication date, outlet and authors, read from the lines that carry them.

Pages join these facts on one line in many ways: "By A and B | Reuters |
Published May 1, 2024 10:15 am", "AFP | Updated 01 May 2024", "Published in
<Outlet>, July 1st, 2020", "Written by A and B for <Agency> ->", "<Outlet>10-04-2025",
"HAMID KHAN, Karachi". `read_line` takes such a line apart; a line that holds
anything else (a sentence, a headline) is not metadata and gives None, so a
headline that happens to contain a date stays a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import MONTHS, NUMERIC_ORDER, WEEKDAYS, ZONES, PrintedDate, find_dates
from .gazetteer import place_kind


@dataclass(frozen=True)
class LineFacts:
    """The facts one metadata line gives."""

    published: PrintedDate | None = None
    updated: PrintedDate | None = None
    undated: bool = False  # it printed a date, but not one Lode can trust (relative, or day/month order unknown)
    authors: tuple[str, ...] = ()
    source: str | None = None


@dataclass
class PageFacts:
    """What a page's metadata lines add up to: the first of each kind wins, the published date over the updated."""

    published: PrintedDate | None = None
    updated: PrintedDate | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None

    def add(self, facts: LineFacts) -> None:
        self.published = self.published or facts.published
        self.updated = self.updated or facts.updated
        if not self.authors:
            self.authors = list(facts.authors)
        self.source = self.source or facts.source

    @property
    def date(self) -> PrintedDate | None:
        return self.published or self.updated


# A person's name: capitalised words (initials, particles and all-capital names allowed), at most five.
NAME_WORD = r"(?:[A-Z][\w’'.-]*|[A-Z]\.)"
PARTICLE = r"(?:de|da|dos|del|der|di|du|la|le|al|el|bin|ibn|van|von|ul|ud|ur)"
NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{0,4}}"
NAMES = rf"(?P<names>{NAME}(?:\s*(?:,|&|\band\b)\s*{NAME})*)"
BYLINE = re.compile(
    rf"^(?i:(?:written|reported|report|words|story|text|compiled|edited|analysis|reporting|photos?|interview|posted|published)\s+)?"
    rf"(?i:by)\s*:?\s+{NAMES}"
    rf"(?:\s*,?\s+(?i:for|in|at|with)\s+(?P<outlet>{NAME}))?\s*(?:->|→|»|›|>)?"
)
BYLINE_LABEL = re.compile(rf"^(?i:author|authors|reporter|written by|byline)\s*:\s*{NAMES}")
# "HAMID KHAN, Karachi": a name in capitals and the place it was filed from.
CAPITALS_BYLINE = re.compile(r"^(?P<name>[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){1,3})\s*,\s*(?P<place>[A-Z][\w’' .-]{1,30})$")
PUBLISHED_IN = re.compile(rf"\b(?i:(?:originally |first )?(?:published|appeared|printed))\s+(?i:in|by)\s+(?P<outlet>{NAME})")
SOURCE_LABEL = re.compile(r"^(?i:source|via|originally published (?:in|by)|courtesy)\s*:?\s+(?P<outlet>[^|•]{2,60}?)\s*$")
WHOLE_PARENS = re.compile(r"^\((?P<outlet>[A-Z][\w&’'. -]{1,40})\)$")
RELATIVE = re.compile(r"\b(?:\d{1,3}|an?|one|few)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b", re.IGNORECASE)
UPDATED_LABEL = re.compile(r"(?i:\b(?:updated|last updated|modified|last modified|edited|revised)\b)[\s:,|–—-]*(?:on\s+|at\s+)?$")
# Words a metadata line may hold besides its facts.
FILLER = re.compile(
    r"(?i:\b(?:published|first published|posted|updated|last updated|modified|date|dated|on|at|as of|time|"
    + "|".join(WEEKDAYS) + r"|" + "|".join(ZONES) + r"|\d+\s*min(?:ute)?s?\s*(?:read|listen)?|read|listen)\b)"
)
SEPARATORS = re.compile(r"\s*(?:[|•·,;/]|\s[-–—]\s|[–—]|->|→|»|›)\s*")
# A bare outlet name: a few capitalised words ("The Express Tribune", "AFP", "mining.com").
OUTLET = re.compile(r"^(?:The\s+)?(?:[A-Z][\w&’'.-]*|[a-z][\w-]*\.(?:com|net|org|pk|co|news|info)(?:\.\w{2})?)"
                    r"(?:\s+(?:of|the|and|&|[A-Z][\w&’'.-]*)){0,5}$")
# "Transport Reporter", "Senior Correspondent": a byline's job title, neither a name nor an outlet.
ROLE = re.compile(r"\b(?i:reporter|correspondent|editor|writer|staff|desk|contributor|columnist|journalist|analyst|"
                  r"bureau chief|photographer|producer|anchor|intern)s?\b")
MAX_WORDS = 30


def read_line(text: str, order: NUMERIC_ORDER | None = None) -> LineFacts | None:
    """The facts a metadata line gives, or None when the line is anything else."""
    if len(text.split()) > MAX_WORDS:
        return None
    # "Express Tribune10-04-2025": an aggregator glues the outlet to the date.
    text = re.sub(r"(?<=[A-Za-z])(?=\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b)", " ", text)
    capitals = CAPITALS_BYLINE.match(text)
    if capitals and place_kind(capitals.group("place").strip()) and not place_kind(capitals.group("name")):
        return LineFacts(authors=(name_case(capitals.group("name")),))
    whole = WHOLE_PARENS.match(text) or SOURCE_LABEL.match(text)
    if whole:
        return LineFacts(source=whole.group("outlet").strip()) if is_outlet(whole.group("outlet").strip()) else None
    published = updated = None
    undated = False
    rest = text
    for printed in reversed(find_dates(text, order)):
        label = UPDATED_LABEL.search(text[max(0, printed.start - 30):printed.start])
        if printed.date is None:
            undated = True
        elif label:
            updated = printed
        else:
            published = printed
        rest = rest[:printed.start] + " | " + rest[printed.end:]
    if RELATIVE.search(rest):
        undated = True
        rest = RELATIVE.sub(" | ", rest)
    authors: tuple[str, ...] = ()
    source = None
    byline = BYLINE.match(rest.strip()) or BYLINE_LABEL.match(rest.strip())
    if byline:
        names = split_names(byline.group("names"))
        # "By Jane Doe, Reuters": a last single word after a comma is the outlet, not a person.
        if len(names) > 1 and " " not in names[-1] and "," in byline.group("names"):
            source = names.pop()
        authors = tuple(names)
        outlet = byline.groupdict().get("outlet")
        if outlet:
            source = outlet.strip()
        rest = rest.strip()[byline.end():]
    published_in = PUBLISHED_IN.search(rest)
    if published_in:
        source = published_in.group("outlet")
        rest = rest[:published_in.start()] + " | " + rest[published_in.end():]
    if not (published or updated or undated or authors or source):
        return None
    for piece in SEPARATORS.split(FILLER.sub(" ", rest)):
        piece = piece.strip(" :.()[]")
        if not piece:
            continue
        if is_outlet(piece) and source is None:
            source = piece
        elif not is_outlet(piece):
            return None  # something other than facts: a headline or a sentence with a date in it
    return LineFacts(published, updated, undated, authors, source)


def split_names(names: str) -> list[str]:
    parts = [part.strip() for part in re.split(r"\s*(?:,|&|\band\b)\s*", names) if part.strip()]
    # "By Lode Staff" is kept whole; "By A, Transport Reporter" loses the title.
    return [name_case(part) for part in parts if not ROLE.search(part) or len(parts) == 1]


def name_case(name: str) -> str:
    """'HAMID KHAN' -> 'Hamid Khan'; names already in mixed case are kept as printed."""
    if name.isupper() and len(name) > 3:
        return " ".join(word.capitalize() if len(word) > 1 else word for word in name.split())
    return name


def is_outlet(piece: str) -> bool:
    words = piece.split()
    if not words or len(words) > 6 or not OUTLET.match(piece) or ROLE.search(piece):
        return False
    # Month and weekday names are left over from dates, not outlets.
    return not all(word.lower().strip(".,") in MONTHS or word.lower().strip(".,") in WEEKDAYS for word in words)
