"""Narrative text: raw lines cleaned into headings, bullets and paragraphs, then sentences.

* Markdown/HTML is stripped; ``<sup>N</sup>`` footnote markers are dropped (never numbers) and
  footnote lines (``<sup>N</sup> text``) and ``---`` rules are skipped.
* A paragraph that stops without final punctuation and resumes (lowercase) after a footnote block
  is joined with its continuation, so a sentence split by footnotes is read whole.
* Paragraphs are split into sentences by :func:`apanalysis.vocabulary.text.split_sentences`;
  each :class:`Sentence` keeps the raw line of every piece it was joined from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from apanalysis.vocabulary.text import split_sentences

SUP_RE = re.compile(r"<sup>\s*[^<]*</sup>|\[\^\d+\]", re.IGNORECASE)
TAG_RE = re.compile(r"<(?:/?[a-zA-Z][^>]*)>")
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
AUTOLINK_RE = re.compile(r"<(https?://[^>]+)>")
EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")
SPACES_RE = re.compile(r"[ \t\u00a0\u202f\u2007]+")
HEADING_RE = re.compile(r"^\s*(#{1,6})\s+(.*)$")
FOOTNOTE_LINE_RE = re.compile(r"^\s*(?:<sup>\s*\d+\s*</sup>|\[\^\d+\]:)")
RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
BULLET_RE = re.compile(r"^\s*[-*+•]\s+(.*)$")
TASK_HEADING_RE = re.compile(
    r"^(?P<task>\d+)\s*uždavin\w*\s*[–—:.-]\s*(?P<title>.*)$", re.IGNORECASE
)
ENDS_SENTENCE_RE = re.compile(r"[.!?:;]\W*$")


def clean_inline(text: str) -> str:
    """Plain text of one line: footnote markers dropped, HTML/markdown removed, spaces collapsed."""
    # Fast paths: each pattern is run only when the text holds a character every match of
    # it contains ("<" or "[" for SUP_RE, "<" for the tags, "](" for links, "*" or "_" for
    # emphasis), so skipping it changes nothing.
    if "<" in text or "[" in text:
        text = SUP_RE.sub("", text)
    if "<" in text:
        text = AUTOLINK_RE.sub(r"\1", text)
    if "](" in text:
        text = MD_LINK_RE.sub(r"\1", text)
    if "<" in text:
        text = TAG_RE.sub("", text)
    text = html.unescape(text)
    if "*" in text or "_" in text:
        text = EMPHASIS_RE.sub("", text)
    return SPACES_RE.sub(" ", text).strip()


# --------------------------------------------------------------------------- blocks and sentences


@dataclass
class Block:
    """A heading, bullet or paragraph: cleaned text pieces with their raw line numbers."""

    kind: str  # "heading" | "bullet" | "para"
    pieces: list[tuple[int, str]]
    level: int = 0

    @property
    def line(self) -> int:
        return self.pieces[0][0]

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.pieces)


@dataclass
class Sentence:
    """One sentence, its raw start line and the (offset, line) breaks of joined pieces."""

    text: str
    breaks: list[tuple[int, int]]
    task: int | None = None

    @property
    def line(self) -> int:
        return self.breaks[0][1]

    def line_at(self, offset: int) -> int:
        """Raw line of the character at ``offset``."""
        line = self.breaks[0][1]
        for start, ln in self.breaks:
            if start <= offset:
                line = ln
        return line


def _classify(raw: str) -> tuple[str, int, str]:
    """(kind, heading level, cleaned text) of one raw line; kind "skip" for non-content."""
    if not raw.strip() or FOOTNOTE_LINE_RE.match(raw) or RULE_RE.match(raw):
        return "skip", 0, ""
    heading = HEADING_RE.match(raw)
    if heading:
        return "heading", len(heading.group(1)), clean_inline(heading.group(2))
    bullet = BULLET_RE.match(raw)
    if bullet:
        return "bullet", 0, clean_inline(bullet.group(1))
    text = clean_inline(raw)
    if _is_task_title_line(text):
        return "heading", 0, text  # "**2 uždavinys – ...**" written as a bold (or plain) line
    return "para", 0, text


#: Longest line read as a task heading when it is not a Markdown heading.
MAX_TASK_TITLE_CHARS = 300


def _is_task_title_line(text: str) -> bool:
    """A one-sentence line "N uždavinys – title" that is a task heading without the "#"."""
    return (
        len(text) <= MAX_TASK_TITLE_CHARS
        and task_heading(text) is not None
        and len(split_sentences(text)) == 1
    )


def _continues(previous: Block | None, text: str) -> bool:
    """True when ``text`` resumes an unfinished paragraph interrupted by footnotes."""
    return (
        previous is not None
        and previous.kind == "para"
        and not ENDS_SENTENCE_RE.search(previous.pieces[-1][1])
        and text[:1].islower()
    )


def to_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Headings, bullets and paragraphs of the narrative, footnotes and rules left out."""
    blocks: list[Block] = []
    for line_no, raw in lines:
        kind, level, text = _classify(raw)
        if kind == "skip" or not text:
            continue
        last = blocks[-1] if blocks else None
        if kind == "para" and _continues(last, text):
            last.pieces.append((line_no, text))
        else:
            blocks.append(Block(kind, [(line_no, text)], level))
    return blocks


def block_sentences(block: Block, task: int | None = None) -> list[Sentence]:
    """Sentences of a block with raw line numbers kept."""
    offsets, position = [], 0
    for line_no, piece in block.pieces:
        offsets.append((position, line_no))
        position += len(piece) + 1
    sentences = []
    for start, text in split_sentences(block.text):
        text = text.rstrip()
        first = max((ln for o, ln in offsets if o <= start), default=block.line)
        inner = [(o - start, ln) for o, ln in offsets if start < o < start + len(text)]
        sentences.append(Sentence(text, [(0, first), *inner], task))
    return sentences


def task_heading(text: str) -> tuple[int, str] | None:
    """(task number, title) of a cleaned heading "N uždavinys – title", else None."""
    match = TASK_HEADING_RE.match(text.strip())
    if not match:
        return None
    return int(match.group("task")), match.group("title").strip().rstrip(".").strip()
