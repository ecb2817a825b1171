"""Money amounts of the narrative's sentences, their kinds, and a task's planned and spent.

Budget decision: a task's ``planned_eur`` is its first ``planned`` amount; ``spent_eur`` is its
first ``spent`` amount, or -- when there is none -- the first ``allocated`` amount that follows the
planned one ("numatyta skirti 341,6 tūkst. Eur ... buvo skirta 9,98 tūkst. Eur"): in 2020 the
report's own total "faktinė ... skirta suma ... 336,7 tūkst. Eur" equals 10 + 35 + 281,7 + 9,98,
so "skirta" after a plan is the actual figure. The same rule gives ``total_spent_eur``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from apanalysis.source.narrative.text import Sentence
from apanalysis.vocabulary import money


@dataclass(frozen=True)
class Amount:
    """One money amount of a sentence with its kind."""

    money: money.Money
    kind: str
    code: str
    sentence: Sentence


CODE_RE = re.compile(r"\b\d{2}\.\d{2}\.\d{2}\b")
CLAUSE_END_RE = re.compile(r"[,;]|\.(?:\s|$)")


def _clause_after(text: str, end: int, limit: int) -> str:
    """The rest of the clause after ``end`` (to a comma, semicolon, full stop or ``limit``)."""
    match = CLAUSE_END_RE.search(text, end, limit)
    return text[end : match.start() if match else limit]


def sentence_amounts(sentence: Sentence) -> list[Amount]:
    """Money amounts of a sentence; each kind judged on the words since the previous amount
    plus the rest of its own clause ("lėšos (11 tūkst. EUR) nebuvo panaudotos")."""
    found = money.find_money(sentence.text)
    result = []
    for i, item in enumerate(found):
        previous_end = found[i - 1].end if i else 0
        next_start = found[i + 1].start if i + 1 < len(found) else len(sentence.text)
        before = sentence.text[previous_end : item.start]
        context = before + item.raw + _clause_after(sentence.text, item.end, next_start)
        codes = CODE_RE.findall(before)
        kind = money.amount_kind(context)
        result.append(Amount(item, kind, codes[-1] if codes else "", sentence))
    return result


def amounts_of(sentences: list[Sentence]) -> list[Amount]:
    """All amounts of the sentences, in order."""
    return [amount for sentence in sentences for amount in sentence_amounts(sentence)]


def planned_and_spent(amounts: list[Amount]) -> tuple[Amount | None, Amount | None]:
    """First planned amount, and the spent one (see the module docstring for the rule)."""
    planned = next((a for a in amounts if a.kind == "planned"), None)
    spent = next((a for a in amounts if a.kind == "spent"), None)
    if spent is None and planned is not None:
        after = amounts[amounts.index(planned) + 1 :]
        spent = next((a for a in after if a.kind == "allocated"), None)
    return planned, spent


def amount_row(year: int, amount: Amount) -> dict:
    """A row of the ``amounts`` table."""
    item, sentence = amount.money, amount.sentence
    return {
        "year": year,
        "section": "narrative",
        "task": sentence.task,
        "code": amount.code,
        "action": None,
        "municipality": "",
        "value_eur": item.value_eur,
        "per_month": item.per_month,
        "kind": amount.kind,
        "raw": item.raw,
        "quote": sentence.text,
        "source_line": sentence.line_at(item.start),
    }
