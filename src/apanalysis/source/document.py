"""The document model between reading and parsing: what every reader (text, Word, PDF) yields.

A :class:`Document` is the report as written, whatever its format:

- ``blocks``: the narrative before the annex, in reading order — headings, paragraphs, list
  items and footnotes — each with ``text`` in the light markup the narrative parser reads
  (``<sup>5</sup>`` for a footnote reference, ``**...**`` for a bold title);
- ``annex``: the rows after the annex marker ("Priedas."), each a tuple of cells (HTML
  fragments: ``<b>``/``<i>`` runs, ``<br>`` between paragraphs of a cell) — a title or
  caption outside the table is a row of one cell;
- where each came from: ``line`` numbers every block and row in reading order (for a text
  file, its line in the file), ``page`` is the 1-based page of a PDF (where the block or row
  starts), ``row`` the 1-based row of the Word table.

Format quirks (page breaks, repeated header rows, hyphenation, page numbers...) are resolved
by each reader; the parsers see only this model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

#: Kinds of narrative blocks.
HEADING, PARAGRAPH, LIST_ITEM, FOOTNOTE, RAW = (
    "heading",
    "paragraph",
    "list_item",
    "footnote",
    "raw",
)


@dataclass(frozen=True)
class Block:
    """One narrative block: a heading (``level`` 1–6), paragraph, list item or footnote.

    ``RAW`` blocks are lines of a text report, kept as written (the narrative parser reads
    the text format's own markup). A footnote's ``number`` is the number shown in the report.
    """

    kind: str
    text: str
    line: int
    level: int = 0
    number: int | None = None
    page: int | None = None

    def markup(self) -> str:
        """The block as one line of the text format (what the narrative parser reads)."""
        if self.kind == HEADING:
            return "#" * max(1, min(self.level, 6)) + " " + self.text
        if self.kind == LIST_ITEM:
            return "- " + self.text
        if self.kind == FOOTNOTE:
            return f"<sup>{self.number}</sup> {self.text}"
        return self.text


@dataclass(frozen=True)
class AnnexRow:
    """One row of the annex: its cells in column order (HTML fragments), and its place."""

    cells: tuple[str, ...]
    line: int
    page: int | None = None
    row: int | None = None

    def markup(self) -> str:
        """The row as one line of the text format (cells separated by tabs)."""
        return "\t".join(self.cells)


@dataclass
class Document:
    """A report read from one file: narrative blocks, annex rows and their provenance."""

    path: Path
    format: str  # "text" | "docx" | "pdf"
    sha256: str
    blocks: list[Block]
    annex: list[AnnexRow]
    annex_line: int  # the line of the annex marker ("Priedas.")
    encoding: str = ""
    pages: int | None = None
    _places: dict[int, tuple[int | None, int | None]] = field(default_factory=dict, repr=False)

    def narrative_lines(self) -> list[tuple[int, str]]:
        """``(line, text)`` of every narrative block, as the narrative parser reads them."""
        return [(block.line, block.markup()) for block in self.blocks]

    def annex_lines(self) -> list[tuple[int, tuple[str, ...]]]:
        """``(line, cells)`` of every annex row, as the annex parser reads them."""
        return [(row.line, row.cells) for row in self.annex]

    def all_lines(self) -> list[tuple[int, str]]:
        """Every block and row as a line of the text format, in order (for heading checks)."""
        return self.narrative_lines() + [(row.line, row.markup()) for row in self.annex]

    def place(self, line: int | None) -> tuple[int | None, int | None]:
        """``(page, table row)`` of the block or row at ``line``; ``(None, None)`` if unknown."""
        if not self._places:
            for block in self.blocks:
                self._places[block.line] = (block.page, None)
            for row in self.annex:
                self._places[row.line] = (row.page, row.row)
        if line is None:
            return None, None
        return self._places.get(int(line), (None, None))

    def page(self, line: int | None) -> int | None:
        return self.place(line)[0]

    def table_row(self, line: int | None) -> int | None:
        return self.place(line)[1]


#: A measure code with stray spaces, as PDF and Word tables sometimes give it ("01.01.01 .").
STRAY_CODE_SPACES = re.compile(r"^(\d{2})\s*\.\s*(\d{2})\s*\.\s*(\d{2})\s*(\.?)$")


def compact_code(cell: str) -> str:
    """A first cell holding only a code with stray spaces, as the code: "01.01.01 ." →
    "01.01.01."; any other cell unchanged.

    >>> compact_code("01 .01.01 .")
    '01.01.01.'
    """
    plain = re.sub(r"<[^>]+>", "", cell).strip()
    match = STRAY_CODE_SPACES.match(plain)
    return ".".join(match.groups()[:3]) + match.group(4) if match else cell


def citation(line: object = None, page: object = None, row: object = None) -> str:
    """How an evaluator cites a row: ``"p. 12"`` (PDF), ``"table row 14"`` (Word annex) or
    ``"line 132"`` (text; for Word and PDF the block number); ``""`` when nothing is known.

    >>> citation(line=132)
    'line 132'
    >>> citation(line=40, page=12)
    'p. 12'
    >>> citation(line=7, row=14)
    'table row 14'
    """
    for value, label in ((page, "p. {}"), (row, "table row {}"), (line, "line {}")):
        if _known(value):
            return label.format(int(value))
    return ""


def _known(value: object) -> bool:
    if value is None:
        return False
    try:
        return value == value and int(value) >= 1  # NaN and pd.NA are not known
    except (TypeError, ValueError):
        return False
