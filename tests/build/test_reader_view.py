"""The reports as a reader sees them (issue 13), in headless Chromium at 1280 px on screen and at
A4 width (794 px) in print media: findings first, plain labels, tables that fit, navigation,
provenance, the index's cards, honest money and an honest assessment page.

Expected facts are read from ``data/raw/2020/report.txt``: task 3 planned 281.4 and spent
281.7 thousand EUR (line 80): 100.1 %, overspent; task 4's narrative says not all institutions
reported their spending (line 104: "ne visos institucijos pateikė informaciją apie išleistas
lėšas"); there is no evaluator's file (data/raw/2020 holds no assessment.csv).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from helpers.e2e import YEAR

from apanalysis.build.pipeline import NOTEBOOKS

pytestmark = pytest.mark.slow

WIDTHS = [(1280, "screen"), (794, "print")]
#: A table of this many columns or more prints on landscape A4 pages (the report's print
#: style); their text width there: 297 mm less two 12 mm margins, at 96 px per inch.
WIDE_COLUMNS, LANDSCAPE_WIDTH = 10, 1032
#: What the print style puts on landscape pages, hidden to measure the portrait pages.
WIDE_OUTPUTS = ".jp-OutputArea-child:has(table thead th:nth-child(10)) { display: none; }"
PAGES = [f"{YEAR}/{name}.html" for name in NOTEBOOKS]
#: Raw identifiers that must never be visible.
RAW_WORDS = [
    "NaN", "True", "False", "None", "nan", "planned_eur", "spent_eur", "not_implemented",
    "covid_share", "source_line", "execution_rate", "implementation_rate", "cannot_recompute",
    "reason_labels", "unspent_eur", "ONLINE_STEMS", "apanalysis.load_year",
]  # fmt: skip

LAYOUT = """() => {
  const main = document.querySelector('main') || document.body;
  const column = main.getBoundingClientRect();
  const tables = Array.from(document.querySelectorAll('table')).map(t => {
    const r = t.getBoundingClientRect();
    const columns = Math.max(0, ...Array.from(t.querySelectorAll('thead tr'))
      .map(row => row.querySelectorAll('th').length));
    return {right: r.right, width: r.width, column: column.right + 1, columns: columns};
  });
  return {
    tables: tables,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    text: (() => {  // what a reader reads; commands and file columns in <code> are meant as typed
      const codes = Array.from(document.querySelectorAll('code'));
      codes.forEach(c => { c.dataset.d = c.style.display; c.style.display = 'none'; });
      const text = document.body.innerText;
      codes.forEach(c => { c.style.display = c.dataset.d; });
      return text;
    })(),
    headings: Array.from(document.querySelectorAll('main h1, main h2')).map(h => h.innerText.trim()),
    top: Array.from(document.querySelectorAll('nav.apanalysis-top a')).map(a => a.href),
    downloads: Array.from(document.querySelectorAll('.apanalysis-downloads a')).map(a => a.href),
    footer: (document.querySelector('footer.apanalysis-footer') || {}).innerText || '',
  };
}"""


CHROMIUM = Path(os.environ.get("APANALYSIS_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}", pytrace=False)
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


def _view(browser, path: Path, width: int, media: str, css: str = "") -> dict:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.emulate_media(media=media)
    page.goto(path.as_uri(), wait_until="load")
    if css:
        page.add_style_tag(content=css)
    seen = page.evaluate(LAYOUT)
    page.close()
    return seen


def _file(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


@pytest.mark.parametrize(("width", "media"), WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_reads_well(browser, build_2020, name, width, media):
    seen = _view(browser, build_2020.reports / name, width, media)
    portrait = seen
    if media == "print":  # wide tables print on landscape pages: measured there
        portrait = _view(browser, build_2020.reports / name, width, media, WIDE_OUTPUTS)
        landscape = _view(browser, build_2020.reports / name, LANDSCAPE_WIDTH, media)
        wide = [
            t
            for t in landscape["tables"]
            if t["columns"] >= WIDE_COLUMNS and t["right"] > t["column"]
        ]
        assert wide == [], "tables wider than a landscape A4 page"
    wide = [t for t in portrait["tables"] if t["right"] > t["column"]]
    assert wide == [], f"tables wider than the text column at {width} px ({media})"
    assert portrait["scrollWidth"] <= portrait["clientWidth"] + 1, "the page scrolls sideways"
    visible = [
        w for w in RAW_WORDS if re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", seen["text"])
    ]
    assert visible == [], "raw identifiers a reader would see"
    snake = set(re.findall(r"(?<![\w/.%-])[a-z]+(?:_[a-z]+)+(?![\w/.%-])", seen["text"]))
    assert snake == set(), "snake_case identifiers a reader would see"
    # findings first (numbered), the method note last, no code names
    assert seen["headings"][1] == "Key findings"
    assert "F1." in seen["text"] and "F3." in seen["text"]
    assert seen["headings"][-1] == "About the method"
    # provenance
    assert re.search(r"SHA-256\s+[0-9a-f]{64}", seen["footer"])
    assert "report.txt" in seen["footer"] and "apanalysis version" in seen["footer"]
    assert re.search(r"Built\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC", seen["footer"])
    if media == "screen":
        targets = {_file(u) for u in seen["top"]}
        assert all(t.is_file() for t in targets)
        assert {t.name for t in targets} >= {"index.html"} | {
            f"{n}.html" for n in NOTEBOOKS if n != Path(name).stem
        }
        downloads = [_file(u) for u in seen["downloads"]]
        assert downloads and all(p.is_file() for p in downloads)
        assert {p.name for p in downloads} >= {"measures.csv", "problems.csv"}
        assert all(build_2020.processed in p.parents for p in downloads)


def test_rows_cite_their_line(browser, build_2020):
    seen = _view(browser, build_2020.reports / f"{YEAR}/criteria.html", 1280, "screen")
    # the measure table: 01.01.01 is on line 143's row block of the annex (report.txt line 143)
    assert re.search(r"01\.01\.01\b.*?line \d+", seen["text"], re.S)
    assert "Ministry of the Interior" in seen["text"]  # the glossary: VRM


def test_money_is_honest(browser, build_2020):
    seen = _view(browser, build_2020.reports / f"{YEAR}/spending.html", 1280, "screen")
    assert "100.1 % ▲ overspent" in seen["text"]  # task 3: 281.7 of 281.4 (line 80)
    assert "ne visos institucijos pateikė informaciją apie išleistas lėšas" in seen["text"]
    assert "Not reported or unused (EUR)" in seen["text"]


def test_assessment_without_evaluator_says_so(browser, build_2020):
    seen = _view(browser, build_2020.reports / f"{YEAR}/assessment.html", 1280, "screen")
    assert "No evaluator's assessment for 2020" in seen["text"]
    assert "apanalysis annotate --year 2020" in seen["text"]
    assert "Assessed (%)" not in seen["text"]


@pytest.mark.parametrize(("width", "media"), WIDTHS)
def test_index_has_a_card_per_year(browser, build_2020, width, media):
    seen = _view(browser, build_2020.reports / "index.html", width, media)
    assert seen["scrollWidth"] <= seen["clientWidth"] + 1
    for label in ("Measures and actions", "Implemented", "Budget execution", "Citing COVID-19",
                  "Audit mismatches"):  # fmt: skip
        assert label in seen["text"]
    assert re.search(r"Measures and actions\s+53", seen["text"])  # 53 annex rows
    assert "Trafficking in Human Beings" in seen["text"]
