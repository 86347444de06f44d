"""The admin as a whole: staff made the usual way get in, nobody else does."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_superuser_made_with_createsuperuser_signs_in_and_sees_every_model(
    client, monkeypatch
):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Archive-staff-2016")
    call_command(
        "createsuperuser",
        interactive=False,
        username="archivist",
        email="archivist@example.org",
        verbosity=0,
    )
    assert client.login(username="archivist", password="Archive-staff-2016")
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    models = {
        (app["app_label"], model["object_name"])
        for app in response.context["app_list"]
        for model in app["models"]
    }
    assert {
        ("members", "Country"),
        ("members", "Region"),
        ("members", "Membership"),
        ("members", "Adherence"),
        ("plenaries", "Plenary"),
        ("plenaries", "Resolution"),
        ("plenaries", "Chairmanship"),
        ("plenaries", "ChairPerson"),
        ("plenaries", "Event"),
        ("evidence", "SourceDocument"),
        ("evidence", "Citation"),
        ("annex", "AnnexRevision"),
    } <= models


def test_a_user_who_is_not_staff_cannot_sign_in_to_the_admin(client, django_user_model):
    django_user_model.objects.create_user("reader", password="Reader-pass-1987")
    response = client.post(
        reverse("admin:login"),
        {"username": "reader", "password": "Reader-pass-1987", "next": "/admin/"},
    )
    assert response.status_code == 200  # the form again, with its error
    assert "staff account" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_admin_index_sends_an_anonymous_visitor_to_the_login_page(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:login')}?next=/admin/"
