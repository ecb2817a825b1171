"""A new year's raw folder: ``create_year_folder(year)`` makes ``data/raw/<year>/`` with a README.

Adding a year needs no code change: put the year's report in its folder, check it, build.
"""

from __future__ import annotations

from pathlib import Path

from apanalysis import paths
from apanalysis.errors import ApanalysisError

README_NAME = "README.md"

README_TEMPLATE = """\
# {year} report

Put here **exactly one** file: the {year} activity report of the Coordination Commission against
Trafficking in Human Beings ("Kovos su prekyba žmonėmis koordinavimo komisijos {year} metų veiklos
ataskaita") as it is published: the PDF (`report.pdf`), the Word file (`report.docx`), or a
text converted from the PDF (`.txt` or `.md`).

- **Name and type:** any name ending in `.pdf`, `.docx`, `.txt` or `.md` (for example
  `report.pdf`). Other files here are ignored, except `README.md` (this file) and
  `assessment.csv` (an evaluator's notes, made by `apanalysis annotate --year {year}`). Two report
  files in the folder are an error, even the same report in two formats: keep one. An old Word
  `.doc` must be saved as `.docx`; a scanned PDF needs OCR first; remove any password.
- **PDF and Word:** the annex is a table (in a PDF, with ruled cell borders), one row per measure
  or action; the reader takes care of page breaks, the header row repeated on each page, page
  numbers and footnotes. Tables cite the PDF page (`source_page`) or the Word table row
  (`source_row`).
- **Text encoding:** UTF-8 text (with or without a byte-order mark). Windows-1257 and UTF-16 with a
  byte-order mark are read too. Windows (CRLF) or Unix line ends both work.
- **Layout (all formats):** the same as the 2020 report (`data/raw/2020/report.txt`):
  - the first heading names the year, e.g.
    `## KOVOS SU PREKYBA ŽMONĖMIS KOORDINAVIMO KOMISIJOS {year} METŲ VEIKLOS ATASKAITA`
    (the build stops if it names another year than this folder's);
  - the narrative, with one section per task, each starting with a heading
    `N uždavinys – ...` (any heading level, or a bold line);
  - a line `Priedas.` and then the annex (in a text: tab-separated), one row per measure or
    action: code (`01.02.03`), measure/action, institution, criterion, result. The result must
    start with the status: `Įgyvendinta.`, `Įgyvendinta iš dalies.` or `Neįgyvendinta.`
    (`<b>`/`<i>` or `**`/`*` around it are fine). Rows cut by a page break may continue on a
    line that starts with a tab.
- Never edit the report to make the parser happy; report problems instead.

## Check it

```
apanalysis validate --year {year}
```

lists every line that could not be read (file and line number) and exits non-zero if there are
any problems; it changes nothing.

## Build

```
make reports
```

parses every year under `data/raw/` (this one included) into `data/processed/{year}/` and builds
its HTML reports into `reports/{year}/`.
"""


def readme_text(year: int) -> str:
    """The README placed in a new year folder."""
    return README_TEMPLATE.format(year=int(year))


def create_year_folder(year: int, raw_dir: Path | None = None) -> Path:
    """Create ``<raw_dir>/<year>/`` with a README saying what to put there; return the folder.

    Refuses (:class:`ApanalysisError`) a year outside the sane range, a path that is a file,
    and a folder that already holds a report. An existing README is never overwritten.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ApanalysisError(f"year must be an integer, got {year!r}")
    if not paths.FIRST_SANE_YEAR <= year <= paths.LAST_SANE_YEAR:
        raise ApanalysisError(
            f"year {year} is outside {paths.FIRST_SANE_YEAR}-{paths.LAST_SANE_YEAR}"
        )
    folder = paths.year_dir(year, raw_dir)
    if folder.exists() and not folder.is_dir():
        raise ApanalysisError("exists and is not a folder", folder)
    if folder.is_dir():
        reports = paths.report_candidates(folder)
        if reports:
            names = ", ".join(p.name for p in reports)
            raise ApanalysisError(
                f"the folder for {year} already has a report ({names}); "
                f"check it with `apanalysis validate --year {year}`",
                folder,
            )
    folder.mkdir(parents=True, exist_ok=True)
    readme = folder / README_NAME
    if not readme.exists():
        try:
            with readme.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(readme_text(year))
        except FileExistsError:  # created meanwhile by someone else: keep theirs
            pass
    return folder
