"""Property: every quote in ``claims``, ``amounts`` and the audit is found on the line it cites.

A quote is a sentence; a sentence that runs over a page break (or a footnote block) cites its
first line, so the quote's opening words must be on that line. Checked for the 2020 report and
for every fixture year (tests/fixtures/years), whose lines differ from 2020's.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES_DIR

from apanalysis.analysis.audit import audit
from apanalysis.source.narrative import clean_inline
from apanalysis.source.reader import read_report
from apanalysis.tables.assemble import parse_year
from apanalysis.vocabulary.text import collapse_spaces, html_to_text, strip_emphasis

#: How many opening characters of a quote must be found on its line (fewer when the line ends
#: first: the sentence goes on after a page break).
OPENING = 40
#: Characters that locate a quote's start on its line.
START = 12
CASES = [
    (2020, None),
    (2021, FIXTURES_DIR / "years" / "edited_crlf"),
    (2022, FIXTURES_DIR / "years" / "edited_cp1257"),
]


def plain(raw: str) -> str:
    """The visible text of a raw line: HTML, Markdown and footnote markers removed."""
    return collapse_spaces(strip_emphasis(clean_inline(html_to_text(raw.replace("\t", " ")))))


def misplaced(table, lines: tuple[str, ...]) -> list[str]:
    """Rows whose quote does not open on their ``source_line``."""
    bad = []
    for row in table.itertuples():
        quote = collapse_spaces(str(row.quote or ""))
        if not quote:
            continue
        line = int(row.source_line)
        if not opens_on(quote, plain(lines[line - 1])):
            bad.append(f"line {line}: {quote[:OPENING]!r} not in {plain(lines[line - 1])!r}")
    return bad


def opens_on(quote: str, line: str) -> bool:
    """Whether ``quote`` starts on ``line``: its opening is there, or the line ends with the
    quote's first words (the rest is on a later line)."""
    at = line.find(quote[:START])
    while at != -1:
        rest = line[at:]
        if rest.startswith(quote[:OPENING]) or quote.startswith(rest.rstrip()):
            return True
        at = line.find(quote[:START], at + 1)
    return False


@pytest.fixture(scope="module", params=CASES, ids=[str(year) for year, _ in CASES])
def parsed(request):
    year, raw_dir = request.param
    data = parse_year(year, raw_dir=raw_dir)
    return data, read_report(data.source, expected_year=year).lines


@pytest.mark.parametrize("table", ["claims", "amounts", "audit"])
def test_every_quote_is_on_its_cited_line(parsed, table):
    data, lines = parsed
    frame = audit(data) if table == "audit" else getattr(data, table)
    assert len(frame) and misplaced(frame, lines) == []


def test_every_audit_row_of_a_stated_figure_has_a_quote(parsed):
    data, _ = parsed
    table = audit(data)
    assert (table["quote"].str.len() > 0).all(), table[table["quote"] == ""][["claim", "task"]]
