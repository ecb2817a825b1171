"""Two years side by side, the trends report, and evaluator annotations shown in the reports."""

import shutil

import pytest

from apanalysis import paths
from apanalysis.build import pipeline
from apanalysis.workspace.annotations import write_template

pytestmark = pytest.mark.slow

FIXTURE_2021 = paths.PROJECT_ROOT / "tests" / "fixtures" / "years" / "edited_crlf" / "2021"


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    root = tmp_path_factory.mktemp("two-years")
    folders = {name: root / name for name in ("raw", "processed", "figures", "reports")}
    shutil.copytree(paths.RAW_DIR / "2020", folders["raw"] / "2020")
    shutil.copytree(FIXTURE_2021, folders["raw"] / "2021")
    built = pipeline.build([2020, 2021], **{f"{k}_dir": v for k, v in folders.items()})
    return folders, built


def test_both_years_and_the_trends_report_are_built(two_years):
    folders, built = two_years
    reports = folders["reports"]
    assert len(built) == 2 * len(pipeline.NOTEBOOKS) + 1
    assert (reports / "trends" / "trends.html").is_file()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert 'href="trends/trends.html"' in index
    assert 'href="2021/criteria.html"' in index and 'href="2020/criteria.html"' in index
    assert "2021" in (reports / "2021" / "criteria.html").read_text(encoding="utf-8")[:5000]
    trends = (reports / "trends" / "trends.html").read_text(encoding="utf-8")
    assert "2020" in trends and "2021" in trends


def test_nothing_changed_nothing_runs(two_years, capsys):
    folders, _ = two_years
    assert pipeline.build([2020, 2021], **{f"{k}_dir": v for k, v in folders.items()}) == []
    out = capsys.readouterr().out
    assert "[2020] up to date" in out and "[trends] up to date" in out


def test_annotations_rerun_their_year_and_show_as_assessed(two_years, capsys):
    folders, _ = two_years
    path = write_template(2020, raw_dir=folders["raw"], processed_dir=folders["processed"])
    text = path.read_text(encoding="utf-8")
    # 01.01.07 (line 141) is reported implemented; the evaluator judges it partially done
    text = text.replace(
        "01.01.07,,2,implemented,,", "01.01.07,,2,partially,GP held no meeting,Evaluator E."
    )
    path.write_text(text, encoding="utf-8")
    built = pipeline.build([2020, 2021], **{f"{k}_dir": v for k, v in folders.items()})
    names = sorted(p.relative_to(folders["reports"]).as_posix() for p in built)
    # only 2020's notebooks and the trends report depend on 2020's annotations
    assert names == sorted([f"2020/{n}.html" for n in pipeline.NOTEBOOKS] + ["trends/trends.html"])
    page = (folders["reports"] / "2020" / "assessment.html").read_text(encoding="utf-8")
    assert "GP held no meeting" in page or "Evaluator E." in page
    assert "assessed" in page.lower()
