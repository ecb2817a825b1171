"""The plan's names and the titles of the reports built from it (each written once here).

>>> report_title("criteria", 2020)
'Action Plan against Trafficking in Human Beings — criteria and statuses, 2020'
"""

from __future__ import annotations

#: The plan's English title, as the reports and the index name it.
PLAN_TITLE = "Action Plan against Trafficking in Human Beings"
#: The plan's own (Lithuanian) title, as the annual report names it.
PLAN_TITLE_LT = "Kovos su prekyba žmonėmis veiksmų planas"

#: What each report is about, after the plan's title ("{year}"/"{years}" filled in).
REPORT_SUBJECTS: dict[str, str] = {
    "criteria": "criteria and statuses, {year}",
    "spending": "budgets and spending, {year}",
    "covid": "the COVID-19 pandemic, {year}",
    "assessment": "independent assessment, {year}",
    "trends": "trends across years, {years}",
    "index": "implementation reports",
}
#: Full titles of the reports ("{year}"/"{years}" filled in by :func:`report_title`).
REPORT_TITLES: dict[str, str] = {
    kind: f"{PLAN_TITLE} — {subject}" for kind, subject in REPORT_SUBJECTS.items()
}


def report_title(kind: str, year: object = None) -> str:
    """The title of report ``kind`` ("criteria", "trends" …) for ``year`` (or a years label)."""
    return REPORT_TITLES[kind].format(year=year, years=year)
