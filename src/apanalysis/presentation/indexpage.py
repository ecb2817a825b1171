"""The reports' index: a line about the plan, one card per year with its headline figures and
links (reports and data downloads), and the trends report.

>>> headline_items({"rows": 53, "implemented": 0.3208, "execution": 0.4784, "covid": 0.4,
...                 "mismatches": 2})[0]
('Measures and actions', '53')
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from apanalysis.analysis import criteria, spending
from apanalysis.formats import fmt_count, fmt_number, fmt_pct
from apanalysis.presentation.page import REPORT_NAMES, relative_href
from apanalysis.vocabulary.plan import PLAN_TITLE, PLAN_TITLE_LT, REPORT_TITLES

#: The line about the plan at the top of the index.
PLAN_NOTE = (
    f"Lithuania's {PLAN_TITLE} ({PLAN_TITLE_LT}) sets tasks, measures and actions for "
    "ministries, agencies and municipalities. Each year the Coordination Commission against "
    "Trafficking in Human Beings reports, in Lithuanian, how they were implemented. These pages "
    "read each annual report: what was implemented, what was spent, what the COVID-19 pandemic "
    "changed, and whether the report's own figures agree with its annex."
)


def year_headline(measures: pd.DataFrame, tasks: pd.DataFrame, audit: pd.DataFrame) -> dict:
    """A year's headline figures: rows, share implemented, budget execution (spent / planned
    over the tasks stating both), share of rows citing COVID-19, audit mismatches."""
    counts = criteria.status_counts(measures, total=True) if len(measures) else None
    rate = float(criteria.implementation_rate(counts).iloc[-1]) if counts is not None else None
    budget = spending.task_budget(tasks, total=True) if len(tasks) else None
    execution = None
    if budget is not None and len(budget):
        execution = budget["execution_rate"].iloc[-1]
    covid = float(measures["covid"].mean()) if len(measures) else None
    verdicts = audit["verdict"] if "verdict" in audit.columns else pd.Series(dtype=object)
    return {
        "rows": len(measures),
        "implemented": rate,
        "execution": execution,
        "covid": covid,
        "mismatches": int((verdicts == "mismatch").sum()),
        "checks": len(verdicts),
    }


def headline_items(headline: Mapping) -> list[tuple[str, str]]:
    """(label, figure) pairs of a year's card."""
    return [
        ("Measures and actions", fmt_number(headline["rows"], 0)),
        ("Implemented", fmt_pct(headline.get("implemented"))),
        ("Budget execution (spent of planned)", fmt_pct(headline.get("execution"))),
        ("Citing COVID-19", fmt_pct(headline.get("covid"))),
        (
            "Audit mismatches",
            f"{headline.get('mismatches', 0)} of {fmt_count(headline.get('checks', 0), 'check')}",
        ),
    ]


def year_card(
    year: int,
    index: Path,
    headline: Mapping | None,
    pages: Mapping[str, Path],
    downloads: Sequence[tuple[str, Path]] = (),
    problems: int = 0,
) -> str:
    """One year's card: headline figures, its reports, its data downloads."""
    figures = ""
    if headline is not None:
        figures = (
            "<dl>"
            + "".join(
                f"<div><dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd></div>"
                for label, value in headline_items(headline)
            )
            + "</dl>"
        )
    warn = (
        f'<p class="apanalysis-banner" role="alert">{fmt_count(problems, "line")} of the '
        "report could not be read.</p>"
        if problems
        else ""
    )
    reports = " · ".join(
        f'<a href="{relative_href(p, index)}">{html.escape(REPORT_NAMES.get(k, k))}</a>'
        for k, p in pages.items()
    )
    data = " · ".join(
        f'<a href="{relative_href(p, index)}">{html.escape(label)}</a>' for label, p in downloads
    )
    return (
        f'<section class="year-card" id="y{year}"><h2>{year}</h2>{warn}{figures}'
        f'<p class="links"><strong>Reports:</strong> {reports}</p>'
        + (f'<p class="links"><strong>Data:</strong> {data}</p>' if data else "")
        + "</section>"
    )


INDEX_CSS = """
body{font-family:system-ui,sans-serif;max-width:62rem;margin:1.5rem auto;padding:0 1rem;
color:#1a1a1a;line-height:1.45}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem}
.year-card{border:1px solid #bbb;border-radius:6px;padding:.5rem 1rem;break-inside:avoid}
.year-card h2{margin:.3rem 0}
.year-card dl{display:grid;grid-template-columns:1fr auto;gap:.15rem .8rem;margin:.5rem 0}
.year-card dl div{display:contents}.year-card dt{color:#444}
.year-card dd{margin:0;font-weight:bold;text-align:right}
.links{margin:.4rem 0;overflow-wrap:anywhere}
.apanalysis-banner{background:#fff3cd;border:1px solid #d39e00;padding:.4rem .6rem}
@media print{body{max-width:none;margin:0}a{color:inherit}}
"""


def index_page(
    cards: Sequence[str], trends: tuple[Path, Path] | None = None, title: str | None = None
) -> str:
    """The whole index page (``trends``: the trends page and the index's own path)."""
    title = title or REPORT_TITLES["index"]
    parts = [f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(PLAN_NOTE)}</p>"]
    if trends is not None:
        page, index = trends
        parts.append(
            f'<p><strong>Across years:</strong> <a href="{relative_href(page, index)}">'
            f"{html.escape(REPORT_NAMES['trends'])}</a></p>"
        )
    parts.append('<div class="cards">' + ("".join(cards) or "<p>No reports yet.</p>") + "</div>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(title)}</title>\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )
