"""Domain vocabularies and word lists: data files in extract/vocab/, one entry per line.

    canonical name | other name | other name          (minerals.txt, projects.txt, events.txt)
    canonical name | other name = GPE                 (places.txt: the type after "=")

A term with a capital letter matches only as written ("US" is not "us"); an
all-lowercase term ("copper") matches in any case.

The other files are word lists the rules are built from (legal forms, organisation and event words,
honorifics, job titles, months, weekdays, time zones): `words(name)` reads one, `words(name, role)` the
entries tagged with a role after "=" (organisation_words.txt), and `alternation()` makes a regex of them.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
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
            body = trie_pattern(words) or r"(?!x)x"
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


def trie_pattern(words: list[str]) -> str:
    """One regex for many words, shared beginnings written once ("cobalt|copper" as "co(?:balt|pper)"): Python's re
    tries a plain alternation's words one by one at every position of the text, a trie's letters once. A longer word
    is tried before a shorter one it begins with, as in a longest-first alternation."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def written(node: dict[str, dict]) -> str:
        branches = [re.escape(letter) + written(child) for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return written(trie)


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("–", "-").split()).casefold()


def initials(name: str) -> str:
    """'Southern Africa Mining Wire' -> 'SAMW': the first letters of its capitalised words."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


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


@functools.cache
def entries(name: str) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """The entries of extract/vocab/<name>.txt: each line's forms (split at "|") and roles (after "=")."""
    found = []
    for line in (VOCAB_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):  # "#" inside an entry is text: "A/S", not a comment
            continue
        forms, _, roles = line.partition(" = ")
        found.append((tuple(part.strip() for part in forms.split("|") if part.strip()), frozenset(roles.split())))
    return tuple(found)


def words(name: str, role: str | None = None) -> tuple[str, ...]:
    """Every form in a word list, in file order; with a role, only the entries tagged with it."""
    return tuple(form for forms, roles in entries(name) if role is None or role in roles for form in forms)


# Letters no accent-stripping reaches: "Yıldırım" is "Yildirim", "Đorđević" "Dordevic", "Łódź" "Lodz".
UNMARKED_LETTERS = str.maketrans({"ı": "i", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae",
                                  "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"})


def without_marks(text: str) -> str:
    """The text in plain Latin letters, as pages and wires that cannot type accents and special letters write it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(UNMARKED_LETTERS)


def with_plain_spellings(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms, and each as written without its accents and special letters ("Zakłady" and "Zaklady")."""
    return tuple(dict.fromkeys((*forms, *map(without_marks, forms))))


def alternation(forms: tuple[str, ...], optional_marks: bool = False) -> str:
    """A regex alternation of literal forms, longest first (so "Co., Ltd." is tried before "Co."), as a trie of their
    letters (trie_pattern). With optional_marks, "x?" makes the character x optional ("Ltd.?" is "Ltd" or "Ltd."),
    in a plain alternation."""
    if not optional_marks:
        return trie_pattern(list(dict.fromkeys(forms)))

    def pattern(form: str) -> str:
        return "".join(re.escape(part[0]) + "?" if len(part) == 2 else re.escape(part)
                       for part in re.findall(r".\?|.", form))

    return "|".join(pattern(form) for form in sorted(dict.fromkeys(forms), key=lambda f: (-len(f), f)))
