from django.apps import AppConfig


class BandbreedteConfig(AppConfig):
    name = "bandbreedte"
    verbose_name = "Producten en bandbreedtes"

    def ready(self) -> None:
        from . import api

        api.registreren()
