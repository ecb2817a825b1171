"""Building the year's tidy tables from a parsed report: ``parse_year(year) -> YearData``.

The columns and their order come from :mod:`.spec`; :class:`YearData` is re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from apanalysis.source.achieved import achieved_value, achievement_ratio
from apanalysis.source.amounts import mark_parts, quote_line
from apanalysis.source.annex import Annex, AnnexRecord, parse_annex, plain, split_action
from apanalysis.source.completion import completion_level
from apanalysis.source.document import Document
from apanalysis.source.flags import flag
from apanalysis.source.municipal import split_municipal
from apanalysis.source.narrative import parse_narrative
from apanalysis.source.reader import SourceText, find_report, read_document, text_document
from apanalysis.tables.schema import check, frame_from_rows
from apanalysis.tables.spec import COLUMNS, LIST_SEPARATOR
from apanalysis.tables.yeardata import YearData
from apanalysis.vocabulary.institutions import normalize_institutions
from apanalysis.vocabulary.money import amount_kind, find_money
from apanalysis.vocabulary.numbers import parse_target
from apanalysis.vocabulary.reasons import evidence_text, read_cell_reasons, read_reasons
from apanalysis.vocabulary.status import leading_status, looks_like_status
from apanalysis.vocabulary.text import sentence_around


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

    def __init__(self, source: Document, year: int):
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
        self.measures.append(self._measure_row(record, result, status, parts))
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

    def _measure_row(self, record: AnnexRecord, result: str, status, parts) -> dict:
        title = plain(record.html("title"))
        institutions_raw = plain(record.html("institutions"))
        criterion = plain(record.html("criterion"))
        target = parse_target(criterion)
        starts = tuple((part.start, part.status.status) for part in parts)
        reasons = read_cell_reasons(result, status.status, starts)
        codes = [reason.code for reason in reasons]
        achieved = achieved_value(criterion, target.value, result, parts)
        achieved_number = achieved.value if achieved else None
        ratio = achievement_ratio(achieved_number, target.value)
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
            "reasons": _join(codes),
            "covid": "covid" in codes,
            "result_text": result,
            "municipal_count": len(parts),
            "source_line": record.source_line,
            "end_line": record.end_line,
            "achieved_value": achieved_number,
            "achieved_quote": achieved.quote if achieved else "",
            "achievement_ratio": ratio,
            "flag": flag(status.status, target.value, achieved_number, result, criterion, parts),
            "evidence": evidence_text(reasons),
            "completion": completion_level(status.status, codes, ratio),
        }

    def _add_municipal(self, record: AnnexRecord, part) -> None:
        reasons = read_reasons(part.text, part.status.status)
        codes = [reason.code for reason in reasons]
        self.municipal.append(
            {
                "year": self.year,
                "code": record.code,
                "action": record.action,
                "municipality": part.municipality,
                "municipality_raw": part.municipality_raw,
                "status": part.status.status,
                "status_raw": part.status.raw,
                "reasons": _join(codes),
                "covid": "covid" in codes,
                "text": part.text,
                "source_line": line_of(record, part.text[:60]),
                "evidence": evidence_text(reasons),
                "completion": completion_level(part.status.status, codes, None),
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
                    "source_line": quote_line(
                        record.fragment_texts("result"),
                        quote,
                        line_of(
                            record,
                            result[max(0, money.start - 25) : money.end],
                            result[max(0, money.start - 30) : money.start],
                            quote[:60],
                        ),
                    ),
                }
            )


def with_places(rows: list[dict], document: Document, table: str) -> list[dict]:
    """``rows`` with the PDF page (``source_page``) and, where the table has the column, the Word
    table row (``source_row``) of the block or row at their ``source_line``."""
    has_row = "source_row" in COLUMNS[table]
    for row in rows:
        page, table_row = document.place(row.get("source_line"))
        row["source_page"] = page
        if has_row:
            row["source_row"] = table_row
    return rows


def build_tables(source: Document | SourceText, year: int) -> YearData:
    """All tables of one report read into the document model (a decoded text also works)."""
    document = text_document(source) if isinstance(source, SourceText) else source
    annex: Annex = parse_annex(document.annex_lines())
    builder = _TableBuilder(document, year)
    for record in annex.records:
        builder.add_record(record)
    narrative = parse_narrative(document.narrative_lines(), year)
    problems = sorted(annex.problems + builder.problems + list(narrative.problems))
    mark_parts(builder.amounts)
    amount_rows = list(narrative.amounts) + builder.amounts
    for row in amount_rows:
        row.setdefault("is_range", False)
    problem_rows = [
        {"file": str(document.path), "line": n, "page": document.page(n), "problem": p}
        for n, p in problems
    ]
    line_rows = [
        {**vars(line), "page": document.page(line.line), "row": document.table_row(line.line)}
        for line in annex.lines
    ]
    return YearData(
        year=year,
        source=document.path,
        measures=frame_from_rows(
            with_places(builder.measures, document, "measures"), "measures", COLUMNS["measures"]
        ),
        municipal=frame_from_rows(
            with_places(builder.municipal, document, "municipal"), "municipal", COLUMNS["municipal"]
        ),
        tasks=frame_from_rows(
            with_places(list(narrative.tasks), document, "tasks"), "tasks", COLUMNS["tasks"]
        ),
        claims=frame_from_rows(
            with_places(list(narrative.claims), document, "claims"), "claims", COLUMNS["claims"]
        ),
        amounts=frame_from_rows(
            with_places(amount_rows, document, "amounts"), "amounts", COLUMNS["amounts"]
        ),
        caveats=frame_from_rows(
            with_places(list(narrative.caveats), document, "caveats"), "caveats", COLUMNS["caveats"]
        ),
        problems=frame_from_rows(problem_rows, "problems", COLUMNS["problems"]),
        lines=frame_from_rows(line_rows, "lines", COLUMNS["lines"]),
    )


def parse_year(year: int, raw_dir: Path | None = None) -> YearData:
    """Read, parse and check the report of ``year`` found under ``raw_dir`` (text, Word or
    PDF)."""
    path = find_report(year, raw_dir)
    return check(build_tables(read_document(path, expected_year=year), year))
