from django.apps import AppConfig


class ContractbeheerConfig(AppConfig):
    name = "contractbeheer"
    verbose_name = "Contractbeheer"

    def ready(self) -> None:
        from . import portaal, regels  # noqa: F401 (menu items and home panels register)

        regels.registreren()
