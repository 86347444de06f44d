"""The staff admin for countries, regions, partnership and adherence."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Adherence, Country, Membership
from tests.conftest import admin_form_data, admin_url, registered_models
from tests.factories import CountryFactory, MembershipFactory
from tests.small_archive import add_records

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
    MembershipFactory(
        country=CountryFactory(name="Poland", iso_code="PL"),
        since_earliest=datetime.date(1997, 11, 7),
        since_latest=datetime.date(1998, 10, 5),
        since_precision="day",
        founding=False,
    )
    response = admin_client.get(admin_url(Country, "changelist"))
    page = response.content.decode()
    shown = {
        c.iso_code: response.context["cl"].model_admin.partnership(c)
        for c in response.context["cl"].result_list
    }
    assert shown["IN"] == "27 June 2016"  # to the day
    assert shown["KR"] == "March 2001"  # to the month
    assert shown["PL"] == "between 7 November 1997 and 5 October 1998"
    assert shown["KP"] == "-"
    for text in shown.values():
        assert f'<td class="field-partnership">{text}</td>' in page
    partners = admin_client.get(admin_url(Country, "changelist"), {"partner": "yes"})
    assert {c.iso_code for c in partners.context["cl"].result_list} == {
        "IN",
        "KR",
        "PL",
    }


def test_an_edit_to_a_membership_is_kept_in_history_and_can_be_reverted(
    admin_client, small_archive
):
    membership = small_archive["membership"]
    change_url = admin_url(Membership, "change", membership.pk)
    data = admin_form_data(admin_client.get(change_url))
    data["since_precision"] = "year"
    data["since_earliest"] = ""
    data["since_latest"] = "2016-12-31"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"]
    membership.refresh_from_db()
    assert membership.since_display == "by 2016"
    assert membership.since_edtf == "[..2016]"

    first = membership.history.earliest("history_date")
    revert_url = admin_url(Membership, "simple_history", membership.pk, first.pk)
    response = admin_client.post(
        revert_url, admin_form_data(admin_client.get(revert_url))
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.since_display == "27 June 2016"
    assert membership.since_earliest == membership.since_latest
    assert membership.citations.count() == 1


def test_an_edit_that_puts_the_earliest_day_after_the_latest_is_refused(
    admin_client, small_archive
):
    membership = small_archive["membership"]
    change_url = admin_url(Membership, "change", membership.pk)
    data = admin_form_data(admin_client.get(change_url))
    data["since_earliest"] = "2016-07-01"
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert response.context["errors"] == [
        ["“Began on or after” cannot be later than “began by”."]
    ]
    membership.refresh_from_db()
    assert membership.since_earliest == datetime.date(2016, 6, 27)
    assert membership.history.count() == 1


def test_an_edit_that_ends_an_adherence_before_it_was_declared_is_refused(
    admin_client, small_archive
):
    adherence = small_archive["adherence"]
    change_url = admin_url(Adherence, "change", adherence.pk)
    data = admin_form_data(admin_client.get(change_url))
    data["ended"] = "2004-01-01"
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert response.context["errors"] == [
        ["An adherence cannot end before the day it was “declared on or after”."]
    ]
    adherence.refresh_from_db()
    assert adherence.ended == datetime.date(2016, 6, 27)
    assert adherence.history.count() == 1
