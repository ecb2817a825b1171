"""Lithuanian numbers, number words and criterion targets, as written in the 2020 report."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apanalysis.vocabulary.numbers import (
    Target,
    find_count_words,
    parse_count_word,
    parse_number,
    parse_target,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,5", 0.5),  # line 259 "Surengta mokymų – 0,5"
        ("5 400", 5400.0),  # line 157 "5 400 Eur"
        ("5\u00a0400", 5400.0),
        ("5\u202f400", 5400.0),
        ("1163,81", 1163.81),  # line 225
        ("100", 100.0),
        ("240 100", 240100.0),  # line 224
        ("19 810", 19810.0),  # line 163
        ("459,88", 459.88),
        (" 55,5 ", 55.5),  # narrative "55,5 proc."
        ("1 000 000,25", 1000000.25),
        ("-3", -3.0),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2020-03-05",
        "01.01.05",
        "8 616 91119",
        "100 proc.",
        "5 40",
        "1,2,3",
        "03-01",
        "12 tūkst.",
        "1 2",
    ],
)
def test_not_a_number(text):
    assert parse_number(text) is None


def _lithuanian(n: int, cents: int | None, sep: str) -> str:
    digits = f"{n:,}".replace(",", sep)
    return digits if cents is None else f"{digits},{cents:02d}"


@given(
    st.integers(min_value=0, max_value=10**12),
    st.one_of(st.none(), st.integers(min_value=0, max_value=99)),
    st.sampled_from([" ", "\u00a0", "\u202f"]),
)
def test_parse_number_round_trip(n, cents, sep):
    expected = n + (cents or 0) / 100
    assert parse_number(_lithuanian(n, cents, sep)) == pytest.approx(expected)


@given(st.integers(min_value=0, max_value=10**9))
def test_parse_number_plain_digits(n):
    assert parse_number(str(n)) == n


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("vienas", 1),
        ("viena", 1),
        ("vieną", 1),
        ("vienos", 1),
        ("du", 2),
        ("dvi", 2),
        ("dviejų", 2),
        ("dviem", 2),
        ("trys", 3),
        ("trijų", 3),
        ("tris", 3),
        ("keturi", 4),
        ("keturios", 4),
        ("keturių", 4),
        ("keturias", 4),
        ("keturis", 4),
        ("penki", 5),
        ("penkios", 5),
        ("penkių", 5),
        ("šeši", 6),
        ("šešios", 6),
        ("sesi", 6),
        ("septyni", 7),
        ("septynios", 7),
        ("septynių", 7),
        ("aštuoni", 8),
        ("devyni", 9),
        ("dešimt", 10),
        ("dešimties", 10),  # line 197 "10 (dešimties)"
        ("vienuolika", 11),
        ("keturiolika", 14),
        ("dvidešimt", 20),
        ("dvidešimt trys", 23),
        ("Keturios", 4),
        ("PENKI", 5),
        ("16", 16),
        ("6-iems", 6),  # line 225 "6-iems iš jų"
    ],
)
def test_parse_count_word(word, value):
    assert parse_count_word(word) == value


@pytest.mark.parametrize(
    "word",
    [
        "",
        "labas",
        "vienuolikta",
        "keturiasdešimtas",
        "priemonės",
        "dvigubai",
        "trumpai",
        "šeštadienis",
        "pirmas",
        "du trys",
    ],
)
def test_not_a_count_word(word):
    assert parse_count_word(word) is None


def test_find_count_words_in_narrative():
    # narrative lines 81 and 95
    text = (
        "tarp numatytų keturių šio uždavinio priemonių ir veiksnių dvi priemonės buvo "
        "įgyvendintos. Nepavyko pasiekti 4 uždavinio septynių priemonių"
    )
    found = find_count_words(text)
    assert [(v, raw) for v, raw, _, _ in found] == [(4, "keturių"), (2, "dvi"), (7, "septynių")]
    value, raw, start, end = found[0]
    assert text[start:end] == raw


@pytest.mark.parametrize(
    ("criterion", "target"),
    [
        ("Organizuotų posėdžių skaičius – 2", Target(2.0, (2.0,))),  # line 132
        ("Surengta mokymų – 0,5", Target(0.5, (0.5,))),  # line 259
        (
            "Suteiktos pagalbos nukentėjusiems nuo prekybos žmonėmis asmenims procentas – 100 proc.",
            Target(100.0, (100.0,), unit="proc."),
        ),  # line 225
        ("Įgyvendintų priemonių procentas – 100", Target(100.0, (100.0,), unit="proc.")),
        ("Atnaujinta sudėtis iki 03-01", Target(deadline="03-01")),  # line 133
        (
            "Sudarytos (atnaujintos) kovos su prekyba žmonėmis koordinavimo grupės ar paskirtas "
            "atsakingas asmuo iki 07-01",
            Target(deadline="07-01"),
        ),  # line 139
        (
            "Asmenų, kuriems suteiktos paslaugos skaičius – pagal poreikį",
            Target(as_needed=True),
        ),  # line 247
        (
            "Renginių, kuriuose dalyvauta skaičius: GP – 1, VRM – 6",
            Target(None, (1.0, 6.0)),
        ),  # line 145
        ("Pagamintų ir išplatintų vienetų skaičius – 5000", Target(5000.0, (5000.0,))),
        ("Surengtų mokymų, skaičius – 1", Target(1.0, (1.0,))),  # line 276
        ("Igyvendinta priemonių – 2", Target(2.0, (2.0,))),  # line 157
        ("parengtas teisės aktas iki gruodžio 1 d.", Target(deadline="12-01")),  # narrative
        ("COVID-19 atvejų skaičius – 3", Target(3.0, (3.0,))),  # "-19" is no target
        ("", Target()),
    ],
)
def test_parse_target(criterion, target):
    assert parse_target(criterion) == target
