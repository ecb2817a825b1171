"""Annex amounts that itemise another amount of the same cell (issue 12, class 6)."""

from __future__ import annotations

from apanalysis.source.amounts import mark_parts
from apanalysis.tables.assemble import parse_year


def row(code, value, raw, line, per_month=False):
    return {
        "code": code,
        "action": 1,
        "municipality": "Kauno miesto savivaldybė",
        "value_eur": value,
        "raw": raw,
        "per_month": per_month,
        "source_line": line,
    }


def test_parts_name_their_total_within_one_cell():
    rows = [
        row("01.03.03", 170.0, "0,17 tūkst. Eur/mėn.", 235, True),
        row("01.03.03", 20.0, "0,02 tūkst. Eur/mėn.", 235, True),
        row("01.03.03", 150.0, "0,15 tūkst. Eur/mėn.", 235, True),
        # another cell: never a part of the one above
        row("01.03.05", 20.0, "0,02 tūkst. Eur/mėn.", 247, True),
    ]
    mark_parts(rows)
    assert [r["part_of"] for r in rows] == [
        "",
        "0,17 tūkst. Eur/mėn. (01.03.03 a1, Kauno miesto savivaldybė)",
        "0,17 tūkst. Eur/mėn. (01.03.03 a1, Kauno miesto savivaldybė)",
        "",
    ]


def test_2020_annex_breakdown_of_kaunas():
    amounts = parse_year(2020).amounts
    annex = amounts[amounts["section"] == "annex"]
    parts = annex[annex["part_of"] == "40,5 tūkst. Eur (01.03.03 a1, Kauno miesto savivaldybė)"]
    # lines 228-235: eight costs listed "1. … 2,02 tūkst. Eur" … "8. … 8,0 tūkst. Eur"
    assert round(parts["value_eur"].sum()) == 40_480 and len(parts) == 8
    # a sum over rows that itemise nothing counts the 40,5 once and none of its parts
    whole = annex[annex["part_of"] == ""]
    assert 40_500 in whole["value_eur"].round().tolist()
    assert not set(parts.index) & set(whole.index)
