"""Issue 14, the fast cases: each reproduced as a user would meet it, through the command line,
on a copy of the 2020 report (``data/raw/2020/report.txt``).

The slow cases (a build with problems through ``make reports``, a double Ctrl-C, two builds at
once, a kernel that dies) are in ``tests/build/test_when_builds_go_wrong.py``.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from helpers import FIXTURES_DIR
from helpers.e2e import cli_command, run_cli

from apanalysis import __version__, paths
from apanalysis.build.lock import LOCK_FILE, build_lock

REPORT = paths.RAW_DIR / "2020" / "report.txt"
PUBLISHED = FIXTURES_DIR / "published"
#: Line 126 of data/raw/2020/report.txt is "Priedas." (the annex heading); lines 127-130 are the
#: annex title, the first task's line and the table header; the first row is line 131.
ANNEX_LINE = 126
LAST_LINE_BEFORE_ROWS = 130


def copy_report(raw: Path, year: int = 2020, lines: int | None = None) -> Path:
    text = REPORT.read_text(encoding="utf-8")
    if lines is not None:
        text = "\n".join(text.split("\n")[:lines]) + "\n"
    folder = raw / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    return folder / "report.txt"


def outputs(root: Path) -> list[str]:
    return [
        "--processed-dir",
        str(root / "processed"),
        "--figures-dir",
        str(root / "figures"),
        "--reports-dir",
        str(root / "reports"),
    ]


def one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("apanalysis: error: ")
    return lines[0]


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"apanalysis {__version__}"


@pytest.mark.parametrize("name", ["FY2021", "2021 ", "2021-report"])
def test_folders_that_look_like_years_are_named(tmp_path, name):
    raw = tmp_path / "raw"
    copy_report(raw)
    (raw / name).mkdir()
    (raw / name / "report.txt").write_text(REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    listed = run_cli("validate", "--raw-dir", raw)
    assert listed.returncode == 0
    assert f"folder {name!r} looks like a year but is skipped" in listed.stderr
    assert "rename it to 2021" in listed.stderr
    asked = run_cli("validate", "--year", "2021", "--raw-dir", raw)
    assert asked.returncode == 2
    assert (
        f"no folder for year 2021 (years found: 2020); {name!r} looks like it: rename it to 2021"
        in (asked.stderr)
    )


def test_empty_annex_is_a_problem_for_validate(tmp_path):
    raw = tmp_path / "raw"
    report = copy_report(raw, lines=LAST_LINE_BEFORE_ROWS)
    result = run_cli("validate", "--raw-dir", raw)
    assert result.returncode == 1
    assert f"{report}:{ANNEX_LINE}: the annex has no measure/action rows" in result.stdout
    assert "2020: 0 rows, 1 problems" in result.stdout


def test_empty_annex_year_is_refused_by_build_in_one_line(tmp_path):
    raw = tmp_path / "raw"
    report = copy_report(raw, lines=LAST_LINE_BEFORE_ROWS)
    result = run_cli("build", "--raw-dir", raw, *outputs(tmp_path))
    assert result.returncode == 2, result.stderr
    line = one_error_line(result)
    assert line.startswith(f"apanalysis: error: {report}:{ANNEX_LINE}: the annex has no")
    assert line.endswith("; 2020 not built")
    assert not list((tmp_path / "reports").glob("2020/*.html"))


def test_an_empty_annex_in_a_word_report_is_refused_at_the_annex_marker(tmp_path):
    """The Word report of 2020 with its annex table deleted: the refusal names the block of the
    "Priedas." paragraph, which follows the last narrative block (it used to have no line)."""
    import docx

    from apanalysis.source.reader import read_document

    folder = tmp_path / "raw" / "2020"
    folder.mkdir(parents=True)
    word = docx.Document(str(PUBLISHED / "report2020.docx"))
    for table in word.tables:
        table._element.getparent().remove(table._element)
    word.save(str(folder / "report.docx"))
    marker = max(block.line for block in read_document(folder / "report.docx").blocks) + 1
    result = run_cli("build", "--raw-dir", tmp_path / "raw", *outputs(tmp_path))
    assert result.returncode == 2, result.stderr
    line = one_error_line(result)
    assert line.startswith(
        f"apanalysis: error: {folder / 'report.docx'}:{marker}: the annex has no"
    )


@pytest.mark.parametrize("inside", ["raw", "raw/2020", "raw/out"])
@pytest.mark.parametrize("option", ["--processed-dir", "--figures-dir", "--reports-dir"])
def test_outputs_inside_the_raw_folder_are_refused(tmp_path, inside, option):
    raw = tmp_path / "raw"
    copy_report(raw)
    before = sorted(p.relative_to(raw) for p in raw.rglob("*"))
    args = outputs(tmp_path)
    args[args.index(option) + 1] = str(tmp_path / inside)
    result = run_cli("build", "--raw-dir", raw, *args)
    assert result.returncode == 2
    line = one_error_line(result)
    assert f"{option} is inside the raw reports folder {raw.resolve()}" in line
    assert sorted(p.relative_to(raw) for p in raw.rglob("*")) == before


def test_parse_into_the_raw_folder_is_refused(tmp_path):
    raw = tmp_path / "raw"
    copy_report(raw)
    result = run_cli("parse", "--raw-dir", raw, "--processed-dir", raw)
    assert result.returncode == 2
    assert "--processed-dir is inside the raw reports folder" in one_error_line(result)


def test_unwritable_output_folder_is_one_line_naming_it(tmp_path):
    raw = tmp_path / "raw"
    copy_report(raw)
    if os.geteuid() == 0:  # root writes anywhere: a folder under a file can never be made
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        target = tmp_path / "a-file" / "reports"
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "reports"
    args = outputs(tmp_path)
    args[args.index("--reports-dir") + 1] = str(target)
    result = run_cli("build", "--raw-dir", raw, *args)
    assert result.returncode == 2
    line = one_error_line(result)
    assert f"apanalysis: error: {target}: output folder not writable" in line
    assert "choose another folder with --reports-dir" in line


def test_a_second_build_refuses_with_the_pid_or_waits(tmp_path):
    raw = tmp_path / "raw"
    copy_report(raw, lines=LAST_LINE_BEFORE_ROWS)  # builds quickly: the year is refused
    reports = tmp_path / "reports"
    with build_lock([reports]):
        assert (reports / LOCK_FILE).read_text().strip() == str(os.getpid())
        refused = run_cli("build", "--no-wait", "--raw-dir", raw, *outputs(tmp_path))
        assert refused.returncode == 2
        assert one_error_line(refused) == (
            f"apanalysis: error: {reports.resolve()}: another build is running "
            f"(PID {os.getpid()}); wait for it to finish, or run again with --wait to wait for it"
        )
        waiting = subprocess.Popen(
            cli_command("build", "--raw-dir", raw, *outputs(tmp_path)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(8)
        assert waiting.poll() is None  # still waiting
    _, err = waiting.communicate(timeout=120)
    assert f"another build is running (PID {os.getpid()})" in err and "waiting for it" in err
    assert "the annex has no measure/action rows" in err  # it went on once the lock was free
    assert not (reports / LOCK_FILE).exists()


def test_a_stale_lock_is_taken_over_and_leftovers_of_every_kind_removed(tmp_path):
    """A build killed with SIGKILL leaves its lock and temporary files: the next one cleans up."""
    raw = tmp_path / "raw"
    copy_report(raw, lines=LAST_LINE_BEFORE_ROWS)
    child = subprocess.Popen(["true"])  # its PID is that of a process that has ended
    child.wait()
    leftovers = {
        "reports": [".apanalysis-build.lock", "2020/.criteria.k3j_x9a2.ipynb",
                    "2020/.covid.ab12cd34.html", ".index.html.q1w2e3r4.tmp",
                    ".manifest.json.zz99yy88.tmp"],
        "processed": ["2020/.measures.parquet.a1b2c3d4.tmp", "2020/.meta.json.xxxxxxxx.tmp"],
        "figures": ["2020/.status.png.abcdefgh.tmp", "2020/.status.svg.12345678.tmp"],
    }  # fmt: skip
    kept = tmp_path / "processed" / "2020" / ".gitkeep"
    for folder, names in leftovers.items():
        for name in names:
            path = tmp_path / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(str(child.pid) if name.endswith(".lock") else "half", "utf-8")
    kept.write_text("", encoding="utf-8")
    result = run_cli("build", "--raw-dir", raw, *outputs(tmp_path))
    assert f"a build that was stopped (PID {child.pid}) left a lock" in result.stderr
    hidden = sorted(
        str(p.relative_to(tmp_path)) for p in tmp_path.rglob(".*") if "raw" not in p.parts
    )
    assert hidden == ["processed/2020/.gitkeep"]


def test_make_lab_passes_allow_root_only_for_root():
    result = subprocess.run(
        ["make", "-n", "lab"], cwd=paths.PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    lab = [line for line in result.stdout.splitlines() if "jupyter lab" in line]
    assert lab and lab[-1].endswith("--allow-root") == (os.geteuid() == 0)
    said = "running as root - JupyterLab is started with --allow-root" in result.stdout
    assert said == (os.geteuid() == 0)


def test_a_stop_signal_is_never_lost_even_if_a_library_swallows_the_interrupt():
    import os
    import signal

    from apanalysis.build.outputs import interrupts_once

    steps = []
    with pytest.raises(KeyboardInterrupt), interrupts_once():
        try:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while a library is working…
            for _ in range(10**6):  # the handler runs between bytecodes
                pass
        except KeyboardInterrupt:  # …which catches the interrupt and goes on
            steps.append("swallowed")
        steps.append("block ended normally")
    assert steps == ["swallowed", "block ended normally"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handlers restored


def test_a_check_point_raises_a_stop_that_a_library_swallowed_and_only_inside_the_block():
    import os
    import signal

    from apanalysis.build.outputs import interrupts_once, raise_if_stopped

    raise_if_stopped()  # outside a block: nothing to raise
    with pytest.raises(KeyboardInterrupt), interrupts_once():
        raise_if_stopped()  # no stop yet
        try:
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(10**6):
                pass
        except KeyboardInterrupt:  # swallowed by "a library"
            pass
        with pytest.raises(KeyboardInterrupt):
            raise_if_stopped()  # the check point sees it
        raise KeyboardInterrupt  # as the build's cleanup does, on its way out
    raise_if_stopped()  # the block is over: the next one starts afresh


def test_papermill_log_lines_stay_off_the_terminal_of_a_build():
    """nbclient logs through papermill's logger ("Kernel died before replying…" when a parse
    that failed stopped the kernels); the build says what happened in its own one line."""
    import sys

    code = (
        "import logging\n"
        "from apanalysis.build.execution import quiet_papermill_log\n"
        "{}\n"
        "logging.getLogger('papermill').error('Kernel died before replying to kernel_info')\n"
    )
    for setup, printed in (("pass", True), ("quiet_papermill_log()", False)):
        run = subprocess.run(
            [sys.executable, "-c", code.format(setup)], capture_output=True, text=True, check=True
        )
        assert ("Kernel died" in run.stderr) is printed
