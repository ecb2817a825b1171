"""The year's tables as one Excel workbook, ``apanalysis-<year>.xlsx``, for readers who use a
spreadsheet.

A ``README`` sheet first (the source file, its SHA-256, the build date, the rows of each sheet,
then the data dictionary from :mod:`.spec`), then one sheet per table of :data:`SHEETS`: a bold
frozen header row, an autofilter, column widths fitted to their contents (long texts wrap, rows
tall enough for a few lines), printed landscape on A4 with the header on every page.

Safe and exact:

- **No live formula.** Text is always stored as text: a cell starting with ``=``, ``+``, ``-``
  or ``@`` (as report text may) gets the "quote prefix" style, so the spreadsheet shows it as
  written and never evaluates it.
- Lithuanian letters are kept (the file is XML in UTF-8). Characters that XML cannot hold
  (control characters from a PDF conversion) become U+FFFD; a text longer than a cell can hold
  (32,767 characters) is cut with a note. The CSV files keep every character.
- **Deterministic:** the same tables and build date give the same bytes (fixed timestamps in
  the zip and the document properties), so two builds of one day are identical.
"""

from __future__ import annotations

import io
import math
import os
import re
import zipfile
from copy import copy
from datetime import UTC, date, datetime

import pandas as pd

from apanalysis.formats import FORMULA_STARTS
from apanalysis.tables.dictionary import type_label
from apanalysis.tables.spec import TABLES

#: Tables written as sheets, in this order (``lines``, the annex line map, stays in its CSV).
SHEETS = ("measures", "municipal", "tasks", "claims", "amounts", "caveats", "audit", "problems")
README_SHEET = "README"
#: A text starting with one of these would be read as a formula by a spreadsheet.
MAX_CELL_TEXT = 32_767  # Excel's limit
CUT_NOTE = " … [cut: the CSV file has the whole text]"
MIN_WIDTH, MAX_WIDTH = 6, 60
#: Booleans read TRUE/FALSE in every spreadsheet (LibreOffice would show 1/0 without it).
BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"'
LINE_HEIGHT, MAX_LINES = 15, 8  # points per line; a longer text is whole in its cell
NOTE = (
    "Text is stored as text: a cell starting with =, +, - or @ is never a formula. An empty cell"
    " is a missing value. Lists inside a cell are separated by ';'. The CSV files hold the same"
    " tables."
)
#: Fixed time stamp of every file inside the workbook's zip (zip time stamps start in 1980).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CORE_PROPERTIES = "docProps/core.xml"
MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def build_date() -> date:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return datetime.now(UTC).date()


def cell_value(value: object) -> object:
    """A table value as a cell value: None (an empty cell) for missing values and "", Python
    numbers and bools, safe text."""
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return safe_text(value) or None  # "" is this project's missing text: an empty cell
    return value


def safe_text(text: str) -> str:
    """``text`` with characters XML cannot hold replaced, cut to what a cell can hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - len(CUT_NOTE)] + CUT_NOTE
    return text


def _styles(book) -> dict[tuple[bool, bool, bool], object]:
    """Cell style arrays by (bold, wrapped, quote prefix), made once: assigning style objects
    cell by cell is what makes openpyxl slow."""
    from openpyxl.styles import Alignment, Font

    styles = {}
    probe = book.create_sheet("probe")
    for bold in (False, True):
        for wrapped in (False, True):
            for quoted in (False, True):
                cell = probe.cell(row=1, column=1)
                cell.font = Font(bold=bold)
                cell.alignment = Alignment(wrap_text=wrapped, vertical="top")
                cell.quotePrefix = quoted
                styles[bold, wrapped, quoted] = copy(cell._style)
    cell = probe.cell(row=1, column=2)
    cell.alignment, cell.number_format = Alignment(vertical="top"), BOOLEAN_FORMAT
    styles[bool] = copy(cell._style)
    book.remove(probe)
    return styles


def _put(sheet, row: int, column: int, value: object, styles: dict, bold=False, wrapped=False):
    """Write one cell. Text is always stored as text (never a formula), with the quote prefix
    where it looks like one."""
    cell = sheet.cell(row=row, column=column)
    value = cell_value(value)
    quoted = False
    if isinstance(value, str):
        # set directly: assigning ``cell.value`` would turn "=..." into a live formula
        cell._value, cell.data_type = value, "s"
        quoted = value.startswith(FORMULA_STARTS)
    else:
        cell.value = value
    style = styles[bool] if isinstance(value, bool) else styles[bold, wrapped, quoted]
    cell._style = copy(style)


def _width(values: list[object], header: str) -> float:
    longest = max(
        [len(header) + 3]  # room for the filter button
        + [max(map(len, str(v).splitlines()), default=0) for v in values if v is not None]
    )
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 1)))


def _lines(value: object, width: float) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide."""
    if not isinstance(value, str):
        return 1
    per_line = max(int(width) - 2, 1)
    return sum(max(1, math.ceil(len(line) / per_line)) for line in value.splitlines() or [""])


def _write_table(
    sheet, header: list[str], rows: list[list[object]], styles: dict, top: int = 1
) -> None:
    """A table from row ``top``: a bold header with an autofilter, then the rows. Columns are
    sized to fit; text in the widest columns wraps, its row made tall enough for
    :data:`MAX_LINES` lines (the cell holds the whole text)."""
    from openpyxl.utils import get_column_letter

    lines = [1] * len(rows)
    for column, name in enumerate(header, start=1):
        values = [row[column - 1] for row in rows]
        width = _width(values, name)
        wrapped = width >= MAX_WIDTH
        sheet.column_dimensions[get_column_letter(column)].width = width
        _put(sheet, top, column, name, styles, bold=True)
        for index, value in enumerate(values):
            _put(sheet, top + 1 + index, column, value, styles, wrapped=wrapped)
            if wrapped:
                lines[index] = max(lines[index], _lines(cell_value(value), width))
    for index, count in enumerate(lines):
        if count > 1:
            sheet.row_dimensions[top + 1 + index].height = LINE_HEIGHT * min(count, MAX_LINES)
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A{top}:{last}{top + len(rows)}"
    sheet.print_title_rows = f"{top}:{top}"  # the header on every printed page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4


def _frame_rows(frame: pd.DataFrame) -> list[list[object]]:
    columns = [frame[column].tolist() for column in frame.columns]
    return [list(row) for row in zip(*columns, strict=True)]


def _plain(text: object) -> str:
    """Spec text without its Markdown code marks (a rule in words; "" for no rule)."""
    if text is None:
        return ""
    return (text if isinstance(text, str) else text.describe()).replace("`", "")


def _write_readme(
    sheet,
    year: int,
    tables: dict[str, pd.DataFrame],
    source: tuple[str, str],
    built: date,
    styles: dict,
) -> None:
    """The README sheet: what the file is and where it comes from, its sheets, then the data
    dictionary (a table with an autofilter)."""
    from apanalysis import __version__

    source_name, source_sha256 = source
    about = [
        [f"Tables of the {year} implementation report, made by apanalysis"],
        ["Source file", source_name],
        ["Source SHA-256", source_sha256],
        ["Build date", built.isoformat()],
        ["apanalysis version", __version__],
        [NOTE],
        [],
        ["Sheet", "Rows", "One row is"],
        *[[name, len(tables[name]), TABLES[name].row] for name in SHEETS],
        [],
    ]
    for r, values in enumerate(about, start=1):
        bold = r == 1 or values[:1] == ["Sheet"]
        for column, value in enumerate(values, start=1):
            _put(sheet, r, column, value, styles, bold=bold)
    dictionary = [
        [name, c.name, type_label(c), _plain(c.meaning), c.example, _plain(c.rule)]
        for name in SHEETS
        for c in TABLES[name].columns
    ]
    header = ["Table", "Column", "Type", "Meaning", "Example", "Check"]
    _write_table(sheet, header, dictionary, styles, top=len(about) + 1)
    labels = [len(str(values[0])) + 1 for values in about[1:5]]
    sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width, *labels)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def workbook_bytes(
    year: int,
    tables: dict[str, pd.DataFrame],
    source: tuple[str, str],
    built: date | None = None,
) -> bytes:
    """The workbook of ``tables`` (every name of :data:`SHEETS`) as ``.xlsx`` bytes;
    ``source`` is the raw file's name and SHA-256."""
    from openpyxl import Workbook

    built = built or build_date()
    book = Workbook()
    styles = _styles(book)
    readme = book.active
    readme.title = README_SHEET
    _write_readme(readme, year, tables, source, built, styles)
    for name in SHEETS:
        frame = tables[name]
        sheet = book.create_sheet(name)
        _write_table(sheet, list(frame.columns), _frame_rows(frame), styles)
        sheet.freeze_panes = "A2"
    stamp = datetime(built.year, built.month, built.day)
    book.properties.creator = "apanalysis"
    book.properties.title = f"Tables of the {year} implementation report ({source[0]})"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)  # sets the "modified" property to now: fixed again below
    return _fixed_zip_times(buffer.getvalue(), stamp.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _fixed_zip_times(data: bytes, modified: str) -> bytes:
    """The same zip with every member's time stamp, and the document's "modified" property,
    fixed: equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == CORE_PROPERTIES:
                content = MODIFIED.sub(rb"\g<1>" + modified.encode() + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()
