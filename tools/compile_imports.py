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

With ``--kernel NAME DISPLAY``, the Jupyter-side process then registers the venv's kernel spec,
as ``python -m ipykernel install --sys-prefix --name NAME --display-name DISPLAY`` would, with
ipykernel already imported: that command alone took 0.5 s of a first setup.
"""

from __future__ import annotations

import argparse
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


def register_kernel(name: str, display_name: str) -> None:
    """Install the kernel spec ``name`` into this venv (``sys.prefix``)."""
    from ipykernel.kernelspec import install

    install(kernel_name=name, display_name=display_name, prefix=sys.prefix)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--group", choices=("data", "jupyter"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--kernel", nargs=2, metavar=("NAME", "DISPLAY_NAME"), help="also register this kernel"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    sys.dont_write_bytecode = False  # whatever PYTHONDONTWRITEBYTECODE says, before any import
    args = parse_args(argv)
    if args.group:  # the second process: import one group, report failures
        failed = import_all(group_modules(args.group))
        if failed:
            print("not importable (skipped): " + ", ".join(failed), file=sys.stderr)
        if args.kernel:
            register_kernel(*args.kernel)
        return 0
    start = time.perf_counter()
    jupyter_side = [sys.executable, __file__, "--group", "jupyter"]
    other = subprocess.Popen(jupyter_side + (["--kernel", *args.kernel] if args.kernel else []))
    failed = import_all(group_modules("data"))
    if failed:
        print("not importable (skipped): " + ", ".join(failed), file=sys.stderr)
    status = other.wait()
    took = time.perf_counter() - start
    print(f"compiled the bytecode of a build's imports in {took:.1f} s", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
