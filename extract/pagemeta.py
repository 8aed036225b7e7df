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

from .dates import DIGIT, MONTHS, NUMERIC_ORDER, TIME, WEEKDAYS, ZONES, PrintedDate, find_dates
from .entities.gazetteer import place_kind


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
    rf"(?:\s*,?\s+(?:(?i:for|with)\s+(?P<outlet>{NAME})|(?i:in|at)\s+(?P<place>{NAME})))?\s*(?:->|→|»|›|>)?"
)
BYLINE_LABEL = re.compile(rf"^(?i:author|authors|reporter|written by|byline)\s*:\s*{NAMES}")
# "HAMID KHAN, Karachi": a name in capitals and the place it was filed from.
CAPITALS_BYLINE = re.compile(r"^(?P<name>[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){1,3})\s*,\s*(?P<place>[A-Z][\w’' .-]{1,30})$")
PUBLISHED_IN = re.compile(rf"\b(?i:(?:originally |first )?(?:published|appeared|printed))\s+(?i:in|by)\s+(?P<outlet>{NAME})")
SOURCE_LABEL = re.compile(r"^(?i:source|via|originally published (?:in|by)|courtesy)\s*:?\s+(?P<outlet>[^|•]{2,60}?)\s*$")
WHOLE_PARENS = re.compile(r"^\((?P<outlet>[A-Z][\w&’'. -]{1,40})\)$")
RELATIVE = re.compile(r"\b(?:\d{1,3}|an?|one|few)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b", re.IGNORECASE)
UPDATED_LABEL = re.compile(r"(?i:\b(?:updated|last updated|modified|last modified|edited|revised)\b)[\s:,|–—-]*(?:on\s+|at\s+)?"
                           r"(?i:(?:" + "|".join(WEEKDAYS) + r")\.?,?\s+)?$")
# Words a metadata line may hold besides its facts.
FILLER = re.compile(
    r"(?i:\b(?:published|first published|posted|updated|last updated|modified|date|dated|on|at|as of|time|news of|"
    + "|".join(WEEKDAYS) + r"|" + "|".join(ZONES) + r"|\d+\s*min(?:ute)?s?\s*(?:read|listen)?|read|listen)\b)"
)
SEPARATORS = re.compile(r"\s*(?:[|•·,;/]|\s[-–—]\s|[–—]|->|→|»|›)\s*")
# A bare outlet name: a few capitalised words ("The Express Tribune", "AFP", "mining.com").
OUTLET = re.compile(r"^(?:The\s+)?(?:[A-Z][\w&’'.-]*|[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{2,12})"
                    r"(?:\s+(?:of|the|and|&|[A-Z][\w&’'.-]*)){0,5}$")
# "Transport Reporter", "Senior Correspondent": a byline's job title, neither a name nor an outlet.
ROLE = re.compile(r"\b(?i:reporter|correspondent|editor|writer|staff|desk|contributor|columnist|journalist|analyst|"
                  r"bureau chief|photographer|producer|anchor|intern)s?\b")
# "Monitoring Desk", "Lode Staff Reporter", "Our Correspondent": a byline without "By", signed by a role.
DESK_BYLINE = re.compile(r"^(?:By\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}(?:[Ss]taff\s+)?(?:[Rr]eporter|[Cc]orrespondent|[Ww]riter|[Dd]esk)$"
                         r"|^(?:Monitoring|Staff|News|Web|Online) Report$")
# Words in outlets' names, never in people's: a two-word piece without one ("Michael Marray") is a byline.
OUTLET_WORDS = re.compile(
    r"\b(?i:news|times|post|daily|journal|herald|weekly|tribune|review|mining|report|online|tv|radio|press|agency|wire|"
    r"business|recorder|observer|gazette|express|standard|mail|telegraph|star|sun|monitor|chronicle|insider|today|digital|"
    r"magazine|media|network|world|global|international|dispatch|courier|bulletin|ledger|voice|pulse|source|metals?|"
    r"minerals?|markets?|finance|financial|economic|economist|bureau|service|channel|broadcasting|corporation|group|week|"
    r"asia|africa|arab|europe|america|nation|national|info|hub|watch|story|leader|record|examiner|advertiser|guardian|"
    r"independent|statesman|telegram|reporter|enquirer|inquirer|digest|sentinel|mirror|prospector|beacon|echo|argus|clarion)\b|\.(?:com|net|org|co|pk|news|info)\b")
# Page furniture that can stand where an outlet's name would: never a source.
NOT_OUTLETS = {"e-paper", "epaper", "home", "menu", "latest", "share", "print", "news", "live", "video", "videos", "photos",
               "opinion", "business", "world", "sport", "sports", "markets", "logo", "follow", "subscribe", "search",
               # a site's sections, printed beside a story's date ("MINING  SEPTEMBER 14, 2026 / 6:52 PM")
               "mining", "economy", "politics", "industry", "energy", "resources", "commodities", "metals", "companies",
               "finance", "technology", "environment", "national", "regional", "local", "international", "region",
               "analysis", "features", "comment", "lifestyle", "culture", "agriculture", "infrastructure"}
# Two items a layout printed side by side without a space: "ThompsonManjimup" (never "McDonald").
CAMEL_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
# "(By A and B)", "By A and B" after the story: a wire's byline printed at its foot.
FOOT_BYLINE = re.compile(r"^\(?(?i:by)\s")
# An agency by its initials: "GCNW", "APA", "QNS".
AGENCY_INITIALS = re.compile(r"[A-Z]{2,6}")
MAX_WORDS = 30
# A line of this many words with none of these marks (a digit, a separator, a byline's or a source's word) is
# prose or a headline: no reading below could find a fact in it, so none is tried.
PLAIN_WORDS = 9
# (Matched against the lower-cased line: a case-sensitive search is the faster one.)
META_HINT = re.compile(r"\d|[|•(]|\s[-–—]\s|->|\b(?:by|ago|published|posted|updated|appeared|printed|source|via|courtesy|"
                       r"author|authors|reporter|byline|written|staff|desk|correspondent|writer)\b")
# A shorter line may also be a name and its outlet ("Priyanka Deshmukh, Bharat Ledger Bureau", "NAME, City", two
# items glued together) or a desk's report ("Monitoring Report").
SHORT_META_HINT = re.compile(r",|[a-z]{2}[A-Z][a-z]|\b(?i:report)$")
# Written with the glued word first (not a look-behind) so that the engine skips ahead to where one can start.
GLUED = re.compile(r"(?P<before>[a-z0-9])(?P<glued>(?:Updated|Published|Posted|Modified)\b"
                   r"|(?:" + "|".join(name.capitalize() for name in MONTHS if len(name) >= 3) + r")\.?\s\d{1,2}\b)"
                   r"|(?P<before_ago>[a-z])(?P<ago>an? (?:second|minute|hour|day|week|month|year) ago$)")
GLUED_DATE = re.compile(r"(?P<before>[A-Za-z])(?P<glued>\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b)")


def unglue(match: re.Match[str]) -> str:
    if match.group("ago"):
        return f"{match.group('before_ago')} {match.group('ago')}"
    return f"{match.group('before')} {match.group('glued')}"


def read_line(text: str, order: NUMERIC_ORDER | None = None) -> LineFacts | None:
    """The facts a metadata line gives, or None when the line is anything else."""
    words = len(text.split())
    if words > MAX_WORDS or not META_HINT.search(text.lower()) and (words >= PLAIN_WORDS or not SHORT_META_HINT.search(text)):
        return None
    if DESK_BYLINE.match(text):
        return LineFacts(authors=(re.sub(r"^By\s+", "", text),))  # "By BWS Correspondent": the desk, without "By"
    # "Express Tribune10-04-2025": an aggregator glues the outlet to the date.
    if DIGIT.search(text):
        text = GLUED_DATE.sub(r"\g<before> \g<glued>", text)
    # "Altiplano Mining DigestMay 3, 2025", "4:12 PM GMT+3Updated 3 hours ago": words glued where a layout
    # put them side by side.
    text = GLUED.sub(unglue, text)
    if text.startswith("(") and FOOT_BYLINE.match(text):
        text = text[1:].removesuffix(")")  # "(By A and B)" at the foot of a story, perhaps cut off before its ")"
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
        # "By Jane Doe, Reuters", "By A, Andean Press Agency": a last single word, or a name with an outlet's
        # word in it, after a comma is the outlet, not a person.
        if len(names) > 1 and "," in byline.group("names") and (" " not in names[-1] or OUTLET_WORDS.search(names[-1])):
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
        return signed_line(rest)
    for piece in SEPARATORS.split(FILLER.sub(" ", rest)):
        piece = piece.strip(" :.()[]")
        if not piece or TIME.fullmatch(piece):  # a time the date left behind ("September 14, 2026 / 6:52 PM")
            continue
        person = name_case(piece) if piece.isupper() and 2 <= len(piece.split()) <= 3 else piece  # "HARUKA NISHIMORI"
        if not authors and (published or updated or undated) and is_person_list(person) and not place_kind(person):
            authors = tuple(split_names(person))  # "18 July 2022 - 00:03 Aaron Ross and Helen Reid"
        elif ROLE.search(piece) and len(piece.split()) <= 4:
            if not authors and piece[:1].isupper():
                authors = (piece,)  # "Reuters | BR Web Desk Published …": a desk signs it
            # else "By A, regional correspondent": the author's role
        elif is_outlet(piece):
            source = source or piece
        elif piece.casefold() not in NOT_OUTLETS:
            return None  # something other than facts: a headline or a sentence with a date in it
    return LineFacts(published, updated, undated, authors, source)


def signed_line(text: str) -> LineFacts | None:
    """'Sana Baig | Qasid News Service', 'Priyanka Deshmukh, Bharat Ledger Bureau': a name and the outlet or desk
    it writes for, with no 'By'."""
    pieces = [piece.strip() for piece in re.split(r"\s*[|,•]\s*|\s[-–—]\s", text.strip()) if piece.strip()]
    if len(pieces) == 1 and len(CAMEL_GLUE.findall(text)) == 1:
        pieces = [piece.strip() for piece in CAMEL_GLUE.split(text)]  # "Holly ThompsonManjimup-Bridgetown Times"
    if len(pieces) != 2 or not is_person_list(pieces[0]):
        return None
    outlet = re.sub(r"\s+(?i:bureau|desk|staff|news desk)$", "", pieces[1])
    agency = AGENCY_INITIALS.fullmatch(outlet) is not None  # "Kojo Antwi-Boasiako | GCNW"
    if not (OUTLET_WORDS.search(pieces[1]) or ROLE.search(pieces[1]) or agency) or not (is_outlet(outlet) or ROLE.search(pieces[1])):
        return None
    return LineFacts(authors=tuple(split_names(pieces[0])), source=outlet if is_outlet(outlet) else None)


def is_person_list(piece: str) -> bool:
    """'Aaron Ross and Helen Reid', 'Michael Marray': names of two or three words, with no outlet word in them."""
    if OUTLET_WORDS.search(piece) or piece.isupper():
        return False
    names = [name.strip() for name in re.split(r"\s*(?:,|&|\band\b)\s*", piece) if name.strip()]
    return bool(names) and all(re.fullmatch(rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{1,2}}", name) for name in names)


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
    if not words or len(words) > 6 or not OUTLET.match(piece) or ROLE.search(piece) or piece.casefold() in NOT_OUTLETS:
        return False
    if words[-1].lower() in ("of", "the", "and", "&"):
        return False
    # Month and weekday names are left over from dates, not outlets.
    return not all(word.lower().strip(".,") in MONTHS or word.lower().strip(".,") in WEEKDAYS for word in words)


# "<Headline> | <Site>", "<Headline> - <Site>": a page title with the site's name after it.
TITLE_SUFFIX = re.compile(r"^(?P<headline>.{12,}?)\s+(?:[|–—]|-|::)\s+(?P<site>[^|–—]{2,60})$")


def without_site_name(title: str, site: str | None, lines: list[str] = ()) -> tuple[str, str | None]:
    """A page title without the site's name after it, and that name: taken off when it is the site name the
    page declares, or when the page prints the headline alone as one of its lines."""
    match = TITLE_SUFFIX.match(title.strip())
    if match is None:
        return title, None
    headline, suffix = match.group("headline").strip(), match.group("site").strip()
    if site and suffix.casefold() == site.casefold() or is_outlet(suffix) and headline in lines:
        return headline, suffix
    return title, None


DOMAIN_SEARCH_CHARS = 50_000  # the outlet's name is printed near the top or the foot; a huge text is not searched whole


def outlet_for_domain(domain: str, text: str) -> str | None:
    """'copperandesreview.example' -> 'Copper Andes Review' when the text prints a name that spells the domain."""
    label = re.sub(r"^www\d?\.", "", domain.casefold()).split(".")[0]
    if len(label) < 4:
        return None
    for match in re.finditer(r"(?:The\s+)?[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,5}", text[:DOMAIN_SEARCH_CHARS]):
        words = match.group(0).split()
        for first in range(len(words)):  # the name may start inside a capitalised run ("Follow Copper Andes Review")
            for last in range(first + 1, len(words) + 1):
                name = " ".join(words[first:last])
                spelled = re.sub(r"[\W_]+", "", name.casefold())
                if spelled in (label, "the" + label):
                    return name
    return None

