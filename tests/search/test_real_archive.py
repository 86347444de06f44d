"""/search/ on the real archive: fixtures/ loaded and indexed."""

import pytest
from django.db import connection
from django.urls import reverse

from search.models import VECTOR_INDEX, SearchEntry

pytestmark = pytest.mark.django_db

URL = reverse("search:results")


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def found(response, kind=None):
    return [
        hit.entry.key
        for hit in response.context["hits"]
        if kind is None or hit.entry.kind == kind
    ]


def test_intangible_technology_on_the_loaded_archive(client, real_archive):
    plenaries = found(search(client, q="intangible technology"), "plenary")
    assert {"2013-rome", "2014-oslo"} <= set(plenaries)


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL"
)
def test_a_rebuilt_index_leaves_nothing_pending_in_the_gin_index(real_archive):
    # What is pending is scanned row by row by every search until merged; the
    # function merges it and says how many pages it had to (none: done already).
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [VECTOR_INDEX])
        assert cursor.fetchone()[0] == 0
    assert SearchEntry.objects.count() > 300
