"""Acronyms defined in the text: 'Japan External Trade Organization (JETRO)'."""

from __future__ import annotations

import re

from ..model import VALUE_TYPES
from .gazetteer import place_kind
from .organisations import COMMON_TERMS, LEGAL_FORMS, LEGAL_PREFIX, OPENING_WORDS
from .people import HONORIFIC_WORDS
from .spans import Found, merge
from .tidy import retype

# "(JETRO)", "(MoUs)", "(ZCCM-IH)", and a share's ticker, "(ABX.TO)".
ACRONYM_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z0-9&.-]*[A-Z0-9][s]?)\)")
# "PT Kencana Tembaga Indonesia (PT Kencana)": a short name in brackets right after the full one.
SHORT_NAME_IN_PARENS = re.compile(r" \(((?:PT |CV )?[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){0,3})\)")
# "Marvand Copper Corporation Limited, the Karachi-listed miner formerly known as Sabz Pahar Metals Ltd",
# "Marvand, which was renamed from Sabz Pahar Metals in 2019": a company's former name is another name for it.
# "Kivolo, which traded as Sable Ridge Copper until 2019": so is the name it traded under.
# "… and was called Elazığ Krom Madencilik until 2011", "Founded as Elazığ Krom Madencilik, the company …": the
# name it had before (a sentence that opens "Founded as" is about the company the story is about: the last one named).
# "The company, known as Mulga Creek Gold until 2023, …", "changed its name from …": the same, said of the company
# a sentence is about.
FORMER_NAME = re.compile(r"\b(?:formerly(?: known as| called)?|previously (?:known as|called)|renamed from|once (?:known as|called)|"
                         # "AMT will be renamed QARMET": the name it takes is another name for it too
                         r"(?:was|will be|to be|has been|had been|is being|would be) renamed(?: as| to)?(?= [A-Z])|"
                         r"until \d{4} (?:known as|called)|(?:which|that) (?:trades|traded|operated|was known|did business) as|"
                         r"(?<=, )traded as|"
                         # (a legal form's full stop ends no sentence: "known as Exploraciones Paquisha Cía. Ltda. until")
                         # ("was called X until it became …", "traded as X before taking its current name")
                         rf"(?:was )?(?:called|named|known as|traded as)(?= [A-Z](?:(?!\. (?!{LEGAL_FORMS})[A-Z])[^\n]){{0,80}}? "
                         r"(?:until|before) (?:(?:19|20)\d{2}|it (?:became|took|adopted|changed)|taking|adopting|changing))|"
                         r"(?P<changed>changed (?:its|their) name from)|"
                         # "which was incorporated as Godavari Phosphates Ltd in 1987", "formerly Gyedu Resources Ltd"
                         # ("was founded in 2017 as X", "was founded in 1987 in Uberaba as X")
                         # ("The firm started in 1994 as X", "began in 2001 as X")
                         r"(?:was (?:incorporated|registered|set up|founded|established|formed|created)|started|began)"
                         r"(?: in (?:\d{4}|[A-Z][\w-]+(?: [A-Z][\w-]+)?)){0,2} as|"
                         r"(?P<founded>(?:Founded|Established|Incorporated|Set up|Started) as)) (?:the )?"
                         r"(?P<name>[A-Z][\w’'&-]*(?: (?:of |and |& |ve |y |de |del |do |da |du |des |la )?[A-Z][\w’'&.-]*){0,5}"
                         rf"(?:,? (?:{LEGAL_FORMS})(?![\w]))?)")

OPENING_NAME = re.compile(rf"(?:{OPENING_WORDS})\b")
# What a story calls the company it is about: "The company", "the miner", "the Bhubaneswar-based firm".
COMPANY_NOUN = r"(?:company|firm|miner|group|producer|explorer|developer|smelter|refiner|trader|lender|fund|operator)"
SENTENCE_ABOUT_THE_COMPANY = re.compile(rf"\s*(?:The|the) {COMPANY_NOUN}\b|\s*It\b")
THE_COMPANY_BEFORE = re.compile(rf"\b[Tt]he (?:[\w.’'-]+ )?{COMPANY_NOUN}(?:,? | \()$")  # ("The French firm (formerly X)")
CITED_BEFORE = re.compile(r"(?:told|according to|reported by|quoted by|said in|reports by) (?:the )?$")

FUNCTION_WORDS = {"of", "and", "for", "the", "in", "on", "to", "&", "de", "du", "des", "la"}


def apply_acronyms(text: str, candidates: list[Found]) -> tuple[list[Found], dict[str, str], set[str]]:
    """'Japan External Trade Organization (JETRO)': JETRO, wherever it appears, names the long form."""
    acronyms: dict[str, str] = {}
    common: set[str] = set()
    long_forms: dict[str, Found] = {}
    listed: set[str] = set()  # acronyms of a list of places
    again: list[Found] = []
    amounts_end = {c.end for c in candidates if c.type == "MONEY"}
    for match in ACRONYM_IN_PARENS.finditer(text):
        short = match.group(1)
        # "1.2 trillion Guinean francs (GNF)": a currency's code after an amount names no organisation.
        if len(text[:match.start()].rstrip()) in amounts_end:
            common.add(short)
            continue
        long_start = definition_start(text, match.start(), short)
        if long_start is None:
            # "Brazilian Development Bank (BNDES)": an acronym from another language does not spell the
            # name, but an organisation of several words right before the brackets is what it stands for.
            named = next((c for c in candidates if c.type == "ORG" and " " in c.text and c.end <= match.start()
                          and not text[c.end:match.start()].strip()), None)
            if named is None:
                continue
            long_start = named.start
        # "National Union of Southern Miners (SNMS)": the letters spell only "Southern Miners", but the name that
        # ends at the bracket is the whole organisation's.
        whole = next((c for c in candidates if c.type == "ORG" and c.start < long_start < c.end
                      and not text[c.end:match.start()].strip()), None)
        if whole is not None:
            long_start = whole.start
        long_text = re.sub(r"['’]s$", "", text[long_start:match.start()].rstrip())  # "China Molybdenum Company’s (CMOC)"
        if long_text[:1].islower() or long_text.casefold() in COMMON_TERMS or short.casefold() in COMMON_TERMS:
            common.add(short)
            common.add(short.rstrip("s"))
            continue
        # What the model or a rule made of the long form's first words gives its type: "Metallurgical Corporation",
        # not the "China" at its end.
        inside = [c for c in candidates if c.start <= long_start < c.end or long_start <= c.start < match.start()]
        existing = min(inside, key=lambda c: (c.start, -c.end)) if inside else None
        kind = retype(long_text, existing.type if existing and existing.type not in VALUE_TYPES else "ORG")
        if short in long_forms:
            # "Metallurgy Corporation of China (MCC)" then "Metallurgical Corporation of China (MCC)": one article
            # spells one acronym out twice, and means one organisation; the first spelling names it.
            first = long_forms[short]
            again.append(Found(long_start, long_start + len(long_text), long_text, first.type, first.name, origin="acronym"))
            continue
        long_found = Found(long_start, long_start + len(long_text), long_text, kind, long_text, origin="acronym")
        acronyms[short] = long_text
        long_forms[short] = long_found
        if places_listed(text, long_found, candidates):
            listed.add(short)  # "Europe, the Middle East and Africa (EMEA)": the places stay, each its own
    for short, long_found in other_names_given(text, candidates):
        acronyms.setdefault(short, long_found.name)
        long_forms.setdefault(short, long_found)
    if not acronyms and not common:
        return candidates, acronyms, common
    added = list({(f.start, f.end): f for f in [*(f for short, f in long_forms.items() if short not in listed), *again]}.values())
    # (Not where a longer name begins with it: "the Ma’aden Aluminium Company" is a unit of its own, not Ma’aden.)
    longer_names = [c for c in candidates if c.type in ("ORG", "PROJECT", "EVENT") and " " in c.text]
    for short, long_found in long_forms.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if " " in short or not any(c.start == match.start() and c.end > match.end() and c.text.startswith(short + " ")
                                       for c in longer_names):
                added.append(Found(match.start(), match.end(), short, long_found.type, long_found.name, origin="acronym"))
    return merge(candidates, added), acronyms, common


def places_listed(text: str, long_form: Found, candidates: list[Found]) -> bool:
    """The long form is a list of two places or more, each found as a place, joined by commas and "and"."""
    places = sorted((c for c in candidates if c.type in ("GPE", "LOC") and long_form.start <= c.start and c.end <= long_form.end),
                    key=lambda c: c.start)
    if len(places) < 2:
        return False
    rest = text[long_form.start:long_form.end]
    for place in reversed(places):
        rest = rest[:place.start - long_form.start] + " " + rest[place.end - long_form.start:]
    return re.fullmatch(r"(?:\s|,|\band\b|\bthe\b|&)*", rest) is not None


def other_names_given(text: str, candidates: list[Found]) -> list[tuple[str, Found]]:
    """Short names in brackets after an organisation, and former names: (other name, the organisation).
    'PT Kencana Tembaga Indonesia (PT Kencana)' also gives 'Kencana', the name without its legal form."""
    # (Not the model's "organisation" "CZK" inside the amount "CZK 4.1 billion".)
    values = [c for c in candidates if c.type in VALUE_TYPES]
    organisations = sorted((c for c in candidates if c.type == "ORG"
                            and not any(v.start <= c.start and c.end <= v.end for v in values)), key=lambda c: (c.start, c.end))
    given = []
    for match in SHORT_NAME_IN_PARENS.finditer(text):
        short = match.group(1)
        owner = next((c for c in organisations if c.end == match.start()), None)
        if owner is None or short == owner.name or " " not in short and short.isupper():
            continue  # an acronym: apply_acronyms' business
        long_words = set(owner.name.split())
        # "Federation of Emerald Miners of Boyacá (Fedemboy)", "Norwegian Offshore Directorate (Sodir)": one word in
        # brackets after an organisation's name of three words or more is its short name, unless it is a place.
        # (Of two words too when it is made of their beginnings: "Minerals Commission (Mincom)".)
        coined = (" " not in short and (len(owner.name.split()) >= 3 or made_of_word_starts(short, owner.name))
                  and not place_kind(short) and short[1:].lower() != short[1:].upper() and short not in ("Pvt", "Private", "Pty"))
        if set(short.split()) <= long_words or coined:
            given.append((short, owner))
            bare = LEGAL_PREFIX.sub("", short)
            if bare != short:
                given.append((bare, owner))
    for match in FORMER_NAME.finditer(text):
        sentence_start = sentence_start_before(text, match.start())
        in_sentence = [c for c in organisations if sentence_start <= c.start and c.end <= match.start()]
        about_the_company = SENTENCE_ABOUT_THE_COMPANY.match(text, sentence_start)
        bracketed = NAME_THEN_BRACKET.search(text, max(sentence_start, match.start() - 80), match.start())
        if bracketed:
            # "X (formerly Twitter)": the name right before the bracket, whatever the model made of it.
            owner = next((c for c in organisations if c.end == bracketed.end(1)),
                         Found(bracketed.start(1), bracketed.end(1), bracketed.group(1), "ORG", bracketed.group(1), origin="rule"))
        elif match.group("founded"):
            # "Founded as X, the company …": the company named last in the sentences before, not an outlet the
            # story cites ("… told Reuters. Founded as …").
            before = [c for c in organisations if max(-1, match.start() - 600) < c.start and c.end <= match.start()
                      and not CITED_BEFORE.search(text, max(0, c.start - 25), c.start)]
            owner = before[-1] if before else None
        elif in_sentence and not match.group("changed"):
            owner = in_sentence[-1]
        elif re.search(r"renamed(?: as| to)? (?:the )?$", text[match.start():match.start("name")]) and (
                named := NAME_RIGHT_BEFORE.search(text, max(sentence_start, match.start() - 80), match.start())):
            # "… reported that AMT will be renamed QARMET": the name right before the verb, whatever the model made of it.
            owner = Found(named.start(1), named.end(1), named.group(1), "ORG", named.group(1), origin="rule")
        elif THE_COMPANY_BEFORE.search(text, max(sentence_start, match.start() - 60), match.start()):
            # "… added that the firm, formerly Austral Cobre SpA, had …" (no company named before it in the sentence):
            # the company the story is about — or, in a story's first sentence, the one it opens with, whatever the
            # model made of it ("Kymijoki Energia will pay … since the company was founded in 1974 as …").
            owner = company_talked_about(text, sentence_start, organisations) or subject_of(text, sentence_start, candidates)
        elif about_the_company and (not match.group("changed") or subject_of(text, sentence_start, candidates) is None):
            # "The company, once called X, …", "The company changed its name …": the company the story is about.
            owner = company_talked_about(text, sentence_start, organisations)
        else:
            # The sentence's subject, whatever the model made of it (only an organisation changes its name or had
            # a former one): "Coolabah, which trades on the ASX, changed its name …", "Sankofa, formerly X, …".
            owner = subject_of(text, sentence_start, candidates)
        former = re.sub(r"(?: (?:in|until) \d{4}|,)$", "", match.group("name"))
        if owner is not None and not re.fullmatch(rf"(?:{LEGAL_FORMS})", former):
            given.append((former, Found(owner.start, owner.end, owner.text, "ORG", owner.name, origin="acronym")))
    return given


NAME_RIGHT_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,4}) $")
NAME_THEN_BRACKET = re.compile(r"(?<![\w-])([A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,5}) \($")


def sentence_start_before(text: str, index: int) -> int:
    def end_before(mark: str, at: int) -> int:
        at = text.rfind(mark, 0, at)
        # ("Lic. Ximena Gutiérrez", "J. Smith": a full stop after an honorific or an initial ends no sentence.)
        # (Nor one a legal form or a lowercase word follows: "Minera Nangaritza Cía. Ltda., the seller".)
        while mark == ". " and at != -1 and (ABBREVIATION_BEFORE.search(text, max(0, at - 12), at)
                                             or NO_SENTENCE_AFTER.match(text, at + 2)):
            at = text.rfind(mark, 0, at)
        return at

    ends = [(end_before(mark, index), len(mark)) for mark in (". ", ".” ", "\n")]
    return max([at + length for at, length in ends if at != -1], default=0)


NO_SENTENCE_AFTER = re.compile(rf"[a-z]|(?:{LEGAL_FORMS})(?![\w])")
ABBREVIATION_BEFORE = re.compile(rf"(?<![\w.])(?:{HONORIFIC_WORDS}|[A-Z])$")


# "Kamiya, which was known as …": capitalised words opening a sentence, then a comma; "ARM was founded in 2017 as
# …": or the verb the sentence says it with.
NAME_THEN_COMMA = re.compile(r"[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,3}(?=, )")
NAME_THEN_WAS = re.compile(r"[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,3}(?= (?:was|is|had|has) )")


DATELINE_OPENING = re.compile(r"[A-Z][A-Z’'. -]+(?:, [A-Z][\w. ]{1,20})? [—–-] ")
ROLE_THEN_NAME = re.compile(r"(?:The|Its|Their) (?:[a-z-]+ ){0,2}[a-z-]+, (?=[A-Z])")


def subject_of(text: str, sentence_start: int, candidates: list[Found]) -> Found | None:
    """The name a sentence opens with ("The" aside), if any: a candidate's, or capitalised words before a comma that
    nothing found."""
    dateline = DATELINE_OPENING.match(text, sentence_start)  # "TOKYO — Hanazono Corp. said …": after the dateline
    sentence_start = dateline.end() if dateline else sentence_start
    opening = sentence_start + (4 if text.startswith("The ", sentence_start) else 0)
    role = ROLE_THEN_NAME.match(text, sentence_start)
    if role:  # "The seller, Minera Nangaritza Cía. Ltda., keeps 40 percent": the name in apposition
        opening = role.end()
    found = next((c for c in candidates if c.start == opening and c.type not in VALUE_TYPES), None)
    if found is not None and re.match(r"-[a-z]", text[found.end:found.end + 2]):
        return None  # "The Bhubaneswar-based company, formerly …": the name only says where the company is
    if found is None and not any(c.start <= opening < c.end for c in candidates):
        named = NAME_THEN_COMMA.match(text, opening) or NAME_THEN_WAS.match(text, opening)
        if named and not OPENING_NAME.match(named.group(0)):
            found = Found(named.start(), named.end(), named.group(0), "ORG", named.group(0), origin="rule")
    return found


def company_talked_about(text: str, sentence_start: int, organisations: list[Found]) -> Found | None:
    """Which company 'The company' of a sentence is: the one the nearest sentence before opens with (past quotations
    and other sentences about 'the company'), else the first the article names."""
    start = sentence_start
    for _ in range(6):
        if start <= 0:
            break
        start = sentence_start_before(text, start - 2)
        opener = subject_of(text, start, organisations)
        if opener is not None and not called_a_site(text, opener.name):
            return opener
        if opener is None and not (text[start:start + 1] in "“\"‘'" or SENTENCE_ABOUT_THE_COMPANY.match(text, start)):
            break
    # (Not "State" of "State-owned Orano": a word before "-owned" says whose, and names no company.)
    companies = [c for c in organisations if c.start < sentence_start and not called_a_site(text, c.name)
                 and not re.match(r"-[a-z]", text[c.end:c.end + 2])]
    return companies[0] if companies else None


def called_a_site(text: str, name: str) -> bool:
    """'the Wila Kollu tin project', 'its Wila Kollu concession': the article calls the name a site, which has no
    former name of a company's (whatever the model made of the name where a sentence opens with it)."""
    # (Not "Orano runs another mine": a company's verb, an article or a determiner before the site word.)
    return re.search(rf"(?<![\w-]){re.escape(name)}(?: (?!{SITE_OWNER_WORDS}\b)[a-z-]+){{0,2}} "
                     r"(?:project|mine|concession|deposit|prospect)s?\b", text) is not None


SITE_OWNER_WORDS = (r"(?:runs|ran|owns|owned|operates|operated|has|had|holds|held|manages|develops|developed|builds|built|"
                    r"bought|buys|sold|sells|acquired|acquires|another|a|an|the|its|their|this|that|one|new|said|says)")


def made_of_word_starts(short: str, name: str) -> bool:
    """'Mincom' of 'Minerals Commission', 'KOMIR' of 'Korea Mine Rehabilitation and …', 'NALCO' of 'National
    Aluminium Company': the short name is the beginnings of two or more of the name's words, in order, two of them
    two letters or more (the others may be initials)."""
    words_ = [w.casefold() for w in name.split() if w[:1].isupper()]
    target = short.casefold()

    def fits(rest: str, index: int, long_starts: int) -> bool:
        if not rest:
            return long_starts >= 2
        return any(fits(rest[cut:], later + 1, long_starts + (cut >= 2))
                   for later in range(index, len(words_))
                   for cut in range(min(len(rest), len(words_[later])), 0, -1) if words_[later].startswith(rest[:cut]))
    return fits(target, 0, 0)


def definition_start(text: str, paren: int, short: str) -> int | None:
    """Where the long form before '(ABC)' starts: the fewest words that spell the acronym.

    Each letter of the short form, right to left, must appear in order in the
    long form, the first one at a word start (Schwartz & Hearst's rule): so
    "Japan External Trade Organization" spells JETRO and digits ("PMIF25") or
    a plural "s" ("MoUs") do not count.
    """
    letters = short[:-1] if short.endswith("s") and short[-2:-1].isupper() else short
    letters = re.sub(r"[^a-z]", "", letters.lower())
    before = text[max(0, paren - 160):paren]
    offset = paren - len(before)
    words = list(re.finditer(r"[\w’'&]+", before))
    if not words or not letters or before[words[-1].end():].strip():
        return None
    for count in range(1, min(len(words), 2 * len(letters) + 2) + 1):
        first = words[-count]
        candidate = before[first.start():words[-1].end()]
        if first.group(0).lower() in FUNCTION_WORDS or first.group(0)[0].lower() != letters[0]:
            continue
        if "\n" in candidate or re.search(r"[.;:!?]\s", candidate):
            return None
        if spells(letters, candidate.lower()):
            return first.start() + offset
    return None


def spells(letters: str, long_form: str) -> bool:
    position = len(long_form) - 1
    for index in range(len(letters) - 1, -1, -1):
        while position >= 0 and (
            long_form[position] != letters[index] or (index == 0 and position > 0 and long_form[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True

