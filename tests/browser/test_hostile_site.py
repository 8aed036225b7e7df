"""The hostile suite's site (tests/hostile/corpus.py) in Chromium: every page opened, and the search, widget and
embed pages with hostile queries. No dialog opens, no script runs but Lode's own files, no element carries an
event handler, and nothing is requested from another host."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.hostile.corpus import PAYLOAD

from ..conftest import HostileBuild
from .conftest import collect_errors, log_requests

BOOT = 180_000  # ms: Pyodide's cold boot on a busy machine, with room to spare
# What a page may run: its own files, under the site's folders. Anything else (inline code, another host, a data:
# or javascript: URL) came from somewhere else.
PAGE_STATE = """() => {
  const own = /^(static|search|pyodide-[0-9a-f]+|data)\\//;
  const root = new URL(".", document.baseURI.startsWith("file:") ? location.href : location.origin + "/");
  // (JSON-LD structured data is a data block, which no browser runs.)
  const scripts = Array.from(document.scripts).filter((s) => (s.type || "").toLowerCase() !== "application/ld+json")
    .map((s) => s.src ? s.src : "inline: " + s.textContent.slice(0, 60));
  const foreign = scripts.filter((src) => src.startsWith("inline: ") || !src.startsWith(location.origin + "/")
    || !own.test(src.slice(location.origin.length + 1).replace(/^(\\.\\.\\/)+/, "")));
  const handlers = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on")) handlers.push(element.tagName + " " + attribute.name);
      if (/^\\s*(javascript|data|vbscript):/i.test(attribute.value) && /^(href|src|action|formaction|srcdoc)$/.test(attribute.name))
        handlers.push(element.tagName + " " + attribute.name + "=" + attribute.value.slice(0, 40));
    }
  }
  return {foreign, handlers, root: root.href, pwned: window.__pwned || null};
}"""
# Every way corpus script could announce itself, recorded before any page script runs.
TRAP = """window.__pwned = null;
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const real = window[name];
  window[name] = function (...args) { window.__pwned = name + ":" + args.join(); return real.apply(this, args); };
}"""


@pytest.fixture(scope="module")
def hostile_context(browser, hostile_build: HostileBuild, serve):
    base = serve(hostile_build.site)
    context = browser.new_context()
    log = log_requests(context)
    context.add_init_script(TRAP)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    collect_errors(page, errors)
    yield page, base, dialogs, errors, log
    context.close()
    assert log.blocked == [], f"pages of the hostile site tried to reach other hosts: {log.blocked}"


def check(page, where: str) -> None:
    state = page.evaluate(PAGE_STATE)
    assert state["foreign"] == [], f"{where}: scripts that are not Lode's: {state['foreign']}"
    assert state["handlers"] == [], f"{where}: event handlers or script URLs from the corpus: {state['handlers']}"
    assert state["pwned"] is None, f"{where}: {state['pwned']}"


def test_every_page_of_the_hostile_site_runs_only_lodes_scripts(hostile_context, hostile_build: HostileBuild) -> None:
    page, base, dialogs, errors, log = hostile_context
    pages = sorted(p.relative_to(hostile_build.site).as_posix() for p in hostile_build.site.rglob("*.html")
                   if "pyodide-" not in p.as_posix())
    assert len(pages) > 100
    for path in pages:
        page.goto(base + quote(path), wait_until="load")
        check(page, path)
    assert dialogs == [] and errors == []


@pytest.mark.parametrize("query", [PAYLOAD, "copper " + PAYLOAD, "title:" + PAYLOAD, "<svg onload=alert(1)>", "payload"])
def test_search_with_hostile_queries_shows_them_as_text(hostile_context, query: str) -> None:
    page, base, dialogs, errors, log = hostile_context
    page.goto(base + "search.html?q=" + quote(query))
    page.wait_for_function("() => document.querySelector('.search-result') || "
                           "/match|can’t|too broad|not available/.test(document.querySelector('.search-status').textContent)",
                           timeout=15_000)
    check(page, f"search for {query!r}")
    assert page.locator(".search-results img, .search-results svg, .search-results script").count() == 0
    assert dialogs == [] and errors == []


def test_the_widget_and_its_embed_run_hostile_code_and_show_the_answer_as_text(hostile_context) -> None:
    page, base, dialogs, errors, log = hostile_context
    code = f'print({PAYLOAD!r})\n[a.title for a in articles if "Payload" in a.title]'
    for path in ["python.html", "embed/python.html"]:
        page.goto(base + path + "?code=" + quote(code) + "&run=1")
        page.wait_for_function("() => { const e = document.querySelectorAll('.py-entry'); "
                               "return e.length && e[e.length - 1].hasAttribute('data-done'); }", timeout=BOOT)
        check(page, path)
        output = page.locator(".py-entry").last.inner_text()
        assert "</script><script>alert('x')</script>" in output and "Payload title" in output
        assert page.locator(".py-entry img, .py-entry script, .py-entry svg").count() == 0
    assert dialogs == [] and errors == []


def test_embed_pages_with_a_hostile_query_and_fragment_run_nothing_from_the_corpus(hostile_context) -> None:
    page, base, dialogs, errors, log = hostile_context
    for path in ["embed/articles/payload-payload-md.html", "embed/articles/html-hostile.html", "embed/python.html"]:
        page.goto(base + path + "?q=" + quote(PAYLOAD) + "#" + quote(PAYLOAD))
        check(page, path)
        for frame in page.frames:
            assert frame.evaluate("window.__pwned || null") is None
    assert dialogs == [] and errors == []


def test_the_browser_check_sees_corpus_script_where_there_is_some(browser, serve, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("evil-page")
    (folder / "evil.html").write_text('<p onclick="x()">text</p><a href="javascript:alert(1)">a</a><script>alert("x")</script>',
                                      encoding="utf-8")
    context = browser.new_context()
    context.add_init_script(TRAP)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.goto(serve(folder) + "evil.html")
    state = page.evaluate(PAGE_STATE)
    context.close()
    assert state["foreign"] == ['inline: alert("x")'] and state["pwned"] == "alert:x"
    assert state["handlers"] == ["P onclick", "A href=javascript:alert(1)"]
