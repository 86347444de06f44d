"""Every loaded record keeps the natural key it was loaded with (archive_key)."""

from django.db import migrations, models

from core.records import AddArchiveKey, FillArchiveKeys

# The natural key of each model, as lookups.
NATURAL_KEYS = [
    ("evidence.sourcedocument", ["file_name"]),
    ("evidence.citation", ["key"]),
]


class Migration(migrations.Migration):
    dependencies = [
        ("annex", "0003_archive_key"),
        ("evidence", "0002_own_tables"),
        ("members", "0003_archive_key"),
        ("plenaries", "0005_archive_key_and_m2m_history"),
    ]

    operations = [
        AddArchiveKey(
            model_name="citation",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalcitation",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalsourcedocument",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="sourcedocument",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        FillArchiveKeys(NATURAL_KEYS),
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
