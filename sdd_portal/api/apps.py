from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sdd_portal.api"
    label = "api"
    verbose_name = "API-koppelingen"

    def ready(self):
        from . import services

        services.registreren()
