from django.apps import AppConfig


class PlenariesConfig(AppConfig):
    name = "plenaries"
