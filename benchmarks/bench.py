"""Benchmark: parse, cold build, no-change rebuild, the naive CLI baseline, and a 20x report.

All timings of one run come from the same machine state, interleaved where they are compared, so
the ratios are meaningful on a shared, noisy machine; absolute times are not. Run ``make bench``.

    (a) parse the 2020 report in-process (memoised helpers cleared before each repetition)
    (b) cold build of one year: ``apanalysis build --force``
    (c) rebuild with nothing changed: ``apanalysis build``
    (d) naive baseline: ``apanalysis parse``, then for each notebook the papermill CLI and then
        ``jupyter nbconvert --to html --no-input``, one after another
    (e) scale: a synthetic report 20x larger (benchmarks/make_large_report.py): parse, one build,
        the size of each HTML report
    (f) the report as published (tests/fixtures/published/): reading the Word file and the PDF
        into the document model, parsing each into tables, and a no-change rebuild of a year
        whose report is the PDF (the tables are cached by the file's hash)

``--formats`` runs (f) only.

Results are printed and written to benchmarks/out/results.json (not committed).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from apanalysis import paths
from apanalysis.build.pipeline import NOTEBOOKS
from apanalysis.files import clear_caches
from apanalysis.source.reader import read_document
from apanalysis.tables.assemble import parse_year

OUT = paths.PROJECT_ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
YEAR = 2020
TARGETS = {
    "parse_ms": ("<=", 50.0),
    "cold_over_naive": ("<=", 0.33),
    "rebuild_s": ("<=", 0.5),
    "peak_memory_mb": ("<=", 1500.0),
    "large_parse_s": ("<=", 1.0),
    "large_html_max_mb": ("<=", 10.0),
    "docx_read_s": ("<=", 0.5),
    "pdf_read_s": ("<=", 3.0),
    "pdf_rebuild_s": ("<=", 0.5),
}
PUBLISHED = paths.PROJECT_ROOT / "tests" / "fixtures" / "published"


def folders(name: str) -> dict[str, Path]:
    root = OUT / name
    return {key: root / key for key in ("raw", "processed", "figures", "reports")}


def dir_args(f: dict[str, Path]) -> list[str]:
    return [f"--{key}-dir={value}" for key, value in f.items()]


class PeakMemory:
    """Samples the summed RSS of a process and all its children (kernels included)."""

    def __init__(self, process: subprocess.Popen, every: float = 0.05):
        self.root = psutil.Process(process.pid)
        self.peak = 0
        self.every = every
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                tree = [self.root, *self.root.children(recursive=True)]
                total = 0
                for proc in tree:
                    try:
                        total += proc.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(self.every)


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one command; a failure stops the benchmark."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process)
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode:
        sys.exit(f"benchmark command failed: {' '.join(command)}\n{err.decode()[-2000:]}")
    return seconds, memory.peak / 1e6


def build_command(f: dict[str, Path], force: bool) -> list[str]:
    return [str(BIN / "apanalysis"), "build", f"--year={YEAR}", *dir_args(f)] + (
        ["--force"] if force else []
    )


def naive_commands(f: dict[str, Path]) -> list[list[str]]:
    commands = [[str(BIN / "apanalysis"), "parse", f"--year={YEAR}", *dir_args(f)[:2]]]
    out = f["reports"] / "naive"
    for name in NOTEBOOKS:
        executed = out / f"{name}.ipynb"
        commands.append(
            [
                str(BIN / "papermill"),
                str(paths.NOTEBOOKS_DIR / f"{name}.ipynb"),
                str(executed),
                "-k",
                "apanalysis",
                "--cwd",
                str(paths.NOTEBOOKS_DIR),
                "-p",
                "year",
                str(YEAR),
                "-p",
                "raw_dir",
                str(f["raw"]),
                "-p",
                "processed_dir",
                str(f["processed"]),
                "-p",
                "figures_dir",
                str(f["figures"]),
            ]
        )
        commands.append(
            [
                str(BIN / "jupyter"),
                "nbconvert",
                "--to",
                "html",
                "--no-input",
                str(executed),
            ]
        )
    return commands


def naive_run(f: dict[str, Path]) -> tuple[float, float]:
    (f["reports"] / "naive").mkdir(parents=True, exist_ok=True)
    seconds = peak = 0.0
    for command in naive_commands(f):
        s, m = timed(command)
        seconds, peak = seconds + s, max(peak, m)
    return seconds, peak


def parse_ms(raw_dir: Path, repetitions: int) -> float:
    times = []
    for _ in range(repetitions):
        clear_caches()
        start = time.perf_counter()
        parse_year(YEAR, raw_dir=raw_dir)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fresh(name: str) -> dict[str, Path]:
    f = folders(name)
    shutil.rmtree(OUT / name, ignore_errors=True)
    shutil.copytree(paths.RAW_DIR / str(YEAR), f["raw"] / str(YEAR))
    return f


def run(repetitions: int) -> dict:
    results: dict = {"repetitions": repetitions}
    f = fresh("standard")
    parse_year(YEAR, raw_dir=f["raw"])  # warm the imports
    results["parse_ms"] = parse_ms(f["raw"], 20)

    cold, naive, memory = [], [], []
    for _ in range(repetitions):  # interleaved, so both see the same machine load
        seconds, peak = timed(build_command(f, force=True))
        cold.append(seconds)
        memory.append(peak)
        naive.append(naive_run(fresh("naive"))[0])
    rebuild = [timed(build_command(f, force=False))[0] for _ in range(max(5, repetitions))]
    results |= {
        "cold_s": statistics.median(cold),
        "naive_s": statistics.median(naive),
        "rebuild_s": statistics.median(rebuild),
        "peak_memory_mb": max(memory),
    }
    results["cold_over_naive"] = results["cold_s"] / results["naive_s"]
    results["rebuild_over_cold"] = results["rebuild_s"] / results["cold_s"]
    results |= scale(repetitions)
    return results


def scale(repetitions: int) -> dict:
    f = folders("large")
    shutil.rmtree(OUT / "large", ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("make_large_report.py")),
            str(f["raw"]),
            "--factor",
            "20",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rows = len(parse_year(YEAR, raw_dir=f["raw"]).measures)
    large_parse = parse_ms(f["raw"], repetitions) / 1000
    seconds, peak = timed(build_command(f, force=True))
    sizes = {p.name: p.stat().st_size / 1e6 for p in (f["reports"] / str(YEAR)).glob("*.html")}
    return {
        "large_rows": rows,
        "large_parse_s": large_parse,
        "large_build_s": seconds,
        "large_peak_memory_mb": peak,
        "large_html_mb": sizes,
        "large_html_max_mb": max(sizes.values()),
    }


def read_s(path: Path, repetitions: int) -> float:
    """Median seconds to read one report file into the document model."""
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        read_document(path, expected_year=YEAR)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def formats(repetitions: int) -> dict:
    results = {}
    for name, suffix in (("docx", ".docx"), ("pdf", ".pdf")):
        source = PUBLISHED / f"report{YEAR}{suffix}"
        read_document(source)  # warm the imports
        results[f"{name}_read_s"] = read_s(source, max(5, repetitions))
        f = folders(f"published_{name}")
        shutil.rmtree(OUT / f"published_{name}", ignore_errors=True)
        (f["raw"] / str(YEAR)).mkdir(parents=True)
        shutil.copy(source, f["raw"] / str(YEAR) / f"report{suffix}")
        results[f"{name}_parse_ms"] = parse_ms(f["raw"], max(3, repetitions))
        if name == "pdf":
            timed(build_command(f, force=True))
            rebuild = [timed(build_command(f, force=False))[0] for _ in range(max(3, repetitions))]
            results["pdf_rebuild_s"] = statistics.median(rebuild)
    return results


def report(results: dict) -> None:
    if "parse_ms" not in results:  # --formats only
        lines = []
    else:
        lines = _standard_lines(results)
    if "pdf_read_s" in results:
        lines += [
            f"(f) read Word {results['docx_read_s']:.2f} s, PDF {results['pdf_read_s']:.2f} s; "
            f"parse Word {results['docx_parse_ms']:.0f} ms, PDF {results['pdf_parse_ms']:.0f} ms; "
            f"rebuild of a PDF year {results['pdf_rebuild_s']:.2f} s",
        ]
    lines += ["", "targets:"]
    for key, (op, bound) in TARGETS.items():
        if key not in results:
            continue
        value = results[key]
        met = value <= bound if op == "<=" else value >= bound
        lines.append(f"  {key:<20} {value:10.3f} {op} {bound:<8} {'met' if met else 'NOT MET'}")
    print("\n".join(lines))


def _standard_lines(results: dict) -> list[str]:
    return [
        f"(a) parse 2020 report            {results['parse_ms']:8.1f} ms (median of 20)",
        f"(b) cold build, one year         {results['cold_s']:8.2f} s",
        f"(c) rebuild, nothing changed     {results['rebuild_s']:8.2f} s",
        f"(d) naive CLI baseline           {results['naive_s']:8.2f} s",
        f"    peak memory of a build       {results['peak_memory_mb']:8.0f} MB",
        f"    (b)/(d) cold vs naive        {results['cold_over_naive']:8.2f}",
        f"    (c)/(b) rebuild vs cold      {results['rebuild_over_cold']:8.3f}",
        f"(e) {results['large_rows']} rows: parse {results['large_parse_s']:.2f} s, build "
        f"{results['large_build_s']:.1f} s, largest HTML {results['large_html_max_mb']:.1f} MB",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--formats", action="store_true", help="only (f): Word and PDF")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = formats(args.repetitions) if args.formats else run(args.repetitions)
    if not args.formats:
        results |= formats(args.repetitions)
    (OUT / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    report(results)


if __name__ == "__main__":
    main()
