"""Municipality sub-results inside a result cell.

A result cell of a measure run by the municipalities lists them one after the other:
"Kauno miesto savivaldybė. Įgyvendinta. ...", "Panevėžio rajono savivaldybė priemonių
neįgyvendino.", "..., o Vilkaviškio r. savivaldybė informavo, kad priemonių Plane nebuvo
numačiusi." A sub-result starts where a municipality's name opens a sentence (or a clause after
", o") and is followed by a status; it runs to the next sub-result or the end of the cell.
A municipality named in passing ("Kauno miesto savivaldybė organizavo ...") starts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.vocabulary.municipalities import official_name
from apanalysis.vocabulary.status import StatusMatch, municipal_lead_status

NAME = re.compile(
    r"(?:^|(?<=[.;:!?…“”\"]\s)|(?<=\n)|(?<=,\so\s)|(?<=\sir\s))"
    r"(?P<name>(?:[A-ZĄČĘĖĮŠŲŪŽ][a-ząčęėįšųūž]+\s+){1,2}?"
    r"(?:(?:miesto|rajono|r\.|m\.|raj\.)\s+)?savivaldybė)(?=[\s.,:;])"
)


@dataclass(frozen=True)
class MunicipalResult:
    """One municipality's part of a result cell."""

    municipality: str
    municipality_raw: str
    status: StatusMatch
    text: str
    start: int  # offset of the name in the cell's plain text


def _status_after(text: str, end: int) -> StatusMatch | None:
    """The status that immediately follows a municipality name, if any."""
    return municipal_lead_status(text[end:].lstrip(" .:–-"))


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĄČĘĖĮŠŲŪŽ")
_NAME_END = "savivaldybė"


def _may_be_in_name(char: str) -> bool:
    """True for every letter (``[^\\W\\d_]``), space and dot (and for digits too)."""
    return char.isalnum() or char.isspace() or char == "."


#: Most whitespace runs inside a name before "savivaldybė": two words and a qualifier.
_MAX_NAME_GAPS = 3


def _stretch_start(text: str, at: int, end: int) -> int:
    """The first offset (not before ``end``) from which a NAME match ending in the
    "savivaldybė" at ``at`` could start: going back over name characters, through at most
    _MAX_NAME_GAPS runs of whitespace."""
    start, gaps = at, 0
    while start > end and _may_be_in_name(text[start - 1]):
        if text[start - 1].isspace() and not text[start].isspace():
            gaps += 1  # entering one more run of whitespace
            if gaps > _MAX_NAME_GAPS:
                break
        start -= 1
    return start


def _names(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``NAME.finditer(text)``, found faster.

    Every NAME match starts at a capital and ends at a "savivaldybė" (lower case, so no name
    word or qualifier), with only letters, spaces and dots between: it lies in the stretch of
    characters (a superset: see _stretch_start) before one occurrence of "savivaldybė".
    So only the capitals of those stretches are tried, in order, with NAME.match (its
    lookbehinds still see the text before the position; "^" matches only at 0). A match
    cannot reach past the occurrence it was found for, so the order is that of finditer.
    """
    end = 0
    at = text.find(_NAME_END)
    while at != -1:
        for position in range(_stretch_start(text, at, end), at):
            if text[position] in _CAPITALS:
                match = NAME.match(text, position)
                if match:
                    yield match
                    end = match.end()
                    break
        at = text.find(_NAME_END, max(at + 1, end))


@lru_cache(maxsize=1024)
def split_municipal(text: str) -> tuple[MunicipalResult, ...]:
    """The municipality sub-results of a result cell's plain text, in order."""
    if "savivaldybė" not in text:  # every sub-result names a municipality
        return ()
    starts = []
    for match in _names(text):
        status = _status_after(text, match.end("name"))
        if status is not None:
            starts.append((match, status))
    results = []
    for index, (match, status) in enumerate(starts):
        stop = starts[index + 1][0].start() if index + 1 < len(starts) else len(text)
        raw = " ".join(match.group("name").split())
        part = text[match.start() : stop].strip().rstrip(",").removesuffix(", o").strip()
        results.append(MunicipalResult(official_name(raw), raw, status, part, match.start()))
    return tuple(results)
