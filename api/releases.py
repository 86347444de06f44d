"""Data releases: numbered, dated copies of the whole archive that never change.

A release is a folder of settings.RELEASES_DIR named by its version:

    2026.12.06/
        datapackage.json              the Data Package descriptor (api.datapackage)
        archive.json                  the fixture, loadable by load_archive
        data/<table>.csv              one CSV per table
        mtcr-archive-2026.12.06.zip   the three above, under mtcr-archive-2026.12.06/
        SHA256SUMS                    every file above (`sha256sum -c SHA256SUMS`)

`manage.py release <version>` writes it once (api.publish). The site serves only
the versions the folder lists and, of each, the files its SHA256SUMS names: a
name from a request is used only once found in those lists, never as a path.
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.urls import reverse

VERSION_FORMATS = (
    "a semantic version such as 1.2.0, or a date as YYYY.MM.DD such as 2026.12.06"
)
SEMANTIC = re.compile(r"(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})")
CALENDAR = re.compile(r"([0-9]{4})\.([0-9]{2})\.([0-9]{2})")
SUMS = "SHA256SUMS"
DESCRIPTOR = "datapackage.json"
CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".zip": "application/zip",
}


class ReleaseError(Exception):
    """A release that cannot be made; nothing was written."""


def check_version(version):
    """The version if it is one (semantic, or a real day as YYYY.MM.DD), else
    ReleaseError saying what a version looks like."""
    if SEMANTIC.fullmatch(version):
        return version
    day = CALENDAR.fullmatch(version)
    if day:
        try:
            datetime.date(*map(int, day.groups()))
            return version
        except ValueError:
            pass
    raise ReleaseError(f"“{version}” is not a release version: use {VERSION_FORMATS}.")


def is_version(name):
    try:
        check_version(name)
    except ReleaseError:
        return False
    return True


def zip_name(version):
    return f"mtcr-archive-{version}.zip"


@dataclass(frozen=True)
class ReleaseFile:
    """One file of a release: its path in the release, size and checksum."""

    name: str
    size: int
    sha256: str

    @property
    def basename(self):
        return PurePosixPath(self.name).name

    @property
    def content_type(self):
        suffix = PurePosixPath(self.name).suffix
        return CONTENT_TYPES.get(suffix, "text/plain; charset=utf-8")


@dataclass(frozen=True)
class Release:
    """A release as its folder holds it."""

    version: str
    created: datetime.datetime
    folder: Path
    files: tuple[ReleaseFile, ...]

    def __str__(self):
        return f"Data release {self.version}"

    def get_absolute_url(self):
        return reverse("api:release", kwargs={"version": self.version})

    def file(self, name):
        """The release's file of that name, or None: never any other path."""
        return next((each for each in self.files if each.name == name), None)

    @property
    def zip(self):
        return self.file(zip_name(self.version))

    @property
    def size(self):
        """The package's bytes: every file but the zip, which repeats them."""
        return sum(each.size for each in self.files if each != self.zip)


def releases_dir():
    return Path(settings.RELEASES_DIR)


def file_sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def safe_name(name):
    """A relative path inside the release, as the release writes them."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def read_release(folder):
    """The release in `folder`, or None where it is not a whole release."""
    try:
        package = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
        created = datetime.datetime.fromisoformat(package["created"])
        files = []
        for line in (folder / SUMS).read_text(encoding="utf-8").splitlines():
            digest, _, name = line.partition("  ")
            if not safe_name(name):
                return None
            files.append(ReleaseFile(name, (folder / name).stat().st_size, digest))
        sums = folder / SUMS
        files.append(ReleaseFile(SUMS, sums.stat().st_size, file_sha256(sums)))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Release(folder.name, created, folder, tuple(files))


def versions():
    """The versions in the releases folder (hidden partial ones left out)."""
    root = releases_dir()
    if not root.is_dir():
        return []
    return [entry.name for entry in root.iterdir() if is_version(entry.name)]


def all_releases():
    """Every release, the newest first."""
    found = (read_release(releases_dir() / version) for version in versions())
    return sorted(
        (release for release in found if release is not None),
        key=lambda release: (release.created, release.version),
        reverse=True,
    )


def latest():
    releases = all_releases()
    return releases[0] if releases else None


def find(version):
    """The release of that version, if the folder lists it; else None."""
    if version not in versions():
        return None
    return read_release(releases_dir() / version)
