#!/usr/bin/env python3
"""Print the gemstones and mineral groups vocab/minerals.txt lacks, from the mineral families of the
`gemmology-mineral-database` package (a gemmological reference of some 160 families), to append to that file under
its "gemmology" comment.

    python -m venv /tmp/gm && /tmp/gm/bin/pip install gemmology-mineral-database==2.3.0
    /tmp/gm/bin/python tools/mineral_gems.py

Only to extend the list; the build reads the text file and never imports the package. A family counts when it is
natural (no synthetics or simulants), mineral (not an organic gem: coral, pearl and jet are ordinary words too),
and named in one word ("Padparadscha Sapphire" is a sapphire). Its group counts too ("Feldspar Group" gives
feldspar). Words English uses otherwise ("serpentine") and the chemical classes ("Carbonate Group") stay out; a
stone that is also a given name is in ("opal"): before a surname the entity stage reads it as a person's name.
"""

from __future__ import annotations

import re
import sqlite3
from importlib.resources import files
from pathlib import Path

VOCAB = Path(__file__).resolve().parent.parent / "extract" / "vocab"
ENGLISH = {"serpentine", "jet", "coral", "pearl", "obsidian",
           "carbonate", "silicate", "oxide", "sulfide", "sulphide", "halide"}  # classes of compound, not minerals


def gem_names() -> list[str]:
    database = sqlite3.connect(str(files("mineral_database") / "data" / "minerals.db"))
    names = set()
    for name, origin, category, group in database.execute(
            "select name, origin, category, mineral_group from mineral_families"):
        if origin != "natural" or (category or "").startswith("Organic"):
            continue
        names.add(name)
        head = re.match(r"([A-Z][a-z]+) [Gg]roup$", group or "")
        if head:
            names.add(head.group(1))
    return sorted(name.casefold() for name in names if re.fullmatch(r"[A-Z][a-z]+", name) and name.casefold() not in ENGLISH)


if __name__ == "__main__":
    listed = {form.strip().casefold() for line in (VOCAB / "minerals.txt").read_text(encoding="utf-8").splitlines()
              if not line.startswith("#") for form in line.split("|")}
    for name in gem_names():
        if name not in listed:
            print(name)
