"""What entity pages show, derived from mentions (never stored twice): sentences in
context, counts, co-occurrence, and which entity an amount belongs to."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import TYPES, VALUE_TYPES, Article, Entity, Mention

CONTEXT_CHARS = 220
# A sentence ends at . ! ? (and closing quotes) followed by space and a capital,
# digit or quote; abbreviations such as "U.S." or "Mr." are not ends.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)[.!?][\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Context:
    """A mention inside its sentence: before, the mention, after (with … where the sentence is cut)."""

    before: str
    mention: str
    after: str
    mention_obj: Mention


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        if end > start:
            bounds.append((start, end))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def sentence_of(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for s, e in bounds:
        if s <= start < e:
            return s, max(e, end)
    return start, end


def context_of(text: str, bounds: list[tuple[int, int]], mention: Mention) -> Context:
    s, e = sentence_of(bounds, mention.start, mention.end)
    before, after = text[s:mention.start], text[mention.end:e]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return Context(before.lstrip(), text[mention.start:mention.end], after.rstrip(), mention)


CONTEXTS_PER_ARTICLE = 4  # more than this and an entity page becomes a copy of the articles


@dataclass(frozen=True)
class Mentioning:
    """One article on an entity's page: its first mentions in context, and how many there are in all."""

    article: Article
    contexts: tuple[Context, ...]
    total: int


@dataclass(frozen=True)
class EntityView:
    entity: Entity
    articles: tuple[Mentioning, ...]  # newest first, as the corpus is ordered
    mention_count: int
    cooccurring: tuple[tuple[Entity, int], ...]  # (entity, articles in common), most first
    owners: dict[tuple[str, int], tuple[Entity, ...]]  # (article id, start) of a mention -> what its sentence ties it to


class EntityIndex:
    """Lookups over the linked corpus, computed once per build."""

    def __init__(self, articles: tuple[Article, ...], entities: tuple[Entity, ...]) -> None:
        self.articles = articles
        self.entities = {e.id: e for e in entities}
        self.mentions_of: dict[str, list[Mention]] = defaultdict(list)
        self.articles_of: dict[str, list[Article]] = defaultdict(list)
        self.bounds: dict[str, list[tuple[int, int]]] = {}
        self.entity_sets: dict[str, set[str]] = {}
        for article in articles:
            ids = set()
            for mention in article.mentions:
                self.mentions_of[mention.entity].append(mention)
                ids.add(mention.entity)
            for entity_id in sorted(ids):
                self.articles_of[entity_id].append(article)
            self.entity_sets[article.id] = ids
        self.by_id = {a.id: a for a in articles}

    def sentences(self, article: Article) -> list[tuple[int, int]]:
        if article.id not in self.bounds:
            self.bounds[article.id] = sentence_bounds(article.text)
        return self.bounds[article.id]

    def ranked(self, kind: str | None = None) -> list[tuple[Entity, int, int]]:
        """(entity, articles, mentions), most articles first, then most mentions, then name."""
        rows = [(e, len(self.articles_of[e.id]), len(self.mentions_of[e.id])) for e in self.entities.values()
                if kind is None or e.type == kind]
        return sorted(rows, key=lambda r: (-r[1], -r[2], r[0].name.casefold(), r[0].id))

    def cooccurring(self, entity: Entity, limit: int = 20) -> tuple[tuple[Entity, int], ...]:
        counts: Counter[str] = Counter()
        for article in self.articles_of[entity.id]:
            counts.update(self.entity_sets[article.id] - {entity.id})
        rows = [(self.entities[i], n) for i, n in counts.items() if self.entities[i].type not in VALUE_TYPES]
        rows.sort(key=lambda r: (-r[1], -len(self.articles_of[r[0].id]), r[0].name.casefold()))
        return tuple(rows[:limit])

    def owners(self, article: Article, mention: Mention, limit: int = 3) -> tuple[Entity, ...]:
        """The entities an amount, share or date belongs to: the named things in its sentence, nearest first."""
        s, e = sentence_of(self.sentences(article), mention.start, mention.end)
        near = [m for m in article.mentions if s <= m.start < e and m is not mention
                and self.entities[m.entity].type not in VALUE_TYPES and self.entities[m.entity].type != "GPE"]
        near.sort(key=lambda m: abs(m.start - mention.start))
        seen: list[Entity] = []
        for m in near:
            entity = self.entities[m.entity]
            if entity not in seen:
                seen.append(entity)
        return tuple(seen[:limit])

    def view(self, entity: Entity) -> EntityView:
        grouped = []
        owners: dict[tuple[str, int], tuple[Entity, ...]] = {}
        for article in self.articles_of[entity.id]:
            mentions = [m for m in article.mentions if m.entity == entity.id]
            shown = mentions[:CONTEXTS_PER_ARTICLE]
            contexts = tuple(context_of(article.text, self.sentences(article), m) for m in shown)
            if entity.type in VALUE_TYPES:
                for mention in shown:
                    owners[(mention.article, mention.start)] = self.owners(article, mention)
            grouped.append(Mentioning(article, contexts, len(mentions)))
        return EntityView(entity, tuple(grouped), len(self.mentions_of[entity.id]), self.cooccurring(entity), owners)

    def panel(self, article: Article) -> list[tuple[str, list[tuple[Entity, int]]]]:
        """An article's entities grouped by type (in TYPES order), most-mentioned first."""
        counts = Counter(m.entity for m in article.mentions)
        groups: dict[str, list[tuple[Entity, int]]] = defaultdict(list)
        for entity_id, count in counts.items():
            entity = self.entities[entity_id]
            groups[entity.type].append((entity, count))
        return [(kind, sorted(groups[kind], key=lambda r: (-r[1], r[0].name.casefold()))) for kind in TYPES if kind in groups]
