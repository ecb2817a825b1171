"""Budgets and money: planned vs spent per task, stated totals, amounts named in the report."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from apanalysis.analysis import explode_institutions, row_labels
from apanalysis.analysis.tolerances import ROUNDING_EUR, sum_tolerance_eur

__all__ = [
    "AMOUNT_KINDS",
    "ROUNDING_EUR",
    "amounts_by",
    "amounts_table",
    "task_budget",
    "total_check",
    "unused_funds",
]

#: Amount kinds in display order (see ``apanalysis.vocabulary.money.amount_kind``).
AMOUNT_KINDS: tuple[str, ...] = ("planned", "allocated", "spent", "unused", "rate", "other")
#: Claim ids of the stated report-wide totals, by the per-task column they sum.
TOTAL_CLAIMS: dict[str, str] = {"planned_eur": "total_planned_eur", "spent_eur": "total_spent_eur"}


def task_budget(tasks: pd.DataFrame, total: bool = False) -> pd.DataFrame:
    """Planned vs spent EUR per task with execution rate (spent / planned) and unspent EUR.

    ``total`` appends an "all tasks" row (task NA) summing the known figures.
    """
    out = pd.DataFrame(
        {
            "task": tasks["task"].astype("Int64"),
            "title": tasks["title"],
            "planned_eur": tasks["planned_eur"].astype(float),
            "spent_eur": tasks["spent_eur"].astype(float),
        }
    ).sort_values("task")
    if total:
        row = pd.DataFrame(
            {
                "task": pd.array([pd.NA], dtype="Int64"),
                "title": ["All tasks"],
                "planned_eur": [out["planned_eur"].sum(min_count=1)],
                "spent_eur": [out["spent_eur"].sum(min_count=1)],
            }
        )
        out = pd.concat([out, row], ignore_index=True)
    out["execution_rate"] = out["spent_eur"] / out["planned_eur"].where(out["planned_eur"] > 0)
    out["unspent_eur"] = out["planned_eur"] - out["spent_eur"]
    return out.reset_index(drop=True)


def total_check(tasks: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Sum of the per-task figures vs the stated totals (claims ``total_planned_eur`` and
    ``total_spent_eur``). ``matches`` allows the rounding of each figure
    (:func:`apanalysis.analysis.tolerances.sum_tolerance_eur`); NA when no total is stated."""
    rows = []
    for column, claim_id in TOTAL_CLAIMS.items():
        figures = tasks[column].astype(float)
        task_sum = figures.sum(min_count=1)
        stated_rows = claims[claims["claim"] == claim_id]
        stated = float(stated_rows["value"].iloc[0]) if len(stated_rows) else float("nan")
        quote = str(stated_rows["quote"].iloc[0]) if len(stated_rows) else ""
        difference = task_sum - stated
        tolerance = sum_tolerance_eur(int(figures.notna().sum()))
        matches = pd.NA if pd.isna(difference) else bool(abs(difference) <= tolerance)
        rows.append(
            {
                "figure": column.removesuffix("_eur"),
                "tasks_with_figure": int(figures.notna().sum()),
                "sum_of_tasks_eur": task_sum,
                "stated_total_eur": stated,
                "difference_eur": difference,
                "matches": matches,
                "quote": quote,
            }
        )
    out = pd.DataFrame(rows)
    out["matches"] = out["matches"].astype("boolean")
    return out


def _measure_info(measures: pd.DataFrame) -> pd.DataFrame:
    return measures[["code", "action", "title", "institutions"]].drop_duplicates(["code", "action"])


def amounts_table(amounts: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Every amount with its row label, the row's title and institutions (from ``measures``:
    the action's row, else its measure's row) and the quote it comes from."""
    info = _measure_info(measures)
    df = amounts.copy()
    exact = df.merge(info, on=["code", "action"], how="left")
    by_code = df[["code"]].merge(
        info[info["action"].isna()].drop(columns="action"), on="code", how="left"
    )
    for column in ("title", "institutions"):
        exact[column] = exact[column].where(exact[column].notna(), by_code[column].values)
    has_code = exact["code"].fillna("").astype(str) != ""
    exact["row"] = ""
    if has_code.any():
        exact.loc[has_code, "row"] = row_labels(exact[has_code])
    out = exact[
        [
            "section",
            "task",
            "row",
            "title",
            "institutions",
            "municipality",
            "kind",
            "value_eur",
            "per_month",
            "raw",
            "quote",
        ]
    ].copy()
    out["title"] = out["title"].fillna("")
    out["institutions"] = out["institutions"].fillna("")
    out["municipality"] = out["municipality"].fillna("")
    return out.reset_index(drop=True)


def amounts_by(amounts: pd.DataFrame, measures: pd.DataFrame, by: str) -> pd.DataFrame:
    """Sums of the amounts named in the annex per ``by`` ("row", "institution" or
    "municipality"), one column per amount kind (EUR; per-month rates left out).

    Kinds are never added together: "planned" and "spent" of the same money are different facts.
    An amount of a row with several institutions counts for each of them.
    """
    table = amounts_table(amounts, measures)
    table = table[(table["section"] == "annex") & ~table["per_month"].astype(bool)]
    if by == "institution":
        table = explode_institutions(table)
    elif by not in ("row", "municipality"):
        raise ValueError(f"by must be 'row', 'institution' or 'municipality', not {by!r}")
    table = table[table[by].fillna("").astype(str) != ""]
    sums = table.pivot_table(index=by, columns="kind", values="value_eur", aggfunc="sum")
    kinds = [k for k in AMOUNT_KINDS if k in sums.columns] + [
        k for k in sums.columns if k not in AMOUNT_KINDS
    ]
    sums = sums.reindex(columns=kinds)
    sums.columns = [f"{k}_eur" for k in kinds]
    sums["amounts"] = table.groupby(by).size()
    if by == "row":
        titles = table.drop_duplicates("row").set_index("row")["title"]
        sums.insert(0, "title", titles.reindex(sums.index))
    return sums.sort_index()


def unused_funds(
    amounts: pd.DataFrame,
    measures: pd.DataFrame,
    cites_covid: Callable[[str], bool] | None = None,
) -> pd.DataFrame:
    """Amounts of kind "unused" with the row, institutions, whether the quote gives the pandemic
    as the cause (``cites_covid``, default ``apanalysis.vocabulary.reasons.states_covid_cause``)
    and the quote saying why."""
    if cites_covid is None:
        from apanalysis.vocabulary.reasons import states_covid_cause as cites_covid

    table = amounts_table(amounts, measures)
    unused = table[table["kind"] == "unused"].copy()
    unused["covid"] = unused["quote"].fillna("").map(cites_covid).astype(bool)
    return unused[
        ["section", "task", "row", "title", "institutions", "value_eur", "covid", "quote"]
    ].reset_index(drop=True)
