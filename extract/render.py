"""Stage 5, render: Articles + site settings -> the site's files, as {path: bytes}.

Nothing here touches the disk it was not handed (templates are read from the
folder given) and nothing calls spaCy: the package stage writes what this
returns. Every page links relatively (see paths.relative_url).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import math
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .cards import SITE_CARD, card_path
from .dates import MONTH_NAMES, long_date
from .figures import Figures
from .meta import PageMeta, article_citation, article_meta, entity_meta, website_meta
from .model import TYPE_LABELS, TYPES, VALUE_TYPES, Article, Block, Entity, Mark, SiteConfig
from .offline import Download
from .paths import relative_url, safe_href, slugify
from .progress import Progress
from .stories import Stories
from .storyviews import StoryIndex
from .views import EntityIndex
from .widget import widget_page

FEED_SIZE = 50
ENTITIES_PER_PAGE = 200
ENTITY_ARTICLES_PER_PAGE = 25
LANGUAGE_NAMES = {
    "en": "English", "ur": "Urdu", "ar": "Arabic", "fa": "Persian", "zh": "Chinese", "ja": "Japanese", "und": "not identified",
}


@dataclass(frozen=True)
class Listing:
    """One page of a paginated list of articles."""

    path: str
    number: int
    count: int  # pages in the list
    articles: tuple[Article, ...]
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class Group:
    """Articles sharing a month or a source: a name, its pages, how many articles."""

    key: str
    label: str
    path: str
    size: int


def render_site(
    articles: tuple[Article, ...],
    entities: tuple[Entity, ...],
    config: SiteConfig,
    templates: Path,
    progress: Progress | None = None,
    download: Download | None = None,
    stories: Stories | None = None,
    figures: Figures | None = None,
    cards: bool = False,
) -> dict[str, bytes]:
    """Every file of the site, keyed by its path relative to the site root.

    `download` is the offline zip that the pages offer; without it the pages
    are the offline copy's own (they say so instead of linking to the zip).
    `stories` and `figures` are the same-story clusters and the compared figures (none when not given).
    `cards`: the preview cards (cards.py) are part of the site, so pages name them as og:image.
    """
    stories = stories or Stories(())
    figures = figures or Figures((), ())
    progress = progress or Progress()
    files: dict[str, bytes] = {}
    static = static_files(templates / "static")
    files.update(static)
    env = environment(templates)
    index = EntityIndex(articles, entities)
    told = StoryIndex(articles, index.entities, stories, figures)
    assets = {name.split("/")[-1].split(".")[0]: path for name, path in static_names(static).items()}
    newest = max((a.date for a in articles if a.date), default=None)
    lastmod: dict[str, str] = {}  # page -> the newest date of what it shows, for the sitemap

    def page(template: str, path: str, links_from_root: bool = False, subject: str | None = None,
             describe: Callable[[Callable[[str], str], str | None], PageMeta] | None = None,
             modified: str | None = None, robots: str | None = None, **context: object) -> None:
        """Render one page. `describe(link, page_url)` gives its PageMeta, where link(path) is a site file's URL
        as machines should read it from this page; else it is described as a plain page titled `subject`."""
        # The 404 page is served at whatever URL was missing, so its links
        # cannot be relative: they start at the site root (or the base URL).
        if links_from_root:
            prefix = config.base_url.rstrip("/") + "/" if config.base_url else "/"

            def url(target: str) -> str:
                return prefix + target
        else:
            def url(target: str) -> str:
                return relative_url(target, path)
        canonical_path = str(context.pop("canonical_path", path))
        canonical = config.base_url.rstrip("/") + "/" + canonical_path if config.base_url else None

        def link(target: str) -> str:
            return absolute_url(config, target) if config.base_url else url(target)
        if describe is not None:
            meta = describe(link, canonical)
        else:
            meta = website_meta(subject or config.title, config, canonical, link(SITE_CARD) if cards else None,
                                home=path == "index.html")
        if robots:
            meta = replace(meta, robots=robots)
        html = env.get_template(template).render(
            site=config, page_path=path, url=url, assets=assets, canonical=canonical, download=download, meta=meta,
            body=lambda article: render_blocks(article, url, index.entities), **context
        )
        files[path] = html.encode("utf-8")
        # A page's lastmod is the newest date of what it shows ("" when that is undated, so none is claimed);
        # pages that show no article (about, types …) change with the corpus, as of its newest article.
        modified_on = newest if modified is None else modified
        if modified_on and not path.startswith("embed/") and path != "404.html":
            lastmod[path] = modified_on

    progress.stage("render", len(articles) + len(entities))
    def embeddable(template: str, path: str, title: str, **context: object) -> None:
        """A full page with its embed snippet, its trimmed twin under embed/ and, with a base URL, its oEmbed file.

        oEmbed consumers fetch the JSON from another site and paste its `html` there, so every URL in it
        must be absolute: without a base URL there is no oEmbed file and no discovery link (the page's own
        snippet still works, filling in the page's address in the browser).
        """
        embed_path = f"embed/{path}"
        src = absolute_url(config, embed_path) if config.base_url else relative_url(embed_path, path)
        frame_title = f"{title} · {config.title}"
        oembed_url = None
        if config.base_url:
            oembed_path = "oembed/" + path.removesuffix(".html") + ".json"
            oembed_url = absolute_url(config, oembed_path)
            files[oembed_path] = oembed_json(config, frame_title, embed_snippet(src, frame_title))
        page(template, path, embed_of=embed_path, embed_src=src, embed_snippet=embed_snippet(src, frame_title),
             oembed_url=oembed_url, **context)
        # The twin points search engines at its full page (rel=canonical) and asks not to be listed itself.
        page(template, embed_path, embedded=True, full_page=path, canonical_path=path, robots="noindex", **context)

    def card(target: str, link: Callable[[str], str]) -> str | None:
        return link(card_path(target)) if cards else None

    for article in articles:
        panel = index.panel(article)

        def describe_article(link: Callable[[str], str], page_url: str | None, article: Article = article,
                             panel: list = panel) -> PageMeta:
            named = [row for _, rows in panel for row in rows]
            return article_meta(article, config, page_url, card(article.path, link), named, lambda e: link(e.path))

        embeddable("article.html", article.path, article.title, article=article, panel=panel,
                   figures=told.article_figures(article), also=told.also(article), related=told.related(article),
                   disputes=told.article_disputes(article), describe=describe_article, modified=article.date or "",
                   citation=article_citation(article, absolute_url(config, article.path) if config.base_url else None))
        progress.advance()
    for entity in entities:
        view = index.view(entity)
        # Long lists of articles go on numbered pages; the first page is the one to embed.
        listings = paginate(view.articles, ENTITY_ARTICLES_PER_PAGE, entity.path, f"entities/{entity.id}/page-{{n}}.html")
        disputes = told.entity_disputes(entity)

        def describe_entity(link: Callable[[str], str], page_url: str | None, entity: Entity = entity,
                            count: int = len(view.articles)) -> PageMeta:
            return entity_meta(entity, config, page_url, card(entity.path, link), count)

        entity_modified = max((m.article.date for m in view.articles if m.article.date), default="")
        embeddable("entity.html", entity.path, entity.name, view=view, listing=listings[0], kind="entities",
                   disputes=disputes, describe=describe_entity, modified=entity_modified)
        for listing in listings[1:]:
            page("entity.html", listing.path, view=view, listing=listing, kind="entities", disputes=disputes,
                 describe=describe_entity, modified=entity_modified)
        progress.advance()
    type_pages = []
    for kind in TYPES:
        ranked = index.ranked(kind)
        if not ranked:
            continue
        chunks = [ranked[i:i + ENTITIES_PER_PAGE] for i in range(0, len(ranked), ENTITIES_PER_PAGE)]
        paths = [f"types/{kind.lower()}.html"] + [f"types/{kind.lower()}-{n}.html" for n in range(2, len(chunks) + 1)]
        for number, (chunk, path) in enumerate(zip(chunks, paths, strict=True), start=1):
            listing = Listing(path, number, len(chunks), (), paths[number - 2] if number > 1 else None,
                              paths[number] if number < len(chunks) else None)
            page("type.html", path, entity_type=kind, rows=chunk, listing=listing, total=len(ranked),
                 rank_offset=(number - 1) * ENTITIES_PER_PAGE, kind="entities", subject=TYPE_LABELS[kind][1])
        type_pages.append((kind, paths[0], ranked[:8], len(ranked)))
    page("types.html", "types/index.html", type_pages=type_pages, kind="entities", subject="Entities")

    def listed_date(listing: Listing) -> str:
        return max((a.date for a in listing.articles if a.date), default="")

    for listing in paginate(articles, config.per_page, "index.html", "pages/{n}.html"):
        page("list.html", listing.path, listing=listing, heading=None, kind="home", modified=listed_date(listing))

    months, by_month = group_articles(articles, month_key, month_label, "archive")
    for group in months:
        for listing in paginate(by_month[group.key], config.per_page, group.path, group.path[:-5] + "-{n}.html"):
            page("list.html", listing.path, listing=listing, heading=group.label, kind="archive", subject=group.label,
                 modified=listed_date(listing))
    page("groups.html", "archive/index.html", groups=months, heading="Archive by date", kind="archive", subject="Archive by date")

    sources, by_source = group_articles(articles, source_key, source_label, "sources")
    for group in sources:
        for listing in paginate(by_source[group.key], config.per_page, group.path, group.path[:-5] + "-{n}.html"):
            page("list.html", listing.path, listing=listing, heading=group.label, kind="sources", subject=group.label,
                 modified=listed_date(listing))
    page("groups.html", "sources/index.html", groups=sources, heading="Sources", kind="sources", subject="Sources")

    page("stories.html", "stories.html", stories=told.story_rows(), kind="stories", subject="Stories reported by several outlets")
    page("figures.html", "figures.html", disputes=told.shown, dismissed=len(told.disputes) - len(told.shown), kind="figures",
         subject="Figures that reports disagree on")
    page("about.html", "about.html", articles=articles, sources=sources, months=months, subject=f"About {config.title}")
    # search.html?q=… is a page per query: search engines should not list result pages.
    page("search.html", "search.html", subject="Search", robots="noindex")
    # The Python page has an embeddable twin as well: other sites can frame the widget, and the panels on
    # article and entity pages (embedded ones included) frame embed/python.html.
    embeddable("python.html", "python.html", "Ask in Python", widget=widget_page(), kind="python", subject="Ask in Python")
    # Online, a 404 page is served at any missing URL, so its links start at the root;
    # the offline copy has no server, and its 404.html is opened from the folder itself.
    page("404.html", "404.html", links_from_root=download is not None, subject="Page not found")

    files["feed.xml"] = env.get_template("feed.xml").render(
        site=config, entries=articles[:FEED_SIZE], updated=feed_updated(articles), entry_id=entry_id,
        feed_id="urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"lode:{config.title}")),
        absolute=lambda path: absolute_url(config, path), categories=lambda article: feed_categories(article, index),
    ).encode("utf-8")
    files["sitemap.xml"] = env.get_template("sitemap.xml").render(
        # Embeds point search engines at their full page (rel=canonical), and search.html asks not to be
        # listed (noindex); neither is in the sitemap.
        pages=[(path, lastmod.get(path)) for path in sorted(files) if path.endswith(".html") and path != "404.html"
               and not path.startswith("embed/") and path != "search.html"],
        absolute=lambda path: absolute_url(config, path),
    ).encode("utf-8")
    files["robots.txt"] = robots_txt(config)
    files["data/corpus.json"] = corpus_json(articles, entities, config, stories, figures)
    return files


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["type_labels"] = TYPE_LABELS
    env.globals["language_names"] = LANGUAGE_NAMES
    env.filters["long_date"] = long_date
    env.filters["web_url"] = lambda href: href if safe_href(href) else None
    return env


def static_files(folder: Path) -> dict[str, bytes]:
    """CSS and other assets, fingerprinted ('style.3f2a9c1b.css') so they can be cached forever."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        relative = path.relative_to(folder).as_posix()
        stem, dot, suffix = relative.rpartition(".")
        digest = hashlib.sha256(data).hexdigest()[:10]
        files[f"static/{stem}.{digest}.{suffix}" if dot else f"static/{relative}"] = data
    return files


def static_names(static: dict[str, bytes]) -> dict[str, str]:
    """'style.css' -> 'static/style.3f2a9c1b.css'."""
    names = {}
    for path in static:
        parts = path.split("/")[-1].split(".")
        original = ".".join(parts[:-2] + parts[-1:]) if len(parts) >= 3 else parts[-1]
        names[original] = path
    return names


def paginate(articles: Iterable[Article], per_page: int, first: str, nth: str) -> list[Listing]:
    items = tuple(articles)
    count = max(1, math.ceil(len(items) / per_page))
    paths = [first] + [nth.format(n=n) for n in range(2, count + 1)]
    return [
        Listing(
            path=paths[index],
            number=index + 1,
            count=count,
            articles=items[index * per_page:(index + 1) * per_page],
            previous=paths[index - 1] if index > 0 else None,
            next=paths[index + 1] if index + 1 < count else None,
        )
        for index in range(count)
    ]


def group_articles(
    articles: tuple[Article, ...],
    key: Callable[[Article], str],
    label: Callable[[str], str],
    folder: str,
) -> tuple[list[Group], dict[str, list[Article]]]:
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        members[key(article)].append(article)
    slugs: dict[str, str] = {}
    for group_key in sorted(members):
        # The empty key (no date, no source) is named by its label: "undated", "unknown-source".
        slug = slugify(group_key or label(group_key), fallback_seed=group_key)
        while slug in slugs.values():
            slug += "-x"
        slugs[group_key] = slug
    groups = [Group(k, label(k), f"{folder}/{slugs[k]}.html", len(members[k])) for k in members]
    if folder == "archive":
        groups.sort(key=lambda g: g.key, reverse=True)  # newest month first, "undated" last
    else:
        groups.sort(key=lambda g: (-g.size, g.label.casefold(), g.key))
    return groups, members


def month_key(article: Article) -> str:
    # Months are listed newest first; "" is the lowest key, so undated comes last.
    return article.date[:7] if article.date else ""


def month_label(key: str) -> str:
    if not key:
        return "Undated"
    year, month = key.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def source_key(article: Article) -> str:
    return article.source or ""


def source_label(key: str) -> str:
    return key or "Unknown source"


def render_blocks(article: Article, url: Callable[[str], str], entities: dict[str, Entity]) -> Markup:
    """The article body as HTML: headings, paragraphs, lists and quotes, with each mention
    linked to its entity page; every character of the corpus escaped."""
    html: list[str] = []
    in_list = False
    highlights = mention_marks(article, url, entities)
    for block, marks in zip(article.blocks, highlights, strict=True):
        block = Block(block.kind, block.text, block.level, block.marks + marks)
        if block.kind == "item" and not in_list:
            html.append("<ul>")
        elif block.kind != "item" and in_list:
            html.append("</ul>")
        in_list = block.kind == "item"
        inner = render_inline(block)
        if block.kind == "heading":
            level = min(max(block.level, 2), 4)
            html.append(f'<h{level} dir="auto">{inner}</h{level}>')
        elif block.kind == "item":
            html.append(f'<li dir="auto">{inner}</li>')
        elif block.kind == "quote":
            html.append(f'<blockquote dir="auto"><p>{inner}</p></blockquote>')
        elif block.kind == "standfirst":
            html.append(f'<p class="standfirst" dir="auto">{inner}</p>')
        else:
            html.append(f'<p dir="auto">{inner}</p>')
    if in_list:
        html.append("</ul>")
    return Markup("\n".join(html))


def mention_marks(article: Article, url: Callable[[str], str], entities: dict[str, Entity]) -> list[tuple[Mark, ...]]:
    """Each block's mentions as marks relative to the block (mentions never cross blocks)."""
    offsets = article.block_offsets
    per_block: list[list[Mark]] = [[] for _ in article.blocks]
    for mention in article.mentions:
        index = bisect.bisect_right(offsets, mention.start) - 1
        start = mention.start - offsets[index]
        end = min(mention.end - offsets[index], len(article.blocks[index].text))
        entity = entities[mention.entity]
        title = f"{TYPE_LABELS[entity.type][0]}: {entity.name}"
        per_block[index].append(Mark(start, end, "mention", url(entity.path), entity.type.lower(), title))
    return [tuple(marks) for marks in per_block]


def render_inline(block: Block) -> str:
    """A block's text with its marks as tags. Overlapping marks are closed and reopened, so tags always nest."""
    boundaries = sorted({0, len(block.text)} | {m.start for m in block.marks} | {m.end for m in block.marks})
    out: list[str] = []
    for start, end in itertools.pairwise(boundaries):
        active = sorted((m for m in block.marks if m.start <= start and end <= m.end), key=lambda m: (m.start, -m.end))
        # A link cannot contain a link: a mention inside a Markdown link is highlighted, not linked.
        in_link = any(m.kind == "link" for m in active)
        tags = [(m, tag_name(m, in_link)) for m in active]
        out.extend(open_tag(m, tag) for m, tag in tags)
        out.append(str(escape(block.text[start:end])))
        out.extend(f"</{tag}>" for _, tag in reversed(tags))
    return "".join(out)


def tag_name(mark: Mark, in_link: bool = False) -> str:
    if mark.kind == "mention":
        return "span" if in_link else "a"
    return {"em": "em", "strong": "strong", "code": "code", "link": "a"}[mark.kind]


def open_tag(mark: Mark, tag: str) -> str:
    if mark.kind == "link":
        return f'<a href="{escape(mark.href or "")}" rel="nofollow noopener">'
    if mark.kind == "mention":
        href = f' href="{escape(mark.href)}"' if tag == "a" else ""
        return f'<{tag} class="m m-{escape(mark.label)}"{href} title="{escape(mark.title)}">'
    return f"<{tag}>"


EMBED_HEIGHT = 640
# The host page's side of the embed: resize the frame that sent a height
# message, and ignore every other message.
EMBED_LISTENER = (
    '<script>addEventListener("message",function(e){var d=e.data;'
    'if(!d||d.type!=="lode-embed-height"||typeof d.height!=="number"||d.height<1||d.height>50000)return;'
    'var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)'
    'if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(d.height)+"px"})</script>'
)


def embed_snippet(src: str, title: str) -> str:
    """The HTML another site pastes: a sandboxed, lazy frame (same-origin kept so the Python widget can load)."""
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" loading="lazy" width="100%" height="{EMBED_HEIGHT}" '
        f'style="border:0;max-width:100%" sandbox="allow-scripts allow-same-origin allow-popups"></iframe>\n'
        + EMBED_LISTENER
    )


def oembed_json(config: SiteConfig, title: str, html: str) -> bytes:
    """A rich oEmbed description; `html` must already hold absolute URLs (it is pasted into other sites)."""
    document = {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": config.title,
        "provider_url": config.base_url,
        "html": html,
        "width": 640,
        "height": EMBED_HEIGHT,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def absolute_url(config: SiteConfig, path: str) -> str:
    """A page's URL for feeds and sitemaps: absolute with a base URL, else relative to the site root."""
    return config.base_url.rstrip("/") + "/" + path if config.base_url else path


def robots_txt(config: SiteConfig) -> bytes:
    """Every page may be crawled (embeds and search say noindex in the page, which a crawler must fetch to read);
    the sitemap is named only with a base URL, since robots.txt needs it absolute. Crawlers read robots.txt
    at a host's root only: under a base URL with a path, the host's own robots.txt has to name the sitemap."""
    lines = ["User-agent: *", "Allow: /"]
    if config.base_url:
        lines.append(f"Sitemap: {absolute_url(config, 'sitemap.xml')}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def feed_categories(article: Article, index: EntityIndex) -> list[tuple[str, str, str]]:
    """(term, label, type page) for each named thing an article mentions: a feed reader files it under them."""
    return [(entity.name, f"{TYPE_LABELS[kind][0]}: {entity.name}", f"types/{kind.lower()}.html")
            for kind, rows in index.panel(article) if kind not in VALUE_TYPES for entity, _ in rows]


def entry_id(config: SiteConfig, article: Article) -> str:
    """A permanent Atom id: the same article keeps it across builds and hosts."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"lode:{config.title}:{article.id}"))


def feed_updated(articles: tuple[Article, ...]) -> str:
    # Never the build's clock: the same corpus must give the same bytes.
    dated = [a.date for a in articles if a.date]
    return f"{max(dated)}T00:00:00Z" if dated else "1970-01-01T00:00:00Z"


def corpus_json(articles: tuple[Article, ...], entities: tuple[Entity, ...], config: SiteConfig,
                stories: Stories | None = None, figures: Figures | None = None) -> bytes:
    """data/corpus.json: the one description of the corpus that search, downloads and the Python widget read."""
    stories = stories or Stories(())
    figures = figures or Figures((), ())
    document = {
        "site": {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "base_url": config.base_url or None,
        },
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "author": a.author,
                "authors": list(a.authors),
                "date": a.date,
                "time": a.time,
                "timezone": a.timezone,
                "url": a.url,
                "file": a.file,
                "path": a.path,
                "language": a.language,
                "standfirst": next((block.text for block in a.blocks if block.kind == "standfirst"), None),
                "text": a.text,
                "mentions": [
                    {"entity": m.entity, "start": m.start, "end": m.end, "text": m.text}
                    | ({"value": m.value} if m.value is not None else {})
                    for m in a.mentions
                ],
                "story": stories.cluster_of.get(a.id),
                "related": list(stories.related.get(a.id, ())),
            }
            for a in articles
        ],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "path": e.path, "same_as": list(e.same_as)}
            for e in entities
        ],
        "stories": [{"id": s.id, "articles": list(s.articles)} for s in stories.clusters],
        "figures": [
            {"id": f.id, "article": f.article, "start": f.start, "end": f.end, "text": f.text, "kind": f.kind,
             "value": f.value, "bound": f.bound, "holder": f.holder, "holder_text": f.holder_text, "thing": f.thing,
             "thing_text": f.thing_text, "qualifiers": list(f.qualifiers), "years": list(f.years),
             "sentence": list(f.sentence)}
            for f in figures.figures
        ],
        "conflicts": [
            {"id": c.id, "holder": c.holder, "thing": c.thing, "qualifiers": list(c.qualifiers), "status": c.status,
             "figures": list(c.figures), "notes": c.notes, "stories": list(c.stories), "dismissed": c.dismissed}
            for c in figures.conflicts
        ],
    }
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
