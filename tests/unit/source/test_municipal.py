"""Municipality sub-results inside a result cell, and official municipality names."""

from apanalysis.source.municipal import split_municipal
from apanalysis.vocabulary.municipalities import OFFICIAL_NAMES, official_name


def test_each_named_municipality_with_a_status_starts_a_sub_result():
    text = (
        "Įgyvendinta iš dalies.\nKauno miesto savivaldybė. Įgyvendinta. Parengta 11 priemonių. "
        "Kauno miesto savivaldybė organizavo renginius.\n"
        "Palangos miesto savivaldybė. Neįgyvendinta. Dėl pandemijos mokymų neorganizavo."
    )
    parts = split_municipal(text)
    assert [(p.municipality, p.status.status) for p in parts] == [
        ("Kauno miesto savivaldybė", "implemented"),
        ("Palangos miesto savivaldybė", "not_implemented"),
    ]
    # the municipality named in passing stays inside Kaunas' text
    assert "organizavo renginius" in parts[0].text
    assert parts[1].text.endswith("neorganizavo.")


def test_sentences_without_a_status_word():
    text = (
        "Panevėžio rajono savivaldybė priemonių neįgyvendino. Širvintų r. savivaldybė informacijos "
        "apie įgyvendintas priemones nepateikė, o Vilkaviškio r. savivaldybė informavo, kad "
        "priemonių Plane nebuvo numačiusi."
    )
    parts = split_municipal(text)
    assert [(p.municipality, p.status.status) for p in parts] == [
        ("Panevėžio rajono savivaldybė", "not_implemented"),
        ("Širvintų rajono savivaldybė", "not_implemented"),
        ("Vilkaviškio rajono savivaldybė", "not_planned"),
    ]
    assert parts[1].municipality_raw == "Širvintų r. savivaldybė"
    assert (
        parts[1].text
        == "Širvintų r. savivaldybė informacijos apie įgyvendintas priemones nepateikė"
    )


def test_a_list_of_municipalities_is_not_a_sub_result():
    text = (
        "Įgyvendinta iš dalies. 12 savivaldybių (Kauno, Klaipėdos miestų) sudarė grupes. "
        "Klaipėdos ir Panevėžio r. savivaldybės grupių nesudarė."
    )
    assert split_municipal(text) == ()


def test_official_names():
    assert len(OFFICIAL_NAMES) == 60 == len(set(OFFICIAL_NAMES))
    assert official_name("Kauno m. savivaldybė") == "Kauno miesto savivaldybė"
    assert official_name("Ignalinos savivaldybė") == "Ignalinos rajono savivaldybė"
    assert official_name("Elektrėnų savivaldybė") == "Elektrėnų savivaldybė"
    # Kaunas has a city and a district municipality: an unqualified name stays as written
    assert official_name("Kauno savivaldybė") == "Kauno savivaldybė"
