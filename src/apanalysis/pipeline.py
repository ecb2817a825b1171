"""Report build: parse a year, run its notebooks with papermill, export self-contained HTML.

For each year: :func:`apanalysis.store.write_year`, then every notebook of :data:`NOTEBOOKS` runs
(concurrently, one thread and one kernel per notebook) into a staging file beside
``reports/<year>/<name>.ipynb``; each is exported to HTML (:mod:`apanalysis.htmlexport`). Only when
all of a year's notebooks succeeded are the staged files renamed over the previous ones, so a
failure leaves the earlier good reports in place and keeps the failed notebook as
``<name>.failed.ipynb``.
A year whose inputs did not change since its last build is skipped unless ``force``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from apanalysis import atomic, htmlexport, paths
from apanalysis.errors import ApanalysisError
from apanalysis.htmlexport import export_html

__all__ = ["NOTEBOOKS", "build", "build_year", "check_parameters", "export_html", "run_notebooks"]

#: Notebooks run for every year, in report order (``paths.NOTEBOOKS_DIR/<name>.ipynb``).
NOTEBOOKS: tuple[str, ...] = ("criteria", "spending", "covid")
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
STAMP_FILE = ".build-stamp"


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
    from apanalysis.store import write_year

    return write_year(year, raw_dir=raw_dir, processed_dir=processed_dir)


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

    papermill's own ``cwd=`` does a process-wide ``os.chdir`` (unsafe with threads), so the working
    folder is given to nbclient as ``resources.metadata.path`` instead.
    """
    import papermill

    check_parameters(nb_path, parameters)
    papermill.execute_notebook(
        str(nb_path),
        str(output),
        parameters=dict(parameters),
        kernel_name=kernel,
        progress_bar=False,
        execution_timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(cwd)}},
        config=_client_config(),
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


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """0o666 minus the process umask (read once, from the main thread: see run_notebooks)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _readable(*files: Path) -> None:
    """Give ``files`` the usual mode: temp files are created 0o600 by mkstemp."""
    for path in files:
        path.chmod(_file_mode())


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


def run_notebooks(
    year: int,
    names: Sequence[str],
    notebooks_dir: Path,
    year_dir: Path,
    parameters: Mapping[str, Any],
    kernel: str,
) -> list[Path]:
    """Run a year's notebooks concurrently; commit all outputs, or none and raise on failure."""
    sources = [Path(notebooks_dir) / f"{name}.ipynb" for name in names]
    for source in sources:  # refuse bad notebooks before any kernel starts
        check_parameters(source, parameters)
    year_dir.mkdir(parents=True, exist_ok=True)
    _file_mode()  # reads the umask before any worker thread starts
    runs = [
        _Run(name, source, _stage(year_dir / f"{name}.ipynb"), _stage(year_dir / f"{name}.html"))
        for name, source in zip(names, sources, strict=True)
    ]
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(MAX_WORKERS, len(runs)))) as pool:
            futures = [pool.submit(_run_one, r, parameters, kernel, notebooks_dir) for r in runs]
            for future in as_completed(futures):
                run = future.result()
                state = "FAILED after" if run.error else "done in"
                print(f"[{year}] {run.name} … {state} {run.seconds:.1f} s", flush=True)
        failed = [run for run in runs if run.error]
        if failed:
            more = f" (and {len(failed) - 1} more notebook(s) failed)" if len(failed) > 1 else ""
            error = failed[0].error
            raise ApanalysisError(error.message + more, error.path)
        return _commit(runs, year_dir)
    finally:
        for run in runs:
            run.staged_nb.unlink(missing_ok=True)
            run.staged_html.unlink(missing_ok=True)


def _fingerprint(raw_dir: Path, year: int, sources: Sequence[Path], params: Mapping) -> str:
    """Hash of what a year's reports depend on: raw files, notebooks, library code, parameters."""
    from apanalysis.fingerprint import code_fingerprint

    digest = hashlib.sha256(repr((code_fingerprint(), sorted(params.items()))).encode())
    for path in sorted(paths.year_dir(year, raw_dir).rglob("*")) + list(sources):
        if path.is_file():
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _up_to_date(year_dir: Path, names: Sequence[str], stamp: str, folders: Sequence[Path]) -> bool:
    """Whether the outputs exist and were built from the inputs hashed in ``stamp``."""
    outputs = [year_dir / f"{n}.{ext}" for n in names for ext in ("html", "ipynb")]
    stamp_file = year_dir / STAMP_FILE
    return (
        all(folder.is_dir() for folder in folders)
        and all(p.is_file() for p in outputs)
        and stamp_file.is_file()
        and stamp_file.read_text(encoding="utf-8") == stamp
    )


def build_year(
    year: int,
    raw_dir: Path = paths.RAW_DIR,
    processed_dir: Path = paths.PROCESSED_DIR,
    figures_dir: Path = paths.FIGURES_DIR,
    reports_dir: Path = paths.REPORTS_DIR,
    force: bool = False,
    *,
    notebooks: Sequence[str] | None = None,
    notebooks_dir: Path | None = None,
    kernel: str | None = None,
) -> list[Path]:
    """Parse ``year``, run its notebooks and export their HTML; return the HTML paths.

    Returns an empty list when the year is up to date (and ``force`` is false).
    """
    names = tuple(NOTEBOOKS if notebooks is None else notebooks)
    nb_dir = Path(paths.NOTEBOOKS_DIR if notebooks_dir is None else notebooks_dir).resolve()
    params = notebook_parameters(year, raw_dir, processed_dir, figures_dir)
    year_dir = Path(reports_dir).resolve() / str(year)
    stamp = _fingerprint(Path(raw_dir), year, [nb_dir / f"{n}.ipynb" for n in names], params)
    folders = [Path(processed_dir) / str(year), Path(figures_dir)]
    if not force and _up_to_date(year_dir, names, stamp, folders):
        print(f"[{year}] up to date (use --force to rebuild)", flush=True)
        return []
    for name in names:  # refuse a missing notebook or bad parameters before parsing
        check_parameters(nb_dir / f"{name}.ipynb", params)
    start = time.perf_counter()
    parse_step(year, Path(raw_dir), Path(processed_dir))
    print(f"[{year}] parse … done in {time.perf_counter() - start:.1f} s", flush=True)
    Path(figures_dir).mkdir(parents=True, exist_ok=True)
    built = run_notebooks(year, names, nb_dir, year_dir, params, kernel or kernel_name())
    atomic.write_text(year_dir / STAMP_FILE, stamp)
    return built


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
    """Build every year's reports, then ``reports_dir/index.html``; return the HTML built."""
    start = time.perf_counter()
    years = [check_year(year) for year in years]
    kernel = kernel_name()
    built: list[Path] = []
    for year in years:
        built += build_year(
            year,
            raw_dir,
            processed_dir,
            figures_dir,
            reports_dir,
            force,
            notebooks=notebooks,
            notebooks_dir=notebooks_dir,
            kernel=kernel,
        )
    index = htmlexport.write_index(Path(reports_dir), NOTEBOOKS if notebooks is None else notebooks)
    _readable(index)
    print(
        f"built {len(built)} report(s) for {len(years)} year(s) in "
        f"{time.perf_counter() - start:.1f} s; index: {index}",
        flush=True,
    )
    return built
