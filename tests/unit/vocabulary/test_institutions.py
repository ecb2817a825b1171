"""The "Institucija" column of the 2020 annex and the institutions named in the narrative."""

import pytest

from apanalysis.vocabulary.institutions import (
    INSTITUTIONS,
    normalize_institutions,
    unknown_institution_parts,
)


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("Vidaus reikalų ministerija (VRM)", ["VRM"]),  # line 132
        (
            "GP, VRM, Valstybinė darbo inspekcija prie Socialinės apsaugos ir darbo ministerijos "
            "(VDI), Policijos departamentas prie VRM (PD)",
            ["GP", "VRM", "VDI", "PD"],
        ),  # 141-143
        ("GP PD", ["GP", "PD"]),  # line 259
        ("VRM GP", ["VRM", "GP"]),  # line 279
        ("VRM, GP", ["VRM", "GP"]),
        ("VVTAIŲ", ["VVTAĮT"]),  # line 276
        ("VVTAIŲT", ["VVTAĮT"]),  # narrative
        ("VVTAIT", ["VVTAĮT"]),  # footnote 3
        ("VTAIT", ["VVTAĮT"]),  # narrative, task 4
        ("VVTAĮT", ["VVTAĮT"]),  # line 204
        (
            "Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba prie Socialinės apsaugos ir "
            "darbo ministerijos (VVTAĮT)",
            ["VVTAĮT"],
        ),  # line 203
        ("Socialinės apsaugos ir darbo ministerija", ["SADM"]),  # line 224
        ("Nacionalinė asociacija prieš prekybą žmonėmis", ["NAPPŽ"]),  # line 151
        ("ŠMSM, Nacionalinė švietimo agentūra", ["ŠMSM", "NŠA"]),  # line 251
        (
            "Švietimo, mokslo ir sporto ministerija (ŠMSM), Nacionalinė švietimo agentūra",
            ["ŠMSM", "NŠA"],
        ),  # line 194
        ("Užimtumo tarnyba prie Socialinės apsaugos ir darbo ministerijos (UŽT)", ["UŽT"]),
        ("Valstybės sienos apsaugos tarnyba prie VRM (VSAT)", ["VSAT"]),  # line 269
        ("Nacionalinė teismų administracija (NTA)", ["NTA"]),  # line 262
        ("Užsienio reikalų ministerija (URM)", ["URM"]),  # line 161
        ("Generalinė prokuratūra (GP)", ["GP"]),  # line 140
        ("VšĮ „Ramintoja“", ["Ramintoja"]),  # line 209
        ("Savivaldybės", ["SAV"]),  # line 139
        ("", []),
        (
            "Nacionalinis transplantacijos biuras prie Lietuvos Respublikos sveikatos apsaugos "
            "ministerijos (NTB)",
            ["NTB"],
        ),  # footnote 3
        ("Migracijos departamentas prie VRM (MD)", ["MD"]),
        (
            "Lietuvos Respublikos vidaus reikalų ministerija (VRM), Lietuvos Respublikos "
            "socialinės apsaugos ir darbo ministerija (SADM)",
            ["VRM", "SADM"],
        ),
        # narrative, task 2: duplicates dropped, order kept
        (
            "VRM, URM, VDI, UŽT, ŠMSM ir Nacionalinė švietimo agentūra, PD, GP, VVTAIŲT, "
            "VŠĮ „Ramintoja“ ir savivaldybės",
            ["VRM", "URM", "VDI", "UŽT", "ŠMSM", "NŠA", "PD", "GP", "VVTAĮT", "Ramintoja", "SAV"],
        ),
        ("GP, VRM, GP", ["GP", "VRM"]),
        ("Policijos departamentui prie VRM ministerijos", ["PD"]),  # narrative, other case
    ],
)
def test_normalize_institutions(raw, codes):
    assert normalize_institutions(raw) == codes


@pytest.mark.parametrize(
    "raw",
    [
        "Policijos departamentas prie VRM (PD)",
        "Valstybinė darbo inspekcija prie SADM (VDI)",
        "Valstybės sienos apsaugos tarnyba prie VRM (VSAT)",
    ],
)
def test_parent_after_prie_is_not_the_institution(raw):
    codes = normalize_institutions(raw)
    assert "VRM" not in codes and "SADM" not in codes
    assert len(codes) == 1


def test_abbreviations_are_whole_words():
    assert normalize_institutions("GPX, MDA, VRMX") == []
    assert normalize_institutions("Komisija pateikė") == []


def test_unknown_parts():
    assert unknown_institution_parts("VRM, Kalėjimų departamentas prie VRM ir Lietuvos bankas") == [
        "Kalėjimų departamentas prie VRM",
        "Lietuvos bankas",
    ]
    assert normalize_institutions("Kalėjimų departamentas prie VRM") == []


@pytest.mark.parametrize(
    "raw",
    [
        "GP, VRM, Valstybinė darbo inspekcija prie Socialinės apsaugos ir darbo ministerijos (VDI), "
        "Policijos departamentas prie VRM (PD)",
        "GP PD",
        "VšĮ „Ramintoja“",
        "",
        "VVTAIŲ",
        "ŠMSM, Nacionalinė švietimo agentūra",
    ],
)
def test_no_unknown_parts_in_known_columns(raw):
    assert unknown_institution_parts(raw) == []


def test_institution_table():
    assert set(INSTITUTIONS) == {
        "VRM",
        "SADM",
        "URM",
        "ŠMSM",
        "GP",
        "NTA",
        "PD",
        "VSAT",
        "MD",
        "VDI",
        "UŽT",
        "VVTAĮT",
        "NŠA",
        "NTB",
        "NAPPŽ",
        "Ramintoja",
        "SAV",
    }
    assert INSTITUTIONS["NŠA"].name_lt == "Nacionalinė švietimo agentūra"
    assert all(i.code == code and i.name_en for code, i in INSTITUTIONS.items())
