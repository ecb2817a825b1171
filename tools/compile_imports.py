"""Write the bytecode (.pyc) of every module a build imports, once, at setup (``make setup``).

Where ``PYTHONDONTWRITEBYTECODE`` is set, or after ``uv pip install`` (which does not compile),
no ``.pyc`` file exists, and every notebook kernel of every build compiles pandas, matplotlib
and the rest from source again: a first build took 42 s instead of 22 s. Compiling the whole
environment at install time (``uv pip install --compile-bytecode``) costs more than it saves
(pandas' and pyarrow's tests are most of it), so this imports what a build imports, with
bytecode writing switched on, and nothing else.

The imports are split into two groups that share little (the data libraries; Jupyter and
matplotlib), imported by two processes at once: compiling is most of the time, and it uses one
core per process. Two processes writing the same ``.pyc`` is safe (each write is a rename).
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import time

#: What a kernel, papermill and nbconvert import (the Jupyter side), with matplotlib.
JUPYTER_SIDE = (
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_svg",
    "PIL.PngImagePlugin",
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",  # not ipykernel.debugger: a build's kernels start without debugpy
    "IPython.core.display",
    "papermill",
    "nbclient",
    "nbconvert",
    "jupyter_client.manager",
)
#: What the parse and the notebooks' libraries import besides the apanalysis package itself.
DATA_SIDE = (
    "pandas",
    "pyarrow.parquet",
    "pandera.pandas",
    "pandera.backends.pandas",
    "openpyxl",  # the workbook, and evaluators' Excel files
    "docx",  # Word reports
    "pypdfium2",  # PDF reports
    "seaborn",  # imported by the heatmap only, when it is drawn
)


def apanalysis_modules() -> list[str]:
    """Every module of the apanalysis package."""
    import apanalysis

    found = [
        info.name
        for info in pkgutil.walk_packages(apanalysis.__path__, prefix="apanalysis.")
        if not info.name.endswith("__main__")
    ]
    return ["apanalysis", *found]


def group_modules(group: str) -> list[str]:
    """The modules of ``group`` ("data" or "jupyter"), in import order."""
    if group == "jupyter":
        return list(JUPYTER_SIDE)
    return [*DATA_SIDE, *apanalysis_modules()]


def import_all(names: list[str]) -> list[str]:
    """Import ``names``; return those that failed ("name (Error)")."""
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - an optional module: say so, go on
            failed.append(f"{name} ({type(error).__name__})")
    return failed


def main(argv: list[str]) -> int:
    sys.dont_write_bytecode = False  # whatever PYTHONDONTWRITEBYTECODE says, before any import
    if argv[:1] == ["--group"]:  # the second process: import one group, report failures
        failed = import_all(group_modules(argv[1]))
        if failed:
            print("not importable (skipped): " + ", ".join(failed), file=sys.stderr)
        return 0
    start = time.perf_counter()
    other = subprocess.Popen([sys.executable, __file__, "--group", "jupyter"])
    failed = import_all(group_modules("data"))
    if failed:
        print("not importable (skipped): " + ", ".join(failed), file=sys.stderr)
    status = other.wait()
    took = time.perf_counter() - start
    print(f"compiled the bytecode of a build's imports in {took:.1f} s", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
