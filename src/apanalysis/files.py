"""Files written safely and hashed: the one place for write-then-rename and SHA-256.

Atomic writes go to a temporary file beside the target, then rename it: a run that fails or is
killed midway leaves the previous file in place, never a half-written one. Content hashes tell
whether an output is still up to date.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

#: Permissions of written files (mkstemp would leave them readable by their owner only).
FILE_MODE = 0o644


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, FILE_MODE)  # mkstemp creates 0600; outputs are meant to be shared
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_bytes(target: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_text(target: Path | str, text: str) -> Path:
    """Write UTF-8 ``text`` to ``target`` atomically (newlines kept as given)."""
    return write_bytes(target, text.encode("utf-8"))


def write_with(target: Path | str, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and rename the result over ``target`` atomically."""
    with atomic_path(target) as tmp:
        writer(tmp)
    return Path(target)


# Hashing

PACKAGE_DIR = Path(__file__).resolve().parent


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the library's own source files: changes whenever the parsing code changes."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tpl", ".j2", ".css", ".html"):
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def clear_caches() -> None:
    """Empty every memoised parsing helper of the package (benchmarks time a cold parse)."""
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("apanalysis") and module is not None:
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
