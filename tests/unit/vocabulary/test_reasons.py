"""Reasons for non-implementation, from result texts of the 2020 annex."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apanalysis.vocabulary.reasons import REASONS, cites_covid, find_reasons


def test_reason_codes():
    assert list(REASONS) == [
        "covid",
        "no_information",
        "no_need",
        "other_form",
        "not_organized",
        "no_reason_given",
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
        ("Mokymai nebuvo organizuoti.", "not_implemented", ["not_organized"]),  # line 255
        ("Suteikta paslaugų nebuvo.", "not_implemented", ["not_organized"]),  # line 247
        ("", "partially", ["no_reason_given"]),
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
    assert find_reasons(text, "not_implemented") == ["no_reason_given"]


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


def test_abbreviation_dots_do_not_end_a_sentence():
    from apanalysis.vocabulary.reasons import ABBREVIATION_MARK as M
    from apanalysis.vocabulary.reasons import mask_abbreviation_dots

    assert mask_abbreviation_dots("2020 m. spalio 20 d. posedis. kitas") == (
        f"2020 m{M} spalio 20 d{M} posedis. kitas"
    )
    assert mask_abbreviation_dots("10 tukst. eur; t. y. daug. pvz. x") == (
        f"10 tukst{M} eur; t{M} y{M} daug. pvz{M} x"
    )
    # a word merely ending like an abbreviation ("darbam.") is a sentence end
    assert mask_abbreviation_dots("darbam. nr. 5") == f"darbam. nr{M} 5"


# ----------------------------------------------------------------- a word is not a cause (class 1)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # line 238 (01.03.03 action 1, Kauno miesto savivaldybė): COVID-19 tests given to two
        # people are a service, not a cause
        ("9.3. atlikti COVID-19 tyrimai 2 asmenims.", "partially"),
        ("9.3. atlikti COVID-19 tyrimai 2 asmenims.", "implemented"),
        # line 214 (01.02.11): measures carried out *during* the pandemic
        (
            "Taip pat pristatytos novatoriškos prevencinės priemonės, vykdytos COVID-19 "
            "pandemijos metu.",
            "implemented",
        ),
        # line 172 (01.02.01 action 5, Šiaulių miesto savivaldybė): leaflets handed out during
        # quarantine raids
        (
            "dalis lankstinukų platinta, padalyta karantino ir kitų reidų metu įmonėse.",
            "implemented",
        ),
        # line 141 (01.01.07): problems arising from COVID-19 were a topic of the meetings
        (
            "VRM organizavo du susitikimus, kuriuose buvo aptartos dėl COVID-19 kylančios "
            "problemos prekybos žmonėmis srityje.",
            "implemented",
        ),
        # a decree's title ("„Dėl karantino …“") is no cause by itself
        (
            "Priimtas nutarimas „Dėl karantino Lietuvos Respublikos teritorijoje paskelbimo“.",
            "partially",
        ),
    ],
)
def test_a_mention_is_not_a_covid_cause(text, status):
    assert "covid" not in find_reasons(text, status)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Dėl COVID-19 pandemijos organizuotas vienas posėdis 2020 m. spalio 20 d.",
            "not_implemented",
        ),  # 132
        # line 224 (01.03.01): "linked to the pandemic"
        (
            "Projekto vykdytojų nepasiektas rodiklis siejamas su vykstančia COVID-19 pandemija bei "
            "paskelbtu karantinu.",
            "partially",
        ),
        # line 150 (01.01.10, implemented): cause and effect ("nukelta")
        (
            "tačiau dalyvavo dviejose, nes trečia operacija dėl COVID-19 pandemijos buvo nukelta.",
            "implemented",
        ),
        # line 268 (01.04.05, implemented): moved online because of the quarantine
        (
            "Į skaitmeninę erdvę dėl Lietuvoje paskelbto karantino perkeltuose mokymuose dalyvavo "
            "38 konsuliniai pareigūnai.",
            "implemented",
        ),
        # line 278 (01.04.12, implemented): in view of the quarantine decree, training in person
        # will be carried on later
        (
            "atsižvelgiant į Lietuvos Respublikos Vyriausybės 2020 m. lapkričio 4 d. nutarimą Nr. 1226 "
            "„Dėl karantino Lietuvos Respublikos teritorijoje paskelbimo“, mokymai kontaktiniu būdu "
            "bus tęsiami nuo teisės aktais nustatytų aplinkybių pasibaigimo dienos.",
            "implemented",
        ),
        # line 189 (01.02.02 action 1, Pasvalio rajono savivaldybė)
        (
            "Priemonė nebuvo įgyvendinama 2020 m. dėl pandemijos sukeltų apribojimų.",
            "not_implemented",
        ),
    ],
)
def test_a_stated_cause_is_covid(text, status):
    assert "covid" in find_reasons(text, status)


def test_implemented_work_needs_an_effect():
    # a cause without an effect on the work says nothing about how it was done
    assert find_reasons("Dėl pandemijos padaugėjo kreipimųsi.", "implemented") == []
    assert find_reasons("Dėl pandemijos padaugėjo kreipimųsi.", "not_implemented") == ["covid"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # line 221 (01.02.13): a network's members talk in a virtual space: no change of form
        ("NBT ambasadoriai tarpusavyje bendrauja virtualioje erdvėje, keičiasi informacija.", []),
        # line 144 (01.01.08): the meeting was held remotely
        ("2020 m. lapkričio 9–10 d. nuotoliniu būdu buvo organizuotas posėdis.", ["other_form"]),
        # line 183 (01.02.01 action 5, Lazdijų): leaflets presented remotely
        ("Nuotoliniu būdu pristatyti lankstinukai apie kovą su prekyba žmonėmis.", ["other_form"]),
    ],
)
def test_other_form_needs_the_work_held_in_it(text, codes):
    assert find_reasons(text, "implemented") == codes


# ------------------------------------------------------------ the fallback reason (class 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # line 202 (01.02.08): the platform was created; no reason is stated for the status
        (
            "Neįgyvendinta. Prokurorų ir tyrėjų bendravimo platforma įkurta 2020 m. kovo mėn. "
            "Platforma įkurta naudojant vidinius prokuratūros resursus.",
            "no_reason_given",
        ),
        # line 251 (01.04.01 action 1): 6 supervisions held, 118 took part
        (
            "Neįgyvendinta. 2020 m. organizuotos 6 supervizijos, kuriose dalyvavo 118 dalyvių.",
            "no_reason_given",
        ),
        # line 246 (01.03.03 action 2, Lazdijų): the status alone
        ("Lazdijų rajono savivaldybė. Neįgyvendinta.", "no_reason_given"),
        # line 192 (01.02.03): did not initiate meetings
        (
            "Neįgyvendinta. UŽT neinicijavo susitikimų su kitomis organizacijomis, bet aktyviai "
            "dalyvavo kitų institucijų organizuojamuose renginiuose.",
            "not_organized",
        ),
        # line 186 (01.02.01 action 5, Panevėžio rajono savivaldybė)
        ("Panevėžio rajono savivaldybė priemonių neįgyvendino.", "not_organized"),
        # line 139 (01.01.05): two municipalities formed no groups
        (
            "Igyvendinta iš dalies. Klaipėdos ir Panevėžio r. savivaldybės kovos su prekyba "
            "žmonėmis koordinavimo grupių nesudarė.",
            "not_organized",
        ),
    ],
)
def test_fallback_reason_follows_the_text(text, code):
    status = "partially" if "iš dalies" in text else "not_implemented"
    assert find_reasons(text, status) == [code]


def test_evidence_is_the_sentence_read():
    from apanalysis.vocabulary.reasons import evidence_text, read_reasons

    # line 252 (01.04.01 action 2)
    text = (
        "Neįgyvendinta. Dėl pasaulinės pandemijos, ribojančios judėjimą tarp valstybių, priemonės "
        "įgyvendinimas sustabdytas ir nukeltas į 2021 metus."
    )
    reasons = read_reasons(text, "not_implemented")
    sentence = text.removeprefix("Neįgyvendinta. ")
    assert [(r.code, r.evidence) for r in reasons] == [
        ("covid", sentence),
        ("postponed", sentence),
    ]
    assert evidence_text(reasons) == f"covid: {sentence} | postponed: {sentence}"
    assert evidence_text(read_reasons("Neįgyvendinta.", "not_implemented")) == ""


def test_evidence_keeps_abbreviations_and_initials_inside_the_sentence():
    from apanalysis.vocabulary.reasons import read_reasons

    # line 273 (01.04.07): "2020 m. lapkričio mėn." and "V. Siniovas" end no sentence
    text = (
        "Igyvendinta. Dėl COVID-19 pandemijos paskelbto karantino VSAT planavo 2020 m. lapkričio "
        "mėn. nuotolinį seminarą, kurio metu pasidalintų UNHCR atstovas V. Siniovas. Kitas sakinys."
    )
    (covid, other_form) = read_reasons(text, "implemented")
    assert covid.evidence.endswith("atstovas V. Siniovas.")
    assert other_form.evidence == covid.evidence


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeilnoprstuvyzėįščž .,\n", max_size=120))
def test_every_evidence_is_a_sentence_of_the_text(text):
    from apanalysis.vocabulary.reasons import read_reasons

    flat = " ".join(text.split())
    for status in ("implemented", "partially", "not_implemented"):
        for reason in read_reasons(text, status):
            assert reason.evidence in flat
