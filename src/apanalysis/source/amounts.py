"""Amounts of one annex cell that itemise another amount of the same cell.

The rows are the ``amounts`` rows of the annex in text order; the rows of one cell (one code,
action and municipality) are compared with :func:`apanalysis.vocabulary.money.itemised`, and a
part gets ``part_of``, the name of the total it makes up, so that a sum over the rows without
``part_of`` counts no euro twice.
"""

from __future__ import annotations

from itertools import groupby

from apanalysis.vocabulary.money import amount_reference, itemised


def _cell(row: dict) -> tuple:
    return row["code"], row["action"], row["municipality"]


def mark_parts(rows: list[dict]) -> None:
    """Set ``part_of`` ("" when none) on every row of ``rows`` (annex amount rows)."""
    for row in rows:
        row.setdefault("part_of", "")
    for _, cell in groupby(rows, key=_cell):
        cell = list(cell)
        items = [(row["value_eur"], row["raw"], bool(row["per_month"])) for row in cell]
        for part, total in itemised(items).items():
            cell[part]["part_of"] = amount_reference(cell[total]["raw"], cell[total]["source_line"])
