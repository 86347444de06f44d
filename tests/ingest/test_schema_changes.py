"""Loading into a database an earlier archive filled: after a migration that
changed the fields of loaded records, the rows no one edited take the fixtures
and the rows staff edited are kept; a record whose key changed takes its old
row's unique values (its number) instead of colliding with them."""

import shutil

import pytest
from django.apps import apps
from django.conf import settings

from core.records import mark_loaded_rows_unedited
from ingest import tables
from plenaries.models import Plenary
from tests.ingest.loading import load

pytestmark = pytest.mark.django_db


def test_after_a_schema_change_unedited_rows_load_and_edits_are_kept(real_archive):
    busan = Plenary.objects.get(slug="2016-busan")
    busan.opened_by = "An opener staff corrected"
    busan._change_reason = "Checked against the host's release"
    busan.save()
    # As a migration that adds or changes fields leaves them: every digest,
    # taken over the old fields, no longer matches its row.
    for table in tables.TABLES:
        model = apps.get_model(table.label)
        model.objects.exclude(loaded_digest="").update(loaded_digest="0" * 64)
    for app_label in ("members", "plenaries", "evidence", "annex"):
        mark_loaded_rows_unedited(apps, app_label)

    output = load()

    kept = [line for line in output.splitlines() if line.strip().startswith("kept ")]
    assert len(kept) == 1, kept
    assert "Busan 2016" in kept[0]
    assert Plenary.objects.get(slug="2016-busan").opened_by == (
        "An opener staff corrected"
    )
    # The next load finds every other row as it wrote it.
    again = load()
    assert "Nothing else to change: 1 edited record kept as is." in again


def test_a_record_whose_key_changed_takes_its_old_rows_number(real_archive, tmp_path):
    fixtures = tmp_path / "fixtures"
    shutil.copytree(settings.FIXTURES_DIR, fixtures)
    for path in fixtures.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("2000-helsinki", "2000-finland"), encoding="utf-8")
    helsinki = Plenary.objects.get(slug="2000-helsinki")

    output = load("--fixtures", str(fixtures))

    assert "Archive loaded." in output
    renamed = Plenary.objects.get(number=helsinki.number)
    assert renamed.slug == "2000-finland"
    assert renamed.pk != helsinki.pk
    assert not Plenary.objects.filter(slug="2000-helsinki").exists()
    assert renamed.citations.exists()


def test_what_went_with_a_stale_record_comes_back_when_a_fixture_gives_it(
    real_archive, tmp_path
):
    """Removing a stale plenary removes its citations too, each as the loader's
    own deletion: when the fixtures give them again, they are re-created, not
    taken for records staff deleted."""
    helsinki = Plenary.objects.get(slug="2000-helsinki")
    cited = set(helsinki.citations.values_list("key", flat=True))
    assert cited
    fixtures = tmp_path / "fixtures"
    shutil.copytree(settings.FIXTURES_DIR, fixtures)
    for path in fixtures.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("2000-helsinki", "2000-finland"), "utf-8")
    load("--fixtures", str(fixtures))
    assert not Plenary.objects.filter(slug="2000-helsinki").exists()

    output = load()  # the repository's fixtures again

    assert "not re-created" not in output
    again = Plenary.objects.get(slug="2000-helsinki")
    assert set(again.citations.values_list("key", flat=True)) == cited
