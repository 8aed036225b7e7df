"""The corpus model: plain dataclasses that flow one way through the stages.

load.py makes RawDocuments, clean.py / markup.py turn them into Documents, and
pipeline.py numbers Documents into Articles. Nothing here knows about files,
HTML or spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item", "quote", "standfirst"]  # standfirst: the summary under a headline
# Entity types whose entities are values (an amount, a share, a date), grouped by value rather than by name.
# Every entity type with its labels (one, many), in the one order Lode lists them.
TYPE_LABELS = {
    "PERSON": ("Person", "People"),
    "ORG": ("Organisation", "Organisations"),
    "GPE": ("Place", "Places"),
    "LOC": ("Region", "Regions"),
    "PROJECT": ("Project", "Projects"),
    "EVENT": ("Event", "Events"),
    "MINERAL": ("Mineral", "Minerals"),
    "MONEY": ("Amount of money", "Money"),
    "PERCENT": ("Percentage", "Percentages"),
    "DATE": ("Date", "Dates"),
}
TYPES = tuple(TYPE_LABELS)
VALUE_TYPES = ("MONEY", "PERCENT", "DATE")  # entities that are a value, grouped by it, not by name
MarkKind = Literal["em", "strong", "code", "link", "mention"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one corpus file, reported by name and skipped."""

    path: str  # relative to the corpus folder, with forward slashes
    message: str
    skipped: bool = True  # False: the file is built all the same (shortened, merged into its copy)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


SourceFormat = Literal["txt", "md", "html", "record"]
# Where an article's title came from, for the curator's report.
TitleOrigin = Literal["headline", "inferred", "front matter", "page markup", "crawler record", "file name"]


@dataclass(frozen=True)
class RawDocument:
    """One corpus file (or one record of a crawler's file), decoded to text, before cleaning."""

    path: str  # relative to the corpus folder, with forward slashes; "<file>#<n>" for a crawler file's n-th record
    format: SourceFormat
    text: str  # newline-normalised, BOM removed; an HTML page's markup, a record's text
    # Front matter, or what a page's markup or a crawler record says: title, date, source, authors, url, language.
    meta: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Removed:
    """A line the cleaner left out of an article, and why (build.py --report lists them)."""

    reason: str
    text: str


@dataclass(frozen=True)
class Mark:
    """Inline formatting inside a block, as code-point offsets into the block's text."""

    start: int
    end: int
    kind: MarkKind
    href: str | None = None
    label: str | None = None  # a mention's entity type, for its class and title
    title: str | None = None


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or quotation of an article body, or the standfirst above it."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level (2-4), or list depth
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Document:
    """A cleaned article, before it gets its id and place in the corpus."""

    path: str
    format: SourceFormat
    title: str
    blocks: tuple[Block, ...]
    source: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO YYYY-MM-DD: the calendar day the page prints, never shifted between zones
    url: str | None = None
    language: str | None = None
    title_origin: TitleOrigin = "headline"
    time: str | None = None  # "HH:MM" as printed with the date, 24-hour
    timezone: str | None = None  # as printed: "EDT", "GMT+5", "-05:00"
    removed: tuple[Removed, ...] = ()

    @property
    def author(self) -> str | None:
        return join_names(self.authors)


def join_names(names: tuple[str, ...]) -> str | None:
    """('A', 'B', 'C') -> 'A, B and C'."""
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# Blocks are joined with this separator to make an article's `text`; offsets
# (mentions, later) are counted in that joined string.
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Mention:
    """A span of an article's `text` naming an entity, as code-point offsets (Python string indices)."""

    article: str  # article id
    start: int
    end: int
    text: str
    entity: str  # entity id
    value: dict[str, object] | None = None  # MONEY {amount, currency}, PERCENT {fraction}, DATE {date|month|year|weekday}


@dataclass(frozen=True)
class Entity:
    """One real thing, however many names the corpus gives it."""

    id: str
    name: str
    type: str  # PERSON ORG GPE LOC MONEY PERCENT DATE MINERAL PROJECT EVENT
    aliases: tuple[str, ...]
    path: str  # its page, relative to the site root
    same_as: tuple[str, ...] = ()  # URLs of the same thing elsewhere (aliases.toml's same_as): schema.org sameAs


@dataclass(frozen=True)
class Article:
    """An article in the built corpus: a Document with a stable id and page path."""

    id: str
    file: str  # the source file's name without extension
    source_path: str  # the source file, relative to the corpus folder
    path: str  # the article page, relative to the site root
    title: str
    blocks: tuple[Block, ...]
    source: str | None
    authors: tuple[str, ...]
    date: str | None
    url: str | None
    language: str | None
    mentions: tuple[Mention, ...] = ()
    title_origin: TitleOrigin = "headline"
    time: str | None = None
    timezone: str | None = None
    removed: tuple[Removed, ...] = ()  # lines the cleaner left out, for the curator's report

    @property
    def author(self) -> str | None:
        return join_names(self.authors)

    @property
    def text(self) -> str:
        return BLOCK_SEPARATOR.join(block.text for block in self.blocks)

    @property
    def heading_spans(self) -> tuple[tuple[int, int], ...]:
        """Where the section headings are in `text`."""
        return tuple((start, start + len(block.text)) for block, start in zip(self.blocks, self.block_offsets, strict=True)
                     if block.kind == "heading")

    @property
    def block_offsets(self) -> tuple[int, ...]:
        """Where each block starts in `text`."""
        offsets, position = [], 0
        for block in self.blocks:
            offsets.append(position)
            position += len(block.text) + len(BLOCK_SEPARATOR)
        return tuple(offsets)


@dataclass(frozen=True)
class SiteConfig:
    """Site settings: lode.toml in the corpus folder, overridden by flags."""

    title: str = "Lode"
    description: str = "A searchable archive of news articles."
    language: str = "en"
    base_url: str = ""  # absolute URL the site is published at, or "" for relative links only
    per_page: int = 20


