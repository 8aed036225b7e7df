"""The Python widget in Chromium, over http (with netlify.toml's headers, CSP included) and from file://.

Pyodide boots in a few seconds on a quiet machine and more on a busy one, so each mode shares
one page (module-scoped) across its tests, and timeouts are generous. Every request is logged;
one to another host fails the tests, as in conftest's `page`.
"""

from __future__ import annotations

import ast
import json
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

from extract.widget import EXAMPLES
from tests.browser.conftest import RequestLog, collect_errors, log_requests
from tests.conftest import ROOT

BOOT = 180_000  # ms: a cold boot on a busy 2-core machine, with room to spare
SHARED_CODE = 'print("<img src=x onerror=alert(1)>")\n"<b>not bold</b>"'
STATUS_LOG = """
addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector(".py-status");
  if (!status) return;
  window.__statuses = [];
  const record = () => window.__statuses.push(status.textContent);
  new MutationObserver(record).observe(status, {childList: true, characterData: true, subtree: true});
});
"""


@dataclass
class Widget:
    page: object
    base: str
    mode: str
    log: RequestLog
    errors: list[str]
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module", params=["http", "file"])
def widget(request, browser, default_site: Path):
    base = request.getfixturevalue("netlify_site") if request.param == "http" else default_site.as_uri() + "/"
    context = browser.new_context()
    log = log_requests(context)
    context.add_init_script(STATUS_LOG)
    page = context.new_page()
    opened = Widget(page, base, request.param, log, [])
    collect_errors(page, opened.errors)
    page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base + "python.html?code=" + quote(SHARED_CODE) + "&run=1")
    wait_done(page, 1)
    yield opened
    context.close()
    assert log.blocked == [], f"the widget tried to reach other hosts: {log.blocked}"
    assert opened.errors == [], f"JavaScript errors: {opened.errors}"


def entries(page) -> int:
    return page.locator(".py-entry").count()


def wait_done(page, count: int, timeout: int = BOOT) -> None:
    """Until the output has `count` entries and the last one is finished."""
    page.wait_for_function(
        "n => { const e = document.querySelectorAll('.py-entry'); return e.length >= n && e[e.length - 1].hasAttribute('data-done'); }",
        arg=count, timeout=timeout,
    )


def run(page, code: str, timeout: int = BOOT):
    """Type `code`, press Shift+Enter, wait for its answer; the entry's locator."""
    before = entries(page)
    page.fill(".py-editor", code)
    page.press(".py-editor", "Shift+Enter")
    wait_done(page, before + 1, timeout)
    return page.locator(".py-entry").nth(before)


def table_of(entry) -> tuple[list[str], list[list[str]]]:
    head = entry.locator("table th").all_inner_texts()
    rows = [row.locator("td").all_inner_texts() for row in entry.locator("table tbody tr").all()]
    return head, rows


def test_a_shared_link_runs_on_load_and_its_markup_stays_text(widget: Widget) -> None:
    page = widget.page
    first = page.locator(".py-entry").first
    assert first.get_attribute("data-done") == "ok"
    assert first.locator(".py-input").inner_text() == SHARED_CODE
    assert first.locator(".py-stdout").inner_text().strip() == "<img src=x onerror=alert(1)>"
    assert first.locator(".py-value").inner_text() == "'<b>not bold</b>'"
    assert page.locator(".py-output img, .py-output b, .py-output script").count() == 0
    assert page.input_value(".py-editor") == SHARED_CODE
    assert widget.dialogs == []


def test_progress_is_shown_while_python_loads(widget: Widget) -> None:
    statuses = widget.page.evaluate("window.__statuses")
    assert any(re.fullmatch(r"Loading Python… \d+\.\d MB of \d+\.\d MB", s) for s in statuses), statuses
    assert re.match(r"Python is ready: \d+ articles, \d+ entities", statuses[-1]) or any(
        s.startswith("Python is ready") for s in statuses)


def test_each_example_runs_and_shows_its_answer(widget: Widget, default_site: Path) -> None:
    page = widget.page
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    labels = page.locator(".py-examples option").all_inner_texts()[1:]
    assert labels == [label for label, _ in EXAMPLES]
    answers = {}
    for index, label in enumerate(labels, start=1):
        before = entries(page)
        page.select_option(".py-examples", index=index)
        wait_done(page, before + 1)
        entry = page.locator(".py-entry").nth(before)  # a fixed position: .last would move on
        assert entry.get_attribute("data-done") == "ok", (label, entry.inner_text())
        assert entry.locator(".py-input").inner_text() == EXAMPLES[index - 1][1]
        answers[label] = entry
    sources = answers[labels[0]]
    assert f"{len(corpus['articles'])} articles" in sources.locator(".py-stdout").inner_text()
    head, rows = table_of(sources)
    assert head == ["source", "articles"] and sum(int(r[1]) for r in rows) == len(corpus["articles"])
    head, rows = table_of(answers[labels[1]])
    assert head == ["name", "type", "articles", "mentions"] and rows and all(r[1] == "ORG" for r in rows)
    top_org = rows[0][0]
    alongside = answers[labels[2]]
    assert alongside.locator(".py-stdout").inner_text().startswith(f"{top_org} is named in ")
    assert table_of(alongside)[0] == ["entity", "articles", "mentions"] and table_of(alongside)[1]
    contexts = answers[labels[3]].locator(".py-stdout").inner_text().splitlines()
    assert contexts and all("[" in line and "]" in line for line in contexts)
    head, rows = table_of(answers[labels[4]])
    assert head == ["score", "date", "title", "snippet"] and rows
    assert all(re.search(r"rare[\W_]+earth", r[3], re.IGNORECASE) for r in rows)
    head, rows = table_of(answers[labels[5]])
    assert head == ["amount", "value", "article"] and rows
    head, rows = table_of(answers[labels[6]])
    assert head == ["month", "articles"] and sum(int(r[1]) for r in rows) == len(corpus["articles"])
    assert "Help on package lode_corpus" in answers[labels[7]].locator(".py-stdout").inner_text()


def test_a_syntax_error_shows_a_python_traceback(widget: Widget) -> None:
    entry = run(widget.page, "def broken(:\n    pass")
    assert entry.get_attribute("data-done") == "error"
    error = entry.locator(".py-error").inner_text()
    assert 'File "<query>", line 1' in error and "SyntaxError" in error
    entry = run(widget.page, "entities['no such thing at all']")
    assert "KeyError" in entry.locator(".py-error").inner_text()


def test_running_out_of_memory_fails_cleanly(widget: Widget) -> None:
    entry = run(widget.page, "bytearray(2**31 - 1)")
    assert entry.locator(".py-error").inner_text().strip().endswith("MemoryError")
    assert run(widget.page, "len(articles) > 0").locator(".py-value").inner_text() == "True"


def test_a_query_that_crashes_pyodide_is_reported_and_python_restarts(widget: Widget) -> None:
    # A structure nested too deep to print overflows the JavaScript stack: a fatal error for
    # Pyodide, not a Python exception. The worker is replaced; the next query works.
    page = widget.page
    entry = run(page, "import sys\nsys.setrecursionlimit(10**6)\nnested = []\nfor _ in range(200_000):\n"
                      "    nested = [nested]\nrepr(nested)")
    assert "Python stopped working" in entry.locator(".py-error").inner_text()
    assert "variables are gone" in entry.locator(".py-error").inner_text()
    assert run(page, "len(articles) > 0").locator(".py-value").inner_text() == "True"


def test_variables_persist_and_reset_forgets_them(widget: Widget) -> None:
    page = widget.page
    run(page, "kept = 41")
    assert run(page, "kept + 1").locator(".py-value").inner_text() == "42"
    page.click(".py-reset")
    assert page.input_value(".py-editor") == SHARED_CODE  # the code the page opened with
    assert entries(page) == 0
    assert "NameError" in run(page, "kept").locator(".py-error").inner_text()


def wait_running(page, seconds: float) -> None:
    page.wait_for_function(
        "s => { const m = document.querySelector('.py-entry:last-child .py-meta');"
        " const t = m && m.textContent.match(/Running… ([\\d.]+) s/); return t && Number(t[1]) >= s; }",
        arg=seconds, timeout=60_000,
    )


def assert_responsive(page) -> None:
    started = time.monotonic()
    assert page.evaluate("document.querySelectorAll('button').length") > 0
    assert time.monotonic() - started < 2, "the page was unresponsive while Python ran"


def test_stop_ends_an_endless_loop_and_the_next_query_works(widget: Widget) -> None:
    page = widget.page
    before = entries(page)
    page.fill(".py-editor", "while True: pass")
    page.click(".py-run")
    wait_running(page, 1.0)
    assert_responsive(page)
    page.click(".py-stop")
    wait_done(page, before + 1, 10_000)
    assert "Stopped" in page.locator(".py-entry").last.locator(".py-error").inner_text()
    assert run(page, "sum(range(10))").locator(".py-value").inner_text() == "45"


def test_the_visible_time_limit_ends_an_endless_loop(widget: Widget) -> None:
    page = widget.page
    page.select_option(".py-limit", "5")
    before = entries(page)
    page.fill(".py-editor", "while True: pass")
    page.click(".py-run")
    wait_running(page, 1.0)
    assert "(time limit 5 s)" in page.locator(".py-entry").last.locator(".py-meta").inner_text()
    assert_responsive(page)
    wait_done(page, before + 1, 30_000)
    assert "5 s time limit" in page.locator(".py-entry").last.locator(".py-error").inner_text()
    page.select_option(".py-limit", "30")
    assert run(page, "len(search('rare earth')) > 0").locator(".py-value").inner_text() == "True"


def test_copy_link_makes_a_link_that_opens_and_runs_the_query(widget: Widget) -> None:
    page = widget.page
    page.fill(".py-editor", "1 + 2 # ?&=")
    page.click(".py-copy")
    link = page.input_value(".py-link")
    assert link == widget.base + "python.html?code=" + quote("1 + 2 # ?&=", safe="()*'!~-._") + "&run=1"


def run_panel(page):
    """Press the panel's "Run it here"; the framed widget and its finished answer (which must be ok)."""
    page.click(".py-panel-run")
    frame = page.frame_locator("iframe.py-panel-frame")
    frame.locator(".py-entry[data-done]").wait_for(timeout=BOOT)
    entry = frame.locator(".py-entry").last
    assert entry.get_attribute("data-done") == "ok", entry.inner_text()
    return frame, entry


def test_the_article_panel_runs_a_query_about_its_article(widget: Widget, default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    article = next(a for a in corpus["articles"] if a["mentions"])
    page = widget.page.context.new_page()
    page.on("pageerror", lambda error: widget.errors.append(str(error)))
    page.goto(widget.base + article["path"])
    panel = page.locator(".py-panel")
    assert panel.get_attribute("data-py-subject") == article["id"]
    assert f'articles["{article["id"]}"]' in panel.locator(".py-panel-code").inner_text()
    frame, entry = run_panel(page)
    assert entry.locator(".py-stdout").inner_text().startswith(article["title"])
    names = {e["name"] for e in corpus["entities"] if e["id"] in {m["entity"] for m in article["mentions"]}}
    assert {row[0] for row in table_of(entry)[1]} == names
    assert not frame.locator(".masthead").is_visible()
    page.close()


def test_in_an_embed_the_panel_runs_too_and_links_to_the_full_python_page(widget: Widget, default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    article = next(a for a in corpus["articles"] if a["mentions"])
    page = widget.page.context.new_page()
    page.on("pageerror", lambda error: widget.errors.append(str(error)))
    page.goto(widget.base + "embed/" + article["path"])
    page.wait_for_function("() => document.querySelector('.py-panel-open').href.includes('code=')")
    href = page.get_attribute(".py-panel-open", "href")
    assert href.startswith("../../python.html?code=") and href.endswith("&run=1")
    assert page.evaluate("document.querySelector('base').target") == "_blank"  # the embed's links open a new tab
    frame, entry = run_panel(page)
    assert entry.locator(".py-stdout").inner_text().startswith(article["title"])
    # The framed widget's own links lead to the full Python page, carrying the reader's code.
    frame.locator(".py-editor").fill("len(articles)")
    assert frame.locator(".embed-bar a").get_attribute("href").endswith("/python.html?code=len(articles)")
    assert "/embed/" not in frame.locator(".embed-bar a").get_attribute("href")
    page.close()


def test_the_entity_panel_runs_a_query_about_its_entity(widget: Widget, default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    mentioned = {m["entity"] for a in corpus["articles"] for m in a["mentions"]}
    entity = next(e for e in corpus["entities"] if e["id"] in mentioned and e["type"] == "ORG")
    page = widget.page.context.new_page()
    page.on("pageerror", lambda error: widget.errors.append(str(error)))
    page.goto(widget.base + entity["path"])
    assert f"entities[{json.dumps(entity['name'], ensure_ascii=False)}]" in page.inner_text(".py-panel-code")
    frame, entry = run_panel(page)
    printed = entry.locator(".py-stdout").inner_text().splitlines()
    assert printed[0].startswith(f"<Entity ORG {entity['name']!r}") and any("[" in line for line in printed[1:])
    assert table_of(entry)[0] == ["entity", "articles", "mentions"]
    page.close()


def test_nothing_is_requested_from_another_host(widget: Widget) -> None:
    assert widget.log.blocked == []
    schemes = {r.split(":", 1)[0] for r in widget.log.requests}
    assert schemes <= ({"http"} if widget.mode == "http" else {"file", "data"}), schemes
    assert any("/pyodide-" in r for r in widget.log.requests)


@pytest.mark.parametrize("sabotage, reason", [
    ("window.Worker = function () { throw new DOMException('refused', 'SecurityError'); };", "the worker was refused (SecurityError)"),
    ("delete window.WebAssembly;", "this browser has no WebAssembly"),
])
def test_a_browser_that_cannot_run_python_from_disk_is_told_why_and_what_to_do(page, default_site: Path, sabotage, reason) -> None:
    page.add_init_script(sabotage)
    page.goto((default_site / "python.html").as_uri() + "?code=" + quote("1 + 1"))
    page.click(".py-run")
    status = page.locator(".py-status")
    status.filter(has_text="could not start").wait_for(timeout=10_000)
    text = status.inner_text()
    assert reason in text and "python3 -m http.server" in text and "http://localhost:8000/python.html" in text
    assert "Not run: Python could not start." in page.locator(".py-entry .py-error").inner_text()
    assert page.is_enabled(".py-run")  # never a silent spinner: the reader can try again


def test_the_widget_works_in_the_unzipped_offline_copy(page, default_site: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(default_site / "lode-offline.zip").extractall(tmp_path)
    copy = tmp_path / "lode-site"
    page.goto((copy / "python.html").as_uri() + "?run=1&code=" + quote("table(entities.top(3))"))
    wait_done(page, 1)
    entry = page.locator(".py-entry").first
    assert entry.get_attribute("data-done") == "ok", entry.inner_text()
    head, rows = table_of(entry)
    assert head == ["name", "type", "articles", "mentions"] and len(rows) == 3
    assert all(url.startswith(("file:", "data:")) for url in page.request_log.requests)


def test_the_editor_indents_with_tab_and_lets_go_after_escape(widget: Widget) -> None:
    page = widget.page
    page.fill(".py-editor", "for a in articles:")
    page.focus(".py-editor")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("print(a.title)")
    assert page.input_value(".py-editor") == "for a in articles:\n    print(a.title)"
    page.keyboard.press("Shift+Tab")
    assert page.input_value(".py-editor") == "for a in articles:\nprint(a.title)"
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") != "py-editor"


HOSTILE = 'Tidewater "Works"\\\n</pre><script>alert(1)</script>\u2028😀 \'x\' ]; import os; os.system("x") #'


@pytest.mark.parametrize("kind, collection", [("article", "articles"), ("entity", "entities")])
def test_the_panel_puts_its_subject_in_the_query_only_as_a_string(page, kind: str, collection: str) -> None:
    page.set_content('<section class="py-panel"><a class="py-panel-open" href="python.html">open</a>'
                     '<pre class="py-panel-code" hidden></pre><button class="py-panel-run" hidden>Run</button></section>')
    page.eval_on_selector(".py-panel", "(el, [k, s]) => { el.dataset.pyKind = k; el.dataset.pySubject = s; }", [kind, HOSTILE])
    page.add_script_tag(path=str(ROOT / "templates" / "static" / "widget-panel.js"))
    code = page.inner_text(".py-panel-code")
    assert page.locator("script:not([src])").count() == 1  # only the panel's own, added above
    tree = ast.parse(code)  # the whole query is valid Python …
    first = tree.body[0]
    assert isinstance(first, ast.Assign) and isinstance(first.value, ast.Subscript)
    assert first.value.value.id == collection
    assert ast.literal_eval(first.value.slice) == HOSTILE  # … and the subject is one string literal, intact
    assert not any(isinstance(node, (ast.Import, ast.ImportFrom)) for node in ast.walk(tree))
    href = page.get_attribute(".py-panel-open", "href")
    assert href.startswith("python.html?code=") and href.endswith("&run=1") and "<" not in href


def test_clusters_and_figures_are_ready_without_an_import(widget: Widget, default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    entry = run(widget.page, "print(len(clusters), len(figures), len(figures.conflicts))\n"
                             "print(articles['japan-kamal-tokyo-meetings'].cluster.sources)\n"
                             "table(entities['JICA'].figures)")
    assert entry.get_attribute("data-done") == "ok", entry.inner_text()
    counts, sources = entry.locator(".py-stdout").inner_text().strip().splitlines()
    assert counts == f"{len(corpus['stories'])} {len(corpus['figures'])} {len(corpus['conflicts'])}"
    assert "Lode Example Desk" in sources
    head, rows = table_of(entry)
    assert head == ["holder", "thing", "figure", "source", "date", "article"]
    assert ["Japan International Cooperation Agency", "contribution", "$11.7 billion"] in [r[:3] for r in rows]
