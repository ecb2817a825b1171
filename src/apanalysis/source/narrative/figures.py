"""Figures the narrative states about single measures and shares, each made a claim.

* ``measure_target`` / ``measure_achieved`` (with ``code``): "01.03.01 priemonė, kurios
  siektinas rodiklis suteikia pagalbą ne mažiau kaip 220 asmenų, buvo įgyvendinta iš dalies
  (pasiektas kriterijus – 208 asmenų)" → 220 and 208. The target is read only when the clause
  after "siektinas rodiklis" (up to "buvo"/"nebuvo" or the sentence end) holds exactly one
  number; the achieved value only from "pasiektas kriterijus|rodiklis|pasiekta reikšmė – N"
  with no other measure code in between.
* ``implemented_pct`` (per task): "dvi priemonės buvo įgyvendintos (50 proc. priemonių)" → 50,
  unit "percent of measures" (or "percent of items" for "priemonių ir veiksmų").
* ``subitems_total`` (with ``code``): "01.03.03 priemonės 1 ir 2 veiksmo rodikliai … – iš viso
  20 priemonių ir veiksmų –" → 20: a total of the sub-items (municipalities' measures and
  actions) the sentence's last measure code stands for.
"""

from __future__ import annotations

import re

from apanalysis.source.narrative.counts import IC, counts, noun_unit
from apanalysis.source.narrative.text import Sentence
from apanalysis.source.narrative.values import NUMBER, Found, claim_row
from apanalysis.vocabulary import numbers

CODE = r"\d{2}\.\d{2}\.\d{2}(?!\d)"
TARGET_CLAUSE_RE = re.compile(
    rf"(?P<code>{CODE})\.?\s+priemon\w*\s*(?:\([^)]*\)\s*)?,?\s*kurio\w*\s+siektin\w*\s+rodikl\w*",
    IC,
)
CLAUSE_END_RE = re.compile(r",?\s+(?:ne)?buvo\b|\.\s*$", IC)
NUMBER_RE = re.compile(rf"(?<![\d.,]){NUMBER}(?![\d]|[.,]\d)")
#: A year or a date is no target ("2020 m.").
YEAR_RE = re.compile(r"\s*m\.", IC)
UNIT_AFTER_RE = re.compile(r"\s*(?P<unit>proc\.?|%|[^\W\d_]+)", IC)
ACHIEVED_RE = re.compile(
    rf"pasiekt\w*\s+(?:kriterij\w*|rodikl\w*|reikšm\w*)\s*[–—-]\s*(?P<num>{NUMBER})", IC
)
SHARE_RE = re.compile(
    r"\((?P<num>\d+(?:,\d+)?)\s*(?:proc\.?|%)\s+(?P<noun>priemon\w*(?:\s+ir\s+veik\w*)?|veik\w*)\)",
    IC,
)
IMPLEMENTED_RE = re.compile(r"(?<!ne)įgyvendint\w*(?!\s+iš\s+dalies)", IC)
SUBITEMS_RE = re.compile(r"iš\s+viso\s+(?P<rest>.{1,40}?)\s+priemon\w*\s+ir\s+veik\w*", IC)


def _unit(text: str, end: int) -> str:
    match = UNIT_AFTER_RE.match(text, end)
    if not match:
        return ""
    unit = match.group("unit")
    return "proc." if unit.lower().startswith("proc") or unit == "%" else unit


def measure_target_claims(year: int, sentence: Sentence, task: int | None) -> list[dict]:
    """``measure_target`` and ``measure_achieved`` claims of one sentence."""
    rows = []
    found = Found(None, sentence.text, sentence.line)
    text = sentence.text
    for match in TARGET_CLAUSE_RE.finditer(text):
        code = match.group("code")
        end = CLAUSE_END_RE.search(text, match.end())
        clause_end = end.start() if end else len(text)
        values = [
            n
            for n in NUMBER_RE.finditer(text, match.end(), clause_end)
            if not YEAR_RE.match(text, n.end())
        ]
        if len(values) == 1:
            value = numbers.parse_number(values[0].group())
            unit = _unit(text, values[0].end())
            rows.append(claim_row(year, "measure_target", task, value, unit, found, code))
        achieved = ACHIEVED_RE.search(text, match.end())
        if achieved and not re.search(CODE, text[match.end() : achieved.start()]):
            value = numbers.parse_number(achieved.group("num"))
            unit = _unit(text, achieved.end("num"))
            rows.append(claim_row(year, "measure_achieved", task, value, unit, found, code))
    return rows


def share_claims(year: int, sentence: Sentence, task: int | None) -> list[dict]:
    """``implemented_pct``: "(50 proc. priemonių)" in a sentence saying items were implemented."""
    if task is None or not IMPLEMENTED_RE.search(sentence.text):
        return []
    rows = []
    for match in SHARE_RE.finditer(sentence.text):
        unit = f"percent of {noun_unit(sentence.text, match.start('noun'))}"
        value = numbers.parse_number(match.group("num"))
        found = Found(None, sentence.text, sentence.line)
        rows.append(claim_row(year, "implemented_pct", task, value, unit, found))
    return rows


def subitem_claims(year: int, sentence: Sentence, task: int | None) -> list[dict]:
    """``subitems_total``: "… 01.03.03 … – iš viso 20 priemonių ir veiksmų –" → 20 for
    01.03.03; only when one count stands between "iš viso" and the noun and a code precedes."""
    rows = []
    for match in SUBITEMS_RE.finditer(sentence.text):
        found_counts = counts(match.group("rest"))
        codes = re.findall(CODE, sentence.text[: match.start()])
        if len(found_counts) != 1 or not codes:
            continue
        found = Found(None, sentence.text, sentence.line)
        value = found_counts[0].value
        rows.append(claim_row(year, "subitems_total", task, value, "items", found, codes[-1]))
    return rows


def figure_claims(year: int, sentences: list[Sentence], task: int | None) -> list[dict]:
    """Every per-measure target and result, share and sub-item total of ``sentences``."""
    rows = []
    for sentence in sentences:
        rows += measure_target_claims(year, sentence, task)
        rows += share_claims(year, sentence, task)
        rows += subitem_claims(year, sentence, task)
    return rows
