"""A PDF page as characters, lines and ruled tables (geometry only; no report vocabulary).

Characters come from PDFium (``pypdfium2``, the engine pdfplumber itself ships with): for
each one its text, box, font size and whether its font is bold. Coordinates are turned
top-down (``top`` grows down the page, as one reads). Rules are the thin path objects a table's
borders are drawn with; a page's ruled table is the grid they make, with a cell merged across
columns where the inner vertical rule is missing for that row (a task header row).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median

#: A rule is at most this thick (points); a cell border drawn as a filled thin rectangle too.
RULE_THICKNESS = 2.5
#: Positions closer than this (points) are the same grid line.
SNAP = 2.0
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
ITALIC_FONT = re.compile(r"italic|oblique", re.IGNORECASE)
FONT_ITALIC_FLAG = 0x40
#: A gap wider than this share of the font size between two characters is a space.
WORD_GAP = 0.1
#: PDFium's code for a hyphen that ends a line.
LINE_END_HYPHEN = 0x02
SOFT_HYPHEN = 0xAD


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    base: float  # the baseline, from the top of the page
    size: float
    bold: bool

    @property
    def top(self) -> float:
        return self.base - 0.8 * self.size

    @property
    def bottom(self) -> float:
        return self.base + 0.2 * self.size

    @property
    def middle(self) -> float:
        return self.base - 0.3 * self.size


@dataclass
class Line:
    """Characters sharing a baseline, left to right; ``sup`` marks raised small characters."""

    chars: list[Char]
    size: float = 0.0
    sup: list[bool] = field(default_factory=list)
    _texts: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @cached_property
    def top(self) -> float:
        return min(c.top for c, s in zip(self.chars, self.sup, strict=True) if not s)

    @cached_property
    def bottom(self) -> float:
        return max(c.bottom for c, s in zip(self.chars, self.sup, strict=True) if not s)

    def first_word_width(self) -> float:
        """Width of the line's first word (to the first gap between characters)."""
        first = self.chars[0]
        end = first.x1
        for char in self.chars[1:]:
            if char.x0 - end > WORD_GAP * char.size:
                break
            end = char.x1
        return end - first.x0

    @property
    def bold(self) -> bool:
        letters = [c for c in self.chars if c.text.isalnum()]
        return bool(letters) and sum(c.bold for c in letters) >= 0.9 * len(letters)

    def text(self, superscript: str = "sup") -> str:
        key = superscript
        if key not in self._texts:
            self._texts[key] = self._text(superscript)
        return self._texts[key]

    def _text(self, superscript: str) -> str:
        """The line's text; raised numbers as ``<sup>N</sup>`` (``superscript="sup"``), kept
        as they are (``"keep"``) or dropped (``"drop"``). Markup characters are escaped."""
        out: list[str] = []
        previous: Char | None = None
        in_sup = False
        for char, raised in zip(self.chars, self.sup, strict=True):
            raised = raised and superscript != "keep"
            if in_sup and not raised and superscript == "sup":
                out.append("</sup>")
                in_sup = False
            if previous is not None and char.x0 - previous.x1 > WORD_GAP * min(
                previous.size, char.size
            ):
                out.append(" ")
            if raised:
                if superscript == "sup" and not in_sup:
                    out.append("<sup>")
                in_sup = True
                if superscript == "sup":
                    out.append(char.text)
            else:
                in_sup = False
                out.append(_escape(char.text) if char.text in "&<>" else char.text)
            previous = char
        if in_sup and superscript == "sup":
            out.append("</sup>")
        return " ".join("".join(out).split())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page_chars(page, raw, plain_box: tuple[float, float, float, float] | None = None) -> list[Char]:
    """Every visible character of a PDFium page (generated spaces and line ends left out).

    Inside ``plain_box`` (a table, where bold does not matter) the font is not looked up.
    """
    height = page.get_height()
    textpage = page.get_textpage()
    handle = textpage.raw
    fonts: dict[int, bool] = {}
    chars: list[Char] = []
    box = raw.FS_RECTF()  # the loose box: the glyph's advance, for gaps between words
    box_ref = ctypes.byref(box)
    x, y = ctypes.c_double(), ctypes.c_double()
    origin = (ctypes.byref(x), ctypes.byref(y))
    for index in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, index)
        if code == LINE_END_HYPHEN:
            code = ord("-")
        if code in (0, 0xFFFE, 0xFFFF) or chr(code).isspace():
            continue
        raw.FPDFText_GetLooseCharBox(handle, index, box_ref)
        raw.FPDFText_GetCharOrigin(handle, index, *origin)
        size = raw.FPDFText_GetFontSize(handle, index)
        base = height - y.value
        plain = plain_box is not None and (
            plain_box[0] <= box.left <= plain_box[2] and plain_box[1] <= base <= plain_box[3]
        )
        bold = False if plain else _is_bold(raw, handle, index, fonts)
        chars.append(Char(chr(code), box.left, box.right, base, size, bold))
    textpage.close()
    return chars


def _is_bold(raw, handle, index: int, fonts: dict[int, bool]) -> bool:
    text_object = raw.FPDFText_GetTextObject(handle, index)
    if not text_object:
        return False
    font = raw.FPDFTextObj_GetFont(text_object)
    key = ctypes.c_void_p.from_buffer(font).value or 0
    if key not in fonts:
        buffer = ctypes.create_string_buffer(256)
        raw.FPDFFont_GetBaseFontName(font, buffer, 256)
        name = buffer.value.decode("latin-1", "replace")
        fonts[key] = bool(BOLD_FONT.search(name)) or raw.FPDFFont_GetWeight(font) >= 600
    return fonts[key]


Rule = tuple[float, float, float]


def page_rules(page, raw) -> tuple[list[Rule], list[Rule]]:
    """``(horizontal, vertical)`` rules of a page: ``(y, x0, x1)`` and ``(x, top, bottom)``."""
    height = page.get_height()
    horizontal, vertical = [], []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        x0, y0, x1, y1 = obj.get_bounds()
        top, bottom = height - y1, height - y0
        width, tall = x1 - x0, bottom - top
        if tall <= RULE_THICKNESS and width > SNAP * 2:
            horizontal.append(((top + bottom) / 2, x0, x1))
        elif width <= RULE_THICKNESS and tall > SNAP * 2:
            vertical.append(((x0 + x1) / 2, top, bottom))
        elif width > SNAP * 2 and tall > SNAP * 2:  # a cell or table drawn as a rectangle
            horizontal += [(top, x0, x1), (bottom, x0, x1)]
            vertical += [(x0, top, bottom), (x1, top, bottom)]
    return horizontal, vertical


def _snap(values: list[float]) -> list[float]:
    """Sorted distinct positions, those within :data:`SNAP` merged."""
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= SNAP:
            continue
        out.append(value)
    return out


@dataclass
class Table:
    """A ruled grid: column edges ``xs``, row edges ``ys``, and which cells are merged."""

    xs: list[float]
    ys: list[float]
    vertical: list[tuple[float, float, float]]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, char: Char) -> bool:
        x = (char.x0 + char.x1) / 2
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= char.middle <= self.ys[-1]

    def spans(self, row: int) -> list[tuple[int, int]]:
        """``(first, last)`` column of each cell of ``row`` (merged where a rule is missing)."""
        middle = (self.ys[row] + self.ys[row + 1]) / 2
        spans, start = [], 0
        for column in range(1, len(self.xs) - 1):
            x = self.xs[column]
            if any(
                abs(vx - x) <= SNAP and top - SNAP <= middle <= bottom + SNAP
                for vx, top, bottom in self.vertical
            ):
                spans.append((start, column - 1))
                start = column
        spans.append((start, len(self.xs) - 2))
        return spans


def find_table(horizontal, vertical, min_columns: int = 3) -> Table | None:
    """The page's ruled table (the grid of its longest rules), or None without one."""
    long_vertical = [v for v in vertical if v[2] - v[1] > SNAP * 3]
    if len(long_vertical) < min_columns + 1 or not horizontal:
        return None
    top = min(v[1] for v in long_vertical)
    bottom = max(v[2] for v in long_vertical)
    xs = _snap([v[0] for v in long_vertical])
    left, right = xs[0], xs[-1]
    rows = [
        y
        for y, x0, x1 in horizontal
        if top - SNAP <= y <= bottom + SNAP and x0 <= left + SNAP * 3 and x1 >= right - SNAP * 3
    ]
    # a rule across only part of the table still separates the rows it crosses
    rows += [
        y
        for y, x0, x1 in horizontal
        if top - SNAP <= y <= bottom + SNAP and x1 - x0 > SNAP * 3 and x0 >= left - SNAP
    ]
    ys = _snap([top, bottom, *rows])
    if len(xs) < min_columns + 1 or len(ys) < 2:
        return None
    return Table(xs, ys, long_vertical)


def build_lines(chars: list[Char]) -> list[Line]:
    """Characters grouped into lines by their baseline (top to bottom, each left to right);
    raised small characters (footnote marks) join the line below them."""
    groups: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: c.base):
        if groups and char.base - groups[-1][0].base <= 0.3 * max(char.size, groups[-1][0].size):
            groups[-1].append(char)
        else:
            groups.append([char])
    sizes = [median(c.size for c in group) for group in groups]
    merged: list[list[Char]] = []
    index = 0
    while index < len(groups):
        group, size = groups[index], sizes[index]
        following = index + 1 < len(groups)
        if (
            following
            and size < 0.8 * sizes[index + 1]
            and 0 < groups[index + 1][0].base - group[0].base <= 0.6 * sizes[index + 1]
            and _overlaps(group, groups[index + 1])
        ):
            groups[index + 1] = group + groups[index + 1]  # footnote marks of the next line
            sizes[index + 1] = sizes[index + 1]
        else:
            merged.append(group)
        index += 1
    result = []
    for group in merged:
        group.sort(key=lambda c: c.x0)
        body = median(c.size for c in group)
        base = max(c.base for c in group if c.size >= 0.8 * body)
        sup = [
            c.base < base - 0.15 * body and (c.size < 0.8 * body or c.text.isdigit()) for c in group
        ]
        if all(sup):
            sup = [False] * len(group)
        result.append(Line(group, body, sup))
    return result


def _overlaps(marks: list[Char], line: list[Char]) -> bool:
    """Whether the marks lie within the horizontal extent of the line (not another column)."""
    left = min(c.x0 for c in line) - 2 * line[0].size
    right = max(c.x1 for c in line) + 2 * line[0].size
    return all(left <= c.x0 <= right for c in marks)


def join_lines(lines: list[Line], right_edge: float, superscript: str) -> list[str]:
    """Lines of one column (a cell) as paragraphs: a line ends its paragraph when the next
    line's first word would have fitted after it (a hard break, not a wrap)."""
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        text = line.text(superscript)
        if not text:
            continue
        if previous is not None and _word_broken(previous, right_edge) and text[:1].islower():
            paragraphs[-1] += text  # one word too long for the column, broken where it ended
        elif previous is not None and not _hard_break(previous, line, right_edge):
            paragraphs[-1] = join_wrapped(paragraphs[-1], text)
        else:
            paragraphs.append(text)
        previous = line
    return paragraphs


def _word_broken(previous: Line, right_edge: float) -> bool:
    """Whether ``previous`` is a single word filling the column (broken as it did not fit)."""
    return (
        previous.first_word_width() >= previous.x1 - previous.x0 - 0.01
        and previous.x1 >= right_edge - 0.6 * previous.size
        and previous.text("drop")[-1:].isalpha()
    )


LIST_START = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-z][.)]|[-–•])\s")


def _hard_break(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether ``previous`` ended before the edge though the next word would have fitted, or
    ended a clause and the next line starts a numbered or bulleted item."""
    if LIST_START.match(line.text("drop")) and previous.text("drop")[-1:] in ".;:":
        return True
    return previous.x1 + line.size * 0.25 + line.first_word_width() < right_edge - 1


def join_wrapped(text: str, more: str) -> str:
    """``text`` continued by the next line ``more``.

    A word hyphenated at the line end with a soft hyphen is joined back ("socia\u00ad" +
    "linio" → "socialinio"); a line broken after a hyphen or dash that follows a word or number
    is joined without a space, the hyphen kept ("2017–" + "2019", "COVID-" + "19",
    "brošiūros-" + "lankstinukai": Word and LibreOffice do not hyphenate unless asked, so a
    visible hyphen is the text's own); a link broken where it did not fit is joined back;
    otherwise a space.
    """
    last_word = text.rsplit(" ", 1)[-1]
    next_word = more.split(" ", 1)[0].rstrip(".,;:)")
    if (
        ("://" in last_word or last_word.startswith("www."))
        and last_word[-1] not in ".,;:)"
        and any(mark in next_word for mark in "/%_=?&#.-")
    ):
        return text + more  # a link broken where it did not fit
    if text.endswith("\u00ad"):  # a soft (optional) hyphen: the word was hyphenated
        return text[:-1] + more
    if len(text) > 1 and text[-1] in "-–" and not text[-2].isspace() and more[:1].isalnum():
        return text + more  # a hyphen or dash the text has ("brošiūros-lankstinukai")
    return text + " " + more
