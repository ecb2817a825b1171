"""English findings of the independent assessment, computed from the audit and the measures.

Each function returns plain-text sentences (never typed numbers);
:func:`apanalysis.presentation.display.takeaway` or :func:`apanalysis.presentation.assessment_display.findings_markdown`
escapes them for Markdown.
"""

from __future__ import annotations

import math

import pandas as pd

from apanalysis.analysis.audit import CLAIM_LABELS
from apanalysis.formats import agrees, fmt_count, fmt_eur, fmt_number, fmt_pct
from apanalysis.presentation.takeaways import fmt_list, rows_phrase
from apanalysis.source.document import citation
from apanalysis.vocabulary.status import STATUS_WORDS

__all__ = [
    "achieved_finding",
    "assessment_finding",
    "audit_summary",
    "findings",
    "mismatch_sentence",
    "mismatch_sentences",
    "rates_finding",
]

#: Where each check's recomputed figure comes from (default: "the annex gives").
RECOMPUTED_FROM = {
    "task_unachieved_listed": "the same sentence lists",
    "task_unachieved_in_annex": "of the items it lists, the annex marks not (fully) implemented",
    "task_unachieved_unlisted": "of the rows the annex marks undone, the sentence lists",
    "task_verdict": "its own rule applied to the annex gives",
    "tasks_partially": "its own rule applied to the annex gives",
    "total_planned_eur": "the task sections' figures add up to",
    "total_spent_eur": "the task sections' figures add up to",
}
FLAG_WORDS = {
    "implemented_below_target": "marked implemented although the achieved value is below target",
    "not_implemented_but_target_met": "marked not (fully) implemented although the achieved "
    "value reaches the target",
    "implemented_but_text_says_not_done": "marked implemented although its text says the work "
    "was not done",
}


def _value(value: object, claim: str) -> str:
    if isinstance(value, str):
        return STATUS_WORDS.get(value, value)
    if value is None or pd.isna(value):
        return "n/a"
    if claim.endswith("_eur"):
        return fmt_eur(float(value))
    if claim.endswith("_pct_min"):
        return f"{fmt_number(float(value))} %"
    return fmt_number(float(value))


def audit_summary(audit: pd.DataFrame) -> str:
    """How many checks match, do not match, or cannot be recomputed."""
    counts = audit["verdict"].value_counts()
    matches, mismatches = int(counts.get("match", 0)), int(counts.get("mismatch", 0))
    return (
        f"The audit made {fmt_count(len(audit), 'check')} of the narrative's figures: "
        f"{matches} {agrees(matches, 'matches', 'match')} the annex, "
        f"{mismatches} {agrees(mismatches, 'does', 'do')} not, "
        f"and {int(counts.get('cannot_recompute', 0))} cannot be recomputed from the tables."
    )


def mismatch_sentence(row: pd.Series) -> str:
    """One mismatch as a sentence: what the narrative says and what the annex gives."""
    claim = str(row["claim"])
    label = CLAIM_LABELS.get(claim, claim.replace("_", " "))
    where = "" if pd.isna(row["task"]) else f"Task {int(row['task'])}, "
    subject = f"{where}{label}" if where else label[:1].upper() + label[1:]
    cited = citation(row.get("source_line"), row.get("source_page"))
    line = f" ({cited})" if cited else ""
    claimed, recomputed = _value(row["claimed"], claim), _value(row["recomputed"], claim)
    if claim == "task_unachieved_in_annex":
        return (
            f"{subject}: of the {claimed} items the narrative lists, the annex marks "
            f"{recomputed} not or partially implemented{line}."
        )
    if claim == "task_unachieved_unlisted":
        return (
            f"{subject}: the narrative lists {claimed} of the {recomputed} rows the annex "
            f"marks undone{line}."
        )
    source = RECOMPUTED_FROM.get(claim, "the annex gives")
    return f"{subject}: the narrative says {claimed}, {source} {recomputed}{line}."


def mismatch_sentences(audit: pd.DataFrame) -> list[str]:
    """Every mismatch as a sentence, in report order."""
    return [mismatch_sentence(row) for _, row in audit[audit["verdict"] == "mismatch"].iterrows()]


def achieved_finding(measures: pd.DataFrame) -> str:
    """How many rows an achieved value was read for, and which contradict their status."""
    read = int(measures["achieved_value"].notna().sum())
    flagged = measures[measures["flag"].fillna("") != ""]
    sentence = (
        f"An achieved value could be read from the result text for {read} of "
        f"{rows_phrase(len(measures))} (only where one number clearly counts the criterion's "
        "noun)"
    )
    if flagged.empty:
        return sentence + "; none of them contradicts the reported status."
    parts = []
    for row in flagged.itertuples():
        label = row.code if pd.isna(row.action) else f"{row.code} a{int(row.action)}"
        parts.append(f"{label} is {FLAG_WORDS.get(row.flag, row.flag)}")
    return (
        sentence
        + f"; {fmt_count(len(flagged), 'row')} "
        + f"{agrees(len(flagged), 'contradicts', 'contradict')} the status: "
        + (fmt_list(parts) + ".")
    )


def rates_finding(rates: pd.DataFrame) -> str:
    """The task whose implementation rate the narrative states most differently from the annex."""
    known = rates.dropna(subset=["narrative_rate", "reported_rate"])
    if known.empty:
        return "The narrative gives no per-task counts to compare with the annex."
    gaps = (known["narrative_rate"] - known["reported_rate"]).abs()
    top = known.loc[gaps.idxmax()]
    return (
        f"The narrative's own counts imply the largest difference from the annex for task "
        f"{int(top['task'])}: {fmt_pct(top['narrative_rate'])} of its measures and actions "
        f"implemented by the narrative against {fmt_pct(top['reported_rate'])} of "
        f"{rows_phrase(int(top['rows']))} marked implemented in the annex."
    )


def assessment_finding(assessment: pd.DataFrame | None, assessed: pd.DataFrame, year: int) -> str:
    """Whether an evaluator's assessment exists and what it changed."""
    if assessment is None:
        return (
            f"No evaluator assessment exists for {int(year)} (running apanalysis annotate --year "
            f"{int(year)} writes a template), so the assessed statuses are the reported ones."
        )
    changed = assessed[assessed["assessed_status"] != assessed["status"]]
    evaluators = sorted({e for e in assessment["evaluator"] if e})
    who = f" by {fmt_list(evaluators)}" if evaluators else ""
    if changed.empty:
        return (
            f"The evaluator's assessment{who} covers {rows_phrase(len(assessment))} and keeps "
            "every reported status."
        )
    before = (changed["status"] == "implemented").sum()
    after = (changed["assessed_status"] == "implemented").sum()
    return (
        f"The evaluator's assessment{who} changes the status of "
        f"{rows_phrase(len(changed))}; implemented rows go from "
        f"{int((assessed['status'] == 'implemented').sum())} to "
        f"{int((assessed['status'] == 'implemented').sum() - before + after)}."
    )


def findings(
    audit: pd.DataFrame,
    assessed: pd.DataFrame,
    rates: pd.DataFrame,
    assessment: pd.DataFrame | None,
    year: int,
) -> list[str]:
    """The assessment's findings: the audit summary, every mismatch, achieved values and flags,
    the implementation-rate gap and the evaluator's assessment."""
    out = [audit_summary(audit), *mismatch_sentences(audit), achieved_finding(assessed)]
    out.append(rates_finding(rates))
    money = audit[audit["claim"].isin(["total_planned_eur", "total_spent_eur"])]
    for row in money.itertuples():
        if row.verdict == "match" and not math.isnan(row.difference) and row.difference != 0:
            out.append(
                f"{CLAIM_LABELS[row.claim][:1].upper()}{CLAIM_LABELS[row.claim][1:]}: the "
                f"task figures add up to {fmt_eur(float(row.recomputed))}, within the rounding "
                f"of the stated {fmt_eur(float(row.claimed))}."
            )
    out.append(assessment_finding(assessment, assessed, year))
    return out
