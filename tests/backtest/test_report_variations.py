"""Robustness of reading and parsing on structure, not on the 2020 report's positions.

Each variation below rewrites a copy of data/raw/2020/report.txt the way another year's
conversion might differ (line ends, encodings, spaces, markup, page breaks, heading levels);
the parsed rows must be the same as the 2020 report's. Small unit cases pin each rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from apanalysis import paths
from apanalysis.errors import ApanalysisError
from apanalysis.source.annex import align, parse_annex
from apanalysis.source.narrative import split_sections, to_blocks
from apanalysis.source.reader import decode, heading_year, read_report, split_lines
from apanalysis.tables.assemble import parse_year
from apanalysis.vocabulary.text import strip_emphasis

RAW_2020 = paths.RAW_DIR / "2020" / "report.txt"
TEXT = RAW_2020.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
ANNEX = LINES.index("Priedas.")  # 0-based index of the annex marker
SEPARATOR = "--\t--\t--\t--\t--"
COLUMN_HEADER = "\t".join(
    (
        "Kodas",
        "Priemonės ir veiksmai",
        "Institucija",
        "Numatytas vertinimo kriterijus",
        "Rezultatas",
    )
)
COMPARED = [
    "task",
    "measure_title",
    "title",
    "institutions",
    "criterion",
    "target_values",
    "deadline",
    "status",
    "reasons",
    "municipal_count",
]


@pytest.fixture(scope="module")
def base():
    return parse_year(2020)


def parse_text(tmp_path: Path, text: str, encoding: str = "utf-8", bom: bool = False):
    (tmp_path / "2020").mkdir()
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
    (tmp_path / "2020" / "report.txt").write_bytes(data)
    return parse_year(2020, raw_dir=tmp_path)


def keyed(measures: pd.DataFrame) -> pd.DataFrame:
    out = measures.assign(action=measures.action.fillna(0)).set_index(["code", "action"])
    return out[COMPARED]


def annex(edit: Callable[[str], str]) -> str:
    """The 2020 report with ``edit`` applied to its annex only."""
    return "\n".join(LINES[: ANNEX + 1]) + "\n" + edit("\n".join(LINES[ANNEX + 1 :]))


def narrative(edit: Callable[[str], str]) -> str:
    """The 2020 report with ``edit`` applied to its narrative only."""
    return edit("\n".join(LINES[:ANNEX])) + "\n" + "\n".join(LINES[ANNEX:])


def _markdown(a: str) -> str:
    a = a.replace("<b><i>", "***").replace("</i></b>", "***")
    return re.sub(r"</?b>", "**", re.sub(r"</?i>", "_", a))


def _strong_em(a: str) -> str:
    return re.sub(r"<(/?)b>", r"<\1strong>", re.sub(r"<(/?)i>", r"<\1em>", a))


def _cut_cell(cell: str) -> tuple[str, str]:
    """Cut a cell at the space nearest its middle that is not inside a tag."""
    inside, spaces = False, []
    for i, ch in enumerate(cell):
        inside = (inside or ch == "<") and ch != ">"
        if ch == " " and not inside:
            spaces.append(i)
    if not spaces:
        return cell, ""
    cut = min(spaces, key=lambda i: abs(i - len(cell) // 2))
    return cell[:cut], cell[cut + 1 :]


def _page_break_in_every_row(a: str, between: tuple[str, ...] = (SEPARATOR, "")) -> str:
    """Cut every full row (measure, action, continuation) in two as a PDF page break does."""
    out = []
    for line in a.split("\n"):
        cells = line.split("\t")
        if len(cells) != 5 or cells[0].startswith(("-", "Kodas")) or "uždavinys" in cells[0]:
            out.append(line)
            continue
        first, rest = [cells[0]], [""]
        for cell in cells[1:]:
            head, tail = _cut_cell(cell)
            first.append(head)
            rest.append(tail)
        out += ["\t".join(first), *between, "\t".join(rest)]
    return "\n".join(out)


def _task_headers(a: str, template: str) -> str:
    return re.sub(
        r"^(?:<b>)?(\d uždavinys[^\t]*?)(?:</b>)?\t\t\t\t$",
        lambda m: template.format(m.group(1)),
        a,
        flags=re.M,
    )


VARIATIONS: dict[str, tuple[Callable[[], str], dict]] = {
    "CRLF line ends and a BOM": (lambda: TEXT.replace("\n", "\r\n"), {"bom": True}),
    "CR line ends": (lambda: TEXT.replace("\n", "\r"), {}),
    "Windows-1257": (lambda: TEXT, {"encoding": "cp1257"}),
    "no-break spaces for every space": (lambda: TEXT.replace(" ", "\u00a0"), {}),
    "narrow no-break spaces in numbers": (lambda: re.sub(r"(?<=\d) (?=\d)", "\u202f", TEXT), {}),
    "form feed opening each separator row": (
        lambda: "\n".join("\f" + x if x.startswith("--\t") else x for x in LINES),
        {},
    ),
    "trailing tabs and spaces trimmed": (lambda: "\n".join(x.rstrip("\t ") for x in LINES), {}),
    "<strong>/<em> instead of <b>/<i>": (lambda: annex(_strong_em), {}),
    "Markdown **, _ and *** instead of <b>, <i>": (lambda: annex(_markdown), {}),
    "no bold or italic at all": (lambda: annex(lambda a: re.sub(r"</?[bi]>", "", a)), {}),
    "codes in bold": (
        lambda: annex(lambda a: re.sub(r"^(\d\d\.\d\d\.\d\d\.?)\t", r"**\1**\t", a, flags=re.M)),
        {},
    ),
    "annex task headers as Markdown headings": (
        lambda: annex(lambda a: _task_headers(a, "### {}")),
        {},
    ),
    "annex task headers in <p><b> without tabs": (
        lambda: annex(lambda a: _task_headers(a, "<p><b>{}</b></p>")),
        {},
    ),
    "annex task headers left out": (lambda: annex(lambda a: _task_headers(a, "")), {}),
    "a page break in every row": (lambda: annex(_page_break_in_every_row), {}),
    "page breaks with a repeated column header": (
        lambda: annex(lambda a: _page_break_in_every_row(a, (SEPARATOR, "", COLUMN_HEADER))),
        {},
    ),
    "page breaks with a page number": (
        lambda: annex(lambda a: _page_break_in_every_row(a, ("", "12", ""))),
        {},
    ),
    "no separator rows or blank lines": (
        lambda: "\n".join(x for x in LINES if x.strip() and not x.startswith("--\t")),
        {},
    ),
    "narrative task headings all at level 1": (
        lambda: narrative(lambda t: re.sub(r"^#+ (\*\*\d uždavinys)", r"# \1", t, flags=re.M)),
        {},
    ),
    "narrative task 4 heading above the next section's level": (
        lambda: narrative(lambda t: t.replace("#### **4 uždavinys", "## **4 uždavinys")),
        {},
    ),
    "narrative task headings as bold lines": (
        lambda: narrative(lambda t: re.sub(r"^#+ (\*\*\d uždavinys)", r"\1", t, flags=re.M)),
        {},
    ),
    "narrative task headings as plain lines": (
        lambda: narrative(lambda t: re.sub(r"^#+ \*\*(\d uždavinys.*)\*\*$", r"\1", t, flags=re.M)),
        {},
    ),
}


@pytest.mark.parametrize("name", list(VARIATIONS))
def test_variation_parses_like_the_2020_report(tmp_path, base, name):
    make, options = VARIATIONS[name]
    data = parse_text(tmp_path, make(), **options)
    assert data.problems.empty, data.problems.problem.tolist()
    pd.testing.assert_frame_equal(keyed(data.measures), keyed(base.measures))
    columns = ["code", "action", "municipality", "status"]
    pd.testing.assert_frame_equal(data.municipal[columns], base.municipal[columns])
    columns = ["task", "planned_eur", "spent_eur", "verdict", "claimed_items"]
    pd.testing.assert_frame_equal(data.tasks[columns], base.tasks[columns])
    claims = ["total_items", "total_unimplemented", "total_planned_eur", "total_spent_eur"]
    assert data.claims.set_index("claim").loc[claims, "value"].tolist() == [54, 18, 696700, 336700]


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        ("Igyvendinta", "Įgyvendinta", None),
        ("Įgyvendinta", "Igyvendinta", None),
        ("Neįgyvendinta", "Neigyvendinta", None),
        ("Neįgyvendinta", "NEĮGYVENDINTA", None),
    ],
)
def test_status_spellings_give_the_same_statuses(tmp_path, base, old, new, status):
    data = parse_text(tmp_path, annex(lambda a: a.replace(f">{old}", f">{new}")))
    assert data.problems.empty
    assert data.measures.status.tolist() == base.measures.status.tolist()


def test_line_numbers_are_the_editors_with_form_feeds(tmp_path, base):
    text = "\n".join("\f" + x if x.startswith("--\t") else x for x in LINES)
    data = parse_text(tmp_path, text)
    assert data.measures.source_line.tolist() == base.measures.source_line.tolist()


# --- unit cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**Įgyvendinta.** Tekstas", "Įgyvendinta. Tekstas"),
        ("***Įgyvendinta iš dalies.*** x", "Įgyvendinta iš dalies. x"),
        ("**_Neįgyvendinta._** x", "Neįgyvendinta. x"),
        ("__Igyvendinta__. x", "Igyvendinta. x"),
        (
            "_Kauno miesto savivaldybė. Įgyvendinta._ Tekstas",
            "Kauno miesto savivaldybė. Įgyvendinta. Tekstas",
        ),
        ("**Įgyvendinta.", "Įgyvendinta."),  # an unpaired marker cut off by a page break
        ("* punktas", "* punktas"),  # a bullet is not emphasis
        (
            "files/LT_versija/Viesasis_saugumas/m_%20ataskaita_Mickute_.pdf",
            "files/LT_versija/Viesasis_saugumas/m_%20ataskaita_Mickute_.pdf",
        ),
        ("2 * 3 = 6", "2 * 3 = 6"),
    ],
)
def test_strip_emphasis(text, plain):
    assert strip_emphasis(text) == plain


def test_split_lines_only_at_line_ends():
    assert split_lines("a\r\nb\fc\rd\n\ne\n") == ("a", "b\fc", "d", "", "e")
    assert split_lines("x\u2028y\u00a0z") == ("x\u2028y z",)


def test_decode_utf16_and_mixed_encodings(tmp_path):
    text = "## 2021 METŲ ATASKAITA\nPriedas.\n"
    assert decode(text.encode("utf-16"), tmp_path) == (text, "utf-16")
    mixed = text.encode() + "Įgyvendinta".encode("cp1257") + "\nšeši".encode()
    with pytest.raises(ApanalysisError, match="not valid UTF-8: byte 0xC1") as error:
        decode(mixed, tmp_path)
    assert error.value.line == 3


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("## KOMISIJOS 2021 METŲ VEIKLOS ATASKAITA",), (2021, 1)),
        (("**KOMISIJOS 2022 METŲ VEIKLOS ATASKAITA**",), (2022, 1)),  # bold line, no "#"
        (("<b>KOMISIJOS 2022 M. VEIKLOS ATASKAITA</b>",), (2022, 1)),
        (
            (
                "Įžanga 2019 metų.",
                "## II. Plano 2020–2022 m. įgyvendinimas 2021 metais",
                "## Kovos su prekyba žmonėmis 2020–2021 m. veiksmų plano ... rezultatai 2021 m.",
            ),
            (2021, 3),
        ),  # only the annex heading names a single year
        (("## Ataskaita",), None),
        (("<b>01.02.05</b>\tVeikla\t<b>Įgyvendinta 2021 m.</b>",), None),  # a row, not a title
    ],
)
def test_heading_year(lines, expected):
    assert heading_year(lines) == expected


def test_heading_year_is_checked_against_the_folder(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("**KOMISIJOS 2022 METŲ VEIKLOS ATASKAITA**\nPriedas.\n", encoding="utf-8")
    assert read_report(path, expected_year=2022).lines[0].startswith("**KOMISIJOS")
    with pytest.raises(ApanalysisError, match="names 2022, but it is in the folder for 2021"):
        read_report(path, expected_year=2021)


def test_trimmed_lines_keep_their_cells_in_place():
    # a continuation of the title whose empty trailing cells were trimmed
    assert align(["", "tęsinys", "", "Surengta – 2"], row_start=False) == [
        "",
        "tęsinys",
        "",
        "Surengta – 2",
        "",
    ]
    # a row whose result is on the next page, trailing tab trimmed
    assert align(["01.02.03", "Veikla", "UŽT", "Skaičius – 5"], row_start=True) == [
        "01.02.03",
        "Veikla",
        "UŽT",
        "Skaičius – 5",
        "",
    ]
    # a row with an unknown status word keeps it in the result (reported as a problem later)
    assert align(["01.02.03", "Veikla", "UŽT", "Vykdoma."], row_start=True)[4] == "Vykdoma."


def _lines(*rows: str) -> list[tuple[int, str]]:
    return list(enumerate(rows, start=10))


def test_measure_title_and_action_read_from_the_whole_title_cell():
    # a page break cuts the title before "1 veiksmas": the row is still action 1
    annex = parse_annex(
        _lines(
            "01.03.03\tStiprinti pagalbą nukentėjusiems\tSavivaldybės\tSkaičius – 17\t"
            "<b>Įgyvendinta.</b> Tekstas",
            SEPARATOR,
            "",
            "\tasmenims: 1 veiksmas. Organizuoti pagalbą\t\t\ttęsinys",
            "\t2 veiksmas. Užmegzti ryšius\tSavivaldybės\tSkaičius – 7\t<b>Neįgyvendinta.</b>",
        )
    )
    assert [(r.code, r.action, r.measure_title) for r in annex.records] == [
        ("01.03.03", 1, "Stiprinti pagalbą nukentėjusiems asmenims"),
        ("01.03.03", 2, "Stiprinti pagalbą nukentėjusiems asmenims"),
    ]
    assert [(x.line, x.kind, x.action) for x in annex.lines if x.kind != "layout"] == [
        (10, "row", 1),
        (13, "continuation", 1),
        (14, "row", 2),
    ]


def test_action_task_comes_from_its_measure_without_a_header():
    annex = parse_annex(
        _lines(
            "### 3 uždavinys – pagalba",
            "01.03.03\tVeikla: 1 veiksmas. Pirmas\tSAV\tSkaičius – 1\t<b>Įgyvendinta.</b>",
            "\t2 veiksmas. Antras\tSAV\tSkaičius – 1\t<b>Įgyvendinta.</b>",
        )
    )
    assert [(x.kind) for x in annex.lines] == ["task", "row", "row"]
    assert [(r.task, r.action) for r in annex.records] == [(3, 1), (3, 2)]
    assert annex.problems == []


def test_any_heading_ends_a_task_section_and_bold_lines_start_one():
    blocks = to_blocks(
        [
            (1, "**1 uždavinys – pirmas.**"),
            (2, "Tekstas vienas."),
            (3, "## 2 uždavinys – antras"),
            (4, "Tekstas du."),
            (5, "### Rezultatų aptarimas."),  # deeper than task 2's heading, still ends it
            (6, "Santrauka."),
        ]
    )
    sections = split_sections(blocks)
    assert [(t.task, t.title) for t in sections.tasks] == [(1, "pirmas"), (2, "antras")]
    assert [s.text for s in sections.tasks[1].sentences] == ["Tekstas du."]
    assert [s.text for s in sections.after] == ["Santrauka."]
