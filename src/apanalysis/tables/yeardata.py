"""The one container of a year's tables, :class:`YearData` (no logic, imports nothing of ours)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd


@dataclass
class YearData:
    """One year's tables. ``problems`` lists what could not be read, with file and line."""

    year: int
    source: Path
    measures: pd.DataFrame
    municipal: pd.DataFrame
    tasks: pd.DataFrame
    claims: pd.DataFrame
    amounts: pd.DataFrame
    caveats: pd.DataFrame  # sentences that qualify the report's own figures
    problems: pd.DataFrame
    lines: pd.DataFrame  # how each non-empty annex line was used

    TABLES = (
        "measures",
        "municipal",
        "tasks",
        "claims",
        "amounts",
        "caveats",
        "problems",
        "lines",
    )

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(getattr(self, name))}" for name in self.TABLES)
        return f"YearData({self.year}: {sizes})"
