"""Bad input through the command line: one clear line naming the file (and line), never a crash.

Each case builds a raw folder under ``tmp_path`` and runs ``python -m apanalysis.cli`` in a
subprocess. A refused file exits 2 with exactly one stderr line ``apanalysis: error: PATH[:LINE]:
message`` and no traceback (``--debug`` shows the traceback instead). Problems inside a readable
report are not errors: ``validate`` lists them as ``PATH:LINE: message`` and exits 1.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.e2e import run_cli, run_cli_twice

from apanalysis import paths
from apanalysis.errors import ApanalysisError
from apanalysis.source import reader

SOURCE = paths.RAW_DIR / "2020" / "report.txt"
#: Longest stderr line accepted as "short" (the temporary paths in it are long themselves).
MAX_LINE = 300


def report_lines() -> list[str]:
    return SOURCE.read_text(encoding="utf-8").split("\n")


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def raw(tmp_path) -> Path:
    """``tmp_path/raw`` with an empty 2020 folder."""
    (tmp_path / "raw" / "2020").mkdir(parents=True)
    return tmp_path / "raw"


def assert_one_line_error(args: list, expected: str | Callable[[str], bool]) -> str:
    """Run the CLI: exit 2, exactly ``apanalysis: error: <expected>`` on stderr, no traceback;
    then again with ``--debug``: a traceback. Returns the message."""
    result, debug = run_cli_twice(args, [*args, "--debug"])
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert "Traceback" not in result.stderr
    line = result.stderr.rstrip("\n")
    assert len(line) <= MAX_LINE, line
    prefix = "apanalysis: error: "
    assert line.startswith(prefix), line
    message = line[len(prefix) :]
    if callable(expected):
        assert expected(message), message
    else:
        assert message == expected
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr
    assert "ApanalysisError" in debug.stderr
    return message


def assert_listed_problem(raw: Path, expected: str) -> None:
    """``validate`` exits 1, prints ``expected`` as one of its lines and nothing on stderr."""
    result = run_cli("validate", "--raw-dir", raw)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr == ""
    assert expected in result.stdout.splitlines(), result.stdout


# --- files refused before parsing ---------------------------------------------------------------


def test_missing_year_folder_lists_the_years_found(raw):
    (raw / "2019").mkdir()
    assert_one_line_error(
        ["validate", "--raw-dir", raw, "--year", "2021"],
        f"{raw}: no folder for year 2021 (years found: 2019, 2020)",
    )


def test_empty_file(raw):
    path = raw / "2020" / "report.txt"
    path.write_bytes(b"")
    assert_one_line_error(["validate", "--raw-dir", raw], f"{path}: empty file")


def test_binary_file(raw):
    path = raw / "2020" / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00stream")
    assert_one_line_error(
        ["validate", "--raw-dir", raw],
        f"{path}: binary file, not a text report: it is a PDF — name it .pdf",
    )


def test_file_that_is_not_utf8_names_the_line(raw):
    # Latin-1 "é": not UTF-8, and its Windows-1257 reading has no Lithuanian letter
    path = raw / "2020" / "report.txt"
    path.write_bytes(b"## 2020 METAI\nCaf\xe9 au lait\nPriedas.\n")
    assert_one_line_error(
        ["validate", "--raw-dir", raw], f"{path}:2: not UTF-8 (nor Windows-1257) text"
    )


def test_utf8_file_with_one_bad_byte_names_its_line(raw):
    # not read as Windows-1257 gibberish: the rest of the file is UTF-8
    lines = report_lines()
    number = 140
    head = "\n".join(lines[: number - 1]).encode() + b"\n"
    path = raw / "2020" / "report.txt"
    path.write_bytes(head + b"\x9c" + "\n".join(lines[number - 1 :]).encode())
    assert_one_line_error(
        ["validate", "--raw-dir", raw],
        lambda m: m.startswith(f"{path}:{number}: not valid UTF-8") and "0x9C" in m,
    )


def test_report_without_its_annex(raw):
    lines = report_lines()
    start = lines.index("Priedas.")
    path = write_lines(raw / "2020" / "report.txt", lines[:start])
    assert_one_line_error(
        ["validate", "--raw-dir", raw],
        f"{path}: no annex: the line 'Priedas.' that starts it was not found",
    )


def test_heading_naming_another_year(raw):
    lines = report_lines()
    assert "2020 METŲ VEIKLOS ATASKAITA" in lines[2]
    lines[2] = lines[2].replace("2020 METŲ", "2019 METŲ")
    path = write_lines(raw / "2020" / "report.txt", lines)
    assert_one_line_error(
        ["parse", "--raw-dir", raw, "--processed-dir", raw.parent / "processed"],
        f"{path}:3: the report's heading names 2019, but it is in the folder for 2020",
    )
    assert not (raw.parent / "processed").exists()


def test_two_report_files_in_one_year_folder(raw):
    folder = raw / "2020"
    write_lines(folder / "report.txt", report_lines())
    write_lines(folder / "ataskaita.md", report_lines())
    (folder / "README.md").write_text("notes\n", encoding="utf-8")  # not a report
    assert_one_line_error(
        ["validate", "--raw-dir", raw],
        f"{folder}: more than one report file in the year folder: ataskaita.md, report.txt",
    )


def test_very_large_file_is_refused_at_once(raw):
    path = raw / "2020" / "report.txt"
    size = reader.MAX_REPORT_BYTES + 1
    with path.open("wb") as handle:  # sparse: nothing is written but its last byte
        handle.seek(size - 1)
        handle.write(b"\n")
    start = time.perf_counter()
    with pytest.raises(ApanalysisError, match="over the limit"):
        reader.read_report(reader.find_report(2020, raw), expected_year=2020)
    assert time.perf_counter() - start < 0.2  # refused by its size: never read
    assert_one_line_error(
        ["validate", "--raw-dir", raw],
        f"{path}: file is {size:,} bytes, over the limit of {reader.MAX_REPORT_BYTES:,} bytes "
        f"(20 MiB)",
    )


# --- problems inside a readable report: listed by validate, with their line ---------------------


def test_annex_cut_off_mid_row(raw):
    lines = report_lines()
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("01.01.07\t"))
    lines = lines[:number]
    lines[-1] = "\t".join(lines[-1].split("\t")[:3])  # code, title and institution: no result
    path = write_lines(raw / "2020" / "report.txt", lines)
    result = run_cli("validate", "--raw-dir", raw)
    assert result.returncode == 1 and result.stderr == ""
    problems = [line for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert len(problems) == 1, result.stdout
    assert problems[0].startswith(f"{path}:{number}: 01.01.07: ")
    assert problems[0].endswith("row not read")


def test_unknown_status_word_on_an_action_row(raw):
    lines = report_lines()
    number = next(n for n, line in enumerate(lines, 1) if "<i>2 veiksmas.</i>" in line)
    cells = lines[number - 1].split("\t")
    assert cells[4].startswith("<i>Įgyvendinta.</i> Komisijos")
    cells[4] = cells[4].replace("<i>Įgyvendinta.</i>", "<i>Įvykdyta.</i>", 1)
    lines[number - 1] = "\t".join(cells)
    path = write_lines(raw / "2020" / "report.txt", lines)
    assert_listed_problem(
        raw,
        f"{path}:{number}: 01.01.01 action 2: unknown status word 'Įvykdyta. Komisijos veiklos': "
        "row not read",
    )


def test_duplicated_code(raw):
    lines = report_lines()
    first = next(n for n, line in enumerate(lines, 1) if line.startswith("01.01.05\t"))
    second = next(n for n, line in enumerate(lines, 1) if line.startswith("01.01.06\t"))
    lines[second - 1] = lines[second - 1].replace("01.01.06", "01.01.05", 1)
    path = write_lines(raw / "2020" / "report.txt", lines)
    assert_listed_problem(
        raw, f"{path}:{second}: duplicated row 01.01.05 (first at line {first}): row not read"
    )


# --- the evaluator's annotations file ----------------------------------------------------------

HEADER = "code,action,achieved_value,evaluator_status,comment,evaluator"


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        (["01.01.01,,1,implemented,,", "01.01.01,1,,maybe,,"], 3, ["evaluator_status", "'maybe'"]),
        (
            ["01.01.01,,1,implemented,,", '01.01.01,1,,"implemented,,', "01.01.01,2,,,,"],
            3,
            ["malformed CSV", "never closed"],
        ),
        (["01.01.01,,1,implemented,,", "99.99.99,,,,,"], 3, ["unknown measure/action '99.99.99'"]),
        (["01.01.01,,lots,implemented,,"], 2, ["achieved_value must be a number", "'lots'"]),
    ],
    ids=["status", "unclosed-quote", "unknown-code", "value"],
)
def test_malformed_assessment_file(raw, rows, line, words):
    write_lines(raw / "2020" / "report.txt", report_lines())
    path = raw / "2020" / paths.ASSESSMENT_FILE
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    message = assert_one_line_error(
        ["validate", "--raw-dir", raw],
        lambda m: m.startswith(f"{path}:{line}: ") and all(w in m for w in words),
    )
    assert message


def test_assessment_file_in_windows_1257_is_read(raw):
    # Excel with Lithuanian settings may save "CSV" in Windows-1257: 0xE0 0xE8 are "ą" "č"
    write_lines(raw / "2020" / "report.txt", report_lines())
    path = raw / "2020" / paths.ASSESSMENT_FILE
    path.write_bytes(HEADER.encode() + b"\n01.01.01,,1,implemented,Pastaba \xe0\xe8,\n")
    result = run_cli("validate", "--raw-dir", raw)
    assert result.returncode == 0, result.stderr
    from apanalysis.workspace.annotations import read_assessment

    assert read_assessment(2020, raw_dir=raw)["comment"].tolist() == ["Pastaba ąč"]
