"""What each page says about itself to machines: link previews, structured data, citations, robots.

Chat apps and social networks read Open Graph and Twitter card tags; search engines read schema.org
JSON-LD, canonical links and robots tags; citation managers (Zotero, Mendeley) read Highwire
`citation_*` and Dublin Core `DC.*` tags. All of it is built here from the corpus model, as plain
data that base.html writes out: the render stage decides which page gets what, this module what it says.

URLs: with a base URL every URL here is absolute (Open Graph requires it, and a link preview is
fetched from another site); without one they are relative to the page, which JSON-LD processors
resolve against the page's own address, and there is no og:url or canonical link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import TYPE_LABELS, Article, Entity, SiteConfig
from .paths import safe_href
from .search import script_json

# schema.org types for Lode's entity types; the rest (projects, minerals, amounts …) are plain Things.
SCHEMA_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "EVENT": "Event"}
# The entities an article's structured data lists: who and where, not amounts, dates or minerals.
LISTED_TYPES = ("PERSON", "ORG", "GPE", "LOC")
CARD_WIDTH, CARD_HEIGHT = 1200, 630


@dataclass(frozen=True)
class PageMeta:
    """One page's machine-readable description; base.html writes it into <head>."""

    title: str  # og:title / twitter:title: the page's subject without the site's name
    og_type: str  # "article" for articles, "website" for everything else
    url: str | None  # absolute canonical URL, only with a base URL
    image: str | None  # the preview card, absolute with a base URL; None with --no-cards and offline
    image_alt: str | None
    tags: tuple[tuple[str, str, str], ...] = ()  # further (attribute, name, content): article:*, citation_*, DC.*
    json_ld: str | None = None  # already escaped for a <script> element (search.script_json)
    robots: str | None = None  # "noindex" for pages search engines should not list


@dataclass(frozen=True)
class Citation:
    """A reference to an article as a reader would cite it: who, what, where, when, and the address."""

    authors: str | None
    title: str
    outlet: str | None
    date: str | None  # ISO day
    url: str | None


def article_citation(article: Article, page_url: str | None) -> Citation:
    """The original article's address when the corpus knows it (it is what was published), else this page's."""
    original = article.url if safe_href(article.url) else None
    return Citation(article.author, article.title, article.source, article.date, original or page_url)


def article_meta(
    article: Article,
    config: SiteConfig,
    page_url: str | None,
    image: str | None,
    named: Iterable[tuple[Entity, int]],
    entity_url: Callable[[Entity], str],
) -> PageMeta:
    """Open Graph article tags, a NewsArticle in JSON-LD, and the tags citation managers read.

    `named` is every entity the article mentions with how often: the people, organisations and places
    among them are listed, those it names most as what it is `about`, the others as `mentions`.
    """
    tags: list[tuple[str, str, str]] = []
    if article.date:
        tags.append(("property", "article:published_time", article.date))
    tags += [("property", "article:author", name) for name in article.authors]
    citation = article_citation(article, page_url)
    # The same facts under the names citation managers read: Highwire's (Google Scholar, Zotero), then Dublin Core's.
    dublin_core: list[tuple[str, str, str]] = []
    for highwire, dc, values in (
        ("citation_title", "DC.title", [article.title]),
        ("citation_author", "DC.creator", list(article.authors)),
        ("citation_publication_date", "DC.date", [article.date] if article.date else []),
        ("citation_publisher", "DC.publisher", [article.source] if article.source else []),
        ("citation_public_url", "DC.identifier", [citation.url] if citation.url else []),
        ("citation_language", "DC.language", [article.language] if article.language else []),
    ):
        # Highwire writes dates as YYYY/MM/DD; Dublin Core as ISO's YYYY-MM-DD.
        tags += [("name", highwire, value.replace("-", "/") if highwire == "citation_publication_date" else value)
                 for value in values]
        dublin_core += [("name", dc, value) for value in values]
    tags += dublin_core
    tags.append(("name", "DC.type", "Text"))

    listed = [(entity, count) for entity, count in named if entity.type in LISTED_TYPES]
    most = max((count for _, count in listed), default=0)
    # What the article is about: what it names most, if it names it more than once; everything else it mentions.
    about = [entity for entity, count in listed if count == most and most > 1]
    mentions = [entity for entity, _ in listed if entity not in about]
    document: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "name": article.title,
    }
    if page_url:
        document |= {"@id": page_url, "url": page_url, "mainEntityOfPage": page_url}
    if article.date:
        # Lode keeps the day an article printed and no later revision: it was last modified when published.
        document |= {"datePublished": article.date, "dateModified": article.date}
    if article.authors:
        document["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.source:
        document["publisher"] = {"@type": "Organization", "name": article.source}
    if article.language:
        document["inLanguage"] = article.language
    if citation.url and citation.url != page_url:
        document["isBasedOn"] = citation.url
    if image:
        document["image"] = image
    if about:
        document["about"] = [thing(entity, entity_url(entity)) for entity in about]
    if mentions:
        document["mentions"] = [thing(entity, entity_url(entity)) for entity in mentions]
    site = {"@type": "WebSite", "name": config.title} | ({"url": site_root(config)} if config.base_url else {})
    # Lode republishes: the outlet is the publisher; this site made the markup (schema.org's sdPublisher), which
    # tells readers (Lode's own HTML reader among them) that the site's name is not the outlet's.
    document |= {"isPartOf": site, "sdPublisher": {"@type": "Organization", "name": config.title}}
    alt = f"{article.title} — {article.source}" if article.source else article.title
    return PageMeta(article.title, "article", page_url, image, alt if image else None, tuple(tags), script_json(document))


def entity_meta(entity: Entity, config: SiteConfig, page_url: str | None, image: str | None, article_count: int) -> PageMeta:
    """A Person, Organization, Place (or Event, or Thing) in JSON-LD, with the curator's sameAs identifiers."""
    label = TYPE_LABELS[entity.type][0]
    document: dict[str, object] = thing(entity, page_url)
    document = {"@context": "https://schema.org", **document}
    if page_url:
        document["@id"] = page_url
    document["description"] = f"{label} named in {article_count} article{'s' if article_count != 1 else ''} of {config.title}."
    alt = f"{entity.name}: {label.lower()}, named in {article_count} article{'s' if article_count != 1 else ''}"
    return PageMeta(entity.name, "website", page_url, image, alt if image else None, (), script_json(document))


def thing(entity: Entity, url: str | None) -> dict[str, object]:
    document: dict[str, object] = {"@type": SCHEMA_TYPES.get(entity.type, "Thing"), "name": entity.name}
    if url:
        document["url"] = url
    if entity.aliases:
        document["alternateName"] = list(entity.aliases)
    if entity.same_as:
        document["sameAs"] = list(entity.same_as)
    return document


def website_meta(
    title: str, config: SiteConfig, page_url: str | None, image: str | None, home: bool = False, robots: str | None = None
) -> PageMeta:
    """Any other page: a list, an archive, about, search. The home page also describes the site and its search."""
    json_ld = None
    if home and config.base_url:
        # The search page runs the query in its address (search.html?q=…), which is what a SearchAction says.
        json_ld = script_json({
            "@context": "https://schema.org", "@type": "WebSite", "name": config.title, "url": site_root(config),
            "description": config.description,
            "potentialAction": {"@type": "SearchAction", "target": site_root(config) + "search.html?q={query}",
                                "query-input": "required name=query"},
        })
    return PageMeta(title, "website", page_url, image, f"{config.title}: {config.description}" if image else None,
                    (), json_ld, robots)


def site_root(config: SiteConfig) -> str:
    return config.base_url.rstrip("/") + "/"
