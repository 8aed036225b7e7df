"""The site behind netlify.toml's headers under each reading of how Netlify combines overlapping rules
(tests/netlify_headers.py): search, the Python widget and cross-origin embeds work with no CSP violation,
and a page outside embed/ does not render in another site's frame.

The other browser tests serve the "later rule wins" reading; this module runs the same paths under both.
The `page` fixture fails a test on any CSP violation Chromium reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.test_embed import BOOT, host_page, snippet_from
from tests.browser.test_search import results, wait_for_results
from tests.conftest import ROOT
from tests.netlify_headers import MERGES, start_netlify_server


@pytest.fixture(scope="module", params=MERGES)
def origin(request, default_site: Path) -> Iterator[str]:
    server, base = start_netlify_server(default_site, ROOT / "netlify.toml", request.param)
    yield base
    server.shutdown()


def test_search_runs(page, origin: str) -> None:
    page.goto(origin + "search.html?q=copper")
    wait_for_results(page)
    assert any("Copper" in title or "copper" in title for _, title in results(page)), results(page)


def test_the_widget_runs_a_query_embedded_on_another_origin(page, origin: str, serve, tmp_path: Path) -> None:
    code = snippet_from(page, origin, "python.html").replace('python.html"', 'python.html?run=1&amp;code=len(articles)%20%2B%201"', 1)
    page.goto(host_page(serve, tmp_path / "host", code))
    frame = page.frame_locator("iframe")
    frame.locator(".py-entry[data-done]").wait_for(timeout=BOOT)
    entry = frame.locator(".py-entry").last
    assert entry.get_attribute("data-done") == "ok" and entry.locator(".py-value").inner_text() == "13"


def test_an_article_embeds_on_another_origin(page, origin: str, serve, tmp_path: Path) -> None:
    page.goto(host_page(serve, tmp_path / "host", snippet_from(page, origin, "articles/briefs-barrick-stake.html")))
    frame = page.frame_locator("iframe")
    frame.locator("article h1").wait_for()
    assert "Barrick" in frame.locator("article h1").inner_text()


@pytest.mark.parametrize("path", ["articles/briefs-barrick-stake.html", "python.html", "index.html", "search.html"])
def test_a_page_outside_embed_does_not_render_in_another_sites_frame(page, origin: str, serve, tmp_path: Path, path: str) -> None:
    host = host_page(serve, tmp_path / "host", f'<iframe src="{origin}{path}" title="x"></iframe>')
    page.goto(host)
    page.wait_for_timeout(800)
    child = page.frames[1]
    assert child.url.startswith("chrome-error://") or child.locator("main").count() == 0
    refusals = [error for error in page.js_errors if "frame-ancestors 'self'" in error]
    assert len(refusals) == 1 and len(page.js_errors) == 1, page.js_errors
    page.js_errors.clear()
