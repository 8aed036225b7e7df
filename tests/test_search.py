"""extract/search.py (the index stage) and templates/static/search-engine.js (the browser engine).

The engine runs here under Node (tests/js/search_engine.js) over the files the stage writes,
and is compared with one lunr.js index of the same documents; tests/browser/test_search.py
does the same in Chromium, over http and from disk.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import extract.search as search
from bench.synthetic import generate
from extract.lunr_compat import build_index, dumps_index, js_sort_key
from extract.model import Article, Block, Entity, Mention
from extract.search import (
    FIELDS,
    LUNR_PATH,
    MANIFEST,
    WORKER_PATH,
    SearchError,
    build_search_files,
    display_records,
    fold,
    script_json,
    search_documents,
    search_files,
    vendored_lunr,
)

ROOT = Path(__file__).resolve().parent.parent
ENGINE_SCRIPT = ROOT / "tests" / "js" / "search_engine.js"
LUNR_SCRIPT = ROOT / "tests" / "js" / "build_lunr_index.js"


def make_article(number: int, title: str, text: str, source: str | None = "Test Wire", date: str | None = "2025-07-02",
                 mentions: tuple[tuple[str, str], ...] = ()) -> Article:
    """An article whose text is one paragraph; `mentions` are (surface text, entity id) found in it."""
    article_id = f"t{number}"
    found = tuple(Mention(article_id, text.index(surface), text.index(surface) + len(surface), surface, entity)
                  for surface, entity in mentions)
    return Article(id=article_id, file=article_id, source_path=f"{article_id}.md", path=f"articles/{article_id}.html",
                   title=title, blocks=(Block("paragraph", text),), source=source, authors=(), date=date, url=None,
                   language="en", mentions=found)


JETRO = Entity("jetro", "Japan External Trade Organization", "ORG", ("JETRO",), "entities/jetro.html")
KOMATSU = Entity("komatsu", "Komatsu", "ORG", (), "entities/komatsu.html")
WEDNESDAY = Entity("wednesday", "Wednesday", "DATE", (), "entities/wednesday.html")
ENTITIES = (JETRO, KOMATSU, WEDNESDAY)
ARTICLES = (
    make_article(0, "Trade agency courts investors", "Officials met JETRO in Tokyo on Wednesday to discuss money for mines.",
                 mentions=(("JETRO", "jetro"), ("Wednesday", "wednesday"))),
    make_article(1, "Komatsu's $440 million order", "Komatsu will supply trucks; the key day is Monday, every day counts.",
                 source="Mining Weekly", date="2025-06-27", mentions=(("Komatsu", "komatsu"),)),
    make_article(2, "Café owners and the Japan–Pakistan deal",
                 "Pakistan’s café trade grew after the U.S. talks; “Copper” exports rose by $11.7 billion. "
                 "Railway work is always slow today.", source=None, date=None),
    make_article(3, "ریکو ڈک کا مالک کون ہے؟", "ریکو ڈک منصوبہ بلوچستان میں ہے۔ 中国矿产 合作", source="Urdu Desk"),
    make_article(4, "Gold and lithium", "Gold prices rose as lithium battery makers tried again.", source="Mining Weekly"),
    make_article(5, "Copper and gold at the mine", "Gold, gold and copper: miners and a mining rush near the mine.",
                 date="2025-01-05"),
    make_article(6, "A JICA billion for roads", "The agency JICA lent a billion yen for roads and a railway.",
                 mentions=(("JICA", "jetro"),)),
)


# --- Node --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def node():
    """node(script, mode, request) -> the script's JSON answer."""
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("`node` is not on PATH: the search engine tests need Node.js 20 (apt-get install nodejs npm)")
    if not (ROOT / "node_modules" / "lunr" / "lunr.js").is_file():
        pytest.fail("node_modules/lunr is missing: run `npm ci` (make test does)")

    def run(script: Path, mode: str, request: Any, *args: str) -> Any:
        result = subprocess.run([executable, str(script), mode, *args], input=json.dumps(request), capture_output=True,
                                text=True, encoding="utf-8", cwd=ROOT, timeout=600)
        if result.returncode != 0:
            pytest.fail(f"node {script.name} {mode} failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout)

    return run


def write_site(files: dict[str, bytes], folder: Path) -> Path:
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(search_files(ARTICLES, ENTITIES), tmp_path_factory.mktemp("small"))


def engine_search(node, site: Path, queries: list[str], **options: Any) -> dict[str, Any]:
    return node(ENGINE_SCRIPT, "search", {"site": str(site), "queries": queries, **options})


def refs_found(answer: dict[str, Any]) -> list[str]:
    return [result["doc"]["p"].split("/")[-1].removesuffix(".html") for result in answer["results"]]


# --- folding -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "folded"), [
    ("Café naïve", "cafe naive"),  # accents go, so "cafe" finds "café" and back
    ("Japan–Pakistan — talks", "japan pakistan   talks"),  # dashes separate words
    ("Pakistan’s miners' union", "pakistans miners union"),  # lunr stems "pakistans" to "pakistan"
    ("“Copper” «gold» …", " copper   gold  ..."),  # NFKD spells the ellipsis "...": lunr trims it
    ("JICA/JETRO", "jica jetro"),
    ("U.S. $11.7 title:Copper +gold -lithium min* copper~1", "u.s. $11.7 title:copper +gold -lithium min* copper~1"),
    ("ریکو ڈک", "_1585__1740__1705__1608_ _1672__1705_"),  # Urdu words: kept, spelled in ASCII
    ("中国", " _20013_  _22269_ "),  # Chinese: one word per character
    ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
    ("ＪＩＣＡ ﬁnance", "jica finance"),  # NFKD: full-width letters, ligatures
    ("Altıntepe, Łódź, Bjørn, Straße", "altintepe, lodz, bjorn, strasse"),  # letters NFKD leaves whole, spelt out
])
def test_fold_makes_text_searchable_the_way_readers_write_it(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_in_the_browser_engine_equals_fold_here(node) -> None:
    # Every code point Python knows, one at a time, and text mixing scripts. The engine runs
    # the same rules with the JavaScript engine's Unicode data; only characters that data
    # assigns differently (newer Unicode versions) may fold differently.
    characters = [chr(code) for code in range(0x110000)
                  if not 0xD800 <= code <= 0xDFFF and unicodedata.category(chr(code)) not in ("Cn", "Co")]
    mixed = [article.title + " " + article.text for article in ARTICLES] + [
        "İstanbul ΟΔΟΣ Σ Straße ǅ ŉ ´ Ⅻ ½ 😀s x😀y 𝐀𝐁𝐂 e\u0301clair क्षत्रिय ٣٤ هـ",
    ]
    theirs = node(ENGINE_SCRIPT, "fold", {"texts": characters + mixed})
    ours = [fold(text) for text in characters + mixed]
    differing = [(f"U+{ord(text):04X}" if len(text) == 1 else text, o, t)
                 for text, o, t in zip(characters + mixed, ours, theirs, strict=True) if o != t]
    assert ours[len(characters):] == theirs[len(characters):]
    # Unicode recategorised a few of these since Python 3.13's 15.1 (U+1171E, Mn -> Mc, in 16.0).
    assert len(differing) <= 5, differing[:20]


# --- what is indexed ---------------------------------------------------------------


def test_articles_are_indexed_by_title_body_names_and_source_then_entities_by_names() -> None:
    documents = search_documents(ARTICLES, ENTITIES)
    assert [d["id"] for d in documents] == [str(n) for n in range(len(ARTICLES) + len(ENTITIES))]
    first = documents[0]
    assert first["title"] == "trade agency courts investors"
    assert first["body"].startswith("officials met jetro in tokyo")
    assert first["names"] == "japan external trade organization\njetro\nwednesday"  # names and aliases of what it mentions
    assert first["source"] == "test wire"
    jetro = documents[len(ARTICLES)]
    assert jetro == {"id": str(len(ARTICLES)), "title": "japan external trade organization",
                     "names": "japan external trade organization\njetro"}
    assert [field.name for field in FIELDS] == ["title", "body", "names", "source"]
    assert FIELDS[0].boost > FIELDS[2].boost > FIELDS[1].boost


def test_result_records_hold_what_a_result_shows() -> None:
    records = display_records(ARTICLES, ENTITIES)
    assert records[1] == {"k": "a", "t": "Komatsu's $440 million order", "s": "Mining Weekly", "d": "2025-06-27",
                          "p": "articles/t1.html", "x": ARTICLES[1].text}
    assert records[2]["s"] == "" and records[2]["d"] == ""
    assert records[len(ARTICLES)] == {"k": "e", "t": "Japan External Trade Organization", "s": "Organisation", "d": "",
                                      "p": "entities/jetro.html", "x": "", "a": ["JETRO"], "c": 2}


def test_the_python_built_index_is_the_one_lunr_js_builds(node) -> None:
    generated = generate(60, seed=2, words=80)
    documents = search_documents(ARTICLES, ENTITIES) + search_documents(generated.articles, generated.entities)
    for number, document in enumerate(documents):
        document["id"] = str(number)
    ordered = sorted(documents, key=lambda document: js_sort_key(document["id"]))
    spec = {"ref": "id", "fields": [{"name": f.name, "boost": f.boost} for f in FIELDS], "documents": ordered}
    result = subprocess.run(["node", str(LUNR_SCRIPT), "build", "-"], input=json.dumps(spec), capture_output=True,
                            text=True, encoding="utf-8", cwd=ROOT, timeout=600, check=True)
    assert dumps_index(build_index(documents, ref="id", fields=FIELDS)) == result.stdout


# --- the files ---------------------------------------------------------------------


def parse_data_script(text: str) -> list[Any]:
    """The [kind, key, value] a data script pushes (the files are JSON inside one fixed wrapper)."""
    prefix, suffix = "(self.LODE_SEARCH=self.LODE_SEARCH||[]).push(", ");\n"
    assert text.startswith(prefix) and text.endswith(suffix)
    return json.loads(text[len(prefix):-len(suffix)])


def test_shards_hold_every_posting_and_score_of_the_single_index_in_term_order() -> None:
    corpus = generate(150, seed=4, words=120)
    documents = search_documents(corpus.articles, corpus.entities)
    files = build_search_files(documents, display_records(corpus.articles, corpus.entities), len(corpus.articles),
                               shard_bytes=3000)
    _, _, manifest = parse_data_script(files[MANIFEST])
    assert manifest["docs"] == len(documents) and manifest["articles"] == 150
    assert manifest["fields"] == ["title", "body", "names", "source"]
    folder = manifest["folder"]
    assert re.fullmatch(r"search/[0-9a-f]{12}/", folder)
    shards = [parse_data_script(files[f"{folder}shards/{n}.js"]) for n in range(len(manifest["shards"]))]
    assert len(shards) > 20
    assert [first for first, _ in manifest["shards"]] == [entries[0][0] for _, _, entries in shards]
    assert [size for _, size in manifest["shards"]] == [len(files[f"{folder}shards/{n}.js"].encode()) for n in range(len(shards))]
    for _, _, entries in shards:
        text_size = sum(len(script_json(entry)) for entry in entries) + len(entries) - 1  # and the commas
        assert text_size <= 3000 or len(entries) == 1  # cut at the size, unless one term is bigger

    single = build_index(documents, ref="id", fields=FIELDS)
    vectors = {field_ref: dict(zip(elements[::2], elements[1::2], strict=True)) for field_ref, elements in single["fieldVectors"]}
    entries = [entry for _, _, shard_entries in shards for entry in shard_entries]
    assert [entry[0] for entry in entries] == [term for term, _ in single["invertedIndex"]]  # all terms, lunr's order
    for entry, (_, posting) in zip(entries, single["invertedIndex"], strict=True):
        assert entry[1] == posting["_index"]
        for position, field in enumerate(manifest["fields"]):
            flat = entry[2 + position] if 2 + position < len(entry) else []
            refs, ref = [], 0
            for delta, thousandths in zip(flat[::2], flat[1::2], strict=True):
                ref += delta
                refs.append(str(ref))
                assert thousandths / 1000 == vectors[f"{field}/{ref}"][posting["_index"]]
            assert refs == sorted(posting[field], key=int)


def test_every_document_has_a_record_and_search_data_is_one_versioned_folder() -> None:
    files = search_files(ARTICLES, ENTITIES)
    _, _, manifest = parse_data_script(files[MANIFEST].decode())
    folder = manifest["folder"]
    assert set(files) == {MANIFEST, LUNR_PATH, WORKER_PATH} | {
        f"{folder}shards/{n}.js" for n in range(len(manifest["shards"]))} | {
        f"{folder}docs/{n}.js" for n in range(len(ARTICLES) + len(ENTITIES))}
    kind, key, record = parse_data_script(files[f"{folder}docs/0.js"].decode())
    assert (kind, key, record["t"], record["p"]) == ("doc", 0, "Trade agency courts investors", "articles/t0.html")
    lunr = (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes()
    assert files[LUNR_PATH] == lunr
    # The worker's code, as one string: lunr.js, then the engine.
    kind, key, code = parse_data_script(files[WORKER_PATH].decode())
    assert (kind, key) == ("code", "worker")
    assert code == lunr.decode() + "\n;\n" + (ROOT / "templates" / "static" / "search-engine.js").read_text()


def test_the_same_corpus_gives_the_same_bytes_and_a_change_gives_a_new_folder() -> None:
    first, second = search_files(ARTICLES, ENTITIES), search_files(ARTICLES, ENTITIES)
    assert first == second
    edited = (make_article(0, "Trade agency courts investors", "Officials met JETRO in Osaka."),) + ARTICLES[1:]
    third = search_files(edited, ENTITIES)
    assert third[MANIFEST] != first[MANIFEST]
    assert not {path for path in third if "/docs/" in path} & {path for path in first if "/docs/" in path}


def test_the_index_is_cached_nothing_changed_nothing_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = search_files(ARTICLES, ENTITIES, tmp_path)
    assert list((tmp_path / "search").rglob("*.json"))

    def no_building(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was rebuilt although nothing changed")

    monkeypatch.setattr(search, "index_postings", no_building)
    assert search_files(ARTICLES, ENTITIES, tmp_path) == built
    changed = ARTICLES[:-1] + (make_article(6, "A JICA billion for bridges", "JICA lent a billion yen for bridges."),)
    with pytest.raises(AssertionError, match="rebuilt"):
        search_files(changed, ENTITIES, tmp_path)  # a changed article is rebuilt
    with pytest.raises(AssertionError, match="rebuilt"):
        search_files(ARTICLES, ENTITIES, tmp_path, shard_bytes=1000)  # so is another shard size


def test_corpus_text_cannot_break_out_of_the_search_scripts(node, tmp_path: Path) -> None:
    hostile = "</script><script>alert(1)</script> <!-- \u2028\u2029 & <img src=x onerror=alert(2)>"
    articles = (make_article(0, hostile, hostile + " copper", source=hostile),)
    entity = Entity("evil", "</SCRIPT>", "ORG", ("<b>x</b>",), "entities/evil.html")
    files = search_files(articles, (entity,))
    for path, data in files.items():
        if path == LUNR_PATH:
            continue
        text = data.decode("utf-8")
        assert not re.search(r"[<>&\u2028\u2029]", text), path
    site = write_site(files, tmp_path)
    answer = engine_search(node, site, ["copper", "script"])
    assert answer["copper"]["results"][0]["doc"]["t"] == hostile  # the text itself survives, as text
    assert answer["copper"]["results"][0]["doc"]["s"] == hostile
    assert script_json({"a": "</script>\u2028"}) == '{"a":"\\u003c/script\\u003e\\u2028"}'
    assert json.loads(script_json(["</script>", "\ud800"])) == ["</script>", "\ud800"]


def test_a_missing_or_other_lunr_js_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SearchError, match="npm package lunr"):
        vendored_lunr(tmp_path / "lunr.min.js")
    (tmp_path / "lunr.min.js").write_text("/**\n * lunr - http://lunrjs.com - 2.3.8\n */")
    with pytest.raises(SearchError, match="not lunr.js 2.3.9"):
        vendored_lunr(tmp_path / "lunr.min.js")


# --- the engine, under Node --------------------------------------------------------


def test_words_lunr_py_stems_differently_find_their_articles_with_lunr_js(node, small_site: Path) -> None:
    answers = engine_search(node, small_site, ["money", "day", "key", "Wednesday", "today", "railway", "always"],
                            kind="article")
    assert refs_found(answers["money"]) == ["t0"]
    assert refs_found(answers["day"]) == ["t1"]
    assert refs_found(answers["key"]) == ["t1"]
    assert refs_found(answers["Wednesday"]) == ["t0"]
    assert refs_found(answers["today"]) == refs_found(answers["always"]) == ["t2"]
    assert refs_found(answers["railway"]) == ["t6", "t2"]  # the shorter text first


def test_what_lunr_js_alone_cannot_find_is_found(node, small_site: Path) -> None:
    queries = ["cafe", "Café", "japan", "pakistan", "Pakistan's", "copper", "U.S.", "11.7", "ریکو", "کا مالک", "矿", "Komatsu’s"]
    answers = engine_search(node, small_site, queries, kind="article")
    assert refs_found(answers["cafe"]) == refs_found(answers["Café"]) == ["t2"]
    assert refs_found(answers["japan"]) == ["t2", "t6", "t0"]  # "Japan–Pakistan" in t2's title; the others name JETRO
    assert refs_found(answers["pakistan"]) == refs_found(answers["Pakistan's"]) == ["t2"]  # "Pakistan’s" in the text
    assert refs_found(answers["copper"])[-1] == "t2"  # “Copper” in curly quotes (after t5, which has it in the title)
    assert refs_found(answers["U.S."]) == refs_found(answers["11.7"]) == ["t2"]
    assert refs_found(answers["ریکو"]) == refs_found(answers["کا مالک"]) == refs_found(answers["矿"]) == ["t3"]
    assert refs_found(answers["Komatsu’s"]) == ["t1"]


def test_lunr_query_syntax_works_and_mistakes_are_reported(node, small_site: Path) -> None:
    queries = ["title:copper", "+gold -lithium", "min*", "coper~1", "title:", "colour:red", "gold^x", "-", "the", "zzzz"]
    answers = engine_search(node, small_site, queries, kind="article")
    assert refs_found(answers["title:copper"]) == ["t5"]
    assert refs_found(answers["+gold -lithium"]) == ["t5"]
    assert set(refs_found(answers["min*"])) == {"t0", "t1", "t4", "t5"}  # mines, million, mining, mine, Mining Weekly
    assert refs_found(answers["coper~1"]) == ["t5", "t2"]
    for broken in ("title:", "colour:red", "gold^x", "-"):
        assert answers[broken]["error"] == "syntax", broken
    assert "unrecognised field 'colour'" in answers["colour:red"]["message"]
    assert answers["the"] == answers["zzzz"] == {"total": 0, "results": []}


def test_entities_are_found_by_name_and_alias(node, small_site: Path) -> None:
    answers = engine_search(node, small_site, ["JETRO", "trade organization", "komatsu", "wednesday"], kind="entity")
    assert refs_found(answers["JETRO"]) == refs_found(answers["trade organization"]) == ["jetro"]
    assert refs_found(answers["komatsu"]) == ["komatsu"]
    assert refs_found(answers["wednesday"]) == ["wednesday"]
    articles = engine_search(node, small_site, ["JETRO"], kind="article")["JETRO"]
    assert refs_found(articles) == ["t0", "t6"]  # t6 says JICA, which links to the same entity here


def test_results_report_the_terms_and_fields_they_matched(node, small_site: Path) -> None:
    result = engine_search(node, small_site, ["mining gold"], kind="article", limit=1)["mining gold"]["results"][0]
    assert result["doc"]["p"] == "articles/t5.html"
    assert set(result["terms"]) == {"mine", "gold"}
    assert set(result["fields"]) == {"title", "body"}


def test_a_search_too_broad_for_the_size_limit_is_refused(node, small_site: Path) -> None:
    answers = engine_search(node, small_site, ["*", "copper"], maxLoad=100)
    assert answers["*"]["error"] == "broad"
    assert answers["copper"]["error"] == "broad"  # the whole (one-shard) index is over 100 bytes
    assert engine_search(node, small_site, ["*"])["*"]["total"] == len(ARTICLES) + len(ENTITIES)  # but 3 MB is enough


@pytest.mark.parametrize("normalise", [True, False])
def test_sharded_engine_ranks_exactly_like_one_lunr_js_index(node, tmp_path: Path, normalise: bool) -> None:
    corpus = generate(400, seed=11, words=100)
    documents = search_documents(corpus.articles, corpus.entities)
    files = build_search_files(documents, display_records(corpus.articles, corpus.entities), len(corpus.articles),
                               shard_bytes=2500)
    site = write_site({path: text.encode() for path, text in files.items()}, tmp_path)
    queries = ["copper", "gold mine", "money", "day", "wednesday key", "title:copper", "+gold -lithium", "-copper",
               "min*", "ka*", "*ri", "k*ri", "copper~1", "project^5 gold", "names:khan", "source:briefs", "mining weekly",
               "+copper +gold +said", "said", "zzzz", "the", corpus.entities[0].name, corpus.entities[3].aliases[0]
               if corpus.entities[3].aliases else corpus.entities[3].name]
    queries += [" ".join(article.title.split()[1:4]) for article in corpus.articles[:12]]
    answers = node(ENGINE_SCRIPT, "compare", {
        "site": str(site), "documents": documents, "fields": [{"name": f.name, "boost": f.boost} for f in FIELDS],
        "queries": queries, "normalise": normalise,
    })
    for query, answer in answers.items():
        assert answer["engine"] == answer["single"], query  # same documents, same order, the same scores to the bit
    assert sum(len(answer["engine"]) for answer in answers.values()) > 5000


def test_snippets_cut_around_the_matches_and_mark_words_not_punctuation(node) -> None:
    text = ("One two three four five six seven eight nine ten eleven twelve. The miners’ (copper) deal, "
            "and mining copper-gold ore; fourteen fifteen sixteen seventeen eighteen nineteen twenty.")
    pieces = node(ENGINE_SCRIPT, "snippet", {"text": text, "terms": ["copper", "mine", "miner"], "words": 10})
    assert "".join(piece for piece, _ in pieces) == "… eleven twelve. The miners’ (copper) deal, and mining copper-gold …"
    assert [piece for piece, match in pieces if match] == ["miners", "copper", "mining", "copper"]
    whole = node(ENGINE_SCRIPT, "snippet", {"text": "Gold <b>x</b> & gold.", "terms": ["gold"], "words": 0})
    assert whole == [["Gold", True], [" <b>x</b> & ", False], ["gold", True], [".", False]]
