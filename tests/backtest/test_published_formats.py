"""The 2020 report as published — Word and PDF — gives the same tables as the text.

The fixtures in tests/fixtures/published/ are made from data/raw/2020/report.txt by
make_published.py (python-docx for the Word file, LibreOffice for the PDFs; committed, never
run here). Each table is compared row by row with the text's: codes, actions, statuses,
targets, institutions, municipalities, reasons, amounts and every number exactly; free text
(titles, results, quotes) exactly but for whitespace, since a line break in a PDF cell cannot
say whether the text had one or two spaces there. Provenance columns differ by design.

The official layout (justified, first-line indents everywhere, table cells included) makes
LibreOffice wrap the codes in the narrow first column ("0" / "1.01.01.") and even split one
across a page break; the reader puts them back whole.

Intended differences, each checked below:
- the portrait PDF: the text cut one result paragraph at a page break ("<p>įsigyptos teikti
  ...", report.txt line 235); the Word file keeps that cut as a paragraph break, the landscape
  PDF shows it as one, but in the portrait PDF the cut falls inside a full line, so the PDF
  reads one sentence there and the amount's quote starts where the sentence does ("Paslaugos
  buvo įsigyptos ...") — the PDF is right and the text wrong.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from helpers import FIXTURES_DIR

from apanalysis.analysis.audit import audit
from apanalysis.paths import RAW_DIR
from apanalysis.source.reader import read_document
from apanalysis.tables.assemble import YearData, build_tables

PUBLISHED = FIXTURES_DIR / "published"
FORMATS = {
    "word": PUBLISHED / "report2020.docx",
    "word_libreoffice": PUBLISHED / "report2020_libreoffice.docx",
    "pdf": PUBLISHED / "report2020.pdf",
    "pdf_portrait": PUBLISHED / "report2020_portrait.pdf",
    "pdf_official": PUBLISHED / "report2020_official.pdf",
}
TABLES = ("measures", "municipal", "tasks", "claims", "amounts", "caveats", "problems")
#: Where a row came from: the line, page or table row of its own file.
PROVENANCE = {"source_line", "end_line", "source_page", "source_row", "line", "page", "row"}
PROVENANCE |= {"file", "verdict_line", "claimed_items_line", "claimed_unachieved_line"}
#: Free text, compared without its whitespace.
FREE_TEXT = {
    "measure_title",
    "title",
    "institutions_raw",
    "criterion",
    "result_text",
    "achieved_quote",
    "text",
    "quote",
    "claimed_unachieved_quote",
    "criterion_quote",
    "verdict_quote",
}


@cache
def tables(path: Path) -> YearData:
    return build_tables(read_document(path, expected_year=2020), 2020)


def text_tables() -> YearData:
    return tables(RAW_DIR / "2020" / "report.txt")


def is_provenance(column: str) -> bool:
    """Where a value was found (lines, pages, rows), which differs by format by design."""
    return column in PROVENANCE or column.endswith("_line")


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.drop(columns=[c for c in frame.columns if is_provenance(c)]).reset_index(drop=True)
    for column in ("part_of", "how", "detail"):  # "… (line 112)": the line is provenance
        if column in out.columns:
            out[column] = out[column].str.replace(r" ?\((?:line|p\.) \d+\)", "", regex=True)
    keys = [c for c in ("claim", "task", "code", "action", "municipality") if c in out.columns]
    if "claim" in keys:  # claims and audit rows come in the order of their lines
        out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    for column in out.columns:
        if column in FREE_TEXT or column.endswith("_quote"):
            out[column] = out[column].map(
                lambda v: re.sub(r"\s+", "", v) if isinstance(v, str) else v
            )
    return out


def differing_rows(name: str, table: str) -> list[int]:
    want, got = (
        comparable(getattr(text_tables(), table)),
        comparable(getattr(tables(FORMATS[name]), table)),
    )
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want), f"{name} {table}: {len(got)} rows, the text gives {len(want)}"
    rows = []
    for index in range(len(want)):
        a, b = want.iloc[index], got.iloc[index]
        if not all(_same(x, y) for x, y in zip(a, b, strict=True)):
            rows.append(index)
    return rows


def _same(x, y) -> bool:
    if pd.isna(x) or pd.isna(y):
        return bool(pd.isna(x) and pd.isna(y))
    return bool(x == y)


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("name", ["word", "word_libreoffice", "pdf", "pdf_official"])
def test_word_and_pdf_give_the_texts_tables(name, table):
    assert differing_rows(name, table) == []


@pytest.mark.parametrize("table", [t for t in TABLES if t != "amounts"])
def test_a_second_pdf_layout_gives_the_same_tables(table):
    assert differing_rows("pdf_portrait", table) == []


def test_the_portrait_pdf_quotes_the_same_whole_sentences_as_the_text():
    # report.txt lines 234-235: "Paslaugos buvo įsigyptos teikti asmenims …" crosses a page
    # break; the text and both PDF layouts now quote the whole sentence from its start.
    assert differing_rows("pdf_portrait", "amounts") == []
    quotes = tables(FORMATS["pdf_portrait"]).amounts["quote"]
    assert quotes.str.startswith("Paslaugos buvo įsigyptos teikti asmenims").any()


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_audit_is_the_same(name):
    # rows follow their cited lines, and a PDF line holds less than a line of the text, so
    # two checks citing one text line may come in either order: compare in one fixed order
    def ordered(frame):
        key = frame["claim"].astype(str) + "|" + frame["task"].astype(str) + "|"
        key = key + frame["quote"].astype(str)
        return frame.assign(_key=key).sort_values("_key", kind="stable").drop(columns="_key")

    want = ordered(comparable(audit(text_tables()))).reset_index(drop=True)
    got = ordered(comparable(audit(tables(FORMATS[name])))).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)


def test_the_2020_tables_have_their_hand_read_sizes_in_every_format():
    # report.txt: 53 measure/action rows in the annex (lines 131-284), 4 task sections
    for path in [RAW_DIR / "2020" / "report.txt", *FORMATS.values()]:
        data = tables(path)
        assert (len(data.measures), len(data.tasks), len(data.problems)) == (53, 4, 0), path.name


def test_pdf_rows_cite_the_page_they_start_on():
    # pages read with `pdftotext -f N -l N -layout report2020.pdf -`: the annex starts after
    # "Priedas." on page 6; 01.01.01. opens page 7, 01.02.01 (action 1) page 10, 01.03.01
    # page 26; the heading "1 uždavinys – ..." is on page 2
    data = tables(FORMATS["pdf"])
    m = data.measures

    def page(code, action=None):
        rows = m[
            (m["code"] == code) & (m["action"].isna() if action is None else m["action"] == action)
        ]
        return int(rows["source_page"].iloc[0])

    assert (page("01.01.01"), page("01.02.01", 1), page("01.03.01")) == (7, 10, 26)
    assert int(data.tasks.set_index("task").loc[1, "source_page"]) == 2
    assert data.measures["source_row"].isna().all()
    assert data.claims["source_page"].notna().all()


def test_word_rows_cite_their_table_row():
    # the annex table: row 1 is the header, row 2 the merged "1 uždavinys" header, then
    # 01.01.01 and its three actions (rows 3-6), 01.01.03 (row 7)
    m = tables(FORMATS["word"]).measures
    first = m.head(5)
    assert list(first["source_row"]) == [3, 4, 5, 6, 7]
    assert m["source_page"].isna().all()


def test_text_rows_keep_their_line_and_no_page():
    m = text_tables().measures
    assert int(m["source_line"].iloc[0]) == 132  # report.txt line 132: "01.01.01.\tOrganizuoti ..."
    assert m["source_page"].isna().all() and m["source_row"].isna().all()


def test_the_pdf_caveat_cites_its_page():
    # `pdftotext -f 5 -l 5 report2020.pdf -`: "… Atkreiptinas dėmesys į tai, kad ne / visos
    # institucijos pateikė informaciją apie išleistas lėšas …" is on page 5 (text line 104)
    caveats = tables(FORMATS["pdf"]).caveats
    assert caveats[["task", "source_page"]].values.tolist() == [[4, 5]]
