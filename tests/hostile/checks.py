"""What no page of a site built from hostile text may hold: markup, script or links that came from the corpus."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

# Lode's own scripts: files in the site's folders (never inline code from a page's text, never another host).
OWN_SCRIPT_FOLDERS = ("static/", "search/", "pyodide-", "data/")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "ping", "background"}


class PageAudit(HTMLParser):
    """Every script, event handler, <base>, refresh, comment and link target of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.scripts: list[str] = []
        self.in_script = False
        self.data_block = False
        self.inline = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>: an event handler")
            if name in URL_ATTRIBUTES and value and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.findings.append(f"<{tag} {name}={value[:40]!r}>: a script or data URL")
        if tag == "base" and "href" in values:  # Lode's embeds carry <base target="_blank">, never a base URL
            self.findings.append("<base href>: a base URL")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.findings.append("<meta http-equiv=refresh>")
        if tag in ("object", "embed", "frame", "frameset", "applet"):
            self.findings.append(f"<{tag}>")
        if tag == "script":
            self.in_script, self.inline = True, ""
            self.data_block = (values.get("type") or "").lower() == "application/ld+json"
            self.scripts.append(values.get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.in_script:
            self.in_script = False
            source = self.scripts[-1]
            if self.data_block:
                # Structured data (JSON-LD) is a data block no browser runs; it must still be JSON, whole, so no
                # corpus text closed it early and started markup of its own.
                try:
                    json.loads(self.inline)
                except ValueError:
                    self.findings.append(f"a JSON-LD block that is not JSON: {self.inline[:60]!r}")
            elif not source:
                self.findings.append(f"inline <script>: {self.inline[:60]!r}")
            elif source.startswith(("http:", "https:", "//")) or not own_script(source):
                self.findings.append(f"<script src={source!r}>: not one of Lode's files")

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.inline += data

    def handle_comment(self, data: str) -> None:
        self.findings.append(f"a comment: {data[:40]!r}")  # Lode's templates write none; one here came from the corpus

    def unknown_decl(self, data: str) -> None:
        self.findings.append(f"a declaration: {data[:40]!r}")


def own_script(source: str) -> bool:
    path = source.removeprefix("/")  # the 404 page links from the site's root
    while path.startswith("../"):
        path = path[3:]
    return path.startswith(OWN_SCRIPT_FOLDERS)


def audit_page(html: str) -> list[str]:
    audit = PageAudit()
    audit.feed(html)
    audit.close()
    return audit.findings


def audit_site(site: Path) -> dict[str, list[str]]:
    """Findings per page, for every page of the site."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        if "pyodide-" in path.as_posix():
            continue  # the runtime's own files, not pages
        findings = audit_page(path.read_text(encoding="utf-8"))
        if findings:
            found[path.relative_to(site).as_posix()] = findings
    return found
