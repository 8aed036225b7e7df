"""Shared queries cannot send anything anywhere: the widget's worker locks its network once it has loaded.

A query in a shared link (python.html?code=…&run=1) is someone else's code. Each way a query could send
a request is tried, over plain http (no CSP: the lock alone must hold, as on any host) and from file://,
against a local server on another port that records every request it gets. It must get none, and the
site's own server must get nothing from the worker after boot either.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.conftest import QuietHandler, collect_errors, log_requests
from tests.browser.test_widget import BOOT, run, wait_done

LOCKED = "Lode's Python cannot reach the network"
# Each query would reach the recorder ({R} is its http address, {W} the same as ws://, {P} its port) if
# nothing stopped it; those marked True must fail with the lock's own message.
ROUTES = [
    ("fetch", True, "import js\njs.fetch('{R}fetch')"),
    ("XMLHttpRequest", True, "import js\nx = js.XMLHttpRequest.new()\nx.open('GET', '{R}xhr', False)\nx.send()"),
    ("WebSocket", True, "import js\njs.WebSocket.new('{W}ws')"),
    ("EventSource", True, "import js\njs.EventSource.new('{R}sse')"),
    ("importScripts", True, "import js\njs.importScripts('{R}script.js')"),
    ("a nested worker", True, "import js\njs.Worker.new('data:text/javascript,fetch(\"{R}nested\")')"),
    ("import() through eval", True, "import js\njs.eval('import(\"{R}eval.mjs\")')"),
    ("import() through run_js", True, "from pyodide.code import run_js\nrun_js('import(\"{R}run-js.mjs\")')"),
    ("import() through Function", True, "import js\njs.Function('return import(\"{R}function.mjs\")')()"),
    ("import() through a function's constructor", True,
     "import js\njs.Array.constructor('return import(\"{R}constructor.mjs\")')()"),
    ("import() through setTimeout", True, "import js\njs.setTimeout('import(\"{R}timeout.mjs\")', 0)"),
    ("caches", False, "import js\njs.caches.open('x').then(lambda cache: cache.add('{R}cache'))"),
    ("FontFace", True, "import js\njs.FontFace.new('x', 'url({R}font.woff2)').load()"),
    ("pyodide.http.open_url", True, "from pyodide.http import open_url\nopen_url('{R}open-url')"),
    ("pyodide.http.pyxhr", True, "from pyodide.http import pyxhr\npyxhr.get('{R}pyxhr')"),
    ("pyodide.http.pyfetch", True, "from pyodide.http import pyfetch\npyfetch('{R}pyfetch').send(None)"),
    ("loadPackage with a URL", True, "import pyodide_js\npyodide_js.loadPackage('{R}evil-1.0-py3-none-any.whl')"),
    ("loadPackage by name", True, "import pyodide_js\npyodide_js.loadPackage('micropip')"),
    ("a socket", False, "import socket\nsocket.create_connection(('127.0.0.1', {P}), timeout=2)"),
    ("urllib", False, "import urllib.request\nurllib.request.urlopen('{R}urllib', timeout=2)"),
]


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers anything, to anyone (CORS allowed), and notes it: a request that got here left the worker."""

    requests: list[str]

    def _answer(self) -> None:
        self.requests.append(f"{self.command} {self.path}")
        body = b"self.reached = true;"
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "text/javascript")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_OPTIONS = _answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class RecordingSite(QuietHandler):
    requests: list[str]

    def send_head(self):  # noqa: ANN201 (http.server's own signature)
        self.requests.append(self.path)
        return super().send_head()


def start(handler: type, requests: list[str], **options: object) -> http.server.ThreadingHTTPServer:
    bound = functools.partial(type("Handler", (handler,), {"requests": requests}), **options)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), bound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass
class Locked:
    page: object
    mode: str
    recorded: list[str]  # requests the recorder got
    site: list[str]  # requests the site's own server got (http only)
    errors: list[str]
    recorder: str


@pytest.fixture(scope="module", params=["http", "file"])
def locked(request, browser, default_site: Path) -> Iterator[Locked]:
    recorded: list[str] = []
    site: list[str] = []
    servers = [start(Recorder, recorded)]
    if request.param == "http":
        servers.append(start(RecordingSite, site, directory=str(default_site)))
        base = f"http://127.0.0.1:{servers[1].server_address[1]}/"
    else:
        base = default_site.as_uri() + "/"
    context = browser.new_context()
    log = log_requests(context)
    page = context.new_page()
    errors: list[str] = []
    collect_errors(page, errors)
    page.goto(base + "python.html?code=len(articles)&run=1")
    wait_done(page, 1, BOOT)
    assert page.locator(".py-entry").first.get_attribute("data-done") == "ok"
    yield Locked(page, request.param, recorded, site, errors, f"http://127.0.0.1:{servers[0].server_address[1]}/")
    context.close()
    for server in servers:
        server.shutdown()
    assert log.blocked == [] and errors == [], (log.blocked, errors)


def test_the_recorder_is_reachable_from_the_page_so_silence_means_the_lock(locked: Locked) -> None:
    status = locked.page.evaluate("url => fetch(url).then(r => r.status)", locked.recorder + "control")
    assert status == 200 and locked.recorded == ["GET /control"]
    locked.recorded.clear()


@pytest.mark.parametrize(("route", "own_message", "query"), ROUTES, ids=[route for route, _, _ in ROUTES])
def test_a_query_cannot_send_a_request_by_any_route(locked: Locked, route: str, own_message: bool, query: str) -> None:
    site_before = len(locked.site)
    recorder = locked.recorder
    code = query.format(R=recorder, W=recorder.replace("http:", "ws:"), P=recorder.rsplit(":", 1)[1].strip("/"))
    entry = run(locked.page, code)
    locked.page.wait_for_timeout(300)  # anything asynchronous (a promise, a timer) has had its chance
    text = entry.inner_text()
    assert entry.get_attribute("data-done") == "error", f"{route}: {text}"
    if own_message:
        assert LOCKED in text, f"{route}: {text}"
    assert locked.recorded == [], f"{route} reached the recorder: {locked.recorded}"
    assert locked.site[site_before:] == [], f"{route} reached the site's own server: {locked.site[site_before:]}"


def test_python_still_works_after_every_refusal(locked: Locked) -> None:
    entry = run(locked.page, "sum(1 for a in articles if a.entities) > 0")
    assert entry.get_attribute("data-done") == "ok" and entry.locator(".py-value").inner_text() == "True"
    assert locked.recorded == []


def test_while_booting_the_worker_fetched_only_its_own_files(locked: Locked, default_site: Path) -> None:
    if locked.mode == "file":
        # From disk the worker fetches nothing at all: the page hands it the runtime as data.
        assert locked.site == []
        return
    runtime = next(default_site.glob("pyodide-*")).name
    page_files = ("/python.html", "/static/", "/favicon.ico")
    worker_files = [path for path in locked.site if not path.startswith(page_files)]
    assert worker_files and all(path.startswith(f"/{runtime}/") or path == "/data/corpus.json" for path in worker_files), worker_files
