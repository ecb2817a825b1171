"""Counts in a sentence ("16", "penki") and the finders that pick the one a claim states."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.vocabulary import numbers


@dataclass(frozen=True)
class Count:
    """A count in a sentence ("16", "penki") with its position."""

    value: int
    start: int
    end: int


#: A function finding one count in a sentence (e.g. :func:`items_count`).
CountFinder = Callable[[str], Count | None]
# r"(?<![\w.,])\d+(?![\w]|[.,]\d)" with the lookbehind after the first digit: the same
# matches, but the re engine jumps from digit to digit (see numbers.NUMBER_REST).
DIGITS_RE = re.compile(r"\d(?<![\w.,]\d)\d*(?![\w]|[.,]\d)")
#: A count directly after "priemonės" or "1 ir" is an action number ("priemonės 3 veiksmai").
ACTION_NUMBER_BEFORE_RE = re.compile(r"(?:priemon\w*|\d+\s+ir)\s+$", re.IGNORECASE)


def counts(text: str) -> list[Count]:
    """Counts in ``text``: plain digits (not parts of "55,5" or "01.01.01") and the number words
    that :func:`apanalysis.vocabulary.numbers.find_count_words` finds ("penki", "dvidešimt trys")."""
    return list(_counts(text))


@lru_cache(maxsize=4096)  # each sentence is asked for its counts by several finders
def _counts(text: str) -> tuple[Count, ...]:
    found = [Count(int(m.group()), m.start(), m.end()) for m in DIGITS_RE.finditer(text)]
    found += [Count(value, start, end) for value, _, start, end in numbers.find_count_words(text)]
    return tuple(sorted(found, key=lambda c: c.start))


IC = re.IGNORECASE
ITEMS_AFTER_RE = re.compile(r"\s+(?:Plano\s+)?priemon\w*\s+ir\s+veik\w*", IC)
ITEMS_CUE_RE = re.compile(r"\b(?:sudar\w*|numat\w*|įgyvendinus)\b", IC)
UNACHIEVED_AFTER_RE = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,6}?"
    r"(?:nebuvo\s+(?:įgyvendint|pasiekt)|neįgyvendint|nepasiekt)\w*",
    IC,
)
NEPAVYKO_BEFORE_RE = re.compile(
    r"nepavyko\s+(?:pasiekti|įgyvendinti)\s+(?:\d+\s+uždavinio\s+)?$", IC
)
PRIEMON_AFTER_RE = re.compile(r"\s+priemon\w*", IC)


#: How far before a count the "…$" patterns above look (each spans a few words at most).
BEFORE_WINDOW = 80


def _before(text: str, count: Count) -> str:
    """The text just before ``count``: what the patterns anchored at ``$`` need to see."""
    return text[max(0, count.start - BEFORE_WINDOW) : count.start]


def _is_action_number(text: str, count: Count) -> bool:
    """True for "priemonės 3 veiksmai", "1 ir 2 veiksmai": an action number, not a count."""
    return bool(ACTION_NUMBER_BEFORE_RE.search(_before(text, count)))


def unachieved_count(text: str) -> Count | None:
    """The claimed number of unachieved measures/actions in a sentence.

    "penki priemonių ir veiksmų kriterijai nebuvo pasiekti", "6 nebuvo įgyvendintos",
    "Nepavyko pasiekti 4 uždavinio septynių priemonių ..."; not "iš viso 20 ... – nebuvo",
    not "priemonės 3 veiksmai nebuvo įgyvendinti" (an action number).
    """
    for count in counts(text):
        if _is_action_number(text, count):
            continue
        if UNACHIEVED_AFTER_RE.match(text, count.end):
            return count
        if NEPAVYKO_BEFORE_RE.search(_before(text, count)) and PRIEMON_AFTER_RE.match(
            text, count.end
        ):
            return count
    return None


def items_count(text: str) -> Count | None:
    """The claimed number of measures and actions: "sudarė 16 Plano priemonių ir veiksmų"."""
    unachieved = unachieved_count(text)
    for count in counts(text):
        if unachieved and count.start == unachieved.start:
            continue
        if ITEMS_AFTER_RE.match(text, count.end) and ITEMS_CUE_RE.search(text[: count.start]):
            return count
    return None


def count_followed_by(
    text: str, after: re.Pattern[str], cue: re.Pattern[str] | None = None
) -> Count | None:
    """First count followed by ``after`` (and preceded by ``cue`` in the sentence, if given)."""
    for count in counts(text):
        if after.match(text, count.end) and (cue is None or cue.search(text[: count.start])):
            return count
    return None
