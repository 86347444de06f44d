"""What the tests of the editors' path share: an editor, other staff, the texts."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

TEXTS = Path(__file__).parent / "texts"
# A statement we wrote in the style of a real one, for a plenary the archive lacks.
NEW_STATEMENT = (TEXTS / "wellington-2031-statement.txt").read_text()
# A host government's copy of the Busan plenary, dated a day later than the archive.
BUSAN_COPY = (TEXTS / "busan-2016-host-copy.txt").read_text()
ADD_URL = "/admin/submissions/submission/add/"


@pytest.fixture
def editors_group(db):
    """The group the data migration made (a module's flush of the real archive
    empties auth_group, so it is made again if gone)."""
    migration = importlib.import_module("submissions.migrations.0002_editors_group")
    migration.create_editors(apps, None)
    return Group.objects.get(name="editors")


@pytest.fixture
def editor(editors_group, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="a-long-editor-password", is_staff=True
    )
    user.groups.add(editors_group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def other_staff_client(client, django_user_model):
    """Staff outside "editors": may see the archive's records, not this path."""
    user = django_user_model.objects.create_user(
        "clerk", password="a-long-clerk-password", is_staff=True
    )
    client.force_login(user)
    return client


def catalogue_data(**overrides):
    data = {
        "title": "Public statement of the MTCR plenary, Wellington, 17 October 2031",
        "kind": "statement",
        "publisher": "MTCR",
        "published": "2031-10-17",
        "url": "https://example.org/mtcr/2031-statement",
        "plenary": "",
        "text": NEW_STATEMENT,
    }
    data.update(overrides)
    return data


def add_document(client, **overrides):
    """Add a document through the admin's add form; the response (not followed)."""
    return client.post(ADD_URL, catalogue_data(**overrides))


def review_url(submission):
    return reverse("admin:submissions_submission_review", args=[submission.pk])


def review_data(response):
    """The review form's POST data as the page shows it (every default kept)."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "source_only":
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else str(value)
    return data


def field_of(response, path, kind="decision"):
    """The review form's field name for the fact at `path`."""
    for number, item in enumerate(response.context["form"].items):
        if item.path == path:
            return f"{kind}-{number}"
    raise AssertionError(f"no fact {path} on the review page")
