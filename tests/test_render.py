"""The rendered site: pages exist, links resolve, text is escaped, data is complete."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from extract.model import SiteConfig
from extract.pipeline import TEMPLATES, build

from .conftest import DEFAULT_CORPUS, HOSTILE, run_build


class Links(HTMLParser):
    """Every href and src on a page, the text of any inline <script>, and the JSON-LD data blocks.

    A <script type="application/ld+json"> is data: browsers never run it, so CSP does not apply to it."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.script_sources: list[str | None] = []
        self.inline_script = ""
        self.data_blocks: list[str] = []
        self._in_script = False
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._in_data = True
            self.data_blocks.append("")
        elif tag == "script":
            self.script_sources.append(dict(attrs).get("src"))
            self._in_script = True
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_script += data
        if self._in_data:
            self.data_blocks[-1] += data


def links_of(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def internal_target(site: Path, page: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("#"):
        return None
    if parts.path.startswith("/"):  # only the 404 page links from the site root
        return (site / unquote(parts.path).lstrip("/")).resolve()
    return (page.parent / unquote(parts.path)).resolve()


def test_every_internal_link_on_every_page_resolves_to_a_file(default_site: Path) -> None:
    pages = sorted(default_site.rglob("*.html"))
    assert len(pages) > 12
    for page in pages:
        if page.name == "404.html":
            continue  # links from the site root; checked below
        for url in links_of(page).urls:
            target = internal_target(default_site, page, url)
            if target is None:
                assert url.startswith(("https://", "http://", "#")), f"{page}: odd link {url}"
                continue
            assert target.is_file(), f"{page.relative_to(default_site)} links to missing {url}"
            assert not url.endswith("/"), f"{page}: directory URL {url} does not work from disk"


def test_every_article_is_linked_from_the_home_pages(default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    linked: set[Path] = set()
    home_pages = [default_site / "index.html", *sorted((default_site / "pages").glob("*.html"))]
    for page in home_pages:
        linked |= {internal_target(default_site, page, url) for url in links_of(page).urls}
    for article in corpus["articles"]:
        assert (default_site / article["path"]).resolve() in linked, article["path"]
        assert (default_site / article["path"]).is_file()


def test_404_page_links_from_the_site_root(default_site: Path) -> None:
    urls = links_of(default_site / "404.html").urls
    assert "/index.html" in urls
    assert all(u.startswith(("/", "#")) for u in urls)
    for url in urls:
        if url.startswith("/"):
            assert (default_site / url.lstrip("/")).is_file()


def test_scripts_are_local_files_never_inline_and_nothing_loads_from_another_host(default_site: Path) -> None:
    for page in default_site.rglob("*.html"):
        parsed = links_of(page)
        assert parsed.inline_script.strip() == "", f"{page}: inline script (a CSP without 'unsafe-inline' would block it)"
        for src in parsed.script_sources:
            assert src and not src.startswith(("http:", "https:", "//")), f"{page}: script {src}"
            target = internal_target(default_site, page, src)
            assert target is not None and target.is_file(), f"{page}: script {src} missing"
        for url in parsed.urls:
            if url.startswith(("http://", "https://")):
                # Only outbound article links (the original article) leave the site, never assets.
                assert 'rel="nofollow noopener"' in page.read_text(encoding="utf-8")


def test_corpus_json_describes_every_article(default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert corpus["entities"], "the entities stage fills this (see test_entities.py)"
    articles = corpus["articles"]
    assert len(articles) == len(list(DEFAULT_CORPUS.rglob("*.md"))) + len(list(DEFAULT_CORPUS.rglob("*.txt")))
    for article in articles:
        assert {"id", "title", "source", "date", "url", "file", "path", "text"} <= set(article)
        assert re.fullmatch(r"articles/[a-z0-9-]+\.html", article["path"])
        assert article["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["date"])
        assert article["text"].strip() and "\n\n" in article["text"]
        assert "/" not in article["file"] and "." not in article["file"]
    dates = [a["date"] for a in articles]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True), "newest first"
    assert dates.index(None) == len(dated), "undated articles come after every dated one"


def test_article_ids_come_from_file_paths_not_titles(default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    by_file = {a["file"]: a["id"] for a in corpus["articles"]}
    assert by_file["komatsu-equipment-deal"] == "reko-diq-komatsu-equipment-deal"


def test_slugs_keep_latin_letters_that_have_no_accent_to_drop() -> None:
    from extract.paths import slugify
    assert slugify("Altıntepe Madencilik A.Ş.") == "altintepe-madencilik-a-s"  # not "alt-ntepe-…"
    assert slugify("Łódź, Bjørn, Straße") == "lodz-bjorn-strasse"
    assert slugify("Reko Diq: the deal") == "reko-diq-the-deal"
    assert slugify("کان کنی").startswith("x-")  # no Latin letters: a stable hash


def test_urdu_article_is_marked_right_to_left_capable(default_site: Path) -> None:
    page = (default_site / "articles" / "reko-diq-reko-diq-ownership-ur.html").read_text(encoding="utf-8")
    assert 'lang="ur"' in page
    assert page.count('dir="auto"') >= 4


def test_feed_and_sitemap_are_well_formed(default_site: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(default_site / "feed.xml").getroot()
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 12
    for entry in entries:
        href = entry.find(f"{atom}link").get("href")
        assert (default_site / href).is_file()
        assert entry.find(f"{atom}id").text.startswith("urn:uuid:")
    sitemap = ET.parse(default_site / "sitemap.xml").getroot()
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "index.html" in locs and all((default_site / loc).is_file() for loc in locs)


def test_home_page_is_paginated_with_archives_by_date_and_source(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "--per-page", "5", "-q")
    assert result.returncode == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<li>\n    <h2 dir="auto">') == 5
    assert 'rel="next" href="pages/2.html"' in index
    assert (out / "pages" / "3.html").is_file() and not (out / "pages" / "4.html").exists()
    assert (out / "archive" / "undated.html").is_file()
    assert (out / "archive" / "2025-06.html").is_file()
    assert "Lode Example Desk" in (out / "sources" / "index.html").read_text(encoding="utf-8")


def test_base_url_makes_canonical_links_feed_and_sitemap_absolute(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "--base-url", "https://lode.example.net/news", "-q")
    assert result.returncode == 0, result.stderr
    page = (out / "articles" / "us-pmif25-us-interest.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://lode.example.net/news/articles/us-pmif25-us-interest.html">' in page
    assert 'href="../index.html"' in page, "navigation stays relative"
    assert "<loc>https://lode.example.net/news/index.html</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
    # oEmbed: another site fetches the JSON and pastes its html, so every URL in it is absolute.
    base = "https://lode.example.net/news/"
    oembeds = sorted((out / "oembed").rglob("*.json"))
    pages_with_embeds = [p for p in out.rglob("*.html") if 'class="embed-code"' in p.read_text(encoding="utf-8")]
    assert len(oembeds) == len(pages_with_embeds) > 20
    for file in oembeds:
        path = file.relative_to(out / "oembed").as_posix().removesuffix(".json") + ".html"
        oembed = json.loads(file.read_text(encoding="utf-8"))
        assert oembed["provider_url"] == base and oembed["type"] == "rich", file
        urls = re.findall(r'(?:src|href)="([^"]*)"', oembed["html"])
        assert urls == [f"{base}embed/{path}"], file
        assert f'href="{base}oembed/{file.relative_to(out / "oembed").as_posix()}"' in (out / path).read_text(encoding="utf-8")


def test_without_a_base_url_there_is_no_oembed_but_every_embed_snippet_stays(default_site: Path) -> None:
    assert not (default_site / "oembed").exists()
    snippets = 0
    for page in default_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "json+oembed" not in html and "oembed/" not in html, page
        snippets += 'class="embed-code"' in html
    assert snippets > 20


def test_corpus_text_cannot_inject_markup(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (corpus / "scrape.txt").write_text(
        "A title with <b>tags</b> in it\n\nThe body has a <script>bad()</script> tag inside a long enough sentence.\n", encoding="utf-8"
    )
    build(corpus, tmp_path / "site", SiteConfig(), templates=TEMPLATES)
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<script>bad" not in html and "<img src=x" not in html, page
        assert "<iframe src=//evil" not in html and "<b>" not in html, page
        assert links_of(page).inline_script.strip() == "", page
        assert "href=\"javascript:" not in html, page
    article = (tmp_path / "site" / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; friends" in article
    assert "Original article" not in article, "only http(s) URLs are linked"
    feed = (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed
    ET.fromstring(feed)


@pytest.mark.parametrize("per_page", [1, 3])
def test_every_listing_page_is_reachable_by_pager_links(tmp_path: Path, per_page: int) -> None:
    out = tmp_path / "site"
    build(DEFAULT_CORPUS, out, SiteConfig(per_page=per_page))
    seen, page = [], out / "index.html"
    while page:
        seen.append(page)
        nxt = re.search(r'rel="next" href="([^"]+)"', page.read_text(encoding="utf-8"))
        page = (page.parent / nxt.group(1)).resolve() if nxt else None
    assert len(seen) == -(-12 // per_page)


def test_a_standfirst_shows_under_the_title_and_on_the_index_card(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "smelter.txt").write_text("\n".join([
        "Copper smelter restarts in Chingola",
        "The plant had been shut for six months after a dispute over power prices with the state utility",
        "By Lode Staff",
        "The smelter restarted on Monday, the company said, after it agreed a new tariff with the utility.",
        "It expects to reach full capacity by June.",
    ]), encoding="utf-8")
    build(corpus, tmp_path / "site", SiteConfig(), templates=TEMPLATES)
    article = (tmp_path / "site" / "articles" / "smelter.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="standfirst" dir="auto">The plant had been shut', article)
    assert article.index('class="standfirst"') < article.index("The smelter restarted")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="standfirst" dir="auto">The plant had been shut', index)
    (record,) = json.loads((tmp_path / "site" / "data" / "corpus.json").read_text(encoding="utf-8"))["articles"]
    assert record["standfirst"].startswith("The plant had been shut")
    from lode_corpus.model import Article
    assert Article(record).standfirst == record["standfirst"]
