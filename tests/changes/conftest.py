import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import admin_form_data, admin_url

STAFF_NAME = "quill-staffwright-7"


@pytest.fixture
def staff_client(client, django_user_model):
    """Signed in as a superuser whose name no public page may show."""
    user = django_user_model.objects.create_superuser(
        STAFF_NAME, email="", password="Staff-pass-2016"
    )
    client.force_login(user)
    return client


def edit_in_admin(client, record, reason, **values):
    """Post the record's admin change form with new values and a reason."""
    url = admin_url(type(record), "change", record.pk)
    data = admin_form_data(client.get(url))
    data.update(values, change_reason=reason)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    record.refresh_from_db()
    return record


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
