#!/usr/bin/env python3
"""Print the chemical elements vocab/minerals.txt lacks, from the periodic table of the `periodictable` package
(NIST data), to append to that file under its "elements" comment.

    python -m venv /tmp/pt && /tmp/pt/bin/pip install periodictable==2.1.0
    /tmp/pt/bin/python tools/mineral_elements.py

Only to extend the list; the build reads the text file and never imports periodictable. An element counts when it
occurs in nature (an isotope with a natural abundance: not technetium, promethium or polonium) and is solid or
liquid at room temperature (its density is not measured below 0 °C: not hydrogen, nitrogen, oxygen, fluorine,
chlorine or the noble gases). Left out are the elements news names by their minerals
or writes as ordinary words: carbon ("low-carbon"), lead (the verb), iron (iron ore), silicon (silica),
phosphorus (phosphate), sodium, potassium and calcium (salt, potash, lime).
"""

from __future__ import annotations

from pathlib import Path

import periodictable

MINERALS = Path(__file__).resolve().parent.parent / "extract" / "vocab" / "minerals.txt"
NAMED_OTHERWISE = {"carbon", "lead", "iron", "silicon", "phosphorus", "sodium", "potassium", "calcium"}
BRITISH = {"aluminum": "aluminium", "sulfur": "sulphur", "cesium": "caesium"}


def mined_elements() -> list[str]:
    return [BRITISH.get(e.name, e.name) for e in periodictable.elements
            if e.number > 0 and any(e[mass].abundance > 0 for mass in e.isotopes) and e.density is not None
            and not str(e.density_caveat).startswith("T=-") and e.name not in NAMED_OTHERWISE]


if __name__ == "__main__":
    listed = {form.strip().casefold() for line in MINERALS.read_text(encoding="utf-8").splitlines()
              if not line.startswith("#") for form in line.split("|")}
    for name in mined_elements():
        if name not in listed:
            print(name)
