from django.apps import AppConfig


class FotConfig(AppConfig):
    name = "fot"
    verbose_name = "Overlegtafels (FOT)"

    def ready(self) -> None:
        from signalen.regels import registreer

        from . import portaal  # noqa: F401 (menu item and home panel register)
        from .regels import ActiepuntVerlopen

        registreer(ActiepuntVerlopen())
