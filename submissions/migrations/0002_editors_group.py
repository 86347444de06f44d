"""The staff group "editors": the permissions of the path from a new document to
the archive (add, review, publish) and to correct the archive's records."""

from django.db import migrations

ARCHIVE_MODELS = {
    "plenaries": ["plenary", "chairmanship", "chairperson", "event", "resolution"],
    "members": ["country", "region", "membership", "adherence"],
    "annex": ["annexrevision"],
    "evidence": ["sourcedocument", "citation"],
}
SUBMISSION_PERMISSIONS = [
    "add_submission",
    "change_submission",
    "view_submission",
    "delete_submission",
    "publish_submission",
]


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are made after migrations; this migration needs them now.
    # create_permissions skips an app without models_module, which a migration's
    # app configs lack; each keeps its own afterwards (the real registry's, when
    # a test calls this, must stay as it was: dumpdata reads it).
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = [("submissions", codename) for codename in SUBMISSION_PERMISSIONS]
    for app_label, models in ARCHIVE_MODELS.items():
        for model in models:
            wanted += [(app_label, f"view_{model}"), (app_label, f"change_{model}")]
    editors, _ = Group.objects.get_or_create(name="editors")
    for app_label, codename in wanted:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            editors.permissions.add(permission)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("plenaries", "0005_archive_key_and_m2m_history"),
        ("members", "0003_archive_key"),
        ("annex", "0003_archive_key"),
        ("evidence", "0003_archive_key"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
