"""Staff triage readers' reports in the admin: the reader's words as plain text,
the statuses set by actions, the fixing change an entry of the change log."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape

from changes.models import Change
from reports.models import ErrorReport

pytestmark = pytest.mark.django_db

LIST = "/admin/reports/errorreport/"
HOSTILE = "<script>alert('x')</script> The host city is wrong."


def filed(text="The meeting closed on 21 October.", **fields):
    return ErrorReport.objects.create(
        page="/plenaries/2016-busan/",
        record="30th plenary, Busan 2016",
        text=text,
        **fields,
    )


def test_anonymous_visitors_cannot_reach_the_reports(client):
    filed(email="reader@example.org")
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_see_the_reports_listed_with_their_record_and_status(admin_client):
    filed()
    response = admin_client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "30th plenary, Busan 2016" in html
    assert "The meeting closed on 21 October." in html
    assert ">Open<" in html


def test_the_report_text_is_shown_escaped_in_the_list_and_the_report(admin_client):
    report = filed(HOSTILE, email="reader@example.org")
    for url in (LIST, f"{LIST}{report.pk}/change/"):
        html = admin_client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert" in html, url
    change = admin_client.get(f"{LIST}{report.pk}/change/").content.decode()
    assert "reader@example.org" in change


def test_the_list_filters_by_status(admin_client):
    filed("An open report on the host.")
    filed("A rejected report on the date.", status=ErrorReport.Status.REJECTED)
    html = admin_client.get(f"{LIST}?status__exact=rejected").content.decode()
    assert "A rejected report" in html
    assert "An open report" not in html


def test_staff_cannot_add_a_report_themselves(admin_client):
    assert admin_client.get(f"{LIST}add/").status_code == 403


@pytest.mark.parametrize(
    ("action", "status"),
    [("mark_accepted", "accepted"), ("mark_rejected", "rejected")],
)
def test_an_action_sets_the_status_of_the_selected_reports(
    admin_client, action, status
):
    reports = [filed(), filed(), filed()]
    selected = [str(report.pk) for report in reports[:2]]
    admin_client.post(LIST, {"action": action, "_selected_action": selected})
    statuses = [report.status for report in ErrorReport.objects.order_by("pk")]
    assert statuses == [status, status, "open"]
    assert reports[0].history.count() == 2


def test_duplicates_point_at_the_earliest_report_selected(admin_client):
    first, second, third = filed(), filed(), filed()
    admin_client.post(
        LIST,
        {
            "action": "mark_duplicates",
            "_selected_action": [third.pk, first.pk, second.pk],
        },
    )
    for report in (first, second, third):
        report.refresh_from_db()
    assert first.status == "open" and first.duplicate_of is None
    assert second.status == third.status == "duplicate"
    assert second.duplicate_of == third.duplicate_of == first


def test_staff_link_a_report_to_the_change_that_fixed_it(admin_client):
    report = filed()
    fix = Change.objects.create(
        kind=Change.Kind.CHANGED,
        made_at=timezone.now(),
        reason="Closing date corrected",
        record_label="plenaries.plenary",
        record_pk=1,
        record_name="30th plenary, Busan 2016",
    )
    response = admin_client.post(
        f"{LIST}{report.pk}/change/",
        {
            "status": "accepted",
            "duplicate_of": "",
            "fixed_by": str(fix.pk),
            "staff_note": "Checked against the statement.",
        },
    )
    # No public reason asked: a report is no record of the archive, and no entry
    # of the change log.
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.fixed_by) == ("accepted", fix)
    assert list(ErrorReport.objects.fixed()) == [report]
    page = admin_client.get(f"{LIST}{report.pk}/change/").content.decode()
    assert f'href="{escape(fix.get_absolute_url())}"' in page


def test_a_report_can_only_point_at_a_change_that_exists(admin_client):
    report = filed()
    response = admin_client.post(
        f"{LIST}{report.pk}/change/",
        {
            "status": "accepted",
            "duplicate_of": "",
            "fixed_by": "424242",
        },
    )
    assert response.status_code == 200  # the form again, with its error
    assert "fixed_by" in response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.fixed_by is None
    report.fixed_by_id = 424242
    with pytest.raises(ValidationError):
        report.full_clean()


def test_deleting_the_change_leaves_the_report_unlinked():
    fix = Change.objects.record_load(created=1)
    report = filed(status=ErrorReport.Status.ACCEPTED, fixed_by=fix)
    fix.delete()
    report.refresh_from_db()
    assert report.fixed_by is None
    assert list(ErrorReport.objects.fixed()) == []


def test_a_duplicate_cannot_name_itself_nor_a_report_that_is_not_one():
    report = filed()
    report.duplicate_of = report
    report.status = ErrorReport.Status.DUPLICATE
    with pytest.raises(ValidationError):
        report.full_clean()
    other = filed()
    other.duplicate_of = report
    with pytest.raises(ValidationError):
        other.full_clean()


def test_a_reports_history_shows_who_changed_its_status(admin_client):
    report = filed()
    admin_client.post(
        LIST, {"action": "mark_rejected", "_selected_action": [report.pk]}
    )
    response = admin_client.get(f"{LIST}{report.pk}/history/")
    assert response.status_code == 200
    assert "marked rejected" in response.content.decode()
