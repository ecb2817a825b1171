"""Reports are safe to open: report text carrying HTML/JavaScript payloads never becomes markup.

``tests/fixtures/injected/2020/report.txt`` is the 2020 report with ``<script>``, ``<img
onerror>``, ``javascript:`` links, ``<svg onload>``, ``<iframe>`` and ``<style>`` payloads in
narrative and annex cells (see its README). Its reports are built once per session
(``build_injected`` in conftest.py) and checked here as text and as parsed HTML; the browser test
(test_browser.py) opens the same pages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from helpers.e2e import INJECTED_RAW, YEAR

from apanalysis.presentation.htmlexport import sanitize_output
from apanalysis.tables.assemble import parse_year
from apanalysis.vocabulary.text import sanitize_html

pytestmark = pytest.mark.slow

#: Attributes whose value is a URL the browser may follow or load.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
#: Elements that run, embed or fetch something; none may come from a report's text.
ACTIVE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "svg", "math", "form",
               "base", "meta", "link", "applet", "audio", "video", "source", "portal"}  # fmt: skip
#: ``<meta>`` and ``<link>`` of the page head that the template itself writes.
TEMPLATE_HEAD = {("meta", "charset"), ("meta", "name"), ("link", "rel")}


class Markup(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k.lower(): v or "" for k, v in attrs}))


def is_script_url(value: str) -> bool:
    """``javascript:``/``vbscript:`` URL, as a browser reads it (controls and spaces ignored)."""
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(("javascript:", "vbscript:"))


@pytest.fixture(scope="module")
def pages(build_injected) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in build_injected.html_pages()}


def test_the_fixture_still_parses_like_the_real_report():
    injected = parse_year(YEAR, INJECTED_RAW)
    assert len(injected.measures) == 53 and injected.problems.empty
    text = (INJECTED_RAW / str(YEAR) / "report.txt").read_text(encoding="utf-8")
    for payload in ("<script>", "onerror=", "javascript:", "<svg onload", "<iframe", "<style>"):
        assert text.count(payload) >= 2, payload


def test_every_report_was_built(pages):
    assert {"criteria.html", "spending.html", "covid.html", "index.html"} <= set(pages)


def test_no_payload_survives_as_markup(pages):
    for name, page in pages.items():
        lower = page.lower()
        assert "<script" not in lower, name
        assert "onerror=" not in lower and "onload=" not in lower, name
        assert "<iframe" not in lower and "<svg" not in lower, name
        assert "body{display:none}" not in lower, name
        assert "pwned" not in lower, name  # the onerror payload's code is gone entirely


def test_no_active_element_event_handler_or_script_url(pages):
    for name, page in pages.items():
        for tag, attrs in Markup(page).tags:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            for attribute in URL_ATTRIBUTES & set(attrs):
                assert not is_script_url(attrs[attribute]), (name, tag, attrs)
            if tag in ("meta", "link"):
                assert any((tag, a) in TEMPLATE_HEAD for a in attrs), (name, tag, attrs)
                assert "http-equiv" not in attrs and "refresh" not in str(attrs).lower()
            else:
                assert tag not in ACTIVE_TAGS, (name, tag, attrs)


def test_report_text_is_shown_escaped(pages):
    # the annex title of 01.01.01 and the "moved online" text carried an entity-escaped script:
    # it is text in the report, so it is shown, as text
    assert "Organizuoti &lt;script&gt;alert(6)&lt;/script&gt; Kovos su" in pages["criteria.html"]
    assert "nuotoliniu nuoroda &lt;script&gt;alert(6)&lt;/script&gt; būdu" in pages["covid.html"]


# --- the allow-lists themselves ----------------------------------------------------------------

DIRTY = (
    '<p>ok</p><marquee>m</marquee><details open ontoggle="alert(1)">d</details>'
    '<form action="https://x.example"><input name="q"></form><base href="https://x.example/">'
    '<meta http-equiv="refresh" content="0;url=https://x.example"><object data="x.swf"></object>'
    '<math><mi xlink:href="javascript:alert(2)">x</mi></math><svg><use href="#a"/></svg>'
    '<a href=" jav&#x09;ascript:alert(3)">j</a><a href="data:text/html,<script>">d</a>'
)


@pytest.mark.parametrize("sanitize", [sanitize_output, sanitize_html])
def test_sanitizers_keep_only_what_they_list(sanitize):
    clean = sanitize(DIRTY).lower()
    # <details> may stay (long texts open in full); its event handler may not (ontoggle below)
    for tag in ("marquee", "form", "input", "base", "meta", "object", "math", "svg"):
        assert f"<{tag}" not in clean, tag
    assert "ontoggle" not in clean and "javascript" not in clean and "data:" not in clean
    assert "<p>ok</p>" in clean


def test_output_css_cannot_fetch_anything():
    dirty = (
        "<style>@import url(https://x.example/a.css); td {color: red}</style>"
        "<style>.dataframe td {text-align: left}</style>"
        '<p style="background: url(https://x.example/b.png)">p</p>'
        '<p style="background: \\75 rl(https://x.example/c.png)">q</p>'
        '<table><tr style="text-align: right;"><td>1</td></tr></table>'
    )
    clean = sanitize_output(dirty)
    assert "x.example" not in clean and "@import" not in clean
    assert ".dataframe td {text-align: left}" in clean  # a Styler's CSS stays
    assert 'style="text-align: right;"' in clean
