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
from dataclasses import dataclass
from typing import Literal

from .dates import find_date
from .model import Block, Document, RawDocument

LineKind = Literal[
    "paragraph",  # sentence-like prose
    "headline",  # headline-shaped: no sentence punctuation at the end
    "stub",  # one or two words, no punctuation: menu items, labels
    "break",  # ends a segment (comments, share-end, copyright, "Read More »")
    "teaser",  # a teaser-list heading: ends a segment and starts teaser territory
    "time_ago",  # "2 hours ago": an outlet block
    "skip",  # dropped wherever it is: ads, share buttons, alt text, banners
    "byline",
    "dateline",
    "source",
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
    r"©.*",
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
    r"skip to (?:main )?content",
    r"(?:also|read also|see also|must) read\s*[:\-–—|].*",
    r"read more\s*[:\-–—|].+",
    r"related\s*[:\-–—|].+",
    r"share(?: (?:on|via) \w+| this)?",
    r"(?:tweet|whatsapp|facebook|twitter|x|linkedin|telegram|email|e-mail|print|copy link|pinterest|reddit)",
    r"listen to (?:this )?article",
    r"follow us(?: on .*)?",
    r"accept(?: all)?(?: cookies)?",
    r"reject(?: all)?",
    r"(?:manage|cookie) (?:settings|preferences)",
    r"(?:sign in|log in|register|sign up)(?: .{0,40})?",
    r"(?:home|menu|search|close|open|maybe later|no thanks|show purposes|agree|options|more options)",
    r"(?:photo|image|picture|file photo|caption|credit|courtesy|alt text)s?(?:\s*[:\-–—|].*)?",
    r"\(?\d{1,2}\s*min(?:ute)?s?(?: read| to read| listen)?\)?",
    r"cookies(?: on .{1,40}| settings| notice)?",
    r"representational (?:image|photo)",
)

# Phrases that mark a whole line as a banner, whatever else it says.
BANNER_WORDS = re.compile(
    r"\b(?:(?:use|uses|using|set|sets|accept|store|stores|consent to)\b[^.]{0,40}\bcookies"
    r"|cookie policy|we value your privacy|your privacy choices|(?:store|access) (?:and read )?information on your device"
    r"|subscribe to\b|sign up (?:for|to) (?:our|the)\b[^.]{0,30}newsletter|subscribe now|already a subscriber"
    r"|to continue reading|unlock (?:this|unlimited)|create a free account|read without limits|free articles? (?:left|this month)"
    r"|become a (?:member|subscriber|supporter)|support (?:independent|our|quality) [\w ]{0,20}journalism|enjoying this article"
    r"|download (?:our|the) app|turn off your ad ?blocker)\b",
    re.IGNORECASE,
)
TIME_AGO = re.compile(
    r"^(?:an?|\d{1,3}|one|two|few) (?:sec|second|min|minute|hr|hour|day|week|month|year)s? ago$", re.IGNORECASE
)
NAME = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|and|&|de|al|bin|van|von)){0,6}"
BYLINE = re.compile(
    r"^(?i:(?:(?:report|reported|words|story|text|written|photos?)\s+)?by|author|reporter)\s*:?\s+"
    rf"(?P<name>{NAME})(?:\s*(?:,|\||-|–|—)\s*[\w ,’'&/-]{{1,50}})?$"
)
# "Lode Staff Reporter", "Our Correspondent", "Monitoring Desk": a byline without "By".
BYLINE_ROLE = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,3}(?:[Ss]taff\s+)?(?:[Rr]eporter|[Cc]orrespondent|[Ww]riter|[Dd]esk)$")
SOURCE_LINE = re.compile(r"^(?:source|courtesy|via|originally published (?:in|by))\s*:?\s+(?P<name>.{2,60})$", re.IGNORECASE)
# Menus flattened onto one line: "Home | World | Business | Sport".
MENU_SEPARATORS = re.compile(r"\s[|•·›»/>]\s")
MENU_GAPS = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# Text before a page's paragraph that players and readers prepend.
PARAGRAPH_PREFIXES = re.compile(r"^(?:listen to (?:this )?article|advertisement)\s+", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$|[\"'’”]$")
WORD = re.compile(r"\S+")
# News headlines use a comma for "and" ("Pakistan, China move CPEC into new
# phase"); section headings almost never do. Such a line inside an article is
# a pointer to another story.
COMMA_HEADLINE = re.compile(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*, [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)* [a-z]")
# A one-word lowercase line or a file name is an image's alt text.
ALT_TEXT = re.compile(r"^(?:[a-z0-9_-]+|\S+\.(?:jpe?g|png|gif|webp|avif|svg))$", re.IGNORECASE)
ALT_LOWER = re.compile(r"^[a-z0-9_-]+$")
# "… (Photo: AFP)", "Image | Reuters", "… (Photo by Dale Kimura for the Times)": a caption ends with its credit.
CAPTION_CREDIT = re.compile(r"(?:(?:photo|image|picture|credit|file)s?\s*[:|/]\s*[\w .,&/-]{1,40}\)?"
                            r"|\(?(?:photo|image|picture|illustration|file photo)s?\s+(?:by|courtesy of|via)\s+[^()]{1,80}\)?"
                            r"|\((?:courtesy|credit)(?: of)?:?\s+[^()]{1,80}\))$",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    text: str
    kind: LineKind
    words: int


def clean_scrape(raw: RawDocument) -> Document:
    """Find the main article of a raw scrape."""
    lines = [classify(text) for text in unwrap(raw.text.split("\n"))]
    source = outlet_before_prose(lines)
    chosen = best_segment(lines)
    start, title = find_title(lines, chosen)
    end = article_end(lines, start, chosen[1])
    body, author, date, body_source = body_blocks(lines[start:end])
    if author is None:
        author = author_box_name(lines, end)
    if title is None:
        title = infer_title(body)
    return Document(
        path=raw.path,
        format="txt",
        title=title or fallback_title(raw.path),
        blocks=tuple(body),
        source=body_source or source,
        author=author,
        date=date,
    )


def unwrap(raw_lines: list[str]) -> list[str]:
    """Normalise spacing and rejoin prose that was hard-wrapped across lines."""
    out: list[str] = []
    for raw_line in raw_lines:
        raw_line = raw_line.replace("\u00a0", " ").strip()
        # Menu items laid out with runs of spaces ("News   Council   Sport") keep a visible separator.
        if len(MENU_GAPS.findall(raw_line)) >= 2 and len(raw_line.split()) <= 15:
            raw_line = MENU_GAPS.sub(" | ", raw_line)
        text = " ".join(raw_line.split())
        if not text:
            out.append("")
            continue
        previous = out[-1] if out else ""
        # A long line without closing punctuation followed by a lowercase start
        # is one paragraph wrapped at a fixed width.
        if len(previous) >= 30 and not SENTENCE_END.search(previous) and text[0].islower():
            out[-1] = f"{previous} {text}"
        else:
            out.append(text)
    return [text for text in out if text]


def classify(text: str) -> Line:
    text = PARAGRAPH_PREFIXES.sub("", text)
    words = len(WORD.findall(text))
    return Line(text, line_kind(text, words), words)


def line_kind(text: str, words: int) -> LineKind:
    if TEASER_HEADINGS.match(text):
        return "teaser"
    if TIME_AGO.match(text):
        return "time_ago"
    if BREAK_LINES.match(text):
        return "break"
    if BYLINE.match(text) or BYLINE_ROLE.match(text):
        return "byline"
    if SOURCE_LINE.match(text):
        return "source"
    if SKIP_LINES.match(text) or (words <= 40 and BANNER_WORDS.search(text)) or is_alt_text(text):
        return "skip"
    if len(MENU_SEPARATORS.findall(text)) >= 2 and words <= 30:
        return "skip"
    if words <= 20 and find_date(text) and is_date_line(text):
        return "dateline"
    if words <= 2 and not SENTENCE_END.search(text):
        return "stub"
    if (SENTENCE_END.search(text) and words >= 4) or words >= 25:
        if text.endswith("?") and words <= 12:
            return "headline"  # "What is Reko Diq?" is a heading, not prose
        return "paragraph"
    return "headline"


def is_alt_text(text: str) -> bool:
    if ALT_TEXT.match(text) and (ALT_LOWER.match(text) or "." in text):
        return True
    return bool(CAPTION_CREDIT.search(text)) and len(text) < 200


def is_date_line(text: str) -> bool:
    """A line that is only a date, perhaps with 'Published'/'Updated' and a time."""
    stripped = re.sub(
        r"(?i)\b(?:[ap]\.m\.|[ap]m\b)|\b(?:published|posted|updated|last updated|first published|date|on|at|pkt|pst|gmt|utc|ist|"
        r"et|est|edt|ct|cst|cdt|pt|pdt|cet|cest|bst|wat|eat|cat|sast|aest|awst|jst|kst|hkt|sgt|ict|wib)\b"
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
            return lines[index - 1].text.lstrip("-–— ")
    return None


def best_segment(lines: list[Line]) -> tuple[int, int]:
    """The [start, end) run of lines most likely to hold the main article."""
    segments: list[tuple[int, int, bool]] = []
    start, teaser, seen_prose = 0, False, False
    for index, line in enumerate(lines):
        ends_segment = line.kind in ("break", "teaser") or (line.kind == "time_ago" and seen_prose)
        if ends_segment:
            segments.append((start, index, teaser))
            start = index + 1
            teaser = teaser or line.kind in ("teaser", "time_ago")
        seen_prose = seen_prose or is_prose(line)
    segments.append((start, len(lines), teaser))

    def score(segment: tuple[int, int, bool]) -> float:
        seg_start, seg_end, in_teasers = segment
        prose = sum(len(line.text) for line in lines[seg_start:seg_end] if line.kind == "paragraph")
        # An article's own byline or date line marks the real story even in teaser territory.
        if any(line.kind in ("byline", "dateline") for line in lines[seg_start:seg_end]):
            prose *= 2
        return prose * (0.25 if in_teasers else 1.0)

    # max() keeps the first of equal scores: the earlier segment wins a tie.
    best = max(segments, key=score)
    return best[0], best[1]


def find_title(lines: list[Line], segment: tuple[int, int]) -> tuple[int, str | None]:
    """Where the article starts, and its title: the headline just above the first paragraph."""
    seg_start, seg_end = segment
    prose = [i for i in range(seg_start, seg_end) if is_prose(lines[i])]
    first = prose[0] if prose else seg_start
    # A paragraph right under a byline or date line is where the story starts,
    # even if a banner that reads like prose came before it.
    for i in prose[: max(1, len(prose) // 2)]:
        above = next((lines[j] for j in range(i - 1, seg_start - 1, -1) if lines[j].kind != "skip"), None)
        if above is not None and above.kind in ("byline", "dateline", "source"):
            first = i
            break
    # Walk up over meta lines (byline, date, alt text) and a standfirst to the headline.
    above = [i for i in range(seg_start, first) if lines[i].kind == "headline"]
    if not above:
        return first, None
    # The run of headline lines directly above the paragraph (meta lines in between are fine).
    run = [above[-1]]
    for i in reversed(above[:-1]):
        between = lines[i + 1:run[0]]
        if all(line.kind in ("byline", "dateline", "skip", "source", "time_ago") for line in between):
            run.insert(0, i)
        else:
            break
    # The headline is the last line of the run long enough to be one (section
    # labels such as "Environment" sit above it)...
    title_index = next((i for i in reversed(run) if lines[i].words >= 4), run[-1])
    # A longer line under a shorter one is a standfirst (dek): the title is
    # above it, and the dek opens the body as a paragraph.
    if title_index == run[-1] and len(run) >= 2 and lines[run[-1]].words >= 12 and lines[run[-1]].words > lines[run[-2]].words:
        title_index = run[-2]
        lines[run[-1]] = Line(lines[run[-1]].text, "paragraph", lines[run[-1]].words)
    return title_index + 1, lines[title_index].text


def article_end(lines: list[Line], start: int, seg_end: int) -> int:
    """End of the article inside its segment: an author box, then trailing non-prose lines."""
    end = seg_end
    for index in range(start, seg_end - 1):
        if is_author_box(lines, index, seg_end):
            end = index
            break
    while end > start and lines[end - 1].kind not in ("paragraph",):
        end -= 1
    return end


def is_author_box(lines: list[Line], index: int, seg_end: int) -> bool:
    """'Monitoring Desk / Monitoring Desk / bio' or 'SAT Commentary / SAT Commentaries, a collection …'."""
    line = lines[index]
    if line.kind not in ("stub", "headline", "byline") or line.words > 5 or not is_name_like(line.text):
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
        byline = BYLINE.match(lines[end].text)
        return byline.group("name") if byline else lines[end].text
    return None


def body_blocks(lines: list[Line]) -> tuple[list[Block], str | None, str | None, str | None]:
    """Paragraphs and headings of the article; byline, date and source lines become metadata."""
    blocks: list[Block] = []
    author = date = source = None
    for index, line in enumerate(lines):
        if line.kind == "byline":
            byline = BYLINE.match(line.text)
            author = author or (byline.group("name") if byline else line.text)
        elif line.kind == "dateline":
            date = date or find_date(line.text)
        elif line.kind == "source":
            source = source or SOURCE_LINE.match(line.text).group("name").strip()
        elif line.kind == "paragraph":
            blocks.append(Block("paragraph", line.text))
        elif line.kind in ("headline", "stub") and is_section_heading(lines, index):
            blocks.append(Block("heading", line.text, level=2))
    return blocks, author, date, source


def is_section_heading(lines: list[Line], index: int) -> bool:
    line = lines[index]
    if COMMA_HEADLINE.match(line.text) and line.words >= 7:
        return False
    following = next((later for later in lines[index + 1:] if later.kind != "skip"), None)
    return following is not None and following.kind == "paragraph"


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

