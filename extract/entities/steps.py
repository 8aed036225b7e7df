"""The rules over one article, as one ordered list of named steps.

Each step takes the article's draft (its text, headings, vocabulary and the candidate mentions so far) and
returns the candidates it leaves. The order matters and is the list below: read it top to bottom to know what
a rule can see. `refine(..., trace=print_step)` shows the candidates after each step, so a wrong mention
names the step that made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..model import VALUE_TYPES
from ..vocab import Vocabulary, fold
from .acronyms import apply_acronyms
from .filters import drop_heading_only, inside_phrases, is_demonym, is_honorific_only, is_junk
from .gazetteer import place_kind
from .names import one_type_per_name, other_names, vocabulary_matches
from .ner import MODEL_LABELS
from .organisations import (
    CAPITALISED_SITE,
    COMMON_TERMS,
    COMPANY_TAIL_WORD,
    bodies_named_for,
    bodies_of_countries,
    company_short_names,
    company_word_first,
    editions,
    governments,
    legal_names,
    missions,
    offices_of_titles,
    organisations_in_context,
    prefixed_companies,
    project_names,
    projects_described,
    suffixed_names,
)
from .people import TITLE_WORDS, person_of_organisation, resolve_surnames, titled_people, with_second_surname
from .places import (
    administrative_areas,
    as_place,
    coordinated_regions,
    dateline_credits,
    dateline_places,
    feature_names,
    landform_short_names,
    split_located,
    whole_place_names,
)
from .spans import Coverage, Extraction, Found, contains, merge, non_overlapping, outermost, overlaps
from .tidy import countries_with_and, is_personal_name, split_at_breaks, split_coordinated, split_possessive, tidy
from .values import dated, is_explicit_date, month_dates, values_in, years_after_words


@dataclass
class Draft:
    """One article while its rules run: the candidates, and what the acronym step learnt."""

    text: str
    headings: list[tuple[int, int]]
    vocabulary: Vocabulary
    candidates: list[Found]
    acronyms: dict[str, str] = field(default_factory=dict)
    common_acronyms: set[str] = field(default_factory=set)

    def trusted(self) -> list[Found]:
        """Candidates a rule, vocabulary or definition made (not the model's guesses)."""
        return [c for c in self.candidates if c.origin != "model"]


def model_spans(draft: Draft) -> list[Found]:
    return outermost(draft.candidates)


def second_surnames(draft: Draft) -> list[Found]:
    return [with_second_surname(draft.text, c, draft.candidates, draft.vocabulary) for c in draft.candidates]


def names_run_together(draft: Draft) -> list[Found]:
    parts = [part for c in draft.candidates for joined in split_coordinated(c, draft.text) for located in split_located(joined)
             for part in person_of_organisation(located, draft.vocabulary)]
    return countries_with_and(draft.text, parts)


def money_and_percentages(draft: Draft) -> list[Found]:
    return [c for c in draft.candidates if c.type not in ("MONEY", "PERCENT")] + values_in(draft.text, draft.candidates)


def explicit_dates(draft: Draft) -> list[Found]:
    return [dated(c) for c in draft.candidates if c.type != "DATE" or is_explicit_date(c.text)]


def projects(draft: Draft) -> list[Found]:
    # ("the Voisey’s Bay Mine Expansion", one organisation to the model: the site's words say whose name is inside.)
    sites = {m.span() for m in CAPITALISED_SITE.finditer(draft.text)}
    candidates = [c for c in draft.candidates if c.origin != "model" or (c.start, c.end) not in sites]
    return merge(candidates, project_names(draft.text) + projects_described(draft.text))


def vocabulary_terms(draft: Draft) -> list[Found]:
    # A figure's currency is not a country: "US$450m" is money, not the United States.
    values = Coverage([(c.start, c.end) for c in draft.candidates if c.type in VALUE_TYPES])
    found = [v for v in vocabulary_matches(draft.text, draft.vocabulary, draft.candidates) if not values.touches(v.start, v.end)]
    return merge(draft.candidates, found)


def suffixed_organisations_and_events(draft: Draft) -> list[Found]:
    text = draft.text
    named = (suffixed_names(text) + legal_names(text) + prefixed_companies(text) + editions(text) + bodies_of_countries(text)
             + missions(text, draft.vocabulary))
    covered = Coverage([(c.start, c.end) for c in draft.candidates + named])
    unseen_bodies = [b for b in bodies_named_for(text) if not covered.touches(b.start, b.end)]
    # ("Borsa Istanbul", where the model saw a place "Istanbul": the company word says whose name it is.)
    ruled = Coverage([(c.start, c.end) for c in draft.candidates + named if c.origin != "model"])
    unseen_bodies += [b for b in company_word_first(text) if not ruled.touches(b.start, b.end)]
    return merge(draft.candidates, named + unseen_bodies + offices_of_titles(text) + governments(text) + coordinated_regions(text))


# "Engr. Naveed Iqbal of WAPDA": capitals after a person's "of" are where the person works.
PERSON_OF_ACRONYM = re.compile(r" of (?:the )?([A-Z]{2,6})(?![\w-])")


def employers_by_acronym(draft: Draft) -> list[Found]:
    found = []
    for person in (c for c in draft.candidates if c.type == "PERSON"):
        match = PERSON_OF_ACRONYM.match(draft.text, person.end)
        if match and not place_kind(match.group(1)) and fold(match.group(1)) not in COMMON_TERMS:
            found.append(Found(match.start(1), match.end(1), match.group(1), "ORG", match.group(1), origin="rule"))
    return found


def organisations_by_context(draft: Draft) -> list[Found]:
    # Retypes a model span of exactly that name, or adds a name nothing else covers; a job title is no name.
    found = [f for f in organisations_in_context(draft.text) + employers_by_acronym(draft)
             if not set(f.name.casefold().split()) & TITLE_WORDS]
    by_span = {(c.start, c.end): c for c in draft.candidates}
    kept, added = list(draft.candidates), []
    for f in {(f.start, f.end): f for f in found}.values():  # (two rules may find one name: it is retyped once)
        same = by_span.get((f.start, f.end))
        if same is not None and same.origin == "model":
            if same in kept:  # (unless a longer name found before it has already displaced it)
                kept.remove(same)
            added.append(f)
        elif same is None:
            rivals = [c for c in kept if overlaps(f, c)]
            # "Sarana Tambang shares rose", which the model read as two places: the whole name wins over its parts;
            # and over a place the word lists know inside it ("Nikkei Asia reported").
            if all(contains(f, c) and (c.origin == "model" or c.type in ("GPE", "LOC") and " " in f.name) for c in rivals):
                kept = [c for c in kept if c not in rivals]
                added.append(f)
    return kept + added


def datelines_and_areas(draft: Draft) -> list[Found]:
    trusted = draft.trusted()
    return merge(draft.candidates, [d for d in dateline_places(draft.text) + administrative_areas(draft.text)
                                    if not any(overlaps(d, c) for c in trusted)])


def whole_places(draft: Draft) -> list[Found]:
    return merge(draft.candidates, whole_place_names(draft.text, draft.candidates))


def is_surname_place(person: Found, found: Found) -> bool:
    """A one-word place the word lists know, ending a titled name, is that person's surname ("Minister of Mining
    Marcelo Choque Flores")."""
    return found.type in ("GPE", "LOC") and contains(person, found) and found.end == person.end and " " not in found.text


# "Priya Raghunathan of Creek Capital in Dubai said", "Maria Lopez, a geologist, …": a given name and one or two
# capitalised words, then what only follows a person, where the model saw no one.
NAMED_BY_GIVEN_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-z]+(?: [A-Z][\w’'-]+){1,2})"
                                 r"(?= (?:of|at|from) (?:the )?[A-Z]| said\b| told\b|, (?:who|a|an|the|its)\b)")


def people_by_given_name(draft: Draft) -> list[Found]:
    covered = Coverage([(c.start, c.end) for c in draft.candidates])
    return [Found(m.start(1), m.end(1), m.group(1), "PERSON", m.group(1), origin="rule")
            for m in NAMED_BY_GIVEN_NAME.finditer(draft.text)
            if not covered.touches(m.start(1), m.end(1)) and is_personal_name(m.group(1))]


def people_after_titles(draft: Draft) -> list[Found]:
    # A name after its title outvotes any model span over it, even a longer one: that is title and name run together.
    trusted = draft.trusted()
    people = [p for p in titled_people(draft.text, draft.vocabulary)
              if all(is_surname_place(p, c) for c in trusted if overlaps(p, c))]
    people += [p for p in people_by_given_name(draft) if not any(overlaps(p, q) for q in people)]

    def displaced(c: Found) -> bool:
        return any(overlaps(c, p) for p in people) and (c.origin == "model" or any(is_surname_place(p, c) for p in people))
    return [c for c in draft.candidates if not displaced(c)] + people


COMPANY_WORD_AFTER = re.compile(rf" (?:{COMPANY_TAIL_WORD.pattern})\b")


def landforms(draft: Draft) -> list[Found]:
    # A landform's name may hold a mineral or a place ("Lithium Triangle", "Iron Quadrangle"): the longer name wins
    # over what it contains, never over a name that contains it ("Lithium Triangle Forum").
    # Nor one a company's word follows: "Ramu Highlands Minerals will keep 40%" names a company after the highlands.
    trusted = draft.trusted()
    return merge(draft.candidates, [f for f in feature_names(draft.text)
                                    if not any(overlaps(f, c) and not contains(f, c) for c in trusted)
                                    and not COMPANY_WORD_AFTER.match(draft.text, f.end)])


def months(draft: Draft) -> list[Found]:
    names = [c for c in draft.candidates if c.type != "DATE"]
    found = [d for d in month_dates(draft.text) if not any(overlaps(d, c) for c in names)]
    # A year the model called a number, where nothing else stands (never a piece of a longer date).
    found += [y for y in years_after_words(draft.text) if not any(overlaps(y, c) for c in draft.candidates + found)]
    return merge(draft.candidates, found)


def acronyms(draft: Draft) -> list[Found]:
    candidates, draft.acronyms, draft.common_acronyms = apply_acronyms(draft.text, draft.candidates)
    return candidates


def short_name_held(found: Found) -> str | None:
    """The short name a full name holds: "Supreme Court" of "Supreme Court of Justice" (a body's words before its "of"
    or "for", two or more), "Congo" of "Democratic Republic of the Congo"."""
    if found.type == "ORG":
        head = re.match(r"(.+?) (?:of|for) ", found.name)
        return head.group(1) if head and len(head.group(1).split()) >= 2 else None
    republic = re.search(r"\bRepublic of (?:the )?(.+)$", found.name) if found.type == "GPE" else None
    return republic.group(1) if republic else None


def named_short_after_full(draft: Draft) -> list[Found]:
    """A short name beside its full name in one article is that thing there, before it too (a headline's "Congo",
    then "Democratic Republic of the Congo"); in this article only: another country has its own Supreme Court,
    another article's "Congo" may be the one in Brazzaville."""
    full: dict[tuple[str, str], str] = {}  # (type, short name) -> the full name first written
    for c in sorted(draft.candidates, key=lambda c: c.start):
        short = short_name_held(c)
        if short:
            full.setdefault((c.type, short), c.name)
    return [replace(c, name=full[(c.type, c.name)]) if (c.type, c.name) in full else c for c in draft.candidates]


def one_type_a_name(draft: Draft) -> list[Found]:
    return one_type_per_name(company_short_names(draft.text, draft.candidates))


def whole_names_again(draft: Draft) -> list[Found]:
    """'Chuniya' where the text goes on 'Chuniya Danda', a name a rule found whole elsewhere in the article: the
    model's span is the start of that name, written whole here too."""
    whole = sorted({c.text: c for c in draft.trusted() if c.type not in VALUE_TYPES and " " in c.text}.values(),
                   key=lambda c: -len(c.text))
    if not whole:
        return draft.candidates
    result = []
    for c in draft.candidates:
        longer = next((w for w in whole if c.origin == "model" and len(w.text) > len(c.text) and w.text.startswith(c.text + " ")
                       and draft.text.startswith(w.text, c.start)), None)
        end = c.start + len(longer.text) if longer else c.end
        if longer and not any(o is not c and o.start < end and c.end <= o.start for o in draft.candidates):
            c = replace(c, end=end, text=longer.text, name=longer.name, type=longer.type, origin="rule")
        result.append(c)
    return result


def surnames(draft: Draft) -> list[Found]:
    return resolve_surnames(draft.text, draft.candidates)


def places_in_context(draft: Draft) -> list[Found]:
    return landform_short_names([as_place(draft.text, c) for c in draft.candidates])


def names_given_twice(draft: Draft) -> list[Found]:
    return other_names(draft.text, draft.candidates)


def not_headings_alone(draft: Draft) -> list[Found]:
    return drop_heading_only(draft.candidates, draft.headings)


def not_junk(draft: Draft) -> list[Found]:
    credits = Coverage(dateline_credits(draft.text))
    return [c for c in inside_phrases(draft.candidates, draft.text)
            if not is_junk(c, draft.common_acronyms, draft.text) and not is_demonym(c, draft.vocabulary)
            and not is_honorific_only(c) and not credits.touches(c.start, c.end)]


Step = Callable[[Draft], list[Found]]
STEPS: tuple[tuple[str, Step], ...] = (
    ("model spans", model_spans),
    ("second surnames", second_surnames),
    ("names run together", names_run_together),
    ("money and percentages", money_and_percentages),
    ("explicit dates", explicit_dates),
    ("projects", projects),
    ("vocabulary", vocabulary_terms),
    ("suffixed organisations and events", suffixed_organisations_and_events),
    ("datelines and areas", datelines_and_areas),
    ("whole place names", whole_places),
    ("people after titles", people_after_titles),
    ("organisations by context", organisations_by_context),
    ("landforms", landforms),
    ("months", months),
    ("acronyms", acronyms),
    ("short names after full ones", named_short_after_full),
    ("one type a name", one_type_a_name),
    ("whole names again", whole_names_again),
    ("surnames", surnames),
    ("places in context", places_in_context),
    ("names given twice", names_given_twice),
    ("not headings alone", not_headings_alone),
    ("not junk", not_junk),
)


NAME_JOINS = frozenset({" ", " bin ", " bint ", " binti ", " ibn ", " ben ", " bte "})


def joined_people(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Fatuma Said' + 'Mwinyi': two person spans the model cut from one name, with only a space between (or an Arabic
    'son of' / 'daughter of': 'Aisha' + ' bint ' + 'Khalfan al-Balushi')."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if joined and label == "PERSON" and joined[-1][2] == "PERSON" and text[joined[-1][1]:start] in NAME_JOINS:
            joined[-1] = (joined[-1][0], end, label)
        else:
            joined.append((start, end, label))
    return joined


def refine(
    text: str,
    spans: list[tuple[int, int, str]],
    headings: list[tuple[int, int]],
    vocabulary: Vocabulary,
    trace: Callable[[str, list[Found]], None] | None = None,
) -> Extraction:
    """spaCy's spans of one article -> its mentions, by running STEPS in order."""
    spans = joined_people(text, spans)
    # "Barrick Mining’s Reko Diq", one span to the model, is the owner and what it owns: each part is tidied.
    tidied = (tidy(text, part) for s, e, label in spans if label in MODEL_LABELS
              for piece in split_at_breaks(Found(s, e, text[s:e], MODEL_LABELS[label], text[s:e]))
              for part in split_possessive(piece))
    draft = Draft(text, headings, vocabulary, [c for c in tidied if c is not None])
    for name, step in STEPS:
        draft.candidates = step(draft)
        if trace is not None:
            trace(name, draft.candidates)
    mentions = tuple(sorted(non_overlapping(draft.candidates), key=lambda c: (c.start, c.end)))
    return Extraction("en", mentions, tuple(sorted(draft.acronyms.items())), tuple(sorted(draft.common_acronyms)))


def print_step(name: str, candidates: list[Found]) -> None:
    """A trace for refine(): each step's candidates, one line each."""
    print(f"-- {name}")
    for c in sorted(candidates, key=lambda c: (c.start, c.end)):
        print(f"   {c.start:>5} {c.type:<8} {c.origin:<8} {c.text!r} -> {c.name!r}")
