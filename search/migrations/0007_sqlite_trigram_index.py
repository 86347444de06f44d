"""SQLite's trigram index of the search entries, on SQLite only: PostgreSQL searches
through its GIN index (0002). Dropped by 0008; written out here rather than imported,
as the module that read the index is gone."""

import sqlite3

from django.db import migrations

TABLE = "search_entry_trigram"
# The trigram tokenizer came with SQLite 3.34.
MINIMUM_VERSION = (3, 34, 0)


def supported(connection):
    return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (
        MINIMUM_VERSION
    )


def create_index(apps, schema_editor):
    if supported(schema_editor.connection):
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "title, text, content='search_searchentry', content_rowid='id', "
            "tokenize='trigram')"
        )
        schema_editor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def drop_index(apps, schema_editor):
    if supported(schema_editor.connection):
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_paged_list_links")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
