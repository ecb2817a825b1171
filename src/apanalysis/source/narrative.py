"""Parser for the narrative part of an annual report (everything before the "Priedas." annex).

Input: ``(line_no, text)`` pairs of the raw file. Output: a :class:`Narrative` with

* ``tasks`` -- one dict per "N uždavinys – ..." section (keys: the contract's ``tasks`` columns);
* ``claims`` -- report-wide and per-task numbers the report states (``claims`` columns);
* ``amounts`` -- every money amount in the narrative (``amounts`` columns, section "narrative");
* ``problems`` -- ``(line, message)`` for things expected but not found.

How the text is read:

* Markdown/HTML is stripped; ``<sup>N</sup>`` footnote markers are dropped (never numbers) and
  footnote lines (``<sup>N</sup> text``) and ``---`` rules are skipped.
* A paragraph that stops without final punctuation and resumes (lowercase) after a footnote block
  is joined with its continuation, so a sentence split by footnotes is read whole.
* Paragraphs are split into sentences; a claim's ``quote`` is its sentence and ``source_line``
  the raw line where the matched words start.
* Sentences are matched with small named regexes on Lithuanian stems, tolerant of the report's
  typos ("veiksnių", "veikslių", "veiksams" all match ``veik\\w*``). Counts ("16", "penki",
  "septynių") are recognised only by :func:`apanalysis.vocabulary.numbers.parse_count_word`.

Budget decision: a task's ``planned_eur`` is its first ``planned`` amount; ``spent_eur`` is its
first ``spent`` amount, or -- when there is none -- the first ``allocated`` amount that follows the
planned one ("numatyta skirti 341,6 tūkst. Eur ... buvo skirta 9,98 tūkst. Eur"): in 2020 the
report's own total "faktinė ... skirta suma ... 336,7 tūkst. Eur" equals 10 + 35 + 281,7 + 9,98,
so "skirta" after a plan is the actual figure. The same rule gives ``total_spent_eur``.

Missing values are ``None`` (NaN/NA once in a DataFrame).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

from apanalysis.vocabulary import money, numbers, status

# --------------------------------------------------------------------------- cleaning

SUP_RE = re.compile(r"<sup>\s*[^<]*</sup>|\[\^\d+\]", re.IGNORECASE)
TAG_RE = re.compile(r"<(?:/?[a-zA-Z][^>]*)>")
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
AUTOLINK_RE = re.compile(r"<(https?://[^>]+)>")
EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")
SPACES_RE = re.compile(r"[ \t\u00a0\u202f\u2007]+")
HEADING_RE = re.compile(r"^\s*(#{1,6})\s+(.*)$")
FOOTNOTE_LINE_RE = re.compile(r"^\s*(?:<sup>\s*\d+\s*</sup>|\[\^\d+\]:)")
RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
BULLET_RE = re.compile(r"^\s*[-*+•]\s+(.*)$")
TASK_HEADING_RE = re.compile(
    r"^(?P<task>\d+)\s*uždavin\w*\s*[–—:.-]\s*(?P<title>.*)$", re.IGNORECASE
)
ENDS_SENTENCE_RE = re.compile(r"[.!?:;]\W*$")


def clean_inline(text: str) -> str:
    """Plain text of one line: footnote markers dropped, HTML/markdown removed, spaces collapsed."""
    # Fast paths: each pattern is run only when the text holds a character every match of
    # it contains ("<" or "[" for SUP_RE, "<" for the tags, "](" for links, "*" or "_" for
    # emphasis), so skipping it changes nothing.
    if "<" in text or "[" in text:
        text = SUP_RE.sub("", text)
    if "<" in text:
        text = AUTOLINK_RE.sub(r"\1", text)
    if "](" in text:
        text = MD_LINK_RE.sub(r"\1", text)
    if "<" in text:
        text = TAG_RE.sub("", text)
    text = html.unescape(text)
    if "*" in text or "_" in text:
        text = EMPHASIS_RE.sub("", text)
    return SPACES_RE.sub(" ", text).strip()


# --------------------------------------------------------------------------- blocks and sentences


@dataclass
class Block:
    """A heading, bullet or paragraph: cleaned text pieces with their raw line numbers."""

    kind: str  # "heading" | "bullet" | "para"
    pieces: list[tuple[int, str]]
    level: int = 0

    @property
    def line(self) -> int:
        return self.pieces[0][0]

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.pieces)


@dataclass
class Sentence:
    """One sentence, its raw start line and the (offset, line) breaks of joined pieces."""

    text: str
    breaks: list[tuple[int, int]]
    task: int | None = None

    @property
    def line(self) -> int:
        return self.breaks[0][1]

    def line_at(self, offset: int) -> int:
        """Raw line of the character at ``offset``."""
        line = self.breaks[0][1]
        for start, ln in self.breaks:
            if start <= offset:
                line = ln
        return line


def _classify(raw: str) -> tuple[str, int, str]:
    """(kind, heading level, cleaned text) of one raw line; kind "skip" for non-content."""
    if not raw.strip() or FOOTNOTE_LINE_RE.match(raw) or RULE_RE.match(raw):
        return "skip", 0, ""
    heading = HEADING_RE.match(raw)
    if heading:
        return "heading", len(heading.group(1)), clean_inline(heading.group(2))
    bullet = BULLET_RE.match(raw)
    if bullet:
        return "bullet", 0, clean_inline(bullet.group(1))
    text = clean_inline(raw)
    if _is_task_title_line(text):
        return "heading", 0, text  # "**2 uždavinys – ...**" written as a bold (or plain) line
    return "para", 0, text


#: Longest line read as a task heading when it is not a Markdown heading.
MAX_TASK_TITLE_CHARS = 300


def _is_task_title_line(text: str) -> bool:
    """A one-sentence line "N uždavinys – title" that is a task heading without the "#"."""
    return (
        len(text) <= MAX_TASK_TITLE_CHARS
        and task_heading(text) is not None
        and len(split_sentences(text)) == 1
    )


def _continues(previous: Block | None, text: str) -> bool:
    """True when ``text`` resumes an unfinished paragraph interrupted by footnotes."""
    return (
        previous is not None
        and previous.kind == "para"
        and not ENDS_SENTENCE_RE.search(previous.pieces[-1][1])
        and text[:1].islower()
    )


def to_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """Headings, bullets and paragraphs of the narrative, footnotes and rules left out."""
    blocks: list[Block] = []
    for line_no, raw in lines:
        kind, level, text = _classify(raw)
        if kind == "skip" or not text:
            continue
        last = blocks[-1] if blocks else None
        if kind == "para" and _continues(last, text):
            last.pieces.append((line_no, text))
        else:
            blocks.append(Block(kind, [(line_no, text)], level))
    return blocks


SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĄČĘĖĮŠŲŪŽ0-9„\"(])")
#: Abbreviations after which a capital or digit never starts a new sentence.
NO_SPLIT_ABBREVIATIONS = {"m", "d", "tūkst", "pvz", "nr", "t", "y", "val", "str", "p", "kt", "mln"}
#: Abbreviations that end a sentence before a capital but not before a digit ("50 proc. 2 ...").
NO_DIGIT_SPLIT_ABBREVIATIONS = {"proc"}
_LAST_TOKEN_RE = re.compile(r"([^\s(]*)[.!?]$")
_DIGITS_DOTS_RE = re.compile(r"[\d.]+")


def _split_ok(text: str, dot: int) -> bool:
    """Whether a sentence may end at the punctuation before position ``dot``."""
    before = text[:dot].rstrip()
    # A match holds no whitespace (and ``before`` ends in none), so it lies in the last
    # whitespace-free chunk: searching only that is exact, and not quadratic in paragraphs.
    word = _LAST_TOKEN_RE.search(before[-1:] and before.rsplit(None, 1)[-1])
    token = word.group(1).strip(")").lower() if word else ""
    if token in NO_SPLIT_ABBREVIATIONS:
        return False
    following = text[dot:].lstrip()[:1]
    if following.isdigit():
        return token not in NO_DIGIT_SPLIT_ABBREVIATIONS and not _DIGITS_DOTS_RE.fullmatch(token)
    return True


def split_sentences(text: str) -> list[tuple[int, str]]:
    """``(start offset, sentence)`` pairs of a paragraph."""
    result: list[tuple[int, str]] = []
    start = 0
    for match in SPLIT_RE.finditer(text):
        if _split_ok(text, match.start()) and text[start : match.start()].strip():
            result.append((start, text[start : match.start()]))
            start = match.end()
    if text[start:].strip():
        result.append((start, text[start:]))
    return result


def block_sentences(block: Block, task: int | None = None) -> list[Sentence]:
    """Sentences of a block with raw line numbers kept."""
    offsets, position = [], 0
    for line_no, piece in block.pieces:
        offsets.append((position, line_no))
        position += len(piece) + 1
    sentences = []
    for start, text in split_sentences(block.text):
        text = text.rstrip()
        first = max((ln for o, ln in offsets if o <= start), default=block.line)
        inner = [(o - start, ln) for o, ln in offsets if start < o < start + len(text)]
        sentences.append(Sentence(text, [(0, first), *inner], task))
    return sentences


# --------------------------------------------------------------------------- sections


@dataclass
class TaskSection:
    """A task heading and the sentences below it."""

    task: int
    title: str
    line: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Sections:
    """The narrative split into before-tasks, task sections and after-tasks sentences."""

    before: list[Sentence] = field(default_factory=list)
    tasks: list[TaskSection] = field(default_factory=list)
    after: list[Sentence] = field(default_factory=list)


def task_heading(text: str) -> tuple[int, str] | None:
    """(task number, title) of a cleaned heading "N uždavinys – title", else None."""
    match = TASK_HEADING_RE.match(text.strip())
    if not match:
        return None
    return int(match.group("task")), match.group("title").strip().rstrip(".").strip()


def split_sections(blocks: list[Block]) -> Sections:
    """Assign every sentence to the part before the tasks, a task section, or the part after.

    A task section ends at the next heading of any level: the report's layout has no headings
    inside a task section, and converted PDFs give headings of one rank different Markdown
    levels (in 2020 the task headings are at levels 3, 2, 2 and 4), so levels are not compared.
    """
    sections = Sections()
    current: TaskSection | None = None
    for block in blocks:
        if block.kind == "heading":
            found = task_heading(block.text)
            if found:
                current = TaskSection(found[0], found[1], block.line)
                sections.tasks.append(current)
                continue
            current = None
        if current is not None:
            current.sentences.extend(block_sentences(block, current.task))
        elif block.kind != "heading":
            target = sections.after if sections.tasks else sections.before
            target.extend(block_sentences(block))
    return sections


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class Count:
    """A count in a sentence ("16", "penki") with its position."""

    value: int
    start: int
    end: int


#: A function finding one count in a sentence (e.g. :func:`items_count`).
CountFinder = Callable[[str], Count | None]
# r"(?<![\w.,])\d+(?![\w]|[.,]\d)" with the lookbehind after the first digit: the same
# matches, but the re engine jumps from digit to digit (see numbers.NUMBER_REST).
DIGITS_RE = re.compile(r"\d(?<![\w.,]\d)\d*(?![\w]|[.,]\d)")
#: A count directly after "priemonės" or "1 ir" is an action number ("priemonės 3 veiksmai").
ACTION_NUMBER_BEFORE_RE = re.compile(r"(?:priemon\w*|\d+\s+ir)\s+$", re.IGNORECASE)


def counts(text: str) -> list[Count]:
    """Counts in ``text``: plain digits (not parts of "55,5" or "01.01.01") and the number words
    that :func:`apanalysis.vocabulary.numbers.find_count_words` finds ("penki", "dvidešimt trys")."""
    return list(_counts(text))


@lru_cache(maxsize=4096)  # each sentence is asked for its counts by several finders
def _counts(text: str) -> tuple[Count, ...]:
    found = [Count(int(m.group()), m.start(), m.end()) for m in DIGITS_RE.finditer(text)]
    found += [Count(value, start, end) for value, _, start, end in numbers.find_count_words(text)]
    return tuple(sorted(found, key=lambda c: c.start))


IC = re.IGNORECASE
ITEMS_AFTER_RE = re.compile(r"\s+(?:Plano\s+)?priemon\w*\s+ir\s+veik\w*", IC)
ITEMS_CUE_RE = re.compile(r"\b(?:sudar\w*|numat\w*|įgyvendinus)\b", IC)
UNACHIEVED_AFTER_RE = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,6}?"
    r"(?:nebuvo\s+(?:įgyvendint|pasiekt)|neįgyvendint|nepasiekt)\w*",
    IC,
)
NEPAVYKO_BEFORE_RE = re.compile(
    r"nepavyko\s+(?:pasiekti|įgyvendinti)\s+(?:\d+\s+uždavinio\s+)?$", IC
)
PRIEMON_AFTER_RE = re.compile(r"\s+priemon\w*", IC)


#: How far before a count the "…$" patterns above look (each spans a few words at most).
BEFORE_WINDOW = 80


def _before(text: str, count: Count) -> str:
    """The text just before ``count``: what the patterns anchored at ``$`` need to see."""
    return text[max(0, count.start - BEFORE_WINDOW) : count.start]


def _is_action_number(text: str, count: Count) -> bool:
    """True for "priemonės 3 veiksmai", "1 ir 2 veiksmai": an action number, not a count."""
    return bool(ACTION_NUMBER_BEFORE_RE.search(_before(text, count)))


def unachieved_count(text: str) -> Count | None:
    """The claimed number of unachieved measures/actions in a sentence.

    "penki priemonių ir veiksmų kriterijai nebuvo pasiekti", "6 nebuvo įgyvendintos",
    "Nepavyko pasiekti 4 uždavinio septynių priemonių ..."; not "iš viso 20 ... – nebuvo",
    not "priemonės 3 veiksmai nebuvo įgyvendinti" (an action number).
    """
    for count in counts(text):
        if _is_action_number(text, count):
            continue
        if UNACHIEVED_AFTER_RE.match(text, count.end):
            return count
        if NEPAVYKO_BEFORE_RE.search(_before(text, count)) and PRIEMON_AFTER_RE.match(
            text, count.end
        ):
            return count
    return None


def items_count(text: str) -> Count | None:
    """The claimed number of measures and actions: "sudarė 16 Plano priemonių ir veiksmų"."""
    unachieved = unachieved_count(text)
    for count in counts(text):
        if unachieved and count.start == unachieved.start:
            continue
        if ITEMS_AFTER_RE.match(text, count.end) and ITEMS_CUE_RE.search(text[: count.start]):
            return count
    return None


def count_followed_by(
    text: str, after: re.Pattern[str], cue: re.Pattern[str] | None = None
) -> Count | None:
    """First count followed by ``after`` (and preceded by ``cue`` in the sentence, if given)."""
    for count in counts(text):
        if after.match(text, count.end) and (cue is None or cue.search(text[: count.start])):
            return count
    return None


# --------------------------------------------------------------------------- per-task values

CRITERION_RE = re.compile(r"vertinimo\s+kriterij\w*\s*[–—-]\s*(?P<text>.+)$", IC)
TASK_CRITERION_RE = re.compile(r"uždavin\w*\s+vertinimo\s+kriterij\w*\s*[–—-]", IC)
NUMBER = r"\d+(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?"
TARGET_RE = re.compile(rf"(?:\(|[–—-]\s*)(?P<num>{NUMBER})\s*(?P<unit>proc\.?|%)?\s*\)?\s*\.?$", IC)
ACHIEVED_RE = re.compile(
    rf"pasiekt\w*\s+(?:[^\W\d_]+\s+){{0,4}}?reikšm\w*\s*[–—-]\s*(?P<num>{NUMBER})"
    r"\s*(?P<unit>proc\.?|%)?",
    IC,
)
VERDICT_RE = re.compile(
    r"\buždavin\w*\s+(?:\([^)]*\)\s+)?(?:kriterij\w*\s+(?:\([^)]*\)\s+)?)?"
    r"(?:laikytin\w*\s+)?(?:buvo\s+)?"
    r"(?P<status>(?:iš\s+dalies\s+)?(?:ne)?[įi]gyvendint(?:as|a|u|i)\b(?:\s+iš\s+dalies)?)",
    IC,
)


@dataclass(frozen=True)
class Found:
    """A matched value with its sentence quote and raw line."""

    value: object
    quote: str
    line: int


def _unit(raw: str | None) -> str | None:
    """ "proc." for any percent sign or word, else None."""
    return "proc." if raw else None


def find_criterion(sentences: list[Sentence]) -> Found | None:
    """Criterion text after "vertinimo kriterijus –" (task criterion sentence preferred)."""
    preferred = [s for s in sentences if TASK_CRITERION_RE.search(s.text)]
    for sentence in preferred or sentences:
        match = CRITERION_RE.search(sentence.text)
        if match:
            text = match.group("text").strip().rstrip(".").strip()
            return Found(text, sentence.text, sentence.line_at(match.start()))
    return None


def criterion_target(criterion: str) -> tuple[float | None, str | None]:
    """Numeric target at the end of a criterion: "... procentas (70 proc.)" → (70.0, "proc.")."""
    match = TARGET_RE.search(criterion)
    if not match:
        return None, None
    return numbers.parse_number(match.group("num")), _unit(match.group("unit"))


def find_achieved(sentences: list[Sentence]) -> Found | None:
    """Achieved value: "pasiekta numatyto vertinimo kriterijaus reikšmė – 55,5 proc."."""
    for sentence in sentences:
        match = ACHIEVED_RE.search(sentence.text)
        if match:
            value = (numbers.parse_number(match.group("num")), _unit(match.group("unit")))
            return Found(value, sentence.text, sentence.line_at(match.start()))
    return None


def verdict_status(raw: str) -> str:
    """Status code of a verdict phrase ("neįgyvendintas", "įgyvendintu iš dalies", ...).

    The annex's :func:`apanalysis.vocabulary.status.leading_status` reads sentence-initial status words;
    here the participle is inflected ("įgyvendintu") and inside a sentence, so only the
    negation prefix and "iš dalies" decide.
    """
    words = raw.lower()
    if words.startswith("ne"):
        return status.NOT_IMPLEMENTED
    if "dalies" in words:
        return status.PARTIALLY
    return status.IMPLEMENTED


def find_verdict(sentences: list[Sentence]) -> Found | None:
    """The task verdict: "1 uždavinio kriterijus (70 proc.) neįgyvendintas" → not_implemented."""
    for sentence in sentences:
        match = VERDICT_RE.search(sentence.text)
        if match:
            value = verdict_status(match.group("status"))
            return Found(value, sentence.text, sentence.line_at(match.start()))
    return None


def find_count(sentences: list[Sentence], finder: CountFinder) -> list[Found]:
    """Every sentence where ``finder`` finds a count, in order."""
    found = []
    for sentence in sentences:
        count = finder(sentence.text)
        if count is not None:
            found.append(Found(count.value, sentence.text, sentence.line_at(count.start)))
    return found


# --------------------------------------------------------------------------- amounts


@dataclass(frozen=True)
class Amount:
    """One money amount of a sentence with its kind."""

    money: money.Money
    kind: str
    code: str
    sentence: Sentence


CODE_RE = re.compile(r"\b\d{2}\.\d{2}\.\d{2}\b")
CLAUSE_END_RE = re.compile(r"[,;]|\.(?:\s|$)")


def _clause_after(text: str, end: int, limit: int) -> str:
    """The rest of the clause after ``end`` (to a comma, semicolon, full stop or ``limit``)."""
    match = CLAUSE_END_RE.search(text, end, limit)
    return text[end : match.start() if match else limit]


def sentence_amounts(sentence: Sentence) -> list[Amount]:
    """Money amounts of a sentence; each kind judged on the words since the previous amount
    plus the rest of its own clause ("lėšos (11 tūkst. EUR) nebuvo panaudotos")."""
    found = money.find_money(sentence.text)
    result = []
    for i, item in enumerate(found):
        previous_end = found[i - 1].end if i else 0
        next_start = found[i + 1].start if i + 1 < len(found) else len(sentence.text)
        before = sentence.text[previous_end : item.start]
        context = before + item.raw + _clause_after(sentence.text, item.end, next_start)
        codes = CODE_RE.findall(before)
        kind = money.amount_kind(context)
        result.append(Amount(item, kind, codes[-1] if codes else "", sentence))
    return result


def amounts_of(sentences: list[Sentence]) -> list[Amount]:
    """All amounts of the sentences, in order."""
    return [amount for sentence in sentences for amount in sentence_amounts(sentence)]


def planned_and_spent(amounts: list[Amount]) -> tuple[Amount | None, Amount | None]:
    """First planned amount, and the spent one (see the module docstring for the rule)."""
    planned = next((a for a in amounts if a.kind == "planned"), None)
    spent = next((a for a in amounts if a.kind == "spent"), None)
    if spent is None and planned is not None:
        after = amounts[amounts.index(planned) + 1 :]
        spent = next((a for a in after if a.kind == "allocated"), None)
    return planned, spent


def amount_row(year: int, amount: Amount) -> dict:
    """A row of the ``amounts`` table."""
    item, sentence = amount.money, amount.sentence
    return {
        "year": year,
        "section": "narrative",
        "task": sentence.task,
        "code": amount.code,
        "action": None,
        "municipality": "",
        "value_eur": item.value_eur,
        "per_month": item.per_month,
        "kind": amount.kind,
        "raw": item.raw,
        "quote": sentence.text,
        "source_line": sentence.line_at(item.start),
    }


# --------------------------------------------------------------------------- result


@dataclass
class Narrative:
    """Everything parsed from a report's narrative."""

    tasks: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def claim(self, claim: str, task: int | None = None) -> dict | None:
        """The first claim with this id (and task), or None."""
        return next((c for c in self.claims if c["claim"] == claim and c["task"] == task), None)


def claim_row(
    year: int, claim: str, task: int | None, value: float, unit: str, found: Found
) -> dict:
    """A row of the ``claims`` table."""
    return {
        "year": year,
        "claim": claim,
        "task": task,
        "value": float(value),
        "unit": unit,
        "quote": found.quote,
        "source_line": found.line,
    }


def _first(found: list[Found], what: str, section: TaskSection, out: Narrative) -> Found | None:
    """First finding; a problem when none, or when a later one disagrees."""
    if not found:
        out.problems.append((section.line, f"task {section.task}: no {what} found"))
        return None
    for other in found[1:]:
        if other.value != found[0].value:
            out.problems.append(
                (
                    other.line,
                    f"task {section.task}: {what} {other.value} differs from "
                    f"{found[0].value} (line {found[0].line})",
                )
            )
    return found[0]


def parse_task(section: TaskSection, year: int, out: Narrative) -> dict:
    """The ``tasks`` row of one task section (problems appended to ``out``)."""
    sentences, task = section.sentences, section.task
    criterion = find_criterion(sentences)
    target, unit = criterion_target(criterion.value) if criterion else (None, None)
    achieved = find_achieved(sentences)
    achieved_value, achieved_unit = achieved.value if achieved else (None, None)
    verdict = find_verdict(sentences)
    items = _first(find_count(sentences, items_count), "claimed number of measures", section, out)
    unachieved = _first(
        find_count(sentences, unachieved_count), "claimed number not achieved", section, out
    )
    planned, spent = planned_and_spent(amounts_of(sentences))
    for label, value in (("criterion", criterion), ("verdict", verdict)):
        if value is None:
            out.problems.append((section.line, f"task {task}: no {label} sentence found"))
    for label, value in (("planned", planned), ("spent", spent)):
        if value is None:
            out.problems.append((section.line, f"task {task}: no {label} amount found"))
    quotes = dict.fromkeys(a.sentence.text for a in (planned, spent) if a is not None)
    return {
        "year": year,
        "task": task,
        "title": section.title,
        "criterion_text": criterion.value if criterion else None,
        "criterion_target": target,
        "criterion_achieved": achieved_value,
        "criterion_unit": unit or achieved_unit,
        "verdict": verdict.value if verdict else None,
        "verdict_quote": verdict.quote if verdict else None,
        "claimed_items": items.value if items else None,
        "claimed_unachieved": unachieved.value if unachieved else None,
        "claimed_unachieved_quote": unachieved.quote if unachieved else None,
        "planned_eur": planned.money.value_eur if planned else None,
        "spent_eur": spent.money.value_eur if spent else None,
        "budget_quote": " ".join(quotes) or None,
        "source_line": section.line,
    }


# --------------------------------------------------------------------------- report-wide claims

#: (claim id, unit, pattern after the count, cue before the count or None)
CountRule = tuple[str, str, re.Pattern[str], re.Pattern[str] | None]
#: (claim id, unit, regex with a "num" group)
RegexRule = tuple[str, str, re.Pattern[str]]
W = r"[^\W\d_]+"
BEFORE_TASK_COUNTS: list[CountRule] = [
    (
        "plan_tasks",
        "tasks",
        re.compile(r"\s+(?:numatyt\w*\s+)?uždavin\w*", IC),
        re.compile(r"numat\w*", IC),
    ),
    (
        "plan_measures",
        "items",
        re.compile(rf"(?!\s+uždavin)(?:\s+{W}){{0,8}}?\s+priemon\w*", IC),
        re.compile(r"numat\w*", IC),
    ),
    (
        "plan_institutions",
        "institutions",
        re.compile(r"\s+(?:ministerij|institucij|organizacij)\w*", IC),
        None,
    ),
    ("commission_years", "years", re.compile(r"\s+(?:Komisijos\s+)?gyvavimo\s+met\w*", IC), None),
    ("commission_new_assignments", "assignments", re.compile(r"\s+nauj\w*\s+pavedim\w*", IC), None),
    ("trained_consultants", "people", re.compile(rf"(?:\s+{W}){{0,4}}?\s+konsultant\w*", IC), None),
]
BEFORE_TASK_DASHED: list[RegexRule] = [
    ("commission_meetings", "meetings", re.compile(r"posėdži\w*\s*[–—-]\s*(?P<num>\d+)", IC)),
    (
        "commission_assignments",
        "assignments",
        re.compile(rf"pavedim\w*(?:\s+{W}){{0,4}}\s*[–—-]\s*(?P<num>\d+)", IC),
    ),
]
AFTER_TASK_COUNTS: list[CountRule] = [
    (
        "tasks_total",
        "tasks",
        re.compile(r"\s+(?:numatyt\w*\s+)?(?:plano\s+)?uždavin\w*", IC),
        re.compile(r"numat\w*|^iš\s+$", IC),
    ),
]
PARTIALLY_BEFORE_RE = re.compile(r"iš\s+dalies\s+įgyvendint\w*\s+$", IC)
PARTIALLY_AFTER_RE = re.compile(
    r"(?:\s+uždavin\w*)?\s+(?:buvo\s+)?(?:įgyvendint\w*\s+iš\s+dalies|iš\s+dalies\s+įgyvendint)", IC
)
CRITERIA_NOT_MET_RE = re.compile(
    rf"(?P<list>\d+(?:\s*(?:,|ir)\s*\d+)*)\s+uždavin\w*\s+(?:{W}\s+){{0,3}}?"
    r"kriterij\w*\s+nepasiekt\w*",
    IC,
)
IMPLEMENTED_ITEMS_AFTER_RE = re.compile(rf"(?:\s+{W}){{0,2}}?\s+buvo\s+įgyvendint\w*(?!\s+iš)", IC)
IMPLEMENTED_PCT_MIN_RE = re.compile(r"įgyvendint\w*\s+daugiau\s+nei\s+(?P<num>\d+)\s*proc", IC)


def _first_sentence_count(sentences: list[Sentence], finder: CountFinder) -> Found | None:
    """The first sentence where ``finder`` finds a count."""
    for sentence in sentences:
        count = finder(sentence.text)
        if count is not None:
            return Found(count.value, sentence.text, sentence.line_at(count.start))
    return None


def _partially_count(text: str) -> Count | None:
    """ "iš dalies įgyvendinti trys" / "trys uždaviniai įgyvendinti iš dalies" → 3."""
    for count in counts(text):
        if PARTIALLY_BEFORE_RE.search(_before(text, count)) or PARTIALLY_AFTER_RE.match(
            text, count.end
        ):
            return count
    return None


def count_claims(year: int, sentences: list[Sentence], table: list[CountRule]) -> list[dict]:
    """Claims found by "count followed by ..." rules (first sentence per claim)."""
    rows = []
    for claim, unit, after, cue in table:
        finder = partial(count_followed_by, after=after, cue=cue)
        found = _first_sentence_count(sentences, finder)
        if found:
            rows.append(claim_row(year, claim, None, found.value, unit, found))
    return rows


def regex_claims(
    year: int, sentences: list[Sentence], table: list[RegexRule], task: int | None = None
) -> list[dict]:
    """Claims found by a regex with a ``num`` group (first sentence per claim)."""
    rows = []
    for claim, unit, pattern in table:
        for sentence in sentences:
            match = pattern.search(sentence.text)
            if match:
                found = Found(None, sentence.text, sentence.line_at(match.start()))
                value = numbers.parse_number(match.group("num"))
                rows.append(claim_row(year, claim, task, value, unit, found))
                break
    return rows


def criteria_not_met_claims(year: int, sentences: list[Sentence]) -> list[dict]:
    """ "1 ir 3 uždaviniais užsibrėžtų kriterijų nepasiekta" → a count and one row per task."""
    for sentence in sentences:
        match = CRITERIA_NOT_MET_RE.search(sentence.text)
        if match:
            tasks = [int(n) for n in re.findall(r"\d+", match.group("list"))]
            found = Found(None, sentence.text, sentence.line_at(match.start()))
            rows = [claim_row(year, "tasks_criterion_not_met", None, len(tasks), "tasks", found)]
            rows += [claim_row(year, "criterion_not_met", t, 1, "flag", found) for t in tasks]
            return rows
    return []


def money_claims(year: int, sentences: list[Sentence]) -> list[dict]:
    """total_planned_eur and total_spent_eur from the summary's amounts."""
    planned, spent = planned_and_spent(amounts_of(sentences))
    rows = []
    for claim, amount in (("total_planned_eur", planned), ("total_spent_eur", spent)):
        if amount is not None:
            where = Found(None, amount.sentence.text, amount.sentence.line_at(amount.money.start))
            rows.append(claim_row(year, claim, None, amount.money.value_eur, "EUR", where))
    return rows


def summary_claims(year: int, sentences: list[Sentence]) -> list[dict]:
    """Report-wide claims of the part after the task sections."""
    rows = count_claims(year, sentences, AFTER_TASK_COUNTS)
    for claim, unit, finder in (
        ("total_items", "items", items_count),
        ("total_unimplemented", "items", unachieved_count),
        ("tasks_partially", "tasks", _partially_count),
    ):
        found = _first_sentence_count(sentences, finder)
        if found:
            rows.append(claim_row(year, claim, None, found.value, unit, found))
    return rows + criteria_not_met_claims(year, sentences) + money_claims(year, sentences)


def task_claims(year: int, section: TaskSection) -> list[dict]:
    """Extra per-task claims: implemented count ("dvi priemonės buvo įgyvendintos") and share."""
    rows = regex_claims(
        year,
        section.sentences,
        [("implemented_pct_min", "percent", IMPLEMENTED_PCT_MIN_RE)],
        section.task,
    )
    found = _first_sentence_count(section.sentences, _implemented_count)
    if found:
        rows.append(claim_row(year, "implemented_items", section.task, found.value, "items", found))
    return rows


def _implemented_count(text: str) -> Count | None:
    """ "dvi priemonės buvo įgyvendintos" → 2 (not "... įgyvendintos iš dalies")."""
    for count in counts(text):
        if not _is_action_number(text, count) and IMPLEMENTED_ITEMS_AFTER_RE.match(text, count.end):
            return count
    return None


REQUIRED_CLAIMS = ("total_items", "total_unimplemented", "total_planned_eur", "total_spent_eur")


def parse_narrative(lines: list[tuple[int, str]], year: int) -> Narrative:
    """Tasks, claims, amounts and problems of a report's narrative lines."""
    out = Narrative()
    sections = split_sections(to_blocks(lines))
    if not sections.tasks:
        out.problems.append((lines[0][0] if lines else 0, "no task sections found"))
    seen: set[int] = set()
    for section in sections.tasks:
        if section.task in seen:
            out.problems.append((section.line, f"task {section.task} appears twice"))
        seen.add(section.task)
        out.tasks.append(parse_task(section, year, out))
        out.claims.extend(task_claims(year, section))
    out.claims[:0] = count_claims(year, sections.before, BEFORE_TASK_COUNTS) + regex_claims(
        year, sections.before, BEFORE_TASK_DASHED
    )
    out.claims.extend(summary_claims(year, sections.after))
    for claim in REQUIRED_CLAIMS:
        if out.claim(claim) is None:
            out.problems.append((lines[-1][0] if lines else 0, f"no report-wide {claim} found"))
    every = sections.before + [s for t in sections.tasks for s in t.sentences] + sections.after
    out.amounts = [amount_row(year, a) for a in amounts_of(every)]
    return out
