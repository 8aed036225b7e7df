"""Search in Chromium, served over http://127.0.0.1 and opened from file://.

The `page` fixture fails a test on any request to another host and on any JavaScript error.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from bench.synthetic import generate
from extract.model import Entity, SiteConfig
from extract.pipeline import TEMPLATES
from extract.render import render_site
from extract.search import (
    FIELDS,
    LUNR_PATH,
    build_search_files,
    display_records,
    fold,
    search_documents,
    search_files,
    vendored_lunr,
)
from tests.test_search import make_article

SEARCHED = re.compile(r"/search/")


@pytest.fixture(params=["http", "file"])
def site_url(request, default_site: Path, netlify_site: str):
    """site_url(path) -> its URL, over http (with netlify.toml's headers) or from disk."""
    if request.param == "http":
        return lambda path: netlify_site + path
    return lambda path: (default_site / path.split("?")[0]).as_uri() + ("?" + path.split("?")[1] if "?" in path else "")


def results(page) -> list[tuple[str, str]]:
    """(link, title) of each result shown, in order."""
    return [(link.get_attribute("href"), link.locator(".search-result-title").inner_text())
            for link in page.locator(".search-result a").all()]


def wait_for_results(page, scope: str = "") -> None:
    page.wait_for_function(
        f"() => document.querySelector('{scope} .search-result') || /match|can’t|too broad|not available/.test("
        f"document.querySelector('{scope} .search-status').textContent)", timeout=15_000)


def test_reader_types_a_query_sees_the_article_and_follows_it(page, site_url) -> None:
    page.goto(site_url("index.html"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.request_log.requests if SEARCHED.search(url)], "the index loaded before search was used"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("komatsu")
    wait_for_results(page, ".search-panel")
    shown = results(page)
    assert shown[0] == ("entities/komatsu.html", "Komatsu")  # the entity the query names comes first
    titles = [title for _, title in shown]
    assert "Komatsu's $440 million Reko Diq order comes with a training subsidiary" in titles
    assert page.locator(".search-panel .search-result mark").first.inner_text().lower() == "komatsu"
    # Arrows move through the results, Enter opens the one reached.
    position = titles.index("Komatsu's $440 million Reko Diq order comes with a training subsidiary")
    for _ in range(position + 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"articles/reko-diq-komatsu-equipment-deal\.html$"))
    assert page.locator("article h1").inner_text().startswith("Komatsu's $440 million")


def test_a_linked_search_runs_on_load_and_its_results_are_links(page, site_url) -> None:
    page.goto(site_url("search.html?q=copper"))
    wait_for_results(page)
    assert page.locator("#search-q").input_value() == "copper"
    shown = results(page)
    assert shown[0] == ("entities/copper.html", "copper")
    articles = [(href, title) for href, title in shown if href.startswith("articles/")]
    assert len(articles) == 6
    assert page.locator(".search-status").inner_text() == "6 articles and 1 name match “copper”."
    assert page.locator(".search-page a[href^='articles/']").count() == 6  # no list of all articles besides
    page.locator(".search-result a", has_text=articles[0][1]).click()
    page.wait_for_url(re.compile(re.escape(articles[0][0]) + "$"))
    assert page.locator("article h1").inner_text() == articles[0][1]


def test_ranking_runs_in_a_worker_and_in_the_page_where_workers_cannot_run(page, site_url) -> None:
    page.goto(site_url("search.html?q=komatsu"))
    wait_for_results(page)
    in_worker = results(page)
    assert len(page.workers) == 1 and page.evaluate("typeof window.lunr") == "undefined"
    page.add_init_script("window.Worker = undefined;")
    page.goto(site_url("search.html?q=komatsu"))
    wait_for_results(page)
    assert page.evaluate("typeof window.lunr") == "function"  # the engine runs on the page instead
    assert results(page) == in_worker


def test_an_entity_query_shows_the_entity_first(page, site_url) -> None:
    page.goto(site_url("search.html?q=JETRO"))
    wait_for_results(page)
    shown = results(page)
    assert shown[0] == ("entities/japan-external-trade-organization.html", "Japan External Trade Organization")
    assert "Also written: JETRO" in page.locator(".search-result").first.inner_text()
    assert {href for href, _ in shown[1:]} >= {"articles/japan-jetro-jpbcc-outreach.html", "articles/japan-kamal-tokyo-meetings.html"}


@pytest.mark.parametrize(("query", "why"), [
    ("title:", "a word is missing after a field name, + or -"),
    ("gold^x", "^ must be followed by a whole number, as in copper^5"),
    ("colour:red", "there is no field called “colour”: the fields are title, body, names and source"),
])
def test_a_query_lunr_cannot_parse_shows_a_message_not_a_blank_page(page, site_url, query: str, why: str) -> None:
    page.goto(site_url("search.html?q=" + quote(query)))
    wait_for_results(page)
    status = page.locator(".search-status").first.inner_text()
    assert status == f"Lode can’t read “{query}” as a search: {why}. Search plain words, or see the search tips."
    assert page.locator(".search-result").count() == 0
    page.fill("#search-q", "title:barrick")  # and the next query works
    page.wait_for_function("() => document.querySelectorAll('.search-result').length > 0")
    assert results(page) == [("entities/barrick-gold.html", "Barrick Gold"),
                             ("articles/briefs-barrick-stake.html", "Brief: Barrick Gold's 50% stake in Reko Diq")]


def test_words_lunr_py_would_stem_wrongly_find_their_articles(page, site_url) -> None:
    expected = {
        "money": {"us-local-miners-and-security", "japan-kamal-tokyo-meetings", "china-e-mining-platform-launch"},
        "way": {"china-e-mining-platform-launch", "japan-jetro-jpbcc-outreach"},  # "day" is only in dropped boilerplate
        "Thursday": {"japan-kamal-tokyo-meetings"},
        "key": {"us-local-miners-and-security", "reko-diq-what-is-reko-diq"},
        "Wednesday": {"china-e-mining-platform-launch", "china-forum-officials", "briefs-china-forum-turnout"},
    }
    page.goto(site_url("search.html"))
    for word, articles in expected.items():
        page.fill("#search-q", word)
        page.wait_for_function(f"() => document.querySelector('.search-status').textContent.includes('“{word}”')")
        found = {href.removeprefix("articles/").removesuffix(".html") for href, _ in results(page) if href.startswith("articles/")}
        assert found == articles, word


def test_search_works_without_leaving_the_keyboard_on_the_search_page(page, site_url) -> None:
    page.goto(site_url("about.html"))
    page.keyboard.press("/")
    page.keyboard.type("+gold -lithium")
    page.keyboard.press("Enter")  # nothing chosen yet: the form goes to search.html
    page.wait_for_url(re.compile(r"search\.html\?q=%2Bgold\+-lithium$|search\.html\?q=%2Bgold%20-lithium$"))
    wait_for_results(page)
    assert page.evaluate("document.activeElement.tagName") == "BODY"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(second) + "$"))


def test_no_results_and_broad_queries_get_a_message(page, site_url) -> None:
    page.goto(site_url("search.html?q=zanzibar"))
    wait_for_results(page)
    assert page.locator(".search-status").inner_text().startswith("No articles or names match “zanzibar”.")


def test_the_list_of_results_fits_a_phone(browser, default_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((default_site / "articles" / "reko-diq-komatsu-equipment-deal.html").as_uri())
    page.fill("#site-search-q", "copper gold")
    wait_for_results(page, ".search-panel")
    panel = page.locator(".search-panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()
    assert errors == []


# --- a corpus written to break things -------------------------------------------------


HOSTILE = "<img src=x onerror=\"window.pwned=1\"></script><script>window.pwned=2</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles = (
        make_article(0, "Copper " + HOSTILE, "Copper talk " + HOSTILE + " and more copper.", source=HOSTILE),
        make_article(1, "Café owners and the Japan–Pakistan deal", "Pakistan’s café trade; “Copper” exports rose."),
        make_article(2, "ریکو ڈک کا مالک کون ہے؟", "ریکو ڈک منصوبہ بلوچستان میں ہے۔"),
        make_article(3, "A long day at the mine", "Every day counts, the miners say."),
    )
    entity = Entity("evil", "Evil " + HOSTILE, "ORG", (HOSTILE,), "entities/evil.html")
    files = render_site(articles, (entity,), SiteConfig(title="Hostile"), TEMPLATES) | search_files(articles, (entity,))
    folder = tmp_path_factory.mktemp("hostile")
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


def test_corpus_text_never_becomes_markup_in_results(page, hostile_site: Path) -> None:
    page.goto((hostile_site / "search.html").as_uri() + "?q=copper+evil")
    wait_for_results(page)
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None
    assert page.locator(".search-results img, .search-results script").count() == 0
    text = page.locator(".search-results").inner_text()
    assert HOSTILE in text  # shown, as text
    titles = [title for _, title in results(page)]
    assert "Copper " + HOSTILE in titles and "Evil " + HOSTILE in titles


def test_accents_dashes_quotes_and_other_scripts_are_found_in_chromium(page, hostile_site: Path, serve) -> None:
    base = serve(hostile_site)
    page.goto(base + "search.html")
    for query, title in [("cafe", "Café owners and the Japan–Pakistan deal"), ("japan", "Café owners and the Japan–Pakistan deal"),
                         ("pakistan's", "Café owners and the Japan–Pakistan deal"), ("ریکو", "ریکو ڈک کا مالک کون ہے؟"),
                         ("day", "A long day at the mine")]:
        page.fill("#search-q", query)
        page.wait_for_function(f"() => document.querySelector('.search-status').textContent.includes({json.dumps('“' + query + '”')})")
        assert title in [t for _, t in results(page)], query
    # The engine's fold, in this browser, is the index's.
    folded = page.evaluate("""async () => {
        await new Promise((resolve) => { const s = document.createElement('script');
          s.src = document.querySelector('script[data-engine]').dataset.engine; s.onload = resolve; document.head.append(s); });
        return ["Café’s “Japan–Pakistan” ریکو 中国 ＪＩＣＡ/U.S."].map(LodeSearchEngine.fold);
    }""")
    assert folded == [fold("Café’s “Japan–Pakistan” ریکو 中国 ＪＩＣＡ/U.S.")]


# --- the sharded index at scale ---------------------------------------------------------


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    """~2,000 generated articles with a small forced shard size (hundreds of shards), and their lunr documents."""
    corpus = generate(2000, seed=7, words=100)
    documents = search_documents(corpus.articles, corpus.entities)
    records = display_records(corpus.articles, corpus.entities)
    files = render_site(corpus.articles, corpus.entities, SiteConfig(title="Generated"), TEMPLATES)
    files |= {path: text.encode() for path, text in build_search_files(documents, records, 2000, shard_bytes=6000).items()}
    files[LUNR_PATH] = vendored_lunr()
    # The reference side: the same documents for lunr.js to index in the page, as a classic script.
    files["documents.js"] = ("window.DOCUMENTS = " + json.dumps(documents) + ";\n").encode()
    files["compare.html"] = b"<!doctype html><meta charset=utf-8><title>compare</title><script src=documents.js></script>"
    folder = tmp_path_factory.mktemp("generated")
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder, documents


COMPARE = """async ([queries, fields, engineUrl]) => {
  const load = (src) => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src; script.onload = resolve; script.onerror = () => reject(new Error(src));
    document.head.append(script);
  });
  await load('search/lunr.min.js');
  await load(engineUrl);
  const engine = await new LodeSearchEngine.Engine({ lunr, load, index: 'search/index.js' }).ready();
  // One lunr.js index of the same documents, added in ref order (JavaScript's string order), as Lode adds them.
  const documents = DOCUMENTS.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const single = lunr(function () {
    this.ref('id');
    for (const field of fields) this.field(field.name, { boost: field.boost });
    for (const document of documents) this.add(document);
  });
  single.pipeline = engine.pipeline; // the same query pipeline (trimmed terms)
  const answers = {};
  for (const query of queries) {
    const text = LodeSearchEngine.fold(query);
    answers[query] = {
      engine: (await engine.rank(text)).map((r) => [r.ref, r.score]),
      single: single.search(text).map((r) => [r.ref, r.score]),
    };
  }
  const shards = engine.manifest.shards.length, loaded = Object.keys(engine.loaded).length;
  return { answers, shards, loaded };
}"""


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_sharded_index_gives_the_results_of_one_lunr_js_index(page, generated_site, serve, scheme: str) -> None:
    folder, documents = generated_site
    base = serve(folder) if scheme == "http" else folder.as_uri() + "/"
    page.goto(base + "compare.html")
    engine_url = next((folder / "static").glob("search-engine.*.js")).relative_to(folder).as_posix()
    names = [document["title"] for document in documents[2000:2012]]
    queries = ["copper", "gold mine", "money", "day", "wednesday key", "title:copper", "+gold -lithium", "-copper", "min*",
               "ka*", "copper~1", "project^5 gold", "names:khan", "source:briefs", "said", "zzzz", *names]
    answer = page.evaluate(COMPARE, [queries, [{"name": f.name, "boost": f.boost} for f in FIELDS], engine_url])
    assert answer["shards"] > 300
    for query, found in answer["answers"].items():
        assert found["engine"] == found["single"], query
    assert sum(len(found["engine"]) for found in answer["answers"].values()) > 10_000
    # A first query loads only the shards its terms are in.
    before = len(page.request_log.requests)
    page.goto(base + "search.html?q=" + quote(names[0]))
    wait_for_results(page)
    loaded = [url for url in page.request_log.requests[before:] if "/shards/" in url]
    assert 0 < len(loaded) <= len(names[0].split())
    expected = [ref for ref, _ in answer["answers"][names[0]]["single"] if int(ref) < 2000][:10]  # a page of 10
    shown = [href for href, _ in results(page) if href.startswith("articles/")]
    assert shown == [f"articles/a{int(ref):05d}.html" for ref in expected]
    page.locator(".search-more").click()  # and the next 10
    page.wait_for_function("() => document.querySelectorAll('.search-result-article').length > 10")
    more = [ref for ref, _ in answer["answers"][names[0]]["single"] if int(ref) < 2000][:20]
    assert [href for href, _ in results(page) if href.startswith("articles/")] == [f"articles/a{int(ref):05d}.html" for ref in more]
    page.locator(".search-result a").first.click()
    page.wait_for_url(re.compile(r"entities/.*\.html$"))
