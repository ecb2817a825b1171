"""Parser for the narrative part of an annual report (everything before the "Priedas." annex).

Input: ``(line_no, text)`` pairs of the raw file. Output: a :class:`Narrative` with

* ``tasks`` -- one dict per "N uždavinys – ..." section (keys: the contract's ``tasks`` columns);
* ``claims`` -- report-wide and per-task numbers the report states (``claims`` columns);
* ``amounts`` -- every money amount in the narrative (``amounts`` columns, section "narrative");
* ``caveats`` -- every sentence qualifying the report's own figures (``caveats`` columns);
* ``problems`` -- ``(line, message)`` for things expected but not found.

The modules follow the reading: :mod:`.text` (lines → blocks → sentences), :mod:`.sections`
(before the tasks, task sections, after), :mod:`.counts` (counts and the finders of stated
counts), :mod:`.values` (a task's criterion, achieved value and verdict), :mod:`.amounts` (money
and the budget rule), :mod:`.claims` (the claims tables), :mod:`.caveats` and :mod:`.parse`
(the whole).

A claim's ``quote`` is its sentence and ``source_line`` the raw line where the matched words
start. Sentences are matched with small named regexes on Lithuanian stems, tolerant of the
report's typos ("veiksnių", "veikslių", "veiksams" all match ``veik\\w*``). Counts ("16", "penki",
"septynių") are recognised only by :func:`apanalysis.vocabulary.numbers.parse_count_word`.
Missing values are ``None`` (NaN/NA once in a DataFrame).
"""

from apanalysis.source.narrative.amounts import (
    Amount,
    amount_row,
    amounts_of,
    planned_and_spent,
    sentence_amounts,
)
from apanalysis.source.narrative.claims import (
    count_claims,
    criteria_not_met_claims,
    money_claims,
    regex_claims,
    summary_claims,
    task_claims,
)
from apanalysis.source.narrative.counts import (
    Count,
    count_followed_by,
    counts,
    items_count,
    unachieved_count,
)
from apanalysis.source.narrative.parse import Narrative, parse_narrative, parse_task
from apanalysis.source.narrative.sections import Sections, TaskSection, split_sections
from apanalysis.source.narrative.text import (
    Block,
    Sentence,
    block_sentences,
    clean_inline,
    task_heading,
    to_blocks,
)
from apanalysis.source.narrative.values import (
    Found,
    claim_row,
    criterion_target,
    find_achieved,
    find_count,
    find_criterion,
    find_verdict,
    verdict_status,
)
from apanalysis.vocabulary.text import split_sentences

__all__ = [
    "Amount",
    "Block",
    "Count",
    "Found",
    "Narrative",
    "Sections",
    "Sentence",
    "TaskSection",
    "amount_row",
    "amounts_of",
    "block_sentences",
    "claim_row",
    "clean_inline",
    "count_claims",
    "count_followed_by",
    "counts",
    "criteria_not_met_claims",
    "criterion_target",
    "find_achieved",
    "find_count",
    "find_criterion",
    "find_verdict",
    "items_count",
    "money_claims",
    "parse_narrative",
    "parse_task",
    "planned_and_spent",
    "regex_claims",
    "sentence_amounts",
    "split_sections",
    "split_sentences",
    "summary_claims",
    "task_claims",
    "task_heading",
    "to_blocks",
    "unachieved_count",
    "verdict_status",
]
