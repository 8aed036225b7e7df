"""Stage 6, index: articles and entities -> the search files, as {path: bytes}.

Readers search in their browser with lunr.js 2.3.9; the index is built here with
lunr.py through lunr_compat, which builds exactly what lunr.js would. One lunr index
costs ~2 KB gzipped per article and is downloaded whole, so it is split for the
browser, which fetches only what a query needs:

  search/index.js             the manifest: fields, document counts, the term each
                              shard begins with.
  search/lunr.min.js          lunr.js itself, copied from node_modules (never a CDN).
  search/worker.js            lunr.js and the engine as one string, for the page to start
                              a Web Worker from (a worker cannot be loaded from file://).
  search/<v>/shards/<i>.js    a run of consecutive terms (in lunr's sorted order), each
                              with its term number and, per field, the documents that
                              have it and lunr's score for it there.
  search/<v>/docs/<n>.js      one document: what a result shows (title, source, date,
                              path, and the text the snippet is cut from).

<v> is a hash of those files, so a browser never mixes two builds. Every file is a
classic script pushing its data onto `self.LODE_SEARCH`: the one way to hand data to
a page opened from disk, where fetch() and module scripts are blocked - and the same
code path on a web server.

The browser (templates/static/search-engine.js) rebuilds from the shards it loaded a
lunr.Index holding just those terms - postings, token set, and field vectors holding
those terms' entries under the index's own term numbers - and lets lunr.js parse,
expand, match and score as it always does. That gives lunr's own scores: lunr 2.3.9
scores a field by the dot product of the query vector with the field's vector, divided
by the *query* vector's norm, so a field vector's entries for terms outside the query
never count. tests/browser/test_search.py compares the results with one lunr.js index.

Text is folded (`fold`) before lunr sees it, in the index here and in queries there,
because lunr.js's pipeline is built for ASCII English: its trimmer strips only ASCII
punctuation, so "café" is indexed as "caf" and a whole Urdu or Chinese word as the
empty term; and only whitespace and "-" separate words, so "Japan–Pakistan" (en dash)
or "“Copper”" (curly quotes) are single terms that "japan" or "copper" never find.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import lunr_compat
from .cache import JsonCache, key_of
from .lunr_compat import LUNR_JS_VERSION, FieldSpec, index_postings, js_lower
from .model import TYPE_LABELS, Article, Entity
from .paths import LATIN_LETTERS
from .progress import Progress

ROOT = Path(__file__).resolve().parent.parent
LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.min.js"
ENGINE_JS = ROOT / "templates" / "static" / "search-engine.js"

FORMAT = 1  # of the files below; the browser refuses a manifest of another format
# Title matches weigh most; a name the article mentions (with its aliases) more than a word
# of the body; the source (publication) name a little more, as it is short and deliberate.
FIELDS: tuple[FieldSpec, ...] = (FieldSpec("title", boost=10), FieldSpec("body"), FieldSpec("names", boost=4),
                                 FieldSpec("source", boost=2))
SHARD_BYTES = 48_000  # a shard is cut once it holds this much (one term's postings may make it larger)
MANIFEST = "search/index.js"
LUNR_PATH = "search/lunr.min.js"
WORKER_PATH = "search/worker.js"


class SearchError(Exception):
    """The search index cannot be built (e.g. lunr.js is not installed)."""


# --- folding ----------------------------------------------------------------------

# Deleted, not turned into a space, so that "Pakistan’s" and "Pakistan's" become "pakistans",
# which lunr stems to "pakistan" (lunr.js alone would keep "pakistan’" / "pakistan'").
APOSTROPHES = "'`\u00b4\u2018\u2019\u02bc"
_DELETE_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
# Han, kana and their symbols: written without spaces, so each character is made a word.
_CJK = re.compile("[\u2e80-\u2fdf\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_NON_ASCII = re.compile("[^\x00-\x7f]+")


@lru_cache(maxsize=1 << 14)
def _fold_character(character: str) -> str:
    category = unicodedata.category(character)
    if category in ("Mn", "Cf"):  # accents left by NFKD; invisible format characters (ZWNJ, soft hyphen)
        return ""
    if category[0] in "PSZ" or category == "Cc":  # punctuation, symbols, spaces, controls
        return " "
    # A letter or digit lunr.js would trim away: spelled in ASCII word characters that its
    # stemmer leaves alone (no vowel, no final s/y/e, nothing any suffix rule ends with).
    code = f"_{ord(character)}_"
    return f" {code} " if _CJK.match(character) else code


def fold(text: str) -> str:
    """Text as Lode hands it to lunr, in the index and (search-engine.js's `fold`) in queries.

    Lowercased like lunr.js; apostrophes deleted; Latin letters without an accent to drop spelt out
    ("ı" -> "i", "ø" -> "o", "ß" -> "ss", as in slugs); NFKD with the accents removed ("café" ->
    "cafe"); non-ASCII punctuation, symbols and spaces, and "/", made spaces ("Japan–Pakistan",
    "“copper”", "JICA/JETRO"); Han and kana characters made words of their own; any other
    non-ASCII character spelled "_<code point>_". ASCII is otherwise unchanged, so lunr's query
    syntax (+ - : * ~ ^) survives folding. Both versions apply the Unicode data of their runtime
    (Python 3.13: 15.1; the browser's ICU: newer), so characters assigned since can differ.
    """
    text = js_lower(text).translate(_DELETE_APOSTROPHES).translate(LATIN_LETTERS)  # "altıntepe" -> "altintepe"
    text = unicodedata.normalize("NFKD", text).translate(_DELETE_APOSTROPHES).replace("/", " ")
    return _NON_ASCII.sub(lambda run: "".join(map(_fold_character, run[0])), text)


# --- the documents ------------------------------------------------------------------


def search_documents(articles: Sequence[Article], entities: Sequence[Entity]) -> list[dict[str, str]]:
    """What lunr indexes: articles first, then entities, numbered in that order ("0", "1", ...).

    An article's `names` are the names and aliases of every entity it mentions, so a search for
    "JETRO" finds an article that only ever says "Japan External Trade Organization". An entity
    is indexed by its name (title) and its name and aliases (names).
    """
    by_id = {entity.id: entity for entity in entities}
    documents: list[dict[str, str]] = []
    for article in articles:
        mentioned = sorted({m.entity for m in article.mentions}, key=lambda entity_id: (by_id[entity_id].name, entity_id))
        names = "\n".join(name for entity_id in mentioned for name in (by_id[entity_id].name, *by_id[entity_id].aliases))
        documents.append({
            "id": str(len(documents)),
            "title": fold(article.title),
            "body": fold(article.text),
            "names": fold(names),
            "source": fold(article.source or ""),
        })
    for entity in entities:
        documents.append({
            "id": str(len(documents)),
            "title": fold(entity.name),
            "names": fold("\n".join((entity.name, *entity.aliases))),
        })
    return documents


def display_records(articles: Sequence[Article], entities: Sequence[Entity]) -> list[dict[str, Any]]:
    """What a result shows, in document order: k(ind), t(itle), s(ource or type), d(ate), p(ath), x (text)."""
    counts = Counter(entity_id for article in articles for entity_id in {m.entity for m in article.mentions})
    records: list[dict[str, Any]] = []
    for article in articles:
        records.append({"k": "a", "t": article.title, "s": article.source or "", "d": article.date or "",
                        "p": article.path, "x": article.text})
    for entity in entities:
        records.append({"k": "e", "t": entity.name, "s": TYPE_LABELS[entity.type][0], "d": "", "p": entity.path,
                        "x": "", "a": list(entity.aliases), "c": counts[entity.id]})
    return records


# --- escaping -----------------------------------------------------------------------

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_PATTERN = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def script_json(value: object) -> str:
    """`value` as JSON that is safe inside any script, inline or not.

    "<", ">" and "&" become \\u escapes, so corpus text can never close a <script> element
    ("</script>") or open an HTML comment ("<!--"); U+2028 and U+2029, which older JavaScript
    did not allow in string literals, are escaped too, and lone surrogates (which UTF-8 cannot
    encode). The result is still JSON, and parses to exactly `value`.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    def escape(match: re.Match[str]) -> str:
        character = match[0]
        return _SCRIPT_UNSAFE.get(character) or f"\\u{ord(character):04x}"

    return _SCRIPT_UNSAFE_PATTERN.sub(escape, text)


def data_script(kind: str, key: object, value: object) -> str:
    """A classic script handing one piece of search data to the page (or worker) that loads it."""
    return f"(self.LODE_SEARCH=self.LODE_SEARCH||[]).push([{script_json(kind)},{script_json(key)},{script_json(value)}]);\n"


# --- the index ----------------------------------------------------------------------


def build_search_files(
    documents: Sequence[dict[str, str]], records: Sequence[dict[str, Any]], articles: int, shard_bytes: int = SHARD_BYTES,
) -> dict[str, str]:
    """The search files (manifest, shards, documents) as text, from search_documents and
    display_records (`articles` of them are articles); see the module's docstring."""
    fields = [field.name for field in FIELDS]
    index = index_postings(documents, ref="id", fields=FIELDS)

    # Postings, with scores, come from the field vectors: each holds [term number, score, ...]
    # for every term of one field of one document.
    postings: dict[int, list[list[tuple[int, int]]]] = {}
    for field_ref, elements in index.field_vectors:
        field, ref = field_ref.split("/", 1)
        position, number = fields.index(field), int(ref)
        for i in range(0, len(elements), 2):
            score = elements[i + 1]
            thousandths = round(score * 1000)
            if thousandths / 1000 != score:  # lunr rounds every score to 3 decimals (Math.round(x * 1000) / 1000)
                raise SearchError(f"unexpected lunr score {score!r}")
            postings.setdefault(elements[i], [[] for _ in fields])[position].append((number, thousandths))

    entries = []
    for term, number in index.terms:
        coded = []
        for slot in postings.get(number, [[] for _ in fields]):
            flat, previous = [], 0
            for ref, thousandths in sorted(slot):
                flat += [ref - previous, thousandths]
                previous = ref
            coded.append(flat)
        while coded and not coded[-1]:
            coded.pop()
        entries.append((term, script_json([term, number, *coded])))

    shards: list[tuple[str, list[str]]] = []
    size = 0
    for term, text in entries:
        if not shards or size + len(text) > shard_bytes:
            shards.append((term, []))
            size = 0
        shards[-1][1].append(text)
        size += len(text) + 1

    body: dict[str, str] = {}
    for number, (_, texts) in enumerate(shards):
        body[f"shards/{number}.js"] = (
            f"(self.LODE_SEARCH=self.LODE_SEARCH||[]).push([\"shard\",{number},[" + ",".join(texts) + "]]);\n"
        )
    for number, record in enumerate(records):
        body[f"docs/{number}.js"] = data_script("doc", number, record)
    digest = hashlib.sha256()
    for path in sorted(body):
        digest.update(path.encode() + b"\0" + body[path].encode() + b"\0")
    folder = f"search/{digest.hexdigest()[:12]}/"
    manifest = {
        "format": FORMAT,
        "lunr": LUNR_JS_VERSION,
        "fields": fields,
        "docs": len(documents),
        "articles": articles,
        "folder": folder,
        "shards": [[first, len(body[f"shards/{number}.js"].encode())] for number, (first, _) in enumerate(shards)],
    }
    return {MANIFEST: data_script("manifest", FORMAT, manifest), **{folder + path: text for path, text in body.items()}}


def vendored_lunr(path: Path = LUNR_JS) -> bytes:
    """lunr.min.js from the pinned npm package, checked to be the version the index is built for."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SearchError(f"{path} is missing ({error.strerror}): `make site` installs the pinned npm package lunr") from error
    if f" - {LUNR_JS_VERSION}\n".encode() not in data[:200]:
        raise SearchError(f"{path} is not lunr.js {LUNR_JS_VERSION}: run `npm ci` to install the pinned version")
    return data


def search_files(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    cache: Path | None = None,
    *,
    shard_bytes: int = SHARD_BYTES,
    lunr_js: Path = LUNR_JS,
    engine_js: Path = ENGINE_JS,
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """The search index, document store and lunr.js as site files. Built once per content:
    with the same articles, entities and code, the files come from the cache in `cache`."""
    progress = progress or Progress()
    progress.stage("index", len(articles) + len(entities))
    documents, records = search_documents(articles, entities), display_records(articles, entities)
    store = JsonCache(cache, "search")
    # Everything the files depend on: the documents, what results show, the code that builds them.
    key = key_of(Path(__file__).read_text(encoding="utf-8"), Path(lunr_compat.__file__).read_text(encoding="utf-8"),
                 str(shard_bytes), json.dumps([documents, records], ensure_ascii=False))
    files = store.get(key)
    if not isinstance(files, dict):
        files = build_search_files(documents, records, len(articles), shard_bytes)
        store.put(key, files)
    progress.advance(len(articles) + len(entities))
    lunr = vendored_lunr(lunr_js)
    # The worker's code: lunr.js, then the engine, which starts serving when it finds itself in a worker.
    worker = data_script("code", "worker", lunr.decode("utf-8") + "\n;\n" + engine_js.read_text(encoding="utf-8"))
    return {LUNR_PATH: lunr, WORKER_PATH: worker.encode("utf-8"), **{path: text.encode("utf-8") for path, text in files.items()}}

