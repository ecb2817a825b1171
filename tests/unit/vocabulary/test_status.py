"""Status words as written in the 2020 annex (typos included) and look-alikes that are not."""

import pytest

from apanalysis.vocabulary.status import (
    IMPLEMENTED,
    NOT_IMPLEMENTED,
    PARTIALLY,
    leading_status,
    looks_like_status,
    municipal_status,
)


@pytest.mark.parametrize(
    ("text", "status", "raw"),
    [
        ("Įgyvendinta. 2020 m. vasario 3 d.", IMPLEMENTED, "Įgyvendinta"),  # line 133
        ("Igyvendinta. 2020 m. rengiant naują", IMPLEMENTED, "Igyvendinta"),  # line 138
        ("Igyvendinta iš dalies. Iš 14 Veiksmų plane", PARTIALLY, "Igyvendinta iš dalies"),
        ("Įgyvendinta iš dalies.", PARTIALLY, "Įgyvendinta iš dalies"),  # line 163
        ("Igyvendinta iš dalies", PARTIALLY, "Igyvendinta iš dalies"),
        ("Neįgyvendinta. Dėl COVID-19 pandemijos", NOT_IMPLEMENTED, "Neįgyvendinta"),  # line 132
        ("Neigyvendinta", NOT_IMPLEMENTED, "Neigyvendinta"),
        ("NEĮGYVENDINTA.", NOT_IMPLEMENTED, "NEĮGYVENDINTA"),
        ("įgyvendinta", IMPLEMENTED, "įgyvendinta"),
        ("Iš dalies įgyvendinta.", PARTIALLY, "Iš dalies įgyvendinta"),
        ("Neįgyvendinta dėl pandemijos", NOT_IMPLEMENTED, "Neįgyvendinta"),
        ("Įgyvendita.", IMPLEMENTED, "Įgyvendita"),  # one letter missing: another year's typo
        ("Įgyvendintas.", IMPLEMENTED, "Įgyvendintas"),  # masculine form
        ("  Neįgyvendinta.\nKauno miesto savivaldybė.", NOT_IMPLEMENTED, "Neįgyvendinta"),
    ],
)
def test_leading_status(text, status, raw):
    found = leading_status(text)
    assert found is not None
    assert (found.status, found.raw) == (status, raw)


def test_end_points_after_the_dot():
    text = "Neįgyvendinta. Dėl pandemijos mokymai nebuvo organizuoti."  # line 259
    found = leading_status(text)
    assert text[found.end :].strip() == "Dėl pandemijos mokymai nebuvo organizuoti."


@pytest.mark.parametrize(
    "text",
    [
        "Įgyvendintų priemonių skaičius – 70",  # a criterion (line 190)
        "Igyvendinta priemonių – 2",  # a criterion with the status typo (line 157)
        "Įgyvendintų priemonių procentas – 100",  # line 150
        "Įgyvendinti 2 priemones",  # infinitive
        "Įgyvendintos 4 priemonės",
        "Organizuotų posėdžių skaičius – 2",
        "Įvykdyta.",
        "Vykdoma.",
        "Kauno miesto savivaldybė. Įgyvendinta.",  # not at the start
        "Įgyvendinimas vyko",
        "",
    ],
)
def test_not_a_leading_status(text):
    assert leading_status(text) is None


@pytest.mark.parametrize(
    ("sentence", "status", "raw"),
    [
        ("Kauno miesto savivaldybė. Įgyvendinta. 2020 m. Plane", IMPLEMENTED, "Įgyvendinta"),
        ("Palangos miesto savivaldybė. Neįgyvendinta.", NOT_IMPLEMENTED, "Neįgyvendinta"),
        (
            "Pakruojo rajono savivaldybė. Neįgyvendinta. Nebuvo poreikio.",
            NOT_IMPLEMENTED,
            "Neįgyvendinta",
        ),
        (
            "Panevėžio rajono savivaldybė priemonių neįgyvendino.",
            NOT_IMPLEMENTED,
            "priemonių neįgyvendino",
        ),  # line 186
        (
            "Širvintų r. savivaldybė informacijos apie įgyvendintas priemones nepateikė, o",
            NOT_IMPLEMENTED,
            "informacijos apie įgyvendintas priemones nepateikė",
        ),
        ("Neįgyvendinta. Mokymai nebuvo organizuoti.", NOT_IMPLEMENTED, "Neįgyvendinta"),
    ],
)
def test_municipal_status(sentence, status, raw):
    found = municipal_status(sentence)
    assert found is not None
    assert (found.status, found.raw) == (status, raw)


def test_municipal_status_end_is_in_the_sentence():
    sentence = "Kauno miesto savivaldybė. Įgyvendinta. Savivaldybė įgyvendino daugiau priemonių"
    found = municipal_status(sentence)
    assert sentence[found.end :].strip().startswith("Savivaldybė įgyvendino")


@pytest.mark.parametrize(
    "sentence",
    [
        "Vilkaviškio r. savivaldybė informavo, kad priemonių Plane nebuvo numaćiusi.",
        "Savivaldybė įgyvendino plane numatytą priemonę.",
        "Kauno miesto savivaldybė organizavo priemones ir informacinius renginius",
    ],
)
def test_no_municipal_status(sentence):
    assert municipal_status(sentence) is None


@pytest.mark.parametrize("text", ["Įvykdyta.", "Vykdoma.", "Neįvykdyta.", "Atlikta iš dalies."])
def test_looks_like_status(text):
    assert looks_like_status(text)


@pytest.mark.parametrize(
    "text",
    [
        "Įgyvendinta.",
        "Igyvendinta iš dalies.",
        "Dėl pandemijos mokymai nebuvo organizuoti.",
        "Įgyvendintų priemonių skaičius – 70",
        "VRM",
        "",
    ],
)
def test_does_not_look_like_status(text):
    assert not looks_like_status(text)


def test_municipal_no_information_across_abbreviation():
    sentence = "Pagėgių savivaldybė informacijos apie priemonės įgyvendinimą 2020 m. nepateikė."
    found = municipal_status(sentence)
    assert found is not None and found.status == NOT_IMPLEMENTED
    assert found.raw == "informacijos apie priemonės įgyvendinimą 2020 m. nepateikė"
