"""The column spec is the one definition of every column: tables, schemas and docs follow it."""

from pathlib import Path

import pandas as pd
import pytest

from apanalysis.analysis.audit import AUDIT_COLUMNS, audit
from apanalysis.errors import ApanalysisError
from apanalysis.tables import spec
from apanalysis.tables.assemble import parse_year
from apanalysis.tables.dictionary import (
    BEGIN,
    END,
    contract_markdown,
    readme_markdown,
    replace_generated,
)
from apanalysis.tables.schema import check, check_table, frame_from_rows, schemas
from apanalysis.tables.yeardata import YearData

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def year2020() -> YearData:
    return parse_year(2020)


def generated_part(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.index(BEGIN) + len(BEGIN) : text.index(END)].strip("\n")


def test_readme_data_dictionary_is_the_spec():
    assert generated_part(REPO / "README.md") == readme_markdown(), (
        "README.md differs from tables/spec.py: run .venv/bin/python tools/write_dictionary.py"
    )


def test_contract_tables_are_the_spec():
    assert generated_part(REPO / "docs" / "contract.md") == contract_markdown()


def test_replace_generated_keeps_the_text_around():
    text = f"before\n{BEGIN}\nold\n{END}\nafter"
    assert replace_generated(text, "new") == f"before\n{BEGIN}\nnew\n{END}\nafter"


def test_every_table_has_the_spec_columns_in_order(year2020):
    for table in YearData.TABLES:
        frame = getattr(year2020, table)
        assert list(frame.columns) == spec.COLUMNS[table], table
        for column in spec.TABLES[table].columns:
            expected = "str" if column.dtype == "str" else column.dtype
            assert str(frame[column.name].dtype) == expected, (table, column.name)
    assert list(audit(year2020).columns) == spec.COLUMNS["audit"] == AUDIT_COLUMNS


def test_every_column_of_every_table_is_checked():
    checked = schemas()
    for name, table in spec.TABLES.items():
        assert list(checked[name].columns) == table.names, name
    measures = checked["measures"].columns
    assert len(measures) == 29  # was 11 of 25 before the spec


def test_a_wrong_value_anywhere_is_caught(year2020):
    # "Neįgyvendinta" at report.txt line 132 gives status not_implemented; "maybe" is no status
    broken = year2020.measures.copy()
    broken.loc[0, "status"] = "maybe"
    with pytest.raises(ApanalysisError, match="'measures' breaks its schema"):
        check_table(broken, "measures")
    # a column that was not checked before the spec: an unknown reason code
    broken = year2020.municipal.copy()
    broken.loc[0, "reasons"] = "covid;weather"
    with pytest.raises(ApanalysisError, match="'municipal'"):
        check_table(broken, "municipal")


def test_a_column_outside_the_spec_is_an_error(year2020):
    with pytest.raises(ApanalysisError, match="breaks its schema"):
        check_table(year2020.lines.assign(extra=1), "lines")
    with pytest.raises(ValueError, match="not in apanalysis/tables/spec.py"):
        frame_from_rows(
            [{"line": 1, "kind": "row", "code": "", "action": None, "x": 1}],
            "lines",
            spec.COLUMNS["lines"],
        )


def test_empty_tables_keep_their_columns_and_pass():
    frame = frame_from_rows([], "tasks", spec.COLUMNS["tasks"])
    assert list(frame.columns) == spec.COLUMNS["tasks"]
    check_table(frame, "tasks")


def test_checked_data_is_returned_unchanged(year2020):
    before = year2020.measures.copy()
    assert check(year2020) is year2020
    pd.testing.assert_frame_equal(year2020.measures, before)
