"""Build the reports of two git revisions and show that their outputs are the same.

Usage (from the repository root, with the project's virtual environment)::

    .venv/bin/python tools/compare_builds.py BASE_REV [NEW_REV]     # NEW_REV defaults to the work tree

Each revision is checked out into a temporary folder (``git worktree``), then built with
``apanalysis build --force`` from that folder's own ``src`` (PYTHONPATH), into temporary output
folders. Compared file by file:

- ``data/processed/<year>/*`` byte for byte, except ``meta.json``, whose code fingerprint changes
  with any code change (its other fields are compared);
- ``figures/<year>/*`` byte for byte;
- ``reports/**/*.html`` byte for byte after the ids drawn at random on every build (pandas Styler
  table ids, notebook cell ids) are normalised, as ``tests/build/test_determinism.py`` does.

Executed notebooks (``reports/<year>/*.ipynb``) hold the notebooks' code and are not compared.
Exit 0 when every file is the same, 1 otherwise (each difference is listed).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RANDOM_IDS = [
    (re.compile(rb"\bT_[0-9a-f]{5}(?=[_\s\"{.#:>])"), b"T_styler"),
    (re.compile(rb"cell-id=[0-9a-f-]+"), b"cell-id=x"),
    (re.compile(rb'(name="apanalysis-built" content=")[^"]*'), rb"\1T"),
    (re.compile(rb'<time datetime="[^"]*">[^<]*</time>'), b"<time>T</time>"),
]
#: meta.json fields that depend on the code rather than on the data.
CODE_DEPENDENT_META = {"code", "apanalysis_version"}


def checkout(rev: str | None, into: Path) -> Path:
    """A work tree of ``rev`` (or the current work tree when ``rev`` is None)."""
    if rev is None:
        return REPO
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(into), rev],
        check=True,
    )
    return into


def build(tree: Path, out: Path) -> None:
    """``apanalysis build --force`` of ``tree``'s data/raw with ``tree``'s own code."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    command = [sys.executable, "-m", "apanalysis.cli", "build", "--force"]
    command += ["--raw-dir", str(tree / "data" / "raw")]
    for option, name in (("--processed-dir", "processed"), ("--figures-dir", "figures")):
        command += [option, str(out / name)]
    command += ["--reports-dir", str(out / "reports")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tree)
    if result.returncode not in (0, 1):
        sys.exit(f"build of {tree} failed ({result.returncode}): {result.stderr.strip()}")


def comparable(path: Path) -> bytes | None:
    """The bytes of one output as compared, or None when the file is not compared."""
    if path.suffix == ".ipynb" or path.name.startswith("."):
        return None
    if path.parent.name == "reports" and path.suffix == ".json":
        return None  # the build manifest: hashes of code
    data = path.read_bytes()
    if path.name == "meta.json":
        meta = {k: v for k, v in json.loads(data).items() if k not in CODE_DEPENDENT_META}
        return json.dumps(meta, sort_keys=True).encode()
    if path.suffix == ".html":
        for pattern, replacement in RANDOM_IDS:
            data = pattern.sub(replacement, data)
    return data


def outputs(root: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = comparable(path)
            if data is not None:
                found[str(path.relative_to(root))] = data
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git revision to compare against")
    parser.add_argument("new", nargs="?", help="git revision (default: the work tree)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as tmp:
        tmp = Path(tmp)
        trees = [checkout(args.base, tmp / "base"), checkout(args.new, tmp / "new")]
        try:
            for tree, name in zip(trees, ("base-out", "new-out"), strict=True):
                build(tree, tmp / name)
            base, new = outputs(tmp / "base-out"), outputs(tmp / "new-out")
        finally:
            for tree in trees:
                if tree != REPO:
                    subprocess.run(
                        ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)]
                    )
    differing = sorted(name for name in base.keys() & new.keys() if base[name] != new[name])
    only_base, only_new = sorted(base.keys() - new.keys()), sorted(new.keys() - base.keys())
    for label, names in (
        ("differs", differing),
        ("only in base", only_base),
        ("only in new", only_new),
    ):
        for name in names:
            print(f"{label}: {name}")
    print(
        f"{len(base.keys() & new.keys()) - len(differing)} identical, {len(differing)} different, "
        f"{len(only_base)} only in base, {len(only_new)} only in new"
    )
    return 0 if not (differing or only_base or only_new) else 1


if __name__ == "__main__":
    sys.exit(main())
