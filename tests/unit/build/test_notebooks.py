"""The committed notebooks: thin, parameterised, and without outputs."""

import ast
import json

import pytest

from apanalysis import paths
from apanalysis.build import pipeline

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def code(cell):
    return "".join(cell["source"])


def test_every_built_notebook_is_committed():
    names = {p.stem for p in NOTEBOOKS}
    assert set(pipeline.NOTEBOOKS) <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in cells(path):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_has_runnable_literal_defaults_only(path):
    tagged = [c for c in cells(path) if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    tree = ast.parse(code(tagged[0]))
    names = set()
    for node in tree.body:
        assert isinstance(node, ast.Assign), "only assignments in the parameters cell"
        ast.literal_eval(node.value)  # a literal: nothing derived inside the parameters cell
        names |= {t.id for t in node.targets}
    assert {"raw_dir", "processed_dir", "figures_dir"} <= names
    assert "year" in names or "years" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_definitions_or_parsing_in_cells(path):
    for cell in cells(path):
        if cell["cell_type"] != "code":
            continue
        tree = ast.parse(code(cell))
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda), path.name
            assert not isinstance(node, ast.For | ast.While), f"{path.name}: logic in a cell"
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"read_csv", "read_text", "split", "findall"}, path.name
