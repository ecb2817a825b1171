"""Put the ``uv`` installer into ``<folder>/bin/uv``: its wheel for this machine, straight from PyPI.

``make setup`` installs the project with uv (about 10x faster than pip). Where uv is not on
PATH it used to run ``pip install --target .venv/.uv uv``: 5 s, most of it pip starting and
reading the index page that lists every uv file ever released. This reads PyPI's JSON for the
latest release (one request), downloads the one wheel this machine needs, checks its SHA-256
against PyPI's, and extracts the ``uv`` program: about 1.5 s.

It gives up (exit 1, one line on stderr) where it cannot do this as pip would, and the Makefile
then asks pip: an index other than PyPI is configured (pip's or uv's settings), the machine is
not Linux with glibc or macOS on x86_64 or ARM, or the network or the checksum fails.
Usage: ``python tools/fetch_uv.py .venv/.uv`` (prints the path of ``uv``).
"""

from __future__ import annotations

import configparser
import hashlib
import io
import json
import os
import platform
import sys
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

#: PyPI's JSON description of uv's latest release.
RELEASE_URL = "https://pypi.org/pypi/uv/json"
#: Settings that replace PyPI by another index for pip or uv: then pip is asked instead.
INDEX_SETTINGS = ("PIP_INDEX_URL", "UV_INDEX_URL", "UV_DEFAULT_INDEX")
#: pip's configuration files (an index-url in one of them means another index).
PIP_CONFIG_FILES = (
    "/etc/pip.conf",
    "/etc/xdg/pip/pip.conf",
    "~/.config/pip/pip.conf",
    "~/.pip/pip.conf",
)
#: The wheel platform tag for (system, machine), where uv publishes one.
WHEEL_TAGS = {
    ("Linux", "x86_64"): "manylinux_2_17_x86_64",
    ("Linux", "aarch64"): "manylinux_2_17_aarch64",
    ("Darwin", "x86_64"): "macosx_10_12_x86_64",
    ("Darwin", "arm64"): "macosx_11_0_arm64",
}
TIMEOUT = 60


class CannotFetch(Exception):
    """uv cannot be had this way here (the message says why); pip is asked instead."""


def other_index_configured(environ=os.environ, config_files=PIP_CONFIG_FILES) -> str | None:
    """The setting or pip configuration file that replaces PyPI by another index, if any
    (extra indexes leave PyPI in place, as uv's own install of the project does)."""
    for name in INDEX_SETTINGS:
        if environ.get(name):
            return name
    files = [*config_files, environ.get("PIP_CONFIG_FILE", "")]
    for name in filter(None, files):
        path = Path(name).expanduser()
        if not path.is_file():
            continue
        config = configparser.ConfigParser(interpolation=None)
        try:
            config.read(path, encoding="utf-8")
        except configparser.Error:
            return str(path)  # unreadable here: let pip read it
        if any(config.has_option(section, "index-url") for section in config.sections()):
            return str(path)
    return None


def wheel_tag(system: str, machine: str, libc: str) -> str:
    """The platform tag of uv's wheel for this machine."""
    tag = WHEEL_TAGS.get((system, machine))
    if tag is None or (system == "Linux" and libc != "glibc"):
        raise CannotFetch(f"no uv wheel chosen for {system} {machine} {libc}".strip())
    return tag


def pick_wheel(release: dict, tag: str) -> dict:
    """The file entry of ``release`` (PyPI JSON) that is a wheel for the platform ``tag``."""
    for entry in release.get("urls", []):
        name = entry.get("filename", "")
        platforms = name.removesuffix(".whl").split("-")[-1].split(".")
        if entry.get("packagetype") == "bdist_wheel" and tag in platforms:
            return entry
    raise CannotFetch(f"uv {release.get('info', {}).get('version', '?')} has no {tag} wheel")


def uv_program(wheel: bytes, sha256: str) -> bytes:
    """The ``uv`` program inside ``wheel``, once its SHA-256 is ``sha256``."""
    if hashlib.sha256(wheel).hexdigest() != sha256:
        raise CannotFetch("the uv wheel does not match PyPI's SHA-256")
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        for name in archive.namelist():
            if name.endswith(".data/scripts/uv"):
                return archive.read(name)
    raise CannotFetch("the uv wheel holds no uv program")


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 - https only
        return response.read()


def fetch(folder: Path) -> Path:
    """Write ``folder/bin/uv`` (atomically, executable) and return its path."""
    where = other_index_configured()
    if where:
        raise CannotFetch(f"another package index is configured ({where})")
    tag = wheel_tag(platform.system(), platform.machine(), platform.libc_ver()[0])
    entry = pick_wheel(json.loads(download(RELEASE_URL)), tag)
    url = urllib.parse.urljoin(RELEASE_URL, entry["url"])  # a mirror may give it relative
    if not url.startswith("https://"):
        raise CannotFetch(f"not an https address: {url}")
    program = uv_program(download(url), entry["digests"]["sha256"])
    target = folder / "bin" / "uv"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(".uv.partial")
    partial.write_bytes(program)
    partial.chmod(0o755)
    os.replace(partial, target)
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: fetch_uv.py FOLDER", file=sys.stderr)
        return 2
    try:
        print(fetch(Path(argv[0])))
    except (CannotFetch, OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        print(f"fetch_uv: {error}; pip will install uv instead", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
