"""tools/fetch_uv.py: the uv wheel for this machine, checked against PyPI's SHA-256 (no network:
the release description and the wheel are made here)."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import zipfile

import pytest
from helpers import PROJECT_ROOT

SPEC = importlib.util.spec_from_file_location("fetch_uv", PROJECT_ROOT / "tools" / "fetch_uv.py")
fetch_uv = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(fetch_uv)

# File names as PyPI lists them for uv 0.13.9 (read on pypi.org, 2026-11-30).
FILES = [
    "uv-0.13.9-py3-none-macosx_11_0_arm64.whl",
    "uv-0.13.9-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.musllinux_1_1_aarch64.whl",
    "uv-0.13.9-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "uv-0.13.9-py3-none-musllinux_1_1_x86_64.whl",
    "uv-0.13.9.tar.gz",
]
RELEASE = {
    "info": {"version": "0.13.9"},
    "urls": [
        {"filename": name, "packagetype": "sdist" if name.endswith(".gz") else "bdist_wheel"}
        for name in FILES
    ],
}


@pytest.mark.parametrize(
    ("system", "machine", "libc", "wheel"),
    [
        ("Linux", "x86_64", "glibc", FILES[2]),
        ("Linux", "aarch64", "glibc", FILES[1]),
        ("Darwin", "arm64", "", FILES[0]),
    ],
)
def test_the_wheel_of_this_machine_is_picked(system, machine, libc, wheel):
    tag = fetch_uv.wheel_tag(system, machine, libc)
    assert fetch_uv.pick_wheel(RELEASE, tag)["filename"] == wheel


@pytest.mark.parametrize(
    ("system", "machine", "libc"),
    [("Linux", "x86_64", "musl"), ("Linux", "riscv64", "glibc"), ("Windows", "AMD64", "")],
)
def test_other_machines_are_left_to_pip(system, machine, libc):
    with pytest.raises(fetch_uv.CannotFetch):
        fetch_uv.wheel_tag(system, machine, libc)


def _wheel(program: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("uv/__init__.py", "")
        archive.writestr("uv-0.13.9.data/scripts/uv", program)
    return buffer.getvalue()


def test_the_program_is_taken_from_a_wheel_whose_checksum_matches():
    wheel = _wheel(b"\x7fELF uv")
    assert fetch_uv.uv_program(wheel, hashlib.sha256(wheel).hexdigest()) == b"\x7fELF uv"
    with pytest.raises(fetch_uv.CannotFetch, match="SHA-256"):
        fetch_uv.uv_program(wheel, hashlib.sha256(b"another file").hexdigest())


def test_an_index_other_than_pypi_is_left_to_pip(tmp_path):
    def configured(environ):
        return fetch_uv.other_index_configured(environ, config_files=())

    assert configured({"PIP_INDEX_URL": "https://mirror/simple"}) == "PIP_INDEX_URL"
    assert configured({"UV_DEFAULT_INDEX": "https://mirror/simple"}) == "UV_DEFAULT_INDEX"
    extra = tmp_path / "extra.conf"  # as on the CI machine: PyPI stays the index
    extra.write_text("[global]\nextra-index-url = file:///opt/pypi/simple\n", encoding="utf-8")
    assert configured({"PIP_CONFIG_FILE": str(extra)}) is None
    replaced = tmp_path / "replaced.conf"
    replaced.write_text("[install]\nindex-url = https://mirror/simple\n", encoding="utf-8")
    assert configured({"PIP_CONFIG_FILE": str(replaced)}) == str(replaced)
