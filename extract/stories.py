"""Same story, different sources: the articles that report one event, grouped into clusters.

Each article becomes a TF-IDF vector of its words (title counted twice, stop words out) and a set of the
named things it mentions, weighted by how rare each is in the corpus. Two reports of one event share the
rare words and names of that event ("Lufira", "smelter", "Meridian Development Bank") even when every
sentence is written differently; two stories on one topic share the topic's words but not the event's.

It scales by never comparing every pair: each article's most telling features (its heaviest words and
names) go into an inverted index, and only articles that share at least two of them are scored. A feature
that a large share of the corpus has ("copper" in a copper corpus) is left out of the index, so a posting
list stays short at 100,000 articles. Scored pairs are then merged by average linkage: a report joins a
cluster only if it is, on average, as close to every member as the threshold asks, which keeps one
article that resembles two events from chaining them together.

Dates gate it: two dated articles more than DATE_WINDOW days apart are never one story (a second loan
to the same borrower months later is another event); when either has no date, text and names decide.

The thresholds are justified on tests/fixtures/stories (bench/stories_eval.py prints every same-event
and different-event score around them). Curators override it in aliases.toml (see StoryCuration).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .link import CurationError
from .model import VALUE_TYPES, Article, Entity
from .vocab import fold, words

STOP_WORDS = frozenset(words("stop_words"))
WORD = re.compile(r"[^\W\d_]{3,}")
# Score = TEXT_WEIGHT * cosine of word vectors + (1 - TEXT_WEIGHT) * weighted Jaccard of named things.
TEXT_WEIGHT = 0.6
# Same story at or above SAME_STORY (average linkage); "related" from RELATED up. See bench/stories_eval.py:
# on the fixtures every same-event pair scores at least 0.36 and every different-event pair at most 0.27.
SAME_STORY = 0.33
RELATED = 0.12
RELATED_SHOWN = 5
DATE_WINDOW = 7  # days: reports of one event appear within a week of each other
# A guide, explainer or Q&A is about a thing, not a report of one event: it shares a mine's names and words with
# every report about the mine, so it is never put in a story, only listed as related. Told by its headline.
EXPLAINER = re.compile(r"(?i)^(?:what|who|why|how|where)\b[^?]*\?|\b(?:guide|explainer|explained|q\s*&\s*a|faq|"
                       r"fact\s*sheet|at a glance|timeline)\b")
SIGNATURE_WORDS = 12  # heaviest words of an article that go into the candidate index
MIN_SHARED = 2  # candidates share at least this many signature features
# A feature in more than this share of the corpus (and more than MIN_COMMON articles) is no evidence of one event.
COMMON_SHARE = 0.02
MIN_COMMON = 40


@dataclass(frozen=True)
class Story:
    """Articles reporting one event, oldest first; its id is the first report's id."""

    id: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class StoryCuration:
    """aliases.toml's [stories]: `same` lists of articles that are one story; `apart` lists whose articles
    are never in one story (each may be an article id or its corpus file path)."""

    same: tuple[tuple[str, ...], ...] = ()
    apart: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Stories:
    clusters: tuple[Story, ...]  # only stories with two or more reports, newest story first
    cluster_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # article id -> other stories' articles, closest first


def parse_story_curation(data: object, source: str) -> StoryCuration:
    if not isinstance(data, dict):
        raise CurationError(f"{source}: [stories] must be a table with `same` and `apart` lists")
    unknown = sorted(set(data) - {"same", "apart"})
    if unknown:
        raise CurationError(f"{source}: [stories] has unknown key(s) {', '.join(unknown)}; use same, apart")
    groups = {}
    for name in ("same", "apart"):
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(g, list) and all(isinstance(a, str) for a in g) for g in value):
            raise CurationError(f"{source}: [stories] {name} must be a list of lists of article ids, "
                                     f'e.g. {name} = [["one-article", "another-article"]]')
        groups[name] = tuple(tuple(g) for g in value)
    return StoryCuration(groups["same"], groups["apart"])


class Features:
    """Each article's word vector (sparse, unit length) and weighted named things, with the corpus's idf."""

    def __init__(self, articles: tuple[Article, ...], entities: dict[str, Entity]) -> None:
        self.ids = [a.id for a in articles]
        counts = [self._words(a) for a in articles]
        names = [{m.entity for m in a.mentions if entities[m.entity].type not in VALUE_TYPES} for a in articles]
        total = len(articles)
        word_df: Counter[str] = Counter(w for c in counts for w in c)
        name_df: Counter[str] = Counter(n for s in names for n in s)
        self.word_df, self.name_df = word_df, name_df
        self.vectors: list[dict[str, float]] = []
        for c in counts:
            vector = {w: (1 + math.log(n)) * idf(total, word_df[w]) for w, n in c.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors.append({w: v / norm for w, v in vector.items()})
        self.names = [{n: idf(total, name_df[n]) for n in s} for s in names]
        self.dates = [parse_day(a.date) for a in articles]
        self.explainers = [bool(EXPLAINER.search(a.title)) for a in articles]

    @staticmethod
    def _words(article: Article) -> Counter[str]:
        # The headline says what the event is: it counts twice.
        text = fold(article.title + " " + article.title + " " + article.text) if article.language in (None, "en") else ""
        return Counter(w for w in WORD.findall(text) if w not in STOP_WORDS)

    def score(self, i: int, j: int, dates: bool = True) -> float:
        """How likely articles i and j report one event (0 when their dates are too far apart)."""
        if dates and self.dates[i] and self.dates[j] and abs((self.dates[i] - self.dates[j]).days) > DATE_WINDOW:
            return 0.0
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        cosine = sum(v * b[w] for w, v in a.items() if w in b)
        x, y = self.names[i], self.names[j]
        union = sum(x.values()) + sum(v for n, v in y.items() if n not in x)
        shared = sum(v for n, v in x.items() if n in y)
        return TEXT_WEIGHT * cosine + (1 - TEXT_WEIGHT) * (shared / union if union else 0.0)

    def candidates(self) -> set[tuple[int, int]]:
        """Pairs worth scoring: those sharing MIN_SHARED signature features, through an inverted index."""
        total = len(self.ids)
        limit = max(MIN_COMMON, int(total * COMMON_SHARE))
        postings: dict[str, list[int]] = defaultdict(list)
        for index, (vector, names) in enumerate(zip(self.vectors, self.names, strict=True)):
            heaviest = sorted(vector, key=lambda w: (-vector[w], w))[:SIGNATURE_WORDS]
            for word in heaviest:
                if self.word_df[word] <= limit:
                    postings["w:" + word].append(index)
            for name in names:
                if self.name_df[name] <= limit:
                    postings["n:" + name].append(index)
        shared: Counter[tuple[int, int]] = Counter()
        for members in postings.values():
            for position, i in enumerate(members):
                for j in members[position + 1:]:
                    shared[(i, j)] += 1
        return {pair for pair, n in shared.items() if n >= MIN_SHARED}


def idf(total: int, df: int) -> float:
    # Smoothed, so that a feature every article has still weighs a little in a corpus of five.
    return math.log((1 + total) / (1 + df)) + 1


def parse_day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def cluster(articles: tuple[Article, ...], entities: tuple[Entity, ...], curation: StoryCuration | None = None) -> Stories:
    """Group the articles that report one event; list each article's related stories."""
    curation = curation or StoryCuration()
    features = Features(articles, {e.id: e for e in entities})
    index_of = curation_index(articles)
    same = [resolve(group, index_of) for group in curation.same]
    apart = [set(resolve(group, index_of)) for group in curation.apart]

    def forbidden(a: set[int], b: set[int]) -> bool:
        return any((group & a) and (group & b) for group in apart)

    scores = {pair: features.score(*pair) for pair in sorted(features.candidates())}

    def score(i: int, j: int) -> float:
        return scores.get((min(i, j), max(i, j))) if (min(i, j), max(i, j)) in scores else features.score(i, j)

    members: dict[int, set[int]] = {i: {i} for i in range(len(articles))}
    root = list(range(len(articles)))

    def join(a: int, b: int) -> None:
        a, b = root[a], root[b]
        if a == b:
            return
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for i in members[b]:
            root[i] = a
        members[a] |= members.pop(b)

    for group in same:
        for other in group[1:]:
            join(group[0], other)
    # Strongest pairs first; a merge must keep the average score across the two clusters at SAME_STORY.
    for (i, j), value in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if value < SAME_STORY:
            break
        a, b = members[root[i]], members[root[j]]
        if a is b or forbidden(a, b) or features.explainers[i] or features.explainers[j]:
            continue
        average = sum(score(x, y) for x in a for y in b) / (len(a) * len(b))
        if average >= SAME_STORY:
            join(i, j)

    by_id = {a.id: a for a in articles}
    stories, cluster_of = [], {}
    for group in members.values():
        if len(group) < 2:
            continue
        ids = sorted((articles[i].id for i in group), key=lambda a: (by_id[a].date or "9999", a))
        story = Story(ids[0], tuple(ids))
        stories.append(story)
        for article_id in ids:
            cluster_of[article_id] = story.id
    stories.sort(key=lambda s: (max((by_id[a].date or "") for a in s.articles), s.id), reverse=True)

    related: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (i, j), value in scores.items():
        if value < RELATED or root[i] == root[j]:
            continue
        related[articles[i].id].append((value, articles[j].id))
        related[articles[j].id].append((value, articles[i].id))
    shown = {a: tuple(o for _, o in sorted(rows, key=lambda r: (-r[0], r[1]))[:RELATED_SHOWN]) for a, rows in related.items()}
    return Stories(tuple(stories), cluster_of, shown)


def curation_index(articles: tuple[Article, ...]) -> dict[str, int]:
    """A curator names an article by id or by its corpus file path."""
    index = {}
    for position, article in enumerate(articles):
        index[article.id] = position
        index[article.source_path] = position
    return index


def resolve(group: tuple[str, ...], index_of: dict[str, int]) -> list[int]:
    unknown = [name for name in group if name not in index_of]
    if unknown:
        raise CurationError(f"aliases.toml: [stories] names no article {', '.join(map(repr, unknown))}; "
                                 "use an article id (the page's file name) or its corpus file path")
    return [index_of[name] for name in group]


def pair_scores(articles: tuple[Article, ...], entities: tuple[Entity, ...], dates: bool = True) -> dict[tuple[str, str], float]:
    """Every pair's score, with or without the date gate (quadratic: for measuring fixture sets, never in a build)."""
    features = Features(articles, {e.id: e for e in entities})
    return {(articles[i].id, articles[j].id): features.score(i, j, dates)
            for i in range(len(articles)) for j in range(i + 1, len(articles))}
