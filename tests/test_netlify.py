"""netlify.toml: the build settings and the headers, checked against the built site."""

from __future__ import annotations

import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT
from .netlify_headers import header_rules, headers_for, start_netlify_server

NETLIFY = ROOT / "netlify.toml"
RULES = header_rules(NETLIFY)


def policies(path: str) -> list[str]:
    return [p.strip() for p in headers_for(RULES, path).get("Content-Security-Policy", "").split(",") if p.strip()]


def url_paths(site: Path) -> list[str]:
    return ["/" + p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]


def test_build_settings_publish_site_with_a_base_url() -> None:
    config = tomllib.loads(NETLIFY.read_text(encoding="utf-8"))
    assert config["build"]["publish"] == "site"
    assert "make site" in config["build"]["command"] and "BASE_URL=$URL" in config["build"]["command"]
    assert config["build"]["environment"]["PYTHON_VERSION"] >= "3.12"


def test_every_page_gets_one_base_policy_and_the_right_framing_rule(default_site: Path) -> None:
    for path in url_paths(default_site):
        csp = policies(path)
        assert any("script-src 'self' 'wasm-unsafe-eval'" in p and "'unsafe-inline'" not in p for p in csp), path
        framing = [p for p in csp if p.startswith("frame-ancestors")]
        if path.startswith("/embed/"):
            assert framing == ["frame-ancestors *"], path
        else:
            assert framing == ["frame-ancestors 'self'"], f"{path} can be framed by other sites"
    assert policies("/about")[-1] == "frame-ancestors 'self'", "pretty URLs are covered too"


def test_caching_is_immutable_for_fingerprinted_assets_and_revalidated_for_html(default_site: Path) -> None:
    for asset in (default_site / "static").iterdir():
        assert headers_for(RULES, f"/static/{asset.name}")["Cache-Control"] == "public, max-age=31536000, immutable"
    for path in url_paths(default_site):
        assert headers_for(RULES, path)["Cache-Control"] == "public, max-age=0, must-revalidate", path
    assert headers_for(RULES, "/data/corpus.json")["Cache-Control"] == "public, max-age=0, must-revalidate"
    search = default_site / "search"
    for file in sorted(search.rglob("*.*")):
        path = "/" + file.relative_to(default_site).as_posix()
        # Shards sit in search/<content hash>/ and never change; the entry points keep their names.
        expected = "public, max-age=31536000, immutable" if file.parent != search else "public, max-age=0, must-revalidate"
        assert headers_for(RULES, path)["Cache-Control"] == expected, path
    assert any(file.parent != search for file in search.rglob("*.*"))
    assert headers_for(RULES, "/pyodide-0123abcd/pyodide.asm.wasm")["Content-Type"] == "application/wasm"
    for path in ["/", "/static/x.css", "/data/corpus.json", "/embed/articles/a.html", "/search/index.js", "/search/0a1b/s1.js"]:
        headers = headers_for(RULES, path)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        setting_cache = [p.pattern for p, values in RULES if p.match(path) and "Cache-Control" in values]
        assert len(setting_cache) <= 1, f"{path}: two Cache-Control rules match: {setting_cache}"


def test_the_local_server_sends_these_headers_and_netlifys_404(default_site: Path) -> None:
    server, base = start_netlify_server(default_site, NETLIFY)
    try:
        with urllib.request.urlopen(base + "articles/briefs-barrick-stake.html") as response:
            assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "no/such/page.html")
        assert missing.value.code == 404 and b"Page not found" in missing.value.read()
    finally:
        server.shutdown()
