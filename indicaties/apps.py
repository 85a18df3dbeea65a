from django.apps import AppConfig


class IndicatiesConfig(AppConfig):
    name = "indicaties"
    verbose_name = "Cliënten en indicaties"

    def ready(self) -> None:
        """Register what this app plugs into the core: API resources, scopes and event kinds,
        menu items and home panels, and its daily rules."""
        from . import api, portaal, privacy, regels  # noqa: F401 (portaal, privacy register on import)

        api.registreren()
        regels.registreren()
