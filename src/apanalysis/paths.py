"""Default folders of the project and year discovery.

Every default path is built from this file's location, never from the current directory, so the
library and the CLI behave the same wherever they are started from.
"""

from __future__ import annotations

import re
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
#: English reference data (glossary, titles) shown beside the Lithuanian originals.
REFERENCE_DIR = DATA_DIR / "reference"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

#: File suffixes accepted as a year's report: a converted text, the Word file or the PDF.
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
#: Format of each suffix; ".doc" is found (so it is refused with advice), never read.
REPORT_FORMATS = {".txt": "text", ".md": "text", ".docx": "docx", ".pdf": "pdf", ".doc": "doc"}
#: Name of the optional evaluator annotations file inside a year folder: a CSV, or a workbook.
ASSESSMENT_STEM = "assessment"
ASSESSMENT_FILE = f"{ASSESSMENT_STEM}.csv"
ASSESSMENT_FILES = (ASSESSMENT_FILE, f"{ASSESSMENT_STEM}.xlsx")
#: Files in a year folder that are not the report.
NON_REPORT_NAMES = {"readme.md", "readme.txt", ASSESSMENT_FILE}

FIRST_SANE_YEAR = 2000
LAST_SANE_YEAR = 2100


def available_years(raw_dir: Path | None = None) -> list[int]:
    """Years that have a folder named by a four-digit year under ``raw_dir``, sorted."""
    raw_dir = Path(raw_dir) if raw_dir is not None else RAW_DIR
    if not raw_dir.is_dir():
        return []
    return sorted(
        int(p.name)
        for p in raw_dir.iterdir()
        if p.is_dir() and p.name.isdigit() and len(p.name) == 4
    )


#: A four-digit number inside a longer folder name ("FY2021", "2021 ", "2021-report").
_YEAR_IN_NAME = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


def misnamed_year_folders(raw_dir: Path | None = None) -> dict[str, int]:
    """Folders under ``raw_dir`` that look like a year but are not named by one, e.g.
    ``{"FY2021": 2021, "2021 ": 2021}``: :func:`available_years` skips them."""
    raw_dir = Path(raw_dir) if raw_dir is not None else RAW_DIR
    if not raw_dir.is_dir():
        return {}
    found = {}
    for folder in sorted(raw_dir.iterdir()):
        match = _YEAR_IN_NAME.search(folder.name)
        is_year = folder.name.isdigit() and len(folder.name) == 4
        if folder.is_dir() and match and not is_year:
            year = int(match[1])
            if FIRST_SANE_YEAR <= year <= LAST_SANE_YEAR:
                found[folder.name] = year
    return found


def year_dir(year: int, raw_dir: Path | None = None) -> Path:
    """The raw folder of one year (it may not exist)."""
    return (Path(raw_dir) if raw_dir is not None else RAW_DIR) / str(year)


def report_candidates(folder: Path) -> list[Path]:
    """Files in a year folder that look like the year's report (README and annotations excluded)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in REPORT_FORMATS
        and p.name.lower() not in NON_REPORT_NAMES
        and not p.name.startswith(".")
    )


def report_format(path: Path) -> str:
    """``"text"``, ``"docx"``, ``"pdf"`` or ``"doc"`` (refused) from a report file's suffix."""
    return REPORT_FORMATS.get(Path(path).suffix.lower(), "text")
