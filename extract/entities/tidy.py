"""A model span trimmed to the name it holds, and typed by its last or first word."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import VALUE_TYPES
from ..vocab import alternation
from .gazetteer import COMPASS, is_town, place_kind
from .organisations import (
    COMPANY_TAIL_WORD,
    COMPANY_WORD,
    COMPANY_WORDS_FIRST,
    EVENT_SUFFIX,
    GIVEN_NAMES,
    LEADING_ARTICLE,
    LEGAL_FORMS,
    MINERAL_WORDS_ANY,
    OPENED_BY,
    ORG_SUFFIX,
    ORG_TAIL,
    POSSESSIVE_PLACE_WORD,
    after_peoples_adjective,
    is_event_name,
    of_where,
    with_portfolio,
)
from .people import HONORIFIC, HONORIFIC_WORDS, NAME_PARTICLES, PERSONAL_HONORIFIC, TITLE_WORDS, without_title_words
from .places import ADMINISTRATIVE_NOUN, COMPANY_DESCRIPTION, GEOGRAPHIC_FEATURE, LANDFORM_NOUN, ORGANISATION_WORDS, is_plain_name
from .spans import Found

TRAILING_JUNK = re.compile(r"(?:\s+(?:or|and|nor|of|for|the|in|at|to))?(?:['’]s|['’])?[\s,.;:!?(\[]*$")  # ("the Enga Province of")


def tidy(text: str, found: Found) -> Found | None:
    """Trim a model span to the name: one line, no leading 'the', no possessive; join dashes; type by suffix."""
    start, end = found.start, found.end
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    chunk = text[start:end]
    if found.type not in VALUE_TYPES:
        # "early Industrial Revolution", "œThe" (a broken quotation mark's remains): no name starts in lower case or
        # with a stray mark (but "al-", "de" and other particles may start one).
        stray = re.match(r"(?:[œ€™ž“”‘’\"']+|(?:early|late|mid|former|then|so-called|new) )(?=[A-Z])", chunk)
        if stray:
            start += stray.end()
            chunk = text[start:end]
        # "According to Bloomberg, Nukhba also …": a comma between two names ends the first (a legal form or a
        # ministry's portfolio after a comma is the name's own, and is added back below).
        # (Nor "Office for Geology, Raw Materials and Mining": a list that ends in "and" is one portfolio.)
        comma = re.search(r", (?=[A-Z])", chunk)
        if (comma and found.type in ("ORG", "PERSON", "GPE", "LOC") and not ORG_TAIL.match(chunk[comma.start():])
                and not re.search(r"(?:,| and| &) [A-Z]", chunk[comma.end():])
                and not re.search(r"\b(?:of|for) $", text[max(0, start - 4):start])):
            end = start + comma.start()
            chunk = text[start:end]
        lead = LEADING_ARTICLE.match(chunk) or OPENED_BY.match(chunk)
        if lead and lead.end() < len(chunk):
            start += lead.end()
        elif lead and stray:
            return None  # "œThe": only a sentence's first word was left
        # "China's Ministry of Commerce": the owner is a name of its own, not part of this one.
        # ("CHINA’S Zijin Mining Group": in a headline's capitals too.)
        owner = re.match(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’][sS] ", text[start:end])
        if owner and end - start > owner.end() and not POSSESSIVE_PLACE_WORD.match(text, start + owner.end()):
            start += owner.end()
        # "María del Carmen Ruiz Ortega": a Spanish given name of two, joined by "del", which the model cut.
        compound = COMPOUND_GIVEN_NAME.search(text, max(0, start - 20), start) if found.type == "PERSON" else None
        if compound and compound.group(1) in GIVEN_NAMES:
            start = compound.start()
        # "Mt." + "Weld feedstock": the model stopped at a mountain's abbreviated word; its name follows.
        mountain = re.match(r"\s[A-Z][\w’'-]+", text[end:]) if re.fullmatch(r"Mt\.?|Mount", text[start:end]) else None
        if mountain:
            end += mountain.end()
        if found.type in ("PERSON", "ORG") and HONORIFIC.fullmatch(text[start:end].strip() + " "):
            # A title alone names no one; the capitalised words after it are the person the model half-saw:
            # "Datuk Seri" + "Razif Omar".
            named = re.match(r"\s+([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})\b", text[end:])
            if not named or "\n" in named.group(0):
                return None
            start, end = end + named.start(1), end + named.end(1)
            found = replace(found, type="PERSON")
        honorific = HONORIFIC.match(text[start:end])
        if honorific and found.type == "PERSON":
            start += honorific.end()
        if found.type == "PERSON":
            # "Chief Executive Officer Asad Rehman Zehri": the model ran the end of a title into the name.
            name = without_title_words(text[start:end])
            start = end - len(name)
        # "Project Management Engr. Naveed Khattak": a personal honorific ends whatever the model saw before it.
        personal = PERSONAL_HONORIFIC.search(text, start, end)
        if personal and personal.start() > start and found.type != "PERSON":
            end = personal.start()
        start = after_peoples_adjective(text, start, end)
        # "Trondheim-based Nordhav Mineraler AS", "state-owned Eti Maden": a company's description is not its name.
        described = re.match(rf"(?:[A-Z]\w*|state|privately|family|foreign|locally){COMPANY_DESCRIPTION} ", text[start:end])
        if described and end - start > described.end():
            start += described.end()
        # "Kütahya province", "Pacific coast", "Bangka island": the model took a common noun in lower case along.
        # ("the Khao Ploi Waen hill", "the Gissar mountains": a landform's common noun too.)
        area = re.search(rf" (?:{ADMINISTRATIVE_NOUN}|coast|side|shore|village|town|township|city|island|islands|{LANDFORM_NOUN})$",
                         text[start:end])
        if area and found.type in ("GPE", "LOC"):
            end = start + area.start()
        # "Xinhua news agency", "Dawn newspaper": lower-case words after a name say what it is; no name ends in
        # one (but a legal form may: "Sp. z o.o.").
        described_after = re.search(r"(?: (?!(?:al|el|ad|ar|as|ash|at|az)-[A-Z])[a-z][\w’'-]*)+$", text[start:end])
        if described_after and described_after.start() > 0 and found.type in ("ORG", "PERSON", "EVENT") \
                and not ORG_SUFFIX.search(text[start:end]):
            end = start + described_after.start()
        # "Hongsheng 51pc", "the Atacama east": a figure after a name, or a lower-case compass word after a place's,
        # is what the sentence says next.
        after_name = re.search(r" (?:\d[\d.,]*\s?(?:pc|%|per cent|percent)?|east|west|north|south|northeast|northwest|"
                               r"southeast|southwest)$", text[start:end])
        figure_after = bool(after_name) and after_name.group(0)[1:2].isdigit()
        if after_name and (found.type == "PERSON" if figure_after else found.type in ("GPE", "LOC")):
            end = start + after_name.start()
        # "Gold Fields Ltd. GFIOF", "Yamana Inc. YRI-T": a share's ticker printed after the legal form is no part of it.
        ticker_after = re.search(r"\s[A-Z]{2,6}(?:-[A-Z]{1,2})?$", text[start:end])
        if (ticker_after and found.type == "ORG" and ORG_SUFFIX.search(text[start:start + ticker_after.start()])
                and not ORG_SUFFIX.search(ticker_after.group(0))):  # ("… Corp PLC": two legal forms)
            end = start + ticker_after.start()
        # "Uzbek Uranium Resources JSC (UzUR": a bracket the span opens but does not close is not part of the name.
        opened = text.rfind("(", start, end)
        if opened != -1 and ")" not in text[opened:end]:
            end = opened
        tail = TRAILING_JUNK.search(text[start:end])
        if tail:
            # The full stop of "A.Ş.", "S.A.S.", "Sp. z o.o." belongs to the legal form, not to the sentence.
            cut = start + tail.start()
            end = cut + 1 if text[cut:cut + 1] == "." and ORG_SUFFIX.search(text[start:cut + 1]) else cut
        # A multi-word name that the model cut at a dash compound gets it back:
        # "Japan–Pakistan Business Cooperation Committee", "Pak-China E-Mining Platform".
        # A single word inside a compound ("Japan-Pakistan collaboration") stays itself.
        if " " in text[start:end].strip() or found.type in ("ORG", "EVENT"):
            left = re.search(r"(?:[A-Z][\w.]*[-–])+(?:[A-Z][\w.]*\s)?$", text[max(0, start - 40):start])
            if left and (left.group(0).endswith(" ") or " " in text[start:end].strip()):
                start -= len(left.group(0))
            right = re.match(r"(?:[-–][A-Z][\w]*)+", text[end:])
            if right:
                end += right.end()
        start, end = with_portfolio(text, start, end)
        # A place named with a hyphen is one: "Saxony-Anhalt", "Bitterfeld-Wolfen" (not two countries: "Japan-Pakistan").
        if found.type in ("GPE", "LOC"):
            joined_place = re.match(r"-([A-Z][\w’']+)", text[end:])
            if (joined_place and place_kind(text[start:end]) != "country"
                    and place_kind(joined_place.group(1)) not in ("country", "subdivision")):
                end += joined_place.end()
        # A hyphenated surname is one: "Katarzyna Wróblewska-Nowak", "Paul-Henri Wéma".
        if found.type == "PERSON":
            joined = re.match(r"-[A-Z][\w’']+", text[end:])
            if joined:
                end += joined.end()
            before = re.search(r"[A-Z][\w’']+-$", text[max(0, start - 30):start])
            if before:
                start -= len(before.group(0))
        # "hired Mehmet Ali Karaca", of which the model saw "Ali Karaca": a given name after a lower-case word
        # begins the name (of a span the model took for an organisation too: "chief, Ana María Quispe Mamani").
        if found.type == "PERSON" or is_personal_name(text[start:end]):
            given = re.search(r"(?<=[a-z,;] )([A-ZÀ-ÞĀ-ž][\w’']+) $", text[max(0, start - 30):start])
            if given and given.group(1) in GIVEN_NAMES and given.group(1).casefold() not in TITLE_WORDS:
                start -= len(given.group(0))
        # People whose surnames carry particles: "Johan van der Merwe".
        if found.type == "PERSON":
            particle = re.match(r"(?: (?:van|der|den|de|la|le|del|della|da|dos|das|du|bin|binti|al|el|von|ter|ten))+ [A-Z][\w’'-]*",
                                text[end:])
            if particle:
                end += particle.end()
            # "Nurbek Asanbek uulu": a Central Asian patronymic's "son of" / "daughter of" ends the name.
            patronymic = re.match(r" (?:uulu|kyzy|ogly|oglu|qizi|ugli)\b", text[end:])
            if patronymic:
                end += patronymic.end()
        if found.type == "PERSON":
            # "MCC Mr Zhang", "Balochistan Nawab Aslam": an honorific ends the words before it; the name follows.
            trailing = re.search(rf" (?:{HONORIFIC_WORDS})\.?$", text[start:end])
            if trailing:
                end = start + trailing.start()
        # "Shares of Zarghun Metals Ltd rose": what a sentence says of a company is no part of its name.
        of_company = re.match(r"(?:Shares|Units|Stock|Bonds|Owners|Investors|Workers|Staff|Officials) of (?=[A-Z])", text[start:end])
        if of_company and found.type == "ORG":
            start += of_company.end()
        # "President Metallurgical Corporation of China": a title before an organisation's name is no part of it.
        title = re.match(r"(?:President|Chairman|Chairwoman|Minister|Secretary|Director|Chief) (?=[A-Z])", text[start:end])
        rest = text[start + title.end():end].split() if title else []
        if title and found.type == "ORG" and any(ORG_SUFFIX.search(" ".join(rest[:cut])) for cut in range(1, len(rest) + 1)):
            start += title.end()
        # "Shares in Eti Maden", of which the model saw "Maden": no company is called by an industry word alone, so
        # the capitalised word before it is the name's.
        if found.type == "ORG" and COMPANY_TAIL_WORD.fullmatch(text[start:end]):
            named = re.search(r"(?<=[a-z,] )[A-Z][\w’'-]+ $", text[max(0, start - 30):start])
            if named and named.group(0).strip().casefold() not in TITLE_WORDS:
                start -= len(named.group(0))
        company = ORG_TAIL.match(text[end:])
        kind = found.type
        if company:
            end += company.end()
            kind = "ORG"
        # The model stopped inside a legal form of several words: "Odra Miedź Sp" + ". z o.o.".
        last_word = text.rfind(" ", start, end) + 1
        form = re.match(rf"(?:{LEGAL_FORMS})(?![\w.])", text[last_word:])
        if last_word > start and form and last_word + form.end() > end:
            end, kind = last_word + form.end(), "ORG"
        # "Mulungushi International Conference" + " Centre": the venue, which the model stopped short of.
        venue = re.match(r" (?i:centre|center|hall)\b", text[end:])  # (in lower case too: "Conference centre")
        if venue and kind in ("ORG", "EVENT") and VENUE.search(text[start:end] + venue.group(0).title()):
            end += venue.end()
        if kind in ("ORG", "EVENT"):
            end += of_where(text, text[start:end], end, kind)
        # "China Chamber of Commerce in Pakistan", "the Chinese Embassy in Bolivia": a chamber's or a mission's full name.
        chamber = re.match(r" in (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?", text[end:])
        if chamber and re.search(r"(?:Chamber of Commerce(?: and Industry)?|Embassy|Consulate|Consulate General|High Commission)$",
                                 text[start:end]):
            end += chamber.end()
        # "a complex at Safaga on Egypt's Red Sea coast": a place's name ends before "on" and a country.
        on_country = re.search(r" on ([A-Z][\w-]+(?: [A-Z][\w-]+)?)$", text[start:end])
        if on_country and kind in ("GPE", "LOC") and place_kind(on_country.group(1)) == "country":
            end = start + on_country.start()
        # "the ministry in Southwest Bolivia": a compass word before a country says where in it, and is no part of
        # its name ("South Sudan", a country's own name, stays whole).
        compass = COMPASS.fullmatch(text[start:end])
        if compass and kind in ("GPE", "LOC") and place_kind(compass.group(1)) == "country" and place_kind(text[start:end]) is None:
            start = end - len(compass.group(1))
    else:
        kind = found.type
    if end <= start:
        return None
    name = text[start:end]
    # "the Saindak Project", "Kamoto Mine": a capitalised site word after a name makes it that site's name.
    site = re.fullmatch(r"(.+?) (?:Project|Mine)", name) if kind not in VALUE_TYPES and not ORG_SUFFIX.search(name) else None
    if site and not re.search(r"\b(?:of|for|and)\b", site.group(1)):
        return replace(found, start=start, end=end, text=name, name=site.group(1), type="PROJECT")
    return replace(found, start=start, end=end, text=name, name=name, type=retype(name, kind))


# Names that say "company" or "bank" first, in the languages of mining news: "Société Minière du Nord-Ouest".
LEADING_ORG_WORD = re.compile(rf"(?:{alternation(COMPANY_WORDS_FIRST)}) ")


# "COP29", "G20", "C5+1": capitals run into a number name a gathering (no person, no place is written so).
NUMBERED_GATHERING = re.compile(r"[A-Z]{1,4}\d{1,3}(?:\+\d)?")


# "Mulungushi International Conference Centre", "the Serena Hotel": a building where things happen is a place.
VENUE = re.compile(r" (?:(?:Conference|Convention|Exhibition|Expo|Congress|Trade) (?i:centre|center|hall)|Hotel|Stadium|Arena)$")


MOUNTAIN = re.compile(r"(?:Mount|Mt\.?|Monte|Mont) [A-Z]")


def retype(name: str, kind: str) -> str:
    """Suffixes outweigh the model's guess: '… Limited' is an organisation, '… Forum' an event, '… Basin' a region."""
    if kind in VALUE_TYPES:
        return kind
    if is_event_name(name) or (kind in ("PERSON", "GPE", "LOC") and NUMBERED_GATHERING.fullmatch(name)):
        return "EVENT"
    if ORG_SUFFIX.search(name):
        return "ORG"
    if LEADING_ORG_WORD.match(name) and kind in ("PERSON", "GPE", "LOC"):
        return "ORG"
    if GEOGRAPHIC_FEATURE.search(name) and kind in ("ORG", "PERSON", "LOC", "GPE") and " Economic Corridor" not in name:
        return "LOC"
    # "Mount Wilhelm", "Mt Kandili": a mountain, unless a town bears the name ("Mount Isa").
    if MOUNTAIN.match(name) and kind in ("ORG", "PERSON", "GPE") and place_kind(name) is None:
        return "LOC"
    if VENUE.search(name) and kind in ("ORG", "PERSON", "GPE", "EVENT"):
        return "LOC"
    # "Republic of Madagascar", "Kingdom of Saudi Arabia": a country's formal name is the country.
    formal = re.fullmatch(r"(?:Republic|Kingdom|Sultanate|Emirate|Federation|Commonwealth|State) of (?:the )?(.+)", name)
    if formal and kind in ("ORG", "PERSON", "LOC") and place_kind(formal.group(1)) == "country":
        return "GPE"
    # "Türk Eximbank", "Sberbank", "Halkbank": a name ending in a word run into "bank" is a bank's.
    if kind in ("PERSON", "GPE", "LOC") and re.search(r"[a-z]bank$", name):
        return "ORG"
    if kind in ("PERSON", "GPE", "LOC") and COMPANY_WORD.search(name):
        return "ORG"
    # "Zhejiang Huayou Cobalt": a capitalised metal after a name ends a company's name, never a person's.
    if kind == "PERSON" and " " in name and MINERAL_LAST_WORD.search(name):
        return "ORG"
    # "Katherine Ashdown", "Saad bin Khalid Al-Qahtani": a given name, then only name words, is a person's name
    # however the model read it (a company named after its founder carries an industry word or a legal form).
    if kind == "ORG" and is_personal_name(name):
        return "PERSON"
    # "Pakistan Tehreek-e-Insaf", "Pakistan Army": a country's name, then more name words the gazetteer does not know
    # as one place, is a body of that country, not the country.
    words_ = name.split()
    if (kind == "GPE" and len(words_) >= 2 and place_kind(words_[0]) == "country" and place_kind(name) is None
            and all(w[:1].isupper() for w in words_[1:]) and not COMPASS_END.search(name)):
        return "ORG"
    # "Ahafo North", "Upper Kayrakty": a compass word is no part of a person's name; it names a place or a site.
    if kind == "PERSON" and COMPASS_END.search(name):
        return "GPE"
    return kind


POSSESSIVE_INSIDE = re.compile(r"(.+?)(?:[’']s|(?<=s)[’']) ([A-Z].*)")  # ("Pilbara Minerals’ Pilgangoora": a plural's too)
# A spaced dash ends a name ("ANTANANARIVO — Thai gem cutter …", a dateline and the sentence after it);
# "from Antananarivo to Bangkok" is a route between two places, which the model may read as one name.
SPACED_DASH = re.compile(r" [—–/-] ")  # (and a bilingual label's slash: "… ja vesi / Reindeer …")
ROUTE = re.compile(r"(.+?) to (.+)")


def split_at_breaks(found: Found) -> list[Found]:
    """A model span cut where no name goes on: at a spaced dash, and at the "to" of a route between two known places."""
    if found.origin != "model" or found.type in VALUE_TYPES:
        return [found]
    route = ROUTE.fullmatch(found.text)
    # (One end known is enough where the model called the whole a place: "Marsden Point to Shantou".)
    known = [bool(place_kind(route.group(i))) for i in (1, 2)] if route else []
    if route and (all(known) or any(known) and found.type in ("GPE", "LOC") and route.group(1)[:1].isupper()
                  and route.group(2)[:1].isupper()):
        pieces = [(route.start(1), route.end(1)), (route.start(2), route.end(2))]
    else:
        cuts = [0] + [i for m in SPACED_DASH.finditer(found.text) for i in (m.start(), m.end())] + [len(found.text)]
        pieces = list(zip(cuts[::2], cuts[1::2], strict=True))
    if len(pieces) == 1:
        return [found]
    return [replace(found, start=found.start + a, end=found.start + b, text=found.text[a:b], name=found.text[a:b])
            for a, b in pieces if b > a]


def split_possessive(found: Found) -> list[Found]:
    """"Barrick Mining’s Reko Diq", which the model read as one person: an owner and what it owns, each typed
    by its own words ("… Mining" is a company)."""
    match = POSSESSIVE_INSIDE.fullmatch(found.name) if found.origin == "model" and found.type not in VALUE_TYPES else None
    if not match or found.text != found.name:
        return [found]
    owner, owned = match.group(1), match.group(2)
    if POSSESSIVE_PLACE_WORD.match(owned):
        return [found]  # "Voisey’s Bay", "Martha’s Vineyard" … "St John’s Harbour": a place named with a possessive
    if not found.name[match.end(1):].startswith(("’s", "'s")) and (owned.split()[-1].casefold() in ORGANISATION_WORDS
                                                                     or EVENT_SUFFIX.search(owned)):
        # "Ganjam Coastal Fishworkers' Union", "the C5+1 Leaders’ Summit": a plural's possessive inside a body's or
        # an event's own name
        return [found]
    # ("Chile's Codelco", one place to the model: what a country owns is no place unless the gazetteer says so.)
    owned_kind = "ORG" if found.type == "GPE" and place_kind(owner) and not place_kind(owned) else found.type
    return [replace(found, end=found.start + len(owner), text=owner, name=owner, type=retype(owner, found.type)),
            replace(found, start=found.start + match.start(2), text=owned, name=owned, type=retype(owned, owned_kind))]


# (Letters of Latin Extended-A too: Turkish, Polish, Czech names, "Yıldırımoğlu", "Wróblewska".)
PERSONAL_NAME_WORD = re.compile(r"(?:(?:al|el)-)?[A-ZÀ-ÞĀ-ž][a-zß-ÿā-ž’']+(?:-[A-ZÀ-ÞĀ-ž]?[a-zß-ÿā-ž’']+)*")


def is_personal_name(name: str) -> bool:
    words_ = name.split()
    return (2 <= len(words_) <= 5 and words_[0].split("-")[0] in GIVEN_NAMES and PERSONAL_NAME_WORD.fullmatch(words_[0]) is not None
            and all(PERSONAL_NAME_WORD.fullmatch(w) or w in NAME_PARTICLES for w in words_[1:])
            and PERSONAL_NAME_WORD.fullmatch(words_[-1]) is not None
            and not any(w.casefold() in ORGANISATION_WORDS or place_kind(w) in ("country", "subdivision") for w in words_[1:])
            and not MINERAL_LAST_WORD.search(name))


MINERAL_LAST_WORD = re.compile(rf" (?=[A-Z])(?i:{MINERAL_WORDS_ANY})$")  # capitalised: "Cobalt", not "cobalt"
COMPASS_END = re.compile(r"^(?:North|South|East|West|Upper|Lower|Central|Northern|Southern|Eastern|Western) |"
                         r" (?:North|South|East|West|Upper|Lower|Central)$")


COMPOUND_GIVEN_NAME = re.compile(r"(?<![\w’'-])([A-Z][a-zà-ÿ]+) (?:del|de la|de los|de las) $")
AND_INSIDE = re.compile(r"((?:the |The )?)([A-Z].*?) and ([A-Z].*)")


def split_coordinated(found: Found, text: str) -> list[Found]:
    """'Uranium Energy and Rio Tinto', one organisation to the model: two names joined by "and", each of which the
    article writes on its own elsewhere ("Rio Tinto's Wyoming assets"), are two (not "Bosnia and Herzegovina", one
    place, nor "Trade and Industry" of a ministry, whose halves stand alone nowhere)."""
    match = AND_INSIDE.fullmatch(found.text) if found.origin == "model" and found.type in ("ORG", "PERSON", "GPE", "LOC") else None
    if not match or place_kind(found.name):
        return [found]
    first, second = match.group(2), match.group(3)
    if re.search(r"\b(?:of|for)\b", first):
        return [found]  # "Ministry of Petroleum and Mineral Resources": a portfolio of two parts
    outside = text[:found.start] + " " + text[found.end:]
    alone_first = re.search(rf"(?<![\w’'-]){re.escape(first)}(?![\w-])(?! and )", outside)
    alone_second = re.search(rf"(?<![\w’'-])(?<!and ){re.escape(second)}(?![\w-])", outside)
    # ("Audley Capital Advisors and Orion Mine Finance Group": or two names of companies, each ended by a company's
    # word, the second opening with a name the article writes elsewhere: "Orion", not the "Construction" of "China
    # Nonferrous Mining and Construction Group".)
    companies = all(len(part.split()) >= 2 and (ORG_SUFFIX.search(part) or COMPANY_WORD.search(" " + part)) for part in (first, second))
    # (Or a second name of three words or more, a whole company's name, not the end of one: "Construction Group".)
    named_elsewhere = companies and (len(second.split()) >= 3 or re.search(rf"(?<![\w-]){re.escape(second.split()[0])}(?![\w-])",
                                                                          text.replace(found.text, " ")))
    # ("workers from Samtse and Chhukha": after a place's preposition, a town the gazetteer knows and a name joined to
    # it are two places, though the second stands nowhere else.)
    places = (not match.group(1) and BEFORE_TWO_PLACES.search(text, max(0, found.start - 12), found.start)
              and all(is_plain_name(part) for part in (first, second)) and (place_kind(first) or is_town(first)))
    # ("signed by Governor General Sir Bob Dadae and Barrick Gold Corporation …": a titled person and a company with
    # its legal form are two, whatever the model joined.)
    person_and_company = (HONORIFIC.search(first) or PERSONAL_HONORIFIC.search(first)) and ORG_SUFFIX.search(second)
    if person_and_company:
        name = without_title_words(first)
        honorific = PERSONAL_HONORIFIC.search(name)
        name = honorific.group(1) if honorific else name
        person_start = found.start + match.start(2) + first.rindex(name)
        return [Found(person_start, person_start + len(name), name, "PERSON", name, origin="rule"),
                replace(found, start=found.start + match.start(3), text=second, name=second, type="ORG")]
    if not (alone_first and alone_second) and not named_elsewhere and not places:
        return [found]
    start_second = found.start + match.start(3)
    start_first = found.start + match.start(2)
    if places:
        return [replace(found, start=start_first, end=start_first + len(first), text=first, name=first, type="GPE", origin="rule"),
                replace(found, start=start_second, end=found.end, text=second, name=second, type="GPE", origin="rule")]
    return [replace(found, start=start_first, end=start_first + len(first), text=first, name=first),
            replace(found, start=start_second, end=found.end, text=second, name=second, type=retype(second, found.type))]


# Where only places can follow ("workers from Samtse and Chhukha"); not "between", as often about parties ("talks
# between Rio and Glencore").
BEFORE_TWO_PLACES = re.compile(r"\b(?:in|from|near|around|outside)\s+$")


def countries_with_and(text: str, candidates: list[Found]) -> list[Found]:
    """'Trinidad' + 'Tobago Stock Exchange', which the model cut at "and": a country whose name holds "and" ("Trinidad
    and Tobago", "Bosnia and Herzegovina") is one name, and so is a body named after it."""
    ordered = sorted(candidates, key=lambda c: (c.start, c.end))
    result: list[Found] = []
    skip = None
    for a, b in zip(ordered, [*ordered[1:], None], strict=False):
        if a is skip:
            continue
        if (b is not None and a.type in ("GPE", "LOC", "ORG", "PERSON") and b.type not in VALUE_TYPES
                and text[a.end:b.start] == " and " and place_kind(a.text) != "country"):
            words_ = b.text.split()
            country = next((f"{a.text} and {' '.join(words_[:n])}" for n in range(min(3, len(words_)), 0, -1)
                            if place_kind(f"{a.text} and {' '.join(words_[:n])}") == "country"), None)
            if country:
                whole = text[a.start:b.end]
                kind = "GPE" if whole == country else retype(whole, b.type if b.type != "GPE" else "ORG")
                result.append(Found(a.start, b.end, whole, kind, whole, origin="rule"))
                skip = b
                continue
        result.append(a)
    return result
