"""Finding and reading a year's raw report: :func:`read_document` picks the reader by the
file's format (text here; Word in :mod:`.docx_reader`, PDF in :mod:`.pdf_reader`) and returns
the document model (:mod:`.document`). For text: decoding, size and sanity checks, section
split, heading year.

Raw files are only ever opened for reading.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from apanalysis import paths
from apanalysis.errors import ApanalysisError
from apanalysis.source.document import RAW, AnnexRow, Block, Document

#: Reports larger than this are refused before reading (the 2020 report is ~100 kB).
MAX_REPORT_BYTES = 20 * 1024 * 1024
#: Encodings tried, in order, when a file is not UTF-8 (Lithuanian offices still use Windows-1257).
LEGACY_ENCODINGS = ("cp1257",)
#: Letters that a Lithuanian report cannot do without; a legacy decoding must produce some.
LITHUANIAN_LETTERS = set("ąčęėįšųūžĄČĘĖĮŠŲŪŽ")
#: UTF-8 bytes of the Lithuanian letters (lead byte C4 or C5). A file that is not valid UTF-8
#: but holds these is UTF-8 with a few bad bytes, not Windows-1257 (where C4/C5 are "Ä"/"Å").
UTF8_LITHUANIAN = re.compile(rb"[\xc4\xc5][\x80-\xbf]")
#: Byte-order marks of UTF-16 (Notepad's "Unicode"), the only files with NUL bytes accepted.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

ANNEX_MARKER = re.compile(r"^\W*(?:\d+\s*)?priedas\W*$", re.IGNORECASE)
HEADING_YEAR = re.compile(r"(?<![–\-\d])((?:19|20)\d{2})\s+(?:metų|m\.)", re.IGNORECASE)
SPACE_LIKE = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\ufeff": ""}
#: Line ends: CRLF, CR or LF only. ``str.splitlines`` would also break at form feeds (PDF page
#: breaks), U+2028 and others, and line numbers would no longer match the file as editors show it.
LINE_END = re.compile(r"\r\n|\r|\n")
#: A title written as a bold line instead of a Markdown heading: "**... 2021 METŲ ...**".
#: Never a table row: a line with a tab is not a heading.
BOLD_LINE = re.compile(
    r"^ *(?:\*\*|__|<(?:b|strong)>)[^\t]*(?:\*\*|__|</(?:b|strong)>)[^\w\t]*$", re.IGNORECASE
)


@dataclass(frozen=True)
class SourceText:
    """A decoded report: its lines (without line ends) and where the annex starts."""

    path: Path
    lines: tuple[str, ...]
    annex_start: int  # 1-based line number of the "Priedas" marker
    encoding: str
    sha256: str

    def numbered(self, start: int, stop: int | None = None) -> list[tuple[int, str]]:
        """``(line_no, text)`` pairs for 1-based lines ``start`` .. ``stop`` (inclusive)."""
        stop = len(self.lines) if stop is None else stop
        return [(n, self.lines[n - 1]) for n in range(start, stop + 1)]

    @property
    def narrative(self) -> list[tuple[int, str]]:
        return self.numbered(1, self.annex_start - 1)

    @property
    def annex(self) -> list[tuple[int, str]]:
        return self.numbered(self.annex_start + 1)


def find_report(year: int, raw_dir: Path | None = None) -> Path:
    """The single report file of a year folder, or a clear error."""
    folder = paths.year_dir(year, raw_dir)
    if not folder.is_dir():
        found = ", ".join(map(str, paths.available_years(raw_dir))) or "none"
        raise ApanalysisError(f"no folder for year {year} (years found: {found})", folder)
    candidates = paths.report_candidates(folder)
    if not candidates:
        kinds = ", ".join(paths.REPORT_SUFFIXES)
        raise ApanalysisError(f"no report file ({kinds}) in the year folder", folder)
    if len(candidates) > 1:
        names = ", ".join(p.name for p in candidates)
        formats = {paths.report_format(p) for p in candidates}
        hint = (
            " (the same report in different formats? keep one: the published .pdf or .docx, "
            "or a converted .txt)"
            if len(formats) > 1
            else ""
        )
        raise ApanalysisError(
            f"more than one report file in the year folder: {names}{hint}", folder
        )
    return candidates[0]


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and encoding name of a raw report; refuses binary and undecodable files.

    UTF-8 (a byte-order mark is dropped), UTF-16 with its byte-order mark, or else
    Windows-1257 when that yields Lithuanian letters. A file that is mostly UTF-8 but has a bad
    byte is refused with the line of that byte, rather than read as Windows-1257 gibberish.
    """
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = "\x00"  # not UTF-16 after all: refused as binary below
        if "\x00" not in text:
            return text, "utf-16"
    if b"\x00" in data[:65536] or data.startswith(BINARY_REPORT_MAGIC):
        raise ApanalysisError(binary_hint(data), path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    if UTF8_LITHUANIAN.search(data):
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ApanalysisError(
            f"not valid UTF-8: byte 0x{data[utf8_error.start]:02X} is not part of a UTF-8 "
            "character (the rest of the file is UTF-8)",
            path,
            line,
        )
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if LITHUANIAN_LETTERS & set(text):
            return text, encoding
    line = data[: utf8_error.start].count(b"\n") + 1
    raise ApanalysisError("not UTF-8 (nor Windows-1257) text", path, line)


#: Magic bytes of report formats that are read by their own reader, never as text.
BINARY_REPORT_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def binary_hint(data: bytes) -> str:
    """Why binary ``data`` cannot be read as a text report, naming its real format if known."""
    if data.startswith(b"%PDF-"):
        return "binary file, not a text report: it is a PDF — name it .pdf"
    if data.startswith(b"PK\x03\x04"):
        return "binary file, not a text report: it is a zip (a .docx?) — name it .docx"
    if data.startswith(BINARY_REPORT_MAGIC[2]):
        return "binary file, not a text report: it is an old Word .doc — save it as .docx"
    return "binary file, not a text report"


def split_lines(text: str) -> tuple[str, ...]:
    """Lines without their ends (CRLF, CR and LF all accepted); odd spaces made plain.

    Only those three end a line, so line numbers are the ones an editor shows; a final line end
    does not start another (empty) line.
    """
    if not text:
        return ()
    lines = LINE_END.split(_plain_spaces(text))
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def _plain_spaces(text: str) -> str:
    """``text`` with no-break and other odd spaces made plain (a BOM dropped)."""
    for odd, plain in SPACE_LIKE.items():
        if odd in text:
            text = text.replace(odd, plain)
    return text


def annex_start(lines: tuple[str, ...], path: Path) -> int:
    """1-based line of the annex marker ("Priedas"); error when the report has no annex."""
    for number, line in enumerate(lines, start=1):
        if ANNEX_MARKER.match(line.strip()):
            return number
    raise ApanalysisError("no annex: the line 'Priedas.' that starts it was not found", path)


def is_heading(line: str) -> bool:
    """A Markdown heading ("## ...") or a line that is bold as a whole ("**...**", "<b>...</b>")."""
    return line.lstrip().startswith("#") or bool(BOLD_LINE.match(line))


def heading_year(lines: tuple[str, ...]) -> tuple[int, int] | None:
    """``(year, line)`` named by the first heading that names a single year.

    "... KOMISIJOS 2020 METŲ VEIKLOS ATASKAITA" and the annex's "... rezultatai 2020 m." both
    name 2020; a plan period ("2020–2022 m.") names none. Headings are Markdown headings or
    lines bold as a whole (see :func:`is_heading`).
    """
    for number, line in enumerate(lines, start=1):
        if is_heading(line):
            match = HEADING_YEAR.search(line)
            if match:
                return int(match.group(1)), number
    return None


def read_report(path: Path, expected_year: int | None = None) -> SourceText:
    """Read and check one raw report; with ``expected_year`` the heading must name that year."""
    path = Path(path)
    check_size(path)
    data = path.read_bytes()
    text, encoding = decode(data, path)
    lines = split_lines(text)
    start = annex_start(lines, path)
    named = heading_year(lines)
    if expected_year is not None and named is not None and named[0] != expected_year:
        raise ApanalysisError(
            f"the report's heading names {named[0]}, but it is in the folder for {expected_year}",
            path,
            named[1],
        )
    return SourceText(path, lines, start, encoding, hashlib.sha256(data).hexdigest())


def check_size(path: Path) -> int:
    """The file's size in bytes; an error when it is empty or over :data:`MAX_REPORT_BYTES`."""
    size = path.stat().st_size
    if size == 0:
        raise ApanalysisError("empty file", path)
    if size > MAX_REPORT_BYTES:
        raise ApanalysisError(
            f"file is {size:,} bytes, over the limit of {MAX_REPORT_BYTES:,} bytes "
            f"({MAX_REPORT_BYTES / 2**20:g} MiB)",
            path,
        )
    return size


def text_document(source: SourceText) -> Document:
    """The document model of a text report: every non-empty line before the annex marker is
    a block kept as written; every non-empty line after it an annex row (cells split at tabs).
    """
    blocks = [Block(RAW, line, number) for number, line in source.narrative if line.strip()]
    rows = [
        AnnexRow(tuple(line.split("\t")), number) for number, line in source.annex if line.strip()
    ]
    return Document(
        source.path, "text", source.sha256, blocks, rows, source.annex_start, source.encoding
    )


def read_document(path: Path, expected_year: int | None = None) -> Document:
    """Read one raw report of any supported format into the document model.

    The reader is chosen by the file's extension and checked against its first bytes;
    with ``expected_year`` the first heading naming a year must name that one.
    """
    path = Path(path)
    kind = paths.report_format(path)
    if kind == "text":
        return text_document(read_report(path, expected_year))
    check_size(path)
    if kind == "doc":
        raise ApanalysisError("an old binary Word .doc file: save it as .docx", path)
    if kind == "docx":
        from apanalysis.source.docx_reader import read_docx

        document = read_docx(path)
    else:
        from apanalysis.source.pdf_reader import read_pdf

        document = read_pdf(path)
    check_heading_year(document.all_lines(), path, expected_year)
    return document


def check_heading_year(lines: list[tuple[int, str]], path: Path, expected_year: int | None) -> None:
    """An error when the first heading naming a year names another than ``expected_year``."""
    if expected_year is None:
        return
    named = heading_year(tuple(text for _, text in lines))
    if named is not None and named[0] != expected_year:
        raise ApanalysisError(
            f"the report's heading names {named[0]}, but it is in the folder for {expected_year}",
            path,
            lines[named[1] - 1][0],
        )
