"""Readers report an error from a record's page: the report is stored with its
record, and nothing else is (bad fields, other pages, robots, floods)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from changes.models import Change
from reports.models import ErrorReport

pytestmark = pytest.mark.django_db

BUSAN = "/plenaries/2016-busan/"
PROXY = "10.0.0.2"
GOOD = {
    "page": BUSAN,
    "text": "The meeting closed on 21 October, not 20 October.",
    "evidence_url": "https://example.org/statement-2016.pdf",
    "email": "reader@example.org",
    "website": "",
}


@pytest.fixture
def reports_limit(settings):
    """A fresh count: five reports per address in ten minutes, behind one proxy."""
    cache.clear()
    settings.REPORT_LIMIT = 5
    settings.REPORT_WINDOW = 600
    settings.TRUSTED_PROXIES = [PROXY]
    yield settings
    cache.clear()


@pytest.fixture
def archive(small_archive, reports_limit):
    return small_archive


def report(client, forwarded="203.0.113.5", **changes):
    return client.post(
        "/report/",
        {**GOOD, **changes},
        REMOTE_ADDR=PROXY,
        headers={"x-forwarded-for": forwarded},
    )


@pytest.mark.parametrize(
    "path",
    [BUSAN, "/members/korea/", "/sources/busan-2016-statement/", "/on/2016-10-21/"],
)
def test_every_record_page_links_to_the_report_form(client, archive, path):
    response = client.get(path)
    assert response.status_code == 200
    assert f'href="/report/?page={path}"' in response.content.decode()


def test_the_form_names_the_record_and_carries_a_csrf_token(client, archive):
    response = client.get(f"/report/?page={BUSAN}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "30th plenary, Busan 2016" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="page" value="{BUSAN}"' in html
    assert '<div class="field report-trap" aria-hidden="true">' in html


@pytest.mark.parametrize(
    "page",
    [
        "",
        "/plenaries/",
        "/plenaries/1900-nowhere/",
        "/admin/",
        "/plenaries/2016-busan/?x=1",
        "https://evil.example/plenaries/2016-busan/",
        "//evil.example/plenaries/2016-busan/",
        "javascript:alert(1)",
    ],
)
def test_the_form_for_a_page_that_is_not_a_record_page_is_refused(
    client, archive, page
):
    response = client.get("/report/", {"page": page})
    assert response.status_code == 400
    assert "Report an error" in response.content.decode()


def test_a_report_is_stored_with_its_record(client, archive):
    response = report(client)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    stored = ErrorReport.objects.get()
    assert stored.page == BUSAN
    assert stored.record == "30th plenary, Busan 2016"
    assert stored.text == GOOD["text"]
    assert stored.evidence_url == GOOD["evidence_url"]
    assert stored.email == GOOD["email"]
    assert stored.status == ErrorReport.Status.OPEN


@pytest.mark.parametrize(
    ("page", "record"),
    [
        ("/members/korea/", "Korea"),
        ("/sources/busan-2016-statement/", None),
        ("/on/2016-10-21/", "The regime on 21 October 2016"),
        ("http://testserver/members/korea/", "Korea"),
    ],
)
def test_a_report_on_any_record_page_names_its_record(client, archive, page, record):
    assert report(client, page=page).status_code == 200
    stored = ErrorReport.objects.get()
    assert stored.page == page.removeprefix("http://testserver")
    assert stored.record == (record or str(archive["source"]))


@pytest.mark.parametrize(
    "changes",
    [
        {"text": ""},
        {"text": "Too short"},
        {"text": "x" * 5001},
        {"evidence_url": "ftp://example.org/statement.pdf"},
        {"evidence_url": "javascript:alert(1)"},
        {"evidence_url": "not an address"},
        {"evidence_url": "https://example.org/" + "a" * 500},
        {"email": "not an e-mail"},
        {"page": ""},
        {"page": "/plenaries/1900-nowhere/"},
        {"page": "/search/"},
        {"page": "/admin/reports/errorreport/"},
        {"page": "https://evil.example/plenaries/2016-busan/"},
        {"page": "//evil.example/plenaries/2016-busan/"},
        {"page": BUSAN + "?page=2"},
    ],
    ids=lambda changes: ",".join(f"{k}={v[:30]}" for k, v in changes.items()),
)
def test_an_invalid_report_gets_the_form_again_and_stores_nothing(
    client, archive, changes
):
    response = report(client, **changes)
    assert response.status_code == 400
    assert 'class="report-form"' in response.content.decode()
    assert not ErrorReport.objects.exists()


def test_a_report_without_a_csrf_token_is_forbidden(archive):
    response = report(Client(enforce_csrf_checks=True))
    assert response.status_code == 403
    assert not ErrorReport.objects.exists()


def test_a_report_with_the_forms_csrf_token_is_stored(archive):
    client = Client(enforce_csrf_checks=True)
    form = client.get(f"/report/?page={BUSAN}")
    token = form.context["csrf_token"]
    assert report(client, csrfmiddlewaretoken=str(token)).status_code == 200
    assert ErrorReport.objects.count() == 1


def test_a_filled_honeypot_is_discarded_with_the_same_thanks(client, archive):
    robot = report(client, website="https://spam.example/")
    person = report(client, forwarded="198.51.100.7")
    assert robot.status_code == person.status_code == 200
    assert robot.content == person.content
    assert ErrorReport.objects.count() == 1


def test_the_sixth_report_from_one_address_gets_429_and_others_are_not_blocked(
    client, archive
):
    for _ in range(5):
        assert report(client).status_code == 200
    refused = report(client)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    assert ErrorReport.objects.count() == 5
    assert report(client, forwarded="198.51.100.7").status_code == 200
    assert ErrorReport.objects.count() == 6


def test_a_client_cannot_escape_the_limit_by_writing_its_own_forwarded_for(
    client, archive
):
    """Behind the proxy, only the address the proxy appended counts."""
    for n in range(5):
        report(client, forwarded=f"192.0.2.{n}, 203.0.113.5")
    assert report(client, forwarded="192.0.2.99, 203.0.113.5").status_code == 429


def test_a_report_runs_a_bounded_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert report(client).status_code == 200


def test_the_form_is_never_cached_and_the_record_page_still_is(client, archive):
    """The form carries a CSRF token (and sets its cookie): the page cache must
    not store it; the record page, which carries none, stays cached."""
    for _ in range(2):
        form = client.get(f"/report/?page={BUSAN}")
        assert "X-Cache" not in form.headers
        assert "no-store" in form["Cache-Control"]
    client.cookies.clear()
    assert client.get(BUSAN)["X-Cache"] in {"miss", "hit"}
    assert client.get(BUSAN)["X-Cache"] == "hit"


def test_filing_a_report_leaves_the_cached_pages_cached(client, archive):
    """A report is not a change to the archive: a flood of them cannot empty the
    page cache."""
    client.get(BUSAN)
    assert report(client).status_code == 200
    assert client.get(BUSAN)["X-Cache"] == "hit"


def test_the_corrections_show_the_record_and_the_change_never_the_report(
    client, archive
):
    fix = Change.objects.record_load(updated=1)
    ErrorReport.objects.create(
        page=BUSAN,
        record="30th plenary, Busan 2016",
        text="A private remark <b>in bold</b>",
        email="reader@example.org",
        status=ErrorReport.Status.ACCEPTED,
        fixed_by=fix,
    )
    ErrorReport.objects.create(
        page="/members/korea/", record="Korea", text="Still being checked"
    )
    response = client.get("/report/corrections/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a href="{BUSAN}">30th plenary, Busan 2016</a>' in html
    assert f'href="{escape(fix.get_absolute_url())}"' in html
    for hidden in ("private remark", "reader@example.org", "Korea", "Still being"):
        assert hidden not in html


def test_the_corrections_run_the_same_queries_for_one_report_and_many(
    client, django_assert_num_queries
):
    def accepted(number):
        for _ in range(number):
            ErrorReport.objects.create(
                page=BUSAN,
                record="30th plenary, Busan 2016",
                text="The date is wrong.",
                status=ErrorReport.Status.ACCEPTED,
                fixed_by=Change.objects.record_load(updated=1),
            )

    accepted(1)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/report/corrections/").status_code == 200
    accepted(5)
    with django_assert_num_queries(len(one)):
        response = client.get("/report/corrections/")
    assert response.content.decode().count('">the change that corrected it<') == 6
