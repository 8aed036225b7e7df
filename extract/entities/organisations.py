"""Rules for organisations, events, governments and projects: names by their last word
("… Limited", "… Forum"), a ministry's portfolio, "Government of X", "the X mine"."""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import MONTHS, WEEKDAYS
from ..vocab import Vocabulary, alternation, with_plain_spellings, words
from .gazetteer import country_pattern, country_prefixes, country_word_start, is_country_start, language_names, place_kind
from .spans import Found

GIVEN_NAMES = frozenset(words("given_names"))  # vocab/given_names.txt, from Faker's 86 locales
MINERAL_WORDS_ANY = alternation(tuple(form for form in words("minerals") if " " not in form))
# Company legal forms (vocab/legal_forms.txt): one list ends names (ORG_SUFFIX), extends a model span that
# stopped short (ORG_TAIL), and is what a later, shorter mention leaves off (link.py).
LEGAL_FORMS = alternation(words("legal_forms"), optional_marks=True)
# "PT Kencana Tembaga Indonesia", "CV Maju": a legal form written before the name (Indonesia, Malaysia).
LEGAL_FORMS_FIRST = r"(?:PT|P\.T\.|CV|JSC|OJSC|PJSC)"  # "JSC Tau-Ken Samruk": Kazakh and Russian usage too
LEGAL_PREFIX = re.compile(rf"^{LEGAL_FORMS_FIRST}\.? ")
BRACKETED_FORM = r"\((?:Pvt|Pty|Private)\.?\)"  # "Wah Nobel (Pvt) Limited", "Chengeta Lithium (Private) Limited"
# A chamber's name may go on after "Chamber of Commerce": "… Chamber of Commerce and Industry".
ORG_SUFFIX = re.compile(
    rf"(?:\b(?:{alternation(words('organisation_words', 'ends'))}|Chamber of Commerce [\w ]+)|(?<![\w.])(?:{LEGAL_FORMS})|"
    rf"{BRACKETED_FORM}(?: Ltd\.?| Limited)?)$"
)
# Extends a name whose model span stopped short of its company suffix: "Wah Nobel" + " (Pvt) Limited".
# ("Ribeiro Vaz, SGPS, S.A.": a holding company's form, then its company form.)
LEGAL_FORM_RUN = rf"(?:{LEGAL_FORMS})(?:, (?:{LEGAL_FORMS})(?![\w.]))?"
TRAILING_LEGAL_FORM = re.compile(rf",? {LEGAL_FORM_RUN}$")  # what a name is without: "Kalinga Ferro Alloys" of "… Limited"
ORG_TAIL = re.compile(rf"^,?\s*(?:{BRACKETED_FORM}\s*)?{LEGAL_FORM_RUN}(?![\w.])|^\s*{BRACKETED_FORM}")
# The last word of an event's name: "Pakistan Minerals Investment Forum", "Bishkek Mining Week".
EVENT_WORDS = alternation(words("event_words"))
EVENT_SUFFIX = re.compile(rf"\b(?:{EVENT_WORDS})(?: (?:19|20)\d{{2}}| \d{{1,2}})?$")
ORIGIN_ONLY = {"us", "u.s.", "national", "federal", "state", "the"}


def is_event_name(name: str) -> bool:
    """'World Mining Congress', 'Future Minerals Forum 2026'; not 'Congress' or 'US Congress' (a legislature): an
    event word needs a name before it that is more than a country or an origin word."""
    event = EVENT_SUFFIX.search(name)
    if not event:
        return False
    before = name[:event.start()].strip()
    return bool(before) and before.casefold() not in ORIGIN_ONLY and place_kind(before) not in ("country", "subdivision")


# A run of capitalised words ending in an event or organisation word is a name
# even where the model saw none: "Pak-China E-Mining Platform", "… Cooperation Forum".
SUFFIXED_NAME = re.compile(
    r"(?<![\w-])[A-Z][\w’'.&]*(?:(?:[ \t]+|[-–])(?:of |and |& |for |on |the )?[A-Z][\w’'.&]*){0,7}"  # never across lines
    rf"(?:[ \t]+|[-–])(?:(?P<event>{EVENT_WORDS})"
    rf"(?: (?:19|20)\d{{2}})?|(?P<org>{alternation(words('organisation_words', 'finds'))}))\b"
)
# "Gold", "Mining", "Group", "Manganese": a word that follows a company's short name in its full name.
COMPANY_TAIL_WORD = re.compile(rf"(?:{alternation(words('organisation_words', 'tail'))}|(?i:{MINERAL_WORDS_ANY}))")
# "Barrick Gold", "X Mining", "Y Resources": a name ending in an industry word is a company.
COMPANY_WORD = re.compile(rf"\s(?:{alternation(words('organisation_words', 'industry'))})$")
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
# "Compañía Minera …", "Zaklady Nawozowe …": words that say "company", "bank" or "body" first, in the languages of
# mining news, written with or without their accents (vocab/organisation_words.txt, "opens").
COMPANY_WORDS_FIRST = with_plain_spellings(words("organisation_words", "opens"))
# Words that open a sentence and never begin a name (vocab/opening_words.txt).
OPENING_WORDS = alternation(words("opening_words"))
# "Shares of …", "Executives of …" (vocab/partitive_words.txt): what heads a phrase about a name.
PARTITIVE = re.compile(rf"(?:{alternation(words('partitive_words'))}) (?:of|in) (?:the )?(?=[A-Z])")
CAPITALISED_RUN = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
# A capital letter of the Latin alphabets of mining news: "İnşaat", "Łódź", "Ōita", "Ýaşyldepe" open names too.
CAPITAL = "[" + "".join(letter for letter in map(chr, range(0x41, 0x250)) if letter.isupper()) + "]"
# ("and" in the languages of mining news too: "Minería, Petróleo y Energía", "Madencilik ve İnşaat".)
AND_WORD = r"(?:and|y|e|et|und|ve)"
PORTFOLIO = re.compile(rf"(?: of {CAPITALISED_RUN})?(?:, {CAPITALISED_RUN})*(?:,? {AND_WORD} {CAPITALISED_RUN})?")
# A body named by its portfolio: "Ministry of …", "Sociedad Nacional de Minería, …" (a society, chamber or council only
# with its "of": "the Business Council, Barrick and Komatsu" are three names).
PORTFOLIO_NAME = re.compile(
    r"\b(?:(?:Ministry|Department|Directorate|Committee|Commission)(?: (?:of|for|on)(?: [A-Z][\w-]*)+(?:, [A-Z][\w-]*(?: [A-Z][\w-]*)*)*)?"
    r"|(?:Ministerio|Secretaría|Sociedad|Society|Association|Asociación|Chamber|Cámara|Federation|Federación|Confederation|"
    r"Confederación|Council|Institute|Instituto)(?: [A-Z][\w-]*)* (?:of|for|de|del)(?: [A-Z][\w-]*)+)$")


def with_portfolio(text: str, start: int, end: int) -> tuple[int, int]:
    """'Ministry of Investment, Trade and Industry', 'Department of Industry, Science and Resources', 'State Committee
    on Investments and State Property Management': a body's portfolio list belongs to its name, though the model
    stops at the first comma or "and"."""
    head = re.search(r"\b(?:Ministry|Department|Secretary|Minister|Agency|Office)\s+(?:of|for)\s+$", text[max(0, start - 30):start])
    if head and text[start:start + 1].isupper():
        start -= len(head.group(0))
    if PORTFOLIO_NAME.search(text[start:end]):
        portfolio = PORTFOLIO.match(text, end)
        # ("Ministry of Energy, Petroleum Division": a body's own division named after it is another name.)
        if portfolio and re.search(r"\b(?:Division|Department|Directorate|Wing|Bureau|Office)$", portfolio.group(0)):
            portfolio = None
        if portfolio and portfolio.end() > end and (", " in portfolio.group(0) or re.search(rf" {AND_WORD} ", portfolio.group(0))
                                                     or portfolio.group(0).startswith(" of ")):
            end = portfolio.end()
    return start, end


OF_WHERE = re.compile(r" of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?(?![\w-])")
# "Indonesian Forum for the Environment", "Centre for Responsible Mining": what a body is for is in its name.
FOR_WHAT = re.compile(r" for (?:the )?[A-Z][\w-]+(?: (?:and )?[A-Z][\w-]+){0,3}(?![\w-])")
BODY_WORD = re.compile(rf"(?:{alternation(words('organisation_words', 'body'))})$")


def of_where(text: str, name: str, end: int, kind: str) -> int:
    """How far the name at `end` goes on with where it is of: "Summit of the Americas", "National Statistics
    Office of Georgia", "Reserve Bank of India" (events, and bodies by their last word); 0 if it does not."""
    where = OF_WHERE.match(text, end)
    if where and (kind == "EVENT" or (kind == "ORG" and BODY_WORD.search(name))):
        return where.end() - end
    purpose = FOR_WHAT.match(text, end)
    if purpose and re.search(r"\b(?:Forum|Centre|Center|Institute|Alliance|Coalition|Council|Foundation|Network|Initiative)$", name):
        return purpose.end() - end
    return 0


SENTENCE_END = re.compile(rf"\b(?!(?:{LEGAL_FORMS}|Intl|Dept|Govt|Natl|Mt|St|Dr|Jr|Sr)\.)[A-Z]?[a-z]{{2,}}\. (?=[A-Z])"
                          # "… according to NPCIL. The Canadian …", "… Tbk. The firm": any full stop ends a sentence
                          # where the next one opens with a word no name begins with.
                          rf"|\. (?=(?:{OPENING_WORDS}|He|She|They|We)\b)")


PORTFOLIO_WORD_SET = frozenset(words("portfolio_words"))
PORTFOLIO_BODY = re.compile(r"\b(?:Department|Ministry|Division|Directorate|Bureau|Commission|Authority|Board|Council|Committee)$")


CONTINENTS = frozenset({"Africa", "Asia", "Europe", "America", "Americas", "Oceania", "Antarctica", "Latin America",
                        "North America", "South America", "Central America", "the Caribbean", "the Middle East"})
PEOPLES_ADJECTIVE_BEFORE_BODY = re.compile(r"([A-Z][a-z]+) (?=(?:Ministry|Department|Secretariat) of )")


def after_peoples_adjective(text: str, start: int, end: int) -> int:
    """'the Japanese Ministry of Economy, Trade and Industry': a people's adjective before a body "of" its portfolio
    says whose it is; the name starts after it."""
    adjective = PEOPLES_ADJECTIVE_BEFORE_BODY.match(text, start)  # (the body's "of" may lie past the end found so far)
    return adjective.end() if adjective and adjective.end() < end and is_place_adjective(adjective.group(1)) else start


def suffixed_names(text: str) -> list[Found]:
    found = []
    for match in SUFFIXED_NAME.finditer(text):
        lead = LEADING_ARTICLE.match(match.group(0))
        start = match.start() + (lead.end() if lead else 0)
        # "Later the Pak-China … Platform", "In March the European Commission": capitalised words that open a
        # sentence before "the" are not part of the name.
        opener = (re.match(r"(?:[A-Z][a-z]+ ){1,3}the ", text[start:match.end()])
                  or re.match(rf"(?:{OPENING_WORDS}) (?=[A-Z])", text[start:match.end()]))
        if opener:
            start += opener.end()
        partitive = PARTITIVE.match(text, start, match.end())
        if partitive:  # "Shares of Zarghun Metals Ltd": the company's, not its name
            start = partitive.end()
        # "X Corporation and Y Company Limited" are two names, not one; but in "Oil and Gas Development
        # Company" or "Ministry of Energy and Mineral Resources" the "and" is inside one name: a single word or a
        # phrase with "of" before "and" runs on into the next part. Another name before "and" ("Dala Uranium
        # and …") is left to the model.
        part_start = None
        # "Balochistan Mines and Mineral Department": a public body's portfolio may hold "and" anywhere.
        body = PORTFOLIO_BODY.search(match.group(0))
        for part in re.finditer(r".+?(?:\s+and\s+(?=[A-Z])|$)", text[start:match.end()]):
            inner = part.group(0)
            if re.search(r"\s+and\s+$", inner):
                left = inner.rsplit(" and", 1)[0].strip()
                if not ORG_SUFFIX.search(left):
                    # ("Astana Mining and Metallurgy Congress 2026": an event's subjects may be joined by "and" too.)
                    portfolio = bool(body or EVENT_SUFFIX.search(match.group(0))) and left.split()[-1] in PORTFOLIO_WORD_SET
                    # ("Ma’aden Bauxite and Alumina Company", "Oil and Gas Development Company": two trades or two
                    # minerals joined by "and" are what one company deals in.)
                    rest = text[start + part.end():match.end()].split()
                    portfolio = portfolio or bool(rest and COMPANY_TAIL_WORD.fullmatch(left.split()[-1])
                                                  and COMPANY_TAIL_WORD.fullmatch(rest[0]))
                    # (Nor a place: "… in Chile and Sullivan & Cromwell LLP".)
                    # (Nor one word the text writes alone elsewhere: "owned by Barrick and Zijin Mining Group".)
                    alone = (" " not in left and not COMPANY_TAIL_WORD.fullmatch(left)
                             and re.search(rf"(?<![\w-]){re.escape(left)}(?![\w-])(?! and )",
                                           text[:match.start()] + " " + text[match.end():]))
                    # ("a loan from Bank of Africa and Attijariwafa Bank": a body of a place ends its own name.)
                    of_place = re.search(r" of (?:the )?([A-Z][\w-]+(?: [A-Z][\w-]+)?)$", left)
                    body_of_place = of_place is not None and (place_kind(of_place.group(1)) is not None
                                                              or of_place.group(1) in CONTINENTS)
                    if part_start is None and (" " in left and (not re.search(r" (?:of|for) ", left) or body_of_place)
                                               and not portfolio
                                               or place_kind(left) in ("country", "subdivision", "city") or alone):
                        continue
                    part_start = part.start() if part_start is None else part_start
                    continue
            part_start = part.start() if part_start is None else part_start
            name = re.sub(r"\s+and\s+$", "", text[start + part_start:start + part.end()])
            name_start, part_start = start + part_start, None
            # "Jordan. Saudi Arabia's Ministry of …": a full stop after a word (not an abbreviation) ends a sentence.
            stop = next(reversed(list(SENTENCE_END.finditer(name))), None)
            if stop is not None:
                lead = LEADING_ARTICLE.match(name[stop.end():])  # "… NPCIL. The Canadian …": no "The" either
                name_start += stop.end() + (lead.end() if lead else 0)
                name = name[stop.end() + (lead.end() if lead else 0):]
            owner = re.match(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s ", name)
            if owner:  # "China's Ministry of Commerce": China's own name stands apart
                name_start += owner.end()
            name_end = name_start + len(name) - (owner.end() if owner else 0)
            name_start, name_end = with_portfolio(text, after_peoples_adjective(text, name_start, name_end), name_end)
            name_start = after_project_of(text, name_start, name_end)
            name = text[name_start:name_end]
            if " " not in name and "-" not in name:
                continue
            if re.fullmatch(r"(?:Last|Next|This|That|Each|Every|Previous|Following|Same|One|Per) Week", name):
                continue  # a time, not an event: "Last Week"
            kind = "EVENT" if is_event_name(name) else "ORG"
            extended = of_where(text, name, name_end, kind)
            if extended and text[name_end:name_end + 5] == " for ":
                kind = "ORG"  # a forum "for the Environment" is a body; an event is of a place or a year
            name_end += extended
            # "the Mulungushi International Conference Centre": an event's word, then a building's, names a venue.
            venue = re.match(r" (?:Centre|Center|Hall|Complex|Grounds)\b", text[name_end:]) if kind == "EVENT" else None
            if venue:
                name_end, kind = name_end + venue.end(), "LOC"
            name = text[name_start:name_end]
            found.append(Found(name_start, name_end, name, kind, name, origin="rule"))
    return found


# "the Agency for Fair Competition and Consumer Protection", "the Office of the Registrar": a public body named by
# what it is for or of, its head word first, which the model may not see at all.
# (And in the languages of mining news: "the Defensoría del Pueblo", "the Direction des Mines".)
BODY_NAMED_FOR = re.compile(r"(?:(?<=\bthe )|(?<=\bThe ))((?:Agency|Authority|Commission|Office|Bureau|Directorate|Council|"
                            r"Committee|Board|Institute|Centre|Center|Ministry|Department|Defensoría|Contraloría|Procuraduría|"
                            r"Fiscalía|Superintendencia|Dirección|Secretaría|Ministerio|Instituto|Servicio|Agencia|Comisión|"
                            r"Consejo|Autoridad|Direction|Agence|Conseil|Ministère|Institut|Agência|Secretaria|Conselho) "
                            r"(?:of|for|de|del|de la|des|du|de l'|da|do|dos|para|pour) (?:the )?[A-Z][\w-]+"
                            r"(?: (?:and |& |of |for |y |e |et |et des |et de |et du |de |del |des |du |da |do )?[A-Z][\w-]+){0,5})"
                            r"(?![\w-])")


# "the Prime Minister's Office", "the President's House": an office named after its holder's title is a body (its
# office) or a building (its house), never a person.
OFFICE_OF_TITLE = re.compile(r"\b(?:Prime Minister|President|Chief Minister|Vice President|Governor|Chief Secretary|"
                             r"Chief Executive|Premier)['’]s (?:(?P<body>Office|Secretariat)|House|Residence|Palace)\b")


def offices_of_titles(text: str) -> list[Found]:
    return [Found(m.start(), m.end(), m.group(0), "ORG" if m.group("body") else "LOC", m.group(0), origin="rule")
            for m in OFFICE_OF_TITLE.finditer(text)]


def bodies_named_for(text: str) -> list[Found]:
    return [Found(m.start(1), m.end(1), m.group(1), "ORG", m.group(1), origin="rule") for m in BODY_NAMED_FOR.finditer(text)]


# "InterBattery 2026", "Indaba 2025 in Cape Town": a name with its year, where what follows ends a phrase, is an
# edition of an event (not "Barrick 2024 results": a year before a noun dates the noun).
EDITION = re.compile(r"(?<![\w’'.-])([A-Z][\w&-]*[a-z][\w&-]*(?: [A-Z][\w&-]*){0,3}) (?:19|20)\d{2}"
                     r"(?=[,.;:)]| (?:in|at|on|and|from|which|this|next|last|held|will|was|is|where|when)\b)")
TIME_WORDS = frozenset(words("time_words"))  # "Early 2026", "Fiscal 2027" (vocab/time_words.txt)
# "Granite Harbor Critical Minerals Fund 2024": a fund's vintage is part of its name.
FUND_VINTAGE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w&-]*(?: of| for| and)? ){1,6}Fund (?:19|20)\d{2})(?![\w-])")


# "the Intergem trade fair", "the Hardrock expo": a name before a lower-case word for a fair is the fair's name.
EVENT_NAMED_BEFORE = re.compile(r"\bthe ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}) (?:international )?"
                                r"(?:trade fair|trade show|gem show|fair|expo|exhibition)\b")


def editions(text: str) -> list[Found]:
    fairs = (named_in_context(text, match, "EVENT") for match in EVENT_NAMED_BEFORE.finditer(text))
    found = [fair for fair in fairs if fair and not ORG_SUFFIX.search(fair.name) and not COMPANY_WORD.search(" " + fair.name)]
    for match in EDITION.finditer(text):
        start = match.start(1)
        lead = OPENED_BY.match(text, start, match.end(1))
        start = lead.end() if lead else start
        name = text[start:match.end()]
        head = text[start:match.end(1)]
        first = re.split(r"[-–]", head.split()[0].lower())[0] if head else ""  # "July-September 2025" is a time
        if (not head or first in TIME_WORDS or first in MONTHS or first in WEEKDAYS or place_kind(head)
                or ORG_SUFFIX.search(head) or COMPANY_WORD.search(" " + head) or FUND_VINTAGE.search(name)):
            continue
        found.append(Found(start, match.end(), name, "EVENT", name, origin="rule"))
    for match in FUND_VINTAGE.finditer(text):
        start = match.start(1)
        lead = OPENED_BY.match(text, start, match.end(1))
        start = lead.end() if lead else start
        found.append(Found(start, match.end(1), text[start:match.end(1)], "ORG", text[start:match.end(1)], origin="rule"))
    return found


# "PT Sarana Tambang Nusantara Tbk", "CV Maju Jaya": a legal form written first opens a company's name, which runs
# to the last capitalised word (the model often keeps only the end, or calls it a person).
PREFIXED_COMPANY = re.compile(rf"(?<![\w-]){LEGAL_FORMS_FIRST}\.? [A-Z][\w’'&-]*(?:\.?(?: [A-Z][\w’'&-]*| &)){{0,6}}\.?")


# "Minera Istmo Azul, S.A.", "Montanha Negra Grafite, Lda", "Khammouane Potash Mining Sole Co., Ltd.": a run of
# capitalised words ending in a legal form (after a comma or not) is a company, whatever the model saw; a unit's
# home in brackets belongs to its name ("Tamarind Metals (Singapore) Pte Ltd").
LEGAL_NAME = re.compile(rf"(?<![\w-]){CAPITAL}[\w’'&-]*(?: (?:de |del |do |da |du |des |la |of |and |ve |y |et |und |e |i |di |& )?"
                        rf"{CAPITAL}[\w’'&-]*){{0,6}}(?: \({CAPITAL}[\w’'&.-]*(?: {CAPITAL}[\w’'&.-]*){{0,2}}\))?"
                        rf",? {LEGAL_FORM_RUN}(?![\w])")
# What stands before a company's name without being part of it: its owner ("South Korea's"), its home or listing
# ("Changsha-based", "Toronto-listed", "state-owned"), or another company and "and".
BEFORE_A_NAME = re.compile(r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s "
                           r"|(?:[A-Z][\w.]* )?[\w-]+-(?:based|headquartered|listed|registered|owned|run|held|backed|led|controlled|"
                           r"funded) "
                           r"|(?:Shares|Units|Stock|Bonds|Owners|Investors|Workers|Staff|Officials) of )+")


PROJECT_OF = re.compile(r".+? (?:Project|Mine|Deposit) of (?:the )?(?=[A-Z])")


def after_project_of(text: str, start: int, end: int) -> int:
    """Where a company's name starts in "the Lofdal Project of Namibia Critical Metals Inc.": after the project's "of"."""
    owned = PROJECT_OF.match(text, start, end)
    return owned.end() if owned else start


# "Lee Da-eun of Hanul Securities Co., Ltd.": a person's name, then "of" and the company's (not "Bank of China Ltd").
# (A given name first, or an East Asian given name of two syllables joined by a hyphen after the surname: "Kim Min-ji".)
PERSON_THEN_OF = re.compile(r"([A-Z][a-z]+)( [A-Z][a-z]+-[a-z]+)?(?: [A-Z][\w’'-]+){0,2} of (?:the )?(?=[A-Z])")


# "Dr. Halima Bello-Yusuf", "Sir Bob Dadae": an honorific or a title, then a capitalised name (vocab/honorifics.txt).
HONORIFIC_WORDS = alternation(words("honorifics"))
PERSON_BY_HONORIFIC = re.compile(rf"(?<![\w-])(?:{HONORIFIC_WORDS})\.? [A-Z]")


def legal_names(text: str) -> list[Found]:
    found = []
    for match in LEGAL_NAME.finditer(text):
        start = match.start()
        lead = OPENED_BY.match(text, start, match.end())
        if lead:
            start = lead.end()
        person = PERSON_THEN_OF.match(text, start, match.end())
        if person and (person.group(1) in GIVEN_NAMES or person.group(2)) and person.group(0).count(" ") >= 2:
            start = person.end()
        # "Riyadh-based Tuwaiq Industrial Holding and London-listed Meridian Metals plc": two companies; but
        # "Nabatea Phosphate and Fertilizer Company P.L.C." is one.
        # "Dala Uranium and Uzbek Uranium Resources JSC" too: a name of three words or more after "and" is another
        # company's whole name, not the end of one.
        for joined in re.finditer(r" and ", text[start:match.end()]):
            after = TRAILING_LEGAL_FORM.sub("", text[start + joined.end():match.end()])
            # ("… in Chile and Sullivan & Cromwell LLP": a place before "and" is no part of the name either.)
            before = text[start:start + joined.start()]
            # (Nor a titled person: "signed by Governor General Sir Bob Dadae and Barrick Gold Corporation".)
            if (ORG_SUFFIX.search(before) or len(after.split()) >= 3 or place_kind(before) in ("country", "subdivision", "city")
                    or PERSON_BY_HONORIFIC.search(before)):
                start += joined.end()
                break
        described = BEFORE_A_NAME.match(text, start, match.end())
        if described:
            start = described.end()
        start = after_project_of(text, start, match.end())
        name = text[start:match.end()]
        if " " in name and name[:1].isupper():
            found.append(Found(start, match.end(), name, "ORG", name, origin="rule"))
    return found


def prefixed_companies(text: str) -> list[Found]:
    found = []
    for match in PREFIXED_COMPANY.finditer(text):
        name = match.group(0)
        stop = SENTENCE_END.search(name)
        if stop:  # "JSC Tau-Ken Samruk. The …": the name ends with its sentence
            name = name[:stop.start() + stop.group(0).index(".")]
        name = re.sub(r"(?:['’]s|\.)$", "", name)
        if len(name.split()) >= 2:
            found.append(Found(match.start(), match.start() + len(name), name, "ORG", name, origin="rule"))
    return found


# "Euronext Dublin", "Inversiones Cordillera Austral", "Banco de la Nación": a word that says "company", "bank" or
# "exchange" first, in another language than English (English ones, "Alliance", "Front", open other phrases too),
# opens an organisation's name, which runs over capitalised words and the particles between them. The English ones
# do so before another language's "of": "Bureau du Cadastre Minier", "Union des Producteurs".
ENGLISH_OPENERS = {"Bureau", "Alliance", "Front", "Coalition", "Movement", "Union", "Federation"}
FOREIGN_COMPANY_WORD = alternation(tuple(w for w in COMPANY_WORDS_FIRST if w not in ENGLISH_OPENERS | {"PT", "CV"}))
ROMANCE_OF = r"(?:de|del|de la|de los|de las|do|da|dos|das|des|du|di)"
ENGLISH_OPENER = alternation(tuple(sorted(ENGLISH_OPENERS)))
# A portfolio list goes on after a comma only with another "of" ("Ministère du Pétrole, des Mines et de l'Énergie"),
# and an "and" may bring one too ("y de", "et de l'"); an elided article sticks to its word ("l'Énergie").
NAME_WORD_AFTER_OPENER = rf"(?: (?:{ROMANCE_OF} |(?:y|e|et) (?:{ROMANCE_OF} )?)?|, {ROMANCE_OF} )(?:[ld][’'])?{CAPITAL}[\w’'&-]*"
COMPANY_WORD_FIRST = re.compile(rf"(?<![\w-])(?:{FOREIGN_COMPANY_WORD}|(?:{ENGLISH_OPENER})(?= {ROMANCE_OF} [A-Z]))"
                                rf"(?:{NAME_WORD_AFTER_OPENER}){{1,6}}")


def company_word_first(text: str) -> list[Found]:
    return [Found(m.start(), m.end(), m.group(0), "ORG", m.group(0), origin="rule") for m in COMPANY_WORD_FIRST.finditer(text)]


# "Chinese Embassy", "US Embassy", "the Japanese Consulate General": a country's mission, named by the country or its
# people's adjective (the model often sees only the adjective).
MISSION = re.compile(r"(?<![\w-])((?:[A-Z][\w.’'-]+ ){1,2})(?:Embassy|Consulate(?: General)?|High Commission)(?![\w-])")


def missions(text: str, vocabulary: Vocabulary) -> list[Found]:
    found = []
    for match in MISSION.finditer(text):
        country = match.group(1).strip()
        term = vocabulary.lookup(country)
        if (place_kind(country) == "country" or (term is not None and term.type == "GPE") or is_place_adjective(country)
                or country in language_names()):
            found.append(Found(match.start(), match.end(), match.group(0), "ORG", match.group(0), origin="rule"))
    return found


# "Export Finance Australia", "Enterprise Ireland", "Minerals Council South Africa", "Bank Indonesia": capitalised words,
# one of them a body's or an industry's (vocab/organisation_words.txt, "agency"), then a country's name, name a
# public body or a company of that country.
AGENCY_WORDS = frozenset(words("organisation_words", "agency"))
WORDS_BEFORE = re.compile(r"(?:[A-Z][a-z]+ ){1,3}$")


def bodies_of_countries(text: str) -> list[Found]:
    found = []
    for start, end in (m.span() for m in country_pattern().finditer(text)):
        run = WORDS_BEFORE.search(text, max(0, start - 40), start)
        if run is None:
            continue
        words_ = run.group(0).split()
        # (Only from the first body word on: "Yesterday Export Finance Australia …" is the agency without "Yesterday".)
        first = next((i for i, w in enumerate(words_) if w in AGENCY_WORDS), None)
        if first is None or place_kind(" ".join(words_[first:]) + " " + text[start:end]):
            continue  # ("Western Australia", "South Africa": a place's own name)
        begin = run.start() + len(" ".join(words_[:first])) + (1 if first else 0)
        found.append(Found(begin, end, text[begin:end], "ORG", text[begin:end], origin="rule"))
    return found


# (Not "the government of President Pedro Castillo": a government named by its head is no organisation's name.)
GOVERNMENT = re.compile(r"(?<!\w)(?:[Tt]he )?(Government of (?:the )?(?!(?:President|Prime|Premier|Chancellor|King|Queen|"
                        r"Governor|Chief) )[A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def governments(text: str) -> list[Found]:
    """'the Government of Pakistan', capitalised, is an organisation's name; 'the government of Pakistan' is a
    description, and Pakistan the place it names."""
    return [Found(m.start(1), m.end(1), m.group(1), "ORG", m.group(1), origin="rule") for m in GOVERNMENT.finditer(text)]


# ("lead" too, a metal only beside another, as in "the Zemo Chala zinc and lead project"; the list leaves it out alone.)
MINERAL_WORDS = alternation(tuple(form for form in words("minerals") if form.islower()) + ("lead",))
# "the Kamoto mine", "the Mount Keel project", "Salar de Atacama operations": the name is a project.
# The little words inside sites' names in the languages of mining news ("Salar de Atacama", "Lugu i Zi").
SITE_PARTICLE = alternation(words("particles", "site"))  # vocab/particles.txt
PROJECT_NAME_RUN = (
    # At most eight words: unbounded, a long run of capitals would be tried from every word (quadratic).
    rf"(?<![\w-])((?:{CAPITAL}[\w’'-]*|{SITE_PARTICLE}|(?:al|el|ad|ar|as|ash|at|az)-[A-Z][\w’'-]*)"
    rf"(?: (?:{CAPITAL}[\w’'-]*|{SITE_PARTICLE}|(?:al|el|ad|ar|as|ash|at|az)-[A-Z][\w’'-]*)){{0,7}}"
    r"(?: \d{1,2}(?![\d.,]))?)"  # a number is part of a name: "the Phosphate 3 complex"
)
SITE_WORD = (
    r"(?:(?P<site>mine|mines|project|deposit|prospect|operations?|concession|pit|quarry|quarries|"
    r"mining complex|mining project|smelter project|block|coal block|licence|license)|"
    r"(?P<facility>refinery|smelter|plant|wells|processing plant|complex))\b"
    # "Marvand project director", "a Huaxin project manager": a company's staff, not a project.
    r"(?! (?:director|manager|head|chief|team|staff|office|engineer|official|spokesman|spokeswoman|spokesperson|"
    r"developer|lead|leader|company|partner|partners|coordinator|officer)s?\b)"
)
# "the Kamoto mine", "the Mount Keel project", "Salar de Atacama operations": the name is a project.
PROJECT_NAME = re.compile(
    PROJECT_NAME_RUN +
    # What kind of site it is may come between: "the Dhal Pir antimony deposit", "the Tor Kandi copper-gold mine".
    # A hyphenated word between is a description too: "the Shoktybai rare-earth deposit", "its ionic-clay project";
    # so are two minerals: "the Tenke Fungurume copper and cobalt mine".
    # (A mineral the word lists lack is named as mineralogy names them, in "-ite": "the La Ceibita jadeite mine".)
    rf"(?= (?:(?:{MINERAL_WORDS}|[a-z]{{3,}}ite|open-pit|underground|[a-z]+(?:-[a-z]+)+)(?:(?:-|/|,? and )(?:{MINERAL_WORDS}))? ){{0,2}}"
    + SITE_WORD + ")"
)
# "the Loma Azulita larimar mine", "the Kowhai flagship project": after "the", a name, then any one word for what
# kind of site it is (a stone no list holds), then the site (not a verb after a modal: "the X could mine").
PROJECT_AFTER_THE = re.compile(
    r"(?<=\bthe )" + PROJECT_NAME_RUN
    + r"(?= (?!(?:will|would|could|should|might|must|also|then|to|that|which|who|and|or)\b)[a-z]{4,} " + SITE_WORD + ")"
)
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z]")  # "Rawdat al-Ghazal": part of the name


def is_adjective(word: str) -> bool:
    """'Indonesian', 'Chilean', 'Saudi-backed': a people's or place's adjective."""
    return bool(re.search(r"(?:ian|ean|ese|ish|ic|an|i|-backed|-owned|-based)$", word)) and not place_kind(word)


def is_place_adjective(name: str) -> bool:
    """'Indonesian', 'Chilean', 'Congolese', 'Saudi': one word, an adjective's ending, and a country's name
    beginning as it does ('Chagai' ends like 'Saudi', but no country begins 'Chag')."""
    if " " in name or place_kind(name):
        return False
    # "Kazakh", "Uzbek", "Afghan": a country's name is the adjective and a suffix ("-stan").
    # ("Omani", "Emirati", "Pakistani": a word ending in "i" is an adjective only of a country's word before it, not
    # "Morowali", which only begins like "Morocco".)
    if name.endswith("i") and len(name) >= 4:
        return len(name) >= 5 and is_country_start(name) or country_word_start(name[:-1])
    return ((bool(re.search(r"(?:ian|ean|ese|ish|an|ic)$", name)) and name[:4].casefold() in country_prefixes())
            or (len(name) >= 5 and is_country_start(name)))


# "the Itabira, Timbopeba and Brucutu mines": every name before a plural site word is a site.
SITE_NAME = r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}"
COORDINATED_SITES = re.compile(rf"\b((?:{SITE_NAME}, )*{SITE_NAME},? (?:and|&) {SITE_NAME}) "
                               rf"(?:(?:{MINERAL_WORDS}|iron ore|open-pit|underground) )?"
                               r"(?:mines|projects|deposits|operations|complexes)\b")


def coordinated_sites(text: str) -> list[Found]:
    found = []
    for match in COORDINATED_SITES.finditer(text):
        for name in re.finditer(SITE_NAME, match.group(1)):
            words_ = name.group(0).split()
            if words_[0] in ("The", "Its", "Their", "Both"):
                continue
            if place_kind(name.group(0)) in ("country", "subdivision") or is_place_adjective(name.group(0)):
                continue
            start = match.start(1) + name.start()
            found.append(Found(start, start + len(name.group(0)), name.group(0), "PROJECT", name.group(0), origin="rule"))
    return found


# "the Damang Mine", "Ahafo North Gold Mine": the site word capitalised, as part of the name; a mineral or industry
# word before it is the kind of mine ("Gold"), not the name. (Not "Mine Workers Union": a name goes on after it.)
CAPITALISED_SITE = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*|de|del|da|do)(?: (?:[A-Z][\w’'-]*|de|del|da|do)){0,5}) "
                              # (A works named so too: "the Sweetwater Plant", "Mt Weld Concentration Plant".)
                              # ("the Voisey’s Bay Mine Expansion": the site's expansion is the site's.)
                              r"(?:Mine|Mines|Project|Deposit|Pit|Plant|Refinery|Smelter)(?: (?:Expansion|Extension)(?: Project)?)?"
                              r"(?![\w’'-]| [A-Z]| of\b| and [A-Z])")
# "the tungsten project Upper Kayrakty in the Shet district": the name after what it is, then where it is.
SITE_THEN_NAME = re.compile(rf"\b(?:{MINERAL_WORDS}|iron ore|coal|gas|oil)(?:-(?:{MINERAL_WORDS}))? (?:project|mine|deposit) "
                            r"((?:[A-Z][\w’'-]*)(?: [A-Z][\w’'-]*){0,2})(?=[,.;:)]| (?:in|at|near|located|situated)\b)")
KIND_WORD = re.compile(rf"(?i:{MINERAL_WORDS_ANY}|mining|coal|iron|ore|open|pit|underground|copper-gold)$")


# A landform or settlement word right after a possessive makes one place's name: "Voisey’s Bay", "Hudson's Bay".
POSSESSIVE_PLACE_WORD = re.compile(r"(?:Bay|Island|Point|Creek|Harbour|Harbor|Head|Hill|Peak|Cove|Sound|Inlet|Landing|Well|"
                                   r"Wells|Springs|Falls|Crossing|Reach|Rock|Town|Vineyard)\b")


def capitalised_sites(text: str) -> list[Found]:
    found = []
    for match in list(CAPITALISED_SITE.finditer(text)) + list(SITE_THEN_NAME.finditer(text)):
        # Words with where they start; an owner before "'s" is not the site ("Newmont's Ahafo Mine").
        words_ = [(w.start(), w.group(0)) for w in re.finditer(r"\S+", match.group(1))]
        owner = max((i for i, (_, w) in enumerate(words_) if re.search(r"['’]s$", w)
                     and not (i + 1 < len(words_) and POSSESSIVE_PLACE_WORD.fullmatch(words_[i + 1][1]))), default=-1)
        words_ = words_[owner + 1:]
        while words_ and (words_[0][1] in OPENERS or words_[0][1][0].islower()):
            words_ = words_[1:]
        kind_words = 0
        while len(words_) > 1 and KIND_WORD.match(words_[-1][1]):
            words_ = words_[:-1]
            kind_words += 1
        if not words_:
            continue
        start, end = match.start(1) + words_[0][0], match.start(1) + words_[-1][0] + len(words_[-1][1])
        name = text[start:end]
        # "Zambia's Mopani Copper Mines", "Konkola Copper Mines": a capitalised metal, then "Mines", ends a company's
        # name (a mine is "the Kamoto Copper Mine").
        # ("Jupiter Mines", "Ivanhoe Mines": a name with "Mines" and nothing else after it is a company's too; a
        # single mine is "the X Mine".)
        if match.group(0).endswith(" Mines") and name[:1].isupper() and (kind_words or " " not in name):
            found.append(Found(start, match.end(), text[start:match.end()], "ORG", text[start:match.end()], origin="rule"))
            continue
        if (words_[-1][1][0].islower() or ORG_SUFFIX.search(name) or place_kind(name) in ("country", "subdivision")
                or is_place_adjective(name) or KIND_WORD.match(name)):
            continue
        found.append(Found(start, end, name, "PROJECT", name, origin="rule"))
    return found


OPENERS = ("The", "Its", "This", "That", "A", "An", "Our", "Their", "His", "Her", "Your", "My", "Every", "Each", "No",
           "Any", "One", "At", "In", "From", "Near", "Why", "How", "What")


# What ends the text before a sentence's first word, once spaces and opening quotes are set aside.
SENTENCE_BEFORE = re.compile(r"(?:^|[\n.!?:][\"”’]?)$")


def opens_a_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of its sentence (or of a quotation opening one)."""
    return SENTENCE_BEFORE.search(text[max(0, start - 80):start].rstrip(" \t\"“‘'(")) is not None


def capitalised_elsewhere(text: str, word: str, start: int) -> bool:
    """Whether the text writes this capitalised word somewhere other than at `start` and not opening a sentence."""
    return any(m.start() != start and not opens_a_sentence(text, m.start())
               for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def project_names(text: str) -> list[Found]:
    found = coordinated_sites(text) + capitalised_sites(text)
    matches = {m.span(1): m for m in list(PROJECT_AFTER_THE.finditer(text)) + list(PROJECT_NAME.finditer(text))}
    for match in sorted(matches.values(), key=lambda m: m.start()):
        # "Kafue Basin Copper Limited's Mukanda West mine": the project is what follows the owner.
        # ("Ivanhoe Mines' Kamoa-Kakula complex": a plural owner's mark too.)
        name = re.split(r"['’]s |(?<=s)['’] ", match.group(1))[-1]
        owned = name != match.group(1)  # "Rio Tinto’s Sweetwater plant": an owner's works, named
        words = name.split()
        # Trim lowercase particles at the edges and a sentence's first word ("The", "Its").
        while words and ((words[0][0].islower() and not ARABIC_ARTICLE.match(words[0]))
                         or words[0] in ("The", "Its", "This", "That", "A", "An", "Our", "Their", "His", "Her", "Your",
                                         "My", "Every", "Each", "No", "Any", "One")):
            words = words[1:]
        # (Nor "the first Japanese-led rare-earth project": a word ending "-led", "-owned" describes.)
        if (not words or (words[-1][0].islower() and not ARABIC_ARTICLE.match(words[-1])) or re.search(r"['’]s?$", words[-1])
                or re.search(r"-[a-z]+$", words[-1])):
            continue  # (nor "Freeport’s mine": the owner, not the project)
        name = " ".join(words)
        start = match.end(1) - len(name)
        # "Indonesian operations", "its underground operations", "the Chilean mine": a description, not a name.
        operations = bool(match.group("site")) and match.group("site").startswith("operation")
        # ("Anglo American’s Quellaveco operation": an owner's one-word operation is named.)
        if is_place_adjective(name) or (operations and ((len(words) == 1 and not owned) or is_adjective(name))):
            continue
        # "Solution mines are easier to build", "Flotation plant …": one word opening a sentence, capitalised nowhere
        # else in the text, names a kind of site; "a small Styrian mine": a region's adjective, where.
        if len(words) == 1 and (name.endswith("ian") or (opens_a_sentence(text, start) and not capitalised_elsewhere(text, name, start))):
            continue
        # "the Tanjung Kaloro HPAL project": the process's acronym says what kind of plant, the name is before it.
        while len(words) > 1 and re.fullmatch(r"[A-Z]{2,5}", words[-1]) and not re.fullmatch(r"[A-Z]{2,5}", words[-2]):
            words = words[:-1]
        name = " ".join(words)
        surface = text[start:match.end(1)]  # the acronym stays in the mention's text, not in the project's name
        # "its Balochistan licence": a country or province is where the project is, not its name.
        if ORG_SUFFIX.search(name) or name.isupper() and len(name) <= 4 or place_kind(name) in ("country", "subdivision"):
            continue
        # "the Dogon Kuka refinery" names a plant; "the Karachi refinery" is only where one is.
        if match.group("facility") and (place_kind(name) and not owned or len(words) > 3):
            continue
        found.append(Found(start, match.end(1), surface, "PROJECT", name, origin="rule"))
    return found


# What only an organisation has, right after its name: "Codelco Chairman Maximo Pacheco", "a Talison Lithium
# spokesman", "Barrick Gold's CEO", "Talison's shareholders". (Verbs such as "produced" are no evidence: towns
# and countries produce too.)
OWNED_BY_ORGANISATION = (r"(?:['’]s)? (?:(?i:chairman|chairwoman|chief executive|CEO|CFO|spokesman|spokeswoman|spokesperson|"
                         r"president director|managing director)|board of directors|shareholders|subsidiary|shares|"
                         # "Dawn newspaper reported": what an outlet is, said after its name
                         r"newspaper|daily|news agency|broadcaster|magazine|weekly|news website|"
                         # "the M23 rebel group", "the Ngaro lobby group": a group named, then said what it is
                         r"(?:rebel|militant|armed|insurgent|separatist|lobby|pressure|advocacy|campaign|activist|industry) "
                         r"(?:group|movement|coalition)|"
                         r"stock (?:rose|fell|jumped|slid|climbed|dropped)|operates (?:the|a|an|its|two|three|several))\b")
# Up to four capitalised words ("Ma'aden" too, but not the owner's "Zambia's").
NAME_RUN = r"[A-Z][\w&-]*(?:['’](?!s\b)[\w-]+)?(?: [A-Z][\w&-]*(?:['’](?!s\b)[\w-]+)?){0,3}"
CAPITALISED_NAME = rf"(?<![\w’'.-])({NAME_RUN})"
# An outlet's name may be its web address: "news site Kun.uz", "Mining.com reported".
OUTLET_NAME = rf"{NAME_RUN}(?:\.(?:com|net|org|info|news|[a-z]{{2}})\b)?"
# "told Reuters", "according to Bloomberg", "the state news agency Antara": an outlet the story cites.
CITED = re.compile(r"\b(?:told|[Aa]ccording to|reported by|quoted by|citing|cited by|"
                   r"[Ss]peaking to|[Ii]n an interview with|compiled by|published by|"
                   rf"(?:news|state news|wire) agency|newspaper|news (?:site|website|portal)|, reported|, reports) (?:the )?({OUTLET_NAME})"
                   # "Bloomberg reported in May that …", "Dawn reports": an outlet's report.
                   rf"|(?<![\w’'.-])({OUTLET_NAME}) (?:(?:first|earlier|previously|exclusively|also) )?"
                   r"(?:reported|reports|learns|learned|understands)"
                   r"(?= (?:that|on|in|earlier|last|this|late)\b|[.,]|(?<=first reported) the\b)")
ORGANISATION_CONTEXT = re.compile(CAPITALISED_NAME + rf"(?={OWNED_BY_ORGANISATION})")
# "Shares in Shannonside fell 1.8pc", "Lekhubu said in a stock exchange filing": only a company has shares that move
# or files with an exchange or a regulator.
PERSONAL_HONORIFICS = frozenset(words("honorifics", "personal"))
SHARES_OR_FILING = re.compile(rf"\b[Ss]hares (?:in|of) (?:the )?({NAME_RUN})(?= (?:rose|fell|jumped|slid|climbed|dropped|"
                              rf"closed|gained|lost|surged|slumped|traded|were|have|had)\b)"
                              rf"|{CAPITALISED_NAME} (?:said|says|disclosed|announced) in an? (?:stock exchange |regulatory |"
                              rf"securities |exchange )?filing"
                              # "Davy said in a note": a broker writes notes to its clients
                              rf"|{CAPITALISED_NAME} (?:said|says|wrote|writes) in an? (?:research |client )?note\b")
# "Glencore (GLEN.L)", "Lundin Mining Corporation (LMC, LUN.TO)", "Barrick (NYSE: GOLD)": a name with its share's
# ticker after it is a listed company's, whatever town shares it.
# An exchange before a share's code ("NYSE: ", "TSX:"), and a code with its exchange's letters after it ("GLEN.L").
EXCHANGE = r"[A-Z][A-Za-z]{1,9}: ?"
CODE_ON_EXCHANGE = r"[A-Z0-9]{2,6}\.[A-Z]{1,2}"
TICKER = rf"(?:{EXCHANGE}[A-Z0-9]{{1,6}}(?:\.[A-Z]{{1,2}})?|{CODE_ON_EXCHANGE})"
LISTED = re.compile(rf"{CAPITALISED_NAME}(?: (?:{LEGAL_FORMS}))?,? \((?:[A-Z][\w&-]{{1,8}}, )?{TICKER}(?:[;,] [^()]{{1,40}})?\)")
# "X, Y and Z": names listed, each its own.
NAME_LIST = rf"((?:{NAME_RUN}\s?, )+{NAME_RUN},? (?:and|&) {NAME_RUN})\b"
COMPANIES_LISTED = re.compile(rf"\b(?:companies|firms|miners|producers|groups|lenders|banks|refiners|smelters|carmakers|"
                              rf"automakers|steelmakers|traders|conglomerates),? (?:such as|including|like|led by) {NAME_LIST}")
# "chief executive of Gavi, and …", "an analyst at Tamarind Capital said": where an officer, an analyst or a
# spokesperson works is an organisation (a country's president is the gazetteer's business: no place is taken).
OFFICER_OF = re.compile(r"\b(?:chief executive|chief executive officer|CEO|chairman|chairwoman|chairperson|managing director|"
                        r"general manager|director general|director-general|head|founder|co-founder|spokesman|spokeswoman|"
                        r"spokesperson|executive director|chief financial officer|CFO|chief operating officer|COO|"
                        # ("Analysts at Marina Bay Metals Research said": opening a sentence too)
                        # ("Analyst Sam Whitford of Forsyth Barr": the officer's name may come between.)
                        rf"[Aa]nalyst|[Aa]nalysts|[Ee]conomist|[Ee]conomists)(?: [A-Z][\w’'-]+){{0,3}} (?:at|of) (?:the )?({NAME_RUN})"
                        r"(?=[,.;:)]| (?:and|who|said|says|told|added|in)\b)")  # ("… at Kurobe Securities in Tokyo said")
# "Saudi Gold Refinery Deputy Chairman Faisal Suleiman": an organisation, then a ranked officer of it.
RANKED_OFFICER_OF = re.compile(CAPITALISED_NAME + r"(?= (?:Deputy|Vice|Executive|Acting|Managing|Group|Interim) "
                               r"(?:Chairman|Chairwoman|Chairperson|Chief Executive|CEO|President|Director|Managing Director)\b)")
# "the Collahuasi mine, jointly owned by Anglo American and Glencore", "a unit of Sarana Tambang": who owns or runs a
# mine or a company is a company (a person owns, but does not operate, jointly own or have units).
# ("owned 50:50 by", "owned equally by": who owns a stake in shares is a company, or a state's entities.)
OWNERS = re.compile(rf"\b(?:operated|jointly owned|majority-owned|majority owned|wholly owned|wholly-owned|co-owned|run|"
                    rf"owned (?:\d+:\d+|\d+-\d+|equally|jointly)) by "
                    rf"(?:the )?({NAME_RUN})(?: and ({NAME_RUN}))?(?=[,.;:]| [a-z])"
                    rf"|\b(?:a unit|a subsidiary|an affiliate|a division) of (?:the )?({NAME_RUN})(?=[,.;:]| [a-z])")


def described_as(nouns: str, words_between: int) -> re.Pattern[str]:
    """A name, then what it is, in apposition: "Codelco, the Chilean state mining company", "Escondida, the
    world's largest copper mine" (the head noun is the description's own, not one after "of" or "for")."""
    # (Not "Tor Kasi, the town nearest the deposit": a settlement named first is what the name is.) An acronym in
    # brackets may come between: "Toyo Kozan Kaihatsu (TKK), the government-backed company".
    return re.compile(CAPITALISED_NAME + rf"(?=(?: \([A-Z][\w.&-]*\))?, (?:the|a|an|its|their) "
                      rf"(?:(?!of |for |at |with |to |in |near|nearest |closest |next "
                      rf"|town|village|city|port |district|region|province)[\w'’-]+ ){{0,{words_between}}}"
                      rf"(?:{nouns})\b(?!['’]))")  # "Katherine Ashdown, the firm's chief investment officer" is no firm


DESCRIBED_AS_ORGANISATION = described_as(r"company|firm|miner|producer|group|conglomerate|agency|lender|bank|regulator|"
                                         r"newspaper|broadcaster|news agency|state-owned enterprise|developer|smelter operator|"
                                         # "Harzer Zinnhütte, the Goslar-based tin smelter, …": a smelter named so
                                         # is the firm that runs it (a smelter named as a place is "the X smelter").
                                         r"smelter", 4)
DESCRIBED_AS_PROJECT = described_as(r"mine|deposit|project|mining complex", 5)
# "Escondida remains the world's largest copper mine": what a name is, said of it.
SAID_TO_BE_PROJECT = re.compile(CAPITALISED_NAME + r"(?= (?:is|remains|was|became|ranks as) (?:the|a|an|one of the) "
                                r"(?:(?!of |for |at |with |to |in )[\w'’-]+ ){0,5}(?:mines?|deposits?|smelters?|mining complex)\b)")
# "Chile's state-owned copper company, Codelco,": the description first.
# (Not "investor": "mining investor Paul Chimbodza" is a person as often as a fund.)
ORGANISATION_DESCRIBED = re.compile(rf"\b(?:company|firm|miner|producer|conglomerate|lender|regulator|news agency|wealth fund|"
                                    rf"investment fund|pension fund),? ({NAME_RUN})(?=,)"
                                    # "mining group Rio Tinto began", "miner Rio Tinto said", "steelmaker Baosteel"
                                    rf"|\b(?:miner|mining (?:group|company|giant|major|firm)|metals group|resources group|"
                                    rf"steelmaker|smelter operator|trading house|conglomerate|consortium|"
                                    # "the export-credit insurer COSEC will", "state oil company SOCAR said"
                                    rf"insurer|reinsurer|broker|brokerage|lender|utility|export-credit agency|credit agency|"
                                    # "aluminium manufacturer Shandong Weiqiao.", "copper producer Codelco said"
                                    rf"manufacturer|maker|producer|"
                                    # "Glencore’s subsidiary Altonorte": a company's unit
                                    rf"subsidiary|affiliate|parent company|holding company|"
                                    # "the state company MIFERSO has", "the state's SNIM": a state's company
                                    rf"state company|state-owned company|state firm|state miner|state['’]s|"
                                    rf"(?:oil|gas|energy|power|investment|holding|shipping|trading) (?:company|firm|group))"
                                    rf" ({NAME_RUN} No\. \d+|{NAME_RUN})"  # ("investment firm Engine No. 1": a numbered name)
                                    rf"(?=[,.;:]| [a-z])")
OPENED_BY = re.compile(rf"(?:(?:{OPENING_WORDS})(?: |$))+")
# "Japan’s JBIC", "China’s CMOC": letters in capitals a country owns are one of its bodies or companies (not "China’s
# GDP": the common terms are no one's name).
COUNTRY_ACRONYM = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)[’']s ([A-Z][A-Z&]{1,7})\b(?![’'-])")
COMMON_TERMS = frozenset(form.casefold() for form in words("common_terms"))
PRONOUNS = {"I", "We", "He", "She", "They", "It", "Its"}


def named_in_context(text: str, match: re.Match[str], kind: str, towns_too: bool = False) -> Found | None:
    """The name a context pattern caught (its first group that matched); see name_at."""
    start, end = match.span(next(group for group in range(1, match.re.groups + 1) if match.group(group) is not None))
    return name_at(text, start, end, kind, towns_too)


def name_at(text: str, start: int, end: int, kind: str, towns_too: bool = False) -> Found | None:
    """The name at [start, end), without the words opening its sentence or describing it ("Australia-listed"); never
    a place the gazetteer knows, a pronoun, a month or day, or a bare organisation word ("Company"). With towns_too,
    a town's name may be a company's ("miner Rio Tinto", whose name a Brazilian town shares): the context says so."""
    lead = OPENED_BY.match(text, start, end)
    start = lead.end() if lead else start
    described = BEFORE_A_NAME.match(text, start, end)  # "the Rwanda-backed M23": who backs it is no part of it
    start = described.end() if described else start
    name = text[start:end]
    place = place_kind(name) if name else None
    if (not name or (place and not (towns_too and place == "city")) or name in PRONOUNS or ORG_SUFFIX.fullmatch(name)
            or COMPANY_WORD.fullmatch(" " + name) or name.split()[0].lower() in MONTHS or name.split()[0].lower() in WEEKDAYS):
        return None
    return Found(start, end, name, kind, name, origin="rule")


def projects_described(text: str) -> list[Found]:
    found = [named_in_context(text, match, "PROJECT") for pattern in (DESCRIBED_AS_PROJECT, SAID_TO_BE_PROJECT)
             for match in pattern.finditer(text)]
    return [f for f in found if f is not None and not ORG_SUFFIX.search(f.name)] + names_listed(text, PROJECTS_LISTED, "PROJECT")


# "projects ranging from Alemão, Cristalino, and Bacaba in Brazil to …": each name of a list of projects is one.
PROJECTS_LISTED = re.compile(rf"\b(?:projects|mines|deposits|prospects|operations),? (?:such as|including|like|ranging from) "
                             rf"{NAME_LIST}")


def names_listed(text: str, pattern: re.Pattern[str], kind: str) -> list[Found]:
    """Each name of a list the pattern finds after what the names are: "Chinese firms including Zhejiang Huayou
    Cobalt, Sinomine, Chengxin Lithium Group and Yahua" (never a place the gazetteer knows, nor a people's adjective)."""
    found = []
    for match in pattern.finditer(text):
        for name in re.finditer(NAME_RUN, match.group(1)):
            start = match.start(1) + name.start()
            if not place_kind(name.group(0)) and not is_place_adjective(name.group(0)) and name.group(0) not in PRONOUNS:
                found.append(Found(start, start + len(name.group(0)), name.group(0), kind, name.group(0), origin="rule"))
    return found


def organisations_in_context(text: str) -> list[Found]:
    """Names the text treats as an organisation: weighed against the model's guess for the same name."""
    # (An outlet described or cited may share a town's name: "steelmaker Baosteel", "Xinhua reported that".)
    found = [named_in_context(text, match, "ORG", towns_too=pattern in (ORGANISATION_DESCRIBED, CITED, ORGANISATION_CONTEXT, LISTED))
             for pattern in (ORGANISATION_CONTEXT, RANKED_OFFICER_OF, OFFICER_OF, DESCRIBED_AS_ORGANISATION, ORGANISATION_DESCRIBED,
                             CITED, SHARES_OR_FILING, LISTED)
             for match in pattern.finditer(text)]
    found += names_listed(text, COMPANIES_LISTED, "ORG")
    for match in COUNTRY_ACRONYM.finditer(text):
        if place_kind(match.group(1)) == "country" and match.group(2).casefold() not in COMMON_TERMS:
            found.append(Found(match.start(2), match.end(2), match.group(2), "ORG", match.group(2), origin="rule"))
    # Each of two owners named together ("a unit of Australia-listed Prospect Resources": where it is listed is no part
    # of its name).
    found += [name_at(text, *match.span(group), "ORG") for match in OWNERS.finditer(text) for group in (1, 2, 3)
              if match.group(group)]
    # ("Mr Smith said in a filing": a person's honorific opens no organisation's name.)
    return [f for f in found if f is not None and f.name.split()[0].rstrip(".") not in PERSONAL_HONORIFICS]


# What a company does, said right after its short name: "Kalinga managing director …", "Sakuragawa will take …".
ACTS_AS_A_COMPANY = re.compile(r"(?:['’]s)? (?:said|says|will|would|has|had|plans|agreed|owns|holds|signed|bought|sold|"
                               r"shares|managing director|chief executive|chairman|chairwoman|spokesman|spokeswoman|"
                               r"spokesperson|board|chief financial officer)\b")


PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|from|to|across|around|outside|of)(?: the)? $")


def company_short_names(text: str, candidates: list[Found]) -> list[Found]:
    """'Kalinga' after 'Kalinga Ferro Alloys Limited': the first word or two of a company's name in the same article,
    acting as a company ("Kalinga managing director …"), is that company, though a town or a province shares the
    name (never a country's: "Pakistan said" is the state)."""
    companies: dict[str, Found] = {}
    for c in sorted(candidates, key=lambda c: c.start):
        # (Not a name holding "of": "Lee Da-eun of Hanul Securities Co., Ltd." is a person and a company run together.)
        if c.type == "ORG" and (ORG_SUFFIX.search(c.name) or COMPANY_WORD.search(" " + c.name)) and " of " not in c.name:
            words_ = TRAILING_LEGAL_FORM.sub("", c.name).split()
            for cut in (1, 2):
                if cut < len(words_):
                    companies.setdefault(" ".join(words_[:cut]), c)
    if not companies:
        return candidates
    result = []
    for c in candidates:
        company = companies.get(c.name) if c.type in ("GPE", "LOC", "PERSON") else None
        if (company and company.start < c.start and place_kind(c.name) != "country" and ACTS_AS_A_COMPANY.match(text, c.end)
                and not PLACE_PREPOSITION_BEFORE.search(text, max(0, c.start - 12), c.start)):  # "Fishermen from Kokkilai said"
            c = replace(c, type="ORG", name=company.name)
        result.append(c)
    return result
