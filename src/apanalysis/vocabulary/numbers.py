"""Lithuanian numbers: digits with decimal comma and space-grouped thousands, number words,
and the target value of an evaluation criterion ("Organizuotų posėdžių skaičius – 2")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from apanalysis.vocabulary.text import fold

THOUSANDS_SEPARATORS = " \u00a0\u202f"  # space, no-break space, narrow no-break space
NUMBER_PATTERN = (
    rf"\d{{1,3}}(?:[{THOUSANDS_SEPARATORS}]\d{{3}})+(?:,\d+)?"  # 5 400 / 240 100 / 19 810,5
    r"|\d+(?:[,.]\d+)?"  # 100 / 0,5 / 1163,81 / 5.5
)
#: NUMBER_PATTERN after its first digit: "\d(?:NUMBER_REST)" matches exactly what
#: NUMBER_PATTERN does, trying the same lengths in the same order (\d{1,3} = \d\d{0,2}, \d+ =
#: \d\d*). A pattern that starts with a plain \d (lookbehinds moved after it, "(?<!x)\d" =
#: "\d(?<!x\d)") lets Python's re engine jump from digit to digit instead of trying every
#: position of the text: much faster scans with the same matches.
NUMBER_REST = (
    rf"\d{{0,2}}(?:[{THOUSANDS_SEPARATORS}]\d{{3}})+(?:,\d+)?"
    r"|\d*(?:[,.]\d+)?"
)
_NUMBER_FULL = re.compile(rf"[+\-−]?(?:{NUMBER_PATTERN})")
NUMBER_RE = re.compile(rf"(?<![\d,.])(?:{NUMBER_PATTERN})(?![\d])")

# Number words (folded: lower case, no diacritics), "stem + case ending" for 1-9.
UNIT_STEMS = {"ketur": 4, "penk": 5, "ses": 6, "septyn": 7, "astuon": 8, "devyn": 9}
UNIT_ENDINGS = r"(?:i|ios|iu|iems|ioms|is|ias|iais|iomis|iuose|iose|eri|erios|eriu|eriems)"
SMALL_WORDS = {
    1: r"vien(?:as|a|o|os|am|ai|u|ame|oje|eri|erios|eriu)",
    2: r"du|dvi|dvieju|dviem|dviese|dviejuose|dviejose|dveji|dvejos|dveju|dvejus|dvejas",
    3: r"trys|triju|trims|tris|trimis|trijuose|trijose|treji|trejos|treju|trejus|trejas",
    10: r"desimt(?:is|ies|ims|imi|yje|ys)?|desimcia|desimciai",
}
TEENS = {
    "vienuo": 11,
    "dvy": 12,
    "try": 13,
    "keturio": 14,
    "penkio": 15,
    "sesio": 16,
    "septynio": 17,
    "astuonio": 18,
    "devynio": 19,
}
TEEN_ENDING = r"lik(?:a|os|ai|oje|a)"
TENS = {
    "dvi": 20,
    "tris": 30,
    "keturias": 40,
    "penkias": 50,
    "sesias": 60,
    "septynias": 70,
    "astuonias": 80,
    "devynias": 90,
}
TENS_ENDING = r"desimt(?:ies|ims|imi|yje|is)?|desimcia|desimciai"

PERCENT_WORDS = r"proc\.?|procent\w*|%"
AS_NEEDED_PHRASE = r"pagal\s+poreik\w*"  # "pagal poreikį": as needed
DEADLINE_WORD = r"iki"  # "iki 03-01", "iki gruodžio 1 d."
MONTHS_GENITIVE = (
    "sausio",
    "vasario",
    "kovo",
    "balandzio",
    "geguzes",
    "birzelio",
    "liepos",
    "rugpjucio",
    "rugsejo",
    "spalio",
    "lapkricio",
    "gruodzio",
)


def _word_table() -> list[tuple[str, int]]:
    words = [(p, v) for v, p in SMALL_WORDS.items()]
    words += [(rf"{stem}{UNIT_ENDINGS}", v) for stem, v in UNIT_STEMS.items()]
    words += [(rf"{stem}{TEEN_ENDING}", v) for stem, v in TEENS.items()]
    return words


_UNITS = _word_table()
_UNIT_RE = re.compile("|".join(rf"(?P<w{k}>{p})" for k, (p, _) in enumerate(_UNITS)))
_TENS_RE = re.compile("|".join(rf"(?P<t{k}>{s}(?:{TENS_ENDING}))" for k, s in enumerate(TENS)))
_UNIT_ANY = "|".join(p for p, _ in _UNITS)
_TENS_ANY = rf"(?:{'|'.join(TENS)})(?:{TENS_ENDING})"
_COUNT_WORD = re.compile(
    rf"(?P<tens>{_TENS_ANY})(?:\s+(?P<unit>{_UNIT_ANY}))?|(?P<only>{_UNIT_ANY})"
)
#: A number word ("keturios", "dvidešimt trys"), folded; see :func:`parse_count_word`.
COUNT_WORD_RE = _COUNT_WORD
_DIGITS = re.compile(r"(\d+)(?:\s*-\s*[^\W\d_]+)?")  # "16", "6-iems"
_SEPARATOR = re.compile(r"\s[–—-]\s*|:\s*(?=\d)")
_TARGET_NUMBER = re.compile(
    rf"(?P<num>{NUMBER_RE.pattern})(?P<pct>\s*(?:{PERCENT_WORDS}))?", re.IGNORECASE
)
_AS_NEEDED = re.compile(AS_NEEDED_PHRASE, re.IGNORECASE)
_DEADLINE_NUMERIC = re.compile(rf"\b{DEADLINE_WORD}\s+(?:\d{{4}}-)?(\d{{2}})-(\d{{2}})\b")
_DEADLINE_WORDS = re.compile(rf"\b{DEADLINE_WORD}\s+({'|'.join(MONTHS_GENITIVE)})\s+(\d{{1,2}})")


def parse_number(text: str) -> float | None:
    """A Lithuanian number ("0,5", "5 400", "1163,81", "100") as float; None if not one."""
    s = text.strip()
    if not _NUMBER_FULL.fullmatch(s):
        return None
    sign = -1.0 if s[0] in "-−" else 1.0
    s = s.lstrip("+-−")
    for sep in THOUSANDS_SEPARATORS:
        s = s.replace(sep, "")
    return sign * float(s.replace(",", "."))


def parse_count_word(text: str) -> int | None:
    """A count written as a Lithuanian number word in any case/gender ("keturios" → 4,
    "dviejų" → 2, "dešimties" → 10, "dvidešimt trys" → 23) or digits ("16", "6-iems")."""
    s = fold(" ".join(text.split()))
    digits = _DIGITS.fullmatch(s)
    if digits:
        return int(digits.group(1))
    m = _COUNT_WORD.fullmatch(s)
    if not m:
        return None
    if m["only"]:
        return _UNITS[_first_group(_UNIT_RE, m["only"])][1]
    tens = list(TENS.values())[_first_group(_TENS_RE, m["tens"])]
    unit = _UNITS[_first_group(_UNIT_RE, m["unit"])][1] if m["unit"] else 0
    return tens + unit if unit < 10 else None  # "dvidešimt vienuolika" is not a number


def _first_group(pattern: re.Pattern[str], word: str) -> int:
    m = pattern.fullmatch(word)
    assert m is not None and m.lastgroup is not None
    return int(m.lastgroup[1:])


_COUNT_WORD_IN_TEXT = re.compile(rf"(?<!\w)(?:{_COUNT_WORD.pattern})(?!\w)")


def find_count_words(text: str) -> list[tuple[int, str, int, int]]:
    """Every number word in ``text`` as (value, raw, start, end); digits are not included."""
    return list(_count_words(text))


@lru_cache(maxsize=4096)
def _count_words(text: str) -> tuple[tuple[int, str, int, int], ...]:
    found = []
    for m in _COUNT_WORD_IN_TEXT.finditer(fold(text)):
        value = parse_count_word(m.group(0))
        if value is not None:
            found.append((value, text[m.start() : m.end()], m.start(), m.end()))
    return tuple(found)


@dataclass(frozen=True)
class Target:
    """The planned value of a criterion. ``values`` holds every number after a dash;
    ``value`` is set only when there is exactly one."""

    value: float | None = None
    values: tuple[float, ...] = field(default_factory=tuple)
    unit: str | None = None
    deadline: str | None = None
    as_needed: bool = False


def _deadline(criterion: str) -> str | None:
    m = _DEADLINE_NUMERIC.search(criterion)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _DEADLINE_WORDS.search(fold(criterion))
    if m:
        return f"{MONTHS_GENITIVE.index(m.group(1)) + 1:02d}-{int(m.group(2)):02d}"
    return None


@lru_cache(maxsize=4096)  # a measure's criterion is read for its row and its achieved value
def parse_target(criterion: str) -> Target:
    """The target of a criterion: the number(s) after " – " (or ":"), "proc." unit,
    "iki MM-DD" deadline, "pagal poreikį" (as needed). Percent criteria ("procentas – 100")
    get unit "proc." even without "proc." after the number."""
    values: list[float] = []
    percent = False
    for sep in _SEPARATOR.finditer(criterion):
        m = _TARGET_NUMBER.match(criterion, sep.end())
        if m:
            value = parse_number(m["num"])
            if value is not None:
                values.append(value)
                percent = percent or bool(m["pct"])
    percent = percent or bool(values and "procent" in fold(criterion))
    return Target(
        value=values[0] if len(values) == 1 else None,
        values=tuple(values),
        unit="proc." if percent else None,
        deadline=_deadline(criterion),
        as_needed=bool(_AS_NEEDED.search(criterion)),
    )


# --------------------------------------------------------------------------- counted things

#: "Both" (folded): a count of two that refers back to a set named before ("iš Plane numatytų
#: 2 renginių, organizavo abu"); read only against that set, never alone.
BOTH_WORDS = re.compile(r"\b(?:abu|abi|abiej\w*|abiem\w*)\b")
#: "All" (folded): every item of a set named before ("iš 3 numatytų mokymų surengti visi").
ALL_WORDS = re.compile(r"\b(?:visi|visos|visus|visas|visu|visiems|visoms)\b")
#: "Thousand" after a number, as a multiplier of a count ("Išleista 15 tūkst. lankstinukų").
THOUSAND_RE = re.compile(r"\s*tukst\.?(?=\s)")
THOUSAND = 1000
#: Head nouns of criteria that count copies or members, and the nouns that count as them
#: (folded stems): "Pagamintų ir išplatintų vienetų skaičius" is read from "15 tūkst.
#: lankstinukų"; "Tinkle esančių narių skaičius" from "12 narių".
HEAD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "vienet": (
        "vienet",
        "vnt",
        "egzempliori",
        "lankstinuk",
        "kortel",
        "plakat",
        "leidin",
        "brosiur",
        "skrajut",
        "knyg",
        "skirtuk",
        "lipduk",
    ),
    "egzempliori": ("egzempliori", "vnt"),
    "nar": ("nari", "nary", "nare"),
}


def head_synonyms(stem: str) -> tuple[str, ...]:
    """The stems a count may qualify for a criterion whose head noun has ``stem``."""
    return HEAD_SYNONYMS.get(stem, (stem,))
