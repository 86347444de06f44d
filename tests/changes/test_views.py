"""The change log's pages: bounded queries, and no 500 whatever the URL says."""

import pytest

from changes.models import Change
from tests.factories import CountryFactory
from tests.small_archive import add_records

from .conftest import queries_of

pytestmark = pytest.mark.django_db


def test_the_log_runs_the_same_queries_with_one_change_and_with_many(
    client, no_page_cache, django_assert_max_num_queries
):
    CountryFactory()
    assert Change.objects.count() == 1
    one = queries_of(client, "/changes/")
    feed_one = queries_of(client, "/changes/feed/")
    add_records(6)  # some hundred changes: several pages
    assert Change.objects.count() > 100
    assert queries_of(client, "/changes/") == one
    assert queries_of(client, "/changes/feed/") == feed_one
    # A page and the feed: the entries, and the readers' reports they fixed.
    with django_assert_max_num_queries(3):
        client.get("/changes/", {"page": "2", "kind": "created"})
    with django_assert_max_num_queries(2):
        client.get("/changes/feed/")


def test_a_record_s_changes_run_a_constant_number_of_queries(
    client, no_page_cache, django_assert_max_num_queries
):
    country = CountryFactory(name="Ukraine", slug="ukraine", iso_code="UA")
    url = "/changes/members.country/ukraine/"
    one = queries_of(client, url)
    for number in range(30):
        country.name = f"Ukraine {number}"
        country._change_reason = f"Spelling {number}"
        country.save()  # a reason of its own: an entry of its own
    assert Change.objects.of_record("members.country", country.pk).count() == 31
    assert queries_of(client, url) == one
    with django_assert_max_num_queries(5):  # 4, and the readers' reports fixed
        client.get(url, {"page": "2"})


def test_an_entry_link_opens_the_page_holding_it(client, no_page_cache):
    CountryFactory()
    oldest = Change.objects.last()
    add_records(6)
    response = client.get(oldest.get_absolute_url())
    assert response.context["page_obj"].number > 1
    assert f'id="{oldest.anchor}"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"page": "-1"},
        {"kind": "nonsense"},
        {"record": "auth.user"},
        {"record": ["plenaries.plenary", "members.country"]},
        {"entry": "change-abc"},
        {"entry": "change-99999999999999999999999"},
        {"entry": "change-1", "page": "x"},
    ],
)
def test_bad_page_and_filter_values_are_ignored(client, query, no_page_cache):
    CountryFactory()
    assert client.get("/changes/", query).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/changes/nothing/x/",
        "/changes/auth.user/admin/",
        "/changes/Members.Country/korea/",
        "/changes/members.country/no-such-country/",
        "/changes/plenaries.resolution/abc/",
        "/changes/plenaries.resolution/99999999999999999999999/",
        "/changes/members.adherence/KR/",
        "/changes/members.adherence/KR/formal/extra/",
        "/changes/plenaries.chairperson/x/y/z/",
        "/changes/changes.change/1/",
    ],
)
def test_an_unknown_record_is_a_404(client, url, small_archive, no_page_cache):
    assert client.get(url).status_code == 404


def test_records_without_slugs_have_changes_by_natural_key(
    client, small_archive, no_page_cache
):
    adherence = small_archive["adherence"]
    key = f"{adherence.country.iso_code}/{adherence.kind}"
    response = client.get(f"/changes/members.adherence/{key}/")
    assert response.status_code == 200
    assert Change.objects.filter(record_key=key).exists()


def test_the_loader_s_reason_is_the_one_the_log_folds():
    from changes.models import LOADER_REASON
    from ingest.loader import CHANGE_REASON

    assert LOADER_REASON == CHANGE_REASON
