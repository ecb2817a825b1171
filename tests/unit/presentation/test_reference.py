"""data/reference: every key the 2020 report uses has its English text."""

import pandas as pd

from apanalysis.presentation import reference
from apanalysis.vocabulary.institutions import INSTITUTIONS
from apanalysis.vocabulary.municipalities import OFFICIAL_NAMES


def test_every_institution_and_municipality_has_english():
    glossary = reference.glossary()
    assert set(glossary["acronym"]) == set(INSTITUTIONS)
    for row in glossary.itertuples():
        assert row.name_lt == INSTITUTIONS[row.acronym].name_lt and row.name_en
    assert set(reference.municipality_names()) == set(OFFICIAL_NAMES)
    assert reference.in_english("Šiaulių rajono savivaldybė") == "Šiauliai District Municipality"


def test_titles_keyed_by_plan_reused_every_year():
    assert reference.plan_of(2020) == reference.plan_of(2022) == "2020–2022"
    assert reference.measure_titles(2021) == reference.measure_titles(2020)
    assert reference.task_titles(2020)[1].startswith("Strengthen the coordination")
    assert reference.plan_of(2030) is None and reference.measure_titles(2030) == {}
    frame = pd.DataFrame({"row": ["01.01.01 a1"], "title": ["Kasmet atnaujinti ..."]})
    assert reference.with_english(frame, 2020)["measure_en"].iloc[0].startswith("Organise")
