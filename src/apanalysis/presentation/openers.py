"""What a report page opens with: numbered key findings (F1, F2 … computed sentences), the
period, data date and source; and what it closes with: the method note, for readers.

Notebooks call :func:`opening` right after loading the year and :func:`method` last.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from apanalysis.analysis import covid, criteria, spending
from apanalysis.presentation import findings as audit_findings
from apanalysis.presentation import takeaways
from apanalysis.presentation.htmlexport import TOC_PLACE
from apanalysis.presentation.page import source_format
from apanalysis.source.caveats import spending_caveats
from apanalysis.source.document import citation

#: Most findings a page opens with.
MAX_FINDINGS = 6

#: The method note of each report, in plain words (no code names).
METHODS: dict[str, str] = {
    "criteria": (
        "Every table comes from the year's implementation report. A *row* is a measure, or one "
        "of its actions, in the report's annex; its status (implemented, partially implemented, "
        "not implemented) is the word its result text opens with. Task verdicts and criterion "
        "values are the ones the narrative states for each task. Reasons are found from words "
        "in the result text (the pandemic, postponement, lack of funds …). Each row cites the "
        "line (or page) of the report it comes from."
    ),
    "spending": (
        "Planned and spent amounts per task are the figures the narrative states for each task, "
        "given in thousand euros and shown here in euros. The execution rate is spent divided by "
        "planned; above 100 % the task spent more than planned and is marked as overspent. "
        "Where the narrative says that not all institutions reported their spending, the rate "
        "is a lower bound: the gap is then shown as not reported, not as unused. Sums of the "
        "tasks are compared with the report's stated totals, allowing for the rounding of the "
        "stated figures. Amounts per measure are the euro amounts the annex's result texts name."
    ),
    "covid": (
        "A row cites the pandemic when its result text mentions it (the pandemic, COVID-19, "
        "quarantine, restrictions or the emergency situation). For implemented rows this "
        "usually means the form of the work changed; for rows not (fully) implemented it is "
        "given as a reason. Work that moved online is found from words such as 'nuotoliniu "
        "būdu' (remotely) and 'internetu' (online)."
    ),
    "assessment": (
        "Every figure the narrative states (numbers of measures and actions, how many were not "
        "achieved and which, budget totals, task verdicts) is recomputed from the annex rows "
        "and the task sections. A figure matches when the recomputed value equals the claim "
        "(money: within EUR 50 of rounding for each stated figure summed, and for the total, "
        "the same tolerance as the spending report). A sentence that can be read two ways gives "
        "both results and the verdict 'ambiguous'. Measures are compared with measures and "
        "actions with actions, as the sentence counts them. Achieved values are read from the "
        "result texts and compared with each row's target. An evaluator's own statuses, "
        "comments and names come from the evaluator's file when there is one."
    ),
}


def key_findings(sentences: Sequence[str]) -> str:
    """The numbered findings as HTML: "F1 …", "F2 …" (each sentence escaped), at most
    :data:`MAX_FINDINGS`, empty sentences left out."""
    kept = [s for s in sentences if s and s.strip()][:MAX_FINDINGS]
    items = "".join(
        f'<li id="F{n}"><strong>F{n}.</strong> {html.escape(s)}</li>' for n, s in enumerate(kept, 1)
    )
    return (
        '<section class="apanalysis-key"><h2 id="key-findings">Key findings</h2>'
        f'<ol class="apanalysis-findings" style="list-style:none;padding-left:0">{items}</ol>'
        "</section>"
    )


def about(year: int, source: Path | str, data_date: str = "") -> str:
    """Period covered, data date and source, as HTML."""
    name = Path(str(source)).name
    date = f"<li><strong>Data read:</strong> {html.escape(data_date)}</li>" if data_date else ""
    return (
        '<ul class="apanalysis-about">'
        f"<li><strong>Period covered:</strong> 1 January – 31 December {int(year)}</li>{date}"
        f"<li><strong>Source:</strong> the {int(year)} annual implementation report, "
        f"{html.escape(name)}, in Lithuanian; file format: {html.escape(source_format(name))}</li></ul>"
    )


def data_date(processed_dir: Path | str | None, year: int) -> str:
    """When the year's tables were read (their meta.json's time), or ""."""
    from apanalysis import paths

    folder = Path(processed_dir) if processed_dir else paths.PROCESSED_DIR
    meta = folder / str(int(year)) / "meta.json"
    if not meta.is_file():
        return ""
    return datetime.fromtimestamp(meta.stat().st_mtime, UTC).strftime("%Y-%m-%d")


def _safe(fn, *args) -> str:
    """A finding, or "" when the table it needs is empty (an empty year has fewer findings)."""
    try:
        return fn(*args)
    except (KeyError, ValueError, IndexError, ZeroDivisionError):
        return ""


def criteria_findings(data) -> list[str]:
    """F1…: statuses, task verdicts, per task, reasons, institutions, municipalities."""
    if data.measures.empty:
        return ["The annex has no measures or actions that could be read."]
    counts = criteria.status_counts(data.measures, total=True)
    undone = criteria.undone_rows(data.measures)
    return [
        _safe(takeaways.status_takeaway, counts, covid.covid_share(data.measures)),
        _safe(takeaways.criteria_takeaway, criteria.task_criteria(data.tasks)),
        _safe(takeaways.task_status_takeaway, counts),
        _safe(takeaways.reasons_takeaway, undone),
        _safe(takeaways.scorecard_takeaway, criteria.institution_scorecard(data.measures)),
        _safe(takeaways.municipal_takeaway, criteria.municipal_summary(data.municipal)),
    ]


def spending_findings(data, caveats: pd.DataFrame | None = None) -> list[str]:
    """F1…: planned vs spent, overspending, unreported spending, totals, amounts, unused.
    ``caveats`` defaults to the year's ``caveats`` table."""
    budget = spending.task_budget(data.tasks, total=True)
    out = [_safe(takeaways.budget_takeaway, budget)]
    out += money_notes(budget, data.caveats if caveats is None else caveats)
    out.append(_safe(takeaways.totals_takeaway, spending.total_check(data.tasks, data.claims)))
    out.append(_safe(takeaways.unused_takeaway, spending.unused_funds(data.amounts, data.measures)))
    return out


def covid_findings(data) -> list[str]:
    """F1…: share explained by the pandemic, by task, vs other reasons, online, municipalities."""
    if data.measures.empty:
        return ["The annex has no measures or actions that could be read."]
    return [
        _safe(takeaways.covid_share_takeaway, covid.covid_share(data.measures)),
        _safe(takeaways.covid_task_takeaway, covid.covid_by(data.measures, "task")),
        _safe(takeaways.covid_reasons_takeaway, covid.reason_counts(data.measures)),
        _safe(takeaways.online_takeaway, covid.moved_online(data.measures, data.municipal)),
        _safe(
            takeaways.covid_municipal_takeaway,
            covid.covid_municipalities(data.municipal),
            data.municipal,
        ),
    ]


def assessment_findings(checks, data, rates, assessment, assessed, year) -> list[str]:
    """F1…: the audit, its mismatches, achieved values, rates, the evaluator's file."""
    out = [audit_findings.audit_summary(checks), *audit_findings.mismatch_sentences(checks)[:2]]
    out.append(_safe(audit_findings.achieved_finding, data.measures))
    if assessment is not None:
        out.append(_safe(audit_findings.rates_finding, rates))
    out.append(audit_findings.assessment_finding(assessment, assessed, year))
    return out


def money_notes(budget: pd.DataFrame, caveats: pd.DataFrame | None) -> list[str]:
    """Sentences on tasks that spent more than planned and on tasks whose spending was not
    fully reported (quoting the narrative)."""
    from apanalysis.formats import fmt_eur, fmt_pct

    tasks = budget[budget["task"].notna()]
    out = []
    over = tasks[tasks["execution_rate"] > 1]
    for row in over.itertuples():
        out.append(
            f"Task {int(row.task)} spent more than planned: {fmt_eur(row.spent_eur)} of "
            f"{fmt_eur(row.planned_eur)} ({fmt_pct(row.execution_rate, 1)}, overspent by "
            f"{fmt_eur(row.spent_eur - row.planned_eur)})."
        )
    if caveats is not None:
        for row in spending_caveats(caveats).dropna(subset=["task"]).itertuples():
            rate = tasks.loc[tasks["task"] == row.task, "execution_rate"]
            shown = fmt_pct(rate.iloc[0]) if len(rate) else "n/a"
            out.append(
                f"Task {int(row.task)}'s execution of {shown} is a lower bound: the report says "
                f"«{row.quote}» ({citation(row.source_line, getattr(row, 'source_page', None))})."
            )
    return out


def opening(sentences: Sequence[str], year: int, source, processed_dir=None):
    """The page's opening as an IPython HTML object: key findings, then period, data date and
    source, then the place of the table of contents."""
    from IPython.display import HTML

    return HTML(
        key_findings(sentences) + about(year, source, data_date(processed_dir, year)) + TOC_PLACE
    )


def method(kind: str):
    """The method note closing a page, as Markdown."""
    from IPython.display import Markdown

    return Markdown("## About the method\n\n" + METHODS[kind])
