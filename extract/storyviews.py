"""What the pages show of same-story clusters and of figures that disagree, derived from stories.py's
clusters and figures.py's comparison (nothing stored twice)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .figures import Conflict, Figure, Figures
from .model import Article, Entity
from .stories import Stories, Story


@dataclass(frozen=True)
class Quoted:
    """A figure quoted in its sentence, with the article it is from and how it compares."""

    figure: Figure
    article: Article
    before: str
    after: str
    note: str | None  # "rounding", "other currency" or None
    holder: Entity  # whose the figure is: the dispute's holder or one related to it (JICA for Japan)


@dataclass(frozen=True)
class Dispute:
    """A conflict as pages show it: its holder, and each figure quoted, newest first."""

    conflict: Conflict
    holder: Entity
    quotes: tuple[Quoted, ...]

    @property
    def anchor(self) -> str:
        return f"figures.html#{self.conflict.id}"


class StoryIndex:
    """What the pages show of stories and figures, derived from the clusters and the compared figures."""

    def __init__(self, articles: tuple[Article, ...], entities: dict[str, Entity], stories: Stories, figures: Figures) -> None:
        self.by_id = {a.id: a for a in articles}
        self.entities = entities
        self.stories = stories
        self.figures = {f.id: f for f in figures.figures}
        self.by_article: dict[str, list[Figure]] = defaultdict(list)
        for figure in figures.figures:
            self.by_article[figure.article].append(figure)
        self.disputes = tuple(self._dispute(c) for c in figures.conflicts)
        self.shown = tuple(d for d in self.disputes if not d.conflict.dismissed)
        self.of_figure: dict[str, Dispute] = {fid: d for d in self.shown for fid in d.conflict.figures}
        self.of_holder: dict[str, list[Dispute]] = defaultdict(list)
        for dispute in self.shown:
            for holder in dict.fromkeys(q.figure.holder for q in dispute.quotes if q.figure.holder):
                self.of_holder[holder].append(dispute)
        self.of_story = {s.id: s for s in stories.clusters}

    def _dispute(self, conflict: Conflict) -> Dispute:
        quotes = []
        for figure_id in conflict.figures:
            figure = self.figures[figure_id]
            text = self.by_id[figure.article].text
            start, end = figure.sentence
            quotes.append(Quoted(figure, self.by_id[figure.article], text[start:figure.start].lstrip(),
                                 text[figure.end:end].rstrip(), conflict.notes.get(figure_id),
                                 self.entities[figure.holder or conflict.holder]))
        return Dispute(conflict, self.entities[conflict.holder], tuple(quotes))

    def also(self, article: Article) -> tuple[Article, ...]:
        """The other reports of this article's story, oldest first."""
        story = self.stories.cluster_of.get(article.id)
        if story is None:
            return ()
        return tuple(self.by_id[a] for a in self.of_story[story].articles if a != article.id)

    def related(self, article: Article) -> tuple[Article, ...]:
        return tuple(self.by_id[a] for a in self.stories.related.get(article.id, ()))

    def story_rows(self) -> tuple[tuple[Story, tuple[Article, ...]], ...]:
        return tuple((s, tuple(self.by_id[a] for a in s.articles)) for s in self.stories.clusters)

    def article_figures(self, article: Article) -> list[tuple[Figure, Entity | None, Entity | None, Dispute | None]]:
        """(figure, its value entity if it has a page, its holder, the dispute it is part of) for the aside."""
        values = {(m.start, m.end): self.entities[m.entity] for m in article.mentions}
        rows = []
        for figure in self.by_article.get(article.id, []):
            value_entity = next((e for (s, e_), e in values.items() if s >= figure.start and e_ == figure.end), None)
            holder = self.entities[figure.holder] if figure.holder else None
            rows.append((figure, value_entity, holder, self.of_figure.get(figure.id)))
        return rows

    def article_disputes(self, article: Article) -> tuple[Dispute, ...]:
        seen: dict[str, Dispute] = {}
        for figure in self.by_article.get(article.id, []):
            dispute = self.of_figure.get(figure.id)
            if dispute is not None:
                seen.setdefault(dispute.conflict.id, dispute)
        return tuple(seen.values())

    def entity_disputes(self, entity: Entity) -> tuple[Dispute, ...]:
        return tuple(self.of_holder.get(entity.id, ()))
