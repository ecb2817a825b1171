"""Shared, expensive fixtures: full builds through the CLI, made once per test session.

Every test under ``tests/build/`` builds notebooks end to end and is marked ``slow``
(``make test-fast`` leaves them out; ``make test`` runs everything).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.e2e import INJECTED_RAW, Build, cli_build, default_raw

BUILD_TESTS = Path(__file__).resolve().parent / "build"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BUILD_TESTS in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def build_2020(tmp_path_factory) -> Build:
    """``apanalysis build --force --year 2020`` of a copy of data/raw into temporary folders."""
    return cli_build(default_raw(), tmp_path_factory.mktemp("build-2020"))


@pytest.fixture(scope="session")
def build_injected(tmp_path_factory) -> Build:
    """The same build of tests/fixtures/injected (the 2020 report with HTML/JS payloads)."""
    return cli_build(INJECTED_RAW, tmp_path_factory.mktemp("build-injected"))
