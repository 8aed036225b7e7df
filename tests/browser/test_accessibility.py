"""Accessibility: axe-core (npm, pinned in package.json) run by Playwright on every kind of page Lode writes.

Zero violations of any impact, in the state a reader sees: search with its results shown, the Python page
with an answer on it, embeds as another site frames them. A page kind added later belongs in PAGES.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BOOT = 180_000  # ms: Python's cold boot on a busy 2-core machine
PAGES = [
    "index.html", "about.html", "articles/reko-diq-komatsu-equipment-deal.html", "entities/reko-diq.html",
    "types/org.html", "archive/index.html", "sources/index.html", "404.html", "search.html?q=copper",
    "python.html?code=table(articles)&run=1",
    # Same story, different sources: the lists of stories and disputed figures, an article with other reports
    # and a figure they give differently, an entity whose figure is disputed.
    "stories.html", "figures.html", "articles/japan-kamal-tokyo-meetings.html", "entities/japan.html",
    "embed/articles/reko-diq-komatsu-equipment-deal.html", "embed/entities/reko-diq.html",
    "embed/python.html?code=len(articles)&run=1",
]


def violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.fixture(scope="module")
def site_url(default_site: Path, serve) -> str:
    # Plain http: axe goes in as an inline script, which the deployed CSP (rightly) refuses.
    return serve(default_site)


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page, site_url: str, default_site: Path, path: str) -> None:
    assert (default_site / path.split("?")[0]).is_file(), path
    page.goto(site_url + path)
    if path.startswith("search.html"):
        page.locator(".search-results li").first.wait_for()
    if "run=1" in path:
        page.locator(".py-entry[data-done]").wait_for(timeout=BOOT)
        assert page.locator(".py-entry").first.get_attribute("data-done") == "ok"
    found = violations(page)
    assert found == [], json.dumps(found, indent=1)
