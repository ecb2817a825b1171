"""Finding the caveats the narrative states about its own figures (their words are in
:mod:`apanalysis.vocabulary.caveats`): one row per sentence, with its task section and line.
"""

from __future__ import annotations

import pandas as pd

from apanalysis.source.document import Document
from apanalysis.source.narrative import split_sections, to_blocks
from apanalysis.source.narrative.caveats import caveat_rows
from apanalysis.source.reader import SourceText
from apanalysis.vocabulary.caveats import SPENDING_NOT_ALL_REPORTED

COLUMNS = ["task", "quote", "source_line"]


def unreported_spending(source: Document | SourceText) -> pd.DataFrame:
    """One row per narrative sentence saying not all institutions reported their spending:
    the task section it is in (NA outside one), the sentence, its line. ``source`` is the
    report in the document model (any format: ``reader.read_document``) or a decoded text.
    A parsed year has the same rows in its ``caveats`` table."""
    lines = source.narrative_lines() if isinstance(source, Document) else source.narrative
    rows = caveat_rows(split_sections(to_blocks(lines)))
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["task"] = out["task"].astype("Int64")
    return out


def spending_caveats(caveats: pd.DataFrame) -> pd.DataFrame:
    """The rows of a ``caveats`` table that say not all spending was reported."""
    return caveats[caveats["kind"] == SPENDING_NOT_ALL_REPORTED]
