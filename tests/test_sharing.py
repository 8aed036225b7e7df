"""Found and shared: what pages tell link previews, search engines, feed readers and citation managers.

Read back with the libraries those tools use: extruct (JSON-LD, Open Graph, microdata), feedparser (the
feed), xmlschema (the sitemap), Pillow (the cards), and Lode's own HTML reader (a built article page must
come back with the title, date, author and outlet corpus.json gives it).
"""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import extruct
import feedparser
import pytest
import xmlschema
from PIL import Image

from extract.cards import HEIGHT, MAX_BYTES, WIDTH, Card, draw, draw_cards
from extract.html import read_html
from extract.link import CurationError, parse_curation
from extract.model import Article, Block, Entity, Mention, RawDocument, SiteConfig
from extract.pipeline import TEMPLATES
from extract.render import render_site

from .conftest import DEFAULT_CORPUS, FIXTURES, run_build

BASE = "https://lode.example.org/news/"
SCHEMA_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "EVENT": "Event"}
LISTED = ("PERSON", "ORG", "GPE", "LOC")


@pytest.fixture(scope="module")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus published at a base URL, with a curator's same_as identifier for one entity."""
    corpus = tmp_path_factory.mktemp("corpus") / "corpus"
    corpus.mkdir()
    for file in DEFAULT_CORPUS.rglob("*"):
        if file.is_file():
            (corpus / file.relative_to(DEFAULT_CORPUS)).parent.mkdir(parents=True, exist_ok=True)
            (corpus / file.relative_to(DEFAULT_CORPUS)).write_bytes(file.read_bytes())
    (corpus / "aliases.toml").write_text(
        '[same_as]\n"Barrick Gold" = ["https://www.wikidata.org/wiki/Q1503426", "https://www.barrick.com/"]\n', encoding="utf-8")
    out = tmp_path_factory.mktemp("shared") / "site"
    result = run_build("--corpus", str(corpus), "--out", str(out), "--base-url", BASE.rstrip("/"), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


def corpus_of(site: Path) -> dict:
    return json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))


class MetaTags(HTMLParser):
    """Every <meta name|property=… content=…> of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        key = values.get("property") or values.get("name")
        if tag == "meta" and key and values.get("content") is not None:
            self.tags.setdefault(key, []).append(values["content"] or "")


def meta_tags(html: str) -> dict[str, list[str]]:
    parser = MetaTags()
    parser.feed(html)
    return parser.tags


def read_back(site: Path, path: str) -> dict:
    html = (site / path).read_text(encoding="utf-8")
    data = extruct.extract(html, base_url=BASE + path, syntaxes=["json-ld", "microdata"], uniform=True)
    # Open Graph as extruct reads it, not "uniform": that folds repeated properties (article:author) into one.
    (graph,) = extruct.extract(html, base_url=BASE + path, syntaxes=["opengraph"])["opengraph"]
    og: dict[str, list[str]] = {}
    for name, value in graph["properties"]:
        og.setdefault(name, []).append(value)
    first = {name: values[0] for name, values in og.items()}
    return {"og": first, "og_all": og, "json_ld": data["json-ld"], "microdata": data["microdata"], "tags": meta_tags(html)}


def test_article_pages_read_back_by_extruct_equal_corpus_data(shared_site: Path) -> None:
    corpus = corpus_of(shared_site)
    entities = {e["id"]: e for e in corpus["entities"]}
    for article in corpus["articles"]:
        page = read_back(shared_site, article["path"])
        og, tags, url = page["og"], page["tags"], BASE + article["path"]
        card = BASE + "cards/" + article["path"].removesuffix(".html") + ".png"
        assert og["og:title"] == article["title"] and og["og:type"] == "article" and og["og:url"] == url
        assert og["og:site_name"] == corpus["site"]["title"] and og["og:image"] == card
        assert og["og:description"] and tags["description"] == [og["og:description"]]
        assert page["og_all"].get("article:published_time", [None]) == [article["date"]]
        assert page["og_all"].get("article:author", []) == article["authors"]
        assert tags["twitter:card"] == ["summary_large_image"] and tags["twitter:image"] == [card]
        assert tags["twitter:title"] == [article["title"]] and tags["twitter:image:alt"][0].startswith(article["title"])
        (news,) = page["json_ld"]
        assert news["@type"] == "NewsArticle" and news["headline"] == article["title"] and news["url"] == url
        assert news.get("datePublished") == article["date"] and news.get("dateModified") == article["date"]
        assert [a["name"] for a in news.get("author", [])] == article["authors"]
        assert news.get("publisher", {}).get("name") == article["source"]
        assert news["image"] == card
        # about + mentions: every person, organisation and place the article names, each linked to its page.
        named = {m["entity"] for m in article["mentions"] if entities[m["entity"]]["type"] in LISTED}
        listed = news.get("about", []) + news.get("mentions", [])
        assert sorted(thing["name"] for thing in listed) == sorted(entities[i]["name"] for i in named), article["id"]
        for thing in listed:
            entity = next(entities[i] for i in named if entities[i]["name"] == thing["name"])
            assert thing["@type"] == SCHEMA_TYPES[entity["type"]] and thing["url"] == BASE + entity["path"]
            assert (shared_site / entity["path"]).is_file()
        (cited,) = page["microdata"]
        assert cited["@type"] == "NewsArticle" and cited["headline"] == article["title"]
        authors = cited.get("author", [])
        authors = authors if isinstance(authors, list) else [authors]
        assert [a["name"] for a in authors] == article["authors"]
        assert cited.get("publisher", {}).get("name") == article["source"] and cited.get("datePublished") == article["date"]
        # Citation managers: Highwire and Dublin Core.
        assert tags["citation_title"] == [article["title"]] and tags["DC.title"] == [article["title"]]
        assert tags.get("citation_author", []) == article["authors"] == tags.get("DC.creator", [])
        assert tags.get("DC.publisher", [None]) == [article["source"]]
        if article["date"]:
            assert tags["citation_publication_date"] == [article["date"].replace("-", "/")]
    assert sum(bool(a["mentions"]) for a in corpus["articles"]) >= 10


def test_entity_pages_read_back_as_person_organisation_or_place_with_same_as(shared_site: Path) -> None:
    corpus = corpus_of(shared_site)
    seen = set()
    for entity in corpus["entities"]:
        page = read_back(shared_site, entity["path"])
        url = BASE + entity["path"]
        assert page["og"]["og:title"] == entity["name"] and page["og"]["og:url"] == url
        assert page["og"]["og:image"] == BASE + "cards/" + entity["path"].removesuffix(".html") + ".png"
        assert page["tags"]["twitter:card"] == ["summary_large_image"]
        (thing,) = page["json_ld"]
        assert thing["@type"] == SCHEMA_TYPES.get(entity["type"], "Thing") and thing["name"] == entity["name"]
        assert thing["url"] == url and thing.get("alternateName", []) == entity["aliases"]
        assert thing.get("sameAs", []) == entity["same_as"]
        seen.add(thing["@type"])
    assert {"Person", "Organization", "Place"} <= seen
    barrick = next(e for e in corpus["entities"] if e["name"] == "Barrick Gold")
    assert barrick["same_as"] == ["https://www.wikidata.org/wiki/Q1503426", "https://www.barrick.com/"]


def test_list_and_other_pages_carry_open_graph_and_twitter_cards(shared_site: Path) -> None:
    pages = ["index.html", "archive/index.html", "sources/index.html", "types/index.html", "types/org.html",
             "about.html", "search.html", "python.html", *[p.relative_to(shared_site).as_posix()
                                                           for p in sorted((shared_site / "archive").glob("2*.html"))]]
    for path in pages:
        page = read_back(shared_site, path)
        og = page["og"]
        assert og["og:type"] == "website" and og["og:url"] == BASE + path and og["og:image"] == BASE + "cards/site.png", path
        assert og["og:title"] and og["og:description"] and page["tags"]["twitter:card"] == ["summary_large_image"], path
    (site,) = read_back(shared_site, "index.html")["json_ld"]
    assert site["@type"] == "WebSite" and site["url"] == BASE
    assert site["potentialAction"]["target"] == BASE + "search.html?q={query}"


def test_without_a_base_url_pages_have_no_og_url_and_relative_card_images_that_exist(default_site: Path) -> None:
    for path in ["articles/briefs-barrick-stake.html", "entities/barrick-gold.html", "index.html"]:
        html = (default_site / path).read_text(encoding="utf-8")
        tags = meta_tags(html)
        assert "og:url" not in tags and 'rel="canonical"' not in html
        (image,) = tags["og:image"]
        assert not image.startswith(("http", "/")) and (default_site / path).parent.joinpath(image).resolve().is_file()


@pytest.mark.parametrize("site_name", ["shared_site", "default_site"])
def test_lodes_own_html_reader_reads_an_article_page_back_as_corpus_json_says(site_name: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(site_name)
    articles = corpus_of(site)["articles"]
    for article in articles:
        document = read_html(RawDocument(article["path"], "html", (site / article["path"]).read_text(encoding="utf-8")))
        assert (document.title, document.date, document.author, document.source) == (
            article["title"], article["date"], article["author"], article["source"]), article["id"]
    # Outlets that differ from the site's name, authors, an undated article and one with no outlet are all there.
    assert {a["source"] for a in articles} > {None} and any(a["author"] for a in articles) and not all(a["date"] for a in articles)


def test_a_copy_names_its_outlet_only_through_structured_data_that_says_it_is_a_copy() -> None:
    def page(ld: dict) -> str:
        return ('<html><head><title>A story about copper and the people who mine it</title>'
                '<meta property="og:site_name" content="Big Portal">'
                f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
                '<h1>A story about copper and the people who mine it</h1>'
                + "<p>Copper output rose again this year as the new mine opened near the river town.</p>" * 6
                + "</article></body></html>")
    copy = {"@type": "NewsArticle", "publisher": {"name": "Valley Times"}, "sdPublisher": {"name": "Big Portal"}}
    own = {"@type": "NewsArticle", "publisher": {"name": "Valley Times"}}
    assert read_html(RawDocument("a.html", "html", page(copy))).source == "Valley Times"
    assert read_html(RawDocument("b.html", "html", page(own))).source == "Big Portal"


def test_feed_validates_with_feedparser_and_carries_authors_categories_and_outlet(shared_site: Path) -> None:
    feed = feedparser.parse((shared_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    corpus = corpus_of(shared_site)
    entities = {e["id"]: e for e in corpus["entities"]}
    assert len(feed.entries) == len(corpus["articles"])
    for entry, article in zip(feed.entries, corpus["articles"], strict=True):
        assert entry.title == article["title"] and entry.link == BASE + article["path"]
        expected_authors = article["authors"] or ([article["source"]] if article["source"] else [])
        assert [a["name"] for a in entry.get("authors", [])] == expected_authors
        named = {entities[m["entity"]]["name"] for m in article["mentions"]
                 if entities[m["entity"]]["type"] not in ("MONEY", "PERCENT", "DATE")}
        assert {tag.term for tag in entry.get("tags", [])} == named
        for tag in entry.get("tags", []):
            assert re.fullmatch(re.escape(BASE) + r"types/[a-z]+\.html", tag.scheme) and tag.label.endswith(tag.term)
        assert entry.get("source", {}).get("title") == article["source"]
        if article["date"]:
            assert entry.published.startswith(article["date"])


def test_sitemap_is_valid_against_its_schema_with_lastmod_from_article_dates(shared_site: Path) -> None:
    # The sitemaps.org schema is not in any package here: tests/fixtures/sitemap/sitemap.xsd is written from the
    # published schema's structure (see its header).
    schema = xmlschema.XMLSchema(FIXTURES / "sitemap" / "sitemap.xsd")
    schema.validate(str(shared_site / "sitemap.xml"))
    decoded = schema.to_dict(str(shared_site / "sitemap.xml"))
    lastmod = {url["loc"]: url.get("lastmod") for url in decoded["url"]}
    corpus = corpus_of(shared_site)
    for article in corpus["articles"]:
        assert lastmod[BASE + article["path"]] == article["date"]
    newest = max(a["date"] for a in corpus["articles"] if a["date"])
    assert lastmod[BASE + "index.html"] == newest and lastmod[BASE + "about.html"] == newest
    assert not any("/embed/" in loc or loc.endswith("search.html") for loc in lastmod)
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        schema.validate('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>2025</lastmod></url></urlset>')


def test_robots_txt_names_the_sitemap_and_embeds_and_search_ask_not_to_be_listed(shared_site: Path, default_site: Path) -> None:
    assert (shared_site / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"
    assert "Sitemap" not in (default_site / "robots.txt").read_text(encoding="utf-8"), "robots.txt needs it absolute"
    embeds = sorted((shared_site / "embed").rglob("*.html"))
    assert len(embeds) > 20
    for page in [*embeds, shared_site / "search.html"]:
        assert meta_tags(page.read_text(encoding="utf-8"))["robots"] == ["noindex"], page
    for page in ["index.html", "articles/briefs-barrick-stake.html", "entities/barrick-gold.html"]:
        html = (shared_site / page).read_text(encoding="utf-8")
        assert "robots" not in meta_tags(html) and f'<link rel="canonical" href="{BASE}{page}">' in html


def test_no_corpus_text_can_close_the_structured_data_script(tmp_path: Path) -> None:
    hostile = "Ends </script><script>alert(1)</script> <!-- and & \u2028"
    article = Article(
        id="a", file="a", source_path="a.md", path="articles/a.html", title=hostile, source=hostile + " Times",
        authors=(hostile,), date="2025-01-02", url=None, language="en",
        blocks=(Block("paragraph", "Named here: X."),), mentions=(Mention("a", 12, 13, "X", "e"),),
    )
    entity = Entity("e", hostile, "ORG", (hostile + " alias",), "entities/e.html", ("https://example.org/x",))
    files = render_site((article,), (entity,), SiteConfig(base_url="https://lode.example.org"), TEMPLATES, cards=True)
    for path in ["articles/a.html", "entities/e.html"]:
        html = files[path].decode("utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
        assert len(blocks) == 1 and "<" not in blocks[0] and ">" not in blocks[0] and "&" not in blocks[0], path
        assert "<script>alert" not in html and "<!--" not in html, path
        data = json.loads(blocks[0])
        assert hostile in (data.get("headline"), data.get("name")), path
        (read,) = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
        assert read == data


def test_same_as_in_the_curation_file_takes_web_urls_only() -> None:
    assert parse_curation('[same_as]\n"A" = "https://www.wikidata.org/wiki/Q1"\n').same_as == {"A": ("https://www.wikidata.org/wiki/Q1",)}
    with pytest.raises(CurationError, match="same_as takes absolute http"):
        parse_curation('[same_as]\n"A" = ["javascript:alert(1)"]\n')


# --- cards -----------------------------------------------------------------------------------------------


def test_every_card_is_a_small_1200_by_630_png_drawn_the_same_every_time(shared_site: Path) -> None:
    cards = sorted((shared_site / "cards").rglob("*.png"))
    corpus = corpus_of(shared_site)
    assert len(cards) == len(corpus["articles"]) + len(corpus["entities"]) + 1
    for path in cards:
        data = path.read_bytes()
        assert len(data) <= MAX_BYTES, path
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and image.size == (WIDTH, HEIGHT), path
    card = Card("x.png", "Lode", "Reuters", "Barrick raises its stake in Reko Diq", "8 April 2025")
    assert draw(card) == draw(card)


def test_cards_are_cached_by_content(tmp_path: Path) -> None:
    cards = [Card(f"c{n}.png", "Lode", "Dawn", f"Title number {n}", "1 May 2024") for n in range(3)]
    first = draw_cards(cards, tmp_path)
    stored = sorted((tmp_path / "cards").rglob("*.png"))
    assert len(stored) == 3
    for path in stored:
        path.write_bytes(b"cached")  # a second build must read these, not draw again
    assert set(draw_cards(cards, tmp_path).values()) == {b"cached"}
    changed = [cards[0], Card("c1.png", "Lode", "Dawn", "Title number 1, edited", "1 May 2024")]
    again = draw_cards(changed, tmp_path)
    assert again["c0.png"] == b"cached" and again["c1.png"] != first["c1.png"] and again["c1.png"].startswith(b"\x89PNG")


def ink(png: bytes, box: tuple[int, int, int, int]) -> int:
    """How many pixels in `box` are drawn in a shade brighter than the background (palette index > 0)."""
    return sum(1 for value in Image.open(io.BytesIO(png)).crop(box).tobytes() if value)


def test_long_titles_wrap_and_end_with_an_ellipsis_inside_the_card() -> None:
    long = draw(Card("x.png", "Lode", "Reuters", "Copper output rises again " * 20 + "endword", "1 May 2024"))
    short = draw(Card("x.png", "Lode", "Reuters", "Copper output rises", "1 May 2024"))
    title_area = (80, 186, 1120, 506)
    assert ink(long, title_area) > 3 * ink(short, title_area)
    assert ink(long, (1121, 0, 1200, 630)) == 0, "nothing is drawn into the right margin"
    from extract.cards import TITLE_SIZES, title_lines
    size, lines = title_lines("Copper output rises again " * 20 + "endword")
    assert size == TITLE_SIZES[-1] and lines[-1][1].endswith("…") and "endword" not in lines[-1][1]
    assert all(not line.endswith(" …") for _, line in lines)
    _, lines = title_lines("Supercalifragilistic" * 10)
    assert len(lines) >= 2, "a word wider than the card is cut between characters, not drawn off the edge"


def test_urdu_is_drawn_right_aligned_with_the_arabic_font_and_scripts_no_font_has_are_left_out() -> None:
    urdu = draw(Card("x.png", "Lode", "Lode Urdu Desk", "ریکو ڈک کا مالک کون ہے؟", "10 July 2025"))
    untitled = draw(Card("x.png", "Lode", "Lode Urdu Desk", "", "10 July 2025"))
    title_area = (80, 186, 1120, 506)
    assert ink(urdu, title_area) > 2000, "the Urdu title is drawn"
    assert ink(urdu, (600, 186, 1120, 506)) > ink(urdu, (80, 186, 600, 506)), "right-aligned, as Urdu reads"
    # Chinese is in neither font: the card leaves the title out rather than drawing boxes.
    assert draw(Card("x.png", "Lode", "Lode Urdu Desk", "中国企业投资", "10 July 2025")) == untitled


def test_no_cards_skips_them_with_one_note(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "--no-cards", "--base-url", BASE)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("--no-cards") == 1
    assert not (out / "cards").exists()
    tags = meta_tags((out / "articles" / "briefs-barrick-stake.html").read_text(encoding="utf-8"))
    assert "og:image" not in tags and tags["twitter:card"] == ["summary"] and tags["og:title"]
