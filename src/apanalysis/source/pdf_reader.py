"""Reading a PDF report into the document model.

Each page gives its characters and its ruled table (:mod:`.pdf_layout`). Outside the table,
lines become narrative blocks: a paragraph ends at a wider gap, a short line (the next word
would have fitted), an indent, a bullet, or a change to bold or another size; a paragraph cut
by a page break is joined back (the first part keeps its page, the rest cites the next page
when the narrative can join it itself); a word hyphenated at a line end is joined back.
Bold lines are headings (larger text, higher level). Small lines at the foot of a page are
footnotes; raised small numbers ("komisija¹") are footnote marks, kept as ``<sup>N</sup>``.
Page headers and footers — page numbers ("3", "- 3 -", "3 iš 40", "3 psl.") and lines
repeated in the margins of many pages — are left out.

After the annex marker ("Priedas."; without it, from the first table holding measure codes)
each table row is an annex row with its page: cells in column order, a cell merged across
columns filling them (a task header row), a cell's paragraphs joined by ``<br>``, a code with
stray spaces ("01.01.01 .") compacted. The header row repeated on every page and a row split
across two pages (its rest has an empty code cell) are left to the annex parser, which reads
them as layout and as a continuation, as in a text report.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from pathlib import Path

from apanalysis.errors import ApanalysisError
from apanalysis.source.document import (
    AnnexRow,
    Block,
    Document,
    compact_code,
    joined_code,
)
from apanalysis.source.pdf_layout import (
    LIST_START,
    Line,
    Page,
    Table,
    build_lines,
    find_table,
    join_lines,
    page_chars,
    page_rules,
)
from apanalysis.source.pdf_narrative import NarrativeBuilder

ANNEX_MARKER = re.compile(r"^\W*(?:\d+\s*)?priedas\W*$", re.IGNORECASE)
CODE_CELL = re.compile(r"^\s*\d{2}\s*\.\s*\d{2}\s*\.\s*\d{2}\s*\.?\s*$")
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^\d{1,4}\s*(?:/|iš|of)\s*\d{1,4}$"
    r"|^(?:p\.|psl\.|puslapis|page)\s*\d{1,4}(?:\s*(?:/|iš|of)\s*\d{1,4})?$|^\d{1,4}\s*psl\.?$",
    re.IGNORECASE,
)
#: Top and bottom share of a page where headers and footers are looked for.
MARGIN_SHARE = 0.09
#: Fewer characters than this per page on average: no text layer (a scan).
MIN_CHARS_PER_PAGE = 20


def read_pdf(path: Path) -> Document:
    """The document model of a PDF report; a clear one-line error for a file it cannot be."""
    path = Path(path)
    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise ApanalysisError("not a PDF file (it does not start with %PDF)", path)
    pages = _read_pages(data, path)
    if sum(len(p.lines) for p in pages) + sum(len(p.table_chars) for p in pages) == 0 or (
        sum(len(line.chars) for p in pages for line in p.lines)
        + sum(len(p.table_chars) for p in pages)
        < MIN_CHARS_PER_PAGE * len(pages)
    ):
        raise ApanalysisError("the PDF has no text layer — is it a scan? OCR it first", path)
    _drop_headers_and_footers(pages)
    blocks, rows, marker = _assemble(pages)
    if marker is None:
        raise ApanalysisError(
            "no annex table: neither the line 'Priedas.' nor a ruled table of measure codes "
            "was found in the PDF",
            path,
        )
    if not any(row.row is None and len(row.cells) > 1 for row in rows):
        raise ApanalysisError(
            "no annex table: after 'Priedas.' the PDF has no ruled table (cells drawn with lines)",
            path,
        )
    counter = 0
    numbered_blocks = []
    for block in blocks:
        counter += 1
        numbered_blocks.append(_renumber(block, counter))
    counter += 1
    annex_line = counter
    numbered_rows = []
    for row in rows:
        counter += 1
        numbered_rows.append(AnnexRow(row.cells, counter, row.page))
    return Document(
        path,
        "pdf",
        hashlib.sha256(data).hexdigest(),
        numbered_blocks,
        numbered_rows,
        annex_line,
        pages=len(pages),
    )


def _renumber(block: Block, line: int) -> Block:
    return Block(block.kind, block.text, line, block.level, block.number, block.page)


def _read_pages(data: bytes, path: Path) -> list[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ApanalysisError(
                "the PDF is encrypted (password-protected): save an unprotected copy", path
            ) from None
        raise ApanalysisError(f"the PDF cannot be opened: {error}", path) from None
    pages = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            horizontal, vertical = page_rules(page, raw)
            table = find_table(horizontal, vertical)
            chars = page_chars(page, raw, table.box if table else None)
            inside = [c for c in chars if table and table.contains(c)] if table else []
            outside = [c for c in chars if not (table and table.contains(c))] if table else chars
            height, width = page.get_height(), page.get_width()
            rule = _footnote_rule(horizontal, table, height, width)
            pages.append(Page(index + 1, height, build_lines(outside), table, inside, rule))
            page.close()
    finally:
        pdf.close()
    return pages


def _footnote_rule(horizontal, table: Table | None, height: float, width: float) -> float | None:
    """The footnote separator: the lowest short rule (under half the page's width) in the
    lower half of the page, outside any table."""
    rules = [
        y
        for y, x0, x1 in horizontal
        if x1 - x0 < 0.5 * width
        and y > 0.5 * height
        and not (table and table.ys[0] - 2 <= y <= table.ys[-1] + 2)
    ]
    return max(rules) if rules else None


def _drop_headers_and_footers(pages: list[Page]) -> None:
    """Page numbers and lines repeated in the top or bottom margin of many pages, removed."""

    def in_margin(page: Page, line: Line) -> bool:
        share = MARGIN_SHARE * page.height
        return line.bottom < share or line.top > page.height - share

    repeated = Counter(
        re.sub(r"\d+", "#", line.text("keep"))
        for page in pages
        for line in page.lines
        if in_margin(page, line)
    )
    often = max(3, len(pages) // 2)
    for page in pages:
        page.lines = [
            line
            for line in page.lines
            if not (
                in_margin(page, line)
                and (
                    PAGE_NUMBER.match(line.text("keep"))
                    or repeated[re.sub(r"\d+", "#", line.text("keep"))] >= often
                )
            )
        ]


def _assemble(pages: list[Page]) -> tuple[list[Block], list[AnnexRow], int | None]:
    """Narrative blocks, annex rows (numbered later) and whether the annex was found."""
    body = _body_size(pages)
    blocks: list[Block] = []
    rows: list[AnnexRow] = []
    marker: int | None = None
    builder = NarrativeBuilder(body)
    for page in pages:
        table = page.table
        table_rows = _table_rows(page) if table else []
        is_annex_table = marker is not None or any(
            CODE_CELL.match(cells[0]) for cells in table_rows if cells
        )
        if table and not is_annex_table:  # a table in the narrative: read as text
            page.lines = sorted(page.lines + build_lines(page.table_chars), key=lambda x: x.top)
            table_rows = []
        items = [(line.top, "line", line) for line in page.lines]
        items += [(top, "row", cells) for top, cells in table_rows]
        items.sort(key=lambda item: item[0])
        for _, kind, value in items:
            if marker is None and kind == "line":
                text = value.text("drop")
                if ANNEX_MARKER.match(text) and builder.starts_block(page, value):
                    blocks += builder.finish()
                    marker = page.number
                    continue
                builder.add(page, value)
                continue
            if marker is None:  # a table of codes with no marker before it
                blocks += builder.finish()
                marker = page.number
            if kind == "line":
                rows.append(AnnexRow(("## " + value.text("drop"),), 0, page.number))
            elif any(c.strip() for c in value):
                _join_split_code(rows, value, page.number)
                rows.append(AnnexRow(tuple(value), 0, page.number, None))
    blocks += builder.finish()
    return blocks, rows, marker


def _join_split_code(rows: list[AnnexRow], cells: list[str], page: int) -> None:
    """A code cut by a page break ("0" at the foot of one page, "1.01.08." atop the next) is
    put back whole in the row it starts, the rest left as a continuation (empty code cell)."""
    previous = next((r for r in reversed(rows) if len(r.cells) > 1 and r.cells[0] != "Kodas"), None)
    if previous is None or previous.page == page or not cells[0]:
        return
    joined = joined_code(previous.cells[0], cells[0])
    if joined is not None:
        index = rows.index(previous)
        rows[index] = AnnexRow((joined, *previous.cells[1:]), 0, previous.page, None)
        cells[0] = ""


def _body_size(pages: list[Page]) -> float:
    sizes = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.chars)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _table_rows(page: Page) -> list[tuple[float, list[str]]]:
    """``(top, cells)`` of each row of the page's table."""
    table = page.table
    assert table is not None
    grouped: dict[tuple[int, int], list] = {}
    for char in page.table_chars:
        row = bisect.bisect_right(table.ys, char.middle) - 1
        column = bisect.bisect_right(table.xs, (char.x0 + char.x1) / 2) - 1
        row = min(max(row, 0), len(table.ys) - 2)
        column = min(max(column, 0), len(table.xs) - 2)
        grouped.setdefault((row, column), []).append(char)
    rows = []
    for row in range(len(table.ys) - 1):
        cells: list[str] = []
        for first, last in table.spans(row):
            chars = [c for column in range(first, last + 1) for c in grouped.get((row, column), [])]
            cells.append(_cell_text(chars, table.xs[first], table.xs[last + 1]))
            cells.extend([""] * (last - first))
        if cells:
            cells[0] = compact_code(cells[0])
        rows.append((table.ys[row], cells))
    return rows


def _cell_text(chars: list, left: float, right: float) -> str:
    if not chars:
        return ""
    lines = build_lines(chars)
    padding = max(1.0, min(line.x0 for line in lines) - left)
    paragraphs = join_lines(lines, right - padding, superscript="drop")
    # a cell (or its rest on the next page) opening with a numbered item starts a paragraph
    opening = "<br>" if paragraphs and LIST_START.match(paragraphs[0]) else ""
    return opening + "<br>".join(paragraphs)
