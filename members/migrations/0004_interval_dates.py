"""Partnerships and adherences begin on a day known between two bounds.

`since` (with `since_is_upper_bound`) becomes `since_earliest` and `since_latest`:
an exact date (a day, a month or a year) is the first and last day it may stand
for; a date the country was a partner "by" is the latest day alone. The same for
an adherence's `declared`. The history is converted with the records.
"""

import calendar
import datetime

from django.db import migrations, models


def _bounds(value, precision, upper_bound):
    if value is None:
        return None, None
    if precision == "year":
        first, last = datetime.date(value.year, 1, 1), datetime.date(value.year, 12, 31)
    elif precision == "month":
        days = calendar.monthrange(value.year, value.month)[1]
        first, last = value.replace(day=1), value.replace(day=days)
    else:
        first, last = value, value
    return (None, last) if upper_bound else (first, last)


FIELDS = [
    ("membership", "since", "since_is_upper_bound"),
    ("adherence", "declared", "declared_is_upper_bound"),
]


def to_intervals(apps, schema_editor):
    for model, field, upper in FIELDS:
        for name in (model, f"historical{model}"):
            rows = apps.get_model("members", name).objects.all()
            for row in rows.iterator():
                earliest, latest = _bounds(
                    getattr(row, field),
                    getattr(row, f"{field}_precision"),
                    getattr(row, upper),
                )
                setattr(row, f"{field}_earliest", earliest)
                setattr(row, f"{field}_latest", latest)
                row.save(update_fields=[f"{field}_earliest", f"{field}_latest"])


def to_single_dates(apps, schema_editor):
    """Back: the earliest day where there is one, else the latest "by" it."""
    for model, field, upper in FIELDS:
        for name in (model, f"historical{model}"):
            rows = apps.get_model("members", name).objects.all()
            for row in rows.iterator():
                earliest = getattr(row, f"{field}_earliest")
                latest = getattr(row, f"{field}_latest")
                setattr(row, field, earliest or latest)
                setattr(row, upper, earliest is None and latest is not None)
                row.save(update_fields=[field, upper])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_archive_key"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="membership",
            options={
                "ordering": [
                    models.OrderBy(models.F("since_latest"), nulls_last=True),
                    "since_earliest",
                    "country__name",
                ]
            },
        ),
        migrations.RemoveConstraint(
            model_name="adherence",
            name="adherence_ends_after_declared",
        ),
        migrations.RemoveIndex(
            model_name="adherence",
            name="adherence_declared_idx",
        ),
        migrations.RemoveIndex(
            model_name="membership",
            name="membership_since_idx",
        ),
        migrations.AddField(
            model_name="adherence",
            name="declared_earliest",
            field=models.DateField(
                blank=True, null=True, verbose_name="declared on or after"
            ),
        ),
        migrations.AddField(
            model_name="adherence",
            name="declared_latest",
            field=models.DateField(
                blank=True,
                help_text="The earliest day the evidence shows it declared (empty: none).",
                null=True,
                verbose_name="declared by",
            ),
        ),
        migrations.AddField(
            model_name="historicaladherence",
            name="declared_earliest",
            field=models.DateField(
                blank=True, null=True, verbose_name="declared on or after"
            ),
        ),
        migrations.AddField(
            model_name="historicaladherence",
            name="declared_latest",
            field=models.DateField(
                blank=True,
                help_text="The earliest day the evidence shows it declared (empty: none).",
                null=True,
                verbose_name="declared by",
            ),
        ),
        migrations.AddField(
            model_name="historicalmembership",
            name="since_earliest",
            field=models.DateField(
                blank=True,
                help_text="The day after the latest evidence that it was not yet a partner (empty: no such evidence).",
                null=True,
                verbose_name="began on or after",
            ),
        ),
        migrations.AddField(
            model_name="historicalmembership",
            name="since_latest",
            field=models.DateField(
                blank=True,
                help_text="The earliest day the evidence shows it a partner (empty: none).",
                null=True,
                verbose_name="began by",
            ),
        ),
        migrations.AddField(
            model_name="membership",
            name="since_earliest",
            field=models.DateField(
                blank=True,
                help_text="The day after the latest evidence that it was not yet a partner (empty: no such evidence).",
                null=True,
                verbose_name="began on or after",
            ),
        ),
        migrations.AddField(
            model_name="membership",
            name="since_latest",
            field=models.DateField(
                blank=True,
                help_text="The earliest day the evidence shows it a partner (empty: none).",
                null=True,
                verbose_name="began by",
            ),
        ),
        migrations.RunPython(to_intervals, to_single_dates),
        migrations.RemoveField(
            model_name="adherence",
            name="declared",
        ),
        migrations.RemoveField(
            model_name="adherence",
            name="declared_is_upper_bound",
        ),
        migrations.RemoveField(
            model_name="historicaladherence",
            name="declared",
        ),
        migrations.RemoveField(
            model_name="historicaladherence",
            name="declared_is_upper_bound",
        ),
        migrations.RemoveField(
            model_name="historicalmembership",
            name="since",
        ),
        migrations.RemoveField(
            model_name="historicalmembership",
            name="since_is_upper_bound",
        ),
        migrations.RemoveField(
            model_name="membership",
            name="since",
        ),
        migrations.RemoveField(
            model_name="membership",
            name="since_is_upper_bound",
        ),
        migrations.AddIndex(
            model_name="adherence",
            index=models.Index(
                fields=["declared_latest"], name="adherence_declared_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(
                fields=["since_latest"], name="membership_since_latest_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="membership",
            index=models.Index(
                fields=["since_earliest"], name="membership_since_earliest_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="adherence",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ended__isnull", True),
                    ("declared_earliest__isnull", True),
                    ("ended__gte", models.F("declared_earliest")),
                    _connector="OR",
                ),
                name="adherence_ends_after_declared",
            ),
        ),
        migrations.AddConstraint(
            model_name="adherence",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("declared_earliest__isnull", True),
                    ("declared_latest__isnull", True),
                    ("declared_latest__gte", models.F("declared_earliest")),
                    _connector="OR",
                ),
                name="adherence_declared_earliest_not_after_latest",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("since_earliest__isnull", True),
                    ("since_latest__isnull", True),
                    ("since_latest__gte", models.F("since_earliest")),
                    _connector="OR",
                ),
                name="membership_since_earliest_not_after_latest",
            ),
        ),
    ]
