"""English number forms shown to readers, written once: counts, numbers, percentages, euros;
and text as a spreadsheet cell that never runs as a formula.

Every page, takeaway sentence, chart label and audit message formats its figures here.

>>> fmt_eur(29300), fmt_pct(0.3208), fmt_count(1, "task"), fmt_number(5400)
('EUR 29,300', '32 %', '1 task', '5,400')
"""

from __future__ import annotations

import math

#: What a missing figure reads as.
NOT_AVAILABLE = "n/a"
#: What makes a spreadsheet read a cell as a formula (tab and carriage return: as a command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(text: str) -> str:
    """``text`` as a CSV cell that a spreadsheet shows as text and never runs: an apostrophe
    before text that starts like a formula.

    >>> as_text_cell("=HYPERLINK(1)"), as_text_cell("-5 proc."), as_text_cell("Įgyvendinta")
    ("'=HYPERLINK(1)", "'-5 proc.", 'Įgyvendinta')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def from_text_cell(text: str) -> str:
    """Undo :func:`as_text_cell`."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value: float, decimals: int = 1) -> str:
    """A number without a needless ".0": 55.5 → "55.5", 70.0 → "70", 5400 → "5,400"."""
    rounded = round(float(value), decimals)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")


def fmt_count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 measure", "3 measures" (``plural`` defaults to ``singular + "s"``)."""
    n = int(n)
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def agrees(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with a count: ``agrees(1, "was", "were")`` → "was"."""
    return singular if int(n) == 1 else plural


def fmt_pct(share: float, decimals: int = 0) -> str:
    """A share as a percentage: 0.3208 → "32 %"; NaN → "n/a". A share that would round to
    0 % or 100 % without being exactly that gets one more decimal: 1.001 → "100.1 %"."""
    if _missing(share):
        return NOT_AVAILABLE
    percent = float(share) * 100
    if decimals == 0 and round(percent) in (0, 100) and percent not in (0, 100):
        decimals = 1
    return f"{percent:.{decimals}f} %"


def fmt_eur(value: float, unit_first: bool = True, thousands: bool = False) -> str:
    """Euros with thousands separators: 29300 → "EUR 29,300", 1163.81 → "EUR 1,163.81";
    ``unit_first=False`` → "29,300 EUR"; ``thousands=True`` → "29.3 thousand EUR"."""
    if _missing(value):
        return f"EUR {NOT_AVAILABLE}" if unit_first else f"{NOT_AVAILABLE} EUR"
    value = float(value)
    if thousands:
        number = f"{value / 1000:,.1f} thousand"
    elif math.isclose(value, round(value), abs_tol=0.005):
        number = f"{round(value):,}"
    else:
        number = f"{value:,.2f}"
    return f"EUR {number}" if unit_first else f"{number} EUR"
