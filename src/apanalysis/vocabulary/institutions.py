"""Responsible institutions: codes, names, and recognition of the annex's "Institucija" column.

A full name is matched by word stems (any grammatical case, optional "Lietuvos Respublikos"
prefix), together with its "prie <parent>" tail and a following "(ABBR)"; abbreviations are
matched as whole words, several spellings each. An abbreviation after "prie" names a parent
body ("Policijos departamentas prie VRM"), never the responsible institution itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Institution:
    """One institution: ``code`` (the abbreviation used in tables), Lithuanian and English name."""

    code: str
    name_lt: str
    name_en: str


INSTITUTIONS: dict[str, Institution] = {
    i.code: i
    for i in (
        Institution("VRM", "Vidaus reikalų ministerija", "Ministry of the Interior"),
        Institution(
            "SADM",
            "Socialinės apsaugos ir darbo ministerija",
            "Ministry of Social Security and Labour",
        ),
        Institution("URM", "Užsienio reikalų ministerija", "Ministry of Foreign Affairs"),
        Institution(
            "ŠMSM",
            "Švietimo, mokslo ir sporto ministerija",
            "Ministry of Education, Science and Sport",
        ),
        Institution("GP", "Generalinė prokuratūra", "Prosecutor General's Office"),
        Institution("NTA", "Nacionalinė teismų administracija", "National Courts Administration"),
        Institution("PD", "Policijos departamentas prie VRM", "Police Department"),
        Institution(
            "VSAT", "Valstybės sienos apsaugos tarnyba prie VRM", "State Border Guard Service"
        ),
        Institution("MD", "Migracijos departamentas prie VRM", "Migration Department"),
        Institution("VDI", "Valstybinė darbo inspekcija prie SADM", "State Labour Inspectorate"),
        Institution("UŽT", "Užimtumo tarnyba prie SADM", "Employment Service"),
        Institution(
            "VVTAĮT",
            "Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba prie SADM",
            "State Child Rights Protection and Adoption Service",
        ),
        Institution("NŠA", "Nacionalinė švietimo agentūra", "National Agency for Education"),
        Institution(
            "NTB", "Nacionalinis transplantacijos biuras prie SAM", "National Transplant Bureau"
        ),
        Institution(
            "NAPPŽ",
            "Nacionalinė asociacija prieš prekybą žmonėmis",
            "National Association against Human Trafficking",
        ),
        Institution("Ramintoja", "VšĮ „Ramintoja“", "Public institution Ramintoja"),
        Institution("SAV", "Savivaldybės", "Municipalities"),
    )
}

# Full names as Lithuanian word stems (case-insensitive; "\w*" takes any case ending).
NAME_STEMS: dict[str, tuple[str, ...]] = {
    "VRM": (r"vidaus\s+reikalų\s+ministerij\w*",),
    "SADM": (r"socialinės\s+apsaugos\s+ir\s+darbo\s+ministerij\w*",),
    "URM": (r"užsienio\s+reikalų\s+ministerij\w*",),
    "ŠMSM": (r"švietimo,?\s+mokslo\s+ir\s+sporto\s+ministerij\w*",),
    "GP": (r"generalin\w*\s+prokuratūr\w*",),
    "NTA": (r"nacionalin\w*\s+teismų\s+administracij\w*",),
    "PD": (r"policijos\s+departament\w*",),
    "VSAT": (r"valstybės\s+sienos\s+apsaugos\s+tarnyb\w*",),
    "MD": (r"migracijos\s+departament\w*",),
    "VDI": (r"valstybin\w*\s+darbo\s+inspekcij\w*",),
    "UŽT": (r"užimtumo\s+tarnyb\w*",),
    "VVTAĮT": (r"valstybės\s+vaiko\s+teisių\s+apsaugos\s+ir\s+[įi]vaikinimo\s+tarnyb\w*",),
    "NŠA": (r"nacionalin\w*\s+švietimo\s+agentūr\w*",),
    "NTB": (r"nacionalin\w*\s+transplantacijos\s+biur\w*",),
    "NAPPŽ": (r"nacionalin\w*\s+asociacij\w*\s+prieš\s+prekyb\w*\s+žmonėmis",),
    "Ramintoja": (r"(?:vš[įi]\s*)?[„\"“”']?\s*ramintoj\w*\s*[“”\"']?",),
    "SAV": (r"savivaldyb\w*",),
}
# Abbreviations and their known spellings (case-sensitive, whole words).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "VRM": ("VRM",),
    "SADM": ("SADM",),
    "URM": ("URM",),
    "ŠMSM": ("ŠMSM", "SMSM"),
    "GP": ("GP",),
    "NTA": ("NTA",),
    "PD": ("PD",),
    "VSAT": ("VSAT",),
    "MD": ("MD",),
    "VDI": ("VDI",),
    "UŽT": ("UŽT", "UZT"),
    "VVTAĮT": (r"V?VTA[IĮ][UŲ]?T?",),  # VVTAĮT, VVTAIT, VTAIT, VVTAIŲ, VVTAIŲT
    "NŠA": ("NŠA", "NSA"),
    "NTB": ("NTB",),
    "NAPPŽ": ("NAPPŽ", "NAPPZ"),
}
STATE_PREFIX = r"(?:(?:lietuvos\s+respublikos|lr)\s+)?"
PARENT_WORD = "prie"  # "Policijos departamentas prie VRM": a body under a ministry
_ABBR_ANY = r"(?-i:[A-ZĄČĘĖĮŠŲŪŽ]{2,7})(?!\w)"
PARENT_TAIL = (
    rf"(?:\s+{PARENT_WORD}\s+{STATE_PREFIX}"
    rf"(?:{_ABBR_ANY}(?:\s+ministerij\w*)?|(?:[^\W\d_]+,?\s+){{1,6}}?ministerij\w*))?"
)
PARENTHESIS_TAIL = r"(?:\s*\([^()]{1,20}\))?"
SEPARATORS = r"[,;/\n]|\s+(?:ir|bei)\s+|\s+[-–]\s+"

_NAMES = [(code, stem) for code, stems in NAME_STEMS.items() for stem in stems]
_NAME_RE = re.compile(
    "|".join(
        rf"(?P<n{k}>(?<!\w){STATE_PREFIX}{stem}{PARENT_TAIL}{PARENTHESIS_TAIL})"
        for k, (_, stem) in enumerate(_NAMES)
    ),
    re.IGNORECASE,
)
_ABBRS = [(code, spelling) for code, spellings in ABBREVIATIONS.items() for spelling in spellings]
_ABBR_RE = re.compile(
    "|".join(rf"(?P<a{k}>(?<!\w){spelling}(?!\w))" for k, (_, spelling) in enumerate(_ABBRS))
)
_AFTER_PARENT = re.compile(rf"\b{PARENT_WORD}\s+$", re.IGNORECASE)
_SEPARATOR_RE = re.compile(SEPARATORS, re.IGNORECASE)
_JUNK = re.compile(r"^[\W_]*$|^(?:ir|bei)$", re.IGNORECASE)


def _matches(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every recognised name or abbreviation, in order."""
    found: list[tuple[int, int, str]] = []
    for m in _NAME_RE.finditer(raw):
        found.append((m.start(), m.end(), _NAMES[int(m.lastgroup[1:])][0]))
    taken = [(s, e) for s, e, _ in found]
    for m in _ABBR_RE.finditer(raw):
        if any(s <= m.start() < e for s, e in taken) or _AFTER_PARENT.search(raw[: m.start()]):
            continue
        found.append((m.start(), m.end(), _ABBRS[int(m.lastgroup[1:])][0]))
    return sorted(found)


def normalize_institutions(raw: str) -> list[str]:
    """Institution codes named in ``raw``, in order of appearance, without duplicates."""
    codes: list[str] = []
    for _, _, code in _matches(raw):
        if code not in codes:
            codes.append(code)
    return codes


def unknown_institution_parts(raw: str) -> list[str]:
    """The parts of ``raw`` (split at commas, "ir", "bei", ...) that name no known institution."""
    rest = list(raw)
    for start, end, _ in _matches(raw):
        rest[start:end] = ["\n"] * (end - start)
    parts = (p.strip(" \t,.;:") for p in _SEPARATOR_RE.split("".join(rest)))
    return [p for p in parts if p and not _JUNK.match(p)]
