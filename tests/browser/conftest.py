"""Browser fixtures: Debian's Chromium driven by Playwright, a local static server, a request log.

Every page opened here records each request it makes; requests to any host
other than 127.0.0.1 (or to anything but file: when opened from disk) are
blocked and fail the test, so "no network at run time" is checked by every
browser test.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..conftest import DEFAULT_CORPUS, ROOT, run_build
from ..netlify_headers import start_netlify_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def start_server(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static server for `folder` on 127.0.0.1 and a free port."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """serve(folder) -> base URL; servers stop at the end of the session."""
    servers = []

    def start(folder: Path) -> str:
        server, url = start_server(folder)
        servers.append(server)
        return url

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def netlify_site(default_site: Path) -> Iterator[str]:
    """The default site over http with netlify.toml's headers (its CSP included): the deployed site, locally."""
    server, base = start_netlify_server(default_site, ROOT / "netlify.toml")
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default site built with --base-url set to the address it is then served at (with netlify.toml's
    headers), as Netlify builds it: its snippets and oEmbed descriptions carry absolute URLs."""
    out = tmp_path_factory.mktemp("published") / "site"
    server, base = start_netlify_server(out, ROOT / "netlify.toml")  # the port first, then the build that names it
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "--base-url", base, "--quiet")
    assert result.returncode == 0, result.stderr
    yield base
    server.shutdown()


@dataclass
class RequestLog:
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws") and parts.hostname in ("127.0.0.1", "localhost")


def collect_errors(page, errors: list[str]) -> None:
    """Append the page's uncaught JavaScript errors, and the Content-Security-Policy violations Chromium logs
    (a CSP that blocks something Lode needs shows up only as a console error), to `errors`."""
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)


def log_requests(context, allowed: Callable[[str], bool] = is_local) -> RequestLog:
    """Record every request the context's pages make; refuse (and record) those `allowed` rejects."""
    log = RequestLog()

    def route(route, request) -> None:
        log.requests.append(request.url)
        if allowed(request.url):
            route.continue_()
        else:
            log.blocked.append(request.url)
            route.abort()

    context.route("**/*", route)
    return log


@pytest.fixture
def page(browser):
    """A fresh page whose every request is logged; anything not local is blocked and fails the test."""
    context = browser.new_context()
    log = log_requests(context)
    opened = context.new_page()
    errors: list[str] = []
    collect_errors(opened, errors)
    opened.request_log = log
    opened.js_errors = errors
    yield opened
    context.close()
    assert log.blocked == [], f"the page tried to reach other hosts: {log.blocked}"
    assert errors == [], f"JavaScript errors on the page: {errors}"
