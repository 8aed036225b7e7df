"""The build, stage by stage: load -> clean -> (extract -> link) -> render -> (index) -> package.

Each stage is a function from plain data to plain data; this module only
strings them together. build.py is the command line over `build`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clean import clean_scrape
from .corpus import assemble
from .load import load_corpus
from .markup import parse_markdown
from .model import Article, Document, Problem, RawDocument, SiteConfig
from .package import write_site
from .progress import Progress
from .render import render_site

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class StrictError(Exception):
    """--strict and some corpus files had problems: nothing was written."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} corpus file(s) had problems and --strict is on; the site was not changed")


@dataclass(frozen=True)
class BuildReport:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    files: int


def build(
    corpus: Path,
    out: Path,
    config: SiteConfig,
    *,
    strict: bool = False,
    templates: Path = TEMPLATES,
    progress: Progress | None = None,
) -> BuildReport:
    progress = progress or Progress()
    try:
        progress.stage("load")
        loaded = load_corpus(corpus)
        problems = loaded.problems
        if strict and problems:
            raise StrictError(problems)
        progress.stage("clean", len(loaded.documents))
        documents = []
        for raw in loaded.documents:
            documents.append(clean_document(raw))
            progress.advance()
        articles = assemble(documents)
        files = render_site(articles, config, templates, progress)
        progress.stage("write", len(files))
        write_site(files, out)
        progress.advance(len(files))
    finally:
        progress.finish()
    return BuildReport(articles, problems, len(files))


def clean_document(raw: RawDocument) -> Document:
    return parse_markdown(raw) if raw.format == "md" else clean_scrape(raw)
