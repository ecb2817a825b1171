"""Reading a Word report (.docx) into the document model.

The body is read in order: paragraphs and tables. A paragraph's kind comes from what Word
itself stores, never from names only one program uses: a built-in heading style ("Heading N",
"Title") or an outline level makes a heading; list numbering (``w:numPr``, in the paragraph or
its style) or a list style makes a list item. Footnote references become ``<sup>N</sup>``
(numbered in order, as Word shows them) and each footnote's text a footnote block after its
paragraph; a superscript number typed by hand ("komisija¹") is a footnote mark too.

After the annex marker ("Priedas."), every table row is an annex row: its cells in column
order (a cell merged across columns fills the columns it spans, so a task header merged across
the table reads as a header row), each cell's paragraphs joined by ``<br>``, bold and italic
runs kept as ``<b>``/``<i>``. A paragraph outside the table there (the annex title) is a row of
one heading cell. Without the marker, the annex starts at the first table holding measure
codes. ``row`` is the 1-based row of the table (its header row is row 1).
"""

from __future__ import annotations

import hashlib
import html
import re
import zipfile
from pathlib import Path

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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: An encrypted .docx is a compound file holding this stream (its name in UTF-16).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ANNEX_MARKER = re.compile(r"^\W*(?:\d+\s*)?priedas\W*$", re.IGNORECASE)
CODE_CELL = re.compile(r"^\s*\d{2}\s*\.\s*\d{2}\s*\.\s*\d{2}\s*\.?\s*$")
HEADING_STYLE = re.compile(r"^(?:heading|antraštė)\s*(\d)$", re.IGNORECASE)
SUPERSCRIPT_NUMBER = re.compile(r"^\d{1,3}$")


def check_docx(data: bytes, path: Path) -> None:
    """A clear error unless ``data`` is a Word (.docx) package."""
    if data.startswith(CFB_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise ApanalysisError(
                "the Word file is encrypted (password-protected): remove the password and "
                "save it again",
                path,
            )
        raise ApanalysisError("an old binary Word .doc file, not .docx: save it as .docx", path)
    if not data.startswith(ZIP_MAGIC):
        raise ApanalysisError("not a Word .docx file (it does not start as a zip package)", path)


def read_docx(path: Path) -> Document:
    """The document model of a Word report; a clear one-line error for a file it cannot be."""
    path = Path(path)
    data = path.read_bytes()
    check_docx(data, path)
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile as error:
        raise ApanalysisError(f"not a Word .docx file: a broken zip ({error})", path) from None
    if "word/document.xml" not in names:
        raise ApanalysisError("a zip file, not a Word document (it has no word/document.xml)", path)
    import docx  # python-docx, imported only when a Word file is read

    try:
        word = docx.Document(str(path))
    except Exception as error:  # a damaged package: python-docx raises many kinds
        raise ApanalysisError(f"the Word file cannot be opened: {error}", path) from None
    reader = _DocxReader(word)
    reader.read()
    if reader.annex_line is None:
        raise ApanalysisError(
            "no annex: neither the line 'Priedas.' nor a table of measure codes was found", path
        )
    return Document(
        path,
        "docx",
        hashlib.sha256(data).hexdigest(),
        reader.blocks,
        reader.rows,
        reader.annex_line,
    )


class _DocxReader:
    """Walks the body once, numbering blocks and rows in reading order."""

    def __init__(self, word) -> None:
        self.word = word
        self.styles = _style_info(word)
        self.footnotes = _footnotes(word)
        self.blocks: list[Block] = []
        self.rows: list[AnnexRow] = []
        self.annex_line: int | None = None
        self.counter = 0
        self.note_number = 0

    def next_line(self) -> int:
        self.counter += 1
        return self.counter

    def read(self) -> None:
        for child in self.word.element.body.iterchildren():
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag == W + "sdt":  # a content control: read what it holds
                content = child.find(W + "sdtContent")
                for inner in content if content is not None else ():
                    if inner.tag == W + "p":
                        self.paragraph(inner)
                    elif inner.tag == W + "tbl":
                        self.table(inner)

    def paragraph(self, p) -> None:
        text, notes, all_bold = _inline(p, self.footnote_number)
        if not text.strip():
            return
        if self.annex_line is not None:
            self.rows.append(AnnexRow(("## " + text.strip(),), self.next_line()))
            return
        if ANNEX_MARKER.match(html.unescape(text).strip()):
            self.annex_line = self.next_line()
            return
        kind, level = self.kind_of(p)
        if kind == PARAGRAPH and all_bold:
            text = f"**{text.strip()}**"  # a title written as a bold line
        self.blocks.append(Block(kind, text.strip(), self.next_line(), level))
        for number, note_id in notes:
            note = self.footnotes.get(note_id, "")
            self.blocks.append(Block(FOOTNOTE, note, self.next_line(), number=number))

    def footnote_number(self) -> int:
        self.note_number += 1
        return self.note_number

    def kind_of(self, p) -> tuple[str, int]:
        properties = p.find(W + "pPr")
        style_id = ""
        if properties is not None:
            style = properties.find(W + "pStyle")
            style_id = style.get(W + "val", "") if style is not None else ""
            outline = properties.find(W + "outlineLvl")
            if outline is not None and outline.get(W + "val", "9").isdigit():
                level = int(outline.get(W + "val"))
                if level < 9:
                    return HEADING, level + 1
            if properties.find(W + "numPr") is not None:
                return LIST_ITEM, 0
        name, outline_level, numbered = self.styles.get(style_id, ("", None, False))
        heading = HEADING_STYLE.match(name)
        if heading:
            return HEADING, int(heading.group(1))
        if name.lower() in ("title", "pavadinimas"):
            return HEADING, 1
        if outline_level is not None:
            return HEADING, outline_level + 1
        if numbered or "list" in name.lower() or "sąraš" in name.lower():
            return LIST_ITEM, 0
        return PARAGRAPH, 0

    def table(self, tbl) -> None:
        rows = [_row_cells(tr) for tr in tbl.iter(W + "tr")]
        if self.annex_line is None:
            if not any(cells and CODE_CELL.match(cells[0]) for cells in rows):
                for cells in rows:  # a table in the narrative: its rows read as paragraphs
                    text = " ".join(c for c in cells if c.strip())
                    if text.strip():
                        self.blocks.append(Block(PARAGRAPH, text, self.next_line()))
                return
            self.annex_line = self.next_line()  # no marker: the annex starts at this table
        for number, cells in enumerate(rows, start=1):
            if any(c.strip() for c in cells):
                self.rows.append(AnnexRow(tuple(cells), self.next_line(), row=number))


def _style_info(word) -> dict[str, tuple[str, int | None, bool]]:
    """style id → (name, outline level, numbered) for the paragraph styles, with inheritance."""
    raw: dict[str, tuple[str, int | None, bool | None, str]] = {}
    styles = word.styles.element
    for style in styles.iter(W + "style"):
        style_id = style.get(W + "styleId", "")
        name_el = style.find(W + "name")
        name = name_el.get(W + "val", "") if name_el is not None else ""
        properties = style.find(W + "pPr")
        outline = numbered = None
        if properties is not None:
            level = properties.find(W + "outlineLvl")
            if level is not None and level.get(W + "val", "9").isdigit():
                value = int(level.get(W + "val"))
                outline = value if value < 9 else None
            numbered = properties.find(W + "numPr") is not None or None
        based = style.find(W + "basedOn")
        raw[style_id] = (
            name,
            outline,
            numbered,
            based.get(W + "val", "") if based is not None else "",
        )
    info = {}
    for style_id in raw:
        name, outline, numbered, parent = raw[style_id]
        seen = {style_id}
        while parent in raw and parent not in seen and (outline is None or numbered is None):
            seen.add(parent)
            _, parent_outline, parent_numbered, next_parent = raw[parent]
            outline = outline if outline is not None else parent_outline
            numbered = numbered if numbered is not None else parent_numbered
            parent = next_parent
        info[style_id] = (name, outline, bool(numbered))
    return info


def _footnotes(word) -> dict[str, str]:
    """Footnote id → its plain text (separators left out)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in word.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for note in root.iter(W + "footnote"):
                if note.get(W + "type") in ("separator", "continuationSeparator"):
                    continue
                text = " ".join("".join(t.text or "" for t in note.iter(W + "t")).split())
                notes[note.get(W + "id", "")] = html.escape(text, quote=False)
            return notes
    return {}


def _run_format(run) -> tuple[bool, bool, bool]:
    """(bold, italic, superscript) of a run from its direct properties."""
    properties = run.find(W + "rPr")
    if properties is None:
        return False, False, False

    def on(tag: str) -> bool:
        element = properties.find(W + tag)
        return element is not None and element.get(W + "val", "true") not in ("0", "false")

    align = properties.find(W + "vertAlign")
    superscript = align is not None and align.get(W + "val") == "superscript"
    return on("b"), on("i"), superscript


def _inline(p, footnote_number, in_cell: bool = False) -> tuple[str, list[tuple[int, str]], bool]:
    """A paragraph's text as light markup, its footnote references ``(number, id)``, and
    whether all its text is bold.

    Narrative text keeps ``<sup>N</sup>`` for footnote marks; in a cell (``in_cell``) the
    marks are dropped and bold/italic runs become ``<b>``/``<i>``.
    """
    pieces: list[str] = []
    notes: list[tuple[int, str]] = []
    bold_chars = all_chars = 0
    for run in p.iter(W + "r"):
        bold, italic, superscript = _run_format(run)
        text = ""
        for child in run:
            tag = child.tag
            if tag == W + "t":
                text += child.text or ""
            elif tag in (W + "tab", W + "br", W + "cr"):
                text += " "
            elif tag == W + "noBreakHyphen":
                text += "-"
            elif tag == W + "footnoteReference":
                number = footnote_number() if footnote_number else 0
                notes.append((number, child.get(W + "id", "")))
                if not in_cell:
                    pieces.append(f"<sup>{number}</sup>")
        if not text:
            continue
        if superscript and SUPERSCRIPT_NUMBER.match(text.strip()):
            if not in_cell:
                pieces.append(f"<sup>{text.strip()}</sup>")
            continue
        escaped = html.escape(text, quote=False)
        if text.strip():
            all_chars += len(text.strip())
            bold_chars += len(text.strip()) if bold else 0
        if in_cell and text.strip() and (bold or italic):
            escaped = (
                ("<b>" if bold else "")
                + ("<i>" if italic else "")
                + escaped
                + ("</i>" if italic else "")
                + ("</b>" if bold else "")
            )
        pieces.append(escaped)
    text = "".join(pieces)
    if in_cell:
        text = text.replace("</b><b>", "").replace("</i><i>", "")
    return text, notes, all_chars > 0 and bold_chars == all_chars


def _row_cells(tr) -> list[str]:
    """The cells of a table row in column order; a cell spanning columns fills them all (its
    text in the first), a cell continuing a vertical merge is empty."""
    cells: list[str] = []
    for tc in tr.iterchildren(W + "tc"):
        properties = tc.find(W + "tcPr")
        span, continued = 1, False
        if properties is not None:
            grid_span = properties.find(W + "gridSpan")
            if grid_span is not None and grid_span.get(W + "val", "1").isdigit():
                span = max(1, int(grid_span.get(W + "val")))
            v_merge = properties.find(W + "vMerge")
            continued = v_merge is not None and v_merge.get(W + "val") != "restart"
        text = "" if continued else _cell_html(tc)
        cells.append(text)
        cells.extend([""] * (span - 1))
    if cells:
        cells[0] = compact_code(cells[0])
    return cells


def _cell_html(tc) -> str:
    """A cell's paragraphs (nested tables' too) as HTML joined by ``<br>``."""
    paragraphs = []
    for p in tc.iter(W + "p"):
        text, _, _ = _inline(p, None, in_cell=True)
        if text.strip():
            paragraphs.append(" ".join(text.split()))
    return "<br>".join(paragraphs)
