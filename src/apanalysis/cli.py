"""Command line: ``apanalysis parse | validate | build``.

Errors the user can cause print one line (``file:line: message``) and exit non-zero; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

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
    parser = argparse.ArgumentParser(prog="apanalysis", description=__doc__.splitlines()[0])
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

    p = sub.add_parser(
        "annotate",
        help="write data/raw/<year>/assessment.csv, a template for "
        "an evaluator's verdicts (never overwrites)",
    )
    _add_common(p)

    p = sub.add_parser("new-year", help="create data/raw/<year>/ with a README for a new report")
    p.add_argument("year", type=_year)
    p.add_argument("--raw-dir", type=Path, default=paths.RAW_DIR)
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _years(args: argparse.Namespace) -> list[int]:
    found = paths.available_years(args.raw_dir)
    years = args.years or found
    if not years:
        raise ApanalysisError("no year folders found (expected e.g. 2020/)", args.raw_dir)
    for year in years:
        if year not in found:
            listed = ", ".join(map(str, found)) or "none"
            raise ApanalysisError(
                f"no folder for year {year} (years found: {listed})", args.raw_dir
            )
    return sorted(set(years))


def _cmd_parse(args: argparse.Namespace) -> int:
    from apanalysis.analysis.audit import audit
    from apanalysis.tables.assemble import parse_year
    from apanalysis.tables.store import write_year

    for year in _years(args):
        data = parse_year(year, raw_dir=args.raw_dir)
        write_year(data, audit(data), processed_dir=args.processed_dir)
        print(
            f"{year}: {len(data.measures)} measure/action rows, {len(data.municipal)} "
            f"municipality results, {len(data.amounts)} amounts, {len(data.problems)} problems "
            f"-> {Path(args.processed_dir) / str(year)}"
        )
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from apanalysis.tables.assemble import parse_year
    from apanalysis.workspace.annotations import read_assessment

    total = 0
    for year in _years(args):
        data = parse_year(year, raw_dir=args.raw_dir)
        read_assessment(year, raw_dir=args.raw_dir, measures=data.measures)  # if any: strict
        for problem in data.problems.itertuples():
            print(f"{problem.file}:{problem.line}: {problem.problem}")
        total += len(data.problems)
        print(f"{year}: {len(data.measures)} rows, {len(data.problems)} problems")
    return 1 if total else 0


def _cmd_build(args: argparse.Namespace) -> int:
    from apanalysis.build.pipeline import build

    build(
        years=_years(args),
        raw_dir=args.raw_dir,
        processed_dir=args.processed_dir,
        figures_dir=args.figures_dir,
        reports_dir=args.reports_dir,
        force=args.force,
    )
    return 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    from apanalysis.workspace.annotations import write_template

    for year in _years(args):
        path = write_template(year, raw_dir=args.raw_dir, processed_dir=args.processed_dir)
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
        print("apanalysis: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug, not the user's input: still one line unless --debug
        if args.debug:
            raise
        print(
            f"apanalysis: internal error: {type(error).__name__}: {error} "
            "(rerun with --debug for the traceback)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
