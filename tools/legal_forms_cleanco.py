#!/usr/bin/env python3
"""Print the company legal forms vocab/legal_forms.txt lacks, from the term lists of the `cleanco` package (its
legal forms of some sixty countries), written as news writes them, to append to that file under its "cleanco"
comment.

    python -m venv /tmp/cc && /tmp/cc/bin/pip install cleanco==2.3
    /tmp/cc/bin/python tools/legal_forms_cleanco.py

Only to extend the list; the build reads the text file and never imports cleanco. cleanco keeps its terms in
lower case, and Lode matches legal forms as written ("AS" is not "as"), so each term gets the case it is printed in:
initials with dots in capitals and in lower case ("S.A.R.L.", "sh.a."), short forms in capitals ("SGPS"), a clipped
word with its dot in title case ("Zrt.", "Nyrt."). Left out are forms of fewer than three letters (two capitals after a name are as often a
state, a team or a unit), forms of several words, and forms that are also common English words or abbreviations
("VAT", "CIO", "STG", "Sep."), or are printed in mixed case ("GbR", "KGaA").
"""

from __future__ import annotations

import re
from pathlib import Path

from cleanco.termdata import terms_by_country, terms_by_type

LEGAL_FORMS = Path(__file__).resolve().parent.parent / "extract" / "vocab" / "legal_forms.txt"
COMMON_WORDS = {"company", "corporation", "incorporated", "limited", "unlimited", "private", "and company", "vat", "sal",
                "ans", "dat", "sep", "sem", "stg", "ent", "coop", "koop", "cio", "cic", "psu", "pse", "teo", "cpt", "fie",
                "ses", "gte", "etat", "peec", "sogepa", "adsitz", "tapui", "tmi", "e.g.", "e.v.", "e.c."}
MIXED_CASE = {"gbr", "gesbr", "kgaa", "partg", "sagl", "mbh", "ltda", "unltd", "ultd", "asoy"}


def written(term: str) -> tuple[str, ...]:
    """The term as printed after a company's name: none where that cannot be told from the lower-case list."""
    term = term.strip()
    letters = re.sub(r"[^a-z]", "", term)
    if (" " in term or not term.isascii() or not re.fullmatch(r"[a-z.&/]+", term) or len(letters) < 3
            or term in COMMON_WORDS or term.rstrip(".") in COMMON_WORDS or letters in MIXED_CASE):
        return ()
    pieces = [piece for piece in term.split(".") if piece]
    if "." in term and all(len(piece) <= 2 for piece in pieces):
        # Initials, in capitals ("S.A.R.L.") and as some countries print them, in lower case ("sh.a.", "d.o.o.").
        dotted = term if term.endswith(".") else term + "."
        return (dotted.upper(), dotted)
    if term.endswith(".") and term.count(".") == 1:
        return (term[:-1].capitalize() + ".?",)  # a clipped word: "Zrt." or "Zrt"
    if "." in term:
        return ()
    return (term.upper(),)


def cleanco_forms() -> list[str]:
    terms = {term for group in (terms_by_type, terms_by_country) for listed in group.values() for term in listed}
    return sorted({form for term in terms for form in written(term)})


if __name__ == "__main__":
    listed = {line.strip().replace("?", "").casefold() for line in LEGAL_FORMS.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    for form in cleanco_forms():
        if form.replace("?", "").casefold() not in listed:
            print(form)
