"""An entry that fixed an accepted reader's report says so, on /changes/, on the
record's own log and in the feed: the day it was reported, never the reader's
text or e-mail; reports still open or rejected are not mentioned."""

from datetime import UTC, datetime

import feedparser
import pytest

from changes.models import Change
from reports.models import ErrorReport
from tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

RECORD_LOG = "/changes/members.country/ukraine/"
NOTE = "Corrected after a reader's report (reported 6 December 2026)"
PRIVATE = ("Private remark on Ukraine", "reader@example.org")


@pytest.fixture
def fix():
    """The entry of Ukraine's creation."""
    country = CountryFactory(name="Ukraine", slug="ukraine", iso_code="UA")
    return Change.objects.of_record("members.country", country.pk).get()


def report(fixed_by, status, day=6):
    filed = ErrorReport.objects.create(
        page="/members/ukraine/",
        record="Ukraine",
        text=PRIVATE[0],
        email=PRIVATE[1],
        status=status,
        fixed_by=fixed_by,
    )
    # Filed on a known day (created is set when the row is).
    ErrorReport.objects.filter(pk=filed.pk).update(
        created=datetime(2026, 12, day, 12, tzinfo=UTC)
    )
    return filed


def entry_of(html, change):
    entry = html[html.index(f'id="{change.anchor}"') :]
    return entry[: entry.index("</li>")]


def feed_summary(client, change):
    feed = feedparser.parse(client.get("/changes/feed/").content)
    assert not feed.bozo, feed.bozo_exception
    (entry,) = [e for e in feed.entries if e.link.endswith(change.get_absolute_url())]
    return entry.summary


def test_an_accepted_report_shows_on_the_log_the_record_log_and_the_feed(
    client, fix, no_page_cache
):
    report(fix, ErrorReport.Status.ACCEPTED)
    for url in ("/changes/", RECORD_LOG):
        html = client.get(url).content.decode()
        assert NOTE in entry_of(html, fix), url
        for private in PRIVATE:
            assert private not in html, url
    summary = feed_summary(client, fix)
    assert NOTE in summary
    for private in PRIVATE:
        assert private not in summary


def test_several_accepted_reports_are_named_by_their_days(client, fix, no_page_cache):
    report(fix, ErrorReport.Status.ACCEPTED, day=6)
    report(fix, ErrorReport.Status.ACCEPTED, day=4)
    expected = "Corrected after readers' reports (reported 4 December 2026, "
    expected += "6 December 2026)"
    assert expected in feed_summary(client, fix)


@pytest.mark.parametrize(
    "status",
    [
        ErrorReport.Status.OPEN,
        ErrorReport.Status.REJECTED,
        ErrorReport.Status.DUPLICATE,
    ],
)
def test_a_report_not_accepted_is_not_mentioned(client, fix, status, no_page_cache):
    report(fix, status)
    for url in ("/changes/", RECORD_LOG):
        html = client.get(url).content.decode()
        assert "reader" not in entry_of(html, fix), url
        assert PRIVATE[0] not in html, url
    assert "reader" not in feed_summary(client, fix)


def test_an_entry_without_reports_has_no_note(client, fix, no_page_cache):
    other = Change.objects.record_load(created=1)
    report(other, ErrorReport.Status.ACCEPTED)
    html = client.get("/changes/").content.decode()
    assert "reader" not in entry_of(html, fix)
    assert "reader" in entry_of(html, other)


def test_staff_accepting_a_report_refreshes_the_cached_log(
    client, admin_client, fix, django_capture_on_commit_callbacks
):
    """The note is not a change to the archive, but the log's cached pages must
    show it: staff accepting a report empties the page cache."""
    linked = report(fix, ErrorReport.Status.OPEN)
    client.get("/changes/")
    assert client.get("/changes/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/reports/errorreport/",
            {"action": "mark_accepted", "_selected_action": [linked.pk]},
        )
    page = client.get("/changes/")
    assert page["X-Cache"] == "miss"
    assert NOTE in entry_of(page.content.decode(), fix)


def test_staff_linking_a_report_to_its_fix_refreshes_the_cached_log(
    client, admin_client, fix, django_capture_on_commit_callbacks
):
    linked = report(None, ErrorReport.Status.ACCEPTED)
    client.get("/changes/")
    assert client.get("/changes/")["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/reports/errorreport/{linked.pk}/change/",
            {
                "status": "accepted",
                "duplicate_of": "",
                "fixed_by": str(fix.pk),
                "change_reason": "Linked to its fix",
            },
        )
    assert response.status_code == 302
    assert NOTE in entry_of(client.get("/changes/").content.decode(), fix)
