from django.apps import AppConfig


class ContractbeheerConfig(AppConfig):
    name = "contractbeheer"
    verbose_name = "Contractbeheer"

    def ready(self) -> None:
        """Register what this app plugs into the core: API resources and tombstones, menu
        items and home panels, and its daily rules."""
        from . import api, portaal, privacy, regels  # noqa: F401 (portaal, privacy register on import)

        api.registreren()
        regels.registreren()
