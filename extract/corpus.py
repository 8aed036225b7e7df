"""Stage 2c: cleaned Documents -> the corpus's Articles (stable ids, page paths, order)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

from .model import BLOCK_SEPARATOR, Article, Block, Document, Problem
from .paths import safe_href, slugify


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
            # Only a web address is an article's address: a "javascript:" or "data:" one would run in whatever
            # page shows it (corpus.json is read by other sites and tools too).
            url=document.url if safe_href(document.url) else None,
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
            ids[path] = f"{slug}-{hashlib.sha1(path.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return ids


# The longest article kept: ten times a long-read. Past it every later stage pays for text no reader wants
# (spaCy refuses texts over a million characters outright); a 20 MB dump is cut here, with a warning.
MAX_ARTICLE_CHARS = 200_000
LAST_SPACE = re.compile(r"\s\S*$")


def shorten(document: Document, limit: int = MAX_ARTICLE_CHARS) -> tuple[Document, Problem | None]:
    """The document cut to its first `limit` characters of text (whole blocks, then a block cut at a space)."""
    total = sum(len(block.text) for block in document.blocks) + len(BLOCK_SEPARATOR) * max(0, len(document.blocks) - 1)
    if total <= limit:
        return document, None
    kept: list[Block] = []
    room = limit
    for block in document.blocks:
        if len(block.text) <= room:
            kept.append(block)
            room -= len(block.text) + len(BLOCK_SEPARATOR)
            continue
        cut = block.text[:room]
        head, tail = cut[:-200], cut[-200:]
        if LAST_SPACE.search(tail):  # end on a word boundary when there is one near the end
            cut = head + LAST_SPACE.sub("", tail)
        cut = cut.rstrip()
        if cut:
            marks = tuple(replace(m, end=min(m.end, len(cut))) for m in block.marks if m.start < len(cut))
            kept.append(replace(block, text=cut, marks=marks))
        break
    shown = sum(len(block.text) for block in kept) + len(BLOCK_SEPARATOR) * max(0, len(kept) - 1)
    problem = Problem(document.path, f"{total:,} characters of text; only the first {shown:,} are kept "
                                     f"(an article is at most {limit:,}); shortened", skipped=False)
    return replace(document, blocks=tuple(kept)), problem
