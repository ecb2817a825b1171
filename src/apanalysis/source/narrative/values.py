"""Per-task values of a task section: criterion, target, achieved value, verdict, counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from apanalysis.source.narrative.counts import IC, CountFinder
from apanalysis.source.narrative.text import Sentence
from apanalysis.vocabulary import numbers, status

CRITERION_RE = re.compile(r"vertinimo\s+kriterij\w*\s*[–—-]\s*(?P<text>.+)$", IC)
TASK_CRITERION_RE = re.compile(r"uždavin\w*\s+vertinimo\s+kriterij\w*\s*[–—-]", IC)
NUMBER = r"\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"
TARGET_RE = re.compile(rf"(?:\(|[–—-]\s*)(?P<num>{NUMBER})\s*(?P<unit>proc\.?|%)?\s*\)?\s*\.?$", IC)
ACHIEVED_RE = re.compile(
    rf"pasiekt\w*\s+(?:[^\W\d_]+\s+){{0,4}}?reikšm\w*\s*[–—-]\s*(?P<num>{NUMBER})"
    r"\s*(?P<unit>proc\.?|%)?",
    IC,
)
VERDICT_RE = re.compile(
    r"\buždavin\w*\s+(?:\([^)]*\)\s+)?(?:kriterij\w*\s+(?:\([^)]*\)\s+)?)?"
    r"(?:laikytin\w*\s+)?(?:buvo\s+)?"
    r"(?P<status>(?:iš\s+dalies\s+)?(?:ne)?[įi]gyvendint(?:as|a|u|i)\b(?:\s+iš\s+dalies)?)",
    IC,
)


@dataclass(frozen=True)
class Found:
    """A matched value with its sentence quote and raw line."""

    value: object
    quote: str
    line: int


def _unit(raw: str | None) -> str | None:
    """ "proc." for any percent sign or word, else None."""
    return "proc." if raw else None


def find_criterion(sentences: list[Sentence]) -> Found | None:
    """Criterion text after "vertinimo kriterijus –" (task criterion sentence preferred)."""
    preferred = [s for s in sentences if TASK_CRITERION_RE.search(s.text)]
    for sentence in preferred or sentences:
        match = CRITERION_RE.search(sentence.text)
        if match:
            text = match.group("text").strip().rstrip(".").strip()
            return Found(text, sentence.text, sentence.line_at(match.start()))
    return None


def criterion_target(criterion: str) -> tuple[float | None, str | None]:
    """Numeric target at the end of a criterion: "... procentas (70 proc.)" → (70.0, "proc.")."""
    match = TARGET_RE.search(criterion)
    if not match:
        return None, None
    return numbers.parse_number(match.group("num")), _unit(match.group("unit"))


def find_achieved(sentences: list[Sentence]) -> Found | None:
    """Achieved value: "pasiekta numatyto vertinimo kriterijaus reikšmė – 55,5 proc."."""
    for sentence in sentences:
        match = ACHIEVED_RE.search(sentence.text)
        if match:
            value = (numbers.parse_number(match.group("num")), _unit(match.group("unit")))
            return Found(value, sentence.text, sentence.line_at(match.start()))
    return None


def verdict_status(raw: str) -> str:
    """Status code of a verdict phrase ("neįgyvendintas", "įgyvendintu iš dalies", ...).

    The annex's :func:`apanalysis.vocabulary.status.leading_status` reads sentence-initial status words;
    here the participle is inflected ("įgyvendintu") and inside a sentence, so only the
    negation prefix and "iš dalies" decide.
    """
    words = raw.lower()
    if words.startswith("ne"):
        return status.NOT_IMPLEMENTED
    if "dalies" in words:
        return status.PARTIALLY
    return status.IMPLEMENTED


def find_verdict(sentences: list[Sentence]) -> Found | None:
    """The task verdict: "1 uždavinio kriterijus (70 proc.) neįgyvendintas" → not_implemented."""
    for sentence in sentences:
        match = VERDICT_RE.search(sentence.text)
        if match:
            value = verdict_status(match.group("status"))
            return Found(value, sentence.text, sentence.line_at(match.start()))
    return None


def find_count(sentences: list[Sentence], finder: CountFinder) -> list[Found]:
    """Every sentence where ``finder`` finds a count, in order."""
    found = []
    for sentence in sentences:
        count = finder(sentence.text)
        if count is not None:
            found.append(Found(count.value, sentence.text, sentence.line_at(count.start)))
    return found
