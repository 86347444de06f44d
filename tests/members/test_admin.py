"""The staff admin for countries, regions, partnership and adherence."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Country, Membership
from tests.conftest import admin_form_data, admin_url, registered_models
from tests.factories import add_records

pytestmark = pytest.mark.django_db

MODELS = registered_models("members")


def test_every_members_model_is_in_the_admin():
    assert {model.__name__ for model in MODELS} == {
        "Adherence",
        "Country",
        "Membership",
        "Region",
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_admin_page_loads_for_staff(admin_client, small_archive, model):
    obj = model.objects.first()
    for url in [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "history", obj.pk),
    ]:
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_each_admin_page_sends_an_anonymous_visitor_to_the_login_page(
    client, small_archive, model
):
    obj = model.objects.first()
    for url in [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login")), url


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_list_page_runs_the_same_number_of_queries_for_more_records(
    admin_client, small_archive, model
):
    url = admin_url(model, "changelist")
    admin_client.get(url)
    with CaptureQueriesContext(connection) as few:
        shown = admin_client.get(url).context["cl"].result_count
    add_records(3)
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(url)
    assert response.context["cl"].result_count >= shown + 3
    assert len(many) == len(few), [query["sql"] for query in many]


def test_the_country_list_shows_partnership_as_precisely_as_known(
    admin_client, small_archive
):
    response = admin_client.get(admin_url(Country, "changelist"))
    page = response.content.decode()
    assert "since 27 June 2016" in page  # India, to the day
    partners = admin_client.get(admin_url(Country, "changelist"), {"partner": "yes"})
    assert {c.iso_code for c in partners.context["cl"].result_list} == {"IN", "KR"}


def test_an_edit_to_a_membership_is_kept_in_history_and_can_be_reverted(
    admin_client, small_archive
):
    membership = small_archive["membership"]
    change_url = admin_url(Membership, "change", membership.pk)
    data = admin_form_data(admin_client.get(change_url))
    data["since_precision"] = "year"
    data["since_is_upper_bound"] = "on"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"]
    membership.refresh_from_db()
    assert membership.since_display == "by 2016"

    first = membership.history.earliest("history_date")
    revert_url = admin_url(Membership, "simple_history", membership.pk, first.pk)
    response = admin_client.post(
        revert_url, admin_form_data(admin_client.get(revert_url))
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.since_display == "since 27 June 2016"
    assert membership.citations.count() == 1
