"""HTML fragments of the report's annex as plain text lines, and as safe HTML for display.

Also :func:`fold`, the diacritic-insensitive form of Lithuanian text used by the vocabulary
modules to tolerate typos such as "Igyvendinta" for "Įgyvendinta".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ol", "ul", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
     "blockquote", "section", "hr"}
)
DROP_CONTENT_TAGS = frozenset({"script", "style", "head", "title", "template"})
SAFE_TAGS = frozenset({"p", "b", "i", "em", "strong", "ol", "ul", "li", "br", "a"})
SAFE_URL_SCHEMES = frozenset({"http", "https"})

_SPACES = re.compile(r"\s+")
_ITEM_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zA-Z][.)]|[-–•*])\s")
_TAG = re.compile(r"<[^>]*>?")

_FOLD = str.maketrans("ąčęėįšųūžĄČĘĖĮŠŲŪŽ", "aceeisuuzACEEISUUZ")


def fold(text: str) -> str:
    """Lower-case ``text`` with Lithuanian diacritics removed ("Įgyvendinta" → "igyvendinta")."""
    return text.translate(_FOLD).lower()


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


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per paragraph/break/list item, spaces collapsed.

    Entities are unescaped, links keep their visible text, a list item without its own
    number ("1.", "a)") is prefixed "- ", empty lines are dropped. Never raises.
    """
    parser = _TextParser()
    try:
        parser.feed(fragment)
        parser.close()
        parser.flush()
    except Exception:  # html.parser is tolerant; this is a last resort for odd input
        text = _TAG.sub(" ", fragment)
        return "\n".join(x for x in (_SPACES.sub(" ", s).strip() for s in text.splitlines()) if x)
    return "\n".join(parser.lines)


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
