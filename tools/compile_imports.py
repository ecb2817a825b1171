"""Write the bytecode (.pyc) of every module a build imports, once, at setup (``make setup``).

Where ``PYTHONDONTWRITEBYTECODE`` is set, or after ``uv pip install`` (which does not compile),
no ``.pyc`` file exists, and every notebook kernel of every build compiles pandas, matplotlib
and the rest from source again: a first build took 42 s instead of 22 s. Compiling the whole
environment at install time (``uv pip install --compile-bytecode``) costs more than it saves
(pandas' and pyarrow's tests are most of it), so this imports what a build imports, with
bytecode writing switched on, and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

#: Imported by a notebook kernel or by the build besides the apanalysis package itself.
OTHERS = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "matplotlib_inline.backend_inline",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_svg",
    "seaborn",  # imported by the heatmap only, when it is drawn
    "pandera.pandas",
    "pyarrow.parquet",
    "papermill",
    "nbclient",
    "nbconvert",
    "jupyter_client.manager",
)


def modules() -> list[str]:
    """Every module of the apanalysis package, then :data:`OTHERS`."""
    import apanalysis

    found = [
        info.name
        for info in pkgutil.walk_packages(apanalysis.__path__, prefix="apanalysis.")
        if not info.name.endswith("__main__")
    ]
    return ["apanalysis", *found, *OTHERS]


def main() -> int:
    sys.dont_write_bytecode = False  # whatever PYTHONDONTWRITEBYTECODE says
    start = time.perf_counter()
    failed = []
    for name in modules():
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - an optional module: say so, go on
            failed.append(f"{name} ({type(error).__name__})")
    took = time.perf_counter() - start
    print(f"compiled the bytecode of a build's imports in {took:.1f} s", flush=True)
    if failed:
        print("not importable (skipped): " + ", ".join(failed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
