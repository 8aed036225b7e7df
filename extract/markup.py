"""Stage 2b, clean: a Markdown article (.md with front matter) -> Document.

markdown-it-py parses the body with raw HTML disabled; its tokens become Lode's
blocks (plain text plus inline marks as offsets), so every later stage works on
the same plain text whether an article came from a scrape or from Markdown.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .clean import fallback_title, line_kind, text_value
from .dates import iso_date, iso_time
from .model import Block, BlockKind, Document, Mark, MarkKind, RawDocument
from .paths import safe_href

# "commonmark" with html off: raw tags in an article are shown as text, never
# passed through. Tables and strikethrough as GitHub writes them.
MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

INLINE_MARKS: dict[str, MarkKind] = {"em": "em", "strong": "strong", "link": "link"}
BLOCK_KINDS: dict[str, BlockKind] = {"heading": "heading", "paragraph": "paragraph"}


def parse_markdown(raw: RawDocument) -> Document:
    meta = raw.meta
    blocks = without_page_furniture(markdown_blocks(raw.text))
    title = text_field(meta, "title")
    # A leading "# Title" is the title when front matter has none, and is not
    # repeated in the body either way. (In a saved page a masthead or a menu may come before it: what stands
    # above the title is the page's, not the story's.)
    first = next((i for i, b in enumerate(blocks[:MASTHEAD_BLOCKS]) if b.kind == "heading" and b.level == 1), None)
    if first is not None and (first == 0 or blocks[first].text == title):
        title = title or blocks[first].text
        if blocks[first].text == title:
            blocks = blocks[first + 1:]
    return Document(
        path=raw.path,
        format="md",
        title=title or fallback_title(raw.path),
        blocks=tuple(blocks),
        source=text_field(meta, "source"),
        authors=front_matter_authors(meta),
        date=iso_date(meta.get("date")),
        time=iso_time(meta.get("date"))[0],
        timezone=iso_time(meta.get("date"))[1],
        title_origin="front matter" if text_field(meta, "title") else ("headline" if title else "file name"),
        url=text_field(meta, "url"),
        language=text_field(meta, "language") or text_field(meta, "lang"),
    )


# What a scraper's Markdown keeps of a page around its story, as the scrape cleaner reads it: menus, share and tag
# lines, picture credits, "Also read" pointers, the copyright line (and all after it).
FURNITURE = {"skip", "caption", "teaser", "time_ago", "wire"}
MASTHEAD_BLOCKS = 4  # blocks a saved page may put above its title


def without_page_furniture(blocks: list[Block]) -> list[Block]:
    """A page saved as Markdown (a crawler's, not an author's) brings its page's furniture: every block the scrape
    cleaner would drop as a whole line goes ("Share: LinkedIn · X · E-mail", "Tags: …", "Photo: …"), and a "Most
    read" heading takes the list under it. A bilingual label is read by its last half ("Les plus lus / Most read").
    An author's article has no such lines, and loses nothing: paragraphs of prose are never furniture."""
    kept: list[Block] = []
    teaser = False
    for block in blocks:
        words = len(block.text.split())
        if words > 30:  # prose, never furniture
            kept.append(block)
            teaser = False
            continue
        # (A bilingual label's last half only on a label's length: not a caption's credit at the end of a paragraph.)
        labels = {block.text, block.text.rsplit(" / ", 1)[-1]} if words <= 12 else {block.text}
        kinds = {furniture_kind(text) for text in labels}
        if "break" in kinds and block.kind != "heading" and words <= 12:
            break  # "© 2032 Paris Industrie Hebdo. Tous droits réservés.": the page's end
        if block.kind == "heading":
            teaser = bool(kinds & {"teaser", "break"})
            if teaser:
                continue
        elif teaser and block.kind == "item":
            continue
        else:
            teaser = False
        # (A word or two alone is an author's list item as often as a button: "- Copper" stays.)
        if kinds & FURNITURE and words > 2:
            continue
        kept.append(block)
    return kept


def furniture_kind(text: str) -> str:
    return line_kind(text, len(text.split()))


def text_field(meta: dict[str, object], key: str) -> str | None:
    return text_value(meta.get(key))


def front_matter_authors(meta: dict[str, object]) -> tuple[str, ...]:
    """`author: A` or `authors: [A, B]`."""
    value = meta.get("authors", meta.get("author"))
    if isinstance(value, (list, tuple)):
        return tuple(name for name in (" ".join(str(item).split()) for item in value if item is not None) if name)
    name = text_field(meta, "authors") or text_field(meta, "author")
    return (name,) if name else ()


# markdown-it stops at 20 levels of nesting and then drops the rest of the document ("skip tail to the end"),
# so one list nested too deep ("- - - … item", or ever deeper indents) would silently take every paragraph
# after it. A document that reaches the limit is parsed again with its containers flattened.
FLAT_MARKERS = 4  # list or quote markers kept at the start of a line
FLAT_INDENT = 8  # columns of indentation kept
CONTAINER_MARKER = re.compile(r"[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
LEADING_SPACE = re.compile(r"[ \t]*")


def parse_tokens(markdown: str) -> list[Token]:
    tokens = MARKDOWN.parse(markdown)
    if any(token.level >= MARKDOWN.options.maxNesting - 1 for token in tokens):
        tokens = MARKDOWN.parse(flatten_containers(markdown))
    return tokens


def flatten_containers(markdown: str) -> str:
    """Every line with at most FLAT_MARKERS list/quote markers and FLAT_INDENT columns of indentation: deeper
    structure is lost, its text kept."""
    lines = []
    for line in markdown.split("\n"):
        indent = LEADING_SPACE.match(line).end()
        line = line[:min(indent, FLAT_INDENT)].expandtabs(2)[:FLAT_INDENT] + line[indent:]
        position, markers, keep = 0, 0, 0
        while match := CONTAINER_MARKER.match(line, position):
            position, markers = match.end(), markers + 1
            if markers <= FLAT_MARKERS:
                keep = position
        lines.append(line[:keep] + line[position:] if markers > FLAT_MARKERS else line)
    return "\n".join(lines)


def markdown_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    kind: BlockKind = "paragraph"
    level = 0
    context: list[str] = []  # open containers: "list", "quote"
    for token in parse_tokens(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            context.append("list")
        elif token.type == "blockquote_open":
            context.append("quote")
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            context.pop()
        elif token.type == "heading_open":
            kind, level = "heading", int(token.tag[1])
        elif token.type == "paragraph_open":
            kind, level = "paragraph", 0
            if context and context[-1] == "list":
                kind, level = "item", context.count("list")
            elif context:
                kind = "quote"
        elif token.type in ("th_open", "td_open"):
            kind, level = "paragraph", 0
        elif token.type in ("code_block", "fence"):
            text = token.content.rstrip("\n")
            if text:
                blocks.append(Block("paragraph", text, marks=(Mark(0, len(text), "code"),)))
        elif token.type == "inline":
            text, marks = inline_text(token.children or [])
            if text:
                blocks.append(Block(kind, text, level=level, marks=tuple(marks)))
    return blocks


def inline_text(children: list[Token]) -> tuple[str, list[Mark]]:
    """Plain text of an inline run, with emphasis, code and links as marks."""
    parts: list[str] = []
    marks: list[Mark] = []
    open_marks: list[tuple[str, int, str | None]] = []
    position = 0
    for child in children:
        piece = ""
        if child.type in ("text", "html_inline"):
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = " "
        elif child.type == "code_inline":
            piece = child.content
            marks.append(Mark(position, position + len(piece), "code"))
        elif child.type == "image":
            piece = ""  # alt text is not body text
        elif child.type.endswith("_open") and child.type[:-5] in INLINE_MARKS:
            href = child.attrs.get("href") if child.type == "link_open" else None
            open_marks.append((child.type[:-5], position, str(href) if href else None))
        elif child.type.endswith("_close") and child.type[:-6] in INLINE_MARKS and open_marks:
            name, start, href = open_marks.pop()
            if position > start and (name != "link" or safe_href(href)):
                marks.append(Mark(start, position, INLINE_MARKS[name], href if name == "link" else None))
        parts.append(piece)
        position += len(piece)
    text = "".join(parts)
    # Leading and trailing spaces are trimmed; marks shift with the text they point at.
    stripped = text.strip()
    if stripped != text:
        shift = len(text) - len(text.lstrip())
        marks = [Mark(m.start - shift, m.end - shift, m.kind, m.href) for m in marks]
        text = stripped
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    return text, sorted(marks, key=lambda m: (m.start, -m.end))

