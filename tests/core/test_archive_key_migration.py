"""Upgrading a real database to archive keys: each loaded record gets the natural
key it was loaded under, read from its history, so that a record staff renamed
before there were archive keys is found again by the next load; a record staff
created gets none."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from members.models import Country
from plenaries.models import Plenary

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

BEFORE_THE_KEYS = [
    ("members", "0002_partner_and_adherent_indexes"),
    ("plenaries", "0004_evidence_moves_out"),
    ("annex", "0002_initial"),
    ("evidence", "0002_own_tables"),
]
LOADED = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)
EDITED = LOADED + datetime.timedelta(days=30)


def migrate(targets):
    """Migrate the test database to `targets`; the historical apps it then has."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def at_latest_afterwards():
    """Whatever happens, the database is left fully migrated for the other tests."""
    yield
    migrate(latest())
    ContentType.objects.clear_cache()


def history_of(apps, row, kind, when, reason, **changed):
    """A history row of `row` as simple_history writes it, with `changed` values."""
    model = apps.get_model(row._meta.app_label, f"Historical{row.__class__.__name__}")
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if field.attname != "loaded_digest"
    }
    return model.objects.create(
        **{**values, **changed},
        history_date=when,
        history_type=kind,
        history_change_reason=reason,
    )


def make_records(apps):
    """A loaded country, a loaded plenary staff renamed, one they did not touch,
    and one staff created."""
    korea = apps.get_model("members", "Country").objects.create(
        name="Korea", iso_code="KR", slug="korea", loaded_digest="d" * 64
    )
    history_of(apps, korea, "+", LOADED, "load_archive")
    Plenary = apps.get_model("plenaries", "Plenary")
    dates = {
        "country": korea,
        "start_date": datetime.date(2004, 10, 6),
        "end_date": datetime.date(2004, 10, 8),
    }
    renamed = Plenary.objects.create(
        slug="2004-seoul-corrected", number=19, loaded_digest="d" * 64, **dates
    )
    history_of(apps, renamed, "+", LOADED, "load_archive", slug="2004-seoul")
    history_of(apps, renamed, "~", EDITED, "slug corrected by staff")
    untouched = Plenary.objects.create(
        slug="2005-madrid", number=20, loaded_digest="d" * 64, **dates
    )
    history_of(apps, untouched, "+", LOADED, "load_archive")
    by_staff = Plenary.objects.create(slug="2099-nowhere", number=99, **dates)
    history_of(apps, by_staff, "+", EDITED, "entered by staff")
    return renamed.pk, untouched.pk, by_staff.pk


def test_archive_keys_come_from_the_history_of_each_load(at_latest_afterwards):
    renamed, untouched, by_staff = make_records(migrate(BEFORE_THE_KEYS))

    migrate(latest())

    assert Country.objects.get(iso_code="KR").archive_key == "KR"
    assert Plenary.objects.get(pk=renamed).archive_key == "2004-seoul"
    assert Plenary.objects.get(pk=renamed).slug == "2004-seoul-corrected"
    assert Plenary.objects.get(pk=untouched).archive_key == "2005-madrid"
    assert Plenary.objects.get(pk=by_staff).archive_key == ""
    history = Plenary.history.filter(id=renamed)
    assert set(history.values_list("archive_key", flat=True)) == {"2004-seoul"}


def test_the_keys_go_and_come_back_with_the_migrations(at_latest_afterwards):
    renamed, _, _ = make_records(migrate(BEFORE_THE_KEYS))
    migrate(latest())
    apps = migrate(BEFORE_THE_KEYS)
    plenary = apps.get_model("plenaries", "Plenary").objects.get(pk=renamed)
    assert plenary.slug == "2004-seoul-corrected"
    migrate(latest())
    assert Plenary.objects.get(pk=renamed).archive_key == "2004-seoul"
