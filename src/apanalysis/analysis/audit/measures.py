"""Checks of the figures the narrative states about single measures.

* ``measure_target`` / ``measure_achieved``: the stated target or result of a measure vs the
  annex's ``target_value`` / ``achieved_value`` of the measure's own row (a measure without a
  row of its own, or a row without the value, cannot be recomputed).
* ``subitems_total``: a total of sub-items ("iš viso 20 priemonių ir veiksmų") under a measure
  whose results the annex gives per municipality: the municipalities' results are counted in the
  ``detail``, but they are results, not measures and actions, so the figure cannot be recomputed.
"""

from __future__ import annotations

import pandas as pd

from apanalysis.analysis.audit.rows import audit_row, num
from apanalysis.analysis.audit.verdicts import NOT_IMPLEMENTED, PARTIALLY

COLUMNS = {"measure_target": "target_value", "measure_achieved": "achieved_value"}
WORDS = {"measure_target": "target", "measure_achieved": "achieved value"}


def _code(claim: pd.Series) -> str:
    code = claim.get("code")
    return code if isinstance(code, str) else ""


def measure_rows(measures: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    """One row per ``measure_target`` / ``measure_achieved`` claim."""
    out = []
    for _, claim in claims[claims["claim"].isin(list(COLUMNS))].iterrows():
        code, column, word = _code(claim), COLUMNS[claim["claim"]], WORDS[claim["claim"]]
        own = measures[(measures["code"] == code) & measures["action"].isna()]
        value = num(own[column].iloc[0]) if len(own) and column in own else None
        if value is None:
            why = "has no row of its own" if own.empty else f"row gives no {word}"
            how = f"Measure {code} {why} in the annex, so the figure cannot be compared."
            verdict = "cannot_recompute"
        else:
            how = f"Compared with the {word} of measure {code}'s own annex row."
            verdict = None
        out.append(
            audit_row(
                claim["claim"],
                claim["task"],
                claim["value"],
                value,
                how,
                claim["quote"],
                claim["source_line"],
                verdict=verdict,
            )
        )
    return out


def subitem_rows(claims: pd.DataFrame, municipal: pd.DataFrame | None) -> list[dict]:
    """One ``cannot_recompute`` row per ``subitems_total`` claim, with what the annex holds."""
    out = []
    for _, claim in claims[claims["claim"] == "subitems_total"].iterrows():
        code = _code(claim)
        detail = ""
        if municipal is not None and "code" in municipal:
            parts = municipal[municipal["code"] == code]
            undone = parts["status"].isin([NOT_IMPLEMENTED, PARTIALLY]).sum()
            detail = (
                f"The annex gives {code} as {len(parts)} municipality results, "
                f"{int(undone)} of them not or partially implemented."
            )
        out.append(
            audit_row(
                "subitems_total",
                claim["task"],
                claim["value"],
                None,
                f"The annex gives {code}'s results per municipality, not as a count of measures "
                "and actions, so the total cannot be recounted.",
                claim["quote"],
                claim["source_line"],
                detail,
                verdict="cannot_recompute",
            )
        )
    return out
