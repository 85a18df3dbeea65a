from django.apps import AppConfig


class KetenConfig(AppConfig):
    name = "keten"
    label = "keten"
    verbose_name = "iWmo-keten"

    def ready(self) -> None:
        """Register the chain's daily rule (the retour watchdog, OP090)."""
        from . import bewaking

        bewaking.registreren()
