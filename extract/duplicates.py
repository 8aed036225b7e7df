"""Two files of one article (a saved page and a crawler's record of it, say) -> one article, with a warning.

Files are the same article when they name the same canonical URL, or when their
text is the same once quotes, dashes, spacing and case are set aside (a crawler's
extraction and a page copy differ in exactly those) — paragraph by paragraph, so
that a copy with one caption or promo line more is still the same text: most of
its long paragraphs are the other's. The first file in path order is kept; facts
only the other one has (date, source, authors, URL) fill its gaps.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from urllib.parse import urlsplit

from .clean import plain_words
from .model import Document, Problem

TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|ocid|cmpid|ref|src)=", re.IGNORECASE)


def merge_duplicates(documents: list[Document]) -> tuple[list[Document], list[Problem]]:
    kept: list[Document] = []
    by_key: dict[str, int] = {}
    warnings: list[Problem] = []
    paragraph_owner: dict[str, int] = {}
    for document in documents:
        keys = [key for key in (url_key(document.url), text_key(document)) if key]
        paragraphs = paragraph_keys(document)
        index = next((by_key[key] for key in keys if key in by_key), None)
        if index is None:
            index = same_text(paragraphs, paragraph_owner)
        if index is None:
            for key in keys:
                by_key[key] = len(kept)
            for key in paragraphs:
                paragraph_owner.setdefault(key, len(kept))
            kept.append(document)
            continue
        first = kept[index]
        why = "the same URL" if url_key(document.url) and url_key(document.url) == url_key(first.url) else "the same text"
        warnings.append(Problem(document.path, f"same article as {first.path} ({why}); kept {first.path} only",
                                    skipped=False))
        kept[index] = fill_gaps(first, document)
        for key in keys:
            by_key.setdefault(key, index)
    return kept, warnings


def fill_gaps(kept: Document, other: Document) -> Document:
    return replace(
        kept,
        date=kept.date or other.date,
        time=kept.time if kept.date else other.time,
        timezone=kept.timezone if kept.date else other.timezone,
        source=kept.source or other.source,
        authors=kept.authors or other.authors,
        url=kept.url or other.url,
    )


def url_key(url: str | None) -> str | None:
    """'https://www.Example.com/a/b/?utm_source=x#top' -> 'example.com/a/b'."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(sorted(p for p in parts.query.split("&") if p and not TRACKING.match(p)))
    return f"url:{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


# Paragraphs this long are the same story's when they are equal; most of them shared is the same article.
LONG_PARAGRAPH_WORDS = 15
SHARED_SHARE = 0.8


def paragraph_keys(document: Document) -> set[str]:
    keys = set()
    for block in document.blocks:
        folded = plain_words(block.text)
        if len(folded.split()) >= LONG_PARAGRAPH_WORDS:
            keys.add(hashlib.sha1(folded.encode("utf-8")).hexdigest())
    return keys


def same_text(paragraphs: set[str], owner: dict[str, int]) -> int | None:
    """The kept article that holds most of these long paragraphs (at least three of them), if any."""
    if len(paragraphs) < 3:
        return None
    owners = [owner[key] for key in paragraphs if key in owner]
    if not owners:
        return None
    best = max(set(owners), key=lambda index: (owners.count(index), -index))
    return best if owners.count(best) >= SHARED_SHARE * len(paragraphs) else None


def text_key(document: Document) -> str | None:
    folded = plain_words(" ".join(block.text for block in document.blocks))
    if len(folded.split()) < 30:  # too short to call two articles the same
        return None
    return "text:" + hashlib.sha1(folded.encode("utf-8")).hexdigest()
