"""The audit page's findings sentences: grammar follows the counts."""

import pandas as pd

from apanalysis.presentation.findings import achieved_finding


def _measures(flags: list[str]) -> pd.DataFrame:
    n = len(flags)
    return pd.DataFrame(
        {
            "code": [f"01.04.0{i + 1}" for i in range(n)],
            "action": [2] + [None] * (n - 1),
            "achieved_value": [3.0] * n,
            "flag": flags,
        }
    )


def test_one_flagged_row_contradicts_the_status():
    sentence = achieved_finding(_measures(["implemented_below_target", ""]))
    assert "; 1 row contradicts the status: 01.04.01 a2 is marked implemented although" in sentence
    assert sentence.startswith("An achieved value could be read from the result text for 2 of 2")


def test_two_flagged_rows_contradict_the_status():
    flags = ["implemented_below_target", "implemented_but_text_says_not_done"]
    sentence = achieved_finding(_measures(flags))
    assert "; 2 rows contradict the status: 01.04.01 a2 is " in sentence
    assert (
        "01.04.02 is marked implemented although its text says the work was not done." in sentence
    )


def test_no_flagged_row():
    assert achieved_finding(_measures(["", ""])).endswith(
        "; none of them contradicts the reported status."
    )
