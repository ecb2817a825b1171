"""What a reader gets from a real build of 2020: complete, self-contained reports.

Uses the session's shared CLI build of the shipped report (tests/conftest.py)."""

import json
import re

import pytest

from apanalysis.build import pipeline

pytestmark = pytest.mark.slow

SECTIONS = {
    "criteria": [
        "Task-level criteria",
        "Status by task",
        "Measure-level target vs result",
        "Not or partially implemented, with reasons",
        "Institution scorecard",
        "Municipality results",
    ],
    "spending": [
        "Planned vs spent per task",
        "Per-task sums vs stated totals",
        "Amounts named per measure and action",
        "Unused funds and why",
    ],
    "covid": ["by task", "Pandemic vs other reasons"],
    "assessment": [
        "The narrative's claims, recomputed",
        "Achieved values and flagged rows",
        "Reported vs assessed implementation rate per task",
        "Findings",
    ],
}


def html(build, name):
    return (build.reports / "2020" / f"{name}.html").read_text(encoding="utf-8")


def test_every_report_and_the_index_exist(build_2020):
    names = {p.stem for p in (build_2020.reports / "2020").glob("*.html")}
    assert names == set(pipeline.NOTEBOOKS)
    index = (build_2020.reports / "index.html").read_text(encoding="utf-8")
    for name in pipeline.NOTEBOOKS:
        assert f'href="2020/{name}.html"' in index


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_title_year_and_sections(build_2020, name):
    page = html(build_2020, name)
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "2020" in title and "Trafficking in Human Beings" in title
    for section in SECTIONS[name]:
        assert section in page, f"{name}: section {section!r} missing"
    assert page.count('href="#') >= 3  # the table of contents


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_figures_embedded_no_code_no_errors_no_remote_assets(build_2020, name):
    page = html(build_2020, name)
    assert re.search(r'<img[^>]+src="data:image/(png|svg\+xml);base64,', page)
    assert "No description has been provided" not in page  # every figure has alt text
    assert "hl-ipython3" not in page and "import apanalysis" not in page  # no code cell
    assert "Traceback" not in page and "jp-OutputArea-output jp-error" not in page
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=[\"']https?://", page)


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_executed_notebooks_have_no_error_outputs(build_2020, name):
    nb = json.loads((build_2020.reports / "2020" / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{name}: {output.get('evalue')}"


def test_takeaways_are_computed_from_the_data(build_2020):
    # criteria: "17 of 53 measures and actions (32 %) were not implemented and 4 (8 %) partially"
    # — counted by hand from the annex (see test_backtest_2020.test_rows_per_status)
    page = html(build_2020, "criteria")
    assert re.search(r"17 of 53 measures and actions \(32\s?%\) were not implemented", page)
    # spending: planned 29,3 + 43,9 + 281,4 + 341,6 = 696,2 tūkst. EUR vs the stated 696,7
    assert "696,200" in html(build_2020, "spending")


@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_each_figure_on_a_page_is_its_png_file_at_the_size_of_a_110_dpi_drawing(build_2020, name):
    """The page shows the file in figures/2020/ byte for byte (one drawing for both), with the
    width and height a 110-dpi drawing of it had (the file is 150 dpi: sharper in print)."""
    import base64

    from PIL import Image

    files = {p.read_bytes(): p for p in (build_2020.figures / "2020").glob("*.png")}
    images = re.findall(r"<img [^>]*>", html(build_2020, name))
    assert images
    for attributes in images:
        png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', attributes)[1])
        assert png in files, "a figure on the page is not one of the saved files"
        width, height = Image.open(files[png]).size
        assert f'width="{round(width * 110 / 150)}"' in attributes
        assert f'height="{round(height * 110 / 150)}"' in attributes


def test_figures_written_as_png_and_svg(build_2020):
    pngs = {p.stem for p in (build_2020.figures / "2020").glob("*.png")}
    svgs = {p.stem for p in (build_2020.figures / "2020").glob("*.svg")}
    assert pngs == svgs and len(pngs) >= 8
