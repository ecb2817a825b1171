"""When a sentence states a cause, and when it states an effect: the words that turn a mention
into a reason.

A word alone is no reason: "atlikti COVID-19 tyrimai 2 asmenims" (tests given to two people,
line 238 of the 2020 report) names COVID-19 but says nothing it caused. A reason is read only
from a sentence that *states* it:

* a cause governs the reason's words: "dėl pandemijos" (because of), "atsižvelgiant į …
  situaciją" (in view of), "siejamas su … pandemija" (linked to), "nes" / "kadangi" (as), or the
  reason's words are the subject of a causing verb ("pandemija lėmė / sutrukdė");
* not a topic: "aptartos dėl COVID-19 kylančios problemos" (problems arising from COVID-19 were
  discussed), "pandemijos metu" (during the pandemic);
* and, for work reported as implemented, the sentence also states an effect on the work: it did
  not take place, was postponed or stopped, took another form, or reached only part of the plan
  (:data:`EFFECT_RE`). For work not (fully) implemented the status already states the effect.

Every pattern works on folded text (lower case, no diacritics; see
:func:`apanalysis.vocabulary.text.fold`) within one sentence.
"""

from __future__ import annotations

import re

#: Before a reason's words, in the same sentence: what makes them a cause.
CAUSE_BEFORE_RE = re.compile(
    r"(?:(?<![„\"“])\bdel\s+(?:\S+\s+){0,3}"  # "dėl [Lietuvoje paskelbto] karantino"
    r"|\batsizvelg\w*\s+i\b.*"  # "atsižvelgiant į <anything> situaciją"
    r"|\bsiejam\w*\s+su\s+(?:\S+\s+){0,2}"  # "siejamas su vykstančia COVID-19 pandemija"
    r"|\b(?:nes|kadangi)\b.*"  # "nes <…> pandemija"
    r")$"
)
#: After a reason's words: the reason as the subject of a causing verb ("pandemija lėmė …").
CAUSE_AFTER_RE = re.compile(
    r"^\S*\s+(?:\S+\s+){0,3}?(?:lem\w*|nulem\w*|sutrukd\w*|neleid\w*|apribojo|sustabd\w*)\b"
)
#: After a reason's words: the reason is a topic or a time, not a cause.
TOPIC_AFTER_RE = re.compile(r"^\S*\s+(?:\S+\s+)?(?:kylanc\w*|iskil\w*|metu\b|laikotarp\w*)")

#: The planned thing did not take place ("neįvyko", "neorganizavo", "nerengė", "nesudarė",
#: "nebuvo organizuoti", "Suteikta paslaugų nebuvo", "priemonių neįgyvendino"). The status
#: adjective "Neįgyvendinta" is a status, not such a statement, and is not matched.
NOT_HELD_RE = re.compile(
    r"\bne(?:i?vyk|organiz|sureng|reng|inicij|sudar|atlik|suteik|parengt?)\w*"
    r"|\bneigyvendino\b"
    r"|\bnebuvo\s+(?:\w+\s+){0,2}?(?:organizuo|organizuoj|sureng|igyvendin|ivykdyt|vykdyt"
    r"|atlikt|suteikt|parengt|sudaryt|rengt|inicijuot)\w*"
    r"|\b(?:suteikt|organizuot|surengt|ivykdyt|atlikt)\w*\s+(?:\w+\s+){0,2}?nebuvo\b"
)
#: An effect on the work: not held, postponed, stopped, carried on later, another form, only
#: part of the plan, not reached, not possible.
EFFECT_RE = re.compile(
    NOT_HELD_RE.pattern + r"|\bnukel\w*|\batide[tj]\w*|\bperkel\w*|\bsustabd\w*|\batsaukt\w*"
    r"|\bbus\s+tesiam\w*|\bnuotolin\w*|\bvirtual\w*|\bskaitmenin\w*|\brastu\b(?!\s*nr)"
    r"|\btik\b|\bnepasiekt\w*|\bnegalej\w*|\bnebuvo\s+galimyb\w*|\bmaziau\b"
)

#: A form word describes how work was done only in a sentence that says the work took place
#: (held, organised, carried out, moved, joined) or contrasts it with the plan.
FORM_HELD_RE = re.compile(
    r"\b(?:vyk\w*|organizuot\w*|organizav\w*|surengt\w*|sureng\w*|igyvendint\w*|pristatyt\w*"
    r"|perkel\w*|prisijungt\w*|planav\w*|vietoje|taciau|kadangi|nes|del|atsizvelg\w*)\b"
    r"|,\s*o\b"
)


def states_cause(before: str, after: str) -> bool:
    """Whether the words between ``before`` and ``after`` (one folded sentence) are stated as
    a cause: governed by a cause word, or the subject of a causing verb, and not a topic."""
    if TOPIC_AFTER_RE.match(after):
        return False
    return bool(CAUSE_BEFORE_RE.search(before) or CAUSE_AFTER_RE.match(after))


def states_effect(sentence: str) -> bool:
    """Whether a folded sentence states an effect on the work (:data:`EFFECT_RE`)."""
    return bool(EFFECT_RE.search(sentence))


def states_not_held(sentence: str) -> bool:
    """Whether a folded sentence says the planned thing did not take place."""
    return bool(NOT_HELD_RE.search(sentence))


def states_work_held(sentence: str) -> bool:
    """Whether a folded sentence that names a form (remote, in writing …) says work took place
    in it or contrasts it with the plan, rather than merely naming a virtual space
    ("bendrauja virtualioje erdvėje")."""
    return bool(FORM_HELD_RE.search(sentence))
