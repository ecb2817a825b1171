"""Building blocks of the audit: one row, number and label formatting, the rules shared by the
checks (which statuses a sentence covers, the stated precision of an amount, the task rule)."""

from __future__ import annotations

import math
import re

import pandas as pd

from apanalysis.analysis import row_label
from apanalysis.analysis.audit.verdicts import (
    _IGYVENDINT,
    _PASIEKT,
    IMPLEMENTED,
    NOT_IMPLEMENTED,
    NOT_ONLY,
    NOT_OR_PARTIALLY,
    PARTIALLY,
)
from apanalysis.formats import fmt_count, fmt_eur
from apanalysis.vocabulary.text import fold


def num(value: object) -> float | None:
    """A float, or None for missing/non-numeric values."""
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def show(value: object) -> object:
    """An integral float as int, other floats rounded to 2 decimals, anything else unchanged."""
    number = num(value)
    if number is None or isinstance(value, str):
        return value if isinstance(value, str) else None
    return int(number) if number == int(number) else round(number, 2)


def audit_row(
    claim: str,
    task: object,
    claimed: object,
    recomputed: object,
    how: str,
    quote: object = "",
    line: object = None,
    detail: str = "",
    verdict: str | None = None,
    tolerance: float = 0.0,
) -> dict:
    """One audit row; the verdict is computed from the numbers unless given."""
    a, b = num(claimed), num(recomputed)
    difference = b - a if a is not None and b is not None else math.nan
    if verdict is None:
        if isinstance(claimed, str) or isinstance(recomputed, str):
            verdict = "match" if claimed == recomputed else "mismatch"
        elif a is None or b is None:
            verdict = "cannot_recompute"
        else:
            verdict = "match" if abs(difference) <= tolerance + 1e-9 else "mismatch"
    return {
        "claim": claim,
        "task": task,
        "claimed": show(claimed),
        "recomputed": show(recomputed),
        "difference": difference,
        "verdict": verdict,
        "quote": "" if quote is None or (not isinstance(quote, str) and pd.isna(quote)) else quote,
        "source_line": line,
        "how": how,
        "detail": detail,
    }


def row_labels_of(rows: pd.DataFrame) -> list[str]:
    return [row_label(c, a) for c, a in zip(rows["code"], rows["action"], strict=True)]


def label_list(rows: pd.DataFrame, with_status: bool = False) -> str:
    if rows.empty:
        return "none"
    labels = row_labels_of(rows)
    if with_status:
        labels = [
            f"{label} ({status.replace('_', ' ')})"
            for label, status in zip(labels, rows["status"], strict=True)
        ]
    return ", ".join(labels)


count_words = fmt_count


def eur(value: float) -> str:
    return fmt_eur(value, unit_first=False)


def undone_basis(quote: str) -> tuple[str, ...]:
    """Statuses a "not achieved" sentence covers: rows not implemented when it says items were not
    implemented, rows not or partially implemented when it says criteria were not achieved (the
    first such verb decides; none found → not or partially)."""
    folded = fold(quote or "")
    pasiekt, igyvendint = _PASIEKT.search(folded), _IGYVENDINT.search(folded)
    if igyvendint and (pasiekt is None or igyvendint.start() < pasiekt.start()):
        return NOT_ONLY
    return NOT_OR_PARTIALLY


def basis_words(basis: tuple[str, ...]) -> str:
    return "not implemented" if basis == NOT_ONLY else "not or partially implemented"


def stated_tolerance_eur(quote: str, value: float) -> tuple[float, str]:
    """Half a unit of the precision the amount ``value`` is stated with in ``quote`` and the raw
    text ("696,7 tūkst. Eur" → 50.0); 0.5 EUR when the amount is not found."""
    from apanalysis.vocabulary.money import find_money

    found = [m for m in find_money(quote or "") if math.isclose(m.value_eur, value)]
    if not found:
        return 0.5, ""
    raw = found[0].raw
    decimals = re.search(r"\d(?:[ \u00a0\u202f]?\d)*(?:,(\d+))?", raw)
    places = len(decimals.group(1)) if decimals and decimals.group(1) else 0
    folded = fold(raw)
    scale = 1_000_000 if "mln" in folded else 1000 if "tukst" in folded else 1
    return scale * 10.0**-places / 2, raw


def rule_verdict(task: pd.Series, rows: pd.DataFrame) -> tuple[str | None, str]:
    """The verdict the narrative's own rule gives a task, and one sentence saying why."""
    target, achieved = num(task.get("criterion_target")), num(task.get("criterion_achieved"))
    unit = task.get("criterion_unit") or ""
    unit = f" {unit}" if isinstance(unit, str) and unit else ""
    if target is not None and achieved is not None:
        met = achieved >= target
        return (
            IMPLEMENTED if met else NOT_IMPLEMENTED,
            f"Numeric criterion: achieved {achieved:g}{unit} {'≥' if met else '<'} target "
            f"{target:g}{unit}, so the rule gives {'implemented' if met else 'not implemented'}.",
        )
    n = len(rows)
    if n == 0:
        return None, "The task has no annex rows and no numeric criterion."
    k = int((rows["status"] == IMPLEMENTED).sum())
    if k == n:
        verdict = IMPLEMENTED
    elif k > n / 2:
        verdict = PARTIALLY
    else:
        verdict = NOT_IMPLEMENTED
    return verdict, (
        f"No numeric criterion: {k} of {n} annex rows implemented ({k / n:.0%}); the rule gives "
        "implemented when all are, partially when more than half are, else not implemented."
    )


def resolve(ref: tuple[str, int | None], measures: pd.DataFrame) -> pd.DataFrame:
    """Annex rows an item reference stands for (a measure without its own row: its actions)."""
    code, action = ref
    same = measures[measures["code"] == code]
    if action is not None:
        return same[same["action"] == action]
    own = same[same["action"].isna()]
    return own if len(own) else same


def find_claim(claims: pd.DataFrame, claim: str, task: object = None) -> pd.Series | None:
    rows = claims[claims["claim"] == claim]
    if task is None:
        rows = rows[rows["task"].isna()]
    else:
        rows = rows[rows["task"] == task]
    return rows.iloc[0] if len(rows) else None
