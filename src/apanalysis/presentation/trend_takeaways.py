"""Sentences across years: one takeaway per trends figure, computed from
:mod:`apanalysis.analysis.trends`' tables (no typed numbers)."""

from __future__ import annotations

import pandas as pd

from apanalysis.analysis.trends import ALL_TASKS
from apanalysis.formats import fmt_eur
from apanalysis.formats import fmt_pct as _pct

__all__ = ["change_takeaway", "covid_takeaway", "rate_takeaway", "spending_takeaway"]


def _eur(value: float) -> str:
    return fmt_eur(value, unit_first=False, thousands=True)


def rate_takeaway(rates: pd.DataFrame) -> str:
    """One sentence on the all-tasks implementation rate over the years (from
    :func:`implementation_rates`)."""
    if ALL_TASKS not in rates.index or rates.empty:
        return "No measures or actions were read for these years."
    overall = rates.loc[ALL_TASKS].dropna()
    if overall.empty:
        return "No measures or actions were read for these years."
    first_year, last_year = overall.index[0], overall.index[-1]
    if len(overall) == 1:
        return (
            f"In {first_year}, {_pct(overall.iloc[0])} of the measures and actions were "
            "implemented; add another year to see a trend."
        )
    change = (overall.iloc[-1] - overall.iloc[0]) * 100
    steady = abs(change) <= 0.5
    direction = "stayed about the same" if steady else "rose" if change > 0 else "fell"
    moved = "" if steady else f" by {abs(change):.0f} percentage points"
    return (
        f"The share of measures and actions implemented {direction}{moved}, from "
        f"{_pct(overall.iloc[0])} in {first_year} to {_pct(overall.iloc[-1])} in {last_year}."
    )


def spending_takeaway(spending: pd.DataFrame) -> str:
    """One sentence on planned vs spent per year (from :func:`spending_by_year`)."""
    known = spending.dropna(subset=["planned_eur", "spent_eur"])
    if known.empty:
        return "The reports state no planned and spent amounts for the tasks."
    parts = [
        f"{int(r.year)}: {_eur(r.spent_eur)} spent of {_eur(r.planned_eur)} planned "
        f"({_pct(r.execution_rate)})"
        for r in known.itertuples()
        if pd.notna(r.execution_rate)
    ]
    return "Spending as the tasks state it — " + "; ".join(parts) + "."


def covid_takeaway(covid: pd.DataFrame) -> str:
    """One sentence on the share of rows citing the pandemic (from :func:`apanalysis.analysis.trends.covid_by_year`)."""
    known = covid.dropna(subset=["covid_share"])
    if known.empty:
        return "No measures or actions were read for these years."
    parts = [
        f"{_pct(r.covid_share)} in {int(r.year)} ({r.covid} of {r.rows})"
        for r in known.itertuples()
    ]
    return "Measures and actions citing the COVID-19 pandemic: " + ", ".join(parts) + "."


def change_takeaway(counts: pd.DataFrame) -> str:
    """One sentence per transition on rows that became or stopped being implemented, added or
    dropped (from :func:`apanalysis.analysis.trends.change_counts`)."""
    if counts.empty:
        return "Only one year is given: there is no earlier year to compare with."
    sentences = []
    for years, row in counts.iterrows():
        sentences.append(
            f"{years}: {row['now_implemented']} became implemented, "
            f"{row['no_longer_implemented']} no longer implemented, {row['added']} added and "
            f"{row['dropped']} dropped."
        )
    return " ".join(sentences)
