"""Stage 2c, clean: a saved HTML page -> Document.

trafilatura finds the article's text and what the page's markup says about it
(title, date, authors, site name, canonical URL: from JSON-LD, Open Graph, meta
tags and the visible byline). Its text then goes through the same cleaner as a
text scrape, because it still holds the shapes that cleaner removes (captions,
"Read more" lines, wire sign-offs), with the markup's facts winning over what
the text prints.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape

import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement, document_fromstring

from .clean import clean_scrape
from .load import NotArticle
from .model import Document, RawDocument
from .pagemeta import without_site_name

# The date the page's markup gives as its publication date, with its time and zone as written
# (trafilatura keeps only the day).
PUBLISHED_MARKUP = (
    re.compile(r'"datePublished"\s*:\s*"(?P<value>[^"]{8,40})"'),
    re.compile(r'<meta\s[^>]*(?:property|name|itemprop)\s*=\s*["\'](?:article:published_time|og:published_time|datePublished|'
               r'pubdate|publishdate|publish-date|dc\.date\.issued|sailthru\.date)["\'][^>]*?content\s*=\s*["\'](?P<value>[^"\']{8,40})["\']',
               re.IGNORECASE),
)
LANGUAGE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?(?P<lang>[A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.IGNORECASE)
# trafilatura's author field can carry the date words of a byline like "By A Published Saturday …".
AUTHOR_TAIL = re.compile(r"\s*\b(?:published|updated|posted|on|at)\b.*$|\s*\d.*$", re.IGNORECASE)
# Dates later than this are not taken from markup; a fixed bound keeps builds the same on every day.
LATEST_DATE = "2100-12-31"


TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)


ASIDE_TIME = re.compile(r"<(?:aside|nav|footer)\b", re.IGNORECASE)


def for_reading(page: str) -> str | HtmlElement:
    """The page as trafilatura should read it: without layout tables, and without the dates of other stories."""
    if not TABLE_TAG.search(page) and not ("<time" in page and ASIDE_TIME.search(page)):
        return page
    try:
        tree = document_fromstring(page)
    except (ValueError, ParserError):
        return page
    without_layout_tables(tree)
    # A related-stories box ("<aside>… <time datetime=…>") dates other stories: an undated article must not take
    # the first of those for its own. The dates stay as text; they are no longer markup.
    for time in [t for t in tree.iter("time") if any(a.tag in ("aside", "nav", "footer") for a in t.iterancestors())]:
        time.tag = "span"
        time.attrib.pop("datetime", None)
    return tree


def without_layout_tables(tree: HtmlElement) -> None:
    """Old sites lay a page out in a table (menu, story, sidebar side by side in one row); read as a data table,
    its cells run together into one line. Tables whose cells hold headings or paragraphs become plain blocks."""
    layout = [table for table in tree.iter("table") if table.find(".//h1") is not None or len(table.findall(".//p")) >= 3]
    cells = [element for table in layout for element in table.iter("thead", "tbody", "tfoot", "tr", "td", "th")
             if next(element.iterancestors("table"), None) is table]
    for element in [*layout, *cells]:
        element.tag = "div"
        for attribute in ("width", "valign", "cellpadding", "cellspacing", "colspan", "rowspan"):
            element.attrib.pop(attribute, None)


H1 = re.compile(r"<h1\b[^>]{0,400}>(?P<inner>.{0,600}?)</h1\s*>", re.IGNORECASE | re.DOTALL)  # bounded: no scan to the end per tag
TAG = re.compile(r"<[^>]+>")


def printed_headline(page: str, site: str | None) -> str | None:
    """The headline the page prints (its one <h1> of headline length that is not the site's name): it wins over
    an og:title or <title> written for sharing, which can differ from it."""
    headings = {" ".join(unescape(TAG.sub(" ", match.group("inner"))).split()) for match in H1.finditer(page)}
    candidates = [text for text in headings if len(text.split()) >= 4 and text.casefold() != (site or "").casefold()]
    return candidates[0] if len(candidates) == 1 else None


JSON_LD = re.compile(r"<script\b[^>]{0,200}?type\s*=\s*[\"']?application/ld\+json[^>]{0,200}>(?P<json>.*?)</script\s*>",
                     re.IGNORECASE | re.DOTALL)


def copied_from(page: str, site: str | None) -> tuple[bool, str | None]:
    """(True, outlet) when the page is a site's copy of an article published elsewhere (an archive or aggregator,
    Lode's own pages among them): its structured data names the site as `sdPublisher`, the party that made the
    markup for content published by someone else. The outlet is then the article's `publisher`, or unknown (None),
    and never the site's own name (og:site_name). (False, None) for any other page."""
    if not site:
        return False, None
    for match in JSON_LD.finditer(page):
        try:
            data = json.loads(match.group("json"))
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
                continue
            marked_by, publisher = item.get("sdPublisher"), item.get("publisher")
            if isinstance(marked_by, dict) and str(marked_by.get("name", "")).casefold() == site.casefold():
                name = publisher.get("name") if isinstance(publisher, dict) else None
                return True, name if isinstance(name, str) and name.strip() else None
    return False, None


def read_html(raw: RawDocument) -> Document:
    """The article in a saved page, with the page's own title, date, source and authors."""
    extracted = trafilatura.bare_extraction(
        for_reading(raw.text), with_metadata=True, include_comments=False, include_tables=True, include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True, "max_date": LATEST_DATE},
    )
    if extracted is None or not (extracted.text or "").strip():
        raise NotArticle("no article text found in the page; skipped")
    authors = [AUTHOR_TAIL.sub("", name).strip(" ,;|") for name in (extracted.author or "").split(";")]
    published = next((match.group("value") for pattern in PUBLISHED_MARKUP if (match := pattern.search(raw.text))), None)
    language = LANGUAGE.search(raw.text[:4000])
    title, _ = without_site_name(extracted.title or "", extracted.sitename, extracted.text.split("\n"))
    title = printed_headline(raw.text, extracted.sitename) or title
    copy, outlet = copied_from(raw.text, extracted.sitename)
    meta: dict[str, object] = {
        "title": title or None,
        "date": published if published and published[:10] == (extracted.date or "")[:10] else extracted.date,
        "source": outlet if copy else extracted.sitename,
        "domain": None if copy else extracted.hostname,  # a copy's host is the copying site's, not the outlet's
        "authors": [name for name in authors if name],
        "url": extracted.url,
        "language": language.group("lang").lower() if language else None,
    }
    document = clean_scrape(RawDocument(path=raw.path, format="html", text=extracted.text, meta=meta))
    return replace(document, title_origin="page markup" if extracted.title else document.title_origin)
