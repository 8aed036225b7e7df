"""The corpus as Python objects: articles, entities and the mentions that tie them together.

Everything is read from data/corpus.json. A mention is an (article, start, end) span of the
article's text naming an entity; an entity's articles, its context snippets, counts and
co-occurrences are all derived from mentions, never stored twice.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, overload

WORD = re.compile(r"\w+")
# Latin letters NFKD leaves whole, each to one ASCII letter (one for one, so positions still match the text).
_UNACCENTED = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"}
_folded_characters: dict[str, str] = {}


def fold_accents(text: str) -> str:
    """`text` without accents, one character for one: "Potosí" -> "Potosi", "Altıntepe" -> "Altintepe".

    A character whose decomposition is a letter plus accents becomes that letter; others stay.
    Same length as `text`, so a match found in the folded text is at the same place in the original.
    """
    out = []
    for character in text:
        folded = _folded_characters.get(character)
        if folded is None:
            decomposed = unicodedata.normalize("NFKD", character)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            folded = _UNACCENTED.get(character) or (base if len(base) == 1 else character)
            _folded_characters[character] = folded
        out.append(folded)
    return "".join(out)


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class Mention:
    """One place where an article names an entity: `text` is article.text[start:end]."""

    __slots__ = ("article", "entity", "start", "end", "text", "value")

    def __init__(self, article: Article, entity: Entity, start: int, end: int, text: str, value: Any = None) -> None:
        self.article = article
        self.entity = entity
        self.start = start
        self.end = end
        self.text = text
        self.value = value  # figures only (money, percentages, dates): what the text says, as data

    @property
    def before(self) -> str:
        """The text just before the mention, in its paragraph (up to 80 characters, from a word boundary)."""
        return self._left(80)

    @property
    def after(self) -> str:
        """The text just after the mention, in its paragraph (up to 80 characters, to a word boundary)."""
        return self._right(80)

    def context(self, width: int = 60) -> str:
        """The mention in its sentence: '… signed with [JICA] in Tokyo …' (about `width` characters each side)."""
        return " ".join(f"{self._left(width)}[{self.text}]{self._right(width)}".split())

    def _left(self, width: int) -> str:
        # A snippet stops at a paragraph break and never starts mid-word.
        text = self.article.text
        start = max(0, self.start - width)
        piece = text[start:self.start]
        if "\n" in piece:
            return piece.rsplit("\n", 1)[1]
        if start > 0:
            space = piece.find(" ")
            return "… " + piece[space + 1:] if space >= 0 else "…" + piece
        return piece

    def _right(self, width: int) -> str:
        text = self.article.text
        end = min(len(text), self.end + width)
        piece = text[self.end:end]
        if "\n" in piece:
            return piece.split("\n", 1)[0]
        if end < len(text):
            space = piece.rfind(" ")
            return piece[:space] + " …" if space > 0 else piece + "…"
        return piece

    def _lode_row(self) -> dict[str, Any]:
        return {"article": self.article.title, "date": self.article.date, "mention": self.context()}

    def __repr__(self) -> str:
        return f"<Mention {self.entity.name!r} in {self.article.id}: {self.context(40)!r}>"


class Article:
    """One article: title, source, author, date (YYYY-MM-DD or None), url, language, standfirst (the summary a page
    printed under its headline, or None), text and mentions.

    `article.entities` are the entities it names, in order of first mention;
    `article.mentions` each name in place (start/end are offsets into `article.text`).
    """

    __slots__ = ("id", "title", "source", "author", "date", "url", "file", "path", "language", "standfirst", "text", "mentions",
                 "cluster", "_lower", "_folded")

    def __init__(self, record: dict[str, Any]) -> None:
        self.id: str = record["id"]
        self.title: str = record.get("title") or ""
        self.source: str | None = record.get("source")
        self.author: str | None = record.get("author")
        self.date: str | None = record.get("date")
        self.url: str | None = record.get("url")
        self.file: str | None = record.get("file")
        self.path: str | None = record.get("path")
        self.language: str | None = record.get("language")
        self.standfirst: str | None = record.get("standfirst")
        self.text: str = record.get("text") or ""
        self.mentions: tuple[Mention, ...] = ()
        self.cluster: Any = None  # the lode_corpus.stories.Cluster of reports of the same event, or None
        self._lower: str | None = None
        self._folded: tuple[str, str] | None = None

    @property
    def entities(self) -> Entities:
        """The entities this article names, in order of first mention."""
        seen: dict[str, Entity] = {}
        for mention in self.mentions:
            seen.setdefault(mention.entity.id, mention.entity)
        return Entities(seen.values())

    @property
    def lower(self) -> str:
        """Title and text, case-folded, for matching words."""
        if self._lower is None:
            self._lower = (self.title + "\n" + self.text).casefold()
        return self._lower

    @property
    def folded(self) -> tuple[str, str]:
        """(title, text) without accents, for matching words however they are accented."""
        if self._folded is None:
            self._folded = (fold_accents(self.title), fold_accents(self.text))
        return self._folded

    def names(self, entity: Entity | str) -> bool:
        """True if the article mentions this entity (an Entity, or its id)."""
        key = entity.id if isinstance(entity, Entity) else entity
        return any(m.entity.id == key for m in self.mentions)

    def contains(self, words: str) -> bool:
        """True if the title or text contains these words (any case, whole words, in this order)."""
        return _phrase(words).search(self.lower) is not None

    def _lode_row(self) -> dict[str, Any]:
        return {"date": self.date, "source": self.source, "title": self.title}

    def __repr__(self) -> str:
        return f"<Article {self.date or 'undated'} · {self.source or 'unknown source'} · {_shorten(self.title, 70)!r}>"


def _phrase(words: str) -> re.Pattern[str]:
    terms = WORD.findall(words.casefold())
    if not terms:
        raise ValueError(f"nothing to look for in {words!r}: give at least one word")
    return re.compile(r"\b" + r"\W+".join(re.escape(t) for t in terms) + r"\b")


class Entity:
    """A named thing: a person, organisation, place, project, mineral, sum of money …

    `.name`, `.type` ('ORG', 'PERSON', 'GPE' …) and `.aliases` (other names it goes by);
    `.articles` that mention it, `.mentions` each in context, `.cooccurring()` for the company it keeps.
    """

    __slots__ = ("id", "name", "type", "aliases", "path", "mentions", "figures", "_articles")

    def __init__(self, record: dict[str, Any]) -> None:
        self.id: str = record["id"]
        self.name: str = record.get("name") or self.id
        self.type: str = record.get("type") or ""
        self.aliases: tuple[str, ...] = tuple(record.get("aliases") or ())
        self.path: str | None = record.get("path")
        self.mentions: tuple[Mention, ...] = ()
        self.figures: Any = None  # lode_corpus.stories.Figures whose holder this entity is
        self._articles: Articles | None = None

    @property
    def articles(self) -> Articles:
        """The articles that mention this entity, newest first."""
        if self._articles is None:
            seen: dict[str, Article] = {}
            for mention in self.mentions:
                seen.setdefault(mention.article.id, mention.article)
            self._articles = Articles(seen.values())
        return self._articles

    def cooccurring(self, type: str | None = None) -> list[Cooccurrence]:  # noqa: A002 - the field is called type
        """Entities named in the same articles as this one, most shared articles first.

        Each row is (entity, articles, mentions): how many articles they share, and how often the
        other entity is named in those articles. `type="ORG"` keeps only organisations.
        """
        shared: Counter[str] = Counter()
        named: Counter[str] = Counter()
        others: dict[str, Entity] = {}
        for article in self.articles:
            in_article = set()
            for mention in article.mentions:
                other = mention.entity
                if other.id == self.id or (type is not None and other.type != type.upper()):
                    continue
                others[other.id] = other
                named[other.id] += 1
                in_article.add(other.id)
            shared.update(in_article)
        ranked = sorted(others.values(), key=lambda e: (-shared[e.id], -named[e.id], e.name.casefold(), e.id))
        return [Cooccurrence(e, shared[e.id], named[e.id]) for e in ranked]

    def _lode_row(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "articles": len(self.articles), "mentions": len(self.mentions)}

    def __repr__(self) -> str:
        return f"<Entity {self.type} {self.name!r}: {len(self.articles)} articles, {len(self.mentions)} mentions>"


class Cooccurrence(NamedTuple):
    """Another entity, the number of articles it shares with the one asked about, and its mentions there."""

    entity: Entity
    articles: int
    mentions: int

    def _lode_row(self) -> dict[str, Any]:
        return {"entity": self.entity.name, "articles": self.articles, "mentions": self.mentions}


class _Collection:
    """What Articles and Entities share: a list in `_items`, shown as a table, compared and printed alike."""

    _items: tuple[Any, ...]
    _shown = 5  # items a repr lists before "… and N more"

    def _lode_rows(self) -> list[dict[str, Any]]:
        return [item._lode_row() for item in self._items]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, type(self)):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return list(self._items) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        label = type(self).__name__
        if not self._items:
            return f"<{label}: none>"
        shown = "\n".join(f"  {item!r}" for item in self._items[:self._shown])
        rest = len(self._items) - self._shown
        more = f"\n  … and {rest} more" if rest > 0 else ""
        return f"<{label}: {len(self._items)}\n{shown}{more}>"


class Articles(_Collection, Sequence[Article]):
    """A list of articles. Index by position (`articles[0]`), slice, or look up by id (`articles["id"]`).

    Filter with plain Python (`[a for a in articles if a.date >= "2025"]`) or the helpers
    `.mentioning(...)`, `.where(...)`, `.containing(...)`, and count with `.count_by(field)`.
    """

    def __init__(self, items: Iterable[Article] = ()) -> None:
        self._items: tuple[Article, ...] = tuple(items)
        self._by_id: dict[str, Article] | None = None
        self._entities: Entities | None = None  # set on the corpus's own list, for name lookups

    @overload
    def __getitem__(self, key: int) -> Article: ...
    @overload
    def __getitem__(self, key: slice) -> Articles: ...
    @overload
    def __getitem__(self, key: str) -> Article: ...

    def __getitem__(self, key: int | slice | str) -> Article | Articles:
        """articles[0], articles[:10], or articles["an-article-id"] (KeyError suggests close ids)."""
        if isinstance(key, slice):
            return self._derive(self._items[key])
        if isinstance(key, str):
            if self._by_id is None:
                self._by_id = {a.id: a for a in self._items}
            if key in self._by_id:
                return self._by_id[key]
            close = difflib.get_close_matches(key, list(self._by_id), n=3)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise KeyError(f"no article with id {key!r}{hint}")
        return self._items[key]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._items)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(a.id == item for a in self._items)
        return item in self._items

    def __add__(self, other: Iterable[Article]) -> Articles:
        seen = {a.id for a in self._items}
        return self._derive(self._items + tuple(a for a in other if a.id not in seen))

    def _derive(self, items: Iterable[Article]) -> Articles:
        derived = Articles(items)
        derived._entities = self._entities
        return derived

    def mentioning(self, *subjects: str | Entity) -> Articles:
        """Articles that mention every one of `subjects`.

        A subject is an Entity, or a name, alias or id that `entities[...]` knows; any other text
        matches articles containing those words (any case), so this works on a corpus without entities.
        """
        result = list(self._items)
        for subject in subjects:
            entity = subject if isinstance(subject, Entity) else None
            if entity is None and self._entities is not None:
                entity = self._entities.get(subject)
            if entity is not None:
                result = [a for a in result if a.names(entity)]
            else:
                pattern = _phrase(str(subject))
                result = [a for a in result if pattern.search(a.lower)]
        return self._derive(result)

    def containing(self, words: str) -> Articles:
        """Articles whose title or text contains these words, in this order (any case)."""
        pattern = _phrase(words)
        return self._derive(a for a in self._items if pattern.search(a.lower))

    def where(self, test: Callable[[Article], bool] | None = None, **fields: Any) -> Articles:
        """Articles whose fields match: `where(source="Lode Briefs")`, `where(language="ur")`.

        A field's value may be a function: `where(date=lambda d: d and d >= "2025-06")`.
        A function as the first argument tests the whole article: `where(lambda a: len(a.text) > 2000)`.
        """
        for name in fields:
            if name not in Article.__slots__ or name.startswith("_"):
                raise TypeError(f"articles have no field {name!r}; try one of: {', '.join(ARTICLE_FIELDS)}")

        def keep(article: Article) -> bool:
            if test is not None and not test(article):
                return False
            for name, wanted in fields.items():
                value = getattr(article, name)
                if callable(wanted) and not wanted(value):
                    return False
                if not callable(wanted) and value != wanted:
                    return False
            return True

        return self._derive(a for a in self._items if keep(a))

    def count_by(self, field: str | Callable[[Article], Any]) -> list[tuple[Any, int]]:
        """How many articles per value of a field (or of a function of the article), most first.

        `articles.count_by("source")`, `articles.count_by(lambda a: (a.date or "")[:4])`.
        """
        key = field if callable(field) else (lambda a: getattr(a, field))
        if isinstance(field, str) and field not in ARTICLE_FIELDS:
            raise TypeError(f"articles have no field {field!r}; try one of: {', '.join(ARTICLE_FIELDS)}")
        counts = Counter(key(a) for a in self._items)
        return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))



ARTICLE_FIELDS = ("id", "title", "source", "author", "date", "url", "file", "path", "language", "text")


class Entities(_Collection):
    """Every entity of the corpus. Look one up by name, alias or id (`entities["JICA"]`, any case);
    iterate, count (`len(entities)`), rank (`entities.top(10, type="ORG")`) or filter (`entities.of_type("PERSON")`).
    """

    _shown = 10

    def __init__(self, items: Iterable[Entity] = ()) -> None:
        self._items: tuple[Entity, ...] = tuple(items)
        self._index: dict[str, Entity] | None = None
        self._unaccented: dict[str, Entity] = {}

    def _lookup(self) -> dict[str, Entity]:
        # Ids first, then aliases, then names, so that a name always wins over another entity's
        # alias; among entities sharing an alias the most mentioned one wins.
        if self._index is None:
            index: dict[str, Entity] = {}
            ranked = sorted(self._items, key=lambda e: (len(e.mentions), -len(e.name)))
            for entity in ranked:
                index[entity.id] = entity
            for entity in ranked:
                for alias in entity.aliases:
                    index[alias.casefold()] = entity
            for entity in ranked:
                index[entity.name.casefold()] = entity
            for entity in ranked:
                index[entity.name] = entity
            # Last resort, any accents: entities["Potosi"] finds "Potosí".
            self._unaccented = {}
            for entity in ranked:
                for name in (*entity.aliases, entity.name):
                    self._unaccented[fold_accents(name.casefold())] = entity
            self._index = index
        return self._index

    def get(self, key: str | Entity, default: Entity | None = None) -> Entity | None:
        """The entity called `key` (name, alias or id, any case or accents), or `default`."""
        if isinstance(key, Entity):
            return key
        index = self._lookup()
        spaced = " ".join(str(key).split()).casefold()
        return index.get(key) or index.get(spaced) or self._unaccented.get(fold_accents(spaced), default)

    def __getitem__(self, key: str | int | slice) -> Any:
        """entities["JICA"]: by name, alias or id, any case or accents (KeyError suggests close names); or by position."""
        if isinstance(key, (int, slice)):
            items = self._items[key]
            return Entities(items) if isinstance(key, slice) else items
        entity = self.get(key)
        if entity is None:
            names = sorted({e.name for e in self._items} | {a for e in self._items for a in e.aliases})
            close = difflib.get_close_matches(str(key), names, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            empty = " (this corpus has no entities)" if not self._items else ""
            raise KeyError(f"no entity called {key!r}{empty}{hint}")
        return entity

    def __contains__(self, key: object) -> bool:
        if isinstance(key, Entity):
            return key in self._items
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def of_type(self, type: str) -> Entities:  # noqa: A002 - the field is called type
        """Entities of one type: 'ORG', 'PERSON', 'GPE', 'LOC', 'PROJECT', 'MINERAL', 'MONEY' …"""
        return Entities(e for e in self._items if e.type == type.upper())

    @property
    def types(self) -> list[tuple[str, int]]:
        """Each entity type and how many entities have it, most first."""
        return sorted(Counter(e.type for e in self._items).items(), key=lambda item: (-item[1], item[0]))

    def top(self, n: int = 10, type: str | None = None) -> Entities:  # noqa: A002 - the field is called type
        """The `n` entities named in the most articles (ties: more mentions first), optionally of one type."""
        pool = self._items if type is None else self.of_type(type)._items
        ranked = sorted(pool, key=lambda e: (-len(e.articles), -len(e.mentions), e.name.casefold(), e.id))
        return Entities(ranked[:n])



class Corpus:
    """A whole corpus: `.site` (title, description …), `.articles`, `.entities` and `.search(...)`."""

    def __init__(self, document: dict[str, Any]) -> None:
        if not isinstance(document, dict) or not isinstance(document.get("articles"), list):
            raise ValueError("not a Lode corpus: expected a JSON object with an 'articles' list (data/corpus.json)")
        self.site: dict[str, Any] = dict(document.get("site") or {})
        entities = {record["id"]: Entity(record) for record in document.get("entities") or []}
        articles = [Article(record) for record in document["articles"]]
        per_entity: dict[str, list[Mention]] = {key: [] for key in entities}
        for article, record in zip(articles, document["articles"], strict=True):
            mentions = []
            for m in record.get("mentions") or []:
                entity = entities.get(m["entity"])
                if entity is None:
                    raise ValueError(f"article {article.id!r} mentions {m['entity']!r}, which is not in 'entities'")
                text = m.get("text", article.text[m["start"]:m["end"]])
                mention = Mention(article, entity, m["start"], m["end"], text, m.get("value"))
                mentions.append(mention)
                per_entity[entity.id].append(mention)
            article.mentions = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
        for key, entity in entities.items():
            entity.mentions = tuple(per_entity[key])
        self.entities = Entities(entities.values())
        self.articles = Articles(articles)
        self.articles._entities = self.entities
        self._read_stories(document, {a.id: a for a in articles}, entities)

    def _read_stories(self, document: dict[str, Any], articles: dict[str, Article], entities: dict[str, Entity]) -> None:
        """Clusters, figures and conflicts (see lode_corpus.stories); an older corpus.json without them has none."""
        from .stories import Cluster, Clusters, Conflict, Figure, Figures

        self.clusters = Clusters(Cluster(s["id"], (articles[a] for a in s["articles"])) for s in document.get("stories") or [])
        for cluster in self.clusters:
            for article in cluster.articles:
                article.cluster = cluster
        figures = {f["id"]: Figure(f, articles[f["article"]], entities.get(f.get("holder") or ""))
                   for f in document.get("figures") or []}
        conflicts = []
        for record in document.get("conflicts") or []:
            conflict = Conflict(record, entities[record["holder"]], [figures[f] for f in record["figures"]])
            conflicts.append(conflict)
            for figure in conflict.figures:
                figure.conflict = figure.conflict or (None if conflict.dismissed else conflict)
        self.figures = Figures(figures.values(), conflicts)
        per_holder: dict[str, list[Figure]] = {}
        for figure in figures.values():
            if figure.holder is not None:
                per_holder.setdefault(figure.holder.id, []).append(figure)
        for key, entity in entities.items():
            entity.figures = Figures(per_holder.get(key, ()))

    @classmethod
    def load(cls, source: Any) -> Corpus:
        """From a path, JSON text or bytes, an open file, or the parsed dict."""
        if isinstance(source, dict):
            return cls(source)
        if isinstance(source, bytes):
            return cls(json.loads(source.decode("utf-8")))
        if isinstance(source, io.IOBase) or hasattr(source, "read"):
            return cls(json.load(source))
        if isinstance(source, str) and source.lstrip().startswith("{"):
            return cls(json.loads(source))
        path = os.fspath(source)
        try:
            with open(path, encoding="utf-8") as handle:
                return cls(json.load(handle))
        except FileNotFoundError:
            raise FileNotFoundError(
                f"{path}: no corpus here; build the site first (python build.py) or pass the path of a corpus.json"
            ) from None

    def search(self, query: str, limit: int | None = None) -> Any:
        """Full-text search: the articles containing every word of `query`, best first (see lode_corpus.search)."""
        from .fulltext import search

        return search(self.articles, query, limit)

    def __repr__(self) -> str:
        title = self.site.get("title") or "Lode corpus"
        return (f"<Corpus {title!r}: {len(self.articles)} articles, {len(self.entities)} entities, "
                f"{len(self.clusters)} stories with several reports>")
