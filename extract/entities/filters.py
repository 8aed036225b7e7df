"""What is not an entity: headings alone, job titles, common words, demonyms."""

from __future__ import annotations

import re

from ..dates import ZONES
from ..model import VALUE_TYPES
from ..vocab import Vocabulary, alternation, entries, fold, words
from .gazetteer import is_country_start, language_names, place_kind
from .organisations import CODE_ON_EXCHANGE, COMMON_TERMS, EXCHANGE, OPENED_BY, ORG_SUFFIX, opens_a_sentence
from .people import MINISTERIAL_TITLE
from .places import DIRECTIONS
from .spans import Found
from .values import AFTER_FIGURE

CURRENCY_NAMES = frozenset(name.casefold() for name in AFTER_FIGURE)


def drop_heading_only(candidates: list[Found], headings: list[tuple[int, int]]) -> list[Found]:
    """A heading makes no entity of its own ("The Final Words"); names the body also uses are kept there too."""
    def in_heading(c: Found) -> bool:
        return any(start <= c.start and c.end <= end for start, end in headings)

    body_names = {fold(c.name) for c in candidates if not in_heading(c)}
    return [c for c in candidates if not in_heading(c) or c.origin != "model" or fold(c.name) in body_names]


CHEMICAL_FORMULA = re.compile(r"(?=\w*\d[A-Z])(?:[A-Z][a-z]?\d*){2,}")  # a figure inside ("P2O5"), not only at the end ("COP29")
# (And a plan or a technique: "the National Lithium Strategy", "Direct Lithium Extraction technology".)
LAW_NAME = re.compile(r"\s(?:Act|Law|Code|Directive|Ordinance|Regulations?|Bill|Strategy|Policy|Framework|Roadmap|Extraction|"
                      r"Agreement|Accord|Treaty|Pact)"
                      r"(?: (?:of )?(?:19|20)\d{2})?$")
TICKER_BEFORE = re.compile(rf"[(;,]\s*{EXCHANGE}$")
SHARE_TICKER = re.compile(CODE_ON_EXCHANGE)
# "(RTNTF,RIO,RIO.L, RTPPF)", "(NYSE:RIO)": brackets holding only share codes and exchanges.
SHARE_CODE = rf"(?:{EXCHANGE})?[A-Z0-9][A-Z0-9.-]{{0,7}}"
TICKER_BRACKET = re.compile(rf"\({SHARE_CODE}(?:[,;] ?{SHARE_CODE})*\)")
TIME_ZONES = frozenset(ZONES)
CLOCK_BEFORE = re.compile(r"\d(?:\s?(?:[ap]\.?m\.?|[AP]M))?\s+$")


def in_ticker_bracket(text: str, start: int, end: int) -> bool:
    """The span lies in brackets of share codes: "RIO" of "Rio Tinto Plc (RTNTF,RIO,RIO.L, RTPPF)"."""
    opened = text.rfind("(", max(0, start - 40), start)
    if opened == -1:
        return False
    bracket = TICKER_BRACKET.match(text, opened)
    # (A lone acronym in brackets is a definition, "(JBIC)": only a list of codes or an exchange's code is a ticker.)
    # (The exchange before a colon is a name of its own: "NYSE" of "(NYSE: VALE)".)
    return (bracket is not None and bracket.end() >= end and ("," in bracket.group(0) or ":" in bracket.group(0))
            and not text.startswith(":", end))


def is_junk(found: Found, common_acronyms: set[str], text: str = "") -> bool:
    name = found.name
    if found.type in VALUE_TYPES:
        return found.value is None
    if found.origin == "model" and text:
        # "Minister for Commerce", "Investment, Trade and Industry Minister", "Federal Energy [and Natural
        # Resources Minister]": a portfolio, not an organisation.
        if found.type == "ORG" and (re.search(r"\b[Mm]inister (?:for|of) $", text[max(0, found.start - 20):found.start])
                                    or re.match(r"(?:,? and [A-Z][\w-]*(?: [A-Z][\w-]*)*)? (?:[Mm]inister|Secretary)\b",
                                                text[found.end:])
                                    or (" " not in found.text and re.match(r" [Mm]inistry\b", text[found.end:]))):
            return True
        if is_capitalised_common_word(found, text):
            return True
        # "minerals, ICT, manufacturing": an acronym in a list of common nouns is one of them.
        before = text[max(0, found.start - 40):found.start]
        after = text[found.end:found.end + 40]
        if found.text.isupper() and re.search(r"\b[a-z][\w-]*, $", before) and re.match(r", (?:and )?[a-z]", after):
            return True
    if found.text in common_acronyms or found.text.rstrip("s") in common_acronyms or fold(found.text) in COMMON_TERMS:
        return True
    # "Charge de Affairs": a job title as written, whatever found it, is no organisation or person.
    if PHRASE_NOT_NAME.fullmatch(found.name):
        return True
    # "Minister of Natural Resources", "Minister of Economy, Trade and Industry": a job title, not an organisation,
    # whatever found it.
    if found.type == "ORG" and re.match(r"(?:Deputy |Prime |Chief )?(?:Minister|Secretary|Governor|Commissioner) (?:of|for) ", name):
        return True
    # "the Inflation Reduction Act", "the Mines and Minerals Act 2023", "the Mining Code": laws, rules and plans
    # are no organisations, events or places.
    if found.type in ("ORG", "EVENT", "PROJECT", "LOC", "GPE") and LAW_NAME.search(name):
        return True
    # "(NYSE: B)", "(TSX: ABX; ASX: LYC)": a ticker after its exchange names a share, not a thing of its own.
    if text and TICKER_BEFORE.search(text, max(0, found.start - 14), found.start) and re.match(r"\s*[);,]", text[found.end:]):
        return True
    # "at 1420 GMT", "11:52 PM ULAT": a time zone after a time names no one.
    if found.text in TIME_ZONES and text and CLOCK_BEFORE.search(text, max(0, found.start - 12), found.start):
        return True
    # "LUN.TO", "GLEN.L": a share's ticker on its exchange names the share, not a thing of its own.
    if SHARE_TICKER.fullmatch(found.text) or (text and in_ticker_bracket(text, found.start, found.end)):
        return True
    # "P2O5", "U3O8", "Li2CO3": a chemical formula names a compound, not a thing of the story.
    if CHEMICAL_FORMULA.fullmatch(found.text):
        return True
    # "’s House": no name starts with the end of a possessive.
    if re.match(r"['’]s\b", found.text):
        return True
    if len(name) < 2 or not any(ch.isalpha() for ch in name) or GENERIC_NAME.fullmatch(name) or ORG_SUFFIX.fullmatch(name):
        return True
    # "Uranium On", where a page's stored copy was cut off: no name ends in a capitalised little word.
    if re.search(r" (?:On|In|At|Of|And|The|To|For|By|With|From|A|An)$", name):
        return True
    if found.type in ("PERSON", "ORG", "GPE", "LOC", "EVENT", "PROJECT") and not any(ch.isupper() for ch in name):
        return True
    # "Those", "Meanwhile": a word that opens sentences, alone, names nothing.
    if OPENED_BY.fullmatch(name):
        return True
    # "Jiji Press)--Japan", "REUTERS/Chipo Banda -": the edges of a wire or photo credit, not a name.
    if name.count("(") != name.count(")") or "--" in name or re.match(r"[A-Z]{2,}/", name) or re.search(r" [-–—]$", name):
        return True
    # "the Kwacha", "Dirhams": a currency's name is money's unit, not an organisation or a place.
    if found.type in ("ORG", "GPE") and " " not in name and name.casefold() in CURRENCY_NAMES:
        return True
    # "Phase 1", "Phase II of the Lobito Corridor": a stage of a project is no event.
    if found.type == "EVENT" and re.match(r"(?:Phase|Stage) (?:\d+|[IVX]+)\b", name):
        return True
    return found.type in ("LOC", "GPE", "ORG") and name.casefold() in DIRECTIONS


def is_capitalised_common_word(found: Found, text: str) -> bool:
    """'Dam safety has been…': a single word capitalised only because it opens a sentence, and written in
    lower case elsewhere in the article ('a tailings dam'), is a common noun the model took for a name."""
    if " " in found.text or not found.text[:1].isupper() or found.text[1:2].isupper() or not opens_a_sentence(text, found.start):
        return False
    lower = found.text.lower()
    forms = {lower, lower + "s", lower + "es", lower[:-1] if lower.endswith("s") else lower}
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text) for form in forms)


def is_demonym(found: Found, vocabulary: Vocabulary) -> bool:
    """'Pakistanis', 'Japanese', 'Chinese': people of a place, not the place."""
    # (A person's one word too: "Kazakh President Kassym-Jomart Tokayev" gave the model a "person" "Kazakh".)
    # ("Sri Lankan", "South African": a country of two or three words, and its people's adjective.)
    if (found.type not in ("GPE", "LOC", "ORG", "PROJECT", "PERSON") or found.name.count(" ") > 2
            or vocabulary.lookup(found.name) is not None or found.name.isupper()):
        # (A place the vocabulary names is itself: "the Americas" are no people of America; and capitals are an
        # acronym, "PAP" no start of "Papua".)
        return False
    if " " in found.name and not any(place_kind(found.name[:-len(e)] + base) == "country"
                                     for e in ("n", "an", "ian", "ese") for base in ("", "a")):
        return False
    if is_country_start(found.name) and place_kind(found.name) is None:
        return True  # "Kazakh", "Uzbek": the start of a country's name, without its ending
    if found.type != "PERSON" and found.name in language_names() and place_kind(found.name) is None:
        return True  # "Irish", "Thai", "Dutch": a people's language and adjective (not "Gujarati", a surname too)
    for ending in ("is", "i", "lese", "ese", "ians", "ian", "ans", "an", "s"):  # ("Congolese", "Togolese")
        stem = found.name[: -len(ending)]
        if found.name.endswith(ending) and len(stem) >= 3:
            for base in (stem, stem + "a", stem + "e", stem + "o", stem + "s", stem + "es"):  # "Andean", "Emirati", "Mexican"
                if base == found.name:
                    continue  # "Philippines", "Andes": the place itself
                term = vocabulary.lookup(base)
                if (term is not None and term.type in ("GPE", "LOC")) or place_kind(base) == "country":
                    return True
    return False


# Phrases whose capitals name no one thing, so no name lies inside them: "Memorandums of Understanding" (no
# places "Memorandums" and "Understanding"), "Chief of Army Staff" (no organisation "Army").
PHRASE_NOT_NAME = re.compile(rf"(?<![\w-])(?:{alternation(words('common_terms') + words('job_titles'))})(?![\w-])", re.IGNORECASE)
# "Director of Project Management", "Head of Corporate Affairs": a post's department, not an organisation.
DEPARTMENT = re.compile(rf"(?:(?:{alternation(words('departments'))})(?:,? (?:and |& )?| |$))+", re.IGNORECASE)
POST_OF = re.compile(rf"(?i:\b(?:{alternation(words('job_titles'))}) of (?:the )?)$")
# "Minister of Energy and Mineral Resources Dr. Lina Haddadin": the end of a post's portfolio, before the name.
PORTFOLIO_SO_FAR = re.compile(rf"(?i:\b(?:{alternation(words('job_titles'))})) (?:of|for) (?:the )?(?:[A-Z][\w-]*,? )+(?:and|&) $")
HONORIFIC_ONLY = {form.casefold() for form in words("honorifics")}
WEEKDAY_NAMES = {forms[0].casefold() for forms, _ in entries("weekdays")}  # "Monday", not "Sun" (a surname too)


MINISTERS_PORTFOLIO = re.compile(rf"\b{MINISTERIAL_TITLE} (?:of|for) (?:the )?([A-Z][\w-]*(?:(?:,| and| &)? [A-Z][\w-]*)*)")


def inside_phrases(candidates: list[Found], text: str) -> list[Found]:
    """The model's names that are words of a common term or a job title, or a post's department."""
    phrases = [m.span() for m in PHRASE_NOT_NAME.finditer(text)]

    def inside(c: Found) -> bool:
        # (Or running into one: "Mining Cabinet" of "Mining Cabinet Secretary", a portfolio and half a title.)
        return c.origin == "model" and any((start <= c.start and c.end <= end and (start, end) != (c.start, c.end))
                                           or (c.start < start < c.end < end) for start, end in phrases)

    def department(c: Found) -> bool:
        return (c.origin == "model" and c.type == "ORG" and bool(DEPARTMENT.fullmatch(c.text))
                and bool(POST_OF.search(text, 0, c.start)))

    def portfolio_end(c: Found) -> bool:
        return (c.origin == "model" and c.type == "ORG" and bool(PORTFOLIO_SO_FAR.search(text, max(0, c.start - 80), c.start))
                and bool(re.match(r" [A-Z]", text[c.end:c.end + 2])))

    # "Minister for Industry, Commerce and Supplies": a word of a minister's portfolio names no organisation.
    portfolios = [m.span(1) for m in MINISTERS_PORTFOLIO.finditer(text)]

    def portfolio_word(c: Found) -> bool:
        return c.origin == "model" and c.type == "ORG" and any(start <= c.start and c.end <= end for start, end in portfolios)

    return [c for c in candidates
            if c.type in VALUE_TYPES or not (inside(c) or department(c) or portfolio_end(c) or portfolio_word(c))]


def is_honorific_only(found: Found) -> bool:
    """'Atty', 'Dr.': a title the model took for a person, with no name after it; 'Office Thursday': no person's
    name holds a weekday."""
    return found.type == "PERSON" and (found.name.rstrip(".").casefold() in HONORIFIC_ONLY
                                       or any(w.casefold() in WEEKDAY_NAMES for w in found.name.split()))


# "Project", "Company", "Federal Government": a capitalised common noun names no one thing.
# ("The State will keep 49%", "the Kingdom said": a capitalised common noun standing for a country names nothing itself.)
GENERIC_NAME = re.compile(r"Project|(?:(?:Federal|State|Provincial|Central|National|Local|Regional) )?Government|"
                          r"State|Kingdom|Republic|Emirate|Federation|Company|Group|Firm|Ministry|Department")

