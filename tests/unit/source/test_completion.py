"""Completion levels (OGP IRM scale) from status, reasons and achievement ratio."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apanalysis.source.completion import COMPLETION_LEVELS, completion_level

NAN = math.nan


@pytest.mark.parametrize(
    ("status", "reasons", "ratio", "level"),
    [
        # line 274 (01.04.10): implemented, 10 of 10 trainings
        ("implemented", [], 1.0, "complete"),
        # line 263 (01.04.04 action 2): implemented, 25 of 30 took part
        ("implemented", [], 25 / 30, "substantial"),
        ("implemented", ["other_form"], NAN, "complete"),  # line 144 (01.01.08): no numbers
        # line 251 (01.04.01 action 1): "Neįgyvendinta", yet 118 of 120 took part
        ("not_implemented", ["no_reason_given"], 118 / 120, "substantial"),
        # line 132 (01.01.01): 1 of 2 meetings
        ("not_implemented", ["covid"], 0.5, "limited"),
        # line 224 (01.03.01): partially, 208 of 220 people helped
        ("partially", ["covid"], 208 / 220, "substantial"),
        ("partially", ["not_organized"], NAN, "limited"),  # line 139 (01.01.05)
        ("not_implemented", ["covid", "postponed"], NAN, "not_started"),  # line 252
        # line 253 (01.04.02, Ignalinos rajono savivaldybė): "Informacija … nebuvo pateikta"
        ("not_implemented", ["no_information"], NAN, "no_evidence"),
        # several municipalities, one gave no information, another had no need: the status
        ("not_implemented", ["no_information", "no_need"], NAN, "not_started"),
        ("implemented", [], 0.0, "not_started"),
        ("not_planned", [], NAN, ""),
        ("", [], NAN, ""),
    ],
)
def test_levels(status, reasons, ratio, level):
    assert completion_level(status, reasons, ratio) == level


@given(
    st.sampled_from(["implemented", "partially", "not_implemented"]),
    st.lists(st.sampled_from(["covid", "no_information", "no_need", "other_form"]), max_size=3),
    st.one_of(st.none(), st.floats(min_value=0, max_value=5)),
)
def test_always_a_level_and_never_better_than_the_evidence(status, reasons, ratio):
    level = completion_level(status, reasons, ratio)
    assert level in COMPLETION_LEVELS
    if level == "complete":
        assert status == "implemented" and (ratio is None or ratio >= 1)
    if ratio is not None and ratio < 1:
        assert level != "complete"
