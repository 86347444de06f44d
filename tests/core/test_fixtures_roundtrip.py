"""Fixtures carry no database ids: dump with natural keys, load into an empty
database, and every record comes back the same, field by field."""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db

# Every model of the archive, in an order that deletes dependants first.
ARCHIVE_MODELS = [
    "evidence.Citation",
    "plenaries.ChairPerson",
    "plenaries.Chairmanship",
    "plenaries.Event",
    "annex.AnnexRevision",
    "evidence.SourceDocument",
    "plenaries.Plenary",
    "plenaries.Resolution",
    "members.Membership",
    "members.Adherence",
    "members.Region",
    "members.Country",
]


def natural(obj):
    return None if obj is None else tuple(obj.natural_key())


def snapshot():
    """Every archive record by natural key: its fields, relations as natural keys."""
    records = {}
    for label in ARCHIVE_MODELS:
        model = apps.get_model(label)
        for obj in model.objects.all():
            fields = {}
            for field in model._meta.concrete_fields:
                if field.primary_key:
                    continue
                if field.is_relation:
                    fields[field.name] = natural(getattr(obj, field.name))
                else:
                    fields[field.name] = getattr(obj, field.attname)
            for field in model._meta.many_to_many:
                fields[field.name] = sorted(
                    natural(related) for related in getattr(obj, field.name).all()
                )
            records[(label, natural(obj))] = fields
    return records


def test_dump_with_natural_keys_then_load_into_an_empty_database_gives_the_same_records(
    tmp_path,
):
    build_archive()
    before = snapshot()
    dump = io.StringIO()
    call_command(
        "dumpdata",
        *ARCHIVE_MODELS,
        natural_foreign=True,
        natural_primary=True,
        indent=1,
        stdout=dump,
    )
    rows = json.loads(dump.getvalue())
    assert {row["model"] for row in rows} == {label.lower() for label in ARCHIVE_MODELS}
    assert not any("pk" in row for row in rows), "fixtures must not carry database ids"

    for label in ARCHIVE_MODELS:
        apps.get_model(label).objects.all().delete()
    assert snapshot() == {}

    fixture = tmp_path / "archive.json"
    fixture.write_text(dump.getvalue())
    call_command("loaddata", str(fixture), verbosity=0)

    after = snapshot()
    assert len(after) == len(before) == len(rows)
    for key, fields in before.items():
        assert after[key] == fields, key
