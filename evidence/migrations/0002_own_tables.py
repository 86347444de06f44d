"""The evidence tables get the evidence app's names, and the content types (and so
the permissions, admin log entries and history links that point at them) follow
the models from the plenaries app."""

from django.db import migrations

MODELS = ["sourcedocument", "citation", "historicalsourcedocument", "historicalcitation"]


def move_content_types(apps, schema_editor, old="plenaries", new="evidence"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if ContentType.objects.using(db).filter(app_label=new, model=model).exists():
            continue
        ContentType.objects.using(db).filter(app_label=old, model=model).update(
            app_label=new
        )


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="evidence", new="plenaries")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("evidence", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="sourcedocument", table=None),
        migrations.AlterModelTable(name="citation", table=None),
        migrations.AlterModelTable(name="historicalsourcedocument", table=None),
        migrations.AlterModelTable(name="historicalcitation", table=None),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
