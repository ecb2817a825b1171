"""Issue 14: the evaluator's file as Excel writes it, read through ``apanalysis validate``.

Each test copies the 2020 report into a temporary raw folder. The rows used: 01.01.07 (a
measure of task 1) and 01.04.10 ("organizuota 10 mokymų", line 274 of data/raw/2020/report.txt).
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from helpers.e2e import run_cli

from apanalysis.workspace.annotations import ALL_COLUMNS, COLUMNS, as_text_cell, read_assessment
from apanalysis.workspace.workbook import template_bytes

HEADER = ",".join(COLUMNS)


def validate(raw):
    return run_cli("validate", "--raw-dir", raw)


def excel_csv(raw, rows: list[list[str]], encoding: str, bom: bool = False) -> None:
    """A CSV as Excel with Lithuanian settings saves it: ';' between fields, CRLF."""
    text = "\r\n".join(";".join(cells) for cells in [list(COLUMNS), *rows]) + "\r\n"
    data = text.encode(encoding)
    (raw / "2020" / "assessment.csv").write_bytes(b"\xef\xbb\xbf" + data if bom else data)


def quoted(rows: list[list[str]]) -> list[list[str]]:
    return [[f'"{c}"' if ";" in c else c for c in cells] for cells in rows]


ROWS = [
    ["01.01.07", "", "2", "partially", "GP surengė ne visus; žr. pastabą", "Ž. Vertintoja"],
    ["01.04.10", "", "9,5", "", "vienas – seminaras", ""],
]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", True), ("utf-8", False), ("cp1257", False)]
)
def test_semicolons_bom_windows_1257_and_decimal_commas(raw, encoding, bom):
    excel_csv(raw, quoted(ROWS), encoding, bom)
    result = validate(raw)
    assert result.returncode == 0, result.stderr
    table = read_assessment(2020, raw_dir=raw)
    first, second = table.itertuples()
    assert (first.evaluator_status, first.comment, first.evaluator) == (
        "partially",
        "GP surengė ne visus; žr. pastabą",
        "Ž. Vertintoja",
    )
    assert second.achieved_value == 9.5 and second.comment == "vienas – seminaras"


def test_refusals_name_file_and_line_and_say_how_to_fix(raw):
    excel_csv(raw, quoted([ROWS[0], ["01.04.10", "", "9,5", "done", "", ""]]), "cp1257")
    result = validate(raw)
    assert result.returncode == 2
    path = raw / "2020" / "assessment.csv"
    assert result.stderr.strip() == (
        f"apanalysis: error: {path}:3: evaluator_status must be one of implemented, partially, "
        "not_implemented or empty, got 'done'; write one of these words exactly, or leave the "
        "cell empty"
    )


def test_a_workbook_saved_as_csv_is_refused_with_a_hint(raw):
    (raw / "2020" / "assessment.csv").write_bytes(template_bytes(COLUMNS, [], ["implemented"]))
    result = validate(raw)
    assert result.returncode == 2
    assert "Excel workbook saved under a .csv name; rename it to assessment.xlsx" in result.stderr


def test_annotate_xlsx_writes_a_workbook_that_is_read_back(raw, tmp_path):
    result = run_cli(
        "annotate", "--format", "xlsx", "--raw-dir", raw, "--processed-dir", tmp_path / "p"
    )
    assert result.returncode == 0, result.stderr
    path = raw / "2020" / "assessment.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["assessment"]
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(ALL_COLUMNS)
    assert sheet.max_row == 1 + 53  # 53 measure/action rows in the 2020 annex
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"implemented,partially,not_implemented"'
    assert str(validation.sqref) == "D2:D54"
    # the evaluator edits 01.04.10 (line 274: 10 trainings) in Excel and saves
    (row,) = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "01.04.10"]
    assert row[2].value == 10
    row[2].value, row[3].value, row[4].value = 9.5, "partially", "=vienas seminaras"
    book.save(path)
    assert validate(raw).returncode == 0
    table = read_assessment(2020, raw_dir=raw)
    given = table[table.code == "01.04.10"].iloc[0]
    assert (given.achieved_value, given.evaluator_status) == (9.5, "partially")
    assert run_cli("annotate", "--raw-dir", raw, "--processed-dir", tmp_path / "p").returncode == 2


def test_both_a_csv_and_a_workbook_is_refused(raw):
    excel_csv(raw, quoted(ROWS[:1]), "utf-8")
    (raw / "2020" / "assessment.xlsx").write_bytes(template_bytes(COLUMNS, [], ["implemented"]))
    result = validate(raw)
    assert result.returncode == 2
    assert "both assessment.csv and assessment.xlsx exist" in result.stderr


@pytest.mark.parametrize("text", ["=1+1", "+31", "-2", "@SUM(A1)", '=HYPERLINK("http://x")'])
def test_written_cells_are_never_live_formulas(text):
    assert as_text_cell(text) == "'" + text
    data = template_bytes(COLUMNS, [[text, "", "", "", text, ""]], ["x"])
    book = openpyxl.load_workbook(io.BytesIO(data))
    cell = book.active["A2"]
    assert cell.data_type == "s" and cell.value == text
    assert book.active["E2"].data_type == "s"
