"""The review of a document against the real archive, and publishing it."""

import pytest
from django.test import Client

from evidence.models import Citation, SourceDocument
from plenaries.models import ChairPerson, Plenary
from submissions import publish as publishing
from submissions.models import Submission
from tests.submissions.conftest import (
    BUSAN_COPY,
    add_document,
    field_of,
    review_data,
    review_url,
)

pytestmark = pytest.mark.django_db

CHAIR = "Mr. Rawiri Holt, Ambassador for Disarmament of New Zealand"
CORRECTED_CHAIR = CHAIR.replace("Holt", "Holte")
BUSAN_TITLE = "Host government press release on the Busan plenary, October 2016"


def added(client, **overrides):
    add_document(client, **overrides)
    return Submission.objects.latest("pk")


def statuses(response):
    return {row.item.path: row.status for row in response.context["review"].rows}


def test_a_new_plenarys_facts_are_all_new_and_highlighted(
    real_archive, editor_client, django_assert_max_num_queries
):
    submission = added(editor_client)
    with django_assert_max_num_queries(30):
        response = editor_client.get(review_url(submission))
    assert response.status_code == 200
    read = statuses(response)
    assert read["plenary.number"] == read["plenary.dates"] == "new"
    assert read["plenary.city"] == read["plenary.chairs[0]"] == "new"
    assert "annex[0]" in read and "plenary.resolutions[1]" in read
    content = response.content.decode()
    assert '<mark id="passage-1">The Missile Technology Control Regime (MTCR) held' in (
        content
    )
    assert 'href="#passage-1"' in content
    assert "Another witness" not in content


def test_a_second_witness_with_other_dates_shows_the_disagreement(
    real_archive, editor_client
):
    submission = added(
        editor_client, title=BUSAN_TITLE, text=BUSAN_COPY, published="2016-10"
    )
    response = editor_client.get(review_url(submission))
    read = statuses(response)
    assert read["plenary.dates"] == "different"
    assert read["plenary.city"] == read["plenary.number"] == "same"
    dates = next(
        row
        for row in response.context["review"].rows
        if row.item.path == "plenary.dates"
    )
    assert (dates.item.value, dates.held) == (
        "2016-10-18/2016-10-21",
        "2016-10-17/2016-10-21",
    )
    assert dates.held_source.startswith("Public Statement from the Plenary Meeting")
    assert "Another witness of" in response.content.decode()

    editor_client.post(
        review_url(submission), {**review_data(response), "_publish": "1"}
    )
    busan = Plenary.objects.get(slug="2016-busan")
    claims = set(
        Citation.objects.filter(plenary=busan, field="dates").values_list(
            "source__file_name", "claim", "is_followed"
        )
    )
    assert ("busan-2016-statement.txt", "2016-10-17/2016-10-21", True) in claims
    assert (submission.file_name, "2016-10-18/2016-10-21", False) in claims
    assert Plenary.objects.filter(start_date__year=2016).count() == 1


def test_a_text_with_no_meeting_says_what_is_missing_and_can_be_a_source(
    real_archive, editor_client
):
    submission = added(
        editor_client, text="Partners met and talked about export controls.\n"
    )
    response = editor_client.get(review_url(submission))
    content = response.content.decode()
    assert "No meeting could be read from this text." in content
    assert response.context["review"].error
    data = {**review_data(response), "source_only": "on", "_publish": "1"}
    editor_client.post(review_url(submission), data)
    source = SourceDocument.objects.get(file_name=submission.file_name)
    assert source.citations.count() == 0


def test_publishing_applies_the_rejections_and_corrections(
    real_archive, editor_client, django_capture_on_commit_callbacks
):
    submission = added(editor_client)
    reader = Client()  # anonymous: served from the page cache
    assert "2031-auckland" not in reader.get("/?year_from=2031").content.decode()
    response = editor_client.get(review_url(submission))
    data = review_data(response)
    data[field_of(response, "plenary.resolutions[1]")] = "reject"
    data[field_of(response, "plenary.city", "value")] = "Auckland"
    data[field_of(response, "plenary.chairs[0]", "value")] = CORRECTED_CHAIR
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(review_url(submission), {**data, "_publish": "1"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.is_published
    assert submission.decisions == {
        "plenary.city": {
            "action": "correct",
            "value": "Auckland",
            "parsed": "Wellington",
        },
        "plenary.chairs[0]": {
            "action": "correct",
            "value": CORRECTED_CHAIR,
            "parsed": CHAIR,
        },
        "plenary.resolutions[1]": {"action": "reject", "parsed": "1718, 2397"},
    }
    plenary = Plenary.objects.get(slug="2031-auckland")
    assert (plenary.number, plenary.city, plenary.country.iso_code) == (
        43,
        "Auckland",
        "NZ",
    )
    assert sorted(r.number for r in plenary.resolutions.all()) == [1540]
    assert list(
        ChairPerson.objects.filter(chairmanship__start_plenary=plenary).values_list(
            "title", "person__name"
        )
    ) == [("Mr.", "Rawiri Holte")]
    assert "43rd Plenary Meeting in Wellington" in plenary.statement
    source = SourceDocument.objects.get(file_name=submission.file_name)
    assert source.citations.filter(
        plenary=plenary, field="city", claim="Auckland"
    ).exists()
    # One history row per record written, naming the document.
    reason = f"published {submission.file_name}"
    assert list(plenary.history.values_list("history_change_reason", flat=True)) == [
        reason
    ]
    assert source.history.get().history_change_reason == reason
    assert_the_site_follows(editor_client, reader, submission, plenary, reason)


def assert_the_site_follows(editor_client, reader, submission, plenary, reason):
    """The change log, the search index, the review and the cached pages show the
    published plenary at once."""
    changes = editor_client.get("/changes/?kind=loaded").content.decode()
    assert reason in changes
    found = editor_client.get("/search/?q=Rawiri").content.decode()
    assert plenary.get_absolute_url() in found
    # The review says where it is now.
    page = editor_client.get(review_url(submission)).content.decode()
    assert plenary.get_absolute_url() in page and "Published" in page
    assert "2031-auckland" in reader.get("/?year_from=2031").content.decode()


def test_a_wrong_correction_is_refused_and_nothing_is_published(
    real_archive, editor_client
):
    submission = added(editor_client)
    response = editor_client.get(review_url(submission))
    data = review_data(response)
    data[field_of(response, "plenary.dates", "value")] = "sometime soon"
    response = editor_client.post(review_url(submission), {**data, "_publish": "1"})
    assert response.status_code == 200
    assert "is not a date such as" in response.content.decode()
    assert not Plenary.objects.filter(start_date__year=2031).exists()
    submission.refresh_from_db()
    assert not submission.is_published and not submission.decisions


def test_nothing_is_half_published_when_a_step_fails(
    real_archive, editor_client, monkeypatch
):
    submission = added(editor_client)
    sources, citations = SourceDocument.objects.count(), Citation.objects.count()

    def broken_index():
        raise RuntimeError("the search index is down")

    monkeypatch.setattr(publishing.search_index, "rebuild", broken_index)
    response = editor_client.get(review_url(submission))
    with pytest.raises(RuntimeError):
        editor_client.post(
            review_url(submission), {**review_data(response), "_publish": "1"}
        )
    assert not Plenary.objects.filter(start_date__year=2031).exists()
    assert (SourceDocument.objects.count(), Citation.objects.count()) == (
        sources,
        citations,
    )
    submission.refresh_from_db()
    assert not submission.is_published


def test_publishing_twice_is_refused_and_offered_as_another_witness(
    real_archive, editor_client
):
    submission = added(editor_client)
    publishing.publish(submission)
    with pytest.raises(publishing.PublishError, match="already published"):
        publishing.publish(submission)
    copy = added(editor_client, title="The same statement, a second copy")
    response = editor_client.get(review_url(copy))
    content = response.content.decode()
    assert "Another witness of" in content
    assert "already holds this very text" in content
    publishing.publish(copy)
    assert Plenary.objects.filter(start_date__year=2031).count() == 1
    assert SourceDocument.objects.filter(plenary__number=43).count() == 2


def test_an_editor_without_the_publish_permission_cannot_publish(
    real_archive, editor_client, editor, editors_group
):
    editors_group.permissions.remove(
        editors_group.permissions.get(codename="publish_submission")
    )
    submission = added(editor_client)
    response = editor_client.get(review_url(submission))
    assert 'name="_publish"' not in response.content.decode()
    response = editor_client.post(
        review_url(submission), {**review_data(response), "_publish": "1"}
    )
    assert response.status_code == 403
    assert not Plenary.objects.filter(start_date__year=2031).exists()
