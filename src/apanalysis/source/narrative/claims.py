"""Report-wide and per-task claims: the figures the narrative states, each with its sentence."""

from __future__ import annotations

import re
from functools import partial

from apanalysis.source.narrative.amounts import amounts_of, planned_and_spent
from apanalysis.source.narrative.counts import (
    IC,
    Count,
    CountFinder,
    _before,
    _is_action_number,
    count_followed_by,
    counts,
    items_count,
    unachieved_count,
)
from apanalysis.source.narrative.sections import TaskSection
from apanalysis.source.narrative.text import Sentence
from apanalysis.source.narrative.values import Found
from apanalysis.vocabulary import numbers


def claim_row(
    year: int, claim: str, task: int | None, value: float, unit: str, found: Found
) -> dict:
    """A row of the ``claims`` table."""
    return {
        "year": year,
        "claim": claim,
        "task": task,
        "value": float(value),
        "unit": unit,
        "quote": found.quote,
        "source_line": found.line,
    }


#: (claim id, unit, pattern after the count, cue before the count or None)
CountRule = tuple[str, str, re.Pattern[str], re.Pattern[str] | None]
#: (claim id, unit, regex with a "num" group)
RegexRule = tuple[str, str, re.Pattern[str]]
W = r"[^\W\d_]+"
BEFORE_TASK_COUNTS: list[CountRule] = [
    (
        "plan_tasks",
        "tasks",
        re.compile(r"\s+(?:numatyt\w*\s+)?uždavin\w*", IC),
        re.compile(r"numat\w*", IC),
    ),
    (
        "plan_measures",
        "items",
        re.compile(rf"(?!\s+uždavin)(?:\s+{W}){{0,8}}?\s+priemon\w*", IC),
        re.compile(r"numat\w*", IC),
    ),
    (
        "plan_institutions",
        "institutions",
        re.compile(r"\s+(?:ministerij|institucij|organizacij)\w*", IC),
        None,
    ),
    ("commission_years", "years", re.compile(r"\s+(?:Komisijos\s+)?gyvavimo\s+met\w*", IC), None),
    ("commission_new_assignments", "assignments", re.compile(r"\s+nauj\w*\s+pavedim\w*", IC), None),
    ("trained_consultants", "people", re.compile(rf"(?:\s+{W}){{0,4}}?\s+konsultant\w*", IC), None),
]
BEFORE_TASK_DASHED: list[RegexRule] = [
    ("commission_meetings", "meetings", re.compile(r"posėdži\w*\s*[–—-]\s*(?P<num>\d+)", IC)),
    (
        "commission_assignments",
        "assignments",
        re.compile(rf"pavedim\w*(?:\s+{W}){{0,4}}\s*[–—-]\s*(?P<num>\d+)", IC),
    ),
]
AFTER_TASK_COUNTS: list[CountRule] = [
    (
        "tasks_total",
        "tasks",
        re.compile(r"\s+(?:numatyt\w*\s+)?(?:plano\s+)?uždavin\w*", IC),
        re.compile(r"numat\w*|^iš\s+$", IC),
    ),
]
PARTIALLY_BEFORE_RE = re.compile(r"iš\s+dalies\s+įgyvendint\w*\s+$", IC)
PARTIALLY_AFTER_RE = re.compile(
    r"(?:\s+uždavin\w*)?\s+(?:buvo\s+)?(?:įgyvendint\w*\s+iš\s+dalies|iš\s+dalies\s+įgyvendint)", IC
)
CRITERIA_NOT_MET_RE = re.compile(
    rf"(?P<list>\d+(?:\s*(?:,|ir)\s*\d+)*)\s+uždavin\w*\s+(?:{W}\s+){{0,3}}?"
    r"kriterij\w*\s+nepasiekt\w*",
    IC,
)
IMPLEMENTED_ITEMS_AFTER_RE = re.compile(rf"(?:\s+{W}){{0,2}}?\s+buvo\s+įgyvendint\w*(?!\s+iš)", IC)
IMPLEMENTED_PCT_MIN_RE = re.compile(r"įgyvendint\w*\s+daugiau\s+nei\s+(?P<num>\d+)\s*proc", IC)


def _first_sentence_count(sentences: list[Sentence], finder: CountFinder) -> Found | None:
    """The first sentence where ``finder`` finds a count."""
    for sentence in sentences:
        count = finder(sentence.text)
        if count is not None:
            return Found(count.value, sentence.text, sentence.line_at(count.start))
    return None


def _partially_count(text: str) -> Count | None:
    """ "iš dalies įgyvendinti trys" / "trys uždaviniai įgyvendinti iš dalies" → 3."""
    for count in counts(text):
        if PARTIALLY_BEFORE_RE.search(_before(text, count)) or PARTIALLY_AFTER_RE.match(
            text, count.end
        ):
            return count
    return None


def count_claims(year: int, sentences: list[Sentence], table: list[CountRule]) -> list[dict]:
    """Claims found by "count followed by ..." rules (first sentence per claim)."""
    rows = []
    for claim, unit, after, cue in table:
        finder = partial(count_followed_by, after=after, cue=cue)
        found = _first_sentence_count(sentences, finder)
        if found:
            rows.append(claim_row(year, claim, None, found.value, unit, found))
    return rows


def regex_claims(
    year: int, sentences: list[Sentence], table: list[RegexRule], task: int | None = None
) -> list[dict]:
    """Claims found by a regex with a ``num`` group (first sentence per claim)."""
    rows = []
    for claim, unit, pattern in table:
        for sentence in sentences:
            match = pattern.search(sentence.text)
            if match:
                found = Found(None, sentence.text, sentence.line_at(match.start()))
                value = numbers.parse_number(match.group("num"))
                rows.append(claim_row(year, claim, task, value, unit, found))
                break
    return rows


def criteria_not_met_claims(year: int, sentences: list[Sentence]) -> list[dict]:
    """ "1 ir 3 uždaviniais užsibrėžtų kriterijų nepasiekta" → a count and one row per task."""
    for sentence in sentences:
        match = CRITERIA_NOT_MET_RE.search(sentence.text)
        if match:
            tasks = [int(n) for n in re.findall(r"\d+", match.group("list"))]
            found = Found(None, sentence.text, sentence.line_at(match.start()))
            rows = [claim_row(year, "tasks_criterion_not_met", None, len(tasks), "tasks", found)]
            rows += [claim_row(year, "criterion_not_met", t, 1, "flag", found) for t in tasks]
            return rows
    return []


def money_claims(year: int, sentences: list[Sentence]) -> list[dict]:
    """total_planned_eur and total_spent_eur from the summary's amounts."""
    planned, spent = planned_and_spent(amounts_of(sentences))
    rows = []
    for claim, amount in (("total_planned_eur", planned), ("total_spent_eur", spent)):
        if amount is not None:
            where = Found(None, amount.sentence.text, amount.sentence.line_at(amount.money.start))
            rows.append(claim_row(year, claim, None, amount.money.value_eur, "EUR", where))
    return rows


def summary_claims(year: int, sentences: list[Sentence]) -> list[dict]:
    """Report-wide claims of the part after the task sections."""
    rows = count_claims(year, sentences, AFTER_TASK_COUNTS)
    for claim, unit, finder in (
        ("total_items", "items", items_count),
        ("total_unimplemented", "items", unachieved_count),
        ("tasks_partially", "tasks", _partially_count),
    ):
        found = _first_sentence_count(sentences, finder)
        if found:
            rows.append(claim_row(year, claim, None, found.value, unit, found))
    return rows + criteria_not_met_claims(year, sentences) + money_claims(year, sentences)


def task_claims(year: int, section: TaskSection) -> list[dict]:
    """Extra per-task claims: implemented count ("dvi priemonės buvo įgyvendintos") and share."""
    rows = regex_claims(
        year,
        section.sentences,
        [("implemented_pct_min", "percent", IMPLEMENTED_PCT_MIN_RE)],
        section.task,
    )
    found = _first_sentence_count(section.sentences, _implemented_count)
    if found:
        rows.append(claim_row(year, "implemented_items", section.task, found.value, "items", found))
    return rows


def _implemented_count(text: str) -> Count | None:
    """ "dvi priemonės buvo įgyvendintos" → 2 (not "... įgyvendintos iš dalies")."""
    for count in counts(text):
        if not _is_action_number(text, count) and IMPLEMENTED_ITEMS_AFTER_RE.match(text, count.end):
            return count
    return None
