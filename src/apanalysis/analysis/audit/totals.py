"""Report-wide checks: items, not implemented, money totals, task counts, tasks partially
implemented, and the task criteria said not to be met."""

from __future__ import annotations

import pandas as pd

from apanalysis.analysis.audit.rows import (
    audit_row,
    basis_words,
    count_words,
    eur,
    find_claim,
    label_list,
    num,
    rule_verdict,
    stated_tolerance_eur,
    undone_basis,
)
from apanalysis.analysis.audit.verdicts import NOT_IMPLEMENTED, NOT_ONLY, PARTIALLY


def report_wide_rows(
    measures: pd.DataFrame, tasks: pd.DataFrame, claims: pd.DataFrame
) -> list[dict]:
    out = []
    claim = find_claim(claims, "total_items")
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
            audit_row(
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
    claim = find_claim(claims, "total_unimplemented")
    if claim is not None:
        basis = undone_basis(claim["quote"])
        not_done = measures[measures["status"] == NOT_IMPLEMENTED]
        partial = measures[measures["status"] == PARTIALLY]
        covered = measures[measures["status"].isin(basis)]
        if basis == NOT_ONLY:
            other = (
                f"counting the {count_words(len(partial), 'partially implemented row')} too "
                f"would give {len(not_done) + len(partial)}"
            )
        else:
            other = f"the rows marked not implemented alone are {len(not_done)}"
        out.append(
            audit_row(
                "total_unimplemented",
                pd.NA,
                claim["value"],
                len(covered),
                f"Counted the annex rows marked {basis_words(basis)}, as the sentence's wording "
                f"says; {other}.",
                claim["quote"],
                claim["source_line"],
                f"Not implemented: {label_list(not_done)}. Partially implemented: "
                f"{label_list(partial)}.",
            )
        )
    for claim_id, column, word in (
        ("total_planned_eur", "planned_eur", "planned"),
        ("total_spent_eur", "spent_eur", "spent"),
    ):
        claim = find_claim(claims, claim_id)
        if claim is None:
            continue
        figures = tasks.sort_values("task")[["task", column]]
        missing = figures[figures[column].isna()]
        tolerance, raw = stated_tolerance_eur(claim["quote"], float(claim["value"]))
        parts = " + ".join(eur(v) for v in figures[column].dropna())
        if len(missing) or figures.empty:
            out.append(
                audit_row(
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
            audit_row(
                claim_id,
                pd.NA,
                claim["value"],
                total,
                f"Summed the {word} amounts the task sections state, allowing ±{eur(tolerance)} "
                f"(half a unit of the stated precision{f' of {raw!r}' if raw else ''}).",
                claim["quote"],
                claim["source_line"],
                f"{parts} = {eur(total)}.",
                tolerance=tolerance,
            )
        )
    return out


def criterion_rows(tasks: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    for claim in claims[claims["claim"] == "criterion_not_met"].itertuples():
        task = tasks[tasks["task"] == claim.task]
        target = num(task["criterion_target"].iloc[0]) if len(task) else None
        achieved = num(task["criterion_achieved"].iloc[0]) if len(task) else None
        if target is None or achieved is None:
            out.append(
                audit_row(
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
            audit_row(
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


def tasks_partially_rows(tasks: pd.DataFrame, measures: pd.DataFrame, claims: pd.DataFrame) -> list:
    claim = find_claim(claims, "tasks_partially")
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
        audit_row(
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


def task_count_rows(measures: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    tasks_in_annex = sorted(int(t) for t in measures["task"].dropna().unique())
    for claim_id in ("tasks_total", "plan_tasks"):
        claim = find_claim(claims, claim_id)
        if claim is not None:
            out.append(
                audit_row(
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
