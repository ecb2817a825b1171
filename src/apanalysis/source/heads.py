"""The head noun and verb of an evaluation criterion, as folded stems: what its number counts.

"Organizuotų posėdžių skaičius – 2" → noun stem "posed"; "Mokymuose dalyvavusių asmenų
skaičius – 30" → noun "asmen", verb "dalyvav".
"""

from __future__ import annotations

import re

from apanalysis.vocabulary import numbers
from apanalysis.vocabulary.text import fold

__all__ = ["criterion_stem", "criterion_verb_stem", "strip_ending"]

MIN_STEM = 4
#: Case endings stripped from the (folded) head noun, longest first.
ENDINGS = (
    "ziu",
    "ciu",
    "iais",
    "iams",
    "iems",
    "ioms",
    "iai",
    "ios",
    "ies",
    "ims",
    "ams",
    "ems",
    "oms",
    "iu",
    "ys",
    "es",
    "os",
    "ai",
    "is",
    "as",
    "us",
    "ui",
    "u",
    "a",
    "e",
    "o",
    "i",
)
#: Words that name the measured quantity rather than the thing counted.
QUANTITY_WORDS = {"skaicius", "kiekis", "procentas", "dalis", "skaiciaus"}
SEPARATOR_RE = re.compile(r"\s[–—-]\s|:")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def strip_ending(word: str) -> str:
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 1:
            return word[: -len(ending)]
    return word


def criterion_stem(criterion: str) -> str | None:
    """Folded stem of the criterion's head noun ("Organizuotų posėdžių skaičius – 2" → "posed"),
    or None when there is no usable one."""
    head_part = SEPARATOR_RE.split(criterion or "", maxsplit=1)[0]
    head_part = head_part.split(",")[0]
    words = [fold(w) for w in WORD_RE.findall(head_part)]
    words = [w for w in words if w not in QUANTITY_WORDS]
    if not words:
        return None
    stem = strip_ending(words[-1])
    return stem if len(stem) >= MIN_STEM or stem in numbers.HEAD_SYNONYMS else None


#: A past active participle in the genitive plural (folded), the form criteria use for who took
#: part: "Mokymuose dalyvavusių asmenų skaičius" → the verb stem "dalyvav".
PARTICIPLE_RE = re.compile(r"^([^\W\d_]{4,}?)usiu$")


def criterion_verb_stem(criterion: str) -> str | None:
    """Folded stem of the participle that says what was counted ("dalyvavusių" → "dalyvav")."""
    head_part = SEPARATOR_RE.split(criterion or "", maxsplit=1)[0]
    for word in WORD_RE.findall(head_part):
        match = PARTICIPLE_RE.match(fold(word))
        if match:
            return match.group(1)
    return None
