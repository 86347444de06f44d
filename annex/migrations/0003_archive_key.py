"""Every loaded record keeps the natural key it was loaded with (archive_key)."""

from django.db import migrations, models

from core.records import AddArchiveKey, FillArchiveKeys

# The natural key of each model, as lookups.
NATURAL_KEYS = [
    ("annex.annexrevision", ["slug"]),
]


class Migration(migrations.Migration):
    dependencies = [
        ("annex", "0002_initial"),
        ("plenaries", "0004_evidence_moves_out"),
    ]

    operations = [
        AddArchiveKey(
            model_name="annexrevision",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalannexrevision",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        FillArchiveKeys(NATURAL_KEYS),
        migrations.AddConstraint(
            model_name="annexrevision",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="annex_annexrevision_unique_archive_key",
            ),
        ),
    ]
