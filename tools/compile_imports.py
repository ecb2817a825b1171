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
``--lab`` (``make lab``) compiles JupyterLab's server, the debugger and jedi the same way.

With ``--kernel NAME DISPLAY``, the Jupyter-side process then registers the venv's kernel spec,
as ``python -m ipykernel install --sys-prefix --name NAME --display-name DISPLAY`` would, with
ipykernel already imported: that command alone took 0.5 s of a first setup.
"""

from __future__ import annotations

import argparse
import importlib
import os
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


#: What JupyterLab's server imports when ``make lab`` starts it (compiling it took 9.9 s of
#: every start where bytecode writing is off, 2.9 s to import once compiled).
LAB_SERVER = ("jupyterlab.labapp",)
#: What a JupyterLab kernel adds to a build's: the debugger (1.3 s of every kernel's start, 0.2 s
#: once compiled) and, at the first completion, jedi.
LAB_KERNEL = ("ipykernel.debugger", "jedi.api.classes", "jedi.api.helpers")
#: The groups that ``make setup`` (a build's imports) and ``make lab`` (``--lab``) compile, each
#: in a process of its own.
BUILD_GROUPS = ("data", "jupyter")
LAB_GROUPS = ("lab-server", "lab-kernel")


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
    """The modules of ``group`` (one of :data:`BUILD_GROUPS` or :data:`LAB_GROUPS`), in import
    order."""
    if group == "data":
        return [*DATA_SIDE, *apanalysis_modules()]
    fixed = {"jupyter": JUPYTER_SIDE, "lab-server": LAB_SERVER, "lab-kernel": LAB_KERNEL}
    return list(fixed[group])


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
    parser.add_argument("--group", choices=(*BUILD_GROUPS, *LAB_GROUPS), help=argparse.SUPPRESS)
    parser.add_argument(
        "--kernel", nargs=2, metavar=("NAME", "DISPLAY_NAME"), help="also register this kernel"
    )
    parser.add_argument(
        "--lab", action="store_true", help="compile what JupyterLab imports instead (make lab)"
    )
    return parser.parse_args(argv)


def compile_group(group: str, kernel: list[str] | None) -> int:
    """In this process: import ``group``, say which modules failed; then register the kernel
    (the Jupyter side only, which has ipykernel imported by then)."""
    failed = import_all(group_modules(group))
    if failed:
        print("not importable (skipped): " + ", ".join(failed), file=sys.stderr)
    if kernel and group == "jupyter":
        register_kernel(*kernel)
    return 0


def main(argv: list[str]) -> int:
    sys.dont_write_bytecode = False  # whatever PYTHONDONTWRITEBYTECODE says, before any import
    args = parse_args(argv)
    if args.group:
        return compile_group(args.group, args.kernel)
    start = time.perf_counter()
    extra = ["--kernel", *args.kernel] if args.kernel else []
    # debugpy warns, on import, about Python's frozen modules: not a concern when compiling
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    processes = [
        subprocess.Popen([sys.executable, __file__, "--group", group, *extra], env=env)
        for group in (LAB_GROUPS if args.lab else BUILD_GROUPS)
    ]
    status = max([process.wait() for process in processes])
    what = "JupyterLab's imports" if args.lab else "a build's imports"
    print(f"compiled the bytecode of {what} in {time.perf_counter() - start:.1f} s", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
