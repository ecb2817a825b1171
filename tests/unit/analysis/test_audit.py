"""Tests of apanalysis.analysis.audit: the narrative's claims recomputed from the annex.

First every rule on a small handmade plan (expected values counted by hand from the rows below),
then the 2020 report, whose expected values were read from data/raw/2020/report.txt (narrative
lines quoted) and its annex.
"""

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from apanalysis.analysis.audit import (
    AUDIT_COLUMNS,
    CANNOT_RECOMPUTE,
    DEFAULT_REASON,
    achieved_rows,
    audit,
    audit_view,
    implementation_rates,
    rule_verdict,
    stated_tolerance_eur,
    undone_basis,
)

NA = pd.NA
I, P, N = "implemented", "partially", "not_implemented"  # noqa: E741

# task, code, action, status
ROWS = [
    # task 1: 5 rows; not implemented: 01.01.01, 01.01.01 a3; partially: 01.01.05
    (1, "01.01.01", NA, N),
    (1, "01.01.01", 1, I),
    (1, "01.01.01", 3, N),
    (1, "01.01.05", NA, P),
    (1, "01.01.06", NA, I),
    # task 2: 7 rows, 4 implemented; not: 01.02.01 a3, 01.02.02 a1; partially: 01.02.01 a5
    (2, "01.02.01", 1, I),
    (2, "01.02.01", 3, N),
    (2, "01.02.01", 5, P),
    (2, "01.02.02", 1, N),
    (2, "01.02.03", NA, I),
    (2, "01.02.04", NA, I),
    (2, "01.02.05", NA, I),
    # task 3: 2 rows, 1 implemented (exactly half)
    (3, "01.03.01", NA, I),
    (3, "01.03.02", NA, N),
    # task 4: 2 rows, all implemented
    (4, "01.04.01", NA, I),
    (4, "01.04.02", NA, I),
]


def make_measures(rows=ROWS):
    return pd.DataFrame(
        {
            "task": [r[0] for r in rows],
            "code": [r[1] for r in rows],
            "action": pd.array([r[2] for r in rows], dtype="Int64"),
            "status": [r[3] for r in rows],
        }
    )


def make_tasks():
    return pd.DataFrame(
        {
            "task": [1, 2, 3, 4],
            "criterion_target": [70.0, math.nan, math.nan, math.nan],
            "criterion_achieved": [55.5, math.nan, math.nan, math.nan],
            "criterion_unit": ["proc.", "", "", ""],
            "verdict": [N, P, P, I],
            "verdict_quote": [
                "1 uždavinio kriterijus neįgyvendintas.",
                "2 uždavinys įgyvendintas iš dalies.",
                "Uždavinys laikytinas įgyvendintu iš dalies.",
                "4 uždavinys įgyvendintas.",
            ],
            "claimed_items": pd.array([6, 7, NA, NA], dtype="Int64"),
            "claimed_unachieved": pd.array([5, 2, 1, NA], dtype="Int64"),
            "claimed_unachieved_quote": [
                "Numatyti penki priemonių ir veiksmų kriterijai nebuvo pasiekti: 01.01.01. priemonė "
                "ir jos 3 veiksmai, 01.01.05 priemonė (įgyvendinta iš dalies).",
                "Iš 7 priemonių ir veiksmų 2 nebuvo įgyvendintos: 01.02.01 priemonės 3 veiksmas, "
                "01.02.03 priemonė.",
                "Viena priemonė nebuvo įgyvendinta.",
                "",
            ],
            "planned_eur": [20000.0, 30000.0, 25000.0, 25020.0],
            "spent_eur": [10000.0, 10000.0, 10000.0, 19000.0],
            "source_line": [30, 40, 50, 60],
        }
    )


CLAIMS = [
    # claim, task, value, quote, line
    ("plan_measures", NA, 65, "Numatytos 65 priemonės.", 5),
    ("tasks_total", NA, 4, "Numatyta įgyvendinti 4 uždavinius.", 70),
    ("total_items", NA, 16, "Sudarė 16 priemonių ir veiksmų.", 70),
    ("total_unimplemented", NA, 6, "6 priemonės ir veiksmai nebuvo įgyvendinti.", 70),
    ("tasks_partially", NA, 2, "Iš dalies įgyvendinti du.", 72),
    ("criterion_not_met", 1, 1, "1 ir 3 uždaviniais kriterijų nepasiekta.", 72),
    ("criterion_not_met", 3, 1, "1 ir 3 uždaviniais kriterijų nepasiekta.", 72),
    (
        "total_planned_eur",
        NA,
        100000,
        "Buvo numatyta skirti 100,0 tūkst. Eur, išleista 50 tūkst. Eur.",
        74,
    ),
    (
        "total_spent_eur",
        NA,
        50000,
        "Buvo numatyta skirti 100,0 tūkst. Eur, išleista 50 tūkst. Eur.",
        74,
    ),
    ("implemented_items", 3, 2, "Dvi priemonės buvo įgyvendintos.", 52),
    ("implemented_pct_min", 2, 50, "Įgyvendinta daugiau nei 50 proc.", 42),
    ("mystery_claim", NA, 3, "Trys.", 80),
]


def make_claims(rows=CLAIMS):
    return pd.DataFrame(
        {
            "year": 2020,
            "claim": [r[0] for r in rows],
            "task": pd.array([r[1] for r in rows], dtype="Int64"),
            "value": [float(r[2]) for r in rows],
            "unit": "",
            "quote": [r[3] for r in rows],
            "source_line": pd.array([r[4] for r in rows], dtype="Int64"),
        }
    )


def make_data(measures=None, tasks=None, claims=None):
    return SimpleNamespace(
        measures=make_measures() if measures is None else measures,
        tasks=make_tasks() if tasks is None else tasks,
        claims=make_claims() if claims is None else claims,
    )


@pytest.fixture(scope="module")
def small():
    return audit(make_data())


def check(table, claim, task=None):
    rows = table[table["claim"] == claim]
    rows = rows[rows["task"].isna()] if task is None else rows[rows["task"] == task]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def values(row):
    return row["claimed"], row["recomputed"], row["verdict"]


# --------------------------------------------------------------------------- shape


def test_columns_and_types(small):
    assert list(small.columns) == AUDIT_COLUMNS
    assert str(small["task"].dtype) == "Int64" and str(small["source_line"].dtype) == "Int64"
    assert set(small["verdict"]) == {"match", "mismatch", "cannot_recompute"}
    assert (small["how"].str.len() > 0).all()


def test_pure_function_leaves_its_inputs_alone():
    data = make_data()
    before = [data.measures.copy(), data.tasks.copy(), data.claims.copy()]
    audit(data)
    for old, new in zip(before, [data.measures, data.tasks, data.claims], strict=True):
        pd.testing.assert_frame_equal(old, new)


def test_a_year_without_tasks_or_claims_gives_an_empty_audit():
    table = audit(make_data(tasks=pd.DataFrame(), claims=pd.DataFrame()))
    assert table.empty and list(table.columns) == AUDIT_COLUMNS


def test_rows_follow_the_report_order(small):
    lines = small["source_line"].dropna().tolist()
    assert lines == sorted(lines)


# --------------------------------------------------------------------------- report-wide


def test_total_items_match(small):
    row = check(small, "total_items")
    assert values(row) == (16, 16, "match") and row["difference"] == 0
    assert "task 1: 5" in row["detail"]


def test_total_items_mismatch():
    claims = make_claims([("total_items", NA, 17, "Sudarė 17 priemonių.", 1)])
    row = check(audit(make_data(claims=claims)), "total_items")
    assert values(row) == (17, 16, "mismatch") and row["difference"] == -1


def test_total_unimplemented_counts_not_implemented_rows_and_tells_about_partial(small):
    row = check(small, "total_unimplemented")
    # not implemented: 2 (task 1) + 2 (task 2) + 1 (task 3) = 5; partially: 2
    assert values(row) == (6, 5, "mismatch")
    assert "2 partially implemented rows too would give 7" in row["how"]


def test_total_planned_within_half_a_unit_of_the_stated_precision(small):
    row = check(small, "total_planned_eur")
    # 20 000 + 30 000 + 25 000 + 25 020 = 100 020; "100,0 tūkst." → ±50 EUR
    assert values(row) == (100000, 100020, "match") and row["difference"] == 20
    assert "±50 EUR" in row["how"] and "100,0 tūkst. Eur" in row["how"]


def test_total_spent_outside_the_tolerance(small):
    row = check(small, "total_spent_eur")
    # 10 000 × 3 + 19 000 = 49 000; "50 tūkst." → ±500 EUR
    assert values(row) == (50000, 49000, "mismatch") and "±500 EUR" in row["how"]


def test_a_missing_task_amount_cannot_be_summed():
    tasks = make_tasks()
    tasks.loc[2, "spent_eur"] = math.nan
    row = check(audit(make_data(tasks=tasks)), "total_spent_eur")
    assert row["verdict"] == "cannot_recompute" and "tasks without one: 3" in row["how"]


def test_tasks_total(small):
    assert values(check(small, "tasks_total")) == (4, 4, "match")


def test_tasks_partially_by_the_narratives_rule(small):
    # rule: task 1 not met (55.5 < 70), task 2 4/7 → partially, task 3 1/2 → not, task 4 all
    row = check(small, "tasks_partially")
    assert values(row) == (2, 1, "mismatch")
    assert "By the rule: tasks 2" in row["detail"]


def test_other_claims_cannot_be_recomputed_with_a_reason(small):
    row = check(small, "plan_measures")
    assert row["verdict"] == "cannot_recompute" and row["how"] == CANNOT_RECOMPUTE["plan_measures"]
    assert row["recomputed"] is None
    row = check(small, "mystery_claim")
    assert row["verdict"] == "cannot_recompute" and row["how"] == DEFAULT_REASON


def test_criterion_not_met(small):
    assert values(check(small, "criterion_not_met", 1)) == (1, 1, "match")
    assert check(small, "criterion_not_met", 3)["verdict"] == "cannot_recompute"


# --------------------------------------------------------------------------- per task


def test_task_items(small):
    assert values(check(small, "task_items", 1)) == (6, 5, "mismatch")
    assert values(check(small, "task_items", 2)) == (7, 7, "match")
    assert len(small[small["claim"] == "task_items"]) == 2  # tasks 3 and 4 state no count


def test_unachieved_criteria_not_achieved_counts_partial_rows(small):
    row = check(small, "task_unachieved", 1)  # "kriterijai nebuvo pasiekti"
    assert values(row) == (5, 3, "mismatch")
    assert "not or partially implemented" in row["how"]
    assert "01.01.05" in row["detail"]


def test_unachieved_not_implemented_counts_not_implemented_rows(small):
    row = check(small, "task_unachieved", 2)  # "2 nebuvo įgyvendintos"
    assert values(row) == (2, 2, "match")
    assert "1 partially implemented row too would give 3" in row["how"]


def test_unachieved_count_vs_listed_items(small):
    assert values(check(small, "task_unachieved_listed", 1)) == (5, 3, "mismatch")
    assert values(check(small, "task_unachieved_listed", 2)) == (2, 2, "match")
    row = check(small, "task_unachieved_listed", 3)  # the sentence lists no codes
    assert row["verdict"] == "cannot_recompute"


def test_listed_items_are_looked_up_in_the_annex(small):
    assert values(check(small, "task_unachieved_in_annex", 1)) == (3, 3, "match")
    row = check(small, "task_unachieved_in_annex", 2)  # 01.02.03 is implemented
    assert values(row) == (2, 1, "mismatch")
    assert "Implemented in the annex: 01.02.03 (01.02.03 (implemented))" in row["detail"]


def test_undone_rows_the_sentence_does_not_list(small):
    assert values(check(small, "task_unachieved_unlisted", 1)) == (3, 3, "match")
    row = check(small, "task_unachieved_unlisted", 2)
    assert values(row) == (1, 2, "mismatch")
    assert "Not listed: 01.02.02 a1 (not implemented)" in row["detail"]
    assert "Also not listed: 01.02.01 a5 (partially)" in row["detail"]


def test_a_measure_without_its_own_row_stands_for_its_actions():
    measures = make_measures([(1, "01.04.01", 1, N), (1, "01.04.01", 2, N), (1, "01.04.02", NA, I)])
    tasks = make_tasks().iloc[:1].copy()
    tasks["claimed_unachieved"] = pd.array([2], dtype="Int64")
    tasks["claimed_unachieved_quote"] = [
        "Nepavyko pasiekti 2 priemonių kriterijų: 01.04.01 priemonė, 01.09.09 priemonė."
    ]
    table = audit(make_data(measures=measures, tasks=tasks, claims=make_claims([])))
    row = check(table, "task_unachieved_in_annex", 1)
    assert values(row) == (2, 1, "mismatch") and "not in the annex: 01.09.09" in row["detail"]
    assert values(check(table, "task_unachieved_unlisted", 1)) == (2, 2, "match")


def test_task_verdicts(small):
    assert values(check(small, "task_verdict", 1)) == (N, N, "match")  # 55.5 < 70
    assert values(check(small, "task_verdict", 2)) == (P, P, "match")  # 4 of 7
    row = check(small, "task_verdict", 3)  # 1 of 2 is not more than half
    assert values(row) == (P, N, "mismatch") and "1 of 2" in row["how"]
    assert values(check(small, "task_verdict", 4)) == (I, I, "match")
    assert math.isnan(check(small, "task_verdict", 1)["difference"])


def test_implemented_items_and_share(small):
    assert values(check(small, "implemented_items", 3)) == (2, 1, "mismatch")
    row = check(small, "implemented_pct_min", 2)  # 4 of 7 = 57.1 % > 50 %
    assert values(row) == (50, 57.1, "match")


def test_exactly_the_minimum_share_is_not_more_than_it():
    claims = make_claims([("implemented_pct_min", 3, 50, "daugiau nei 50 proc.", 1)])
    row = check(audit(make_data(claims=claims)), "implemented_pct_min", 3)
    assert values(row) == (50, 50, "mismatch")


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("quote", "value", "tolerance"),
    [
        ("numatyta skirti 696,7 tūkst. Eur", 696700, 50.0),
        ("išleista 10 tūkst. EUR", 10000, 500.0),
        ("skirta 5 400 Eur", 5400, 0.5),
        ("panaudota 1163,81 Eur", 1163.81, 0.005),
        ("no amount here", 100, 0.5),
    ],
)
def test_stated_tolerance(quote, value, tolerance):
    assert stated_tolerance_eur(quote, value)[0] == pytest.approx(tolerance)


@pytest.mark.parametrize(
    ("quote", "basis"),
    [
        ("penki priemonių ir veiksmų kriterijai nebuvo pasiekti: ...", (N, P)),
        ("Iš 17 priemonių 6 nebuvo įgyvendintos: ...", (N,)),
        ("Nepavyko pasiekti 4 uždavinio septynių priemonių kriterijų", (N, P)),
        ("Dvi priemonės nebuvo įgyvendintos: ... rodikliai nebuvo pasiekti", (N,)),
        ("18 priemonių neįgyvendinta", (N,)),
        ("", (N, P)),
    ],
)
def test_undone_basis(quote, basis):
    assert undone_basis(quote) == basis


@pytest.mark.parametrize(
    ("target", "achieved", "statuses", "verdict"),
    [
        (70.0, 70.0, [N], I),  # numeric criterion met, whatever the rows
        (70.0, 55.5, [I], N),
        (math.nan, math.nan, [I, I], I),
        (math.nan, math.nan, [I, I, N], P),
        (math.nan, math.nan, [I, N], N),  # exactly half
        (math.nan, math.nan, [P, N], N),
        (math.nan, math.nan, [], None),
    ],
)
def test_rule_verdict(target, achieved, statuses, verdict):
    task = pd.Series(
        {"criterion_target": target, "criterion_achieved": achieved, "criterion_unit": ""}
    )
    assert rule_verdict(task, pd.DataFrame({"status": statuses}))[0] == verdict


def test_audit_view_puts_mismatches_first(small):
    view = audit_view(small)
    order = view["verdict"].tolist()
    assert order == sorted(order, key=["mismatch", "cannot_recompute", "match"].index)
    assert "check" in view.columns and len(view) == len(small)


def test_implementation_rates():
    measures = make_measures()
    measures["assessed_status"] = measures["status"]
    measures.loc[0, "assessed_status"] = I  # the evaluator upgrades 01.01.01
    rates = implementation_rates(make_tasks(), measures).set_index("task")
    assert rates.loc[1, "narrative_rate"] == pytest.approx(1 / 6)  # (6 - 5) / 6
    assert rates.loc[1, "reported_rate"] == pytest.approx(2 / 5)
    assert rates.loc[1, "assessed_rate"] == pytest.approx(3 / 5)
    assert rates.loc[1, "changed_by_evaluator"] == 1
    assert math.isnan(rates.loc[4, "narrative_rate"])
    plain = implementation_rates(make_tasks(), make_measures())
    assert (plain["reported_rate"] == plain["assessed_rate"]).all()


def test_achieved_rows_flagged_first():
    measures = make_measures()[:3].assign(
        criterion="x",
        target_value=[2.0, 2.0, 2.0],
        achieved_value=[1.0, math.nan, 3.0],
        achievement_ratio=[0.5, math.nan, 1.5],
        flag=["", "", "not_implemented_but_target_met"],
        achieved_quote=["a", "", "c"],
        source_line=[1, 2, 3],
    )
    rows = achieved_rows(measures)
    assert rows["row"].tolist() == ["01.01.01 a3", "01.01.01"]


# --------------------------------------------------------------------------- 2020


@pytest.fixture(scope="module")
def year2020():
    from apanalysis.tables.assemble import parse_year

    return audit(parse_year(2020))


@pytest.mark.parametrize(
    ("claim", "task", "claimed", "recomputed", "verdict"),
    [
        # line 108: "4 uždavinius, kuriuos sudarė 54 priemonės ir veiksmai"; annex 15+17+5+16
        ("total_items", None, 54, 53, "mismatch"),
        # line 108: "18 priemonių ir veikslių nebuvo įgyvendinti"; annex: 2+6+2+7 rows marked
        # not implemented (4 more partially)
        ("total_unimplemented", None, 18, 17, "mismatch"),
        # line 112: "696,7 tūkst. Eur" vs 29,3 + 43,9 + 281,4 + 341,6 = 696,2 (lines 48-104)
        ("total_planned_eur", None, 696700, 696200, "mismatch"),
        # line 112: "336,7 tūkst. Eur" vs 10 + 35 + 281,7 + 9,98 = 336,68: within ±50 EUR
        ("total_spent_eur", None, 336700, 336680, "match"),
        # line 110: "iš dalies įgyvendinti trys"; the rule rates only tasks 2 (10/17) and 4 (9/16)
        ("tasks_partially", None, 3, 2, "mismatch"),
        ("tasks_total", None, 4, 4, "match"),
        # line 38: "1 uždavinį sudarė 16"; the annex has 15 rows (no 01.01.02)
        ("task_items", 1, 16, 15, "mismatch"),
        # line 38: "penki ... kriterijai nebuvo pasiekti: 01.01.01. priemonė ir jos 3 veiksmai,
        # 01.01.05 priemonė" → three items; the annex: 01.01.01, its action 3 (not), 01.01.05
        # (partially)
        ("task_unachieved", 1, 5, 3, "mismatch"),
        ("task_unachieved_listed", 1, 5, 3, "mismatch"),
        ("task_unachieved_in_annex", 1, 3, 3, "match"),
        ("task_unachieved_unlisted", 1, 3, 3, "match"),
        # line 36: 55,5 < 70 proc., "neįgyvendintas"
        ("task_verdict", 1, "not_implemented", "not_implemented", "match"),
        # lines 54-56: 17 items, "6 nebuvo įgyvendintos" and six listed, all not implemented
        ("task_items", 2, 17, 17, "match"),
        ("task_unachieved", 2, 6, 6, "match"),
        ("task_unachieved_listed", 2, 6, 6, "match"),
        ("task_unachieved_in_annex", 2, 6, 6, "match"),
        ("task_verdict", 2, "partially", "partially", "match"),
        ("implemented_pct_min", 2, 50, 58.8, "match"),  # 10 of 17
        # line 62: "tarp numatytų keturių ... dvi priemonės buvo įgyvendintos"; the annex has 5
        # rows (01.03.01, 01.03.02, 01.03.03 a1-a2, 01.03.05), only 01.03.02 implemented
        ("task_items", 3, 4, 5, "mismatch"),
        ("implemented_items", 3, 2, 1, "mismatch"),
        ("task_verdict", 3, "partially", "not_implemented", "mismatch"),  # 1 of 5
        # lines 64-66: "Dvi priemonės ... nebuvo įgyvendintos: 01.03.03 priemonės 1 ir 2 veiksmo
        # ..., o 01.03.05 priemonė" → three items; 2 rows marked not implemented
        ("task_unachieved", 3, 2, 2, "match"),
        ("task_unachieved_listed", 3, 2, 3, "mismatch"),
        # line 86: 17 items; the annex has 16 rows
        ("task_items", 4, 17, 16, "mismatch"),
        # line 88: "septynių" and seven listed, all not implemented in the annex
        ("task_unachieved", 4, 7, 7, "match"),
        ("task_unachieved_listed", 4, 7, 7, "match"),
        ("task_unachieved_in_annex", 4, 7, 7, "match"),
        ("task_unachieved_unlisted", 4, 7, 7, "match"),
        ("task_verdict", 4, "partially", "partially", "match"),  # 9 of 16
        ("criterion_not_met", 1, 1, 1, "match"),
    ],
)
def test_2020(year2020, claim, task, claimed, recomputed, verdict):
    assert values(check(year2020, claim, task)) == (claimed, recomputed, verdict)


def test_2020_details(year2020):
    # task 2's partially implemented 01.02.01 action 5 (line 163) is not in the list of line 56
    assert "01.02.01 a5 (partially)" in check(year2020, "task_unachieved_unlisted", 2)["detail"]
    # task 3's 01.03.01 (partially, line 224) is described in another sentence (line 64)
    assert "01.03.01 (partially)" in check(year2020, "task_unachieved_unlisted", 3)["detail"]
    # the task sections' own counts 16 + 17 + 4 + 17 add up to the summary's 54
    assert "add up to 54" in check(year2020, "total_items")["detail"]
    assert "21" in check(year2020, "total_unimplemented")["how"]  # 17 + 4 partially
    assert check(year2020, "total_planned_eur")["difference"] == -500
    assert check(year2020, "total_items")["source_line"] == 108


@pytest.mark.parametrize(
    "claim",
    [
        "plan_measures",
        "plan_institutions",
        "commission_meetings",
        "commission_assignments",
        "commission_years",
        "commission_new_assignments",
        "trained_consultants",
        "tasks_criterion_not_met",
    ],
)
def test_2020_cannot_recompute(year2020, claim):
    row = check(year2020, claim)
    assert row["verdict"] == "cannot_recompute" and row["how"] == CANNOT_RECOMPUTE[claim]


def test_2020_mismatches(year2020):
    mismatches = year2020[year2020["verdict"] == "mismatch"]
    assert len(mismatches) == 12


def test_top_level_audit_and_audit_csv(tmp_path):
    import apanalysis
    from apanalysis.tables.assemble import parse_year
    from apanalysis.tables.store import write_year

    data = parse_year(2020)
    write_year(data, audit(data), processed_dir=tmp_path)
    written = pd.read_csv(tmp_path / "2020" / "audit.csv")
    assert list(written.columns) == AUDIT_COLUMNS
    table = apanalysis.audit(2020, processed_dir=tmp_path)
    assert len(written) == len(table)
    assert written["verdict"].tolist() == table["verdict"].tolist()
