"""Shared, expensive fixtures: full builds through the CLI, made once per test session."""

from __future__ import annotations

import pytest
from e2e_helpers import INJECTED_RAW, Build, cli_build, default_raw


@pytest.fixture(scope="session")
def build_2020(tmp_path_factory) -> Build:
    """``apanalysis build --force --year 2020`` of a copy of data/raw into temporary folders."""
    return cli_build(default_raw(), tmp_path_factory.mktemp("build-2020"))


@pytest.fixture(scope="session")
def build_injected(tmp_path_factory) -> Build:
    """The same build of tests/fixtures/injected (the 2020 report with HTML/JS payloads)."""
    return cli_build(INJECTED_RAW, tmp_path_factory.mktemp("build-injected"))
