"""Which notebooks make the reports, with which parameters: the declarative registry.

Every report is a notebook under ``notebooks/`` run by papermill. :data:`REGISTRY` lists them in
report order, each with its parameters and its scope: ``year`` (run once per year, into
``reports/<year>/``) or ``years`` (run once across every year, into ``reports/<name>/``).
A page's title is the notebook's own heading, spelled once in
:data:`apanalysis.presentation.display.NOTEBOOK_TITLES` (per year) and
:data:`apanalysis.analysis.trends.TITLE` (across years); :meth:`Notebook.title` reads it there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from apanalysis import paths
from apanalysis.errors import ApanalysisError
from apanalysis.presentation.htmlexport import TRENDS_DIR

#: Folder parameters every notebook receives (resolved absolute paths).
FOLDER_PARAMETERS = ("raw_dir", "processed_dir", "figures_dir")


@dataclass(frozen=True)
class Notebook:
    """One report notebook: ``notebooks/<name>.ipynb``, run per year or across years."""

    name: str
    scope: Literal["year", "years"]
    parameters: tuple[str, ...]

    def title(self, years: Sequence[int]) -> str:
        """The page title this notebook gives itself for ``years``."""
        if self.scope == "years":
            from apanalysis.analysis.trends import title_text

            return title_text(list(years)).removeprefix("# ")
        from apanalysis.presentation.display import title_text

        return title_text(self.name, years[0]).removeprefix("# ")


_PER_YEAR = ("year", *FOLDER_PARAMETERS)
_ACROSS_YEARS = ("years", *FOLDER_PARAMETERS)

#: Every report notebook, in report order.
REGISTRY: tuple[Notebook, ...] = (
    Notebook("criteria", "year", _PER_YEAR),
    Notebook("spending", "year", _PER_YEAR),
    Notebook("covid", "year", _PER_YEAR),
    Notebook("assessment", "year", _PER_YEAR),
    Notebook(TRENDS_DIR, "years", _ACROSS_YEARS),
)
#: Notebooks run for every year, in report order (``paths.NOTEBOOKS_DIR/<name>.ipynb``).
NOTEBOOKS: tuple[str, ...] = tuple(nb.name for nb in REGISTRY if nb.scope == "year")
#: The notebook comparing years: run once per build when there are two years or more.
TRENDS_NOTEBOOK: str = next(nb.name for nb in REGISTRY if nb.scope == "years")
#: Parameters every per-year notebook receives; each must be declared in its ``parameters`` cell.
PARAMETER_NAMES: tuple[str, ...] = _PER_YEAR


def check_year(year: object) -> int:
    """``year`` if it is an int in the sane range, else :class:`ApanalysisError`."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise ApanalysisError(f"year must be an integer, got {year!r}")
    if not paths.FIRST_SANE_YEAR <= year <= paths.LAST_SANE_YEAR:
        raise ApanalysisError(
            f"year {year} is outside {paths.FIRST_SANE_YEAR}-{paths.LAST_SANE_YEAR}"
        )
    return year


def notebook_parameters(
    year: int, raw_dir: Path, processed_dir: Path, figures_dir: Path
) -> dict[str, Any]:
    """The parameters passed to every notebook: the year and resolved absolute folders."""
    return {
        "year": check_year(year),
        "raw_dir": str(Path(raw_dir).resolve()),
        "processed_dir": str(Path(processed_dir).resolve()),
        "figures_dir": str(Path(figures_dir).resolve()),
    }


def trends_parameters(years: Sequence[int], folders: Mapping[str, Path]) -> dict[str, Any]:
    """The trends notebook's parameters: every year, and the resolved folders."""
    first = notebook_parameters(years[0], folders["raw"], folders["processed"], folders["figures"])
    del first["year"]
    return {"years": sorted(check_year(year) for year in years), **first}


def check_parameters(nb_path: Path, parameters: Mapping[str, Any]) -> None:
    """Refuse parameters the notebook does not declare in its ``parameters`` cell."""
    import papermill

    if not nb_path.is_file():
        raise ApanalysisError("notebook not found", nb_path)
    declared = papermill.inspect_notebook(str(nb_path))
    if not declared:
        raise ApanalysisError("no cell tagged 'parameters'", nb_path)
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise ApanalysisError(
            f"unknown parameter(s) {', '.join(unknown)}; the notebook declares "
            f"{', '.join(sorted(declared))}",
            nb_path,
        )
