"""Every loaded record keeps the natural key it was loaded with (archive_key)."""

from django.db import migrations, models

from core.records import AddArchiveKey, FillArchiveKeys

# The natural key of each model, as lookups.
NATURAL_KEYS = [
    ("members.country", ["iso_code"]),
    ("members.region", ["slug"]),
    ("members.membership", ["country__archive_key"]),
    ("members.adherence", ["country__archive_key", "kind"]),
]


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_partner_and_adherent_indexes"),
    ]

    operations = [
        AddArchiveKey(
            model_name="adherence",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="country",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicaladherence",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalcountry",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalmembership",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalregion",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="membership",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="region",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        FillArchiveKeys(NATURAL_KEYS),
        migrations.AddConstraint(
            model_name="adherence",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="members_adherence_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="country",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="members_country_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="members_membership_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="region",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="members_region_unique_archive_key",
            ),
        ),
    ]
