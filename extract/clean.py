"""Stage 2a, clean: a raw web scrape (.txt) -> Document (title, headings, paragraphs).

Scraped pages wrap the article in navigation, banners, share buttons, author
boxes and teasers of *other* stories (often whole articles). The cleaner finds
the main article from general signals, never from a list of known files:

1. every line is classified by its shape (sentence-like paragraph, headline-like
   line, one-word stub, byline, date line) and by known boilerplate phrases;
2. "break" lines (comment prompts, "Related Articles", an outlet + "2 hours
   ago" block after the article has begun, "Read More »") cut the page into
   segments; segments after a teaser heading are teaser territory;
3. the segment with the most paragraph text wins, teaser territory counting a
   quarter (teasers can be whole articles, but they come after the main one);
4. inside it, the title is the headline-like line just above the first
   paragraph, an author box ("Name" + "Name is a ...") ends the article, and
   trailing headline-like lines (outlet names, teaser headlines) are trimmed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from .dates import NUMERIC_ORDER, ZONES, find_date, find_dates, iso_date, iso_time, numeric_order
from .entities.gazetteer import place_kind
from .model import Block, Document, RawDocument, Removed
from .pagemeta import (
    DESK_BYLINE,
    FOOT_BYLINE,
    NOT_OUTLETS,
    LineFacts,
    PageFacts,
    is_outlet,
    is_person_list,
    name_case,
    outlet_for_domain,
    read_line,
    split_names,
)
from .vocab import initials

LineKind = Literal[
    "paragraph",  # sentence-like prose
    "headline",  # headline-shaped: no sentence punctuation at the end
    "stub",  # one or two words, no punctuation: menu items, labels
    "break",  # ends a segment (comments, share-end, copyright, "Read More »")
    "teaser",  # a teaser-list heading: ends a segment and starts teaser territory
    "time_ago",  # "2 hours ago": an outlet block
    "skip",  # dropped wherever it is: ads, share buttons, alt text, banners
    "meta",  # date, byline, outlet: becomes metadata (pagemeta.read_line)
    "caption",  # a photo caption or credit
    "wire",  # wire housekeeping: sign-offs, "Adds details", e-mails, trust principles, disclaimers
    "standfirst",  # the summary a page prints between the headline and the story
]


def _phrases(*patterns: str) -> re.Pattern[str]:
    """A whole-line, case-insensitive pattern; trailing punctuation and arrows allowed."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^\W*(?:{body})[\s:.!…»›>|\-–—]*$", re.IGNORECASE)


# Headings of lists of other stories. Everything after one is teaser territory.
TEASER_HEADINGS = _phrases(
    r"related(?: articles?| stories| posts| news| content| coverage| reading)?",
    r"more (?:stories|news|articles|from [\w ’'&.-]{1,40}|in [\w ’'&.-]{1,30}|on this (?:topic|story))",
    r"(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy)",
    r"recommended(?: for you| stories| articles)?",
    r"trending(?: now| stories| news)?",
    r"most (?:read|popular|viewed|shared|commented)(?: stories| articles| news)?",
    r"popular(?: posts| stories| articles| now)?",
    r"latest(?: news| stories| posts| articles| updates)?",
    r"recent(?: posts| stories| articles| news)?",
    r"must read",
    r"top stories",
    r"editor[’']?s picks?",
    r"don[’']?t miss",
    r"(?:what to )?read next",
    r"up next",
    r"in case you missed it",
    r"also on [\w ’'&.-]{1,30}",
)

# Lines after which the article does not continue: comment prompts, tag lists,
# author notes, footers, e-paper links, "Read More »" teaser separators.
BREAK_LINES = _phrases(
    r"leave a (?:reply|comment)",
    r"(?:post|add|write) a comment",
    r"comments?(?: \(\d+\))?",
    r"(?:read|view|show|see|all)\s+comments?(?:\s+comments?)?(?:\s*\(\d+\))?",
    r"\d+ comments?",
    r"no comments(?: yet)?\W*",
    r"show comments",
    r"join the (?:conversation|discussion)",
    r"please enter your (?:comment|name|email)[\w ]*",
    r"hashtags",
    r"tags?(?::.*)?",
    r"topics?:.*",
    r"filed under:?.*",
    r"categories:.*",
    r"try our ai features",
    r"explore what .{1,40} can do for you",
    r"(?:today[’']?s )?e-?paper",
    r"print edition",
    r"about the (?:author|writer)",
    r"(?:the )?(?:writer|author)s? (?:is|are|was) .*",
    r"the views expressed .*",
    r"(?:©|\(c\)).*(?:\b(?:19|20)\d{2}\b|rights|reserved).*",
    r"(?:this (?:article|story|post) is|comments are(?: now)?) closed(?: for comments)?.*",
    r"copyright\b.*",
    r"all rights reserved.*",
    r"read more",
    r"continue reading",
    r"(?:view|see|load|show) (?:all|more)(?: stories| news)?",
    r"share this (?:article|story|post)",
)

# Lines dropped wherever they stand: ads, share buttons, banners, menus,
# "also read" pointers to other stories, image credits.
SKIP_LINES = _phrases(
    r"advertisement",
    r"sponsored(?: content)?",
    r"subscribe(?: now| today| here)?",
    r"story continues below(?: advertisement)?",
    r"(?:article|story) continues (?:below|after .*)",
    r"skip to (?:the )?(?:main )?(?:content|navigation|menu|search|footer)",
    # (A bilingual site puts its own language's label first: "Leia também / Also read: …".)
    r"(?:[^\W\d_][\w ]{0,24} / )?(?:also|read also|see also|must) read\s*[:\-–—|].*", r"(?:read|see) also\s*[:\-–—|].+",
    r"(?-i:MORE|More)\s*:.+",
    r"read more\s*[:\-–—|].+",
    r"related\s*[:\-–—|].+",
    r"share(?: (?:on|via) \w+| this)?",
    r"(?:tweet|whatsapp|facebook|twitter|x|linkedin|telegram|email|e-mail|print|copy link|pinterest|reddit)",
    r"listen to (?:this )?article",
    r"follow us(?: on .*)?",
    # "Follow <Outlet> on Telegram and LinkedIn.": the outlet's own channels, never the story
    # (and "For more business news, follow <Outlet> on X and LinkedIn.")
    r"(?:for (?:more|the latest) [\w ]{0,30}(?:news|updates|stories),? )?"
    r"follow [\w ’'&.-]{2,50} on (?:x|twitter|telegram|facebook|linkedin|instagram|whatsapp|youtube|threads|google news|wechat|"
    r"weibo|tiktok|bluesky|mastodon)\b.{0,80}",
    r"accept(?: all)?(?: cookies)?",
    r"reject(?: all)?",
    r"(?:manage|cookie) (?:settings|preferences)",
    r"(?:sign in|log in|register|sign up)(?: .{0,40})?",
    r"(?:home|menu|search|close|open|maybe later|no thanks|show purposes|agree|options|more options)",
    r"(?:photo|image|picture|file photo|caption|credit|courtesy|alt text)s?(?:\s*[:\-–—|].*)?",
    r"\(?\d{1,2}\s*min(?:ute)?s?(?: read| to read| listen)?\)?",
    r"cookies(?: on .{1,40}| settings| notice)?",
    r"representational (?:image|photo)",
    # "Powered by automated translation": a page's note on its translation widget
    r"(?:powered by|translated by|with) (?:automated|automatic|machine|ai) translation",
    # "Open this photo in gallery:", "Enlarge this image", "View image in full screen": a picture's button
    r"(?:open|view|expand|enlarge) (?:this |the )?(?:photo|image|picture)(?: in (?:gallery|full ?screen))?:?",
    r"(?:photo|image|picture)s? (?:source|credit)s?\s*:.*",
    # "(Northern Road Link photo)", "Company handout photo": a picture's credit standing alone
    r"\(?(?-i:(?:[A-Z][\w&’'.-]*\s){1,5})(?:handout\s)?(?:file\s)?(?:photo|photograph|image|picture)s?\)?",
)

# Phrases that mark a whole line as a banner, whatever else it says.
BANNER_WORDS = re.compile(
    r"\b(?:(?:use|uses|using|set|sets|accept|store|stores|consent to)\b[^.]{0,40}\bcookies"
    r"|cookie policy|we value your privacy|your privacy choices|(?:store|access) (?:and read )?information on your device"
    r"|subscribe to\b|sign up (?:for|to) (?:our|the)\b[^.]{0,30}newsletter|subscribe now|already a subscriber"
    r"|to continue reading|unlock (?:this|unlimited)|create a free account|read without limits|free articles? (?:left|this month)"
    r"|become a (?:member|subscriber|supporter)|support (?:independent|our|quality) [\w ]{0,20}journalism|enjoying this article"
    r"|download (?:our|the) app|turn off your ad ?blocker|subscribe (?:today|for|to get)|unlimited access|full access to"
    r"|get (?:a|our|the) (?:daily|weekly|free) (?:email|newsletter|briefing)|sign up (?:now|today|here|for free)"
    r"|your browser is out of date|follow our coverage|in (?:our|the) [\w ]{0,30}newsletter|catch all the [\w ,]{0,40}news"
    r"|download (?:our|the)\b[^.]{0,30}\bapp|get (?:the|our) [\w ’'&.-]{0,40}\bapp\b"
    r"|read (?:the|our) latest (?:issue|edition)|in your inbox|your email address|by signing up|privacy policy"
    r"|welcomes? letters from (?:its )?readers|send (?:us )?(?:yours|your letters?|your views)\b)\b",
    re.IGNORECASE,
)
# The longest line a teaser heading, "2 hours ago" or a picture credit can be; and a label ("Home » … 200 chars").
SHORT_PHRASE = 100
LABEL_PHRASE = 280
# Each of BANNER_WORDS' phrases holds one of these: a line with none is not a banner, and is not searched.
BANNER_KEYS = ("cookie", "privacy", "your device", "subscri", "newsletter", "continue reading", "unlock", "free account",
               "without limits", "free article", "become a", "journalism", "enjoying this", "download", "blocker",
               "unlimited access", "full access", "email", "briefing", "sign up", "browser", "follow our coverage",
               "latest issue", "latest edition", "inbox", "your email", "signing up", "privacy policy",
               "catch all", " app", "letters from", "send ")
TIME_AGO = re.compile(
    r"^(?:an?|\d{1,3}|one|two|few) (?:sec|second|min|minute|hr|hour|day|week|month|year)s? ago$", re.IGNORECASE
)
# Menus flattened onto one line: "Home | World | Business | Sport".
MENU_SEPARATORS = re.compile(r"\s[|•·›»/>]\s")
MENU_GAPS = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# "Breadcrumb > Section": a short path of capitalised labels, one separator is enough.
CRUMB = r"[A-Z][\w&’'.-]*(?:\s[\w&’'.-]+){0,3}"
BREADCRUMB = re.compile(rf"^(?i:you are here\s*:\s*)?{CRUMB}(?:\s[>›»]\s{CRUMB})+$")
# A trail whose separators were icons, ending in the page's own title cut short: "Home Business Metals and Mining
# Tamarind Lithium Signs Deal With L...".
CRUMBS_TO_A_CUT_TITLE = re.compile(r"^Home\s.+(?:\.\.\.|…)$")
# What a link's accessible text adds after it: ", opens new tab", "(opens in a new window)".
NEW_TAB = re.compile(r"[,(]?\s*\bopens (?:in )?(?:a )?new (?:tab|window)\)?", re.IGNORECASE)
DROP_CAP = re.compile(r"^[A-Z]$")
# Text before a page's paragraph that players and readers prepend.
PARAGRAPH_PREFIXES = re.compile(r"^(?:listen to (?:this )?article|advertisement)\s+", re.IGNORECASE)
CLOSING = "\"'’”)]"


def ends_sentence(text: str) -> bool:
    """Closing punctuation at the end, perhaps inside quotes or brackets ('… he said.”'), or a closing quote."""
    if text[-1:] in "\"'’”":
        return True
    return text.rstrip(CLOSING)[-1:] in (".", "!", "?", "…") and text.rstrip(CLOSING) != ""
# News headlines use a comma for "and" ("Pakistan, China move CPEC into new
# phase"); section headings almost never do. Such a line inside an article is
# a pointer to another story.
# A link to another story inside the body reads like news: someone says something ("…: Minister says matters
# will be finalised soon"), or a claim with its speaker after a colon ("… reshape global supply chain: Dar").
REPORTED_HEADLINE = re.compile(r"\b(?:says|say|said|urges|vows|warns|tells|calls for|claims)\b|:\s*[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)?$")
COMMA_HEADLINE = re.compile(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*, [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)* [a-z]")
# A one-word lowercase line or a file name is an image's alt text.
ALT_TEXT = re.compile(r"^(?:[a-z0-9_-]+|\S+\.(?:jpe?g|png|gif|webp|avif|svg))$", re.IGNORECASE)
ALT_LOWER = re.compile(r"^[a-z0-9_-]+$")
# "… (Photo: AFP)", "Image | Reuters", "… (Photo by Dale Kimura for the Times)": a caption ends with its credit.
CAPTION_CREDIT = re.compile(r"(?:(?:photo|foto|image|picture|credit|file)s?\s*[:|/]\s*©?\s*[\w .,&/-]{1,40}\)?"
                            r"|[.!?]\s*©\s*[\w .,&’'/-]{2,60}"
                            r"|\(?(?:photo|image|picture|illustration|file photo)s?\s+(?:by|courtesy of|via)\s+[^()]{1,80}\)?"
                            r"|\((?:courtesy|credit)(?: of)?:?\s+[^()]{1,80}\))$",
                            re.IGNORECASE)
# Captions credit a photographer or an agency at their end: "… REUTERS/Ariba Shahid/File Photo",
# "… (AFP/File)", "… — AFP", "… (REUTERS)". News sentences end with a full stop, not with a credit.
CREDIT = r"[A-Z][\w.&’'-]*(?:\s[A-Z][\w.&’'-]*){0,2}"
LICENCE_TAIL = re.compile(r"\s*[-–—,]?\s*\(?licen[cs]ed (?:to|by|from|through) [^()]{1,60}\)?$", re.IGNORECASE)
AGENCY_CREDIT = re.compile(
    # "… REUTERS/Ariba Shahid/File Photo", "(AFP/File)", "(Handout)"
    rf"(?:{CREDIT}\s*/\s*)+(?i:File(?: Photo| Image| Picture)?|Handout|Pool|Supplied)\)?$"
    rf"|\((?:Handout|File|Supplied|Pool)(?: photo)?\)$"
    # a sentence, then its credit: "… on July 18, 2022. (AFP)", "… in Lusaka. REUTERS/Jo Smith"
    # ("… on May 9.SHELLEY CHRISTIANS/Reuters": the photographer in capitals, then the agency)
    rf"|[.!?][\"’”]?\s*(?:\({CREDIT}(?:\s*/\s*{CREDIT}){{0,2}}\)|[A-Z]{{2,}}[A-Z.&]*(?:\s*/\s*{CREDIT}){{0,2}}"
    rf"|[A-Z]{{2,}}(?:\s[A-Z][A-Z'’-]+){{1,2}}\s*/\s*{CREDIT})$"
    # "… of the Saudi Arabian Mining Company (Maaden) (Asharq Al-Awsat)": a credit after a bracketed name
    rf"|\)\s*\({CREDIT}(?:\s*/\s*{CREDIT}){{0,2}}\)$"
    # "… at the pit — AFP", "… | REUTERS": an agency in capitals after a dash or bar
    r"|\s[—–|-]\s*[A-Z][A-Z.&]{1,14}(?:\s[A-Z][A-Z.&]{1,14})?$"
    # "… Camp —Courtesy Barrick Gold", "… 2024. — DawnNewsTV", "….(ABC South West: Ruslan Kulski)"
    rf"|[—–]\s*(?:Courtesy|Credit|Photo|Picture|Image)s?\b.{{2,60}}$|\S[—–](?:{CREDIT})(?:/{CREDIT})*$"
    rf"|[.!?][\"’”]?\s*[—–]\s*{CREDIT}(?:/{CREDIT})*$"
    r"|[.!?][\"’”]?\s*\([A-Z][\w.&’' ]{1,40}:\s*[A-Z][\w.’' -]{1,40}\)$"
    # "… June 11, 2025. REUTERS/Staff Purchase Licensing Rights": a wire photo's caption, with the buy link's text
    r"|\bPurchase Licensing Rights$"
)
# What every credit above has in its last CREDIT_REACH characters (a mark, a credit word, or capitals after a full
# stop): a line without any is not a caption, and the costlier end-anchored searches are not run on it.
CREDIT_REACH = 100
CREDIT_MARKS = ("©", "/", "(", "—", "–", "|", " - ")
CREDIT_WORDS = ("photo", "foto", "image", "picture", "credit", "file", "courtesy", "illustration", "rights")
CAPITALS_AFTER_STOP = re.compile(r"[.!?][\"’”]?\s*[A-Z]{2}")


def has_credit_mark(tail: str) -> bool:
    if any(mark in tail for mark in CREDIT_MARKS):
        return True
    return mentions_any(tail, CREDIT_WORDS) or CAPITALS_AFTER_STOP.search(tail) is not None
# "© Kenji Ito/Lode Agency": a picture credit; a copyright footer carries a year or "rights".
PICTURE_CREDIT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?!.*(?:\b(?:19|20)\d{2}\b|rights|reserved))[\w .’'&/|-]{2,60}$", re.IGNORECASE)
# Wire housekeeping and publishers' disclaimers: never the story's own text.
WIRE_LINES = _phrases(
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled|research|graphics?|fact-checking) by .{2,200}",
    r"\((?:adds|updates|recasts|corrects|changes|writes through|rewrites|refiles|repeats|fixes)\b[^()]{0,120}\)",
    r"(?:e-?mail|contact)?\s*:?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    r"our standards\s*:.*",
    r".{0,60}\btrust principles\b.{0,40}",
    r"disclaimer\s*:.*",
    r".{0,80}\b(?:has not been edited by|is auto-generated from a syndicated feed|published from a syndicated feed|"
    r"do(?:es)? not necessarily reflect|not responsible for the content of external|this is an ai-generated).{0,160}",
    r"(?:this (?:article|story) (?:was|is|has been) (?:originally |first )?(?:published|republished|reproduced)).{0,160}",
    r"this (?:article|story|report) (?:was )?(?:first |originally )?appeared (?:in|on) .{2,200}",
    r"\(?with (?:inputs|input|additional reporting|reporting) from [\w ,.&]{2,60}\)?",
    r"when using (?:the |our )?materials.{0,160}", r".{0,60}hyperlink to .{1,60} is (?:required|obligatory|mandatory).{0,40}",
    r".{0,60}(?:reproduction|republication|reprinting|redistribution)\b.{0,80}\b(?:prohibited|permission|permitted).{0,80}",
)
# Each of WIRE_LINES' phrases holds one of these: a line with none is not wire housekeeping, and is not matched.
WIRE_KEYS = (" by ", "by ", "(", "@", "standards", "principles", "disclaimer", "edited by", "syndicated", "reflect", "appeared",
             "responsible for", "ai-generated", "this article", "this story", "with input", "with additional",
             "with reporting", "materials", "hyperlink", "reproduc", "republica", "reprint", "redistribut")
# Labels that pages and aggregators put above parts of a story; never a heading of its own.
LABEL_LINES = _phrases(
    r"highlights?", r"story", r"key (?:points|takeaways|facts)", r"summary", r"short url", r"follow", r"in brief",
    r"at a glance", r"the big picture", r"top news", r"breaking(?: news)?", r"exclusive", r"opinion", r"analysis",
    r"explainer", r"newsletter", r"(?:un)?follow(?: topic| author)?", r"save(?: article)?", r"bookmark", r"gift (?:this )?article",
    r"font size", r"text size", r"(?:a\+|a-|aa)", r"reply", r"report(?: comment)?", r"like", r"upvote", r"downvote",
    r"\d{1,5}\s*(?:likes?|votes?|replies|reply|points|upvotes?|downvotes?|reactions?|shares?)",
    r"(?:view|see|show|hide|load) (?:\d+ )?(?:replies|reply|comments?)",
    r"(?:\d+\s+)?(?:comments?|responses?)\s*\(\d+\)",
    r"(?:share|print|listen|save|email|comment)(?:\s*[|•·]\s*(?:share|print|listen|save|email|comment))+",
    r"home\s*[»›>/|].{1,200}", r"share (?:url|link|this|article|story).{0,60}", r"(?:camera|video|play) icon.{0,40}",
    r"(?:figure|fig\.|chart|graph|graphic|map|video|watch)\s*\d*\s*[:|].{1,200}",
    r"by globaldata", r"please update your browser", r"change (?:text |font )?size", r"logo",
    r"[\w .&’'-]{2,40}\s+logo", r"what you need to know", r"(?:read|see) (?:the )?full (?:comment|reply)",
    r"original (?:story|article|post)(?:\s*[|•·].{0,30})?",
    r"views?\s*:?\s*\d[\d ,.]*", r"\d[\d ,.]*\s*views?",
    # vote counts under a reader's comment: "▲ 24 ▼ 3"
    r"(?:[▲▼↑↓👍👎]\s*\d+\s*)+",
    # a classifieds or notices box beside the story: "Notices: Tender — …"
    r"(?:notices?|classifieds?|tenders?|vacanc(?:y|ies)|obituar(?:y|ies))\s*:.*",
)
# Market tickers: several prices or changes with arrows or per cents, and hardly a word of prose.
TICKER_FIGURE = re.compile(r"[▲▼↑↓]|[+-]\d[\d,.]*%|\b\d[\d,.]*%")
PRICE = re.compile(r"[$€£¥₹]\s?\d[\d,.]*")
PRICE_UNITS = {"kg", "t", "oz", "lb", "lbs", "mt", "bbl", "tonne", "ton", "mmbtu", "per"}

# A crawl tool's capture date before the first line: "date 2024-05-01 <headline>".
CRAWL_PREFIX = re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<rest>.+))?$", re.IGNORECASE)
# "LUSAKA, May 1 (Reuters) - …", "ISLAMABAD (APP): …": the agency a story is filed through.
DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z .’'-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?P<agency>[A-Z][\w&. ]{1,30})\)\s*[-–—:]")
# "Published in <Outlet>, <date>": the sign-off after a story (what follows is the outlet's other pieces).
SIGN_OFF = re.compile(r"^(?:originally |first )?(?:published|appeared|printed) (?:in|by) ", re.IGNORECASE)
# "© 2024 The Steppe Post. All rights reserved.": the copyright holder is the publisher.
COPYRIGHT_HOLDER = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
                              r"(?P<holder>[A-Z][\w&’'. -]{1,60}?)\s*(?:[.,|]|\ball rights\b|$)", re.IGNORECASE)
LEGAL_TAIL = re.compile(r"[,\s]+(?:Ltd|Limited|Inc|LLC|Pty|Pvt|Co|Plc|GmbH|S\.A)\.?$", re.IGNORECASE)
# Why a line was left out, for the curator's report (build.py --report).
REASONS: dict[str, str] = {
    "skip": "boilerplate", "break": "end marker", "teaser": "related list", "time_ago": "metadata", "meta": "metadata",
    "caption": "caption", "wire": "wire housekeeping", "stub": "label", "headline": "headline-shaped line",
    "paragraph": "outside the article",
}


@dataclass(frozen=True)
class Line:
    text: str
    kind: LineKind
    words: int
    facts: LineFacts | None = None


def clean_scrape(raw: RawDocument) -> Document:
    """Find the main article of a raw scrape, or of the text an HTML page or a crawler record gave.

    `raw.meta` holds what the file's own markup or record fields said (title, date, source, authors, url);
    those win over what the text prints.
    """
    known = raw.meta
    texts = unwrap(raw.text.split("\n"))
    crawl_date, texts = crawl_prefix(texts)
    texts = split_signed_headlines(split_sign_offs([DISTRIBUTION_TAG.sub("", text) for text in texts]))
    order = numeric_order(texts)
    lines = mark_masthead(sign_role_lines(mark_repeated_captions([classify(text, order) for text in texts])))
    known_title = text_value(known.get("title"))
    outlet = outlet_before_prose(lines)
    segments = segments_of(lines)
    chosen = best_segment(lines, segments)
    start, title_index = find_title(lines, chosen)
    end = article_end(lines, start, chosen[1], byline_authors(lines, chosen))
    used = {title_index} if title_index is not None else set()
    title = lines[title_index].text if title_index is not None else None
    if known_title:
        # The page's own title (markup or record) wins; the headline line repeating it is dropped, and a
        # different line in its place is a standfirst (kept) or a label (dropped).
        if title is not None and plain_words(title) != plain_words(known_title) and lines[title_index].words >= 8:
            used.discard(title_index)
            start = title_index
            lines[title_index] = Line(title, "standfirst", lines[title_index].words)
        title = known_title
    blocks, body_used = body_blocks(lines, start, end, known_title)
    used |= body_used
    facts = page_facts(lines, end, segments)
    author_box = author_box_name(lines, end) if not facts.authors else None
    authors = tuple(facts.authors) or ((author_box,) if author_box else ())
    if author_box:
        used.add(end)
    if title is None:
        title = infer_title(blocks)
        origin = "inferred" if title else "file name"
    else:
        origin = KNOWN_TITLE_ORIGIN.get(raw.format, "front matter") if known_title else "headline"
    date, time, zone = (None, None, None)
    if facts.date is not None:
        date, time, zone = facts.date.date, facts.date.time, facts.date.timezone
    else:
        date = crawl_date or dateline_date(blocks)
    if iso_date(known.get("date")):  # the markup's or record's own date wins over one printed in the text
        date, (time, zone) = iso_date(known.get("date")), iso_time(known.get("date"))
    known_authors = tuple(name_case(name) for name in known.get("authors") or ())
    return Document(
        path=raw.path,
        format=raw.format,
        title=title or fallback_title(raw.path),
        title_origin=origin,
        blocks=tuple(blocks),
        source=(text_value(known.get("source")) or dated_outlet(lines, end) or facts.source or outlet or dateline_agency(blocks)
                or copyright_holder(lines) or domain_outlet(text_value(known.get("domain")), raw.text)),
        authors=known_authors or authors,
        date=date,
        time=time,
        timezone=zone,
        url=text_value(known.get("url")),
        language=text_value(known.get("language")),
        removed=removed_lines(lines, used, chosen, segments, known_title),
    )


KNOWN_TITLE_ORIGIN = {"html": "page markup", "record": "crawler record", "md": "front matter"}


def domain_outlet(domain: str | None, text: str) -> str | None:
    """The outlet a bare domain stands for, by the name the text prints for it; else the domain itself."""
    return (outlet_for_domain(domain, text) or domain) if domain else None


def text_value(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, tuple, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None


def plain_words(text: str) -> str:
    """Case-folded words without punctuation: what two copies of one text still share."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def crawl_prefix(texts: list[str]) -> tuple[str | None, list[str]]:
    """The capture date a crawl tool put before the first line, and the lines without it."""
    if not texts:
        return None, texts
    prefix = CRAWL_PREFIX.match(texts[0])
    if prefix is None:
        return None, texts
    rest = [prefix.group("rest")] if prefix.group("rest") else []
    return iso_date(prefix.group("date")), rest + texts[1:]


# "<Headline> – by <Name> (<Outlet> – <date>)": a republished story's headline with its byline on the same line.
SIGNED_HEADLINE = re.compile(r"^(?P<headline>.{12,200}?)\s+[–—-]\s+(?=(?i:by)\s+[A-Z])(?P<byline>.{4,160})$")


# "/EIN News/ -- PORT MORESBY, …": the tag a press-release service puts before the release's own dateline.
DISTRIBUTION_TAG = re.compile(r"^/[A-Z][\w .&-]{1,30}/\s*[-–—]{1,2}\s*(?=[A-Z])")
# "… through 2060. (Reporting by Ana Ruiz; Editing by Jo Smith)": a wire's sign-off run onto its last paragraph.
TRAILING_SIGN_OFF = re.compile(r"(?<=[.!?\"”’])\s*(\((?:additional )?(?:reporting|writing|editing|compiled) by [^()]{2,300}\))\s*$",
                               re.IGNORECASE)


def split_sign_offs(texts: list[str]) -> list[str]:
    """A wire sign-off at the end of a paragraph goes on a line of its own, where it is read as wire housekeeping."""
    split = []
    for text in texts:
        sign_off = TRAILING_SIGN_OFF.search(text) if "by " in text[-320:] else None
        split += [text[:sign_off.start()], sign_off.group(1)] if sign_off else [text]
    return split


def split_signed_headlines(texts: list[str]) -> list[str]:
    """The headline and its byline as two lines, when a line above the story joins them."""
    out = []
    for index, text in enumerate(texts):
        match = SIGNED_HEADLINE.match(text) if index < MASTHEAD_REACH else None
        if match and read_line(match.group("byline")) is not None:
            out += [match.group("headline"), match.group("byline")]
        else:
            out.append(text)
    return out


def unwrap(raw_lines: list[str]) -> list[str]:
    """Normalise spacing and rejoin prose that was hard-wrapped across lines.

    A line that does not end a sentence, followed by one in lower case, goes on in it. Where that happens three
    times or more the text was wrapped at a fixed width, and then a line filled to near that width goes on in
    the next one even when it opens with a capital ("… Huayou Cobalt, Sinomine" / "Resource Group and …")."""
    lines = unwrapped(raw_lines, width=None)
    joins = len([line for line in raw_lines if line.strip()]) - len(lines)
    if joins < 3:
        return lines
    lengths = sorted(len(" ".join(line.split())) for line in raw_lines if line.strip())
    return unwrapped(raw_lines, width=lengths[int(len(lengths) * 0.9)])


def unwrapped(raw_lines: list[str], width: int | None) -> list[str]:
    out: list[str] = []
    last_line = ""  # the raw line before, if it was text (a blank line ends a paragraph)
    for raw_line in raw_lines:
        raw_line = raw_line.replace("\u00a0", " ").strip()
        if "new tab" in raw_line or "new window" in raw_line:
            raw_line = NEW_TAB.sub("", raw_line).strip()
        # Menu items laid out with runs of spaces ("News   Council   Sport") keep a visible separator.
        if ("  " in raw_line or "\t" in raw_line) and len(MENU_GAPS.findall(raw_line)) >= 2 and len(raw_line.split()) <= 15:
            raw_line = MENU_GAPS.sub(" | ", raw_line)
        text = " ".join(raw_line.split())
        if not text:
            out.append("")
            last_line = ""
            continue
        previous = out[-1] if out else ""
        # A drop cap printed on a line of its own: "P" + "resident Joko Widodo …".
        letter = next((j for j in range(len(out) - 1, max(-1, len(out) - 3), -1) if out[j]), None) if text[0].islower() else None
        if letter is not None and DROP_CAP.match(out[letter]):
            joined = out[letter] + (" " if out[letter] in "AI" else "") + text
            del out[letter:]
            out.append(joined)
            continue
        # A long line without closing punctuation followed by a lowercase start
        # is one paragraph wrapped at a fixed width.
        # (A line longer than the width was never wrapped at it: a headline above a byline stays apart.)
        # Nor does a byline ("By VPA Correspondent") go on in the line above it.
        # (Or with a sign that goes on a name or a figure: "Hanul Investment" / "& Securities Co., Ltd. said".)
        near_width = (width is not None and 0.7 * width <= len(last_line) <= width + 2 and (text[0].isupper() or text[0] in "&(")
                      and not (text.startswith("By ") and len(text.split()) <= 6))
        # ("traded about" / "1.4 million tonnes …": in text known to be wrapped, a figure goes on a sentence that
        # stopped at a lower-case word; "1. " starts a list, and a date under a menu is no part of it.)
        # An amount opens with its currency sign as often as with a figure ("reviewing a" / "$35 mln loan …").
        figure = (width is not None and (text[0].isdigit() or unicodedata.category(text[0]) == "Sc")
                  and not re.match(r"\d{1,2}[.)]\s", text) and re.search(r"[a-z,]$", previous) is not None)
        if len(previous) >= 30 and not ends_sentence(previous) and (text[0].islower() or near_width or figure):
            out[-1] = f"{previous} {text}"
        else:
            out.append(text)
        last_line = text
    return [text for text in out if text]


def classify(text: str, order: NUMERIC_ORDER | None = None) -> Line:
    if text[:1] in "LlAa":
        text = PARAGRAPH_PREFIXES.sub("", text)
    words = len(text.split())
    facts = read_line(text, order) if words <= 30 else None
    kind = line_kind(text, words, facts)
    if kind == "meta" and facts is None:  # a date alone with a word read_line does not know ("Posted in 9 April 2025")
        facts = LineFacts(published=next((d for d in find_dates(text, order) if d.date), None))
    return Line(text, kind, words, facts if kind == "meta" else None)


def line_kind(text: str, words: int, facts: LineFacts | None = None) -> LineKind:
    # The whole-line phrase lists are only tried on lines short enough to be one of their phrases.
    length = len(text)
    if length <= SHORT_PHRASE and TEASER_HEADINGS.match(text):
        return "teaser"
    if length <= SHORT_PHRASE and TIME_AGO.match(text):
        return "time_ago"
    if words <= 60 and is_wire(text):
        return "wire"
    if length <= SHORT_PHRASE and PICTURE_CREDIT.match(text):
        return "caption"
    if BREAK_LINES.match(text):
        return "break"
    if facts is not None:
        return "meta"
    if length <= LABEL_PHRASE and LABEL_LINES.match(text):
        return "skip"
    if SKIP_LINES.match(text) or (words <= 40 and is_banner(text)) or words == 1 and ALT_TEXT.match(text) and is_alt_text(text):
        return "skip"
    if is_caption(text, words) or (words <= 40 and "(" in text and CAPTION_POSITION.search(text)):
        return "caption"
    if (words <= 30 and len(MENU_SEPARATORS.findall(text)) >= 2 or words <= 8 and BREADCRUMB.match(text) or is_bare_menu(text, words)
            or words <= 25 and CRUMBS_TO_A_CUT_TITLE.match(text)):
        return "skip"
    if is_ticker(text, words):
        return "skip"
    if words <= 20 and find_date(text) and is_date_line(text):
        return "meta"  # classify() reads its date
    if words <= 2 and not ends_sentence(text):
        return "stub"
    # ("Pini Althaus, chief executive …, expressed gratitude for their support:" opens a quotation: prose.)
    if (ends_sentence(text) and words >= 4) or words >= 25 or (words >= 10 and text.endswith(":")):
        if text.endswith("?") and words <= 12:
            return "headline"  # "What is Reko Diq?" is a heading, not prose
        return "paragraph"
    return "headline"


def mentions_any(text: str, keys: tuple[str, ...]) -> bool:
    """A cheap gate before a costly phrase list: does the lower-cased text hold one of its keys?"""
    lowered = text.lower()
    return any(key in lowered for key in keys)


def is_wire(text: str) -> bool:
    return mentions_any(text, WIRE_KEYS) and WIRE_LINES.match(text) is not None


def is_bare_menu(text: str, words: int) -> bool:
    """'Home Latest Pakistan Business Opinion World Sport Magazines': a menu copied without its separators — every
    word capitalised and at least three of them the names of a site's sections."""
    if not 5 <= words <= 15:
        return False
    items = text.split()
    return all(item[:1].isupper() and item.isalpha() for item in items) and sum(
        item.casefold() in NOT_OUTLETS for item in items) >= 3


def is_banner(text: str) -> bool:
    return mentions_any(text, BANNER_KEYS) and BANNER_WORDS.search(text) is not None


def is_alt_text(text: str) -> bool:
    return bool(ALT_LOWER.match(text) or "." in text)


# "Foto/Photo: An anode pilot line … Rheinfeld/handout", "Photo: …": a line that opens with a picture's label.
CAPTION_LABEL = re.compile(r"(?i:(?:foto|photo|image|picture|bild)(?:\s*/\s*(?:foto|photo|image|picture|bild))?)\s*:\s")


# "Ricardo Ramos (left) shakes hands with …", "… and the minister (centre)": who stands where names a photo's people.
CAPTION_POSITION = re.compile(r"\((?:left|right|centre|center|L|R|C|front|back|second (?:from )?(?:left|right)|far (?:left|right)|"
                              r"top|bottom|pictured|in (?:white|black|blue|red|the middle))\)")


def is_caption(text: str, words: int) -> bool:
    if len(text) >= 400:
        return False
    # A credit is at the end: only the tail needs looking at (and end-anchored searches over a whole line are slow).
    # "… REUTERS/Chipo Banda - licensed to SAMW": whom the picture is licensed to comes after the credit.
    tail = LICENCE_TAIL.sub("", text[-160:]) if "licen" in text[-80:] else text[-160:]
    if not has_credit_mark(text[-CREDIT_REACH:]):
        return False
    if CAPTION_CREDIT.search(tail) or (CAPTION_LABEL.match(text) and "/" in text[-CREDIT_REACH:]):
        return True
    return words >= 3 and bool(AGENCY_CREDIT.search(tail))


def mark_repeated_captions(lines: list[Line]) -> list[Line]:
    """A line that the next paragraph opens with ("Camera IconThe $516 million expansion was put on hold." above
    "The $516 million expansion was put on hold, just one week after …") is a photo's caption, not a paragraph."""
    plain: dict[int, str] = {}  # each line's plain words, worked out once

    def words_of(index: int) -> str:
        if index not in plain:
            plain[index] = plain_words(lines[index].text)
        return plain[index]

    for index, line in enumerate(lines):
        if line.kind not in ("paragraph", "headline") or line.words > 40:
            continue
        short = ""
        for later_index in range(index + 1, min(index + 4, len(lines))):
            later = lines[later_index]
            if later.kind != "paragraph" or later.words <= line.words:
                continue
            short = short or words_of(index)
            long = words_of(later_index)
            if any(long.startswith(short[cut:]) for cut in range(0, min(24, len(short) - 30)) if short[cut - 1:cut] in ("", " ")
                   or cut < 16):
                lines[index] = Line(line.text, "caption", line.words)
                break
    return lines


def sign_role_lines(lines: list[Line]) -> list[Line]:
    """'Tom Pettigrew' over 'Senior Resources Reporter': the role signs for the name above it, which is the author."""
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        if (line.kind == "meta" and line.facts and line.facts.authors == (line.text,) and DESK_BYLINE.match(line.text)
                and above.kind in ("stub", "headline") and is_person_list(above.text)):
            lines[index - 1] = Line(above.text, "meta", above.words, LineFacts(authors=(above.text,)))
            lines[index] = Line(line.text, "meta", line.words, LineFacts())
        # 'Samir Haddadin' between the headline (or standfirst) and 'October 21, 2026': the byline, printed bare.
        elif (index >= 2 and line.kind == "meta" and line.facts and (line.facts.published or line.facts.updated) and not line.facts.authors
              and above.kind in ("stub", "headline") and 2 <= above.words <= 3 and is_person_list(above.text)
              and not place_kind(above.text) and lines[index - 2].kind in ("headline", "paragraph") and lines[index - 2].words >= 6):
            lines[index - 1] = Line(above.text, "meta", above.words, LineFacts(authors=(above.text,)))
    return lines


# How far down the page an outlet's masthead may stand (lines), and how long its name may be (words).
MASTHEAD_REACH = 6
MASTHEAD_WORDS = range(2, 6)
MASTHEAD_SECTION = re.compile(r"\s+[·|•]\s+")
MASTHEAD_FURNITURE = re.compile(r"\s+(?i:logo|share|menu|search)$")
# "Search MineralsFeed", "Follow Altiplano Mining Digest": a button that names the site is not its masthead.
PAGE_ACTIONS = {"search", "follow", "subscribe", "menu", "home", "sign", "login", "share", "save", "listen", "download", "get"}


def mark_masthead(lines: list[Line]) -> list[Line]:
    """The outlet's name at the top of the page ('THE STEPPE POST', 'Rio Commodities Monitor · Iron Ore') is the
    page's source and never its title: a short outlet-shaped line above any prose, beside the site's menu or
    named again elsewhere on the page (a copyright footer, a credit, a byline 'for <Outlet>')."""
    for index, line in enumerate(lines[:MASTHEAD_REACH]):
        if is_prose(line):
            break
        furniture = MASTHEAD_FURNITURE.search(line.text)  # "ABC News Share", "Allen Dreyfus Logo"
        if line.kind not in ("stub", "headline") and not (furniture and line.kind == "skip"):
            continue
        pieces = MASTHEAD_SECTION.split(line.text[:furniture.start()] if furniture else line.text)
        name = name_case(pieces[0].strip())
        # "SAMW | Southern Africa Mining Wire": the outlet's initials, then its name in full.
        if len(pieces) == 2 and pieces[0].strip().isupper() and pieces[0].strip() == initials(pieces[1]):
            name, pieces = pieces[1].strip(), pieces[1:]
        if (len(pieces) > 2 or len(name.split()) not in MASTHEAD_WORDS or not is_outlet(name)
                or name.split()[0].casefold() in PAGE_ACTIONS):
            continue
        beside_menu = any(lines[j].kind == "skip" for j in (index - 1, index + 1) if 0 <= j < len(lines))
        if furniture or beside_menu or named_again(name, lines, index):
            lines[index] = Line(line.text, "meta", line.words, LineFacts(source=name))
            break
    return lines


def is_masthead(line: Line) -> bool:
    """A metadata line that names only the outlet: it heads the page, not the story."""
    facts = line.facts
    return facts is not None and bool(facts.source) and not (facts.published or facts.updated or facts.authors)


def named_again(name: str, lines: list[Line], index: int) -> bool:
    core = re.escape(re.sub(r"^the\s+", "", name.casefold()))
    pattern = re.compile(rf"(?<!\w){core}(?!\w)")
    return any(pattern.search(line.text.casefold()) for j, line in enumerate(lines) if j != index)


def is_ticker(text: str, words: int) -> bool:
    """'AIRLINK 200.29 Increased By ▲ 2.74 (1.39%)', 'KSE-100 ▲ 1.2% | Gold $2,300 ▼', 'Aluminum $ 2.1505 kg |
    Cobalt $ 33.420 kg | …': prices, not prose."""
    if words > 150 or not any(character.isdigit() for character in text[:40]):
        return False
    prose = sum(1 for word in text.split() if word.isalpha() and word.islower() and word not in PRICE_UNITS)
    if prose > 2:
        return False
    if words <= 40 and ("%" in text or any(arrow in text for arrow in "▲▼↑↓")) and TICKER_FIGURE.search(text):
        changes = len(TICKER_FIGURE.findall(text))
        numbers = len(re.findall(r"\d[\d,]*\.\d+", text))
        return changes + numbers >= 3
    return len(PRICE.findall(text)) >= 3 and len(MENU_SEPARATORS.findall(text)) >= 2


def is_date_line(text: str) -> bool:
    """A line that is only a date, perhaps with 'Published'/'Updated' and a time."""
    stripped = re.sub(
        r"(?i)\b(?:[ap]\.m\.|[ap]m\b)|\b(?:published|posted|updated|last updated|first published|date|on|at|"
        + "|".join(ZONES) + r")\b"
        r"|[\d:,./|–—-]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
        r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
        " ",
        text,
    )
    return len(stripped.split()) <= 1


def is_prose(line: Line) -> bool:
    return line.kind == "paragraph" and line.words >= 8


def outlet_before_prose(lines: list[Line]) -> str | None:
    """An 'Outlet / 2 hours ago' block above the first paragraph names the article's source."""
    for index, line in enumerate(lines):
        if is_prose(line):
            return None
        if line.kind == "time_ago" and index > 0 and lines[index - 1].kind in ("stub", "headline"):
            name = lines[index - 1].text.lstrip("-–— ")
            return name if is_outlet(name) else None
    return None


Segment = tuple[int, int, bool]  # [start, end) and whether it lies in teaser territory


def segments_of(lines: list[Line]) -> list[Segment]:
    """The page cut at break lines; segments after a teaser heading are teaser territory."""
    segments: list[Segment] = []
    start, teaser, seen_prose = 0, False, False
    for index, line in enumerate(lines):
        ends_segment = (line.kind in ("break", "teaser") or (line.kind == "time_ago" and seen_prose)
                        or (line.kind == "meta" and seen_prose and SIGN_OFF.match(line.text) is not None))
        if ends_segment:
            segments.append((start, index, teaser))
            start = index + 1
            teaser = teaser or line.kind in ("teaser", "time_ago")
        seen_prose = seen_prose or is_prose(line)
    segments.append((start, len(lines), teaser))
    return segments


def best_segment(lines: list[Line], segments: list[Segment]) -> tuple[int, int]:
    """The [start, end) run of lines most likely to hold the main article."""

    def score(segment: Segment) -> float:
        seg_start, seg_end, in_teasers = segment
        prose = sum(len(line.text) for line in lines[seg_start:seg_end] if line.kind == "paragraph")
        # An article's own byline or date line marks the real story even in teaser territory.
        if any(line.kind == "meta" for line in lines[seg_start:seg_end]):
            prose *= 2
        return prose * (0.25 if in_teasers else 1.0)

    # max() keeps the first of equal scores: the earlier segment wins a tie.
    best = max(segments, key=score)
    return best[0], best[1]


PASSABLE = ("meta", "skip", "caption", "wire", "time_ago")
BULLET = re.compile(r"^(?:[•▪●◦■‣∙]|[-*–](?=\s))\s*")


def find_title(lines: list[Line], segment: tuple[int, int]) -> tuple[int, int | None]:
    """Where the article starts, and the index of its title: the headline just above the first paragraph."""
    seg_start, seg_end = segment
    prose = [i for i in range(seg_start, seg_end) if is_prose(lines[i])]
    # Bulleted sentences before the story's first plain paragraph are its highlights, not its opening (but a story
    # told in bullets alone, as some sites print their briefs, is the story).
    plain = any(not BULLET.match(lines[i].text) for i in prose)
    while plain and len(prose) > 1 and BULLET.match(lines[prose[0]].text):
        lines[prose[0]] = Line(lines[prose[0]].text, "skip", lines[prose[0]].words)
        prose.pop(0)
    first = prose[0] if prose else seg_start
    # A paragraph right under a byline or date line is where the story starts,
    # even if a banner that reads like prose came before it.
    for i in prose[: max(1, len(prose) // 2)]:
        above = next((lines[j] for j in range(i - 1, seg_start - 1, -1) if lines[j].kind not in ("skip", "caption")), None)
        if above is not None and above.kind == "meta" and not is_masthead(above):
            first = i
            break
    # Walk up over meta lines (byline, date, captions) and a standfirst to the headline. Bulleted lines above
    # the story are its highlights, never its title.
    for i in range(seg_start, first):
        if lines[i].kind == "headline" and BULLET.match(lines[i].text):
            lines[i] = Line(lines[i].text, "skip", lines[i].words)
    above = [i for i in range(seg_start, first) if lines[i].kind == "headline"]
    if not above:
        return first, None
    # The run of headline lines directly above the paragraph (meta lines in between are fine).
    run = [above[-1]]
    for i in reversed(above[:-1]):
        between = lines[i + 1:run[0]]
        if all(line.kind in PASSABLE for line in between):
            run.insert(0, i)
        else:
            break
    # Pages print headline, standfirst, then byline and date: a headline-shaped line between the byline and
    # the story is a caption. With a byline or date line in the run, the title is above it.
    byline = next((j for j in range(run[0], first) if lines[j].kind == "meta" and lines[j].facts and lines[j].facts.authors), None)
    if byline is not None and any(i < byline for i in run):
        run = [i for i in run if i < byline]
    # A headline the page prints again (in a breadcrumb, twice in a row) is the title, not the line under it.
    echoed = [i for i in run if lines[i].words >= 4 and is_echoed(lines, i)]
    if echoed:
        return echoed[-1] + 1, echoed[-1]
    # The headline is the last line of the run long enough to be one (section
    # labels such as "Environment" sit above it)...
    title_index = next((i for i in reversed(run) if lines[i].words >= 4), run[-1])
    # A longer line under a shorter headline is a standfirst (dek): the title is above it, and the dek is kept
    # as the article's standfirst, apart from its paragraphs.
    # (Only right under it: a masthead's tagline above the menu and breadcrumb is no headline with its dek.)
    if (title_index == run[-1] and len(run) >= 2 and lines[run[-1]].words >= 10 and lines[run[-2]].words >= 4
            and lines[run[-1]].words > lines[run[-2]].words and run[-2] + 1 == run[-1]):
        title_index = run[-2]
        lines[run[-1]] = Line(lines[run[-1]].text, "standfirst", lines[run[-1]].words)
    # ...but a shorter line under a headline-length one is what the page put under its headline (a caption, a
    # section label joined to a summary), not the headline: a section label is shorter than the headline.
    elif title_index == run[-1] and len(run) >= 2 and lines[run[-2]].words >= 8 and lines[run[-1]].words < lines[run[-2]].words:
        title_index = run[-2]
        lines[run[-1]] = Line(lines[run[-1]].text, "caption", lines[run[-1]].words)
    # A paragraph between the headline and the byline or date above the story is its standfirst.
    for index in range(title_index + 1, first):
        if lines[index].kind == "paragraph" and any(line.kind == "meta" and not is_masthead(line) for line in lines[index + 1:first]):
            lines[index] = Line(lines[index].text, "standfirst", lines[index].words)
    return title_index + 1, title_index


def is_echoed(lines: list[Line], index: int) -> bool:
    """Printed again just above or below (twice in a row), or inside a breadcrumb: the page's own headline."""
    text = plain_words(lines[index].text)
    if lines[index].words < 5 or len(text) < 20 or is_outlet(lines[index].text):
        return False
    return any(text in plain_words(line.text) for j, line in enumerate(lines[max(0, index - 12):index + 3], max(0, index - 12))
               if j != index and line.kind in ("skip", "headline", "caption"))


def article_end(lines: list[Line], start: int, seg_end: int, authors: tuple[str, ...] = ()) -> int:
    """End of the article inside its segment: an author box, then trailing non-prose lines.

    The story's own last paragraph is never dropped; one that breaks off mid-sentence (a copy cut short)
    is always kept as it stands.
    """
    end = seg_end
    for index in range(start, seg_end - 1):
        if is_author_box(lines, index, seg_end):
            end = index
            break
    end = before_bio(lines, start, end, authors)
    while end > start and lines[end - 1].kind != "paragraph":
        line = lines[end - 1]
        if line.kind == "headline" and line.words >= 16 and any(lines[j].kind == "paragraph" for j in range(start, end - 1)):
            lines[end - 1] = Line(line.text, "paragraph", line.words)
            break
        end -= 1
    return end


# "<Name> covers mining …", "<Name> is a reporter …": a line about the byline's author, after the story.
BIO_VERB = re.compile(r"\s+(?:covers|writes|reports|has (?:covered|reported|written)|is|was|joined)\b")


def before_bio(lines: list[Line], start: int, end: int, authors: tuple[str, ...]) -> int:
    """Where the story ends if its last lines are the byline author's biography."""
    last_paragraphs = [index for index in range(start + 1, end) if lines[index].kind in ("paragraph", "headline")][-2:]
    for index in last_paragraphs:
        text = lines[index].text
        if any(text.startswith(name) and BIO_VERB.match(text[len(name):]) for name in authors if " " in name):
            return index
    return end


def is_author_box(lines: list[Line], index: int, seg_end: int) -> bool:
    """'Monitoring Desk / Monitoring Desk / bio' or 'SAT Commentary / SAT Commentaries, a collection …'."""
    line = lines[index]
    if line.kind not in ("stub", "headline", "meta") or line.words > 5 or not is_name_like(line.text):
        return False
    if not any(is_prose(earlier) for earlier in lines[max(0, index - 50):index]):
        return False
    following = lines[index + 1]
    if following.text == line.text:
        return True
    first_word = line.text.split()[0].lower()
    bio = following.text.lower()
    introduces = re.search(r"\b(?:is|are|was) (?:a|an|the)\b|, (?:a|an|the) |\b(?:writes|covers|team|reporter|correspondent)\b", bio[:120])
    # Only at the tail: at most one paragraph may follow a bio.
    rest = sum(1 for later in lines[index + 2:seg_end] if is_prose(later))
    return following.kind == "paragraph" and bio.startswith(first_word) and bool(introduces) and rest <= 1


def is_name_like(text: str) -> bool:
    return all(word[:1].isupper() or not word[:1].isalpha() for word in text.split())


def author_box_name(lines: list[Line], end: int) -> str | None:
    """The name line of an author box right after the article, if there is one."""
    if end < len(lines) - 1 and is_author_box(lines, end, len(lines)):
        facts = lines[end].facts
        return facts.authors[0] if facts and facts.authors else lines[end].text
    return None


def byline_authors(lines: list[Line], segment: tuple[int, int]) -> tuple[str, ...]:
    """The authors the page's metadata lines name above the end of the article's segment."""
    return tuple(name for line in lines[:segment[1]] if line.facts for name in line.facts.authors)


# "(Reporting by A and B in Lusaka; Editing by C)": a wire story's reporters, when no byline names them.
SIGN_OFF_AUTHORS = re.compile(r"^\(?(?i:reporting|writing)\s+by\s+(?P<names>[^;()]+?)(?:\s+in\s+[A-Z][\w .-]*)?"
                              r"(?:\s*[;,]\s*(?i:edit|writ|additional|compil|graphic|research|fact)|;|\)|$)")


def page_facts(lines: list[Line], end: int, segments: list[Segment]) -> PageFacts:
    """Date, outlet and authors from the page's metadata lines: those above and in the article first, then a
    footer line right after it ("Published in <Outlet>, <date>"); never from lists of other stories."""
    teaser_lines = {i for start, stop, teaser in segments if teaser for i in range(start, stop)}
    facts = PageFacts()
    for index in range(end):
        if lines[index].facts is not None and index not in teaser_lines:
            facts.add(lines[index].facts)
    for line in lines[end:]:
        if line.kind in ("break", "teaser"):
            break
        if not facts.authors and line.kind == "wire" and (signed := SIGN_OFF_AUTHORS.match(line.text)):
            facts.authors = split_names(signed.group("names"))
        if line.facts is None:
            continue
        if (line.facts.source or line.facts.published) and not line.facts.authors or FOOT_BYLINE.match(line.text):
            facts.add(line.facts)
    return facts


def dated_outlet(lines: list[Line], end: int) -> str | None:
    """'Zambezi Business Daily | 3 hours ago', 'AFP | Updated 01 May 2024' above the story: the outlet the story
    came from, which wins over the masthead of the site showing it (an aggregator, a syndicating paper)."""
    for line in lines[:end]:
        facts = line.facts
        if facts and facts.source and not facts.authors and (facts.published or facts.updated or facts.undated):
            return facts.source
    return None


def body_blocks(lines: list[Line], start: int, end: int, known_title: str | None) -> tuple[list[Block], set[int]]:
    """Paragraphs and headings of the article, and the indexes of the lines they came from."""
    blocks: list[Block] = []
    used: set[int] = set()
    for index in range(start, end):
        line = lines[index]
        if known_title and not blocks and plain_words(line.text) == plain_words(known_title):
            continue  # the headline repeated at the top of the text
        if line.kind in ("paragraph", "standfirst"):
            blocks.append(Block(line.kind, line.text))
        elif line.kind in ("headline", "stub") and is_story_list_item(lines, index, start, end):
            blocks.append(Block("item", BULLET.sub("", line.text), level=1))
        elif line.kind in ("headline", "stub") and is_section_heading(lines, index, end):
            blocks.append(Block("heading", line.text, level=2))
        else:
            continue
        used.add(index)
    return blocks, used


def is_story_list_item(lines: list[Line], index: int, start: int, end: int) -> bool:
    """A wire story's bulleted points, right between two of its paragraphs, are a list of the story's own; a list
    under a heading ("Related headlines") or after the last paragraph is other stories'."""
    def bulleted(i: int) -> bool:
        return lines[i].kind in ("headline", "stub") and BULLET.match(lines[i].text) is not None

    if not bulleted(index):
        return False
    first, last = index, index
    while first - 1 >= start and bulleted(first - 1):
        first -= 1
    while last + 1 < end and bulleted(last + 1):
        last += 1
    return first - 1 >= start and lines[first - 1].kind == "paragraph" and last + 1 < end and lines[last + 1].kind == "paragraph"


def is_section_heading(lines: list[Line], index: int, end: int) -> bool:
    line = lines[index]
    if (COMMA_HEADLINE.match(line.text) or REPORTED_HEADLINE.search(line.text)) and line.words >= 7:
        return False
    # Only a caption or a one- or two-word marker ("Advertisement") may stand between a heading and its paragraph;
    # a newsletter box's title has its prompt under it.
    following = next((later for later in lines[index + 1:end]
                      if not (later.kind == "caption" or later.kind == "skip" and later.words <= 2)), None)
    return following is not None and following.kind == "paragraph"


# "Kenyase, Brong Ahafo Region, November 11, 2017//-…", "LIMA, 3 June 2025 —": a press-style dateline with its day.
DATELINE_DAY = re.compile(r"^[A-Z][\w’' .-]{1,40}(?:,\s*[A-Z][\w’' .-]{1,40}){0,2},\s*(?P<date>[^,]{3,12},?\s+\d{4})\s*(?:/+\s*-?|[-–—:])")


def dateline_date(blocks: list[Block]) -> str | None:
    """The day a story's opening dateline prints, when no other line gives one."""
    first = next((block.text for block in blocks if block.kind == "paragraph"), "")
    match = DATELINE_DAY.match(first[:120])
    return find_date(match.group("date")) if match else None


def dateline_agency(blocks: list[Block]) -> str | None:
    """'LUSAKA, May 1 (Reuters) - …': the agency a story was filed through, when nothing else names a source."""
    first = next((block.text for block in blocks if block.kind == "paragraph"), "")
    match = DATELINE_AGENCY.match(first)
    return match.group("agency").strip() if match else None


def copyright_holder(lines: list[Line]) -> str | None:
    """The publisher a copyright footer names, when nothing else on the page names the outlet."""
    for line in reversed(lines):
        match = COPYRIGHT_HOLDER.match(line.text) if line.kind == "break" else None
        if match:
            holder = LEGAL_TAIL.sub("", match.group("holder").strip(" .,"))
            if is_outlet(holder):
                return holder
    return None


def removed_lines(lines: list[Line], used: set[int], chosen: tuple[int, int], segments: list[Segment],
                  known_title: str | None) -> tuple[Removed, ...]:
    teaser_lines = {i for start, stop, teaser in segments if teaser for i in range(start, stop)}
    removed = []
    for index, line in enumerate(lines):
        if index in used or (known_title and plain_words(line.text) == plain_words(known_title)):
            continue
        reason = REASONS.get(line.kind, "boilerplate")
        if line.kind in ("paragraph", "headline") and not chosen[0] <= index < chosen[1]:
            reason = "other stories" if index in teaser_lines else "outside the article"
        removed.append(Removed(reason, line.text))
    return tuple(removed)


def infer_title(blocks: list[Block]) -> str | None:

    """A title for a page that has none: the first sentence's main clause."""
    paragraph = next((block.text for block in blocks if block.kind == "paragraph"), None)
    if paragraph is None:
        return None
    # Drop a dateline such as "ISLAMABAD:" or "Islamabad —".
    sentence = re.sub(r"^[A-Z][A-Za-z .]{1,30}\s*(?:\([^)]{1,30}\))?\s*[:—–-]\s+", "", paragraph)
    sentence = re.split(r"(?<=[.!?])\s", sentence, maxsplit=1)[0].rstrip(".")
    # "As X happens, Y does Z": the main clause makes the headline.
    subordinate = re.match(r"(?:As|While|When|After|Although|Though|If|Since|Because|With|Amid)\b[^,]{5,90},\s+(?P<main>.+)", sentence)
    if subordinate:
        sentence = subordinate.group("main")[0].upper() + subordinate.group("main")[1:]
    # Headlines leave out when it happened ("on Wednesday").
    sentence = re.sub(r"\s(?:on|last|this) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", "", sentence)
    if len(sentence) > 100:
        # Cut at a clause boundary after the subject and verb, else at a word.
        clause = re.match(r".{40,100}?(?=,\s| (?:aimed|with|which|who|while|as|after|before|amid)\s)", sentence)
        sentence = clause.group(0) if clause else sentence[:100].rsplit(" ", 1)[0] + "…"
    return sentence


def fallback_title(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(re.split(r"[-_\s]+", stem)).strip().capitalize() or "Untitled"

