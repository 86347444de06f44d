"""Publishing a data release: `manage.py release <version>` (see api.releases).

The release is written into a hidden temporary folder beside the others and
renamed into place at the end, so it is there whole or not at all; a version
that exists is refused before anything is written.
"""

import datetime
import os
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from core.addresses import absolute_url
from core.records import archive_changed

from . import data, datapackage
from .releases import (
    DESCRIPTOR,
    SUMS,
    Release,
    ReleaseError,
    check_version,
    read_release,
    releases_dir,
    zip_name,
)


@contextmanager
def snapshot():
    """Every table read in one transaction, so the files agree with each other.
    On PostgreSQL it is REPEATABLE READ, where the release opens it."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def write_zip(folder, version, created, names):
    """The package's files in one zip, under a folder named by the version."""
    stamp = created.timetuple()[:6]
    with zipfile.ZipFile(folder / zip_name(version), "w") as bundle:
        for name in names:
            entry = zipfile.ZipInfo(f"mtcr-archive-{version}/{name}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, (folder / name).read_bytes())


def write_sums(folder, names):
    lines = [f"{datapackage.checksum(folder / name)}  {name}\n" for name in names]
    (folder / SUMS).write_text("".join(lines), encoding="utf-8")


def write_release(folder, version, created):
    url = absolute_url(reverse("api:release", kwargs={"version": version}))
    with snapshot():
        package = datapackage.write_package(folder, version, created, url)
    names = [DESCRIPTOR, *(resource["path"] for resource in package["resources"])]
    write_zip(folder, version, created, names)
    write_sums(folder, [*names, zip_name(version)])


def publish(version, now=None):
    """Write release `version` of the archive as it is in the database.

    Raises ReleaseError, having written nothing, for a malformed version, one that
    exists, or an empty archive; any other failure also leaves nothing behind.
    """
    check_version(version)
    root = releases_dir()
    final = root / version
    if final.exists():
        raise ReleaseError(
            f"Release {version} exists ({final}): a release is never rewritten. "
            "Choose another version."
        )
    if not any(model.objects.exists() for model in data.TABLES.values()):
        raise ReleaseError("The archive is empty: load it first (load_archive).")
    created = (now or timezone.now()).astimezone(datetime.UTC).replace(microsecond=0)
    root.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{version}-", suffix=".partial", dir=root))
    try:
        partial.chmod(0o755)  # mkdtemp's folder is its owner's only
        write_release(partial, version, created)
        try:
            os.rename(partial, final)
        except OSError as error:
            if final.exists():  # another release of that version came first
                raise ReleaseError(f"Release {version} exists ({final}).") from error
            raise
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    # The pages naming the releases (/data/, /data/releases/) are cached.
    archive_changed.send(sender=Release, version=version)
    return read_release(final)
