"""Reading a raw report file: decoding, size and sanity checks, section split, heading year.

Raw files are only ever opened for reading.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from apanalysis import paths
from apanalysis.errors import ApanalysisError

#: Reports larger than this are refused before reading (the 2020 report is ~100 kB).
MAX_REPORT_BYTES = 20 * 1024 * 1024
#: Encodings tried, in order, when a file is not UTF-8 (Lithuanian offices still use Windows-1257).
LEGACY_ENCODINGS = ("cp1257",)
#: Letters that a Lithuanian report cannot do without; a legacy decoding must produce some.
LITHUANIAN_LETTERS = set("ąčęėįšųūžĄČĘĖĮŠŲŪŽ")

ANNEX_MARKER = re.compile(r"^\W*(?:\d+\s*)?priedas\W*$", re.IGNORECASE)
HEADING_YEAR = re.compile(r"(?<![–\-\d])((?:19|20)\d{2})\s+(?:metų|m\.)", re.IGNORECASE)
SPACE_LIKE = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\ufeff": ""})


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
        raise ApanalysisError("no report file (.txt or .md) in the year folder", folder)
    if len(candidates) > 1:
        names = ", ".join(p.name for p in candidates)
        raise ApanalysisError(f"more than one report file in the year folder: {names}", folder)
    return candidates[0]


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and encoding name of a raw report; refuses binary and undecodable files."""
    if b"\x00" in data[:65536]:
        raise ApanalysisError("binary file, not a text report", path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if LITHUANIAN_LETTERS & set(text):
            return text, encoding
    line = data[: utf8_error.start].count(b"\n") + 1
    raise ApanalysisError("not UTF-8 (nor Windows-1257) text", path, line)


def split_lines(text: str) -> tuple[str, ...]:
    """Lines without their ends (CRLF, CR and LF all accepted); odd spaces made plain."""
    return tuple(line.translate(SPACE_LIKE) for line in text.splitlines())


def annex_start(lines: tuple[str, ...], path: Path) -> int:
    """1-based line of the annex marker ("Priedas"); error when the report has no annex."""
    for number, line in enumerate(lines, start=1):
        if ANNEX_MARKER.match(line.strip()):
            return number
    raise ApanalysisError("no annex: the line 'Priedas.' that starts it was not found", path)


def heading_year(lines: tuple[str, ...]) -> tuple[int, int] | None:
    """``(year, line)`` named by the first markdown heading that names a single year."""
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#"):
            match = HEADING_YEAR.search(line)
            if match:
                return int(match.group(1)), number
    return None


def read_report(path: Path, expected_year: int | None = None) -> SourceText:
    """Read and check one raw report; with ``expected_year`` the heading must name that year."""
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise ApanalysisError("empty file", path)
    if size > MAX_REPORT_BYTES:
        raise ApanalysisError(
            f"file is {size / 1e6:.1f} MB, over the {MAX_REPORT_BYTES / 1e6:.0f} MB limit", path
        )
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
