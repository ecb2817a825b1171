"""Per-task checks: the task's stated counts and verdict, and the items said not achieved.

Each check cites the sentence the figure was read from (the tasks table's ``*_quote`` and
``*_line`` columns); a year without those columns falls back to the task heading's line.
Counts are compared in the unit the sentence counts (:mod:`.units`). Where the sentence's list
of items reads two ways (:func:`apanalysis.vocabulary.codes.reference_readings`), the checks
that depend on the list give both results and the verdict ``ambiguous``.
"""

from __future__ import annotations

import pandas as pd

from apanalysis.analysis.audit import units
from apanalysis.analysis.audit.rows import (
    audit_row,
    basis_words,
    find_claim,
    label_list,
    num,
    resolve,
    rule_verdict,
    undone_basis,
)
from apanalysis.analysis.audit.verdicts import (
    AMBIGUOUS,
    IMPLEMENTED,
    NOT_IMPLEMENTED,
    NOT_ONLY,
    NOT_OR_PARTIALLY,
    PARTIALLY,
)
from apanalysis.vocabulary.codes import reference_readings


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _line(task: pd.Series, column: str) -> object:
    """The line of a stated figure, or the task heading's line when the table has none."""
    line = task.get(column)
    return task.get("source_line") if line is None or pd.isna(line) else line


def task_rows(task: pd.Series, measures: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    number = int(task["task"])
    rows = measures[measures["task"] == number]
    out = []
    claimed_items = num(task.get("claimed_items"))
    if claimed_items is not None:
        out.append(
            audit_row(
                "task_items",
                number,
                claimed_items,
                len(rows),
                f"Counted the annex rows of task {number}.",
                _text(task.get("claimed_items_quote")),
                _line(task, "claimed_items_line"),
                f"Annex rows: {label_list(rows)}.",
            )
        )
    out += unachieved_rows(task, rows, measures, _line(task, "claimed_unachieved_line"))
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
                _line(task, "verdict_line"),
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
    quote = _text(task.get("claimed_unachieved_quote"))
    if claimed is None:
        return []
    unit = units.unit_of(task.get("claimed_unachieved_unit"))
    basis = undone_basis(quote)
    covered = units.keys(rows[rows["status"].isin(basis)], unit)
    not_done = units.keys(rows[rows["status"] == NOT_IMPLEMENTED], unit)
    either = units.keys(rows[rows["status"].isin(NOT_OR_PARTIALLY)], unit)
    partial = units.keys(rows[rows["status"] == PARTIALLY], unit) - not_done
    if basis == NOT_ONLY:
        counted = units.words(len(partial), unit).replace(" ", " partially implemented ", 1)
        other = f"counting its {counted} too would give {len(either)}"
    else:
        other = f"its {unit} marked not implemented alone are {len(not_done)}"
    measure_rule = " (a measure counts when any of its rows does)" if unit == "measures" else ""
    out = [
        audit_row(
            "task_unachieved",
            number,
            claimed,
            len(covered),
            f"The sentence counts {unit}; counted task {number}'s annex {unit} marked "
            f"{basis_words(basis)}{measure_rule}, as its wording says; {other}.",
            quote,
            line,
            f"Not implemented: {label_list(rows[rows['status'] == NOT_IMPLEMENTED])}. "
            f"Partially implemented: {label_list(rows[rows['status'] == PARTIALLY])}.",
        )
    ]
    readings = reference_readings(quote)
    if not readings[0]:
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
    results = [_listed(refs, unit, rows, measures, covered) for refs in readings]
    hows = {
        "task_unachieved_listed": f"Counted the {unit} the same sentence lists.",
        "task_unachieved_in_annex": f"Looked up each listed {unit[:-1]} in the annex and "
        "counted those marked not or partially implemented (a measure without a row of its "
        "own stands for its action rows).",
        "task_unachieved_unlisted": f"Of task {number}'s annex {unit} marked "
        f"{basis_words(basis)}, counted those the sentence lists (claimed) against all of "
        "them (recomputed).",
    }
    for claim_id, how in hows.items():
        values = [(r[claim_id][0], r[claim_id][1], r[claim_id][2]) for r in results]
        first_claimed = claimed if claim_id == "task_unachieved_listed" else values[0][0]
        if len({value[:2] for value in values}) == 1:  # one reading, or readings that agree
            _, recomputed, detail = values[0]
            if len(values) > 1:
                how += " The sentence's list reads two ways; both give this result."
            out.append(
                audit_row(claim_id, number, first_claimed, recomputed, how, quote, line, detail)
            )
            continue
        out.append(_ambiguous_row(claim_id, number, claimed, values, how, quote, line))
    return out


READINGS_HOW = (
    " The sentence reads two ways: (A) a lone number before a plural “veiksmai” is the number "
    "of an action, as the report numbers actions; (B) it is a count of actions, as the grammar "
    "says. Both results are given."
)


def _ambiguous_row(
    claim_id: str,
    number: int,
    claimed: float,
    values: list[tuple],
    how: str,
    quote: str,
    line: object,
) -> dict:
    listed = claim_id == "task_unachieved_listed"
    claimed_value = claimed if listed else " | ".join(f"{v[0]:g}" for v in values)
    recomputed_text = " | ".join(f"{v[1]:g}" for v in values)
    detail = " ".join(f"({tag}) {v[2]}" for tag, v in zip("AB", values, strict=False))
    return audit_row(
        claim_id,
        number,
        claimed_value,
        recomputed_text,
        how + READINGS_HOW,
        quote,
        line,
        detail,
        verdict=AMBIGUOUS,
    )


def _listed(refs, unit, rows, measures, covered) -> dict[str, tuple]:
    """(claimed, recomputed, detail) of the three list checks for one reading of the list."""
    listed = units.ref_keys(refs, unit)
    by_key: dict = {}
    for ref in refs:
        by_key.setdefault(units.key(ref[0], ref[1], unit), []).append(ref)
    undone, implemented, absent, listed_rows = [], [], [], set()
    for value, group in by_key.items():
        if value is None:
            continue
        found = pd.concat([resolve(ref, measures) for ref in group])
        listed_rows.update(found.index)
        label = units.key_label(value)
        if found.empty:
            absent.append(label)
        elif found["status"].isin(NOT_OR_PARTIALLY).all():
            undone.append(label)
        else:
            implemented.append(f"{label} ({label_list(found, with_status=True)})")
    listed_covered = covered & units.keys(rows[rows.index.isin(listed_rows)], unit)
    row_keys = [units.key(c, a, unit) for c, a in zip(rows["code"], rows["action"], strict=True)]
    unlisted = rows[[k in covered - listed_covered for k in row_keys]]
    outside = pd.Series([k not in covered for k in row_keys], index=rows.index, dtype=bool)
    also = rows[rows["status"].isin(NOT_OR_PARTIALLY) & outside & ~rows.index.isin(listed_rows)]
    unlisted_detail = f"Not listed: {label_list(unlisted, with_status=True)}."
    if len(also):
        unlisted_detail += f" Also not listed: {label_list(also, with_status=True)}."
    return {
        "task_unachieved_listed": (
            None,
            len(listed),
            f"Listed: {units.labels(listed)} ({units.words(len(listed), unit)}).",
        ),
        "task_unachieved_in_annex": (
            len(listed),
            len(undone),
            f"Implemented in the annex: {', '.join(implemented) or 'none'}; not in the annex: "
            f"{', '.join(absent) or 'none'}.",
        ),
        "task_unachieved_unlisted": (
            len(listed_covered),
            len(covered),
            unlisted_detail,
        ),
    }


def task_claim_rows(number: int, rows: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    claim = find_claim(claims, "implemented_items", number)
    if claim is not None:
        unit = units.unit_of(claim.get("unit"))
        done = units.implemented_keys(rows, unit, IMPLEMENTED)
        out.append(
            audit_row(
                "implemented_items",
                number,
                claim["value"],
                len(done),
                f"The sentence counts {unit}; counted task {number}'s annex {unit} marked "
                "implemented (a measure when all of its rows are).",
                claim["quote"],
                claim["source_line"],
                f"Implemented: {units.labels(done)}.",
            )
        )
    out += _share_rows(number, rows, claims)
    return out


def _share_rows(number: int, rows: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    out = []
    implemented = int((rows["status"] == IMPLEMENTED).sum())
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
    claim = find_claim(claims, "implemented_pct", number)
    if claim is not None and len(rows):
        unit = "measures" if "measures" in str(claim.get("unit")) else "items"
        every, done = units.keys(rows, unit), units.implemented_keys(rows, unit, IMPLEMENTED)
        share = 100 * len(done) / len(every)
        out.append(
            audit_row(
                "implemented_pct",
                number,
                claim["value"],
                round(share, 1),
                f"Share of task {number}'s annex {unit} marked implemented ({len(done)} of "
                f"{len(every)}), compared after rounding to a whole percent.",
                claim["quote"],
                claim["source_line"],
                f"Implemented: {units.labels(done)}.",
                verdict="match" if round(share) == round(float(claim["value"])) else "mismatch",
            )
        )
    return out
