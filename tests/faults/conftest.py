"""Scratch databases and a large generated fixture set for the fault tests.

The fault tests drive manage.py in a child process against a database of their
own, so that killing it or making its database refuse writes touches nothing else.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def generated_archive(plenaries, city="City"):
    """Enough records that a load takes a few seconds: plenaries with citations."""
    records = [
        {
            "model": "members.country",
            "fields": {"name": "Argentina", "iso_code": "AR", "slug": "argentina"},
        },
        {
            "model": "evidence.sourcedocument",
            "fields": {
                "file_name": "generated.txt",
                "slug": "generated",
                "title": "Generated",
                "kind": "overview",
                "text": "The plenary was held.",
            },
        },
    ]
    for number in range(1, plenaries + 1):
        slug = f"{1000 + number}-city-{number}"
        records.append(
            {
                "model": "plenaries.plenary",
                "fields": {
                    "slug": slug,
                    "number": number,
                    "city": f"{city} {number}",
                    "country": ["AR"],
                    "start_date": "2000-01-01",
                    "end_date": "2000-01-02",
                },
            }
        )
        records.append(
            {
                "model": "evidence.citation",
                "fields": {
                    "key": f"generated.txt#{slug}",
                    "source": ["generated.txt"],
                    "passage": "The plenary was held.",
                    "plenary": [slug],
                },
            }
        )
    return records


def write_fixtures(folder, records):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "archive.json").write_text(json.dumps(records))
    return folder


@pytest.fixture
def scratch_database_url(tmp_path):
    """A fresh, migrated database of the backend the suite runs on."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        import psycopg

        server, _, _ = base.rpartition("/")
        name = f"mtcr_fault_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'fault.sqlite3'}"
    manage(url, "migrate", "-v0")
    yield url
    if base.startswith("postgres"):
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


FREE_BYTES = 256 * 1024  # left on the small disk once the database is migrated


@pytest.fixture
def database_on_a_full_disk(tmp_path):
    """A migrated PostgreSQL database in a tablespace on a 64 MB filesystem of its
    own, filled up to its last 256 kB: the next big write meets a full disk.

    Needs the suite's PostgreSQL on this machine and root (to mount the tmpfs).
    """
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("PostgreSQL's full disk; SQLite's is simulated above")
    if "@127.0.0.1" not in base and "@localhost" not in base:
        pytest.skip("the tablespace must be on the PostgreSQL server's own disk")
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small filesystem needs root")
    import psycopg

    disk = tmp_path / "small-disk"
    disk.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", str(disk)],
        check=True,
    )
    server, _, _ = base.rpartition("/")
    suffix = uuid.uuid4().hex[:8]
    name, space = f"mtcr_full_{suffix}", f"mtcr_small_disk_{suffix}"
    admin = psycopg.connect(f"{server}/postgres", autocommit=True)
    try:
        shutil.chown(disk, "postgres", "postgres")
        # The tablespace's path is the PostgreSQL server's, on the same machine.
        tmp_path.chmod(0o755)
        for parent in tmp_path.parents:
            if parent.stat().st_mode & 0o001 == 0:
                parent.chmod(parent.stat().st_mode | 0o001)
        admin.execute(f"CREATE TABLESPACE \"{space}\" LOCATION '{disk}'")
        admin.execute(f'CREATE DATABASE "{name}" TABLESPACE "{space}"')
        url = f"{server}/{name}"
        manage(url, "migrate", "-v0")
        free = os.statvfs(disk)
        filler = free.f_bavail * free.f_frsize - FREE_BYTES
        with open(disk / "filler", "wb") as stuffing:
            stuffing.truncate(0)
            for _ in range(filler // (1 << 20)):
                stuffing.write(b"\0" * (1 << 20))
            stuffing.write(b"\0" * (filler % (1 << 20)))
        yield url
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'DROP TABLESPACE IF EXISTS "{space}"')
        admin.close()
        subprocess.run(["umount", str(disk)], check=False)


def child_env(database_url, **extra):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def manage(database_url, *args, check=True, **extra):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=child_env(database_url, **extra),
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )
