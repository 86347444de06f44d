"""Hostile or odd requests get a 400 or a sound page, never a server error.

Run on SQLite and PostgreSQL alike: a NUL byte, for one, passes SQLite and
breaks PostgreSQL.
"""

import datetime

import pytest
from django.urls import reverse

from core.dates import DatePrecision
from plenaries.models import Plenary
from tests.factories import (
    AnnexRevisionFactory,
    CountryFactory,
    EventFactory,
    MembershipFactory,
)
from tests.small_archive import build_archive

pytestmark = pytest.mark.django_db

NUL_URLS = [
    "/chairs/?entry=%00",
    "/annex/?entry=%00",
    "/plenaries/?q=%00",
    "/search/?q=a%00b",
    "/admin/plenaries/plenary/?q=%00",
    "/admin/plenaries/plenary/?city=%00",
    "/admin/autocomplete/?term=%00&app_label=plenaries&model_name=chairmanship"
    "&field_name=start_plenary",
    "/admin/autocomplete/?term=a&app_label=plenaries%00&model_name=chairmanship"
    "&field_name=start_plenary",
]


@pytest.fixture
def quiet_client(admin_client):
    """A signed-in staff client that gets a 500 as a response, not an exception."""
    build_archive()
    admin_client.raise_request_exception = False
    return admin_client


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_byte_in_a_query_value_is_a_bad_request(quiet_client, url):
    assert quiet_client.get(url).status_code == 400


def test_a_nul_byte_in_form_data_is_a_bad_request(quiet_client):
    plenary = Plenary.objects.get(slug="2016-busan")
    url = reverse("admin:plenaries_plenary_change", args=[plenary.pk])
    response = quiet_client.post(url, {"city": "Bu\x00san"})
    assert response.status_code == 400
    assert Plenary.objects.get(pk=plenary.pk).city == "Busan"


def test_a_nul_byte_is_refused_on_the_public_site_too(client):
    build_archive()
    client.raise_request_exception = False
    assert client.get("/chairs/?entry=%00").status_code == 400


def test_query_values_without_a_nul_byte_still_work(quiet_client):
    assert quiet_client.get("/chairs/?entry=nothing-such").status_code == 200
    assert quiet_client.get("/admin/plenaries/plenary/?q=Busan").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/plenaries/plenary/?slug__regex=(",
        "/admin/plenaries/plenary/?city__iregex=[",
        "/admin/plenaries/plenary/?country__name__regex=(?P<",
        # Django's own admins too, which allow a lookup on any of their fields.
        "/admin/auth/user/?username__regex=(",
        "/admin/auth/group/?name__iregex=[",
    ],
)
def test_an_admin_list_refuses_a_regex_lookup(quiet_client, url):
    assert quiet_client.get(url).status_code == 400


@pytest.mark.parametrize("version", ["abc", "1.5", "99999999999999999999"])
def test_a_history_version_that_is_not_a_number_is_not_found(quiet_client, version):
    plenary = Plenary.objects.get(slug="2016-busan")
    url = f"/admin/plenaries/plenary/{plenary.pk}/history/{version}/"
    assert quiet_client.get(url).status_code == 404


def test_a_history_of_a_record_id_that_is_not_a_number_is_not_found(quiet_client):
    url = "/admin/plenaries/plenary/abc/history/1/"
    assert quiet_client.get(url).status_code == 404


OPEN_ENDED = datetime.date(9999, 12, 31)


@pytest.fixture(params=[DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR])
def open_ended_records(request):
    """Records dated 31 December 9999, the usual stand-in for "no end yet"."""
    build_archive()
    precision = request.param
    MembershipFactory(
        country=CountryFactory(name="Ruritania", iso_code="XR"),
        since=OPEN_ENDED,
        since_precision=precision,
    )
    EventFactory(title="Open-ended outreach", date=OPEN_ENDED, date_precision=precision)
    AnnexRevisionFactory(date=OPEN_ENDED, date_precision=precision)


@pytest.mark.parametrize(
    "url", ["/", "/?order=newest", "/?order=newest&page=last", "/members/"]
)
def test_a_record_dated_in_year_9999_does_not_break_a_page(
    client, open_ended_records, url
):
    assert client.get(url).status_code == 200


def test_the_newest_first_timeline_opens_with_year_9999(client, open_ended_records):
    content = client.get("/?order=newest").content.decode()
    assert "Open-ended outreach" in content
    assert "9999" in content


@pytest.mark.parametrize(
    "method", ["TRACE", "PUT", "PATCH", "DELETE", "CONNECT", "FOO"]
)
@pytest.mark.parametrize(
    "url", ["/", "/plenaries/feed/", "/sitemap.xml", "/admin/login/", "/static/x"]
)
def test_a_method_the_site_does_not_serve_is_not_allowed(client, method, url):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_the_feed_still_answers_the_usual_methods(client, method):
    assert client.generic(method, "/plenaries/feed/").status_code == 200
