"""Domain vocabularies: data files in extract/vocab/, one entity per line.

    canonical name | other name | other name          (minerals.txt, projects.txt, events.txt)
    canonical name | other name = GPE                 (places.txt: the type after "=")

A term with a capital letter matches only as written ("US" is not "us"); an
all-lowercase term ("copper") matches in any case.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"
FILE_TYPES = {"minerals.txt": "MINERAL", "projects.txt": "PROJECT", "events.txt": "EVENT", "places.txt": None}


@dataclass(frozen=True)
class Term:
    canonical: str
    type: str
    surface: str  # this spelling


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]
    fingerprint: str  # hash of the files' bytes: part of the extraction cache key

    @cached_property
    def by_surface(self) -> dict[str, Term]:
        return {fold(term.surface): term for term in self.terms}

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Case-sensitive and case-insensitive alternations, longest terms first."""
        exact = sorted({t.surface for t in self.terms if t.surface != t.surface.lower()}, key=len, reverse=True)
        loose = sorted({t.surface for t in self.terms if t.surface == t.surface.lower()}, key=len, reverse=True)

        def alternation(words: list[str], flags: int) -> re.Pattern[str]:
            body = "|".join(re.escape(w) for w in words) or r"(?!x)x"
            # A hyphen does not join a term to its neighbour: "Japan-Pakistan ties" names both countries.
            return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)

        return alternation(exact, 0), alternation(loose, re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """Every vocabulary term in `text`, longest match first where two overlap."""
        found = []
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                term = self.by_surface.get(fold(match.group(0)))
                if term is not None:
                    found.append((match.start(), match.end(), term))
        found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        kept: list[tuple[int, int, Term]] = []
        for item in found:
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        return kept

    def lookup(self, name: str) -> Term | None:
        return self.by_surface.get(fold(name))


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("–", "-").split()).casefold()


def load_vocabulary(folder: Path = VOCAB_DIR) -> Vocabulary:
    terms: list[Term] = []
    digest = hashlib.sha256()
    for name in sorted(FILE_TYPES):
        path = folder / name
        data = path.read_bytes()
        digest.update(name.encode() + b"\0" + data + b"\0")
        for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            kind = FILE_TYPES[name]
            if "=" in line:
                line, kind = (part.strip() for part in line.rsplit("=", 1))
            if kind is None:
                raise ValueError(f"{path}:{number}: give the type after '=' (GPE or LOC)")
            names = [part.strip() for part in line.split("|") if part.strip()]
            terms.extend(Term(names[0], kind, surface) for surface in names)
    return Vocabulary(tuple(terms), digest.hexdigest())
