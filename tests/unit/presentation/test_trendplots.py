"""Trend figures on the handmade years of test_trends: right bars, empty inputs, saved files."""

from __future__ import annotations

import pytest
from helpers.trend_fixtures import Y2020, Y2021, year
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from apanalysis.analysis import trends
from apanalysis.presentation import trendplots


@pytest.fixture
def years():
    return [
        year(2020, Y2020, budgets=[(1, 29300.0, 10000.0), (2, 43900.0, 35000.0)]),
        year(2021, Y2021, budgets=[(1, 30000.0, 15000.0), (2, 10000.0, 12000.0)]),
    ]


def _heights(fig: Figure, color: str) -> list[float]:
    ax = fig.axes[0]
    return [
        round(p.get_height(), 6) for p in ax.patches if to_hex(p.get_facecolor()) == color.lower()
    ]


def test_implementation_rates_one_bar_per_task_and_year(years):
    fig = trendplots.implementation_rates(trends.implementation_rates(years))
    # 2020 (first colour): tasks 1-4 and all tasks; task 4 has no 2020 row (drawn as 0, "n/a")
    assert _heights(fig, trendplots.YEAR_COLORS[0]) == pytest.approx([100 / 3, 50, 0, 0, 100 / 3])
    assert _heights(fig, trendplots.YEAR_COLORS[1]) == pytest.approx(
        [100 / 3, 100, 50, 100, 400 / 7]
    )
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "n/a" in texts
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["2020", "2021"]


def test_spending_by_year_bars(years):
    fig = trendplots.spending_by_year(trends.spending_by_year(years))
    from apanalysis.presentation.plots import BUDGET_COLORS

    assert _heights(fig, BUDGET_COLORS["planned"]) == [73.2, 40.0]
    assert _heights(fig, BUDGET_COLORS["spent"]) == [45.0, 27.0]
    assert "68 % spent" in [t.get_text() for t in fig.axes[0].texts]


def test_covid_share_bars(years):
    fig = trendplots.covid_share_by_year(trends.covid_by_year(years))
    from apanalysis.presentation.plots import GROUP_COLORS

    assert _heights(fig, GROUP_COLORS["pandemic"]) == pytest.approx([50.0, 100 / 7])
    assert "50 % (3 of 6)" in [t.get_text() for t in fig.axes[0].texts]


def test_change_counts_bars(years):
    counts = trends.change_counts(trends.measure_changes(years))
    fig = trendplots.change_counts(counts)
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == [2, 1, 1, 2, 1]


def test_single_year_and_empty_inputs_still_draw(years):
    one = years[:1]
    for fig in (
        trendplots.implementation_rates(trends.implementation_rates(one)),
        trendplots.spending_by_year(trends.spending_by_year(one)),
        trendplots.covid_share_by_year(trends.covid_by_year(one)),
        trendplots.change_counts(trends.change_counts(trends.measure_changes(one))),
    ):
        assert isinstance(fig, Figure)
    fig = trendplots.change_counts(trends.change_counts(trends.measure_changes(one)))
    assert "Only one year" in fig.axes[0].texts[-1].get_text()


def test_save_under_figures_trends(tmp_path, years):
    fig = trendplots.covid_share_by_year(trends.covid_by_year(years))
    written = trendplots.save(fig, tmp_path, "[2020, 2021]", "covid_share")
    assert written == [
        tmp_path / "trends" / "2021" / "covid_share.png",
        tmp_path / "trends" / "2021" / "covid_share.svg",
    ]
    assert all(p.stat().st_size > 0 for p in written)
    assert trendplots.trends_dir(None).name == "trends"
