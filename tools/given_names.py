#!/usr/bin/env python3
"""Write extract/vocab/given_names.txt from Faker's person providers (MIT licence): the given names of its
86 locales, written in Latin letters.

    python -m venv /tmp/faker && /tmp/faker/bin/pip install faker==40.54.0
    /tmp/faker/bin/python tools/given_names.py

Only to regenerate the list; the build reads the text file and never imports Faker. A name that is also a
country, a province or a city of the gazetteer, a month or a weekday is left out ("Jordan", "Georgia",
"May", "Kingston"): the list is evidence that a name is a person's, and those are not.
"""

from __future__ import annotations

import importlib
import re
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "extract" / "vocab" / "given_names.txt"
LATIN_NAME = re.compile(r"[A-Z][a-zà-ÿ'-]+")


def faker_given_names() -> set[str]:
    from faker.providers import person

    base = Path(person.__file__).parent
    names: set[str] = set()
    for locale in sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("_")):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if not attribute.startswith("first_name"):
                continue
            value = getattr(provider, attribute, None)
            forms = value.keys() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
            names.update(n for n in forms if isinstance(n, str) and LATIN_NAME.fullmatch(n))
    return names


def main() -> int:
    from extract.dates import MONTHS, WEEKDAYS
    from extract.entities.gazetteer import place_kind

    names = sorted(n for n in faker_given_names()
                   if not place_kind(n) and n.lower() not in MONTHS and n.lower() not in WEEKDAYS)
    header = (f"# Given names, from Faker {version('faker')}'s person providers (MIT licence; 86 locales, Latin letters\n"
              "# only), written by tools/given_names.py. Evidence that a name is a person's: the model's 'organisation'\n"
              "# that begins with one and holds no organisation word is a person. Names that are also places, months\n"
              "# or weekdays are left out. General data taken whole, not names from any article.\n")
    OUT.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names):,} given names -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
