"""Candidate mentions in one article's text, and how overlapping candidates give way to each other.

Every rule module makes `Found` spans; entities.refine merges them: a more trusted origin
beats a less trusted one, and a longer name a shorter one inside it.
"""

from __future__ import annotations

import bisect
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
    """Tidying can grow a span over its neighbour ("Datuk Seri" became "Razif Omar", over "Omar"): keep the outer one.

    One sweep in order of start: a span lies inside a longer one exactly when some span starting no later reaches
    at least as far and is longer; the one reaching furthest (the earliest of those) is the one to ask."""
    inside = set()
    reach_start, reach_end = -1, -1
    for index in sorted(range(len(candidates)), key=lambda i: (candidates[i].start, -candidates[i].end)):
        c = candidates[index]
        if reach_end >= c.end and (reach_end > c.end or reach_start < c.start):
            inside.add(index)
        if c.end > reach_end:
            reach_start, reach_end = c.start, c.end
    return [c for index, c in enumerate(candidates) if index not in inside]


class Coverage:
    """The stretches of text some spans cover, merged and sorted: whether a span touches any of them is one
    bisection, not a comparison with each (an article has hundreds of candidates)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def touches(self, start: int, end: int) -> bool:
        at = bisect.bisect_right(self.starts, start)
        return (at > 0 and self.ends[at - 1] > start) or (at < len(self.starts) and self.starts[at] < end)


def merge(candidates: list[Found], preferred: list[Found]) -> list[Found]:
    """Add `preferred` mentions; a model span overlapping one gives way unless it strictly contains it as a longer name."""
    kept = []
    coverage = Coverage([(p.start, p.end) for p in preferred])
    for candidate in candidates:
        rivals = [p for p in preferred if overlaps(candidate, p)] if coverage.touches(candidate.start, candidate.end) else []
        if not rivals:
            kept.append(candidate)
        elif candidate.origin == "model" and candidate.type not in VALUE_TYPES and not coordinated(candidate, rivals) and all(
            candidate.start <= p.start and p.end <= candidate.end and (p.end - p.start) < (candidate.end - candidate.start)
            for p in rivals
        ):
            # The longer name keeps its place: "Komatsu Pakistan Mining Limited" over "Pakistan",
            # "Southern Africa" over "Africa".
            kept.append(candidate)
            preferred = [p for p in preferred if p not in rivals]
    return kept + preferred


def coordinated(candidate: Found, rivals: list[Found]) -> bool:
    """'Kandla and Paradip', which the model took for one name, holds two the rules found on both sides of 'and'."""
    cut = candidate.text.find(" and ")
    return cut > 0 and any(r.end <= candidate.start + cut for r in rivals) and any(r.start >= candidate.start + cut + 5 for r in rivals)


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
    starts: list[int] = []  # of the kept mentions, which never overlap: sorted, so a neighbour is found by bisection
    ends: list[int] = []
    for candidate in ranked:
        at = bisect.bisect_left(starts, candidate.start)
        if (at < len(starts) and starts[at] < candidate.end) or (at > 0 and ends[at - 1] > candidate.start):
            continue
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
        kept.append(candidate)
    return kept
