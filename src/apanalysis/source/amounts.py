"""Amounts of one annex cell that itemise another amount of the same cell.

The rows are the ``amounts`` rows of the annex in text order; the rows of one cell (one code,
action and municipality) are compared with :func:`apanalysis.vocabulary.money.itemised`, and a
part gets ``part_of``, the name of the total it makes up, so that a sum over the rows without
``part_of`` counts no euro twice.
"""

from __future__ import annotations

from itertools import groupby

from apanalysis.vocabulary.money import amount_reference, itemised

#: Openings of a quote tried, longest first, to find the line its sentence starts on.
OPENINGS = (60, 30, 15)
#: Fewest characters of a quote's opening that a fragment cut by a page break must end with.
MIN_OPENING = 10


def _cell(row: dict) -> tuple:
    return row["code"], row["action"], row["municipality"]


def _where(row: dict) -> str:
    """ "01.03.03 a1, Kauno miesto savivaldybė": the cell an amount is written in."""
    action = row["action"]
    label = row["code"] + (f" a{int(action)}" if action is not None and action == action else "")
    return f"{label}, {row['municipality']}" if row["municipality"] else label


def mark_parts(rows: list[dict]) -> None:
    """Set ``part_of`` ("" when none) on every row of ``rows`` (annex amount rows)."""
    for row in rows:
        row.setdefault("part_of", "")
    for _, cell in groupby(rows, key=_cell):
        cell = list(cell)
        items = [(row["value_eur"], row["raw"], bool(row["per_month"])) for row in cell]
        for part, total in itemised(items).items():
            cell[part]["part_of"] = amount_reference(cell[total]["raw"], _where(cell[total]))


def quote_line(fragments: list[tuple[int, str]], quote: str, fallback: int) -> int:
    """The line a quoted sentence opens on: the one fragment ``(line, plain text)`` holding the
    longest of the quote's :data:`OPENINGS`, else the one fragment that *ends* with the quote's
    first words (a sentence cut by a page break opens on the line before the break);
    ``fallback`` when neither is found in exactly one fragment."""
    quote = " ".join(quote.split())
    texts = [(line, " ".join(text.split())) for line, text in fragments]
    for size in OPENINGS:
        probe = quote[:size].rstrip()
        lines = [line for line, text in texts if probe in text]
        if len(lines) == 1:
            return lines[0]
    ending = [line for line, text in texts if _ends_with_opening(text, quote)]
    return ending[0] if len(ending) == 1 else fallback


def _ends_with_opening(text: str, quote: str) -> bool:
    """Whether ``text`` ends with at least :data:`MIN_OPENING` characters that open ``quote``."""
    for start in range(max(0, len(text) - len(quote)), len(text) - MIN_OPENING + 1):
        if (start == 0 or text[start - 1] == " ") and quote.startswith(text[start:]):
            return True
    return False
