"""Property tests: arbitrary text never crashes the loader, cleaners, slugger, escapers, money parser or search
fold, and what each promises holds for every input hypothesis finds (slugs unique and inside their folder,
escaping that round-trips, folding that is ASCII and stable).

A short, derandomised run in `make test`; `make fuzz` runs many more examples (LODE_HYPOTHESIS=fuzz).
"""

from __future__ import annotations

import html
import json
import math
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.clean import clean_scrape
from extract.corpus import article_ids
from extract.entities.values import MONEY_PATTERN, money_value, percent_value
from extract.load import NotArticle, decode, record_document, split_front_matter
from extract.markup import parse_markdown
from extract.model import Block, Mark, RawDocument
from extract.paths import slugify
from extract.render import render_inline
from extract.search import fold, script_json

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("LODE_HYPOTHESIS", "ci"))

# Text heavy in the characters that parsers treat specially, and in every kind of Unicode.
MARKUP = "<>&\"'/=-*_`[]()!#>:;.,$%0123456789 \n\t\r\u2028\u2029\u200d\u202e\ufeff\x00"
hostile_text = st.text(alphabet=st.one_of(st.sampled_from(MARKUP), st.characters(codec=None)), max_size=400)
lines = st.lists(st.one_of(hostile_text, st.sampled_from(["---", "- item", "> quote", "# Title", "By A | B", "Related Articles",
                                                          "title: x", "    code", "```", "* * *", "Published May 1, 2024"])),
                 max_size=30).map("\n".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | hostile_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "maintext", "text", "date_publish", "url", "source", "authors", "title_page", "x"]),
        children, max_size=6),
    max_leaves=20,
)


@given(st.binary(max_size=2000))
def test_the_loader_decodes_any_bytes_or_says_why_not(data: bytes) -> None:
    try:
        text = decode(data)
    except NotArticle as reason:
        assert str(reason).endswith("skipped")
        return
    assert "\r" not in text and "\x00" not in text


@given(lines)
def test_front_matter_of_any_text_is_read_or_refused_with_a_reason(text: str) -> None:
    try:
        meta, body = split_front_matter(text)
    except NotArticle as reason:
        assert str(reason).endswith("skipped")
        return
    assert isinstance(meta, dict) and isinstance(body, str)


@given(json_values)
def test_any_crawler_record_is_read_or_refused_with_a_reason(record: object) -> None:
    try:
        document = record_document("crawl.jsonl#1", record)
    except NotArticle as reason:
        assert str(reason).endswith("skipped")
        return
    assert document.text.strip() and all(isinstance(value, (str, list)) for value in document.meta.values())


def blocks_are_sound(document) -> None:
    assert document.title.strip()
    for block in document.blocks:
        assert block.text
        for mark in block.marks:
            assert 0 <= mark.start < mark.end <= len(block.text)


@given(lines)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_the_scrape_cleaner_takes_any_text(text: str) -> None:
    try:
        document = clean_scrape(RawDocument("page.txt", "txt", text))
    except NotArticle:
        return
    blocks_are_sound(document)


@given(lines, st.dictionaries(st.sampled_from(["title", "date", "source", "authors", "url", "language"]), json_values, max_size=4))
def test_the_markdown_reader_takes_any_text_and_front_matter(text: str, meta: dict) -> None:
    blocks_are_sound(parse_markdown(RawDocument("page.md", "md", text, meta)))


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@given(hostile_text)
def test_slugs_are_plain_words_of_the_site(text: str) -> None:
    slug = slugify(text)
    assert SLUG.fullmatch(slug) and len(slug) <= 80


@given(st.lists(st.lists(hostile_text.filter(lambda part: part not in ("", ".", "..") and "/" not in part), min_size=1, max_size=3)
                .map("/".join), unique=True, max_size=25))
def test_article_ids_are_unique_and_keep_pages_inside_articles(paths: list[str]) -> None:
    ids = article_ids([path + ".md" for path in paths])
    assert len(set(ids.values())) == len(paths)
    for article_id in ids.values():
        assert SLUG.fullmatch(article_id), article_id  # "articles/<id>.html" can name no other folder


@given(json_values)
def test_json_for_scripts_round_trips_and_cannot_end_a_script(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & set("<>&\u2028\u2029")


@given(hostile_text, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400), st.sampled_from(["em", "strong", "code", "link"]),
                                        st.one_of(st.none(), hostile_text)), max_size=6))
def test_rendered_text_is_escaped_and_round_trips(text: str, spans: list) -> None:
    marks = tuple(Mark(min(a, b), max(a, b), kind, href if kind == "link" else None)
                  for a, b, kind, href in spans if min(a, b) < max(a, b) <= len(text))
    out = render_inline(Block("paragraph", text, marks=marks))
    tags = re.findall(r"<[^>]*>", out)
    assert all(re.fullmatch(r'</?(em|strong|code|a)( href="[^"<>]*" rel="nofollow noopener")?>', tag) for tag in tags), tags
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text


amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@given(hostile_text)
def test_the_money_parser_takes_any_text(text: str) -> None:
    for match in MONEY_PATTERN.finditer(text):
        value = money_value(match.group(0))
        assert value is None or (math.isfinite(value["amount"]) and value["currency"])
    money_value(text)


@given(st.integers(320, 2000), st.sampled_from(["$", "Rs ", "US$ "]))
def test_a_figure_too_long_for_a_float_is_no_amount(digits: int, currency: str) -> None:
    assert money_value(f"{currency}{'9' * digits} billion") is None  # it would be infinite, which JSON cannot hold
    assert percent_value(f"{'9' * digits}%") is None


@given(amounts, st.sampled_from([("", 1), (" million", 10**6), (" billion", 10**9), ("bn", 10**9), ("M", 10**6)]))
def test_the_money_parser_reads_dollar_amounts(amount, scale: tuple[str, int]) -> None:
    value = money_value(f"${amount:,}{scale[0]}")
    expected = float(amount) * scale[1]
    assert value["currency"] == "USD" and abs(value["amount"] - expected) <= 0.01 * max(1, scale[1])


@given(hostile_text)
def test_search_fold_is_ascii_and_stable(text: str) -> None:
    folded = fold(text)
    # Stable up to case: compatibility forms can decompose to capitals ("𝓐" -> "A"), which lunr lowercases.
    assert folded.isascii() and fold(folded) == folded.lower()
