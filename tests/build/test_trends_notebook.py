"""The trends notebook runs with papermill on two years: 2020 and the synthetic 2021 fixture."""

from __future__ import annotations

import json
import shutil

import pytest
from helpers import FIXTURES_DIR

from apanalysis import paths

FIXTURE_2021 = FIXTURES_DIR / "years" / "edited_crlf" / "2021"
NOTEBOOK = paths.NOTEBOOKS_DIR / "trends.ipynb"


def test_parameters_cell_is_plain():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    (cell,) = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert "".join(cell["source"]).splitlines() == [
        "years = [2020]",
        "raw_dir = None",
        "processed_dir = None",
        "figures_dir = None",
    ]
    assert nb["cells"][0] == cell
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "def " not in code and "lambda" not in code and "for " not in code


@pytest.mark.slow
def test_runs_on_two_years(tmp_path):
    from apanalysis.build.execution import execute, kernel_name

    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR / "2020", raw / "2020")
    shutil.copytree(FIXTURE_2021, raw / "2021")
    out = tmp_path / "trends.ipynb"
    execute(
        NOTEBOOK,
        out,
        {
            "years": "[2020, 2021]",
            "raw_dir": str(raw),
            "processed_dir": str(tmp_path / "proc"),
            "figures_dir": str(tmp_path / "figs"),
        },
        kernel_name(),
        paths.NOTEBOOKS_DIR,
    )
    executed = json.loads(out.read_text(encoding="utf-8"))
    markdown = [
        "".join(o["data"]["text/markdown"])
        for c in executed["cells"]
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    ]
    assert markdown[0].endswith("trends across years, 2020–2021")
    # from the fixture's edits (tests/fixtures/years/edited_crlf/expected.json)
    assert "2020→2021: 3 became implemented, 1 no longer implemented, 2 added and 1 dropped." in (
        " ".join(markdown)
    )
    names = sorted(p.name for p in (tmp_path / "figs" / "trends" / "2021").iterdir())
    assert names == sorted(
        f"{n}.{ext}"
        for n in (
            "implementation_rates",
            "spending_by_year",
            "covid_share_by_year",
            "change_counts",
        )
        for ext in ("png", "svg")
    )
    assert not (tmp_path / "proc").exists()  # the notebook only reads
