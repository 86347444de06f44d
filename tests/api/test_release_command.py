"""`manage.py release <version>`: a data release of the small archive, written
whole or not at all, never rewritten."""

import json
import zipfile

import frictionless
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api import publish as publishing
from api.data import EDTF, TABLES, columns
from api.datapackage import KEYS
from tests.api.releasing import (
    csv_rows,
    descriptor,
    sha256,
    tree,
)

pytestmark = pytest.mark.django_db

VERSION = "2026.12.06"


@pytest.fixture
def released(small_archive, releases_dir):
    call_command("release", VERSION, verbosity=0)
    return releases_dir / VERSION


def test_the_release_is_a_valid_data_package(released):
    """frictionless finds the package valid: every CSV matches its Table Schema
    (types, primary keys unique, foreign keys found), and every file its size and
    checksum."""
    report = frictionless.validate(str(released / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_frictionless_notices_a_file_changed_after_the_release(released):
    """The validation above means something: one changed cell breaks the CSV's
    size and checksum, and a duplicated row its primary key."""
    path = released / "data" / "countries.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    report = frictionless.validate(str(released / "datapackage.json"))
    assert not report.valid
    assert {"hash-count", "byte-count", "primary-key"} <= {
        error_type for (error_type,) in report.flatten(["type"])
    }


def test_every_table_and_every_column_is_described(released):
    package = descriptor(released)
    assert package["version"] == VERSION
    assert package["created"].endswith("Z")
    assert package["id"] == f"http://testserver/data/releases/{VERSION}/"
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {"archive", *TABLES}
    for name, model in TABLES.items():
        resource = resources[name]
        assert resource["path"] == f"data/{name}.csv"
        assert resource["mediatype"] == "text/csv"
        fields, many = columns(model)
        header = csv_rows(released / resource["path"])[0]
        described = [field["name"] for field in resource["schema"]["fields"]]
        dated = list(EDTF[model])
        assert described == header == [field.name for field in fields + many] + dated
        for field in resource["schema"]["fields"]:
            assert field["type"] in {"string", "integer", "boolean", "date"}, field
            assert field["title"], field
        assert resource["schema"]["primaryKey"] == list(KEYS[name])


def test_related_records_are_foreign_keys_by_natural_key(released):
    resources = {r["name"]: r for r in descriptor(released)["resources"]}
    plenaries = resources["plenaries"]["schema"]
    assert {
        "fields": "country",
        "reference": {"resource": "countries", "fields": "iso_code"},
    } in plenaries["foreignKeys"]
    citations = resources["citations"]["schema"]
    references = {key["fields"]: key["reference"] for key in citations["foreignKeys"]}
    assert references["membership"] == {"resource": "memberships", "fields": "country"}
    assert references["source"] == {"resource": "sources", "fields": "file_name"}
    # An adherence's key has two parts, written "KR/unilateral": described, not
    # a foreign key.
    assert "adherence" not in references
    adherence = next(f for f in citations["fields"] if f["name"] == "adherence")
    assert "joined with '/'" in adherence["description"]
    countries_named = next(
        f for f in plenaries["fields"] if f["name"] == "countries_named"
    )
    assert "Joined with '; '" in countries_named["description"]


def test_each_primary_key_is_the_records_natural_key(released):
    """The primary key columns of each row, joined as the CSV joins a key, are its
    record's natural_key(): KEYS agrees with the models."""
    for name, model in TABLES.items():
        rows = csv_rows(released / "data" / f"{name}.csv")
        header, body = rows[0], rows[1:]
        positions = [header.index(column) for column in KEYS[name]]
        in_csv = {"/".join(row[i] for i in positions) for row in body}
        in_db = {
            "/".join(str(part) for part in record.natural_key())
            for record in model.objects.all()
        }
        assert in_csv == in_db, name


def test_sizes_and_checksums_match_the_files(released):
    for resource in descriptor(released)["resources"]:
        path = released / resource["path"]
        assert resource["bytes"] == path.stat().st_size
        assert resource["hash"] == f"sha256:{sha256(path)}"
    sums = dict(
        reversed(line.split("  ", 1))
        for line in (released / "SHA256SUMS").read_text().splitlines()
    )
    files = {
        str(path.relative_to(released))
        for path in released.rglob("*")
        if path.is_file()
    }
    assert set(sums) == files - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert sha256(released / name) == digest, name


def test_the_zip_holds_the_package_as_written(released):
    bundle = zipfile.ZipFile(released / f"mtcr-archive-{VERSION}.zip")
    prefix = f"mtcr-archive-{VERSION}/"
    package = descriptor(released)
    expected = ["datapackage.json", *(r["path"] for r in package["resources"])]
    assert bundle.namelist() == [prefix + name for name in expected]
    for name in expected:
        assert bundle.read(prefix + name) == (released / name).read_bytes()


def test_the_fixture_holds_every_row_of_the_tables(released):
    records = json.loads((released / "archive.json").read_text(encoding="utf-8"))
    for name, model in TABLES.items():
        rows = len(csv_rows(released / "data" / f"{name}.csv")) - 1
        assert rows == model.objects.count() > 0, name
        assert sum(r["model"] == model._meta.label_lower for r in records) == rows


def test_a_version_that_exists_is_refused_and_nothing_changes(released):
    before = tree(released.parent)
    with pytest.raises(CommandError, match=f"Release {VERSION} exists"):
        call_command("release", VERSION, verbosity=0)
    assert tree(released.parent) == before
    assert [path.name for path in released.parent.iterdir()] == [VERSION]


@pytest.mark.parametrize(
    "version",
    [
        "1.0",
        "v1.0.0",
        "1.0.0-rc.1",
        "01.2.3",
        "2026.13.01",
        "2026.02.30",
        "2026-12-06",
        "..",
        "../1.0.0",
        "1.0.0/",
        " 1.0.0",
        "",
    ],
)
def test_a_malformed_version_is_refused_and_nothing_is_written(
    small_archive, releases_dir, version
):
    with pytest.raises(CommandError, match="is not a release version: use"):
        call_command("release", version, verbosity=0)
    assert not releases_dir.exists()


@pytest.mark.parametrize("version", ["0.1.0", "1.12.3", "2026.12.06", "2024.02.29"])
def test_semantic_and_calendar_versions_are_taken(small_archive, releases_dir, version):
    call_command("release", version, verbosity=0)
    assert (releases_dir / version / "datapackage.json").is_file()


def test_a_failure_half_way_leaves_no_half_release(
    small_archive, releases_dir, monkeypatch
):
    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publishing, "write_zip", disk_full)
    with pytest.raises(OSError, match="No space left"):
        call_command("release", VERSION, verbosity=0)
    assert list(releases_dir.iterdir()) == []


def test_an_empty_archive_is_not_released(db, releases_dir):
    with pytest.raises(CommandError, match="The archive is empty"):
        call_command("release", VERSION, verbosity=0)
    assert not releases_dir.exists()


def test_the_command_reports_the_files_and_their_checksums(
    small_archive, releases_dir, capsys
):
    call_command("release", "1.0.0")
    out = capsys.readouterr().out
    assert f"Released 1.0.0 to {releases_dir / '1.0.0'}" in out
    digest = sha256(releases_dir / "1.0.0" / "datapackage.json")
    assert f"{digest}  datapackage.json" in out


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_release_reads_the_tables_in_one_snapshot(
    small_archive, releases_dir
):
    """Outside any transaction (as the command runs), every table is read in one
    REPEATABLE READ transaction: the CSVs and archive.json agree even while staff
    edit."""
    with CaptureQueriesContext(connection) as queries:
        call_command("release", VERSION, verbosity=0)
    statements = [query["sql"] for query in queries.captured_queries]
    opening = statements.index("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    assert statements[opening - 1] == "BEGIN"
    closing = statements.index("COMMIT", opening)
    reads = statements[opening + 1 : closing]
    assert len(reads) > len(TABLES)
    assert all(sql.startswith("SELECT") for sql in reads)
    assert frictionless.validate(str(releases_dir / VERSION / "datapackage.json")).valid
