"""The words of a caveat the narrative states about its own figures: "not all institutions
reported the money they spent" (Lithuanian: "ne visos institucijos pateikė informaciją apie
išleistas lėšas"), and the kinds of caveat the ``caveats`` table knows.

>>> spending_unreported("Ne visos institucijos pateikė informaciją apie išleistas lėšas.")
True
"""

from __future__ import annotations

import re

from apanalysis.vocabulary.text import fold

#: What a caveat says of the report's figures (``caveats.kind``).
SPENDING_NOT_ALL_REPORTED = "spending_not_all_reported"
CAVEAT_KINDS = (SPENDING_NOT_ALL_REPORTED,)

#: Money spent (folded): "lėšos", "išleista", "išlaidos", "panaudota".
_MONEY = r"(?:les\w*|isleist\w*|islaid\w*|panaudot\w*)"
#: Some, not all: "ne visos", "dalis", "kai kurios", "ne visi".
_SOME = r"(?:ne\s+vis\w*|dalis|kai\s+kuri\w*)"
_NOT_REPORTED = re.compile(
    rf"\b{_SOME}\b.{{0,80}}?\bpateik\w*\b.{{0,80}}?\b{_MONEY}"
    rf"|\binformacij\w*\b.{{0,80}}?\b{_MONEY}.{{0,80}}?\bnepateik\w*",
    re.IGNORECASE | re.S,
)


def spending_unreported(sentence: str) -> bool:
    """Whether a sentence says that some institutions did not report their spending."""
    return bool(_NOT_REPORTED.search(fold(sentence)))
