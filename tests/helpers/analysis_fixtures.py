"""Small handmade tables following docs/contract.md, shared by the analysis/plots/takeaway tests.

Expected values in the tests were counted by hand from these rows (see the comments).
"""

from __future__ import annotations

import pandas as pd

NA = pd.NA
REASON_LABELS = {
    "covid": "COVID-19 pandemic and its restrictions",
    "no_information": "No information submitted",
    "no_need": "No need arose",
    "other_form": "Implemented in another form",
    "not_organized": "Not organised",
    "postponed": "Postponed",
    "abandoned": "Abandoned",
}

# code, action, task, institutions, status, reasons, covid, result_text
_MEASURES = [
    (
        "01.01.01",
        NA,
        1,
        "VRM",
        "not_implemented",
        "covid",
        True,
        "Dėl COVID-19 pandemijos posėdis vyko nuotoliniu būdu.",
    ),
    ("01.01.01", 1, 1, "VRM", "implemented", "", False, "Atnaujinta sudėtis."),
    ("01.01.05", NA, 1, "SAV", "partially", "no_information", False, "12 savivaldybių."),
    (
        "01.01.07",
        NA,
        1,
        "GP;VRM;VDI;PD",
        "implemented",
        "covid",
        True,
        "Vyko virtualiuose susitikimuose dėl COVID-19.",
    ),
    ("01.02.01", 1, 2, "VRM", "implemented", "", False, "Transliuota reklama."),
    ("01.02.01", 3, 2, "URM", "not_implemented", "covid", True, "Neįvyko dėl pandemijos."),
    ("01.02.08", NA, 2, "GP", "not_implemented", "no_information", False, "Nepateikta."),
    ("01.03.01", NA, 3, "SADM", "partially", "covid", True, "208 asmenys, karantinas."),
    (
        "01.03.02",
        NA,
        3,
        "URM",
        "implemented",
        "",
        False,
        "Konsultuota internetu; paskelbta interneto svetainėje.",
    ),
    ("01.04.03", NA, 4, "GP;PD", "not_implemented", "other_form;covid", True, "Mokymai neįvyko."),
    ("01.04.06", NA, 4, "VSAT", "implemented", "", False, "Surengti mokymai."),
    ("01.04.10", NA, 4, "", "implemented", "", False, "Įgyvendinta."),
]


def measures() -> pd.DataFrame:
    rows = []
    for i, (code, action, task, inst, status, reasons, covid, text) in enumerate(_MEASURES):
        rows.append(
            {
                "year": 2020,
                "task": task,
                "code": code,
                "action": action,
                "measure_title": f"Priemonė {code}",
                "title": f"Veiksmas {code}/{action}" if action is not NA else f"Priemonė {code}",
                "institutions": inst,
                "institutions_raw": inst,
                "criterion": "Surengtų susitikimų skaičius – 2",
                "target_value": 2.0,
                "target_unit": "",
                "deadline": "",
                "status": status,
                "status_raw": status,
                "reasons": reasons,
                "covid": covid,
                "result_text": text,
                "municipal_count": 0,
                "source_line": 130 + i,
                "end_line": 130 + i,
            }
        )
    df = pd.DataFrame(rows)
    df["action"] = df["action"].astype("Int64")
    return df


def municipal() -> pd.DataFrame:
    rows = [
        ("01.01.05", NA, "Kauno m.", "implemented", "", False, "Įgyvendinta."),
        ("01.01.05", NA, "Vilniaus m.", "not_implemented", "no_information", False, "Nepateikė."),
        (
            "01.02.01",
            5,
            "Kauno m.",
            "partially",
            "covid",
            True,
            "Renginiai vyko nuotoliniu būdu dėl pandemijos.",
        ),
        ("01.02.01", 5, "Alytaus r.", "implemented", "covid", True, "Karantino metu."),
        (
            "01.02.01",
            5,
            "Vilniaus m.",
            "not_implemented",
            "no_information",
            False,
            "Informacijos nepateikė.",
        ),
    ]
    df = pd.DataFrame(
        [
            {
                "year": 2020,
                "code": code,
                "action": action,
                "municipality": muni,
                "status": status,
                "status_raw": status,
                "reasons": reasons,
                "covid": covid,
                "text": text,
                "source_line": 200 + i,
            }
            for i, (code, action, muni, status, reasons, covid, text) in enumerate(rows)
        ]
    )
    df["action"] = df["action"].astype("Int64")
    return df


def tasks() -> pd.DataFrame:
    nan = float("nan")
    return pd.DataFrame(
        {
            "year": 2020,
            "task": [1, 2, 3, 4],
            "title": ["Koordinavimas", "Prevencija", "Pagalba", "Kompetencija"],
            "criterion_text": ["Dalis – 70 proc.", "Teigiamas", "Teigiamas", "Teigiamas"],
            "criterion_target": [70.0, nan, nan, nan],
            "criterion_achieved": [55.5, nan, nan, nan],
            "criterion_unit": ["proc.", "", "", ""],
            "verdict": ["not_implemented", "partially", "partially", "partially"],
            "verdict_quote": ["neįgyvendintas", "iš dalies", "iš dalies", "iš dalies"],
            "claimed_items": pd.array([16, 17, 4, 17], dtype="Int64"),
            "claimed_unachieved": pd.array([5, 6, 2, 7], dtype="Int64"),
            "claimed_unachieved_quote": ["", "", "", ""],
            "planned_eur": [29300.0, 43900.0, 281400.0, 341600.0],
            "spent_eur": [10000.0, 35000.0, 281700.0, 9980.0],
            "budget_quote": ["", "", "", ""],
            "source_line": [40, 60, 80, 100],
        }
    )


def claims() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": 2020,
            "claim": ["total_items", "total_planned_eur", "total_spent_eur"],
            "task": pd.array([NA, NA, NA], dtype="Int64"),
            "value": [54.0, 696700.0, 336700.0],
            "unit": ["items", "EUR", "EUR"],
            "quote": ["54 priemonės", "696,7 tūkst. Eur", "336,7 tūkst. Eur"],
            "source_line": [111, 115, 115],
        }
    )


def amounts() -> pd.DataFrame:
    # section, task, code, action, municipality, value, per_month, kind, quote
    rows = [
        ("annex", 1, "01.01.07", NA, "", 10000.0, False, "allocated", "skirta 10 tūkst. EUR"),
        (
            "annex",
            1,
            "01.01.01",
            NA,
            "",
            11000.0,
            False,
            "unused",
            "lėšos nebuvo panaudotos, nes dėl pandemijos renginiai vyko nuotoliniu būdu",
        ),
        ("annex", 2, "01.02.01", 1, "", 5400.0, False, "allocated", "skirta 5 400 Eur"),
        ("annex", 2, "01.02.01", 5, "Kauno m.", 1163.81, False, "spent", "išleista 1163,81 Eur"),
        ("annex", 4, "01.04.03", NA, "", 2000.0, False, "spent", "išleista 2 tūkst. Eur"),
        ("annex", 4, "01.04.03", NA, "", 170.0, True, "rate", "0,17 tūkst. Eur/mėn."),
        ("narrative", 1, "", NA, "", 29300.0, False, "planned", "numačiusios 29,3 tūkst. EUR"),
    ]
    df = pd.DataFrame(
        [
            {
                "year": 2020,
                "section": s,
                "task": t,
                "code": c,
                "action": a,
                "municipality": m,
                "value_eur": v,
                "per_month": pm,
                "kind": k,
                "raw": q.split(" ", 1)[-1],
                "quote": q,
                "source_line": 150 + i,
            }
            for i, (s, t, c, a, m, v, pm, k, q) in enumerate(rows)
        ]
    )
    df["task"] = df["task"].astype("Int64")
    df["action"] = df["action"].astype("Int64")
    return df
