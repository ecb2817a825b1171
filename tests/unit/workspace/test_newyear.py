"""A new year's raw folder with its README (``apanalysis new-year``)."""

import pytest

from apanalysis.cli import main
from apanalysis.errors import ApanalysisError
from apanalysis.paths import available_years, report_candidates
from apanalysis.workspace.newyear import create_year_folder


def test_creates_the_folder_with_a_readme(tmp_path):
    folder = create_year_folder(2021, raw_dir=tmp_path)
    assert folder == tmp_path / "2021"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# 2021 report")
    for words in (
        "exactly one",
        "`.txt` or `.md`",
        "UTF-8",
        "2021 METŲ VEIKLOS ATASKAITA",  # the heading must name the year
        "data/raw/2020/report.txt",  # the layout to follow
        "Priedas.",
        "apanalysis validate --year 2021",
        "make reports",
    ):
        assert words in readme, words
    # the README is not taken for a report, and the year is found
    assert report_candidates(folder) == []
    assert available_years(tmp_path) == [2021]


def test_an_existing_readme_is_kept_and_a_second_call_is_harmless(tmp_path):
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / "README.md").write_text("my notes", encoding="utf-8")
    create_year_folder(2021, raw_dir=tmp_path)
    create_year_folder(2021, raw_dir=tmp_path)
    assert (tmp_path / "2021" / "README.md").read_text(encoding="utf-8") == "my notes"


@pytest.mark.parametrize("name", ["report.txt", "ataskaita.md"])
def test_refuses_a_folder_that_already_has_a_report(tmp_path, name):
    (tmp_path / "2021").mkdir()
    (tmp_path / "2021" / name).write_text("x", encoding="utf-8")
    with pytest.raises(ApanalysisError, match=f"already has a report \\({name}\\)"):
        create_year_folder(2021, raw_dir=tmp_path)
    assert not (tmp_path / "2021" / "README.md").exists()


@pytest.mark.parametrize("year", [1999, 2101, "2021", True])
def test_refuses_a_bad_year(tmp_path, year):
    with pytest.raises(ApanalysisError, match="year"):
        create_year_folder(year, raw_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_refuses_a_file_in_the_folders_place(tmp_path):
    (tmp_path / "2021").write_text("x", encoding="utf-8")
    with pytest.raises(ApanalysisError, match="not a folder"):
        create_year_folder(2021, raw_dir=tmp_path)


def test_cli_new_year(tmp_path, capsys):
    assert main(["new-year", "2021", "--raw-dir", str(tmp_path)]) == 0
    assert "apanalysis validate --year 2021" in capsys.readouterr().out
    (tmp_path / "2021" / "report.txt").write_text("x", encoding="utf-8")
    assert main(["new-year", "2021", "--raw-dir", str(tmp_path)]) == 2
    assert "already has a report" in capsys.readouterr().err
