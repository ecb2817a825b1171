"""The annex reconstruction on small handmade snippets, one per quirk of the source."""

from apanalysis.source.annex import align, parse_annex, split_action

T = "\t"


def lines(*rows: str) -> list[tuple[int, str]]:
    return list(enumerate(rows, start=10))


def row(*cells: str) -> str:
    return T.join(cells)


HEADER = row(
    "Kodas", "Priemonės ir veiksmai", "Institucija", "Numatytas vertinimo kriterijus", "Rezultatas"
)


def test_task_header_then_measure_and_actions():
    annex = parse_annex(
        lines(
            row("<b>2 uždavinys – tobulinti prevenciją</b>", "", "", "", ""),
            HEADER,
            row(
                "02.02.01.",
                "Organizuoti veiklą:",
                "VRM",
                "Posėdžių skaičius – 2",
                "<i>Neįgyvendinta.</i> Dėl pandemijos.",
            ),
            row(
                "",
                "<i>1 veiksmas.</i> Atnaujinti sudėtį",
                "VRM",
                "Atnaujinta iki 03-01",
                "<i>Įgyvendinta.</i> Atnaujinta.",
            ),
        )
    )
    assert [(r.task, r.code, r.action) for r in annex.records] == [
        (2, "02.02.01", None),
        (2, "02.02.01", 1),
    ]
    assert [line.kind for line in annex.lines] == ["task", "layout", "row", "row"]
    assert annex.problems == []


def test_page_break_continuation_appends_to_each_cell():
    annex = parse_annex(
        lines(
            row(
                "01.01.07",
                "Stiprinti bendradarbiavimą su institucijomis bei",
                "GP, Valstybinė darbo inspekcija prie Socialinės",
                "Susitikimų skaičius – 1",
                "<b>Igyvendinta.</b> Aptartos",
            ),
            "",
            row("", "organizacijomis", "apsaugos ir darbo ministerijos (VDI)", "", "galimybės."),
        )
    )
    (record,) = annex.records
    assert (
        record.text("title") == "Stiprinti bendradarbiavimą su institucijomis bei organizacijomis"
    )
    assert record.text("institutions").endswith(
        "prie Socialinės apsaugos ir darbo ministerijos (VDI)"
    )
    assert record.text("result") == "Igyvendinta. Aptartos galimybės."
    assert (record.source_line, record.end_line) == (10, 12)
    assert [line.kind for line in annex.lines] == ["row", "continuation"]


def test_action_written_inside_the_measure_cell():
    annex = parse_annex(
        lines(
            row(
                "01.02.02",
                "Organizuoti prevencines priemones: 1 veiksmas. Socialinę atskirtį patiriantiems",
                "Savivaldybės",
                "",
                "<b>Neįgyvendinta.</b>",
            ),
            row(
                "",
                "2 veiksmas. Asmenims, ieškantiems darbo",
                "UŽT",
                "Skaičius – 70",
                "<b>Neįgyvendinta.</b>",
            ),
        )
    )
    first, second = annex.records
    assert (first.code, first.action, first.measure_title) == (
        "01.02.02",
        1,
        "Organizuoti prevencines priemones",
    )
    assert (second.code, second.action) == ("01.02.02", 2)
    assert second.measure_title == "Organizuoti prevencines priemones"


def test_code_cell_starting_with_an_action():
    assert split_action("1 veiksmas. Organizuoti renginius") == (1, "", "Organizuoti renginius")
    assert split_action("Teikti pagalbą asmenims") == (
        None,
        "Teikti pagalbą asmenims",
        "Teikti pagalbą asmenims",
    )


def test_row_with_a_missing_cell_is_aligned_on_its_status():
    cells = [
        "",
        "<p>5 veiksmas. Informuoti</p>",
        "<p>Savivaldybės</p>",
        "<p><b><i>Įgyvendinta iš dalies.</i></b> Kauno</p>",
    ]
    aligned = align(cells, row_start=True)
    assert aligned[2] == "<p>Savivaldybės</p>"
    assert aligned[3] == ""  # the criterion is the missing cell
    assert aligned[4].startswith("<p><b><i>Įgyvendinta iš dalies")


def test_short_continuation_is_aligned_to_the_result():
    assert align(["", "", "", "<p>tęsinys</p>"], row_start=False)[4] == "<p>tęsinys</p>"


def test_separator_rows_and_blank_lines_are_layout():
    annex = parse_annex(
        lines(
            row("01.01.01", "Veikla", "VRM", "Skaičius – 1", "<b>Įgyvendinta.</b> Taip"),
            row("--", "--", "--", "--", "---"),
            "",
            row("", "", "", "", "<p>toliau</p>"),
        )
    )
    assert [line.kind for line in annex.lines] == ["row", "layout", "continuation"]
    # "Taip" + "toliau": a sentence the page cut is joined again (join_broken_lines)
    assert annex.records[0].text("result") == "Įgyvendinta. Taip toliau"


def test_continuation_without_owner_is_a_problem():
    annex = parse_annex(lines(row("", "kabantis tekstas", "", "", "")))
    assert annex.records == []
    assert annex.problems == [(10, "continuation row with no row above it to continue: not read")]


def test_malformed_and_duplicated_codes_are_flagged_rows():
    annex = parse_annex(
        lines(
            row("01.0101", "Veikla", "VRM", "Skaičius – 1", "<b>Įgyvendinta.</b>"),
            row("01.01.02", "Veikla", "VRM", "Skaičius – 1", "<b>Įgyvendinta.</b>"),
            row("01.01.02", "Veikla vėl", "VRM", "Skaičius – 1", "<b>Įgyvendinta.</b>"),
        )
    )
    problems = [r.problem for r in annex.records]
    assert problems[0].startswith("malformed code")
    assert problems[1] == ""
    assert problems[2] == "duplicated row 01.01.02 (first at line 11)"


def test_code_under_another_task_header_is_reported():
    annex = parse_annex(
        lines(
            row("1 uždavinys – koordinavimas", "", "", "", ""),
            row("01.02.01", "Veikla", "VRM", "Skaičius – 1", "<b>Įgyvendinta.</b>"),
        )
    )
    assert annex.records[0].task == 2
    assert annex.problems == [(11, "code 01.02.01 is under the header of task 1")]


def test_unrecognised_first_cell_is_a_problem_not_a_row():
    annex = parse_annex(lines(row("Pastaba", "kažkas", "", "", "")))
    assert annex.records == []
    assert annex.problems[0][0] == 10
