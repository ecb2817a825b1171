"""What a year's build must say out loud: the lines that could not be read, an empty annex.

A year with problems is still built (analysts can look), but the command line lists the problems
and exits 1, and every page of the year carries a banner (drawn from ``problems.csv``). A year
whose annex has no rows at all has nothing to report: it is refused with one line.
"""

from __future__ import annotations

from pathlib import Path

from apanalysis.errors import ApanalysisError

#: The file, under ``data/processed/<year>/``, that lists a year's problems.
PROBLEMS_FILE = "problems.csv"
EMPTY_ANNEX = (
    "the annex has no measure/action rows, so there is nothing to report (check that the "
    "annex table follows this line, one row per line with tab-separated cells)"
)


def empty_annex_error(data) -> ApanalysisError | None:
    """An error at the annex's first line when ``data`` (a YearData) has no measure/action
    rows, else None."""
    if len(data.measures):
        return None
    line, page = annex_place(Path(data.source))
    return ApanalysisError(page + EMPTY_ANNEX, data.source, line)


def annex_place(source: Path) -> tuple[int | None, str]:
    """The line of the annex marker ("Priedas.") in a report of any format, and its page as
    "(p. N) " for a PDF ("" otherwise); ``(None, "")`` when the report cannot be read."""
    from apanalysis.source.reader import read_document

    try:
        document = read_document(source)
    except ApanalysisError:
        return None, ""
    page = document.page(document.annex_line)
    return document.annex_line, (f"(p. {page}) " if page is not None else "")


def _page_note(problem) -> str:
    """The page of a problem in a PDF report, as " (p. N)"; "" for text and Word."""
    try:
        return f" (p. {int(problem.page)})"
    except (AttributeError, TypeError, ValueError):
        return ""


def problem_lines(data) -> list[str]:
    """``file:line: problem`` for every problem of ``data`` (a YearData), then an empty annex."""
    lines = [f"{p.file}:{p.line}:{_page_note(p)} {p.problem}" for p in data.problems.itertuples()]
    empty = empty_annex_error(data)
    return lines + ([empty.one_line()] if empty else [])


def recorded_problems(year: int, processed_dir: Path) -> list[str]:
    """``file:line: problem`` for each row of ``<processed_dir>/<year>/problems.csv``."""
    import csv

    path = Path(processed_dir) / str(year) / PROBLEMS_FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [f"{row['file']}:{row['line']}: {row['problem']}" for row in csv.DictReader(handle)]


def recorded_rows(year: int, processed_dir: Path) -> dict[str, int] | None:
    """Rows per table of the year's processed tables (``meta.json``), or None if unknown."""
    import json

    from apanalysis.tables.store import META_FILE

    try:
        meta = json.loads((Path(processed_dir) / str(year) / META_FILE).read_text("utf-8"))
        return dict(meta["rows"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def empty_annex_refusal(year: int, raw_dir: Path, processed_dir: Path) -> ApanalysisError | None:
    """The one-line refusal of a year whose processed tables have no measure/action rows."""
    rows = recorded_rows(year, processed_dir)
    if rows is None or rows.get("measures", 1):
        return None
    from apanalysis.source.reader import find_report

    source = find_report(year, raw_dir)
    line, page = annex_place(source)
    return ApanalysisError(f"{page}{EMPTY_ANNEX}; {year} not built", source, line)


def problems_summary(year: int, count: int, processed_dir: Path) -> str:
    """The line printed after a build of a year with problems."""
    listed = Path(processed_dir) / str(year) / PROBLEMS_FILE
    return (
        f"[{year}] {count} line(s) of the report could not be read; the reports were built and "
        f"say so; the list is in {listed}"
    )
