"""Fuzzing the parser: a mangled report gives tables or an ApanalysisError, never a crash or a hang.

The 2020 report is mutated by Hypothesis (lines deleted, duplicated, swapped or replaced; cells
replaced; tabs, random Unicode and control characters inserted; the file cut at any byte; bytes
inserted), written to a temporary year folder and read with :func:`apanalysis.tables.assemble.parse_year`,
which reads, decodes and checks the file and builds every table. Any exception other than
:class:`ApanalysisError` fails the test, as does an example slower than the deadline. A watchdog
(``faulthandler``) aborts the run with a traceback rather than let a real hang block the suite.
"""

from __future__ import annotations

import faulthandler
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apanalysis import paths
from apanalysis.errors import ApanalysisError
from apanalysis.tables.assemble import YearData, parse_year
from apanalysis.tables.schema import schemas

YEAR = 2020
SOURCE = (paths.RAW_DIR / str(YEAR) / "report.txt").read_bytes()
LINES = SOURCE.decode("utf-8").split("\n")
#: Seconds after which a stuck fuzz test is aborted (the whole test, not one example).
WATCHDOG = 300

FUZZ = settings(
    max_examples=60,
    deadline=5000,  # parse_year reads, parses and checks every table against its schema
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

line_index = st.integers(min_value=0, max_value=10**6)  # taken modulo the current length
column = st.integers(min_value=0, max_value=2000)
#: Text that the report's structure is sensitive to, besides arbitrary Unicode.
NASTY = st.sampled_from(
    ["\t", "\t\t\t\t", "Priedas.", "01.01.01", "01.01.", "1 veiksmas.", "2 uždavinys – x",
     "Įgyvendinta.", "Neįgyvendinta", "savivaldybė. Įgyvendinta.", "<p>", "</i>", "<ol><li>",
     "**", "## 2019 METŲ ATASKAITA", "–", "\u00a0", "\r", "\x0c", "\u2028", "&amp;", "<!--",
     "9" * 30, "1,5 tūkst. EUR", "– 100 proc.", "iki 13-45"]
)  # fmt: skip
insert_text = st.one_of(NASTY, st.text(max_size=40))
mutation = st.one_of(
    st.tuples(st.just("delete"), line_index, st.integers(1, 8)),
    st.tuples(st.just("duplicate"), line_index),
    st.tuples(st.just("swap"), line_index, line_index),
    st.tuples(st.just("insert"), line_index, column, insert_text),
    st.tuples(st.just("replace"), line_index, st.text(max_size=120)),
    st.tuples(st.just("new_line"), line_index, st.lists(insert_text, max_size=6)),
    st.tuples(st.just("cell"), line_index, st.integers(0, 6), insert_text),
)


def mutate(lines: list[str], mutations: list[tuple]) -> list[str]:
    lines = list(lines)
    for kind, *args in mutations:
        if not lines:
            break
        at = args[0] % len(lines)
        if kind == "delete":
            del lines[at : at + args[1]]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = args[1] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            pos = args[1] % (len(lines[at]) + 1)
            lines[at] = lines[at][:pos] + args[2] + lines[at][pos:]
        elif kind == "replace":
            lines[at] = args[1]
        elif kind == "cell":  # one tab-separated cell replaced, or a cell appended
            cells = lines[at].split("\t")
            if args[1] < len(cells):
                cells[args[1]] = args[2]
            else:
                cells.append(args[2])
            lines[at] = "\t".join(cells)
        else:  # new_line
            lines.insert(at, "\t".join(args[1]))
    return lines


def parse_bytes(data: bytes) -> YearData | None:
    """Write ``data`` as the year's report in a fresh folder and parse it; None if refused."""
    with tempfile.TemporaryDirectory() as raw:
        (Path(raw) / str(YEAR)).mkdir()
        (Path(raw) / str(YEAR) / "report.txt").write_bytes(data)
        try:
            data_ = parse_year(YEAR, raw_dir=Path(raw))
        except ApanalysisError as error:
            assert error.message and "\n" not in error.one_line()
            return None
    assert isinstance(data_, YearData)
    for table in YearData.TABLES:
        assert getattr(data_, table) is not None
    return data_


@pytest.fixture(scope="module", autouse=True)
def warm_schemas():
    """Import pandera and build the schemas once: the first example times the parser alone."""
    schemas()


@pytest.fixture(autouse=True)
def watchdog():
    faulthandler.dump_traceback_later(WATCHDOG, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@FUZZ
@given(mutations=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_lines_parse_or_are_refused(mutations):
    text = "\n".join(mutate(LINES, mutations))
    parse_bytes(text.encode("utf-8"))


@FUZZ
@given(
    cut=st.integers(min_value=0, max_value=len(SOURCE)),
    junk=st.binary(max_size=16),
    at=st.integers(min_value=0, max_value=len(SOURCE)),
)
def test_truncated_or_corrupted_bytes_parse_or_are_refused(cut, junk, at):
    data = SOURCE[:cut]
    at = min(at, len(data))
    parse_bytes(data[:at] + junk + data[at:])


def test_the_unmutated_report_parses():
    data = parse_bytes(SOURCE)
    assert data is not None and len(data.measures) == 53 and data.problems.empty
