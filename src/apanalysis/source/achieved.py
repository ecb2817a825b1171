"""The achieved value of a measure's criterion, read conservatively from its result text.

``achieved_value("Organizuotų posėdžių skaičius – 2", 2, "Neįgyvendinta. ... organizuotas vienas
Kovos su prekyba žmonėmis koordinavimo komisijos (toliau – Komisija) posėdis ...")`` →
``Achieved(1.0, "<that sentence>")``.

How (every step errs towards "no value"):

1. Only a criterion with one numeric target that is not a percentage is read; the head noun of
   the criterion is the last word before the dash (before a comma if a relative clause follows:
   "Asmenų, kuriems suteikta pagalba skaičius – 220" → "Asmenų"); its stem is the word without
   its case ending ("posėdžių" → "posėd", "asmenų" → "asmen"); a stem shorter than four letters
   ("aktų" → "akt") is too ambiguous and nothing is read.
2. Result texts with per-municipality sub-results are not read (a count there is one
   municipality's), nor numbers inside an enumerated list ("1. ... 2. ..."): they count one item
   of several.
3. A count is digits or a number word (:func:`apanalysis.vocabulary.numbers.find_count_words`) that directly
   qualifies a word with the stem: adjacent ("organizuota 10 mokymų"), or separated by at most two
   agreeing adjectives/participles ("dalyvavo 38 konsuliniai pareigūnai"), or by a short genitive
   chain that is a named possessor or repeats the criterion's own words ("vienas Kovos su prekyba
   žmonėmis koordinavimo komisijos posėdis", "viena viešinimo priemonė"). Parentheses are skipped.
4. Never counted: years, dates, document and phone numbers, ranges, list numbering, money,
   percentages, "tūkst."/"mln." amounts, approximations ("per 200", "apie", "~"), and numbers in a
   clause restating the plan ("Planuota pagalbą suteikti 220 asmenų", "iš Plane numatytų 2").
5. Exactly one distinct value → kept with its sentence as the quote; none or several → None.

:func:`apanalysis.source.flags.flag` compares the reported status with the target and the
achieved value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.source.heads import (
    MIN_STEM,
    WORD_RE,
    criterion_stem,
    criterion_verb_stem,
    strip_ending,
)
from apanalysis.vocabulary import money, numbers
from apanalysis.vocabulary.numbers import MONTHS_GENITIVE
from apanalysis.vocabulary.text import fold

__all__ = [
    "Achieved",
    "achieved_value",
    "achievement_ratio",
    "criterion_stem",
    "is_missing",
]

TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\S")
#: rf"(?<![\w.,/+\-–−~]){numbers.NUMBER_RE.pattern}(?![\w\-–/])" with the first digit first
#: (see numbers.NUMBER_REST): the same matches, found faster.
DIGITS_RE = re.compile(
    rf"\d(?<![\w.,/+\-–−~]\d)(?<![\d,.]\d)(?:{numbers.NUMBER_REST})(?!\d)(?![\w\-–/])"
)
DIGIT_RUN_RE = re.compile(r"\+?\d+(?:[ \u00a0\u202f]\d+)+")
VALID_GROUPING_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?")
#: What may follow a number that is not a count (folded text).
NOT_A_COUNT_AFTER_RE = re.compile(
    r"\s*(?:m\.|m\b|metu\b|metais\b|metus\b|d\.|val\.|ketv|proc|%|procent|tukst|mln|mlrd"
    r"|eur\b|eurai|euru|\.(?:\s|$)|[-–—]\d)",
)
#: What may precede a number that is not a (exact) count (folded text).
NOT_A_COUNT_BEFORE_RE = re.compile(
    r"(?:\bnr\.|\btel\.|\+|~|\bper|\bapie|\bvirs|\bne\s+maziau\s+kaip|\bdaugiau\s+(?:nei|kaip)"
    r"|\bmaziau\s+(?:nei|kaip)|\biki|\bnuo|\bpo|\bsausio|\bvasario|\bkovo|\bbalandzio"
    r"|\bgeguzes|\bbirzelio|\bliepos|\brugpjucio|\brugsejo|\bspalio|\blapkricio|\bgruodzio)"
    r"\s*$"
)
#: How every match of NOT_A_COUNT_BEFORE_RE ends, before its trailing spaces.
NOT_A_COUNT_BEFORE_ENDINGS = (
    "nr.",
    "tel.",
    "+",
    "~",
    "per",
    "apie",
    "virs",
    "kaip",
    "nei",
    "iki",
    "nuo",
    "po",
    *MONTHS_GENITIVE,
)
#: Words of a clause that restates the plan rather than the result (folded).
PLAN_CUE_RE = re.compile(r"\b(?:planuot\w*|numat\w*|plane|siektin\w*|uzsibrez\w*|vietoj\w*)\b")
CLAUSE_BREAKS = ".;:,!?"
LIST_MARKER_RE = re.compile(r"(?:^|\n|(?<=[.:]\s))\s*\d{1,2}\.\s+(?=\S)")
_DIGIT_DOT_SPACE_RE = re.compile(r"\d\.\s")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĄČĘĖĮŠŲŪŽ0-9„])|\n")
#: Multi-word names that may sit inside a genitive chain ("Kovos su prekyba žmonėmis ...").
DOMAIN_PHRASE_RE = re.compile(r"\b(?:su\s+)?prekyb\w*\s+zmonemis\b")
#: Endings of a genitive modifier (folded): "kovos", "komisijos", "koordinavimo", "viesinimo".
GENITIVE_ENDINGS = ("os", "es", "o", "u", "ies", "ens")
#: Endings of an adjective or participle (folded): "konsuliniai", "metodinių", "organizuotų",
#: "dalyvavusių", "dalyvavę", "veikiančių". Plain nouns ("dalių", "transporto") do not match.
MODIFIER_RE = re.compile(
    r"(?:in(?:is|e|io|es|ei|i|iai|iu|iais|iams|ems|iems|ioms|ius|ias|iomis|iuose|ese)"
    r"|t(?:as|a|os|i|u|ais|oms|ams|ose|uose|us|ai|iems)"
    r"|usi(?:o|os|u|am|ems|ais|uose)|ave|ve"
    r"|anc(?:io|ios|iu|iai|ia|ias|iais|iems|ioms)|ant(?:is|ys|i))$"
)
MAX_MODIFIERS = 2
MAX_CHAIN = 6


@dataclass(frozen=True)
class Achieved:
    """An achieved value read from a result text and the sentence it was read from."""

    value: float
    quote: str


# --------------------------------------------------------------------------- counts in a text


@dataclass(frozen=True)
class _Count:
    value: float
    start: int
    end: int


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Money amounts and digit runs that are not one number (phone numbers)."""
    spans = [(m.start, m.end) for m in money.find_money(text)]
    for run in DIGIT_RUN_RE.finditer(text):
        if run.group().startswith("+") or not VALID_GROUPING_RE.fullmatch(run.group()):
            spans.append((run.start(), run.end()))
    return spans


def _list_start(text: str) -> int | None:
    """Offset of the first marker of an enumerated list ("1. ... 2. ..."), if there is one."""
    # fast path: each marker holds a digit, a dot and a whitespace in a row, so fewer than two
    # such triples (cheap to find: the scan jumps from digit to digit) means fewer markers
    if len(_DIGIT_DOT_SPACE_RE.findall(text)) < 2:
        return None
    markers = list(LIST_MARKER_RE.finditer(text))
    return markers[0].start() if len(markers) >= 2 else None


def _clause_before(folded: str, start: int) -> str:
    """The clause ``start`` is in, up to ``start`` (from the last of ``.;:,!?`` before it)."""
    return folded[max(folded.rfind(mark, 0, start) for mark in CLAUSE_BREAKS) + 1 : start]


def _ends_with_not_a_count_cue(before: str) -> bool:
    """Whether :data:`NOT_A_COUNT_BEFORE_RE` matches ``before``."""
    # fast path: the pattern is anchored at the end, so one of its endings must be there
    return before.rstrip().endswith(NOT_A_COUNT_BEFORE_ENDINGS) and bool(
        NOT_A_COUNT_BEFORE_RE.search(before)
    )


def _counts(text: str) -> list[_Count]:
    """Candidate counts of a text: digits and number words, minus everything that is not one."""
    folded = fold(text)
    found = []
    for m in DIGITS_RE.finditer(text):
        value = numbers.parse_number(m.group())
        if value is None or (m.group().isdigit() and len(m.group()) == 4 and 1900 <= value <= 2100):
            continue
        thousand = numbers.THOUSAND_RE.match(folded, m.end())
        if thousand and not NOT_A_COUNT_AFTER_RE.match(folded, thousand.end()):
            found.append(_Count(value * numbers.THOUSAND, m.start(), thousand.end()))
            continue
        if NOT_A_COUNT_AFTER_RE.match(folded, m.end()):
            continue
        found.append(_Count(value, m.start(), m.end()))
    found += [_Count(float(v), s, e) for v, _, s, e in numbers.find_count_words(text)]
    spans = _excluded_spans(text)
    list_start = _list_start(text)
    kept = []
    for count in found:
        if any(s <= count.start < e for s, e in spans):
            continue
        if list_start is not None and count.start >= list_start:
            continue
        before = folded[max(0, count.start - 40) : count.start]
        if _ends_with_not_a_count_cue(before):
            continue
        if PLAN_CUE_RE.search(_clause_before(folded, count.start)):
            continue
        kept.append(count)
    return sorted(kept, key=lambda c: c.start)


def _skip_parentheses(tokens: Iterator[re.Match]) -> None:
    """Consume the tokens of a parenthesised group up to its closing ")" (the "(" was read)."""
    depth = 1
    for token in tokens:
        depth += {"(": 1, ")": -1}.get(token.group(), 0)
        if depth == 0:
            return


def _gap_ok(gap: list[str], head: str, criterion_folded: str, named: bool) -> bool:
    """Whether the words between a number and the head noun still let it qualify the noun:
    at most two agreeing adjectives/participles, or a short genitive chain that names a
    possessor (``named``: its first word is capitalised) or repeats the criterion's words."""
    if not gap:
        return True
    if len(gap) <= MAX_MODIFIERS and all(MODIFIER_RE.search(w) and w[-1] == head[-1] for w in gap):
        return True
    chain = DOMAIN_PHRASE_RE.sub(" ", " ".join(gap)).split()
    if len(chain) > MAX_CHAIN or any(PLAN_CUE_RE.search(w) for w in chain):
        return False
    if not all(w.endswith(GENITIVE_ENDINGS) for w in chain):
        return False
    return named or all(strip_ending(w)[:MIN_STEM] in criterion_folded for w in chain)


def _qualifies(text: str, count: _Count, stem: str | tuple[str, ...], criterion: str) -> bool:
    """Whether ``count`` qualifies a word with ``stem`` (see the module docstring)."""
    tokens = TOKEN_RE.finditer(text, count.end)  # lazily: only a few tokens are read
    gap: list[str] = []
    named = False
    for match in tokens:
        if len(gap) > MAX_CHAIN:
            break
        token = match.group()
        if token == "(":
            _skip_parentheses(tokens)
            continue
        if not WORD_RE.fullmatch(token):
            return False
        word = fold(token)
        if word.startswith(stem):  # str.startswith takes one stem or a tuple of them
            return _gap_ok(gap, word, fold(criterion), named)
        if not gap:
            named = token[:1].isupper()
        gap.append(word)
    return False


def _sentence(text: str, offset: int) -> str:
    bounds = [0] + [m.end() for m in SENTENCE_END_RE.finditer(text)] + [len(text)]
    left = max(b for b in bounds if b <= offset)
    right = min((b for b in bounds if b > offset), default=len(text))
    return " ".join(text[left:right].split())


def is_missing(value: object) -> bool:
    """None, NaN, pd.NA or anything that is not a number."""
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


#: A number right after a finite form of a verb and before a word ("dalyvavo 25 teisėjai").
VERB_COUNT_RE = re.compile(r"([^\W\d_]+)\s+$")


def _after_verb(text: str, count: _Count, verb: str) -> bool:
    """Whether ``count`` directly follows a form of ``verb`` and precedes a word:
    "Mokymuose dalyvavo 25 teisėjai" counts those who took part, whoever they were."""
    before = VERB_COUNT_RE.search(text, 0, count.start)
    following = TOKEN_RE.match(
        text, count.end + 1 if text[count.end : count.end + 1] == " " else count.end
    )
    return bool(
        before
        and fold(before.group(1)).startswith(verb)
        and following
        and WORD_RE.fullmatch(following.group())
    )


def achieved_value(
    criterion: str,
    target: float | None,
    result_text: str,
    municipal_parts: Sequence[object] = (),
) -> Achieved | None:
    """The achieved value the result text states for the criterion's head noun (or, failing
    that, right after the criterion's own verb: "dalyvavusių" → "dalyvavo 25 …"), or None.

    ``municipal_parts`` are the cell's municipality sub-results, as split by
    :func:`apanalysis.source.municipal.split_municipal`: a cell that has any is not read."""
    if is_missing(target) or not criterion or not result_text or municipal_parts:
        return None
    if numbers.parse_target(criterion).unit is not None:
        return None
    stem = criterion_stem(criterion)
    if stem is None:
        return None
    stems = numbers.head_synonyms(stem)
    verb = criterion_verb_stem(criterion)
    folded = fold(result_text)
    if not any(s in folded for s in stems) and (verb is None or verb not in folded):
        return None  # neither the noun nor the verb is in the text: nothing can qualify
    counts = _counts(result_text)
    of_sets = _of_sets(result_text, folded, stems)
    wholes = [(n_start, n_end) for _, _, n_start, n_end in of_sets]
    counts = [c for c in counts if not any(s <= c.start < e for s, e in wholes)]
    hits = [c for c in counts if _qualifies(result_text, c, stems, criterion)]
    hits += [_Count(value, start, start) for value, start, _, _ in of_sets]
    if not hits and verb is not None:
        hits = [c for c in counts if _after_verb(result_text, c, verb)]
    values = {c.value for c in hits}
    if len(values) != 1:
        return None
    return Achieved(hits[0].value, _sentence(result_text, hits[0].start))


#: "iš N <noun>" (of N things, folded), with at most four words between "iš" and N ("iš Plane
#: numatytų 2 renginių") and at most three between N and the noun; "{noun}" is the noun's stems.
#: "iš jų", "iš kurių", "iš to …" (of them) open a subset, not a set, and are not read.
OF_SET_PATTERN = (
    rf"\bis\s+(?!(?:ju|kuriu|to|tu)\b)(?:[^\W\d_]+\s+){{{{0,4}}}}?(?P<n>\d+|(?:{numbers.COUNT_WORD_RE.pattern})(?!\w))\s+"
    r"(?:[^\W\d_]+\s+){{0,3}}?(?P<noun>(?:{noun})\w*)"
)


@lru_cache(maxsize=256)
def _of_set_re(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(OF_SET_PATTERN.format(noun="|".join(map(re.escape, stems))))


def _set_size(word: str) -> float | None:
    size = numbers.parse_count_word(word)
    return None if size is None else float(size)


def _numbers_between(text: str, folded: str, start: int, stop: int) -> list[tuple[int, float]]:
    """(offset, value) of the digits and number words of ``text[start:stop]`` that may be a
    count (no year, date, amount, percentage …), whatever clause they are in."""
    found = []
    for m in DIGITS_RE.finditer(text, start, stop):
        value = numbers.parse_number(m.group())
        year = m.group().isdigit() and len(m.group()) == 4
        if value is not None and not year and not NOT_A_COUNT_AFTER_RE.match(folded, m.end()):
            found.append((m.start(), value))
    words = numbers.find_count_words(text)
    return found + [(s, float(v)) for v, _, s, _ in words if start <= s < stop]


def _refers_back(folded: str, end: int, stems: tuple[str, ...]) -> bool:
    """Whether "abu"/"visi" ending at ``end`` stands for the set itself: followed by no word
    ("organizavo abu, skirtus …") or by the set's own noun ("visi mokymai"), not by another
    noun ("visi dalyviai") or a verb ("visi buvo")."""
    following = WORD_RE.match(folded, end + 1) if folded[end : end + 1] == " " else None
    return following is None or following.group().startswith(stems)


def _of_sets(text: str, folded: str, stems: tuple[str, ...]) -> list[tuple[float, int, int, int]]:
    """Achieved values stated against a set: "iš Plane numatytų 2 renginių, organizavo abu"
    → 2, "iš 14 numatytų savivaldybių 12 savivaldybių" → 12, "iš 3 mokymų surengti visi" → 3.
    Each as (value, offset of the value, span of N). The first count, "abu"/"abi" (only when
    N is 2) or "visi" after the noun, in the same sentence, is the value; a count above N is
    none. N itself is the whole, never a value."""
    found = []
    for match in _of_set_re(stems).finditer(folded):
        size = _set_size(match["n"])
        if size is None:
            continue
        end = SENTENCE_END_RE.search(text, match.end())
        stop = end.start() if end else len(text)
        after = _numbers_between(text, folded, match.end(), stop)
        both = numbers.BOTH_WORDS.search(folded, match.end(), stop)
        if both and size == 2 and _refers_back(folded, both.end(), stems):
            after.append((both.start(), 2.0))
        every = numbers.ALL_WORDS.search(folded, match.end(), stop)
        if every and _refers_back(folded, every.end(), stems):
            after.append((every.start(), size))
        if after:
            start, value = min(after)
            if value <= size:
                found.append((value, start, match.start("n"), match.end("n")))
    return found


def achievement_ratio(achieved: float | None, target: float | None) -> float:
    """achieved / target, NaN when either is missing or the target is not positive."""
    if is_missing(achieved) or is_missing(target) or target <= 0:
        return math.nan
    return float(achieved) / float(target)
