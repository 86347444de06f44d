"""Every loaded record keeps the natural key it was loaded with (archive_key)."""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

from core.records import AddArchiveKey, FillArchiveKeys

# The natural key of each model, as lookups.
NATURAL_KEYS = [
    ("plenaries.resolution", ["number"]),
    ("plenaries.plenary", ["slug"]),
    ("plenaries.chairmanship", ["slug"]),
    ("plenaries.chairperson", ["chairmanship__archive_key", "name"]),
    ("plenaries.event", ["slug"]),
]


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_archive_key"),
        ("plenaries", "0004_evidence_moves_out"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalChairmanship_countries",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "chairmanship",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.chairmanship",
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="members.country",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plenaries.historicalchairmanship",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalChairmanship_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvent_countries",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="members.country",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.event",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plenaries.historicalevent",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalEvent_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlenary_countries_named",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="members.country",
                    ),
                ),
                (
                    "plenary",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.plenary",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plenaries.historicalplenary",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlenary_countries_named",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlenary_countries_of_concern",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="members.country",
                    ),
                ),
                (
                    "plenary",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.plenary",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plenaries.historicalplenary",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlenary_countries_of_concern",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlenary_regions_of_concern",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "plenary",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.plenary",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="members.region",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plenaries.historicalplenary",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlenary_regions_of_concern",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlenary_resolutions",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "plenary",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.plenary",
                    ),
                ),
                (
                    "resolution",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plenaries.resolution",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="plenaries.historicalplenary",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlenary_resolutions",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        AddArchiveKey(
            model_name="chairmanship",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="chairperson",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="event",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalchairmanship",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalchairperson",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalevent",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalplenary",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="historicalresolution",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="plenary",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        AddArchiveKey(
            model_name="resolution",
            name="archive_key",
            field=models.CharField(
                blank=True, editable=False, max_length=500, serialize=False
            ),
        ),
        FillArchiveKeys(NATURAL_KEYS),
        migrations.AddConstraint(
            model_name="chairmanship",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="plenaries_chairmanship_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="chairperson",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="plenaries_chairperson_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="plenaries_event_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="plenary",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="plenaries_plenary_unique_archive_key",
            ),
        ),
        migrations.AddConstraint(
            model_name="resolution",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archive_key", ""), _negated=True),
                fields=("archive_key",),
                name="plenaries_resolution_unique_archive_key",
            ),
        ),
    ]
