"""English takeaway sentences computed from the analysis summaries (never typed numbers).

Each function takes a summary from :mod:`apanalysis.analysis` and returns one plain-text
sentence (or a few); :func:`apanalysis.presentation.display.takeaway` escapes it for Markdown.
"""

from __future__ import annotations

import math

import pandas as pd

from apanalysis.formats import agrees, fmt_count, fmt_eur, fmt_number, fmt_pct
from apanalysis.presentation.reference import in_english
from apanalysis.vocabulary.status import NOT_IMPLEMENTED, PARTIALLY, STATUS_WORDS, STATUSES

__all__ = [
    "budget_takeaway",
    "covid_municipal_takeaway",
    "covid_reasons_takeaway",
    "covid_share_takeaway",
    "covid_task_takeaway",
    "criteria_takeaway",
    "fmt_count",
    "fmt_eur",
    "fmt_list",
    "fmt_number",
    "fmt_pct",
    "municipal_takeaway",
    "online_takeaway",
    "amounts_takeaway",
    "reasons_takeaway",
    "rows_phrase",
    "scorecard_takeaway",
    "status_takeaway",
    "task_status_takeaway",
    "totals_takeaway",
    "unused_takeaway",
]

ROWS = ("measure or action", "measures and actions")
STATUS_PHRASES = STATUS_WORDS


# --- formatting -----------------------------------------------------------------------------


def rows_phrase(n: int) -> str:
    """ "1 measure or action" / "5 measures and actions"."""
    return fmt_count(n, *ROWS)


def fmt_list(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _unit(unit: object) -> str:
    return " %" if isinstance(unit, str) and unit.strip().startswith("proc") else ""


# --- criteria ---------------------------------------------------------------------------------


def criteria_takeaway(criteria: pd.DataFrame) -> str:
    """From :func:`analysis.criteria.task_criteria`: verdicts of the tasks and unmet targets."""
    n = len(criteria)
    counts = criteria["verdict"].value_counts()
    parts = []
    for status in STATUSES:
        k = int(counts.get(status, 0))
        amount, verb = ("none", "was") if k == 0 else (str(k), agrees(k, "was", "were"))
        parts.append(f"{amount} {verb} {STATUS_PHRASES[status]}")
    sentence = f"Of {fmt_count(n, 'task')}, {fmt_list(parts)} by the report's own verdict."
    unmet = criteria[criteria["met"].fillna(True).eq(False)]
    details = [
        f"task {int(r.task)} reached {fmt_number(r.achieved)}{_unit(r.unit)} "
        f"against a target of {fmt_number(r.target)}{_unit(r.unit)}"
        for r in unmet.itertuples()
    ]
    if details:
        sentence += " Numerically, " + fmt_list(details) + "."
    return sentence


def status_takeaway(counts: pd.DataFrame, covid_share: pd.DataFrame | None = None) -> str:
    """From :func:`analysis.criteria.status_counts` (and optionally
    :func:`analysis.covid.covid_share`): e.g. "17 of 53 measures and actions (32 %) were not
    implemented and 5 (9 %) were partially implemented; the pandemic is cited in 11 of them."."""
    body = counts.drop(index="all", errors="ignore")
    total = int(body["total"].sum())
    not_done = int(body["not_implemented"].sum())
    partial = int(body["partially"].sum())
    sentence = (
        f"{not_done} of {rows_phrase(total)} ({fmt_pct(not_done / total if total else math.nan)})"
        f" {agrees(not_done, 'was', 'were')} not implemented and {partial} "
        f"({fmt_pct(partial / total if total else math.nan)}) "
        f"{agrees(partial, 'was', 'were')} partially implemented"
    )
    if covid_share is not None and "all" in covid_share.index:
        covid = int(covid_share.loc["all", "covid"])
        sentence += f"; the pandemic is cited in {covid} of these {not_done + partial}"
    return sentence + "."


def task_status_takeaway(counts: pd.DataFrame) -> str:
    """From :func:`analysis.criteria.status_counts` by task: the task with the most rows not
    implemented and the one with the highest implemented share."""
    body = counts.drop(index="all", errors="ignore")
    if body.empty:
        return "No measures or actions were reported."
    worst = body["not_implemented"].idxmax()
    rate = body["implemented"] / body["total"].where(body["total"] > 0)
    best = rate.idxmax()
    return (
        f"Task {worst} has the most {ROWS[1]} not implemented "
        f"({body.loc[worst, 'not_implemented']} of {body.loc[worst, 'total']}); "
        f"task {best} has the highest implemented share ({fmt_pct(rate[best])}, "
        f"{body.loc[best, 'implemented']} of {body.loc[best, 'total']})."
    )


def reasons_takeaway(undone: pd.DataFrame) -> str:
    """From :func:`analysis.criteria.undone_rows`: the most frequent reasons for undone rows."""
    if undone.empty:
        return "Every measure and action was implemented."
    labels = undone["reason_labels"].str.split("; ").explode()
    labels = labels[labels.fillna("") != ""]
    no_reason = int((undone["reason_labels"].fillna("") == "").sum())
    counts = labels.value_counts()
    top = [f"{label.rstrip('.')} ({fmt_count(n, 'row')})" for label, n in counts.head(3).items()]
    undone_rows = f"{rows_phrase(len(undone))} {agrees(len(undone), 'was', 'were')}"
    sentence = (
        f"{undone_rows} not (fully) implemented; the reasons most often given are: {fmt_list(top)}."
        if top
        else f"{undone_rows} not (fully) implemented; no reason was recognised."
    )
    if no_reason and top:
        sentence += f" {no_reason} {agrees(no_reason, 'gives', 'give')} no recognised reason."
    return sentence


def scorecard_takeaway(card: pd.DataFrame, min_rows: int = 3) -> str:
    """From :func:`analysis.criteria.institution_scorecard`: the busiest institution and the
    lowest implementation rate among institutions with at least ``min_rows`` rows."""
    if card.empty:
        return "No institution is named."
    busiest = card["total"].idxmax()
    sentence = (
        f"{busiest} is responsible for the most {ROWS[1]} ({card.loc[busiest, 'total']}), "
        f"{fmt_pct(card.loc[busiest, 'implementation_rate'])} of them implemented"
    )
    big = card[card["total"] >= min_rows]
    if len(big) > 1:
        low = big["implementation_rate"].idxmin()
        sentence += (
            f"; among the {len(big)} institutions with at least {min_rows} rows the lowest "
            f"implementation rate is {low}'s ({fmt_pct(big.loc[low, 'implementation_rate'])}, "
            f"{big.loc[low, 'implemented']} of {big.loc[low, 'total']})"
        )
    return sentence + "."


def municipal_takeaway(summary: pd.DataFrame) -> str:
    """From :func:`analysis.criteria.municipal_summary`: municipal results at a glance."""
    if summary.empty:
        return "The report gives no results per municipality."
    results = int(summary["total"].sum())
    not_done = int(summary["not_implemented"].sum())
    none_done = int((summary["implemented"] == 0).sum())
    return (
        f"{fmt_count(len(summary), 'municipality', 'municipalities')} reported "
        f"{fmt_count(results, 'result')} on municipal measures and actions; {not_done} "
        f"({fmt_pct(not_done / results)}) were not implemented, and {none_done} "
        f"{agrees(none_done, 'municipality has', 'municipalities have')} no implemented "
        f"result at all."
    )


# --- spending ---------------------------------------------------------------------------------


def budget_takeaway(budget: pd.DataFrame) -> str:
    """From :func:`analysis.spending.task_budget`: planned vs spent and the range of rates."""
    tasks = budget[budget["task"].notna()]
    planned = tasks["planned_eur"].sum(min_count=1)
    spent = tasks["spent_eur"].sum(min_count=1)
    rate = spent / planned if planned else math.nan
    sentence = (
        f"Institutions planned {fmt_eur(planned)} for the {fmt_count(len(tasks), 'task')} and "
        f"spent {fmt_eur(spent)} ({fmt_pct(rate)} of plan)"
    )
    rates = tasks.dropna(subset=["execution_rate"])
    if len(rates) > 1:
        lo = rates.loc[rates["execution_rate"].idxmin()]
        hi = rates.loc[rates["execution_rate"].idxmax()]
        sentence += (
            f"; execution ranges from {fmt_pct(lo['execution_rate'])} (task {int(lo['task'])}) "
            f"to {fmt_pct(hi['execution_rate'])} (task {int(hi['task'])})"
        )
    return sentence + "."


def totals_takeaway(check: pd.DataFrame) -> str:
    """From :func:`analysis.spending.total_check`: do the per-task figures add up?"""
    parts = []
    for r in check.itertuples():
        if pd.isna(r.stated_total_eur):
            parts.append(
                f"the per-task {r.figure} figures sum to {fmt_eur(r.sum_of_tasks_eur)} "
                "(no total is stated)"
            )
        elif bool(r.matches):
            parts.append(
                f"the per-task {r.figure} figures sum to {fmt_eur(r.sum_of_tasks_eur)}, matching "
                f"the stated total of {fmt_eur(r.stated_total_eur)} within rounding"
            )
        else:
            side = "less" if r.difference_eur < 0 else "more"
            parts.append(
                f"the per-task {r.figure} figures sum to {fmt_eur(r.sum_of_tasks_eur)}, "
                f"{fmt_eur(abs(r.difference_eur))} {side} than the stated total of "
                f"{fmt_eur(r.stated_total_eur)}"
            )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def amounts_takeaway(amounts: pd.DataFrame) -> str:
    """From :func:`analysis.spending.amounts_table`: how many amounts the annex names."""
    annex = amounts[(amounts["section"] == "annex") & ~amounts["per_month"].astype(bool)]
    if annex.empty:
        return "The annex names no amounts."
    rows = annex.loc[annex["row"] != "", "row"].nunique()
    top = annex.loc[annex["value_eur"].idxmax()]
    where = top["row"] or "no row"
    if top["municipality"]:
        where += f", {in_english(top['municipality'])}"
    return (
        f"The annex names {fmt_count(len(annex), 'amount')} for {rows_phrase(rows)}; the largest "
        f"is {fmt_eur(top['value_eur'])} ({top['kind']}, {where})."
    )


def unused_takeaway(unused: pd.DataFrame) -> str:
    """From :func:`analysis.spending.unused_funds`: unused money and whether the pandemic is why."""
    if unused.empty:
        return "The report names no unused amount."
    covid = int(unused["covid"].sum())
    rows = fmt_list(sorted({r for r in unused["row"] if r}))
    if len(unused) == 1:
        why = (
            "the pandemic is given as the reason"
            if covid
            else "the pandemic is not given as its reason"
        )
    else:
        why = f"the pandemic is given as the reason for {covid} of them"
    return (
        f"{fmt_count(len(unused), 'amount')} totalling {fmt_eur(unused['value_eur'].sum())} "
        f"{agrees(len(unused), 'is', 'are')} reported unused"
        + (f" ({rows})" if rows else "")
        + f"; {why}."
    )


# --- covid ------------------------------------------------------------------------------------


def covid_task_takeaway(by_task: pd.DataFrame) -> str:
    """From :func:`analysis.covid.covid_by` by task: how many rows cite the pandemic, and where."""
    rows = int(by_task["rows"].sum())
    covid = int(by_task["covid"].sum())
    sentence = (
        f"The pandemic is cited in {covid} of {rows_phrase(rows)} "
        f"({fmt_pct(covid / rows if rows else math.nan)})"
    )
    if covid:
        top = by_task["covid"].idxmax()
        sentence += (
            f", most often in task {top} ({by_task.loc[top, 'covid']} of "
            f"{by_task.loc[top, 'rows']})"
        )
    return sentence + "."


def covid_reasons_takeaway(reasons: pd.DataFrame) -> str:
    """From :func:`analysis.covid.reason_counts`: the pandemic among the reasons given."""
    if reasons.empty:
        return "No reasons are given for rows not (fully) implemented."
    total = int(reasons["rows"].sum())
    covid = int(reasons.loc[reasons["group"] == "pandemic", "rows"].sum())
    rank = list(reasons["reason"]).index("covid") + 1 if covid else None
    sentence = (
        f"The pandemic accounts for {covid} of the {total} reasons given for rows not (fully) "
        f"implemented ({fmt_pct(covid / total)})"
    )
    if rank == 1:
        sentence += ", the most frequent reason"
    elif rank:
        top = reasons.iloc[0]
        sentence += f"; the most frequent is {top['label'].rstrip('.')} ({top['rows']})"
    return sentence + "."


def online_takeaway(online: pd.DataFrame) -> str:
    """From :func:`analysis.covid.moved_online`: rows mentioning online activities."""
    if online.empty:
        return "No result text mentions online activities."
    plan_rows = online[online["municipality"] == ""]
    muni = online[online["municipality"] != ""]
    covid = int(online["covid"].sum())
    sentence = (
        f"{rows_phrase(len(plan_rows))} {agrees(len(plan_rows), 'mentions', 'mention')} "
        "online or remote activities"
    )
    if len(muni):
        sentence += (
            f", as {agrees(len(muni), 'does', 'do')} "
            f"{fmt_count(len(muni), 'municipal result')} from "
            f"{fmt_count(muni['municipality'].nunique(), 'municipality', 'municipalities')}"
        )
    if len(online) == 1:
        return sentence + (
            "; it also cites the pandemic." if covid else "; it does not cite the pandemic."
        )
    return (
        sentence + f"; {covid} of these {len(online)} texts also "
        f"{agrees(covid, 'cites', 'cite')} the pandemic."
    )


def covid_municipal_takeaway(cities: pd.DataFrame, municipalities: int | pd.DataFrame) -> str:
    """From :func:`analysis.covid.covid_municipalities` and the number of reporting
    municipalities (or the ``municipal`` table, whose distinct municipalities are counted)."""
    if isinstance(municipalities, pd.DataFrame):
        municipalities = int(municipalities["municipality"].nunique())
    if cities.empty:
        return (
            f"None of the {fmt_count(municipalities, 'municipality', 'municipalities')} "
            "reporting cites the pandemic."
        )
    shown = [in_english(n) for n in cities.index[:5]]
    names = (
        ", ".join(shown) + f" and {len(cities) - 5} more" if len(cities) > 5 else fmt_list(shown)
    )
    return (
        f"{len(cities)} of {fmt_count(municipalities, 'municipality', 'municipalities')} "
        f"cite the pandemic in {fmt_count(int(cities['covid'].sum()), 'result')} ({names})."
    )


def covid_share_takeaway(share: pd.DataFrame) -> str:
    """From :func:`analysis.covid.covid_share`: the share of undone work the pandemic explains."""
    total = share.loc["all"]
    if int(total["rows"]) == 0:
        return "Every measure and action was implemented."
    parts = [
        f"{int(share.loc[s, 'covid'])} of {int(share.loc[s, 'rows'])} {STATUS_PHRASES[s]}"
        for s in (NOT_IMPLEMENTED, PARTIALLY)
        if s in share.index
    ]
    return (
        f"The pandemic is cited for {int(total['covid'])} of the {rows_phrase(int(total['rows']))}"
        f" not (fully) implemented ({fmt_pct(total['share'])}): {fmt_list(parts)}."
    )
