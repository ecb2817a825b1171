"""HTML fragments of the report's annex as plain text lines, and as safe HTML for display.

Also :func:`strip_emphasis`, which removes Markdown bold/italic markers a conversion may use
instead of ``<b>``/``<i>``, :func:`fold`, the diacritic-insensitive form of Lithuanian text
used by the vocabulary modules to tolerate typos such as "Igyvendinta" for "Įgyvendinta", and
the project's one sentence splitter, :func:`split_sentences` (with :func:`mask_inner_dots` for
patterns that must stay within one sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ol",
        "ul",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "hr",
    }
)
DROP_CONTENT_TAGS = frozenset({"script", "style", "head", "title", "template"})
SAFE_TAGS = frozenset({"p", "b", "i", "em", "strong", "ol", "ul", "li", "br", "a"})
SAFE_URL_SCHEMES = frozenset({"http", "https"})

_SPACES = re.compile(r"\s+")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zA-Z][.)]|[-–•*])\s")
_TAG = re.compile(r"<[^>]*>?")

# Markdown emphasis: "**x**", "__x__", "*x*", "_x_" (also nested: "***x***"), within one line.
# A single "_" or "*" counts only when it is not inside a word, so "LT_versija" and
# "m_%20ataskaita" in links are left alone.
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]*?[^\s\\])\1")
_EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])([^\n]*?[^\s\\])\1(?![\w*])")
# An unpaired marker opening a line ("**Įgyvendinta." when the cell was cut by a page break).
_LEADING_MARKERS = re.compile(r"^(?:\*{1,3}|_{1,3})(?=[^\s*_])", re.MULTILINE)
# An unpaired marker closing a line.
_TRAILING_MARKERS = re.compile(r"(?<=[^\s*_])(?:\*{1,3}|_{1,3})$", re.MULTILINE)

#: Lower-case Lithuanian letters and their plain forms (``fold`` lower-cases first).
_FOLD_PAIRS = tuple(zip("ąčęėįšųūž", "aceeisuuz", strict=True))


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case ``text`` with Lithuanian diacritics removed ("Įgyvendinta" → "igyvendinta")."""
    folded = text.lower()
    for letter, plain in _FOLD_PAIRS:  # str.replace is much faster than a translate table
        if letter in folded:
            folded = folded.replace(letter, plain)
    return folded


def strip_emphasis(text: str) -> str:
    """``text`` without Markdown bold/italic markers ("**Įgyvendinta.**" → "Įgyvendinta.").

    Paired markers are removed anywhere in a line; an unpaired one only at the very start or
    end of a line. Bullets ("* item") and underscores inside words are kept.
    """
    if "*" not in text and "_" not in text:
        return text
    for _ in range(3):  # nested markers: "***x***" → "*x*" → "x"
        stripped = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text))
        if stripped == text:
            break
        text = stripped
    text = _LEADING_MARKERS.sub("", text)
    return _TRAILING_MARKERS.sub("", text)


class _TextParser(HTMLParser):
    """Collects visible text as lines; block tags end a line, list items get their own line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.in_item = False
        self.dropping = 0

    def flush(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        self.current = []
        if line:
            if self.in_item and not _ITEM_NUMBER.match(line + " "):
                line = "- " + line
            self.lines.append(line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_CONTENT_TAGS:
            self.dropping += 1
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag == "li":
                self.in_item = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_CONTENT_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCK_TAGS:
            self.flush()
            if tag in ("li", "ol", "ul"):
                self.in_item = False

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.current.append(data)


#: A well-formed start, end or self-closing tag (quoted attribute values may hold ">").
_SIMPLE_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9]*)"""
    r"""(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*\s*(/?)>"""
)


def collapse_spaces(text: str) -> str:
    """``_SPACES.sub(" ", text).strip()``, faster: ``str.split()``, ``str.strip()`` and ``\\s``
    of a str pattern all use the same Unicode whitespace (``str.isspace``), so it is exact."""
    return " ".join(text.split())


def _line(parts: list[str], in_item: bool) -> str:
    line = collapse_spaces("".join(parts))
    if line and in_item and not _ITEM_NUMBER.match(line + " "):
        line = "- " + line
    return line


def _simple_html_to_text(fragment: str) -> str | None:
    """:func:`html_to_text` of a fragment made only of well-formed tags and text, without
    html.parser (several times faster); None when the fragment needs the full parser."""
    lines: list[str] = []
    current: list[str] = []
    in_item = False
    position = 0
    for match in _SIMPLE_TAG.finditer(fragment):
        data = fragment[position : match.start()]
        if "<" in data:
            return None
        current.append(unescape(data) if "&" in data else data)  # unescape needs an "&"
        closing, tag, self_closing = match.groups()
        tag = tag.lower()
        if tag in DROP_CONTENT_TAGS:
            return None
        if tag in BLOCK_TAGS:
            lines.append(_line(current, in_item))
            current = []
            if tag == "li" and not closing and not self_closing:
                in_item = True
            elif closing and tag in ("li", "ol", "ul"):
                in_item = False
        position = match.end()
    rest = fragment[position:]
    if "<" in rest:
        return None
    lines.append(_line([*current, unescape(rest)], in_item))
    return "\n".join(line for line in lines if line)


@lru_cache(maxsize=8192)
def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per paragraph/break/list item, spaces collapsed.

    Entities are unescaped, links keep their visible text, a list item without its own
    number ("1.", "a)") is prefixed "- ", empty lines are dropped. Never raises.
    """
    if "<" not in fragment and "&" not in fragment:  # plain text: HTML rules, without a parser
        return collapse_spaces(fragment)
    simple = _simple_html_to_text(fragment)
    if simple is not None:
        return simple
    return _parsed_html_to_text(fragment)


def _parsed_html_to_text(fragment: str) -> str:
    """:func:`html_to_text` by html.parser: any fragment, however broken."""
    parser = _TextParser()
    try:
        parser.feed(fragment)
        parser.close()
        parser.flush()
    except Exception:  # html.parser is tolerant; this is a last resort for odd input
        text = _TAG.sub(" ", fragment)
        return "\n".join(x for x in (_SPACES.sub(" ", s).strip() for s in text.splitlines()) if x)
    return "\n".join(parser.lines)


#: A line break inside a sentence: the line before ends without closing punctuation and the next
#: starts with a lower-case letter that opens no list item ("a) …").
_BROKEN_LINE = re.compile(r"(?<=[^\s.!?:;])\n(?=[a-ząčęėįšųūž])(?![a-z][.)]\s)")


def join_broken_lines(text: str) -> str:
    """``text`` with the line breaks a page cut left inside a sentence made spaces
    ("Nuotoliniu\nbūdu pristatyta" → "Nuotoliniu būdu pristatyta"). Breaks between list items
    and paragraphs stay: a line that ends a sentence or clause (". ! ? : ;"), or a next line
    that starts with a capital, a digit, a bullet or "a)", keeps its break."""
    if "\n" not in text:
        return text
    return _BROKEN_LINE.sub(" ", text)


def sanitize_html(fragment: str) -> str:
    """``fragment`` with only p, b, i, em, strong, ol, ul, li, br and http(s) links kept."""
    import nh3

    return nh3.clean(
        fragment,
        tags=set(SAFE_TAGS),
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        url_schemes=set(SAFE_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


# --------------------------------------------------------------------------- sentences

#: Where a sentence may end: ".", "!" or "?", spaces, then a capital, digit, quote or bracket;
#: and always at a line break (a paragraph or list item of an annex cell).
SENTENCE_BREAK_RE = re.compile(r"[^\S\n]*\n\s*|(?<=[.!?])\s+(?=[A-ZĄČĘĖĮŠŲŪŽ0-9„\"(])")
#: Abbreviations (lower case, without the dot) after which a sentence never ends: "2020 m.",
#: "20 d.", "Nr.", "tūkst.", "t. y.", "pvz.", "val.", "str.", "p.", "kt.", "mln.", "r.", "mėn.".
ABBREVIATIONS = frozenset(
    {"m", "d", "tūkst", "pvz", "nr", "t", "y", "val", "str", "p", "kt", "mln", "r", "mėn"}
)
#: Abbreviations that end a sentence before a capital but not before a digit ("50 proc. 2 ...").
NO_DIGIT_SPLIT_ABBREVIATIONS = frozenset({"proc"})
#: What replaces a dot that ends no sentence in :func:`mask_inner_dots`.
INNER_DOT_MARK = "\u00b7"
_LAST_TOKEN_RE = re.compile(r"([^\s(]*)[.!?]$")
_DIGITS_DOTS_RE = re.compile(r"[\d.]+")


def _split_ok(text: str, dot: int) -> bool:
    """Whether a sentence may end at the punctuation before position ``dot``."""
    before = text[:dot].rstrip()
    # A match holds no whitespace (and ``before`` ends in none), so it lies in the last
    # whitespace-free chunk: searching only that is exact, and not quadratic in paragraphs.
    word = _LAST_TOKEN_RE.search(before[-1:] and before.rsplit(None, 1)[-1])
    token = word.group(1).strip(")").lower() if word else ""
    if token in ABBREVIATIONS:
        return False
    following = text[dot:].lstrip()[:1]
    if following.isdigit():
        return token not in NO_DIGIT_SPLIT_ABBREVIATIONS and not _DIGITS_DOTS_RE.fullmatch(token)
    return True


def sentence_breaks(text: str) -> list[re.Match[str]]:
    """The spaces between the sentences of ``text`` (each a match of :data:`SENTENCE_BREAK_RE`)."""
    breaks, start = [], 0
    for match in SENTENCE_BREAK_RE.finditer(text):
        newline = "\n" in match.group()
        if (newline or _split_ok(text, match.start())) and text[start : match.start()].strip():
            breaks.append(match)
            start = match.end()
    return breaks


def split_sentences(text: str) -> list[tuple[int, str]]:
    """``(start offset, sentence)`` pairs of a paragraph.

    A sentence ends at a line break, and at ".", "!" or "?" followed by spaces and a capital, a
    digit, a quote or a bracket, except after an abbreviation (:data:`ABBREVIATIONS`; "proc."
    only before a capital) and except between the parts of a number or code ("1.2. ...").
    """
    result: list[tuple[int, str]] = []
    start = 0
    for match in sentence_breaks(text):
        result.append((start, text[start : match.start()]))
        start = match.end()
    if text[start:].strip():
        result.append((start, text[start:]))
    return result


def mask_inner_dots(text: str) -> str:
    """``text`` with every "." that ends no sentence (by :func:`split_sentences`) replaced by
    :data:`INNER_DOT_MARK`, so that a pattern matching no "." stays within one sentence."""
    if "." not in text:
        return text
    ends = {match.start() - 1 for match in sentence_breaks(text)}  # the "." before a break
    chars = list(text)
    for index, char in enumerate(chars):
        if char == "." and index not in ends:
            chars[index] = INNER_DOT_MARK
    return "".join(chars)
