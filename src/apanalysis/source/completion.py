"""Completion levels on the scale of the Open Government Partnership's Independent Reporting
Mechanism (IRM): ``no_evidence``, ``not_started``, ``limited``, ``substantial``, ``complete``.

The level is derived from the report's own status, the reasons read from the text and the
achievement ratio (achieved / target), by the first rule that applies:

=====================================================  =============================
rule                                                   completion
=====================================================  =============================
status unknown or ``not_planned``                      "" (not assessed)
not (fully) implemented, the only reason stated is     ``no_evidence``
"no information was provided"
achievement ratio known and ≥ 1, status implemented    ``complete``
achievement ratio known and > 0.5 (most of it)         ``substantial``
achievement ratio known and > 0 (half or less)         ``limited``
achievement ratio known and 0                          ``not_started``
implemented (no ratio)                                 ``complete``
partially implemented (no ratio)                       ``limited``
not implemented (no ratio)                             ``not_started``
=====================================================  =============================

A row the report calls not implemented although it reached most of its target (118 of 120
participants) is ``substantial``; one that reached half of it (1 of 2 meetings) is ``limited``:
the scale follows the evidence, and the status column keeps the report's word.
Partial implementation without numbers is ``limited``, the level that claims least.
"""

from __future__ import annotations

import math

from apanalysis.vocabulary.status import IMPLEMENTED, PARTIALLY, STATUSES

__all__ = ["COMPLETION_LEVELS", "completion_level"]

#: The levels, from least to most complete.
COMPLETION_LEVELS: tuple[str, ...] = (
    "no_evidence",
    "not_started",
    "limited",
    "substantial",
    "complete",
)
#: The reason code meaning "no information was provided" (apanalysis.vocabulary.reasons).
NO_INFORMATION = "no_information"
#: Above this share of the target, most of the work was done.
SUBSTANTIAL_RATIO = 0.5


def _known(ratio: float | None) -> bool:
    return ratio is not None and not (isinstance(ratio, float) and math.isnan(ratio))


def completion_level(status: str, reasons: list[str] | tuple[str, ...], ratio: float | None) -> str:
    """The completion level of a row (see the module docstring); "" when not assessed."""
    if status not in STATUSES:
        return ""
    if status != IMPLEMENTED and list(reasons) == [NO_INFORMATION]:
        return "no_evidence"
    if _known(ratio):
        if ratio >= 1 and status == IMPLEMENTED:
            return "complete"
        if ratio > SUBSTANTIAL_RATIO:
            return "substantial"
        return "limited" if ratio > 0 else "not_started"
    return {IMPLEMENTED: "complete", PARTIALLY: "limited"}.get(status, "not_started")
