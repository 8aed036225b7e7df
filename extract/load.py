"""Stage 1, load: a corpus folder -> RawDocuments (decoded text + front matter).

Every file is judged on its own: one that cannot be read or is not text becomes
a Problem naming it, never a garbage article and never the end of the build
(build.py decides whether problems are fatal, with --strict).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ftfy
import yaml

from .model import Problem, RawDocument
from .pagemeta import without_site_name

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                    ".json": "record", ".jsonl": "record"}

# Byte-order marks decide the encoding outright. UTF-32 LE starts with the
# UTF-16 LE mark, so it is tested first.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# ftfy for encoding repairs only ("PakistanÃ¢Â€Â™s" -> "Pakistan’s"): quotes, widths, ligatures, HTML
# entities and everything else stay as written.
REPAIR = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
)
# "Â" left before a space: a no-break space (C2 A0) read as cp1252 after the page turned A0 into a plain space,
# which ftfy cannot see as mojibake.
STRAY_A_CIRCUMFLEX = re.compile(r"(?<![A-ZÀ-Þ])Â(?=[ \u00a0])")
# What mojibake looks like: a UTF-8 lead byte read as cp1252/Latin-1 (Â … ô) before a continuation byte read the
# same way. Text without one has nothing for ftfy to repair, and skipping it keeps cleaning fast.
MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                           "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# A decoded file in which more than this share of characters are control
# characters (other than tab, newline, carriage return, form feed) is binary.
MAX_CONTROL_SHARE = 0.05


class CorpusError(Exception):
    """The corpus as a whole cannot be built (missing or empty folder)."""


@dataclass(frozen=True)
class LoadResult:
    documents: tuple[RawDocument, ...]
    problems: tuple[Problem, ...]


def load_corpus(folder: Path) -> LoadResult:
    """Read every .txt and .md file under `folder`, in path order."""
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder not found; pass an existing folder with --corpus")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder; --corpus takes a folder of .txt and .md files")
    documents, problems = [], []
    for path in corpus_files(folder):
        relative = path.relative_to(folder).as_posix()
        try:
            if ARTICLE_SUFFIXES[path.suffix.lower()] == "record":
                records, record_problems = read_records(path, relative)
                documents.extend(records)
                problems.extend(record_problems)
            else:
                documents.append(read_document(path, relative))
        except NotArticle as reason:
            problems.append(Problem(relative, str(reason)))
    if not documents and not problems:
        raise CorpusError(f"{folder}: no articles found (.txt, .md, .html, .json or .jsonl); add some, or point --corpus elsewhere")
    return LoadResult(tuple(documents), tuple(problems))


def corpus_files(folder: Path) -> list[Path]:
    """Article files under `folder`, hidden files and folders excluded, sorted by path."""
    found = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(part.startswith((".", "_")) for part in parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and not path.is_dir():
            found.append(path)
    # Sort on the relative path's text so the order never depends on the file system.
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


class NotArticle(Exception):
    """Why one file is skipped."""


def read_document(path: Path, relative: str) -> RawDocument:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotArticle(f"cannot be read ({error.strerror or error}); skipped") from error
    text = decode(data)
    fmt = ARTICLE_SUFFIXES[path.suffix.lower()]
    meta: dict[str, object] = {}
    if fmt == "md":
        meta, text = split_front_matter(text)
    if not text.strip() and not meta.get("title"):
        raise NotArticle("empty file; skipped")
    return RawDocument(path=relative, format=fmt, text=text, meta=meta)


def decode(data: bytes) -> str:
    """Bytes -> text with LF line ends: BOM first, then UTF-8, then cp1252."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise NotArticle(f"starts with a {encoding} byte-order mark but is not {encoding}; skipped") from error
            break
    else:
        if b"\x00" in data:
            raise NotArticle("contains NUL bytes: not a text file; skipped")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                raise NotArticle("neither UTF-8 nor cp1252 text; re-save it as UTF-8; skipped") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_binary(text):
        raise NotArticle("mostly control characters: not a text file; skipped")
    return repair(text)


def repair(text: str) -> str:
    """Mojibake repaired (text decoded with the wrong encoding somewhere upstream), then NFC."""
    if MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, config=REPAIR)
    return unicodedata.normalize("NFC", STRAY_A_CIRCUMFLEX.sub("", text))


def looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = len(CONTROL.findall(text))  # category Cc, less tab, newline, form feed (and CR, gone by now)
    return controls / len(text) > MAX_CONTROL_SHARE or "\x00" in text


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter between '---' lines at the very top, and the Markdown after it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
    else:
        raise NotArticle("front matter opened with '---' is never closed; add a closing '---' line; skipped")
    try:
        meta = yaml.safe_load("\n".join(lines[1:index])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise NotArticle(f"front matter is not valid YAML{where}; fix it; skipped") from error
    if not isinstance(meta, dict):
        raise NotArticle("front matter must be 'key: value' lines; skipped")
    return {str(key).lower(): value for key, value in meta.items()}, "\n".join(lines[index + 1:])


# Crawler output: news-please and similar tools write one JSON object per article, with these field names.
RECORD_FIELDS = {
    "title": ("title", "headline"),
    "text": ("maintext", "text", "content", "body", "article"),
    "date": ("date_publish", "date", "published", "datePublished", "date_published", "publish_date"),
    "url": ("url", "canonical_url", "link"),
    "source": ("source", "sitename", "site_name", "source_name", "publisher"),
    "domain": ("source_domain", "domain"),  # a bare domain: the source only when nothing names the outlet
    "authors": ("authors", "author"),
    "language": ("language", "lang"),
}


def read_records(path: Path, relative: str) -> tuple[list[RawDocument], list[Problem]]:
    """A crawler's .jsonl (one record a line) or .json (one record, or a list of them) -> one RawDocument each.

    A bad record is reported by file and number ("crawl.jsonl#3") and skipped; the others are kept.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotArticle(f"cannot be read ({error.strerror or error}); skipped") from error
    text = decode(data)
    if not text.strip():
        raise NotArticle("empty file; skipped")
    entries: list[tuple[str, object]] = []
    problems: list[Problem] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                entries.append((f"{relative}#{number}", json.loads(line)))
            except json.JSONDecodeError as error:
                problems.append(Problem(f"{relative}#{number}", f"not valid JSON ({error.msg}, column {error.colno}); skipped"))
    else:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise NotArticle(f"not valid JSON ({error.msg}, line {error.lineno}); skipped") from error
        if isinstance(value, list):
            entries = [(f"{relative}#{number}", item) for number, item in enumerate(value, start=1)]
        else:
            entries = [(relative, value)]
    documents = []
    for name, value in entries:
        try:
            documents.append(record_document(name, value))
        except NotArticle as reason:
            problems.append(Problem(name, str(reason)))
    return documents, problems


def record_document(name: str, record: object) -> RawDocument:
    if not isinstance(record, dict):
        raise NotArticle(f"a record must be a JSON object, not {json_type(record)}; skipped")
    meta: dict[str, object] = {}
    for field, keys in RECORD_FIELDS.items():
        key = next((k for k in keys if record.get(k) not in (None, "", [])), None)
        if key is None:
            continue
        value = record[key]
        if field == "authors":
            names = value if isinstance(value, list) else [value]
            if not all(isinstance(item, str) for item in names):
                raise NotArticle(f"'{key}' must be text or a list of text, not {json_type(value)}; skipped")
            meta["authors"] = [" ".join(repair(item).split()) for item in names if item.strip()]
        elif isinstance(value, str):
            meta[field] = repair(value) if field != "text" else value
        elif field == "text" or field == "title":
            raise NotArticle(f"'{key}' must be text, not {json_type(value)}; skipped")
        # Other fields of the wrong type (a number as a date, a list as a url) are ignored: the article stands.
    if not meta.get("source") and isinstance(record.get("title_page"), str) and isinstance(meta.get("title"), str):
        # news-please keeps the page's <title> ("<headline> - <Outlet>"): the outlet is its tail.
        _, site = without_site_name(repair(record["title_page"]), None, [meta["title"]])  # only if the rest is the title
        if site:
            meta["source"] = site
    text = meta.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise NotArticle("no article text (no 'maintext' or 'text' field); skipped")
    text = repair(text.replace("\r\n", "\n").replace("\r", "\n"))
    return RawDocument(path=name, format="record", text=text, meta=meta)


def json_type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(type(value), "a number")
