"""Stage 3, extract: an article's clean text -> the entities it mentions.

Two layers, each cached per article (stage.py):

1. spaCy's statistical NER (en_core_web_sm, NER components only) -> raw spans (ner.py).
2. Lode's rules over those spans -> typed mentions with an in-article name, run as one ordered list of named
   steps (steps.py): vocabularies (minerals, projects, events, place names), acronyms defined in the text
   (acronyms.py), organisation and event suffixes (organisations.py), people after their titles and surnames
   (people.py), places (places.py, with the gazetteer), values of money, percent and date (values.py), and
   what is no entity (filters.py). How overlapping candidates give way is spans.py.

The rule layer's cache key hashes this folder and the word lists in extract/vocab/. Cross-article identity
(one entity per real thing) is link.py's job.
"""

from __future__ import annotations

from ..model import TYPES
from .language import detect_language
from .ner import MODEL_PACKAGE, NerModel
from .spans import Extraction, Found
from .stage import extract_all, rule_sources, rules_fingerprint
from .steps import STEPS, print_step, refine

__all__ = ["MODEL_PACKAGE", "STEPS", "TYPES", "Extraction", "Found", "NerModel", "detect_language", "extract_all",
           "print_step", "refine", "rule_sources", "rules_fingerprint"]
