"""Reading raw files: encodings, line ends, annex marker, heading year, bad files."""

from pathlib import Path

import pytest

from apanalysis.errors import ApanalysisError
from apanalysis.source.reader import find_report, read_report

REPORT = (
    "## KOMISIJOS 2021 METŲ VEIKLOS ATASKAITA\n"
    "Tekstas apie 2020–2022 metų planą.\n"
    "Priedas.\n"
    "01.01.01\tVeikla\tVRM\tSkaičius\u00a0– 2\t<b>Įgyvendinta.</b>\n"
)


def write(tmp_path: Path, data: bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_crlf(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + REPORT.replace("\n", "\r\n").encode())
    source = read_report(path, expected_year=2021)
    assert source.lines[0].startswith("## KOMISIJOS")
    assert source.annex_start == 3
    assert source.annex == [(4, "01.01.01\tVeikla\tVRM\tSkaičius – 2\t<b>Įgyvendinta.</b>")]


def test_windows_1257_is_read(tmp_path):
    path = write(tmp_path, REPORT.encode("cp1257"))
    source = read_report(path)
    assert source.encoding == "cp1257"
    assert "Įgyvendinta" in source.lines[3]


def test_heading_year_must_match_the_folder(tmp_path):
    path = write(tmp_path, REPORT.encode())
    with pytest.raises(ApanalysisError, match="names 2021, but it is in the folder for 2020") as e:
        read_report(path, expected_year=2020)
    assert e.value.line == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"## Ataskaita\nbe priedo\n", "no annex"),
        (b"\xff\xfe\xfa\x00x", "binary file"),
        (b"Ataskaita caf\xe9\nPriedas.\n", "not UTF-8"),
    ],
)
def test_bad_files_are_refused_with_a_clear_error(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(ApanalysisError, match=message) as e:
        read_report(path)
    assert str(path) in e.value.one_line()


def test_year_folder_must_hold_exactly_one_report(tmp_path):
    (tmp_path / "2020").mkdir()
    with pytest.raises(ApanalysisError, match="no report file"):
        find_report(2020, tmp_path)
    write(tmp_path / "2020", b"x", "README.md")
    write(tmp_path / "2020", b"x", "a.txt")
    assert find_report(2020, tmp_path).name == "a.txt"
    write(tmp_path / "2020", b"x", "b.md")
    with pytest.raises(
        ApanalysisError, match="more than one report file in the year folder: a.txt, b.md"
    ):
        find_report(2020, tmp_path)


def test_missing_year_lists_the_years_found(tmp_path):
    (tmp_path / "2020").mkdir()
    with pytest.raises(ApanalysisError, match=r"no folder for year 2023 \(years found: 2020\)"):
        find_report(2023, tmp_path)
