"""The history keeps the many-to-many fields (countries named, resolutions cited):
reverting restores them, and --force keeps the staff's version of them."""

import io

import pytest
from django.core.management import call_command

from members.models import Country
from plenaries.models import Plenary
from tests.conftest import admin_form_data, admin_url

pytestmark = pytest.mark.django_db


def load(*args):
    call_command("load_archive", *args, stdout=io.StringIO())


def named(plenary):
    return sorted(plenary.countries_named.values_list("iso_code", flat=True))


def name_only_korea_and_japan(admin_client, plenary):
    url = admin_url(Plenary, "change", plenary.pk)
    data = admin_form_data(admin_client.get(url))
    data["countries_named"] = [
        str(pk)
        for pk in Country.objects.filter(iso_code__in=["KR", "JP"]).values_list(
            "pk", flat=True
        )
    ]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert named(plenary) == ["JP", "KR"]


def test_reverting_in_admin_restores_the_countries_named(admin_client):
    load()
    busan = Plenary.objects.get(slug="2016-busan")
    as_loaded = named(busan)
    assert len(as_loaded) > 2
    before_edit = busan.history.latest("history_date")
    name_only_korea_and_japan(admin_client, busan)

    revert_url = admin_url(Plenary, "simple_history", busan.pk, before_edit.pk)
    data = admin_form_data(admin_client.get(revert_url))
    assert admin_client.post(revert_url, data).status_code == 302
    assert named(busan) == as_loaded


def test_the_history_row_of_a_load_holds_the_m2m_values():
    load()
    busan = Plenary.objects.get(slug="2016-busan")
    version = busan.history.latest("history_date")
    countries = version.countries_named.values_list("country__iso_code", flat=True)
    assert sorted(countries) == named(busan)


def test_force_keeps_the_staff_s_countries_named_in_history(admin_client):
    """The history row before the forced load's own holds the staff's version."""
    load()
    busan = Plenary.objects.get(slug="2016-busan")
    as_loaded = named(busan)
    name_only_korea_and_japan(admin_client, busan)

    load("--force")
    assert named(busan) == as_loaded
    forced, staff = busan.history.order_by("-history_date", "-history_id")[:2]
    assert forced.history_change_reason == "load_archive"
    countries = staff.countries_named.values_list("country__iso_code", flat=True)
    assert sorted(countries) == ["JP", "KR"]


def test_force_keeps_an_edit_that_wrote_no_history_row():
    """An edit without a history row of its own (a bulk update, a deleted record
    clearing a reference) is written to the history before --force replaces it."""
    load()
    busan = Plenary.objects.get(slug="2016-busan")
    Plenary.objects.filter(pk=busan.pk).update(opened_by="Someone else")
    busan.countries_named.through.objects.filter(plenary=busan).delete()

    load("--force")
    staff = busan.history.get(opened_by="Someone else")
    assert staff.history_change_reason.startswith("staff version")
    assert not staff.countries_named.exists()
    busan.refresh_from_db()
    assert busan.opened_by != "Someone else"
