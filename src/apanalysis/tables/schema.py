"""Column types of every table and the pandera schemas checked when a year is loaded."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from apanalysis.source.achieved import FLAGS

if TYPE_CHECKING:
    from apanalysis.tables.assemble import YearData

STATUSES = ("implemented", "partially", "not_implemented")
#: A municipality may also say it had planned nothing for the measure.
MUNICIPAL_STATUSES = (*STATUSES, "not_planned")
CODE_PATTERN = r"^\d{2}\.\d{2}\.\d{2}$"

#: dtype of each column that is not a plain string; every other column is a string.
DTYPES: dict[str, dict[str, str]] = {
    "measures": {
        "year": "int64",
        "task": "Int64",
        "action": "Int64",
        "target_value": "float64",
        "covid": "bool",
        "municipal_count": "int64",
        "source_line": "int64",
        "end_line": "int64",
        "achieved_value": "float64",
        "achievement_ratio": "float64",
    },
    "municipal": {"year": "int64", "action": "Int64", "covid": "bool", "source_line": "int64"},
    "tasks": {
        "year": "int64",
        "task": "int64",
        "criterion_target": "float64",
        "criterion_achieved": "float64",
        "verdict_line": "Int64",
        "claimed_items": "Int64",
        "claimed_items_line": "Int64",
        "claimed_unachieved": "Int64",
        "claimed_unachieved_line": "Int64",
        "planned_eur": "float64",
        "spent_eur": "float64",
        "source_line": "Int64",
    },
    "claims": {"year": "int64", "task": "Int64", "value": "float64", "source_line": "Int64"},
    "amounts": {
        "year": "int64",
        "task": "Int64",
        "action": "Int64",
        "value_eur": "float64",
        "per_month": "bool",
        "is_range": "bool",
        "source_line": "Int64",
    },
    "problems": {"line": "Int64"},
    "lines": {"line": "int64", "action": "Int64"},
}


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


def frame_from_rows(rows: list[dict], table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A table built from row dicts with every column's dtype set (the same frame as
    ``coerce(pd.DataFrame(rows, columns=columns), table)``, built much faster)."""
    if columns is None:
        columns = list(dict.fromkeys(key for row in rows for key in row))
    types = DTYPES[table]
    text_dtype = pd.api.types.pandas_dtype("str")  # resolved once, not per column
    data = {c: _column([row.get(c) for row in rows], types.get(c), text_dtype) for c in columns}
    if not data:
        return pd.DataFrame(data, columns=columns)  # no columns: an empty Index, not a range
    # the arrays are new and in column order: no copy, no reindexing needed
    return pd.DataFrame(data, copy=False)


def schemas() -> dict:
    """Pandera schemas of the tables (pandera imported only when checking)."""
    import pandera.pandas as pa

    def col(dtype, *checks, **kw):
        return pa.Column(dtype, list(checks), **kw)

    status = pa.Check.isin(STATUSES)
    code = pa.Check.str_matches(CODE_PATTERN)
    return {
        "measures": pa.DataFrameSchema(
            {
                "year": col(int),
                "task": col("Int64", pa.Check.ge(1)),
                "code": col(str, code),
                "action": col("Int64", pa.Check.ge(1), nullable=True),
                "status": col(str, status),
                "covid": col(bool),
                "target_value": col(float, pa.Check.ge(0), nullable=True),
                "deadline": col(str, pa.Check.str_matches(r"^(\d{2}-\d{2})?$")),
                "source_line": col(int, pa.Check.ge(1)),
                "achieved_value": col(float, pa.Check.ge(0), nullable=True),
                "flag": col(str, pa.Check.isin(("", *FLAGS))),
            },
            unique=["code", "action"],
        ),
        "municipal": pa.DataFrameSchema(
            {
                "code": col(str, code),
                "municipality": col(str, pa.Check.str_length(min_value=1)),
                "status": col(str, pa.Check.isin(MUNICIPAL_STATUSES)),
                "source_line": col(int, pa.Check.ge(1)),
            }
        ),
        "tasks": pa.DataFrameSchema(
            {"task": col(int, pa.Check.ge(1), unique=True)},
        ),
        "claims": pa.DataFrameSchema(
            {"claim": col(str), "value": col(float, nullable=True), "quote": col(str)}
        ),
        "amounts": pa.DataFrameSchema(
            {
                "section": col(str, pa.Check.isin(["narrative", "annex"])),
                "value_eur": col(float, pa.Check.ge(0)),
                "kind": col(str),
            }
        ),
    }


def check(data: YearData) -> YearData:
    """Validate every table against its schema; a breach is an error naming the table."""
    from pandera.errors import SchemaError

    from apanalysis.errors import ApanalysisError

    for table, schema in schemas().items():
        frame = getattr(data, table)
        try:
            schema.validate(frame)
        except SchemaError as error:
            first_line = str(error).strip().splitlines()[0]
            raise ApanalysisError(
                f"table {table!r} breaks its schema: {first_line}", data.source
            ) from error
    return data
