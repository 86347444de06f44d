from django.apps import AppConfig


class AnnexConfig(AppConfig):
    name = "annex"
