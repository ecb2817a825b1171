"""When a notebook must run again: its inputs, and the manifest of the last builds.

``reports/manifest.json`` records, per report folder and notebook, the inputs its outputs were
built from (hashes of the raw report, the evaluator's file, the notebook, the library's code, and
the parameters). A notebook whose recorded inputs equal the current ones, and whose outputs
exist, is up to date.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apanalysis import files, paths

MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class Job:
    """One notebook to bring up to date, and the inputs it is built from. ``group`` is the
    year (or ``trends``): the folder under reports/ and the key in the manifest."""

    group: str
    name: str
    source: Path
    parameters: Mapping[str, Any]
    inputs: Mapping[str, Any]


def _sha256_or_empty(path: Path) -> str:
    """The file's SHA-256, or ``""`` when there is no such file (an optional input)."""
    return files.file_sha256(path) if Path(path).is_file() else ""


def job_inputs(
    years: Sequence[int], source: Path, raw_dir: Path, parameters: Mapping[str, Any]
) -> dict:
    """What a notebook's output depends on: the years' raw reports and annotations, the
    notebook, the library, the parameters. A change to any of them, and only that, makes the
    notebook run again."""
    from apanalysis import __version__
    from apanalysis.source.reader import find_report

    def year_inputs(year: int) -> dict:
        year_raw = paths.year_dir(year, raw_dir)
        assessments = [_sha256_or_empty(year_raw / name) for name in paths.ASSESSMENT_FILES]
        return {
            "report": _sha256_or_empty(find_report(year, raw_dir)),
            "assessment": "+".join(filter(None, assessments)),
        }

    inputs = (
        year_inputs(years[0])
        if len(years) == 1
        else {str(year): year_inputs(year) for year in years}
    )
    return {
        **inputs,
        "notebook": _sha256_or_empty(source),
        "library": f"{__version__}+{files.code_fingerprint()}",
        "parameters": dict(parameters),
    }


def read_manifest(reports_dir: Path) -> dict:
    """The inputs each report was last built from (``reports/manifest.json``)."""
    try:
        return json.loads((Path(reports_dir) / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_current(job: Job, manifest: Mapping, reports_dir: Path) -> bool:
    """Whether ``job``'s outputs exist and were built from its current inputs."""
    out_dir = Path(reports_dir) / job.group
    outputs = [out_dir / f"{job.name}.html", out_dir / f"{job.name}.ipynb"]
    recorded = manifest.get(job.group, {}).get(job.name)
    return recorded == job.inputs and all(p.is_file() for p in outputs)


def record(manifest: dict, jobs: Sequence[Job], reports_dir: Path) -> None:
    """Add ``jobs``' inputs to ``manifest`` and write it (atomically)."""
    for job in jobs:
        manifest.setdefault(job.group, {})[job.name] = job.inputs
    _write(manifest, reports_dir)


def record_site(reports_dir: Path, key: str, stamp: str) -> None:
    """Record ``stamp`` under ``key`` in the manifest (what the site was last finished from)."""
    manifest = read_manifest(reports_dir)
    manifest[key] = stamp
    _write(manifest, reports_dir)


def _write(manifest: Mapping, reports_dir: Path) -> None:
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False)
    files.write_text(Path(reports_dir) / MANIFEST_FILE, text + "\n")
