"""Stage 2c: cleaned Documents -> the corpus's Articles (stable ids, page paths, order)."""

from __future__ import annotations

import hashlib
from collections import Counter

from .model import Article, Document
from .paths import slugify


def assemble(documents: list[Document]) -> tuple[Article, ...]:
    """Give each document an id derived from its file path, and order them newest first."""
    ids = article_ids([document.path for document in documents])
    articles = [
        Article(
            id=ids[document.path],
            file=document.path.rsplit("/", 1)[-1].rsplit(".", 1)[0],
            source_path=document.path,
            path=f"articles/{ids[document.path]}.html",
            title=document.title,
            blocks=document.blocks,
            source=document.source,
            authors=document.authors,
            date=document.date,
            url=document.url,
            language=document.language,
            title_origin=document.title_origin,
            time=document.time,
            timezone=document.timezone,
            removed=document.removed,
        )
        for document in documents
    ]
    return reading_order(articles)


def reading_order(articles: list[Article]) -> tuple[Article, ...]:
    """Newest first; undated articles after every dated one; equal dates by title, then id."""
    ordered = sorted(articles, key=lambda article: (article.title.casefold(), article.id))
    # A stable sort keeps the title order among equal dates; "" puts undated last.
    ordered.sort(key=lambda article: article.date or "", reverse=True)
    return tuple(ordered)


def article_ids(paths: list[str]) -> dict[str, str]:
    """'japan/tokyo-visit.md' -> 'japan-tokyo-visit': from the path, never the title, so ids survive edits.

    Two files that would share an id ('a.md' and 'a.txt', 'A b.txt' and 'a-b.txt')
    keep their extension and, if still equal, a short hash of their path.
    """
    def stem(path: str) -> str:
        return path.rsplit(".", 1)[0]

    base = {path: slugify(stem(path).replace("/", "-"), fallback_seed=path) for path in paths}
    counts = Counter(base.values())
    ids = {path: (slug if counts[slug] == 1 else slugify(path.replace("/", "-"), fallback_seed=path)) for path, slug in base.items()}
    counts = Counter(ids.values())
    for path, slug in ids.items():
        if counts[slug] > 1:
            ids[path] = f"{slug}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:8]}"
    return ids
