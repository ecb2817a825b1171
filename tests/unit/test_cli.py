"""The command line: exit codes and one-line errors."""

import shutil
import subprocess
import sys

from apanalysis import paths
from apanalysis.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "apanalysis.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parse_writes_processed_tables(tmp_path, capsys):
    assert main(["parse", "--processed-dir", str(tmp_path)]) == 0
    assert (tmp_path / "2020" / "measures.csv").is_file()
    assert "2020: 53 measure/action rows" in capsys.readouterr().out


def test_validate_exits_zero_on_the_shipped_report(capsys):
    assert main(["validate", "--year", "2020"]) == 0
    assert "2020: 53 rows, 0 problems" in capsys.readouterr().out


def test_validate_lists_problems_with_file_and_line(tmp_path, capsys):
    folder = tmp_path / "2020"
    folder.mkdir()
    text = (paths.RAW_DIR / "2020" / "report.txt").read_text(encoding="utf-8")
    text = text.replace("<i>Neįgyvendinta.</i> Dėl COVID-19", "<i>Vykdoma.</i> Dėl COVID-19", 1)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    assert main(["validate", "--raw-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{folder / 'report.txt'}:132: 01.01.01: unknown status word" in out


def test_user_error_is_one_line_without_traceback(tmp_path):
    result = run_cli("parse", "--raw-dir", str(tmp_path / "none"), "--year", "2020")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "no folder for year 2020 (years found: none)" in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    result = run_cli("parse", "--raw-dir", str(tmp_path), "--year", "2020", "--debug")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_year_must_be_an_integer_in_range():
    assert run_cli("validate", "--year", "20x").returncode == 2
    assert "outside" in run_cli("validate", "--year", "1066").stderr


def test_two_reports_in_a_year_folder(tmp_path):
    shutil.copytree(paths.RAW_DIR / "2020", tmp_path / "2020")
    (tmp_path / "2020" / "copy.md").write_text("x", encoding="utf-8")
    result = run_cli("validate", "--raw-dir", str(tmp_path))
    assert result.returncode == 2
    assert "more than one report file in the year folder: copy.md, report.txt" in result.stderr


def test_a_ctrl_c_after_the_interrupt_message_does_not_kill_the_exit():
    """The second Ctrl-C of a double Ctrl-C can arrive while the interpreter shuts down (it joins
    the kernels' threads): the exit status stays 130, never death by SIGINT (-2)."""
    code = (
        "import os, signal, sys, time\n"
        "from apanalysis import cli\n"
        "def interrupted(args):\n"
        "    raise KeyboardInterrupt\n"
        "cli.COMMANDS['validate'] = interrupted\n"
        "status = cli.main(['validate'])\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "time.sleep(0.2)\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip().splitlines() == [
        "apanalysis: interrupted (no temporary file left behind)"
    ]
