"""The cleaner on the real raw samples (../shared/seeds) and on Lode's own boilerplate fixtures."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extract.clean import clean_scrape, line_kind
from extract.load import read_document
from extract.model import Document

from .conftest import FIXTURES


def clean_file(path: Path) -> Document:
    return clean_scrape(read_document(path, path.name))


def first_line(path: Path) -> str:
    return next(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def paragraphs(document: Document) -> list[str]:
    return [block.text for block in document.blocks if block.kind == "paragraph"]


def headings(document: Document) -> list[str]:
    return [block.text for block in document.blocks if block.kind == "heading"]


# What each sample must give. Expectations quote only short fragments: the
# samples' sentences stay in ../shared/seeds.
SEEDS = {
    "000_6a92a6c91713102f.txt": dict(
        title="first line", paragraphs=14, headings=[],
        first="ISLAMABAD: Pakistan has invited Japan", last="and global supply chain priorities.",
        gone=["Hashtags", "Try Our AI", "Daily8", "No comments", "Related Articles", "Arab News", "hour ago",
              "Shehbaz Sharif", "Hanif Abbasi", "Toyota", "Asharq"],
    ),
    "001_688540cd3cc4f27e.txt": dict(
        title="first line", paragraphs=8, headings=[], standfirst="Commerce Minister highlights",
        first="Pakistan’s Minister for Commerce", last="investment, and technology partnerships.",
        gone=["Monitoring Desk", "monitoring team", "LEAVE A REPLY", "enter your comment", "enter your name",
              "Must Read", "Karachi coastal", "687-acre"],
    ),
    "002_6bb8ae01fe14f7f2.txt": dict(
        title_has=["Pakistan and China", "E-Mining Platform"], paragraphs=9,
        headings=["MoUs signed for investment and digital trade", "Officials highlight value-added development",
                  "Policy assurances and future outlook"],
        first="Islamabad — Pakistan and China", last="Minerals Investment Forum later this year.",
        gone=["E-Paper", "move CPEC into new phase"],
    ),
    "003_9188c52003478e9c.txt": dict(
        title="first line", paragraphs=18, headings=[],
        first="Pakistan's mineral sector has become", last="access to these materials strengthens its supply chain.",
        gone=["WRITER IS", "STAFF CORRESPONDENT", "Try Our AI", "Comments", "Express Tribune", "Business Recorder",
              "back in the game", "Breakthrough talks", "Ishaq Dar", "Listen to article", "SHANGHAI"],
    ),
    "004_12b89a9618e36c52.txt": dict(
        title="first line", paragraphs=10,
        headings=["Local Subsidiary: Komatsu Pakistan Mining Limited", "Technology Transfer and Capacity Building",
                  "Enhancing Pakistan’s Global Economic Profile", "What This Means for the Region", "The Final Words"],
        first="Reko Diq has become a symbol", last="jobs, and sovereign economic agency.",
        gone=["rekodiq", "SAT Commentar", "Recent", "Qatar", "Read More", "Islamophobia", "AQAP", "Abbey Gate", "Taliban"],
    ),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_gives_the_right_title_and_only_the_main_article(seeds_dir: Path, name: str) -> None:
    expected = SEEDS[name]
    path = seeds_dir / name
    document = clean_file(path)
    if expected.get("title") == "first line":
        assert document.title == first_line(path)
    for fragment in expected.get("title_has", []):
        assert fragment in document.title
    body = paragraphs(document)
    standfirsts = [block.text for block in document.blocks if block.kind == "standfirst"]
    assert [text[:len(expected["standfirst"])] for text in standfirsts] == ([expected["standfirst"]] if "standfirst" in expected else [])
    assert len(body) == expected["paragraphs"]
    assert body[0].startswith(expected["first"])
    assert body[-1].endswith(expected["last"]), "the body must end at the article's last sentence"
    for heading in expected["headings"]:
        assert heading in headings(document)
    if not expected["headings"]:
        assert headings(document) == []
    text = "\n".join(block.text for block in document.blocks)
    for phrase in expected["gone"]:
        assert phrase not in text, f"boilerplate or teaser text survived: {phrase!r}"


def test_the_samples_title_is_not_repeated_in_the_body(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        document = clean_file(path)
        assert document.title not in [block.text for block in document.blocks]


def test_an_author_box_after_the_article_names_the_author(seeds_dir: Path) -> None:
    assert clean_file(seeds_dir / "001_688540cd3cc4f27e.txt").author == "Monitoring Desk"


FIXTURE_EXPECTATIONS = tomllib.loads((FIXTURES / "scrapes" / "expected.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTATIONS))
def test_boilerplate_shapes_in_lodes_own_fixtures_are_removed(name: str) -> None:
    expected = FIXTURE_EXPECTATIONS[name]
    document = clean_file(FIXTURES / "scrapes" / name)
    if "title" in expected:
        assert document.title == expected["title"]
    else:
        assert document.title.startswith(expected["title_starts_with"])
    body = paragraphs(document)
    assert body, "no body found"
    assert body[0].startswith(expected["first_words"])
    assert body[-1].endswith(expected["last_words"])
    text = "\n".join([document.title] + [block.text for block in document.blocks])
    for phrase in expected["must_not_contain"]:
        assert phrase not in text, f"boilerplate survived: {phrase!r}"
    assert [h for h in headings(document) if h in expected["headings"]] == expected["headings"]
    assert len(headings(document)) == len(expected["headings"]), headings(document)
    if "author" in expected:
        assert document.author == expected["author"]
    if "date" in expected:
        assert document.date == expected["date"]


def test_a_byline_and_dateline_become_metadata_not_body() -> None:
    raw = "\n".join([
        "Home | World | Business | Sport",
        "Copper prices lift Balochistan's mining hopes",
        "By Lode Staff",
        "Published: 9 April 2025, 10:42 am",
        "Copper rose this week, and miners in the province hope to benefit from the higher price.",
        "Officials said more surveys would follow before the end of the year.",
        "Related stories",
        "Something else entirely happened in another city today and we wrote about it.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Copper prices lift Balochistan's mining hopes"
    assert (document.author, document.date) == ("Lode Staff", "2025-04-09")
    assert paragraphs(document)[-1].startswith("Officials said")
    assert all("By Lode" not in p and "Published" not in p for p in paragraphs(document))


def test_a_wire_date_line_and_a_photo_credit_caption_are_not_body() -> None:
    raw = "\n".join([
        "Judge upholds a lithium permit in Nevada",
        "By Garrett Olmstead | Western Resources Bureau",
        "Published Feb. 19, 2026 7:42 p.m. ET | Updated Feb. 20, 2026 8:05 a.m. ET",
        "Trucks move along a haul road in the high desert. (Photo by Dale Kimura for the Range Times)",
        "A federal judge on Thursday upheld the approval of the mine in northern Nevada, rejecting the ranchers' claims.",
        "The company said construction would begin within a year.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.date == "2026-02-19"
    assert paragraphs(document)[0].startswith("A federal judge")
    assert all("Photo by" not in p and "Published" not in p for p in paragraphs(document))


def test_a_masthead_over_the_menu_is_the_source_never_the_title() -> None:
    raw = "\n".join([
        "THE KARAKUM COURIER",
        "NEWS   BUSINESS   MINING   SPORT   JOBS",
        "Industry > Metals & Mining",
        "Sarygol to shut its tin concentrator for the winter as ore grades fall",
        "Aydin Berdiyev",
        "Senior Mining Reporter",
        "Posted 14 November 2025",
        "What you need to know:",
        "• The plant will close from December to March.",
        "• About 300 workers move to maintenance crews.",
        "Sarygol Tin will stop its concentrator for three months from December, the company said on Friday.",
        "The miner blamed lower ore grades at the northern pit.",
        "Aydin Berdiyev covers mining and energy for the Courier from Ashgabat. Contact: aydin@karakum.example",
        "Get the Karakum Courier app for breaking news → Download now",
        "Copyright © 2025 The Karakum Courier",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Sarygol to shut its tin concentrator for the winter as ore grades fall"
    assert (document.source, document.authors, document.date) == ("The Karakum Courier", ("Aydin Berdiyev",), "2025-11-14")
    assert paragraphs(document) == [
        "Sarygol Tin will stop its concentrator for three months from December, the company said on Friday.",
        "The miner blamed lower ore grades at the northern pit.",
    ]


def test_an_aggregators_outlet_line_beats_its_masthead_and_comments_end_the_story() -> None:
    raw = "\n".join([
        "Metals Roundup Africa",
        "Home   Top Stories   Mining   Sign in",
        "Guinea grants bauxite port licence to Boke Minerals",
        "Conakry Business Mirror | 4 hours ago",
        "Guinea's mines ministry granted Boke Minerals a licence on Monday to build a bauxite export jetty on the Rio Nunez.",
        "The company said the jetty would handle 12 million tonnes a year.",
        "Read Comments Comments (2)",
        "Mamadou B. 1 hour ago",
        "Who will benefit from this jetty? Not the villages near it.",
        "▲ 12 ▼ 2",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.source == "Conakry Business Mirror"
    assert document.authors == ()
    assert paragraphs(document)[-1] == "The company said the jetty would handle 12 million tonnes a year."


def test_an_outlet_section_line_and_a_wire_caption_with_its_link_text_are_not_title_or_body() -> None:
    raw = "\n".join([
        "date 2025-10-14 Regulator halts Pedra Alta iron ore mine after dam inspection",
        "Minas Metals Monitor · Iron Ore",
        "Oct 14, 2025 at 7:15 a.m. BRT",
        "The Pedra Alta dam seen from the road, August 9, 2022. MMM/Jo Silva/File Photo Purchase Licensing Rights, opens new tab",
        "Brazil's mining regulator ordered the Pedra Alta mine to stop on Monday after inspectors found cracks in its dam.",
        "The company said it expected to restart within 60 days.",
        "© 2025 Minas Metals Monitor. All rights reserved.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Regulator halts Pedra Alta iron ore mine after dam inspection"
    assert (document.source, document.date, document.time, document.timezone) == ("Minas Metals Monitor", "2025-10-14", "07:15", "BRT")
    assert paragraphs(document)[0].startswith("Brazil's mining regulator")


def test_a_drop_cap_a_logo_masthead_a_related_headline_and_a_foot_byline() -> None:
    raw = "\n".join([
        "Ruvuma Ledger Logo",
        "Graphite miner wins Ruvuma export permit",
        "Tanzania has granted the Lindi Flake mine a twelve-month export permit for graphite concentrate.",
        "T",
        "he permit covers 40,000 tonnes a year, the ministry said on Tuesday.",
        "Miners' lobby says new royalty will slow exploration: Mnyampala",
        "The company said the first shipment would leave Mtwara port in March.",
        "(By Ana Lopes and Tom Berg)",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert (document.title, document.source, document.authors) == (
        "Graphite miner wins Ruvuma export permit", "Ruvuma Ledger", ("Ana Lopes", "Tom Berg"))
    assert paragraphs(document) == [
        "Tanzania has granted the Lindi Flake mine a twelve-month export permit for graphite concentrate.",
        "The permit covers 40,000 tonnes a year, the ministry said on Tuesday.",
        "The company said the first shipment would leave Mtwara port in March.",
    ]
    assert headings(document) == []


def test_a_standfirst_under_the_headline_is_kept_apart_from_the_paragraphs() -> None:
    raw = "\n".join([
        "Copper smelter restarts in Chingola",
        "The plant had been shut for six months after a dispute over power prices with the state utility",
        "By Lode Staff",
        "The smelter restarted on Monday, the company said, after it agreed a new tariff with the utility.",
        "It expects to reach full capacity by June.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Copper smelter restarts in Chingola"
    assert document.blocks[0].kind == "standfirst" and document.blocks[0].text.startswith("The plant had been shut")
    assert paragraphs(document)[0].startswith("The smelter restarted")


def test_a_republished_headline_with_its_byline_and_a_wire_sign_off() -> None:
    raw = "\n".join([
        "Tin smelter in Oruro to double output by 2027 – by Rosa Mamani (Altiplano Weekly – March 3, 2025)",
        "Oruro's state tin smelter will double its output by 2027 after a new furnace is installed, its manager said.",
        "The furnace was bought from a Chinese supplier for $40 million.",
        "For the rest of this article, see the Altiplano Weekly.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Tin smelter in Oruro to double output by 2027"
    assert (document.authors, document.source, document.date) == (("Rosa Mamani",), "Altiplano Weekly", "2025-03-03")

    raw = "\n".join([
        "Guinea suspends bauxite exports from Boke port",
        "CONAKRY, May 2 (Wirecast) - Guinea suspended bauxite exports from the Boke port on Friday over unpaid royalties.",
        "The ministry said exports would resume once the royalties were paid.",
        "(Reporting by Mamadou Diallo and Ana Lopes in Conakry; Editing by Tom Berg)",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.authors == ("Mamadou Diallo", "Ana Lopes")
    assert paragraphs(document)[-1] == "The ministry said exports would resume once the royalties were paid."


def test_a_caption_under_the_headline_and_a_press_dateline_give_title_and_date() -> None:
    raw = "\n".join([
        "Ghana: Obuasi Deeps Mine to Add 150,000 Ounces of Gold a Year",
        "Chamber of Mines officials, managers and visiting reporters",
        "(Obuasi Deeps handout photo)",
        "Obuasi, Ashanti Region, March 4, 2025//-Obuasi Deeps Mining has begun underground work at its new shaft.",
        "The company said the shaft would add about 150,000 ounces of gold a year from 2027.",
        "Aluminum $ 2.40 kg | Cobalt $ 33.10 kg | Copper $ 9.05 kg | Gold $ 85,200 kg",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Ghana: Obuasi Deeps Mine to Add 150,000 Ounces of Gold a Year"
    assert document.date == "2025-03-04"
    text = "\n".join(block.text for block in document.blocks)
    assert "Chamber of Mines officials" not in text and "handout photo" not in text and "Cobalt $" not in text


def test_a_long_standfirst_a_bare_name_over_the_date_and_a_bio_in_the_last_paragraphs() -> None:
    raw = "\n".join([
        "LIMPOPO MINING HERALD",
        "Home | Mining | Markets | Opinion",
        "Platinum miner shelves Mokopane shaft",
        "The company says prices are too low to justify the spending, but unions warn that hundreds of jobs are at risk "
        "in a district where the mine is the largest employer and few other jobs exist",
        "Thandi Mokoena",
        "12 March 2026",
        "Foto: Thandi Mokoena / Limpopo Mining Herald",
        "Bushveld Platinum has shelved its planned Mokopane shaft, the company said on Wednesday.",
        "Unions said they would meet the company next week.",
        "Thandi Mokoena is the Herald's mining correspondent. She has covered the platinum belt since 2019.",
        "thandi@limpopoherald.example",
        "Most Read",
        "Rand slips as platinum falls",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert (document.title, document.authors, document.date) == (
        "Platinum miner shelves Mokopane shaft", ("Thandi Mokoena",), "2026-03-12")
    assert document.blocks[0].kind == "standfirst"
    assert paragraphs(document) == [
        "Bushveld Platinum has shelved its planned Mokopane shaft, the company said on Wednesday.",
        "Unions said they would meet the company next week.",
    ]


def test_a_menu_without_separators_a_deck_a_newsletter_box_and_a_syndication_note() -> None:
    raw = "\n".join([
        "Skip to main navigation",
        "Harbour Gazette",
        "Home Latest Business Opinion World Sport Magazines",
        "Inspectors order drawdown at Lagoa Funda dam",
        "Regulator found seepage on the downstream face during a routine visit",
        "Story by Ana Lopes",
        "Feb 18, 2025 · 5 min read",
        "Inspectors have ordered the Lagoa Funda dam's owner to lower its water level within 30 days.",
        "Read also: How the dam-safety rules changed",
        "NEWSLETTER",
        "The Gazette Morning Brief",
        "Mining and politics from the coast, in your inbox at 7am.",
        "Your email address",
        "The owner said it would comply.",
        "This article first appeared in Ridge Metals Wire. It is republished under a content-sharing agreement.",
        "Ana Lopes is the Gazette's mining correspondent.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Inspectors order drawdown at Lagoa Funda dam"
    assert document.authors == ("Ana Lopes",)
    assert document.blocks[0].kind == "standfirst"
    assert paragraphs(document) == [
        "Inspectors have ordered the Lagoa Funda dam's owner to lower its water level within 30 days.",
        "The owner said it would comply.",
    ]
    assert headings(document) == []


def test_a_hard_wrapped_paragraph_is_joined() -> None:
    raw = (
        "A short title for a wrapped story\n\nThe minister said the survey of the northern\n"
        "province would start in spring and finish by the\nend of the year.\n"
    )
    document = clean_scrape(read_document_from_text(raw))
    assert paragraphs(document) == [
        "The minister said the survey of the northern province would start in spring and finish by the end of the year."
    ]


def test_a_mastheads_tagline_above_the_menu_is_no_headline_with_its_standfirst() -> None:
    raw = "\n".join([
        "Skip to content",
        "HIGHVELD METALS HERALD",
        "Mpumalanga's mining and power news",
        "NEWS  |  MINING  |  POWER  |  FARMING  |  EVENTS",
        "Mining › Platinum",
        "Korean battery maker to take a stake in Bushveld vanadium refinery",
        "Thandi Mokoena",
        "Posted Mar 3, 2026 9:15 am SAST",
        "Samples of vanadium slag on a table at the refinery in eMalahleni. (Photo: Highveld Vanadium Ltd.)",
        "",
        "EMALAHLENI – Highveld Vanadium Ltd. said on Tuesday that a Korean battery maker would buy 15% of its refinery.",
        "The company said the sale would pay for a second kiln by 2028.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Korean battery maker to take a stake in Bushveld vanadium refinery"
    assert (document.source, document.authors) == ("Highveld Metals Herald", ("Thandi Mokoena",))


def test_a_wire_masthead_in_initials_and_full_a_licensed_credit_and_a_desk_byline() -> None:
    raw = "\n".join([
        "KMW | Kalahari Mining Wire",
        "Home · Botswana · Namibia · Commodities · Events",
        "BOTSWANA-MINING/GHANZI (UPDATE 1)",
        "Ghanzi copper mine needs a new road before its second pit opens",
        "By KMW Correspondent",
        "Oct 6, 2026 | 14:25 CAT",
        "Haul trucks at the Ghanzi pit. REUTERS/Kabo Molefe - licensed to KMW",
        "",
        "GABORONE, Oct 6 (KMW) – The owners of the Ghanzi copper mine said on Tuesday they would need a new road.",
        "The district council said it would decide in November.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Ghanzi copper mine needs a new road before its second pit opens"
    assert (document.source, document.authors) == ("Kalahari Mining Wire", ("KMW Correspondent",))
    assert not any("REUTERS" in text for text in paragraphs(document))


def test_a_headline_longer_than_the_wrap_width_stays_apart_from_its_byline() -> None:
    wrapped = ["The survey teams said on Thursday that they would return to the",
               "northern valleys in April, after the snow, to finish mapping the",
               "seams that the provincial board wants to auction next year, and",
               "the elders said they would guide them if the board kept its word",
               "on the royalty that it promised the villages in the last lease."]
    raw = "\n".join(["Valley elders back the coal survey if the royalty promise is kept in the new auction",
                     "By VPA Correspondent", "Updated 28 May 2026 19:40 PKT", "", *wrapped])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Valley elders back the coal survey if the royalty promise is kept in the new auction"
    assert document.authors == ("VPA Correspondent",)
    assert paragraphs(document) == [" ".join(wrapped)]


def read_document_from_text(text: str):
    from extract.model import RawDocument

    return RawDocument(path="inline.txt", format="txt", text=text)


# One line for each phrase of WIRE_LINES and BANNER_WORDS: the cheap keyword gates in front of them (WIRE_KEYS,
# BANNER_KEYS) must let every one through.
@pytest.mark.parametrize("line", [
    "Reporting by Ana Lopes in Lusaka; Editing by Tom Berg",
    "(Adds minister's comments in paragraph 4)",
    "Contact: ana.lopes@wirecast.example",
    "Our Standards: The Wirecast Trust Principles.",
    "Disclaimer: this story is provided as is.",
    "This story has not been edited by Lode staff and is auto-generated from a syndicated feed.",
    "This article was originally published by the Harbour Gazette.",
    "(With inputs from agencies)",
    "When using materials, a link to the source is required.",
    "A hyperlink to harbourgazette.example is required.",
    "Reproduction of this article without written permission is prohibited.",
])
def test_every_wire_phrase_passes_its_keyword_gate(line: str) -> None:
    assert line_kind(line, len(line.split())) == "wire"


@pytest.mark.parametrize("line", [
    "We use cookies to improve your experience.", "Read our cookie policy", "We value your privacy",
    "We and our partners store and access information on your device.", "Subscribe to the Harbour Gazette",
    "Sign up for our morning newsletter", "Already a subscriber? Log in", "To continue reading, log in",
    "Unlock this article", "Create a free account", "Read without limits", "You have 2 free articles left",
    "Become a member today", "Support independent journalism", "Enjoying this article?", "Download our app",
    "Turn off your ad blocker", "Unlimited access for $1", "Get full access to every story",
    "Get our daily briefing", "Sign up now", "Your browser is out of date", "Follow our coverage of the election",
    "Read it in our weekly newsletter", "Catch all the business news here", "Get the Gazette app for alerts",
    "The Gazette welcomes letters from readers", "Send us your views",
])
def test_every_banner_phrase_passes_its_keyword_gate(line: str) -> None:
    assert line_kind(line, len(line.split())) == "skip"


def test_a_text_wrapped_at_a_fixed_width_is_rejoined_even_before_a_capital() -> None:
    from extract.clean import unwrap

    lines = ["HARARE (Reuters) - Zimbabwe has banned the export of raw lithium,",
             "according to a notice seen on Tuesday, to stop miners who dig",
             "the mineral up and take it across the borders of the country.",
             "Chinese groups Zhejiang Huayou Cobalt, Sinomine and Chengxin",
             "Lithium Group have bought mines worth a combined $678 million",
             "in the country over the past year and are building plants there.",
             "Analysts expect prices to rise."]
    paragraphs = unwrap(lines)
    assert any("Sinomine and Chengxin Lithium Group have bought" in p for p in paragraphs)
    assert paragraphs[-1] == "Analysts expect prices to rise."


def test_short_lines_of_a_page_are_not_run_together() -> None:
    from extract.clean import unwrap

    assert unwrap(["Home", "Business", "Zimbabwe bans raw lithium exports", "By Jane Doe"]) == [
        "Home", "Business", "Zimbabwe bans raw lithium exports", "By Jane Doe"]


def test_a_wrapped_line_that_opens_with_a_figure_goes_on_the_sentence() -> None:
    from extract.clean import unwrap

    lines = ["ANKARA (TMW) - The refiner, which is based in the capital of the",
             "country, said on Tuesday that it would raise output this year and",
             "build a second line at its plant near the coast. It traded about",
             "1.4 million tonnes of ore last year and sold most of it to mills in",
             "Asia, where demand for the metal rose for a third year in a row,",
             "analysts at two banks said on Tuesday in notes sent to clients.",
             "1. The first point of a numbered list stays a line of its own"]
    joined = unwrap(lines)
    assert any("traded about 1.4 million tonnes" in p for p in joined)
    # A currency sign opens an amount as a figure does: the line above is not left as a stray heading.
    money = lines[:5] + ["in Asia. The lender said in a statement that it was reviewing a",
                         "$35 mln loan for the plant, its first to a refiner in the country."]
    assert any("reviewing a $35 mln loan" in p for p in unwrap(money))
    # So does an ampersand that goes on a company's name.
    name = lines[:5] + ["in Asia. An analyst at the broker Harbour Investment and Finance",
                        "& Securities Co., Ltd. said the plant would raise output this year."]
    assert any("Finance & Securities Co., Ltd. said" in p for p in unwrap(name))
    assert joined[-1].startswith("1. The first point")
    # A date under a menu is no part of the menu, wrapped text or not.
    assert unwrap(["Politics | Economy | Mining | Society | World", "10 June 2025"])[-1] == "10 June 2025"


def test_a_wire_storys_bullets_between_paragraphs_are_its_list_and_related_headlines_are_not() -> None:
    raw = "\n".join([
        "Trader pays ahead for zinc from a mine in the Andes", "", "By Our Staff", "",
        "ZUG, Oct 20 (AMW) - A commodity trader will pay $210 million in advance for zinc concentrate, the two firms said.",
        "", "* Prepayment covers output until 2032", "", "* Trader to buy a minority stake for $38 million", "",
        "The agreement gives the trader the right to all the zinc concentrate from the mine for six years.", "",
        "The miner will use the money to expand its mill and build a new tailings dam, its manager said.", "",
        "Related headlines", "• Copper price slides on weak demand in China", "• Port strike ends after a week", "",
        "© 2026 Alpine Wire"])
    document = clean_scrape(read_document_from_text(raw))
    items = [block.text for block in document.blocks if block.kind == "item"]
    assert items == ["Prepayment covers output until 2032", "Trader to buy a minority stake for $38 million"]
    assert not any("Port strike" in block.text for block in document.blocks)


def test_a_trail_of_sections_ending_in_the_pages_title_cut_short_is_no_text() -> None:
    line = "Home Business Metals and Mining Tamarind Lithium Signs Deal With L..."
    assert line_kind(line, len(line.split())) == "skip"
    # A sentence that opens with "Home" and ends in an ellipsis is left alone when it is long.
    prose = ("Home prices in the mining towns of the north rose again this year, and agents said the climb would "
             "go on while the new mines hire, but nobody knows for how long ...")
    assert line_kind(prose, len(prose.split())) != "skip"


def test_a_bilingual_also_read_pointer_is_no_text() -> None:
    line = "Leia também / Also read: Mining town bets on a new ore"
    assert line_kind(line, len(line.split())) == "skip"


def test_a_gallery_button_and_a_caption_credited_in_capitals_then_an_agency_are_not_title_or_body() -> None:
    raw = "\n".join([
        "Skip to main content",
        "Open this photo in gallery:",
        "",
        "Ama Boateng, head of Kestrel Gold, at a mining conference in Accra on May 9.KOFI MENSAH ADJEI/Wirephoto",
        "",
        "Kestrel Gold Ltd. said on Monday it would buy a smaller rival for $1.2-billion in shares.",
        "The board said the price was fair.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title != "Open this photo in gallery:"
    assert paragraphs(document)[0].startswith("Kestrel Gold Ltd. said")
    assert not any("Wirephoto" in text or "gallery" in text for text in paragraphs(document))


def test_a_sentence_that_opens_a_quotation_with_a_colon_is_a_paragraph() -> None:
    raw = "\n".join([
        "Kestrel Gold agrees to build a tungsten mill in the north",
        "",
        "Kestrel Gold said on Monday it would build a tungsten mill by 2029 at a cost of $400 million.",
        "Ama Boateng, chief executive of Kestrel Gold, thanked the two governments for their support:",
        "“We could not have done this without the province and the state,” she said.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert "Ama Boateng, chief executive of Kestrel Gold, thanked the two governments for their support:" in paragraphs(document)


def test_a_headline_its_shorter_dek_a_caption_and_a_translation_notice_give_the_headline() -> None:
    raw = "\n".join([
        "Gulf miner and state fund to buy 10% of Brazil’s Kestrel Base Metals",
        "",
        "The deal is expected to close early next year",
        "",
        "Workers outside the smelter near the port city on November 23. (Photo by A. N. OTHER / Wirephoto)",
        "Powered by automated translation",
        "",
        "The Gulf miner and the state fund said on Sunday they would buy a 10 per cent stake in Kestrel Base Metals.",
        "The company has projects in Canada and Brazil.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert document.title == "Gulf miner and state fund to buy 10% of Brazil’s Kestrel Base Metals"
    assert not any("automated translation" in text for text in paragraphs(document))


def test_a_wire_sign_off_run_onto_the_last_paragraph_and_a_caption_naming_who_stands_where_are_not_body() -> None:
    raw = "\n".join([
        "Copper miner and lithium producer seal their joint venture",
        "",
        "Ana Ruiz, chief executive of Kestrel (left) shakes hands with the chairman of the state miner.",
        "",
        "SANTIAGO, May 31 (Wirenews) - The state copper miner and the lithium producer signed the final deal on Friday.",
        "The venture will run through 2060. (Reporting by Jo Smith, Lee Wong; Editing by Sam Hart)",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert paragraphs(document)[-1] == "The venture will run through 2060."
    assert not any("(left)" in text or "Reporting by" in text for text in paragraphs(document))


def test_a_brief_told_in_bullets_alone_is_the_story() -> None:
    raw = "\n".join([
        "Copper miner and state settle their dispute over the mine",
        "",
        "  • Kestrel Copper says it reached agreements with the state that will lead to underground mining at the mine.",
        "  • Under the deal, the partner will waive a $2.4B loan to the government.",
        "  • Kestrel says it now expects first output from the underground project in 2029.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert len(paragraphs(document)) == 3


def test_a_press_release_services_tag_before_the_dateline_is_no_part_of_the_story() -> None:
    raw = "\n".join([
        "Porgera partners agree on the mine's future",
        "",
        "/Lode Wire/ -- PORT MORESBY, Papua New Guinea, April 09, 2021 (GLOBE NEWSWIRE) -- The Porgera mine will reopen.",
        "The partners signed the agreement on Friday in the capital.",
    ])
    document = clean_scrape(read_document_from_text(raw))
    assert paragraphs(document)[0].startswith("PORT MORESBY, Papua New Guinea")
