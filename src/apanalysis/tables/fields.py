"""The building blocks of the column spec (:mod:`.spec`): :class:`Rule`, :class:`Column`,
:class:`Table`. The tables themselves are defined in :mod:`.spec`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A check on a column's values, beyond its dtype (missing values are not checked).

    ``kind`` is one of ``ge`` (>= ``arg``), ``isin`` (one of ``arg``), ``matches`` (the regular
    expression ``arg``), ``nonempty`` (text of at least one character) and ``items_in`` (each
    ``;``-separated item is one of ``arg``; an empty cell has no items)."""

    kind: str
    arg: object = None

    def describe(self) -> str:
        """The rule in words, for the data dictionary."""
        if self.kind == "ge":
            return f"≥ {self.arg}"
        if self.kind == "isin":
            return "one of " + ", ".join(f"`{v}`" if v else '""' for v in self.arg)
        if self.kind == "matches":
            return f"matches `{self.arg}`"
        if self.kind == "nonempty":
            return "not empty"
        if self.kind == "items_in":
            return "items from " + ", ".join(f"`{v}`" for v in self.arg)
        raise ValueError(f"unknown rule {self.kind!r}")


def ge(value: float) -> Rule:
    return Rule("ge", value)


def isin(*values: str) -> Rule:
    return Rule("isin", tuple(values))


def matches(pattern: str) -> Rule:
    return Rule("matches", pattern)


@dataclass(frozen=True)
class Column:
    """One column: ``dtype`` as in the module docstring; ``nullable`` whether values may be
    missing (numbers only: text is "" when missing)."""

    name: str
    dtype: str
    meaning: str
    example: str
    rule: Rule | None = None
    nullable: bool | None = None

    @property
    def may_be_missing(self) -> bool:
        if self.nullable is not None:
            return self.nullable
        return self.dtype in ("Int64", "float64", "object")


@dataclass(frozen=True)
class Table:
    """A table: its file name, what one row is, its columns in file order, and the columns
    that together identify a row (checked unique)."""

    name: str
    row: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]
