"""Readers' labels for every column and value a report shows, in one place.

Column names and coded values (``planned_eur``, ``not_implemented``, ``True``) never reach a
page: :func:`column_label` and :func:`value_label` turn them into English, keeping the
Lithuanian original beside a value where it helps ("Not implemented").

>>> column_label("planned_eur"), value_label("status", "not_implemented"), value_label("covid", True)
('Planned (EUR)', 'Not implemented (Neįgyvendinta)', 'Yes')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from apanalysis.source.document import citation
from apanalysis.vocabulary.reasons import EVIDENCE_SEPARATOR, REASONS
from apanalysis.vocabulary.status import STATUS_LITHUANIAN, STATUS_WORDS

#: English label of every column a report table shows.
COLUMN_LABELS: dict[str, str] = {
    "year": "Year",
    "task": "Task",
    "code": "Code",
    "action": "Action",
    "row": "Measure / action",
    "title": "Title (Lithuanian)",
    "title_en": "Title (English)",
    "measure_en": "Measure (English short title)",
    "acronym": "Acronym",
    "name_lt": "Name (Lithuanian)",
    "name_en": "Name (English)",
    "measure_title": "Measure (Lithuanian)",
    "institution": "Institution",
    "institutions": "Institutions",
    "institutions_raw": "Institutions (as written)",
    "criterion": "Criterion",
    "criterion_text": "Criterion",
    "target": "Target",
    "target_value": "Target",
    "target_achieved": "Target → achieved",
    "achieved": "Achieved",
    "unit": "Unit",
    "deadline": "Deadline",
    "status": "Status (report)",
    "status_raw": "Status (as written)",
    "completion": "Completion (IRM scale)",
    "evidence": "Evidence",
    "verdict": "Verdict",
    "met": "Target met",
    "flag": "Flag",
    "result": "Result (Lithuanian)",
    "reasons": "Reason codes",
    "reason_labels": "Reasons",
    "covid": "Cites COVID-19",
    "not_covid": "Does not cite COVID-19",
    **{status: words[:1].upper() + words[1:] for status, words in STATUS_WORDS.items()},
    "total": "Total",
    "implementation_rate": "Implemented (%)",
    "municipality": "Municipality",
    "municipality_en": "Municipality (English)",
    "planned_eur": "Planned (EUR)",
    "spent_eur": "Spent (EUR)",
    "allocated_eur": "Allocated (EUR)",
    "other_eur": "Other amounts (EUR)",
    "unspent_eur": "Unused (EUR)",
    "value_eur": "Amount (EUR)",
    "execution_rate": "Spent of planned (%)",
    "execution": "Spent of planned",
    "unreported_eur": "Not reported or unused (EUR)",
    "spending_note": "Note",
    "figure": "Figure",
    "tasks_with_figure": "Tasks stating it",
    "sum_of_tasks_eur": "Sum of the tasks (EUR)",
    "stated_total_eur": "Stated total (EUR)",
    "difference_eur": "Difference (EUR)",
    "matches": "Matches",
    "quote": "Quote (Lithuanian)",
    "amounts": "Amounts named",
    "section": "Section",
    "rows": "Measures and actions",
    "covid_share": "Cite COVID-19 (%)",
    "share": "Share (%)",
    "reason": "Reason",
    "label": "Reason",
    "group": "Group",
    "stems": "Words found",
    "excerpt": "Excerpt (Lithuanian)",
    "results": "Results",
    "rows_citing": "Measures citing it",
    "claim": "Claim",
    "check": "Check",
    "claimed": "Report says",
    "recomputed": "Recomputed",
    "difference": "Difference",
    "how": "How recomputed",
    "detail": "Detail",
    "achievement_rate": "Achieved of target (%)",
    "narrative_rate": "Narrative (%)",
    "reported_rate": "Annex, reported (%)",
    "assessed_rate": "Assessed (%)",
    "changed_by_evaluator": "Changed by evaluator",
    "evaluator": "Evaluator",
    "evaluator_status": "Evaluator's status",
    "evaluator_comment": "Evaluator's comment",
    "comment": "Comment",
    "source": "Source",
    "source_line": "Line",
    "source_page": "Page",
    "source_row": "Table row",
    "file": "File",
    "line": "Line",
    "problem": "Problem",
}

#: Values of the Open Government Partnership IRM completion scale.
COMPLETION_LABELS: dict[str, str] = {
    "no_evidence": "No evidence available",
    "not_started": "Not started",
    "limited": "Limited",
    "substantial": "Substantial",
    "complete": "Complete",
}
#: English labels of the statuses, with the report's own word.
STATUS_LABELS: dict[str, str] = {
    status: f"{words[0].upper()}{words[1:]} ({STATUS_LITHUANIAN[status]})"
    for status, words in STATUS_WORDS.items()
}
VERDICT_LABELS: dict[str, str] = {
    "match": "Matches",
    "mismatch": "Mismatch",
    "cannot_recompute": "Cannot be recomputed",
    "ambiguous": "Ambiguous (two readings)",
}
FLAG_LABELS: dict[str, str] = {
    "implemented_below_target": "Implemented, but below target",
    "not_implemented_but_target_met": "Not implemented, but target met",
    "implemented_but_text_says_not_done": "Implemented, but the text says not done",
}
SECTION_LABELS: dict[str, str] = {"narrative": "Narrative", "annex": "Annex"}
#: Value labels per column (a column not listed shows its values as they are).
VALUE_LABELS: dict[str, dict[str, str]] = {
    "status": STATUS_LABELS,
    "verdict": {**VERDICT_LABELS, **STATUS_LABELS},
    "assessed_status": STATUS_LABELS,
    "evaluator_status": STATUS_LABELS,
    "completion": COMPLETION_LABELS,
    "flag": FLAG_LABELS,
    "claimed": STATUS_LABELS,
    "recomputed": STATUS_LABELS,
    "reasons": REASONS,
    "section": SECTION_LABELS,
}
YES, NO = "Yes", "No"
#: (code column, label column) pairs: a table showing both shows only the label.
CODE_AND_LABEL = (("reasons", "reason_labels"), ("reason", "label"))


def column_label(name: object) -> str:
    """The reader's label of column ``name``; unknown names lose their underscores."""
    key = str(name)
    if key in COLUMN_LABELS:
        return COLUMN_LABELS[key]
    text = key.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def value_label(column: object, value: object) -> object:
    """The reader's form of ``value`` in ``column``: Yes/No for booleans, labels for coded
    values, "" for a missing value; any other value unchanged."""
    if isinstance(value, (bool, np.bool_)):
        return YES if value else NO
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    if str(column) == "evidence" and isinstance(value, str):
        return evidence_label(value)
    labels = VALUE_LABELS.get(str(column))
    if labels and isinstance(value, str):
        if ";" in value:
            return "; ".join(labels.get(v.strip(), v.strip()) for v in value.split(";"))
        return labels.get(value, value)
    return value


def evidence_label(evidence: str) -> str:
    """The ``evidence`` column for readers: each "code: sentence" item with the reason's label
    ("COVID-19 pandemic and its restrictions: Dėl …")."""
    items = []
    for item in evidence.split(EVIDENCE_SEPARATOR):
        code, sep, sentence = item.partition(": ")
        items.append(f"{REASONS[code]}: {sentence}" if sep and code in REASONS else item)
    return EVIDENCE_SEPARATOR.join(items)


def with_citation(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its ``source_line``/``source_page``/``source_row`` columns replaced by one
    "source" column ("p. N", "table row N" or "line N"); a frame without them is returned
    unchanged."""
    for code, label in CODE_AND_LABEL:  # a code column beside its labels: keep the labels
        if {code, label} <= set(df.columns):
            df = df.drop(columns=code)
    cols = [c for c in ("source_page", "source_line", "source_row") if c in df.columns]
    if "source_line" not in df.columns and "source_page" not in df.columns:
        return df
    out = df.drop(columns=cols)
    lines, pages, rows = (
        df[c] if c in df.columns else [None] * len(df)
        for c in ("source_line", "source_page", "source_row")
    )
    out["source"] = [citation(*place) for place in zip(lines, pages, rows, strict=True)]
    return out
