"""The hostile corpus (corpus.py) built as a user builds it: every file built, or skipped with exactly one
warning that names it and says why; --strict refuses the lot; corpus text never becomes markup, script or a
link in any file the site holds (pages, JSON, JavaScript, the feed, the sitemap, the curator's CSV, the
widget's example code)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from ..conftest import HostileBuild, as_a_user, run_build, tree
from .checks import audit_page, audit_site
from .corpus import PAYLOAD, PAYLOAD_URL

WARNING = re.compile(r"^lode: warning: (?P<path>.+?): (?P<message>[^:]*(?:: [^:]*)*)$")
SUMMARY = re.compile(r"lode: built (\d+) articles and (\d+) entities into .* \((\d+) files\); (\d+) corpus file\(s\) skipped, "
                     r"(\d+) warning\(s\)")


def warnings(stderr: str) -> list[str]:
    return [line.removeprefix("lode: warning: ") for line in stderr.splitlines() if line.startswith("lode: warning: ")]


def report_rows(build: HostileBuild) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(build.report.read_text(encoding="utf-8-sig")))
    return {row["file"]: row for row in rows}


def corpus_json(build: HostileBuild) -> dict:
    return json.loads((build.site / "data" / "corpus.json").read_text(encoding="utf-8"))


def one_line(text: str) -> str:
    """A title as Lode keeps it: its words as written, any run of white space (U+2028 included) one space."""
    return " ".join(text.split())


def test_every_file_is_built_or_skipped_with_exactly_one_warning_naming_it(hostile_build: HostileBuild) -> None:
    lines = warnings(hostile_build.result.stderr)
    rows = report_rows(hostile_build)
    for case in hostile_build.cases:
        mine = [line for line in lines if line.startswith(case.path + ": ")]
        if case.outcome == "skipped":
            assert len(mine) == 1, f"{case.path}: {len(mine)} warnings, expected one: {mine}"
            assert case.reason in mine[0] and mine[0].endswith("skipped"), mine[0]
            assert case.path not in rows, f"{case.path} was skipped but is in the site"
        else:
            assert mine == [], f"{case.path} was built but warned about: {mine}"
            assert case.path in rows, f"{case.path} is not in the site"
    # No warning about anything the suite did not write, and none twice.
    named = {case.path for case in hostile_build.cases}
    assert all(line.split(": ")[0] in named for line in lines), [line for line in lines if line.split(": ")[0] not in named]
    assert len(lines) == len(set(lines))


def test_the_summary_counts_what_was_built_skipped_and_warned(hostile_build: HostileBuild) -> None:
    built = [case for case in hostile_build.cases if case.outcome == "built"]
    skipped = [case for case in hostile_build.cases if case.outcome == "skipped"]
    summary = SUMMARY.search(hostile_build.result.stderr)
    assert summary, hostile_build.result.stderr[-500:]
    articles, entities, files, skipped_count, warned = map(int, summary.groups())
    assert articles == len(built) == len(corpus_json(hostile_build)["articles"])
    assert skipped_count == len(skipped) and warned == len(warnings(hostile_build.result.stderr)) == len(skipped)
    assert files == sum(1 for path in hostile_build.site.rglob("*") if path.is_file())
    assert sorted(path.name for path in hostile_build.site.parent.iterdir()) == ["site"], "nothing new beside the output"


def test_titles_are_kept_as_written_whatever_they_hold(hostile_build: HostileBuild) -> None:
    rows = report_rows(hostile_build)
    for case in hostile_build.cases:
        if case.title is not None:
            assert rows[case.path]["title"].removeprefix("'") == one_line(case.title), case.path
    # A formula is text in the curator's spreadsheet; the site shows the title as written.
    assert rows["titles/formula.md"]["title"].startswith("'=HYPERLINK(")
    titles = {article["title"] for article in corpus_json(hostile_build)["articles"]}
    assert '=HYPERLINK("https://evil.example/","open me")' in titles


def test_same_titles_and_same_stems_stay_apart_and_paths_stay_inside_the_site(hostile_build: HostileBuild) -> None:
    articles = corpus_json(hostile_build)["articles"]
    twins = [a for a in articles if a["title"] == "The same title twice"]
    assert len(twins) == 2 and twins[0]["path"] != twins[1]["path"]
    reports = {a["path"] for a in articles if a["file"] == "report"}
    assert len(reports) == 3  # north/report.md, north/report.txt, south/report.md
    for article in articles:
        assert re.fullmatch(r"articles/[a-z0-9-]+\.html", article["path"]), article["path"]
        assert (hostile_build.site / article["path"]).is_file()
    site = hostile_build.site.resolve()
    assert all(site in path.resolve().parents for path in site.rglob("*"))


def test_encodings_are_decoded_never_skipped(hostile_build: HostileBuild) -> None:
    texts = {a["title"]: a["text"] for a in corpus_json(hostile_build)["articles"]}
    for name in ["utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom"]:
        text = texts[f"Encoded {name} headline about copper"]
        assert "Ümlaut, ñ, 中文 and emoji 🔥 survive." in text and "\r" not in text and "\ufeff" not in text
    assert "Pakistan’s café “quoted” — €5 deal" in texts
    assert texts["Café owners in Lahore gather"].endswith("Crème.")


def test_right_to_left_combining_and_joined_text_is_kept_and_marked_for_direction(hostile_build: HostileBuild) -> None:
    articles = {a["title"]: a for a in corpus_json(hostile_build)["articles"]}
    arabic = articles["منجم ريكو ديك للنحاس"]
    page = (hostile_build.site / arabic["path"]).read_text(encoding="utf-8")
    assert re.search(r'<h1[^>]*dir="auto"[^>]*>منجم ريكو ديك للنحاس</h1>', page)
    mixed = articles["Reko Diq ريكو ديك and שלום \u202eevil\u202c"]
    assert "\u202etxet desrever\u202c" in mixed["text"]
    names = {e["name"] for e in corpus_json(hostile_build)["entities"]}
    assert "Zoë Bjårnsdóttir" in names  # composed (NFC), as all corpus text
    # A zero-width joiner inside a name stays where it was written, in the text and in the lab emoji.
    assert "Ma\u200drtin Krüger" in articles["Zoë Bjårnsdóttir and the 👩\u200d🔬 lab"]["text"]


def test_deep_nesting_and_huge_json_do_not_lose_the_article(hostile_build: HostileBuild) -> None:
    articles = {a["title"]: a for a in corpus_json(hostile_build)["articles"]}
    deep = articles["A list ten thousand deep"]["text"]
    assert "item" in deep.split("\n\n") and "quoted" in deep.split("\n\n")
    nested = articles["Deeply nested page about cobalt"]["text"]
    assert "nested report number 37" in nested and "nested more report number 38" in nested


def test_no_page_holds_markup_script_or_links_from_the_corpus(hostile_build: HostileBuild) -> None:
    assert audit_site(hostile_build.site) == {}
    # The payload is on the pages, as text.
    page = (hostile_build.site / "articles" / "payload-payload-md.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL).group(1)
    assert "<" not in heading and html.unescape(heading) == one_line(f"Payload title {PAYLOAD}")
    assert 'href="javascript:' not in page and 'href="data:' not in page


def test_the_audit_finds_what_it_looks_for() -> None:
    evil = ('<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><script>alert(1)</script>'
            '<script src="https://evil.example/x.js"></script><img src=x onerror="alert(1)"><a href="javascript:x">'
            '<iframe src="data:text/html,x"></iframe><!-- open -->')
    found = " ".join(audit_page(evil))
    for finding in ["<base href>", "refresh", "inline <script>", "not one of Lode's files", "onerror", "javascript:",
                    "data:", "a comment"]:
        assert finding in found, finding


def test_data_and_scripts_carry_corpus_text_escaped(hostile_build: HostileBuild) -> None:
    text = (hostile_build.site / "data" / "corpus.json").read_text(encoding="utf-8")
    data = json.loads(text, parse_constant=lambda name: pytest.fail(f"corpus.json holds {name}, which is not JSON"))
    titles = {a["title"] for a in data["articles"]}
    assert one_line(f"Payload title {PAYLOAD}") in titles and one_line(f"Record title {PAYLOAD}") in titles
    assert data["site"]["title"] == f"Hostile {PAYLOAD}"
    assert PAYLOAD in next(a["text"] for a in data["articles"] if a["title"].startswith("Payload title"))
    for path in [*hostile_build.site.glob("search/**/*.js"), hostile_build.site / "search" / "index.js"]:
        text = path.read_text(encoding="utf-8")
        if path.name in ("lunr.min.js", "worker.js"):
            continue
        for raw in ["</script", "<!--", "\u2028", "\u2029", "]]>"]:
            assert raw not in text, f"{path.name} holds {raw!r} raw"


def test_the_feed_and_sitemap_are_well_formed_and_link_only_to_the_site(hostile_build: HostileBuild) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(hostile_build.site / "feed.xml").getroot()
    assert feed.find(f"{atom}title").text == f"Hostile {PAYLOAD}"
    entries = {entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")}
    assert one_line(f"Payload title {PAYLOAD}") in entries
    for link in feed.iter(f"{atom}link"):
        assert not link.get("href", "").lower().startswith(("javascript:", "data:")), link.get("href")
    assert PAYLOAD_URL not in (hostile_build.site / "feed.xml").read_text(encoding="utf-8")
    sitemap = ElementTree.parse(hostile_build.site / "sitemap.xml").getroot()
    for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        assert re.fullmatch(r"[a-z0-9/._-]+\.html", loc.text) and (hostile_build.site / loc.text).is_file(), loc.text


def test_the_curators_csv_round_trips_every_field(hostile_build: HostileBuild) -> None:
    rows = report_rows(hostile_build)
    row = rows["payload/payload.md"]
    assert row["title"] == one_line(f"Payload title {PAYLOAD}")
    assert row["source"] == one_line(f"Source {PAYLOAD}")
    assert row["authors"] == f"{one_line(f'Author {PAYLOAD}')}; Second Author"
    # A javascript: URL is no article's address: not in the report, not in the data other tools read.
    assert row["url"] == "" and rows["payload/payload.jsonl#1"]["url"] == ""
    for article in corpus_json(hostile_build)["articles"]:
        assert article["url"] is None or article["url"].startswith(("https://", "http://")), article["url"]
    corpus_text = [row[column] for row in rows.values() for column in ("file", "title", "source", "authors")]
    assert not any(value.startswith(("=", "+", "-", "@")) for value in corpus_text)


def test_the_widget_example_gets_names_only_as_an_escaped_attribute(hostile_build: HostileBuild) -> None:
    data = corpus_json(hostile_build)
    entity = next(e for e in data["entities"] if e["name"].startswith("Quetta "))
    assert entity["name"] == f"Quetta {PAYLOAD}"
    page = (hostile_build.site / entity["path"]).read_text(encoding="utf-8")
    subject = re.search(r'data-py-subject="([^"]*)"', page).group(1)
    assert html.unescape(subject) == entity["name"] and "<" not in subject


def test_curation_that_merges_a_name_into_itself_or_in_a_cycle_builds(hostile_build: HostileBuild) -> None:
    entities = {e["name"]: e for e in corpus_json(hostile_build)["entities"]}
    assert "Barrick Gold" in entities and "Barrick" not in entities
    # "Reko Diq" = ["Saindak"] and "Saindak" = ["Reko Diq"]: one entity, named by the first entry.
    assert "Reko Diq" in entities and "Saindak" not in entities
    assert "Saindak" in entities["Reko Diq"]["aliases"]


def test_strict_refuses_the_hostile_corpus_and_leaves_the_previous_site(hostile_build: HostileBuild, tmp_path: Path) -> None:
    out = tmp_path / "site"
    shutil.copytree(hostile_build.site, out)
    before = tree(out)
    result = run_build("--corpus", str(hostile_build.corpus), "--out", str(out), "--strict", prefix=as_a_user())
    assert result.returncode == 1
    skipped = [case.path for case in hostile_build.cases if case.outcome == "skipped"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("lode: error: ")]
    assert len(errors) == len(skipped) + 1 and "--strict is on; the site was not changed" in errors[-1]
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
