"""netlify.toml's [[headers]] rules, applied the way Netlify applies them, for a local test server.

Paths: `*` matches any characters (across "/"), `:name` one path segment. When
several rules match, every value is sent, and values of the same header are
joined with ", " (so two Content-Security-Policy values are two policies, both
enforced by the browser).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import tomllib
from pathlib import Path


def header_rules(netlify_toml: Path) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    rules = []
    for rule in config.get("headers", []):
        pattern = "".join(
            ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
            for part in re.split(r"(\*|:[A-Za-z_]+)", rule["for"])
        )
        rules.append((re.compile(f"^{pattern}$"), {k: str(v) for k, v in rule["values"].items()}))
    return rules


def headers_for(rules: list[tuple[re.Pattern[str], dict[str, str]]], path: str) -> dict[str, str]:
    merged: dict[str, list[str]] = {}
    for pattern, values in rules:
        if pattern.match(path):
            for name, value in values.items():
                merged.setdefault(name, []).append(value)
    return {name: ", ".join(values) for name, values in merged.items()}


class NetlifyLikeHandler(http.server.SimpleHTTPRequestHandler):
    rules: list[tuple[re.Pattern[str], dict[str, str]]] = []
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json"}

    def guess_type(self, path):  # noqa: ANN001, ANN201 (http.server's own signature)
        # A Content-Type set by a rule (".wasm") wins over the extension table, as on Netlify.
        ruled = headers_for(self.rules, self.path.split("?", 1)[0]).get("Content-Type")
        return ruled or super().guess_type(path)

    def send_head(self):  # noqa: ANN201 (http.server's own signature)
        self._headers_added = False
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        target = Path(self.translate_path(path))
        if not target.exists() or (target.is_dir() and not (target / "index.html").exists()):
            # Netlify answers a missing path with /404.html and status 404.
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self._rule_headers(path)
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()

    def end_headers(self) -> None:
        if not getattr(self, "_headers_added", False):
            self._rule_headers(self.path.split("?", 1)[0])
        super().end_headers()

    def _rule_headers(self, path: str, skip: frozenset[str] = frozenset()) -> None:
        self._headers_added = True
        for name, value in headers_for(self.rules, path).items():
            if name != "Content-Type" and name not in skip:  # Content-Type comes from guess_type
                self.send_header(name, value)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def start_netlify_server(site: Path, netlify_toml: Path, host: str = "127.0.0.1") -> tuple[http.server.ThreadingHTTPServer, str]:
    handler_class = type("Handler", (NetlifyLikeHandler,), {"rules": header_rules(netlify_toml)})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"
