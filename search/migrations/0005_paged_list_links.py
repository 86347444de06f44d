from django.db import migrations


def forget_the_index(apps, schema_editor):
    """Passages indexed before link to an Annex revision as /annex/#<slug>, which
    the paged list no longer opens at the right page: the next search rebuilds."""
    apps.get_model("search", "IndexState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_passage_anchor"),
    ]

    operations = [
        migrations.RunPython(forget_the_index, migrations.RunPython.noop),
    ]
