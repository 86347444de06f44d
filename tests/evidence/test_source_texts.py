"""Pages that cite documents read each document's title and link, not its text: a
statement runs to tens of kilobytes, and a page citing one document a hundred times
would otherwise read it a hundred times."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("real_archive", "no_page_cache"),
]

TEXT = '"evidence_sourcedocument"."text"'


def queries_reading_texts(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert b"Source" in response.content or url.startswith("/api/")
    return [query["sql"] for query in queries if TEXT in query["sql"]]


@pytest.mark.parametrize(
    "url",
    [
        "/plenaries/2016-busan/",
        "/members/",
        "/members/india/",
        "/adherents/",
        "/api/plenaries/2016-busan/",
    ],
)
def test_pages_citing_documents_do_not_read_their_text(client, url):
    assert queries_reading_texts(client, url) == []


def test_a_document_is_read_once_for_its_own_page(client):
    # The document's own record reads its text; its citations point back to it
    # and read no more.
    assert len(queries_reading_texts(client, "/api/sources/busan-2016-statement/")) == 1
