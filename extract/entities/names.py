"""Names from the vocabulary, other names given in the text, and one type per name within an article."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import VALUE_TYPES
from ..vocab import Vocabulary, fold
from .gazetteer import country_mentions
from .organisations import GIVEN_NAMES
from .spans import Found, overlaps

OTHER_NAME = re.compile(r", or (?:the )?([A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|de|do|da|del|la))*)(?=,)")


def other_names(text: str, candidates: list[Found]) -> list[Found]:
    """'the Iron Quadrangle, or Quadrilátero Ferrífero,': the second name is the first one's other name."""
    added = []
    for c in candidates:
        if c.type in VALUE_TYPES or c.type in ("PERSON", "DATE"):
            continue
        match = OTHER_NAME.match(text, c.end)
        if not match:
            continue
        start, end = match.span(1)
        added.append(Found(start, end, match.group(1), c.type, c.name, origin="rule"))
    if not added:
        return candidates
    kept = [c for c in candidates if not any(overlaps(c, a) for a in added)]
    return sorted(kept + added, key=lambda c: (c.start, c.end))



def vocabulary_matches(text: str, vocabulary: Vocabulary, candidates: list[Found]) -> list[Found]:
    matches = []
    for start, end, term in vocabulary.find(text):
        surface = text[start:end]
        if term.type == "MINERAL" and surface[:1].isupper() and re.search(r"[A-Z][\w’'-]*\s+$", text[max(0, start - 30):start]):
            continue  # "Barrick Gold": a capitalised mineral after a name is part of that name
        if term.type == "MINERAL" and surface in GIVEN_NAMES and SURNAME_AFTER.match(text, end):
            continue  # "Ruby Ndlovu", "Opal Mensah": a stone's name that is a given name, before a surname, is a person's
        if term.type == "MINERAL" and COMPOUND_AFTER.match(text, end):
            continue  # "barium sulphate", "magnesium oxide": a chemical compound, not the commodity
        matches.append(Found(start, end, surface, term.type, term.canonical, origin="vocab"))
    for start, end in country_mentions(text):
        if not any(m.start < end and start < m.end for m in matches):
            matches.append(Found(start, end, text[start:end], "GPE", text[start:end], origin="vocab"))
    # "silver, lead and zinc": "lead" is the metal only beside another metal (elsewhere it is a verb or a noun).
    for match in LEAD_AMONG_METALS.finditer(text):
        group = next(name for name in ("lead", "lead2", "lead3", "lead4") if match.group(name))
        start, end = match.span(group)
        if not any(m.start < end and start < m.end for m in matches):
            matches.append(Found(start, end, match.group(group), "MINERAL", "lead", origin="vocab"))
    matches += [m for m in species_named(text) if not any(m.start < o.end and o.start < m.end for o in matches)]
    return sorted(matches, key=lambda m: (m.start, m.end))


# A mineral no list holds, named as mineralogy names its species ("kyanite", "tantalite", "eudialyte"), where the text
# treats it as a mineral: before a site or a product of mining ("a kyanite project", "tantalite concentrate"), after
# a verb of mining or trade ("mined fluorite", "bought kyanite"), or beside one such or a listed mineral ("kyanite and
# andalusite"). English words of the same ending are left out.
SPECIES = r"[a-z]{3,}(?:ite|lite|yte)"
NOT_SPECIES = frozenset({"satellite", "website", "composite", "favourite", "opposite", "despite", "definite",
                         "infinite", "requisite", "exquisite", "appetite", "termite", "dynamite", "polite",
                         # Rocks, which hold minerals and are none ("the Dande Kopje pegmatite grades 1.38% Li2O").
                         "granite", "pegmatite", "diorite", "granodiorite", "andesite", "rhyolite", "dolerite",
                         "kimberlite", "lamproite", "laterite", "quartzite", "anorthosite", "peridotite", "carbonatite",
                         "komatiite", "syenite", "tonalite", "monzonite", "dacite", "phonolite", "trachyte"})
SPECIES_IN_CONTEXT = re.compile(
    rf"\b(?:mined|mines|mine|mining|produced|produces|produce|holds?|contains?|bought|buys?|sells?|sold|exports?|"
    rf"exported|extracts?|extracted|rough|refined|processed|of) ({SPECIES})\b"
    rf"|\b({SPECIES})(?=(?: clay| ore)? (?:project|mine|mines|deposits?|quarry|quarries|concentrates?|ore|sands|reserves|production|"
    rf"output|exports|grades?|grading|licen[cs]e)\b|, a mineral\b)")
SPECIES_BESIDE = rf"(?:,| and| or) ({SPECIES})\b"


def species_named(text: str) -> list[Found]:
    found: dict[int, Found] = {}
    for match in SPECIES_IN_CONTEXT.finditer(text):
        group = 1 if match.group(1) else 2
        start, end = match.span(group)
        if match.group(group) not in NOT_SPECIES:
            found[start] = Found(start, end, match.group(group), "MINERAL", match.group(group), origin="rule")
    # "kyanite and andalusite": one beside another goes with it.
    for mineral in list(found.values()):
        beside = re.match(SPECIES_BESIDE, text[mineral.end:])
        if beside and beside.group(1) not in NOT_SPECIES:
            start = mineral.end + beside.start(1)
            found.setdefault(start, Found(start, start + len(beside.group(1)), beside.group(1), "MINERAL", beside.group(1),
                                          origin="rule"))
    return sorted(found.values(), key=lambda f: f.start)


SURNAME_AFTER = re.compile(r" [A-Z][a-z’'-]+\b(?! (?:mine|project|deposit|field|belt)s?\b)")
COMPOUND_AFTER = re.compile(r" (?:sulphate|sulfate|oxide|dioxide|carbonate|chloride|hydroxide|nitrate|sulphide|sulfide)s?\b",
                            re.IGNORECASE)
METAL = r"(?:zinc|silver|copper|gold|tin|cobalt|nickel)"
LEAD_AMONG_METALS = re.compile(rf"(?i:\b{METAL}(?:(?:,| and| or)? |-)(?P<lead>lead)\b(?!-(?!{METAL}))"
                               rf"|\b(?P<lead2>lead)(?:(?:,| and| or) |-){METAL}\b"
                               # "6,500 tonnes of lead", "lead concentrate": a quantity or a product of the metal
                               r"|\b(?:tonnes|tons|kt|pounds|lb|ounces|oz) of (?P<lead3>lead)\b"
                               r"|\b(?P<lead4>lead) (?:concentrates?|production|output|smelters?|ore|prices?|reserves|deposits?)\b)")



def one_type_per_name(candidates: list[Found]) -> list[Found]:
    """Within one article a name means one thing: where a rule typed it ("the Mount Keel project" is a
    PROJECT), the model's other guesses for the same name follow."""
    ruled: dict[str, str] = {}
    for c in candidates:
        if c.origin != "model" and c.type not in VALUE_TYPES:
            ruled.setdefault(fold(c.name), c.type)
    return [replace(c, type=ruled[fold(c.name)]) if c.origin == "model" and fold(c.name) in ruled else c for c in candidates]


