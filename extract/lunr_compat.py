"""Build a lunr search index in Python that is identical to what lunr.js 2.3.9 builds.

The site searches with lunr.js in the browser, but the index is built here with
lunr.py 0.8.0. Out of the box the two disagree (see the project's search notes): a
lunr.py index loaded in lunr.js finds nothing for "money", "day" or "Wednesday",
and can even fail to load. This module keeps lunr.py's builder (inverted index, term
frequencies, field lengths, vectors) and replaces every piece whose behaviour differs
from lunr.js, each commented where it is defined:

  * tokenizer   - the separator set (ECMAScript \\s plus "-") and lowercasing;
  * trimmer     - ASCII-only \\W, stripped only at the ends of a token;
  * stemmer     - lunr.js's regex Porter stemmer, applied to UTF-16 code units;
  * scoring     - Math.log (fdlibm) for idf, Math.round for the 3-decimal scores;
  * serialising - UTF-16 term order, JS object key order, JS number formatting.

The stop word filter is lunr.py's own: same words and same semantics as lunr.js.

`build_index(documents, ref, fields)` returns the index as the dict lunr.js's
`JSON.parse(JSON.stringify(idx))` gives for the same documents added in ref order;
`dumps_index(index)` turns it into the same bytes `JSON.stringify(idx)` produces.
tests/test_lunr_compat.py checks all of this against lunr.js itself.
"""

from __future__ import annotations

import json
import math
import re
import struct
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

import lunr
from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.vector import Vector

LUNR_JS_VERSION = "2.3.9"
# The builder below overrides two of lunr.py's internal methods; other versions may differ.
LUNR_PY_VERSION = "0.8.0"


@dataclass(frozen=True)
class FieldSpec:
    """A document field to index; `boost` multiplies every score in it (lunr's field boost)."""

    name: str
    boost: float = 1


# Articles are indexed by title and text; a title match counts ten times a body match.
DEFAULT_FIELDS: tuple[FieldSpec, ...] = (FieldSpec("title", boost=10), FieldSpec("text"))

Document = Mapping[str, Any]
PipelineFunction = Callable[..., Any]


def js_sort_key(text: str) -> bytes:
    """Sort key giving JavaScript's default string order (by UTF-16 code unit).

    Python compares code points, so an emoji (U+1F600) sorts after U+E000-U+FFFF; in
    JS it is a surrogate pair (D83D DE00) and sorts before them. lunr.Index.load
    rebuilds its token set from the serialised terms and throws "Out of order word
    insertion" unless they are in JS order. Big-endian UTF-16 bytes compare like the
    code units; "surrogatepass" keeps lone surrogates, which JS strings may also hold.
    """
    return text.encode("utf-16-be", "surrogatepass")


# --- tokenizer ----------------------------------------------------------------------

# lunr.tokenizer.separator is /[\s\-]+/, tested against one UTF-16 code unit at a time.
# ECMAScript's \s is a fixed list (whitespace, line terminators, the Zs category and the
# BOM); lunr.py splits on " \t\n\r\f\v\xa0-" only, so it keeps e.g. U+2009 THIN SPACE or
# U+3000 inside tokens. Dashes other than "-" (en dash, em dash) separate in neither.
_JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SEPARATOR = re.compile(f"[{_JS_WHITESPACE}\\-]+")

# lunr.js lowercases with String.prototype.toLowerCase, i.e. the Unicode version of the
# JS engine: Node 20.20 (ICU 78) has Unicode 17, Python 3.13 has 15.1. These letters
# gained lowercase mappings in Unicode 16/17; everything else maps the same (tested
# against every code point). Python 3.13 also knows none of them as cased, so Final
# Sigma after them can still differ - not worth more code.
_NEWER_LOWERCASE = {
    0x1C89: 0x1C8A,
    0xA7CB: 0x0264,
    0xA7CC: 0xA7CD,
    0xA7CE: 0xA7CF,
    0xA7D2: 0xA7D3,
    0xA7D4: 0xA7D5,
    0xA7DA: 0xA7DB,
    0xA7DC: 0x019B,
    **{upper: upper + 0x20 for upper in range(0x10D50, 0x10D66)},  # Garay
    **{upper: upper + 0x1B for upper in range(0x16EA0, 0x16EB9)},  # Beria Erfe
}
_NEWER_UPPERCASE = re.compile("[" + "".join(map(chr, _NEWER_LOWERCASE)) + "]")


def js_lower(text: str) -> str:
    """String.prototype.toLowerCase: str.lower (context-aware Final Sigma included,
    like ICU) plus the lowercase mappings newer than Python's Unicode data."""
    if _NEWER_UPPERCASE.search(text):
        text = text.translate(_NEWER_LOWERCASE)
    return text.lower()


def tokenize(value: object) -> list[str]:
    """Split a field value into lowercased tokens exactly like lunr.tokenizer.

    None (or a missing field) gives no tokens. A list is taken as already split, as in
    lunr.js: each element becomes one token, unsplit. A string is lowercased as a whole
    (Final Sigma depends on the neighbouring letters) and then split on separator runs.
    Other types are refused: JS and Python turn numbers and booleans into different text.
    """
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        if not all(element is None or isinstance(element, str) for element in value):
            raise TypeError("list field values may only hold strings or None")
        return [js_lower(element or "") for element in value]
    if not isinstance(value, str):
        raise TypeError(f"field values must be str, list or None, not {type(value).__name__}")
    return [token for token in _SEPARATOR.split(js_lower(value)) if token]


# --- pipeline functions -------------------------------------------------------------


def _pipeline_function(label: str) -> Callable[[PipelineFunction], PipelineFunction]:
    """Label a pipeline function with the name lunr.js registers its counterpart under.

    A serialised pipeline is the list of its functions' labels, and lunr.js loads an
    index by looking them up in its own registry, so "stemmer" must be called
    "stemmer". This does not call lunr.Pipeline.register_function: lunr.py already
    has functions under these three names, and replacing its process-wide registry
    would silently change every other lunr.py index built or loaded in this process.
    """

    def label_it(fn: PipelineFunction) -> PipelineFunction:
        fn.label = label  # type: ignore[attr-defined]  # what lunr reads when serialising
        return fn

    return label_it


# lunr.js: s.replace(/^\W+/, '').replace(/\W+$/, ''). Its \W is ASCII-only ([^A-Za-z0-9_])
# and only the ends are cut, so "$11.7" -> "11.7", "u.s." -> "u.s", "café" -> "caf", and
# an all-non-ASCII word (Urdu, Chinese, an emoji, a lone "—") becomes the empty term "",
# which lunr.js indexes like any other. lunr.py instead matches ^\W*?(\w+)\W*?$ with
# Unicode \w and leaves any token with inner punctuation or no \w at all unchanged.
# \Z, not $: Python's $ also matches before a final newline. Code points or UTF-16 code
# units make no difference here, since every non-ASCII character is \W either way.
_TRIM = re.compile(r"^\W+|\W+\Z", re.ASCII)


@lru_cache(maxsize=1 << 16)
def trim(text: str) -> str:
    """lunr.trimmer on a string."""
    return _TRIM.sub("", text)


@_pipeline_function("trimmer")
def trimmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda text, metadata: trim(text))


# lunr.js's stemmer is the regex Porter stemmer from tartarus.org/~martin (js.txt);
# lunr.py ported the C-style one (python.txt), and the two disagree. The notable case:
# step 1c turns a final "y" into "i" only after a consonant in lunr.js (cry -> cri,
# day -> day) but after any vowel in the stem in lunr.py (day -> dai, money -> monei),
# so lunr.js never finds those words in a lunr.py index. The regexes below restate
# lunr.js's rules. Two JS regex details matter: "." matches any code unit except line
# terminators (Python's "." only excludes "\n"), and "$" only matches at the very end.
_ANY = "[^\n\r\u2028\u2029]"
_END = r"\Z"
_CONSONANT = "[^aeiou]"
_VOWEL = "[aeiouy]"
_CONSONANTS = _CONSONANT + "[^aeiouy]*"
_VOWELS = _VOWEL + "[aeiou]*"
_M_GT_0 = re.compile(f"({_CONSONANTS})?{_VOWELS}{_CONSONANTS}")
_M_EQ_1 = re.compile(f"({_CONSONANTS})?{_VOWELS}{_CONSONANTS}({_VOWELS})?{_END}")
_M_GT_1 = re.compile(f"({_CONSONANTS})?{_VOWELS}{_CONSONANTS}{_VOWELS}{_CONSONANTS}")
_HAS_VOWEL = re.compile(f"({_CONSONANTS})?{_VOWEL}")
_CVC = re.compile(f"{_CONSONANTS}{_VOWEL}[^aeiouwxy]{_END}")
_LAST_CHAR = re.compile(f"{_ANY}{_END}")

_STEP_1A = re.compile(f"({_ANY}+?)(ss|i)es{_END}")
_STEP_1A_S = re.compile(f"({_ANY}+?)([^s])s{_END}")
_STEP_1B_EED = re.compile(f"({_ANY}+?)eed{_END}")
_STEP_1B = re.compile(f"({_ANY}+?)(ed|ing){_END}")
_STEP_1B_ADD_E = re.compile(f"(at|bl|iz){_END}")
_STEP_1B_DOUBLE = re.compile(f"([^aeiouylsz])\\1{_END}")
_STEP_1C = re.compile(f"({_ANY}+?[^aeiou])y{_END}")
_STEP_2_SUFFIXES = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP_3_SUFFIXES = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
    "ness": "",
}  # fmt: skip
_STEP_4_SUFFIXES = "al ance ence er ic able ible ant ement ment ent ou ism ate iti ous ive ize".split()
# The stem is matched lazily, so of several suffixes that fit, the longest wins.
_STEP_2 = re.compile(f"({_ANY}+?)({'|'.join(_STEP_2_SUFFIXES)}){_END}")
_STEP_3 = re.compile(f"({_ANY}+?)({'|'.join(_STEP_3_SUFFIXES)}){_END}")
_STEP_4 = re.compile(f"({_ANY}+?)({'|'.join(_STEP_4_SUFFIXES)}){_END}")
_STEP_4_ION = re.compile(f"({_ANY}+?)(s|t)ion{_END}")
_STEP_5_E = re.compile(f"({_ANY}+?)e{_END}")
_STEP_5_LL = re.compile(f"ll{_END}")


def _porter_js(w: str) -> str:
    """lunr.js's porterStemmer, on a string of UTF-16 code units."""
    if len(w) < 3:
        return w
    initial_y = w[0] == "y"
    if initial_y:  # an initial y is a consonant: hide it from [aeiouy]
        w = "Y" + w[1:]

    if m := _STEP_1A.match(w) or _STEP_1A_S.match(w):
        w = m[1] + m[2]

    if m := _STEP_1B_EED.match(w):
        if _M_GT_0.match(m[1]):
            w = _LAST_CHAR.sub("", w)
    elif (m := _STEP_1B.match(w)) and _HAS_VOWEL.match(m[1]):
        w = m[1]
        if _STEP_1B_ADD_E.search(w):
            w += "e"
        elif _STEP_1B_DOUBLE.search(w):
            w = _LAST_CHAR.sub("", w)
        elif _CVC.match(w):
            w += "e"

    if m := _STEP_1C.match(w):
        w = m[1] + "i"

    if (m := _STEP_2.match(w)) and _M_GT_0.match(m[1]):
        w = m[1] + _STEP_2_SUFFIXES[m[2]]

    if (m := _STEP_3.match(w)) and _M_GT_0.match(m[1]):
        w = m[1] + _STEP_3_SUFFIXES[m[2]]

    if m := _STEP_4.match(w):
        if _M_GT_1.match(m[1]):
            w = m[1]
    elif (m := _STEP_4_ION.match(w)) and _M_GT_1.match(m[1] + m[2]):
        w = m[1] + m[2]

    if m := _STEP_5_E.match(w):
        base = m[1]
        if _M_GT_1.match(base) or (_M_EQ_1.match(base) and not _CVC.match(base)):
            w = base
    if _STEP_5_LL.search(w) and _M_GT_1.match(w):
        w = _LAST_CHAR.sub("", w)

    if initial_y:
        w = "y" + w[1:]
    return w


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """lunr.stemmer on a string.

    JS strings are UTF-16, so an emoji counts as two characters in lunr.js's length
    check and regexes: "😀s" (length 3) loses its "s" there, and "😀😀" is not a
    doubled consonant. Words with characters beyond U+FFFF are therefore stemmed as
    a string of code units (surrogates) and put back together afterwards.
    """
    if not _ASTRAL.search(word):
        return _porter_js(word)
    data = word.encode("utf-16-be", "surrogatepass")
    units = "".join(map(chr, struct.unpack(f">{len(data) // 2}H", data)))
    return _porter_js(units).encode("utf-16-be", "surrogatepass").decode("utf-16-be", "surrogatepass")


@_pipeline_function("stemmer")
def stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda text, metadata: stem(text))


# The stop word filter needs no replacement: lunr.py's list equals lunr.js's, and both
# drop a token only when its whole text is on the list (the empty term "" passes).
INDEX_PIPELINE: tuple[PipelineFunction, ...] = (trimmer, stop_word_filter, stemmer)
SEARCH_PIPELINE: tuple[PipelineFunction, ...] = (stemmer,)


def index_terms(value: object) -> list[str]:
    """The terms lunr.js indexes for one field value: tokenizer, then INDEX_PIPELINE."""
    pipeline = Pipeline()
    pipeline.add(*INDEX_PIPELINE)
    return [str(term) for term in pipeline.run([Token(token) for token in tokenize(value)])]


# --- scoring ------------------------------------------------------------------------


def _double(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


# fdlibm's constants, as IEEE 754 bit patterns.
_LN2_HI = _double(0x3FE62E42FEE00000)
_LN2_LO = _double(0x3DEA39EF35793C76)
_LG = [
    _double(bits)
    for bits in (
        0x3FE5555555555593,
        0x3FD999999997FA04,
        0x3FD2492494229359,
        0x3FCC71C51D8E78AF,
        0x3FC7466496CB03DE,
        0x3FC39A09D078C69F,
        0x3FC2F112DF3E5244,
    )
]


def js_log(x: float) -> float:
    """Math.log as V8 computes it, for positive normal x.

    V8 implements Math.log with fdlibm's __ieee754_log (Sun Microsystems, 1993), which
    is within 1 ulp but not correctly rounded; Python's math.log calls the C library's
    log, which rounds differently in the last bit for ~7.5% of lunr's idf arguments. A
    1-ulp idf difference can flip a score's third decimal, so this follows fdlibm's
    algorithm step by step: x = 2^k * (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), then
    log(1 + f) = f - s * (f - R(s * s)) where s = f / (2 + f), R a fixed polynomial.
    """
    if not (x >= 2.2250738585072014e-308 and x != math.inf):
        raise ValueError(f"js_log only handles positive normal numbers, got {x!r}")
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    high, low = bits >> 32, bits & 0xFFFFFFFF
    k = (high >> 20) - 1023
    high &= 0x000FFFFF
    half = (high + 0x95F64) & 0x100000  # set when the mantissa is >= sqrt(2): use x/2
    x = _double(((high | (half ^ 0x3FF00000)) << 32) | low)
    k += half >> 20
    f = x - 1.0
    dk = float(k)
    if (0x000FFFFF & (2 + high)) < 3:  # |f| < 2**-20: a short series is enough
        if f == 0.0:
            return 0.0 if k == 0 else dk * _LN2_HI + dk * _LN2_LO
        r = f * f * (0.5 - 0.33333333333333333 * f)
        return f - r if k == 0 else dk * _LN2_HI - ((r - dk * _LN2_LO) - f)
    lg1, lg2, lg3, lg4, lg5, lg6, lg7 = _LG
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (lg2 + w * (lg4 + w * lg6))
    t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
    r = t2 + t1
    if ((high - 0x6147A) | (0x6B851 - high)) > 0:  # 1 + f far from 1: keep f*f/2 apart
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f)
    if k == 0:
        return f - s * (f - r)
    return dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f)


def js_round_score(score: float) -> float:
    """Math.round(score * 1000) / 1000, lunr.js's 3-decimal score precision.

    Math.round breaks ties towards +infinity, and rounds the (already rounded) double
    score * 1000; lunr.py's round(score, 3) rounds the exact decimal value of score,
    half to even, which now and then lands on the other side.
    """
    scaled = score * 1000
    whole = math.floor(scaled)
    return (whole + 1 if scaled - whole >= 0.5 else whole) / 1000


class _JsCompatBuilder(Builder):
    """lunr.py's Builder, with lunr.js's arithmetic for the field vectors."""

    def __init__(self) -> None:
        super().__init__()
        self._terms_of: dict[str, dict[str, tuple[str, ...]]] = {}  # field -> word -> the terms the pipeline makes of it

    def add(self, doc: Document, attributes: dict[str, Any] | None = None) -> None:
        """Builder.add, running the pipeline once per distinct word instead of once per word.

        The pipeline's functions (trimmer, stop words, stemmer) each look at one token
        alone, and with no metadata kept a token is only its text; so a word's terms are
        the same wherever it occurs. Builder.add copies a Token and its metadata for every
        word, most of the index's build time. The result is the same structure, in the
        same insertion order (term numbers included), which the lunr.js test checks.
        """
        if self.metadata_whitelist:  # positions would differ per occurrence: no shortcut
            super().add(doc, attributes)
            return
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        inverted_index = self.inverted_index
        for field_name, field in self._fields.items():
            words = field.extractor(doc)  # tokenize(): always a list of strings
            known = self._terms_of.setdefault(field_name, {})
            for word in set(words).difference(known):
                # .lower() as lunr.py's Tokenizer does to a list's elements (tokenize() already did).
                known[word] = tuple(str(t) for t in self.pipeline.run([Token(word.lower(), {})], field_name))
            terms = list(chain.from_iterable(map(known.__getitem__, words)))
            field_ref = str(FieldRef(doc_ref, field_name))
            # Counter keeps first-occurrence order, as counting one by one would; so do new terms' numbers.
            frequencies = Counter(terms)
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = len(terms)
            for term in frequencies:
                posting = inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    inverted_index[term] = posting
                posting[field_name][doc_ref] = defaultdict(list)

    def _idf(self, term: str) -> float:
        # lunr's idf counts (field, document) pairs: a term in both the title and the
        # text of one article counts twice.
        posting = self.inverted_index[term]
        count = sum(len(posting[name]) for name in self._fields)
        x = (self.document_count - count + 0.5) / (count + 0.5)
        return js_log(1 + abs(x))

    def _create_field_vectors(self) -> None:
        idf_by_term: dict[str, float] = {}
        field_vectors = {}
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name = FieldRef.from_string(field_ref).field_name
            field_length = self.field_lengths[field_ref]
            field_boost = self._fields[field_name].boost
            entries = []
            for term, tf in term_frequencies.items():
                idf = idf_by_term.get(term)
                if idf is None:
                    idf = idf_by_term[term] = self._idf(term)
                # BM25, operation for operation as in lunr.js (same grouping, same order).
                # The average length is only 0 for a field that is empty everywhere, and
                # then there is no term to get here.
                length_ratio = field_length / self.average_field_length[field_name]
                score = idf * ((self._k1 + 1) * tf) / (self._k1 * (1 - self._b + self._b * length_ratio) + tf)
                score *= field_boost  # no document boosts: lunr.js multiplies by 1
                entries.append((self.inverted_index[term]["_index"], js_round_score(score)))
            # lunr.js inserts the entries one at a time, keeping them in term index order;
            # sorting once gives the same [index, score, index, score, ...] list, faster.
            field_vectors[field_ref] = Vector([number for entry in sorted(entries) for number in entry])
        self.field_vectors = field_vectors

    def _create_token_set(self) -> None:
        # The token set is not serialised: lunr.Index.load rebuilds it from the sorted
        # terms. lunr.py would build it in Python order, and slowly, for nothing.
        self.token_set = None


# --- serialising --------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # asked of every ref in every posting: the refs repeat
def _is_array_index(key: str) -> bool:
    return key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") and (int(key) < 2**32 - 1)


def _js_key_order(keys: Iterable[str]) -> list[str]:
    """The order JSON.stringify writes an object's keys in.

    JS objects list keys that are array indices ("0", "7", "2024") first, in numeric
    order, and all other keys in insertion order; Python dicts keep insertion order.
    This only changes the bytes of the JSON, not what it parses to.
    """
    keys = list(keys)
    indices = sorted((key for key in keys if _is_array_index(key)), key=int)
    return indices + [key for key in keys if not _is_array_index(key)]


def _js_number(value: float) -> float | int:
    """The number JSON.parse gives for JSON.stringify(value).

    JS has no separate integers: a score of exactly 1 is written "1" where Python's
    json writes "1.0". Below 1e21 both languages write integral numbers in full; from
    there JS switches to "1e+21" notation, which Python's float repr matches.
    """
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    return value


# --- the index ----------------------------------------------------------------------

# Object.prototype's properties: lunr.js keeps per-field totals in plain objects, where a
# field with one of these names collides with the inherited property.
_OBJECT_PROTOTYPE_NAMES = frozenset(
    "__proto__ __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__"
    " constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString"
    " toString valueOf".split()
)
_MAX_SAFE_INTEGER = 2**53 - 1


def _check_fields(fields: Sequence[FieldSpec]) -> None:
    names = [field.name for field in fields]
    if not names or len(set(names)) != len(names):
        raise ValueError(f"fields must be non-empty and distinct: {names}")
    for field in fields:
        name = field.name
        if (
            not name
            or "/" in name  # lunr joins field and ref with "/" in field vector names
            or name == "_index"  # each posting already has an "_index" key
            or name in _OBJECT_PROTOTYPE_NAMES
            or _is_array_index(name)  # JS would move it before the other fields
        ):
            raise ValueError(f"unusable field name for lunr.js: {name!r}")
        if not (isinstance(field.boost, (int, float)) and 0 < field.boost < math.inf):
            # lunr.js silently turns a 0 or NaN boost into 1 (`boost || 1`).
            raise ValueError(f"field boost must be a positive finite number: {field!r}")


def _ref_of(document: Document, ref: str) -> str:
    value = document[ref]
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > _MAX_SAFE_INTEGER:  # JS numbers lose digits beyond 2**53
            raise ValueError(f"numeric ref too large for JavaScript: {value}")
        return str(value)
    raise TypeError(f"refs must be str or int, not {type(value).__name__}: {value!r}")


def _built(documents: Iterable[Document], ref: str, fields: Sequence[FieldSpec]) -> lunr.Index | None:
    """lunr.py's Index for the documents, added in ref order (JS string order); None for no documents."""
    if lunr.__VERSION__ != LUNR_PY_VERSION:
        raise RuntimeError(f"lunr_compat needs lunr.py {LUNR_PY_VERSION}, not {lunr.__VERSION__}")
    _check_fields(fields)
    by_ref: dict[str, Document] = {}
    for document in documents:
        key = _ref_of(document, ref)
        if key in by_ref:
            raise ValueError(f"duplicate ref: {key!r}")
        by_ref[key] = document
    refs = sorted(by_ref, key=js_sort_key)

    builder = _JsCompatBuilder()
    builder.ref(ref)
    for field in fields:
        # The extractor hands lunr.py tokens split the lunr.js way: lunr.py takes a list
        # as pre-split (lowercasing again, which changes nothing) instead of splitting
        # it with its own separators. .get(): lunr.js indexes a missing field as empty.
        builder.field(field.name, field.boost, lambda doc, name=field.name: tokenize(doc.get(name)))
    builder.pipeline.add(*INDEX_PIPELINE)
    builder.search_pipeline.add(*SEARCH_PIPELINE)
    for key in refs:
        builder.add(by_ref[key])

    if not refs:  # lunr.py divides by the document count; lunr.js just builds nothing
        return None
    return builder.build()


@dataclass(frozen=True)
class Postings:
    """What a search needs of an index, without the JSON lunr.Index.load reads: each term (in lunr.js's
    order) with its number, and each field vector ("field/ref", [term number, score, ...])."""

    terms: list[tuple[str, int]]
    field_vectors: list[tuple[str, list[float]]]


def index_postings(documents: Iterable[Document], ref: str = "id", fields: Sequence[FieldSpec] = DEFAULT_FIELDS) -> Postings:
    """The terms and field vectors of build_index's index (the same builder), for a site's own index files."""
    index = _built(documents, ref, tuple(fields))
    if index is None:
        return Postings([], [])
    terms = sorted(((term, posting["_index"]) for term, posting in index.inverted_index.items()), key=lambda t: js_sort_key(t[0]))
    # lunr.py's serialize() rounds again with round(x, 3); the values are already the doubles nearest n/1000.
    return Postings(terms, [(field_ref, list(vector.elements)) for field_ref, vector in index.field_vectors.items()])


def build_index(
    documents: Iterable[Document],
    ref: str = "id",
    fields: Sequence[FieldSpec] = DEFAULT_FIELDS,
) -> dict[str, Any]:
    """Build a lunr index with lunr.py that equals the one lunr.js 2.3.9 builds.

    Documents are indexed in ref order (JS string order), whatever order they come in,
    so the same corpus always gives the same bytes: the order documents are added
    decides each term's vector position ("_index") and the order of "fieldVectors".
    The result equals JSON.parse(JSON.stringify(idx)) for lunr.js given the documents in
    that order - numbers, key order and all. Field values must be str, a list of str
    (pre-split, as lunr.js treats arrays), None or absent; refs unique str or int.
    """
    fields = tuple(fields)
    built = _built(documents, ref, fields)
    field_names = [field.name for field in fields]
    if built is None:
        return {
            "version": LUNR_JS_VERSION,
            "fields": field_names,
            "fieldVectors": [],
            "invertedIndex": [],
            "pipeline": [fn.label for fn in SEARCH_PIPELINE],
        }
    # lunr.py's serialize() rounds vector values again with round(x, 3); a value that is
    # already the double nearest to n/1000 comes back unchanged.
    serialised = built.serialize()

    def posting_json(posting: dict[str, Any]) -> dict[str, Any]:
        # lunr.js creates each posting with "_index" first, then one object per field
        # mapping refs to metadata ({} - no metadata is whitelisted); lunr.py adds
        # "_index" last and uses defaultdicts for the metadata.
        return {
            "_index": posting["_index"],
            **{name: {doc: dict(posting[name][doc]) for doc in _js_key_order(posting[name])} for name in field_names},
        }

    return {
        "version": serialised["version"],
        "fields": serialised["fields"],
        "fieldVectors": [[field_ref, [_js_number(value) for value in elements]] for field_ref, elements in serialised["fieldVectors"]],
        "invertedIndex": [
            [term, posting_json(posting)] for term, posting in sorted(serialised["invertedIndex"], key=lambda pair: js_sort_key(pair[0]))
        ],
        "pipeline": serialised["pipeline"],
    }


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps_index(index: Mapping[str, Any]) -> str:
    """Compact JSON for an index from build_index: the text JSON.stringify(idx) gives.

    Non-ASCII is written as is (encode the result as UTF-8). JSON.stringify escapes
    lone surrogates, which Python's json leaves raw and UTF-8 cannot encode.
    """
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
