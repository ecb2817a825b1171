"""One HTML exporter serves every export of a process: the pages are the ones a new exporter
makes, one after the other and from several threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from apanalysis.presentation import htmlexport


def _notebook(title: str, rows: int) -> nbformat.NotebookNode:
    table = "".join(f"<tr><td>{i}</td><td>eilutė {i}</td></tr>" for i in range(rows))
    cell = new_code_cell("show.table(x)", execution_count=1)
    cell.outputs = [new_output("display_data", data={"text/html": f"<table>{table}</table>"})]
    return new_notebook(
        cells=[new_markdown_cell(f"# {title}\n\n## Part one\n\nText."), cell],
        metadata={"language_info": {"name": "python"}},
    )


def _fresh(nb) -> str:
    body, _ = htmlexport.make_exporter().from_notebook_node(nb)
    return htmlexport.add_toc(body)


def test_the_shared_exporter_makes_the_pages_a_new_one_makes():
    htmlexport._shared_exporter.cache_clear()
    notebooks = [_notebook("Criteria", 3), _notebook("Spending", 40), _notebook("COVID", 1)]
    expected = [_fresh(nb) for nb in notebooks]
    assert [htmlexport.notebook_to_html(nb) for nb in notebooks] == expected
    with ThreadPoolExecutor(max_workers=3) as pool:
        assert list(pool.map(htmlexport.notebook_to_html, notebooks * 2)) == expected * 2
    assert htmlexport._shared_exporter.cache_info().misses == 1  # made once
