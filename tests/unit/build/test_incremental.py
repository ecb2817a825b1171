"""What makes a notebook run again, and what does not (the manifest under reports/)."""

import os
import shutil
from pathlib import Path

import pytest

from apanalysis import paths
from apanalysis.build import manifest, pipeline
from apanalysis.files import code_fingerprint

NAMES = ("criteria", "spending")


@pytest.fixture
def setup(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW_DIR / "2020", raw / "2020")
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    for name in NAMES:
        shutil.copy(paths.NOTEBOOKS_DIR / f"{name}.ipynb", nbs / f"{name}.ipynb")
    folders = {
        "raw": raw,
        "processed": tmp_path / "processed",
        "figures": tmp_path / "figures",
        "reports": tmp_path / "reports",
    }
    stale, _ = pipeline.plan([2020], NAMES, nbs, folders)
    for job in stale:  # pretend a build produced every output
        year_dir = folders["reports"] / "2020"
        year_dir.mkdir(parents=True, exist_ok=True)
        for ext in ("html", "ipynb"):
            (year_dir / f"{job.name}.{ext}").write_text("built", encoding="utf-8")
    manifest.record({}, stale, folders["reports"])
    return folders, nbs


def stale_names(folders, nbs, force=False):
    stale, current = pipeline.plan([2020], NAMES, nbs, folders, force)
    assert len(stale) + len(current) == len(NAMES)
    return sorted(job.name for job in stale)


def test_nothing_changed_nothing_runs(setup):
    folders, nbs = setup
    assert stale_names(folders, nbs) == []


def test_force_runs_everything(setup):
    folders, nbs = setup
    assert stale_names(folders, nbs, force=True) == sorted(NAMES)


def test_touching_files_without_changing_them_runs_nothing(setup):
    folders, nbs = setup
    for path in [folders["raw"] / "2020" / "report.txt", nbs / "criteria.ipynb"]:
        os.utime(path, (1, 1))
    assert stale_names(folders, nbs) == []


def test_a_changed_raw_report_reruns_every_notebook_of_the_year(setup):
    folders, nbs = setup
    report = folders["raw"] / "2020" / "report.txt"
    report.write_bytes(report.read_bytes() + b"\n")
    assert stale_names(folders, nbs) == sorted(NAMES)


def test_an_added_or_edited_annotations_file_reruns_the_year(setup):
    folders, nbs = setup
    assessment = folders["raw"] / "2020" / paths.ASSESSMENT_FILE
    assessment.write_text("code,action\n", encoding="utf-8")
    assert stale_names(folders, nbs) == sorted(NAMES)


def test_the_year_readme_does_not_matter(setup):
    folders, nbs = setup
    (folders["raw"] / "2020" / "README.md").write_text("edited", encoding="utf-8")
    assert stale_names(folders, nbs) == []


def test_a_changed_notebook_reruns_only_that_notebook(setup):
    folders, nbs = setup
    nb = nbs / "spending.ipynb"
    nb.write_text(nb.read_text(encoding="utf-8").replace("planned", "planned "), encoding="utf-8")
    assert stale_names(folders, nbs) == ["spending"]


def test_a_changed_library_reruns_everything(setup, monkeypatch):
    folders, nbs = setup
    monkeypatch.setattr("apanalysis.files.code_fingerprint", lambda: "changed")
    assert code_fingerprint() != "changed"
    assert stale_names(folders, nbs) == sorted(NAMES)


def test_changed_parameters_rerun(setup):
    folders, nbs = setup
    folders = {**folders, "figures": Path(folders["figures"]).parent / "elsewhere"}
    assert stale_names(folders, nbs) == sorted(NAMES)


def test_a_missing_output_reruns_that_notebook(setup):
    folders, nbs = setup
    (folders["reports"] / "2020" / "criteria.html").unlink()
    assert stale_names(folders, nbs) == ["criteria"]
