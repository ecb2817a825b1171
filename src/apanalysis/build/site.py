"""After the notebooks ran: dress every report page (top bar, problems banner, data downloads,
provenance footer) and write the index with one card per year.

Pages are dressed again whenever the site changed (a page built, a year added or removed, new
tables or another version), so adding a year updates the links of older pages. What the site was
last finished from is a stamp in ``reports/manifest.json``: a build that changed nothing finishes
in milliseconds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from apanalysis import __version__, files
from apanalysis.build.manifest import read_manifest, record_site
from apanalysis.presentation import htmlexport, page

#: What a year's processed folder holds that its pages show or link: tables, meta, workbook.
SHOWN_SUFFIXES = (".csv", ".json", ".xlsx")
INDEX_FILE = "index.html"
#: The key of the site's stamp in the manifest (years and ``trends`` are the other keys).
SITE_KEY = "site"


def workbook_name(year: int) -> str:
    """The Excel workbook of a year's tables, in its processed folder."""
    return f"apanalysis-{year}.xlsx"


def downloads(year_dir: Path, year: int) -> list[tuple[str, Path]]:
    """(label, path) of the year's data files that exist: the workbook, then each CSV."""
    found = []
    workbook = year_dir / workbook_name(year)
    if workbook.is_file():
        found.append(("Excel workbook", workbook))
    from apanalysis.tables.spec import TABLES  # the tables, in the data dictionary's order

    found += [(f"{t}.csv", year_dir / f"{t}.csv") for t in TABLES]
    return [(label, path) for label, path in found if path.is_file()]


def _meta(year_dir: Path) -> dict:
    try:
        return json.loads((year_dir / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def problem_lines(year_dir: Path) -> int:
    """How many lines of the report could not be read (distinct lines of problems.csv)."""
    import pandas as pd

    path = year_dir / "problems.csv"
    if not path.is_file():
        return int(_meta(year_dir).get("rows", {}).get("problems", 0))
    table = pd.read_csv(path, encoding="utf-8-sig")
    if table.empty:
        return 0
    return int(table["line"].nunique()) if "line" in table.columns else len(table)


def _source(year: int, raw_dir: Path, meta: dict) -> tuple[str, str]:
    name = meta.get("source", "")
    shown = f"{Path(raw_dir).name}/{year}/{name}" if name else ""
    return shown, meta.get("source_sha256", "")


def _headline(year: int, folders) -> dict | None:
    import pandas as pd

    from apanalysis.presentation import indexpage
    from apanalysis.tables.store import load_year

    try:
        data = load_year(year, raw_dir=folders["raw"], processed_dir=folders["processed"])
    except Exception:  # noqa: BLE001 - a card without figures beats no index
        return None
    audit_file = Path(folders["processed"]) / str(year) / "audit.csv"
    audit = (
        pd.read_csv(audit_file, encoding="utf-8-sig") if audit_file.is_file() else pd.DataFrame()
    )
    return indexpage.year_headline(data.measures, data.tasks, audit)


def _write_if_changed(path: Path, text: str) -> None:
    if path.read_text(encoding="utf-8") != text:
        files.write_text(path, text)


def _digest(path: Path) -> str:
    return files.file_sha256(path) if path.is_file() else ""


def site_stamp(folders, names: Sequence[str]) -> str:
    """A hash of everything the dressed pages and the index are made from: each page as it is
    now, each year's tables and their files, the folders (links are relative), the notebook
    names, the version and the library's code."""
    reports = Path(folders["reports"])
    processed = Path(folders["processed"])
    pages = [p for ps in htmlexport.year_reports(reports, names).values() for p in ps]
    trends = reports / htmlexport.TRENDS_DIR / f"{htmlexport.TRENDS_DIR}.html"
    inputs = {
        "library": f"{__version__}+{files.code_fingerprint()}",
        "names": list(names),
        "folders": {key: str(Path(folders[key]).resolve()) for key in sorted(folders)},
        "pages": {p.relative_to(reports).as_posix(): _digest(p) for p in [*pages, trends]},
        "index": _digest(reports / INDEX_FILE),
        "tables": {
            f"{year}/{path.name}": _digest(path)
            for year in sorted({int(p.parent.name) for p in pages})
            for path in sorted((processed / str(year)).glob("*"))
            if path.suffix in SHOWN_SUFFIXES
        },
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def finish(folders, names: Sequence[str]) -> Path:
    """Dress every page under ``folders["reports"]`` and write the index, unless nothing they
    are made from changed since the last time (see :func:`site_stamp`); returns the index."""
    reports = Path(folders["reports"])
    index = reports / INDEX_FILE
    if index.is_file() and read_manifest(reports).get(SITE_KEY) == site_stamp(folders, names):
        return index
    _dress_all(folders, names)
    record_site(reports, SITE_KEY, site_stamp(folders, names))
    return index


def _dress_all(folders, names: Sequence[str]) -> Path:
    """Dress every page under ``folders["reports"]`` and write the index; returns its path."""
    from apanalysis.presentation import indexpage

    reports = Path(folders["reports"])
    processed = Path(folders["processed"])
    index = reports / INDEX_FILE
    by_year = {
        year: {p.stem: p for p in pages}
        for year, pages in htmlexport.year_reports(reports, names).items()
    }
    trends = reports / htmlexport.TRENDS_DIR / f"{htmlexport.TRENDS_DIR}.html"
    trends = trends if trends.is_file() else None
    cards, sources = [], []
    for year, pages in by_year.items():
        year_dir = processed / str(year)
        meta = _meta(year_dir)
        sources.append(_source(year, folders["raw"], meta))
        links = downloads(year_dir, year)
        problems = problem_lines(year_dir)
        for kind, path in pages.items():
            text = path.read_text(encoding="utf-8")
            ctx = page.PageContext(
                page=path,
                kind=kind,
                year=year,
                index=index,
                year_pages=pages,
                other_years={y: p[kind] for y, p in by_year.items() if kind in p},
                trends=trends,
                downloads=links,
                problems=problems,
                problems_file=year_dir / "problems.csv",
                sources=[_source(year, folders["raw"], meta)],
                built=page.built_time(text),
                version=__version__,
            )
            _write_if_changed(path, page.dress(text, ctx))
        cards.append(
            indexpage.year_card(year, index, _headline(year, folders), pages, links, problems)
        )
    if trends is not None:
        text = trends.read_text(encoding="utf-8")
        ctx = page.PageContext(
            page=trends,
            kind="trends",
            year=None,
            index=index,
            sources=sources,
            built=page.built_time(text),
            version=__version__,
        )
        _write_if_changed(trends, page.dress(text, ctx))
    html_text = indexpage.index_page(cards, (trends, index) if trends else None)
    return files.write_text(index, html_text)
