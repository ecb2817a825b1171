"""Lithuania's 60 municipalities, and names as reports write them mapped to the official ones."""

from __future__ import annotations

import re

CITY_MUNICIPALITIES = (
    "Alytaus",
    "Kauno",
    "Klaipėdos",
    "Palangos",
    "Panevėžio",
    "Šiaulių",
    "Vilniaus",
)
DISTRICT_MUNICIPALITIES = (
    "Akmenės",
    "Alytaus",
    "Anykščių",
    "Biržų",
    "Ignalinos",
    "Jonavos",
    "Joniškio",
    "Jurbarko",
    "Kaišiadorių",
    "Kauno",
    "Kėdainių",
    "Kelmės",
    "Klaipėdos",
    "Kretingos",
    "Kupiškio",
    "Lazdijų",
    "Mažeikių",
    "Molėtų",
    "Pakruojo",
    "Panevėžio",
    "Pasvalio",
    "Plungės",
    "Prienų",
    "Radviliškio",
    "Raseinių",
    "Rokiškio",
    "Skuodo",
    "Šakių",
    "Šalčininkų",
    "Šiaulių",
    "Šilalės",
    "Šilutės",
    "Širvintų",
    "Švenčionių",
    "Tauragės",
    "Telšių",
    "Trakų",
    "Ukmergės",
    "Utenos",
    "Varėnos",
    "Vilkaviškio",
    "Vilniaus",
    "Zarasų",
)
PLAIN_MUNICIPALITIES = (
    "Birštono",
    "Druskininkų",
    "Elektrėnų",
    "Kalvarijos",
    "Kazlų Rūdos",
    "Marijampolės",
    "Neringos",
    "Pagėgių",
    "Rietavo",
    "Visagino",
)

OFFICIAL_NAMES: tuple[str, ...] = (
    tuple(f"{stem} miesto savivaldybė" for stem in CITY_MUNICIPALITIES)
    + tuple(f"{stem} rajono savivaldybė" for stem in DISTRICT_MUNICIPALITIES)
    + tuple(f"{stem} savivaldybė" for stem in PLAIN_MUNICIPALITIES)
)
assert len(OFFICIAL_NAMES) == 60

KIND_ABBREVIATIONS = {"m.": "miesto", "r.": "rajono", "raj.": "rajono"}
WORD = re.compile(r"\S+")


def _stem_and_kind(name: str) -> tuple[str, str]:
    words = name.replace("savivaldybės", "savivaldybė").split()
    if words and words[-1].lower() == "savivaldybė":
        words = words[:-1]
    kind = ""
    if words and (words[-1] in ("miesto", "rajono") or words[-1] in KIND_ABBREVIATIONS):
        kind = KIND_ABBREVIATIONS.get(words[-1], words[-1])
        words = words[:-1]
    return " ".join(words), kind


def official_name(name: str) -> str:
    """The official municipality name for a name as written ("Širvintų r. savivaldybė" →
    "Širvintų rajono savivaldybė"); the name itself, tidied, when it matches none or several."""
    stem, kind = _stem_and_kind(" ".join(name.split()))
    if kind:
        candidate = f"{stem} {kind} savivaldybė"
        if candidate in OFFICIAL_NAMES:
            return candidate
    plain = f"{stem} savivaldybė"
    if plain in OFFICIAL_NAMES:
        return plain
    same_stem = [n for n in OFFICIAL_NAMES if _stem_and_kind(n)[0] == stem]
    if len(same_stem) == 1:
        return same_stem[0]
    return f"{stem} {kind} savivaldybė".replace("  ", " ") if kind else plain
