"""Time a new user's first report: clone -> ``make reports`` -> ``reports/index.html``.

Run with ``make bench-setup`` (opt-in: it downloads every dependency, twice). For each installer
(``pip``, then ``uv`` as the Makefile bootstraps it) the committed HEAD of this repository is
cloned into a temporary folder and ``make reports INSTALLER=...`` runs there, on a clean state:
a new virtual environment and empty pip, uv and matplotlib caches (temporary folders), so every
package is downloaded. Printed per installer: the setup (venv + install + kernel), the build, and
the total until ``reports/index.html`` exists.
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


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds ``command`` took, and its output (it must succeed)."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start, result.stdout


def first_report(installer: str, root: Path) -> tuple[float, float]:
    """Seconds of ``make setup`` and of ``make reports`` in a new clone."""
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
    setup, said = timed(["make", "setup", f"INSTALLER={installer}"], clone, env)
    if f"with {installer}" not in said:
        sys.exit(f"{installer} was asked for, but make said: {said[-500:]}")
    build, _ = timed(["make", "reports", f"INSTALLER={installer}"], clone, env)
    if not (clone / "reports" / "index.html").is_file():
        sys.exit(f"{installer}: no reports/index.html after make reports")
    return setup, build


def main() -> None:
    only = sys.argv[1:] or INSTALLERS
    print("installer   setup    build    clone -> index.html")
    for installer in only:
        with tempfile.TemporaryDirectory(prefix=f"apanalysis-setup-{installer}-") as tmp:
            setup, build = first_report(installer, Path(tmp))
        print(f"{installer:<9} {setup:6.1f} s {build:6.1f} s {setup + build:6.1f} s", flush=True)


if __name__ == "__main__":
    main()
