"""The narrative of a PDF: its lines, page after page, grouped into blocks of the document
model (see :mod:`.pdf_reader` for the rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from apanalysis.source.document import FOOTNOTE, HEADING, LIST_ITEM, PARAGRAPH, Block
from apanalysis.source.pdf_layout import Line, Page, join_wrapped

BULLETS = set("•◦▪▫‣∙·●○■□–-*►➢✓")
SENTENCE_END = re.compile(r"[.!?:;]\W*$")
#: Dashes that may open a wrapped line of a sentence as well as a list item.
DASHES = set("–-—")


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
    number: int = 0  # a footnote's number


class NarrativeBuilder:
    """Groups the narrative's lines into blocks, page after page."""

    def __init__(self, body: float) -> None:
        self.body = body
        self.items: list[_Item] = []
        self.footnotes: list[_Item] = []
        self.pitch = body * 1.2
        self.right = 0.0
        self.left = 0.0
        self.page = 0

    def add(self, page: Page, line: Line) -> None:
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

    def starts_block(self, page: Page, line: Line) -> bool:
        """Whether ``line`` would start a block of its own (not continue the last one)."""
        if page.number != self.page:
            self.start_page(page)
        current = self.items[-1] if self.items else None
        return current is None or not self.continues(current, line, page, self.bullet(line))

    def start_page(self, page: Page) -> None:
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

    def is_foot(self, page: Page, line: Line) -> bool:
        if page.foot_rule is not None:
            return line.top >= page.foot_rule
        return line.size < 0.88 * self.body and line.top >= self.foot_top - 0.5

    def add_footnote(self, page: Page, line: Line, text: str) -> None:
        match = re.match(r"^(?:<sup>)?(\d{1,3})(?:</sup>)?\s*(.*)$", text)
        expected = self.footnotes[-1].number + 1 if self.footnotes else None
        if match and (text.startswith("<sup>") or expected in (None, int(match.group(1)))):
            note = _Item(FOOTNOTE, [(page.number, match.group(2))], line.size, False, 0, line)
            note.number = int(match.group(1))
            self.footnotes.append(note)
        elif self.footnotes:
            last = self.footnotes[-1]
            last.pieces[-1] = (last.pieces[-1][0], join_wrapped(last.pieces[-1][1], text))

    def bullet(self, line: Line) -> str:
        first = line.text("keep").split(" ", 1)[0]
        if len(first) == 1 and (first in BULLETS or 0xE000 <= ord(first) <= 0xF8FF):
            return first
        return ""

    def continues(self, item: _Item, line: Line, page: Page, bullet: str) -> bool:
        if bullet and not self._wrapped_dash(item, bullet):
            return False
        if item.kind == FOOTNOTE or line.bold != item.bold:
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
        if item.kind == PARAGRAPH and line.x0 > self.left + line.size:
            return False  # a first-line indent starts a paragraph (its other lines do not)
        return not _short(last, line, self.right)

    def _wrapped_dash(self, item: _Item, bullet: str) -> bool:
        """A dash that opens a line after a full, unfinished line of a paragraph is the sentence's
        own dash moved by justification ("… siektinas rodiklis / – suteikti …"), not a bullet."""
        return (
            bullet in DASHES
            and item.kind == PARAGRAPH
            and item.last.x1 >= self.right - 2 * item.size
            and not SENTENCE_END.search(item.pieces[-1][1])
        )

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
        notes = {n.number: n for n in self.footnotes}
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
