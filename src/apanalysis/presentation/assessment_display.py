"""Display helpers of the assessment notebook: its title, tables, figure and findings list.

Built on :mod:`apanalysis.presentation.display` (escaping, formatting) and the palette of
:mod:`apanalysis.presentation.plots`. Imported by notebooks only (matplotlib and IPython are needed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from pandas.io.formats.style import Styler

from apanalysis.formats import NOT_AVAILABLE, fmt_number
from apanalysis.presentation import display
from apanalysis.presentation.display import escape_markdown, table
from apanalysis.presentation.plots import BUDGET_COLORS, STATUS_COLORS

__all__ = [
    "RATE_COLORS",
    "TITLE",
    "achieved_table",
    "audit_table",
    "findings_markdown",
    "rates_figure",
    "rates_table",
    "title",
    "title_text",
]

TITLE = display.NOTEBOOK_TITLES["assessment"]
#: Background of a verdict cell (light tints of the Okabe-Ito status colours).
VERDICT_BACKGROUNDS = {
    "mismatch": "#F6D5C2",
    "cannot_recompute": "#EEEEEE",
    "match": "#CFE3F0",
}
#: Bars of the three implementation rates.
RATE_COLORS = {
    "narrative_rate": "#999999",
    "reported_rate": STATUS_COLORS["implemented"],
    "assessed_rate": BUDGET_COLORS["spent"],
}
RATE_LABELS = {
    "narrative_rate": "Narrative (its own counts)",
    "reported_rate": "Annex (reported status)",
    "assessed_rate": "Assessed (evaluator, else reported)",
}
AUDIT_SHOWN = [
    "check",
    "task",
    "claimed",
    "recomputed",
    "difference",
    "verdict",
    "source_line",
    "source_page",
    "quote",
    "how",
    "detail",
]


def title_text(year: int) -> str:
    """The notebook's Markdown heading."""
    return display.title_text("assessment", year)


def title(year: int):
    """:func:`title_text` as an IPython Markdown object."""
    return display.title("assessment", year)


def _verdict_style(value: object) -> str:
    from apanalysis.presentation.labels import VERDICT_LABELS

    by_label = {VERDICT_LABELS.get(k, k): v for k, v in VERDICT_BACKGROUNDS.items()}
    color = by_label.get(str(value), VERDICT_BACKGROUNDS.get(str(value)))
    return f"background-color: {color}; font-weight: bold;" if color else ""


def _claim_value(value: object) -> str:
    """A claimed or recomputed figure: numbers with thousands separators, words as they are."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    try:
        return fmt_number(float(value), 2)
    except (TypeError, ValueError):
        return str(value)


def audit_table(view: pd.DataFrame, max_chars: int = 160) -> Styler:
    """The audit (from ``analysis.audit.audit_view``) with coloured verdicts."""
    shown = view[[c for c in AUDIT_SHOWN if c in view.columns]].copy()
    if "source_page" in shown.columns and shown["source_page"].isna().all():
        shown = shown.drop(columns="source_page")  # a text or Word report: lines only
    for column in ("claimed", "recomputed"):
        shown[column] = shown[column].map(_claim_value)
    counts = view["verdict"].value_counts()
    caption = (
        f"{len(view)} checks: {int(counts.get('mismatch', 0))} mismatches, "
        f"{int(counts.get('cannot_recompute', 0))} cannot be recomputed, "
        f"{int(counts.get('match', 0))} matches"
    )
    styler = table(shown, caption=caption, max_chars=max_chars)
    from apanalysis.presentation.labels import column_label

    return styler.map(_verdict_style, subset=[column_label("verdict")])


def achieved_table(rows: pd.DataFrame, max_chars: int = 200) -> Styler:
    """Rows with an achieved value or a flag (from ``analysis.audit.achieved_rows``)."""
    flagged = int((rows["flag"] != "").sum()) if len(rows) else 0
    caption = f"{len(rows)} rows with an achieved value read from the text; {flagged} flagged"
    return table(rows, caption=caption, max_chars=max_chars)


def rates_table(rates: pd.DataFrame, assessed: bool = True) -> Styler:
    """Implementation rates per task (from ``analysis.audit.implementation_rates``); without an
    evaluator's file (``assessed`` false) the assessed columns, copies of the annex, are left out."""
    if not assessed:
        rates = rates.drop(columns=["assessed_rate", "changed_by_evaluator"], errors="ignore")
    return table(rates, caption="Share of measures and actions implemented, per task")


def evaluator_section(assessment: pd.DataFrame | None, year: int, path: str) -> str:
    """HTML: with no evaluator file, that there is none and how to add one; with one, the
    evaluators' names and comments."""
    import html

    if assessment is None:
        return (
            '<div class="apanalysis-banner"><strong>No evaluator\'s assessment for '
            f"{int(year)}.</strong> The rates and statuses on this page are the report's own; "
            "none has been checked by an evaluator yet.<br>To add one: run "
            f"<code>apanalysis annotate --year {int(year)}</code>, which writes a template to "
            f"<code>{html.escape(path)}</code>; fill in <code>evaluator_status</code>, "
            "<code>comment</code> and <code>evaluator</code> for the rows you assessed (in a "
            "spreadsheet), save it, and run <code>make reports</code> again.</div>"
        )
    rows = assessment[["code", "action", "evaluator_status", "comment", "evaluator"]]
    rows = rows[(rows["comment"].fillna("") != "") | (rows["evaluator_status"].fillna("") != "")]
    names = sorted({str(e) for e in assessment["evaluator"].dropna() if str(e).strip()})
    head = (
        f"<p><strong>Evaluators:</strong> {html.escape(', '.join(names) or 'not named')}; "
        f"{len(rows)} rows assessed.</p>"
    )
    return head + table(rows, caption="The evaluators' statuses and comments").to_html()


def rates_figure(rates: pd.DataFrame, year: int | None = None, assessed: bool = True) -> Figure:
    """Grouped bars: the implementation rate per task by the narrative, the annex and (with an
    evaluator's file: ``assessed``) the assessment; without one no "assessed" bar is drawn,
    since it would only repeat the annex."""
    from apanalysis.presentation.plots import nothing_to_draw

    if rates.empty or "narrative_rate" not in rates.columns:
        return nothing_to_draw("No task has measures or actions, so there are no rates to compare.")
    fig = Figure(figsize=(8, 4.2), layout="constrained")
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    x = np.arange(len(rates))
    width = 0.26
    shown = [c for c in RATE_COLORS if assessed or c != "assessed_rate"]
    for k, column in enumerate(shown):
        values = rates[column].to_numpy(dtype=float) * 100
        bars = ax.bar(
            x + (k - 1) * width,
            np.nan_to_num(values),
            width,
            color=RATE_COLORS[column],
            label=RATE_LABELS[column],
        )
        for bar, value in zip(bars, values, strict=True):
            text = NOT_AVAILABLE if np.isnan(value) else fmt_number(value, 0)
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height() + 1,
                text,
                ha="center",
                va="bottom",
                fontsize=8,
            )
    ax.set_xticks(x, [f"Task {int(t)}" for t in rates["task"]])
    ax.set_ylim(0, 115)
    ax.set_ylabel("% of measures and actions implemented")
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3)
    if not assessed:
        ax.text(
            0.99,
            0.97,
            "No evaluator's assessment yet",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=9,
            color="#444444",
        )
    subtitle = "Narrative: (items − not achieved) / items as the task sections state them"
    ax.set_title(
        "Implementation rate per task: narrative, annex and assessment",
        loc="left",
        fontsize=12,
        fontweight="bold",
        pad=18,
    )
    ax.text(
        0,
        1.01,
        subtitle + (f"; {year} report" if year else ""),
        transform=ax.transAxes,
        fontsize=9,
        color="#444444",
        va="bottom",
        ha="left",
    )
    return fig


def findings_markdown(sentences: list[str]):
    """The findings as a Markdown bullet list (each sentence escaped)."""
    from IPython.display import Markdown

    return Markdown("\n".join(f"- {escape_markdown(s)}" for s in sentences))


def evaluator_notice(assessment: pd.DataFrame | None, year: int, raw_dir=None):
    """:func:`evaluator_section` as an IPython HTML object; the file's path is shown from the
    raw folder ("raw/2020/assessment.csv")."""
    from pathlib import Path

    from IPython.display import HTML

    from apanalysis.workspace.annotations import assessment_path

    path = Path(assessment_path(year, raw_dir)).resolve()
    parts = path.parts
    shown = "/".join(parts[-3:]) if len(parts) >= 3 else str(path)
    return HTML(evaluator_section(assessment, year, shown))
