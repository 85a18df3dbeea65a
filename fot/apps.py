from django.apps import AppConfig


class FotConfig(AppConfig):
    name = "fot"
    verbose_name = "Overlegtafels (FOT)"

    def ready(self) -> None:
        """Register what this app plugs into the core: API resources, its menu item and home
        panel, and the daily rule for overdue action items."""
        from signalen.regels import registreer

        from . import api, portaal  # noqa: F401 (portaal registers on import)
        from .regels import ActiepuntVerlopen

        api.registreren()
        registreer(ActiepuntVerlopen())
