"""The package's architecture rules (tools/structure.py): rooms, sizes, one-way imports."""

from __future__ import annotations

import ast
import importlib.util
import re

import pytest
from helpers import PROJECT_ROOT

SPEC = importlib.util.spec_from_file_location("structure", PROJECT_ROOT / "tools" / "structure.py")
structure = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(structure)
PACKAGE = structure.PACKAGE


def test_every_rule_holds():
    assert structure.violations() == []


def test_top_level_is_small_and_the_rest_is_in_named_rooms():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= structure.MAX_TOP_LEVEL_MODULES, top
    rooms = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert rooms == [
        "analysis",
        "build",
        "presentation",
        "source",
        "tables",
        "vocabulary",
        "workspace",
    ]


def test_cycles_are_found():
    assert structure.cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    assert structure.cycles({"a": {"b"}, "b": set()}) == []


def test_an_upward_import_is_reported(tmp_path, monkeypatch):
    fake = tmp_path / "apanalysis"
    for room in ("vocabulary", "analysis"):
        (fake / room).mkdir(parents=True)
        (fake / room / "__init__.py").write_text("")
    (fake / "__init__.py").write_text("")
    (fake / "vocabulary" / "words.py").write_text("from apanalysis.analysis import x\n")
    monkeypatch.setattr(structure, "PACKAGE", fake)
    assert any("upward" in problem for problem in structure.violations())


STATUS_CODES = {"implemented", "partially", "not_implemented", "not_planned"}


def _status_collections(path) -> list[int]:
    """Line numbers of tuple/list/set literals, or dicts keyed by literals, that name two or more
    status codes: a list (or a mapping) of the statuses spelled out again."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            elements = node.elts
        elif isinstance(node, ast.Dict):
            elements = [key for key in node.keys if key is not None]
        else:
            continue
        values = {e.value for e in elements if isinstance(e, ast.Constant)}
        if len(values & STATUS_CODES) >= 2:
            found.append(node.lineno)
    return found


def test_the_status_list_is_spelled_out_once():
    places = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _status_collections(path))
    }
    assert places == {}, places  # vocabulary/status.py names each code once, in constants
    status = (PACKAGE / "vocabulary" / "status.py").read_text(encoding="utf-8")
    assert "STATUSES = (IMPLEMENTED, PARTIALLY, NOT_IMPLEMENTED)" in status


@pytest.mark.parametrize("room", ["analysis"])
def test_analysis_reads_no_files(room):
    opening = re.compile(r"\b(open|read_csv|read_parquet|read_text|read_bytes|load_year)\(")
    for path in (PACKAGE / room).rglob("*.py"):
        assert not opening.search(path.read_text(encoding="utf-8")), path
