"""The trends read the search index's passages: their own copies of the plenaries'
texts (PlenaryText) and of the notable terms' uses (TermUse) go."""

from django.db import migrations


def forget_the_search_index(apps, schema_editor):
    """Back to 0001: the tables come back empty, and are filled when the search
    index is next rebuilt, which the next search or trend then does."""
    apps.get_model("search", "IndexState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("research", "0001_initial")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, forget_the_search_index),
        migrations.DeleteModel(name="PlenaryText"),
        migrations.DeleteModel(name="TermUse"),
    ]
