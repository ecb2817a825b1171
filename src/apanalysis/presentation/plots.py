"""Figures of the report notebooks: one function per figure, each returning a matplotlib Figure.

Built on ``matplotlib.figure.Figure`` (no pyplot state, no ``plt.show``), so any backend works.
Imported by notebooks only, never by ``import apanalysis``. Colours are the colour-blind-safe
Okabe-Ito palette; status colours and Lithuanian status labels are defined here, once.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from apanalysis.analysis import STATUS_ORDER
from apanalysis.formats import NOT_AVAILABLE, fmt_number, fmt_pct
from apanalysis.presentation.figure_files import save_figure
from apanalysis.vocabulary.status import (
    IMPLEMENTED,
    NOT_IMPLEMENTED,
    NOT_PLANNED,
    PARTIALLY,
    STATUS_GLOSSES,
    STATUS_LITHUANIAN,
)

__all__ = [
    "BUDGET_COLORS",
    "GROUP_COLORS",
    "STATUS_COLORS",
    "add_titles",
    "STATUS_LABELS",
    "covid_by_task",
    "covid_vs_other",
    "execution_rate",
    "institution_scorecard",
    "municipal_heatmap",
    "new_figure",
    "planned_vs_spent",
    "save_figure",
    "status_by_task",
    "status_label",
]

#: Colour of a status this module does not know.
OTHER_STATUS_COLOR = "#000000"
#: Okabe-Ito colours of the three statuses (and of a municipality's "not planned").
STATUS_COLORS: dict[str, str] = {
    IMPLEMENTED: "#0072B2",  # blue
    PARTIALLY: "#E69F00",  # orange
    NOT_IMPLEMENTED: "#D55E00",  # vermillion
    NOT_PLANNED: "#999999",  # grey: a municipality that did not plan the measure
}
#: Lithuanian labels of the statuses and their English glosses (from the status vocabulary).
STATUS_LABELS = STATUS_LITHUANIAN
STATUS_ENGLISH = STATUS_GLOSSES
#: Planned vs spent bars (Okabe-Ito sky blue and bluish green).
BUDGET_COLORS: dict[str, str] = {"planned": "#56B4E9", "spent": "#009E73"}
#: Pandemic vs other reasons (Okabe-Ito reddish purple and grey).
GROUP_COLORS: dict[str, str] = {"pandemic": "#CC79A7", "other": "#999999"}
#: Cell colour of "not reported" in the municipality heatmap.
MISSING_COLOR = "#F0F0F0"

_THEME = {
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "font.size": 10,
    "svg.hashsalt": "apanalysis",
}


def status_label(status: str) -> str:
    """Legend label of a status: "Įgyvendinta (implemented)"."""
    if status not in STATUS_LABELS:
        return str(status)
    return f"{STATUS_LABELS[status]} ({STATUS_ENGLISH[status]})"


def _statuses(columns) -> list[str]:
    """The status columns of a status-count frame, in palette order then any others."""
    known = [s for s in STATUS_COLORS if s in columns]
    others = [c for c in columns if c not in STATUS_COLORS and c not in _NOT_STATUS]
    return known + others


_NOT_STATUS = {"total", "implementation_rate", "covid"}


def new_figure(width: float, height: float) -> tuple[Figure, object]:
    """A figure and its axes in the project's theme (no pyplot state)."""
    with matplotlib.rc_context(_THEME):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


#: Set on a figure with nothing to draw; ``display.figure`` shows this sentence instead.
EMPTY_ATTR = "apanalysis_empty"


def nothing_to_draw(message: str) -> Figure:
    """A figure standing for a chart with no data: its only content is ``message`` (the page
    shows the sentence instead of a picture, see :func:`is_empty`)."""
    fig, ax = new_figure(6, 0.8)
    ax.axis("off")
    ax.text(0, 0.5, message, transform=ax.transAxes, va="center", fontsize=10, color="#444444")
    setattr(fig, EMPTY_ATTR, message)
    return fig


def is_empty(fig: Figure) -> str | None:
    """The sentence of a :func:`nothing_to_draw` figure, else None."""
    return getattr(fig, EMPTY_ATTR, None)


def _no_numbers(values) -> bool:
    array = np.asarray(values, dtype=float)
    return array.size == 0 or not np.isfinite(array).any()


def add_titles(ax, title: str, subtitle: str | None) -> None:
    """A bold left-aligned title, and the English caption under it."""
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold", pad=18 if subtitle else 6)
    if subtitle:
        ax.text(
            0,
            1.01,
            subtitle,
            transform=ax.transAxes,
            fontsize=9,
            color="#444444",
            va="bottom",
            ha="left",
        )


def _stacked_barh(ax, counts: pd.DataFrame, labels: list[str]) -> None:
    left = np.zeros(len(counts))
    y = np.arange(len(counts))
    for status in _statuses(counts.columns):
        values = counts[status].to_numpy(dtype=float)
        if status not in STATUS_ORDER and not values.any():
            continue
        bars = ax.barh(
            y,
            values,
            left=left,
            color=STATUS_COLORS.get(status, OTHER_STATUS_COLOR),
            label=status_label(status),
            edgecolor="white",
            height=0.7,
        )
        for bar, value in zip(bars, values, strict=True):
            if value > 0:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    f"{int(value)}",
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=9,
                    fontweight="bold",
                )
        left += values
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)


def status_by_task(counts: pd.DataFrame, year: int | None = None) -> Figure:
    """Stacked horizontal bars of statuses per task (from ``criteria.status_counts``)."""
    body = counts.drop(index="all", errors="ignore")
    if body.empty or int(body["total"].sum()) == 0:
        return nothing_to_draw("No measures or actions were read, so there is no status chart.")
    fig, ax = new_figure(8, 1.2 + 0.6 * len(body))
    _stacked_barh(ax, body, [f"Task {t}" for t in body.index])
    ax.set_xlabel("Measures and actions")
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.25 if len(body) < 5 else -0.15),
        ncol=3,
        frameon=False,
        fontsize=9,
    )
    add_titles(
        ax,
        "Implementation status of measures and actions by task",
        f"{int(body['total'].sum())} measures and actions" + (f", {year} report" if year else ""),
    )
    return fig


def institution_scorecard(card: pd.DataFrame, year: int | None = None) -> Figure:
    """Stacked bars of statuses per institution with the implementation rate at the bar end
    (from ``criteria.institution_scorecard``)."""
    if card.empty:
        return nothing_to_draw(
            "No institution is named in the rows read, so there is no scorecard."
        )
    fig, ax = new_figure(8, 1.5 + 0.38 * len(card))
    _stacked_barh(ax, card, [str(i) for i in card.index])
    for y, (total, rate) in enumerate(zip(card["total"], card["implementation_rate"], strict=True)):
        ax.text(total + 0.2, y, fmt_pct(rate), va="center", fontsize=8, color="#333333")
    ax.set_xlim(0, card["total"].max() * 1.15 + 0.5)
    ax.set_xlabel("Measures and actions the institution is responsible for (label: % implemented)")
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    add_titles(
        ax,
        "Institution scorecard",
        "Rows with several institutions count for each" + (f"; {year} report" if year else ""),
    )
    return fig


def municipal_heatmap(matrix: pd.DataFrame, year: int | None = None) -> Figure:
    """Municipality × measure/action heatmap of statuses (from ``criteria.municipal_matrix``);
    grey cells: no result reported."""
    if matrix.empty:
        return nothing_to_draw("The report gives no results per municipality.")
    present = set(pd.unique(matrix.to_numpy().ravel())) - {None}
    statuses = [*STATUS_ORDER] + [
        s
        for s in _statuses(sorted(str(p) for p in present if isinstance(p, str)))
        if s not in STATUS_ORDER
    ]
    codes = {status: i for i, status in enumerate(statuses)}
    numeric = matrix.apply(lambda col: col.map(codes)).astype(float)
    numeric.index = [_short_municipality(m) for m in matrix.index]
    width = max(6.0, 2.5 + 0.55 * matrix.shape[1])
    height = max(3.0, 1.8 + 0.32 * matrix.shape[0])
    fig, ax = new_figure(width, height)
    ax.set_facecolor(MISSING_COLOR)
    colors = [STATUS_COLORS.get(s, OTHER_STATUS_COLOR) for s in statuses]
    import seaborn as sns  # here only: it imports pyplot, about 0.7 s a notebook kernel saves

    sns.heatmap(
        numeric,
        ax=ax,
        cmap=ListedColormap(colors),
        vmin=-0.5,
        vmax=len(statuses) - 0.5,
        cbar=False,
        linewidths=0.8,
        linecolor="white",
        mask=numeric.isna(),
    )
    ax.set_xlabel("Measure or action (a = action)")
    ax.set_ylabel("")
    ax.tick_params(axis="x", rotation=90, labelsize=8)
    ax.tick_params(axis="y", rotation=0, labelsize=8)
    handles = [Patch(color=c, label=status_label(s)) for s, c in zip(statuses, colors, strict=True)]
    handles.append(Patch(facecolor=MISSING_COLOR, edgecolor="#CCCCCC", label="not reported"))
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8
    )
    add_titles(
        ax,
        "Municipal results by measure and action",
        f"{matrix.shape[0]} municipalities" + (f", {year} report" if year else ""),
    )
    return fig


def planned_vs_spent(budget: pd.DataFrame, year: int | None = None) -> Figure:
    """Grouped bars of planned vs spent thousand EUR per task (from ``spending.task_budget``)."""
    tasks = budget[budget["task"].notna()]
    if tasks.empty or _no_numbers(tasks[["planned_eur", "spent_eur"]]):
        return nothing_to_draw("The report states no planned or spent amounts per task.")
    fig, ax = new_figure(7, 4)
    x = np.arange(len(tasks))
    width = 0.38
    for offset, column, key in (
        (-width / 2, "planned_eur", "planned"),
        (width / 2, "spent_eur", "spent"),
    ):
        values = tasks[column].to_numpy(dtype=float) / 1000
        bars = ax.bar(
            x + offset,
            np.nan_to_num(values),
            width,
            color=BUDGET_COLORS[key],
            label=key.capitalize(),
        )
        for bar, value in zip(bars, values, strict=True):
            text = NOT_AVAILABLE if np.isnan(value) else fmt_number(value, 2)
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height(),
                text,
                ha="center",
                va="bottom",
                fontsize=8,
            )
    ax.set_xticks(x, [f"Task {int(t)}" for t in tasks["task"]])
    ax.set_ylabel("Thousand EUR")
    ax.legend(frameon=False)
    add_titles(
        ax,
        "Planned vs spent funds by task",
        "As stated per task in the narrative" + (f"; {year} report" if year else ""),
    )
    return fig


def execution_rate(budget: pd.DataFrame, year: int | None = None) -> Figure:
    """Bars of spent / planned per task with a 100 % reference line (``spending.task_budget``)."""
    tasks = budget[budget["task"].notna()]
    if tasks.empty or _no_numbers(tasks["execution_rate"]):
        return nothing_to_draw("No task states both a planned and a spent amount.")
    fig, ax = new_figure(7, 3.6)
    rates = tasks["execution_rate"].to_numpy(dtype=float) * 100
    x = np.arange(len(tasks))
    bars = ax.bar(x, np.nan_to_num(rates), 0.6, color=BUDGET_COLORS["spent"])
    for bar, rate in zip(bars, rates, strict=True):
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height(),
            fmt_pct(rate / 100),
            ha="center",
            va="bottom",
            fontsize=9,
        )
    ax.axhline(100, color="#333333", linewidth=0.8, linestyle="--")
    ax.set_xticks(x, [f"Task {int(t)}" for t in tasks["task"]])
    ax.set_ylabel("Spent as % of planned")
    top = np.nanmax(rates) if np.isfinite(rates).any() else 100
    ax.set_ylim(0, max(110, top * 1.12))
    add_titles(
        ax,
        "Budget execution rate by task",
        "Dashed line: 100 % of the planned amount" + (f"; {year} report" if year else ""),
    )
    return fig


def covid_by_task(by_task: pd.DataFrame, year: int | None = None) -> Figure:
    """Stacked bars per task: rows citing the pandemic vs not (from ``covid.covid_by``)."""
    if by_task.empty:
        return nothing_to_draw("No measures or actions were read, so there is no chart per task.")
    fig, ax = new_figure(7, 3.8)
    x = np.arange(len(by_task))
    covid = by_task["covid"].to_numpy(dtype=float)
    other = by_task["not_covid"].to_numpy(dtype=float)
    ax.bar(x, covid, 0.6, color=GROUP_COLORS["pandemic"], label="Cites the pandemic")
    ax.bar(x, other, 0.6, bottom=covid, color=GROUP_COLORS["other"], label="Does not")
    for xi, c, total in zip(x, covid, covid + other, strict=True):
        ax.text(xi, total, f"{int(c)} of {int(total)}", ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [f"Task {t}" for t in by_task.index])
    ax.set_ylabel("Measures and actions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, (covid + other).max() * 1.15 + 0.5)
    ax.legend(frameon=False, loc="upper left")
    add_titles(
        ax,
        "Measures and actions citing the COVID-19 pandemic, by task",
        "Any status" + (f"; {year} report" if year else ""),
    )
    return fig


def covid_vs_other(reasons: pd.DataFrame, year: int | None = None) -> Figure:
    """Horizontal bars of reasons for rows not (fully) implemented, pandemic highlighted
    (from ``covid.reason_counts``)."""
    if reasons.empty:
        return nothing_to_draw("No reasons for non-implementation were found.")
    fig, ax = new_figure(8, 1.4 + 0.45 * max(len(reasons), 1))
    y = np.arange(len(reasons))
    colors = [GROUP_COLORS[g] for g in reasons["group"]]
    labels = [_wrap(str(label), 45) for label in reasons["label"]]
    ax.barh(y, reasons["rows"].to_numpy(dtype=float), 0.65, color=colors)
    for yi, n in zip(y, reasons["rows"], strict=True):
        ax.text(n + 0.1, yi, str(int(n)), va="center", fontsize=9)
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Measures and actions not (fully) implemented giving the reason")
    handles = [Patch(color=GROUP_COLORS[g], label=g.capitalize()) for g in GROUP_COLORS]
    ax.legend(handles=handles, frameon=False, loc="lower right")
    add_titles(
        ax,
        "Reasons for non-implementation: the pandemic vs other reasons",
        "A row may give several reasons" + (f"; {year} report" if year else ""),
    )
    return fig


def _short_municipality(name: str) -> str:
    """ "Kauno miesto savivaldybė" → "Kauno miesto" (the word "savivaldybė" dropped)."""
    short = str(name).removesuffix(" savivaldybė").strip()
    return short or str(name)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text
