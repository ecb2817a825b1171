"""Time a new user's first report: clone -> ``make reports`` -> ``reports/index.html``.

Run with ``make bench-setup`` (opt-in: it downloads every dependency, twice), or
``python3 benchmarks/setup_time.py uv uv uv`` for three runs with uv. For each installer
(``pip``, then ``uv`` as the Makefile bootstraps it) the committed HEAD of this repository is
cloned into a temporary folder and ``make reports INSTALLER=...`` runs there, on a clean state:
a new virtual environment and empty pip, uv and matplotlib caches (temporary folders), so every
package is downloaded. Printed per installer: the setup (venv + install + kernel), the build, and
the total until ``reports/index.html`` exists, then the setup's steps (the install includes
getting uv and downloading the packages: the part that depends on the network).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INSTALLERS = ("pip", "uv")
#: What make prints when each setup step starts (the first step, venv + install, starts at 0
#: and ends with make's "installed … with …" line), and the step's name in the report.
SETUP_STEPS = (("compile_imports", "bytecode + kernel"),)


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str, list]:
    """Seconds ``command`` took, its output (it must succeed), and each output line with the
    second it arrived at (from the start)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lines = [(time.perf_counter() - start, line) for line in process.stdout]
    err = process.stderr.read()
    if process.wait() != 0:
        out = "".join(line for _, line in lines)
        sys.exit(f"{' '.join(command)} failed:\n{out[-2000:]}\n{err[-2000:]}")
    return time.perf_counter() - start, "".join(line for _, line in lines), lines


def setup_steps(lines: list, total: float) -> str:
    """How long each step of ``make setup`` took, from when make printed its lines: the venv
    and the install (getting uv, downloading and installing every package) end when make says
    "installed"; the bytecode step (which also registers the kernel) starts when make prints
    its command."""
    marks = [(0.0, "install")]
    for at, line in lines:
        step = next((name for key, name in SETUP_STEPS if key in line), None)
        if step is not None:
            marks.append((at, step))
    steps = []
    for (at, name), (until, _) in zip(marks, [*marks[1:], (total, "")], strict=True):
        steps.append(f"{name} {until - at:.1f}")
    return ", ".join(steps)


def first_report(installer: str, root: Path) -> tuple[float, float, str]:
    """Seconds of ``make setup`` and of ``make reports`` in a new clone, and the setup's steps
    (the install step includes getting uv and downloading every package)."""
    clone = root / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    caches = {
        "PIP_CACHE_DIR": root / "pip-cache",
        "UV_CACHE_DIR": root / "uv-cache",
        "MPLCONFIGDIR": root / "mpl",
        "XDG_CACHE_HOME": root / "cache",
    }
    env = {**os.environ, **{name: str(path) for name, path in caches.items()}}
    env.pop("VIRTUAL_ENV", None)
    setup, said, lines = timed(["make", "setup", f"INSTALLER={installer}"], clone, env)
    if f"with {installer}" not in said:
        sys.exit(f"{installer} was asked for, but make said: {said[-500:]}")
    build, _, _ = timed(["make", "reports", f"INSTALLER={installer}"], clone, env)
    if not (clone / "reports" / "index.html").is_file():
        sys.exit(f"{installer}: no reports/index.html after make reports")
    return setup, build, setup_steps(lines, setup)


def main() -> None:
    only = sys.argv[1:] or INSTALLERS
    print("installer   setup    build    clone -> index.html   setup steps (s)")
    for installer in only:
        with tempfile.TemporaryDirectory(prefix=f"apanalysis-setup-{installer}-") as tmp:
            setup, build, steps = first_report(installer, Path(tmp))
        print(
            f"{installer:<9} {setup:6.1f} s {build:6.1f} s {setup + build:6.1f} s"
            f"             {steps}",
            flush=True,
        )


if __name__ == "__main__":
    main()
