"""Default folders of the project and year discovery.

Every default path is built from this file's location, never from the current directory, so the
library and the CLI behave the same wherever they are started from.
"""

from __future__ import annotations

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

#: File suffixes accepted as a year's report.
REPORT_SUFFIXES = (".txt", ".md")
#: Name of the optional evaluator annotations file inside a year folder.
ASSESSMENT_FILE = "assessment.csv"
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


def year_dir(year: int, raw_dir: Path | None = None) -> Path:
    """The raw folder of one year (it may not exist)."""
    return (Path(raw_dir) if raw_dir is not None else RAW_DIR) / str(year)


def report_candidates(folder: Path) -> list[Path]:
    """Files in a year folder that look like the year's report (README and annotations excluded)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in REPORT_SUFFIXES
        and p.name.lower() not in NON_REPORT_NAMES
        and not p.name.startswith(".")
    )
