from django.apps import AppConfig


class IndicatiesConfig(AppConfig):
    name = "indicaties"
    verbose_name = "Cliënten en indicaties"

    def ready(self) -> None:
        from . import regels

        regels.registreren()
