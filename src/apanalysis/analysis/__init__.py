"""Summaries of one year's tables: pure functions, DataFrames in, summary DataFrames out.

Modules: :mod:`criteria` (statuses and criteria), :mod:`spending` (budgets and amounts),
:mod:`covid` (the pandemic). Nothing here reads files or draws; notebooks call these and pass the
results to :mod:`apanalysis.presentation.display`, :mod:`apanalysis.presentation.plots` and :mod:`apanalysis.presentation.takeaways`.
"""

from __future__ import annotations

import pandas as pd

from apanalysis.vocabulary.status import NOT_PLANNED, UNDONE_STATUSES
from apanalysis.vocabulary.status import STATUSES as STATUS_ORDER

#: Further statuses a municipality's result may have (it did not plan the measure); counted
#: and shown, but left out of implementation rates.
EXTRA_STATUSES: tuple[str, ...] = (NOT_PLANNED,)
#: Label used when a row names no institution.
NO_INSTITUTION = "(not stated)"

#: Columns that say where a row is in the report (PDF page, Word table row, text line): kept
#: by every summary whose rows are report rows, so each can cite its source.
SOURCE_COLUMNS: tuple[str, ...] = ("source_page", "source_row", "source_line")

__all__ = [
    "SOURCE_COLUMNS",
    "with_source",
    "EXTRA_STATUSES",
    "NO_INSTITUTION",
    "STATUS_ORDER",
    "UNDONE_STATUSES",
    "explode_institutions",
    "row_label",
    "row_labels",
    "split_list",
]


def row_label(code: str, action: object = None) -> str:
    """Short English label of a plan row: "01.01.01" for a measure, "01.01.01 a3" for action 3."""
    code = str(code).strip().rstrip(".")
    if action is None or pd.isna(action):
        return code
    return f"{code} a{int(action)}"


def row_labels(df: pd.DataFrame) -> pd.Series:
    """:func:`row_label` for every row of a frame with ``code`` and ``action`` columns."""
    if "action" not in df.columns:
        return df["code"].map(row_label)
    return pd.Series(
        [row_label(c, a) for c, a in zip(df["code"], df["action"], strict=True)],
        index=df.index,
        dtype="object",
    )


def split_list(cell: object) -> list[str]:
    """The items of a ";"-separated cell ("" or NA → [])."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def explode_institutions(
    df: pd.DataFrame, column: str = "institutions", missing: str | None = NO_INSTITUTION
) -> pd.DataFrame:
    """One row per (row, institution code); rows naming none get ``missing`` (or are dropped)."""
    out = df.copy()
    lists = out[column].map(split_list)
    if missing is not None:
        lists = lists.map(lambda items: items or [missing])
    out["institution"] = lists
    out = out.explode("institution")
    return out[out["institution"].notna()].reset_index(drop=True)


def with_source(out: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """``out`` (one line per row of ``rows``, same order) with the :data:`SOURCE_COLUMNS`
    that ``rows`` has."""
    for column in SOURCE_COLUMNS:
        if column in rows.columns:
            out[column] = rows[column].to_numpy()
    return out
