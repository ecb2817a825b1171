"""Narrative sentences saying not all institutions reported their spending."""

from pathlib import Path

from apanalysis.source.caveats import unreported_spending
from apanalysis.source.reader import read_report
from apanalysis.vocabulary.caveats import spending_unreported

REPORT = Path(__file__).resolve().parents[3] / "data" / "raw" / "2020" / "report.txt"


def test_the_2020_report_says_it_for_task_4_only():
    found = unreported_spending(read_report(REPORT))
    # report.txt line 104: "... ne visos institucijos pateikė informaciją apie išleistas lėšas ..."
    assert found["task"].tolist() == [4] and found["source_line"].tolist() == [104]
    assert "ne visos institucijos" in found["quote"].iloc[0]


def test_other_sentences_are_not_caveats():
    assert spending_unreported("Informacijos apie išleistas lėšas savivaldybės nepateikė.")
    # report.txt line 116: not about money
    assert not spending_unreported(
        "Dalis institucijų informacijos apie Plano priemonių įgyvendinimą 2020 m. nepateikė."
    )
    assert not spending_unreported("Institucijos išleido 10 tūkst. EUR.")


def test_the_caveat_is_found_in_a_published_word_or_pdf_report():
    # the spending report reads the caveat from the report as published, in any format:
    # report.txt line 104 "… ne visos institucijos pateikė informaciją apie išleistas lėšas …"
    from helpers import FIXTURES_DIR

    from apanalysis.source.reader import read_document

    for name in ("report2020.docx", "report2020.pdf"):
        found = unreported_spending(read_document(FIXTURES_DIR / "published" / name))
        assert found["quote"].str.contains("ne visos institucijos pateikė").any(), name


def test_the_caveats_table_of_2020_holds_the_sentence_of_line_104():
    from apanalysis.tables.assemble import parse_year

    caveats = parse_year(2020).caveats
    # report.txt line 104, in task 4's section: "Atkreiptinas dėmesys į tai, kad ne visos
    # institucijos pateikė informaciją apie išleistas lėšas priemonėms įgyvendinti."
    assert caveats["kind"].tolist() == ["spending_not_all_reported"]
    assert caveats["task"].tolist() == [4] and caveats["source_line"].tolist() == [104]
    assert caveats["quote"].iloc[0].startswith("Atkreiptinas dėmesys į tai, kad ne visos")
    assert caveats["source_page"].isna().all()  # a text report has no pages
