"""Rules for people: titles and honorifics, a name right after a job title, second and
first surnames, and a surname or given name that stands for the full name seen earlier."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import VALUE_TYPES
from ..vocab import Vocabulary, alternation, words
from .gazetteer import place_kind
from .organisations import COMPANY_TAIL_WORD, COMPANY_WORD, HONORIFIC_WORDS, OPENING_WORDS, ORG_SUFFIX
from .places import CALENDAR_WORDS, DIRECTIONS, PLACE_WORDS, SETTLEMENT_NOUNS
from .spans import Coverage, Found

# "Dr. Halima Bello-Yusuf", "Datuk Seri Razif Omar": honorifics and titles before a name (vocab/honorifics.txt).
HONORIFIC = re.compile(rf"^(?:(?:{HONORIFIC_WORDS})\.?\s+)+")
SECOND_SURNAME = re.compile(r" ([A-Z][a-zà-ÿ’'-]{2,})(?= [a-z]|[,.;:])")


def with_second_surname(text: str, found: Found, candidates: list[Found], vocabulary: Vocabulary) -> Found:
    """'Judge Rosa Huamán Quispe ordered…': the model often stops before a second surname (Spanish and
    Portuguese names carry two); a lone capitalised word right after a full name, before a lower-case word
    or a stop, belongs to it unless it is a day, a month, a known place or another mention."""
    if found.type != "PERSON" or found.origin != "model" or " " not in found.name:
        return found
    match = SECOND_SURNAME.match(text, found.end)
    word = match.group(1) if match else ""
    if not match or word.title() in CALENDAR_WORDS or vocabulary.lookup(word) is not None or place_kind(word):
        return found
    if any(c.start < match.end() and match.start(1) < c.end for c in candidates if c is not found):
        return found
    name = text[found.start:match.end(1)]
    return replace(found, end=match.end(1), text=name, name=name)


# A job title, then a name: "chief executive Naranbaatar Batsaikhan told", "analyst Enkhjargal Dorj said".
JOB_TITLE = rf"(?i:{alternation(words('job_titles'))})"  # vocab/job_titles.txt
# "Ma. Cristina", "Md. Rahman": an abbreviated first name (María, Muhammad) is the name's own.
ABBREVIATED_FIRST_NAMES = ("Ma.", "Md.", "Mohd.", "Muhd.", "Md", "Mohd")
PERSON_NAME = (r"(?:(?:Ing|Eng|Dr|Mr|Mrs|Ms|Prof|Hon|Lic|Atty)\.? )?"  # "chief executive Ing. María …"
               rf"((?:(?:{alternation(ABBREVIATED_FIRST_NAMES)}) )?"
               r"[A-Z][\w’'-]+(?: (?:de |da |do |dos |van |von |bin |bint |binti |ibn |al-|el-)?(?:(?:al|el)-)?[A-Z][\w’'-]+){1,3})")
REPORTING_VERBS = "said|says|told|added|announced|wrote|noted|stated|argued|warned|explained|confirmed|replied"
REPORTING = rf"(?:{REPORTING_VERBS})"
# "director of mines Celso Nhantumbo": a title's own lower-case complement.
# (A post's department may stand there too: "Director of Project Management Abdul Salam Abdullah".)
DEPARTMENT_WORD = rf"(?i:{alternation(words('departments'))})"
TITLED_PERSON = re.compile(rf"\b{JOB_TITLE}(?: of (?:the )?(?:[a-z]+(?: [a-z]+)?|{DEPARTMENT_WORD}(?:,? (?:and |& )?{DEPARTMENT_WORD})*))?"
                           rf" {PERSON_NAME}"
                           # (then what ends a name: "President Kassym-Jomart Tokayev in Washington")
                           rf"(?=[,.;:]|\s{REPORTING}\b|\s(?:who|and|of|in|at|on|during|with|has|had|is|was|will)\b)")
# A name, then its title in apposition: "Ermek Tursunaliev, the Minister of …", "Paul-Henri Wéma, chairman of …".
# (A capitalised word that opens a sentence, or a month or day, does not start the name: "In March Ermek …".)
NOT_A_NAME_START = rf"(?!(?:{OPENING_WORDS}|{'|'.join(sorted(CALENDAR_WORDS))})\b)"
# ("Thandiwe Nkosi, a mining analyst at …": a word or two may say what kind.)
PERSON_THEN_TITLE = re.compile(rf"(?<![\w-]){NOT_A_NAME_START}{PERSON_NAME}, (?:the |its |a |an )?(?:[a-z][a-z-]* ){{0,2}}"
                               rf"{JOB_TITLE}\b")
# "in the presence of the minister, Hanitra Rasoanaivo Razafimahefa, who said": a title, then the name in apposition.
TITLE_THEN_NAME = re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir) (?:[a-z][a-z-]* )?{JOB_TITLE}, {PERSON_NAME}(?=,| who\b| said\b| and\b)")
# A minister's portfolio, then a name, then what they said: "Minister of Mines Gregory Tallis said",
# "Federal Minister for Petroleum Kamran Ali Soomro said": the portfolio is the words a portfolio is made of
# (vocab/portfolio_words.txt), the name the two to four capitalised words after it.
# (What a minister does next may be more than speaking: "… Chanda Mwewa Musonda signed the deal".)
MINISTER_ACTS = rf"(?:{REPORTING_VERBS}|signed|met|visited|attended|opened|launched|inaugurated|approved|pledged|welcomed|urged)"
# Lower-case words inside a person's name: "Altagracia Peña de los Santos", "Johan van der Merwe", "Aisha bint Khalfan".
NAME_PARTICLES = frozenset(words("particles", "person"))  # vocab/particles.txt
# The posts a portfolio follows ("Minister for Industry, Commerce and Supplies"); a governor or a director general
# heads a body whose name follows instead ("Governor of the Central Bank of Kenya").
MINISTERIAL_TITLE = r"(?:Minister|Secretary|Undersecretary|Under-Secretary|Vice[- ]Minister|Commissioner)"
MINISTER_OF_PERSON = re.compile(
    rf"\b(?:{MINISTERIAL_TITLE}|Governor|Director General|Director-General) (?:of|for) "
    # (A middle initial is one of the name's words: "Minister of Economy Sergio T. Massa and …".)
    rf"(?:the )?([A-Z][\w-]*(?:,? (?:and |& )?(?:(?:[A-Z]|Hon|Dr|Mr|Mrs|Ms|Prof|Engr?)\. )?"
    rf"(?:(?:{'|'.join(sorted(NAME_PARTICLES))}) ){{0,2}}[A-Z][\w’'-]*){{1,9}})"
    rf"(?:,? {MINISTER_ACTS}\b|(?=, | and | who\b)"
    # ("announced Minister of Industry and Construction Kanat Sharlapayev at a briefing": the name may end where the
    # sentence goes on, where the portfolio's own words say where the name starts.)
    rf"|(?P<goes_on>(?= (?:at|in|on|during|with|from)\b)|(?=[.;]\s)))"
)
PORTFOLIO_WORDS = frozenset(words("portfolio_words"))
# "Ambassador to Pakistan Kenji Morimoto", "Ambassador of Chile Ana Ruiz", "High Commissioner to the United Kingdom Ayesha Rana": an envoy's
# title names where they are posted, then who they are; neither runs into the other.
ENVOY = re.compile(r"\b(?i:ambassador|high commissioner|envoy|consul[- ]general|consul|charg[ée] d['’]affaires|trade commissioner)"
                   # "Ambassador of Japan to Chile Noriko Sasaki": the country sending, then where posted.
                   r" (?:of (?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? (?=to ))?"
                   r"(?:to|in|for|of) (?:the )?((?:[A-Z][\w’'-]+ ){1,4}[A-Z][\w’'-]+)")
# "Engr. Naveed Iqbal Khattak", "Gen Durrani", "Mr Zehri": an honorific that only ever stands before a person.
PERSONAL_HONORIFIC = re.compile(rf"(?<![\w-])(?:{alternation(words('honorifics', 'personal'))})\.? "
                                # (a middle initial may come between: "Shri Jayantilal M. Savaliya")
                                r"([A-Z][\w’'-]+(?: (?:bin |bint |binti |ibn |al-|el-|van |de )?(?:(?:al|el)-)?"
                                r"(?:[A-Z][\w’'-]+|[A-Z]\.(?= [A-Z]))){0,5})")
# Words of a job title or rank that the model runs into the name after it: "Officer Asad Rehman Zehri".
TITLE_WORDS = frozenset(word for title in words("job_titles") + words("honorifics") for word in title.casefold().split()) | {
    "federal", "provincial", "state", "senior", "junior", "acting", "former", "vice", "deputy", "executive", "general",
    "lieutenant", "major", "brigadier", "colonel", "captain", "marshal", "commander"}


# Title words that are never a name's (a "General" or a "Judge" may be a surname; a "Minister" is not).
STRICT_TITLE_WORDS = frozenset({"minister", "secretary", "governor", "commissioner", "ambassador", "mayor", "regent", "chairman",
                                "chairwoman", "spokesman", "spokeswoman", "spokesperson", "director", "president", "ceo"})


def without_title_words(name: str) -> str:
    """'Officer Asad Rehman Zehri' -> 'Asad Rehman Zehri'; a name made only of title words stays as it is."""
    words_ = name.split()
    cut = 0
    while cut < len(words_) - 1 and words_[cut].casefold().rstrip(".") in TITLE_WORDS:
        cut += 1
    # "Economy Minister Tamar Lomidze": a portfolio before the title; the name is the two or more words after it.
    inner = [i for i, w in enumerate(words_[cut:-2], start=cut) if w.casefold().rstrip(".") in STRICT_TITLE_WORDS]
    if inner:
        cut = inner[-1] + 1
    return " ".join(words_[cut:])


def portfolio_then_name(text: str, start: int, end: int, known_portfolio: bool = False) -> tuple[int, int] | None:
    """Where the name is in 'Petroleum Kamran Ali Soomro': after the last portfolio word, two to four words (with
    `known_portfolio`, only after a word the portfolio list knows)."""
    words_ = list(re.finditer(r"[\w’'-]+|&", text[start:end]))
    last = max((i for i, w in enumerate(words_) if w.group(0) in PORTFOLIO_WORDS or w.group(0) in ("and", "&")), default=-1)
    if last == -1 and known_portfolio:
        return None
    if last == -1:
        last = len(words_) - 3  # no portfolio word known: the last two words are the name, as before
    elif words_[last].group(0) in ("and", "&"):
        last += 1  # "Industry, Commerce and Supplies Keshav Prasad Bhattarai": the word after "and" ends the portfolio
    name = words_[last + 1:]
    # (A name may hold lower-case particles: "Altagracia Peña de los Santos".)
    capitalised = [w for w in name if w.group(0) not in NAME_PARTICLES]
    if not 2 <= len(capitalised) <= 4 or any(not w.group(0)[:1].isupper() for w in capitalised) or not name[-1].group(0)[:1].isupper():
        return None
    return start + name[0].start(), start + name[-1].end()


# "the Ambassador of India to Saudi Arabia, Vikram Anand Sethi, and …": the envoy's name in apposition.
ENVOY_NAMED_AFTER = re.compile(ENVOY.pattern + r", ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})(?=,| and\b| said\b)")


def envoys(text: str, vocabulary: Vocabulary) -> list[Found]:
    """'Ambassador to Pakistan Kenji Morimoto', 'Ambassador to the UAE Tahir Andrabi': the place (the longest
    known place first, by the gazetteer or the vocabulary's spellings) and the person."""
    found = []
    for match in ENVOY_NAMED_AFTER.finditer(text):
        place, name = match.group(1), match.group(2)
        term = vocabulary.lookup(place)
        if place_kind(place) or (term is not None and term.type == "GPE"):
            found.append(Found(match.start(1), match.end(1), place, "GPE", place, origin="rule"))
            found.append(Found(match.start(2), match.end(2), name, "PERSON", name, origin="rule"))
    for match in ENVOY.finditer(text):
        words_ = list(re.finditer(r"[\w’'-]+", match.group(1)))
        for cut in range(min(3, len(words_) - 2), 0, -1):
            place = match.group(1)[:words_[cut - 1].end()]
            term = vocabulary.lookup(place)
            if place_kind(place) or (term is not None and term.type == "GPE"):
                offset = match.start(1)
                person = words_[cut:]
                found.append(Found(offset, offset + len(place), place, "GPE", place, origin="rule"))
                name = match.group(1)[person[0].start():person[-1].end()]
                found.append(Found(offset + person[0].start(), offset + person[-1].end(), name, "PERSON", name, origin="rule"))
                break
    return found


def titled_people(text: str, vocabulary: Vocabulary) -> list[Found]:
    """People named right after their job title or a personal honorific, which the model often misses or
    calls organisations; and envoys, with the place they are posted to."""
    found = []
    spans = [match.span(pattern.groups) for pattern in (TITLED_PERSON, PERSON_THEN_TITLE, PERSONAL_HONORIFIC, TITLE_THEN_NAME)
             for match in pattern.finditer(text)]
    spans += [span for match in MINISTER_OF_PERSON.finditer(text)
              if (span := portfolio_then_name(text, *match.span(1), known_portfolio=match.group("goes_on") is not None))]
    for start, end in sorted(set(spans)):  # (two patterns may find one name)
        # "Hon. Koni Wanma, MP": letters after a name say what the person is, and are no part of the name.
        post_nominal = re.search(r",? (?:MP|MNA|MPA|MEP|MLA|MHA|PhD|OBE|CBE|KBE|QC|KC)$", text[start:end])
        if post_nominal:
            end = start + post_nominal.start()
        possessive = re.search(r"['’]s?$", text[start:end])  # "Ms Kanokwan's grandfather": Kanokwan
        if possessive:
            end = start + possessive.start()
        name = without_title_words(text[start:end])
        honorific = HONORIFIC.match(name)
        if honorific and honorific.end() < len(name):
            name = name[honorific.end():]
        start = end - len(name)
        if any(f.start == start and f.end == end for f in found):
            continue  # ("Its chief executive, Khun Dararat Wongsa": two patterns, one name)
        words_ = name.split()
        if (ORG_SUFFIX.search(name) or COMPANY_WORD.search(name) or HONORIFIC.match(name + " ")
                or vocabulary.lookup(name) is not None or place_kind(name)
                or any(place_kind(w) == "country" for w in words_) or name.casefold() in TITLE_WORDS):
            continue
        found.append(Found(start, end, name, "PERSON", name, origin="rule"))
    return found + envoys(text, vocabulary)


# "Hiroko Tanabe of Marunouchi Research": a person and where they work, which the model runs into one name.
PERSON_OF_ORGANISATION = re.compile(r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}) of (?:the )?([A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4})")


def person_of_organisation(found: Found, vocabulary: Vocabulary) -> list[Found]:
    """Split the model's 'Name Surname of Organisation' into the person and the organisation, when no word of
    the first part is an organisation's, a place's or a title's (not "Bank of China", "Gulf of Mexico")."""
    match = PERSON_OF_ORGANISATION.fullmatch(found.text) if found.origin == "model" and found.type in ("ORG", "PERSON") else None
    if not match:
        return [found]
    person, organisation = match.groups()
    if place_kind(organisation) or vocabulary.lookup(organisation) is not None:
        return [found]  # "Associated Press of Pakistan": a body of a place
    if (ORG_SUFFIX.search(person) or COMPANY_WORD.search(person) or HONORIFIC.match(person + " ") or place_kind(person)
            # (a town's name may be a surname, "Tanabe"; a country's or province's is not)
            or any(w.casefold() in TITLE_WORDS or place_kind(w) in ("country", "subdivision") or vocabulary.lookup(w) is not None
                   or ORG_SUFFIX.fullmatch(w) or w.casefold() in DIRECTIONS for w in person.split())):
        return [found]
    start = found.start + match.start(2)
    return [Found(found.start, found.start + len(person), person, "PERSON", person, origin="rule"),
            Found(start, found.start + match.end(2), match.group(2), "ORG", match.group(2), origin="model")]


OPENING_WORD = re.compile(rf"(?:{OPENING_WORDS})$")


def is_persons_name(name: str, organisations: list[str]) -> bool:
    """Whether the model's 'person' can lend its words to surnames: not 'Imereti Manganese' (a company's
    words, the start of 'Imereti Manganese LLC'), not 'Without Chiatura' (a sentence's first word)."""
    words_ = name.split()
    # (Nor "Sohar Port": a port, an airport or a town is named after its place, whose name is no given name.)
    return not (ORG_SUFFIX.search(name) or COMPANY_WORD.search(name) or OPENING_WORD.match(words_[0])
                or words_[-1].casefold() in SETTLEMENT_NOUNS
                or any(COMPANY_TAIL_WORD.fullmatch(w) for w in words_)
                or any(org != name and org.startswith(name + " ") for org in organisations))


def resolve_surnames(text: str, candidates: list[Found]) -> list[Found]:
    """'Kamal' after 'Jam Kamal' (or 'Hara' after 'HARA Shohei') is that person, whatever the model said."""
    organisations = [c.name for c in candidates if c.type == "ORG"]
    full_names = {c.name for c in candidates if c.type == "PERSON" and len(c.name.split()) >= 2
                  and c.name.split()[0].casefold().rstrip(".") not in PLACE_WORDS and is_persons_name(c.name, organisations)}
    parts: dict[str, set[str]] = {}
    for name in full_names:
        words = name.split()
        for part in (words[0], words[-1]):
            if len(part) > 2 and part.casefold() not in DIRECTIONS and part.casefold() not in PLACE_WORDS:
                parts.setdefault(part.casefold(), set()).add(name)
        # "Nurul Huda" of "Nurul Huda Ismail", "Ccori Huillca" of "Eusebio Ccori Huillca".
        for cut in range(2, len(words)):
            for part in (" ".join(words[:cut]), " ".join(words[-cut:])):
                parts.setdefault(part.casefold(), set()).add(name)
        # "Salcedo" of "Rodrigo Salcedo Anaya", "Ortega" of "María Guadalupe Ortega Villaseñor": Spanish and
        # Portuguese writers call a person by the first surname, an inner word.
        for part in words[1:-1]:
            if len(part) > 2 and part[:1].isupper() and part.casefold() not in PLACE_WORDS:
                parts.setdefault(part.casefold(), set()).add(name)
    unique = {part: next(iter(names)) for part, names in parts.items() if len(names) == 1}
    if not unique:
        return candidates
    resolved = []
    for candidate in candidates:
        full = unique.get(candidate.name.casefold())
        # ("nickel" is never the "Nickel" of "Malabanan Nickel": a vocabulary term or a word in lower case.)
        if (full and full != candidate.name and candidate.type not in VALUE_TYPES and candidate.origin != "vocab"
                and candidate.text[:1].isupper()):
            candidate = replace(candidate, type="PERSON", name=full, origin="surname")
        resolved.append(candidate)
    covered = Coverage([(c.start, c.end) for c in resolved])
    added = []
    for match in re.finditer(r"(?<![\w-])[A-Z][\w’'-]*(?![\w-])", text):
        full = unique.get(match.group(0).casefold())
        if full is not None and not covered.touches(match.start(), match.end()):
            added.append(Found(match.start(), match.end(), match.group(0), "PERSON", full, origin="surname"))
    return resolved + added
