"""The Python widget's build stage: Pyodide and the lode_corpus package, vendored into the site.

Returns files as {path: bytes}, like render. Nothing comes from a CDN: the runtime is the
pinned npm package `pyodide` (node_modules/pyodide), copied under a content-hashed folder
`pyodide-<hash>/` that can be cached forever. Next to it:

- the lode_corpus package as a wheel, written here byte for byte (fixed timestamps, sorted
  entries), and registered in the site's own pyodide-lock.json by pyodide-build's
  `pyodide lockfile add-wheels`, so that `pyodide.loadPackage("lode-corpus")` installs it;
- `embed/`: the same runtime as classic scripts, for pages opened from disk (file://), where
  browsers block fetch() and module scripts. Each script passes one base64 chunk of a gzipped
  file to `lodeEmbed(name, index, count, data)`; the page hands the chunks to the worker, which
  decodes them and answers Pyodide's fetches from memory (see ../shared/notes/pyodide.md).

And `data/corpus.js`: data/corpus.json in the same embedded form, for the widget under file://.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
PACKAGE = ROOT / "lode_corpus"

# The file:// rewrite below relies on the text of this exact release; a new version must be checked by hand.
PYODIDE_VERSION = "314.0.7"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE_NAME = "lode-corpus"
CHUNK = 1 << 20  # base64 characters per embed script: small enough to parse without a long task
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
ASM_EXPORT = "export default _createPyodideModule;"
ASM_GLOBAL = "globalThis.lodeCreatePyodideModule = _createPyodideModule;"
IMPORT_META_URL = "import.meta.url"
# Set by the worker before it evaluates the runtime: where the runtime would have been loaded from.
ASM_URL_GLOBAL = "globalThis.lodePyodideAsmURL"
LOADER_GLOBAL = "globalThis.loadPyodide=loadPyodide.loadPyodide"
# A static import or an export statement at a statement boundary: syntax a classic script cannot have.
MODULE_SYNTAX = re.compile(
    r"(^|[;}])\s*(export\s*(\{|\*|(default|const|let|var|function|class|async)\b)|import\s*(\{|\*|[\"']|[\w$]+\s*(,|from\b)))"
)

EXAMPLES = (
    ("How many articles, from which sources?",
     'print(len(articles), "articles")\ntable(articles.count_by("source"), columns=["source", "articles"])'),
    ("The organisations named in most articles", 'entities.top(10, type="ORG")'),
    ("Who appears alongside the top organisation?",
     'org = entities.top(1, type="ORG")[0]\nprint(org.name, "is named in", len(org.articles), "articles")\n'
     "org.cooccurring()[:10]"),
    ("Every mention of it, in context",
     'org = entities.top(1, type="ORG")[0]\nfor mention in org.mentions[:8]:\n    print(mention.context())'),
    ("Search the texts", 'search("rare earth")'),
    ("Sums of money and what they belong to",
     "table([{\"amount\": m.text, \"value\": m.value, \"article\": m.article.title}\n"
     '       for a in articles for m in a.mentions if m.entity.type == "MONEY"])'),
    ("Articles per month",
     "from collections import Counter\n"
     'months = Counter((a.date or "undated")[:7] for a in articles)\n'
     'table(sorted(months.items()), columns=["month", "articles"])'),
    ("What can I ask? help(corpus)", "help(corpus)"),
)


class WidgetError(Exception):
    """The widget could not be built (Pyodide missing or not the pinned version, pyodide-build missing …)."""


@dataclass(frozen=True)
class Embed:
    """One file carried by classic scripts for file://: `chunks` scripts named embed/<name>.<i>.js."""

    name: str
    chunks: int
    size: int  # bytes once decoded
    embedded: int  # characters of base64 in its scripts


@dataclass(frozen=True)
class Runtime:
    folder: str  # "pyodide-<hash>/", relative to the site root
    files: dict[str, bytes]  # paths relative to the site root
    wheel: str
    embeds: tuple[Embed, ...]
    sizes: dict[str, int]  # what the worker downloads over http, for its progress bar

    def page(self) -> dict[str, object]:
        """What python.html needs: where the runtime is, what to load, the example queries."""
        return {
            "folder": self.folder,
            "wheel": self.wheel,
            "package": PACKAGE_NAME,
            "version": PYODIDE_VERSION,
            "embeds": json.dumps([[e.name, e.chunks, e.size, e.embedded] for e in self.embeds], separators=(",", ":")),
            "sizes": json.dumps(self.sizes, separators=(",", ":"), sort_keys=True),
            "examples": EXAMPLES,
        }


def widget_files(files: dict[str, bytes], pyodide: Path = PYODIDE, package: Path = PACKAGE) -> dict[str, bytes]:
    """The runtime folder, plus data/corpus.js made from the corpus.json in `files`."""
    out = dict(runtime(pyodide, package).files)
    out["data/corpus.js"] = embed_script("corpus.json", 0, 1, encode(files["data/corpus.json"]))
    return out


def widget_page(pyodide: Path = PYODIDE, package: Path = PACKAGE) -> dict[str, object]:
    """python.html's context (see Runtime.page)."""
    return runtime(pyodide, package).page()


def runtime(pyodide: Path = PYODIDE, package: Path = PACKAGE) -> Runtime:
    """The vendored runtime; rebuilt only when the npm package or lode_corpus changes."""
    return _runtime(pyodide, package, _inputs_digest(pyodide, package))


def _inputs_digest(pyodide: Path, package: Path) -> str:
    digest = hashlib.sha256()
    for path in [pyodide / name for name in (*RUNTIME_FILES, "pyodide.js", "pyodide-lock.json", "package.json")] + \
            package_sources(package):
        if not path.is_file():
            raise WidgetError(f"{path} is missing: `make site` installs the pinned npm package pyodide (npm ci)")
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=2)
def _runtime(pyodide: Path, package: Path, digest: str) -> Runtime:
    version = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    if version != PYODIDE_VERSION:
        raise WidgetError(
            f"node_modules/pyodide is {version}, Lode's widget is built for {PYODIDE_VERSION}: "
            "run `make site` (npm ci installs the pinned version), or check the file:// rewrite in extract/widget.py "
            "against the new release and update PYODIDE_VERSION"
        )
    plain = {name: (pyodide / name).read_bytes() for name in RUNTIME_FILES}
    wheel_name, wheel = build_wheel(package)
    lock = site_lock((pyodide / "pyodide-lock.json").read_bytes(), wheel_name, wheel)
    plain[wheel_name] = wheel
    plain["pyodide-lock.json"] = lock

    embedded = {
        "pyodide.js": classic_loader((pyodide / "pyodide.js").read_text(encoding="utf-8")).encode("utf-8"),
        "pyodide.asm.js": classic_runtime(plain["pyodide.asm.mjs"].decode("utf-8")).encode("utf-8"),
        "pyodide.asm.wasm": plain["pyodide.asm.wasm"],
        "python_stdlib.zip": plain["python_stdlib.zip"],
        "pyodide-lock.json": lock,
        wheel_name: wheel,
    }
    files = dict(plain)
    embeds = []
    for name, data in embedded.items():
        text = encode(data)
        chunks = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
        for index, chunk in enumerate(chunks):
            files[f"embed/{name}.{index}.js"] = embed_script(name, index, len(chunks), chunk)
        embeds.append(Embed(name, len(chunks), len(data), len(text)))
    files["NOTICE.txt"] = notice(wheel_name)

    content = hashlib.sha256()
    for path in sorted(files):
        content.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    folder = f"pyodide-{content.hexdigest()[:10]}/"
    sizes = {name: len(plain[name]) for name in ("pyodide.asm.wasm", "python_stdlib.zip", wheel_name)}
    return Runtime(folder, {folder + path: files[path] for path in sorted(files)}, wheel_name, tuple(embeds), sizes)


def package_sources(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def build_wheel(package: Path) -> tuple[str, bytes]:
    """lode_corpus as a pure-Python wheel: the same bytes for the same sources."""
    match = re.search(r'^__version__ = "([^"]+)"', (package / "__init__.py").read_text(encoding="utf-8"), re.M)
    if not match:
        raise WidgetError(f"{package / '__init__.py'}: no __version__ = \"…\" line")
    version = match.group(1)
    dist = f"lode_corpus-{version}.dist-info"
    entries = [(f"{package.name}/{p.relative_to(package).as_posix()}", p.read_bytes()) for p in package_sources(package)]
    entries += [
        (f"{dist}/METADATA", (
            "Metadata-Version: 2.1\n"
            f"Name: {PACKAGE_NAME}\n"
            f"Version: {version}\n"
            "Summary: Ask a Lode news corpus (data/corpus.json) questions in Python\n"
            "Requires-Python: >=3.12\n"
        ).encode()),
        (f"{dist}/WHEEL", b"Wheel-Version: 1.0\nGenerator: lode (extract/widget.py)\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{dist}/top_level.txt", f"{package.name}\n".encode()),
    ]
    record = "".join(f"{name},sha256={_record_digest(data)},{len(data)}\n" for name, data in entries)
    entries.append((f"{dist}/RECORD", (record + f"{dist}/RECORD,,\n").encode()))
    return f"lode_corpus-{version}-py3-none-any.whl", zip_bytes(entries)


def _record_digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def zip_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def site_lock(npm_lock: bytes, wheel_name: str, wheel: bytes) -> bytes:
    """The site's pyodide-lock.json: Pyodide's `info` (the ABI it checks) and our wheel, nothing else.

    The npm package lists 357 packages but ships none of their wheels; listing them would only
    turn `import numpy` into a failed download. `pyodide lockfile add-wheels` (pyodide-build)
    adds the wheel: its name, version, sha256 (checked by the browser on download) and imports.
    """
    info = json.loads(npm_lock)["info"]
    command = shutil.which("pyodide", path=str(Path(sys.executable).parent)) or shutil.which("pyodide")
    if command is None:
        raise WidgetError("pyodide-build is not installed (its `pyodide` command registers the widget's wheel): "
                          "run `make site`, which installs requirements.txt")
    with tempfile.TemporaryDirectory(prefix="lode-lock-") as scratch:
        folder = Path(scratch)
        (folder / "input.json").write_text(json.dumps({"info": info, "packages": {}}), encoding="utf-8")
        (folder / wheel_name).write_bytes(wheel)
        result = subprocess.run(
            [command, "lockfile", "add-wheels", "--input", "input.json", "--output", "pyodide-lock.json",
             "--base-path", ".", wheel_name],
            cwd=folder, capture_output=True, text=True, timeout=300,
        )
        if result.returncode != 0:
            raise WidgetError(f"pyodide lockfile add-wheels failed: {result.stderr.strip() or result.stdout.strip()}")
        lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    package = lock["packages"].get(PACKAGE_NAME)
    if not package or package["file_name"] != wheel_name or lock["info"] != info:
        raise WidgetError(f"pyodide lockfile add-wheels wrote an unexpected lock file: {lock}")
    return (json.dumps(lock, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def classic_runtime(source: str) -> str:
    """pyodide.asm.mjs as a classic script: `export default` becomes a global, `import.meta.url` a
    global the worker sets. Fails loudly if the text to rewrite is not exactly where it was."""
    if source.count(ASM_EXPORT) != 1 or not source.rstrip().endswith(ASM_EXPORT):
        raise WidgetError(f"pyodide.asm.mjs: expected it to end with {ASM_EXPORT!r}; the file:// rewrite needs checking")
    if source.count(IMPORT_META_URL) != 3:
        raise WidgetError(f"pyodide.asm.mjs: expected 3 uses of {IMPORT_META_URL} (found {source.count(IMPORT_META_URL)})")
    rewritten = source.replace(ASM_EXPORT, ASM_GLOBAL).replace(IMPORT_META_URL, ASM_URL_GLOBAL)
    if "import.meta" in rewritten or MODULE_SYNTAX.search(rewritten):
        raise WidgetError("pyodide.asm.mjs: module syntax left after the rewrite; the file:// recipe needs checking")
    return rewritten


def classic_loader(source: str) -> str:
    """pyodide.js is already a classic script that sets globalThis.loadPyodide; check that it still does."""
    if LOADER_GLOBAL not in source or "import.meta" in source:
        raise WidgetError(f"pyodide.js: expected a classic script setting {LOADER_GLOBAL!r}")
    return source


def encode(data: bytes) -> str:
    """gzip (no timestamp, so the same bytes every build), then base64."""
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def embed_script(name: str, index: int, count: int, chunk: str) -> bytes:
    return f"lodeEmbed({json.dumps(name)},{index},{count},\"{chunk}\");\n".encode("ascii")


def notice(wheel_name: str) -> bytes:
    return (
        f"Pyodide {PYODIDE_VERSION} (Mozilla Public License 2.0), from the npm package pyodide, unmodified:\n"
        f"  {', '.join(RUNTIME_FILES)}\n"
        "embed/ holds the same files gzipped and base64-encoded in classic scripts, for pages opened from disk;\n"
        "embed/pyodide.asm.js.* is pyodide.asm.mjs with its `export default` and `import.meta.url` rewritten.\n"
        f"{wheel_name} is Lode's own lode_corpus package; pyodide-lock.json lists it.\n"
    ).encode()
