"""Stage 4, link: per-article mentions -> one canonical entity per real thing.

- Names are folded (case, quotes, dashes, dots, a leading "the") and mapped
  through aliases: vocabulary spellings ("U.S." -> United States), acronyms an
  article defines ("JETRO" -> Japan External Trade Organization, in every
  article), and the curator's aliases.toml in the corpus folder.
- Names known anywhere in the corpus are found again where the model missed
  them (an acronym defined in one article, "Komatsu" in another).
- Each entity gets one type by vote (vocabulary and curator types win), a name
  (the curator's, the vocabulary's, else the commonest long form), aliases, and
  an id from its name: stable across builds as long as the name is.
- MONEY, PERCENT and DATE mentions are grouped by normalised value, so "$440M"
  and "440$ million" are one entity.

Washington stays its own GPE rather than an alias of the United States: the
model cannot tell the city from the government, and merging would credit every
mention of the city to the country.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .entities.acronyms import made_of_word_starts
from .entities.filters import in_ticker_bracket
from .entities.gazetteer import country_by_other_name, is_major_city, language_names, other_city_name, place_kind
from .entities.organisations import (
    BRACKETED_FORM,
    COMPANY_WORDS_FIRST,
    EVENT_SUFFIX,
    KIND_WORD,
    LEGAL_FORMS,
    LEGAL_PREFIX,
    OPENED_BY,
    ORG_SUFFIX,
    is_place_adjective,
)
from .entities.places import (
    ENGLISH_LANDFORM_WORDS,
    KIND_OF_WORD,
    LANDFORM_WORD,
    STATES_OF_FORM,
    dateline_credits,
    landform_word,
)
from .entities.spans import Extraction, Found
from .entities.values import value_name
from .model import TYPES, VALUE_TYPES, Article, Entity, Mention
from .paths import slugify
from .vocab import Vocabulary, alternation, entries, fold, initials, without_marks, words

CURATION_FILE = "aliases.toml"
# When votes tie, the more specific type wins.
TYPE_ORDER = ("PROJECT", "EVENT", "MINERAL", "PERSON", "ORG", "GPE", "LOC", "MONEY", "PERCENT", "DATE")
RESCAN_TYPES = ("PERSON", "ORG", "GPE", "LOC", "PROJECT", "EVENT")
# Words that may follow a company's short name in its full name ("Barrick" of "Barrick Gold Corporation"):
# its industry, its kind of company. Minerals count too (see is_tail); legal forms are cut off first.
COMPANY_TAIL = re.compile(alternation(words("organisation_words", "tail")))
# A company's legal form at the end of its name: what a later, shorter mention leaves off.
# (A unit's home in brackets goes with its legal form: "Tamarind Metals (Singapore) Pte Ltd" is "Tamarind Metals".)
LEGAL_SUFFIX = re.compile(rf",?\s+(?:{BRACKETED_FORM}\s*)?(?:{LEGAL_FORMS})$|\s+{BRACKETED_FORM}$"
                          rf"|\s+\([A-Z][\w .-]*\),?\s+(?:{LEGAL_FORMS})$")


class CurationError(Exception):
    """aliases.toml holds something Lode cannot use."""


@dataclass(frozen=True)
class Curation:
    """A curator's corrections, from aliases.toml in the corpus folder."""

    merge: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity name -> other names for it
    types: dict[str, str] = field(default_factory=dict)  # entity name -> type
    drop: tuple[str, ...] = ()  # names that are not entities
    separate: tuple[str, ...] = ()  # names no rule may merge into another entity
    # [stories] and [figures] belong to other stages, which read them (stories.py, figures.py).
    stories: dict[str, object] = field(default_factory=dict)
    figures: dict[str, object] = field(default_factory=dict)
    # entity name -> identifiers of the same thing elsewhere (a Wikidata item, an official site), as URLs:
    # entity pages give them as schema.org `sameAs`, so search engines and other tools can join them up.
    same_as: dict[str, tuple[str, ...]] = field(default_factory=dict)


def parse_curation(text: str, source: str = CURATION_FILE) -> Curation:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CurationError(f"{source}: {error}") from error
    unknown = sorted(set(data) - {"merge", "type", "drop", "separate", "stories", "figures", "same_as"})
    if unknown:
        raise CurationError(f"{source}: unknown section(s) {', '.join(unknown)}; use merge, type, drop, separate, "
                            "stories, figures, same_as")
    # A hand-written file gets one clear line for a value of the wrong shape ("merge = 'X'", a number in a
    # list), not a traceback, nor a string taken apart into its letters.
    for section, shape in (("merge", dict), ("type", dict), ("drop", list), ("separate", list), ("stories", dict),
                           ("figures", dict), ("same_as", dict)):
        if not isinstance(data.get(section, shape()), shape):
            raise CurationError(f"{source}: '{section}' must be a {'table' if shape is dict else 'list of names'}")
    merge = data.get("merge", {})
    for name, others in merge.items():
        if not isinstance(others, list) or not all(isinstance(other, str) for other in others):
            raise CurationError(f"{source}: [merge] {json.dumps(name, ensure_ascii=False)} must be a list of names")
    for section in ("drop", "separate"):
        if not all(isinstance(name, str) for name in data.get(section, [])):
            raise CurationError(f"{source}: '{section}' must be a list of names")
    types = {str(k): str(v).upper() for k, v in data.get("type", {}).items()}
    bad = sorted(t for t in types.values() if t not in TYPES)
    if bad:
        raise CurationError(f"{source}: unknown type(s) {', '.join(bad)}; use one of {', '.join(TYPES)}")
    same_as = {str(k): tuple(str(u) for u in ([v] if isinstance(v, str) else v)) for k, v in data.get("same_as", {}).items()}
    # Identifiers are printed into pages as links for machines: only absolute web URLs, never javascript: or a path.
    odd = sorted(url for urls in same_as.values() for url in urls if not re.fullmatch(r"https?://[^\s\"'<>]+", url))
    if odd:
        raise CurationError(f"{source}: same_as takes absolute http(s) URLs (such as https://www.wikidata.org/wiki/Q42); "
                            f"not {', '.join(odd)}")
    return Curation(
        merge={k: tuple(v) for k, v in merge.items()},
        types=types,
        drop=tuple(data.get("drop", [])),
        separate=tuple(data.get("separate", [])),
        stories=data.get("stories", {}),
        figures=data.get("figures", {}),
        same_as=same_as,
    )


def merge_groups(merge: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """The curator's merges as groups of names that are one entity, each named by the first name of
    [merge] in it. Entries that name each other ("A" = ["B"] and "B" = ["A"], or a longer cycle) are one
    group, not a contest won by the later line; a name merged into itself changes nothing."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.setdefault(name, name) != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for name, others in merge.items():
        for other in others:
            parent[root(key(other))] = root(key(name))
    groups: dict[str, list[str]] = {}
    named: dict[str, str] = {}
    for name, others in merge.items():
        group = named.setdefault(root(key(name)), name)
        groups.setdefault(group, []).extend([name, *others])
    return groups


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """'the U.S.' and 'US', 'Japan–Pakistan' and 'Japan-Pakistan', 'Martín' and 'Martin', 'Republic of the Congo' and
    'Republic of Congo' fold to one key."""
    name = without_marks(re.sub(r"^the\s+", "", fold(name)).replace(" of the ", " of "))
    return re.sub(r"[^\w]+", " ", name.replace(".", "")).strip()


def ambiguous_acronyms(definitions: Counter[tuple[str, str]]) -> set[str]:
    """Acronyms the corpus spells out as names that share no word ("Pakistan Tehreek-e-Insaf", "Press Trust of
    India"), or that name two places ("Botswana Stock Exchange", "Bombay Stock Exchange"): not two spellings of one
    name but two names."""
    words_of: dict[str, list[set[str]]] = defaultdict(list)
    for short, long in definitions:
        words_of[short].append(set(key(long).split()) - {"of", "the", "and", "for"})

    def two_names(a: set[str], b: set[str]) -> bool:
        return not (a & b) or (any(place_kind(w) for w in a - b) and any(place_kind(w) for w in b - a))
    return {short for short, sets in words_of.items()
            if any(two_names(a, b) for i, a in enumerate(sets) for b in sets[i + 1:])}


class Aliases:
    """Name -> canonical name, from the vocabulary, acronyms and the curator."""

    def __init__(self, vocabulary: Vocabulary, extractions: list[Extraction], curation: Curation) -> None:
        self.separate = {key(n) for n in curation.separate}
        self.family_heads: set[str] = set()  # short names that company_families made the name of a family
        self.canonical: dict[str, str] = {}
        self.fixed_type: dict[str, str] = {}
        for term in vocabulary.terms:
            self._add(term.surface, term.canonical)
            self.fixed_type[key(term.canonical)] = term.type
        definitions: Counter[tuple[str, str]] = Counter(pair for e in extractions for pair in e.acronyms)
        # Where articles spell out an acronym differently, the commonest spelling is the name; but an acronym that
        # stands for different names ("PTI": a party and a news agency) names whatever its own article says.
        self.ambiguous = ambiguous_acronyms(definitions)
        for (short, long), _ in sorted(definitions.items(), key=lambda item: (-item[1], item[0])):
            if key(short) not in self.canonical and short not in self.ambiguous:
                self._add(short, long)
            elif short not in self.ambiguous and key(short) in self.canonical:
                # ("Mineral Resources Corporation (KOMIR)" in one article, "Korea Mine Rehabilitation and Mineral
                # Resources Corporation (KOMIR)" in another: two spellings of one name, the commoner names it.)
                self._add(long, self.canonical[key(short)])
        for name, others in merge_groups(curation.merge).items():
            for other in others:
                self.canonical[key(other)] = name
        for name, kind in curation.types.items():
            self.fixed_type[key(self.resolve(name))] = kind

    def _add(self, alias: str, name: str) -> None:
        if key(alias) != key(name):
            self.canonical.setdefault(key(alias), name)

    def free(self, name: str) -> bool:
        """A rule may give this name another's: the curator does not keep it apart, nor does the curator or the
        vocabulary fix its type."""
        return key(name) not in self.separate and key(name) not in self.fixed_type

    def unclaimed(self, name: str) -> bool:
        """Free, and no rule has given it another name yet."""
        return self.free(name) and key(name) not in self.canonical

    def resolve(self, name: str) -> str:
        seen = set()
        while key(name) in self.canonical and key(name) not in self.separate and key(name) not in seen:
            seen.add(key(name))
            name = self.canonical[key(name)]
        return name


def link(
    articles: tuple[Article, ...],
    extractions: list[Extraction],
    vocabulary: Vocabulary,
    curation: Curation | None = None,
) -> tuple[tuple[Article, ...], tuple[Entity, ...]]:
    """Articles with their mentions and language filled in, and every entity of the corpus."""
    curation = curation or Curation()
    aliases = Aliases(vocabulary, extractions, curation)
    # A name the curator keeps apart is its own entity, whatever a rule called it. The outlet that published an
    # article and the people who signed it are its metadata, never its mentions (an outlet it cites stays).
    signers = [signed_by(article) for article in articles]
    found = [[replace(m, name=m.text) if key(m.text) in aliases.separate else m for m in e.mentions if key(m.text) not in signed]
             for signed, e in zip(signers, extractions, strict=True)]
    rescan(articles, extractions, found, aliases)
    national_companies(articles, found, aliases)
    short_forms_inside(found, aliases)
    initials_of_names(found, aliases)
    country_spellings(found, aliases, vocabulary)
    place_spacings(found, aliases)
    transliterations(found, aliases)
    city_names(found, aliases)
    company_families(found, aliases, vocabulary)
    fuller_names(found, aliases, vocabulary, named_together(articles, found))
    glossed_names(found, aliases)
    people_and_events(found, aliases)
    provinces(found, aliases)
    project_kinds(found, aliases)
    landform_names(found, aliases)
    not_surnames_of_organisations(found, aliases)
    groups: dict[str, list[tuple[int, Found]]] = defaultdict(list)
    for index, mentions in enumerate(found):
        for mention in mentions:
            groups[group_key(mention, aliases)].append((index, mention))
    dropped = {key(aliases.resolve(n)) for n in curation.drop} | {key(n) for n in curation.drop}
    same_as = {key(aliases.resolve(name)): urls for name, urls in curation.same_as.items()}
    entities: dict[str, Entity] = {}
    entity_of: dict[str, str] = {}
    used_ids: set[str] = set()
    for group in sorted(groups):
        members = [m for _, m in groups[group]]
        kind = vote_type(members, aliases)
        name = entity_name(members, kind, aliases)
        if kind == "PERSON" and not is_named_person(name, members):
            if place_kind(name) is None:
                continue
            kind = "GPE"  # "Minaçu", which the model read as a person, is a town the gazetteer knows
        if key(name) in dropped or any(key(m.text) in dropped for m in members):
            continue
        entity_id = unique_id(name, kind, used_ids)
        surface = {m.text for m in members} | {m.name for m in members if m.type not in VALUE_TYPES}
        # Spellings that differ only in case ("Copper" starting a sentence) are not aliases.
        others = sorted({s for s in surface if fold(s) != fold(name)}, key=lambda s: (s.casefold(), s))
        entities[entity_id] = Entity(entity_id, name, kind, tuple(others), f"entities/{entity_id}.html",
                                     same_as.get(key(name), same_as.get(group, ())))
        entity_of[group] = entity_id
    linked = []
    for index, article in enumerate(articles):
        mentions = tuple(
            Mention(article.id, m.start, m.end, m.text, entity_of[group_key(m, aliases)], m.value)
            for m in sorted(found[index], key=lambda m: (m.start, m.end))
            if group_key(m, aliases) in entity_of
        )
        linked.append(replace_article(article, mentions, extractions[index].language))
    ordered = tuple(sorted(entities.values(), key=lambda e: (TYPE_ORDER.index(e.type), e.name.casefold(), e.id)))
    return tuple(linked), ordered


def signed_by(article: Article) -> set[str]:
    """Keys of the publishing outlet's name and initials ("Asia Commodity Wire", "ACW") and of the authors; and of
    the wire its dateline credits ("MEXICO CITY (Reuters) -": a wire's story another site carries is the wire's, and
    "told Reuters" there names its publisher)."""
    names = {name for name in article.authors if " " in name}  # a one-word "author" is more likely a place read wrong
    if article.source:
        names.add(article.source)
        if len(initials(article.source)) >= 2:
            names.add(initials(article.source))
    names.update(article.text[start:end] for start, end in dateline_credits(article.text[:400]))
    return {key(name) for name in names}


def replace_article(article: Article, mentions: tuple[Mention, ...], language: str) -> Article:
    return replace(article, mentions=mentions, language=article.language or language)


def is_named_mineral(mention: Found) -> bool:
    """A mineral the word lists or mineralogy name is that mineral, whatever company shares the word: "uranium" is no
    short form of "Uranium Energy Corp."."""
    return mention.type == "MINERAL" and mention.origin in ("vocab", "rule")


def group_key(mention: Found, aliases: Aliases) -> str:
    if mention.type in VALUE_TYPES:
        return mention.type + " " + json.dumps(mention.value, sort_keys=True)
    if is_named_mineral(mention):
        return "MINERAL " + key(mention.name)
    return key(aliases.resolve(mention.name))


# How much one mention's type counts when the corpus decides an entity's type. A legal form or an event word in
# the name, a vocabulary entry and a definition in the text settle it; a rule that read the context (a job
# title, a place's context, "the X mine") weighs more than the model's guess, but one such hit in one article
# does not outweigh what many articles say. A name found again by rescan, or a part of a name taken for a surname
# ("Rio" of "Rio Tinto", which the model once called a person), brings no evidence of its own.
EVIDENCE = {"vocab": 10.0, "acronym": 10.0, "suffix": 10.0, "rule": 3.0, "surname": 0.25, "model": 1.0, "linked": 0.25}


def evidence(mention: Found) -> float:
    legal_form = ORG_SUFFIX.search(mention.name) or LEGAL_PREFIX.match(mention.name)
    if (mention.type == "ORG" and legal_form) or (mention.type == "EVENT" and EVENT_SUFFIX.search(mention.name)):
        return EVIDENCE["suffix"]
    return EVIDENCE[mention.origin]


def is_named_person(name: str, members: list[Found]) -> bool:
    """A person the corpus names: somewhere with a given name and a surname, or after a title ("Mr Khan", a rule's
    find). A lone word the model alone called a person, never written whole anywhere in the corpus, is more often a
    place, an outlet or a word than a person's name ("Dawn", a village's "Wulan" of "Wulandari")."""
    return " " in name.strip() or any(" " in m.name.strip() or m.origin != "model" for m in members)


def vote_type(members: list[Found], aliases: Aliases) -> str:
    """The entity's type by the weight of evidence across the corpus (vocabulary and curator types win)."""
    fixed = aliases.fixed_type.get(key(aliases.resolve(members[0].name)))
    if fixed:
        return fixed
    weights: Counter[str] = Counter()
    for m in members:
        weights[m.type] += evidence(m)
    return min(weights, key=lambda t: (-weights[t], TYPE_ORDER.index(t)))


def entity_name(members: list[Found], kind: str, aliases: Aliases) -> str:
    if kind in VALUE_TYPES:
        return value_name(kind, members[0].value or {})
    resolved = aliases.resolve(members[0].name)
    # (The name a rule gave the others, even where its own form is written less often: "Western Australia", not "WA".)
    if key(resolved) in aliases.fixed_type or any(key(m.name) != key(resolved) for m in members):
        return resolved
    counts = Counter(m.name for m in members)
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def unique_id(name: str, kind: str, used: set[str]) -> str:
    base = slugify(name, fallback_seed=f"{kind}:{name}")
    if kind in VALUE_TYPES:
        base = f"{kind.lower()}-{base}"
    candidate = base if base not in used else f"{base}-{kind.lower()}"
    number = 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate


def rescan(articles: tuple[Article, ...], extractions: list[Extraction], found: list[list[Found]], aliases: Aliases) -> None:
    """Find names known somewhere in the corpus where an article's own pass missed them."""
    known: dict[str, tuple[str, str]] = {}  # surface -> (name, type)
    for mentions in found:
        for m in mentions:
            if m.type not in RESCAN_TYPES:
                continue
            for surface in {m.text, m.name}:
                multiword = " " in surface.strip()
                acronym = surface.isupper() and len(surface) >= 2
                proper_noun = m.type in ("ORG", "PROJECT", "EVENT", "GPE") and surface[:1].isupper() and m.origin != "surname"
                if OPENED_BY.fullmatch(surface):
                    continue  # "The", "However": a sentence's first word is never sought as a name
                if (multiword and m.origin != "surname") or acronym or proper_noun:
                    known.setdefault(surface, (m.name, m.type))
    type_of_name = {m.name: m.type for mentions in found for m in mentions}
    for extraction in extractions:
        for short, long in extraction.acronyms:
            known.setdefault(short, (long, type_of_name.get(long, "ORG")))
    for short in aliases.ambiguous:
        known.pop(short, None)  # found only where its own article spells it out
    if not known:
        return
    # Surfaces by their first word, longest first: each word of an article is looked up once, so the cost grows with
    # the text, not with the number of names the corpus knows (one alternation of thousands of names was the
    # slowest part of linking a large corpus).
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for surface in sorted(known, key=lambda s: (-len(s), s)):
        first = re.match(r"\w+", surface)
        if first and first.start() == 0:
            by_first_word[first.group(0)].append(surface)
    for index, article in enumerate(articles):
        if extractions[index].language != "en":
            continue
        text = article.text
        # (Nor in a dateline's credit of its wire, "DAKAR (Reuters) –": no mention, like a byline.)
        taken = sorted([(m.start, m.end) for m in found[index]] + dateline_credits(text))
        starts, ends = [start for start, _ in taken], [end for _, end in taken]
        resume = 0
        for word in re.finditer(r"\w+", text):
            at = word.start()
            if at < resume or (at and is_word_char(text, at - 1)):
                continue
            surface = next((s for s in by_first_word.get(word.group(0), ())
                            if text.startswith(s, at) and not is_word_char(text, at + len(s))), None)
            if surface is None:
                continue
            end = at + len(surface)
            resume = end
            if surface.isupper() and in_ticker_bracket(text, at, end):
                continue  # "(RTNTF,RIO,RIO.L)": a share's code, not the company's name
            after = bisect.bisect_right(starts, at)  # the article's mentions never overlap: neighbours decide
            if (after and ends[after - 1] > at) or (after < len(starts) and starts[after] < end):
                continue
            name, kind = known[surface]
            found[index].append(Found(at, end, surface, kind, name, origin="linked"))
            position = bisect.bisect_left(starts, at)
            starts.insert(position, at)
            ends.insert(position, end)


def national_companies(articles: tuple[Article, ...], found: list[list[Found]], aliases: Aliases) -> None:
    """'Freeport Indonesia', 'Komatsu Pakistan': a company the corpus knows, then a country, is that company's
    national arm, an organisation (its own entity), whatever the model guessed, and wherever its span stopped
    (unless the model read the country apart: "the JICA Pakistan office")."""
    companies = {key(aliases.resolve(m.name)) for mentions in found for m in mentions if m.type == "ORG"}
    for article, mentions in zip(articles, found, strict=True):
        starts = {m.start for m in mentions}
        for index, m in enumerate(mentions):
            if (key(aliases.resolve(m.name)) in companies and m.type not in VALUE_TYPES
                    and place_kind(m.name) not in ("country", "subdivision")):
                after = re.match(r" ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w’'-]| [A-Z])", article.text[m.end:m.end + 40])
                if after and place_kind(after.group(1)) == "country" and m.end + 1 not in starts:
                    end = m.end + after.end()
                    name = article.text[m.start:end]
                    mentions[index] = replace(m, end=end, text=name, name=name, type="ORG", origin="rule")
            elif m.type in ("GPE", "LOC", "PERSON") and m.origin in ("model", "linked") and " " in m.name:
                head, _, country = m.name.rpartition(" ")
                if place_kind(country) == "country" and key(aliases.resolve(head)) in companies and not place_kind(head):
                    mentions[index] = replace(m, type="ORG", origin="rule")


def is_word_char(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


# "Export-Import Bank of China" is "China Export-Import Bank"; "Exim" is short for "Export-Import".
OF_PLACE = re.compile(r"^(?P<body>.+ (?:Bank|Agency|Corporation|Fund|Authority|Commission|Council|Office)) of (?:the )?"
                      r"(?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)$")
# "Ministry of Energy and Mineral Resources" is the "Energy and Mineral Resources Ministry".
BODY_OF_PORTFOLIO = re.compile(r"^(?P<body>Ministry|Department|Directorate|Bureau|Office|Agency) of (?:the )?(?P<portfolio>.+)$")
SHORT_WORDS = {"exim": "export-import", "ex-im": "export-import"}
SHORT_HYPHENATED = re.compile(r"(?i:\bex-im\b|\bexport-import\b)")  # kept whole: "Export-Import" is one word of a name


def is_company_tail(words: str, vocabulary: Vocabulary) -> bool:
    """'Gold', 'Mining', 'Group', and any mineral ('Uranium', 'Rare Earth'): what may follow a company's short name."""
    term = vocabulary.lookup(words)
    return bool(COMPANY_TAIL.fullmatch(words) or (term is not None and term.type == "MINERAL") or GERMAN_TAIL.search(words))


# German names run their industry into one word: "Rheinfeld Batteriematerialien GmbH" is known as "Rheinfeld".
GERMAN_TAIL = re.compile(r"^[A-ZÄÖÜ]\w*(?:materialien|metalle|rohstoffe|werke|chemie|technik|bergbau|handel)$")


def is_generic_word(word: str) -> bool:
    """'International', 'Bank', 'New', 'State': no company is known by this word alone."""
    return bool(COMPANY_TAIL.fullmatch(word) or ORG_SUFFIX.search(" " + word)
                or word.casefold() in ("the", "new", "state", "national", "federal", "central", "general", "public", "united"))


# "Minera Istmo Azul, S.A.": a word saying "company" in the name's own language, before the name.
LEADING_COMPANY_WORD = re.compile(rf"^(?:(?:{alternation(COMPANY_WORDS_FIRST)}) )+(?=\S)")


# "Katsina State", "Nasarawa State": a province's or state's name with its administrative word.
ADMINISTRATIVE_SUFFIX = re.compile(r" (?:State|Province|Region|Governorate|Oblast|Prefecture|County|Department)$")
# "Tartur Phosphate and Chemicals Company" and "… Phosphate & Chemicals …": one name.
AND_IN_NAME = re.compile(r"\s+and\s+")


def company_core(name: str, vocabulary: Vocabulary, taken: set[str]) -> str:
    """The part of an organisation's name its other forms share: 'Marvand' of 'Marvand Copper Corporation
    Limited', 'Marvand Copper Corp', 'Marvand Group'; 'China Export-Import Bank' of 'Export-Import Bank of China'.

    Legal forms go (at both ends), then trailing industry words ("Copper", "Group"), but never so far that the
    core is only a generic word ("International"), a country or province ("Pakistan" of "Pakistan Mineral
    Holdings", which stays "Pakistan Mineral") or a project's name ("Reko Diq" of "Reko Diq Mining Company").
    A name with "of" in it is a body's, not a company's: "Ministry of Mineral Resources" is not "… of Minerals"."""
    name = AND_IN_NAME.sub(" & ", name)  # ("Tartur Phosphate and Chemicals Company" is "… Phosphate & Chemicals …")
    if place_kind(name) or place_kind(ADMINISTRATIVE_SUFFIX.sub("", name)) in ("city", "subdivision"):
        # "Abu Dhabi" is a place, whatever the model called it: no company's family; nor is "Katsina State", which
        # is no "State Mining Corporation".
        return key(name)
    opened = LEADING_COMPANY_WORD.sub("", without_legal_form(name))
    if opened != without_legal_form(name) and place_kind(re.sub(r"^(?:de|del|do|da|des|du|di|de la) ", "", opened)):
        # "Borsa Istanbul" is not the city it names; "Minera Huarmey" is "Compañía Minera Huarmey S.A.A." (the last
        # company word stays with the town's name).
        words_ = without_legal_form(name).split()
        return key(" ".join(words_[len(words_) - len(opened.split()) - 1:]))
    name = opened
    of_place = OF_PLACE.match(name)
    if of_place and place_kind(of_place.group("place")):
        name = f"{of_place.group('place')} {of_place.group('body')}"
    portfolio = BODY_OF_PORTFOLIO.match(name)
    if portfolio:
        name = f"{portfolio.group('portfolio')} {portfolio.group('body')}"
    # "ZCCM-Investment Holdings" and "ZCCM Investments Holdings Plc": a hyphen joins words, not a name.
    kept_whole = SHORT_HYPHENATED.sub(lambda m: m.group(0).replace("-", "_"), name)
    words = [SHORT_WORDS.get(w.casefold(), w) for w in re.split(r"[ -]", kept_whole)]
    words = [w.replace("_", "-") for w in words if w]
    while len(words) > 1 and "of" not in words:
        # One industry word ("Copper"), or a mineral of two ("Rare Earth" of "Viet Bac Rare Earth JSC").
        cut = (2 if len(words) > 2 and is_company_tail(" ".join(words[-2:]), vocabulary)
               else 1 if is_company_tail(words[-1], vocabulary) else 0)
        if not cut:
            break
        rest = words[:-cut]
        place = vocabulary.lookup(" ".join(rest))
        # (Nor a country's adjective: "Finnish" of "Finnish Minerals Group" stands for every Finnish body.)
        if ((len(rest) == 1 and (is_generic_word(rest[0]) or is_place_adjective(rest[0]) or rest[0] in language_names()))
                or place_kind(" ".join(rest)) in ("country", "subdivision") or is_major_city(" ".join(rest))
                or (place is not None and place.type in ("GPE", "LOC")) or key(" ".join(rest)) in taken):
            break
        words = rest
    # "Kashgar Huaxin", "Hunan Jinlong": a company named with its home town or province is known by the rest (which
    # may share a small town's name, as many Chinese companies' do, but not a province's or a country's).
    rest = " ".join(words[1:])
    if (len(words) >= 2 and place_kind(words[0]) in ("city", "subdivision") and place_kind(rest) in (None, "city")
            and not ORG_SUFFIX.search(rest)
            and not is_company_tail(rest, vocabulary)):
        words = words[1:]
    return key(" ".join(words))


def same_legal_form(name: str, other: str) -> bool:
    """Both names end in one legal form ("LLP", "Ltd"), each after words of its own."""
    form = name[len(without_legal_form(name)):].strip(" ,.").casefold()
    return bool(form) and form == other[len(without_legal_form(other)):].strip(" ,.").casefold()


def legal_core(name: str) -> str:
    """'Tianrun Power Group Co., Ltd.' and 'Tianrun Power Group Company Limited': one name, the legal form aside."""
    return key(re.sub(r"(?: (?:Company|Corporation|Co|Corp))+$", "", without_legal_form(AND_IN_NAME.sub(" & ", name)).rstrip(".,")))


def company_families(found: list[list[Found]], aliases: Aliases, vocabulary: Vocabulary) -> None:
    """All forms of one company's name are one entity, in every article: 'Barrick', 'Barrick Gold' and the
    renamed 'Barrick Mining Corporation'; 'Korea Strategic Minerals Corp.' and '… Corporation'; 'China Exim Bank'
    and the 'Export-Import Bank of China'. A bare short name joins when its family is the only one it heads.

    (Not 'Komatsu' for 'Komatsu Pakistan Mining Limited': that is another company. Not 'Chengeta' for 'Chengeta
    Lithium (Private) Limited' where a rule made 'Chengeta' a mine.)
    """
    taken = {key(m.name) for mentions in found for m in mentions if m.type in ("PROJECT", "EVENT") and m.origin != "model"}
    counts: Counter[str] = Counter(aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "ORG")
    family: dict[str, set[str]] = defaultdict(set)  # core -> full names
    for name in counts:
        core = company_core(name, vocabulary, taken)
        if core and core != key(name) or " " in name:
            family[core].add(name)
    families = {core: names for core, names in family.items() if core not in taken and (len(names) > 1 or key(next(iter(names))) != core)}
    if not families:
        return
    def most_used(names: set[str]) -> str:  # the name used most, then the longest (the fullest legal name)
        return min(names, key=lambda n: (-counts[n], -len(n), n))

    canonical_of: dict[str, str] = {}
    for core, names in families.items():
        # "Shannonside Holdings plc" and "Shannonside Minerals DAC": two names each with its own legal form are a
        # parent and its unit, two companies (a renamed one the text said so of is already one); each keeps the forms
        # of its own name, and the bare "Shannonside" joins neither.
        legal = {legal_core(n) for n in names if without_legal_form(n) != n}
        if len(legal) >= 2:
            for bare in legal:
                own = {n for n in names if legal_core(n) == bare}
                chosen = most_used(own)
                canonical_of.update((key(n), chosen) for n in own)
            continue
        chosen = most_used(names)  # stands for the family
        if core in aliases.canonical:
            # "CMOC Group", where "CMOC" is defined as "China Molybdenum Company": the family is the defined name's;
            # but "MCC Resources Development Company" is a company of its own, not the MCC the text defined.
            if not all(re.fullmatch(rf"{re.escape(core)}(?: (?:group|holdings?))?", key(without_legal_form(n))) for n in names):
                continue
            chosen = aliases.resolve(core)
        for name in names:
            canonical_of[key(name)] = chosen
        canonical_of.setdefault(core, chosen)
        if key(chosen) == core:
            aliases.family_heads.add(core)
    for alias, name in canonical_of.items():
        if alias != key(name) and aliases.free(alias):
            aliases.canonical[alias] = name
    for mentions in found:
        for index, m in enumerate(mentions):
            # (Nor a town a place rule read in its context, "In Taltal, the mayor …", named like "Compañía Minera
            # Taltal Ltda.": a company named after its town leaves the town a town.)
            # (Nor a mineral the word lists name: "uranium" of "Uranium Energy Corp." stays the metal.)
            if (m.type in VALUE_TYPES or key(m.name) in taken or (m.type in ("GPE", "LOC") and m.origin == "rule")
                    or is_named_mineral(m)):
                continue
            chosen = canonical_of.get(key(aliases.resolve(m.name)))
            if chosen is None and m.origin == "model" and m.type != "ORG":
                # "Malabanan Nickel", which the model took for a person: a name with a company's tail is a
                # company's, and its core says which.
                # "Istmo Azul" of "Minera Istmo Azul, S.A.": a name of two words or more that is a company's core.
                core = company_core(m.name, vocabulary, taken)
                chosen = canonical_of.get(core) if core != key(m.name) or " " in core else None
            if chosen is not None:
                mentions[index] = replace(m, type="ORG", name=chosen)


LEGAL_WORDS = frozenset(w.strip(".?").casefold() for form in words("legal_forms") for w in form.split())
SHORT_FORM_INSIDE = re.compile(r"(.+?) \(([A-Z][\w&-]*)\) (\S.*)")


def short_forms_inside(found: list[list[Found]], aliases: Aliases) -> None:
    """'US Export-Import (Exim) Bank' defines 'Exim Bank' in passing: both are 'US Export-Import Bank'."""
    for name in {aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "ORG"}:
        match = SHORT_FORM_INSIDE.fullmatch(name)
        if not match or match.group(2).casefold() in LEGAL_WORDS:
            continue  # "Wah Nobel (Pvt) Limited": a legal form in brackets is no short name
        plain = f"{match.group(1)} {match.group(3)}"
        for form in (name, f"{match.group(2)} {match.group(3)}"):
            if key(form) not in aliases.separate and key(form) not in aliases.canonical:
                aliases.canonical[key(form)] = plain


EXCHANGE = re.compile(r"(.+?( Stock| Securities)?) Exchange")


def initials_of_names(found: list[list[Found]], aliases: Aliases) -> None:
    """'TKC' where no article spells it out is 'Tavan Khuder Coal LLC' when that is the one organisation of the
    corpus whose words' initials it is (never where two are: 'PTI' a party and a news agency)."""
    names = sorted({aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "ORG"})
    # Initials -> the organisations whose initials they are, one per name without its legal form ("Bowal Bauxite
    # Guinée SA" and "Bowal Bauxite Guinée" are one), written in full.
    by_initials: dict[str, dict[str, str]] = defaultdict(dict)
    # "KOMIR" of "Korea Mine Rehabilitation and …": capitals made of the words' beginnings, by their first two letters.
    by_start: dict[str, set[str]] = defaultdict(set)
    for name in names:
        bare = without_legal_form(name)
        if name.isupper():
            continue
        # (Initials may leave off "Company": "TPC" of "Tartur Phosphate & Chemicals Company".)
        spellings = {initials(bare), initials(re.sub(r" (?:Company|Corporation|Group|Holdings?)$", "", bare)),
                     # ("FCSA" of "Fertilizantes Cerrado S.A.": the legal form's letters too)
                     initials(bare) + re.sub(r"[^A-Z]", "", name[len(bare):])}
        # An exchange's initials end in its X: "ASX", "TSX"; "ADX" leaves off "Securities".
        exchange = EXCHANGE.fullmatch(bare)
        if exchange:
            spellings |= {initials(exchange.group(1)) + "X", initials(exchange.group(1).replace(exchange.group(2) or "", "")) + "X"}
        for letters in spellings:
            if 2 <= len(letters) <= 6:
                fullest = by_initials[letters].get(key(bare), "")
                by_initials[letters][key(bare)] = max(fullest, name, key=lambda n: (len(n), n))
        if len(bare.split()) >= 2:
            by_start[key(bare)[:2]].add(name)
    # "ZN Wisłoka" of "Zakłady Nawozowe Wisłoka S.A.": initials for the first words, the last written out.
    for name in names:
        initialled = re.fullmatch(r"([A-Z]{2,4}) ([A-Z]\S*(?: \S+)?)", name)
        if not initialled or not aliases.unclaimed(name):
            continue
        letters, rest = initialled.groups()
        fits = [n for n in names if n != name and key(without_legal_form(n)).endswith(" " + key(rest))
                and initials(without_legal_form(n)[:-len(rest)]) == letters]
        if len({key(without_legal_form(n)) for n in fits}) == 1:  # (one name, with or without its legal form)
            aliases.canonical[key(name)] = max(fits, key=lambda n: (len(n), n))
    # (And capitals the model took for a place that no gazetteer knows: "the World Bank's ICSID tribunal".)
    unplaced = {aliases.resolve(m.name) for mentions in found for m in mentions
                if m.type in ("GPE", "LOC") and m.origin == "model" and place_kind(m.name) is None}
    for name in sorted(set(names) | unplaced):
        if not re.fullmatch(r"[A-Z]{2,6}", name) or not aliases.unclaimed(name):
            continue
        fits = set(by_initials.get(name, {}).values())
        # (The acronym's own articles are read only where a choice needs them: a scan of the corpus for each.)
        own_articles: list[list[Found]] | None = None
        if not fits and len(name) >= 4:
            # (Words' beginnings are weaker evidence than initials: from two words, only a name its own articles give.
            # "COSEC" in one story is no "Concorde Securities" of another.)
            fits = {n for n in by_start.get(key(name)[:2], ()) if made_of_word_starts(name, without_legal_form(n))}
            if any(len(without_legal_form(n).split()) < 3 for n in fits):
                own_articles = articles_naming(name, found, aliases)
                beside = {aliases.resolve(m.name) for mentions in own_articles for m in mentions}
                fits = {n for n in fits if len(without_legal_form(n).split()) >= 3 or n in beside}
        if len(fits) > 1:
            # "TSX" beside "Toronto Stock Exchange" in one article, where another names the "Tokyo Stock Exchange":
            # the one its own articles name.
            # ("ASX" where the corpus has the Australian and the Armenia Securities Exchange, neither beside it: the one
            # named after a place its articles name, "Australia" of "Australian".)
            own_articles = own_articles if own_articles is not None else articles_naming(name, found, aliases)
            beside = {aliases.resolve(m.name) for mentions in own_articles for m in mentions}
            places = {word[:4] for mentions in own_articles for m in mentions if m.type == "GPE"
                      for word in key(aliases.resolve(m.name)).split()}
            fits = (fits & beside) or {n for n in fits if key(n)[:4] in places}
        if len(fits) == 1:
            aliases.canonical[key(name)] = next(iter(fits))


def articles_naming(name: str, found: list[list[Found]], aliases: Aliases) -> list[list[Found]]:
    """The mentions of every article that names `name` (under any of its forms)."""
    return [mentions for mentions in found if any(aliases.resolve(m.name) == name for m in mentions)]


def country_spellings(found: list[list[Found]], aliases: Aliases, vocabulary: Vocabulary) -> None:
    """'US Export-Import Bank' and 'United States Export-Import Bank': a name that opens with its country, spelt two
    ways the vocabulary knows as one place, is one name; the form written most often (then the longer) names it."""
    counts = Counter(aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "ORG")
    spelt: dict[str, set[str]] = defaultdict(set)
    for name in counts:
        words_ = name.split()
        for cut in range(min(4, len(words_) - 1), 0, -1):
            term = vocabulary.lookup(" ".join(words_[:cut]))
            if term is not None and term.type == "GPE":
                spelt[key(" ".join([term.canonical, *words_[cut:]]))].add(name)
                break
    for names in spelt.values():
        if len({key(n) for n in names}) < 2:
            continue
        chosen = max(names, key=lambda n: (counts[n], len(n), n))
        for name in names - {chosen}:
            if aliases.free(name):
                aliases.canonical[key(name)] = chosen


FORMAL_COUNTRY = re.compile(r"^(?:republic|kingdom|sultanate|emirate|federation|commonwealth|state) of ")


def not_surnames_of_organisations(found: list[list[Found]], aliases: Aliases) -> None:
    """'Puna' after 'Litio de la Puna', which the model took for a person: where the corpus shows the full name is an
    organisation's ('Litio de la Puna S.A.U.'), its last word was never a surname, and names nothing by itself here."""
    organisations = {key(aliases.resolve(m.name)) for mentions in found for m in mentions if m.type == "ORG" and m.origin != "surname"}
    for index, mentions in enumerate(found):
        found[index] = [m for m in mentions if not (m.origin == "surname" and key(aliases.resolve(m.name)) in organisations)]


def place_spacings(found: list[list[Found]], aliases: Aliases) -> None:
    """'Hà Nội' and 'Hanoi', 'Việt Nam' and 'Vietnam': a place written in two words in its own language and in one in
    English (accents aside) is one place; the form the gazetteer knows, then the one written most often, then the
    English one-word form names it."""
    counts = Counter(aliases.resolve(m.name) for mentions in found for m in mentions if m.type in ("GPE", "LOC"))
    spaced: dict[str, set[str]] = defaultdict(set)
    for name in counts:
        # ("Republic of Madagascar" is Madagascar; the two Congos' formal names are not run together.)
        # ("Islamic Republic of Mauritania", "Cameroun": a country's formal name and its names in other languages.)
        english = country_by_other_name(name)
        bare = key(english) if english else FORMAL_COUNTRY.sub("", key(name)) if "congo" not in key(name) else key(name)
        spaced[bare.replace(" ", "")].add(name)
    for names in spaced.values():
        if len({key(n) for n in names}) < 2:
            continue
        chosen = max(names, key=lambda n: (place_kind(n) is not None, counts[n], -len(n.split()), n))
        for name in names - {chosen}:
            if aliases.free(name) and key(name) != key(chosen):
                aliases.canonical[key(name)] = chosen


def without_legal_form(name: str) -> str:
    name = LEGAL_PREFIX.sub("", name)
    while (shorter := LEGAL_SUFFIX.sub("", name)) != name and shorter:
        name = shorter
    return name


SENTENCE_BREAK = re.compile(r"[.!?][\"’”]?\s+(?=[\"“‘A-Z])|\n")


def named_together(articles: tuple[Article, ...], found: list[list[Found]]) -> set[frozenset[str]]:
    """Pairs of names (keys) that one sentence writes apart: 'Vale sold 10% of Vale Base Metals' names a company and
    its unit, two things, where a short name and its full name would not stand side by side."""
    pairs: set[frozenset[str]] = set()
    for article, mentions in zip(articles, found, strict=True):
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(article.text)]
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in mentions:
            if m.type == "ORG":
                by_sentence[bisect.bisect_right(breaks, m.start)].add(key(m.name))
        for names in by_sentence.values():
            pairs.update(frozenset((a, b)) for a in names for b in names if a < b)
    return pairs


def fuller_names(found: list[list[Found]], aliases: Aliases, vocabulary: Vocabulary,
                 together: set[frozenset[str]] = frozenset()) -> None:
    """An organisation's name of two or more words that ends exactly one longer organisation's name, which adds
    only where it is from or 'International': the 'Development Finance Corporation' is the 'U.S. International
    Development Finance Corporation' when the corpus knows no other."""
    # (In sorted order: where two spellings share a key, the same one stands for it in every build.)
    names = {key(name): name for name in sorted({aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "ORG"})}
    ending: dict[str, set[str]] = defaultdict(set)  # the last words of a name -> the longer names they end
    for name_key in names:
        words_ = name_key.split()
        for cut in range(1, len(words_) - 1):
            if all(is_origin_word(w, vocabulary) for w in words_[:cut]):
                ending[" ".join(words_[cut:])].add(name_key)
    # "Sarana Tambang" of "PT Sarana Tambang Nusantara Tbk", "Hengyuan" of "Hengyuan Chemical Group Co., Ltd.": the
    # first words of exactly one longer name (one word only if the next is no place: "Komatsu" is not "Komatsu
    # Pakistan Mining Limited", its subsidiary).
    beginning: dict[str, set[str]] = defaultdict(set)
    for name_key, name in names.items():
        words_ = key(without_legal_form(name)).split()
        if "of" in words_ or "in" in words_:
            # "Ministry of Energy" is not the start of another country's "Ministry of Energy and Minerals", nor the
            # "Chinese Embassy" in Islamabad the start of the "Chinese Embassy in Bolivia".
            continue
        for cut in range(1, len(words_)):
            if cut > 1 or not (is_origin_word(words_[1], vocabulary) or is_generic_word(words_[0].title())):
                beginning[" ".join(words_[:cut])].add(name_key)
    # The model's "person" may be such a start of a company's name: "Gemas Andinas" of "Gemas Andinas del Occidente
    # S.A.S." (not a place's: "Kao Bay" of the "Kao Bay Fishers Association").
    companies = {name_key for name_key, name in names.items() if without_legal_form(name) != name}
    beginning_of_company = {start: longer for start, longer in beginning.items() if longer <= companies}
    others = {key(name): name for name in {aliases.resolve(m.name) for mentions in found for m in mentions
                                          if m.origin == "model" and m.type == "PERSON" and " " in m.name}}
    # A short name that already heads a family ("Granite Harbor" of "Granite Harbor Capital LLC") is not the start
    # of another name ("Granite Harbor Critical Minerals Fund"): its family was one of those names.
    heads = aliases.family_heads
    # "Hengtai Group" of "Hengtai Nonferrous Metals Group Co., Ltd.": a short name's core begins one longer name.
    by_core: dict[str, set[str]] = defaultdict(set)
    for name_key, name in names.items():
        by_core[company_core(name, vocabulary, set())].add(name_key)
    # A core two names share ("Vedanta" of "Vedanta Resources Limited" and "Vedanta Limited") stands for neither.
    cores = {core: next(iter(keys)) for core, keys in by_core.items() if len(keys) == 1}
    for core, name_key in cores.items():
        # (Not a company written with its own legal form, the same the longer name has: "RG Gold LLP" and "RG
        # Processing LLP" are two companies; nor one whose industry word the longer name lacks: "Barrick Gold
        # Corporation" is not "Barrick Niugini Limited", each with its legal form — in any language: "Trading" is the
        # "Tsusho" of "Shinonome Tsusho Kabushiki Kaisha".)
        bare = without_legal_form(names[name_key])
        own_words = {GLOSSARY.get(w, w) for w in key(bare).split()} - set(core.split()) if bare != names[name_key] else set()
        longer = {n for n in beginning.get(core, set()) - {name_key} if not same_legal_form(names[name_key], names[n])
                  and (own_words <= {GLOSSARY.get(w, w) for w in n.split()} or without_legal_form(names[n]) == names[n])}
        if len(longer) == 1 and core != name_key and name_key not in aliases.canonical and name_key not in aliases.fixed_type \
                and name_key not in heads \
                and name_key not in aliases.separate and not place_kind(core) and " " not in core:
            aliases.canonical[name_key] = names[next(iter(longer))]
    for index, candidates in ((ending, names), (beginning, names), (beginning_of_company, others)):
        for short_key, longer in index.items():
            if (len(longer) == 1 and short_key in candidates and short_key not in aliases.separate and not place_kind(short_key)
                    and frozenset((short_key, next(iter(longer)))) not in together
                    and short_key not in heads
                    and short_key not in aliases.fixed_type and short_key not in aliases.canonical
                    and short_key != next(iter(longer))):
                aliases.canonical[short_key] = names[next(iter(longer))]


ORIGIN_WORDS = {"international", "national", "federal", "global", "state", "s", "the"}


def is_origin_word(word: str, vocabulary: Vocabulary) -> bool:
    """'us', 'japan', 'international' (a key's word): where a body is from, which a shorter mention leaves off."""
    term = vocabulary.lookup(word)
    return word in ORIGIN_WORDS or place_kind(word) in ("country", "subdivision") or (term is not None and term.type == "GPE")


# The words of organisations' names in English and other languages (vocab/name_glossary.txt): foreign -> English.
GLOSSARY = {form: forms[0] for forms, _ in entries("name_glossary") for form in forms}
FOREIGN_WORDS = {form for forms, _ in entries("name_glossary") for form in forms[1:]} - {forms[0] for forms, _ in entries("name_glossary")}
NAME_FUNCTION_WORDS = {"of", "and", "the", "for", "de", "del", "des", "du", "da", "do", "dos", "das", "la", "le", "les",
                       "los", "las", "y", "e", "et", "dan", "ve", "und", "&"}


ENGLISH_FUNCTION_WORDS = {"of", "and", "the", "for"}


def is_foreign_name(name: str) -> bool:
    """A name in another language than English: a word of the glossary's other languages, and no English "of" or
    "and" (the "Ministry of Mines and …" is English, though French writes "Mines" too)."""
    return (not set(key(name).split()) & ENGLISH_FUNCTION_WORDS) and any(w in FOREIGN_WORDS for w in gloss_words(name))


def gloss_words(name: str) -> list[str]:
    return [w for w in key(without_legal_form(name)).split() if w not in NAME_FUNCTION_WORDS]


def glossed_names(found: list[list[Found]], aliases: Aliases) -> None:
    """An organisation named by its English gloss in one place and in its own language in another is one:
    'Congolese Strategic Metals Company' is 'Société Congolaise des Métaux Stratégiques' (word for word, through
    the glossary or a shared start of four letters, in any order); so is a site or a place, 'Severny Katpar' and
    'Northern Katpar', whatever the model called the foreign form."""
    counts: Counter[str] = Counter(aliases.resolve(m.name) for mentions in found for m in mentions if m.type not in VALUE_TYPES)
    by_signature: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for name in counts:
        words_ = gloss_words(name)
        if len(words_) >= 2:
            by_signature[tuple(sorted(GLOSSARY.get(w, w)[:4] for w in words_))].add(name)
    for names in by_signature.values():
        foreign = {n for n in names if is_foreign_name(n)}
        if len(names) < 2 or not foreign or foreign == names:
            continue
        # The name in its own language, the one used most, stands for the organisation.
        chosen = min(foreign, key=lambda n: (-counts[n], -len(n), n))
        for name in names - {chosen}:
            if aliases.free(name):
                aliases.canonical[key(name)] = chosen


def provinces(found: list[list[Found]], aliases: Aliases) -> None:
    """'Nasarawa State' and 'Nasarawa' are one place where the data knows 'Nasarawa' as a state or province:
    the fuller form names it. (Not where the data knows the bare name only as a city: 'Karachi Region' is not
    'Karachi'.)"""
    names = {aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "GPE"}
    by_key = {key(n): n for n in sorted(names)}
    for name in names:
        suffix = ADMINISTRATIVE_SUFFIX.search(name)
        bare = key(name[:suffix.start()]) if suffix else None
        if bare in by_key and place_kind(bare) == "subdivision" and aliases.unclaimed(bare):
            aliases.canonical[bare] = name
    # "in WA", where the corpus names Western Australia: a state's initials (vocab/state_abbreviations.txt) are the
    # state the corpus names, where it names only one they can be ("WA" is Washington too), or where the articles
    # that write the initials name only one.
    for name in names:
        states = {key(state) for state in STATES_OF_FORM.get(name, ())} if name.isupper() else set()
        if not states or not aliases.free(name):
            continue
        beside = {key(aliases.resolve(m.name)) for mentions in articles_naming(name, found, aliases) for m in mentions} & states
        named = beside or (states & by_key.keys())
        if len(named) == 1:
            aliases.canonical[key(name)] = by_key[next(iter(named))]


def landform_names(found: list[list[Found]], aliases: Aliases) -> None:
    """One landform named several ways across articles: 'Voghji' and the 'Voghji River', 'Lago Poopó' and 'Lake
    Poopó', 'Río Chuchumbletza' and the 'Chuchumbletza River', 'Azanaques' and the 'Cordillera Azanaques' — names
    the text reads only as landforms, of one kind ('Tsavo River' and 'Tsavo Hills' are two), that the gazetteer knows
    as no place ('Atacama', a Chilean region, is not the 'Atacama Desert'; the town 'Poopó' is not the lake). The form
    with an English landform word, then the one written most, names it."""
    types: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for mentions in found:
        for mention in mentions:
            types[aliases.resolve(mention.name)].add(mention.type)
            counts[aliases.resolve(mention.name)] += 1
    by_core: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for name in sorted(n for n, kinds_ in types.items() if kinds_ == {"LOC"}):
        core, word = key(LANDFORM_WORD.match(name).group("core")), landform_word(name)
        by_core[core].add(name)
        if word:
            kinds[core].add(KIND_OF_WORD[word.casefold()])
    for core, names in by_core.items():
        if len(names) < 2 or len(kinds[core]) != 1 or place_kind(core) is not None:
            continue
        chosen = max(names, key=lambda n: (landform_word(n) in ENGLISH_LANDFORM_WORDS, landform_word(n) is not None,
                                           counts[n], n))
        for name in names - {chosen}:
            if aliases.unclaimed(name):
                aliases.canonical[key(name)] = chosen


def project_kinds(found: list[list[Found]], aliases: Aliases) -> None:
    """'Saindak Copper-Gold Project' and 'Saindak Mine' are the 'Saindak' project the corpus knows: what kind of site
    it is ("Copper-Gold", "Mine", "Project") is no part of its name."""
    projects = {aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "PROJECT"}
    known = {key(p) for p in projects}
    for name in projects:
        words_ = re.split(r"[ -]", name)
        while len(words_) > 1 and (KIND_WORD.match(words_[-1]) or words_[-1] in ("Mine", "Mines", "Project", "Deposit")):
            words_ = words_[:-1]
        core = key(" ".join(words_))
        if core != key(name) and core in known and key(name) not in aliases.canonical and key(name) not in aliases.separate:
            aliases.canonical[key(name)] = min(p for p in projects if key(p) == core)


RUN_TOGETHER_INITIALS = re.compile(r"\b([A-Z])\.(?=[A-Z]\.)")


def initialled_names(people: set[str], aliases: Aliases) -> set[str]:
    """'Yerlan S. Dzhaksybekov', 'S. V. Kamath' and 'V. Raghunathan' are 'Yerlan Serikovich Dzhaksybekov',
    'S. Venkatesh Kamath' and 'Venkatesh Raghunathan':
    names of as many words, with the same last word, whose other words are equal or one the initial of the other,
    are one person, named by the fullest spelling. The people left, one name each."""
    def initial_of(a: str, b: str) -> bool:
        return len(a) == 2 and a.endswith(".") and b.startswith(a[0])

    def fits(a: str, b: str) -> bool:
        return a == b or initial_of(a, b) or initial_of(b, a)

    def spelt(name: str) -> list[str]:  # ("W.M.K. Bandara" is "W. M. K. Bandara")
        return RUN_TOGETHER_INITIALS.sub(r"\1. ", name).split()

    spelling = {name: spelt(name) for name in people}
    by_shape: dict[tuple[int, str], list[str]] = defaultdict(list)
    for name in sorted(people):
        words_ = spelling[name]
        if len(words_) >= 2:  # ("D. Enkhbayar" is "Dorjsuren Enkhbayar" too)
            by_shape[(len(words_), words_[-1])].append(name)
    for names in by_shape.values():
        for name in names:
            words_ = spelling[name]
            fuller = [other for other in names if other != name and sum(map(len, spelling[other])) > sum(map(len, words_))
                      and all(fits(a, b) for a, b in zip(words_, spelling[other], strict=True))]
            # (Only where they can all be one person: "Ana L. Perez" is not both "Ana Lucia" and "Ana Luisa".)
            one_person = all(fits(a, b) for x in fuller for y in fuller for a, b in zip(spelling[x], spelling[y], strict=True))
            if fuller and one_person and aliases.free(name):
                aliases.canonical.setdefault(key(name), max(fuller, key=lambda n: (sum(len(w) for w in n.split()), n)))
    return {aliases.resolve(name) for name in people}


# How names are written in plain Latin letters by other hands: "Djordjevic" for "Đorđević", "Mueller" for "Müller".
TRANSLITERATED = re.compile(r"dj|(?<=[ou])e")


@functools.cache
def given_name_forms() -> dict[str, frozenset[str]]:
    """Given name -> the names it is a nickname of or has as nicknames ("bob": "robert", …), from the `nicknames`
    package (a public, hand-curated list of English given names)."""
    from importlib.resources import files

    forms: dict[str, set[str]] = defaultdict(set)
    for line in files("nicknames").joinpath("names.csv").read_text(encoding="utf-8").splitlines()[1:]:
        name, _, other = line.split(",")
        forms[name].add(other)
        forms[other].add(name)
    return {name: frozenset(others) for name, others in forms.items()}


# … and how English writes a letter it lacks, as two ("Türkmenbaşy" is "Turkmenbashi", "Türkmenhimiýa" "Turkmenkhimiya"):
# asked only of names one spelling of which has its own letters, so two plain names are never joined this way.
ENGLISH_DIGRAPH = re.compile(r"(?<=[scz])h|kh|y")
PLAIN_OF_DIGRAPH = {"h": "", "kh": "h", "y": "i"}  # "ş" is "s" without its mark, a Turkmen "h" is English "kh"


def plain_spelling(name: str) -> str:
    return TRANSLITERATED.sub(lambda m: m.group()[:-1], key(name))  # "dj" -> "d", "ue" -> "u"


def own_spellings(names: set[str]) -> dict[str, str]:
    """Name -> the spelling of it with its own letters, for names written in plain Latin letters the way other hands
    write them ('Milos Djordjevic': 'Miloš Đorđević'; 'Yildirim': 'Yıldırım'; 'Turkmenbashi': 'Türkmenbaşy')."""
    by_spelling: dict[str, set[str]] = defaultdict(set)
    for name in sorted(names):
        by_spelling[ENGLISH_DIGRAPH.sub(lambda m: PLAIN_OF_DIGRAPH[m.group()], plain_spelling(name))].add(name)
    own: dict[str, str] = {}
    for loose in by_spelling.values():
        own_letters = max(loose, key=lambda n: (sum(not ch.isascii() for ch in n), len(n), n))
        # (Without a letter of its own, only the strict spelling joins: "Saba" and "Shaba" stay two.)
        spellings = loose if not own_letters.isascii() else {n for n in loose if plain_spelling(n) == plain_spelling(own_letters)}
        own.update((name, own_letters) for name in spellings - {own_letters})
    return own


def city_names(found: list[list[Found]], aliases: Aliases) -> None:
    """'Ciudad de Guatemala' is 'Guatemala City' where the corpus names it so: a city's name in another language
    (GeoNames' other names) joins the name the corpus uses (not a spelling the corpus never writes: a dateline's
    'DALANZADGAD' stays as written where no article writes GeoNames' 'Dalandzadgad')."""
    names = {key(n): n for n in sorted({aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "GPE"})}
    for name_key, name in names.items():
        city = other_city_name(name)
        if city is not None and key(city) in names and key(city) != name_key and aliases.unclaimed(name):
            aliases.canonical[name_key] = names[key(city)]


def transliterations(found: list[list[Found]], aliases: Aliases) -> None:
    """'Harzer Zinnhuette' is 'Harzer Zinnhütte', whatever its type: a name written the way other hands write its
    own letters is that name. (Names that differ only in accents already share a key.)"""
    names = {aliases.resolve(m.name) for mentions in found for m in mentions if m.type not in VALUE_TYPES}
    for name, own_letters in own_spellings(names).items():
        if key(name) != key(own_letters) and aliases.free(name):
            aliases.canonical.setdefault(key(name), own_letters)


# How English hands romanise one Cyrillic letter: "Andrey", "Andrej", "Andrei"; "Lavrentyev", "Lavrentiev";
# "Sharlapayev", "Sharlapaev"; "Mariya", "Maria". (A "j" before a vowel is left alone: "Juan" is no "Yuan".)
ROMANISED = ((re.compile(r"j(?![aeiou])"), "y"), (re.compile(r"(?<=[a-z])[yi](?=e)"), ""), (re.compile(r"[yi]+"), "i"))


def romanised(name: str) -> str:
    name = key(name)
    for pattern, letter in ROMANISED:
        name = pattern.sub(letter, name)
    return name


def spelt_apart(people: set[str], aliases: Aliases, counts: Counter[str]) -> set[str]:
    """One person written two ways in two articles: 'NISHIMURA Yasutoshi' is 'Yasutoshi Nishimura', 'Bob Kessler' is
    'Robert Kessler' (the given name of which the other is a nickname), 'Andrej Lavrentiev' is 'Andrey Lavrentyev'
    (two romanisations of one Russian name), where the corpus has only one person it can be. The people left, one
    name each."""
    for name, own_letters in own_spellings(people).items():  # one spelling names a person: "Yıldırım", not "Yildirim"
        if aliases.free(name):
            aliases.canonical.setdefault(key(name), own_letters)
    people = {aliases.resolve(name) for name in people}
    by_romanisation: dict[str, set[str]] = defaultdict(set)
    for name in sorted(people):
        if len(name.split()) >= 2:
            by_romanisation[romanised(name)].add(name)
    for names in by_romanisation.values():
        chosen = max(names, key=lambda n: (counts[n], n))  # the spelling written most names the person
        for name in names - {chosen}:
            if aliases.free(name):
                aliases.canonical.setdefault(key(name), chosen)
    people = {aliases.resolve(name) for name in people}
    # "NISHIMURA Yasutoshi", as Japanese official releases write him, is "Yasutoshi Nishimura": the same two words in
    # the other order; the name with no word in capitals names him.
    by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for name in sorted(people):
        if len(name.split()) == 2:
            by_words[tuple(sorted(key(name).split()))].add(name)
    for names in by_words.values():
        if len(names) == 2:  # (and "Jianhong Xu" is "Xu Jianhong": the same two words the other way round)
            chosen = max(names, key=lambda n: (not any(len(w) > 1 and w.isupper() for w in n.split()), n))
            for name in names - {chosen}:
                if aliases.free(name):
                    aliases.canonical.setdefault(key(name), chosen)
    people = {aliases.resolve(name) for name in people}
    by_surname: dict[str, set[str]] = defaultdict(set)  # last word -> names ("Bill Harcourt", "William J. Harcourt")
    for name in sorted(people):
        words_ = key(name).split()
        if len(words_) >= 2:
            by_surname[words_[-1]].add(name)
    for names in by_surname.values():
        for name in names:
            given = key(name).split()[0]
            # (Or a short form the other given name begins with, in any language: "Kati" of "Katariina", "Paddy" of
            # "Pádraig", where no one else of that surname could be meant.)
            formal = {other for other in names if (key(other).split()[0] in given_name_forms().get(given, ())
                                                   or is_short_given_name(given, key(other).split()[0]))
                      and len(key(other).split()[0]) > len(given)}
            if len(formal) == 1 and aliases.free(name):
                aliases.canonical.setdefault(key(name), next(iter(formal)))
    return {aliases.resolve(name) for name in people}


def is_short_given_name(short: str, given: str) -> bool:
    """'kati' of 'katariina', 'paddy' of 'padraig': a given name of five letters or fewer that shares its first three
    with a longer one."""
    return 3 <= len(short) <= 5 and len(given) > len(short) and short[:3] == given[:3]


def without_middle_names(name: str, by_first_and_last: dict[tuple[str, str], list[str]]) -> set[str]:
    """The longer names that hold all of this name's words in order, with the same first and last words
    ('Khalid Al Mazrouei' of 'Khalid Saeed Al Mazrouei'; accents aside: 'Martin Quiroga' of 'Martín … Quiroga …')."""
    words = key(name).split()
    found = set()
    for other in by_first_and_last.get((words[0], words[-1]), ()):
        longer = key(other).split()
        rest = iter(longer)
        if len(longer) > len(words) and all(word in rest for word in words):
            found.add(other)
    return found


def people_and_events(found: list[list[Found]], aliases: Aliases) -> None:
    """A person's shorter name used in another article is that person when the corpus knows only one person it
    can be: 'Faraz Durrani' and 'Durrani' are 'Faraz Ahmed Durrani'. An event's name without its year is the
    event with it: 'Islamabad Critical Minerals Summit' is '… Summit 2025'."""
    counts = Counter(aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "PERSON")
    people = {aliases.resolve(m.name) for mentions in found for m in mentions if m.type == "PERSON" and m.origin != "linked"}
    people = initialled_names(people, aliases)
    people = spelt_apart(people, aliases, counts)
    by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)  # (first, last word) of names of 3+ words
    by_last: dict[str, set[str]] = defaultdict(set)  # last word of names of 2+ words
    by_first: dict[str, set[str]] = defaultdict(set)  # first word of names of 2+ words
    by_start: dict[tuple[str, str], set[str]] = defaultdict(set)  # first two words of names of 3+ words
    by_prefix: dict[str, set[str]] = defaultdict(set)  # a name of 4+ words without its last
    by_first_and_last: dict[tuple[str, str], list[str]] = defaultdict(list)  # folded first and last words, 3+ words
    for name in sorted(people):
        folded = key(name).split()
        if len(folded) >= 3:
            by_first_and_last[(folded[0], folded[-1])].append(name)
    for name in people:
        words = name.split()
        if len(words) >= 2:
            by_last[key(words[-1])].add(name)  # ("TAKAHARA" alone is "Ichiro Takahara")
            by_first[key(words[0])].add(name)
        if len(words) >= 3:
            by_ends[(key(words[0]), key(words[-1]))].add(name)
            # "Lamine Kanté" of "Mamadou Lamine Kanté", "Cristina Lagdameo-Uy" of "Ma. Cristina Lagdameo-Uy".
            by_ends[(key(words[1]), key(words[-1]))].add(name)
            by_start[(key(words[0]), key(words[1]))].add(name)
            if len(words) >= 4:  # "Mariana Cárdenas" of "Mariana Beatriz Cárdenas Ruiz": a given name and first surname
                by_ends[(key(words[0]), key(words[-2]))].add(name)
                # "Rosa Elena Quispe" of "Rosa Elena Quispe Mamani": given names and the first surname.
                by_prefix[key(" ".join(words[:-1]))].add(name)
            # "Tshibangu" of "Jean-Baptiste Tshibangu Lumbala": a first surname, where names carry two.
            for inner in words[1:-1]:
                if len(inner) > 2 and inner[:1].isupper():
                    by_last[key(inner)].add(name)
    for name in people:
        words = name.split()
        # "Ratna" (after "Bu", "Pak"): a given name alone, where no surname matches. "Ignacio Ferrer": a given name and
        # a first surname, where the full name has two. "Khalid Al Mazrouei": a longer name without a middle one.
        pair = (key(words[0]), key(words[-1]))  # (accents aside: "Martin Quiroga" of "Martín … Quiroga …")
        matches = ((by_ends.get(pair) or by_start.get(pair, set())) if len(words) == 2
                   else (by_last.get(key(words[0])) or by_first.get(key(words[0]), set())) if len(words) == 1
                   else by_prefix.get(key(name), set()) or without_middle_names(name, by_first_and_last))
        if len(matches) == 1 and aliases.free(name):
            aliases.canonical.setdefault(key(name), next(iter(matches)))
    dated: dict[str, set[str]] = defaultdict(set)  # an event's name without its year -> the names with one
    # (A fund's vintage too: "… Critical Minerals Fund" is "… Critical Minerals Fund 2024".)
    for name in {aliases.resolve(m.name) for mentions in found for m in mentions if m.type in ("EVENT", "ORG")}:
        year = re.search(r" (?:19|20)\d{2}$", name)
        if year:
            dated[key(name[:year.start()])].add(name)
    for bare, names in dated.items():
        if len(names) == 1:
            aliases.canonical.setdefault(bare, next(iter(names)))
