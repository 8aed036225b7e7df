"""Entity extraction and linking: the general rules, values, the cache, and the output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.corpus import assemble
from extract.entities import NerModel, extract_all
from extract.link import Curation, link, parse_curation
from extract.markup import parse_markdown
from extract.model import Article, Entity, RawDocument
from extract.vocab import Vocabulary, load_vocabulary

VOCABULARY = load_vocabulary()


class CountingModel(NerModel):
    """The real model, counting the texts it is asked to read."""

    def __init__(self) -> None:
        super().__init__()
        self.texts_run: list[str] = []

    def spans(self, texts, processes=1):
        self.texts_run.extend(texts)
        yield from super().spans(texts, processes)


MODEL = CountingModel()


def articles_from(texts: dict[str, str]) -> tuple[Article, ...]:
    documents = [parse_markdown(RawDocument(path=name, format="md", text=text, meta={"title": name})) for name, text in texts.items()]
    return assemble(documents)


def run(texts: dict[str, str], curation: Curation | None = None, cache: Path | None = None,
        vocabulary: Vocabulary = VOCABULARY) -> tuple[dict[str, Article], dict[str, Entity]]:
    articles = articles_from(texts)
    extractions = extract_all([a.text for a in articles], [a.language for a in articles],
                              [list(a.heading_spans) for a in articles], vocabulary, cache, model=MODEL)
    linked, entities = link(articles, extractions, vocabulary, curation)
    return {a.source_path: a for a in linked}, {e.id: e for e in entities}


def names_in(article: Article, entities: dict[str, Entity]) -> dict[str, str]:
    """surface text -> (entity name, type) for every mention."""
    return {m.text: (entities[m.entity].name, entities[m.entity].type) for m in article.mentions}


def test_an_acronym_defined_in_one_article_names_the_entity_everywhere() -> None:
    articles, entities = run({
        "a.md": "Officials of the Japan External Trade Organization (JETRO) met traders in Karachi. JETRO said it would return.",
        "b.md": "A week later JETRO published a guide for investors who want to work in Lahore.",
    })
    a, b = names_in(articles["a.md"], entities), names_in(articles["b.md"], entities)
    assert a["JETRO"] == a["Japan External Trade Organization"] == ("Japan External Trade Organization", "ORG")
    assert b["JETRO"] == ("Japan External Trade Organization", "ORG")
    jetro = entities["japan-external-trade-organization"]
    assert "JETRO" in jetro.aliases


def test_a_lowercase_definition_makes_a_common_noun_not_an_entity() -> None:
    articles, entities = run({"a.md": "The two countries signed three memoranda of understanding (MoUs) on Monday. "
                                      "Each MoU covers business-to-business (B2B) trade."})
    surfaces = set(names_in(articles["a.md"], entities))
    assert not surfaces & {"MoUs", "MoU", "B2B"}


def test_surnames_resolve_to_the_full_name_seen_in_the_same_article() -> None:
    articles, entities = run({"a.md": "Commerce Minister Jam Kamal met JICA Senior Vice President HARA Shohei in Tokyo. "
                                      "Kamal said the talks went well, and Hara agreed to visit Islamabad."})
    found = names_in(articles["a.md"], entities)
    assert found["Kamal"] == ("Jam Kamal", "PERSON")
    assert found["Hara"] == ("HARA Shohei", "PERSON")


def test_organisation_suffixes_outweigh_a_person_guess() -> None:
    articles, entities = run({"a.md": "Agreements were signed between Wah Nobel (Pvt) Limited and MCCT International. "
                                      "Barrick Gold owns half of the Reko Diq project, and Barrick expects output by 2028."})
    found = names_in(articles["a.md"], entities)
    assert found["Wah Nobel (Pvt) Limited"] == ("Wah Nobel (Pvt) Limited", "ORG")
    assert found["MCCT International"][1] == "ORG"
    assert found["Barrick Gold"] == ("Barrick Gold", "ORG")
    assert found["Barrick"] == ("Barrick Gold", "ORG")
    assert found["Reko Diq"] == ("Reko Diq", "PROJECT")


def test_short_company_names_and_foreign_acronyms_name_the_full_company() -> None:
    articles, entities = run({"a.md": "Ferrovia Azul Minerals Inc. filed its plan on Monday with the Banco de Fomento Andino (BFA). "
                                      "Later, Ferrovia Azul said the BFA would lend half. Tern Valley Ltd will build the rail spur, "
                                      "and Tern Valley expects to hire 300 people."})
    found = names_in(articles["a.md"], entities)
    assert found["Ferrovia Azul"] == found["Ferrovia Azul Minerals Inc."]  # "Inc." keeps its full stop
    assert found["Tern Valley Ltd"] == ("Tern Valley Ltd", "ORG")  # "Ltd" ends a name the model may miss
    assert found["Tern Valley"] == ("Tern Valley Ltd", "ORG")
    assert found["BFA"] == ("Banco de Fomento Andino", "ORG")  # the acronym of another language still names it


def test_titles_portfolios_and_sentence_openers_are_not_names() -> None:
    articles, entities = run({"a.md": "Energy, Water and Mining Minister Datuk Seri Razif Omar opened the plant in Kuantan. "
                                      "Razif said the refinery was safe.\n\n"
                                      "Dam inspections will double next year, after a tailings dam failed upstream."})
    found = names_in(articles["a.md"], entities)
    assert "Seri" not in found and "Datuk Seri" not in found
    assert "Energy, Water and Mining" not in found  # a job title's portfolio, not an organisation
    assert "Dam" not in found  # capitalised only because it opens a sentence
    assert found["Razif"] == ("Razif Omar", "PERSON")


def test_a_name_given_again_in_another_language_is_an_alias() -> None:
    articles, entities = run({"a.md": "The deposit lies in the Golden Horn Basin, or Cuenca del Cuerno Dorado, west of the capital. "
                                      "Output from BHP or Rio Tinto, the two bidders, is not expected soon. "
                                      "Output from Vale or Anglo American, the two bidders, is not expected soon either."})
    found = names_in(articles["a.md"], entities)
    assert found["Cuenca del Cuerno Dorado"] == found["Golden Horn Basin"]
    assert found["BHP"][0] == "BHP" and found["Rio Tinto"][0] == "Rio Tinto"  # "X or Y" without commas: two names
    assert found["Vale"][0] == "Vale" and "Vale or" not in found  # a name does not end on a conjunction


def test_part_of_a_three_word_name_is_that_person() -> None:
    articles, entities = run({"a.md": "Community leader Nurul Aini Hassan said the licence was rushed. "
                                      "Nurul Aini added that residents would appeal."})
    found = names_in(articles["a.md"], entities)
    assert found["Nurul Aini"] == ("Nurul Aini Hassan", "PERSON")


def test_a_second_surname_the_model_left_off_belongs_to_the_name() -> None:
    articles, entities = run({"a.md": "Judge Rosa Huamán Quispe ordered the company to consult again. "
                                      "Lawyers met Rosa Huamán Monday in Cusco, and Huamán Quispe said the ruling stands."})
    found = names_in(articles["a.md"], entities)
    assert found["Rosa Huamán Quispe"] == ("Rosa Huamán Quispe", "PERSON")
    assert found["Huamán Quispe"] == ("Rosa Huamán Quispe", "PERSON")
    assert "Rosa Huamán Monday" not in found and found["Monday"][1] == "DATE"  # a day is not a surname


def test_a_named_landform_is_a_place_even_with_a_mineral_in_its_name() -> None:
    articles, entities = run({"a.md": "Brine producers across the Lithium Triangle met at the Lithium Triangle Forum in Jujuy. "
                                      "Ore from the Iron Quadrangle still outsells lithium there."})
    found = names_in(articles["a.md"], entities)
    assert found["Lithium Triangle"] == ("Lithium Triangle", "LOC")
    assert found["Iron Quadrangle"] == ("Iron Quadrangle", "LOC")
    assert found["Lithium Triangle Forum"][1] == "EVENT"  # the longer name that holds the landform keeps it
    assert found["lithium"] == ("lithium", "MINERAL")


def test_provinces_the_model_calls_organisations_are_places() -> None:
    text = ("SALTA, Argentina – Lithium producers met on Tuesday. Halcón Minerals Ltd will spend $1.1 billion "
            "in the province of Catamarca, and the minister summoned both unions to Lusaka.")
    spans = {text[s:e]: label for s, e, label in next(iter(MODEL.spans([text])))}
    articles, entities = run({"a.md": text})
    found = names_in(articles["a.md"], entities)
    for place in ("SALTA", "Catamarca", "Lusaka"):
        assert found[place][1] == "GPE", (place, spans.get(place))


def test_wire_story_names_datelines_legal_forms_and_short_names() -> None:
    articles, entities = run({"a.md": "ASTANA – Dala Uranium JSC cut its output forecast on Friday. Under a deal signed in Tashkent, "
                                      "Dala Uranium and Uzbek Uranium Resources JSC (UzUR) will share a plant. "
                                      "Dala said exports would rise, and UzUR agreed. Shamal Phosphate Company also reported, "
                                      "and Shamal said sales doubled. China Gold International bid too, though China objected."})
    found = names_in(articles["a.md"], entities)
    assert found["ASTANA"] == ("ASTANA", "GPE")  # a dateline's place, in capitals
    assert found["Dala"] == found["Dala Uranium"] == ("Dala Uranium JSC", "ORG")
    assert found["UzUR"] == ("Uzbek Uranium Resources JSC", "ORG")  # the span's open bracket is not part of the name
    assert found["Shamal"] == ("Shamal Phosphate Company", "ORG")  # a mineral word is an industry word
    assert found["China"][1] == "GPE"  # a country never becomes a company's short name


def test_people_after_their_titles_and_portfolios() -> None:
    articles, entities = run({"a.md": "MCEC chief executive Naranbaatar Batsaikhan told a briefing on Monday. Batsaikhan said a new line "
                                      "would open. Ontario Minister of Mines Gregory Tallis said the province would pay. "
                                      "Federal Energy and Natural Resources Minister Élodie Marchand said the road mattered. "
                                      "Analysts at Bogd Securities in Ulaanbaatar were cautious, said Bogd analyst Enkhjargal Dorj."})
    found = names_in(articles["a.md"], entities)
    assert found["Naranbaatar Batsaikhan"] == ("Naranbaatar Batsaikhan", "PERSON")
    assert found["Batsaikhan"] == ("Naranbaatar Batsaikhan", "PERSON")
    assert found["Gregory Tallis"] == ("Gregory Tallis", "PERSON")
    assert found["Enkhjargal Dorj"] == ("Enkhjargal Dorj", "PERSON")
    assert "Federal Energy" not in found  # a portfolio before "Minister", not an organisation
    assert found["Bogd Securities"] == found["Bogd"] == ("Bogd Securities", "ORG")
    assert found["Ulaanbaatar"] == ("Ulaanbaatar", "GPE")  # "X in Place": two names, not one


def test_a_named_week_is_an_event_and_last_week_is_not() -> None:
    articles, entities = run({"a.md": "The loan should be signed before the Ulaanbaatar Mining Investment Week in March. "
                                      "Last Week Tonight is a television show."})
    found = names_in(articles["a.md"], entities)
    assert found["Ulaanbaatar Mining Investment Week"][1] == "EVENT"
    assert "Last Week" not in found


def test_the_gazetteer_knows_provinces_by_the_names_news_uses() -> None:
    from extract.entities.gazetteer import place_kind
    assert place_kind("Norrbotten") == place_kind("Norrbottens län") == "subdivision"  # ISO: "Norrbottens län [SE-25]"
    assert place_kind("Aqmola") == "subdivision"  # ISO: "Aqmola oblysy"
    assert place_kind("Potosi") == place_kind("Potosí") == "subdivision"  # accents or none
    assert place_kind("Central") != "subdivision"  # a generic word stays a word


def test_a_place_the_model_and_gazetteer_agree_on_outvotes_a_person_guess() -> None:
    articles, entities = run({"a.md": "The court cleared Norrsken Mineral AB to mine in Norrbotten, Sweden. "
                                      "The survey estimates that Norrbotten holds most of the country's iron ore. "
                                      "Norrsken plans to invest SEK 2.4 billion."})
    found = names_in(articles["a.md"], entities)
    assert found["Norrbotten"] == ("Norrbotten", "GPE")
    assert found["Norrsken"] == ("Norrsken Mineral AB", "ORG")


def test_places_known_by_how_the_text_speaks_of_them() -> None:
    articles, entities = run({"a.md": "Seorin Magnetics Corp., an Incheon-based maker of magnets, bid. Operators in the Caraga region "
                                      "objected, as did silver producers in Zacatecas and Chihuahua. The mayor of Ribeira de Pena "
                                      "will appeal. Cobalt is mined in the Anti-Atlas mountains and nickel in the foothills of "
                                      "the Diwata Range, near the Drina River."})
    found = names_in(articles["a.md"], entities)
    assert found["Incheon"] == ("Incheon", "GPE")  # "X-based"
    assert found["Caraga"] == ("Caraga", "GPE")  # "the X region"
    assert found["Chihuahua"] == ("Chihuahua", "GPE")  # coordinated with a place
    assert found["Ribeira de Pena"][1] == "GPE"  # "mayor of X"
    assert found["Anti-Atlas"] == ("Anti-Atlas", "LOC")  # "the X mountains"
    assert found["Diwata Range"] == ("Diwata Range", "LOC")
    assert found["Drina River"] == ("Drina River", "LOC")


def test_names_from_other_traditions_and_legal_systems() -> None:
    articles, entities = run({"a.md": "Deputy Finance Minister Rodrigo Salcedo Anaya said the delay would cost money. Salcedo said "
                                      "more was coming. Minera Plata Alta, S.A. de C.V., which runs the mine, agreed, and chief "
                                      "executive Ing. María Guadalupe Ortega Villaseñor said so. Ortega said prices were low. "
                                      "Ravan Litijum d.o.o. applied for a licence; Ravan Litijum expects approval. Viet Bac Rare Earth "
                                      "JSC may bid. Seorin said it was in talks with Viet Bac on a joint offer. "
                                      "The Oil and Gas Development Company Limited stayed out."})
    found = names_in(articles["a.md"], entities)
    assert found["Salcedo"] == ("Rodrigo Salcedo Anaya", "PERSON")  # the first surname, an inner word
    assert found["Ortega"] == ("María Guadalupe Ortega Villaseñor", "PERSON")  # after a title and an honorific
    assert found["Minera Plata Alta, S.A. de C.V."][1] == "ORG"
    assert found["Ravan Litijum"] == ("Ravan Litijum d.o.o.", "ORG")
    assert found["Viet Bac"] == ("Viet Bac Rare Earth JSC", "ORG")  # "Rare Earth": a mineral between name and form
    assert found["Oil and Gas Development Company Limited"][1] == "ORG"  # "and" inside one name


def test_events_months_and_local_money() -> None:
    articles, entities = run({"a.md": "Both will speak at the Silver and Battery Metals Summit of the Americas in Hermosillo in May. "
                                      "The plant costs ₱62 billion, the road N$410 million and the port 11 trillion dong.\n\n"
                                      "Japan and France.\n\nKazakhstan's Ministry of Energy disagreed."})
    found = names_in(articles["a.md"], entities)
    assert found["Silver and Battery Metals Summit of the Americas"][1] == "EVENT"
    assert found["May"] == ("May", "DATE")  # capitalised after "in": the month, not the verb
    values = {m.text: m.value for m in articles["a.md"].mentions if entities[m.entity].type == "MONEY"}
    assert values["₱62 billion"] == {"amount": 62_000_000_000, "currency": "PHP"}
    assert values["N$410 million"] == {"amount": 410_000_000, "currency": "NAD"}
    assert values["11 trillion dong"] == {"amount": 11_000_000_000_000, "currency": "VND"}
    assert found["Ministry of Energy"][1] == "ORG" and not any("\n" in name for name in found)  # never across lines


def test_the_rule_cache_key_covers_the_package_its_imports_and_the_word_lists() -> None:
    """A file the rules read but the key missed would let the cache serve results of old rules."""
    import ast

    from extract.entities import rule_sources
    from extract.entities.stage import PACKAGE, VOCAB_FOLDER

    sources = set(rule_sources())
    inside = {p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    assert inside <= sources and {p for p in VOCAB_FOLDER.iterdir() if p.is_file()} <= sources
    plumbing = {"cache", "progress", "model", "vocab"}  # the stage's plumbing; vocab is keyed by its files
    for path in inside:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module not in plumbing:
                assert PACKAGE.parent / f"{node.module}.py" in sources, f"{path.name} imports {node.module}"


def test_legal_forms_of_many_countries_end_company_names() -> None:
    articles, entities = run({"a.md": "Turkish-owned Altıntepe Madencilik A.Ş. will expand the mine. Altıntepe will invest more. "
                                      "Gemas Andinas del Occidente S.A.S. and Odra Miedź Sp. z o.o. reported. Kalinga Coastal Minerals "
                                      "Pvt Ltd said on Monday that Kalinga Coastal would build a plant. Kuroshio Deep Resources K.K. was "
                                      "set up in 2024, and Kuroshio Deep will seek funds. Trondheim-based Nordhav Mineraler AS won "
                                      "three blocks. The largest producer is Chengeta Lithium (Private) Limited, which runs the "
                                      "Chengeta mine; Chengeta shipped ore in May."})
    found = names_in(articles["a.md"], entities)
    for company in ("Altıntepe Madencilik A.Ş.", "Gemas Andinas del Occidente S.A.S.", "Odra Miedź Sp. z o.o.",
                    "Chengeta Lithium (Private) Limited", "Nordhav Mineraler AS"):
        assert found[company] == (company, "ORG"), company  # the form's full stop is the form's
    assert found["Altıntepe"] == ("Altıntepe Madencilik A.Ş.", "ORG")  # "Madencilik": mining, in Turkish
    assert found["Kalinga Coastal"] == ("Kalinga Coastal Minerals Pvt Ltd", "ORG")
    assert found["Kuroshio Deep"] == ("Kuroshio Deep Resources K.K.", "ORG")
    assert found["Trondheim"] == ("Trondheim", "GPE")  # "X-based": a place, and not part of the company's name
    assert found["Chengeta"][1] == "PROJECT"  # the mine keeps its name: not the company's short form


def test_titles_around_names_and_hyphenated_surnames() -> None:
    articles, entities = run({"a.md": "\"The state wanted a seat,\" said Ermek Tursunaliev, the Minister of Natural Resources. "
                                      "Tursunaliev said more was due. National director of mines Celso Nhantumbo said the money "
                                      "was set aside. Company president Katarzyna Wróblewska-Nowak said costs rose. "
                                      "Wróblewska-Nowak said the mine would open. Société Minière du Nord-Ouest agreed."})
    found = names_in(articles["a.md"], entities)
    assert found["Ermek Tursunaliev"] == found["Tursunaliev"] == ("Ermek Tursunaliev", "PERSON")  # a title in apposition
    assert "Minister of Natural Resources" not in found  # a job title, not an organisation
    assert found["Celso Nhantumbo"] == ("Celso Nhantumbo", "PERSON")  # "director of mines" is one title
    assert found["Wróblewska-Nowak"] == ("Katarzyna Wróblewska-Nowak", "PERSON")
    assert "Nowak" not in found and "Wróblewska" not in found
    assert found["Société Minière du Nord-Ouest"][1] == "ORG"  # "Société" says company first


def test_more_of_the_domain_minerals_money_events_and_blocks() -> None:
    articles, entities = run({"a.md": "The sands hold ilmenite, zircon and monazite. The plant costs TL 14.5 billion, the mine "
                                      "2.3 billion zlotys and the road 1.9 billion meticais. Both will speak at the India Critical "
                                      "Minerals Conclave. The Salgadih North block holds coal, but its Jharkhand licence lapsed. "
                                      "The boat came home. (Courtesy of the operator / Pacific Rim Shimbun)\n\n"
                                      "Output rose in the Kütahya province last year."})
    found = names_in(articles["a.md"], entities)
    assert {found[m][1] for m in ("ilmenite", "zircon", "monazite")} == {"MINERAL"}
    values = {m.text: m.value for m in articles["a.md"].mentions if entities[m.entity].type == "MONEY"}
    assert values["TL 14.5 billion"]["currency"] == "TRY"
    assert values["2.3 billion zlotys"]["currency"] == "PLN"
    assert values["1.9 billion meticais"]["currency"] == "MZN"
    assert found["India Critical Minerals Conclave"][1] == "EVENT"
    assert found["Salgadih North"] == ("Salgadih North", "PROJECT")  # a named block
    assert found.get("Jharkhand", ("", "GPE"))[1] == "GPE"  # a province's licence: the province is no project
    assert found["Kütahya"][1] == "GPE" and "Kütahya province" not in found


def test_offices_of_places_waters_of_places_and_more_legal_forms() -> None:
    articles, entities = run({"a.md": "The National Statistics Office of Georgia said output fell. Cairo-based Delta Mining Holding "
                                      "S.A.E. will build the plant, and Rheintal Lithium GmbH & Co. KG the wells. Germany's "
                                      "Federal Ministry for Economic Affairs and Energy agreed. Ships anchor in the Gulf of "
                                      "Montijo, on the Pacific coast. Both will speak at the Dushanbe Mining and Metals Fair. "
                                      "The plant costs JD 410 million, the road GEL 140 million and the port 2.4 billion lei."})
    found = names_in(articles["a.md"], entities)
    assert found["National Statistics Office of Georgia"][1] == "ORG"
    assert found["Delta Mining Holding S.A.E."][1] == "ORG" and "Cairo-based Delta" not in found
    assert found["Cairo"] == ("Cairo", "GPE")
    assert found["Rheintal Lithium GmbH & Co. KG"][1] == "ORG"
    assert found["Federal Ministry for Economic Affairs and Energy"][1] == "ORG"  # a portfolio after "for"
    assert found["Gulf of Montijo"] == ("Gulf of Montijo", "LOC")
    assert found["Pacific"][1] == "LOC" and "Pacific coast" not in found
    assert found["Dushanbe Mining and Metals Fair"][1] == "EVENT"
    currencies = {m.text: m.value["currency"] for m in articles["a.md"].mentions if entities[m.entity].type == "MONEY"}
    assert currencies == {"JD 410 million": "JOD", "GEL 140 million": "GEL", "2.4 billion lei": "RON"}


def test_named_plants_and_arabic_names_are_projects_but_a_city_s_plant_is_not() -> None:
    articles, entities = run({"a.md": "The Dogon Kuka refinery will open in March. Rock comes from its Rawdat al-Ghazal mine. "
                                      "Brine from the Upper Rhine Graben feeds the Lindenbrunn plant, while the Karachi refinery "
                                      "stays shut. \"Our plant is ready,\" she said."})
    found = names_in(articles["a.md"], entities)
    assert found["Dogon Kuka"] == ("Dogon Kuka", "PROJECT")
    assert found["Rawdat al-Ghazal"] == ("Rawdat al-Ghazal", "PROJECT")
    assert found["Lindenbrunn"] == ("Lindenbrunn", "PROJECT")
    assert found["Upper Rhine Graben"] == ("Upper Rhine Graben", "LOC")
    assert found["Karachi"][1] == "GPE" and "Our" not in found


def test_dashes_inside_names_do_not_split_them() -> None:
    articles, entities = run({"a.md": "He lunched with the Japan–Pakistan Business Cooperation Committee (JPBCC) and spoke "
                                      "about the upcoming Pakistan-Japan Business Dialogue. "
                                      "Later the Pak-China E-Mining Platform was launched."})
    found = names_in(articles["a.md"], entities)
    assert found["Japan–Pakistan Business Cooperation Committee"][1] == "ORG"
    assert found["JPBCC"][0] == "Japan–Pakistan Business Cooperation Committee"
    assert found["Pakistan-Japan Business Dialogue"] == ("Pakistan-Japan Business Dialogue", "EVENT")
    assert found["Pak-China E-Mining Platform"][1] == "ORG"


def test_money_in_any_spelling_is_one_value() -> None:
    articles, entities = run({"a.md": "Komatsu signed a $440 million deal. Critics called the $440M order small. "
                                      "The 440$ million contract covers trucks. Barrick holds 50% and the province 25 per cent."})
    mentions = articles["a.md"].mentions
    money = [m for m in mentions if entities[m.entity].type == "MONEY"]
    assert {m.text for m in money} == {"$440 million", "$440M", "440$ million"}
    assert {m.entity for m in money} == {"money-440-million"}
    assert all(m.value == {"amount": 440_000_000, "currency": "USD"} for m in money)
    percents = {m.text: m.value for m in mentions if entities[m.entity].type == "PERCENT"}
    assert percents == {"50%": {"fraction": 0.5}, "25 per cent": {"fraction": 0.25}}


def test_money_in_local_currencies_comes_from_the_currency_file() -> None:
    articles, entities = run({"a.md": "The fund raised SEK 2.4 billion and 310 billion tenge. Ghana budgeted GH¢6.2 billion, "
                                      "Guinea 4.5 trillion Guinean francs, and Oman OMR 120 million. "
                                      "In 2024 real wages fell."})
    values = {m.text: m.value for m in articles["a.md"].mentions if entities[m.entity].type == "MONEY"}
    assert values == {
        "SEK 2.4 billion": {"amount": 2_400_000_000, "currency": "SEK"},
        "310 billion tenge": {"amount": 310_000_000_000, "currency": "KZT"},
        "GH¢6.2 billion": {"amount": 6_200_000_000, "currency": "GHS"},
        "4.5 trillion Guinean francs": {"amount": 4_500_000_000_000, "currency": "GNF"},
        "OMR 120 million": {"amount": 120_000_000, "currency": "OMR"},
    }  # and "2024 real" is not money: "real" is left out of the file on purpose


def test_every_currency_line_is_well_formed() -> None:
    from extract.entities.values import AFTER_FIGURE, BEFORE_FIGURE, money_value
    assert BEFORE_FIGURE["$"] == "USD" and AFTER_FIGURE["dollars"] == "USD"
    for form, code in BEFORE_FIGURE.items():
        assert (money_value(f"{form}5 million") or {}).get("currency") == code, form
    for name, code in AFTER_FIGURE.items():
        assert (money_value(f"5 million {name}") or {}).get("currency") == code, name


def test_dates_carry_a_normalised_value_and_vague_ones_are_not_entities() -> None:
    articles, entities = run({"a.md": "The forum opened on Wednesday, 28 January 2026. Production should start by 2028. "
                                      "Talks went on this week and in recent years."})
    values = {m.text: m.value for m in articles["a.md"].mentions if entities[m.entity].type == "DATE"}
    assert values.get("2028") == {"year": 2028}
    assert any(v == {"date": "2026-01-28"} for v in values.values())
    assert not any("week" in text or "recent" in text for text in values)


def test_headings_do_not_make_entities_of_their_own() -> None:
    articles, entities = run({"a.md": "## The Final Words\n\nKomatsu will train workers in Balochistan.\n\n## Strategy in Action\n\n"
                                      "Komatsu Pakistan Mining Limited opens next year."})
    names = {e.name for e in entities.values()}
    assert not names & {"The Final Words", "Final Words", "Action", "Strategy in Action"}
    assert "Komatsu" in names


def test_offsets_are_code_points_that_slice_back_to_the_mention() -> None:
    articles, entities = run({"a.md": "Pakistan’s minister 🙂 met Japan’s JICA — the Japan International Cooperation Agency (JICA) — "
                                      "in Tokyo; “Reko Diq” came up twice: Reko Diq."})
    article = articles["a.md"]
    assert article.mentions
    for mention in article.mentions:
        assert article.text[mention.start:mention.end] == mention.text


def test_articles_not_in_english_are_not_run_through_the_model() -> None:
    before = len(MODEL.texts_run)
    articles, _ = run({"ur.md": "ریکو ڈک بلوچستان میں تانبے اور سونے کا ایک بڑا منصوبہ ہے جس کی ملکیت تین فریقوں میں تقسیم ہے۔"})
    assert articles["ur.md"].language == "ur"
    assert articles["ur.md"].mentions == ()
    assert len(MODEL.texts_run) == before


def test_curator_aliases_merge_type_drop_and_separate() -> None:
    curation = parse_curation('''
drop = ["Lahore"]
separate = ["KP"]
[merge]
"Komatsu Ltd." = ["Komatsu"]
[type]
"Komatsu Ltd." = "ORG"
''')
    text = "Komatsu opened an office in Lahore and another in KP, the province of Khyber Pakhtunkhwa."
    articles, entities = run({"a.md": text}, curation)
    names = {e.name: e for e in entities.values()}
    assert "Komatsu Ltd." in names and "Komatsu" in names["Komatsu Ltd."].aliases
    assert "Lahore" not in names
    found = names_in(articles["a.md"], entities)
    assert found["KP"][0] == "KP", "a separated name is its own entity"


def test_an_unknown_curation_section_is_a_clear_error() -> None:
    from extract.link import CurationError

    with pytest.raises(CurationError, match="unknown section"):
        parse_curation("[mreg]\nA = ['B']\n")


def test_cache_reruns_spacy_only_for_changed_articles_and_never_for_vocabulary_edits(tmp_path: Path) -> None:
    texts = {f"{i}.md": f"Article {i}: Jam Kamal met officials of JICA and JETRO in Tokyo on day {i}." for i in range(3)}
    start = len(MODEL.texts_run)
    run(texts, cache=tmp_path)
    assert len(MODEL.texts_run) - start == 3
    run(texts, cache=tmp_path)
    assert len(MODEL.texts_run) - start == 3, "nothing changed, nothing rerun"
    texts["1.md"] = texts["1.md"].replace("Tokyo", "Osaka")
    run(texts, cache=tmp_path)
    assert MODEL.texts_run[-1].endswith("in Osaka on day 1.") and len(MODEL.texts_run) - start == 4
    edited = Vocabulary(VOCABULARY.terms, VOCABULARY.fingerprint + "-edited")
    rules_before = len(list((tmp_path / "entities").rglob("*.json")))
    run(texts, cache=tmp_path, vocabulary=edited)
    assert len(MODEL.texts_run) - start == 4, "a vocabulary edit reruns the rules, not spaCy"
    assert len(list((tmp_path / "entities").rglob("*.json"))) == rules_before + 3


def test_a_torn_cache_entry_is_recomputed_not_trusted(tmp_path: Path) -> None:
    texts = {"a.md": "Barrick Gold and Komatsu met in Islamabad."}
    _, first = run(texts, cache=tmp_path)
    for entry in tmp_path.rglob("*.json"):
        entry.write_text(entry.read_text()[: len(entry.read_text()) // 2])  # as if killed mid-write
    _, second = run(texts, cache=tmp_path)
    assert first == second


def test_no_entity_comes_from_boilerplate_in_the_samples(tmp_path: Path, seeds_dir: Path) -> None:
    from .conftest import run_build

    out = tmp_path / "site"
    result = run_build("--corpus", str(seeds_dir), "--out", str(out), "-q")
    assert result.returncode == 0, result.stderr
    corpus = json.loads((out / "data" / "corpus.json").read_text(encoding="utf-8"))
    names = {e["name"] for e in corpus["entities"]} | {a for e in corpus["entities"] for a in e["aliases"]}
    for junk in ["Arab News", "Asharq Al-Awsat", "Express Tribune", "Business Recorder", "Monitoring Desk", "Toyota",
                 "Shehbaz Sharif", "Hanif Abbasi", "Ishaq Dar", "Qatar", "Al Jazeera", "Taliban", "Daily8", "SAT",
                 "Related Articles", "The Final Words", "Final Words", "Action", "Hashtags", "Karachi"]:
        assert junk not in names, junk
    for article in corpus["articles"]:
        for mention in article["mentions"]:
            assert article["text"][mention["start"]:mention["end"]] == mention["text"]


def test_corpus_json_lists_entities_and_mentions(default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    entities = {e["id"]: e for e in corpus["entities"]}
    assert entities, "the default corpus names things"
    for entity in entities.values():
        assert set(entity) == {"id", "name", "type", "aliases", "path", "same_as"}  # same_as: aliases.toml's identifiers
        assert entity["same_as"] == [], "the default corpus has no aliases.toml"
        assert entity["path"] == f"entities/{entity['id']}.html" and (default_site / entity["path"]).is_file()
    for article in corpus["articles"]:
        for mention in article["mentions"]:
            assert mention["entity"] in entities
            assert article["text"][mention["start"]:mention["end"]] == mention["text"]
    assert entities["jam-kamal"]["type"] == "PERSON"
    assert entities["reko-diq"]["type"] == "PROJECT"
    urdu = next(a for a in corpus["articles"] if a["file"] == "reko-diq-ownership-ur")
    assert urdu["language"] == "ur" and urdu["mentions"] == []


def test_article_pages_link_mentions_to_entity_pages_and_back(default_site: Path) -> None:
    article = (default_site / "articles" / "japan-kamal-tokyo-meetings.html").read_text(encoding="utf-8")
    assert '<a class="m m-person" href="../entities/jam-kamal.html" title="Person: Jam Kamal">Jam Kamal</a>' in article
    assert 'class="entity-panel"' in article
    entity = (default_site / "entities" / "jam-kamal.html").read_text(encoding="utf-8")
    assert 'href="../articles/japan-kamal-tokyo-meetings.html"' in entity
    assert "<mark>Jam Kamal</mark>" in entity or "<mark>Kamal</mark>" in entity
    assert "Appears most with" in entity


def test_money_page_shows_each_amount_with_what_it_belongs_to(default_site: Path) -> None:
    page = (default_site / "entities" / "money-440-million.html").read_text(encoding="utf-8")
    assert "Komatsu" in page.split("Mentions in context", 1)[1]
    types = (default_site / "types" / "money.html").read_text(encoding="utf-8")
    assert "$440 million" in types
