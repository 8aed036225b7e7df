"""Figures attributed by sentence structure, and compared where reports disagree.

Attribution: each amount of money, percentage and quantity with a unit gets the thing it measures and the
holder it belongs to, read from the dependency parse of its sentence (parse.py) rather than from which
names happen to be near it:

    "Meridian Development Bank approved a $300 million loan"   Meridian Development Bank — loan — $300 million
    "A loan of $320 million was approved by Meridian …"        the same, in the passive (agent "by")
    "JICA's $11.7 billion contribution"                        JICA — contribution (the possessor)
    "The Kremnica mine will cost $1.2 billion"                 Kremnica — cost (a verb that names the thing)
    "Ostrava Gold, which put the price tag at $1.25 billion"   Ostrava Gold — cost ("which" is its clause's head)

The thing is the noun the amount modifies or is "of", a verb that names one ("cost", "lent", "produced"),
the subject of a copula ("the price tag is $X") or the unit itself ("1,200 jobs"), folded through the
synonyms in vocab/figure_things.txt (a price tag is a cost). The holder is a named entity: the thing's
possessor, the agent of a passive, the subject of its clause (through "which" and joined verbs), or the
object of "from"/"for"/"of". A figure whose sentence names no holder keeps none and is compared with nothing:
a guess from proximity is what this replaces.

Comparison: figures of the same thing (and qualifiers: a "first-phase" cost is not the "total" one), in the
same kind of unit, whose holders are one entity or related ones (a country and an agency named after it, a
company and the project the corpus says it owns), from different articles of one story, or anywhere in the
corpus when the thing is a lasting attribute (cost, stake, reserves; not a loan: two loans months apart are
two loans). Figures that differ only by rounding ("over $11 billion" and "$11.7 billion", "$1.2 billion" and
"$1.24 billion") are listed and marked so; different currencies are shown and not compared. Curators add
relations and dismiss conflicts in aliases.toml's [figures].
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .link import CurationError, key
from .model import Article, Entity, Mention
from .parse import COUNTED, FIGURE_TYPES, ParsedSentence, quantities
from .paths import slugify
from .stories import Stories
from .vocab import entries

THINGS = {form.casefold(): forms[0] for forms, _ in entries("figure_things") for form in forms}
LASTING = {forms[0] for forms, roles in entries("figure_things") if "across" in roles}
QUALIFIERS = {form.casefold() for forms, roles in entries("figure_words") if "qualifier" in roles for form in forms}
BOUNDS = {form.casefold(): role for forms, roles in entries("figure_words") for role in roles & {"above", "below", "about"}
          for form in forms}
BOUND_BEFORE = re.compile(r"(?i)(?:^|(?<=\s))(" + "|".join(re.escape(b) for b in sorted(BOUNDS, key=len, reverse=True))
                          + r")\s+$")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
NOUN_TAGS = ("NN", "NNS")
VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
# Verbs that say what their subject amounts to: "the price tag is $1.25 billion", "support has exceeded $11 billion".
COPULAS = {"is", "was", "are", "were", "be", "been", "being", "stands", "stood", "totals", "totalled", "totaled", "reached",
           "reaches", "estimated", "came", "comes", "exceeded", "exceeds", "topped", "tops", "surpassed", "amounts",
           "amounted"}
# "about 200,000 tonnes": a figure given as approximate is consistent with another within this share of it.
ABOUT_TOLERANCE = 0.05
HOLDER_TYPES = ("PERSON", "ORG", "GPE", "LOC", "PROJECT", "EVENT")
CAPACITY_UNITS = {forms[0] for forms, roles in entries("units") if "capacity" in roles}


@dataclass(frozen=True)
class Figure:
    """One figure as an article gives it, with what it measures and whose it is."""

    id: str  # "<article id>:<start>"
    article: str
    start: int  # the quoted figure in the article's text, a bound word included ("over $11 billion")
    end: int
    text: str
    kind: str  # MONEY, PERCENT or QUANTITY
    value: dict[str, object]  # as the entity pass read it: {amount, currency[, high]}, {fraction}, {amount, unit}
    sentence: tuple[int, int]
    bound: str | None = None  # above, below, about: the figure is a limit or an approximation
    holder: str | None = None  # entity id
    holder_text: str | None = None  # the words that name it in the sentence
    thing: str | None = None  # canonical: "cost" for "price tag"
    thing_text: str | None = None
    qualifiers: tuple[str, ...] = ()
    years: tuple[str, ...] = ()  # years the sentence names: "output in 2023" is not "output in 2024"
    object: str | None = None  # entity id of what a stake or share is in: "a 40% stake in the Brandt mine"


@dataclass(frozen=True)
class Conflict:
    """Figures of one quantity, from different articles, that do not all agree."""

    id: str
    holder: str  # entity id of the holder most of them name
    thing: str
    qualifiers: tuple[str, ...]
    figures: tuple[str, ...]  # figure ids, newest article first
    status: str  # "conflict" (some differ beyond rounding), "rounding" (only rounding), "currencies" (only currency)
    notes: dict[str, str] = field(default_factory=dict)  # figure id -> "rounding" or "other currency"
    stories: tuple[str, ...] = ()  # the stories (clusters) its articles belong to
    dismissed: bool = False


@dataclass(frozen=True)
class FigureCuration:
    """aliases.toml's [figures]: `related` holders ([["Velasco Resources", "Cerro Alto"]]) and conflicts to
    `dismiss` ([{holder = "JICA", thing = "contribution"}])."""

    related: tuple[tuple[str, ...], ...] = ()
    dismiss: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Figures:
    figures: tuple[Figure, ...]
    conflicts: tuple[Conflict, ...]
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity id -> related entity ids

    def of_article(self, article_id: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.article == article_id)


def parse_figure_curation(data: object, source: str) -> FigureCuration:
    if not isinstance(data, dict) or set(data) - {"related", "dismiss"}:
        raise CurationError(f"{source}: [figures] takes `related` (lists of entity names) and `dismiss` "
                            '(tables such as {holder = "JICA", thing = "contribution"})')
    related = data.get("related", [])
    if not isinstance(related, list) or not all(isinstance(g, list) and all(isinstance(n, str) for n in g) for g in related):
        raise CurationError(f'{source}: [figures] related must be a list of lists of names, e.g. [["Barrick", "Reko Diq"]]')
    dismiss = data.get("dismiss", [])
    if not isinstance(dismiss, list) or not all(isinstance(d, dict) and set(d) == {"holder", "thing"} for d in dismiss):
        raise CurationError(f'{source}: [figures] dismiss must be a list of {{holder = "…", thing = "…"}} tables')
    return FigureCuration(tuple(tuple(g) for g in related), tuple((str(d["holder"]), str(d["thing"])) for d in dismiss))


class Sentence:
    """A parsed sentence with its children lists and the entity each token belongs to."""

    def __init__(self, parsed: ParsedSentence, text: str, mentions: list[Mention], entities: dict[str, Entity]) -> None:
        self.tokens = parsed.tokens
        self.text = text
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for index, token in enumerate(self.tokens):
            if token.head != index:
                self.children[token.head].append(index)
        self.entity: list[Mention | None] = []
        for token in self.tokens:
            self.entity.append(next((m for m in mentions if m.start < token.end and token.start < m.end
                                     and entities[m.entity].type in HOLDER_TYPES), None))

    def word(self, i: int) -> str:
        t = self.tokens[i]
        return self.text[t.start:t.end]

    def lower(self, i: int) -> str:
        return self.word(i).casefold()

    def head(self, i: int) -> int:
        return self.tokens[i].head

    def dep(self, i: int) -> str:
        return self.tokens[i].dep

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.dep(c) in deps]

    def is_noun(self, i: int) -> bool:
        return self.tokens[i].tag in NOUN_TAGS or self.tokens[i].tag.startswith("NNP")

    def is_verb(self, i: int) -> bool:
        return self.tokens[i].tag in VERB_TAGS

    def named(self, i: int) -> Mention | None:
        """The entity a token names, itself or through the words compounded into it ("the Kremnica mine")."""
        if self.entity[i] is not None:
            return self.entity[i]
        for child in self.kids(i, "compound", "poss", "nmod"):
            if self.entity[child] is not None:
                return self.entity[child]
        return None


def attribute(
    articles: tuple[Article, ...],
    parses: list[tuple[ParsedSentence, ...]],
    entities: tuple[Entity, ...],
) -> tuple[Figure, ...]:
    """Every figure of every article, with its holder and thing where the sentence's structure gives them."""
    by_id = {e.id: e for e in entities}
    figures = []
    for article, parsed in zip(articles, parses, strict=True):
        if not parsed:
            continue
        text = article.text
        amounts = figure_mentions(article, by_id)
        for sentence in parsed:
            inside = [a for a in amounts if sentence.start <= a[0] < sentence.end]
            if not inside:
                continue
            mentions = [m for m in article.mentions if sentence.start <= m.start < sentence.end]
            view = Sentence(sentence, text, mentions, by_id)
            years = tuple(sorted(set(YEAR.findall(" ".join(m.text for m in mentions if by_id[m.entity].type == "DATE")))))
            for start, end, kind, value in inside:
                figures.append(read_figure(article, view, sentence, start, end, kind, value, years, by_id))
    return tuple(figures)


def figure_mentions(article: Article, entities: dict[str, Entity]) -> list[tuple[int, int, str, dict[str, object]]]:
    """(start, end, kind, value) of the article's money, percentages and quantities."""
    found = [(m.start, m.end, entities[m.entity].type, m.value) for m in article.mentions
             if entities[m.entity].type in FIGURE_TYPES and m.value]
    taken = [(m.start, m.end) for m in article.mentions if entities[m.entity].type in (*FIGURE_TYPES, "DATE")]
    found += [(q.start, q.end, "QUANTITY", q.value) for q in quantities(article.text, taken)]
    return sorted(found, key=lambda f: (f[0], f[1]))


def read_figure(article: Article, s: Sentence, parsed: ParsedSentence, start: int, end: int, kind: str,
                value: dict[str, object], years: tuple[str, ...], entities: dict[str, Entity]) -> Figure:
    text = article.text
    span = [i for i, t in enumerate(s.tokens) if t.start < end and start < t.end]
    bound_match = BOUND_BEFORE.search(text[max(parsed.start, start - 30):start])
    quoted_start = start - len(bound_match.group(0)) if bound_match else start
    bound = BOUNDS[" ".join(bound_match.group(1).casefold().split())] if bound_match else None
    figure = Figure(f"{article.id}:{start}", article.id, quoted_start, end, text[quoted_start:end], kind, value,
                    (parsed.start, parsed.end), bound, years=years)
    if not span:
        return figure
    outside = [i for i in span if s.head(i) not in span or s.head(i) == i]
    # "a 120 MW solar plant": of the figure's tokens that point outside it, the one attached to a noun.
    to_noun = [i for i in outside if s.head(i) != i and s.is_noun(s.head(i))]
    root = to_noun[-1] if to_noun else outside[-1] if outside else span[-1]
    thing = find_thing(s, root, span, kind, value)
    anchor = thing if thing is not None and thing not in span else root
    holder = find_holder(s, anchor, set(span))
    thing_text, thing_name = thing_words(s, thing, kind, value)
    target = find_object(s, anchor, root, set(span), holder)
    qualifiers = tuple(sorted({s.lower(c) for c in s.kids(thing, "amod", "compound", "nummod", "advmod")
                               if s.lower(c) in QUALIFIERS})) if thing is not None and thing not in span else ()
    if thing is not None and thing in span:
        # "2,000 construction jobs": the qualifier is inside the quantity.
        qualifiers = tuple(sorted({s.lower(i) for i in span if s.lower(i) in QUALIFIERS}))
    if thing is not None and thing not in span:
        # "first-phase cost": a hyphenated qualifier is two tokens and a hyphen.
        before = text[max(parsed.start, s.tokens[thing].start - 24):s.tokens[thing].start].casefold()
        qualifiers = tuple(sorted(set(qualifiers) | {q for q in QUALIFIERS if "-" in q and before.rstrip().endswith(q)}))
    return Figure(figure.id, figure.article, figure.start, figure.end, figure.text, kind, value, figure.sentence, bound,
                  holder.entity if holder else None, holder.text if holder else None, thing_name, thing_text,
                  qualifiers, years, target.entity if target else None)


def find_thing(s: Sentence, root: int, span: list[int], kind: str, value: dict[str, object]) -> int | None:
    """The token naming what the figure measures, or None."""
    if kind == "QUANTITY" and value.get("unit") in COUNTED:
        return span[-1]  # "1,200 jobs": the unit is the thing
    # "$300 million of equity", "$11 billion in support": a preposition after the amount that names a known thing.
    for prep in s.kids(root, "prep"):
        if s.lower(prep) in ("of", "in"):
            for obj in s.kids(prep, "pobj"):
                if s.lower(obj) in THINGS:
                    return obj
    head, dep = s.head(root), s.dep(root)
    if head == root:
        return None
    if dep in ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod") and s.is_noun(head):
        return head  # "a $300 million loan", "a 40% stake"
    if dep == "appos" and s.is_noun(head) and s.lower(head) in THINGS:
        return head  # "the loan, $300 million, …"
    if dep == "pobj":
        prep, governor = head, s.head(head)
        word = s.lower(prep)
        if word in ("of", "as") and s.is_noun(governor):
            return governor  # "a contribution of over $11 billion", "gives the contribution as $11.7 billion"
        if s.is_verb(governor):
            if word == "at" and s.dep(governor) == "acl" and s.is_noun(s.head(governor)):
                return s.head(governor)  # "Japan's support, put at more than $11 billion"
            if word == "at" and s.dep(governor) == "conj" and s.tokens[governor].tag == "VBN":
                # The same, where the parser took the participle for a second verb of the clause.
                for obj in s.kids(s.head(governor), "dobj"):
                    if s.is_noun(obj):
                        return obj
            if word in ("at", "to", "from", "by", "as"):
                # "put the price tag at $1.25 billion", "valued at $2 billion", "output rose to 210,000 tonnes"
                objects = s.kids(governor, "dobj") + s.kids(governor, "nsubj", "nsubjpass")
                for obj in objects:
                    if s.is_noun(obj) and not s.tokens[obj].tag.startswith("NNP") and (s.lower(obj) in THINGS or compound_thing(s, obj)):
                        return obj
            if s.lower(governor) in THINGS:
                return governor
    if dep in ("dobj", "attr", "oprd", "npadvmod", "nsubj", "nsubjpass", "dative") and s.is_verb(head):
        if s.lower(head) in THINGS:
            return head  # "will cost $1.2 billion", "lent $300 million", "employs 900"
        if s.lower(head) in COPULAS:
            for subject in s.kids(head, "nsubj", "nsubjpass"):
                if s.is_noun(subject) and subject not in span:
                    return subject  # "the price tag is $1.25 billion"
    return None


def compound_thing(s: Sentence, i: int) -> str | None:
    for child in s.kids(i, "compound", "amod"):
        phrase = f"{s.lower(child)} {s.lower(i)}"
        if phrase in THINGS:
            return phrase
    return None


def thing_words(s: Sentence, thing: int | None, kind: str, value: dict[str, object]) -> tuple[str | None, str | None]:
    """(the thing as written, its canonical name)."""
    if thing is None:
        return None, None
    if kind == "QUANTITY" and value.get("unit") in COUNTED and s.lower(thing) not in THINGS:
        return s.word(thing), str(value["unit"])
    if kind == "QUANTITY" and value.get("unit") in CAPACITY_UNITS and s.lower(thing) not in THINGS:
        return s.word(thing), "capacity"  # "a 120 MW plant", "a 150 MW farm": the size of a plant is its capacity
    phrase = compound_thing(s, thing)
    if phrase:
        return phrase, THINGS[phrase]
    word = s.lower(thing)
    if word in THINGS:
        return s.word(thing), THINGS[word]
    if not s.is_noun(thing) or s.tokens[thing].tag.startswith("NNP"):
        return None, None
    # A noun the vocabulary does not know ("a $2 billion smelter") is its own thing, in the singular.
    return s.word(thing), re.sub(r"(?<=[^s])s$", "", word)


def find_holder(s: Sentence, anchor: int, span: set[int]) -> Mention | None:
    """The entity the figure belongs to: the anchor's possessor, a name compounded into it, its "of" (the cost
    of the Kremnica mine), "from"/"by", a relative clause's subject, then its clause's agent or subject."""
    def named(i: int) -> Mention | None:
        return None if i in span else s.named(i)

    for child in s.kids(anchor, "poss"):
        if named(child):
            return named(child)
    for child in s.kids(anchor, "compound"):
        if child not in span and s.entity[child] is not None:
            return s.entity[child]  # "the Meridian loan"
    for prep in s.kids(anchor, "prep", "agent"):
        if s.lower(prep) in ("of", "from", "by"):
            for obj in s.kids(prep, "pobj"):
                if named(obj):
                    return named(obj)
    for clause in s.kids(anchor, "relcl"):
        for subject in s.kids(clause, "nsubj"):
            if named(subject):
                return named(subject)  # "the 120 MW plant, which Tamarugal Solar will build …"
    verb, through_for = clause_verb(s, anchor)
    if verb is not None and through_for:
        for obj in s.kids(verb, "dobj"):
            if named(obj):
                return named(obj)  # "Kamal thanked Japan for more than $11 billion": Japan's, not Kamal's
    for _ in range(5):
        if verb is None:
            break
        for agent in s.kids(verb, "agent"):
            for obj in s.kids(agent, "pobj"):
                if named(obj):
                    return named(obj)  # "… was approved by Meridian Development Bank"
        subjects = s.kids(verb, "nsubj")
        if subjects:
            subject = subjects[0]
            if s.tokens[subject].tag in ("WDT", "WP") and s.dep(verb) == "relcl":
                subject = s.head(verb)  # "Ostrava Gold, which put the price tag at …"
            if named(subject):
                return named(subject)
            for child in s.kids(subject, "poss"):
                if named(child):
                    return named(child)  # "Ostrava's mine will cost …"
            for prep in s.kids(subject, "prep"):
                if s.lower(prep) in ("of", "at", "in", "for"):
                    for obj in s.kids(prep, "pobj"):
                        if named(obj):
                            return named(obj)  # "reserves at Nyanza stand at 3.6 million ounces"
            if s.dep(verb) == "ccomp" and s.tokens[subject].tag not in ("NNP", "NNPS"):
                # "Zambezi Cobalt Refining said the refinery will create 1,200 jobs": an unnamed subject ("the
                # refinery", "it") in what a company said is its own.
                verb = s.head(verb)
                continue
            break
        if s.dep(verb) in ("conj", "xcomp", "advcl") and s.head(verb) != verb:
            verb = s.head(verb)  # "Tarsis will borrow $850 million and put in …": the first verb's subject
        elif s.dep(verb) == "acl" and s.head(verb) != verb:
            verb, _ = clause_verb(s, s.head(verb))  # "signed a contract to build a 150 MW farm"
        else:
            break
    for prep in s.kids(anchor, "prep"):
        if s.lower(prep) in ("for", "on", "at", "to"):
            for obj in s.kids(prep, "pobj"):
                if named(obj):
                    return named(obj)  # "a loan to Kasanka Copper"
    return None


def find_object(s: Sentence, anchor: int, root: int, span: set[int], holder: Mention | None) -> Mention | None:
    """What a share is of: "a 40% stake in the Brandt mine", "owns 45% of Brandt" (not the holder itself)."""
    for token in (anchor, root):
        for prep in s.kids(token, "prep"):
            if s.lower(prep) in ("in", "of"):
                for obj in s.kids(prep, "pobj"):
                    found = None if obj in span else s.named(obj)
                    if found is not None and (holder is None or found.entity != holder.entity):
                        return found
    return None


def clause_verb(s: Sentence, i: int) -> tuple[int | None, bool]:
    """The verb whose clause holds token i (its head verb, through a preposition or two), and whether the way
    up passed through "for" (the verb's object is then whom the figure is for)."""
    through_for = False
    for _ in range(5):
        if s.is_verb(i) and s.dep(i) not in ("amod", "acl"):
            return i, through_for
        head = s.head(i)
        if head == i:
            return None, False
        through_for = through_for or (s.dep(i) == "pobj" and s.lower(head) == "for")
        i = head
    return None, False


# Comparison ---------------------------------------------------------------------------------------------

def holder_relations(articles: tuple[Article, ...], entities: tuple[Entity, ...], curation: FigureCuration) -> dict[str, set[str]]:
    """Entity id -> entities a figure of it may be compared with: the country in an agency's name ("Japan" in the
    "Japan International Cooperation Agency"), a project its owner is named with ("Velasco's Cerro Alto
    project", "Cerro Alto, operated by Velasco"), and what the curator relates."""
    related: dict[str, set[str]] = defaultdict(set)
    named = [e for e in entities if e.type in HOLDER_TYPES]
    by_words: dict[str, list[Entity]] = defaultdict(list)
    for entity in named:
        by_words[key(entity.name)].append(entity)
    for entity in named:
        if entity.type not in ("ORG", "PROJECT"):
            continue
        words = key(entity.name).split()
        for size in range(1, len(words)):
            for begin in range(len(words) - size + 1):
                for inner in by_words.get(" ".join(words[begin:begin + size]), []):
                    if inner.id != entity.id and inner.type in ("GPE", "ORG", "PROJECT"):
                        related[entity.id].add(inner.id)
                        related[inner.id].add(entity.id)
    kinds = {e.id: e.type for e in entities}
    for article in articles:
        named_mentions = [m for m in article.mentions if kinds[m.entity] in ("ORG", "PROJECT")]
        for first, second in zip(named_mentions, named_mentions[1:], strict=False):
            between = article.text[first.end:second.start]
            pair = {kinds[first.entity], kinds[second.entity]}
            owner_first = kinds[first.entity] == "ORG"
            if pair == {"ORG", "PROJECT"} and first.entity != second.entity and (
                    OWNS.fullmatch(between) or (owner_first and ITS.fullmatch(between))):
                related[first.entity].add(second.entity)
                related[second.entity].add(first.entity)
    lookup = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            lookup.setdefault(key(name), entity.id)
    for group in curation.related:
        ids = [lookup.get(key(name)) for name in group]
        missing = [name for name, found in zip(group, ids, strict=True) if found is None]
        if missing:
            raise CurationError(f"aliases.toml: [figures] related names no entity {', '.join(map(repr, missing))}")
        for a in ids:
            related[a] |= {b for b in ids if b != a}
    return related


# What may stand between an owner and its project: "Velasco's Cerro Alto", "Cerro Alto, owned by Velasco",
# "Velasco, which operates the Cerro Alto".
OWNS = re.compile(r"(?i)['’]s(?:\s+[a-z-]+){0,2}\s+|,?\s+(?:which|that)\s+(?:owns|operates|runs|controls|develops|is developing)"
                  r"\s+(?:the\s+)?|,?\s+(?:(?:which|that)\s+is\s+|the\s+(?:[a-z-]+\s+){0,4})?(?:[a-z]+-)?"
                  r"(?:owned|operated|developed|run|controlled|built)\s+by\s+(?:the\s+)?")


# "Bristow Gold raised the reserves of its Nyanza project": a company, then "its" project in the same sentence.
ITS = re.compile(r"[^.;!?]{0,80}\bits\s+(?:[a-z-]+\s+)?")


def dimension(figure: Figure) -> tuple[str, str]:
    if figure.kind == "MONEY":
        return "MONEY", str(figure.value.get("currency", ""))
    if figure.kind == "QUANTITY":
        # Counted things compare as counts: "1,500 workers" and "1,200 jobs" are both numbers of jobs.
        unit = str(figure.value.get("unit", ""))
        return "QUANTITY", "count" if unit in COUNTED else unit
    return "PERCENT", ""


def number(figure: Figure) -> float:
    if figure.kind == "PERCENT":
        return float(figure.value.get("fraction", 0.0))  # type: ignore[arg-type]
    return float(figure.value.get("amount", 0.0))  # type: ignore[arg-type]


def precision(figure: Figure) -> float:
    """The step of the last digit printed: "$11.7 billion" 0.1 billion, "$11 billion" 1 billion, "300" 1."""
    digits = re.search(r"(\d[\d,]*)(?:\.(\d+))?", figure.text)
    if not digits:
        return 0.0
    printed = float(digits.group(0).replace(",", ""))
    places = len(digits.group(2) or "")
    value = number(figure)
    scale = value / printed if printed else 1.0
    return scale * 10 ** -places


def agreement(a: Figure, b: Figure) -> str:
    """"same", "rounding" or "differ": how two figures of one quantity in one unit compare."""
    x, y = number(a), number(b)
    if math.isclose(x, y, rel_tol=1e-9) and a.value.get("high") == b.value.get("high"):
        return "same"
    for loose, exact in ((a, b), (b, a)):
        bound, limit, other = loose.bound, number(loose), number(exact)
        step = precision(loose)
        if bound == "above" and limit <= other < limit + step:
            return "rounding"  # "over $11 billion" and "$11.7 billion"
        if bound == "below" and limit - step < other <= limit:
            return "rounding"
        if bound == "about" and abs(other - limit) <= max(ABOUT_TOLERANCE * limit, step / 2) + 1e-9 * limit:
            return "rounding"
    coarse = max(precision(a), precision(b))
    if not a.bound and not b.bound and abs(x - y) < coarse / 2 - 1e-9 * max(x, y):
        return "rounding"  # "$1.2 billion" and "$1.24 billion" (not 7% and 7.5%: 7.5 rounds to 8)
    return "differ"


def compare(
    figures: tuple[Figure, ...],
    articles: tuple[Article, ...],
    entities: tuple[Entity, ...],
    stories: Stories,
    curation: FigureCuration | None = None,
) -> Figures:
    """Group figures of one quantity and keep the groups whose figures disagree (or differ only by rounding)."""
    curation = curation or FigureCuration()
    related = holder_relations(articles, entities, curation)
    order = {a.id: index for index, a in enumerate(articles)}  # the corpus is newest first
    by_entity = {e.id: e for e in entities}
    candidates: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.holder and figure.thing:
            candidates[(figure.thing, figure.qualifiers, dimension(figure)[0],
                        dimension(figure)[1] if figure.kind == "QUANTITY" else "")].append(figure)

    def comparable(f: Figure, g: Figure) -> bool:
        if f.article == g.article or (f.years and g.years and not set(f.years) & set(g.years)):
            return False
        story = stories.cluster_of.get(f.article)
        if story is not None and story == stories.cluster_of.get(g.article):
            # One story: the holder may be named by a related entity, and a stake's object may go unsaid.
            return (f.holder == g.holder or g.holder in related.get(f.holder or "", ())) and (
                f.object == g.object or f.object is None or g.object is None)
        # Across stories only a lasting attribute of the very same holder (and the same object) is compared: a
        # company's cost figure is not its other project's.
        return f.thing in LASTING and f.holder == g.holder and f.object == g.object

    conflicts = []
    used_ids: set[str] = set()
    dismissed = {(key(h), THINGS.get(t.casefold(), t.casefold())) for h, t in curation.dismiss}
    for group_key in sorted(candidates, key=repr):
        members = candidates[group_key]
        root = list(range(len(members)))
        # Only figures of one story, or of one holder, can be comparable: pair within those buckets, not all.
        buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, figure in enumerate(members):
            story = stories.cluster_of.get(figure.article)
            if story is not None:
                buckets[("story", story)].append(index)
            buckets[("holder", figure.holder or "")].append(index)
        for bucket in buckets.values():
            for position, i in enumerate(bucket):
                for j in bucket[position + 1:]:
                    if find(root, i) != find(root, j) and comparable(members[i], members[j]):
                        root[find(root, i)] = find(root, j)
        groups: dict[int, list[Figure]] = defaultdict(list)
        for index, figure in enumerate(members):
            groups[find(root, index)].append(figure)
        for group in groups.values():
            if len({f.article for f in group}) < 2:
                continue
            conflict = judge(group, order, by_entity, stories, used_ids, dismissed)
            if conflict is not None:
                conflicts.append(conflict)
    conflicts.sort(key=lambda c: (min(order[f.split(":")[0]] for f in c.figures), c.id))
    return Figures(figures, tuple(conflicts), {k: tuple(sorted(v)) for k, v in sorted(related.items())})


def find(root: list[int], i: int) -> int:
    """Union-find's root of i, halving the path on the way."""
    while root[i] != i:
        root[i] = root[root[i]]
        i = root[i]
    return i


def judge(group: list[Figure], order: dict[str, int], entities: dict[str, Entity], stories: Stories,
          used_ids: set[str], dismissed: set[tuple[str, str]]) -> Conflict | None:
    group = sorted(group, key=lambda f: (order[f.article], f.start))
    currencies = Counter(dimension(f)[1] for f in group)
    # The currency most of them use is the one compared; the others are shown, not compared.
    main = min(currencies, key=lambda c: (-currencies[c], c))
    notes: dict[str, str] = {}
    status = "same"
    compared = [f for f in group if dimension(f)[1] == main]
    for f in group:
        if dimension(f)[1] != main:
            notes[f.id] = "other currency"
    for i, f in enumerate(compared):
        for g in compared[i + 1:]:
            verdict = agreement(f, g)
            if verdict == "rounding":
                # The looser of the two (a bound, or fewer digits) is the one that rounds.
                notes.setdefault(f.id if f.bound or precision(f) > precision(g) else g.id, "rounding")
            if f.article == g.article:
                continue  # one article giving two figures is not two sources disagreeing
            if verdict == "differ":
                status = "conflict"
            elif verdict == "rounding" and status == "same":
                status = "rounding"
    if status == "same":
        if not notes:
            return None
        status = "currencies"
    holders = Counter(f.holder for f in group)
    holder = min(holders, key=lambda h: (-holders[h], entities[h or ""].name))
    assert holder is not None
    thing, qualifiers = group[0].thing or "", group[0].qualifiers
    base = slugify(" ".join((entities[holder].name, *qualifiers, thing)))
    conflict_id, number_ = base, 2
    while conflict_id in used_ids:
        conflict_id, number_ = f"{base}-{number_}", number_ + 1
    used_ids.add(conflict_id)
    names = {key(n) for f in group for n in (entities[f.holder or ""].name, *entities[f.holder or ""].aliases)}
    is_dismissed = any(h in names and t == thing for h, t in dismissed)
    story_ids = tuple(sorted({stories.cluster_of[f.article] for f in group if f.article in stories.cluster_of}))
    return Conflict(conflict_id, holder, thing, qualifiers, tuple(f.id for f in group), status, notes, story_ids, is_dismissed)
