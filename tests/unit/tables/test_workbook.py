"""The Excel workbook ``apanalysis-<year>.xlsx``: every table a sheet, readable, and safe."""

import hashlib
import io
import shutil
import zipfile
from datetime import date

import pandas as pd
import pytest
from helpers.e2e import INJECTED_RAW
from openpyxl import load_workbook

from apanalysis import paths
from apanalysis.analysis.audit import audit
from apanalysis.tables import spec
from apanalysis.tables.assemble import parse_year
from apanalysis.tables.store import WORKBOOK_FILE, write_year
from apanalysis.tables.workbook import (
    CUT_NOTE,
    MAX_CELL_TEXT,
    MAX_WIDTH,
    README_SHEET,
    SHEETS,
    cell_value,
    workbook_bytes,
)

#: data/raw/2020/report.txt line 132, the annex row 01.01.01:
#: "01.01.01.<TAB>Organizuoti Kovos su prekyba žmonėmis koordinavimo komisijos veiklą:<TAB>
#:  Vidaus reikalų ministerija (VRM)<TAB>Organizuotų posėdžių skaičius – 2<TAB>
#:  <i>Neįgyvendinta.</i> Dėl COVID-19 pandemijos organizuotas vienas ..."
ROW_01_01_01 = {
    "code": "01.01.01",
    "measure_title": "Organizuoti Kovos su prekyba žmonėmis koordinavimo komisijos veiklą:",
    "institutions_raw": "Vidaus reikalų ministerija (VRM)",
    "criterion": "Organizuotų posėdžių skaičius – 2",
    "target_value": 2,
}
HOSTILE = '=HYPERLINK("http://evil.example/","VRM")'


def write(raw_dir, processed_dir):
    data = parse_year(2020, raw_dir)
    write_year(data, audit(data), processed_dir=processed_dir)
    return processed_dir / "2020" / WORKBOOK_FILE.format(year=2020)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return write(paths.RAW_DIR, tmp_path_factory.mktemp("processed"))


@pytest.fixture(scope="module")
def book(written):
    return load_workbook(written)


def as_dict(sheet, row: int) -> dict:
    header = [cell.value for cell in sheet[1]]
    return dict(zip(header, [cell.value for cell in sheet[row]], strict=True))


def test_every_table_is_a_sheet_with_the_spec_header(book):
    assert book.sheetnames == [README_SHEET, *SHEETS]
    for name in SHEETS:
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == spec.COLUMNS[name], name
        assert all(cell.font.bold for cell in sheet[1])


def test_rows_are_all_there(book, written):
    for name in SHEETS:
        frame = pd.read_csv(written.parent / f"{name}.csv")
        assert book[name].max_row == len(frame) + 1, name


def test_header_frozen_and_filtered(book):
    for name in SHEETS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == sheet.dimensions, name
    assert book["measures"].auto_filter.ref == "A1:AC54"  # 29 columns, 53 rows + header


def test_column_widths_fit_and_long_texts_wrap(book):
    sheet = book["measures"]
    widths = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    assert widths["year"] < 12 and widths["code"] < 15  # short values, narrow columns
    assert widths["result_text"] == MAX_WIDTH  # long text: capped ...
    column = spec.COLUMNS["measures"].index("result_text") + 1
    assert sheet.cell(row=2, column=column).alignment.wrap_text  # ... and wrapped
    assert sheet.row_dimensions[2].height > 15  # in a row tall enough to show some lines


def test_lithuanian_letters_and_numbers_are_intact(book):
    row = as_dict(book["measures"], 2)
    assert {key: row[key] for key in ROW_01_01_01} == ROW_01_01_01
    assert not isinstance(row["target_value"], str)  # a number, not text
    assert row["status_raw"] == "Neįgyvendinta"
    assert row["action"] is None  # a measure's own row: empty, not "nan" or "<NA>"
    assert row["covid"] is True


def test_readme_sheet_names_the_source_and_holds_the_dictionary(book):
    rows = [[cell.value for cell in row] for row in book[README_SHEET].iter_rows()]
    top = next(i for i, row in enumerate(rows) if row[0] == "Table")
    facts = {row[0]: row[1] for row in rows[:top] if row[0]}
    report = paths.RAW_DIR / "2020" / "report.txt"
    assert facts["Source file"] == "report.txt"
    assert facts["Source SHA-256"] == hashlib.sha256(report.read_bytes()).hexdigest()
    assert date.fromisoformat(facts["Build date"])
    assert facts["measures"] == 53 and facts["municipal"] == 54  # rows per sheet
    dictionary = {(row[0], row[1]): row for row in rows[top + 1 :]}
    assert len(dictionary) == sum(len(spec.COLUMNS[name]) for name in SHEETS)
    for name in SHEETS:
        for column in spec.TABLES[name].columns:
            _, _, type_, meaning, example, _ = dictionary[name, column.name]
            assert (meaning, example or "") == (column.meaning, column.example)
    assert dictionary["measures", "action"][2] == "int, may be empty"
    assert book[README_SHEET].auto_filter.ref == f"A{top + 1}:F{len(rows)}"


def test_a_formula_from_the_report_stays_text(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(INJECTED_RAW / "2020", raw / "2020")
    report = raw / "2020" / "report.txt"
    text = report.read_text(encoding="utf-8")
    cell = "\tVidaus reikalų ministerija (VRM) <img"
    assert text.count(cell) == 1  # the institution cell of 01.01.01 (line 132)
    report.write_text(text.replace(cell, f"\t{HOSTILE} Vidaus reikalų ministerija"), "utf-8")
    path = write(raw, tmp_path / "processed")
    sheet = load_workbook(path)["measures"]
    column = spec.COLUMNS["measures"].index("institutions_raw") + 1
    hostile = sheet.cell(row=2, column=column)
    assert hostile.value.startswith(HOSTILE)
    assert hostile.data_type == "s" and hostile.quotePrefix  # shown as written, never run
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)


def test_every_text_that_looks_like_a_formula_is_quoted():
    tables = {name: pd.DataFrame(columns=spec.COLUMNS[name]) for name in SHEETS}
    texts = ["=1+1", "+370", "-5 EUR", "@SUM(A1)", "plain"]
    tables["problems"] = pd.DataFrame(
        {"file": texts, "line": pd.array([1] * 5, dtype="Int64"), "problem": texts}
    )
    book = load_workbook(filename=io.BytesIO(workbook_bytes(2020, tables, ("r.txt", "0"))))
    cells = [row[0] for row in book["problems"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == texts
    assert all(c.data_type == "s" for c in cells)
    assert [bool(c.quotePrefix) for c in cells] == [True, True, True, True, False]


def test_cells_are_values_a_spreadsheet_can_hold():
    assert cell_value(pd.NA) is None and cell_value(float("nan")) is None
    assert cell_value("") is None  # empty text: an empty cell
    assert cell_value("a\x0cb") == "a\ufffdb"  # a form feed from a PDF conversion
    long = cell_value("ž" * (MAX_CELL_TEXT + 10))
    assert len(long) == MAX_CELL_TEXT and long.endswith(CUT_NOTE)


def test_the_same_tables_give_the_same_bytes(written):
    folder = written.parent
    tables = {name: pd.read_csv(folder / f"{name}.csv", dtype=str) for name in SHEETS}
    first = workbook_bytes(2020, tables, ("report.txt", "0"), built=date(2021, 3, 1))
    again = workbook_bytes(2020, tables, ("report.txt", "0"), built=date(2021, 3, 1))
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml")
    assert b"2021-03-01T00:00:00Z</dcterms:modified>" in core


def test_csv_files_still_open_with_their_letters(written):
    data = (written.parent / "municipal.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfyear,code,action,municipality,")
    frame = pd.read_csv(written.parent / "municipal.csv", encoding="utf-8-sig", dtype=str)
    # report.txt line 186: "<p><i>Ukmergės rajono savivaldybė. Įgyvendinta.</i> ..."
    assert "Ukmergės rajono savivaldybė" in set(frame.municipality)
