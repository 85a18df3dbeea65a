from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "signalen"
    label = "signalen"
    verbose_name = "Signalen en dagelijkse taken"

    def ready(self) -> None:
        """Register the signals' API resource and event kind, the Postvak menu item and the
        inbox panel."""
        from . import api, portaal, privacy  # noqa: F401 (portaal, privacy register on import)

        api.registreren()
