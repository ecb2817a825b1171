"""Tables given their dtypes, and checked against pandera schemas, both from :mod:`.spec`."""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from apanalysis.tables.spec import (
    CODE_PATTERN,
    DTYPES,
    MUNICIPAL_STATUSES,
    STATUSES,
    TABLES,
    Column,
    Rule,
)

if TYPE_CHECKING:
    from apanalysis.tables.yeardata import YearData

__all__ = [
    "CODE_PATTERN",
    "DTYPES",
    "MUNICIPAL_STATUSES",
    "STATUSES",
    "check",
    "check_table",
    "coerce",
    "frame_from_rows",
    "schemas",
]


def coerce(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give every column of ``table`` its dtype; text columns become strings ("" for missing)."""
    types = DTYPES[table]
    columns = {}
    for column in frame.columns:
        values, dtype = frame[column], types.get(column)
        if dtype is None:
            columns[column] = values.fillna("").astype(str)
        elif dtype == "bool":
            columns[column] = values.fillna(False).astype(bool)
        elif dtype == "Int64":
            columns[column] = pd.array(pd.to_numeric(values), dtype="Int64")
        else:
            columns[column] = pd.to_numeric(values).astype(dtype)
    return pd.DataFrame(columns, index=frame.index, columns=frame.columns)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _column(values: list, dtype: str | None, text_dtype):
    """One column of :func:`frame_from_rows`, converted in Python, then made an array once."""
    if dtype is None:
        # fast path: most values are exactly str, which is never missing and is its own str()
        texts = [v if type(v) is str else "" if _missing(v) else str(v) for v in values]
        return pd.array(texts, dtype=text_dtype)
    if dtype == "bool":
        return np.array([False if _missing(v) else bool(v) for v in values], dtype=bool)
    if dtype == "Int64":  # values and mask directly: several times faster than pd.array
        mask = np.array([_missing(v) for v in values], dtype=bool)
        data = np.array(
            [0 if m else int(v) for v, m in zip(values, mask, strict=True)], dtype="int64"
        )
        return pd.arrays.IntegerArray(data, mask)
    return np.array([np.nan if _missing(v) else v for v in values], dtype=dtype)


def _refuse_unknown_keys(rows: list[dict], columns: list[str], table: str) -> None:
    """A row key outside the spec would be dropped silently: make it an error instead."""
    unknown = set().union(*map(set, rows)).difference(columns) if rows else set()
    if unknown:
        raise ValueError(
            f"table {table!r}: column(s) {sorted(unknown)} are not in apanalysis/tables/spec.py"
        )


def frame_from_rows(rows: list[dict], table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A table built from row dicts with every column's dtype set (the same frame as
    ``coerce(pd.DataFrame(rows, columns=columns), table)``, built much faster)."""
    if columns is None:
        columns = list(dict.fromkeys(key for row in rows for key in row))
    else:
        _refuse_unknown_keys(rows, columns, table)
    types = DTYPES[table]
    text_dtype = pd.api.types.pandas_dtype("str")  # resolved once, not per column
    data = {c: _column([row.get(c) for row in rows], types.get(c), text_dtype) for c in columns}
    if not data:
        return pd.DataFrame(data, columns=columns)  # no columns: an empty Index, not a range
    # the arrays are new and in column order: no copy, no reindexing needed
    return pd.DataFrame(data, copy=False)


def _pandera_check(rule: Rule):
    import pandera.pandas as pa

    if rule.kind == "ge":
        return pa.Check.ge(rule.arg)
    if rule.kind == "isin":
        return pa.Check.isin(list(rule.arg))
    if rule.kind == "matches":
        return pa.Check.str_matches(rule.arg)
    if rule.kind == "nonempty":
        return pa.Check.str_length(min_value=1)
    if rule.kind == "items_in":
        allowed = frozenset(rule.arg)
        return pa.Check(
            lambda cell: all(item in allowed for item in cell.split(";") if item),
            element_wise=True,
            error=rule.describe(),
        )
    raise ValueError(f"unknown rule {rule.kind!r}")


def _pandera_column(column: Column):
    import pandera.pandas as pa

    dtype = None if column.dtype == "object" else column.dtype
    checks = [_pandera_check(column.rule)] if column.rule else []
    return pa.Column(dtype, checks, nullable=column.may_be_missing, required=True)


@lru_cache(maxsize=1)
def schemas() -> dict:
    """Pandera schemas of every table of :mod:`.spec` (pandera imported only when checking):
    each column's presence, dtype, missing values and rule; no column beyond the spec."""
    import pandera.pandas as pa

    return {
        name: pa.DataFrameSchema(
            {column.name: _pandera_column(column) for column in table.columns},
            strict=True,
            ordered=True,
            unique=list(table.unique) or None,
        )
        for name, table in TABLES.items()
    }


def check_table(frame: pd.DataFrame, table: str, source: Path | None = None) -> pd.DataFrame:
    """Validate one table against its schema; a breach is an error naming the table."""
    from pandera.errors import SchemaError, SchemaErrors

    from apanalysis.errors import ApanalysisError

    try:
        schemas()[table].validate(frame)
    except (SchemaError, SchemaErrors) as error:
        first = error.schema_errors[0] if isinstance(error, SchemaErrors) else error
        first_line = str(first).strip().splitlines()[0]
        raise ApanalysisError(f"table {table!r} breaks its schema: {first_line}", source) from error
    return frame


def check(data: YearData) -> YearData:
    """Validate every table of ``data`` against its schema."""
    for table in data.TABLES:
        check_table(getattr(data, table), table, data.source)
    return data
