from django.db import migrations


def forget_the_index(apps, schema_editor):
    """Passages indexed before link to Annex revisions, chair terms and events by
    an anchor on a list that is now paged (/annex/#<slug>, /#event-<slug>), which
    no longer opens at the right page: the next search rebuilds the index."""
    apps.get_model("search", "IndexState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_passage_field_key_index"),
    ]

    operations = [
        migrations.RunPython(forget_the_index, migrations.RunPython.noop),
    ]
