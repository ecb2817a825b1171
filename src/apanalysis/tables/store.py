"""Processed tables on disk: ``write_year`` (write given tables), ``load_year`` (read or parse)
and ``load_years`` (several years).

``data/processed/<year>/`` holds each table as CSV (UTF-8, for people and spreadsheets) and
Parquet (typed, for code); ``audit.csv`` (the narrative's claims recomputed from the annex, see
:mod:`apanalysis.analysis.audit`); the tables and the audit in one Excel workbook,
``apanalysis-<year>.xlsx`` (:mod:`apanalysis.tables.workbook`); and ``meta.json`` recording which
raw file and which library version made them, and the SHA-256 of each Parquet file as written.
``load_year`` reads them only while the raw file and the library still match; otherwise it parses
the raw file. Tables were checked against their schema before they were written, so Parquet files
whose hashes still match are read without checking them again (a changed file is checked). The
store computes nothing: the caller parses the year and computes its audit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from apanalysis import files, paths
from apanalysis.files import code_fingerprint, file_sha256
from apanalysis.formats import as_text_cell
from apanalysis.source.reader import find_report
from apanalysis.tables.assemble import parse_year
from apanalysis.tables.schema import check, check_table, coerce
from apanalysis.tables.workbook import workbook_bytes
from apanalysis.tables.yeardata import YearData

META_FILE = "meta.json"
AUDIT_FILE = "audit.csv"
WORKBOOK_FILE = "apanalysis-{year}.xlsx"


def processed_year_dir(year: int, processed_dir: Path | None = None) -> Path:
    return Path(processed_dir if processed_dir is not None else paths.PROCESSED_DIR) / str(year)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV: UTF-8 with a byte-order mark, so spreadsheets (Excel included) show the
    Lithuanian letters right; pandas and csv readers with ``utf-8-sig`` skip the mark. A text
    cell that starts like a formula (``=``, ``+``, ``-``, ``@``) gets an apostrophe before it,
    so that a spreadsheet shows it and never runs it; numbers are written as they are, and the
    Parquet files and the workbook keep every text exactly."""
    text = frame.select_dtypes(exclude=["number", "bool"])
    shown = frame.assign(
        **{c: text[c].map(lambda v: as_text_cell(v) if isinstance(v, str) else v) for c in text}
    )
    return shown.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def _meta(data: YearData, folder: Path) -> dict:
    return {
        "year": data.year,
        "source": data.source.name,
        "source_sha256": file_sha256(data.source),
        "code": code_fingerprint(),
        "rows": {table: len(getattr(data, table)) for table in data.TABLES},
        "parquet_sha256": {
            table: file_sha256(folder / f"{table}.parquet") for table in data.TABLES
        },
    }


def write_year(
    data: YearData, audit_table: pd.DataFrame, processed_dir: Path | None = None
) -> YearData:
    """Write the year's tables and its audit (computed by the caller, with
    :func:`apanalysis.analysis.audit.audit`) to ``processed_dir/<year>/``, each file atomically.
    The audit is checked against :mod:`.spec` first (``parse_year`` checked the tables)."""
    check_table(audit_table, "audit", data.source)
    out = processed_year_dir(data.year, processed_dir)
    for table in data.TABLES:
        frame = getattr(data, table)
        files.write_bytes(out / f"{table}.csv", csv_bytes(frame))
        files.write_with(out / f"{table}.parquet", lambda tmp, f=frame: f.to_parquet(tmp))
    files.write_bytes(out / AUDIT_FILE, csv_bytes(audit_table))
    meta = _meta(data, out)
    tables = {table: getattr(data, table) for table in data.TABLES} | {"audit": audit_table}
    workbook = workbook_bytes(data.year, tables, (data.source.name, meta["source_sha256"]))
    files.write_bytes(out / WORKBOOK_FILE.format(year=data.year), workbook)
    files.write_text(out / META_FILE, json.dumps(meta, indent=2, ensure_ascii=False))
    return data


def _fresh_meta(year: int, raw_dir: Path | None, processed_dir: Path | None) -> dict | None:
    meta_path = processed_year_dir(year, processed_dir) / META_FILE
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    source = find_report(year, raw_dir)
    fresh = meta.get("code") == code_fingerprint() and meta.get("source_sha256") == file_sha256(
        source
    )
    return {**meta, "path": source} if fresh else None


def is_fresh(year: int, raw_dir: Path | None = None, processed_dir: Path | None = None) -> bool:
    """Whether the processed tables of ``year`` were made from the current raw file and code."""
    return _fresh_meta(year, raw_dir, processed_dir) is not None


def read_year(year: int, meta: dict, processed_dir: Path | None = None) -> YearData:
    """The tables written by :func:`write_year`."""
    folder = processed_year_dir(year, processed_dir)
    frames = {
        table: coerce(pd.read_parquet(folder / f"{table}.parquet"), table)
        for table in YearData.TABLES
    }
    return YearData(year=year, source=meta["path"], **frames)


def load_year(
    year: int, raw_dir: Path | None = None, processed_dir: Path | None = None
) -> YearData:
    """The year's tables: from ``processed_dir`` when they are up to date, else parsed afresh.

    ``raw_dir`` and ``processed_dir`` default to the project's folders.
    """
    year = int(year)
    meta = _fresh_meta(year, raw_dir, processed_dir)
    if meta is None:
        return parse_year(year, raw_dir)  # checked by parse_year
    data = read_year(year, meta, processed_dir)
    return data if _as_written(year, meta, processed_dir) else check(data)


def _as_written(year: int, meta: dict, processed_dir: Path | None) -> bool:
    """Whether every Parquet file of the year is, byte for byte, the one checked and written."""
    folder = processed_year_dir(year, processed_dir)
    written = meta.get("parquet_sha256") or {}
    return all(
        written.get(table) == file_sha256(folder / f"{table}.parquet") for table in YearData.TABLES
    )


def load_years(
    years: Iterable[int], raw_dir: Path | None = None, processed_dir: Path | None = None
) -> list[YearData]:
    """Each year's tables (:func:`load_year`), sorted by year."""
    return [
        load_year(year, raw_dir=raw_dir, processed_dir=processed_dir)
        for year in sorted({int(year) for year in years})
    ]
