"""The audit and the annex's achieved values arranged for reading."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from apanalysis.analysis import row_label
from apanalysis.analysis.audit.rows import num
from apanalysis.analysis.audit.verdicts import CLAIM_LABELS, IMPLEMENTED, VERDICTS


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
    """Rows with an achieved value read from their text or a flag: flagged rows first; the
    completion level (IRM scale) beside the report's own status."""
    has = measures["achieved_value"].notna() | (measures["flag"].fillna("") != "")
    rows = measures[has]
    out = pd.DataFrame(
        {
            "task": rows["task"],
            "row": [row_label(c, a) for c, a in zip(rows["code"], rows["action"], strict=True)],
            "criterion": rows["criterion"],
            "status": rows["status"],
            "completion": rows["completion"] if "completion" in rows else "",
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
        items, unachieved = num(task.get("claimed_items")), num(task.get("claimed_unachieved"))
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
