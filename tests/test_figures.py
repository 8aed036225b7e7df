"""Figures attributed by sentence structure: holder and thing read from the parse of the amount's sentence.

Each case is one hand-written sentence (invented names), run through the real stages: spaCy's entities, the
cached parser pass over sentences with an amount, linking, then attribution.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.corpus import assemble
from extract.entities import extract_all
from extract.figures import attribute
from extract.link import link
from extract.model import Block, Document
from extract.parse import ParserModel, figure_sentences, figure_spans, parse_figures, quantities
from extract.vocab import load_vocabulary

VOCABULARY = load_vocabulary()


def figures_of(text: str, cache: Path | None = None) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    """{figure as quoted: (holder's name, thing, qualifiers)} for one article made of `text`."""
    articles = assemble([Document("case.md", "md", "A case", (Block("paragraph", text),), source="Test Desk")])
    extractions = extract_all([a.text for a in articles], ["en"], [[]], VOCABULARY, cache)
    parses = parse_figures([a.text for a in articles], extractions, cache)
    articles, entities = link(articles, extractions, VOCABULARY)
    names = {e.id: e.name for e in entities}
    return {f.text: (names.get(f.holder or ""), f.thing, f.qualifiers) for f in attribute(articles, parses, entities)}


@pytest.mark.parametrize("sentence, figure, holder, thing", [
    # The holder before the amount, as the subject of its clause.
    ("Meridian Development Bank approved a $300 million loan to Kasanka Copper on Tuesday.",
     "$300 million", "Meridian Development Bank", "loan"),
    # The amount before its holder, in the passive: the agent is the holder.
    ("A loan of $320 million was approved by Meridian Development Bank for the Lufira smelter.",
     "$320 million", "Meridian Development Bank", "loan"),
    # The amount after a possessive; a synonym folded to its thing.
    ("He acknowledged the Finland Mineral Cooperation Agency's portfolio of $2.1 billion.",
     "$2.1 billion", "Finland Mineral Cooperation Agency", "contribution"),
    # An apposition between the holder and its verb.
    ("Halvorsen Metals, the metals trader, now owns 45% of the Brandt mine.",
     "45%", "Halvorsen Metals", "stake"),
    # A relative clause: "which" stands for the company; "price tag" is a cost.
    ("Ostrava Gold, which put the price tag at $1.24 billion, approved the Kremnica mine on Monday.",
     "$1.24 billion", "Ostrava Gold", "cost"),
    # The amount first in its sentence, its holder at the end.
    ("$150 million was raised by Sarkan Minerals in its initial public offering.",
     "$150 million", "Sarkan Minerals", "proceeds"),
    # A quantity whose unit is the thing, said by the company.
    ("The refinery will create 1,200 jobs, Zambezi Cobalt Refining Ltd said.", "1,200 jobs", "Zambezi Cobalt Refining Ltd", "jobs"),
])
def test_the_holder_and_thing_come_from_the_sentence_structure(sentence: str, figure: str, holder: str, thing: str) -> None:
    found = figures_of(sentence)
    assert found[figure][:2] == (holder, thing), found


def test_two_amounts_in_one_sentence_get_their_own_things() -> None:
    found = figures_of("Tarsis Lithium Corp will borrow $850 million and put in $300 million of equity.")
    assert found["$850 million"][:2] == ("Tarsis Lithium Corp", "loan")
    assert found["$300 million"][:2] == ("Tarsis Lithium Corp", "equity")


def test_a_qualifier_makes_another_quantity() -> None:
    found = figures_of("Zambezi Cobalt Refining Ltd expects 2,000 construction jobs and 1,200 permanent jobs at Kitwe.")
    assert found["2,000 construction jobs"][2] == ("construction",) and found["1,200 permanent jobs"][2] == ("permanent",)
    assert figures_of("Its first-phase cost of $400 million covers the decline.")["$400 million"][1:] == ("cost", ("first-phase", "phase"))


def test_no_holder_is_guessed_where_the_sentence_names_none() -> None:
    found = figures_of("Analysts said a $2 billion loan would be hard to find, according to Meridian Development Bank.")
    assert found["$2 billion"][0] is None


def test_a_bound_word_is_quoted_with_its_figure() -> None:
    found = figures_of("Japan's contribution of over $11 billion was praised by the minister.")
    assert found["over $11 billion"][:2] == ("Japan", "contribution")


def test_quantities_with_units_are_read_with_their_values() -> None:
    found = {q.text: q.value for q in quantities("Output reached 210,000 tonnes, reserves 3.1 million ounces and a 120 MW plant.")}
    assert found == {"210,000 tonnes": {"amount": 210000.0, "unit": "tonnes"},
                     "3.1 million ounces": {"amount": 3100000.0, "unit": "ounces"},
                     "120 MW": {"amount": 120.0, "unit": "megawatts"}}


def test_only_sentences_with_a_figure_are_parsed_and_the_parse_is_cached(tmp_path: Path) -> None:
    text = "Nothing to count here. Meridian Development Bank lent $300 million. Still nothing here."
    extraction = extract_all([text], ["en"], [[]], VOCABULARY, tmp_path)[0]
    assert [text[s:e] for s, e in figure_sentences(text, figure_spans(text, extraction))] == [
        "Meridian Development Bank lent $300 million."]

    class Counting(ParserModel):
        calls = 0

        def parse(self, sentences, processes=1):
            Counting.calls += len(sentences)
            return super().parse(sentences, processes)

    first = parse_figures([text], [extraction], tmp_path, Counting())
    again = parse_figures([text], [extraction], tmp_path, Counting())
    assert Counting.calls == 1 and first == again and len(first[0]) == 1
