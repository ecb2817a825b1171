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
