"""The Annex revisions page: a timeline with a year filter and exports."""

import datetime
import json

import pytest
from django.urls import reverse

from tests.factories import AnnexRevisionFactory
from tests.large_archive import count_queries, grow_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

ANNEX = reverse("annex:list")


def slugs(response):
    return [revision.slug for revision in response.context["object_list"]]


@pytest.fixture
def revisions(small_archive):
    AnnexRevisionFactory(
        slug="1993-annex",
        date=datetime.date(1993, 1, 1),
        date_precision="year",
        summary="First Annex revision",
        meeting="Technical Experts Meeting",
    )
    return small_archive


def test_revisions_are_listed_oldest_first_with_anchors(client, revisions):
    response = client.get(ANNEX)
    html = response.content.decode()
    assert slugs(response) == ["1993-annex", "2016-10-annex"]
    assert 'id="2016-10-annex"' in html
    assert (
        revisions["annex_revision"].get_absolute_url()
        == "/annex/?entry=2016-10-annex#2016-10-annex"
    )


def test_revision_dates_are_shown_at_their_precision(client, revisions):
    html = client.get(ANNEX).content.decode()
    assert '<time datetime="1993-01-01">1993</time>' in html
    assert '<time datetime="2016-10-21">October 2016</time>' in html


def test_who_adopted_a_revision_is_shown(client, revisions):
    html = client.get(ANNEX).content.decode()
    assert "Adopted by the Technical Experts Meeting" in html
    assert 'Adopted at the <a href="/plenaries/2016-busan/">30th plenary' in html


def test_year_range_filter(client, revisions):
    assert slugs(client.get(ANNEX, {"year_from": 2000})) == ["2016-10-annex"]
    assert slugs(client.get(ANNEX, {"year_to": 2000})) == ["1993-annex"]
    empty = client.get(ANNEX, {"year_from": 2020})
    assert "Nothing matches these filters" in empty.content.decode()


def test_a_bad_year_is_ignored_and_reported(client, revisions):
    response = client.get(ANNEX, {"year_from": "abc", "year_to": "1999"})
    assert response.status_code == 200
    assert slugs(response) == ["1993-annex"]
    assert "could not be read and were ignored" in response.content.decode()


def test_exports_hold_the_filtered_revisions(client, revisions):
    rows = json.loads(client.get(ANNEX, {"year_from": 2000, "format": "json"}).content)
    assert [row["slug"] for row in rows] == ["2016-10-annex"]
    assert rows[0]["adopted_at"] == "2016-busan"
    assert (
        rows[0]["url"] == "http://testserver/annex/?entry=2016-10-annex#2016-10-annex"
    )
    assert len(rows[0]["evidence"]) == 1
    assert client.get(ANNEX, {"format": "xml"}).status_code == 400


@pytest.mark.slow
def test_the_page_runs_the_same_queries_on_an_archive_ten_times_larger(
    client, revisions, django_assert_max_num_queries
):
    grow_archive(scale=1)
    urls = [ANNEX, ANNEX + "?format=csv", ANNEX + "?entry=generated-annex-3"]
    small = {url: count_queries(client, url) for url in urls}
    grow_archive(scale=10)
    for url, queries in small.items():
        with django_assert_max_num_queries(queries):
            assert client.get(url).status_code == 200
    assert max(small.values()) <= 5
