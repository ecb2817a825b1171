"""Lithuanian alphabetical order: a ą b c č d e ę ė f g h i į y j k l m n o p r s š t u ų ū v z ž.

Python sorts by code point, which puts "Šakių" after "Zarasų" and "Kėdainių" after "Klaipėdos".

>>> sorted(["Zarasų", "Šakių", "Kėdainių", "Klaipėdos", "Skuodo"], key=lithuanian_key)
['Kėdainių', 'Klaipėdos', 'Skuodo', 'Šakių', 'Zarasų']
"""

from __future__ import annotations

ALPHABET = "aąbcčdeęėfghiįyjklmnoprsštuųūvzž"
_RANK = {letter: i for i, letter in enumerate(ALPHABET)}


def lithuanian_key(text: object) -> tuple:
    """Sort key of ``text`` in Lithuanian alphabetical order (case-insensitive; letters outside
    the alphabet, digits and spaces after their code point, before the letters)."""
    key = []
    for char in str(text).lower():
        rank = _RANK.get(char)
        key.append((1, rank) if rank is not None else (0, ord(char)))
    return tuple(key)


def lithuanian_sorted(items) -> list:
    """``items`` sorted in Lithuanian alphabetical order."""
    return sorted(items, key=lithuanian_key)
