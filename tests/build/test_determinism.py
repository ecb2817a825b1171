"""The same input gives the same output: processed tables byte for byte, figures byte for byte.

What is compared, and why:

- **Processed tables.** Two ``apanalysis parse`` runs, in separate processes with different
  ``PYTHONHASHSEED`` (so set and dict ordering of strings differs between them), must write
  byte-identical CSV and Parquet files and ``audit.csv``; ``meta.json`` too.
- **Figures.** :func:`apanalysis.presentation.plots.save_figure` writes SVG with no ``Date`` metadata and a
  fixed ``svg.hashsalt`` (the SVG's element ids are then a function of the figure), and PNG without
  the ``Software`` text. The SVG and PNG files of two complete builds are therefore compared byte
  for byte: a difference means the plotted data, or its order, differs.
- **HTML reports.** They embed the figures and tables; two builds differ only in ids drawn at
  random (pandas Styler's ``T_<uuid>`` table ids and nbformat's cell ids), which are normalised
  away before the pages are compared.
"""

from __future__ import annotations

import re

import pytest
from helpers.e2e import YEAR, Build, cli_build, default_raw, file_hashes, run_cli

from apanalysis.build.pipeline import NOTEBOOKS

#: Ids drawn at random on every build: pandas Styler table ids and notebook cell ids.
RANDOM_IDS = [
    (re.compile(r"\bT_[0-9a-f]{5}(?=[_\s\"{.#:>])"), "T_styler"),
    (re.compile(r"cell-id=[0-9a-f-]+"), "cell-id=x"),
    # the build time each page states in its footer (and records in its head)
    (re.compile(r'(name="apanalysis-built" content=")[^"]*'), r"\1T"),
    (re.compile(r'<time datetime="[^"]*">[^<]*</time>'), "<time>T</time>"),
]


def normalised_html(text: str) -> str:
    for pattern, replacement in RANDOM_IDS:
        text = pattern.sub(replacement, text)
    return text


def test_two_parses_write_identical_files(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"processed-{seed}"
        result = run_cli("parse", "--year", str(YEAR), "--processed-dir", out, PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stderr
        outputs.append(file_hashes(out))
    assert outputs[0] == outputs[1]
    names = set(outputs[0])
    assert {f"{YEAR}/measures.csv", f"{YEAR}/municipal.csv", f"{YEAR}/amounts.csv"} <= names
    assert {f"{YEAR}/measures.parquet", f"{YEAR}/audit.csv", f"{YEAR}/meta.json"} <= names


@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> Build:
    """Another complete build of the same raw folder (the first is the session's build_2020)."""
    return cli_build(default_raw(), tmp_path_factory.mktemp("build-again"), PYTHONHASHSEED="7")


@pytest.mark.slow
def test_two_builds_draw_identical_figures(build_2020, second_build):
    first = file_hashes(build_2020.figures / str(YEAR))
    second = file_hashes(second_build.figures / str(YEAR))
    assert {name.rsplit(".", 1)[1] for name in first} == {"png", "svg"}
    assert second == first
    svg = build_2020.figures / str(YEAR) / next(n for n in first if n.endswith(".svg"))
    text = svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in text  # nothing in the file depends on when it was made


@pytest.mark.slow
def test_two_builds_write_the_same_tables_and_pages(build_2020, second_build):
    for name in ("measures.csv", "municipal.csv", "amounts.csv", "tasks.csv", "audit.csv"):
        path = f"{YEAR}/{name}"
        assert (second_build.processed / path).read_bytes() == (
            build_2020.processed / path
        ).read_bytes(), name
    for name in NOTEBOOKS:
        pages = [
            normalised_html((b.reports / str(YEAR) / f"{name}.html").read_text(encoding="utf-8"))
            for b in (build_2020, second_build)
        ]
        assert pages[0] == pages[1], name
