from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "submissions"
    verbose_name = "Documents added by editors"

    def ready(self):
        from . import signals  # noqa: F401 (connects the loader's check)
