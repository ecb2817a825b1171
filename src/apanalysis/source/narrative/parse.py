"""The narrative parser: task rows, claims, amounts and problems of a report's narrative."""

from __future__ import annotations

from dataclasses import dataclass, field

from apanalysis.source.narrative.amounts import (
    Budget,
    amount_row,
    amounts_of,
    budget_of,
    parts_of_totals,
)
from apanalysis.source.narrative.caveats import caveat_rows
from apanalysis.source.narrative.claims import (
    BEFORE_TASK_COUNTS,
    BEFORE_TASK_DASHED,
    count_claims,
    regex_claims,
    summary_claims,
    task_claims,
)
from apanalysis.source.narrative.counts import counted_unit, items_count, unachieved_count
from apanalysis.source.narrative.sections import TaskSection, split_sections
from apanalysis.source.narrative.text import to_blocks
from apanalysis.source.narrative.values import (
    Found,
    criterion_target,
    find_achieved,
    find_count,
    find_criterion,
    find_verdict,
)

# --------------------------------------------------------------------------- result


@dataclass
class Narrative:
    """Everything parsed from a report's narrative."""

    tasks: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    caveats: list[dict] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def claim(self, claim: str, task: int | None = None) -> dict | None:
        """The first claim with this id (and task), or None."""
        return next((c for c in self.claims if c["claim"] == claim and c["task"] == task), None)


def _first(found: list[Found], what: str, section: TaskSection, out: Narrative) -> Found | None:
    """First finding; a problem when none, or when a later one disagrees."""
    if not found:
        out.problems.append((section.line, f"task {section.task}: no {what} found"))
        return None
    for other in found[1:]:
        if other.value != found[0].value:
            out.problems.append(
                (
                    other.line,
                    f"task {section.task}: {what} {other.value} differs from "
                    f"{found[0].value} (line {found[0].line})",
                )
            )
    return found[0]


def parse_task(
    section: TaskSection, year: int, out: Narrative, budget: Budget | None = None
) -> dict:
    """The ``tasks`` row of one task section (problems appended to ``out``); ``budget`` is
    :func:`budget_of` its sentences, computed when not given."""
    sentences, task = section.sentences, section.task
    criterion = find_criterion(sentences)
    target, unit = criterion_target(criterion.value) if criterion else (None, None)
    achieved = find_achieved(sentences)
    achieved_value, achieved_unit = achieved.value if achieved else (None, None)
    verdict = find_verdict(sentences)
    items = _first(find_count(sentences, items_count), "claimed number of measures", section, out)
    unachieved = _first(
        find_count(sentences, unachieved_count), "claimed number not achieved", section, out
    )
    budget = budget_of(sentences) if budget is None else budget
    planned, spent = budget.planned, budget.spent
    for label, value in (("criterion", criterion), ("verdict", verdict)):
        if value is None:
            out.problems.append((section.line, f"task {task}: no {label} sentence found"))
    for label, value in (("planned", planned), ("spent", spent)):
        if value is None:
            out.problems.append((section.line, f"task {task}: no {label} amount found"))
    quotes = dict.fromkeys(a.sentence.text for a in (planned, spent) if a is not None)
    return {
        "year": year,
        "task": task,
        "title": section.title,
        "criterion_text": criterion.value if criterion else None,
        "criterion_target": target,
        "criterion_achieved": achieved_value,
        "criterion_unit": unit or achieved_unit,
        "verdict": verdict.value if verdict else None,
        "verdict_quote": verdict.quote if verdict else None,
        "claimed_items": items.value if items else None,
        "claimed_unachieved": unachieved.value if unachieved else None,
        "claimed_unachieved_quote": unachieved.quote if unachieved else None,
        "planned_eur": planned.money.value_eur if planned else None,
        "spent_eur": spent.money.value_eur if spent else None,
        "budget_quote": " ".join(quotes) or None,
        "source_line": section.line,
        "verdict_line": verdict.line if verdict else None,
        "claimed_items_quote": items.quote if items else None,
        "claimed_items_line": items.line if items else None,
        "claimed_unachieved_unit": counted_unit(
            unachieved.quote, unachieved_count(unachieved.quote)
        )
        if unachieved
        else None,
        "claimed_unachieved_line": unachieved.line if unachieved else None,
    }


REQUIRED_CLAIMS = ("total_items", "total_unimplemented", "total_planned_eur", "total_spent_eur")


def parse_narrative(lines: list[tuple[int, str]], year: int) -> Narrative:
    """Tasks, claims, amounts and problems of a report's narrative lines."""
    out = Narrative()
    sections = split_sections(to_blocks(lines))
    if not sections.tasks:
        out.problems.append((lines[0][0] if lines else 0, "no task sections found"))
    seen: set[int] = set()
    budgets = [budget_of(section.sentences) for section in sections.tasks]
    for section, budget in zip(sections.tasks, budgets, strict=True):
        if section.task in seen:
            out.problems.append((section.line, f"task {section.task} appears twice"))
        seen.add(section.task)
        out.tasks.append(parse_task(section, year, out, budget))
        out.claims.extend(task_claims(year, section))
    out.claims[:0] = count_claims(year, sections.before, BEFORE_TASK_COUNTS) + regex_claims(
        year, sections.before, BEFORE_TASK_DASHED
    )
    out.claims.extend(summary_claims(year, sections.after))
    for claim in REQUIRED_CLAIMS:
        if out.claim(claim) is None:
            out.problems.append((lines[-1][0] if lines else 0, f"no report-wide {claim} found"))
    summary = budget_of(sections.after)
    parts = parts_of_totals(budgets, summary)
    every = amounts_of(sections.before) + [a for b in budgets for a in b.amounts] + summary.amounts
    out.amounts = [amount_row(year, a, parts.get(id(a), "")) for a in every]
    out.caveats = caveat_rows(sections)
    return out
