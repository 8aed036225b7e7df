"""netlify.toml: the build settings and the headers, read by Netlify's own parser and checked on built sites.

Every path of the default, sample and hostile sites (each file, each page's pretty URL, each folder) is
checked under both readings of how Netlify combines overlapping rules (tests/netlify_headers.py).
"""

from __future__ import annotations

import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT
from .netlify_headers import MERGES, header_rules, headers_for, matching, read_rules, start_netlify_server

NETLIFY = ROOT / "netlify.toml"
STRICT = {  # every directive of the one policy each group gets, with the values it must have
    "default-src": "'self'", "script-src": "'self' 'wasm-unsafe-eval'", "style-src": "'self'",
    "img-src": "'self' data:", "font-src": "'self'", "connect-src": "'self'", "worker-src": "'self' blob:",
    "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"


@pytest.fixture(scope="module")
def rules() -> tuple:
    return header_rules(NETLIFY)


@pytest.fixture(scope="module")
def site_paths(default_site: Path, seeds_site: Path, hostile_corpus_site: Path) -> dict[str, list[str]]:
    """For each built site, every URL path a reader can ask for: files, pages without .html, folders."""
    return {name: url_paths(site) for name, site in
            [("default", default_site), ("seeds", seeds_site), ("hostile", hostile_corpus_site)]}


def url_paths(site: Path) -> list[str]:
    paths = {"/"}
    for file in sorted(site.rglob("*")):
        path = "/" + file.relative_to(site).as_posix()
        if file.is_dir():
            paths |= {path, path + "/"}
        else:
            paths.add(path)
            if path.endswith(".html"):
                paths.add(path.removesuffix(".html"))  # Netlify's pretty URLs serve /about for about.html
    return sorted(paths)


def directives(policy: str) -> dict[str, str]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, _, value = directive.partition(" ")
        assert name not in parsed, f"{name} twice in {policy}"
        parsed[name] = value
    return parsed


def test_build_settings_publish_site_with_a_base_url() -> None:
    config = tomllib.loads(NETLIFY.read_text(encoding="utf-8"))
    assert config["build"]["publish"] == "site"
    assert "make site" in config["build"]["command"] and "BASE_URL=$URL" in config["build"]["command"]
    assert config["build"]["environment"]["PYTHON_VERSION"] >= "3.12"


def test_the_patterns_here_match_exactly_what_netlifys_parser_matches(site_paths: dict[str, list[str]]) -> None:
    paths = sorted({path for paths in site_paths.values() for path in paths} | {"/EMBED/X.HTML", "/embedded", "/no/such/page"})
    parsed, netlify_matches = read_rules(NETLIFY, paths)
    assert len(paths) > 500
    for path in paths:
        assert [i for i, rule in enumerate(parsed) if rule.matches(path)] == netlify_matches[path], path


def test_no_two_rules_that_match_one_path_set_the_same_header(rules: tuple, site_paths: dict[str, list[str]]) -> None:
    names = {name for rule in rules for name in rule.values}
    assert {"Content-Security-Policy", "Cache-Control", "X-Content-Type-Options", "Content-Type"} <= names
    for site, paths in site_paths.items():
        for path in paths:
            for name in names:
                setting = [rule.pattern for rule in matching(rules, path, name)]
                assert len(setting) <= 1, f"{site} {path}: {setting} all set {name}"


@pytest.mark.parametrize("merge", MERGES)
def test_every_path_of_every_site_gets_one_complete_strict_policy(rules: tuple, site_paths: dict[str, list[str]], merge: str) -> None:
    checked = 0
    for site, paths in site_paths.items():
        for path in paths:
            headers = headers_for(rules, path, merge)
            assert "Content-Security-Policy" in headers, f"{site} {path}: no policy; add a rule for its folder or page"
            policy = directives(headers["Content-Security-Policy"])
            framing = policy.pop("frame-ancestors", None)
            assert policy == STRICT, f"{site} {path}: {headers['Content-Security-Policy']}"
            # Netlify's "/embed/*" also matches /embed, /embed/ and /embedX (its slash is optional); only embed/ is built.
            assert framing == ("*" if path.lower().startswith("/embed") else "'self'"), f"{site} {path}: frame-ancestors {framing}"
            assert headers["X-Content-Type-Options"] == "nosniff", path
            assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
            checked += 1
    assert checked > 1000 and any(path.startswith("/embed/") for path in site_paths["seeds"])


def test_both_readings_give_every_path_the_same_headers(rules: tuple, site_paths: dict[str, list[str]]) -> None:
    for paths in site_paths.values():
        for path in paths:
            assert headers_for(rules, path, "later") == headers_for(rules, path, "all"), path


@pytest.mark.parametrize("merge", MERGES)
def test_caching_is_immutable_for_fingerprinted_assets_and_revalidated_for_pages_and_data(
    rules: tuple, default_site: Path, merge: str
) -> None:
    def cache(path: str) -> str | None:
        return headers_for(rules, path, merge).get("Cache-Control")

    for asset in (default_site / "static").iterdir():
        assert cache(f"/static/{asset.name}") == IMMUTABLE
    for file in sorted(default_site.rglob("*.html")):
        assert cache("/" + file.relative_to(default_site).as_posix()) == REVALIDATE, file
    assert cache("/data/corpus.json") == REVALIDATE
    search = default_site / "search"
    for file in sorted(search.rglob("*.*")):
        # Shards and records sit below search/<content hash>/ and never change; the entry points keep their names.
        expected = IMMUTABLE if file.parent != search else REVALIDATE
        assert cache("/" + file.relative_to(default_site).as_posix()) == expected, file
    assert any(file.parent != search for file in search.rglob("*.*"))
    runtime = next(default_site.glob("pyodide-*"))
    for file in sorted(runtime.rglob("*.*")):
        assert cache("/" + file.relative_to(default_site).as_posix()) == IMMUTABLE, file
    assert headers_for(rules, f"/{runtime.name}/pyodide.asm.wasm", merge)["Content-Type"] == "application/wasm"


@pytest.mark.parametrize("merge", MERGES)
def test_the_local_server_sends_these_headers_and_netlifys_404(default_site: Path, merge: str) -> None:
    server, base = start_netlify_server(default_site, NETLIFY, merge)
    try:
        with urllib.request.urlopen(base + "articles/briefs-barrick-stake.html") as response:
            assert response.headers.get_all("Content-Security-Policy") == [headers_for(
                header_rules(NETLIFY), "/articles/briefs-barrick-stake.html", merge)["Content-Security-Policy"]]
            assert response.headers["Content-Security-Policy"].endswith("frame-ancestors 'self'")
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        with urllib.request.urlopen(base + "embed/articles/briefs-barrick-stake.html") as response:
            assert response.headers["Content-Security-Policy"].endswith("frame-ancestors *")
        runtime = next(default_site.glob("pyodide-*")).name
        with urllib.request.urlopen(f"{base}{runtime}/pyodide.asm.wasm") as response:
            assert response.headers["Content-Type"] == "application/wasm"
        with urllib.request.urlopen(f"{base}{runtime}/pyodide.mjs") as response:
            assert response.headers["Content-Type"] == "text/javascript"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "articles/no-such-page.html")
        assert missing.value.code == 404 and b"Page not found" in missing.value.read()
        assert missing.value.headers["Content-Security-Policy"].endswith("frame-ancestors 'self'")
    finally:
        server.shutdown()
