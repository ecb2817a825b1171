"""One build at a time per output folder: an advisory lock file holding the builder's PID.

Each output folder gets ``.apanalysis-build.lock`` while a build writes into it, locked with
``flock`` (advisory). The operating system releases the lock when its process ends, however it
ends, so a lock left by a killed build is stale and is simply taken over (the file's PID says
whose it was). A second build either waits, saying for whom, or refuses with
"another build is running (PID n)".
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from apanalysis.errors import ApanalysisError

LOCK_FILE = ".apanalysis-build.lock"
#: Seconds between two attempts while waiting for another build.
POLL_SECONDS = 0.5


def _holder(path: Path) -> str:
    """The PID written in a lock file (or ``?``)."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "?"
    return text if text.isdigit() else "?"


def _pid_alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _try_lock(path: Path) -> int | None:
    """An open descriptor of ``path`` locked by this process, or None if another holds it."""
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    try:
        same_file = os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:  # removed by the build that held it: lock the new file instead
        same_file = False
    if not same_file:
        os.close(fd)
        return _try_lock(path)
    return fd


@contextmanager
def _folder_lock(folder: Path, wait: bool) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    said = False
    while (fd := _try_lock(path)) is None:
        pid = _holder(path)
        if not wait:
            raise ApanalysisError(
                f"another build is running (PID {pid}); wait for it to finish, or run again "
                "with --wait to wait for it",
                folder,
            )
        if not said:
            print(
                f"apanalysis: another build is running (PID {pid}) in {folder}; waiting for it "
                "to finish (Ctrl-C to stop waiting)",
                file=sys.stderr,
                flush=True,
            )
            said = True
        time.sleep(POLL_SECONDS)
    try:
        previous = _holder(path)
        if previous != "?" and int(previous) != os.getpid() and not _pid_alive(previous):
            print(
                f"apanalysis: a build that was stopped (PID {previous}) left a lock in "
                f"{folder}; taken over",
                file=sys.stderr,
                flush=True,
            )
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        path.unlink(missing_ok=True)  # still locked: a waiting build then locks a new file
        os.close(fd)


@contextmanager
def build_lock(folders: Sequence[Path], wait: bool = True) -> Iterator[None]:
    """Hold the build lock of every folder of ``folders`` (taken in a fixed order, so two builds
    sharing some folders never wait for each other in a circle)."""
    unique = sorted({Path(folder).resolve() for folder in folders})
    with ExitStack() as stack:
        for folder in unique:
            stack.enter_context(_folder_lock(folder, wait))
        yield
