from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Change",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("created", "Created"),
                            ("changed", "Changed"),
                            ("deleted", "Deleted"),
                            ("loaded", "Archive loaded"),
                        ],
                        max_length=10,
                    ),
                ),
                ("made_at", models.DateTimeField()),
                ("reason", models.CharField(blank=True, max_length=200)),
                ("record_label", models.CharField(blank=True, max_length=100)),
                ("record_pk", models.BigIntegerField(blank=True, null=True)),
                ("record_name", models.CharField(blank=True, max_length=300)),
                ("record_key", models.CharField(blank=True, max_length=500)),
                ("record_url", models.CharField(blank=True, max_length=500)),
                ("changed_fields", models.JSONField(blank=True, default=list)),
                ("history_id", models.BigIntegerField(blank=True, null=True)),
                ("created_count", models.PositiveIntegerField(default=0)),
                ("updated_count", models.PositiveIntegerField(default=0)),
                ("kept_count", models.PositiveIntegerField(default=0)),
                ("removed_count", models.PositiveIntegerField(default=0)),
            ],
            options={
                "ordering": ["-made_at", "-id"],
                "indexes": [
                    models.Index(
                        fields=["-made_at", "-id"], name="change_newest_idx"
                    ),
                    models.Index(
                        fields=["record_label", "record_pk", "-made_at"],
                        name="change_record_idx",
                    ),
                    models.Index(
                        fields=["record_label", "record_key"], name="change_key_idx"
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("kind", "loaded"),
                            models.Q(("record_label", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="change_names_its_record",
                    )
                ],
            },
        ),
    ]
