"""The base of every archive record: its history, and what was last loaded."""

import json

from django.db import migrations, models
from django.dispatch import Signal
from simple_history.models import HistoricalRecords

# Sent after a change to the archive that sends no post_save or post_delete (a bulk
# load): whatever keeps a copy of the archive (the page cache) drops it.
archive_changed = Signal()


def archive_key_of(natural_key):
    """A natural key as one string: its only value ("2016-busan", "KR"), or the
    JSON list of its values (["2004-republic-of-korea", "OH Joon"])."""
    values = [str(value) for value in natural_key]
    if len(values) == 1:
        return values[0]
    return json.dumps(values, ensure_ascii=False)


class ArchiveRecord(models.Model):
    """A record the archive keeps the history of; load_archive may have written it."""

    # A digest of the values load_archive last wrote: when the row no longer matches
    # it, staff have edited the record, and the loader keeps their version.
    loaded_digest = models.CharField(max_length=64, blank=True, editable=False)
    # The record's natural key as load_archive first wrote it (archive_key_of), which
    # an edit in admin never changes: the loader finds the record by it even after
    # staff corrected its slug, code or name. Blank for records staff created. It
    # is the loader's, so neither the fixtures nor the bulk data carry it.
    archive_key = models.CharField(
        max_length=500, blank=True, editable=False, serialize=False
    )

    history = HistoricalRecords(inherit=True, excluded_fields=["loaded_digest"])

    # Many-to-many fields the history keeps with each version (reverting restores
    # them): a model names its own.
    _history_m2m_fields = ()

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["archive_key"],
                condition=~models.Q(archive_key=""),
                name="%(app_label)s_%(class)s_unique_archive_key",
            )
        ]


def fill_archive_keys(apps, label, key_fields, loaded_reason="load_archive"):
    """For a data migration: give the loaded rows of a model (and their history)
    their archive_key.

    `key_fields` are the lookups of the natural key ("slug"); a part of it that
    is another record's natural key is that record's archive_key, filled before
    ("country__archive_key", "kind").
    A record's key is its natural key as load_archive last wrote it, read from its
    history (so a record staff renamed before there were archive keys is found
    again), else its natural key now. Records staff created (no digest, no load
    in their history) stay blank. Where two rows would claim one key (a load that
    created the original beside a renamed record), the row that still has that
    natural key takes it.
    """
    model = apps.get_model(label)
    history = apps.get_model(label.replace(".", ".historical", 1))
    loaded = {}
    rows = history.objects.filter(history_change_reason=loaded_reason).order_by(
        "history_date", "history_id"
    )
    for pk, *natural_key in rows.values_list("id", *key_fields).iterator():
        if None not in natural_key and "" not in natural_key:
            loaded[pk] = archive_key_of(natural_key)
    now = {}
    for pk, digest, *natural_key in model.objects.values_list(
        "pk", "loaded_digest", *key_fields
    ).iterator():
        now[pk] = archive_key_of(natural_key)
        if digest and pk not in loaded and "" not in natural_key:
            loaded[pk] = now[pk]
    claimed = {}
    for pk in sorted(now):
        key = loaded.get(pk)
        if key is not None and (key not in claimed or now[pk] == key):
            claimed[key] = pk
    keys = {pk: key for pk, key in loaded.items() if pk not in now}  # deleted
    keys.update({pk: key for key, pk in claimed.items()})
    model.objects.bulk_update(
        [model(pk=pk, archive_key=key) for key, pk in claimed.items()],
        ["archive_key"],
        batch_size=500,
    )
    history.objects.bulk_update(
        [
            history(history_id=history_id, archive_key=keys[pk])
            for history_id, pk in history.objects.filter(id__in=list(keys))
            .values_list("history_id", "id")
            .iterator()
        ],
        ["archive_key"],
        batch_size=500,
    )


class AddArchiveKey(migrations.AddField):
    """AddField of archive_key. On SQLite, the column is added in place (ALTER TABLE
    ADD COLUMN with DEFAULT ''), not by rebuilding the table, as Django does for
    any NOT NULL column: a fresh migrate would rebuild twenty-four tables."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return super().database_forwards(
                app_label, schema_editor, from_state, to_state
            )
        options = to_state.models[app_label, self.model_name_lower].options
        table = options.get("db_table") or f"{app_label}_{self.model_name_lower}"
        quote = schema_editor.quote_name
        schema_editor.execute(
            f"ALTER TABLE {quote(table)} ADD COLUMN {quote(self.name)} "
            f"varchar({self.field.max_length}) DEFAULT '' NOT NULL"
        )


class FillArchiveKeys(migrations.RunPython):
    """The data migration of fill_archive_keys for each (label, key lookups) of an
    app; it reads the tables first, and an empty database (a fresh migrate) skips
    it, and the rendering of every model it would take."""

    def __init__(self, natural_keys):
        self.natural_keys = natural_keys
        super().__init__(self.fill, migrations.RunPython.noop, elidable=True)

    def fill(self, apps, schema_editor):
        for label, key_fields in self.natural_keys:
            fill_archive_keys(apps, label, key_fields)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        quote = schema_editor.quote_name
        with schema_editor.connection.cursor() as cursor:
            for label, _ in self.natural_keys:
                app, name = label.split(".")
                for table in (f"{app}_{name}", f"{app}_historical{name}"):
                    cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
                    if cursor.fetchone():
                        return super().database_forwards(
                            app_label, schema_editor, from_state, to_state
                        )


# A loaded_digest that says "unedited since the last load, under an older
# schema": the loader compares it with nothing and takes the fixtures' version.
MIGRATED_DIGEST = "migrated"


def mark_loaded_rows_unedited(
    apps, app_label, loaded_reasons=("load_archive",), published_prefix="published "
):
    """For a data migration that changes the fields of loaded records: each row
    the loader wrote whose latest history row is the loader's (no one edited it
    since) gets MIGRATED_DIGEST, since its digest, taken over the old fields, no
    longer matches its new ones and would make it look edited. A row staff
    edited keeps its digest, so the next load keeps the staff's version. The
    loader's reasons are its own and those of a document published in admin
    ("published <file>"); a row edited without a history row (not through the
    admin) cannot be told from an unedited one here."""
    for model in apps.get_app_config(app_label).get_models():
        names = {field.name for field in model._meta.concrete_fields}
        if "loaded_digest" not in names or model.__name__.startswith("Historical"):
            continue
        history = apps.get_model(app_label, f"Historical{model.__name__}")
        latest = (
            history.objects.filter(id=models.OuterRef("pk"))
            .order_by("-history_date", "-history_id")
            .values("history_change_reason")[:1]
        )
        model.objects.exclude(loaded_digest="").alias(
            last_reason=models.Subquery(latest)
        ).filter(
            models.Q(last_reason__in=loaded_reasons)
            | models.Q(last_reason__startswith=published_prefix)
        ).update(loaded_digest=MIGRATED_DIGEST)


class MarkLoadedRowsUnedited(migrations.RunPython):
    """mark_loaded_rows_unedited for the app's loaded models, to end a migration
    that changes their fields."""

    def __init__(self):
        super().__init__(self.mark, migrations.RunPython.noop, elidable=True)

    def mark(self, apps, schema_editor):
        mark_loaded_rows_unedited(apps, self.app_label)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        """Only where some table of the app holds a loaded row: a fresh migrate
        skips it, and the rendering of every model it would take."""
        self.app_label = app_label
        quote = schema_editor.quote_name
        with schema_editor.connection.cursor() as cursor:
            for (app, name), state in to_state.models.items():
                if app != app_label or "loaded_digest" not in state.fields:
                    continue
                table = state.options.get("db_table") or f"{app}_{name}"
                cursor.execute(
                    f"SELECT 1 FROM {quote(table)} WHERE loaded_digest <> '' LIMIT 1"
                )
                if cursor.fetchone():
                    return super().database_forwards(
                        app_label, schema_editor, from_state, to_state
                    )
