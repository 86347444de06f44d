"""An edit in admin, with its reason, is published on /changes/ and in its feed."""

import feedparser
import pytest
from django.conf import settings

from changes.models import Change
from members.models import Country, Region
from plenaries.models import Plenary
from tests.conftest import admin_form_data, admin_url

from .conftest import STAFF_NAME, edit_in_admin

pytestmark = pytest.mark.django_db

REASON = "Opening corrected from the 2016 statement"


@pytest.fixture
def edited_busan(staff_client, small_archive):
    busan = small_archive["plenary"]
    return edit_in_admin(
        staff_client, busan, REASON, opened_by="Acting Minister Lim Sung-nam"
    )


def test_the_change_form_asks_for_a_reason(staff_client, small_archive):
    busan = small_archive["plenary"]
    url = admin_url(Plenary, "change", busan.pk)
    page = staff_client.get(url)
    assert "Reason for this change" in page.content.decode()
    data = admin_form_data(page)
    data.update(opened_by="Someone", change_reason="")
    response = staff_client.post(url, data)
    assert response.status_code == 200  # the form again, with its error
    assert "change_reason" in response.context["adminform"].form.errors
    busan.refresh_from_db()
    assert busan.opened_by != "Someone"


def test_an_admin_edit_shows_on_changes_with_field_values_and_reason(
    client, edited_busan, no_page_cache
):
    page = client.get("/changes/").content.decode()
    entry = page[page.index('id="change-') :]
    entry = entry[: entry.index("</li>")]
    assert "30th plenary, Busan 2016" in entry
    assert 'href="/plenaries/2016-busan/"' in entry
    assert "Opened by" in entry
    assert "Yun Byung-se, Minister of Foreign Affairs" in entry  # the old value
    assert "Acting Minister Lim Sung-nam" in entry
    assert REASON in entry


def test_an_admin_edit_is_in_the_feed_with_field_values_and_reason(
    client, edited_busan, no_page_cache
):
    response = client.get("/changes/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    latest = feed.entries[0]
    assert latest.title == "Changed: 30th plenary, Busan 2016"
    assert "Yun Byung-se, Minister of Foreign Affairs" in latest.summary
    assert "Acting Minister Lim Sung-nam" in latest.summary
    assert REASON in latest.summary
    change = Change.objects.filter(record_label="plenaries.plenary").first()
    assert latest.link == f"{settings.SITE_URL}{change.get_absolute_url()}"
    assert feed.feed.link.startswith(settings.SITE_URL)


def test_staff_names_are_never_shown(client, edited_busan, no_page_cache):
    """The history knows who made the edit; no public page or feed says it."""
    assert edited_busan.history.latest("history_date").history_user.username == (
        STAFF_NAME
    )
    client.logout()
    for url in [
        "/changes/",
        "/changes/feed/",
        "/changes/plenaries.plenary/2016-busan/",
        "/plenaries/2016-busan/",
    ]:
        assert STAFF_NAME not in client.get(url).content.decode(), url


def test_an_m2m_edit_is_one_entry_with_the_old_and_new_countries(
    client, staff_client, small_archive, no_page_cache
):
    busan = small_archive["plenary"]
    before = Change.objects.count()
    netherlands = Country.objects.get(iso_code="NL")
    edit_in_admin(
        staff_client,
        busan,
        "The Netherlands named too",
        opened_by="Someone else",
        countries_named=[
            str(pk) for pk in busan.countries_named.values_list("pk", flat=True)
        ]
        + [str(netherlands.pk)],
    )
    assert Change.objects.count() == before + 1
    entry = Change.objects.first()
    fields = {label: (old, new) for label, old, new in entry.changed_fields}
    old, new = fields["countries named"]
    assert "Netherlands" not in old and "Netherlands" in new
    assert fields["opened by"][1] == "Someone else"
    assert entry.reason == "The Netherlands named too"


def test_a_record_created_in_admin_is_a_created_entry(staff_client, small_archive):
    url = admin_url(Country, "add")
    data = admin_form_data(staff_client.get(url))
    data.update(
        name="Ukraine",
        iso_code="UA",
        slug="ukraine",
        other_names="[]",
        change_reason="Joined as a partner in 1998",
    )
    assert staff_client.post(url, data).status_code == 302
    entry = Change.objects.first()
    assert entry.kind == Change.Kind.CREATED
    assert entry.record_name == "Ukraine"
    assert entry.record_url == "/members/ukraine/"
    assert ["name", "", "Ukraine"] in entry.changed_fields


def test_a_record_page_links_to_its_own_changes(client, edited_busan, no_page_cache):
    page = client.get("/plenaries/2016-busan/").content.decode()
    assert 'href="/changes/plenaries.plenary/2016-busan/"' in page
    record_page = client.get("/changes/plenaries.plenary/2016-busan/")
    assert record_page.status_code == 200
    text = record_page.content.decode()
    assert REASON in text and "Acting Minister Lim Sung-nam" in text


def test_each_kind_of_record_page_links_to_its_changes(
    client, small_archive, no_page_cache
):
    source = small_archive["source"]
    term = small_archive["chairmanship"]
    revision = small_archive["annex_revision"]
    for url, link in [
        ("/members/korea/", "/changes/members.country/korea/"),
        (source.get_absolute_url(), f"/changes/evidence.sourcedocument/{source.slug}/"),
        ("/chairs/", f"/changes/plenaries.chairmanship/{term.slug}/"),
        ("/annex/", f"/changes/annex.annexrevision/{revision.slug}/"),
    ]:
        assert f'href="{link}"' in client.get(url).content.decode(), url
        assert client.get(link).status_code == 200, link


def test_a_renamed_record_keeps_its_changes_under_its_new_slug(
    client, staff_client, edited_busan, no_page_cache
):
    edit_in_admin(staff_client, edited_busan, "Slug corrected", slug="2016-busan-korea")
    entries = client.get("/changes/plenaries.plenary/2016-busan-korea/").context[
        "object_list"
    ]
    assert [entry.reason for entry in entries][:2] == ["Slug corrected", REASON]
    assert all(entry.record_url == "/plenaries/2016-busan-korea/" for entry in entries)


def test_a_deleted_record_s_changes_stay_readable(client, small_archive, no_page_cache):
    dprk = Country.objects.get(iso_code="KP")
    dprk._change_reason = "Duplicate of another record"
    dprk.delete()
    entry = Change.objects.get(record_label="members.country", kind="deleted")
    assert entry.kind == Change.Kind.DELETED
    assert entry.record_url == ""
    response = client.get("/changes/members.country/dprk/")
    assert response.status_code == 200
    assert "Duplicate of another record" in response.content.decode()


def test_feed_text_is_escaped(client, staff_client, small_archive, no_page_cache):
    busan = small_archive["plenary"]
    edit_in_admin(staff_client, busan, "<script>alert(1)</script> fixed", city="B<b>")
    raw = client.get("/changes/feed/").content.decode()
    assert "<script>" not in raw and "<b>" not in raw
    html = client.get("/changes/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_a_deletion_in_admin_asks_for_a_reason(client, staff_client, small_archive):
    region = Region.objects.get(slug="northeast-asia")
    url = admin_url(Region, "delete", region.pk)
    assert "Reason for this change" in staff_client.get(url).content.decode()
    unexplained = staff_client.post(url, {"post": "yes"})
    assert unexplained.status_code == 200
    assert "Give a reason for this deletion" in unexplained.content.decode()
    assert Region.objects.filter(pk=region.pk).exists()
    reason = "Not a region the texts name"
    response = staff_client.post(url, {"post": "yes", "change_reason": reason})
    assert response.status_code == 302
    assert not Region.objects.filter(pk=region.pk).exists()
    entry = Change.objects.first()
    assert (entry.kind, entry.record_name, entry.reason) == (
        Change.Kind.DELETED,
        "Northeast Asia",
        reason,
    )
