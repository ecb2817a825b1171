"""The spec of the tables that record the reading and the audit: caveats, audit, problems,
lines (the tables of the report's content are in :mod:`.spec`, which lists them all)."""

from __future__ import annotations

from apanalysis.tables.common import (
    AUDIT_VERDICTS,
    LINE_KINDS,
    NONEMPTY,
    POSITIVE,
    C,
    source_page,
)
from apanalysis.tables.fields import Table, isin
from apanalysis.vocabulary.caveats import CAVEAT_KINDS

CAVEATS = Table(
    "caveats",
    "every sentence in which the narrative qualifies its own figures",
    (
        C(
            "kind",
            "str",
            "what it says: `spending_not_all_reported` = not all institutions reported what "
            "they spent, so spending figures are lower bounds",
            "spending_not_all_reported",
            isin(*CAVEAT_KINDS),
        ),
        C("task", "Int64", "the task section it is in; empty outside one", "4", POSITIVE),
        C(
            "quote",
            "str",
            "the sentence",
            "Atkreiptinas dėmesys į tai, kad ne visos institucijos pateikė informaciją apie "
            "išleistas lėšas …",
            NONEMPTY,
        ),
        C("source_line", "Int64", "line of the sentence", "104", POSITIVE),
        source_page("of the sentence"),
    ),
)

AUDIT = Table(
    "audit",
    "the narrative's claims recomputed from the annex",
    (
        C(
            "claim",
            "str",
            "the claim's id (as in `claims`, or a task's figure)",
            "total_items",
            NONEMPTY,
        ),
        C("task", "Int64", "task it is about; empty when report-wide", "", POSITIVE),
        C("claimed", "object", "what the narrative says", "54"),
        C("recomputed", "object", "the same figure counted from the annex", "53"),
        C("difference", "float64", "recomputed − claimed, for numbers", "-1"),
        C("verdict", "str", "whether they agree", "mismatch", isin(*AUDIT_VERDICTS)),
        C("quote", "str", "the narrative's sentence", "… sudarė 54 priemonės ir veiksmai."),
        C("source_line", "Int64", "line of the sentence", "108", POSITIVE),
        source_page("of the cited line"),
        C("how", "str", "how it was recomputed", "Counted the annex's measure and action rows …"),
        C("detail", "str", "the rows behind the number", "Annex rows per task: task 1: 15, …"),
    ),
)

PROBLEMS = Table(
    "problems",
    "every row or line that could not be read (empty for the shipped 2020 report)",
    (
        C("file", "str", "the raw file", "data/raw/2020/report.txt", NONEMPTY),
        C("line", "Int64", "its line", "140", POSITIVE),
        C("page", "Int64", "its PDF page (empty for text and Word)", "31", POSITIVE),
        C(
            "problem",
            "str",
            "what went wrong",
            "01.02.01 action 2: empty result cell: row not read",
            NONEMPTY,
        ),
    ),
)

LINES = Table(
    "lines",
    "how each non-empty annex line was used",
    (
        C(
            "line",
            "int64",
            "line of the raw file (of the document model for Word and PDF)",
            "134",
            POSITIVE,
        ),
        C("page", "Int64", "its PDF page (empty for text and Word)", "31", POSITIVE),
        C("row", "Int64", "its Word table row (empty for text and PDF)", "14", POSITIVE),
        C("kind", "str", "how it was read", "row", isin(*LINE_KINDS)),
        C("code", "str", "the row's code, for a row or its continuation", "01.01.01"),
        C("action", "Int64", "the row's action", "2", POSITIVE),
    ),
)

#: Every table, in the order of ``YearData.TABLES`` with ``audit`` after ``amounts``.
