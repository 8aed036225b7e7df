"""The hostile corpus: every kind of bad file a public corpus and a real machine produce, written at run time.

`write_hostile_corpus(folder)` writes it and returns the outcome each file (or crawler record) must get:
built, or skipped with exactly one warning that names it and says why. Nothing here is committed as a
file: binary, huge and odd files (a pipe, links, an unreadable file) are made by the test that needs them.
"""

from __future__ import annotations

import codecs
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

# Everything that ends a <script>, opens a comment, closes CDATA, breaks a JavaScript string (U+2028) or
# runs code from a link, in one string; it goes into every field a corpus file has.
PAYLOAD = "</script><script>alert('x')</script> <!-- ]]> \u2028\u2029 javascript:alert(1) <img src=x onerror=alert(2)>"
PAYLOAD_URL = "javascript:alert(document.domain)//"
# Tags and attributes a page may never take from the corpus.
ATTACK_HTML = (
    '<base href="https://evil.example/">'
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<script>alert("script")</script><script src="https://evil.example/x.js"></script>'
    '<img src="https://evil.example/pixel.png" onerror="alert(\'onerror\')">'
    '<svg onload="alert(\'svg\')"></svg><iframe src="javascript:alert(\'frame\')"></iframe>'
)


@dataclass(frozen=True)
class Expected:
    path: str  # relative to the corpus folder; "file.jsonl#3" for a crawler file's third record
    outcome: str  # "built" or "skipped"
    reason: str = ""  # a phrase the one warning must contain (skipped), or "" when built
    title: str | None = None  # the exact title a built article must have, where the case is about its title


def paragraph(n: int, topic: str) -> str:
    """A distinct paragraph of ordinary prose, so no two files are merged as copies of one article."""
    return (f"The {topic} report number {n} describes how the copper mine near Quetta expanded its output, "
            f"according to officials who spoke on {n} occasions to reporters about the work.")


def write(folder: Path, relative: str, data: bytes | str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def markdown(title: object, body: str, **fields: object) -> str:
    """A Markdown article with front matter, fields written as JSON (valid YAML) so any text survives."""
    lines = ["---"]
    for name, value in {"title": title, **fields}.items():
        lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body + "\n"


def binary(seed: int, size: int = 4096) -> bytes:
    """A PNG header and noise: what a renamed image looks like (NUL bytes included)."""
    noise = random.Random(seed).randbytes(size)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise


def write_hostile_corpus(folder: Path, outside: Path) -> list[Expected]:
    """Write the corpus into `folder` (and a file outside it, in `outside`, for a link to point at)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Expected] = []

    def built(relative: str, data: bytes | str, title: str | None = None) -> None:
        write(folder, relative, data)
        cases.append(Expected(relative, "built", title=title))

    def skipped(relative: str, data: bytes | str, reason: str) -> None:
        write(folder, relative, data)
        cases.append(Expected(relative, "skipped", reason))

    # Empty and whitespace-only files.
    skipped("empty/empty.txt", b"", "empty file")
    skipped("empty/blank.md", " \n\t\n\n", "empty file")
    skipped("empty/spaces.txt", "\u00a0 \u2003\n \n", "empty file")
    skipped("empty/front-matter-only.md", "---\nsource: Somebody\n---\n\n", "empty file")
    # Binary files renamed as articles; random bytes that no text encoding reads.
    for number, name in enumerate(["image.txt", "image.md", "image.html", "image.json", "image.jsonl"]):
        skipped(f"binary/{name}", binary(number), "not a text file")
    skipped("binary/noise.txt", bytes(b for b in random.Random(7).randbytes(3000) if b) + b"\x81\x8d\x8f", "neither UTF-8 nor cp1252")
    skipped("binary/controls.txt", "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r\x0c") * 40, "not a text file")
    skipped("binary/broken-utf16.txt", codecs.BOM_UTF16_LE + "Half a character".encode("utf-16-le") + b"\x41",
            "byte-order mark but is not")
    # Encodings Lode reads: never skipped, always decoded to the same text.
    decoded_title = "Pakistan’s café “quoted” — €5 deal"
    body = "\n\n" + paragraph(1, "encoding") + " It is the first paragraph of this text."
    built("encodings/cp1252.txt", (decoded_title + body.replace("encoding", "cp1252")).encode("cp1252"), decoded_title)
    built("encodings/latin-byte.txt", b"Caf\xe9 owners in Lahore gather\n\n" + paragraph(2, "latin").encode() + b" Cr\xe8me.",
          "Café owners in Lahore gather")
    for name, bom, encoding in [("utf8-bom", codecs.BOM_UTF8, "utf-8"), ("utf16le-bom", codecs.BOM_UTF16_LE, "utf-16-le"),
                                ("utf16be-bom", codecs.BOM_UTF16_BE, "utf-16-be"), ("utf32le-bom", codecs.BOM_UTF32_LE, "utf-32-le"),
                                ("utf32be-bom", codecs.BOM_UTF32_BE, "utf-32-be")]:
        title = f"Encoded {name} headline about copper"
        text = f"{title}\r\n\r\n{paragraph(3, name)} Ümlaut, ñ, 中文 and emoji 🔥 survive.\r\n"
        built(f"encodings/{name}.txt", bom + text.encode(encoding), title)
    utf32 = markdown("Markdown in UTF-32", paragraph(4, "utf32 markdown"))
    built("encodings/utf32le-bom.md", codecs.BOM_UTF32_LE + utf32.encode("utf-32-le"), "Markdown in UTF-32")

    # Hostile titles.
    long_title = ("Copper " * 72)[:500].strip()
    long_title = long_title + "x" * (500 - len(long_title))
    built("titles/long.md", markdown(long_title, paragraph(5, "long title")), long_title)
    built("titles/passwd.md", markdown("../../etc/passwd", paragraph(6, "passwd")), "../../etc/passwd")
    built("titles/punctuation.md", markdown("?!… — !!! ((( )))", paragraph(7, "punctuation")), "?!… — !!! ((( )))")
    built("titles/emoji.md", markdown("🔥💎🚀", paragraph(8, "emoji")), "🔥💎🚀")
    formula = '=HYPERLINK("https://evil.example/","open me")'
    built("titles/formula.md", markdown(formula, paragraph(47, "formula")), formula)
    built("titles/same-one.md", markdown("The same title twice", paragraph(9, "same one")), "The same title twice")
    built("titles/same-two.md", markdown("The same title twice", paragraph(10, "same two")), "The same title twice")
    built("north/report.md", markdown("Northern report", paragraph(11, "north")), "Northern report")
    built("south/report.md", markdown("Southern report", paragraph(12, "south")), "Southern report")
    built("north/report.txt", "A text file with the stem of another\n\n" + paragraph(13, "stem"), "A text file with the stem of another")
    # File names that are themselves hostile: markup, a URL scheme, a line separator, ZWJ and combining marks.
    built("names/</script><!--]]>.md", markdown("File named like markup", paragraph(14, "markup name")), "File named like markup")
    built("names/javascript:alert(1).md", markdown("File named like a link", paragraph(15, "scheme name")), "File named like a link")
    latin_name = folder / os.fsdecode(b"names/caf\xe9 in Latin-1.md")
    latin_name.parent.mkdir(parents=True, exist_ok=True)
    latin_name.write_text(markdown("A file name that is not UTF-8", paragraph(50, "latin name")), encoding="utf-8")
    cases.append(Expected("names/caf\\xe9 in Latin-1.md", "skipped", "name is not UTF-8"))
    built("names/line\u2028break.md", markdown("File with a line separator in its name", paragraph(16, "separator")),
          "File with a line separator in its name")
    built("names/zoe\u0308\u200d\U0001f469\u200d\U0001f52c.md", markdown("Zoe\u0308 Bja\u030arnsdo\u0301ttir and the 👩‍🔬 lab",
          paragraph(17, "combining") + " Zoe\u0308 Bja\u030arnsdo\u0301ttir met Ma\u200drtin Kru\u0308ger at the Saindak mine."),
          "Zoë Bjårnsdóttir and the 👩‍🔬 lab")  # stored NFC, as every corpus text

    # Broken and wrongly typed front matter.
    built("front-matter/list-title.md", markdown(["A", "list"], "# Heading wins\n\n" + paragraph(18, "list title")), "Heading wins")
    built("front-matter/number-title.md", markdown(12345, paragraph(19, "number title")), "12345")
    built("front-matter/yesterday.md", markdown("Dated yesterday", paragraph(20, "yesterday"), date="yesterday"), "Dated yesterday")
    built("front-matter/year-99999.md", "---\ntitle: Year 99999\ndate: 99999-01-01\n---\n" + paragraph(21, "far future"), "Year 99999")
    built("front-matter/february-30.md", "---\ntitle: February 30\ndate: 2024-02-30\n---\n" + paragraph(22, "no such day"), "February 30")
    built("front-matter/year-zero.md", "---\ntitle: Year zero\ndate: 0000-01-01\n---\n" + paragraph(23, "year zero"), "Year zero")
    built("front-matter/odd-types.md", "---\ntitle: Odd types\nauthor: {name: 1}\nsource: [1, 2]\nurl: 42\nlanguage: [en]\n---\n"
          + paragraph(24, "odd types"), "Odd types")
    built("front-matter/anchors.md", "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: Anchors and aliases\nauthors: *c\n---\n" + paragraph(25, "anchors"),
          "Anchors and aliases")
    # Escapes that spell a lone surrogate, which no UTF-8 file can hold (the build crashed writing it).
    built("front-matter/surrogate.md", '---\ntitle: "Front \\ud800 matter"\n---\n' + paragraph(48, "surrogate"), "Front \ufffd matter")
    write(folder, "crawl/surrogate.jsonl", '{"title": "Lone \\ud800 surrogate", "maintext": "' + paragraph(49, "lone") + ' \\udc00"}\n')
    cases.append(Expected("crawl/surrogate.jsonl#1", "built", title="Lone \ufffd surrogate"))
    # Figures too long for a float: infinite amounts would make corpus.json invalid JSON ("Infinity").
    built("values/huge-figures.md", markdown("Huge figures", f"The company will invest ${'9' * 400} billion in the copper "
          f"mine, and output rose {'9' * 400}% last year, officials said.\n"), "Huge figures")
    skipped("front-matter/unclosed.md", "---\ntitle: Never closed\n" + paragraph(26, "unclosed"), "never closed")
    skipped("front-matter/bad-yaml.md", "---\ntitle: [\n---\n" + paragraph(27, "bad yaml"), "not valid YAML")
    skipped("front-matter/python-tag.md", "---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + paragraph(28, "tag"),
            "not valid YAML")
    skipped("front-matter/a-list.md", "---\n- a\n- b\n---\n" + paragraph(29, "list"), "must be 'key: value' lines")

    # Crawler output with wrong types and nulls: each bad record skipped by number, the good ones kept.
    good = {"title": "Crawled record", "maintext": paragraph(30, "crawled"), "date_publish": "2024-05-01 10:00:00"}
    records = [
        good,
        {"title": None, "maintext": None},
        {"title": "Text is a number", "maintext": 5},
        [1, 2],
        "just text",
        None,
        {"title": ["a", "list"], "maintext": paragraph(31, "list title record")},
        {"title": "Authors of wrong types", "maintext": paragraph(32, "authors"), "authors": [None, 3]},
        {"title": "Optional fields of wrong types", "maintext": paragraph(33, "optional"), "date_publish": 20240101,
         "url": ["x"], "source": {"a": 1}, "language": 7},
        {"title": None, "maintext": paragraph(34, "no title") + " Nobody wrote a headline for it.", "date_publish": None,
         "authors": None, "url": None, "source_domain": None},
    ]
    lines = [json.dumps(record) for record in records] + ["{broken", ""]
    write(folder, "crawl/mixed.jsonl", "\n".join(lines) + "\n")
    cases += [
        Expected("crawl/mixed.jsonl#1", "built", title="Crawled record"),
        Expected("crawl/mixed.jsonl#2", "skipped", "no article text"),
        Expected("crawl/mixed.jsonl#3", "skipped", "must be text"),
        Expected("crawl/mixed.jsonl#4", "skipped", "must be a JSON object, not a list"),
        Expected("crawl/mixed.jsonl#5", "skipped", "must be a JSON object, not text"),
        Expected("crawl/mixed.jsonl#6", "skipped", "must be a JSON object, not null"),
        Expected("crawl/mixed.jsonl#7", "skipped", "'title' must be text"),
        Expected("crawl/mixed.jsonl#8", "skipped", "must be text or a list of text"),
        Expected("crawl/mixed.jsonl#9", "built", title="Optional fields of wrong types"),
        Expected("crawl/mixed.jsonl#10", "built"),
        Expected("crawl/mixed.jsonl#11", "skipped", "not valid JSON"),
    ]
    skipped("crawl/string.json", '"hello"', "must be a JSON object, not text")
    skipped("crawl/empty-list.json", "[]", "no records")
    skipped("crawl/broken.json", '{"title": "x", "maintext": ', "not valid JSON")
    skipped("crawl/deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply")

    # Hostile HTML: scripts, handlers, <base>, a refresh, javascript: and data: links, deep nesting.
    page = (
        f'<!doctype html><html lang="en"><head><title>{PAYLOAD} | Evil Times</title>{ATTACK_HTML}'
        f'<meta property="og:site_name" content="Evil Times {PAYLOAD}">'
        f'<meta name="author" content="Mallory {PAYLOAD}">'
        f'<link rel="canonical" href="{PAYLOAD_URL}"></head>'
        f'<body onload="alert(\'body\')"><article><h1 onclick="alert(\'h1\')">Hostile page about the Saindak copper mine</h1>'
        f'<p>{paragraph(35, "hostile html")} <a href="javascript:alert(\'a\')">click</a> '
        f'<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</a>{ATTACK_HTML}</p>'
        f'<p onmouseover="alert(\'p\')">{paragraph(36, "second hostile")} &lt;script&gt;alert("escaped")&lt;/script&gt;</p>'
        "</article></body></html>"
    )
    built("html/hostile.html", page, "Hostile page about the Saindak copper mine")
    nested = ("<!doctype html><html><head><title>Deeply nested page about cobalt</title></head><body><article>"
              f"<h1>Deeply nested page about cobalt</h1><p>{paragraph(37, 'nested')}</p><p>{paragraph(38, 'nested more')}</p>"
              + "<div>" * 100_000 + "deep inside" + "</div>" * 100_000 + "</article></body></html>")
    built("html/nested.html", nested, "Deeply nested page about cobalt")
    # Markdown that nests lists 10,000 deep ("- - - item" opens a list inside a list at each marker), and
    # block quotes as deep.
    deep_list = "- " * 10_000 + "item\n\n" + "> " * 10_000 + "quoted"
    built("markdown/deep-list.md", markdown("A list ten thousand deep", paragraph(39, "deep list") + "\n\n" + deep_list),
          "A list ten thousand deep")

    # Right-to-left and mixed-direction text, bidirectional overrides included.
    arabic = "يقع منجم ريكو ديك في بلوشستان. " * 5 + "\n\n" + "وقالت الشركة إن الإنتاج سيبدأ قريبا. " * 4
    built("rtl/arabic.md", markdown("منجم ريكو ديك للنحاس", arabic), "منجم ريكو ديك للنحاس")
    built("rtl/mixed.md", markdown("Reko Diq ريكو ديك and שלום \u202eevil\u202c", paragraph(40, "mixed direction")
          + " The name ריקו דיק is written right to left, and \u202etxet desrever\u202c is an override."),
          "Reko Diq ريكو ديك and שלום \u202eevil\u202c")

    # The payload in every field of each format.
    built("payload/payload.md", markdown(
        f"Payload title {PAYLOAD}", f"{paragraph(41, 'payload')} {PAYLOAD}\n\n## Heading {PAYLOAD}\n\n"
        f"[link text {PAYLOAD}]({PAYLOAD_URL}) and [a data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n\n"
        f"```\ncode {PAYLOAD}\n```\n\n> quote {PAYLOAD}\n\n- item {PAYLOAD}\n\n"
        f"Barrick Gold {PAYLOAD} signed with Reko Diq Mining Company {PAYLOAD}.",
        source=f"Source {PAYLOAD}", authors=[f"Author {PAYLOAD}", "Second Author"], url=PAYLOAD_URL, date="2025-01-02",
        language="en"), f"Payload title {PAYLOAD}")
    write(folder, "payload/payload.jsonl", json.dumps({
        "title": f"Record title {PAYLOAD}", "maintext": f"{paragraph(42, 'payload record')} {PAYLOAD}",
        "source": f"Record source {PAYLOAD}", "authors": [f"Record author {PAYLOAD}"], "url": PAYLOAD_URL,
        "date_publish": "2025-01-03 08:00:00", "title_page": f"Record title {PAYLOAD} - Outlet {PAYLOAD}",
    }) + "\n")
    cases.append(Expected("payload/payload.jsonl#1", "built", title=f"Record title {PAYLOAD}"))
    built("payload/payload.txt", f"Scrape title {PAYLOAD.replace(chr(0x2028), ' ')}\n\nBy Scrape Author | Payload Times\n\n"
          f"{paragraph(43, 'payload scrape')} {PAYLOAD}\n\n{paragraph(44, 'payload scrape two')}")

    # Odd files: a link out of the corpus, link loops, a link to a folder, a named pipe, an unreadable file.
    outside.mkdir(parents=True, exist_ok=True)
    secret = write(outside, "secret.md", markdown("A secret outside the corpus", "Nobody may publish this."))
    (folder / "links").mkdir()
    os.symlink(secret, folder / "links" / "outside.md")
    cases.append(Expected("links/outside.md", "skipped", "outside the corpus folder"))
    os.symlink("loop.md", folder / "links" / "loop.md")
    cases.append(Expected("links/loop.md", "skipped", "link loop"))
    os.symlink("ping.md", folder / "links" / "pong.md")
    os.symlink("pong.md", folder / "links" / "ping.md")
    cases += [Expected("links/ping.md", "skipped", "link loop"), Expected("links/pong.md", "skipped", "link loop")]
    os.symlink("..", folder / "links" / "up")
    cases.append(Expected("links/up", "skipped", "link to a folder"))
    built("links/target.md", markdown("Linked from inside", paragraph(45, "link target")), "Linked from inside")
    os.symlink("target.md", folder / "links" / "inside.md")
    cases.append(Expected("links/inside.md", "skipped", "link to links/target.md"))
    (folder / "odd").mkdir()
    os.mkfifo(folder / "odd" / "pipe.txt")
    cases.append(Expected("odd/pipe.txt", "skipped", "not a regular file"))
    locked = write(folder, "odd/locked.txt", "Locked away\n\n" + paragraph(46, "locked"))
    locked.chmod(0)
    cases.append(Expected("odd/locked.txt", "skipped", "cannot be read"))

    # Names for the curator's merges below to act on.
    built("curation/names.md", markdown("Barrick and Reko Diq", "Barrick Gold Corporation said on Monday that Barrick Gold "
          "will invest in the Reko Diq copper project in Balochistan. Officials at the Saindak project in Chagai said "
          "Barrick would share roads with Reko Diq and Saindak. Quetta officials welcomed the plan."), "Barrick and Reko Diq")

    # Curation that merges an entity into itself and names in a cycle; site settings full of markup.
    write(folder, "aliases.toml", '[merge]\n"Barrick Gold" = ["Barrick Gold", "Barrick"]\n'
          '"Reko Diq" = ["Saindak"]\n"Saindak" = ["Reko Diq"]\n'
          f'{json.dumps("Quetta " + PAYLOAD)} = ["Quetta"]\n')
    write(folder, "lode.toml", f"title = {json.dumps('Hostile ' + PAYLOAD)}\ndescription = {json.dumps('About ' + PAYLOAD)}\n")
    return cases
