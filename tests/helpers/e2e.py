"""Helpers of the end-to-end tests: the CLI in a subprocess, builds into temporary folders, hashes.

Used by ``conftest.py`` (the shared builds) and the test_bad_input, test_nothing_lost,
test_safe_html, test_browser and test_determinism modules.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from apanalysis import paths
from helpers import FIXTURES_DIR, TESTS_DIR  # noqa: F401

INJECTED_RAW = FIXTURES_DIR / "injected"
YEAR = 2020
#: Output folders of a build, as (CLI option, folder name under the build's root).
OUTPUT_DIRS = (
    ("--processed-dir", "processed"),
    ("--figures-dir", "figures"),
    ("--reports-dir", "reports"),
)


#: The build date the CLI runs of these tests stamp on pages and workbooks. A build and a
#: rebuild that compare outputs byte for byte must not straddle midnight (the workbook's
#: README sheet carries the build date).
BUILD_EPOCH = "1609459200"  # 2021-01-01 00:00 UTC


def cli_command(*args: str | Path) -> list[str]:
    """``python -m apanalysis.cli ARGS`` with the running interpreter."""
    return [sys.executable, "-m", "apanalysis.cli", *map(str, args)]


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a CLI run: this one, a fixed build date, and ``extra``."""
    return {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, **extra}


def run_cli(*args: str | Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """Run the CLI to completion, capturing text output; ``env`` adds environment variables."""
    return subprocess.run(
        cli_command(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env(**env),
    )


def run_cli_twice(
    first: list, second: list, timeout: float = 300
) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """Two CLI runs at the same time (each mostly waits on imports); both results."""
    procs = [
        subprocess.Popen(
            cli_command(*args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        for args in (first, second)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results[0], results[1]


def file_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root`` (hidden ones too), keyed by relative POSIX path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


def visible(hashes: dict[str, str]) -> dict[str, str]:
    """The entries of :func:`file_hashes` whose path has no hidden part (temporary files)."""
    return {k: v for k, v in hashes.items() if not any(p.startswith(".") for p in k.split("/"))}


@dataclass
class Build:
    """Folders of one build into a temporary root, and what the CLI printed."""

    root: Path
    result: subprocess.CompletedProcess | None = None
    seconds: float = 0.0
    raw_before: dict[str, str] = field(default_factory=dict)
    raw_after: dict[str, str] = field(default_factory=dict)

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def processed(self) -> Path:
        return self.root / "processed"

    @property
    def figures(self) -> Path:
        return self.root / "figures"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def outputs(self) -> list[Path]:
        return [self.processed, self.figures, self.reports]

    def args(self, *extra: str | Path) -> list[str | Path]:
        """CLI arguments ``build --force --year YEAR`` into this root's folders."""
        out: list[str | Path] = ["build", "--force", "--year", str(YEAR), "--raw-dir", self.raw]
        for option, name in OUTPUT_DIRS:
            out += [option, self.root / name]
        return out + list(extra)

    def html_pages(self) -> list[Path]:
        """Every HTML file under the reports folder (the index included), hidden ones excepted."""
        return sorted(
            p
            for p in self.reports.rglob("*.html")
            if not any(part.startswith(".") for part in p.relative_to(self.reports).parts)
        )

    def copy_to(self, root: Path) -> Build:
        """A copy of the raw folder and every output under ``root`` (for tests that change them)."""
        for folder in [self.raw, *self.outputs()]:
            shutil.copytree(folder, root / folder.name, symlinks=True)
        return Build(root)


def cli_build(raw_source: Path, root: Path, **env: str) -> Build:
    """Copy ``raw_source`` (a folder of year folders) to ``root/raw`` and build YEAR into ``root``
    with the CLI; the raw folder is hashed before and after."""
    build = Build(root)
    shutil.copytree(raw_source, build.raw)
    build.raw_before = file_hashes(build.raw)
    start = time.perf_counter()
    build.result = run_cli(*build.args(), timeout=600, **env)
    build.seconds = time.perf_counter() - start
    build.raw_after = file_hashes(build.raw)
    assert build.result.returncode == 0, build.result.stderr[-3000:]
    return build


def default_raw() -> Path:
    """The project's raw folder (copied, never used in place, by the builds)."""
    return paths.RAW_DIR
