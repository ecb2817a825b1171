"""``apanalysis parse`` with the 2020 report placed as report.pdf or report.docx instead of the
text: the same CSVs, apart from the provenance columns; bad published files stop with one line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from helpers import FIXTURES_DIR
from helpers.e2e import run_cli

from apanalysis import paths

PUBLISHED = FIXTURES_DIR / "published"
TABLES = ("measures", "municipal", "tasks", "claims", "amounts", "problems")
PROVENANCE = {"source_line", "end_line", "source_page", "source_row", "file", "line", "page"}
KEYS = {
    "measures": [
        "code",
        "action",
        "status",
        "status_raw",
        "target_value",
        "institutions",
        "reasons",
    ],
    "municipal": ["code", "action", "municipality", "status", "reasons"],
    "tasks": ["task", "claimed_items", "claimed_unachieved", "planned_eur", "spent_eur", "verdict"],
    "claims": ["claim", "task", "value", "unit"],
    "amounts": ["section", "code", "action", "municipality", "value_eur", "kind", "raw"],
    "problems": ["problem"],
}


def parse(tmp_path: Path, source: Path, name: str) -> Path:
    raw = tmp_path / name / "raw"
    (raw / "2020").mkdir(parents=True)
    shutil.copy(source, raw / "2020" / f"report{source.suffix}")
    processed = tmp_path / name / "processed"
    result = run_cli("parse", "--raw-dir", raw, "--processed-dir", processed)
    assert result.returncode == 0, result.stderr
    return processed / "2020"


@pytest.fixture(scope="module")
def text_out(tmp_path_factory) -> Path:
    return parse(tmp_path_factory.mktemp("text"), paths.RAW_DIR / "2020" / "report.txt", "text")


@pytest.mark.parametrize("fixture", ["report2020.pdf", "report2020.docx"])
def test_parse_gives_the_texts_tables(tmp_path, text_out, fixture):
    out = parse(tmp_path, PUBLISHED / fixture, fixture)
    for table in TABLES:
        want = pd.read_csv(text_out / f"{table}.csv", encoding="utf-8-sig")
        got = pd.read_csv(out / f"{table}.csv", encoding="utf-8-sig")
        assert len(got) == len(want), table
        assert set(got.columns) == set(want.columns), table
        pd.testing.assert_frame_equal(got[KEYS[table]], want[KEYS[table]], obj=table)
    measures = pd.read_csv(out / "measures.csv", encoding="utf-8-sig")
    if fixture.endswith(".pdf"):
        assert measures["source_page"].notna().all() and measures["source_row"].isna().all()
    else:
        assert measures["source_row"].notna().all() and measures["source_page"].isna().all()


def test_a_scanned_pdf_stops_with_one_line(tmp_path):
    import pypdfium2 as pdfium

    raw = tmp_path / "raw" / "2020"
    raw.mkdir(parents=True)
    blank = pdfium.PdfDocument.new()
    for _ in range(3):
        blank.new_page(595, 842)
    blank.save(raw / "report.pdf")
    result = run_cli("parse", "--raw-dir", tmp_path / "raw", "--processed-dir", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr == (
        f"apanalysis: error: {raw / 'report.pdf'}: the PDF has no text layer — is it a scan? "
        "OCR it first\n"
    )
