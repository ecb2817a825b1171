"""Command line: ``apanalysis parse | validate | build | annotate | new-year``.

Errors the user can cause print one line (``file:line: message``) and exit 2; ``--debug``
shows the traceback instead. Problems found in a report make ``validate`` and ``build`` exit 1
(``build`` still builds, and its pages say so). An interrupt exits 130.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from apanalysis import paths
from apanalysis.errors import ApanalysisError


def _year(text: str) -> int:
    """argparse type: a year as an integer in a sane range."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"year must be an integer, got {text!r}") from None
    if not paths.FIRST_SANE_YEAR <= year <= paths.LAST_SANE_YEAR:
        raise argparse.ArgumentTypeError(
            f"year {year} is outside {paths.FIRST_SANE_YEAR}-{paths.LAST_SANE_YEAR}"
        )
    return year


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--year",
        type=_year,
        action="append",
        dest="years",
        help="year to process (repeatable; default: every year under --raw-dir)",
    )
    parser.add_argument("--raw-dir", type=Path, default=paths.RAW_DIR)
    parser.add_argument("--processed-dir", type=Path, default=paths.PROCESSED_DIR)
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def build_parser() -> argparse.ArgumentParser:
    from apanalysis import __version__

    parser = argparse.ArgumentParser(prog="apanalysis", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"apanalysis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse raw reports into data/processed/<year>/")
    _add_common(p)

    p = sub.add_parser(
        "validate",
        help="print the problems found in raw reports (and check assessment.csv, if any)",
    )
    _add_common(p)

    p = sub.add_parser("build", help="parse, run the notebooks and export HTML reports")
    _add_common(p)
    p.add_argument("--figures-dir", type=Path, default=paths.FIGURES_DIR)
    p.add_argument("--reports-dir", type=Path, default=paths.REPORTS_DIR)
    p.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    p.add_argument(
        "--wait",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="when another build writes into the same folders, wait for it (default) or, with "
        "--no-wait, stop at once",
    )

    p = sub.add_parser(
        "annotate",
        help="write data/raw/<year>/assessment.csv (or .xlsx), a template for "
        "an evaluator's verdicts (never overwrites)",
    )
    _add_common(p)
    p.add_argument(
        "--format",
        choices=("csv", "xlsx"),
        default="csv",
        help="csv (default) or xlsx: an Excel workbook with a list to pick evaluator_status from",
    )

    p = sub.add_parser("new-year", help="create data/raw/<year>/ with a README for a new report")
    p.add_argument("year", type=_year)
    p.add_argument("--raw-dir", type=Path, default=paths.RAW_DIR)
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _misnamed_hint(misnamed: dict[str, int], year: int | None = None) -> str:
    names = [name for name, y in misnamed.items() if year is None or y == year]
    return "; ".join(f"{name!r} looks like it: rename it to {misnamed[name]}" for name in names)


def _years(args: argparse.Namespace) -> list[int]:
    """The years asked for (default: every year folder); warns about folders that look like a
    year but are not named as one, since they are skipped."""
    found = paths.available_years(args.raw_dir)
    misnamed = paths.misnamed_year_folders(args.raw_dir)
    for name, year in misnamed.items():
        print(
            f"apanalysis: warning: {Path(args.raw_dir) / name}: folder {name!r} looks like a year "
            f"but is skipped: a year folder is named by the year alone (rename it to {year})",
            file=sys.stderr,
        )
    years = args.years or found
    if not years:
        hint = _misnamed_hint(misnamed)
        raise ApanalysisError(
            f"no year folders found (expected e.g. 2020/){'; ' + hint if hint else ''}",
            args.raw_dir,
        )
    for year in years:
        if year not in found:
            listed = ", ".join(map(str, found)) or "none"
            hint = _misnamed_hint(misnamed, year)
            raise ApanalysisError(
                f"no folder for year {year} (years found: {listed}){'; ' + hint if hint else ''}",
                args.raw_dir,
            )
    return sorted(set(years))


def _check_outputs(args: argparse.Namespace, *options: str) -> None:
    """Refuse output folders inside the raw folder, or that cannot be written (one line)."""
    from apanalysis.build.outputs import check_output_folders

    outputs = {f"--{name.replace('_', '-')}": getattr(args, name) for name in options}
    check_output_folders(args.raw_dir, outputs)


def _cmd_parse(args: argparse.Namespace) -> int:
    from apanalysis.analysis.audit import audit
    from apanalysis.build.lock import build_lock
    from apanalysis.build.outputs import interrupts_once, remove_leftovers
    from apanalysis.tables.assemble import parse_year
    from apanalysis.tables.store import write_year

    years = _years(args)
    _check_outputs(args, "processed_dir")
    parsed = [parse_year(year, raw_dir=args.raw_dir) for year in years]  # refuse before writing
    with interrupts_once(), build_lock([args.processed_dir]):  # never beside a build's writes
        remove_leftovers([args.processed_dir])
        for year, data in zip(years, parsed, strict=True):
            write_year(data, audit(data), processed_dir=args.processed_dir)
            print(
                f"{year}: {len(data.measures)} measure/action rows, {len(data.municipal)} "
                f"municipality results, {len(data.amounts)} amounts, {len(data.problems)} problems "
                f"-> {Path(args.processed_dir) / str(year)}"
            )
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from apanalysis.build.problems import problem_lines
    from apanalysis.tables.assemble import parse_year
    from apanalysis.workspace.annotations import read_assessment

    total = 0
    for year in _years(args):
        data = parse_year(year, raw_dir=args.raw_dir)
        read_assessment(year, raw_dir=args.raw_dir, measures=data.measures)  # if any: strict
        lines = problem_lines(data)  # an empty annex is a problem too
        for line in lines:
            print(line)
        total += len(lines)
        print(f"{year}: {len(data.measures)} rows, {len(lines)} problems")
    return 1 if total else 0


def _cmd_build(args: argparse.Namespace) -> int:
    from apanalysis.build.pipeline import build
    from apanalysis.build.problems import problems_summary, recorded_problems

    years = _years(args)
    _check_outputs(args, "processed_dir", "figures_dir", "reports_dir")
    built = build(
        years=years,
        raw_dir=args.raw_dir,
        processed_dir=args.processed_dir,
        figures_dir=args.figures_dir,
        reports_dir=args.reports_dir,
        force=args.force,
        wait=args.wait,
    )
    with_problems = 0
    for year in years:
        problems = [] if year in built.refused else recorded_problems(year, args.processed_dir)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print(problems_summary(year, len(problems), args.processed_dir), file=sys.stderr)
            with_problems += 1
    return 2 if built.refused else 1 if with_problems else 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    from apanalysis.workspace.annotations import write_template

    for year in _years(args):
        path = write_template(
            year, raw_dir=args.raw_dir, processed_dir=args.processed_dir, fmt=args.format
        )
        print(f"{year}: wrote {path}")
    return 0


def _cmd_new_year(args: argparse.Namespace) -> int:
    from apanalysis.workspace.newyear import create_year_folder

    folder = create_year_folder(args.year, raw_dir=args.raw_dir)
    print(
        f"created {folder}: put the {args.year} report there, then run "
        f"`apanalysis validate --year {args.year}`"
    )
    return 0


COMMANDS = {
    "parse": _cmd_parse,
    "validate": _cmd_validate,
    "build": _cmd_build,
    "annotate": _cmd_annotate,
    "new-year": _cmd_new_year,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ApanalysisError as error:
        if args.debug:
            raise
        print(f"apanalysis: error: {error.one_line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        from apanalysis.build.outputs import ignore_stop_signals

        ignore_stop_signals()  # a second Ctrl-C must not kill the process while it shuts down
        print("apanalysis: interrupted (no temporary file left behind)", file=sys.stderr)
        return 130
    except OSError as error:  # a folder or file the system refused: name it, in one line
        if args.debug:
            raise
        where = f"{error.filename}: " if error.filename else ""
        reason = error.strerror or str(error)
        print(
            f"apanalysis: error: {where}{reason} (check that this path exists and can be "
            "written, or choose another folder)",
            file=sys.stderr,
        )
        return 2
    except Exception as error:  # a bug, not the user's input: still one line unless --debug
        if args.debug:
            raise
        print(
            f"apanalysis: internal error: {type(error).__name__}: {error} "
            "(rerun with --debug for the traceback)",
            file=sys.stderr,
        )
        return 3


def run() -> NoReturn:
    """The ``apanalysis`` command: :func:`main`, then an exit that skips tearing down the
    interpreter's modules and objects one by one (0.7 s after a build, all of it waiting).

    Its exit handler is registered before the libraries that :func:`main` imports register
    theirs, so it runs after all of them; it flushes the standard streams and ends the process
    with the command's exit status. Every output is complete by then (written, then renamed).
    """
    status = 1

    def leave() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)

    atexit.register(leave)
    try:
        status = main()
    except SystemExit as stop:  # argparse: --help, --version (0) or a usage error (2)
        status = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
        raise
    sys.exit(status)


if __name__ == "__main__":
    run()
