"""The Word and PDF readers: their quirks, resolved inside the reader, and bad files refused.

Small Word files are written here with python-docx's plain API (built-in styles only); the
PDFs are the committed fixtures of tests/fixtures/published/ (made by LibreOffice).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from helpers import FIXTURES_DIR

from apanalysis.errors import ApanalysisError
from apanalysis.source.annex import parse_annex
from apanalysis.source.document import FOOTNOTE, HEADING, LIST_ITEM, citation, compact_code
from apanalysis.source.pdf_layout import join_wrapped
from apanalysis.source.reader import find_report, read_document

PUBLISHED = FIXTURES_DIR / "published"
BAD = PUBLISHED / "bad"


def superscript(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.superscript = True


def small_report(path: Path, code: str = "01.01.01.") -> Path:
    """A Word report: title, a paragraph with a hand-typed footnote mark, a bullet, the
    annex table with a merged task header row and a bold status word."""
    document = docx.Document()
    document.add_heading("KOMISIJOS 2021 METŲ VEIKLOS ATASKAITA", level=1)
    paragraph = document.add_paragraph("Posėdį sušaukė komisija")
    superscript(paragraph, "1")
    paragraph.add_run(" (toliau – Komisija).")
    document.add_paragraph("organizuota posėdžių – 9;", style="List Bullet")
    document.add_paragraph("Priedas.")
    table = document.add_table(rows=4, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["Kodas", "Priemonė", "Institucija", "Kriterijus", "Rezultatas"],
        strict=True,
    ):
        cell.text = text
    merged = table.rows[1].cells[0].merge(table.rows[1].cells[4])
    merged.text = "1 uždavinys – stiprinti koordinavimą"
    row = table.rows[2].cells
    row[0].text, row[1].text, row[2].text, row[3].text = (
        code,
        "Organizuoti veiklą",
        "VRM",
        "Posėdžių skaičius – 2",
    )
    result = row[4].paragraphs[0]
    result.add_run("Įgyvendinta.").bold = True
    result.add_run(" Įvyko 2 posėdžiai.")
    row[4].add_paragraph("Kauno miesto savivaldybė. Įgyvendinta.")
    action = table.rows[3].cells
    action[1].text, action[2].text, action[3].text = (
        "1 veiksmas. Atnaujinti sudėtį",
        "VRM",
        "Iki 03-01",
    )
    action[4].paragraphs[0].add_run("Neįgyvendinta.").italic = True
    document.save(path)
    return path


def test_word_paragraphs_headings_lists_and_a_hand_typed_footnote_mark(tmp_path):
    document = read_document(small_report(tmp_path / "report.docx"), expected_year=2021)
    kinds = [(b.kind, b.level) for b in document.blocks]
    assert kinds == [(HEADING, 1), ("paragraph", 0), (LIST_ITEM, 0)]
    assert document.blocks[1].text == "Posėdį sušaukė komisija<sup>1</sup> (toliau – Komisija)."
    assert document.narrative_lines()[0][1] == "# KOMISIJOS 2021 METŲ VEIKLOS ATASKAITA"


def test_word_annex_rows_merged_header_bold_status_and_row_numbers(tmp_path):
    document = read_document(small_report(tmp_path / "report.docx"))
    rows = document.annex
    assert [row.row for row in rows] == [1, 2, 3, 4]
    assert rows[1].cells == ("1 uždavinys – stiprinti koordinavimą", "", "", "", "")
    assert (
        rows[2].cells[4]
        == "<b>Įgyvendinta.</b> Įvyko 2 posėdžiai.<br>Kauno miesto savivaldybė. Įgyvendinta."
    )
    annex = parse_annex(document.annex_lines())
    assert [(r.task, r.code, r.action) for r in annex.records] == [
        (1, "01.01.01", None),
        (1, "01.01.01", 1),
    ]
    assert annex.problems == []


def test_a_code_with_a_stray_space_is_read_as_the_code(tmp_path):
    document = read_document(small_report(tmp_path / "report.docx", code="01.01.01 ."))
    assert document.annex[2].cells[0] == "01.01.01."
    assert compact_code("01 . 02 . 03") == "01.02.03"
    assert compact_code("Kodas") == "Kodas"


def test_heading_by_outline_level_as_other_programs_write_it(tmp_path):
    # LibreOffice and Lithuanian Word name their heading styles differently; the outline
    # level in the paragraph's properties is what they share
    path = small_report(tmp_path / "report.docx")
    document = docx.Document(path)
    paragraph = document.paragraphs[1]
    properties = paragraph._p.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    properties.append(outline)
    document.save(path)
    assert read_document(path).blocks[1].kind == HEADING
    assert read_document(path).blocks[1].level == 2


def test_the_fixture_word_file_has_its_18_footnotes_after_their_paragraphs():
    # report.txt has footnotes <sup>1</sup> to <sup>18</sup> (lines 15-104)
    document = read_document(PUBLISHED / "report2020.docx")
    notes = [b for b in document.blocks if b.kind == FOOTNOTE]
    assert [n.number for n in notes] == list(range(1, 19))
    first = document.blocks.index(notes[0])
    assert "<sup>1</sup>" in document.blocks[first - 1].text
    assert notes[0].text.startswith("Patvirtinta Lietuvos Respublikos Vyriausybės")


def test_pdf_footnotes_and_glued_marks_page_numbers_and_repeated_headers():
    for name in ("report2020.pdf", "report2020_portrait.pdf"):
        document = read_document(PUBLISHED / name)
        notes = [b for b in document.blocks if b.kind == FOOTNOTE]
        assert [n.number for n in notes] == list(range(1, 19)), name
        # "komisija<sup>1</sup>" (report.txt line 7): the raised 1 glued to the word
        first = next(b.text for b in document.blocks if b.text.startswith("2020 m. spalio 20 d."))
        assert "koordinavimo komisija<sup>1</sup> (toliau – Komisija)" in first
        texts = [b.text for b in document.blocks] + [r.cells[0] for r in document.annex]
        assert not [t for t in texts if t.strip("#- ").isdigit()], "a page number was read"
        headers = [r for r in document.annex if r.cells[0] == "Kodas"]
        assert len(headers) == len({r.page for r in document.annex if len(r.cells) == 5})


def test_pdf_row_split_across_pages_continues_with_an_empty_code_cell():
    document = read_document(PUBLISHED / "report2020.pdf")
    rows = document.annex
    continued = [
        (before, after)
        for before, after in zip(rows, rows[1:], strict=False)
        if after.page != before.page and after.cells[0] == "Kodas"
    ]
    assert continued, "no page break in the annex table"
    data = parse_annex(document.annex_lines())
    split = [r for r in data.records if document.page(r.source_line) != document.page(r.end_line)]
    assert split, "no row of the annex runs onto the next page"


@pytest.mark.parametrize(
    ("text", "more", "joined"),
    [
        ("socia\u00ad", "linio", "socialinio"),
        ("2017–", "2019 m.", "2017–2019 m."),
        ("COVID-", "19 pandemija", "COVID-19 pandemija"),
        ("brošiūros-", "lankstinukai", "brošiūros-lankstinukai"),
        ("Lektorius –", "Vladimiras", "Lektorius – Vladimiras"),
        (
            "https://vrm.lrv.lt/LT_versij",
            "a/Viesasis_saugumas",
            "https://vrm.lrv.lt/LT_versija/Viesasis_saugumas",
        ),
        (
            "tinklalapio www.pagalbavaikams.lt",
            "mobiliąją",
            "tinklalapio www.pagalbavaikams.lt mobiliąją",
        ),
        ("kovos su", "prekyba", "kovos su prekyba"),
    ],
)
def test_lines_joined_back(text, more, joined):
    assert join_wrapped(text, more) == joined


def test_citation_prefers_the_page_then_the_table_row_then_the_line():
    assert citation(132) == "line 132"
    assert citation(40, 12) == "p. 12"
    assert citation(7, None, 14) == "table row 14"
    assert citation(None) == ""


# --------------------------------------------------------------------------- bad files


def refused(path: Path, message: str) -> None:
    before = path.read_bytes()
    with pytest.raises(ApanalysisError, match=message) as error:
        read_document(path)
    line = error.value.one_line()
    assert str(path) in line and "\n" not in line
    assert path.read_bytes() == before  # raw files are never modified


def test_a_scan_without_a_text_layer(tmp_path):
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument.new()
    source = pdfium.PdfDocument(PUBLISHED / "report2020.pdf")
    bitmap = source[0].render(scale=0.5).to_pil()
    for _ in range(2):
        page = scan.new_page(595, 842)
        image = pdfium.PdfImage.new(scan)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(bitmap))
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(image)
        page.gen_content()
    path = tmp_path / "report.pdf"
    scan.save(path)
    refused(path, "no text layer — is it a scan\\? OCR it first")


def test_an_encrypted_pdf():
    refused(BAD / "encrypted.pdf", "encrypted \\(password-protected\\)")


def test_a_pdf_without_a_ruled_annex_table():
    refused(BAD / "no_annex_table.pdf", "no annex table")


def test_an_old_word_doc_also_when_renamed_docx(tmp_path):
    refused(BAD / "old_word.doc", "save it as .docx")
    renamed = tmp_path / "report.docx"
    renamed.write_bytes((BAD / "old_word.doc").read_bytes())
    refused(renamed, "save it as .docx")


def test_an_encrypted_word_file(tmp_path):
    # Word keeps a password-protected .docx in a compound file (the .doc container) with an
    # "EncryptedPackage" stream; a stand-in with that header and stream name
    path = tmp_path / "report.docx"
    header = (BAD / "old_word.doc").read_bytes()[:512]
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    refused(path, "Word file is encrypted \\(password-protected\\)")


def test_a_docx_that_is_a_zip_of_something_else(tmp_path):
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("duomenys.csv", "a,b\n1,2\n")
    refused(path, "a zip file, not a Word document")


def test_a_pdf_named_docx_and_a_text_named_pdf(tmp_path):
    docx_path = tmp_path / "report.docx"
    docx_path.write_bytes((PUBLISHED / "report2020.pdf").read_bytes())
    refused(docx_path, "not a Word .docx file")
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_text("## Ataskaita\nPriedas.\n", encoding="utf-8")
    refused(pdf_path, "not a PDF file")
    txt_path = tmp_path / "report.txt"
    txt_path.write_bytes((PUBLISHED / "report2020.pdf").read_bytes())
    refused(txt_path, "it is a PDF — name it .pdf")


def test_two_report_files_of_different_formats(tmp_path):
    folder = tmp_path / "2020"
    folder.mkdir()
    (folder / "report.txt").write_text("x", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(
        ApanalysisError,
        match="more than one report file in the year folder: report.pdf, report.txt \\(the same report in different formats\\?",
    ):
        find_report(2020, tmp_path)


def test_a_word_heading_must_name_the_folders_year(tmp_path):
    with pytest.raises(ApanalysisError, match="names 2021, but it is in the folder for 2020"):
        read_document(small_report(tmp_path / "report.docx"), expected_year=2020)
