"""Tests of apanalysis.vocabulary.codes: measure/action references a narrative sentence lists.

The 2020 sentences are the report's lines 38, 56, 64 and 88 with footnote markers removed; the
expected items were read from those lines (and their footnotes 5-18) by hand.
"""

import pytest

from apanalysis.vocabulary.codes import parse_item_references


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # line 56 (task 2)
            "01.02.01 priemonės 3 veiksmas, 01.02.02. priemonės 1 ir 2 veiksmai, 01.02.03, "
            "01.02.08 ir 01.02.10 priemonės",
            [
                ("01.02.01", 3),
                ("01.02.02", 1),
                ("01.02.02", 2),
                ("01.02.03", None),
                ("01.02.08", None),
                ("01.02.10", None),
            ],
        ),
        (  # line 38 (task 1): the measure *and* its action 3
            "01.01.01. priemonė ir jos 3 veiksmai, 01.01.05 priemonė",
            [("01.01.01", None), ("01.01.01", 3), ("01.01.05", None)],
        ),
        (  # line 88 (task 4): seven items
            "01.04.01 priemonės 1 ir 2 veiksmų, 01.04.02 ir 01.04.03 priemonių, 01.04.04 "
            "priemonės 3 veiksmo, 01.04.06 ir 01.04.15 priemonių",
            [
                ("01.04.01", 1),
                ("01.04.01", 2),
                ("01.04.02", None),
                ("01.04.03", None),
                ("01.04.04", 3),
                ("01.04.06", None),
                ("01.04.15", None),
            ],
        ),
    ],
)
def test_examples_of_the_brief(text, expected):
    assert parse_item_references(text) == expected


def test_task_3_sentence_with_a_relative_clause_and_a_count_that_is_not_an_action():
    # lines 64-66: "20 priemonių ir veiksmų" and "220" are not action numbers
    text = (
        "Dvi priemonės pagal nustatytus vertinimo kriterijus nebuvo įgyvendintos: 01.03.03 "
        "priemonės 1 ir 2 veiksmo rodikliai (vykdytojas – savivaldybės) – iš viso 20 priemonių "
        "ir veiksmų – nebuvo pasiekti dėl įvairių priežasčių, o 01.03.05 priemonė, kurios "
        "siektinas rodiklis pagal poreikį ... nebuvo pasiektas."
    )
    assert parse_item_references(text) == [("01.03.03", 1), ("01.03.03", 2), ("01.03.05", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.01.01. 3 veiksmai – viešinti", [("01.01.01", 3)]),  # footnote 5: code then action
        ("01.03.01 priemonė, kurios siektinas rodiklis – 220 asmenų", [("01.03.01", None)]),
        ("01.02.02 priemonės 1 ir 2 veiksnių", [("01.02.02", 1), ("01.02.02", 2)]),  # typo
        (
            "01.02.02 priemonės 1, 2 ir 4 veikslių",
            [("01.02.02", 1), ("01.02.02", 2), ("01.02.02", 4)],
        ),  # typo, three numbers
        ("01.04.01 ir 01.04.02 priemonių 3 veiksmai", [("01.04.01", None), ("01.04.02", 3)]),
        ("01.02.03 priemonė ir 01.02.03 priemonė", [("01.02.03", None)]),  # duplicates dropped
        ("01.02.03", [("01.02.03", None)]),  # a bare code is a measure
        ("Kitų priemonių ir veiksmų neįgyvendinimo priežastys yra nurodytos Priede.", []),
        ("2020 m. 3 veiksmai", []),  # no code
        ("", []),
    ],
)
def test_edge_cases(text, expected):
    assert parse_item_references(text) == expected


def test_the_parsed_2020_quotes_have_no_footnote_markers_left():
    from apanalysis.tables.assemble import parse_year

    tasks = parse_year(2020).tasks.set_index("task")
    counts = {t: len(parse_item_references(q)) for t, q in tasks.claimed_unachieved_quote.items()}
    assert counts == {1: 3, 2: 6, 3: 3, 4: 7}


def test_a_lone_number_before_plural_actions_reads_two_ways():
    from apanalysis.vocabulary.codes import reference_readings

    # report line 38: "01.01.01. priemonė ir jos 3 veiksmai" -- action 3, or three actions
    text = "01.01.01. priemonė ir jos 3 veiksmai, 01.01.05 priemonė"
    assert reference_readings(text) == [
        [("01.01.01", None), ("01.01.01", 3), ("01.01.05", None)],
        [("01.01.01", None), ("01.01.01", 1), ("01.01.01", 2), ("01.01.01", 3), ("01.01.05", None)],
    ]
    # line 56: singular "3 veiksmas" and the list "1 ir 2 veiksmai" read one way
    assert (
        len(
            reference_readings("01.02.01 priemonės 3 veiksmas, 01.02.02. priemonės 1 ir 2 veiksmai")
        )
        == 1
    )
    # line 86: genitive singular "3 veiksmo"
    assert len(reference_readings("01.04.04 priemonės 3 veiksmo")) == 1
