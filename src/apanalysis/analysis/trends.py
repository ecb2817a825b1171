"""Trends across years: pure functions on a list of years' tables (``YearData``).

Each function takes the years in any order and returns a DataFrame sorted by year. Only the
attributes ``year``, ``measures``, ``tasks`` and ``claims`` of each year are read, so any object
with them works (tests use small handmade ones). Nothing here reads files or draws: the years
are loaded by the caller (``apanalysis.tables.store.load_years``).

- :func:`status_by_task` / :func:`implementation_rates` -- implemented share per task and year;
- :func:`spending_by_year` (and :func:`spending_by_task`) -- planned vs spent from the tasks;
- :func:`covid_by_year` -- share of rows citing the pandemic;
- :func:`measure_changes` / :func:`change_counts` -- which plan rows (code, action) became
  implemented or stopped being so between consecutive years, and which were added or dropped;
- :func:`year_overview` -- one line per year with the headline numbers.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import pandas as pd

from apanalysis.analysis import STATUS_ORDER, UNDONE_STATUSES, row_label
from apanalysis.analysis.criteria import implementation_rate, status_counts
from apanalysis.errors import ApanalysisError
from apanalysis.vocabulary.plan import REPORT_TITLES

__all__ = [
    "ALL_TASKS",
    "CHANGE_KINDS",
    "CHANGE_LABELS",
    "change_counts",
    "covid_by_year",
    "implementation_rates",
    "measure_changes",
    "normalize_years",
    "spending_by_task",
    "spending_by_year",
    "status_by_task",
    "title_text",
    "year_overview",
    "years_label",
]

#: Label of the all-tasks line in :func:`implementation_rates`.
ALL_TASKS = "All tasks"
#: Kinds of change of a plan row between two consecutive years, in display order.
CHANGE_KINDS: tuple[str, ...] = (
    "now_implemented",  # not implemented or partially -> implemented
    "no_longer_implemented",  # implemented -> partially or not implemented
    "status_changed",  # between partially and not implemented
    "added",  # in the later year's annex only
    "dropped",  # in the earlier year's annex only
)
#: English labels of :data:`CHANGE_KINDS`.
CHANGE_LABELS: dict[str, str] = {
    "now_implemented": "Became implemented",
    "no_longer_implemented": "No longer implemented",
    "status_changed": "Between partially and not implemented",
    "added": "Added (new in the later year)",
    "dropped": "Dropped (absent in the later year)",
}
#: Title of the trends notebook ("{years}" is filled in by :func:`title_text`).
TITLE = REPORT_TITLES["trends"]

CHANGE_COLUMNS = [
    "from_year",
    "to_year",
    "task",
    "code",
    "action",
    "row",
    "title",
    "status_before",
    "status_after",
    "change",
]


class YearTables(Protocol):
    """What the functions here read of a year (``apanalysis.tables.assemble.YearData`` has it)."""

    year: int
    measures: pd.DataFrame
    tasks: pd.DataFrame
    claims: pd.DataFrame


# --- years ------------------------------------------------------------------------------------


def normalize_years(years: Any) -> list[int]:
    """Sorted distinct years from an int, a list, or text such as ``"[2020, 2021]"`` or
    ``"2020,2021"`` (papermill's ``-p years "[2020, 2021]"`` passes text)."""
    if isinstance(years, str):
        text = years.strip()
        try:
            years = ast.literal_eval(text) if text.startswith(("[", "(")) else None
        except (ValueError, SyntaxError):
            years = None
        if years is None:
            years = re.split(r"[\s,;]+", text.strip("[]() "))
    if isinstance(years, int | str):
        years = [years]
    try:
        found = sorted({int(y) for y in years if str(y).strip()})
    except (TypeError, ValueError):
        raise ApanalysisError(f"years must be a list of years, got {years!r}") from None
    if not found:
        raise ApanalysisError("no years given")
    return found


def years_label(years: Iterable[int]) -> str:
    """ "2020", "2020–2021", or "2020, 2022, 2023" when years are missing in between."""
    years = normalize_years(list(years))
    if len(years) == 1:
        return str(years[0])
    if years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def title_text(years: Any) -> str:
    """The Markdown heading of the trends notebook."""
    return "# " + TITLE.format(years=years_label(normalize_years(years)))


def _sorted(years: Sequence[YearTables]) -> list[YearTables]:
    return sorted(years, key=lambda data: int(data.year))


# --- implementation rates ---------------------------------------------------------------------


def status_by_task(years: Sequence[YearTables]) -> pd.DataFrame:
    """Rows per status, total and implementation rate for each year and task (long format:
    year, task, implemented, partially, not_implemented, total, implementation_rate).
    The rate is implemented / all rows, as in ``criteria.implementation_rate``."""
    frames = []
    for data in _sorted(years):
        measures = data.measures
        if measures.empty:
            continue
        counts = status_counts(measures, by="task")[[*STATUS_ORDER, "total"]]
        counts["implementation_rate"] = implementation_rate(counts)
        counts.index = counts.index.astype(int)
        frames.append(counts.rename_axis("task").reset_index().assign(year=int(data.year)))
    columns = ["year", "task", *STATUS_ORDER, "total", "implementation_rate"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def implementation_rates(years: Sequence[YearTables]) -> pd.DataFrame:
    """Implementation rate per task (rows "Task 1" … and :data:`ALL_TASKS`) and year (columns);
    NaN where a year has no row of that task."""
    columns = [int(data.year) for data in _sorted(years)]
    long = status_by_task(years)
    if long.empty:
        return pd.DataFrame(columns=columns, dtype=float)
    wide = long.pivot(index="task", columns="year", values="implementation_rate")
    wide.index = [f"Task {int(t)}" for t in wide.index]
    totals = long.groupby("year")[["implemented", "total"]].sum()
    wide.loc[ALL_TASKS] = totals["implemented"] / totals["total"].where(totals["total"] > 0)
    wide = wide.reindex(columns=columns).astype(float)
    wide.columns.name = "year"
    wide.index.name = "task"
    return wide


# --- spending ---------------------------------------------------------------------------------


def _task_money(tasks: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=tasks.index)
    out["task"] = tasks["task"].astype("Int64") if "task" in tasks else pd.Series(dtype="Int64")
    for column in ("planned_eur", "spent_eur"):
        out[column] = tasks[column].astype(float) if column in tasks else float("nan")
    return out


def spending_by_task(years: Sequence[YearTables]) -> pd.DataFrame:
    """Planned and spent EUR per task and year as the narrative states them, with the
    execution rate (spent / planned); long format: year, task, planned_eur, spent_eur,
    execution_rate."""
    frames = [_task_money(data.tasks).assign(year=int(data.year)) for data in _sorted(years)]
    columns = ["year", "task", "planned_eur", "spent_eur", "execution_rate"]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)
    out["execution_rate"] = out["spent_eur"] / out["planned_eur"].where(out["planned_eur"] > 0)
    return out[columns].sort_values(["year", "task"], kind="stable").reset_index(drop=True)


def _claim(claims: pd.DataFrame, claim: str) -> float:
    if claims.empty or "claim" not in claims:
        return float("nan")
    found = claims[(claims["claim"] == claim) & claims["task"].isna()]["value"]
    return float(found.iloc[0]) if len(found) else float("nan")


def spending_by_year(years: Sequence[YearTables]) -> pd.DataFrame:
    """Per year: the tasks' planned and spent EUR summed (``planned_eur``, ``spent_eur``),
    ``execution_rate`` = spent / planned, ``unspent_eur``, how many tasks state each figure
    (``tasks``, ``tasks_planned``, ``tasks_spent``) and the report's own totals for comparison
    (``stated_planned_eur``, ``stated_spent_eur``; NaN when not stated).

    A sum is NaN when no task states the figure; when only some do, it covers those (compare
    ``tasks_planned`` and ``tasks_spent`` with ``tasks``)."""
    rows = []
    for data in _sorted(years):
        money = _task_money(data.tasks)
        planned = money["planned_eur"].sum(min_count=1)
        spent = money["spent_eur"].sum(min_count=1)
        rows.append(
            {
                "year": int(data.year),
                "planned_eur": planned,
                "spent_eur": spent,
                "execution_rate": spent / planned
                if planned and pd.notna(planned)
                else float("nan"),
                "unspent_eur": planned - spent,
                "tasks": len(money),
                "tasks_planned": int(money["planned_eur"].notna().sum()),
                "tasks_spent": int(money["spent_eur"].notna().sum()),
                "stated_planned_eur": _claim(data.claims, "total_planned_eur"),
                "stated_spent_eur": _claim(data.claims, "total_spent_eur"),
            }
        )
    columns = [
        "year",
        "planned_eur",
        "spent_eur",
        "execution_rate",
        "unspent_eur",
        "tasks",
        "tasks_planned",
        "tasks_spent",
        "stated_planned_eur",
        "stated_spent_eur",
    ]
    return pd.DataFrame(rows, columns=columns)


# --- the pandemic -----------------------------------------------------------------------------


def covid_by_year(years: Sequence[YearTables]) -> pd.DataFrame:
    """Per year: rows, rows citing the pandemic and their share (``covid_share``); the same
    among rows not (fully) implemented (``undone``, ``undone_covid``, ``undone_covid_share``)."""
    rows = []
    for data in _sorted(years):
        m = data.measures
        covid = m["covid"].fillna(False).astype(bool) if "covid" in m else pd.Series(dtype=bool)
        undone = m["status"].isin(UNDONE_STATUSES) if "status" in m else covid
        n, n_undone = len(m), int(undone.sum())
        rows.append(
            {
                "year": int(data.year),
                "rows": n,
                "covid": int(covid.sum()),
                "covid_share": covid.sum() / n if n else float("nan"),
                "undone": n_undone,
                "undone_covid": int((covid & undone).sum()),
                "undone_covid_share": (covid & undone).sum() / n_undone
                if n_undone
                else float("nan"),
            }
        )
    columns = [
        "year",
        "rows",
        "covid",
        "covid_share",
        "undone",
        "undone_covid",
        "undone_covid_share",
    ]
    return pd.DataFrame(rows, columns=columns)


# --- measure-level changes --------------------------------------------------------------------


def _keyed(data: YearTables) -> pd.DataFrame:
    m = data.measures
    if m.empty:
        return pd.DataFrame(columns=["row", "task", "code", "action", "title", "status"])
    out = pd.DataFrame(
        {
            "row": [row_label(c, a) for c, a in zip(m["code"], m["action"], strict=True)],
            "task": m["task"].astype("Int64"),
            "code": m["code"].astype(str).str.rstrip("."),
            "action": m["action"].astype("Int64"),
            "title": m["title"] if "title" in m else "",
            "status": m["status"],
        }
    )
    return out.drop_duplicates("row").set_index("row")


def _change(before: object, after: object) -> str | None:
    if pd.isna(before):
        return "added"
    if pd.isna(after):
        return "dropped"
    if before == after:
        return None
    if after == "implemented":
        return "now_implemented"
    if before == "implemented":
        return "no_longer_implemented"
    return "status_changed"


def measure_changes(years: Sequence[YearTables], include_unchanged: bool = False) -> pd.DataFrame:
    """Plan rows (code, action) whose status changed between consecutive years given, with the
    kind of change (:data:`CHANGE_KINDS`): became implemented (from not implemented or
    partially), no longer implemented, between partially and not implemented, added or dropped.

    "Consecutive" means next in the sorted list of years given (2020 → 2022 when 2021 is not
    given). Rows whose status stayed the same are left out unless ``include_unchanged`` (their
    ``change`` is then "unchanged"). Sorted by transition, kind of change, task and row.
    """
    ordered = _sorted(years)
    frames = []
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        a, b = _keyed(earlier), _keyed(later)
        both = a.add_suffix("_before").join(b.add_suffix("_after"), how="outer")
        out = pd.DataFrame(
            {
                "from_year": int(earlier.year),
                "to_year": int(later.year),
                "task": both["task_after"].fillna(both["task_before"]).astype("Int64"),
                "code": both["code_after"].fillna(both["code_before"]),
                "action": both["action_after"].fillna(both["action_before"]).astype("Int64"),
                "row": both.index,
                "title": both["title_after"].fillna(both["title_before"]),
                "status_before": both["status_before"],
                "status_after": both["status_after"],
            },
            index=both.index,
        )
        out["change"] = [
            _change(x, y) or "unchanged"
            for x, y in zip(out["status_before"], out["status_after"], strict=True)
        ]
        if not include_unchanged:
            out = out[out["change"] != "unchanged"]
        frames.append(out)
    if not frames or all(f.empty for f in frames):
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    out = pd.concat([f for f in frames if not f.empty], ignore_index=True)
    order = {kind: i for i, kind in enumerate((*CHANGE_KINDS, "unchanged"))}
    out = out.assign(_kind=out["change"].map(order))
    out = out.sort_values(["from_year", "_kind", "task", "row"], kind="stable")
    return out.drop(columns="_kind").reset_index(drop=True)[CHANGE_COLUMNS]


def change_counts(changes: pd.DataFrame) -> pd.DataFrame:
    """Rows per kind of change (columns :data:`CHANGE_KINDS`, zeros included) for each
    transition (index "2020→2021"), from :func:`measure_changes`."""
    if changes.empty:
        return pd.DataFrame(columns=list(CHANGE_KINDS), dtype=int).rename_axis("years")
    label = changes["from_year"].astype(str) + "→" + changes["to_year"].astype(str)
    counts = pd.crosstab(label, changes["change"]).reindex(columns=list(CHANGE_KINDS), fill_value=0)
    counts.columns.name = None
    counts.index.name = "years"
    return counts.astype(int)


# --- overview ---------------------------------------------------------------------------------


def year_overview(years: Sequence[YearTables]) -> pd.DataFrame:
    """One line per year: rows, rows per status, implementation rate, planned and spent EUR
    with the execution rate, and the share of rows citing the pandemic."""
    long = status_by_task(years)
    counts = long.groupby("year")[[*STATUS_ORDER, "total"]].sum() if not long.empty else None
    spending = spending_by_year(years).set_index("year")
    covid = covid_by_year(years).set_index("year")
    rows = []
    for data in _sorted(years):
        year = int(data.year)
        c = counts.loc[year] if counts is not None and year in counts.index else None
        row = {"year": year, "rows": int(c["total"]) if c is not None else 0}
        for status in STATUS_ORDER:
            row[status] = int(c[status]) if c is not None else 0
        row["implementation_rate"] = (
            row["implemented"] / row["rows"] if row["rows"] else (float("nan"))
        )
        for column in ("planned_eur", "spent_eur", "execution_rate"):
            row[column] = spending.loc[year, column]
        row["covid_share"] = covid.loc[year, "covid_share"]
        rows.append(row)
    columns = [
        "year",
        "rows",
        *STATUS_ORDER,
        "implementation_rate",
        "planned_eur",
        "spent_eur",
        "execution_rate",
        "covid_share",
    ]
    return pd.DataFrame(rows, columns=columns)


# --- takeaway sentences -----------------------------------------------------------------------
