"""The evaluator's file as an Excel workbook (``assessment.xlsx``), written and read with openpyxl.

One sheet, the header in row 1, one row per measure/action; ``evaluator_status`` offers a
drop-down list of the statuses. Every cell is written as a value (text or number), never as a
formula, whatever its text starts with.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from apanalysis.errors import ApanalysisError

SHEET_TITLE = "assessment"
STATUS_COLUMN = "evaluator_status"


def _cell_value(text: str) -> object:
    """A number for an integral or decimal text (so Excel shows a number), else the text."""
    if text and text.lstrip("-").replace(".", "", 1).isdigit():
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def template_bytes(
    columns: Sequence[str], rows: Sequence[Sequence[str]], statuses: Sequence[str]
) -> bytes:
    """An .xlsx workbook of ``columns`` and ``rows`` with a status list validation."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    for r, cells in enumerate([list(columns), *rows], start=1):
        for c, text in enumerate(cells, start=1):
            value = _cell_value(text) if r > 1 and columns[c - 1] == "achieved_value" else text
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with "=" stays text, never a formula
    letter = get_column_letter(list(columns).index(STATUS_COLUMN) + 1)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(statuses) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=STATUS_COLUMN,
        error=f"Pick one of: {', '.join(statuses)} (or leave empty).",
    )
    validation.add(f"{letter}2:{letter}{max(2, len(rows) + 1)}")
    sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    for c, width in enumerate((12, 8, 16, 20, 40, 20), start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """``(row number, cells as text)`` of each non-empty row of the workbook's first sheet."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as error:
        raise ApanalysisError(
            f"not an Excel workbook that can be read ({type(error).__name__}); save it again "
            "from Excel as 'Excel Workbook (*.xlsx)'",
            path,
        ) from None
    try:
        rows = []
        for number, values in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
            cells = [_text(value) for value in values]
            while cells and not cells[-1].strip():
                cells.pop()  # cells formatted but empty at the right
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
        return rows
    finally:
        book.close()
