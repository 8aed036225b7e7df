"""Each entity rule on hand-made text, without the model: a failing row names its rule.

The tables call one rule (a function of extract/entities/) at a time. `refine` itself runs here too, on spans
written by hand in place of spaCy's, so the order of the steps is tested without loading a model. The
model-driven quality floors stay in test_ner_quality.py.
"""

from __future__ import annotations

import re

import pytest

from extract.entities import refine
from extract.entities.acronyms import apply_acronyms, definition_start
from extract.entities.filters import is_demonym, is_junk
from extract.entities.names import vocabulary_matches
from extract.entities.organisations import governments, legal_names, project_names, suffixed_names
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
    ("Zhejiang Huayou Cobalt", "PERSON", "ORG"),
    ("Ahafo North", "PERSON", "GPE"),
    ("Upper Kayrakty", "PERSON", "GPE"),
    ("Northcott Ahmed", "PERSON", "PERSON"),
    ("Hoshizora Shoji KK", "PERSON", "ORG"),
    ("Central Karakoram National Park", "ORG", "LOC"),
    ("National Union", "PERSON", "ORG"),
    ("Alianza Veragüense por el Agua", "PERSON", "ORG"),
    ("Mount Wilhelm", "PERSON", "LOC"),  # a mountain
    ("Mount Isa", "GPE", "GPE"),  # a town bears the name
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
    ("to drill the Pelkara rare-earth deposit in the north", ["Pelkara"]),  # a hyphenated description between
    ("its Tarsun 2 complex will open", ["Tarsun 2"]),  # a number is part of the name
    ("The Olvenka Mine, which is run by a subsidiary", ["Olvenka"]),  # the site word capitalised
    ("Why Ghana needs Borvale North Gold Mine", ["Borvale North"]),  # the kind of mine is no part of the name
    ("work on the tungsten project Kerrow Hill in the east", ["Kerrow Hill"]),  # the name after what it is
    ("the National Union of Mine Workers", []),  # a name goes on after "Mine"
    ("the Kessel Ridge copper and cobalt mine", ["Kessel Ridge"]),  # two minerals between
    ("the first Japanese-led rare-earth project", []),  # a word ending "-led" describes
    ("a stake in a Kazakh mine", []),  # a country's name begins with the word: an adjective
])
def test_a_name_before_mine_or_project_is_a_project(text: str, names: list[str]) -> None:
    assert [f.name for f in project_names(text)] == names


@pytest.mark.parametrize("text, found", [
    ("the Pak-China E-Mining Platform met", [("Pak-China E-Mining Platform", "ORG")]),
    ("at the Bishkek Mining Week 2025 today", [("Bishkek Mining Week 2025", "EVENT")]),
    ("Oil and Gas Development Company", [("Oil and Gas Development Company", "ORG")]),
    ("Last Week prices fell", []),
    ("KARACHI: Shares of Dorvan Metals Ltd closed higher", [("Dorvan Metals Ltd", "ORG")]),  # the company's shares
])
def test_a_capitalised_run_ending_in_an_organisation_or_event_word_is_a_name(text: str, found: list) -> None:
    assert [(f.name, f.type) for f in suffixed_names(text)] == found


@pytest.mark.parametrize("text, found", [
    ("it will show the cathode at Batterix 2027 in Seoul next month", [("Batterix 2027", "EVENT")]),
    ("By 2030, output doubles", []),
    ("Early 2026 is the target", []),
    ("output in July-September 2025 rose", []),
    ("Dorvan 2024 results were weak", []),  # a year before a noun dates the noun
    ("cut stones go on show at the Gemora trade fair in the autumn", [("Gemora", "EVENT")]),
    ("at the Hardrock expo next month", [("Hardrock", "EVENT")]),
    ("at the Lyon fair in June", []),  # a town's fair: the town is a place
    ("at the Tamarind Metals exhibition", []),  # a company's stand, not an event's name
    ("its Harrow Bay Critical Minerals Fund 2024 will invest", [("Harrow Bay Critical Minerals Fund 2024", "ORG")]),
])
def test_a_name_with_its_year_is_an_edition_of_an_event_or_a_funds_vintage(text: str, found: list) -> None:
    from extract.entities.organisations import editions

    assert [(f.name, f.type) for f in editions(text)] == found


@pytest.mark.parametrize("text, names", [
    ("talks with the Government of Pakistan ended", ["Government of Pakistan"]),
    ("talks with the government of Pakistan ended", []),  # a description: Pakistan is the place it names
])
def test_the_government_of_a_place_is_an_organisation_by_its_capitalised_name(text: str, names: list[str]) -> None:
    assert [f.name for f in governments(text)] == names


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
    ("ASTANA, May 20 (STW) – State-owned", ["ASTANA"]),
    ("UPDATE: prices", []),
])
def test_a_datelines_place_in_capitals_is_a_place(text: str, places: list[str]) -> None:
    assert [f.name for f in dateline_places(text)] == places


@pytest.mark.parametrize("text, areas", [
    ("in the Caraga region", ["Caraga"]),
    ("the mayor of Ribeira de Pena said", ["Ribeira de Pena"]),
    ("Toronto-listed miners", ["Toronto"]),
    ("the camp lies some 30 km from Velakot. It", ["Velakot"]),
    ("workers from Velakot and nearby villages", ["Velakot"]),
    ("trucks take the route through Dhorani towards the coast", ["Dhorani"]),
    ("a site 40 km from the Pelkara mine", []),  # a mine, not a town
])
def test_a_name_the_text_calls_a_region_or_town_is_a_place(text: str, areas: list[str]) -> None:
    assert [f.name for f in administrative_areas(text)] == areas


@pytest.mark.parametrize("text, features", [
    ("the Lithium Triangle spans", ["Lithium Triangle"]),
    ("the Gulf of Montijo", ["Gulf of Montijo"]),
    ("the Anti-Atlas mountains", ["Anti-Atlas"]),
    ("Cairo-based Delta Mining", []),
    ("near the Tunulliarfik Fjord and the Sarwash Glacier", ["Tunulliarfik Fjord", "Sarwash Glacier"]),
    ("on the Arabian-Nubian Shield in the Kazakh Uplands", ["Arabian-Nubian Shield", "Kazakh Uplands"]),
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
    ("(Jiji Press)--Japan and Chile agreed", "Jiji Press)--Japan", "PERSON", True),  # the edge of a wire credit
    ("output from Phase 1 will double", "Phase 1", "EVENT", True),  # a project's stage
    ("Phase II of the Lobito Corridor", "Phase II of the Lobito Corridor", "EVENT", True),
    ("Wah Nobel (Pvt) Limited signed", "Wah Nobel (Pvt) Limited", "ORG", False),
    ("in line with the National Lithium Strategy", "National Lithium Strategy", "ORG", True),  # a plan
    ("using Direct Lithium Extraction technology", "Direct Lithium Extraction", "ORG", True),  # a technique
    ("Uranium On", "Uranium On", "ORG", True),  # a name cut off at the end of a stored page
])
def test_junk_is_no_entity(text: str, span: str, kind: str, junk: bool) -> None:
    assert is_junk(model_span(text, span, kind), set(), text) is junk


@pytest.mark.parametrize("name, demonym", [("Americas", False), ("Pakistanis", True), ("Japanese", True), ("Pakistan", False),
                                           ("Andean", True),
                                           ("Andes", False), ("Philippines", False),
                                           ("PAP", False)])  # capitals: an acronym, no start of "Papua"
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


@pytest.mark.parametrize("name, expected", [
    ("Officer Asad Rehman Zehri", "Asad Rehman Zehri"),
    ("General Faraz Ahmed Durrani", "Faraz Ahmed Durrani"),
    ("Federal Minister", "Minister"),
    ("Kenji Morimoto", "Kenji Morimoto"),
])
def test_job_titles_and_ranks_never_join_a_name(name: str, expected: str) -> None:
    from extract.entities.people import without_title_words

    assert without_title_words(name) == expected


@pytest.mark.parametrize("text, people", [
    ("said Chief Executive Officer Asad Rehman Zehri, adding", ["Asad Rehman Zehri"]),
    ("Federal Minister for Petroleum Kamran Ali Soomro said", ["Kamran Ali Soomro"]),
    ("as Engr. Naveed Iqbal Khattak put it", ["Naveed Iqbal Khattak"]),
    ("Gen Durrani spoke", ["Durrani"]),
])
def test_a_personal_honorific_or_a_portfolio_leaves_the_name_alone(text: str, people: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == people


def test_an_envoys_title_gives_the_place_and_the_person_apart() -> None:
    text = "attended by Japan's Ambassador to Pakistan Kenji Morimoto, who said"
    assert {(f.name, f.type) for f in titled_people(text, VOCABULARY)} >= {("Pakistan", "GPE"), ("Kenji Morimoto", "PERSON")}


@pytest.mark.parametrize("text, org, other", [
    ("PT Kencana Tembaga Indonesia (PT Kencana) will buy", "PT Kencana Tembaga Indonesia", ["PT Kencana", "Kencana"]),
    ("Marvand, which was renamed from Sabz Pahar Metals in 2019, said", "Marvand", ["Sabz Pahar Metals"]),
    ("Nordhav Resources Limited, the miner formerly known as Fjell Metals Ltd, said", "Nordhav Resources Limited",
     ["Fjell Metals Ltd"]),
    ("ZCCM Investments Holdings Plc (ZCCM-IH) owns", "ZCCM Investments Holdings Plc", ["ZCCM-IH"]),
    ("developed by Barrick Gold (ABX.TO), opens", "Barrick Gold", ["ABX.TO"]),
    ("Anatolia Krom Group, which was called Sivas Maden Isletmeleri until 2011, runs", "Anatolia Krom Group",
     ["Sivas Maden Isletmeleri"]),
    ("Anatolia Krom Group said so. Founded as Sivas Maden Isletmeleri, the company listed in 2011.", "Anatolia Krom Group",
     ["Sivas Maden Isletmeleri"]),
])
def test_a_short_or_former_name_given_in_the_text_names_the_organisation(text: str, org: str, other: list[str]) -> None:
    _, acronyms, _ = apply_acronyms(text, [model_span(text, org, "ORG")])
    assert all(acronyms[name] == org for name in other)


@pytest.mark.parametrize("text", ["two Memorandums of Understanding (MoUs) were signed", "the JV will"])
def test_common_terms_are_no_entities(text: str) -> None:
    from extract.entities.organisations import COMMON_TERMS

    _, acronyms, _ = apply_acronyms(text, [])
    assert not acronyms and {"mous", "jv"} <= COMMON_TERMS


@pytest.mark.parametrize("written, value", [
    ("$925-million", {"amount": 925_000_000, "currency": "USD"}),
    ("$500-$800 million", {"amount": 500_000_000, "currency": "USD", "high": 800_000_000}),
    ("Rs 2-3 billion", {"amount": 2_000_000_000, "currency": "PKR", "high": 3_000_000_000}),
    ("65 billion won", {"amount": 65_000_000_000, "currency": "KRW"}),
])
def test_hyphenated_amounts_and_ranges_are_one_mention(written: str, value: dict) -> None:
    from extract.entities.values import MONEY_PATTERN

    assert MONEY_PATTERN.fullmatch(written) and money_value(written) == value


def test_a_range_is_named_by_both_ends() -> None:
    from extract.entities.values import value_name

    assert value_name("MONEY", money_value("$500-$800 million")) == "$500 million–$800 million"


@pytest.mark.parametrize("text, name", [
    ("Codelco Chairman Maximo Pacheco said", "Codelco"),
    ("a Talison Lithium spokesman said", "Talison Lithium"),
    ("Codelco, the Chilean state mining company, said", "Codelco"),
    ("Chile's state-owned copper company, Codelco, said", "Codelco"),
    ("he told Dawn on Monday", "Dawn"),
    ("the state news agency Antara reported", "Antara"),
    ("According to Dawn, the tariff rose", "Dawn"),  # opening its sentence
    ("Analyst Tui Marsh of Harbourside Barr said the price was fair", "Harbourside Barr"),
    ("The export-credit insurer DASEC will cover the loan", "DASEC"),
    ("state oil company KAROC said on Friday", "KAROC"),
    ("and the US investment firm Harbour Row No. 1 for the rest", "Harbour Row No. 1"),  # a numbered name
    ("when the Kigoma-backed K44 rebel group advanced on the mine", "K44"),  # who backs it is no part of it
    ("Analysts at Kestrel Securities in Tokyo said the grade was modest", "Kestrel Securities"),
    ("and the Polish export-credit agency KAPE may insure the equipment", "KAPE"),
    ("the deposits that the state company MIFERMA has studied since 1970", "MIFERMA"),
    ("the iron ore mined by the state's SONAREM and gold", "SONAREM"),
    ("Analysts were cautious. Dravey said in a note that the price was fair", "Dravey"),
    ("and Chinese aluminium manufacturer Hebei Lianqiao.", "Hebei Lianqiao"),
])
def test_what_only_an_organisation_has_makes_a_name_an_organisation(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert name in [f.name for f in organisations_in_context(text)]


@pytest.mark.parametrize("text", ["Pakistan's chairman of the board", "Chile's president said"])
def test_a_known_place_is_never_made_an_organisation_by_context(text: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert organisations_in_context(text) == []


@pytest.mark.parametrize("text, projects", [
    ("a Marvand project director said", []),
    ("its Indonesian operations", []),
    ("the Dhal Pir antimony deposit", ["Dhal Pir"]),
    ("Escondida, the world's largest copper mine, said", ["Escondida"]),
])
def test_staff_and_adjectives_make_no_project(text: str, projects: list[str]) -> None:
    from extract.entities.organisations import projects_described

    assert [f.name for f in project_names(text) + projects_described(text)] == projects


@pytest.mark.parametrize("text, places", [("workers from neighbouring Dadu district", ["Dadu"]), ("in Zerkoh district", ["Zerkoh"])])
def test_a_name_called_a_district_after_a_lower_case_word_is_a_place(text: str, places: list[str]) -> None:
    assert [f.name for f in administrative_areas(text)] == places


@pytest.mark.parametrize("name, generic", [("Project", True), ("Federal Government", True), ("Codelco", False)])
def test_generic_capitalised_nouns_are_no_entities(name: str, generic: bool) -> None:
    assert is_junk(Found(0, len(name), name, "ORG", name), set()) is generic


@pytest.mark.parametrize("names, joined", [
    (["Barrick", "Barrick Gold", "Barrick Mining Corporation"], True),
    (["Korea Strategic Minerals Corp.", "Korea Strategic Minerals Corporation"], True),
    (["China Exim Bank", "Export-Import Bank of China", "China Export-Import Bank"], True),
    (["Kashgar Huaxin Rare Metals Co., Ltd.", "Huaxin Rare Metals"], True),
    (["Pakistan Mineral Holdings Limited", "Pakistan"], False),
    (["Ministry of Mineral Resources", "Ministry of Minerals"], False),
    (["Amman Stock Exchange", "Shenzhen Stock Exchange"], False),
    (["Komatsu", "Komatsu Pakistan Mining Limited"], False),
    (["Hadeel Strategic Metals LLC", "Hadeel Strategic Metals", "Hadeel"], True),
    (["Nayab Minerals Development Company Limited", "Nayab Minerals", "Nayab"], True),
    (["Ministry of Energy and Mineral Resources", "Energy and Mineral Resources Ministry"], True),
    (["Abu Dhabi", "Dhabi"], False),
    (["Cumberland Antimony Inc.", "Antimony"], False),
    (["State Mining Corporation Limited", "Katsina State"], False),  # a state is no short name of a state company
    (["Minera Istmo Azul, S.A.", "Istmo Azul"], True),
])
def test_company_forms_share_one_core_and_different_things_do_not(names: list[str], joined: bool) -> None:
    from extract.link import company_core

    assert (len({company_core(name, VOCABULARY, set()) for name in names}) == 1) is joined


@pytest.mark.parametrize("text, span, kind, kept", [
    ("signed five Memorandums of Understanding (MoUs) on", "Understanding", "GPE", False),
    ("Chief of Army Staff General Asim said", "Army", "ORG", False),
    ("its Director of Project Management, Engr. Khan, said", "Project Management", "ORG", False),
    ("the Director of the Geological Survey said", "Geological Survey", "ORG", True),
    ("the Bank of Japan said", "Japan", "GPE", True),
    ("Mining Cabinet Secretary Joseph Langat said", "Mining Cabinet", "ORG", False),  # a portfolio and half a title
    ("Barrick chief executive Mark Bristow said", "Barrick", "ORG", True),
])
def test_no_name_inside_a_common_term_a_title_or_a_posts_department(text: str, span: str, kind: str, kept: bool) -> None:
    from extract.entities.filters import inside_phrases

    assert bool(inside_phrases([model_span(text, span, kind)], text)) is kept


@pytest.mark.parametrize("name, junk", [("Atty", True), ("Dr.", True), ("Atty Reyes", False), ("Office Thursday", True),
                                        ("Sun Li", False)])
def test_an_honorific_alone_is_no_person(name: str, junk: bool) -> None:
    from extract.entities.filters import is_honorific_only

    assert is_honorific_only(Found(0, len(name), name, "PERSON", name)) is junk


@pytest.mark.parametrize("text, names", [
    ("its parent, PT Sarana Tambang Nusantara Tbk, said", ["PT Sarana Tambang Nusantara Tbk"]),
    ("a deal with PT Tambera's partner", ["PT Tambera"]),
    ("CV Maju Jaya and", ["CV Maju Jaya"]),
    ("PT is short for", []),
])
def test_a_legal_form_written_first_opens_a_companys_name(text: str, names: list[str]) -> None:
    from extract.entities.organisations import prefixed_companies

    assert [f.name for f in prefixed_companies(text)] == names


@pytest.mark.parametrize("written, value", [
    ("P3.6 billion", {"amount": 3_600_000_000, "currency": "PHP"}),
    ("P4.15", {"amount": 4.15, "currency": "PHP"}),
])
def test_a_peso_figure_with_its_letter_is_money(written: str, value: dict) -> None:
    from extract.entities.values import MONEY_PATTERN

    assert MONEY_PATTERN.fullmatch(written) and money_value(written) == value


@pytest.mark.parametrize("text", ["the P2 plant", "phase P3 starts"])
def test_a_letter_and_a_bare_figure_are_no_pesos(text: str) -> None:
    from extract.entities.values import values_in

    assert values_in(text, []) == []


@pytest.mark.parametrize("text, span, parts", [
    ("said Hiroko Tanabe of Marunouchi Research.", "Hiroko Tanabe of Marunouchi Research",
     [("Hiroko Tanabe", "PERSON"), ("Marunouchi Research", "ORG")]),
    ("the Associated Press of Pakistan said", "Associated Press of Pakistan", [("Associated Press of Pakistan", "ORG")]),
    ("the State Bank of Pakistan said", "State Bank of Pakistan", [("State Bank of Pakistan", "ORG")]),
    ("the Bank of Marunouchi said", "Bank of Marunouchi", [("Bank of Marunouchi", "ORG")]),
])
def test_a_person_run_into_their_employer_is_split(text: str, span: str, parts: list) -> None:
    from extract.entities.people import person_of_organisation

    assert [(f.name, f.type) for f in person_of_organisation(model_span(text, span, "ORG"), VOCABULARY)] == parts


def test_an_envoy_posted_to_a_place_known_by_its_short_name() -> None:
    text = "Pakistan's Ambassador to the UAE Tahir Hussain Andrabi said"
    assert {(f.name, f.type) for f in titled_people(text, VOCABULARY)} >= {("UAE", "GPE"), ("Tahir Hussain Andrabi", "PERSON")}


@pytest.mark.parametrize("text, projects", [
    ("the Chilean mine", []),
    ("the Chagai project", ["Chagai"]),
    ("the Tanjung Kaloro HPAL project", ["Tanjung Kaloro"]),
    ("Escondida remains the world's largest copper mine", ["Escondida"]),
])
def test_an_adjective_is_no_project_and_a_process_acronym_no_part_of_one(text: str, projects: list[str]) -> None:
    from extract.entities.organisations import projects_described

    assert [f.name for f in project_names(text) + projects_described(text)] == projects


@pytest.mark.parametrize("text, places", [
    ("a rail link to the Torkham border crossing", [("Torkham", "GPE")]),
    ("4 km from Waleka, a village of 2,300 people", [("Waleka", "GPE")]),
    ("a pipeline to Tor Kasi, the town nearest the deposit", [("Tor Kasi", "GPE")]),
    ("on the Indonesian island of Halmahera, the plant", [("Halmahera", "LOC")]),
    ("the east coast of Halmahera island", [("Halmahera", "LOC")]),
    ("However, the town said", []),
])
def test_a_border_post_a_settlement_or_an_island_the_text_names_is_a_place(text: str, places: list) -> None:
    assert [(f.name, f.type) for f in administrative_areas(text)] == places


@pytest.mark.parametrize("name, kind", [("Central Sulawesi", "subdivision"), ("East Asia", None), ("South Kalimantan", "subdivision")])
def test_a_compass_word_before_a_province_or_country_is_a_part_of_it(name: str, kind: str | None) -> None:
    from extract.entities.gazetteer import place_kind

    assert place_kind(name) == kind


@pytest.mark.parametrize("text, name", [
    ("Bloomberg reported in May that the lender", "Bloomberg"),
    ("the largest producer, reported Bloomberg.", "Bloomberg"),
    ("Xinhua reported that the smelter was", "Xinhua"),
])
def test_an_outlet_that_reports_is_an_organisation(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert name in [f.name for f in organisations_in_context(text)]


def test_the_name_a_company_traded_as_is_a_former_name() -> None:
    text = "Kivolo, which traded as Sable Ridge Copper until 2019, has"
    _, acronyms, _ = apply_acronyms(text, [model_span(text, "Kivolo", "ORG")])
    assert acronyms["Sable Ridge Copper"] == "Kivolo"


def mentions(*names: tuple[str, str]) -> list[list[Found]]:
    return [[Found(0, len(name), name, kind, name)] for name, kind in names]


def test_accents_do_not_split_a_name() -> None:
    from extract.link import key

    assert key("Martín Echeverría") == key("Martin Echeverria") and key("Thérèse") == key("Therese")


@pytest.mark.parametrize("names, short, full", [
    ([("U.S. International Development Finance Corporation", "ORG"), ("Development Finance Corporation", "ORG")],
     "Development Finance Corporation", "U.S. International Development Finance Corporation"),
    ([("Pakistan Geological Survey", "ORG"), ("Kenya Geological Survey", "ORG"), ("Geological Survey", "ORG")],
     "Geological Survey", "Geological Survey"),
    ([("Ministry of Energy and Mineral Resources", "ORG"), ("Mineral Resources", "ORG")], "Mineral Resources", "Mineral Resources"),
])
def test_a_name_ending_one_longer_name_from_a_place_is_that_organisation(names: list, short: str, full: str) -> None:
    from extract.link import Aliases, Curation, fuller_names

    aliases = Aliases(VOCABULARY, [], Curation())
    fuller_names(mentions(*names), aliases, VOCABULARY)
    assert aliases.resolve(short) == full


@pytest.mark.parametrize("names, joined", [
    (["Congolese Strategic Metals Company", "Société Congolaise des Métaux Stratégiques"], True),
    (["Northwest Mining State Company", "Minera del Noroeste Sociedad del Estado"], True),
    (["National Mining Company", "Empresa Nacional de Cobre"], False),
    (["Pakistan Minerals Company", "Pakistani Minerals Company"], False),  # no other language: left to other rules
    (["Oriental Mine Development Corporation", "Toyo Kozan Kaihatsu"], True),
])
def test_an_english_gloss_and_the_own_language_name_are_one(names: list[str], joined: bool) -> None:
    from extract.link import Aliases, Curation, glossed_names, key

    aliases = Aliases(VOCABULARY, [], Curation())
    glossed_names(mentions(*((n, "ORG") for n in names)), aliases)
    assert (len({key(aliases.resolve(n)) for n in names}) == 1) is joined


def test_a_first_surname_alone_in_another_article_is_that_person() -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(("Jean-Baptiste Tshibangu Lumbala", "PERSON"), ("Tshibangu", "PERSON")), aliases)
    assert aliases.resolve("Tshibangu") == "Jean-Baptiste Tshibangu Lumbala"


@pytest.mark.parametrize("text, span, kind, name", [
    ("according to China's Xinhua news agency.", "Xinhua news agency", "ORG", "Xinhua"),
    ("Odra Miedź Sp. z o.o. said", "Odra Miedź Sp. z o.o.", "ORG", "Odra Miedź Sp. z o.o."),
])
def test_lower_case_words_after_a_name_are_no_part_of_it(text: str, span: str, kind: str, name: str) -> None:
    found = tidy(text, model_span(text, span, kind))
    assert found is not None and found.name == name


@pytest.mark.parametrize("text, name", [
    ("Sarana Tambang shares rose 4.8% on the day", "Sarana Tambang"),
    ("Bumi Tambera's president director said", "Bumi Tambera"),
])
def test_shares_and_a_president_director_belong_to_a_company(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert name in [f.name for f in organisations_in_context(text)]


def test_a_settlement_named_first_is_no_project_near_a_deposit() -> None:
    from extract.entities.organisations import projects_described

    assert projects_described("a pipeline to Tor Kasi, the town nearest the deposit, and") == []


@pytest.mark.parametrize("text, found", [
    ("said the Indonesian Forum for the Environment on", [("Indonesian Forum for the Environment", "ORG")]),
    ("at the Future Minerals Forum 2026 in", [("Future Minerals Forum 2026", "EVENT")]),
])
def test_what_a_forum_is_for_is_in_its_name(text: str, found: list) -> None:
    assert [(f.name, f.type) for f in suffixed_names(text)] == found


def test_the_first_words_of_exactly_one_company_name_are_that_company() -> None:
    from extract.link import Aliases, Curation, fuller_names

    aliases = Aliases(VOCABULARY, [], Curation())
    names = [("PT Sarana Tambang Nusantara Tbk", "ORG"), ("Sarana Tambang", "ORG"), ("Ministry of Energy", "ORG"),
             ("Ministry of Energy and Minerals", "ORG")]
    fuller_names(mentions(*names), aliases, VOCABULARY)
    assert aliases.resolve("Sarana Tambang") == "PT Sarana Tambang Nusantara Tbk"
    assert aliases.resolve("Ministry of Energy") == "Ministry of Energy"


def test_a_given_name_alone_in_another_article_is_that_person() -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(("Ratna Kusumawardani", "PERSON"), ("Ratna", "PERSON")), aliases)
    assert aliases.resolve("Ratna") == "Ratna Kusumawardani"


@pytest.mark.parametrize("text, names", [
    ("a deal with Minera Istmo Azul, S.A. on", ["Minera Istmo Azul, S.A."]),
    ("Riyadh-based Tuwaiq Industrial Holding and London-listed Meridian Metals plc said", ["Meridian Metals plc"]),
    ("Nabatea Phosphate and Fertilizer Company P.L.C. said", ["Nabatea Phosphate and Fertilizer Company P.L.C."]),
    ("South Korea's Hanbit Magnetics Co., Ltd. said", ["Hanbit Magnetics Co., Ltd."]),
    ("Dala Uranium and Uzbek Uranium Resources JSC (UzUR) will", ["Uzbek Uranium Resources JSC"]),
    ("Shares of Zarghun Metals Ltd rose 4%", ["Zarghun Metals Ltd"]),
])
def test_a_run_of_capitals_ending_in_a_legal_form_is_a_company(text: str, names: list[str]) -> None:
    from extract.entities.organisations import legal_names

    assert [f.name for f in legal_names(text)] == names


@pytest.mark.parametrize("text, span, name", [
    ("Economy Minister Tamar Lomidze said", "Economy Minister Tamar Lomidze", "Tamar Lomidze"),
    ("said Nurbek Asanbek uulu, the", "Nurbek Asanbek", "Nurbek Asanbek uulu"),
    ("Without Chiatura the smelter", "Without Chiatura", "Chiatura"),
])
def test_a_persons_name_without_a_portfolio_or_an_opening_word_and_with_a_patronymic(text: str, span: str, name: str) -> None:
    found = tidy(text, model_span(text, span, "PERSON"))
    assert found is not None and found.name == name


def test_a_companys_words_lend_no_surnames() -> None:
    text = "Imereti Manganese LLC employs 3,600. Imereti Manganese said the Imereti region is calm."
    candidates = [model_span(text, "Imereti Manganese LLC", "ORG"), Found(50, 67, "Imereti Manganese", "PERSON", "Imereti Manganese")]
    assert not [f for f in resolve_surnames(text, candidates) if f.origin == "surname"]


@pytest.mark.parametrize("text, org, short", [
    ("the Federation of Emerald Miners of Boyacá (Fedemboy) said", "Federation of Emerald Miners of Boyacá", "Fedemboy"),
    ("the Norwegian Offshore Directorate (Sodir) said", "Norwegian Offshore Directorate", "Sodir"),
])
def test_one_coined_word_in_brackets_after_an_organisation_is_its_short_name(text: str, org: str, short: str) -> None:
    _, acronyms, _ = apply_acronyms(text, [model_span(text, org, "ORG")])
    assert acronyms[short] == org


def test_a_place_in_brackets_after_an_organisation_is_no_short_name() -> None:
    text = "the Orion Mining Company Limited (Australia) said"
    _, acronyms, _ = apply_acronyms(text, [model_span(text, "Orion Mining Company Limited", "ORG")])
    assert "Australia" not in acronyms


@pytest.mark.parametrize("names, joined", [
    (["CMOC Group"], True),
    (["MCC Resources Development Company"], False),
])
def test_a_defined_acronyms_group_is_the_defined_name_and_its_subsidiary_is_not(names: list[str], joined: bool) -> None:
    from extract.entities.spans import Extraction
    from extract.link import Aliases, Curation, company_families

    short = names[0].split()[0]
    defined = Extraction("en", (), ((short, "China Metals Company"),))
    aliases = Aliases(VOCABULARY, [defined], Curation())
    found = mentions(*((n, "ORG") for n in names))
    company_families(found, aliases, VOCABULARY)
    assert (aliases.resolve(found[0][0].name) == "China Metals Company") is joined


@pytest.mark.parametrize("written, parts", [
    ("cut from $1.5 billion to $400 million", ["$1.5 billion", "$400 million"]),
    ("between $500-$800 million", ["$500-$800 million"]),
    ("sold at $US1,070.85 a tonne", ["$US1,070.85"]),
])
def test_a_range_runs_upwards_and_a_cut_is_two_amounts(written: str, parts: list[str]) -> None:
    from extract.entities.values import values_in

    assert [f.text for f in values_in(written, [])] == parts


@pytest.mark.parametrize("text, span, kind, name, new_kind", [
    ("the Saindak Project will", "Saindak Project", "ORG", "Saindak", "PROJECT"),
    ("President MCC Mr Zhang Mengxing thanked", "MCC Mr", "PERSON", "MCC", "PERSON"),
    ("the early Industrial Revolution", "early Industrial Revolution", "EVENT", "Industrial Revolution", "EVENT"),
    ("said. \u0153The exact time", "\u0153The", "ORG", None, None),
])
def test_a_site_word_makes_a_project_and_stray_words_leave_a_name(text: str, span: str, kind: str, name, new_kind) -> None:
    found = tidy(text, model_span(text, span, kind))
    assert (found.name, found.type) == (name, new_kind) if name else found is None


def test_an_outlet_that_learns_is_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    assert "Kallanish" in [f.name for f in organisations_in_context("to the mine in Pakistan, Kallanish learns. The")]


def test_a_hyphen_in_a_companys_name_joins_words() -> None:
    from extract.link import company_core

    assert company_core("ZCCM-Investment Holdings", VOCABULARY, set()) == company_core("ZCCM Investments Holdings Plc", VOCABULARY, set())


def test_an_owners_possessive_is_no_project() -> None:
    assert project_names("Freeport’s mine in Papua") == []


def test_a_day_with_an_ordinal_is_a_day() -> None:
    from extract.entities.values import date_value

    assert date_value("October 15th") == {"day": "10-15"}


@pytest.mark.parametrize("text, name", [
    ("Global mining group Rio Tinto began the copper project", "Rio Tinto"),
    ("steelmaker Baosteel said on Monday", "Baosteel"),
    ("Dawn newspaper reported this week that", "Dawn"),
    ("Toyo Kozan Kaihatsu (TKK), the government-backed company that buys ore", "Toyo Kozan Kaihatsu"),
])
def test_a_company_described_first_is_one_even_with_a_towns_name(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert name in [f.name for f in organisations_in_context(text)]


@pytest.mark.parametrize("text, sites", [
    ("output at its Itabira and Timbopeba complexes rose", ["Itabira", "Timbopeba"]),
    ("the Itabira, Timbopeba and Brucutu mines", ["Itabira", "Timbopeba", "Brucutu"]),
    ("in the Chilean and Peruvian mines", []),
])
def test_every_name_before_a_plural_site_word_is_a_site(text: str, sites: list[str]) -> None:
    from extract.entities.organisations import coordinated_sites

    assert [f.name for f in coordinated_sites(text)] == sites


@pytest.mark.parametrize("text, places", [
    ("mines in the Ahafo Region of Ghana", ["Ahafo Region"]),
    ("the Webequie First Nation said", ["Webequie First Nation"]),
    ("Zambia's Copperbelt Province is", ["Copperbelt Province"]),
    ("the Ahafo Region Council met", []),
])
def test_a_capitalised_area_word_ends_a_places_name(text: str, places: list[str]) -> None:
    from extract.entities.places import AREA_NAME

    assert [m.group(0) for m in AREA_NAME.finditer(text)] == places


def test_a_names_parts_taken_for_surnames_do_not_outvote_its_type() -> None:
    from extract.link import EVIDENCE

    # "Rio Tinto", once a person to the model, and its parts "Rio" and "Tinto" read as that person's surnames:
    # the parts copy the full name's guess and must not count as evidence of their own.
    assert EVIDENCE["surname"] < EVIDENCE["model"]


def test_a_span_of_months_is_one_date() -> None:
    assert [f.text for f in month_dates("output in July-September 2019 rose")] == ["July-September 2019"]


def test_a_settlement_noun_after_a_places_name_is_no_part_of_it() -> None:
    text = "residents of Damang village protested"
    found = tidy(text, model_span(text, "Damang village", "GPE"))
    assert found is not None and found.name == "Damang"


def test_an_acronym_after_a_whole_organisations_name_stands_for_all_of_it() -> None:
    text = "The National Union of Southern Miners (SNMS) said"
    _, acronyms, _ = apply_acronyms(text, [model_span(text, "National Union of Southern Miners", "ORG")])
    assert acronyms["SNMS"] == "National Union of Southern Miners"


def test_a_landforms_name_without_its_landform_word_is_that_landform() -> None:
    from extract.entities.places import landform_short_names

    text = "the Drina River floods; the Drina is low"
    candidates = [model_span(text, "Drina River", "LOC"), Found(text.rindex("Drina"), text.rindex("Drina") + 5, "Drina", "PERSON", "Drina")]
    assert [(c.name, c.type) for c in landform_short_names(candidates)] == [("Drina River", "LOC"), ("Drina River", "LOC")]


@pytest.mark.parametrize("text, span, name", [
    ("According to Bloomberg, Nukhba also held talks", "Bloomberg, Nukhba", "Bloomberg"),
    ("Wah Nobel, Ltd. said", "Wah Nobel, Ltd.", "Wah Nobel, Ltd."),
    ("Shares of Zarghun Metals Ltd rose 4%", "Shares of Zarghun Metals Ltd", "Zarghun Metals Ltd"),
    ("the State Office for Geology, Raw Materials and Mining said", "State Office for Geology, Raw Materials and Mining",
     "State Office for Geology, Raw Materials and Mining"),
])
def test_a_comma_between_two_names_ends_the_first(text: str, span: str, name: str) -> None:
    found = tidy(text, model_span(text, span, "ORG"))
    assert found is not None and found.name == name


def test_a_full_stop_ends_a_sentence_inside_a_run_of_capitals() -> None:
    text = "a phosphate project in Jordan. Saudi Arabia's Ministry of Industry and Mineral Resources said"
    assert "Ministry of Industry and Mineral Resources" in [f.name for f in suffixed_names(text)]


def test_between_two_amounts_is_one_range() -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value) for f in values_in("worth between $1.2bn and $1.5bn", [])] == [
        ("$1.2bn and $1.5bn", {"amount": 1_200_000_000, "currency": "USD", "high": 1_500_000_000})]


@pytest.mark.parametrize("names, joined", [
    (["Hengtai Nonferrous Metals Group Co., Ltd.", "Hengtai Group"], True),
    (["Minera Pumahuasi S.A.", "Pumahuasi"], True),
])
def test_a_groups_short_name_and_a_leading_company_word(names: list[str], joined: bool) -> None:
    from extract.link import Aliases, Curation, company_families, fuller_names, key

    aliases = Aliases(VOCABULARY, [], Curation())
    found = mentions(*((n, "ORG") for n in names))
    company_families(found, aliases, VOCABULARY)
    fuller_names(found, aliases, VOCABULARY)
    assert (len({key(aliases.resolve(n)) for n in names}) == 1) is joined


@pytest.mark.parametrize("text, span, kind, new_kind", [
    ("Sushila Oraon, a council member in Keredari, said", "Keredari", "ORG", "GPE"),
    ("said Haji Rasool, an elder from Nag. The", "Nag", "ORG", "GPE"),
    ("Barrick bought a stake in Kivolo last year", "Kivolo", "ORG", "ORG"),
    ("small miners in Zhejiang Huayou Cobalt said", "Zhejiang Huayou Cobalt", "ORG", "ORG"),
    ("in Khan's view, the deal", "Khan", "PERSON", "PERSON"),
    ("public hearings in Gharo and Keti Bandar in April", "Keti Bandar", "PERSON", "GPE"),
    ("Ask anyone in Chagai how that turned out", "Chagai", "EVENT", "GPE"),
])
def test_a_name_no_gazetteer_holds_where_only_a_place_can_stand_is_a_place(text: str, span: str, kind: str, new_kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, kind)).type == new_kind


@pytest.mark.parametrize("text, places", [
    ("pegmatites in the Nagar and Hunza districts close to", ["Nagar", "Hunza"]),
    ("around the towns of Muzo, Maripí and Quípama, where", ["Muzo", "Maripí", "Quípama"]),
    ("in Forish district of Jizzakh region, about", ["Forish", "Jizzakh"]),
])
def test_places_named_together_or_called_a_region_are_places(text: str, places: list[str]) -> None:
    assert sorted(f.name for f in administrative_areas(text)) == sorted(places)


@pytest.mark.parametrize("text, names", [
    ("the Balochistan Mines and Mineral Department said", ["Balochistan Mines and Mineral Department"]),
    ("JICA Vice President HARA Shohei and South Asia Department officials", ["South Asia Department"]),
])
def test_a_departments_portfolio_may_hold_and(text: str, names: list[str]) -> None:
    assert [f.name for f in suffixed_names(text)] == names


@pytest.mark.parametrize("text, span, name", [
    ("met the Ministry of Energy, Petroleum Division officials", "Ministry of Energy", "Ministry of Energy"),
    ("President Metallurgical Corporation of China Mr Zhang", "President Metallurgical Corporation of China",
     "Metallurgical Corporation of China"),
])
def test_a_bodys_division_and_a_title_before_an_organisation_are_no_part_of_its_name(text: str, span: str, name: str) -> None:
    found = tidy(text, model_span(text, span, "ORG"))
    assert found is not None and found.name == name


def test_a_city_a_company_is_of_is_a_place() -> None:
    from extract.entities.places import as_place

    text = "International Resources Holding RSC Ltd. of Abu Dhabi will invest"
    assert as_place(text, model_span(text, "Abu Dhabi", "ORG")).type == "GPE"


@pytest.mark.parametrize("text, names", [
    ("the Collahuasi mine, jointly owned by Anglo American and Glencore, recorded", ["Anglo American", "Glencore"]),
    ("Tambera, a unit of Sarana Tambang, will hold", ["Sarana Tambang"]),
    ("a mine operated by Chile since", []),
])
def test_who_operates_or_jointly_owns_a_mine_is_a_company(text: str, names: list[str]) -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in organisations_in_context(text)] == names


@pytest.mark.parametrize("line", [
    "For more business news, follow Khaleej Markets on X and LinkedIn.",
    "Follow Silk Road Metals on WeChat, LinkedIn and X.",
])
def test_an_outlets_channels_are_no_part_of_the_story(line: str) -> None:
    from extract.clean import classify

    assert classify(line).kind == "skip"


def test_a_person_described_by_her_firms_post_is_no_firm() -> None:
    from extract.entities.organisations import organisations_in_context

    assert organisations_in_context("Katherine Ashdown, the firm's chief investment officer, said") == []


@pytest.mark.parametrize("text, span", [("lies some 30 km from Islamkot. Its", "Islamkot")])
def test_a_distance_from_a_name_makes_it_a_place(text: str, span: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, "ORG")).type == "GPE"


def test_two_places_joined_by_and_are_not_one_name() -> None:
    from extract.entities.spans import merge

    text = "through the ports of Kandla and Paradip last year"
    whole = model_span(text, "Kandla and Paradip", "ORG")
    parts = [Found(f.start, f.end, f.name, "GPE", f.name, origin="rule") for f in administrative_areas(text)]
    assert sorted(f.name for f in merge([whole], parts)) == ["Kandla", "Paradip"]


def test_a_family_head_is_not_the_start_of_another_name() -> None:
    from extract.link import Aliases, Curation, company_families, fuller_names

    aliases = Aliases(VOCABULARY, [], Curation())
    found = mentions(("Granite Harbor Capital LLC", "ORG"), ("Granite Harbor", "ORG"), ("Granite Harbor Critical Minerals Fund", "ORG"))
    company_families(found, aliases, VOCABULARY)
    fuller_names(found, aliases, VOCABULARY)
    assert aliases.resolve("Granite Harbor") != aliases.resolve("Granite Harbor Critical Minerals Fund")


def test_a_given_name_and_first_surname_are_the_person_with_two() -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(("Ignacio Ferrer Valdivieso", "PERSON"), ("Ignacio Ferrer", "PERSON")), aliases)
    assert aliases.resolve("Ignacio Ferrer") == "Ignacio Ferrer Valdivieso"


@pytest.mark.parametrize("name, members, named", [
    ("Orvane", [Found(0, 6, "Orvane", "PERSON", "Orvane")], False),  # a lone word only the model called a person
    ("Orvane", [Found(3, 9, "Orvane", "PERSON", "Orvane", origin="rule")], True),  # after a title: "Mr Orvane"
    ("Orvane", [Found(0, 6, "Orvane", "PERSON", "Orvane"), Found(0, 12, "Leda Orvane", "PERSON", "Leda Orvane")], True),
    ("Leda Orvane", [Found(0, 11, "Leda Orvane", "PERSON", "Leda Orvane")], True),
])
def test_a_person_is_named_whole_somewhere_or_after_a_title(name: str, members: list[Found], named: bool) -> None:
    from extract.link import is_named_person

    assert is_named_person(name, members) is named


def test_an_ambassador_of_a_country_is_a_person_posted_there() -> None:
    text = "Ambassador of Chile Ana Ruiz Velasco attended the signing."
    assert [(f.name, f.type) for f in titled_people(text, VOCABULARY)] == [("Chile", "GPE"), ("Ana Ruiz Velasco", "PERSON")]


def test_a_known_company_then_a_country_is_its_national_arm() -> None:
    from types import SimpleNamespace

    from extract.link import Aliases, Curation, national_companies

    text = "Portvale CEO Ana Ruiz spoke. The state holds a stake in Portvale Indonesia. The JICA Pakistan office opened."
    at, jica = text.rindex("Portvale"), text.index("JICA")
    pakistan = text.index("Pakistan")
    found = [[Found(0, 8, "Portvale", "ORG", "Portvale", origin="rule"), Found(at, at + 8, "Portvale", "GPE", "Portvale"),
              Found(jica, jica + 4, "JICA", "ORG", "JICA"), Found(pakistan, pakistan + 8, "Pakistan", "GPE", "Pakistan")]]
    national_companies((SimpleNamespace(text=text),), found, Aliases(VOCABULARY, [], Curation()))
    assert [(f.text, f.type) for f in found[0]] == [("Portvale", "ORG"), ("Portvale Indonesia", "ORG"), ("JICA", "ORG"),
                                                     ("Pakistan", "GPE")]


def test_a_stake_in_a_town_named_company_is_no_place() -> None:
    from extract.entities.places import as_place

    text = "The state holds a stake in Freeport, and the fire at Freeport's smelter was an accident. Ships left Freeport."
    stake, owner, town = text.index("Freeport"), text.index("Freeport's"), text.rindex("Freeport")
    assert as_place(text, Found(stake, stake + 8, "Freeport", "ORG", "Freeport")).origin == "model"  # no place's context
    assert as_place(text, Found(owner, owner + 8, "Freeport", "ORG", "Freeport")).origin == "model"
    assert as_place(text, Found(town, town + 8, "Freeport", "PERSON", "Freeport")).type == "PERSON"  # no preposition


@pytest.mark.parametrize("name, parts", [
    ("Yarrow Resources of Australia", [("Yarrow Resources", "ORG"), ("Australia", "GPE")]),  # an industry word ends the name
    ("Commonwealth Bank of Australia", [("Commonwealth Bank of Australia", "ORG")]),  # a bank's name holds its country
    ("Minerals Council of Australia", [("Minerals Council of Australia", "ORG")]),
])
def test_a_company_of_a_country_is_the_company_and_the_country(name: str, parts: list) -> None:
    assert [(f.name, f.type) for f in split_located(Found(0, len(name), name, "ORG", name))] == parts


@pytest.mark.parametrize("name, kind", [
    ("Katherine Ashdown", "PERSON"),  # a given name, then a surname: a person, whatever the model said
    ("Saad bin Khalid Al-Qahtani", "PERSON"),
    ("Hakan Yıldırımoğlu", "PERSON"),  # Latin Extended-A letters are a name's too
    ("Grace Mining", "ORG"),  # an industry word: a company named after someone
    ("Victoria Gold", "ORG"),
    ("Sarah Pakistan", "ORG"),  # a country is no part of a person's name
])
def test_a_given_name_then_name_words_is_a_person(name: str, kind: str) -> None:
    assert retype(name, "ORG") == kind


def test_given_names_leave_out_places_months_and_weekdays() -> None:
    from extract.entities.tidy import GIVEN_NAMES

    assert {"Katherine", "Tariq", "Kenji", "Ignacio"} <= GIVEN_NAMES
    assert not {"Jordan", "Georgia", "May", "Monday", "Kingston"} & GIVEN_NAMES


@pytest.mark.parametrize("text, countries", [
    ("LAFIA, July 7 – Nigeria started building a refinery", ["Nigeria"]),
    ("In Jamaica and Burkina Faso, output fell", ["Jamaica", "Burkina Faso"]),  # a sentence's first word is no name
    ("Nigeria LNG and the Bank of Ghana", []),  # part of a longer name: left to the rules that see it whole
    ("Michael Jordan said", []),
    ("Nigeria-based miners", []),  # an adjective, not the country
])
def test_a_country_standing_alone_is_a_place_without_the_model(text: str, countries: list[str]) -> None:
    from extract.entities.gazetteer import country_mentions

    assert [text[s:e] for s, e in country_mentions(text)] == countries


@pytest.mark.parametrize("text, amounts", [
    ("Colombia's royalties reached 95 billion pesos", [("95 billion pesos", "COP", 95e9)]),
    ("the Mexican regulator fined it 3,900 million pesos", [("3,900 million pesos", "MXN", 3.9e9)]),
    ("Norway set aside 18 million kroner; Danish funds added 2 million kroner", [("18 million kroner", "NOK", 18e6),
                                                                               ("2 million kroner", "DKK", 2e6)]),
    ("a 12.6 billion soms budget for Kyrgyzstan", [("12.6 billion soms", "KGS", 12.6e9)]),  # the country after it
    ("it cost 40 million pesos", []),  # no country named: whose pesos is unknown, so no amount is claimed
])
def test_a_currency_named_by_its_last_word_belongs_to_the_country_named(text: str, amounts: list) -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value["currency"], f.value["amount"]) for f in values_in(text, [])] == amounts


@pytest.mark.parametrize("names, bare, full", [
    ([("Nasarawa State", "GPE"), ("Nasarawa", "GPE")], "Nasarawa", "Nasarawa State"),  # the data knows a state of that name
    ([("Kano State", "GPE"), ("Kano", "GPE")], "Kano", "Kano State"),
    ([("Balochistan Province", "GPE"), ("Balochistan", "GPE")], "Balochistan Province", "Balochistan"),  # the vocabulary's name
    ([("Karachi Region", "GPE"), ("Karachi", "GPE")], "Karachi", "Karachi"),  # a city, not a province: kept apart
    ([("Western Australia", "GPE"), ("WA", "GPE")], "WA", "Western Australia"),  # a state's initials, the state named
    ([("Washington", "GPE"), ("Western Australia", "GPE"), ("WA", "GPE")], "WA", "WA"),  # two states it can be
])
def test_a_province_with_and_without_its_administrative_word_is_one_place(names: list, bare: str, full: str) -> None:
    from extract.link import Aliases, Curation, provinces

    aliases = Aliases(VOCABULARY, [], Curation())
    provinces(mentions(*names), aliases)
    assert aliases.resolve(bare) == full


def test_an_owner_and_what_it_owns_in_one_model_span_are_two_names() -> None:
    text = "a loan to Barrick Mining’s Reko Diq mine"
    start = text.index("Barrick")
    names = [(c.text, c.type) for c in refine(text, [(start, text.index(" mine"), "PERSON")], [], VOCABULARY).mentions]
    assert ("Barrick Mining", "ORG") in names and ("Reko Diq", "PROJECT") in names


@pytest.mark.parametrize("name, kind", [("Congress", "ORG"), ("US Congress", "ORG"), ("National Congress", "ORG"),
                                        ("World Mining Congress", "EVENT"), ("Future Minerals Forum", "EVENT")])
def test_a_legislature_is_no_event(name: str, kind: str) -> None:
    assert retype(name, "ORG") == kind
    text = f"a budget approved by the {name} last year"
    assert [f.type for f in suffixed_names(text) if f.name == name] in ([kind], [])


@pytest.mark.parametrize("written, value", [("$700 millions", {"amount": 700_000_000, "currency": "USD"}),
                                            ("$2 billions", {"amount": 2_000_000_000, "currency": "USD"})])
def test_a_plural_scale_is_a_scale(written: str, value: dict) -> None:
    assert money_value(written) == value


@pytest.mark.parametrize("text, names", [
    ("term sheets with Japan’s JBIC and Saudi Arabia’s PIF", ["JBIC", "PIF"]),
    ("China’s GDP grew and Japan’s LNG imports fell", []),  # common terms are no one's name
])
def test_capitals_a_country_owns_name_one_of_its_bodies(text: str, names: list[str]) -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in organisations_in_context(text) if f.type == "ORG"] == names


def test_a_short_form_in_brackets_inside_a_name_is_that_organisation() -> None:
    from extract.link import Aliases, Curation, short_forms_inside

    aliases = Aliases(VOCABULARY, [], Curation())
    short_forms_inside(mentions(("US Export-Import (Exim) Bank", "ORG"), ("Exim Bank", "ORG")), aliases)
    assert aliases.resolve("Exim Bank") == aliases.resolve("US Export-Import (Exim) Bank") == "US Export-Import Bank"
    short_forms_inside(mentions(("Wah Nobel (Pvt) Limited", "ORG")), aliases)  # a legal form in brackets: no short name
    assert aliases.resolve("Wah Nobel (Pvt) Limited") == "Wah Nobel (Pvt) Limited"


def test_an_acronyms_long_form_takes_the_type_of_its_first_words() -> None:
    from extract.entities.acronyms import apply_acronyms

    text = "Metallurgical Corporation of China (MCC) said MCC would bid."
    candidates = [model_span(text, "Metallurgical Corporation", "ORG"), model_span(text, "China", "GPE")]
    found, acronyms, _ = apply_acronyms(text, candidates)
    assert acronyms == {"MCC": "Metallurgical Corporation of China"}
    assert {c.type for c in found if c.name == "Metallurgical Corporation of China"} == {"ORG"}


def test_a_sites_kind_is_no_part_of_the_projects_name() -> None:
    from extract.link import Aliases, Curation, project_kinds

    aliases = Aliases(VOCABULARY, [], Curation())
    names = [("Saindak Copper-Gold Project", "PROJECT"), ("Saindak Mine", "PROJECT"), ("Saindak", "PROJECT"),
             ("Copper Flat", "PROJECT")]
    project_kinds(mentions(*names), aliases)
    assert aliases.resolve("Saindak Copper-Gold Project") == aliases.resolve("Saindak Mine") == "Saindak"
    assert aliases.resolve("Copper Flat") == "Copper Flat"  # a mineral that starts the name is the name


def test_one_acronym_spelt_out_twice_in_an_article_is_one_organisation() -> None:
    from extract.entities.acronyms import apply_acronyms

    text = "Metallurgy Corporation of China (MCC) runs it. Metallurgical Corporation of China (MCC) signed in 2017."
    found, _, _ = apply_acronyms(text, [])
    assert {c.name for c in found} == {"Metallurgy Corporation of China"}


def test_a_name_opening_with_its_country_spelt_two_ways_is_one_name() -> None:
    from extract.link import Aliases, Curation, country_spellings

    aliases = Aliases(VOCABULARY, [], Curation())
    names = [("US Export-Import Bank", "ORG"), ("US Export-Import Bank", "ORG"), ("United States Export-Import Bank", "ORG"),
             ("Japan Bank for International Cooperation", "ORG")]
    country_spellings(mentions(*names), aliases, VOCABULARY)
    assert aliases.resolve("United States Export-Import Bank") == "US Export-Import Bank"
    assert aliases.resolve("Japan Bank for International Cooperation") == "Japan Bank for International Cooperation"


@pytest.mark.parametrize("text, towns", [
    ("told the forum in Cluj-Napoca on Thursday that", ["Cluj-Napoca"]),  # a city the data knows, where a place stands
    ("shipped by rail to Discovery Bay for export", ["Discovery Bay"]),
    ("small miners in Mberengwa and Mutoko. The", ["Mutoko"]),  # a smaller town, listed after "in"
    ("a plant at Emet in Kütahya province", ["Kütahya", "Emet"]),
    ("sold to Barrick for $5", []),
    ("Smith and Jones said", []),
    ("in March and April, and on Monday", []),  # a time, not a town
])
def test_a_town_the_data_knows_after_a_preposition_is_a_place(text: str, towns: list[str]) -> None:
    assert [f.name for f in administrative_areas(text)] == towns


@pytest.mark.parametrize("name, kind", [("Borsa Istanbul", "GPE"), ("Nasdaq Stockholm", "LOC"), ("Bolsa de Santiago", "GPE")])
def test_a_stock_exchange_named_after_its_city_is_an_organisation_of_its_own(name: str, kind: str) -> None:
    from extract.link import company_core, key

    assert retype(name, kind) == "ORG"
    assert company_core(name, VOCABULARY, set()) == key(name)  # never the city's family


@pytest.mark.parametrize("text, found", [
    ("with Ambassador of Japan to Chile Noriko Sasaki, said the", [("Chile", "GPE"), ("Noriko Sasaki", "PERSON")]),
    ("High Commissioner of India to Canada Anirudh Varma, who", [("Canada", "GPE"), ("Anirudh Varma", "PERSON")]),
    ("Undersecretary of Mining Rodrigo Fuenzalida Pizarro told reporters", [("Rodrigo Fuenzalida Pizarro", "PERSON")]),
    ("Minister of Mines and Minerals Development Chanda Mwewa Musonda signed the deal", [("Chanda Mwewa Musonda", "PERSON")]),
    ("Kalinaw president Ma. Cristina Lagdameo-Uy said.", [("Ma. Cristina Lagdameo-Uy", "PERSON")]),
])
def test_envoys_officials_and_abbreviated_first_names_are_named_whole(text: str, found: list) -> None:
    assert [(f.name, f.type) for f in titled_people(text, VOCABULARY)] == found


def test_an_acronym_ends_a_sentence_before_a_word_no_name_is_made_of() -> None:
    text = "the board approved it, according to NPCIL. The Canadian Nuclear Safety Commission will license it."
    assert [f.name for f in suffixed_names(text)] == ["Canadian Nuclear Safety Commission"]


@pytest.mark.parametrize("text, span, kind, junk", [
    ("an Emirati investor", "Emirati", "GPE", True),  # a people, not a place
    ("the African copper belt", "African", "PROJECT", True),
    ("paid in Kwacha", "Kwacha", "ORG", True),  # money's unit
    ("Workers at the shed. REUTERS/Chipo Banda -", "REUTERS/Chipo Banda -", "ORG", True),
])
def test_peoples_currencies_and_credits_are_no_entities(text: str, span: str, kind: str, junk: bool) -> None:
    found = model_span(text, span, kind)
    assert (is_junk(found, set(), text) or is_demonym(found, VOCABULARY)) is junk


@pytest.mark.parametrize("written, value", [("Dh4.4 billion", {"amount": 4_400_000_000, "currency": "AED"})])
def test_a_dirham_figure_with_its_short_sign_is_money(written: str, value: dict) -> None:
    assert money_value(written) == value


@pytest.mark.parametrize("name, kind", [("Comisión para el Mercado Financiero", "PERSON"), ("Toroslu Maden Sanayi ve Ticaret AŞ", "PERSON"),
                                        ("Liwa Minerals Holding RSC Ltd", "PERSON")])
def test_spanish_bodies_and_turkish_and_abu_dhabi_legal_forms_are_organisations(name: str, kind: str) -> None:
    assert retype(name, kind) == "ORG"


def test_a_company_and_its_unit_named_in_one_sentence_stay_two() -> None:
    from extract.link import Aliases, Curation, fuller_names, key

    names = [("Vale", "ORG"), ("Vale Base Metals Limited", "ORG")]
    aliases = Aliases(VOCABULARY, [], Curation())
    fuller_names(mentions(*names), aliases, VOCABULARY, {frozenset((key("Vale"), key("Vale Base Metals Limited")))})
    assert aliases.resolve("Vale") == "Vale"  # "Vale sold 10% of Vale Base Metals": the seller and what it sold
    aliases = Aliases(VOCABULARY, [], Curation())
    fuller_names(mentions(*names), aliases, VOCABULARY)
    assert aliases.resolve("Vale") == "Vale Base Metals Limited"  # never side by side: the short name of the one company


def test_every_opening_company_word_leaves_the_core() -> None:
    from extract.link import company_core, key

    assert company_core("Compañía Minera Salares del Loa S.A.", VOCABULARY, set()) == key("Salares del Loa")


def test_a_name_without_its_abbreviated_first_name_is_that_person() -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(("Ma. Cristina Lagdameo-Uy", "PERSON"), ("Cristina Lagdameo-Uy", "PERSON")), aliases)
    assert aliases.resolve("Cristina Lagdameo-Uy") == "Ma. Cristina Lagdameo-Uy"


@pytest.mark.parametrize("text, names", [
    ("The Nikkei first reported the talks in May.", ["Nikkei"]),  # an outlet that broke the story
    ("Bloomberg earlier reported that the deal was near.", ["Bloomberg"]),
    ("Smith reported the loss to the board.", []),  # not without "first": anyone reports a loss
])
def test_an_outlet_that_first_reported_a_story_is_an_organisation(text: str, names: list[str]) -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in organisations_in_context(text)] == names


def test_two_person_spans_with_only_a_space_between_are_one_name() -> None:
    text = "Chief executive Fatuma Said Mwinyi called the suspension a setback."
    start = text.index("Fatuma")
    spans = [(start, start + len("Fatuma Said"), "PERSON"), (text.index("Mwinyi"), text.index("Mwinyi") + 6, "PERSON")]
    assert [c.name for c in refine(text, spans, [], VOCABULARY).mentions] == ["Fatuma Said Mwinyi"]


def test_a_ministers_name_before_and_or_a_comma() -> None:
    text = "attended by Federal Minister for Petroleum Kamran Ali Soomro and the ambassador"
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Kamran Ali Soomro"]


def test_a_bodys_name_before_its_of_after_the_full_name_is_that_body_in_that_article() -> None:
    text = "The Supreme Court of Justice ruled on Monday. The Supreme Court gave the company a year."
    spans = [(text.index("Supreme Court of Justice"), text.index(" ruled"), "ORG"),
             (text.rindex("Supreme Court"), text.rindex("Supreme Court") + len("Supreme Court"), "ORG")]
    assert {c.name for c in refine(text, spans, [], VOCABULARY).mentions if c.type == "ORG"} == {"Supreme Court of Justice"}


def test_a_quantifier_opening_a_sentence_is_no_part_of_a_name() -> None:
    text = "Several Cree Nations oppose the road."
    span = [(0, text.index(" oppose"), "ORG")]
    assert [c.name for c in refine(text, span, [], VOCABULARY).mentions] == ["Cree Nations"]


@pytest.mark.parametrize("text, name, kind", [
    ("Towns along the Rhine have heated homes this way", "Rhine", "LOC"),  # a river, whatever the model said
    ("farms on the banks of the Mvuutwe were flooded", "Mvuutwe", "LOC"),
    ("Ms Rhine said the plan was sound", "Rhine", "PERSON"),
])
def test_a_name_along_or_on_the_banks_of_is_a_river_or_a_coast(text: str, name: str, kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, name, "PERSON")).type == kind


@pytest.mark.parametrize("text, people", [
    ("in the presence of Kazakh President Kassym-Jomart Tokayev in Washington, the", ["Kassym-Jomart Tokayev"]),
    ("Minister of Industry and Construction Yersaiyn Nagaspayev signed the memorandum", ["Yersaiyn Nagaspayev"]),
    ("Acting Deputy Chief of Mission Zach Harkenrider and a team", ["Zach Harkenrider"]),
    ("Director of Project Management Abdul Salam Abdullah. Also", ["Abdul Salam Abdullah"]),  # a post's department
    ("Minister of Mines and Geology Aboubacar Soumah said", ["Aboubacar Soumah"]),
])
def test_titles_departments_and_portfolios_leave_the_whole_name(text: str, people: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY) if f.type == "PERSON"] == people


def test_a_funds_name_in_apposition_is_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in organisations_in_context("the sovereign wealth fund, Samruk-Kazyna, lists two deposits")] == ["Samruk-Kazyna"]


@pytest.mark.parametrize("name, kind", [("Pakistan Tehreek-e-Insaf", "ORG"), ("Pakistan Army", "ORG"), ("Saudi Arabia", "GPE"),
                                        ("Papua New Guinea", "GPE")])
def test_a_country_then_other_name_words_is_a_body_of_that_country(name: str, kind: str) -> None:
    assert retype(name, "GPE") == kind


def test_an_acronym_spelt_out_as_two_different_names_is_nobodys_alias() -> None:
    from collections import Counter

    from extract.link import ambiguous_acronyms

    definitions = Counter({("PTI", "Pakistan Tehreek-e-Insaf"): 2, ("PTI", "Press Trust of India"): 1,
                           ("CMOC", "China Molybdenum Co"): 1, ("CMOC", "China Molybdenum Company"): 1})
    assert ambiguous_acronyms(definitions) == {"PTI"}


def test_a_republics_short_name_after_its_full_name_is_that_republic_in_that_article() -> None:
    text = "the Democratic Republic of the Congo said. Congo also said it would act."
    spans = [(text.index("Democratic"), text.index(" said"), "GPE"), (text.index("Congo also"), text.index("Congo also") + 5, "GPE")]
    assert {c.name for c in refine(text, spans, [], VOCABULARY).mentions} == {"Democratic Republic of the Congo"}


@pytest.mark.parametrize("text, span, kind, junk", [
    ("Commerce Secretary Howard Lutnick signed", "Commerce", "ORG", True),  # a portfolio before its title
    ("the Kazakh side agreed", "Kazakh", "ORG", True),  # the start of a country's name: a people's adjective
    ("Russia agreed", "Russia", "GPE", False),
])
def test_a_portfolio_before_a_title_and_a_peoples_adjective_are_no_organisations(text: str, span: str, kind: str, junk: bool) -> None:
    found = model_span(text, span, kind)
    assert (is_junk(found, set(), text) or is_demonym(found, VOCABULARY)) is junk


def test_a_legal_form_written_first_in_kazakh_and_russian_usage() -> None:
    from extract.link import company_core, key

    assert company_core("JSC Tau-Ken Samruk", VOCABULARY, set()) == key("Tau-Ken Samruk")


def test_army_chief_is_a_title_not_an_organisation() -> None:
    from extract.entities.filters import inside_phrases

    text = "witnessed by Army Chief Asim Munir and officials"
    assert inside_phrases([model_span(text, "Army", "ORG")], text) == []


def test_a_lineage_prefix_a_shorter_mention_leaves_off() -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(("Syed Asim Munir", "PERSON"), ("Asim Munir", "PERSON")), aliases)
    assert aliases.resolve("Asim Munir") == "Syed Asim Munir"


@pytest.mark.parametrize("text, people", [
    ("the Ambassador of India to Saudi Arabia, Vikram Anand Sethi, and officials", ["Vikram Anand Sethi"]),  # apposition
    ("Director General of Mineral and Coal Bambang Heru Santoso said the ministry", ["Bambang Heru Santoso"]),
])
def test_an_envoy_in_apposition_and_a_director_general_of_a_portfolio(text: str, people: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY) if f.type == "PERSON"] == people


def test_an_events_subjects_joined_by_and_stay_one_name() -> None:
    text = "at the Astana Mining and Metallurgy Congress 2026 in June"
    assert [(f.name, f.type) for f in suffixed_names(text)] == [("Astana Mining and Metallurgy Congress 2026", "EVENT")]


def test_a_two_word_home_before_a_company_is_no_part_of_its_name() -> None:
    from extract.entities.organisations import legal_names

    assert [f.name for f in legal_names("talks with Abu Dhabi-based Marjan Metals PJSC on Monday")] == ["Marjan Metals PJSC"]


def test_a_riyal_figure_with_its_short_sign_is_money() -> None:
    assert money_value("SR7.1 billion") == {"amount": 7_100_000_000, "currency": "SAR"}


def test_identity_does_not_depend_on_the_hash_seed() -> None:
    """Two spellings with one key, two names with one core: the same choice in every process (a build must give
    the same bytes whatever PYTHONHASHSEED is)."""
    import os
    import subprocess
    import sys

    script = """
from extract.entities.spans import Found
from extract.link import Aliases, Curation, fuller_names, project_kinds, provinces
from extract.vocab import load_vocabulary
v = load_vocabulary()
names = [("US Export-Import Bank", "ORG"), ("U.S. Export-Import Bank", "ORG"), ("Vedanta Resources Limited", "ORG"),
         ("Vedanta Limited", "ORG"), ("Vedanta", "ORG"), ("Saindak Mine", "PROJECT"), ("Saindak", "PROJECT"),
         ("SAINDAK", "PROJECT"), ("Kano State", "GPE"), ("Kano", "GPE"), ("KANO", "GPE")]
found = [[Found(i, i + 1, n, t, n) for i, (n, t) in enumerate(names)]]
a = Aliases(v, [], Curation())
fuller_names(found, a, v); project_kinds(found, a); provinces(found, a)
print(sorted(a.canonical.items()))
"""
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "12", "4242")}
    assert len(outputs) == 1, outputs


@pytest.mark.parametrize("names, short, full", [
    (["Yerlan Serikovich Dzhaksybekov", "Yerlan S. Dzhaksybekov", "Yerlan Dzhaksybekov"], "Yerlan Dzhaksybekov",
     "Yerlan Serikovich Dzhaksybekov"),  # an initial for a patronymic
    (["S. Venkatesh Kamath", "S. V. Kamath"], "S. V. Kamath", "S. Venkatesh Kamath"),
    (["Mariana Beatriz Cárdenas Ruiz", "Mariana Cárdenas"], "Mariana Cárdenas", "Mariana Beatriz Cárdenas Ruiz"),  # first surname
    (["Ana Lucia Perez", "Ana Luisa Perez", "Ana L. Perez"], "Ana L. Perez", "Ana L. Perez"),  # two people it could be
])
def test_initials_and_a_first_surname_name_the_fuller_spelling(names: list[str], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert aliases.resolve(short) == full


@pytest.mark.parametrize("text, names", [("a deal with JSC Tau-Ken Samruk. The fund said", ["JSC Tau-Ken Samruk"]),
                                         ("P.T. Aneka Tambang Tbk. The firm said", ["P.T. Aneka Tambang Tbk"])])
def test_a_company_named_with_its_legal_form_first_ends_with_its_sentence(text: str, names: list[str]) -> None:
    from extract.entities.organisations import prefixed_companies

    assert [f.name for f in prefixed_companies(text)] == names


@pytest.mark.parametrize("written, value", [("QR3.8 billion", {"amount": 3_800_000_000, "currency": "QAR"}),
                                            ("12.7 trillion soums", {"amount": 12_700_000_000_000, "currency": "UZS"})])
def test_qatari_riyals_and_uzbek_soums_are_money(written: str, value: dict) -> None:
    assert money_value(written) == value


def test_the_european_union_is_an_organisation_and_those_opens_no_name() -> None:
    assert VOCABULARY.lookup("EU").type == "ORG" and VOCABULARY.lookup("European Union").type == "ORG"
    text = "Those close to the talks said"
    assert refine(text, [(0, 5, "ORG")], [], VOCABULARY).mentions == ()


@pytest.mark.parametrize("names, short, full", [
    ([("Tavan Khuder Coal LLC", "ORG"), ("TKC", "ORG")], "TKC", "Tavan Khuder Coal LLC"),  # the one name it spells
    ([("Pakistan Trade Institute", "ORG"), ("Press Trust of India", "ORG"), ("PTI", "ORG")], "PTI", "PTI"),  # two: neither
])
def test_capitals_nobody_spells_out_are_the_one_name_whose_initials_they_are(names: list, short: str, full: str) -> None:
    from extract.link import Aliases, Curation, initials_of_names

    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(mentions(*names), aliases)
    assert aliases.resolve(short) == full


def test_gulf_legal_forms_end_a_companys_name() -> None:
    assert retype("Dafna Resources Holding Q.P.S.C.", "PERSON") == "ORG"


@pytest.mark.parametrize("text, dates", [
    ("The deal was signed in La Paz on Sept 24, 2026.", [("Sept 24, 2026", {"date": "2026-09-24"})]),
    ("Deliveries start in the April-June quarter of 2027.", [("April-June quarter of 2027", {"year": 2027})]),
])
def test_an_abbreviated_month_keeps_its_year_and_a_months_quarter_its_year(text: str, dates: list) -> None:
    assert [(f.text, f.value) for f in month_dates(text)] == dates


@pytest.mark.parametrize("text, places", [
    ("a spur to the centre of Tsogttsetsii soum", [("Tsogttsetsii", "GPE")]),
    ("trucks queue at the border crossing at Gashuun Sukhait", [("Gashuun Sukhait", "GPE")]),
    ("hearings in Dalanzadgad, the capital of Umnugovi, before", [("Dalanzadgad", "GPE")]),
    ("coal will travel by rail through Zamyn-Uud and Erenhot to the port", [("Zamyn-Uud", "GPE"), ("Erenhot", "GPE")]),
])
def test_local_area_words_border_crossings_capitals_and_rail_routes_name_places(text: str, places: list) -> None:
    assert sorted((f.name, f.type) for f in administrative_areas(text)) == sorted(places)


def test_a_lower_case_island_is_no_part_of_the_islands_name() -> None:
    text = "mining on Bangka island is curbed"
    assert tidy(text, model_span(text, "Bangka island", "LOC")).name == "Bangka"


def test_a_place_word_ending_a_titled_name_is_that_persons_surname() -> None:
    text = "Minister of Mining and Metallurgy Marcelo Choque Flores said the mine would reopen. Choque said so."
    found = {(m.text, m.name, m.type) for m in refine(text, [], [], VOCABULARY).mentions}
    assert ("Marcelo Choque Flores", "Marcelo Choque Flores", "PERSON") in found
    assert not any(m[0] == "Flores" for m in found)


@pytest.mark.parametrize("text, name", [
    ("is in talks to lend, news site Kun.uz reported, citing", "Kun.uz"),
    ("The bank, Mining.com reported on Monday, will", "Mining.com"),
])
def test_an_outlet_named_by_its_web_address_is_an_organisation(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert name in [f.name for f in organisations_in_context(text)]


def test_a_body_named_by_what_it_is_for_the_model_missed_is_an_organisation() -> None:
    text = "The deal needs approval from the Agency for Fair Competition and Consumer Protection. Officials said so."
    found = {(m.name, m.type) for m in refine(text, [], [], VOCABULARY).mentions}
    assert ("Agency for Fair Competition and Consumer Protection", "ORG") in found


@pytest.mark.parametrize("text, span, kind", [
    ("supplies acid to the company's plants at Paradip and Kakinada from 2028", "Paradip", "ORG"),
    ("Rock will be railed to Ras Al-Khair on the Gulf coast to make acid.", "Ras Al-Khair", "PERSON"),
    ("The company's smelter at Al Taweelah makes aluminium.", "Al Taweelah", "PERSON"),
])
def test_where_a_works_stands_or_a_name_on_a_coast_is_a_place(text: str, span: str, kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, kind)).type == "GPE"


def test_an_analyst_at_a_company_stays_at_a_company() -> None:
    from extract.entities.places import as_place

    text = "said an analyst at Tamarind Capital in a note"
    assert as_place(text, model_span(text, "Tamarind Capital", "ORG")).type == "ORG"


@pytest.mark.parametrize("name, core", [
    ("Hunan Jinlong Lithium Co., Ltd.", "jinlong"),  # a province first, a small town's name after
    ("Dongjin Smelting Co., Ltd.", "dongjin"),
])
def test_a_company_named_with_its_province_or_industry_is_known_by_the_rest(name: str, core: str) -> None:
    from extract.link import company_core

    assert company_core(name, VOCABULARY, set()) == core


def test_chinese_provinces_are_known_without_their_local_word() -> None:
    from extract.entities.gazetteer import place_kind

    assert [place_kind(n) for n in ("Hunan", "Xinjiang", "Guangxi")] == ["subdivision"] * 3


@pytest.mark.parametrize("text, features", [
    ("sits at 3,900 metres in the Puna, the high plateau of the Andes", ["Puna"]),
    ("However, the valley floods", []),
])
def test_a_name_the_text_calls_a_landform_is_a_landform(text: str, features: list[str]) -> None:
    assert [f.name for f in feature_names(text) if f.type == "LOC"] == features


def test_a_currencys_code_in_brackets_after_an_amount_names_no_organisation() -> None:
    text = "The state will receive 1.2 trillion Guinean francs (GNF) a year. GNF figures vary."
    found = {(m.text, m.type) for m in refine(text, [(24, 51, "MONEY"), (53, 56, "ORG")], [], VOCABULARY).mentions}
    assert ("1.2 trillion Guinean francs", "MONEY") in found and not any(t == "GNF" for t, _ in found)


@pytest.mark.parametrize("text, span, name", [
    ("Karaca Madencilik hired Mehmet Ali Karaca as chief executive.", "Ali Karaca", "Mehmet Ali Karaca"),
    ("said General Syed Asim Munir on Monday", "Syed Asim Munir", "Syed Asim Munir"),  # a rank is no given name
])
def test_a_given_name_the_model_left_before_a_persons_span_begins_it(text: str, span: str, name: str) -> None:
    assert tidy(text, model_span(text, span, "PERSON")).name == name


@pytest.mark.parametrize("text, span, kind", [
    ("The ore moves to Kamsar port, on the Atlantic coast.", "Kamsar", "ORG"),
    ("trucks drive to Tanbarak town each week", "Tanbarak", "ORG"),
])
def test_a_name_before_a_lower_case_port_or_town_is_a_place(text: str, span: str, kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, kind)).type == "GPE"


def test_an_organisations_name_with_an_apostrophe_takes_what_only_an_organisation_has() -> None:
    from extract.entities.organisations import organisations_in_context

    assert "Ma'aden" in [f.name for f in organisations_in_context("Ma'aden's chairman met the minister.")]


def test_highlands_named_in_lower_case_after_their_name_are_a_landform() -> None:
    assert [f.name for f in feature_names("through the Fouta Djallon highlands to the port")] == ["Fouta Djallon"]


def test_a_given_name_before_a_span_the_model_called_an_organisation_begins_the_persons_name() -> None:
    text = "The firm's chief, Ana María Quispe Mamani, said exports rose."
    assert tidy(text, model_span(text, "María Quispe Mamani", "ORG")).name == "Ana María Quispe Mamani"


def test_an_industry_word_alone_takes_the_capitalised_word_before_it() -> None:
    text = "Shares in Eti Maden rose on Monday."
    assert tidy(text, model_span(text, "Maden", "ORG")).name == "Eti Maden"


def test_a_company_with_its_legal_form_then_of_its_country_is_split() -> None:
    text = "signed with Coromandel International Ltd of India at the forum"
    parts = split_located(model_span(text, "Coromandel International Ltd of India", "ORG"))
    assert [(p.name, p.type) for p in parts] == [("Coromandel International Ltd", "ORG"), ("India", "GPE")]
    bank = "Commonwealth Bank of Australia said"
    assert [p.name for p in split_located(model_span(bank, "Commonwealth Bank of Australia", "ORG"))] == ["Commonwealth Bank of Australia"]


def test_where_goods_are_shipped_through_is_a_place() -> None:
    from extract.entities.places import as_place

    text = "The complex exports its acid through Ras Al-Khair on Mondays."
    assert as_place(text, model_span(text, "Ras Al-Khair", "PERSON")).type == "GPE"
    financed = "The mine was financed through Tamarind Capital last year."
    assert as_place(financed, model_span(financed, "Tamarind Capital", "ORG")).type == "ORG"


def test_a_peruvian_open_company_keeps_its_legal_form() -> None:
    text = "zinc concentrate from Volcan Compañía Minera S.A.A. for ten years"
    assert tidy(text, model_span(text, "Volcan Compañía Minera", "ORG")).name == "Volcan Compañía Minera S.A.A."


@pytest.mark.parametrize("text, former, owner", [
    ("Ibanez told Reuters. The company, once called Minera Andina del Centro S.A.C., is owned by two families.",
     "Minera Andina del Centro S.A.C.", "Yaurihuasi Mining S.A.C."),
    ("Yaurihuasi Mining S.A.C. will expand. The company was known as Sohar Base Metals LLC until 2024.",
     "Sohar Base Metals LLC", "Yaurihuasi Mining S.A.C."),
    ("Coolabah Metals Ltd, which trades on the Australian Securities Exchange, changed its name from Mulga Creek Gold Ltd in 2023.",
     "Mulga Creek Gold Ltd", "Coolabah Metals Ltd"),
    # the name it will take is another name for it too
    ("Kestrel Steel Ltd was sold to the state. Some outlets reported that KSL will be renamed QAZSTEEL. The deal closed.",
     "QAZSTEEL", "KSL"),
    # "The French firm (formerly …)": the company the story is about, not the "State" of "State-owned", nor a company
    # that "runs another mine"
    ("Niger removed the permit of Corvane. State-owned Corvane said so. Corvane runs another mine in Arlit. "
     "Junta reviews concessions\n\nThe French firm (formerly Arvelle) has been in Niger since 1971.", "Arvelle", "Corvane"),
])
def test_a_former_name_said_of_the_company_a_sentence_is_about(text: str, former: str, owner: str) -> None:
    if "Ibanez" in text:
        text = "Yaurihuasi Mining S.A.C. will expand its mill, manager Ibanez said. " + text
    # (the model's organisations, where a story names them)
    spans = [(m.start(), m.end(), "ORG") for m in re.finditer(r"\bCorvane\b|\bState(?=-owned)", text)]
    extraction = refine(text, spans, [], VOCABULARY)
    assert dict(extraction.acronyms).get(former) == owner


def test_an_arabic_son_of_or_daughter_of_joins_the_two_parts_of_a_name() -> None:
    text = "Dr. Aisha bint Khalfan al-Balushi said the mine would start in 2028."
    spans = [(4, 9, "PERSON"), (15, 33, "PERSON")]
    names = {m.name for m in refine(text, spans, [], VOCABULARY).mentions if m.type == "PERSON"}
    assert names == {"Aisha bint Khalfan al-Balushi"}


@pytest.mark.parametrize("text, span, name", [
    ("The Sociedad Nacional de Minería, Petróleo y Energía welcomed the deal.", "Sociedad Nacional de Minería",
     "Sociedad Nacional de Minería, Petróleo y Energía"),
    ("the Pakistan Business Council, Barrick and Komatsu signed", "Pakistan Business Council", "Pakistan Business Council"),
])
def test_a_bodys_portfolio_joined_by_y_or_ve_is_its_name_and_a_list_of_names_is_not(text: str, span: str, name: str) -> None:
    assert tidy(text, model_span(text, span, "ORG")).name == name


def test_a_turkish_capital_letter_opens_a_word_of_a_companys_name() -> None:
    text = "The pit is being built by Karadağ Madencilik ve İnşaat A.Ş. of Ankara."
    assert "Karadağ Madencilik ve İnşaat A.Ş." in [f.name for f in suffixed_names(text) + legal_names(text)]


@pytest.mark.parametrize("text, years", [
    ("to extend the life of the mine to 2040. Officials", ["2040"]),
    ("output rose to 2040 tonnes last year", []),
])
def test_a_year_after_a_word_of_time_is_a_date(text: str, years: list[str]) -> None:
    from extract.entities.values import years_after_words

    assert [f.text for f in years_after_words(text)] == years


@pytest.mark.parametrize("text, found", [
    ("based in Saskatoon, Sask., and listed in Toronto", [("Saskatoon", "Saskatoon"), ("Sask.", "Saskatchewan")]),
    ("crews from Kalgoorlie, WA, flew to the site in Australia", [("Kalgoorlie", "Kalgoorlie"), ("WA", "Western Australia")]),
    ("offices in Spokane, WA, and Reno, Nev.", [("Spokane", "Spokane"), ("WA", "Washington"), ("Reno", "Reno"), ("Nev.", "Nevada")]),
    ("Vale, SA said", []),
])
def test_a_states_short_form_after_a_town_is_that_state(text: str, found: list) -> None:
    from extract.entities.places import town_states

    assert [(f.text, f.name) for f in town_states(text)] == found


@pytest.mark.parametrize("text, features", [
    ("barges on the Rio Nunez carry ore", ["Rio Nunez"]),
    ("shares of Rio Tinto rose", []),
    ("the flank of the Hoang Lien Son range", ["Hoang Lien Son"]),
])
def test_rivers_by_their_own_languages_word_and_ranges_of_three_words(text: str, features: list[str]) -> None:
    assert [f.name for f in feature_names(text)] == features


@pytest.mark.parametrize("text, span, kind, new_kind", [
    ("at the western edge of the Fouta Djallon, where streams begin", "Fouta Djallon", "ORG", "LOC"),
    ("ships waiting off Kamsar, they say", "Kamsar", "ORG", "GPE"),
])
def test_a_landforms_parts_and_the_sea_off_a_port(text: str, span: str, kind: str, new_kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, kind)).type == new_kind


@pytest.mark.parametrize("text, places", [
    ("Seohae runs four reactors at Taean on the west coast", [("Taean", "GPE")]),
    ("in the foothills in the wilayat of Liwa, where copper was smelted", [("Liwa", "GPE")]),
])
def test_a_place_on_a_coast_or_in_a_wilayat_is_a_place(text: str, places: list) -> None:
    assert [(f.name, f.type) for f in administrative_areas(text)] == places


def test_a_spanish_public_body_named_by_its_head_word_is_an_organisation() -> None:
    from extract.entities.organisations import bodies_named_for

    text = "The Defensoría del Pueblo, the national ombudsman's office, lists the conflicts."
    assert [f.name for f in bodies_named_for(text)] == ["Defensoría del Pueblo"]


@pytest.mark.parametrize("written, value", [
    ("RO 96 million", {"amount": 96_000_000, "currency": "OMR"}),
    ("BD 5m", {"amount": 5_000_000, "currency": "BHD"}),
])
def test_gulf_rials_and_dinars_by_their_signs(written: str, value: dict) -> None:
    assert money_value(written) == value


def test_initials_fit_one_company_written_with_and_without_its_legal_form() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    found = [[Found(0, 23, "Bowal Bauxite Guinée SA", "ORG", "Bowal Bauxite Guinée SA"),
              Found(30, 50, "Bowal Bauxite Guinée", "ORG", "Bowal Bauxite Guinée")], [Found(0, 3, "BBG", "ORG", "BBG")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(found, aliases)
    assert aliases.resolve("BBG") == "Bowal Bauxite Guinée SA"


def test_a_place_in_two_words_in_its_own_language_and_one_in_english_is_one_place() -> None:
    from extract.link import Aliases, Curation, place_spacings

    found = [[Found(0, 6, "Hà Nội", "GPE", "Hà Nội")], [Found(0, 5, "Hanoi", "GPE", "Hanoi")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    place_spacings(found, aliases)
    assert aliases.resolve("Hà Nội") == aliases.resolve("Hanoi") == "Hanoi"


def test_given_names_and_a_first_surname_are_the_person_with_both_surnames() -> None:
    from extract.link import Aliases, Curation, people_and_events

    found = [[Found(0, 24, "Rosa Elena Quispe Mamani", "PERSON", "Rosa Elena Quispe Mamani")],
             [Found(0, 17, "Rosa Elena Quispe", "PERSON", "Rosa Elena Quispe")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(found, aliases)
    assert aliases.resolve("Rosa Elena Quispe") == "Rosa Elena Quispe Mamani"


def test_a_ministers_name_with_a_middle_initial_before_and() -> None:
    text = "when Argentina's Minister of Economy Sergio T. Massa and the ambassador visited the plant"
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Sergio T. Massa"]


def test_an_organisation_before_a_ranked_officer_is_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    text = "Arrivals include Saudi Gold Refinery Deputy Chairman Faisal Suleiman and others."
    assert "Saudi Gold Refinery" in [f.name for f in organisations_in_context(text)]


@pytest.mark.parametrize("text, found", [
    ("signed at the Prime Minister's House on Monday", [("Prime Minister's House", "LOC")]),
    ("the Prime Minister's Office said", [("Prime Minister's Office", "ORG")]),
])
def test_an_office_named_after_its_holders_title_is_a_body_or_a_building(text: str, found: list) -> None:
    from extract.entities.organisations import offices_of_titles

    assert [(f.name, f.type) for f in offices_of_titles(text)] == found


@pytest.mark.parametrize("text, places", [
    ("offered access to the Pasni port on Monday", [("Pasni", "GPE")]),
    ("the Gwadar port authority said", []),
])
def test_a_port_town_named_before_its_lower_case_port(text: str, places: list) -> None:
    assert [(f.name, f.type) for f in administrative_areas(text)] == places


@pytest.mark.parametrize("text, currency", [
    ("Shares of the Indian miner rose to Rs 247 on Monday.", "INR"),
    ("In Pakistan the levy is Rs 10bn.", "PKR"),
    ("The levy is Rs 10bn.", "PKR"),
    ("Sri Lanka will pay 500 million rupees.", "LKR"),
    ("Indian buyers paid 4 billion Pakistani rupees.", "PKR"),
])
def test_rupees_are_the_country_the_text_names_nearest(text: str, currency: str) -> None:
    from extract.entities.values import values_in

    assert [f.value["currency"] for f in values_in(text, [])] == [currency]


@pytest.mark.parametrize("name, kind", [("COP29", "PERSON"), ("G20", "GPE"), ("C5+1", "LOC")])
def test_capitals_run_into_a_number_name_a_gathering(name: str, kind: str) -> None:
    assert retype(name, kind) == "EVENT"


def test_a_currencys_code_run_into_a_small_number_is_no_amount() -> None:
    from extract.entities.values import values_in

    assert values_in("At COP29 in Baku the partners met.", []) == []
    assert [f.text for f in values_in("It paid COP 29 billion.", [])] == ["COP 29 billion"]


def test_a_ticker_after_its_exchange_is_no_entity() -> None:
    text = "Barrick Gold Corp (NYSE: B) (TSX: ABX) chief executive Mark Bristow met the minister."
    found = {m.text for m in refine(text, [(19, 23, "ORG"), (29, 32, "ORG"), (34, 37, "ORG")], [], VOCABULARY).mentions}
    assert "ABX" not in found and "NYSE" in found


def test_owned_half_and_half_by_makes_an_owner_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    text = "The Reko Diq Mining Company, owned 50:50 by Barrick and Pakistani state entities, expects output."
    assert "Barrick" in [f.name for f in organisations_in_context(text)]


def test_a_plural_owners_mark_leaves_the_projects_name() -> None:
    assert [f.name for f in project_names("Ivanhoe Mines' Kamoa-Kakula complex produced copper")] == ["Kamoa-Kakula"]


def test_an_outlet_the_story_cites_wins_over_a_place_inside_its_name() -> None:
    text = "Nikkei Asia reported on Tuesday that the trading house would buy a stake."
    found = {(m.name, m.type) for m in refine(text, [], [], VOCABULARY).mentions}
    assert ("Nikkei Asia", "ORG") in found and not any(name == "Asia" for name, _ in found)


def test_a_demonym_the_model_called_a_person_is_no_one() -> None:
    from extract.entities.filters import is_demonym

    text = "Kazakh President Kassym-Jomart Tokayev met him."
    assert is_demonym(model_span(text, "Kazakh", "PERSON"), VOCABULARY)


def test_naira_written_n_with_a_scale_is_money() -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value) for f in values_in("revenue rose to N450 billion; N2 gas", [])] == [
        ("N450 billion", {"amount": 450_000_000_000, "currency": "NGN"})]


@pytest.mark.parametrize("text, name", [
    ("Dr. Sania Nishtar, chief executive of Gavi, and others toured the site.", "Gavi"),
    ("said an analyst at Tamarind Capital who follows the sector", "Tamarind Capital"),
])
def test_where_an_officer_or_analyst_works_is_an_organisation(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert name in [f.name for f in organisations_in_context(text)]


def test_the_president_of_a_country_makes_no_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    assert organisations_in_context("the chairman of Kazakhstan, who met them") == []


def test_capitals_after_a_persons_of_are_where_the_person_works() -> None:
    text = "Engr. Naveed Iqbal of WAPDA toured the site."
    found = {(m.name, m.type) for m in refine(text, [(6, 18, "PERSON")], [], VOCABULARY).mentions}
    assert ("WAPDA", "ORG") in found


@pytest.mark.parametrize("text, span, kind, name", [
    ("DEARBORN (dpa-AFX) - Ford announced a deal.", None, None, "DEARBORN"),
])
def test_a_dateline_with_an_agency_code_in_lower_case(text: str, span, kind, name: str) -> None:
    assert [f.name for f in dateline_places(text)] == [name]


def test_a_weekday_alone_is_a_date() -> None:
    assert [(f.text, f.value) for f in month_dates("Ford announced Thursday a nickel deal")] == [
        ("Thursday", {"weekday": "Thursday"})]


@pytest.mark.parametrize("text, span, kind, name, new_kind", [
    ("held at the Mulungushi International Conference Centre in Lusaka", "Mulungushi International Conference Centre", "ORG",
     "Mulungushi International Conference Centre", "LOC"),
    ("the Chinese Embassy in Bolivia said", "Chinese Embassy", "ORG", "Chinese Embassy in Bolivia", "ORG"),
    ("the ministry in Southwest Bolivia said", "Southwest Bolivia", "GPE", "Bolivia", "GPE"),
    ("talks with South Sudan ended", "South Sudan", "GPE", "South Sudan", "GPE"),
])
def test_venues_missions_and_a_compass_word_before_a_country(text: str, span: str, kind: str, name: str, new_kind: str) -> None:
    found = tidy(text, model_span(text, span, kind))
    assert (found.name, found.type) == (name, new_kind)


@pytest.mark.parametrize("name, junk", [("State", True), ("Kingdom", True), ("Minister of Economy, Trade and Industry", True),
                                        ("Statec", False)])
def test_a_capitalised_common_noun_or_a_ministers_title_names_nothing(name: str, junk: bool) -> None:
    assert is_junk(Found(0, len(name), name, "ORG", name, origin="rule"), set(), name) is junk


def test_salt_flats_named_together_are_landforms() -> None:
    assert [f.name for f in feature_names("plants at the Coipasa and Pastos Grandes salt flats by 2030")] == [
        "Coipasa", "Pastos Grandes"]


def test_a_capitalised_metal_and_mines_end_a_companys_name_not_a_mines() -> None:
    assert [(f.name, f.type) for f in project_names("a 51% stake in Zambia’s Mopani Copper Mines for $1.1 billion")] == [
        ("Mopani Copper Mines", "ORG")]
    assert [(f.name, f.type) for f in project_names("the Kamoto Copper Mine produced")] == [("Kamoto", "PROJECT")]


def test_a_project_of_a_company_is_two_names() -> None:
    text = "He signed the Lofdal Project of Namibia Critical Metals Inc. agreement."
    assert "Namibia Critical Metals Inc." in [f.name for f in legal_names(text)]


def test_nickel_products_and_work_scopes_are_common_terms() -> None:
    text = "The plant will make MHP under a Scope of Work agreed in May."
    found = {m.text for m in refine(text, [(20, 23, "ORG"), (32, 45, "ORG")], [], VOCABULARY).mentions}
    assert not found & {"MHP", "Scope of Work"}


@pytest.mark.parametrize("name, junk", [("Inflation Reduction Act", True), ("Mines and Minerals Act 2023", True), ("Mining Code", True),
                                        ("Actis Capital", False)])
def test_laws_and_rules_are_no_entities(name: str, junk: bool) -> None:
    assert is_junk(Found(0, len(name), name, "ORG", name, origin="rule"), set(), name) is junk


@pytest.mark.parametrize("text, former, owner", [
    ("Sankofa, formerly Gyedu Resources Ltd, listed in Accra in 2019.", "Gyedu Resources Ltd", "Sankofa"),
    ("Mistral, which was called Laurentian Flake Resources Inc. until 2020, is based in Montreal.",
     "Laurentian Flake Resources Inc.", "Mistral"),
    ("Kamiya, which was known as Kamiya & Co., Ltd. until 2008, trades steel.", "Kamiya & Co., Ltd.", "Kamiya"),
    ("The firm, which was incorporated as Godavari Phosphates Ltd in 1987, runs plants. Deccan Agro Ltd said so.", None, None),
])
def test_a_former_name_of_the_name_a_sentence_opens_with(text: str, former: str | None, owner: str | None) -> None:
    acronyms = dict(refine(text, [], [], VOCABULARY).acronyms)
    if former:
        assert acronyms.get(former) == owner
    else:
        assert "Godavari Phosphates Ltd" not in acronyms or acronyms["Godavari Phosphates Ltd"] != "Deccan Agro Ltd"


def test_a_lower_case_handout_credit_and_a_picture_label_make_a_caption() -> None:
    from extract.clean import is_caption

    line = "Foto/Photo: An anode pilot line in Bitterfeld-Wolfen. Rheinfeld Batteriematerialien/handout"
    assert is_caption(line, len(line.split()))


@pytest.mark.parametrize("written, value", [("$1.35 bln", {"amount": 1_350_000_000, "currency": "USD"})])
def test_bln_is_billions(written: str, value: dict) -> None:
    assert money_value(written) == value


def test_a_company_of_its_home_town_is_split() -> None:
    text = "signed the agreement with Sankofa Goldfields of Accra on Monday"
    parts = split_located(model_span(text, "Sankofa Goldfields of Accra", "ORG"))
    assert [(p.name, p.type) for p in parts] == [("Sankofa Goldfields", "ORG"), ("Accra", "GPE")]


def test_a_person_then_a_described_title() -> None:
    text = "Thandiwe Nkosi, a mining analyst at Mabena Capital in Johannesburg, said rates would rise."
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Thandiwe Nkosi"]


@pytest.mark.parametrize("short, name, made", [("Mincom", "Minerals Commission", True), ("Barrick", "Barrick Gold", False)])
def test_a_short_name_made_of_word_beginnings(short: str, name: str, made: bool) -> None:
    from extract.entities.acronyms import made_of_word_starts

    assert made_of_word_starts(short, name) is made


def test_initials_may_leave_off_company() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    found = [[Found(0, 42, "Tartur Phosphate & Chemicals Company S.A.E.", "ORG", "Tartur Phosphate & Chemicals Company S.A.E.")],
             [Found(0, 3, "TPC", "ORG", "TPC")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(found, aliases)
    assert aliases.resolve("TPC") == "Tartur Phosphate & Chemicals Company S.A.E."


@pytest.mark.parametrize("name, junk", [("P2O5", True), ("U3O8", True), ("COP29", False), ("Li2CO3", True)])
def test_a_chemical_formula_is_no_entity(name: str, junk: bool) -> None:
    assert is_junk(Found(0, len(name), name, "ORG", name, origin="model"), set(), name) is junk


@pytest.mark.parametrize("text, span, kind, new_kind", [
    ("runs plants at Kakinada in Andhra Pradesh and at Paradip in Odisha.", "Paradip", "ORG", "GPE"),
    ("a complex at Safaga on Egypt's Red Sea coast, with", "Safaga", "ORG", "GPE"),
    ("an analyst at Mabena in Pakistan said", "Mabena", "ORG", "ORG"),
])
def test_at_a_name_in_a_province_and_a_name_on_a_countrys_coast(text: str, span: str, kind: str, new_kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, kind)).type == new_kind


def test_a_title_then_the_name_in_apposition() -> None:
    text = "signed in the presence of the minister, Hanitra Rasoanaivo Razafimahefa, who said the plant would open"
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Hanitra Rasoanaivo Razafimahefa"]


def test_a_german_compound_industry_word_leaves_the_companys_core() -> None:
    from extract.link import company_core

    assert company_core("Rheinfeld Batteriematerialien GmbH", VOCABULARY, set()) == "rheinfeld"


def test_a_towns_first_name_and_a_hyphenated_place() -> None:
    from extract.entities.gazetteer import place_kind

    assert place_kind("Frankfurt") == "city"
    text = "runs a pilot line in Saxony-Anhalt, and wants"
    assert tidy(text, model_span(text, "Saxony", "GPE")).name == "Saxony-Anhalt"
    pair = "the Japan-Pakistan talks"
    assert tidy(pair, model_span(pair, "Japan", "GPE")).name == "Japan"


@pytest.mark.parametrize("text, currency", [
    ("in Morobe province, Papua New Guinea, for K2.1 billion", "PGK"),
    ("Zambia's treasury will earn K9 billion", "ZMW"),
])
def test_k_figures_are_the_currency_of_the_country_named_nearest(text: str, currency: str) -> None:
    from extract.entities.values import values_in

    assert [f.value["currency"] for f in values_in(text, [])] == [currency]


def test_a_countrys_initialism_alone_is_the_country() -> None:
    assert VOCABULARY.lookup("PNG").canonical == "Papua New Guinea"


@pytest.mark.parametrize("text, span, kind, name, new_kind", [
    ("a complex at Safaga on Egypt's Red Sea coast", "Safaga on Egypt", "LOC", "Safaga", "LOC"),
    ("between the Pangalanes Canal and the slopes", "Pangalanes Canal", "ORG", "Pangalanes Canal", "LOC"),
])
def test_a_places_name_ends_before_on_a_country_and_canals_are_landforms(text: str, span: str, kind: str, name: str,
                                                                         new_kind: str) -> None:
    found = tidy(text, model_span(text, span, kind))
    assert (found.name, found.type) == (name, new_kind)


def test_a_river_by_its_catchment() -> None:
    from extract.entities.places import as_place

    text = "the project lies in the upper catchment of the Watut, which joins the Markham River"
    assert as_place(text, model_span(text, "Watut", "ORG")).type == "LOC"


def test_a_french_ministrys_portfolio_joined_by_et_des() -> None:
    from extract.entities.organisations import bodies_named_for

    text = "signed at the Ministère des Mines et des Ressources Stratégiques in the presence of the minister"
    assert [f.name for f in bodies_named_for(text)] == ["Ministère des Mines et des Ressources Stratégiques"]


def test_letters_no_accent_stripping_reaches_fold_too() -> None:
    from extract.link import key

    assert key("Mehmet Emre Yıldırım") == key("Mehmet Emre Yildirim")
    assert key("Miloš Đorđević") == key("Milos Dordevic")


def test_new_energy_leaves_a_chinese_companys_core() -> None:
    from extract.link import company_core

    assert company_core("Jiangxi Hongsheng New Energy Co., Ltd.", VOCABULARY, set()) == "hongsheng"


@pytest.mark.parametrize("text, currency", [("Serbia will collect 63 billion dinars a year.", "RSD")])
def test_dinars_are_the_currency_of_the_country_named_nearest(text: str, currency: str) -> None:
    from extract.entities.values import values_in

    assert [f.value["currency"] for f in values_in(text, [])] == [currency]


@pytest.mark.parametrize("text, span, kind, name, new_kind", [
    ("gives Hongsheng 51pc of the company", "Hongsheng 51pc", "PERSON", "Hongsheng", "PERSON"),
    ("The deposit lies in the Atacama east of the town", "Atacama east", "LOC", "Atacama", "LOC"),
    ("output from Phase 1 will double", "Phase 1", "EVENT", "Phase 1", "EVENT"),
    ("a loan with Türk Eximbank later", "Türk Eximbank", "PERSON", "Türk Eximbank", "ORG"),
])
def test_what_follows_a_name_and_banks_run_into_one_word(text: str, span: str, kind: str, name: str, new_kind: str) -> None:
    found = tidy(text, model_span(text, span, kind))
    assert (found.name, found.type) == (name, new_kind)


def test_a_demonym_of_a_country_ending_in_o() -> None:
    from extract.entities.filters import is_demonym

    assert is_demonym(Found(0, 7, "Mexican", "ORG", "Mexican"), VOCABULARY)


@pytest.mark.parametrize("text, leads", [("silver, lead and zinc concentrate", 1), ("to lead the project", 0),
                                         ("lead and zinc prices", 1)])
def test_lead_is_the_metal_only_beside_another_metal(text: str, leads: int) -> None:
    from extract.entities.names import vocabulary_matches

    assert sum(m.name == "lead" for m in vocabulary_matches(text, VOCABULARY, [])) == leads


@pytest.mark.parametrize("text, former, owner", [
    ("Sierra Madre Argentum Corp. rose. The company, based in Vancouver, traded as Northwind Precious Metals Inc. before it bought "
     "the mine.", "Northwind Precious Metals Inc.", "Sierra Madre Argentum Corp."),
    ("Sierra Madre Argentum Corp. rose. The company changed its name from Northwind Precious Metals in 2021.",
     "Northwind Precious Metals", "Sierra Madre Argentum Corp."),
])
def test_a_former_name_of_the_company_without_its_name_in_the_sentence(text: str, former: str, owner: str) -> None:
    assert dict(refine(text, [], [], VOCABULARY).acronyms).get(former) == owner


def test_a_sentence_opening_in_a_town() -> None:
    from extract.entities.places import as_place

    text = "The plant will open. In Taltal, mayor Hector Tapia said the town needs water."
    assert as_place(text, model_span(text, "Taltal", "ORG")).type == "GPE"


@pytest.mark.parametrize("name", ["Bureau du Cadastre Minier de Madagascar", "Ministère des Mines", "Defensoría del Pueblo"])
def test_a_name_opening_with_a_public_bodys_word_is_an_organisation(name: str) -> None:
    assert retype(name, "PERSON") == "ORG"


def test_a_town_read_in_its_context_stays_a_town_beside_a_company_named_after_it() -> None:
    from extract.link import Aliases, Curation, company_families

    found = [[Found(0, 27, "Compañía Minera Taltal Ltda.", "ORG", "Compañía Minera Taltal Ltda."),
              Found(40, 46, "Taltal", "GPE", "Taltal", origin="rule")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    company_families(found, aliases, VOCABULARY)
    assert (found[0][1].type, found[0][1].name) == ("GPE", "Taltal")


def test_a_job_title_as_written_is_no_name_whatever_found_it() -> None:
    assert is_junk(Found(0, 17, "Charge de Affairs", "ORG", "Charge de Affairs", origin="rule"), set(), "Charge de Affairs")


def test_a_countrys_formal_name_is_the_country() -> None:
    from extract.link import Aliases, Curation, place_spacings

    assert retype("Republic of Madagascar", "ORG") == "GPE"
    found = [[Found(0, 22, "Republic of Madagascar", "GPE", "Republic of Madagascar")], [Found(0, 10, "Madagascar", "GPE", "Madagascar")],
             [Found(0, 10, "Madagascar", "GPE", "Madagascar")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    place_spacings(found, aliases)
    assert aliases.resolve("Republic of Madagascar") == "Madagascar"


def test_an_events_word_then_a_buildings_names_a_venue() -> None:
    assert [(f.name, f.type) for f in suffixed_names("held at the Mulungushi International Conference Centre in Lusaka")] == [
        ("Mulungushi International Conference Centre", "LOC")]


def test_a_ministers_name_after_hon_and_before_mp() -> None:
    text = "Minister for Mining Hon. Koni Wanma, MP, said the investment was welcome."
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Koni Wanma"]


def test_a_given_name_led_name_before_of_an_organisation_is_a_person() -> None:
    text = "Priya Raghunathan of Creek Capital in Dubai said investors were keen."
    found = {(m.name, m.type) for m in refine(text, [(22, 35, "ORG")], [], VOCABULARY).mentions}
    assert ("Priya Raghunathan", "PERSON") in found


@pytest.mark.parametrize("written, value", [("302 billion drams", {"amount": 302_000_000_000, "currency": "AMD"}),
                                            ("87 billion ouguiyas", {"amount": 87_000_000_000, "currency": "MRU"})])
def test_drams_and_ouguiyas(written: str, value: dict) -> None:
    assert money_value(written) == value


def test_a_surname_of_a_name_the_corpus_shows_is_an_organisations_names_nothing() -> None:
    from extract.link import Aliases, Curation, not_surnames_of_organisations

    found = [[Found(0, 23, "Litio de la Puna S.A.U.", "ORG", "Litio de la Puna S.A.U.")],
             [Found(0, 16, "Litio de la Puna", "PERSON", "Litio de la Puna"),
              Found(30, 34, "Puna", "PERSON", "Litio de la Puna", origin="surname")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    aliases.canonical["litio de la puna"] = "Litio de la Puna S.A.U."
    not_surnames_of_organisations(found, aliases)
    assert [m.text for m in found[1]] == ["Litio de la Puna"]


def test_his_excellency_is_an_honorific() -> None:
    text = "Qasr chairman H.E. Khalid Saeed Al Mazrouei told the agency that the group would invest."
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Khalid Saeed Al Mazrouei"]


@pytest.mark.parametrize("short, full", [("Khalid Al Mazrouei", "Khalid Saeed Al Mazrouei"),
                                         ("Martin Quiroga", "Martín Eduardo Quiroga Herrera")])
def test_a_name_without_its_middle_names_or_accents_is_the_longer_one(short: str, full: str) -> None:
    from extract.link import Aliases, Curation, people_and_events

    found = [[Found(0, len(full), full, "PERSON", full)], [Found(0, len(short), short, "PERSON", short)]]
    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(found, aliases)
    assert aliases.resolve(short) == full


def test_capitals_made_of_word_beginnings_name_the_one_organisation_they_fit() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    full = "Korea Mine Rehabilitation and Mineral Resources Corporation"
    found = [[Found(0, len(full), full, "ORG", full)], [Found(0, 5, "KOMIR", "ORG", "KOMIR")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(found, aliases)
    assert aliases.resolve("KOMIR") == full


def test_word_beginnings_from_two_words_name_only_an_organisation_of_the_same_article() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    broker, insurer = "Danube Securities", "DASEC"
    apart = [[Found(0, len(broker), broker, "ORG", broker)], [Found(0, 5, insurer, "ORG", insurer)]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(apart, aliases)
    assert aliases.resolve(insurer) == insurer
    together = [[Found(0, len(broker), broker, "ORG", broker), Found(30, 35, insurer, "ORG", insurer)]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(together, aliases)
    assert aliases.resolve(insurer) == broker


@pytest.mark.parametrize("names, short, full", [
    (["Tomasz Wierzbicki", "T. Wierzbicki"], "T. Wierzbicki", "Tomasz Wierzbicki"),  # an initial and a surname
    (["Tomasz Wierzbicki", "Tadeusz Wierzbicki", "T. Wierzbicki"], "T. Wierzbicki", "T. Wierzbicki"),  # two it could be
    (["William Ashcombe", "Bill Ashcombe"], "Bill Ashcombe", "William Ashcombe"),  # a nickname of the given name
    (["Elizabeth Carrow", "Beth Carrow"], "Beth Carrow", "Elizabeth Carrow"),
    (["William Ashcombe", "Wilhelmina Ashcombe", "Bill Ashcombe"], "Bill Ashcombe", "William Ashcombe"),
    (["Bill Ashcombe", "Bill Torrance"], "Bill Torrance", "Bill Torrance"),  # nobody else of that surname
    (["Dragan Đurić", "Dragan Djuric"], "Dragan Djuric", "Dragan Đurić"),  # transliterated: the own letters name him
    (["Jürgen Kühne", "Juergen Kuehne"], "Juergen Kuehne", "Jürgen Kühne"),
    (["Ousmane Cheick Traoré", "Cheick Traoré"], "Cheick Traoré", "Ousmane Cheick Traoré"),  # the first given name left off
    (["José Luis Ibáñez Soto", "Jose Luis Ibanez"], "Jose Luis Ibanez", "José Luis Ibáñez Soto"),  # accents and a second surname
])
def test_one_person_written_differently_in_two_articles(names: list[str], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert aliases.resolve(short) == full


@pytest.mark.parametrize("names, bare, full", [
    ([("Tsavo River", "LOC"), ("Tsavo", "LOC")], "Tsavo", "Tsavo River"),  # a landform without its word
    ([("Tsavo River", "LOC"), ("Tsavo Hills", "LOC"), ("Tsavo", "LOC")], "Tsavo", "Tsavo"),  # which of two?
    ([("Tsavo River", "LOC"), ("Tsavo", "LOC"), ("Tsavo", "GPE")], "Tsavo", "Tsavo"),  # also read as a town
    ([("Atacama Desert", "LOC"), ("Atacama", "LOC")], "Atacama", "Atacama"),  # a region the gazetteer knows
])
def test_a_landform_named_without_its_landform_word_in_another_article(names: list[tuple[str, str]], bare: str, full: str) -> None:
    from extract.link import Aliases, Curation, landform_names

    aliases = Aliases(VOCABULARY, [], Curation())
    landform_names(mentions(*names), aliases)
    assert aliases.resolve(bare) == full


@pytest.mark.parametrize("names, short, full", [
    (["Lusaka Securities Exchange", "LuSE"], "LuSE", "LuSE"),  # not initials at all
    (["Nairobi Securities Exchange", "NSX"], "NSX", "Nairobi Securities Exchange"),  # X for Exchange
    (["Nairobi Securities Exchange", "NX"], "NX", "Nairobi Securities Exchange"),  # leaving off "Securities"
    (["Nairobi Stock Exchange", "Namibia Stock Exchange", "NSX"], "NSX", "NSX"),  # two it could be
])
def test_an_exchange_known_by_initials_that_end_in_x(names: list[str], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, initials_of_names

    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(mentions(*((n, "ORG") for n in names)), aliases)
    assert aliases.resolve(short) == full


@pytest.mark.parametrize("names, short, full", [
    (["KOBAYASHI Haruto", "Haruto Kobayashi"], "KOBAYASHI Haruto", "Haruto Kobayashi"),  # family name first, in capitals
    (["Haruto Kobayashi", "KOBAYASHI"], "KOBAYASHI", "Haruto Kobayashi"),  # a surname alone, in capitals
])
def test_a_family_name_written_first_in_capitals(names: list[str], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert aliases.resolve(short) == full


@pytest.mark.parametrize("text, start", [
    ("It rose. OREST president Lic. Ana Ruiz Paz said so. The company", "OREST president"),  # an honorific's full stop
    ("It rose. A note from J. Smith came. The company", "A note from"),  # an initial's
    ("It rose. The company", "It rose."),
])
def test_a_full_stop_after_an_honorific_or_an_initial_ends_no_sentence(text: str, start: str) -> None:
    from extract.entities.acronyms import sentence_start_before

    assert text[sentence_start_before(text, text.rindex("The company") - 2):].startswith(start)


@pytest.mark.parametrize("text, name, site", [
    ("a 49% stake in the Quilla Norte tin project. Quilla Norte lies west.", "Quilla Norte", True),
    ("when it won the Quilla Norte concession in 2019", "Quilla Norte", True),
    ("Quilla Norte Mining said it would build a mine", "Quilla Norte Mining", False),
])
def test_a_name_the_article_calls_a_site_owns_no_former_name(text: str, name: str, site: bool) -> None:
    from extract.entities.acronyms import called_a_site

    assert called_a_site(text, name) is site


@pytest.mark.parametrize("text, organisations", [
    ("LIMA — Hütte Brenner, the Freiberg-based tin smelter, said on Monday", ["Hütte Brenner"]),  # the firm, not a site
])
def test_a_name_described_as_a_smelter_is_the_firm_that_runs_it(text: str, organisations: list[str]) -> None:
    start = text.index(organisations[0])
    result = refine(text, [(start, start + len(organisations[0]), "ORG")], [], VOCABULARY)
    assert [(m.text, m.type) for m in result.mentions if m.type in ("ORG", "PROJECT")] == [(n, "ORG") for n in organisations]


@pytest.mark.parametrize("names, short, full", [
    ([("Lago Titilaca", "LOC"), ("Lake Titilaca", "LOC")], "Lago Titilaca", "Lake Titilaca"),  # a landform word's gloss
    ([("Río Zamuro", "LOC"), ("Zamuro River", "LOC")], "Río Zamuro", "Zamuro River"),  # before or after the name
    ([("Cordillera Quimsa", "LOC"), ("Quimsa", "LOC")], "Quimsa", "Cordillera Quimsa"),
    ([("Lago Titilaca", "LOC"), ("Titilaca River", "LOC"), ("Titilaca", "LOC")], "Titilaca", "Titilaca"),  # two kinds
])
def test_one_landform_named_with_its_word_in_two_languages(names: list[tuple[str, str]], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, landform_names

    aliases = Aliases(VOCABULARY, [], Curation())
    landform_names(mentions(*names), aliases)
    assert aliases.resolve(short) == full


def test_a_name_in_plain_letters_of_any_type_is_the_one_with_its_own_letters() -> None:
    from extract.link import Aliases, Curation, transliterations

    aliases = Aliases(VOCABULARY, [], Curation())
    transliterations(mentions(("Brenner Hütte", "ORG"), ("Brenner Huette", "PERSON"), ("Djuro Salaj", "ORG")), aliases)
    assert aliases.resolve("Brenner Huette") == "Brenner Hütte" and aliases.resolve("Djuro Salaj") == "Djuro Salaj"


def test_an_acronym_spelt_out_as_the_same_words_of_two_places_is_two_names() -> None:
    from collections import Counter

    from extract.link import ambiguous_acronyms

    definitions = Counter({("TSE", "Tokyo Stock Exchange"): 1, ("TSE", "Toronto Stock Exchange"): 1})
    assert ambiguous_acronyms(definitions) == {"TSE"}


@pytest.mark.parametrize("text, names", [
    ("a loan from Korporacja Kredytowa Pomorska, the lender said", ["Korporacja Kredytowa Pomorska"]),
    ("Minera Quimsa Cía. Ltda. said on Monday", ["Minera Quimsa Cía. Ltda."]),
])
def test_a_polish_company_word_and_a_spanish_legal_form_make_organisations(text: str, names: list[str]) -> None:
    start, model_name = text.index(names[0]), names[0].split(" Cía")[0]  # the model's span stops short, as a person
    result = refine(text, [(start, start + len(model_name), "PERSON")], [], VOCABULARY)
    assert [(m.name, m.type) for m in result.mentions if m.type in ("ORG", "PERSON", "GPE")] == [(n, "ORG") for n in names]


def test_initials_for_a_companys_first_words_and_the_last_written_out() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    found = mentions(("Zakłady Chemiczne Odra S.A.", "ORG"), ("Zaklady Chemiczne Odra", "ORG"), ("ZC Odra", "ORG"))
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(found, aliases)
    assert aliases.resolve("ZC Odra") == "Zakłady Chemiczne Odra S.A."


def test_initials_that_fit_two_names_name_the_one_beside_them() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    found = [[Found(0, 22, "Toronto Stock Exchange", "ORG", "Toronto Stock Exchange"), Found(30, 33, "TSX", "ORG", "TSX")],
             [Found(0, 20, "Tokyo Stock Exchange", "ORG", "Tokyo Stock Exchange")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(found, aliases)
    assert aliases.resolve("TSX") == "Toronto Stock Exchange"


@pytest.mark.parametrize("names, short, full", [
    (["William J. Ashcombe", "Bill Ashcombe"], "Bill Ashcombe", "William J. Ashcombe"),  # a nickname, no middle initial
])
def test_a_nickname_without_the_middle_initial(names: list[str], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert aliases.resolve(short) == full


@pytest.mark.parametrize("text, names", [
    ("said Shri Harshadbhai K. Vaghela, the chairman", ["Harshadbhai K. Vaghela"]),  # a middle initial after an honorific
])
def test_an_honorific_then_a_name_with_a_middle_initial(text: str, names: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == names


@pytest.mark.parametrize("text, projects", [
    ("He agreed. Solution mines are easier to build.", []),  # a kind of mine, opening a sentence
    ("“Solution mines cost less,” he said.", []),
    ("It owns the Kamoto and KOV mines.", ["Kamoto", "KOV"]),
])
def test_one_word_opening_a_sentence_before_mines_is_a_kind_of_mine(text: str, projects: list[str]) -> None:
    assert [f.name for f in project_names(text)] == projects


@pytest.mark.parametrize("text, former, owner", [
    # a legal form's full stops, and the seller named in apposition
    ("QUITO — Andes Oro SpA will pay. The seller, Minera Quimsa Cía. Ltda., keeps 40 percent. The company was known as "
     "Exploraciones Ruta Cía. Ltda. until 2020.", "Exploraciones Ruta Cía. Ltda.", "Minera Quimsa Cía. Ltda."),
    # a dateline opening the sentence is no company
    ("OSAKA — Kurobe Corp. said on Friday it would buy the stake, the first since the trading house changed its name "
     "from Kurobe Shoji Co., Ltd. in 2019.", "Kurobe Shoji Co., Ltd.", "Kurobe Corp."),
])
def test_a_former_name_of_the_company_a_sentence_before_names(text: str, former: str, owner: str) -> None:
    assert dict(refine(text, [], [], VOCABULARY).acronyms).get(former) == owner


@pytest.mark.parametrize("text, names", [
    ("TOKYO — Kurobe Tsusho Kabushiki Kaisha said on Monday", ["Kurobe Tsusho Kabushiki Kaisha"]),
])
def test_a_japanese_legal_form_written_out_ends_a_company_name(text: str, names: list[str]) -> None:
    assert [f.name for f in legal_names(text)] == names


@pytest.mark.parametrize("names, apart", [
    # a parent and its unit, each with its own legal form: two companies, and the bare name joins neither
    (["Brannock Holdings plc", "Brannock Minerals DAC", "Brannock Minerals", "Brannock"],
     {"Brannock Minerals": "Brannock Minerals DAC", "Brannock": "Brannock"}),
    # one name with two spellings of its legal form: one company
    (["Lanshan Power Group Co., Ltd.", "Lanshan Power Group Company Limited", "Lanshan"],
     {"Lanshan Power Group Co., Ltd.": "Lanshan Power Group Company Limited"}),
])
def test_a_parent_and_its_unit_with_their_own_legal_forms_stay_two(names: list[str], apart: dict[str, str]) -> None:
    from extract.link import Aliases, Curation, company_families

    aliases = Aliases(VOCABULARY, [], Curation())
    company_families(mentions(*((n, "ORG") for n in names)), aliases, VOCABULARY)
    assert {name: aliases.resolve(name) for name in apart} == apart
    assert aliases.resolve("Brannock Holdings plc") != aliases.resolve("Brannock Minerals DAC")


@pytest.mark.parametrize("text, names", [
    ("Kuusamo Metalli Oy said", ["Kuusamo Metalli Oy"]),
    ("Brannock Minerals DAC said", ["Brannock Minerals DAC"]),
    ("Chaiyaphum Holdings Public Company Limited said", ["Chaiyaphum Holdings Public Company Limited"]),
])
def test_finnish_irish_and_thai_legal_forms(text: str, names: list[str]) -> None:
    assert [f.name for f in legal_names(text)] == names


def test_a_former_name_in_brackets_is_the_name_before_them() -> None:
    text = "Orla Metals chairman Ian Byrne took to X (formerly Twitter) to say so."
    assert dict(refine(text, [(0, 11, "ORG")], [], VOCABULARY).acronyms).get("Twitter") == "X"


@pytest.mark.parametrize("text, projects", [
    ("Output rose. Flotation plant trials begin in May.", []),  # a process, capitalised only opening a sentence
    ("Output rose. Tunkillo mine workers left. The Tunkillo mine is old.", ["Tunkillo", "Tunkillo"]),  # named mid-sentence too
    ("fluorspar from a small Carinthian mine", []),  # a region's adjective
])
def test_a_kind_of_site_or_a_regions_adjective_before_a_site_word_is_no_project(text: str, projects: list[str]) -> None:
    assert [f.name for f in project_names(text)] == projects


@pytest.mark.parametrize("text, span, kind, junk", [
    ("Irish exports rose.", "Irish", "ORG", True),  # a people's language and adjective
    ("Thai buyers came.", "Thai", "GPE", True),
    ("Gujarati said so.", "Gujarati", "PERSON", False),  # a surname may be one
    ("the Soviet mine", "Soviet", "PROJECT", True),  # a former state's adjective
])
def test_a_peoples_adjective_or_a_former_states_is_no_name(text: str, span: str, kind: str, junk: bool) -> None:
    found = refine(text, [(text.index(span), text.index(span) + len(span), kind)], [], VOCABULARY)
    assert (span not in [m.text for m in found.mentions]) is junk


@pytest.mark.parametrize("text, name", [
    ("said the State Committee on Investments and State Property Management, which", "State Committee on Investments and "
     "State Property Management"),
    ("the Directorate of Geological Survey and Mines had approved", "Directorate of Geological Survey and Mines"),
])
def test_a_committees_or_directorates_portfolio_may_hold_and(text: str, name: str) -> None:
    from extract.entities.organisations import with_portfolio

    start = text.index(name)
    first = name.index(" and ")
    assert text[slice(*with_portfolio(text, start, start + first))] == name


@pytest.mark.parametrize("text, names", [
    ("was founded in 1962 by Ms Dararat's grandfather", ["Dararat"]),  # a possessive is no part of the name
    ("Its chief executive, Khun Dararat Wongsa, visited", ["Dararat Wongsa"]),  # a Thai honorific
])
def test_a_possessive_or_a_thai_honorific_leaves_the_name(text: str, names: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == names


@pytest.mark.parametrize("text, currency", [
    ("In Uganda the plant costs Shs158 billion.", "UGX"),  # shillings by the country named nearest
    ("Nairobi lenders put up Shs60bn.", "KES"),
    ("Bolivia's price is Bs1.29 billion.", "BOB"),  # bolivianos, or bolívares
    ("Caracas paid Bs350 million.", "VES"),
    ("The Thai buyer paid ฿6.2 billion.", "THB"),
])
def test_shillings_bolivianos_and_baht(text: str, currency: str) -> None:
    from extract.entities.values import currency_of_nearest_country, values_in

    assert [currency_of_nearest_country(text, f).value["currency"] for f in values_in(text, [])] == [currency]


@pytest.mark.parametrize("text, names", [
    ("Shares fell 2pc on Euronext Dublin on Monday.", ["Euronext Dublin"]),  # a foreign company word first
    ("a loan from Banco de la Nación Argentina", ["Banco de la Nación Argentina"]),
    ("the Union Government said", []),  # an English word that opens other phrases too
])
def test_a_name_a_foreign_company_word_opens_is_an_organisation(text: str, names: list[str]) -> None:
    from extract.entities.organisations import company_word_first

    assert [f.name for f in company_word_first(text)] == names


@pytest.mark.parametrize("text, names", [
    ("Shares in Brannock fell 1.8pc on Monday.", ["Brannock"]),  # only a company's shares move
    ("Lekhubu Diamonds said in a stock exchange filing that", ["Lekhubu Diamonds"]),  # or it files
    ("Mr Ashcombe said in a filing", []),  # never a person's
])
def test_shares_that_move_or_a_filing_make_an_organisation(text: str, names: list[str]) -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in organisations_in_context(text)] == names


@pytest.mark.parametrize("names, short, full", [
    (["W.M.K. Perera", "W. M. Kithsiri Perera"], "W.M.K. Perera", "W. M. Kithsiri Perera"),  # initials run together
    (["Haoran Zhu", "Zhu Haoran"], "Haoran Zhu", "Zhu Haoran"),  # a family name first or last
])
def test_initials_run_together_and_a_name_in_the_other_order(names: list[str], short: str, full: str) -> None:
    from extract.link import Aliases, Curation, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert aliases.resolve(short) == full


def test_a_landforms_lower_case_word_after_its_name_is_its_kind() -> None:
    from extract.link import Aliases, Curation, landform_names

    aliases = Aliases(VOCABULARY, [], Curation())
    landform_names(mentions(("Zarafshan mountains", "LOC"), ("Zarafshan Range", "LOC")), aliases)
    assert aliases.resolve("Zarafshan mountains") == "Zarafshan Range"


@pytest.mark.parametrize("text, names", [
    ("Minister of Industry and New Technologies Farrukh Davlatov told the agency", ["Farrukh Davlatov"]),
])
def test_a_portfolio_of_new_technologies_before_a_name(text: str, names: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == names


def test_analysts_opening_a_sentence_work_at_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    text = "Analysts at Marlow Bay Metals Research said buyers were keen."
    assert [f.name for f in organisations_in_context(text)] == ["Marlow Bay Metals Research"]


@pytest.mark.parametrize("text, span, kind, name", [
    ("stones from the Doi Pha Hom hill near the town", "Doi Pha Hom hill", "LOC", "Doi Pha Hom"),  # a landform's noun
])
def test_a_landforms_common_noun_after_its_name_is_no_part_of_it(text: str, span: str, kind: str, name: str) -> None:
    start = text.index(span)
    assert tidy(text, Found(start, start + len(span), span, kind, span, origin="model")).name == name


@pytest.mark.parametrize("text, span, kind, junk", [
    ("the Sri Lankan unit", "Sri Lankan", "GPE", True),  # a country of two words, and its people's adjective
    ("South African buyers", "South African", "ORG", True),
    ("Pan American Silver said", "Pan American", "ORG", False),
])
def test_a_two_word_countrys_people_are_not_the_country(text: str, span: str, kind: str, junk: bool) -> None:
    start = text.index(span)
    assert is_demonym(Found(start, start + len(span), span, kind, span, origin="model"), VOCABULARY) is junk


@pytest.mark.parametrize("text, former, owner", [
    ("KRM was founded in 2017 as Sidama Minerals PLC and took its name in 2022.", "Sidama Minerals PLC", "KRM"),
    ("Brenner Steine AG was founded in 1889 as Gebrüder Moser & Co. and took its name in 1951.", "Gebrüder Moser & Co.",
     "Brenner Steine AG"),
    ("Ostrava Kovy a.s. rose. The company traded as Kovohute Opava a.s. before taking its current name in 2008.",
     "Kovohute Opava a.s.", "Ostrava Kovy a.s."),
])
def test_a_former_name_founded_with_a_year_or_traded_before_a_new_name(text: str, former: str, owner: str) -> None:
    assert dict(refine(text, [], [], VOCABULARY).acronyms).get(former) == owner


def test_initials_may_spell_the_legal_form_too() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(mentions(("Adubos Serrado S.A.", "ORG"), ("ASSA", "ORG")), aliases)
    assert aliases.resolve("ASSA") == "Adubos Serrado S.A."


@pytest.mark.parametrize("text, currency", [
    ("In Gabon the plant costs FCFA 55 billion.", "XAF"),  # Central Africa's franc
    ("Dakar lenders put up FCFA 95 billion.", "XOF"),  # West Africa's
    ("Sales were CZK 2.7 billion.", "CZK"),
    ("Ethiopia's bill is Br 10.3 billion.", "ETB"),
])
def test_cfa_francs_korunas_and_birr(text: str, currency: str) -> None:
    from extract.entities.values import currency_of_nearest_country, values_in

    assert [currency_of_nearest_country(text, f).value["currency"] for f in values_in(text, [])] == [currency]


@pytest.mark.parametrize("text, span, kind, expected", [
    # the end of a post's portfolio, before the name, is no organisation
    ("which Minister of Energy and Mineral Resources Dr. Rana Khoury said must", "Mineral Resources", "ORG",
     [("Rana Khoury", "PERSON")]),
    # a Portuguese feminine honorific with its ordinal mark
    ("Managing director Dr.ª Marta Sitoe Langa said the partner", "ª Marta Sitoe Langa", "ORG", [("Marta Sitoe Langa", "PERSON")]),
    # a Portuguese legal form after a comma
    ("a deal with Niassa Mineração, Limitada, the owner", "Niassa Mineração", "ORG", [("Niassa Mineração, Limitada", "ORG")]),
    # a currency's code the model called an organisation names nothing's former name
    ("Brno Kovy a.s. will pay CZK 4.1 billion for a stake. The company traded as Kovy Opava a.s. before taking its "
     "current name.", "CZK", "ORG", [("Brno Kovy a.s.", "ORG"), ("CZK 4.1 billion", "MONEY"), ("Kovy Opava a.s.", "ORG")]),
])
def test_portfolio_ends_feminine_honorifics_limitada_and_currency_codes(text: str, span: str, kind: str,
                                                                         expected: list[tuple[str, str]]) -> None:
    start = text.index(span)
    found = refine(text, [(start, start + len(span), kind)], [], VOCABULARY)
    assert [(m.text, m.type) for m in found.mentions if m.type in ("ORG", "PERSON", "MONEY")] == expected
    if "CZK" in text:
        assert dict(found.acronyms).get("Kovy Opava a.s.") == "Brno Kovy a.s."


@pytest.mark.parametrize("text, places", [
    ("officials who visited Bhubaneswar in January", ["Bhubaneswar"]),  # a city the data knows, after "visited"
    ("it expanded into Mato Grosso and Goiás. Its plants grew", ["Mato Grosso", "Goiás"]),  # states, after "into"
    ("Residents of Mopipi asked the firm for a road.", ["Mopipi"]),  # where people live: a town the data knows
    ("The leaders of Komatsu asked for a road.", []),  # not who leads a company
])
def test_a_town_or_state_after_into_or_visited_is_a_place(text: str, places: list[str]) -> None:
    from extract.entities.places import towns_after_prepositions

    assert [f.name for f in towns_after_prepositions(text)] == places


@pytest.mark.parametrize("text, names", [
    ("keeps 65%. Its director general, Mariama Ndiaye Fall, signed the deal", ["Mariama Ndiaye Fall"]),  # "Its" opening
    ("Finance director dr Anna Wiśniewska-Nowak said the company would", ["Anna Wiśniewska-Nowak"]),  # a lower-case "dr"
])
def test_a_title_opening_a_sentence_then_the_name_and_a_lower_case_doctor(text: str, names: list[str]) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == names


def test_a_wires_pct_is_a_percentage() -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value) for f in values_in("sells a 40 pct stake", [])] == [("40 pct", {"fraction": 0.4})]


def test_a_company_word_wins_over_the_models_place_inside_the_name() -> None:
    text = "Shares of the refiner rose 3% on Borsa Istanbul on Monday."
    start = text.index("Istanbul")
    found = refine(text, [(start, start + 8, "GPE")], [], VOCABULARY)
    assert ("Borsa Istanbul", "ORG") in [(m.text, m.type) for m in found.mentions]


@pytest.mark.parametrize("text, spans, expected", [
    # A dateline and the sentence after it, one span to the model: the dash ends the name.
    ("NOUMEA — Thai gem cutter Siam Lapidary will pay", [("NOUMEA — Thai", "ORG")], [("NOUMEA", "GPE")]),
    # A route between two known places is two places.
    ("Stones will be flown from Antananarivo to Bangkok for cutting.", [("Antananarivo to Bangkok", "ORG")],
     [("Antananarivo", "GPE"), ("Bangkok", "GPE")]),
    # The end of a route that starts at a known place is a place, known or not.
    ("It will ship ore from Owendo to Kelvara each month.", [("Owendo", "GPE"), ("Kelvara", "ORG")],
     [("Owendo", "GPE"), ("Kelvara", "GPE")]),
])
def test_a_dash_or_a_route_ends_a_name(text: str, spans: list[tuple[str, str]], expected: list[tuple[str, str]]) -> None:
    found = refine(text, [(text.index(span), text.index(span) + len(span), kind) for span, kind in spans], [], VOCABULARY)
    assert [(m.text, m.type) for m in found.mentions if m.type in ("ORG", "GPE", "PERSON")] == expected


@pytest.mark.parametrize("text, names", [
    ("the Bureau du Cadastre Minier de Madagascar approved it", ["Bureau du Cadastre Minier de Madagascar"]),
    ("the Union des Producteurs de Nickel said", ["Union des Producteurs de Nickel"]),
    ("Bureau Chief Tom Reyes said", []),  # an English word opens a name only before another language's "of"
    # A portfolio list goes on after a comma with another "of", and after "et de l'".
    ("the Ministère du Pétrole, des Mines et de l'Énergie said", ["Ministère du Pétrole, des Mines et de l'Énergie"]),
    ("Banco de la Nación, Barrick and Komatsu", ["Banco de la Nación"]),
])
def test_an_english_word_opens_a_foreign_name_before_its_of(text: str, names: list[str]) -> None:
    from extract.entities.organisations import company_word_first

    assert [f.name for f in company_word_first(text)] == names


def test_a_port_named_after_its_town_lends_the_town_no_given_name() -> None:
    text = "Sohar Port offered land. A smelter at Sohar could sell to Saudi Arabia."
    candidates = [model_span(text, "Sohar Port", "PERSON"), Found(38, 43, "Sohar", "GPE", "Sohar")]
    assert [(c.text, c.type) for c in resolve_surnames(text, candidates)][1] == ("Sohar", "GPE")


def test_a_place_before_based_is_no_sentences_subject_with_a_former_name() -> None:
    text = "The Bhubaneswar-based company, formerly Utkal Smelters Pvt Ltd, listed in 2010."
    start = text.index("Bhubaneswar")
    found = refine(text, [(start, start + 11, "ORG")], [], VOCABULARY)
    assert ("Bhubaneswar", "GPE") in [(m.text, m.type) for m in found.mentions]


def test_a_name_with_an_english_of_is_the_english_gloss_though_it_shares_a_word_with_french() -> None:
    from extract.link import is_foreign_name

    assert is_foreign_name("Ministère des Mines et des Ressources Stratégiques")
    assert not is_foreign_name("Ministry of Mines and Strategic Resources")


def test_hon_with_its_full_stop_opens_a_persons_name_and_bare_opens_a_company() -> None:
    text = "Minister of State for Mineral Development Hon. Amina Kato Mugisha said. Hon Hai Precision said."
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Amina Kato Mugisha"]


@pytest.mark.parametrize("text, amounts", [
    # CLDR's local symbols and English names, for every current currency.
    ("Guatemala approved a Q345 million plan", [("Q345 million", "GTQ")]),
    ("Peru's regulator cleared S/352 million", [("S/352 million", "PEN")]),
    ("Fiji's board backed F$98 million of works", [("F$98 million", "FJD")]),
    ("a 2,330 million lempiras contract", [("2,330 million lempiras", "HNL")]),
    ("Madagascar's Ar 236 billion budget", [("Ar 236 billion", "MGA")]),
    ("Bulgaria will pay 188 million leva", [("188 million leva", "BGN")]),  # replaced by the euro in 2026, still cited
    ("a plant of 60-70 million euros", [("60-70 million euros", "EUR")]),  # a range before the currency's name
    # A sign two currencies share: the country named nearest says which.
    ("Turkmenistan will spend 448 million manat", [("448 million manat", "TMT")]),
    ("Azerbaijan will spend 448 million manat", [("448 million manat", "AZN")]),
    ("Papua New Guinea lent K2.1 billion", [("K2.1 billion", "PGK")]),
    ("the Gabonese state put in FCFA 5 billion", [("FCFA 5 billion", "XAF")]),
    # A sign only CLDR knows, or one letter, needs its scale; an ISO code is in capitals.
    ("its Q3 2025 results", []),
    ("Le 12 juin, la société", []),
    ("all 5 million shares", []),
    ("scored 80 marks", []),
])
def test_every_current_currency_is_read_from_cldr(text: str, amounts: list) -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value["currency"]) for f in values_in(text, [])] == amounts


def test_the_cldr_currency_file_is_what_the_pinned_packages_give() -> None:
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "currencies_cldr.py"
    spec = importlib.util.spec_from_file_location("currencies_cldr", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from extract.entities.currencies import CLDR_FILE

    assert CLDR_FILE.read_text(encoding="utf-8") == module.text(), "run tools/currencies_cldr.py"


@pytest.mark.parametrize("text, names", [
    ("Export Finance Australia is considering a loan", ["Export Finance Australia"]),
    ("Yesterday Export Development Canada said", ["Export Development Canada"]),  # from the first body word on
    ("the Minerals Council South Africa said", ["Minerals Council South Africa"]),
    ("in Western Australia the mine", []),  # a place's own name
    ("Vale Indonesia said", []),  # no body word: left to the other rules
])
def test_a_body_word_before_a_country_names_that_countrys_agency(text: str, names: list[str]) -> None:
    from extract.entities.organisations import bodies_of_countries

    assert [f.name for f in bodies_of_countries(text)] == names


def test_a_landform_a_company_word_follows_is_the_companys_name() -> None:
    text = "Ramu Highlands Minerals will keep 40% and run the mine in the Ramu Highlands."
    found = refine(text, [], [], VOCABULARY)
    assert [(m.text, m.type) for m in found.mentions if m.type == "LOC"] == [("Ramu Highlands", "LOC")]
    assert found.mentions[0].start > 0 or found.mentions[0].type != "LOC"


@pytest.mark.parametrize("text, names", [
    ("75% of the Las Ánimas silver project in Santa Bárbara", ["Las Ánimas"]),  # a name opening with an accented capital
    ("35% of the Ýaşyldepe iodine and bromine project", ["Ýaşyldepe"]),
    ("70% of the La Ceibita jadeite mine", ["La Ceibita"]),  # a mineral the lists lack, named in "-ite"
    ("a 51% stake in the Harka Vel zinc and lead project", ["Harka Vel"]),  # "lead" beside another metal
    ("a 55% stake in the Bela Skala perlite quarry", ["Bela Skala"]),  # a quarry is a site
])
def test_a_site_named_in_any_latin_alphabet_before_its_kind_is_a_project(text: str, names: list[str]) -> None:
    assert [f.name for f in project_names(text)] == names


def test_a_name_english_writes_with_digraphs_is_the_one_with_its_own_letters() -> None:
    from extract.link import own_spellings

    own = own_spellings({"Türkmenbaşy", "Turkmenbashi", "Türkmenhimiýa", "Turkmenkhimiya", "Saba", "Shaba"})
    assert own == {"Turkmenbashi": "Türkmenbaşy", "Turkmenkhimiya": "Türkmenhimiýa"}  # two plain names stay two


@pytest.mark.parametrize("name, core", [
    ("Compañía Minera Huarmey S.A.A.", "minera huarmey"),  # named after its town: the last company word stays
    ("Minera Huarmey", "minera huarmey"),
    ("Borsa Istanbul", "borsa istanbul"),
])
def test_a_company_named_after_its_town_keeps_one_company_word_in_its_core(name: str, core: str) -> None:
    from extract.link import company_core

    assert company_core(name, VOCABULARY, set()) == core


@pytest.mark.parametrize("short, name, made", [
    ("NALCO", "National Aluminium Company", True),  # an initial first, then two starts of two letters
    ("KOMIR", "Korea Mine Rehabilitation and Mineral Resources Corporation", True),
    ("NAMC", "National Aluminium Company", False),
])
def test_a_short_name_of_word_starts_needs_two_starts_of_two_letters(short: str, name: str, made: bool) -> None:
    from extract.entities.acronyms import made_of_word_starts

    assert made_of_word_starts(short, name) is made


def test_initials_two_organisations_share_go_to_the_one_named_after_a_place_their_article_names() -> None:
    from extract.link import Aliases, Curation, initials_of_names

    def mention(name: str, kind: str) -> Found:
        return Found(0, len(name), name, kind, name)

    found = [[mention("ASX", "ORG"), mention("Western Australia", "GPE")],
             [mention("Australian Securities Exchange", "ORG")], [mention("Armenia Securities Exchange", "ORG")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    initials_of_names(found, aliases)
    assert aliases.resolve("ASX") == "Australian Securities Exchange"


def test_a_dateline_names_a_city_in_another_language_and_the_corpus_name_joins_it() -> None:
    from extract.link import Aliases, Curation, city_names

    text = "CIUDAD DE GUATEMALA — A jade group will pay Q345 million for the mine."
    assert [(f.text, f.type) for f in dateline_places(text)] == [("CIUDAD DE GUATEMALA", "GPE")]
    found = [[Found(0, 19, "CIUDAD DE GUATEMALA", "GPE", "CIUDAD DE GUATEMALA")], [Found(0, 14, "Guatemala City", "GPE", "Guatemala City")],
             [Found(0, 11, "DALANZADGAD", "GPE", "DALANZADGAD")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    city_names(found, aliases)
    assert aliases.resolve("CIUDAD DE GUATEMALA") == "Guatemala City"
    assert aliases.resolve("DALANZADGAD") == "DALANZADGAD"  # GeoNames' own spelling is nowhere in the corpus


def test_two_companies_with_one_legal_form_and_a_shared_first_word_stay_two() -> None:
    from extract.link import Aliases, Curation, fuller_names

    found = [[Found(0, 11, "RG Gold LLP", "ORG", "RG Gold LLP"), Found(20, 37, "RG Processing LLP", "ORG", "RG Processing LLP")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    fuller_names(found, aliases, VOCABULARY)
    assert aliases.resolve("RG Gold LLP") == "RG Gold LLP"


def test_the_firm_formerly_named_mid_sentence_is_the_company_the_story_is_about() -> None:
    text = ("ICA chief executive Ana Soto said the plan would cost US$1.1bn. Sr. Soto added that the firm, formerly "
            "Austral Cobre SpA, had spent a decade in copper.")
    ica = text.index("ICA")
    found = refine(text, [(ica, ica + 3, "ORG"), (text.index("Austral"), text.index(", had"), "ORG")], [], VOCABULARY)
    assert ("Austral Cobre SpA", "ICA") in found.acronyms


def test_two_rules_finding_one_name_retype_a_model_span_once() -> None:
    # ("According to" a source, at a sentence's start, is found by two context rules: it was retyped twice and crashed.)
    text = "Its assets grew. According to Gulf Insight, the group is also in talks."
    start = text.index("Gulf")
    found = refine(text, [(start, start + 12, "PERSON")], [], VOCABULARY)
    assert [(m.text, m.type) for m in found.mentions] == [("Gulf Insight", "ORG")]


def test_a_datelines_wire_credit_names_no_one_and_congolese_is_a_people() -> None:
    text = "DAKAR (Gulfwire) – The Congolese state signed with Gulfwire Holdings, a Dubai group."
    start = text.index("Gulfwire")
    spans = [(start, start + 8, "ORG"), (text.index("Congolese"), text.index("Congolese") + 9, "NORP")]
    found = refine(text, spans, [], VOCABULARY)
    assert ("Gulfwire", "ORG") not in [(m.text, m.type) for m in found.mentions]
    assert is_demonym(Found(0, 9, "Congolese", "GPE", "Congolese"), VOCABULARY)


@pytest.mark.parametrize("text, span, kind, expected", [
    ("traditionally dominated by SQM and U.S.-based Albemarle.", "Albemarle", "PERSON", ("Albemarle", "ORG")),  # a town's name
    ("Albanese said at the White House that", "White House", "LOC", ("White House", "LOC")),  # a building, not the town
])
def test_a_company_based_somewhere_and_a_building_are_no_towns(text: str, span: str, kind: str, expected: tuple) -> None:
    from extract.entities.places import as_place

    start = text.index(span)
    found = as_place(text, Found(start, start + len(span), span, kind, span))
    assert (found.name, found.type) == expected


@pytest.mark.parametrize("text, names", [
    ("advice from Carey y Cía. in Chile and Sullivan & Cromwell LLP. The deal", ["Carey y Cía.", "Sullivan & Cromwell LLP"]),
])
def test_a_place_before_and_is_no_part_of_the_firm_after_it(text: str, names: list[str]) -> None:
    assert sorted({f.name for f in legal_names(text) + suffixed_names(text)}) == names


def test_a_sentence_opening_between_a_year_and_another_is_no_event() -> None:
    from extract.entities.organisations import editions

    assert editions("the state (5%). Between 2019 and the end of 2024, the mine sold tin.") == []


def test_the_x_based_company_formerly_y_is_the_company_the_story_is_about() -> None:
    text = ("Kalinga Ferro Alloys Ltd will buy ore from Gabon, it said on Monday. The Bhubaneswar-based company, "
            "formerly Utkal Smelters Pvt Ltd, listed in 2010.")
    found = refine(text, [(0, 23, "ORG")], [], VOCABULARY)
    assert ("Utkal Smelters Pvt Ltd", "Kalinga Ferro Alloys Ltd") in found.acronyms


def test_where_ore_is_trucked_to_is_a_place() -> None:
    from extract.entities.places import as_place

    text = "ore would be trucked to Lastoursville and loaded on trains"
    start = text.index("Lastoursville")
    assert as_place(text, Found(start, start + 13, "Lastoursville", "PERSON", "Lastoursville")).type == "GPE"


def test_an_element_in_a_chemical_compound_is_no_mineral_mention() -> None:
    text = "The ore grades 46.8% magnesium oxide and beds of barium sulphate; magnesite is mined."
    assert [(f.text, f.type) for f in vocabulary_matches(text, VOCABULARY, []) if f.type == "MINERAL"] == [("magnesite", "MINERAL")]


def test_a_firm_that_started_as_another_name_had_that_name() -> None:
    text = ("Narvik Drilling Chemicals Ltd. will buy barite, it said. The firm started in 1994 as Narvik Minerals & "
            "Chemicals Pvt Ltd and took its present name in 2008.")
    found = refine(text, [(0, 30, "ORG")], [], VOCABULARY)
    assert ("Narvik Minerals & Chemicals Pvt Ltd", "Narvik Drilling Chemicals Ltd") in found.acronyms


def test_an_oued_or_a_wadi_is_a_river_word() -> None:
    from extract.entities.places import KIND_OF_WORD, landform_word

    assert landform_word("Oued Ziz") == "Oued" and KIND_OF_WORD["wadi"] == "river"


def test_a_countrys_adjective_is_no_companys_core() -> None:
    from extract.link import company_core

    assert company_core("Finnish Minerals Group", VOCABULARY, set()) == "finnish minerals"


def test_a_countrys_mission_is_an_organisation_and_embassies_in_two_places_stay_two() -> None:
    from extract.entities.organisations import missions
    from extract.link import Aliases, Curation, fuller_names

    text = "Charge de Affairs of Chinese Embassy Zhao Lijian spoke; the US Embassy said; Embassy Row is a street."
    assert [f.name for f in missions(text, VOCABULARY)] == ["Chinese Embassy", "US Embassy"]
    found = [[Found(0, 15, "Chinese Embassy", "ORG", "Chinese Embassy")],
             [Found(0, 26, "Chinese Embassy in Bolivia", "ORG", "Chinese Embassy in Bolivia")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    fuller_names(found, aliases, VOCABULARY)
    assert aliases.resolve("Chinese Embassy") == "Chinese Embassy"


def test_a_venue_the_model_stopped_short_of_is_the_venue() -> None:
    text = "a press conference at Mulungushi International Conference centre in Lusaka"
    start = text.index("Mulungushi")
    found = tidy(text, Found(start, start + 35, text[start:start + 35], "EVENT", text[start:start + 35]))
    assert (found.name, found.type) == ("Mulungushi International Conference centre", "LOC")


def test_what_a_country_owns_is_no_place() -> None:
    from extract.entities.tidy import split_possessive

    text = "a global copper company, like Chile's Codelco and others"
    start = text.index("Chile")
    parts = split_possessive(Found(start, start + 15, "Chile's Codelco", "GPE", "Chile's Codelco"))
    assert [(p.name, p.type) for p in parts] == [("Chile", "GPE"), ("Codelco", "ORG")]


@pytest.mark.parametrize("text, name", [
    ("said Minister of Energy and Mines Altagracia Peña de los Santos, who", "Altagracia Peña de los Santos"),
    ("Minister for Industry, Commerce and Supplies Keshav Prasad Bhattarai said", "Keshav Prasad Bhattarai"),
])
def test_the_word_after_a_portfolios_and_is_the_portfolios_and_a_name_may_hold_particles(text: str, name: str) -> None:
    assert [f.name for f in titled_people(text, VOCABULARY)] == [name]


@pytest.mark.parametrize("text, minerals", [
    ("will pay $30m for a 33% stake in a kyanite project", ["kyanite"]),  # before a site
    ("had bought kyanite and andalusite from traders", ["kyanite", "andalusite"]),  # after a verb of trade, and beside it
    ("has produced tantalite concentrate since 1990", ["tantalite"]),
    ("The ore holds eudialyte, a mineral that carries zirconium", ["eudialyte"]),
    ("a satellite project, despite ore prices", []),  # English words of the ending
    ("the Dande Kopje pegmatite grades 1.38% Li2O", []),  # a rock, not a mineral
])
def test_a_mineral_species_no_list_holds_is_named_where_the_text_treats_it_as_one(text: str, minerals: list[str]) -> None:
    from extract.entities.names import species_named

    assert [f.name for f in species_named(text)] == minerals


def test_a_model_span_that_starts_a_name_found_whole_in_the_article_is_that_name() -> None:
    text = "It bought 38% of the Chuniya Danda talc mine. Its Chuniya Danda ridge lies near Hetauda."
    second = text.index("Chuniya", 30)
    found = refine(text, [(second, second + 7, "ORG")], [], VOCABULARY)
    assert [(m.text, m.type) for m in found.mentions if m.start >= second][:1] == [("Chuniya Danda", "PROJECT")]


def test_a_word_of_a_ministers_portfolio_names_no_organisation() -> None:
    text = "the Minister for Industry, Commerce and Supplies Keshav Prasad Bhattarai said on Monday."
    start = text.index("Commerce")
    found = refine(text, [(start, start + 8, "ORG")], [], VOCABULARY)
    assert [(m.text, m.type) for m in found.mentions if m.type in ("ORG", "PERSON")] == [("Keshav Prasad Bhattarai", "PERSON")]


@pytest.mark.parametrize("text, name", [
    ("owned by the holding company Serra Vaz, SGPS, S.A., which makes board", "Serra Vaz, SGPS, S.A."),
    ("a unit, Kowhai Clay (Hong Kong) Limited, will take the stake", "Kowhai Clay (Hong Kong) Limited"),
    ("Tisza Alumínium Nyrt. will buy half", "Tisza Alumínium Nyrt."),
    ("Baltic Ore UAB signed", "Baltic Ore UAB"),
    ("Kim Min-ji of Hanbit Investment & Securities Co., Ltd. said", "Hanbit Investment & Securities Co., Ltd."),  # a person first
    ("the seller, Mineralet e Kukësit sh.a., said", "Mineralet e Kukësit sh.a."),  # initials printed in lower case
])
def test_legal_forms_of_many_countries_a_run_of_two_and_a_units_home_end_a_company_name(text: str, name: str) -> None:
    assert [f.name for f in legal_names(text)] == [name]


def test_a_units_home_in_brackets_goes_with_its_legal_form_when_a_name_is_shortened() -> None:
    from extract.link import without_legal_form

    assert without_legal_form("Kowhai Clay (Hong Kong) Limited") == "Kowhai Clay"
    assert without_legal_form("Serra Vaz, SGPS, S.A.") == "Serra Vaz"
    assert without_legal_form("Kowhai Clay (Hong Kong)") == "Kowhai Clay (Hong Kong)"  # no legal form: a name as given


@pytest.mark.parametrize("text, minerals", [
    ("the mine yields amethyst, citrine and topaz", ["amethyst", "citrine", "topaz"]),
    ("the Sombra amethyst mine", ["amethyst"]),
    ("Opal Ndlovu, the chief executive, said opal prices rose", ["opal"]),  # a given name before a surname
    ("Ruby Mensah said", []),
    ("a 37% stake in a zeonite clay project", ["zeonite"]),  # a species before "clay project"
    ("refined zeonite sold for $1,500 a tonne", ["zeonite"]),
])
def test_gemstones_and_species_are_minerals_and_a_stones_given_name_is_a_persons(text: str, minerals: list) -> None:
    assert [f.name for f in vocabulary_matches(text, VOCABULARY, []) if f.type == "MINERAL"] == minerals


def test_a_dateline_in_capitals_with_a_macron_names_its_place() -> None:
    assert [f.name for f in dateline_places("WHANGĀREI — A porcelain maker will pay NZ$58 million")] == ["WHANGĀREI"]


@pytest.mark.parametrize("text, span, pieces", [
    ("shipped from Marsden Point to Shantou by sea", "Marsden Point to Shantou", ["Marsden Point", "Shantou"]),
    ("from Lyon to Kowhai Flats", "Lyon to Kowhai Flats", ["Lyon", "Kowhai Flats"]),
])
def test_a_route_the_model_read_as_one_place_is_two_when_one_end_is_known(text: str, span: str, pieces: list) -> None:
    from extract.entities.tidy import split_at_breaks

    assert [f.name for f in split_at_breaks(model_span(text, span, "GPE"))] == pieces


@pytest.mark.parametrize("text, towns", [
    ("The pit lies in farmland between Kerikeri and Kaikohe, on old ground.", ["Kerikeri", "Kaikohe"]),
    ("The $440 million partnership between Komatsu and Pakistan for the mine.", []),  # parties, not places
])
def test_between_names_towns_only_where_it_is_about_space(text: str, towns: list) -> None:
    from extract.entities.places import towns_after_prepositions

    assert [f.name for f in towns_after_prepositions(text)] == towns


@pytest.mark.parametrize("text, name", [
    ("a loan from Sparkasse Weser-Ems. The bank", "Sparkasse Weser-Ems"),
    ("and Landesbank Oberland said", "Landesbank Oberland"),
])
def test_a_german_savings_or_state_bank_is_named_by_its_first_word(text: str, name: str) -> None:
    from extract.entities.organisations import company_word_first

    assert [f.name for f in company_word_first(text)] == [name]


def test_a_research_firms_name_is_a_companys() -> None:
    assert retype("Harbour Intelligence", "PERSON") == "ORG"
    assert retype("Kestrel Analytics", "PERSON") == "ORG"


def test_a_french_provinces_compass_word_in_english_names_it() -> None:
    from extract.entities.gazetteer import place_kind

    assert place_kind("North Kivu") == place_kind("Nord-Kivu") == "subdivision"
    assert place_kind("South Kivu") == "subdivision"


def test_coltan_is_an_ore_of_its_own() -> None:
    assert [f.name for f in vocabulary_matches("exports of coltan and tantalum", VOCABULARY, [])] == ["coltan", "tantalum"]


@pytest.mark.parametrize("text, part, whole", [
    ("People in Žiar nad Hronom asked that lorries avoid the town.", "Hronom", "Žiar nad Hronom"),
    ("He flew to Frankfurt am Main on Monday.", "Frankfurt", "Frankfurt am Main"),
    ("Shares rose 1.9 per cent in Port of Spain on Tuesday.", "Spain", "Port of Spain"),  # not the country
])
def test_a_name_and_the_words_beside_it_that_make_a_known_place_are_that_place(text: str, part: str, whole: str) -> None:
    from extract.entities.places import whole_place_names

    assert [f.name for f in whole_place_names(text, [model_span(text, part, "ORG")])] == [whole]


@pytest.mark.parametrize("text, projects", [
    ("will buy 62% of the Sombra Negra amethyst mine in the north", ["Sombra Negra"]),
    ("the Loma Celeste larimar mine.", ["Loma Celeste"]),  # a stone no list holds
    ("the government could mine more", []),
    ("the Kowhai project director said", []),  # staff, not a site
])
def test_after_the_a_name_and_any_word_for_the_kind_of_site_is_a_project(text: str, projects: list) -> None:
    assert [f.name for f in project_names(text)] == projects


@pytest.mark.parametrize("name, english", [("Islamic Republic of Mauritania", "Mauritania"), ("Cameroun", "Cameroon"),
                                           ("República Dominicana", "Dominican Republic"), ("Mauritania", None)])
def test_a_countrys_formal_name_and_its_names_in_other_languages_are_the_english_one(name: str, english: str | None) -> None:
    from extract.entities.gazetteer import country_by_other_name

    assert country_by_other_name(name) == english


def test_a_country_named_in_another_language_is_one_place_with_its_english_name() -> None:
    from extract.link import Aliases, Curation, place_spacings

    found = [[Found(0, 8, "Cameroon", "GPE", "Cameroon")], [Found(0, 8, "Cameroun", "GPE", "Cameroun")],
             [Found(0, 30, "Islamic Republic of Mauritania", "GPE", "Islamic Republic of Mauritania")],
             [Found(0, 10, "Mauritania", "GPE", "Mauritania")]]
    aliases = Aliases(VOCABULARY, [], Curation())
    place_spacings(found, aliases)
    assert aliases.resolve("Cameroun") == "Cameroon"
    assert aliases.resolve("Islamic Republic of Mauritania") == "Mauritania"


def test_no_place_is_made_of_a_name_and_a_capitalised_word_before_it() -> None:
    from extract.entities.places import whole_place_names

    text = "Rio Tinto’s Sweetwater plant is large."
    assert whole_place_names(text, [model_span(text, "Tinto", "PERSON")]) == []


@pytest.mark.parametrize("text, span, parts", [
    ("a deal between a subsidiary of the Kestrel Uranium and Tamarind Metals. Tamarind Metals owns it, and Kestrel "
     "Uranium said so.", "the Kestrel Uranium and Tamarind Metals", ["Kestrel Uranium", "Tamarind Metals"]),
    ("the Ministry of Trade and Industry said", "Ministry of Trade and Industry", ["Ministry of Trade and Industry"]),
    ("bought by Harbour Capital Advisors and Kestrel Mine Finance Group last year; Kestrel said so",
     "Harbour Capital Advisors and Kestrel Mine Finance Group", ["Harbour Capital Advisors", "Kestrel Mine Finance Group"]),
    ("owned by Harbour Capital Advisors and Kestrel Mine Finance Group", "Harbour Capital Advisors and Kestrel Mine Finance Group",
     ["Harbour Capital Advisors", "Kestrel Mine Finance Group"]),  # a whole second name of its own
    ("China Nonferrous Mining and Construction Group said", "China Nonferrous Mining and Construction Group",
     ["China Nonferrous Mining and Construction Group"]),  # "Construction" opens no name of its own
    ("to hire 90 workers from Samtse and Chhukha by 2035", "Samtse and Chhukha", ["Samtse", "Chhukha"]),  # a known town and its pair
    ("to hire 90 workers from Harbour Capital and Chhukha by 2035", "Harbour Capital and Chhukha",
     ["Harbour Capital and Chhukha"]),  # no town the data knows
])
def test_two_names_joined_by_and_that_the_article_writes_alone_are_two(text: str, span: str, parts: list) -> None:
    from extract.entities.tidy import split_coordinated

    assert [f.name for f in split_coordinated(model_span(text, span, "ORG"), text)] == parts


@pytest.mark.parametrize("tail, short_type", [
    (" Kalinga managing director Sanjay Rao said so.", "ORG"),
    (" Fishermen from Kalinga said they feared the plant.", "GPE"),  # where they are from
    (" Pakistan said it would agree.", "GPE"),  # a country is never a company's short name
])
def test_a_companys_first_word_acting_as_a_company_is_that_company(tail: str, short_type: str) -> None:
    from extract.entities.organisations import company_short_names

    full = "Kalinga Ferro Alloys Limited will pay. Pakistan Minerals Limited met."
    text = full + tail
    short = "Pakistan" if "Pakistan said" in tail else "Kalinga"
    at = len(full) + tail.index(short)
    candidates = [model_span(text, "Kalinga Ferro Alloys Limited", "ORG"), model_span(text, "Pakistan Minerals Limited", "ORG"),
                  Found(at, at + len(short), short, "GPE", short)]
    assert company_short_names(text, candidates)[-1].type == short_type


@pytest.mark.parametrize("text, span, name", [
    ("produced from Mt. Weldon feedstock, the firm said", "Mt.", "Mt. Weldon"),  # the model stopped at "Mt."
    ("CHINA’S Kestrel Mining Group will buy", "CHINA’S Kestrel Mining Group", "Kestrel Mining Group"),
])
def test_a_mountains_abbreviation_takes_its_name_and_an_owner_in_capitals_is_left_off(text: str, span: str, name: str) -> None:
    assert tidy(text, model_span(text, span, "LOC" if span == "Mt." else "ORG")).name == name


def test_a_dollars_code_and_sign_written_together_are_that_dollar() -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value["currency"]) for f in values_in("a further AUD$200 million and NZD$40m", [])] == [
        ("AUD$200 million", "AUD"), ("NZD$40m", "NZD")]


def test_a_works_named_with_a_capitalised_plant_word_is_a_project() -> None:
    assert [f.name for f in project_names("Its Sweetwell Plant is a 3,000-tonne mill")] == ["Sweetwell"]
    # An owner's plant named after its town is that plant; a town's refinery alone is only where one is.
    assert [f.name for f in project_names("Kestrel’s Karachi plant is a mill. The Karachi refinery is old.")] == ["Karachi"]


def test_an_owners_one_word_operation_is_a_project_and_a_subsidiary_named_after_it_a_company() -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in project_names("a stake in Kestrel’s Sombrio operation in Peru. Its Chilean operations grew.")] == [
        "Sombrio"]
    assert "Altamar" in [f.name for f in organisations_in_context("a loan from the group’s subsidiary Altamar. Another")]


def test_an_area_word_in_the_places_own_language_ends_its_name() -> None:
    assert "Kolenté Préfecture" in [f.name for f in administrative_areas("the mining areas (Kolenté Préfecture) near the coast")]


@pytest.mark.parametrize("text, name, kind", [
    ("the steelworks in the Ruhrtal and cement plants", "Ruhrtal", "LOC"),
    ("a water-powered mill in the Hunsberg, and a shop", "Hunsberg", "LOC"),
    ("out into the Aegir. Then", "Aegir", "LOC"),
    ("as he wrote in the Examiner, the", "Examiner", "ORG"),  # an outlet, after a word of publishing
    ("a post in the Senate, he said", "Senate", "ORG"),  # an institution
    ("producers across the TSX and its venture board", "TSX", "ORG"),  # capitals: an acronym, no region
])
def test_a_bare_name_after_in_the_where_a_region_goes_on_is_a_region(text: str, name: str, kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, name, "ORG")).type == kind


@pytest.mark.parametrize("form, currency", [("NT$", "TWD"), ("EC$", "XCD"), ("MX$", "MXN"), ("COL$", "COP"), ("CLP$", "CLP"),
                                            ("AR$", "ARS"), ("Nu ", "BTN"), ("Tk ", "BDT")])
def test_the_dollar_signed_forms_news_writes_and_cldr_lacks(form: str, currency: str) -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value["currency"]) for f in values_in(f"will pay {form}1.17 billion for a stake", [])] == [
        (f"{form}1.17 billion", currency)]


@pytest.mark.parametrize("text, years", [
    ("The firm was founded in 1874 as a water-powered mill", [1874]),
    ("the pit, discovered in 1790, closed", [1790]),
    ("output rose to 1874 tonnes", []),
])
def test_an_older_year_after_a_word_of_history_is_a_date(text: str, years: list) -> None:
    from extract.entities.values import years_after_words

    assert [f.value["year"] for f in years_after_words(text)] == years


@pytest.mark.parametrize("words, text, found", [
    (["co", "cobalt", "copper", "copper-gold"], "cobalt and copper-gold and co and coppers", ["cobalt", "copper-gold", "co"]),
    (["rare earth", "rare earths", "rare"], "rare earths, a rare earth", ["rare earths", "rare earth"]),
])
def test_a_trie_of_words_finds_the_longest_word_as_a_plain_alternation_does(words: list, text: str, found: list) -> None:
    import re

    from extract.vocab import trie_pattern

    plain = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})(?!\w)")
    trie = re.compile(rf"(?<!\w)(?:{trie_pattern(words)})(?!\w)")
    assert [m.group(0) for m in trie.finditer(text)] == [m.group(0) for m in plain.finditer(text)] == found


def test_a_sites_name_may_hold_a_little_word_of_its_language() -> None:
    assert [f.name for f in project_names("a stake in the Guri i Kuq olivine project near Kukës")] == ["Guri i Kuq"]


def test_a_spanish_given_name_of_two_joined_by_del_is_the_persons() -> None:
    text = "Chief executive María del Pilar Ruiz Ortega said so."
    assert tidy(text, model_span(text, "Pilar Ruiz Ortega", "PERSON")).name == "María del Pilar Ruiz Ortega"


def test_one_mineral_by_its_two_names() -> None:
    found = [f.name for f in vocabulary_matches("celestite, also called celestine", VOCABULARY, [])]
    assert found == ["celestite", "celestite"]


@pytest.mark.parametrize("text, found", [
    ("The group lent it two million euros in July", [("two million euros", "MONEY")]),
    ("Three percent of the world's reserves lie there", [("Three percent", "PERCENT")]),
    ("about twenty-five per cent of it", [("twenty-five per cent", "PERCENT")]),
    ("two million tonnes of ore and one of the three", []),
    ("rights worth EUR 34.06 million (Kc870.4 million).", [("EUR 34.06 million", "MONEY"), ("Kc870.4 million", "MONEY")]),
])
def test_figures_written_in_words_and_the_koruna_without_its_hacek(text: str, found: list) -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.type) for f in values_in(text, [])] == found


def test_denars_are_north_macedonias() -> None:
    from extract.entities.values import values_in

    assert [f.value["currency"] for f in values_in("for 2.34 billion denars", [])] == ["MKD"]


def test_a_country_whose_name_holds_and_is_one_name_and_so_is_a_body_named_after_it() -> None:
    from extract.entities.tidy import countries_with_and

    text = "listed on the Trinidad and Tobago Stock Exchange on Monday; a Bosnia and Herzegovina firm."
    found = countries_with_and(text, [model_span(text, "Trinidad", "GPE"), model_span(text, "Tobago Stock Exchange", "ORG"),
                                      model_span(text, "Bosnia", "GPE"), model_span(text, "Herzegovina", "GPE")])
    assert [(f.name, f.type) for f in found] == [("Trinidad and Tobago Stock Exchange", "ORG"), ("Bosnia and Herzegovina", "GPE")]


def test_a_slavic_banks_name_ends_in_banka() -> None:
    assert retype("Komercijalna Banka", "GPE") == "ORG"


def test_the_seas_of_the_iho_list_are_places_bare_where_no_country_shares_the_name() -> None:
    found = [(f.name, f.type) for f in vocabulary_matches("by ship through the Aegean and up the Adriatic, then the Java Sea",
                                                          VOCABULARY, [])]
    assert found == [("Aegean Sea", "LOC"), ("Adriatic Sea", "LOC"), ("Java Sea", "LOC")]


def test_a_states_initials_are_the_state_named_beside_them() -> None:
    from extract.link import Aliases, Curation, key, provinces

    aliases = Aliases(VOCABULARY, [], Curation())
    found = [[Found(0, 10, "Washington", "GPE", "Washington")],
             [Found(0, 2, "WA", "GPE", "WA"), Found(5, 22, "Western Australia", "GPE", "Western Australia")]]
    provinces(found, aliases)
    assert key(aliases.resolve("WA")) == key("Western Australia")


@pytest.mark.parametrize("text, name", [
    ("the owner, Glencore (GLEN.L), said", "Glencore"),
    ("a deal with Lundin Mining Corporation (LMC, LUN.TO), a Canadian firm", "Lundin Mining Corporation"),
    ("shares of Vale (NYSE: VALE) rose", "Vale"),  # a town's name too: the ticker says company
])
def test_a_name_with_its_shares_ticker_is_a_listed_company(text: str, name: str) -> None:
    from extract.entities.organisations import organisations_in_context

    assert [(f.name, f.type) for f in organisations_in_context(text) if f.name == name] == [(name, "ORG")]


@pytest.mark.parametrize("ticker, junk", [("LUN.TO", True), ("GLEN.L", True), ("U.S", False)])
def test_a_shares_ticker_on_its_exchange_is_no_entity(ticker: str, junk: bool) -> None:
    text = f"shares ({ticker}) rose"
    assert is_junk(model_span(text, ticker, "ORG"), set(), text) is junk


def test_earnings_per_share_is_a_common_term() -> None:
    text = "It will add 10 percent to cash EPS next year."
    assert [m.text for m in refine(text, [(text.index("EPS"), text.index("EPS") + 3, "ORG")], [], VOCABULARY).mentions
            if m.type == "ORG"] == []


@pytest.mark.parametrize("text, span, parts", [
    ("its offtake with Pilbara Minerals’ Pilgangoora project", "Pilbara Minerals’ Pilgangoora", ["Pilbara Minerals", "Pilgangoora"]),
    ("the Ganjam Coastal Fishworkers' Union said", "Ganjam Coastal Fishworkers' Union", ["Ganjam Coastal Fishworkers' Union"]),
])
def test_a_plurals_possessive_splits_an_owner_from_what_it_owns_not_a_bodys_name(text: str, span: str, parts: list) -> None:
    from extract.entities.tidy import split_possessive

    assert [f.name for f in split_possessive(model_span(text, span, "ORG"))] == parts


@pytest.mark.parametrize("text, towns", [
    ("The company is buying the stake in Vale, which has projects in Canada.", []),  # a share is a company's
    ("The company is building a plant in Vale, which lies in Georgia.", ["Vale"]),
])
def test_a_stake_in_a_name_is_no_town(text: str, towns: list) -> None:
    from extract.entities.places import towns_after_prepositions

    assert [f.name for f in towns_after_prepositions(text) if f.name == "Vale"] == towns


@pytest.mark.parametrize("names, joined", [
    (["Andrey Lavrentyev", "Andrej Lavrentiev"], True),  # two romanisations of one Russian name
    (["Kanat Sharlapayev", "Kanat Sharlapaev"], True),
    (["Juan Li", "Yuan Li"], False),  # a "j" before a vowel is its own letter
])
def test_two_romanisations_of_one_name_are_one_person(names: list[str], joined: bool) -> None:
    from extract.link import Aliases, Curation, key, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert (len({key(aliases.resolve(n)) for n in names}) == 1) is joined


def test_a_ministers_name_after_a_known_portfolio_ends_where_the_sentence_goes_on() -> None:
    text = "announced Minister of Industry and Construction Kanat Sharlapayev at a press briefing on Friday."
    assert [f.name for f in titled_people(text, VOCABULARY)] == ["Kanat Sharlapayev"]
    text = "said the Director General of Geological Survey at the meeting."  # no portfolio word: no name guessed
    assert [f.name for f in titled_people(text, VOCABULARY)] == []


@pytest.mark.parametrize("text, span, kind", [
    ("The Abu Dhabi company will provide $620 million", "Abu Dhabi", "GPE"),  # a city of millions is the place
    ("Vale said on Monday it would sell", "Vale", "ORG"),  # a small town's name alone may be a company's
])
def test_a_major_city_the_model_read_as_an_organisation_is_the_city(text: str, span: str, kind: str) -> None:
    from extract.entities.places import as_place

    assert as_place(text, model_span(text, span, "ORG")).type == kind


@pytest.mark.parametrize("text, span, parts", [
    ("owned by the Investment Corporation of Dubai, which", "Investment Corporation of Dubai", ["Investment Corporation of Dubai"]),
    ("Sankofa Goldfields of Accra said", "Sankofa Goldfields of Accra", ["Sankofa Goldfields", "Accra"]),
])
def test_a_name_of_organisation_words_only_holds_its_place(text: str, span: str, parts: list) -> None:
    assert [f.name for f in split_located(model_span(text, span, "ORG"))] == parts


@pytest.mark.parametrize("text, span, name", [
    ("the chief executive of Gold Fields Ltd. GFIOF, is", "Gold Fields Ltd. GFIOF", "Gold Fields Ltd."),
    ("shares of Kestrel Mining Corp PLC rose", "Kestrel Mining Corp PLC", "Kestrel Mining Corp PLC"),  # two legal forms
])
def test_a_ticker_printed_after_a_legal_form_is_no_part_of_the_name(text: str, span: str, name: str) -> None:
    assert tidy(text, model_span(text, span, "ORG")).name == name


@pytest.mark.parametrize("name, adjective", [("Omani", True), ("Emirati", True), ("Thai", True), ("Morowali", False), ("Ali", False)])
def test_a_word_ending_in_i_is_a_countrys_adjective_only_of_a_countrys_word(name: str, adjective: bool) -> None:
    from extract.entities.organisations import is_place_adjective

    assert is_place_adjective(name) is adjective


def test_a_place_named_with_a_possessive_is_one_site() -> None:
    text = "and the Voisey’s Bay Mine Expansion in Canada."
    found = refine(text, [(text.index("the Voisey"), text.index(" in Canada"), "ORG")], [], VOCABULARY).mentions
    assert [(m.text, m.type) for m in found if m.type != "GPE"] == [("Voisey’s Bay", "PROJECT")]
    text = "the Pomalaa and Morowali projects in Indonesia"
    assert [f.name for f in project_names(text)] == ["Pomalaa", "Morowali"]


@pytest.mark.parametrize("names, joined", [
    ([("Northern Katpar", "PROJECT"), ("Severny Katpar", "PERSON")], True),  # a Russian compass word, whatever the model said
    ([("Upper Kairakty", "PROJECT"), ("Verkhnee Kairakty", "PERSON")], True),
    ([("Northern Katpar", "PROJECT"), ("Yuzhny Katpar", "PROJECT")], False),  # north and south are two sites
])
def test_a_site_named_in_english_and_in_its_own_language_is_one(names: list, joined: bool) -> None:
    from extract.link import Aliases, Curation, glossed_names, key

    aliases = Aliases(VOCABULARY, [], Curation())
    glossed_names(mentions(*names), aliases)
    assert (len({key(aliases.resolve(n)) for n, _ in names}) == 1) is joined


@pytest.mark.parametrize("text, written, value", [
    ("for approximately US$377,8 million in cash", "US$377,8 million", 377_800_000),  # a decimal comma before a scale
    ("sold 1,200 tonnes for $3,400 each", "$3,400", 3_400),  # a thousands comma
    ("costs are estimated at USD $1.1 billion. The", "USD $1.1 billion", 1_100_000_000),  # a code before the sign
])
def test_a_decimal_comma_and_a_code_before_the_dollar_sign_are_one_amount(text: str, written: str, value: int) -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value["amount"]) for f in values_in(text, []) if f.type == "MONEY"] == [(written, value)]


def test_a_plurals_possessive_inside_an_events_name_keeps_it_whole() -> None:
    from extract.entities.tidy import split_possessive

    text = "made during the C5+1 Leaders’ Summit by the two presidents"
    assert [f.name for f in split_possessive(model_span(text, "C5+1 Leaders’ Summit", "LOC"))] == ["C5+1 Leaders’ Summit"]


@pytest.mark.parametrize("text, names", [
    ("Arcadia owner Prospect Lithium Zimbabwe, a unit of Australia-listed Prospect Resources.", ["Prospect Resources"]),
    ("Tamari Trust, linked to mining investor Paul Chimbodza, and others", []),  # an investor may be a person
])
def test_an_owners_description_is_no_part_of_its_name_and_an_investor_may_be_a_person(text: str, names: list) -> None:
    from extract.entities.organisations import organisations_in_context

    assert [f.name for f in organisations_in_context(text) if f.name in ("Prospect Resources", "Paul Chimbodza")
            or "listed" in f.name] == names


@pytest.mark.parametrize("text, leads", [
    ("produced 6,500 tonnes of lead and 1.9 million ounces", ["lead"]),  # a quantity of the metal
    ("an underground zinc-lead-silver mine", ["lead"]),
    ("the minister will lead the talks", []),
])
def test_lead_is_the_metal_beside_a_metal_or_a_quantity(text: str, leads: list) -> None:
    assert [f.text for f in vocabulary_matches(text, VOCABULARY, []) if f.name == "lead"] == leads


def test_a_legal_form_written_out_in_its_own_language_ends_a_companys_name() -> None:
    text = "will buy Zinkgruvan Mining Aktiebolag from its parent"
    found = refine(text, [(text.index("Zinkgruvan"), text.index(" from"), "PERSON")], [], VOCABULARY).mentions
    assert [(m.name, m.type) for m in found] == [("Zinkgruvan Mining Aktiebolag", "ORG")]


def test_an_acronym_of_a_list_of_places_leaves_each_place_its_own() -> None:
    text = "the largest deal in Europe, the Middle East and Africa (EMEA) region in a decade"
    spans = [(text.index("Europe"), text.index("Europe") + 6, "LOC"), (text.index("Middle East"), text.index("Middle East") + 11, "LOC"),
             (text.index("Africa"), text.index("Africa") + 6, "LOC")]
    extraction = refine(text, spans, [], VOCABULARY)
    assert [m.text for m in extraction.mentions if m.type == "LOC"] == ["Europe", "Middle East", "Africa", "EMEA"]
    assert dict(extraction.acronyms)["EMEA"] == "Europe, the Middle East and Africa"


@pytest.mark.parametrize("text, rivers", [
    ("protection of the Amo Chhu and its side streams", ["Amo Chhu"]),
    ("Anglers on the Iijoki want no discharge", ["Iijoki"]),
    ("Mr Chhu said so", []),
])
def test_a_river_by_its_own_languages_word_after_its_name_is_a_landform(text: str, rivers: list) -> None:
    assert [f.name for f in feature_names(text)] == rivers


def test_each_name_of_a_list_of_companies_is_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context

    text = "investment by Chinese mining firms including Zhejiang Huayou Cobalt , Sinomine, Chengxin Lithium Group and Yahua."
    assert [f.name for f in organisations_in_context(text)] == ["Zhejiang Huayou Cobalt", "Sinomine", "Chengxin Lithium Group", "Yahua"]


@pytest.mark.parametrize("text, place, credit", [
    ("MEXICO CITY (Reuters) -Mexico will not be able to cancel them.", "MEXICO CITY", "Reuters"),  # the dash touches the story
    ("ASTANA – The deal closed.", "ASTANA", None),
])
def test_a_datelines_place_and_wire_credit_with_or_without_a_space_after_the_dash(text: str, place: str, credit: str | None) -> None:
    from extract.entities.places import dateline_credits

    assert [f.name for f in dateline_places(text)] == [place]
    assert [text[start:end] for start, end in dateline_credits(text)] == ([credit] if credit else [])


def test_cfa_before_a_figure_is_the_cfa_franc() -> None:
    from extract.entities.values import values_in

    text = "Barrick will pay CFA144 billion to Mali, bringing the total to CFA 244 billion."
    assert [(f.text, f.value["currency"]) for f in values_in(text, [])] == [("CFA144 billion", "XOF"), ("CFA 244 billion", "XOF")]


def test_both_ends_of_a_span_of_years_are_years_and_an_outlet_cited_is_an_organisation() -> None:
    from extract.entities.organisations import organisations_in_context
    from extract.entities.values import years_after_words

    assert [f.text for f in years_after_words("rights to nine concessions until between 2060 and 2065.")] == ["2060", "2065"]
    assert [f.name for f in organisations_in_context("in shipments, the site reports, citing Al Jazeera.")] == ["Al Jazeera"]


def test_a_change_from_one_amount_to_another_is_two_amounts_and_materials_ends_a_companys_name() -> None:
    from extract.entities.values import values_in

    text = "cost overruns from the initially planned US$5.1 billion to US$7.1 billion during the first stage"
    assert [f.text for f in values_in(text, [])] == ["US$5.1 billion", "US$7.1 billion"]
    assert [f.text for f in values_in("priced at $500 million to $800 million", [])] == ["$500 million to $800 million"]
    assert retype("Masan High-Tech Materials", "PERSON") == "ORG"


def test_a_press_releases_dateline_with_country_date_and_wire() -> None:
    from extract.entities.places import dateline_credits

    text = "PORT MORESBY, Papua New Guinea, April 09, 2021 (GLOBE NEWSWIRE) -- The Porgera gold mine will reopen."
    assert [f.name for f in dateline_places(text)] == ["PORT MORESBY"]
    assert [text[start:end] for start, end in dateline_credits(text)] == ["GLOBE NEWSWIRE"]


def test_a_titled_person_and_a_company_joined_by_and_are_two() -> None:
    from extract.entities.tidy import split_coordinated

    text = "an agreement signed by Governor General Sir Bob Dadae and Barrick Gold Corporation President Mark Bristow"
    span = "Governor General Sir Bob Dadae and Barrick Gold Corporation"
    assert [(f.name, f.type) for f in split_coordinated(model_span(text, span, "ORG"), text)] == [
        ("Bob Dadae", "PERSON"), ("Barrick Gold Corporation", "ORG")]


@pytest.mark.parametrize("text, names", [
    ("the Oil and Gas Development Company said", ["Oil and Gas Development Company"]),  # two trades, one company
    ("Barrick Gold and Newmont Corporation said", ["Newmont Corporation"]),  # two companies
])
def test_two_trades_joined_by_and_are_one_companys_name(text: str, names: list) -> None:
    assert [f.name for f in suffixed_names(text)] == names


def test_and_and_the_ampersand_in_a_companys_name_are_one() -> None:
    from extract.link import company_core

    names = ["Tartur Phosphate and Chemicals Company", "Tartur Phosphate & Chemicals Company S.A.E."]
    assert len({company_core(name, VOCABULARY, set()) for name in names}) == 1


@pytest.mark.parametrize("text, names", [
    ("signed by Governor General Sir Bob Dadae and Barrick Gold Corporation President Mark Bristow", ["Barrick Gold Corporation"]),
    ("Barrick said so. The mine is owned by Barrick and Zijin Mining Group, which", ["Zijin Mining Group"]),  # "Barrick" alone too
])
def test_a_titled_person_or_a_name_written_alone_before_and_is_no_part_of_a_companys_name(text: str, names: list) -> None:
    assert sorted({f.name for f in legal_names(text) + suffixed_names(text)}) == names


def test_a_company_with_its_legal_form_and_an_industry_word_the_other_lacks_is_no_short_name_of_it() -> None:
    from extract.link import Aliases, Curation, fuller_names, key

    aliases = Aliases(VOCABULARY, [], Curation())
    fuller_names(mentions(("Barrick Gold Corporation", "ORG"), ("Barrick Niugini Limited", "ORG")), aliases, VOCABULARY)
    assert key(aliases.resolve("Barrick Gold Corporation")) == key("Barrick Gold Corporation")


def test_a_peoples_adjective_before_a_ministry_is_no_part_of_its_name() -> None:
    text = "officials of the Japanese Ministry of Economy, Trade and Industry met"
    assert [f.name for f in suffixed_names(text)] == ["Ministry of Economy, Trade and Industry"]
    assert tidy(text, model_span(text, "Japanese Ministry of Economy, Trade and Industry", "ORG")).name == \
        "Ministry of Economy, Trade and Industry"


def test_an_acronym_opening_a_longer_name_leaves_that_name_whole() -> None:
    text = ("Alcoa will sell its stake to Saudi Arabian Mining Company (Ma’aden). The venture holds the Ma’aden "
            "Aluminium Company. Ma’aden said so.")
    found = refine(text, [(text.index("Ma’aden Aluminium"), text.index(". Ma’aden said"), "ORG")], [], VOCABULARY).mentions
    assert [(m.text, m.name) for m in found if m.type == "ORG"] == [
        ("Saudi Arabian Mining Company", "Saudi Arabian Mining Company"), ("Ma’aden", "Saudi Arabian Mining Company"),
        ("Ma’aden Aluminium Company", "Ma’aden Aluminium Company"), ("Ma’aden", "Saudi Arabian Mining Company")]


def test_no_name_ends_in_a_little_lower_case_word_and_a_meeting_is_an_event() -> None:
    text = "a gold mine in the Enga Province of"  # a page cut after "of"
    assert tidy(text, model_span(text, "Enga Province of", "GPE")).name == "Enga Province"
    assert retype("Trilateral Economic Ministers Meeting", "ORG") == "EVENT"


def test_a_provinces_capital_is_a_town() -> None:
    text = "about 235 kilometres east of the Ömnögovi Province capital Dalanzadgad. The site was found in 2001."
    assert [f.name for f in administrative_areas(text)] == ["Dalanzadgad"]


def test_each_name_of_a_list_of_projects_is_a_project() -> None:
    from extract.entities.organisations import projects_described

    text = "growth projects, ranging from Alemão, Cristalino, and Bacaba in Brazil to the Hu’u project in Indonesia."
    assert [f.name for f in projects_described(text)] == ["Alemão", "Cristalino", "Bacaba"]


def test_a_time_zone_after_a_time_is_no_entity() -> None:
    text = "Shares were up 2.6 percent at 1420 GMT in Helsinki."
    assert is_junk(model_span(text, "GMT", "ORG"), set(), text)


@pytest.mark.parametrize("text, name, kind", [
    ("The concession was granted by the government of Tuzla Canton in 2031.", "Tuzla Canton", "GPE"),
    ("Mehta expects the tonnes to reach Morocco no earlier than 2036.", "2036", "DATE"),
    ("a loan from UniCredit Bank d.d. and two others", "UniCredit Bank d.d.", "ORG"),
])
def test_a_canton_a_year_after_than_and_a_joint_stock_company_d_d(text: str, name: str, kind: str) -> None:
    assert (name, kind) in [(m.text, m.type) for m in refine(text, [], [], VOCABULARY).mentions]


def test_a_body_of_a_place_before_and_ends_its_own_name() -> None:
    text = "a syndicated loan from Bank of Africa and Attijariwafa Bank, the finance director said"
    assert [f.name for f in suffixed_names(text)] == ["Attijariwafa Bank"]


def test_a_company_named_after_a_city_of_millions_is_not_known_by_the_citys_name() -> None:
    from extract.link import company_core

    assert company_core("Mosul Mineral Industries Company", VOCABULARY, set()) == "mosul mineral"
    assert retype("Loma Cayetano", "PERSON") == "LOC"  # a hill's word opens a place's name, not a person's


def test_a_former_name_in_a_storys_first_sentence_is_its_subjects_whatever_the_model_said() -> None:
    text = ("Kestrel Energia will pay €118m for 38 per cent of a mine in Estonia, its largest investment since the company "
            "was founded in 1974 as Kotkan Voima Oy, a municipal utility.")
    extraction = refine(text, [(0, 15, "PERSON")], [], VOCABULARY)
    assert dict(extraction.acronyms).get("Kotkan Voima Oy") == "Kestrel Energia"


@pytest.mark.parametrize("text, span, junk", [
    ("Rio Tinto Plc (RTNTF,RIO,RIO.L, RTPPF), Turquoise Hill and the state", "RIO", True),  # a list of share codes
    ("Rio Tinto (NYSE:RIO) says it reached agreements", "NYSE", False),  # the exchange is a name of its own
    ("the Japan Bank for International Cooperation (JBIC) said", "JBIC", False),  # a definition, not a ticker
])
def test_a_share_code_in_a_bracket_of_codes_is_no_entity(text: str, span: str, junk: bool) -> None:
    assert is_junk(model_span(text, span, "ORG"), set(), text) is junk


def test_an_agreement_or_a_treaty_is_no_entity() -> None:
    text = "talks on the US-Japan Critical Minerals Agreement went on"
    assert is_junk(model_span(text, "US-Japan Critical Minerals Agreement", "ORG"), set(), text)


def test_the_wire_a_dateline_credits_signs_the_story_another_site_carries() -> None:
    from extract.link import key, signed_by
    from extract.model import Article, Block

    text = "MEXICO CITY (Reuters) -Mexico will not be able to cancel the concessions, a ministry official told Reuters."
    article = Article("a", "a", "a.txt", "articles/a.html", "Mexico", (Block("paragraph", text),), "KDAL 610", (), None, None, None)
    assert key("Reuters") in signed_by(article) and key("KDAL 610") in signed_by(article)


@pytest.mark.parametrize("names, joined", [
    (["Katariina Lindqvist", "Kati Lindqvist"], True),  # a short form the given name begins with
    (["Pádraig Ó Conchúir", "Paddy Ó Conchúir"], True),
    (["Katariina Lindqvist", "Kari Lindqvist"], False),  # another given name
])
def test_a_short_given_name_and_the_full_one_with_one_surname_are_one_person(names: list[str], joined: bool) -> None:
    from extract.link import Aliases, Curation, key, people_and_events

    aliases = Aliases(VOCABULARY, [], Curation())
    people_and_events(mentions(*((n, "PERSON") for n in names)), aliases)
    assert (len({key(aliases.resolve(n)) for n in names}) == 1) is joined


def test_one_acronym_spelt_out_two_ways_in_two_articles_is_one_name() -> None:
    from extract.entities.spans import Extraction
    from extract.link import Aliases, Curation, key

    longer = "Korea Mine Rehabilitation and Mineral Resources Corporation"
    extractions = [Extraction("en", (), (("KOMIR", longer),)), Extraction("en", (), (("KOMIR", longer),)),
                   Extraction("en", (), (("KOMIR", "Mineral Resources Corporation"),))]
    aliases = Aliases(VOCABULARY, extractions, Curation())
    assert key(aliases.resolve("Mineral Resources Corporation")) == key(longer) == key(aliases.resolve("KOMIR"))


@pytest.mark.parametrize("text, name, kind", [
    ("approved by the Honourable Mélanie Joly, the minister, on Friday", "Mélanie Joly", "PERSON"),  # a title, no name's part
    ("the chief executive told Citi FM on Monday", "Citi FM", "ORG"),  # a radio station
    ("It will buy 19.99% of Jupiter Mines from the founders.", "Jupiter Mines", "ORG"),  # "Mines" alone ends a company's name
])
def test_a_courtesy_title_a_radio_station_and_a_company_called_mines(text: str, name: str, kind: str) -> None:
    span = {"Mélanie Joly": "Honourable Mélanie Joly"}.get(name, name)
    start = text.index(span)
    assert (name, kind) in [(m.name, m.type) for m in refine(text, [(start, start + len(span), "ORG")], [], VOCABULARY).mentions]


def test_black_economic_empowerment_is_a_common_term() -> None:
    text = "the deal keeps its BEE partners"
    assert [m for m in refine(text, [(text.index("BEE"), text.index("BEE") + 3, "ORG")], [], VOCABULARY).mentions] == []


@pytest.mark.parametrize("text, written, amount, currency", [
    ("shares closed at 30.5 cents on Friday", "30.5 cents", 0.305, "USD"),
    ("the shares rose 4 pence in London", "4 pence", 0.04, "GBP"),
])
def test_an_amount_in_cents_or_pence_is_money_in_the_currency_itself(text: str, written: str, amount: float, currency: str) -> None:
    from extract.entities.values import values_in

    assert [(f.text, f.value["amount"], f.value["currency"]) for f in values_in(text, [])] == [(written, amount, currency)]
    assert [f.type for f in values_in("output rose 5 per cent", [])] == ["PERCENT"]
