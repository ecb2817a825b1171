"""A year with no rows, or one row, in every table: every chart, finding and table still
renders, no axis limit is NaN, and a chart with nothing to draw becomes a sentence."""

import dataclasses
import io
import math

import pytest

import apanalysis
from apanalysis.analysis import covid, criteria, spending
from apanalysis.presentation import assessment_display, display, openers, plots
from apanalysis.presentation.plots import is_empty
from apanalysis.workspace.annotations import assessed_measures


@pytest.fixture(scope="module")
def year_2020():
    return apanalysis.load_year(2020)


def _cut(data, rows: int):
    return dataclasses.replace(data, **{t: getattr(data, t).iloc[0:rows] for t in data.TABLES})


def _charts(e):
    from apanalysis.analysis import audit

    budget = spending.task_budget(e.tasks, total=True)
    return [
        plots.status_by_task(criteria.status_counts(e.measures, total=True), 2020),
        plots.institution_scorecard(criteria.institution_scorecard(e.measures), 2020),
        plots.municipal_heatmap(criteria.municipal_matrix(e.municipal), 2020),
        plots.planned_vs_spent(budget, 2020),
        plots.execution_rate(budget, 2020),
        plots.covid_by_task(covid.covid_by(e.measures, "task"), 2020),
        plots.covid_vs_other(covid.reason_counts(e.measures), 2020),
        assessment_display.rates_figure(
            audit.implementation_rates(e.tasks, assessed_measures(e, None)), 2020, False
        ),
    ]


@pytest.mark.parametrize("rows", [0, 1])
def test_charts_have_finite_limits_or_become_sentences(year_2020, rows):
    for fig in _charts(_cut(year_2020, rows)):
        fig.savefig(io.BytesIO(), format="png")
        for ax in fig.axes:
            assert all(math.isfinite(v) for v in (*ax.get_xlim(), *ax.get_ylim()))
        shown = display.figure(fig)
        if is_empty(fig):
            assert shown.data.startswith("*") and "no" in shown.data.lower()
    if rows == 0:
        assert all(is_empty(fig) for fig in _charts(_cut(year_2020, 0)))


@pytest.mark.parametrize("rows", [0, 1])
def test_findings_and_tables_render(year_2020, rows):
    e = _cut(year_2020, rows)
    for sentences in (
        openers.criteria_findings(e),
        openers.spending_findings(e, None),
        openers.covid_findings(e),
    ):
        assert sentences and openers.key_findings(sentences).count("<li") >= 1
    for frame in (criteria.measure_targets(e.measures), criteria.undone_rows(e.measures)):
        html = display.table(frame).to_html()
        assert "nan" not in html and "NaN" not in html
