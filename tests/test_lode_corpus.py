"""lode_corpus under CPython: the same package the Python widget runs in the browser.

A small hand-written corpus (tests/fixtures/widget/corpus.json, with entities, aliases, figures and
mentions) pins the API down; the default site's built corpus.json checks it against real data.
"""

from __future__ import annotations

import io
import json
import pydoc
from pathlib import Path

import pytest

import lode_corpus
from lode_corpus import Corpus, Table, _widget, load, table

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "widget" / "corpus.json"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(FIXTURE)


@pytest.fixture
def document() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_a_corpus_loads_from_a_path_text_bytes_a_file_or_a_dict(document: dict) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    for source in (FIXTURE, str(FIXTURE), text, text.encode("utf-8"), io.StringIO(text), document):
        loaded = load(source)
        assert [a.id for a in loaded.articles] == ["harbour-deal", "rare-earths-survey", "council-note"]
        assert len(loaded.entities) == 6
    assert load(FIXTURE).site["title"] == "Port Vell Test Corpus"


def test_a_missing_corpus_file_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="build the site first"):
        load(tmp_path / "nothing.json")
    with pytest.raises(ValueError, match="not a Lode corpus"):
        load({"site": {}})


def test_a_mention_of_an_unknown_entity_is_an_error(document: dict) -> None:
    document["articles"][0]["mentions"][0]["entity"] = "nobody"
    with pytest.raises(ValueError, match="'nobody', which is not in 'entities'"):
        load(document)


def test_articles_are_a_sequence_indexed_by_position_slice_or_id(corpus: Corpus) -> None:
    articles = corpus.articles
    assert len(articles) == 3
    assert articles[0].title.startswith("Harbour authority signs")
    assert articles[-1].id == "council-note"
    assert [a.id for a in articles[1:]] == ["rare-earths-survey", "council-note"]
    assert type(articles[1:]) is type(articles)
    assert articles["rare-earths-survey"].date == "2025-05-10"
    assert "council-note" in articles
    with pytest.raises(KeyError, match="did you mean 'council-note'"):
        articles["council-notes"]


def test_an_article_has_its_fields_mentions_and_entities_in_order(corpus: Corpus) -> None:
    article = corpus.articles["harbour-deal"]
    assert (article.source, article.author, article.language, article.url) == (
        "Coast Daily", "A. Writer", "en", "https://example.org/harbour")
    assert [m.text for m in article.mentions] == [
        "Harbour Authority of Port Vell", "$12 million", "Tidewater Works", "Tidewater Works", "TW"]
    for mention in article.mentions:
        assert article.text[mention.start:mention.end] == mention.text
    assert [e.id for e in article.entities] == ["harbour-authority", "money-12m", "tidewater-works"]
    assert article.mentions[1].value == {"amount": 12000000, "currency": "USD"}
    assert article.mentions[0].value is None


def test_mentioning_finds_articles_by_entity_name_alias_or_object(corpus: Corpus) -> None:
    articles = corpus.articles
    expected = ["harbour-deal", "council-note"]
    assert [a.id for a in articles.mentioning("Tidewater Works")] == expected
    assert [a.id for a in articles.mentioning("TW")] == expected
    assert [a.id for a in articles.mentioning("tidewater works")] == expected
    assert [a.id for a in articles.mentioning(corpus.entities["tidewater-works"])] == expected
    both = articles.mentioning("Tidewater Works", "HAPV")
    assert [a.id for a in both] == ["harbour-deal"]


def test_mentioning_text_that_is_not_an_entity_matches_the_words(corpus: Corpus) -> None:
    # "budget" names no entity: the articles containing the word are found instead.
    assert [a.id for a in corpus.articles.mentioning("budget")] == ["council-note"]
    assert [a.id for a in corpus.articles.containing("rare earth")] == ["harbour-deal", "rare-earths-survey"]


def test_where_filters_on_fields_functions_or_a_test(corpus: Corpus) -> None:
    articles = corpus.articles
    assert [a.id for a in articles.where(source="Coast Daily")] == ["harbour-deal", "rare-earths-survey"]
    assert [a.id for a in articles.where(date=None)] == ["council-note"]
    assert [a.id for a in articles.where(date=lambda d: d is not None and d >= "2025-04")] == ["rare-earths-survey"]
    assert [a.id for a in articles.where(lambda a: "budget" in a.text)] == ["council-note"]
    assert [a.id for a in articles.where(source="Coast Daily", author="A. Writer")] == ["harbour-deal"]
    with pytest.raises(TypeError, match="no field 'publisher'"):
        articles.where(publisher="x")


def test_count_by_counts_articles_per_value_most_first(corpus: Corpus) -> None:
    assert corpus.articles.count_by("source") == [("Coast Daily", 2), ("Town Hall Bulletin", 1)]
    assert corpus.articles.count_by(lambda a: (a.date or "undated")[:4]) == [("2025", 2), ("unda", 1)]


def test_entities_are_found_by_name_alias_or_id_in_any_case(corpus: Corpus) -> None:
    entities = corpus.entities
    authority = entities["Harbour Authority of Port Vell"]
    assert entities["HAPV"] is authority
    assert entities["harbour authority"] is authority
    assert entities["harbour-authority"] is authority
    assert "TW" in entities and "nobody" not in entities
    assert authority.name == "Harbour Authority of Port Vell"
    assert authority.type == "ORG"
    assert authority.aliases == ("Harbour Authority", "HAPV")
    with pytest.raises(KeyError, match="did you mean 'Port Vell'"):
        entities["Port Vel"]


def test_top_ranks_by_articles_then_mentions(corpus: Corpus) -> None:
    entities = corpus.entities
    assert [e.id for e in entities.top(3)] == ["tidewater-works", "harbour-authority", "money-12m"]
    assert [e.id for e in entities.top(10, type="ORG")] == ["tidewater-works", "harbour-authority", "northern-survey"]
    assert [e.id for e in entities.top(10, type="org")] == [e.id for e in entities.top(10, type="ORG")]
    assert len(entities.top(2)) == 2
    assert entities.types[0] == ("ORG", 3)


def test_an_entity_knows_its_articles_and_mentions_in_context(corpus: Corpus) -> None:
    tidewater = corpus.entities["Tidewater Works"]
    assert [a.id for a in tidewater.articles] == ["harbour-deal", "council-note"]
    assert len(tidewater.mentions) == 4
    first = tidewater.mentions[0]
    assert first.article.id == "harbour-deal"
    # Context stops at the paragraph's end and starts at a word boundary.
    assert first.context() == "… of Port Vell signed a $12 million dredging contract with [Tidewater Works] on Monday."
    assert first.context(200).startswith("The Harbour Authority")
    assert "[TW]" in tidewater.mentions[2].context()
    assert first.before.endswith("contract with ") and first.after.startswith(" on Monday")


def test_cooccurring_ranks_entities_sharing_articles(corpus: Corpus) -> None:
    rows = corpus.entities["Harbour Authority"].cooccurring()
    assert [(row.entity.id, row.articles, row.mentions) for row in rows] == [
        ("tidewater-works", 1, 3), ("money-12m", 1, 1), ("percent-30", 1, 1),
        ("northern-survey", 1, 1), ("port-vell", 1, 1),
    ]
    assert [row.entity.id for row in corpus.entities["HAPV"].cooccurring(type="ORG")] == [
        "tidewater-works", "northern-survey"]


def test_search_needs_every_word_and_ranks_the_phrase_first(corpus: Corpus) -> None:
    hits = corpus.search("rare earth")
    # "earth" also matches "earths": both articles qualify; the survey has the words in its title.
    assert [hit.article.id for hit in hits] == ["rare-earths-survey", "harbour-deal"]
    assert hits[0].score > hits[1].score
    assert "rare earth deposits" in hits[1].snippet
    assert [h.article.id for h in corpus.search("Tidewater budget")] == ["council-note"]
    assert corpus.search("Tidewater", limit=1).articles == [corpus.articles["harbour-deal"]]
    assert list(corpus.search("zeppelin")) == [] and "no article" in repr(corpus.search("zeppelin"))
    assert list(corpus.search("  ")) == []


def test_table_shows_dicts_objects_and_tuples_as_rows_of_text(corpus: Corpus) -> None:
    from_dicts = table([{"a": 1, "b": None}, {"a": 2.5, "c": "x"}])
    assert from_dicts.columns == ["a", "b", "c"]
    assert from_dicts.rows == [["1", "", ""], ["2.5", "", "x"]]
    articles = table(corpus.articles[:2])
    assert articles.columns == ["date", "source", "title"]
    assert articles.rows[0][2] == corpus.articles[0].title  # text, not markup: the <b> stays as written
    entities = table(corpus.entities.top(2))
    assert entities.rows == [["Tidewater Works", "ORG", "2", "4"], ["Harbour Authority of Port Vell", "ORG", "2", "2"]]
    counted = table(corpus.articles.count_by("source"), columns=["source", "articles"])
    assert counted.columns == ["source", "articles"] and counted.rows[0] == ["Coast Daily", "2"]
    assert table({"k": "v"}).rows == [["k", "v"]]
    assert table([3, 4]).rows == [["3"], ["4"]]
    cooccurring = table(corpus.entities["TW"].cooccurring())
    assert cooccurring.columns == ["entity", "articles", "mentions"]
    assert cooccurring.rows == [["$12 million", "1", "1"], ["Harbour Authority of Port Vell", "1", "1"]]
    with pytest.raises(KeyError, match="no column 'x'"):
        table([{"a": 1}], columns=["x"])


def test_a_table_prints_as_aligned_text(corpus: Corpus) -> None:
    text = repr(table(corpus.entities.top(2), columns=["name", "articles"]))
    assert text.splitlines()[0].split() == ["name", "articles"]
    assert text.splitlines()[2].startswith("Tidewater Works")
    assert repr(Table(["a"], [])) == "(no rows)"


def test_a_corpus_without_entities_still_answers(document: dict) -> None:
    document["entities"] = []
    for article in document["articles"]:
        del article["mentions"]
    bare = load(document)
    assert len(bare.entities) == 0 and bare.entities.top(5) == []
    assert [a.id for a in bare.articles.mentioning("Tidewater Works")] == ["harbour-deal", "council-note"]
    assert bare.articles[0].entities == [] and bare.articles[0].mentions == ()
    with pytest.raises(KeyError, match="this corpus has no entities"):
        bare.entities["Tidewater Works"]


def test_module_level_names_read_the_corpus_named_by_lode_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LODE_CORPUS", str(FIXTURE))
    monkeypatch.setattr(lode_corpus, "_default", None)
    assert len(lode_corpus.articles) == 3
    assert lode_corpus.entities["TW"].name == "Tidewater Works"
    assert lode_corpus.search("budget")[0].article.id == "council-note"
    with pytest.raises(AttributeError):
        lode_corpus.nothing_here  # noqa: B018


def test_help_explains_the_package_and_every_public_piece() -> None:
    text = pydoc.render_doc(lode_corpus, renderer=pydoc.plaintext)
    for name in ("articles", "entities", "search", "table", "cooccurring", "mentioning", "top("):
        assert name in text
    for thing in (lode_corpus.Articles.mentioning, lode_corpus.Articles.where, lode_corpus.Entities.top,
                  lode_corpus.Entity.cooccurring, lode_corpus.Mention.context, lode_corpus.table, lode_corpus.load,
                  lode_corpus.Corpus.search, lode_corpus.Entities.__getitem__):
        assert thing.__doc__ and len(thing.__doc__) > 30, thing


# The widget's runner, as the browser's worker calls it.

@pytest.fixture
def session() -> tuple[_widget.Session, list[tuple[str, str]]]:
    out: list[tuple[str, str]] = []
    return _widget.Session(load(FIXTURE), lambda kind, text: out.append((kind, text))), out


def test_the_widget_starts_with_articles_entities_search_table_and_corpus(session) -> None:
    run, _ = session
    assert run.run("len(articles)") == {"ok": True, "error": None, "value": "3", "table": None}
    assert run.run("entities['TW'].name")["value"] == "'Tidewater Works'"
    assert run.run("search('budget')[0].article.id")["value"] == "'council-note'"
    assert run.run("corpus.__name__")["value"] == "'lode_corpus'"


def test_the_widget_shows_stdout_and_the_last_expression_like_a_repl(session) -> None:
    run, out = session
    result = run.run("x = 2\nprint('hello', x)\nx * 21")
    assert result["value"] == "42"
    assert "".join(text for kind, text in out if kind == "stdout") == "hello 2\n"
    assert run.run("x + 1")["value"] == "3"  # variables persist between queries
    assert run.run("y = 1")["value"] is None
    run.reset()
    assert "NameError" in run.run("x")["error"]


def test_the_widget_sends_tables_as_rows_for_tables_and_lists_of_corpus_objects(session) -> None:
    run, _ = session
    shown = run.run("table(articles.count_by('source'), columns=['source', 'n'])")["table"]
    assert shown == {"columns": ["source", "n"], "rows": [["Coast Daily", "2"], ["Town Hall Bulletin", "1"]],
                     "title": None, "total": 2}
    assert run.run("entities.top(2)")["table"]["rows"][0][0] == "Tidewater Works"
    assert run.run("entities['TW'].mentions")["table"]["columns"] == ["article", "date", "mention"]
    assert run.run("articles.mentioning('nothing at all')")["value"] == "<Articles: none>"


def test_the_widget_reports_errors_as_tracebacks_without_its_own_frames(session) -> None:
    run, _ = session
    error = run.run("def f():\n    return 1 / 0\nf()")["error"]
    assert error.startswith("Traceback (most recent call last):\n  File \"<query>\", line 3")
    assert "ZeroDivisionError: division by zero" in error and "_widget.py" not in error
    syntax = run.run("print('unclosed'")
    assert syntax["ok"] is False and "SyntaxError" in syntax["error"] and "<query>" in syntax["error"]
    missing = run.run("import numpy_that_is_not_here")["error"]
    assert "ModuleNotFoundError" in missing and "standard library and lode_corpus" in missing
    assert "input() is not available" in run.run("input()")["error"]
    assert "did you mean 'Tidewater Works'" in run.run("entities['Tidewater Work']")["error"]


def test_the_widget_caps_output_so_a_print_loop_cannot_swamp_the_page(session) -> None:
    run, out = session
    assert run.run("for i in range(100_000): print('x' * 99)")["ok"]
    printed = "".join(text for _, text in out)
    assert len(printed) < _widget.MAX_OUTPUT + 100 and printed.endswith("characters\n")
    assert len(out) < 200  # batched, not one message per print


def test_the_widget_start_loads_the_corpus_and_makes_it_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lode_corpus, "_default", None)
    session = _widget.start(str(FIXTURE))
    assert session.run("len(corpus.articles)")["value"] == "3"


# The real thing: the default corpus as the build writes it.

def test_the_built_corpus_loads_and_every_mention_points_into_its_text(default_site: Path) -> None:
    path = default_site / "data" / "corpus.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    built = load(path)
    assert len(built.articles) == len(raw["articles"]) > 0
    assert len(built.entities) == len(raw.get("entities") or [])
    for article in built.articles:
        for mention in article.mentions:
            assert article.text[mention.start:mention.end] == mention.text
    for entity in built.entities:
        assert entities_lookup_finds(built, entity)
        assert all(m.entity is entity for m in entity.mentions)
        assert {a.id for a in entity.articles} == {m.article.id for m in entity.mentions}
    ranked = built.entities.top(len(built.entities))
    keys = [(-len(e.articles), -len(e.mentions)) for e in ranked]
    assert keys == sorted(keys)
    assert built.articles.count_by("source")[0][1] >= 1


def entities_lookup_finds(corpus: Corpus, entity) -> bool:
    return corpus.entities[entity.id] is entity and corpus.entities[entity.name].name == entity.name


def test_search_over_the_built_corpus_finds_what_the_texts_contain(default_site: Path) -> None:
    built = load(default_site / "data" / "corpus.json")
    word = max((w for a in built.articles for w in a.title.split() if w.isalpha() and len(w) > 5), key=len)
    hits = built.search(word)
    assert hits and all(word.casefold() in (h.article.title + h.article.text).casefold() for h in hits)
    expected = {a.id for a in built.articles if "rare earth" in (a.title + " " + a.text).casefold()}
    assert expected <= {h.article.id for h in built.search("rare earth")}


def test_the_widget_session_runs_queries_on_the_built_corpus(default_site: Path) -> None:
    session = _widget.Session(load(default_site / "data" / "corpus.json"))
    assert session.run("len(articles)")["value"] == str(len(load(default_site / "data" / "corpus.json").articles))
    shown = session.run("table(articles.count_by('source'))")["table"]
    assert shown["total"] >= 1 and shown["columns"] == ["1", "2"]
    if len(session.corpus.entities):
        top = session.run("entities.top(5, type='ORG')")["table"]
        assert top["columns"] == ["name", "type", "articles", "mentions"]
        assert all(row[1] == "ORG" for row in top["rows"])
        name = top["rows"][0][0]
        assert session.run(f"entities[{name!r}].cooccurring()[:3]")["ok"]


def test_accents_do_not_stand_between_a_reader_and_a_name(document: dict) -> None:
    """search("Potosi") finds "Potosí" and entities["Potosi"] is "Potosí", and the other way round."""
    document["articles"][0]["text"] = document["articles"][0]["text"].replace("Monday", "Monday in Potosí, near Altıntepe")
    document["entities"][2]["aliases"] = ["Pört Vëll"]
    accented = load(document)
    assert [hit.article.id for hit in accented.search("Potosi")] == ["harbour-deal"]
    assert [hit.article.id for hit in accented.search("altintepe")] == ["harbour-deal"]
    assert "Potosí" in accented.search("potosi")[0].snippet  # the snippet is the article's own text
    assert accented.entities["Port Vell"] is accented.entities["Pört Vëll"] is accented.entities["port vëll"]
    assert accented.entities["Port Vell"] is accented.entities["Pórt Vell"]


def test_clusters_figures_and_conflicts_read_from_corpus_json(seeds_site) -> None:
    import lode_corpus

    corpus = lode_corpus.load(seeds_site / "data" / "corpus.json")
    assert len(corpus.clusters) == 1
    tokyo = corpus.clusters[0]
    assert {a.id for a in tokyo.articles} == {"000-6a92a6c91713102f", "001-688540cd3cc4f27e"}
    assert corpus.articles["001-688540cd3cc4f27e"].cluster is tokyo and corpus.articles["002-6bb8ae01fe14f7f2"].cluster is None
    (conflict,) = corpus.figures.conflicts
    assert [f.text for f in conflict.figures] == ["over $11 billion", "$11.7 billion"] and conflict.status == "rounding"
    jica = corpus.entities["JICA"].figures
    assert [(f.thing, f.text) for f in jica] == [("contribution", "$11.7 billion")]
    assert jica[0].conflict is conflict and "JICA’s $11.7 billion contribution" in jica[0].sentence
    assert corpus.figures.where(holder="Japan", thing="contribution")[0].text == "over $11 billion"
    assert lode_corpus.table(corpus.clusters).columns == ["story", "reports", "sources", "first"]
