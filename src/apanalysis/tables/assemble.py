"""Building the year's tidy tables from a parsed report: ``parse_year(year) -> YearData``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from apanalysis.source.achieved import achieved_value, achievement_ratio, flag
from apanalysis.source.amounts import mark_parts
from apanalysis.source.annex import Annex, AnnexRecord, parse_annex, plain, split_action
from apanalysis.source.municipal import split_municipal
from apanalysis.source.narrative import parse_narrative
from apanalysis.source.reader import SourceText, find_report, read_report
from apanalysis.tables.schema import frame_from_rows
from apanalysis.vocabulary.institutions import normalize_institutions
from apanalysis.vocabulary.money import amount_kind, find_money
from apanalysis.vocabulary.numbers import parse_target
from apanalysis.vocabulary.reasons import find_reasons
from apanalysis.vocabulary.status import leading_status, looks_like_status
from apanalysis.vocabulary.text import sentence_around

LIST_SEPARATOR = ";"

MEASURE_COLUMNS = [
    "year",
    "task",
    "code",
    "action",
    "measure_title",
    "title",
    "institutions",
    "institutions_raw",
    "criterion",
    "target_value",
    "target_values",
    "target_unit",
    "deadline",
    "status",
    "status_raw",
    "reasons",
    "covid",
    "result_text",
    "municipal_count",
    "source_line",
    "end_line",
    "achieved_value",
    "achieved_quote",
    "achievement_ratio",
    "flag",
]
MUNICIPAL_COLUMNS = [
    "year",
    "code",
    "action",
    "municipality",
    "municipality_raw",
    "status",
    "status_raw",
    "reasons",
    "covid",
    "text",
    "source_line",
]
AMOUNT_COLUMNS = [
    "year",
    "section",
    "task",
    "code",
    "action",
    "municipality",
    "value_eur",
    "per_month",
    "is_range",
    "kind",
    "raw",
    "quote",
    "source_line",
    "part_of",
]
PROBLEM_COLUMNS = ["file", "line", "problem"]
LINE_COLUMNS = ["line", "kind", "code", "action"]


@dataclass
class YearData:
    """One year's tables. ``problems`` lists what could not be read, with file and line."""

    year: int
    source: Path
    measures: pd.DataFrame
    municipal: pd.DataFrame
    tasks: pd.DataFrame
    claims: pd.DataFrame
    amounts: pd.DataFrame
    problems: pd.DataFrame
    lines: pd.DataFrame  # how each non-empty annex line was used

    TABLES = ("measures", "municipal", "tasks", "claims", "amounts", "problems", "lines")

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(getattr(self, name))}" for name in self.TABLES)
        return f"YearData({self.year}: {sizes})"


def line_of(record: AnnexRecord, *needles: str, column: str = "result") -> int:
    """The line of the record's fragment holding the first of ``needles`` found (tried in
    order, most specific first); the row's first line if none is found."""
    fragments = record.fragment_texts(column)
    for needle in needles:
        probe = " ".join(needle.split())[:60]
        for line_no, text in fragments:
            if probe and probe in text:
                return line_no
    return record.source_line


def _join(values) -> str:
    return LIST_SEPARATOR.join(values)


class _TableBuilder:
    """Collects rows of every table while walking the annex records."""

    def __init__(self, source: SourceText, year: int):
        self.source, self.year = source, year
        self.measures: list[dict] = []
        self.municipal: list[dict] = []
        self.amounts: list[dict] = []
        self.problems: list[tuple[int, str]] = []

    def add_record(self, record: AnnexRecord) -> None:
        if record.problem:
            self.problems.append((record.source_line, f"{record.problem}: row not read"))
            return
        result = record.text("result")
        status = leading_status(result)
        if status is None:
            self.problems.append((record.source_line, self._status_problem(record, result)))
            return
        parts = split_municipal(result)
        self.measures.append(self._measure_row(record, result, status, len(parts)))
        for part in parts:
            self._add_municipal(record, part)
        self._add_amounts(record, result, parts)

    def _status_problem(self, record: AnnexRecord, result: str) -> str:
        label = record.code if record.action is None else f"{record.code} action {record.action}"
        first = " ".join(result.split()[:3])
        if not result:
            return f"{label}: empty result cell: row not read"
        if looks_like_status(result):
            return f"{label}: unknown status word {first!r}: row not read"
        return f"{label}: result does not start with a status word ({first!r}): row not read"

    def _measure_row(self, record: AnnexRecord, result: str, status, municipal_count: int) -> dict:
        title = plain(record.html("title"))
        institutions_raw = plain(record.html("institutions"))
        criterion = plain(record.html("criterion"))
        target = parse_target(criterion)
        reasons = find_reasons(result, status.status)
        achieved = achieved_value(criterion, target.value, result)
        achieved_number = achieved.value if achieved else None
        action_title = title
        if record.action is not None:
            _, _, action_title = split_action(record.html("title"))
        return {
            "year": self.year,
            "task": record.task,
            "code": record.code,
            "action": record.action,
            "measure_title": record.measure_title,
            "title": action_title,
            "institutions": _join(normalize_institutions(institutions_raw)),
            "institutions_raw": institutions_raw,
            "criterion": criterion,
            "target_value": target.value,
            "target_values": _join(f"{v:g}" for v in target.values),
            "target_unit": target.unit or "",
            "deadline": target.deadline or "",
            "status": status.status,
            "status_raw": status.raw,
            "reasons": _join(reasons),
            "covid": "covid" in reasons,
            "result_text": result,
            "municipal_count": municipal_count,
            "source_line": record.source_line,
            "end_line": record.end_line,
            "achieved_value": achieved_number,
            "achieved_quote": achieved.quote if achieved else "",
            "achievement_ratio": achievement_ratio(achieved_number, target.value),
            "flag": flag(status.status, target.value, achieved_number, result, criterion),
        }

    def _add_municipal(self, record: AnnexRecord, part) -> None:
        reasons = find_reasons(part.text, part.status.status)
        self.municipal.append(
            {
                "year": self.year,
                "code": record.code,
                "action": record.action,
                "municipality": part.municipality,
                "municipality_raw": part.municipality_raw,
                "status": part.status.status,
                "status_raw": part.status.raw,
                "reasons": _join(reasons),
                "covid": "covid" in reasons,
                "text": part.text,
                "source_line": line_of(record, part.text[:60]),
            }
        )

    def _add_amounts(self, record: AnnexRecord, result: str, parts) -> None:
        for money in find_money(result):
            quote = sentence_around(result, money.start, money.end)
            owner = [p for p in parts if p.start <= money.start]
            self.amounts.append(
                {
                    "year": self.year,
                    "section": "annex",
                    "task": record.task,
                    "code": record.code,
                    "action": record.action,
                    "municipality": owner[-1].municipality if owner else "",
                    "value_eur": money.value_eur,
                    "per_month": money.per_month,
                    "is_range": money.is_range,
                    "kind": amount_kind(quote),
                    "raw": " ".join(money.raw.split()),
                    "quote": quote,
                    "source_line": line_of(
                        record,
                        result[max(0, money.start - 25) : money.end],
                        result[max(0, money.start - 30) : money.start],
                        quote[:60],
                    ),
                }
            )


def build_tables(source: SourceText, year: int) -> YearData:
    """All tables of one decoded report."""
    annex: Annex = parse_annex(source.annex)
    builder = _TableBuilder(source, year)
    for record in annex.records:
        builder.add_record(record)
    narrative = parse_narrative(source.narrative, year)
    problems = sorted(annex.problems + builder.problems + list(narrative.problems))
    mark_parts(builder.amounts)
    amount_rows = list(narrative.amounts) + builder.amounts
    for row in amount_rows:
        row.setdefault("is_range", False)
    problem_rows = [{"file": str(source.path), "line": n, "problem": p} for n, p in problems]
    return YearData(
        year=year,
        source=source.path,
        measures=frame_from_rows(builder.measures, "measures", MEASURE_COLUMNS),
        municipal=frame_from_rows(builder.municipal, "municipal", MUNICIPAL_COLUMNS),
        tasks=frame_from_rows(list(narrative.tasks), "tasks"),
        claims=frame_from_rows(list(narrative.claims), "claims"),
        amounts=frame_from_rows(amount_rows, "amounts", AMOUNT_COLUMNS),
        problems=frame_from_rows(problem_rows, "problems", PROBLEM_COLUMNS),
        lines=frame_from_rows([vars(line) for line in annex.lines], "lines", LINE_COLUMNS),
    )


def parse_year(year: int, raw_dir: Path | None = None) -> YearData:
    """Read, parse and check the report of ``year`` found under ``raw_dir``."""
    path = find_report(year, raw_dir)
    return build_tables(read_report(path, expected_year=year), year)
