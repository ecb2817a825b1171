"""Analysis summaries on the handmade tables of analysis_fixtures (counts made by hand)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from helpers.analysis_fixtures import REASON_LABELS, amounts, claims, measures, municipal, tasks

from apanalysis.analysis import (
    NO_INSTITUTION,
    explode_institutions,
    row_label,
    split_list,
)
from apanalysis.analysis import covid as cv
from apanalysis.analysis import criteria as cr
from apanalysis.analysis import spending as sp


def test_row_label_and_split_list():
    assert row_label("01.01.01.", pd.NA) == "01.01.01"
    assert row_label("01.01.01", 3) == "01.01.01 a3"
    assert split_list("GP;VRM; PD") == ["GP", "VRM", "PD"]
    assert split_list("") == [] and split_list(pd.NA) == []


def test_explode_institutions_one_row_per_code():
    exploded = explode_institutions(measures())
    # 12 rows; 01.01.07 names 4 codes, 01.04.03 names 2 → 12 + 3 + 1 = 16
    assert len(exploded) == 16
    assert exploded.loc[exploded["code"] == "01.01.07", "institution"].tolist() == [
        "GP",
        "VRM",
        "VDI",
        "PD",
    ]
    assert exploded.loc[exploded["code"] == "01.04.10", "institution"].tolist() == [NO_INSTITUTION]


# --- criteria ---------------------------------------------------------------------------------


def test_task_criteria_met_only_when_numbers_known():
    table = cr.task_criteria(tasks())
    assert table["task"].tolist() == [1, 2, 3, 4]
    assert table.loc[0, "met"] is False or table.loc[0, "met"] == False  # noqa: E712
    assert table["met"].isna().tolist() == [False, True, True, True]
    assert table.loc[0, "target"] == 70.0 and table.loc[0, "achieved"] == 55.5


def test_status_counts_by_task_keeps_missing_statuses_as_zero():
    counts = cr.status_counts(measures())
    assert list(counts.columns) == ["implemented", "partially", "not_implemented", "total"]
    assert counts.loc[1].tolist() == [2, 1, 1, 4]
    assert counts.loc[2].tolist() == [1, 0, 2, 3]  # no "partially" in task 2
    assert counts.loc[3].tolist() == [1, 1, 0, 2]  # no "not_implemented" in task 3
    assert counts.loc[4].tolist() == [2, 0, 1, 3]
    with_total = cr.status_counts(measures(), total=True)
    assert with_total.loc["all"].tolist() == [6, 2, 4, 12]


def test_status_counts_status_absent_everywhere_still_a_column():
    only_done = measures()[measures()["status"] == "implemented"]
    counts = cr.status_counts(only_done)
    assert counts["partially"].sum() == 0 and counts["not_implemented"].sum() == 0
    assert counts["implemented"].sum() == 6


def test_status_shares():
    shares = cr.status_shares(cr.status_counts(measures()))
    assert shares.loc[2, "not_implemented"] == pytest.approx(2 / 3)
    assert shares.loc[3, "not_implemented"] == 0.0
    assert shares.sum(axis=1).tolist() == pytest.approx([1.0] * 4)


def test_measure_targets_one_line_per_row_with_labels():
    table = cr.measure_targets(measures())
    assert len(table) == 12
    assert table["row"].tolist()[:2] == ["01.01.01", "01.01.01 a1"]
    assert table.loc[3, "institutions"] == "GP, VRM, VDI, PD"


def test_undone_rows_reason_labels_and_order():
    table = cr.undone_rows(measures(), labels=REASON_LABELS)
    assert len(table) == 6  # 4 not implemented + 2 partially
    assert table["status"].tolist() == ["not_implemented"] * 4 + ["partially"] * 2
    row = table[table["row"] == "01.04.03"].iloc[0]
    assert row["reason_labels"] == (
        "Implemented in another form; COVID-19 pandemic and its restrictions"
    )
    assert table["covid"].sum() == 4


def test_institution_scorecard_counts_exploded_codes():
    card = cr.institution_scorecard(measures())
    assert card.loc["VRM", ["implemented", "partially", "not_implemented", "total"]].tolist() == [
        3,
        0,
        1,
        4,
    ]
    assert card.loc["VRM", "implementation_rate"] == 0.75
    assert card.loc["GP", "total"] == 3 and card.loc["GP", "implementation_rate"] == pytest.approx(
        1 / 3
    )
    assert card.loc["PD", "total"] == 2 and card.loc["VDI", "total"] == 1
    assert card.loc[NO_INSTITUTION, "total"] == 1
    assert card["total"].sum() == 16
    assert card.index[0] == "VRM"  # most rows first
    assert set(cr.institution_scorecard(measures(), min_rows=3).index) == {"VRM", "GP"}


def test_municipal_matrix_and_summary():
    matrix = cr.municipal_matrix(municipal())
    assert list(matrix.columns) == ["01.01.05", "01.02.01 a5"]
    assert list(matrix.index) == ["Alytaus r.", "Kauno m.", "Vilniaus m."]
    assert matrix.loc["Kauno m.", "01.02.01 a5"] == "partially"
    assert pd.isna(matrix.loc["Alytaus r.", "01.01.05"])
    summary = cr.municipal_summary(municipal())
    assert summary.index[0] == "Vilniaus m."  # lowest rate first
    assert summary.loc["Vilniaus m.", "not_implemented"] == 2
    assert summary.loc["Kauno m.", "implementation_rate"] == 0.5
    assert summary.loc["Kauno m.", "covid"] == 1


# --- spending ---------------------------------------------------------------------------------


def test_task_budget_rates_and_total_row():
    budget = sp.task_budget(tasks(), total=True)
    assert budget.loc[0, "execution_rate"] == pytest.approx(10000 / 29300)
    assert budget.loc[2, "execution_rate"] == pytest.approx(281700 / 281400)
    assert budget.loc[3, "unspent_eur"] == pytest.approx(341600 - 9980)
    total = budget.iloc[-1]
    assert pd.isna(total["task"]) and total["title"] == "All tasks"
    assert total["planned_eur"] == pytest.approx(696200)
    assert total["spent_eur"] == pytest.approx(336680)
    assert total["execution_rate"] == pytest.approx(336680 / 696200)


def test_task_budget_zero_or_missing_plan_gives_nan_rate():
    t = tasks()
    t.loc[0, "planned_eur"] = 0.0
    t.loc[1, "planned_eur"] = float("nan")
    budget = sp.task_budget(t)
    assert math.isnan(budget.loc[0, "execution_rate"])
    assert math.isnan(budget.loc[1, "execution_rate"])


def test_total_check_flags_planned_mismatch_but_not_rounding():
    check = sp.total_check(tasks(), claims()).set_index("figure")
    assert check.loc["planned", "sum_of_tasks_eur"] == pytest.approx(696200)
    assert check.loc["planned", "difference_eur"] == pytest.approx(-500)
    assert not check.loc["planned", "matches"]
    assert check.loc["spent", "difference_eur"] == pytest.approx(-20)
    assert check.loc["spent", "matches"]


def test_total_check_without_stated_total():
    check = sp.total_check(tasks(), claims().iloc[:1]).set_index("figure")
    assert pd.isna(check.loc["planned", "stated_total_eur"])
    assert pd.isna(check.loc["planned", "matches"])


def test_amounts_table_joins_titles_and_institutions():
    table = sp.amounts_table(amounts(), measures())
    assert len(table) == 7
    row = table[table["row"] == "01.01.07"].iloc[0]
    assert row["institutions"] == "GP;VRM;VDI;PD"
    assert table.loc[table["row"] == "01.02.01 a1", "institutions"].iloc[0] == "VRM"
    assert table.loc[table["section"] == "narrative", "row"].iloc[0] == ""


def test_amounts_by_row_institution_municipality():
    by_row = sp.amounts_by(amounts(), measures(), "row")
    assert list(by_row.index) == ["01.01.01", "01.01.07", "01.02.01 a1", "01.02.01 a5", "01.04.03"]
    assert [c for c in by_row.columns if c.endswith("_eur")] == [
        "allocated_eur",
        "spent_eur",
        "unused_eur",
    ]  # the per-month rate and the narrative amount are left out
    assert by_row.loc["01.04.03", "spent_eur"] == 2000 and by_row.loc["01.04.03", "amounts"] == 1
    by_inst = sp.amounts_by(amounts(), measures(), "institution")
    assert by_inst.loc["VRM", "allocated_eur"] == pytest.approx(15400)
    assert by_inst.loc["VRM", "unused_eur"] == pytest.approx(11000)
    assert by_inst.loc["GP", "allocated_eur"] == 10000 and by_inst.loc["GP", "spent_eur"] == 2000
    by_muni = sp.amounts_by(amounts(), measures(), "municipality")
    assert by_muni.index.tolist() == ["Kauno m."]
    assert by_muni.loc["Kauno m.", "spent_eur"] == pytest.approx(1163.81)
    with pytest.raises(ValueError):
        sp.amounts_by(amounts(), measures(), "task")


def test_unused_funds_with_quote_and_pandemic_flag():
    unused = sp.unused_funds(amounts(), measures(), cites_covid=lambda t: "pandemij" in t)
    assert len(unused) == 1
    assert unused.loc[0, "row"] == "01.01.01" and unused.loc[0, "value_eur"] == 11000
    assert bool(unused.loc[0, "covid"])
    assert "nebuvo panaudotos" in unused.loc[0, "quote"]


# --- covid ------------------------------------------------------------------------------------


def test_covid_by_task_status_institution():
    by_task = cv.covid_by(measures(), "task")
    assert by_task["covid"].tolist() == [2, 1, 1, 1]
    assert by_task["rows"].tolist() == [4, 3, 2, 3]
    assert by_task.loc[1, "covid_share"] == 0.5
    by_status = cv.covid_by(measures(), "status")
    assert by_status.index.tolist() == ["implemented", "partially", "not_implemented"]
    assert by_status["covid"].tolist() == [1, 1, 3]
    assert by_status["rows"].tolist() == [6, 2, 4]
    by_inst = cv.covid_by(measures(), "institution")
    assert by_inst.loc["VRM", "covid"] == 2  # 01.01.01 and 01.01.07
    assert by_inst.loc["PD", "covid"] == 2 and by_inst.loc["GP", "covid"] == 2
    assert by_inst.loc["VSAT", "covid"] == 0


def test_covid_by_status_missing_status_is_zero():
    m = measures()
    by_status = cv.covid_by(m[m["status"] != "partially"], "status")
    assert by_status.loc["partially", "rows"] == 0


def test_reason_counts_pandemic_vs_other():
    reasons = cv.reason_counts(measures(), labels=REASON_LABELS)
    assert reasons["reason"].tolist() == ["covid", "no_information", "other_form"]
    assert reasons["rows"].tolist() == [4, 2, 1]
    assert reasons["group"].tolist() == ["pandemic", "other", "other"]
    assert reasons.loc[1, "label"] == "No information submitted"


def test_covid_vs_other_and_share():
    vs = cv.covid_vs_other(measures())
    assert vs.loc["partially"].tolist() == [1, 1, 2]
    assert vs.loc["not_implemented"].tolist() == [3, 1, 4]
    assert vs.loc["all"].tolist() == [4, 2, 6]
    share = cv.covid_share(measures())
    assert share.loc["all", "share"] == pytest.approx(4 / 6)
    assert share.loc["not_implemented", "share"] == 0.75


def test_moved_online_finds_stems_in_measures_and_municipalities():
    online = cv.moved_online(measures())
    assert online["row"].tolist() == ["01.01.01", "01.01.07", "01.03.02"]
    assert online["stems"].tolist() == ["nuotolin", "virtual", "internet"]
    assert "nuotoliniu" in online.loc[0, "excerpt"]
    both = cv.moved_online(measures(), municipal())
    muni = both[both["municipality"] != ""]
    assert muni["municipality"].tolist() == ["Kauno m."]
    assert muni["row"].tolist() == ["01.02.01 a5"] and muni["task"].tolist() == [2]
    assert cv.online_stems("Vyko VIRTUALIAI ir nuotoliniu būdu") == ["nuotolin", "virtual"]


def test_covid_municipalities():
    cities = cv.covid_municipalities(municipal())
    assert cities.index.tolist() == ["Kauno m.", "Alytaus r."]
    assert cities.loc["Kauno m.", "covid"] == 1 and cities.loc["Kauno m.", "results"] == 2
    assert cities.loc["Kauno m.", "rows_citing"] == "01.02.01 a5"
    assert "Vilniaus m." not in cities.index


def test_municipal_not_planned_counted_but_not_in_rate():
    muni = municipal()
    muni.loc[1, "status"] = "not_planned"  # Vilniaus m., 01.01.05
    counts = cr.status_counts(muni, by="municipality")
    assert list(counts.columns) == [
        "implemented",
        "partially",
        "not_implemented",
        "not_planned",
        "total",
    ]
    assert counts.loc["Vilniaus m."].tolist() == [0, 0, 1, 1, 2]
    summary = cr.municipal_summary(muni)
    assert summary.loc["Vilniaus m.", "implementation_rate"] == 0.0
    muni.loc[4, "status"] = "not_planned"  # Vilniaus m. planned nothing
    assert math.isnan(cr.municipal_summary(muni).loc["Vilniaus m.", "implementation_rate"])


def test_online_stems_ignore_websites_and_internet_dangers():
    assert cv.online_stems("Ataskaita paskelbta VRM interneto svetainėje.") == []
    assert cv.online_stems("Aptarti interneto pavojai.") == []
    assert cv.online_stems("Filmas aptartas internetu.") == ["internet"]
    assert cv.online_stems("Paskelbta interneto svetainėje; mokymai vyko nuotoliniu būdu.") == [
        "nuotolin"
    ]


def test_measure_targets_show_what_the_result_reports():
    from apanalysis.tables.assemble import parse_year

    table = cr.measure_targets(parse_year(2020).measures).set_index("row")
    # line 263: target 30 persons, "Mokymuose dalyvavo 25 teisėjai", marked implemented
    assert table.loc["01.04.04 a2", ["target", "achieved", "flag"]].tolist() == [
        30.0,
        25.0,
        "implemented_below_target",
    ]
