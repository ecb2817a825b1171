"""The output folders: where a build may write, what a stopped build left, and interrupts.

- :func:`check_output_folders` refuses an output folder inside the raw folder (raw reports are
  never written) and a folder that cannot be written, each in one line naming the folder.
- :func:`remove_leftovers` deletes the temporary files a build that was killed left behind
  (staged notebooks and pages, half-written tables and figures). Called under the build lock.
- :func:`interrupts_once` turns the first Ctrl-C (or SIGTERM, SIGHUP) into
  :class:`KeyboardInterrupt` and ignores the next ones, so the cleanup it starts is never cut short.
  :func:`raise_if_stopped` is its check point, for a stop that a library caught.
- :func:`ignore_stop_signals` is for a process that is about to exit after an interrupt: a
  second Ctrl-C must not kill it while it says so and shuts down.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from apanalysis import paths
from apanalysis.errors import ApanalysisError

#: Temporary files of :mod:`apanalysis.files` (``.NAME.XXXXXXXX.tmp``) and of the staged
#: notebooks and pages (``.NAME.XXXXXXXX.ipynb|html``): ``tempfile.mkstemp`` names.
LEFTOVER = re.compile(r"^\..+\.[a-z0-9_]{8}\.(?:tmp|ipynb|html)$")
#: Signals that stop a build: each is handled like Ctrl-C.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folders(raw_dir: Path, outputs: Mapping[str, Path]) -> None:
    """Refuse an output folder (``outputs`` maps its option, e.g. ``--reports-dir``, to it) that
    is, or is inside, ``raw_dir`` or the project's ``data/raw``; create the others and check
    that they can be written."""
    raw_folders = {Path(raw_dir).resolve(), paths.RAW_DIR.resolve()}
    for option, folder in outputs.items():
        resolved = Path(folder).resolve()
        for raw in raw_folders:
            if _inside(resolved, raw):
                raise ApanalysisError(
                    f"{option} is inside the raw reports folder {raw}, which is never written; "
                    f"choose an output folder outside it",
                    folder,
                )
        check_writable(Path(folder), option)


def check_writable(folder: Path, option: str = "") -> None:
    """Write a test file in ``folder``, or, while it does not exist yet, in the nearest folder
    above it that does (nothing is created: a run that fails later leaves no empty folder);
    one clear error otherwise."""
    hint = f" (choose another folder with {option}, or fix its permissions)" if option else ""
    existing = Path(folder)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    try:
        if not existing.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(existing))
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason = "cannot write there: " + reason.lower()
        raise ApanalysisError(f"output folder not writable: {reason}{hint}", folder) from None


def remove_leftovers(folders: Sequence[Path]) -> list[Path]:
    """Delete the temporary files of stopped builds in ``folders`` and their subfolders (one
    level: ``<folder>/<year>/``); return them."""
    removed = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for candidate in [*folder.iterdir(), *folder.glob("*/.*")]:
            if candidate.is_file() and LEFTOVER.match(candidate.name):
                candidate.unlink(missing_ok=True)
                removed.append(candidate)
    return removed


def ignore_stop_signals() -> None:
    """Ignore every stop signal from now on (main thread only; elsewhere nothing changes)."""
    if threading.current_thread() is threading.main_thread():
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)


#: The stop signals received in the block of :func:`interrupts_once` that is running (its list),
#: or ``None`` outside one.
_stops: list[int] | None = None


def raise_if_stopped() -> None:
    """A check point for long work in the block of :func:`interrupts_once`: raise
    :class:`KeyboardInterrupt` if a stop signal arrived, although the work went on (a library
    caught the interrupt; seen once, in a build that then ran to its end)."""
    if _stops:
        raise KeyboardInterrupt


@contextmanager
def interrupts_once() -> Iterator[None]:
    """Within the block, the first stop signal raises :class:`KeyboardInterrupt`; later ones
    only say that the cleanup is under way. A stop is never lost: where a library caught the
    interrupt, :func:`raise_if_stopped` raises it at the block's next check point, and the
    block's end at the latest. Outside the main thread: nothing changes."""
    global _stops
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def handler(signum, frame):
        received.append(signum)
        if len(received) == 1:
            raise KeyboardInterrupt
        print(
            "apanalysis: interrupted; removing temporary files, please wait",
            file=sys.stderr,
            flush=True,
        )

    previous = {number: signal.signal(number, handler) for number in STOP_SIGNALS}
    outer, _stops = _stops, received
    try:
        yield
    finally:
        _stops = outer
        for number, old in previous.items():
            signal.signal(number, old)
    if received:  # the block ended normally although the user asked to stop
        raise KeyboardInterrupt
