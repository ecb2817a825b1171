"""Parameters cannot smuggle anything in: notebook parameters and years are checked, and the source
never runs a shell or evaluates strings.

tests/test_pipeline.py covers ``check_year`` and ``check_parameters`` on its fixture notebook and
an undeclared parameter stopping a build; tests/test_cli.py covers ``--year 20x`` and ``1066`` for
``validate``. Here: the project's real notebooks, ``build`` refusing bad years before doing
anything, the CLI's ``build --year`` and a scan of the source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers.e2e import run_cli_twice

from apanalysis import paths
from apanalysis.build import pipeline
from apanalysis.errors import ApanalysisError

SRC = paths.PROJECT_ROOT / "src"
#: Constructs that run a shell or evaluate a string as code.
FORBIDDEN = {
    "shell=True": re.compile(r"\bshell\s*=\s*True\b"),
    "eval(": re.compile(r"\beval\s*\("),
    "exec(": re.compile(r"\bexec\s*\("),
    "os.system(": re.compile(r"\bos\.system\s*\("),
    "os.popen(": re.compile(r"\bos\.popen\s*\("),
}


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_real_notebooks_declare_exactly_the_parameters_they_get(name, tmp_path):
    notebook = paths.NOTEBOOKS_DIR / f"{name}.ipynb"
    params = pipeline.notebook_parameters(2020, tmp_path, tmp_path, tmp_path)
    pipeline.check_parameters(notebook, params)  # nothing refused
    with pytest.raises(ApanalysisError, match=r"unknown parameter\(s\) __import__, cmd") as info:
        pipeline.check_parameters(notebook, {**params, "cmd": "rm -rf /", "__import__": "os"})
    assert info.value.path == notebook


@pytest.mark.parametrize("year", ["2020", 2020.0, 2020.5, True, 1999, 2101, -2020, 10**20, None])
def test_build_refuses_a_bad_year_before_doing_anything(year, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "kernel_name", lambda: pytest.fail("a kernel was looked for"))
    monkeypatch.setattr(pipeline, "parse_step", lambda *a: pytest.fail("the year was parsed"))
    with pytest.raises(ApanalysisError, match="year"):
        pipeline.build([year], tmp_path / "raw", tmp_path / "p", tmp_path / "f", tmp_path / "r")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("year", ["1999", "99999999999999999999", "-2020"])
def test_notebook_parameters_refuse_a_year_outside_the_range(year):
    with pytest.raises(ApanalysisError, match="outside"):
        pipeline.notebook_parameters(int(year), Path("r"), Path("p"), Path("f"))


def test_cli_build_refuses_bad_years_with_one_line(tmp_path):
    out = ["--raw-dir", tmp_path, "--reports-dir", tmp_path / "r", "--processed-dir", tmp_path]
    results = run_cli_twice(
        ["build", "--year", "2020;touch x", *out], ["build", "--year", "2101", *out]
    )
    for result, words in zip(results, ["must be an integer", "outside 2000-2100"], strict=True):
        assert result.returncode == 2
        assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r").exists() and not (tmp_path / "x").exists()


def test_the_source_never_runs_a_shell_or_evaluates_strings():
    files = [
        p
        for p in SRC.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p)
    ]
    assert len([p for p in files if p.suffix == ".py"]) > 10
    found = [
        f"{path.relative_to(SRC)}:{number}: {label}"
        for path in files
        for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1)
        for label, pattern in FORBIDDEN.items()
        if pattern.search(line)
    ]
    assert found == []
