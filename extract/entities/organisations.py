"""Rules for organisations, events, governments and projects: names by their last word
("… Limited", "… Forum"), a ministry's portfolio, "Government of X", "the X mine"."""

from __future__ import annotations

import re

from .gazetteer import place_kind
from .spans import Found

# Company legal forms, in every spelling Lode knows; longer forms first ("S.A. de C.V." before "S.A.").
# One list: it ends names (ORG_SUFFIX), extends a model span that stopped short (ORG_TAIL), and is what a
# later, shorter mention leaves off (link.py).
LEGAL_FORMS = (
    r"S\.A\.(?:B\.)? de C\.V\.|Sp\. z o\.o\.|GmbH & Co\. KG|Sole Co\., Ltd\.?|Co\., Ltd\.?|P\.L\.C\.|S\.A\.E\.|DMCC|SE|KG|"
    r"Pvt\.? Ltd\.?|Private Limited|Pty\.? Ltd\.?|Sdn\.? Bhd\.?|"
    r"Limited|Ltd\.?|Corporation|Corp\.?|Inc\.?|PLC|Plc|plc|LLC|LLP|Berhad|Bhd\.?|Tbk|AG|GmbH|Ltda\.?|S\.A\.S\.|"
    r"S\.A\.(?:C\.)?|SA|SAS|SARL|S\.L\.|N\.V\.|B\.V\.|S\.p\.A\.|SpA|ASA|AS|Oyj|K\.K\.|JSC|PJSC|OJSC|AB|SAOG|SAOC|"
    r"d\.o\.o\.|Lda|A/S|A\.Ş\.|SRL|S\.r\.l\.|Kft\.?|a\.s\.|s\.r\.o\."
)
BRACKETED_FORM = r"\((?:Pvt|Pty|Private)\.?\)"  # "Wah Nobel (Pvt) Limited", "Chengeta Lithium (Private) Limited"
ORG_SUFFIX = re.compile(
    r"(?:\b(?:International|Company|Co\.|Authority|Committee|Agency|Division|"
    r"Ministry|Department|Bank|Council|Commission|Board|Institute|University|Association|Federation|Organi[sz]ation|"
    r"Group|Holdings|Holding|Chamber of Commerce(?: [\w ]+)?|Chamber|Fund|Trust|Foundation|Party|Platform|Exchange|"
    rf"Secretariat|Bureau|Office|Directorate|Industries|Enterprises)|(?<![\w.])(?:{LEGAL_FORMS})|"
    rf"{BRACKETED_FORM}(?: Ltd\.?| Limited)?)$"
)
# Extends a name whose model span stopped short of its company suffix: "Wah Nobel" + " (Pvt) Limited".
ORG_TAIL = re.compile(rf"^,?\s*(?:{BRACKETED_FORM}\s*)?(?:{LEGAL_FORMS})(?![\w.])|^\s*{BRACKETED_FORM}")
# The last word of an event's name: "Pakistan Minerals Investment Forum", "Bishkek Mining Week".
EVENT_WORDS = r"Forum|Summit|Dialogue|Conference|Expo|Exhibition|Symposium|Roundtable|Indaba|Convention|Congress|Conclave|Fair|Week"
EVENT_SUFFIX = re.compile(rf"\b(?:{EVENT_WORDS})(?: (?:19|20)\d{{2}}| \d{{1,2}})?$")
# A run of capitalised words ending in an event or organisation word is a name
# even where the model saw none: "Pak-China E-Mining Platform", "… Cooperation Forum".
SUFFIXED_NAME = re.compile(
    r"(?<![\w-])[A-Z][\w’'.&]*(?:(?:[ \t]+|[-–])(?:of |and |for |on |the )?[A-Z][\w’'.&]*){0,7}"  # never across lines
    rf"(?:[ \t]+|[-–])(?:(?P<event>{EVENT_WORDS})"
    r"(?: (?:19|20)\d{2})?|(?P<org>Platform|Corporation|Authority|Agency|Committee|Commission|Council|Chamber of Commerce|"
    r"Limited|Ltd|Inc|Berhad|Bhd|PLC|LLC|LLP|JSC|PJSC|Oyj|Company|Ministry|Division|Board|Bank|Association|Federation|"
    r"International|Group|Holdings))\b"
)
# "Barrick Gold", "X Mining", "Y Resources": a name ending in an industry word is a company.
COMPANY_WORD = re.compile(
    r"\s(?:Gold|Copper|Mining|Minerals|Resources|Energy|Metals|Petroleum|Oil|Gas|Power|Steel|Cement|Motors|Industries|"
    r"Holdings|Capital|Partners|Technologies|Systems|Logistics|Airlines|Telecom)$"
)
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
CAPITALISED_RUN = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
PORTFOLIO = re.compile(rf"(?: of {CAPITALISED_RUN})?(?:, {CAPITALISED_RUN})*(?:,? and {CAPITALISED_RUN})?")


def with_portfolio(text: str, start: int, end: int) -> tuple[int, int]:
    """'Ministry of Investment, Trade and Industry', 'Department of Industry, Science and Resources':
    a ministry's portfolio list belongs to its name, though the model stops at the first comma."""
    head = re.search(r"\b(?:Ministry|Department|Secretary|Minister|Agency|Office)\s+(?:of|for)\s+$", text[max(0, start - 30):start])
    if head and text[start:start + 1].isupper():
        start -= len(head.group(0))
    if re.search(r"\b(?:Ministry|Department)(?: (?:of|for)(?: [A-Z][\w-]*)+(?:, [A-Z][\w-]*(?: [A-Z][\w-]*)*)*)?$", text[start:end]):
        portfolio = PORTFOLIO.match(text, end)
        if portfolio and portfolio.end() > end and (", " in portfolio.group(0) or " and " in portfolio.group(0)
                                                     or portfolio.group(0).startswith(" of ")):
            end = portfolio.end()
    return start, end


OF_WHERE = re.compile(r" of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?(?![\w-])")
BODY_WORD = re.compile(r"(?:Office|Bank|Agency|Authority|Commission|Council|Board|Institute|University|Association|"
                       r"Federation|Chamber)$")


def of_where(text: str, name: str, end: int, kind: str) -> int:
    """How far the name at `end` goes on with where it is of: "Summit of the Americas", "National Statistics
    Office of Georgia", "Reserve Bank of India" (events, and bodies by their last word); 0 if it does not."""
    where = OF_WHERE.match(text, end)
    if where and (kind == "EVENT" or (kind == "ORG" and BODY_WORD.search(name))):
        return where.end() - end
    return 0


def suffixed_names(text: str) -> list[Found]:
    found = []
    for match in SUFFIXED_NAME.finditer(text):
        lead = LEADING_ARTICLE.match(match.group(0))
        start = match.start() + (lead.end() if lead else 0)
        # "Later the Pak-China … Platform", "In March the European Commission": capitalised words that open a
        # sentence before "the" are not part of the name.
        opener = re.match(r"(?:[A-Z][a-z]+ ){1,3}the ", text[start:match.end()])
        if opener:
            start += opener.end()
        # "X Corporation and Y Company Limited" are two names, not one; but in "Oil and Gas Development
        # Company" or "Ministry of Energy and Mineral Resources" the "and" is inside one name: a single word or a
        # phrase with "of" before "and" runs on into the next part. Another name before "and" ("Dala Uranium
        # and …") is left to the model.
        part_start = None
        for part in re.finditer(r".+?(?:\s+and\s+(?=[A-Z])|$)", text[start:match.end()]):
            inner = part.group(0)
            if re.search(r"\s+and\s+$", inner):
                left = inner.rsplit(" and", 1)[0].strip()
                if not ORG_SUFFIX.search(left):
                    if part_start is None and " " in left and not re.search(r" (?:of|for) ", left):
                        continue
                    part_start = part.start() if part_start is None else part_start
                    continue
            part_start = part.start() if part_start is None else part_start
            name = re.sub(r"\s+and\s+$", "", text[start + part_start:start + part.end()])
            name_start, part_start = start + part_start, None
            owner = re.match(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)?['’]s ", name)
            if owner:  # "China's Ministry of Commerce": China's own name stands apart
                name_start += owner.end()
            name_start, name_end = with_portfolio(text, name_start, name_start + len(name) - (owner.end() if owner else 0))
            name = text[name_start:name_end]
            if " " not in name and "-" not in name:
                continue
            if re.fullmatch(r"(?:Last|Next|This|That|Each|Every|Previous|Following|Same|One|Per) Week", name):
                continue  # a time, not an event: "Last Week"
            kind = "EVENT" if EVENT_SUFFIX.search(name) else "ORG"
            name_end += of_where(text, name, name_end, kind)
            name = text[name_start:name_end]
            found.append(Found(name_start, name_end, name, kind, name, origin="rule"))
    return found


GOVERNMENT = re.compile(r"(?<!\w)(?:[Tt]he )?([Gg]overnment of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def governments(text: str) -> list[Found]:
    """'the government of Pakistan' names an organisation: Government of Pakistan."""
    found = []
    for match in GOVERNMENT.finditer(text):
        surface = match.group(1)
        name = "G" + surface[1:]
        found.append(Found(match.start(1), match.end(1), surface, "ORG", name, origin="rule"))
    return found


# "the Kamoto mine", "the Mount Keel project", "Salar de Atacama operations": the name is a project.
PROJECT_NAME = re.compile(
    # At most eight words: unbounded, a long run of capitals would be tried from every word (quadratic).
    r"(?<![\w-])((?:[A-Z][\w’'-]*|de|del|la|las|los|do|da|dos|(?:al|el|ad|ar|as|ash|at|az)-[A-Z][\w’'-]*)"
    r"(?: (?:[A-Z][\w’'-]*|de|del|la|las|los|do|da|dos|(?:al|el|ad|ar|as|ash|at|az)-[A-Z][\w’'-]*)){0,7})"
    r"(?= (?:(?:copper|gold|iron ore|lithium|cobalt|nickel|zinc|coal|manganese|rare earths?|uranium|silver|"
    r"copper-gold|gold-copper|open-pit|underground) )?(?:(?P<site>mine|mines|project|deposit|prospect|operations?|concession|"
    r"mining complex|mining project|smelter project|block|coal block|licence|license)|"
    r"(?P<facility>refinery|smelter|plant|wells|processing plant))\b)"
)
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az)-[A-Z]")  # "Rawdat al-Ghazal": part of the name


def project_names(text: str) -> list[Found]:
    found = []
    for match in PROJECT_NAME.finditer(text):
        # "Kafue Basin Copper Limited's Mukanda West mine": the project is what follows the owner.
        name = re.split(r"['’]s ", match.group(1))[-1]
        words = name.split()
        # Trim lowercase particles at the edges and a sentence's first word ("The", "Its").
        while words and ((words[0][0].islower() and not ARABIC_ARTICLE.match(words[0]))
                         or words[0] in ("The", "Its", "This", "That", "A", "An", "Our", "Their", "His", "Her", "Your",
                                         "My", "Every", "Each", "No", "Any", "One")):
            words = words[1:]
        if not words or (words[-1][0].islower() and not ARABIC_ARTICLE.match(words[-1])):
            continue
        name = " ".join(words)
        start = match.end(1) - len(name)
        # "its Balochistan licence": a country or province is where the project is, not its name.
        if ORG_SUFFIX.search(name) or name.isupper() and len(name) <= 4 or place_kind(name) in ("country", "subdivision"):
            continue
        # "the Dogon Kuka refinery" names a plant; "the Karachi refinery" is only where one is.
        if match.group("facility") and (place_kind(name) or len(words) > 3):
            continue
        found.append(Found(start, match.end(1), name, "PROJECT", name, origin="rule"))
    return found
