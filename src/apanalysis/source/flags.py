"""Contradictions between a row's reported status and its numbers or its text.

``flag("implemented", 30, 25, text)`` → "implemented_below_target" (01.04.04 action 2: 25 of 30
took part, yet marked implemented).
"""

from __future__ import annotations

from collections.abc import Sequence

from apanalysis.source.achieved import SENTENCE_END_RE, WORD_RE, criterion_stem, is_missing
from apanalysis.vocabulary.causes import (
    CONTRAST_RE,
    IMPLEMENTED_ELSEWHERE_RE,
    NOT_DONE_RE,
    NOT_DONE_WORDS,
)
from apanalysis.vocabulary.status import UNDONE_STATUSES
from apanalysis.vocabulary.text import fold

__all__ = ["FLAGS", "flag", "text_says_not_done"]

#: Flags :func:`flag` may return (besides "").
FLAGS: tuple[str, ...] = (
    "implemented_below_target",
    "not_implemented_but_target_met",
    "implemented_but_text_says_not_done",
)


def text_says_not_done(
    result_text: str, criterion: str = "", municipal_parts: Sequence[object] = ()
) -> bool:
    """Whether the text, after its status word, says the work was not done or held ("neįvyko",
    "nebuvo organizuota"), in a sentence that offers no alternative ("o", "tačiau", "raštu",
    "nuotoliniu būdu" ...), about the criterion's head noun when it has one, while no other
    sentence says the measure was implemented. Texts with municipal sub-results
    (``municipal_parts``, as split by :mod:`apanalysis.source.municipal`) are skipped."""
    if not result_text or municipal_parts:
        return False
    if not any(word in fold(result_text) for word in NOT_DONE_WORDS):
        return False  # fast path: no sentence can match NOT_DONE_RE
    from apanalysis.vocabulary.status import leading_status

    status = leading_status(result_text)
    body = result_text[status.end :] if status else result_text
    stem = criterion_stem(criterion) if criterion else None
    sentences = [fold(s) for s in SENTENCE_END_RE.split(body) if s.strip()]
    said = [s for s in sentences if NOT_DONE_RE.search(s) and not CONTRAST_RE.search(s)]
    if stem is not None:
        said = [s for s in said if any(w.startswith(stem) for w in WORD_RE.findall(s))]
    if not said:
        return False
    others = [s for s in sentences if s not in said]
    return not any(IMPLEMENTED_ELSEWHERE_RE.search(s) for s in others)


def flag(
    status: str,
    target: float | None,
    achieved: float | None,
    result_text: str,
    criterion: str = "",
    municipal_parts: Sequence[object] = (),
) -> str:
    """A contradiction between the reported status and the numbers or the text, else "".

    * "implemented_below_target": implemented, yet the achieved value is below the target;
    * "not_implemented_but_target_met": not (or only partially) implemented, yet the achieved
      value reaches the target;
    * "implemented_but_text_says_not_done": implemented, yet the text says it was not done
      (:func:`text_says_not_done`).
    """
    known = not is_missing(target) and not is_missing(achieved)
    if status == "implemented" and known and achieved < target:
        return "implemented_below_target"
    if status in UNDONE_STATUSES and known and achieved >= target:
        return "not_implemented_but_target_met"
    if status == "implemented" and text_says_not_done(result_text, criterion, municipal_parts):
        return "implemented_but_text_says_not_done"
    return ""
