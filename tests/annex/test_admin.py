"""The staff admin for the Annex revisions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annex.models import AnnexRevision
from tests.conftest import admin_form_data
from tests.factories import CitationFactory
from tests.small_archive import add_records

pytestmark = pytest.mark.django_db


def test_each_annex_admin_page_loads_for_staff(admin_client, small_archive):
    revision = small_archive["annex_revision"]
    for url in [
        reverse("admin:annex_annexrevision_changelist"),
        reverse("admin:annex_annexrevision_add"),
        reverse("admin:annex_annexrevision_change", args=[revision.pk]),
        reverse("admin:annex_annexrevision_history", args=[revision.pk]),
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_each_annex_admin_page_sends_an_anonymous_visitor_to_the_login_page(
    client, small_archive
):
    revision = small_archive["annex_revision"]
    for url in [
        reverse("admin:annex_annexrevision_changelist"),
        reverse("admin:annex_annexrevision_add"),
        reverse("admin:annex_annexrevision_change", args=[revision.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login")), url


def test_the_revision_list_runs_the_same_number_of_queries_for_more_revisions(
    admin_client, small_archive
):
    url = reverse("admin:annex_annexrevision_changelist")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    add_records(3)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(url)
    assert response.context["cl"].result_count == 4
    assert len(many) == len(few)


def test_a_revision_added_in_admin_with_a_citation_is_saved_and_cited(
    admin_client, small_archive
):
    add_url = reverse("admin:annex_annexrevision_add")
    data = admin_form_data(admin_client.get(add_url))
    data.update(
        slug="2022-10-annex",
        date="2022-10-21",
        date_precision="month",
        summary="Annex updated at Montreux",
        adopted_at="",
        meeting="Technical Experts Meeting",
        **{
            "citations-TOTAL_FORMS": "1",
            "citations-0-source": str(small_archive["source"].pk),
            "citations-0-passage": "The Partners adopted changes to the Annex",
            "citations-0-field": "",
            "citations-0-claim": "",
            "citations-0-is_followed": "on",
        },
    )
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.context["errors"]
    revision = AnnexRevision.objects.get(slug="2022-10-annex")
    assert revision.date_display == "October 2022"
    assert revision.citations.get().source == small_archive["source"]
    assert revision.history.count() == 1


def test_the_revision_change_page_shows_disagreeing_sources(
    admin_client, small_archive
):
    revision = small_archive["annex_revision"]
    CitationFactory(
        annex_revision=revision,
        source=small_archive["source"],
        field="date",
        claim="2016",
    )
    CitationFactory(
        annex_revision=revision,
        source=small_archive["source"],
        field="date",
        claim="2017",
        is_followed=False,
    )
    url = reverse("admin:annex_annexrevision_change", args=[revision.pk])
    page = admin_client.get(url).content.decode()
    assert "Sources disagree on date" in page
    assert "“2016” (the record follows this source)" in page
    flagged = admin_client.get(
        reverse("admin:annex_annexrevision_changelist"), {"sources": "disagree"}
    )
    assert list(flagged.context["cl"].result_list) == [revision]
