"""The plenary, chair and source pages run as many queries on an archive ten times
larger: the small archive grown by tests.large_archive."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory
from tests.large_archive import count_queries, grow_archive

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.usefixtures("no_page_cache"),
]

LIST = reverse("plenaries:list")


PAGES = [
    LIST,
    LIST + "?year_from=1990&country=korea&q=partners&order=newest",
    LIST + "?format=json",
    "/plenaries/2016-busan/",
    "/plenaries/generated-5/",
    reverse("plenaries:chairs"),
    reverse("plenaries:chairs") + "?format=csv",
    reverse("plenaries:chairs") + "?entry=generated-5",
    reverse("evidence:list"),
    "/sources/busan-2016-statement/",
    "/sources/generated-0/",
    reverse("plenaries:feed"),
    "/sitemap.xml",
]


def test_each_page_runs_the_same_queries_on_an_archive_ten_times_larger(
    client, small_archive, django_assert_max_num_queries
):
    grow_archive(scale=1)
    # A partnership begun in October 2016, possibly on Busan's first day, as the
    # larger archive has: the page then reads the witnesses of its possible
    # partners, one query more, in both archives.
    MembershipFactory(since=datetime.date(2016, 10, 1))
    small = {url: count_queries(client, url) for url in PAGES}
    grow_archive(scale=10)
    for url in PAGES:
        with django_assert_max_num_queries(small[url]):
            assert client.get(url).status_code == 200
    assert max(small.values()) <= 20
