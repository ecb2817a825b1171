"""Running one notebook: the kernel, papermill, HTML export, and staged outputs.

Each notebook runs into hidden staging files beside ``reports/<group>/<name>.ipynb`` and
``.html`` (:func:`stage_runs`); :func:`commit` renames them over the previous outputs only when
every notebook of the group succeeded. A failed notebook is kept as ``<name>.failed.ipynb``.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apanalysis import files
from apanalysis.errors import ApanalysisError

#: Kernel registered by ``make`` (``python -m ipykernel install --sys-prefix --name apanalysis``).
KERNEL_NAME = "apanalysis"
#: Kernel used when ``KERNEL_NAME`` is missing: resolves to the running interpreter.
FALLBACK_KERNEL = "python3"
#: Kernels at a time, each running notebooks in turn (:class:`Lane`): one per core. They start
#: while the year is parsed; a second notebook in a kernel finds its modules imported.
LANES = 2
#: Seconds a single cell may run before the build fails.
CELL_TIMEOUT = 900
#: Seconds a kernel may take to start.
START_TIMEOUT = 120
#: Times a notebook runs when its kernel dies (a crash or a kernel that never answered).
KERNEL_ATTEMPTS = 2

#: Optional modules that slow every import of nbformat and that the build never needs:
#: jsonschema imports rfc3987_syntax when it is installed (JupyterLab's jupyter-events brings it),
#: and that module builds a Lark grammar at import time (about 1.3 s here). nbformat validates no
#: IRI, so for the build process the module is marked absent and jsonschema skips that checker.
SLOW_OPTIONAL_MODULES = ("rfc3987_syntax",)


def avoid_slow_optional_imports() -> None:
    """Mark :data:`SLOW_OPTIONAL_MODULES` absent in this process unless already imported.

    Called by the build's entry points (never at import time): it changes ``sys.modules``.
    """
    for name in SLOW_OPTIONAL_MODULES:
        sys.modules.setdefault(name, None)


@dataclass
class Run:
    """One notebook's run: staged outputs, duration and the error if it failed."""

    name: str
    source: Path
    staged_nb: Path
    staged_html: Path
    group: str = ""
    seconds: float = 0.0
    error: ApanalysisError | None = None
    failed_copy: Path | None = None
    #: Set when the build is interrupted: the run keeps nothing, not even a failed copy.
    cancelled: bool = False
    #: When its first cell started (``time.perf_counter``), once the build let it run.
    started: float | None = None
    kernels: list = field(default_factory=list)


def quiet_papermill_log() -> None:
    """Keep papermill's (and so nbclient's) log lines off the terminal: the build reports each
    notebook's outcome itself, in one line (a kernel stopped by an interrupt or a failed parse
    made nbclient print "Kernel died before replying" first). Without a handler of its own, the
    logger's warnings would reach stderr through Python's last-resort handler."""
    import logging

    papermill_log = logging.getLogger("papermill")
    if not papermill_log.handlers:
        papermill_log.addHandler(logging.NullHandler())


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


def _client_config(channels: Path):
    """nbclient config: kernel channels over Unix sockets in the run's own folder ``channels``
    (so kernels of concurrent runs and builds never compete for TCP ports), Curve-encrypted when
    pyzmq supports it."""
    import zmq
    from traitlets.config import Config

    manager: dict[str, Any] = {}
    if os.name == "posix":
        manager.update(transport="ipc", ip=str(channels / "kernel"))
    if zmq.has("curve"):
        manager["transport_encryption"] = "auto"
    return Config({"KernelManager": manager})


#: The module a build's kernels start with (:mod:`apanalysis.build.kernel`: no debugger).
BUILD_KERNEL_MODULE = "apanalysis.build.kernel"


def kernel_command(command: list[str]) -> list[str]:
    """A kernel spec's command with ``-m ipykernel_launcher`` replaced by the build's kernel
    module; any other kernel's command as it is."""
    return [BUILD_KERNEL_MODULE if part == "ipykernel_launcher" else part for part in command]


def _tracked_manager_class(run: Run | None):
    """A kernel manager class that starts its kernel with :func:`kernel_command` and records it
    in ``run.kernels`` (so an interrupted build can stop it)."""
    from jupyter_client.manager import AsyncKernelManager

    class TrackedKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any):
            if run is not None and run.cancelled:  # interrupted before this kernel started
                raise RuntimeError("the build was interrupted")
            super().__init__(**kwargs)
            if run is not None:
                run.kernels.append(self)

        def format_kernel_cmd(self, extra_arguments=None):
            return kernel_command(super().format_kernel_cmd(extra_arguments))

    return TrackedKernelManager


def execute(
    nb_path: Path,
    output: Path,
    parameters: Mapping[str, Any],
    kernel: str,
    cwd: Path,
    run: Run | None = None,
    before_cells: Callable[[], None] | None = None,
    lane: Lane | None = None,
) -> None:
    """Run ``nb_path`` with papermill into ``output``; the kernel starts in ``cwd``.

    ``before_cells`` is called once the kernel is up, before the first cell (:mod:`.engine`).
    The notebook runs in ``lane``'s kernel (reset first if it ran one before), or in a kernel of
    its own, stopped afterwards.

    The caller has checked the parameters (:func:`apanalysis.build.registry.check_parameters`).
    papermill's own ``cwd=`` does a process-wide ``os.chdir`` (unsafe with threads), so the
    working folder is given to nbclient as ``resources.metadata.path`` instead.
    """
    import papermill

    from apanalysis.build.engine import engine_name

    own_lane = lane is None
    lane = Lane(kernel) if lane is None else lane
    km, reset = lane.take(run, cwd)
    try:
        papermill.execute_notebook(
            str(nb_path),
            str(output),
            parameters=dict(parameters),
            kernel_name=kernel,
            engine_name=engine_name(),
            progress_bar=False,
            start_timeout=START_TIMEOUT,
            execution_timeout=CELL_TIMEOUT,
            resources={"metadata": {"path": str(cwd)}},
            km=km,
            reset_namespace=reset,
            before_cells=before_cells,
        )
    finally:
        if own_lane:
            lane.close()


class Lane:
    """One kernel that runs a build's notebooks one after the other (one lane per worker
    thread, :data:`LANES` at a time): the second notebook finds pandas, matplotlib and the
    library imported, which is most of a new kernel's cost (2 s of CPU). Each notebook still
    starts with an empty namespace and execution count 1 (:data:`.engine.RESET_CODE`). A kernel
    that died, or a notebook in another folder, gets a new kernel. :meth:`close` ends it."""

    def __init__(self, kernel: str):
        self.kernel = kernel
        self.channels = Path(tempfile.mkdtemp(prefix="apanalysis-kernel-"))
        self.km: Any = None
        self.cwd: Path | None = None
        #: A notebook ran in the current kernel (the next one resets it first).
        self.used = False

    def take(self, run: Run | None, cwd: Path) -> tuple[Any, bool]:
        """The kernel manager ``run`` uses, and whether its kernel must be reset first (it ran
        a notebook before): the lane's, or a new one (not started: nbclient starts it in
        ``cwd``). It is added to ``run.kernels`` so that an interrupt stops it."""
        if self.km is not None and (cwd != self.cwd or not self._alive()):
            self.close_kernel()
        if self.km is None:
            self.km = _tracked_manager_class(run)(
                kernel_name=self.kernel, config=_client_config(self.channels)
            )
            self.cwd, self.used = cwd, False
        elif run is not None and self.km not in run.kernels:
            run.kernels.append(self.km)
        reset, self.used = self.used, True
        return self.km, reset

    def _alive(self) -> bool:
        from jupyter_core.utils import run_sync

        return bool(self.km.has_kernel and run_sync(self.km.is_alive)())

    def close_kernel(self) -> None:
        """Stop the lane's kernel (at once: its notebooks are written) and forget it."""
        from jupyter_core.utils import run_sync

        if self.km is not None:
            try:
                if self.km.has_kernel:
                    run_sync(self.km.shutdown_kernel)(now=True)
            except Exception:  # noqa: BLE001 - already dead or gone: nothing left to stop
                pass
            self.km = None

    def close(self) -> None:
        """Stop the kernel and remove the lane's socket folder."""
        self.close_kernel()
        shutil.rmtree(self.channels, ignore_errors=True)


def stop_kernels(runs: Sequence[Run]) -> None:
    """Kill the kernels of ``runs`` that are still running (an interrupted build)."""
    for run in runs:
        run.cancelled = True
        for manager in run.kernels:
            pid = getattr(getattr(manager, "provisioner", None), "pid", None)
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass


def _one_line(text: object, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _failure(run: Run, error: BaseException) -> ApanalysisError:
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


def stage_run(name: str, source: Path, out_dir: Path, group: str = "") -> Run:
    """A run of notebook ``name`` with new staging files in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staged = (_stage(out_dir / f"{name}.ipynb"), _stage(out_dir / f"{name}.html"))
    return Run(name, source, *staged, group=group)


def discard(runs: Sequence[Run]) -> None:
    """Remove the staging files of ``runs`` that were not committed (and, for an interrupted
    run, its failed copy)."""
    for run in runs:
        run.staged_nb.unlink(missing_ok=True)
        run.staged_html.unlink(missing_ok=True)
        if run.cancelled and run.failed_copy is not None:
            run.failed_copy.unlink(missing_ok=True)


def _is_kernel_death(error: BaseException) -> bool:
    """Whether ``error`` says the kernel died or never answered (not that a cell failed)."""
    from nbclient.exceptions import DeadKernelError

    if isinstance(error, DeadKernelError | TimeoutError):
        return True
    text = str(error)
    return isinstance(error, RuntimeError) and ("Kernel died" in text or "did not respond" in text)


def _keep_failed(run: Run) -> None:
    """Keep the staged notebook of a failed run as ``<name>.failed.ipynb`` (if it has content)."""
    if run.staged_nb.is_file() and run.staged_nb.stat().st_size and not run.cancelled:
        run.failed_copy = run.staged_nb.with_name(f"{run.name}.failed.ipynb")
        os.replace(run.staged_nb, run.failed_copy)
        _readable(run.failed_copy)


class RunCancelled(Exception):
    """The build stopped a run whose kernel was waiting for the tables (it failed or was
    interrupted while parsing)."""


def _gated(run: Run, gate: threading.Event | None) -> Callable[[], None] | None:
    """The ``before_cells`` of ``run``: wait until the build opens ``gate``, then go on, or
    raise :class:`RunCancelled` if the run was cancelled meanwhile."""
    if gate is None:
        return None

    def before_cells() -> None:
        gate.wait()
        if run.cancelled:
            raise RunCancelled(run.name)
        run.started = time.perf_counter()

    return before_cells


def run_one(
    run: Run,
    parameters: Mapping[str, Any],
    kernel: str,
    cwd: Path,
    gate: threading.Event | None = None,
    lane: Lane | None = None,
) -> Run:
    """Execute and export one notebook into its staged files (worker thread). A kernel that
    dies is started again once; a second death is reported in one line. With ``gate``, the
    kernel starts at once and the cells run when the build sets it (the tables are written).
    With ``lane``, the notebook runs in the lane's kernel."""
    from nbclient.exceptions import CellTimeoutError
    from papermill import PapermillExecutionError

    from apanalysis.presentation.htmlexport import export_html

    start = time.perf_counter()
    for attempt in range(1, KERNEL_ATTEMPTS + 1):
        try:
            execute(
                run.source, run.staged_nb, parameters, kernel, cwd, run, _gated(run, gate), lane
            )
            export_html(run.staged_nb, run.staged_html)
            break
        except (PapermillExecutionError, CellTimeoutError) as error:
            _keep_failed(run)
            run.error = _failure(run, error)
            break
        except Exception as error:
            if run.cancelled:  # the build was interrupted: its kernels were stopped
                break
            if not _is_kernel_death(error):
                raise
            if attempt < KERNEL_ATTEMPTS:
                print(
                    f"[{run.group}] {run.name}: the kernel died ({_one_line(error, 120)}); "
                    "starting it once more",
                    file=sys.stderr,
                    flush=True,
                )
                continue
            _keep_failed(run)
            run.error = ApanalysisError(
                f"notebook {run.name} failed: its kernel died twice "
                f"({type(error).__name__}: {_one_line(error, 160)}); check free memory and that "
                "the 'apanalysis' kernel starts (make setup), then build again",
                run.source,
            )
    run.seconds = time.perf_counter() - (run.started or start)
    return run


def commit(runs: Sequence[Run], out_dir: Path) -> list[Path]:
    """Rename every staged notebook and HTML over the previous ones; return the HTML paths."""
    built = []
    for run in runs:
        _readable(run.staged_nb, run.staged_html)
        os.replace(run.staged_nb, out_dir / f"{run.name}.ipynb")
        os.replace(run.staged_html, out_dir / f"{run.name}.html")
        (out_dir / f"{run.name}.failed.ipynb").unlink(missing_ok=True)
        built.append(out_dir / f"{run.name}.html")
    return built
