"""Display helpers: report text is escaped, numbers formatted for reading."""

from __future__ import annotations

import pandas as pd
from helpers.analysis_fixtures import measures

from apanalysis.analysis import criteria as cr
from apanalysis.presentation import display


def test_title_has_year():
    assert display.title_text("criteria", 2020).startswith("# ")
    assert display.title_text("covid", 2021).endswith("2021")


def test_table_escapes_report_html_and_formats_numbers():
    df = pd.DataFrame(
        {
            "title": ["<b>Įgyvendinta.</b> <script>alert(1)</script>"],
            "execution_rate": [0.3413],
            "planned_eur": [29300.0],
        }
    )
    rendered = display.table(df).to_html()
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "&lt;b&gt;" in rendered
    assert "34 %" in rendered and "29,300" in rendered


def test_table_folds_long_text_without_losing_it():
    df = pd.DataFrame({"result": ["žodis " * 100]})
    rendered = display.table(df, max_chars=50).to_html()
    summary = rendered.split("<summary>")[1].split("</summary>")[0]
    assert summary.endswith("…") and len(summary) <= 50
    assert "<details" in rendered and ("žodis " * 99 + "žodis") in rendered


def test_table_headers_and_values_are_readers_labels():
    df = pd.DataFrame(
        {
            "status": ["not_implemented"],
            "covid": [True],
            "planned_eur": [281400.0],
            "spent_eur": [float("nan")],
            "source_line": [143],
        }
    )
    rendered = display.table(df).to_html()
    for raw in ("not_implemented", "planned_eur", "True", "nan", "source_line"):
        assert raw not in rendered
    assert "Planned (EUR)" in rendered and "281,400" in rendered
    assert "Not implemented (Neįgyvendinta)" in rendered and ">Yes<" in rendered
    assert "line 143" in rendered


def test_status_table_cells():
    html = display.status_table(cr.status_counts(measures())).to_html()
    assert "2 (67 %)" in html  # task 2: 2 of 3 not implemented
    assert "0 (0 %)" in html  # a missing status still shown


def test_takeaway_escapes_markdown():
    md = display.takeaway("*bold* <i>x</i> [link](http://x) 32 %").data
    assert md.startswith("**Takeaway:** ")
    assert "\\*bold\\*" in md and "\\<i\\>" in md and "\\[link\\]" in md


def test_long_tables_show_their_first_rows_and_say_so():
    from apanalysis.presentation import display

    frame = pd.DataFrame({"code": [f"01.01.{i:02d}" for i in range(1, 31)]})
    html = display.table(frame, caption="Rows", max_rows=10).to_html()
    assert html.count("<tr>") == 11  # header + 10 rows
    assert "The first 10 of 30 rows; all are in the data downloads." in html
    assert "01.01.10" in html and "01.01.11" not in html


def test_table_ids_do_not_depend_on_chance():
    import importlib

    from apanalysis.presentation import display

    frame = pd.DataFrame({"a": [1]})
    importlib.reload(display)  # a new kernel: numbering starts again
    first = [display.table(frame).to_html() for _ in range(2)]
    importlib.reload(display)
    second = [display.table(frame).to_html() for _ in range(2)]
    assert first == second and first[0] != first[1]


def test_table_ids_count_from_one_in_each_notebook_even_in_a_shared_kernel(monkeypatch):
    """A build runs notebooks in turn in one kernel, resetting its namespace between them; the
    table ids of each report must be those a new kernel gives (t1, t2…), whatever ran before."""
    import pandas as pd

    from apanalysis.presentation import display

    class Shell:  # what IPython's reset empties: the namespace and its hidden names
        def __init__(self):
            self.user_ns, self.user_ns_hidden = {}, {}

    shell = Shell()
    monkeypatch.setattr(display, "_running_ipython", lambda: shell)
    frame = pd.DataFrame({"a": [1]})
    first = [display.table(frame).uuid for _ in range(3)]
    shell.user_ns.clear()  # the reset before the next notebook
    shell.user_ns_hidden.clear()
    second = [display.table(frame).uuid for _ in range(2)]
    assert first == ["t1", "t2", "t3"] and second == ["t1", "t2"]
    assert display.TABLE_COUNTER in shell.user_ns_hidden  # hidden from %who
