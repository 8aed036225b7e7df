"""`build.py --serve`: preview the site, rebuilt when a corpus file or template changes.

Like `mkdocs serve`, open pages reload themselves after a rebuild: the preview
server (never the built files) adds a small polling script to each HTML page.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.5
RELOAD_PATH = "/__lode__/reload.js"
VERSION_PATH = "/__lode__/version"
RELOAD_SCRIPT = b"""(function () {
  var seen = null;
  function check() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {}).finally(function () { setTimeout(check, 700); });
  }
  check();
})();
""" % VERSION_PATH.encode()


def snapshot(folders: list[Path]) -> dict[str, tuple[float, int]]:
    """Modification time and size of every file under `folders`."""
    state = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    state[str(path)] = (stat.st_mtime, stat.st_size)
    return state


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    version = "0"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if self.path == VERSION_PATH:
            return self._send(PreviewHandler.version.encode(), "text/plain")
        if self.path == RELOAD_PATH:
            return self._send(RELOAD_SCRIPT, "text/javascript")
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            html = target.read_bytes().replace(b"</body>", f'<script src="{RELOAD_PATH}"></script></body>'.encode(), 1)
            return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # a request log would bury the build messages


def serve(args: argparse.Namespace, run_build: Callable[[argparse.Namespace], int], watched: list[Path]) -> int:
    status = run_build(args)
    if status and not Path(args.out, "data", "corpus.json").is_file():
        return status  # nothing to serve yet
    handler = functools.partial(PreviewHandler, directory=str(Path(args.out).resolve()))
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as error:
        print(f"lode: error: cannot serve on {args.host}:{args.port} ({error.strerror}); try --port", file=sys.stderr)
        return 2
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"lode: serving http://{args.host}:{args.port}/ — rebuilds on changes to "
          f"{', '.join(str(p) for p in watched)}; Ctrl-C stops", file=sys.stderr)
    state = snapshot(watched)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = snapshot(watched)
            if current != state:
                state = current
                print("lode: change detected, rebuilding", file=sys.stderr)
                if run_build(args) == 0:
                    PreviewHandler.version = str(int(PreviewHandler.version) + 1)
    except KeyboardInterrupt:
        print("\nlode: stopped", file=sys.stderr)
    finally:
        server.shutdown()
    return 0
