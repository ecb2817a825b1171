"""Synthetic years: edited copies of the 2020 report parsed with no code change.

The fixtures under tests/fixtures/years/<name>/<year>/report.txt are made by
tests/fixtures/years/make_fixtures.py (its output is committed; these tests never run it).
Each <name>/expected.json was written by hand from the edits that script makes, starting from
the hand-read 2020 values of test_backtest_2020.py -- never from the parser's output.
"""

from __future__ import annotations

import json
import math
import re
import shutil

import pandas as pd
import pytest
from helpers import FIXTURES_DIR

from apanalysis.errors import ApanalysisError
from apanalysis.source.reader import read_report
from apanalysis.tables.assemble import parse_year

FIXTURES = FIXTURES_DIR / "years"
NAMES = ("edited_crlf", "edited_cp1257")


def expected(name: str) -> dict:
    return json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    want = expected(request.param)
    data = parse_year(want["year"], raw_dir=FIXTURES / request.param)
    return request.param, want, data


def row(data, code: str, action: int | None):
    m = data.measures
    mask = (m.code == code) & (m.action.isna() if action is None else m.action == action)
    return m[mask]


def test_fixtures_are_not_under_data_raw():
    from apanalysis import paths

    for name in NAMES:
        year = expected(name)["year"]
        assert not paths.year_dir(year).exists() or not any((paths.year_dir(year)).glob("report*"))


def test_encoding_and_no_problems(case):
    name, want, data = case
    assert data.problems.empty, data.problems.to_string()
    assert len(data.problems) == want["problems"]
    source = read_report(data.source, expected_year=want["year"])
    assert source.encoding == want["encoding"]


def test_rows_per_task_and_status(case):
    _, want, data = case
    assert len(data.measures) == want["rows"]
    per_task = data.measures.groupby("task").size()
    assert {str(k): int(v) for k, v in per_task.items()} == want["rows_per_task"]
    counts = data.measures.groupby(["task", "status"]).size().unstack(fill_value=0)
    for status, by_task in want["status_per_task"].items():
        got = counts[status] if status in counts else pd.Series(0, index=counts.index)
        assert {str(k): int(v) for k, v in got.items()} == by_task, status


def test_absent_rows(case):
    _, want, data = case
    for code, action in want["absent"]:
        assert row(data, code, action).empty, (code, action)


def test_rows_checked(case):
    _, want, data = case
    for spec in want["rows_checked"]:
        found = row(data, spec["code"], spec["action"])
        assert len(found) == 1, spec
        r = found.iloc[0]
        for key, value in spec.items():
            if key in ("code", "action"):
                continue
            label = f"{spec['code']} {spec['action']} {key}"
            if key == "title_endswith":
                assert r.title.endswith(value), (label, r.title)
            elif key == "target_value":
                assert (math.isnan(r.target_value) and value is None) or r.target_value == value
            else:
                assert r[key] == value, (label, r[key])


def test_municipal_results_of_one_row(case):
    _, want, data = case
    spec = want["municipal"]
    mun = data.municipal
    part = mun[(mun.code == spec["code"]) & (mun.action == spec["action"])]
    assert len(part) == spec["count"]
    assert part.municipality.tolist() == spec["municipalities"]
    per_status = part.status.value_counts()
    for status, n in spec["per_status"].items():
        assert int(per_status.get(status, 0)) == n, status
    (count,) = row(data, spec["code"], spec["action"]).municipal_count
    assert count == spec["count"]


def test_task_budgets_verdicts_and_claims(case):
    _, want, data = case
    tasks = data.tasks.set_index("task")
    for column, by_task in want["task_budgets"].items():
        assert {str(k): v for k, v in tasks[column].items()} == by_task, column
    for task, verdict in want.get("task_verdicts", {}).items():
        assert tasks.loc[int(task), "verdict"] == verdict
    claims = data.claims[data.claims.task.isna()].set_index("claim")
    for claim, value in want["claims"].items():
        assert claims.loc[claim, "value"] == value, claim


def test_every_annex_line_is_accounted_for(case):
    name, want, data = case
    raw = data.source.read_bytes().decode("utf-8-sig" if want["encoding"] == "utf-8" else "cp1257")
    lines = re.split(r"\r\n|\r|\n", raw)  # line numbers as an editor counts them
    start = next(n for n, line in enumerate(lines, start=1) if line.strip() == "Priedas.")
    non_empty = [n for n in range(start + 1, len(lines) + 1) if lines[n - 1].strip()]
    assert sorted(data.lines.line) == non_empty
    assert set(data.lines.kind) <= {"layout", "task", "row", "continuation"}
    assert (data.lines.kind == "row").sum() == len(data.measures)


@pytest.mark.parametrize("name", NAMES)
def test_the_heading_year_must_match_the_folder(tmp_path, name):
    year = expected(name)["year"]
    source = FIXTURES / name / str(year) / "report.txt"
    (tmp_path / "2020").mkdir()
    shutil.copy(source, tmp_path / "2020" / "report.txt")
    with pytest.raises(ApanalysisError, match=f"heading names {year}, but it is in the folder"):
        parse_year(2020, raw_dir=tmp_path)


def test_the_annex_heading_names_the_year_when_the_title_does_not(tmp_path):
    # the 2021 fixture with the title's year removed: the annex heading "... rezultatai 2021 m."
    # is then the first heading naming a year
    data = (FIXTURES / "edited_crlf" / "2021" / "report.txt").read_bytes().decode("utf-8-sig")
    data = data.replace("KOMISIJOS 2021 METŲ VEIKLOS", "KOMISIJOS VEIKLOS", 1)
    for year in (2021, 2023):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "report.txt").write_text(data, encoding="utf-8")
    assert len(parse_year(2021, raw_dir=tmp_path).measures) == 54
    with pytest.raises(ApanalysisError, match="heading names 2021") as error:
        parse_year(2023, raw_dir=tmp_path)
    assert data.split("\r\n")[error.value.line - 1].startswith("## Kovos su prekyba žmonėmis 2020")
