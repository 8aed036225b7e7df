"""Stage 1, load: a corpus folder -> RawDocuments (decoded text + front matter).

Every file is judged on its own: one that cannot be read or is not text becomes
a Problem naming it, never a garbage article and never the end of the build
(build.py decides whether problems are fatal, with --strict).
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
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
SURROGATE = re.compile("[\ud800-\udfff]")  # in a str: an undecodable byte of a file name, or an escape

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
    """Read every article file under `folder`, in path order."""
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder not found; pass an existing folder with --corpus")
    if not folder.is_dir():
        raise CorpusError(f"{folder}: not a folder; --corpus takes a folder of .txt and .md files")
    documents: list[RawDocument] = []
    files, problems = corpus_files(folder)
    for path in files:
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
    return LoadResult(tuple(documents), tuple(sorted(problems, key=problem_order)))


def problem_order(problem: Problem) -> tuple[str, int]:
    """By file, then by record number: 'a.jsonl#2' before 'a.jsonl#11'."""
    file, _, record = problem.path.partition("#")
    return file, int(record) if record.isdigit() else 0


def corpus_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Article files under `folder` (hidden and `_` names excluded) sorted by path, and the entries passed over.

    Links are looked at, never blindly followed: a published site must not carry a file from outside the
    corpus (a link to ~/.ssh/notes.md), a loop of links must not hang the build, and a linked folder could
    hold the corpus twice; so folder links are not followed and file links only to a file of the corpus
    that is not read in its own right.
    """
    root = folder.resolve()
    found: list[Path] = []
    problems: list[Problem] = []

    def passed_over(path: Path, why: str) -> None:
        # A name that is not UTF-8 is shown with its odd bytes as \xNN escapes (it cannot be printed as it is).
        name = os.fsencode(path.relative_to(folder).as_posix()).decode("utf-8", "backslashreplace")
        problems.append(Problem(name, why))

    for current, subfolders, names in os.walk(folder, followlinks=False):
        here = Path(current)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith((".", "_")))
        for name in list(subfolders):
            if (here / name).is_symlink():
                subfolders.remove(name)
                passed_over(here / name, "a link to a folder, which Lode does not follow (copy the folder in instead); skipped")
        for name in names:
            path = here / name
            if name.startswith((".", "_")) or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if SURROGATE.search(path.relative_to(folder).as_posix()):
                # Undecodable bytes in a name: no page, link or JSON file could spell its path.
                passed_over(path, "its name is not UTF-8 text; rename it; skipped")
                continue
            if path.is_symlink():
                why = link_problem(path, root)
                if why:
                    passed_over(path, why)
                    continue
            found.append(path)
    # A link's target may itself be a corpus file: it is read once, as itself.
    listed = {path.resolve() for path in found if not path.is_symlink()}
    kept = []
    for path in found:
        if path.is_symlink() and path.resolve() in listed:
            passed_over(path, f"a link to {path.resolve().relative_to(root).as_posix()}, which is read in its own right; skipped")
        else:
            kept.append(path)
    # Sort on the relative path's text so the order never depends on the file system.
    return sorted(kept, key=lambda p: p.relative_to(folder).as_posix()), problems


def link_problem(path: Path, root: Path) -> str | None:
    """Why the file link `path` is not read, or None when it points at a file inside the corpus folder."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "a symbolic link loop; skipped"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop; skipped"
        return "cannot be read: a link to a file that does not exist; skipped"
    if root not in target.parents:
        return "a link to a file outside the corpus folder, which is never published; copy the file in if it belongs; skipped"
    return None


class NotArticle(Exception):
    """Why one file is skipped."""


# Past this size a file is not an article (the longest long-reads are a few hundred KB); it is not even read.
MAX_FILE_BYTES = 64 * 1024 * 1024
FILE_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
              stat.S_IFDIR: "a folder"}


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes. Opened without blocking and checked after opening, so a named pipe (which would
    wait forever for a writer) or a file swapped for one since the folder was listed is refused, not read."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise NotArticle(f"cannot be read ({error.strerror or error}); skipped") from error
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotArticle(f"not a regular file ({FILE_KINDS.get(stat.S_IFMT(info.st_mode), 'a special file')}); skipped")
        if info.st_size > MAX_FILE_BYTES:
            raise NotArticle(f"{info.st_size / 1024 / 1024:.0f} MB: too large to be an article "
                             f"(at most {MAX_FILE_BYTES // 1024 // 1024} MB); skipped")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise NotArticle(f"cannot be read ({error.strerror or error}); skipped") from error
    finally:
        os.close(handle)


def read_document(path: Path, relative: str) -> RawDocument:
    text = decode(read_bytes(path))
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


class FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a date the calendar does not have ("2024-02-30", year 0) stays the text
    it is, for the date reader to judge, instead of ending the build with a ValueError."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_yaml_timestamp)


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
        meta = without_surrogates(yaml.load("\n".join(lines[1:index]), Loader=FrontMatterLoader) or {})
    except RecursionError as error:
        raise NotArticle("front matter nested too deeply; skipped") from error
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
    text = decode(read_bytes(path))
    if not text.strip():
        raise NotArticle("empty file; skipped")
    entries: list[tuple[str, object]] = []
    problems: list[Problem] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                entries.append((f"{relative}#{number}", parse_json(line)))
            except NotArticle as reason:
                problems.append(Problem(f"{relative}#{number}", str(reason)))
    else:
        value = parse_json(text)
        if isinstance(value, list):
            if not value:
                raise NotArticle("a list with no records; skipped")
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


def without_surrogates(value: object) -> object:
    """JSON and YAML escapes can spell a lone surrogate ("\\ud800"), a character no UTF-8 file can hold:
    every later stage that writes or hashes the text would fail on it. Each becomes U+FFFD."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {without_surrogates(key): without_surrogates(item) for key, item in value.items()}
    return value



def parse_json(text: str) -> object:
    try:
        return without_surrogates(json.loads(text))
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}" if error.lineno > 1 else f"column {error.colno}"
        raise NotArticle(f"not valid JSON ({error.msg}, {where}); skipped") from error
    except RecursionError as error:
        # json recurses once per level: "[[[[…" a hundred thousand deep would otherwise end the build.
        raise NotArticle("not a crawler record: JSON nested too deeply; skipped") from error


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
