"""Evaluator annotations: ``data/raw/<year>/assessment.csv``, an evaluator's own verdicts.

* :func:`write_template` writes the file once (``apanalysis annotate --year Y``), one row per
  measure/action, prefilled with the reported achieved value, status and completion level; it
  never overwrites an existing file. This is the only place the pipeline writes under ``data/raw``. With
  ``fmt="xlsx"`` it writes ``assessment.xlsx`` instead: one sheet, and a drop-down list of the
  statuses in the ``evaluator_status`` column. No written cell is ever a live formula: text
  starting with ``= + - @`` is written as text (an apostrophe before it in the CSV).
* :func:`read_assessment` reads it back, as a spreadsheet saves it: CSV with ``,`` or ``;``
  between fields, UTF-8 with or without a byte-order mark or Windows-1257, decimal commas; or the
  workbook. It is strict: the header must be exactly :data:`COLUMNS`, optionally followed by
  :data:`OPTIONAL_COLUMNS` (files written before the completion column stay valid); every row
  must name a measure/action of the year's annex, once; the status must be one of
  :data:`STATUSES` or empty, the completion one of
  :data:`~apanalysis.source.completion.COMPLETION_LEVELS` or empty; the achieved value a number ("12", "0,5", "0.5") or empty. Any breach is an
  :class:`~apanalysis.errors.ApanalysisError` naming the file and the 1-based line (the sheet's
  row) and saying how to fix it. Rows may be deleted (those rows keep the reported values).
* :func:`assessed_measures` adds ``assessed_status``, ``assessed_achieved_value`` and
  ``assessed_completion`` to the measures: the evaluator's when given, else the reported ones.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from pathlib import Path

import pandas as pd

from apanalysis import paths
from apanalysis.errors import ApanalysisError
from apanalysis.formats import as_text_cell, from_text_cell
from apanalysis.source.completion import COMPLETION_LEVELS
from apanalysis.tables.schema import STATUSES
from apanalysis.vocabulary.numbers import parse_number

__all__ = [
    "ALL_COLUMNS",
    "COLUMNS",
    "OPTIONAL_COLUMNS",
    "STATUSES",
    "assessed_measures",
    "assessment_path",
    "read_assessment",
    "write_template",
]

COLUMNS: tuple[str, ...] = (
    "code",
    "action",
    "achieved_value",
    "evaluator_status",
    "comment",
    "evaluator",
)
#: Columns a file may add after :data:`COLUMNS` (the template writes them).
OPTIONAL_COLUMNS: tuple[str, ...] = ("evaluator_completion",)
ALL_COLUMNS = (*COLUMNS, *OPTIONAL_COLUMNS)


#: How to save a CSV that the reader takes, said with every refusal of its encoding or form.
SAVE_HINT = "save it from Excel as 'CSV UTF-8', or use `apanalysis annotate --format xlsx`"
#: Characters that make a spreadsheet cell a formula (or, for tab and CR, hide one).


def assessment_path(year: int, raw_dir: Path | None = None, fmt: str | None = None) -> Path:
    """``<raw_dir>/<year>/assessment.csv`` (or ``.xlsx``): the file that exists (the CSV when
    neither does), or the one of format ``fmt``. Both existing is refused."""
    folder = paths.year_dir(int(year), raw_dir)
    if fmt is not None:
        return folder / f"{paths.ASSESSMENT_STEM}.{fmt}"
    found = [folder / name for name in paths.ASSESSMENT_FILES if (folder / name).is_file()]
    if len(found) > 1:
        raise ApanalysisError(
            f"both {' and '.join(p.name for p in found)} exist; keep the one the evaluator "
            "filled in and move the other away",
            folder,
        )
    return found[0] if found else folder / paths.ASSESSMENT_FILE


def _format_value(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    number = float(value)
    return str(int(number)) if number == int(number) else f"{number:g}"


def _template_rows(measures: pd.DataFrame) -> list[list[str]]:
    rows = []
    for row in measures.itertuples():
        action = "" if pd.isna(row.action) else str(int(row.action))
        achieved = _format_value(getattr(row, "achieved_value", None))
        completion = str(getattr(row, "completion", "") or "")
        rows.append([str(row.code), action, achieved, str(row.status), "", "", completion])
    return rows


def _template_text(measures: pd.DataFrame) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ALL_COLUMNS)
    for cells in _template_rows(measures):
        writer.writerow([as_text_cell(cell) for cell in cells])
    return buffer.getvalue()


def _write_new(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically, failing if ``target`` exists (even if it appears
    while writing)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # a file for people to edit, not a private temporary
        try:
            os.link(tmp, target)  # atomic and never replaces an existing file
        except FileExistsError:
            raise ApanalysisError(
                "assessment file already exists; not overwritten (edit it, or move it away to "
                "start again)",
                target,
            ) from None
        except OSError:  # a filesystem without hard links
            if target.exists():
                raise ApanalysisError(
                    "assessment file already exists; not overwritten", target
                ) from None
            os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_template(
    year: int, raw_dir: Path | None = None, processed_dir: Path | None = None, fmt: str = "csv"
) -> Path:
    """Write ``<raw_dir>/<year>/assessment.csv`` (``fmt="xlsx"``: ``assessment.xlsx``) for an
    evaluator, one row per measure/action, prefilled with the reported achieved value and
    status; refuse to overwrite an existing file (of either format)."""
    from apanalysis.tables.store import load_year

    if fmt not in ("csv", "xlsx"):
        raise ApanalysisError(f"format must be csv or xlsx, got {fmt!r}")
    target = assessment_path(year, raw_dir, fmt)
    for existing in (assessment_path(year, raw_dir, other) for other in ("csv", "xlsx")):
        if existing.exists():
            raise ApanalysisError(
                "assessment file already exists; not overwritten (edit it, or move it away to "
                "start again)",
                existing,
            )
    data = load_year(year, raw_dir=raw_dir, processed_dir=processed_dir)
    if fmt == "xlsx":
        from apanalysis.workspace.workbook import template_bytes

        _write_new(target, template_bytes(ALL_COLUMNS, _template_rows(data.measures), STATUSES))
    else:
        _write_new(target, _template_text(data.measures).encode("utf-8"))
    return target


def _decode(path: Path) -> str:
    """The CSV's text: UTF-8 (a byte-order mark dropped) or else Windows-1257, as Excel saves it
    with Lithuanian settings."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if data.startswith(b"PK\x03\x04"):
        raise ApanalysisError(
            "this is an Excel workbook saved under a .csv name; rename it to assessment.xlsx, "
            "or " + SAVE_HINT,
            path,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode("cp1257")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ApanalysisError(
            f"neither UTF-8 nor Windows-1257 text (byte 0x{data[utf8_error.start]:02X}); "
            + SAVE_HINT,
            path,
            line,
        ) from None


def _delimiter(text: str) -> str:
    """``;`` when the header is split by semicolons (Excel with a decimal comma), else ``,``."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """``(first line, cells)`` of each record of the file (blank records skipped)."""
    if path.suffix.lower() == ".xlsx":
        from apanalysis.workspace.workbook import read_rows

        padded = [
            (line, cells + [""] * (len(ALL_COLUMNS) - len(cells)))
            for line, cells in read_rows(path)
        ]
        return [(line, [from_text_cell(c) for c in cells]) for line, cells in padded]
    text = _decode(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    records = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                records.append((start, [from_text_cell(cell) for cell in cells]))
            start = reader.line_num + 1
    except csv.Error as error:  # reported at the record's first line: where a quote was opened
        unclosed = "end of data" in str(error)
        what = "a quote opened on this line is never closed" if unclosed else str(error)
        raise ApanalysisError(
            f"malformed CSV: {what}; fix the quotes on this line, or " + SAVE_HINT,
            path,
            start,
        ) from None
    return records


def _parse_action(text: str, path: Path, line: int) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ApanalysisError(
            f"action must be a positive whole number or empty, got {text!r}; copy it from the "
            "template (or leave it empty for a measure's own row)",
            path,
            line,
        )
    return int(text)


def _parse_value(text: str, path: Path, line: int) -> float:
    text = text.strip()
    if not text:
        return math.nan
    value = parse_number(text)
    if value is None:
        raise ApanalysisError(
            f"achieved_value must be a number or empty, got {text!r}; write a number such as "
            "12 or 0,5 (no units, no thousands separator other than a space), or leave it empty",
            path,
            line,
        )
    return value


def read_assessment(
    year: int, raw_dir: Path | None = None, measures: pd.DataFrame | None = None
) -> pd.DataFrame | None:
    """The evaluator's assessment of ``year`` (None when there is no file), validated against the
    year's measures (``measures``, or loaded). Columns: :data:`ALL_COLUMNS` ("" for
    ``evaluator_completion`` when the file has no such column) and ``line``."""
    path = assessment_path(year, raw_dir)
    if not path.is_file():
        return None
    if measures is None:
        from apanalysis.tables.store import load_year

        measures = load_year(year, raw_dir=raw_dir).measures
    known = {
        (code, None if pd.isna(action) else int(action))
        for code, action in zip(measures["code"], measures["action"], strict=True)
    }
    records = _rows(path)
    if not records:
        raise ApanalysisError(
            "empty file: expected the header " + ",".join(COLUMNS) + "; delete the file and "
            "write a new template with `apanalysis annotate`",
            path,
            1,
        )
    header_line, header = records[0]
    columns = tuple(cell.strip() for cell in header)
    if columns[len(ALL_COLUMNS) :] and not any(columns[len(ALL_COLUMNS) :]):
        columns = columns[: len(ALL_COLUMNS)]  # empty trailing cells of a padded sheet row
    if columns not in (COLUMNS, ALL_COLUMNS):
        raise ApanalysisError(
            f"header must be exactly {','.join(COLUMNS)} (optionally followed by "
            f"{','.join(OPTIONAL_COLUMNS)}); got {','.join(header)} (restore the "
            "template's first row; columns are separated by ',' or ';')",
            path,
            header_line,
        )
    rows, seen = [], {}
    for line, cells in records[1:]:
        if len(cells) > len(columns) and not any(c.strip() for c in cells[len(columns) :]):
            cells = cells[: len(columns)]
        if len(cells) != len(columns):
            raise ApanalysisError(
                f"expected {len(columns)} fields, got {len(cells)}; put text that holds the "
                "separator in double quotes, or keep one row per line as in the template",
                path,
                line,
            )
        values = dict(zip(columns, cells, strict=True))
        code = values["code"].strip()
        action = _parse_action(values["action"], path, line)
        label = code if action is None else f"{code} action {action}"
        if (code, action) not in known:
            raise ApanalysisError(
                f"unknown measure/action {label!r} (not in the {year} annex); copy code and "
                "action from the template, or delete the row",
                path,
                line,
            )
        if (code, action) in seen:
            raise ApanalysisError(
                f"{label} appears twice (first on line {seen[code, action]}); keep one of the "
                "two rows",
                path,
                line,
            )
        seen[code, action] = line
        status = values["evaluator_status"].strip()
        if status and status not in STATUSES:
            raise ApanalysisError(
                f"evaluator_status must be one of {', '.join(STATUSES)} or empty, got "
                f"{status!r}; write one of these words exactly, or leave the cell empty",
                path,
                line,
            )
        completion = values.get("evaluator_completion", "").strip()
        if completion and completion not in COMPLETION_LEVELS:
            raise ApanalysisError(
                f"evaluator_completion must be one of {', '.join(COMPLETION_LEVELS)} or empty, "
                f"got {completion!r}; write one of these words exactly, or leave the cell empty",
                path,
                line,
            )
        rows.append(
            {
                "code": code,
                "action": action,
                "achieved_value": _parse_value(values["achieved_value"], path, line),
                "evaluator_status": status,
                "comment": values["comment"].strip(),
                "evaluator": values["evaluator"].strip(),
                "evaluator_completion": completion,
                "line": line,
            }
        )
    out = pd.DataFrame(rows, columns=[*ALL_COLUMNS, "line"])
    out["action"] = pd.array(out["action"], dtype="Int64")
    out["achieved_value"] = out["achieved_value"].astype(float)
    out["line"] = out["line"].astype("int64")
    return out


def assessed_measures(data, assessment: pd.DataFrame | None) -> pd.DataFrame:
    """The measures (of ``data``, a YearData, or a measures frame) plus ``assessed_status``,
    ``assessed_achieved_value`` and ``assessed_completion`` (the evaluator's when given, else the
    reported ones), ``assessment_comment`` and ``evaluator``."""
    measures = data.measures if hasattr(data, "measures") else data
    out = measures.copy()
    reported_value = out["achieved_value"] if "achieved_value" in out else math.nan
    out["assessed_status"] = out["status"]
    out["assessed_achieved_value"] = pd.Series(reported_value, index=out.index, dtype=float)
    out["assessed_completion"] = out["completion"] if "completion" in out else ""
    out["assessment_comment"] = ""
    out["evaluator"] = ""
    if assessment is None or assessment.empty:
        return out
    keyed = {
        (r.code, None if pd.isna(r.action) else int(r.action)): r for r in assessment.itertuples()
    }
    for index, code, action in zip(out.index, out["code"], out["action"], strict=True):
        given = keyed.get((code, None if pd.isna(action) else int(action)))
        if given is None:
            continue
        if given.evaluator_status:
            out.at[index, "assessed_status"] = given.evaluator_status
        if not math.isnan(given.achieved_value):
            out.at[index, "assessed_achieved_value"] = given.achieved_value
        if getattr(given, "evaluator_completion", ""):
            out.at[index, "assessed_completion"] = given.evaluator_completion
        out.at[index, "assessment_comment"] = given.comment
        out.at[index, "evaluator"] = given.evaluator
    return out
