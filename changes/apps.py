from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = "Change log"

    def ready(self):
        from .recording import connect

        # Each history row written outside a load becomes (part of) an entry of
        # the public change log, whatever wrote it: admin, a revert, a shell.
        connect()
