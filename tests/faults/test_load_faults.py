"""A load that is killed or refused leaves the data as it was."""

import os
import signal
import subprocess
import sys

import pytest

from .conftest import (
    ROOT,
    child_env,
    generated_archive,
    manage,
    write_fixtures,
)

pytestmark = [pytest.mark.slow]


def database_state(database_url):
    """Every plenary's slug and city, read straight from the database."""
    script = (
        "from plenaries.models import Plenary; from evidence.models import Citation;"
        "print(Citation.objects.count());"
        "print(sorted(Plenary.objects.values_list('slug', 'city')))"
    )
    return manage(database_url, "shell", "-c", script).stdout


def test_load_killed_half_way_leaves_the_database_exactly_as_before(
    tmp_path, scratch_database_url
):
    manage(
        scratch_database_url,
        "load_archive",
        "--fixtures",
        str(write_fixtures(tmp_path / "v1", generated_archive(2000))),
    )
    before = database_state(scratch_database_url)
    newer = write_fixtures(tmp_path / "v2", generated_archive(2000, city="Renamed"))
    child = subprocess.Popen(
        [sys.executable, "manage.py", "load_archive", "--fixtures", str(newer)],
        cwd=ROOT,
        env=child_env(scratch_database_url),
        stdout=subprocess.PIPE,
        text=True,
    )
    # The first progress line means the transaction is open and writing.
    first_line = child.stdout.readline()
    assert first_line.startswith("members.country"), first_line
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    after = database_state(scratch_database_url)
    assert after == before
    assert "Renamed" not in after


def test_read_only_database_gives_a_clear_error_and_no_partial_data(
    tmp_path, scratch_database_url
):
    fixtures = write_fixtures(tmp_path / "fx", generated_archive(20))
    before = database_state(scratch_database_url)
    if scratch_database_url.startswith("postgres"):
        read_only = {"PGOPTIONS": "-c default_transaction_read_only=on"}
    else:
        read_only = {"DJANGO_SETTINGS_MODULE": "tests.faults.readonly_settings"}
    result = manage(
        scratch_database_url,
        "load_archive",
        "--fixtures",
        str(fixtures),
        check=False,
        **read_only,
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "the database refused the load" in last_line
    assert "Nothing was changed" in last_line
    assert "Traceback" not in result.stderr
    assert database_state(scratch_database_url) == before


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="SQLite's full disk; PostgreSQL's is the test below",
)
def test_full_database_gives_a_clear_error_and_no_partial_data(
    tmp_path, scratch_database_url
):
    fixtures = write_fixtures(tmp_path / "fx", generated_archive(400))
    before = database_state(scratch_database_url)
    result = manage(
        scratch_database_url,
        "load_archive",
        "--fixtures",
        str(fixtures),
        check=False,
        DJANGO_SETTINGS_MODULE="tests.faults.full_disk_settings",
    )
    assert result.returncode != 0
    assert "full" in result.stderr.strip().splitlines()[-1]
    assert "Traceback" not in result.stderr
    assert database_state(scratch_database_url) == before


@pytest.mark.postgres
def test_full_disk_under_postgresql_gives_a_clear_error_and_no_partial_data(
    tmp_path, database_on_a_full_disk
):
    """A real full disk: the database lives on a small filesystem of its own."""
    fixtures = write_fixtures(tmp_path / "fx", generated_archive(2000))
    before = database_state(database_on_a_full_disk)
    result = manage(
        database_on_a_full_disk,
        "load_archive",
        "--fixtures",
        str(fixtures),
        check=False,
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "the database refused the load" in last_line
    assert "No space left on device" in last_line
    assert "Nothing was changed" in last_line
    assert "Traceback" not in result.stderr
    assert database_state(database_on_a_full_disk) == before
