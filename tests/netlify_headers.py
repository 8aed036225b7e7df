"""netlify.toml's [[headers]] as Netlify itself reads them, applied to a path, and a local server that sends them.

The rules come from Netlify's own parser (npm `@netlify/headers-parser`, run by tests/js/netlify_rules.mjs):
its `for` patterns, compiled to the regular expressions Netlify matches paths with (`*` matches across
"/", `:name` one segment, a trailing "/" is optional, case is ignored). Nothing here re-implements the
parsing: the Python side only compiles the parser's expressions, and a test checks that they match the
same paths as the parser's own RegExp objects.

How overlapping rules combine is not settled (../shared/notes/deploy.md): Netlify's local tools give a
path one value per header name, the later rule's ("later"); its CDN may send every matching value
("all", joined with ", ", so two Content-Security-Policy values are two policies, both enforced).
Every function takes the reading to apply, and the tests check both.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READER = ROOT / "tests" / "js" / "netlify_rules.mjs"
MERGES = ("later", "all")


@dataclass(frozen=True)
class Rule:
    pattern: str  # the `for` as written in netlify.toml
    regexp: re.Pattern[str]  # Netlify's forRegExp, compiled here
    values: dict[str, str]

    def matches(self, path: str) -> bool:
        return self.regexp.match(path) is not None


def read_rules(netlify_toml: Path, paths: list[str] | None = None) -> tuple[list[Rule], dict[str, list[int]]]:
    """The parser's rules in its order, and for each of `paths` the indices of the rules its own RegExps match."""
    result = subprocess.run(["node", str(READER), str(netlify_toml)], input=json.dumps(paths or []),
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"Netlify's parser rejected {netlify_toml}: {result.stderr.strip()}")
    answer = json.loads(result.stdout)
    rules = []
    for rule in answer["rules"]:
        # The parser's flags are "iu": ignore case; "u" changes nothing for the ASCII patterns it writes.
        assert set(rule["flags"]) <= {"i", "u"}, rule
        flags = re.IGNORECASE if "i" in rule["flags"] else 0
        rules.append(Rule(rule["for"], re.compile(rule["regexp"], flags), {k: str(v) for k, v in rule["values"].items()}))
    return rules, answer["matches"]


@functools.cache
def header_rules(netlify_toml: Path) -> tuple[Rule, ...]:
    return tuple(read_rules(netlify_toml)[0])


def matching(rules: tuple[Rule, ...], path: str, header: str | None = None) -> list[Rule]:
    """The rules that apply to `path` (only those that set `header`, if given), in the parser's order."""
    return [rule for rule in rules if rule.matches(path) and (header is None or header in rule.values)]


def headers_for(rules: tuple[Rule, ...], path: str, merge: str) -> dict[str, str]:
    """The headers `path` gets under one reading: "later" (the later rule's value wins) or "all" (every value sent)."""
    if merge not in MERGES:
        raise ValueError(f"merge must be one of {MERGES}, not {merge!r}")
    combined: dict[str, list[str]] = {}
    for rule in matching(rules, path):
        for name, value in rule.values.items():
            combined[name] = [value] if merge == "later" else [*combined.get(name, []), value]
    return {name: ", ".join(values) for name, values in combined.items()}


class NetlifyLikeHandler(http.server.SimpleHTTPRequestHandler):
    rules: tuple[Rule, ...] = ()
    merge = "later"
    # Netlify's content types for what Lode publishes (Python's table lacks .mjs and .wasm on some systems).
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json",
                      ".zip": "application/zip", ".xml": "application/xml", ".whl": "application/octet-stream"}

    def _path(self) -> str:
        return self.path.split("?", 1)[0].split("#", 1)[0]

    def guess_type(self, path):  # noqa: ANN001, ANN201 (http.server's own signature)
        # A Content-Type set by a rule (".wasm") wins over the extension table, as on Netlify.
        ruled = headers_for(self.rules, self._path(), self.merge).get("Content-Type")
        return ruled or super().guess_type(path)

    def send_head(self):  # noqa: ANN201 (http.server's own signature)
        self._headers_added = False
        path = self._path()
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
            self._rule_headers(self._path())
        super().end_headers()

    def _rule_headers(self, path: str) -> None:
        self._headers_added = True
        for name, value in headers_for(self.rules, path, self.merge).items():
            if name != "Content-Type":  # Content-Type comes from guess_type
                self.send_header(name, value)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def start_netlify_server(
    site: Path, netlify_toml: Path, merge: str = "later", host: str = "127.0.0.1"
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site` on a free port with netlify.toml's headers combined by `merge`; (server, base URL)."""
    if merge not in MERGES:
        raise ValueError(f"merge must be one of {MERGES}, not {merge!r}")
    handler_class = type("Handler", (NetlifyLikeHandler,), {"rules": header_rules(netlify_toml), "merge": merge})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"
