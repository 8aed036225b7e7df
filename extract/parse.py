"""The second pass: spaCy's dependency parser over only the sentences that hold a figure (cached).

The entity pass runs spaCy with the parser excluded, because parsing every sentence would halve
extraction's speed. Attribution (figures.py) needs the structure of just the sentences with an amount,
a percentage or a quantity in them (in news about money, a third to a half of them): those alone are
parsed here, with the tagger and parser only, and the result is cached per article, keyed by the text,
the sentences asked for and the model's files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .cache import JsonCache, key_of
from .entities.ner import NerModel
from .entities.spans import Extraction
from .progress import Progress
from .views import sentence_bounds
from .vocab import alternation, entries

PARSER_EXCLUDE = ["ner", "lemmatizer", "attribute_ruler", "senter"]
FIGURE_TYPES = ("MONEY", "PERCENT")
# A quantity with a unit: "210,000 tonnes", "3.1 million ounces", "120 MW", "1,200 jobs", "a 120-megawatt plant".
UNITS = {form.casefold(): forms[0] for forms, _ in entries("units") for form in forms}
COUNTED = {forms[0] for forms, roles in entries("units") if "thing" in roles}
# One qualifier may stand between the number and what it counts: "2,000 construction jobs".
QUALIFIER_WORDS = tuple(form for forms, roles in entries("figure_words") if "qualifier" in roles for form in forms)
QUANTITY = re.compile(
    r"(?<![\w$.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion))?[\s-]*"
    rf"(?:(?:{alternation(QUALIFIER_WORDS)})\s+)?({alternation(tuple(UNITS))})(?!\w)", re.IGNORECASE)
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Parse in more than one process only when there is this much to parse: starting a process costs seconds.
PROCESS_THRESHOLD = 2000


@dataclass(frozen=True)
class Token:
    """One parsed token, as offsets into the article's text; `head` is the index of its head in the sentence."""

    start: int
    end: int
    tag: str
    dep: str
    head: int


@dataclass(frozen=True)
class ParsedSentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: dict[str, object]


def quantities(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities with a unit in `text`, except where a money, percent or date mention already is."""
    found = []
    for match in QUANTITY.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        amount = float(match.group(1).replace(",", "")) * SCALE.get((match.group(2) or "").casefold(), 1)
        unit = UNITS[match.group(3).casefold()]
        found.append(Quantity(match.start(), match.end(), match.group(0), {"amount": amount, "unit": unit}))
    return found


def figure_spans(text: str, extraction: Extraction) -> list[tuple[int, int]]:
    """Where the article's figures are: its money and percent mentions and its quantities."""
    spans = [(m.start, m.end) for m in extraction.mentions if m.type in FIGURE_TYPES]
    taken = [(m.start, m.end) for m in extraction.mentions if m.type in (*FIGURE_TYPES, "DATE")]
    return sorted(spans + [(q.start, q.end) for q in quantities(text, taken)])


def figure_sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences (start, end) that hold at least one of `spans`."""
    chosen = []
    for start, end in sentence_bounds(text):
        if any(start <= s < end for s, _ in spans):
            chosen.append((start, end))
    return chosen


class ParserModel(NerModel):
    """The same model files with the tagger and parser, for the sentences that hold a figure."""

    @cached_property
    def fingerprint(self) -> str:
        return hashlib.sha256(("parser " + " ".join(PARSER_EXCLUDE) + " " + super().fingerprint).encode()).hexdigest()

    @cached_property
    def nlp(self):
        import spacy

        return spacy.load(self.package, exclude=PARSER_EXCLUDE)

    def parse(self, sentences: list[str], processes: int = 1):
        jobs = processes if len(sentences) >= PROCESS_THRESHOLD else 1
        for doc in self.nlp.pipe(sentences, batch_size=64, n_process=jobs):
            yield [(t.idx, t.idx + len(t.text), t.tag_, t.dep_, t.head.i) for t in doc]


def parse_figures(
    texts: list[str],
    extractions: list[Extraction],
    cache_folder: Path | None,
    model: ParserModel | None = None,
    processes: int = 1,
    progress: Progress | None = None,
) -> list[tuple[ParsedSentence, ...]]:
    """Each article's parsed figure sentences; spaCy runs only on articles whose parse is not cached."""
    progress = progress or Progress()
    model = model or ParserModel()
    cache = JsonCache(cache_folder, "parse")
    results: list[tuple[ParsedSentence, ...]] = [()] * len(texts)
    pending: list[tuple[int, str, list[tuple[int, int]]]] = []
    progress.stage("figures: parse", len(texts))
    for index, (text, extraction) in enumerate(zip(texts, extractions, strict=True)):
        if extraction.language != "en":
            progress.advance()
            continue
        sentences = figure_sentences(text, figure_spans(text, extraction))
        if not sentences:
            progress.advance()
            continue
        entry_key = key_of(model.fingerprint, text, repr(sentences))
        cached = cache.get(entry_key)
        if cached is not None:
            results[index] = sentences_from_json(cached)
            progress.advance()
        else:
            pending.append((index, entry_key, sentences))
    flat = [texts[index][s:e] for index, _, sentences in pending for s, e in sentences]
    parsed = iter(model.parse(flat, processes)) if flat else iter(())
    for index, entry_key, sentences in pending:
        done = []
        for start, end in sentences:
            tokens = tuple(Token(start + s, start + e, tag, dep, head) for s, e, tag, dep, head in next(parsed))
            done.append(ParsedSentence(start, end, tokens))
        results[index] = tuple(done)
        cache.put(entry_key, sentences_to_json(results[index]))
        progress.advance()
    return results


def sentences_to_json(sentences: tuple[ParsedSentence, ...]) -> list[object]:
    return [[s.start, s.end, [[t.start, t.end, t.tag, t.dep, t.head] for t in s.tokens]] for s in sentences]


def sentences_from_json(data: list) -> tuple[ParsedSentence, ...]:
    return tuple(ParsedSentence(start, end, tuple(Token(*t) for t in tokens)) for start, end, tokens in data)
