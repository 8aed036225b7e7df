"""Full-text search over the articles: every word must appear, the exact phrase ranks first."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from .model import WORD, Article, fold_accents

TITLE_WEIGHT = 3.0
PHRASE_BONUS = 5.0


class Hit(NamedTuple):
    """One search result: the article, its score (higher is better) and a snippet around the best match."""

    article: Article
    score: float
    snippet: str

    def _lode_row(self) -> dict[str, Any]:
        return {"score": round(self.score, 2), "date": self.article.date, "title": self.article.title,
                "snippet": self.snippet}

    def __repr__(self) -> str:
        return f"<Hit {self.score:.2f} {self.article.id}: {self.snippet!r}>"


class SearchResults(list[Hit]):
    """Search hits, best first; `.articles` gives just the articles."""

    query: str = ""

    @property
    def articles(self) -> list[Article]:
        return [hit.article for hit in self]

    def _lode_rows(self) -> list[dict[str, Any]]:
        return [hit._lode_row() for hit in self]

    def __repr__(self) -> str:
        if not self:
            return f"<no article contains every word of {self.query!r}>"
        lines = "\n".join(f"  {hit!r}" for hit in self[:10])
        more = f"\n  … and {len(self) - 10} more" if len(self) > 10 else ""
        return f"<{len(self)} articles match {self.query!r}\n{lines}{more}>"


def search(articles: Iterable[Article], query: str, limit: int | None = None) -> SearchResults:
    """Articles containing every word of `query` (any case, any accents; a word also matches as the start of a
    longer word, so "earth" finds "earths"), best first: the exact phrase counts most, a match
    in the title counts three times, and repeated words count less and less.

        search("rare earth")            search("JICA loan", limit=5)
    """
    terms = WORD.findall(fold_accents(query))  # "Potosi" finds "Potosí", and "Potosí" "Potosi"
    results = SearchResults()
    results.query = query
    if not terms:
        return results
    patterns = [re.compile(r"\b" + re.escape(term) + r"\w*", re.IGNORECASE) for term in terms]
    phrase = re.compile(r"\b" + r"\W+".join(re.escape(t) + r"\w*" for t in terms), re.IGNORECASE)
    scored = []
    for article in articles:
        title, text = article.folded
        score = 0.0
        for pattern in patterns:
            in_title = len(pattern.findall(title))
            in_text = len(pattern.findall(text))
            if not in_title and not in_text:
                break
            score += TITLE_WEIGHT * in_title + math.log1p(in_text)
        else:
            phrase_hits = len(phrase.findall(title)) + len(phrase.findall(text))
            score += PHRASE_BONUS * math.log1p(phrase_hits) if len(terms) > 1 else 0.0
            scored.append(Hit(article, score, snippet(article.text, phrase, patterns[0], searched=text)))
    # Best first; among equal scores newest first, then by id (stable sorts, least important key first).
    scored.sort(key=lambda hit: hit.article.id)
    scored.sort(key=lambda hit: hit.article.date or "", reverse=True)
    scored.sort(key=lambda hit: hit.score, reverse=True)
    results.extend(scored[:limit] if limit is not None else scored)
    return results


def snippet(text: str, *patterns: re.Pattern[str], width: int = 70, searched: str | None = None) -> str:
    """About 2×`width` characters of `text` around the first match of the first pattern that matches
    (in `searched`, a same-length version of `text` such as its fold_accents, if given)."""
    for pattern in patterns:
        found = pattern.search(text if searched is None else searched)
        if found:
            start, end = found.span()
            break
    else:
        return " ".join(text[: 2 * width].split())
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left)
        left = space + 1 if 0 <= space < start else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    body = " ".join(text[left:right].split())
    return ("… " if left > 0 else "") + body + (" …" if right < len(text) else "")
