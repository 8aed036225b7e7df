"""Embedding Lode pages in another site: a host page on a second local port frames an article and the widget."""

from __future__ import annotations

import time
from pathlib import Path

import pytest


@pytest.fixture
def lode_origin(netlify_site: str) -> str:
    """The default site behind netlify.toml's headers (CSP, frame-ancestors)."""
    return netlify_site


BOOT = 180_000  # ms: Python's cold boot on a busy 2-core machine, with room to spare


def snippet_from(page, lode_origin: str, path: str) -> str:
    page.goto(lode_origin + path)
    code = page.locator(".embed-code").input_value()
    assert f'src="{lode_origin}embed/{path}"' in code, "on the web the snippet carries an absolute URL"
    return code


def host_page(serve, folder: Path, body: str) -> str:
    """A page on a second origin (its own local server) with `body`; its URL."""
    folder.mkdir()
    (folder / "host.html").write_text(f"<!doctype html><title>Host</title><h1>Someone else's site</h1>{body}", encoding="utf-8")
    return serve(folder) + "host.html"


def settled_height(page, frame, seconds: float = 10) -> tuple[int, int]:
    """(the iframe's height on the host page, its content's height), once they agree or `seconds` pass.
    The frame reports again as its page settles (fonts, the Python panel), so the first report may be early."""
    page.wait_for_function("() => parseInt(document.querySelector('iframe').style.height) > 0")
    deadline = time.monotonic() + seconds
    while True:
        height = page.evaluate("parseInt(document.querySelector('iframe').style.height)")
        content = frame.locator("body").evaluate("b => document.documentElement.scrollHeight")
        if abs(height - content) <= 2 or time.monotonic() > deadline:
            return height, content
        page.wait_for_timeout(100)


def test_the_widget_embeds_on_another_origin_and_runs_python(page, lode_origin: str, serve, tmp_path: Path) -> None:
    code = snippet_from(page, lode_origin, "python.html")
    # The host picks the query, as a shared link does: it runs only in the reader's own worker.
    code = code.replace('python.html"', 'python.html?run=1&amp;code=len(articles)%20*%202"', 1)
    url = host_page(serve, tmp_path / "host", code)
    assert url.split("/")[2] != lode_origin.split("/")[2], "two origins"
    page.goto(url)
    frame = page.frame_locator("iframe")
    frame.locator(".py-entry[data-done]").wait_for(timeout=BOOT)
    entry = frame.locator(".py-entry").last
    assert entry.get_attribute("data-done") == "ok", entry.inner_text()
    assert entry.locator(".py-value").inner_text() == "24"
    # The frame grew to fit the answer, by its own height message.
    height, content = settled_height(page, frame)
    assert abs(height - content) <= 2
    assert page.evaluate("document.querySelector('iframe').contentDocument") is None


def test_an_embedded_articles_python_panel_runs_on_another_origin(page, lode_origin: str, serve, tmp_path: Path) -> None:
    # frame-ancestors is checked against every ancestor: the panel's frame is embed/python.html, which any site may frame.
    url = host_page(serve, tmp_path / "host", snippet_from(page, lode_origin, "articles/reko-diq-komatsu-equipment-deal.html"))
    page.goto(url)
    article = page.frame_locator("iframe").first
    article.locator(".py-panel-run").click()
    widget = article.frame_locator("iframe.py-panel-frame")
    widget.locator(".py-entry[data-done]").wait_for(timeout=BOOT)
    entry = widget.locator(".py-entry").last
    assert entry.get_attribute("data-done") == "ok", entry.inner_text()
    assert entry.locator(".py-stdout").inner_text().startswith("Komatsu's $440 million")


def test_an_article_embeds_on_another_origin_fits_its_height_and_stays_out_of_reach(
    page, lode_origin: str, serve, tmp_path: Path
) -> None:
    url = host_page(serve, tmp_path / "host", snippet_from(page, lode_origin, "articles/briefs-barrick-stake.html"))
    assert url.split("/")[2] != lode_origin.split("/")[2], "two origins"
    page.goto(url)
    frame = page.frame_locator("iframe")
    frame.locator("article h1").wait_for()
    assert "Barrick" in frame.locator("article h1").inner_text()
    assert frame.locator(".embed-bar a").inner_text().startswith("Open in")
    assert frame.locator(".masthead").count() == 0, "the embed has no site header"
    # The embed reported its height and the snippet's listener applied it.
    height, content = settled_height(page, frame)
    assert abs(height - content) <= 2 and height != 640
    # The host's scripts cannot reach into the frame.
    assert page.evaluate("document.querySelector('iframe').contentDocument") is None
    with pytest.raises(Exception, match="(?i)blocked|cross-origin|permission"):
        page.evaluate("document.querySelector('iframe').contentWindow.document.body.innerHTML")
    # Messages the embed did not design are ignored; ours with a silly height are too.
    page.evaluate("""() => { const f = document.querySelector('iframe');
        f.contentWindow.postMessage({type: 'lode-embed-height', height: 5}, '*');
        window.postMessage({type: 'lode-embed-height', height: 99999}, '*'); }""")
    page.wait_for_timeout(300)
    assert abs(page.evaluate("parseInt(document.querySelector('iframe').style.height)") - content) <= 2


def test_a_full_page_refuses_to_be_framed_by_another_site(page, lode_origin: str, serve, tmp_path: Path) -> None:
    host_dir = tmp_path / "host2"
    host_dir.mkdir()
    (host_dir / "frame-full.html").write_text(
        f'<!doctype html><iframe src="{lode_origin}articles/briefs-barrick-stake.html" title="x"></iframe>', encoding="utf-8")
    page.goto(serve(host_dir) + "frame-full.html")
    page.wait_for_timeout(800)
    child = page.frames[1]
    assert child.url.startswith("chrome-error://") or child.locator("article h1").count() == 0
    # Refused by the header rule for full pages, and only by it (the page fixture fails on any other CSP error).
    refusals = [error for error in page.js_errors if "frame-ancestors 'self'" in error]
    assert len(refusals) == 1 and len(page.js_errors) == 1, page.js_errors
    page.js_errors.clear()


def test_a_pages_oembed_description_embeds_it_on_another_origin(page, published_site: str, serve, tmp_path: Path) -> None:
    page.goto(published_site + "entities/reko-diq.html")
    href = page.locator('link[type="application/json+oembed"]').get_attribute("href")
    assert href == published_site + "oembed/entities/reko-diq.json"
    oembed = page.evaluate("url => fetch(url).then(r => r.json())", href)
    assert oembed["type"] == "rich" and oembed["version"] == "1.0" and oembed["provider_url"] == published_site
    assert 'sandbox="allow-scripts allow-same-origin allow-popups"' in oembed["html"]
    # A consumer (another site) pastes the html as it is: it must work there, on its own origin.
    url = host_page(serve, tmp_path / "host", oembed["html"])
    assert url.split("/")[2] != published_site.split("/")[2], "two origins"
    page.goto(url)
    frame = page.frame_locator("iframe")
    frame.locator("h1").wait_for()
    assert "Reko Diq" in frame.locator("h1").inner_text()
    assert frame.locator(".embed-bar a").get_attribute("href") == "../../entities/reko-diq.html"
    height, content = settled_height(page, frame)
    assert abs(height - content) <= 2
