from django.apps import AppConfig


class FotConfig(AppConfig):
    name = "fot"
    verbose_name = "Overlegtafels (FOT)"

    def ready(self) -> None:
        from signalen.regels import registreer

        from .regels import ActiepuntVerlopen

        registreer(ActiepuntVerlopen())
