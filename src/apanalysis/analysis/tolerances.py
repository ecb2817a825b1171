"""How far apart two money figures may be and still be read as the same: the one budget tolerance.

The report states its budgets in thousands of EUR with one decimal ("29,3 tūkst. EUR"), so each
figure may lie up to half a step, :data:`ROUNDING_EUR`, from the exact amount. A stated total
compared with the sum of ``n`` stated figures may therefore be off by ``n + 1`` half-steps (each
part's rounding and the total's own). Both :func:`apanalysis.analysis.spending.total_check` and
the audit's ``total_planned_eur``/``total_spent_eur`` checks use :func:`sum_tolerance_eur`, so a
gap reads "matches" on one page if and only if it does on every other.
"""

from __future__ import annotations

__all__ = ["ROUNDING_EUR", "sum_tolerance_eur"]

#: Half of the report's rounding step for budgets (0,1 tūkst. EUR).
ROUNDING_EUR = 50.0


def sum_tolerance_eur(parts: int) -> float:
    """Largest gap between a stated total and the sum of ``parts`` stated figures that rounding
    explains: :data:`ROUNDING_EUR` for each part and one for the total (4 parts → EUR 250)."""
    return ROUNDING_EUR * (parts + 1)
