"""The unzipped offline copy in Chromium from file://, with every request that is not file: blocked."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def unzipped(default_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    zipfile.ZipFile(default_site / "lode-offline.zip").extractall(target)
    return target / "lode-site"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context()
    refused: list[str] = []

    def route(route, request) -> None:
        if request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            refused.append(request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert refused == [], f"the offline copy asked the network for {refused}"
    assert errors == []


def test_offline_copy_browses_articles_and_entities_from_disk(offline_page, unzipped: Path) -> None:
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
