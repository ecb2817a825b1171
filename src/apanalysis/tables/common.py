"""What the column spec is written with: shared values, rules and columns (see :mod:`.spec`)."""

from __future__ import annotations

from apanalysis.tables.fields import Column, Rule, ge, isin, matches
from apanalysis.vocabulary.status import STATUSES

CODE_PATTERN = r"^\d{2}\.\d{2}\.\d{2}$"
#: Separator of the lists inside one cell (institutions, reasons, target values).
LIST_SEPARATOR = ";"
LINE_KINDS = ("layout", "task", "row", "continuation")
#: Verdicts of the audit, worst first (the audit package names each: analysis/audit/verdicts.py).
AUDIT_VERDICTS = ("mismatch", "ambiguous", "cannot_recompute", "match")
SECTIONS = ("narrative", "annex")

NONEMPTY = Rule("nonempty")
CODE = matches(CODE_PATTERN)
POSITIVE = ge(1)
NON_NEGATIVE = ge(0)

C = Column


def source_page(where: str) -> Column:
    """The PDF page column; ``where`` says what it is the page of."""
    meaning = f"page {where}: 1-based page of the PDF (empty for text and Word)"
    return C("source_page", "Int64", meaning, "12", POSITIVE)


def source_row(where: str) -> Column:
    """The Word table row column; ``where`` says what it is the row of."""
    meaning = f"table row {where}: row of the Word annex table, header rows counted (empty for text and PDF)"
    return C("source_row", "Int64", meaning, "14", POSITIVE)


YEAR = C("year", "int64", "report year (from the folder)", "2020", ge(1900))
STATUS_RULE = isin(*STATUSES)
