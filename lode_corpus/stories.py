"""Same-story clusters and the figures articles give, read from corpus.json's "stories", "figures" and
"conflicts" (the build decides them; this module only reads them).

    clusters                    every story reported by more than one article, newest first
    clusters[0].articles        its reports, oldest first; .sources, .title
    article.cluster             the story an article belongs to, or None
    figures                     every figure read from the text: holder, thing, the figure as written
    figures.where(thing="cost") filter on holder, thing, kind, article …
    figures.conflicts           figures of one quantity that reports give differently
    entity.figures              the figures whose holder is this entity
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .model import Articles, _Collection

if TYPE_CHECKING:
    from .model import Article, Entity


class Cluster:
    """Articles that report one event: `.articles` (oldest first), `.sources`, `.title` (the first report's)."""

    __slots__ = ("id", "articles")

    def __init__(self, story_id: str, articles: Iterable[Article]) -> None:
        self.id = story_id
        self.articles = Articles(articles)

    @property
    def title(self) -> str:
        return self.articles[0].title if len(self.articles) else ""

    @property
    def sources(self) -> list[str]:
        """The outlets that reported it, in the order of their reports."""
        return list(dict.fromkeys(a.source or "unknown source" for a in self.articles))

    def _lode_row(self) -> dict[str, Any]:
        first = self.articles[0] if len(self.articles) else None
        return {"story": self.title, "reports": len(self.articles), "sources": ", ".join(self.sources),
                "first": first.date if first else None}

    def __repr__(self) -> str:
        return f"<Cluster {self.title!r}: {len(self.articles)} reports from {', '.join(self.sources)}>"


class _Listed(_Collection):
    """A read-only list shown as a table: indexing, slicing (to the same kind), len and iteration."""

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return type(self)(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)


class Clusters(_Listed, Sequence[Cluster]):
    """Every story with more than one report, newest first. `clusters[0]`, `len(clusters)`."""

    def __init__(self, items: Iterable[Cluster] = ()) -> None:
        self._items: tuple[Cluster, ...] = tuple(items)


class Figure:
    """One figure as an article gives it: `.text` as written ("over $11 billion"), `.value` as data,
    `.holder` (an Entity or None), `.thing` ("cost" for "price tag"; `.thing_text` as written), `.article`,
    `.sentence`, and `.conflict` if reports give this quantity differently."""

    __slots__ = ("id", "article", "text", "kind", "value", "bound", "holder", "thing", "thing_text", "qualifiers",
                 "start", "end", "sentence", "conflict")

    def __init__(self, record: dict[str, Any], article: Article, holder: Entity | None) -> None:
        self.id: str = record["id"]
        self.article = article
        self.text: str = record.get("text") or ""
        self.kind: str = record.get("kind") or ""
        self.value: dict[str, Any] = record.get("value") or {}
        self.bound: str | None = record.get("bound")
        self.holder = holder
        self.thing: str | None = record.get("thing")
        self.thing_text: str | None = record.get("thing_text")
        self.qualifiers: tuple[str, ...] = tuple(record.get("qualifiers") or ())
        self.start: int = record.get("start", 0)
        self.end: int = record.get("end", 0)
        start, end = record.get("sentence") or (self.start, self.end)
        self.sentence: str = article.text[start:end]
        self.conflict: Conflict | None = None

    def _lode_row(self) -> dict[str, Any]:
        return {"holder": self.holder.name if self.holder else None, "thing": self.thing, "figure": self.text,
                "source": self.article.source, "date": self.article.date, "article": self.article.title}

    def __repr__(self) -> str:
        holder = self.holder.name if self.holder else "no holder"
        return f"<Figure {holder} — {self.thing or '?'} — {self.text!r} ({self.article.source or 'unknown source'})>"


class Conflict:
    """Figures of one quantity that reports give differently: `.holder`, `.thing`, `.figures` (newest first),
    `.status` ("conflict", "rounding" when only rounding differs, "currencies"), `.notes` per figure."""

    __slots__ = ("id", "holder", "thing", "qualifiers", "figures", "status", "notes", "dismissed")

    def __init__(self, record: dict[str, Any], holder: Entity, figures: list[Figure]) -> None:
        self.id: str = record["id"]
        self.holder = holder
        self.thing: str = record.get("thing") or ""
        self.qualifiers: tuple[str, ...] = tuple(record.get("qualifiers") or ())
        self.figures = Figures(figures)
        self.status: str = record.get("status") or "conflict"
        self.notes: dict[str, str] = dict(record.get("notes") or {})
        self.dismissed: bool = bool(record.get("dismissed"))

    def _lode_row(self) -> dict[str, Any]:
        return {"holder": self.holder.name, "thing": self.thing, "status": self.status,
                "figures": " / ".join(f.text for f in self.figures)}

    def __repr__(self) -> str:
        return f"<Conflict {self.holder.name} — {self.thing}: {' / '.join(f.text for f in self.figures)} ({self.status})>"


class Figures(_Listed, Sequence[Figure]):
    """A list of figures. `.where(holder="JICA", thing="contribution")`, `.conflicts`."""

    def __init__(self, items: Iterable[Figure] = (), conflicts: Iterable[Conflict] = ()) -> None:
        self._items: tuple[Figure, ...] = tuple(items)
        self._conflicts: tuple[Conflict, ...] = tuple(conflicts)

    @property
    def conflicts(self) -> list[Conflict]:
        """Quantities that reports give differently (curator-dismissed ones left out)."""
        return [c for c in self._conflicts if not c.dismissed]

    def where(self, **fields: Any) -> Figures:
        """Figures whose fields equal these: holder (name, alias or Entity), thing, kind, bound …"""
        def matches(figure: Figure) -> bool:
            for name, wanted in fields.items():
                value = getattr(figure, name)
                if name == "holder" and isinstance(wanted, str):
                    if value is None or wanted.casefold() not in {value.name.casefold(), value.id,
                                                                  *(a.casefold() for a in value.aliases)}:
                        return False
                elif value != wanted:
                    return False
            return True
        return Figures(f for f in self._items if matches(f))
