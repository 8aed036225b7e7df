"""Candidate mentions in one article's text, and how overlapping candidates give way to each other.

Every rule module makes `Found` spans; entities.refine merges them: a more trusted origin
beats a less trusted one, and a longer name a shorter one inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import VALUE_TYPES


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


def outermost(candidates: list[Found]) -> list[Found]:
    """Tidying can grow a span over its neighbour ("Datuk Seri" became "Razif Omar", over "Omar"): keep the outer one."""
    return [c for c in candidates
            if not any(o is not c and contains(o, c) for o in candidates)]


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
