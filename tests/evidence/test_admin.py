"""The staff admin for citations: contradicted ones marked in the list."""

import pytest

from evidence.models import Citation
from tests.conftest import admin_url

pytestmark = pytest.mark.django_db


def test_the_citation_list_marks_each_contradicted_citation(
    admin_client, small_archive
):
    response = admin_client.get(admin_url(Citation, "changelist"))
    contradicted = {
        citation.key
        for citation in response.context["cl"].result_list
        if citation.claim and citation.contradicted
    }
    assert contradicted == {"busan-dates-statement", "busan-dates-overview"}
