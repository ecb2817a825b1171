"""Criteria and statuses: task criteria, status counts, targets, reasons, scorecards, municipal."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from apanalysis.analysis import (
    EXTRA_STATUSES,
    STATUS_ORDER,
    UNDONE_STATUSES,
    explode_institutions,
    row_labels,
    split_list,
    with_source,
)
from apanalysis.vocabulary.collation import lithuanian_sorted

__all__ = [
    "completion_counts",
    "implementation_rate",
    "institution_scorecard",
    "measure_targets",
    "municipal_matrix",
    "municipal_summary",
    "reason_labels",
    "status_counts",
    "status_shares",
    "task_criteria",
    "undone_rows",
]


def task_criteria(tasks: pd.DataFrame) -> pd.DataFrame:
    """Task-level criteria: target vs achieved value, whether the number meets it, and the verdict.

    ``met`` is True/False only when both numbers are known (achieved >= target), else NA.
    """
    out = pd.DataFrame(
        {
            "task": tasks["task"].astype("Int64"),
            "title": tasks["title"],
            "criterion": tasks["criterion_text"],
            "target": tasks["criterion_target"].astype(float),
            "achieved": tasks["criterion_achieved"].astype(float),
            "unit": tasks["criterion_unit"].fillna(""),
            "verdict": tasks["verdict"],
        }
    )
    known = out["target"].notna() & out["achieved"].notna()
    met = pd.Series(pd.NA, index=out.index, dtype="boolean")
    met[known] = out.loc[known, "achieved"] >= out.loc[known, "target"]
    out["met"] = met
    return with_source(out, tasks).sort_values("task").reset_index(drop=True)


def status_counts(measures: pd.DataFrame, by: str = "task", total: bool = False) -> pd.DataFrame:
    """Rows per status for each value of ``by``: columns implemented, partially, not_implemented,
    total (all three statuses always present, zeros included; any other status found, such as a
    municipality's "not_planned", comes after them). ``total`` adds an "all" row."""
    found = [s for s in measures["status"].dropna().unique() if s not in STATUS_ORDER]
    extras = [s for s in EXTRA_STATUSES if s in found] + sorted(
        s for s in found if s not in EXTRA_STATUSES
    )
    counts = (
        pd.crosstab(measures[by], measures["status"])
        .reindex(columns=[*STATUS_ORDER, *extras], fill_value=0)
        .astype(int)
    )
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    if total:
        counts.loc["all"] = counts.sum(axis=0)
    return counts


def completion_counts(
    frame: pd.DataFrame, by: str = "task", column: str = "completion", total: bool = False
) -> pd.DataFrame:
    """Rows per completion level (OGP IRM scale, least complete first) for each value of ``by``
    (``by=None``: one row, "all"). Every level is a column, zeros included; rows not assessed
    ("", e.g. a municipality that planned nothing) are counted under "not_assessed" when there
    are any. ``column="assessed_completion"`` counts the evaluator's levels; a frame without
    the column (a table stored before it existed) gives an empty result."""
    from apanalysis.source.completion import COMPLETION_LEVELS

    if column not in frame.columns:
        return pd.DataFrame(columns=[*COMPLETION_LEVELS, "total"])
    levels = frame[column].fillna("").replace("", "not_assessed")
    keys = frame[by] if by is not None else pd.Series("all", index=frame.index)
    counts = pd.crosstab(keys, levels)
    extra = ["not_assessed"] if "not_assessed" in counts.columns else []
    counts = counts.reindex(columns=[*COMPLETION_LEVELS, *extra], fill_value=0)
    counts.columns.name = None
    counts.index.name = by
    counts["total"] = counts.sum(axis=1)
    if total and by is not None:
        counts.loc["all"] = counts.sum()
    return counts.astype("int64")


def status_shares(counts: pd.DataFrame) -> pd.DataFrame:
    """Shares of each status in the row's total (from :func:`status_counts`); 0 when total is 0."""
    total = counts["total"].where(counts["total"] > 0)
    statuses = [c for c in counts.columns if c != "total"]
    return counts[statuses].div(total, axis=0).fillna(0.0)


def implementation_rate(counts: pd.DataFrame) -> pd.Series:
    """Implemented / (implemented + partially + not implemented) per row of :func:`status_counts`
    (statuses such as "not_planned" left out); NaN when there is none."""
    planned = counts[list(STATUS_ORDER)].sum(axis=1)
    return counts["implemented"] / planned.where(planned > 0)


def measure_targets(measures: pd.DataFrame) -> pd.DataFrame:
    """Measure-level target vs result: one line per measure or action in plan order."""
    out = pd.DataFrame(
        {
            "task": measures["task"],
            "row": row_labels(measures),
            "title": measures["title"],
            "institutions": measures["institutions"].fillna("").str.replace(";", ", "),
            "criterion": measures["criterion"],
            "target": measures["target_value"].astype(float),
            "achieved": _column(measures, "achieved_value", float("nan")).astype(float),
            "unit": measures["target_unit"].fillna(""),
            "deadline": measures["deadline"].fillna(""),
            "status": measures["status"],
            "flag": _column(measures, "flag", "").fillna(""),
            "result": measures["result_text"].fillna(""),
        }
    )
    out = _with_completion(out, measures, columns=("completion",))  # evidence: in undone_rows
    return with_source(out, measures).reset_index(drop=True)


def _with_completion(
    out: pd.DataFrame, rows: pd.DataFrame, columns: tuple[str, ...] = ("evidence", "completion")
) -> pd.DataFrame:
    """``out`` with the rows' ``completion`` (IRM scale) and ``evidence`` (of ``columns``) right
    after their status, when the table has those columns."""
    at = list(out.columns).index("status") + 1
    for column in columns:
        if column in rows.columns:
            out.insert(at, column, rows[column].to_numpy())
    return out


def _column(frame: pd.DataFrame, name: str, default: object) -> pd.Series:
    """``frame[name]``, or ``default`` on every row for tables made before the column existed."""
    return frame[name] if name in frame.columns else pd.Series(default, index=frame.index)


def reason_labels(codes: object, labels: Mapping[str, str] | None = None) -> str:
    """English labels of a ";"-joined reason-code cell, "; "-joined (unknown codes kept as is)."""
    if labels is None:
        from apanalysis.vocabulary.reasons import REASONS

        labels = REASONS
    return "; ".join(labels.get(code, code) for code in split_list(codes))


def undone_rows(measures: pd.DataFrame, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Rows not (fully) implemented with their reasons (codes and English labels), worst first."""
    undone = measures[measures["status"].isin(UNDONE_STATUSES)]
    out = pd.DataFrame(
        {
            "task": undone["task"],
            "row": row_labels(undone),
            "title": undone["title"],
            "institutions": undone["institutions"].fillna("").str.replace(";", ", "),
            "status": undone["status"],
            "reasons": undone["reasons"].fillna(""),
            "reason_labels": undone["reasons"].map(lambda c: reason_labels(c, labels)),
            "covid": undone["covid"].astype(bool),
        }
    )
    out = with_source(_with_completion(out, undone), undone)
    order = out["status"].map({s: i for i, s in enumerate(reversed(STATUS_ORDER))})
    out = out.assign(_order=order).sort_values(["_order", "task"], kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)


def institution_scorecard(measures: pd.DataFrame, min_rows: int = 0) -> pd.DataFrame:
    """Per institution code (``institutions`` exploded): rows per status, total and
    implementation rate (implemented / total), most rows first; ``min_rows`` drops small ones."""
    exploded = explode_institutions(measures)
    card = status_counts(exploded, by="institution")
    card["implementation_rate"] = implementation_rate(card)
    card = card[card["total"] >= min_rows]
    card = card.sort_values(
        ["total", "implementation_rate"], ascending=[False, False], kind="stable"
    )
    card.index.name = "institution"
    return card


def municipal_matrix(municipal: pd.DataFrame) -> pd.DataFrame:
    """Municipality × plan row (e.g. "01.02.01 a5") table of statuses; NaN = not reported."""
    df = municipal.assign(row=row_labels(municipal))
    matrix = df.pivot_table(index="municipality", columns="row", values="status", aggfunc="first")
    matrix.columns.name = "row"
    return matrix.loc[lithuanian_sorted(matrix.index)].reindex(columns=sorted(matrix.columns))


def municipal_summary(municipal: pd.DataFrame) -> pd.DataFrame:
    """Per municipality: results per status, total, implementation rate and pandemic citations."""
    summary = status_counts(municipal, by="municipality")
    summary["implementation_rate"] = implementation_rate(summary)
    summary["covid"] = municipal.groupby("municipality")["covid"].sum().astype(int)
    summary = summary.loc[lithuanian_sorted(summary.index)]  # ties in Lithuanian order
    return summary.sort_values(
        ["implementation_rate", "total"], ascending=[True, False], kind="stable"
    )
