from django.apps import AppConfig


class ContractbeheerConfig(AppConfig):
    name = "contractbeheer"
    verbose_name = "Contractbeheer"

    def ready(self) -> None:
        from . import regels

        regels.registreren()
