from django.apps import AppConfig


class IndicatiesConfig(AppConfig):
    name = "indicaties"
    verbose_name = "Cliënten en indicaties"

    def ready(self) -> None:
        from . import portaal, regels  # noqa: F401 (menu items and home panels register)

        regels.registreren()
