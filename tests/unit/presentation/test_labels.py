"""Readers' labels: reason codes inside the evidence column become their English labels."""

from apanalysis.presentation.labels import evidence_label, value_label


def test_evidence_codes_become_labels():
    # report.txt line 186 (Širvintų r.): "informacijos apie įgyvendintas priemones nepateikė"
    evidence = "no_information: Širvintų r. savivaldybė informacijos nepateikė."
    shown = value_label("evidence", evidence)
    assert "no_information" not in shown
    assert shown.endswith(": Širvintų r. savivaldybė informacijos nepateikė.")


def test_several_reasons_keep_their_sentences_and_unknown_prefixes_stay():
    text = "covid: Dėl pandemijos renginys neįvyko. | other_form: Vyko nuotoliniu būdu."
    shown = evidence_label(text)
    assert shown.count(" | ") == 1 and "covid:" not in shown and "other_form" not in shown
    assert evidence_label("Pastaba: be kodo") == "Pastaba: be kodo"
