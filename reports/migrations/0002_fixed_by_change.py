"""The change that fixed a report: from its address in the change log (text) to a
foreign key to the entry. An address holding "change-<n>" (as
Change.get_absolute_url writes it) links to entry n if it exists; any other
address is left empty."""

import re

import django.db.models.deletion
from django.db import migrations, models

ENTRY = re.compile(r"change-(\d+)")


def entry_number(address):
    """The number of the change log entry an address names, or None."""
    found = ENTRY.search(address or "")
    return int(found[1]) if found and len(found[1]) < 19 else None


def link_fixing_changes(reports, changes):
    """Set fixed_by_change on each report whose address names an existing entry
    of `changes` (a queryset of Change); return the reports it set."""
    numbers = {report.pk: entry_number(report.fixed_by) for report in reports}
    existing = set(
        changes.filter(pk__in={n for n in numbers.values() if n}).values_list(
            "pk", flat=True
        )
    )
    linked = []
    for report in reports:
        if numbers[report.pk] in existing:
            report.fixed_by_change_id = numbers[report.pk]
            linked.append(report)
    return linked


def forwards(apps, schema_editor):
    Change = apps.get_model("changes", "Change")
    for name in ("ErrorReport", "HistoricalErrorReport"):
        model = apps.get_model("reports", name)
        reports = list(model.objects.exclude(fixed_by="").only("pk", "fixed_by"))
        linked = link_fixing_changes(reports, Change.objects.all())
        model.objects.bulk_update(linked, ["fixed_by_change"], batch_size=500)
    if schema_editor.connection.vendor == "postgresql":
        # Check the new foreign keys now: PostgreSQL will not alter a table with
        # deferred checks pending, and the fields below are removed and renamed.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def backwards(apps, schema_editor):
    for name in ("ErrorReport", "HistoricalErrorReport"):
        model = apps.get_model("reports", name)
        for report in model.objects.filter(fixed_by_change__isnull=False):
            anchor = f"change-{report.fixed_by_change_id}"
            report.fixed_by = f"/changes/?entry={anchor}#{anchor}"
            report.save(update_fields=["fixed_by"])


class Migration(migrations.Migration):
    dependencies = [
        ("changes", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="errorreport",
            name="fixed_by_change",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reports",
                to="changes.change",
                verbose_name="the change that fixed it",
                help_text="The change log entry that corrected the error, by its "
                "number (n in change-n, the end of its address); the log then notes "
                "that a reader's report led to it.",
            ),
        ),
        migrations.AddField(
            model_name="historicalerrorreport",
            name="fixed_by_change",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="changes.change",
                verbose_name="the change that fixed it",
                help_text="The change log entry that corrected the error, by its "
                "number (n in change-n, the end of its address); the log then notes "
                "that a reader's report led to it.",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="errorreport", name="fixed_by"),
        migrations.RemoveField(model_name="historicalerrorreport", name="fixed_by"),
        migrations.RenameField(
            model_name="errorreport", old_name="fixed_by_change", new_name="fixed_by"
        ),
        migrations.RenameField(
            model_name="historicalerrorreport",
            old_name="fixed_by_change",
            new_name="fixed_by",
        ),
    ]
