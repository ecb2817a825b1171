"""Measure and action references listed in a narrative sentence.

``parse_item_references("01.02.01 priemonės 3 veiksmas, 01.02.02. priemonės 1 ir 2 veiksmai,
01.02.03, 01.02.08 ir 01.02.10 priemonės")`` →
``[("01.02.01", 3), ("01.02.02", 1), ("01.02.02", 2), ("01.02.03", None), ("01.02.08", None),
("01.02.10", None)]``: ``(code, action)`` with ``None`` for a measure itself.

How a sentence is read (footnote markers must already be stripped):

* A *group* is one or more codes joined by "," / "ir" / "bei", optionally followed by a form of
  "priemonė", optionally followed by action numbers ("1 ir 2") and a form of "veiksmas" (the
  report's typos "veiksnių", "veikslių" included).
* Action numbers belong to the group's last code; the other codes of the group are measures.
* "priemonės 3 veiksmas" (genitive: the measure's action) lists only the action;
  "priemonė ir jos 3 veiksmai" (the measure *and* its actions) lists the measure too.
* A code followed directly by action numbers ("01.01.01. 3 veiksmai") lists only the actions.
* Numbers not followed by a "veiksmas" word ("01.03.01 priemonė, kurios ... 220 asmenų") are
  not action numbers. Duplicates are dropped, first occurrence kept.

A single number N ≥ 2 before a *plural* "veiksmai"/"veiksmų" ("01.01.01. priemonė ir jos 3
veiksmai") reads two ways: action number N (as the report numbers actions) or N actions (as the
grammar says). :func:`reference_readings` gives both (the first is what
:func:`parse_item_references` returns); a singular "3 veiksmas" or a list "1 ir 2 veiksmai" reads
one way.
"""

from __future__ import annotations

import re

__all__ = ["CODE_PATTERN", "parse_item_references", "reference_readings"]

#: A measure code as the narrative writes it ("01.02.02" or "01.02.02."); the dot is dropped.
CODE_PATTERN = r"\d{2}\.\d{2}\.\d{2}(?!\d)\.?"
_JOIN = r"\s*(?:,|\bir\b|\bbei\b)\s*"
_NUMBERS = r"\d{1,2}(?:\s*(?:,|\bir\b|\bbei\b)\s*\d{1,2})*"
GROUP_RE = re.compile(
    rf"(?P<codes>{CODE_PATTERN}(?:{_JOIN}{CODE_PATTERN})*)"
    r"(?:\s*(?P<noun>priemon\w*))?"
    rf"(?:\s+(?P<own>(?:ir|bei)\s+(?:jos|jo|šios|šio)\s+)?(?P<actions>{_NUMBERS})\s+(?P<word>veiks\w*))?",
    re.IGNORECASE,
)
_CODE_RE = re.compile(CODE_PATTERN)


def _code(raw: str) -> str:
    return raw.rstrip(".")


#: Plural endings of "veiksmas" (and of the report's typos "veiksnių", "veikslių").
_PLURAL_RE = re.compile(r"(?:ai|ų|us|ais|ams|uose|iai|ių)$", re.IGNORECASE)


def parse_item_references(text: str) -> list[tuple[str, int | None]]:
    """``(code, action)`` pairs a sentence lists, in order; ``action`` None for a measure."""
    return _references(text, count_reading=False)


def reference_readings(text: str) -> list[list[tuple[str, int | None]]]:
    """The readings of a sentence's references: one list, or two when a single number before a
    plural "veiksmai" may be an action number or a count of actions (module docstring)."""
    first = _references(text, count_reading=False)
    second = _references(text, count_reading=True)
    return [first] if second == first else [first, second]


def _is_count_of_actions(match: re.Match[str], actions: list[int]) -> bool:
    word = match.group("word") or ""
    return len(actions) == 1 and actions[0] >= 2 and bool(_PLURAL_RE.search(word))


def _references(text: str, count_reading: bool) -> list[tuple[str, int | None]]:
    found: list[tuple[str, int | None]] = []
    for match in GROUP_RE.finditer(text or ""):
        codes = [_code(c) for c in _CODE_RE.findall(match.group("codes"))]
        actions = [int(n) for n in re.findall(r"\d+", match.group("actions") or "")]
        if count_reading and _is_count_of_actions(match, actions):
            actions = list(range(1, actions[0] + 1))
        if not actions:
            found.extend((code, None) for code in codes)
            continue
        *measures, last = codes
        found.extend((code, None) for code in measures)
        if match.group("own"):
            found.append((last, None))
        found.extend((last, action) for action in actions)
    return list(dict.fromkeys(found))
