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
from dataclasses import dataclass
from functools import lru_cache

from apanalysis.municipalities import official_name
from apanalysis.status import StatusMatch, municipal_lead_status

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


@lru_cache(maxsize=1024)
def split_municipal(text: str) -> tuple[MunicipalResult, ...]:
    """The municipality sub-results of a result cell's plain text, in order."""
    if "savivaldybė" not in text:  # every sub-result names a municipality
        return ()
    starts = []
    for match in NAME.finditer(text):
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
