"""Small handmade years for the trends tests (counted by hand in tests/test_trends.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

NA = pd.NA

# code, action, task, status, covid
Y2020 = [
    ("01.01.01", NA, 1, "not_implemented", True),
    ("01.01.01", 1, 1, "implemented", False),
    ("01.01.05", NA, 1, "partially", False),
    ("01.02.01", 1, 2, "implemented", False),
    ("01.02.01", 3, 2, "not_implemented", True),
    ("01.03.01", NA, 3, "partially", True),
]
Y2021 = [
    ("01.01.01", NA, 1, "implemented", False),  # not implemented -> implemented
    ("01.01.01", 1, 1, "not_implemented", True),  # implemented -> not implemented
    ("01.01.05", NA, 1, "not_implemented", False),  # partially -> not implemented
    ("01.02.01", 1, 2, "implemented", False),  # unchanged
    # 01.02.01 action 3 dropped
    ("01.03.01", NA, 3, "implemented", False),  # partially -> implemented
    ("01.03.02", NA, 3, "partially", False),  # added
    ("01.04.01", NA, 4, "implemented", False),  # added
]
Y2023 = [("01.01.01", NA, 1, "implemented", False)]  # 2022 not given


def year(number: int, rows, budgets=(), claims=()) -> SimpleNamespace:
    measures = pd.DataFrame(
        [
            {
                "year": number,
                "task": t,
                "code": c,
                "action": a,
                "title": f"{c}/{a}",
                "status": s,
                "covid": v,
            }
            for c, a, t, s, v in rows
        ]
    ).astype({"task": "Int64", "action": "Int64"})
    tasks = pd.DataFrame(
        [{"year": number, "task": t, "planned_eur": p, "spent_eur": s} for t, p, s in budgets],
        columns=["year", "task", "planned_eur", "spent_eur"],
    )
    claims = pd.DataFrame(
        [{"year": number, "claim": c, "task": NA, "value": v} for c, v in claims],
        columns=["year", "claim", "task", "value"],
    )
    return SimpleNamespace(year=number, measures=measures, tasks=tasks, claims=claims)
