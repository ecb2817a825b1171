"""Helpers shared by the tests: folders of fixtures, the CLI in a subprocess, small frames.

- :mod:`helpers.e2e`: the CLI in a subprocess, builds into temporary folders, file hashes.
- :mod:`helpers.analysis_fixtures`: small hand-made tables for the analysis and display tests.
- :mod:`helpers.trend_fixtures`: two small years for the trends tests.
"""

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]
FIXTURES_DIR = TESTS_DIR / "fixtures"
PROJECT_ROOT = TESTS_DIR.parent
REPORT_2020 = PROJECT_ROOT / "data" / "raw" / "2020" / "report.txt"
