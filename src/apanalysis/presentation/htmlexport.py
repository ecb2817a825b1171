"""Self-contained HTML from executed notebooks, and the reports index page.

The HTML opens offline (e-mail attachment): nbconvert's ``lab`` template through
``templates/report.html.j2``, which drops every ``<script>`` (require.js, MathJax, Mermaid and
widgets come from a CDN in the stock template), keeps images inline and sanitizes HTML and Markdown
produced by cell outputs. Code cells' input is not exported. A table of contents built from the
rendered headings (their real ``id`` attributes) is put at the top of the page.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from apanalysis import files
from apanalysis.presentation.page import stamp_built
from apanalysis.vocabulary.plan import REPORT_TITLES

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_FILE = "report.html.j2"
TOC_MARKER = "<!--apanalysis:toc-->"
#: A placeholder a notebook output may hold to put the contents there instead.
TOC_PLACE = '<div class="apanalysis-toc-here"></div>'
#: Deepest heading level listed in the table of contents.
TOC_MAX_LEVEL = 3
TOC_TITLE = "Contents"
#: Folder (and notebook name) of the report comparing years, under the reports folder.
TRENDS_DIR = "trends"

#: Output MIME types rendered, best first (JavaScript and widget views are never rendered).
DISPLAY_PRIORITY = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/latex",
    "text/plain",
]

_OUTPUT_TAGS = {
    "a", "abbr", "b", "details", "summary", "nav", "header", "footer", "section", "time", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "div", "dl",
    "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s",
    "small", "span", "strong", "style", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
_OUTPUT_ATTRIBUTES = {
    "*": {"class", "id", "title", "style", "align"},
    "a": {"href"},
    "table": {"border"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
}

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID_ATTR = re.compile(r'\bid="([^"]*)"')
_ANCHOR_LINK = re.compile(r'<a\b[^>]*class="anchor-link"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
#: CSS that could fetch something when the page opens (``url()``, ``@import``, ``image-set()``,
#: ``src()``, IE's ``expression()``) or hide such a thing behind an escape (a backslash).
_CSS_FETCH = re.compile(r"@import|\b(?:url|src|image-set|expression)\s*\(|\\", re.I)
_STYLE_ELEMENT = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.S | re.I)


def _no_fetching_style(tag: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: drop a ``style`` attribute whose CSS could load a resource."""
    return None if attribute == "style" and _CSS_FETCH.search(value) else value


def sanitize_output(fragment: str) -> str:
    """HTML from a cell output through an allow-list: tables and text stay, scripts go.

    Tags, attributes and URL schemes are allow-listed (nh3); CSS (``<style>`` elements kept for
    pandas Stylers, ``style`` attributes) is also emptied of anything that could load a resource,
    so an opened report never makes a request.
    """
    import nh3

    clean = nh3.clean(
        str(fragment),
        tags=_OUTPUT_TAGS,
        clean_content_tags={"script"},
        attributes=_OUTPUT_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_no_fetching_style,
    )
    return _STYLE_ELEMENT.sub(
        lambda m: m[1] + ("" if _CSS_FETCH.search(m[2]) else m[2]) + m[3], clean
    )


@lru_cache(maxsize=1)
def _exporter_config():
    from traitlets.config import Config

    return Config({"NbConvertBase": {"display_data_priority": DISPLAY_PRIORITY}})


def make_exporter():
    """A configured nbconvert ``HTMLExporter``."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        config=_exporter_config(),
        template_name="lab",
        template_file=TEMPLATE_FILE,
        extra_template_paths=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.register_filter("sanitize_output", sanitize_output)
    return exporter


def _heading_text(inner: str) -> str:
    text = _TAG.sub("", _ANCHOR_LINK.sub("", inner))
    return " ".join(html.unescape(text).split())


def add_toc(page: str) -> str:
    """Make heading ids unique, put a table of contents at the marker and title the page."""
    seen: set[str] = set()
    entries: list[tuple[int, str, str]] = []

    def visit(match: re.Match[str]) -> str:
        level, attrs, inner = int(match[1]), match[2], match[3]
        found = _ID_ATTR.search(attrs)
        if found is None:
            return match[0]
        old = html.unescape(found[1])
        new, n = old, 1
        while new in seen:
            n += 1
            new = f"{old}-{n}"
        seen.add(new)
        if new != old:
            esc_old, esc_new = html.escape(old), html.escape(new)
            attrs = attrs.replace(found[0], f'id="{esc_new}"')
            inner = inner.replace(f'href="#{esc_old}"', f'href="#{esc_new}"')
        if level <= TOC_MAX_LEVEL:
            entries.append((level, new, _heading_text(inner)))
        return f"<h{level}{attrs}>{inner}</h{level}>"

    page = _HEADING.sub(visit, page)
    toc = toc_html(entries)
    if TOC_PLACE in page:  # a notebook chose where the contents go (after its findings)
        page = page.replace(TOC_MARKER, "", 1).replace(TOC_PLACE, toc, 1)
    else:
        page = page.replace(TOC_MARKER, toc, 1)
    if entries:
        title = next((text for level, _, text in entries if level == 1), entries[0][2])
        page = _TITLE.sub(lambda _: f"<title>{html.escape(title)}</title>", page, count=1)
    return page


def toc_html(entries: Sequence[tuple[int, str, str]]) -> str:
    """``<nav>`` of (level, heading id, text) entries; empty string for no entries."""
    if not entries:
        return ""
    top = min(level for level, _, _ in entries)
    items = "\n".join(
        f'<li class="toc-level-{level - top + 1}">'
        f'<a href="#{html.escape(anchor)}">{html.escape(text)}</a></li>'
        for level, anchor, text in entries
    )
    return (
        f'<nav class="apanalysis-toc" aria-label="{TOC_TITLE}">\n<p>{TOC_TITLE}</p>\n'
        f"<ul>\n{items}\n</ul>\n</nav>"
    )


#: One exporter serves every export of a process, one export at a time (:func:`notebook_to_html`).
_EXPORT_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _shared_exporter():
    return make_exporter()


def notebook_to_html(nb) -> str:
    """Render an executed ``NotebookNode`` as one self-contained HTML page.

    The exporter is made once per process and used by one thread at a time: a new one compiles
    its ten Jinja templates again (a third of an export's time), and an export is Python work
    that threads could not run side by side anyway.
    """
    with _EXPORT_LOCK:
        body, _ = _shared_exporter().from_notebook_node(nb)
    return add_toc(body)


def export_html(nb_path: Path | str, html_path: Path | str) -> Path:
    """Export the executed notebook ``nb_path`` to ``html_path`` (written atomically)."""
    import nbformat

    nb = nbformat.read(str(nb_path), as_version=4)
    return files.write_text(html_path, stamp_built(notebook_to_html(nb), build_time()))


def build_time() -> str:
    """Now in UTC ("2020-12-31 23:59 UTC"), or ``SOURCE_DATE_EPOCH`` when it is set."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def page_title(path: Path) -> str:
    """The ``<title>`` of an HTML file (unescaped), or its file stem."""
    found = _TITLE.search(path.read_text(encoding="utf-8", errors="replace"))
    title = " ".join(html.unescape(found[1]).split()) if found else ""
    return title or path.stem


def year_reports(reports_dir: Path, order: Iterable[str] = ()) -> dict[int, list[Path]]:
    """HTML reports per year folder under ``reports_dir``: names in ``order`` first, then A-Z."""
    rank = {name: i for i, name in enumerate(order)}
    found: dict[int, list[Path]] = {}
    for folder in sorted(Path(reports_dir).glob("[0-9][0-9][0-9][0-9]")):
        pages = [p for p in folder.glob("*.html") if not p.name.startswith(".")]
        if folder.is_dir() and pages:
            found[int(folder.name)] = sorted(
                pages, key=lambda p: (rank.get(p.stem, len(rank)), p.stem)
            )
    return found


INDEX_TITLE = REPORT_TITLES["index"]
INDEX_NOTE = (
    "Reports built by apanalysis from each year's implementation report: criteria and statuses, "
    "budgets and spending, the COVID-19 pandemic's impact, and an independent assessment."
)


def index_html(reports_dir: Path, order: Iterable[str] = (), title: str = INDEX_TITLE) -> str:
    """A self-contained index page linking (relatively) to every year's reports."""
    sections = []
    for year, pages in year_reports(reports_dir, order).items():
        links = "\n".join(
            f'<li><a href="{html.escape(quote(f"{year}/{p.name}"))}">'
            f"{html.escape(page_title(p))}</a></li>"
            for p in pages
        )
        sections.append(f'<h2 id="y{year}">{year}</h2>\n<ul>\n{links}\n</ul>')
    trends = Path(reports_dir) / TRENDS_DIR / f"{TRENDS_DIR}.html"
    if trends.is_file():
        link = html.escape(quote(f"{TRENDS_DIR}/{trends.name}"))
        sections.insert(
            0,
            f'<h2 id="trends">Across years</h2>\n<ul>\n<li><a href="{link}">'
            f"{html.escape(page_title(trends))}</a></li>\n</ul>",
        )
    body = "\n".join(sections) or "<p>No reports yet.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}"
        "li{margin:.3rem 0}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(INDEX_NOTE)}</p>\n{body}\n"
        "</body>\n</html>\n"
    )


def write_index(reports_dir: Path, order: Iterable[str] = ()) -> Path:
    """Write ``reports_dir/index.html`` atomically."""
    return files.write_text(Path(reports_dir) / "index.html", index_html(Path(reports_dir), order))
