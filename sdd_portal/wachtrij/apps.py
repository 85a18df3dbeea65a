from django.apps import AppConfig


class WachtrijConfig(AppConfig):
    name = "sdd_portal.wachtrij"
    label = "wachtrij"
    verbose_name = "Takenwachtrij"
    default_auto_field = "django.db.models.BigAutoField"
