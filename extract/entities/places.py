"""Rules for places: landforms by name, regions the text calls regions, datelines, and a
name the model typed wrongly that the gazetteer knows as a place, seen in a place's context."""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import MONTH_NAMES, WEEKDAY_NAMES
from ..model import VALUE_TYPES
from ..vocab import alternation, entries, words
from .gazetteer import is_major_city, is_town, other_city_name, place_kind
from .organisations import CAPITAL, COMPANY_WORD, LEGAL_FORMS, OPENING_WORDS, ORG_SUFFIX, PERSON_BY_HONORIFIC
from .spans import Found

OPENING = re.compile(rf"(?:{OPENING_WORDS})\b.*")
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
LOCATED = re.compile(r"(.+?) in ([A-Z][\w-]+(?: [A-Z][\w-]+)?)")


# "Bindoon Resources of Australia", "Coromandel International Ltd of India": a company by its industry word or its
# legal form, then the country it is from. (A bank's name holds its country: "Commonwealth Bank of Australia".)
LEGAL_FORM_END = re.compile(rf"(?<![\w.])(?:{LEGAL_FORMS})$")
ORGANISATION_WORDS = frozenset(w.casefold() for form in words("organisation_words") for w in form.split())
COMPANY_OF_COUNTRY = re.compile(r"(.+) of (?:the )?([A-Z][\w-]+(?: [A-Z][\w-]+)?)")


# "the Lofdal Project of Namibia Critical Metals Inc.": a project, then the company whose it is.
PROJECT_OF_COMPANY = re.compile(r"(.+ (?:Project|Mine|Deposit)) of (?:the )?(.+)")


def split_located(found: Found) -> list[Found]:
    """'Bogd Securities in Ulaanbaatar', 'Bindoon Resources of Australia': the model ran a name and where it is
    into one span; split them. (A chamber's full name holds its place, "China Chamber of Commerce in Pakistan",
    and stays whole; so does a bank's, "Commonwealth Bank of Australia": only an industry word ends the name.)"""
    owned = PROJECT_OF_COMPANY.fullmatch(found.name) if found.type in ("ORG", "PROJECT") else None
    if owned and LEGAL_FORM_END.search(owned.group(2)):
        company_start = found.start + owned.start(2)
        return [replace(found, end=found.start + owned.end(1), text=owned.group(1), name=owned.group(1), type="PROJECT"),
                Found(company_start, found.end, owned.group(2), "ORG", owned.group(2), origin="rule")]
    if found.origin != "model" or found.type not in ("ORG", "PERSON"):
        return [found]
    match = LOCATED.fullmatch(found.name)
    if not match or re.search(r"Chamber|Embassy|Consulate|High Commission", match.group(1)) or not place_kind(match.group(2)):
        match = COMPANY_OF_COUNTRY.fullmatch(found.name)
        # ("Sankofa Goldfields of Accra": of its home town too, once the name says it is a company.)
        # (Not "Investment Corporation of Dubai": a name of organisation words only holds its place, as a bank's does.)
        if (not match or place_kind(match.group(2)) not in ("country", "city")
                or not (COMPANY_WORD.search(match.group(1)) or LEGAL_FORM_END.search(match.group(1)))
                or all(w.casefold() in ORGANISATION_WORDS for w in match.group(1).split())):
            return [found]
    place_start = found.start + match.start(2)
    return [replace(found, end=found.start + match.end(1), text=match.group(1), name=match.group(1)),
            Found(place_start, found.end, match.group(2), "GPE", match.group(2), origin="rule")]


GEOGRAPHIC_FEATURE = re.compile(
    r"\s(?:Basin|Valley|Desert|Mountains|Range|Plateau|Belt|Copperbelt|Coast|Peninsula|Islands?|Sea|Gulf|River|Lake|"
    r"Quadrangle|Triangle|Complex|Highlands|Lowlands|Uplands|Delta|Corridor|Strait|Bay|Graben|Rift|Fjord|Fiord|Glacier|"
    r"Gorge|Canyon|Lagoon|Steppe|Shield|Craton|Massif|Ridge|Trench|Seamount|Atoll|Reef|Salt Flats?|Salt Pans?|Pans|Canal|National Park|"
    r"Nature Reserve|"
    r"Game Reserve|Wildlife Sanctuary)$"
    r"|^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Southeast|Southeastern|Northeast|"
    r"Southwest|Northwest|Sub-Saharan)(?:ern)?\s(?:Asia|Africa|America|Europe|Pacific|Atlantic)$"
    # A model's span that starts with a range's word: "Sierra Madre Occidental". (Only retyped, never found by
    # this alone: mines are named after mountains too, "Serra Dourada", "Cerro Verde".)
    r"|^(?:Sierra|Serra|Cordillera|Jebel|Djebel|Lake|Lago|Salar|Laguna|Desierto|Isla|Pulau|Gunung|Loma)\s"
)
# "South and Central Asia": the first region is "South Asia", though the text never writes it whole.
COORDINATED_REGION = re.compile(
    r"\b(North|South|East|West|Central|Southeast|Northeast|Southwest|Northwest)(?:ern)? and "
    r"(?:North|South|East|West|Central|Southeast|Northeast|Southwest|Northwest)(?:ern)? "
    r"(Asia|Africa|America|Europe|Pacific)\b"
)
# "Trondheim-based", "Copenhagen-listed": the place is the company's home. With "-owned", "-run" …
# the words describe a company ("state-owned"), and are never part of a name.
COMPANY_HOME = r"-(?:based|headquartered|listed|registered)\b"
COMPANY_DESCRIPTION = r"-(?:based|headquartered|listed|registered|owned|run|held)\b"
# Landforms and administrative areas written in lower case after their name: "the Anti-Atlas mountains",
# "the Caraga region".
LANDFORM_NOUN = (r"(?:mountains?|hills?|range|ridge|river|lake|desert|plateau|basin|valley|highlands|lowlands|plains|massif|"
                 r"salt flats?|salt pans?)\b")
# "the Coipasa and Pastos Grandes salt flats", "the Kuiseb and Swakop rivers": two landforms named at once.
LANDFORMS_AND = re.compile(r"\bthe ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) and ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) "
                           r"(?:salt flats|salt pans|rivers|lakes|deserts|valleys|basins|plateaus|mountains|ranges|islands)\b")
# (With the local words for them: a Mongolian "soum" or "aimag", a Central Asian "oblast" or "rayon", a French "commune".)
ADMINISTRATIVE_NOUN = (r"(?:region|province|district|state|county|prefecture|governorate|municipality|soum|aimag|oblast|"
                       r"raion|rayon|commune|canton|parish|tehsil|taluka|upazila|barangay)\b")
FEATURE_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][\w-]*[ \t]+){1,3}(?:Basin|Valley|Desert|Mountains|Range|Ranges|Hills|Plateau|Belt|Copperbelt|"
    r"Peninsula|Quadrangle|Triangle|Highlands|Uplands|Delta|River|Graben|Rift|Fjord|Fiord|Glacier|Gorge|Canyon|Lagoon|"
    r"Steppe|Shield|Craton|Massif|Salt Flats?|Salt Pans?|Pans|Canal)\b"
    # A body of water or a cape "of" somewhere: "Gulf of Montijo", "Bay of Bengal", "Cape of Good Hope".
    r"|(?<![\w-])(?:Gulf|Bay|Sea|Strait|Straits|Cape|Isle) of (?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
    # A name the text calls a landform in lower case: "the Anti-Atlas mountains", "the Kuiseb river".
    rf"|(?<=\bthe )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){{0,2}}(?= {LANDFORM_NOUN})"
)
LANDFORM_KINDS = {"river": ("River", "Río", "Rio", "Rivière", "Rivier", "Fluss", "Oued", "Wadi"),
                  "lake": ("Lake", "Lago", "Lac", "Laguna", "Lagoa"),
                  "mountains": ("Mountains", "Range", "Cordillera", "Sierra", "Serra", "Massif", "Mount", "Monte", "Mont", "Cerro"),
                  "desert": ("Desert", "Desierto", "Deserto"),
                  "salt flat": ("Salt Flat", "Salt Flats", "Salt Pans", "Pans", "Salar"),
                  "plateau": ("Plateau", "Meseta", "Planalto"),
                  "valley": ("Valley", "Valle", "Vale"),
                  "basin": ("Basin", "Cuenca", "Bacia"),
                  "hills": ("Hills",)}
# A river by its own language's word: "barges on the Rio Nunez", "the mouth of the Oued Souss" (after a preposition:
# "Rio Tinto" is a company).
RIVER_BY_LOCAL_WORD = re.compile(r"\b(?:on|of|to|up|along|across|into|down|from|near) the ((?:{}) [A-Z][\w’'-]+)".format(
    "|".join(word for word in LANDFORM_KINDS["river"] if word not in ("River", "Fluss", "Rivier"))))


# "the Puna, the high plateau of the Andes", "Gobi, a desert that …": a name the text calls a landform.
CALLED_A_LANDFORM = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), (?:a|the) (?:[a-z-]+ ){0,2}"
                               r"(?:plateau|desert|mountain range|range|basin|valley|river|lake|bay|plain|plains|steppe|"
                               r"peninsula|highlands|lowlands)\b")


# A river, a lake or a fell by its own language's word after its name, which English keeps: Dzongkha's "Amo Chhu",
# Mongolian "Tuul Gol", Central Asian "Amu Darya" / "Syr Daryo", Turkish "Kızıl Irmak" and "Fırat Nehri", Hindi "Mahi
# Nadi"; Finnish runs the word into the name: "Iijoki", "Kemijärvi", "Pallastunturi".
LOCAL_LANDFORM = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+ (?:Chhu|Gol|Darya|Daryo|Nadi|Irmak|Irmağı|Nehri|Çayı)(?![\w-])"
                            r"|(?<![\w’'-])[A-ZÄÖ][a-zäö]+(?:joki|järvi|tunturi)(?![\w-])")


def feature_names(text: str) -> list[Found]:
    """'Lithium Triangle', 'Iron Quadrangle', 'Central African Copperbelt': named regions by their landform word."""
    found = [Found(m.start(1), m.end(1), m.group(1), "LOC", m.group(1), origin="rule") for m in CALLED_A_LANDFORM.finditer(text)
             if not OPENING.fullmatch(m.group(1))]
    found += [Found(m.start(1), m.end(1), m.group(1), "LOC", m.group(1), origin="rule") for m in RIVER_BY_LOCAL_WORD.finditer(text)]
    found += [Found(m.start(g), m.end(g), m.group(g), "LOC", m.group(g), origin="rule") for m in LANDFORMS_AND.finditer(text)
              for g in (1, 2)]
    found += [Found(m.start(), m.end(), m.group(0), "LOC", m.group(0), origin="rule") for m in LOCAL_LANDFORM.finditer(text)
              if not PERSON_BY_HONORIFIC.match(m.group(0))]  # ("Mr Chhu" is a person)
    for match in FEATURE_NAME.finditer(text):
        name = match.group(0)
        # Not a company's description: "Cairo-based Delta" is no delta.
        if re.match(rf"[A-Z]\w*{COMPANY_DESCRIPTION}", name):
            continue
        lead = re.match(r"(?:The|In|At|From|Across|Its|This)\s+", name)
        start = match.start() + (lead.end() if lead else 0)
        called_a_landform = re.match(rf" {LANDFORM_NOUN}", text[match.end():])
        if " " in text[start:match.end()] or called_a_landform:
            found.append(Found(start, match.end(), text[start:match.end()], "LOC", text[start:match.end()], origin="rule"))
    return found


# "the Caraga region", "the southern Ruvuma region", "the Vila Real district": a name the text calls a region.
ADMINISTRATIVE_AREA = re.compile(
    r"\bthe (?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|remote|mountainous|coastal|neighbouring|neighboring) )?"
    rf"([A-Z][\w’'-]+(?: (?:de |do |da |del )?[A-Z][\w’'-]+){{0,2}}) {ADMINISTRATIVE_NOUN}")
# "in Zerkoh district", "neighbouring Dadu district": a name the text calls a district, after a lower-case word.
DISTRICT_AFTER_WORD = re.compile(r"(?<=[a-z,] )(?!(?:The|A|An)\b)([A-Z][\w-]+(?: [A-Z][\w-]+)?) "
                                 r"(?:district|province|county|tehsil|regency|prefecture|region|village|soum|aimag|oblast|raion|rayon|"
                                 r"commune|canton|parish|taluka|upazila|barangay)\b")
# "the Nagar and Hunza districts", "the towns of Muzo, Maripí and Quípama": several places named at once.
PLACES_AND = re.compile(r"\b([A-Z][\w’'-]+) and ([A-Z][\w’'-]+) (?:districts|provinces|regions|villages|towns|counties|valleys)\b")
PLACES_OF = re.compile(r"\b(?:towns|villages|cities|districts|provinces|communities|ports) of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"
                       r"((?:, [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)*),? and ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)")
# "the mayor of Ribeira de Pena", "the port of Mtwara", "the town of Claver": a settlement, named.
SETTLEMENT = re.compile(r"\b(?:mayor|port|town|village|city|municipality|wilayat|governorate|emirate|prefecture|commune|"
                        r"canton|parish) of ([A-Z][\w’'-]+(?: (?:de |do |da |del )?[A-Z][\w’'-]+){0,2})")
# "the Ömnögovi Province capital Dalanzadgad", "the provincial capital, Tete": a province's capital is a town.
PROVINCE_CAPITAL = re.compile(r"\b(?:[Pp]rovince|[Pp]rovincial|[Rr]egion|[Rr]egional|[Ss]tate|[Dd]istrict|[Cc]ounty|[Aa]imag) "
                              r"capital,? ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?=[,.;:)]|\s+[a-z])")
# "Ahafo Region", "Asutifi North District", "Webequie First Nation": a capitalised area word ends a place's name.
AREA_WORD = r"[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)?"  # "Ma'an", not "Zambia's" (the owner, not the place's name)
AREA_NAME = re.compile(rf"(?<![\w’'-])(?!(?:The|In|At|Of)\b){AREA_WORD}(?: {AREA_WORD}){{0,2}} "
                       r"(?:Region|District|Province|Municipality|Prefecture|Governorate|Regency|Oblast|County|Canton|First Nation|"
                       # (and in the languages of the places: "Télimélé Préfecture", "Kayes Région")
                       r"Préfecture|Région|Département|Provincia|Província|Departamento|Distrito|Municipio|Município)"
                       r"(?![\w-])(?! (?:Council|Assembly|Court|Office|Authority|Hospital|Police|Government|Administration)\b)")
# "reactors at Taean on the west coast", "a port in Kamsar, on the Atlantic coast": a place by the sea, named.
PLACE_ON_A_COAST = re.compile(r"\b(?:at|in|to|near|from|off) ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?=,? on the (?:[A-Z][\w-]+ |"
                              r"(?:west|east|north|south|western|eastern|northern|southern) )+(?:coast|shore|seaboard)\b)")
# "access to the Pasni port", "the Kamsar harbour": a port town, named before its lower-case port.
PORT_TOWN = re.compile(r"\bthe ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (?:port|seaport|harbour|harbor)\b"
                       r"(?! (?:authority|authorities|company|operator|operators|trust|city|workers)\b)")
# "the Torkham border crossing", "the Kasumbalesa border post": a place on a border, named.
# ("the border crossing at Gashuun Sukhait" names it after the words.)
BORDER_PLACE = re.compile(r"\bthe ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) border (?:crossing|post|point|town|market)\b")
BORDER_PLACE_AFTER = re.compile(r"\bborder (?:crossing|post|point|town|market) (?:at|of) ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)\b")
# "30 km from Islamkot", "some 40 kilometres north of Mithi", "Islamkot and nearby villages", "the road through
# Chachro": where only a place can stand, whether or not any model or gazetteer knows the name.
PLACE_WORD = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
MEASURED_FROM = re.compile(r"\b(?:km|kilometres|kilometers|miles)(?: (?:north|south|east|west|north-?east|north-?west|"
                           rf"south-?east|south-?west|northeast|northwest|southeast|southwest))? (?:from|of) ({PLACE_WORD})"
                           r"(?![\w’'-]| [a-z]+ (?:mine|project|deposit|plant|refinery|block|site)\b| (?:mine|project|deposit|"
                           r"plant|refinery|block|site|port|airport)\b)")
NEARBY_SETTLEMENTS = re.compile(rf"(?<![\w’'-])({PLACE_WORD}) and (?:the )?(?:nearby|surrounding|neighbouring|neighboring|"
                                r"adjoining|adjacent|other) (?:villages|towns|settlements|hamlets|communities)\b")
ROUTE_THROUGH = re.compile(rf"\b(?:route|road|railway|rail line|rail|train|trains|highway|pipeline|convoys?|trucks|lorries) "
                           rf"(?:through|via) ({PLACE_WORD})"
                           r"(?![\w’'-]| [A-Z])")
# "Waleka, a village of 2,300 people", "Tor Kasi, the town nearest the deposit": a name the text calls a settlement.
CALLED_A_SETTLEMENT = re.compile(r"(?<![\w-])([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), (?:a|the) (?:(?:small|remote|nearby|coastal|"
                                 r"mining|fishing|farming|border|nearest|neighbouring|neighboring|dusty|port|provincial|regional|district|"
                                 r"state) )*(?:town|village|city|hamlet|settlement|port city|market town|capital)\b")
# "the island of Halmahera", "Halmahera island": an island is a place that is no government's.
ISLAND = re.compile(r"\b(?:the )?islands? of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)|(?<![\w-])([A-Z][\w’'-]+) [Ii]sland\b(?! of)")
# A company's home, when the gazetteer knows the place.
# Months and days: never a name's first word ("In March Ermek …", "in May").
CALENDAR_WORDS = frozenset(WEEKDAY_NAMES + MONTH_NAMES)
# "in Cluj-Napoca on Thursday", "by rail to Discovery Bay for export", "in Mberengwa and Mutoko.", "expanded into
# Mato Grosso and Goiás", "visited Bhubaneswar in January": a town the data knows, where only a place can stand (a
# smaller town only after "in", "at", "near" or a spatial "between": "farmland between Kerikeri and Kaikohe").
TOWN_AFTER_PREPOSITION = re.compile(
    r"\b(in|at|near|between|to|from|through|via|into|across|throughout|visited|and) ([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})"
    r"(?=[,.;:)]|\s+(?:on|for|and|in|by|last|this|next|where|which|after|before|until|since|during|to|via|through)\b)")
# "lies between Kerikeri and Kaikohe", "the road between …": where "between" is about space, not parties.
SPATIAL_BETWEEN = re.compile(r"\b(?:lies?|lying|located|situated|sits|midway|halfway|road|highway|railway|rail line|"
                             r"farmland|land|area|stretch|valley|coast|border|somewhere) between $")
HOME_PLACE = re.compile(rf"\b([A-Z][\w’'-]+?){COMPANY_HOME}")
# Who lives somewhere: "residents of", "villagers from".
RESIDENTS = r"(?:[Rr]esidents?|[Vv]illagers?|[Ii]nhabitants|[Tt]ownspeople|[Tt]ownsfolk|[Ee]lders?)"
# "Residents of Zajas asked …", "villagers in Otanche say …": where people live is a town (any the data knows).
PEOPLE_OF_TOWN = re.compile(rf"\b{RESIDENTS} (?:of|from|in) "
                            r"([A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})(?=[,.;:)]|\s+[a-z])")


def towns_after_prepositions(text: str) -> list[Found]:
    found = [Found(m.start(1), m.end(1), m.group(1), "GPE", m.group(1), origin="rule")
             for m in PEOPLE_OF_TOWN.finditer(text) if place_kind(m.group(1)) in ("city", "subdivision") or is_town(m.group(1))]
    place_ends = set()  # where a name after "in", "at" or "near" ended
    for match in TOWN_AFTER_PREPOSITION.finditer(text):
        word, name = match.group(1), match.group(2)
        # "and" goes on a list of places only after a name where a place stands: "in Mberengwa and Mutoko".
        listed = word == "and" and match.start() - 1 in place_ends
        if OPENING.fullmatch(name) or (word == "and" and not listed) or name.split()[0].title() in CALENDAR_WORDS:
            continue  # "in May", "on Monday": a time, not a town
        owned = re.search(r"(\w+)\s+$", text[max(0, match.start() - 20):match.start()])
        if word in ("in", "into", "at") and owned and owned.group(1).casefold() in NOT_BEFORE_A_PLACE:
            continue  # "buying the stake in Vale, which …", "investment into Vale": a share is a company's
        between = word == "between" and SPATIAL_BETWEEN.search(text, max(0, match.start() - 20), match.start(2))
        if word == "between" and not between:
            continue  # "a deal between Komatsu and Pakistan" is between parties, not places
        if word in ("in", "at", "near", "between", "through", "via", "into", "across", "throughout") or listed:
            place_ends.add(match.end(2))
        if place_kind(name) in ("city", "subdivision") or ((word in ("in", "at", "near", "between") or listed) and is_town(name)):
            found.append(Found(match.start(2), match.end(2), name, "GPE", name, origin="rule"))
    return found


# "Saskatoon, Sask.", "Reno, Nev.", "Kalgoorlie, WA": a town, then its state's short form (vocab/state_abbreviations.txt).
STATES_OF_FORM: dict[str, tuple[str, ...]] = {}
for _forms, _ in entries("state_abbreviations"):
    for _form in _forms[1:]:
        STATES_OF_FORM[_form] = (*STATES_OF_FORM.get(_form, ()), _forms[0])
TOWN_THEN_STATE = re.compile(rf"(?<![\w’'-])([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), ({alternation(tuple(STATES_OF_FORM))})"
                             r"(?![\w])")


def town_states(text: str) -> list[Found]:
    """The state after a town the gazetteer knows, named in full (where a short form is two states', as "WA" or
    "NT", the one of the country the article names)."""
    found = []
    for match in TOWN_THEN_STATE.finditer(text):
        town, form = match.group(1), match.group(2)
        if place_kind(town) != "city" and not is_town(town):
            continue
        states = STATES_OF_FORM[form]
        state = next((s for s in states if "Australia" in text and s in AUSTRALIAN_STATES), states[0]) if len(states) > 1 else states[0]
        found.append(Found(match.start(1), match.end(1), town, "GPE", town, origin="rule"))
        found.append(Found(match.start(2), match.end(2), form, "GPE", state, origin="rule"))
    return found


AUSTRALIAN_STATES = {"New South Wales", "Queensland", "Victoria", "Tasmania", "Western Australia", "Northern Territory",
                     "Australian Capital Territory"}


def administrative_areas(text: str) -> list[Found]:
    found = [Found(m.start(1), m.end(1), m.group(1), "GPE", m.group(1), origin="rule")
             for pattern in (ADMINISTRATIVE_AREA, SETTLEMENT, PROVINCE_CAPITAL, DISTRICT_AFTER_WORD, BORDER_PLACE, BORDER_PLACE_AFTER,
                             CALLED_A_SETTLEMENT, PLACE_ON_A_COAST, PORT_TOWN,
                             MEASURED_FROM, NEARBY_SETTLEMENTS, ROUTE_THROUGH)
             for m in pattern.finditer(text) if not OPENING.fullmatch(m.group(1))]
    found += [Found(m.start(), m.end(), m.group(0), "GPE", m.group(0), origin="rule") for m in AREA_NAME.finditer(text)]
    for match in list(PLACES_AND.finditer(text)) + list(PLACES_OF.finditer(text)):
        for group in range(1, match.re.groups + 1):
            for name in re.finditer(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?", match.group(group) or ""):
                start = match.start(group) + name.start()
                if not OPENING.fullmatch(name.group(0)):
                    found.append(Found(start, start + len(name.group(0)), name.group(0), "GPE", name.group(0), origin="rule"))
    found += [Found(m.start(group), m.end(group), m.group(group), "LOC", m.group(group), origin="rule")
              for m in ISLAND.finditer(text) for group in (1, 2) if m.group(group) and not OPENING.fullmatch(m.group(group))]
    found += [Found(m.start(1), m.end(1), m.group(1), "GPE", m.group(1), origin="rule")
              for m in HOME_PLACE.finditer(text) if place_kind(m.group(1))]
    found += towns_after_prepositions(text) + town_states(text)
    return list({(f.start, f.end): f for f in found}.values())  # one mention where two patterns found it


# "ASTANA – ", "LIMA, Nov 6 – ", "SALTA, Argentina – ", "ISLAMABAD: ": a wire story's opening place, in capitals.
# ("ASTANA, May 20 (STW) – ": a date and the agency's code may come before the dash.)
# ("DEARBORN (dpa-AFX) - ": an agency's code may hold lower case and a hyphen.)
# ("WHANGĀREI — ", "İZMİR – ": capitals of the Latin alphabets, as names are.)
DATELINE_WORD = CAPITAL + CAPITAL[:-1] + "’'.-]+"
DATELINE_PLACE = rf"{DATELINE_WORD}(?: {DATELINE_WORD}){{0,2}}"
# ("MEXICO CITY (Reuters) -Mexico will …": a wire's dash may touch the story's first word.)
# ("PORT MORESBY, Papua New Guinea, April 09, 2021 (GLOBE NEWSWIRE) -- The …": a press release's, with its country, its
# date and its wire's name, and a double dash.)
DATELINE_AFTER = r"(?:, [A-Z0-9][\w .]{1,25}?){0,3}"
DATELINE = re.compile(rf"(?m)^({DATELINE_PLACE})(?={DATELINE_AFTER}(?: \([A-Za-z][\w -]{{1,20}}\))? ?[–—:-]{{1,2}} "
                      rf"|{DATELINE_AFTER} \([A-Za-z][\w-]{{1,11}}\) ?[–—-](?=[A-Z]))")


# "DAKAR (Reuters) –", "KINSHASA, June 3 (Reuters) -": the wire a story came from, credited in its dateline.
DATELINE_CREDIT = re.compile(rf"(?m)^{DATELINE_PLACE}{DATELINE_AFTER} \(([A-Za-z][\w -]{{1,20}})\) ?[–—:-]{{1,2}}(?: |(?=[A-Z]))")


def dateline_credits(text: str) -> list[tuple[int, int]]:
    """Where a dateline credits its wire: a credit, like a byline, names no one the story is about."""
    return [m.span(1) for m in DATELINE_CREDIT.finditer(text)]


def dateline_places(text: str) -> list[Found]:
    """The place of a dateline, when the gazetteer knows it; the model rarely tags a word in capitals. A city's name
    in another language is one too ("CIUDAD DE GUATEMALA —": link.city_names joins it to Guatemala City)."""
    found = []
    for m in DATELINE.finditer(text):
        if len(m.group(1)) <= 2:
            continue
        if place_kind(m.group(1)) or other_city_name(m.group(1)):
            found.append(Found(m.start(1), m.end(1), m.group(1), "GPE", m.group(1), origin="rule"))
    return found


def coordinated_regions(text: str) -> list[Found]:
    return [Found(m.start(1), m.end(1), m.group(1), "LOC", f"{m.group(1)} {m.group(2)}", origin="rule")
            for m in COORDINATED_REGION.finditer(text)]


PLACE_WORDS = {"mount", "lake", "cape", "port", "fort", "saint", "st", "san", "santa", "new", "north", "south", "east", "west"}
# What a place's name ends in when it names a settlement or a port there: "Sohar Port", "Ilakaka town".
SETTLEMENT_NOUNS = frozenset({"port", "harbour", "harbor", "airport", "town", "township", "village", "city", "terminal"})
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|across|across from|north of|south of|east of|west of|"
                      # "ships waiting off Kamsar": at sea, off a port.
                      r"(?:anchored|waiting|moored|lying|offshore|just|miles|km|kilometres|kilometers) off|"
                      r"(?:province|region|state|district|city|town|village|port|capital|county|municipality|mayor|governor) of)"
                      r"\s+(?:the )?$",
                      re.IGNORECASE)


# A landform's kind, by the words that name it in English and in the languages of mining news, before or after its
# own name ("Lago Poopó" is "Lake Poopó"; "Río Chuchumbletza" the "Chuchumbletza River").
# (After the name, in lower case too: the model's "Gissar mountains" is the "Gissar Range".)
LANDFORM_WORD = re.compile(r"^(?:(?P<before>{0}) (?:(?:de|del|da|do|des|du|of) (?:la |los |las |the )?)?)?(?P<core>.+?)"
                           r"(?: (?P<after>(?i:{0})))?$".format("|".join(w for ws in LANDFORM_KINDS.values() for w in ws)))
KIND_OF_WORD = {word.casefold(): kind for kind, words_ in LANDFORM_KINDS.items() for word in words_}
ENGLISH_LANDFORM_WORDS = {"River", "Lake", "Mountains", "Range", "Mount", "Desert", "Salt Flat", "Salt Flats", "Salt Pans",
                          "Pans", "Plateau", "Valley", "Basin", "Hills"}


def landform_word(name: str) -> str | None:
    match = LANDFORM_WORD.match(name)
    return match.group("before") or match.group("after")


# ("the Drina" after "the Drina River": a name, then its English landform word.)
FEATURE_WORD = re.compile(rf"^(.+) (?:{alternation(tuple(ENGLISH_LANDFORM_WORDS))})$")


def landform_short_names(candidates: list[Found]) -> list[Found]:
    """'the Drina' after 'the Drina River': a landform's name without its landform word is that landform, whatever
    the model guessed for it."""
    full = {m.group(1): c.name for c in candidates if c.type == "LOC" and (m := FEATURE_WORD.match(c.name))}
    if not full:
        return candidates
    return [replace(c, type="LOC", name=full[c.name], origin="rule") if c.origin == "model" and c.name in full else c
            for c in candidates]


# "in Keredari", "near Waleka": a preposition of place after a word that is not a stake, a job or a deal ("a stake
# in Codelco", "a role in Barrick" name companies).
PLACE_ONLY_BEFORE = re.compile(r"(?:\b(\w+)\s+|^|(?<=[.\n] ))(?:in|near|outside|around|In|Near|Outside|Around)\s+$"
                               # "exports through Ras Al-Khair", "shipped via Walvis Bay": goods pass through places.
                               r"|\b(?:exports?|exported|ships|shipped|shipping|moves?|moved|routed|railed|trucked|transits?) "
                               r"(?:\w+ ){0,3}?(?:through|via)\s+$"
                               # "ore would be trucked to Lastoursville": where goods are carried to is a place.
                               r"|\b(?:trucked|railed|barged|hauled|ferried|piped) (?:\w+ ){0,2}?to\s+$")
NOT_BEFORE_A_PLACE = frozenset({"stake", "stakes", "stakeholder", "shareholder", "shareholders", "owner", "shares",
                                "interest", "invest", "invested", "investing", "investment",
                                "role", "job", "jobs", "position", "talks", "partner", "holding", "equity", "listed",
                                "trading", "analyst", "engineer"})
# "the plant at Jorf Lasfar", "plants at Paradip and Kakinada": where a works stands is a place (not "an analyst at
# Barrick": a person works at a company, a plant stands at a place).
FACILITY_AT = re.compile(r"\b(?:plants?|smelters?|refinery|refineries|mines?|ports?|terminals?|factory|factories|facility|"
                         r"facilities|works|site|sites|operations|warehouses?|depots?|camps?|berths?|hub|mill|mills|"
                         r"concentrator|jetty) (?:at|near)\s+$")
# "Ras Al-Khair on the Gulf coast", "Jorf Lasfar, on the Atlantic coast": a place by the sea.
ON_A_COAST = re.compile(r",? on (?:the |[A-Z][\w-]+['’]s )(?:[A-Z][\w-]+ |(?:west|east|north|south|western|eastern|northern|southern|"
                        r"north-?west|north-?east|south-?west|south-?east) )+(?:coast|shore|seaboard)\b")
# "to Kamsar port", "Sangaredi town": a name a lower-case settlement word follows is the settlement's.
PLACE_NOUN_AFTER = re.compile(rf" (?:{'|'.join(sorted(SETTLEMENT_NOUNS))})\b(?! (?:authority|company|operator|trust)\b)")
# "an economist at Mabena in Pakistan": who works "at" a name, which is then an employer, not a place.
WORKS_AT = frozenset({"economist", "director", "manager", "official", "officer", "spokesman", "spokeswoman", "professor",
                      "researcher"})
# "hearings in Gharo and Keti Bandar": the second of two places after a preposition of place.
PLACES_BEFORE_AND = re.compile(r"\b(?:in|near|outside|around|at)\s+[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?,? and\s+$")
# "an elder from Nag", "villagers from Tor Kasi": people from somewhere.
# ("the western edge of the Fouta Djallon", "the foothills of the X": a landform's parts.)
ALONG_THE = re.compile(r"\b(?:along|alongside|banks of|mouth of|upstream on|downstream on|down|up|edge of|edges of|foothills of|"
                       r"flank of|flanks of|slopes of|foot of|rim of|crest of|fringes of|heart of|catchment of|"
                       r"tributary of|source of|delta of|across|into|valley of|valleys of|mountains of|hills of) the $")
# "steelworks in the Ruhr and …", "a mill in the Hunsrück,", "anglers on the Iijoki": a bare name after "in the" or "on the",
# where a sentence goes on as it does after a region or a river, is one (not "in the Guardian", an outlet, nor after
# words of publishing: "wrote in the Examiner").
IN_THE_REGION = re.compile(r"\b(?:in|on) the $")
INSTITUTIONS = frozenset(words("organisation_words", "institution"))
REGION_GOES_ON = re.compile(r"(?:[,.;:]| (?:and|about|near|where|which|region|area|valley|basin|river|hills|mountains)\b)")
OUTLET_WORD = re.compile(rf"(?:{alternation(words('organisation_words', 'outlet'))})$")
PUBLISHING_BEFORE = re.compile(r"\b(?:published|reported|wrote|written|quoted|said|told|interview|column|editorial|op-ed|"
                               r"article|advert|advertisement|listed|traded)\b")
PEOPLE_FROM = re.compile(rf"\b(?:(?:{RESIDENTS}|people|farmers?|fishermen|fishers|herders|families|natives?|"
                         r"tribesmen|leaders?|youths?|women|men|km|kilometres|kilometers|miles) from"
                         # ("Residents of Mopipi told …": who lives somewhere is of the place; not "leaders of" a company.)
                         rf"|{RESIDENTS} of)\s+$")


# "ship it from Owendo to Paradip": the end of a route that starts at a known place is a place.
ROUTE_FROM = re.compile(r"\bfrom ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) to\s+$")


def is_route_end(window: str) -> bool:
    route = ROUTE_FROM.search(window)
    return route is not None and place_kind(route.group(1)) is not None


def is_plain_name(name: str) -> bool:
    """One or two capitalised words and nothing that says company or person (a legal form, an industry word)."""
    words_ = name.split()
    return (len(words_) <= 2 and all(w[:1].isupper() for w in words_) and not ORG_SUFFIX.search(name)
            and not COMPANY_WORD.search(" " + name))


HOME_BEFORE = re.compile(r"\S-based $")


def as_place(text: str, found: Found) -> Found:
    """A name the model typed wrongly that the gazetteer knows as a place.

    A region or province the model called LOC or ORG becomes GPE (PERSON only in a place's context); a city
    only where the text treats it as a place ("in Salta", a dateline "KINSHASA –",
    "Solwezi, Zambia"), since cities share names with people and companies.
    """
    if found.origin != "model" or found.type not in ("ORG", "PERSON", "LOC", "GPE", "EVENT") or ORG_SUFFIX.search(found.name):
        return found
    if HOME_BEFORE.search(text, max(0, found.start - 30), found.start):
        # "U.S.-based Albemarle": what is based somewhere is a company, whatever town shares its name.
        return replace(found, type="ORG", origin="rule") if found.type in ("PERSON", "GPE", "LOC") else found
    kind = place_kind(found.name)
    if kind is None:
        # A smaller town, only where the text says it is a place: "in Dadu", "Dadu district".
        before, after = text[max(0, found.start - 25):found.start], text[found.end:found.end + 30]
        # (Not after "the": "at the White House" is a building, not the small town of that name.)
        if is_town(found.name) and (LOCATIVE.search(before) and not before.endswith("the ")
                                    or re.match(rf" {ADMINISTRATIVE_NOUN}", after) or PEOPLE_FROM.search(before)):
            return replace(found, type="GPE", origin="rule")
        # "towns along the Rhine", "on the banks of the Kabompo": a river or a coast, whatever the model said.
        if found.type in ("PERSON", "ORG") and is_plain_name(found.name) and not found.name.isupper() and ALONG_THE.search(before):
            return replace(found, type="LOC", origin="rule")
        if (found.type == "ORG" and is_plain_name(found.name) and not found.name.isupper() and IN_THE_REGION.search(before)
                and found.name.split()[-1] not in INSTITUTIONS
                and REGION_GOES_ON.match(after) and not OUTLET_WORD.search(found.name)
                and not PUBLISHING_BEFORE.search(text, max(0, found.start - 40), found.start)):
            return replace(found, type="LOC", origin="rule")
        # A name no gazetteer holds, which the model took for a company or a person, where only a place can stand:
        # "a council member in Keredari,", "small miners in Mberengwa and Mutoko", "an elder from Nag".
        window = text[max(0, found.start - 60):found.start]
        preposition = PLACE_ONLY_BEFORE.search(window)
        # ("and at Paradip in Odisha": at a name, in a province or country the gazetteer knows.)
        in_province = re.match(r" in ([A-Z][\w-]+(?: [A-Z][\w-]+)?)", after)
        at_word = re.search(r"\b(\w+)\s+at\s+$", window)
        at_place_in = (at_word is not None and at_word.group(1).casefold() not in NOT_BEFORE_A_PLACE | WORKS_AT
                       and in_province is not None and place_kind(in_province.group(1)) in ("subdivision", "country"))
        only_a_place = (preposition and (preposition.group(1) or "").casefold() not in NOT_BEFORE_A_PLACE
                        or FACILITY_AT.search(window) or ON_A_COAST.match(after) or PLACE_NOUN_AFTER.match(after) or at_place_in
                        or is_route_end(window))
        if found.type in ("ORG", "PERSON", "EVENT") and is_plain_name(found.name) and not re.match(r"['’]s\b", after) and (
                only_a_place or PEOPLE_FROM.search(window) or PLACES_BEFORE_AND.search(window)):
            return replace(found, type="GPE", origin="rule")
        return found
    if found.type == "GPE":
        # The model and the gazetteer agree: that outvotes the model's other guesses for the name
        # ("in Norrbotten" a place, "Norrbotten holds 80%" a person).
        return replace(found, origin="rule")
    before, after = text[max(0, found.start - 25):found.start], text[found.end:found.end + 30]
    followed_by_place = re.match(r",\s+([A-Z][\w -]+?)(?=[,.;)]|$| [a-z]| [–—-] )", after)
    dateline = found.text.isupper() and re.match(r"\s*[–—:-]", after) and (found.start == 0 or text[found.start - 1] == "\n")
    home = re.match(COMPANY_HOME, after)  # "Incheon-based": a company's home is a place
    # "in Zacatecas and Chihuahua": a place coordinated with one in a place's context.
    coordinated = re.search(r"\b(?:in|at|near|across|from)\s+(?:the )?([A-Z][\w-]+(?: [A-Z][\w-]+)?),? (?:and|or) $",
                            text[max(0, found.start - 60):found.start])
    # (A known city needs no known partner: "cathode plants in Ochang and Debrecen".)
    coordinated = coordinated and (place_kind(coordinated.group(1)) or kind == "city")
    # "International Resources Holding RSC Ltd. of Abu Dhabi": where a company is from.
    company_of = re.search(r"\S+ of $", before) and ORG_SUFFIX.search(re.sub(r" of $", "", text[max(0, found.start - 60):found.start]))
    # Not "a stake in Freeport", nor "at Freeport's smelter": a share, a job or an owner is a company's.
    preposition = PLACE_ONLY_BEFORE.search(text[max(0, found.start - 60):found.start])
    locative = LOCATIVE.search(before) and not re.match(r"['’]s\b", after) and not (
        preposition and (preposition.group(1) or "").casefold() in NOT_BEFORE_A_PLACE)
    settlement_said = (PLACE_NOUN_AFTER.match(after) or ON_A_COAST.match(after)
                       or FACILITY_AT.search(text[max(0, found.start - 60):found.start]))
    in_context = bool(locative or company_of or (followed_by_place and place_kind(followed_by_place.group(1))) or dateline
                      or home or coordinated or settlement_said)
    # Only a place seen in a place's context outvotes the model elsewhere; a bare LOC -> GPE is still a guess.
    origin = "rule" if in_context else "model"
    # A province's name is rarely a company's, however the model guessed: an ORG guess yields to it.
    if kind in ("country", "subdivision") and (found.type in ("LOC", "ORG") or in_context or " " in found.name):
        return replace(found, type="GPE", origin=origin)
    if kind == "city" and (in_context or found.type == "LOC"):
        return replace(found, type="GPE", origin=origin)
    if kind == "city" and found.type == "ORG" and is_major_city(found.name):
        return replace(found, type="GPE", origin="rule")
    return found


# A word that may stand before or after part of a place's name: "Žiar nad Hronom", "Frankfurt am Main".
NEIGHBOUR_WORDS_BEFORE = re.compile(r"(?:[\w’'.-]+ ){1,2}$")
NEIGHBOUR_WORDS_AFTER = re.compile(r"^(?: [\w’'.-]+){1,2}")
# The little words inside places' names (vocab/particles.txt, "place").
PLACE_PARTICLE = rf"(?:{alternation(words('particles', 'place'))})"
PARTICLE_BEFORE = re.compile(rf" {PLACE_PARTICLE} $")
PARTICLE_AFTER = re.compile(rf" {PLACE_PARTICLE} [A-Z]")


def whole_place_names(text: str, candidates: list[Found]) -> list[Found]:
    """'Hronom' of "People in Žiar nad Hronom asked …": where a found name and a word or two beside it, across a
    lower-case word, make a place the gazetteer knows, the place is the name (the model often keeps only the part
    after the lower-case word)."""
    found = []
    for c in candidates:
        # (Only where a place's particle stands beside the name: "nad", "am", "upon", "de".)
        if (c.type in VALUE_TYPES or c.type == "DATE"
                or not (PARTICLE_BEFORE.search(text, max(0, c.start - 8), c.start) or PARTICLE_AFTER.match(text, c.end))):
            continue
        before = NEIGHBOUR_WORDS_BEFORE.search(text, max(0, c.start - 40), c.start)
        after = NEIGHBOUR_WORDS_AFTER.match(text[c.end:c.end + 40])
        starts = [c.start] + ([before.start() + m.start() for m in re.finditer(r"(?:^| )(?=\S)", before.group(0))] if before else [])
        ends = [c.end] + ([c.end + m.end() for m in re.finditer(r" [\w’'.-]+", after.group(0))] if after else [])
        # (Only across a lower-case word, where the model cuts a name: "Rio" + "Tinto" is the company as often.)
        wider = [(start, end) for start in starts for end in ends if (start, end) != (c.start, c.end)
                 and text[start:start + 1].isupper() and re.search(r" [a-z]+ ", text[start:end])
                 and place_kind(text[start:end].rstrip(".")) in ("city", "subdivision")]
        if wider:
            start, end = max(wider, key=lambda span: (span[1] - span[0], -span[0]))
            name = text[start:end].rstrip(".")
            found.append(Found(start, start + len(name), name, "GPE", name, origin="rule"))
    return found
