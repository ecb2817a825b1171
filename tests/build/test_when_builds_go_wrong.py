"""Issue 14, the slow cases: builds that run notebooks.

- a report with a problem is built, but ``make reports`` fails and says why;
- a double Ctrl-C leaves no staging file;
- two builds at once into different folders both succeed (kernel channels never collide);
- a kernel that dies is started once more, and a second death is one line.
The fast cases are in ``tests/unit/build/test_when_things_go_wrong.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import FIXTURES_DIR
from helpers.e2e import cli_command

from apanalysis import paths
from apanalysis.build import pipeline
from apanalysis.errors import ApanalysisError

pytestmark = pytest.mark.slow

REPORT = paths.RAW_DIR / "2020" / "report.txt"
HELLO = FIXTURES_DIR / "notebooks" / "hello.ipynb"


def outputs(root: Path) -> list[str]:
    return [f"--{name}-dir={root / name}" for name in ("processed", "figures", "reports")]


def hidden_files(root: Path) -> list[str]:
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.name.startswith(".") and "raw" not in p.relative_to(root).parts
    )


def test_make_reports_builds_a_year_with_problems_then_fails_and_lists_them(tmp_path):
    raw = tmp_path / "raw" / "2020"
    raw.mkdir(parents=True)
    text = REPORT.read_text(encoding="utf-8")
    # line 132, 01.01.01: "<i>Neįgyvendinta.</i> Dėl COVID-19 ..." -> a status word no one knows
    text = text.replace("<i>Neįgyvendinta.</i> Dėl COVID-19", "<i>Vykdoma.</i> Dėl COVID-19", 1)
    (raw / "report.txt").write_text(text, encoding="utf-8")
    args = f"--raw-dir={tmp_path / 'raw'} " + " ".join(outputs(tmp_path))
    result = subprocess.run(
        ["make", "--no-print-directory", "reports", f"ARGS={args}"],
        cwd=paths.PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode != 0, result.stdout[-2000:]
    assert f"{raw / 'report.txt'}:132: 01.01.01: unknown status word" in result.stderr
    assert (
        f"[2020] 1 line(s) of the report could not be read; the reports were built and say so; "
        f"the list is in {tmp_path / 'processed' / '2020' / 'problems.csv'}"
    ) in result.stderr
    assert "built 4 report(s) for 1 year(s)" in result.stdout
    assert len(list((tmp_path / "reports" / "2020").glob("*.html"))) == 4
    meta = json.loads((tmp_path / "processed" / "2020" / "meta.json").read_text("utf-8"))
    assert meta["rows"]["problems"] == 1  # what the pages' banner counts
    for page in (tmp_path / "reports" / "2020").glob("*.html"):  # every page says so, on top
        text = page.read_text(encoding="utf-8")
        banner = re.search(r'<div class="apanalysis-banner" role="alert">(.*?)</div>', text, re.S)
        assert banner, page.name
        assert "<strong>1 line of the report could not be read</strong>" in banner.group(1)
        assert '<a href="../../processed/2020/problems.csv">' in banner.group(1), page.name
        assert text.index("apanalysis-banner") < text.index("<h1")
    listed = (tmp_path / "processed" / "2020" / "problems.csv").read_text(encoding="utf-8-sig")
    assert "01.01.01" in listed and ",132," in listed


def test_double_ctrl_c_leaves_no_staging_file(tmp_path):
    raw = tmp_path / "raw" / "2020"
    raw.mkdir(parents=True)
    shutil.copy(REPORT, raw / "report.txt")
    build = subprocess.Popen(
        cli_command("build", "--raw-dir", tmp_path / "raw", *outputs(tmp_path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as in a terminal
    )
    year_reports = tmp_path / "reports" / "2020"
    deadline = time.monotonic() + 600
    while not list(year_reports.glob(".*.ipynb")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(year_reports.glob(".*.ipynb")), "the build never staged a notebook"
    time.sleep(3)  # the kernels are running cells
    os.killpg(build.pid, signal.SIGINT)  # Ctrl-C, twice, to the whole process group
    time.sleep(0.3)
    os.killpg(build.pid, signal.SIGINT)
    _, err = build.communicate(timeout=300)
    assert build.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "apanalysis: interrupted (no temporary file left behind)"
    )
    assert hidden_files(tmp_path) == []
    assert not list(year_reports.glob("*.failed.ipynb"))


def _notebook(path: Path, code: str) -> Path:
    nb = json.loads(HELLO.read_text(encoding="utf-8"))
    nb["cells"].append(
        {"cell_type": "code", "execution_count": None, "id": "extra", "metadata": {},
         "outputs": [], "source": code}
    )  # fmt: skip
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _build_2021(folders: dict[str, Path], notebooks):
    """Build 2021 from the test's folders with the given notebooks (of ``folders["nbs"]``)."""
    return pipeline.build(
        [2021], *(folders[k] for k in ("raw", "processed", "figures", "reports")),
        notebooks=tuple(notebooks), notebooks_dir=folders["nbs"],
    )  # fmt: skip


def _hello_folders(root: Path, names: list[str]) -> dict[str, Path]:
    folders = {name: root / name for name in ("raw", "processed", "figures", "reports", "nbs")}
    (folders["raw"] / "2021").mkdir(parents=True)
    (folders["raw"] / "2021" / "report.txt").write_text("Ataskaita\n", encoding="utf-8")
    folders["nbs"].mkdir()
    for name in names:
        shutil.copy(HELLO, folders["nbs"] / f"{name}.ipynb")
    return folders


BUILD_SCRIPT = """
import sys
from pathlib import Path
from apanalysis.build import pipeline
pipeline.parse_step = lambda year, raw, processed: (Path(processed) / str(year)).mkdir(
    parents=True, exist_ok=True)
root = Path(sys.argv[1])
pipeline.build([2021], root / "raw", root / "processed", root / "figures", root / "reports",
               notebooks=("a", "b", "c"), notebooks_dir=root / "nbs")
"""


def test_two_builds_at_once_into_different_folders_both_succeed(tmp_path):
    """Six kernels start at the same time; their channels are private sockets, not TCP ports
    drawn at random, so none is taken by another build."""
    roots = [tmp_path / "one", tmp_path / "two"]
    for root in roots:
        _hello_folders(root, ["a", "b", "c"])
    builds = [
        subprocess.Popen(
            [sys.executable, "-c", BUILD_SCRIPT, str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for root in roots
    ]
    for build, root in zip(builds, roots, strict=True):
        out, err = build.communicate(timeout=600)
        assert build.returncode == 0, err[-3000:]
        assert "built 3 report(s)" in out
        assert len(list((root / "reports" / "2021").glob("*.html"))) == 3
        assert "Traceback" not in err and "ZMQ" not in err


def _fake_parse(year, raw_dir, processed_dir):
    (Path(processed_dir) / str(year)).mkdir(parents=True, exist_ok=True)


def test_a_kernel_that_dies_once_is_started_again(tmp_path, monkeypatch, capsys):
    folders = _hello_folders(tmp_path, [])
    marker = tmp_path / "died-once"
    _notebook(
        folders["nbs"] / "fragile.ipynb",
        f"import os, signal\nfrom pathlib import Path\nmarker = Path({str(marker)!r})\n"
        "if not marker.exists():\n    marker.touch()\n    os.kill(os.getpid(), signal.SIGKILL)",
    )
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse)
    built = _build_2021(folders, ("fragile",))
    assert built == [folders["reports"] / "2021" / "fragile.html"]
    assert "[2021] fragile: the kernel died" in capsys.readouterr().err


def test_a_kernel_that_dies_twice_is_one_line(tmp_path, monkeypatch):
    folders = _hello_folders(tmp_path, [])
    _notebook(folders["nbs"] / "doomed.ipynb", "import os, signal\nos.kill(os.getpid(), 9)")
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse)
    with pytest.raises(ApanalysisError) as error:
        _build_2021(folders, ("doomed",))
    message = error.value.one_line()
    assert "\n" not in message and "notebook doomed failed: its kernel died twice" in message
    assert hidden_files(tmp_path) == []


def _cells_notebook(path: Path, sources: list[str]) -> Path:
    nb = json.loads(HELLO.read_text(encoding="utf-8"))
    nb["cells"] = nb["cells"][:2] + [
        {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
         "outputs": [], "source": source}
        for i, source in enumerate(sources)
    ]  # fmt: skip
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _printed(executed_path: Path) -> list[str]:
    """What each added cell (ids c0, c1…) of an executed notebook printed."""
    cells = json.loads(executed_path.read_text(encoding="utf-8"))["cells"]
    return [
        "".join("".join(out.get("text", "")) for out in cell["outputs"])
        for cell in cells
        if cell.get("id", "").startswith("c") and cell["id"][1:].isdigit()
    ]


def test_a_running_notebook_is_written_when_it_starts_and_ends_not_after_every_cell(
    tmp_path, monkeypatch
):
    import papermill.engines

    from apanalysis.build import execution

    writes = []
    real_write = papermill.engines.write_ipynb
    monkeypatch.setattr(
        papermill.engines,
        "write_ipynb",
        lambda nb, path: writes.append(path) or real_write(nb, path),
    )
    source = _cells_notebook(tmp_path / "ten.ipynb", [f"print({i})" for i in range(10)])
    output = tmp_path / "ten.out.ipynb"
    kernel = execution.kernel_name()
    execution.execute(source, output, {"year": 2021}, kernel, tmp_path)
    assert len(writes) == 2  # papermill's own engine: 28 (twice per cell, and more)
    assert _printed(output) == [f"{i}\n" for i in range(10)]


def test_the_cells_run_before_a_kernel_died_are_written(tmp_path):
    from apanalysis.build import execution

    source = _cells_notebook(
        tmp_path / "dies.ipynb",
        ["print('first')", "print('second')", "import os\nos.kill(os.getpid(), 9)"],
    )
    output = tmp_path / "dies.out.ipynb"
    with pytest.raises(Exception) as error:
        execution.execute(source, output, {"year": 2021}, execution.kernel_name(), tmp_path)
    assert execution._is_kernel_death(error.value)
    assert _printed(output) == ["first\n", "second\n", ""]


def test_the_kernels_start_while_the_year_is_parsed_and_the_cells_run_after(tmp_path, monkeypatch):
    folders = _hello_folders(tmp_path, [])
    _notebook(
        folders["nbs"] / "timed.ipynb",
        "import os, time, psutil\nprint(psutil.Process(os.getpid()).create_time(), time.time())",
    )
    parsed = {}

    def slow_parse(year, raw_dir, processed_dir):
        time.sleep(4)  # a kernel starts in about a second
        _fake_parse(year, raw_dir, processed_dir)
        parsed["at"] = time.time()

    monkeypatch.setattr(pipeline, "parse_step", slow_parse)
    _build_2021(folders, ("timed",))
    cells = json.loads((folders["reports"] / "2021" / "timed.ipynb").read_text(encoding="utf-8"))
    started, ran = map(float, "".join(cells["cells"][-1]["outputs"][0]["text"]).split())
    assert started < parsed["at"] - 1 < ran  # the kernel was up before the parse ended


def test_a_parse_that_fails_stops_the_waiting_kernels_and_leaves_nothing(tmp_path, monkeypatch):
    import psutil

    folders = _hello_folders(tmp_path, ["a", "b"])

    def failing_parse(year, raw_dir, processed_dir):
        time.sleep(3)  # the kernels are up, waiting for the tables
        raise ApanalysisError("the parse failed", Path(raw_dir) / "2021" / "report.txt")

    monkeypatch.setattr(pipeline, "parse_step", failing_parse)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with pytest.raises(ApanalysisError, match="the parse failed"):
        _build_2021(folders, ("a", "b"))
    time.sleep(0.5)
    after = {p.pid for p in psutil.Process().children(recursive=True) if p.is_running()}
    assert after <= before  # no kernel left running
    assert hidden_files(tmp_path) == []
    assert not (folders["reports"] / "2021").exists() or not list(
        (folders["reports"] / "2021").iterdir()
    )


def test_a_stop_that_a_library_caught_during_the_parse_stops_the_build_before_any_cell(
    tmp_path, monkeypatch
):
    """Ctrl-C during the parse, caught by a library that went on (seen once in CI: that build
    ran to its end and exited 0): the build stops when the parse returns; no cell runs."""
    import psutil

    folders = _hello_folders(tmp_path, [])
    ran = tmp_path / "a-cell-ran"
    _notebook(
        folders["nbs"] / "marks.ipynb", f"from pathlib import Path\nPath({str(ran)!r}).touch()"
    )

    def parse_that_catches_ctrl_c(year, raw_dir, processed_dir):
        try:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C…
            time.sleep(2)
        except KeyboardInterrupt:  # …caught by a catch-all that goes on
            pass
        _fake_parse(year, raw_dir, processed_dir)

    monkeypatch.setattr(pipeline, "parse_step", parse_that_catches_ctrl_c)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with pytest.raises(KeyboardInterrupt):
        _build_2021(folders, ("marks",))
    assert not ran.exists()  # without the check point, the notebook ran, then the stop came
    time.sleep(0.5)
    after = {p.pid for p in psutil.Process().children(recursive=True) if p.is_running()}
    assert after <= before  # no kernel left running
    assert hidden_files(tmp_path) == []


def test_a_builds_kernel_starts_without_the_debugger(tmp_path, monkeypatch):
    from apanalysis.build import execution

    assert execution.kernel_command(["/venv/bin/python", "-m", "ipykernel_launcher", "-f", "c"]) == [
        "/venv/bin/python", "-m", "apanalysis.build.kernel", "-f", "c"
    ]  # fmt: skip
    assert execution.kernel_command(["R", "--slave"]) == ["R", "--slave"]  # not ipykernel
    folders = _hello_folders(tmp_path, [])
    _notebook(
        folders["nbs"] / "probe.ipynb",
        "import sys\nprint(sys.modules.get('debugpy', 'absent'), 'ipykernel' in sys.modules)",
    )
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse)
    _build_2021(folders, ("probe",))
    cells = json.loads((folders["reports"] / "2021" / "probe.ipynb").read_text(encoding="utf-8"))
    assert "".join(cells["cells"][-1]["outputs"][0]["text"]) == "None True\n"


def _last_output(folders, name: str) -> str:
    cells = json.loads((folders["reports"] / "2021" / f"{name}.ipynb").read_text(encoding="utf-8"))
    return "".join(cells["cells"][-1]["outputs"][0]["text"])


PROBE = "import os\nprint(os.getpid(), 'leak' in dir(), get_ipython().execution_count)\nleak = 1"


def test_notebooks_share_a_kernel_in_turn_each_from_an_empty_namespace(tmp_path, monkeypatch):
    folders = _hello_folders(tmp_path, [])
    for name in ("one", "two", "three"):
        _notebook(folders["nbs"] / f"{name}.ipynb", PROBE)
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse)
    monkeypatch.setattr(pipeline, "LANES", 1)
    _build_2021(folders, ("one", "two", "three"))
    seen = [_last_output(folders, name).split() for name in ("one", "two", "three")]
    assert len({pid for pid, _, _ in seen}) == 1  # one kernel ran the three
    # as in a new kernel (the first notebook's): no name left over, the same In [n] each time
    assert [(leak, count) for _, leak, count in seen] == [("False", seen[0][2])] * 3


def test_a_notebook_after_a_failed_one_or_a_dead_kernel_runs_normally(
    tmp_path, monkeypatch, capsys
):
    folders = _hello_folders(tmp_path, [])
    _notebook(folders["nbs"] / "a_fails.ipynb", "leak = 1\nraise ValueError('broken')")
    _notebook(folders["nbs"] / "b_after_failure.ipynb", PROBE)
    _notebook(folders["nbs"] / "c_dies.ipynb", "import os\nos.kill(os.getpid(), 9)")
    _notebook(folders["nbs"] / "d_after_death.ipynb", PROBE)
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse)
    monkeypatch.setattr(pipeline, "LANES", 1)
    names = ("a_fails", "b_after_failure", "c_dies", "d_after_death")
    with pytest.raises(ApanalysisError, match="notebook a_fails failed"):
        _build_2021(folders, names)
    said = capsys.readouterr().out
    states = ("FAILED after", "done in", "FAILED after", "done in")
    for name, state in zip(names, states, strict=True):
        assert f"[2021] {name} … {state}" in said
    staged = folders["reports"] / "2021"
    assert (staged / "a_fails.failed.ipynb").is_file()
    assert (staged / "c_dies.failed.ipynb").is_file()
    assert hidden_files(tmp_path) == []
