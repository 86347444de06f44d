"""Upgrading a real database across the move of the evidence to its own app.

A database made before the move (plenaries 0003, no evidence app) holds a source
document and a citation that staff edited, their history, a permission a group
holds and an admin log entry: plenaries 0004 and evidence 0001-0002 carry every
one of them into the evidence app, and back again.
"""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from evidence.models import Citation, SourceDocument

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("plenaries", "0003_host_date_index"), ("evidence", None)]
EDITED = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)


def migrate(targets):
    """Migrate the test database to `targets`; the historical apps it then has."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()  # reads which migrations are applied now
    return executor.loader.project_state(list(executor.loader.applied_migrations)).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def at_latest_afterwards():
    """Whatever happens, the database is left fully migrated for the other tests."""
    yield
    migrate(latest())
    ContentType.objects.clear_cache()


def make_pre_move_records(apps):
    """What a database made before the move holds of the evidence, staff's too."""
    User = apps.get_model("auth", "User")
    editor = User.objects.create(username="editor", is_staff=True, password="!")
    source, citation = make_cited_plenary(apps)
    make_history(apps, source, citation, editor)
    return {
        "source": source.pk,
        "citation": citation.pk,
        **make_staff_permissions(apps, source, editor),
    }


def make_cited_plenary(apps):
    """The Busan plenary, its statement (as staff retitled it) and one citation."""
    Country = apps.get_model("members", "Country")
    Plenary = apps.get_model("plenaries", "Plenary")
    korea = Country.objects.create(name="Korea", iso_code="KR", slug="korea")
    busan = Plenary.objects.create(
        slug="2016-busan",
        number=30,
        city="Busan",
        country=korea,
        start_date=datetime.date(2016, 10, 17),
        end_date=datetime.date(2016, 10, 21),
    )
    source = apps.get_model("plenaries", "SourceDocument").objects.create(
        file_name="2016-busan-statement.txt",
        slug="2016-busan-statement",
        title="Plenary statement, Busan (edited by staff)",
        kind="statement",
        publisher="MTCR",
        published=datetime.date(2016, 10, 21),
        text="Busan, 17-21 October 2016",
        plenary=busan,
    )
    citation = apps.get_model("plenaries", "Citation").objects.create(
        key="busan-dates-statement",
        source=source,
        passage="Busan, 17-21 October 2016",
        field="dates",
        claim="17-21 October 2016",
        is_followed=True,
        plenary=busan,
    )
    return source, citation


def make_history(apps, source, citation, editor):
    """The document's history (loaded, then retitled by staff) and the citation's."""
    HistoricalSource = apps.get_model("plenaries", "HistoricalSourceDocument")
    source_fields = {
        name: getattr(source, name)
        for name in ["id", "file_name", "slug", "kind", "publisher", "published"]
    }
    for kind, title, when in [
        ("+", "Plenary statement, Busan", EDITED - datetime.timedelta(days=1)),
        ("~", source.title, EDITED),
    ]:
        HistoricalSource.objects.create(
            **source_fields,
            title=title,
            text=source.text,
            plenary_id=source.plenary_id,
            history_date=when,
            history_type=kind,
            history_user=editor,
            history_change_reason="title corrected" if kind == "~" else None,
        )
    apps.get_model("plenaries", "HistoricalCitation").objects.create(
        id=citation.id,
        key=citation.key,
        source_id=source.pk,
        passage=citation.passage,
        field=citation.field,
        claim=citation.claim,
        is_followed=True,
        plenary_id=source.plenary_id,
        history_date=EDITED,
        history_type="+",
        history_user=editor,
    )


def make_staff_permissions(apps, source, editor):
    """The content type as the database had it (the site made it, and its
    permissions, when the model was in the plenaries app), a group given one of
    its permissions, and an admin log entry of the staff edit."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="plenaries", model="sourcedocument"
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename="change_sourcedocument",
        defaults={"name": "Can change source document"},
    )
    reviewers = apps.get_model("auth", "Group").objects.create(name="reviewers")
    reviewers.permissions.add(permission)
    entry = apps.get_model("admin", "LogEntry").objects.create(
        action_time=EDITED,
        user=editor,
        content_type=content_type,
        object_id=str(source.pk),
        object_repr=source.title,
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Title"]}}]',
    )
    return {
        "content_type": content_type.pk,
        "permission": permission.pk,
        "log_entry": entry.pk,
    }


def assert_in_the_evidence_app(made):
    ContentType.objects.clear_cache()
    source = SourceDocument.objects.get(pk=made["source"])
    assert source.title == "Plenary statement, Busan (edited by staff)"
    assert source.file_name == "2016-busan-statement.txt"
    assert source.plenary.slug == "2016-busan"
    citation = Citation.objects.get(pk=made["citation"])
    assert (citation.key, citation.source, citation.claim, citation.plenary) == (
        "busan-dates-statement",
        source,
        "17-21 October 2016",
        source.plenary,
    )
    assert list(source.citations.all()) == [citation]

    history = list(source.history.order_by("history_date"))
    assert [(h.history_type, h.title) for h in history] == [
        ("+", "Plenary statement, Busan"),
        ("~", "Plenary statement, Busan (edited by staff)"),
    ]
    assert history[-1].history_user.username == "editor"
    assert history[-1].history_change_reason == "title corrected"
    assert [(h.history_type, h.claim) for h in citation.history.all()] == [
        ("+", "17-21 October 2016")
    ]

    content_type = ContentType.objects.get(pk=made["content_type"])
    assert (content_type.app_label, content_type.model) == (
        "evidence",
        "sourcedocument",
    )
    assert content_type.model_class() is SourceDocument
    assert ContentType.objects.get_for_model(SourceDocument) == content_type
    assert not ContentType.objects.filter(app_label="plenaries", model="citation")
    assert not ContentType.objects.filter(app_label="plenaries", model="sourcedocument")

    reviewers = Group.objects.get(name="reviewers")
    assert [p.pk for p in reviewers.permissions.all()] == [made["permission"]]
    editor = reviewers.permissions.get().content_type
    assert editor == content_type
    reviewers.user_set.add(history[-1].history_user)
    assert history[-1].history_user.has_perm("evidence.change_sourcedocument")

    entry = LogEntry.objects.get(pk=made["log_entry"])
    assert entry.content_type == content_type
    assert entry.get_edited_object() == source
    assert entry.get_admin_url() == (
        f"/admin/evidence/sourcedocument/{source.pk}/change/"
    )

    # The renamed tables take new rows (their id sequences came along).
    added = SourceDocument.objects.create(
        file_name="new.txt", slug="new", title="New", kind="overview", text="New"
    )
    assert added.pk > source.pk
    added.delete()


def test_the_move_keeps_rows_history_permissions_and_log_entries(
    at_latest_afterwards,
):
    apps = migrate(BEFORE_THE_MOVE)
    assert not any(m._meta.app_label == "evidence" for m in apps.get_models())
    made = make_pre_move_records(apps)

    migrate(latest())
    assert_in_the_evidence_app(made)

    # Back before the move, everything is in the plenaries app again ...
    apps = migrate(BEFORE_THE_MOVE)
    Source = apps.get_model("plenaries", "SourceDocument")
    assert Source.objects.get(pk=made["source"]).title.endswith("(edited by staff)")
    history = apps.get_model("plenaries", "HistoricalSourceDocument").objects
    assert history.filter(id=made["source"]).count() == 2
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(
        pk=made["content_type"]
    )
    assert content_type.app_label == "plenaries"

    # ... and forward once more, in the evidence app.
    migrate(latest())
    assert_in_the_evidence_app(made)
