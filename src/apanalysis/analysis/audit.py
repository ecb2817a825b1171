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
  within half a unit of the total's stated precision (50 EUR for "696,7 tūkst. Eur").
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

import math
import re
from collections.abc import Iterable

import pandas as pd

from apanalysis.analysis import STATUS_ORDER, row_label
from apanalysis.vocabulary.codes import parse_item_references
from apanalysis.vocabulary.text import fold

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
    "stated_tolerance_eur",
    "undone_basis",
]

AUDIT_COLUMNS = [
    "claim",
    "task",
    "claimed",
    "recomputed",
    "difference",
    "verdict",
    "quote",
    "source_line",
    "source_page",
    "how",
    "detail",
]
VERDICTS: tuple[str, ...] = ("mismatch", "cannot_recompute", "match")
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
}

_PASIEKT = re.compile(r"pasiekt|nepasiek")
_IGYVENDINT = re.compile(r"(?:nebuvo\s+|ne)igyvendint")


# --------------------------------------------------------------------------- helpers


def _num(value: object) -> float | None:
    """A float, or None for missing/non-numeric values."""
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _show(value: object) -> object:
    """An integral float as int, other floats rounded to 2 decimals, anything else unchanged."""
    number = _num(value)
    if number is None or isinstance(value, str):
        return value if isinstance(value, str) else None
    return int(number) if number == int(number) else round(number, 2)


def _row(
    claim: str,
    task: object,
    claimed: object,
    recomputed: object,
    how: str,
    quote: object = "",
    line: object = None,
    detail: str = "",
    verdict: str | None = None,
    tolerance: float = 0.0,
) -> dict:
    """One audit row; the verdict is computed from the numbers unless given."""
    a, b = _num(claimed), _num(recomputed)
    difference = b - a if a is not None and b is not None else math.nan
    if verdict is None:
        if isinstance(claimed, str) or isinstance(recomputed, str):
            verdict = "match" if claimed == recomputed else "mismatch"
        elif a is None or b is None:
            verdict = "cannot_recompute"
        else:
            verdict = "match" if abs(difference) <= tolerance + 1e-9 else "mismatch"
    return {
        "claim": claim,
        "task": task,
        "claimed": _show(claimed),
        "recomputed": _show(recomputed),
        "difference": difference,
        "verdict": verdict,
        "quote": "" if quote is None or (not isinstance(quote, str) and pd.isna(quote)) else quote,
        "source_line": line,
        "how": how,
        "detail": detail,
    }


def _labels(rows: pd.DataFrame) -> list[str]:
    return [row_label(c, a) for c, a in zip(rows["code"], rows["action"], strict=True)]


def _label_list(rows: pd.DataFrame, with_status: bool = False) -> str:
    if rows.empty:
        return "none"
    labels = _labels(rows)
    if with_status:
        labels = [
            f"{label} ({status.replace('_', ' ')})"
            for label, status in zip(labels, rows["status"], strict=True)
        ]
    return ", ".join(labels)


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _eur(value: float) -> str:
    return f"{value:,.0f} EUR" if value == round(value) else f"{value:,.2f} EUR"


def undone_basis(quote: str) -> tuple[str, ...]:
    """Statuses a "not achieved" sentence covers: rows not implemented when it says items were not
    implemented, rows not or partially implemented when it says criteria were not achieved (the
    first such verb decides; none found → not or partially)."""
    folded = fold(quote or "")
    pasiekt, igyvendint = _PASIEKT.search(folded), _IGYVENDINT.search(folded)
    if igyvendint and (pasiekt is None or igyvendint.start() < pasiekt.start()):
        return NOT_ONLY
    return NOT_OR_PARTIALLY


def _basis_words(basis: tuple[str, ...]) -> str:
    return "not implemented" if basis == NOT_ONLY else "not or partially implemented"


def stated_tolerance_eur(quote: str, value: float) -> tuple[float, str]:
    """Half a unit of the precision the amount ``value`` is stated with in ``quote`` and the raw
    text ("696,7 tūkst. Eur" → 50.0); 0.5 EUR when the amount is not found."""
    from apanalysis.vocabulary.money import find_money

    found = [m for m in find_money(quote or "") if math.isclose(m.value_eur, value)]
    if not found:
        return 0.5, ""
    raw = found[0].raw
    decimals = re.search(r"\d(?:[ \u00a0\u202f]?\d)*(?:,(\d+))?", raw)
    places = len(decimals.group(1)) if decimals and decimals.group(1) else 0
    folded = fold(raw)
    scale = 1_000_000 if "mln" in folded else 1000 if "tukst" in folded else 1
    return scale * 10.0**-places / 2, raw


def rule_verdict(task: pd.Series, rows: pd.DataFrame) -> tuple[str | None, str]:
    """The verdict the narrative's own rule gives a task, and one sentence saying why."""
    target, achieved = _num(task.get("criterion_target")), _num(task.get("criterion_achieved"))
    unit = task.get("criterion_unit") or ""
    unit = f" {unit}" if isinstance(unit, str) and unit else ""
    if target is not None and achieved is not None:
        met = achieved >= target
        return (
            IMPLEMENTED if met else NOT_IMPLEMENTED,
            f"Numeric criterion: achieved {achieved:g}{unit} {'≥' if met else '<'} target "
            f"{target:g}{unit}, so the rule gives {'implemented' if met else 'not implemented'}.",
        )
    n = len(rows)
    if n == 0:
        return None, "The task has no annex rows and no numeric criterion."
    k = int((rows["status"] == IMPLEMENTED).sum())
    if k == n:
        verdict = IMPLEMENTED
    elif k > n / 2:
        verdict = PARTIALLY
    else:
        verdict = NOT_IMPLEMENTED
    return verdict, (
        f"No numeric criterion: {k} of {n} annex rows implemented ({k / n:.0%}); the rule gives "
        "implemented when all are, partially when more than half are, else not implemented."
    )


def _resolve(ref: tuple[str, int | None], measures: pd.DataFrame) -> pd.DataFrame:
    """Annex rows an item reference stands for (a measure without its own row: its actions)."""
    code, action = ref
    same = measures[measures["code"] == code]
    if action is not None:
        return same[same["action"] == action]
    own = same[same["action"].isna()]
    return own if len(own) else same


# --------------------------------------------------------------------------- rules


def _claim(claims: pd.DataFrame, claim: str, task: object = None) -> pd.Series | None:
    rows = claims[claims["claim"] == claim]
    if task is None:
        rows = rows[rows["task"].isna()]
    else:
        rows = rows[rows["task"] == task]
    return rows.iloc[0] if len(rows) else None


def _report_wide(measures: pd.DataFrame, tasks: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    claim = _claim(claims, "total_items")
    if claim is not None:
        per_task = measures.groupby("task").size()
        stated = pd.to_numeric(tasks.get("claimed_items"), errors="coerce")
        detail = (
            "Annex rows per task: "
            + ", ".join(f"task {int(t)}: {n}" for t, n in per_task.items())
            + "."
        )
        if stated is not None and len(stated) and stated.notna().all():
            detail += f" The task sections' own figures add up to {int(stated.sum())}."
        out.append(
            _row(
                "total_items",
                pd.NA,
                claim["value"],
                len(measures),
                "Counted the annex's measure and action rows (a measure's own row and each action row "
                "count once).",
                claim["quote"],
                claim["source_line"],
                detail,
            )
        )
    claim = _claim(claims, "total_unimplemented")
    if claim is not None:
        basis = undone_basis(claim["quote"])
        not_done = measures[measures["status"] == NOT_IMPLEMENTED]
        partial = measures[measures["status"] == PARTIALLY]
        covered = measures[measures["status"].isin(basis)]
        if basis == NOT_ONLY:
            other = (
                f"counting the {_count(len(partial), 'partially implemented row')} too "
                f"would give {len(not_done) + len(partial)}"
            )
        else:
            other = f"the rows marked not implemented alone are {len(not_done)}"
        out.append(
            _row(
                "total_unimplemented",
                pd.NA,
                claim["value"],
                len(covered),
                f"Counted the annex rows marked {_basis_words(basis)}, as the sentence's wording "
                f"says; {other}.",
                claim["quote"],
                claim["source_line"],
                f"Not implemented: {_label_list(not_done)}. Partially implemented: "
                f"{_label_list(partial)}.",
            )
        )
    for claim_id, column, word in (
        ("total_planned_eur", "planned_eur", "planned"),
        ("total_spent_eur", "spent_eur", "spent"),
    ):
        claim = _claim(claims, claim_id)
        if claim is None:
            continue
        figures = tasks.sort_values("task")[["task", column]]
        missing = figures[figures[column].isna()]
        tolerance, raw = stated_tolerance_eur(claim["quote"], float(claim["value"]))
        parts = " + ".join(_eur(v) for v in figures[column].dropna())
        if len(missing) or figures.empty:
            out.append(
                _row(
                    claim_id,
                    pd.NA,
                    claim["value"],
                    None,
                    f"The per-task {word} amounts are incomplete (tasks without one: "
                    f"{', '.join(str(int(t)) for t in missing['task'])}), so they cannot be summed.",
                    claim["quote"],
                    claim["source_line"],
                    verdict="cannot_recompute",
                )
            )
            continue
        total = float(figures[column].sum())
        out.append(
            _row(
                claim_id,
                pd.NA,
                claim["value"],
                total,
                f"Summed the {word} amounts the task sections state, allowing ±{_eur(tolerance)} "
                f"(half a unit of the stated precision{f' of {raw!r}' if raw else ''}).",
                claim["quote"],
                claim["source_line"],
                f"{parts} = {_eur(total)}.",
                tolerance=tolerance,
            )
        )
    return out


def _task_rows(task: pd.Series, measures: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    number = int(task["task"])
    rows = measures[measures["task"] == number]
    line = task.get("source_line")
    out = []
    claimed_items = _num(task.get("claimed_items"))
    if claimed_items is not None:
        out.append(
            _row(
                "task_items",
                number,
                claimed_items,
                len(rows),
                f"Counted the annex rows of task {number} (the tasks table keeps no sentence for this "
                "figure; the line is the task heading's).",
                "",
                line,
                f"Annex rows: {_label_list(rows)}.",
            )
        )
    out += _unachieved_rows(task, rows, measures, line)
    verdict = task.get("verdict")
    if isinstance(verdict, str) and verdict:
        recomputed, how = rule_verdict(task, rows)
        out.append(
            _row(
                "task_verdict",
                number,
                verdict,
                recomputed or None,
                how,
                task.get("verdict_quote"),
                line,
                verdict=None if recomputed else "cannot_recompute",
            )
        )
    out += _task_claims(number, rows, claims)
    return out


def _unachieved_rows(
    task: pd.Series, rows: pd.DataFrame, measures: pd.DataFrame, line: object
) -> list[dict]:
    number = int(task["task"])
    claimed = _num(task.get("claimed_unachieved"))
    quote = task.get("claimed_unachieved_quote")
    quote = quote if isinstance(quote, str) else ""
    if claimed is None:
        return []
    basis = undone_basis(quote)
    covered = rows[rows["status"].isin(basis)]
    not_done = rows[rows["status"] == NOT_IMPLEMENTED]
    partial = rows[rows["status"] == PARTIALLY]
    if basis == NOT_ONLY:
        other = (
            f"counting its {_count(len(partial), 'partially implemented row')} too would "
            f"give {len(not_done) + len(partial)}"
        )
    else:
        other = f"its rows marked not implemented alone are {len(not_done)}"
    out = [
        _row(
            "task_unachieved",
            number,
            claimed,
            len(covered),
            f"Counted task {number}'s annex rows marked {_basis_words(basis)}, as the sentence's "
            f"wording says; {other}.",
            quote,
            line,
            f"Not implemented: {_label_list(not_done)}. Partially implemented: "
            f"{_label_list(partial)}.",
        )
    ]
    refs = parse_item_references(quote)
    if not refs:
        out.append(
            _row(
                "task_unachieved_listed",
                number,
                claimed,
                None,
                "The sentence lists no measure or action codes to count.",
                quote,
                line,
                verdict="cannot_recompute",
            )
        )
        return out
    labels = [row_label(c, a) for c, a in refs]
    measures_named = len({c for c, _ in refs})
    out.append(
        _row(
            "task_unachieved_listed",
            number,
            claimed,
            len(refs),
            "Counted the measure and action references the same sentence lists.",
            quote,
            line,
            f"Listed: {', '.join(labels)} ({_count(measures_named, 'distinct measure')}).",
        )
    )
    undone, implemented, absent, listed_index = [], [], [], set()
    for ref, label in zip(refs, labels, strict=True):
        found = _resolve(ref, measures)
        listed_index.update(found.index)
        if found.empty:
            absent.append(label)
        elif found["status"].isin(NOT_OR_PARTIALLY).all():
            undone.append(label)
        else:
            implemented.append(f"{label} ({_label_list(found, with_status=True)})")
    out.append(
        _row(
            "task_unachieved_in_annex",
            number,
            len(refs),
            len(undone),
            "Looked up each listed item in the annex and counted those marked not or partially "
            "implemented (a measure without a row of its own stands for its action rows).",
            quote,
            line,
            f"Implemented in the annex: {', '.join(implemented) or 'none'}; not in the annex: "
            f"{', '.join(absent) or 'none'}.",
        )
    )
    unlisted = covered[~covered.index.isin(listed_index)]
    also = rows[rows["status"].isin(NOT_OR_PARTIALLY) & ~rows.index.isin(listed_index)]
    also = also[~also.index.isin(unlisted.index)]
    detail = f"Not listed: {_label_list(unlisted, with_status=True)}."
    if len(also):
        detail += f" Also not listed: {_label_list(also, with_status=True)}."
    out.append(
        _row(
            "task_unachieved_unlisted",
            number,
            len(covered) - len(unlisted),
            len(covered),
            f"Of task {number}'s annex rows marked {_basis_words(basis)}, counted those the sentence "
            "lists (claimed) against all of them (recomputed).",
            quote,
            line,
            detail,
        )
    )
    return out


def _task_claims(number: int, rows: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    implemented = int((rows["status"] == IMPLEMENTED).sum())
    claim = _claim(claims, "implemented_items", number)
    if claim is not None:
        out.append(
            _row(
                "implemented_items",
                number,
                claim["value"],
                implemented,
                f"Counted task {number}'s annex rows marked implemented.",
                claim["quote"],
                claim["source_line"],
                f"Implemented: {_label_list(rows[rows['status'] == IMPLEMENTED])}.",
            )
        )
    claim = _claim(claims, "implemented_pct_min", number)
    if claim is not None and len(rows):
        share = 100 * implemented / len(rows)
        out.append(
            _row(
                "implemented_pct_min",
                number,
                claim["value"],
                round(share, 1),
                f"Share of task {number}'s annex rows marked implemented ({implemented} of "
                f'{len(rows)}); the claim is "more than {_num(claim["value"]):g} %".',
                claim["quote"],
                claim["source_line"],
                verdict="match" if share > float(claim["value"]) else "mismatch",
            )
        )
    return out


def _criterion_rows(tasks: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    for claim in claims[claims["claim"] == "criterion_not_met"].itertuples():
        task = tasks[tasks["task"] == claim.task]
        target = _num(task["criterion_target"].iloc[0]) if len(task) else None
        achieved = _num(task["criterion_achieved"].iloc[0]) if len(task) else None
        if target is None or achieved is None:
            out.append(
                _row(
                    "criterion_not_met",
                    claim.task,
                    claim.value,
                    None,
                    f"Task {claim.task}'s criterion has no numeric target and achieved value to "
                    "compare.",
                    claim.quote,
                    claim.source_line,
                    verdict="cannot_recompute",
                )
            )
            continue
        out.append(
            _row(
                "criterion_not_met",
                claim.task,
                claim.value,
                int(achieved < target),
                f"Compared the achieved value {achieved:g} with the target {target:g} (1 = not met).",
                claim.quote,
                claim.source_line,
            )
        )
    return out


def _tasks_partially(tasks: pd.DataFrame, measures: pd.DataFrame, claims: pd.DataFrame) -> list:
    claim = _claim(claims, "tasks_partially")
    if claim is None:
        return []
    verdicts = {
        int(t["task"]): rule_verdict(t, measures[measures["task"] == t["task"]])[0]
        for _, t in tasks.iterrows()
    }
    partial = [t for t, v in sorted(verdicts.items()) if v == PARTIALLY]
    stated = [
        int(t) for t, v in zip(tasks["task"], tasks["verdict"], strict=True) if v == PARTIALLY
    ]
    return [
        _row(
            "tasks_partially",
            pd.NA,
            claim["value"],
            len(partial),
            "Applied the narrative's own rule to every task (numeric criterion met, else the share of "
            "implemented annex rows) and counted the tasks it rates partially implemented.",
            claim["quote"],
            claim["source_line"],
            f"By the rule: tasks {', '.join(map(str, partial)) or 'none'}; by the task sections' own "
            f"verdicts: tasks {', '.join(map(str, sorted(stated))) or 'none'}.",
        )
    ]


def _task_count_rows(measures: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    tasks_in_annex = sorted(int(t) for t in measures["task"].dropna().unique())
    for claim_id in ("tasks_total", "plan_tasks"):
        claim = _claim(claims, claim_id)
        if claim is not None:
            out.append(
                _row(
                    claim_id,
                    pd.NA,
                    claim["value"],
                    len(tasks_in_annex),
                    "Counted the distinct tasks of the annex rows.",
                    claim["quote"],
                    claim["source_line"],
                    f"Tasks: {', '.join(map(str, tasks_in_annex))}.",
                )
            )
    return out


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
    "criterion_not_met",
}


def _other_claims(claims: pd.DataFrame) -> list[dict]:
    return [
        _row(
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


TASK_COLUMNS = (
    "task",
    "criterion_target",
    "criterion_achieved",
    "criterion_unit",
    "verdict",
    "verdict_quote",
    "claimed_items",
    "claimed_unachieved",
    "claimed_unachieved_quote",
    "planned_eur",
    "spent_eur",
    "source_line",
)
CLAIM_COLUMNS = ("claim", "task", "value", "quote", "source_line")


def _with_columns(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """``frame`` with any missing column added as NA (a year without tasks or claims)."""
    missing = [c for c in columns if c not in frame.columns]
    return frame.assign(**{c: pd.NA for c in missing}) if missing else frame


def audit(data) -> pd.DataFrame:
    """One row per narrative claim checked against the annex (see the module docstring)."""
    measures = data.measures
    tasks = _with_columns(data.tasks, TASK_COLUMNS)
    claims = _with_columns(data.claims, CLAIM_COLUMNS)
    rows = _report_wide(measures, tasks, claims)
    rows += _task_count_rows(measures, claims) + _tasks_partially(tasks, measures, claims)
    for _, task in tasks.sort_values("task").iterrows():
        rows += _task_rows(task, measures, claims)
    rows += _criterion_rows(tasks, claims) + _other_claims(claims)
    out = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    out["task"] = pd.array(pd.to_numeric(out["task"]), dtype="Int64")
    out["source_line"] = pd.array(pd.to_numeric(out["source_line"]), dtype="Int64")
    out["source_page"] = _pages(out["source_line"], tasks, claims)
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


# --------------------------------------------------------------------------- views


def audit_view(audit_table: pd.DataFrame) -> pd.DataFrame:
    """The audit for reading: mismatches first, then what cannot be recomputed, then matches
    (report order within each), with an English ``check`` label."""
    order = {verdict: i for i, verdict in enumerate(VERDICTS)}
    out = audit_table.copy()
    out.insert(1, "check", out["claim"].map(lambda c: CLAIM_LABELS.get(c, c.replace("_", " "))))
    out["_order"] = out["verdict"].map(order)
    out = out.sort_values(["_order", "source_line", "task"], kind="stable", na_position="last")
    return out.drop(columns="_order").reset_index(drop=True)


def achieved_rows(measures: pd.DataFrame) -> pd.DataFrame:
    """Rows with an achieved value read from their text or a flag: flagged rows first."""
    has = measures["achieved_value"].notna() | (measures["flag"].fillna("") != "")
    rows = measures[has]
    out = pd.DataFrame(
        {
            "task": rows["task"],
            "row": [row_label(c, a) for c, a in zip(rows["code"], rows["action"], strict=True)],
            "criterion": rows["criterion"],
            "status": rows["status"],
            "target": rows["target_value"].astype(float),
            "achieved": rows["achieved_value"].astype(float),
            "achievement_rate": rows["achievement_ratio"].astype(float),
            "flag": rows["flag"].fillna(""),
            "quote": rows["achieved_quote"].fillna(""),
            "source_line": rows["source_line"],
        }
    )
    out["_flagged"] = out["flag"] == ""
    out = out.sort_values(["_flagged", "source_line"], kind="stable")
    return out.drop(columns="_flagged").reset_index(drop=True)


def _rate(statuses: Iterable[str]) -> float:
    statuses = list(statuses)
    return sum(s == IMPLEMENTED for s in statuses) / len(statuses) if statuses else math.nan


def implementation_rates(
    tasks: pd.DataFrame, measures: pd.DataFrame, status_column: str = "assessed_status"
) -> pd.DataFrame:
    """Implementation rate per task three ways: ``narrative_rate`` (what the narrative implies:
    (items − not achieved) / items), ``reported_rate`` (annex rows marked implemented) and
    ``assessed_rate`` (``status_column``, e.g. the evaluator's status; the reported one if the
    column is absent)."""
    assessed_column = status_column if status_column in measures.columns else "status"
    rows = []
    for _, task in tasks.sort_values("task").iterrows():
        number = int(task["task"])
        part = measures[measures["task"] == number]
        items, unachieved = _num(task.get("claimed_items")), _num(task.get("claimed_unachieved"))
        narrative = (items - unachieved) / items if items and unachieved is not None else math.nan
        rows.append(
            {
                "task": number,
                "rows": len(part),
                "narrative_rate": narrative,
                "reported_rate": _rate(part["status"]),
                "assessed_rate": _rate(part[assessed_column]),
                "changed_by_evaluator": int((part["status"] != part[assessed_column]).sum()),
            }
        )
    return pd.DataFrame(rows)
