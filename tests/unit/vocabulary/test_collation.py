from apanalysis.vocabulary.collation import lithuanian_sorted


def test_lithuanian_alphabetical_order():
    # The 2020 report's municipalities: Š after S, Ž after Z, ė before l, y right after į.
    names = [
        "Zarasų",
        "Šiaulių",
        "Skuodo",
        "Kėdainių",
        "Klaipėdos",
        "Žagarės",
        "Ylakių",
        "Ignalinos",
    ]
    assert lithuanian_sorted(names) == [
        "Ignalinos", "Ylakių", "Kėdainių", "Klaipėdos", "Skuodo", "Šiaulių", "Zarasų", "Žagarės",
    ]  # fmt: skip
