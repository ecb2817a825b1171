"""Why a measure was not (fully) implemented, from the Lithuanian result text.

Patterns are matched on folded text (lower case, diacritics removed), so "pandemijos",
"PANDEMIJOS" and "pandemijos" without diacritics are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from apanalysis.vocabulary.status import IMPLEMENTED
from apanalysis.vocabulary.status import UNDONE_STATUSES as NOT_DONE_STATUSES
from apanalysis.vocabulary.text import fold, mask_inner_dots

REASONS: dict[str, str] = {
    "covid": "COVID-19 pandemic and its restrictions",
    "no_information": "no information was provided",
    "no_need": "there was no need (no demand, nobody applied)",
    "other_form": "carried out in another form than planned (e.g. remotely)",
    "not_organized": "not organised (no reason given)",
    "postponed": "postponed to a later year",
    "abandoned": "abandoned (decided not to do it)",
}

# Lithuanian keyword stems (folded), one tuple per reason.
COVID_STEMS = (
    r"pandemij\w*",
    r"covid\w*",
    r"karantin\w*",
    r"apribojim\w*",
    r"ekstremal\w*\s+situacij\w*",
    r"epidemi(?!olog)\w*",
    r"koronavirus\w*",
)
# Within one sentence: any character but a dot. Dots that end no sentence ("2020 m.", "tūkst.")
# are masked first by apanalysis.vocabulary.text.mask_inner_dots, the project's one splitter.
_IN_SENTENCE = r"[^.]"


NO_INFORMATION_STEMS = (
    rf"(?:informacij|duomen)\w*\b{_IN_SENTENCE}{{0,150}}?"
    r"\b(?:nepateik\w*|nebuvo\s+pateikt\w*|negaut\w*)",
    rf"\bnepateik\w*\b{_IN_SENTENCE}{{0,60}}?\b(?:informacij|duomen)\w*",
    r"\bnera\s+(?:informacijos|duomenu)\b",
)
NO_NEED_STEMS = (
    r"\b(?:nebuvo|nera|nesant|neatsirado|nekilo)\s+(?:\w+\s+){0,2}?poreik\w*",
    r"\bporeik\w*\s+(?:\w+\s+){0,2}?(?:nebuvo|nera|neatsirado|nekilo)\b",
    r"\bneatsirad\w*",
    r"\bnesikreip\w*",
    r"\bnebuvo\s+kreipim\w*",
    r"\bnepateik\w*\s+paraisk\w*",  # "NVO nepateikė paraiškų": nobody applied
)
OTHER_FORM_STEMS = (
    r"\bnuotolin\w*",
    r"\bvirtual\w*",
    r"\bkit\w*\s+form\w*",
    r"\bvietoje\s+(?:numatyt\w*\s+)?(?:mokym|seminar|rengin|konferencij|susitikim|paskait)",
    r"\bkitu\s+budu\b",
    r"\bprisijungt\w*\s+prie\b",
    r"\bpakeist\w*\s+\w*\s*form\w*",
    r"\brastu\b(?!\s*nr)",
    r"\bonline\b",
)
POSTPONED_STEMS = (
    r"\bnukel\w*",
    r"\batidet\w*",
    r"\batidej\w*",
    r"\bperkel\w*\s+(?:i\s+)?(?:20\d\d|kitu)",
    r"\bbus\s+(?:tesiam|igyvendinam|organizuojam|vykdom)\w*",
)
ABANDONED_STEMS = (r"\batsisak\w*", r"\bnutrauk\w*", r"\bnebebus\b", r"\bnusprest\w*\s+ne\w+")

NOT_ORGANIZED = "not_organized"

_PATTERNS: dict[str, re.Pattern[str]] = {
    code: re.compile("|".join(stems))
    for code, stems in (
        ("covid", COVID_STEMS),
        ("no_information", NO_INFORMATION_STEMS),
        ("no_need", NO_NEED_STEMS),
        ("other_form", OTHER_FORM_STEMS),
        ("postponed", POSTPONED_STEMS),
        ("abandoned", ABANDONED_STEMS),
    )
}
_IMPLEMENTED_REASONS = ("covid", "other_form")
#: Words one of which every stem of a reason contains. No stem matches a dot, so a match lies
#: within one sentence that holds one of these words: only such sentences are searched.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "covid": ("pandemij", "covid", "karantin", "apribojim", "ekstremal", "epidemi", "koronavirus"),
    "no_information": ("informacij", "duomen"),
    "no_need": ("poreik", "neatsirad", "nesikreip", "kreipim", "paraisk"),
    "other_form": (
        "nuotolin",
        "virtual",
        "form",
        "vietoje",
        "kitu",
        "prisijungt",
        "rastu",
        "online",
    ),
    "postponed": ("nukel", "atidet", "atidej", "perkel", "bus"),
    "abandoned": ("atsisak", "nutrauk", "nebebus", "nusprest"),
}


def _sentences_with(masked: str, words: tuple[str, ...]) -> Iterator[str]:
    """The sentences (stretches between dots) of ``masked`` holding one of ``words``.

    A pattern that matches no dot matches ``masked`` if and only if it matches one of its
    sentences (a dot is no word character, as the ends of a string): searching only these
    is much faster than scanning the whole text.
    """
    for word in words:
        at = masked.find(word)
        while at != -1:
            end = masked.find(".", at)
            yield masked[masked.rfind(".", 0, at) + 1 : end if end != -1 else len(masked)]
            at = masked.find(word, end) if end != -1 else -1


def _has_reason(code: str, masked: str) -> bool:
    pattern = _PATTERNS[code]
    return any(pattern.search(sentence) for sentence in _sentences_with(masked, _TRIGGERS[code]))


def cites_covid(text: str) -> bool:
    """True if ``text`` mentions the pandemic, COVID-19, quarantine, restrictions or emergency."""
    return bool(_PATTERNS["covid"].search(fold(text)))


def find_reasons(text: str, status: str) -> list[str]:
    """Reason codes found in ``text``, in the order of :data:`REASONS` (see :func:`_reasons`)."""
    return list(_reasons(text, status))


@lru_cache(maxsize=4096)
def _reasons(text: str, status: str) -> tuple[str, ...]:
    """Reason codes found in ``text``, in the order of :data:`REASONS`.

    For an implemented row only "covid" and "other_form" (how the form changed) are kept;
    otherwise "not_organized" is given when no other reason is found.
    """
    folded = fold(mask_inner_dots(text))
    found = {code for code in _PATTERNS if _has_reason(code, folded)}
    if status == IMPLEMENTED:
        found &= set(_IMPLEMENTED_REASONS)
    elif not found and status in NOT_DONE_STATUSES:
        found = {NOT_ORGANIZED}
    return tuple(code for code in REASONS if code in found)
