"""Notebook display helpers: tables as pandas Stylers, takeaways and titles as Markdown.

Text that came from the report is always escaped (HTML in tables, Markdown in takeaways); nothing
here renders the report's own HTML. Imported by notebooks only (IPython imported lazily).
"""

from __future__ import annotations

import html
import io
import itertools
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from pandas.io.formats.style import Styler

from apanalysis.formats import fmt_number, fmt_pct
from apanalysis.presentation import labels
from apanalysis.presentation.labels import value_label
from apanalysis.vocabulary.plan import REPORT_TITLES

__all__ = [
    "NOTEBOOK_TITLES",
    "escape_markdown",
    "figure",
    "figure_title",
    "status_table",
    "table",
    "takeaway",
    "title",
    "title_text",
    "truncate",
]

#: Titles of the report notebooks ("{year}" is filled in).
NOTEBOOK_TITLES: dict[str, str] = {
    kind: REPORT_TITLES[kind] for kind in ("criteria", "spending", "covid", "assessment")
}
#: Longest text shown in a table cell (longer text is cut with "…").
MAX_CHARS = 220
#: Most rows a report table shows; a longer table shows its first rows and says how many more
#: there are (every row is in data/processed/<year>/), so a large report stays readable.
MAX_ROWS = 150
#: Text columns longer than this many characters get a minimum width (wider above twice it).
TEXT_WIDE_CHARS = 50
MEDIUM_COLUMN_EM = 6
#: Above this many columns no text column gets a minimum width (the table must fit the page).
CROWDED_COLUMNS = 12
WIDE_COLUMN_EM = 12
#: Name of the table counter kept in the notebook's namespace (see :func:`next_table_id`).
TABLE_COUNTER = "_apanalysis_table_ids"
#: The table counter outside IPython (plain Python, tests).
_OUTSIDE_IPYTHON: dict[str, itertools.count] = {}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|~$&])")


def title_text(kind: str, year: int) -> str:
    """The Markdown heading of a report notebook, e.g. ``title_text("criteria", 2020)``."""
    return "# " + NOTEBOOK_TITLES[kind].format(year=int(year))


def title(kind: str, year: int):
    """:func:`title_text` as an IPython Markdown object."""
    from IPython.display import Markdown

    return Markdown(title_text(kind, year))


def escape_markdown(text: str) -> str:
    """Backslash-escape every Markdown/HTML special character of ``text``."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def takeaway(sentence: str):
    """A takeaway sentence as Markdown, "**Takeaway:**" followed by the escaped sentence."""
    from IPython.display import Markdown

    return Markdown("**Takeaway:** " + escape_markdown(sentence))


def truncate(text: object, max_chars: int = MAX_CHARS) -> object:
    """``text`` on one line, cut to ``max_chars`` with "…" (non-strings returned unchanged)."""
    if not isinstance(text, str):
        return text
    one_line = " ".join(text.split())
    if len(one_line) <= max_chars:
        return one_line
    return one_line[: max_chars - 1].rstrip() + "…"


def _is_percent(column: str) -> bool:
    return column.endswith(("share", "rate")) or column in {"share", "rate"}


def cell_html(value: object, max_chars: int = MAX_CHARS) -> str:
    """One table cell as escaped HTML; text longer than ``max_chars`` is shown cut with "…",
    and opens in full (a ``<details>`` element), so nothing is lost."""
    text = " ".join(str(value).split())
    if len(text) <= max_chars:
        escaped = html.escape(text)
        return f'<span class="apanalysis-text">{escaped}</span>' if len(text) > 40 else escaped
    short = text[: max_chars - 1].rstrip()
    return (
        f'<details class="apanalysis-long"><summary>{html.escape(short)}…</summary>'
        f"{html.escape(text)}</details>"
    )


def _formatter(column: str, series: pd.Series, percent: set, eur: set):
    """How the values of one column read: a function from value to text."""
    if column in percent:
        return lambda v: "" if pd.isna(v) else fmt_pct(v)
    if column in eur:
        return lambda v: "" if pd.isna(v) else fmt_number(v, 0)
    if pd.api.types.is_bool_dtype(series):
        return lambda v: value_label(column, v)
    if pd.api.types.is_float_dtype(series):
        return lambda v: "" if pd.isna(v) else fmt_number(v, 2)
    if pd.api.types.is_integer_dtype(series):
        return lambda v: "" if pd.isna(v) else fmt_number(v, 0)
    return lambda v: value_label(column, v)


def readable_frame(
    df: pd.DataFrame, percent: Iterable[str] = (), eur: Iterable[str] = ()
) -> pd.DataFrame:
    """``df`` as the reader sees it: values as text (labels, thousands separators, percentages,
    Yes/No, missing blank), a "Source" citation instead of line/page columns, English headers."""
    data = labels.with_citation(df)
    percent = {c for c in data.columns if _is_percent(str(c))} | set(percent)
    eur = {c for c in data.columns if str(c).endswith("_eur")} | set(eur)
    out = pd.DataFrame(index=data.index)
    for column in data.columns:
        fmt = _formatter(str(column), data[column], percent, eur)
        out[column] = [str(fmt(v)) for v in data[column]]
    headers: list[str] = []
    for column in data.columns:
        label = labels.column_label(column)
        headers.append(label if label not in headers else f"{label} ({column})")
    out.columns = headers
    names = [labels.column_label(n) if n is not None else None for n in data.index.names]
    if isinstance(data.index, pd.MultiIndex):
        out.index = pd.MultiIndex.from_tuples(
            [
                tuple(str(value_label(n, v)) for n, v in zip(data.index.names, t, strict=True))
                for t in data.index
            ],
            names=names,
        )
    else:
        name = data.index.name
        out.index = pd.Index([str(value_label(name, v)) for v in data.index], name=names[0])
    return out


def table(
    df: pd.DataFrame,
    caption: str | None = None,
    max_chars: int = MAX_CHARS,
    percent: Iterable[str] = (),
    eur: Iterable[str] = (),
    hide_index: bool | None = None,
    max_rows: int = MAX_ROWS,
) -> Styler:
    """A frame formatted for reading (:func:`readable_frame`): English headers and labels,
    shares (columns ending in "share"/"rate" or listed in ``percent``) as "32 %", EUR columns
    (ending in "_eur" or listed in ``eur``) with thousands separators, missing values blank, text
    longer than ``max_chars`` folded into a details element, every cell HTML-escaped. A default
    RangeIndex is hidden unless ``hide_index`` says otherwise. Only the first ``max_rows`` rows
    are shown; the caption then says how many there are."""
    if len(df) > max_rows:
        shown = f"The first {max_rows} of {len(df)} rows; all are in the data downloads."
        caption = f"{caption} — {shown}" if caption else shown
    if hide_index is None:
        hide_index = isinstance(df.index, pd.RangeIndex)
    data = readable_frame(df.head(max_rows), percent, eur)
    cells = data.apply(lambda col: col.map(lambda v: cell_html(v, max_chars)))
    styler = cells.style.set_uuid(next_table_id())
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    if hide_index:
        styler = styler.hide(axis="index")
    if caption:
        styler = styler.set_caption(html.escape(caption))
    styler = styler.set_table_styles(
        [
            {"selector": "td", "props": "text-align: left; vertical-align: top;"},
            {"selector": "caption", "props": "caption-side: top; text-align: left;"},
        ]
    )
    return styler.set_table_styles(_text_widths(data), overwrite=False)


def _text_widths(data: pd.DataFrame) -> dict:
    """Room for long text columns (quotes, results), so they do not wrap word by word."""
    widths = {}
    if len(data.columns) > CROWDED_COLUMNS:  # many columns: let every one wrap to fit the page
        return widths
    for column in data.columns:
        longest = data[column].map(len).max() if len(data) else 0
        if longest and longest > 2 * TEXT_WIDE_CHARS:
            em = WIDE_COLUMN_EM if len(data.columns) <= 6 else MEDIUM_COLUMN_EM
            widths[column] = [{"selector": "", "props": f"min-width: {em}em;"}]
    return widths


def targets_table(measures_view: pd.DataFrame, max_chars: int = 160) -> Styler:
    """The measure-level target vs result table (``analysis.criteria.measure_targets``) with
    target, achieved value and unit in one "Target → achieved" column, so it fits a page."""
    view = measures_view.copy()
    if {"target", "achieved"} <= set(view.columns):
        unit = view["unit"] if "unit" in view.columns else pd.Series("", index=view.index)
        view.insert(
            list(view.columns).index("target"),
            "target_achieved",
            [
                _target_achieved(t, a, u)
                for t, a, u in zip(view["target"], view["achieved"], unit, strict=True)
            ],
        )
        view = view.drop(columns=[c for c in ("target", "achieved", "unit") if c in view.columns])
    return table(view, max_chars=max_chars)


def _target_achieved(target: object, achieved: object, unit: object) -> str:
    def num(v: object) -> str:
        return "" if v is None or pd.isna(v) else fmt_number(float(v), 2)

    suffix = f" {unit}" if isinstance(unit, str) and unit.strip() else ""
    if num(target) == "" and num(achieved) == "":
        return ""
    return f"{num(target) or 'n/a'} → {num(achieved) or 'n/a'}{suffix}"


#: Marker of a task that spent more than planned.
OVERSPENT = "▲ overspent"


def budget_view(budget: pd.DataFrame, caveats: pd.DataFrame | None = None) -> pd.DataFrame:
    """Planned vs spent per task (``analysis.spending.task_budget``) as a reader should see it:
    the execution rate with one decimal where rounding would hide an overspend, marked
    ":data:`OVERSPENT`"; where the narrative says not all institutions reported their spending
    (the year's ``caveats`` table), the gap is "not reported or unused" rather than unused,
    and the sentence is quoted with its line (its page in a PDF)."""
    from apanalysis.source.caveats import spending_caveats
    from apanalysis.source.document import citation

    notes = {}
    if caveats is not None:
        for row in spending_caveats(caveats).dropna(subset=["task"]).itertuples():
            where = citation(row.source_line, getattr(row, "source_page", None))
            notes[int(row.task)] = f"{row.quote} ({where})"
    view = budget[["task", "title", "planned_eur", "spent_eur"]].copy()
    rates, unused, unreported, note = [], [], [], []
    for row in budget.itertuples():
        task = None if pd.isna(row.task) else int(row.task)
        caveat = notes.get(task) if task is not None else ("; ".join(notes.values()) or None)
        text = fmt_pct(row.execution_rate)
        if pd.notna(row.execution_rate) and row.execution_rate > 1:
            text += f" {OVERSPENT}"
        if caveat:
            text += " (lower bound)"
        rates.append(text)
        gap = row.unspent_eur
        gap = None if pd.isna(gap) else max(float(gap), 0.0)
        unused.append(None if caveat else gap)
        unreported.append(gap if caveat else None)
        note.append(f"Not all spending was reported: «{caveat}»" if caveat else "")
    view["execution"] = rates
    view["unspent_eur"] = unused
    view["unreported_eur"] = unreported
    view["spending_note"] = note
    return view


def budget_table(budget: pd.DataFrame, caveats: pd.DataFrame | None = None) -> Styler:
    """:func:`budget_view` as a table."""
    return table(budget_view(budget, caveats), max_chars=400)


def next_table_id() -> str:
    """The Styler id of the next table: "t1", "t2"… in display order within the notebook, so
    that every build of a report gives the same HTML. The counter is kept, hidden, in the
    notebook's namespace: a new kernel, or a kernel reset between two notebooks of a build,
    starts it again."""
    shell = _running_ipython()
    store = shell.user_ns if shell is not None else _OUTSIDE_IPYTHON
    counter = store.setdefault(TABLE_COUNTER, itertools.count(1))
    if shell is not None:
        shell.user_ns_hidden[TABLE_COUNTER] = counter  # not listed by %who
    return f"t{next(counter)}"


def _running_ipython():
    """The running IPython shell, if this is a kernel (IPython is never imported here)."""
    ipython = sys.modules.get("IPython")
    return ipython.get_ipython() if ipython is not None else None


def status_table(counts: pd.DataFrame, caption: str | None = None) -> Styler:
    """Status counts (from ``analysis.criteria.status_counts``) as "n (share %)" cells."""
    shown = pd.DataFrame(index=counts.index)
    total = counts["total"].where(counts["total"] > 0)
    statuses = [c for c in counts.columns if c not in ("total", "implementation_rate", "covid")]
    for status in statuses:
        share = (counts[status] / total).astype(float)
        shown[status] = [
            f"{n} ({fmt_pct(s)})" if pd.notna(s) else str(n)
            for n, s in zip(counts[status], share, strict=True)
        ]
    shown["total"] = counts["total"].astype(int)
    return table(shown, caption=caption, hide_index=False)


def figure(fig, saved: Iterable[Path | str] = (), dpi: int = 110, alt: str | None = None):
    """A matplotlib Figure as an inline PNG image, with alternative text for screen readers:
    ``alt``, or else the figure's title.

    ``saved``: the paths :func:`~apanalysis.presentation.plots.save_figure` returned for ``fig``.
    Its PNG file is shown as it is, scaled to ``dpi`` (sharper in print, and the figure is not
    drawn again: a drawing is most of a figure's time). Without it, ``fig`` is drawn at ``dpi``.
    """
    from IPython.display import Image, Markdown

    from apanalysis.presentation.figure_files import PNG_DPI, png_size, tight_bbox
    from apanalysis.presentation.plots import is_empty

    if is_empty(fig):
        return Markdown("*" + escape_markdown(is_empty(fig)) + "*")
    alt = alt or figure_title(fig)
    metadata = {"alt": alt} if alt else {}
    png_file = next((Path(path) for path in saved if Path(path).suffix == ".png"), None)
    if png_file is None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches=tight_bbox(fig))
        return Image(data=buffer.getvalue(), format="png", metadata=metadata or None)
    data = png_file.read_bytes()
    width, height = png_size(data)
    shown = {"width": round(width * dpi / PNG_DPI), "height": round(height * dpi / PNG_DPI)}
    return Image(data=data, format="png", metadata={**metadata, **shown})


def figure_title(fig) -> str:
    """The title of a figure's first axes (the English caption the plots set), or ""."""
    for ax in fig.axes:
        for loc in ("left", "center"):
            if ax.get_title(loc=loc):
                return ax.get_title(loc=loc)
    return ""


def glossary_table(measures: pd.DataFrame) -> Styler:
    """The institutions named in the year's rows: acronym, Lithuanian and English name
    (``data/reference/institutions.csv``)."""
    from apanalysis.analysis import split_list
    from apanalysis.presentation import reference

    codes = {code for cell in measures["institutions"] for code in split_list(cell)}
    return table(reference.glossary(codes), caption="Institutions named in this year's report")
