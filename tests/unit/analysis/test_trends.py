"""Trends across years on the small handmade years of tests/trend_fixtures.py (expected values
counted by hand from the comments there)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from helpers.trend_fixtures import Y2020, Y2021, Y2023, year

from apanalysis.analysis import trends
from apanalysis.errors import ApanalysisError
from apanalysis.presentation import trend_takeaways

NAN = float("nan")


@pytest.fixture
def years():
    # given out of order on purpose: results are sorted by year
    return [
        year(2021, Y2021, budgets=[(1, 30000.0, 15000.0), (2, 10000.0, 12000.0), (3, 5000.0, 0.0)]),
        year(
            2020,
            Y2020,
            budgets=[(1, 29300.0, 10000.0), (2, 43900.0, NAN), (3, NAN, NAN)],
            claims=[("total_planned_eur", 696700.0)],
        ),
    ]


def test_status_by_task(years):
    got = trends.status_by_task(years)
    assert got[["year", "task", "implemented", "partially", "not_implemented", "total"]].to_dict(
        "split"
    )["data"] == [
        [2020, 1, 1, 1, 1, 3],
        [2020, 2, 1, 0, 1, 2],
        [2020, 3, 0, 1, 0, 1],
        [2021, 1, 1, 0, 2, 3],
        [2021, 2, 1, 0, 0, 1],
        [2021, 3, 1, 1, 0, 2],
        [2021, 4, 1, 0, 0, 1],
    ]
    assert got.implementation_rate.tolist() == pytest.approx([1 / 3, 0.5, 0, 1 / 3, 1, 0.5, 1])


def test_implementation_rates_wide(years):
    rates = trends.implementation_rates(years)
    assert list(rates.columns) == [2020, 2021]
    assert list(rates.index) == ["Task 1", "Task 2", "Task 3", "Task 4", trends.ALL_TASKS]
    assert rates.loc["Task 2"].tolist() == [0.5, 1.0]
    assert math.isnan(rates.loc["Task 4", 2020])  # no task 4 row in 2020
    assert rates.loc[trends.ALL_TASKS].tolist() == pytest.approx([2 / 6, 4 / 7])


def test_spending_by_year(years):
    got = trends.spending_by_year(years).set_index("year")
    # 2020: planned 29 300 + 43 900; only task 1 states a spent amount
    assert got.loc[2020, "planned_eur"] == 73200.0
    assert got.loc[2020, "spent_eur"] == 10000.0
    assert got.loc[2020, "execution_rate"] == pytest.approx(10000 / 73200)
    assert got.loc[2020, ["tasks", "tasks_planned", "tasks_spent"]].tolist() == [3, 2, 1]
    assert got.loc[2020, "stated_planned_eur"] == 696700.0
    assert math.isnan(got.loc[2020, "stated_spent_eur"])
    assert got.loc[2021, ["planned_eur", "spent_eur", "unspent_eur"]].tolist() == [
        45000.0,
        27000.0,
        18000.0,
    ]
    assert got.loc[2021, "execution_rate"] == pytest.approx(0.6)


def test_spending_by_task(years):
    got = trends.spending_by_task(years)
    assert got[["year", "task"]].to_dict("split")["data"][:3] == [[2020, 1], [2020, 2], [2020, 3]]
    assert got.execution_rate.tolist()[3:] == pytest.approx([0.5, 1.2, 0.0])


def test_spending_without_any_figure_is_nan():
    got = trends.spending_by_year([year(2020, Y2020)])
    assert math.isnan(got.planned_eur[0]) and math.isnan(got.execution_rate[0])
    assert got.tasks[0] == 0


def test_covid_by_year(years):
    got = trends.covid_by_year(years).set_index("year")
    # 2020: 3 of 6 rows cite the pandemic; 4 rows not (fully) implemented, 3 of them citing it
    assert got.loc[2020, ["rows", "covid", "undone", "undone_covid"]].tolist() == [6, 3, 4, 3]
    assert got.loc[2020, "covid_share"] == 0.5
    assert got.loc[2020, "undone_covid_share"] == 0.75
    # 2021: 1 of 7; undone 01.01.01 a1, 01.01.05, 01.03.02
    assert got.loc[2021, ["rows", "covid", "undone", "undone_covid"]].tolist() == [7, 1, 3, 1]
    assert got.loc[2021, "covid_share"] == pytest.approx(1 / 7)


def test_measure_changes(years):
    changes = trends.measure_changes(years)
    assert changes.change.tolist() == [
        "now_implemented",
        "now_implemented",
        "no_longer_implemented",
        "status_changed",
        "added",
        "added",
        "dropped",
    ]
    assert changes.row.tolist() == [
        "01.01.01",
        "01.03.01",
        "01.01.01 a1",
        "01.01.05",
        "01.03.02",
        "01.04.01",
        "01.02.01 a3",
    ]
    assert changes.status_before.isna().tolist() == [False] * 4 + [True, True, False]
    assert changes.status_after.isna().tolist() == [False] * 6 + [True]
    assert set(changes.from_year) == {2020} and set(changes.to_year) == {2021}
    dropped = changes.iloc[-1]
    assert (dropped.code, dropped.action, dropped.task, dropped.title) == (
        "01.02.01",
        3,
        2,
        "01.02.01/3",
    )
    assert pd.isna(changes.action[0]) and changes.action[2] == 1


def test_unchanged_rows_on_request(years):
    changes = trends.measure_changes(years, include_unchanged=True)
    assert changes[changes.change == "unchanged"].row.tolist() == ["01.02.01 a1"]
    assert len(changes) == 8


def test_changes_between_consecutive_years_given(years):
    changes = trends.measure_changes([*years, year(2023, Y2023)])
    later = changes[changes.from_year == 2021]
    assert set(later.to_year) == {2023}
    # 01.01.01 stayed implemented; the other six rows of 2021 are absent in 2023
    assert later.change.value_counts().to_dict() == {"dropped": 6}


def test_change_counts(years):
    counts = trends.change_counts(trends.measure_changes(years))
    assert counts.to_dict("index") == {
        "2020→2021": {
            "now_implemented": 2,
            "no_longer_implemented": 1,
            "status_changed": 1,
            "added": 2,
            "dropped": 1,
        }
    }


def test_one_year_has_no_changes(years):
    changes = trends.measure_changes(years[1:])
    assert changes.empty and list(changes.columns) == trends.CHANGE_COLUMNS
    assert trends.change_counts(changes).empty
    assert "no earlier year" in trend_takeaways.change_takeaway(trends.change_counts(changes))


def test_year_overview(years):
    got = trends.year_overview(years)
    assert got.year.tolist() == [2020, 2021]
    assert got[["rows", "implemented", "partially", "not_implemented"]].values.tolist() == [
        [6, 2, 2, 2],
        [7, 4, 1, 2],
    ]
    assert got.implementation_rate.tolist() == pytest.approx([2 / 6, 4 / 7])
    assert got.covid_share.tolist() == pytest.approx([0.5, 1 / 7])


def test_takeaways(years):
    rates = trends.implementation_rates(years)
    assert trend_takeaways.rate_takeaway(rates) == (
        "The share of measures and actions implemented rose by 24 percentage points, "
        "from 33 % in 2020 to 57 % in 2021."
    )
    assert trend_takeaways.rate_takeaway(trends.implementation_rates(years[1:])).startswith(
        "In 2020, 33 % of the measures and actions were implemented"
    )
    assert trend_takeaways.covid_takeaway(trends.covid_by_year(years)) == (
        "Measures and actions citing the COVID-19 pandemic: 50 % in 2020 (3 of 6), "
        "14 % in 2021 (1 of 7)."
    )
    assert trend_takeaways.change_takeaway(trends.change_counts(trends.measure_changes(years))) == (
        "2020→2021: 2 became implemented, 1 no longer implemented, 2 added and 1 dropped."
    )
    assert "2021: 27.0 thousand EUR spent of 45.0 thousand EUR planned (60 %)" in (
        trend_takeaways.spending_takeaway(trends.spending_by_year(years))
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (2020, [2020]),
        ([2021, 2020, 2021], [2020, 2021]),
        ("[2020, 2021]", [2020, 2021]),  # papermill -p years "[2020, 2021]"
        ("2020,2021", [2020, 2021]),
        ("2022", [2022]),
        ((2020,), [2020]),
    ],
)
def test_normalize_years(given, expected):
    assert trends.normalize_years(given) == expected


@pytest.mark.parametrize("given", ["", "[]", "abc", [None], []])
def test_normalize_years_refuses_nonsense(given):
    with pytest.raises(ApanalysisError):
        trends.normalize_years(given)


def test_title_and_label():
    assert trends.years_label([2021, 2020]) == "2020–2021"
    assert trends.years_label([2020, 2022]) == "2020, 2022"
    assert trends.title_text("[2020, 2021]") == (
        "# Action Plan against Trafficking in Human Beings — trends across years, 2020–2021"
    )


def test_empty_years_do_not_break():
    empty = SimpleNamespace(
        year=2024,
        measures=pd.DataFrame(columns=["task", "code", "action", "title", "status", "covid"]),
        tasks=pd.DataFrame(),
        claims=pd.DataFrame(),
    )
    assert trends.status_by_task([empty]).empty
    assert trends.implementation_rates([empty]).empty
    assert trends.covid_by_year([empty]).rows.tolist() == [0]
    assert trends.spending_by_year([empty]).tasks.tolist() == [0]
    assert trends.year_overview([empty]).rows.tolist() == [0]
