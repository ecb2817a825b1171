"""English reference data from ``data/reference/`` (see its README for sources): the plan of a
year, English titles of tasks and measures, the institutions' glossary, municipalities' names.

Missing files or keys give no English text (never an error): the Lithuanian stays.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from apanalysis import paths
from apanalysis.vocabulary.collation import lithuanian_key


@lru_cache(maxsize=32)
def _read(name: str, folder: str) -> pd.DataFrame:
    path = Path(folder) / f"{name}.csv"
    if not path.is_file():
        return pd.DataFrame()
    return pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)


def read(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Reference table ``name`` ("measures", "tasks" …), empty when the file is missing (a
    copy: the file is read once per process, and no caller can change what the next one gets)."""
    return _read(name, str(folder or paths.REFERENCE_DIR)).copy()


def plan_of(year: int, folder: Path | None = None) -> str | None:
    """The plan ("2020–2022") whose years include ``year``, or None."""
    plans = read("plans", folder)
    for row in plans.itertuples():
        if int(row.first_year) <= int(year) <= int(row.last_year):
            return row.plan
    return None


def measure_titles(year: int, folder: Path | None = None) -> dict[str, str]:
    """English short title per measure code of the year's plan."""
    plan = plan_of(year, folder)
    table = read("measures", folder)
    if plan is None or table.empty:
        return {}
    return dict(
        zip(
            table.loc[table["plan"] == plan, "code"],
            table.loc[table["plan"] == plan, "title_en"],
            strict=True,
        )
    )


def task_titles(year: int, folder: Path | None = None) -> dict[int, str]:
    """English title per task number of the year's plan."""
    plan = plan_of(year, folder)
    table = read("tasks", folder)
    if plan is None or table.empty:
        return {}
    rows = table[table["plan"] == plan]
    return {int(t): title for t, title in zip(rows["task"], rows["title_en"], strict=True)}


def municipality_names(folder: Path | None = None) -> dict[str, str]:
    """English name per official Lithuanian municipality name."""
    table = read("municipalities", folder)
    return dict(zip(table.get("name_lt", []), table.get("name_en", []), strict=True))


def in_english(name: object, folder: Path | None = None) -> str:
    """A municipality's English name ("Kauno miesto savivaldybė" → "Kaunas City
    Municipality"); any other name unchanged."""
    return municipality_names(folder).get(str(name), str(name))


def glossary(codes=None, folder: Path | None = None) -> pd.DataFrame:
    """The institutions' glossary (acronym, Lithuanian name, English name), in Lithuanian
    alphabetical order of the acronym; only ``codes`` when given."""
    table = read("institutions", folder)
    if table.empty:
        return table
    if codes is not None:
        table = table[table["acronym"].isin(set(codes))]
    order = sorted(table.index, key=lambda i: lithuanian_key(table.at[i, "acronym"]))
    return table.loc[order].reset_index(drop=True)


def with_english(frame: pd.DataFrame, year: int, folder: Path | None = None) -> pd.DataFrame:
    """``frame`` with an English column after "title": "measure_en", the measure's English
    short title, for rows with a ``row``/``code`` column; "title_en", the task's English title,
    for a task table; unchanged otherwise."""
    if frame.index.name == "municipality" or "municipality" in frame.columns:
        return _municipalities_in_english(frame, folder)
    if "title" not in frame.columns:
        return frame
    out = frame.copy()
    at = list(out.columns).index("title") + 1
    if "row" in out.columns or "code" in out.columns:
        titles = measure_titles(year, folder)
        codes = out["code"] if "code" in out.columns else out["row"].astype(str).str.split().str[0]
        out.insert(at, "measure_en", [titles.get(str(c), "") for c in codes])
    elif "task" in out.columns:
        titles = task_titles(year, folder)
        out.insert(
            at, "title_en", [titles.get(int(t), "") if pd.notna(t) else "" for t in out["task"]]
        )
    return out


def _municipalities_in_english(frame: pd.DataFrame, folder: Path | None) -> pd.DataFrame:
    """``frame`` with a "municipality_en" column (first, or after "municipality")."""
    out = frame.copy()
    names = out.index if out.index.name == "municipality" else out["municipality"]
    english = [in_english(n, folder) if isinstance(n, str) and n else "" for n in names]
    at = 0 if out.index.name == "municipality" else list(out.columns).index("municipality") + 1
    out.insert(at, "municipality_en", english)
    return out
