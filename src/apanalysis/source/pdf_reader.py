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
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from apanalysis.errors import ApanalysisError
from apanalysis.source.document import (
    FOOTNOTE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    AnnexRow,
    Block,
    Document,
    compact_code,
)
from apanalysis.source.pdf_layout import (
    Line,
    Table,
    build_lines,
    find_table,
    join_lines,
    join_wrapped,
    page_chars,
    page_rules,
)

ANNEX_MARKER = re.compile(r"^\W*(?:\d+\s*)?priedas\W*$", re.IGNORECASE)
CODE_CELL = re.compile(r"^\s*\d{2}\s*\.\s*\d{2}\s*\.\s*\d{2}\s*\.?\s*$")
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^\d{1,4}\s*(?:/|iš|of)\s*\d{1,4}$"
    r"|^(?:p\.|psl\.|puslapis|page)\s*\d{1,4}(?:\s*(?:/|iš|of)\s*\d{1,4})?$|^\d{1,4}\s*psl\.?$",
    re.IGNORECASE,
)
BULLETS = set("•◦▪▫‣∙·●○■□–-*►➢✓")
SENTENCE_END = re.compile(r"[.!?:;]\W*$")
#: Top and bottom share of a page where headers and footers are looked for.
MARGIN_SHARE = 0.09
#: Fewer characters than this per page on average: no text layer (a scan).
MIN_CHARS_PER_PAGE = 20


@dataclass
class _Page:
    number: int
    height: float
    lines: list[Line]  # outside the annex table
    table: Table | None
    table_chars: list = field(default_factory=list)
    #: The top of the footnote separator (a short rule low on the page), if there is one.
    foot_rule: float | None = None


@dataclass
class _Item:
    """A narrative block being built: kind, text pieces per page, and geometry."""

    kind: str
    pieces: list[tuple[int, str]]  # (page, text)
    size: float
    bold: bool
    top: float
    last: Line
    indent: float = 0.0


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


def _read_pages(data: bytes, path: Path) -> list[_Page]:
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
            pages.append(_Page(index + 1, height, build_lines(outside), table, inside, rule))
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


def _drop_headers_and_footers(pages: list[_Page]) -> None:
    """Page numbers and lines repeated in the top or bottom margin of many pages, removed."""

    def in_margin(page: _Page, line: Line) -> bool:
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


def _assemble(pages: list[_Page]) -> tuple[list[Block], list[AnnexRow], int | None]:
    """Narrative blocks, annex rows (numbered later) and whether the annex was found."""
    body = _body_size(pages)
    blocks: list[Block] = []
    rows: list[AnnexRow] = []
    marker: int | None = None
    builder = _NarrativeBuilder(body)
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
                rows.append(AnnexRow(tuple(value), 0, page.number, None))
    blocks += builder.finish()
    return blocks, rows, marker


def _body_size(pages: list[_Page]) -> float:
    sizes = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.chars)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _table_rows(page: _Page) -> list[tuple[float, list[str]]]:
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
    return "<br>".join(join_lines(lines, right - padding, superscript="drop"))


class _NarrativeBuilder:
    """Groups the narrative's lines into blocks, page after page."""

    def __init__(self, body: float) -> None:
        self.body = body
        self.items: list[_Item] = []
        self.footnotes: list[_Item] = []
        self.pitch = body * 1.2
        self.right = 0.0
        self.left = 0.0
        self.page = 0

    def add(self, page: _Page, line: Line) -> None:
        text = line.text("sup")
        if not text:
            return
        if page.number != self.page:
            self.start_page(page)
        if self.is_foot(page, line):
            self.add_footnote(page, line, text)
            return
        bullet = self.bullet(line)
        current = self.items[-1] if self.items else None
        if current is not None and self.continues(current, line, page, bullet):
            page_of_last = current.pieces[-1][0]
            if page_of_last == page.number:
                current.pieces[-1] = (page.number, join_wrapped(current.pieces[-1][1], text))
            else:
                current.pieces.append((page.number, text))
            current.last = line
            return
        kind = LIST_ITEM if bullet else HEADING if line.bold else PARAGRAPH
        if bullet:
            text = text[len(bullet) :].strip()
        self.items.append(
            _Item(kind, [(page.number, text)], line.size, line.bold, line.top, line, line.x0)
        )

    def starts_block(self, page: _Page, line: Line) -> bool:
        """Whether ``line`` would start a block of its own (not continue the last one)."""
        if page.number != self.page:
            self.start_page(page)
        current = self.items[-1] if self.items else None
        return current is None or not self.continues(current, line, page, self.bullet(line))

    def start_page(self, page: _Page) -> None:
        self.page = page.number
        lines = [x for x in page.lines if x.size >= 0.88 * self.body]
        self.right = max((x.x1 for x in lines), default=0.0)
        self.left = min((x.x0 for x in lines), default=0.0)
        small = [x for x in page.lines if x.size < 0.88 * self.body]
        normal_bottoms = [x.bottom for x in lines]
        self.foot_top = min(
            (x.top for x in small if not any(b > x.top for b in normal_bottoms)),
            default=page.height,
        )
        if page.foot_rule is not None:  # the separator Word and LibreOffice draw
            self.foot_top = page.foot_rule
        body = [x for x in lines if x.top < self.foot_top]
        self.right = max((x.x1 for x in body), default=self.right)
        pitches = [
            b.bottom - a.bottom
            for a, b in zip(lines, lines[1:], strict=False)
            if abs(a.size - b.size) < 0.5 and b.bottom > a.bottom
        ]
        if pitches:
            self.pitch = median(pitches)

    def is_foot(self, page: _Page, line: Line) -> bool:
        if page.foot_rule is not None:
            return line.top >= page.foot_rule
        return line.size < 0.88 * self.body and line.top >= self.foot_top - 0.5

    def add_footnote(self, page: _Page, line: Line, text: str) -> None:
        match = re.match(r"^(?:<sup>)?(\d{1,3})(?:</sup>)?\s*(.*)$", text)
        expected = int(self.footnotes[-1].indent) + 1 if self.footnotes else None
        if match and (text.startswith("<sup>") or expected in (None, int(match.group(1)))):
            number = float(match.group(1))  # kept in ``indent`` until finish()
            note = _Item(FOOTNOTE, [(page.number, match.group(2))], line.size, False, 0, line)
            note.indent = number
            self.footnotes.append(note)
        elif self.footnotes:
            last = self.footnotes[-1]
            last.pieces[-1] = (last.pieces[-1][0], join_wrapped(last.pieces[-1][1], text))

    def bullet(self, line: Line) -> str:
        first = line.text("keep").split(" ", 1)[0]
        if len(first) == 1 and (first in BULLETS or 0xE000 <= ord(first) <= 0xF8FF):
            return first
        return ""

    def continues(self, item: _Item, line: Line, page: _Page, bullet: str) -> bool:
        if bullet or item.kind == FOOTNOTE or line.bold != item.bold:
            return False
        if abs(line.size - item.size) > 0.1 * item.size:
            return False
        last = item.last
        if item.pieces[-1][0] != page.number:  # the page changed since this block's last line
            return self._continues_on_next_page(item, line)
        if line.bottom - last.bottom > 1.3 * self.pitch * max(1.0, line.size / self.body):
            return False
        if item.kind == HEADING:
            return True
        if item.kind == PARAGRAPH and line.x0 > self.left + 1.5 * line.size > item.indent:
            return False  # a first-line indent starts a paragraph
        return not _short(last, line, self.right)

    def _continues_on_next_page(self, item: _Item, line: Line) -> bool:
        if item.kind not in (PARAGRAPH, LIST_ITEM):
            return False
        text = item.pieces[-1][1]
        full = item.last.x1 >= self.right - 2 * item.size
        return full or (not SENTENCE_END.search(text) and line.text("drop")[:1].islower())

    def finish(self) -> list[Block]:
        """The blocks built so far (footnotes after the paragraph that cites them)."""
        blocks: list[Block] = []
        sizes = sorted({round(i.size) for i in self.items if i.kind == HEADING}, reverse=True)
        notes = {int(n.indent): n for n in self.footnotes}
        for item in self.items:
            level = sizes.index(round(item.size)) + 1 if item.kind == HEADING else 0
            blocks += _split_pages(item, level)
            for number in map(
                int, re.findall(r"<sup>(\d+)</sup>", " ".join(t for _, t in item.pieces))
            ):
                note = notes.pop(number, None)
                if note is not None:
                    text = " ".join(t for _, t in note.pieces)
                    blocks.append(Block(FOOTNOTE, text, 0, number=number, page=note.pieces[0][0]))
        for number, note in notes.items():
            blocks.append(Block(FOOTNOTE, " ".join(t for _, t in note.pieces), 0, number=number,
                                page=note.pieces[0][0]))  # fmt: skip
        self.items, self.footnotes = [], []
        return blocks


def _short(previous: Line, line: Line, right: float) -> bool:
    """Whether ``previous`` ended early: the first word of ``line`` would have fitted."""
    return previous.x1 + line.size * 0.25 + line.first_word_width() < right - 1


def _split_pages(item: _Item, level: int) -> list[Block]:
    """The block, as one block per page when the narrative parser can join the parts itself
    (the first does not end a sentence and the next starts in lower case), so each sentence
    cites its own page; otherwise one block citing the page it starts on."""
    parts = [item.pieces[0]]
    for page, text in item.pieces[1:]:
        if item.kind == PARAGRAPH and not SENTENCE_END.search(parts[-1][1]) and text[:1].islower():
            parts.append((page, text))
        else:
            parts[-1] = (parts[-1][0], join_wrapped(parts[-1][1], text))
    return [Block(item.kind, text, 0, level, page=page) for page, text in parts]
