"""Reasons for non-implementation, from result texts of the 2020 annex."""

import pytest

from apanalysis.vocabulary.reasons import REASONS, cites_covid, find_reasons


def test_reason_codes():
    assert list(REASONS) == [
        "covid",
        "no_information",
        "no_need",
        "other_form",
        "not_organized",
        "postponed",
        "abandoned",
    ]
    assert all(REASONS.values())


@pytest.mark.parametrize(
    "text",
    [
        "Dėl COVID-19 pandemijos organizuotas vienas posėdis",  # line 132
        "neįvyko dėl pasaulinės COVID-19 pandemijos.",  # line 161
        "Dėl pandemijos mokymai nebuvo organizuoti.",  # line 259
        "atsižvelgiant į tai, kad šalyje paskelbta ekstremali situacija",  # line 190
        "Atsižvelgiant į nepalankią epideminę COVID-19 ligos situaciją",  # line 140
        "dėl Lietuvoje paskelbto karantino perkeltuose mokymuose",  # line 268
        "Dėl pandemijos apribojimų savivaldybė mokymų neorganizavo.",  # line 253
        "DEL PANDEMIJOS",
    ],
)
def test_cites_covid(text):
    assert cites_covid(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mokymai nebuvo organizuoti.",
        "Informacija apie priemonės įgyvendinimą nebuvo pateikta.",
        "atliktas epidemiologinis tyrimas",
        "Suteikta paslaugų nebuvo.",
        "",
    ],
)
def test_does_not_cite_covid(text):
    assert not cites_covid(text)


@pytest.mark.parametrize(
    ("text", "status", "codes"),
    [
        ("Dėl pandemijos mokymai nebuvo organizuoti.", "not_implemented", ["covid"]),
        (
            "Informacija apie priemonės įgyvendinimą nebuvo pateikta.",
            "not_implemented",
            ["no_information"],
        ),  # line 253
        (
            "Informacija apie Plane numatytą įgyvendinti priemonę 2020 m. nebuvo pateikta.",
            "not_implemented",
            ["no_information"],
        ),  # line 241: "m." inside the sentence
        (
            "Savivaldybė informacijos apie priemonės įgyvendinimą 2020 m. nepateikė.",
            "not_implemented",
            ["no_information"],
        ),  # line 187
        (
            "VDI duomenų dėl šios priemonės įgyvendinimo nepateikė.",
            "partially",
            ["no_information"],
        ),  # line 143
        ("Nebuvo poreikio.", "not_implemented", ["no_need"]),  # line 245
        (
            "Dėl pandemijos dalis tarptautinių mokymų neįvyko, o nuotoliniuose mokymuose "
            "neatsirado norinčių dalyvauti.",
            "not_implemented",
            ["covid", "no_need", "other_form"],
        ),  # line 264
        (
            "Dėl pasaulinės pandemijos, ribojančios judėjimą tarp valstybių, priemonės "
            "įgyvendinimas sustabdytas ir nukeltas į 2021 metus.",
            "not_implemented",
            ["covid", "postponed"],
        ),  # line 252
        (
            "Atlikus kainų analizę, nuspręsta mobiliosios aplikacijos atsisakyti.",
            "not_implemented",
            ["abandoned"],
        ),  # line 204
        ("vietoje mokymų organizuotas prevencinis renginys", "partially", ["other_form"]),
        ("Mokymai nebuvo organizuoti.", "not_implemented", ["not_organized"]),
        ("Suteikta paslaugų nebuvo.", "not_implemented", ["not_organized"]),  # line 247
        ("", "partially", ["not_organized"]),
    ],
)
def test_find_reasons_not_implemented(text, status, codes):
    assert find_reasons(text, status) == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("2020 m. lapkričio 9–10 d. nuotoliniu būdu buvo organizuotas posėdis", ["other_form"]),
        (
            "Dėl COVID-19 pandemijos paskelbto karantino VSAT planavo nuotolinį seminarą",
            ["covid", "other_form"],
        ),  # line 273
        (
            "Atsižvelgdama į nepalankią epideminę COVID-19 ligos situaciją, GP susitikimų nerengė.",
            ["covid"],
        ),  # line 141
        ("2020 m. vasario 3 d. įsakymu buvo atnaujinta Komisijos sudėtis.", []),  # line 133
        ("Informacija nebuvo pateikta. Nebuvo poreikio. Nukelta.", []),  # only covid/other_form
    ],
)
def test_find_reasons_implemented(text, codes):
    assert find_reasons(text, "implemented") == codes


@pytest.mark.parametrize(
    "text",
    [
        "Kreiptasi 2020 m. vasario 28 d. raštu Nr. 17.2.-1011",  # line 202: a letter, not a form
        "Vietoje Plane numatytų įgyvendinti 2 priemonių įgyvendintos 4",  # more than planned
        "Informacija pateikta VRM interneto svetainėje",
        "paragintos perkelti į savo tinklapius",
    ],
)
def test_no_false_reasons(text):
    assert find_reasons(text, "not_implemented") == ["not_organized"]


def test_every_stem_contains_one_of_its_reasons_trigger_words():
    """The triggers only skip texts that cannot match: each stem must contain a trigger."""
    from apanalysis.vocabulary import reasons

    stems = {
        "covid": reasons.COVID_STEMS,
        "no_information": reasons.NO_INFORMATION_STEMS,
        "no_need": reasons.NO_NEED_STEMS,
        "other_form": reasons.OTHER_FORM_STEMS,
        "postponed": reasons.POSTPONED_STEMS,
        "abandoned": reasons.ABANDONED_STEMS,
    }
    for code, patterns in stems.items():
        for pattern in patterns:
            assert any(word in pattern for word in reasons._TRIGGERS[code]), (code, pattern)
