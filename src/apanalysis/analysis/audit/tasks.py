"""Per-task checks: the task's stated counts and verdict, and the items said not achieved."""

from __future__ import annotations

import pandas as pd

from apanalysis.analysis import row_label
from apanalysis.analysis.audit.rows import (
    audit_row,
    basis_words,
    count_words,
    find_claim,
    label_list,
    num,
    resolve,
    rule_verdict,
    undone_basis,
)
from apanalysis.analysis.audit.verdicts import (
    IMPLEMENTED,
    NOT_IMPLEMENTED,
    NOT_ONLY,
    NOT_OR_PARTIALLY,
    PARTIALLY,
)
from apanalysis.vocabulary.codes import parse_item_references


def task_rows(task: pd.Series, measures: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    number = int(task["task"])
    rows = measures[measures["task"] == number]
    line = task.get("source_line")
    out = []
    claimed_items = num(task.get("claimed_items"))
    if claimed_items is not None:
        out.append(
            audit_row(
                "task_items",
                number,
                claimed_items,
                len(rows),
                f"Counted the annex rows of task {number} (the tasks table keeps no sentence for this "
                "figure; the line is the task heading's).",
                "",
                line,
                f"Annex rows: {label_list(rows)}.",
            )
        )
    out += unachieved_rows(task, rows, measures, line)
    verdict = task.get("verdict")
    if isinstance(verdict, str) and verdict:
        recomputed, how = rule_verdict(task, rows)
        out.append(
            audit_row(
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
    out += task_claim_rows(number, rows, claims)
    return out


def unachieved_rows(
    task: pd.Series, rows: pd.DataFrame, measures: pd.DataFrame, line: object
) -> list[dict]:
    number = int(task["task"])
    claimed = num(task.get("claimed_unachieved"))
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
            f"counting its {count_words(len(partial), 'partially implemented row')} too would "
            f"give {len(not_done) + len(partial)}"
        )
    else:
        other = f"its rows marked not implemented alone are {len(not_done)}"
    out = [
        audit_row(
            "task_unachieved",
            number,
            claimed,
            len(covered),
            f"Counted task {number}'s annex rows marked {basis_words(basis)}, as the sentence's "
            f"wording says; {other}.",
            quote,
            line,
            f"Not implemented: {label_list(not_done)}. Partially implemented: "
            f"{label_list(partial)}.",
        )
    ]
    refs = parse_item_references(quote)
    if not refs:
        out.append(
            audit_row(
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
        audit_row(
            "task_unachieved_listed",
            number,
            claimed,
            len(refs),
            "Counted the measure and action references the same sentence lists.",
            quote,
            line,
            f"Listed: {', '.join(labels)} ({count_words(measures_named, 'distinct measure')}).",
        )
    )
    undone, implemented, absent, listed_index = [], [], [], set()
    for ref, label in zip(refs, labels, strict=True):
        found = resolve(ref, measures)
        listed_index.update(found.index)
        if found.empty:
            absent.append(label)
        elif found["status"].isin(NOT_OR_PARTIALLY).all():
            undone.append(label)
        else:
            implemented.append(f"{label} ({label_list(found, with_status=True)})")
    out.append(
        audit_row(
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
    detail = f"Not listed: {label_list(unlisted, with_status=True)}."
    if len(also):
        detail += f" Also not listed: {label_list(also, with_status=True)}."
    out.append(
        audit_row(
            "task_unachieved_unlisted",
            number,
            len(covered) - len(unlisted),
            len(covered),
            f"Of task {number}'s annex rows marked {basis_words(basis)}, counted those the sentence "
            "lists (claimed) against all of them (recomputed).",
            quote,
            line,
            detail,
        )
    )
    return out


def task_claim_rows(number: int, rows: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    implemented = int((rows["status"] == IMPLEMENTED).sum())
    claim = find_claim(claims, "implemented_items", number)
    if claim is not None:
        out.append(
            audit_row(
                "implemented_items",
                number,
                claim["value"],
                implemented,
                f"Counted task {number}'s annex rows marked implemented.",
                claim["quote"],
                claim["source_line"],
                f"Implemented: {label_list(rows[rows['status'] == IMPLEMENTED])}.",
            )
        )
    claim = find_claim(claims, "implemented_pct_min", number)
    if claim is not None and len(rows):
        share = 100 * implemented / len(rows)
        out.append(
            audit_row(
                "implemented_pct_min",
                number,
                claim["value"],
                round(share, 1),
                f"Share of task {number}'s annex rows marked implemented ({implemented} of "
                f'{len(rows)}); the claim is "more than {num(claim["value"]):g} %".',
                claim["quote"],
                claim["source_line"],
                verdict="match" if share > float(claim["value"]) else "mismatch",
            )
        )
    return out
