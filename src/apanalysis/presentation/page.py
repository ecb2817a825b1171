"""What every report page carries around its content: a top bar (index, the year's other
reports, the same report for other years, trends), a banner when the report had lines that
could not be read, the data downloads, and a footer naming the source file, its SHA-256, the
build time and the apanalysis version.

The pieces are put between comment markers, so a page can be dressed again (a new year
changes the links of every page) without touching its content.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from apanalysis.formats import fmt_count

#: Short names of the per-year reports, in reading order.
REPORT_NAMES: dict[str, str] = {
    "criteria": "Criteria and statuses",
    "spending": "Budgets and spending",
    "covid": "COVID-19",
    "assessment": "Independent assessment",
    "trends": "Trends across years",
}
#: How each kind of source file is described.
SOURCE_FORMATS: dict[str, str] = {
    ".txt": "plain text (converted from the report's PDF or Word file)",
    ".md": "Markdown text (converted from the report's PDF or Word file)",
    ".pdf": "PDF",
    ".docx": "Word document (.docx)",
    ".html": "HTML",
    ".htm": "HTML",
}
TOP, FOOT = "apanalysis:top", "apanalysis:foot"
BUILT_META = "apanalysis-built"
_BUILT = re.compile(rf'<meta name="{BUILT_META}" content="([^"]*)">')
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)


@dataclass
class PageContext:
    """Everything a page's bar, banner and footer say (paths are absolute)."""

    page: Path
    kind: str
    year: int | None
    index: Path
    year_pages: Mapping[str, Path] = field(default_factory=dict)
    other_years: Mapping[int, Path] = field(default_factory=dict)
    trends: Path | None = None
    downloads: Sequence[tuple[str, Path]] = ()
    problems: int = 0
    problems_file: Path | None = None
    sources: Sequence[tuple[str, str]] = ()  # (source file, its SHA-256) per year shown
    built: str = ""
    version: str = ""


def relative_href(target: Path, page: Path) -> str:
    """A link from ``page`` to ``target`` that works from a copied folder (relative, quoted)."""
    rel = os.path.relpath(Path(target).resolve(), Path(page).resolve().parent)
    return html.escape(quote(Path(rel).as_posix()))


def source_format(name: str) -> str:
    """The reader's description of a source file's format, from its extension."""
    return SOURCE_FORMATS.get(Path(name).suffix.lower(), Path(name).suffix.lstrip(".") or "file")


def _link(target: Path, page: Path, text: str) -> str:
    return f'<a href="{relative_href(target, page)}">{html.escape(text)}</a>'


def top_bar(ctx: PageContext) -> str:
    """The navigation bar at the top of a page."""
    here = ctx.page
    parts = [_link(ctx.index, here, "All reports")]
    if ctx.year_pages:
        items = []
        for kind, target in ctx.year_pages.items():
            name = REPORT_NAMES.get(kind, kind)
            if kind == ctx.kind:
                items.append(f'<strong aria-current="page">{html.escape(name)}</strong>')
            else:
                items.append(_link(target, here, name))
        parts.append(f'<span class="label">{ctx.year}:</span> ' + " · ".join(items))
    if ctx.other_years:
        links = []
        for year, target in sorted(ctx.other_years.items()):
            if year == ctx.year:
                links.append(f'<strong aria-current="page">{year}</strong>')
            else:
                links.append(_link(target, here, str(year)))
        name = REPORT_NAMES.get(ctx.kind, ctx.kind)
        parts.append(
            f'<span class="label">{html.escape(name)} by year:</span> ' + " · ".join(links)
        )
    if ctx.trends is not None and ctx.kind != "trends":
        parts.append(_link(ctx.trends, here, REPORT_NAMES["trends"]))
    items = "".join(f"<li>{p}</li>" for p in parts)
    return f'<nav class="apanalysis-top" aria-label="Reports"><ul>{items}</ul></nav>'


def problems_banner(ctx: PageContext) -> str:
    """ "N lines of the report could not be read", linking the list; "" without problems."""
    if ctx.problems <= 0:
        return ""
    text = f"{fmt_count(ctx.problems, 'line')} of the report could not be read"
    link = (
        f' — <a href="{relative_href(ctx.problems_file, ctx.page)}">see the list of problems</a>'
        if ctx.problems_file is not None
        else ""
    )
    return (
        f'<div class="apanalysis-banner" role="alert"><strong>{html.escape(text)}</strong>. '
        f"The figures on this page leave those lines out{link}.</div>"
    )


def downloads(ctx: PageContext) -> str:
    """Links to the year's data files (workbook and CSV tables)."""
    if not ctx.downloads:
        return ""
    links = " · ".join(_link(path, ctx.page, label) for label, path in ctx.downloads)
    return f'<p class="apanalysis-downloads"><strong>Data downloads:</strong> {links}</p>'


def footer(ctx: PageContext) -> str:
    """Provenance: source file and format, SHA-256, build time, apanalysis version."""
    rows = []
    for name, sha256 in ctx.sources:
        rows.append(
            f"<dt>Source file</dt><dd>{html.escape(name)} ({html.escape(source_format(name))})</dd>"
        )
        if sha256:
            rows.append(f"<dt>SHA-256</dt><dd><code>{html.escape(sha256)}</code></dd>")
    if ctx.built:
        rows.append(
            f'<dt>Built</dt><dd><time datetime="{html.escape(ctx.built)}">'
            f"{html.escape(ctx.built)}</time></dd>"
        )
    rows.append(f"<dt>apanalysis version</dt><dd>{html.escape(ctx.version)}</dd>")
    return f'<footer class="apanalysis-footer"><dl>{"".join(rows)}</dl></footer>'


def _marked(name: str, content: str) -> str:
    return f"<!--{name}-->{content}<!--/{name}-->"


def _unmark(page: str, name: str) -> str:
    return re.sub(rf"<!--{name}-->.*?<!--/{name}-->", "", page, flags=re.S)


def built_time(page: str) -> str:
    """The build time the export wrote into a page ("" when there is none)."""
    found = _BUILT.search(page)
    return html.unescape(found[1]) if found else ""


def stamp_built(page: str, when: str) -> str:
    """``page`` with its build time recorded in a meta element of its head."""
    tag = f'<meta name="{BUILT_META}" content="{html.escape(when)}">'
    if _BUILT.search(page):
        return _BUILT.sub(lambda _: tag, page, count=1)
    return re.sub(r"</head\s*>", lambda m: tag + "\n" + m[0], page, count=1, flags=re.I)


def dress(page: str, ctx: PageContext) -> str:
    """``page`` with its top bar, banner, downloads and footer (replacing earlier ones)."""
    page = _unmark(_unmark(page, TOP), FOOT)
    top = _marked(TOP, top_bar(ctx) + problems_banner(ctx) + downloads(ctx))
    foot = _marked(FOOT, footer(ctx))
    opened = _BODY_OPEN.search(page)
    page = page[: opened.end()] + top + page[opened.end() :] if opened else top + page
    closed = list(_BODY_CLOSE.finditer(page))
    if closed:
        at = closed[-1].start()
        return page[:at] + foot + page[at:]
    return page + foot
