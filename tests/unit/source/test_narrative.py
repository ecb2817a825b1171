"""Tests of the narrative parser: the 2020 report read by hand, plus small handmade snippets."""

from __future__ import annotations

import pytest
from helpers import REPORT_2020

from apanalysis.source.narrative import (
    clean_inline,
    criterion_target,
    find_achieved,
    find_verdict,
    items_count,
    parse_narrative,
    split_sections,
    split_sentences,
    task_heading,
    to_blocks,
    unachieved_count,
)


@pytest.fixture(scope="module")
def n2020():
    raw = REPORT_2020.read_text(encoding="utf-8").splitlines()
    lines = [(i, text) for i, text in enumerate(raw[:125], start=1)]
    assert raw[125].strip() == "Priedas."  # line 126 starts the annex
    return parse_narrative(lines, 2020)


def task(narrative, number: int) -> dict:
    return next(t for t in narrative.tasks if t["task"] == number)


def sentences(lines: list[tuple[int, str]]):
    sections = split_sections(to_blocks(lines))
    return sections.before + [s for t in sections.tasks for s in t.sentences] + sections.after


# --------------------------------------------------------------------------- 2020, by hand


def test_2020_four_tasks_and_no_problems(n2020):
    assert [t["task"] for t in n2020.tasks] == [1, 2, 3, 4]
    assert [t["source_line"] for t in n2020.tasks] == [34, 52, 60, 82]
    assert n2020.problems == []


def test_2020_task_keys_are_the_contract_columns(n2020):
    assert list(n2020.tasks[0]) == [
        "year",
        "task",
        "title",
        "criterion_text",
        "criterion_target",
        "criterion_achieved",
        "criterion_unit",
        "verdict",
        "verdict_quote",
        "claimed_items",
        "claimed_unachieved",
        "claimed_unachieved_quote",
        "planned_eur",
        "spent_eur",
        "budget_quote",
        "source_line",
        "verdict_line",
        "claimed_items_quote",
        "claimed_items_line",
        "claimed_unachieved_unit",
        "claimed_unachieved_line",
    ]
    assert list(n2020.claims[0]) == [
        "year",
        "claim",
        "task",
        "value",
        "unit",
        "quote",
        "source_line",
        "code",
    ]


def test_2020_task1(n2020):
    t = task(n2020, 1)
    assert t["title"] == "stiprinti kovos su prekyba žmonėmis koordinavimą"
    # "... vertinimo kriterijus – prekybos žmonėmis ikiteisminių tyrimų, trukusių ne ilgiau kaip
    # 2 metus ir baigtų kaltinamuoju aktu, dalis, ne mažiau kaip, procentas (70 proc.)."
    assert t["criterion_text"].startswith("prekybos žmonėmis ikiteisminių tyrimų")
    assert t["criterion_text"].endswith("procentas (70 proc.)")
    assert t["criterion_target"] == 70
    # "2020 m. pasiekta numatyto vertinimo kriterijaus reikšmė – 55,5 proc."
    assert t["criterion_achieved"] == 55.5
    assert t["criterion_unit"] == "proc."
    # "... teigtina, kad Plane siektinas 1 uždavinio kriterijus (70 proc.) neįgyvendintas."
    assert t["verdict"] == "not_implemented"
    assert "neįgyvendintas" in t["verdict_quote"]
    # "2020 m. 1 uždavinį sudarė 16 Plano priemonių ir veiksmų, ..."
    assert t["claimed_items"] == 16
    # "... 1 uždavinyje numatyti penki priemonių ir veiksmų kriterijai nebuvo pasiekti: ..."
    assert t["claimed_unachieved"] == 5
    assert "penki priemonių ir veiksmų kriterijai nebuvo pasiekti" in t["claimed_unachieved_quote"]
    assert "<sup>" not in t["claimed_unachieved_quote"]
    # "... buvo numačiusios 29,3 tūkst. EUR, priemonėms ir veiksams įgyvendinti išleista 10 tūkst.
    # EUR, pvz., 01.01.08 priemonei įgyvendinti skirtos lėšos (11 tūkst. EUR) nebuvo panaudotos"
    assert t["planned_eur"] == pytest.approx(29_300)
    assert t["spent_eur"] == pytest.approx(10_000)
    assert "numačiusios 29,3 tūkst. EUR" in t["budget_quote"]


def test_2020_task2(n2020):
    t = task(n2020, 2)
    assert t["title"] == "tobulinti prekybos žmonėmis prevenciją ir ikiteisminį tyrimą"
    # "... vertinimo kriterijus – teigiamai įvertinti ... rezultatai (vertinimas teigiamas)."
    assert t["criterion_text"].endswith("(vertinimas teigiamas)")
    assert t["criterion_target"] is None and t["criterion_achieved"] is None
    # "... laikytina, kad 2 uždavinys įgyvendintas iš dalies."
    assert t["verdict"] == "partially"
    assert "2 uždavinys įgyvendintas iš dalies" in t["verdict_quote"]
    # "2 uždavinį buvo numatyta pasiekti įgyvendinus 17 priemonių ir veiksnių, ..."
    assert t["claimed_items"] == 17
    # "Iš Plane numatytų 17 priemonių ir veiksnių 6 nebuvo įgyvendintos: ..."
    assert t["claimed_unachieved"] == 6
    # "... buvo nusimačiusios 43,9 tūkst. EUR, ... išleista apie 35 tūkst. EUR."
    assert t["planned_eur"] == pytest.approx(43_900)
    assert t["spent_eur"] == pytest.approx(35_000)


def test_2020_task3(n2020):
    t = task(n2020, 3)
    assert t["title"].startswith("stiprinti pagalbos nukentėjusiems")
    # "Uždavinys laikytinas įgyvendintu iš dalies, atsižvelgus į tai, kad ..."
    assert t["verdict"] == "partially"
    assert t["verdict_quote"].startswith("Uždavinys laikytinas įgyvendintu iš dalies")
    # "2020 m. Veiksnių plane buvo numatytos įgyvendinti keturios priemonės ir veiksmai, ..."
    assert t["claimed_items"] == 4
    # "Dvi priemonės" (line 64) + footnotes + "pagal nustatytus vertinimo kriterijus nebuvo
    # įgyvendintos: ..." (line 76) -- one sentence; its "iš viso 20 priemonių ir veiksmų" is not it.
    assert t["claimed_unachieved"] == 2
    assert t["claimed_unachieved_quote"].startswith(
        "Dvi priemonės pagal nustatytus vertinimo kriterijus nebuvo įgyvendintos"
    )
    # "... nusimačiusios 281,4 tūkst. EUR. 3 uždavinio rodikliams pasiekti buvo išleista apie
    # 281,7 tūkst. EUR."
    assert t["planned_eur"] == pytest.approx(281_400)
    assert t["spent_eur"] == pytest.approx(281_700)


def test_2020_task4(n2020):
    t = task(n2020, 4)
    # "Laikytina, kad 4 uždavinys įgyvendintas iš dalies."
    assert t["verdict"] == "partially"
    # "2020 m. Veiksmų plane buvo numatyta įgyvendinti 17 priemonių ir veiksmų, ..."
    assert t["claimed_items"] == 17
    # "Nepavyko pasiekti 4 uždavinio septynių priemonių ir veiksmų numatytų vertinimo kriterijų"
    assert t["claimed_unachieved"] == 7
    # "... institucijų buvo numatyta skirti 341,6 tūkst. Eur. 2020 m. 4 uždaviniui įgyvendinti
    # buvo skirta 9,98 tūkst. Eur." -- the "skirta" after the plan is the actual figure.
    assert t["planned_eur"] == pytest.approx(341_600)
    assert t["spent_eur"] == pytest.approx(9_980)
    assert "9,98 tūkst. Eur" in t["budget_quote"] and "341,6 tūkst. Eur" in t["budget_quote"]


@pytest.mark.parametrize(
    ("claim", "value", "line", "words"),
    [
        # "- organizuota Komisijos posėdžių – 9;"
        ("commission_meetings", 9, 9, "posėdžių – 9"),
        # "- skirta ir įgyvendinta pavedimų ministerijoms ir institucijoms – 68;"
        ("commission_assignments", 68, 10, "– 68"),
        # "... per keturis Komisijos gyvavimo metus (2016–2020 m.) buvo:"
        ("commission_years", 4, 7, "keturis Komisijos gyvavimo metus"),
        # "... parengta 120 prekybos žmonėmis prevencijos konsultantų ..."
        ("trained_consultants", 120, 13, "120 prekybos"),
        # "... Komisija iškėlė 7 naujus pavedimus ministerijoms ir institucijoms ..."
        ("commission_new_assignments", 7, 15, "7 naujus pavedimus"),
        # "... kuriame numatyti 4 uždaviniai (...), 65 naujos ir tęstinės kovos su prekyba
        # žmonėmis priemonės ir uždaviniai."
        ("plan_tasks", 4, 28, "numatyti 4 uždaviniai"),
        ("plan_measures", 65, 28, "65 naujos ir tęstinės"),
        # "... įgyvendins 16 ministerijų, organizacijų ir institucijų bei kai kurios savivaldybės."
        ("plan_institutions", 16, 28, "16 ministerijų"),
        # "- 2020 m. Plane buvo numatyta įgyvendinti 4 uždavinius, kuriuos sudarė 54 priemonės ir
        # veiksmai. 18 priemonių ir veikslių nebuvo įgyvendinti dėl įvairių priežasčių: ..."
        ("tasks_total", 4, 108, "4 uždavinius"),
        ("total_items", 54, 108, "54 priemonės ir veiksmai"),
        ("total_unimplemented", 18, 108, "18 priemonių ir veikslių nebuvo"),
        # "- Iš keturių numatytų plano uždavinių buvo iš dalies įgyvendinti trys: ..."
        ("tasks_partially", 3, 110, "iš dalies įgyvendinti trys"),
        # "1 ir 3 uždaviniais užsibrėžtų kriterijų nepasiekta."
        ("tasks_criterion_not_met", 2, 110, "1 ir 3 uždaviniais"),
        # "... numatyta skirti 696,7 tūkst. Eur, tačiau faktinė ... skirta suma buvo perpus
        # mažesnė, t. y. 336,7 tūkst. Eur."
        ("total_planned_eur", 696_700, 112, "696,7 tūkst. Eur"),
        ("total_spent_eur", 336_700, 112, "336,7 tūkst. Eur"),
    ],
)
def test_2020_report_wide_claims(n2020, claim, value, line, words):
    found = n2020.claim(claim)
    assert found is not None, claim
    assert found["value"] == pytest.approx(value)
    assert found["source_line"] == line
    assert words in found["quote"]
    assert found["task"] is None and found["year"] == 2020


def test_2020_per_task_claims(n2020):
    # "1 ir 3 uždaviniais užsibrėžtų kriterijų nepasiekta."
    assert n2020.claim("criterion_not_met", 1)["value"] == 1
    assert n2020.claim("criterion_not_met", 3)["value"] == 1
    # task 3: "... dvi priemonės buvo įgyvendintos (50 proc. priemonių)."
    assert n2020.claim("implemented_items", 3)["value"] == 2
    # task 2: "... buvo įgyvendinta daugiau nei 50 proc. 2 uždavinio veiksnių ir priemonių, ..."
    assert n2020.claim("implemented_pct_min", 2)["value"] == 50


def test_2020_amounts(n2020):
    values = [a["value_eur"] for a in n2020.amounts]
    expected_values = [29_300, 10_000, 11_000, 43_900, 35_000, 281_400, 281_700, 341_600]
    expected_values += [9_980, 696_700, 336_700, 80_000, 230_000]
    for expected in expected_values:
        assert any(v == pytest.approx(expected) for v in values), expected
    assert all(a["section"] == "narrative" for a in n2020.amounts)
    by_value = {round(a["value_eur"]): a for a in n2020.amounts}
    # "01.01.08 priemonei įgyvendinti skirtos lėšos (11 tūkst. EUR) nebuvo panaudotos" (line 50)
    unused = by_value[11_000]
    assert (unused["task"], unused["code"], unused["source_line"]) == (1, "01.01.08", 50)
    assert unused["kind"] == "unused"
    assert by_value[10_000]["kind"] == "spent"
    assert by_value[29_300]["kind"] == "planned"
    assert by_value[80_000]["task"] is None and by_value[80_000]["source_line"] == 13
    assert by_value[9_980]["source_line"] == 104 and by_value[9_980]["task"] == 4


# --------------------------------------------------------------------------- snippets


def test_clean_inline_drops_footnote_markers_and_markup():
    assert clean_inline("01.01.01. priemonė ir jos 3 veiksmai<sup>5</sup>, x") == (
        "01.01.01. priemonė ir jos 3 veiksmai, x"
    )
    assert clean_inline("### **1 uždavinys – a.**") == "### 1 uždavinys – a."
    assert clean_inline("[www.a.lt](http://www.a.lt) <https://b.lt> &amp;") == (
        "www.a.lt https://b.lt &"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 uždavinys – stiprinti koordinavimą.", (1, "stiprinti koordinavimą")),
        ("12 UŽDAVINYS - kita", (12, "kita")),
        ("3 uždavinys: trečias", (3, "trečias")),
        ("2020 metų veiklos ataskaita", None),
        ("II. Kovos su prekyba žmonėmis veiksmų plano uždavinių įgyvendinimas", None),
        ("Rezultatų aptarimas ir pasiūlymai.", None),
        ("Komisijos uždaviniai 2021 metams", None),
    ],
)
def test_task_heading(text, expected):
    assert task_heading(text) == expected


def test_task_sections_any_heading_level_and_bold():
    lines = [
        (1, "Įžanga."),
        (2, "## **1 uždavinys – pirmas.**"),
        (3, "Tekstas vienas."),
        (4, "#### 2 uždavinys – antras"),
        (5, "Tekstas du."),
        (6, "### **Rezultatų aptarimas.**"),
        (7, "Santrauka."),
    ]
    sections = split_sections(to_blocks(lines))
    assert [(t.task, t.title, t.line) for t in sections.tasks] == [
        (1, "pirmas", 2),
        (2, "antras", 4),
    ]
    assert [s.text for s in sections.tasks[1].sentences] == ["Tekstas du."]
    assert [s.text for s in sections.before] == ["Įžanga."]
    assert [s.text for s in sections.after] == ["Santrauka."]


def test_sentence_continues_after_footnote_block():
    lines = [
        (1, "Pradžia. Dvi priemonės"),
        (2, ""),
        (3, "<sup>7</sup> 01.02.01 priemonės 3 veiksmas – išnaša."),
        (4, "---"),
        (5, "pagal kriterijus nebuvo įgyvendintos."),
        (6, "Nauja pastraipa."),
    ]
    found = sentences(lines)
    assert [s.text for s in found] == [
        "Pradžia.",
        "Dvi priemonės pagal kriterijus nebuvo įgyvendintos.",
        "Nauja pastraipa.",
    ]
    joined = found[1]
    assert joined.line == 1 and joined.line_at(joined.text.index("pagal")) == 5


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("reikšmė – 55,5 proc. Atsižvelgus į tai, x.", 2),
        ("įgyvendinta daugiau nei 50 proc. 2 uždavinio veiksnių.", 1),
        ("2020 m. Veiksnių plane buvo numatytos.", 1),
        ("numačiusios 29,3 tūkst. EUR, išleista 10 tūkst. EUR.", 1),
        ("nusimačiusios 281,4 tūkst. EUR. 3 uždavinio rodikliams.", 2),
        ("mažesnė, t. y. 336,7 tūkst. Eur.", 1),
        ("(įgyvendinta iš dalies). 01.01.01. priemonės 3 veiksmai nebuvo.", 2),
        ("pvz., 01.01.08 priemonei. Kitas sakinys.", 2),
    ],
)
def test_split_sentences(text, parts):
    assert len(split_sentences(text)) == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020 m. 1 uždavinį sudarė 16 Plano priemonių ir veiksmų, kurias numatė", 16),
        ("buvo numatytos įgyvendinti keturios priemonės ir veiksmai, susijusios", 4),
        ("numatyta pasiekti įgyvendinus 17 priemonių ir veiksnių, kurias", 17),
        ("4 uždavinius, kuriuos sudarė 54 priemonės ir veikslių.", 54),
        ("numatyti penki priemonių ir veiksmų kriterijai nebuvo pasiekti", None),  # unachieved
        ("organizuota 3 priemonės ir veiksmai", None),  # no "sudarė/numatyta" cue
        ("numatyta 2020 m. 3 uždavinio priemonėms ir veiksams", None),  # "3" is a task number
    ],
)
def test_items_count(text, expected):
    found = items_count(text)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 uždavinyje numatyti penki priemonių ir veiksmų kriterijai nebuvo pasiekti: x", 5),
        ("Iš Plane numatytų 17 priemonių ir veiksnių 6 nebuvo įgyvendintos: x", 6),
        ("Nepavyko pasiekti 4 uždavinio septynių priemonių ir veiksmų numatytų kriterijų", 7),
        ("18 priemonių ir veikslių nebuvo įgyvendinti dėl įvairių priežasčių", 18),
        ("Dvi priemonės pagal nustatytus vertinimo kriterijus nebuvo įgyvendintos", 2),
        ("trys priemonės neįgyvendintos", 3),
        ("iš viso 20 priemonių ir veiksmų – nebuvo pasiekti", None),
        ("01.01.01. priemonės 3 veiksmai nebuvo įgyvendinti dėl pandemijos", None),
        ("01.02.02. priemonės 1 ir 2 veiksmai nebuvo įgyvendinti", None),
        ("dėl kurių nepavyko įgyvendinti 4 uždavinio priemonių ir veiksmų", None),
        ("sudarė 16 Plano priemonių ir veiksmų", None),
    ],
)
def test_unachieved_count(text, expected):
    found = unachieved_count(text)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "teigtina, kad Plane siektinas 1 uždavinio kriterijus (70 proc.) neįgyvendintas.",
            "not_implemented",
        ),
        ("Laikytina, kad 4 uždavinys įgyvendintas iš dalies.", "partially"),
        ("Uždavinys laikytinas įgyvendintu iš dalies, atsižvelgus į tai.", "partially"),
        ("Laikytina, kad 2 uždavinys įgyvendintas.", "implemented"),
        ("3 uždavinys buvo iš dalies įgyvendintas.", "partially"),
        ("tarp keturių šio uždavinio priemonių dvi priemonės buvo įgyvendintos.", None),
        ("2020 m. vertinimo kriterijaus reikšmė įgyvendinta iš dalies.", None),
    ],
)
def test_verdict(text, expected):
    found = find_verdict(sentences([(1, text)]))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("criterion", "expected"),
    [
        ("dalis, ne mažiau kaip, procentas (70 proc.)", (70.0, "proc.")),
        ("posėdžių skaičius – 2", (2.0, None)),
        ("pagalba asmenims (vertinimas teigiamas)", (None, None)),
        ("trukusių ne ilgiau kaip 2 metus", (None, None)),
    ],
)
def test_criterion_target(criterion, expected):
    assert criterion_target(criterion) == expected


def test_achieved_value_needs_reiksme():
    found = find_achieved(
        sentences(
            [(1, "2020 m. pasiekta numatyto vertinimo kriterijaus reikšmė – 55,5 proc. Kitas.")]
        )
    )
    assert found.value == (55.5, "proc.")
    assert (
        find_achieved(
            sentences([(1, "įgyvendinta iš dalies (pasiektas kriterijus – 208 asmenų).")])
        )
        is None
    )


def test_task_without_budget_or_counts_is_a_problem():
    lines = [
        (1, "### 1 uždavinys – pirmas"),
        (2, "Numatytas 1 uždavinio vertinimo kriterijus – posėdžių skaičius – 2."),
        (3, "Laikytina, kad 1 uždavinys įgyvendintas."),
    ]
    result = parse_narrative(lines, 2099)
    row = result.tasks[0]
    assert row["verdict"] == "implemented" and row["criterion_target"] == 2
    assert row["planned_eur"] is None and row["spent_eur"] is None
    messages = [m for _, m in result.problems]
    assert "task 1: no planned amount found" in messages
    assert "task 1: no spent amount found" in messages
    assert "task 1: no claimed number of measures found" in messages
    assert any("total_items" in m for m in messages)
    assert all(line == 1 for line, m in result.problems if m.startswith("task 1"))


@pytest.mark.parametrize(
    ("text", "planned", "spent"),
    [
        # plan, then "skirta" = what was actually given (2020 task 4 wording)
        ("numatyta skirti 5 tūkst. Eur. 2020 m. buvo skirta 2 tūkst. Eur.", 5_000, 2_000),
        # "išleista" wins over a later "skirta"
        (
            "buvo numačiusios 5 tūkst. EUR, išleista 1 tūkst. EUR, skirta 3 tūkst. EUR.",
            5_000,
            1_000,
        ),
        # "skirta" before the plan is not the spent amount; unused money is never spent
        (
            "skirta 3 tūkst. Eur, numatyta 5 tūkst. Eur, lėšos (1 tūkst. EUR) nepanaudotos.",
            5_000,
            None,
        ),
    ],
)
def test_planned_and_spent(text, planned, spent):
    lines = [(1, "### 1 uždavinys – x"), (2, text)]
    row = parse_narrative(lines, 2099).tasks[0]
    assert row["planned_eur"] == pytest.approx(planned)
    assert row["spent_eur"] == (None if spent is None else pytest.approx(spent))


def test_no_task_sections_is_a_problem():
    result = parse_narrative([(1, "Tik tekstas.")], 2099)
    assert result.tasks == [] and (1, "no task sections found") in result.problems


# --------------------------------------------------------------------------- issue 12, by hand


def test_2020_citations_give_each_figure_its_own_sentence_line(n2020):
    """Class 4: each task figure cites the line of the sentence it is read from."""
    one, three = task(n2020, 1), task(n2020, 3)
    # line 36: "... Plane siektinas 1 uždavinio kriterijus (70 proc.) neįgyvendintas."
    assert one["verdict_line"] == 36
    # line 38: "2020 m. 1 uždavinį sudarė 16 Plano priemonių ir veiksmų, ..."
    assert one["claimed_items_line"] == 38
    assert one["claimed_items_quote"].startswith("2020 m. 1 uždavinį sudarė 16 Plano")
    assert one["claimed_unachieved_line"] == 38
    # line 62: "Uždavinys laikytinas įgyvendintu iš dalies, ..."
    assert three["verdict_line"] == 62
    # "Dvi priemonės" opens at the end of line 64; the sentence goes on at line 76 after the
    # footnotes: it cites its first line
    assert three["claimed_unachieved_line"] == 64
    assert three["claimed_unachieved_quote"].startswith("Dvi priemonės pagal nustatytus")
    assert "01.03.05 priemonė" in three["claimed_unachieved_quote"]
    # line 86: "Nepavyko pasiekti 4 uždavinio septynių ..." (continued at line 102)
    assert task(n2020, 4)["claimed_unachieved_line"] == 86


def test_2020_amounts_keep_range_kind_and_part(n2020):
    """Class 6: ranges, the spent figure after a plan, amounts that make up a total."""
    by_value = {round(a["value_eur"]): a for a in n2020.amounts}
    # line 13: "(80–230 tūkst. eurų per metus)": both ends of one range
    assert by_value[80_000]["is_range"] and by_value[230_000]["is_range"]
    assert by_value[80_000]["raw"] == by_value[230_000]["raw"] == "80–230 tūkst. eurų"
    # line 104: "2020 m. 4 uždaviniui įgyvendinti buvo skirta 9,98 tūkst. Eur": task 4's spent
    assert by_value[9_980]["kind"] == "spent"
    assert not by_value[29_300]["is_range"]
    # line 112 states the totals the task figures make up (lines 50, 58, 80, 104)
    for planned in (29_300, 43_900, 281_400, 341_600):
        assert by_value[planned]["part_of"] == "696,7 tūkst. Eur (report-wide total)"
    for spent in (10_000, 35_000, 281_700, 9_980):
        assert by_value[spent]["part_of"] == "336,7 tūkst. Eur (report-wide total)"
    # the totals, the range and task 1's unused 11 tūkst. (line 50) itemise nothing
    for whole in (696_700, 336_700, 80_000, 11_000):
        assert by_value[whole]["part_of"] == ""
    # so a sum without parts counts each euro once: the stated totals
    spent = [a for a in n2020.amounts if a["kind"] == "spent" and not a["part_of"]]
    assert [round(a["value_eur"]) for a in spent] == [336_700]


def test_2020_counts_say_what_they_count(n2020):
    """Class 7: "Dvi priemonės" counts measures; "penki priemonių ir veiksmų" counts both."""
    assert task(n2020, 3)["claimed_unachieved_unit"] == "measures"  # line 64
    assert task(n2020, 1)["claimed_unachieved_unit"] == "items"  # line 38
    assert task(n2020, 4)["claimed_unachieved_unit"] == "items"  # line 86: "septynių ... ir"
    assert n2020.claim("implemented_items", 3)["unit"] == "measures"  # line 62
    assert n2020.claim("total_unimplemented")["unit"] == "items"  # line 108


def claims_of(narrative, claim: str) -> list[dict]:
    return [c for c in narrative.claims if c["claim"] == claim]


def test_2020_figures_of_the_narrative_are_claims(n2020):
    """Class 9: shares, per-measure targets and results, sub-item totals."""
    # line 62: "... dvi priemonės buvo įgyvendintos (50 proc. priemonių)."
    share = n2020.claim("implemented_pct", 3)
    assert (share["value"], share["unit"], share["source_line"]) == (50, "percent of measures", 62)
    # line 64: "01.03.01 priemonė, kurios siektinas rodiklis suteikia pagalbą ne mažiau kaip 220
    # asmenų, buvo įgyvendinta iš dalies (pasiektas kriterijus – 208 asmenų)"
    targets = {c["code"]: c for c in claims_of(n2020, "measure_target")}
    assert (targets["01.03.01"]["value"], targets["01.03.01"]["unit"]) == (220, "asmenų")
    assert targets["01.03.01"]["source_line"] == 64
    # line 78: "01.03.02 priemonė (vykdytoja – URM), kurios siektinas rodiklis – ... (100 proc.)"
    assert (targets["01.03.02"]["value"], targets["01.03.02"]["unit"]) == (100, "proc.")
    assert targets["01.03.02"]["source_line"] == 78
    # line 76: 01.03.05's target "pagal poreikį" has no number: no claim
    assert set(targets) == {"01.03.01", "01.03.02"}
    (achieved,) = claims_of(n2020, "measure_achieved")
    assert (achieved["code"], achieved["value"], achieved["source_line"]) == ("01.03.01", 208, 64)
    # line 76: "01.03.03 priemonės 1 ir 2 veiksmo rodikliai ... – iš viso 20 priemonių ir
    # veiksmų –" (the sentence opens on line 64)
    (subitems,) = claims_of(n2020, "subitems_total")
    assert (subitems["code"], subitems["value"], subitems["source_line"]) == ("01.03.03", 20, 64)


def test_figures_are_not_guessed():
    lines = [
        (1, "### 1 uždavinys – x."),
        # two numbers in the target clause: which one is the target is not said
        (2, "01.01.01 priemonė, kurios siektinas rodiklis 5 ar 6 mokymai, buvo įgyvendinta."),
        # a share not said of implemented items
        (3, "Planuota (30 proc. priemonių) kitaip."),
        # "iš viso" with no measure code before it
        (4, "Iš viso 20 priemonių ir veiksmų."),
    ]
    claims = {c["claim"] for c in parse_narrative(lines, 2020).claims}
    assert not claims & {"measure_target", "implemented_pct", "subitems_total"}


def test_a_page_break_before_a_code_is_joined():
    # as report lines 64-76, but the second half opens with a measure code
    lines = [
        (1, "### 3 uždavinys – x."),
        (2, "Priemonė įgyvendinta iš dalies. Dvi priemonės pagal kriterijus nebuvo įgyvendintos:"),
        (3, "Kitos dvi priemonės"),
        (4, "<sup>12</sup> 01.03.03. priemonė – stiprinti pagalbą."),
        (5, "01.03.03 priemonės 1 ir 2 veiksmo rodikliai nebuvo pasiekti."),
        # a paragraph that ends with final punctuation is never continued
        (6, "Įgyvendinta."),
        (7, "2020 m. kita pastraipa."),
    ]
    texts = [s.text for s in sentences(lines)]
    assert (
        "Kitos dvi priemonės 01.03.03 priemonės 1 ir 2 veiksmo rodikliai nebuvo pasiekti." in texts
    )
    assert "2020 m. kita pastraipa." in texts
