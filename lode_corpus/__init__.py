"""lode_corpus: ask a Lode news corpus questions in Python.

In the Python widget these names are ready to use:

    articles    every article, newest first         len(articles), articles[0], articles["some-id"]
    entities    every named thing the articles name  entities["JICA"], entities.top(10, type="ORG")
    search      full-text search over the articles   search("rare earth")
    table       show rows as a table                 table(articles.where(source="Lode Briefs"))
    clusters    stories reported by several outlets  clusters[0].articles, articles[0].cluster
    figures     figures read from the text           figures.where(thing="cost"), figures.conflicts
    corpus      this module: help(corpus)

A few things to try:

    articles.mentioning("Komatsu")          # articles that name an entity (or contain the words)
    articles.where(source="Lode Briefs")    # filter on any field: source, date, language, author …
    articles.count_by("source")             # how many articles per source
    e = entities["Reko Diq"]                # by name, alias or id; e.name, e.type, e.aliases
    e.articles, e.mentions                  # where it appears; each mention in its sentence
    e.cooccurring()                         # who else is named in the same articles
    [m.value for a in articles for m in a.mentions if m.value]   # amounts as data
    figures.conflicts                       # figures that reports give differently, each quoted as written
    entities["JICA"].figures                # the figures whose holder is JICA: holder, thing, figure
    table(clusters)                         # every story with its reports and sources

Everything is plain Python: filter with list comprehensions, count with collections.Counter.
help(entities.top) or help(search) explains each piece.

Outside the widget (CPython 3.12+, standard library only):

    import lode_corpus
    corpus = lode_corpus.load("site/data/corpus.json")
    corpus.articles, corpus.entities, corpus.search("rare earth")

`load()` with no argument reads $LODE_CORPUS, else data/corpus.json in the current folder; the
module-level names `articles`, `entities` and `search` come from that corpus, loaded on first use.
"""

from __future__ import annotations

import os
from typing import Any

from .fulltext import Hit, SearchResults
from .model import Article, Articles, Corpus, Entities, Entity, Mention
from .stories import Cluster, Clusters, Conflict, Figure, Figures
from .tables import Table, table

# `articles`, `entities` and `search` are left out on purpose: `import *` should not read a file.
__all__ = [
    "Article", "Articles", "Cluster", "Clusters", "Conflict", "Corpus", "Entities", "Entity", "Figure", "Figures", "Hit",
    "Mention", "SearchResults", "Table", "load", "table",
]

__version__ = "0.1.0"

DEFAULT_PATH = "data/corpus.json"
_default: Corpus | None = None


def load(source: Any = None) -> Corpus:
    """Load a corpus: a path to corpus.json, its text or bytes, an open file, or the parsed dict.

    With no argument: the file named by the environment variable LODE_CORPUS, else
    data/corpus.json in the current folder (where the widget puts it).
    """
    if source is None:
        source = os.environ.get("LODE_CORPUS") or DEFAULT_PATH
    return Corpus.load(source)


def default() -> Corpus:
    """The corpus behind the module-level names, loaded once."""
    global _default
    if _default is None:
        _default = load()
    return _default


def use(corpus: Corpus) -> Corpus:
    """Make `corpus` the one behind the module-level names (`articles`, `entities`, `search`)."""
    global _default
    _default = corpus
    return corpus


def __getattr__(name: str) -> Any:
    # Module-level `articles`, `entities` and `search` are loaded on first use, so importing
    # the package never reads a file it was not asked to.
    if name in ("articles", "entities", "search", "site", "clusters", "figures"):
        return getattr(default(), name)
    raise AttributeError(f"module 'lode_corpus' has no attribute {name!r}")
