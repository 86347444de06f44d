"""The admin's history pages: reverting is a change, and bad URLs are not errors."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from plenaries.models import Plenary
from tests.conftest import admin_form_data
from tests.factories import PlenaryFactory

pytestmark = pytest.mark.django_db


def staff_with(django_user_model, *codenames):
    user = django_user_model.objects.create_user(
        "editor", password="Editor-pass-2016", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def renamed_plenary():
    """A plenary first held in Busan, then renamed: two versions in its history."""
    plenary = PlenaryFactory(city="Busan")
    plenary.city = "Renamed"
    plenary.save()
    return plenary


def revert_url(plenary):
    first = plenary.history.earliest("history_date")
    return reverse(
        "admin:plenaries_plenary_simple_history", args=[plenary.pk, first.history_id]
    )


def test_a_view_only_editor_can_neither_open_nor_post_the_revert_form(
    client, admin_client, django_user_model, renamed_plenary
):
    url = revert_url(renamed_plenary)
    whole_form = admin_form_data(admin_client.get(url))
    client.force_login(staff_with(django_user_model, "view_plenary"))
    posted = client.post(url, whole_form)
    assert posted.status_code == 403
    assert Plenary.objects.get(pk=renamed_plenary.pk).city == "Renamed"
    assert client.get(url).status_code == 403
    # Reading the history list stays allowed.
    history = reverse("admin:plenaries_plenary_history", args=[renamed_plenary.pk])
    assert client.get(history).status_code == 200


def test_an_editor_who_may_change_a_record_can_still_revert_it(
    client, django_user_model, renamed_plenary
):
    client.force_login(staff_with(django_user_model, "view_plenary", "change_plenary"))
    url = revert_url(renamed_plenary)
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(url, admin_form_data(form))
    assert response.status_code == 302
    assert Plenary.objects.get(pk=renamed_plenary.pk).city == "Busan"


class InlineStyles(HTMLParser):
    """The style attributes and <style> elements of a page, which the site's
    Content-Security-Policy (style-src 'self') refuses."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "style" or any(name == "style" for name, _ in attrs):
            self.found.append(self.get_starttag_text())


def test_the_history_pages_need_no_inline_style(admin_client, renamed_plenary):
    policy = admin_client.get("/admin/").headers["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    pages = [
        reverse("admin:plenaries_plenary_history", args=[renamed_plenary.pk]),
        revert_url(renamed_plenary),
        reverse("admin:plenaries_plenary_change", args=[renamed_plenary.pk]),
        reverse("admin:plenaries_plenary_changelist"),
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert InlineStyles(response.content.decode()).found == [], url
