"""Completion levels counted per task (analysis.criteria.completion_counts)."""

from apanalysis.source.completion import COMPLETION_LEVELS


def test_completion_counts():
    import pandas as pd

    from apanalysis.analysis.criteria import completion_counts

    frame = pd.DataFrame(
        {"task": [1, 1, 2, 2], "completion": ["complete", "limited", "", "no_evidence"]}
    )
    counts = completion_counts(frame, total=True)
    assert list(counts.columns) == [*COMPLETION_LEVELS, "not_assessed", "total"]
    assert counts.loc[1, "complete"] == 1 and counts.loc[1, "limited"] == 1
    assert counts.loc[2, "not_assessed"] == 1 and counts.loc["all", "total"] == 4
    assert completion_counts(frame.drop(columns="completion")).empty
