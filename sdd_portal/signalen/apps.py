from django.apps import AppConfig


class SignalenConfig(AppConfig):
    name = "sdd_portal.signalen"
    label = "signalen"
    verbose_name = "Signalen en dagelijkse taken"
