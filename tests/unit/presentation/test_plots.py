"""Figures on the fixture summaries: right bars, right labels, files written atomically."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from helpers.analysis_fixtures import REASON_LABELS, measures, municipal, tasks
from matplotlib.figure import Figure

from apanalysis.analysis import covid as cv
from apanalysis.analysis import criteria as cr
from apanalysis.analysis import spending as sp
from apanalysis.presentation import figure_files, plots


def _bar_widths(fig: Figure, color: str) -> list[float]:
    from matplotlib.colors import to_hex

    ax = fig.axes[0]
    return [p.get_width() for p in ax.patches if to_hex(p.get_facecolor()) == color.lower()]


def test_palette_and_labels_in_one_place():
    assert plots.STATUS_COLORS["implemented"] == "#0072B2"
    assert plots.STATUS_COLORS["partially"] == "#E69F00"
    assert plots.STATUS_COLORS["not_implemented"] == "#D55E00"
    assert plots.STATUS_LABELS == {
        "implemented": "Įgyvendinta",
        "partially": "Iš dalies",
        "not_implemented": "Neįgyvendinta",
        "not_planned": "Neplanuota",
    }
    assert plots.status_label("partially") == "Iš dalies (partially)"


def test_status_by_task_bars_and_legend():
    fig = plots.status_by_task(cr.status_counts(measures()), year=2020)
    assert isinstance(fig, Figure)
    # implemented per task: 2, 1, 1, 2; not implemented: 1, 2, 0, 1
    assert _bar_widths(fig, plots.STATUS_COLORS["implemented"]) == [2, 1, 1, 2]
    assert _bar_widths(fig, plots.STATUS_COLORS["not_implemented"]) == [1, 2, 0, 1]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [
        "Įgyvendinta (implemented)",
        "Iš dalies (partially)",
        "Neįgyvendinta (not implemented)",
    ]
    assert fig.axes[0].get_title(loc="left").startswith("Implementation status")


def test_institution_scorecard_one_bar_row_per_institution():
    card = cr.institution_scorecard(measures())
    fig = plots.institution_scorecard(card)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [str(i) for i in card.index]
    assert _bar_widths(fig, plots.STATUS_COLORS["implemented"])[0] == 3  # VRM


def test_municipal_heatmap_handles_missing_cells_and_not_planned():
    muni = municipal()
    muni.loc[1, "status"] = "not_planned"
    fig = plots.municipal_heatmap(cr.municipal_matrix(muni))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Alytaus r.", "Kauno m.", "Vilniaus m."]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Neplanuota (not planned)" in legend and legend[-1] == "not reported"


def test_budget_figures():
    budget = sp.task_budget(tasks(), total=True)
    fig = plots.planned_vs_spent(budget)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == pytest.approx([29.3, 43.9, 281.4, 341.6, 10.0, 35.0, 281.7, 9.98])
    fig = plots.execution_rate(budget)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert len(heights) == 4  # the "all tasks" row is not a bar
    assert heights[2] == pytest.approx(281700 / 281400 * 100)


def test_covid_figures():
    fig = plots.covid_by_task(cv.covid_by(measures(), "task"))
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == [2, 1, 1, 1, 2, 2, 1, 2]  # citing, then not citing, per task
    reasons = cv.reason_counts(measures(), labels=REASON_LABELS)
    fig = plots.covid_vs_other(reasons)
    assert [p.get_width() for p in fig.axes[0].patches] == [4, 2, 1]


def test_save_figure_writes_png_and_svg(tmp_path):
    fig = plots.status_by_task(cr.status_counts(measures()))
    paths = plots.save_figure(fig, tmp_path, 2020, "status_by_task")
    folder = tmp_path / "2020"
    assert paths == [folder / "status_by_task.png", folder / "status_by_task.svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in paths[1].read_text(encoding="utf-8")[:500]
    assert sorted(p.name for p in (tmp_path / "2020").iterdir()) == [
        "status_by_task.png",
        "status_by_task.svg",
    ]  # no temporary files left behind


def test_a_saved_figure_is_shown_from_its_png_file_without_drawing_it_again(tmp_path):
    from PIL import Image as PILImage

    from apanalysis.presentation import display

    fig = plots.status_by_task(cr.status_counts(measures()))
    saved = plots.save_figure(fig, tmp_path, 2020, "status_by_task")
    width, height = PILImage.open(saved[0]).size

    def no_more_drawing(*args, **kwargs):
        raise AssertionError("the figure was drawn again")

    fig.savefig = no_more_drawing
    shown = display.figure(fig, saved)
    assert shown.data == saved[0].read_bytes()
    _, metadata = shown._repr_png_()
    # the 150-dpi file, at the size a 110-dpi drawing would have on the page
    assert metadata["width"] == round(width * 110 / 150)
    assert metadata["height"] == round(height * 110 / 150)
    assert metadata["alt"] == display.figure_title(fig) != ""


def test_png_size_reads_the_header_and_refuses_other_data(tmp_path):
    from PIL import Image as PILImage

    PILImage.new("RGB", (37, 11)).save(tmp_path / "x.png")
    assert figure_files.png_size((tmp_path / "x.png").read_bytes()) == (37, 11)
    with pytest.raises(ValueError):
        figure_files.png_size(b"<svg></svg>")


def test_save_figure_keeps_old_file_when_drawing_fails(tmp_path):
    target = tmp_path / "2020" / "broken.png"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"old")
    fig = Figure()

    def boom(*args, **kwargs):
        raise RuntimeError("draw failed")

    fig.savefig = boom
    with pytest.raises(RuntimeError):
        plots.save_figure(fig, tmp_path, 2020, "broken")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["broken.png"]


def test_empty_inputs_still_give_figures():
    empty = pd.DataFrame(columns=["reason", "label", "group", "rows"])
    assert isinstance(plots.covid_vs_other(empty), Figure)


def test_import_apanalysis_does_not_import_matplotlib():
    code = (
        "import sys, apanalysis, apanalysis.analysis.criteria, apanalysis.analysis.spending, "
        "apanalysis.analysis.covid, apanalysis.presentation.takeaways; "
        "print('matplotlib' in sys.modules, 'seaborn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
