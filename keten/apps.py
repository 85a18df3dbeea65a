from django.apps import AppConfig


class KetenConfig(AppConfig):
    name = "keten"
    label = "keten"
    verbose_name = "iWmo-keten"

    def ready(self) -> None:
        from . import portaal  # noqa: F401  (menu, home panel, dossier sections, timeline)
        from .api import registreren

        registreren()
