"""Implementation status words of the annex: "Įgyvendinta.", "Įgyvendinta iš dalies." etc.

The status adjective is matched by its folded stem with one typo allowed ("Igyvendinta",
"Įgyvendita") and the Lithuanian adjective endings -a, -as, -i, -os; "iš dalies"/"dalinai"
before or after it makes it partial, the prefix "ne" negates it. A status word followed by a
lower-case word without punctuation is a noun phrase ("Igyvendinta priemonių – 2"), not a status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.vocabulary.text import fold

IMPLEMENTED = "implemented"
PARTIALLY = "partially"
NOT_IMPLEMENTED = "not_implemented"
#: The three statuses of a row, in reading order (best first): the only list of them.
STATUSES = (IMPLEMENTED, PARTIALLY, NOT_IMPLEMENTED)
#: A municipality that reports it planned nothing for the measure (municipal sub-results only).
NOT_PLANNED = "not_planned"
#: Statuses a municipality's sub-result may have.
MUNICIPAL_STATUSES = (*STATUSES, NOT_PLANNED)
#: Statuses of work not (fully) done.
UNDONE_STATUSES = (PARTIALLY, NOT_IMPLEMENTED)
#: English words of each status, as sentences use them ("5 were partially implemented").
STATUS_WORDS: dict[str, str] = {
    IMPLEMENTED: "implemented",
    PARTIALLY: "partially implemented",
    NOT_IMPLEMENTED: "not implemented",
    NOT_PLANNED: "not planned",
}
#: Short English glosses of each status, for chart legends beside the Lithuanian label.
STATUS_GLOSSES: dict[str, str] = {**STATUS_WORDS, PARTIALLY: "partially"}
#: Each status as the report writes it (Lithuanian).
STATUS_LITHUANIAN: dict[str, str] = {
    IMPLEMENTED: "Įgyvendinta",
    PARTIALLY: "Iš dalies",
    NOT_IMPLEMENTED: "Neįgyvendinta",
    NOT_PLANNED: "Neplanuota",
}

# Lithuanian vocabulary (folded: lower case, no diacritics).
STATUS_STEM = "igyvendint"  # įgyvendint-a/-as/-i/-os "implemented"
NEGATION_PREFIX = "ne"
STATUS_ENDINGS = ("a", "as", "i", "os")
PARTIAL_WORDS = r"i[sš]\s+dalies|dalinai|dalin[ae]"  # "iš dalies", "dalinai": partly
# Words that may follow a status without punctuation: "Neįgyvendinta dėl pandemijos".
STATUS_FOLLOWERS = frozenset({"del", "nes", "kadangi", "taciau", "bet", "nors", "-", "–"})
# Stems of other status-like participles, for problem reporting only.
STATUS_LIKE_STEMS = (
    "vykd",
    "ivykd",
    "nevykd",
    "neivykd",
    "atlikt",
    "neatlikt",
    "igyvend",
    "neigyvend",
    "pasiekt",
    "nepasiekt",
    "ivyk",
    "neivyk",
)
# Municipality sentences: "... savivaldybė priemonių neįgyvendino",
# "... savivaldybė informacijos apie įgyvendintas priemones nepateikė".
MUNICIPALITY_WORD = r"savivaldyb[eė]\w*"
NOT_DONE_VERB = r"ne\s?[įi]gyvendino\b"
# Within one sentence: any character but a dot, or the dot of an abbreviation ("2020 m.").
_IN_SENTENCE = r"(?:[^.]|\b(?:m|d|r|nr|mėn|pvz|kt|t|y)\.)"
NO_INFO_PHRASE = rf"\binformacij\w*\b{_IN_SENTENCE}{{0,150}}?\bnepateik\w*"

_WORD = r"[^\W\d_]"
_LEAD = re.compile(
    rf"\s*(?:(?P<pre>{PARTIAL_WORDS})\s+)?(?P<ne>ne\s+)?(?P<word>{_WORD}{{8,}})"
    rf"(?:\s+(?P<post>{PARTIAL_WORDS})(?!{_WORD}))?",
    re.IGNORECASE,
)
_TERMINATOR = re.compile(r"[ \t\xa0]*(?P<dot>[.!;:,)])?")
_NUMBER_NOT_YEAR = re.compile(r"\s*(?!(?:19|20)\d\d\b)\d")
_NEXT_WORD = re.compile(rf"\s*(?P<word>{_WORD}+|[-–])")
_MUNICIPALITY = re.compile(rf"^.{{0,80}}?\b{MUNICIPALITY_WORD}\s*[.:,–-]?\s*", re.IGNORECASE)
_NOT_DONE = re.compile(rf"\b{NOT_DONE_VERB}", re.IGNORECASE)
_PRIEMONIU_NOT_DONE = re.compile(rf"\bpriemoni\w*\s+{NOT_DONE_VERB}", re.IGNORECASE)
_NO_INFO = re.compile(NO_INFO_PHRASE, re.IGNORECASE)
_STATUS_LIKE = re.compile(
    rf"\s*(?P<word>{_WORD}{{4,}})\s*(?:{PARTIAL_WORDS})?\s*[.!]", re.IGNORECASE
)


@dataclass(frozen=True)
class StatusMatch:
    """A status found in text: ``raw`` is the words as written (no final dot), ``end`` the
    offset just after them and their final punctuation, so ``text[end:]`` is the rest."""

    status: str
    raw: str
    end: int


def _distance(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (a transposition counts as one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


@lru_cache(maxsize=4096)
def _word_polarity(word: str) -> bool | None:
    """True for the status adjective, False for its negation, None for another word."""
    folded = fold(word)
    for ending in sorted(STATUS_ENDINGS, key=len, reverse=True):
        if folded.endswith(ending):
            stem = folded[: -len(ending)]
            break
    else:
        return None
    if _distance(stem, STATUS_STEM) <= 1:
        return True
    if stem.startswith(NEGATION_PREFIX) and _distance(stem[2:], STATUS_STEM) <= 1:
        return False
    return None


def _may_end_status(text: str, end: int, strict: bool) -> bool:
    """Whether the status words may end at ``end`` without punctuation (``strict``: only at
    a line end, for "-i" forms that are also infinitives: "Įgyvendinti 2 priemones")."""
    rest = text[end:]
    if not rest.strip() or rest.lstrip(" \t\xa0").startswith("\n"):
        return True
    if strict or rest[0] in "-–":
        return False
    if _NUMBER_NOT_YEAR.match(rest):
        return False  # "Įgyvendinta 2 priemonės" is a phrase; "Įgyvendinta 2020 m." a status
    nxt = _NEXT_WORD.match(text, end)
    return not (nxt and nxt["word"][0].islower() and fold(nxt["word"]) not in STATUS_FOLLOWERS)


def leading_status(text: str) -> StatusMatch | None:
    """The status word at the start of plain ``text`` ("Igyvendinta iš dalies." → partially)."""
    m = _LEAD.match(text)
    if not m:
        return None
    positive = _word_polarity(m["word"])
    if positive is None:
        return None
    if m["ne"]:
        positive = not positive
    end = m.end()
    term = _TERMINATOR.match(text, end)
    if term["dot"] is None and not _may_end_status(text, end, fold(m["word"]).endswith("i")):
        return None
    partial = bool(m["pre"] or m["post"])
    status = PARTIALLY if partial else IMPLEMENTED if positive else NOT_IMPLEMENTED
    raw = text[m.start("pre") if m["pre"] else m.start("ne") if m["ne"] else m.start("word") : end]
    stop = term.end() if term["dot"] in (".", "!", ":", ";", ",") else end
    return StatusMatch(status, raw, stop)


def municipal_status(sentence: str) -> StatusMatch | None:
    """Status of one municipality sentence: a status word after the municipality name,
    or "priemonių neįgyvendino" / "informacijos ... nepateikė" (both not_implemented)."""
    found = leading_status(sentence)
    if found:
        return found
    name = _MUNICIPALITY.match(sentence)
    if name:
        found = leading_status(sentence[name.end() :])
        if found:
            return StatusMatch(found.status, found.raw, found.end + name.end())
    for pattern in (_PRIEMONIU_NOT_DONE, _NOT_DONE, _NO_INFO):
        m = pattern.search(sentence)
        if m:
            return StatusMatch(NOT_IMPLEMENTED, m.group(0), m.end())
    return None


_NOTHING_PLANNED = re.compile(
    r"^(?:informavo|nurodė|pranešė),?\s+(?:kad\s+)?priemonių\s+(?:\w+\s+){0,3}?"
    r"nebuvo\s+numa\w*",
    re.IGNORECASE,
)


def municipal_lead_status(rest: str) -> StatusMatch | None:
    """The status that opens the text right after a municipality's name, or None.

    Unlike :func:`municipal_status` it never searches further into the sentence, so a name
    mentioned in passing ("... savivaldybė organizavo ...") has no status. Besides the status
    words: "priemonių neįgyvendino", "informacijos ... nepateikė" (not implemented) and
    "informavo, kad priemonių Plane nebuvo numačiusi" (:data:`NOT_PLANNED`).
    """
    found = municipal_status(rest)
    if found is not None and rest.startswith(found.raw):
        return found
    match = _NOTHING_PLANNED.match(rest)
    return StatusMatch(NOT_PLANNED, match.group(0), match.end()) if match else None


def looks_like_status(text: str) -> bool:
    """True if ``text`` opens with an unknown status-like word ("Įvykdyta.", "Vykdoma.")."""
    if leading_status(text):
        return False
    m = _STATUS_LIKE.match(text)
    if not m:
        return False
    word = fold(m["word"])
    return word.startswith(STATUS_LIKE_STEMS) or word.endswith(("ta", "tas", "ma", "mas"))
