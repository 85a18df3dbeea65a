from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "signalen"
    label = "signalen"
    verbose_name = "Signalen en dagelijkse taken"

    def ready(self) -> None:
        from . import portaal  # noqa: F401 (menu item and home panel register)
