"""The audit's vocabulary: its columns, its verdicts, the names of its checks, and why a claim
cannot be recomputed. The one list of verdicts is :data:`VERDICTS`."""

from __future__ import annotations

import re

from apanalysis.analysis import STATUS_ORDER
from apanalysis.tables.spec import AUDIT_VERDICTS, COLUMNS

#: The audit table's columns, from the column spec (tables/spec_records.py).
AUDIT_COLUMNS = COLUMNS["audit"]
#: The verdicts, in the order the audit is read (worst first): ``mismatch`` (the annex gives
#: another figure), ``ambiguous`` (the sentence reads two ways and the readings give different
#: results: both are shown), ``cannot_recompute`` (no table holds what the figure counts),
#: ``match``.
VERDICTS: tuple[str, ...] = AUDIT_VERDICTS  # the column's spec lists them once
MISMATCH, AMBIGUOUS, CANNOT_RECOMPUTE_VERDICT, MATCH = VERDICTS
IMPLEMENTED, PARTIALLY, NOT_IMPLEMENTED = STATUS_ORDER
NOT_ONLY: tuple[str, ...] = (NOT_IMPLEMENTED,)
NOT_OR_PARTIALLY: tuple[str, ...] = (NOT_IMPLEMENTED, PARTIALLY)

#: Why a claim cannot be recomputed from the tables.
CANNOT_RECOMPUTE: dict[str, str] = {
    "plan_measures": "The figure covers the whole 2020–2022 plan, while the annex lists only the "
    "rows due this year.",
    "plan_institutions": "The plan's implementing institutions over 2020–2022 are not a table; "
    "the annex names only those responsible for this year's rows.",
    "commission_years": "The Commission's history is not in the annex.",
    "commission_meetings": "The Commission's meetings since 2016 are not in the annex.",
    "commission_assignments": "The Commission's assignments since 2016 are not in the annex.",
    "commission_new_assignments": "The Commission's new assignments are not in the annex.",
    "trained_consultants": "The number of trained consultants is not in the annex.",
    "tasks_criterion_not_met": "Only numeric task criteria can be checked, and some tasks "
    "have a qualitative criterion (a positive assessment).",
}
DEFAULT_REASON = "No rule recomputes this claim from the annex."

#: Short English names of the checks (for tables and findings).
CLAIM_LABELS: dict[str, str] = {
    "total_items": "measures and actions in the plan",
    "total_unimplemented": "measures and actions not implemented",
    "total_planned_eur": "total planned funds",
    "total_spent_eur": "total funds spent",
    "tasks_partially": "tasks partially implemented",
    "tasks_total": "tasks in the plan",
    "plan_tasks": "tasks in the plan",
    "task_items": "measures and actions of the task",
    "task_unachieved": "measures and actions of the task not achieved",
    "task_unachieved_listed": "count not achieved vs the items listed",
    "task_unachieved_in_annex": "listed items that are not (fully) implemented in the annex",
    "task_unachieved_unlisted": "undone annex rows the narrative lists",
    "task_verdict": "task verdict",
    "implemented_items": "measures implemented",
    "implemented_pct_min": "share of rows implemented (minimum stated)",
    "criterion_not_met": "task criterion not met",
    "implemented_pct": "share of measures implemented",
    "measure_target": "a measure's target, as the narrative states it",
    "measure_achieved": "a measure's result, as the narrative states it",
    "subitems_total": "measures and actions counted in a measure's results",
    "tasks_criterion_not_met": "tasks whose criterion was not met",
    "plan_measures": "measures and actions of the whole plan (2020–2022)",
    "plan_institutions": "institutions implementing the plan",
    "commission_years": "years the Commission has worked",
    "commission_meetings": "Commission meetings since 2016",
    "commission_assignments": "Commission assignments since 2016",
    "commission_new_assignments": "new assignments of the Commission",
    "trained_consultants": "consultants trained",
}

_PASIEKT = re.compile(r"pasiekt|nepasiek")
_IGYVENDINT = re.compile(r"(?:nebuvo\s+|ne)igyvendint")
