"""The one description of the archive's tables, read by writer, loader and download."""

from django.apps import apps

from api.data import TABLES as BULK_TABLES
from core.records import ArchiveRecord
from ingest.tables import BY_LABEL, TABLES


def test_every_archive_model_is_described_once():
    """Each model the loader may write has exactly one table, file and bulk name."""
    archive_models = {
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, ArchiveRecord)
    }
    assert {table.label for table in TABLES} == archive_models
    for attribute in ("label", "fixture", "name"):
        values = [getattr(table, attribute) for table in TABLES]
        assert len(set(values)) == len(values), attribute


def test_every_table_comes_after_the_tables_it_refers_to():
    """The order is a load order: foreign keys and many-to-many point backwards."""
    position = {table.label: index for index, table in enumerate(TABLES)}
    for table in TABLES:
        model = apps.get_model(table.label)
        for field in model._meta.get_fields():
            if not (field.concrete and field.is_relation):
                continue
            target = field.related_model._meta.label_lower
            if target in position and target != table.label:
                assert position[target] < position[table.label], (
                    f"{table.label}.{field.name} -> {target}"
                )


def test_the_bulk_download_serves_the_tables_in_load_order():
    assert list(BULK_TABLES) == [table.name for table in TABLES]
    assert [model._meta.label_lower for model in BULK_TABLES.values()] == list(BY_LABEL)


def test_the_fixture_writer_files_each_record_under_its_table(settings):
    """Every file the writer gives is a table's, holding only that table's model."""
    from ingest.build import build_archive
    from ingest.fixtures import fixture_objects

    objects = fixture_objects(build_archive(settings.SOURCES_DIR))
    assert list(objects) == [table.fixture for table in TABLES]
    for table in TABLES:
        assert objects[table.fixture], table.fixture
        assert {item["model"] for item in objects[table.fixture]} == {table.label}
