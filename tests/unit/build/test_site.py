"""Finishing the site: pages dressed and the index written only when something they show changed."""

from __future__ import annotations

import json
from pathlib import Path

from apanalysis.build import site
from apanalysis.build.manifest import read_manifest

PAGE = "<html><head><title>Criteria</title></head><body><h1>Criteria</h1></body></html>"


def _site(root: Path) -> dict[str, Path]:
    """A reports folder with one page of 2020 and that year's processed files."""
    folders = {name: root / name for name in ("raw", "processed", "figures", "reports")}
    (folders["reports"] / "2020").mkdir(parents=True)
    (folders["reports"] / "2020" / "criteria.html").write_text(PAGE, encoding="utf-8")
    year = folders["processed"] / "2020"
    year.mkdir(parents=True)
    meta = {"year": 2020, "source": "report.txt", "source_sha256": "a" * 64, "rows": {}}
    (year / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (year / "problems.csv").write_text("line,code,message\n", encoding="utf-8")
    return folders


def _mtimes(folders) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folders["reports"].rglob("*.html")}


def test_a_second_finish_with_nothing_changed_writes_nothing(tmp_path):
    folders = _site(tmp_path)
    index = site.finish(folders, ["criteria"])
    dressed = (folders["reports"] / "2020" / "criteria.html").read_text(encoding="utf-8")
    assert dressed != PAGE and "index.html" in dressed  # the top bar links the index
    assert read_manifest(folders["reports"])[site.SITE_KEY] == site.site_stamp(
        folders, ["criteria"]
    )
    before = _mtimes(folders)
    assert site.finish(folders, ["criteria"]) == index
    assert _mtimes(folders) == before


def test_new_problems_dress_the_pages_again(tmp_path):
    folders = _site(tmp_path)
    site.finish(folders, ["criteria"])
    problems = folders["processed"] / "2020" / "problems.csv"
    problems.write_text("line,code,message\n12,01.01.01,unknown status word\n", encoding="utf-8")
    site.finish(folders, ["criteria"])
    dressed = (folders["reports"] / "2020" / "criteria.html").read_text(encoding="utf-8")
    assert "1 line of the report could not be read" in dressed


def test_a_deleted_index_or_a_new_year_is_written_again(tmp_path):
    folders = _site(tmp_path)
    index = site.finish(folders, ["criteria"])
    index.unlink()
    site.finish(folders, ["criteria"])
    assert index.is_file()
    (folders["reports"] / "2021").mkdir()
    (folders["reports"] / "2021" / "criteria.html").write_text(PAGE, encoding="utf-8")
    site.finish(folders, ["criteria"])
    older = (folders["reports"] / "2020" / "criteria.html").read_text(encoding="utf-8")
    assert "../2021/criteria.html" in older  # the older year's page links the new one
    assert "2021/criteria.html" in index.read_text(encoding="utf-8")
