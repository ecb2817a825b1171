"""Tests of the report build (apanalysis.build.pipeline) and its HTML export (apanalysis.presentation.htmlexport)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import FIXTURES_DIR

from apanalysis.build import execution, pipeline
from apanalysis.errors import ApanalysisError
from apanalysis.presentation import htmlexport

FIXTURES = FIXTURES_DIR / "notebooks"
HELLO = FIXTURES / "hello.ipynb"
YEAR = 2021  # the fixture's parameters cell says 2020: the output shows the injected year


class _Page(HTMLParser):
    """Ids, TOC links, script/link tags and image sources of an HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids: set[str] = set()
        self.toc_links: list[str] = []
        self.links: list[str] = []
        self.scripts: list[dict] = []
        self.stylesheets: list[dict] = []
        self.images: list[str] = []
        self._in_toc = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "nav" and "apanalysis-toc" in (attrs.get("class") or ""):
            self._in_toc = True
        if tag == "a" and attrs.get("href"):
            (self.toc_links if self._in_toc else self.links).append(attrs["href"])
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "link":
            self.stylesheets.append(attrs)
        if tag == "img":
            self.images.append(attrs.get("src") or "")

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_toc = False


def _notebook(path: Path, extra_cells: list[str] = (), params: str | None = None) -> Path:
    """A copy of the fixture at ``path``, with extra code cells or another parameters cell."""
    nb = json.loads(HELLO.read_text(encoding="utf-8"))
    for i, source in enumerate(extra_cells):
        nb["cells"].append(
            {
                "cell_type": "code",
                "execution_count": None,
                "id": f"extra-{i}",
                "metadata": {},
                "outputs": [],
                "source": source,
            }
        )
    if params is not None:
        cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
        cell["source"] = params
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


def _folders(root: Path) -> dict[str, Path]:
    folders = {name: root / name for name in ("raw", "processed", "figures", "reports", "nbs")}
    (folders["raw"] / str(YEAR)).mkdir(parents=True)
    (folders["raw"] / str(YEAR) / "report.txt").write_text("Ataskaita\n", encoding="utf-8")
    folders["nbs"].mkdir()
    shutil.copy(HELLO, folders["nbs"] / "hello.ipynb")
    return folders


def _staged_files(year_dir: Path) -> list[Path]:
    return [p for p in year_dir.iterdir() if p.name.startswith(".") and p.name != ".build-stamp"]


def _fake_parse(calls: list):
    def parse(year, raw_dir, processed_dir):
        calls.append(year)
        (Path(processed_dir) / str(year)).mkdir(parents=True, exist_ok=True)

    return parse


def _build(folders: dict[str, Path], notebooks=("hello",), force: bool = False) -> list[Path]:
    return pipeline.build(
        [YEAR],
        folders["raw"],
        folders["processed"],
        folders["figures"],
        folders["reports"],
        force,
        notebooks=notebooks,
        notebooks_dir=folders["nbs"],
    )


# --- fast unit tests ---------------------------------------------------------------------------


def test_import_does_not_load_heavy_libraries():
    import subprocess
    import sys

    code = (
        "import apanalysis.build.pipeline, sys; "
        "print('papermill' in sys.modules, 'nbconvert' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_import_changes_no_state_and_the_build_skips_slow_optional_modules(tmp_path):
    """Importing the build changes nothing; its entry point marks the slow optional module
    absent (nbformat's validator then never builds its grammar)."""
    import subprocess
    import sys

    code = (
        "import sys; import apanalysis.build.pipeline as p; "
        "before = 'rfc3987_syntax' in sys.modules; "
        "p.build([], *[sys.argv[1]] * 4, notebooks=()); "
        "print(before, sys.modules.get('rfc3987_syntax', 'absent'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines()[-1].split() == ["False", "None"]


@pytest.mark.parametrize("year", ["2020", 2020.0, True, 1999, 2101, None])
def test_check_year_refuses_bad_years(year):
    with pytest.raises(ApanalysisError):
        pipeline.check_year(year)


def test_check_year_accepts_an_int_in_range():
    assert pipeline.check_year(2020) == 2020


def test_notebook_parameters_are_absolute_strings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    params = pipeline.notebook_parameters(2020, Path("raw"), Path("proc"), Path("fig"))
    assert params["year"] == 2020
    assert params["raw_dir"] == str(tmp_path.resolve() / "raw")
    assert all(Path(params[k]).is_absolute() for k in ("raw_dir", "processed_dir", "figures_dir"))
    assert set(params) == set(pipeline.PARAMETER_NAMES)


def test_unknown_parameter_is_refused():
    params = {"year": 2020, "figures_dir": "/tmp", "colour": "red"}
    with pytest.raises(ApanalysisError, match="unknown parameter.*colour") as info:
        pipeline.check_parameters(HELLO, params)
    assert info.value.path == HELLO


def test_declared_parameters_are_accepted():
    pipeline.check_parameters(HELLO, {"year": 2020, "raw_dir": "/r", "figures_dir": "/f"})


def test_notebook_without_parameters_cell_is_refused(tmp_path):
    nb = _notebook(tmp_path / "plain.ipynb")
    data = json.loads(nb.read_text())
    for cell in data["cells"]:
        cell["metadata"].pop("tags", None)
    nb.write_text(json.dumps(data))
    with pytest.raises(ApanalysisError, match="no cell tagged 'parameters'"):
        pipeline.check_parameters(nb, {"year": 2020})


def test_missing_notebook_is_refused(tmp_path):
    with pytest.raises(ApanalysisError, match="notebook not found"):
        pipeline.check_parameters(tmp_path / "nope.ipynb", {"year": 2020})


def test_missing_kernel_falls_back_to_running_interpreter(monkeypatch, capsys):
    monkeypatch.setattr(execution, "KERNEL_NAME", "no-such-kernel-apanalysis-test")
    assert execution.kernel_name() == execution.FALLBACK_KERNEL
    assert "no-such-kernel-apanalysis-test" in capsys.readouterr().err


def test_toc_links_resolve_and_duplicate_headings_get_unique_ids():
    page = (
        "<html><head><title>x</title></head><body><main>"
        + htmlexport.TOC_MARKER
        + '<h1 id="Report">Report<a class="anchor-link" href="#Report">¶</a></h1>'
        + '<h2 id="A-&amp;-B">A &amp; B<a class="anchor-link" href="#A-&amp;-B">¶</a></h2>'
        + '<h2 id="A-&amp;-B">A &amp; B<a class="anchor-link" href="#A-&amp;-B">¶</a></h2>'
        + '<h4 id="Deep">Deep</h4></main></body></html>'
    )
    out = htmlexport.add_toc(page)
    parsed = _Page(out)
    assert parsed.toc_links == ["#Report", "#A-&-B", "#A-&-B-2"]
    assert all(link[1:] in parsed.ids for link in parsed.toc_links)
    assert "#A-&amp;-B-2" in out and "<title>Report</title>" in out
    assert htmlexport.TOC_MARKER not in out


def test_sanitize_output_keeps_tables_and_drops_scripts():
    html = (
        '<style scoped>.dataframe td {color: red}</style><table border="1" class="dataframe">'
        '<thead><tr style="text-align: right;"><th>a</th></tr></thead>'
        '<tbody><tr><td onclick="x()">&lt;script&gt;</td></tr></tbody></table>'
        '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:y()">l</a>'
    )
    out = htmlexport.sanitize_output(html)
    assert "<thead>" in out and '<tr style="text-align: right;">' in out
    assert ".dataframe td" in out and "&lt;script&gt;" in out
    assert "<script" not in out and "alert" not in out
    assert "onclick" not in out and "onerror" not in out and "javascript:" not in out


def test_index_links_every_year_relatively_and_escapes(tmp_path):
    for year, name, title in [(2020, "criteria", "Criteria <b>&amp;</b>"), (2021, "covid", "C")]:
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / f"{name}.html").write_text(f"<title>{title}</title>")
    (tmp_path / "2021" / ".covid.x.html").write_text("staged")
    (tmp_path / "notes").mkdir()
    index = htmlexport.write_index(tmp_path, order=["criteria", "covid"])
    text = index.read_text()
    page = _Page(text)
    assert page.links == ["2020/criteria.html", "2021/covid.html"]
    assert all((tmp_path / link).is_file() for link in page.links)
    assert "Criteria &lt;b&gt;&amp;&lt;/b&gt;" in text
    assert not page.scripts and not page.stylesheets


# --- end-to-end builds (start Jupyter kernels) -------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build of two notebooks (run concurrently) for YEAR; the parse step stubbed."""
    folders = _folders(tmp_path_factory.mktemp("build"))
    _notebook(folders["nbs"] / "second.ipynb")
    calls: list[int] = []
    cwd = Path.cwd()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "parse_step", _fake_parse(calls))
        html_paths = _build(folders, notebooks=("hello", "second"))
    assert Path.cwd() == cwd  # papermill's process-wide chdir is not used (threads)
    year_dir = folders["reports"] / str(YEAR)
    return {
        "folders": folders,
        "calls": calls,
        "paths": html_paths,
        "html": (year_dir / "hello.html").read_text(encoding="utf-8"),
    }


@pytest.mark.slow
def test_build_writes_html_and_executed_notebooks(built):
    year_dir = built["folders"]["reports"] / str(YEAR)
    assert built["calls"] == [YEAR]
    assert built["paths"] == [year_dir / "hello.html", year_dir / "second.html"]
    for name in ("hello", "second"):
        assert (year_dir / f"{name}.html").stat().st_mode & 0o044 == 0o044  # not mkstemp's 0600
        executed = json.loads((year_dir / f"{name}.ipynb").read_text())
        assert executed["metadata"]["papermill"]["parameters"]["year"] == YEAR
    assert not _staged_files(year_dir)


@pytest.mark.slow
def test_html_has_toc_resolving_to_heading_ids(built):
    page = _Page(built["html"])
    assert page.toc_links == [
        "#Hello-report",
        "#Results-&-figures",
        "#Table-of-measures",
        f"#Spending-in-{YEAR}",  # a heading displayed as Markdown output
        "#%C4%AEgyvendinimas",  # nbconvert percent-encodes non-ASCII ids
    ]
    assert all(link[1:] in page.ids for link in page.toc_links)
    assert built["html"].index("apanalysis-toc") < built["html"].index('id="Hello-report"')


@pytest.mark.slow
def test_html_is_self_contained_without_code(built):
    html = built["html"]
    page = _Page(html)
    assert any(src.startswith("data:image/png;base64,") for src in page.images)
    assert not page.scripts  # no JavaScript at all, hence no <script src="http...">
    assert not re.search(r"<script[^>]*src=[\"']?https?:", html, re.I)
    assert not re.search(r"<link[^>]*href=[\"']?https?:", html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?https?:", html, re.I)
    assert not [src for src in page.images if not src.startswith("data:")]
    for code in ("plt.subplots", "import pandas", "pd.DataFrame", "raw_dir ="):
        assert code not in html


@pytest.mark.slow
def test_report_text_is_escaped_not_executable(built):
    html = built["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert f"<td>{YEAR}</td>" in html  # the injected parameter, not the notebook's default


@pytest.mark.slow
def test_styler_output_keeps_its_style_and_caption(built):
    html = built["html"]
    assert re.search(r"<style[^>]*>\s*#T_\w+ td\s*\{\s*text-align: left;", html)
    assert "<caption>Styled table</caption>" in html


@pytest.mark.slow
def test_index_lists_the_year_reports(built):
    reports = built["folders"]["reports"]
    page = _Page((reports / "index.html").read_text(encoding="utf-8"))
    assert page.links == [f"{YEAR}/hello.html", f"{YEAR}/second.html"]
    assert all((reports / link).is_file() for link in page.links)


@pytest.mark.slow
def test_progress_lines_and_up_to_date_skip(tmp_path, monkeypatch, capsys):
    folders = _folders(tmp_path)
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse(calls))
    _build(folders)
    out = capsys.readouterr().out
    assert re.search(rf"^\[{YEAR}\] hello … done in \d+\.\d s$", out, re.M)
    assert re.search(r"^built 1 report\(s\) for 1 year\(s\) in \d+\.\d s", out, re.M)
    html = folders["reports"] / str(YEAR) / "hello.html"
    before = html.stat().st_mtime_ns
    assert _build(folders) == []
    assert "up to date" in capsys.readouterr().out
    assert html.stat().st_mtime_ns == before and calls == [YEAR]
    assert _build(folders, force=True) == [html]
    assert calls == [YEAR, YEAR]


@pytest.mark.slow
def test_failing_notebook_keeps_previous_reports(tmp_path, monkeypatch):
    folders = _folders(tmp_path)
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse([]))
    _build(folders)
    year_dir = folders["reports"] / str(YEAR)
    good_html = (year_dir / "hello.html").read_bytes()
    good_nb = (year_dir / "hello.ipynb").read_bytes()
    _notebook(folders["nbs"] / "hello.ipynb", ['raise ValueError("bad\\ntotal <b>")'])
    with pytest.raises(ApanalysisError) as info:
        _build(folders, force=True)
    message = info.value.one_line()
    assert "\n" not in message
    assert "hello" in message and "ValueError: bad total <b>" in message
    assert str(year_dir / "hello.failed.ipynb") in message
    assert (year_dir / "hello.html").read_bytes() == good_html
    assert (year_dir / "hello.ipynb").read_bytes() == good_nb
    failed = json.loads((year_dir / "hello.failed.ipynb").read_text())
    assert any(
        o.get("ename") == "ValueError" for c in failed["cells"] for o in c.get("outputs", [])
    )
    assert not _staged_files(year_dir)


@pytest.mark.slow
def test_one_failing_notebook_commits_none_of_the_year(tmp_path, monkeypatch):
    folders = _folders(tmp_path)
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse([]))
    _notebook(folders["nbs"] / "broken.ipynb", ["1 / 0"])
    with pytest.raises(ApanalysisError, match="broken.*ZeroDivisionError"):
        _build(folders, notebooks=("hello", "broken"))
    year_dir = folders["reports"] / str(YEAR)
    assert not (year_dir / "hello.html").exists()
    assert (year_dir / "broken.failed.ipynb").is_file()


def test_undeclared_parameter_stops_the_build_before_running(tmp_path, monkeypatch):
    folders = _folders(tmp_path)
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "parse_step", _fake_parse(calls))
    _notebook(folders["nbs"] / "hello.ipynb", params="year = 2020")
    monkeypatch.setattr(execution, "execute", lambda *a, **k: pytest.fail("notebook ran"))
    with pytest.raises(ApanalysisError, match="unknown parameter.*figures_dir"):
        _build(folders)
    assert calls == []
    assert not list((folders["reports"] / str(YEAR)).glob("*"))
