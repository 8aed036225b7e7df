"""Slugs and relative URLs: the one place pages learn how to point at each other."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Latin letters that have no accent to drop, so NFKD leaves them whole: "Altıntepe", "Łódź", "Bjørn", "Straße".
LATIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                               "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ħ": "h",
                               "Ħ": "H"})


def slugify(text: str, fallback_seed: str | None = None) -> str:
    """'Reko Diq: the deal' -> 'reko-diq-the-deal'. Text with no Latin letters gets a hash-based slug."""
    # Accents fall away ("é" -> "e"); any other non-ASCII character (a dash, a
    # quote, another script) separates words rather than silently joining them.
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS))
    ascii_text = "".join(ch if ch.isascii() else ("" if unicodedata.combining(ch) else " ") for ch in decomposed)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    if slug:
        return slug
    digest = hashlib.sha1((fallback_seed or text).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"x-{digest}"


def relative_url(target: str, from_page: str) -> str:
    """URL of site file `target` as seen from page `from_page` (both relative to the site root).

    Pages link relatively so the same files work on any host, under any path,
    and from disk (file://), where a leading '/' would mean the disk's root.
    """
    # String work, not posixpath.relpath: this runs for every link of every page.
    folder = from_page.rpartition("/")[0]
    if folder and target.startswith(folder + "/"):
        return target[len(folder) + 1:]
    return "../" * from_page.count("/") + target


def safe_href(href: str | None) -> bool:
    """Only web links leave the site: 'javascript:', 'data:' or relative links from a corpus would be unsafe or broken."""
    return bool(href) and href.strip().lower().startswith(("https://", "http://"))
