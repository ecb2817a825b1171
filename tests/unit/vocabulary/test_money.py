"""Money amounts of the 2020 report and their kinds."""

import pytest

from apanalysis.vocabulary.money import amount_kind, find_money


@pytest.mark.parametrize(
    ("text", "value", "raw", "per_month"),
    [
        ("buvo numačiusios 29,3 tūkst. EUR, priemonėms", 29300.0, "29,3 tūkst. EUR", False),
        ("Priemonei įgyvendinti skirta 5 400 Eur.", 5400.0, "5 400 Eur", False),  # line 157
        ("skirta 240 100 eurų Nacionalinei asociacijai", 240100.0, "240 100 eurų", False),
        ("Šiam tikslui panaudota 1163,81 Eur.", 1163.81, "1163,81 Eur", False),  # line 225
        ("įkainis – 0,17 tūkst. Eur/mėn., asmuo moka", 170.0, "0,17 tūkst. Eur/mėn.", True),
        ("Projektui skirta 10 tūkst. Eur.", 10000.0, "10 tūkst. Eur", False),  # line 158
        ("Viešinimo paslaugoms skirta 5 181 Eur.", 5181.0, "5 181 Eur", False),  # line 208
        ("Priemonėms skirta 459,88 Eur.", 459.88, "459,88 Eur", False),  # line 172
        ("Priemonėms skirta 200 eurų.", 200.0, "200 eurų", False),  # line 180
        ("Skirta 1000 Eur.", 1000.0, "1000 Eur", False),
        ("skirta 12 tūkst. eurų. Mobilioji", 12000.0, "12 tūkst. eurų", False),  # line 194
        ("Mokymams skirta 1 580 Eur.", 1580.0, "1 580 Eur", False),  # line 276
        ("7 vnt., 0,39 tūkst. Eur.;", 390.0, "0,39 tūkst. Eur", False),  # line 230
        ("kaina 100 € per mėnesį", 100.0, "100 € per mėnesį", True),
    ],
)
def test_find_money(text, value, raw, per_month):
    [money] = find_money(text)
    assert money.value_eur == pytest.approx(value)
    assert money.raw == raw
    assert text[money.start : money.end] == raw
    assert money.per_month is per_month
    assert money.is_range is False


def test_range_gives_two_items():
    text = "finansavimas (80–230 tūkst. eurų per metus)"  # narrative line 9
    low, high = find_money(text)
    assert (low.value_eur, high.value_eur) == (80000.0, 230000.0)
    assert low.is_range and high.is_range
    assert low.raw == high.raw == "80–230 tūkst. eurų"


def test_several_amounts_in_order():
    text = (
        "institucijos buvo numačiusios 29,3 tūkst. EUR, priemonėms ir veiksams įgyvendinti "
        "išleista 10 tūkst. EUR, pvz., 01.01.08 priemonei įgyvendinti skirtos lėšos "
        "(11 tūkst. EUR) nebuvo panaudotos"
    )
    assert [m.value_eur for m in find_money(text)] == [29300.0, 10000.0, 11000.0]


@pytest.mark.parametrize(
    "text",
    [
        "2020-03-05 organizuotas pasitarimas",  # a date
        "Europos Sąjungos kovos su prekyba žmonėmis dieną",  # "Euro..." is not a currency
        "išplatino apie 65 tūkst. prevencinių kortelių",  # thousands of cards
        "Išdalijo 19 810 vnt. kortelių",
        "2020–2022 m. programos",
        "telefoną +370 616 9119",
        "01.01.08 priemonei",
        "",
    ],
)
def test_no_money(text):
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("context", "kind"),
    [
        ("institucijos buvo numačiusios 29,3 tūkst. EUR", "planned"),
        ("institucijos buvo nusimačiusios 43,9 tūkst. EUR", "planned"),
        ("institucijų buvo numatyta skirti 341,6 tūkst. Eur", "planned"),
        ("Šiam tikslui iš Veiksmų plane skirtų 3 tūkst. Eur", "planned"),
        ("priemonėms ir veiksams įgyvendinti išleista 10 tūkst. EUR", "spent"),
        ("buvo išleista apie 281,7 tūkst. EUR", "spent"),
        ("Šios temos pirkimams panaudota 800 Eur", "spent"),
        ("Mokymams išleista 1 200 Eur", "spent"),
        (
            "tačiau faktinė Plano priemonėms ir veiksams įgyvendinti institucijų skirta suma buvo "
            "perpus mažesnė, t. y. 336,7 tūkst. Eur",
            "spent",
        ),
        ("buvo skirta 9,98 tūkst. Eur", "allocated"),
        ("Bendrai šiam projektui finansuoti savivaldybė skyrė 1 tūkst. Eur", "allocated"),
        ("2020 m. skirti savivaldybės biudžeto asignavimai – 40,5 tūkst. Eur", "allocated"),
        (
            "pvz., 01.01.08 priemonei įgyvendinti skirtos lėšos (11 tūkst. EUR) nebuvo panaudotos",
            "unused",
        ),
        ("apgyvendinimo nakvynės namuose įkainis – 0,17 tūkst. Eur/mėn.", "rate"),
        ("finansavimas (80–230 tūkst. eurų per metus)", "other"),
        ("", "other"),
    ],
)
def test_amount_kind(context, kind):
    assert amount_kind(context) == kind


def test_nepanaudota_is_not_spent():
    assert amount_kind("Liko nepanaudota 500 Eur") == "unused"


def test_itemised_amounts_of_one_cell():
    from apanalysis.vocabulary.money import itemised, rounding_eur

    assert rounding_eur("40,5 tūkst. Eur") == 50.0 and rounding_eur("5 400 Eur") == 0.5
    # report lines 228-238 (01.03.03 action 1, Kaunas): eight costs, then "2020 m. skirti
    # savivaldybės biudžeto asignavimai – 40,5 tūkst. Eur" (2,02 + … + 8,0 = 40,48)
    costs = ["2,02", "13,28", "1,5", "2,5", "8,29", "4,5", "0,39", "8,0"]
    items = [(float(c.replace(",", ".")) * 1000, f"{c} tūkst. Eur", False) for c in costs]
    # line 235: "kaina 0,17 tūkst. Eur/mėn., asmuo moka 0,02 …, savivaldybės … lėšos 0,15 …",
    # and "kaina 0,95 …, asmuo moka 0,11 …, … lėšos 0,53 …" which does not add up
    rates = ["0,17", "0,02", "0,15", "0,95", "0,11", "0,53"]
    items += [(float(r.replace(",", ".")) * 1000, f"{r} tūkst. Eur/mėn.", True) for r in rates]
    items.append((40_500.0, "40,5 tūkst. Eur", False))
    parts = itemised(items)
    assert {i: parts[i] for i in range(8)} == dict.fromkeys(range(8), 14)
    assert parts[9] == parts[10] == 8  # 0,02 and 0,15 make up 0,17
    assert 12 not in parts and 13 not in parts  # 0,11 + 0,53 is not 0,95
    assert 14 not in parts and 8 not in parts  # the totals themselves


def test_no_itemisation_is_guessed():
    from apanalysis.vocabulary.money import itemised

    # two amounts that merely follow a larger one without adding up to it
    assert (
        itemised(
            [(1000.0, "1000 Eur", False), (200.0, "200 Eur", False), (300.0, "300 Eur", False)]
        )
        == {}
    )
    # a single smaller amount is no itemisation
    assert itemised([(500.0, "500 Eur", False), (500.0, "500 Eur", False)]) == {}
