"""Top bar, problems banner, downloads and footer of a report page; the index cards."""

from pathlib import Path

import pandas as pd

from apanalysis.presentation import indexpage, labels, page


def _ctx(tmp_path: Path, problems: int = 0) -> page.PageContext:
    reports, processed = tmp_path / "reports", tmp_path / "data" / "processed" / "2020"
    return page.PageContext(
        page=reports / "2020" / "spending.html",
        kind="spending",
        year=2020,
        index=reports / "index.html",
        year_pages={k: reports / "2020" / f"{k}.html" for k in ("criteria", "spending")},
        other_years={
            2020: reports / "2020" / "spending.html",
            2021: reports / "2021" / "spending.html",
        },
        downloads=[("measures.csv", processed / "measures.csv")],
        problems=problems,
        problems_file=processed / "problems.csv",
        sources=[("raw/2020/report.txt", "a" * 64)],
        built="2026-11-29 21:00 UTC",
        version="0.1.0",
    )


def test_links_are_relative_so_a_copied_folder_works(tmp_path):
    bar = page.top_bar(_ctx(tmp_path))
    assert 'href="../index.html"' in bar and 'href="criteria.html"' in bar
    assert 'href="../2021/spending.html"' in bar and 'aria-current="page">Budgets' in bar
    assert 'href="../../data/processed/2020/measures.csv"' in page.downloads(_ctx(tmp_path))


def test_banner_only_when_lines_could_not_be_read(tmp_path):
    assert page.problems_banner(_ctx(tmp_path)) == ""
    banner = page.problems_banner(_ctx(tmp_path, problems=33))
    assert "33 lines of the report could not be read" in banner
    assert 'href="../../data/processed/2020/problems.csv"' in banner
    assert "1 line of the report" in page.problems_banner(_ctx(tmp_path, problems=1))


def test_dressing_twice_gives_one_bar_and_one_footer(tmp_path):
    html = "<html><head><title>t</title></head><body><main>x</main></body></html>"
    once = page.dress(html, _ctx(tmp_path, problems=2))
    twice = page.dress(once, _ctx(tmp_path, problems=2))
    assert once == twice and twice.count("apanalysis-top") == 1
    assert "SHA-256" in twice and "a" * 64 in twice and "2026-11-29 21:00 UTC" in twice
    assert "plain text" in twice  # the source format


def test_built_time_round_trip():
    stamped = page.stamp_built("<html><head></head><body></body></html>", "2026-01-01 00:00 UTC")
    assert page.built_time(stamped) == "2026-01-01 00:00 UTC"


def test_labels_for_completion_and_citations():
    assert labels.value_label("completion", "substantial") == "Substantial"
    assert labels.citation(143, None) == "line 143" and labels.citation(143, 7) == "p. 7"
    frame = pd.DataFrame({"code": ["01.01.01"], "source_line": [143]})
    assert list(labels.with_citation(frame).columns) == ["code", "source"]
    assert labels.with_citation(pd.DataFrame({"a": [1]})).columns.tolist() == ["a"]


def test_index_card_figures():
    headline = {"rows": 53, "implemented": 32 / 53, "execution": 336680 / 696200, "covid": 20 / 53,
                "mismatches": 2, "checks": 40}  # fmt: skip
    items = dict(indexpage.headline_items(headline))
    assert items["Measures and actions"] == "53" and items["Implemented"] == "60 %"
    assert items["Budget execution (spent of planned)"] == "48 %"
    assert items["Audit mismatches"] == "2 of 40 checks"
