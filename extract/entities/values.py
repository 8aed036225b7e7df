"""Normalised values of MONEY, PERCENT and DATE mentions, so that "$440M",
"$440 million" and "440$ million" compare equal."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from ..dates import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, find_date
from ..vocab import alternation, entries
from . import currencies
from .spans import Found, overlaps

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "millions": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "billions": 1e9,
    "trillion": 1e12, "tn": 1e12, "tr": 1e12,
    "lakh": 1e5, "lac": 1e5, "crore": 1e7,
}
BEFORE_SIGNS, AFTER_SIGNS = currencies.signs()
# Each form's reading when the text names no country (what the tests and the junk filter ask of a form).
BEFORE_FIGURE = {form: sign.default or sign.codes[0] for form, sign in BEFORE_SIGNS.items()}
AFTER_FIGURE = {form: sign.default or sign.codes[0] for form, sign in AFTER_SIGNS.items()}


def _alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first, so "US$" is tried before "$"; an ISO code only in capitals
    ("ALL", "TOP" and "PEN" are words too)."""
    return "|".join((f"(?-i:{form})" if re.fullmatch(r"[A-Z]{3}", form) else re.escape(form).replace(r"\ ", r"\s"))
                    for form in sorted(forms, key=lambda f: (-len(f), f)))


# One letter before a figure is a currency only in the ways below ("R35 billion", "K9,800", "Q345 million").
LETTERS = {form for form in BEFORE_SIGNS if re.fullmatch(r"[A-Z]", form)}
WRITTEN_BEFORE = {form for form, sign in BEFORE_SIGNS.items() if form not in LETTERS and not sign.needs_scale}
SCALED_BEFORE = {form for form, sign in BEFORE_SIGNS.items() if form not in LETTERS and sign.needs_scale}
# A form that begins or ends with a letter must not run on into a word: "Rs" is not the start of "Rsk".
_BOUNDED = {form: (r"(?<![^\W\d_])" if form[0].isalpha() else "") + _alternatives([form]) + (r"(?![^\W\d_])" if form[-1].isalpha() else "")
            for form in {*BEFORE_SIGNS, *AFTER_SIGNS} - LETTERS}
# One pattern for every form, longest first ("US$" before "$"); the form found gives the sign.
CURRENCY_FORM = re.compile("|".join(_BOUNDED[form] for form in sorted(_BOUNDED, key=lambda f: (-len(f), f))), re.IGNORECASE)
_SIGN_OF_FORM = {form.casefold(): sign for form, sign in {**AFTER_SIGNS, **BEFORE_SIGNS}.items()}
SCALE = r"(?:thousand|millions?|billions?|trillion|mln|mn|bln|bn|tn|lakh|lac|crore|[kmb])\b"  # "$700 millions" too
# ("US$377,8 million": a comma and one or two digits before a scale is a decimal comma, as much of the world writes it.)
NUMBER = rf"\d+(?:,\d{{3}})*(?:\.\d+|,\d{{1,2}}(?=[\s-]?{SCALE}))?"
DECIMAL_COMMA = re.compile(r",(?=\d{1,2}$)")
CODE_BEFORE_SIGN = re.compile(r"(?<![\w$])(?:USD|US) $")
QUALIFIER = r"(?:(?:over|about|around|nearly|almost|some|more than|less than|up to|roughly|approximately)\s+)?"

# "$440 million", "$440M", "US$ 3.1bn", "Rs 5 billion", "440$ million", "310 billion tenge", "440 million dollars".
# A range is one mention, "$500-$800 million", "Rs 2-3 billion"; a hyphen may join figure and scale, "$925-million".
RANGE_SEPARATOR = r"\s?(?:-|–|to)\s?"
FIGURE = rf"{NUMBER}(?:[\s-]?{SCALE})?"
MONEY_PATTERN = re.compile(
    rf"(?<![\w$])(?:{_alternatives(WRITTEN_BEFORE)})\s?{FIGURE}(?:{RANGE_SEPARATOR}(?:{_alternatives(WRITTEN_BEFORE)})?\s?{FIGURE})?"
    # A sign only CLDR knows, or one letter, with its scale: "Ar 236 billion", "Q345 million" (never "Q3", "Le 12").
    rf"|(?<![\w$])(?-i:{_alternatives(SCALED_BEFORE | (LETTERS - {'R', 'K', 'P'}))})\s?{NUMBER}"
    rf"(?:{RANGE_SEPARATOR}{NUMBER})?[\s-]?{SCALE}"
    rf"|(?<![\w$])(?-i:[RK])(?=\d){NUMBER}(?:\s?{SCALE})?"
    # "P3.6 billion", "P4.15 a share" (Philippine pesos): a figure with a scale or centavos, never "P2", a phase.
    rf"|(?<![\w$])(?-i:P)(?=\d)(?:{NUMBER}\s?{SCALE}|\d+(?:,\d{{3}})*\.\d\d\b)"
    rf"|(?<![\w.]){NUMBER}\s?(?:\$|US\$)\s?(?:{SCALE})?"
    rf"|(?<![\w.]){NUMBER}(?:{RANGE_SEPARATOR}{NUMBER})?(?:\s?{SCALE})?\s(?:{_alternatives(AFTER_SIGNS)})\b",  # "60-70 million euros"
    re.IGNORECASE,
)
PERCENT_PATTERN = re.compile(rf"(?<![\w.]){NUMBER}\s?(?:%|per ?cent\b|percent\b|pc\b|pct\b)", re.IGNORECASE)  # "40 pct": wires
WEEKDAYS = tuple(day.lower() for day in WEEKDAY_NAMES)


def sign_written(text: str) -> currencies.Sign | None:
    """The currency sign a written amount carries: a form before or after the figure, or a letter right before it."""
    form = CURRENCY_FORM.search(text)
    if form:
        return _SIGN_OF_FORM[form.group(0).casefold()]
    if text[:1] in LETTERS and text[1:2].isdigit():
        return BEFORE_SIGNS[text[0]]
    return None


def money_value(text: str) -> dict[str, object] | None:
    """'$440M' -> {'amount': 440000000, 'currency': 'USD'}; a range, '$500-$800 million', has its low figure
    as the amount and its high one as 'high' (the low figure takes the high one's scale when it has none)."""
    figures = list(re.finditer(rf"({NUMBER})(?:[\s-]?(?:\$|US\$)?\s?({SCALE}))?", text, re.IGNORECASE))
    if not figures:
        return None
    sign = sign_written(text)
    if sign is None:
        return None
    currency = sign.default or sign.codes[0]
    last_scale = figures[-1].group(2)

    def amount_of(figure: re.Match[str], scale: str | None) -> float | int:
        amount = float(DECIMAL_COMMA.sub(".", figure.group(1)).replace(",", "")) * (SCALES[scale.lower()] if scale else 1)
        return round(amount, 2) if amount % 1 else int(amount)

    ranged = len(figures) == 2 and re.search(RANGE_SEPARATOR, text[figures[0].end():figures[1].start()])
    if not ranged:
        value = {"amount": amount_of(figures[0], figures[0].group(2)), "currency": currency}
    else:
        low = amount_of(figures[0], figures[0].group(2) or last_scale)
        value = {"amount": low, "currency": currency, "high": amount_of(figures[1], last_scale)}
    # A figure of hundreds of digits is no amount: as a float it is infinite, which JSON cannot hold.
    return value if all(math.isfinite(value[field]) for field in ("amount", "high") if field in value) else None


def percent_value(text: str) -> dict[str, object] | None:
    """'50%' -> {'fraction': 0.5}."""
    number = re.search(NUMBER, text)
    if number is None:
        return None
    fraction = round(float(number.group(0).replace(",", "")) / 100, 6)
    return {"fraction": fraction} if math.isfinite(fraction) else None


MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


def date_value(text: str) -> dict[str, object] | None:
    """'29 January 2026' -> {'date': '2026-01-29'}, 'June 2026' -> {'month': '2026-06'}, 'by 2028' -> {'year': 2028},
    '10 November' -> {'day': '11-10'}, 'September' -> {'month_name': 9}, 'Wednesday' -> {'weekday': 'Wednesday'}."""
    iso = find_date(text)
    if iso:
        return {"date": iso}
    month_year = re.search(r"\b([A-Za-z]+)\.?,?\s+((?:19|20)\d{2})\b", text)
    if month_year and month_year.group(1).lower() in MONTHS:
        return {"month": f"{month_year.group(2)}-{MONTHS[month_year.group(1).lower()]:02d}"}
    year = re.search(r"\b((?:19|20)\d{2})s?\b", text)
    if year:
        return {"year": int(year.group(1))}
    day_month = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_WORD})|\b({MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b",
                          text, re.IGNORECASE)
    if day_month:
        day, month = (day_month.group(1), day_month.group(2)) if day_month.group(1) else (day_month.group(4), day_month.group(3))
        number = MONTHS.get(month.lower().rstrip("."))
        if number and 1 <= int(day) <= 31:
            return {"day": f"{number:02d}-{int(day):02d}"}
    # "may" is a verb; "May", capitalised, is the month (the extractor finds it only where a date is meant).
    month = next((m for m in re.findall(r"[A-Za-z]+", text) if m.lower() in MONTHS and (len(m) > 3 or m == "May")), None)
    if month:
        return {"month_name": MONTHS[month.lower()]}
    weekday = next((day for day in WEEKDAYS if re.search(rf"\b{day}\b", text, re.IGNORECASE)), None)
    if weekday:
        return {"weekday": weekday.capitalize()}
    return None


def is_explicit_date(text: str) -> bool:
    """Dates a reader can place: a year, a month, a weekday, a calendar date — not 'this week' or 'decades'."""
    return date_value(text) is not None or any(re.search(rf"\b{m}\b", text, re.IGNORECASE) for m in MONTHS if len(m) > 3)


def value_name(kind: str, value: dict[str, object]) -> str:
    """The canonical display name of a value entity: '$440 million', '50%', '2028'."""
    if kind == "MONEY" and "high" in value:
        low = value_name(kind, {"amount": value["amount"], "currency": value["currency"]})
        return f"{low}–{value_name(kind, {'amount': value['high'], 'currency': value['currency']})}"
    if kind == "MONEY":
        amount, currency = float(value["amount"]), str(value["currency"])
        symbol = {"USD": "$", "GBP": "£", "EUR": "€"}.get(currency)
        for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
            if amount >= scale:
                figure = f"{amount / scale:.3f}".rstrip("0").rstrip(".")
                return f"{symbol}{figure} {word}" if symbol else f"{currency} {figure} {word}"
        figure = f"{amount:,.2f}".rstrip("0").rstrip(".")
        return f"{symbol}{figure}" if symbol else f"{currency} {figure}"
    if kind == "PERCENT":
        return f"{float(value['fraction']) * 100:.4f}".rstrip("0").rstrip(".") + "%"
    if "date" in value:
        year, month, day = str(value["date"]).split("-")
        return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"
    if "month" in value:
        year, month = str(value["month"]).split("-")
        return f"{MONTH_NAMES[int(month) - 1]} {year}"
    if "day" in value:
        month, day = str(value["day"]).split("-")
        return f"{int(day)} {MONTH_NAMES[int(month) - 1]}"
    if "month_name" in value:
        return MONTH_NAMES[int(value["month_name"]) - 1]
    return str(next(iter(value.values())))




def as_range_or_two(match: re.Match[str]) -> list[Found]:
    """'$500-$800 million' is one mention with low and high values; '$1.5 billion to $400 million' (a cut, the
    second figure lower) is two amounts, and so is 'from US$5.1 billion to US$7.1 billion' (a change, not a range)."""
    written = match.group(0)
    value = money_value(written)
    if value is None or "high" not in value or (value["high"] > value["amount"] and not changed_from(match)):
        return [Found(match.start(), match.end(), written, "MONEY", written, value, "rule")]
    separator = list(re.finditer(RANGE_SEPARATOR, written))[-1]
    parts = ((match.start(), written[:separator.start()]), (match.start() + separator.end(), written[separator.end():]))
    return [Found(start, start + len(part), part, "MONEY", part, money_value(part), "rule") for start, part in parts]


CHANGED_FROM = re.compile(r"\bfrom (?:(?:the |an? |its )?[\w-]+ ){0,2}$")


def changed_from(match: re.Match[str]) -> bool:
    """'from the initially planned US$5.1 billion to US$7.1 billion': a figure's change, not a range."""
    return " to " in match.group(0) and CHANGED_FROM.search(match.string, max(0, match.start() - 40), match.start()) is not None


def between_ranges(text: str, amounts: list[Found]) -> list[Found]:
    """'between $1.2bn and $1.5bn' is one mention, a range, as '$1.2-1.5bn' would be: '$1.2bn and $1.5bn' (the
    preposition is no part of it, as 'the' is none of a name)."""
    joined: list[Found] = []
    for amount in amounts:
        low = joined[-1] if joined else None
        if (low is not None and low.value and amount.value and "high" not in low.value and "high" not in amount.value
                and text[low.end:amount.start] == " and " and text[max(0, low.start - 8):low.start].lower() == "between "
                and low.value["currency"] == amount.value["currency"] and amount.value["amount"] > low.value["amount"]):
            start = low.start
            value = {**low.value, "high": amount.value["amount"]}
            joined[-1] = Found(start, amount.end, text[start:amount.end], "MONEY", text[start:amount.end], value, "rule")
        else:
            joined.append(amount)
    return joined


def currency_of_nearest_country(text: str, found: Found) -> Found | None:
    """A figure whose sign several countries print ("Rs", "K", "Shs", "pesos") takes the currency of the country
    named nearest; with none named and no reading of the sign's own, it is no amount (None)."""
    if found.type != "MONEY" or found.value is None:
        return found
    sign = sign_written(found.text)
    if sign is None or len(sign.codes) == 1:
        return found
    code = currencies.currency_meant(text, found.start, found.end, sign)
    if code is None:
        return None
    return found if code == found.value["currency"] else replace(found, value={**found.value, "currency": code})


GLUED_CODE = re.compile(r"[A-Z]{2,3}\d{1,3}")
# "shares closed at 30.5 cents", "a 27 cent premium", "rose 4 pence": a share price in the currency's hundredth.
CENTS = re.compile(r"(?<![\w.$])(\d+(?:\.\d+)?)\s?(cents?|pence)\b")


def cents_in(text: str) -> list[Found]:
    """Amounts in cents or pence, valued in the currency itself: cents of the dollar of the country the article
    names nearest (a US dollar where none), pence of the pound."""
    found = []
    for m in CENTS.finditer(text):
        if m.group(2) == "pence":
            code = "GBP"
        else:
            sign = _SIGN_OF_FORM["$"]
            code = currencies.currency_meant(text, m.start(), m.end(), sign) or sign.default or sign.codes[0]
        value = {"amount": round(float(m.group(1)) / 100, 4), "currency": code}
        found.append(Found(m.start(), m.end(), m.group(0), "MONEY", m.group(0), value, "rule"))
    return found


# "Three percent of the world's lithium", "lent it two million euros": a figure written in words.
NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())} | {word: 10 * tens for tens, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
UNITS_WORD = "|".join(word for word in NUMBER_WORDS if NUMBER_WORDS[word] < 10)
NUMBER_WORD = rf"(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})(?:-(?:{UNITS_WORD}))?"
SPELLED_PERCENT = re.compile(rf"\b({NUMBER_WORD}) (?:per ?cent|percent)\b", re.IGNORECASE)
SPELLED_MONEY = re.compile(rf"\b({NUMBER_WORD}) (thousand|million|billion|trillion) ({_alternatives(AFTER_SIGNS)})\b", re.IGNORECASE)


def spelled_number(words: str) -> int:
    """'twenty-five' -> 25."""
    return sum(NUMBER_WORDS[part] for part in words.casefold().split("-"))


def spelled_values(text: str) -> list[Found]:
    found = [Found(m.start(), m.end(), m.group(0), "PERCENT", m.group(0), {"fraction": spelled_number(m.group(1)) / 100}, "rule")
             for m in SPELLED_PERCENT.finditer(text)]
    for m in SPELLED_MONEY.finditer(text):
        value = money_value(f"{spelled_number(m.group(1))} {m.group(2)} {m.group(3)}")
        if value is not None:
            found.append(Found(m.start(), m.end(), m.group(0), "MONEY", m.group(0), value, "rule"))
    return found


def values_in(text: str, model_spans: list[Found]) -> list[Found]:
    """Money and percentages by pattern (the model misses '440$ million'), plus model spans the patterns lack."""
    found = between_ranges(text, [part for m in MONEY_PATTERN.finditer(text) for part in as_range_or_two(m)])
    # "USD $1.1 billion", "US $900 million": the code or country written before the sign is part of the amount.
    found = [replace(f, start=f.start - len(code.group(0)), text=code.group(0) + f.text, name=code.group(0) + f.name)
             if f.text.startswith("$") and (code := CODE_BEFORE_SIGN.search(text, max(0, f.start - 4), f.start)) else f
             for f in found]
    found += [Found(m.start(), m.end(), m.group(0), "PERCENT", m.group(0), percent_value(m.group(0)), "rule")
              for m in PERCENT_PATTERN.finditer(text)]
    found += [f for f in spelled_values(text) + cents_in(text) if not any(overlaps(f, other) for other in found)]
    for span in model_spans:
        if span.type in ("MONEY", "PERCENT") and not any(overlaps(span, f) for f in found):
            value = money_value(span.text) if span.type == "MONEY" else percent_value(span.text)
            if value is not None:
                found.append(replace(span, value=value))
    # ("COP29", "G20": a currency's code run into a small whole number, without a scale, is a name, not an amount.)
    valued = (currency_of_nearest_country(text, f) for f in found if f.value is not None and not GLUED_CODE.fullmatch(f.text))
    return [f for f in valued if f is not None]


def dated(found: Found) -> Found:
    return replace(found, value=date_value(found.text)) if found.type == "DATE" else found



MONTH_NAMES_PATTERN = rf"(?:{alternation(tuple(m for m in MONTH_NAMES if m != 'May'))})"
MONTH_ABBREVIATIONS = alternation(tuple(form for forms, _ in entries("months") for form in forms[1:]))
# "May" is a month only beside a figure or after "in", "since", "by" …: otherwise it is a verb or a name.
MONTH_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? )?(?:{MONTH_NAMES_PATTERN}|May(?= \d))(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? (?:19|20)\d{{2}})?\b"
    rf"|\b\d{{1,2}} May\b(?:,? (?:19|20)\d{{2}})?"
    rf"|(?<=\bin )May\b|(?<=\bby )May\b|(?<=\bsince )May\b|(?<=\buntil )May\b|(?<=\blate )May\b|(?<=\bearly )May\b"
    rf"|\b(?:{MONTH_ABBREVIATIONS})\.? \d{{1,2}}\b(?:,? (?:19|20)\d{{2}}\b)?"
)
# "July-September 2019", "the April-June quarter of 2027": a span of months is one date.
MONTH_SPAN = re.compile(rf"\b{MONTH_NAMES_PATTERN}[-–](?:{MONTH_NAMES_PATTERN}|May)(?: quarter| period)?(?:,? (?:of )?(?:19|20)\d{{2}})?\b")


# "extend the mine's life to 2040", "by 2030": a year after a word of time, which the model may call a number
# (not "rose to 2040 tonnes").
YEAR_AFTER_WORD = re.compile(r"\b(?:in|by|to|until|till|through|from|since|before|after|during|around|beyond|than) ((?:19|20)\d{2})\b"
                             r"(?![\d%/-]|[.,]\d| (?:tonnes|tons|t|people|jobs|workers|metres|meters|m|km|hectares|ha|MW|megawatts|"
                             r"units|ounces|oz|wells|trucks|families|households|barrels)\b)")


# "founded in 1874", "mined since the 1500s" aside: an older year after a word of a firm's or a mine's history.
HISTORIC_YEAR = re.compile(r"\b(?:founded|established|incorporated|set up|built|opened|discovered|began|started|dating back|"
                           r"dates back) (?:in|to|from) (1[5-8]\d{2})\b(?![\d%/-]|[.,]\d)")


# "between 2060 and 2065": both ends of a span of years are years.
YEARS_BETWEEN = re.compile(r"\bbetween ((?:19|20)\d{2}) and ((?:19|20)\d{2})\b(?![\d%/-]|[.,]\d)")


def years_after_words(text: str) -> list[Found]:
    return [Found(m.start(g), m.end(g), m.group(g), "DATE", m.group(g), {"year": int(m.group(g))}, "rule")
            for pattern in (YEAR_AFTER_WORD, HISTORIC_YEAR, YEARS_BETWEEN) for m in pattern.finditer(text)
            for g in range(1, pattern.groups + 1)]


# "announced Thursday": a weekday's name is a date wherever it stands alone.
WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAY_NAMES)})\b(?!['’]s)")


def month_dates(text: str) -> list[Found]:
    """Months and days the model skips: "in September", "on 10 November", "Nov 6", "announced Thursday"."""
    found = [Found(m.start(), m.end(), m.group(0), "DATE", m.group(0), {"weekday": m.group(0)}, "rule") for m in WEEKDAY.finditer(text)]
    spans = [m.span() for m in MONTH_SPAN.finditer(text)]
    for start, end in spans:
        found.append(Found(start, end, text[start:end], "DATE", text[start:end], date_value(text[start:end]), "rule"))
    for match in MONTH_DATE.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        value = date_value(match.group(0))
        if value is not None:
            found.append(Found(match.start(), match.end(), match.group(0), "DATE", match.group(0), value, "rule"))
    return found

