"""Why a measure was not (fully) implemented, from the Lithuanian result text.

Each reason has its keyword stems here; when a mention is a *stated* cause or effect is decided
by :mod:`apanalysis.vocabulary.causes`. Patterns are matched on folded text (lower case,
diacritics removed), so "pandemijos", "PANDEMIJOS" and "pandemijos" without diacritics are the
same, within one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.vocabulary import causes
from apanalysis.vocabulary.status import IMPLEMENTED
from apanalysis.vocabulary.status import UNDONE_STATUSES as NOT_DONE_STATUSES
from apanalysis.vocabulary.text import fold

REASONS: dict[str, str] = {
    "covid": "COVID-19 pandemic and its restrictions",
    "no_information": "no information was provided",
    "no_need": "there was no need (no demand, nobody applied)",
    "other_form": "carried out in another form than planned (e.g. remotely)",
    "not_organized": "the text says it did not take place, and gives no reason",
    "no_reason_given": "not (fully) implemented; the text states no reason",
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
# Within one sentence: any character but a dot. The dots of abbreviations ("2020 m.", "tūkst.")
# do not end a sentence: they are replaced by ABBREVIATION_MARK before matching.
_IN_SENTENCE = r"[^.]"
ABBREVIATIONS = frozenset({"m", "d", "r", "nr", "men", "tukst", "pvz", "kt", "t", "y", "val"})
ABBREVIATION_MARK = "\u00b7"
_ABBREVIATION_ENDS = frozenset(word[-1] for word in ABBREVIATIONS)
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,5}$")


def mask_abbreviation_dots(folded: str) -> str:
    """``folded`` with the dot after an abbreviation ("2020 m.", "tukst.") replaced by
    :data:`ABBREVIATION_MARK`, so that ``[^.]`` stays within one sentence."""
    if "." not in folded:
        return folded
    parts = folded.split(".")
    # Each dot is decided by the part before it alone (the dot or mark opening that part is no
    # letter). Fast path: most dots follow a character that ends no abbreviation ("$" of
    # _LAST_WORD also matches before a final newline), and the string is rebuilt by joins.
    masked = [
        index
        for index, before in enumerate(parts[:-1], 1)
        if before.removesuffix("\n")[-1:] in _ABBREVIATION_ENDS and _ends_in_abbreviation(before)
    ]
    if not masked:
        return folded
    bounds = zip([0, *masked], [*masked, None], strict=True)
    return ABBREVIATION_MARK.join(".".join(parts[start:stop]) for start, stop in bounds)


def _ends_in_abbreviation(text: str) -> bool:
    word = _LAST_WORD.search(text[-6:])
    return bool(word) and word.group() in ABBREVIATIONS


NO_INFORMATION_STEMS = (
    rf"(?:informacij|duomen)\w*\b{_IN_SENTENCE}{{0,150}}?"
    r"\b(?:nepateik\w*|nebuvo\s+pateikt\w*|negaut\w*)",
    rf"\bnepateik\w*\b{_IN_SENTENCE}{{0,60}}?\b(?:informacij|duomen)\w*",
    r"\bnera\s+(?:informacijos|duomenu)\b",
)
NO_NEED_STEMS = (
    r"\b(?:nebuvo|nera|nesant|neatsirado|nekilo)\s+(?:\w+\s+){0,2}?poreik\w*",
    r"\bporeik\w*\s+(?:\w+\s+){0,2}?(?:nebuvo|nera|neatsirado|nekilo)\b",
    r"\bneatsirad\w*\s+(?:\w+\s+){0,2}?(?:norinc|poreik|dalyv|pageidaujanc|kandidat|paraisk)\w*",
    r"\bnesikreip\w*",
    r"\bnebuvo\s+kreipim\w*",
    r"\bnepateik\w*\s+paraisk\w*",  # "NVO nepateikė paraiškų": nobody applied
)
OTHER_FORM_STEMS = (
    r"\bnuotolin\w*",
    r"\bvirtual\w*",
    r"\bskaitmenin\w*\s+erdv\w*",
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
NO_REASON_GIVEN = "no_reason_given"
#: What separates the items of :func:`evidence_text`.
EVIDENCE_SEPARATOR = " | "

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
#: Words one of which every stem of a reason contains: a sentence without one is not searched.
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
        "skaitmenin",
    ),
    "postponed": ("nukel", "atidet", "atidej", "perkel", "bus"),
    "abandoned": ("atsisak", "nutrauk", "nebebus", "nusprest"),
}
#: Where a sentence ends: a line break, or ".", "!" or "?" before a space or the end, unless the
#: dot ends an abbreviation (see :func:`mask_abbreviation_dots`) or an initial ("V. Siniovas").
_SENTENCE_END = re.compile(r"(?<![\s(„\"][^\W\d_])[.!?](?=\s|$)|\n")


#: "ir kt." (and others) before a capital closes its sentence.
_CLOSING_ABBREVIATION = re.compile(r"\bir\s+kt\.(?=\s+[A-ZĄČĘĖĮŠŲŪŽ])")


@dataclass(frozen=True)
class Reason:
    """A reason code and the sentence of the text it was read from ("" when none is stated)."""

    code: str
    evidence: str


def _fold_same_length(text: str) -> str:
    """:func:`fold` of ``text``, character by character when folding changes the length (so
    that offsets in the folded text are offsets in ``text``)."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join((fold(char) or char)[0] for char in text)


def _sentences(text: str) -> list[tuple[str, str]]:
    """``(folded sentence, sentence as written)`` of ``text``; abbreviation dots do not end one."""
    masked = mask_abbreviation_dots(_fold_same_length(text))
    ends = {m.start() for m in _SENTENCE_END.finditer(masked)}
    ends |= {m.end() - 1 for m in _CLOSING_ABBREVIATION.finditer(text)}
    out, start = [], 0
    for end in [*sorted(ends), len(masked)]:
        if masked[start:end].strip():
            out.append((masked[start:end], " ".join(text[start : end + 1].split())))
        start = end + 1
    return out


def _states_covid(folded: str, status: str) -> bool:
    """Whether a sentence states the pandemic as the cause of what happened to the work."""
    for match in _PATTERNS["covid"].finditer(folded):
        if causes.states_cause(folded[: match.start()], folded[match.end() :]):
            return status != IMPLEMENTED or causes.states_effect(folded)
    return False


def _states(code: str, folded: str, status: str) -> bool:
    """Whether one folded sentence states reason ``code`` (see the module docstring)."""
    if not any(word in folded for word in _TRIGGERS[code]):
        return False
    if code == "covid":
        return _states_covid(folded, status)
    if not _PATTERNS[code].search(folded):
        return False
    if code == "other_form":
        return causes.states_work_held(folded)
    return True


def _body(text: str) -> str:
    """``text`` after its leading status word ("Neįgyvendinta. …" → "…")."""
    from apanalysis.vocabulary.status import leading_status

    status = leading_status(text)
    return text[status.end :] if status else text


def cites_covid(text: str) -> bool:
    """True if ``text`` mentions the pandemic, COVID-19, quarantine, restrictions or emergency
    (a mention only: see :func:`states_covid_cause` for a stated cause)."""
    return bool(_PATTERNS["covid"].search(fold(text)))


def states_covid_cause(text: str) -> bool:
    """True if a sentence of ``text`` states the pandemic as a cause ("lėšos nebuvo panaudotos,
    nes dėl pandemijos … renginiai vyko nuotoliniu būdu")."""
    return any(_states_covid(folded, "not_implemented") for folded, _ in _sentences(text))


def find_reasons(text: str, status: str) -> list[str]:
    """Reason codes found in ``text``, in the order of :data:`REASONS` (see :func:`read_reasons`)."""
    return [reason.code for reason in read_reasons(text, status)]


@lru_cache(maxsize=4096)
def read_reasons(text: str, status: str) -> tuple[Reason, ...]:
    """The reasons ``text`` states, each with its first sentence, in the order of :data:`REASONS`.

    A reason is read from a sentence that states it: "covid" only from a sentence giving the
    pandemic as a cause (and, for implemented work, an effect: :mod:`apanalysis.vocabulary.causes`),
    "other_form" only from one saying the work took place in that form. For an implemented row
    only "covid" and "other_form" are kept. A row not (fully) implemented with none of these
    gets "not_organized" when a sentence after its status says the thing did not take place
    ("Mokymai nebuvo organizuoti"), else "no_reason_given" (with no evidence).
    """
    found: dict[str, str] = {}
    codes = _IMPLEMENTED_REASONS if status == IMPLEMENTED else tuple(_PATTERNS)
    for folded, sentence in _sentences(text):
        for code in codes:
            if code not in found and _states(code, folded, status):
                found[code] = sentence
    if not found and status in NOT_DONE_STATUSES:
        said = [s for f, s in _sentences(_body(text)) if causes.states_not_held(f)]
        found = {NOT_ORGANIZED: said[0]} if said else {NO_REASON_GIVEN: ""}
    return tuple(Reason(code, found[code]) for code in REASONS if code in found)


def evidence_text(reasons: tuple[Reason, ...] | list[Reason]) -> str:
    """The ``evidence`` column: "code: sentence" for each reason that has one, joined by
    :data:`EVIDENCE_SEPARATOR`."""
    return EVIDENCE_SEPARATOR.join(f"{r.code}: {r.evidence}" for r in reasons if r.evidence)
