"""Takeaway sentences built from the fixture summaries: the numbers are counted by hand."""

from __future__ import annotations

import pandas as pd
from helpers.analysis_fixtures import REASON_LABELS, amounts, claims, measures, municipal, tasks

from apanalysis.analysis import covid as cv
from apanalysis.analysis import criteria as cr
from apanalysis.analysis import spending as sp
from apanalysis.presentation import takeaways as tk


def test_formatting_helpers():
    assert tk.fmt_pct(17 / 53) == "32 %"
    assert tk.fmt_pct(float("nan")) == "n/a"
    assert tk.fmt_eur(29300) == "EUR 29,300"
    assert tk.fmt_eur(1163.81) == "EUR 1,163.81"
    assert tk.fmt_eur(9980.0) == "EUR 9,980"
    assert tk.fmt_number(55.5) == "55.5" and tk.fmt_number(70.0) == "70"
    assert tk.fmt_count(1, "task") == "1 task" and tk.fmt_count(3, "task") == "3 tasks"
    assert tk.rows_phrase(1) == "1 measure or action"
    assert tk.fmt_list(["a", "b", "c"]) == "a, b and c" and tk.fmt_list(["a"]) == "a"


def test_status_takeaway_numbers():
    counts = cr.status_counts(measures(), total=True)
    sentence = tk.status_takeaway(counts, cv.covid_share(measures()))
    assert sentence == (
        "4 of 12 measures and actions (33 %) were not implemented and 2 (17 %) were partially "
        "implemented; the pandemic is cited in 4 of these 6."
    )


def test_task_status_takeaway():
    sentence = tk.task_status_takeaway(cr.status_counts(measures()))
    # not implemented: task 2 has 2 (of 3); implemented share: task 4 2/3 = 67 % (task 1 2/4)
    assert sentence.startswith("Task 2 has the most measures and actions not implemented (2 of 3)")
    assert "task 4 has the highest implemented share (67 %, 2 of 3)" in sentence


def test_criteria_takeaway():
    sentence = tk.criteria_takeaway(cr.task_criteria(tasks()))
    assert sentence == (
        "Of 4 tasks, none was implemented, 3 were partially implemented and 1 was not implemented "
        "by the report's own verdict. Numerically, task 1 reached 55.5 % against a target of 70 %."
    )


def test_reasons_takeaway():
    sentence = tk.reasons_takeaway(cr.undone_rows(measures(), labels=REASON_LABELS))
    assert sentence.startswith("6 measures and actions were not (fully) implemented")
    assert "COVID-19 pandemic and its restrictions (4 rows)" in sentence
    assert "No information submitted (2 rows)" in sentence


def test_scorecard_takeaway():
    sentence = tk.scorecard_takeaway(cr.institution_scorecard(measures()))
    assert sentence == (
        "VRM is responsible for the most measures and actions (4), 75 % of them implemented; "
        "among the 2 institutions with at least 3 rows the lowest implementation rate is GP's "
        "(33 %, 1 of 3)."
    )


def test_municipal_takeaway():
    sentence = tk.municipal_takeaway(cr.municipal_summary(municipal()))
    assert sentence == (
        "3 municipalities reported 5 results on municipal measures and actions; 2 (40 %) were not "
        "implemented, and 1 municipality has no implemented result at all."
    )


def test_budget_and_totals_takeaways():
    sentence = tk.budget_takeaway(sp.task_budget(tasks(), total=True))
    assert sentence == (
        "Institutions planned EUR 696,200 for the 4 tasks and spent EUR 336,680 (48 % of plan); "
        # Task 3 spent 281.7 of 281.4 thousand EUR planned (report.txt line 80): 100.1 %, not 100 %
        "execution ranges from 3 % (task 4) to 100.1 % (task 3)."
    )
    totals = tk.totals_takeaway(sp.total_check(tasks(), claims()))
    assert (
        "planned figures sum to EUR 696,200, EUR 500 less than the stated total of EUR 696,700"
        in totals
    )
    assert "spent figures sum to EUR 336,680, matching the stated total of EUR 336,700" in totals


def test_amounts_and_unused_takeaways():
    sentence = tk.amounts_takeaway(sp.amounts_table(amounts(), measures()))
    # annex without the per-month rate: 5 amounts on 5 rows; largest 11,000 unused on 01.01.01
    assert sentence == (
        "The annex names 5 amounts for 5 measures and actions; the largest is EUR 11,000 "
        "(unused, 01.01.01)."
    )
    unused = sp.unused_funds(amounts(), measures(), cites_covid=lambda t: "pandemij" in t)
    assert tk.unused_takeaway(unused) == (
        "1 amount totalling EUR 11,000 is reported unused (01.01.01); the pandemic is given as "
        "the reason."
    )
    two = pd.concat([unused, unused.assign(covid=False, row="01.02.01")])
    assert tk.unused_takeaway(two) == (
        "2 amounts totalling EUR 22,000 are reported unused (01.01.01 and 01.02.01); the pandemic "
        "is given as the reason for 1 of them."
    )
    assert tk.unused_takeaway(unused.assign(covid=False)).endswith(
        "; the pandemic is not given as its reason."
    )
    assert tk.unused_takeaway(unused.iloc[:0]) == "The report names no unused amount."


def test_covid_takeaways():
    m = measures()
    assert tk.covid_task_takeaway(cv.covid_by(m, "task")) == (
        "The pandemic is cited in 5 of 12 measures and actions (42 %), most often in task 1 "
        "(2 of 4)."
    )
    assert tk.covid_reasons_takeaway(cv.reason_counts(m, labels=REASON_LABELS)) == (
        "The pandemic accounts for 4 of the 7 reasons given for rows not (fully) implemented "
        "(57 %), the most frequent reason."
    )
    assert tk.covid_share_takeaway(cv.covid_share(m)) == (
        "The pandemic is cited for 4 of the 6 measures and actions not (fully) implemented "
        "(67 %): 3 of 4 not implemented and 1 of 2 partially implemented."
    )
    online = cv.moved_online(m, municipal())
    assert tk.online_takeaway(online) == (
        "3 measures and actions mention online or remote activities, as does 1 municipal result "
        "from 1 municipality; 3 of these 4 texts also cite the pandemic."
    )
    cities = cv.covid_municipalities(municipal())
    assert tk.covid_municipal_takeaway(cities, 3) == (
        "2 of 3 municipalities cite the pandemic in 2 results (Kauno m. and Alytaus r.)."
    )


def test_sentences_agree_with_a_count_of_one():
    """Another year may have one row where 2020 had several: the verbs follow the counts."""
    from apanalysis.presentation.findings import audit_summary

    one_undone = cr.undone_rows(measures(), labels=REASON_LABELS).iloc[:1]
    assert tk.reasons_takeaway(one_undone).startswith(
        "1 measure or action was not (fully) implemented; the reasons most often given are: "
    )
    online = cv.moved_online(measures(), municipal()).set_index("row")
    # fixture: 01.01.01 "…posėdis vyko nuotoliniu būdu" cites COVID-19; 01.03.02 "Konsultuota
    # internetu…" does not
    assert tk.online_takeaway(online.loc[["01.01.01"]].reset_index()) == (
        "1 measure or action mentions online or remote activities; it also cites the pandemic."
    )
    assert tk.online_takeaway(online.loc[["01.03.02"]].reset_index()) == (
        "1 measure or action mentions online or remote activities; it does not cite the pandemic."
    )
    assert tk.online_takeaway(online.loc[["01.01.01", "01.03.02"]].reset_index()).endswith(
        "; 1 of these 2 texts also cites the pandemic."
    )
    audit = pd.DataFrame({"verdict": ["match", "mismatch", "cannot_recompute", "cannot_recompute"]})
    assert audit_summary(audit) == (
        "The audit made 4 checks of the narrative's figures: 1 matches the annex, 1 does not, "
        "and 2 cannot be recomputed from the tables."
    )


def test_takeaways_on_empty_inputs():
    none = measures().iloc[:0]
    assert tk.reasons_takeaway(cr.undone_rows(none, labels=REASON_LABELS)) == (
        "Every measure and action was implemented."
    )
    assert tk.online_takeaway(cv.moved_online(none)) == (
        "No result text mentions online activities."
    )
    assert tk.covid_municipal_takeaway(cv.covid_municipalities(municipal().iloc[:0]), 0) == (
        "None of the 0 municipalities reporting cites the pandemic."
    )
    assert isinstance(
        tk.status_takeaway(
            pd.DataFrame(
                {"implemented": [0], "partially": [0], "not_implemented": [0], "total": [0]}
            )
        ),
        str,
    )


def test_covid_municipal_takeaway_counts_the_municipal_table():
    cities = cv.covid_municipalities(municipal())
    assert tk.covid_municipal_takeaway(cities, municipal()).startswith("2 of 3 municipalities")
