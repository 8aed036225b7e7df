"""Stage 1, load: a corpus folder -> RawDocuments (decoded text + front matter).

Every file is judged on its own: one that cannot be read or is not text becomes
a Problem naming it, never a garbage article and never the end of the build
(build.py decides whether problems are fatal, with --strict).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Problem, RawDocument

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}

# Byte-order marks decide the encoding outright. UTF-32 LE starts with the
# UTF-16 LE mark, so it is tested first.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

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
            documents.append(read_document(path, relative))
        except NotArticle as reason:
            problems.append(Problem(relative, str(reason)))
    if not documents and not problems:
        raise CorpusError(f"{folder}: no .txt or .md articles found; add some, or point --corpus elsewhere")
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
    return unicodedata.normalize("NFC", text)


def looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\f")
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
