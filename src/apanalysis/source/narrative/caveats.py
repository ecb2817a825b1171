"""The narrative's caveats about its own figures (the ``caveats`` table), found in the sections
the narrative parser already split; their words are in :mod:`apanalysis.vocabulary.caveats`."""

from __future__ import annotations

from apanalysis.source.narrative.sections import Sections
from apanalysis.vocabulary.caveats import SPENDING_NOT_ALL_REPORTED, spending_unreported


def caveat_rows(sections: Sections) -> list[dict]:
    """One row per sentence saying not all institutions reported their spending: its kind,
    the task section it is in (None outside one), the sentence and its line."""
    placed = [(s.task, sentence) for s in sections.tasks for sentence in s.sentences]
    placed += [(None, sentence) for sentence in sections.before + sections.after]
    return [
        {
            "kind": SPENDING_NOT_ALL_REPORTED,
            "task": task,
            "quote": sentence.text,
            "source_line": sentence.line,
        }
        for task, sentence in placed
        if spending_unreported(sentence.text)
    ]
