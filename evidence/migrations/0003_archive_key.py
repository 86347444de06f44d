"""Every loaded record keeps the natural key it was loaded with (archive_key)."""

from django.db import migrations, models

from core.records import fill_archive_keys as fill

# The natural key of each model, as lookups.
NATURAL_KEYS = [
    ("evidence.sourcedocument", ["file_name"]),
    ("evidence.citation", ["key"]),
]


def fill_archive_keys(apps, schema_editor):
    for label, key_fields in NATURAL_KEYS:
        fill(apps, label, key_fields)


class Migration(migrations.Migration):
    dependencies = [
        ("annex", "0003_archive_key"),
        ("evidence", "0002_own_tables"),
        ("members", "0003_archive_key"),
        ("plenaries", "0005_archive_key_and_m2m_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="citation",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        migrations.AddField(
            model_name="historicalcitation",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        migrations.AddField(
            model_name="historicalsourcedocument",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        migrations.AddField(
            model_name="sourcedocument",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        migrations.RunPython(
            fill_archive_keys, migrations.RunPython.noop, elidable=True
        ),
        migrations.AddConstraint(
            model_name="citation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="evidence_citation_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcedocument",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="evidence_sourcedocument_unique_archive_key",
            ),
        ),
    ]
