from django.apps import AppConfig


class KetenConfig(AppConfig):
    name = "keten"
    label = "keten"
    verbose_name = "iWmo-keten"

    def ready(self) -> None:
        """Plug the chain in: menu, home panel, dossier sections and timeline, its API
        resources, and its daily rule (the retour watchdog, OP090)."""
        from . import bewaking, portaal  # noqa: F401  (portaal registers on import)
        from .api import registreren

        registreren()
        bewaking.registreren()
