"""The conda environment and pyproject.toml describe the same runtime dependencies."""

import re
import tomllib

from apanalysis.paths import PROJECT_ROOT

NAME = re.compile(r"^\s*([A-Za-z0-9_.\-]+)")


def names(requirements) -> set[str]:
    return {NAME.match(r).group(1).lower().replace("_", "-") for r in requirements}


def conda_dependencies() -> list[str]:
    """The plain (non-pip, non-python) entries of environment.yml's dependencies list."""
    lines = (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("dependencies:")
    entries = []
    for line in lines[start + 1 :]:
        match = re.match(r"^  - (\S.*)$", line)
        if match and not match.group(1).endswith(":"):
            entries.append(match.group(1))
        elif line and not line.startswith(" "):
            break
    # python itself and pip, not packages whose names start so (python-docx)
    return [e for e in entries if NAME.match(e).group(1).lower() not in ("python", "pip")]


def test_environment_yml_lists_every_dependency_of_pyproject_extras_included():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = names(project["project"]["dependencies"])
    extras = set().union(*map(names, project["project"]["optional-dependencies"].values()))
    conda = names(conda_dependencies())
    wanted = runtime | extras
    assert wanted <= conda, f"missing from environment.yml: {sorted(wanted - conda)}"
    assert conda <= runtime | extras, f"not in pyproject.toml: {sorted(conda - runtime - extras)}"


def test_versions_agree():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {
        NAME.match(r).group(1).lower(): r.replace(" ", "")
        for r in [
            *project["project"]["dependencies"],
            *(r for extra in project["project"]["optional-dependencies"].values() for r in extra),
        ]
    }
    conda = {NAME.match(e).group(1).lower(): e.replace(" ", "") for e in conda_dependencies()}
    for name, spec in pins.items():
        assert conda[name] == spec, f"{name}: pyproject {spec!r} vs environment.yml {conda[name]!r}"


def _make_dry_run(target: str) -> str:
    """The commands ``make TARGET`` would run on a fresh clone (``-B``: as if nothing were made)."""
    import subprocess

    result = subprocess.run(
        ["make", "-n", "-B", target], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_make_reports_installs_what_a_build_needs_and_no_test_or_lab_tools():
    commands = _make_dry_run("reports")
    assert "install,-e ." not in commands  # the macro was expanded
    assert "pip install --quiet --python .venv/bin/python" in commands
    assert "pip install --quiet --disable-pip-version-check -e ." in commands  # the fallback
    assert ".[dev]" not in commands and ".[lab]" not in commands
    assert "--without-pip" in commands
    assert 'tools/compile_imports.py --kernel apanalysis "Python (apanalysis)"' in commands
    assert "tools/fetch_uv.py" in commands  # uv straight from PyPI, pip only if it fails


def _excluded() -> set[str]:
    lines = (PROJECT_ROOT / "tools" / "build-env-excludes.txt").read_text(encoding="utf-8")
    return names(line for line in lines.splitlines() if line.strip() and line[0] != "#")


def test_builds_and_tests_leave_out_what_only_jupyterlab_uses_and_lab_brings_it_back():
    """uv leaves jedi and debugpy out of make reports and make test; make lab installs them."""
    excludes = "--excludes tools/build-env-excludes.txt"
    reports, tests, lab = (_make_dry_run(target) for target in ("reports", "test", "lab"))
    assert f"{excludes} -e ." in reports
    assert f"{excludes} -e '.[dev]'" in tests
    lab_install = next(line for line in lab.splitlines() if "-e '.[lab]'" in line)
    assert "--excludes" not in lab_install
    assert _excluded() == {"jedi", "debugpy"}
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert _excluded() <= names(project["project"]["optional-dependencies"]["lab"])
    runtime = names(project["project"]["dependencies"])
    assert not _excluded() & runtime  # never one the project asks for itself


def test_make_test_adds_the_dev_extra_and_make_lab_the_lab_extra():
    assert "-e '.[dev]'" in _make_dry_run("test")
    assert "-e '.[lab]'" in _make_dry_run("lab")
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "jupyterlab" in names(project["project"]["optional-dependencies"]["lab"])
    assert "jupyterlab" not in names(project["project"]["dependencies"])


def test_the_setup_step_compiles_what_a_build_imports_even_where_bytecode_is_off(tmp_path):
    """Run with PYTHONDONTWRITEBYTECODE set (as on the CI machine) and a private bytecode folder:
    the bytecode of the data side, the Jupyter side and the package itself is written there."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "tools" / "compile_imports.py")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0
    assert result.stderr == ""  # no module of the list was skipped
    assert result.stdout.startswith("compiled the bytecode of a build's imports in ")
    written = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.pyc")}

    # under the prefix, a module's bytecode is <prefix>/<its folder>/<stem>.cpython-3XY.pyc
    stems = {name.split(".cpython-")[0] for name in written}

    def compiled(module_file: str) -> bool:
        return any(stem.endswith("/" + module_file.removesuffix(".py")) for stem in stems)

    for module_file in (
        "pandas/__init__.py",  # the data side, imported first
        "pandas/core/frame.py",
        "openpyxl/workbook/workbook.py",
        "matplotlib/figure.py",  # the Jupyter side
        "ipykernel/kernelapp.py",
        "ipykernel/ipkernel.py",
        "apanalysis/cli.py",  # the package itself
        "apanalysis/presentation/plots.py",
    ):
        assert compiled(module_file), module_file


def _compile_tool():
    """tools/compile_imports.py, imported as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "compile_imports", PROJECT_ROOT / "tools" / "compile_imports.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_make_lab_compiles_what_jupyterlab_imports_server_debugger_and_completion():
    lab = _make_dry_run("lab")
    assert lab.index("-e '.[lab]'") < lab.index("tools/compile_imports.py --lab")
    tool = _compile_tool()
    kernel_side = tool.group_modules("lab-kernel")
    assert "ipykernel.debugger" in kernel_side  # imports debugpy at every kernel start
    assert any(name.startswith("jedi") for name in kernel_side)
    assert tool.group_modules("lab-server") == ["jupyterlab.labapp"]


def test_the_lab_step_writes_the_bytecode_of_jupyterlab_debugpy_and_jedi(tmp_path):
    """Where JupyterLab is installed (make lab): compiled into a private bytecode folder."""
    import importlib.util
    import os
    import subprocess
    import sys

    import pytest

    if importlib.util.find_spec("jupyterlab") is None or importlib.util.find_spec("jedi") is None:
        pytest.skip("JupyterLab is not installed here (make lab installs it)")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "tools" / "compile_imports.py"), "--lab"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("compiled the bytecode of JupyterLab's imports in ")
    written = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.pyc")}
    for folder in ("jupyterlab/", "jupyter_server/", "debugpy/server/", "jedi/api/"):
        assert any(folder in name for name in written), folder


def test_the_setup_step_registers_the_kernel_in_the_venv(tmp_path, monkeypatch):
    """``compile_imports.py --kernel NAME DISPLAY`` writes the kernel spec that ``python -m
    ipykernel install --sys-prefix`` would: under <prefix>/share/jupyter/kernels/NAME."""
    import json
    import sys

    tool = _compile_tool()
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    tool.register_kernel("apanalysis-test", "Python (apanalysis test)")

    kernel = json.loads(
        (tmp_path / "share/jupyter/kernels/apanalysis-test/kernel.json").read_text("utf-8")
    )
    assert kernel["display_name"] == "Python (apanalysis test)"
    assert kernel["argv"][0] == sys.executable
    assert kernel["argv"][-4:] == ["-m", "ipykernel_launcher", "-f", "{connection_file}"]
    assert kernel["language"] == "python"
