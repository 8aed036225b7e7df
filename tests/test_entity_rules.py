"""Each entity rule on hand-made text, without the model: a failing row names its rule.

The tables call one rule (a function of extract/entities/) at a time. `refine` itself runs here too, on spans
written by hand in place of spaCy's, so the order of the steps is tested without loading a model. The
model-driven quality floors stay in test_ner_quality.py.
"""

from __future__ import annotations

import pytest

from extract.entities import refine
from extract.entities.acronyms import apply_acronyms, definition_start
from extract.entities.filters import is_demonym, is_junk
from extract.entities.organisations import governments, project_names, suffixed_names
from extract.entities.people import resolve_surnames, titled_people
from extract.entities.places import administrative_areas, dateline_places, feature_names, split_located
from extract.entities.spans import Found
from extract.entities.tidy import retype, tidy
from extract.entities.values import money_value, month_dates
from extract.vocab import load_vocabulary

VOCABULARY = load_vocabulary()


def model_span(text: str, name: str, kind: str) -> Found:
    start = text.index(name)
    return Found(start, start + len(name), name, kind, name)


@pytest.mark.parametrize("text, span, kind, name, new_kind", [
    ("Officials of the Barrick Gold Corporation met.", "the Barrick Gold", "ORG", "Barrick Gold Corporation", "ORG"),
    ("He met Datuk Seri Razif Omar on Monday.", "Datuk Seri", "PERSON", "Razif Omar", "PERSON"),
    ("Dr. Halima Bello said so.", "Dr. Halima Bello", "PERSON", "Halima Bello", "PERSON"),
    ("China's Ministry of Commerce said.", "China's Ministry of Commerce", "ORG", "Ministry of Commerce", "ORG"),
    ("Trondheim-based Nordhav Mineraler AS won.", "Trondheim-based Nordhav Mineraler AS", "ORG", "Nordhav Mineraler AS", "ORG"),
    ("the Kütahya province mines", "Kütahya province", "GPE", "Kütahya", "GPE"),
    ("Wah Nobel (Pvt) Limited said", "Wah Nobel", "PERSON", "Wah Nobel (Pvt) Limited", "ORG"),
    ("Vale or Anglo American", "Vale or", "ORG", "Vale", "ORG"),
    ("The Pakistan Minerals Investment Forum opened.", "Pakistan Minerals Investment", "ORG", "Pakistan Minerals Investment", "ORG"),
    ("Katarzyna Wróblewska-Nowak spoke.", "Katarzyna Wróblewska", "PERSON", "Katarzyna Wróblewska-Nowak", "PERSON"),
    ("Johan van der Merwe spoke.", "Johan", "PERSON", "Johan van der Merwe", "PERSON"),
])
def test_tidy_trims_a_model_span_to_its_name(text: str, span: str, kind: str, name: str, new_kind: str) -> None:
    found = tidy(text, model_span(text, span, kind))
    assert found is not None and (found.name, found.type) == (name, new_kind)


@pytest.mark.parametrize("name, kind, expected", [
    ("Reko Diq Mining Company Limited", "PERSON", "ORG"),
    ("Future Minerals Forum", "ORG", "EVENT"),
    ("Thar Basin", "ORG", "LOC"),
    ("Barrick Gold", "PERSON", "ORG"),
    ("Société Minière du Nord", "GPE", "ORG"),
    ("China-Pakistan Economic Corridor", "LOC", "LOC"),
    ("Jam Kamal", "PERSON", "PERSON"),
])
def test_retype_trusts_a_names_first_and_last_words_over_the_model(name: str, kind: str, expected: str) -> None:
    assert retype(name, kind) == expected


@pytest.mark.parametrize("text, short, long", [
    ("the Japan External Trade Organization (JETRO) said", "JETRO", "Japan External Trade Organization"),
    ("signed with the Asian Development Bank (ADB) in May", "ADB", "Asian Development Bank"),
    ("the Brazilian Development Bank (BNDES) lent", "BNDES", "Brazilian Development Bank"),
])
def test_an_acronym_in_brackets_names_the_words_before_it(text: str, short: str, long: str) -> None:
    candidates = [model_span(text, long, "ORG")]
    found, acronyms, _ = apply_acronyms(text, candidates)
    assert acronyms[short] == long


@pytest.mark.parametrize("text", ["several memorandums of understanding (MoUs) were signed", "two business-to-business (B2B) deals"])
def test_an_acronym_of_common_nouns_is_no_name(text: str) -> None:
    _, acronyms, common = apply_acronyms(text, [])
    assert not acronyms and common


def test_an_acronym_must_spell_its_long_form_from_word_starts() -> None:
    text = "the Pakistan Minerals Investment Forum (PMIF25)"
    assert definition_start(text, text.index("("), "PMIF25") is not None
    assert definition_start("a big new deal (XYZ)", len("a big new deal "), "XYZ") is None


@pytest.mark.parametrize("text, names", [
    ("work on the Kamoto mine resumed", ["Kamoto"]),
    ("the Mount Keel copper project is late", ["Mount Keel"]),
    ("its Balochistan licence", []),
    ("the Karachi refinery", []),
    ("the Dogon Kuka refinery", ["Dogon Kuka"]),
    ("Kafue Basin Copper Limited's Mukanda West mine", ["Mukanda West"]),
    ("Rawdat al-Ghazal mine", ["Rawdat al-Ghazal"]),
])
def test_a_name_before_mine_or_project_is_a_project(text: str, names: list[str]) -> None:
    assert [f.name for f in project_names(text)] == names


@pytest.mark.parametrize("text, found", [
    ("the Pak-China E-Mining Platform met", [("Pak-China E-Mining Platform", "ORG")]),
    ("at the Bishkek Mining Week 2025 today", [("Bishkek Mining Week 2025", "EVENT")]),
    ("Oil and Gas Development Company", [("Oil and Gas Development Company", "ORG")]),
    ("Last Week prices fell", []),
])
def test_a_capitalised_run_ending_in_an_organisation_or_event_word_is_a_name(text: str, found: list) -> None:
    assert [(f.name, f.type) for f in suffixed_names(text)] == found


def test_the_government_of_a_place_is_an_organisation() -> None:
    assert [f.name for f in governments("talks with the government of Pakistan ended")] == ["Government of Pakistan"]


@pytest.mark.parametrize("text, people", [
    ("chief executive Naranbaatar Batsaikhan told reporters", ["Naranbaatar Batsaikhan"]),
    ("Minister of Mines Gregory Tallis said", ["Gregory Tallis"]),
    ("Ermek Tursunaliev, the minister of energy, said", ["Ermek Tursunaliev"]),
])
def test_a_name_next_to_its_job_title_is_a_person(text: str, people: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == people


def test_a_surname_after_a_full_name_is_that_person() -> None:
    text = "Jam Kamal spoke first. Later Kamal left."
    candidates = [model_span(text, "Jam Kamal", "PERSON")]
    resolved = resolve_surnames(text, candidates)
    assert [(f.text, f.name, f.type) for f in resolved] == [("Jam Kamal", "Jam Kamal", "PERSON"), ("Kamal", "Jam Kamal", "PERSON")]


@pytest.mark.parametrize("text, places", [
    ("ISLAMABAD: The cabinet met.", ["ISLAMABAD"]),
    ("LIMA, Nov 6 – Protesters", ["LIMA"]),
    ("UPDATE: prices", []),
])
def test_a_datelines_place_in_capitals_is_a_place(text: str, places: list[str]) -> None:
    assert [f.name for f in dateline_places(text)] == places


@pytest.mark.parametrize("text, areas", [
    ("in the Caraga region", ["Caraga"]),
    ("the mayor of Ribeira de Pena said", ["Ribeira de Pena"]),
    ("Toronto-listed miners", ["Toronto"]),
])
def test_a_name_the_text_calls_a_region_or_town_is_a_place(text: str, areas: list[str]) -> None:
    assert [f.name for f in administrative_areas(text)] == areas


@pytest.mark.parametrize("text, features", [
    ("the Lithium Triangle spans", ["Lithium Triangle"]),
    ("the Gulf of Montijo", ["Gulf of Montijo"]),
    ("the Anti-Atlas mountains", ["Anti-Atlas"]),
    ("Cairo-based Delta Mining", []),
])
def test_landforms_are_named_by_their_landform_word(text: str, features: list[str]) -> None:
    assert [f.name for f in feature_names(text)] == features


def test_a_name_run_into_its_place_is_split() -> None:
    text = "Bogd Securities in Ulaanbaatar said"
    parts = split_located(model_span(text, "Bogd Securities in Ulaanbaatar", "ORG"))
    assert [(p.name, p.type) for p in parts] == [("Bogd Securities", "ORG"), ("Ulaanbaatar", "GPE")]


@pytest.mark.parametrize("written, value", [
    ("$440 million", {"amount": 440_000_000, "currency": "USD"}),
    ("440$ million", {"amount": 440_000_000, "currency": "USD"}),
    ("Rs 10bn", {"amount": 10_000_000_000, "currency": "PKR"}),
    ("US$1.2bn", {"amount": 1_200_000_000, "currency": "USD"}),
])
def test_money_is_valued_the_same_however_it_is_written(written: str, value: dict) -> None:
    assert money_value(written) == value


@pytest.mark.parametrize("text, dates", [
    ("talks in September ended", ["September"]),
    ("on 10 November 2025 the", ["10 November 2025"]),
    ("by Nov 6 the", ["Nov 6"]),
    ("it may rain; May Chen said", []),
])
def test_months_and_days_the_model_skips_are_dates(text: str, dates: list[str]) -> None:
    assert [f.text for f in month_dates(text)] == dates


@pytest.mark.parametrize("text, span, kind, junk", [
    ("Dam safety matters. A tailings dam failed.", "Dam", "ORG", True),
    ("the Minister of Natural Resources spoke", "Minister of Natural Resources", "ORG", True),
    ("north of the city", "north", "LOC", True),
    ("Komatsu said", "Komatsu", "ORG", False),
])
def test_junk_is_no_entity(text: str, span: str, kind: str, junk: bool) -> None:
    assert is_junk(model_span(text, span, kind), set(), text) is junk


@pytest.mark.parametrize("name, demonym", [("Pakistanis", True), ("Japanese", True), ("Pakistan", False)])
def test_people_of_a_place_are_not_the_place(name: str, demonym: bool) -> None:
    assert is_demonym(Found(0, len(name), name, "GPE", name), VOCABULARY) is demonym


def test_refine_runs_every_step_on_hand_made_spans() -> None:
    text = ("ISLAMABAD: The Japan International Cooperation Agency (JICA) will lend $120 million to the Reko Diq project, "
            "chief executive Hamid Khan said on 10 November. Khan said JICA would send staff.")
    spans = [(text.index("Japan"), text.index(" (JICA)"), "ORG"), (text.index("Hamid"), text.index(" said"), "PERSON")]
    steps = []
    extraction = refine(text, spans, [], VOCABULARY, trace=lambda name, _: steps.append(name))
    found = {(m.text, m.name, m.type) for m in extraction.mentions}
    assert {("ISLAMABAD", "ISLAMABAD", "GPE"), ("JICA", "Japan International Cooperation Agency", "ORG"),
            ("$120 million", "$120 million", "MONEY"), ("Reko Diq", "Reko Diq", "PROJECT"),
            ("Hamid Khan", "Hamid Khan", "PERSON"), ("Khan", "Hamid Khan", "PERSON"),
            ("10 November", "10 November", "DATE")} <= found
    assert steps[0] == "model spans" and steps[-1] == "not junk"
