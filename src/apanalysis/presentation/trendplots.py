"""Figures of the trends notebook: one function per figure, each returning a matplotlib Figure.

Same conventions as :mod:`apanalysis.presentation.plots` (``matplotlib.figure.Figure``, no pyplot state;
Okabe-Ito colours, reusing its status and budget colours). Inputs are the summaries of
:mod:`apanalysis.analysis.trends`. :func:`save` writes a figure under
``<figures_dir>/trends/<last year>/`` with :func:`apanalysis.presentation.plots.save_figure`.
Imported by notebooks only.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from apanalysis.analysis.trends import CHANGE_KINDS, CHANGE_LABELS, normalize_years
from apanalysis.formats import NOT_AVAILABLE, fmt_number, fmt_pct
from apanalysis.presentation.plots import (
    BUDGET_COLORS,
    GROUP_COLORS,
    STATUS_COLORS,
    add_titles,
    new_figure,
    save_figure,
)

__all__ = [
    "CHANGE_COLORS",
    "YEAR_COLORS",
    "change_counts",
    "covid_share_by_year",
    "implementation_rates",
    "save",
    "spending_by_year",
    "trends_dir",
]

#: Okabe-Ito colours for successive years (cycled after eight years).
YEAR_COLORS: tuple[str, ...] = (
    "#56B4E9",
    "#0072B2",
    "#009E73",
    "#E69F00",
    "#D55E00",
    "#CC79A7",
    "#F0E442",
    "#000000",
)
#: Colours of the kinds of change of a plan row.
CHANGE_COLORS: dict[str, str] = {
    "now_implemented": STATUS_COLORS["implemented"],
    "no_longer_implemented": STATUS_COLORS["not_implemented"],
    "status_changed": STATUS_COLORS["partially"],
    "added": "#009E73",
    "dropped": "#999999",
}
#: Name of the folder under ``figures_dir`` holding the trends figures.
TRENDS_FOLDER = "trends"
_NOTE_COLOR = "#444444"


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color=_NOTE_COLOR)
    ax.set_xticks([])
    ax.set_yticks([])


def _year_color(i: int) -> str:
    return YEAR_COLORS[i % len(YEAR_COLORS)]


def implementation_rates(rates: pd.DataFrame) -> Figure:
    """Grouped bars: implementation rate per task (and all tasks), one bar per year
    (from ``trends.implementation_rates``)."""
    fig, ax = new_figure(max(7.0, 1.5 + 0.45 * rates.size), 4.2)
    add_titles(
        ax,
        "Share of measures and actions implemented, by task and year",
        "Implemented rows / all rows of the task",
    )
    if rates.empty:
        _empty(ax, "No measures or actions")
        return fig
    x = np.arange(len(rates.index))
    width = 0.8 / max(len(rates.columns), 1)
    for i, year in enumerate(rates.columns):
        values = rates[year].to_numpy(dtype=float) * 100
        offset = (i - (len(rates.columns) - 1) / 2) * width
        bars = ax.bar(
            x + offset, np.nan_to_num(values), width, color=_year_color(i), label=str(year)
        )
        for bar, value in zip(bars, values, strict=True):
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height(),
                NOT_AVAILABLE if np.isnan(value) else fmt_number(value, 0),
                ha="center",
                va="bottom",
                fontsize=8,
            )
    ax.set_xticks(x, [str(t) for t in rates.index])
    ax.set_ylabel("% implemented")
    ax.set_ylim(0, 110)
    ax.legend(
        title="Report year",
        frameon=False,
        ncol=min(len(rates.columns), 6),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
    )
    return fig


def spending_by_year(spending: pd.DataFrame) -> Figure:
    """Grouped bars of planned vs spent thousand EUR per year with the execution rate
    (from ``trends.spending_by_year``)."""
    fig, ax = new_figure(max(6.0, 2.5 + 1.2 * len(spending)), 4.0)
    add_titles(
        ax,
        "Planned vs spent funds by year",
        "Sums of the tasks' figures as the narrative states them; label: % spent",
    )
    known = spending.dropna(subset=["planned_eur", "spent_eur"], how="all")
    if known.empty:
        _empty(ax, "No planned or spent amounts stated")
        return fig
    x = np.arange(len(known))
    width = 0.38
    for offset, column, key in (
        (-width / 2, "planned_eur", "planned"),
        (width / 2, "spent_eur", "spent"),
    ):
        values = known[column].to_numpy(dtype=float) / 1000
        ax.bar(
            x + offset,
            np.nan_to_num(values),
            width,
            color=BUDGET_COLORS[key],
            label=key.capitalize(),
        )
    tops = np.nan_to_num(known[["planned_eur", "spent_eur"]].to_numpy(dtype=float) / 1000)
    for xi, top, rate in zip(x, tops.max(axis=1), known["execution_rate"], strict=True):
        label = NOT_AVAILABLE if pd.isna(rate) else f"{fmt_pct(rate)} spent"
        ax.text(xi, top, label, ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [str(int(y)) for y in known["year"]])
    ax.set_ylabel("Thousand EUR")
    ax.set_ylim(0, max(tops.max() * 1.15, 1))
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    return fig


def covid_share_by_year(covid: pd.DataFrame) -> Figure:
    """Bars of the share of measures and actions citing the pandemic per year
    (from ``trends.covid_by_year``)."""
    fig, ax = new_figure(max(7.0, 2.5 + 0.9 * len(covid)), 3.6)
    add_titles(
        ax,
        "Measures and actions citing the COVID-19 pandemic, by year",
        "Any status; label: rows citing it of all rows",
    )
    if covid.empty:
        _empty(ax, "No measures or actions")
        return fig
    x = np.arange(len(covid))
    shares = covid["covid_share"].to_numpy(dtype=float) * 100
    ax.bar(x, np.nan_to_num(shares), 0.6, color=GROUP_COLORS["pandemic"])
    for xi, share, n, total in zip(x, shares, covid["covid"], covid["rows"], strict=True):
        text = (
            NOT_AVAILABLE
            if np.isnan(share)
            else f"{fmt_pct(share / 100)} ({int(n)} of {int(total)})"
        )
        ax.text(xi, 0 if np.isnan(share) else share, text, ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [str(int(y)) for y in covid["year"]])
    ax.set_ylabel("% of measures and actions")
    ax.set_ylim(0, 110)
    return fig


def change_counts(counts: pd.DataFrame) -> Figure:
    """Horizontal bars: plan rows per kind of change for each pair of consecutive years
    (from ``trends.change_counts``)."""
    fig, ax = new_figure(8, 1.8 + 0.5 * len(CHANGE_KINDS) * max(len(counts), 1))
    add_titles(
        ax,
        "How plan rows changed between consecutive years",
        "A row is a measure or one of its actions, matched by code and action number",
    )
    if counts.empty:
        _empty(ax, "Only one year: nothing to compare")
        return fig
    height = 0.8 / len(counts)
    y = np.arange(len(CHANGE_KINDS))
    for i, (years, row) in enumerate(counts.iterrows()):
        offset = (i - (len(counts) - 1) / 2) * height
        values = [int(row.get(kind, 0)) for kind in CHANGE_KINDS]
        bars = ax.barh(
            y + offset,
            values,
            height * 0.9,
            color=[CHANGE_COLORS[k] for k in CHANGE_KINDS],
            alpha=1.0 if i == len(counts) - 1 else 0.55,
            label=str(years),
        )
        for bar, value in zip(bars, values, strict=True):
            ax.text(
                bar.get_width() + 0.1,
                bar.get_y() + bar.get_height() / 2,
                f"{value} ({years})" if len(counts) > 1 else str(value),
                va="center",
                fontsize=8,
            )
    ax.set_yticks(y, [CHANGE_LABELS[k] for k in CHANGE_KINDS])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(int(counts.to_numpy().max()), 1) * 1.25 + 0.5)
    ax.set_xlabel("Measures and actions")
    return fig


def trends_dir(figures_dir: Path | str | None) -> Path:
    """``<figures_dir>/trends`` (``figures_dir`` None = the project's figures folder)."""
    from apanalysis.paths import FIGURES_DIR

    return (Path(figures_dir) if figures_dir is not None else FIGURES_DIR) / TRENDS_FOLDER


def save(
    fig: Figure, figures_dir: Path | str | None, years: Iterable[int] | str, name: str
) -> list[Path]:
    """Write ``fig`` to ``<figures_dir>/trends/<last year>/<name>.png`` and ``.svg`` with
    :func:`apanalysis.presentation.plots.save_figure`; returns the two paths."""
    last = normalize_years(years if isinstance(years, str) else list(years))[-1]
    return save_figure(fig, trends_dir(figures_dir), last, name)
