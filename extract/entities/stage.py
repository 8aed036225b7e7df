"""The extract stage: clean texts -> Extractions, each cached per article (see cache.py).

Two layers: spaCy's spans, keyed by the text and the model's files (editing rules or vocabularies never re-runs
spaCy); and the rules over them (steps.py), keyed by text, model, this package's code and the vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

from ..cache import JsonCache, key_of
from ..progress import Progress
from ..vocab import Vocabulary
from .gazetteer import fingerprint as gazetteer_fingerprint
from .language import detect_language
from .ner import NerModel
from .spans import Extraction, Found
from .steps import refine

PACKAGE = Path(__file__).resolve().parent
VOCAB_FOLDER = PACKAGE.parent / "vocab"
# "from ..dates import find_date": a module outside the package that a rule imports is part of the rules too.
OUTSIDE_IMPORT = re.compile(r"^from \.\.(\w+) import", re.MULTILINE)


def rule_sources() -> list[Path]:
    """Every file the rule layer's output depends on: this folder, the word lists, and the modules it imports
    from outside (found in the code, not kept by hand)."""
    inside = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    outside = {PACKAGE.parent / f"{name}.py" for path in inside for name in OUTSIDE_IMPORT.findall(path.read_text(encoding="utf-8"))}
    words = sorted(p for p in VOCAB_FOLDER.rglob("*") if p.is_file())
    return inside + sorted(p for p in outside if p.is_file()) + words


def rules_fingerprint(vocabulary: Vocabulary) -> str:
    """The rules' code and the word lists: editing either invalidates the rule layer (never spaCy's layer)."""
    parts = [f"{path.relative_to(PACKAGE.parent).as_posix()}\0{path.read_text(encoding='utf-8')}" for path in rule_sources()]
    return key_of(*parts, vocabulary.fingerprint, gazetteer_fingerprint())


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

