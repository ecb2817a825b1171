"""Money amounts in Lithuanian text ("29,3 tūkst. EUR", "5 181 Eur", "240 100 eurų",
"0,17 tūkst. Eur/mėn.", "80–230 tūkst. eurų") and what an amount is (planned, spent, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.vocabulary.numbers import NUMBER_PATTERN, NUMBER_REST, parse_number
from apanalysis.vocabulary.text import fold

# Lithuanian vocabulary (case-insensitive).
CURRENCY_WORDS = r"eur(?:ų|u|ai|o|us|ais|ams|uose)?|€"  # EUR, Eur, eurų, eurai, €
MULTIPLIERS = {r"t[ūu]kst(?:\.|an[čc]i\w*|\b)": 1_000, r"mln\.|milijon\w*": 1_000_000}
PER_MONTH = r"\s*(?:/\s*mėn\.?|per\s+mėn(?:esį|\.)?)"  # "Eur/mėn.", "Eur per mėnesį"
RANGE_DASH = r"\s*[–—-]\s*"

# Kinds of amounts, by folded keyword stem; see amount_kind.
KIND_STEMS: dict[str, tuple[str, ...]] = {
    "unused": (
        r"nebuvo\s+panaudot\w*",
        r"nepanaudot\w*",
        r"nepanaudoj\w*",
        r"liko\b",
        r"likusi\w*",
    ),
    "planned": (
        r"numat\w*\s+skirt\w*",
        r"plan\w*\s+skirt\w*",
        r"numate\b",
        r"numac\w*",
        r"nusimac\w*",
        r"numatyt\w*",
        r"planuot\w*",
        r"planav\w*",
        r"suplanuot\w*",
    ),
    "spent": (
        r"isleist\w*",
        r"isleid\w*",
        r"panaudot\w*",
        r"panaudoj\w*",
        r"islaid\w*",
        r"sumoket\w*",
        r"faktin\w*",
    ),
    "allocated": (r"skirt\w*", r"skyre\w*", r"asignavim\w*", r"finansuot\w*"),
}
ACTUAL_STEM = "faktin"  # "faktinė suma": the actual (spent) amount wins over "skirta"
KINDS = ("planned", "spent", "allocated", "unused", "rate", "other")

_NUMBER = rf"(?<![\d,.])(?:{NUMBER_PATTERN})(?!\d)"
_MULTIPLIER = "|".join(rf"(?P<m{k}>{p})" for k, p in enumerate(MULTIPLIERS))
# The first number starts with a plain \d (see numbers.NUMBER_REST): the same as _NUMBER.
_FIRST_NUMBER = rf"\d(?<![\d,.]\d)(?:{NUMBER_REST})(?!\d)"
_MONEY = re.compile(
    rf"(?P<first>{_FIRST_NUMBER})(?:{RANGE_DASH}(?P<second>{_NUMBER}))?"
    rf"\s*(?:(?:{_MULTIPLIER})\s*)?(?:{CURRENCY_WORDS})(?![^\W\d_])(?P<month>{PER_MONTH})?",
    re.IGNORECASE,
)
_PER_MONTH = re.compile(rf"(?:{CURRENCY_WORDS}){PER_MONTH}", re.IGNORECASE)
_KIND = re.compile(
    "|".join(rf"(?P<{kind}>(?<!\w)(?:{'|'.join(stems)}))" for kind, stems in KIND_STEMS.items())
)


@dataclass(frozen=True)
class Money:
    """An amount in euros. The two ends of a range ("80–230 tūkst. eurų") are two items
    with ``is_range`` True that share ``raw``, ``start`` and ``end`` (the whole range)."""

    value_eur: float
    raw: str
    start: int
    end: int
    per_month: bool = False
    is_range: bool = False


def _multiplier(m: re.Match[str]) -> int:
    for k, factor in enumerate(MULTIPLIERS.values()):
        if m[f"m{k}"]:
            return factor
    return 1


def find_money(text: str) -> list[Money]:
    """Every money amount in ``text`` (see :func:`_money`)."""
    return list(_money(text))


@lru_cache(maxsize=4096)
def _money(text: str) -> tuple[Money, ...]:
    """Every amount in euros in ``text``, in order (a range gives two items)."""
    if "€" not in text and "eur" not in text.lower():  # no currency word: no amount
        return ()
    found: list[Money] = []
    for m in _MONEY.finditer(text):
        factor = _multiplier(m)
        numbers = [m["first"]] + ([m["second"]] if m["second"] else [])
        raw = m.group(0).rstrip()
        for number in numbers:
            value = parse_number(number)
            if value is not None:
                found.append(
                    Money(
                        round(value * factor, 2),
                        raw,
                        m.start(),
                        m.start() + len(raw),
                        per_month=bool(m["month"]),
                        is_range=len(numbers) == 2,
                    )
                )
    return tuple(found)


def amount_kind(context: str) -> str:
    """What an amount is, from its context (words before it, the amount, the rest of its
    clause): "rate" (per month), "unused" (anywhere in the context), else the keyword nearest
    before the amount (or first after it): "planned", "spent", "allocated"; else "other"."""
    if _PER_MONTH.search(context):
        return "rate"
    folded = fold(context)
    hits = [(m.start(), m.lastgroup) for m in _KIND.finditer(folded)]
    if any(kind == "unused" for _, kind in hits):
        return "unused"
    amount = _MONEY.search(context)
    at = amount.start() if amount else len(context)
    before = [kind for pos, kind in hits if pos < at]
    if "spent" in before and ACTUAL_STEM in folded[:at]:
        return "spent"  # "faktinė ... skirta suma": the actual amount
    if before:
        return str(before[-1])
    return str(hits[0][1]) if hits else "other"


#: Fewest parts an itemisation has.
MIN_PARTS = 2


def rounding_eur(raw: str) -> float:
    """Half a unit of the precision an amount is stated with: "40,5 tūkst. Eur" → 50.0,
    "0,39 tūkst. Eur" → 5.0, "5 400 Eur" → 0.5."""
    number = re.search(r"\d(?:[ \u00a0\u202f]?\d)*(?:,(\d+))?", raw)
    places = len(number.group(1)) if number and number.group(1) else 0
    folded = fold(raw)
    scale = (
        1_000_000 if "mln" in folded or "milijon" in folded else 1000 if "tukst" in folded else 1
    )
    return scale * 10.0**-places / 2


def itemised(amounts: list[tuple[float, str, bool]]) -> dict[int, int]:
    """Which amounts of one text itemise another: ``{part index: total index}``.

    ``amounts`` are ``(value_eur, raw, per_month)`` in text order. A total is an amount directly
    preceded or directly followed by a run of at least :data:`MIN_PARTS` amounts of the same kind
    (per month or not), each smaller than it, whose sum equals it within the rounding of every
    figure ("2,02 + 13,28 + … + 8,0 = 40,48 ≈ 40,5 tūkst. Eur"; "0,17 tūkst. Eur/mėn., asmuo
    moka 0,02 …, savivaldybės lėšos 0,15 …"). A total with more than one such run, or a part
    claimed by two totals, is left alone (never guessed).
    """
    parts: dict[int, int] = {}
    taken: dict[int, int] = {}
    for total, (value, raw, _) in enumerate(amounts):
        runs = [run for run in _runs(amounts, total) if _sums_to(amounts, run, value, raw)]
        if len(runs) != 1:
            continue
        for index in runs[0]:
            taken[index] = taken.get(index, 0) + 1
            parts[index] = total
    return {
        part: total
        for part, total in parts.items()
        if taken[part] == 1 and part not in parts.values()
    }


def _runs(amounts: list[tuple[float, str, bool]], total: int) -> list[list[int]]:
    """Runs of same-kind amounts smaller than ``amounts[total]`` right before or after it."""
    value, _, per_month = amounts[total]
    runs = []
    for step in (-1, 1):
        run: list[int] = []
        index = total + step
        while 0 <= index < len(amounts):
            other, _, other_month = amounts[index]
            if other_month != per_month:
                index += step
                continue  # a rate inside a list of costs is no part of it, nor ends it
            if other >= value:
                break
            run.append(index)
            if len(run) >= MIN_PARTS:
                runs.append(sorted(run))
            index += step
    return runs


def _sums_to(
    amounts: list[tuple[float, str, bool]], run: list[int], value: float, raw: str
) -> bool:
    total = sum(amounts[i][0] for i in run)
    tolerance = rounding_eur(raw) + sum(rounding_eur(amounts[i][1]) for i in run)
    return abs(total - value) <= tolerance + 1e-9


def amount_reference(raw: str, where: str) -> str:
    """How an amount is named in the ``part_of`` of the amounts that itemise it, the same in
    every format of the report: "696,7 tūkst. Eur (report-wide total)",
    "40,5 tūkst. Eur (01.03.03 a1, Kauno miesto savivaldybė)"."""
    return f"{' '.join(raw.split())} ({where})"
