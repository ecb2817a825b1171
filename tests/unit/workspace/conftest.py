"""Fixtures of the workspace tests."""

import shutil

import pytest

from apanalysis import paths


@pytest.fixture
def raw(tmp_path):
    """A raw folder holding a copy of the 2020 report (evaluators' files are written beside it)."""
    folder = tmp_path / "raw" / "2020"
    folder.mkdir(parents=True)
    shutil.copy(paths.RAW_DIR / "2020" / "report.txt", folder / "report.txt")
    return tmp_path / "raw"
