"""The one place for English number forms and the plan's titles."""

import math

from apanalysis.formats import fmt_count, fmt_eur, fmt_number, fmt_pct
from apanalysis.vocabulary.plan import REPORT_TITLES, report_title


def test_eur_forms():
    # Task 1's plan: "29,3 tūkst. Eur" (report.txt) → 29,300 euros.
    assert fmt_eur(29300) == "EUR 29,300"
    assert fmt_eur(1163.81) == "EUR 1,163.81"
    assert fmt_eur(29300, unit_first=False) == "29,300 EUR"
    assert fmt_eur(29300, unit_first=False, thousands=True) == "29.3 thousand EUR"
    assert fmt_eur(math.nan) == "EUR n/a"


def test_pct_count_number():
    assert fmt_pct(0.3208) == "32 %"
    assert fmt_pct(None) == "n/a"
    assert fmt_pct(1.001, 1) == "100.1 %"
    assert fmt_count(1, "task") == "1 task"
    assert fmt_count(2, "entry", "entries") == "2 entries"
    assert fmt_number(5400) == "5,400"
    assert fmt_number(55.55, 2) == "55.55"


def test_titles_named_once():
    assert report_title("criteria", 2020).endswith("criteria and statuses, 2020")
    assert report_title("trends", "2020–2021").endswith("trends across years, 2020–2021")
    assert len({t.split(" — ")[0] for t in REPORT_TITLES.values()}) == 1


def test_status_list_spelled_once():
    """No module but vocabulary/status.py spells out the status list."""
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src" / "apanalysis"
    spelled = [
        p.relative_to(src).as_posix()
        for p in src.rglob("*.py")
        if '"implemented", "partially", "not_implemented"' in p.read_text(encoding="utf-8")
    ]
    assert spelled == []
