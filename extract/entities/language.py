"""Which articles are English: the model and the rules are English only."""

from __future__ import annotations

import re
import unicodedata

ENGLISH_STOPWORDS = set(
    "the of and to in a is that for on with as by at from it was are be this has have its said an or were will not which".split()
)
URDU_LETTERS = set("ٹڈڑںےہھۓ")


def detect_language(text: str, declared: str | None) -> str:
    """'en' for English; otherwise the declared language, or one guessed from the script."""
    if declared and not declared.lower().startswith("en"):
        return declared
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return declared or "en"
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    if latin / len(letters) < 0.5:
        if any(ch in URDU_LETTERS for ch in letters):
            return "ur"
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in letters}
        return "ar" if "ARABIC" in scripts else "und"
    words = re.findall(r"[a-z]+", text.lower())
    share = sum(1 for w in words if w in ENGLISH_STOPWORDS) / max(len(words), 1)
    return "en" if share >= 0.12 or len(words) < 30 else "und"

