"""Report build: parse the years, run their notebooks, export HTML, write the index.

For each year: :func:`parse_step` (the store's ``write_year``) when its tables are stale, then
every notebook of :data:`~apanalysis.build.registry.NOTEBOOKS` runs (two kernels at a time, each
running notebooks in turn from an empty namespace, :class:`NotebookBatch`) into staging files,
and is exported to HTML. Only
when all of a year's notebooks succeeded are the staged files renamed over the previous ones, so
a failure leaves the earlier good reports in place and keeps the failed notebook as
``<name>.failed.ipynb``. A notebook whose inputs did not change since its last build
(:mod:`.manifest`) is skipped unless ``force``.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from apanalysis import paths
from apanalysis.build import execution, site
from apanalysis.build.execution import (
    FALLBACK_KERNEL,
    KERNEL_NAME,
    LANES,
    avoid_slow_optional_imports,
    kernel_name,
    quiet_papermill_log,
)
from apanalysis.build.lock import build_lock
from apanalysis.build.manifest import Job, is_current, job_inputs, read_manifest, record
from apanalysis.build.outputs import interrupts_once, raise_if_stopped, remove_leftovers
from apanalysis.build.problems import empty_annex_refusal
from apanalysis.build.registry import (
    NOTEBOOKS,
    PARAMETER_NAMES,
    TRENDS_NOTEBOOK,
    check_parameters,
    check_year,
    notebook_parameters,
    trends_parameters,
)
from apanalysis.errors import ApanalysisError

__all__ = [
    "FALLBACK_KERNEL",
    "KERNEL_NAME",
    "NOTEBOOKS",
    "PARAMETER_NAMES",
    "TRENDS_NOTEBOOK",
    "build",
    "check_parameters",
    "check_year",
    "kernel_name",
    "notebook_parameters",
    "plan",
    "NotebookBatch",
    "trends_parameters",
]


def parse_step(year: int, raw_dir: Path, processed_dir: Path) -> object:
    """Parse one year's raw report into ``processed_dir/<year>/`` (the store's ``write_year``)."""
    from apanalysis.analysis.audit import audit
    from apanalysis.tables.assemble import parse_year
    from apanalysis.tables.store import write_year

    data = parse_year(year, raw_dir)
    return write_year(data, audit(data), processed_dir=processed_dir)


def check_assessment(year: int, raw_dir: Path, processed_dir: Path) -> None:
    """Read the evaluator's ``assessment.csv`` (or ``.xlsx``), if the year has one, strictly: a
    malformed file stops the build with its file and line before any notebook runs."""
    year_raw = paths.year_dir(year, raw_dir)
    if not any((year_raw / name).is_file() for name in paths.ASSESSMENT_FILES):
        return
    from apanalysis.tables.store import load_year
    from apanalysis.workspace.annotations import read_assessment

    measures = load_year(year, raw_dir=raw_dir, processed_dir=processed_dir).measures
    read_assessment(year, raw_dir=raw_dir, measures=measures)


def plan(
    years: Sequence[int],
    names: Sequence[str],
    notebooks_dir: Path,
    folders: Mapping[str, Path],
    force: bool = False,
) -> tuple[list[Job], list[Job]]:
    """``(stale, current)`` notebook jobs of ``years``: what must run, what is up to date.

    Every year gets each notebook of ``names``; with two years or more, the trends notebook
    (when ``notebooks_dir`` has it) compares them all once.
    """
    jobs = []
    for year in years:
        parameters = notebook_parameters(
            year, folders["raw"], folders["processed"], folders["figures"]
        )
        for name in names:
            source = Path(notebooks_dir) / f"{name}.ipynb"
            inputs = job_inputs([year], source, folders["raw"], parameters)
            jobs.append(Job(str(year), name, source, parameters, inputs))
    trends = Path(notebooks_dir) / f"{TRENDS_NOTEBOOK}.ipynb"
    if len(years) >= 2 and trends.is_file():
        parameters = trends_parameters(years, folders)
        inputs = job_inputs(sorted(years), trends, folders["raw"], parameters)
        jobs.append(Job(TRENDS_NOTEBOOK, TRENDS_NOTEBOOK, trends, parameters, inputs))
    manifest = read_manifest(folders["reports"])
    stale, current = [], []
    for job in jobs:
        fresh = is_current(job, manifest, folders["reports"])
        (current if fresh and not force else stale).append(job)
    return stale, current


class Built(list):
    """The HTML files a build wrote; ``refused`` maps each year it would not build (an annex with
    no rows) to the reason."""

    def __init__(self, pages=(), refused: Mapping[int, ApanalysisError] | None = None):
        super().__init__(pages)
        self.refused = dict(refused or {})


class NotebookBatch:
    """The notebook runs of a build, in :data:`~.execution.LANES` worker threads, each with one
    kernel that runs notebooks in turn (:class:`~.execution.Lane`), taking the next one waiting
    (the registry's order: the longest report first).

    Created before the years are parsed: the first kernels start at once, while the parse keeps
    one core busy, and the cells wait for :meth:`finish` (which opens the gate once the tables
    are written) or are stopped by :meth:`cancel`. Every run writes into its own staging files.
    """

    def __init__(self, jobs: Sequence[Job], folders: Mapping[str, Path], kernel: str):
        self.jobs, self.folders, self.kernel = list(jobs), folders, kernel
        self.runs = [
            execution.stage_run(
                job.name, job.source, Path(folders["reports"]) / job.group, job.group
            )
            for job in self.jobs
        ]
        self.gate = threading.Event()
        self.waiting: queue.SimpleQueue = queue.SimpleQueue()
        for pair in zip(self.runs, self.jobs, strict=True):
            self.waiting.put(pair)
        self.ended: queue.SimpleQueue = queue.SimpleQueue()
        lanes = max(1, min(LANES, len(self.runs)))
        self.pool = ThreadPoolExecutor(max_workers=lanes)
        for _ in range(lanes):
            self.pool.submit(self._lane)

    def _lane(self) -> None:
        """A worker thread: run waiting notebooks in one lane until none is left; report each
        (or the exception that stopped the lane) in ``ended``."""
        lane = execution.Lane(self.kernel)
        try:
            while True:
                try:
                    run, job = self.waiting.get_nowait()
                except queue.Empty:
                    return
                if not run.cancelled:
                    run = execution.run_one(
                        run, job.parameters, self.kernel, job.source.parent, self.gate, lane
                    )
                self.ended.put(run)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            self.ended.put(error)
        finally:
            lane.close()

    def cancel(self) -> None:
        """Stop every run (kill its kernel), wait for the threads, remove the staging files."""
        execution.stop_kernels(self.runs)
        self.gate.set()
        self.pool.shutdown(wait=True, cancel_futures=True)
        execution.discard(self.runs)

    def finish(self) -> list[Path]:
        """Let the cells run; commit each year whose notebooks all succeeded and record it in
        the manifest; raise for the first failure afterwards."""
        try:
            self._wait()
            return self._commit()
        finally:
            execution.discard(self.runs)

    def _wait(self) -> None:
        """Open the gate and report each run as it ends. On an interrupt (or a lane that
        stopped on an error), kill the kernels and wait for the threads, so that nothing
        writes a staging file after it is discarded."""
        try:
            self.gate.set()
            for _ in self.runs:
                ended = self._next_ended()
                if isinstance(ended, BaseException):
                    raise ended
                state = "FAILED after" if ended.error else "done in"
                print(f"[{ended.group}] {ended.name} … {state} {ended.seconds:.1f} s", flush=True)
        except BaseException:
            execution.stop_kernels(self.runs)
            raise
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _next_ended(self):
        while True:  # a timeout, so that a stop is seen within 0.2 s
            raise_if_stopped()
            try:
                return self.ended.get(timeout=0.2)
            except queue.Empty:
                continue

    def _commit(self) -> list[Path]:
        manifest = read_manifest(self.folders["reports"])
        built: list[Path] = []
        pairs = list(zip(self.runs, self.jobs, strict=True))
        for group in dict.fromkeys(job.group for job in self.jobs):
            mine = [(run, job) for run, job in pairs if job.group == group]
            if not any(run.error for run, _ in mine):
                out_dir = Path(self.folders["reports"]) / group
                built += execution.commit([run for run, _ in mine], out_dir)
                record(manifest, [job for _, job in mine], self.folders["reports"])
        failed = [run for run in self.runs if run.error]
        if failed:
            more = f" (and {len(failed) - 1} more notebook(s) failed)" if len(failed) > 1 else ""
            error = failed[0].error
            raise ApanalysisError(error.message + more, error.path)
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
    wait: bool = True,
) -> Built:
    """Bring every year's reports up to date, then write ``reports_dir/index.html``.

    Only notebooks whose inputs changed run (all of them with ``force``); a year is parsed again
    only when its processed tables are stale (or with ``force``). A year whose annex has no rows
    is refused (one line; see ``Built.refused``). One build at a time writes into an output
    folder: another one waits (``wait``) or is refused. Returns the HTML files built.
    """
    avoid_slow_optional_imports()
    quiet_papermill_log()
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
    outputs = [folders["processed"], folders["figures"], folders["reports"]]
    with interrupts_once(), build_lock(outputs, wait):
        remove_leftovers(outputs)
        built = _build_locked(years, names, nb_dir, folders, force)
    index = site.finish(folders, names)
    print(
        f"built {len(built)} report(s) for {len(years) - len(built.refused)} year(s) in "
        f"{time.perf_counter() - start:.1f} s; index: {index}",
        flush=True,
    )
    return built


def _build_locked(
    years: list[int], names: Sequence[str], nb_dir: Path, folders: Mapping[str, Path], force: bool
) -> Built:
    stale, current = plan(years, names, nb_dir, folders, force)
    for group in dict.fromkeys(job.group for job in current):
        if not any(job.group == group for job in stale):
            print(f"[{group}] up to date (use --force to rebuild)", flush=True)
    if not stale:
        return Built()
    for job in stale:  # refuse a missing notebook or bad parameters before any work
        check_parameters(job.source, job.parameters)
    to_parse = (
        years
        if any(job.group == TRENDS_NOTEBOOK for job in stale)
        else [int(job.group) for job in stale]
    )
    folders["figures"].mkdir(parents=True, exist_ok=True)
    kernel = kernel_name()
    batch = NotebookBatch(stale, folders, kernel)  # the kernels start during the parse
    try:
        refused = _parse_years(to_parse, folders, force)
    except BaseException:
        batch.cancel()
        raise
    if refused:  # plan again without them (the trends notebook compares the others only)
        batch.cancel()
        kept = [year for year in years if year not in refused]
        stale, _ = plan(kept, names, nb_dir, folders, force)
        if not stale:
            return Built(refused=refused)
        batch = NotebookBatch(stale, folders, kernel)
    return Built(batch.finish(), refused)


def _parse_years(
    years: Sequence[int], folders: Mapping[str, Path], force: bool
) -> dict[int, ApanalysisError]:
    """Parse each year whose tables are stale and check its assessment file; return the years
    refused for an annex with no rows (each said in one line)."""
    refused = {}
    for year in dict.fromkeys(years):
        _parse_if_needed(year, folders, force)
        raise_if_stopped()  # a stop during the parse, which a library may have caught
        refusal = empty_annex_refusal(year, folders["raw"], folders["processed"])
        if refusal is not None:
            print(f"apanalysis: error: {refusal.one_line()}", file=sys.stderr, flush=True)
            refused[year] = refusal
            continue
        check_assessment(year, folders["raw"], folders["processed"])
    return refused


def _parse_if_needed(year: int, folders: Mapping[str, Path], force: bool) -> None:
    from apanalysis.tables.store import is_fresh

    if not force and is_fresh(year, folders["raw"], folders["processed"]):
        return
    start = time.perf_counter()
    parse_step(year, folders["raw"], folders["processed"])
    print(f"[{year}] parse … done in {time.perf_counter() - start:.1f} s", flush=True)
