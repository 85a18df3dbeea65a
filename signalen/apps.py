from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "signalen"
    label = "signalen"
    verbose_name = "Signalen en dagelijkse taken"
