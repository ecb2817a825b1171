"""Report build: parse a year, run its notebooks with papermill, export self-contained HTML.

For each year: :func:`apanalysis.tables.store.write_year`, then every notebook of :data:`NOTEBOOKS` runs
(concurrently, one thread and one kernel per notebook) into a staging file beside
``reports/<year>/<name>.ipynb``; each is exported to HTML (:mod:`apanalysis.presentation.htmlexport`). Only when
all of a year's notebooks succeeded are the staged files renamed over the previous ones, so a
failure leaves the earlier good reports in place and keeps the failed notebook as
``<name>.failed.ipynb``.
A year whose inputs did not change since its last build is skipped unless ``force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apanalysis import files, paths
from apanalysis.build import site
from apanalysis.errors import ApanalysisError
from apanalysis.presentation import htmlexport
from apanalysis.presentation.htmlexport import export_html

__all__ = ["NOTEBOOKS", "build", "check_parameters", "export_html", "plan", "run_jobs"]

#: Notebooks run for every year, in report order (``paths.NOTEBOOKS_DIR/<name>.ipynb``).
NOTEBOOKS: tuple[str, ...] = ("criteria", "spending", "covid", "assessment")
#: Kernel registered by ``make`` (``python -m ipykernel install --sys-prefix --name apanalysis``).
KERNEL_NAME = "apanalysis"
#: Kernel used when ``KERNEL_NAME`` is missing: resolves to the running interpreter.
FALLBACK_KERNEL = "python3"
#: Notebooks of one year run at the same time (the machine has 2 cores; kernels wait on I/O too).
MAX_WORKERS = 3
#: Seconds a single cell may run before the build fails.
CELL_TIMEOUT = 900
#: Parameters every notebook receives; each must be declared in its ``parameters`` cell.
PARAMETER_NAMES = ("year", "raw_dir", "processed_dir", "figures_dir")
MANIFEST_FILE = "manifest.json"
#: The notebook comparing years: run once per build when there are two years or more.
TRENDS_NOTEBOOK = htmlexport.TRENDS_DIR


#: Optional modules that slow every import of nbformat and that the build never needs:
#: jsonschema imports rfc3987_syntax when it is installed (JupyterLab's jupyter-events brings it),
#: and that module builds a Lark grammar at import time (about 1.3 s here). nbformat validates no
#: IRI, so for the build process the module is marked absent and jsonschema skips that checker.
SLOW_OPTIONAL_MODULES = ("rfc3987_syntax",)


def avoid_slow_optional_imports() -> None:
    """Mark :data:`SLOW_OPTIONAL_MODULES` absent in this process unless already imported."""
    for name in SLOW_OPTIONAL_MODULES:
        sys.modules.setdefault(name, None)


avoid_slow_optional_imports()


@dataclass
class _Run:
    """One notebook's run: staged outputs, duration and the error if it failed."""

    name: str
    source: Path
    staged_nb: Path
    staged_html: Path
    seconds: float = 0.0
    error: ApanalysisError | None = None
    failed_copy: Path | None = None


def parse_step(year: int, raw_dir: Path, processed_dir: Path) -> object:
    """Parse one year's raw report into ``processed_dir/<year>/`` (the store's ``write_year``)."""
    from apanalysis.tables.store import write_year

    return write_year(year, raw_dir=raw_dir, processed_dir=processed_dir)


def check_assessment(year: int, raw_dir: Path, processed_dir: Path) -> None:
    """Read the evaluator's ``assessment.csv``, if the year has one, strictly: a malformed file
    stops the build with its file and line before any notebook runs."""
    if not (paths.year_dir(year, raw_dir) / paths.ASSESSMENT_FILE).is_file():
        return
    from apanalysis.tables.store import load_year
    from apanalysis.workspace.annotations import read_assessment

    measures = load_year(year, raw_dir=raw_dir, processed_dir=processed_dir).measures
    read_assessment(year, raw_dir=raw_dir, measures=measures)


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


def kernel_name() -> str:
    """``apanalysis`` if that kernel spec is installed and usable, else the fallback kernel."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        spec = None
    exe = spec.argv[0] if spec is not None and spec.argv else ""
    if spec is None or (os.path.isabs(exe) and not os.path.exists(exe)):
        print(
            f"apanalysis: kernel {KERNEL_NAME!r} is not installed (run make); "
            f"using {FALLBACK_KERNEL!r}",
            file=sys.stderr,
            flush=True,
        )
        return FALLBACK_KERNEL
    return KERNEL_NAME


def _client_config():
    """nbclient config: Curve-encrypted kernel channels when pyzmq supports them."""
    import zmq
    from traitlets.config import Config

    if not zmq.has("curve"):
        return Config()
    return Config({"KernelManager": {"transport_encryption": "auto"}})


def execute(
    nb_path: Path, output: Path, parameters: Mapping[str, Any], kernel: str, cwd: Path
) -> None:
    """Run ``nb_path`` with papermill into ``output``; the kernel starts in ``cwd``.

    The caller has checked the parameters (:func:`check_parameters`, done by :func:`build` for
    every notebook before any runs). papermill's own ``cwd=`` does a process-wide ``os.chdir``
    (unsafe with threads), so the working folder is given to nbclient as
    ``resources.metadata.path`` instead.
    """
    import papermill

    papermill.execute_notebook(
        str(nb_path),
        str(output),
        parameters=dict(parameters),
        kernel_name=kernel,
        progress_bar=False,
        execution_timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(cwd)}},
        config=_client_config(),
        shutdown_kernel="immediate",  # outputs are complete; waiting for a clean exit costs ~0.5 s
    )


def _one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _failure(run: _Run, error: BaseException) -> ApanalysisError:
    """An :class:`ApanalysisError` naming the notebook, the cell error and the kept notebook."""
    from papermill import PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        what = f"cell In [{error.exec_count}] raised {error.ename}: {_one_line(error.evalue)}"
    else:
        what = f"{type(error).__name__}: {_one_line(error)}"
    kept = f"; executed notebook kept in {run.failed_copy}" if run.failed_copy else ""
    return ApanalysisError(f"notebook {run.name} failed: {what}{kept}", run.source)


def _readable(*staged: Path) -> None:
    """Give ``staged`` files the usual mode: they are created 0o600 by mkstemp."""
    for path in staged:
        path.chmod(files.FILE_MODE)


def _stage(target: Path) -> Path:
    """A new empty hidden file beside ``target`` with the same suffix (renamed over it later)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    return Path(name)


def _run_one(run: _Run, parameters: Mapping[str, Any], kernel: str, cwd: Path) -> _Run:
    """Execute and export one notebook into its staged files (worker thread)."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill import PapermillExecutionError

    start = time.perf_counter()
    try:
        execute(run.source, run.staged_nb, parameters, kernel, cwd)
        export_html(run.staged_nb, run.staged_html)
    except (PapermillExecutionError, CellTimeoutError, DeadKernelError) as error:
        if run.staged_nb.stat().st_size:
            run.failed_copy = run.staged_nb.with_name(f"{run.name}.failed.ipynb")
            os.replace(run.staged_nb, run.failed_copy)
            _readable(run.failed_copy)
        run.error = _failure(run, error)
    run.seconds = time.perf_counter() - start
    return run


def _commit(runs: Sequence[_Run], year_dir: Path) -> list[Path]:
    """Rename every staged notebook and HTML over the previous ones; return the HTML paths."""
    built = []
    for run in runs:
        _readable(run.staged_nb, run.staged_html)
        os.replace(run.staged_nb, year_dir / f"{run.name}.ipynb")
        os.replace(run.staged_html, year_dir / f"{run.name}.html")
        (year_dir / f"{run.name}.failed.ipynb").unlink(missing_ok=True)
        built.append(year_dir / f"{run.name}.html")
    return built


@dataclass(frozen=True)
class _Job:
    """One notebook to bring up to date, and the inputs it is built from. ``group`` is the
    year (or ``trends``): the folder under reports/ and the key in the manifest."""

    group: str
    name: str
    source: Path
    parameters: Mapping[str, Any]
    inputs: Mapping[str, Any]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def job_inputs(
    years: Sequence[int], source: Path, raw_dir: Path, parameters: Mapping[str, Any]
) -> dict:
    """What a notebook's output depends on: the years' raw reports and annotations, the
    notebook, the library, the parameters. A change to any of them, and only that, makes the
    notebook run again."""
    from apanalysis import __version__
    from apanalysis.files import code_fingerprint
    from apanalysis.source.reader import find_report

    def year_inputs(year: int) -> dict:
        year_raw = paths.year_dir(year, raw_dir)
        return {
            "report": _sha256(find_report(year, raw_dir)),
            "assessment": _sha256(year_raw / paths.ASSESSMENT_FILE),
        }

    inputs = (
        year_inputs(years[0])
        if len(years) == 1
        else {str(year): year_inputs(year) for year in years}
    )
    return {
        **inputs,
        "notebook": _sha256(source),
        "library": f"{__version__}+{code_fingerprint()}",
        "parameters": dict(parameters),
    }


def read_manifest(reports_dir: Path) -> dict:
    """The inputs each report was last built from (``reports/manifest.json``)."""
    try:
        return json.loads((Path(reports_dir) / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _is_current(job: _Job, manifest: Mapping, reports_dir: Path) -> bool:
    out_dir = Path(reports_dir) / job.group
    outputs = [out_dir / f"{job.name}.html", out_dir / f"{job.name}.ipynb"]
    recorded = manifest.get(job.group, {}).get(job.name)
    return recorded == job.inputs and all(p.is_file() for p in outputs)


def _record(manifest: dict, jobs: Sequence[_Job], reports_dir: Path) -> None:
    for job in jobs:
        manifest.setdefault(job.group, {})[job.name] = job.inputs
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
    files.write_text(Path(reports_dir) / MANIFEST_FILE, text + "\n")


def _processed_fresh(year: int, raw_dir: Path, processed_dir: Path) -> bool:
    from apanalysis.tables.store import is_fresh

    return is_fresh(year, raw_dir, processed_dir)


def plan(
    years: Sequence[int],
    names: Sequence[str],
    notebooks_dir: Path,
    folders: Mapping[str, Path],
    force: bool = False,
) -> tuple[list[_Job], list[_Job]]:
    """``(stale, current)`` notebook jobs of ``years``: what must run, what is up to date.

    Every year gets each notebook of ``names``; with two years or more, the trends notebook
    (when ``notebooks_dir`` has it) compares them all once.
    """
    manifest = read_manifest(folders["reports"])
    jobs = []
    for year in years:
        parameters = notebook_parameters(
            year, folders["raw"], folders["processed"], folders["figures"]
        )
        for name in names:
            source = Path(notebooks_dir) / f"{name}.ipynb"
            jobs.append(
                _Job(
                    str(year),
                    name,
                    source,
                    parameters,
                    job_inputs([year], source, folders["raw"], parameters),
                )
            )
    trends = Path(notebooks_dir) / f"{TRENDS_NOTEBOOK}.ipynb"
    if len(years) >= 2 and trends.is_file():
        parameters = trends_parameters(years, folders)
        jobs.append(
            _Job(
                TRENDS_NOTEBOOK,
                TRENDS_NOTEBOOK,
                trends,
                parameters,
                job_inputs(sorted(years), trends, folders["raw"], parameters),
            )
        )
    stale, current = [], []
    for job in jobs:
        fresh = _is_current(job, manifest, folders["reports"])
        (current if fresh and not force else stale).append(job)
    return stale, current


def trends_parameters(years: Sequence[int], folders: Mapping[str, Path]) -> dict[str, Any]:
    """The trends notebook's parameters: every year, and the resolved folders."""
    first = notebook_parameters(years[0], folders["raw"], folders["processed"], folders["figures"])
    del first["year"]
    return {"years": sorted(check_year(year) for year in years), **first}


def _runs_for(jobs: Sequence[_Job], reports_dir: Path) -> list[_Run]:
    runs = []
    for job in jobs:
        out_dir = Path(reports_dir) / job.group
        out_dir.mkdir(parents=True, exist_ok=True)
        for leftover in out_dir.glob(f".{job.name}.*"):  # staged by a build that was killed
            leftover.unlink(missing_ok=True)
        staged = (_stage(out_dir / f"{job.name}.ipynb"), _stage(out_dir / f"{job.name}.html"))
        runs.append(_Run(job.name, job.source, *staged))
    return runs


def run_jobs(jobs: Sequence[_Job], folders: Mapping[str, Path], kernel: str) -> list[Path]:
    """Run notebooks concurrently (all years in one pool); commit each year whose notebooks all
    succeeded and record it in the manifest; raise for the first failure afterwards."""
    runs = _runs_for(jobs, folders["reports"])
    manifest = read_manifest(folders["reports"])
    built: list[Path] = []
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(MAX_WORKERS, len(runs)))) as pool:
            futures = {
                pool.submit(_run_one, run, job.parameters, kernel, job.source.parent): job
                for run, job in zip(runs, jobs, strict=True)
            }
            for future in as_completed(futures):
                run, job = future.result(), futures[future]
                state = "FAILED after" if run.error else "done in"
                print(f"[{job.group}] {run.name} … {state} {run.seconds:.1f} s", flush=True)
        for group in dict.fromkeys(job.group for job in jobs):
            pairs = [(r, j) for r, j in zip(runs, jobs, strict=True) if j.group == group]
            if not any(r.error for r, _ in pairs):
                built += _commit([r for r, _ in pairs], Path(folders["reports"]) / group)
                _record(manifest, [j for _, j in pairs], folders["reports"])
        failed = [run for run in runs if run.error]
        if failed:
            more = f" (and {len(failed) - 1} more notebook(s) failed)" if len(failed) > 1 else ""
            error = failed[0].error
            raise ApanalysisError(error.message + more, error.path)
        return built
    finally:
        for run in runs:
            run.staged_nb.unlink(missing_ok=True)
            run.staged_html.unlink(missing_ok=True)


def build(
    years: Sequence[int],
    raw_dir: Path = paths.RAW_DIR,
    processed_dir: Path = paths.PROCESSED_DIR,
    figures_dir: Path = paths.FIGURES_DIR,
    reports_dir: Path = paths.REPORTS_DIR,
    force: bool = False,
    *,
    notebooks: Sequence[str] | None = None,
    notebooks_dir: Path | None = None,
) -> list[Path]:
    """Bring every year's reports up to date, then write ``reports_dir/index.html``.

    Only notebooks whose inputs changed run (all of them with ``force``); a year is parsed again
    only when its processed tables are stale (or with ``force``). Returns the HTML files built.
    """
    start = time.perf_counter()
    names = tuple(NOTEBOOKS if notebooks is None else notebooks)
    nb_dir = Path(paths.NOTEBOOKS_DIR if notebooks_dir is None else notebooks_dir).resolve()
    folders = {
        "raw": Path(raw_dir),
        "processed": Path(processed_dir),
        "figures": Path(figures_dir),
        "reports": Path(reports_dir).resolve(),
    }
    years = [check_year(year) for year in years]
    stale, current = plan(years, names, nb_dir, folders, force)
    for group in dict.fromkeys(job.group for job in current):
        if not any(job.group == group for job in stale):
            print(f"[{group}] up to date (use --force to rebuild)", flush=True)
    built: list[Path] = []
    if stale:
        for job in stale:  # refuse a missing notebook or bad parameters before any work
            check_parameters(job.source, job.parameters)
        to_parse = (
            years
            if any(job.group == TRENDS_NOTEBOOK for job in stale)
            else [int(job.group) for job in stale]
        )
        for year in dict.fromkeys(to_parse):
            _parse_if_needed(year, folders, force)
            check_assessment(year, folders["raw"], folders["processed"])
        folders["figures"].mkdir(parents=True, exist_ok=True)
        built = run_jobs(stale, folders, kernel_name())
    index = site.finish(folders, names)
    print(
        f"built {len(built)} report(s) for {len(years)} year(s) in "
        f"{time.perf_counter() - start:.1f} s; index: {index}",
        flush=True,
    )
    return built


def _parse_if_needed(year: int, folders: Mapping[str, Path], force: bool) -> None:
    if not force and _processed_fresh(year, folders["raw"], folders["processed"]):
        return
    start = time.perf_counter()
    parse_step(year, folders["raw"], folders["processed"])
    print(f"[{year}] parse … done in {time.perf_counter() - start:.1f} s", flush=True)
