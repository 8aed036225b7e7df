"""The build, stage by stage: load -> clean -> extract -> link -> render -> index -> package.

Each stage is a function from plain data to plain data; this module only
strings them together. build.py is the command line over `build`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .cards import corpus_cards, draw_cards
from .clean import clean_scrape
from .corpus import assemble, shorten
from .duplicates import merge_duplicates
from .entities import extract_all
from .figures import Figures, attribute, compare, parse_figure_curation
from .html import read_html
from .link import CURATION_FILE, link, parse_curation
from .load import NotArticle, load_corpus, problem_order
from .markup import parse_markdown
from .model import Article, Document, Entity, Problem, RawDocument, SiteConfig
from .offline import ZIP_NAME, Download, offline_zip
from .package import write_site
from .parse import parse_figures
from .progress import Progress
from .render import render_site
from .search import search_files
from .stories import Stories, cluster, parse_story_curation
from .vocab import load_vocabulary
from .widget import widget_files

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DEFAULT_CACHE = Path(__file__).resolve().parent.parent / ".lode-cache"


class StrictError(Exception):
    """--strict and some corpus files had problems: nothing was written."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} corpus file(s) had problems and --strict is on; the site was not changed")


@dataclass(frozen=True)
class BuildReport:
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    problems: tuple[Problem, ...]
    files: int
    notes: tuple[str, ...] = ()  # what the reader of the build's output should know, said once
    stories: Stories | None = None
    figures: Figures | None = None


NO_CARDS = ("--no-cards: no preview cards were drawn; pages carry no og:image, and shared links show "
            "their title and description without a picture")
NO_OEMBED = ("no --base-url (or base_url in lode.toml): pages carry no oEmbed link and no oembed/ files, "
             "since oEmbed needs absolute URLs; the pages' own embed snippets work as they are")


def build(
    corpus: Path,
    out: Path,
    config: SiteConfig,
    *,
    strict: bool = False,
    templates: Path = TEMPLATES,
    progress: Progress | None = None,
    cache: Path | None = DEFAULT_CACHE,
    processes: int = 1,
    cards: bool = True,
) -> BuildReport:
    progress = progress or Progress()
    try:
        cleaned = clean_corpus(corpus, progress)
        problems = cleaned.problems
        if strict and problems:
            raise StrictError(problems)
        articles = assemble(cleaned.documents)
        curation = parse_curation(read_curation(corpus), CURATION_FILE)
        vocabulary = load_vocabulary()
        extractions = extract_all(
            [a.text for a in articles], [a.language for a in articles], [list(a.heading_spans) for a in articles],
            vocabulary, cache, processes=processes, progress=progress,
        )
        parses = parse_figures([a.text for a in articles], extractions, cache, processes=processes, progress=progress)
        progress.stage("link")
        articles, entities = link(articles, extractions, vocabulary, curation)
        progress.stage("stories")
        stories = cluster(articles, entities, parse_story_curation(curation.stories, CURATION_FILE))
        progress.stage("figures: compare")
        figures = compare(attribute(articles, parses, entities), articles, entities, stories,
                          parse_figure_curation(curation.figures, CURATION_FILE))
        # Files that are the same online and offline (search index, Python runtime) go in `shared`.
        shared: dict[str, bytes] = {}
        shared |= search_files(articles, entities, cache, progress=progress)
        # The offline copy is rendered without --base-url (its links stay relative) and zipped
        # first, so that the online pages can give its size.
        # Preview cards are for links shared from the site online: the offline copy neither has nor names them.
        offline = render_site(articles, entities, replace(config, base_url=""), templates, progress,
                              stories=stories, figures=figures) | shared
        offline |= widget_files(offline)
        progress.stage("zip")
        archive = offline_zip(offline)
        files = render_site(articles, entities, config, templates, progress, download=Download(ZIP_NAME, len(archive)),
                            stories=stories, figures=figures, cards=cards)
        files |= shared | {ZIP_NAME: archive}
        if cards:
            specs = corpus_cards(articles, entities, config)
            progress.stage("cards", len(specs))
            files |= draw_cards(specs, cache, progress.advance, processes)
        files |= widget_files(files)
        progress.stage("write", len(files))
        write_site(files, out)
        progress.advance(len(files))
    finally:
        progress.finish()
    notes = (() if config.base_url else (NO_OEMBED,)) + (() if cards else (NO_CARDS,))
    return BuildReport(articles, entities, problems, len(files), notes, stories, figures)


@dataclass(frozen=True)
class CleanedCorpus:
    documents: list[Document]
    problems: tuple[Problem, ...]


def clean_corpus(corpus: Path, progress: Progress | None = None) -> CleanedCorpus:
    """load -> clean: every file read and cleaned, problems named per file, duplicate files merged."""
    progress = progress or Progress()
    progress.stage("load")
    loaded = load_corpus(corpus)
    problems = list(loaded.problems)
    progress.stage("clean", len(loaded.documents))
    documents = []
    for raw in loaded.documents:
        try:
            document, too_long = shorten(clean_document(raw))
        except NotArticle as reason:
            problems.append(Problem(raw.path, str(reason)))
        else:
            documents.append(document)
            problems.extend([too_long] if too_long else [])
        progress.advance()
    documents, duplicates = merge_duplicates(documents)
    return CleanedCorpus(documents, tuple(sorted(problems + duplicates, key=problem_order)))


def read_curation(corpus: Path) -> str:
    """The curator's aliases.toml (merge, type, drop, separate), or nothing."""
    path = corpus / CURATION_FILE
    return path.read_text(encoding="utf-8-sig") if path.is_file() else ""


def clean_document(raw: RawDocument) -> Document:
    if raw.format == "md":
        return parse_markdown(raw)
    if raw.format == "html":
        return read_html(raw)
    return clean_scrape(raw)
