"""Writing and loading processed tables."""

import shutil

import pandas as pd
import pytest

from apanalysis import paths
from apanalysis.analysis.audit import audit
from apanalysis.errors import ApanalysisError
from apanalysis.tables import store
from apanalysis.tables.assemble import YearData, parse_year
from apanalysis.tables.store import load_year
from apanalysis.tables.store import write_year as store_write_year


def write_year(year, raw_dir, processed_dir):
    """Parse, audit and store a year, as the build's parse step does."""
    data = parse_year(year, raw_dir)
    return store_write_year(data, audit(data), processed_dir=processed_dir)


def copy_2020(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR / "2020", raw / "2020")
    return raw


def test_write_then_load_gives_the_same_tables(tmp_path):
    raw, processed = copy_2020(tmp_path), tmp_path / "processed"
    written = write_year(2020, raw_dir=raw, processed_dir=processed)
    out = processed / "2020"
    for table in YearData.TABLES:
        assert (out / f"{table}.csv").is_file() and (out / f"{table}.parquet").is_file()
    loaded = load_year(2020, raw_dir=raw, processed_dir=processed)
    for table in YearData.TABLES:
        pd.testing.assert_frame_equal(getattr(loaded, table), getattr(written, table))
    assert not list(out.glob(".*.tmp")), "no temporary files are left behind"


def test_csv_is_utf8_and_keeps_lithuanian_text(tmp_path):
    raw, processed = copy_2020(tmp_path), tmp_path / "processed"
    write_year(2020, raw_dir=raw, processed_dir=processed)
    frame = pd.read_csv(processed / "2020" / "measures.csv", dtype=str, keep_default_na=False)
    assert "Vidaus reikalų ministerija (VRM)" in set(frame.institutions_raw)
    assert frame.loc[0, "code"] == "01.01.01"  # codes stay text, not numbers


def test_stale_processed_tables_are_not_used(tmp_path):
    raw, processed = copy_2020(tmp_path), tmp_path / "processed"
    write_year(2020, raw_dir=raw, processed_dir=processed)
    # tamper with the processed table: while fresh, load_year reads it
    measures = pd.read_parquet(processed / "2020" / "measures.parquet")
    measures.loc[0, "status_raw"] = "TAMPERED"
    measures.to_parquet(processed / "2020" / "measures.parquet")
    assert (
        load_year(2020, raw_dir=raw, processed_dir=processed).measures.status_raw[0] == "TAMPERED"
    )
    # once the raw report changes, the processed tables are stale: the report is parsed again
    report = raw / "2020" / "report.txt"
    report.write_bytes(report.read_bytes() + b"\n")
    fresh = load_year(2020, raw_dir=raw, processed_dir=processed)
    assert fresh.measures.status_raw[0] == "Neįgyvendinta"


def test_load_without_processed_parses(tmp_path):
    raw = copy_2020(tmp_path)
    data = load_year(2020, raw_dir=raw, processed_dir=tmp_path / "nothing")
    assert len(data.measures) == 53


def test_csv_opens_in_spreadsheets_with_its_lithuanian_letters(tmp_path):
    raw, processed = copy_2020(tmp_path), tmp_path / "processed"
    write_year(2020, raw_dir=raw, processed_dir=processed)
    data = (processed / "2020" / "measures.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfyear,task,code,action,")  # BOM: Excel reads UTF-8
    assert "Neįgyvendinta".encode() in data


def test_tables_as_written_are_trusted_and_a_changed_one_is_checked(tmp_path, monkeypatch):
    """A fresh Parquet file whose hash is the one recorded in meta.json is read without a second
    schema check; a file changed since (here: a status the schema does not know) is checked."""
    raw, processed = copy_2020(tmp_path), tmp_path / "processed"
    write_year(2020, raw_dir=raw, processed_dir=processed)
    checked = []
    real_check = store.check
    monkeypatch.setattr(store, "check", lambda data: checked.append(data.year) or real_check(data))
    load_year(2020, raw_dir=raw, processed_dir=processed)
    assert checked == []
    path = processed / "2020" / "measures.parquet"
    measures = pd.read_parquet(path)
    measures.loc[0, "status"] = "finished-ish"
    measures.to_parquet(path)
    with pytest.raises(ApanalysisError, match="status"):
        load_year(2020, raw_dir=raw, processed_dir=processed)
    assert checked == [2020]


def test_a_csv_cell_never_starts_like_a_formula(tmp_path):
    """Report text that starts with =, +, - or @ is written to the CSV after an apostrophe (a
    spreadsheet shows it as text and never runs it); numbers keep their sign; Parquet keeps
    the exact text."""
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "+370 5", "-5 proc.", "@SUM(A1)", "Įgyvendinta"],
            "difference": [-1.0, 2.0, -3.5, 0.0, 1.0],
        }
    )
    text = store.csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines()[1:] == [
        '"\'=HYPERLINK(""http://x"")",-1.0',
        "'+370 5,2.0",
        "'-5 proc.,-3.5",
        "'@SUM(A1),0.0",
        "Įgyvendinta,1.0",
    ]
