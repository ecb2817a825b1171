"""Counting like with like: annex rows as items (measures and actions), measures or actions.

A sentence's count says what it counts ("dvi priemonės": measures; "penki priemonių ir veiksmų":
items), and the audit counts the annex in the same unit:

* ``items`` -- each row (a measure's own row, each action row) once;
* ``measures`` -- each measure code once; a measure is undone when any of its rows has an
  undone status, implemented when all of its rows are implemented;
* ``actions`` -- each action row once (a measure's own row is no action).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from apanalysis.analysis import row_label

UNITS: tuple[str, ...] = ("items", "measures", "actions")
#: How each unit is named in a sentence of the audit.
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "items": ("row", "rows"),
    "measures": ("measure", "measures"),
    "actions": ("action", "actions"),
}

Key = object


def unit_of(value: object) -> str:
    """A known unit, "items" for anything else (a year without the column)."""
    return value if isinstance(value, str) and value in UNITS else "items"


def key(code: object, action: object, unit: str) -> Key | None:
    """What one row or reference counts as in ``unit`` (None: not counted in this unit)."""
    has_action = action is not None and not pd.isna(action)
    if unit == "measures":
        return str(code)
    if unit == "actions":
        return (str(code), int(action)) if has_action else None
    return (str(code), int(action) if has_action else None)


def keys(rows: pd.DataFrame, unit: str) -> set:
    """The distinct units of annex ``rows``."""
    found = {key(c, a, unit) for c, a in zip(rows["code"], rows["action"], strict=True)}
    return found - {None}


def ref_keys(refs: Iterable[tuple[str, int | None]], unit: str) -> set:
    """The distinct units of item references ``(code, action)``."""
    return {key(c, a, unit) for c, a in refs} - {None}


def key_label(value: Key) -> str:
    """ "01.01.01" for a measure, "01.01.01 a3" for an action."""
    if isinstance(value, tuple):
        return row_label(value[0], value[1])
    return row_label(value)


def labels(values: Iterable[Key]) -> str:
    """Sorted labels of units, "none" when empty."""
    found = sorted(key_label(v) for v in values)
    return ", ".join(found) or "none"


def implemented_keys(rows: pd.DataFrame, unit: str, implemented: str) -> set:
    """Units all of whose rows are marked ``implemented``."""
    every = keys(rows, unit)
    undone = keys(rows[rows["status"] != implemented], unit)
    return every - undone


def words(n: int, unit: str) -> str:
    """ "1 measure", "3 rows"."""
    singular, plural = UNIT_WORDS[unit]
    return f"{n} {singular if n == 1 else plural}"
