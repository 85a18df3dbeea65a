from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sdd_portal.audit"
    label = "audit"
    verbose_name = "Toegangslog"
