"""Independent assessment: every number the narrative states, recomputed from the annex.

``audit(data)`` takes a year's tables (anything with ``measures``, ``tasks`` and ``claims``
frames, such as :class:`apanalysis.tables.assemble.YearData`) and returns one row per check:

``claim`` (id), ``task`` (NA for report-wide), ``claimed`` (the narrative's figure or verdict),
``recomputed`` (from the annex rows or the task figures), ``difference`` (recomputed − claimed,
numbers only), ``verdict`` (``match`` | ``mismatch`` | ``cannot_recompute``), ``quote`` and
``source_line`` (the narrative sentence; for a task's own figures the tasks table keeps no
sentence line, so it is the task heading's line), ``how`` (one sentence: how it was recomputed)
and ``detail`` (what was found: the items behind the numbers).

Rules:

* ``total_items``/``task_items``: the stated number of measures and actions vs the annex rows (a
  measure's own row and each action row count once).
* ``total_unimplemented``/``task_unachieved``: the stated number vs the annex rows the same words
  cover. A sentence that says items were *not implemented* ("nebuvo įgyvendinti") is compared with
  the rows marked not implemented; one that says *criteria were not achieved* ("kriterijai nebuvo
  pasiekti", "nepavyko pasiekti") with the rows not or partially implemented (the narrative itself
  counts a partially implemented row there: "01.01.05 priemonė (įgyvendinta iš dalies)").
  ``how`` says what the other reading would give.
* ``task_unachieved_listed``: the stated number vs the items the same sentence lists
  (:func:`apanalysis.vocabulary.codes.parse_item_references`).
* ``task_unachieved_in_annex``: how many listed items are rows not or partially implemented in the
  annex (a listed measure without a row of its own stands for its action rows).
* ``task_unachieved_unlisted``: how many of the rows the sentence covers it actually lists.
* ``total_planned_eur``/``total_spent_eur``: the stated total vs the sum of the task figures,
  within :func:`apanalysis.analysis.tolerances.sum_tolerance_eur` (EUR 50 of rounding per task
  figure and for the total: EUR 250 for four tasks), the same tolerance as
  :func:`apanalysis.analysis.spending.total_check`.
* ``task_verdict`` and ``tasks_partially``: the narrative's own rule. A numeric criterion is met
  when achieved ≥ target (implemented, else not implemented); otherwise a task whose annex rows
  are all implemented is implemented, more than half → partially implemented, else not
  implemented.
* ``implemented_items``/``implemented_pct_min``: implemented annex rows (count or share) of the
  task. ``tasks_total``/``plan_tasks``: tasks in the annex. ``criterion_not_met``: numeric
  criteria only.
* Every other claim: ``cannot_recompute`` with the reason in ``how``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from apanalysis.analysis.audit.measures import measure_rows, subitem_rows
from apanalysis.analysis.audit.rows import (
    audit_row,
    rule_verdict,
    undone_basis,
)
from apanalysis.analysis.audit.tasks import task_rows
from apanalysis.analysis.audit.totals import (
    criterion_rows,
    report_wide_rows,
    task_count_rows,
    tasks_partially_rows,
)
from apanalysis.analysis.audit.verdicts import (
    AUDIT_COLUMNS,
    CANNOT_RECOMPUTE,
    CLAIM_LABELS,
    DEFAULT_REASON,
    VERDICTS,
)
from apanalysis.analysis.audit.views import achieved_rows, audit_view, implementation_rates
from apanalysis.tables.spec import COLUMNS

__all__ = [
    "AUDIT_COLUMNS",
    "CANNOT_RECOMPUTE",
    "CLAIM_LABELS",
    "VERDICTS",
    "achieved_rows",
    "audit",
    "audit_view",
    "implementation_rates",
    "rule_verdict",
    "undone_basis",
]

HANDLED = {
    "total_items",
    "total_unimplemented",
    "total_planned_eur",
    "total_spent_eur",
    "tasks_partially",
    "tasks_total",
    "plan_tasks",
    "implemented_items",
    "implemented_pct_min",
    "implemented_pct",
    "criterion_not_met",
    "measure_target",
    "measure_achieved",
    "subitems_total",
}


def _other_claims(claims: pd.DataFrame) -> list[dict]:
    return [
        audit_row(
            c.claim,
            c.task,
            c.value,
            None,
            CANNOT_RECOMPUTE.get(c.claim, DEFAULT_REASON),
            c.quote,
            c.source_line,
            verdict="cannot_recompute",
        )
        for c in claims.itertuples()
        if c.claim not in HANDLED
    ]


#: The columns the rules read: the tables' own, from the column spec (a year without tasks or
#: claims gets them empty).
TASK_COLUMNS = tuple(COLUMNS["tasks"])
CLAIM_COLUMNS = tuple(COLUMNS["claims"])


def _with_columns(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """``frame`` with any missing column added as NA (a year without tasks or claims)."""
    missing = [c for c in columns if c not in frame.columns]
    return frame.assign(**{c: pd.NA for c in missing}) if missing else frame


def audit(data) -> pd.DataFrame:
    """One row per narrative claim checked against the annex (see the module docstring)."""
    measures = data.measures
    tasks = _with_columns(data.tasks, TASK_COLUMNS)
    claims = _with_columns(data.claims, CLAIM_COLUMNS)
    rows = report_wide_rows(measures, tasks, claims)
    rows += task_count_rows(measures, claims) + tasks_partially_rows(tasks, measures, claims)
    for _, task in tasks.sort_values("task").iterrows():
        rows += task_rows(task, measures, claims)
    rows += criterion_rows(tasks, claims) + measure_rows(measures, claims)
    rows += subitem_rows(claims, getattr(data, "municipal", None)) + _other_claims(claims)
    out = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    out["task"] = pd.array(pd.to_numeric(out["task"]), dtype="Int64")
    out["source_line"] = pd.array(pd.to_numeric(out["source_line"]), dtype="Int64")
    out["source_page"] = _pages(out["source_line"], data.tasks, data.claims)
    out["difference"] = out["difference"].astype(float)
    for column in ("claimed", "recomputed"):
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    out = out.sort_values(["source_line", "task"], kind="stable", na_position="last")
    return out.reset_index(drop=True)


def _pages(lines: pd.Series, *frames: pd.DataFrame) -> pd.arrays.IntegerArray:
    """The PDF page of each cited line, from the tables whose rows start there (NA for a text
    or Word report, where rows carry no page)."""
    page_of: dict[int, int] = {}
    for frame in frames:
        if "source_page" not in frame.columns:
            continue
        for line, page in zip(frame["source_line"], frame["source_page"], strict=True):
            if not pd.isna(line) and not pd.isna(page):
                page_of.setdefault(int(line), int(page))
    pages = [pd.NA if pd.isna(line) else page_of.get(int(line), pd.NA) for line in lines]
    return pd.array(pages, dtype="Int64")
