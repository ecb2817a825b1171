"""Tests of apanalysis.workspace.annotations: the evaluator's assessment.csv, its template and validation.

Every test works on a copy of the 2020 report in a temporary raw folder; data/raw is never touched.
"""

import math

import pytest

from apanalysis.cli import main
from apanalysis.errors import ApanalysisError
from apanalysis.workspace.annotations import (
    COLUMNS,
    assessed_measures,
    assessment_path,
    read_assessment,
    write_template,
)

HEADER = ",".join(COLUMNS)


@pytest.fixture(scope="module")
def measures():
    from apanalysis.tables.assemble import parse_year

    return parse_year(2020).measures


def write(raw, text):
    path = assessment_path(2020, raw)
    path.write_text(text, encoding="utf-8")
    return path


def read(raw, measures):
    return read_assessment(2020, raw_dir=raw, measures=measures)


def test_template_then_edit_then_read(raw, tmp_path, measures):
    path = write_template(2020, raw_dir=raw, processed_dir=tmp_path / "processed")
    assert path == raw / "2020" / "assessment.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER + ",evaluator_completion"
    assert len(lines) == 1 + len(measures)  # 53 measure/action rows
    # prefilled: 01.01.01 (line 132 of the report) reads "vienas ... posėdis", not implemented:
    # 1 of 2 meetings is limited completion
    assert lines[1] == "01.01.01,,1,not_implemented,,,limited"
    assert lines[2] == "01.01.01,1,,implemented,,,complete"
    # the evaluator disagrees about two rows
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "01.01.07,,2,implemented,,,complete",
        '01.01.07,,2,partially,"GP held none, only VRM",A. Vertintoja,substantial',
    )
    assert "01.04.10,,10,implemented,,,complete" in text  # line 274: "organizuota 10 mokymų"
    text = text.replace("01.04.10,,10,implemented,,,complete", "01.04.10,,9,,one was a seminar,,")
    path.write_text(text, encoding="utf-8")

    table = read(raw, measures)
    assert list(table.columns) == [*COLUMNS, "evaluator_completion", "line"]
    assert len(table) == len(measures)
    given = table[(table.code == "01.01.07")].iloc[0]
    assert (given.evaluator_status, given.comment, given.evaluator) == (
        "partially",
        "GP held none, only VRM",
        "A. Vertintoja",
    )

    assessed = assessed_measures(SimpleData(measures), table)
    meetings = row(assessed, "01.01.07")
    assert (meetings.assessed_status, meetings.status) == ("partially", "implemented")
    assert meetings.evaluator == "A. Vertintoja"
    assert (meetings.assessed_completion, meetings.completion) == ("substantial", "complete")
    trainings = row(assessed, "01.04.10")
    # an empty status keeps the reported one; the value is the evaluator's
    assert trainings.assessed_status == "implemented" and trainings.assessed_achieved_value == 9
    assert trainings.assessment_comment == "one was a seminar"
    assert trainings.assessed_completion == "complete"  # empty: the derived level stays
    unchanged = (assessed["assessed_status"] == assessed["status"]).sum()
    assert unchanged == len(measures) - 1


class SimpleData:
    def __init__(self, measures):
        self.measures = measures


def row(frame, code, action=None):
    same_action = frame.action.isna() if action is None else frame.action == action
    mask = (frame.code == code) & same_action
    (index,) = frame.index[mask]
    return frame.loc[index]


def test_template_never_overwrites(raw, tmp_path):
    path = write(raw, "my own work\n")
    with pytest.raises(ApanalysisError) as error:
        write_template(2020, raw_dir=raw, processed_dir=tmp_path / "processed")
    assert error.value.path == path and "not overwritten" in str(error.value)
    assert path.read_text(encoding="utf-8") == "my own work\n"


def test_cli_annotate_writes_once(raw, tmp_path, capsys):
    args = [
        "annotate",
        "--year",
        "2020",
        "--raw-dir",
        str(raw),
        "--processed-dir",
        str(tmp_path / "processed"),
    ]
    assert main(args) == 0
    assert assessment_path(2020, raw).is_file()
    assert main(args) == 2
    assert "already exists" in capsys.readouterr().err


def test_no_file_is_none(raw, measures):
    assert read(raw, measures) is None


def test_no_assessment_keeps_the_reported_values(measures):
    assessed = assessed_measures(SimpleData(measures), None)
    assert (assessed["assessed_status"] == measures["status"]).all()
    same = assessed["assessed_achieved_value"].fillna(-1) == measures["achieved_value"].fillna(-1)
    assert same.all()


def test_rows_may_be_left_out_and_a_bom_and_a_decimal_comma_are_fine(raw, measures):
    write(raw, "\ufeff" + HEADER + '\n01.04.11,,"0,5",not_implemented,,\n\n')
    table = read(raw, measures)
    assert len(table) == 1 and table.achieved_value.iloc[0] == 0.5
    assert table.line.iloc[0] == 2
    assessed = assessed_measures(SimpleData(measures), table)
    changed = row(assessed, "01.04.11")
    assert changed.assessed_status == "not_implemented" and changed.status == "implemented"
    other = row(assessed, "01.04.10")  # not in the file: reported values (10 trainings, line 274)
    assert other.assessed_status == "implemented" and other.assessed_achieved_value == 10


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("code,action,value,evaluator_status,comment,evaluator\n", 1, "header must be exactly"),
        # semicolons are read as Excel writes them (issue 14), but the columns must still match
        ("code;action;value;evaluator_status;comment;evaluator\n", 1, "header must be exactly"),
        ("", 1, "empty file"),
        (
            HEADER + "\n01.01.01,,1,not_implemented,,\n01.09.09,,,implemented,,\n",
            3,
            "unknown measure/action '01.09.09'",
        ),
        (HEADER + "\n01.01.01,7,,implemented,,\n", 2, "unknown measure/action '01.01.01 action 7'"),
        (HEADER + "\n01.01.01,,,done,,\n", 2, "evaluator_status must be one of"),
        (
            HEADER + ",evaluator_completion\n01.01.01,,,,,,half\n",
            2,
            "evaluator_completion must be one of",
        ),
        (HEADER + ",evaluator_completion\n01.01.01,,,,,\n", 2, "expected 7 fields, got 6"),
        (HEADER + ",completion\n", 1, "header must be exactly"),
        (HEADER + "\n01.01.01,,one,implemented,,\n", 2, "achieved_value must be a number"),
        (HEADER + "\n01.01.01,a1,,implemented,,\n", 2, "action must be a positive whole number"),
        (HEADER + "\n01.01.01,,,implemented\n", 2, "expected 6 fields, got 4"),
        (
            HEADER + "\n01.01.01,,,,,\n01.01.03,,,,,\n01.01.01,,,,,\n",
            4,
            "01.01.01 appears twice (first on line 2)",
        ),
        (HEADER + '\n01.01.01,,,,"a comment\non two lines",\n01.01.01,,,,,\n', 4, "appears twice"),
    ],
)
def test_malformed_files_name_the_line(raw, measures, text, line, words):
    path = write(raw, text)
    with pytest.raises(ApanalysisError) as error:
        read(raw, measures)
    assert error.value.path == path and error.value.line == line
    assert words in error.value.message
    assert str(path) in str(error.value) and f":{line}:" in str(error.value)


def test_files_without_the_completion_column_stay_valid(raw, measures):
    write(raw, HEADER + "\n01.01.01,,1,partially,,\n")
    table = read(raw, measures)
    assert table.evaluator_completion.tolist() == [""]
    assessed = assessed_measures(SimpleData(measures), table)
    assert (assessed["assessed_completion"] == measures["completion"]).all()


def test_reading_without_measures_loads_the_year(raw, tmp_path):
    write(raw, HEADER + "\n01.01.01,,1,partially,,\n")
    table = read_assessment(2020, raw_dir=raw)
    assert table.evaluator_status.tolist() == ["partially"]
    assert not math.isnan(table.achieved_value.iloc[0])
