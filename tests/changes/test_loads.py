"""A load of the archive is one entry of the log, not one per record."""

import io

import feedparser
import pytest
from django.core.management import call_command

from changes.models import Change
from changes.recording import archive_models
from members.models import Country

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def load(*args):
    call_command("load_archive", *args, stdout=io.StringIO())


def test_loading_the_real_fixtures_is_exactly_one_entry(client, no_page_cache):
    load()
    assert Change.objects.count() == 1
    entry = Change.objects.get()
    assert entry.kind == Change.Kind.LOADED
    records = sum(model.objects.count() for model in archive_models())
    assert entry.created_count == records > 100
    assert entry.updated_count == entry.kept_count == 0
    page = client.get("/changes/").content.decode()
    summary = (
        f"Archive loaded from fixtures: {entry.created_count} records created, "
        "0 updated, 0 kept as staff edited them"
    )
    assert summary in page
    assert page.count('class="change"') == 1
    feed = feedparser.parse(client.get("/changes/feed/").content)
    assert [each.title for each in feed.entries] == [str(entry)]

    load()  # nothing to change: no entry
    assert Change.objects.count() == 1


def test_a_load_after_an_edit_counts_what_it_kept(client, no_page_cache):
    load()
    korea = Country.objects.get(iso_code="KR")
    korea.name = "Korea, Republic of"
    korea._change_reason = "Official name"
    korea.save()
    load()  # keeps the edit, changes nothing: no entry
    assert Change.objects.count() == 2
    load("--force")
    kinds = list(Change.objects.values_list("kind", "reason"))
    assert kinds == [
        ("loaded", "load_archive"),
        ("changed", "Official name"),
        ("loaded", "load_archive"),
    ]
    forced = Change.objects.first()
    assert forced.updated_count == 1 and forced.created_count == 0
