"""Preview cards: the 1200×630 PNG a chat app or social network shows when a Lode page is shared.

One card per article (title, outlet, date, site name), one per entity (name, type, how many articles
mention it) and one for the site (its other pages). Drawn at build time with Pillow, with fonts that
come from PyPI packages (Noto Sans, and Noto Sans Arabic for the Arabic script that Urdu is written
in, which Noto Sans lacks), so every machine that runs `make` draws the same cards.

- Small: drawn in one colour ramp (16 shades from the background to white, as a 4-bit palette image), so
  a card is 10-25 KB of PNG instead of hundreds.
- Deterministic: the PNG is written here with no timestamp; the same card gives the same bytes.
- Cached by content: the cache key is the card's text plus the fonts, this module and Pillow's
  version, so a rebuild redraws only cards whose text changed.
- Honest: text a font cannot draw is never drawn as boxes. A title in a script no font here covers
  (Chinese, Devanagari …) leaves the card without a title rather than with one of empty squares;
  the outlet, date and site name still show.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import struct
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import fontpkg_noto_sans
import fontpkg_noto_sans_arabic
import PIL
from PIL import Image, ImageDraw, ImageFont, features

from .cache import BytesCache, key_of
from .dates import long_date
from .model import TYPE_LABELS, Article, Entity, SiteConfig

WIDTH, HEIGHT = 1200, 630
MAX_BYTES = 60 * 1024
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN
BACKGROUND = (16, 34, 58)  # the site's dark blue
FOREGROUND = (255, 255, 255)
# The card is drawn in sixteen shades, 0 (BACKGROUND) to 15 (FOREGROUND): text drawn with fill 15 is antialiased
# into the shades between, and the shades become a 4-bit palette (see png). Muted text and rules use fewer.
WHITE, MUTED, ACCENT = 15, 11, 6
ELLIPSIS = "…"
PALETTE = bytes(round(b + (f - b) * i / 15) for i in range(16) for b, f in zip(BACKGROUND, FOREGROUND, strict=True))
# Title sizes in px, tried in turn: a short title big, a long one smaller; at the last size it is cut
# to the lines that fit between TITLE_TOP and TITLE_BOTTOM.
TITLE_SIZES = (68, 56, 48)
TITLE_TOP, TITLE_BOTTOM = 186, 506
LATIN = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"
ARABIC = fontpkg_noto_sans_arabic.ROOT / "files" / "NotoSansArabic[wdth,wght].ttf"
# Arabic script needs shaping (joined letter forms) and right-to-left order, which only Pillow's raqm
# layout does (it needs FriBiDi on the system). Without it Arabic script counts as a script no font
# covers: an unshaped title would be wrong, and a wrong title is worse than none.
SHAPING = features.check("raqm")


@dataclass(frozen=True)
class Card:
    """What one card says. `title` is the big text; `kicker` the line above it; `footer` the line at the bottom."""

    path: str  # where the PNG goes in the site
    site: str
    kicker: str
    title: str
    footer: str


SITE_CARD = "cards/site.png"


def card_path(page: str) -> str:
    """'articles/x.html' -> 'cards/articles/x.png': an article's or entity's card."""
    return "cards/" + page.removesuffix(".html") + ".png"


def corpus_cards(articles: tuple[Article, ...], entities: tuple[Entity, ...], config: SiteConfig) -> list[Card]:
    """One card per article, per entity, and one for the site's other pages."""
    sources = {article.source for article in articles if article.source}
    cards = [Card(SITE_CARD, "", "", config.title,
                  f"{plural(len(articles), 'article')} from {plural(len(sources), 'source')}")]
    cards += [Card(card_path(a.path), config.title, a.source or "", a.title, long_date(a.date)) for a in articles]
    counts: dict[str, set[str]] = {}
    for article in articles:
        for mention in article.mentions:
            counts.setdefault(mention.entity, set()).add(article.id)
    cards += [Card(card_path(e.path), config.title, TYPE_LABELS[e.type][0], e.name,
                   f"Named in {plural(len(counts.get(e.id, ())), 'article')}") for e in entities]
    return cards


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


# Below this many cards to draw, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


def draw_cards(
    cards: Iterable[Card], cache: Path | None, advance: Callable[[int], None] = lambda count: None, processes: int = 1,
) -> dict[str, bytes]:
    """Each card's PNG by its path, from the cache where the same card was drawn before; the others drawn
    in `processes` worker processes when there are many (a card's bytes do not depend on where it is drawn)."""
    store = BytesCache(cache, "cards")
    files: dict[str, bytes] = {}
    missing: list[tuple[str, Card]] = []
    for card in cards:
        key = key_of(VERSION, card.site, card.kicker, card.title, card.footer)
        png = store.get(key, ".png")
        if png is None:
            missing.append((key, card))
        else:
            files[card.path] = png
            advance(1)
    if processes > 1 and len(missing) >= PARALLEL_FROM:
        # spawn, not fork: the build may hold spaCy's threads, which a forked child would inherit half-stopped.
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
            drawn = pool.map(draw, [card for _, card in missing], chunksize=32)
            for (key, card), png in zip(missing, drawn, strict=True):
                store.put(key, png, ".png")
                files[card.path] = png
                advance(1)
    else:
        for key, card in missing:
            png = draw(card)
            store.put(key, png, ".png")
            files[card.path] = png
            advance(1)
    return files


def draw(card: Card) -> bytes:
    """One card as PNG bytes (1200×630, at most 60 KB)."""
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, 15, HEIGHT), fill=ACCENT)
    write_line(canvas, fit_line(card.site, 30, "SemiBold", TEXT_WIDTH), 30, "SemiBold", 56, MUTED)
    write_line(canvas, fit_line(card.kicker, 34, "Regular", TEXT_WIDTH), 34, "Regular", 122, MUTED)
    size, lines = title_lines(card.title)
    y = TITLE_TOP
    for line in lines:
        write_line(canvas, line, size, "Bold", y, WHITE)
        y += line_height(line[0], size)
    canvas.rectangle((MARGIN, HEIGHT - 104, MARGIN + 96, HEIGHT - 98), fill=ACCENT)
    write_line(canvas, fit_line(card.footer, 32, "Regular", TEXT_WIDTH), 32, "Regular", HEIGHT - 82, MUTED)
    return png(image)


def png(shades: Image.Image) -> bytes:
    """The card as a 4-bit palette PNG, written here rather than by Pillow's encoder: with zlib's run-length
    strategy (a card is mostly long runs of one shade) it takes half the time for ~15 KB, and a card's time
    is what preview cards add to a build. No timestamp or other varying chunk: same shades, same bytes."""
    packed = Image.frombytes("P", shades.size, shades.tobytes()).tobytes("raw", "P;4")  # two pixels a byte
    stride = WIDTH // 2
    rows = b"".join(b"\0" + packed[row * stride:(row + 1) * stride] for row in range(HEIGHT))  # filter 0 a row
    compressor = zlib.compressobj(6, zlib.DEFLATED, 15, 9, zlib.Z_RLE)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 4, 3, 0, 0, 0)  # 4 bits a pixel, palette colour
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", PALETTE)
            + chunk(b"IDAT", compressor.compress(rows) + compressor.flush()) + chunk(b"IEND", b""))


# --- text: fonts by script, wrapping, cutting ----------------------------------------------------------


@functools.lru_cache(maxsize=64)
def font(path: Path, size: int, weight: str) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if path == ARABIC and SHAPING else ImageFont.Layout.BASIC
    loaded = ImageFont.truetype(str(path), size, layout_engine=engine)
    loaded.set_variation_by_name(weight)
    return loaded


@functools.lru_cache(maxsize=8192)
def covers(path: Path, character: str) -> bool:
    """Whether the font draws `character` as itself rather than as its 'missing glyph' box."""
    if character.isspace():
        return True
    if path == ARABIC and not SHAPING and is_arabic(character):
        return False
    probe = font(path, 40, "Regular")
    return glyph(probe, character) != glyph(probe, "\U0010fffd")  # a private-use code point: never in a font


def glyph(probe: ImageFont.FreeTypeFont, character: str) -> bytes:
    image = Image.new("L", (60, 70))
    ImageDraw.Draw(image).text((5, 5), character, font=probe, fill=255)
    return image.tobytes()


def is_arabic(character: str) -> bool:
    return unicodedata.bidirectional(character) in ("AL", "R") or "ARABIC" in unicodedata.name(character, "")


def line_font(text: str) -> Path | None:
    """The one font for a line: Noto Sans unless the line reads right to left or holds what only the
    Arabic font has; None when neither draws every character of it."""
    strong = next((c for c in text if unicodedata.bidirectional(c) in ("L", "R", "AL")), "")
    order = (ARABIC, LATIN) if strong and is_arabic(strong) else (LATIN, ARABIC)
    for path in order:
        if all(covers(path, c) for c in text):
            return path
    return None


def right_to_left(path: Path, text: str) -> bool:
    strong = next((c for c in text if unicodedata.bidirectional(c) in ("L", "R", "AL")), "")
    return path == ARABIC and bool(strong) and is_arabic(strong)


def width(text: str, path: Path, size: int, weight: str) -> float:
    direction = "rtl" if right_to_left(path, text) else None
    return font(path, size, weight).getlength(text, direction=direction)


def wrap(text: str, path: Path, size: int, weight: str, limit: int) -> list[str]:
    """Words into lines no wider than `limit`; a word wider than a line is cut between characters."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and width(candidate, path, size, weight) <= limit:
            lines[-1] = candidate
            continue
        while width(word, path, size, weight) > limit:
            cut = fit(word, path, size, weight, limit, suffix="")
            lines.append(cut)
            word = word[len(cut):]
        lines.append(word)
    return lines


def fit(text: str, path: Path, size: int, weight: str, limit: int, suffix: str = ELLIPSIS) -> str:
    """The longest start of `text` that fits with `suffix` after it, cut at a word if one fits, else at a character."""
    if width(text, path, size, weight) <= limit:
        return text
    low, high = 1, len(text)
    while low < high:  # binary search on the number of characters kept
        middle = (low + high + 1) // 2
        if width(text[:middle].rstrip() + suffix, path, size, weight) <= limit:
            low = middle
        else:
            high = middle - 1
    kept = text[:low]
    if " " in kept.strip() and not text[low:low + 1].isspace():
        kept = kept.rstrip().rsplit(" ", 1)[0]  # back to the last whole word
    return kept.rstrip(" ,;:–—-") + suffix


def line_height(path: Path, size: int) -> int:
    ascent, descent = font(path, size, "Bold").getmetrics()
    return ascent + descent


def title_lines(title: str) -> tuple[int, list[tuple[Path, str]]]:
    """The title at the biggest size whose lines fit; else at the smallest, its last line cut with an ellipsis."""
    text = " ".join(title.split())
    path = line_font(text)
    if path is None or not text:
        return TITLE_SIZES[-1], []
    for size in TITLE_SIZES:
        most = (TITLE_BOTTOM - TITLE_TOP) // line_height(path, size)
        lines = wrap(text, path, size, "Bold", TEXT_WIDTH)
        if len(lines) <= most:
            return size, [(path, line) for line in lines]
    kept = lines[:most]
    kept[-1] = fit(" ".join(lines[most - 1:]) + ELLIPSIS, path, size, "Bold", TEXT_WIDTH)
    return size, [(path, line) for line in kept]


def fit_line(text: str, size: int, weight: str, limit: int) -> tuple[Path, str] | None:
    text = " ".join(text.split())
    path = line_font(text)
    if path is None or not text:
        return None
    return path, fit(text, path, size, weight, limit)


def write_line(canvas: ImageDraw.ImageDraw, line: tuple[Path, str] | None, size: int, weight: str, y: int, shade: int) -> None:
    if line is None:
        return
    path, text = line
    rtl = right_to_left(path, text)
    x = WIDTH - MARGIN - width(text, path, size, weight) if rtl else MARGIN
    canvas.text((x, y), text, font=font(path, size, weight), fill=shade, direction="rtl" if rtl else None)


def _version() -> str:
    """What a cached card depends on besides its text: the fonts, this code, Pillow and its shaping."""
    digest = hashlib.sha256()
    for part in (LATIN.read_bytes(), ARABIC.read_bytes(), Path(__file__).read_bytes()):
        digest.update(hashlib.sha256(part).digest())
    return f"{digest.hexdigest()}:{PIL.__version__}:{SHAPING}:{features.version('freetype2')}"


VERSION = _version()
