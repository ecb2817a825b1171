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
"""

from __future__ import annotations

import re

__all__ = ["CODE_PATTERN", "parse_item_references"]

#: A measure code as the narrative writes it ("01.02.02" or "01.02.02."); the dot is dropped.
CODE_PATTERN = r"\d{2}\.\d{2}\.\d{2}(?!\d)\.?"
_JOIN = r"\s*(?:,|\bir\b|\bbei\b)\s*"
_NUMBERS = r"\d{1,2}(?:\s*(?:,|\bir\b|\bbei\b)\s*\d{1,2})*"
GROUP_RE = re.compile(
    rf"(?P<codes>{CODE_PATTERN}(?:{_JOIN}{CODE_PATTERN})*)"
    r"(?:\s*(?P<noun>priemon\w*))?"
    rf"(?:\s+(?P<own>(?:ir|bei)\s+(?:jos|jo|šios|šio)\s+)?(?P<actions>{_NUMBERS})\s+veiks\w*)?",
    re.IGNORECASE,
)
_CODE_RE = re.compile(CODE_PATTERN)


def _code(raw: str) -> str:
    return raw.rstrip(".")


def parse_item_references(text: str) -> list[tuple[str, int | None]]:
    """``(code, action)`` pairs a sentence lists, in order; ``action`` None for a measure."""
    found: list[tuple[str, int | None]] = []
    for match in GROUP_RE.finditer(text or ""):
        codes = [_code(c) for c in _CODE_RE.findall(match.group("codes"))]
        actions = [int(n) for n in re.findall(r"\d+", match.group("actions") or "")]
        if not actions:
            found.extend((code, None) for code in codes)
            continue
        *measures, last = codes
        found.extend((code, None) for code in measures)
        if match.group("own"):
            found.append((last, None))
        found.extend((last, action) for action in actions)
    return list(dict.fromkeys(found))
