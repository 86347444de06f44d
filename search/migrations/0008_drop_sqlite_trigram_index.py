"""Drop SQLite's trigram index of the search entries (0007): search on SQLite
matches each word as a substring over all passages. Nothing to do on PostgreSQL."""

from importlib import import_module

from django.db import migrations

TABLE = "search_entry_trigram"


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def create_index(apps, schema_editor):
    """Back to 0007: the index its code read."""
    previous = import_module("search.migrations.0007_sqlite_trigram_index")
    previous.create_index(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_sqlite_trigram_index")]

    operations = [migrations.RunPython(drop_index, create_index, elidable=False)]
