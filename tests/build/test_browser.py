"""The exported reports in a real browser: Debian's Chromium, headless, driven by Playwright.

Every exported HTML page and the index of two builds (the 2020 report, and the same report with
HTML/JavaScript payloads in its cells, see tests/fixtures/injected) is opened from disk (file://)
and must: log no console error, request nothing from the network (every request is routed: only
file:// passes, anything else is aborted and fails the test), show every image (naturalWidth >
0), have table-of-contents links that all resolve to an element id, and run no injected script
(the title is the page's own <title>, no dialog opens).

The browser is never downloaded: Playwright drives ``/usr/bin/chromium`` (``apt-get install
chromium``; another path can be given in ``APANALYSIS_CHROMIUM``). Without Playwright or Chromium
the tests are skipped, or fail when the ``CI`` environment variable is set.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from helpers.e2e import YEAR

from apanalysis.build.pipeline import NOTEBOOKS
from apanalysis.presentation.htmlexport import page_title

pytestmark = pytest.mark.slow

CHROMIUM = Path(os.environ.get("APANALYSIS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = [f"{YEAR}/{name}.html" for name in NOTEBOOKS] + ["index.html"]
#: Milliseconds to wait after the load event for anything a payload could still trigger.
SETTLE_MS = 300


def _missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run on CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module", params=["2020", "injected"])
def reports(request) -> Path:
    """The reports folder of the 2020 build or of the injected fixture's build."""
    build = request.getfixturevalue("build_2020" if request.param == "2020" else "build_injected")
    return build.reports


def test_every_exported_page_is_checked(build_2020):
    found = {p.relative_to(build_2020.reports).as_posix() for p in build_2020.html_pages()}
    assert found == set(PAGES)


def _open(browser, path: Path) -> dict:
    """Open ``path`` from disk and collect what the checks need."""
    events: dict[str, list] = {"console": [], "network": [], "dialogs": [], "failed": []}
    context = browser.new_context(service_workers="block", java_script_enabled=True)

    def route(route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            events["network"].append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and events["console"].append(m.text))
    page.on("pageerror", lambda e: events["console"].append(f"uncaught: {e}"))
    page.on("requestfailed", lambda r: events["failed"].append(f"{r.url} ({r.failure})"))
    page.on("websocket", lambda ws: events["network"].append(ws.url))

    def dialog(d):
        events["dialogs"].append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.on(
        "request",
        lambda r: not r.url.startswith(("file://", "data:")) and events["network"].append(r.url),
    )
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(SETTLE_MS)
    info = page.evaluate(
        """() => ({
        title: document.title,
        images: Array.from(document.images).map(i => ({
            src: i.src.slice(0, 40), complete: i.complete, width: i.naturalWidth})),
        toc: Array.from(document.querySelectorAll('nav.apanalysis-toc a')).map(
            a => a.getAttribute('href')),
        anchors: Array.from(document.querySelectorAll('a[href^="#"]')).map(
            a => a.getAttribute('href')),
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
    })"""
    )
    # follow every in-page link as a click would: the fragment must select an element (:target)
    info["unresolved"] = page.evaluate(
        """(hrefs) => hrefs.filter(h => {
            location.hash = h;
            return document.querySelector(':target') === null;
        })""",
        info["anchors"],
    )
    context.close()
    return {**events, **info}


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_cleanly_offline(browser, reports, name):
    path = reports / name
    seen = _open(browser, path)
    assert seen["network"] == [], "requests that would leave the machine"
    assert seen["console"] == [], "console errors"
    assert seen["failed"] == [], "requests that failed"
    assert seen["dialogs"] == [], "a dialog opened: a script ran"
    assert seen["title"] == page_title(path), "the title changed: a script ran"
    broken = [img for img in seen["images"] if not (img["complete"] and img["width"] > 0)]
    assert broken == [], "images that did not load"
    assert seen["unresolved"] == [], "in-page links (table of contents) without a target"
    if name == "index.html":
        targets = [Path(unquote(urlparse(url).path)) for url in seen["links"]]
        assert len([t for t in targets if t.suffix == ".html"]) == len(NOTEBOOKS)
        assert all(t.is_file() for t in targets), targets
    else:
        assert seen["images"], "no figure on the page"
        assert seen["toc"] and all(h.startswith("#") for h in seen["toc"])
        assert seen["title"].startswith("Action Plan against Trafficking in Human Beings")


def test_printed_on_a4_every_table_fits_and_wide_tables_turn_landscape(
    browser, build_2020, tmp_path
):
    """Printing the criteria report (Chromium's "Save as PDF"): every table keeps an automatic
    layout and fits its page, no status word is broken inside ("Implem-ented"), and the wide
    measure table prints on landscape A4 pages while the rest stays portrait."""
    import pypdfium2

    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto((build_2020.reports / str(YEAR) / "criteria.html").as_uri())
    tables = page.evaluate(
        """() => [...document.querySelectorAll('.jp-RenderedHTMLCommon table')].map(t => ({
            layout: getComputedStyle(t).tableLayout,
            columns: t.querySelectorAll('thead tr:last-child th').length}))"""
    )
    assert tables and all(t["layout"] == "auto" for t in tables), tables
    pdf = tmp_path / "criteria.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.close()
    document = pypdfium2.PdfDocument(str(pdf))
    sizes = [document[i].get_size() for i in range(len(document))]
    landscape = [i for i, (width, height) in enumerate(sizes) if width > height]
    assert landscape and len(landscape) < len(sizes)  # A4 landscape for the measure table only
    assert all(round(min(w, h)) == 595 and round(max(w, h)) == 842 for w, h in sizes)
    text = "\n".join(document[i].get_textpage().get_text_range() for i in landscape)
    assert "Implemented" in text and "Implem\r\nented" not in text and "Implem\nented" not in text
