"""Reconstructing the annex table: one record per measure or action, with its source lines.

The annex is a table: tab-separated lines of a text report, or the rows of a Word or PDF table
given by the document model (:mod:`.document`). Its structure, not its positions, is
what the parser relies on:

- a *task header* row: "N uždavinys – ..." in the first cell, the other cells empty (also
  written as a Markdown heading, "### N uždavinys – ...");
- a *measure* row: a code ``NN.NN.NN`` in the first cell; its title may hold an action
  ("...: 1 veiksmas. ...") or start with one ("1 veiksmas. ...");
- an *action* row: the first cell empty, the title starting with "N veiksmas";
- a *continuation* row: the first cell empty, text that continues the cells of the row above
  (a cell split across a page break);
- layout: the column header ("Kodas ..."), ``--`` separator rows, headings and page numbers.

Every non-empty line ends up in exactly one record, in the layout list or in a problem.
Markup is never structure: HTML (``<p>``, ``<b>``, ``<i>`` ...) and Markdown emphasis (``**``,
``*``, ``__``, ``_``) around codes, task headers and status words are removed before reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from apanalysis.vocabulary.status import leading_status, looks_like_status
from apanalysis.vocabulary.text import html_to_text, join_broken_lines, strip_emphasis

COLUMNS = ("code", "title", "institutions", "criterion", "result")
N_COLUMNS = len(COLUMNS)

CODE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{2})\.?$")
CODE_LIKE = re.compile(r"^\d{1,4}(?:\s*[.,]\s*\d{1,4})+\.?$")
TASK_HEADER = re.compile(r"^(\d{1,3})\s*uždavin\w*\b", re.IGNORECASE)
ACTION_START = re.compile(r"^(\d{1,3})\s*veiksm\w*\s*[.:)]?\s*", re.IGNORECASE)
ACTION_INSIDE = re.compile(
    r"^(?P<measure>.+?)\s*[:;]\s*(?P<number>\d{1,3})\s*veiksm\w*\s*[.:)]?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
SEPARATOR_CELL = re.compile(r"^[-=_|:\s]*-{2,}[-=_|:\s]*$")
PAGE_NUMBER = re.compile(r"^\d{1,3}$")
COLUMN_HEADER_FIRST = {"kodas", "kodas.", "eil. nr.", "nr."}
BLOCK_START = re.compile(r"^\s*<(?:p|ol|ul|li|br|div|table)\b", re.IGNORECASE)
MARKDOWN_DECORATION = re.compile(r"^[#>*\s]+|[*\s]+$")


@dataclass
class AnnexRecord:
    """One measure or action row, its cells as HTML fragments with their line numbers."""

    task: int | None
    code: str
    action: int | None
    measure_title: str
    source_line: int
    cells: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    end_line: int = 0
    problem: str = ""  # set when the row cannot become a table row (it is reported instead)
    #: For an action row, the measure row above it (its measure title is taken from there).
    parent: AnnexRecord | None = field(default=None, repr=False, compare=False)
    _fragment_texts: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for column in COLUMNS[1:]:
            self.cells.setdefault(column, [])
        self.end_line = self.end_line or self.source_line

    def add(self, line_no: int, cells: list[str]) -> None:
        """Append the non-empty cells of one physical line to the record's columns."""
        for column, cell in zip(COLUMNS[1:], cells[1:], strict=True):
            if cell.strip():
                self.cells[column].append((line_no, cell))
        self.end_line = line_no

    def html(self, column: str) -> str:
        """The column's HTML, fragments joined as the page break had split them."""
        joined = ""
        for _, fragment in self.cells[column]:
            if joined:
                joined += "\n" if BLOCK_START.match(fragment) else " "
            joined += fragment.strip()
        return joined

    def text(self, column: str) -> str:
        """The column as plain text (HTML and Markdown emphasis removed), with sentences a page
        break had cut joined again (:func:`~apanalysis.vocabulary.text.join_broken_lines`)."""
        return join_broken_lines(strip_emphasis(html_to_text(self.html(column))))

    def fragment_texts(self, column: str) -> list[tuple[int, str]]:
        """``(line, plain text)`` of each fragment of the column, to trace text to its line."""
        key = (column, len(self.cells[column]))
        if key not in self._fragment_texts:
            # plain() already gives a single line with single spaces
            self._fragment_texts[key] = [
                (line_no, plain(fragment)) for line_no, fragment in self.cells[column]
            ]
        return self._fragment_texts[key]


@dataclass
class AnnexLine:
    """How one non-empty annex line was used."""

    line: int
    kind: str  # layout | task | row | continuation | problem
    code: str = ""
    action: int | None = None


@dataclass
class Annex:
    """The parsed annex: records, line accounting and problems ``(line, message)``."""

    records: list[AnnexRecord]
    lines: list[AnnexLine]
    problems: list[tuple[int, str]]


@lru_cache(maxsize=8192)
def plain(cell: str) -> str:
    """A cell as a single line of plain text, markdown decoration removed."""
    return _strip_decoration(" ".join(strip_emphasis(html_to_text(cell)).split()))


def _strip_decoration(text: str) -> str:
    """``text`` without :data:`MARKDOWN_DECORATION` at its ends."""
    # fast path: the pattern can only match at the first or the last character, and
    # scanning a long text for it costs more than the rest of plain()
    first, last = text[:1], text[-1:]
    if first not in "#>*" and not first.isspace() and last != "*" and not last.isspace():
        return text
    return MARKDOWN_DECORATION.sub("", text)


def is_layout(cells: list[str]) -> bool:
    """Column header, separator row, heading or page number: structure, not data."""
    first = plain(cells[0]).lower()
    non_empty = [c for c in cells if c.strip()]
    if all(SEPARATOR_CELL.match(c) for c in non_empty):
        return True
    if first in COLUMN_HEADER_FIRST and len(non_empty) >= 3:
        return True
    if len(cells) == 1 and (cells[0].lstrip().startswith("#") or PAGE_NUMBER.match(first)):
        return True
    return False


def task_header(cells: list[str]) -> int | None:
    """The task number when the line is a task header row."""
    match = TASK_HEADER.match(plain(cells[0]))
    if match and not any(plain(c) for c in cells[1:]):
        return int(match.group(1))
    return None


def align(cells: list[str], row_start: bool) -> list[str]:
    """Five cells in column order, whatever the number of tabs on the line.

    A row start with a missing cell is aligned on its result, the cell that begins with a status
    word (or with an unknown status-like word); without one, its cells keep their places (the
    trailing empty cells were trimmed, or the result is on the next page). A continuation with
    fewer cells keeps its places when it continues the title (its trailing empty cells were
    trimmed); otherwise it is aligned to the right (it continues the last columns, usually the
    result: "\t\t\t<p>tęsinys").
    """
    cells = [c for c in cells]
    while len(cells) > N_COLUMNS and not cells[-1].strip():
        cells.pop()
    if len(cells) > N_COLUMNS:
        cells = cells[: N_COLUMNS - 1] + [" ".join(cells[N_COLUMNS - 1 :])]
    if len(cells) == N_COLUMNS:
        return cells
    missing = [""] * (N_COLUMNS - len(cells))
    if row_start:
        for index in range(1, len(cells)):
            if leading_status(plain(cells[index])):
                left = cells[:index][: N_COLUMNS - 1]
                result = " ".join(cells[index:])
                return left + [""] * (N_COLUMNS - 1 - len(left)) + [result]
        if len(cells) > 2 and looks_like_status(plain(cells[-1])):
            return cells[:-1] + missing + cells[-1:]
        return cells + missing
    if len(cells) > 1 and cells[1].strip():
        return cells + missing
    return missing + cells


def split_action(title: str) -> tuple[int | None, str, str]:
    """``(action, measure_title, action_title)`` from a title cell's plain text."""
    text = plain(title)
    match = ACTION_START.match(text)
    if match:
        return int(match.group(1)), "", text[match.end() :]
    match = ACTION_INSIDE.match(text)
    if match:
        return int(match.group("number")), match.group("measure"), match.group("rest")
    return None, text, text


class _AnnexParser:
    """Walks the annex lines once, keeping the current task and measure; :meth:`finish` then
    reads each measure row's action and title from its whole title cell (a page break may have
    cut "Organizuoti ...: 1 veiksmas. ..." anywhere) and flags duplicated rows."""

    def __init__(self) -> None:
        self.records: list[AnnexRecord] = []
        self.lines: list[AnnexLine] = []
        self.problems: list[tuple[int, str]] = []
        self.task: int | None = None
        self.current: AnnexRecord | None = None
        self.measure: AnnexRecord | None = None
        self.owners: list[tuple[AnnexLine, AnnexRecord]] = []

    def problem(self, line_no: int, message: str) -> None:
        self.problems.append((line_no, message))
        self.lines.append(AnnexLine(line_no, "problem"))
        self.current = None

    def feed(self, line_no: int, raw: str | Sequence[str]) -> None:
        cells = raw.split("\t") if isinstance(raw, str) else list(raw)
        if not any(cell.strip() for cell in cells):
            return
        number = task_header(cells)  # before layout: a header may be a Markdown heading
        if number is not None:
            self.task, self.current = number, None
            self.lines.append(AnnexLine(line_no, "task"))
            return
        if is_layout(cells):
            self.lines.append(AnnexLine(line_no, "layout"))
            return
        first = plain(cells[0])
        if CODE.match(first):
            self.start_measure(line_no, cells, first)
        elif first and CODE_LIKE.match(first):
            self.open_record(
                line_no,
                align(cells, row_start=True),
                self.task,
                first,
                None,
                problem=f"malformed code {first[:40]!r}",
            )
        elif first:
            self.problem(line_no, f"unrecognised first cell {first[:40]!r}: line not read")
        elif len(cells) > 1 and ACTION_START.match(plain(cells[1])):
            self.start_action(line_no, cells)
        else:
            self.continue_row(line_no, cells)

    def start_measure(self, line_no: int, cells: list[str], first: str) -> None:
        cells = align(cells, row_start=True)
        match = CODE.match(first)
        assert match is not None
        code = ".".join(match.groups())
        task = self.task_of(line_no, code)
        action, _, _ = split_action(cells[1])  # provisional: see finish()
        self.measure = self.open_record(line_no, cells, task, code, action)

    def start_action(self, line_no: int, cells: list[str]) -> None:
        cells = align(cells, row_start=True)
        action, _, _ = split_action(cells[1])
        measure = self.measure
        problem = "" if measure else "action row before any measure code"
        # the task of an action is its measure's, whatever header (if any) came before it
        task = measure.task if measure else self.task
        code = measure.code if measure else ""
        self.open_record(line_no, cells, task, code, action, problem, parent=measure)

    def open_record(
        self,
        line_no: int,
        cells: list[str],
        task: int | None,
        code: str,
        action: int | None,
        problem: str = "",
        parent: AnnexRecord | None = None,
    ) -> AnnexRecord:
        record = AnnexRecord(task, code, action, "", line_no, problem=problem, parent=parent)
        record.add(line_no, cells)
        self.records.append(record)
        self.current = record
        self.own(AnnexLine(line_no, "row", code, action), record)
        return record

    def own(self, line: AnnexLine, record: AnnexRecord) -> None:
        self.lines.append(line)
        self.owners.append((line, record))

    def continue_row(self, line_no: int, cells: list[str]) -> None:
        if self.current is None:
            self.problem(line_no, "continuation row with no row above it to continue: not read")
            return
        self.current.add(line_no, align(cells, row_start=False))
        self.own(AnnexLine(line_no, "continuation"), self.current)

    def finish(self) -> None:
        """Actions and measure titles from whole title cells; duplicated rows flagged."""
        for record in self.records:
            if record.parent is None:  # a measure row (or a malformed one)
                record.action, record.measure_title, _ = split_action(record.html("title"))
            else:
                record.measure_title = record.parent.measure_title
        seen: dict[tuple[str, int | None], int] = {}
        for record in self.records:
            key = (record.code, record.action)
            if not record.problem and key in seen:
                label = (
                    record.code
                    if record.action is None
                    else (f"{record.code} action {record.action}")
                )
                record.problem = f"duplicated row {label} (first at line {seen[key]})"
            seen.setdefault(key, record.source_line)
        for line, record in self.owners:
            line.code, line.action = record.code, record.action

    def task_of(self, line_no: int, code: str) -> int:
        """The task of a code: its second group, checked against the task header above it."""
        from_code = int(code.split(".")[1])
        if self.task is not None and self.task != from_code:
            self.problems.append((line_no, f"code {code} is under the header of task {self.task}"))
        return from_code


def parse_annex(lines: Iterable[tuple[int, str | Sequence[str]]]) -> Annex:
    """Parse the annex rows into records, line accounting and problems.

    Each row is ``(line_no, text)`` with tab-separated cells (a text report's line) or
    ``(line_no, cells)`` (a row of the document model: a Word or PDF table row).
    """
    parser = _AnnexParser()
    for line_no, raw in lines:
        parser.feed(line_no, raw)
    parser.finish()
    return Annex(parser.records, parser.lines, parser.problems)
