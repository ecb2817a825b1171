"""Nothing is lost: raw files are never touched; a killed or failed build keeps earlier outputs.

The builds run ``python -m apanalysis.cli build`` in a subprocess on copies of the project's raw
folder, into temporary folders (see ``conftest.py``). Outputs are written to temporary files and
renamed into place (``apanalysis.files``, ``pipeline.run_notebooks``), so an interrupted build can
leave hidden temporary files behind but never a half-written output under its real name.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers.e2e import YEAR, Build, cli_command, cli_env, file_hashes, run_cli, visible

from apanalysis import paths
from apanalysis.build.pipeline import NOTEBOOKS
from apanalysis.tables.store import META_FILE

pytestmark = pytest.mark.slow


def output_hashes(build: Build) -> dict[str, str]:
    """Hashes of every file of the build's outputs, keyed ``<folder>/<relative path>``.

    ``meta.json`` is compared without its ``code`` fingerprint, which changes only when the
    library's source changes between two builds (while it is being edited).
    """
    out = {
        f"{folder.name}/{name}": digest
        for folder in build.outputs()
        for name, digest in file_hashes(folder).items()
    }
    for meta in build.processed.glob(f"*/{META_FILE}"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        data.pop("code", None)
        out[f"processed/{meta.relative_to(build.processed).as_posix()}"] = json.dumps(data)
    return out


def test_a_full_build_leaves_every_raw_file_as_it_was(build_2020):
    assert build_2020.raw_before, "nothing to compare"
    assert build_2020.raw_after == build_2020.raw_before
    assert {Path(p).name for p in build_2020.raw_before} >= {"report.txt", "README.md"}


def test_the_shared_build_made_every_output(build_2020):
    year_dir = build_2020.reports / str(YEAR)
    for name in NOTEBOOKS:
        assert (year_dir / f"{name}.html").stat().st_size > 0
        assert (year_dir / f"{name}.ipynb").stat().st_size > 0
    assert (build_2020.processed / str(YEAR) / "measures.csv").is_file()
    assert list((build_2020.figures / str(YEAR)).glob("*.svg"))
    assert not [
        p for p in year_dir.iterdir() if p.name.startswith(".") and "build-stamp" not in p.name
    ]


def _descendants(pid: int) -> list[int]:
    """Process ids of every descendant of ``pid`` (Linux /proc), children first."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _kill_tree(proc: subprocess.Popen) -> None:
    """SIGKILL the build and every process it started (its kernels run in their own sessions)."""
    for pid in [proc.pid, *_descendants(proc.pid)]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait(timeout=30)


def _staged(year_dir: Path) -> list[Path]:
    """Hidden staging files of running notebooks (``.criteria.<random>.ipynb`` …)."""
    if not year_dir.is_dir():
        return []
    return [p for p in year_dir.iterdir() if p.name.startswith(".") and p.suffix == ".ipynb"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc to find the kernels")
def test_a_build_killed_midway_leaves_the_previous_outputs(build_2020, tmp_path):
    previous = build_2020.copy_to(tmp_path)
    before = output_hashes(previous)
    year_dir = previous.reports / str(YEAR)
    log = (tmp_path / "build.log").open("w")
    proc = subprocess.Popen(
        cli_command(*previous.args()),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=cli_env(),
    )
    try:
        deadline = time.monotonic() + 120
        while not _staged(year_dir) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _staged(year_dir), "the notebooks never started"
        time.sleep(2.0)  # the kernels are running cells and writing figures now
        assert proc.poll() is None, "the build ended before it could be killed"
    finally:
        _kill_tree(proc)
        log.close()
    assert proc.returncode == -signal.SIGKILL
    after = output_hashes(previous)
    assert visible(after) == visible(before)  # same files, byte for byte; nothing new or missing
    leftovers = sorted(set(after) - set(before))
    assert all(Path(p).name.startswith(".") for p in leftovers), leftovers  # staging files only


@pytest.mark.parametrize("breakage", ["report", "assessment"])
def test_a_failed_year_keeps_its_earlier_outputs(build_2020, tmp_path, breakage):
    previous = build_2020.copy_to(tmp_path)
    before = output_hashes(previous)
    folder = paths.year_dir(YEAR, previous.raw)
    if breakage == "report":  # the heading names another year
        report = folder / "report.txt"
        report.write_text(
            report.read_text(encoding="utf-8").replace("2020 METŲ", "2019 METŲ", 1),
            encoding="utf-8",
        )
        expected = f"{report}:3: the report's heading names 2019"
    else:  # an evaluator's assessment with an unknown status
        assessment = folder / paths.ASSESSMENT_FILE
        assessment.write_text(
            "code,action,achieved_value,evaluator_status,comment,evaluator\n01.01.01,,1,done,,\n",
            encoding="utf-8",
        )
        expected = f"{assessment}:2: evaluator_status must be one of"
    result = run_cli(*previous.args(), timeout=600)
    assert result.returncode == 2
    assert result.stderr.startswith(f"apanalysis: error: {expected}")
    assert result.stderr.count("\n") == 1
    assert output_hashes(previous) == before  # reports, notebooks, figures and tables untouched
