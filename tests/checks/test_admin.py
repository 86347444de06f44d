"""The consistency findings in the admin: the list check_archive prints, for
staff allowed to view it; nobody else sees it, and there is nothing to edit."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from .planted import listed_count, partners, plenary, stated_count

pytestmark = pytest.mark.django_db

URL = reverse("admin:checks_consistencyfinding_changelist")


@pytest.fixture
def planted():
    partners(3)
    listed_count(stated_count(plenary(slug="2030-oslo"), 3), 2)


def test_staff_see_each_finding_with_its_evidence(admin_client, planted):
    response = admin_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "list-shorter-than-count:plenary/2030-oslo/listed_count" in page
    assert "a member list shorter than the count it states" in page
    assert "claims.csv, row 7" in page
    assert "<strong>1 new</strong>" in page


def test_the_admin_index_links_the_findings_under_the_app(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "Consistency checks" in page
    assert URL in page


def test_known_findings_are_listed_with_their_explanations(
    admin_client, planted, settings, tmp_path
):
    (tmp_path / "known-findings.toml").write_text(
        "[[finding]]\n"
        'key = "list-shorter-than-count:plenary/2030-oslo/listed_count"\n'
        'explanation = "The host is left out of the list."\n'
    )
    settings.SOURCES_DIR = tmp_path
    page = admin_client.get(URL).content.decode()
    assert "<strong>0 new</strong>, 1 known" in page
    assert "The host is left out of the list." in page


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_view_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    user.user_permissions.add(
        Permission.objects.get(codename="view_consistencyfinding")
    )
    assert client.get(URL).status_code == 200


def test_there_is_nothing_to_add_or_change(admin_client):
    add = reverse("admin:checks_consistencyfinding_add")
    assert admin_client.get(add).status_code == 403
