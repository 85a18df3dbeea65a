from django.apps import AppConfig


class KetenConfig(AppConfig):
    name = "keten"
    label = "keten"
    verbose_name = "iWmo-keten"
