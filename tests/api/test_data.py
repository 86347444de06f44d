"""Bulk data: one CSV per table, and a zip whose fixture reloads the archive."""

import csv
import io
import zipfile

import pytest
from django.core.management import call_command

from api.data import TABLES

pytestmark = pytest.mark.django_db


def read_csv(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def test_each_table_is_a_csv_with_natural_keys(client, small_archive):
    rows = read_csv(client.get("/data/plenaries.csv").content)
    busan = next(row for row in rows if row["slug"] == "2016-busan")
    assert busan["country"] == "KR"
    assert busan["next_host"] == "LU"
    assert busan["resolutions"] == "2270; 2321"
    assert busan["countries_named"] == "KP; IN; KR"
    assert "id" not in busan and "loaded_digest" not in busan
    citations = read_csv(client.get("/data/citations.csv").content)
    membership = next(row for row in citations if row["key"] == "busan-membership")
    assert membership["membership"] == "IN"
    assert membership["source"] == "busan-2016-statement.txt"
    people = read_csv(client.get("/data/chair-people.csv").content)
    assert {p["chairmanship"] for p in people} == {"2015-netherlands-luxembourg"}


def test_every_table_answers_and_an_unknown_one_is_404(client, small_archive):
    for table in TABLES:
        response = client.get(f"/data/{table}.csv")
        assert response.status_code == 200, table
        assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert client.get("/data/users.csv").status_code == 404


def test_data_page_links_the_zip_and_every_table(client, small_archive):
    response = client.get("/data/")
    assert 'href="/data/archive.zip"' in response.text
    for table in TABLES:
        assert f'href="/data/{table}.csv"' in response.text


def test_the_zip_reloads_into_an_empty_database(
    client, small_archive, tmp_path, settings
):
    """archive.json in the zip is a fixture load_archive takes: emptied, then
    reloaded from it, the database holds the same records again."""
    settings.PAGE_CACHE_SECONDS = 0  # every table read from the database
    response = client.get("/data/archive.zip")
    assert response["Content-Type"] == "application/zip"
    bundle = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(bundle.namelist())
    assert "mtcr-archive/archive.json" in names
    assert {f"mtcr-archive/csv/{table}.csv" for table in TABLES} <= names
    before = {table: client.get(f"/data/{table}.csv").content for table in TABLES}

    for model in reversed(TABLES.values()):
        model.objects.all().delete()
    assert all(not model.objects.exists() for model in TABLES.values())
    (tmp_path / "archive.json").write_bytes(bundle.read("mtcr-archive/archive.json"))
    call_command("load_archive", "--fixtures", str(tmp_path), verbosity=0)

    after = {table: client.get(f"/data/{table}.csv").content for table in TABLES}
    assert after == before
