"""The unzipped offline copy in Chromium from file://, with every request that is not file: blocked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from .conftest import collect_errors, log_requests


@pytest.fixture(scope="module")
def unzipped(default_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    zipfile.ZipFile(default_site / "lode-offline.zip").extractall(target)
    return target / "lode-site"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context()
    log = log_requests(context, allowed=lambda url: url.startswith(("file:", "data:", "blob:")))
    page = context.new_page()
    errors: list[str] = []
    collect_errors(page, errors)
    yield page
    context.close()
    assert log.blocked == [], f"the offline copy asked the network for {log.blocked}"
    assert errors == []


def test_offline_copy_browses_searches_and_runs_python_from_disk(offline_page, unzipped: Path) -> None:
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    assert "offline copy" in page.locator(".download").inner_text()
    page.locator(".article-list h2 a", has_text="Komatsu").first.click()
    page.wait_for_load_state()
    assert "Komatsu" in page.locator("article h1").inner_text()
    page.locator("a.m-project", has_text="Reko Diq").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Reko Diq"
    assert page.url.startswith("file://") and page.url.endswith("entities/reko-diq.html")
    page.get_by_role("link", name="Entities").first.click()
    page.wait_for_load_state()
    assert page.locator(".type-card").count() >= 5
    # Search from the header box: the index loads from disk as classic scripts.
    page.keyboard.press("/")
    page.keyboard.type("copper")
    page.wait_for_selector(".search-panel .search-result a", timeout=15_000)
    first = page.locator(".search-panel .search-result a").first
    assert first.get_attribute("href").endswith("copper.html")  # the entity the query names leads
    page.goto((unzipped / "search.html").as_uri() + "?q=JICA")
    page.wait_for_selector(".search-page .search-result a[href^='articles/']", timeout=15_000)
    page.locator(".search-page .search-result a[href^='articles/']").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and "/articles/" in page.url
    assert "JICA" in page.locator("article").inner_text()
    # A Python query in the widget, booted from the embedded runtime on disk.
    page.goto((unzipped / "python.html").as_uri())
    page.fill(".py-editor", 'sorted({e.name for a in articles.mentioning("Reko Diq") for e in a.entities if e.type == "ORG"})[:3]')
    page.click(".py-run")
    page.wait_for_selector(".py-entry[data-done]", timeout=120_000)
    entry = page.locator(".py-entry").last
    assert entry.get_attribute("data-done") == "ok", entry.inner_text()
    assert "Barrick" in entry.inner_text() or "Komatsu" in entry.inner_text()


def test_stories_and_figures_browse_from_disk_without_javascript(browser, unzipped: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    log = log_requests(context, allowed=lambda url: url.startswith(("file:", "data:", "blob:")))
    page = context.new_page()
    page.goto((unzipped / "index.html").as_uri())
    page.get_by_role("link", name="Stories").first.click()
    page.wait_for_load_state()
    assert page.locator(".story-list > li").count() == 2
    page.locator(".story-list a", has_text="Jam Kamal takes Pakistan").first.click()
    page.wait_for_load_state()
    also = page.locator(".also-reported")
    assert also.locator("li").count() == 2 and "Lode Briefs" in also.inner_text()
    page.locator(".disputes a", has_text="Every figure").click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith("figures.html")
    quotes = page.locator(".dispute .figure-quote").all_inner_texts()
    assert "“more than $11 billion”" in quotes and "“$11.7 billion”" in quotes
    context.close()
    assert log.blocked == []
