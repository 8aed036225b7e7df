"""The default site in Chromium, over http://127.0.0.1 and from file://."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(params=["http", "file"])
def home_url(request, default_site: Path, netlify_site: str) -> str:
    if request.param == "http":
        return netlify_site + "index.html"
    return (default_site / "index.html").as_uri()


def test_reader_opens_the_home_page_and_follows_an_article(page, home_url: str) -> None:
    page.goto(home_url)
    assert page.title().startswith("Lode: Pakistan")
    first = page.locator(".article-list h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text() == title
    assert page.locator(".body p").count() >= 1
    # The stylesheet loaded (relative links work on a server and from disk).
    assert page.evaluate("getComputedStyle(document.body).fontFamily").lower().find("serif") >= 0
    page.get_by_role("link", name="Archive").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Archive by date"
    page.get_by_role("link", name="Undated").click()
    assert page.locator(".article-list li").count() >= 1


def test_layout_fits_a_phone_without_sideways_scrolling(browser, default_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    for name in ["index.html", "articles/reko-diq-komatsu-equipment-deal.html", "articles/reko-diq-reko-diq-ownership-ur.html"]:
        page.goto((default_site / name).as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px on a phone"
    context.close()


def test_urdu_article_displays_right_to_left(page, default_site: Path) -> None:
    page.goto((default_site / "articles" / "reko-diq-reko-diq-ownership-ur.html").as_uri())
    assert page.evaluate("getComputedStyle(document.querySelector('.body p')).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.meta')).direction") == "ltr"


def test_no_page_requests_another_host(page, netlify_site: str) -> None:
    base = netlify_site
    for name in ["index.html", "about.html", "archive/index.html", "sources/index.html", "search.html?q=gold",
                 "articles/japan-kamal-tokyo-meetings.html", "entities/reko-diq.html", "embed/entities/reko-diq.html",
                 "python.html"]:
        page.goto(base + name)
        page.wait_for_load_state("networkidle")
    assert all(url.startswith(base) for url in page.request_log.requests)
