"""SQLite's trigram index of the search entries (search.trigrams), on SQLite only:
PostgreSQL searches through its GIN index (0002)."""

from django.db import migrations

from search import trigrams


def create_index(apps, schema_editor):
    if trigrams.supported(schema_editor.connection):
        with schema_editor.connection.cursor() as cursor:
            trigrams.create(cursor)


def drop_index(apps, schema_editor):
    if trigrams.supported(schema_editor.connection):
        schema_editor.execute(f"DROP TABLE IF EXISTS {trigrams.TABLE}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_paged_list_links")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
