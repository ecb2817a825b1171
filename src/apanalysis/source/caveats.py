"""Finding the caveats the narrative states about its own figures (their words are in
:mod:`apanalysis.vocabulary.caveats`): one row per sentence, with its task section and line.
"""

from __future__ import annotations

import pandas as pd

from apanalysis.source.document import Document
from apanalysis.source.narrative import split_sections, to_blocks
from apanalysis.source.reader import SourceText
from apanalysis.vocabulary.caveats import SPENDING_NOT_ALL_REPORTED, spending_unreported

COLUMNS = ["task", "quote", "source_line"]


def unreported_spending(source: Document | SourceText) -> pd.DataFrame:
    """One row per narrative sentence saying not all institutions reported their spending:
    the task section it is in (NA outside one), the sentence, its line. ``source`` is the
    report in the document model (any format: ``reader.read_document``) or a decoded text."""
    lines = source.narrative_lines() if isinstance(source, Document) else source.narrative
    sections = split_sections(to_blocks(lines))
    rows = [
        (section.task, sentence.text, sentence.line)
        for section in sections.tasks
        for sentence in section.sentences
        if spending_unreported(sentence.text)
    ]
    rows += [
        (None, sentence.text, sentence.line)
        for sentence in sections.before + sections.after
        if spending_unreported(sentence.text)
    ]
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["task"] = out["task"].astype("Int64")
    return out


def caveat_rows(source: Document | SourceText) -> list[dict]:
    """The rows of the ``caveats`` table: every narrative sentence that qualifies the report's
    own figures, with its kind, task section and line."""
    found = unreported_spending(source)
    return [
        {
            "kind": SPENDING_NOT_ALL_REPORTED,
            "task": None if pd.isna(row.task) else int(row.task),
            "quote": row.quote,
            "source_line": int(row.source_line),
        }
        for row in found.itertuples()
    ]


def spending_caveats(caveats: pd.DataFrame) -> pd.DataFrame:
    """The rows of a ``caveats`` table that say not all spending was reported (all rows of a
    frame from :func:`unreported_spending`, which has no ``kind``)."""
    if "kind" not in caveats.columns:
        return caveats
    return caveats[caveats["kind"] == SPENDING_NOT_ALL_REPORTED]
