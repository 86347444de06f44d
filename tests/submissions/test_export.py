"""The round trip: a document added in admin, exported to sources/, rebuilt by
build_fixtures and load_archive into an empty database, gives the same archive."""

import json
import shutil

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection

from ingest import tables
from ingest.catalogue import read_catalogue
from ingest.decisions import read_decisions
from submissions.models import Submission
from tests.submissions.conftest import (
    BUSAN_COPY,
    add_document,
    field_of,
    review_data,
    review_url,
)

pytestmark = pytest.mark.django_db


def records():
    """Every record of the archive by natural keys, as a sorted list of JSON."""
    rows = []
    for table in tables.TABLES:
        model = apps.get_model(table.label)
        for item in serializers.serialize(
            "python",
            model.objects.all(),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        ):
            item["fields"].pop("loaded_digest", None)
            for name, value in item["fields"].items():
                if isinstance(value, list):
                    item["fields"][name] = sorted(value, key=json.dumps)
            rows.append(json.dumps(item, sort_keys=True, default=str))
    return sorted(rows)


def empty_the_database():
    """Inside the test's transaction: PostgreSQL truncates no table with
    constraint checks still deferred, so they are run first."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def publish_through_admin(client, **overrides):
    add_document(client, **overrides)
    submission = Submission.objects.latest("pk")
    response = client.get(review_url(submission))
    data = review_data(response)
    return submission, response, data


def round_trip(client, settings, tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, sources)
    settings.SOURCES_DIR = sources
    # A new plenary, one fact rejected and one corrected.
    submission, response, data = publish_through_admin(client)
    data[field_of(response, "plenary.regions[0]")] = "reject"
    data[field_of(response, "plenary.opened_by", "value")] = "Ms. Aroha Tane"
    client.post(review_url(submission), {**data, "_publish": "1"})
    # Another witness of a plenary the archive holds.
    witness, _, data = publish_through_admin(
        client, title="Busan host copy", text=BUSAN_COPY, published="2016-10"
    )
    client.post(review_url(witness), {**data, "_publish": "1"})
    assert Submission.objects.published().count() == 2
    published = records()

    call_command("export_sources", sources=sources, verbosity=0)
    catalogued = {entry.file: entry for entry in read_catalogue(sources)}
    assert catalogued[submission.file_name].published.claim == "2031-10-17"
    assert (sources / submission.file_name).read_text() == submission.text
    assert read_decisions(sources, submission.file_name) == {
        "plenary.opened_by": {
            "action": "correct",
            "value": "Ms. Aroha Tane",
            "parsed": "The Minister of Foreign Affairs of New Zealand, Ms. Aroha Tane",
        },
        "plenary.regions[0]": {
            "action": "reject",
            "parsed": "Northeast Asia, Middle East",
        },
    }
    # Exported twice: nothing more is written.
    before = (sources / "catalogue.toml").read_text()
    call_command("export_sources", sources=sources, verbosity=0)
    assert (sources / "catalogue.toml").read_text() == before

    fixtures = tmp_path / "fixtures"
    call_command("build_fixtures", sources=sources, output=fixtures, verbosity=0)
    empty_the_database()
    assert not records()
    call_command("load_archive", fixtures=str(fixtures), verbosity=0)
    assert records() == published


def test_an_archive_exported_and_rebuilt_is_the_archive_published(
    real_archive, editor_client, settings, tmp_path
):
    round_trip(editor_client, settings, tmp_path)


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's round trip: run with a postgres:// DATABASE_URL",
)
def test_the_round_trip_holds_on_postgresql(
    real_archive, editor_client, settings, tmp_path
):
    round_trip(editor_client, settings, tmp_path)


def test_fixtures_without_a_published_document_are_refused_and_change_nothing(
    real_archive, editor_client, settings, tmp_path
):
    """Until export_sources writes it to sources/, a published document lives in
    the database alone: fixtures built without it would remove its records."""
    sources = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, sources)
    settings.SOURCES_DIR = sources
    submission, response, data = publish_through_admin(editor_client)
    editor_client.post(review_url(submission), {**data, "_publish": "1"})
    assert Submission.objects.published().count() == 1
    published = records()

    with pytest.raises(CommandError, match="export_sources") as refused:
        call_command("load_archive", verbosity=0)  # the repository's fixtures/
    assert submission.file_name in str(refused.value)
    assert records() == published

    # Exported and rebuilt, the same fixtures folder loads.
    call_command("export_sources", sources=sources, verbosity=0)
    fixtures = tmp_path / "fixtures"
    call_command("build_fixtures", sources=sources, output=fixtures, verbosity=0)
    call_command("load_archive", fixtures=str(fixtures), verbosity=0)
    assert records() == published
